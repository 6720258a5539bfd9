"""The web app: `create_app(db_url)` gives a FastAPI app over one registry (pages, JSON API, OpenAPI at /docs).

Errors never show a traceback: an unknown id or path is a friendly 404 page
(or `{"detail": ...}` under /api), a database that fails is a 503 saying
why in one line, anything else a plain 500.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from amity import __version__
from amity.registry.intake import Extractor
from amity.registry.search import prepare as prepare_search
from amity.store import StoreError, describe, explain, open_database
from amity.web import api, curation_api, curation_forms, docs, drawings, forms, pages
from amity.web.answer_cache import AnswerCache
from amity.web.body_limit import BodyLimit
from amity.web.headers import SecurityHeaders
from amity.web.methods import Options, allowed_methods
from amity.web.openapi import described
from amity.web.paging import CursorError
from amity.web.parameters import CONTROL_CHARACTER, refuse_control_characters
from amity.web.reading import DEFAULT_READ_LIMIT, ArticleReader
from amity.web.render import render
from amity.web.tiles import tiles_from

DEFAULT_MAX_BODY = 2_000_000  # bytes: a long article as JSON, with room to spare
DEFAULT_THREADS = 2
STATIC = Path(__file__).with_name("static")
_log = logging.getLogger("amity.web")


def create_app(db_url: str | None = None, *, private: bool = False, max_body: int = DEFAULT_MAX_BODY,
               extractor: Extractor | None = None, tiles: str | None = None,
               tiles_attribution: str | None = None, threads: int = DEFAULT_THREADS,
               read_limit: float | None = DEFAULT_READ_LIMIT, cache_recheck: float | None = 0.0) -> FastAPI:
    """The app over the registry at `db_url` (default $AMITY_DB or ./amity.db; created if missing).

    `private`: reads need a token too. `max_body`: larger request bodies get 413.
    `threads`: requests answered at once by this process (FastAPI runs each in a thread; more than a few only
    make them take turns on the GIL: under load one process answered 71 requests a second with 40, 112 with 2).
    `extractor`: what reads posted articles (default Amity's NLP pipeline, in a process of its own that has
    `read_limit` seconds for each article; None: in a thread of this process, without a limit). A given
    extractor runs in a thread of this process.
    `cache_recheck`: API reads are answered from memory until the registry changes, which is asked on every
    read (0) or at most every this many seconds (None: no cache; see `amity.web.answer_cache`).
    `tiles`: the map's tile URL template (default $AMITY_TILES or OpenStreetMap's; 'none': no tiles), with
    `tiles_attribution` as its credit. Raises StoreError when the database cannot be used, ValueError for a
    tile URL that is not one.
    """
    map_tiles = tiles_from(tiles, tiles_attribution)
    engine = open_database(db_url, serving=True)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        await anyio.to_thread.run_sync(prepare_search, engine)
        yield
        if isinstance(app.state.extractor, ArticleReader):
            app.state.extractor.close()
        engine.dispose()

    app = FastAPI(title="Amity", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  dependencies=[Depends(refuse_control_characters)],
                  description="The registry of international partnerships Amity reads from the news: ties and their "
                              "stages, entities, events and the articles every fact comes from. Lists take an opaque "
                              "`cursor` and answer `next_cursor`. Writes (adding articles, analysts' decisions) need "
                              "`Authorization: Bearer TOKEN` (`amity token create`).")
    app.openapi = partial(described, app)  # type: ignore[method-assign]
    app.state.engine = engine
    app.state.private = private
    app.state.max_body = max_body
    app.state.extractor = extractor if extractor is not None or read_limit is None else ArticleReader(read_limit)
    app.state.ingest_lock = threading.Lock()
    app.state.templates = None  # made at the first page (amity.web.render)
    app.state.tiles = map_tiles
    app.include_router(api.router)
    app.include_router(curation_api.router)
    app.include_router(forms.router)
    app.include_router(curation_forms.router)
    app.include_router(pages.router)
    app.include_router(drawings.router)
    app.include_router(docs.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]
    app.add_exception_handler(CursorError, _bad_cursor)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, _database_error)
    app.add_exception_handler(SQLAlchemyError, _database_error)
    app.add_exception_handler(Exception, _crash)
    if cache_recheck is not None and not private:
        app.add_middleware(AnswerCache, engine=engine, recheck=cache_recheck)
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(Options)
    app.add_middleware(SecurityHeaders, tile_origin=map_tiles.origin)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, title: str, detail: str, headers: Mapping[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    response = render(request, "error.html", {"status": status, "title": title, "detail": detail}, status_code=status)
    for key, value in (headers or {}).items():
        if key.lower() != "www-authenticate":  # a browser would pop up its own sign-in box
            response.headers[key] = value
    return response


_TITLES = {400: "Bad request", 401: "Sign in needed", 403: "Not allowed", 404: "Not found", 422: "Bad request",
           405: "Method not allowed", 413: "Too large"}


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "Error")
    headers = dict(exc.headers or {})
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"There is nothing at {request.url.path}."
    if exc.status_code == 405:  # every method of the path, not only those of the first route on it
        headers["Allow"] = ", ".join(allowed_methods(request.app.routes, request.scope))
    if exc.status_code == 422 and _wants_json(request):  # the shape the OpenAPI description gives every 422
        return JSONResponse({"detail": [{"loc": [], "msg": detail, "type": "value_error"}]}, status_code=422,
                            headers=headers)
    return _error(request, exc.status_code, _TITLES.get(exc.status_code, "Error"), detail, headers)


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": _plain(exc.errors())}, status_code=422)
    if any(e.get("type") == CONTROL_CHARACTER for e in exc.errors()):
        return _error(request, 422, "Bad request", "A parameter holds a control character.")
    if any(e.get("loc", [None])[0] == "path" for e in exc.errors()):  # /ties/abc: no such page
        return _error(request, 404, "Not found", f"There is nothing at {request.url.path}.")
    problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors())
    return _error(request, 400, "Bad request", problems)


def _plain(errors: Any) -> list[dict[str, Any]]:
    """Validation errors without the submitted values (an article's text would be echoed back otherwise)."""
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in errors]


async def _bad_cursor(request: Request, exc: CursorError) -> Response:
    return _error(request, 400, "Bad request", str(exc))


async def _database_error(request: Request, exc: Exception) -> Response:
    message = str(explain(exc, describe(request.app.state.engine)))
    _log.error("amity web: %s", message)
    return _error(request, 503, "Database unavailable", message)


async def _crash(request: Request, exc: Exception) -> Response:
    _log.exception("amity web: unexpected failure on %s", request.url.path)
    return _error(request, 500, "Something went wrong", "The server could not answer this request.")
