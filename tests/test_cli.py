"""The `amity` command as a user meets it: help, output formats, stdin and bad input.

The tests run the Typer app in process with `CliRunner`, so spaCy's pipeline
is loaded once (it is cached per process) and shared by every test. One test
runs the installed `amity` script to check that the entry point itself works.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from amity import __version__
from amity.cli import app

# A fictional story, in the plain-text layout of the examples: headline, blank line, dateline.
KADIKOY = (
    "Kadıköy and Piran become sister cities\n"
    "\n"
    "ISTANBUL, 4 May 2023 — The Mayor of Kadıköy, Selin Aydemir, signed a sister city protocol "
    "with the Mayor of Piran, Marko Kovač, on 3 May 2023.\n"
    "\n"
    "The two coastal towns plan to exchange music students and to open a joint summer school "
    "on maritime heritage next year.\n"
)

BERGEN = (
    "Bergen hosts a delegation from Cape Town\n"
    "\n"
    "BERGEN, 12 June 2024 — A delegation from the City of Cape Town, led by Deputy Mayor "
    "Thandi Mokoena, visited Bergen on 11 June 2024 to discuss port cooperation.\n"
)

RECORD_KEYS = {"doc", "published", "entities", "events", "ties"}


def _runner() -> CliRunner:
    """A runner that keeps stderr apart from stdout (click < 8.2 needs asking; 8.2+ always does)."""
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


runner = _runner()


def invoke(*args: str, input: str | bytes | None = None):
    result = runner.invoke(app, list(args), input=input)
    # Whatever happened, the user never sees a traceback and nothing escaped the command.
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def jsonl_records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def kadikoy(tmp_path: Path) -> Path:
    path = tmp_path / "kadikoy.txt"
    path.write_text(KADIKOY, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- help and version

def test_version_prints_the_package_version():
    result = invoke("--version")

    assert result.exit_code == 0
    assert result.stdout == f"amity {__version__}\n"


def test_help_shows_an_example():
    result = invoke("--help")

    assert result.exit_code == 0
    assert "extract" in result.stdout
    assert "Example: amity extract" in result.stdout


def test_extract_help_shows_examples_and_options():
    result = invoke("extract", "--help")

    assert result.exit_code == 0
    assert "amity extract article.txt" in result.stdout
    assert "cat article.txt | amity extract - --format json" in result.stdout
    for option in ("--format", "--workers", "--max-mb", "--strict"):
        assert option in result.stdout


def test_no_arguments_shows_help_instead_of_doing_nothing():
    result = invoke()

    assert "Usage" in result.output
    assert "extract" in result.output


# --------------------------------------------------------------------------- output formats

def test_json_output_is_one_record_with_the_contract_keys(kadikoy: Path):
    result = invoke("extract", str(kadikoy), "--format", "json")

    assert result.exit_code == 0
    assert result.stderr == ""
    record = json.loads(result.stdout)
    assert isinstance(record, dict)
    assert RECORD_KEYS <= record.keys()
    assert record["doc"] == "kadikoy.txt"
    assert record["published"] == "2023-05-04"  # the dateline, not the signing date
    places = {e["name"] for e in record["entities"] if e["type"] == "place"}
    assert {"Kadıköy", "Piran"} <= places
    people = {e["name"] for e in record["entities"] if e["type"] == "person"}
    assert {"Selin Aydemir", "Marko Kovač"} <= people
    [signing] = [e for e in record["events"] if e["type"] == "signing"]
    assert signing["agreement"] == "sister_city"
    assert {"Kadıköy", "Piran"} <= set(signing["participants"])
    assert any(t["kind"] == "sister_city" and set(t["parties"]) == {"Kadıköy", "Piran"} and t["status"] == "signed"
               for t in record["ties"])


def test_the_dateline_is_neither_the_signing_date_nor_a_party(kadikoy: Path):
    record = json.loads(invoke("extract", str(kadikoy), "--format", "json").stdout)

    [signing] = [e for e in record["events"] if e["type"] == "signing"]
    assert signing["date"] == "2023-05-03"  # "on 3 May 2023", not the dateline's 4 May
    assert "ISTANBUL" not in signing["participants"]
    assert [sorted(t["parties"]) for t in record["ties"]] == [["Kadıköy", "Piran"]]


def test_jsonl_output_has_one_line_per_article_of_a_folder(tmp_path: Path, kadikoy: Path):
    (tmp_path / "bergen.txt").write_text(BERGEN, encoding="utf-8")

    result = invoke("extract", str(tmp_path), "--format", "jsonl")

    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["doc"] for r in records] == ["bergen.txt", "kadikoy.txt"]  # a folder is read in name order
    assert all(RECORD_KEYS <= r.keys() for r in records)


def test_text_output_is_a_summary_naming_the_article(kadikoy: Path):
    result = invoke("extract", str(kadikoy))

    assert result.exit_code == 0
    assert "kadikoy.txt" in result.stdout
    assert "Kadıköy" in result.stdout
    with pytest.raises(json.JSONDecodeError):  # a summary for people, not JSON
        json.loads(result.stdout)


def test_dash_reads_the_article_from_stdin():
    result = invoke("extract", "-", "--format", "json", input=KADIKOY)

    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["doc"] == "stdin"
    assert record["published"] == "2023-05-04"
    assert "Piran" in {e["name"] for e in record["entities"]}


# --------------------------------------------------------------------------- bad input

BAD_INPUTS = {
    # name: (file name, content or None for no file, extra options, what stderr says about it)
    "binary": ("scan.pdf", b"%PDF-1.7\n\x00\x01\x02\x03\xff\xfe" * 64, [], "binary"),
    "empty": ("empty.txt", b"", [], "empty"),
    "missing": ("missing.txt", None, [], "no such file"),
    "oversize": ("long.txt", (KADIKOY * 5).encode("utf-8"), ["--max-mb", "0.001"], "larger than"),
    "invalid utf-8": ("latin1.txt", "Caf\xe9 owners of Piran welcomed the guests.\n".encode("latin-1"), [],
                      "not valid UTF-8"),
    "too long to read": ("endless.txt", ("The guests toured the old harbour. " * 30_000).encode("utf-8"), [],
                         "longer than"),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_a_bad_input_is_one_stderr_line_and_the_rest_is_still_read(case: str, tmp_path: Path, kadikoy: Path):
    name, content, options, reason = BAD_INPUTS[case]
    bad = tmp_path / "inputs" / name
    bad.parent.mkdir()
    if content is not None:
        bad.write_bytes(content)
    assert len(KADIKOY.encode("utf-8")) < 1000  # the good article fits even the 0.001 MB limit

    result = invoke("extract", str(bad), str(kadikoy), "--format", "jsonl", *options)

    assert result.exit_code == 0
    [line] = stderr_lines(result)
    assert str(bad) in line
    assert reason in line
    assert [r["doc"] for r in jsonl_records(result)] == ["kadikoy.txt"]


def test_a_broken_jsonl_line_is_reported_with_its_number_and_the_other_lines_are_read(tmp_path: Path):
    corpus = tmp_path / "digest.jsonl"
    good = [{"doc": "kadikoy", "published": "2023-05-04", "text": KADIKOY},
            {"doc": "bergen", "text": BERGEN}]
    corpus.write_text(json.dumps(good[0]) + "\n" + '{"doc": "cut", "text": "Half a rec\n' + json.dumps(good[1]) + "\n",
                      encoding="utf-8")

    result = invoke("extract", str(corpus), "--format", "jsonl")

    assert result.exit_code == 0
    [line] = stderr_lines(result)
    assert f"{corpus}:2" in line
    assert "invalid JSON" in line
    assert [r["doc"] for r in jsonl_records(result)] == ["kadikoy", "bergen"]


def test_exit_code_is_1_when_no_article_could_be_read(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"

    result = invoke("extract", str(empty), str(missing), "--format", "jsonl")

    assert result.exit_code == 1
    assert result.stdout == ""
    lines = stderr_lines(result)
    assert str(empty) in lines[0] and str(missing) in lines[1]
    assert "no article could be read" in lines[-1]


def test_strict_exits_1_when_any_input_failed_but_still_prints_the_good_ones(tmp_path: Path, kadikoy: Path):
    missing = tmp_path / "missing.txt"

    lenient = invoke("extract", str(missing), str(kadikoy), "--format", "jsonl")
    strict = invoke("extract", str(missing), str(kadikoy), "--format", "jsonl", "--strict")

    assert lenient.exit_code == 0
    assert strict.exit_code == 1
    assert [r["doc"] for r in jsonl_records(strict)] == ["kadikoy.txt"]
    [line] = stderr_lines(strict)
    assert str(missing) in line


def test_strict_exits_0_when_every_input_was_read(kadikoy: Path):
    result = invoke("extract", str(kadikoy), "--format", "jsonl", "--strict")

    assert result.exit_code == 0
    assert result.stderr == ""


# --------------------------------------------------------------------------- the installed script

def test_installed_amity_script_prints_its_version():
    script = Path(sys.executable).with_name("amity")
    if not script.exists():
        pytest.skip(f"no amity script beside {sys.executable}")

    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)

    assert done.returncode == 0
    assert done.stdout == f"amity {__version__}\n"
    assert done.stderr == ""
