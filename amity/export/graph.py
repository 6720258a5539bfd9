"""The registry as a networkx graph, shared by the GraphML and GEXF exports.

Nodes are places and organisations (all of them, isolated ones too: the
registry's map), and persons only when they are a party to an exported tie;
node ids are "e<entity id>". Edges are ties: one per pair of parties (a tie
of three parties is a triangle), keyed "t<tie id>" ("t<id>-<n>" for the
further pairs of a tie of more than two), in a MultiGraph because two
places may share a sister-city tie and a cooperation tie.

Attribute values are what both formats can type: str, int, float, bool.
None is omitted and lists are joined with "; ", since neither format has
a null or a list.
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import Any

import networkx as nx
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity.export.records import EntityRecord, TieRecord, entity_records, tie_records
from amity.registry.tie_query import EVERY_TIE, TieQuery
from amity.store import session_of

LIST_SEPARATOR = "; "
#: networkx's line generators leave it out; its non-ASCII characters are escaped, so the text is ASCII.
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def registry_graph(db: Engine | Session, where: TieQuery = EVERY_TIE) -> nx.MultiGraph:
    """Entities as nodes, chosen ties as edges, with flat typed attributes."""
    graph = nx.MultiGraph(name="Amity registry")
    with session_of(db) as session:
        ties = list(tie_records(session, where))
        parties = {p.id for tie in ties for p in tie.parties}
        for entity in entity_records(session, types=("place", "organization")):
            graph.add_node(node_id(entity.ref.id), **_node_attributes(entity))
        for entity in entity_records(session, types=("person",), tie_parties=True):
            if entity.ref.id in parties:
                graph.add_node(node_id(entity.ref.id), **_node_attributes(entity))
    for tie in ties:
        attributes = _edge_attributes(tie)
        for n, (a, b) in enumerate(combinations(tie.parties, 2)):
            key = f"t{tie.id}" if n == 0 else f"t{tie.id}-{n}"
            graph.add_edge(node_id(a.id), node_id(b.id), key=key, **attributes)
    return graph


#: Characters XML 1.0 cannot hold at all (not even escaped): a name stored with one would make the file invalid.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def node_id(entity_id: int) -> str:
    return f"e{entity_id}"


def _node_attributes(entity: EntityRecord) -> dict[str, Any]:
    return _flat({
        "type": entity.ref.type,
        "name": entity.ref.name,
        "label": entity.ref.name,
        "aliases": entity.aliases,
        "country": entity.ref.country,
        "geonames_id": entity.geonames_id,
        "lat": entity.ref.lat,
        "lon": entity.ref.lon,
        "part_of": entity.part_of,
        "sources": entity.sources,
    })


def _edge_attributes(tie: TieRecord) -> dict[str, Any]:
    return _flat({
        "tie": tie.id,
        "kind": tie.kind,
        "status": tie.status,
        "date": tie.date,
        "last_activity": tie.last_activity,
        "dormant": tie.dormant,
        "sources": len(tie.docs),
        "first_source": tie.first_source,
        "parties": [p.name for p in tie.parties],
        "curation": (tie.curation or {}).get("state"),
        "curated_by": (tie.curation or {}).get("by"),
        "curated_at": (tie.curation or {}).get("at"),
    })


def _flat(values: dict[str, Any]) -> dict[str, str | int | float | bool]:
    """Without None and empty lists; lists joined; floats as floats (never an int for a coordinate)."""
    out: dict[str, str | int | float | bool] = {}
    for key, value in values.items():
        if value is None or value == []:
            continue
        if isinstance(value, list):
            value = LIST_SEPARATOR.join(str(v) for v in value)
        elif key in ("lat", "lon"):
            value = float(value)
        out[key] = _XML_UNSAFE.sub("", value) if isinstance(value, str) else value
    return out
