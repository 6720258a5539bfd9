"""Loading Amity's lexicons (titles, organisations, demonyms, triggers) from `amity/data`.

Each loader reads its file once per process; the files are the place to
extend Amity's knowledge, not the code.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from amity.nlp.names import fold


def _rows(filename: str) -> list[dict[str, str]]:
    path = resources.files("amity.data").joinpath(filename)
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Titles:
    """Office titles (folded surface form → canonical lower-case title) and honorifics.

    `plurals` maps plural surface forms ("deputy secretaries general") to the canonical title;
    `modifiers` are words that qualify a following title into one office ("Deputy" + "Secretary");
    `former` are the words that mark an office as no longer held ("former", "ex-");
    `place_offices` are canonical titles whose holder is a place (a mayor's town, a governor's region)."""

    offices: dict[str, str]
    honorifics: frozenset[str]
    max_tokens: int
    plurals: dict[str, str] = field(default_factory=dict)
    modifiers: frozenset[str] = frozenset()
    former: frozenset[str] = frozenset()
    place_offices: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def titles() -> Titles:
    offices: dict[str, str] = {}
    honorifics: set[str] = set()
    modifiers: set[str] = set()
    former: set[str] = set()
    place_offices: set[str] = set()
    for row in _rows("titles.csv"):
        surface = fold(row["title"])
        kind = row.get("kind") or "office"
        if kind == "honorific":
            honorifics.add(surface)
        elif kind == "modifier":
            modifiers.add(surface)
        elif kind == "former":
            former.add(surface)
        else:
            canonical = (row.get("canonical") or row["title"]).strip().lower()
            offices[surface] = canonical
            if (row.get("held_in") or "").strip() == "place":
                place_offices.add(canonical)
    plurals = {}
    for surface, canonical in offices.items():
        plural = _plural_title(surface)
        if plural not in offices and " and " not in surface:
            plurals[plural] = canonical
    longest = max((k.count(" ") + 1 for k in offices), default=1)
    return Titles(offices, frozenset(honorifics), longest, plurals, frozenset(modifiers),
                  frozenset(former), frozenset(place_offices))


def _plural_title(title: str) -> str:
    """The plural of an office's name: its head noun in the plural ("heads of state",
    "secretaries general", "board members")."""
    words = title.split()
    if "of" in words[1:]:
        head = words.index("of") - 1
    elif len(words) > 1 and words[-1] == "general":
        head = len(words) - 2
    else:
        head = len(words) - 1
    words[head] = _plural_noun(words[head])
    return " ".join(words)


def _plural_noun(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def read_json(filename: str) -> Any:
    """A JSON data file: a name in `amity/data`, or a path of the user's own (a component's config
    may point at another word list)."""
    own = Path(filename)
    if own.is_absolute() or own.parent != Path("."):
        return json.loads(own.read_text(encoding="utf-8"))
    return json.loads(resources.files("amity.data").joinpath(filename).read_text(encoding="utf-8"))


@cache
def punctuation() -> dict[str, Any]:
    """The punctuation the finders share (`punctuation.json`): dashes and quotation marks, one list each."""
    marks: dict[str, Any] = read_json("punctuation.json")
    return marks


@cache
def people_words(filename: str = "people.json") -> dict[str, Any]:
    """The word lists of the people finder (`people.json`): name particles, place and facility
    words, anaphoric place nouns and the words that link an office to its holder."""
    words: dict[str, Any] = read_json(filename)
    return words


@dataclass(frozen=True)
class KnownOrganisation:
    name: str
    aliases: tuple[str, ...]
    country: str | None


@lru_cache(maxsize=1)
def organisations() -> dict[str, KnownOrganisation]:
    """Folded name or alias → the organisation it names."""
    out: dict[str, KnownOrganisation] = {}
    for row in _rows("organizations.csv"):
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        org = KnownOrganisation(row["name"], aliases, row.get("country") or None)
        for surface in (org.name, *aliases):
            out.setdefault(fold(surface), org)
    return out


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded nationality adjective → ISO country code ("kazakh" → "KZ")."""
    return {fold(r["demonym"]): r["country"] for r in _rows("demonyms.csv")}


