"""Shared fixtures for the NLP component tests.

spaCy's pipeline is loaded once per test session (``load_pipeline`` is cached
per process anyway); ``read`` runs it over one short article written for the
test and returns the contract ``Record``.
"""
from __future__ import annotations

from collections.abc import Callable

import pytest

from amity.model import Article, Record
from amity.nlp.pipeline import extract_one, load_pipeline

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
