"""Places and countries: the index of places by country, and one country's partnerships, partners and years."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from amity.registry import dates
from amity.registry.countries import country_label
from amity.registry.curated import visible
from amity.registry.tie_query import TieQuery
from amity.store.schema import ArticleRow, EntityRow, EventRow, TiePartyRow, TieRow, TieStageRow
from amity.web.reads.events import EventQuery, chosen_events
from amity.web.reads.ties import chosen, tie_list


def place_index(session: Session) -> list[dict[str, Any]]:
    """Every place by country (countries by name, places by name), each with how many visible ties it (or a body
    of it) is a party of: [{"code", "label", "ties", "places": [{"id", "name", "ties"}]}]; places of no known
    country last, under code None."""
    body = aliased(EntityRow)
    counted = dict(session.execute(
        select(func.coalesce(body.parent_id, body.id), func.count(func.distinct(TiePartyRow.tie_id)))
        .join(body, body.id == TiePartyRow.entity_id).join(TieRow, TieRow.id == TiePartyRow.tie_id)
        .where(visible(TieRow)).group_by(func.coalesce(body.parent_id, body.id))).all())
    places = session.execute(select(EntityRow.id, EntityRow.name, EntityRow.country)
                             .where(EntityRow.type == "place")).all()
    by_country: dict[str | None, list[dict[str, Any]]] = {}
    for place_id, name, code in places:
        by_country.setdefault(code, []).append({"id": place_id, "name": name, "ties": counted.get(place_id, 0)})
    out = [{"code": code, "label": country_label(code) if code else "Country not known",
            "ties": sum(p["ties"] for p in found),
            "places": sorted(found, key=lambda p: (p["name"].casefold(), p["id"]))}
           for code, found in by_country.items()]
    return sorted(out, key=lambda c: (c["code"] is None, c["label"].casefold()))


def country_profile(session: Session, code: str) -> dict[str, Any]:
    """One country: its partnerships (of a party in it, or of a body of a town in it), its partner countries with how
    many ties each, and by year how many stages of those ties and events in it were reported."""
    where = TieQuery(country=code)
    ties = tie_list(session, where)
    partners: dict[str, int] = {}
    for tie in ties:
        for other in set(tie["countries"]) - {code}:
            partners[other] = partners.get(other, 0) + 1
    tie_ids = select(chosen(session, where).with_only_columns(TieRow.id).subquery().c.id)
    stage_days = session.execute(select(TieStageRow.date, ArticleRow.published)
                                 .join(ArticleRow, ArticleRow.id == TieStageRow.article_id)
                                 .where(TieStageRow.tie_id.in_(tie_ids), visible(TieStageRow))).all()
    event_days = session.scalars(chosen_events(EventQuery(country=code)).with_only_columns(EventRow.date_start)
                                 .where(EventRow.date_start.is_not(None))).all()
    years: dict[str, dict[str, int]] = {}
    for when, published in stage_days:
        day = when or published
        if day and dates.is_date(day):
            years.setdefault(dates.span(day)[0][:4], {"stages": 0, "events": 0})["stages"] += 1
    for start in event_days:
        years.setdefault((start or "")[:4], {"stages": 0, "events": 0})["events"] += 1
    places = session.scalar(select(func.count()).select_from(EntityRow).where(
        EntityRow.type == "place", EntityRow.country == code)) or 0
    return {"code": code, "label": country_label(code), "ties": ties, "places": places,
            "partners": sorted(({"code": c, "label": country_label(c), "ties": n} for c, n in partners.items()),
                               key=lambda p: (-p["ties"], p["label"])),
            "years": [{"year": y, **years[y]} for y in sorted(years)]}
