"""Storing what many articles say: articles merged in batches, each keyed by its content.

The same article again (same text, whatever it is called) changes nothing
and is not even read by the NLP pipeline again. A corrected version (same
`doc` or same `url`, different text) replaces the earlier one's facts. An
input that could not be read is kept in `ingest_errors` and skipped. A run
that is killed half-way leaves every article it finished stored once and
the rest untouched, so running it again completes it. Articles are merged
in batches, many per transaction (SQLite commits, PostgreSQL round trips
and fsyncs are what one transaction per article spends its time on), each
article through the same `merge` steps in the same order as one at a time,
so the registry ends up the same. What makes a batch cheaper than its
articles one by one (see `_Merging`): the names, entities and places of
all its records are read in a few queries at its start and stay known
from article to article (and batch to batch), with the offices and ties found; the events
each entity took part in are read once and kept up to date
(`event_rules.Occurrences`), from one transaction to the next while no
other writer changed the registry; the rows articles only add (mentions,
names, offices, new events and their reports, participants, stages) go
in one multi-row INSERT (PostgreSQL: COPY) per table, events and reports
with ids counted on from the table's largest (`amity.store.pending`);
and the ties its articles touched are re-summarised once, at its end,
reading their stages, parties and relatives in a few queries for all. A batch is what is ready, up to
`BATCH_ARTICLES` or `BATCH_WAIT_S` after its first article; the first
batches are small (1, 2, 4, ... articles), so the first articles of a run
are stored as soon as they are read, and a slow reader's too. A batch that
meets another writer's work (a duplicate key, a deadlock) is merged again
one article per transaction. Analysts' decisions
(`amity.registry.curation`) are applied again to what each article wrote,
so that they survive its replacement.
"""
from __future__ import annotations

import gc
import hashlib
import json
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from typing import Literal

from sqlalchemy import Engine, or_, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from amity.model import Article, InputError, Record
from amity.registry import curation, event_rules, merge, tie_rules
from amity.registry.entities import Known
from amity.store import pending, writer
from amity.store.schema import ANONYMOUS_DOCS, ArticleRow, DecisionRow, EntityRow, IngestErrorRow
from amity.vocabulary.names import name_key

Item = Article | InputError | Record | tuple[Article, Record]
Extractor = Callable[[Iterable[Article]], Iterable[Record]]
Outcome = Literal["new", "unchanged", "replaced"]

#: Most articles merged in one transaction, and how long a batch waits for more to be ready. Batches of 1,000
#: were tried: no faster at 100k articles on either database (docs/SCALING.md), while a batch holds SQLite's
#: write lock for its whole length and is merged again article by article after a PostgreSQL conflict.
BATCH_ARTICLES = 200
BATCH_WAIT_S = 1.0

#: PostgreSQL's "deadlock detected" and "could not serialize": the batch is merged again article by article.
_ONE_BY_ONE_AGAIN = frozenset({"40P01", "40001"})



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
    """The identity of an article's content (`Article.content_hash`: one definition for registry and workers)."""
    return article.content_hash


def ingest(items: Iterable[Item], db: Engine | Session, *, extractor: Extractor | None = None,
           batch_articles: int = BATCH_ARTICLES, on_merged: Callable[[int], None] | None = None) -> IngestSummary:
    """Store articles and what they say.

    `items` may mix `Article`s (read by `extractor`, by default
    `amity.nlp.extract`, unless already stored), `(Article, Record)` pairs,
    bare `Record`s (identified by their JSON) and `InputError`s. At most
    `batch_articles` articles are merged per transaction (1: one each);
    `on_merged(n)` hears of each batch once it is committed, and of each
    article found stored already before it was read.
    """
    engine = writer(db.get_bind() if isinstance(db, Session) else db)  # type: ignore[arg-type]
    summary = IngestSummary()
    batch = _Batch(engine, summary, batch_articles, on_merged)
    waiting: deque[Article] = deque()

    def to_read() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                _keep_error(engine, item)
                summary.errors += 1
            elif isinstance(item, Record):
                batch.add(_article_of(item), item, _record_hash(item))
            elif isinstance(item, tuple):
                article, record = item
                batch.add(article, record, content_hash(article))
            elif _known(engine, content_hash(item)):
                summary.unchanged += 1
                if on_merged is not None:
                    on_merged(1)
            else:
                waiting.append(item)
                yield item

    stream = to_read()
    first = next(stream, None)
    if first is not None:  # else nothing to read: do not even load the pipeline
        for record in (extractor or _nlp_extract())(chain([first], stream)):
            article = waiting.popleft()
            batch.add(article, record, content_hash(article))
    batch.commit()
    return summary


