"""The drawings in a browser: the graph (/graph, Cytoscape) and the map (/map, Leaflet, no tiles), drawn and clicked.

They read the hooks documented at the top of static/graph.js and static/map.js
(`data-ready`, `window.amityGraph`, `window.amityMap`, `.amity-place-ID`,
`.amity-tie-ID`). Another test of the session may add an article (Genoa and
Marseille), so the unfiltered drawings are checked to hold the corpus's ties,
and the filtered ones to be exactly what the filter leaves. Every test also
checks that the page logged no error and asked for nothing outside the server
(the server runs with `--tiles none`).
"""
from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.usefixtures("drawings_ready")

#: The corpus's ties as the drawings show them: the parties' names, kind and stage.
TIES = {
    frozenset({"Samarkand", "Bursa"}): ("sister_city", "signed"),
    frozenset({"Lisbon", "Maputo"}): ("sister_city", "planned"),
    frozenset({"Ghana", "South Korea"}): ("cooperation", "signed"),
    frozenset({"Ministry of Fisheries of Ghana", "Ministry of Oceans of South Korea"}): ("cooperation", "signed"),
    frozenset({"Tbilisi", "Kutaisi"}): ("cooperation", "signed"),
}
#: The ties the map can draw: both parties have coordinates (a country or a ministry without a town has none).
MAPPED = {pair for pair in TIES if not pair & {"Ghana", "Ministry of Fisheries of Ghana"}}

GRAPH_READY = '#graph[data-ready="1"]'
MAP_READY = '#map[data-ready="1"]'

#: The graph as plain data: nodes by id, edges with their parties' names and their drawn style.
GRAPH = """() => {
  const g = window.amityGraph;
  const names = {};
  g.nodes().forEach(n => { names[n.id()] = n.data('name'); });
  return {
    nodes: g.nodes().map(n => ({id: n.id(), entity: n.data('entity'), name: n.data('name'), type: n.data('type'),
                                 x: n.renderedPosition('x'), y: n.renderedPosition('y')})),
    edges: g.edges().map(e => ({id: e.id(), tie: e.data('tie'), kind: e.data('kind'), status: e.data('status'),
                                 parties: [names[e.data('source')], names[e.data('target')]],
                                 colour: e.style('line-color'), dash: e.style('line-style')})),
    width: g.width(), height: g.height()
  };
}"""


def swatches(page: Any, legend: str, attribute: str) -> dict[str, str]:
    """The legend's colours: value of `attribute` (data-stage, data-kind, data-type) -> the swatch's CSS colour."""
    return dict(page.locator(f"#{legend} li[{attribute}]").evaluate_all(
        f"items => items.map(li => [li.getAttribute('{attribute}'), "
        "getComputedStyle(li.querySelector('.swatch')).backgroundColor])"))


def colour(css: str) -> tuple[int, ...]:
    """'rgb(1, 2, 3)' or 'rgb(1,2,3)' -> (1, 2, 3), so that Cytoscape's and the browser's spellings compare."""
    return tuple(int(n) for n in re.findall(r"\d+", css)[:3])


def drawn_graph(page: Any, expect: Any) -> dict[str, Any]:
    expect(page.locator(GRAPH_READY)).to_have_count(1)
    return dict(page.evaluate(GRAPH))


def pairs(edges: list[dict[str, Any]]) -> dict[frozenset[str], tuple[str, str]]:
    return {frozenset(e["parties"]): (e["kind"], e["status"]) for e in edges}


