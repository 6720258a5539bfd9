"""Options several commands share, and the checks of their values (dates, choices)."""
from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

import typer

from amity.vocabulary import is_iso_date

DbOption = Annotated[str | None, typer.Option(
    "--db", show_default=False,
    help="Database: sqlite:///file.db, postgresql+psycopg://user@host/name, or a file path "
         "[default: $AMITY_DB or ./amity.db].")]


class TableFormat(str, Enum):
    table = "table"
    json = "json"


FormatOption = Annotated[TableFormat, typer.Option("--format", "-f", help="table or json.")]
IncludeRejected = Annotated[bool, typer.Option("--include-rejected",
                                               help="Also ties and events an analyst rejected (marked so).")]
InputsArgument = Annotated[list[str], typer.Argument(
    help="Files, folders, or - for stdin: text, HTML, JSON Lines, RSS/Atom.")]
MaxMbOption = Annotated[float, typer.Option("--max-mb", min=0.001, help="Skip inputs larger than this many MB.")]


def iso(value: str | None) -> str | None:
    """A year, month or day as the contract writes it (YYYY, YYYY-MM, YYYY-MM-DD)."""
    if value is not None and not is_iso_date(value):
        raise typer.BadParameter(f"{value!r} is not a year, YYYY-MM or YYYY-MM-DD of the calendar")
    return value


def iso_pair(value: tuple[str, str] | None) -> tuple[str, str] | None:
    if value is not None:
        for part in value:
            iso(part)
    return value


def day(value: str | None) -> str | None:
    """A calendar day (YYYY-MM-DD) that exists."""
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a day (YYYY-MM-DD)") from None
    return value
