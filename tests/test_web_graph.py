"""The graph and map of ties: their JSON (/api/graph, /api/map), their pages and lists, tiles, assets, and safety.

The drawing scripts themselves run in a browser and are tested there (by
their documented hooks); here the server's side: what they are given,
what a browser without JavaScript sees, and the policy they run under.
Each test runs on SQLite, and on PostgreSQL too when
$AMITY_TEST_POSTGRES_URL is set.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, update
from typer.testing import CliRunner
from web_registry import HOSTILE_NAME, TURKISTAN, Tags, Web, Writer

from amity.cli import app as cli
from amity.registry import ingest
from amity.store import open_database
from amity.store.schema import EntityRow
from amity.web import create_app, vendor
from amity.web.reads import network

STATIC = Path(vendor.__file__).with_name("static")

E5_SIGN = f"The {HOSTILE_NAME} and Turkistan signed a cooperation agreement on 2 February 2024."
HOSTILE_TIE = (Writer("e05.txt", "2024-02-03", E5_SIGN)
               .org(HOSTILE_NAME, E5_SIGN).place("Turkistan", E5_SIGN, **TURKISTAN)
               .tie("cooperation", "signed", "2024-02-02", E5_SIGN, HOSTILE_NAME, "Turkistan"))


def add_hostile_tie(db_url: str) -> None:
    """A third tie, between the organisation with markup in its name (no coordinates) and Turkistan."""
    engine = open_database(db_url)
    try:
        ingest([HOSTILE_TIE.pair], engine)
    finally:
        engine.dispose()


def api(web: Web, path: str, **params: str | int) -> dict:
    response = web.client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def names(graph: dict) -> set[str]:
    return {n["name"] for n in graph["nodes"]}


@contextmanager
def statements(web: Web) -> Iterator[list[str]]:
    """The SQL statements the app runs meanwhile."""
    seen: list[str] = []
    engine = web.client.app.state.engine  # type: ignore[attr-defined]

    def count(conn, cursor, statement, *args) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


# --------------------------------------------------------------------------- /api/graph

def test_graph_has_parties_as_nodes_and_ties_as_edges_with_links(web: Web) -> None:
    graph = api(web, "/api/graph")
    assert names(graph) == {"Turkistan", "Üsküdar", "Chile", "Viet Nam"}
    assert graph["truncated"] is False
    turkistan = web.entities["Turkistan"]
    node = next(n for n in graph["nodes"] if n["entity"] == turkistan)
    assert node == {"id": f"e{turkistan}", "entity": turkistan, "name": "Turkistan", "type": "place", "country": "KZ",
                    "url": f"/entities/{turkistan}"}
    edges = {e["kind"]: e for e in graph["edges"]}
    sister = edges["sister_city"]
    assert sister["id"] == f"t{web.ties['sister_city']}" and sister["url"] == f"/ties/{web.ties['sister_city']}"
    assert sister["status"] == "signed" and isinstance(sister["dormant"], bool) and sister["date"] == "2021-12-21"
    assert {sister["source"], sister["target"]} == {f"e{turkistan}", f"e{web.entities['Üsküdar']}"}
    ids = {n["id"] for n in graph["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])


def test_graph_filters_by_country_kind_and_stage_and_empty_values_are_none(web: Web) -> None:
    assert names(api(web, "/api/graph", country="tr")) == {"Turkistan", "Üsküdar"}
    assert names(api(web, "/api/graph", country=" CL ")) == {"Chile", "Viet Nam"}
    assert names(api(web, "/api/graph", kind="cooperation")) == {"Chile", "Viet Nam"}
    assert api(web, "/api/graph", stage="planned") == {"nodes": [], "edges": [], "truncated": False}
    assert len(api(web, "/api/graph", stage="signed")["edges"]) == 2
    assert api(web, "/api/graph", country="", kind="", stage="") == api(web, "/api/graph")
    dormant = {t["id"] for t in api(web, "/api/ties", stage="dormant")["items"]}
    assert {e["tie"] for e in api(web, "/api/graph", stage="dormant")["edges"]} == dormant, \
        "dormancy judged as the registry judges it"


@pytest.mark.parametrize("params", [{"kind": "friendship"}, {"stage": "signed'--"}, {"country": "K1"},
                                    {"country": "KZ' OR 1=1 --"}])
def test_a_bad_filter_is_a_422_for_the_json_or_draws_nothing_and_a_400_for_the_pages(web: Web,
                                                                                   params: dict[str, str]) -> None:
    for path in ("/api/graph", "/api/map"):
        response = web.client.get(path, params=params)
        if "country" in params:  # well formed for the API's description: a country no tie has
            assert response.status_code == 200 and not response.json().get("edges") \
                and not [f for f in response.json().get("features", []) if f["geometry"]["type"] == "LineString"]
        else:
            assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["query", *params], \
                (path, params)
    for path in ("/graph", "/map"):
        response = web.client.get(path, params=params)
        assert response.status_code == 400 and "<h1>Bad request</h1>" in response.text, (path, params)


def test_the_limit_bounds_the_ties_drawn_and_says_so(web: Web) -> None:
    one = api(web, "/api/graph", limit=1)
    assert len(one["edges"]) == 1 and one["truncated"] is True
    assert one["edges"][0]["tie"] == min(web.ties.values()), "the first ties by id"
    assert api(web, "/api/graph", limit=2)["truncated"] is False
    assert api(web, "/api/map", limit=1)["truncated"] is True
    for bad in (0, -1, network.MAX_LIMIT + 1, "many"):
        assert web.client.get("/api/graph", params={"limit": bad}).status_code == 422, bad
    assert web.client.get("/graph", params={"limit": 0}).status_code == 400
    assert "Only the first 1 ties" in web.client.get("/graph", params={"limit": 1}).text


def test_the_reads_are_a_fixed_number_of_queries_however_many_ties(web: Web, db_url: str) -> None:
    with statements(web) as few:
        api(web, "/api/graph", limit=1)
    add_hostile_tie(db_url)
    with statements(web) as many:
        assert len(api(web, "/api/graph")["edges"]) == 3
    assert len(many) == len(few) <= 10, many
    with statements(web) as dormant:
        api(web, "/api/graph", stage="dormant", limit=1)
    assert len(dormant) <= 3 * len(few), "dormant ties are read in batches, not one by one"


# --------------------------------------------------------------------------- /api/map

def test_map_is_geojson_lines_between_placed_parties_then_points(web: Web, db_url: str) -> None:
    add_hostile_tie(db_url)
    response = web.client.get("/api/map")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/geo+json")
    found = response.json()
    assert found["type"] == "FeatureCollection" and found["truncated"] is False
    kinds = [f["geometry"]["type"] for f in found["features"]]
    assert kinds == ["LineString"] * 2 + ["Point"] * 4, "lines first, so points are drawn on top"
    assert found["unplaced"] == 1, "the organisation has no coordinates, so its tie has no line"
    line = next(f for f in found["features"] if f["id"] == f"t{web.ties['sister_city']}")
    assert line["geometry"]["coordinates"] == [[68.2518, 43.2973], [29.0152, 41.0235]], "[lon, lat]"
    assert line["properties"]["url"] == f"/ties/{web.ties['sister_city']}"
    assert [p["name"] for p in line["properties"]["parties"]] == ["Turkistan", "Üsküdar"]
    turkistan = next(f for f in found["features"] if f["id"] == f"e{web.entities['Turkistan']}")
    assert turkistan["properties"]["ties"] == 2 and turkistan["properties"]["url"] == f"/entities/{web.entities['Turkistan']}"
    assert [f["properties"]["name"] for f in api(web, "/api/map", kind="cooperation", country="vn")["features"]
            if f["geometry"]["type"] == "Point"] == ["Chile", "Viet Nam"]


def test_a_body_stands_at_its_towns_place_and_takes_its_country(web: Web, db_url: str) -> None:
    add_hostile_tie(db_url)
    engine = open_database(db_url)
    try:
        with engine.begin() as connection:  # make the organisation a body of Chile, as a municipality is of its town
            connection.execute(update(EntityRow).where(EntityRow.name == HOSTILE_NAME)
                               .values(parent_id=web.entities["Chile"]))
    finally:
        engine.dispose()
    node = next(n for n in api(web, "/api/graph")["nodes"] if n["name"] == HOSTILE_NAME)
    assert node["country"] == "CL"
    found = api(web, "/api/map")
    assert found["unplaced"] == 0
    line = next(f for f in found["features"] if f["properties"].get("kind") == "cooperation"
                and HOSTILE_NAME in [p["name"] for p in f["properties"]["parties"]])
    assert sorted(line["geometry"]["coordinates"]) == sorted([[-71.0, -33.0], [68.2518, 43.2973]])
    chile = next(f for f in found["features"] if f["id"] == f"e{web.entities['Chile']}")
    assert chile["properties"]["ties"] == 2


def test_drawings_need_a_token_when_the_registry_is_private(private_web: Web) -> None:
    for path in ("/api/graph", "/api/map", "/graph", "/map"):
        assert private_web.client.get(path).status_code == 401, path
        assert private_web.client.get(path, headers=private_web.auth).status_code == 200, path


# --------------------------------------------------------------------------- pages

def test_graph_page_has_filters_a_container_for_its_script_and_the_list_it_draws(web: Web) -> None:
    page = web.client.get("/graph", params={"country": "kz", "stage": ""})
    assert page.status_code == 200
    html = page.text
    assert 'href="/graph"' in html and 'href="/map"' in html, "in the navigation"
    assert '<input name="country" value="KZ"' in html
    if vendor.installed(vendor.GRAPH):
        assert re.search(r'<div id="graph" class="drawing" data-api="/api/graph\?country=kz"', html)
        assert 'id="graph-legend"' in html and 'data-stage="signed"' in html and 'data-kind="cooperation"' in html
        assert "<noscript>" in html
    turkistan, uskudar = web.entities["Turkistan"], web.entities["Üsküdar"]
    assert f'<a href="/entities/{turkistan}">Turkistan</a> – <a href="/entities/{uskudar}">Üsküdar</a>' in html
    assert f'href="/ties/{web.ties["sister_city"]}"' in html
    assert f'href="/ties/{web.ties["cooperation"]}"' not in html, "filtered by country"


def test_map_page_lists_places_and_ties_and_hands_the_tiles_to_its_script(web: Web, db_url: str) -> None:
    add_hostile_tie(db_url)
    page = web.client.get("/map")
    assert page.status_code == 200
    html = page.text
    if vendor.installed(vendor.MAP):
        assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
        assert 'data-attribution="© OpenStreetMap contributors"' in html
        assert '<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">' in html
    assert re.search(rf'<a href="/entities/{web.entities["Viet Nam"]}">Viet Nam</a></td><td>VN</td>', html)
    assert "no: a party has no coordinates" in html and "1 more without a line" in html
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "img-src 'self' data: https://tile.openstreetmap.org;" in policy


def test_drawing_pages_run_only_the_apps_own_script_files_other_pages_none(web: Web) -> None:
    for path in ("/graph", "/map"):
        page = web.client.get(path)
        scripts = [attrs for tag, attrs in Tags(page.text).tags if tag == "script"]
        assert all((a.get("src") or "").startswith("/static/") for a in scripts), scripts
        assert "unsafe-inline" not in page.headers["content-security-policy"]
        assert not re.search(r"<script(?![^>]*\bsrc=)", page.text), "no inline script"
    assert "script-src 'none'" in web.client.get("/ties").headers["content-security-policy"]


def test_markup_in_names_is_escaped_on_the_pages_and_plain_data_in_the_json(web: Web, db_url: str) -> None:
    add_hostile_tie(db_url)
    hostile = web.entities.get(HOSTILE_NAME)
    assert HOSTILE_NAME in names(api(web, "/api/graph")), "the JSON carries the name as data, for textContent"
    for path in ("/graph", "/map"):
        html = web.client.get(path).text
        assert "Acme &lt;b onmouseover=&#34;alert(4)&#34;&gt;Twinning&lt;/b&gt; Office" in html, path
        for tag, attrs in Tags(html).tags:
            assert tag != "b" and not any(name.startswith("on") for name in attrs), (path, tag, attrs)
    if hostile is not None:
        assert f'href="/entities/{hostile}"' in web.client.get("/graph").text


def test_without_the_drawing_libraries_the_pages_say_so_and_show_their_lists(web: Web, monkeypatch,
                                                                             tmp_path: Path) -> None:
    monkeypatch.setattr(vendor, "VENDOR", tmp_path / "vendor")
    for path, what in (("/graph", "graph"), ("/map", "map")):
        html = web.client.get(path).text
        assert f"The {what} is not drawn: its JavaScript library is not installed" in html
        assert "<script" not in html and 'class="drawing"' not in html
        assert f'href="/ties/{web.ties["sister_city"]}"' in html


def test_the_scripts_never_write_html_and_expose_their_documented_hooks() -> None:
    graph = (STATIC / "graph.js").read_text(encoding="utf-8")
    map_js = (STATIC / "map.js").read_text(encoding="utf-8")
    for source in (graph, map_js):
        assert not re.search(r"(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", source)
        assert 'dataset.ready = "1"' in source
    assert "window.amityGraph = graph" in graph and "window.amityMap = map" in map_js


# --------------------------------------------------------------------------- tiles and assets

def test_tiles_can_be_another_server_or_none_and_the_policy_follows(web: Web, db_url: str, monkeypatch) -> None:
    def page(**options: str) -> tuple[str, str]:
        with TestClient(create_app(db_url, **options)) as client:  # type: ignore[arg-type]
            response = client.get("/map")
            return response.text, response.headers["content-security-policy"]

    html, policy = page(tiles="none")
    assert "img-src 'self' data:;" in policy
    if vendor.installed(vendor.MAP):
        assert 'data-tiles=""' in html and "No map tiles are configured" in html
    html, policy = page(tiles="https://{s}.tiles.example.org/osm/{z}/{x}/{y}.png", tiles_attribution="<b>Example</b>")
    assert "img-src 'self' data: https://*.tiles.example.org;" in policy
    if vendor.installed(vendor.MAP):
        assert 'data-tiles="https://{s}.tiles.example.org/osm/{z}/{x}/{y}.png"' in html
        assert 'data-attribution="&lt;b&gt;Example&lt;/b&gt;"' in html
    monkeypatch.setenv("AMITY_TILES", "http://localhost:8080/{z}/{x}/{y}.png")
    assert "img-src 'self' data: http://localhost:8080;" in page()[1]
    for bad in ("javascript:alert(1)", "https://tiles.example.org/tile.png", "https://a b.org/{z}/{x}/{y}.png",
                "https://tiles.example.org;script-src *;/{z}/{x}/{y}.png", "https://evil@{s}.x.org/{z}/{x}/{y}.png"):
        with pytest.raises(ValueError):
            create_app(db_url, tiles=bad)


def test_serve_refuses_a_tile_url_that_is_not_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "a.db"), "--tiles", "javascript:alert(1)"])
    assert result.exit_code == 1 and "tile URL must be an http(s) URL" in result.output


def test_the_drawing_libraries_and_scripts_are_served_from_this_site(web: Web) -> None:
    for path in ("/static/graph.js", "/static/map.js"):
        response = web.client.get(path)
        assert response.status_code == 200 and "javascript" in response.headers["content-type"], path
    if not vendor.installed(vendor.GRAPH + vendor.MAP):
        pytest.skip("the vendor folder is missing (run make with npm)")
    for path, kind in (("/static/vendor/cytoscape/cytoscape.min.js", "javascript"),
                       ("/static/vendor/leaflet/leaflet.js", "javascript"),
                       ("/static/vendor/leaflet/leaflet.css", "text/css")):
        response = web.client.get(path)
        assert response.status_code == 200 and kind in response.headers["content-type"], path
