"""`amity ingest` and `amity extract` at scale: records merged without NLP, a Dask cluster, a progress bar, crashes.

The cluster tests start a LocalCluster of two worker processes (each loads
spaCy) through the real `amity` script.
"""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from synthetic_news import synthetic_articles
from typer.testing import CliRunner

from amity.cli import app

runner = CliRunner()


def _corpus(folder: Path, count: int, *, corrections: bool = True) -> Path:
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for a in synthetic_articles(count, corrections=corrections):
            out.write(json.dumps({"doc": a.doc, "text": a.text, "title": a.title, "url": a.url,
                                  "published": a.published}, ensure_ascii=False) + "\n")
    return path


def _amity() -> str:
    script = Path(sys.executable).with_name("amity")
    if not script.exists():
        pytest.skip(f"no amity script beside {sys.executable}")
    return str(script)


def _stored(database: Path) -> list[tuple[str, str]]:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT doc, content_hash FROM articles").fetchall()
    except sqlite3.OperationalError:  # not created yet
        return []


def _export(database: Path) -> str:
    done = runner.invoke(app, ["export", "--format", "json", "--db", str(database)])
    assert done.exit_code == 0, done.output
    return done.stdout


def test_records_extracted_earlier_are_merged_by_ingest_records_and_only_once(tmp_path: Path):
    corpus = _corpus(tmp_path, 12, corrections=False)
    extracted = runner.invoke(app, ["extract", str(corpus), "--format", "jsonl"])
    records = tmp_path / "records.jsonl"
    records.write_text(extracted.stdout, encoding="utf-8")
    database = tmp_path / "amity.db"

    first = runner.invoke(app, ["ingest", str(records), "--records", "--db", str(database)])
    again = runner.invoke(app, ["ingest", str(records), "--records", "--db", str(database)])

    assert extracted.exit_code == 0 and first.exit_code == 0, first.output
    assert first.stdout == "12 new, 0 unchanged, 0 replaced, 0 errors\n"
    assert again.stdout == "0 new, 12 unchanged, 0 replaced, 0 errors\n"
    assert len(_stored(database)) == 12


def test_articles_given_as_records_are_one_line_each_and_exit_1(tmp_path: Path):
    corpus = _corpus(tmp_path, 2, corrections=False)

    done = runner.invoke(app, ["ingest", str(corpus), "--records", "--db", str(tmp_path / "amity.db")])

    assert done.exit_code == 1
    reason = "not an Amity record: no 'entities', 'events', 'ties' (is it an article? ingest it without --records)"
    assert done.stderr.splitlines() == [f"amity: skipped {corpus}:1: {reason}", f"amity: skipped {corpus}:2: {reason}",
                                        "amity: no record could be read"]


def test_a_progress_bar_counts_articles_read_extracted_and_merged(tmp_path: Path):
    corpus = _corpus(tmp_path, 6, corrections=False)

    done = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "amity.db"), "--progress"])

    assert done.exit_code == 0, done.output
    bars = {line.split()[0]: line.split()[2] for line in done.stderr.splitlines() if "━" in line}
    assert bars == {"read": "6/6", "extracted": "6/6", "merged": "6/6"}


def test_a_records_ingest_has_no_extracted_bar_and_a_stream_without_a_length_shows_counts_and_rates(tmp_path: Path):
    corpus = _corpus(tmp_path, 4, corrections=False)
    records = tmp_path / "records.jsonl"
    records.write_text(runner.invoke(app, ["extract", str(corpus), "--format", "jsonl"]).stdout, encoding="utf-8")

    merged = runner.invoke(app, ["ingest", str(records), "--records", "--db", str(tmp_path / "amity.db"), "--progress"])
    piped = runner.invoke(app, ["extract", "-", "--format", "jsonl", "--progress"],
                          input=corpus.read_text(encoding="utf-8"))

    def bars(stderr: str) -> dict[str, list[str]]:
        return {line.split()[0]: line.split()[2:4] for line in stderr.splitlines() if "━" in line}

    assert merged.exit_code == 0 and piped.exit_code == 0, merged.output + piped.output
    assert {stage: count for stage, (count, _rate) in bars(merged.stderr).items()} == {"read": "4/4", "merged": "4/4"}
    assert {stage: count for stage, (count, _rate) in bars(piped.stderr).items()} == {"read": "4/?", "extracted": "4/?"}
    assert all(rate.endswith("/s") for _count, rate in bars(piped.stderr).values())


