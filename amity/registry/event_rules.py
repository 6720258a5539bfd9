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

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Integer, String, and_, event, select, union_all
from sqlalchemy.orm import Session

from amity.model import Event, Evidence
from amity.registry import dates
from amity.registry.kept_summaries import rows_kept
from amity.store import pending
from amity.store.collation import bytewise
from amity.store.membership import among, joined_among, rows_table
from amity.store.schema import ArticleRow, EventParticipantRow, EventReportRow, EventRow

#: Entity ids per query of their events (SQLite allows 32,766 parameters; PostgreSQL plans long lists slowly);
#: `tie_rules` reads their activities in as many.
ENTITIES_PER_QUERY = 2000
#: Bound parameters in one statement: a VALUES list of ENTITIES_PER_QUERY ranges (5 each) fills it.
_PARAMETERS_PER_STATEMENT = 5 * ENTITIES_PER_QUERY

#: The session's `info` key of the event rows `Occurrences.prefetch` loaded: held, so that the session keeps them.
_ROWS_HELD = "amity_event_rows_held"
#: The session's `info` key of the events the transaction made: id -> the values of its row kept (`pending.add`).
_MADE = "amity_events_made"
#: The session's `info` key of the participant rows the transaction added, by event: those kept follow their event's
#: changes without a look at every row kept (thousands a batch) at each flush.
_PARTICIPANTS_ADDED = "amity_participants_added"

#: Most events an `Occurrences` keeps from one transaction to the next (~100 bytes each).
_MOST_KEPT = 2_000_000


