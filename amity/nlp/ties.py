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

import re
from dataclasses import dataclass, field
from itertools import combinations

from spacy.language import Language
from spacy.tokens import Doc, Span

from amity.model import TIE_STAGES
from amity.nlp.entities import EntityCluster, title_case_lines, token_index
from amity.nlp.events import EventMention
from amity.nlp.gazetteer import country_code
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
    #: Whether the date was read in a sentence that reports this tie's stage itself.
    explicit_date: bool = False


@dataclass(frozen=True)
class _Stage:
    status: str
    date: str | None = None
    explicit: bool = False


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
        token_entity = token_index(entities)
        context = _ArticleContext(entities, title_case_lines(doc))
        ties: dict[tuple[str, frozenset[int]], TieMention] = {}
        for sent in doc.sents:
            lowered = sent.text.lower()
            sister = any(c in lowered for c in self.sister)
            sent_events = [e for e in by_sentence.get(sent.start, []) if e.type in ("signing", "ratification")]
            agreement = self._agreement_signed(sent_events)
            if not sister and not agreement:
                continue
            kind = "sister_city" if sister else "cooperation"
            stage = self._stage(kind, lowered, sent_events, sent)
            if stage is None:
                continue
            for parties in self._parties(sent, token_entity, kind, context, sent_events):
                self._record(ties, kind, parties, stage, sent)
        doc._.ties = list(ties.values())
        return doc

    @staticmethod
    def _record(ties: dict, kind: str, parties: list[EntityCluster], stage: _Stage, sent: Span) -> None:
        key = (kind, frozenset(id(p) for p in parties))
        tie = ties.get(key)
        if tie is None:
            ties[key] = TieMention(kind, parties, stage.status, stage.date, [sent], stage.explicit)
            return
        tie.sentences.append(sent)
        later_stage = TIE_STAGES.index(stage.status) > TIE_STAGES.index(tie.status)
        better_date = stage.status == tie.status and stage.date and (tie.date is None or stage.explicit and not tie.explicit_date)
        if later_stage or better_date:
            tie.status, tie.date, tie.explicit_date = stage.status, stage.date, stage.explicit

    def _agreement_signed(self, events: list[EventMention]) -> bool:
        """A signing or ratification whose object is an agreement ("signed a memorandum")."""
        for e in events:
            trigger = e.trigger
            if trigger is None:
                continue
            if e.type == "ratification":
                return True
            if trigger.pos_ not in ("VERB", "AUX"):
                # "put their signatures under the Agreement on ...": the agreement hangs off the verb
                if any(t.lower_ in self.agreements and t.dep_ in ("pobj", "dobj") for t in trigger.head.subtree):
                    return True
                continue
            objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
            if trigger.dep_ in ("relcl", "acl"):
                objects.append(trigger.head)  # "the Memorandum the two provinces entered into"
            for obj in objects:
                words = {obj.lower_, obj.lemma_.lower()} | {t.lower_ for t in obj.subtree}
                if words & self.agreements or obj.lower_ in ("document", "documents", "it", "which", "that"):
                    return True
        return False

    def _stage(self, kind: str, lowered: str, events: list[EventMention], sent: Span) -> _Stage | None:
        for wanted, status in (("ratification", "occurred"), ("signing", "occurred"), ("signing", "planned")):
            for e in events:
                if e.type == wanted and e.status == status:
                    stage = {"ratification": "ratified", "signing": "signed"}[wanted] if status == "occurred" else "planned"
                    return _Stage(stage, e.date, e.date_sentence == sent.start)
        if any(p in lowered for p in self.proposed):
            return _Stage("proposed")
        if kind == "sister_city":
            return _Stage("active")
        return None

    def _parties(self, sent: Span, token_entity: dict[int, EntityCluster], kind: str,
                 context: "_ArticleContext", events: list[EventMention]) -> list[list[EntityCluster]]:
        between = self._between(sent, token_entity)
        found = between or self._sentence_parties(sent, token_entity)
        parties = _distinct([context.town_of(c, kind) for c in found])
        parties = self._normalise(parties, kind)
        if kind == "cooperation" and not _are_states(parties):
            # "the Agreement on the Kyrgyz-Tajik state border": states named by their adjectives
            states = context.countries_named([x for e in events for x in e.extra])
            if len(states) >= 2:
                parties = states
        if len(parties) < 2:
            anchor = None
            if kind == "sister_city" and len(parties) == 1 and not between and sent.start not in context.headline:
                anchor = context.anchor_town(exclude=parties[0])
            return [[anchor, parties[0]]] if anchor is not None else []
        codes = [p.place.country if p.place else None for p in parties]
        if kind == "sister_city" and not between and None not in codes and len(set(codes)) == 1:
            # "the protocols signed with Üsküdar and Zeytinburnu": both with the article's town abroad
            anchor = context.anchor_town(exclude=parties[0])
            if anchor is not None:
                return [[anchor, p] for p in parties]
        if len(parties) == 2:
            return [parties]
        if None not in codes and len(set(codes)) == 2:
            # "Zeytinburnu and Üsküdar signed with Turkistan": pairs across the border
            return [[a, b] for (a, ca), (b, cb) in combinations(zip(parties, codes), 2) if ca != cb]
        if between and len(parties) <= 4:
            return [list(pair) for pair in combinations(parties, 2)]
        return []

    @staticmethod
    def _between(sent: Span, token_entity: dict[int, EntityCluster]) -> list[EntityCluster]:
        """Entities in a "between A and B" phrase, up to the end of its clause."""
        for tok in sent:
            if tok.lower_ != "between":
                continue
            stop = tok.i + 1
            count = 0
            last = None
            while stop < sent.end:
                t = sent.doc[stop]
                if t.pos_ in ("VERB", "AUX") or t.text in (";", "."):
                    break
                if count >= 2 and (t.text == "," or t.lower_ in _CLAUSE_PREPOSITIONS):
                    break
                cluster = token_entity.get(stop)
                if cluster is not None and cluster is not last:
                    count += 1
                    last = cluster
                stop += 1
            out = _parties_in(sent.doc, tok.i + 1, stop, token_entity)
            if len(out) >= 2:
                return out
        return []

    @staticmethod
    def _sentence_parties(sent: Span, token_entity: dict[int, EntityCluster]) -> list[EntityCluster]:
        return _parties_in(sent.doc, sent.start, sent.end, token_entity)

    @staticmethod
    def _normalise(found: list[EntityCluster], kind: str) -> list[EntityCluster]:
        """Keep the parties a tie of this kind is between: towns for twinning, states or bodies otherwise."""
        places = [c for c in found if c.type == "place"]
        if kind == "sister_city":
            return [c for c in places if c.place is None or c.place.kind in _TOWN_KINDS]
        countries = [c for c in places if c.place is not None and c.place.kind == "country"]
        if len(countries) >= 2:
            return countries
        bodies = [c for c in found if c.type == "organization"]
        if len(bodies) >= 2:
            return bodies
        return [c for c in found if c.type in ("place", "organization")]


