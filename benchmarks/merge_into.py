"""Merge N more synthetic records into an existing registry, and print records/s and CPU ms a record.

    python benchmarks/merge_into.py sqlite:////tmp/copy-of-100k.db 1000
    python benchmarks/merge_into.py postgresql+psycopg://amity:amity@localhost/copy_of_100k 1000 --batch 200

`scale.py --keep DIR` fills a registry once (hours at 100k); this measures one more merge into a fresh
copy of it (`cp` the SQLite file, or `CREATE DATABASE … TEMPLATE …` on PostgreSQL), so that two versions
of the code can be compared on copies of the same registry, interleaved, in minutes. The registry is
written to: never point it at the kept original.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale  # the synthetic world and the load reading


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the registry to merge into (a copy)")
    parser.add_argument("records", type=int, help="how many records to merge")
    parser.add_argument("--batch", type=int, default=None, help="articles a batch (default: ingest's own)")
    args = parser.parse_args()

    from amity.registry import ingest, stats
    from amity.store import open_database

    db = open_database(args.url, create=True)
    held = stats(db)["articles"]
    pairs = list(scale.world_pairs(args.records, first=scale.next_number(db)))
    load = scale.uptime().split("load average:")[-1].strip()
    wall, cpu = time.perf_counter(), time.process_time()
    ingest(pairs, db, **({} if args.batch is None else {"batch_articles": args.batch}))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{held:,} articles held, {args.records:,} merged: {args.records / wall:.1f} records/s, "
          f"{cpu * 1000 / args.records:.2f} CPU ms a record; load {load} -> "
          f"{scale.uptime().split('load average:')[-1].strip()}")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