class Occurrences:
    """The events entities took part in, read near the dates asked about and kept up to date as articles
    report events: a town in a thousand visits is not read again for every report naming it.

    An entity's events of a type are read near the days a report covers:
    a report can only join an event that ends between its first day and a
    year after its last (`event_participants.event_until`, migration 0009,
    in an index) and begins by its last day; an event of more than a year,
    or of no readable date, is read with any date. What was read is kept
    by the month the events end in, and the days read are remembered, so
    what a batch reads grows with its reports' days, not with the entity's
    history nor with how busy its months are.

    It holds while merges only add reports (`report` tells it of each); a
    transaction that deletes articles or applies analysts' decisions starts
    a new one after each article, and one that finds the registry changed
    by another writer starts afresh (`amity.registry.intake`).
    """

    def __init__(self) -> None:
        # (entity, type) -> the month its events end in (None: any date) -> the events
        self._events_of: dict[tuple[int, str], dict[str | None, set[int]]] = {}
        # (entity, type) -> the (first, last) days whose events were read (None: all of its events)
        self._days_read: dict[tuple[int, str], list[tuple[str, str]] | None] = {}
        self._when: dict[int, _When] = {}  # event -> its date and the days it covers
        self._members: dict[int, set[int]] = {}  # event -> its participants (of the events asked about)
        # events re-dated since the registry was last committed (the database's month of them may be the old
        # one until then): type, participants, and the dates they had
        self._moved: dict[int, tuple[str, set[int], set[str | None]]] = {}
        self._folds: dict[int, _Fold] = {}  # event -> its reports folded (`_Fold`), of the events reported to

    def full(self) -> bool:
        """Whether it holds so many events that it is better read afresh than kept (its memory)."""
        return len(self._when) > _MOST_KEPT

    def compatible(self, session: Session, entity_ids: set[int], type_: str, date: str | None,
                   shared: dict[int, int] | None = None) -> dict[int, str | None]:
        """The events of this type any of these entities took part in at a date compatible with `date`
        (`dates.compatible`), with their dates; `shared` hears how many of these entities each took part in.

        An entity keeps each of its events of a type under one month (the
        one it ends in), so an event is met once for each of these entities
        it has: the count is the participants it shares with them, known
        without reading its participants."""
        mine = _When.of(date)
        months = _months_meeting(mine)
        self._read(session, entity_ids, type_, None if months is None else (mine.first, mine.last))
        out = {}
        count = shared if shared is not None else {}
        known, undated, first, last = self._when, not mine.date, mine.first, mine.last
        for entity_id in entity_ids:
            buckets = self._events_of[entity_id, type_]
            for month in (None, *months) if months is not None else list(buckets):
                # `dates.compatible` on the spans `_When` keeps, inline: a much-visited town has thousands of events
                for event_id in buckets.get(month, ()):
                    date, its_first, its_last = known[event_id]
                    if undated or not date or (first <= its_last and its_first <= last):
                        out[event_id] = date
                        count[event_id] = count.get(event_id, 0) + 1
        return out

    def members(self, session: Session, event_ids: set[int]) -> Mapping[int, set[int]]:
        """Each event's participants (a view of what it keeps: a report naming a much-visited town compares
        thousands of events, and a copy of their participants for each cost more than the comparing).

        The events not known are picked one by one: `event_ids - self._members.keys()` makes Python walk every
        key of the dict (a set minus a view of keys is the set less each key), ~50 ms a report once a run
        knows 200,000 events."""
        self._members.update(participants_of(session, {e for e in event_ids if e not in self._members}))
        return _Members(self._members, event_ids)

    def fold(self, session: Session, event: EventRow) -> _Fold:
        """The event's reports folded: as last folded here, else as its row keeps them, else read in full."""
        fold = self._folds.get(event.id)
        if fold is None:
            # its row's reports read as stored: one the transaction keeps unwritten is not found, and the event is
            # then read in full (after the rows kept are written), as is one whose row keeps no fold
            kept = _folds_kept(session, [event], {pending.READS_STORED: True}).get(event.id)
            fold = self._folds[event.id] = kept or _Fold.of(_reports_of(session, event.id))
        return fold

    def folded(self, event_id: int, fold: _Fold) -> None:
        """An event just made has these reports folded (its one report): a later report folds on, reading none."""
        self._folds[event_id] = fold

    def fold_known(self, event_id: int) -> _Fold | None:
        """The event's reports folded, as last folded here (None: not known here)."""
        return self._folds.get(event_id)

    def moved(self) -> dict[int, tuple[set[int], set[str | None]]]:
        """The events re-dated since the last commit: their participants and the dates they had."""
        return {event_id: (members, before) for event_id, (_type, members, before) in self._moved.items()}

    def committed(self) -> None:
        """The registry now holds every event's date (and so its month) as known here."""
        self._moved.clear()

    def reported(self, session: Session, event_id: int, type_: str, date: str | None, participants: set[int], *,
                 new: bool) -> None:
        """An event (`new`: just made) was reported with these participants, and now has this date.

        Its other participants are read only when it changed date (they then keep it under its new month); a report
        that leaves the date reads none, as it was chosen by the participants it shares (`compatible`)."""
        before = self._when.get(event_id)
        if not new and (before is None or before.date != date) and event_id not in self._members:
            self.members(session, {event_id})
        when = self._when[event_id] = _When.of(date)
        if new:
            self._members[event_id] = set(participants)
        elif event_id in self._members:
            self._members[event_id] |= participants
        everyone = participants | self._members.get(event_id, set())
        if not new and (before is None or before.date != date):
            kept = self._moved.get(event_id)
            self._moved[event_id] = (type_, everyone, (kept[2] if kept else set()) | {before.date if before else None})
        month = _month(when)
        for entity_id in everyone:
            buckets = self._events_of.get((entity_id, type_))
            if buckets is None:
                continue
            if before is not None:
                buckets.get(_month(before), set()).discard(event_id)
            buckets.setdefault(month, set()).add(event_id)

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
            del self._days_read[key]
        for event_id in event_ids:
            self._when.pop(event_id, None)
            self._members.pop(event_id, None)
            self._moved.pop(event_id, None)
            self._folds.pop(event_id, None)

    def prefetch(self, session: Session, asked: Iterable[tuple[Iterable[int], str, str | None]]) -> None:
        """Read in a few queries what reports of these (entities, type, date) would ask `compatible` and `members`
        one by one (a batch's reports, at its start: most of its reads, in a few statements instead of a few each)."""
        wanted: dict[tuple[int, str], list[tuple[str, str]]] = defaultdict(list)
        dated: list[tuple[set[int], str, str | None]] = []
        for entity_ids, type_, date in asked:
            mine = _When.of(date)
            if _months_meeting(mine) is not None:
                dated.append((set(entity_ids), type_, date))
                for entity_id in dated[-1][0]:
                    wanted[entity_id, type_].append((mine.first, mine.last))
        self._read_wanted(session, dict(wanted))
        # the events they may join, as far as the names tell; one sharing two of a report's participants is
        # chosen from the counts alone, and only where none does are the others' participants read and compared
        likely: set[int | None] = set()
        weak: list[tuple[set[int], str | None, dict[int, str | None]]] = []
        for entity_ids, _type, date in dated:
            shared: dict[int, int] = {}
            when = self.compatible(session, entity_ids, _type, date, shared)
            strong = _best_shared(when, shared)
            if strong is not None:
                likely.add(strong)
            else:
                weak.append((entity_ids, date, when))
        # and those they will likely join: a report that re-dates one takes it to its new month for all of them
        theirs = self.members(session, {e for e in likely if e is not None}.union(*(when for _, _, when in weak)))
        # the events they will likely join: their rows and folds, read for all at once (a wrong guess costs a read)
        likely |= {_best(entity_ids, date, when, theirs) for entity_ids, date, when in weak}
        self._read_rows(session, likely - {None})  # type: ignore[arg-type]  # None taken out

    def row(self, session: Session, event_id: int, *, stored: bool) -> EventRow | None:
        """The event's row, from the session or read. `stored`: its row is stored as the transaction last changed it
        (not one it made and keeps unwritten), so reading it writes none of the rows kept (an article replaced empties
        the session of the rows `prefetch` read: each read again alone, not after the rows kept are written)."""
        return session.get(EventRow, event_id, execution_options={pending.READS_STORED: True} if stored else {})

    def _read_rows(self, session: Session, event_ids: set[int]) -> None:
        """Load these events' rows into the session (held there for the transaction) and read their folds not known."""
        rows: list[EventRow] = session.info.setdefault(_ROWS_HELD, [])
        wanted = sorted(event_ids)
        for start in range(0, len(wanted), ENTITIES_PER_QUERY):
            rows += session.scalars(select(EventRow).where(among(session, EventRow.id, wanted[start:start + ENTITIES_PER_QUERY])))
        self._folds.update(_folds_kept(session, [row for row in rows if row.id in event_ids and row.id not in self._folds]))

    def _read(self, session: Session, entity_ids: set[int], type_: str, days: tuple[str, str] | None) -> None:
        self._read_wanted(session, {(entity_id, type_): None if days is None else [days] for entity_id in sorted(entity_ids)})

    def _read_wanted(self, session: Session, wanted: dict[tuple[int, str], list[tuple[str, str]] | None]) -> None:
        """Read the events of these (entity, type) keys meeting these (first, last) days (None: all) not read yet,
        and at a key's first read those read with any date."""
        everything: list[tuple[int, str]] = []
        undated: list[tuple[int, str]] = []
        ranges: list[tuple[int, str, str, str, str]] = []  # entity, type, first day, the month after, last day
        missing: dict[tuple[int, str], list[tuple[str, str]]] = {}
        for key, days in wanted.items():
            if key not in self._events_of:
                self._events_of[key], self._days_read[key] = {}, []
                undated.append(key)
            read = self._days_read[key]
            if read is None:
                continue
            if days is None:
                everything.append(key)
                continue
            missing[key] = _windows([(first, last) for first, last in days if not _within(read, first, last)])
            ranges += [(*key, first, _month_after_a_year_after(last), last) for first, last in missing[key]]
        if not everything and not undated and not ranges:
            return
        for statement in _events_read(session, everything, undated, ranges):
            for entity_id, type_, event_id, date, first_day, last_day in _rows(session, statement):
                if event_id not in self._when:  # one re-summarised since may not be written yet
                    # the stored span of a readable date, to spare computing it again
                    self._when[event_id] = _When(date, first_day, last_day) if first_day and last_day else _When.of(date)
                self._events_of[entity_id, type_].setdefault(_month(self._when[event_id]), set()).add(event_id)
        for key in everything:
            self._days_read[key] = None
        for key, new_days in missing.items():
            self._days_read[key] = _covered((self._days_read[key] or []) + new_days)
        for event_id, (type_, members, _before) in self._moved.items():
            for key in ((entity_id, type_) for entity_id in members):
                if key in wanted and key in self._events_of:  # its row may still give the old month
                    self._events_of[key].setdefault(_month(self._when[event_id]), set()).add(event_id)


