"""API reads are answered from memory until the registry changes.

A repeated read runs one small query (has the registry changed?) instead of
its own; a write through the app or by another process is seen by the very
next read. A private registry is never
cached (each read must show its token).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from web_registry import build_registry, ids_of

from amity.model import Article, Entity, Evidence, Record
from amity.registry import ingest
from amity.store import open_database
from amity.web import create_app


def _finds_busan(articles: Any) -> Iterator[Record]:
    for article in articles:
        text = article.full_text
        yield Record(article.doc, article.published, [
            Entity("place", "Busan", country="KR", geonames_id=1838524, lat=35.1, lon=129.0,
                   evidence=[Evidence(text, 0, len(text))])])


def _counting(app: Any) -> list[str]:
    statements: list[str] = []
    event.listen(app.state.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *args: statements.append(statement))
    return statements


@pytest.fixture
def served(db_url: str) -> Iterator[tuple[TestClient, str, str]]:
    build_registry(db_url)
    token = ids_of(db_url)[3]
    with TestClient(create_app(db_url, extractor=_finds_busan)) as client:
        yield client, token, db_url


def test_a_repeated_read_runs_only_the_query_that_asks_whether_the_registry_changed(
        served: tuple[TestClient, str, str]):
    client, _, _ = served
    first = client.get("/api/ties", params={"party": "Turkistan"})
    statements = _counting(client.app)

    again = client.get("/api/ties", params={"party": "Turkistan"})

    assert again.status_code == 200 and again.json() == first.json()
    asked = [s for s in statements if s.strip().upper() != "BEGIN"]  # SQLite's BEGIN is a statement of its own
    assert len(asked) == 1 and "max" in asked[0].lower()
    assert again.headers["content-type"] == first.headers["content-type"]
    assert "x-content-type-options" in again.headers  # the security headers still go on


def test_a_write_through_the_app_is_seen_by_the_next_read(served: tuple[TestClient, str, str]):
    client, token, _ = served
    before = client.get("/api/stats").json()

    posted = client.post("/api/articles", headers={"Authorization": f"Bearer {token}"},
                         json={"doc": "busan.txt", "text": "Busan welcomed visitors."})
    after = client.get("/api/stats").json()

    assert posted.status_code == 201
    assert after != before


def test_a_write_by_another_process_is_seen_by_the_next_read(db_url: str):
    build_registry(db_url)
    with TestClient(create_app(db_url)) as client:
        before = client.get("/api/stats").json()
        other = open_database(db_url)
        text = "Busan welcomed visitors."
        ingest([(Article(doc="other.txt", text=text), next(_finds_busan([Article(doc="other.txt", text=text)])))],
               other)
        other.dispose()
        after = client.get("/api/stats").json()

    assert after != before


def test_a_private_registry_is_not_cached(db_url: str):
    build_registry(db_url)
    token = ids_of(db_url)[3]
    with TestClient(create_app(db_url, private=True)) as client:
        auth = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/stats", headers=auth).status_code == 200
        assert client.get("/api/stats").status_code == 401