class _Batch:
    """Articles ready to merge, committed together once there are enough or the first has waited long enough.

    A transaction is open only inside `commit`, never while the input is
    read, so a bad input's own transaction never waits for a batch's.
    """

    def __init__(self, engine: Engine, summary: IngestSummary, most: int,
                 on_merged: Callable[[int], None] | None) -> None:
        self._engine, self._summary, self._on_merged = engine, summary, on_merged
        self._limit, self._most = max(1, most), 1  # doubles after each batch up to the limit
        self._ready: list[tuple[Article, Record, str]] = []
        self._since = 0.0
        self._carried = _Carried()

    def add(self, article: Article, record: Record, digest: str) -> None:
        if not self._ready:
            self._since = time.monotonic()
        self._ready.append((article, record, digest))
        if len(self._ready) >= self._most or time.monotonic() - self._since >= BATCH_WAIT_S:
            self.commit()

    def commit(self) -> None:
        if not self._ready:
            return
        ready, self._ready = self._ready, []
        self._most = min(self._limit, self._most * 2)
        with _without_cycle_collection():
            outcomes = _store_batch(self._engine, ready, self._carried)
        for outcome in outcomes:
            self._summary.count(outcome)
        if self._on_merged is not None:
            self._on_merged(len(ready))


@dataclass
class _Read:
    """What a transaction knows of the registry's events, of its ties' stages, and of its names and entities."""

    seen: event_rules.Occurrences = field(default_factory=event_rules.Occurrences)
    stages: tie_rules.Stages = field(default_factory=lambda: tie_rules.Stages(from_rows=True))
    known: Known | None = None

    def full(self) -> bool:
        return self.seen.full() or self.stages.full() or (self.known is not None and self.known.full())


@dataclass
class _Carried:
    """What one transaction read of the registry's events, ties' stages, names and entities, for the next one of
    the same ingest.

    It is kept only while the registry is as the last transaction left it
    (`_registry_mark`): no other writer stored an article or a decision since.
    """

    read: _Read | None = None
    mark: tuple[object, ...] | None = None

    def take(self, session: Session) -> _Read:
        """What the previous transaction read, if still true (else nothing); under the merge lock."""
        read, self.read = self.read, None
        if read is not None and not read.full() and _registry_mark(session) == self.mark:
            return read
        return _Read()

    def keep(self, merging: _Merging) -> None:
        """Carry what this transaction read to the next; call once it is about to commit."""
        merging.seen.committed()
        self.read = _Read(merging.seen, merging.stages, None if merging.curated else merging.known)
        self.mark = _registry_mark(merging.session)


