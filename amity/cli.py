"""The `amity` command: a thin layer over `amity.ingest` and `amity.nlp`.

Errors in single inputs are reported as one line on stderr and skipped; an
unexpected failure is also one line, never a traceback.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console

from amity import __version__
from amity.model import Article, InputError, Record

app = typer.Typer(
    help="Amity turns news about international cooperation into a registry of partnerships.\n\n"
    "Example: amity extract examples/articles/",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_err = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"amity {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Amity reads articles about sister cities, visits, signings and ratifications.

    Example: amity extract article.txt --format json
    """


class _Counter:
    """Counts what the input stream gave, reporting each bad input as it passes."""

    def __init__(self) -> None:
        self.articles = 0
        self.errors = 0

    def articles_of(self, items: Iterator[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                self.errors += 1
                _err.print(f"amity: skipped {item}", markup=False)
                continue
            self.articles += 1
            yield item


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin: text, HTML, JSON Lines, RSS/Atom.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text (a summary), json or jsonl (contract records).")] = OutputFormat.text,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes to use.")] = 1,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001, help="Skip inputs larger than this many MB.")] = 10.0,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input could not be read.")] = False,
) -> None:
    """Read articles and print what they say: people, organisations, places, events and ties.

    Examples:

      amity extract article.txt

      amity extract corpus.jsonl --format jsonl > records.jsonl

      cat article.txt | amity extract - --format json
    """
    from amity.ingest import read_sources
    from amity.nlp import extract as run_extract
    from amity.nlp.parallel import extract_parallel

    counter = _Counter()
    articles = counter.articles_of(read_sources(inputs, max_bytes=int(max_mb * 1_000_000)))
    records = extract_parallel(articles, workers) if workers > 1 else run_extract(articles)
    try:
        _print(records, format)
    except BrokenPipeError:  # `amity extract ... | head`
        sys.stderr.close()
        raise typer.Exit(0)
    except Exception as exc:  # noqa: BLE001 - the user gets one line, not a traceback
        _err.print(f"amity: extraction failed: {type(exc).__name__}: {exc}", markup=False)
        raise typer.Exit(1)
    if counter.articles == 0:
        _err.print("amity: no article could be read", markup=False)
        raise typer.Exit(1)
    if strict and counter.errors:
        raise typer.Exit(1)


def _print(records: Iterator[Record], format: OutputFormat) -> None:
    if format is OutputFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        return
    if format is OutputFormat.json:
        out = [r.to_dict() for r in records]
        if out:
            payload = out[0] if len(out) == 1 else out
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    from amity.summary import print_summary

    console = Console(highlight=False)
    for record in records:
        print_summary(record, console)


def run() -> None:
    """Entry point that turns Ctrl-C into a quiet exit."""
    try:
        app()
    except KeyboardInterrupt:
        _err.print("amity: interrupted", markup=False)
        sys.exit(130)
