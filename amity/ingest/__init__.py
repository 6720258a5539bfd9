"""Reading articles in: text, HTML, JSON Lines and feeds from files, folders or stdin.

`read_sources` is the one entry point; it yields `Article`s and, for input
that cannot be read, `InputError`s, and never raises for bad input.
"""
from __future__ import annotations

from amity.ingest.published import detect_published
from amity.ingest.sources import read_sources

__all__ = ["detect_published", "read_sources"]
