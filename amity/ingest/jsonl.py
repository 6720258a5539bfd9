"""JSON Lines corpora, one article object per line, streamed.

A corpus can be far larger than memory, so lines are read one at a time and
the size limit applies to each line (one article), not to the file. A broken
line is reported with its line number and reading goes on with the next.
A `.json` file holding one object or a list of objects is read whole.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, TypeVar

from amity.ingest.published import detect_published, parse_date
from amity.ingest.raw import HEAD_BYTES, cannot_read, decode, is_binary, too_large
from amity.model import Article, InputError
from amity.vocabulary import is_iso_date

T = TypeVar("T")

_CHUNK = 1 << 16
#: Python's parser recurses once per level; deeper than its recursion limit is no article anyway.
_TOO_DEEP = "invalid JSON: nested too deeply"


def read_jsonl_file(path: Path, source: str, max_bytes: int) -> Iterator[Article | InputError]:
    """The articles of a JSON Lines file, streamed line by line."""
    return read_text_file(path, source, lambda stream: read_jsonl_lines(_bounded_lines(stream, max_bytes), path.name,
                                                                        source, max_bytes))


def read_text_file(path: Path, source: str, read: Callable[[BinaryIO], Iterator[T]]) -> Iterator[T | InputError]:
    """`read(stream)` of a file opened at its start, or one `InputError` for a file that is binary or unreadable."""
    try:
        with path.open("rb") as stream:
            if is_binary(stream.read(HEAD_BYTES)):
                yield InputError(source, "binary file, not text")
                return
            stream.seek(0)
            yield from read(stream)
    except OSError as exc:
        yield InputError(source, cannot_read(exc))


def read_jsonl_stream(
    stream: BinaryIO, head: bytes, name: str, source: str, max_bytes: int
) -> Iterator[Article | InputError]:
    """The articles of a JSON Lines stream whose first bytes were already read to sniff it."""
    yield from read_jsonl_lines(_bounded_lines(_Rewound(head, stream), max_bytes), name, source, max_bytes)


def read_jsonl_range(path: Path, source: str, start: int, end: int, first_line: int,
                     max_bytes: int) -> Iterator[Article | InputError]:
    """The articles of the lines in bytes [start, end) of a JSON Lines file, the first of them line `first_line`:
    one piece of a large file, read where it lies (`amity.ingest.pieces`)."""
    try:
        with path.open("rb") as stream:
            stream.seek(start)
            window = _Window(stream, end - start)
            yield from read_jsonl_lines(_bounded_lines(window, max_bytes), path.name, source, max_bytes,
                                        first_line=first_line, whole=False)
    except OSError as exc:
        yield InputError(source, cannot_read(exc))


def read_jsonl_lines(
    lines: Iterable[bytes | None], name: str, source: str, max_bytes: int, *, first_line: int = 1, whole: bool = True
) -> Iterator[Article | InputError]:
    """Articles from raw lines, numbered from `first_line` (of a whole file, or of a piece); None stands for a
    line over the size limit."""
    for item in parsed_lines(lines, source, max_bytes, first_line=first_line, whole=whole):
        if isinstance(item, InputError):
            yield item
        else:
            lineno, where, record = item
            yield article_from_record(record, f"{name}:{lineno}", where)


def parsed_lines(lines: Iterable[bytes | None], source: str, max_bytes: int, *, first_line: int = 1,
                 whole: bool = True) -> Iterator[tuple[int, str, Any] | InputError]:
    """(line number, "source:line", parsed JSON value) for each non-blank line of JSON Lines, or one
    `InputError` per line that is too long, not text or not JSON, and one for a `whole` file with no line at
    all: the articles' reader and the records' reader share it."""
    seen = not whole
    for lineno, line in enumerate(lines, start=first_line):
        where = f"{source}:{lineno}"
        if line is None:
            seen = True
            yield InputError(where, f"line {too_large(max_bytes)}")
            continue
        if not line.strip():
            continue
        seen = True
        text = decode(line, where)
        if isinstance(text, InputError):
            yield text
            continue
        try:
            yield lineno, where, json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
        except RecursionError:
            yield InputError(where, _TOO_DEEP)
    if not seen:
        yield InputError(source, "empty file")


def read_json_document(data: bytes, name: str, source: str, max_bytes: int) -> Iterator[Article | InputError]:
    """Articles from a `.json` file: one object, a list of objects, or JSON Lines after all."""
    text = decode(data, source)
    if isinstance(text, InputError):
        yield text
        return
    try:
        document = json.loads(text)
    except RecursionError:
        yield InputError(source, _TOO_DEEP)
        return
    except json.JSONDecodeError:
        lines = (line.encode("utf-8") for line in text.split("\n"))
        yield from read_jsonl_lines(lines, name, source, max_bytes)
        return
    if isinstance(document, list):
        for number, record in enumerate(document, start=1):
            yield article_from_record(record, f"{name}#{number}", f"{source}#{number}")
    else:
        yield article_from_record(document, name, source)


def article_from_record(record: Any, fallback_doc: str, where: str) -> Article | InputError:
    """An article from one decoded JSON object, or why it is not one (a field of the wrong type or a
    `published` that is no date is refused, not stored as its string form)."""
    if not isinstance(record, dict):
        return InputError(where, f"expected a JSON object, got {_json_type(record)}")
    text = record.get("text")
    if text is None:
        return InputError(where, "missing 'text' field")
    if not isinstance(text, str):
        return InputError(where, f"'text' field is {_json_type(text)}, not a string")
    if not text.strip():
        return InputError(where, "'text' field is blank")
    for name in ("title", "url", "published"):
        if record.get(name) is not None and not isinstance(record[name], str):
            return InputError(where, f"'{name}' field is {_json_type(record[name])}, not a string")
    for name in ("doc", "id"):  # a number is a fine id
        value = record.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int))):
            return InputError(where, f"'{name}' field is {_json_type(value)}, not a string")
    title = _optional_str(record.get("title"))
    published = _published(record.get("published"), title, text)
    if isinstance(published, _NotADate):
        return InputError(where, f"'published' field is not a date: {published.stated[:40]!r} (write YYYY-MM-DD)")
    doc = record.get("doc") if record.get("doc") not in (None, "") else record.get("id")
    return Article(
        doc=str(doc) if doc not in (None, "") else fallback_doc,
        text=text.replace("\r\n", "\n"),
        title=title,
        url=_optional_str(record.get("url")),
        published=published,
        source=where,
    )


class _NotADate(NamedTuple):
    stated: str


def _published(stated: str | None, title: str | None, text: str) -> str | _NotADate | None:
    """The stated date as YYYY-MM-DD (or YYYY, YYYY-MM as the contract writes them); detected when absent."""
    if stated is not None and stated.strip():
        found = parse_date(stated) or (stated.strip() if is_iso_date(stated.strip()) else None)
        return found or _NotADate(stated.strip())
    return detect_published(f"{title}\n\n{text}" if title else text)


def _optional_str(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _bounded_lines(stream: BinaryIO | _Rewound | _Window, limit: int) -> Iterator[bytes | None]:
    """Each line of a stream, or None for a line longer than limit, which is skipped unread."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drain the rest of the oversize line in bounded chunks
                more = stream.readline(_CHUNK)
                if not more or more.endswith(b"\n"):
                    break
            yield None
        else:
            yield line


class _Rewound:
    """A stream with its already-read first bytes put back in front, for line reading."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readline(self, size: int = -1) -> bytes:
        if self._head:
            cut = self._head.find(b"\n") + 1 or len(self._head)
            if size >= 0:
                cut = min(cut, size)
            line, self._head = self._head[:cut], self._head[cut:]
            if line.endswith(b"\n") or (size >= 0 and len(line) >= size) or self._head:
                return line
            return line + self._stream.readline(size - len(line) if size >= 0 else -1)
        return self._stream.readline(size)


class _Window:
    """The next `size` bytes of a stream, for line reading: one piece of a file."""

    def __init__(self, stream: BinaryIO, size: int) -> None:
        self._stream, self._left = stream, size

    def readline(self, size: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        line = self._stream.readline(self._left if size < 0 else min(size, self._left))
        self._left -= len(line)
        return line
