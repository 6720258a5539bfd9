"""Analysts' decisions: confirm or reject a tie, a stage or an event, set its status or date, merge or split entities.

Every decision is appended to `decisions` (never changed) with who took it
and when, and its outcome is written on the rows it is about (`curation`,
`curated_by`, `curated_at`, and `curated_status`/`curated_date`, which the
registry keeps whenever it re-summarises a tie or an event), so reads stay
one query and a rejected tie is hidden by one condition (`curated.visible`).

A decision names its target by a key that survives re-ingesting articles
(`amity.registry.targets`), and ingest calls `apply_decisions` after each
article: a tie or event that a corrected article created again gets its
decisions back, entities merged by hand are merged again when an article
names the merged-away one apart, and names split off an entity are split
off again when an article gives them to it.

Of several decisions about one target, the latest confirm or reject is its
verdict, and the latest status and date set are its status and date.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import product
from typing import Any, Literal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from amity.registry import event_rules, reshape, targets, tie_rules
from amity.registry.curated import when
from amity.registry.merge import Touched, take_merge_lock
from amity.store import session_of, writer
from amity.store.schema import DecisionRow, EntityNameRow, EntityRow, EventReportRow, EventRow, MentionRow, TieRow, TieStageRow
from amity.vocabulary import EVENT_STATUSES, TIE_STAGES, is_iso_date
from amity.vocabulary.names import name_key

Target = Literal["tie", "event"]
Action = Literal["confirm", "reject", "set_status", "set_date"]
ACTIONS: tuple[str, ...] = ("confirm", "reject", "set_status", "set_date")


Verdict = Literal["confirm", "reject"]


class CurationError(ValueError):
    """A decision that cannot be taken: an unknown action, status, date or name, or two things that cannot merge."""


class UnknownTarget(CurationError, LookupError):
    """No tie, event or entity has that id."""


# --------------------------------------------------------------------------- deciding

@dataclass(frozen=True)
class CurationRequest:
    """What an analyst asks at once about one tie (or one of its stages) or event: a verdict, a status, a date.

    `amity curate tie|event`, the API and the pages' forms all build one;
    `take` checks it as a whole before anything is written and applies its
    decisions in one transaction, so a request whose date is impossible sets
    no status either.
    """

    target: Target
    target_id: int
    who: str
    verdict: Verdict | None = None
    status: str | None = None
    date: str | None = None
    stage: str | None = None
    note: str | None = None

    def decisions(self) -> list[tuple[Action, str | None]]:
        """(action, value) in the order they are taken: verdict, status, date.

        Raises CurationError for a request that cannot be taken as a whole.
        """
        if self.target not in ("tie", "event"):
            raise CurationError(f"unknown target {self.target!r}: tie or event")
        if self.stage is not None:
            if self.target == "event":
                raise CurationError("events have no stages")
            if self.verdict is None or self.status is not None or self.date is not None:
                raise CurationError("a stage can be confirmed or rejected; set the tie's status or date instead")
        statuses = TIE_STAGES if self.target == "tie" else EVENT_STATUSES
        wanted: list[tuple[Action, str | None]] = []
        if self.verdict is not None:
            if self.verdict not in ("confirm", "reject"):
                raise CurationError(f"unknown verdict {self.verdict!r}: confirm or reject")
            wanted.append((self.verdict, None))
        if self.status is not None:
            wanted.append(("set_status", _checked("set_status", self.status, statuses)))
        if self.date is not None:
            wanted.append(("set_date", _checked("set_date", self.date, statuses)))
        if not wanted:
            raise CurationError("say what to decide: confirm or reject, a status or a date")
        return wanted


def take(db: Engine | Session, request: CurationRequest) -> list[dict[str, Any]]:
    """Every decision of the request, checked as a whole and taken in one transaction (all or none); the decisions
    as `decisions` lists them."""
    wanted = request.decisions()
    with _writing(db) as session:
        return [decide(session, request.target, request.target_id, action, request.who, value=value,
                       stage=request.stage, note=request.note) for action, value in wanted]


def decide(db: Engine | Session, target: Target, target_id: int, action: Action, who: str, *,
           value: str | None = None, stage: str | None = None, note: str | None = None) -> dict[str, Any]:
    """Record one decision about a tie (or one of its stages, with `stage`) or an event, and apply it.

    `value` is the status of set_status (a tie stage, or occurred/planned)
    and the date of set_date (YYYY, YYYY-MM or YYYY-MM-DD). The decision as
    `decisions` lists it.
    """
    who = _who(who)
    if action not in ACTIONS:
        raise CurationError(f"unknown action {action!r}: one of {', '.join(ACTIONS)}")
    with _writing(db) as session:
        if target == "tie":
            row = _decide_tie(session, target_id, action, who, value, stage, note)
        elif target == "event":
            if stage is not None:
                raise CurationError("events have no stages")
            row = _decide_event(session, target_id, action, who, value, note)
        else:
            raise CurationError(f"unknown target {target!r}: tie or event")
        return _as_dict(row)


def confirm(db: Engine | Session, target: Target, target_id: int, who: str, *, stage: str | None = None,
            note: str | None = None) -> dict[str, Any]:
    """The tie, stage or event is right as read."""
    return decide(db, target, target_id, "confirm", who, stage=stage, note=note)


def reject(db: Engine | Session, target: Target, target_id: int, who: str, *, stage: str | None = None,
           note: str | None = None) -> dict[str, Any]:
    """The tie or event is wrong: hidden from lists and exports (shown, marked, on its own page); a rejected stage
    no longer counts towards its tie's status."""
    return decide(db, target, target_id, "reject", who, stage=stage, note=note)


