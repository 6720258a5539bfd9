"""The registry's speed: storing articles against reading them, and answering questions of a large registry.

    python benchmarks/ingest.py                          # 300 articles; the registry at /tmp/amity-100k.db
    python benchmarks/ingest.py --articles 500 --postgres postgresql+psycopg://amity:amity@127.0.0.1/amity_bench
    python benchmarks/ingest.py --registry sqlite:////tmp/amity-100k.db --repeat 100
    python benchmarks/ingest.py --quick                  # a smoke test: 40 articles, 10 repetitions

a) Ingest against extraction, on a corpus built from the team's examples as
   `benchmarks/throughput.py` builds it (body paragraphs shuffled, doc ids
   renamed, so no two texts are the same):
     - `amity.nlp.extract` over the articles alone (pipeline load and warm-up
       not timed);
     - `amity.registry.intake` of the same articles into a fresh SQLite file
       (extraction included: what `amity ingest` does), and into PostgreSQL
       with --postgres URL or $AMITY_BENCH_POSTGRES_URL (a fresh schema is
       made in that database for the run and dropped afterwards; nothing
       else there is touched);
     - the store alone: `ingest` of the already extracted (Article, Record)
       pairs, to show what the registry itself costs.
   Ingest throughput is given as a ratio to extraction alone (target >= 0.8:
   storing may cost at most a quarter of the time reading takes).

b) Query latency on a large registry (--registry, default
   sqlite:////tmp/amity-100k.db, made by `benchmarks/generate_registry.py`):
   `ties()` unfiltered (the whole list) and a first page of 50 (`limit=50`),
   of a party and of a kind and status; `entity_profile()` of frequent and
   of rare entities (with its default of the latest 50 events);
   `timeline()` of frequent and of random entities, whole and the latest 50
   items (what a page shows). Each
   is run --repeat times (default 50) with varied arguments after a short
   warm-up; p50 and p95 in ms (target p95 < 50 ms on SQLite). The SQL
   statements of the slowest call of each are run again through the DB-API
   driver alone, so that the database's share of that call is known, and
   for each query over the target its costliest statements are shown.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import WARM_UP, build_corpus, corpus_articles, example_articles

RATIO_TARGET = 0.8
P95_TARGET_MS = 50.0
DEFAULT_REGISTRY = "sqlite:////tmp/amity-100k.db"
POSTGRES_ENV = "AMITY_BENCH_POSTGRES_URL"
QUERY_WARM_UP = 3
SLOW_STATEMENTS = 3


# --------------------------------------------------------------------------- a) ingest against extract

def time_extract(articles: list) -> tuple[float, list]:
    """Seconds for `amity.nlp.extract` over the articles, and the records (pipeline load and warm-up not timed)."""
    from amity.nlp import extract, load_pipeline

    load_pipeline()
    for _ in extract(articles[:WARM_UP]):
        pass
    start = time.perf_counter()
    records = list(extract(articles))
    return time.perf_counter() - start, records


def time_ingest(url: str, items: list, extractor=None) -> tuple[float, object, int]:  # type: ignore[no-untyped-def]
    """Seconds for `amity.registry.intake` of the items into the (fresh) registry at `url`, its summary, and
    how many SQL statements it ran."""
    from sqlalchemy import event

    from amity.registry import ingest
    from amity.store import open_database

    db = open_database(url)  # migrations not timed
    statements = 0

    @event.listens_for(db, "before_cursor_execute")
    def _count(*_args) -> None:  # type: ignore[no-untyped-def]
        nonlocal statements
        statements += 1

    try:
        start = time.perf_counter()
        summary = ingest(items, db, extractor=extractor)
        return time.perf_counter() - start, summary, statements
    finally:
        db.dispose()


def _background_reader(articles):  # type: ignore[no-untyped-def]
    """What `amity ingest` reads with by default: extraction in this process (several: --workers / --cluster)."""
    from amity.nlp import extract

    return extract(articles)


class PostgresSchemas:
    """Fresh schemas in the given PostgreSQL database, one per measurement, all dropped at the end."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        from amity.store.engine import database_url

        self.url = make_url(url)
        self.prefix = f"amity_bench_{uuid.uuid4().hex[:8]}"
        self.made: list[str] = []
        self._engine = create_engine(database_url(url))

    def fresh(self, suffix: str) -> str:
        """The URL of a new, empty schema whose search_path makes Amity's tables its own."""
        from sqlalchemy import text

        name = f"{self.prefix}_{suffix}"
        with self._engine.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {name}"))
        self.made.append(name)
        return self.url.update_query_dict({"options": f"-csearch_path={name}"}).render_as_string(hide_password=False)

    def drop(self) -> None:
        from sqlalchemy import text

        with self._engine.begin() as connection:
            for name in self.made:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        self._engine.dispose()


