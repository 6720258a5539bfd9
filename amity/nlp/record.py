"""Doc → Record: the contract JSON record, built from what the components found."""
from __future__ import annotations

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


def to_record(doc: Doc, article: Article) -> Record:
    clusters: list[EntityCluster] = doc._.entities or []
    return Record(
        doc=article.doc,
        published=doc._.published,
        title=article.title,
        url=article.url,
        entities=[_entity(doc, c) for c in clusters],
        events=[
            Event(
                type=e.type,
                status=e.status,
                date=e.date,
                participants=[p.name for p in e.participants] + [x for x in e.extra if x not in {p.name for p in e.participants}],
                place=e.place.name if e.place is not None else None,
                agreement=e.agreement,
                evidence=[evidence_of(s) for s in e.sentences],
            )
            for e in doc._.events or []
        ],
        ties=[
            Tie(kind=t.kind, parties=[p.name for p in t.parties], status=t.status, date=t.date,
                evidence=[evidence_of(s) for s in t.sentences])
            for t in doc._.ties or []
        ],
    )


def _entity(doc: Doc, cluster: EntityCluster) -> Entity:
    sentences: list[Evidence] = []
    for m in cluster.mentions:
        ev = evidence_of(doc[m.start].sent) if m.start < len(doc) else None
        if ev is not None and ev not in sentences:
            sentences.append(ev)
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
        evidence=sentences,
    )
