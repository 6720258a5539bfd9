"""Reading articles in: text, HTML, JSON Lines and feeds from files, folders or stdin.

`read_sources` is the one entry point; it yields `Article`s and, for input
that cannot be read, `InputError`s, and never raises for bad input.

The readers load when `read_sources` or `detect_published` is first used,
so code that needs only a helper from here (the web app's `clean`) starts
without them; trafilatura and feedparser load at the first HTML page or
feed, dateparser at the first date only it can read.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from amity.ingest.published import detect_published
    from amity.ingest.sources import read_sources

__all__ = ["detect_published", "read_sources"]

_HOMES = {"detect_published": "amity.ingest.published", "read_sources": "amity.ingest.sources"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
