"""`amity export --format geojson`: the registry on a map, as an RFC 7946 FeatureCollection.

- a LineString per tie of two parties that can both be placed, with
  properties kind, status, date, parties, dormant and sources; a party is
  placed at its own coordinates or, for a municipality, at its town's.
  Ties of more parties, or whose two parties fall on one point, have no line;
- a Point per entity with coordinates (places), with properties name,
  type, country, geonames_id and ties (how many exported ties it, or the
  municipality governing it, is a party to).

Positions are [longitude, latitude], as GeoJSON requires; coordinates out
of range are left out rather than written. Lines come first so that map
tools draw the points on top. Features are written as they are read.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any, TextIO

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity.export.records import Ref, coordinates_by_id, entity_records, tie_records
from amity.registry.tie_query import EVERY_TIE, TieQuery
from amity.store import session_of


def export_geojson(db: Engine | Session, out: TextIO, where: TieQuery = EVERY_TIE) -> None:
    """Write ties as lines and places as points to `out`, one feature per line."""
    with session_of(db) as session:
        located = {i: c for i, c in coordinates_by_id(session).items() if _valid(*c)}
        ties_at: Counter[int] = Counter()
        out.write('{"type": "FeatureCollection", "features": [')
        first = True

        def feature(item: dict[str, Any]) -> None:
            nonlocal first
            out.write("\n" if first else ",\n")
            first = False
            out.write(json.dumps(item, ensure_ascii=False))

        for tie in tie_records(session, where):
            found = [_point_of(p, located) for p in tie.parties]
            points = [p for p in found if p is not None]
            ties_at.update(set(points))
            if len(found) == 2 and len(set(points)) == 2:
                feature({
                    "type": "Feature",
                    "id": f"t{tie.id}",
                    "geometry": {"type": "LineString", "coordinates": [_position(located[p]) for p in points]},
                    "properties": {"kind": tie.kind, "status": tie.status, "date": tie.date,
                                   "parties": [p.name for p in tie.parties], "dormant": tie.dormant,
                                   "sources": len(tie.docs)},
                })
        for entity in entity_records(session, located=True):
            if entity.ref.id not in located:
                continue
            feature({
                "type": "Feature",
                "id": f"e{entity.ref.id}",
                "geometry": {"type": "Point", "coordinates": _position(located[entity.ref.id])},
                "properties": {"name": entity.ref.name, "type": entity.ref.type, "country": entity.ref.country,
                               "geonames_id": entity.geonames_id, "ties": ties_at[entity.ref.id]},
            })
        out.write("\n]}\n" if not first else "]}\n")


def _point_of(party: Ref, located: dict[int, tuple[float, float]]) -> int | None:
    """The entity whose coordinates place this party: itself, else the town it governs."""
    if party.id in located:
        return party.id
    if party.parent_id is not None and party.parent_id in located:
        return party.parent_id
    return None


def _position(lat_lon: tuple[float, float]) -> list[float]:
    lat, lon = lat_lon
    return [float(lon), float(lat)]


def _valid(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180
