"""Which Dask cluster extraction runs on, as `--cluster` and `--workers` say; no Dask imported here.

`local:N` starts a LocalCluster of N worker processes on this machine;
an address (tcp://host:8786) joins a running scheduler, whose workers may
be on many machines. `--workers N` is `local:N` said shortly. Without
either, extraction runs in the calling process and Dask is never imported
(`amity.nlp.dask_extract` does the work).
"""
from __future__ import annotations

from dataclasses import dataclass


class ClusterError(Exception):
    """The cluster asked for cannot be used: one line saying why."""


@dataclass(frozen=True)
class ClusterSpec:
    """`local:N` (a LocalCluster of N worker processes) or a scheduler address such as tcp://host:8786."""

    local_workers: int | None = None
    address: str | None = None

    def __str__(self) -> str:
        return f"local:{self.local_workers}" if self.local_workers is not None else str(self.address)


def parse_cluster(value: str) -> ClusterSpec:
    """The cluster a `--cluster` value names, or a ClusterError saying what is accepted."""
    value = value.strip()
    if value.startswith("local:"):
        count = value.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(f"--cluster {value}: local:N needs a number of workers N ≥ 1")
        return ClusterSpec(local_workers=int(count))
    if "://" in value and value.split("://", 1)[1]:
        return ClusterSpec(address=value)
    raise ClusterError(f"--cluster {value!r}: use local:N or a scheduler address such as tcp://host:8786")


def cluster_of(cluster: str | None, workers: int) -> ClusterSpec | None:
    """The cluster `--cluster` or `--workers` ask for; None: extract in this process."""
    if cluster is not None and workers > 1:
        raise ClusterError("give --cluster or --workers, not both (--workers N is --cluster local:N)")
    if cluster is not None:
        return parse_cluster(cluster)
    return ClusterSpec(local_workers=workers) if workers > 1 else None