def set_status(db: Engine | Session, target: Target, target_id: int, status: str, who: str, *,
               note: str | None = None) -> dict[str, Any]:
    """The tie's stage (proposed … ratified, active) or the event's status (occurred, planned) is this."""
    return decide(db, target, target_id, "set_status", who, value=status, note=note)


def set_date(db: Engine | Session, target: Target, target_id: int, date: str, who: str, *,
             note: str | None = None) -> dict[str, Any]:
    """The tie's (its furthest stage's) or the event's date is this: YYYY, YYYY-MM or YYYY-MM-DD."""
    return decide(db, target, target_id, "set_date", who, value=date, note=note)


def merge_entities(db: Engine | Session, keep_id: int, other_id: int, who: str, *,
                   note: str | None = None) -> dict[str, Any]:
    """`other` is the same thing as `keep`: its names and facts become `keep`'s, and it stays so after re-ingests."""
    who = _who(who)
    with _writing(db) as session:
        keep, other = session.get(EntityRow, keep_id), session.get(EntityRow, other_id)
        if keep is None or other is None:
            raise UnknownTarget(f"no entity {keep_id if keep is None else other_id}")
        if keep.id == other.id:
            raise CurationError("an entity cannot be merged with itself")
        if keep.type != other.type:
            raise CurationError(f"{_with_article(keep.type)} and {_with_article(other.type)} cannot be merged")
        value = {"other": targets.entity_key(other), "other_id": other.id, "other_name": other.name,
                 "keep": targets.fingerprint(session, keep), "merged": targets.fingerprint(session, other)}
        before = {"keep": _facts(keep), "other": _facts(other),
                  "children": sorted(session.scalars(select(EntityRow.id).where(EntityRow.parent_id == other.id,
                                                                                EntityRow.id != keep.id)))}
        row = _record(session, "entity", targets.entity_key(keep), keep.id, "merge", value, note, who)
        reshape.merge(session, keep, other)
        _mark(keep, "merged", row)
        row.value = value | {"undo": before | {"left": _facts(keep)}}  # what `undo` restores
        session.flush()
        return _as_dict(row)


