"""Merge N more synthetic records into an existing registry, and print records/s and CPU ms a record.

    python benchmarks/merge_into.py sqlite:////tmp/copy-of-100k.db 1000
    python benchmarks/merge_into.py postgresql+psycopg://amity:amity@localhost/copy_of_100k 1000 --batch 200

`scale.py --keep DIR` fills a registry once (hours at 100k); this measures one more merge into a fresh
copy of it (`cp` the SQLite file, or `CREATE DATABASE … TEMPLATE …` on PostgreSQL), so that two versions
of the code can be compared on copies of the same registry, interleaved, in minutes. The registry is
written to: never point it at the kept original. On a PostgreSQL server of this machine it also prints the
CPU its backend spent a record (read from `/proc`): most of a merge's time there is the server's.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

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
    server = _server_cpu(db)
    wall, cpu = time.perf_counter(), time.process_time()
    ingest(pairs, db, **({} if args.batch is None else {"batch_articles": args.batch}))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = _server_cpu(db)
    spent = "" if server is None or after is None else \
        f" + {sum(s - server.get(pid, 0.0) for pid, s in after.items()) * 1000 / args.records:.2f} in the server"
    print(f"{held:,} articles held, {args.records:,} merged: {args.records / wall:.1f} records/s, "
          f"{cpu * 1000 / args.records:.2f} CPU ms a record{spent}; load {load} -> "
          f"{scale.uptime().split('load average:')[-1].strip()}")
    db.dispose()
    return 0


def _server_cpu(db: Any) -> dict[int, float] | None:
    """PostgreSQL on this machine: the CPU seconds each backend of the database has spent (`/proc`), by pid (the
    merge's connections among them: the pool keeps them open). None elsewhere (SQLite works in this process)."""
    if db.dialect.name != "postgresql":
        return None
    from sqlalchemy import text

    with db.connect() as connection:
        pids = connection.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
                                  ).scalars().all()
    out = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None  # another machine's server, or not ours to read
        out[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


if __name__ == "__main__":
    raise SystemExit(main())
