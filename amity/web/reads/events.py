"""Events for pages and the API: filtered lists (date order, cursor-paged), each described by the registry's
`describe_events` (with every report's evidence)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from amity.registry import dates
from amity.registry.curated import visible
from amity.registry.curation import decisions_about
from amity.registry.listing import date_order, describe_events, overlapping
from amity.registry.lookup import latest_events
from amity.store.schema import EntityRow, EventParticipantRow, EventReportRow, EventRow
from amity.web import paging

SORT = "events:date"


#: Planned events by whether their day has come: `upcoming` (its date not yet past) or `overdue` (its date passed
#: and no report says it happened: a report that it did makes the event occurred).
TIMINGS = ("upcoming", "overdue")


@dataclass(frozen=True)
class EventQuery:
    """Which events: of a type and status, dated within [since, until], with a participant among `entity_ids`, with
    a participant or place in `country` (ISO code; a town's bodies count), planned ones by `timing` on `as_of`
    (default today; undated planned events are neither upcoming nor overdue); rejected ones too with
    `include_rejected`."""

    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    entity_ids: frozenset[int] | None = None
    include_rejected: bool = False
    country: str | None = None
    timing: str | None = None
    as_of: date | None = None


def event_page(session: Session, where: EventQuery, *, cursor: str | None, limit: int) -> tuple[list[dict[str, Any]], str | None]:
    """One page of the chosen events, earliest first (undated last), and the next page's cursor.

    Keyset paging in SQL on (date_start, id), dated events first, then the
    undated ones by id: only the page is read, however many events match.
    """
    undated_after: int | None = None
    dated = _chosen(where).where(EventRow.date_start.is_not(None))
    if where.since or where.until:
        dated = dated.where(*overlapping(dates.span(f"{where.since or '0001'}/{where.until or '9999'}")))
    if cursor is not None:
        last = paging.decode(cursor, SORT).get("k")
        if not (isinstance(last, list) and len(last) == 3 and isinstance(last[0], bool)
                and isinstance(last[1], str) and isinstance(last[2], int)):
            raise paging.CursorError("invalid cursor")
        if last[0]:
            undated_after = last[2]
        else:
            dated = dated.where(or_(EventRow.date_start > last[1],
                                    and_(EventRow.date_start == last[1], EventRow.id > last[2])))
    rows: list[Any] = []
    if undated_after is None:
        rows = list(session.execute(dated.with_only_columns(EventRow.id, EventRow.date_start)
                                    .order_by(EventRow.date_start, EventRow.id).limit(limit + 1)))
    if len(rows) <= limit and not (where.since or where.until):
        undated = _chosen(where).where(EventRow.date_start.is_(None))
        if undated_after is not None:
            undated = undated.where(EventRow.id > undated_after)
        rows += session.execute(undated.with_only_columns(EventRow.id, EventRow.date_start)
                                .order_by(EventRow.id).limit(limit + 1 - len(rows))).all()
    chosen = rows[:limit]
    next_cursor = None
    if len(rows) > limit and chosen:
        tail = chosen[-1]
        next_cursor = paging.encode({"s": SORT, "k": [tail.date_start is None, tail.date_start or "", tail.id]})
    return describe_events(session, [r.id for r in chosen]), next_cursor


def event_count(session: Session, where: EventQuery) -> int:
    """How many events are chosen (dated within [since, until] when either is given)."""
    query = _chosen(where)
    if where.since or where.until:
        query = query.where(*overlapping(dates.span(f"{where.since or '0001'}/{where.until or '9999'}")))
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def latest_of(session: Session, groups: list[set[int]], limit: int) -> tuple[list[dict[str, Any]], int]:
    """The latest `limit` events with a participant from every group (an entity with its relatives), earliest
    first (rejected ones too: the page marks them), and how many there are in all."""
    ids, total = latest_events(session, groups, limit)
    rows = session.execute(select(EventRow.id, EventRow.date).where(EventRow.id.in_(ids))).all()
    return describe_events(session, [r.id for r in sorted(rows, key=date_order)]), total


def recent_events(session: Session, limit: int) -> list[dict[str, Any]]:
    """The latest dated events, latest first."""
    rows = session.execute(select(EventRow.id, EventRow.date).where(EventRow.date.is_not(None), visible(EventRow))
                           .order_by(EventRow.date.desc(), EventRow.id.desc()).limit(limit * 4)).all()  # ISO: near enough
    rows = sorted(rows, key=lambda r: (dates.span(r.date)[1], r.id), reverse=True)[:limit]
    return describe_events(session, [r.id for r in rows])


def event_detail(session: Session, event_id: int) -> dict[str, Any] | None:
    """One event with its reports and the decisions analysts took about it; None when there is none."""
    found = describe_events(session, [event_id])
    if not found:
        return None
    return {**found[0], "decisions": decisions_about(session, "event", event_id)}


def chosen_events(where: EventQuery) -> Select[Any]:
    """The chosen events as a query (any date), for others to count or narrow."""
    return _chosen(where)


def _chosen(where: EventQuery) -> Select[Any]:
    query = select(EventRow)
    if not where.include_rejected:
        query = query.where(visible(EventRow))
    if where.type:
        query = query.where(EventRow.type == where.type)
    if where.status:
        query = query.where(EventRow.status == where.status)
    if where.entity_ids is not None:
        query = query.where(EventRow.id.in_(
            select(EventReportRow.event_id).join(EventParticipantRow, EventParticipantRow.report_id == EventReportRow.id)
            .where(EventParticipantRow.entity_id.in_(sorted(where.entity_ids)))))
    if where.country:
        places = select(EntityRow.id).where(EntityRow.country == where.country)
        members = select(EntityRow.id).where(or_(EntityRow.id.in_(places), EntityRow.parent_id.in_(places)))
        query = query.where(or_(EventRow.place_entity_id.in_(members), EventRow.id.in_(
            select(EventReportRow.event_id).join(EventParticipantRow, EventParticipantRow.report_id == EventReportRow.id)
            .where(EventParticipantRow.entity_id.in_(members)))))
    if where.timing:
        today = (where.as_of or date.today()).isoformat()
        query = query.where(EventRow.status == "planned", EventRow.date_end.is_not(None))
        query = query.where(EventRow.date_end < today if where.timing == "overdue" else EventRow.date_end >= today)
    return query
