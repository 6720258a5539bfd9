"""The `amity` Typer app, and what every command shares: one-line errors, the opened registry, table-or-JSON output.

Errors in single inputs are reported as one line on stderr and skipped; an
unexpected failure is also one line, never a traceback. A database that
cannot be used (wrong URL, unreachable server, read-only or locked file,
schema from a newer Amity) is one line on stderr and exit status 1.
"""
from __future__ import annotations

import gc
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from amity import __version__
from amity.cli.options import TableFormat

if TYPE_CHECKING:
    from sqlalchemy import Engine

app = typer.Typer(
    help="Amity turns news about international cooperation into a registry of partnerships.\n\n"
    "Example: amity extract examples/articles/\n\n"
    "Registry: amity ingest examples/articles/ ; amity ties --party Turkistan\n\n"
    "Web: amity serve --db amity.db",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


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


#: What a terminal would act on rather than show: C0 and C1 controls (escape sequences) and bidi overrides.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` safe to print: what a terminal would act on is shown as a \\x.. (or \\u....) escape.

    File names, doc ids and names come from the input: printed raw, an
    escape sequence in one could rewrite the screen or the window title.
    """
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _printable_values(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {k: _printable_values(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_printable_values(v) for v in value]
    return value


def fail(message: str) -> NoReturn:
    """One line on stderr, exit status 1."""
    err.print(f"amity: {printable(message)}", markup=False)
    raise typer.Exit(1)


@contextmanager
def open_registry(db: str | None, *, create: bool = False) -> Iterator[Engine]:
    """The opened registry; any database failure becomes one line on stderr and exit status 1."""
    from sqlalchemy.exc import SQLAlchemyError

    from amity.store import StoreError, describe, explain, open_database

    try:
        engine = open_database(db, create=create)
    except StoreError as exc:
        fail(str(exc))
    try:
        yield engine
    except (StoreError, SQLAlchemyError) as exc:
        fail(str(explain(exc, describe(engine))))
    finally:
        engine.dispose()


def show(value: Any, format: TableFormat, table: Callable[[Any, Console], None]) -> None:
    """`value` as indented JSON, or drawn by `table` for a person at a terminal."""
    if format is TableFormat.json:
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
        return
    table(_printable_values(value), out_console())


#: Redirected output is as wide as its lines: a file or a pipe gets every character, not 80 columns' worth.
UNLIMITED = 100_000

#: Columns whose values are never broken: dates, stages, counts (names wrap instead).
WHOLE = frozenset({"id", "date", "when", "status", "count", "published"})
#: Columns of dates that may share a cell with words ("signed 2021-12-21"): at least a date wide, so none is cut.
_DATED = frozenset({"stage", "last activity", "silent since"})
#: Headers that may take two lines, so that their column is no wider than its dates.
_HEADERS = {"last activity": "last\nactivity", "silent since": "silent\nsince"}


def out_console() -> Console:
    """The console tables go to: the terminal's width at a terminal, unlimited when output is redirected."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else UNLIMITED)


def rich_table(*columns: str, title: str | None = None) -> Table:
    """The look every registry table shares: no outer edge, its title on the left; dates and stages never broken."""
    table = Table(title=title, title_justify="left", show_edge=False)
    for name in columns:
        table.add_column(_HEADERS.get(name, name), no_wrap=name in WHOLE, overflow="fold",
                         min_width=10 if name in _DATED else None)
    return table


def fitted_table(columns: list[str], rows: list[list[Any]], title: str | None = None) -> Table:
    """A `rich_table` of these rows without the columns that are empty in every row, so that the rest fit 80
    columns: names wrap, dates and stages stay whole."""
    keep = [i for i, _ in enumerate(columns) if any(str(row[i]).strip() for row in rows)]
    table = rich_table(*(columns[i] for i in keep), title=title)
    for row in rows:
        table.add_row(*(row[i] for i in keep))
    return table


def run() -> None:
    """Entry point that turns Ctrl-C into a quiet exit, and exits without a last walk over the heap.

    The interpreter's final collection walks every object the command made to
    free memory the system takes back anyway: ~0.15 s of `amity stats`'
    0.6 s. Frozen (`gc.freeze`), the heap is left out of it.
    """
    try:
        app()
    except KeyboardInterrupt:
        err.print("amity: interrupted", markup=False)
        sys.exit(130)
    finally:
        gc.freeze()
