"""A killed `amity ingest` loses nothing it finished and stores nothing twice when run again.

The real `amity` script ingests 60 small generated articles; it is killed
with SIGKILL as soon as the first articles are in the database, then run
again over the same folder. Every article must then be stored exactly once.
"""
from __future__ import annotations

import hashlib
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

CITIES = ["Bergen", "Gdańsk", "Porto", "Lyon", "Kraków", "Nuremberg", "Rotterdam", "Bilbao", "Valparaíso", "Busan"]
ARTICLES = 60


def _article(i: int) -> str:
    a, b = CITIES[i % len(CITIES)], CITIES[(i * 3 + 1) % len(CITIES)]
    day = i % 28 + 1
    return (f"{a} and {b} talk about a partnership, report {i}\n\n"
            f"{a.upper()}, {day} March 2024 — A delegation from {b} visited {a} on {day} March 2024 "
            f"to discuss cooperation in culture and ports (report number {i}).\n")


def _stored(database: Path) -> list[tuple[str, str]]:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT doc, content_hash FROM articles").fetchall()
    except sqlite3.OperationalError:  # not created yet
        return []


def test_a_killed_ingest_run_again_stores_every_article_exactly_once(tmp_path: Path):
    script = Path(sys.executable).with_name("amity")
    if not script.exists():
        pytest.skip(f"no amity script beside {sys.executable}")
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"report_{i:02d}.txt").write_text(_article(i), encoding="utf-8")
    database = tmp_path / "amity.db"
    command = [str(script), "ingest", str(folder), "--db", str(database)]

    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not _stored(database) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    run.send_signal(signal.SIGKILL)
    run.communicate(timeout=30)
    killed_with = len(_stored(database))

    again = subprocess.run(command, capture_output=True, text=True, timeout=300)

    assert run.returncode == -signal.SIGKILL, "the first run finished before it could be killed"
    assert 0 < killed_with < ARTICLES
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"{ARTICLES - killed_with} new, {killed_with} unchanged, 0 replaced, 0 errors\n"
    stored = _stored(database)
    expected = {f"report_{i:02d}.txt" for i in range(ARTICLES)}
    assert sorted(doc for doc, _ in stored) == sorted(expected)
    hashes = {hashlib.sha256(_article(i).strip().encode()).hexdigest() for i in range(ARTICLES)}
    assert {digest for _, digest in stored} == hashes
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
