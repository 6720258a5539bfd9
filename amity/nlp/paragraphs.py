"""spaCy component `amity_paragraphs`: where a sentence may start, set before the parser runs.

Press releases put headlines, datelines and captions on lines of their own,
without a full stop; the parser would run them into the next sentence and
names would be read across the break ("Ashgabat\\n\\nBilateral"). So a line
break starts a sentence. Conversely the parser sometimes starts a sentence
after ")" or an acronym where English prose has no sentence end ("… of the
Union (TDBB) Osh Municipality signed …"), cutting a trigger off from its
parties and date; a sentence therefore may start only after a line break, a
sentence-final mark (. ! ? ; …), or a closing quote or bracket that follows one.
The parser respects both kinds of preset boundary.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token


@lru_cache(maxsize=1)
def _punctuation() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(resources.files("amity.data").joinpath("sentences.json").read_text(encoding="utf-8"))
    return frozenset(data["sentence_final"]), frozenset(data["closing_quotes"])


@Language.component("amity_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    final, closing = _punctuation()
    for token in doc[1:]:
        before = doc[token.i - 1]
        if _line_break_before(before):
            token.is_sent_start = True
        elif not token.is_space and not _may_end_sentence(doc, before, final, closing):
            token.is_sent_start = False
    return doc


def _line_break_before(before: Token) -> bool:
    return "\n" in before.whitespace_ or before.is_space and "\n" in before.text


def _may_end_sentence(doc: Doc, before: Token, final: frozenset[str], closing: frozenset[str]) -> bool:
    """Whether `before` can close a sentence: "signed.", "U.S.", "said:”"… but not "(TDBB)"."""
    if before.is_space:
        return True  # spaces and blank lines: leave the decision to the rules above and the parser
    if before.text[-1] in final:
        return True
    if before.text in closing:
        # "… to Bursa.” He added" and "(see below.) Then": the mark before the quote ends it
        previous = doc[before.i - 1] if before.i > 0 else None
        return previous is None or previous.text[-1] in final or previous.text in closing or previous.is_space
    return False
