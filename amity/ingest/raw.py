"""Raw bytes in, checked: size, emptiness, binary content and encoding.

Every check turns bad input into a one-line `InputError` instead of an
exception, so one broken file never stops a batch. Size is checked with
`stat` before anything is read, so an oversize file costs nothing.
"""
from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

from amity.model import InputError

#: How much of an input is looked at to sniff its kind or spot binary data.
HEAD_BYTES = 8192

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: Control characters that never occur in text (tab, newlines, form feed and escape excepted).
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}


def too_large(max_bytes: int) -> str:
    """The reason given for input over the size limit, with the limit in MB."""
    if max_bytes >= 100_000:
        return f"larger than the {max_bytes / 1_000_000:g} MB limit"
    return f"larger than the {max_bytes:,}-byte limit"


def cannot_read(exc: OSError) -> str:
    """The reason given for a file the system would not let us read."""
    return f"cannot read: {exc.strerror or exc}"


def read_file(path: Path, source: str, max_bytes: int) -> bytes | InputError:
    """The bytes of a file, or why they cannot be used."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputError(source, too_large(max_bytes))
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        return InputError(source, cannot_read(exc))
    if len(data) > max_bytes:  # grew since stat
        return InputError(source, too_large(max_bytes))
    return check_bytes(data, source)


def read_stream(stream: BinaryIO, head: bytes, source: str, max_bytes: int) -> bytes | InputError:
    """The rest of a stream after its already-read head, bounded by the size limit."""
    data = head + stream.read(max(max_bytes + 1 - len(head), 0))
    if not data.strip():
        return InputError(source, "empty input")
    if len(data) > max_bytes:
        return InputError(source, too_large(max_bytes))
    return check_bytes(data, source)


def check_bytes(data: bytes, source: str) -> bytes | InputError:
    """The data itself if it can be text, else an error saying why not."""
    if not data.strip():
        return InputError(source, "empty file")
    if is_binary(data[:HEAD_BYTES]):
        return InputError(source, "binary file, not text")
    return data


def is_binary(head: bytes) -> bool:
    """True for data that is not text: NUL bytes, or mostly control or undecodable bytes."""
    if head.startswith(_UTF16_BOMS) or _utf16_without_bom(head):
        return False
    if b"\x00" in head:
        return True
    sample = head.decode("utf-8", errors="replace")
    if not sample:
        return False
    odd = sum(1 for ch in sample if ch == "\ufffd" or ord(ch) in _CONTROL)
    return odd / len(sample) > 0.3


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for text saved as UTF-16 without a byte-order mark (Western text then has
    a NUL in every other byte, at odd offsets little-endian, at even ones big-endian), else None."""
    pairs = len(head) // 2
    if pairs < 4:
        return None
    for encoding, zeros, letters in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        if zeros[:pairs].count(0) >= 0.9 * pairs and letters[:pairs].count(0) == 0:
            try:
                head[: 2 * pairs].decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
    return None


def decode(data: bytes, source: str, encoding: str = "utf-8") -> str | InputError:
    """Text from bytes (BOM dropped, newlines made \\n), or an error naming the bad encoding."""
    if data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    elif unmarked := _utf16_without_bom(data[:HEAD_BYTES]):
        encoding = unmarked
    elif encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        name = "UTF-8" if encoding == "utf-8-sig" else encoding
        return InputError(source, f"not valid {name} text")
    except LookupError:
        return decode(data, source)
    return text.replace("\r\n", "\n").replace("\r", "\n")
