"""A run as on several machines: a `dask scheduler` and two `dask worker` commands, each its own OS process
on tcp://127.0.0.1, as the README's "Running on a cluster" starts them, and the `amity` script as the driver.

One `dask worker` command (its nanny and its worker) is SIGKILLed while it extracts, as when a machine is
lost, and the driver is SIGKILLed once articles are stored; run again, the ingest stores every article
once and the registry exports exactly as a one-process `amity ingest` of the same articles. `amity extract
--cluster` writes the records a one-process `amity extract` writes. Starting the processes loads spaCy in
each worker: the module takes about a minute on an idle laptop (skipped without the `amity` and `dask`
scripts beside the interpreter).
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import renumbered
from sqlalchemy import create_engine, text
from synthetic_news import synthetic_articles

from amity.store.engine import database_url

distributed = pytest.importorskip("distributed")
psutil = pytest.importorskip("psutil")

BIN = Path(sys.executable).parent
AMITY, DASK = BIN / "amity", BIN / "dask"
ARTICLES = 30
#: Articles a task: small, so that both workers have tasks when one is killed and the driver is killed mid-run.
PARTITION = "3"
START_S = 180


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Articles with corrections (a later text of a doc) and syndicated copies, as one JSON Lines file."""
    if not (AMITY.exists() and DASK.exists()):
        pytest.skip(f"no amity and dask scripts beside {sys.executable}")
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for article in synthetic_articles(ARTICLES):
            out.write(json.dumps({"doc": article.doc, "title": article.title, "text": article.text,
                                  "published": article.published, "url": article.url}) + "\n")
    return path


def _environment() -> dict[str, str]:
    """The README's setting for every process of a cluster: Dask reads Amity's settings file."""
    import amity.data

    return {**os.environ, "DASK_CONFIG": str(Path(amity.data.__file__).parent / "dask")}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Machines:
    """A scheduler and `dask worker` commands started as separate processes, as on separate machines."""

    def __init__(self) -> None:
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        self.processes: list[subprocess.Popen[bytes]] = []
        self._start(DASK, "scheduler", "--host", "127.0.0.1", "--port", self.address.rsplit(":", 1)[1],
                    "--dashboard-address", "127.0.0.1:0")

    def _start(self, *command: object) -> subprocess.Popen[bytes]:
        process = subprocess.Popen([str(part) for part in command], env=_environment(), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        self.processes.append(process)
        return process

    def worker(self) -> subprocess.Popen[bytes]:
        """A `dask worker` command (a nanny and its worker process) joining the scheduler."""
        return self._start(DASK, "worker", self.address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1",
                           "--memory-limit", "2GB", "--no-dashboard")

    def wait_for(self, workers: int) -> None:
        with distributed.Client(self.address, timeout=START_S) as client:
            client.wait_for_workers(workers, timeout=START_S)

    def busy(self) -> set[str]:
        """The addresses of the workers running or holding a task."""
        with distributed.Client(self.address, timeout=START_S) as client:
            return {address for address, tasks in client.processing().items() if tasks}

    def command_of(self, address: str) -> subprocess.Popen[bytes]:
        """The `dask worker` command whose worker process listens at `address`."""
        port = int(address.rsplit(":", 1)[1])
        for process in self.processes:
            for child in psutil.Process(process.pid).children(recursive=True):
                if any(c.laddr and c.laddr.port == port and c.status == psutil.CONN_LISTEN
                       for c in child.net_connections("tcp")):
                    return process
        raise LookupError(address)

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.fixture(scope="module")
def machines(corpus: Path) -> Iterator[Machines]:
    started = Machines()
    try:
        started.worker()
        started.worker()
        started.wait_for(2)
        yield started
    finally:
        started.stop()


def _amity(*arguments: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(AMITY), *map(str, arguments)], capture_output=True, text=True, timeout=900)


def _stored(url: str) -> list[tuple[str, str]]:
    """The (doc, content hash) of each article the registry holds, sorted (none before its tables exist)."""
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            return sorted(tuple(row) for row in connection.execute(text("SELECT doc, content_hash FROM articles")))
    except Exception:  # noqa: BLE001 - not created yet, or being created
        return []
    finally:
        engine.dispose()


def _exported(url: str) -> dict:
    """The registry's export, its ids counted from 1 in export order (a PostgreSQL rollback spends ids)."""
    done = _amity("export", "--format", "json", "--db", url)
    assert done.returncode == 0, done.stderr
    return renumbered(done.stdout)


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[tuple[str, str]], dict]:
    """The articles stored and the export of the corpus ingested by one `amity` process, no Dask."""
    url = f"sqlite:///{tmp_path_factory.mktemp('one') / 'amity.db'}"
    done = _amity("ingest", corpus, "--db", url, "--no-progress")
    assert done.returncode == 0, done.stderr
    return _stored(url), _exported(url)


def _wait(condition, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + START_S
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def test_an_ingest_whose_worker_and_driver_are_killed_completes_when_run_again_as_one_process_would(
        machines: Machines, corpus: Path, one_process: tuple[list[tuple[str, str]], dict], db_url: str):
    command = ["ingest", corpus, "--db", db_url, "--cluster", machines.address, "--partition", PARTITION,
               "--no-progress"]
    driver = subprocess.Popen([str(AMITY), *map(str, command)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    busy: set[str] = set()
    _wait(lambda: bool(busy.update(machines.busy()) or busy) or driver.poll() is not None, "a busy worker")
    lost = machines.command_of(sorted(busy)[0])
    os.killpg(lost.pid, signal.SIGKILL)  # the nanny and its worker: a machine lost
    _wait(lambda: _stored(db_url) or driver.poll() is not None, "the first stored articles")
    driver.send_signal(signal.SIGKILL)
    driver.communicate(timeout=60)
    stored_when_killed = len(_stored(db_url))
    machines.worker()  # a machine joins in its place
    machines.wait_for(2)

    again = _amity(*command)

    assert driver.returncode == -signal.SIGKILL, "the first run finished before the driver could be killed"
    assert 0 < stored_when_killed < len(one_process[0])
    assert again.returncode == 0, again.stderr
    assert _stored(db_url) == one_process[0]
    assert _exported(db_url) == one_process[1]


def test_extract_on_the_cluster_writes_the_records_one_process_writes(machines: Machines, corpus: Path):
    here = _amity("extract", corpus, "--format", "jsonl")
    there = _amity("extract", corpus, "--format", "jsonl", "--cluster", machines.address, "--partition", PARTITION,
                   "--no-progress")

    assert here.returncode == there.returncode == 0, there.stderr
    assert there.stdout == here.stdout
    assert len(here.stdout.splitlines()) >= ARTICLES
