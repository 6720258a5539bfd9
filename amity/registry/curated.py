"""How analysts' decisions show in reads: the badge of a row, and the filter that hides rejected ones.

Decisions are applied to the rows they are about when they are taken (and
again after each ingest), so a read needs no join: rejected ties and
events are left out by one condition on their own row.
"""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, or_

REJECTED = "rejected"


def visible(row_class: Any) -> ColumnElement[bool]:
    """The SQL condition that a tie, stage or event (of this mapped class) was not rejected."""
    return or_(row_class.curation.is_(None), row_class.curation != REJECTED)


def badge(row: Any) -> dict[str, Any] | None:
    """{"state", "by", "at"} (and "status"/"date" set by hand) of a curated row; None when no one decided about it."""
    if not getattr(row, "curation", None):
        return None
    out: dict[str, Any] = {"state": row.curation, "by": row.curated_by, "at": when(row.curated_at)}
    for field in ("status", "date"):
        value = getattr(row, f"curated_{field}", None)
        if value:
            out[field] = value
    return out


def when(at: datetime | None) -> str | None:
    """A decision's time as ISO 8601 in UTC (SQLite gives it back without its zone)."""
    if at is None:
        return None
    return (at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)).isoformat(timespec="seconds")
