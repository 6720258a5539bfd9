"""The API answers as its OpenAPI description says: methods, error shapes, documented codes and media types.

Schemathesis (tests/test_api_fuzz.py) found these: `OPTIONS` answered 405
and a 405 listed only the first route's methods (`Allow: GET` on
/api/articles, which takes POST too); a refusal of the app's own was a 422
whose `detail` was a string where the description promises a list; 400, 404
and the exports' media types were not documented; an empty `cursor` (as a
form sends it), a country no tie has and a date with month 00 were refused
or crashed (`/api/ties/download?as_of=0000-00-00` answered 500); two
articles posted with an empty `url` collided (503).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from fastapi.testclient import TestClient
from web_registry import Web, build_registry, ids_of

from amity.model import Article, Record
from amity.web import create_app


def _reads_nothing(articles: Iterable[Article]) -> Iterator[Record]:
    for article in articles:
        yield Record(article.doc, article.published, [])


@pytest.fixture
def api(db_url: str) -> Iterator[Web]:
    build_registry(db_url)
    ties, entities, articles, token = ids_of(db_url)
    with TestClient(create_app(db_url, extractor=_reads_nothing)) as client:
        yield Web(client, token, ties, entities, articles)


def test_options_lists_every_method_of_the_path(api: Web):
    answer = api.client.options("/api/articles")

    assert answer.status_code == 204 and answer.headers["allow"] == "GET, OPTIONS, POST"
    assert api.client.options("/api/nothing-here").status_code == 404


def test_a_method_the_path_does_not_take_is_a_405_naming_all_it_takes(api: Web):
    answer = api.client.delete("/api/articles")

    assert answer.status_code == 405 and answer.headers["allow"] == "GET, OPTIONS, POST"


def test_a_refusal_of_the_apps_own_has_the_422_shape_the_description_gives(api: Web):
    answer = api.client.get("/api/ties", params={"as_of": "2021-02-30"})

    assert answer.status_code == 422
    [problem] = answer.json()["detail"]
    assert problem["msg"] == "'2021-02-30' is not a day (YYYY-MM-DD)" and set(problem) == {"loc", "msg", "type"}


@pytest.mark.parametrize("as_of", ["0000-00-00", "2021-02-30", "2021-99-99"])
def test_a_download_dated_on_no_day_is_a_422_not_a_crash(api: Web, as_of: str):
    assert api.client.get("/api/ties/download", params={"as_of": as_of}).status_code == 422


def test_an_empty_cursor_is_the_first_page(api: Web):
    for path in ("/api/ties", "/api/entities", "/api/events", "/api/articles", "/api/decisions"):
        assert api.client.get(path, params={"cursor": ""}).json() == api.client.get(path).json(), path


def test_a_country_no_tie_has_lists_no_ties(api: Web):
    listed = api.client.get("/api/ties", params={"country": "Atlantis"})
    downloaded = api.client.get("/api/ties/download", params={"country": "Atlantis", "format": "json"})

    assert (listed.status_code, listed.json()["items"]) == (200, [])
    assert (downloaded.status_code, downloaded.json()) == (200, [])


def test_articles_posted_with_an_empty_url_are_two_articles(api: Web):
    for doc in ("one.txt", "two.txt"):
        answer = api.client.post("/api/articles", headers=api.auth,
                                 json={"doc": doc, "text": f"The text of {doc}.", "url": ""})
        assert answer.status_code == 201, answer.text


def test_the_description_documents_errors_media_types_and_the_characters_refused(api: Web):
    described = api.client.get("/openapi.json").json()
    paths = described["paths"]

    assert {"400", "401", "404", "413", "422", "503"} <= set(paths["/api/ties/{tie_id}/decisions"]["post"]["responses"])
    assert "404" in paths["/api/articles/{article_id}"]["get"]["responses"]
    assert "400" in paths["/api/ties"]["get"]["responses"]
    exported = paths["/api/export/{format}"]["get"]["responses"]["200"]["content"]
    assert {"text/csv", "application/gexf+xml", "application/geo+json", "application/x-ndjson"} <= set(exported)
    assert "application/geo+json" in paths["/api/map"]["get"]["responses"]["200"]["content"]
    [q] = [p for p in paths["/api/search"]["get"]["parameters"] if p["name"] == "q"]
    assert q["schema"]["pattern"] == r"^[^\x00-\x08\x0a-\x1f]*$"
    problem = paths["/api/articles/{article_id}"]["get"]["responses"]["404"]["content"]["application/json"]["schema"]
    assert problem == {"$ref": "#/components/schemas/Problem"}
