"""Dev-set quality: run `amity extract` on the shared dev corpus and score it.

    python benchmarks/quality.py            # print the score table
    python benchmarks/quality.py --check    # also fail when an F1 falls > 0.02 below the baseline
    python benchmarks/quality.py --update   # write the scores reached as the new baseline

Reads ../shared/eval (the evaluation material beside the checkout); when it is
not there (a user's machine) it says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
BASELINE = Path(__file__).resolve().parent / "quality_baseline.json"
ROWS = ("entities", "person", "organization", "place", "roles", "events", "ties", "tie_dates", "published")
RATCHETED = ("entities", "roles", "events", "ties", "published")
TOLERANCE = 0.02


def score() -> dict:
    amity = Path(sys.executable).with_name("amity")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        with pred.open("w") as out:
            subprocess.run([str(amity), "extract", str(SHARED / "dev" / "corpus.jsonl"), "--format", "jsonl"],
                           stdout=out, check=True)
        result = subprocess.run([sys.executable, str(SHARED / "score.py"), str(SHARED / "dev" / "gold"), str(pred),
                                 "--json"], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)["scores"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail when below the committed baseline")
    parser.add_argument("--update", action="store_true", help="write the scores as the new baseline")
    args = parser.parse_args()
    if not (SHARED / "score.py").is_file():
        print(f"quality: {SHARED} not found; nothing to measure here")
        return 0
    scores = score()
    print(f"{'':14}{'P':>7}{'R':>7}{'F1':>7}")
    for row in ROWS:
        s = scores[row]
        print(f"{row:14}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}")
    print(f"overall F1 (mean of entities, roles, events, ties): {scores['overall']:.3f}")
    if args.update:
        BASELINE.write_text(json.dumps({row: scores[row]["f1"] for row in RATCHETED}, indent=2) + "\n")
        print(f"baseline written to {BASELINE.name}")
    if args.check:
        baseline = json.loads(BASELINE.read_text())
        falls = [f"{row} {scores[row]['f1']:.3f} < baseline {baseline[row]:.3f} - {TOLERANCE}"
                 for row in RATCHETED if scores[row]["f1"] < baseline[row] - TOLERANCE]
        for fall in falls:
            print(f"quality: regression: {fall}")
        if falls:
            return 1
        print("quality: no F1 below the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
