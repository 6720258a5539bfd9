"""`amity export --format json`: the whole registry as one JSON document.

{"amity": version, "entities": [...], "ties": [...], "events": [...]}, each
item as `amity.export.records` describes it, every stage and report with its
evidence {doc, sentence, start, end}. Entities come first so that a reader
can resolve the ids ties and events refer to. The document is written item
by item as the registry is read, so a large registry is never held whole.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity import __version__
from amity.export.records import entity_records, event_records, tie_records
from amity.registry.tie_query import EVERY_TIE, TieQuery
from amity.store import session_of


def export_json(db: Engine | Session, out: TextIO, where: TieQuery = EVERY_TIE) -> None:
    """Write the registry's entities, chosen ties and events to `out` as one indented JSON object."""
    with session_of(db) as session:
        out.write("{\n" + f'  "amity": {json.dumps(__version__)},\n')
        _write_list(out, "entities", (e.to_dict() for e in entity_records(session)))
        out.write(",\n")
        _write_list(out, "ties", (t.to_dict() for t in tie_records(session, where)))
        out.write(",\n")
        _write_list(out, "events", (e.to_dict() for e in event_records(session, include_rejected=where.include_rejected)))
        out.write("\n}\n")


def _write_list(out: TextIO, key: str, items: Iterable[dict[str, Any]]) -> None:
    """`"key": [...]` at the second level of indentation, one item at a time."""
    out.write(f"  {json.dumps(key)}: [")
    first = True
    for item in items:
        out.write("\n" if first else ",\n")
        first = False
        out.write(_indented(json.dumps(item, ensure_ascii=False, indent=2), "    "))
    out.write("]" if first else "\n  ]")


def _indented(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.splitlines())
