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

from functools import cache
from typing import cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from amity.nlp.lexicons import read_json

_CANNOT = 2**64 - 1  # -1 as spaCy's uint64 arrays hold it


@cache
def _punctuation(filename: str) -> tuple[frozenset[str], frozenset[str]]:
    data = read_json(filename)
    return frozenset(data["sentence_final"]), frozenset(data["closing_quotes"])


@Language.factory("amity_paragraphs", default_config={"punctuation": "sentences.json"})
def make_paragraphs(nlp: Language, name: str, punctuation: str) -> ParagraphMarker:
    return ParagraphMarker(punctuation)


class ParagraphMarker:
    """Presets sentence starts from line breaks and the punctuation of `punctuation` (a data file)."""

    def __init__(self, punctuation: str = "sentences.json") -> None:
        self.final, self.closing = _punctuation(punctuation)

    def __call__(self, doc: Doc) -> Doc:
        return mark_paragraphs(doc, self.final, self.closing)


def mark_paragraphs(doc: Doc, final: frozenset[str], closing: frozenset[str]) -> Doc:
    if len(doc) < 2:
        return doc
    texts = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    starts = doc.to_array([SENT_START]).reshape(len(doc), 1)  # 1: starts a sentence, -1: cannot, 0: the parser decides
    for i in range(1, len(doc)):
        before = texts[i - 1]
        if "\n" in spaces[i - 1] or "\n" in before and not before.strip():
            starts[i, 0] = 1
        elif texts[i].strip() and not _may_end_sentence(texts, i - 1, final, closing):
            starts[i, 0] = _CANNOT
    return doc.from_array([SENT_START], cast(Ints2d, starts))


def _may_end_sentence(texts: list[str], i: int, final: frozenset[str], closing: frozenset[str]) -> bool:
    """Whether token `i` can close a sentence: "signed.", "U.S.", "said:”"… but not "(TDBB)"."""
    text = texts[i]
    if not text.strip():
        return True  # spaces and blank lines: leave the decision to the rules above and the parser
    if text[-1] in final:
        return True
    if text in closing:
        # "… to Bursa.” He added" and "(see below.) Then": the mark before the quote ends it
        previous = texts[i - 1] if i > 0 else ""
        return not previous.strip() or previous[-1] in final or previous in closing
    return False