#: Prepositions that end a "between A and B" phrase once it has two parties ("... with a ceremony in Sarajevo").
_CLAUSE_PREPOSITIONS = {"with", "in", "at", "on", "during", "within", "under", "for", "to", "after", "before"}
_CONTAINER_GLUE = {",", "(", "of"}
_JOURNEYS = {"visit", "trip", "travel", "tour", "journey", "mission"}
_GOVERNMENT_OF = re.compile(r"^(?:the\s+)?(?:Government|Cabinet of Ministers|Council of Ministers)\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?(.+)$", re.I)
_PARTS_OF_PLACES = {"districts", "district", "cities", "towns", "regions", "provinces", "municipalities", "parts",
                    "suburbs", "neighbourhoods", "neighborhoods", "villages"}


def _parties_in(doc, start: int, end: int, token_entity: dict[int, EntityCluster]) -> list[EntityCluster]:
    """Entities named in doc[start:end] that can be parties: not the container of the name before
    them ("Karatay (Konya)", "Honolulu, USA", "Municipality of Kazakhstan"), not only the venue
    ("signed ... in Tashkent")."""
    out: list[EntityCluster] = []
    previous: EntityCluster | None = None
    k = start
    while k < end:
        cluster = token_entity.get(k)
        if cluster is None:
            k += 1
            continue
        glue = doc[k - 1].text.lower() if k > 0 else ""
        if glue == "the" and k > 1 and doc[k - 2].lower_ == "of":
            glue = "of"
        if glue == "of" and k > 1 and doc[k - 2].lower_ in _PARTS_OF_PLACES:
            # "one of the important districts of Konya": the place that contains the party
            previous = cluster
            while k < end and token_entity.get(k) is cluster:
                k += 1
            continue
        container = previous is not None and previous is not cluster and glue in _CONTAINER_GLUE and (
            cluster.type == "place" and previous.type in ("place", "organization")
            and (glue == "(" or cluster.place is not None and cluster.place.kind in ("country", "region")
                 and not (previous.place is not None and previous.place.kind == "country")
                 # "Edogawa Ward, Tokyo": the city a ward or district lies in
                 or glue == "," and cluster.place is not None and cluster.place.kind == "city"
                 and previous.type == "place" and (previous.place is None or previous.place.kind == "district"))
            # "the Agency of the Ministry of ...": the parent body is not a party
            or cluster.type == "organization" and previous.type == "organization" and glue == "of")
        # "signed ... in Tashkent", "during his visit to Tokyo": where, not with whom
        venue = glue in ("in", "at") or glue == "to" and k > 1 and doc[k - 2].lemma_.lower() in _JOURNEYS
        if not container and not venue and cluster is not previous and cluster not in out:
            out.append(cluster)
        previous = cluster
        while k < end and token_entity.get(k) is cluster:
            k += 1
    return out


