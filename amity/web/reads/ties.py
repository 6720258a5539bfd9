"""Ties by id: the filtered, sortable registry list, and one tie with its stage history and activity."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any, Literal, get_args

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from amity.registry import dates
from amity.registry.agreements import described, what_was_signed
from amity.registry.curated import badge, visible
from amity.registry.curation import decisions_about
from amity.registry.headlines import headline, opening
from amity.registry.listing import describe_ties
from amity.registry.lookup import group_pairs, with_people, with_relatives
from amity.registry.tie_query import DORMANT_YEARS, TieQuery
from amity.store.schema import ArticleRow, EntityRow, TiePartyRow, TieRow, TieStageRow
from amity.vocabulary import TIE_STATUS_FILTERS
from amity.web import paging
from amity.web.reads.events import latest_of

#: Columns the registry can be sorted by (the `sort` query parameter).
TieSort = Literal["party", "country", "kind", "stage", "date", "last_activity", "dormant", "silence", "sources", "id"]
SORTS: tuple[TieSort, ...] = get_args(TieSort)
EVENTS_LISTED = 50  # a tie page lists its parties' latest so many events


def tie_list(session: Session, where: TieQuery, *, as_of: date | None = None) -> list[dict[str, Any]]:
    """Every chosen tie as `describe_ties` sees it, plus its id, parties with ids, and countries."""
    return describe(session, session.scalars(chosen(session, where, as_of=as_of)).all(), as_of=as_of,
                    dormant_years=where.dormant_years)


def tie_count(session: Session, where: TieQuery, *, as_of: date | None = None) -> int:
    """How many ties are chosen."""
    return session.scalar(select(func.count()).select_from(chosen(session, where, as_of=as_of).subquery())) or 0


def tie_page(session: Session, where: TieQuery, *, sort: str = "id", descending: bool = False, cursor: str | None,
             limit: int, as_of: date | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of the chosen ties in the asked order, and the next page's cursor.

    In id order only the page is read and described; any other order needs
    every chosen tie described first.
    """
    name = f"ties:{sort}:{'desc' if descending else 'asc'}"
    if sort == "id":
        query = chosen(session, where, as_of=as_of)
        if cursor is not None:
            last = paging.decode(cursor, name).get("k")
            if not (isinstance(last, list) and len(last) == 3 and isinstance(last[2], int)):
                raise paging.CursorError("invalid cursor")
            query = query.where(TieRow.id < last[2] if descending else TieRow.id > last[2])
        query = query.order_by(None).order_by(TieRow.id.desc() if descending else TieRow.id).limit(limit + 1)
        rows = session.scalars(query).all()
        items = describe(session, rows[:limit], as_of=as_of, dormant_years=where.dormant_years)
        more = len(rows) > limit and items
        return items, paging.encode({"s": name, "k": list(sort_key(items[-1], sort))}) if more else None
    return paging.page(tie_list(session, where, as_of=as_of), lambda t: sort_key(t, sort), descending=descending,
                       cursor=cursor, limit=limit, sort=name)


def chosen(session: Session, where: TieQuery, *, as_of: date | None = None) -> Select[Any]:
    """The chosen ties, by id (dormancy judged on `as_of` when given, else on the query's day, default today)."""
    return (replace(where, as_of=as_of) if as_of is not None else where).select(session)


def tie_facets(session: Session, where: TieQuery, *, as_of: date | None = None) -> dict[str, list[tuple[str, int]]]:
    """How many of the chosen ties have each kind, stage, country (of a party or of its town) and year (of their
    date): {"kind": [(value, count), ...], ...}, most first (years latest first)."""
    ids = chosen(session, where, as_of=as_of).with_only_columns(TieRow.id).subquery()
    of_chosen = TieRow.id.in_(select(ids.c.id))
    kinds = session.execute(select(TieRow.kind, func.count()).where(of_chosen).group_by(TieRow.kind)).all()
    stages = session.execute(select(TieRow.status, func.count()).where(of_chosen).group_by(TieRow.status)).all()
    year = func.substr(TieRow.date, 1, 4)
    years = session.execute(select(year, func.count()).where(of_chosen, TieRow.date.is_not(None))
                            .group_by(year)).all()
    town = aliased(EntityRow)
    pairs = session.execute(select(TiePartyRow.tie_id, func.coalesce(EntityRow.country, town.country))
                            .join(EntityRow, EntityRow.id == TiePartyRow.entity_id)
                            .outerjoin(town, town.id == EntityRow.parent_id)
                            .where(TiePartyRow.tie_id.in_(select(ids.c.id)))).all()
    countries: dict[str, set[int]] = {}
    for tie_id, code in pairs:
        if code:
            countries.setdefault(code, set()).add(tie_id)
    return {"kind": _most_first(kinds), "stage": _most_first(stages),
            "country": _most_first((code, len(found)) for code, found in countries.items()),
            "year": sorted(((str(v), int(n)) for v, n in years if v), reverse=True)}


