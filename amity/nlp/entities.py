"""spaCy component `amity_entities`: settle overlapping mentions and group them into entities.

One entity per real thing in the article: "Mayor Dündar" and "Dündar" join
"Mustafa Dündar"; "TDBB" joins "Union of Turkish World Municipalities"; places
join on their gazetteer link. A town's municipality is an organisation and
its town a place.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from amity.nlp.gazetteer import Place, default_gazetteer
from amity.nlp.lexicons import (
    demonyms,
    organisations,
    place_words,
    punctuation,
    qualified_heads,
    territorial_bodies,
    titles,
    word_maps,
    word_sets,
)
from amity.nlp.mentions import Mention, register_extensions
from amity.nlp.names import INITIALLED_NAME, fold, name_key
from amity.nlp.organisations import ORG_HEADS
from amity.nlp.tokens import doc_tokens
from amity.vocabulary.names import initials, initials_skip, is_acronym

#: Last words of names that are events, projects or documents, not bodies (guidelines: not entities).
_WORDS_FILE = "entity_words.json"


@dataclass
class EntityCluster:
    """The mentions of one real thing in one article."""

    type: str
    mentions: list[Mention] = field(default_factory=list)
    place: Place | None = None
    #: Further names the article implies without writing them ("Navoi" for "Navoi region").
    implied: list[str] = field(default_factory=list)

    @property
    def surfaces(self) -> list[str]:
        seen: dict[str, str] = {}
        for m in self.mentions:
            seen.setdefault(fold(m.name), m.name)
            if m.acronym:
                seen.setdefault(fold(m.acronym), m.acronym)
            if m.alias:
                seen.setdefault(fold(m.alias), m.alias)
        return list(seen.values())

    @property
    def name(self) -> str:
        """The fullest form: the longest surface of a person, the first full name of anything else."""
        names = [m.name for m in self.mentions]
        if self.type == "person":
            return max(names, key=lambda n: (len(n.split()), len(n)))
        if self.type == "organization":
            known = organisations()
            for n in names:  # a well-known body by its current name, not a former one
                entry = known.get(fold(n))
                if entry is not None and fold(entry.name) in {fold(x) for x in names}:
                    return next(x for x in names if fold(x) == fold(entry.name))
            acronyms = {m.acronym for m in self.mentions if m.acronym}
            full = [n for n in names if n not in acronyms and not n.isupper()]
            return max(full, key=len) if full else names[0]
        # a place: as first written in running text, not in a capitalised dateline ("ANKARA, ...")
        return next((n for n in names if not n.isupper() or len(n) <= 3), names[0])

    @property
    def aliases(self) -> list[str]:
        name = self.name
        out = [s for s in self.surfaces if fold(s) != fold(name)]
        if self.place is not None and fold(self.place.name) != fold(name) and self.place.name not in out:
            out.append(self.place.name)
        out += [x for x in self.implied if fold(x) != fold(name) and fold(x) not in {fold(o) for o in out}]
        return out

    @property
    def names(self) -> list[str]:
        """Every name the article gives or implies: the name and the aliases, without working out which is the
        fullest (that reads every mention against the known bodies), for look-ups built over many entities."""
        out = self.surfaces
        if self.place is not None:
            out.append(self.place.name)
        return out + self.implied

    @property
    def roles(self) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        for m in self.mentions:
            for title, of in m.roles:
                if (title, of) in out:
                    continue
                same_title = [r for r in out if r[0] == title]
                if same_title and (of is None or any(r[1] is not None for r in same_title)):
                    continue  # "Mayor of Bursa X ... X, the mayor, ...": the office named first, with its place
                out = [r for r in out if not (r[0] == title and r[1] is None)]
                out.append((title, of))
        # "minister" beside "foreign minister": the generic office is the specific one, written shorter
        return [r for r in out if not any(_more_specific(other, r) for other in out)]


def _more_specific(specific: tuple[str, str | None], generic: tuple[str, str | None]) -> bool:
    """The same office written more fully: its words include all of the generic title's, the words
    that change an office (deputy, former…) agree, and its `of` agrees or the generic has none."""
    words, fewer = set(specific[0].split()), set(generic[0].split())
    if specific == generic or not fewer < words or generic[1] not in (None, specific[1]):
        return False
    changing = titles().modifiers | titles().former
    return {w for w in words if w in changing} == {w for w in fewer if w in changing}


@Language.factory("amity_entities", default_config={"words": _WORDS_FILE})
def make_entities(nlp: Language, name: str, words: str) -> EntityGrouper:
    return EntityGrouper(words)


class EntityGrouper:
    def __init__(self, words_file: str = _WORDS_FILE) -> None:
        register_extensions()
        self.gazetteer = default_gazetteer()
        #: not_bodies, news_agency_words, filler, place_suffixes: see data/README.md
        self.words = word_sets(words_file)
        #: "provincial" → "province": a division's adjective read as its noun when two names are compared.
        self.division_adjectives = word_maps(words_file).get("division_adjectives", {})
        #: "park" → words before it that make it a body's head (data/organisation_words.json).
        self.qualified_heads = qualified_heads()

    def __call__(self, doc: Doc) -> Doc:
        accepted = self._resolve(doc)
        for m in accepted:
            m.dateline = _is_dateline(doc, m)
        doc._.entities = self._group(doc, accepted)
        return doc

    def _resolve(self, doc: Doc) -> list[Mention]:
        people = doc._.person_mentions or []
        surnames = {fold(p.name.split()[-1]) for p in people if len(p.name.split()) >= 2}
        full_names = {fold(p.name) for p in people if len(p.name.split()) >= 2}
        # spaCy's guess of a body or place for a person already named: "Cemal Arslan visited ..."
        weak = [m for m in (doc._.org_mentions or []) + (doc._.place_mentions or [])
                if (m.priority <= 1 or _alternate_name_only(m)) and (len(m.name.split()) == 1 and fold(m.name) in surnames
                                                                    or fold(m.name) in full_names)]
        # "Seitkali said ...": spaCy's guess of a body or place for a surname already named
        people = people + [Mention(m.start, m.end, "person", m.name, priority=1) for m in weak]
        candidates = people + (doc._.org_mentions or []) + (doc._.place_mentions or [])
        weak_spans = {(m.start, m.end, m.type, m.name) for m in weak}  # a set first: `in weak` scans the list
        candidates = [m for m in candidates if not ((m.start, m.end, m.type, m.name) in weak_spans and m in weak)
                      and self._keep(doc, m)]
        candidates = _corroborated_in_headlines(doc, candidates)
        candidates = _without_town_country_people(candidates, doc._.place_mentions or [])
        # at equal strength and length a linked place beats a one-word person ("in Japan, Fukuchiyama")
        candidates.sort(key=lambda m: (-m.priority, -(m.end - m.start), not (m.type == "place" and m.place), m.start))
        taken = [False] * (len(doc) + 1)
        accepted: list[Mention] = []
        for m in candidates:
            if any(taken[k] for k in range(m.start, m.end)):
                m = self._trimmed(doc, m, taken)
                if m is None:
                    continue
            for k in range(m.start, m.end):
                taken[k] = True
            accepted.append(m)
        towns = []
        places = [m for m in doc._.place_mentions or [] if m.place is not None and m.priority >= 2]
        # the countries the article names steer the town of a body as they steer any place ("Kochi" in Japan)
        context = frozenset(p.place.country for p in doc._.place_mentions or []
                            if p.place is not None and p.place.kind == "country" and p.place.country)
        for m in accepted:
            if m.type == "organization" and m.town:
                place = self.gazetteer.lookup(m.town, context)
                towns.append(Mention(m.start, m.start, "place", m.town, place=place, priority=0))
            elif m.type == "organization" and _governs_territory(m.name):
                # "Government of Hami City", "Akimat of Akmola region": the territory is a place too
                towns += [Mention(m.start, m.start, "place", p.name, place=p.place, priority=0)
                          for p in places if m.start <= p.start and p.end <= m.end
                          and p.place is not None and p.place.kind != "country"]
        accepted += towns
        accepted.sort(key=lambda m: (m.start, m.end))
        return accepted

    @staticmethod
    def _trimmed(doc: Doc, m: Mention, taken: list[bool]) -> Mention | None:
        """The part of an organisation's span before a stronger mention inside it
        ("Organization of Turkic States" out of "Organization of Turkic States Mr Omer Kocaman")."""
        if m.type != "organization":
            return None
        end = m.start
        while end < m.end and not taken[end]:
            end += 1
        while end > m.start and (doc[end - 1].lower_ in ("of", "the", "and", "for", "in", "mr", "mrs", "ms", "dr")
                                 or doc[end - 1].is_punct):
            end -= 1
        if end - m.start < 2 or not any(t.lower_ in ORG_HEADS for t in doc[m.start:end]):
            return None
        return Mention(m.start, end, m.type, doc[m.start:end].text, priority=m.priority)

    def _keep(self, doc: Doc, m: Mention) -> bool:
        words = m.name.split()
        if not words:
            return False
        if m.type == "organization":
            head_words = m.name.split(" of ")[0].split()
            sister_cities = len(head_words) >= 2 and fold(" ".join(head_words[-2:])) == "sister cities"
            qualified = len(head_words) >= 2 and fold(head_words[-2]).split(" ")[-1] in \
                self.qualified_heads.get(fold(head_words[-1]), frozenset())  # "Tra Noc Industrial Park"
            if fold(head_words[-1]) in self.words["not_bodies"] and not m.town_government and not sister_cities \
                    and not qualified:
                return False  # "Ankara International Urban Forum": an event, not a body
            # "..., Kabar reports" / "Kazinform News Agency correspondent reports": the source, not a party
            following = {t.lower_ for t in doc[m.end : m.end + 2]}
            if following & self.words["news_agency_words"]:
                return False
            if m.priority <= 1 and len(words) == 1 and m.name.istitle() and not m.name.isupper():
                return False
        if m.type == "person" and len(m.name) < 3 and not (m.priority >= 4 and m.roles):
            return False  # a stray letter pair, unless an office names its holder ("Council member Vo", "President Xi")
        if m.type == "person" and len(words) >= 2 and fold(words[0]) in demonyms() and not m.roles \
                and " ".join(words[1:]) in self.gazetteer:
            return False  # "Turkish Safranbolu", "Swedish Umeå": a nationality before a town, no one's name
        return True

    def _group(self, doc: Doc, mentions: list[Mention]) -> list[EntityCluster]:
        clusters: list[EntityCluster] = []
        by_key: dict[tuple[str, str], EntityCluster] = {}
        people: list[EntityCluster] = []
        # persons: full names first, so that surnames can join them
        # and a body's town after the places the article names itself, which it then joins ("Gangnam-gu Office")
        ordered = sorted(mentions, key=lambda m: (m.type != "person", m.type == "place" and m.priority == 0,
                                                  -len(m.name.split())))
        for m in ordered:
            key = self._key(m)
            cluster = by_key.get(key)
            if cluster is None and m.type == "person":
                cluster = _person_for(people, m)
            if cluster is None and m.type == "organization":
                # "BSEC" after "… Organization (BSEC)": the article's own short form wins over a
                # well-known body of that short form
                own = [("organization", name_key(x)) for x in (m.name, m.acronym, m.alias) if x]
                cluster = next((by_key[k] for k in own if k in by_key), None)
            if cluster is None and m.type == "place" and (m.place is None or m.priority == 0):
                # an unlinked mention, or a municipality's town, of a place already named ("Porto" twice)
                cluster = next((c for c in clusters if c.type == "place" and fold(m.name) in
                                {fold(s) for s in c.surfaces}), None)
            if cluster is None:
                cluster = EntityCluster(m.type, place=m.place)
                clusters.append(cluster)
                if m.type == "person":
                    people.append(cluster)
            cluster.mentions.append(m)
            if cluster.place is None and m.place is not None:
                cluster.place = m.place
            by_key[key] = cluster
            if m.type == "organization":
                for x in (m.name, m.acronym, m.alias):
                    if x:
                        by_key.setdefault(("organization", name_key(x)), cluster)
        for cluster in clusters:
            cluster.mentions.sort(key=lambda m: m.start)
        # a lone one-word "person" (no fuller name to join) is more often a misread place or word,
        # unless an office names them ("President Eisenhower", "Council member Vo")
        clusters = [c for c in clusters if not (c.type == "person" and len(c.name.split()) == 1 and not _two_part_name(c)
                                                and not _named_by_office(c))]
        # spaCy sometimes calls a person an organisation in a later sentence: one entity, the person
        person_names = {fold(s) for c in clusters if c.type == "person" for s in c.surfaces}
        for c in clusters:
            if c.type == "organization" and all(fold(s) in person_names for s in c.surfaces):
                target = next(p for p in clusters if p.type == "person" and fold(c.name) in {fold(s) for s in p.surfaces})
                target.mentions += [Mention(m.start, m.end, "person", m.name) for m in c.mentions]
        clusters = [c for c in clusters if not (c.type == "organization" and all(fold(s) in person_names for s in c.surfaces))]
        clusters = _merge_variants(clusters, self.words, self.division_adjectives)
        clusters = _merge_initials(clusters)
        clusters = _merge_appositions(doc, clusters)
        clusters = _merge_same_named_places(clusters)
        clusters = [c for c in clusters if not _unexplained_acronym(doc, c, self.words["partner_prepositions"])]
        _name_divisions_bare(clusters)
        clusters.sort(key=lambda c: c.mentions[0].start)
        return clusters

    @staticmethod
    def _key(m: Mention) -> tuple[str, str]:
        if m.type == "organization":
            known = organisations().get(fold(m.name))
            if known is not None:  # "Turkic Council", a former name of the Organization of Turkic States
                return ("organization", name_key(known.name))
        if m.type == "place" and m.place is not None:
            p = m.place
            ident = str(p.geonames_id) if p.geonames_id else f"{fold(p.name)}|{p.kind}|{p.country}"
            return ("place", ident)
        return (m.type, name_key(m.name))


def _unexplained_acronym(doc: Doc, cluster: EntityCluster, partner_prepositions: frozenset[str] | set[str]) -> bool:
    """A body known only by a bare acronym that spaCy does not call an organisation, the article never
    spelling it out ("said the SEZ", "UzA reports", "the RJ line"): in news such letters are more often a
    source, a unit, a programme or a product than a party; one the article expands joined its body above.
    One that stands where a party stands - joined by "and" to another name ("ICIMOD and Nepal signed") or
    the counterpart after "with" ("an agreement with DAAD") - is a party all the same."""
    return cluster.type == "organization" and all(
        m.end - m.start == 1 and m.priority <= 1 and sum(ch.isupper() for ch in m.name) >= 2 and not m.acronym and not m.alias
        and doc[m.start].ent_type_ != "ORG" and not _named_party_position(doc[m.start], partner_prepositions)
        for m in cluster.mentions)


def _named_party_position(token: Token, partner_prepositions: frozenset[str] | set[str]) -> bool:
    """Whether a word stands as one of a list of names ("X and Nepal") or as the object of a preposition of a
    counterpart ("with X")."""
    joined = [c for c in token.children if c.dep_ == "conj"] + ([token.head] if token.dep_ == "conj" else [])
    return any(t.ent_type_ or t.pos_ == "PROPN" for t in joined) \
        or (token.dep_ == "pobj" and token.head.lower_ in partner_prepositions)


def _merge_appositions(doc: Doc, clusters: list[EntityCluster]) -> list[EntityCluster]:
    """"the Parliament of Moldova, the Supreme Assembly, adopted ...": a body's name set off by commas
    right after another body's, and not followed by "and" (a list), is another name of the same body."""
    owner = {(m.start, m.end): c for c in clusters if c.type == "organization" for m in c.mentions}
    starting = {start: (start, end) for start, end in owner}
    merged: set[int] = set()
    for (_start, end), first in list(owner.items()):
        if end + 2 >= len(doc) or doc[end].text != ",":
            continue
        k = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        span = starting.get(k)
        if span is None or span[1] + 1 >= len(doc) or doc[span[1]].text != ",":
            continue
        after = doc[span[1] + 1]
        second = owner[span]
        if second is first or id(second) in merged or after.lower_ in ("and", "or", "the") or not after.is_lower:
            continue
        first.mentions += second.mentions
        first.mentions.sort(key=lambda m: m.start)
        merged.add(id(second))
    return [c for c in clusters if id(c) not in merged]


