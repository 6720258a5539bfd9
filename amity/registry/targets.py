"""Naming what an analyst decides about by what survives re-ingesting articles.

Row ids are not stable: replacing an article deletes the entities, events
and ties only it spoke of, and its corrected version creates them again
with new ids. A decision therefore names its target by a key made of what
the articles say, which the same facts produce again:

- an entity: its type and GeoNames id ("place:geo:1517945"), else its type
  and the key of its name ("organization:tdbb"); a *fingerprint* (type,
  GeoNames id, every name key) finds it again whichever of its names a
  later article uses;
- a tie: its kind and its parties' keys, sorted — JSON `["sister_city", [...]]`;
- a stage: its tie's key and the stage — `["sister_city", [...], "ratified"]`;
- an event: its type, its reported date and its participants' keys —
  `["visit", "2021-11-12", [...]]`; it is found again by type, a compatible
  date and shared participants (`event_matches`), since a later report may
  add a participant or a more precise date.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from amity.registry import dates
from amity.store.schema import EntityNameRow, EntityRow, EventParticipantRow, EventReportRow, EventRow, TiePartyRow, TieRow
from amity.vocabulary.names import name_key

Fingerprint = dict[str, Any]  # {"type": str, "geonames_id": int | None, "names": [name keys]}


def entity_key(entity: EntityRow) -> str:
    """'place:geo:1517945', or 'organization:tdbb' for an entity without a GeoNames id."""
    if entity.geonames_id is not None:
        return f"{entity.type}:geo:{entity.geonames_id}"
    return f"{entity.type}:{name_key(entity.name)}"


def entity_keys(session: Session, entity_ids: Iterable[int]) -> dict[int, str]:
    """`entity_key` of each of these entities."""
    ids = set(entity_ids)
    if not ids:
        return {}
    return {e.id: entity_key(e) for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(ids)))}


def name_keys(session: Session, entity_ids: Iterable[int]) -> dict[int, set[str]]:
    """Every name key each entity has."""
    ids = set(entity_ids)
    out: dict[int, set[str]] = {}
    if ids:
        for entity_id, key in session.execute(select(EntityNameRow.entity_id, EntityNameRow.key)
                                              .where(EntityNameRow.entity_id.in_(ids))):
            out.setdefault(entity_id, set()).add(key)
    return out


def fingerprint(session: Session, entity: EntityRow, *, names: Iterable[str] | None = None) -> Fingerprint:
    """What finds the entity again: its type, GeoNames id and name keys (those given, else all it has)."""
    keys = set(names) if names is not None else name_keys(session, [entity.id]).get(entity.id, set())
    keys.add(name_key(entity.name))
    return {"type": entity.type, "geonames_id": entity.geonames_id, "names": sorted(k for k in keys if k)}


def fits(entity: EntityRow, keys: set[str], fp: Fingerprint) -> bool:
    """Whether an entity (with these name keys) is the one a fingerprint describes.

    GeoNames ids decide when both have one, as entity resolution does; otherwise a shared name key.
    """
    if entity.type != fp["type"]:
        return False
    if entity.geonames_id is not None and fp.get("geonames_id") is not None:
        return bool(entity.geonames_id == fp["geonames_id"])
    return bool(keys & set(fp["names"]))


def found(session: Session, fp: Fingerprint) -> list[EntityRow]:
    """The registry's entities a fingerprint describes, oldest first."""
    named = EntityRow.id.in_(select(EntityNameRow.entity_id).where(EntityNameRow.key.in_(fp["names"])))
    query = select(EntityRow).where(EntityRow.type == fp["type"]).order_by(EntityRow.id)
    if fp.get("geonames_id") is not None:
        query = query.where(or_(EntityRow.geonames_id == fp["geonames_id"], and_(EntityRow.geonames_id.is_(None), named)))
    else:
        query = query.where(named)
    return list(session.scalars(query))


def tie_key(session: Session, tie: TieRow) -> str:
    """`["kind", [party keys, sorted]]` as JSON."""
    return tie_key_of(tie.kind, party_keys(session, tie).values())


def tie_key_of(kind: str, keys: Iterable[str]) -> str:
    """The key of a tie of this kind between parties with these keys."""
    return _dumps([kind, sorted(keys)])


def party_keys(session: Session, tie: TieRow) -> dict[int, str]:
    """`entity_key` of each party of the tie, by entity id."""
    return entity_keys(session, session.scalars(select(TiePartyRow.entity_id).where(TiePartyRow.tie_id == tie.id)))


def stage_key(key_of_tie: str, status: str) -> str:
    """A stage of a tie: the tie's key with the stage added."""
    return _dumps([*json.loads(key_of_tie), status])


def stage_of(key: str) -> str:
    """The stage a stage key names."""
    return str(json.loads(key)[2])


def event_key(session: Session, event: EventRow, reported_date: str | None) -> str:
    """`["type", "date", [participant keys, sorted]]` as JSON; the date is the reports' (not one set by hand)."""
    participants = session.scalars(
        select(EventParticipantRow.entity_id).join(EventReportRow, EventReportRow.id == EventParticipantRow.report_id)
        .where(EventReportRow.event_id == event.id)).all()
    return _dumps([event.type, reported_date, sorted(set(entity_keys(session, participants).values()))])


def event_matches(decided: str, current: str) -> bool:
    """Whether an event decided about (its key then) is this event (its key now).

    Same type, compatible dates, and shared participants: two, or one when either names only one.
    """
    type_a, date_a, parts_a = json.loads(decided)
    type_b, date_b, parts_b = json.loads(current)
    if type_a != type_b or not dates.compatible(date_a, date_b):
        return False
    if not parts_a or not parts_b:
        return bool(not parts_a and not parts_b and date_a == date_b)
    return len(set(parts_a) & set(parts_b)) >= min(2, len(parts_a), len(parts_b))


def event_type_prefix(event_type: str) -> str:
    """The beginning every key of an event of this type shares (to narrow a query)."""
    return _dumps([event_type])[:-1] + ","


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
