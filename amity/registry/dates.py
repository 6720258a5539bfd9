"""Comparing the extractor's dates: "2021", "2021-12", "2021-12-21" and spans "start/end".

A date is read as the span of days it covers, so "2021-12" contains
"2021-12-21" and two reports of one occurrence at different precision agree.
ISO strings compare in calendar order, so no parsing is needed.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

#: Dates whose span and readability are kept once worked out: a merge asks about the same few thousand dates tens
#: of thousands of times (every candidate event's date, at every report).
_CACHED = 65_536


@lru_cache(maxsize=_CACHED)
def span(value: str) -> tuple[str, str]:
    """The first and last day a date covers, as ISO strings ("2021-12" → 2021-12-01, 2021-12-31)."""
    first, _, last = value.partition("/")
    return _day(first, low=True), _day(last or first, low=False)


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


@lru_cache(maxsize=_CACHED)
def is_date(value: str | None) -> bool:
    """Whether a value is an ISO date of any precision, or a span of two ("2021", "2021-12-21", "2021-01/2021-03").

    Publication dates are kept as given when they cannot be read ("March 2021"): those are not dates here.
    """
    return value is not None and _DATE.match(value.strip()) is not None


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two dates can name the same occurrence: one undated, or their spans overlap."""
    if not a or not b:
        return True
    a_lo, a_hi = span(a)
    b_lo, b_hi = span(b)
    return a_lo <= b_hi and b_lo <= a_hi


def precision(value: str | None) -> float:
    """How precise a date is: 3 for a day, 2 for a month, 1 for a year; a span ranks just below its parts."""
    if not value:
        return 0.0
    first, sep, _ = value.partition("/")
    return first.count("-") + 1 - (0.5 if sep else 0.0)


def latest(values: list[str | None]) -> str | None:
    """The date whose span ends last; None when none is a date."""
    dated = [v for v in values if v is not None and is_date(v)]
    return max(dated, key=lambda v: span(v)[1]) if dated else None


def years_before(day: date, years: int) -> str:
    """The ISO day `years` years before `day` (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year - years).isoformat()
    except ValueError:
        return day.replace(year=day.year - years, day=28).isoformat()


def _day(part: str, *, low: bool) -> str:
    pieces = part.strip().split("-")
    year = pieces[0]
    month = pieces[1] if len(pieces) > 1 else ("01" if low else "12")
    day = pieces[2] if len(pieces) > 2 else ("01" if low else "31")
    return f"{year}-{month}-{day}"