def split_entity(db: Engine | Session, entity_id: int, names: list[str], who: str, *,
                 note: str | None = None) -> dict[str, Any]:
    """These names of the entity are another thing: they move to a new entity, with the facts of the articles
    that named it only so, and later articles that name it so are split off too.

    The decision as `decisions` lists it, with "new_entity_id".
    """
    who = _who(who)
    with _writing(db) as session:
        entity = session.get(EntityRow, entity_id)
        if entity is None:
            raise UnknownTarget(f"no entity {entity_id}")
        has = targets.name_keys(session, [entity.id]).get(entity.id, set())
        keys = {name_key(n) for n in names if name_key(n)}
        if not keys:
            raise CurationError("name at least one name to split off")
        if unknown := keys - has:
            raise CurationError(f"the entity has no name {', '.join(sorted(unknown))!r}")
        if not has - keys:
            raise CurationError("at least one name must stay with the entity")
        original_key = targets.entity_key(entity)
        into, _ = reshape.split(session, entity, keys)
        assert into is not None
        value = {"names": sorted(keys), "new_entity_id": into.id,
                 "from": targets.fingerprint(session, entity, names=has - keys) | {"geonames_id": entity.geonames_id},
                 "into": targets.fingerprint(session, into, names=keys) | {"geonames_id": None}}
        row = _record(session, "entity", original_key, entity_id, "split", value, note, who)
        if session.get(EntityRow, entity_id) is not None:
            _mark(entity, "split", row)
        _mark(into, "split", row)
        return _as_dict(row) | {"new_entity_id": into.id}


def undo(db: Engine | Session, decision_id: int) -> dict[str, Any]:
    """Take a decision back: it leaves the log and the registry is as if it had not been taken (the decisions left
    about the same tie, stage or event still apply; a merge splits the merged names off again, a split merges
    them back). The decision as it was, plus "entity_id" for an undone merge (the entity split off again)."""
    with _writing(db) as session:
        row = session.get(DecisionRow, decision_id)
        if row is None:
            raise UnknownTarget(f"no decision {decision_id} (amity curate log lists them)")
        taken = _as_dict(row)
        target, target_id, value = row.target, row.target_id, row.value
        session.delete(row)
        session.flush()
        if target in ("tie", "stage") and target_id is not None and (tie := session.get(TieRow, target_id)):
            rows = _tie_decisions(session, tie)
            _outcome(tie, [r for r in rows if r.target == "tie"], edits=True)
            for stage in session.scalars(select(TieStageRow).where(TieStageRow.tie_id == tie.id)):
                _outcome(stage, [r for r in rows if r.target == "stage" and targets.stage_of(r.target_key) == stage.status],
                         edits=False)
            session.flush()
            tie_rules.refresh(session, tie.id)
        elif target == "event" and target_id is not None and (event := session.get(EventRow, target_id)):
            _outcome(event, _event_decisions(session, event), edits=True)
            session.flush()
            event_rules.refresh(session, event.id)
            for tie in session.scalars(select(TieRow).where(TieRow.id.in_(_ties_around(session, event.id)))).all():
                _apply_tie(session, tie, [])
        elif target == "entity" and taken["action"] == "merge":
            taken["entity_id"] = _unmerge(session, target_id, value)
        elif target == "entity" and taken["action"] == "split":
            entity, into = session.get(EntityRow, target_id or -1), session.get(EntityRow, value["new_entity_id"])
            if entity is not None and into is not None:
                reshape.merge(session, entity, into)
        return taken


def _unmerge(session: Session, keep_id: int | None, value: dict[str, Any]) -> int | None:
    """Split the names the merged-away entity brought off the entity that kept them, and give both back the facts
    they had before the merge; the new entity's id."""
    keep = session.get(EntityRow, keep_id or -1)
    if keep is None:
        raise CurationError("the entity that kept the merged names is gone; nothing to split off")
    has = targets.name_keys(session, [keep.id]).get(keep.id, set())
    brought = (set(value["merged"]["names"]) - set(value["keep"]["names"])) & has
    if not brought or not has - brought:
        raise CurationError(f"the names {value['other_name']!r} had are not apart from {keep.name!r}'s own any more")
    into, _ = reshape.split(session, keep, brought)
    if "undo" in value:
        _restore(session, keep, into, value["undo"], value["other_name"])
    else:  # a merge decided before what it changed was kept: the GeoNames ids its fingerprints hold
        theirs, mine = value["merged"]["geonames_id"], value["keep"]["geonames_id"]
        if into is not None and into.geonames_id is None and theirs is not None:
            into.geonames_id = theirs
            if keep.geonames_id == theirs:
                into.lat, into.lon = keep.lat, keep.lon
        if mine is None and theirs is not None and keep.geonames_id == theirs:
            keep.geonames_id, keep.lat, keep.lon = None, None, None
    session.flush()
    return into.id if into is not None else None


