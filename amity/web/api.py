"""The JSON API under /api: the registry's reads (filtered, cursor-paged), exports, and adding an article.

Lists answer {"items": [...], "next_cursor": "..." | null}; pass
`cursor=next_cursor` for the next page. Reads are open unless the app is
private; POST /api/articles needs `Authorization: Bearer TOKEN` (so do the
curation routes in `amity.web.curation_api`).
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field, field_validator

from amity.export import FORMATS
from amity.model import Article
from amity.registry import stats as read_stats
from amity.registry.articles import article as read_article
from amity.registry.articles import articles as read_articles
from amity.registry.search import search as run_search
from amity.registry.tie_query import DORMANT_YEARS, TieQuery
from amity.vocabulary import (
    ISO_DATE_PATTERN,
    ISO_DAY_PATTERN,
    TIE_KINDS,
    TIE_STATUS_FILTERS,
    EntityType,
    EventStatus,
    EventType,
    TieKind,
    TieStatusFilter,
    is_iso_date,
)
from amity.web import downloads, paging
from amity.web.auth import require_reader, require_writer
from amity.web.filters import country as country_filter
from amity.web.filters import drawn_ties
from amity.web.parameters import RowId, RowIdQuery, found_or_404
from amity.web.reads import network
from amity.web.reads.entities import EntityQuery, entity_detail, entity_page
from amity.web.reads.events import EventQuery, event_detail, event_page
from amity.web.reads.ties import TieSort, tie_detail, tie_list, tie_page
from amity.web.sessions import Db
from amity.web.writes import store_article_in_thread

router = APIRouter(prefix="/api", tags=["registry"], dependencies=[Depends(require_reader)])

Kind = TieKind
Stage = TieStatusFilter
Limit = Annotated[int, Query(ge=1, le=paging.MAX_LIMIT, description="Items per page.")]
Cursor = paging.CursorParam
Since = Annotated[str | None, Query(pattern=ISO_DATE_PATTERN, description="A year, YYYY-MM or YYYY-MM-DD.")]
IncludeRejected = Annotated[bool, Query(description="Also those an analyst rejected (marked in `curation`).")]




class Page(BaseModel):
    items: list[dict[str, Any]]
    next_cursor: str | None = None


def _page(items: list[dict[str, Any]], next_cursor: str | None) -> JSONResponse:
    return _json({"items": items, "next_cursor": next_cursor})


def _json(content: Any) -> JSONResponse:
    """The answer as JSON as it is: the plain dicts the reads build need no validation, and FastAPI would
    validate a returned dict in one more trip through its worker threads."""
    return JSONResponse(content)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise HTTPException(422, f"{value!r} is not a day (YYYY-MM-DD)") from None


# --------------------------------------------------------------------------- ties

@router.get("/ties", response_model=Page, summary="Partnerships, filtered and sorted")
def list_ties(db: Db, party: str | None = None, country: Annotated[str | None, Query(max_length=60)] = None,
              kind: Kind | None = None, stage: Stage | None = None, since: Since = None,
              sort: TieSort = "id", order: Literal["asc", "desc"] = "asc",
              as_of: Annotated[str | None, Query(pattern=ISO_DAY_PATTERN, description="Judge dormancy on this day.")] = None,
              include_rejected: IncludeRejected = False,
              limit: Limit = paging.DEFAULT_LIMIT, cursor: Cursor = None) -> JSONResponse:
    """Ties of a party (any of its names), a country (ISO code), a kind, at a stage (or dormant), seen since a date.

    Each has `curation`: null, or {"state": confirmed | rejected | edited, "by", "at"}."""
    where = TieQuery(party=party, country=country_filter(country, unknown_is_empty=True), kind=kind, stage=stage,
                     since=since, include_rejected=include_rejected)
    items, next_cursor = tie_page(db, where, sort=sort, descending=order == "desc", cursor=cursor, limit=limit,
                                  as_of=_day(as_of))
    return _page(items, next_cursor)


@router.get("/ties/download", summary="The chosen ties as one CSV or JSON file",
            responses={200: {"content": {"text/csv": {}, "application/json": {}},
                             "description": "The ties, as CSV (with a byte-order mark) or a JSON list"}})
def download_ties(db: Db, format: Literal["csv", "json"] = "csv", party: str | None = None,
                  country: Annotated[str | None, Query(max_length=60)] = None, kind: Kind | None = None,
                  stage: Stage | None = None, since: Since = None,
                  rejected: Annotated[Literal["1"] | None, Query(description="1: also rejected ties.")] = None,
                  as_of: Annotated[str | None, Query(pattern=ISO_DAY_PATTERN, description="Dormancy judged on this day.")] = None,
                  years: Annotated[int, Query(ge=1, le=100, description="Years of silence that make a tie dormant.")]
                  = DORMANT_YEARS) -> StreamingResponse:
    """Every tie the registry page (or the remain-on-paper page) shows for these filters (no paging), streamed."""
    items = tie_list(db, TieQuery(party=party, country=country_filter(country, unknown_is_empty=True), kind=kind,
                                  stage=stage, since=since, include_rejected=rejected == "1", dormant_years=years),
                     as_of=_day(as_of))
    rows = downloads.ties_csv(items) if format == "csv" else downloads.ties_json(items)
    return StreamingResponse(rows, media_type=downloads.MEDIA[format],
                             headers={"Content-Disposition": f'attachment; filename="amity-ties.{format}"'})


@router.get("/ties/{tie_id}", summary="One partnership with its stage history and activity")
def get_tie(db: Db, tie_id: RowId) -> JSONResponse:
    return _json(found_or_404(tie_detail(db, tie_id), f"no tie {tie_id}"))


# --------------------------------------------------------------------------- entities, events

@router.get("/entities", response_model=Page, summary="People, organisations and places")
def list_entities(db: Db, name: Annotated[str | None, Query(max_length=200)] = None,
                  type: EntityType | None = None,
                  country: Annotated[str | None, Query(max_length=8)] = None,
                  limit: Limit = paging.DEFAULT_LIMIT, cursor: Cursor = None) -> JSONResponse:
    """Entities by id; `name` matches any of their names, accents and case aside."""
    return _page(*entity_page(db, EntityQuery(name=name, type=type, country=country), cursor=cursor, limit=limit))


@router.get("/entities/{entity_id}", summary="One entity: names and why, offices, partners, events")
def get_entity(db: Db, entity_id: RowId) -> JSONResponse:
    return _json(found_or_404(entity_detail(db, entity_id), f"no entity {entity_id}"))


@router.get("/events/{event_id}", summary="One event with its reports and the decisions taken about it")
def get_event(db: Db, event_id: RowId) -> JSONResponse:
    return _json(found_or_404(event_detail(db, event_id), f"no event {event_id}"))


@router.get("/events", response_model=Page, summary="Visits, meetings, signings, ratifications, attendances")
def list_events(db: Db, type: EventType | None = None,
                status: EventStatus | None = None, since: Since = None, until: Since = None,
                entity: RowIdQuery = None,
                include_rejected: IncludeRejected = False,
                limit: Limit = paging.DEFAULT_LIMIT, cursor: Cursor = None) -> JSONResponse:
    """Events earliest first (undated last), each with its reports' evidence and `curation`."""
    where = EventQuery(type=type, status=status, since=since, until=until,
                       entity_ids=frozenset({entity}) if entity is not None else None,
                       include_rejected=include_rejected)
    return _page(*event_page(db, where, cursor=cursor, limit=limit))