def part_a(n: int, postgres: str | None) -> list[tuple]:
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory(prefix="amity-bench-") as tmp:
        corpus = Path(tmp) / f"corpus_{n}.jsonl"
        distinct = build_corpus(corpus, n)
        articles = corpus_articles(corpus)
        for number, article in enumerate(articles):  # a copy with its example's URL would *replace* the example
            if article.url:
                article.url = f"{article.url}#copy-{number}"
        chars = sum(len(a.full_text) for a in articles)
        print(f"corpus: {n} articles ({distinct} distinct texts, {chars / n:,.0f} characters on average) "
              f"from {len(example_articles())} examples", flush=True)
        print("timing amity.nlp.extract alone ...", flush=True)
        extract_s, records = time_extract(articles)
        facts = sum(len(r.entities) + len(r.events) + len(r.ties) for r in records)
        print(f"  {extract_s:.2f} s; {facts / n:.1f} entities, events and ties per article", flush=True)
        rows.append(("amity.nlp.extract alone", extract_s, None, None, None))

        targets = [("SQLite", lambda suffix: f"sqlite:///{Path(tmp) / (suffix + '.db')}")]
        schemas = None
        if postgres:
            try:
                schemas = PostgresSchemas(postgres)
                targets.append(("PostgreSQL", schemas.fresh))
            except Exception as exc:  # noqa: BLE001 - an unusable server is reported, not a crash
                print(f"PostgreSQL: skipped ({_explain(exc, postgres)})")
        try:
            for backend, url_for in targets:
                try:
                    print(f"timing ingest into a fresh {backend} registry (extraction included) ...", flush=True)
                    seconds, summary, statements = time_ingest(url_for("ingest"), articles)
                    rows.append((f"ingest into {backend} (extract + store)", seconds, summary, extract_s / seconds,
                                 statements))
                    print(f"timing ingest into a fresh {backend} registry as `amity ingest` runs it "
                          "(reading in a second process) ...", flush=True)
                    seconds, summary, statements = time_ingest(url_for("cli"), articles, _background_reader)
                    rows.append((f"amity ingest into {backend} (read || store)", seconds, summary, extract_s / seconds,
                                 statements))
                    print(f"timing ingest of the extracted records into a fresh {backend} registry (store alone) ...",
                          flush=True)
                    store_s, summary, statements = time_ingest(url_for("store"), list(zip(articles, records, strict=True)))
                    rows.append((f"  store alone into {backend} (Article, Record)", store_s, summary, None, statements))
                except Exception as exc:  # noqa: BLE001 - a database that fails is a finding, not a crash
                    print(f"{backend}: failed: {_explain(exc, backend)}")
        finally:
            if schemas is not None:
                schemas.drop()

    print()
    print(f"{'ingest vs extract (' + str(n) + ' articles)':48}{'seconds':>9}{'art/s':>9}{'ms/art':>9}"
          f"{'/ extract':>11}{'>= 0.8':>8}{'SQL/art':>9}  outcome")
    for label, seconds, summary, ratio, statements in rows:
        shown_ratio = f"{ratio:11.2f}" if ratio is not None else f"{'':11}"
        verdict = ("yes" if ratio >= RATIO_TARGET else "NO") if ratio is not None else ""
        per_article = f"{statements / n:9.0f}" if statements is not None else f"{'':9}"
        print(f"{label:48}{seconds:9.2f}{n / seconds:9.1f}{1000 * seconds / n:9.1f}{shown_ratio}{verdict:>8}"
              f"{per_article}  {summary or ''}")
    print("/ extract: extraction's time over ingest's, i.e. ingest throughput as a share of extraction's; "
          "SQL/art: statements per article")
    if postgres is None:
        print(f"PostgreSQL: skipped (pass --postgres URL or set ${POSTGRES_ENV}; a schema is created there and dropped)")
    return rows


