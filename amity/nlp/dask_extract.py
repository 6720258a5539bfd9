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

`amity extract --cluster` and `amity ingest --cluster` have their workers
read the input files where they lie (`read_and_extract_on`): the driver
cuts each file into pieces, (file, byte range) for JSON Lines, and sends
only those; each worker reads its pieces, extracts them, and sends back
records (with the articles' names; with their text too for `ingest`,
which stores it). A file is read there when the workers can see it: on a
local cluster always; on a scheduler's workers when each of them finds
the path the user gave, of the same kind and (a file) size. Standard input
and paths some worker cannot see are read by the driver and their articles
shipped, as `extract_on` does. A bad file fails alone, one line, as when
the driver reads it. For `ingest`, articles the registry holds already
are not extracted again: each partition is first read by a short task
whose articles stay on its worker (at a higher priority, so it runs before
partitions waiting to be extracted), a second sends back their content
hashes, the driver asks the registry which of them it holds, and the
partition's extraction task takes the articles read (on the worker that
holds them, unless Dask moves them) and skips those. A piece is read once;
only a worker that dies has its pieces read again.

With a stage folder, `ingest` tells the driver which shard each article's
record is in, so that the driver marks a shard merged (`amity.cli.shards`)
once its records are committed; a partition whose articles are all stored
already is not written again, and one partly stored (a run stopped after
its shard was written) takes its records from that shard.

