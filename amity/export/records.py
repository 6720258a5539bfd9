"""The registry read for export: ties, entities and events in batches, each fact with its evidence.

Every exporter reads through these generators so that all formats show the
same facts. They stream: the main query is fetched `BATCH` rows at a time
(`yield_per`, a server-side cursor on PostgreSQL) and the details of each
batch (parties, stages, names, reports) are read with one query per kind
of detail, so memory stays bounded by the batch, not by the registry.

`--kind` and `--status` choose ties only; entities and events are exported
whole. Dormancy is judged as `amity ties` judges it (`describe_ties`). Ties
and events an analyst rejected are left out unless `include_rejected`; every
record carries its `curation` ({"state", "by", "at"} or None).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from amity.model import Evidence
from amity.registry import dates, event_rules
from amity.registry.curated import badge, visible
from amity.registry.listing import describe_ties
from amity.registry.lookup import group_pairs
from amity.registry.tie_query import EVERY_TIE, TieQuery
from amity.store.schema import (
    ArticleRow,
    EntityNameRow,
    EntityRow,
    EventParticipantRow,
    EventReportRow,
    EventRow,
    MentionRow,
    TiePartyRow,
    TieStageRow,
)

#: Rows fetched per round trip, and the size of the batches details are read for.
BATCH = 500


@dataclass(frozen=True)
class Ref:
    """An entity as a tie or event names it: enough to label, place and link it."""

    id: int
    type: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    parent_id: int | None


def stored_evidence(sentence: str | None, start: int | None, end: int | None) -> Evidence | None:
    """A stored fact's evidence as the model's `Evidence`; None when it was stored without one.

    A report of an event read without evidence is stored with no sentence and
    the span (0, 0); it comes back as `Evidence("", 0, 0)`, as it went in.
    """
    if start is None or end is None:
        return None
    return Evidence(sentence or "", start, end)


def cited(doc: str, evidence: Evidence | None) -> dict[str, Any]:
    """{"doc", "sentence", "start", "end"}: where a fact was read, each unknown part None."""
    if evidence is None:
        return {"doc": doc, "sentence": None, "start": None, "end": None}
    return {"doc": doc, "sentence": evidence.sentence or None, "start": evidence.start, "end": evidence.end}


@dataclass(frozen=True)
class Stage:
    """One article's report of a tie's stage: `doc` is that article and `published` its date."""

    status: str
    date: str | None
    published: str | None
    doc: str
    evidence: Evidence | None
    curation: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "date": self.date, "published": self.published,
                "evidence": cited(self.doc, self.evidence), "curation": self.curation}


@dataclass(frozen=True)
class TieRecord:
    """A tie with its parties (sorted by name), summary, and stage history (earliest first)."""

    id: int
    kind: str
    parties: list[Ref]
    status: str
    date: str | None
    last_activity: str | None
    last_seen: str | None
    dormant: bool
    stages: list[Stage]
    curation: dict[str, Any] | None = None

    @property
    def docs(self) -> list[str]:
        """The articles that report the tie."""
        return sorted({s.doc for s in self.stages})

    @property
    def first_source(self) -> str | None:
        """The doc of the earliest-published article that reports the tie (undated articles last)."""
        if not self.stages:
            return None
        first = min(self.stages, key=lambda s: (s.published is None, s.published or "", s.doc))
        return first.doc

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "parties": [p.name for p in self.parties],
            "party_ids": [p.id for p in self.parties],
            "status": self.status,
            "date": self.date,
            "last_activity": self.last_activity,
            "last_seen": self.last_seen,
            "dormant": self.dormant,
            "sources": len(self.docs),
            "docs": self.docs,
            "stages": [s.to_dict() for s in self.stages],
            "curation": self.curation,
        }


@dataclass(frozen=True)
class EntityRecord:
    """An entity with every other spelling articles gave it; `part_of` is a municipality's town."""

    ref: Ref
    geonames_id: int | None
    aliases: list[str]
    part_of: str | None
    sources: int
    curation: dict[str, Any] | None = None

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """(lat, lon), when both are known."""
        if self.ref.lat is None or self.ref.lon is None:
            return None
        return self.ref.lat, self.ref.lon

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.ref.id,
            "type": self.ref.type,
            "name": self.ref.name,
            "aliases": self.aliases,
            "country": self.ref.country,
            "geonames_id": self.geonames_id,
            "coordinates": list(self.coordinates) if self.coordinates else None,
            "part_of": self.part_of,
            "part_of_id": self.ref.parent_id,
            "sources": self.sources,
            "curation": self.curation,
        }


