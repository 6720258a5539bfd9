"""Whether the registry changed: a few max() values that move with every ingest and every analyst's decision.

Each is a scalar subquery of its own, so that SQLite answers it from one
end of an index (in one aggregate query, or with a count, it reads every
row), and all go in one statement: every cached API answer asks them. An article is
only ever added, or replaced by a newer one, so the newest id and ingest
time move with any change of articles; ingest errors and decisions are
appended (a repeated error moves its time).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from amity.store.schema import ArticleRow, DecisionRow, IngestErrorRow

_ARTICLES = (ArticleRow.id, ArticleRow.ingested_at)
_REGISTRY = (*_ARTICLES, IngestErrorRow.id, IngestErrorRow.at, DecisionRow.id)


def articles_version(session: Session) -> tuple[Any, ...]:
    """Changes whenever an article is added or replaced."""
    return _maxima(session, _ARTICLES)


def registry_version(session: Session) -> tuple[Any, ...]:
    """Changes whenever articles, ingest errors or analysts' decisions change what the registry says."""
    return _maxima(session, _REGISTRY)


def _maxima(session: Session, columns: tuple[Any, ...]) -> tuple[Any, ...]:
    """max() of each column, in one statement of scalar subqueries (each still read from its index's end)."""
    row = session.execute(select(*(select(func.max(c)).scalar_subquery() for c in columns))).one()
    return tuple(row)
