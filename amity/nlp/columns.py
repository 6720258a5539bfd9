"""spaCy component `amity_columns`: a named entity never spans a gap of layout.

Web pages flattened to text keep a table's columns apart with runs of spaces or tabs
("Tampere␣␣␣␣␣␣Finland␣␣␣␣2004"), and spaCy's NER reads the cells of a row as one name
("Tampere Finland", an organisation). A whitespace token (a line break, a tab, two spaces or
more) never stands inside a name in prose, so each entity is cut at such tokens into the
names on either side, each keeping the entity's label. A single no-break space is ordinary
spacing in web text ("Almaty\u00a0City Council"), not a gap.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

#: Spaces that web pages write between the words of one name.
_NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007")


@Language.component("amity_columns")
def split_at_gaps(doc: Doc) -> Doc:
    ents: list[Span] = []
    cut = False
    for ent in doc.ents:
        if not any(_is_gap(t) for t in ent):
            ents.append(ent)
            continue
        cut = True
        start = ent.start
        for k in range(ent.start, ent.end + 1):
            if k == ent.end or _is_gap(doc[k]):
                if k > start:
                    ents.append(Span(doc, start, k, label=ent.label_))
                start = k + 1
    if cut:
        doc.ents = ents
    return doc


def _is_gap(tok: Token) -> bool:
    """A whitespace token that parts columns: anything but one no-break space between two words."""
    if not tok.is_space:
        return False
    before = tok.doc[tok.i - 1].whitespace_ if tok.i > 0 else ""
    return not (tok.text in _NO_BREAK_SPACES and not before and not tok.whitespace_)