def test_graph_draws_the_registry_coloured_by_stage(browser_page: Any, expect: Any, console_errors: list[str],
                                                    offsite_requests: list[str]) -> None:
    page = browser_page
    response = page.goto("/graph")
    assert response is not None and response.status == 200
    graph = drawn_graph(page, expect)

    drawn = pairs(graph["edges"])
    assert TIES.items() <= drawn.items()
    names = {n["name"] for n in graph["nodes"]}
    assert set().union(*TIES) <= names
    assert len(graph["nodes"]) == len(names)  # one node per party
    box = page.locator("#graph")
    expect(box).to_have_attribute("data-nodes", str(len(graph["nodes"])))
    expect(box).to_have_attribute("data-edges", str(len(graph["edges"])))
    expect(page.locator("#graph-status")).to_have_text(
        f"Drawn: {len(graph['nodes'])} parties, {len(graph['edges'])} ties.")
    expect(page.locator("section.drawn h2")).to_have_text(
        f"Drawn: {len(graph['nodes'])} parties, {len(graph['edges'])} ties")
    # laid out: every node inside the box, and no two on the same spot
    for node in graph["nodes"]:
        assert 0 <= node["x"] <= graph["width"] and 0 <= node["y"] <= graph["height"], node
    assert len({(round(n["x"]), round(n["y"])) for n in graph["nodes"]}) == len(graph["nodes"])

    legend = page.locator("#graph-legend")
    expect(legend).to_be_visible()
    stages = swatches(page, "graph-legend", "data-stage")
    assert {"planned", "signed"} <= stages.keys()
    assert {"sister_city", "cooperation"} <= swatches(page, "graph-legend", "data-kind").keys()
    assert {"place", "organization"} <= swatches(page, "graph-legend", "data-type").keys()
    assert colour(stages["planned"]) != colour(stages["signed"])
    for edge in graph["edges"]:  # each line takes its stage's colour from the legend; cooperation is dashed
        assert colour(edge["colour"]) == colour(stages[edge["status"]]), edge
        assert edge["dash"] == ("dashed" if edge["kind"] == "cooperation" else "solid"), edge
    organisations = page.evaluate("() => window.amityGraph.nodes('[type = \"organization\"]')"
                                  ".map(n => n.style('shape'))")
    assert organisations and set(organisations) == {"round-rectangle"}

    assert console_errors == []
    assert offsite_requests == []


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("Country", "UZ", frozenset({"Samarkand", "Bursa"})),
    ("Stage", "planned", frozenset({"Lisbon", "Maputo"})),
])
def test_graph_filters_through_its_form(browser_page: Any, expect: Any, console_errors: list[str],
                                        offsite_requests: list[str], field: str, value: str,
                                        expected: frozenset[str]) -> None:
    page = browser_page
    page.goto("/graph")
    everything = drawn_graph(page, expect)

    if field == "Country":
        page.get_by_label(field).fill(value)
    else:
        page.get_by_label(field).select_option(value)
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(rf"/graph\?.*{field.lower()}={value}"))
    filtered = drawn_graph(page, expect)

    assert pairs(filtered["edges"]) == {expected: TIES[expected]}
    assert {n["name"] for n in filtered["nodes"]} == expected
    assert len(filtered["nodes"]) + len(filtered["edges"]) < len(everything["nodes"]) + len(everything["edges"])
    expect(page.get_by_label(field)).to_have_value(value)  # the form keeps what was asked
    expect(page.locator("section.drawn table.drawn-ties tbody tr")).to_have_count(1)

    page.get_by_role("link", name="clear").click()
    page.wait_for_url(re.compile(r"/graph$"))
    assert len(drawn_graph(page, expect)["edges"]) == len(everything["edges"])

    assert console_errors == []
    assert offsite_requests == []


def test_clicking_the_graph_opens_entities_and_ties(browser_page: Any, expect: Any, console_errors: list[str],
                                                    offsite_requests: list[str]) -> None:
    page = browser_page
    page.goto("/graph?country=UZ")
    graph = drawn_graph(page, expect)
    samarkand = next(n for n in graph["nodes"] if n["name"] == "Samarkand")

    # a real click of the mouse on the node where Cytoscape drew it
    box = page.locator("#graph").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + samarkand["x"], box["y"] + samarkand["y"])
    page.wait_for_url(re.compile(rf"/entities/{samarkand['entity']}$"))
    expect(page.locator("h1")).to_have_text("Samarkand")

    page.go_back()
    graph = drawn_graph(page, expect)
    edge = graph["edges"][0]
    page.evaluate("id => window.amityGraph.getElementById(id).emit('tap')", edge["id"])  # the documented test hook
    page.wait_for_url(re.compile(rf"/ties/{edge['tie']}$"))
    expect(page.locator("h1")).to_have_text("Bursa – Samarkand")

    assert console_errors == []
    assert offsite_requests == []


