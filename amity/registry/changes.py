"""Whether the registry changed: a few max() values that move with every ingest and every analyst's decision.

Each is asked on its own, so that SQLite answers it from one end of an
index (asked together, or with a count, it reads every row). An article is
only ever added, or replaced by a newer one, so the newest id and ingest
time move with any change of articles; ingest errors and decisions are
appended (a repeated error moves its time).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from amity.store.schema import ArticleRow, DecisionRow, IngestErrorRow


def articles_version(session: Session) -> tuple[Any, ...]:
    """Changes whenever an article is added or replaced."""
    return tuple(session.scalar(select(func.max(column))) for column in (ArticleRow.id, ArticleRow.ingested_at))


def registry_version(session: Session) -> tuple[Any, ...]:
    """Changes whenever articles, ingest errors or analysts' decisions change what the registry says."""
    return (*articles_version(session),
            *(session.scalar(select(func.max(column))) for column in (IngestErrorRow.id, IngestErrorRow.at,
                                                                         DecisionRow.id)))
