"""The JSON API: filters, cursor pagination, one item by id, search, stats, exports, and posting an article.

Articles posted here are read by a stand-in extractor (the real pipeline
is exercised in test_web.py), so these tests run without spaCy.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator

import pytest
from fastapi.testclient import TestClient
from web_registry import B2_SIGN, Web, build_registry, ids_of

from amity.export import export
from amity.model import Article, Entity, Evidence, Record, Tie
from amity.store import open_database
from amity.web import create_app


def walk(client: TestClient, path: str, **params: object) -> list[dict]:
    """Every item of a listing, following next_cursor page by page."""
    items: list[dict] = []
    cursor = None
    for _ in range(100):
        page = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("the cursor never ended")


def test_ties_are_filtered_sorted_and_paged_by_cursor(web: Web) -> None:
    client = web.client
    every = client.get("/api/ties").json()
    assert every["next_cursor"] is None and len(every["items"]) == 2
    tie = every["items"][0]
    assert {"id", "kind", "parties", "countries", "status", "date", "last_activity", "dormant", "sources"} <= set(tie)
    assert tie["parties"] == [{"id": web.entities["Turkistan"], "name": "Turkistan", "type": "place"},
                              {"id": web.entities["Üsküdar"], "name": "Üsküdar", "type": "place"}]
    one_by_one = walk(client, "/api/ties", limit=1)
    assert [t["id"] for t in one_by_one] == [t["id"] for t in every["items"]]
    newest_first = walk(client, "/api/ties", limit=1, sort="date", order="desc")
    assert [t["kind"] for t in newest_first] == ["cooperation", "sister_city"]
    assert [t["kind"] for t in walk(client, "/api/ties", country="VN")] == ["cooperation"]
    assert [t["kind"] for t in walk(client, "/api/ties", limit=1, since="2021", order="desc")] == \
        ["cooperation", "sister_city"]
    assert walk(client, "/api/ties", stage="dormant", as_of="2030-01-01") and \
        walk(client, "/api/ties", stage="dormant", as_of="2024-01-01") == []


def test_a_cursor_is_refused_when_altered_or_used_with_another_sort(web: Web) -> None:
    cursor = web.client.get("/api/ties", params={"limit": 1}).json()["next_cursor"]
    assert cursor
    assert web.client.get("/api/ties", params={"cursor": cursor, "sort": "party"}).status_code == 400
    assert web.client.get("/api/ties", params={"cursor": cursor[:-3]}).status_code == 400
    assert web.client.get("/api/entities", params={"cursor": cursor}).status_code == 400
    assert web.client.get("/api/ties", params={"limit": 0}).status_code == 422
    assert web.client.get("/api/ties", params={"kind": "friendship"}).status_code == 422


def test_entities_by_name_type_and_country_and_one_by_id(web: Web) -> None:
    client = web.client
    places = walk(client, "/api/entities", type="place", limit=2)
    assert {"Turkistan", "Üsküdar", "Chile", "Viet Nam"} == {e["name"] for e in places}
    assert [e["name"] for e in walk(client, "/api/entities", name="uskudar")] == ["Üsküdar"]
    assert [e["name"] for e in walk(client, "/api/entities", name="turash")] == ["Nurbol Turashbekov"]
    assert [e["name"] for e in walk(client, "/api/entities", country="cl")] == ["Chile"]
    assert [e["name"] for e in walk(client, "/api/entities", name="100%")] == []
    turkistan = client.get(f"/api/entities/{web.entities['Turkistan']}").json()
    assert turkistan["coordinates"] == [43.2973, 68.2518] and turkistan["geonames_id"] == 1517945
    assert [p["name"] for t in turkistan["partners"] for p in t["partners"]] == ["Üsküdar"]
    assert any(n["reason"].startswith("named in") for n in turkistan["names"])
    missing = client.get("/api/entities/999999")
    assert missing.status_code == 404 and missing.json() == {"detail": "no entity 999999"}


def test_events_by_type_dates_and_participant(web: Web) -> None:
    client = web.client
    every = walk(client, "/api/events", limit=2)
    assert [e["date"] for e in every] == ["2021-11-12", "2021-12-21", "2022-03-10", "2023-04-18", "2024-01-09"]
    assert [e["date"] for e in walk(client, "/api/events", type="visit")] == ["2021-11-12", "2022-03-10"]
    assert [e["date"] for e in walk(client, "/api/events", since="2022", until="2023-06")] == ["2022-03-10", "2023-04-18"]
    mine = walk(client, "/api/events", entity=web.entities["Nurbol Turashbekov"])
    assert [e["type"] for e in mine] == ["signing"]
    report = mine[0]["reports"][0]
    assert report["sentence"] == B2_SIGN and report["doc"] == "b02.txt"


def test_articles_and_the_facts_of_one_with_offsets_into_its_text(web: Web) -> None:
    listed = walk(web.client, "/api/articles", limit=3)
    assert [a["doc"] for a in listed] == ["d04.txt", "c03.txt", "b02.txt", "a01.txt"]
    article = web.client.get(f"/api/articles/{web.articles['b02.txt']}").json()
    text = article["text"]
    for fact in [*article["ties"], *article["events"], *article["roles"],
                 *(m for e in article["entities"] for m in e["mentions"])]:
        assert text[fact["start"]:fact["end"]] == fact["sentence"]
    assert article["ties"][0]["tie_id"] == web.ties["sister_city"]
    assert web.client.get("/api/articles/999999").status_code == 404


def test_search_stats_and_the_openapi_description(web: Web) -> None:
    found = web.client.get("/api/search", params={"q": "school exchanges"}).json()
    assert [a["doc"] for a in found["articles"]] == ["b02.txt"]
    assert any(hit for piece, hit in found["articles"][0]["snippet"] if hit)
    assert web.client.get("/api/search", params={"q": "Viet Nam"}).json()["ties"][0]["kind"] == "cooperation"
    assert web.client.get("/api/search", params={"q": "  "}).json()["articles"] == []
    stats = web.client.get("/api/stats").json()
    assert stats["articles"] == 4 and stats["ties"]["signed"] == 2 and stats["ingest_errors"] == 1
    paths = web.client.get("/openapi.json").json()["paths"]
    assert {"/api/ties", "/api/entities", "/api/entities/{entity_id}", "/api/events", "/api/articles",
            "/api/articles/{article_id}", "/api/search", "/api/stats", "/api/export/{format}"} <= set(paths)
    assert "post" in paths["/api/articles"]
    assert "/ties" not in paths, "pages are not part of the API description"


@pytest.mark.parametrize("format", ["json", "jsonl", "csv", "graphml", "gexf", "geojson", "plover"])
def test_exports_stream_what_amity_export_writes(web: Web, db_url: str, format: str) -> None:
    response = web.client.get(f"/api/export/{format}")
    assert response.status_code == 200
    engine = open_database(db_url)
    try:
        expected = io.StringIO()
        export(engine, format, expected)
    finally:
        engine.dispose()
    assert response.text == expected.getvalue()
    assert "attachment" in response.headers["content-disposition"]


def test_export_filters_and_unknown_formats(web: Web) -> None:
    ties = json.loads(web.client.get("/api/export/json", params={"kind": "cooperation"}).text)["ties"]
    assert [t["kind"] for t in ties] == ["cooperation"]
    assert web.client.get("/api/export/xlsx").status_code == 422


# --------------------------------------------------------------------------- posting articles

def stand_in(articles: Iterable[Article]) -> Iterator[Record]:
    """An extractor that finds Busan and Valparaíso, twinned, in every article."""
    for article in articles:
        text = article.full_text
        sentence = text.splitlines()[-1]
        start = text.index(sentence)
        said = [Evidence(sentence, start, start + len(sentence))]
        yield Record(article.doc, article.published, [
            Entity("place", "Busan", country="KR", geonames_id=1838524, lat=35.1, lon=129.0, evidence=said),
            Entity("place", "Valparaíso", country="CL", geonames_id=3868626, lat=-33.0, lon=-71.6, evidence=said)],
            ties=[Tie("sister_city", ["Busan", "Valparaíso"], "planned", "2024-04", evidence=said)])


@pytest.fixture
def writable(db_url: str) -> Iterator[Web]:
    build_registry(db_url)
    ties, entities, articles, token = ids_of(db_url)
    with TestClient(create_app(db_url, extractor=stand_in)) as client:
        yield Web(client, token, ties, entities, articles)


def test_posting_an_article_stores_it_once_and_a_correction_replaces_it(writable: Web) -> None:
    client, auth = writable.client, writable.auth
    body = {"doc": "busan.txt", "title": "Busan and Valparaíso", "url": "https://news.example.org/busan",
            "published": "2024-02-20", "text": "Busan and Valparaíso will sign a sister city agreement in April."}
    new = client.post("/api/articles", json=body, headers=auth)
    assert new.status_code == 201 and new.json()["outcome"] == "new"
    assert new.headers["location"] == f"/api/articles/{new.json()['id']}"
    again = client.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json() == {**new.json(), "outcome": "unchanged"}
    corrected = client.post("/api/articles", json={**body, "text": body["text"] + " The date is set."}, headers=auth)
    assert corrected.status_code == 201 and corrected.json()["outcome"] == "replaced"
    assert [a["doc"] for a in walk(client, "/api/articles")].count("busan.txt") == 1
    assert [t["status"] for t in walk(client, "/api/ties", party="Busan")] == ["planned"]
    article = client.get(f"/api/articles/{corrected.json()['id']}").json()
    assert article["source"] == "api (tests)"
    found = client.get("/api/search", params={"q": "date is set"}).json()["articles"]
    assert [a["id"] for a in found] == [corrected.json()["id"]], "the text index follows new and replaced articles"
    assert [a["id"] for a in client.get("/api/search", params={"q": "Valparaíso April"}).json()["articles"]] == \
        [corrected.json()["id"]]
    assert [piece for piece, hit in found[0]["snippet"] if hit] == ["date", "is", "set"]


def test_posted_articles_are_validated(writable: Web) -> None:
    client, auth = writable.client, writable.auth
    for bad in ({"doc": "x", "text": ""}, {"doc": "", "text": "Busan."}, {"doc": "x", "text": "Busan.", "published": "May"},
                {"text": "Busan."}):
        response = client.post("/api/articles", json=bad, headers=auth)
        assert response.status_code == 422, bad
        assert "Busan." not in response.text, "the submitted values are not echoed back"
    assert client.post("/api/articles", content=b"{not json", headers={**auth, "content-type": "application/json"}
                       ).status_code == 422


def test_many_requests_at_once_on_one_thread_all_get_answers(db_url: str) -> None:
    """More requests in flight than a connection pool holds, one worker thread: none waits for ever."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import httpx2 as httpx

    from amity.web import create_app

    build_registry(db_url)
    ties, entities, _, _ = ids_of(db_url)
    app = create_app(db_url, threads=1)
    paths = [f"/api/ties/{i}" for i in ties.values()] + [f"/api/entities/{i}" for i in entities.values()]

    async def all_at_once() -> list[int]:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://amity.test") as client:
                answers = asyncio.gather(*(client.get(paths[i % len(paths)]) for i in range(40)))
                return [r.status_code for r in await asyncio.wait_for(answers, timeout=30)]

    with ThreadPoolExecutor(1) as thread:  # a loop of its own: Playwright's sync API may hold this thread's
        assert thread.submit(lambda: asyncio.run(all_at_once())).result() == [200] * 40


def test_pages_are_answered_while_an_article_is_being_read(db_url: str) -> None:
    """Reading an article (seconds with spaCy) runs beside the threads that answer requests, not in one of them."""
    import asyncio
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import httpx2 as httpx

    from amity.web import create_app

    build_registry(db_url)
    _, _, _, token = ids_of(db_url)
    reading = threading.Event()
    release = threading.Event()

    def slow(articles: Iterable[Article]) -> Iterator[Record]:
        reading.set()
        release.wait(timeout=30)
        yield from stand_in(articles)

    app = create_app(db_url, threads=1, extractor=slow)

    async def meanwhile() -> tuple[int, int]:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://amity.test") as client:
                posted = asyncio.create_task(client.post(
                    "/api/articles", headers={"Authorization": f"Bearer {token}"},
                    json={"doc": "slow.txt", "text": "Busan and Valparaíso plan a twinning."}))
                await asyncio.to_thread(reading.wait, 10)
                stats = await asyncio.wait_for(client.get("/api/stats"), timeout=10)
                release.set()
                return stats.status_code, (await posted).status_code

    with ThreadPoolExecutor(1) as thread:
        assert thread.submit(lambda: asyncio.run(meanwhile())).result() == (200, 201)
