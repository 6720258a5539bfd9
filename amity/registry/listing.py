"""The registry's lists: ties and events, filtered, as plain dicts for the CLI, JSON and a web page.

A tie is `dormant` when neither a stage nor an activity of it falls within
the last N years (default 3) before today or a given day; an undated stage
counts at the publication date of the article that reports it, a tie
with no date at all is not called dormant, and neither is an ended one
(suspended or terminated: it is over, not silent). Pages and tables say it
as `amity.registry.silence` does: the stage, and "silent since" the last
sign of life.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Engine, Row, select
from sqlalchemy.orm import Session

from amity.registry import dates
from amity.registry.curated import badge, visible
from amity.registry.lookup import docs_of, group_pairs, names_of
from amity.registry.tie_query import DORMANT_YEARS, TieQuery
from amity.store import session_of
from amity.store.schema import EventParticipantRow, EventReportRow, EventRow, TiePartyRow, TieRow
from amity.vocabulary import ENDED


def ties(db: Engine | Session, party: str | None = None, kind: str | None = None, status: str | None = None,
         since: str | None = None, *, as_of: date | None = None, dormant_years: int = DORMANT_YEARS,
         limit: int | None = None, include_rejected: bool = False) -> list[dict[str, Any]]:
    """Ties, optionally of a party (any of its names), of a kind, at a status ('dormant' too), seen since a date;
    at most `limit` of them (oldest first). Ties an analyst rejected only with `include_rejected`.

    Each is {"id", "kind", "parties", "status", "date", "last_activity", "dormant", "sources", "curation"}.
    """
    where = TieQuery(party=party, kind=kind, stage=status, since=since, as_of=as_of, dormant_years=dormant_years,
                     include_rejected=include_rejected)
    with session_of(db) as session:
        query = where.select(session)
        if limit is not None:
            query = query.limit(limit)
        rows = session.execute(query.with_only_columns(*TieRow.__table__.c)).all()  # plain rows: no ORM objects to build
        return describe_ties(session, rows, as_of=as_of, dormant_years=dormant_years)


def describe_ties(session: Session, rows: Sequence[TieRow | Row[Any]], *, as_of: date | None = None,
                  dormant_years: int = DORMANT_YEARS) -> list[dict[str, Any]]:
    """The dicts `ties` returns (plus "last_seen", the latest dated sign of life, and "silent_since": that date
    when the tie is dormant, else None), for these ties."""
    if not rows:
        return []
    parties = group_pairs(session.execute(select(TiePartyRow.tie_id, TiePartyRow.entity_id)
                                          .where(TiePartyRow.tie_id.in_({t.id for t in rows}))).all())
    names = names_of(session, set().union(*parties.values()))
    cutoff = dates.years_before(as_of or date.today(), dormant_years)
    silent = {tie.id for tie in rows if tie.seen_until is not None and tie.seen_until < cutoff and tie.status != ENDED}
    return [{
        "id": tie.id,
        "kind": tie.kind,
        "parties": sorted((names[p] for p in parties[tie.id]), key=str.casefold),
        "status": tie.status,
        "date": tie.date,
        "last_activity": tie.last_activity,
        "dormant": tie.id in silent,
        "sources": tie.sources,
        "last_seen": tie.last_seen,
        "silent_since": tie.last_seen if tie.id in silent else None,
        "curation": badge(tie),
    } for tie in rows]


def events(db: Engine | Session, type: str | None = None, between: tuple[str, str] | None = None,
           *, entity_ids: set[int] | None = None, include_rejected: bool = False, status: str | None = None,
           timing: str | None = None, as_of: date | None = None) -> list[dict[str, Any]]:
    """Events, optionally of a type and status, dated within [start, end] (either may be a year or a month), by
    date. `timing` "overdue": planned events whose date has passed on `as_of` (default today) with no report that
    they happened; "upcoming": planned events dated `as_of` or later. Events an analyst rejected only with
    `include_rejected`.

    Each is {"id", "type", "status", "date", "participants", "place", "agreement", "sources", "docs", "curation"}.
    """
    with session_of(db) as session:
        query = select(EventRow)
        if not include_rejected:
            query = query.where(visible(EventRow))
        if type:
            query = query.where(EventRow.type == type)
        if entity_ids is not None:
            query = query.where(EventRow.id.in_(
                select(EventReportRow.event_id).join(EventParticipantRow, EventParticipantRow.report_id == EventReportRow.id)
                .where(EventParticipantRow.entity_id.in_(entity_ids))))
        if between is not None:
            query = query.where(*overlapping(dates.span(f"{between[0]}/{between[1]}")))
        if status:
            query = query.where(EventRow.status == status)
        if timing:
            today = (as_of or date.today()).isoformat()
            query = query.where(EventRow.status == "planned", EventRow.date_end.is_not(None),
                                EventRow.date_end < today if timing == "overdue" else EventRow.date_end >= today)
        return describe_events(session, list(session.scalars(query)))


def overlapping(window: tuple[str, str]) -> tuple[ColumnElement[bool], ...]:
    """The SQL conditions of a dated event whose days overlap [first, last] (ISO days)."""
    return EventRow.date_start <= window[1], EventRow.date_end >= window[0]


def describe_events(session: Session, rows: list[EventRow]) -> list[dict[str, Any]]:
    """The dicts `events` returns for these events, earliest first, undated last."""
    if not rows:
        return []
    event_ids = {e.id for e in rows}
    reports = session.execute(select(EventReportRow.event_id, EventReportRow.id, EventReportRow.article_id)
                              .where(EventReportRow.event_id.in_(event_ids))).all()
    report_event = {report_id: event_id for event_id, report_id, _ in reports}
    articles = group_pairs([(event_id, article_id) for event_id, _, article_id in reports])
    taking_part = group_pairs([(report_event[r], p) for r, p in session.execute(
        select(EventParticipantRow.report_id, EventParticipantRow.entity_id)
        .where(EventParticipantRow.report_id.in_(report_event)))])
    places = {e.place_entity_id for e in rows if e.place_entity_id}
    names = names_of(session, set().union(places, *taking_part.values()))
    docs = docs_of(session, set().union(*articles.values()))
    rows = sorted(rows, key=lambda e: (e.date is None, dates.span(e.date)[0] if e.date else "", e.id))
    return [{
        "id": e.id,
        "type": e.type,
        "status": e.status,
        "date": e.date,
        "participants": sorted((names[p] for p in taking_part.get(e.id, ())), key=str.casefold),
        "place": names.get(e.place_entity_id) if e.place_entity_id else None,
        "agreement": e.agreement,
        "sources": len(articles.get(e.id, ())),
        "docs": sorted(docs[a] for a in articles.get(e.id, ())),
        "curation": badge(e),
    } for e in rows]