def test_map_draws_places_and_ties_without_tiles(browser_page: Any, expect: Any, console_errors: list[str],
                                                 offsite_requests: list[str]) -> None:
    page = browser_page
    response = page.goto("/map")
    assert response is not None and response.status == 200
    expect(page.locator(MAP_READY)).to_have_count(1)
    box = page.locator("#map")
    expect(box).to_have_attribute("data-tiles", "")
    expect(page.locator("#map img.leaflet-tile")).to_have_count(0)
    expect(page.locator("#map-status")).to_contain_text("No map tiles are configured")
    assert page.evaluate("() => window.amityMap.getZoom()") >= 1

    # the list below the map names what is drawn: each place and each tie on the map has its shape
    places = dict(page.locator("table.drawn-places tbody tr td:first-child a").evaluate_all(
        "links => links.map(a => [a.textContent, a.getAttribute('href').split('/').pop()])"))
    assert set().union(*MAPPED) <= places.keys()
    assert not {"Ghana", "Ministry of Fisheries of Ghana"} & places.keys()
    expect(box).to_have_attribute("data-places", str(len(places)))
    frame = box.bounding_box()
    assert frame is not None
    for name, entity in places.items():
        marker = page.locator(f"#map path.amity-place.amity-place-{entity}")
        expect(marker).to_have_count(1)
        where = marker.bounding_box()
        assert where is not None, name
        centre = (where["x"] + where["width"] / 2, where["y"] + where["height"] / 2)
        assert frame["x"] <= centre[0] <= frame["x"] + frame["width"], name  # fitted into view
        assert frame["y"] <= centre[1] <= frame["y"] + frame["height"], name

    rows = page.locator("table.drawn-ties tbody tr")
    on_map = [row for row in rows.all() if row.locator("td").nth(3).inner_text() == "yes"]
    assert len(on_map) >= len(MAPPED)
    expect(box).to_have_attribute("data-ties", str(len(on_map)))
    stages = swatches(page, "map-legend", "data-stage")
    for row in on_map:
        tie = row.locator("td").last.inner_text().lstrip("#")
        stage = row.locator("td .stage").first.inner_text()
        line = page.locator(f"#map path.amity-tie.amity-tie-{tie}")
        expect(line).to_have_count(1)
        expect(line).to_have_class(re.compile(rf"\bamity-stage-{stage}\b"))
        assert colour(line.get_attribute("stroke") or "") == colour(stages[stage]), (tie, stage)  # the legend's

    assert console_errors == []
    assert offsite_requests == []


def test_clicking_the_map_opens_ties_and_places(browser_page: Any, expect: Any, console_errors: list[str],
                                                offsite_requests: list[str]) -> None:
    page = browser_page
    page.goto("/map?stage=planned")
    expect(page.locator(MAP_READY)).to_have_count(1)
    lines = page.locator("#map path.amity-tie")
    expect(lines).to_have_count(1)  # the filter reaches the map: Lisbon – Maputo only
    expect(page.locator("#map path.amity-place")).to_have_count(2)
    tie = re.search(r"\bamity-tie-(\d+)\b", lines.get_attribute("class") or "")
    assert tie is not None

    lines.click()  # the middle of a straight line is on it
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Lisbon")
    expect(popup).to_contain_text("planned")
    popup.locator("a.amity-tie-link").click()
    page.wait_for_url(re.compile(rf"/ties/{tie.group(1)}$"))
    expect(page.locator("h1")).to_have_text("Lisbon – Maputo")

    page.go_back()
    expect(page.locator(MAP_READY)).to_have_count(1)
    maputo = page.locator("table.drawn-places a", has_text="Maputo").get_attribute("href")
    assert maputo is not None
    page.locator(f"#map path.amity-place-{maputo.rsplit('/', 1)[1]}").click()
    page.locator(".leaflet-popup-content a.amity-entity-link", has_text="Maputo").click()
    page.wait_for_url(re.compile(rf"{maputo}$"))
    expect(page.locator("h1")).to_have_text("Maputo")

    assert console_errors == []
    assert offsite_requests == []