A local cluster runs with the settings of `amity/data/dask/amity.yaml`
(fewer timers, no profiler, glibc's own memory trimming): Dask's defaults
took a tenth of the CPU two workers on two cores had for spaCy.

This module imports Dask: import it only when a cluster is asked for
(`amity.nlp.cluster` says which, without Dask).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin, wait

from amity.ingest.pieces import Piece, cut, read_piece
from amity.ingest.sources import STDIN, input_files
from amity.model import Article, InputError, Record
from amity.nlp.cluster import ClusterError, ClusterSpec

#: Articles per task: enough that scheduling costs nothing next to extraction (~0.1 s an article).
PARTITION_ARTICLES = 250
#: Partitions queued per worker thread: one running, one waiting, one coming back.
IN_FLIGHT_PER_WORKER = 3
#: Times a partition is run again after the worker running it died.
RETRIES = 3
#: Dask priority of the short tasks that read a partition and hash its articles: before any partition waiting to be
#: extracted.
READING_PRIORITY = 10
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
        if spec.local_workers is None:
            _same_amity_everywhere(client)
        client.register_plugin(PipelineLoader())
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def installed() -> tuple[str, str]:
    """This process's Amity (version, and a digest of its code and data files) and spaCy model (name, version): what
    must be the same on every worker for a cluster's records to be the ones this machine would extract."""
    from importlib import metadata

    import amity
    from amity.nlp.pipeline import MODEL

    root = Path(amity.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(f"{path.relative_to(root).as_posix()}\0".encode() + path.read_bytes())
    try:
        model = metadata.version(MODEL)
    except metadata.PackageNotFoundError:
        model = "not installed"
    return f"Amity {amity.__version__} ({digest.hexdigest()[:12]})", f"{MODEL} {model}"


def _same_amity_everywhere(client: Client) -> None:
    """A ClusterError naming a worker whose Amity or spaCy model is not this machine's."""
    here = installed()
    for address, there in sorted(client.run(installed).items()):
        if tuple(there) != here:
            which = 0 if there[0] != here[0] else 1
            raise ClusterError(f"the Dask worker at {address} has {there[which]}, this machine {here[which]}: "
                               "install the same on every machine")


def shared_stage(client: Client, stage: str) -> None:
    """Make the stage folder, or a ClusterError naming a worker that does not see it: the workers write their shards
    into it and the driver marks them, so it must be one folder at the same path everywhere."""
    folder = Path(stage).resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".amity-stage-probe-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
    except OSError as exc:
        raise ClusterError(f"--stage {stage}: {_reason(exc)}") from None
    try:
        seen = client.run(os.path.isfile, str(probe))
    finally:
        probe.unlink(missing_ok=True)
    if blind := sorted(address for address, found in seen.items() if not found):
        raise ClusterError(f"--stage {stage}: the Dask worker at {blind[0]} does not see {folder}; the stage must be "
                           "a folder shared at the same path by this machine and every worker")


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
    Path(stage).mkdir(parents=True, exist_ok=True)
    for shard in _in_order(client, articles, partition, in_flight, stage_partition, str(Path(stage).resolve())):
        yield from _shard_records(shard)


@dataclass(frozen=True)
class Extracted:
    """One article a worker read and extracted: the article, without its text unless it was asked for (for the
    driver's counts and messages), its record (None: written to a shard, or `stored` and so not extracted), the
    start of its text that tells its language (the driver tells it: the language model would add ~60 MB to
    every worker), and the stage shard that holds its partition's records (None: none was written)."""

    article: Article
    record: Record | None
    language_sample: str = ""
    stored: bool = False
    shard: str | None = None


#: What a task of `read_and_extract_on` is given: articles read by the driver, pieces of files to read, and
#: the driver's own errors, kept in their place in the input.
Unit = Article | Piece | InputError


#: Which of the given content hashes a registry holds (asked by the driver, once per partition).
StoredOf = Callable[[list[str]], Iterable[str]]


def read_and_extract_on(client: Client, inputs: list[str], *, max_bytes: int, partition: int = PARTITION_ARTICLES,
                        in_flight: int | None = None, stage: str | None = None, local: bool = False,
                        stored_of: StoredOf | None = None) -> Iterator[Extracted | InputError]:
    """What each article of the inputs gives, in input order, with each bad input's `InputError` in its place;
    the files the workers can see (all of them: `local`) read by the workers themselves.

    With `stored_of` (`amity ingest`) each article comes back with its text and its record, or marked `stored`
    and not extracted when `stored_of` says the registry holds its content hash."""
    folder = None
    if stage is not None:
        Path(stage).mkdir(parents=True, exist_ok=True)
        folder = str(Path(stage).resolve())
    units = _units(client, inputs, partition, max_bytes, local)
    if stored_of is None:
        partitions = _in_order(client, units, partition, in_flight, extract_units, max_bytes, folder, weight=_weight)
    else:
        skipping = _Skipping(max_bytes, lambda digests: frozenset(stored_of(digests)))
        partitions = _in_order(client, units, partition, in_flight, extract_read, folder, True, weight=_weight,
                               skipping=skipping)
    for outcomes in partitions:
        yield from outcomes


def _units(client: Client, inputs: list[str], partition: int, max_bytes: int, local: bool) -> Iterator[Unit]:
    from amity.nlp.limits import readable

    for raw in inputs:
        seen_there = raw != STDIN and (local or _workers_see(client, raw))
        for item in input_files([raw]):
            if isinstance(item, InputError):
                yield item
            elif not isinstance(item, tuple):  # stdin
                yield from readable(_read_here(STDIN, max_bytes))
            elif seen_there:
                yield from cut(*item, partition)
            else:
                yield from readable(_read_here(item[1], max_bytes))


def _read_here(source: str, max_bytes: int) -> Iterator[Article | InputError]:
    """A file some worker cannot see, read by the driver (`input_files` names each file as it is opened)."""
    from amity.ingest import read_sources

    return read_sources([source], max_bytes=max_bytes)


def _workers_see(client: Client, raw: str) -> bool:
    """Whether every worker finds the path as this process does: the same kind, and a file of the same size."""
    here = _looks(str(Path(raw).absolute()))
    if here is None:
        return False
    return all(there == here for there in client.run(_looks, str(Path(raw).absolute())).values())


def _looks(path: str) -> tuple[str, int] | None:
    target = Path(path)
    try:
        return ("folder", 0) if target.is_dir() else ("file", target.stat().st_size) if target.is_file() else None
    except OSError:
        return None


def _weight(unit: Unit) -> int:
    """How many articles a unit may hold, to fill a partition: a piece its lines, anything else one."""
    return unit.lines if isinstance(unit, Piece) else 1


def extract_units(units: list[Unit], number: int, max_bytes: int,
                  folder: str | None = None) -> list[Extracted | InputError]:
    """Read the pieces among `units` here, on a worker, and extract their articles (into a shard in `folder`);
    the articles come back without their text (`amity extract`)."""
    return extract_read(read_units(units, max_bytes), number, folder)


def extract_read(items: list[Article | InputError], number: int, folder: str | None = None, keep: bool = False,
                 stored: frozenset[str] = frozenset()) -> list[Extracted | InputError]:
    """Extract the articles among `items`, read on a worker by `read_units`, but those whose content hash is
    `stored` (into a shard in `folder`; `keep`: records and articles' text are sent back all the same)."""
    from amity.language import SAMPLE_CHARS

    articles = [item for item in items if isinstance(item, Article)]
    held = [bool(stored) and article.content_hash in stored for article in articles]
    records, shard = _records_of(articles, held, number, folder, keep)
    made, holds = iter(records), iter(held)
    out: list[Extracted | InputError] = []
    for item in items:
        if isinstance(item, InputError):
            out.append(item)
        elif next(holds):
            out.append(Extracted(replace(item, text=""), None, stored=True, shard=shard))
        else:
            out.append(Extracted(item if keep else replace(item, text=""), next(made), item.text[:SAMPLE_CHARS],
                                 shard=shard))
    return out


def _records_of(articles: list[Article], held: list[bool], number: int, folder: str | None,
                keep: bool) -> tuple[list[Record | None], str | None]:
    """The records of the articles not `held` (None each when written to a shard and not `keep`), and the shard of
    the partition's records in `folder`: written now, or by an earlier run (whose records are taken, when some of
    its articles were stored since), or None."""
    wanted = [article for article, is_held in zip(articles, held, strict=True) if not is_held]
    if folder is None:
        return list(extract_partition(wanted)), None
    if not articles:  # no empty shard for a task of unreadable inputs only
        return [], None
    whole = shard_of(articles, number, folder)
    if any(held) and whole.exists():  # written before some of its articles were stored: none extracted again
        written = list(_shard_records(str(whole)))
        if len(written) == len(articles):
            return [record if keep else None for record, is_held in zip(written, held, strict=True) if not is_held], \
                str(whole)
    if not wanted:  # all stored: nothing to write, and an earlier run's shard of them is done with
        return [], str(whole) if whole.exists() else None
    shard = stage_partition(wanted, number, folder)
    return (list(_shard_records(shard)) if keep else [None] * len(wanted)), shard


def read_units(units: list[Unit], max_bytes: int) -> list[Article | InputError]:
    """The articles among `units`, the pieces read here, on a worker, and the bad inputs among them."""
    from amity.nlp.limits import readable

    items: list[Article | InputError] = []
    for unit in units:
        if isinstance(unit, Piece):
            items += readable(read_piece(unit, max_bytes))
        else:
            items.append(unit)
    return items


def content_hashes(items: list[Article | InputError]) -> list[str]:
    """The content hashes of the articles a worker read, for the driver to ask the registry which it holds."""
    return [item.content_hash for item in items if isinstance(item, Article)]


@dataclass(frozen=True)
class _Skipping:
    """Articles the registry holds are not extracted (`amity ingest`): each partition is read first by a task whose
    articles stay on its worker, a second sends back their content hashes, and the partition's own task is given
    the articles read instead of the partition, and what `stored_of` says of the hashes as its last argument."""

    max_bytes: int
    stored_of: Callable[[list[str]], frozenset[str]]


@dataclass
class _Submitted:
    """A partition on the cluster. Until `hashed`: `chunk` is the future of its articles read and `future` that of
    their hashes; then `future` is its own task's."""

    chunk: Any
    number: int
    future: Future[Any]
    hashed: bool


def _in_order(client: Client, articles: Iterable[Any], partition: int, in_flight: int | None,
              task: Callable[..., Any], *args: Any, weight: Callable[[Any], int] | None = None,
              skipping: _Skipping | None = None) -> Iterator[Any]:
    """`task(partition, number, *args)` of each partition on the cluster, results in input order.

    At most `in_flight` partitions are submitted and not yet taken back (by default `IN_FLIGHT_PER_WORKER` per
    worker thread, counted again at each result, so workers that join later get work too): however long the
    input, the driver holds that many partitions and the scheduler that many tasks. With `skipping`, each
    partition's task is submitted once its articles are read and hashed; the driver waits for whichever of its
    tasks ends first, so that no worker idles."""
    stream = iter(articles)
    pending: deque[_Submitted] = deque()
    number = 0

    def run(chunk: Any, at: int, *last: Any) -> Future[Any]:
        return client.submit(task, chunk, at, *args, *last, pure=False, retries=RETRIES)

    def first(step: Callable[..., Any], *given: Any) -> Future[Any]:
        return client.submit(step, *given, pure=False, retries=RETRIES, priority=READING_PRIORITY)

    while True:
        most = in_flight or max(2, IN_FLIGHT_PER_WORKER * max(1, sum(client.nthreads().values())))
        while len(pending) < most:
            chunk = list(islice(stream, partition)) if weight is None else _weighed(stream, partition, weight)
            if not chunk:
                break
            if skipping is None:
                pending.append(_Submitted(chunk, number, run(chunk, number), hashed=True))
            else:
                read = first(read_units, chunk, skipping.max_bytes)
                pending.append(_Submitted(read, number, first(content_hashes, read), hashed=False))
            number += 1
        if not pending:
            return
        head = pending[0]
        if skipping is not None:
            for submitted in pending:
                if not submitted.hashed and submitted.future.done():
                    found = skipping.stored_of(submitted.future.result())
                    submitted.future.release()
                    submitted.future, submitted.hashed = run(submitted.chunk, submitted.number, found), True
                    submitted.chunk.release()  # kept on its worker for the task that takes it
                    submitted.chunk = None
            if not (head.hashed and head.future.done()):
                wait([s.future for s in pending if not s.hashed or s is head], return_when="FIRST_COMPLETED")
                continue
        pending.popleft()
        result = head.future.result()
        head.future.release()
        yield result


def _weighed(stream: Iterator[Any], partition: int, weight: Callable[[Any], int]) -> list[Any]:
    """The next items of `stream` up to a partition's weight (the first always, however heavy)."""
    chunk: list[Any] = []
    load = 0
    while load < partition:
        item = next(stream, None)
        if item is None:
            break
        chunk.append(item)
        load += weight(item)
    return chunk


def extract_partition(articles: list[Article], _number: int = 0) -> list[Record]:
    """The records of one partition, read on a worker by its cached pipeline."""
    from amity.nlp.pipeline import extract

    return list(extract(articles))


def _shard_records(shard: str) -> Iterator[Record]:
    from amity.ingest.records import read_record_sources

    for record in read_record_sources([shard]):
        if not isinstance(record, Record):  # a shard is written by this module: it cannot be bad but by tampering
            raise OSError(f"{record.source}: {record.reason}")
        yield record


def shard_of(articles: list[Article], number: int, folder: str) -> Path:
    """The shard of a partition's records in `folder`: numbered in input order, named by the articles' content."""
    digest = hashlib.sha256("\n".join(f"{a.doc}\t{a.full_text}" for a in articles).encode("utf-8")).hexdigest()[:16]
    return Path(folder) / f"part-{number:06d}-{digest}.jsonl"


def stage_partition(articles: list[Article], number: int, folder: str) -> str:
    """Extract a partition into its shard in `folder` (unless it is there already); the shard's path."""
    shard = shard_of(articles, number, folder)
    if shard.exists():
        return str(shard)
    # hidden and not .jsonl: never read as a shard; a name of its own, as a task run twice or a worker of another
    # machine with the same pid may be writing this shard at the same time
    partial = shard.with_name(f".{shard.name}.{socket.gethostname()}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    with partial.open("w", encoding="utf-8") as out:
        for record in extract_partition(articles):
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, shard)
    _remove_abandoned(shard)
    return str(shard)


#: A partial shard of another machine untouched this long was left by a worker that died writing it: a live
#: writer adds an article's records every few seconds, so a day is far beyond any pause of one (or clock skew).
_ABANDONED_AFTER_SECONDS = 24 * 3600


def _remove_abandoned(shard: Path) -> None:
    """Delete the partial files of this shard whose writer is dead: on this machine, a process that is gone; of
    another machine, one untouched for a day. A live writer's stay."""
    before = time.time() - _ABANDONED_AFTER_SECONDS
    here = socket.gethostname()
    for partial in shard.parent.glob(f".{shard.name}.*.tmp"):
        host, _, pid = partial.name[len(shard.name) + 2:-len(".tmp")].rpartition(".")[0].rpartition(".")
        try:
            if (host == here and pid.isdigit() and not _running(int(pid))) or partial.stat().st_mtime < before:
                partial.unlink()
        except FileNotFoundError:  # its writer finished, or another cleaner took it
            pass


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
