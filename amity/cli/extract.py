"""`amity extract`: articles in, records out (JSON for programs, a Rich summary for people)."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.text import Text

from amity.cli.app import app, err, rich_table
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
from amity.cli.options import InputsArgument, MaxMbOption
from amity.cli.progress import RunProgress, estimated_articles
from amity.model import Article, Record

if TYPE_CHECKING:
    from amity.nlp.dask_extract import Extracted


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


@app.command()
def extract(
    inputs: InputsArgument,
    format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="text (a summary), json or jsonl (contract records).")] = OutputFormat.text,
    cluster: ClusterOption = None,
    workers: WorkersOption = 1,
    partition: PartitionOption = DEFAULT_PARTITION,
    stage: StageOption = None,
    max_mb: MaxMbOption = 10.0,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input could not be read.")] = False,
    progress: ProgressOption = None,
) -> None:
    """Read articles and print what they say: people, organisations, places, events and ties.

    Examples:

      amity extract article.txt

      amity extract corpus.jsonl --format jsonl > records.jsonl

      amity extract big.jsonl --format jsonl --cluster local:2 > records.jsonl

      amity extract big.jsonl --cluster local:2 --stage shards/ && amity ingest shards/ --records

      cat article.txt | amity extract - --format json
    """
    from amity.ingest import read_sources
    from amity.nlp import extract as run_extract
    from amity.nlp.limits import readable

    counter = InputCounter()
    show = err.is_terminal and format is not OutputFormat.text if progress is None else progress
    max_bytes = int(max_mb * 1_000_000)
    with extractor_for(cluster, workers, partition, stage) as extractor, \
            RunProgress(err, enabled=show, total=estimated_articles(inputs) if show else None,
                        stages=("read", "extracted")) as bar:
        records: Iterator[Record | None]
        if extractor is None:
            articles = bar.counted("read", counter.articles_of(readable(read_sources(inputs, max_bytes=max_bytes))))
            records = bar.counted("extracted", run_extract(_noticed(articles)))
        else:  # the workers read the files they can see, and say what they read
            read = bar.counted("read", counter.articles_of(extractor.read_and_extract(inputs, max_bytes)))
            records = bar.counted("extracted", _told(read))
        try:
            if stage is not None:
                staged = sum(1 for _ in records)
                err.print(f"amity: {staged} records in shards in {stage}", markup=False)
            else:
                _print(records, format)
        except BrokenPipeError:  # `amity extract ... | head`
            sys.stderr.close()
            raise typer.Exit(0) from None
        except Exception as exc:  # noqa: BLE001 - the user gets one line, not a traceback
            err.print(f"amity: extraction failed: {type(exc).__name__}: {exc}", markup=False)
            raise typer.Exit(1) from None
    if counter.articles == 0:
        err.print("amity: no article could be read", markup=False)
        raise typer.Exit(1)
    if strict and counter.errors:
        raise typer.Exit(1)


def _noticed(articles: Iterable[Article]) -> Iterator[Article]:
    """The articles, each that is surely not English announced on stderr (Amity reads English only)."""
    from amity.language import not_english_notice

    for article in articles:
        if notice := not_english_notice(article.text):
            err.print(f"amity: {article.doc}: {notice}", markup=False)
        yield article


def _told(extracted: Iterable[Extracted]) -> Iterator[Record | None]:
    """The records the workers made (None: written to a shard), each article that is surely not English
    announced on stderr, as `_noticed` does."""
    from amity.language import not_english_notice

    for item in extracted:
        if notice := not_english_notice(item.language_sample):
            err.print(f"amity: {item.article.doc}: {notice}", markup=False)
        yield item.record


def _print(records: Iterator[Record | None], format: OutputFormat) -> None:
    made = (r for r in records if r is not None)  # None: staged
    if format is OutputFormat.jsonl:
        for record in made:
            sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        return
    if format is OutputFormat.json:
        out = [r.to_dict() for r in made]
        if out:
            payload = out[0] if len(out) == 1 else out
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console(highlight=False)
    for record in made:
        print_summary(record, console)


def print_summary(record: Record, console: Console) -> None:
    """A readable summary of one Record for a person at a terminal."""
    heading = Text(record.title or record.doc, style="bold")
    if record.published:
        heading.append(f"  ({record.published})", style="dim")
    console.rule(heading)
    if record.entities:
        table = rich_table("type", "name", "also", "offices / country", title="Who and where")
        for e in record.entities:
            detail = "; ".join(f"{r.title}" + (f" of {r.of}" if r.of else "") for r in e.roles)
            if e.type == "place":
                detail = e.country or ""
            table.add_row(e.type, Text(e.name), Text(", ".join(e.aliases)), Text(detail))
        console.print(table)
    if record.events:
        table = rich_table("event", "status", "date", "participants", "place", title="What happened")
        for ev in record.events:
            kind = ev.type + (f" ({ev.agreement})" if ev.type == "signing" and ev.agreement else "")
            table.add_row(kind, ev.status, ev.date or "", Text(", ".join(ev.participants)), Text(ev.place or ""))
        console.print(table)
    if record.ties:
        table = rich_table("tie", "parties", "stage", "date", title="Partnerships")
        for t in record.ties:
            table.add_row(t.kind.replace("_", " "), Text(" – ".join(t.parties)), t.status, t.date or "")
        console.print(table)
    if not (record.entities or record.events or record.ties):
        console.print("[dim]nothing found[/dim]")