class _ArticleContext:
    """What the whole article says about its parties: which town a municipality stands for,
    which town and which countries it is mostly about."""

    def __init__(self, entities: list[EntityCluster], headline: set[int] | frozenset[int] = frozenset()):
        self.entities = entities
        #: Tokens of Title Case headlines, which summarise rather than report.
        self.headline = headline
        self._places = {fold(c.name): c for c in entities if c.type == "place"}
        self._named: dict[str, EntityCluster] = {}
        for c in entities:
            for alias in [c.name, *c.aliases]:
                if c.type == "place":
                    self._places.setdefault(fold(alias), c)
                if c.type != "person":
                    self._named.setdefault(fold(alias), c)

    def town_of(self, cluster: EntityCluster, kind: str = "sister_city") -> EntityCluster:
        """The party an entity stands for: a municipality's town, an office holder's town or body
        ("Mayor Turashbekov" signs for Turkistan). In a twinning any body named after its town
        stands for it ("Shusha City State Reserve Department"); in other agreements only the
        town's own government does ("Samarkand State University" signs for itself)."""
        if cluster.type == "person":
            for _, of in cluster.roles:
                held = self._named.get(fold(of)) if of else None
                if held is not None:
                    return self.town_of(held, kind)
            return cluster
        if cluster.type == "organization":
            for m in cluster.mentions:
                if m.town and fold(m.town) in self._places and (kind == "sister_city" or m.town_government):
                    return self._places[fold(m.town)]
            state = _GOVERNMENT_OF.match(cluster.name)
            if state and fold(state.group(1)) in self._places:
                return self._places[fold(state.group(1))]  # "Government of the Republic of Latvia"
        return cluster

    def _count(self, cluster: EntityCluster) -> int:
        n = sum(1 for m in cluster.mentions if not m.dateline)
        for c in self.entities:
            if c.type == "organization" and self.town_of(c) is cluster:
                n += len(c.mentions)
        return n

    def anchor_town(self, exclude: EntityCluster) -> EntityCluster | None:
        """The town the article is about, paired with `exclude` when a twinning sentence names only
        that partner ("Batumi, a twin town, ..."). The partner must be a town linked to a country
        and the anchor a town of another country: a district's own city, a region or a continent
        ("partner towns across Europe") is no partner."""
        if exclude.place is None or exclude.place.kind not in ("city", "district") or not exclude.place.country:
            return None
        towns = [c for c in self.entities if c.type == "place" and c is not exclude
                 and c.place is not None and c.place.kind in ("city", "district")
                 and c.place.country and c.place.country != exclude.place.country
                 and not all(m.dateline for m in c.mentions)]
        if not towns:
            return None
        return max(towns, key=self._count)

    def countries_named(self, names: list[str]) -> list[EntityCluster]:
        """The article's entities for countries named by adjective ("Kyrgyz" → the Kyrgyz Republic)."""
        wanted = {country_code(n) for n in names} - {None}
        return [c for c in self.entities if c.type == "place" and c.place is not None
                and c.place.kind == "country" and c.place.country in wanted]


def _are_states(parties: list[EntityCluster]) -> bool:
    return len(parties) >= 2 and all(p.place is not None and p.place.kind == "country" for p in parties)


def _distinct(items: list[EntityCluster]) -> list[EntityCluster]:
    """The entities in order, each once (entities compare by identity)."""
    return list({id(c): c for c in items}.values())

