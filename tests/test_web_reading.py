"""Posted articles are read in a process of their own, each within a time limit.

One long article must not hold the server: past the limit it is refused
with 413 (nothing stored) and the next article is read as usual by a fresh
reading process. Uses the real pipeline (in the child process).
"""
from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from web_registry import build_registry, ids_of

from amity.web import create_app

TOWNS = ["Ankara", "Bursa", "Izmir", "Konya", "Gdańsk", "Bergen", "Turku", "Tartu", "Aarhus", "Porto"]


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(
        f"The Mayor of {TOWNS[i % 10]} met the Mayor of {TOWNS[(i + 3) % 10]} on {i % 27 + 1} May 2024. "
        f"Representatives of {', '.join(TOWNS[(i + k) % 10] for k in range(40))} attended the forum in "
        f"{TOWNS[(i + 5) % 10]}, and {TOWNS[(i + 1) % 10]} and {TOWNS[(i + 2) % 10]} signed a cooperation "
        f"agreement there."
        for i in range(paragraphs))


def test_an_article_not_read_in_time_is_refused_and_the_next_one_is_read(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'amity.db'}"
    build_registry(url)
    token = ids_of(url)[3]
    auth = {"Authorization": f"Bearer {token}"}

    with TestClient(create_app(url, read_limit=1.0)) as client:
        slow = client.post("/api/articles", headers=auth, json={"doc": "long.txt", "text": _long_text(60)})
        quick = client.post("/api/articles", headers=auth, json={
            "doc": "short.txt", "text": "Bergen and Turku signed a sister city agreement on 2 May 2024."})
        docs = [a["doc"] for a in client.get("/api/articles", params={"limit": 100}).json()["items"]]

    assert slow.status_code == 413 and "1-second limit" in slow.json()["detail"]
    assert quick.status_code == 201, quick.text
    assert "short.txt" in docs and "long.txt" not in docs
    assert client.app.state.extractor._child is None  # type: ignore[attr-defined]  # stopped with the app


def test_amity_serve_takes_its_read_limit_from_the_command_line(tmp_path: Path):
    import json
    import sys
    import urllib.error
    import urllib.request

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from harness import amity, serve, sqlite_url

    db = sqlite_url(tmp_path / "served.db")
    amity("ingest", str(Path(__file__).resolve().parents[1] / "examples" / "articles"
                        / "06_krakow_nuremberg_twinning_anniversary.txt"), "--db", db)
    token = amity("token", "create", "--name", "test", "--db", db).strip()
    assert "--read-limit" in amity("serve", "--help")
    with serve(db, "--read-limit", "0.5") as server:
        posted = urllib.request.Request(
            server.url + "/api/articles", method="POST",
            data=json.dumps({"doc": "long.txt", "text": _long_text(60)}).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        try:
            urllib.request.urlopen(posted, timeout=120)
            answer = (200, "")
        except urllib.error.HTTPError as exc:
            answer = (exc.code, json.loads(exc.read())["detail"])
    assert answer == (413, "the article was not read within the 0.5-second limit; send it in parts")
