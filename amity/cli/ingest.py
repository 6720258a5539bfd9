"""`amity ingest`: articles in, the registry written (one transaction per article)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated

import typer

from amity.cli.app import app, fail, open_registry
from amity.cli.inputs import InputCounter
from amity.cli.options import DbOption, InputsArgument, MaxMbOption
from amity.model import Article, Record


@app.command()
def ingest(
    inputs: InputsArgument,
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes that read articles while the registry is written.")] = 1,
    max_mb: MaxMbOption = 10.0,
) -> None:
    """Read articles and remember what they say in the registry, one transaction per article.

    An article already stored is skipped; a corrected version (same doc or
    URL, new text) replaces the old one's facts. Prints: N new, N unchanged,
    N replaced, N errors.

    Examples:

      amity ingest examples/articles/

      amity ingest corpus.jsonl --db postgresql+psycopg://amity@localhost/amity --workers 2
    """
    from sqlalchemy.exc import SQLAlchemyError

    from amity.ingest import read_sources
    from amity.nlp.parallel import extract_parallel
    from amity.nlp.limits import readable
    from amity.registry import ingest as store
    from amity.store import StoreError

    def extractor(articles: Iterable[Article]) -> Iterator[Record]:
        # reading runs in its own process(es), so the registry is written while the next articles are read
        return extract_parallel(articles, workers)

    counter = InputCounter()
    items = counter.reported(readable(read_sources(inputs, max_bytes=int(max_mb * 1_000_000))))
    with open_registry(db, create=True) as engine:
        try:
            summary = store(items, engine, extractor=extractor)
        except (StoreError, SQLAlchemyError):
            raise
        except Exception as exc:  # noqa: BLE001 - the user gets one line, not a traceback
            fail(f"extraction failed: {type(exc).__name__}: {exc}")
    typer.echo(str(summary))
    if counter.articles == 0:
        fail("no article could be read")
