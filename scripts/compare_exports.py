"""Exports of the example corpus, byte for byte, from this tree and from another revision.

    python scripts/compare_exports.py                 # against main
    python scripts/compare_exports.py --before 9af2651

The articles of examples/articles are read once, by this tree's extractor,
and the same (article, record) pairs are ingested into a fresh SQLite
registry by each tree's own registry code; every export format is then
written by each tree (dormancy judged on a fixed day) and compared. So a
difference is the registry's or the exports' doing, never the extractor's.
Prints one line per format and exits 1 when any differs: a refactoring
that claims to change no behaviour must print "identical" everywhere.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
_FORMATS = ("json", "jsonl", "csv", "graphml", "gexf", "geojson", "plover")
_AS_OF = "2026-01-01"

# Run by each tree: the pairs in, every export out (one file per format).
_WRITE = """
import json, sys
from datetime import date
from pathlib import Path

from amity.export import TieFilter, export
from amity.ingest import read_sources
from amity.model import Article, Entity, Event, Evidence, Record, Role, Tie
from amity.registry import ingest
from amity.store import open_database

records_file, db_file, out_dir, as_of, *formats = sys.argv[1:]

def evidence(items):
    return [Evidence(**e) for e in items]

def record(d):
    entities = [Entity(e["type"], e["name"], list(e["aliases"]), [Role(**r) for r in e.get("roles", [])],
                       e.get("country"), e.get("geonames_id"), *(e.get("coordinates") or (None, None)),
                       evidence=evidence(e["evidence"])) for e in d["entities"]]
    events = [Event(e["type"], e["status"], e["date"], list(e["participants"]), e["place"], e.get("agreement"),
                    evidence(e["evidence"])) for e in d["events"]]
    ties = [Tie(t["kind"], list(t["parties"]), t["status"], t["date"], evidence(t["evidence"])) for t in d["ties"]]
    return Record(d["doc"], d["published"], entities, events, ties, d.get("title"), d.get("url"))

records = {r["doc"]: record(r) for r in map(json.loads, Path(records_file).read_text(encoding="utf-8").splitlines())}
articles = [a for a in read_sources(["examples/articles"]) if isinstance(a, Article)]
engine = open_database(f"sqlite:///{db_file}")
ingest([(a, records[a.doc]) for a in articles], engine)
for name in formats:
    with open(Path(out_dir) / name, "w", encoding="utf-8", newline="") as out:
        export(engine, name, out, TieFilter(as_of=date.fromisoformat(as_of)))
engine.dispose()
"""


def _run(code_root: Path, args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(code_root)}
    subprocess.run([sys.executable, "-c", _WRITE, *args], check=True, cwd=_ROOT, env=env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", default="main", help="The revision to compare with (default: main).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        before = work / "before"
        before.mkdir()
        archive = subprocess.run(["git", "archive", args.before, "amity"], cwd=_ROOT, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(before)], input=archive.stdout, check=True)
        records = work / "records.jsonl"
        with records.open("w", encoding="utf-8") as out:
            subprocess.run([sys.executable, "-m", "amity.cli", "extract", "examples/articles", "--format", "jsonl"],
                           cwd=_ROOT, check=True, stdout=out, env={**os.environ, "PYTHONPATH": str(_ROOT)})
        for side, code in (("before", before), ("after", _ROOT)):
            (work / f"out-{side}").mkdir()
            _run(code, [str(records), str(work / f"{side}.db"), str(work / f"out-{side}"), _AS_OF, *_FORMATS])
        differ = 0
        for name in _FORMATS:
            a, b = (work / "out-before" / name).read_bytes(), (work / "out-after" / name).read_bytes()
            same = a == b
            differ += not same
            print(f"{name:<8} {'identical' if same else 'DIFFERENT'} ({len(a):,} bytes before, {len(b):,} after)")
        print(f"exports of examples/articles, {args.before} vs this tree: "
              + ("all identical" if not differ else f"{differ} format(s) differ"))
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
