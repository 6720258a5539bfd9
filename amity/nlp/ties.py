"""spaCy component `amity_ties`: partnerships between parties, and the stage each has reached.

A sentence with a sister-city cue ("sister city", "twin town", "brotherhood
protocol") or an agreement that is signed, planned or ratified reports a tie.
Its parties are the towns, regions, states or bodies named there ("between A
and B" when the sentence says so); a town's municipality stands for its
town, and a place given only as the container of another ("Karatay (Konya)")
is not a party. Three parties from two countries become pairwise ties across
the border. The stage comes from the sentence's events and cue words.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from spacy.language import Language
from spacy.tokens import Doc, Span

from amity.model import TIE_STAGES
from amity.nlp.entities import EntityCluster
from amity.nlp.events import EventMention
from amity.nlp.lexicons import triggers
from amity.nlp.mentions import register_extensions
from amity.nlp.names import fold

_TOWN_KINDS = {"city", "district", "region", "area", None}


@dataclass
class TieMention:
    kind: str
    parties: list[EntityCluster]
    status: str
    date: str | None
    sentences: list[Span] = field(default_factory=list)


@Language.factory("amity_ties")
def make_ties(nlp: Language, name: str) -> "TieFinder":
    return TieFinder()


class TieFinder:
    def __init__(self) -> None:
        register_extensions()
        lex = triggers()
        self.sister = tuple(lex["tie_sister_city"])
        self.agreements = set(lex["tie_agreements"])
        self.proposed = tuple(lex["stage_proposed"])

    def __call__(self, doc: Doc) -> Doc:
        events: list[EventMention] = doc._.events or []
        entities: list[EntityCluster] = doc._.entities or []
        by_sentence: dict[int, list[EventMention]] = {}
        for event in events:
            for sent in event.sentences:
                by_sentence.setdefault(sent.start, []).append(event)
        token_entity: dict[int, EntityCluster] = {}
        for cluster in entities:
            for m in cluster.mentions:
                for k in range(m.start, max(m.end, m.start + 1)):
                    token_entity.setdefault(k, cluster)
        ties: dict[tuple[str, frozenset[int]], TieMention] = {}
        for sent in doc.sents:
            lowered = sent.text.lower()
            sister = any(c in lowered for c in self.sister)
            sent_events = [e for e in by_sentence.get(sent.start, []) if e.type in ("signing", "ratification")]
            agreement = any(t.lemma_.lower() in self.agreements or t.lower_ in self.agreements for t in sent)
            if not sister and not (agreement and sent_events):
                continue
            kind = "sister_city" if sister else "cooperation"
            status, date = self._stage(kind, lowered, sent_events)
            if status is None:
                continue
            for parties in self._parties(sent, token_entity, kind):
                key = (kind, frozenset(id(p) for p in parties))
                tie = ties.get(key)
                if tie is None:
                    ties[key] = TieMention(kind, parties, status, date, [sent])
                    continue
                tie.sentences.append(sent)
                if TIE_STAGES.index(status) > TIE_STAGES.index(tie.status):
                    tie.status, tie.date = status, date
                elif status == tie.status and tie.date is None:
                    tie.date = date
        doc._.ties = list(ties.values())
        return doc

    def _stage(self, kind: str, lowered: str, events: list[EventMention]) -> tuple[str | None, str | None]:
        for wanted, status in (("ratification", "occurred"), ("signing", "occurred"), ("signing", "planned")):
            for e in events:
                if e.type == wanted and e.status == status:
                    stage = {"ratification": "ratified", "signing": "signed"}[wanted] if status == "occurred" else "planned"
                    return stage, e.date
        if any(p in lowered for p in self.proposed):
            return "proposed", None
        if kind == "sister_city":
            return "active", None
        return None, None

    def _parties(self, sent: Span, token_entity: dict[int, EntityCluster], kind: str) -> list[list[EntityCluster]]:
        between = self._between(sent, token_entity)
        found = between or self._sentence_parties(sent, token_entity)
        parties = self._normalise(found, kind)
        if len(parties) < 2:
            return []
        if len(parties) == 2:
            return [parties]
        countries = {p.place.country if p.place else None for p in parties}
        if None not in countries and len(countries) == 2:
            groups = {}
            for p in parties:
                groups.setdefault(p.place.country, []).append(p)
            a, b = groups.values()
            return [[x, y] for x in a for y in b]
        if between:
            return [parties]
        return [list(pair) for pair in combinations(parties, 2)] if len(parties) <= 3 else []

    @staticmethod
    def _between(sent: Span, token_entity: dict[int, EntityCluster]) -> list[EntityCluster]:
        """Entities in a "between A and B" phrase, up to the end of its clause."""
        for tok in sent:
            if tok.lower_ != "between":
                continue
            out: list[EntityCluster] = []
            for k in range(tok.i + 1, sent.end):
                t = sent.doc[k]
                if t.pos_ in ("VERB", "AUX") or t.text in (";", ".") or (t.text == "," and out and len(out) >= 2):
                    break
                cluster = token_entity.get(k)
                if cluster is not None and cluster not in out:
                    out.append(cluster)
            if len(out) >= 2:
                return out
        return []

    @staticmethod
    def _sentence_parties(sent: Span, token_entity: dict[int, EntityCluster]) -> list[EntityCluster]:
        out: list[EntityCluster] = []
        for k in range(sent.start, sent.end):
            cluster = token_entity.get(k)
            if cluster is None or cluster in out:
                continue
            if k > sent.start and sent.doc[k - 1].text == "(":
                continue  # "Karatay (Konya)": a container, not a party
            out.append(cluster)
        return out

    @staticmethod
    def _normalise(found: list[EntityCluster], kind: str) -> list[EntityCluster]:
        """Keep the parties a tie of this kind is between: towns for twinning, states or bodies otherwise."""
        places = [c for c in found if c.type == "place"]
        if kind == "sister_city":
            towns = [c for c in places if c.place is None or c.place.kind in _TOWN_KINDS]
            if len(towns) >= 2:
                return towns
            return [c for c in found if c.type in ("place", "organization")]
        countries = [c for c in places if c.place is not None and c.place.kind == "country"]
        if len(countries) >= 2:
            return countries
        bodies = [c for c in found if c.type == "organization"]
        if len(bodies) >= 2:
            return bodies
        return [c for c in found if c.type in ("place", "organization")]


def party_key(cluster: EntityCluster) -> str:
    return fold(cluster.name)
