"""Text every later stage can store: no control characters, no lone surrogates.

PostgreSQL refuses NUL in text, and an ingest that sends one fails as if the
database were down; other C0 controls (but tab and newline) are invisible
in a page and break XML exports. A lone surrogate escape ("\\ud800" in JSON)
cannot be encoded as UTF-8 at all, so the first write or print of it fails.
Articles are cleaned once, as they are read, so every reader and the web's
forms hand the pipeline the same kind of text: controls dropped, a carriage
return made a newline, a lone surrogate made U+FFFD (one character for
one, so nothing else moves).
"""
from __future__ import annotations

import re
from dataclasses import replace

from amity.model import Article

_CARRIAGE_RETURN = re.compile(r"\r\n?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # only lone ones are left once JSON has joined the pairs


def clean_text(text: str) -> str:
    """`text` without control characters but tab and newline, lone surrogates made U+FFFD."""
    if text.isprintable():  # the common case, decided in C
        return text
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", _CARRIAGE_RETURN.sub("\n", text)))


def clean_article(article: Article) -> Article:
    """The article with every text field cleaned (see `clean_text`)."""
    return replace(article, doc=clean_text(article.doc), text=clean_text(article.text),
                   title=_cleaned(article.title), url=_cleaned(article.url), published=_cleaned(article.published),
                   source=_cleaned(article.source))


def _cleaned(value: str | None) -> str | None:
    return None if value is None else clean_text(value)
