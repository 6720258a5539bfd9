"""Merging in batches stores exactly what merging one article at a time stores.

Articles are extracted once; the (article, record) pairs are then merged
one per transaction into one registry and in batches into another, and
the full exports of both are compared. Runs on SQLite, and on PostgreSQL
too when $AMITY_TEST_POSTGRES_URL is set.
"""
from __future__ import annotations

import importlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import BACKENDS, POSTGRES_URL, empty_postgres
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from synthetic_news import synthetic_articles

from amity.export import export
from amity.model import Article, Record
from amity.nlp import extract
from amity.registry import ingest
from amity.store import open_database
from amity.store.schema import ArticleRow

ARTICLES = 36


@pytest.fixture(scope="module")
def readings(nlp) -> list[tuple[Article, Record]]:
    articles = synthetic_articles(ARTICLES)
    return list(zip(articles, extract(articles, nlp=nlp), strict=True))


@pytest.fixture(params=BACKENDS)
def fresh_registry(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    """fresh_registry() → an empty, opened registry; on PostgreSQL the same database emptied each time."""
    engines: list[Engine] = []

    def _fresh() -> Engine:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / f'amity-{len(engines)}.db'}"
        else:
            assert POSTGRES_URL is not None
            for engine in engines:
                engine.dispose()
            empty_postgres(POSTGRES_URL)
            url = POSTGRES_URL
        engines.append(open_database(url, create=True))
        return engines[-1]

    yield _fresh
    for engine in engines:
        engine.dispose()


def _exported(db: Engine) -> str:
    out = io.StringIO()
    export(db, "json", out)
    return out.getvalue()


def _renumbered(exported: str) -> dict:
    """An export with ids counted from 1 in export order: a rolled-back PostgreSQL transaction spends ids."""
    data = json.loads(exported)
    entity = {e["id"]: n for n, e in enumerate(data["entities"], 1)}
    for kind in ("entities", "ties", "events"):
        for n, item in enumerate(data[kind], 1):
            item["id"] = n
            for key in ("part_of_id", "place_id"):
                if item.get(key) is not None:
                    item[key] = entity[item[key]]
            for key in ("party_ids", "participant_ids"):
                if key in item:
                    item[key] = [entity[i] for i in item[key]]
    return data


def _articles(db: Engine) -> int:
    with Session(db) as session:
        return session.scalar(select(func.count()).select_from(ArticleRow)) or 0


def test_a_corpus_merged_in_batches_exports_exactly_as_one_merged_article_by_article(fresh_registry, readings):
    one_by_one = fresh_registry()
    first = ingest(readings, one_by_one, batch_articles=1)
    expected = _exported(one_by_one)

    batched = fresh_registry()
    merged: list[int] = []
    second = ingest(readings, batched, batch_articles=10, on_merged=merged.append)

    assert str(second) == str(first)
    assert first.replaced > 0 and first.unchanged > 0, "the corpus has corrections and copies"
    assert len(merged) > 1 and max(merged) == 10, "articles went in batches of ten"
    assert _exported(batched) == expected


def test_merging_the_same_corpus_again_in_batches_changes_nothing(fresh_registry, readings):
    seen: set[str] = set()
    finals = [(a, r) for a, r in readings if not (a.doc in seen or seen.add(a.doc))]  # no corrections
    db = fresh_registry()
    ingest(finals, db, batch_articles=16)
    before = (_articles(db), _exported(db))

    again = ingest(finals, db, batch_articles=16)

    assert again.new == 0 and again.replaced == 0
    assert (_articles(db), _exported(db)) == before


def test_a_batch_that_meets_another_writers_article_is_rolled_back_and_merged_one_by_one(fresh_registry, readings,
                                                                                         monkeypatch):
    from sqlalchemy.exc import IntegrityError

    ingest_module = importlib.import_module("amity.registry.intake")  # the package exports its function by this name

    merge_one = ingest_module._merge
    calls = {"n": 0}

    def clashing(merging, *item):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 6:  # mid-way through a batch, as a duplicate key from another writer would
            raise IntegrityError("INSERT INTO articles ...", {}, Exception("duplicate key"))
        return merge_one(merging, *item)

    some = readings[:12]
    reference = fresh_registry()
    expected_summary = str(ingest(some, reference, batch_articles=1))
    expected = _exported(reference)

    db = fresh_registry()
    monkeypatch.setattr(ingest_module, "_merge", clashing)
    summary = ingest(some, db, batch_articles=12)

    assert calls["n"] > len(some), "the articles of the batch that met the clash were merged again"
    assert str(summary) == expected_summary
    assert _renumbered(_exported(db)) == _renumbered(expected)
