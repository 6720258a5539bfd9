"""What the registry holds, in counts: the view behind `amity stats`."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from amity.model import TIE_STAGES
from amity.store import session_of
from amity.store.schema import ArticleRow, EntityRow, EventRow, IngestErrorRow, TieRow

LAST_ERRORS = 5


def stats(db: Engine | Session) -> dict[str, Any]:
    """Counts of articles, entities by type, events, ties by status, and ingest errors with the last few."""
    with session_of(db) as session:
        by_type = dict(session.execute(select(EntityRow.type, func.count()).group_by(EntityRow.type)).all())
        by_status = dict(session.execute(select(TieRow.status, func.count()).group_by(TieRow.status)).all())
        last = session.scalars(select(IngestErrorRow).order_by(IngestErrorRow.at.desc(), IngestErrorRow.id.desc())
                               .limit(LAST_ERRORS)).all()
        return {
            "articles": session.scalar(select(func.count()).select_from(ArticleRow)),
            "entities": {t: by_type.get(t, 0) for t in ("person", "organization", "place")},
            "events": session.scalar(select(func.count()).select_from(EventRow)),
            "ties": {s: by_status.get(s, 0) for s in reversed(TIE_STAGES)},
            "ingest_errors": session.scalar(select(func.count()).select_from(IngestErrorRow)),
            "last_errors": [{"source": e.source, "reason": e.reason, "at": e.at.isoformat(timespec="seconds")}
                            for e in last],
        }
