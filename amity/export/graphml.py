"""`amity export --format graphml`: the tie network for Gephi, Cytoscape, yEd or networkx.

The graph is `amity.export.graph.registry_graph` (places and organisations
as nodes, ties as edges, flat typed attributes), written by networkx's
GraphML writer line by line. `networkx.read_graphml` reads it back with
its attributes typed (dormant a bool, sources and geonames_id ints).
"""
from __future__ import annotations

from typing import TextIO

import networkx as nx
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity.export.graph import registry_graph
from amity.export.records import TieFilter


def export_graphml(db: Engine | Session, out: TextIO, where: TieFilter = TieFilter()) -> None:
    """Write the registry graph to `out` as GraphML."""
    for line in nx.generate_graphml(registry_graph(db, where), encoding="utf-8", prettyprint=True):
        out.write(line + "\n")
