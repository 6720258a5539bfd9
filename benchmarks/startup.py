"""Start-up CPU of the registry commands: `amity stats`, `amity ties` and `amity serve` (until it serves).

    python benchmarks/startup.py                 # 5 runs each over a registry built from examples/articles
    python benchmarks/startup.py --runs 3 --db sqlite:////tmp/amity.db

Each figure is the median CPU time (user + system) of a fresh `python -m amity.cli`
process, so it is what a person waits for at a prompt on an idle machine,
whatever else the machine does. `serve` is started, stopped with Ctrl-C at its
'serving' line, and counted whole (its exit included). Whether spaCy was
imported is printed too: a registry read has no use for it (issue 9).

The processes may write bytecode, and each command runs once before it is
timed, as an installed Amity runs: with PYTHONDONTWRITEBYTECODE set (as in
some containers) every run would compile Amity's own modules again, ~0.2 s
that no user pays.
"""
from __future__ import annotations

import argparse
import os
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
_AMITY = [sys.executable, "-c", "from amity.cli import run; run()"]  # also an Amity without amity/cli/__main__.py
_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _cpu_of(run: Callable[[], None]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _command(args: list[str]) -> None:
    subprocess.run([*_AMITY, *args], check=True, stdout=subprocess.DEVNULL, cwd=_ROOT, env=_ENV)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(db: str) -> None:
    process = subprocess.Popen([*_AMITY, "serve", "--db", db, "--port", str(_free_port())], cwd=_ROOT, env=_ENV,
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert process.stderr is not None
    said = []
    while "serving" not in (line := process.stderr.readline()):
        said.append(line)
        if not line:  # it ended without serving
            process.kill()
            raise SystemExit(f"amity serve did not start: {''.join(said).strip()}")
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)


def _imports_spacy(db: str) -> bool:
    probe = ("import sys; from amity.cli import app; "
             f"app(['stats', '--db', {db!r}], standalone_mode=False); "
             "sys.stderr.write(str('spacy' in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=_ROOT, check=True)
    return done.stderr.strip().endswith("True")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="A registry to read (default: one built from examples/articles).")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = f"sqlite:///{os.path.join(tmp, 'amity.db')}"
            _command(["ingest", "examples/articles", "--db", db])
        print(f"spaCy imported by `amity stats`: {'yes' if _imports_spacy(db) else 'no'}")
        for name, run in [("stats", lambda: _command(["stats", "--db", db])),
                          ("ties", lambda: _command(["ties", "--db", db])),
                          ("serve", lambda: _serve(db))]:
            run()  # bytecode written, caches warm: as every run after a user's first
            figures = [_cpu_of(run) for _ in range(args.runs)]
            print(f"amity {name:<6} CPU {statistics.median(figures):.2f} s (median of {args.runs}; "
                  f"min {min(figures):.2f}, max {max(figures):.2f})")


if __name__ == "__main__":
    main()
