"""Counting what the input stream of `extract` and `ingest` gave, reporting each bad input as it passes."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from amity.cli.app import err, printable
from amity.model import Article, InputError

T = TypeVar("T")


class InputCounter:
    """Articles and errors seen so far; each error is one line on stderr."""

    def __init__(self) -> None:
        self.articles = 0
        self.errors = 0

    def articles_of(self, items: Iterator[Article | InputError]) -> Iterator[Article]:
        for item in self.reported(items):
            if not isinstance(item, InputError):
                yield item

    def reported(self, items: Iterator[T | InputError]) -> Iterator[T | InputError]:
        """Every item (an article, or a record), bad ones included (for `ingest`, which keeps them)."""
        for item in items:
            if isinstance(item, InputError):
                self.errors += 1
                err.print(f"amity: skipped {printable(str(item))}", markup=False)
            else:
                self.articles += 1
            yield item