@dataclass(frozen=True)
class Report:
    """What one article (`doc`) says of an event."""

    status: str
    date: str | None
    place: str | None
    agreement: str | None
    participants: list[str]
    doc: str
    evidence: Evidence | None

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "date": self.date, "place": self.place, "agreement": self.agreement,
                "participants": self.participants, "evidence": cited(self.doc, self.evidence)}


@dataclass(frozen=True)
class EventRecord:
    """An event: its summary, its participants over all reports (sorted by name), and each report."""

    id: int
    type: str
    status: str
    date: str | None
    place: Ref | None
    agreement: str | None
    participants: list[Ref]
    reports: list[Report] = field(default_factory=list)
    curation: dict[str, Any] | None = None

    @property
    def docs(self) -> list[str]:
        return sorted({r.doc for r in self.reports})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "date": self.date,
            "participants": [p.name for p in self.participants],
            "participant_ids": [p.id for p in self.participants],
            "place": self.place.name if self.place else None,
            "place_id": self.place.id if self.place else None,
            "agreement": self.agreement,
            "sources": len(self.docs),
            "docs": self.docs,
            "reports": [r.to_dict() for r in self.reports],
            "curation": self.curation,
        }


# --------------------------------------------------------------------------- ties

def tie_batches(session: Session, where: TieQuery = EVERY_TIE) -> Iterator[list[TieRecord]]:
    """The chosen ties, by id, at most `BATCH` at a time."""
    for rows in _partitions(session, where.select(session)):
        described = describe_ties(session, rows, as_of=where.as_of, dormant_years=where.dormant_years)
        ids = [t.id for t in rows]
        parties = group_pairs(session.execute(select(TiePartyRow.tie_id, TiePartyRow.entity_id)
                                              .where(TiePartyRow.tie_id.in_(ids))).all())
        refs = _refs(session, set().union(*parties.values()))
        stages = _stages(session, ids)
        batch = []
        for tie, summary in zip(rows, described, strict=True):
            batch.append(TieRecord(
                id=tie.id, kind=tie.kind, parties=_by_name(refs[p] for p in parties.get(tie.id, ())),
                status=tie.status, date=tie.date, last_activity=tie.last_activity, last_seen=summary["last_seen"],
                dormant=summary["dormant"], stages=stages.get(tie.id, []), curation=summary["curation"]))
        if batch:
            yield batch


def tie_records(session: Session, where: TieQuery = EVERY_TIE) -> Iterator[TieRecord]:
    """The chosen ties, one at a time (read in batches)."""
    for batch in tie_batches(session, where):
        yield from batch


def _stages(session: Session, tie_ids: list[int]) -> dict[int, list[Stage]]:
    """Each tie's stages, earliest first (an undated stage at its article's publication date)."""
    rows = session.execute(
        select(TieStageRow, ArticleRow.doc, ArticleRow.published)
        .join(ArticleRow, ArticleRow.id == TieStageRow.article_id)
        .where(TieStageRow.tie_id.in_(tie_ids))).all()
    out: dict[int, list[tuple[tuple[str, int], Stage]]] = {}
    for s, doc, published in rows:
        order = (_sort_day(s.date or published), s.id)
        out.setdefault(s.tie_id, []).append((order, Stage(s.status, s.date, published,
                                                          doc, stored_evidence(s.sentence, s.start, s.end),
                                                          badge(s))))
    return {tie_id: [stage for _, stage in sorted(items, key=lambda item: item[0])] for tie_id, items in out.items()}


# --------------------------------------------------------------------------- entities

def entity_records(session: Session, *, types: Sequence[str] | None = None, located: bool = False,
                   tie_parties: bool = False) -> Iterator[EntityRecord]:
    """Entities by id; optionally only of some types, only those with coordinates, only parties to a tie."""
    query = select(EntityRow).order_by(EntityRow.id)
    if types is not None:
        query = query.where(EntityRow.type.in_(types))
    if located:
        query = query.where(EntityRow.lat.is_not(None), EntityRow.lon.is_not(None))
    if tie_parties:
        query = query.where(EntityRow.id.in_(select(TiePartyRow.entity_id)))
    for rows in _partitions(session, query):
        ids = [e.id for e in rows]
        spellings: dict[int, list[str]] = {}
        for entity_id, name in session.execute(select(EntityNameRow.entity_id, EntityNameRow.name)
                                               .where(EntityNameRow.entity_id.in_(ids)).order_by(EntityNameRow.id)):
            spellings.setdefault(entity_id, []).append(name)
        parents = {e.parent_id for e in rows if e.parent_id}
        parent_names = dict(session.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(parents)))
                            .all()) if parents else {}
        spoken = dict(session.execute(select(MentionRow.entity_id, func.count(func.distinct(MentionRow.article_id)))
                                      .where(MentionRow.entity_id.in_(ids)).group_by(MentionRow.entity_id)).all())
        for e in rows:
            aliases = list(dict.fromkeys(n for n in spellings.get(e.id, ()) if n != e.name))
            yield EntityRecord(ref=_ref(e), geonames_id=e.geonames_id, aliases=aliases,
                               part_of=parent_names.get(e.parent_id) if e.parent_id else None,
                               sources=spoken.get(e.id, 0), curation=badge(e))


