"""Where articles come from: files, folders and stdin, streamed one article at a time.

Each input is read by its kind (see `kinds`), and anything wrong with one
input becomes an `InputError` in the stream, so the rest still get read.
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from amity.ingest.clean import clean_article
from amity.ingest.jsonl import read_json_document, read_jsonl_file, read_jsonl_stream
from amity.ingest.kinds import Kind, kind_by_extension, sniff
from amity.ingest.raw import HEAD_BYTES, cannot_read, decode, is_binary, read_file, read_stream
from amity.ingest.text import read_text
from amity.model import Article, InputError

STDIN = "-"
_STDIN_NAME = "stdin"


def read_sources(paths: Iterable[str], *, max_bytes: int = 10_000_000) -> Iterator[Article | InputError]:
    """Articles from each path in turn ("-" is stdin), with an `InputError` for each bad input.

    Folders are read recursively in name order, skipping hidden entries.
    No file bigger than `max_bytes` is read; JSON Lines are streamed and the
    limit applies to each line. Articles come out cleaned (`clean_article`).
    """
    for item in _read_all(paths, max_bytes):
        yield clean_article(item) if isinstance(item, Article) else item


def _read_all(paths: Iterable[str], max_bytes: int) -> Iterator[Article | InputError]:
    for item in input_files(paths):
        if isinstance(item, tuple):
            yield from read_path(*item, max_bytes)
        elif isinstance(item, InputError):
            yield item
        else:
            yield from _read_stdin(max_bytes)


def input_files(paths: Iterable[str]) -> Iterator[tuple[Path, str] | InputError | str]:
    """Each file the paths name, as (path, the name it is reported by), in reading order: folders recursively in
    name order, hidden entries skipped; `STDIN` for "-", and an `InputError` for what is no file to read."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _folder_files(path, set())
        elif path.is_file():
            yield path, raw
        elif path.exists():
            yield InputError(raw, "not a regular file or folder")
        else:
            yield InputError(raw, "no such file or folder")


def _folder_files(folder: Path, visited: set[Path]) -> Iterator[tuple[Path, str] | InputError]:
    """Every file under a folder, sorted by name, hidden files and folders skipped."""
    real = folder.resolve()
    if real in visited:  # a symlink loop
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield InputError(str(folder), cannot_read(exc))
        return
    shown = [entry for entry in entries if not entry.name.startswith(".")]
    if not shown:
        yield InputError(str(folder), "empty folder")
    for entry in shown:
        path = folder / entry.name
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as exc:  # a link that loops (ELOOP), a file gone meanwhile
            yield InputError(str(path), cannot_read(exc))
            continue
        if is_dir:
            yield from _folder_files(path, visited)
        elif is_file:
            yield path, str(path)
        elif entry.is_symlink() and not path.exists():
            yield InputError(str(path), "link to nothing (dangling symbolic link)")
        else:
            yield InputError(str(path), "not a regular file or folder")


def read_path(path: Path, source: str, max_bytes: int) -> Iterator[Article | InputError]:
    """One file, read as its extension says or as its first bytes suggest.

    Whatever goes wrong reading it ends this file only: one line, then the next file.
    """
    try:
        yield from _read_file(path, source, max_bytes)
    except Exception as exc:  # noqa: BLE001 - one bad file never ends the batch
        yield InputError(source, f"cannot read: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                         .rstrip(": "))


def _read_file(path: Path, source: str, max_bytes: int) -> Iterator[Article | InputError]:
    kind = kind_by_extension(path)
    if kind == "jsonl":
        yield from read_jsonl_file(path, source, max_bytes)
        return
    data = read_file(path, source, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    yield from _read_bytes(data, kind or sniff(data[:HEAD_BYTES]), path.name, source, max_bytes)


def _read_stdin(max_bytes: int) -> Iterator[Article | InputError]:
    """Whatever is piped in, sniffed for its kind; JSON Lines are streamed."""
    stream = _stdin_bytes()
    if stream is None:
        yield InputError(_STDIN_NAME, "no standard input to read")
        return
    try:
        head = stream.read(HEAD_BYTES)
    except OSError as exc:
        yield InputError(_STDIN_NAME, cannot_read(exc))
        return
    kind = sniff(head)
    if kind == "jsonl" and not is_binary(head):
        yield from read_jsonl_stream(stream, head, _STDIN_NAME, _STDIN_NAME, max_bytes)
        return
    data = read_stream(stream, head, _STDIN_NAME, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    yield from _read_bytes(data, kind, _STDIN_NAME, _STDIN_NAME, max_bytes)


def _stdin_bytes() -> BinaryIO | None:
    """stdin as bytes; a text-only replacement (as some test runners install) is encoded."""
    if sys.stdin is None:
        return None
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(sys.stdin.read().encode("utf-8"))


def _read_bytes(data: bytes, kind: Kind, name: str, source: str, max_bytes: int) -> Iterator[Article | InputError]:
    """Articles from the checked bytes of one input of a known kind."""
    # The HTML and feed readers load trafilatura and feedparser (~0.3 s): only when such an input comes.
    if kind == "html":
        from amity.ingest.html import read_html

        yield read_html(data, name, source)
    elif kind == "feed":
        from amity.ingest.feeds import read_feed

        yield from read_feed(data, name, source)
    elif kind in ("json", "jsonl"):
        yield from read_json_document(data, name, source, max_bytes)
    else:
        text = decode(data, source)
        yield text if isinstance(text, InputError) else read_text(text, name, source)
