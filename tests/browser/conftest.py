"""Fixtures for tests in a real browser against a real `amity serve`, for any page to come (graph, map, curation).

    server        the running server (`server.url`, `server.db_url`) over a registry
                  `amity ingest` built from browser_corpus.py's articles; one per session;
                  started with `--tiles none`, so that no page reaches for a tile server
    drawings_ready  skips (or fails, see below) when the server has no graph and map
                  libraries (`make vendor`: npm packages copied to amity/web/static/vendor/)
    token         a write token made by `amity token create` for that registry
    browser       one headless Chromium (Debian's, through Playwright) per session
    browser_page  a fresh tab in a fresh context (no cookies), whose relative
                  URLs go to the server; viewport 1280x800
    dialogs       the alert/confirm/prompt dialogs that tab opened (each dismissed)
    console_errors  the console errors (CSP violations included) and uncaught exceptions of that tab
    offsite_requests  the URLs that tab asked for anywhere but the server's own origin (each one is aborted,
                  so nothing leaves the machine); data: URLs are not requests and are not listed
    expect        Playwright's expect()

Without Playwright or Chromium the tests are skipped with the reason, so
`make test` passes on a machine that has neither; with
AMITY_REQUIRE_BROWSER=1 (set by .ci/run) they fail instead, so CI cannot
pass by skipping them. The same holds for the drawing tests without the
vendor libraries (`make test` runs `make vendor` first, so CI has them). Every test here is marked `browser`:
`pytest tests/browser` or `pytest -m browser` runs them, `-m "not browser"` leaves them out.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from browser_corpus import write_corpus  # noqa: E402
from harness import Server, amity, browser_missing, launch_chromium, serve, sqlite_url  # noqa: E402

HERE = Path(__file__).resolve().parent
TIMEOUT_MS = 30_000  # the first posted article waits for the server to load spaCy


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_ready() -> None:
    """Skip (or, with AMITY_REQUIRE_BROWSER=1, fail) when Playwright or Chromium is missing."""
    _skip_unless(browser_missing())


def _skip_unless(reason: str | None) -> None:
    """Nothing when `reason` is None; else skip with it, or fail under AMITY_REQUIRE_BROWSER=1."""
    if reason is None:
        return
    if os.environ.get("AMITY_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (AMITY_REQUIRE_BROWSER=1) but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def registry(browser_ready: None, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of a SQLite registry that `amity ingest` filled with browser_corpus.py's articles."""
    folder = tmp_path_factory.mktemp("browser-registry")
    db_url = sqlite_url(folder / "amity.db")
    amity("ingest", str(write_corpus(folder)), "--db", db_url)
    return db_url


@pytest.fixture(scope="session")
def token(registry: str) -> str:
    return amity("token", "create", "--name", "browser-tests", "--db", registry).strip()


@pytest.fixture(scope="session")
def server(registry: str) -> Iterator[Server]:
    with serve(registry, "--tiles", "none") as running:  # whatever $AMITY_TILES says: tests stay on loopback
        yield running


#: What the graph and map pages load from /static/vendor/ (the Makefile's vendor target puts them there).
VENDOR_FILES = ("cytoscape/cytoscape.min.js", "leaflet/leaflet.js", "leaflet/leaflet.css")


@pytest.fixture(scope="session")
def drawings_ready(server: Server) -> None:
    """Skip (or, with AMITY_REQUIRE_BROWSER=1, fail) when the running server does not serve the drawing libraries."""
    missing = [name for name in VENDOR_FILES if server.get(f"/static/vendor/{name}") != 200]
    _skip_unless(f"the server has no {', '.join(missing)} under /static/vendor/ (run `make vendor`, which needs npm)"
                 if missing else None)


@pytest.fixture(scope="session")
def browser(browser_ready: None) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser: Any, server: Server) -> Iterator[Any]:
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def expect(browser_ready: None) -> Any:
    """Playwright's `expect` (a fixture, so that a machine without Playwright skips instead of failing to import)."""
    from playwright.sync_api import expect

    return expect


@pytest.fixture
def dialogs(browser_page: Any) -> list[str]:
    opened: list[str] = []

    def dismiss(dialog: Any) -> None:
        opened.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    browser_page.on("dialog", dismiss)
    return opened


@pytest.fixture
def console_errors(browser_page: Any) -> list[str]:
    errors: list[str] = []

    def record(message: Any) -> None:
        where = (message.location or {}).get("url", "")
        if message.type == "error" and not where.endswith("/favicon.ico"):  # the site has none; Chromium asks anyway
            errors.append(f"{message.text} ({where})")

    browser_page.on("console", record)
    browser_page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    return errors


@pytest.fixture
def offsite_requests(browser_page: Any, server: Server) -> list[str]:
    asked: list[str] = []
    own = server.url + "/"

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(own) or url.startswith("data:"):
            route.continue_()
        else:
            asked.append(url)
            route.abort()

    browser_page.context.route("**/*", guard)
    return asked
