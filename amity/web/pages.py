"""The HTML pages: home, the partnership registry, a tie, an event, an entity, articles, search. No JavaScript needed.

Filters and sorting are query parameters, so every view has a URL that can
be bookmarked or shared; empty form fields count as no filter.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from starlette.responses import Response

from amity.registry import stats as read_stats
from amity.registry.articles import article as read_article
from amity.registry.articles import articles as read_articles
from amity.registry.curated import visible
from amity.registry.search import search as run_search
from amity.store.schema import TieRow
from amity.vocabulary import TIE_KINDS, TIE_STATUS_FILTERS
from amity.web import paging
from amity.web.filters import COUNTRY, ISO_DATE, choice, matching
from amity.web.highlight import article_spans, highlight
from amity.web.reads.entities import entity_detail
from amity.web.reads.events import event_detail, recent_events
from amity.web.reads.ties import (
    SORTS,
    TieQuery,
    describe,
    stage_trail,
    tie_detail,
    tie_page,
)
from amity.web.render import render
from amity.web.security import require_reader
from amity.web.sessions import Db

router = APIRouter(dependencies=[Depends(require_reader)], default_response_class=HTMLResponse,
                   include_in_schema=False)

PAGE_SIZE = 100
NEWEST = 10


Text = Annotated[str | None, Query(max_length=200)]


@router.get("/")
def home(request: Request, db: Db) -> Response:
    newest = db.scalars(select(TieRow).where(visible(TieRow)).order_by(TieRow.id.desc()).limit(NEWEST)).all()
    ties = describe(db, newest)
    trails = stage_trail(db, [t["id"] for t in ties])
    return render(request, "home.html", {
        "stats": read_stats(db),
        "ties": [{**t, "trail": trails.get(t["id"], [])} for t in ties],
        "events": recent_events(db, NEWEST),
        "articles": read_articles(db, limit=NEWEST),
    })


@router.get("/ties")
def registry(request: Request, db: Db, party: Text = None, country: Text = None, kind: Text = None,
             stage: Text = None, since: Text = None, sort: Text = None, order: Text = None,
             rejected: Text = None, cursor: Annotated[str | None, Query(max_length=2000)] = None) -> Response:
    where = TieQuery(party=(party or "").strip() or None,
                     country=matching("country", country, COUNTRY, "a country code such as KZ"),
                     kind=choice("kind", kind, TIE_KINDS), stage=choice("stage", stage, TIE_STATUS_FILTERS),
                     since=matching("since", since, ISO_DATE, "a year, YYYY-MM or YYYY-MM-DD"),
                     include_rejected=choice("rejected", rejected, ("1",)) == "1")
    sort_by = choice("sort", sort, SORTS) or "id"
    descending = choice("order", order, ("asc", "desc")) == "desc"
    ties, next_cursor = tie_page(db, where, sort=sort_by, descending=descending, cursor=cursor or None,
                                 limit=PAGE_SIZE)
    return render(request, "ties.html", {
        "ties": ties, "next_cursor": next_cursor, "where": where, "sort": sort_by, "descending": descending,
        "kinds": TIE_KINDS, "stages": TIE_STATUS_FILTERS, "paged": bool(cursor),
    })


@router.get("/ties/{tie_id}")
def tie(request: Request, db: Db, tie_id: int) -> Response:
    found = tie_detail(db, tie_id)
    if found is None:
        raise HTTPException(404, f"There is no partnership number {tie_id} in this registry.")
    return render(request, "tie.html", {"tie": found})


@router.get("/events/{event_id}")
def event(request: Request, db: Db, event_id: int) -> Response:
    found = event_detail(db, event_id)
    if found is None:
        raise HTTPException(404, f"There is no event number {event_id} in this registry.")
    return render(request, "event.html", {"event": found})


@router.get("/entities/{entity_id}")
def entity(request: Request, db: Db, entity_id: int) -> Response:
    found = entity_detail(db, entity_id)
    if found is None:
        raise HTTPException(404, f"There is no entity number {entity_id} in this registry.")
    return render(request, "entity.html", {"entity": found})


@router.get("/articles")
def article_list(request: Request, db: Db, cursor: Annotated[str | None, Query(max_length=2000)] = None) -> Response:
    before = paging.after_id(cursor or None, "articles:id")
    items, next_cursor = paging.id_page(read_articles(db, before_id=before, limit=PAGE_SIZE + 1), PAGE_SIZE,
                                        "articles:id")
    return render(request, "articles.html", {"articles": items, "next_cursor": next_cursor, "paged": bool(cursor)})


@router.get("/articles/{article_id}")
def article(request: Request, db: Db, article_id: int) -> Response:
    found = read_article(db, article_id)
    if found is None:
        raise HTTPException(404, f"There is no article number {article_id} in this registry.")
    return render(request, "article.html", {"article": found,
                                            "marked": highlight(found["text"], article_spans(found))})


@router.get("/search")
def search(request: Request, q: Text = None) -> Response:
    words = (q or "").strip()
    found: dict[str, Any] = run_search(request.app.state.engine, words) if words else {}
    return render(request, "search.html", {"q": words, "found": found})
