"""Everything the registry knows of one entity, and why: the view behind `amity entity NAME`."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from amity.registry.listing import date_order, describe_events, describe_ties, events, summary
from amity.registry.lookup import docs_of, entities_named, latest_events, names_of, with_relatives
from amity.store import session_of
from amity.store.schema import EntityNameRow, EntityRow, EventRow, MentionRow, RoleRow, TiePartyRow, TieRow

#: Events a profile lists: the latest ones (an entity in thousands of articles has thousands).
EVENTS_SHOWN = 50


def entity_profile(db: Engine | Session, name: str, *, events_limit: int | None = EVENTS_SHOWN) -> dict[str, Any] | None:
    """The best match for `name`: its names with the reason each belongs, place facts, offices, partners, events.

    None when no entity has the name; "also" lists other entities that share it.
    "events" are the latest `events_limit` (None: all), earliest first; "events_total" counts them all.
    """
    with session_of(db) as session:
        found = entities_named(session, name)
        if not found:
            return None
        entity = found[0]
        relatives = with_relatives(session, {entity.id})
        if events_limit is None:
            listed = events(session, entity_ids=relatives)
            total = len(listed)
        else:
            ids, total = latest_events(session, [relatives], events_limit, include_rejected=False)
            rows = session.execute(select(EventRow.id, EventRow.date).where(EventRow.id.in_(ids))).all()
            listed = [summary(e) for e in describe_events(session, [r.id for r in sorted(rows, key=date_order)])]
        return {
            "id": entity.id,
            "name": entity.name,
            "type": entity.type,
            "country": entity.country,
            "geonames_id": entity.geonames_id,
            "coordinates": [entity.lat, entity.lon] if entity.lat is not None and entity.lon is not None else None,
            "part_of": names_of(session, {entity.parent_id}).get(entity.parent_id) if entity.parent_id else None,
            "bodies": sorted(session.scalars(select(EntityRow.name).where(EntityRow.parent_id == entity.id))),
            "names": _names(session, entity.id),
            "offices": _offices(session, entity.id),
            "partners": _partners(session, entity),
            "events": listed,
            "events_total": total,
            "sources": session.scalar(select(func.count(func.distinct(MentionRow.article_id)))
                                      .where(MentionRow.entity_id == entity.id)),
            "also": [{"name": e.name, "type": e.type} for e in found[1:]],
        }


def _names(session: Session, entity_id: int) -> list[dict[str, str]]:
    """Each spelling once, with the first reason it was given."""
    firsts = select(func.min(EntityNameRow.id)).where(EntityNameRow.entity_id == entity_id).group_by(EntityNameRow.key)
    rows = session.execute(select(EntityNameRow.name, EntityNameRow.reason)
                           .where(EntityNameRow.id.in_(firsts)).order_by(EntityNameRow.id)).all()
    return [{"name": name, "reason": reason} for name, reason in rows]


def _offices(session: Session, person_id: int) -> list[dict[str, Any]]:
    """Offices held, each with the articles that say so."""
    rows = session.execute(select(RoleRow.title, RoleRow.of_name, RoleRow.of_entity_id, RoleRow.article_id)
                           .where(RoleRow.person_id == person_id).order_by(RoleRow.id)).all()
    names = names_of(session, {r[2] for r in rows if r[2]})
    docs = docs_of(session, {r[3] for r in rows})
    offices: dict[tuple[str, str | None], set[str]] = {}
    for title, of_name, of_id, article_id in rows:
        of = names.get(of_id, of_name) if of_id else of_name
        offices.setdefault((title, of), set()).add(docs[article_id])
    return [{"title": title, "of": of, "sources": sorted(found)} for (title, of), found in offices.items()]


def _partners(session: Session, entity: EntityRow) -> list[dict[str, Any]]:
    """Its ties (and its municipality's or town's), each named by the other parties."""
    mine = with_relatives(session, {entity.id})
    rows = session.scalars(select(TieRow).where(TieRow.id.in_(
        select(TiePartyRow.tie_id).where(TiePartyRow.entity_id.in_(mine)))).order_by(TieRow.id)).all()
    own_names = set(names_of(session, mine).values())
    return [{**tie, "partners": [p for p in tie["parties"] if p not in own_names]}
            for tie in describe_ties(session, rows)]
