"""What kind of input a file or stream is: by extension, else by its first bytes.

The extension is trusted when it is a known one; stdin and files with other
extensions are sniffed, so `cat a.html | amity ...` and `notes` without a
suffix still work.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

Kind = Literal["text", "html", "jsonl", "json", "feed"]

_BY_EXTENSION: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)\b", re.I)
_HTML_TAG = re.compile(r"<(?:html|head|body|article|main|div|p|h1|!doctype\s+html)\b", re.I)


def kind_by_extension(path: Path) -> Kind | None:
    """The kind a file's extension promises, or None for an extension we do not know."""
    return _BY_EXTENSION.get(path.suffix.lower())


def sniff(head: bytes) -> Kind:
    """The kind the first bytes of an input look like; plain text when nothing else fits."""
    start = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    lowered = start[:512].lower()
    if lowered.startswith("{"):
        return "jsonl"
    if lowered.startswith("["):
        return "json"
    if lowered.startswith(("<rss", "<feed", "<rdf:rdf")):
        return "feed"
    if lowered.startswith("<?xml"):
        feed, page = _FEED_ROOT.search(start), _HTML_TAG.search(start)
        if page and (not feed or page.start() < feed.start()):
            return "html"
        return "feed"
    if lowered.startswith(("<!doctype html", "<html")):
        return "html"
    if lowered.startswith("<") and _HTML_TAG.search(start):
        return "html"
    return "text"
