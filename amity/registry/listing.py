"""The registry's lists: ties and events, filtered, as plain dicts for the CLI, JSON and a web page.

A tie is `dormant` when neither a stage nor an activity of it falls within
the last N years (default 3) before today or a given day; an undated stage
counts at the publication date of the article that reports it, and a tie
with no date at all is not called dormant.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from amity.registry import dates
from amity.registry.curated import badge, visible
from amity.registry.lookup import docs_of, entities_named, group_pairs, names_of, with_relatives
from amity.store import session_of
from amity.store.schema import (ArticleRow, EventParticipantRow, EventReportRow, EventRow, TiePartyRow, TieRow,
                                TieStageRow)

DORMANT_YEARS = 3


def ties(db: Engine | Session, party: str | None = None, kind: str | None = None, status: str | None = None,
         since: str | None = None, *, as_of: date | None = None, dormant_years: int = DORMANT_YEARS,
         limit: int | None = None, include_rejected: bool = False) -> list[dict[str, Any]]:
    """Ties, optionally of a party (any of its names), of a kind, at a status ('dormant' too), seen since a date;
    at most `limit` of them (oldest first). Ties an analyst rejected only with `include_rejected`.

    Each is {"id", "kind", "parties", "status", "date", "last_activity", "dormant", "sources", "curation"}.
    """
    with session_of(db) as session:
        query = select(TieRow).order_by(TieRow.id)
        if not include_rejected:
            query = query.where(visible(TieRow))
        if kind:
            query = query.where(TieRow.kind == kind)
        if status and status != "dormant":
            query = query.where(TieRow.status == status)
        if party:
            ids = with_relatives(session, {e.id for e in entities_named(session, party)})
            query = query.where(TieRow.id.in_(select(TiePartyRow.tie_id).where(TiePartyRow.entity_id.in_(ids))))
        if limit is not None and status != "dormant" and not since:
            query = query.limit(limit)  # the filters after description need every row
        rows = session.scalars(query).all()
        described = describe_ties(session, rows, as_of=as_of, dormant_years=dormant_years)
    if status == "dormant":
        described = [t for t in described if t["dormant"]]
    if since:
        start = dates.span(since)[0]
        described = [t for t in described if t["last_seen"] and dates.span(t["last_seen"])[1] >= start]
    return described if limit is None else described[:limit]


def describe_ties(session: Session, rows: list[TieRow] | tuple[TieRow, ...], *, as_of: date | None = None,
                  dormant_years: int = DORMANT_YEARS) -> list[dict[str, Any]]:
    """The dicts `ties` returns (plus "last_seen", the latest dated sign of life), for these ties."""
    if not rows:
        return []
    tie_ids = {t.id for t in rows}
    parties = group_pairs(session.execute(select(TiePartyRow.tie_id, TiePartyRow.entity_id)
                                          .where(TiePartyRow.tie_id.in_(tie_ids))).all())
    names = names_of(session, set().union(*parties.values()))
    stages = session.execute(select(TieStageRow.tie_id, TieStageRow.date, ArticleRow.published, TieStageRow.article_id)
                             .join(ArticleRow, ArticleRow.id == TieStageRow.article_id)
                             .where(TieStageRow.tie_id.in_(tie_ids))).all()
    seen: dict[int, list[str | None]] = {}
    sources: dict[int, set[int]] = {}
    for tie_id, stage_date, published, article_id in stages:
        seen.setdefault(tie_id, []).append(stage_date or published)
        sources.setdefault(tie_id, set()).add(article_id)
    cutoff = dates.years_before(as_of or date.today(), dormant_years)
    out = []
    for tie in rows:
        last_seen = dates.latest([tie.last_activity, *seen.get(tie.id, [])])
        out.append({
            "id": tie.id,
            "kind": tie.kind,
            "parties": sorted((names[p] for p in parties[tie.id]), key=str.casefold),
            "status": tie.status,
            "date": tie.date,
            "last_activity": tie.last_activity,
            "dormant": last_seen is not None and dates.span(last_seen)[1] < cutoff,
            "sources": len(sources.get(tie.id, ())),
            "last_seen": last_seen,
            "curation": badge(tie),
        })
    return out


def events(db: Engine | Session, type: str | None = None, between: tuple[str, str] | None = None,
           *, entity_ids: set[int] | None = None, include_rejected: bool = False) -> list[dict[str, Any]]:
    """Events, optionally of a type, dated within [start, end] (either may be a year or a month), by date.
    Events an analyst rejected only with `include_rejected`.

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
        rows = list(session.scalars(query))
        if between is not None:
            window = f"{between[0]}/{between[1]}"
            rows = [e for e in rows if e.date and dates.compatible(e.date, window)]
        return describe_events(session, rows)


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