def _merge_same_named_places(clusters: list[EntityCluster]) -> list[EntityCluster]:
    """"Bayanzurkh District" found twice, once linked and once not: one place. Places of one name merge
    unless both are linked to different countries or kinds (Georgia the country, Georgia the US state
    stay two); an unlinked one joins the linked place of its name only when there is one such place
    (beside both Georgias, a third "Georgia" could be either: it is left alone, not given to the first)."""
    linked: dict[str, set[tuple[str | None, str]]] = {}
    for c in clusters:
        if c.type == "place" and c.place is not None:
            linked.setdefault(fold(c.name), set()).add((c.place.country, c.place.kind))
    first: dict[tuple[str, tuple[str | None, str] | None], EntityCluster] = {}
    out: list[EntityCluster] = []
    for c in clusters:
        if c.type != "place":
            out.append(c)
            continue
        places = linked.get(fold(c.name), set())
        if c.place is None and len(places) > 1:
            out.append(c)
            continue
        key = (fold(c.name), (c.place.country, c.place.kind) if c.place is not None else next(iter(places), None))
        same = first.get(key)
        if same is None:
            first[key] = c
            out.append(c)
            continue
        same.mentions += c.mentions
        same.mentions.sort(key=lambda m: m.start)
        if same.place is None:
            same.place = c.place
    return out


