"""RSS and Atom feeds: one article per entry.

feedparser copes with both formats, odd encodings and most broken XML; an
entry's HTML content becomes plain text with paragraphs kept apart. Entry
dates come from the feed's own fields, which state the publication date.
"""
from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from amity.ingest.markup import fragment_text
from amity.ingest.published import detect_published, parse_date
from amity.model import Article, InputError


def read_feed(data: bytes, name: str, source: str) -> Iterator[Article | InputError]:
    """The entries of a feed as articles, or one error when the feed cannot be read."""
    parsed = feedparser.parse(io.BytesIO(data))  # a stream, so feedparser never fetches a URL
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = _first_line(str(parsed.get("bozo_exception") or "unknown error"))
            yield InputError(source, f"not a readable RSS/Atom feed: {reason}")
        else:
            yield InputError(source, "feed has no entries")
        return
    for number, entry in enumerate(entries, start=1):
        yield _article(entry, f"{name}#{number}", f"{source}#{number}")


def _article(entry: Any, fallback_doc: str, where: str) -> Article | InputError:
    text = fragment_text(_body(entry))
    if not text:
        return InputError(where, "feed entry has no text")
    title = fragment_text(entry.get("title") or "") or None
    link = entry.get("link") or ""
    return Article(
        doc=str(entry.get("id") or link or fallback_doc),
        text=text,
        title=title,
        url=link if "://" in link else None,  # feedparser may echo a tag: id as the link
        published=_entry_date(entry) or detect_published(text),
        source=where,
    )


def _body(entry: Any) -> str:
    """The fullest text the entry carries: its content, else its summary."""
    contents = [part.get("value") or "" for part in entry.get("content") or []]
    longest = max(contents, key=len, default="")
    return longest if longest.strip() else entry.get("summary") or ""


def _entry_date(entry: Any) -> str | None:
    """The entry's date as written; feedparser's parsed form is shifted to UTC and can change the day."""
    written = parse_date(entry.get("published") or entry.get("updated") or "")
    stamp: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return written or (time.strftime("%Y-%m-%d", stamp) if stamp else None)


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "unknown error"
