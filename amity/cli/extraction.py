"""Where `extract` and `ingest` run the NLP: in this process, or on a Dask cluster (`--cluster`, `--workers`).

The cluster is reached before any input is read, so an unreachable
scheduler, a worker with another Amity or spaCy model than this machine's,
or a stage folder some worker does not see is one line and exit status 1
with nothing done; the dashboard's address is printed once it is up. Dask is imported only when a cluster is
asked for.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from amity.cli.app import err, fail
from amity.model import InputError

if TYPE_CHECKING:  # Dask loads only when a cluster is asked for
    from amity.nlp.dask_extract import Extracted, StoredOf

ClusterOption = Annotated[str | None, typer.Option(
    "--cluster", show_default=False,
    help="Extract on Dask: local:N (N worker processes on this machine) or a scheduler address "
         "(tcp://host:8786) whose workers may be on many machines.")]
WorkersOption = Annotated[int, typer.Option("--workers", "-w", min=1,
                                            help="Worker processes on this machine: --cluster local:N said shortly.")]
PartitionOption = Annotated[int, typer.Option("--partition", min=1,
                                              help="Articles per Dask task (with --cluster or --workers).")]
ProgressOption = Annotated[bool | None, typer.Option(
    "--progress/--no-progress", show_default=False,
    help="A progress bar on stderr (articles read, extracted, merged; rate, ETA) [default: on a terminal].")]

StageOption = Annotated[str | None, typer.Option(
    "--stage", show_default=False,
    help="With --cluster or --workers: workers write their records as JSON Lines shards into this folder "
         "(one per partition, a shard whole or absent); `amity ingest DIR --records` merges them.")]

DEFAULT_PARTITION = 250


@contextmanager
def extractor_for(cluster: str | None, workers: int, partition: int,
                  stage: str | None = None) -> Iterator[OnCluster | None]:
    """The extractor `--cluster`/`--workers` ask for (its records staged in `stage`), its cluster up for the
    block; None: this process."""
    from amity.nlp.cluster import ClusterError, cluster_of

    try:
        spec = cluster_of(cluster, workers)
    except ClusterError as exc:
        fail(str(exc))
    if spec is None:
        if stage is not None:
            fail("--stage is where cluster workers write their records: give --cluster or --workers too")
        yield None
        return
    from amity.nlp import dask_extract

    with ExitStack() as stack:
        try:
            client = stack.enter_context(dask_extract.connect(spec))
            if stage is not None and spec.local_workers is None:
                dask_extract.shared_stage(client, stage)
        except ClusterError as exc:
            fail(str(exc))
        where = dask_extract.dashboard(client)
        err.print(f"amity: extracting on Dask ({spec}, {dask_extract.worker_count(client)} workers)"
                  + (f"; dashboard at {where}" if where else ""), markup=False)

        yield OnCluster(client, partition, stage, local=spec.local_workers is not None)


class OnCluster:
    """Extraction on a Dask cluster of the input files, read by the workers themselves where they can see them
    (the driver reads those they cannot, and stdin, and sends their articles)."""

    def __init__(self, client: Any, partition: int, stage: str | None, *, local: bool) -> None:
        self._client, self._partition, self._stage, self._local = client, partition, stage, local

    def read_and_extract(self, inputs: list[str], max_bytes: int,
                         stored_of: StoredOf | None = None) -> Iterator[Extracted | InputError]:
        """What the articles of `inputs` give (with `stored_of`: with their text, and not extracted when stored)."""
        from amity.nlp import dask_extract

        return dask_extract.read_and_extract_on(self._client, inputs, max_bytes=max_bytes, partition=self._partition,
                                                stage=self._stage, local=self._local, stored_of=stored_of)