def _most_first(rows: Iterable[Any]) -> list[tuple[str, int]]:
    return sorted(((str(value), int(n)) for value, n in rows if value), key=lambda pair: (-pair[1], pair[0]))


def sort_key(tie: dict[str, Any], sort: str) -> paging.SortKey:
    value: Any
    if sort == "party":
        value = tie["parties"][0]["name"].casefold() if tie["parties"] else None
    elif sort == "country":
        value = tie["countries"][0] if tie["countries"] else None
    elif sort == "stage":
        value = TIE_STATUS_FILTERS.index(tie["status"]) if tie["status"] in TIE_STATUS_FILTERS else None
    elif sort in ("date", "last_activity"):
        value = dates.span(tie[sort])[0] if tie[sort] else None
    elif sort == "silence":  # ascending: the longest silent first
        value = dates.span(tie["last_seen"])[1] if tie["last_seen"] else None
    elif sort == "id":
        value = tie["id"]
    else:
        value = tie[sort]
    return (value is None, value, tie["id"])


def describe(session: Session, rows: list[TieRow] | tuple[TieRow, ...] | Any, *,
             as_of: date | None = None, dormant_years: int = DORMANT_YEARS) -> list[dict[str, Any]]:
    """`describe_ties` of these ties, with ids: {"id", "kind", "parties": [{"id", "name"}], "countries", ...}."""
    rows = list(rows)
    if not rows:
        return []
    parties = group_pairs(session.execute(select(TiePartyRow.tie_id, TiePartyRow.entity_id)
                                          .where(TiePartyRow.tie_id.in_([t.id for t in rows]))).all())
    entities = {e.id: e for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(set().union(*parties.values()))))}
    towns = {e.id: e for e in session.scalars(select(EntityRow).where(
        EntityRow.id.in_({e.parent_id for e in entities.values() if e.parent_id})))}
    out = []
    for row, summary in zip(rows, describe_ties(session, rows, as_of=as_of, dormant_years=dormant_years),
                            strict=True):
        mine = sorted((entities[p] for p in parties.get(row.id, ())), key=lambda e: (e.name.casefold(), e.id))
        countries = {_country(e, towns) for e in mine} - {None}
        out.append({**summary, "id": row.id,
                    "parties": [{"id": e.id, "name": e.name, "type": e.type} for e in mine],
                    "countries": sorted(countries)})  # type: ignore[type-var]
    return out


def tie_detail(session: Session, tie_id: int, *, as_of: date | None = None) -> dict[str, Any] | None:
    """One tie: its summary, what was signed ("agreement": kind and fields of cooperation its sentences name), its
    stages (one per stage, earliest first, each with every report of it), the events
    every party took part in (itself, its town or municipality, or someone holding one of their offices), and the
    decisions analysts took about it (oldest first)."""
    row = session.get(TieRow, tie_id)
    if row is None:
        return None
    tie = describe(session, [row], as_of=as_of)[0]
    stages = _stages(session, tie_id)
    signed = [s["date"] or s["published"] for s in stages if s["status"] in ("signed", "ratified")]
    signed_on = min((d for d in signed if d), key=lambda d: dates.span(d)[0], default=None)
    groups = [with_people(session, with_relatives(session, {p["id"]})) for p in tie["parties"]]
    events, events_total = latest_of(session, groups, EVENTS_LISTED) if len(groups) > 1 else ([], 0)
    for event in events:
        event["since_signing"] = bool(signed_on and event["date"]  # after the signing day (or month), not on it
                                      and dates.span(event["date"])[0] > dates.span(signed_on)[1])
    agreement = what_was_signed(r["sentence"] for s in stages for r in s["sources"]
                                if not (r["curation"] and r["curation"]["state"] == "rejected"))
    return {**tie, "signed_on": signed_on, "agreement": {**agreement, "text": described(agreement)}, "stages": stages,
            "events": events, "events_total": events_total, "decisions": decisions_about(session, "tie", tie_id)}


