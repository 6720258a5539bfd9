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

from amity.registry.countries import country_code
from amity.registry.tie_query import TieQuery
from amity.vocabulary import ISO_DATE_PATTERN, ISO_DAY_PATTERN, TIE_KINDS, TIE_STATUS_FILTERS

ISO_DATE = re.compile(ISO_DATE_PATTERN)
ISO_DAY = re.compile(ISO_DAY_PATTERN)
YEAR = re.compile(r"^\d{4}$")
COUNTRY = re.compile(r"^[A-Za-z]{2,3}$")
#: The country of a filter that names none: no row has it, so the answer is empty (the API's choice; pages say why).
NO_COUNTRY = "-"


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


def country(value: str | None, *, unknown_is_empty: bool = False) -> str | None:
    """The ISO code of a country typed as a code or a name ("kz", "Turkey"), or None; a 400 when none is meant
    (or, `unknown_is_empty`, NO_COUNTRY: the API answers a well-formed filter that matches nothing with nothing)."""
    if not value or not value.strip():
        return None
    code = country_code(value) if len(value.strip()) <= 60 else None
    if code is None and unknown_is_empty:
        return NO_COUNTRY
    if code is None:
        raise HTTPException(400, "country must be a country's name or ISO code, such as Kazakhstan or KZ "
                                 f"(no country is called {value.strip()[:60]!r})")
    return code


def drawn_ties(country_code: str | None, kind: str | None, stage: str | None, *,
               unknown_country_is_empty: bool = False) -> TieQuery:
    """The ties the graph and the map draw: of a country, a kind, at a stage ('dormant' too)."""
    return TieQuery(country=country(country_code, unknown_is_empty=unknown_country_is_empty),
                    kind=choice("kind", kind, TIE_KINDS),
                    stage=choice("stage", stage, TIE_STATUS_FILTERS))
