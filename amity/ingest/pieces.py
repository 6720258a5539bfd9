"""Input files cut into pieces that another process reads itself, so that a cluster's workers read them where they lie.

A JSON Lines file is cut at line ends every `lines` lines: the cutter reads
its bytes once to find them and keeps none. Any other file, a JSON Lines
file of no more lines than that, and one of blank lines only (so that it is
reported empty, as when read whole) is one piece, read whole. A piece is
read by the readers `read_sources` uses, with the same docs, line numbers
and messages, so what a worker reads is what this process would have. A
piece knows how many lines it holds, so that a task of many small files
weighs their articles, not their number.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from amity.ingest.clean import clean_article
from amity.ingest.jsonl import read_jsonl_range, read_text_file
from amity.ingest.kinds import kind_by_extension
from amity.ingest.sources import read_path
from amity.model import Article, InputError

_BLOCK = 1 << 20


@dataclass(frozen=True)
class Piece:
    """A whole file (`end` None), or the lines in bytes [start, end) of a JSON Lines file, the first of them line
    `first_line`. `path` is absolute, as any process of this machine or of one sharing its files opens it;
    `source` is the file as the user named it, for docs and messages. `lines`: the articles it may hold (its
    lines; 1 for a file of another kind or of no line)."""

    path: str
    source: str
    start: int = 0
    end: int | None = None
    first_line: int = 1
    lines: int = 1


def cut(path: Path, source: str, lines: int) -> Iterator[Piece | InputError]:
    """The pieces of one file, in order (a JSON Lines file's of `lines` lines each), or why it cannot be read."""
    absolute = str(path.absolute())  # not resolved: a link is read by its own name, as read_sources reads it
    if kind_by_extension(path) != "jsonl":
        yield Piece(absolute, source)
        return
    yield from read_text_file(path, source, lambda stream: _line_pieces(stream, absolute, source, max(1, lines)))


def _line_pieces(stream: BinaryIO, path: str, source: str, lines: int) -> Iterator[Piece]:
    start, first_line, counted, offset = 0, 1, 0, 0  # counted: line ends since `start`
    held: list[Piece] | None = []  # pieces of blank lines only so far (None once a line holds text)
    last = b"\n"
    while block := stream.read(_BLOCK):
        if held is not None and block.strip():
            yield from held
            held = None
        ends = block.count(b"\n")
        if counted + ends < lines:
            counted += ends
        else:
            at = -1
            for _ in range(ends):
                at = block.index(b"\n", at + 1)
                counted += 1
                if counted == lines:
                    piece = Piece(path, source, start, offset + at + 1, first_line, lines)
                    if held is None:
                        yield piece
                    else:
                        held.append(piece)
                    start, first_line, counted = offset + at + 1, first_line + lines, 0
        offset += len(block)
        last = block[-1:]
    counted += last != b"\n"  # a last line with no line end
    if held is not None:  # no line holds text: read whole, which says the file is empty
        yield Piece(path, source)
    elif start == 0:  # one piece: read whole, as any small file
        yield Piece(path, source, lines=max(1, counted))
    elif offset > start:
        yield Piece(path, source, start, offset, first_line, counted)


def read_piece(piece: Piece, max_bytes: int) -> Iterator[Article | InputError]:
    """The articles of a piece, cleaned as `read_sources` cleans them, and an `InputError` for each bad input."""
    path = Path(piece.path)
    if piece.end is None:
        items = read_path(path, piece.source, max_bytes)
    else:
        items = read_jsonl_range(path, piece.source, piece.start, piece.end, piece.first_line, max_bytes)
    for item in items:
        yield clean_article(item) if isinstance(item, Article) else item
