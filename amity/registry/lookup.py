"""Finding registry entities by a name a user types, and the small facts every read view shows.

A name finds every entity that has it (in any spelling `name_key` folds
together): 'Turkistan' finds the town and, through the same key, its
municipality. The best match comes first: the exact spelling, then the
entity most articles speak of.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Row, Select, func, or_, select
from sqlalchemy.orm import Session

from amity.registry.curated import visible
from amity.store.membership import among
from amity.store.schema import (
    ArticleRow,
    EntityNameRow,
    EntityRow,
    EventParticipantRow,
    EventReportRow,
    EventRow,
    MentionRow,
    RoleRow,
)
from amity.vocabulary.names import fold, name_key


def entities_named(session: Session, name: str) -> list[EntityRow]:
    """Entities that have this name, best match first; [] when none does."""
    key = name_key(name)
    rows = session.execute(select(EntityNameRow.entity_id, EntityNameRow.name).distinct()
                           .where(EntityNameRow.key == key)).all()
    if not rows:
        return []
    exact = {entity_id for entity_id, given in rows if fold(given) == fold(name)}
    ids = {entity_id for entity_id, _ in rows}
    if len(ids) == 1:
        return [session.get_one(EntityRow, ids.pop())]
    spoken = dict(session.execute(select(MentionRow.entity_id, func.count(func.distinct(MentionRow.article_id)))
                                  .where(MentionRow.entity_id.in_(ids)).group_by(MentionRow.entity_id)).all())
    entities = session.scalars(select(EntityRow).where(EntityRow.id.in_(ids))).all()
    return sorted(entities, key=lambda e: (e.id not in exact, -spoken.get(e.id, 0), e.id))


def with_relatives(session: Session, entity_ids: set[int]) -> set[int]:
    """The entities with their towns (for municipalities) and municipalities (for towns)."""
    if not entity_ids:
        return set()
    rows = session.execute(select(EntityRow.id, EntityRow.parent_id).where(
        or_(among(session, EntityRow.id, entity_ids), among(session, EntityRow.parent_id, entity_ids)))).all()
    return set(entity_ids) | {i for i, _ in rows} | {p for i, p in rows if p is not None and i in entity_ids}


def relatives_each(session: Session, entity_ids: set[int]) -> dict[int, set[int]]:
    """`with_relatives` of each entity alone, in one query for all."""
    if not entity_ids:
        return {}
    rows = session.execute(select(EntityRow.id, EntityRow.parent_id).where(
        or_(among(session, EntityRow.id, entity_ids), among(session, EntityRow.parent_id, entity_ids)))).all()
    out = {entity_id: {entity_id} for entity_id in entity_ids}
    for entity_id, parent_id in rows:
        if parent_id in out:
            out[parent_id].add(entity_id)
        if entity_id in out and parent_id is not None:
            out[entity_id].add(parent_id)
    return out


def with_people(session: Session, entity_ids: set[int]) -> set[int]:
    """The entities and the people who hold an office of one of them (a mayor of the town, a minister of the
    ministry): who acts for a party when it takes part in an event."""
    if not entity_ids:
        return set()
    return set(entity_ids) | set(session.scalars(select(RoleRow.person_id).distinct()
                                                 .where(RoleRow.of_entity_id.in_(sorted(entity_ids)))))


def names_of(session: Session, entity_ids: set[int]) -> dict[int, str]:
    """Display names by entity id."""
    if not entity_ids:
        return {}
    return dict(session.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(entity_ids))).all())


def docs_of(session: Session, article_ids: set[int]) -> dict[int, str]:
    """Article docs by article id."""
    if not article_ids:
        return {}
    return dict(session.execute(select(ArticleRow.id, ArticleRow.doc).where(ArticleRow.id.in_(article_ids))).all())


def group_pairs(pairs: Iterable[tuple[int, int]] | Sequence[Row[int, int]]) -> dict[int, set[int]]:
    """(a, b) rows as {a: {b, ...}}."""
    out: dict[int, set[int]] = defaultdict(set)
    for a, b in pairs:
        out[a].add(b)
    return out


def events_among(groups: list[set[int]]) -> Select[int]:
    """The ids of the events with a participant from every group, as a query (for SQL to count, sort and limit)."""
    query = select(EventRow.id)
    for group in groups:
        query = query.where(EventRow.id.in_(
            select(EventReportRow.event_id).join(EventParticipantRow, EventParticipantRow.report_id == EventReportRow.id)
            .where(EventParticipantRow.entity_id.in_(sorted(group)))))
    return query


def latest_events(session: Session, groups: list[set[int]], limit: int, *,
                  include_rejected: bool = True) -> tuple[list[int], int]:
    """The ids of the `limit` latest of `events_among(groups)` (undated last), and how many there are in all."""
    among = events_among(groups)
    if not include_rejected:
        among = among.where(visible(EventRow))
    if len(groups) == 1 and include_rejected:  # from the participants' index and the reports alone
        total = session.scalar(
            select(func.count(func.distinct(EventReportRow.event_id)))
            .join(EventParticipantRow, EventParticipantRow.report_id == EventReportRow.id)
            .where(EventParticipantRow.entity_id.in_(sorted(groups[0])))) or 0
    else:
        total = session.scalar(select(func.count()).select_from(among.subquery())) or 0
    ids = session.scalars(among.order_by(EventRow.date_start.desc().nulls_last(), EventRow.id.desc()).limit(limit))
    return list(ids), total