def _events_read(session: Session, everything: list[tuple[int, str]], undated: list[tuple[int, str]],
                 ranges: list[tuple[int, str, str, str, str]]) -> list[Any]:
    """The queries of the events of these (entity, type) keys: all of them, those read with any date, and those
    meeting these days (each a range of the index, of events ending from the first day to a year after the last,
    kept if they begin by the last; the ranges as a VALUES list joined). As few queries as the databases' limits
    on bound parameters allow (SQLite 32,766, PostgreSQL 65,535).

    The participant rows carry their event's id and first day (migration 0012): each (entity, type, event) is
    narrowed and made distinct in the index, and only then is its event's row read, once, not once per report
    naming the entity through the report's row."""
    keyed = select(EventParticipantRow.entity_id, EventParticipantRow.event_type, EventParticipantRow.event_id).distinct()
    parts: list[tuple[Any, int]] = []  # each part with its number of bound parameters
    for keys, where in ((everything, ()), (undated, (EventParticipantRow.event_until.is_(None),))):
        for type_ in sorted({type_ for _, type_ in keys}):
            entity_ids = sorted(entity_id for entity_id, of in keys if of == type_)
            parts += [(keyed.where(among(session, EventParticipantRow.entity_id, entity_ids[start:start + ENTITIES_PER_QUERY]),
                                   EventParticipantRow.event_type == type_, *where), ENTITIES_PER_QUERY + 2)
                      for start in range(0, len(entity_ids), ENTITIES_PER_QUERY)]
    for start in range(0, len(ranges), ENTITIES_PER_QUERY):
        window = rows_table(session, "wanted", [("entity_id", Integer()), ("event_type", String()), ("first", String()),
                                                ("after", String()), ("last", String())],
                            ranges[start:start + ENTITIES_PER_QUERY])
        parts.append((keyed.join(window, and_(window.c.entity_id == EventParticipantRow.entity_id,
                                              window.c.event_type == EventParticipantRow.event_type,
                                              EventParticipantRow.event_until >= window.c.first,
                                              EventParticipantRow.event_until < window.c.after,
                                              EventParticipantRow.event_start <= window.c.last)),
                      _PARAMETERS_PER_STATEMENT))  # alone in its statement: one "wanted" table a statement
    statements: list[list[Any]] = []
    room = 0
    for part, parameters in parts:
        if not statements or parameters > room:
            statements.append([])
            room = _PARAMETERS_PER_STATEMENT
        statements[-1].append(part)
        room -= parameters
    queries: list[Any] = [group[0] if len(group) == 1 else union_all(*group) for group in statements]
    out: list[Any] = []
    for query in queries:
        found = query.subquery()
        wanted: list[Any] = [found.c.entity_id, found.c.event_type, EventRow.id, EventRow.date, EventRow.date_start,
                             EventRow.date_end]
        out.append(select(*wanted).join(EventRow, EventRow.id == found.c.event_id))
    return out