#: What a merge may change on the entity kept besides its names and facts (and the merged-away entity had).
_MERGED_FACTS = ("country", "geonames_id", "lat", "lon", "parent_id", "curation", "curated_by", "curated_at")


def _facts(entity: EntityRow) -> dict[str, Any]:
    facts = {column: getattr(entity, column) for column in _MERGED_FACTS}
    return facts | {"curated_at": when(entity.curated_at)}


def _restore(session: Session, keep: EntityRow, into: EntityRow | None, undo: dict[str, Any], name: str) -> None:
    """Give the entity kept the facts it had before the merge (those the merge set and nothing changed since),
    and the entity split off again those the merged-away one had, its name and the places it governed."""
    left, now = undo["left"], _facts(keep)
    for column in _MERGED_FACTS:
        if now[column] == left[column] != undo["keep"][column]:
            setattr(keep, column, _fact(column, undo["keep"][column]))
    if into is None:
        return
    for column in _MERGED_FACTS:
        setattr(into, column, _fact(column, undo["other"][column]))
    if into.parent_id is not None and session.get(EntityRow, into.parent_id) is None:
        into.parent_id = None
    if name_key(name) in targets.name_keys(session, [into.id]).get(into.id, set()):
        into.name = name
    children = select(EntityRow).where(EntityRow.id.in_(undo["children"]), EntityRow.parent_id == keep.id)
    for child in session.scalars(children):
        child.parent_id = into.id


def _fact(column: str, value: Any) -> Any:
    return datetime.fromisoformat(value) if column == "curated_at" and value is not None else value


# --------------------------------------------------------------------------- reading the log

def decisions(db: Engine | Session, *, target: str | None = None, before_id: int | None = None,
              limit: int | None = None) -> list[dict[str, Any]]:
    """The decisions, newest first: {"id", "target", "target_key", "target_id", "action", "value", "note", "by", "at"}."""
    with session_of(db) as session:
        query = select(DecisionRow).order_by(DecisionRow.id.desc())
        if target:
            query = query.where(DecisionRow.target == target)
        if before_id is not None:
            query = query.where(DecisionRow.id < before_id)
        if limit is not None:
            query = query.limit(limit)
        return [_as_dict(row) for row in session.scalars(query)]


def decisions_about(session: Session, target: Literal["tie", "event", "entity"], target_id: int) -> list[dict[str, Any]]:
    """The decisions about one tie (its stages too), event or entity as it is now, oldest first (for its page)."""
    if target == "tie":
        tie = session.get(TieRow, target_id)
        rows = _tie_decisions(session, tie) if tie else []
    elif target == "event":
        event = session.get(EventRow, target_id)
        rows = _event_decisions(session, event) if event else []
    else:
        entity = session.get(EntityRow, target_id)
        rows = list(session.scalars(select(DecisionRow).where(
            DecisionRow.target == "entity", DecisionRow.target_key == targets.entity_key(entity))
            .order_by(DecisionRow.id))) if entity else []
        rows += [r for r in session.scalars(select(DecisionRow).where(DecisionRow.target == "entity",
                                                                     DecisionRow.action == "split"))
                 if isinstance(r.value, dict) and r.value.get("new_entity_id") == target_id and r not in rows]
    return [_as_dict(r) for r in sorted(rows, key=lambda r: r.id)]


# --------------------------------------------------------------------------- after each ingested article

