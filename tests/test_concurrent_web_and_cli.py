"""A live server taking posted articles while `amity ingest` runs on PostgreSQL stores what one ingest would.

`amity serve --workers 2` (two processes, each reading posts with the real
pipeline) receives half of a corpus from two clients at once while an
`amity ingest` process reads the other half; the articles name the same towns,
so every process merges the same entities and ties at the same moment. After
that no entity, tie or article is stored twice, and the export (events included) equals that of one sequential
`amity ingest` of the whole corpus (ids aside: PostgreSQL spends ids on
rolled-back work). PostgreSQL only ($AMITY_TEST_POSTGRES_URL), since SQLite
has one writer at a time anyway.
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from backends import POSTGRES_URL, empty_postgres
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from harness import AMITY, _env, amity, serve, sqlite_url

from amity.store.engine import database_url

TOWNS = ["Bergen", "Turku", "Tartu", "Aarhus", "Gdańsk", "Porto"]

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="AMITY_TEST_POSTGRES_URL is not set")


def _corpus(size: int) -> list[dict[str, str]]:
    """Short reports; each town is named by reports of both halves."""
    out = []
    for n in range(size):
        a, b, c = TOWNS[n % 6], TOWNS[(n + 1) % 6], TOWNS[(n + 3) % 6]
        out.append({"doc": f"harbour-{n:02}.txt", "published": f"2024-0{n % 9 + 1}-20",
                    "text": f"{a} and {b} signed a sister city agreement on {n % 27 + 1} May 2024.\n\n"
                            f"A delegation from {c} visited {a} on {n % 27 + 1} June 2024, and the Mayor of {b} "
                            f"said the three towns would exchange {n + 2} students."})
    return out


def _canonical(exported: str) -> dict[str, Any]:
    """The export with ids replaced by names and each list sorted, so that two registries compare by content."""
    data = json.loads(exported)
    for kind in ("entities", "ties", "events"):
        for item in data[kind]:
            for key in ("id", "part_of_id", "place_id", "party_ids", "participant_ids"):
                item.pop(key, None)
        data[kind].sort(key=lambda item: json.dumps(item, sort_keys=True))
    return data


def _post(url: str, token: str, articles: list[dict[str, str]], answers: list[tuple[str, int]],
          stop: threading.Event) -> None:
    """Post the articles one by one until told to stop (the CLI's ingest has ended) or none is left."""
    for article in articles:
        if stop.is_set():
            return
        request = urllib.request.Request(url + "/api/articles", data=json.dumps(article).encode(), method="POST",
                                         headers={"Authorization": f"Bearer {token}",
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            answers.append((article["doc"], response.status))


def _duplicates(url: str) -> dict[str, list[Any]]:
    engine = create_engine(database_url(url))
    found: dict[str, list[Any]] = {}
    with engine.connect() as connection:
        for table, columns in (("entities", "type, name"), ("ties", "kind, party_key"), ("articles", "doc")):
            rows = Counter(tuple(r) for r in connection.execute(text(f"SELECT {columns} FROM {table}")))
            found[table] = [row for row, n in rows.items() if n > 1]
    engine.dispose()
    return found


def test_posts_to_two_server_processes_during_a_cli_ingest_store_what_one_ingest_would(tmp_path: Path):
    assert POSTGRES_URL is not None
    empty_postgres(POSTGRES_URL)
    corpus = _corpus(80)
    to_post, read_by_cli = corpus[0::2], corpus[1::2]  # posted until the CLI is done: writes overlap throughout
    (tmp_path / "cli.jsonl").write_text("".join(json.dumps(a) + "\n" for a in read_by_cli), encoding="utf-8")
    amity("stats", "--db", POSTGRES_URL)  # migrated before the writers start
    token = amity("token", "create", "--name", "test", "--db", POSTGRES_URL).strip()

    with serve(POSTGRES_URL, "--workers", "2") as server:
        answers: list[tuple[str, int]] = []
        stop = threading.Event()
        clients = [threading.Thread(target=_post, args=(server.url, token, to_post[i::2], answers, stop))
                   for i in (0, 1)]
        for client in clients:
            client.start()
        cli = subprocess.run([*AMITY, "ingest", str(tmp_path / "cli.jsonl"), "--db", POSTGRES_URL], env=_env(),
                             capture_output=True, text=True, timeout=600)
        stop.set()
        for client in clients:
            client.join(timeout=300)
        assert "Traceback" not in server.output()

    assert cli.returncode == 0, cli.stderr
    assert "40 new, 0 unchanged, 0 replaced, 0 errors" in cli.stdout
    assert len(answers) >= 2 and {status for _, status in answers} == {201}
    assert _duplicates(POSTGRES_URL) == {"entities": [], "ties": [], "articles": []}
    posted = {doc for doc, _ in answers}
    stored = read_by_cli + [a for a in to_post if a["doc"] in posted]
    (tmp_path / "stored.jsonl").write_text("".join(json.dumps(a) + "\n" for a in stored), encoding="utf-8")
    reference = sqlite_url(tmp_path / "sequential.db")
    amity("ingest", str(tmp_path / "stored.jsonl"), "--db", reference)
    concurrent = amity("export", "--format", "json", "--db", POSTGRES_URL)
    assert _canonical(concurrent) == _canonical(amity("export", "--format", "json", "--db", reference))
    assert len(json.loads(concurrent)["ties"]) >= 3
