"""A tie's state in words, the one vocabulary of pages, tables and exports.

A tie has a stage (`amity.model.TIE_STAGES`); when nothing of it has been
reported for the dormancy threshold it is also *silent since* its last sign
of life. "dormant" is the name of that filter, never a stage beside
another ("active (dormant)" said two contradictory things). An ended tie
(suspended, frozen, terminated) is ended, never silent.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from amity.registry import dates


def state(tie: dict[str, Any]) -> str:
    """'signed', or 'signed · silent since 2022-03-10' for a tie nothing has been reported of for years."""
    if tie.get("silent_since"):
        return f"{tie['status']} · silent since {tie['silent_since']}"
    return str(tie["status"])


def why_silent(tie: dict[str, Any], as_of: date | None = None) -> str:
    """Why a tie remains on paper, in words: 'signed 2021-12-20 · no reported activity for 4 years'."""
    said = " ".join(p for p in (tie["status"], tie.get("date")) if p)
    quiet = silent_years(tie, as_of)
    span = f"{quiet} year{'s' if quiet != 1 else ''}" if quiet is not None else "years"
    if tie.get("last_activity"):
        return f"{said} · last activity {tie['last_activity']} · nothing reported for {span}"
    return f"{said} · no reported activity for {span}"


def silent_years(tie: dict[str, Any], as_of: date | None = None) -> int | None:
    """Whole years from a tie's last sign of life to `as_of` (default today); None when it has none."""
    last = tie.get("last_seen")
    if not last or not dates.is_date(last):
        return None
    year, month, day_of_month = (int(p) for p in dates.span(last)[1].split("-"))  # "2021-02-31" is fine here
    day = as_of or date.today()
    return max(0, day.year - year - ((day.month, day.day) < (month, day_of_month)))
