"""Hostile parameters and bodies get a 4xx saying what is wrong, never a 5xx.

A NUL in a query made PostgreSQL refuse the query, which the app then
reported as a database outage (503); ids beyond 64 bits overflowed the
database's integers (500). Runs on SQLite, and on PostgreSQL when
$AMITY_TEST_POSTGRES_URL is set.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from fastapi.testclient import TestClient
from web_registry import Web, build_registry, ids_of

from amity.model import Article, Entity, Evidence, Record
from amity.web import create_app


def _finds_busan(articles: Iterable[Article]) -> Iterator[Record]:
    for article in articles:
        text = article.full_text
        yield Record(article.doc, article.published, [
            Entity("place", "Busan", country="KR", geonames_id=1838524, lat=35.1, lon=129.0,
                   evidence=[Evidence(text, 0, len(text))])])


@pytest.fixture
def writable(db_url: str) -> Iterator[Web]:
    build_registry(db_url)
    ties, entities, articles, token = ids_of(db_url)
    with TestClient(create_app(db_url, extractor=_finds_busan)) as client:
        yield Web(client, token, ties, entities, articles)


@pytest.mark.parametrize("path, params", [
    ("/api/ties", {"party": "a\x00b"}),
    ("/api/entities", {"name": "Tur\x00kistan"}),
    ("/api/search", {"q": "sister\x00city"}),
    ("/api/events", {"participant": "x\x07y"}),
    ("/search", {"q": "a\x00b"}),
    ("/ties", {"party": "bell\x07"}),
])
def test_a_control_character_in_a_parameter_is_a_422(web: Web, path: str, params: dict[str, str]):
    answer = web.client.get(path, params=params)

    assert answer.status_code == 422, answer.text
    if path.startswith("/api/"):
        [problem] = answer.json()["detail"]
        assert problem["loc"] == ["query", next(iter(params))] and "control character" in problem["msg"]


def test_tabs_and_ordinary_text_in_parameters_still_work(web: Web):
    assert web.client.get("/api/search", params={"q": "sister\tcity"}).status_code == 200
    assert web.client.get("/api/ties", params={"party": "Üsküdar"}).status_code == 200


def test_a_posted_article_with_nul_and_controls_is_stored_without_them(writable: Web):
    body = {"doc": "busan\x00.txt", "title": "Busan\x07 news", "text": "Busan\x00 met\x1b its partners.\tAgain."}

    posted = writable.client.post("/api/articles", json=body, headers=writable.auth)

    assert posted.status_code == 201, posted.text
    stored = writable.client.get(f"/api/articles/{posted.json()['id']}").json()
    assert stored["doc"] == "busan.txt" and stored["title"] == "Busan news"
    assert "Busan met its partners.\tAgain." in stored["text"]


TOO_BIG = str(2**63)


@pytest.mark.parametrize("method, path", [
    ("GET", "/api/ties/{n}"), ("GET", "/api/entities/{n}"), ("GET", "/api/events/{n}"), ("GET", "/api/articles/{n}"),
    ("POST", "/api/ties/{n}/decisions"), ("POST", "/api/events/{n}/decisions"), ("POST", "/api/entities/{n}/split")])
def test_an_id_beyond_64_bits_is_a_422_in_the_api(web: Web, method: str, path: str):
    body = {"action": "confirm"} if path.endswith("decisions") else {"names": ["x"]}
    answer = web.client.request(method, path.format(n=TOO_BIG), headers=web.auth,
                                json=body if method == "POST" else None)

    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"][0] == "path"


@pytest.mark.parametrize("path", ["/ties/{n}", "/entities/{n}", "/events/{n}", "/articles/{n}"])
def test_an_id_beyond_64_bits_is_no_page(web: Web, path: str):
    assert web.client.get(path.format(n=TOO_BIG)).status_code == 404


def test_ids_beyond_64_bits_in_queries_and_bodies_are_422s(web: Web):
    assert web.client.get("/api/events", params={"entity": TOO_BIG}).status_code == 422
    merged = web.client.post("/api/entities/1/merge", json={"other": 2**64}, headers=web.auth)
    assert merged.status_code == 422, merged.text
