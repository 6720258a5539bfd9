"""Adding an article from the web: through `amity.registry.intake`, one at a time.

spaCy's pipeline is not meant to be run from several threads at once, and
each article is one transaction anyway, so web ingests queue on a lock.
They run in a thread of their own (`store_article_in_thread`): reading an
article takes seconds, and in one of the few threads that answer requests
it would hold up every page of the process meanwhile.
"""
from __future__ import annotations

from typing import Any

import anyio
import anyio.to_thread
from fastapi import HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from amity.ingest.clean import clean_article
from amity.model import Article
from amity.nlp.limits import MAX_CHARS
from amity.registry import content_hash, ingest
from amity.store.schema import ArticleRow
from amity.web.reading import ReadingTooSlow


def store_article(app: Any, article: Article) -> tuple[str, int]:
    """Ingest one article, cleaned as the readers clean files: ("new" | "unchanged" | "replaced", its id)."""
    article = clean_article(article)
    if len(article.full_text) > MAX_CHARS:
        raise HTTPException(status_code=413, detail=f"article longer than the {MAX_CHARS:,} characters Amity reads")
    engine = app.state.engine
    with app.state.ingest_lock:
        try:
            summary = ingest([article], engine, extractor=app.state.extractor)
        except ReadingTooSlow as exc:
            raise HTTPException(status_code=413, detail=f"{exc}; send it in parts") from None
    outcome = "new" if summary.new else "replaced" if summary.replaced else "unchanged"
    with Session(engine) as session:
        article_id = session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == content_hash(article)))
    if article_id is None:  # replaced again by another writer meanwhile
        raise RuntimeError("the article was stored but is no longer there")
    return outcome, article_id


_ingest_limiter: anyio.CapacityLimiter | None = None


async def store_article_in_thread(app: Any, article: Article) -> tuple[str, int]:
    """`store_article` in a thread of its own (one at a time), not one of those that answer requests."""
    global _ingest_limiter
    if _ingest_limiter is None:
        _ingest_limiter = anyio.CapacityLimiter(1)
    return await anyio.to_thread.run_sync(store_article, app, article, limiter=_ingest_limiter)
