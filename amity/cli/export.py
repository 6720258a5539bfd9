"""`amity export`: the registry for other tools (JSON, JSON Lines, CSV, GraphML, GEXF, GeoJSON, PLOVER)."""
from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from typing import Annotated

import typer

from amity.cli.app import app, fail, open_registry
from amity.cli.options import DbOption, IncludeRejected, day
from amity.vocabulary import TieKind, TieStatusFilter


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    graphml = "graphml"
    gexf = "gexf"
    geojson = "geojson"
    plover = "plover"


@app.command("export")
def export_registry(
    format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", show_default=False,
        help="json or jsonl (entities, ties, events with evidence), csv (ties), graphml or gexf (the tie network), "
             "geojson (places and ties on a map), plover (events as PLOVER/CAMEO records).")],
    out: Annotated[str, typer.Option("--out", "-o", help="File to write, or - for stdout.")] = "-",
    kind: Annotated[TieKind | None, typer.Option("--kind", help="Only ties of this kind.")] = None,
    status: Annotated[TieStatusFilter | None, typer.Option("--status", help="Only ties at this stage, or dormant.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", callback=day,
                                              help="Judge dormancy on this day instead of today.")] = None,
    include_rejected: IncludeRejected = False,
    db: DbOption = None,
) -> None:
    """Export the registry for other tools; --kind and --status choose the ties (entities and events go whole).

    A file appears only once the whole export is written.

    Examples:

      amity export --format csv --out ties.csv --kind sister_city

      amity export --format graphml --out network.graphml

      amity export --format plover > events.jsonl
    """
    from amity.export import export
    from amity.export.output import open_output
    from amity.registry.tie_query import TieQuery

    where = TieQuery(kind=kind, stage=status,
                      as_of=date.fromisoformat(as_of) if as_of else None, include_rejected=include_rejected)
    try:
        with open_registry(db) as engine, open_output(out) as handle:
            export(engine, format.value, handle, where)
    except BrokenPipeError:  # `amity export ... | head`
        sys.stderr.close()
        raise typer.Exit(0) from None
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
