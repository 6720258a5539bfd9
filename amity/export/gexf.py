"""`amity export --format gexf`: the tie network in Gephi's own format.

The same graph as the GraphML export (`amity.export.graph`); a node's
`label` is its name, and edge ids are "t<tie id>". `networkx.read_gexf`
reads it back with typed attributes.
"""
from __future__ import annotations

from typing import TextIO

import networkx as nx
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity.export.graph import registry_graph
from amity.export.records import TieFilter


def export_gexf(db: Engine | Session, out: TextIO, where: TieFilter = TieFilter()) -> None:
    """Write the registry graph to `out` as GEXF 1.2."""
    for line in nx.generate_gexf(registry_graph(db, where), encoding="utf-8", prettyprint=True):
        out.write(line + "\n")