@cache
def triggers(filename: str = "triggers.json") -> dict[str, Any]:
    lexicon: dict[str, Any] = read_json(filename)
    return lexicon


@lru_cache(maxsize=1)
def common_acronyms() -> frozenset[str]:
    """Acronyms of common nouns (VIP, CEO, SEZ, MoU) that never name a body on their own."""
    path = resources.files("amity.data").joinpath("common_acronyms.txt")
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.startswith("#"))


@cache
def tie_cues(filename: str = "ties.json") -> dict[str, Any]:
    """Cues of `data/ties.json` (or a file of the user's own): list leads, cooperation nouns, stage
    words, pair back-references."""
    cues: dict[str, Any] = read_json(filename)
    return cues


@dataclass(frozen=True)
class PlaceWords:
    """Words around place names (data/place_words.json)."""

    region_words: frozenset[str]
    town_words: frozenset[str]
    #: suffix or noun → (canonical noun, default country or None)
    subcity_units: dict[str, tuple[str, str | None]]
    cue_nouns: frozenset[str]
    attribution_words: frozenset[str]
    compass_abbreviations: dict[str, str]
    territorial_adjectives: frozenset[str]
    place_prepositions: frozenset[str]
    motion_words: frozenset[str]
    group_nouns: frozenset[str]
    saint_words: frozenset[str]
    #: "Minn." → "Minnesota": read as the state only right after "Town,".
    us_state_abbreviations: dict[str, str]
    #: Words of twinning whose "with"/"of" introduces partner towns ("twinned with", "sister city of").
    partner_words: frozenset[str] = frozenset()
    #: Plural region nouns a list of names shares ("the Almaty and Tashkent regions") → the singular.
    region_plurals: dict[str, str] = field(default_factory=dict)
    #: Nouns that define a name as a settlement or territory ("X is a city in ...").
    definition_nouns: frozenset[str] = frozenset()
    #: Words of twinning that only a place owns ("X's sister cities", "X is twinned with").
    twin_words: frozenset[str] = frozenset()
    #: Nouns after a twin word that make it a relation of places ("sister cities", "twin-town links").
    twin_heads: frozenset[str] = frozenset()
    #: Words that may stand between a name and the twin words it owns ("Kalamazoo maintains sister-city ...").
    twin_owner_words: frozenset[str] = frozenset()
    #: Division words that end an ISO 3166-2 region's name, which is known without them too ("Aqmola oblysy").
    subdivision_suffixes: tuple[str, ...] = ()
    #: First word of a saint's town → the words it may stand for or be written as ("st" → saint, sankt).
    saint_abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Words opening the tail of a French saint's town's name, which English drops ("Saint-Pol-sur-Ternoise").
    french_saint_tails: frozenset[str] = frozenset()
    #: Lower-case nouns that, after "<town> city"/"<town> town", name the town's own body ("city council").
    town_body_words: frozenset[str] = frozenset()
    #: What joins the items of a list of towns (",", "and", …).
    list_glue: frozenset[str] = frozenset()
    #: Words after which a list of towns starts, near a word of twinning ("twinned with", "such as", "include").
    partner_list_openers: frozenset[str] = frozenset()
    #: Lower-case settlement and division nouns that make unknown names before them a place ("Doan Ket commune").
    settlement_nouns: frozenset[str] = frozenset()
    #: Nouns whose "of" announces settlements ("the villages of X and Y").
    settlement_cues: frozenset[str] = frozenset()
    #: Nouns of what is said or sent, whose "from" names a sender, not a place ("a letter from X").
    message_nouns: frozenset[str] = frozenset()