# --------------------------------------------------------------------------- articles

@router.get("/articles", response_model=Page, summary="Stored articles, newest first")
def list_articles(db: Db, limit: Limit = paging.DEFAULT_LIMIT, cursor: Cursor = None) -> JSONResponse:
    before = paging.after_id(cursor, "articles:id")
    return _page(*paging.id_page(read_articles(db, before_id=before, limit=limit + 1), limit, "articles:id"))


@router.get("/articles/{article_id}", summary="One article: its text and every fact drawn from it, with offsets")
def get_article(db: Db, article_id: RowId) -> JSONResponse:
    return _json(found_or_404(read_article(db, article_id), f"no article {article_id}"))


class ArticleIn(BaseModel):
    """An article to read and store, as JSON."""

    doc: str = Field(min_length=1, max_length=1000, description="Its name: a file name, an id, or its URL.")
    text: str = Field(min_length=1, description="The article's text (the first line may be its headline).")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, pattern=ISO_DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD.")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the text is blank")
        return value

    @field_validator("title", "url")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @field_validator("published")
    @classmethod
    def _a_real_date(cls, value: str | None) -> str | None:
        if value is not None and not is_iso_date(value):
            raise ValueError(f"{value} is not a date of the calendar")
        return value


@router.post("/articles", status_code=201, summary="Read an article and store what it says (needs a token)",
             responses={200: {"description": "The same text was already stored"}, 401: {"description": "No valid token"},
                        413: {"description": "Body over the size limit, or an article not read within the time limit"}})
