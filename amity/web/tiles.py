"""The map's background tiles: a URL template the operator chooses (`amity serve --tiles`, $AMITY_TILES).

By default an online tile server (OpenStreetMap's); `none` or an empty
value means no tiles at all, and the map still draws its places and ties
on a plain background (for a machine offline, or a server whose tile use
is not allowed). The template is checked once, when the app is made: an
http(s) URL with `{z}`, `{x}` and `{y}`, whose host may start with `{s}.`
(Leaflet's subdomains). Its origin is the only one the map page's
Content-Security-Policy lets images come from.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors"
NONE = ("", "none", "off")
_HOST = re.compile(r"^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$")


@dataclass(frozen=True)
class Tiles:
    """A tile URL template (None: no tiles), the credit shown on the map, and the origin images come from."""

    url: str | None
    attribution: str
    origin: str | None


NO_TILES = Tiles(None, "", None)


def tiles_from(url: str | None = None, attribution: str | None = None) -> Tiles:
    """The tiles `url` names (None: $AMITY_TILES, else the default server); ValueError for a URL that cannot be one.

    `attribution` (default $AMITY_TILES_ATTRIBUTION, else the default server's credit or the tile host) is
    shown as text on the map.
    """
    if url is None:
        url = os.environ.get("AMITY_TILES", DEFAULT_URL)
    url = url.strip()
    if url.lower() in NONE:
        return NO_TILES
    parts = urlsplit(url)
    host = parts.netloc.replace("{s}.", "*.", 1) if parts.netloc.startswith("{s}.") else parts.netloc
    if parts.scheme not in ("http", "https") or not _HOST.match(host) or "@" in parts.netloc:
        raise ValueError(f"the tile URL must be an http(s) URL such as {DEFAULT_URL} (or 'none'), not {url!r}")
    if not all(part in url for part in ("{z}", "{x}", "{y}")):
        raise ValueError(f"the tile URL needs {{z}}, {{x}} and {{y}} where the tile's zoom and position go: {url!r}")
    if re.search(r"[\s\"'<>\\]", url):
        raise ValueError(f"the tile URL has a character a URL cannot: {url!r}")
    if attribution is None:
        attribution = os.environ.get("AMITY_TILES_ATTRIBUTION") or (
            DEFAULT_ATTRIBUTION if url == DEFAULT_URL else f"Map tiles: {parts.hostname}")
    return Tiles(url, attribution.strip(), f"{parts.scheme}://{host}")
