"""Which third-party libraries (drawings, basemap, API docs) `make` installed: npm packages in static/vendor/.

They are never in the repository and never fetched from a CDN at run time;
a page that draws checks for its library on each request (a file test)
and, without it, shows only its lists and a line saying how to get the
drawing (so `make` run after `amity serve` started takes effect at once).
"""
from __future__ import annotations

from pathlib import Path

VENDOR = Path(__file__).with_name("static") / "vendor"

#: The files each drawing needs, under static/vendor/ (as the Makefile's vendor target copies them).
GRAPH = ("cytoscape/cytoscape.min.js",)
MAP = ("leaflet/leaflet.js", "leaflet/leaflet.css")
#: The map's world basemap (Natural Earth outlines as TopoJSON, and the script that reads them).
BASEMAP = ("world-atlas/countries-110m.json", "topojson-client/topojson-client.min.js")
#: The API docs' Swagger UI.
DOCS = ("swagger-ui/swagger-ui-bundle.js", "swagger-ui/swagger-ui.css")


def installed(files: tuple[str, ...]) -> bool:
    """Whether every one of these vendor files is there."""
    return all((VENDOR / name).is_file() for name in files)