async def post_article(body: ArticleIn, request: Request,
                       owner: Annotated[str, Depends(require_writer)]) -> JSONResponse:
    """Ingest through `amity.registry.intake`: new, unchanged (same text), or replaced (same doc or URL)."""
    article = Article(doc=body.doc, text=body.text, title=body.title, url=body.url, published=body.published,
                      source=f"api ({owner})")
    outcome, article_id = await store_article_in_thread(request.app, article)
    return JSONResponse({"outcome": outcome, "id": article_id, "page": f"/articles/{article_id}"},
                        status_code=200 if outcome == "unchanged" else 201,
                        headers={"Location": f"/api/articles/{article_id}"})


# --------------------------------------------------------------------------- drawings (the /graph and /map pages)

Filter = Annotated[str | None, Query(max_length=200)]
#: A kind or stage filter of the drawings: one of the words, or empty (no filter), as the pages' forms send them.
KindFilter = Annotated[str | None, Query(pattern=f"^({'|'.join(TIE_KINDS)})?$")]
StageFilter = Annotated[str | None, Query(pattern=f"^({'|'.join(TIE_STATUS_FILTERS)})?$")]
DrawLimit = Annotated[int, Query(ge=1, le=network.MAX_LIMIT, description="At most this many ties (by id).")]


@router.get("/graph", summary="The chosen ties as a network: parties as nodes, ties as edges")
def graph(db: Db, country: Filter = None, kind: KindFilter = None, stage: StageFilter = None,
          limit: DrawLimit = network.DEFAULT_LIMIT) -> JSONResponse:
    """{"nodes": [{id, entity, name, type, country, url}], "edges": [{id, tie, source, target, kind, status,
    dormant, date, url}], "truncated"}. Filters as on the /graph page, whose query string this takes: an empty
    value is no filter; a country no tie has, none drawn."""
    where = drawn_ties(country, kind, stage, unknown_country_is_empty=True)
    return _json(network.graph(network.drawn(db, where, limit)))


@router.get("/map", summary="The chosen ties on a map, as GeoJSON: places as points, ties as lines",
            responses={200: {"content": {"application/geo+json": {}}, "description": "A GeoJSON FeatureCollection"}})
def map_features(db: Db, country: Filter = None, kind: KindFilter = None, stage: StageFilter = None,
                 limit: DrawLimit = network.DEFAULT_LIMIT) -> JSONResponse:
    """A FeatureCollection: a LineString per tie whose two parties can be placed, a Point per place a drawn tie
    stands on; `truncated` and `unplaced` (ties without a line) beside the features. Filters as for /api/graph."""
    found = network.drawn(db, drawn_ties(country, kind, stage, unknown_country_is_empty=True), limit)
    return JSONResponse(network.geojson(found), media_type="application/geo+json")


# --------------------------------------------------------------------------- search, stats, export

@router.get("/search", summary="Entities, ties and article text matching the words")
def search(request: Request, q: Annotated[str, Query(max_length=200)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> JSONResponse:
    return _json({"q": q, **run_search(request.app.state.engine, q, limit=limit)})


@router.get("/stats", summary="Counts of what the registry holds")
def stats(db: Db) -> JSONResponse:
    return _json(read_stats(db))


@router.get("/export/{format}", summary="The registry in an export format, streamed (as `amity export`)",
            responses={200: {"content": {media.split(";")[0]: {} for media in downloads.MEDIA.values()},
                             "description": "The export, in the format's own media type"}})
def export(request: Request, format: Literal[tuple(FORMATS)],  # type: ignore[valid-type]
           kind: Kind | None = None, status: Stage | None = None,
           as_of: Annotated[str | None, Query(pattern=ISO_DAY_PATTERN)] = None) -> StreamingResponse:
    """json, jsonl, csv, graphml, gexf, geojson or plover; `kind`, `status`, `as_of` choose the ties."""
    where = TieQuery(kind=kind, stage=status, as_of=_day(as_of))
    chunks = downloads.export_stream(request.app.state.engine, format, where)
    return StreamingResponse(chunks, media_type=downloads.MEDIA[format],
                             headers={"Content-Disposition": f'attachment; filename="amity.{downloads.SUFFIX[format]}"'})
