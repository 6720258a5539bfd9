"""spaCy component `amity_paragraphs`: a line break ends a sentence.

Press releases put headlines, datelines and captions on lines of their own,
without a full stop; the parser would run them into the next sentence and
names would be read across the break ("Ashgabat\\n\\nBilateral").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("amity_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
