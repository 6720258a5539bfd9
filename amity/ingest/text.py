"""Plain-text articles: the whole file is the article.

The first line is often the headline, but a plain file cannot say so, so
the text is kept whole and `title` stays empty: the headline is read as the
article's first sentence, and nothing is lost if the first line was prose.
"""
from __future__ import annotations

from amity.ingest.published import detect_published
from amity.model import Article, InputError


def read_text(text: str, doc: str, source: str) -> Article | InputError:
    """An article from decoded plain text."""
    if not text.strip():
        return InputError(source, "empty file")
    return Article(doc=doc, text=text, published=detect_published(text), source=source)
