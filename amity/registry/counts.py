"""What the registry holds, in counts: the view behind `amity stats`."""
from __future__ import annotations

import copy
import threading
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from amity.registry.changes import registry_version
from amity.registry.curated import visible
from amity.store import session_of
from amity.store.schema import ArticleRow, EntityRow, EventRow, IngestErrorRow, TieRow
from amity.vocabulary import ENTITY_TYPES, TIE_STAGES

LAST_ERRORS = 5


_counted: WeakKeyDictionary[Engine, tuple[tuple[Any, ...], dict[str, Any]]] = WeakKeyDictionary()
_lock = threading.Lock()


def stats(db: Engine | Session) -> dict[str, Any]:
    """Counts of articles, entities by type, events, ties by status (rejected ones left out), and ingest errors
    with the last few.

    Counted again only when the registry changed (counting 100,000 articles
    takes milliseconds; asking whether anything changed, a fraction of one).
    """
    with session_of(db) as session:
        engine = session.get_bind().engine
        version = registry_version(session)
        with _lock:
            known = _counted.get(engine)
        if known is not None and known[0] == version:
            return copy.deepcopy(known[1])
        counts = _count(session)
        with _lock:
            _counted[engine] = (version, counts)
        return copy.deepcopy(counts)


def _count(session: Session) -> dict[str, Any]:
    by_type = dict(session.execute(select(EntityRow.type, func.count()).group_by(EntityRow.type)).all())
    by_status = dict(session.execute(select(TieRow.status, func.count()).where(visible(TieRow))
                                     .group_by(TieRow.status)).all())
    last = session.scalars(select(IngestErrorRow).order_by(IngestErrorRow.at.desc(), IngestErrorRow.id.desc())
                           .limit(LAST_ERRORS)).all()
    return {
        "articles": session.scalar(select(func.count()).select_from(ArticleRow)),
        "entities": {t: by_type.get(t, 0) for t in ENTITY_TYPES},
        "events": session.scalar(select(func.count()).select_from(EventRow).where(visible(EventRow))),
        "ties": {s: by_status.get(s, 0) for s in reversed(TIE_STAGES)},
        "ingest_errors": session.scalar(select(func.count()).select_from(IngestErrorRow)),
        "last_errors": [{"source": e.source, "reason": e.reason, "at": e.at.isoformat(timespec="seconds")}
                        for e in last],
    }
