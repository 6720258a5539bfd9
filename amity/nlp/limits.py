"""How long an article the model can read, checked before spaCy is loaded (by the CLI and the web's ingest)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from amity.model import Article, InputError

#: spaCy's parser and NER read at most this many characters of one text.
MAX_CHARS = 1_000_000


def readable(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
    """Articles the model can read; one too long for it becomes an `InputError` instead of
    stopping the whole run."""
    for item in items:
        if isinstance(item, Article) and len(item.full_text) > MAX_CHARS:
            yield InputError(item.source or item.doc, f"article longer than the {MAX_CHARS:,} characters Amity reads")
        else:
            yield item
