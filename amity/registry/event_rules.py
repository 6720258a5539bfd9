"""Event clustering: one occurrence, however many articles report it.

A report joins an event of the same type reported by another article when
their participants overlap (two shared entities, or one when either side
names only one, and both are dated) and their dates are compatible (equal,
one inside the other's span, or one undated). The event's status, date,
place and agreement summarise its reports: an occurred report beats a
planned one, a precise date a vague one, and of equals the first reported
(earliest published, then by doc) wins, so writers that store the same
reports in another order summarise them alike; a status or date an analyst
set (`curated_status`, `curated_date`) wins over them.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from amity.model import Event, Evidence
from amity.registry import dates
from amity.store import pending
from amity.store.collation import bytewise
from amity.store.schema import ArticleRow, EventParticipantRow, EventReportRow, EventRow

#: Entity ids per query of their events (SQLite allows 32,766 parameters; PostgreSQL plans long lists slowly);
#: `tie_rules` reads their activities in as many.
ENTITIES_PER_QUERY = 2000

#: Most events an `Occurrences` keeps from one transaction to the next (~100 bytes each).
_MOST_KEPT = 2_000_000


class Occurrences:
    """The events entities took part in, each entity's read once and kept up to date as articles report
    events: a town in a thousand visits is read once, not once per report naming it.

    It holds while merges only add reports (`report` tells it of each); a
    transaction that deletes articles or applies analysts' decisions starts
    a new one after each article, and one that finds the registry changed
    by another writer starts afresh (`amity.registry.intake`).
    """

    def __init__(self) -> None:
        self._events_of: dict[tuple[int, str], set[int]] = {}  # (entity, type) -> the events it took part in
        self._when: dict[int, _When] = {}  # event -> its date and the days it covers
        self._members: dict[int, set[int]] = {}  # event -> its participants (of the events asked about)
        self._occurred: set[int] = set()  # the events (of those read) that occurred

    def full(self) -> bool:
        """Whether it holds so many events that it is better read afresh than kept (its memory)."""
        return len(self._when) > _MOST_KEPT

    def compatible(self, session: Session, entity_ids: set[int], type_: str, date: str | None) -> dict[int, str | None]:
        """The events of this type any of these entities took part in at a date compatible with `date`
        (`dates.compatible`), with their dates."""
        self._read(session, entity_ids, type_)
        mine = _When.of(date)
        out = {}
        for entity_id in entity_ids:
            for event_id in self._events_of[entity_id, type_]:
                when = self._when[event_id]
                if mine.meets(when):
                    out[event_id] = when.date
        return out

    def members(self, session: Session, event_ids: set[int]) -> dict[int, set[int]]:
        """Each event's participants."""
        self._members.update(participants_of(session, event_ids - self._members.keys()))
        return {event_id: self._members.get(event_id, set()) for event_id in event_ids}

    def occurred(self, session: Session, entity_ids: set[int], types: Iterable[str]) -> dict[int, dict[int, str]]:
        """For each entity, the dated events of these types it took part in that occurred, with their dates."""
        out: dict[int, dict[int, str]] = {entity_id: {} for entity_id in entity_ids}
        for type_ in types:
            self._read(session, entity_ids, type_)
            for entity_id in entity_ids:
                for event_id in self._events_of[entity_id, type_]:
                    date = self._when[event_id].date
                    if date is not None and event_id in self._occurred:
                        out[entity_id][event_id] = date
        return out

    def reported(self, event_id: int, type_: str, date: str | None, participants: set[int], *, new: bool,
                 occurred: bool = False) -> None:
        """An event (`new`: just made) was reported with these participants, and now has this date (and has
        `occurred`)."""
        self._when[event_id] = _When.of(date)
        if occurred:
            self._occurred.add(event_id)
        else:
            self._occurred.discard(event_id)
        for entity_id in participants:
            if (entity_id, type_) in self._events_of:
                self._events_of[entity_id, type_].add(event_id)
        if new:
            self._members[event_id] = set(participants)
        elif event_id in self._members:
            self._members[event_id] |= participants

    def forget(self, entity_ids: set[int], event_ids: set[int]) -> None:
        """Drop what it knows of these entities' events and of these events (they changed): read again when asked.

        An article replaced deletes its reports: the events it reported may
        lose participants, change date or go, and their participants lose
        events (an entity no article speaks of goes too, and SQLite may give
        its id to a new one).
        """
        if not entity_ids and not event_ids:
            return
        for key in [key for key in self._events_of if key[0] in entity_ids]:
            del self._events_of[key]
        for event_id in event_ids:
            self._when.pop(event_id, None)
            self._occurred.discard(event_id)
            self._members.pop(event_id, None)

    def _read(self, session: Session, entity_ids: set[int], type_: str) -> None:
        unread = sorted(e for e in entity_ids if (e, type_) not in self._events_of)
        for entity_id in unread:
            self._events_of[entity_id, type_] = set()
        for start in range(0, len(unread), ENTITIES_PER_QUERY):
            for entity_id, event_id, date, first, last, status in session.execute(
                    select(EventParticipantRow.entity_id, EventRow.id, EventRow.date, EventRow.date_start,
                           EventRow.date_end, EventRow.status).distinct()
                    .join(EventReportRow, EventReportRow.id == EventParticipantRow.report_id)
                    .join(EventRow, EventRow.id == EventReportRow.event_id)
                    .where(EventParticipantRow.entity_id.in_(unread[start:start + ENTITIES_PER_QUERY]), EventRow.type == type_)):
                self._events_of[entity_id, type_].add(event_id)
                if event_id not in self._when:  # one re-summarised since may not be written yet
                    # the stored span of a readable date, to spare computing it again
                    self._when[event_id] = _When(date, first, last) if first and last else _When.of(date)
                    if status == "occurred":
                        self._occurred.add(event_id)


