"""spaCy component `amity_events`: visits, meetings, signings, ratifications and attendance.

A trigger word from `data/triggers.json` (a verb lemma, or a noun such as
"field trip" carried by a light verb) marks an event in its sentence; the
entities of that sentence are its participants, the nearest date its date,
and the dependency tree decides whether it happened or is planned ("will
visit", "is planned to be signed", "tomorrow"). Mentions of one occurrence
in later sentences ("During the visit, ...") fold into the first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from amity.nlp.dates import DateMention, shift_days
from amity.nlp.entities import EntityCluster
from amity.nlp.lexicons import triggers
from amity.nlp.mentions import register_extensions

_ORDINAL_DAY = re.compile(r"\b(first|second|third|fourth|fifth|last) day\b", re.I)
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}


@dataclass
class EventMention:
    """An event read from one or more sentences, with the entities taking part."""

    type: str
    status: str
    date: str | None
    participants: list[EntityCluster]
    place: EntityCluster | None
    agreement: str | None
    sentences: list[Span] = field(default_factory=list)
    trigger: Token | None = None


@Language.factory("amity_events")
def make_events(nlp: Language, name: str) -> "EventFinder":
    return EventFinder()


class EventFinder:
    def __init__(self) -> None:
        register_extensions()
        lex = triggers()
        self.verbs = {lemma: kind for kind, lemmas in lex["event_verbs"].items() for lemma in lemmas}
        self.nouns = {noun: kind for kind, nouns in lex["event_nouns"].items() for noun in nouns}
        self.attendance_phrases = tuple(lex["attendance_phrases"])
        self.light_verbs = set(lex["light_verbs_for_nouns"])
        self.planned_markers = set(lex["planned_markers"])
        self.planned_governors = set(lex["planned_governors"])
        self.planned_phrases = tuple(lex["planned_phrases"])
        self.sister_cues = tuple(lex["tie_sister_city"])

    def __call__(self, doc: Doc) -> Doc:
        entities: list[EntityCluster] = doc._.entities or []
        token_entity: dict[int, EntityCluster] = {}
        for cluster in entities:
            for m in cluster.mentions:
                for k in range(m.start, max(m.end, m.start + 1)):
                    token_entity.setdefault(k, cluster)
        events: list[EventMention] = []
        published = doc._.published
        for sent in doc.sents:
            lowered = sent.text.lower()
            participants = _unique(token_entity[k] for k in range(sent.start, sent.end) if k in token_entity)
            for trigger, kind, anchored in self._triggers(sent, lowered):
                status = "planned" if self._is_planned(trigger, lowered) else "occurred"
                date = self._date_near(doc, sent, trigger, events)
                if status == "occurred" and date and published and date.split("/")[0] > published:
                    status = "planned"
                agreement = None
                if kind == "signing":
                    agreement = "sister_city" if any(c in lowered for c in self.sister_cues) else "cooperation"
                event = EventMention(kind, status, date, list(participants), self._place(sent, token_entity),
                                     agreement, [sent], trigger)
                self._add(events, event, anchored)
        doc._.events = [e for e in events if e.participants]
        return doc

    # -- finding triggers ---------------------------------------------------------
    def _triggers(self, sent: Span, lowered: str):
        """(token, type, anchored) for each trigger; `anchored` is False for bare back-references."""
        seen_kinds: set[str] = set()
        for tok in sent:
            kind = None
            anchored = True
            if tok.pos_ in ("VERB", "AUX") or (tok.tag_.startswith("VB")):
                kind = self.verbs.get(tok.lemma_.lower())
                if kind == "meeting" and tok.lemma_.lower() in ("receive", "host", "welcome") and \
                        not any(c.dep_ in ("dobj", "nsubjpass", "agent") for c in tok.children):
                    kind = None
            elif tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in self.nouns:
                kind = self.nouns[tok.lower_]
                head = tok.head
                anchored = head.lemma_.lower() in self.light_verbs or tok.dep_ in ("pobj",) and \
                    head.lower_ in ("on", "for") and head.head.lemma_.lower() in ("be", "arrive", "come")
            if kind is None:
                continue
            if kind in seen_kinds and not anchored:
                continue
            seen_kinds.add(kind)
            yield tok, kind, anchored
        if "attendance" not in seen_kinds and any(p in lowered for p in self.attendance_phrases):
            for tok in sent:
                if tok.lemma_.lower() in ("take", "participate", "present"):
                    yield tok, "attendance", True
                    break

    def _is_planned(self, trigger: Token, lowered: str) -> bool:
        for child in trigger.children:
            if child.lower_ in self.planned_markers and child.dep_ == "aux":
                return True
        node = trigger
        for _ in range(3):
            if node.dep_ in ("xcomp", "ccomp", "advcl", "acl", "pobj", "dobj", "nsubjpass", "nsubj") and \
                    node.head.lemma_.lower() in self.planned_governors:
                # "planned to be signed", "expected to hold bilateral meetings"
                if node.head.lemma_.lower() in ("agree", "want", "wish", "hope", "invite", "decide", "aim") and \
                        node.dep_ not in ("xcomp",):
                    break
                return True
            if any(c.lower_ in self.planned_markers and c.dep_ == "aux" for c in node.head.children) and \
                    node.dep_ in ("xcomp", "conj", "dobj"):
                return True
            if node.head is node:
                break
            node = node.head
        window = lowered
        return any(p in window for p in ("tomorrow", "next week", "next month", "upcoming")) and \
            trigger.tag_ not in ("VBD", "VBN")

    def _date_near(self, doc: Doc, sent: Span, trigger: Token, events: list[EventMention]) -> str | None:
        dates: list[DateMention] = doc._.dates or []
        inside = [d for d in dates if sent.start_char <= d.start < sent.end_char and d.value]
        ordinal = _ORDINAL_DAY.search(sent.text)
        if ordinal and events:
            base = next((e.date for e in reversed(events) if e.date and "/" in e.date), None)
            if base:
                offset = _ORDINALS.get(ordinal.group(1).lower())
                if offset is None:
                    return base.split("/")[1]
                return shift_days(base, offset)
        if not inside:
            return None
        pos = trigger.idx
        return min(inside, key=lambda d: (abs(d.start - pos) if d.start >= pos else abs(d.end - pos) + 10)).value

    @staticmethod
    def _place(sent: Span, token_entity: dict[int, EntityCluster]) -> EntityCluster | None:
        for tok in sent:
            if tok.lower_ in ("in", "at") and tok.i + 1 < sent.end:
                nxt = tok.i + 1
                if sent.doc[nxt].lower_ == "the":
                    nxt += 1
                cluster = token_entity.get(nxt)
                if cluster is not None and cluster.type == "place":
                    return cluster
        return None

    @staticmethod
    def _add(events: list[EventMention], event: EventMention, anchored: bool) -> None:
        """Fold a mention into an earlier report of the same occurrence, or keep it as new."""
        for other in events:
            if other.type != event.type or other.status != event.status:
                continue
            if event.date and other.date and event.date != other.date:
                continue
            shared = {id(p) for p in other.participants} & {id(p) for p in event.participants}
            if not anchored or event.date is None or other.date is None or shared:
                if not anchored or shared or not event.participants:
                    other.participants += [p for p in event.participants if p not in other.participants]
                    other.sentences.append(event.sentences[0])
                    other.date = other.date or event.date
                    other.place = other.place or event.place
                    return
        if anchored or not any(e.type == event.type for e in events):
            events.append(event)


def _unique(items) -> list:
    out = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
