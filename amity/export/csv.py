"""`amity export --format csv`: ties as rows, for spreadsheets and data frames.

One row per tie: kind, party_a, party_b (with more than two parties, the
others joined with " | "), status, date, last_activity, dormant
("true"/"false"), sources (articles reporting it) and first_source (the doc
of the earliest-published one, so every row leads back to its evidence),
then an analyst's decision: curation (confirmed, rejected, edited or
empty), curated_by and curated_at.

The rows stream: `csv_rows` is a generator over the registry read
`BATCH` ties at a time, and `export_csv` writes each row as it comes, so
exporting a registry of any size takes the memory of one batch.

`csv_lines`, `party_columns` and `curation_columns` are Amity's one way of
writing CSV: the web's download of a registry page uses them too.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity.export.records import TieRecord, tie_records
from amity.registry.tie_query import EVERY_TIE, TieQuery
from amity.store import session_of

COLUMNS = ("kind", "party_a", "party_b", "status", "date", "last_activity", "dormant", "sources", "first_source",
           "curation", "curated_by", "curated_at")
PARTY_SEPARATOR = " | "


def export_csv(db: Engine | Session, out: TextIO, where: TieQuery = EVERY_TIE) -> None:
    """Write a header and one row per chosen tie to `out`, row by row as the ties are read."""
    out.writelines(csv_lines(csv_rows(db, where)))


def csv_lines(rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """Each row as one CSV line (Python's default dialect: quoted when needed, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def party_columns(names: Sequence[str]) -> list[str]:
    """party_a, and party_b: the others joined with " | " (a tie of more than two parties)."""
    return [names[0] if names else "", PARTY_SEPARATOR.join(names[1:])]


def curation_columns(curation: dict[str, Any] | None) -> list[str]:
    """curation, curated_by, curated_at of an analyst's decision; empty when none was taken."""
    return [(curation or {}).get(k) or "" for k in ("state", "by", "at")]


def csv_rows(db: Engine | Session, where: TieQuery = EVERY_TIE) -> Iterator[list[str]]:
    """The header, then a row per tie, produced lazily."""
    yield list(COLUMNS)
    with session_of(db) as session:
        for tie in tie_records(session, where):
            yield _row(tie)


def _row(tie: TieRecord) -> list[str]:
    return [
        tie.kind,
        *party_columns([p.name for p in tie.parties]),
        tie.status,
        tie.date or "",
        tie.last_activity or "",
        "true" if tie.dormant else "false",
        str(len(tie.docs)),
        tie.first_source or "",
        *curation_columns(tie.curation),
    ]
