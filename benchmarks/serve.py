"""Load test of `amity serve`: N clients for S seconds over the main pages and the JSON API.

    python benchmarks/serve.py --db sqlite:////tmp/serve-bench.db          # 20 clients, 30 s
    python benchmarks/serve.py --clients 5 --seconds 10                   # a small registry from examples/
    python benchmarks/serve.py --db ... --check                           # exit 1 when a target is missed

The server is the real thing: `amity serve --workers N` (uvicorn processes sharing the port) started
as a subprocess on a free loopback port, over the registry --db names (an
existing one, e.g. made by benchmarks/generate_registry.py; it is only read).
Without --db a small registry is built from examples/articles in a
temporary file, which says little about a large registry.

Load is closed-loop: each client (an httpx2 AsyncClient with its own
connection, all in one event loop) sends its next request only when the
previous answer has arrived, so the server is never sent more than
--clients requests at once and latency is not inflated by a queue of our own.
Each request goes to an endpoint group drawn at random, and to a URL of
that group made from ids, party names and words sampled from the database
(fixed by --seed).

Baseline: the stylesheet /static/amity.css is one of the groups, measured
under the same load in the same run; each group's p50 is also given as a
ratio to it, which separates the cost of a page's queries and rendering from
what the machine, uvicorn and the client add anyway. The client runs on the
same machine and takes CPU from the server: its CPU time and the server's
are printed. Before the timed run every group is requested once (on SQLite
the first search builds the full-text index), and that warm-up is timed.

Targets (issue 4): p95 < 150 ms for every API group, no errors.
"""
from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from harness import ROOT, amity, serve, sqlite_url

API_P95_MS = 150.0
BASELINE = "static /static/amity.css"
SAMPLE = 200  # ids of each kind to spread the requests over


@dataclass
class Sample:
    """Ids and words drawn from the registry, for URLs that hit real rows."""

    ties: list[int]
    entities: list[int]
    articles: list[int]
    parties: list[str]
    words: list[str]


def sample_registry(db_url: str, rng: random.Random) -> Sample:
    """Random ties, entities that are parties to a tie, articles, party names and words of those names."""
    from sqlalchemy import Select, create_engine, select

    from amity.store.engine import database_url
    from amity.store.schema import ArticleRow, EntityRow, TiePartyRow, TieRow

    engine = create_engine(database_url(db_url))
    try:
        with engine.connect() as db:
            def some(query: Select[tuple[int]]) -> list[int]:
                ids = sorted(db.execute(query).scalars())
                return rng.sample(ids, min(SAMPLE, len(ids)))

            ties, articles = some(select(TieRow.id)), some(select(ArticleRow.id))
            parties = some(select(TiePartyRow.entity_id).distinct())
            names = dict(db.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(parties))).all())
    finally:
        engine.dispose()
    if not (ties and articles and parties):
        raise SystemExit("serve.py: the registry needs ties and articles to measure anything")
    party_names = [names[i] for i in parties if i in names]
    words = sorted({w for n in party_names for w in n.split() if len(w) > 3 and w.isalpha()}) or party_names
    return Sample(ties, parties, articles, party_names, words)


def groups(s: Sample) -> dict[str, Callable[[random.Random], str]]:
    """Endpoint group → a function that makes one URL of it."""
    def q(values: list[str]) -> Callable[[random.Random], str]:
        return lambda r: quote(r.choice(values))

    party, word = q(s.parties), q(s.words)
    return {
        BASELINE: lambda r: "/static/amity.css",
        "page /": lambda r: "/",
        "page /ties": lambda r: "/ties",
        "page /ties?party=": lambda r: f"/ties?party={party(r)}",
        "page /ties/{id}": lambda r: f"/ties/{r.choice(s.ties)}",
        "page /entities/{id}": lambda r: f"/entities/{r.choice(s.entities)}",
        "page /articles/{id}": lambda r: f"/articles/{r.choice(s.articles)}",
        "page /search?q=": lambda r: f"/search?q={word(r)}",
        "api /api/ties": lambda r: "/api/ties",
        "api /api/ties?party=": lambda r: f"/api/ties?party={party(r)}",
        "api /api/ties/{id}": lambda r: f"/api/ties/{r.choice(s.ties)}",
        "api /api/entities/{id}": lambda r: f"/api/entities/{r.choice(s.entities)}",
        "api /api/events": lambda r: "/api/events",
        "api /api/articles": lambda r: "/api/articles",
        "api /api/search?q=": lambda r: f"/api/search?q={word(r)}",
        "api /api/stats": lambda r: "/api/stats",
    }


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    examples: dict[str, str] = field(default_factory=dict)  # group → one failure, to say why


async def client(base: str, make: dict[str, Callable[[random.Random], str]], deadline: float, rng: random.Random,
                 results: Results) -> None:
    import httpx2

    names = list(make)
    async with httpx2.AsyncClient(base_url=base, timeout=30.0, limits=httpx2.Limits(max_connections=1)) as http:
        while time.perf_counter() < deadline:
            group = rng.choice(names)
            url = make[group](rng)
            started = time.perf_counter()
            try:
                response = await http.get(url)
                await response.aread()
                failed = None if response.status_code == 200 else f"{url} answered {response.status_code}"
            except Exception as exc:  # noqa: BLE001 - any failure of a request is an error to count
                failed = f"{url}: {type(exc).__name__}: {exc}"
            elapsed = time.perf_counter() - started
            results.latencies[group].append(elapsed)
            if failed:
                results.errors[group] += 1
                results.examples.setdefault(group, failed)


