"""Storing what many articles say: each article is one transaction, keyed by its content.

The same article again (same text, whatever it is called) changes nothing
and is not even read by the NLP pipeline again. A corrected version (same
`doc` or same `url`, different text) replaces the earlier one's facts. An
input that could not be read is kept in `ingest_errors` and skipped. A run
that is killed half-way leaves every article it finished stored once and
the rest untouched, so running it again completes it. Analysts' decisions
(`amity.registry.curation`) are applied again to what each article wrote,
so that they survive its replacement.
"""
from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import chain
from typing import Literal

from sqlalchemy import Engine, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from amity.model import Article, InputError, Record
from amity.registry import curation, merge
from amity.store import writer
from amity.store.schema import ANONYMOUS_DOCS, ArticleRow, IngestErrorRow

Item = Article | InputError | Record | tuple[Article, Record]
Extractor = Callable[[Iterable[Article]], Iterable[Record]]
Outcome = Literal["new", "unchanged", "replaced"]



@dataclass
class IngestSummary:
    """How many articles an ingest added, found unchanged, replaced, and could not read."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    errors: int = 0

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def __str__(self) -> str:
        return f"{self.new} new, {self.unchanged} unchanged, {self.replaced} replaced, {self.errors} errors"


def content_hash(article: Article) -> str:
    """The identity of an article's content: SHA-256 of the text the evidence offsets index into."""
    return hashlib.sha256(article.full_text.replace("\r\n", "\n").strip().encode("utf-8")).hexdigest()


def ingest(items: Iterable[Item], db: Engine | Session, *, extractor: Extractor | None = None) -> IngestSummary:
    """Store articles and what they say.

    `items` may mix `Article`s (read by `extractor`, by default
    `amity.nlp.extract`, unless already stored), `(Article, Record)` pairs,
    bare `Record`s (identified by their JSON) and `InputError`s.
    """
    engine = writer(db.get_bind() if isinstance(db, Session) else db)  # type: ignore[arg-type]
    summary = IngestSummary()
    waiting: deque[Article] = deque()

    def to_read() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                _keep_error(engine, item)
                summary.errors += 1
            elif isinstance(item, Record):
                summary.count(_store(engine, _article_of(item), item, _record_hash(item)))
            elif isinstance(item, tuple):
                article, record = item
                summary.count(_store(engine, article, record, content_hash(article)))
            elif _known(engine, content_hash(item)):
                summary.unchanged += 1
            else:
                waiting.append(item)
                yield item

    stream = to_read()
    first = next(stream, None)
    if first is None:  # nothing to read: do not even load the pipeline
        return summary
    for record in (extractor or _nlp_extract())(chain([first], stream)):
        article = waiting.popleft()
        summary.count(_store(engine, article, record, content_hash(article)))
    return summary


def _store(engine: Engine, article: Article, record: Record, digest: str) -> Outcome:
    """One article in one transaction: unchanged, new, or replacing its earlier version."""
    try:
        with Session(engine) as session, session.begin():
            merge.take_merge_lock(session)
            if session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == digest)) is not None:
                return "unchanged"
            previous = _previous_versions(session, article)
            touched = merge.forget(session, *previous) if previous else merge.Touched()
            row = ArticleRow(doc=article.doc, url=article.url, title=article.title,
                             published=record.published or article.published, content_hash=digest,
                             text=article.full_text, source=article.source, ingested_at=datetime.now(timezone.utc))
            session.add(row)
            session.flush()
            merge.write(session, row.id, record, touched)
            merge.tidy(session, touched)
            curation.apply_decisions(session, touched, row.id)
            return "replaced" if previous else "new"
    except IntegrityError:
        if _known(engine, digest):  # another ingest stored the same article meanwhile
            return "unchanged"
        raise


def _previous_versions(session: Session, article: Article) -> list[int]:
    """The stored articles this one replaces: same doc or same url (two, when each matches another one)."""
    same = []
    if article.doc and article.doc not in ANONYMOUS_DOCS:
        same.append(ArticleRow.doc == article.doc)
    if article.url:
        same.append(ArticleRow.url == article.url)
    if not same:
        return []
    return list(session.scalars(select(ArticleRow.id).where(or_(*same)).order_by(ArticleRow.id)))


def _known(engine: Engine, digest: str) -> bool:
    with Session(engine.execution_options(amity_write=False)) as session:
        return session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == digest)) is not None


def _keep_error(engine: Engine, error: InputError) -> None:
    """Record a bad input; the same failure again only moves its time."""
    with Session(engine) as session, session.begin():
        now = datetime.now(timezone.utc)
        same = session.scalars(select(IngestErrorRow).where(IngestErrorRow.source == error.source,
                                                            IngestErrorRow.reason == error.reason)).first()
        if same is not None:
            same.at = now
        else:
            session.add(IngestErrorRow(source=error.source, reason=error.reason, at=now))


def _article_of(record: Record) -> Article:
    return Article(doc=record.doc, text="", title=record.title, url=record.url, published=record.published)


def _record_hash(record: Record) -> str:
    return hashlib.sha256(json.dumps(record.to_dict(), sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _nlp_extract() -> Extractor:
    from amity.nlp import extract

    return extract
