"""Which ties: the one query the registry's lists, the web's reads and the exports choose ties with.

A `TieQuery` names its filters (party, country, kind, stage or 'dormant',
since, the day dormancy is judged on, the years that make a tie dormant,
whether rejected ties count) and `select(session)` turns them into one SQL
query, by id. `amity ties`, /api/ties, the /ties page, the graph, the map
and every export read through it, so they cannot disagree about a filter.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session

from amity.registry import dates
from amity.registry.curated import visible
from amity.registry.lookup import entities_named, with_relatives
from amity.store.schema import EntityRow, TiePartyRow, TieRow
from amity.vocabulary import DORMANT, ENDED

#: Years without a stage or activity that make a tie dormant, unless a query says otherwise.
DORMANT_YEARS = 3


def dormant(as_of: date | None = None, dormant_years: int = DORMANT_YEARS) -> ColumnElement[bool]:
    """The SQL condition of a dormant tie: its last sign of life ended before the cutoff (undated or ended: never
    dormant)."""
    return and_(TieRow.seen_until < dates.years_before(as_of or date.today(), dormant_years), TieRow.status != ENDED)


@dataclass(frozen=True)
class TieQuery:
    """Ties of a party (any of its names, its municipality's bodies too), of a country (ISO code of a party or
    of its town), of a kind, at a stage ('dormant' too: no sign of life for `dormant_years` before `as_of`,
    default today; an ended tie never is), with a stage or activity since a date, dated in a year; rejected ones
    too with `include_rejected`."""

    party: str | None = None
    country: str | None = None
    kind: str | None = None
    stage: str | None = None
    since: str | None = None
    as_of: date | None = None
    dormant_years: int = DORMANT_YEARS
    include_rejected: bool = False
    year: str | None = None  # of the tie's date (its furthest stage's)

    def select(self, session: Session) -> Select[Any]:
        """The chosen ties' rows, by id."""
        query = select(TieRow).order_by(TieRow.id)
        if not self.include_rejected:
            query = query.where(visible(TieRow))
        if self.kind:
            query = query.where(TieRow.kind == self.kind)
        if self.stage == DORMANT:
            query = query.where(dormant(self.as_of, self.dormant_years))
        elif self.stage:
            query = query.where(TieRow.status == self.stage)
        if self.since:
            query = query.where(TieRow.seen_until >= dates.span(self.since)[0])
        if self.year:
            query = query.where(TieRow.date.like(f"{self.year}%"))
        if self.party:
            ids = sorted(with_relatives(session, {e.id for e in entities_named(session, self.party)}))
            query = query.where(TieRow.id.in_(select(TiePartyRow.tie_id).where(TiePartyRow.entity_id.in_(ids))))
        if self.country:
            places = select(EntityRow.id).where(EntityRow.country == self.country.strip().upper())
            members = select(EntityRow.id).where(or_(EntityRow.id.in_(places), EntityRow.parent_id.in_(places)))
            query = query.where(TieRow.id.in_(select(TiePartyRow.tie_id).where(TiePartyRow.entity_id.in_(members))))
        return query


#: Every tie but rejected ones, dormancy judged today.
EVERY_TIE = TieQuery()