def _name_divisions_bare(clusters: list[EntityCluster]) -> None:
    """"Navoi region", "Meram district": news writes a division with and without its word, so the bare
    name is another name of it, unless the article names something else so (the town Navoi), or the
    division is not linked and a town has that name: the registry matches unlinked places by any
    name, so the bare name of an unlinked "Osh region" would make it the town Osh of another article."""
    words = place_words().region_words
    gazetteer = default_gazetteer()
    taken = {fold(s) for c in clusters for s in c.surfaces}
    for c in clusters:
        parts = c.name.split()
        if c.type != "place" or len(parts) < 2 or parts[-1].lower() not in words or not parts[0][:1].isupper():
            continue
        bare = " ".join(parts[:-1])
        if (c.place is None or c.place.geonames_id is None) and any(
                p.kind == "city" and not p.contextual for p in gazetteer.candidates(bare)):
            continue
        if fold(bare) not in taken:
            c.implied.append(bare)


def _governs_territory(name: str) -> bool:
    """A body that governs the territory named in it: a government, administration, council,
    committee, assembly, akimat… (data/territorial_bodies.txt)."""
    return bool(set(fold(name).split()) & territorial_bodies())


_TITLE_CASE_KEY = "amity.entities.title_case_lines"


def title_case_lines(doc: Doc) -> set[int]:
    """Tokens of lines written in Title Case (headlines), where capitals say little about names.
    Found once per doc (entities and ties both ask); callers must not change the set."""
    cached = doc.user_data.get(_TITLE_CASE_KEY)
    if isinstance(cached, set):
        return cached
    out = doc.user_data[_TITLE_CASE_KEY] = _title_case_lines(doc)
    return out


