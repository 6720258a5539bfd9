"""Event clustering: one occurrence, however many articles report it.

A report joins an event of the same type reported by another article when
their participants overlap (two shared entities, or one when either side
names only one, and both are dated) and their dates are compatible (equal,
one inside the other's span, or one undated). The event's status, date,
place and agreement summarise its reports: an occurred report beats a
planned one, a precise date a vague one; a status or date an analyst set
(`curated_status`, `curated_date`) wins over them.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from amity.model import Event, Evidence
from amity.registry import dates
from amity.store import pending
from amity.store.schema import EventParticipantRow, EventReportRow, EventRow


def report(session: Session, article_id: int, event: Event, participants: list[int], place_id: int | None,
           own: set[int]) -> int:
    """Store a new article's report of an event, in the event it belongs to (found or new); the event's id.

    `own`: the events the article reported already (one report per article and event).
    """
    found = _same_event(session, article_id, event, participants, own)
    evidence = event.evidence[0] if event.evidence else Evidence("", 0, 0)
    report_row = EventReportRow(article_id=article_id, status=event.status, date=event.date,
                                place_entity_id=place_id, agreement=event.agreement,
                                sentence=evidence.sentence or None, start=evidence.start, end=evidence.end)
    if found is None:  # summarised from its one report, without asking the database for its reports
        row = EventRow(type=event.type)
        _summarise(row, [report_row])
        session.add(row)
        session.flush()
        event_id = row.id
    else:
        event_id = found
    report_row.event_id = event_id
    session.add(report_row)
    session.flush()
    for entity_id in dict.fromkeys(participants):
        pending.add(session, EventParticipantRow, report_id=report_row.id, entity_id=entity_id)
    if found is not None:
        refresh(session, event_id)
    return event_id


def participants_of(session: Session, event_ids: set[int]) -> dict[int, set[int]]:
    """Each event's participants: those named by any of its reports."""
    if not event_ids:
        return {}
    rows = session.execute(
        select(EventReportRow.event_id, EventParticipantRow.entity_id)
        .join(EventParticipantRow, EventParticipantRow.report_id == EventReportRow.id)
        .where(EventReportRow.event_id.in_(event_ids))).all()
    out: dict[int, set[int]] = defaultdict(set)
    for event_id, entity_id in rows:
        out[event_id].add(entity_id)
    return out


def refresh(session: Session, event_id: int) -> None:
    """Re-summarise an event from its reports; an event no report is left of is deleted."""
    event = session.get(EventRow, event_id)
    if event is None:
        return
    reports = list(session.scalars(select(EventReportRow).where(EventReportRow.event_id == event_id)
                                   .order_by(EventReportRow.id)))
    if not reports:
        session.delete(event)
        return
    _summarise(event, reports)


def _summarise(event: EventRow, reports: list[EventReportRow]) -> None:
    occurred = [r for r in reports if r.status == "occurred"]
    event.status = event.curated_status or ("occurred" if occurred else "planned")
    event.date = event.curated_date or _reported_date(reports)
    event.date_start, event.date_end = dates.span(event.date) if event.date and dates.is_date(event.date) else (None, None)
    event.place_entity_id = next((r.place_entity_id for r in occurred + reports if r.place_entity_id), None)
    event.agreement = next((r.agreement for r in occurred + reports if r.agreement), None)


def reported_date(session: Session, event_id: int) -> str | None:
    """The date the event's reports give it, whatever an analyst set."""
    return _reported_date(list(session.scalars(select(EventReportRow).where(EventReportRow.event_id == event_id)
                                               .order_by(EventReportRow.id))))


def _reported_date(reports: list[EventReportRow] | tuple[EventReportRow, ...]) -> str | None:
    """The date of the first of the most precise reports, occurred ones first."""
    if not reports:
        return None
    occurred = [r for r in reports if r.status == "occurred"]
    return max(occurred or reports, key=lambda r: dates.precision(r.date)).date


def _same_event(session: Session, article_id: int, event: Event, participants: list[int], own: set[int]) -> int | None:
    """The event another article reported that this report is of; None for a new occurrence."""
    if not participants:
        return None
    mine = set(participants)
    # Dates first, participants then: a town in thousands of visits has few at a compatible date. The
    # events' first and last days narrow them in SQL (an undated or unreadable date is compatible with all).
    query = (select(EventReportRow.event_id, EventRow.date).distinct()
             .join(EventParticipantRow, EventParticipantRow.report_id == EventReportRow.id)
             .join(EventRow, EventRow.id == EventReportRow.event_id)
             .where(EventRow.type == event.type, EventParticipantRow.entity_id.in_(mine),
                    EventReportRow.article_id != article_id))
    if event.date and dates.is_date(event.date):
        first, last = dates.span(event.date)
        query = query.where(or_(EventRow.date_start.is_(None), and_(EventRow.date_start <= last, EventRow.date_end >= first)))
    when = {event_id: date for event_id, date in session.execute(query) if dates.compatible(event.date, date)}
    # The extractor already told this article's occurrences apart: one event gets one report per article.
    candidates = set(when) - own
    if not candidates:
        return None
    theirs = participants_of(session, candidates)
    best: tuple[int, float, int] | None = None
    for event_id in sorted(candidates):
        shared = len(mine & theirs[event_id])
        both_dated = bool(event.date and when[event_id])
        needed = min(2, len(mine), len(theirs[event_id])) if both_dated else 2
        if shared < needed:
            continue
        score = (shared, dates.precision(when[event_id]), -event_id)
        if best is None or score > best:
            best = score
    return -best[2] if best is not None else None
