"""An article's name for people: its headline (the title it came with, else the first line of its text when that
is short enough to be one), never its file name unless there is nothing else."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func

from amity.store.schema import ArticleRow

#: A first line longer than this is prose, not a headline.
HEADLINE_CHARS = 160


def opening() -> Any:
    """The SQL expression of an article's first characters, enough to find a headline in."""
    return func.substr(ArticleRow.text, 1, HEADLINE_CHARS + 1)


def headline(title: str | None, start: str | None, doc: str) -> str:
    """The title; else the text's first line when it is short and not a sentence cut off; else the doc."""
    if title and title.strip():
        return title.strip()
    first = (start or "").strip().split("\n", 1)[0].strip()
    if first and len(first) <= HEADLINE_CHARS and "\n" in (start or "").strip():
        return first
    return doc