def apply_decisions(session: Session, touched: Touched, article_id: int) -> None:
    """Give the facts an article just wrote the decisions taken about them (see the module's docstring).

    Costs one query when no decision was ever taken.
    """
    kinds = set(session.scalars(select(DecisionRow.target).distinct()))
    if not kinds:
        return
    stale: set[int] = set()  # ties to re-summarise whatever was decided about them (tidy did the others)
    if "entity" in kinds:
        stale |= _reapply_entities(session, article_id).ties
    if "event" in kinds:
        article_events = set(session.scalars(select(EventReportRow.event_id)
                                             .where(EventReportRow.article_id == article_id)))
        for event in session.scalars(select(EventRow).where(EventRow.id.in_(article_events))).all():
            if _apply_event(session, event, _event_decisions(session, event)):
                stale |= _ties_around(session, event.id)
    for tie in session.scalars(select(TieRow).where(TieRow.id.in_(touched.ties | stale))).all():
        rows = _tie_decisions(session, tie) if kinds & {"tie", "stage"} else []
        if rows or tie.id in stale:
            _apply_tie(session, tie, rows)
    session.flush()


# --------------------------------------------------------------------------- ties

def _decide_tie(session: Session, tie_id: int, action: str, who: str, value: str | None, stage: str | None,
                note: str | None) -> DecisionRow:
    tie = session.get(TieRow, tie_id)
    if tie is None:
        raise UnknownTarget(f"no tie {tie_id}")
    key = targets.tie_key(session, tie)
    if stage is not None:
        if action not in ("confirm", "reject"):
            raise CurationError("a stage can be confirmed or rejected; set the tie's status or date instead")
        reported = set(session.scalars(select(TieStageRow.status).where(TieStageRow.tie_id == tie_id)))
        if stage not in reported:
            raise CurationError(f"the tie has no {stage!r} stage: {', '.join(sorted(reported))}")
        row = _record(session, "stage", targets.stage_key(key, stage), tie_id, action, None, note, who)
    else:
        row = _record(session, "tie", key, tie_id, action, _checked(action, value, TIE_STAGES), note, who)
    _apply_tie(session, tie, _tie_decisions(session, tie))
    return row


def _tie_decisions(session: Session, tie: TieRow) -> list[DecisionRow]:
    """The decisions about the tie and its stages, under its key now or under the key it had before a party of
    it absorbed another entity (a merge)."""
    keys = _tie_keys(session, tie)
    stage_keys = [targets.stage_key(k, s) for k in keys for s in TIE_STAGES]
    return list(session.scalars(select(DecisionRow).where(DecisionRow.target_key.in_([*keys, *stage_keys]),
                                                          DecisionRow.target.in_(("tie", "stage")))
                                .order_by(DecisionRow.id)))


def _tie_keys(session: Session, tie: TieRow) -> list[str]:
    """The tie's key now, then the keys it would have had with any merged-away entity in place of its party."""
    mine = targets.party_keys(session, tie)
    absorbed: dict[str, list[str]] = {}
    for keep_key, value in session.execute(select(DecisionRow.target_key, DecisionRow.value).where(
            DecisionRow.target == "entity", DecisionRow.action == "merge",
            DecisionRow.target_key.in_(set(mine.values()))).order_by(DecisionRow.id)):
        absorbed.setdefault(keep_key, []).append(value["other"])
    now = targets.tie_key_of(tie.kind, mine.values())
    if not absorbed:
        return [now]
    choices = [[key, *absorbed.get(key, [])] for key in mine.values()]
    return [now, *sorted({targets.tie_key_of(tie.kind, combo) for combo in product(*choices)} - {now})]


def _apply_tie(session: Session, tie: TieRow, rows: list[DecisionRow]) -> None:
    """Write the decisions' outcome on the tie and its stages, and re-summarise it (no decisions: only that)."""
    if rows:
        _outcome(tie, [r for r in rows if r.target == "tie"], edits=True)
        by_stage: dict[str, list[DecisionRow]] = {}
        for r in rows:
            if r.target == "stage":
                by_stage.setdefault(targets.stage_of(r.target_key), []).append(r)
        for stage in session.scalars(select(TieStageRow).where(TieStageRow.tie_id == tie.id)):
            _outcome(stage, by_stage.get(stage.status, []), edits=False)
    session.flush()
    tie_rules.refresh(session, tie.id)


# --------------------------------------------------------------------------- events

