"""`amity export --format jsonl`: the registry as JSON Lines, one entity, tie or event per line.

Each line is the object `--format json` lists, plus "record_type"
("entity", "tie" or "event"), so that a consumer can stream the file and
dispatch on one field. Entities come first, then ties, then events.
"""
from __future__ import annotations

import json
from typing import Any, TextIO

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity.export.records import entity_records, event_records, tie_records
from amity.registry.tie_query import EVERY_TIE, TieQuery
from amity.store import session_of


def export_jsonl(db: Engine | Session, out: TextIO, where: TieQuery = EVERY_TIE) -> None:
    """Write every entity, chosen tie and event to `out`, one JSON object per line."""
    with session_of(db) as session:
        for entity in entity_records(session):
            _line(out, "entity", entity.to_dict())
        for tie in tie_records(session, where):
            _line(out, "tie", tie.to_dict())
        for event in event_records(session, include_rejected=where.include_rejected):
            _line(out, "event", event.to_dict())


def _line(out: TextIO, record_type: str, item: dict[str, Any]) -> None:
    out.write(json.dumps({"record_type": record_type, **item}, ensure_ascii=False) + "\n")