def _registry_mark(session: Session) -> tuple[object, ...]:
    """What changes whenever a writer stores an article or a decision: the last article (its id and content,
    as SQLite may give a deleted last id again), the last decision, and the last entity (an analyst's merge
    taken back leaves the last decision as it was, but splits the merged names off into a new entity)."""
    last = session.execute(select(ArticleRow.id, ArticleRow.content_hash).order_by(ArticleRow.id.desc()).limit(1)).first()
    return (tuple(last or ()), session.scalar(select(DecisionRow.id).order_by(DecisionRow.id.desc()).limit(1)),
            session.scalar(select(EntityRow.id).order_by(EntityRow.id.desc()).limit(1)))


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cyclic garbage collector paused (if it runs) for the length of a batch's merge.

    A batch allocates hundreds of thousands of container objects that live
    until its end (rows of candidate events, ORM objects, what `_Read`
    keeps), so the collector ran its young generations hundreds of times a
    batch and, as those objects piled up, full collections over everything
    the run keeps: 15% of the CPU of a merge at 100k articles (1,000
    records: 0.9 of 6 s). Reference counting still frees what a batch drops;
    the cycles it leaves are collected once it is done, when the collector
    runs again.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _store_batch(engine: Engine, ready: list[tuple[Article, Record, str]], carried: _Carried) -> list[Outcome]:
    """Many articles in one transaction; again one per transaction if that one meets another writer's work."""
    if len(ready) == 1:
        return [_store(engine, *ready[0], carried)]
    try:
        with Session(engine) as session, session.begin():
            merge.take_merge_lock(session)
            merging = _Merging(session, ready, carried.take(session))
            outcomes = [_merge(merging, *item) for item in ready]
            merging.settle()
            carried.keep(merging)
            return outcomes
    except DBAPIError as exc:
        carried.read = None
        if not isinstance(exc, IntegrityError) and _sqlstate(exc) not in _ONE_BY_ONE_AGAIN:
            raise
    return [_store(engine, *item, carried) for item in ready]


def _sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


def _store(engine: Engine, article: Article, record: Record, digest: str, carried: _Carried | None = None) -> Outcome:
    """One article in one transaction: unchanged, new, or replacing its earlier version."""
    carried = carried or _Carried()
    try:
        with Session(engine) as session, session.begin():
            merge.take_merge_lock(session)
            merging = _Merging(session, [(article, record, digest)], carried.take(session))
            outcome = _merge(merging, article, record, digest)
            merging.settle()
            carried.keep(merging)
            return outcome
    except IntegrityError:
        carried.read = None
        if _known(engine, digest):  # another ingest stored the same article meanwhile
            return "unchanged"
        raise


class _Merging:
    """One merge transaction: its session, and what its articles asked the registry about their names.

    The names of all its records are looked up in one query at the start.
    What was read stays known from article to article while articles only
    add to the registry; after an article that deleted (a replaced
    version) or may have reshaped entities (analysts' decisions exist) the
    session is emptied, so that the next article reads what the database
    holds, as it would in a transaction of its own. The ties that new
    articles touched are re-summarised together once (`settle`), at the
    end or before an article that deletes or meets decisions: a tie's
    summary is what its stages and its parties' events say, so the last
    re-summary gives what one after each article would have ended with.
    """

    def __init__(self, session: Session, ready: list[tuple[Article, Record, str]], read: _Read | None = None) -> None:
        self.session = session
        self.curated = session.scalar(select(DecisionRow.id).limit(1)) is not None
        read = read or _Read()
        # names asked by the transaction before, while only merges wrote since (as events and stages)
        self.known = read.known if read.known is not None and not self.curated else Known(allocate=not self.curated)
        self.seen = read.seen  # the events entities took part in, as far as read
        self.stages = read.stages  # what ties' stages add up to, as far as read (without decisions)
        self.later = merge.Touched()  # ties and gatherings waiting for `settle`
        self._ready = ready
        self._records = [record for _, record, _ in ready]
        self.begun = 0  # articles of the batch whose merge began
        if not self.curated:
            self.known.prepare(session, self._records)
            self.seen.prefetch(session, _events_named(self.known, self._records))
        # Contents, docs and urls stored before the batch or by it: an article with none of them is neither
        # stored already nor replacing one, and costs no query to say so.
        self._stored: set[str] = set()
        digests, docs, urls = ({d for _, _, d in ready}, {a.doc for a, _, _ in ready if a.doc},
                               {a.url for a, _, _ in ready if a.url})
        self._stored |= set(session.scalars(select(ArticleRow.content_hash).where(ArticleRow.content_hash.in_(digests))))
        self._stored |= {f"doc:{d}" for d in session.scalars(select(ArticleRow.doc).where(ArticleRow.doc.in_(docs)))}
        self._stored |= {f"url:{u}" for u in session.scalars(select(ArticleRow.url).where(ArticleRow.url.in_(urls)))}

    def may_be_stored(self, digest: str) -> bool:
        return digest in self._stored

    def may_replace(self, article: Article) -> bool:
        return f"doc:{article.doc}" in self._stored or (bool(article.url) and f"url:{article.url}" in self._stored)

    def stored(self, article: Article, digest: str) -> None:
        self._stored |= {digest, f"doc:{article.doc}"} | ({f"url:{article.url}"} if article.url else set())

    def settle(self) -> None:
        """Re-summarise the ties that the articles merged so far touched."""
        if self.later.ties or self.later.gatherings or self.later.reported or self.later.regrouped:
            if self.curated:
                merge.tidy(self.session, self.later)
            else:  # plain articles: `seen` and `stages` hold
                merge.tidy(self.session, self.later, self.seen, self.stages)
            self.later = merge.Touched()

    def forget_read(self, *, ask_again: bool = True) -> None:
        self.session.expunge_all()
        pending.recount(self.session)  # the ids of the rows deleted (entities, ties, events left unsaid) given again
        self.known = Known(allocate=not self.curated)
        if self.curated:  # decisions may have moved any event (merged entities, rejected events) or stage
            self.seen, self.stages = event_rules.Occurrences(), tie_rules.Stages()
        if ask_again and not self.curated:  # the next articles' names asked again, from what the database now holds
            # up to the next that may replace one (asking all after each of a batch of corrections is quadratic)
            end = self.begun
            while end < len(self._ready) and not self.may_replace(self._ready[end][0]):
                end += 1
            self.known.prepare(self.session, self._records[self.begun:end])