def _decide_event(session: Session, event_id: int, action: str, who: str, value: str | None,
                  note: str | None) -> DecisionRow:
    event = session.get(EventRow, event_id)
    if event is None:
        raise UnknownTarget(f"no event {event_id}")
    key = targets.event_key(session, event, event_rules.reported_date(session, event.id))
    row = _record(session, "event", key, event_id, action, _checked(action, value, EVENT_STATUSES), note, who)
    _apply_event(session, event, _event_decisions(session, event))
    for tie in session.scalars(select(TieRow).where(TieRow.id.in_(_ties_around(session, event_id)))).all():
        _apply_tie(session, tie, [])  # its last activity may have changed
    return row


def _event_decisions(session: Session, event: EventRow) -> list[DecisionRow]:
    key = targets.event_key(session, event, event_rules.reported_date(session, event.id))
    rows = session.scalars(select(DecisionRow).where(DecisionRow.target == "event",
                                                     DecisionRow.target_key.startswith(targets.event_type_prefix(event.type)))
                           .order_by(DecisionRow.id))
    return [r for r in rows if r.target_key == key or targets.event_matches(r.target_key, key)]


def _apply_event(session: Session, event: EventRow, rows: list[DecisionRow]) -> bool:
    """Write the decisions' outcome on the event and re-summarise it; whether anything was decided."""
    if not rows:
        return False
    _outcome(event, rows, edits=True)
    session.flush()
    event_rules.refresh(session, event.id)
    return True


def _ties_around(session: Session, event_id: int) -> set[int]:
    """The ties whose last activity this event may be."""
    return tie_rules.ties_of(session, event_rules.participants_of(session, {event_id}).get(event_id, set()))


# --------------------------------------------------------------------------- entities

@dataclass
class _Candidate:
    entity: EntityRow
    keys: set[str]


def _reapply_entities(session: Session, article_id: int) -> reshape.Reshaped:
    """Merge again what was merged and split off again what was split, among the entities this article names."""
    done = reshape.Reshaped()
    rows = session.scalars(select(DecisionRow).where(DecisionRow.target == "entity",
                                                     DecisionRow.action.in_(("merge", "split")))
                           .order_by(DecisionRow.id)).all()
    candidates = _candidates(session, article_id) if rows else []
    for row in rows:
        step = _remerge(session, row, candidates) if row.action == "merge" else _resplit(session, row, candidates, article_id)
        if step.entities:  # see the entities afresh
            candidates = _candidates(session, article_id)
        done.entities |= step.entities
        done.ties |= step.ties
        done.events |= step.events
    return done


def _candidates(session: Session, article_id: int) -> list[_Candidate]:
    """The entities the article speaks of, with their name keys."""
    named = set(session.scalars(select(MentionRow.entity_id).where(MentionRow.article_id == article_id)))
    keys = targets.name_keys(session, named)
    return [_Candidate(e, keys.get(e.id, set()))
            for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(named)).order_by(EntityRow.id))]


def _remerge(session: Session, row: DecisionRow, candidates: list[_Candidate]) -> reshape.Reshaped:
    done = reshape.Reshaped()
    keep_fp, merged_fp = row.value["keep"], row.value["merged"]
    others = [c.entity for c in candidates if targets.fits(c.entity, c.keys, merged_fp)
              and not targets.fits(c.entity, c.keys, keep_fp)]
    if not others:
        return done
    keeps = [e for e in targets.found(session, keep_fp) if e not in others]
    keep = (keeps + others)[0]
    for other in [e for e in others if e is not keep]:
        step = reshape.merge(session, keep, other)
        done.entities |= step.entities
        done.ties |= step.ties
        done.events |= step.events
    _mark(keep, "merged", row)
    return done


