"""Screenshots of the web pages for the README, taken in Chromium from a real `amity serve`.

    python scripts/screenshots.py                   # registry built from examples/articles, PNGs into docs/img/
    python scripts/screenshots.py --db sqlite:///amity.db --out /tmp/shots
    python scripts/screenshots.py --tiles https://tile.openstreetmap.org/{z}/{x}/{y}.png   # the map over tiles

The registry is the bundled example corpus (`amity ingest examples/articles/`
into a temporary SQLite file) unless --db names one, so the pictures show
what a new user gets. Pages are chosen through the JSON API (the most
reported tie, one of its parties, the article of its latest stage), not by
fixed ids, which change with the corpus.

To add a page, add a Shot to SHOTS: a page that does not answer 200 (e.g.
/graph before it exists) is skipped with a note, so the list may run ahead
of the site. A shot with `ready` waits for that selector (the graph and the
map say `data-ready="1"` once drawn) and fails if the drawing reports an error;
`until` ends the picture below that element, `show` is a script run on the
page first (given the picked tie's id), e.g. to open a popup.

The map is drawn without tiles unless --tiles names a tile server (the
README's pictures are made on a machine without internet access).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote
from urllib.request import urlopen

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, Server, amity, browser_missing, launch_chromium, serve, sqlite_url

VIEWPORT = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
MAX_HEIGHT = 2400  # px: a full-page shot is cut here, so that a long page does not make a huge file
SEARCH = "Turkistan"


@dataclass
class Picks:
    """The ids the pages show, chosen from the registry being served."""

    tie: int
    entity: int
    article: int
    stage: int
    party: str
    country: str


@dataclass
class Shot:
    file: str
    path: Callable[[Picks], str]
    full_page: bool = True
    ready: str | None = None
    until: str | None = None
    show: str | None = None
    viewport: dict[str, int] | None = None  # default VIEWPORT; PHONE for the phone pictures


#: On the map, the picked tie's popup (its parties, kind and stage), as a click on its line opens it.
MAP_POPUP = """tie => window.amityMapLayer.eachLayer(drawn => {
  if (drawn.feature.properties.tie === tie) { drawn.openPopup(); }
})"""

SHOTS = [
    Shot("home.png", lambda p: "/", full_page=False),
    Shot("ties.png", lambda p: "/ties", full_page=False),
    Shot("tie.png", lambda p: f"/ties/{p.tie}"),
    Shot("entity.png", lambda p: f"/entities/{p.entity}"),
    Shot("article.png", lambda p: f"/articles/{p.article}#stage-{p.stage}"),
    Shot("search.png", lambda p: f"/search?q={quote(SEARCH)}"),
    Shot("graph.png", lambda p: "/graph", ready='#graph[data-ready="1"]', until="#graph-status"),
    Shot("map.png", lambda p: "/map", ready='#map[data-ready="1"]', until="#map-status", show=MAP_POPUP),
    Shot("dormant.png", lambda p: "/ties?status=dormant", full_page=False),
    Shot("events.png", lambda p: "/events?status=planned", full_page=False),
    Shot("country.png", lambda p: f"/countries/{p.country}", full_page=False),
    Shot("places.png", lambda p: "/places", full_page=False),
    Shot("home-phone.png", lambda p: "/", full_page=False, viewport=PHONE),
    Shot("dormant-phone.png", lambda p: "/ties?status=dormant", full_page=False, viewport=PHONE),
    Shot("events-phone.png", lambda p: "/events?status=planned", full_page=False, viewport=PHONE),
    Shot("tie-phone.png", lambda p: f"/ties/{p.tie}", full_page=False, viewport=PHONE),
    Shot("country-phone.png", lambda p: f"/countries/{p.country}", full_page=False, viewport=PHONE),
    Shot("map-phone.png", lambda p: "/map", ready='#map[data-ready="1"]', full_page=False, viewport=PHONE),
]


def _json(server: Server, path: str) -> Any:
    with urlopen(server.url + path, timeout=30) as response:
        return json.load(response)


def pick(server: Server) -> Picks:
    """The most reported tie (the first of the longest stage history), its first party and its latest evidence."""
    ties = _json(server, "/api/ties?sort=sources&order=desc&limit=20")["items"]
    if not ties:
        raise SystemExit("screenshots: the registry has no ties to show")
    details = [_json(server, f"/api/ties/{t['id']}") for t in ties]
    tie = max(details, key=lambda t: (len(t["stages"]), t["sources"], -t["id"]))
    stage = tie["stages"][-1]
    party = tie["parties"][0]
    return Picks(tie=tie["id"], entity=party["id"], article=stage["article_id"], stage=stage["id"], party=party["name"],
                 country=(tie["countries"] or ["TR"])[0])


def take(server: Server, out: Path, shots: list[Shot]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    picks = pick(server)
    written = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        contexts: dict[str, Any] = {}
        for shot in shots:
            viewport = shot.viewport or VIEWPORT
            key = f"{viewport['width']}x{viewport['height']}"
            if key not in contexts:
                contexts[key] = browser.new_context(base_url=server.url, viewport=viewport,
                                                    device_scale_factor=1).new_page()
            page = contexts[key]
            path = shot.path(picks)
            status = server.get(path.split("#")[0])
            if status != 200:
                print(f"screenshots: skipped {shot.file}: {path} answers {status}", file=sys.stderr)
                continue
            page.goto(path, wait_until="networkidle")
            if shot.ready and page.locator(".drawing-missing").count():
                print(f"screenshots: skipped {shot.file}: {path} has no drawing library (run `make vendor`)",
                      file=sys.stderr)
                continue
            if shot.ready:
                page.wait_for_selector(f'{shot.ready}, [data-error="1"]', state="attached")
                if page.locator('[data-error="1"]').count():
                    why = page.locator(".drawing-status").inner_text()
                    raise SystemExit(f"screenshots: {path} could not draw: {why}")
            if shot.show:
                page.evaluate(shot.show, picks.tie)
            page.wait_for_timeout(300)  # let a canvas, an SVG or a popup paint
            height = page.evaluate("document.documentElement.scrollHeight") if shot.full_page else viewport["height"]
            if shot.until:
                below = page.locator(shot.until).bounding_box()
                height = round(below["y"] + below["height"]) + 12 if below else height
            clip = {"x": 0, "y": 0, "width": viewport["width"], "height": min(height, MAX_HEIGHT)}
            target = out / shot.file
            page.screenshot(path=str(target), full_page=shot.full_page, clip=clip if shot.full_page else None)
            written.append(target)
            print(f"{target}  {path}  {target.stat().st_size // 1024} KiB")
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="Registry to show (default: a temporary one built from examples/articles).")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="Folder for the PNGs.")
    parser.add_argument("--tiles", default="none",
                        help="The map's tile URL template for `amity serve --tiles` (default: none, no tiles).")
    args = parser.parse_args(argv)
    if (missing := browser_missing()) is not None:
        print(f"screenshots: {missing}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db_url = args.db
        if db_url is None:
            db_url = sqlite_url(Path(tmp) / "examples.db")
            amity("ingest", str(ROOT / "examples" / "articles"), "--db", db_url)
        with serve(db_url, "--tiles", args.tiles) as server:
            take(server, args.out, SHOTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