async def load(base: str, make: dict[str, Callable[[random.Random], str]], clients: int, seconds: float,
               seed: int) -> Results:
    results = Results()
    deadline = time.perf_counter() + seconds
    await asyncio.gather(*(client(base, make, deadline, random.Random(seed * 1000 + i), results)
                           for i in range(clients)))
    return results


def warm_up(base: str, make: dict[str, Callable[[random.Random], str]], rng: random.Random) -> dict[str, float]:
    import httpx2

    took = {}
    with httpx2.Client(base_url=base, timeout=600.0) as http:
        for group, url_of in make.items():
            started = time.perf_counter()
            response = http.get(url_of(rng))
            took[group] = time.perf_counter() - started
            if response.status_code != 200:
                print(f"warm-up: {group} answered {response.status_code}", file=sys.stderr)
    return took


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def report(results: Results, seconds: float, clients: int) -> bool:
    """Print the table and the verdict; True when every target is met."""
    base_p50 = percentile(results.latencies[BASELINE], 50) if results.latencies[BASELINE] else float("nan")
    total = sum(len(v) for v in results.latencies.values())
    errors = sum(results.errors.values())
    print(f"\n{clients} clients, {seconds:.0f} s: {total} requests ({total / seconds:.0f}/s), {errors} errors\n")
    print(f"{'group':<26} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p50/base':>9}")
    met = errors == 0
    for group in sorted(results.latencies, key=lambda g: (g != BASELINE, g)):
        values = results.latencies[group]
        p50, p95, top = (percentile(values, p) * 1000 for p in (50, 95, 100))
        slow = group.startswith("api ") and p95 >= API_P95_MS
        met = met and not slow
        print(f"{group:<26} {len(values):>8} {results.errors[group]:>6} {p50:>8.1f} {p95:>8.1f} {top:>8.1f} "
              f"{p50 / 1000 / base_p50:>8.1f}x{'  <- p95 over target' if slow else ''}")
    for group, example in results.examples.items():
        print(f"error in {group}: {example}")
    api = [v for g, vs in results.latencies.items() if g.startswith("api ") for v in vs]
    pages = [v for g, vs in results.latencies.items() if g.startswith("page ") for v in vs]
    for name, values in (("all API", api), ("all pages", pages)):
        if values:
            print(f"{name:<26} {len(values):>8} {'':>6} {percentile(values, 50) * 1000:>8.1f} "
                  f"{percentile(values, 95) * 1000:>8.1f} {max(values) * 1000:>8.1f}")
    print(f"\ntargets: every API group p95 < {API_P95_MS:.0f} ms, no errors: {'met' if met else 'MISSED'}")
    return met


def _cpu(processes: list) -> float:  # type: ignore[type-arg]
    """User and system CPU seconds of the server's processes (its workers too)."""
    return sum(sum(p.cpu_times()[:2]) for p in processes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="Registry to serve (only read). Default: a small one built from examples/.")
    parser.add_argument("--clients", type=int, default=20, help="Concurrent clients (default 20).")
    parser.add_argument("--seconds", type=float, default=30.0, help="How long the timed run lasts (default 30).")
    parser.add_argument("--seed", type=int, default=1, help="Seed of the sampled ids and request order.")
    parser.add_argument("--check", action="store_true", help="Exit 1 when a target is missed.")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="`amity serve --workers` (default: one per CPU, as a server would be run).")
    parser.add_argument("--threads", type=int, default=None, help="`amity serve --threads` (default: its own).")
    args = parser.parse_args(argv)

    import psutil

    with tempfile.TemporaryDirectory() as tmp:
        db_url = args.db
        if db_url is None:
            db_url = sqlite_url(Path(tmp) / "examples.db")
            print("serve.py: no --db given: building a small registry from examples/articles "
                  f"({db_url}); figures on it say little about a large registry", file=sys.stderr)
            amity("ingest", str(ROOT / "examples" / "articles"), "--db", db_url)
        rng = random.Random(args.seed)
        sample = sample_registry(db_url, rng)
        make = groups(sample)
        options = ["--workers", str(args.workers)] + (["--threads", str(args.threads)] if args.threads else [])
        with serve(db_url, *options) as server:
            print(f"amity serve on {server.url} over {db_url}: {len(sample.ties)} ties, {len(sample.entities)} "
                  f"entities, {len(sample.articles)} articles sampled")
            started = time.perf_counter()
            took = warm_up(server.url, make, rng)
            slowest = max(took, key=took.__getitem__)
            print(f"warm-up: every group once in {time.perf_counter() - started:.1f} s "
                  f"(slowest {slowest}: {took[slowest]:.2f} s)")
            processes = [psutil.Process(server.process.pid), *psutil.Process(server.process.pid).children(recursive=True)]
            server_cpu, client_cpu = _cpu(processes), time.process_time()
            results = asyncio.run(load(server.url, make, args.clients, args.seconds, args.seed))
            server_cpu, client_cpu = _cpu(processes) - server_cpu, time.process_time() - client_cpu
            if server.process.poll() is not None:
                print(f"the server died: {server.output()[-2000:]}", file=sys.stderr)
        met = report(results, args.seconds, args.clients)
        print(f"CPU during the run: server {server_cpu:.1f} s, client {client_cpu:.1f} s "
              f"(of {args.seconds:.0f} s x {psutil.cpu_count()} cores)")
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
