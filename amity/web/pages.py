"""The HTML pages: home, the partnership registry, a tie, an event, an entity, articles, search. No JavaScript needed.

Filters and sorting are query parameters, so every view has a URL that can
be bookmarked or shared; empty form fields count as no filter.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from amity.language import not_english_notice
from amity.registry import stats as read_stats
from amity.registry.articles import article as read_article
from amity.registry.articles import articles as read_articles
from amity.registry.countries import country_code, country_label
from amity.registry.lookup import entities_named, with_relatives
from amity.registry.search import search as run_search
from amity.registry.silence import silent_years, why_silent
from amity.registry.tie_query import DORMANT_YEARS, TieQuery
from amity.vocabulary import EVENT_TYPES, TIE_KINDS, TIE_STATUS_FILTERS
from amity.web import paging
from amity.web.auth import require_reader
from amity.web.charts import year_chart
from amity.web.filters import ISO_DATE, ISO_DAY, YEAR, choice, matching
from amity.web.filters import country as country_filter
from amity.web.highlight import article_spans, highlight
from amity.web.parameters import RowId, found_or_404
from amity.web.reads.entities import entity_detail
from amity.web.reads.events import TIMINGS, EventQuery, event_count, event_detail, event_page, recent_events
from amity.web.reads.places import country_profile, place_index
from amity.web.reads.ties import (
    SORTS,
    recent_stages,
    tie_count,
    tie_detail,
    tie_facets,
    tie_page,
)
from amity.web.render import render
from amity.web.sessions import Db

router = APIRouter(dependencies=[Depends(require_reader)], default_response_class=HTMLResponse,
                   include_in_schema=False)

PAGE_SIZE = 100
NEWEST = 10


Text = Annotated[str | None, Query(max_length=200)]


@router.get("/")
def home(request: Request, db: Db) -> Response:
    """The user's questions first: what remains on paper, what is overdue or upcoming; then the latest stages by
    the day they happened, recent events, new articles."""
    return render(request, "home.html", {
        "stats": read_stats(db),
        "work": {"dormant": tie_count(db, TieQuery(stage="dormant")),
                 "overdue": event_count(db, EventQuery(timing="overdue")),
                 "upcoming": event_count(db, EventQuery(timing="upcoming"))},
        "stages": recent_stages(db, NEWEST),
        "events": recent_events(db, NEWEST),
        "articles": read_articles(db, limit=NEWEST),
    })


@router.get("/ties")
def registry(request: Request, db: Db, party: Text = None, country: Text = None, kind: Text = None,
             stage: Text = None, status: Text = None, since: Text = None, sort: Text = None, order: Text = None,
             rejected: Text = None, as_of: Text = None, years: Text = None, year: Text = None,
             cursor: Annotated[str | None, Query(max_length=2000)] = None) -> Response:
    if "dormant" in (status, stage):
        return _remain_on_paper(request, db, as_of, years, sort, order, cursor)
    where = TieQuery(party=(party or "").strip() or None, country=country_filter(country),
                     kind=choice("kind", kind, TIE_KINDS), stage=choice("stage", stage or status, TIE_STATUS_FILTERS),
                     since=matching("since", since, ISO_DATE, "a year, YYYY-MM or YYYY-MM-DD"),
                     year=matching("year", year, YEAR, "a year such as 2021"),
                     include_rejected=choice("rejected", rejected, ("1",)) == "1")
    sort_by = choice("sort", sort, SORTS) or "id"
    descending = choice("order", order, ("asc", "desc")) == "desc"
    ties, next_cursor = tie_page(db, where, sort=sort_by, descending=descending, cursor=cursor or None,
                                 limit=PAGE_SIZE)
    return render(request, "ties.html", {
        "ties": ties, "next_cursor": next_cursor, "where": where, "sort": sort_by, "descending": descending,
        "kinds": TIE_KINDS, "stages": TIE_STATUS_FILTERS, "paged": bool(cursor), "total": tie_count(db, where),
        "facets": tie_facets(db, where), "title": _title(where),
        "country_label": country_label(where.country) if where.country else None,
    })


def _title(where: TieQuery) -> str:
    """What the registry page shows, in words: 'Signed sister city partnerships of Turkistan in Türkiye (TR)'."""
    words = [where.stage if where.stage and where.stage != "dormant" else "",
             (where.kind or "").replace("_", " "), "partnerships"]
    title = " ".join(w for w in words if w)
    title = title[0].upper() + title[1:]
    if where.party:
        title += f" of {where.party}"
    if where.country:
        title += f" in {country_label(where.country)}"
    if where.year:
        title += f" dated {where.year}"
    if where.since:
        title += f" heard of since {where.since}"
    return title


def _remain_on_paper(request: Request, db: Db, as_of: str | None, years: str | None, sort: str | None,
                     order: str | None, cursor: str | None) -> Response:
    """The dashboard of ties that remain on paper: silent for `years` before `as_of`, each with why in words."""
    day = _day("as_of", as_of) or date.today()
    quiet = _years(years)
    where = TieQuery(stage="dormant", dormant_years=quiet)
    sort_by = choice("sort", sort, ("silence", "party", "date", "country")) or "silence"
    descending = choice("order", order, ("asc", "desc")) == "desc"
    ties, next_cursor = tie_page(db, where, sort=sort_by, descending=descending, cursor=cursor or None,
                                 limit=PAGE_SIZE, as_of=day)
    for tie in ties:
        tie["why"] = why_silent(tie, day)
        tie["silent_years"] = silent_years(tie, day)
    return render(request, "dormant.html", {
        "ties": ties, "next_cursor": next_cursor, "paged": bool(cursor), "sort": sort_by, "descending": descending,
        "as_of": day.isoformat(), "years": quiet, "default_years": DORMANT_YEARS,
        "total": tie_count(db, where, as_of=day),
    })


def _day(name: str, value: str | None) -> date | None:
    """An optional ISO day from a form (YYYY-MM-DD); anything else is a 400."""
    found = matching(name, value, ISO_DAY, "a day, YYYY-MM-DD")
    if found is None:
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        raise HTTPException(400, f"{name} must be a day of the calendar, YYYY-MM-DD") from None


def _years(value: str | None) -> int:
    """The dormancy threshold from a form: whole years, 1 to 100 (default DORMANT_YEARS)."""
    if not value or not value.strip():
        return DORMANT_YEARS
    if not value.strip().isdigit() or not 1 <= int(value) <= 100:
        raise HTTPException(400, "years must be a whole number of years from 1 to 100")
    return int(value)


@router.get("/places")
def places(request: Request, db: Db) -> Response:
    """Every place by country, with how many partnerships each is party to."""
    return render(request, "places.html", {"countries": place_index(db)})


@router.get("/countries/{code}")
def country(request: Request, db: Db, code: Annotated[str, Path(max_length=60)]) -> Response:
    """One country: its partnerships, partner countries, and a yearly chart of stages and events."""
    found = country_code(code)
    if found is None:
        raise HTTPException(404, f"There is no country called {code[:60]!r}.")
    if found != code:
        return RedirectResponse(f"/countries/{found}", status_code=308)
    profile = country_profile(db, found)
    return render(request, "country.html", {"country": profile, "chart": year_chart(profile["years"])})


@router.get("/ties/{tie_id}")
def tie(request: Request, db: Db, tie_id: RowId) -> Response:
    found = found_or_404(tie_detail(db, tie_id), f"There is no partnership number {tie_id} in this registry.")
    return render(request, "tie.html", {"tie": found})


SECTION = 20  # planned events: the first so many overdue and upcoming ones, each with a link to all of them


@router.get("/events")
def event_list(request: Request, db: Db, type: Text = None, status: Text = None, when: Text = None,
               since: Text = None, until: Text = None, party: Text = None, country: Text = None,
               cursor: Annotated[str | None, Query(max_length=2000)] = None) -> Response:
    """Events by date, filtered; planned ones split into overdue (the day passed, no report that it happened) and
    upcoming."""
    timing = choice("when", when, TIMINGS)
    where = EventQuery(type=choice("type", type, EVENT_TYPES),
                       status="planned" if timing else choice("status", status, ("planned", "occurred")),
                       since=matching("since", since, ISO_DATE, "a year, YYYY-MM or YYYY-MM-DD"),
                       until=matching("until", until, ISO_DATE, "a year, YYYY-MM or YYYY-MM-DD"),
                       entity_ids=_named(db, party), country=country_filter(country), timing=timing)
    context: dict[str, Any] = {"where": where, "party": (party or "").strip(), "types": EVENT_TYPES,
                               "timings": TIMINGS, "paged": bool(cursor), "sections": [], "events": [],
                               "next_cursor": None, "total": event_count(db, where)}
    if where.status == "planned" and not timing and not cursor:
        for name in ("overdue", "upcoming"):
            part = replace(where, timing=name)
            items, _ = event_page(db, part, cursor=None, limit=SECTION)
            context["sections"].append({"name": name, "events": items, "total": event_count(db, part)})
    else:
        context["events"], context["next_cursor"] = event_page(db, where, cursor=cursor or None, limit=PAGE_SIZE)
    return render(request, "events.html", context)


def _named(db: Db, party: str | None) -> frozenset[int] | None:
    """The entities a party filter names, with their towns or municipalities; None for no filter."""
    if not party or not party.strip():
        return None
    return frozenset(with_relatives(db, {e.id for e in entities_named(db, party.strip())}))


@router.get("/events/{event_id}")
def event(request: Request, db: Db, event_id: RowId) -> Response:
    found = found_or_404(event_detail(db, event_id), f"There is no event number {event_id} in this registry.")
    return render(request, "event.html", {"event": found})


@router.get("/entities/{entity_id}")
def entity(request: Request, db: Db, entity_id: RowId) -> Response:
    found = found_or_404(entity_detail(db, entity_id), f"There is no entity number {entity_id} in this registry.")
    return render(request, "entity.html", {"entity": found})


@router.get("/articles")
def article_list(request: Request, db: Db, cursor: Annotated[str | None, Query(max_length=2000)] = None) -> Response:
    before = paging.after_id(cursor or None, "articles:id")
    items, next_cursor = paging.id_page(read_articles(db, before_id=before, limit=PAGE_SIZE + 1), PAGE_SIZE,
                                        "articles:id")
    return render(request, "articles.html", {"articles": items, "next_cursor": next_cursor, "paged": bool(cursor)})


@router.get("/articles/{article_id}")
def article(request: Request, db: Db, article_id: RowId) -> Response:
    found = found_or_404(read_article(db, article_id), f"There is no article number {article_id} in this registry.")
    return render(request, "article.html", {"article": found, "language": not_english_notice(found["text"]),
                                            "marked": highlight(found["text"], article_spans(found))})


@router.get("/search")
def search(request: Request, q: Text = None) -> Response:
    words = (q or "").strip()
    found: dict[str, Any] = run_search(request.app.state.engine, words) if words else {}
    return render(request, "search.html", {"q": words, "found": found})
