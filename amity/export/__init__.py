"""Exports of the registry for other tools: JSON, JSON Lines, CSV, GraphML, GEXF, GeoJSON and PLOVER.

Each format is a module with one `export_<format>(db, out, where)` function
that writes text to `out` as it reads the registry (`amity.export.records`);
`export(db, format, out, where)` picks the function by name, for the CLI.
Ties are chosen by `TieFilter` (kind, status, dormancy day); entities and
events are exported whole. The PLOVER export is of events only, so it takes no filter.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity.export.csv import export_csv
from amity.export.geojson import export_geojson
from amity.export.gexf import export_gexf
from amity.export.graphml import export_graphml
from amity.export.json import export_json
from amity.export.jsonl import export_jsonl
from amity.export.plover import export_plover
from amity.export.records import EVERY_TIE, TieFilter

Exporter = Callable[[Engine | Session, TextIO, TieFilter], None]


def _plover(db: Engine | Session, out: TextIO, where: TieFilter) -> None:
    export_plover(db, out)


FORMATS: dict[str, Exporter] = {
    "json": export_json,
    "jsonl": export_jsonl,
    "csv": export_csv,
    "graphml": export_graphml,
    "gexf": export_gexf,
    "geojson": export_geojson,
    "plover": _plover,
}


def export(db: Engine | Session, format: str, out: TextIO, where: TieFilter = EVERY_TIE) -> None:
    """Write the registry to `out` in `format` (a key of FORMATS)."""
    FORMATS[format](db, out, where)


__all__ = ["FORMATS", "TieFilter", "export", "export_csv", "export_geojson", "export_gexf", "export_graphml",
           "export_json", "export_jsonl", "export_plover"]
