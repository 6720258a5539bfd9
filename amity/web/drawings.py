"""The drawing pages: /graph (the ties as a network) and /map (places and the ties between them).

Each is a server-rendered page: the filter form (country, kind, stage and
limit as GET parameters, so a view can be bookmarked), a legend, the
drawing's container and, below it, the list of what the drawing shows, with
links. The list is what a browser without JavaScript, or a server whose
drawing libraries were not installed (`make` without npm), shows. The
drawing itself is static/graph.js or static/map.js, which fetch
/api/graph or /api/map with the page's own query string: same filters,
same ties.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from amity.registry.tie_query import TieQuery
from amity.vocabulary import ENTITY_TYPES, TIE_KINDS, TIE_STATUS_FILTERS
from amity.web import vendor
from amity.web.auth import require_reader
from amity.web.filters import drawn_ties
from amity.web.pages import Text
from amity.web.reads import network
from amity.web.render import render
from amity.web.sessions import Db

router = APIRouter(dependencies=[Depends(require_reader)], default_response_class=HTMLResponse,
                   include_in_schema=False)

Limit = Annotated[int, Query(ge=1, le=network.MAX_LIMIT)]
#: The legend's node types (colours in amity.css, read by the drawings' scripts).
TYPES = tuple(reversed(ENTITY_TYPES))


@router.get("/graph")
def graph(request: Request, db: Db, country: Text = None, kind: Text = None, stage: Text = None,
          limit: Limit = network.DEFAULT_LIMIT) -> Response:
    where = drawn_ties(country, kind, stage)
    found = network.drawn(db, where, limit)
    drawing = network.graph(found)
    return render(request, "graph.html", {
        **_common(where, found, limit), "nodes": drawing["nodes"], "ready": vendor.installed(vendor.GRAPH),
    })


@router.get("/map")
def map_page(request: Request, db: Db, country: Text = None, kind: Text = None, stage: Text = None,
             limit: Limit = network.DEFAULT_LIMIT) -> Response:
    where = drawn_ties(country, kind, stage)
    found = network.drawn(db, where, limit)
    drawing = network.geojson(found)
    lines = {f["properties"]["tie"] for f in drawing["features"] if f["geometry"]["type"] == "LineString"}
    places = [f["properties"] for f in drawing["features"] if f["geometry"]["type"] == "Point"]
    return render(request, "map.html", {
        **_common(where, found, limit), "places": sorted(places, key=lambda p: (p["name"].casefold(), p["entity"])),
        "on_map": lines, "unplaced": drawing["unplaced"], "tiles": request.app.state.tiles,
        "ready": vendor.installed(vendor.MAP), "basemap": vendor.installed(vendor.BASEMAP),
    })


def _common(where: TieQuery, found: network.Drawn, limit: int) -> dict[str, Any]:
    """What both pages show: the filters, the legend's values, and the drawn ties with their parties named."""
    ties = [{**t, "parties": [{"id": p, "name": found.entities[p].name} for p in t["parties"]]} for t in found.ties]
    return {"where": where, "limit": limit, "default_limit": network.DEFAULT_LIMIT, "kinds": TIE_KINDS,
            "stages": TIE_STATUS_FILTERS, "types": TYPES, "ties": ties, "truncated": found.truncated}
