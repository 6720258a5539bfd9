"""A small registry for the web tests, written by hand (as in test_registry.py), and the app over it.

Every fact's evidence is a real sentence of its article with its true
offsets, so that the article page can be checked for highlights and
anchors. Its fixtures (`web`, `private_web`) reach the tests through conftest.py; they run on
SQLite, and on PostgreSQL too when $AMITY_TEST_POSTGRES_URL is set (they use
conftest's `db_url`).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from amity.model import Article, Entity, Event, Evidence, InputError, Record, Role, Tie
from amity.registry import ingest
from amity.store.schema import ArticleRow, EntityRow, TieRow
from amity.store.tokens import create_token
from amity.web import create_app

MAX_BODY = 20_000


def at(text: str, sentence: str) -> list[Evidence]:
    start = text.index(sentence)
    return [Evidence(sentence, start, start + len(sentence))]


class Writer:
    """Builds one article and its record, each fact pointing at a sentence of the text."""

    def __init__(self, doc: str, published: str, *sentences: str, title: str | None = None, url: str | None = None):
        self.text = "\n\n".join(sentences)
        self.article = Article(doc=doc, text=self.text, title=title, url=url, published=published)
        self.record = Record(doc, published, title=title, url=url)

    def place(self, name: str, sentence: str, *, geonames_id: int, country: str, lat: float, lon: float) -> Writer:
        self.record.entities.append(Entity("place", name, country=country, geonames_id=geonames_id, lat=lat, lon=lon,
                                           evidence=at(self.text, sentence)))
        return self

    def org(self, name: str, sentence: str) -> Writer:
        self.record.entities.append(Entity("organization", name, evidence=at(self.text, sentence)))
        return self

    def person(self, name: str, sentence: str, *roles: Role, aliases: tuple[str, ...] = ()) -> Writer:
        self.record.entities.append(Entity("person", name, aliases=list(aliases), roles=list(roles),
                                           evidence=at(self.text, sentence)))
        return self

    def event(self, type: str, status: str, date: str | None, sentence: str, *participants: str,
              place: str | None = None) -> Writer:
        self.record.events.append(Event(type, status, date, list(participants), place,  # type: ignore[arg-type]
                                        agreement="sister_city" if type == "signing" else None,
                                        evidence=at(self.text, sentence)))
        return self

    def tie(self, kind: str, status: str, date: str | None, sentence: str, *parties: str) -> Writer:
        self.record.ties.append(Tie(kind, list(parties), status, date,  # type: ignore[arg-type]
                                    evidence=at(self.text, sentence)))
        return self

    @property
    def pair(self) -> tuple[Article, Record]:
        return self.article, self.record


TURKISTAN: dict[str, Any] = {"geonames_id": 1517945, "country": "KZ", "lat": 43.2973, "lon": 68.2518}
USKUDAR: dict[str, Any] = {"geonames_id": 738329, "country": "TR", "lat": 41.0235, "lon": 29.0152}
CHILE: dict[str, Any] = {"geonames_id": 3895114, "country": "CL", "lat": -33.0, "lon": -71.0}
VIET_NAM: dict[str, Any] = {"geonames_id": 1562822, "country": "VN", "lat": 16.0, "lon": 106.0}

A1_PLAN = "Turkistan and Üsküdar plan to sign a sister city protocol in December 2021."
A1_VISIT = "Deputy Mayor Aida Bekova of Turkistan visited Üsküdar on 12 November 2021."
PLANNED = (Writer("a01.txt", "2021-11-13", A1_PLAN, A1_VISIT)
           .place("Turkistan", A1_PLAN, **TURKISTAN).place("Üsküdar", A1_PLAN, **USKUDAR)
           .person("Aida Bekova", A1_VISIT, Role("deputy mayor", "Turkistan"))
           .event("visit", "occurred", "2021-11-12", A1_VISIT, "Aida Bekova", "Turkistan", place="Üsküdar")
           .tie("sister_city", "planned", "2021-12", A1_PLAN, "Turkistan", "Üsküdar"))

B2_TITLE = "Turkistan Becomes Sister City of Üsküdar"
B2_SIGN = ("On 21 December 2021 Mayor Nurbol Turashbekov of Turkistan and Mayor Hilmi Türkmen of Üsküdar "
           "signed the sister city protocol.")
B2_VISIT = "On 10 March 2022 a delegation from Üsküdar visited Turkistan to plan school exchanges."
SIGNED = (Writer("b02.txt", "2021-12-25", B2_TITLE, B2_SIGN, B2_VISIT, url="https://news.example.org/b02")
          .place("Turkistan", B2_TITLE, **TURKISTAN).place("Üsküdar", B2_TITLE, **USKUDAR)
          .person("Nurbol Turashbekov", B2_SIGN, Role("mayor", "Turkistan"), aliases=("Turashbekov",))
          .person("Hilmi Türkmen", B2_SIGN, Role("mayor", "Üsküdar"))
          .event("signing", "occurred", "2021-12-21", B2_SIGN, "Nurbol Turashbekov", "Hilmi Türkmen", "Turkistan",
                 "Üsküdar")
          .event("visit", "occurred", "2022-03-10", B2_VISIT, "Üsküdar", "Turkistan", place="Turkistan")
          .tie("sister_city", "signed", "2021-12-21", B2_SIGN, "Turkistan", "Üsküdar"))

C3_SIGN = "The Ministry of Agriculture of Chile and Viet Nam signed a memorandum on rice research on 18 April 2023."
COOPERATION = (Writer("c03.txt", "2023-04-18", C3_SIGN, title="Chile and Viet Nam sign an agriculture memorandum")
               .place("Chile", C3_SIGN, **CHILE).place("Viet Nam", C3_SIGN, **VIET_NAM)
               .org("Ministry of Agriculture of Chile", C3_SIGN)
               .event("signing", "occurred", "2023-04-18", C3_SIGN, "Chile", "Viet Nam")
               .tie("cooperation", "signed", "2023-04-18", C3_SIGN, "Chile", "Viet Nam"))

#: Markup in names and a javascript: URL, stored by hand (the NLP route is tested with a posted article).
HOSTILE_NAME = 'Acme <b onmouseover="alert(4)">Twinning</b> Office'
D4_TEXT = f"The {HOSTILE_NAME} met officials of Turkistan."
HOSTILE = (Writer("d04.txt", "2024-01-10", D4_TEXT, title="<script>alert('title')</script>",
                  url="javascript:alert(5)")
           .org(HOSTILE_NAME, D4_TEXT).place("Turkistan", D4_TEXT, **TURKISTAN)
           .event("meeting", "occurred", "2024-01-09", D4_TEXT, HOSTILE_NAME, "Turkistan"))


def build_registry(db_url: str) -> None:
    from amity.store import open_database

    engine = open_database(db_url)
    try:
        ingest([PLANNED.pair, SIGNED.pair, COOPERATION.pair, HOSTILE.pair,
                InputError("broken.jsonl", "line 3 is not JSON")], engine)
    finally:
        engine.dispose()


@dataclass
class Web:
    """The app over the small registry, a client, a token that may write, and the ids tests link to."""

    client: TestClient
    token: str
    ties: dict[str, int]
    entities: dict[str, int]
    articles: dict[str, int]

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def ids_of(db_url: str) -> tuple[dict[str, int], dict[str, int], dict[str, int], str]:
    """Ties by kind, entities by name, articles by doc, and a new token."""
    from amity.store import open_database

    engine = open_database(db_url)
    try:
        with Session(engine) as session:
            entities = {name: i for i, name in session.execute(select(EntityRow.id, EntityRow.name))}
            articles = {doc: i for i, doc in session.execute(select(ArticleRow.id, ArticleRow.doc))}
            ties = {kind: i for i, kind in session.execute(select(TieRow.id, TieRow.kind))}
            token = create_token(engine, "tests")
    finally:
        engine.dispose()
    return ties, entities, articles, token


def make_web(db_url: str, **options: object) -> Iterator[Web]:
    build_registry(db_url)
    ties, entities, articles, token = ids_of(db_url)
    app = create_app(db_url, max_body=MAX_BODY, **options)  # type: ignore[arg-type]
    with TestClient(app) as client:
        yield Web(client, token, ties, entities, articles)


@pytest.fixture
def web(db_url: str) -> Iterator[Web]:
    yield from make_web(db_url)


@pytest.fixture
def private_web(db_url: str) -> Iterator[Web]:
    yield from make_web(db_url, private=True)


# --------------------------------------------------------------------------- checking HTML

class Tags(HTMLParser):
    """Every start tag of a page with its attributes, to check that no markup came from the data."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def assert_inert(page: str) -> None:
    """No script element, no event-handler attribute, no javascript: link: the page runs nothing."""
    for tag, attrs in Tags(page).tags:
        assert tag not in ("script", "img", "iframe", "object", "embed", "b"), (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action"):
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")), (tag, name, value)
    assert "<script" not in page.lower()
