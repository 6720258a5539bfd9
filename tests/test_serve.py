"""`amity serve` as a user runs it: a real server process on a free loopback port."""
from __future__ import annotations

import socket
import sys
from pathlib import Path

import psutil
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from harness import amity, serve, sqlite_url


@pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="several server processes need SO_REUSEPORT")
def test_several_processes_share_the_port_and_stop_together(tmp_path: Path) -> None:
    db = sqlite_url(tmp_path / "served.db")
    examples = Path(__file__).resolve().parents[1] / "examples" / "articles"
    amity("ingest", str(examples / "06_krakow_nuremberg_twinning_anniversary.txt"), "--db", db)
    with serve(db, "--workers", "2") as server:
        workers = psutil.Process(server.process.pid).children()
        assert len([w for w in workers if "resource_tracker" not in " ".join(w.cmdline())]) == 2
        assert all(server.get(path) == 200 for path in ("/api/stats", "/ties", "/api/ties") * 5)
    _, still_running = psutil.wait_procs(workers, timeout=15)  # they shut down on their own once told
    assert still_running == []


@pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="several server processes need SO_REUSEPORT")
def test_several_processes_on_a_port_in_use_fail_in_one_line(tmp_path: Path) -> None:
    import subprocess

    from harness import AMITY, _env, free_port

    db = sqlite_url(tmp_path / "served.db")
    amity("ingest", str(Path(__file__).resolve().parents[1] / "examples" / "articles"
                        / "06_krakow_nuremberg_twinning_anniversary.txt"), "--db", db)
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        done = subprocess.run([*AMITY, "serve", "--db", db, "--port", str(port), "--workers", "2"], env=_env(),
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().startswith(f"amity: cannot listen on 127.0.0.1:{port}")
    assert len(done.stderr.strip().splitlines()) == 1


def test_one_process_on_a_port_in_use_fails_in_one_line(tmp_path: Path) -> None:
    import subprocess

    from harness import AMITY, _env, free_port

    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        done = subprocess.run([*AMITY, "serve", "--db", sqlite_url(tmp_path / "new.db"), "--port", str(port)],
                              env=_env(), capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stderr.strip() == \
        f"amity: cannot listen on 127.0.0.1:{port}: Address already in use"
