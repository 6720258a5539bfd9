"""Amity past one machine: extraction on Dask workers, bulk merging, memory, and what it adds up to per day.

    python benchmarks/scale.py                                   # 2,000 articles, registries of 1k and 5k, SQLite
    python benchmarks/scale.py --articles 300 --sizes 1000,3000 --rss 200,800
    python benchmarks/scale.py --postgres postgresql+psycopg://amity:amity@127.0.0.1/amity_bench --sizes 10000,50000,100000
    python benchmarks/scale.py --skip extract,rss --keep /tmp/scale --sizes 100000 --merge 600   # again, in minutes

Prints one table, with the machine's load (`uptime`) at the start and end, and the seconds it took:

  1. Extraction: articles/s on a Dask LocalCluster of 1 and of 2 worker
     processes over the same synthetic corpus (texts composed by
     `generate_registry.py`'s world: our own template sentences), which the
     workers read in pieces, timed after the workers have loaded spaCy;
     efficiency = speed-up / workers.
  2. Merge: records/s into SQLite (and PostgreSQL with --postgres) when the
     registry already holds each of --sizes articles, batched (as `amity
     ingest` now merges) and one article per transaction (as before), and
     ms per article, whose flatness across sizes is the point.
  3. Peak RSS of the driver and of the worker of `amity extract --cluster
     local:1` over corpora of --rss sizes (flat = the driver streams).
  4. Projection: articles a day per worker, workers for 1M articles a day,
     and whether one database keeps up.

Figures for the targets (efficiency ≥ 0.9, merge ≥ 150/s on SQLite and
≥ 300/s on PostgreSQL at 100k) need an idle machine: on a shared one,
two workers share the cores with whatever else runs (see the load).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate_registry  # noqa: E402  (the synthetic world, beside this script)

DAY = 86_400


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, timeout=5).stdout.strip()
    except OSError:
        return f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}"


_WORLDS: dict[int, object] = {}


def world_pairs(count: int, first: int = 0, seed: int = 7):  # type: ignore[no-untyped-def]
    """`count` (Article, Record) pairs of one synthetic world (1,500 towns, 5,000 partnerships), numbered from `first`."""
    if seed not in _WORLDS:
        _WORLDS[seed] = generate_registry.World(random.Random(seed), 1500, 5000)
    return generate_registry.articles(_WORLDS[seed], random.Random(seed + first), count, first)


def write_corpus(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for article, _record in world_pairs(count):
            out.write(json.dumps({"doc": article.doc, "title": article.title, "text": article.text,
                                  "url": article.url, "published": article.published}, ensure_ascii=False) + "\n")
    return path


# --------------------------------------------------------------------------- 1. extraction

@dataclass(frozen=True)
class Extraction:
    """One timed extraction on a LocalCluster: its rate, and the CPU each kind of process spent on it.

    The CPU milliseconds an article are the fair figures on a shared machine
    (another job's load lengthens the wall clock, not them); `efficiency_bound`
    says what they allow on an idle machine with a core per worker."""

    workers: int
    articles: int
    wall_s: float
    worker_ms: float  # CPU of the worker processes (spaCy and Dask), per article
    nanny_ms: float  # CPU of the nannies that watch them
    driver_ms: float  # CPU of this process: cutting the input, the scheduler (a thread here), receiving records
    load: str

    @property
    def rate(self) -> float:
        return self.articles / self.wall_s

    @property
    def overhead_cores(self) -> float:
        """Cores the nannies, the driver and the scheduler kept busy: mostly timers, so a rate per second."""
        return (self.nanny_ms + self.driver_ms) * self.articles / 1000 / self.wall_s


def _cpu_s() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system


def extraction(corpus: Path, workers: int, partition: int) -> Extraction:
    """Extract the corpus on a LocalCluster of `workers` processes, which read its pieces themselves (as `amity
    extract` and `amity ingest` with --cluster), timed after every worker has loaded spaCy."""
    from amity.nlp.cluster import ClusterSpec
    from amity.nlp.dask_extract import Extracted, connect, read_and_extract_on

    with connect(ClusterSpec(local_workers=workers)) as client:
        client.wait_for_workers(workers)
        client.run(lambda: __import__("amity.nlp.pipeline", fromlist=["load_pipeline"]).load_pipeline())
        worker0, nanny0 = sum(client.run(_cpu_s).values()), sum(client.run(_cpu_s, nanny=True).values())
        driver0, started = time.process_time(), time.perf_counter()
        done = sum(isinstance(item, Extracted) for item in read_and_extract_on(
            client, [str(corpus)], max_bytes=10_000_000, partition=partition, local=True))
        wall, driver = time.perf_counter() - started, time.process_time() - driver0
        worker, nanny = sum(client.run(_cpu_s).values()) - worker0, sum(client.run(_cpu_s, nanny=True).values()) - nanny0
    per = 1000 / done
    return Extraction(workers, done, wall, worker * per, nanny * per, driver * per, uptime().split("load average:")[-1])


def efficiency_bound(one: Extraction, many: Extraction) -> float:
    """Speed-up / workers on an idle machine with a core per worker, if CPU were all that counted: one worker
    runs at 1 / its CPU an article (the driver and the nanny use the other core); N workers get the N cores
    less what the nannies, the driver and the scheduler take, at their CPU an article."""
    return (many.workers - many.overhead_cores) / many.workers * one.worker_ms / many.worker_ms


# --------------------------------------------------------------------------- 2. merge

def merge_rates(url: str, sizes: list[int], measured: int) -> list[tuple[int, float, float, float]]:
    """(registry size, batched records/s, one-per-transaction records/s, batched CPU ms per record of this
    process) at each size. The CPU time does not depend on what else runs on the machine: on SQLite it is all
    of the merge's work; on PostgreSQL the server's share is not in it."""
    from amity.registry import ingest, stats
    from amity.registry.intake import BATCH_ARTICLES
    from amity.store import open_database

    db = open_database(url, create=True)
    out = []
    held = stats(db)["articles"]
    number = next_number(db)  # docs of new articles: after those a kept registry holds
    try:
        for size in sizes:
            if held < size:
                ingest(world_pairs(size - held, first=number), db)
                number += size - held
                held = stats(db)["articles"]
            rates, cpu = [], []
            for batch in (BATCH_ARTICLES, 1):  # batched as `amity ingest`, then one by one
                pairs = list(world_pairs(measured, first=number))
                number += measured
                started, cpu_started = time.perf_counter(), time.process_time()
                ingest(pairs, db, batch_articles=batch)
                rates.append(measured / (time.perf_counter() - started))
                cpu.append((time.process_time() - cpu_started) * 1000 / measured)
                held = stats(db)["articles"]
            out.append((size, rates[0], rates[1], cpu[0]))
            print(f"  merge {url.split(':')[0]:<10} at {size:>7,}: {rates[0]:7.1f} records/s batched "
                  f"({cpu[0]:.1f} ms CPU each here), {rates[1]:7.1f} one per transaction ({cpu[1]:.1f} ms CPU)   "
                  f"[{uptime()}]", flush=True)
    finally:
        db.dispose()
    return out


def next_number(db) -> int:  # type: ignore[no-untyped-def]
    """The first doc number no article of the registry has (filler and measured articles count up from 10,000,000)."""
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from amity.store.schema import ArticleRow

    with Session(db) as session:
        last = session.scalar(select(func.max(ArticleRow.doc)).where(ArticleRow.doc.like("synthetic-________")))
    return max(10_000_000, int(last.rsplit("-", 1)[1]) + 1 if last else 0)


def empty_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    from amity.store.engine import database_url

    engine = create_engine(database_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


# --------------------------------------------------------------------------- 3. memory

def peak_rss(corpus: Path) -> tuple[float, float]:
    """Peak RSS in MB of `amity extract --cluster local:1`'s driver and of its worker (largest child)."""
    import psutil

    script = Path(sys.executable).with_name("amity")
    run = subprocess.Popen([str(script), "extract", str(corpus), "--format", "jsonl", "--cluster", "local:1",
                            "--partition", "100", "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    driver = psutil.Process(run.pid)
    peaks: dict[int, float] = {}
    while run.poll() is None:
        try:
            for process in [driver, *driver.children(recursive=True)]:
                peaks[process.pid] = max(peaks.get(process.pid, 0.0), _hwm_mb(process.pid))
        except psutil.Error:
            pass
        time.sleep(0.5)
    if run.returncode:
        raise RuntimeError(run.stderr.read().decode() if run.stderr else "amity extract failed")
    workers = [mb for pid, mb in peaks.items() if pid != run.pid]
    return peaks.get(run.pid, 0.0), max(workers, default=0.0)


def _hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# --------------------------------------------------------------------------- run

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="extraction corpus (default 2000)")
    parser.add_argument("--partition", type=int, default=100,
                        help="articles per Dask task in the extraction (default 100: 10 a worker in 2,000)")
    parser.add_argument("--sizes", default="1000,5000",
                        help="registry sizes to merge into, comma-separated (default 1000,5000; the targets: "
                             "10000,50000,100000)")
    parser.add_argument("--merge", type=int, default=300, help="records merged at each size, each way (default 300)")
    parser.add_argument("--rss", default="1000,10000", help="corpus sizes for peak RSS (default 1000,10000)")
    parser.add_argument("--postgres", help="also merge into this PostgreSQL database (emptied first, unless --keep)")
    parser.add_argument("--keep", type=Path,
                        help="merge into the SQLite registry DIR/merge.db and keep it, and do not empty --postgres: "
                             "a registry filled to 50k or 100k articles once is measured again in minutes (each "
                             "run adds 2 x --merge articles per size)")
    parser.add_argument("--skip", default="", help="parts to skip: extract,merge,rss (sqlite: the merge into SQLite)")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    sizes = [int(s) for s in args.sizes.split(",") if s]
    began = time.perf_counter()
    print(f"start: {uptime()}  ({os.cpu_count()} CPUs)", flush=True)
    with tempfile.TemporaryDirectory(prefix="amity-scale-") as tmp:
        folder = Path(tmp)
        runs: list[Extraction] = []
        if "extract" not in skip:
            corpus = write_corpus(folder / "corpus.jsonl", args.articles)
            for workers in (1, 2):
                runs.append(extraction(corpus, workers, args.partition))
                run = runs[-1]
                print(f"  extract on {workers} worker(s): {run.rate:6.1f} articles/s, CPU ms an article: workers "
                      f"{run.worker_ms:.1f}, nannies {run.nanny_ms:.2f}, driver {run.driver_ms:.2f}   "
                      f"[{uptime()}]", flush=True)
        rate1 = 1000 / runs[0].worker_ms if runs else 0.0  # a worker's articles/s on a core of its own
        merges: dict[str, list[tuple[int, float, float, float]]] = {}
        if "merge" not in skip:
            if "sqlite" not in skip:
                merges["sqlite"] = merge_rates(f"sqlite:///{(args.keep or folder) / 'merge.db'}", sizes, args.merge)
            if args.postgres:
                if not args.keep:
                    empty_postgres(args.postgres)
                merges["postgresql"] = merge_rates(args.postgres, sizes, args.merge)
        rss: list[tuple[int, float, float]] = []
        if "rss" not in skip:
            for size in [int(s) for s in args.rss.split(",") if s]:
                driver, worker = peak_rss(write_corpus(folder / f"rss-{size}.jsonl", size))
                rss.append((size, driver, worker))
                print(f"  peak RSS at {size:>6,} articles: driver {driver:6.0f} MB, worker {worker:6.0f} MB   "
                      f"[{uptime()}]", flush=True)

    print()
    print("| figure | value |\n|---|---|")
    if runs:
        one, two = runs
        print(f"| extraction, 1 worker ({args.articles:,} articles, {args.partition} a task) | {one.rate:.1f} articles/s "
              f"(load {one.load.strip()}) |")
        print(f"| extraction, 2 workers | {two.rate:.1f} articles/s (speed-up {two.rate / one.rate:.2f}×, "
              f"efficiency {two.rate / one.rate / 2:.2f}; load {two.load.strip()}) |")
        for run in runs:
            print(f"| CPU ms an article, {run.workers} worker(s) | workers {run.worker_ms:.1f}, nannies "
                  f"{run.nanny_ms:.2f}, driver and scheduler {run.driver_ms:.2f} (these two: "
                  f"{100 * run.overhead_cores:.1f}% of a core) |")
        print(f"| efficiency the CPU allows on an idle machine | {efficiency_bound(one, two):.2f} |")
    for backend, rows in merges.items():
        for size, batched, single, cpu in rows:
            print(f"| merge into {backend} at {size:,} | {batched:.0f} records/s batched "
                  f"({1000 / batched:.1f} ms each, {cpu:.1f} ms CPU in amity), {single:.0f}/s one per transaction "
                  f"({batched / single:.1f}×) |")
    for size, driver, worker in rss:
        print(f"| peak RSS, {size:,} articles | driver {driver:.0f} MB, worker {worker:.0f} MB |")
    if rate1:
        per_day = rate1 * DAY
        print(f"| articles/day per worker (a core each: 1 / its CPU an article) | {per_day:,.0f} |")
        scaled = rate1 * max(efficiency_bound(*runs), 0.01)
        print(f"| workers for 1M articles/day | {math.ceil(1_000_000 / DAY / scaled)} "
              f"(at the efficiency the CPU allows) |")
    for backend, rows in merges.items():
        if rows:
            slowest = min(batched for _size, batched, _single, _cpu in rows)
            workers = f" (the output of {slowest / rate1:.0f} workers)" if rate1 else ""
            print(f"| {backend} keeps up with | {slowest * DAY:,.0f} articles/day{workers} |")
    print(f"\nend: {uptime()}  ({time.perf_counter() - began:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
