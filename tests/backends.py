"""The databases registry tests run on: SQLite always, PostgreSQL when $AMITY_TEST_POSTGRES_URL names
one (a plain module, so that test modules can import it; conftest modules share one import name)."""
from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import create_engine, text

from amity.store.engine import database_url

POSTGRES_URL = os.environ.get("AMITY_TEST_POSTGRES_URL")

BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(not POSTGRES_URL, reason="AMITY_TEST_POSTGRES_URL is not set")),
]


def empty_postgres(url: str) -> None:
    engine = create_engine(database_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def renumbered(exported: str) -> dict:
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
