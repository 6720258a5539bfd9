"""Shared fixtures: the NLP pipeline, and databases for the registry tests.

spaCy's pipeline is loaded once per test session (``load_pipeline`` is cached
per process anyway); ``read`` runs it over one short article written for the
test and returns the contract ``Record``.

Registry tests get a database of each backend: SQLite always, PostgreSQL
when $AMITY_TEST_POSTGRES_URL names one. That PostgreSQL database is emptied
before each test that uses it, so point the variable at a database kept for
tests, e.g. postgresql+psycopg://amity:amity@localhost/amity_test.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from amity.model import Article, Record
from amity.nlp.pipeline import extract_one, load_pipeline
from amity.store import open_database
from backends import BACKENDS, POSTGRES_URL, empty_postgres

#: A Wednesday: "on Monday" is 8 January 2024 in the past tense, 15 January in the future.
PUBLISHED = "2024-01-10"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def read(nlp) -> Callable[..., Record]:
    """read(text, published=PUBLISHED) → the Record Amity extracts from that article."""

    def _read(text: str, published: str | None = PUBLISHED) -> Record:
        return extract_one(Article(doc="t.txt", text=text, published=published))

    return _read


# --------------------------------------------------------------------------- registry databases

@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database of each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'amity.db'}"
    assert POSTGRES_URL is not None
    empty_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def db(db_url: str) -> Iterator[Engine]:
    """An opened (migrated) registry of each backend."""
    engine = open_database(db_url)
    yield engine
    engine.dispose()


# --------------------------------------------------------------------------- the web app over a small registry

from web_registry import private_web, web  # noqa: E402, F401 - fixtures of test_web*.py