@cache
def place_words(filename: str = "place_words.json") -> PlaceWords:
    raw = read_json(filename)
    return PlaceWords(
        frozenset(raw["region_words"]),
        frozenset(raw["town_words"]),
        {k: (v[0], v[1] or None) for k, v in raw["subcity_units"].items()},
        frozenset(raw["cue_nouns"]),
        frozenset(raw["attribution_words"]),
        dict(raw["compass_abbreviations"]),
        frozenset(raw["territorial_adjectives"]),
        frozenset(raw["place_prepositions"]),
        frozenset(raw["motion_words"]),
        frozenset(raw["group_nouns"]),
        frozenset(raw["saint_words"]),
        dict(raw["us_state_abbreviations"]),
        frozenset(raw.get("partner_words", [])),
        dict(raw.get("region_plurals", {})),
        frozenset(raw.get("definition_nouns", [])),
        frozenset(raw.get("twin_words", [])),
        frozenset(raw.get("twin_heads", [])),
        frozenset(raw.get("twin_owner_words", [])),
        tuple(raw.get("subdivision_suffixes", ())),
        {k: tuple(v) for k, v in raw.get("saint_abbreviations", {}).items()},
        frozenset(raw.get("french_saint_tails", ())),
        frozenset(raw.get("town_body_words", ())),
        frozenset(raw.get("list_glue", ())),
        frozenset(raw.get("partner_list_openers", ())),
        frozenset(raw.get("settlement_nouns", ())),
        frozenset(raw.get("settlement_cues", ())),
        frozenset(raw.get("message_nouns", ())),
    )


def _word_list(filename: str) -> list[str]:
    path = resources.files("amity.data").joinpath(filename)
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Lower-case nouns that head the name of a body (data/org_heads.txt)."""
    return frozenset(w.lower() for w in _word_list("org_heads.txt"))


@lru_cache(maxsize=1)
def legal_forms() -> frozenset[str]:
    """Company legal forms written before the name, as written ("JSC", "LLP"; data/legal_forms.txt)."""
    return frozenset(_word_list("legal_forms.txt"))


@lru_cache(maxsize=1)
def trailing_legal_forms() -> re.Pattern[str]:
    """Company legal forms written after the name (data/trailing_legal_forms.txt), as one pattern
    matching a form with its optional comma, the longest form first, never inside a word."""
    forms = sorted(_word_list("trailing_legal_forms.txt"), key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<=[\w.])(?P<comma>,)?[ \t]+(?P<form>{alternatives})(?![\w&])" if forms else r"(?!)")


@lru_cache(maxsize=1)
def name_possessives() -> frozenset[str]:
    """Nouns whose possessive sits inside a body's name ("People's Council"; data/name_possessives.txt)."""
    return frozenset(w.lower() for w in _word_list("name_possessives.txt"))


@lru_cache(maxsize=1)
def territorial_bodies() -> frozenset[str]:
    """Heads of bodies that govern the territory in their name (data/territorial_bodies.txt)."""
    return frozenset(w.lower() for w in _word_list("territorial_bodies.txt"))


@cache
def word_sets(filename: str) -> dict[str, frozenset[str]]:
    """The word lists of a JSON data file as sets (keys starting with "_" are notes)."""
    raw: dict[str, Any] = read_json(filename)
    return {key: frozenset(value) for key, value in raw.items() if not key.startswith("_") and isinstance(value, list)}


@cache
def qualified_heads(filename: str = "organisation_words.json") -> dict[str, frozenset[str]]:
    """Heads that name a body only after one of their words ("Industrial Park", not "Central Park"):
    head → those words."""
    raw: dict[str, list[str]] = read_json(filename).get("qualified_heads", {})
    return {head: frozenset(before) for head, before in raw.items()}


@cache
def word_maps(filename: str) -> dict[str, dict[str, str]]:
    """The word-to-word tables of a JSON data file (keys starting with "_" are notes)."""
    raw: dict[str, Any] = read_json(filename)
    return {key: dict(value) for key, value in raw.items() if not key.startswith("_") and isinstance(value, dict)}
