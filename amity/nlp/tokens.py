"""A doc's tokens as one list, made once per doc and shared by the components.

spaCy makes a new Token object at every `doc[i]` and at every step of iterating a Doc or Span (~0.2 µs
each); Amity's components walk each article's sentences some thirty times and look up some twenty thousand
single tokens, so the hottest of those walks read this list instead. The Tokens are spaCy's own, so
everything read from them is what `doc[i]` would give. Kept in the doc's `user_data`: it goes with the doc.
Only for components after the model's: a doc retokenized after the list was made would not match it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_KEY = "amity.tokens"


def doc_tokens(doc: Doc) -> list[Token]:
    """`list(doc)`, made once per doc."""
    found: list[Token] | None = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = list(doc)
    return found


def span_tokens(span: Span) -> list[Token]:
    """`list(span)`, cut from the doc's list."""
    return doc_tokens(span.doc)[span.start : span.end]
