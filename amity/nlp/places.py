"""spaCy component `amity_places`: find place names and link them to the gazetteer.

Longest-match lookup of capitalised token runs in the gazetteer, with guards
against common words that are also town names, and "X region/province"
phrases kept whole. Countries the article names steer ambiguous links.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from amity.nlp.gazetteer import Place, default_gazetteer
from amity.nlp.lexicons import demonyms
from amity.nlp.mentions import Mention, is_capitalised, register_extensions

_REGION_WORDS = {"region", "province", "oblast", "oblys", "viloyat", "velayat", "prefecture", "county",
                 "governorate", "district", "state"}
_MAX_TOKENS = 6


@Language.factory("amity_places")
def make_places(nlp: Language, name: str) -> "PlaceFinder":
    return PlaceFinder()


class PlaceFinder:
    def __init__(self) -> None:
        register_extensions()
        self.gazetteer = default_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[int, int, list[Place]]] = []
        i, n = 0, len(doc)
        ner_label = [""] * n
        for ent in doc.ents:
            for k in range(ent.start, ent.end):
                ner_label[k] = ent.label_
        while i < n:
            tok = doc[i]
            if not is_capitalised(tok) or tok.is_punct:
                i += 1
                continue
            match = self._longest(doc, i, ner_label)
            if match is None:
                i += 1
                continue
            found.append(match)
            i = match[1]
        context = frozenset(self._context_countries(doc, found))
        mentions = []
        for start, end, _ in found:
            span = doc[start:end]
            place = self.gazetteer.lookup(span.text, context)
            if place is None:
                continue
            end2, name = end, span.text
            if end < n and doc[end].lower_ in _REGION_WORDS and place.kind != "country":
                end2 = end + 1
                name = doc[start:end2].text
                place = Place(name, "region", place.country, None, None, None, 0, place.curated)
            mentions.append(Mention(start, end2, "place", name, place=place, priority=2))
        doc._.place_mentions = mentions
        return doc

    def _longest(self, doc: Doc, i: int, ner_label: list[str]) -> tuple[int, int, list[Place]] | None:
        sent_end = doc[i].sent.end if doc.has_annotation("SENT_START") else len(doc)
        for length in range(min(_MAX_TOKENS, sent_end - i), 0, -1):
            span = doc[i : i + length]
            last = span[-1]
            if last.is_punct and last.text not in (".",):
                continue
            if "\n" in span.text:
                continue
            candidates = self.gazetteer.candidates(span.text)
            if not candidates:
                continue
            if not self._plausible(doc, span, candidates, ner_label):
                continue
            return i, i + length, candidates
        return None

    @staticmethod
    def _plausible(doc: Doc, span, candidates: list[Place], ner_label: list[str]) -> bool:
        """Guard generic matches: a non-curated town name must look like a proper name here."""
        if any(p.kind == "country" or p.curated for p in candidates):
            return not all(ner_label[k] == "PERSON" for k in range(span.start, span.end))
        labels = {ner_label[k] for k in range(span.start, span.end)}
        if labels & {"PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "NORP"}:
            return False
        if labels & {"GPE", "LOC"}:
            return True
        # otherwise only a proper noun right after a preposition of place ("in Osh", "to Tendo")
        if not all(t.pos_ == "PROPN" for t in span if t.is_alpha) or "ORG" in labels:
            return False
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        return before in ("in", "to", "from", "at", "near", "of", "and", ",") and not span[0].is_upper

    def _context_countries(self, doc: Doc, found: list[tuple[int, int, list[Place]]]) -> set[str]:
        countries = {p.country for _, _, cands in found for p in cands if p.kind == "country" and p.country}
        table = demonyms()
        countries.update(table[t.lower_] for t in doc if t.lower_ in table and is_capitalised(t))
        return countries