def _merge(merging: _Merging, article: Article, record: Record, digest: str) -> Outcome:
    """One article's merge inside the caller's transaction."""
    session = merging.session
    merging.begun += 1
    if merging.may_be_stored(digest) and \
            session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == digest)) is not None:
        return "unchanged"
    previous = _previous_versions(session, article) if merging.may_replace(article) else []
    merging.stored(article, digest)
    plain = not previous and not merging.curated  # adds to the registry and nothing more
    if not plain:
        merging.settle()
    if previous:
        merging.forget_read(ask_again=False)  # this article reads as in a transaction of its own
    try:
        touched = merge.forget(session, *previous) if previous else merge.Touched()
        _unsee(merging, touched)  # the events of the deleted reports, and their participants, read again
        if previous:
            pending.recount(session)
        # kept with the rows the merge only adds (no statement, no ORM object): written before anything reads it
        article_id = pending.new_id(session, ArticleRow)
        published = record.published or article.published
        pending.add(session, ArticleRow, id=article_id, doc=article.doc, url=article.url, title=article.title,
                    published=published, content_hash=digest, text=article.full_text,
                    source=article.source, ingested_at=datetime.now(UTC))
        merge.write(session, article_id, record, touched, merging.known, merging.seen, (published, article.doc))
        if plain:
            merging.later.add(touched)
        else:
            merge.tidy(session, touched)
            _unsee(merging, touched)  # re-summarised (re-dated, deleted) since
            curation.apply_decisions(session, touched, article_id)
        session.flush()
        return "replaced" if previous else "new"
    finally:
        if previous or merging.curated:
            merging.forget_read()


def _events_named(known: Known, records: list[Record]) -> Iterator[tuple[set[int], str, str | None]]:
    """Each event of these records as (the entities its participants' names are known for, type, date): what
    its report will ask about the registry's events, as far as the names tell before the merge resolves them."""
    for record in records:
        for event in record.events:
            named = set().union(*(known.having.get(name_key(name), set()) for name in event.participants))
            if named:
                yield named, event.type, event.date


def _unsee(merging: _Merging, touched: merge.Touched) -> None:
    merging.seen.forget(touched.entities.union(*touched.gatherings), touched.events)
    merging.stages.forget(touched.ties)


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
        now = datetime.now(UTC)
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