def _resplit(session: Session, row: DecisionRow, candidates: list[_Candidate], article_id: int) -> reshape.Reshaped:
    """Split the decision's names off again where this article gave them to an entity.

    An article that names the entity only by split-off names goes to the
    split-off entity whole (names and facts). An article that gives both
    kinds of names speaks of the old entity, as at the split: its split-off
    names go over, its facts stay. Re-ingested, such an article may have
    been joined to the split-off entity through those names (the old one
    went with the article's old version); it is then given back to the old
    entity first.
    """
    done = reshape.Reshaped()
    moved = set(row.value["names"])
    from_fp, into_fp = row.value["from"], row.value["into"]
    for c in candidates:
        given = set(session.scalars(select(EntityNameRow.key).where(EntityNameRow.entity_id == c.entity.id,
                                                                   EntityNameRow.article_id == article_id)))
        if not given & moved:
            continue
        others = set(session.scalars(select(EntityNameRow.key).where(EntityNameRow.entity_id == c.entity.id,
                                                                    EntityNameRow.article_id != article_id)))
        entity = c.entity
        if given <= moved:
            if not targets.fits(entity, c.keys, from_fp):
                continue
        elif others and others <= moved:  # the split-off entity took an article of the old one
            old = next((e for e in targets.found(session, from_fp) if e.id != entity.id), None)
            old, step = reshape.split(session, entity, given, into=old, articles={article_id})
            _add(done, step)
            if old is None:
                continue
            _mark(old, "split", row)
            entity = old
        elif not targets.fits(entity, c.keys, from_fp):
            continue
        into = next((e for e in targets.found(session, into_fp) if e.id != entity.id), None)
        into, step = reshape.split(session, entity, moved, into=into, articles={article_id})
        if into is not None:
            _mark(into, "split", row)
        _add(done, step)
    return done


def _add(done: reshape.Reshaped, step: reshape.Reshaped) -> None:
    done.entities |= step.entities
    done.ties |= step.ties
    done.events |= step.events


# --------------------------------------------------------------------------- helpers

def _writing(db: Engine | Session) -> Any:
    """A session in a write transaction: the one given (the caller commits), or a new one committed on success."""
    @contextmanager
    def _scope() -> Any:
        if isinstance(db, Session):
            yield db
            db.flush()
            return
        with Session(writer(db)) as session, session.begin():
            take_merge_lock(session)
            yield session

    return _scope()


def _who(who: str) -> str:
    who = (who or "").strip()
    if not who:
        raise CurationError("say who decides (a name)")
    return who[:200]


def _checked(action: str, value: str | None, statuses: tuple[str, ...]) -> str | None:
    """The value a set_status or set_date needs, checked; None for a verdict."""
    if action in ("confirm", "reject"):
        return None
    value = (value or "").strip()
    if action == "set_status" and value not in statuses:
        raise CurationError(f"status must be one of: {', '.join(statuses)}")
    if action == "set_date" and not is_iso_date(value):
        raise CurationError("date must be YYYY, YYYY-MM or YYYY-MM-DD (a real month and day)")
    return value


def _record(session: Session, target: str, key: str, target_id: int | None, action: str, value: Any,
            note: str | None, who: str) -> DecisionRow:
    row = DecisionRow(target=target, target_key=key, target_id=target_id, action=action, value=value,
                      note=(note or "").strip() or None, who=who, at=datetime.now(UTC))
    session.add(row)
    session.flush()
    return row


def _outcome(row: Any, decided: list[DecisionRow], *, edits: bool) -> None:
    """Fold decisions (oldest first) into the row's curation columns: the latest verdict, the latest edits."""
    verdict = status = date = None
    for d in decided:
        if d.action == "confirm":
            verdict = "confirmed"
        elif d.action == "reject":
            verdict = "rejected"
        elif d.action == "set_status":
            status = d.value
        elif d.action == "set_date":
            date = d.value
    if edits:
        row.curated_status, row.curated_date = status, date
    row.curation = verdict or ("edited" if status or date else None)
    last = decided[-1] if decided else None
    row.curated_by = last.who if last else None
    row.curated_at = last.at if last else None


def _mark(entity: EntityRow, state: str, row: DecisionRow) -> None:
    entity.curation, entity.curated_by, entity.curated_at = state, row.who, row.at


def _as_dict(row: DecisionRow) -> dict[str, Any]:
    return {"id": row.id, "target": row.target, "target_key": row.target_key, "target_id": row.target_id,
            "action": row.action, "value": row.value, "note": row.note, "by": row.who, "at": when(row.at)}


def _with_article(noun: str) -> str:
    """"a person", "an organization"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