def test_an_unreachable_scheduler_is_one_line_and_exit_1_before_any_input_is_read(tmp_path: Path):
    done = runner.invoke(app, ["ingest", str(tmp_path / "not-there.jsonl"), "--db", str(tmp_path / "amity.db"),
                               "--cluster", "tcp://127.0.0.1:9"])

    assert done.exit_code == 1
    assert done.stderr.startswith("amity: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert len(done.stderr.splitlines()) == 1, "the missing input was never looked at"


def test_ingesting_on_two_local_workers_stores_what_one_process_stores(tmp_path: Path):
    corpus = _corpus(tmp_path, 20)
    alone, cluster = tmp_path / "alone.db", tmp_path / "cluster.db"

    one = subprocess.run([_amity(), "ingest", str(corpus), "--db", str(alone)], capture_output=True, text=True,
                         timeout=300)
    two = subprocess.run([_amity(), "ingest", str(corpus), "--db", str(cluster), "--workers", "2", "--partition", "4",
                          "--progress"], capture_output=True, text=True, timeout=300)

    assert one.returncode == 0 and two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    assert "extracting on Dask (local:2, 2 workers); dashboard at http://" in two.stderr
    lines = len(corpus.read_text(encoding="utf-8").splitlines())
    bars = {line.split()[0]: line.split()[2] for line in two.stderr.splitlines() if "━" in line}
    assert bars == {"read": f"{lines}/{lines}", "extracted": f"{lines}/{lines}", "merged": f"{lines}/{lines}"}
    assert _export(cluster) == _export(alone)


def test_a_cluster_ingest_whose_driver_is_killed_is_completed_by_running_it_again(tmp_path: Path):
    corpus = _corpus(tmp_path, 40, corrections=False)
    database = tmp_path / "amity.db"
    command = [_amity(), "ingest", str(corpus), "--db", str(database), "--workers", "2", "--partition", "4"]

    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while not _stored(database) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.communicate(timeout=30)
    killed_with = len(_stored(database))
    again = subprocess.run([*command, "--progress"], capture_output=True, text=True, timeout=300)

    assert run.returncode == -signal.SIGKILL, "the first run finished before it could be killed"
    assert 0 < killed_with < 40
    assert again.stdout == f"{40 - killed_with} new, {killed_with} unchanged, 0 replaced, 0 errors\n", again.stderr
    bars = {line.split()[0]: line.split()[2] for line in again.stderr.splitlines() if "━" in line}
    assert bars == {"read": "40/40", "extracted": f"{40 - killed_with}/40", "merged": "40/40"}, "stored: not extracted"
    assert sorted(doc for doc, _ in _stored(database)) == [f"news-{i:05d}.txt" for i in range(40)]


def _worker_processes(driver: int) -> list:  # type: ignore[type-arg]
    """The Dask worker processes a LocalCluster started by the `amity` process `driver` (spawned by its nannies)."""
    psutil = pytest.importorskip("psutil")
    found = []
    for child in psutil.Process(driver).children(recursive=True):
        try:
            if "spawn_main" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:
            pass
    return found


def test_a_cluster_ingest_whose_worker_is_killed_completes_storing_every_article_once_and_a_bad_file_fails_alone(
        tmp_path: Path):
    paragraphs = [a.text for a in synthetic_articles(320, corrections=False)]  # 40 articles of 8 paragraphs: ~0.2 s each
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"doc": f"long-{i:03d}", "text": f"Town news digest number {i}.\n\n"
                                          + "\n\n".join(paragraphs[i * 8:i * 8 + 8])}) + "\n"
                              for i in range(40)), encoding="utf-8")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff\xfe" * 64)
    database = tmp_path / "amity.db"

    run = subprocess.Popen([_amity(), "ingest", str(scan), str(corpus), "--db", str(database), "--workers", "2",
                            "--partition", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while not _stored(database) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _worker_processes(run.pid)
    stored_at_kill = len(_stored(database))
    workers[0].send_signal(signal.SIGKILL)  # the partition it was reading is lost with it and read again
    out, err = run.communicate(timeout=300)

    assert len(workers) == 2 and 0 < stored_at_kill < 40, "the worker was killed mid-run"
    assert run.returncode == 0, err
    assert out == "40 new, 0 unchanged, 0 replaced, 1 errors\n"
    assert sorted(doc for doc, _ in _stored(database)) == [f"long-{i:03d}" for i in range(40)]
    assert [line for line in err.splitlines() if "scan.pdf" in line] == [f"amity: skipped {scan}: binary file, not text"]
    assert "Traceback" not in err


def test_an_unreachable_database_is_one_line_and_exit_1_before_a_cluster_is_started_or_any_input_read(tmp_path: Path):
    done = runner.invoke(app, ["ingest", str(tmp_path / "not-there.jsonl"), "--cluster", "local:2",
                               "--db", "postgresql+psycopg://amity:secret@127.0.0.1:1/amity"])

    assert done.exit_code == 1
    assert len(done.stderr.splitlines()) == 1, "neither a cluster nor the missing input was looked at"
    assert done.stderr.startswith("amity: ") and "secret" not in done.stderr


def test_a_folder_of_record_shards_is_merged_and_a_rerun_skips_the_shards_merged(tmp_path: Path):
    corpus = _corpus(tmp_path, 12, corrections=False)
    lines = runner.invoke(app, ["extract", str(corpus), "--format", "jsonl"]).stdout.splitlines(keepends=True)
    stage = tmp_path / "shards"
    stage.mkdir()
    for number in range(3):
        (stage / f"part-{number:06d}-test.jsonl").write_text("".join(lines[number * 4:number * 4 + 4]), encoding="utf-8")
    database = tmp_path / "amity.db"

    first = runner.invoke(app, ["ingest", str(stage), "--records", "--db", str(database)])
    again = runner.invoke(app, ["ingest", str(stage), "--records", "--db", str(database)])
    (stage / "part-000001-test.jsonl.merged").unlink()  # as if the run had stopped before its end
    last = runner.invoke(app, ["ingest", str(stage), "--records", "--db", str(database)])

    assert first.exit_code == 0 and first.stdout == "12 new, 0 unchanged, 0 replaced, 0 errors\n", first.output
    assert again.exit_code == 0 and again.stdout == "0 new, 0 unchanged, 0 replaced, 0 errors\n", again.output
    assert "3 record shards merged into this registry before: skipped" in again.stderr
    assert last.stdout == "0 new, 4 unchanged, 0 replaced, 0 errors\n", "only the unmarked shard is read again"
    assert len(_stored(database)) == 12


def test_a_staged_cluster_ingest_marks_its_shards_merged_and_writes_none_for_articles_stored_before(tmp_path: Path):
    corpus = _corpus(tmp_path, 12, corrections=False)
    stage, database = tmp_path / "shards", tmp_path / "amity.db"
    cluster = ["--workers", "2", "--partition", "4", "--stage", str(stage), "--no-progress"]
    staged = subprocess.run([_amity(), "extract", str(corpus), "--format", "jsonl", *cluster], capture_output=True,
                            text=True, timeout=300)
    written = {shard.name: shard.stat().st_mtime_ns for shard in stage.glob("part-*.jsonl")}
    first_six = tmp_path / "first-six.jsonl"
    first_six.write_text("".join(corpus.read_text(encoding="utf-8").splitlines(keepends=True)[:6]), encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(first_six), "--db", str(database)]).exit_code == 0

    done = subprocess.run([_amity(), "ingest", str(corpus), "--db", str(database), *cluster], capture_output=True,
                          text=True, timeout=300)
    merged = runner.invoke(app, ["ingest", str(stage), "--records", "--db", str(database)])

    assert staged.returncode == 0 and len(written) == 3, staged.stderr
    assert done.returncode == 0 and done.stdout == "6 new, 6 unchanged, 0 replaced, 0 errors\n", done.stderr
    assert {shard.name: shard.stat().st_mtime_ns for shard in stage.glob("part-*.jsonl")} == written, \
        "the shard of articles stored (some or all) is neither written again nor joined by another"
    marks = sorted(stage.glob("*.merged"))
    assert [mark.name for mark in marks] == sorted(f"{name}.merged" for name in written)
    named = [mark.read_text(encoding="utf-8").splitlines() for mark in marks]
    assert all(len(lines) == 1 and lines[0].startswith(f"sqlite:///{database}") for lines in named), named
    assert merged.stdout == "0 new, 0 unchanged, 0 replaced, 0 errors\n", merged.output
    assert "3 record shards merged into this registry before: skipped" in merged.stderr


def test_stage_without_a_cluster_is_one_line_and_exit_1(tmp_path: Path):
    done = runner.invoke(app, ["extract", str(_corpus(tmp_path, 2)), "--stage", str(tmp_path / "shards")])

    assert done.exit_code == 1
    assert done.stderr.strip() == "amity: --stage is where cluster workers write their records: give --cluster or --workers too"


def test_a_doc_repeated_in_a_file_is_noticed_among_the_docs_remembered_and_memory_stops_growing_past_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("amity.cli.inputs.REMEMBERED_DOCS", 2)
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text("".join(json.dumps({"doc": doc, "text": f"The mayor of Bergen visited Porto, report {n}."}) + "\n"
                              for n, doc in enumerate(["a", "b", "c", "a", "c"])), encoding="utf-8")

    done = runner.invoke(app, ["extract", str(corpus), "--format", "jsonl"])

    assert done.exit_code == 0, done.output
    assert done.stderr.splitlines() == [f"amity: {corpus}:4: doc 'a' was given before, at {corpus}:1 "
                                        "(ingest keeps the later one)"]
    assert len(done.stdout.splitlines()) == 5


def test_extracting_on_two_local_workers_that_read_the_files_prints_what_one_process_prints(tmp_path: Path):
    corpus = _corpus(tmp_path, 9, corrections=False)
    (tmp_path / "scan.jsonl").write_bytes(b"\x00\x01" * 50)
    (tmp_path / "lyon.txt").write_text("Le maire de Lyon a signé un accord de jumelage avec la ville de Porto le 2 mai "
                                       "2024. Les deux villes coopèrent depuis longtemps dans la culture et "
                                       "l'éducation, et leurs écoles échangent des élèves chaque année.\n",
                                       encoding="utf-8")
    inputs = [str(corpus), str(tmp_path / "scan.jsonl"), str(tmp_path / "lyon.txt")]
    alone = subprocess.run([_amity(), "extract", *inputs, "--format", "jsonl", "--no-progress"],
                           capture_output=True, text=True, timeout=300)

    two = subprocess.run([_amity(), "extract", *inputs, "--format", "jsonl", "--no-progress", "--cluster", "local:2",
                          "--partition", "4"], capture_output=True, text=True, timeout=300)

    assert two.returncode == alone.returncode == 0, two.stderr
    assert two.stdout == alone.stdout and len(two.stdout.splitlines()) == 10
    french = [line for line in two.stderr.splitlines() if "French" in line]
    assert french == [line for line in alone.stderr.splitlines() if "French" in line] and len(french) == 1
    bad = [line for line in two.stderr.splitlines() if "scan.jsonl" in line]
    assert bad == [line for line in alone.stderr.splitlines() if "scan.jsonl" in line] and len(bad) == 1