def coordinates_by_id(session: Session) -> dict[int, tuple[float, float]]:
    """(lat, lon) of every entity that has both."""
    return {i: (lat, lon) for i, lat, lon in session.execute(  # type: ignore[misc]  # both not null: see the query
        select(EntityRow.id, EntityRow.lat, EntityRow.lon)
        .where(EntityRow.lat.is_not(None), EntityRow.lon.is_not(None)))}


# --------------------------------------------------------------------------- events

def event_records(session: Session, *, include_rejected: bool = False) -> Iterator[EventRecord]:
    """Every event by id (rejected ones only with `include_rejected`), with its reports (first reported first:
    earliest published, then by doc) and their evidence."""
    query = select(EventRow).order_by(EventRow.id)
    if not include_rejected:
        query = query.where(visible(EventRow))
    for rows in _partitions(session, query):
        reports = session.execute(
            select(EventReportRow.event_id, EventReportRow.id, EventReportRow.status, EventReportRow.date,
                   EventReportRow.place_entity_id, EventReportRow.agreement, EventReportRow.sentence,
                   EventReportRow.start, EventReportRow.end, ArticleRow.doc)
            .join(ArticleRow, ArticleRow.id == EventReportRow.article_id)
            .where(EventReportRow.event_id.in_([e.id for e in rows])).order_by(*event_rules.report_order())).all()
        taking_part = group_pairs(session.execute(
            select(EventParticipantRow.report_id, EventParticipantRow.entity_id)
            .where(EventParticipantRow.report_id.in_([r.id for r in reports]))).all()) if reports else {}
        wanted = {e.place_entity_id for e in rows} | {r.place_entity_id for r in reports}
        refs = _refs(session, set().union({i for i in wanted if i}, *taking_part.values()))
        by_event: dict[int, list[Report]] = {}
        participants: dict[int, set[int]] = {}
        for r in reports:
            people = taking_part.get(r.id, set())
            participants.setdefault(r.event_id, set()).update(people)
            place = refs[r.place_entity_id].name if r.place_entity_id else None
            by_event.setdefault(r.event_id, []).append(Report(
                r.status, r.date, place, r.agreement, [p.name for p in _by_name(refs[p] for p in people)],
                r.doc, stored_evidence(r.sentence, r.start, r.end)))
        for e in rows:
            yield EventRecord(
                id=e.id, type=e.type, status=e.status, date=e.date,
                place=refs[e.place_entity_id] if e.place_entity_id else None, agreement=e.agreement,
                participants=_by_name(refs[p] for p in participants.get(e.id, ())), reports=by_event.get(e.id, []),
                curation=badge(e))


# --------------------------------------------------------------------------- helpers

def _partitions(session: Session, query: Select[Any]) -> Iterator[list[Any]]:
    """The query's ORM rows, `BATCH` at a time, fetched as they are needed (never all at once)."""
    result = session.execute(query.execution_options(yield_per=BATCH))
    try:
        for partition in result.scalars().partitions():
            yield list(partition)
    finally:
        result.close()


def _ref(e: EntityRow) -> Ref:
    return Ref(e.id, e.type, e.name, e.country, e.lat, e.lon, e.parent_id)


def _refs(session: Session, ids: set[int]) -> dict[int, Ref]:
    if not ids:
        return {}
    return {e.id: _ref(e) for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(ids)))}


def _by_name(refs: Any) -> list[Ref]:
    return sorted(refs, key=lambda r: (r.name.casefold(), r.id))


def _sort_day(value: str | None) -> str:
    """The first day a date covers, for sorting; undated sorts last."""
    return dates.span(value)[0] if value else "9999-99-99"