# --------------------------------------------------------------------------- b) query latency

@dataclass
class Timing:
    label: str
    arguments: str
    ms: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    statements: int = 0
    slowest: list = field(default_factory=list)  # (statement, parameters) of the slowest call
    replayed: list = field(default_factory=list)  # (ms, statement) of those, run again by the driver alone


class SqlLog:
    """The SQL statements (and parameters) the engine runs during one call."""

    def __init__(self, engine) -> None:  # type: ignore[no-untyped-def]
        from sqlalchemy import event

        self.engine = engine
        self.recording: list | None = None

        @event.listens_for(engine, "before_cursor_execute")
        def _before(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
            if self.recording is not None:
                self.recording.append((statement, parameters))

    def replay(self, statements: list) -> list[tuple[float, str]]:
        """Each statement run again straight through the DB-API driver, rows fetched: (ms, statement).

        What the database (and driver) cost, without SQLAlchemy's ORM and without Amity's Python.
        """
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            out = []
            for statement, parameters in statements:
                start = time.perf_counter()
                cursor.execute(statement, parameters)
                if cursor.description is not None:
                    cursor.fetchall()
                out.append(((time.perf_counter() - start) * 1000, statement))
            cursor.close()
            raw.rollback()
            return out
        finally:
            raw.close()


def size_of(result) -> int:  # type: ignore[no-untyped-def]
    if result is None:
        return 0
    if isinstance(result, dict):
        return len(result.get("events", ())) + len(result.get("partners", ()))
    return len(result)


def pick_arguments(engine, repeat: int, rng: random.Random) -> dict[str, list]:  # type: ignore[no-untyped-def]
    """Names to ask about: the most spoken-of entities, rarely mentioned ones, tie parties, kinds and statuses."""
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from amity.model import TIE_STAGES
    from amity.store.schema import EntityRow, MentionRow, TiePartyRow

    with Session(engine) as session:
        spoken = func.count(func.distinct(MentionRow.article_id)).label("articles")
        by_mentions = (select(MentionRow.entity_id, spoken).group_by(MentionRow.entity_id).subquery())
        frequent = session.execute(select(EntityRow.name, by_mentions.c.articles)
                                   .join(by_mentions, by_mentions.c.entity_id == EntityRow.id)
                                   .order_by(by_mentions.c.articles.desc()).limit(repeat)).all()
        rare = session.scalars(select(EntityRow.name).join(by_mentions, by_mentions.c.entity_id == EntityRow.id)
                               .where(by_mentions.c.articles == 1).order_by(EntityRow.id)).all()
        every = session.scalars(select(EntityRow.name).order_by(EntityRow.id)).all()
        parties = session.scalars(select(EntityRow.name).where(EntityRow.id.in_(select(TiePartyRow.entity_id)))
                                  .order_by(EntityRow.id)).all()
        party_ties = func.count(TiePartyRow.tie_id).label("ties")
        busy_parties = session.execute(select(EntityRow.name, party_ties).join(TiePartyRow, TiePartyRow.entity_id == EntityRow.id)
                                       .group_by(EntityRow.id, EntityRow.name).order_by(party_ties.desc())
                                       .limit(10)).all()
    combos = [(k, s) for k in ("sister_city", "cooperation") for s in (*reversed(TIE_STAGES), "dormant")]
    days = [date(2015 + i % 11, 1 + i % 12, 1 + i % 28) for i in range(repeat)]
    return {
        "frequent": [name for name, _ in frequent],
        "frequent_counts": [count for _, count in frequent],
        "rare": rng.sample(rare, min(repeat, len(rare))) if rare else [],
        "random": rng.sample(every, min(repeat, len(every))) if every else [],
        "parties": rng.sample(parties, min(repeat, len(parties))) if parties else [],
        "busy_parties": [name for name, _ in busy_parties],
        "busy_counts": [count for _, count in busy_parties],
        "combos": [combos[i % len(combos)] for i in range(repeat)],
        "days": days,
    }


def measure(log: SqlLog, timing: Timing, calls: list) -> Timing:
    """Run each call (a zero-argument function) once after a warm-up of the first few, timing each."""
    for call in calls[:QUERY_WARM_UP]:
        call()
    worst = -1.0
    for call in calls:
        log.recording = []
        start = time.perf_counter()
        result = call()
        took = (time.perf_counter() - start) * 1000
        statements, log.recording = log.recording, None
        timing.ms.append(took)
        timing.sizes.append(size_of(result))
        timing.statements += len(statements)
        if took > worst:
            worst, timing.slowest = took, statements
    timing.replayed = log.replay(timing.slowest)
    return timing


def cycle(values: list, n: int) -> list:
    return [values[i % len(values)] for i in range(n)] if values else []


def part_b(url: str, repeat: int, seed: int) -> list[Timing] | None:
    from amity.registry import entity_profile, stats, ties, timeline
    from amity.store import StoreError, describe, open_database

    try:
        db = open_database(url, create=False)
    except StoreError as exc:
        print(f"query latency: skipped ({exc}).\n  Make the registry first (an hour or two on 2 CPUs):\n"
              f"  python benchmarks/generate_registry.py --articles 100000 --db {url}")
        return None
    figures = stats(db)
    if figures["articles"] < 100_000:
        print(f"note: {describe(db)} holds {figures['articles']:,} articles, fewer than the 100,000 the targets "
              "are meant for")
    print(f"registry {describe(db)}: {figures['articles']:,} articles; entities {figures['entities']}; "
          f"{figures['events']:,} events; {sum(figures['ties'].values()):,} ties {figures['ties']}", flush=True)
    rng = random.Random(seed)
    picked = pick_arguments(db, repeat, rng)
    log = SqlLog(db)
    print(f"most spoken-of entity: {picked['frequent'][0]} ({picked['frequent_counts'][0]:,} articles); "
          f"busiest tie party: {picked['busy_parties'][0]} ({picked['busy_counts'][0]:,} ties)", flush=True)
    plan = [
        ("ties() unfiltered", "whole list; as_of varied", [lambda d=d: ties(db, as_of=d) for d in picked["days"]]),
        ("ties(limit=50) first page", "as_of varied", [lambda d=d: ties(db, as_of=d, limit=50) for d in picked["days"]]),
        ("ties(kind=, status=, limit=50)", "2 kinds x 6 statuses",
         [lambda k=k, s=s: ties(db, kind=k, status=s, limit=50) for k, s in picked["combos"]]),
        ("ties(party=) random party", f"{len(picked['parties'])} tie parties",
         [lambda p=p: ties(db, party=p) for p in cycle(picked["parties"], repeat)]),
        ("ties(party=) busiest parties", "top 10 by ties",
         [lambda p=p: ties(db, party=p) for p in cycle(picked["busy_parties"], repeat)]),
        ("ties(kind=, status=)", "2 kinds x 6 statuses",
         [lambda k=k, s=s: ties(db, kind=k, status=s) for k, s in picked["combos"]]),
        ("entity_profile() frequent", f"top {len(picked['frequent'])} by articles",
         [lambda n=n: entity_profile(db, n) for n in cycle(picked["frequent"], repeat)]),
        ("entity_profile() rare", "entities of 1 article",
         [lambda n=n: entity_profile(db, n) for n in cycle(picked["rare"], repeat)]),
        ("timeline() frequent", f"top {len(picked['frequent'])} by articles",
         [lambda n=n: timeline(db, n) for n in cycle(picked["frequent"], repeat)]),
        ("timeline() random", "any entity",
         [lambda n=n: timeline(db, n) for n in cycle(picked["random"], repeat)]),
        ("timeline(limit=50) frequent", f"top {len(picked['frequent'])} by articles",
         [lambda n=n: timeline(db, n, limit=50) for n in cycle(picked["frequent"], repeat)]),
    ]
    timings = []
    for label, arguments, calls in plan:
        print(f"timing {label} x {len(calls)} ...", flush=True)
        timings.append(measure(log, Timing(label, arguments), calls))
    db.dispose()

    def pct(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]

    print()
    print(f"{'query latency (' + str(repeat) + ' runs each)':34}{'arguments':26}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
          f"{'< 50':>6}{'rows':>8}{'stmts':>7}{'SQL ms':>8}")
    for t in timings:
        p95 = pct(t.ms, 0.95)
        print(f"{t.label:34}{t.arguments[:25]:26}{statistics.median(t.ms):9.1f}{p95:9.1f}{max(t.ms):9.1f}"
              f"{'yes' if p95 < P95_TARGET_MS else 'NO':>6}{statistics.mean(t.sizes):8.0f}"
              f"{t.statements / len(t.ms):7.0f}{sum(ms for ms, _ in t.replayed):8.1f}")
    print("rows: ties listed, or events + partners of a profile, or timeline items (mean); stmts: SQL statements "
          "per call; SQL ms: the statements of the slowest call run again through the driver alone (rows fetched), "
          "i.e. the database's share of that call's max ms - the rest is SQLAlchemy and Amity's Python")
    print()
    print("where the slowest call of each query that misses the target spends its time:")
    for t in timings:
        if pct(t.ms, 0.95) < P95_TARGET_MS:
            continue
        sql = sum(ms for ms, _ in t.replayed)
        print(f"  {t.label}: {max(t.ms):.0f} ms, of which {sql:.1f} ms in {len(t.replayed)} SQL statements")
        merged: dict[str, list[float]] = defaultdict(list)
        for ms, statement in t.replayed:
            merged[" ".join(statement.split())].append(ms)
        for statement, took in sorted(merged.items(), key=lambda kv: -sum(kv[1]))[:SLOW_STATEMENTS]:
            print(f"    {sum(took):8.1f} ms in {len(took):3d} x {_short(statement)}")
    return timings


def _explain(exc: BaseException, where: str) -> str:
    from amity.store import explain

    return str(explain(exc, where))


def _short(statement: str, width: int = 150) -> str:
    return statement if len(statement) <= width else statement[: width - 3] + "..."


# --------------------------------------------------------------------------- report

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300, help="corpus size for part a (default 300)")
    parser.add_argument("--postgres", default=os.environ.get(POSTGRES_ENV),
                        help=f"a PostgreSQL URL for part a (default ${POSTGRES_ENV}); a schema is made and dropped")
    parser.add_argument("--registry", default=DEFAULT_REGISTRY, help=f"the large registry for part b ({DEFAULT_REGISTRY})")
    parser.add_argument("--repeat", type=int, default=50, help="runs of each query (default 50)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-ingest", action="store_true", help="only part b")
    parser.add_argument("--skip-queries", action="store_true", help="only part a")
    parser.add_argument("--quick", action="store_true", help="a smoke test: 40 articles, 10 runs per query")
    args = parser.parse_args()
    n, repeat = (40, 10) if args.quick else (args.articles, args.repeat)
    if n < 1 or repeat < 1:
        parser.error("--articles and --repeat must be at least 1")
    load_before = os.getloadavg()[0]
    print(f"{os.cpu_count()} CPUs; load average {load_before:.1f}"
          + (" - other work on this machine will slow the wall-clock figures" if load_before > 0.5 else ""), flush=True)
    if not args.skip_ingest:
        part_a(n, args.postgres)
        print()
    if not args.skip_queries:
        part_b(args.registry, repeat, args.seed)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