def _lines(doc: Doc) -> Iterator[list[Token]]:
    """The doc's tokens, line by line."""
    line: list[Token] = []
    for tok in doc_tokens(doc):
        line.append(tok)
        if "\n" in tok.whitespace_ or tok.is_space or tok.i == len(doc) - 1:
            yield line
            line = []


def _title_case_lines(doc: Doc) -> set[int]:
    out: set[int] = set()
    for line in _lines(doc):
        words = [t for t in line if t.is_alpha and len(t) > 3]
        ends_sentence = any(t.text in (".", "!", "?") for t in line[-3:])
        if 4 <= len(words) <= 16 and not ends_sentence and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words):
            out.update(t.i for t in line)
    return out


def _corroborated_in_headlines(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """In a Title Case headline, a person or body only spaCy saw ("Mombasa Seeks Sister") must be
    named again in the body to count."""
    headline = title_case_lines(doc)
    capitals = _capitals_lines(doc)
    if not headline and not capitals:
        return mentions
    body_names = {fold(m.name) for m in mentions if m.start not in headline and m.start not in capitals}
    known = organisations()
    return [m for m in mentions
            if m.type == "place" or fold(m.name) in body_names
            or m.start not in capitals and (m.start not in headline or m.priority >= 3)
            or m.start in capitals and m.type == "organization" and fold(m.name) in known]


def _capitals_lines(doc: Doc) -> set[int]:
    """Tokens of lines written all in capitals ("UZBEKISTAN AND TURKMENISTAN WILL HOLD THE FIRST
    BUSINESS COUNCIL MEETING"): no word there is a name by its looks, so a body found there counts
    only when the article names it again below (or it is well known)."""
    out: set[int] = set()
    for line in _lines(doc):
        words = [t for t in line if t.is_alpha and len(t) > 1]
        if len(words) >= 4 and all(t.is_upper for t in words):
            out.update(t.i for t in line)
    return out



def _merge_initials(clusters: list[EntityCluster]) -> list[EntityCluster]:
    """An acronym the article uses without brackets is the body whose name's initials it spells:
    "PPA" and "Philippine Ports Authority" in one article are one body (initials as the registry
    reads them, of a name whose every word but the small ones is capitalised)."""
    by_initials: dict[str, EntityCluster] = {}
    for c in clusters:
        if c.type == "organization":
            for s in c.surfaces:
                if not s.isupper() and _capitalised(s):
                    by_initials.setdefault(initials(s), c)
    out: list[EntityCluster] = []
    for c in clusters:
        target = by_initials.get(c.name.replace(".", "")) if c.type == "organization" and all(
            is_acronym(s) for s in c.surfaces) else None
        if target is None or target is c:
            out.append(c)
            continue
        target.mentions += c.mentions
        target.mentions.sort(key=lambda m: m.start)
    return out


def _capitalised(name: str) -> bool:
    """Whether every word of a name but its small words starts with a capital ("Philippine Ports Authority",
    not "regional ports authority")."""
    return all(w[0].isupper() for w in re.split(r"[\s\-–]+", name) if w and fold(w) not in initials_skip())


def _merge_variants(clusters: list[EntityCluster], words: dict[str, frozenset[str]],
                    adjectives: dict[str, str]) -> list[EntityCluster]:
    """Join the clusters of one body or place written two ways in one article: "Foreign Ministry" and
    "Ministry of Foreign Affairs", "Senate" and "Kazakh Senate", "State Reserve Department of
    Shusha City" and "Shusha City State Reserve Department", "Sejong" and "Sejong city"."""
    out: list[EntityCluster] = []
    for cluster in sorted(clusters, key=lambda c: -len(c.name)):
        target = next((o for o in out if o.type == cluster.type and _variants(o, cluster, words, adjectives)), None)
        if target is None:
            out.append(cluster)
            continue
        target.mentions += cluster.mentions
        target.mentions.sort(key=lambda m: m.start)
        target.place = target.place or cluster.place
    return out


def _variants(longer: EntityCluster, shorter: EntityCluster, words: dict[str, frozenset[str]],
              adjectives: dict[str, str]) -> bool:
    if longer.type == "organization":
        a = _content_words(longer.name, words["filler"], adjectives)
        b = _content_words(shorter.name, words["filler"], adjectives)
        if not a or not b:
            return False
        heads_a = {w for w in a if w in ORG_HEADS}
        heads_b = {w for w in b if w in ORG_HEADS}
        if not heads_b or not heads_b <= heads_a:
            return False
        countries_a, countries_b = _countries_named(longer.name), _countries_named(shorter.name)
        if countries_a and not countries_b <= countries_a:
            return False  # "Ministry of Culture of the Kyrgyz Republic" is not the Kazakh ministry of culture
        if b == heads_b and not countries_b <= countries_a:
            return False  # "Kazakh-German University" is named by its nations alone: not "Almaty Management University"
        return b <= a and (len(b) >= 2 or len(heads_a) == 1)
        # "Senate" in "Kazakh Senate", "Executive Council" in "Provincial Executive Council"
    if longer.type == "place" and (longer.place is None or shorter.place is None or
                                   longer.place.geonames_id is None or shorter.place.geonames_id is None):
        # "Sejong" and "Sejong city", "Andhra" and "Andhra Pradesh" (not "Turkistan" and "Turkistan region")
        long_words, short_words = fold(longer.name).split(), fold(shorter.name).split()
        extra = long_words[len(short_words):]
        if long_words[: len(short_words)] != short_words or len(extra) != 1:
            return False
        if extra[0] in words["place_suffixes"]:
            return True
        # "Navoi Region" and a bare "Navoi" that names no town: one region ("Turkistan" the city stays apart)
        same_country = longer.place is None or shorter.place is None or longer.place.country == shorter.place.country
        return extra[0] in place_words().region_words and same_country and \
            (shorter.place is None or shorter.place.kind == "region")
    return False



def _alternate_name_only(m: Mention) -> bool:
    """A place known by this name only as another name of a place called otherwise ("Turan" for Da
    Nang): a person of the article who bears it as a surname is the likelier reading."""
    return m.type == "place" and m.place is not None and m.place.contextual and fold(m.place.name) != fold(m.name)


def _countries_named(name: str) -> set[str]:
    """The countries a body's name names, by a nationality adjective or a one-word country name:
    "Ministry of Culture of the Kyrgyz Republic" → {"KG"}."""
    table = demonyms()
    gazetteer = default_gazetteer()
    out: set[str] = set()
    for word in fold(name).split():
        if word in table:
            out.add(table[word])
        elif word in gazetteer.country_names:
            out |= {p.country for p in gazetteer.candidates(word) if p.kind == "country" and p.country}
    return out


def _content_words(name: str, filler: frozenset[str], adjectives: dict[str, str]) -> set[str]:
    table = demonyms()
    return {_singular(adjectives.get(w, w)) for w in fold(name).split() if w not in filler and w not in table}


def _singular(word: str) -> str:
    """A plural's plain singular, for comparing two writings of one name ("University of Languages",
    "University of Language")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"  # "municipalities"
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def _without_town_country_people(candidates: list[Mention], places: list[Mention]) -> list[Mention]:
    """"Kaunas Lithuania" read by spaCy as a person in a list flattened from a web page is a town
    and its country: a person's name that is a town followed by the town's own country is none."""
    by_start = {m.start: m for m in places if m.place is not None and m.place.kind != "country"}
    out = []
    for m in candidates:
        town = by_start.get(m.start) if m.type == "person" else None
        if town is not None and town.end < m.end and town.place is not None:
            rest = " ".join(m.name.split()[town.end - town.start :])
            if any(p.kind == "country" and p.country == town.place.country for p in default_gazetteer().candidates(rest)):
                continue
        out.append(m)
    return out


#: How many tokens a dateline's date and agency may take after the town ("Almaty, May 1, 2024 (Kazinform) –").
_DATELINE_TAIL = 10
#: The dashes that end a dateline, a typed "--" among them ("KONYA -- ...").
_DATELINE_DASHES = frozenset(punctuation()["dashes"] + punctuation()["typed_dashes"])


def _is_dateline(doc: Doc, m: Mention) -> bool:
    """"ASTANA, Kazakhstan, February 5." / "ANKARA, March 3, 2023 —" / "HA NOI (VNS) —" at the head of a paragraph; the
    state or country written after the town ("LAKEWOOD, Colo. —") is the dateline's too."""
    if m.type == "place" and m.start >= 2 and doc[m.start - 1].text == "," and doc[m.start - 2].text.isupper() \
            and doc[m.start - 2].is_alpha and len(doc[m.start - 2]) > 2:
        k = m.start - 2
        while k > 0 and doc[k - 1].text.isupper() and doc[k - 1].is_alpha and not doc[k - 1].is_space:
            k -= 1
        if k == 0 or doc[k - 1].is_space or "\n" in doc[k - 1].whitespace_:
            return True
    # "ANKARA, ...", and with the agency or a dash right after the town: "HA NOI (VNS) —", "BEIJING - ..."
    if m.type != "place" or m.end >= len(doc) or doc[m.end].text not in (",", "(", *_DATELINE_DASHES):
        return False
    if m.start > 0 and not (doc[m.start - 1].is_space or "\n" in doc[m.start - 1].whitespace_):
        return False
    return doc[m.start : m.end].text.isupper() or _filed_from(doc, m.end)




def _filed_from(doc: Doc, end: int) -> bool:
    """Whether a town written in ordinary case at the head of a paragraph is a dateline: a dash follows it
    after only its day and the agency in brackets ("Almaty (Kazinform) –", "Tashkent, May 1 (UzA) -");
    a dash after the day alone counts too ("Almaty, May 1 –"), a bare dash does not ("Almaty – the city")."""
    bracket = dated = inside = False
    for tok in doc[end : end + _DATELINE_TAIL]:
        if tok.text in _DATELINE_DASHES and not inside:
            return bracket or dated
        if tok.text == "(":
            bracket = inside = True
        elif tok.text == ")":
            inside = False
        elif tok.ent_type_ == "DATE" and not inside:
            dated = True
        elif not (tok.is_punct or inside and tok.text[:1].isupper()):
            return False
    return False


def _person_for(people: list[EntityCluster], m: Mention) -> EntityCluster | None:
    """A shorter name joins a fuller one that ends (or starts) with it: "Dündar" → "Mustafa Dündar",
    and an initial stands for a given name: "J. Ortikhodjaev" → "Jakhongir Ortikhodjaev"."""
    words = fold(m.name).split()
    for cluster in people:
        for other in cluster.mentions:
            full = fold(other.name).split()
            if len(words) < len(full) and (full[-len(words):] == words or full[: len(words)] == words):
                return cluster
            if _initials_of(words, full):
                return cluster
    return None


def _initials_of(short: list[str], full: list[str]) -> bool:
    """"j ortikhodjaev" for "jakhongir ortikhodjaev": one-letter words that are the initials of the
    fuller name's given names, and the same surname."""
    if len(short) < 2 or len(short) > len(full) or short[-1] != full[-1] or short == full:
        return False
    initials, given = short[:-1], full[: len(short) - 1]
    return all(len(i) == 1 for i in initials) and all(g.startswith(i) for i, g in zip(initials, given, strict=True))


def _named_by_office(cluster: EntityCluster) -> bool:
    """A surname written right after an office ("Governor Hochul") is a person's, named by the office."""
    return any(m.priority >= 4 and m.roles for m in cluster.mentions)


def _two_part_name(cluster: EntityCluster) -> bool:
    """A one-token name that still has a given name or initial and a surname: "A.Mambetov", or a
    double surname after a title ("Mayor Hill-Lewis")."""
    if INITIALLED_NAME.match(cluster.name):
        return True
    parts = cluster.name.split("-")
    return len(parts) == 2 and all(p[:1].isupper() for p in parts) and any(m.priority >= 4 for m in cluster.mentions)


def token_index(entities: list[EntityCluster]) -> dict[int, EntityCluster]:
    """Token position → the entity mentioned there, for the components that read sentences.

    A dateline ("ANKARA, March 3 —") names where the story was filed, not a party to what
    it reports, so it is left out."""
    index: dict[int, EntityCluster] = {}
    for cluster in entities:
        for m in cluster.mentions:
            if m.dateline:
                continue
            for k in range(m.start, max(m.end, m.start + 1)):
                index.setdefault(k, cluster)
    return index
