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
