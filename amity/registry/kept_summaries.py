"""Summaries kept on a row: the reports a stored summary rests on, read back to fold more onto.

An event's row keeps the ids of the reports giving its date, place and
agreement (migration 0011), a tie's row those of the stages giving its
furthest stage and latest date (migration 0010). One more report is folded
onto those, not onto all of the row's reports read again; a kept id whose
report is gone, or belongs to another row now (an article corrected, an
entity merged), leaves that row with no kept summary, to be read in full.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from amity.store.membership import among


def rows_kept(session: Session, columns: Select[*tuple[Any, ...]], id_column: Any, owner: str,
              kept: Mapping[int, tuple[int | None, ...]], per_query: int,
              options: Mapping[str, Any] | None = None) -> dict[int, tuple[Any | None, ...]]:
    """For each row (event or tie id) of `kept`, the rows of `columns` its kept ids name (None for an id it
    keeps none of), read by `id_column` `per_query` ids at a time; none for a row one of whose kept ids is
    gone or is another row's now (its `owner` column, as `columns` names it, says whose), or not found
    (`options` may keep the rows a transaction keeps unwritten from being written for the read: such a row then
    has none, and is read in full)."""
    ids = sorted({i for row_ids in kept.values() for i in row_ids if i is not None})
    found: dict[int, Any] = {}
    for start in range(0, len(ids), per_query):
        found.update((row.id, row) for row in session.execute(
            columns.where(among(session, id_column, ids[start:start + per_query])), execution_options=options or {}))
    out: dict[int, tuple[Any | None, ...]] = {}
    for owner_id, row_ids in kept.items():
        rows = tuple(found.get(i) if i is not None else None for i in row_ids)
        if all(i is None or (row is not None and getattr(row, owner) == owner_id) for i, row in zip(row_ids, rows, strict=True)):
            out[owner_id] = rows
    return out
