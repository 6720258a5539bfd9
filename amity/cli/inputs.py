"""Counting what the input stream of `extract` and `ingest` gave, reporting each bad input as it passes."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TypeVar

from amity.cli.app import err, printable
from amity.model import Article, InputError

T = TypeVar("T")

#: "corpus.jsonl:12", "feed.xml#3": one of the many articles of a file.
_PLACE_IN_FILE = re.compile(r"^(?P<file>.+)[:#]\d+$")
#: Docs of one file remembered to notice one given twice (~15 MB): past them a file of tens of millions of
#: articles is still read in the same memory; a later doc repeating one of these is still noticed.
REMEMBERED_DOCS = 100_000


class InputCounter:
    """Articles and errors seen so far; each error is one line on stderr, and so is a doc given twice in one
    file (ingest keeps the later one, as it keeps any corrected version)."""

    def __init__(self) -> None:
        self.articles = 0
        self.errors = 0
        self._file: str | None = None
        self._docs_in_file: dict[str, str] = {}

    def articles_of(self, items: Iterator[T | InputError]) -> Iterator[T]:
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
                article = item if isinstance(item, Article) else getattr(item, "article", None)  # read on a worker
                if isinstance(article, Article):
                    self._check_repeated_doc(article)
            yield item

    def _check_repeated_doc(self, article: Article) -> None:
        place = _PLACE_IN_FILE.match(article.source or "")
        file = place["file"] if place else None
        if file != self._file:  # files come one after another: only the current one's docs are kept
            self._file, self._docs_in_file = file, {}
        if file is None:
            return
        first = self._docs_in_file.get(article.doc)
        if first is None:
            if len(self._docs_in_file) < REMEMBERED_DOCS:
                self._docs_in_file[article.doc] = article.source or ""
            return
        if first != article.source:
            err.print(f"amity: {printable(article.source or '')}: doc {printable(repr(article.doc))} was given before, "
                      f"at {printable(first)} (ingest keeps the later one)", markup=False)
