"""The ties as drawings: a network graph (parties as nodes, ties as edges) and a map (placed parties, ties as lines).

Both draw the same ties, those the registry page's country, kind and stage
filters choose (`TieQuery`), at most `limit` of them in id order, so that
a registry of 100,000 articles still gives a drawing a browser can hold;
`truncated` says when more would have matched. Whatever the limit, the
reads are a fixed handful of queries (the ties, dormant ones chosen in
SQL too, their summaries through `describe_ties`, their parties, those
parties and their towns), never one per tie or per node.

On the map a party is placed as `amity export --format geojson` places it:
at its own coordinates or, for a municipality, at its town's; a tie is a
line when it has two parties placed on two different points.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from amity.registry.listing import describe_ties
from amity.registry.lookup import group_pairs
from amity.registry.tie_query import TieQuery
from amity.store.schema import EntityRow, TiePartyRow
from amity.web.reads.ties import chosen

DEFAULT_LIMIT = 2000
MAX_LIMIT = 10_000


@dataclass(frozen=True)
class Drawn:
    """The chosen ties (id order, each with its party ids) and every entity they need, by id."""

    ties: list[dict[str, Any]]
    entities: dict[int, EntityRow]
    truncated: bool


def drawn(session: Session, where: TieQuery, limit: int = DEFAULT_LIMIT) -> Drawn:
    """At most `limit` chosen ties with their dormancy and parties, and the parties and their towns."""
    rows = session.scalars(chosen(session, where).limit(limit + 1)).all()
    picked = [{"id": row.id, "kind": row.kind, "status": row.status, "date": row.date, "dormant": summary["dormant"],
               "silent_since": summary["silent_since"]}
              for row, summary in zip(rows, describe_ties(session, rows), strict=True)]
    truncated = len(picked) > limit
    picked = picked[:limit]
    if not picked:
        return Drawn([], {}, truncated)
    tie_ids = [t["id"] for t in picked]
    parties = group_pairs(session.execute(select(TiePartyRow.tie_id, TiePartyRow.entity_id)
                                          .where(TiePartyRow.tie_id.in_(tie_ids))).all())
    entities = _entities(session, set().union(*parties.values()))
    for tie in picked:
        tie["parties"] = sorted(parties.get(tie["id"], ()), key=lambda i: (entities[i].name.casefold(), i))
    return Drawn(picked, entities, truncated)


def _entities(session: Session, ids: set[int]) -> dict[int, EntityRow]:
    """These entities and the towns of those that are municipalities, by id (two queries)."""
    found = {e.id: e for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(ids)))}
    towns = {e.parent_id for e in found.values() if e.parent_id and e.parent_id not in found}
    if towns:
        found.update({e.id: e for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(towns)))})
    return found


def country_of(entity: EntityRow, entities: dict[int, EntityRow]) -> str | None:
    """The entity's country, or its town's."""
    if entity.country:
        return entity.country
    town = entities.get(entity.parent_id) if entity.parent_id else None
    return town.country if town else None


def place_of(entity: EntityRow, entities: dict[int, EntityRow]) -> EntityRow | None:
    """The entity whose valid coordinates place this one on the map: itself, else its town; None when neither."""
    for candidate in (entity, entities.get(entity.parent_id) if entity.parent_id else None):
        if candidate is not None and _valid(candidate.lat, candidate.lon):
            return candidate
    return None


def _valid(lat: float | None, lon: float | None) -> bool:
    return (lat is not None and lon is not None and math.isfinite(lat) and math.isfinite(lon)
            and -90 <= lat <= 90 and -180 <= lon <= 180)


# --------------------------------------------------------------------------- the graph

def graph(found: Drawn) -> dict[str, Any]:
    """{"nodes": [...], "edges": [...], "truncated"}: one node per party, one edge per pair of a tie's parties.

    A node is {"id": "e<entity id>", "entity", "name", "type", "country", "url"}; an edge is
    {"id": "t<tie id>" ("t<id>-<n>" for a tie's further pairs), "tie", "source", "target", "kind", "status",
    "dormant", "silent_since", "date", "url"}. Ids are strings because a drawing library wants them unique across both lists.
    """
    nodes: dict[int, dict[str, Any]] = {}
    edges = []
    for tie in found.ties:
        for entity_id in tie["parties"]:
            if entity_id not in nodes:
                entity = found.entities[entity_id]
                nodes[entity_id] = {"id": f"e{entity_id}", "entity": entity_id, "name": entity.name,
                                    "type": entity.type, "country": country_of(entity, found.entities),
                                    "url": f"/entities/{entity_id}"}
        for n, (a, b) in enumerate(combinations(tie["parties"], 2)):
            edges.append({"id": f"t{tie['id']}" if n == 0 else f"t{tie['id']}-{n}", "tie": tie["id"],
                          "source": f"e{a}", "target": f"e{b}", "kind": tie["kind"], "status": tie["status"],
                          "dormant": tie["dormant"], "silent_since": tie["silent_since"], "date": tie["date"],
                          "url": f"/ties/{tie['id']}"})
    return {"nodes": list(nodes.values()), "edges": edges, "truncated": found.truncated}


# --------------------------------------------------------------------------- the map

def geojson(found: Drawn) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection: a LineString per placeable tie, then a Point per place a party stands on.

    Points: id "e<entity id>", properties entity, name, type, country, url, ties (how many drawn ties stand
    on it). Lines: id "t<tie id>", properties tie, kind, status, dormant, silent_since, date, url, parties [{id, name, url}].
    Foreign members: `truncated`, and `unplaced` (drawn ties that have no line, a party lacking coordinates).
    """
    lines = []
    points: dict[int, dict[str, Any]] = {}
    unplaced = 0
    for tie in found.ties:
        places = [place_of(found.entities[p], found.entities) for p in tie["parties"]]
        for place in {p.id: p for p in places if p is not None}.values():
            points.setdefault(place.id, _point(place, found.entities))["properties"]["ties"] += 1
        if len(places) != 2 or None in places or places[0].id == places[1].id:  # type: ignore[union-attr]
            unplaced += 1
            continue
        lines.append({
            "type": "Feature", "id": f"t{tie['id']}",
            "geometry": {"type": "LineString", "coordinates": [_position(p) for p in places]},  # type: ignore[arg-type]
            "properties": {"tie": tie["id"], "kind": tie["kind"], "status": tie["status"], "dormant": tie["dormant"],
                           "silent_since": tie["silent_since"], "date": tie["date"], "url": f"/ties/{tie['id']}",
                           "parties": [{"id": p, "name": found.entities[p].name, "url": f"/entities/{p}"}
                                       for p in tie["parties"]]},
        })
    return {"type": "FeatureCollection", "features": [*lines, *points.values()], "truncated": found.truncated,
            "unplaced": unplaced}


def _point(place: EntityRow, entities: dict[int, EntityRow]) -> dict[str, Any]:
    return {"type": "Feature", "id": f"e{place.id}",
            "geometry": {"type": "Point", "coordinates": _position(place)},
            "properties": {"entity": place.id, "name": place.name, "type": place.type,
                           "country": country_of(place, entities), "url": f"/entities/{place.id}", "ties": 0}}


def _position(place: EntityRow) -> list[float]:
    """[longitude, latitude], as GeoJSON orders them."""
    return [float(place.lon), float(place.lat)]  # type: ignore[arg-type]
