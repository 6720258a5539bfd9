"""Extraction quality: score `amity extract` per article, and the merged registry.

    python benchmarks/quality.py            # print the score tables
    python benchmarks/quality.py --check    # also fail when an F1 falls > 0.02 below the baseline
    python benchmarks/quality.py --update   # write the scores reached as the new baseline

1. Per article: `amity extract` on the shared dev corpus, scored by the shared scorer: the
   whole set, its held-out third (every third gold file in name order: scored, never read
   while writing rules), and per source kind (the short `b…`/`c…` articles vs the rest).
   Then our own held-out articles (`benchmarks/heldout/`, written in our own words to
   exercise the structures of FAILURES.md, never used to write rules), scored the same way.
   Last, our tuning articles (`benchmarks/tuning/<topic>/`, also our own words, written to
   find and fix general classes of error, so not held out): one row per topic; each topic's
   README says which sections of its gold are complete (a ties-only gold scores only ties).
2. Registry: `amity ingest` of the same corpus into a fresh SQLite file, then
   `amity ties --format json` compared with the union of the gold ties (the
   furthest stage per kind and party set): precision, recall, F1 on kind,
   parties and status. And duplication: registry entities that are the same
   real place, person or organisation (the same gold entity across articles).

Reads ../shared/eval (the evaluation material beside the checkout); when it is
not there (a user's machine) it says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
HELDOUT = Path(__file__).resolve().parent / "heldout"
TUNING = Path(__file__).resolve().parent / "tuning"
BASELINE = Path(__file__).resolve().parent / "quality_baseline.json"
ROWS = ("entities", "person", "organization", "place", "roles", "events", "ties", "tie_dates", "published")
RATCHETED = ("entities", "roles", "events", "ties", "published", "registry_ties", "heldout_overall")
STAGES = ("active", "proposed", "planned", "signed", "ratified")
TOLERANCE = 0.02


def score(corpus: Path, gold: Path, subsets: dict[str, list[Path]] | None = None) -> dict[str, dict]:
    """Scores of `amity extract` on `corpus` against the gold folder, as "all", and for each named
    subset of gold files (the corpus is extracted once)."""
    amity = Path(sys.executable).with_name("amity")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        with pred.open("w") as out:
            subprocess.run([str(amity), "extract", str(corpus), "--format", "jsonl"], stdout=out, check=True)
        folders = {"all": gold}
        for name, files in (subsets or {}).items():
            folders[name] = Path(tmp) / f"subset{len(folders)}"
            folders[name].mkdir()
            for f in files:
                shutil.copy(f, folders[name])
        return {name: _scored(folder, pred) for name, folder in folders.items()}


def _scored(gold: Path, pred: Path) -> dict:
    result = subprocess.run([sys.executable, str(SHARED / "score.py"), str(gold), str(pred), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)["scores"]


def dev_subsets() -> dict[str, list[Path]]:
    gold = sorted((SHARED / "dev" / "gold").glob("*.json"))
    return {"held-out third": gold[2::3],
            "short b/c articles": [f for f in gold if f.name[0] in "bc"],
            "the other articles": [f for f in gold if f.name[0] not in "bc"]}


def heldout_subsets() -> dict[str, list[Path]]:
    """Our held-out articles by the batch they were written in (batches.json): each later batch was
    written before any extractor ran on it, so the newest is the least-read estimate of unseen news."""
    batches = json.loads((HELDOUT / "batches.json").read_text())
    gold = sorted((HELDOUT / "gold").glob("*.json"))
    def number(stem: str) -> int:
        return int(stem.lstrip("h"))

    return {name: [f for f in gold if number(first) <= number(f.stem) <= number(last)]
            for name, (first, last) in batches.items()}


def _print_table(title: str, scores: dict) -> None:
    print(title)
    print(f"{'':14}{'P':>7}{'R':>7}{'F1':>7}")
    for row in ROWS:
        s = scores[row]
        print(f"{row:14}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}")
    print(f"overall F1 (mean of entities, roles, events, ties): {scores['overall']:.3f}\n")


def _print_summary(title: str, rows: dict[str, dict]) -> None:
    print(title)
    print(f"{'':20}" + "".join(f"{c:>10}" for c in ("entities", "roles", "events", "ties", "overall")))
    for name, s in rows.items():
        print(f"{name:20}" + "".join(f"{s[c]['f1']:10.3f}" for c in ("entities", "roles", "events", "ties"))
              + f"{s['overall']:10.3f}")
    print()


def _scorer():
    sys.path.insert(0, str(SHARED))
    import score as scorer  # the shared scorer's name folding

    return scorer


def _gold_things(gold_dir: Path) -> tuple[list[tuple[str, set[str]]], dict]:
    """Real things across all gold articles: (type, name keys), joined when they share a key;
    and the gold ties merged across articles: (kind, frozenset of thing ids) → furthest status."""
    scorer = _scorer()
    things: list[tuple[str, set[str]]] = []
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(gold_dir.glob("*.json"))]
    for g in golds:
        for e in g.get("entities") or []:
            keys = scorer.keys_of(e)
            same = [i for i, (t, k) in enumerate(things) if t == e["type"] and k & keys]
            if same:
                keys |= set().union(*(things[i][1] for i in same))
                things = [x for i, x in enumerate(things) if i not in same]
            things.append((e["type"], keys))
    ties: dict = {}
    for g in golds:
        resolve = scorer.resolver(g)
        for t in g.get("ties") or []:
            ids = frozenset(_thing_of(things, resolve(p)) for p in t["parties"])
            key = (t["kind"], ids)
            if key not in ties or STAGES.index(t["status"]) > STAGES.index(ties[key]):
                ties[key] = t["status"]
    return things, ties


def _thing_of(things: list[tuple[str, set[str]]], keys: set[str]) -> int:
    for i, (_, k) in enumerate(things):
        if k & keys:
            return i
    things.append(("unknown", set(keys)))
    return len(things) - 1


def score_registry() -> dict:
    """Ingest the dev corpus into a fresh registry; compare its ties with the merged gold ties
    and count real things that became more than one registry entity."""
    scorer = _scorer()
    amity = Path(sys.executable).with_name("amity")
    things, gold_ties = _gold_things(SHARED / "dev" / "gold")
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'dev.db'}"
        subprocess.run([str(amity), "ingest", str(SHARED / "dev" / "corpus.jsonl"), "--db", db],
                       check=True, capture_output=True)
        out = subprocess.run([str(amity), "ties", "--db", db, "--format", "json"],
                             check=True, capture_output=True, text=True).stdout
        entities = _registry_entities(db)
    predicted = json.loads(out)

    def thing_of_name(name: str) -> int | None:
        key = scorer.norm(name)
        return next((i for i, (_, k) in enumerate(things) if key in k), None)

    tp = 0
    matched: set = set()
    for t in predicted:
        ids = [thing_of_name(p) for p in t["parties"]]
        key = (t["kind"], frozenset(ids)) if None not in ids else None
        if key in gold_ties and key not in matched and gold_ties[key] == t["status"]:
            matched.add(key)
            tp += 1
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold_ties) if gold_ties else 0.0
    duplicates = 0
    seen: dict[int, int] = {}
    for etype, names in entities:
        ids = {i for i, (t, k) in enumerate(things) if t == etype and k & {scorer.norm(n) for n in names}}
        for i in ids:
            seen[i] = seen.get(i, 0) + 1
    duplicates = sum(n - 1 for n in seen.values() if n > 1)
    return {"registry_ties": {"precision": round(p, 4), "recall": round(r, 4),
                              "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                              "predicted": len(predicted), "gold": len(gold_ties)},
            "duplicates": duplicates}


def _registry_entities(db: str) -> list[tuple[str, list[str]]]:
    from sqlalchemy import select

    from amity.store import open_database, session_of
    from amity.store.schema import EntityNameRow, EntityRow

    engine = open_database(db, create=False)
    with session_of(engine) as session:
        rows = session.execute(select(EntityRow.id, EntityRow.type, EntityRow.name)).all()
        names: dict[int, list[str]] = {row.id: [row.name] for row in rows}
        for entity_id, name in session.execute(select(EntityNameRow.entity_id, EntityNameRow.name)):
            names.setdefault(entity_id, []).append(name)
    engine.dispose()
    return [(row.type, names[row.id]) for row in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail when below the committed baseline")
    parser.add_argument("--update", action="store_true", help="write the scores as the new baseline")
    args = parser.parse_args()
    if not (SHARED / "score.py").is_file():
        print(f"quality: {SHARED} not found; nothing to measure here")
        return 0
    dev = score(SHARED / "dev" / "corpus.jsonl", SHARED / "dev" / "gold", dev_subsets())
    scores = dev["all"]
    _print_table(f"Dev set ({len(list((SHARED / 'dev' / 'gold').glob('*.json')))} articles)", scores)
    _print_summary("Dev set by part", dev)
    held = score(HELDOUT / "corpus.jsonl", HELDOUT / "gold", heldout_subsets())
    own = held["all"]
    _print_table(f"Our own held-out articles ({len(list((HELDOUT / 'gold').glob('*.json')))}, benchmarks/heldout)", own)
    _print_summary("Our own held-out articles by batch", held)
    scores["heldout_overall"] = {"f1": own["overall"]}
    topics = sorted(corpus.parent for corpus in TUNING.glob("*/corpus.jsonl"))
    if topics:
        _print_summary("Our tuning articles (benchmarks/tuning: used to write rules, not held out)",
                       {topic.name: score(topic / "corpus.jsonl", topic / "gold")["all"] for topic in topics})
    registry = score_registry()
    scores["registry_ties"] = registry["registry_ties"]
    s = registry["registry_ties"]
    print(f"\nregistry ties  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
          f"  (predicted {s['predicted']}, gold {s['gold']})")
    print(f"registry entity duplicates (one real thing, several entities): {registry['duplicates']}")
    if args.update:
        BASELINE.write_text(json.dumps({row: scores[row]["f1"] for row in RATCHETED}, indent=2) + "\n")
        print(f"baseline written to {BASELINE.name}")
    if args.check:
        baseline = json.loads(BASELINE.read_text())
        falls = [f"{row} {scores[row]['f1']:.3f} < baseline {baseline[row]:.3f} - {TOLERANCE}"
                 for row in RATCHETED if row in baseline and scores[row]["f1"] < baseline[row] - TOLERANCE]
        for fall in falls:
            print(f"quality: regression: {fall}")
        if falls:
            return 1
        print("quality: no F1 below the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
