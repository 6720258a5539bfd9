"""Changing which entity a fact is about: merging two entities into one, and splitting names off into a new one.

Entity resolution (`amity.registry.entities`) sometimes keeps one real
thing as two entities, or joins two things into one. An analyst fixes
that with `amity.registry.curation`, which records the decision and uses
these functions to move the facts: names, mentions, offices, event
participation, places of events, and tie stages (a tie whose parties change
becomes, or joins, the tie of its new parties). The events and ties touched
are re-summarised; nothing here records a decision.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from amity.registry import event_rules, tie_rules
from amity.store.schema import (
    EntityNameRow,
    EntityRow,
    EventParticipantRow,
    EventReportRow,
    EventRow,
    MentionRow,
    RoleRow,
    TiePartyRow,
    TieRow,
    TieStageRow,
)
from amity.vocabulary.names import name_key


@dataclass
class Reshaped:
    """The entities changed, and the events and ties whose parties or participants changed (re-summarised)."""

    entities: set[int] = field(default_factory=set)
    events: set[int] = field(default_factory=set)
    ties: set[int] = field(default_factory=set)


def merge(session: Session, keep: EntityRow, other: EntityRow) -> Reshaped:
    """Make `other` part of `keep`: every fact about `other` is about `keep`, and `other` is deleted."""
    if keep.id == other.id or keep.type != other.type:
        raise ValueError("only two different entities of one type can be merged")
    kid, oid = keep.id, other.id
    done = Reshaped(entities={kid, oid})
    _move_names(session, oid, kid, None)
    session.execute(update(MentionRow).where(MentionRow.entity_id == oid).values(entity_id=kid))
    session.execute(update(RoleRow).where(RoleRow.person_id == oid).values(person_id=kid))
    session.execute(update(RoleRow).where(RoleRow.of_entity_id == oid).values(of_entity_id=kid))
    done.events |= _move_participation(session, oid, kid, None)
    done.events |= set(session.scalars(select(EventRow.id).where(EventRow.place_entity_id == oid)))
    session.execute(update(EventRow).where(EventRow.place_entity_id == oid).values(place_entity_id=kid))
    session.execute(update(EventReportRow).where(EventReportRow.place_entity_id == oid).values(place_entity_id=kid))
    session.execute(update(EntityRow).where(EntityRow.parent_id == oid, EntityRow.id != kid).values(parent_id=kid))
    if keep.parent_id == oid:
        keep.parent_id = None
    elif keep.parent_id is None and other.parent_id not in (None, kid):
        keep.parent_id = other.parent_id
    if keep.geonames_id is None and other.geonames_id is not None:
        keep.geonames_id, keep.lat, keep.lon = other.geonames_id, other.lat, other.lon
    keep.country = keep.country or other.country
    stages = session.scalars(select(TieStageRow).where(TieStageRow.tie_id.in_(
        select(TiePartyRow.tie_id).where(TiePartyRow.entity_id == oid)))).all()
    done.ties |= _retie(session, stages, oid, kid)
    session.delete(other)
    session.flush()
    _refresh(session, done)
    return done


def split(session: Session, entity: EntityRow, keys: set[str], *, into: EntityRow | None = None,
          articles: set[int] | None = None) -> tuple[EntityRow | None, Reshaped]:
    """Move the names with these keys (of these articles, default all) to `into`, a new entity if None.

    An article that named the entity only by names that move takes all its
    facts about it along; an article that also used a name that stays keeps
    its facts with the entity (it cannot tell which name each meant). The
    entity the names moved to, or None when none of its names had these keys.
    """
    rows = session.execute(select(EntityNameRow.article_id, EntityNameRow.key, EntityNameRow.name)
                           .where(EntityNameRow.entity_id == entity.id).order_by(EntityNameRow.id)).all()
    rows = [r for r in rows if articles is None or r.article_id in articles]
    moving = [r for r in rows if r.key in keys]
    if not moving:
        return None, Reshaped()
    if into is None:
        into = EntityRow(type=entity.type, name=moving[0].name, country=entity.country if entity.type != "place" else None)
        session.add(into)
        session.flush()
    by_article: dict[int, set[str]] = {}
    for r in rows:
        by_article.setdefault(r.article_id, set()).add(r.key)
    whole = {a for a, named in by_article.items() if named <= keys}
    _move_names(session, entity.id, into.id, keys, articles)
    done = Reshaped(entities={entity.id, into.id})
    if whole:
        eid, nid = entity.id, into.id
        session.execute(update(MentionRow).where(MentionRow.entity_id == eid, MentionRow.article_id.in_(whole))
                        .values(entity_id=nid))
        session.execute(update(RoleRow).where(RoleRow.person_id == eid, RoleRow.article_id.in_(whole)).values(person_id=nid))
        session.execute(update(RoleRow).where(RoleRow.of_entity_id == eid, RoleRow.article_id.in_(whole))
                        .values(of_entity_id=nid))
        done.events |= _move_participation(session, eid, nid, whole)
        placed = EventReportRow.place_entity_id == eid, EventReportRow.article_id.in_(whole)
        done.events |= set(session.scalars(select(EventReportRow.event_id).where(*placed)))
        session.execute(update(EventReportRow).where(*placed).values(place_entity_id=nid))
        stages = session.scalars(select(TieStageRow).where(TieStageRow.article_id.in_(whole), TieStageRow.tie_id.in_(
            select(TiePartyRow.tie_id).where(TiePartyRow.entity_id == eid)))).all()
        done.ties |= _retie(session, stages, eid, nid)
    session.flush()
    _rename(session, entity)
    _rename(session, into)
    if session.scalar(select(MentionRow.id).where(MentionRow.entity_id == entity.id).limit(1)) is None:
        session.delete(entity)  # every article that spoke of it went along
        session.flush()
    _refresh(session, done)
    return into, done


def _move_names(session: Session, source: int, target: int, keys: set[str] | None,
                articles: set[int] | None = None) -> None:
    """Give the names `source` has (those with `keys`, of `articles`) to `target`, once per name and article."""
    have: set[tuple[str, int]] = set(session.execute(select(EntityNameRow.key, EntityNameRow.article_id)
                               .where(EntityNameRow.entity_id == target)).all())
    for row in session.scalars(select(EntityNameRow).where(EntityNameRow.entity_id == source)).all():
        if (keys is not None and row.key not in keys) or (articles is not None and row.article_id not in articles):
            continue
        if (row.key, row.article_id) in have:
            session.delete(row)
        else:
            row.entity_id = target
            have.add((row.key, row.article_id))
    session.flush()


def _move_participation(session: Session, source: int, target: int, articles: set[int] | None) -> set[int]:
    """Make `target` the participant of the reports (of `articles`) `source` took part in; the events touched."""
    reports = select(EventReportRow.id).join(EventParticipantRow, EventParticipantRow.report_id == EventReportRow.id) \
        .where(EventParticipantRow.entity_id == source)
    if articles is not None:
        reports = reports.where(EventReportRow.article_id.in_(articles))
    report_ids = set(session.scalars(reports))
    if not report_ids:
        return set()
    touched = set(session.scalars(select(EventReportRow.event_id).where(EventReportRow.id.in_(report_ids))))
    already = set(session.scalars(select(EventParticipantRow.report_id).where(
        EventParticipantRow.entity_id == target, EventParticipantRow.report_id.in_(report_ids))))
    session.execute(delete(EventParticipantRow).where(EventParticipantRow.entity_id == source,
                                                      EventParticipantRow.report_id.in_(already)))
    session.execute(update(EventParticipantRow).where(EventParticipantRow.entity_id == source,
                                                      EventParticipantRow.report_id.in_(report_ids - already))
                    .values(entity_id=target))
    return touched


def _retie(session: Session, stages: Iterable[TieStageRow], source: int, target: int) -> set[int]:
    """Move each stage to the tie of its parties with `target` instead of `source`; the ties touched."""
    touched: set[int] = set()
    for stage in list(stages):
        tie = session.get(TieRow, stage.tie_id)
        assert tie is not None
        parties = set(session.scalars(select(TiePartyRow.entity_id).where(TiePartyRow.tie_id == tie.id)))
        touched.add(tie.id)
        parties = (parties - {source}) | {target}
        if len(parties) < 2:  # a tie of a thing with itself: not a tie
            session.delete(stage)
            continue
        target_tie = tie_rules.tie_for(session, tie.kind, parties, stage.status, stage.date)
        if target_tie.curation is None and tie.curation is not None:  # the analyst's decision goes along
            for column in ("curation", "curated_by", "curated_at", "curated_status", "curated_date"):
                setattr(target_tie, column, getattr(tie, column))
        stage.tie_id = target_tie.id
        touched.add(stage.tie_id)
    session.flush()
    return touched


def _rename(session: Session, entity: EntityRow) -> None:
    """An entity that no longer has its display name takes the first name it still has."""
    given = session.execute(select(EntityNameRow.name, EntityNameRow.key).where(EntityNameRow.entity_id == entity.id)
                            .order_by(EntityNameRow.id)).all()
    if given and all(key != name_key(entity.name) for _, key in given):
        entity.name = given[0].name


def _refresh(session: Session, done: Reshaped) -> None:
    for event_id in sorted(done.events):
        event_rules.refresh(session, event_id)
    session.flush()
    for tie_id in sorted(done.ties):
        tie_rules.refresh(session, tie_id)
    session.flush()
    done.ties = set(session.scalars(select(TieRow.id).where(TieRow.id.in_(done.ties))))
    done.events = set(session.scalars(select(EventRow.id).where(EventRow.id.in_(done.events))))