def stage_trail(session: Session, tie_ids: list[int]) -> dict[int, list[str]]:
    """Each tie's stages as reported over time (an undated stage at its article's date), repeats folded."""
    rows = session.execute(select(TieStageRow.tie_id, TieStageRow.id, TieStageRow.status, TieStageRow.date,
                                  ArticleRow.published)
                           .join(ArticleRow, ArticleRow.id == TieStageRow.article_id)
                           .where(TieStageRow.tie_id.in_(tie_ids))).all()
    out: dict[int, list[str]] = {}
    for tie_id, _, status, *_ in sorted(rows, key=lambda r: (r[0], _day(r[3] or r[4]), r[1])):
        trail = out.setdefault(tie_id, [])
        if not trail or trail[-1] != status:
            trail.append(status)
    return out


def _stages(session: Session, tie_id: int) -> list[dict[str, Any]]:
    """One row per stage the tie was reported at, earliest first: its date (the most precise reported), its first
    report's id (the page's anchor), and every report of it ("sources": the article and sentence)."""
    rows = session.execute(select(TieStageRow, ArticleRow.doc, ArticleRow.title, ArticleRow.published, opening())
                           .join(ArticleRow, ArticleRow.id == TieStageRow.article_id)
                           .where(TieStageRow.tie_id == tie_id)).all()
    reports: list[dict[str, Any]] = sorted(({"id": s.id, "status": s.status, "date": s.date, "published": published,
                       "article_id": s.article_id, "doc": doc, "title": headline(title, start, doc),
                       "sentence": s.sentence, "start": s.start, "end": s.end, "curation": badge(s)}
                       for s, doc, title, published, start in rows),
                     key=lambda s: (_day(s["date"] or s["published"]), s["id"]))
    by_status: dict[str, list[dict[str, Any]]] = {}
    for report in reports:
        by_status.setdefault(report["status"], []).append(report)
    stages = []
    for status, sources in by_status.items():
        dated = [s["date"] for s in sources if s["date"]]
        first = sources[0]
        stages.append({"id": first["id"], "status": status, "published": first["published"],
                       "date": max(dated, key=dates.precision) if dated else None,
                       "curation": first["curation"], "sources": sources,
                       # the fields of one report, for readers of a single source (the JSON API's first clients)
                       **{k: first[k] for k in ("article_id", "doc", "title", "sentence", "start", "end")}})
    return sorted(stages, key=lambda s: (_day(s["date"] or s["published"]), s["id"]))


def _country(entity: EntityRow, towns: dict[int, EntityRow]) -> str | None:
    if entity.country:
        return entity.country
    town = towns.get(entity.parent_id) if entity.parent_id else None
    return town.country if town else None


def _day(value: str | None) -> str:
    return dates.span(value)[0] if value else "9999-99-99"


def recent_stages(session: Session, limit: int) -> list[dict[str, Any]]:
    """The latest dated stages of visible ties, by the day they happened (not by when they were read), latest
    first; a stage reported by several articles once: {"date", "status", "tie": described tie}."""
    rows = session.execute(select(TieStageRow.tie_id, TieStageRow.status, TieStageRow.date)
                           .join(TieRow, TieRow.id == TieStageRow.tie_id)
                           .where(TieStageRow.date.is_not(None), visible(TieStageRow), visible(TieRow))
                           .order_by(TieStageRow.date.desc()).limit(limit * 8)).all()  # ISO text: near enough
    firsts: dict[tuple[int, str], str] = {}
    for tie_id, status, when in rows:
        if not when:
            continue
        key = (tie_id, status)
        if key not in firsts or dates.span(when)[0] < dates.span(firsts[key])[0]:
            firsts[key] = when
    latest = sorted(firsts.items(), key=lambda item: (dates.span(item[1])[0], item[0][0]), reverse=True)[:limit]
    ties = {t["id"]: t for t in describe(session, session.scalars(
        select(TieRow).where(TieRow.id.in_({tie_id for (tie_id, _), _ in latest}))).all())}
    return [{"date": when, "status": status, "tie": ties[tie_id]} for (tie_id, status), when in latest]
