"""Tie lifecycle: one tie per kind and set of parties, with the history of its stages.

Each article's report of a tie is a stage row. The tie's `status` is the
furthest stage reported, in the order of `amity.vocabulary.TIE_STAGES`
(active < proposed < planned < signed < ratified < ended: any stage beats a
bare mention), and its `date` is that stage's date. `last_activity` is the
latest visit or meeting that both parties (or their municipalities, or
people holding their offices) took part in. An analyst's decisions (`amity.registry.curation`) win: a rejected
stage does not count, a rejected event is no activity, and a status or date
set by hand replaces the reported one whenever the tie is re-summarised.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from amity.model import Evidence
from amity.registry import dates
from amity.registry.curated import visible
from amity.registry.event_rules import ENTITIES_PER_QUERY, Occurrences
from amity.registry.kept_summaries import rows_kept
from amity.registry.lookup import group_pairs, relatives_each
from amity.store import pending
from amity.store.membership import among, distinct_pairs
from amity.store.schema import (
    ArticleRow,
    EventParticipantRow,
    EventRow,
    RoleRow,
    TiePartyRow,
    TieRow,
    TieStageRow,
)
from amity.vocabulary import ACTIVITY_TYPES, TIE_STAGES

_RANK = {stage: rank for rank, stage in enumerate(TIE_STAGES)}


def party_key(party_ids: Iterable[int]) -> str:
    """The key of a set of parties: their ids, sorted."""
    return ",".join(str(i) for i in sorted(set(party_ids)))


@dataclass
class KnownTies:
    """The ties a transaction found or made, by (kind, party key), and the keys it asked of the registry that
    had none: each tie is looked up once a transaction, and not at all when the registry cannot have it."""

    ids: dict[tuple[str, str], int] = field(default_factory=dict)
    absent: set[tuple[str, str]] = field(default_factory=set)  # asked, no tie stored (made ones are in `ids`)
    new_entities: set[int] = field(default_factory=set)  # made in the transaction: no stored tie has them
    #: new ties take ids counted on from the table's largest (`pending.new_id`) and are inserted with the rows a
    #: merge only adds: only where nothing else adds ties in the transaction (no analysts' decisions)
    allocate: bool = False

    def size(self) -> int:
        """How many keys it holds, to cap what a batch carries to the next."""
        return len(self.ids) + len(self.absent) + len(self.new_entities)


def add_stage(session: Session, article_id: int, kind: str, party_ids: list[int], status: str, date: str | None,
              evidence: Evidence | None, ties: KnownTies | None = None, made: set[int] | None = None) -> int:
    """Store one article's report of a tie's stage, creating the tie at its first report; the tie's id.

    `ties`: the ties found or made earlier in the transaction (ties are only deleted by a change that
    deletes articles, after which the caller starts anew); `made`: hears of a tie made."""
    ties = ties or KnownTies()
    key = (kind, party_key(party_ids))
    if key not in ties.ids:
        stored = None
        if key not in ties.absent and not ties.new_entities.intersection(party_ids):
            stored = session.scalar(select(TieRow.id).where(TieRow.kind == kind, TieRow.party_key == key[1]).limit(1))
        ties.ids[key] = stored if stored is not None else _new_tie(session, kind, party_ids, status, date, made,
                                                                   allocate=ties.allocate)
    pending.add(session, TieStageRow, tie_id=ties.ids[key], status=status, date=date, article_id=article_id,
                sentence=evidence.sentence if evidence else None,
                start=evidence.start if evidence else None, end=evidence.end if evidence else None)
    return ties.ids[key]


def tie_for(session: Session, kind: str, party_ids: Iterable[int], status: str, date: str | None,
            made: set[int] | None = None) -> TieRow:
    """The tie of this kind between these parties; a new one (at this status and date, its id added to `made`)
    if there is none."""
    parties = sorted(set(party_ids))
    tie = session.scalars(select(TieRow).where(TieRow.kind == kind, TieRow.party_key == party_key(parties))).first()
    return tie if tie is not None else session.get_one(TieRow, _new_tie(session, kind, parties, status, date, made))


def _new_tie(session: Session, kind: str, party_ids: Iterable[int], status: str, date: str | None,
             made: set[int] | None, *, allocate: bool = False) -> int:
    """Add a tie of this kind between these parties (none exists), at this status and date; its id."""
    parties = sorted(set(party_ids))
    if allocate:
        tie_id = pending.new_id(session, TieRow)
        pending.add(session, TieRow, id=tie_id, kind=kind, party_key=party_key(parties), status=status, date=date,
                    sources=0)
    else:
        tie = TieRow(kind=kind, party_key=party_key(parties), status=status, date=date)
        session.add(tie)
        session.flush()
        tie_id = tie.id
    for entity_id in parties:
        pending.add(session, TiePartyRow, tie_id=tie_id, entity_id=entity_id)
    if made is not None:
        made.add(tie_id)
    return tie_id


def _stage_rank(status: str, date: str | None) -> tuple[int, bool, float]:
    """How far a stage is: its status (an unknown one ranks lowest), then dated, then the more precise; of equal
    stages the tie takes the first reported."""
    return _RANK.get(status, -1), date is not None, dates.precision(date)  # type: ignore[call-overload]  # any status


def refresh(session: Session, tie_id: int) -> None:
    """Re-summarise a tie from its stages and the events of its parties; a tie without stages is deleted.

    Stages an analyst rejected are left out (unless every stage was); a status or date set by hand wins.
    """
    refresh_all(session, [tie_id])


def refresh_all(session: Session, tie_ids: Iterable[int], seen: Occurrences | None = None,
                stages: Stages | None = None, new_articles: Iterable[int] = (), reported: set[int] | None = None,
                anew: set[int] | None = None) -> None:
    """`refresh` many ties: their stages, parties, the parties' relatives and office holders and their
    activities are read in a few queries for all of them.

    `stages`: what the ties' stages added up to when last read, in a registry without analysts' decisions,
    with `new_articles` the articles whose stages were added since: a tie known there reads only those.
    `seen` and `reported`: in a registry without analysts' decisions, where articles were only added since
    each tie was last re-summarised, what the transaction knows of events and the events reported since
    (new, reported again, or newly of an office holder): a tie's last activity is then worked out from its
    stored one and those (`_latest_since`), except for the ties `anew` (made since, or whose parties gained
    towns or municipalities), read in full.
    """
    ids = sorted(set(tie_ids))
    if not ids:
        return
    ties = {tie.id: tie for tie in session.scalars(select(TieRow).where(among(session, TieRow.id, ids)))}
    stages = stages if stages is not None else Stages()
    summed = stages.read(session, ids, set(new_articles), ties)
    parties = _parties(session, ids)
    acting = _acting_for(session, set().union(*parties.values()))
    groups_of = {tie_id: [acting[p] for p in parties.get(tie_id, [])] for tie_id in ids}
    if seen is None or reported is None:
        latest = _latest_activities(session, groups_of)
    else:
        latest = _latest_since(session, ties, groups_of, seen, reported, anew or set())
    for tie_id in ids:
        tie = ties.get(tie_id)
        if tie is None:
            continue
        summary = summed.get(tie_id)
        if summary is None:
            session.delete(tie)
            stages.forget([tie_id])
            continue
        tie.status, tie.date = summary.furthest
        tie.status = tie.curated_status or tie.status
        tie.date = tie.curated_date or tie.date
        tie.last_activity = latest[tie_id]
        # a date set by hand counts too
        tie.last_seen = dates.latest([tie.last_activity, tie.date, summary.latest])
        tie.seen_until = dates.span(tie.last_seen)[1] if tie.last_seen else None
        tie.sources = summary.sources
        tie.furthest_stage_id, tie.latest_stage_id = summary.stage_ids()


#: Ties whose stage summaries a `Stages` keeps from one transaction to the next (~300 bytes each).
_MOST_TIES_KEPT = 1_000_000


class Stages:
    """What each tie's stages add up to (furthest stage, latest date, articles), kept while stages are only
    added: a much-reported tie's thousand stages are read once, not at every re-summary.

    Each stage is folded in once, and the folding is the full summary's
    rule with its order kept: of stages equally far, the first reported
    (`_reported_order`); of dates ending equally late, the first reported.
    A tie an analyst rejected a stage of is never kept (its summary leaves
    that stage out). A change that deletes stages (a replaced article)
    `forget`s their ties; one that meets analysts' decisions passes no
    `Stages` at all (`amity.registry.intake`).

    `from_rows`: a tie not known yet starts from the fold its row keeps
    (`TieRow.furthest_stage_id`, `latest_stage_id`, `sources`, written at
    each re-summary) and reads only the stages of the new articles, not all
    its stages: the first fold of a much-reported tie in a run costs what a
    later one does. Only where articles were only added since each tie was
    last re-summarised (a merge without analysts' decisions).
    """

    def __init__(self, *, from_rows: bool = False) -> None:
        self._of: dict[int, _Summary] = {}
        self._from_rows = from_rows
        self._parties: dict[int, frozenset[int]] = {}  # tie -> its parties, of the ties read
        self._ties_of: dict[int, set[int]] = {}  # entity -> the ties it is a party of, of the entities asked

    def full(self) -> bool:
        """Whether it holds so many ties that it is better read afresh than kept (its memory)."""
        return len(self._of) > _MOST_TIES_KEPT

    def forget(self, tie_ids: Iterable[int]) -> None:
        """Forget what these ties' stages add up to, and every tie's parties (a tie was made or deleted outside
        what `learn` hears of)."""
        tie_ids = list(tie_ids)
        for tie_id in tie_ids:
            self._of.pop(tie_id, None)
        if tie_ids:
            self._parties, self._ties_of = {}, {}

    def learn(self, session: Session, made: set[int]) -> None:
        """Hear of ties made in the transaction (their parties are read), so that the ties kept of each entity
        stay whole: ties are otherwise only deleted with their stages (`forget`)."""
        if unread := sorted(t for t in made if t not in self._parties):  # not `made - keys()`: that walks every key
            self._know(_parties(session, unread))

    def parties_around(self, session: Session, entity_ids: set[int]) -> dict[int, frozenset[int]]:
        """The parties of every tie with a party among these entities: those of entities asked before are
        kept, the others read in one query (each 2,000 entities), with every party of their ties."""
        unasked = sorted(e for e in entity_ids if e not in self._ties_of)  # not `- keys()`: that walks every key
        for entity_id in unasked:
            self._ties_of[entity_id] = set()
        for start in range(0, len(unasked), ENTITIES_PER_QUERY):
            having = select(TiePartyRow.tie_id).where(
                among(session, TiePartyRow.entity_id, unasked[start:start + ENTITIES_PER_QUERY]))
            self._know(group_pairs(session.execute(select(TiePartyRow.tie_id, TiePartyRow.entity_id)
                                                   .where(TiePartyRow.tie_id.in_(having))).all()))
        return {tie_id: self._parties[tie_id] for entity_id in entity_ids for tie_id in self._ties_of[entity_id]}

    def _know(self, parties: dict[int, set[int]]) -> None:
        for tie_id, party_ids in parties.items():
            self._parties[tie_id] = frozenset(party_ids)
            for entity_id in party_ids:
                if entity_id in self._ties_of:
                    self._ties_of[entity_id].add(tie_id)

    def read(self, session: Session, tie_ids: list[int], new_articles: set[int],
             rows: dict[int, TieRow] | None = None) -> dict[int, _Summary]:
        """The summary of each of these ties that has stages: a tie known, or whose row (of `rows`) keeps its
        fold, reads the stages of `new_articles` only, another all of its stages (and is known from then on)."""
        if self._from_rows and rows:
            self._of.update(_folds_kept(session, [rows[t] for t in tie_ids if t not in self._of and t in rows]))
        unknown = [tie_id for tie_id in tie_ids if tie_id not in self._of]
        known = set(tie_ids) - set(unknown)
        found: dict[int, list[Any]] = defaultdict(list)
        for start in range(0, len(unknown), ENTITIES_PER_QUERY):
            chunk = unknown[start:start + ENTITIES_PER_QUERY]
            for stage in session.execute(_STAGE_COLUMNS.where(among(session, TieStageRow.tie_id, chunk))):
                found[stage.tie_id].append(stage)
        if self._of and new_articles:  # before the ties read in full join them
            articles = sorted(new_articles)
            for start in range(0, len(articles), ENTITIES_PER_QUERY):
                chunk = articles[start:start + ENTITIES_PER_QUERY]
                for stage in session.execute(_STAGE_COLUMNS.where(among(session, TieStageRow.article_id, chunk))):
                    if stage.tie_id in self._of:
                        self._of[stage.tie_id].add(stage)
        out: dict[int, _Summary] = {}
        for tie_id, stages in found.items():
            kept = [s for s in stages if s.curation != "rejected"]
            out[tie_id] = _Summary.of(kept or stages, sources=stages)
            if len(kept) == len(stages):  # a tie with a rejected stage is read afresh each time
                self._of[tie_id] = out[tie_id]
            else:
                out[tie_id].whole = False
        out.update((tie_id, self._of[tie_id]) for tie_id in known)
        return out


class _Summary:
    """A tie's stages folded: the furthest (status, date), the latest of their dates (or publication dates),
    each with the first-reported order of the stage giving it, and how many articles report the tie."""

    def __init__(self) -> None:
        self.furthest: tuple[str, str | None] = ("", None)
        self.latest: str | None = None
        self._furthest_at: tuple[Any, ...] | None = None  # (how far, reported order) of the stage giving it
        self._latest_at: tuple[Any, ...] | None = None  # (last day, reported order) of the stage giving it
        self._articles: set[int] = set()
        self._sources_before = 0  # articles counted in a fold kept on the tie's row (none of them in `_articles`)
        self.whole = True  # of every stage: no stage rejected

    @property
    def sources(self) -> int:
        return self._sources_before + len(self._articles)

    def stage_ids(self) -> tuple[int | None, int | None]:
        """The ids of the stages giving the furthest stage and the latest date (the row's kept fold); (None,
        None) for a summary that leaves a rejected stage out, which cannot be folded on."""
        if not self.whole or self._furthest_at is None:
            return None, None
        return self._furthest_at[1][-1], self._latest_at[1][-1] if self._latest_at is not None else None

    @classmethod
    def kept(cls, stages: Iterable[Any], sources: int) -> _Summary:
        """The summary a row keeps: its furthest and latest stages, and how many articles it counted."""
        summary = cls()
        for stage in stages:
            summary.add(stage)
        summary._articles, summary._sources_before = set(), sources
        return summary

    @classmethod
    def of(cls, stages: Iterable[Any], sources: Iterable[Any]) -> _Summary:
        """The summary of these stages, counting the articles of `sources` (every stage, rejected too)."""
        summary = cls()
        for stage in stages:
            summary.add(stage)
        summary._articles = {stage.article_id for stage in sources}
        return summary

    def add(self, stage: Any) -> None:
        """Fold in one stage (a row of `_STAGE_COLUMNS`), in any order: the furthest (`_stage_rank`) and the
        latest (as `dates.latest`) of all stages folded, of equals the first reported."""
        order = _reported_order(stage)
        self._articles.add(stage.article_id)
        rank = _stage_rank(stage.status, stage.date)
        # further, or as far and reported earlier; later, or as late and reported earlier
        if self._furthest_at is None or (rank, self._furthest_at[1]) > (self._furthest_at[0], order):
            self._furthest_at, self.furthest = (rank, order), (stage.status, stage.date)
        value = stage.date or stage.published
        if value is not None and dates.is_date(value):
            end = dates.span(value)[1]
            if self._latest_at is None or (end, self._latest_at[1]) > (self._latest_at[0], order):
                self._latest_at, self.latest = (end, order), value


def _reported_order(stage: Any) -> tuple[Any, ...]:
    """"First" is first reported (earliest published, then by doc), not first stored: writers that
    interleave, or ingest in another order, summarise the same reports the same way."""
    return (stage.published is None, stage.published or "", stage.doc or "", stage.id)


_STAGE_COLUMNS = (select(TieStageRow.tie_id, TieStageRow.status, TieStageRow.date, TieStageRow.curation,
                         ArticleRow.published, TieStageRow.article_id, ArticleRow.doc, TieStageRow.id)
                  .join(ArticleRow, ArticleRow.id == TieStageRow.article_id))


def _folds_kept(session: Session, ties: list[TieRow]) -> dict[int, _Summary]:
    """The summaries the rows of these ties keep (a tie without a kept fold, or whose stages are gone, has none)."""
    wanted = {tie.id: (tie.furthest_stage_id, tie.latest_stage_id) for tie in ties if tie.furthest_stage_id is not None}
    sources = {tie.id: tie.sources for tie in ties}
    out: dict[int, _Summary] = {}
    for tie_id, rows in rows_kept(session, _STAGE_COLUMNS, TieStageRow.id, "tie_id", wanted, ENTITIES_PER_QUERY).items():
        stages = [stage for stage in rows if stage is not None]
        if all(stage.curation != "rejected" for stage in stages):
            out[tie_id] = _Summary.kept(stages, sources[tie_id])
    return out


def ties_of(session: Session, entity_ids: set[int]) -> set[int]:
    """The ties all of whose parties are among these entities (or are their towns or municipalities)."""
    return ties_among(session, [entity_ids])


def ties_among(session: Session, gatherings: list[set[int]], known: Stages | None = None) -> set[int]:
    """The ties an event of each of these sets of participants is activity of: every party of the tie is
    among them, or is their town or municipality, or the body or town one of them holds an office of.
    In five queries for all of them; `known`: the ties' parties as far as kept there (where articles were
    only added since)."""
    everyone = set().union(*gatherings)
    if not everyone:
        return set()
    offices = group_pairs(distinct_pairs(session, RoleRow.person_id, RoleRow.of_entity_id, sorted(everyone)))
    relatives = relatives_each(session, everyone | set().union(*offices.values()))
    arounds = [set().union(*(relatives[e] for e in gathering), *(relatives[o] for e in gathering for o in offices.get(e, ())))
               for gathering in gatherings if gathering]
    if known is not None:
        parties_of: Mapping[int, Set[int]] = known.parties_around(session, set().union(*arounds))
    else:
        candidates = set(session.scalars(select(TiePartyRow.tie_id)
                                         .where(among(session, TiePartyRow.entity_id, set().union(*arounds)))))
        parties_of = _parties(session, candidates) if candidates else {}
    # a tie's parties are all around a gathering that has its first party: only those are compared
    having: dict[int, list[set[int]]] = defaultdict(list)
    for around in arounds:
        for entity_id in around:
            having[entity_id].append(around)
    return {tie_id for tie_id, parties in parties_of.items()
            if any(parties <= around for around in having.get(min(parties), ()))}


def ties_around(session: Session, entity_ids: set[int]) -> set[int]:
    """The ties with a party among these entities or their towns or municipalities."""
    if not entity_ids:
        return set()
    around = set().union(*relatives_each(session, entity_ids).values())
    return set(session.scalars(select(TiePartyRow.tie_id).distinct()
                               .where(among(session, TiePartyRow.entity_id, sorted(around)))))


def _parties(session: Session, tie_ids: Iterable[int]) -> dict[int, set[int]]:
    return group_pairs(session.execute(select(TiePartyRow.tie_id, TiePartyRow.entity_id)
                                       .where(among(session, TiePartyRow.tie_id, sorted(set(tie_ids))))).all())


def _acting_for(session: Session, party_ids: set[int]) -> dict[int, set[int]]:
    """Who takes part in an event for each party: itself, its town or municipalities, and the people
    holding an office of one of them."""
    relatives = relatives_each(session, party_ids)
    holders = group_pairs(distinct_pairs(session, RoleRow.of_entity_id, RoleRow.person_id,
                                         sorted(set().union(*relatives.values()))))
    return {party: around | set().union(*(holders.get(e, set()) for e in around)) for party, around in relatives.items()}


def _last_activity(session: Session, tie_id: int) -> str | None:
    """The date of the latest visit or meeting that every party of the tie took part in (itself, its town or
    municipality, or someone holding an office of one of them)."""
    party_ids = set(session.scalars(select(TiePartyRow.entity_id).where(TiePartyRow.tie_id == tie_id)))
    acting = _acting_for(session, party_ids)
    return _latest_activity(session, [acting[p] for p in party_ids])


def _latest_activity(session: Session, groups: list[set[int]]) -> str | None:
    """The date of the latest visit or meeting with someone of every group."""
    return _latest_activities(session, {0: groups})[0]


def _latest_activities(session: Session, groups_of: dict[int, list[set[int]]]) -> dict[int, str | None]:
    """`_latest_activity` of each key's groups, from one read of the activities of everyone in any group.

    A batch re-summarises hundreds of ties, many between the same much-reported towns: one query per tie
    read their visits again and again. Of events equally late, the first stored counts. Each participant row
    carries its event's id and type (migrations 0009, 0012): the activities are narrowed in that index and
    each is joined to its event's row directly, not through its report's.
    """
    everyone = sorted(set().union(*(group for groups in groups_of.values() for group in groups)))
    events_of: dict[int, set[int]] = defaultdict(set)
    date_of: dict[int, str | None] = {}
    for start in range(0, len(everyone), ENTITIES_PER_QUERY):
        for entity_id, event_id, date in session.execute(
                select(EventParticipantRow.entity_id, EventRow.id, EventRow.date).distinct()
                .join(EventRow, EventRow.id == EventParticipantRow.event_id)
                .where(among(session, EventParticipantRow.entity_id, everyone[start:start + ENTITIES_PER_QUERY]),
                       EventParticipantRow.event_type.in_(ACTIVITY_TYPES), *_activity(typed_by_participants=True))):
            events_of[entity_id].add(event_id)
            date_of[event_id] = date
    out: dict[int, str | None] = {}
    for key, groups in groups_of.items():
        if not groups:  # no party to take part: any activity of the registry
            out[key] = dates.latest(list(session.scalars(select(EventRow.date).where(*_activity()).order_by(EventRow.id))))
            continue
        shared = set.intersection(*(set().union(*(events_of.get(e, set()) for e in group)) for group in groups))
        out[key] = dates.latest([date_of[event_id] for event_id in sorted(shared)])
    return out


def _activity(*, typed_by_participants: bool = False) -> tuple[Any, ...]:
    """What makes an event activity: a visit or meeting that occurred, dated, not rejected by an analyst.

    `typed_by_participants`: the query reaches its events through participant rows of visits and meetings
    only (each carries its event's type), so the event's own type is not asked again: SQLite, which keeps
    no statistics here, would take its index on type to be selective and read every visit and meeting of
    the registry, probing each for the few participants asked (~0.3 s a query at 100k articles).
    """
    typed = () if typed_by_participants else (EventRow.type.in_(ACTIVITY_TYPES),)
    return (*typed, EventRow.status == "occurred", EventRow.date.is_not(None), visible(EventRow))


def _latest_since(session: Session, ties: dict[int, TieRow], groups_of: dict[int, list[set[int]]],
                  seen: Occurrences, reported: set[int], anew: set[int]) -> dict[int, str | None]:
    """`_latest_activities` of ties whose stored last activity was true before the events `reported` since,
    where articles were only added: events then only gain participants, occur, and change dates, and the
    groups only grow (by office holders, whose events are reported too), so the latest activity is the
    stored one or one of those events'. Bounded by the batch, not by how much the parties did before.

    A tie is read in full (`_latest_activities`) when that does not settle it: it is `anew`, an event it
    shared moved from a date as late as its stored one (that may have been the latest), or an event of
    those ends on the same day as the stored one with another date (the first stored of them counts).
    """
    dated: dict[int, str] = {}
    wanted = sorted(reported)
    for start in range(0, len(wanted), ENTITIES_PER_QUERY):
        dated.update((event_id, date) for event_id, date in session.execute(select(EventRow.id, EventRow.date).where(
            among(session, EventRow.id, wanted[start:start + ENTITIES_PER_QUERY]), *_activity())) if date is not None)
    members = seen.members(session, set(dated))
    having: dict[int, set[int]] = defaultdict(set)  # entity -> the activities among them it took part in
    for event_id in dated:
        for entity_id in members[event_id]:
            having[entity_id].add(event_id)
    moved = seen.moved()
    out: dict[int, str | None] = {}
    again: dict[int, list[set[int]]] = {}
    for tie_id, groups in groups_of.items():
        tie = ties.get(tie_id)
        before = tie.last_activity if tie is not None else None
        if tie is None or tie_id in anew or not groups or _moved_from(moved, groups, before):
            again[tie_id] = groups
            continue
        shared = sorted(e for e in set().union(*(having.get(p, set()) for p in groups[0]))
                        if all(members[e] & group for group in groups[1:]))
        if before is not None and any(dated[e] != before and _last_day(dated[e]) == _last_day(before) for e in shared):
            again[tie_id] = groups
            continue
        out[tie_id] = dates.latest([before, *(dated[e] for e in shared)])
    out.update(_latest_activities(session, again) if again else {})
    return out


def _moved_from(moved: dict[int, tuple[set[int], set[str | None]]], groups: list[set[int]], before: str | None) -> bool:
    """Whether an event with someone of every group moved from a date that may have given `before`."""
    if before is None:
        return False
    return any(all(members & group for group in groups)
               and any(date is None or (dates.is_date(date) and _last_day(date) >= _last_day(before)) for date in dates_had)
               for members, dates_had in moved.values())


def _last_day(date: str) -> str:
    return dates.span(date)[1]
