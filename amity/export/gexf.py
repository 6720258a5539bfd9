"""`amity export --format gexf`: the tie network in Gephi's own format.

The same graph as the GraphML export (`amity.export.graph`); a node's
`label` is its name, and an edge's "t<tie id>" key is kept in its
`networkx_key` attribute (GEXF numbers edges itself). `networkx.read_gexf`
reads it back with typed attributes and those keys.
"""
from __future__ import annotations

from typing import TextIO

import networkx as nx
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity.export.graph import XML_DECLARATION, registry_graph
from amity.registry.tie_query import EVERY_TIE, TieQuery


def export_gexf(db: Engine | Session, out: TextIO, where: TieQuery = EVERY_TIE) -> None:
    """Write the registry graph to `out` as GEXF 1.2."""
    out.write(XML_DECLARATION)
    lines = nx.generate_gexf(registry_graph(db, where), encoding="utf-8", prettyprint=True)
    out.writelines(line + "\n" for line in lines)
