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
from amity.nlp.names import fold

_REGION_WORDS = {"region", "province", "oblast", "oblys", "viloyat", "velayat", "prefecture", "county",
                 "governorate", "district"}
_MAX_TOKENS = 6
_WELL_KNOWN_POPULATION = 500_000
#: Suffixes of Japanese and Korean wards, cities and counties written with a hyphen.
_ADMIN_SUFFIXES = {"ku", "shi", "gu", "si", "gun", "cho", "machi", "mura", "dong", "eup", "myeon"}


def _in_between_phrase(ent) -> bool:
    """Inside "between A, B and C" (a list of partners, not of people)."""
    node = (ent[:-1] if len(ent) > 1 and ent[-1].is_punct else ent).root
    for _ in range(6):
        if node.lower_ == "between":
            return True
        if node.head is node:
            return False
        node = node.head
    return node.lower_ == "between"


def _coordinated_with(ent, place_tokens: set[int]) -> bool:
    root = (ent[:-1] if len(ent) > 1 and ent[-1].is_punct else ent).root
    if root.dep_ == "conj" and root.head.i in place_tokens:
        return True
    if any(c.dep_ == "conj" and c.i in place_tokens for c in root.children):
        return True
    return False


def _inside_longer_entity(doc: Doc, span) -> bool:
    for ent in doc.ents:
        if ent.start <= span.start and span.end <= ent.end:
            return ent.end - ent.start > span.end - span.start
    return False