class _When(NamedTuple):
    """A date and the first and last day it covers (`dates.span`, computed once); no date: all days."""

    date: str | None
    first: str
    last: str

    @classmethod
    def of(cls, date: str | None) -> _When:
        return cls(date, *dates.span(date)) if date else cls(date, "", "")

    def meets(self, other: _When) -> bool:
        """`dates.compatible(self.date, other.date)`."""
        return not self.date or not other.date or (self.first <= other.last and other.first <= self.last)


def report(session: Session, article_id: int, event: Event, participants: list[int], place_id: int | None,
           own: set[int], seen: Occurrences | None = None) -> int:
    """Store a new article's report of an event, in the event it belongs to (found or new); the event's id.

    `own`: the events the article reported already (one report per article and event); `seen`: what the
    transaction read of the registry's events already.
    """
    seen = seen or Occurrences()
    found = _same_event(session, event, participants, own, seen)
    evidence = event.evidence[0] if event.evidence else Evidence("", 0, 0)
    said = {"article_id": article_id, "status": event.status, "date": event.date, "place_entity_id": place_id,
            "agreement": event.agreement, "sentence": evidence.sentence or None, "start": evidence.start,
            "end": evidence.end}
    # New events and reports are kept with ids of their own (`pending.new_id`) and written many at a time,
    # not flushed one by one to learn their ids.
    date: str | None
    status: str | None
    if found is None:  # summarised from its one report, without asking the database for its reports
        summary = EventRow(type=event.type)
        _summarise(summary, [EventReportRow(**said)])
        event_id, date, status = pending.new_id(session, EventRow), summary.date, summary.status
        pending.add(session, EventRow, id=event_id, type=event.type, status=summary.status, date=summary.date,
                    place_entity_id=summary.place_entity_id, agreement=summary.agreement,
                    date_start=summary.date_start, date_end=summary.date_end)
    else:
        event_id = found
    report_id = pending.new_id(session, EventReportRow)
    pending.add(session, EventReportRow, id=report_id, event_id=event_id, **said)
    for entity_id in dict.fromkeys(participants):
        pending.add(session, EventParticipantRow, report_id=report_id, entity_id=entity_id)
    if found is not None:
        refreshed = refresh(session, event_id)
        date, status = (refreshed.date, refreshed.status) if refreshed is not None else (None, None)
    seen.reported(event_id, event.type, date, set(participants), new=found is None, occurred=status == "occurred")
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


def report_order() -> tuple[Any, ...]:
    """ORDER BY terms that put event reports joined to their articles first
    reported first: earliest published, then by doc, then as stored. Text by code point (`bytewise`), so
    that SQLite and PostgreSQL, whatever its locale, put the same report first, and the same as a tie's
    stages folded in Python (`tie_rules._reported_order`: Python compares strings by code point too)."""
    return (ArticleRow.published.is_(None), bytewise(ArticleRow.published), bytewise(ArticleRow.doc), EventReportRow.id)


def _reports_of(session: Session, event_id: int) -> list[EventReportRow]:
    return list(session.scalars(select(EventReportRow).join(ArticleRow, ArticleRow.id == EventReportRow.article_id)
                                .where(EventReportRow.event_id == event_id).order_by(*report_order())))


def refresh(session: Session, event_id: int) -> EventRow | None:
    """Re-summarise an event from its reports; an event no report is left of is deleted (None)."""
    event = session.get(EventRow, event_id)
    if event is None:
        return None
    reports = _reports_of(session, event_id)
    if not reports:
        session.delete(event)
        return None
    _summarise(event, reports)
    return event


def _summarise(event: EventRow, reports: list[EventReportRow]) -> None:
    occurred = [r for r in reports if r.status == "occurred"]
    event.status = event.curated_status or ("occurred" if occurred else "planned")
    event.date = event.curated_date or _reported_date(reports)
    event.date_start, event.date_end = dates.span(event.date) if event.date and dates.is_date(event.date) else (None, None)
    event.place_entity_id = next((r.place_entity_id for r in occurred + reports if r.place_entity_id), None)
    event.agreement = next((r.agreement for r in occurred + reports if r.agreement), None)


def reported_date(session: Session, event_id: int) -> str | None:
    """The date the event's reports give it, whatever an analyst set."""
    return _reported_date(_reports_of(session, event_id))


def _reported_date(reports: list[EventReportRow] | tuple[EventReportRow, ...]) -> str | None:
    """The date of the first of the most precise reports, occurred ones first."""
    if not reports:
        return None
    occurred = [r for r in reports if r.status == "occurred"]
    return max(occurred or reports, key=lambda r: dates.precision(r.date)).date


def _same_event(session: Session, event: Event, participants: list[int], own: set[int], seen: Occurrences) -> int | None:
    """The event another article reported that this report is of; None for a new occurrence."""
    if not participants:
        return None
    mine = set(participants)
    # The extractor already told this article's occurrences apart: one event gets one report per article.
    when = {event_id: date for event_id, date in seen.compatible(session, mine, event.type, event.date).items()
            if event_id not in own}
    if not when:
        return None
    theirs = seen.members(session, set(when))
    best: tuple[int, float, int] | None = None
    for event_id in sorted(when):
        shared = len(mine & theirs[event_id])
        both_dated = bool(event.date and when[event_id])
        needed = min(2, len(mine), len(theirs[event_id])) if both_dated else 2
        if shared < needed:
            continue
        score = (shared, dates.precision(when[event_id]), -event_id)
        if best is None or score > best:
            best = score
    return -best[2] if best is not None else None
