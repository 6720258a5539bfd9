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

This module imports Dask: import it only when a cluster is asked for
(`amity.nlp.cluster` says which, without Dask).
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

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


def worker_count(client: Client) -> int:
    return len(client.nthreads())


def dashboard(client: Client) -> str | None:
    """Where the cluster's dashboard is served, when it is."""
    link = client.dashboard_link
    return str(link) if link else None


def extract_on(client: Client, articles: Iterable[Article], *, partition: int = PARTITION_ARTICLES,
               in_flight: int | None = None) -> Iterator[Record]:
    """One Record per Article, in input order, extracted by the cluster's workers."""
    if in_flight is None:
        in_flight = max(2, IN_FLIGHT_PER_WORKER * max(1, sum(client.nthreads().values())))
    stream = iter(articles)
    pending: deque[Future[list[Record]]] = deque()
    while True:
        while len(pending) < in_flight:
            chunk = list(islice(stream, partition))
            if not chunk:
                break
            pending.append(client.submit(extract_partition, chunk, pure=False, retries=RETRIES))
        if not pending:
            return
        future = pending.popleft()
        records: list[Record] = future.result()
        future.release()
        yield from records


def extract_partition(articles: list[Article]) -> list[Record]:
    """The records of one partition, read on a worker by its cached pipeline."""
    from amity.nlp.pipeline import extract

    return list(extract(articles))


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
