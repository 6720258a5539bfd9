"""`amity ingest`: articles (or records extracted before) in, the registry written in batches."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

from amity.cli.app import app, err, fail, open_registry
from amity.cli.extraction import (
    DEFAULT_PARTITION,
    ClusterOption,
    PartitionOption,
    ProgressOption,
    StageOption,
    WorkersOption,
    extractor_for,
)
from amity.cli.inputs import InputCounter
from amity.cli.options import DbOption, InputsArgument, MaxMbOption
from amity.cli.progress import RunProgress, estimated_articles
from amity.model import Article, InputError, Record

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from amity.cli.shards import MergedShards
    from amity.nlp.dask_extract import Extracted

#: Content hashes asked about in one query (SQLite takes at most 32,766 parameters).
_HASHES_PER_QUERY = 1000


@app.command()
def ingest(
    inputs: InputsArgument,
    db: DbOption = None,
    records: Annotated[bool, typer.Option(
        "--records", help="The inputs are records from `amity extract --format jsonl`: merge them, no NLP.")] = False,
    cluster: ClusterOption = None,
    workers: WorkersOption = 1,
    partition: PartitionOption = DEFAULT_PARTITION,
    stage: StageOption = None,
    max_mb: MaxMbOption = 10.0,
    progress: ProgressOption = None,
) -> None:
    """Read articles and remember what they say in the registry, many articles per transaction.

    An article already stored is skipped; a corrected version (same doc or
    URL, new text) replaces the old one's facts. A run that was stopped is
    completed by running it again. Prints: N new, N unchanged, N replaced,
    N errors.

    Examples:

      amity ingest examples/articles/

      amity ingest corpus/ --db postgresql+psycopg://amity@localhost/amity --cluster local:4

      amity ingest corpus.jsonl --cluster tcp://scheduler:8786 --db postgresql+psycopg://amity@dbhost/amity

      amity ingest records.jsonl --records

      amity ingest corpus/ --cluster local:2 --stage shards/     (then again: amity ingest shards/ --records)

    A folder of record shards (`--stage`) is merged shard by shard; a shard
    whose records were all merged into this registry before is skipped. The
    shards a --stage run writes are kept, each marked (part-….jsonl.merged)
    once its records are in this registry; a rerun does not write them again.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from amity.cli.shards import MergedShards
    from amity.registry import ingest as store
    from amity.store import StoreError, describe

    if records and (cluster is not None or workers > 1 or stage is not None):
        fail("--records merges records already extracted: no --cluster, --workers or --stage needed")
    counter = InputCounter()
    show = err.is_terminal if progress is None else progress
    with open_registry(db, create=True) as engine, extractor_for(cluster, workers, partition, stage) as extractor, \
            RunProgress(err, enabled=show, total=estimated_articles(inputs) if show else None,
                        stages=("read", "merged") if records else ("read", "extracted", "merged")) as bar:
        def extracted(articles: Iterable[Article]) -> Iterator[Record]:
            from amity.nlp import extract

            return bar.counted("extracted", extract(articles))

        shards = MergedShards(describe(engine))
        found_stored = _FoundStored(bar, shards)
        items: Iterator[Any]
        if extractor is None:
            items = bar.counted("read", counter.reported(_inputs(inputs, records, max_mb, shards)))
        else:  # the workers read the inputs, extract them and skip the articles stored already
            read = extractor.read_and_extract(inputs, int(max_mb * 1_000_000), stored_of=_stored_of(engine))
            items = found_stored.passed(bar.counted("read", counter.reported(read)))

        def merged(count: int) -> None:
            bar.advance("merged", count)
            shards.merged(count)

        try:
            summary = store(items, engine, extractor=extracted, on_merged=merged)
            summary.unchanged += found_stored.count
            shards.finish()
        except (StoreError, SQLAlchemyError):
            raise
        except Exception as exc:  # noqa: BLE001 - the user gets one line, not a traceback
            fail(f"extraction failed: {type(exc).__name__}: {exc}")
    typer.echo(str(summary))
    if shards.skipped:
        err.print(f"amity: {shards.skipped} record shards merged into this registry before: skipped", markup=False)
    if counter.articles == 0 and not shards.skipped:
        fail("no record could be read" if records else "no article could be read")


def _inputs(inputs: list[str], records: bool, max_mb: float, shards: MergedShards) -> Iterator:  # type: ignore[type-arg]
    """The articles (or records, but those of shards merged before) the inputs hold, bad inputs among them as
    `InputError`s."""
    if records:
        return shards.records(inputs, int(max_mb * 1_000_000))
    from amity.ingest import read_sources
    from amity.nlp.limits import readable

    return readable(read_sources(inputs, max_bytes=int(max_mb * 1_000_000)))


class _FoundStored:
    """The articles cluster workers read and found stored already (not extracted: unchanged, merged as they pass),
    counted; the others passed on as (article, record) pairs, with bad inputs; `shards` hears which stage shard
    each article's record is in, to mark the shards merged."""

    def __init__(self, bar: RunProgress, shards: MergedShards) -> None:
        self.count = 0
        self._bar, self._shards = bar, shards

    def passed(self, outcomes: Iterable[Extracted | InputError]) -> Iterator[tuple[Article, Record] | InputError]:
        for item in outcomes:
            if isinstance(item, InputError):
                yield item
                continue
            self._shards.staged(item.shard)
            if item.stored or item.record is None:
                self.count += 1
                self._bar.advance("merged")
            else:
                self._bar.advance("extracted")
                self._shards.handed()
                yield item.article, item.record
        self._shards.staged(None)


def _stored_of(engine: Engine) -> Callable[[list[str]], set[str]]:
    """Which of some content hashes the registry's articles have (asked once per partition, before extracting)."""
    from sqlalchemy import select

    from amity.store.schema import ArticleRow

    def stored(digests: list[str]) -> set[str]:
        found: set[str] = set()
        with engine.connect() as connection:
            for start in range(0, len(digests), _HASHES_PER_QUERY):
                asked = digests[start:start + _HASHES_PER_QUERY]
                found.update(connection.scalars(select(ArticleRow.content_hash)
                                                .where(ArticleRow.content_hash.in_(asked))))
        return found

    return stored
