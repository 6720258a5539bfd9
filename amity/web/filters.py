"""Filters typed into a form or a URL, checked before they reach a query: empty is none, anything else must fit.

Pages and the drawings' JSON share these so that a view's URL means the
same on both sides (the graph and map pages hand their own query string to
/api/graph and /api/map): an empty field (`?stage=`) is no filter, a value
not offered is a 400 naming what would do. Values only ever reach SQL as
bound parameters.
"""
from __future__ import annotations

import re

from fastapi import HTTPException

from amity.vocabulary import ISO_DATE_PATTERN, TIE_KINDS, TIE_STATUS_FILTERS
from amity.web.reads.ties import TieQuery

ISO_DATE = re.compile(ISO_DATE_PATTERN)
COUNTRY = re.compile(r"^[A-Za-z]{2,3}$")


def choice(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    """An optional filter from a form: empty is none; anything not offered is a 400."""
    if not value:
        return None
    if value not in allowed:
        raise HTTPException(400, f"{name} must be one of: {', '.join(allowed)}")
    return value


def matching(name: str, value: str | None, pattern: re.Pattern[str], expected: str) -> str | None:
    """An optional filter that must match `pattern` (after trimming); empty is none, a mismatch a 400."""
    if not value or not value.strip():
        return None
    if not pattern.match(value.strip()):
        raise HTTPException(400, f"{name} must be {expected}")
    return value.strip()


def country(value: str | None) -> str | None:
    """An ISO country code (upper-cased), or None."""
    found = matching("country", value, COUNTRY, "a country code such as KZ")
    return found.upper() if found else None


def drawn_ties(country_code: str | None, kind: str | None, stage: str | None) -> TieQuery:
    """The ties the graph and the map draw: of a country, a kind, at a stage ('dormant' too)."""
    return TieQuery(country=country(country_code), kind=choice("kind", kind, TIE_KINDS),
                    stage=choice("stage", stage, TIE_STATUS_FILTERS))
