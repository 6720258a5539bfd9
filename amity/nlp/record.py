"""Doc → Record: the contract JSON record, built from what the components found."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from amity.model import Article, Entity, Event, Evidence, Record, Role, Tie
from amity.nlp.entities import EntityCluster


def evidence_of(span: Span) -> Evidence:
    """The sentence without surrounding blank space, with offsets that point at exactly that text."""
    text = span.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = span.start_char + lead
    return Evidence(stripped, start, start + len(stripped))


class _Sentences:
    """The article's sentences, each cut out of the text once, found by token in O(log n).

    A token's `.sent` walks its sentence to find the boundaries and a
    sentence's text is a copy of it: done per mention, an entity named a
    hundred times in a long sentence cost a hundred copies of it, and time
    grew with the square of the article's length.
    """

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._spans = list(doc.sents)
        self._starts = [s.start for s in self._spans]
        self._evidence: dict[tuple[int, int], Evidence] = {}

    def index_of(self, token: int) -> int:
        """The index of the sentence holding token number `token`."""
        return bisect_right(self._starts, token) - 1

    def evidence(self, index: int) -> Evidence:
        return self.of(self._spans[index])

    def of(self, span: Span) -> Evidence:
        key = (span.start, span.end)
        if key not in self._evidence:
            self._evidence[key] = evidence_of(span)
        return self._evidence[key]


def to_record(doc: Doc, article: Article) -> Record:
    clusters: list[EntityCluster] = doc._.entities or []
    sentences = _Sentences(doc)
    return Record(
        doc=article.doc,
        published=doc._.published,
        title=article.title,
        url=article.url,
        entities=[_entity(doc, c, sentences) for c in clusters],
        events=[
            Event(
                type=e.type,
                status=e.status,
                date=e.date,
                participants=[p.name for p in e.everyone()] + [x for x in e.extra if x not in {p.name for p in e.everyone()}],
                place=e.place.name if e.place is not None else None,
                agreement=e.agreement,
                evidence=[sentences.of(s) for s in e.sentences],
            )
            for e in doc._.events or [] if not e.untimed_plan
        ],
        ties=[
            Tie(kind=t.kind, parties=[p.name for p in t.parties], status=t.status, date=t.date,
                evidence=[sentences.of(s) for s in t.sentences])
            for t in doc._.ties or []
        ],
    )


def _entity(doc: Doc, cluster: EntityCluster, sentences: _Sentences) -> Entity:
    """The contract entity; its evidence is each sentence of its mentions once, in order of first mention."""
    seen: dict[int, None] = {}
    for m in cluster.mentions:
        if m.start < len(doc):
            seen.setdefault(sentences.index_of(m.start))
    place = cluster.place
    return Entity(
        type=cluster.type,  # type: ignore[arg-type]
        name=cluster.name,
        aliases=cluster.aliases,
        roles=[Role(title, of) for title, of in cluster.roles],
        country=place.country if place is not None else None,
        geonames_id=place.geonames_id if place is not None else None,
        lat=place.lat if place is not None else None,
        lon=place.lon if place is not None else None,
        evidence=[sentences.evidence(i) for i in seen],
    )