_EVENT_TABLES = frozenset({EventRow.__tablename__, EventReportRow.__tablename__, EventParticipantRow.__tablename__})


def _rows(session: Session, statement: Any) -> Any:
    """The rows of a query of events, reports and participants, without the ORM's bookkeeping of each row (a batch
    reads tens of thousands); what the session would write before it (changed rows, rows kept to add) written first."""
    if session.autoflush:
        session.flush()
    pending.write(session, set(_EVENT_TABLES))
    return session.connection().execute(statement).all()  # fetched at once: row by row costs a few calls a row


def _windows(days: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(first, last) days to read as fewer windows: those ending in the month before one begins, or later, are
    read as one (the days between are read too, and count as read)."""
    out: list[tuple[str, str]] = []
    for first, last in sorted(days):
        if out and first[:7] <= _next_month(out[-1][1][:7]):
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def _covered(days: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Days read, overlapping windows joined (never across a day not read)."""
    out: list[tuple[str, str]] = []
    for first, last in sorted(days):
        if out and first <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def _within(windows: list[tuple[str, str]], first: str, last: str) -> bool:
    """Whether these days lie inside one of the windows (sorted and apart, as `_covered` gives them): found by
    bisection, as a frequent (entity, type) gathers hundreds of windows over a run."""
    at = bisect_right(windows, (first, "\uffff")) - 1
    return at >= 0 and last <= windows[at][1]


def _month_after_a_year_after(day: str) -> str:
    """The month after the one a year after this day's: events of at most a year meeting it end before that."""
    return _next_month(f"{int(day[:4]) + 1:04d}{day[4:7]}")


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def _month(when: _When) -> str | None:
    """The month an event's last day falls in, as `event_participants.event_until` gives it (None: read with any
    month). `event_until` is the last day of an event of at most a year (its first day on or after the same
    day a year before its last); migration 0009 says the same in SQL."""
    if not when.date or not dates.is_date(when.date):
        return None
    return when.last[:7] if when.first >= _year_before(when.last) else None


def _months_meeting(mine: _When) -> tuple[str, ...] | None:
    """The months an event meeting this date can end in (`_month`): from its first day's to a year after its
    last day's; None (all) when it has no readable date."""
    if not mine.date or not dates.is_date(mine.date):
        return None
    return _months_between(mine.first[:7], f"{int(mine.last[:4]) + 1:04d}{mine.last[4:7]}")


@lru_cache(maxsize=10_000)
def _months_between(month: str, last: str) -> tuple[str, ...]:
    """The months from this one to the last, both counted (worked out once a pair: reports share their months)."""
    months = [month]
    while month < last:
        month = _next_month(month)
        months.append(month)
    return tuple(months)


class _Members(Mapping[int, set[int]]):
    """The participants of the events asked (none known: none), as `Occurrences` keeps them."""

    def __init__(self, known: dict[int, set[int]], asked: set[int]) -> None:
        self._known, self._asked = known, asked

    def __getitem__(self, event_id: int) -> set[int]:
        return self._known.get(event_id, _NO_ONE)

    def __iter__(self) -> Iterator[int]:
        return iter(self._asked)

    def __len__(self) -> int:
        return len(self._asked)


_NO_ONE: set[int] = set()  # never changed: a set, not a frozenset, as the known participants are sets


class _When(NamedTuple):
    """A date and the first and last day it covers (`dates.span`, computed once); no date: all days."""

    date: str | None
    first: str
    last: str

    @classmethod
    def of(cls, date: str | None) -> _When:
        return cls(date, *dates.span(date)) if date else cls(date, "", "")


def report(session: Session, article_id: int, event: Event, participants: list[int], place_id: int | None,
           own: set[int], seen: Occurrences | None = None, placed: tuple[str | None, str | None] | None = None) -> int:
    """Store a new article's report of an event, in the event it belongs to (found or new); the event's id.

    `own`: the events the article reported already (one report per article and event); `seen`: what the
    transaction read of the registry's events already; `placed`: the article's (published, doc), else read
    from its row (a batch keeps its new articles' rows unwritten: reading one back costs a statement a report).
    """
    seen = seen or Occurrences()
    found = _same_event(session, event, participants, own, seen)
    evidence = event.evidence[0] if event.evidence else Evidence("", 0, 0)
    said = {"article_id": article_id, "status": event.status, "date": event.date, "place_entity_id": place_id,
            "agreement": event.agreement, "sentence": evidence.sentence or None, "start": evidence.start,
            "end": evidence.end}
    # New events and reports are kept with ids of their own (`pending.new_id`) and written many at a time,
    # not flushed one by one to learn their ids.
    report_id = pending.new_id(session, EventReportRow)
    if placed is None:
        article = session.get(ArticleRow, article_id)
        placed = (article.published, article.doc) if article else (None, None)
    told = _Told(event.status, event.date, place_id, event.agreement, _first_reported(*placed, report_id))
    made: dict[int, dict[str, Any]] = session.info.setdefault(_MADE, {})
    if found is None:  # summarised from its one report, without asking the database for its reports
        event_id = pending.new_id(session, EventRow)
        first = _Fold.of([told])
        seen.folded(event_id, first)
        made[event_id] = pending.add(session, EventRow, id=event_id, type=event.type, **_summary(first, event.type))
        date, copies = made[event_id]["date"], _copies(event_id, event.type, made[event_id]["date_start"],
                                                       made[event_id]["date_end"])
    elif found in made and (fold := seen.fold_known(found)) is not None and pending.is_kept(session, EventRow, made[found]):
        # an event the transaction made and has not written: its row's values amended where they are kept (a read
        # of its row would write every row kept of the event tables first, a few rows at a time)
        event_id, values = found, made[found]
        fold.add(told)
        before = _copies(event_id, values["type"], values["date_start"], values["date_end"])
        values.update(_summary(fold, values["type"]))
        date, copies = values["date"], _copies(event_id, values["type"], values["date_start"], values["date_end"])
        if copies != before:  # its participant rows take its new copies (all kept: none is written before it)
            _follow(session.info.get(_PARTICIPANTS_ADDED, {}).get(event_id, []), copies)
    else:  # the new report folded onto what the event's row keeps, its other reports not read again
        event_id = found
        row = seen.row(session, event_id, stored=found not in made or not pending.is_kept(session, EventRow, made[found]))
        assert row is not None, "an event found is stored"
        fold = seen.fold(session, row)
        fold.add(told)
        fold.apply(row)
        date, copies = row.date, _copies(event_id, row.type, row.date_start, row.date_end)
    pending.add(session, EventReportRow, id=report_id, event_id=event_id, **said)
    added = session.info.setdefault(_PARTICIPANTS_ADDED, {}).setdefault(event_id, [])
    for entity_id in dict.fromkeys(participants):
        added.append(pending.add(session, EventParticipantRow, report_id=report_id, entity_id=entity_id, **copies))
    seen.reported(session, event_id, event.type, date, set(participants), new=found is None)
    return event_id


def _summary(fold: _Fold, type_: str) -> dict[str, Any]:
    """The summary columns of a new event's row whose reports are these (as `_Fold.apply` gives them)."""
    summary = EventRow(type=type_)
    fold.apply(summary)
    return {"status": summary.status, "date": summary.date, "place_entity_id": summary.place_entity_id,
            "agreement": summary.agreement, "date_start": summary.date_start, "date_end": summary.date_end,
            "date_report_id": summary.date_report_id, "place_report_id": summary.place_report_id,
            "agreement_report_id": summary.agreement_report_id}


def _copies(event_id: int, type_: str, first: str | None, last: str | None) -> dict[str, Any]:
    """The copies of its event a participant row carries (migrations 0009, 0012), as the database's trigger would
    give them, given by the merge (migration 0013: the trigger then does not read the event for each row)."""
    until = last if first and last and first >= _year_before(last) else None
    return {"event_type": type_, "event_until": until, "event_start": first, "event_id": event_id}


@event.listens_for(Session, "before_flush")
def _copies_follow_their_events(session: Session, _context: Any, _instances: Any) -> None:
    """Participant rows kept unwritten take the copies of their events as the ORM is about to write them: the
    database's trigger on an event's change only reaches the rows written already."""
    added: dict[int, list[dict[str, Any]]] = session.info.get(_PARTICIPANTS_ADDED) or {}
    if not added or not pending.kept(session, EventParticipantRow):
        return
    for row in session.dirty:
        if isinstance(row, EventRow) and row.id in added:
            _follow(added[row.id], _copies(row.id, row.type, row.date_start, row.date_end))


def _follow(participants: list[dict[str, Any]], copies: dict[str, Any]) -> None:
    """Give these participant rows added by the transaction their event's copies: those kept are written with them,
    and those written already are values no longer used (the database's trigger keeps their rows)."""
    for values in participants:
        values.update(copies)


def _year_before(day: str) -> str:
    """The same day a year before (as ISO text: `2024-02-29` gives `2023-02-29`, as the migrations' SQL does)."""
    return f"{int(day[:4]) - 1:04d}{day[4:]}"


def participants_of(session: Session, event_ids: set[int]) -> dict[int, set[int]]:
    """Each event's participants: those named by any of its reports (each participant row carries its report's
    event, migration 0012: read from one index, not through the reports)."""
    out: dict[int, set[int]] = defaultdict(set)
    wanted = sorted(event_ids)
    for start in range(0, len(wanted), ENTITIES_PER_QUERY):
        for event_id, entity_id in _rows(session, joined_among(
                session, select(EventParticipantRow.event_id, EventParticipantRow.entity_id),
                EventParticipantRow.event_id, wanted[start:start + ENTITIES_PER_QUERY])):
            out[event_id].add(entity_id)
    return out


def report_order() -> tuple[Any, ...]:
    """ORDER BY terms that put event reports joined to their articles first
    reported first: earliest published, then by doc, then as stored. Text by code point (`bytewise`), so
    that SQLite and PostgreSQL, whatever its locale, put the same report first, and the same as a fold in
    Python (`_first_reported`, and `tie_rules._reported_order` for ties: Python compares strings by code point too)."""
    return (ArticleRow.published.is_(None), bytewise(ArticleRow.published), bytewise(ArticleRow.doc), EventReportRow.id)


def _first_reported(published: str | None, doc: str | None, report_id: int) -> tuple[Any, ...]:
    """`report_order` in Python: "first" is first reported, not first stored, so that writers storing the same
    reports in another order summarise them alike."""
    return (published is None, published or "", doc or "", report_id)


class _Told(NamedTuple):
    """A report as an event's summary weighs it: what it says, and its place in the order first reported."""

    status: str
    date: str | None
    place_entity_id: int | None
    agreement: str | None
    order: tuple[Any, ...]  # `_first_reported`, its report's id last


_TOLD_COLUMNS = (select(EventReportRow.status, EventReportRow.date, EventReportRow.place_entity_id,
                        EventReportRow.agreement, ArticleRow.published, ArticleRow.doc, EventReportRow.id,
                        EventReportRow.event_id)
                 .join(ArticleRow, ArticleRow.id == EventReportRow.article_id))


def _told(row: Any) -> _Told:
    return _Told(row.status, row.date, row.place_entity_id, row.agreement,
                 _first_reported(row.published, row.doc, row.id))


class _Fold:
    """An event's reports folded into the summary's rule, in any order: the report giving its date (of the most
    precise dates, occurred reports first, the first reported), which also tells whether any report says it
    occurred (an occurred one outranks every planned one); and those giving its place and its agreement (the
    first an occurred report gives, else the first any gives). An event's row keeps their ids
    (`EventRow.date_report_id`, `place_report_id`, `agreement_report_id`), so one more report is folded onto
    those three, not onto all the event's reports read again."""

    def __init__(self) -> None:
        self.dated: _Told | None = None
        self.placed: _Told | None = None
        self.agreed: _Told | None = None

    @classmethod
    def of(cls, reports: Iterable[_Told]) -> _Fold:
        fold = cls()
        for told in reports:
            fold.add(told)
        return fold

    def add(self, told: _Told) -> None:
        """Fold in one report: it replaces a report ranked lower, or ranked alike and reported later."""
        if _outranks(told, self.dated, (told.status == "occurred", dates.precision(told.date))):
            self.dated = told
        if told.place_entity_id and _outranks(told, self.placed, (told.status == "occurred",)):
            self.placed = told
        if told.agreement and _outranks(told, self.agreed, (told.status == "occurred",)):
            self.agreed = told

    def apply(self, event: EventRow) -> None:
        """Give the event the summary its reports make (a status or date an analyst set wins), and keep the fold."""
        assert self.dated is not None, "an event has a report"
        event.status = event.curated_status or ("occurred" if self.dated.status == "occurred" else "planned")
        event.date = event.curated_date or self.dated.date
        event.date_start, event.date_end = dates.span(event.date) if event.date and dates.is_date(event.date) else (None, None)
        event.place_entity_id = self.placed.place_entity_id if self.placed else None
        event.agreement = self.agreed.agreement if self.agreed else None
        event.date_report_id = self.dated.order[-1]
        event.place_report_id = self.placed.order[-1] if self.placed else None
        event.agreement_report_id = self.agreed.order[-1] if self.agreed else None


def _outranks(told: _Told, kept: _Told | None, rank: tuple[Any, ...]) -> bool:
    if kept is None:
        return True
    kept_rank = (kept.status == "occurred", dates.precision(kept.date))[:len(rank)]
    return rank > kept_rank or (rank == kept_rank and told.order < kept.order)


def _reports_of(session: Session, event_id: int) -> list[_Told]:
    return [_told(row) for row in session.execute(_TOLD_COLUMNS.where(EventReportRow.event_id == event_id)
                                                  .order_by(*report_order()))]


def _folds_kept(session: Session, events: list[EventRow], options: Mapping[str, Any] | None = None) -> dict[int, _Fold]:
    """The folds the rows of these events keep, read from their reports; none for an event whose row keeps none
    (re-summarised by an Amity before migration 0011 kept it) or one of whose three reports is not its own any more."""
    wanted = {event.id: (event.date_report_id, event.place_report_id, event.agreement_report_id)
              for event in events if event.date_report_id is not None}
    out: dict[int, _Fold] = {}
    for event_id, rows in rows_kept(session, _TOLD_COLUMNS, EventReportRow.id, "event_id", wanted, ENTITIES_PER_QUERY,
                                    options).items():
        fold = out[event_id] = _Fold()
        fold.dated, fold.placed, fold.agreed = (_told(row) if row is not None else None for row in rows)
    return out


def refresh(session: Session, event_id: int) -> EventRow | None:
    """Re-summarise an event from all its reports; an event no report is left of is deleted (None)."""
    event = session.get(EventRow, event_id)
    if event is None:
        return None
    reports = _reports_of(session, event_id)
    if not reports:
        session.delete(event)
        return None
    _Fold.of(reports).apply(event)
    return event


def reported_date(session: Session, event_id: int) -> str | None:
    """The date the event's reports give it, whatever an analyst set."""
    reports = _reports_of(session, event_id)
    return _Fold.of(reports).dated.date if reports else None  # type: ignore[union-attr]  # a report: dated


def _same_event(session: Session, event: Event, participants: list[int], own: set[int], seen: Occurrences) -> int | None:
    """The event another article reported that this report is of; None for a new occurrence."""
    if not participants:
        return None
    mine = set(participants)
    shared: dict[int, int] = {}
    # The extractor already told this article's occurrences apart: one event gets one report per article.
    when = {event_id: date for event_id, date in seen.compatible(session, mine, event.type, event.date, shared).items()
            if event_id not in own}
    if not when:
        return None
    found = _best_shared(when, shared)
    if found is None:  # none shares two: those sharing one are compared by their participants
        return _best(mine, event.date, when, seen.members(session, set(when)))
    return found


def _best_shared(when: dict[int, str | None], shared: dict[int, int]) -> int | None:
    """`_best` of these events when some share two participants or more (`shared`, from `compatible`): one of
    those, which outranks any sharing fewer whatever its participants, so theirs need not be read; None if none
    shares two."""
    best: tuple[int, float, int] | None = None
    for event_id, its_date in when.items():
        count = shared[event_id]
        if count >= 2:
            score = (count, dates.precision(its_date), -event_id)
            if best is None or score > best:
                best = score
    return -best[2] if best is not None else None


def _best(mine: set[int], date: str | None, when: dict[int, str | None], theirs: Mapping[int, set[int]]) -> int | None:
    """Of these events (with their dates and participants), the one a report of these participants and date is of:
    the most participants shared (two, or one when either side names only one and both are dated), then the
    most precise date, then the first made."""
    best: tuple[int, float, int] | None = None
    for event_id, its_date in when.items():  # any order: no two scores are equal (the event's id is in each)
        participants = theirs[event_id]
        shared = len(mine & participants)
        needed = min(2, len(mine), len(participants)) if date and its_date else 2
        if shared < needed:
            continue
        score = (shared, dates.precision(its_date), -event_id)
        if best is None or score > best:
            best = score
    return -best[2] if best is not None else None
