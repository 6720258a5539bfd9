"""Amity's shared vocabulary: the words every stage, the CLI, the web and the exports agree on.

The contract's closed sets (entity types, event types and statuses, tie kinds
and stages) are spelled here once, as `Literal` types for the type checker
and tuples for code that lists or checks them, and so is the date format
(`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). Name folding (`amity.vocabulary.names`)
is the other half: when two spellings are one name.

Tie stages run `active` < `proposed` < `planned` < `signed` < `ratified` <
`ended`: a partnership's furthest stage is its status, and a bare mention
(`active`) loses to any reported stage. `dormant` is no stage: it is judged
(no stage or activity for some years) and a list can be filtered on it; a tie
that `ended` is over, never dormant.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Literal, get_args

EntityType = Literal["person", "organization", "place"]
EventType = Literal["visit", "meeting", "signing", "ratification", "attendance"]
EventStatus = Literal["occurred", "planned"]
TieKind = Literal["sister_city", "cooperation"]
#: Tie stages in rank order: the furthest one reported is the tie's status.
TieStatus = Literal["active", "proposed", "planned", "signed", "ratified", "ended"]
#: What a list of ties can be filtered on: a stage, or dormant.
TieStatusFilter = Literal[TieStatus, "dormant"]
DatePrecision = Literal["year", "month", "day"]

ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)
EVENT_STATUSES: tuple[EventStatus, ...] = get_args(EventStatus)
TIE_KINDS: tuple[TieKind, ...] = get_args(TieKind)
TIE_STAGES: tuple[TieStatus, ...] = get_args(TieStatus)
#: The stage after which a tie is over: it is never called dormant.
ENDED: TieStatus = "ended"
DORMANT = "dormant"
TIE_STATUS_FILTERS: tuple[str, ...] = (*TIE_STAGES, DORMANT)
#: Events that are a sign of life of a tie between their participants.
ACTIVITY_TYPES: tuple[EventType, ...] = ("visit", "meeting")
DATE_PRECISIONS: tuple[DatePrecision, ...] = get_args(DatePrecision)

#: A date as the contract writes it: a year, a month or a day (months 01-12, days 01-31, years from 1000: what the
#: OpenAPI description promises is what is accepted; `is_iso_date` also checks that the day exists).
ISO_DATE_PATTERN = r"^[1-9]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
#: One calendar day.
ISO_DAY_PATTERN = r"^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
_ISO_DATE = re.compile(ISO_DATE_PATTERN)


def is_iso_date(value: str) -> bool:
    """Whether `value` is written YYYY, YYYY-MM or YYYY-MM-DD and names a real month or day."""
    return date_precision(value) is not None


def date_precision(value: str) -> DatePrecision | None:
    """'year', 'month' or 'day' for a date in the contract's format that exists; None for anything else."""
    if not _ISO_DATE.match(value):
        return None
    year, *rest = (int(part) for part in value.split("-"))
    try:
        date(year, rest[0] if rest else 1, rest[1] if len(rest) > 1 else 1)
    except ValueError:
        return None
    return DATE_PRECISIONS[len(rest)]


__all__ = ["ACTIVITY_TYPES", "DATE_PRECISIONS", "DORMANT", "ENDED", "ENTITY_TYPES", "EVENT_STATUSES", "EVENT_TYPES",
           "ISO_DATE_PATTERN", "ISO_DAY_PATTERN", "TIE_KINDS", "TIE_STAGES", "TIE_STATUS_FILTERS",
           "DatePrecision", "EntityType", "EventStatus", "EventType", "TieKind", "TieStatus", "TieStatusFilter",
           "date_precision", "is_iso_date"]