def _ner_span_starts_here(doc: Doc, i: int) -> bool:
    """True when the PERSON entity covering token i starts with the town's name: the town alone
    ("Ashgabat", mislabelled) or the town followed by a person's name ("Mayor of Bağcılar Lokman
    Çağırıcı"); False for a surname that is also a town ("Murat Aydın")."""
    for ent in doc.ents:
        if ent.start <= i < ent.end:
            return ent.start == i
    return False


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
        found = [f for f in found if self._linkable(doc, f, context, ner_label)]
        mentions = []
        for start, end, _ in found:
            span = doc[start:end]
            place = self.gazetteer.lookup(span.text, context)
            if place is None:
                continue
            end2, name = end, span.text
            if end < n and doc[end].lower_ in _REGION_WORDS and place.kind != "country" \
                    and not (end + 1 < n and is_capitalised(doc[end + 1]) and not doc[end + 1].is_sent_start):
                end2 = end + 1
                name = doc[start:end2].text
                place = Place(name, "region", place.country, None, None, None, 0, place.curated)
            mentions.append(Mention(start, end2, "place", name, place=place, priority=2))
        mentions += self._repeated(doc, mentions)
        unlinked = self._unlinked(doc, mentions)
        mentions += unlinked
        mentions += self._repeated(doc, mentions, only=unlinked)
        doc._.place_mentions = mentions
        return doc

    @staticmethod
    def _repeated(doc: Doc, linked: list[Mention], only: list[Mention] | None = None) -> list[Mention]:
        """Once a name is a place in this article, it is one wherever it recurs, even where spaCy
        took it for a person ("between Hebden Royd, Warstein and St Pol")."""
        by_first: dict[str, list[Mention]] = {}
        for m in linked if only is None else only:
            by_first.setdefault(doc[m.start].text, []).append(m)
        taken = {k for m in linked for k in range(m.start, m.end)}
        out = []
        for tok in doc:
            if tok.i in taken or tok.text not in by_first:
                continue
            for m in by_first[tok.text]:
                n = m.end - m.start
                if doc[tok.i : tok.i + n].text == doc[m.start : m.end].text and \
                        not any(k in taken for k in range(tok.i, tok.i + n)):
                    out.append(Mention(tok.i, tok.i + n, "place", m.name, place=m.place, priority=max(m.priority, 2)))
                    taken.update(range(tok.i, tok.i + n))
                    break
        return out

    def _linkable(self, doc: Doc, found: tuple[int, int, list[Place]], context: frozenset[str],
                  ner_label: list[str]) -> bool:
        """A town that spaCy did not see as a place must be big or in a country the article names
        ("Novi" in Michigan is not the "Novi" of "Novi Grad" in a Bosnian story)."""
        start, end, _ = found
        candidates = self.gazetteer.candidates(doc[start:end].text, context)
        if not candidates:
            return False
        if any(p.kind == "country" or p.curated for p in candidates):
            return True
        if any(ner_label[k] in ("GPE", "LOC") for k in range(start, end)):
            return True
        return any(p.country in context or p.population >= _WELL_KNOWN_POPULATION for p in candidates)

    def _longest(self, doc: Doc, i: int, ner_label: list[str]) -> tuple[int, int, list[Place]] | None:
        """The longest gazetteer name starting at token i that is plausible here."""
        if fold(doc[i].text).split(" ")[0] not in self.gazetteer.first_words:
            return None
        sent_end = doc[i].sent.end if doc.has_annotation("SENT_START") else len(doc)
        for length in range(min(_MAX_TOKENS, sent_end - i), 0, -1):
            span = doc[i : i + length]
            if span[-1].is_punct:
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
        first = span[0]
        if len(span) == 1 and not first.is_upper and (first.is_stop or first.is_sent_start and first.pos_ != "PROPN"):
            return False  # districts named "Of" or "Tire"; a capitalised word opening a sentence
        if any(p.kind == "country" or p.curated or p.population >= _WELL_KNOWN_POPULATION for p in candidates):
            # a person's name that is also a town ("Aydın"): the NER span is longer than the match
            person = all(ner_label[k] == "PERSON" for k in range(span.start, span.end))
            return not person or _ner_span_starts_here(doc, span.start)
        labels = {ner_label[k] for k in range(span.start, span.end)}
        if labels & {"PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "NORP"}:
            return False
        if _inside_longer_entity(doc, span):
            return False  # "Novi" in "Novi Grad": the longer name is the place
        if labels & {"GPE", "LOC"}:
            return True
        # otherwise only a proper noun right after a preposition of place ("in Osh", "to Tendo")
        if not all(t.pos_ == "PROPN" for t in span if t.is_alpha) or "ORG" in labels:
            return False
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        return before in ("in", "to", "from", "at", "near", "of", "and", ",") and not span[0].is_upper

    def _unlinked(self, doc: Doc, linked: list[Mention]) -> list[Mention]:
        """Places the gazetteer lacks: spaCy's GPE/LOC names, and a name spaCy took for a person
        right after "in", "to" or "from" ("arrived in Mahikeng")."""
        taken = {k for m in linked for k in range(m.start, m.end)}
        out = []
        for tok in doc[:-2]:
            # "Edogawa-ku", "Suwon-si", "Gangnam-gu": a ward or city by its suffix
            if is_capitalised(tok) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in _ADMIN_SUFFIXES \
                    and not tok.whitespace_ and tok.i not in taken:
                out.append(Mention(tok.i, tok.i + 3, "place", doc[tok.i : tok.i + 3].text, place=None, priority=3))
                taken.update(range(tok.i, tok.i + 3))
        place_roots = {k for m in linked for k in range(m.start, m.end)}
        for ent in doc.ents:
            # "between Hebden Royd, Warstein and St Pol": a name listed with a place is a place
            if any(k in taken for k in range(ent.start, ent.end)) or not is_capitalised(ent[0]) or len(ent) > 4:
                continue
            if fold(ent.text) in demonyms() or ent.label_ == "PERSON" and not _in_between_phrase(ent):
                continue  # "Ukrainian and Polish ..."; "Lviv and Wrocław, Andriy Sadovyi and ..." names people
            if ent.label_ in ("ORG", "PERSON", "GPE", "LOC") and _coordinated_with(ent, place_roots):
                end = ent.end - 1 if ent[-1].is_punct else ent.end
                out.append(Mention(ent.start, end, "place", doc[ent.start:end].text, place=None, priority=3))
                taken.update(range(ent.start, ent.end))
        for ent in doc.ents:
            if fold(ent.text) in demonyms():
                continue
            if any(k in taken for k in range(ent.start, ent.end)) or not is_capitalised(ent[0]):
                continue
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            after = doc[ent.end].text if ent.end < len(doc) else ""
            placed = before in ("in", "to", "from", "near", "at", "of", "visited") or after == "("
            if ent.label_ in ("GPE", "LOC") and placed or ent.label_ == "PERSON" and before in ("in", "to", "from", "near"):
                if "\n" in ent.text or len(ent) > 4:
                    continue
                out.append(Mention(ent.start, ent.end, "place", ent.text, place=None, priority=1))
        return out

    def _context_countries(self, doc: Doc, found: list[tuple[int, int, list[Place]]]) -> set[str]:
        countries = {p.country for _, _, cands in found for p in cands if p.kind == "country" and p.country}
        table = demonyms()
        countries.update(table[t.lower_] for t in doc if t.lower_ in table and is_capitalised(t))
        return countries

