"""The dated history of an entity ("Turkistan") or of a tie ("Turkistan – Üsküdar").

Stages of its ties and the events it (or its municipality, or its town)
took part in, earliest first, each with the article and sentence it comes from;
what an analyst rejected is left out.
"""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Engine, select
from sqlalchemy.orm import Session

from amity.registry import dates
from amity.registry.curated import visible
from amity.registry.lookup import docs_of, entities_named, events_among, group_pairs, names_of, with_relatives
from amity.store import session_of
from amity.store.schema import EventParticipantRow, EventReportRow, EventRow, TiePartyRow, TieRow, TieStageRow

#: "A – B", "A — B", "A - B" (spaced, so that hyphenated names stay whole) or "A–B".
_BETWEEN = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")


def timeline(db: Engine | Session, name: str, *, limit: int | None = None) -> list[dict[str, Any]] | None:
    """Dated stages and events, earliest first: {"date", "what", "doc", "sentence"}; None when a name is unknown.

    `limit`: only the latest so many (read as such from the database: an
    entity in thousands of articles has thousands of items).
    """
    with session_of(db) as session:
        sides = [part.strip() for part in _BETWEEN.split(name.strip()) if part.strip()]
        groups = []
        for side in sides or [name]:
            found = entities_named(session, side)
            if not found:
                return None
            groups.append(with_relatives(session, {e.id for e in found}))
        items = _stages(session, groups, limit) + _events(session, groups, limit)
    items.sort(key=lambda item: (dates.span(item["date"])[0], item["date"], item["what"]))
    return items if limit is None else items[-limit:] if limit else []


def _ties_among(session: Session, groups: list[set[int]]) -> dict[int, set[int]]:
    """The ties that have a party in every group, with their parties."""
    wanted: set[int] | None = None
    for group in groups:
        having = set(session.scalars(select(TiePartyRow.tie_id).join(TieRow, TieRow.id == TiePartyRow.tie_id)
                                     .where(TiePartyRow.entity_id.in_(group), visible(TieRow))))
        wanted = having if wanted is None else wanted & having
    if not wanted:
        return {}
    return group_pairs(session.execute(select(TiePartyRow.tie_id, TiePartyRow.entity_id)
                                       .where(TiePartyRow.tie_id.in_(wanted))).all())


def _stages(session: Session, groups: list[set[int]], limit: int | None) -> list[dict[str, Any]]:
    parties = _ties_among(session, groups)
    if not parties:
        return []
    kinds = dict(session.execute(select(TieRow.id, TieRow.kind).where(TieRow.id.in_(parties))).all())
    chosen: tuple[ColumnElement[bool], ...] = (TieStageRow.tie_id.in_(parties), TieStageRow.date.is_not(None),
                                               visible(TieStageRow))
    if limit is not None:  # the latest by first day, spans too ("2021-01/2021-03" starts before "2021-01-15")
        dated = list(session.execute(select(TieStageRow.id, TieStageRow.date).where(*chosen)))
        dated.sort(key=lambda row: (dates.span(row.date)[0], row.id), reverse=True)
        chosen = (TieStageRow.id.in_([row.id for row in dated[:limit]]),)
    stages = session.scalars(select(TieStageRow).where(*chosen)).all()
    names = names_of(session, set().union(*parties.values()))
    docs = docs_of(session, {s.article_id for s in stages})
    return [{
        "date": s.date,
        "what": f"{kinds[s.tie_id].replace('_', ' ')} {s.status}: "
                + " – ".join(sorted((names[p] for p in parties[s.tie_id]), key=str.casefold)),
        "doc": docs[s.article_id],
        "sentence": s.sentence,
    } for s in stages]


def _events(session: Session, groups: list[set[int]], limit: int | None) -> list[dict[str, Any]]:
    """Dated events with a participant from every group (the latest `limit` of them)."""
    query = select(EventRow).where(EventRow.id.in_(events_among(groups)), EventRow.date_start.is_not(None),
                                   visible(EventRow))
    if limit is not None:
        query = query.order_by(EventRow.date_start.desc(), EventRow.id.desc()).limit(limit)
    rows = session.scalars(query).all()
    if not rows:
        return []
    dates_of = {e.id: e.date for e in rows}
    first_reports: dict[int, EventReportRow] = {}  # the first report of the event's own date, else the first
    for report in session.scalars(select(EventReportRow).where(EventReportRow.event_id.in_(dates_of))
                                  .order_by(EventReportRow.id)):
        seen = first_reports.get(report.event_id)
        if seen is None or (seen.date != dates_of[report.event_id] and report.date == dates_of[report.event_id]):
            first_reports[report.event_id] = report
    docs = docs_of(session, {r.article_id for r in first_reports.values()})
    taking_part = group_pairs(session.execute(
        select(EventReportRow.event_id, EventParticipantRow.entity_id)
        .join(EventParticipantRow, EventParticipantRow.report_id == EventReportRow.id)
        .where(EventReportRow.event_id.in_(dates_of))).all())
    names = names_of(session, set().union(set(), *taking_part.values()))
    return [{
        "date": e.date,
        "what": f"{e.type} ({e.status}): " + ", ".join(sorted((names[p] for p in taking_part[e.id]), key=str.casefold)),
        "doc": docs[first_reports[e.id].article_id],
        "sentence": first_reports[e.id].sentence,
    } for e in rows]
