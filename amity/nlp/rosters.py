"""spaCy component `amity_rosters`: one tie per partner of a town, region or body listed with several.

English news lists a place's partners in a few set shapes: "X's sister cities include A, B and
C", "Among X's twin towns are A and B", "The sister cities of X, such as A and B", "X has twin
towns in A and B", "X is twinned with A and B", "X maintains partnerships with A and B", or a
cue sentence ending in a colon, or a heading line ("Sister cities of X"), followed by one partner
a line. Each names one owner (the possessive, the "of X" object, the town qualifying the cue, the
subject, or for "it"/"the city" the subject of the sentence before) and a list of partners joined
by commas, semicolons and "and (with)", each perhaps with its country ("A (Ghana)", "A of Ghana",
"Ghana's A"); a year after a partner ("A (1992)", "(Georgia, 2010)", "since 1998", "in 1958")
dates the partners named since the previous year. The towns of one list are never each other's
partners. The TieFinder reads one agreement per sentence and misses these; this component adds
the roster's ties to `doc._.ties`, merging with a tie already found for the same kind and parties.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from amity.model import TIE_STAGES
from amity.nlp.dates import dates_between
from amity.nlp.entities import EntityCluster, token_index
from amity.nlp.gazetteer import default_gazetteer
from amity.nlp.lexicons import demonyms, read_json
from amity.nlp.mentions import register_extensions
from amity.nlp.names import fold
from amity.nlp.tie_kinds import default_tie_kinds
from amity.nlp.ties import TieMention, _distinct, own_clause, without_destinations
from amity.nlp.tokens import doc_tokens, span_tokens

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@cache
def _words(filename: str) -> dict[str, Any]:
    words: dict[str, Any] = read_json(filename)
    return words


@dataclass
class _Partner:
    cluster: EntityCluster
    date: str | None = None
    ended: bool = False


@Language.factory("amity_rosters", default_config={"words": "rosters.json"})
def make_rosters(nlp: Language, name: str, words: str) -> RosterReader:
    return RosterReader(words)


class RosterReader:
    def __init__(self, words_file: str = "rosters.json") -> None:
        register_extensions()
        words = _words(words_file)
        self.cues: dict[tuple[str, ...], str] = {tuple(k.split()): v for k, v in words["cues"].items()}
        self.heading_cues: dict[tuple[str, ...], str] = {
            tuple(k.split()): v for k, v in words.get("heading_cues", {}).items()}
        self.possessive_cues: dict[tuple[str, ...], str] = {
            tuple(k.split()): v for k, v in words.get("possessive_cues", {}).items()}
        every_cue = [*self.cues, *self.heading_cues, *self.possessive_cues]
        self.longest_cue = max(len(k) for k in every_cue)
        self._cue_first_words = frozenset(k[0] for k in every_cue)
        self.lead = frozenset(words["lead_words"])
        self.separators = frozenset(words["separators"])
        self.introducers = frozenset(words["introducers"])
        self.since = frozenset(words["since"])
        self.possessives = frozenset(words["possessives"])
        self.bullets = frozenset(words["bullets"])
        self.max_item_tokens = int(words["max_item_tokens"])
        self.continuations = frozenset(words["continuations"])
        self.pronouns = frozenset(words["pronouns"])
        self.anaphors = frozenset(words["anaphors"])
        self.relation_plurals = frozenset(words.get("relation_plurals", []))
        self.signed_lemmas = frozenset(words.get("signed_lemmas", []))
        self.table_headers = frozenset(words.get("table_headers", []))
        self.founding_lemmas = frozenset(words.get("founding_lemmas", []))
        self.town_nouns = frozenset(words.get("town_nouns", []))
        self.former_words = frozenset(words.get("former_words", []))
        self.continuation_verbs = frozenset(words.get("continuation_verbs", []))
        self.document_nouns = frozenset(words.get("document_nouns", []))
        self.back_references = frozenset(words.get("back_references", []))
        self.list_back_references = frozenset(words.get("list_back_references", []))
        self.cooperation_nouns = frozenset(words.get("cooperation_nouns", []))
        self.cue_modifiers = frozenset(words.get("cue_modifiers", []))
        self.item_separators = frozenset(words.get("item_separators", []))
        self.max_lines = int(words.get("max_lines", 60))
        self.ended_words = frozenset(words.get("ended_words", []))
        self.item_openers = frozenset(words.get("item_openers", []))
        self.relation_singulars = frozenset(words.get("relation_singulars", []))
        self.between_cue_and_partner = frozenset(words.get("between_cue_and_partner", []))
        self.item_prefixes = frozenset(words.get("item_prefixes", []))
        self.label_openers = frozenset(words.get("label_openers", []))
        self.town_singulars = frozenset(words.get("town_singulars", []))
        self.coordinated_modifiers = frozenset(words.get("coordinated_modifiers", []))
        self.appositive_words = frozenset(words.get("appositive_words", [])) | self.cue_modifiers
        self.appositive_cues: dict[str, str] = words.get("appositive_cues", {})
        self.coordinators = frozenset(words.get("coordinators", []))
        self.class_introducers = frozenset(words.get("class_introducers", []))
        self.origin_words = frozenset(words.get("origin_words", []))
        self.guest_nouns = frozenset(words.get("guest_nouns", []))
        self.class_reach = int(words.get("class_reach", 3))
        self.pair_joiners = frozenset(words.get("pair_joiners", []))
        self.pair_predicates = frozenset(words.get("pair_predicates", []))
        self.headline_reach = int(words.get("headline_reach", 12))
        # "twinned with" → "twinned": the cue a relative clause "with which X has been twinned" holds
        self.relative_cues = {k[:-1]: v for k, v in self.cues.items() if len(k) > 1 and k[-1] == "with"}
        self.relative_pronouns = frozenset(words.get("relative_pronouns", []))
        self.list_announcers = frozenset(words.get("list_announcers", []))
        self.ending_lemmas = frozenset(words.get("ending_lemmas", []))
        self.partner_slot_nouns = frozenset(words.get("partner_slot_nouns", []))
        self.ending_governors = frozenset(words.get("ending_governors", []))
        self.ending_refusals = frozenset(words.get("ending_refusals", []))
        self.ending_objects = frozenset(words["ending_objects"])
        self.future_auxiliaries = frozenset(words["future_auxiliaries"])
        self.min_rows = int(words.get("country_rows_min", 2))
        self.country_row_cues = frozenset(words.get("country_row_cues", []))
        self.definite_determiners: dict[str, int] = words.get("definite_determiners", {"the": 3})
        self.copulas = frozenset(words.get("copulas", []))
        self.date_fields = frozenset(words.get("date_fields", []))
        self.max_heading_tokens = int(words.get("max_heading_tokens", 8))
        self.max_section_lines = int(words.get("max_section_lines", 6))

    def __call__(self, doc: Doc) -> Doc:
        entities: list[EntityCluster] = doc._.entities or []
        ties: list[TieMention] = list(doc._.ties or [])
        index = {i: c for i, c in token_index(entities).items() if c.type in ("place", "organization")}
        places = {fold(alias): c for c in entities if c.type == "place" for alias in [c.name, *c.aliases]}
        sents = list(doc.sents)
        last_owner: dict[str, EntityCluster] = {}
        listed_by: dict[int, tuple[EntityCluster, int]] = {}  # a listed partner's owner, and the sentence
        recent: tuple[EntityCluster, str, int] | None = None  # the owner, kind and sentence of the last roster
        awaited: tuple[EntityCluster | None, str, int] | None = None  # a roster named as a class, not yet listed, and
        # the last sentence that may list it
        for n, sent in enumerate(sents):
            relative: set[int] = set()  # the partners relative clauses name in this sentence
            for relation, holder, twin, founded in self._relative_twins(doc, sent, index):
                # "Rovaniemi, with which the city has been twinned since 1985, sent a choir"
                _merge(ties, relation, [_town_of(holder, places, relation), _town_of(twin, places, relation)], founded, sent)
                relative.add(id(_town_of(twin, places, relation)))
            cues = self._cues(sent)
            if not cues and awaited is not None and n <= awaited[2]:
                # "Mayors of twin and friend cities attend the festival" ... "Mayors representing cities
                # such as A, B and C took part": the towns listed after a roster named only as a class
                owner = awaited[0] or _most_named(sent.start, index)
                class_towns = self._class_list(doc, sent, index, owner) if owner is not None else []
                if owner is not None and class_towns:
                    kind = awaited[1]
                    party = _town_of(owner, places, kind)
                    listed_ids = {id(_town_of(p.cluster, places, kind)) for p in class_towns}
                    ties = [t for t in ties if not (all(s.start == sent.start for s in t.sentences)
                                                    and all(id(q) in listed_ids for q in t.parties))]
                    for partner in class_towns:
                        _merge(ties, kind, [party, _town_of(partner.cluster, places, kind)], None, sent)
                    awaited = None
            if not cues and recent is not None and n - recent[2] <= 2:
                # "Its first twin town was Vichy in 1956. Wilmington followed in 1979, and Trondheim in
                # 1982.": a roster told over the sentences after its cue
                told = self._continued(doc, sent, index, recent[0], recent[1])
                if told is not None:
                    kind, partners, signed = told
                    ending = self._ending_verb(sent)
                    ended = {id(c) for i in own_clause(ending) if (c := index.get(i)) is not None} \
                        if ending is not None else set()
                    for partner in partners:
                        # "Kaunas has twin towns across Europe. In 2022 the city suspended its partnership with
                        # Tver.": a sentence that ends the tie dates its end, not its start; only the partners
                        # the ending governs end ("... and signed a new agreement with Kyiv" ends nothing)
                        _merge(ties, kind, [recent[0], _town_of(partner.cluster, places, kind)], partner.date, sent,
                               signed, "ended" if id(partner.cluster) in ended else None)
                    recent = (recent[0], recent[1], n)
                    awaited = None  # the roster is being told
            for kind, start, end, towns_only in cues:
                # "Kalmar's twin town Tartu", "Tartu, Kalmar's twin town in Estonia": a cue in the
                # singular names one partner, read only beside an owner the sentence names
                label = _label(doc, sent, start, end, self.label_openers)
                heading = _heading(sent, start, end) or label
                singular = not heading and (
                    doc[end - 1].tag_ == "NN" and not (end < sent.end and doc[end].lower_ == "with")
                    or doc[end - 1].lower_ == "with" and doc[end - 2].lower_ in self.relation_singulars)
                # "Former twin towns", "Former sister city: Bryansk": partners of the past, the tie ended
                former = start > sent.start and doc[start - 1].lower_ in self.former_words
                if kind == "cooperation" and doc[start].lower_.startswith("partner") and any(
                        t.lower_ in self.town_nouns for t in doc[end : min(end + 4, sent.end)]):
                    kind = "sister_city"  # "partnership relations with fourteen towns": partner towns
                owner = self._owner(doc, sent, start, end, index)
                if owner is not None and id(owner) in listed_by and n - listed_by[id(owner)][1] <= 2 \
                        and self._pronoun_before(doc, sent, start):
                    # "X's sister cities include A, B and C. Among its friendship cities are D and E": "its"
                    # is the roster's owner, not the partner it named last
                    owner = listed_by[id(owner)][0]
                if heading and not label and doc[end - 1].tag_ == "NN":
                    # "Stavanger, Norway – partner city since 1947" over a paragraph on Stavanger: the
                    # heading names the partner before the cue, the page's town is the owner
                    titled = self._titled_partner(doc, sent, start, index, owner)
                    if titled is not None:
                        town = _town_of(owner, places, kind) if owner is not None and owner is not titled.cluster \
                            else _story_town(doc, sents, index, places, kind)
                        if town is not None and town is not titled.cluster:
                            _merge(ties, kind, [town, titled.cluster], titled.date, sent, False,
                                   "ended" if titled.ended or former else None)
                        continue
                named_owner = owner is not None
                if owner is not None:
                    last_owner[kind] = owner
                # "Sister cities: Zlín (Czech Republic); Veszprém (Hungary); ...": a label's list runs to the
                # end of its line, across the sentences the parser may cut it into
                stop = _line_end(doc, end) if label else sent.end
                partners, closed = self._list(doc, end, stop, index, owner)
                if label and len(partners) == 1 and partners[0].date is None:
                    # "Partner city: Altenburg / Country: Germany / Agreement signed: 1992": one field a line
                    partners[0].date = self._field_year(doc, stop)
                if owner is not None and partners and _named_among(owner, doc, end, sent.end, self.item_openers):
                    # "... and the city's partner cities – Numazu, Kitale and Patzcuaro – sent delegations"
                    # read as Numazu's: a town is not listed among its own partners, the owner is wrong
                    continue
                if partners and all(_is_area(p.cluster) for p in partners) and not (owner and _is_area(owner)):
                    partners = []  # "partnerships with fourteen towns in Europe and Asia": where they are
                if heading and owner is None:
                    owner = _story_town(doc, sents, index, places, kind)  # "Twin towns and sister cities" on a town's page
                    partners = [p for p in partners if p.cluster is not owner]  # "Town twinning — Town of Kolín"
                elif owner is None and partners:
                    # "X hosted the mayors of its sister cities. Mayors of sister cities such as A and B
                    # spoke": twin towns named without an owner are those of the town named before as
                    # their owner (not of the town the story is about: "the forum brought together
                    # sister cities such as A and B" names no owner)
                    owner = last_owner.get(kind)
                    least = self.definite_determiners.get(doc[start - 1].lower_) if start > sent.start else None
                    if owner is None and least is not None and len({id(p.cluster) for p in partners}) >= least:
                        # "the mayors of the twin cities A, B, C and D", "Both partner cities, A and B, sent
                        # bands": the determiner says whose they are, the town the story has named most
                        owner = _most_named(sent.start, index)
                    partners = [p for p in partners if p.cluster is not owner]
                possessive = start - 1
                while possessive > sent.start and doc[possessive].lower_ in self.cue_modifiers:
                    possessive -= 1  # "Santa Clara, Cuba, the city's other sister city"
                before_cue = False
                if not partners and owner is not None and possessive - 1 > sent.start and doc[possessive].lower_ in self.possessives:
                    partners = self._list_before(doc, start, sent.start, index, owner)
                    before_cue = bool(partners)
                lines = False  # partners one a line under the cue: one is enough
                # "with fourteen towns." (a year counts nothing: "became X's twin town in 1988")
                counted = any(t.like_num and not _YEAR.fullmatch(t.text) for t in doc[end : sent.end])
                if not partners and owner is not None and (closed or heading or counted and _ends_line(sent)):
                    partners = self._items(doc, _line_end(doc, sent.end - 1), index, owner)
                    lines = bool(partners)
                if not partners and owner is not None and (closed or heading or counted and _ends_line(sent)):
                    # "Exeter's twin towns", a paragraph, then "Rennes, France" over a paragraph on Rennes,
                    # "Bad Homburg, Germany" over one on Bad Homburg ...: a heading a partner
                    partners = self._sections(doc, _line_end(doc, sent.end - 1), index, owner)
                    lines = len(partners) >= 2
                    partners = partners if lines else []
                if not partners and n + 1 < len(sents) and sents[n + 1][0].lower_ in self.continuations:
                    following = sents[n + 1]  # "X has 17 twin towns. Among them are A, B and C."
                    partners, _ = self._list(doc, following.start, following.end, index, owner)
                if not partners and owner is not None and (heading or counted):
                    # "X maintains partnerships with fourteen towns." and, a sentence or two later, a
                    # table or list of them, one a line
                    first = next((k for k in range(n + 1, min(n + 4, len(sents))) if self._item_line(sents[k])), None)
                    if first is not None:
                        partners = self._items(doc, sents[first].start, index, owner)
                        lines = bool(partners)
                    elif heading:
                        # "Town twinning", a paragraph or two of prose, then the table of partners
                        partners = self._items_after_prose(doc, _line_end(doc, sent.end - 1), index, owner)
                        lines = bool(partners)
                if towns_only:
                    partners = [p for p in partners if p.cluster.type == "place" and not _is_area(p.cluster)]
                    if index.get(start - 2) is None and doc[start - 1].lower_ in self.possessives:
                        # "The town's other partners are A and B" after "X and Y have been twin towns since
                        # 1974": the town the story names most, not the twin named last
                        owner = _most_named(sent.start, index)
                    if owner is None or owner.type != "place" or _is_area(owner):
                        continue
                if not partners and not singular and not heading and not former and (named_owner or n == 0 and _ends_line(sent)) \
                        and not self._predicate_of_pair(doc, sent, start, end, index, n == 0):
                    # "X hosted the mayors of its sister cities.", a headline's "Mayors of twin and friend
                    # cities meet": the partners named as a class, their towns perhaps listed soon after
                    # (a body's cue after the headline's keeps the headline's reach)
                    reach = n + (self.headline_reach if n == 0 else self.class_reach)
                    awaited = (owner if named_owner else None, kind, max(reach, awaited[2] if awaited else 0))
                elif partners:
                    awaited = None  # the class is listed here
                if len({id(p.cluster) for p in partners}) >= 2:
                    # the towns of one list of partners are not partners of each other
                    listed = {id(_town_of(p.cluster, places, kind)) for p in partners}
                    ties = [t for t in ties if not (all(s.start == sent.start for s in t.sentences)
                                                    and all(id(p) in listed for p in t.parties))]
                if owner is None:
                    continue
                party = _town_of(owner, places, kind)
                if not heading and not towns_only and named_owner:
                    recent = (party, kind, n)
                partners = [p for p in partners if _town_of(p.cluster, places, kind) is not party
                            and not any(_contains(p.cluster, q.cluster) for q in partners)]
                if singular and not partners and named_owner and end < sent.end and doc[end].lower_ == "of":
                    # "A, a partner of X for thirty years", "A, which has been a friendly city of X since 1992"
                    partners = self._appositive_before(doc, sent, start, index, owner)
                    if partners and doc[start].lower_ in self.appositive_cues and owner is not None and \
                            "organization" in (owner.type, partners[0].cluster.type):
                        kind = "cooperation"  # "Siemens, a partner of the university": no twin towns
                copular = False
                if singular and not partners and named_owner:
                    # "Terracina, on the coast between Rome and Naples, became Exeter's twin town": the
                    # subject of the copula is the partner the cue describes
                    partners = self._copular_subject(doc, start, end, index, owner)
                    copular = bool(partners)
                if singular:
                    # "flights to Tbilisi, Baku and Bremen, Riga's twin town": the cue describes the name
                    # just before it, not the first of a list
                    partners = partners[-1:] if before_cue else partners[:1]
                    if before_cue and partners[0].date is None and end < sent.end and doc[end].lower_ in self.since:
                        year = _YEAR.search(doc[end : min(end + 3, sent.end)].text)  # "Bremen, Riga's twin town since 1985"
                        partners[0].date = year.group(1) if year else None
                # one partner beside a cue in the plural ("X, which is twinned with Y") is the TieFinder's
                beside = singular and named_owner and bool(partners) and (copular or _beside(
                    doc, start, end, partners[0].cluster, index, self.between_cue_and_partner, self.appositive_words))
                if singular and not beside:
                    continue
                if singular:
                    # "Leipzig's twin town Kraków and a band from Lyon": the cue names one partner; the
                    # sentence's other towns are not the owner's twins (but for one a relative clause
                    # calls a twin: "..., while Lyon, with which Leipzig has been twinned since 1981, ...")
                    named = _town_of(partners[0].cluster, places, kind)
                    ties = [t for t in ties if not (t.kind == kind and any(p is party for p in t.parties)
                                                    and all(s.start == sent.start for s in t.sentences)
                                                    and not any(p is named or id(p) in relative for p in t.parties))]
                    # "Santa Clara, Cuba, the city's other sister city": the country holds the partner
                    ties = [t for t in ties if not (all(s.start == sent.start for s in t.sentences) and len(t.parties) == 2
                                                    and any(p is named for p in t.parties)
                                                    and any(_contains(p, named) for p in t.parties))]
                    if copular:
                        # the towns of the partner's description are not each other's twins
                        ties = [t for t in ties if not (t.kind == kind and all(s.start == sent.start for s in t.sentences)
                                                        and not any(p is party or p is named for p in t.parties))]
                # "Partner city: Altenburg" over its other fields, one a line: a label names one partner
                one = lines and (named_owner or former) or beside or label and doc[end - 1].tag_ == "NN"
                if len({id(p.cluster) for p in partners}) < (1 if one else 2):
                    continue
                first = min((m.start for p in partners for m in p.cluster.mentions if m.start >= end), default=end)
                kind = default_tie_kinds().roster_kind(
                    kind, doc[start:end], doc[min([start] + [t.left_edge.i for t in doc[start:end] if t.pos_ == "NOUN"]):first], [party, *(_town_of(p.cluster, places, kind) for p in partners)])
                signed = self._signed(doc, start, end)
                # "voted to suspend the partnership agreements with A and B": the roster's own verb ends
                # them, dated by the sentence (a partner's "since" year is when it began)
                ending = self._cue_ended(doc, start, end)
                for partner in partners:
                    ended = former or partner.ended
                    date = partner.date or (_line_year(doc, end) if ended and not lines else None)
                    if ending is not None and not ended:
                        ended, date = True, _clause_value(doc, sent, ending) or doc._.published
                    _merge(ties, kind, [party, _town_of(partner.cluster, places, kind)], date, sent, signed,
                           "ended" if ended else None)
                    listed_by[id(partner.cluster)] = (party, n)
                if not heading:
                    break  # a heading's line may hold the next section's cue ("... Partner cities A B")
        self._country_rows(doc, sents, index, places, ties)
        for sent in sents:
            self._ended_by_nationality(doc, sent, index, ties)
        # a place is never a partner of a place that holds it ("Stavanger, Norway – partner city" is no
        # tie of Stavanger and Norway)
        doc._.ties = [t for t in ties if not _within(t.parties)]
        return doc

    def _country_rows(self, doc: Doc, sents: list[Span], index: dict[int, EntityCluster],
                      places: dict[str, EntityCluster], ties: list[TieMention]) -> None:
        """Lines that each give a country, a dash and a town of that country, perhaps with a year
        ("Ukraine – Lviv (1992)"), two or more in a row, list the partners of the town the page is
        about even where no heading or sentence announces them (a story closing with its town's
        partners). Rows whose towns a roster or sentence pairs with another party are left to that reading."""
        rows: list[tuple[EntityCluster, str | None, Span]] = []
        owner = _story_town(doc, sents, index, places)
        # towns another reading pairs with some other party: the rows are theirs ("Partner cities of X")
        elsewhere = {id(p) for t in ties if owner is None or not any(q is owner for q in t.parties) for p in t.parties}
        # towns and countries one a line are as often a company's offices: twinning or partnership must be
        # said somewhere in the article, or a row must carry its year
        cued = any(t.lower_ in self.country_row_cues or t.lemma_.lower() in self.country_row_cues for t in doc_tokens(doc))
        i = 0
        while i <= len(doc):
            row = self._country_row(doc, i, index) if i < len(doc) else None
            if row is not None:
                rows.append(row)
            elif i < len(doc) and doc[i : _line_end(doc, i) or i + 1].text.strip() == "":
                pass  # a blank line inside the list
            else:
                if (len(rows) >= self.min_rows and not any(id(town) in elsewhere for town, _, _ in rows)
                        and (cued or any(year for _, year, _ in rows))):
                    # a page whose headline names no one town: the town the story names most before the rows
                    holder = owner or _most_named(rows[0][2].start, index)
                    if holder is not None and all(town is not holder for town, _, _ in rows):
                        party = _town_of(holder, places, "sister_city")
                        for town, year, line in rows:
                            if not any(q is party for t in ties if any(p is town for p in t.parties) for q in t.parties):
                                _merge(ties, "sister_city", [party, town], year, line)  # a pair read already stands
                rows = []
            i = max(_line_end(doc, i), i + 1) if i < len(doc) else i + 1

    def _cue_ended(self, doc: Doc, start: int, end: int) -> Token | None:
        """The verb of ending the cue hangs on ("suspended its twinnings with", "voted to freeze the
        partnership agreements with": the decision), said as done, not negated, not of flights or trade
        only, and not still to come; None when there is none."""
        verb: Token | None = doc[end - 1]
        for _ in range(4):
            if verb is None or verb.pos_ == "VERB":
                break
            verb = verb.head if verb.head.i != verb.i else None
        if verb is None or verb.i > start or verb.lemma_.lower() not in self.ending_lemmas:
            return None
        if any(c.dep_ == "dobj" and c.lemma_.lower() in self.ending_objects for c in verb.children):
            return None
        if verb.dep_ == "pcomp" and self._ending_refused(verb.head):
            return None  # "voted against suspending", "without ending": no ending
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.ending_governors:
            if any(c.dep_ == "neg" for c in verb.children):
                return None  # "decided not to suspend"
            verb = verb.head  # "voted to suspend", "decided to end": the decision is the ending
        if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in self.future_auxiliaries for c in verb.children):
            return None
        return verb

    def _ending_refused(self, prep: Token) -> bool:
        """Whether the preposition an ending hangs on says it was refused ("against suspending",
        "instead of ending")."""
        before = prep.doc[prep.i - 1].lower_ + " " if prep.i > 0 else ""
        return prep.lower_ in self.ending_refusals or before + prep.lower_ in self.ending_refusals

    def _ending_verb(self, sent: Span) -> Token | None:
        """The verb of ending ("suspended", "froze") the sentence says, not negated, nor of a destination
        ("suspended flights to ...") only."""
        return next((t for t in span_tokens(sent) if t.pos_ == "VERB" and t.lemma_.lower() in self.ending_lemmas
                     and not any(c.dep_ == "neg" for c in t.children)
                     and not any(c.dep_ == "dobj" and c.lemma_.lower() in self.ending_objects for c in t.children)), None)

    def _ended_by_nationality(self, doc: Doc, sent: Span, index: dict[int, EntityCluster], ties: list[TieMention]) -> None:
        """"In 2022 the city suspended its ties with its Russian twin towns": an ending said of the owner's
        partners of one nationality, named elsewhere in the article, ends each of those ties, dated by the
        sentence (or the article), when they are all one town's (the one the subject names, if it names one)."""
        verbs = [t for t in span_tokens(sent) if t.lemma_.lower() in self.ending_lemmas and t.pos_ in ("VERB", "NOUN", "ADJ")]
        if not verbs:
            return
        codes = set()
        for tok in span_tokens(sent):
            qualifier = tok
            while qualifier.dep_ == "conj" and qualifier.head.i != qualifier.i:
                qualifier = qualifier.head  # "its Russian and Belarusian twin towns"
            code = demonyms().get(fold(tok.text)) if qualifier.dep_ in ("amod", "compound") else None
            noun = qualifier.head
            if code is None or noun.tag_ not in ("NNS", "NN") or index.get(noun.i) is not None:
                continue
            words = {t.lemma_.lower() for t in noun.children if t.dep_ in ("amod", "compound")} | {noun.lemma_.lower()}
            if not words & self.coordinated_modifiers:
                continue  # "Russian gas", "Russian cities": no partners named as such
            # the partners must be what the ending governs: "suspended ties with its Russian twin towns"
            if any(noun.i in {t.i for t in without_destinations(verb)}
                   or verb.i in {t.i for t in noun.subtree} for verb in verbs):
                codes.add(code)
        if not codes:
            return
        def of_nationality(p: EntityCluster) -> bool:
            return p.place is not None and p.place.country in codes and p.place.kind != "country"

        # the ties between a partner of that nationality and a place of another: one owner's, or none
        ending = [t for t in ties if t.kind == "sister_city" and len(t.parties) == 2
                  and sum(of_nationality(p) for p in t.parties) == 1]
        owners = {id(p): p for t in ending for p in t.parties if not of_nationality(p)}
        subjects = [t for t in span_tokens(sent) if t.dep_ in ("nsubj", "nsubjpass")]
        named = {id(c) for s in subjects for t in s.subtree if (c := index.get(t.i)) is not None and c.type == "place"}
        if len(owners) != 1 or named and not named & set(owners):
            return  # several towns' partners, or the subject names another town: whose ties is unclear
        date = _sentence_value(doc, sent) or doc._.published
        for tie in ending:
            if tie.status != "ended":
                tie.status, tie.date, tie.explicit_date = "ended", date, True
                tie.sentences.append(sent)

    def _country_row(self, doc: Doc, start: int, index: dict[int, EntityCluster]
                     ) -> tuple[EntityCluster, str | None, Span] | None:
        """The town and year of a line that names only a town and its own country, perhaps its region
        and a year ("Ukraine – Lviv (1992)", "Lviv, Ukraine (1992)", "Lviv (Lviv Oblast, Ukraine), since
        1992"), or None."""
        end = _line_end(doc, start)
        words = [t for t in doc[start:end] if not t.is_space]
        if not words or len(words) > self.max_item_tokens:
            return None
        clusters = _distinct([c for t in words if (c := index.get(t.i)) is not None])
        towns = [c for c in clusters if c.place is not None and c.place.kind not in ("country", "area", "region")]
        if len(towns) != 1 or towns[0].place is None:
            return None
        town = towns[0]
        code = town.place.country if town.place is not None else None
        codes: set[str | None] = {c.place.country for c in clusters if c.place is not None and c.place.kind == "country"}
        # words no entity covers: the country where the article's entities lack it ("USA"), or "since"
        loose: list[list[Token]] = []
        for t in words:
            if t.is_alpha and index.get(t.i) is None:
                if loose and loose[-1][-1].i == t.i - 1:
                    loose[-1].append(t)
                else:
                    loose.append([t])
        for run in loose:
            if all(t.lower_ in self.since for t in run):
                continue
            found = {p.country for p in default_gazetteer().candidates(doc[run[0].i : run[-1].i + 1].text) if p.kind == "country"}
            if not found:
                return None  # "Berlin, where the forum met": prose, not a row
            codes |= found
        others = [c for c in clusters if c is not town and (c.place is None or c.place.kind != "country")]
        if code not in codes or any(c.place is None or c.place.country != code for c in others):
            return None
        return town, _line_year(doc, start), doc[start:end]

    def _cues(self, sent: Span) -> list[tuple[str, int, int, bool]]:
        """(kind, first token, token after the cue, whether it names towns' partners only) of each cue
        in the sentence, hyphens ignored."""
        words = [(t.i, t.lower_) for t in span_tokens(sent) if t.text not in ("-", "‐")]
        headed = _heading(sent)
        found = []
        for k in range(len(words)):
            if words[k][1] not in self._cue_first_words:
                continue  # most words open no cue: skip building their candidate tuples
            for size in range(self.longest_cue, 0, -1):
                key = tuple(w for _, w in words[k : k + size])
                end = words[k + size - 1][0] + 1 if len(key) == size else 0
                if len(key) == size and (key in self.cues or key in self.heading_cues and (
                        headed or _heading(sent, words[k][0], end) or _label(sent.doc, sent, words[k][0], end, self.label_openers))):
                    cues = self.cues if key in self.cues else self.heading_cues
                    doc = sent.doc
                    if end < sent.end and doc[end].tag_ == "NNS" and doc[end].lower_ in self.relation_plurals:
                        end += 1  # "sister city protocols with", "twin town links": the cue names the relations
                        if end < sent.end and doc[end].lower_ == "with":
                            end += 1
                    first = words[k][0]
                    if k >= 2 and words[k - 1][1] in self.coordinators and words[k - 2][1] in self.coordinated_modifiers:
                        first = words[k - 2][0]  # "twin and friend cities", "sister or partner towns": one cue
                    found.append((cues[key], first, end, False))
                    break
                if size == 1 and key[0] in self.appositive_cues and k + 1 < len(words) and words[k + 1][1] == "of" \
                        and words[k][0] > sent.start and sent.doc[words[k][0] - 1].lower_ in self.appositive_words:
                    # "A, a partner of X": the noun alone names one partner in an appositive before "of"
                    found.append((self.appositive_cues[key[0]], words[k][0], words[k][0] + 1, False))
                    break
                last = words[k + size - 1][0] if len(key) == size else 0
                if len(key) == size and key in self.possessive_cues and words[k][0] > sent.start and (
                        sent.doc[words[k][0] - 1].lower_ in self.possessives
                        or key[-1].endswith("s") and last + 2 < sent.end and sent.doc[last + 1].lower_ == "of"
                        and sent.doc[last + 2].text[:1].isupper()):
                    # "The town's other partners are A and B", "Among the partners of Tartu are A and B":
                    # partners of a town, named as such
                    found.append((self.possessive_cues[key], words[k][0], words[k + size - 1][0] + 1, True))
                    break
        return found

    def _titled_partner(self, doc: Doc, sent: Span, start: int, index: dict[int, EntityCluster],
                        owner: EntityCluster | None) -> _Partner | None:
        """The partner a heading line names before its singular cue ("Stavanger, Norway – partner city
        since 1947", "Yaroslavl – former twin town (suspended 2022)"): the line opens with one town,
        perhaps with its country, and nothing else; the year and any ended word of the line date it."""
        lo = _line_start(doc, start)
        words = [t for t in doc[lo:start] if t.is_alpha]
        named = _distinct([c for t in words if (c := index.get(t.i)) is not None])
        towns = [c for c in named if not _is_area(c)]
        if len(towns) != 1 or towns[0] is owner or any(
                t.i not in index and t.lower_ not in self.cue_modifiers and t.lower_ not in self.former_words for t in words):
            return None
        hi = _line_end(doc, start)
        ended = any(t.lower_ in self.ended_words for t in doc[start:hi])
        return _Partner(towns[0], _line_year(doc, start), ended)

    def _copular_subject(self, doc: Doc, start: int, end: int, index: dict[int, EntityCluster],
                         owner: EntityCluster | None) -> list[_Partner]:
        """The town a copula says is the partner of a singular cue ("Terracina ... became Exeter's twin
        town in 1988", "Offenburg is Olsztyn's partner city"), dated by a year after the cue."""
        head = doc[end - 1]
        verb = head.head
        if head.dep_ not in ("attr", "oprd") or verb.lemma_.lower() not in self.copulas:
            return []
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        cluster = index.get(subject.i) if subject is not None else None
        if cluster is None or cluster is owner or cluster.type != "place" or _is_area(cluster):
            return []
        year = _YEAR.search(doc[end : head.sent.end].text)
        return [_Partner(cluster, year.group(1) if year else None)]

    def _sections(self, doc: Doc, start: int, index: dict[int, EntityCluster], owner: EntityCluster) -> list[_Partner]:
        """The partners of a page written a heading a partner: a short line naming one town (perhaps its
        country, year or a singular cue: "Rennes, France", "Esbjerg, Denmark – partner city since 1947"),
        then prose on it, then the next such heading, until a short line that names no partner. A
        suspension in a section's prose ends its partner's tie, dated by that sentence."""
        out: list[_Partner] = []
        lines = _lines(doc, start, self.max_lines)
        prose = 0  # prose lines since the last heading
        for number, (lo, hi) in enumerate(lines):
            tokens = [t for t in doc[lo:hi] if not t.is_space and not _in_footnote(t)]
            if not tokens:
                continue
            if self._prose(tokens):
                prose += 1
                if prose > self.max_section_lines:
                    break
                ended = next((t for t in tokens if t.lower_ in self.ended_words), None)
                if out and ended is not None:
                    out[-1].ended = True
                    out[-1].date = _sentence_value(doc, ended.sent) or out[-1].date
                continue
            partner = self._section_heading(doc, tokens, index, owner)
            following = next((t for lo2, hi2 in lines[number + 1 :] if (t := [u for u in doc[lo2:hi2] if not u.is_space])), None)
            if partner is None or following is None or not self._prose(following):
                break
            out.append(partner)
            prose = 0
        return out

    def _items_after_prose(self, doc: Doc, start: int, index: dict[int, EntityCluster],
                           owner: EntityCluster) -> list[_Partner]:
        """The partners listed one a line after at most max_section_lines lines of prose from `start`."""
        for lo, hi in _lines(doc, start, self.max_section_lines * 2):
            tokens = [t for t in doc[lo:hi] if not t.is_space]
            # a table's row may be longer than a heading, and its header may hold a verb ("Year of signing")
            row = any(t.text in self.item_separators for t in tokens)
            if tokens and len(tokens) <= self.max_item_tokens and (row or not self._prose(tokens)):
                return self._items(doc, lo, index, owner)
        return []

    def _relative_twins(self, doc: Doc, sent: Span, index: dict[int, EntityCluster]
                        ) -> list[tuple[str, EntityCluster, EntityCluster, str | None]]:
        """(kind, owner, partner, year) of each place a relative clause after it names as a partner:
        "A, with which X has been twinned since 1985, ..." (the clause's subject is the owner; "the
        city" or "it" is the town the story names most)."""
        out: list[tuple[str, EntityCluster, EntityCluster, str | None]] = []
        for tok in span_tokens(sent):
            if tok.lower_ != "with" or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ not in self.relative_pronouns \
                    or tok.i < sent.start + 2 or doc[tok.i - 1].text != ",":
                continue
            partner = index.get(tok.i - 2)
            if partner is None or partner.type != "place" or _is_area(partner):
                continue
            clause_end = next((k for k in range(tok.i + 2, sent.end) if doc[k].text in (",", ";", ".")), sent.end)
            words = [(t.i, t.lower_) for t in doc[tok.i + 2 : clause_end] if t.text not in ("-", "‐")]
            found = next(((k, size) for k in range(len(words)) for size in range(self.longest_cue, 0, -1)
                          if tuple(w for _, w in words[k : k + size]) in self.relative_cues), None)
            if found is None:
                continue
            k, size = found
            kind = self.relative_cues[tuple(w for _, w in words[k : k + size])]
            owner = next((c for i, _ in words[:k] if (c := index.get(i)) is not None and c is not partner
                          and not _is_area(c)), None)
            if owner is None and any(w in self.anaphors or w in self.pronouns for _, w in words[:k]):
                owner = _most_named(sent.start, index)
            if owner is None or owner is partner:
                continue
            year = _YEAR.search(doc[words[k][0] : clause_end].text)
            out.append((kind, owner, partner, year.group(1) if year else None))
        return out

    def _pronoun_before(self, doc: Doc, sent: Span, start: int) -> bool:
        """Whether a possessive pronoun owns the cue ("its friendship cities", "its Chinese partner")."""
        k = start - 1
        while k > sent.start and (doc[k].lower_ in self.cue_modifiers or fold(doc[k].text) in demonyms()):
            k -= 1
        return k >= sent.start and doc[k].lower_ in self.pronouns

    def _prose(self, tokens: list[Token]) -> bool:
        """Whether a line's tokens are prose: longer than a heading, or with a verb."""
        return len(tokens) > self.max_heading_tokens or any(t.pos_ in ("VERB", "AUX") for t in tokens)

    def _section_heading(self, doc: Doc, tokens: list[Token], index: dict[int, EntityCluster],
                         owner: EntityCluster) -> _Partner | None:
        """The partner a heading line names: one town (not the owner), perhaps with its country, a year
        and lower-case cue words; no other capitalised word."""
        named = _distinct([c for t in tokens if (c := index.get(t.i)) is not None])
        towns = [c for c in named if not _is_area(c)]
        if len(towns) != 1 or towns[0] is owner or towns[0].type != "place":
            return None
        if any(t.is_alpha and t.i not in index and t.text[:1].isupper() for t in tokens):
            return None  # "History", "Contact: Jyväskylä City Hall": no partner's heading
        text = doc[tokens[0].i : tokens[-1].i + 1].text
        year = _YEAR.search(text)
        ended = any(t.lower_ in self.ended_words for t in tokens)
        return _Partner(towns[0], year.group(1) if year else None, ended)

    def _field_year(self, doc: Doc, start: int) -> str | None:
        """The year of a record written one labelled field a line, from the line after its first: the
        first line whose label names a date ("Agreement signed: 1992", "Since: 1999"), before a blank
        line or the next record's cue."""
        for lo, hi in _lines(doc, start, self.max_item_tokens):
            words = [t for t in doc[lo:hi] if not t.is_space]
            if not words and "\n\n" in doc[lo:hi].text:
                return None  # a blank line ends the record
            if not words:
                continue
            if any(self._cue_at(doc, t.i, hi) for t in words):
                return None
            colon = next((t.i for t in words if t.text == ":"), None)
            if colon is not None and any(t.lower_ in self.date_fields for t in doc[lo:colon]):
                year = _YEAR.search(doc[colon:hi].text)
                if year:
                    return year.group(1)
        return None

    def _continued(self, doc: Doc, sent: Span, index: dict[int, EntityCluster], owner: EntityCluster,
                   kind: str) -> tuple[str, list[_Partner], bool] | None:
        """The partners a sentence after a roster adds to it, with their kind and whether signed:
        towns that "followed" or "joined" ("Wilmington followed in 1979, and Trondheim in 1982"),
        or the "with" objects of an agreement or a signing that names no other party ("In 2019,
        similar documents were signed with A and B, and in 2021 – with C"; "Also, memoranda of
        cooperation are in force with D and E"; "The last of them was signed in 2019 with F").
        Each year dates the partners it stands before when the sentence opens with one, else those
        it follows. Kind: the roster's when the sentence refers back to it ("such", "similar",
        "them"), cooperation for memoranda, else the roster's."""
        root = sent.root
        words = {t.lower_ for t in span_tokens(sent)}
        signing = [t for t in span_tokens(sent) if t.pos_ == "VERB" and t.lemma_.lower() in self.signed_lemmas]
        subject_places = _distinct([c for t in span_tokens(sent) if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == root.i
                                    for u in t.subtree if (c := index.get(u.i)) is not None and c.type == "place"
                                    and not _is_area(c) and c is not owner])
        if len(subject_places) >= 2 and words & self.list_back_references:
            # "Kabul, Baku, Lanzhou and Almaty are some of them", "... were the first": the towns
            # the sentence is about are the roster's
            partners = [_Partner(c) for c in subject_places]
            signed = False
        elif root.lemma_.lower() in self.continuation_verbs:
            found = [c for t in span_tokens(sent) if (c := index.get(t.i)) is not None and c.type == "place"]
            towns = [c for c in _distinct(found) if not _is_area(c) and c is not owner]
            # "Wilmington, Delaware, followed": the state holds a partner, it is none itself
            partners = [_Partner(c) for c in towns if not any(_holds(c, d) for d in towns if d is not c)]
            signed = False
        else:
            if not (signing or words & self.document_nouns):
                return None
            subjects = [t for t in span_tokens(sent) if t.dep_ in ("nsubj", "nsubjpass")]
            ending = self._ending_verb(sent) is not None
            if any(index.get(t.i) not in (None, owner) and not (ending and _with_object(t))
                   for s in subjects for t in s.subtree):
                # "Omsk signed a memorandum with Tyumen": another party's agreement ("The agreement with
                # Tver was terminated" names the roster's partner, no other party)
                return None
            partners = []
            for w in (t for t in span_tokens(sent) if t.lower_ == "with"):
                run, _ = self._list(doc, w.i + 1, sent.end, index, owner)
                partners += [p for p in run if not _is_area(p.cluster)]
            signed = any(not any(c.dep_ == "aux" and c.lower_ in self.future_auxiliaries for c in v.children)
                         for v in signing)
        partners = [p for p in {id(p.cluster): p for p in partners}.values()]
        if not partners:
            return None
        years = [(t.i, t.text) for t in span_tokens(sent) if _YEAR.fullmatch(t.text)]
        starts = {id(p.cluster): min(m.start for m in p.cluster.mentions if sent.start <= m.start < sent.end)
                  for p in partners}
        leading = bool(years) and years[0][0] - sent.start <= 2  # "In 2019, similar documents ..."
        for p in partners:
            at = starts[id(p.cluster)]
            if len(years) == 1:
                p.date = years[0][1]  # "The last of them was signed in 2019 with X"
            elif leading:
                p.date = next((y for i, y in reversed(years) if i < at), None)
            else:
                p.date = next((y for i, y in years if i > at), None)
        if words & self.back_references:
            return kind, partners, signed
        return ("cooperation" if words & self.cooperation_nouns else kind), partners, signed

    def _appositive_before(self, doc: Doc, sent: Span, start: int, index: dict[int, EntityCluster],
                           owner: EntityCluster | None) -> list[_Partner]:
        """The one partner an appositive cue in the singular describes: the name just before the comma
        that opens it ("A, a partner of X", "A, which has been the twin town of X")."""
        k = start - 1
        while k > sent.start and doc[k].lower_ in self.appositive_words:
            k -= 1
        cluster = index.get(k - 1) if doc[k].text == "," else None
        if cluster is None or cluster is owner or _is_area(cluster):
            return []
        return [_Partner(cluster)]

    def _class_list(self, doc: Doc, sent: Span, index: dict[int, EntityCluster],
                    owner: EntityCluster | None) -> list[_Partner]:
        """The towns a sentence lists as examples of a class of towns ("cities such as A and B",
        "towns like A, B", "cities: A, B") or as where people came from ("from A, B and C", three or
        more), the owner and countries left out."""
        # the towns' people, not tourists or trade: "Guests arrived from A, B and C", "Mayors representing
        # cities such as A and B" (not "firms sell pistachios to cities such as A and B")
        if not any(t.lemma_.lower() in self.guest_nouns for t in span_tokens(sent)):
            return []
        for tok in span_tokens(sent):
            nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
            origin = tok.lower_ in self.origin_words
            if not (origin or tok.lower_ in self.town_nouns and nxt is not None and nxt.lower_ in self.class_introducers):
                continue
            run, _ = self._list(doc, tok.i + 1, sent.end, index, owner)
            # guests "from" towns of the owner's own country are visitors, not partners
            home = owner.place.country if origin and owner is not None and owner.place is not None else None
            towns = _distinct([p.cluster for p in run if p.cluster.type == "place" and not _is_area(p.cluster)
                               and p.cluster is not owner and not (home and p.cluster.place is not None
                                                                   and p.cluster.place.country == home)])
            if len(towns) >= (3 if origin else 2):
                return [_Partner(c) for c in towns]
        return []

    def _owner(self, doc: Doc, sent: Span, start: int, end: int,
               index: dict[int, EntityCluster]) -> EntityCluster | None:
        """The possessive before the cue ("X's"), the "of X" after it, or the subject of its verb.
        A nationality or an order word may stand between the possessive and the cue ("its Chinese
        partner Xi'an", "Its first twin town was Vichy")."""
        before = start - 1
        while before > sent.start and before not in index and (
                doc[before].lower_ in self.cue_modifiers or doc[before].text[:1].isupper() and fold(doc[before].text) in demonyms()):
            before -= 1
        if before > sent.start and doc[before].lower_ in self.possessives:
            if before - 2 >= sent.start and doc[before - 1].lower_ in self.anaphors and doc[before - 2].lower_ == "the":
                return self._antecedent(doc, sent, index, at=before - 1)  # "the city's twin towns"
            return index.get(before - 1)
        if before >= sent.start and doc[before].lower_ in self.pronouns:
            towns = any(t.lower_ in self.town_nouns or t.lower_ in self.town_singulars for t in doc[start:end])
            return self._antecedent(doc, sent, index, towns, at=before)  # "Its twin towns"
        if before >= sent.start and before in index and doc[before].dep_ in ("compound", "nmod", "amod") \
                and not _is_area(index[before]):
            return index[before]  # "Bursa twin towns": the town that qualifies the cue
        if end < sent.end and doc[end].lower_ == "of":
            if end + 2 < sent.end and doc[end + 1].lower_ == "the" and doc[end + 2].lower_ in self.anaphors:
                return self._antecedent(doc, sent, index)  # "the twin cities of the capital city are"
            if end + 2 < sent.end and doc[end + 1].lower_ == "the" and end + 2 in index:
                return index[end + 2]  # "the partner regions of the Aktobe region are"
            return index.get(end + 1)
        verb: Token | None = doc[end - 1]
        for _ in range(4):
            if verb is None or verb.pos_ in ("VERB", "AUX"):
                break
            verb = verb.head if verb.head.i != verb.i else None
        if verb is None:
            return None
        if verb.dep_ == "relcl":
            # "X, which is twinned with A and B, ...", "The city of X, which has twin towns in A and B"
            head = verb.head
            return index.get(head.i) or next((index[t.i] for t in head.subtree
                                              if t.i < verb.left_edge.i and t.i in index), None)
        # "Among the twin cities are Kabul, Baku and ...": a subject after the cue is its first partner
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < start]
        if any(c.lower_ in self.pronouns or c.lower_ in self.anaphors and c.i > sent.start
               and doc[c.i - 1].lower_ == "the" for c in subjects):
            return self._antecedent(doc, sent, index)  # "It is twinned with", "The city has twin towns in"
        if not subjects:  # "Tartu maintains partnerships": a name the parser did not take for the subject
            subjects = [c for c in verb.lefts if c.dep_ in ("advmod", "npadvmod", "compound", "dep")]
            if verb.i - 1 >= sent.start and verb.i - 1 in index and not _is_area(index[verb.i - 1]):
                subjects.append(doc[verb.i - 1])  # "At present Urumqi has ...": read as the object of "at"
        return next((index[c.i] for c in subjects if c.i in index), None)

    def _list_before(self, doc: Doc, start: int, stop: int, index: dict[int, EntityCluster],
                     owner: EntityCluster) -> list[_Partner]:
        """The partners listed before an appositive cue ("met the mayors of A, B and C, X's twin
        cities"): the entities joined by commas and "and" that end at the comma before "X's"."""
        i = start - 1
        while i > stop and (doc[i].lower_ in self.possessives or index.get(i) is owner or doc[i].lower_ in self.cue_modifiers
                            or doc[i].lower_ in self.anaphors or doc[i].lower_ == "the"):
            i -= 1  # "A, the city's other sister city"
        if doc[i].text != ",":
            return []
        out: list[_Partner] = []
        i -= 1
        while i >= stop:
            cluster = index.get(i)
            if cluster is None:
                break
            while i >= stop and index.get(i) is cluster:
                i -= 1
            if not _is_area(cluster) and cluster is not owner:
                out.insert(0, _Partner(cluster))
            if i < stop or doc[i].lower_ not in (",", "and"):
                break
            i -= 1
            if doc[i].text == "," and doc[i + 1].lower_ == "and":
                i -= 1  # the serial comma in "A, B, and C"
        return out

    def _signed(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the roster's verb reports the ties as signed or established ("has signed sister
        city protocols with A, B and C", "established twinning links with"), not as planned."""
        verb: Token | None = doc[end - 1]
        for _ in range(4):
            if verb is None or verb.pos_ == "VERB":
                break
            verb = verb.head if verb.head.i != verb.i else None
        if verb is None or verb.lemma_.lower() not in self.signed_lemmas or verb.i > start:
            return False
        if verb.lemma_.lower() in self.founding_lemmas and verb.tag_ != "VBD":
            return False  # "has established relations with A and B": relations that exist, not a founding
        return not any(c.dep_ == "aux" and c.lower_ in self.future_auxiliaries for c in verb.children)

    def _antecedent(self, doc: Doc, sent: Span, index: dict[int, EntityCluster], towns: bool = False,
                    at: int | None = None) -> EntityCluster | None:
        """What "it" or "the city" refers to: a possessive ("its", "the city's", at `at`) in the
        predicate of a clause whose subject names a place is that place's ("Lahti will keep its ties
        with its other twin towns"); else the place (not a country) in the subject of the sentence
        before ("Karaganda signed a protocol with Ufa. The city also has twin towns ..."), else the
        place named last before the sentence, unless it was named there as a partner ("The partnership
        with A was suspended. The city also has partnerships with B": the town the story names most);
        with `towns` (the cue names twin towns or cities) not a region ("pen friends in Fife. ... Its
        first twin town was Vichy": a town's, not Fife's)."""
        own = _clause_subject_place(doc[at], index) if at is not None else None
        if own is not None:
            return own
        if sent.start > 0:
            previous = doc[sent.start - 1].sent
            for subject in (t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"):
                named = [(c, t) for t in subject.subtree if (c := index.get(t.i)) is not None and c.type == "place"
                         and not (c.place is not None and c.place.kind == "country")]
                if named:
                    return self._not_the_partner(*named[0], sent, index)
        for i in range(sent.start - 1, -1, -1):
            cluster = index.get(i)
            if cluster is not None and cluster.type == "place":
                if cluster.place is not None and (cluster.place.kind == "country" or towns and cluster.place.kind == "region"):
                    continue
                if _listed(doc, i, index):
                    # "... attended by delegations from A, B and C. The city will continue its twinnings":
                    # a town named in passing in a list is not what "the city" goes back to, the town
                    # the story has named most is
                    return _most_named(sent.start, index) or cluster
                return self._not_the_partner(cluster, doc[i], sent, index)
        # "Bursa's mayor said the city had twin towns ...": the subject of the sentence's main verb
        subject = next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            # "X Municipality hosted the mayors of its twin towns": a body stands for its town
            holder = next((c for t in subject.subtree if (c := index.get(t.i)) is not None
                           and not (c.place is not None and c.place.kind == "country")), None)
            if holder is not None:
                return holder
        # "BLOOMINGTON — The market opened. ... the city's other sister city": the town of the dateline
        return next((c for c in doc._.entities or [] if c.type == "place" and any(m.dateline for m in c.mentions)
                     and not _is_area(c)), None)

    def _predicate_of_pair(self, doc: Doc, sent: Span, start: int, end: int, index: dict[int, EntityCluster],
                           headline: bool) -> bool:
        """Whether the cue at `start`..`end` is said of two towns or bodies joined as a pair, its subject
        ("Kiel and Klaipeda become twin cities", "Tartu, Lahti now partner towns"): it says what the pair
        named has become, no class of partners that guests listed later come from. Not when the cue has an
        owner of its own ("Kiel and Lund officials welcomed the mayors of Tartu's twin towns"), nor when
        more than a copula stands between the pair and the cue, outside a headline. Read on the words, as
        headlines parse poorly."""
        if doc[start - 1].lower_ in self.possessives or end < sent.end and doc[end].lower_ == "of":
            return False
        order: list[int] = []
        gap: list[str] = []
        paired = False
        for k in range(sent.start, start):
            cluster = index.get(k)
            if cluster is not None and not _is_area(cluster):
                if not order or order[-1] != id(cluster):
                    paired = len(order) == 1 and " ".join(gap) in self.pair_joiners
                    order, gap = [id(cluster)], []
            elif order:
                gap.append(doc[k].lower_)
        return paired and (headline or " ".join(gap) in self.pair_predicates)

    def _not_the_partner(self, cluster: EntityCluster, tok: Token, sent: Span,
                         index: dict[int, EntityCluster]) -> EntityCluster:
        """The place named at `tok`, unless it is named as the partner of a tie ("The partnership with
        A was suspended. The city also has partnerships with B"): then the town the story names most
        besides it."""
        if not self._partner_slot(tok):
            return cluster
        others = {k: c for k, c in index.items() if c is not cluster}
        return _most_named(sent.start, others) or cluster

    def _partner_slot(self, tok: Token) -> bool:
        """Whether a name stands as the partner of a tie noun: the object of "with" after
        "partnership", "twinning", "ties" ... ("The partnership with Vladimir was suspended")."""
        head = tok
        while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
            head = head.head
        prep = head.head if head.dep_ == "pobj" else None
        return prep is not None and prep.lower_ == "with" and prep.head.pos_ == "NOUN" \
            and prep.head.lemma_.lower() in self.partner_slot_nouns

    def _list(self, doc: Doc, i: int, stop: int, index: dict[int, EntityCluster],
              owner: EntityCluster | None) -> tuple[list[_Partner], bool]:
        """The partners listed from token i: entities joined by commas and "and", each with the year
        in brackets or after "since" that follows it. Also whether the cue's clause ends in a colon
        (the list follows on the next lines)."""
        run: list[_Partner] = []
        if i < stop and doc[i].lower_ == "of" and owner is not None and index.get(i + 1) is owner:
            i += 1
            while i < stop and index.get(i) is owner:
                i += 1
        while i < stop:
            cluster = index.get(i)
            tok = doc[i]
            if cluster is not None:
                j = i
                while j < stop and index.get(j) is cluster:
                    j += 1
                if _is_country(cluster) and j + 1 < stop and doc[j].lower_ in self.possessives and j + 1 in index:
                    i = j + 1  # "Afghanistan's Kabul": the country says where the partner is
                    continue
                if cluster is not owner and not (run and _contains(cluster, run[-1].cluster)):
                    run.append(_Partner(cluster))  # "Tours, France, and Lviv": France holds Tours
                i = j
                continue
            note = _footnote_end(doc, i, stop)
            if note is not None:
                i = note  # "Ashdod, Israel[8]": an encyclopedia's footnote marker
                continue
            numbered = _after_number(doc, i, stop)
            if numbered is not None and (not run or doc[i - 1].lower_ in self.separators or doc[i - 1].text == ":"):
                i = numbered  # "with 7 cities: 1) A (Russia); 2) B": the numbers of the items
                continue
            if run and tok.lower_ in ("of", "in") and not _YEAR.fullmatch(doc[i + 1].text if i + 1 < stop else ""):
                k = i + 1 + (i + 1 < stop and doc[i + 1].lower_ == "the")
                country = index.get(k)
                if country is not None and _holds(country, run[-1].cluster):
                    while k < stop and index.get(k) is country:
                        k += 1
                    i = k  # "Kabul of Afghanistan, Baku in Azerbaijan": the partner's country
                    continue
            if run and tok.lower_ in self.item_prefixes and any(k in index for k in range(i + 1, min(i + 4, stop))):
                i += 1  # "Kabul, the city of Baku and ...": the words before a partner's name
                continue
            if tok.text == "(":
                close = next((k for k in range(i + 1, stop) if doc[k].text == ")"), None)
                if close is None:
                    break
                inner = _distinct([c for k in range(i + 1, close) if (c := index.get(k)) is not None
                                   and not _is_area(c) and c is not owner])
                if run and _is_area(run[-1].cluster) and inner:
                    # "sister cities in Afghanistan (Kabul), Azerbaijan (Baku)": the towns in brackets
                    run[-1:] = [_Partner(c) for c in inner]
                year = _YEAR.search(doc[i + 1 : close].text)
                if year and run and run[-1].date is None:
                    run[-1].date = year.group(1)  # "A (1992)", "A (Georgia, 2010)"; "A (Germany)" names its container
                i = close + 1
                continue
            dated_in = tok.lower_ == "in" and i + 1 < stop and bool(_YEAR.fullmatch(doc[i + 1].text))
            if (tok.lower_ in self.since or dated_in) and run:
                year = _YEAR.search(doc[i : min(i + 4, stop)].text)
                if year:  # "with A since 1998 and with B since 2005": each year dates the partners before it
                    for partner in run:
                        partner.date = partner.date or year.group(1)
                    i += 1
                    while i < stop and (doc[i].like_num or doc[i].ent_type_ == "DATE"):
                        i += 1
                    continue
                break
            lowered = tok.lower_
            if fold(tok.text) in demonyms() and i + 1 < stop and i + 1 in index and tok.text[:1].isupper():
                i += 1  # "Afghan Kabul, Azerbaijani Baku": the nationality says where the partner is
                continue
            if not run:
                if lowered == ":" and all(t.is_space or t.is_punct or _footnote_end(doc, t.i - 1, stop)
                                          for t in doc[i + 1 : stop]):
                    return [], True
                if lowered == "." and any(t.lower_ in self.list_announcers for t in doc[max(i - 3, 0) : i]) \
                        and all(t.is_space for t in doc[i + 1 : stop]):
                    return [], True  # "signed twinning agreements with the following cities." over the list
                if lowered in self.lead or lowered in self.bullets or tok.is_space or tok.like_num or _is_flag(tok) \
                        or tok.text[:1].isupper() and fold(tok.text) in demonyms():  # "with the Spanish town of X"
                    i += 1
                    continue
                # "with 17 cities, mainly in the Turkic world, such as A and B": a description of the
                # counted partners before the names that exemplify them
                # "friendship towns outside the Nordic countries, A in Korea and B in Poland": or before
                # the comma that opens the names
                example = next((k for k in range(i + 1, min(i + _DESCRIPTION_TOKENS, stop))
                                if doc[k].lower_ in self.introducers or doc[k].pos_ in ("VERB", "AUX")
                                or doc[k].text == "," and k + 1 in index), None)
                if example is not None and doc[example].pos_ not in ("VERB", "AUX"):
                    i = example
                    continue
                break
            if lowered in self.introducers:
                run = []  # "twin towns in Germany, such as A and B": Germany says where they are
                i += 1
                continue
            if lowered in self.separators or lowered in self.bullets or lowered == ":" or tok.is_space or _is_flag(tok):
                i += 1
                continue
            unknown = _unknown_item(doc, i, stop, index, self.separators)
            if unknown is not None:
                i = unknown  # "Kabul, Xanadu, Baku": a name the article's entities lack does not end the list
                continue
            break
        return run, False

    def _items(self, doc: Doc, start: int, index: dict[int, EntityCluster],
               owner: EntityCluster) -> list[_Partner]:
        """"X's sister cities are:" or a heading, then one partner a line from token `start`
        (bulleted, numbered or not; "A, Country (1992)", "Country – A", "1991 – A, Country", a
        table row "A | Country | 1992", or one field a line: town, country, year) until a line
        that is none. A line of several partners joined by "·" or ";" gives each. A line naming
        only a country heads the towns of that country below it; a year alone on its line dates
        the partner above it; a table's header row and an item the article's entities lack
        ("Country – Unknownville", a town line the gazetteer does not know) are passed over."""
        out: list[_Partner] = []
        pending: _Partner | None = None  # the partner of a line above, its year still to come
        lines = list(_lines(doc, start, self.max_lines))
        for number, (lo, hi) in enumerate(lines):
            tokens = [t for t in doc[lo:hi] if not t.is_space and t.text not in self.bullets and not _is_flag(t)
                      and not _in_footnote(t)]
            while tokens and _YEAR.fullmatch(tokens[0].text) is None and (
                    tokens[0].like_num or tokens[0].text in (")", ".")):
                tokens = tokens[1:]  # "1.", "2)": the number of an item
            if not tokens:
                continue
            if any(self._cue_at(doc, t.i, hi) for t in tokens):
                break  # the heading of the next section
            header = [t for t in tokens if t.lower_ in self.table_headers]
            named = _distinct([c for t in tokens if (c := index.get(t.i)) is not None and t not in header])
            towns = [c for c in named if not _is_area(c) and c is not owner]
            if len(towns) >= 2 and any(t.text in self.item_separators for t in doc[lo:hi]):
                run, _ = self._list(doc, tokens[0].i, hi, index, owner)  # "🇫🇷 Tours · 🇩🇪 Chemnitz · ..."
                out += run
                pending = None
                continue
            if len(tokens) > self.max_item_tokens or tokens[-1].text == "." and any(t.pos_ in ("VERB", "AUX") for t in tokens):
                break  # a sentence of prose ("Pupils spend a week in Dieburg.")
            if any(t.is_alpha for t in tokens) and all(t in header or not t.is_alpha for t in tokens):
                continue  # "City | Country | Since", or a header a line ("Country", "Since")
            year = _YEAR.search(doc[lo:hi].text)
            stop = next((t.i for t in tokens if t.lower_ in self.ended_words), None)
            ended = stop is not None
            if stop is not None and _YEAR.search(doc[stop:hi].text):
                year = _YEAR.search(doc[stop:hi].text)  # "1999 (suspended 2022)": the tie ended in 2022
            partner = towns[0] if towns else None
            if partner is not None and any(t.i < partner.mentions[0].start and t.is_alpha and t.text[:1].isupper()
                                           and t.i not in index and t not in header for t in tokens
                                           if not any(m.start <= t.i < m.end for m in partner.mentions)):
                partner = None  # "Kaštela, Split-Dalmatia County, Croatia": the town is unknown, not its region
                named = []
            if partner is None:
                if year and not named and pending is not None:
                    pending.date = year.group(1)  # town, country and year one a line (or column) each
                    pending.ended = pending.ended or ended
                    pending = None
                    continue
                if named or year:
                    continue  # "Germany", "Novovolynsk (1999)"
                if all(t.text[:1].isupper() or not t.is_alpha for t in tokens) and len(tokens) <= 3 \
                        and self._field_follows(doc, lines[number + 1 :], index):
                    pending = None  # a town the gazetteer lacks, its country or year on the next line
                    continue
                break
            item = _Partner(partner, year.group(1) if year else None, ended)
            out.append(item)
            pending = None if year else item
        return out

    def _field_follows(self, doc: Doc, lines: list[tuple[int, int]], index: dict[int, EntityCluster]) -> bool:
        """Whether the next line with words holds only a country or only a year (the next field of
        an item written one field a line)."""
        for lo, hi in lines:
            words = [t for t in doc[lo:hi] if not t.is_space and not t.is_punct]
            if not words:
                continue
            named = [index.get(t.i) for t in words]
            return all(c is not None and _is_area(c) for c in named) or (
                len(words) == 1 and _YEAR.fullmatch(words[0].text) is not None)
        return False

    def _item_line(self, sent: Span) -> bool:
        """Whether the sentence is a line of a list or table: short, alone on its line, with no verb."""
        words = [t for t in span_tokens(sent) if not t.is_space]
        return _ends_line(sent) and 0 < len(words) <= self.max_item_tokens and not any(
            t.pos_ in ("VERB", "AUX") for t in words) and (len(words) > 1 or words[0].text[:1].isupper())

    def _cue_at(self, doc: Doc, i: int, stop: int) -> bool:
        """Whether a cue of a roster (or of a roster's heading) opens at token i."""
        words = tuple(t.lower_ for t in doc[i : min(i + self.longest_cue, stop)] if t.text not in ("-", "‐"))
        return any(words[:size] in self.cues or words[:size] in self.heading_cues
                   for size in range(1, len(words) + 1))


def _clause_subject_place(tok: Token, index: dict[int, EntityCluster]) -> EntityCluster | None:
    """The town (no country or area) the subject of the clause around `tok` names, when `tok` is not
    itself inside that subject: "Lahti will keep its ties with its twin towns" → Lahti."""
    verb = tok
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        inside = {t.i for t in subject.subtree}
        if tok.i in inside:
            return None
        named = [c for i in sorted(inside) if (c := index.get(i)) is not None and c.type == "place" and not _is_area(c)]
        if named:
            return named[0]
    return None


def _within(parties: list[EntityCluster]) -> bool:
    """Whether one of two places holds the other (a town and its own country)."""
    return len(parties) == 2 and all(p.type == "place" for p in parties) and (
        _contains(parties[0], parties[1]) or _contains(parties[1], parties[0]))


def _line_start(doc: Doc, i: int) -> int:
    """The first token of the line that token i is on."""
    while i > 0 and not doc[i - 1].is_space and "\n" not in doc[i - 1].whitespace_:
        i -= 1
    return i


def _footnote_end(doc: Doc, i: int, stop: int) -> int | None:
    """The token after an encyclopedia's footnote marker at i ("[12]"), None when there is none."""
    if i + 2 < stop and doc[i].text == "[" and doc[i + 1].text.isdigit() and doc[i + 2].text == "]":
        return i + 3
    return None


def _in_footnote(tok: Token) -> bool:
    """Whether the token is part of a footnote marker ("[", "12", "]")."""
    doc, i = tok.doc, tok.i
    return any(_footnote_end(doc, k, len(doc)) is not None for k in (i, i - 1, i - 2) if k >= 0)


def _sentence_value(doc: Doc, sent: Span) -> str | None:
    """The first date written in the sentence, at the precision given ("in March 2022" → 2022-03)."""
    found = [d for d in dates_between(doc._.dates or [], sent.start_char, sent.end_char) if d.value]
    if found:
        return str(found[0].value)
    year = _YEAR.search(sent.text)
    return year.group(1) if year else None


def _with_object(tok: Token) -> bool:
    """Whether a name is the object of "with" after a noun ("the agreement with Tver"): the other side
    of a tie, not a party that holds it."""
    head = tok
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.head.pos_ == "NOUN"


def _clause_value(doc: Doc, sent: Span, verb: Token) -> str | None:
    """The first date told of `verb`'s own clause ("In 2014 Riga froze its twinnings"), not of a
    clause that describes one of its nouns (", established in 1997", ", which date from 1997")."""
    def told_of_verb(tok: Token) -> bool:
        while tok.i != verb.i:
            if tok.dep_ in ("acl", "relcl", "appos") or tok.head.i == tok.i:
                return False
            tok = tok.head
        return True

    for found in dates_between(doc._.dates or [], sent.start_char, sent.end_char):
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if found.value and span is not None and told_of_verb(span.root):
            return str(found.value)
    return next((t.text for t in span_tokens(sent) if _YEAR.fullmatch(t.text) and told_of_verb(t)), None)


def _listed(doc: Doc, i: int, index: dict[int, EntityCluster]) -> bool:
    """Whether the place whose last token is at i is one item of a list of places ("A, B and C")."""
    cluster = index[i]
    start = i
    while start > 0 and index.get(start - 1) is cluster:
        start -= 1
    before = index.get(start - 2) if start >= 2 and doc[start - 1].lower_ in (",", "and") else None
    after = index.get(i + 2) if i + 2 < len(doc) and doc[i + 1].lower_ in (",", "and") else None
    return any(c is not None and c is not cluster and c.type == "place" for c in (before, after))


def _most_named(stop: int, index: dict[int, EntityCluster]) -> EntityCluster | None:
    """The town or region (not a country) named before token `stop` that the article names most:
    the town the story is about; the later named of equals."""
    best: tuple[int, int, EntityCluster] | None = None
    for cluster in {id(c): c for c in index.values() if c.type == "place"}.values():
        if cluster.place is not None and cluster.place.kind == "country":
            continue
        before = [m.start for m in cluster.mentions if m.start < stop]
        if before and (best is None or (len(cluster.mentions), max(before)) > best[:2]):
            best = (len(cluster.mentions), max(before), cluster)
    return best[2] if best is not None else None


_ITEM_NUMBER = re.compile(r"\d{1,2}[.)]?")


def _after_number(doc: Doc, i: int, stop: int) -> int | None:
    """The token after an item's number at i ("1)", "2.", "(3)"), None when there is none."""
    k = i + (doc[i].text == "(")
    if k >= stop or not _ITEM_NUMBER.fullmatch(doc[k].text):
        return None
    if doc[k].text[-1] in ".)":
        return k + 1
    return k + 2 if k + 1 < stop and doc[k + 1].text in (")", ".") else None


def _named_among(owner: EntityCluster, doc: Doc, start: int, stop: int, openers: frozenset[str]) -> bool:
    """Whether the owner is itself an item of the list of partners read from token `start` (named
    after a comma, a dash, a colon or "and"; "the twin cities of X are" names it as the owner)."""
    return any(start <= m.start < stop and doc[m.start - 1].lower_ in openers for m in owner.mentions)


def _beside(doc: Doc, start: int, end: int, partner: EntityCluster, index: dict[int, EntityCluster],
            between: frozenset[str], appositive: frozenset[str]) -> bool:
    """Whether the partner is named right beside the cue: after it ("twin town Tartu", "twinned with
    Kalmar", "sister city in Japan, Fukuchiyama") or just before it ("Tartu, Kalmar's twin town")."""
    for m in partner.mentions:
        if start - 5 <= m.start < start:
            return True
        if start - 12 <= m.start < start and all(
                doc[k].text in (",", "'s", "’s", "the") or k in index and _is_area(index[k]) or not doc[k].is_alpha
                or doc[k].lower_ in appositive for k in range(m.end, start)):
            return True  # "Santa Clara, Cuba, the city's other sister city", "A, which has long been a partner city of X"
        if end <= m.start <= end + 3 and all(doc[k].lower_ in between or k in index and _is_area(index[k])
                                             for k in range(end, m.start)):
            return True
    return False


def _ends_line(sent: Span) -> bool:
    """Whether the sentence is the last of its line (a list or table may follow on the next lines)."""
    doc = sent.doc
    last = doc[sent.end - 1]
    return "\n" in last.whitespace_ or last.is_space or sent.end < len(doc) and doc[sent.end].is_space


def _story_town(doc: Doc, sents: list[Span], index: dict[int, EntityCluster],
                places: dict[str, EntityCluster], kind: str = "sister_city") -> EntityCluster | None:
    """The town or region a page is about, for a heading that names no owner ("Twin towns and
    sister cities" on a town's page): the one place (not a country) the headline names, a body
    named after its town there ("Sister cities — Gabrovo Municipality"), or the headline's subject
    ("Weinheim celebrates fifty years of twinning with Cavaillon"); else the place in the subject
    of the first sentence ("Jelgava is a city in ..."). Cooperation partners under a page's heading
    may be a body's own: the one body the headline names ("Partner universities" on a university's
    page)."""
    if not sents:
        return None
    title = sents[0]
    if _ends_line(title):
        named = _distinct([_town_of(c, places, kind) for t in title if (c := index.get(t.i)) is not None])
        named = [c for c in named if c.type == "place" and not _is_area(c)
                 or kind == "cooperation" and c.type == "organization"]
        if len(named) == 1:
            return named[0]
        subject = _subject_place(title, index)
        if subject is not None:
            return subject
    for sent in sents[:2]:
        subject = _subject_place(sent, index)
        if subject is not None:
            return subject
    return None


def _subject_place(sent: Span, index: dict[int, EntityCluster]) -> EntityCluster | None:
    """The first place (not a country) in the subject of the sentence's main verb."""
    subjects = [t for t in span_tokens(sent) if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    named = _distinct([c for s in subjects for t in s.subtree if (c := index.get(t.i)) is not None
                       and c.type == "place" and not _is_area(c)])
    return named[0] if named else None


def _is_area(cluster: EntityCluster) -> bool:
    """A country or a continent-like area: where partners are, not a partner town."""
    return cluster.place is not None and cluster.place.kind in ("country", "area")


def _label(doc: Doc, sent: Span, start: int, end: int, openers: frozenset[str]) -> bool:
    """Whether the cue is the label of its line ("Sister cities: A (Italy); B (Belgium)", "•
    Former sister city: C"): it opens the line (after a bullet, perhaps "former") and a colon
    follows it."""
    if end >= sent.end or doc[end].text != ":":
        return False
    k = start - 1
    while k >= sent.start and (doc[k].lower_ in openers or _is_flag(doc[k])):
        k -= 1
    return k < 0 or doc[k].is_space or "\n" in doc[k].whitespace_


def _lines(doc: Doc, start: int, most: int) -> list[tuple[int, int]]:
    """The first `most` lines from token `start`, as token ranges."""
    out: list[tuple[int, int]] = []
    i = start
    while i < len(doc) and len(out) < most:
        end = _line_end(doc, i)
        if end == i:
            end = i + 1  # a line break of its own
        out.append((i, end))
        i = end
    return out


def _line_end(doc: Doc, i: int) -> int:
    """The token after the last one of the line that token i is on (at a token of white space, that
    token). Worked out for every token at once, the first time a doc is asked: rosters walk the doc
    line by line and ask again at each line, which re-read each line's tokens many times."""
    if i >= len(doc) or i < 0:
        return i
    ends = doc.user_data.get(_LINE_ENDS_KEY)
    if not isinstance(ends, list):
        ends = doc.user_data[_LINE_ENDS_KEY] = _line_ends(doc)
    return int(ends[i])


def _line_ends(doc: Doc) -> list[int]:
    ends = [len(doc)] * (len(doc) + 1)
    tokens = doc_tokens(doc)
    for k in range(len(doc) - 1, -1, -1):
        tok = tokens[k]
        ends[k] = k if tok.is_space else k + 1 if "\n" in tok.whitespace_ else ends[k + 1]
    return ends


_LINE_ENDS_KEY = "amity.rosters.line_ends"


def _line_year(doc: Doc, i: int) -> str | None:
    """The year written on the rest of the line from token i ("– relations frozen in 2022")."""
    found = _YEAR.search(doc[i : _line_end(doc, i)].text)
    return found.group(1) if found else None


def _is_flag(tok: Token) -> bool:
    """A flag emoji (regional indicator letters): a bullet that shows the partner's country."""
    return bool(tok.text) and all(0x1F1E6 <= ord(ch) <= 0x1F1FF for ch in tok.text)


def _heading(sent: Span, start: int = 0, end: int = 0) -> bool:
    """A line of its own without a verb ("Sister cities of Bursa"): a heading over the lines after it.
    The words of its cue (tokens start to end) may be tagged as a verb ("Town twinning")."""
    return _ends_line(sent) and not any(t.pos_ in ("VERB", "AUX") for t in span_tokens(sent) if not start <= t.i < end)


def _unknown_item(doc: Doc, i: int, stop: int, index: dict[int, EntityCluster], separators: frozenset[str]) -> int | None:
    """The token after a list item of one to three capitalised words that is no entity (perhaps with
    its country or year in brackets: "Kurgan (Russia)"), when separators and another entity follow
    it, perhaps after more such items; None otherwise."""
    first_end = None
    for _ in range(3):
        j = i
        while j < stop and j - i < 3 and doc[j].text[:1].isupper() and j not in index and not doc[j].is_punct:
            j += 1
        if j > i and j < stop and doc[j].text == "(":
            j = next((k + 1 for k in range(j + 1, min(j + 8, stop)) if doc[k].text == ")"), stop)
        if j == i or j >= stop or doc[j].lower_ not in separators:
            return None
        first_end = first_end or j
        k = j
        while k < stop and doc[k].lower_ in separators:
            k += 1
        k = (_after_number(doc, k, stop) or k) if k < stop else k
        if k + 1 < stop and fold(doc[k].text) in demonyms() and k + 1 in index:
            k += 1  # ", Chinese Lanzhou"
        if k < stop and k in index:
            return first_end
        i = k
    return None


#: How far a description of counted partners may run before the "such as" of their names.
_DESCRIPTION_TOKENS = 10

def _holds(outer: EntityCluster, inner: EntityCluster) -> bool:
    """Whether `outer` is the country, or a region of the country, of the town `inner` ("Houston in
    Texas", "Kabul of Afghanistan")."""
    if _contains(outer, inner):
        return True
    return outer.place is not None and outer.place.kind == "region" and inner.place is not None \
        and inner.place.kind not in ("country", "region") and inner.place.country == outer.place.country


def _is_country(cluster: EntityCluster) -> bool:
    return cluster.place is not None and cluster.place.kind == "country"


def _contains(outer: EntityCluster, inner: EntityCluster) -> bool:
    """Whether `outer` is the country of `inner`."""
    return outer.place is not None and outer.place.kind == "country" and inner.place is not None \
        and inner.place.kind != "country" and inner.place.country == outer.place.country


def _town_of(cluster: EntityCluster, places: dict[str, EntityCluster], kind: str) -> EntityCluster:
    """In a twinning any body named after its town stands for that town; in other agreements only
    the town's own government does ("Ankara University" signs for itself)."""
    if cluster.type == "organization":
        for m in cluster.mentions:
            if m.town and fold(m.town) in places and (kind == "sister_city" or m.town_government):
                return places[fold(m.town)]
    return cluster


def _merge(ties: list[TieMention], kind: str, parties: list[EntityCluster], year: str | None, sent: Span,
           signed: bool = False, stage: str | None = None) -> None:
    """Add the tie, or advance the one already found for the same kind and parties to the
    furthest stage of the two (`stage` says so when the roster does: a former partner's tie ended)."""
    status = stage or ("signed" if year or signed else "active")
    key = frozenset(id(p) for p in parties)
    same = [t for t in ties if frozenset(id(p) for p in t.parties) == key]
    # the same parties read from this sentence under another kind: the TieFinder's reading stands
    same = [t for t in same if t.kind == kind] or [t for t in same if any(s.start == sent.start for s in t.sentences)]
    if same:
        tie = same[0]
        # a tie read from this very sentence: the roster dates each partner on its own ("with A since
        # 1998 and with B since 2005"), the sentence as a whole cannot
        own_sentence = any(s.start == sent.start for s in tie.sentences) and year is not None
        tie.sentences.append(sent)
        if TIE_STAGES.index(status) > TIE_STAGES.index(tie.status) or status == tie.status and (
                tie.date is None or own_sentence):
            tie.status, tie.date, tie.explicit_date = status, year, year is not None
        return
    ties.append(TieMention(kind, parties, status, year, [sent], year is not None))
