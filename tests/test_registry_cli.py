"""`amity ingest`, `ties`, `entity`, `events`, `timeline` and `stats` as a user meets them.

Articles are small stories written for these tests and read by the real
pipeline (loaded once per process); what exactly the extractor finds in
them is the NLP tests' business, so these tests check what the registry
commands do with it. Database failures are one line on stderr and exit 1.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from amity.cli import app

PLANNED = (
    "Gdańsk and Bergen to sign a sister city protocol\n"
    "\n"
    "GDAŃSK, 4 September 2023 — The Mayor of Gdańsk, Ewa Lindqvist, said on Monday that Gdańsk and Bergen "
    "will sign a sister city protocol in October 2023.\n"
)
SIGNED = (
    "Gdańsk and Bergen become sister cities\n"
    "\n"
    "BERGEN, 13 October 2023 — The Mayor of Gdańsk, Ewa Lindqvist, and the Mayor of Bergen, Knut Aasen, "
    "signed a sister city protocol between Gdańsk and Bergen on 12 October 2023.\n"
)


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


runner = _runner()


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def one_error_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert result.exit_code == 1
    assert result.stdout == ""
    return lines[0]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "planned.txt").write_text(PLANNED, encoding="utf-8")
    (folder / "signed.txt").write_text(SIGNED, encoding="utf-8")
    return folder


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'amity.db'}"


def test_ingest_stores_articles_once_and_replaces_a_corrected_one(articles: Path, database: str):
    first = invoke("ingest", str(articles), "--db", database)
    again = invoke("ingest", str(articles), "--db", database)
    (articles / "signed.txt").write_text(SIGNED.replace("12 October", "11 October"), encoding="utf-8")
    corrected = invoke("ingest", str(articles), "--db", database)

    assert (first.exit_code, first.stdout) == (0, "2 new, 0 unchanged, 0 replaced, 0 errors\n")
    assert again.stdout == "0 new, 2 unchanged, 0 replaced, 0 errors\n"
    assert corrected.stdout == "0 new, 1 unchanged, 1 replaced, 0 errors\n"
    counts = json.loads(invoke("stats", "--db", database, "--format", "json").stdout)
    assert counts["articles"] == 2


def test_ingest_reports_and_keeps_bad_inputs(articles: Path, database: str):
    (articles / "broken.txt").write_bytes(b"\x00\x01\x02 binary")

    result = invoke("ingest", str(articles), "--db", database)

    assert result.exit_code == 0
    assert result.stdout == "2 new, 0 unchanged, 0 replaced, 1 errors\n"
    assert "broken.txt" in result.stderr
    counts = json.loads(invoke("stats", "--db", database, "--format", "json").stdout)
    assert counts["ingest_errors"] == 1
    assert counts["last_errors"][0]["source"].endswith("broken.txt")


def test_the_reading_commands_answer_from_what_was_ingested(articles: Path, database: str):
    invoke("ingest", str(articles), "--db", database)

    tie_list = json.loads(invoke("ties", "--db", database, "--format", "json").stdout)
    bergen = json.loads(invoke("entity", "Bergen", "--db", database, "--format", "json").stdout)
    event_list = json.loads(invoke("events", "--db", database, "--format", "json").stdout)
    history = json.loads(invoke("timeline", "Bergen", "--db", database, "--format", "json").stdout)
    table = invoke("stats", "--db", database)

    assert isinstance(tie_list, list)
    for found in tie_list:
        assert {"kind", "parties", "status", "date"} <= found.keys()
    assert bergen["type"] == "place" and bergen["names"][0]["reason"].startswith("named in ")
    assert all(e["sources"] >= 1 for e in event_list)
    assert all(item["date"] and item["doc"] in ("planned.txt", "signed.txt") for item in history)
    assert table.exit_code == 0 and "articles" in table.stdout


def test_ties_filters_are_checked(database: str):
    assert invoke("ties", "--since", "last year", "--db", database).exit_code == 2
    assert invoke("ties", "--kind", "friendship", "--db", database).exit_code == 2


def test_an_unknown_name_is_one_line(articles: Path, database: str):
    invoke("ingest", str(articles), "--db", database)

    assert one_error_line(invoke("entity", "Atlantis", "--db", database)) == "amity: no entity named 'Atlantis'"
    assert one_error_line(invoke("timeline", "Atlantis – Bergen", "--db", database)).startswith("amity: no entity")


@pytest.mark.parametrize("command", ["ingest", "ties", "entity", "events", "timeline", "stats"])
def test_every_command_has_an_example_and_a_db_option(command: str):
    result = invoke(command, "--help")

    assert result.exit_code == 0
    assert f"amity {command}" in result.stdout
    assert "--db" in result.stdout


@pytest.mark.parametrize("args", [["stats"], ["ties"], ["entity", "Bergen"], ["events"], ["timeline", "Bergen"]])
@pytest.mark.parametrize("url", ["mysql://amity@localhost/amity", "postgresql+psycopg://amity:pw@127.0.0.1:9/amity"])
def test_a_wrong_or_unreachable_database_is_one_line_and_exit_1(args: list[str], url: str):
    line = one_error_line(invoke(*args, "--db", url))

    assert line.startswith("amity: ")
    assert "pw@" not in line


def test_ingest_into_a_wrong_database_reads_nothing(articles: Path, tmp_path: Path):
    line = one_error_line(invoke("ingest", str(articles), "--db", str(tmp_path / "missing" / "amity.db")))

    assert "does not exist" in line
    assert not (tmp_path / "missing").exists()


def test_a_database_from_a_newer_amity_is_one_line_and_left_alone(articles: Path, tmp_path: Path):
    path = tmp_path / "newer.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES ('f00dcafe')")
    before = path.read_bytes()

    for args in (["ingest", str(articles)], ["stats"]):
        line = one_error_line(invoke(*args, "--db", str(path)))
        assert line == "amity: database schema is newer than this Amity (revision f00dcafe); upgrade Amity"
    assert path.read_bytes() == before


def test_a_locked_database_is_one_line_and_nothing_is_written(articles: Path, tmp_path: Path):
    path = tmp_path / "amity.db"
    invoke("stats", "--db", str(path))  # not there yet
    invoke("ingest", str(articles / "planned.txt"), "--db", str(path))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        line = one_error_line(invoke("ingest", str(articles), "--db", f"sqlite:///{path}?timeout=0.2"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert "is locked" in line
    assert json.loads(invoke("stats", "--db", str(path), "--format", "json").stdout)["articles"] == 1


def test_a_read_only_database_is_one_line_and_nothing_is_written(articles: Path, tmp_path: Path):
    path = tmp_path / "amity.db"
    invoke("ingest", str(articles / "planned.txt"), "--db", str(path))
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"

    line = one_error_line(invoke("ingest", str(articles), "--db", read_only))

    assert "read-only" in line
    assert json.loads(invoke("stats", "--db", read_only, "--format", "json").stdout)["articles"] == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_a_database_file_without_write_permission_is_one_line(articles: Path, tmp_path: Path):
    path = tmp_path / "amity.db"
    invoke("ingest", str(articles / "planned.txt"), "--db", str(path))
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        line = one_error_line(invoke("ingest", str(articles), "--db", str(path)))
    finally:
        tmp_path.chmod(0o755)
        path.chmod(0o644)

    assert line.startswith("amity: ")
