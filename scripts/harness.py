"""Run `amity serve` as a real subprocess and drive Debian's Chromium through Playwright.

Shared by the browser tests (tests/browser/conftest.py), scripts/screenshots.py
and benchmarks/serve.py, so that all three see the server exactly as a user
would: the `amity` command, uvicorn, a TCP port on loopback.

Chromium is the distribution's (/usr/bin/chromium, or $AMITY_CHROMIUM), never
one Playwright downloads: `playwright install` cannot reach its servers here.
The flags keep it from phoning home; on a machine without network Chromium
otherwise waits on refused connections (component updates, sync, QUIC).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent

#: `amity` of this source tree, whatever is installed: the CLI's entry point run by this interpreter.
AMITY = [sys.executable, "-c", "from amity.cli import run; run()"]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _env() -> dict[str, str]:
    """This tree first on the path, so a subprocess runs the code under test and not another checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


def amity(*args: str, timeout: float = 300) -> str:
    """Run an `amity` command to completion and return what it printed; raise with its stderr if it failed."""
    done = subprocess.run([*AMITY, *args], env=_env(), capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"amity {' '.join(args)} exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    return done.stdout


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def free_port() -> int:
    """A port nobody listens on now (the OS picks it; a race with another process is possible but rare)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running `amity serve`: where it answers and which registry it serves."""

    url: str
    db_url: str
    process: subprocess.Popen[bytes]
    log: IO[bytes]

    def output(self) -> str:
        """What the server has printed so far (warnings, tracebacks)."""
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def get(self, path: str) -> int:
        """The HTTP status of GET `path` (no redirects followed), for checking whether a page exists."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return exc.code


@contextmanager
def serve(db_url: str, *options: str, startup: float = 60) -> Iterator[Server]:
    """`amity serve --db DB_URL` on a free loopback port until the block ends; then it is stopped (killed if stuck).

    Waits until the server answers HTTP; raises with the server's own output if it dies or never answers.
    """
    port = free_port()
    with tempfile.TemporaryFile(mode="a+b") as log:  # a file, not a pipe nobody reads (a full one blocks the server)
        process = subprocess.Popen([*AMITY, "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port),
                                    *options], env=_env(), stdout=log, stderr=subprocess.STDOUT)
        server = Server(f"http://127.0.0.1:{port}", db_url, process, log)
        try:
            _wait_until_up(server, startup)
            yield server
        finally:
            _stop(process)


def _wait_until_up(server: Server, startup: float) -> None:
    deadline = time.monotonic() + startup
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"amity serve exited {server.process.returncode}: {server.output().strip()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", int(server.url.rsplit(":", 1)[1])), timeout=1):
                pass
            if server.get("/static/amity.css") == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"amity serve did not answer on {server.url} within {startup:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# --------------------------------------------------------------------------- Chromium

def chromium_path() -> str | None:
    """Debian's Chromium ($AMITY_CHROMIUM overrides), or None when there is none."""
    stated = os.environ.get("AMITY_CHROMIUM")
    if stated:
        return stated if os.access(stated, os.X_OK) else None
    return shutil.which("chromium") or (
        "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)


def browser_missing() -> str | None:
    """Why the browser tests cannot run here (no Playwright, no Chromium), or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    if chromium_path() is None:
        return "Chromium is not installed (apt-get install chromium, or set $AMITY_CHROMIUM)"
    return None


def launch_chromium(playwright: Any, extra_args: Sequence[str] = ()) -> Any:
    """A headless Chromium Browser; each of its contexts starts with no cookies or storage.

    Playwright gives every launch a fresh temporary profile (user data dir) and removes it at close.
    """
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True,
                                      args=[*CHROMIUM_ARGS, *extra_args], timeout=60_000)
