"""`amity export --format graphml`: the tie network for Gephi, Cytoscape, yEd or networkx.

The graph is `amity.export.graph.registry_graph` (places and organisations
as nodes, ties as edges, flat typed attributes), written by networkx's
GraphML writer line by line (the graph itself is built in memory, as
networkx graphs are). `networkx.read_graphml` reads it back with
its attributes typed (dormant a bool, sources and geonames_id ints).
"""
from __future__ import annotations

from typing import TextIO

import networkx as nx
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity.export.graph import XML_DECLARATION, registry_graph
from amity.registry.tie_query import EVERY_TIE, TieQuery


def export_graphml(db: Engine | Session, out: TextIO, where: TieQuery = EVERY_TIE) -> None:
    """Write the registry graph to `out` as GraphML."""
    out.write(XML_DECLARATION)
    lines = nx.generate_graphml(registry_graph(db, where), encoding="utf-8", prettyprint=True)
    out.writelines(line + "\n" for line in lines)
