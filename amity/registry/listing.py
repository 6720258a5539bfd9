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

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Engine, Row, select
from sqlalchemy.orm import Session

from amity.registry import dates, event_rules
from amity.registry.curated import badge, visible
from amity.registry.headlines import headline, opening
from amity.registry.lookup import group_pairs, names_of
from amity.registry.tie_query import DORMANT_YEARS, TieQuery
from amity.store import session_of
from amity.store.schema import ArticleRow, EventParticipantRow, EventReportRow, EventRow, TiePartyRow, TieRow
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
        rows = session.execute(query.with_only_columns(EventRow.id, EventRow.date)).all()
        return [summary(e) for e in describe_events(session, [r.id for r in sorted(rows, key=date_order)])]


def overlapping(window: tuple[str, str]) -> tuple[ColumnElement[bool], ...]:
    """The SQL conditions of a dated event whose days overlap [first, last] (ISO days)."""
    return EventRow.date_start <= window[1], EventRow.date_end >= window[0]


def describe_events(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The events with these ids, in this order: the one description the CLI, the web and the API render.

    Each is {"id", "type", "status", "date", "agreement", "participants": [{"id", "name"}] by name,
    "place": {"id", "name"} or None, "sources" (articles reporting it), "reports" (each article's report with its
    evidence: {"id", "status", "date", "article_id", "doc", "title", "published", "sentence", "start", "end"},
    first reported first), "curation"}. `summary` flattens one for tables and `events`.
    """
    if not ids:
        return []
    rows = {e.id: e for e in session.scalars(select(EventRow).where(EventRow.id.in_(ids)))}
    reports = session.execute(
        select(EventReportRow.id, EventReportRow.event_id, EventReportRow.status, EventReportRow.date,
               EventReportRow.sentence, EventReportRow.start, EventReportRow.end, ArticleRow.id, ArticleRow.doc,
               ArticleRow.title, ArticleRow.published, opening())
        .join(ArticleRow, ArticleRow.id == EventReportRow.article_id)
        .where(EventReportRow.event_id.in_(ids)).order_by(*event_rules.report_order())).all()
    taking_part = group_pairs(session.execute(
        select(EventParticipantRow.report_id, EventParticipantRow.entity_id)
        .where(EventParticipantRow.report_id.in_([r[0] for r in reports]))).all()) if reports else {}
    by_event: dict[int, list[dict[str, Any]]] = {}
    participants: dict[int, set[int]] = {}
    for report_id, event_id, status, when, sentence, start, end, article_id, doc, title, published, opening_text \
            in reports:
        participants.setdefault(event_id, set()).update(taking_part.get(report_id, ()))
        by_event.setdefault(event_id, []).append({
            "id": report_id, "status": status, "date": when, "article_id": article_id, "doc": doc,
            "title": headline(title, opening_text, doc), "published": published,
            "sentence": sentence, "start": start, "end": end})
    names = names_of(session, set().union({e.place_entity_id for e in rows.values() if e.place_entity_id},
                                          *participants.values()))
    out = []
    for i in ids:
        e = rows.get(i)
        if e is None:
            continue
        out.append({
            "id": e.id, "type": e.type, "status": e.status, "date": e.date, "agreement": e.agreement,
            "participants": named(names, participants.get(e.id, ())),
            "place": {"id": e.place_entity_id, "name": names[e.place_entity_id]} if e.place_entity_id else None,
            "sources": len({r["article_id"] for r in by_event.get(e.id, [])}),
            "reports": by_event.get(e.id, []),
            "curation": badge(e),
        })
    return out


def summary(event: dict[str, Any]) -> dict[str, Any]:
    """A described event as `events` lists it: participants and place by name, and the docs that report it."""
    return {
        "id": event["id"],
        "type": event["type"],
        "status": event["status"],
        "date": event["date"],
        "participants": [p["name"] for p in event["participants"]],
        "place": event["place"]["name"] if event["place"] else None,
        "agreement": event["agreement"],
        "sources": event["sources"],
        "docs": sorted({r["doc"] for r in event["reports"]}),
        "curation": event["curation"],
    }


def date_order(row: Any) -> tuple[bool, str, int]:
    """The sort key of an event (anything with its `id` and `date`): earliest first, undated last."""
    return (row.date is None, dates.span(row.date)[0] if row.date else "", row.id)


def named(names: dict[int, str], ids: Iterable[int]) -> list[dict[str, Any]]:
    """[{"id", "name"}] for these entity ids, by name."""
    return sorted(({"id": i, "name": names[i]} for i in ids if i in names), key=lambda p: (p["name"].casefold(), p["id"]))
