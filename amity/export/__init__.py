"""Exports of the registry for other tools: JSON, JSON Lines, CSV, GraphML, GEXF, GeoJSON and PLOVER.

Each format is a module with one `export_<format>(db, out, where)` function
that writes text to `out` as it reads the registry (`amity.export.records`);
`export(db, format, out, where)` picks the function by name, for the CLI.
Ties are chosen by the registry's `TieQuery` (kind, stage, dormancy day...); entities and
events are exported whole. The PLOVER export is of events only, so it takes no filter.

A format's module is imported when it is first used (the graph formats load
networkx, which `amity serve` has no need for until someone downloads one).
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity.registry.tie_query import EVERY_TIE, TieQuery

#: The name the exports' filter had; it is the registry's one tie query.
TieFilter = TieQuery

if TYPE_CHECKING:
    from amity.export.csv import export_csv
    from amity.export.geojson import export_geojson
    from amity.export.gexf import export_gexf
    from amity.export.graphml import export_graphml
    from amity.export.json import export_json
    from amity.export.jsonl import export_jsonl
    from amity.export.plover import export_plover

Exporter = Callable[[Engine | Session, TextIO, TieQuery], None]

#: The formats, in the order the CLI's help names them; each is the module `amity.export.<format>`.
FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "graphml", "gexf", "geojson", "plover")


def export(db: Engine | Session, format: str, out: TextIO, where: TieQuery = EVERY_TIE) -> None:
    """Write the registry to `out` in `format` (one of FORMATS)."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}")
    write = getattr(import_module(f"amity.export.{format}"), f"export_{format}")
    if format == "plover":  # events only: no tie filter
        write(db, out)
    else:
        write(db, out, where)


__all__ = ["FORMATS", "TieFilter", "TieQuery", "export", "export_csv", "export_geojson", "export_gexf", "export_graphml",
           "export_json", "export_jsonl", "export_plover"]


def __getattr__(name: str) -> Any:
    if name.startswith("export_") and name.removeprefix("export_") in FORMATS:
        return getattr(import_module(f"amity.export.{name.removeprefix('export_')}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
