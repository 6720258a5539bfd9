"""Extraction as Dask tasks, on this machine (a LocalCluster) or on a cluster of many.

The driver reads the input as a stream and cuts it into partitions of a
few hundred articles; each partition is one task, run on a worker by the
whole spaCy pipeline (`nlp.pipe`, one process per worker: a worker is a
process with one thread), which each worker loads once - a worker plugin
loads it as the worker starts, and `load_pipeline` is cached per process.
Records come back in input order. At most a few partitions per worker are
in flight, so the driver never holds more of the corpus than that however
long the input is. A worker that dies has its partitions run again
elsewhere by Dask (up to `RETRIES` more times); the driver still receives
each partition's records once.

With a stage folder (`--stage DIR`) each worker writes its partition's
records there as a JSON Lines shard instead of sending them back:
`part-NNNNNN-DIGEST.jsonl`, numbered in input order and named by the
partition's content, written under a hidden temporary name and renamed
when complete, so a shard is either whole or absent. A shard already
there (an earlier run, or a retried task) is not extracted again. The
driver then reads the records back from the shards, one at a time.

This module imports Dask: import it only when a cluster is asked for
(`amity.nlp.cluster` says which, without Dask).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin

from amity.model import Article, Record
from amity.nlp.cluster import ClusterError, ClusterSpec

#: Articles per task: enough that scheduling costs nothing next to extraction (~0.1 s an article).
PARTITION_ARTICLES = 250
#: Partitions queued per worker thread: one running, one waiting, one coming back.
IN_FLIGHT_PER_WORKER = 3
#: Times a partition is run again after the worker running it died.
RETRIES = 3
#: How long to wait for a scheduler before saying it cannot be reached.
CONNECT_TIMEOUT_S = 10
#: Dask settings for extraction (`amity/data/dask/amity.yaml`, which says why): Dask's defaults cost two idle
#: workers 13% of a core in timers (3% with these) and spaCy 13% more CPU an article (eager memory trimming).
QUIET_CLUSTER = "dask/amity.yaml"


class PipelineLoader(WorkerPlugin):
    """Loads the spaCy pipeline as a worker starts, so its first task does not wait for it."""

    name = "amity-pipeline"

    def setup(self, worker: object) -> None:
        from amity.nlp.pipeline import load_pipeline

        load_pipeline()


@contextmanager
def connect(spec: ClusterSpec, *, timeout: float = CONNECT_TIMEOUT_S) -> Iterator[Client]:
    """A client of the cluster `spec` names, its workers' pipeline loaded; closed (a local cluster stopped) after."""
    cluster: LocalCluster | None = None
    try:
        if spec.local_workers is not None:
            with dask.config.set(quiet_settings()):  # the nannies keep them for the workers they start again
                cluster = LocalCluster(n_workers=spec.local_workers, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(spec.address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {spec}: {_reason(exc)}") from None
    try:
        client.register_plugin(PipelineLoader())
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def quiet_settings() -> dict[str, Any]:
    """The settings of `QUIET_CLUSTER` as Dask's dotted keys (so that each replaces one value, not a section)."""
    with resources.as_file(resources.files("amity.data").joinpath(QUIET_CLUSTER)) as path:
        [settings] = dask.config.collect_yaml([str(path)])
    return dict(_dotted(settings))


def _dotted(settings: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in settings.items():
        if isinstance(value, dict):
            yield from _dotted(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def worker_count(client: Client) -> int:
    return len(client.nthreads())


def dashboard(client: Client) -> str | None:
    """Where the cluster's dashboard is served, when it is."""
    link = client.dashboard_link
    return str(link) if link else None


def extract_on(client: Client, articles: Iterable[Article], *, partition: int = PARTITION_ARTICLES,
               in_flight: int | None = None, stage: str | None = None) -> Iterator[Record]:
    """One Record per Article, in input order, extracted by the cluster's workers (through shards in `stage`)."""
    if stage is None:
        for records in _in_order(client, articles, partition, in_flight, extract_partition):
            yield from records
        return
    from amity.ingest.records import read_record_sources

    Path(stage).mkdir(parents=True, exist_ok=True)
    for shard in _in_order(client, articles, partition, in_flight, stage_partition, str(Path(stage).resolve())):
        for record in read_record_sources([shard]):
            if not isinstance(record, Record):  # a shard is written by this module: it cannot be bad but by tampering
                raise OSError(f"{record.source}: {record.reason}")
            yield record


def _in_order(client: Client, articles: Iterable[Article], partition: int, in_flight: int | None,
              task: Callable[..., Any], *args: Any) -> Iterator[Any]:
    """`task(partition, number, *args)` of each partition on the cluster, results in input order, a few in flight."""
    if in_flight is None:
        in_flight = max(2, IN_FLIGHT_PER_WORKER * max(1, sum(client.nthreads().values())))
    stream = iter(articles)
    pending: deque[Future[Any]] = deque()
    number = 0
    while True:
        while len(pending) < in_flight:
            chunk = list(islice(stream, partition))
            if not chunk:
                break
            pending.append(client.submit(task, chunk, number, *args, pure=False, retries=RETRIES))
            number += 1
        if not pending:
            return
        future = pending.popleft()
        result = future.result()
        future.release()
        yield result


def extract_partition(articles: list[Article], _number: int = 0) -> list[Record]:
    """The records of one partition, read on a worker by its cached pipeline."""
    from amity.nlp.pipeline import extract

    return list(extract(articles))


def stage_partition(articles: list[Article], number: int, folder: str) -> str:
    """Extract a partition into its shard in `folder` (unless it is there already); the shard's path."""
    digest = hashlib.sha256("\n".join(f"{a.doc}\t{a.full_text}" for a in articles).encode("utf-8")).hexdigest()[:16]
    shard = Path(folder) / f"part-{number:06d}-{digest}.jsonl"
    if shard.exists():
        return str(shard)
    partial = shard.with_name(f".{shard.name}.{os.getpid()}.tmp")  # hidden and not .jsonl: never read as a shard
    with partial.open("w", encoding="utf-8") as out:
        for record in extract_partition(articles):
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, shard)
    return str(shard)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
