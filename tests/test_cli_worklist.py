"""The work-list questions on the command line: which planned visits are overdue or upcoming.

The registry is written by hand (the articles of tests/test_web_worklist.py),
so these tests check the commands, not the extractor.
"""
from __future__ import annotations

import json
from pathlib import Path

from test_web_worklist import AGENDA
from typer.testing import CliRunner
from web_registry import COOPERATION, PLANNED, SIGNED

from amity.cli import app
from amity.registry import ingest
from amity.store import open_database


def _registry(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'amity.db'}"
    engine = open_database(url)
    try:
        ingest([PLANNED.pair, SIGNED.pair, COOPERATION.pair, AGENDA.pair], engine)
    finally:
        engine.dispose()
    return url


def _dates(*args: str) -> list[str]:
    result = CliRunner().invoke(app, ["events", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return [e["date"] for e in json.loads(result.stdout)]


def test_events_status_planned_overdue_lists_visits_whose_day_passed_unreported(tmp_path: Path) -> None:
    db = _registry(tmp_path)
    assert _dates("--status", "planned", "--db", db) == ["2022-05", "2099-06-01"]
    assert _dates("--status", "planned", "--overdue", "--db", db) == ["2022-05"]
    assert _dates("--upcoming", "--db", db) == ["2099-06-01"]
    assert _dates("--overdue", "--as-of", "2022-05-15", "--db", db) == [], "May 2022 has not ended on the 15th"
    assert _dates("--status", "occurred", "--type", "visit", "--db", db) == ["2021-11-12", "2022-03-10"]


def test_overdue_and_upcoming_together_or_with_occurred_is_a_one_line_error(tmp_path: Path) -> None:
    db = _registry(tmp_path)
    for args in (["--overdue", "--upcoming"], ["--status", "occurred", "--overdue"]):
        result = CliRunner().invoke(app, ["events", *args, "--db", db])
        assert result.exit_code == 1 and "Traceback" not in result.output, args


LONG = {"id": 7, "kind": "cooperation", "status": "ratified", "date": "2021-12-21", "last_activity": "2022-03-10",
        "silent_since": "2022-03-10", "sources": 12, "curation": None,
        "parties": ["Ministry of Agriculture and Rural Development of the Kyrgyz Republic",
                    "Ministry of Food, Agriculture and Livestock of the Republic of Türkiye"]}


def test_a_ties_table_fits_80_columns_without_cutting_a_date_or_a_stage() -> None:
    from io import StringIO

    from rich.console import Console

    from amity.cli.reads import print_ties

    screen = StringIO()
    print_ties([LONG, {**LONG, "id": 8, "last_activity": None}], Console(file=screen, width=80))
    lines = screen.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "…" not in screen.getvalue()
    cells = " ".join(screen.getvalue().split())
    for whole in ("ratified", "2021-12-21", "2022-03-10", "silent since"):
        assert whole in cells, whole
    assert "curation" not in lines[0] + lines[1], "a column empty for every tie is left out"


def test_redirected_ties_are_not_cut_to_80_columns(tmp_path: Path) -> None:
    db = _registry(tmp_path)
    result = CliRunner().invoke(app, ["ties", "--db", db])
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if "Turkistan" in line)
    assert "Turkistan – Üsküdar" in row and "signed 2021-12-21 · silent since" in row
