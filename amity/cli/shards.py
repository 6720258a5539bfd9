"""Record shards (`--stage DIR`) merged into a registry once: a rerun of `amity ingest DIR --records` skips them.

A shard whose records are all merged (committed) gets a mark beside it,
`part-….jsonl.merged`, naming the registry; reading the folder again for
that registry leaves it out. A run stopped half-way marks only the shards
it finished, so the next run starts with the first unmarked one (and any
of its records already stored are found unchanged, as always). The shards
an `amity ingest --cluster … --stage DIR` run writes (or finds, written by
an earlier run) are marked the same way once their records are merged:
they are kept, for merging into another registry, and a folder's marks say
which registries hold them.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from amity.ingest.records import read_record_sources, record_files
from amity.model import InputError, Record

MARK_SUFFIX = ".merged"


class MergedShards:
    """Reads record inputs, leaving out the folders' shards merged into `registry` before, and marks the
    shards whose records `merged` has heard were all merged."""

    def __init__(self, registry: str) -> None:
        self._registry = registry
        self._read = 0  # records read so far
        self._merged = 0  # of which merged
        self._ends: deque[tuple[int, Path]] = deque()  # (records read when the shard ended, shard)
        self._staged: str | None = None  # the stage shard of the cluster's articles now passing
        self.skipped = 0

    def records(self, inputs: Iterable[str], max_bytes: int) -> Iterator[Record | InputError]:
        for raw in inputs:
            path = Path(raw)
            files = record_files(path) if raw != "-" and path.is_dir() else []
            if not files:  # a file, stdin, or a folder without shards (read_record_sources says so)
                yield from read_record_sources([raw], max_bytes=max_bytes)
                continue
            for shard in files:
                if self._is_marked(shard):
                    self.skipped += 1
                    continue
                for item in read_record_sources([str(shard)], max_bytes=max_bytes):
                    self._read += isinstance(item, Record)
                    yield item
                self._ended(shard)

    def staged(self, shard: str | None) -> None:
        """The next article a cluster extracted has its record in this stage shard (None: in none, or the run's
        end): the shard of the articles before it, if another, was read whole."""
        if shard != self._staged:
            if self._staged is not None:
                self._ended(Path(self._staged))
            self._staged = shard

    def handed(self) -> None:
        """One more record of a stage shard was handed on to be merged."""
        self._read += 1

    def merged(self, count: int) -> None:
        """`count` more records were committed."""
        self._merged += count
        self._mark_done()

    def finish(self) -> None:
        """Every record read was merged: mark the shards left."""
        self._merged = self._read
        self._mark_done()

    def _ended(self, shard: Path) -> None:
        self._ends.append((self._read, shard))
        self._mark_done()

    def _mark_done(self) -> None:
        while self._ends and self._ends[0][0] <= self._merged:
            shard = self._ends.popleft()[1]
            with _mark_of(shard).open("a", encoding="utf-8") as mark:
                mark.write(self._registry + "\n")

    def _is_marked(self, shard: Path) -> bool:
        mark = _mark_of(shard)
        return mark.is_file() and self._registry in mark.read_text(encoding="utf-8").splitlines()


def _mark_of(shard: Path) -> Path:
    return shard.with_name(shard.name + MARK_SUFFIX)
