"""spaCy component `amity_ties`: partnerships between parties, and the stage each has reached.

A sentence with a sister-city cue ("sister city", "twin town", "brotherhood
protocol"), an agreement that is signed, planned, approved or ratified, a
document or partnership "between A and B", or an intention to cooperate
reports a tie. Its parties are those of the sentence's own structure: the
subject and each "with" partner, each pairing of a "between" phrase ("between
A and B, C and D"), the owner of "X's twin towns" and each town listed, else
the towns, regions, states or bodies named there. Containers ("Karatay
(Konya)", "Kazakhstan's Kostanay region"), venues, origins ("from Romania"),
places naming a gathering and reporting agencies are no parties; a council,
assembly or municipality signs for its place, a parliament that ratifies for
its state. Items listed after "…signed:" share the lead's stage and date; "both
sides", "the parties" and a signing that names no signatory mean the pair the
story has just named; each document of a package sentence is a tie of the kind
it names ("a cooperation agreement between A and B and a twinning protocol
between C and D"). Stages: proposed, planned, signed (also a dated founding,
"twinned since 1998", "the tenth anniversary", "dates back to 2001"; the latest
of several signings or renewals), ratified, ended (suspended, frozen,
terminated, "decided to end"), or active for an existing tie ("A and B have
long-standing cooperation"). Cues live in data/triggers.json and data/ties.json;
the component takes its files and its one threshold through spaCy's config.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from amity.model import TIE_STAGES
from amity.nlp.dates import DateMention, dates_between
from amity.nlp.entities import EntityCluster, title_case_lines, token_index
from amity.nlp.events import EventMention, in_quote
from amity.nlp.gazetteer import country_code, default_gazetteer
from amity.nlp.lexicons import demonyms, legal_forms, punctuation, tie_cues, titles, triggers, word_sets
from amity.nlp.mentions import Mention, register_extensions
from amity.nlp.names import fold
from amity.nlp.tie_kinds import TieKinds
from amity.nlp.tokens import span_tokens

_TOWN_KINDS = {"city", "district", "region", None}
#: A "between" phrase naming more parties than this ("between A, B, C, D and E") lists, it does not pair.
_MAX_BETWEEN_PARTIES = 4
#: How many links above a "with" its document may stand: "a memorandum of understanding with B" is two,
#: a conjunct "and with B on logistics" under "a memorandum with A on ports" two more.
_DOCUMENT_LINKS = 4


@dataclass
class TieMention:
    kind: str
    parties: list[EntityCluster]
    status: str
    date: str | None
    sentences: list[Span] = field(default_factory=list)
    #: Whether the date was read in a sentence that reports this tie's stage itself.
    explicit_date: bool = False


_Ties = dict[tuple[str, frozenset[int]], TieMention]
#: One side of signatories, the other side, and the kind their own document names (or None).
_Sides = tuple[list[EntityCluster], list[EntityCluster], str | None]


@dataclass(frozen=True)
class _Stage:
    status: str
    date: str | None = None
    explicit: bool = False
    #: Read from a cooperation noun alone ("the partnership between A and B"), no agreement named.
    generic: bool = False
    #: Its parties are those of the "between" phrase of the cooperation noun, not the whole sentence.
    between_only: bool = False
    #: Read from an intention to cooperate: its parties are those who intend, and their "with" partners.
    intending: bool = False
    #: Of an ending told of "the agreement": the companies its subject names ("the airline X suspended ...").
    enders: tuple[EntityCluster, ...] = ()


@Language.factory("amity_ties", default_config={
    "words": "ties.json", "triggers": "triggers.json", "max_between_parties": _MAX_BETWEEN_PARTIES})
def make_ties(nlp: Language, name: str, words: str, triggers: str, max_between_parties: int) -> TieFinder:
    return TieFinder(words, triggers, max_between_parties)


class TieFinder:
    def __init__(self, words_file: str = "ties.json", triggers_file: str = "triggers.json",
                 max_between_parties: int = _MAX_BETWEEN_PARTIES) -> None:
        register_extensions()
        lex = triggers(triggers_file)
        cues = tie_cues(words_file)
        self.cues = cues
        #: "between A, B, C and D": up to this many parties are each other's partners
        self.max_between_parties = max_between_parties
        #: a cue of several words is also written hyphenated as a modifier ("partner-city agreements")
        self.sister = tuple(dict.fromkeys(spelling for cue in lex["tie_sister_city"]
                                          for spelling in (cue, cue.replace(" ", "-"))))
        self.agreements = {a for a in lex["tie_agreements"] if " " not in a}
        #: Names of documents of several words, by their first word: "letter" → ("letter", "of", "intent")
        self.agreement_phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in lex["tie_agreements"]:
            if " " in phrase:
                self.agreement_phrases.setdefault(phrase.split()[0], []).append(tuple(phrase.split()))
        self.proposed = tuple(lex["stage_proposed"])
        self.signing_lemmas = set(lex["event_verbs"]["signing"])
        self.list_leads = tuple(cues["list_leads"])
        self.bullets = tuple(cues["list_bullets"])
        self.cooperation_nouns = set(cues["cooperation_nouns"])
        self.agreed = set(cues["agreed_lemmas"])
        self.ended = set(cues["ended_lemmas"])
        self.ended_verbs = set(cues.get("ended_verbs", []))
        self.expiry_verbs = frozenset(cues["expiry_verbs"])
        self.existing = set(cues.get("existing_lemmas", []))
        self.renewal = set(cues.get("renewal_lemmas", []))
        self.ordinals: dict[str, int] = dict(cues.get("ordinal_words", {}))
        self.cardinals: dict[str, int] = dict(cues.get("cardinal_words", {}))
        self.ended_phrases = tuple(cues["ended_phrases"])
        self.founded = set(cues["founded_lemmas"])
        self.sealing = set(cues["sealing_lemmas"])
        #: verbs whose own date is a tie's founding: "became sister cities in 2019", "were twinned in 1998"
        self._founding = self.founded | set(cues["twinning_verbs"])
        self.ratified = set(cues["ratified_lemmas"])
        self._signing_or_ratifying = self.signing_lemmas | self.ratified
        self.future_auxiliaries = frozenset(cues["future_auxiliaries"])
        self._future_or_modal = self.future_auxiliaries | set(cues["modal_words"])
        self.pair_phrases = tuple(cues["pair_phrases"])
        self.joint_work = set(cues["joint_work_lemmas"])
        self.intention = tuple(cues["intention_phrases"])
        self.sub_state = set(cues["sub_state_modifiers"])
        self.reporting = tuple(cues["reporting_words"])
        self.pair_relation_nouns = set(cues["pair_relation_nouns"])
        self.dated_back = tuple(cues["dated_back_phrases"])
        self.inception = set(cues["inception_nouns"])
        self.negations = set(cues["negation_words"])
        self.definite_determiners = frozenset(cues["definite_determiners"])
        self.definite_place_determiners = frozenset(cues["definite_place_determiners"])
        self.activity_nouns = set(cues["twinning_activity_nouns"])
        self.with_manner = frozenset(cues["with_manner_nouns"])
        self.with_support = frozenset(cues["with_support_nouns"])
        #: nouns that call the name after them a company ("the airline X"), and last words of companies' names
        company_words = word_sets("organisation_words.json")
        self.company_descriptors = company_words["company_descriptors"]
        self.company_heads = company_words["company_heads"]
        #: _aside's answers by (doc, sentence start), for the doc being read
        self._asides: dict[tuple[int, int], tuple[set[int], bool]] = {}
        #: _document's answers by token, while a doc is read (None between docs)
        self._documents: dict[int, bool] | None = None
        #: _ending_words' answers by sentence (start, end), while a doc is read (None between docs)
        self._endings: dict[tuple[int, int], list[Token]] | None = None
        self.attendance = set(cues["attendance_lemmas"])
        self.joint = set(cues.get("joint_document_modifiers", []))
        self.presence = set(cues["presence_nouns"])
        #: What "the two countries", "both regions" ... can refer to; other pair phrases refer to any pair.
        self.pair_kinds = {word: set(kinds) for word, kinds in cues["pair_kinds"].items()}
        self.tie_nouns = set(cues["tie_nouns"])
        self.document_types = set(cues["document_types"])
        self.subject_prepositions = frozenset(cues["subject_prepositions"])
        self.town_nouns = set(cues["town_nouns"])
        self.personal_pronouns = set(cues["personal_pronouns"])
        self.twinning_modifiers = frozenset(cues["twinning_modifiers"])
        self.twin_town_heads = frozenset(cues["twin_town_heads"])
        self.twin_heads = self.twin_town_heads | frozenset(cues["twin_territory_heads"])
        self.kinds = TieKinds(cues, self.sister, self._document, self.signing_lemmas)
        self.intention_lemmas = frozenset(cues["intention_lemmas"])
        #: verbs whose clause object is only wished, proposed or talked of ("suggested that A and B become ...")
        self._wishing = frozenset(cues["wish_lemmas"]) | self.intention_lemmas | frozenset(cues["discussion_lemmas"])

    def __call__(self, doc: Doc) -> Doc:
        self._documents, self._endings = {}, {}
        try:
            return self._read(doc)
        finally:
            self._documents = self._endings = None

    def _read(self, doc: Doc) -> Doc:
        events: list[EventMention] = doc._.events or []
        entities: list[EntityCluster] = doc._.entities or []
        by_sentence: dict[int, list[EventMention]] = {}
        for event in events:
            for sent in event.sentences:
                by_sentence.setdefault(sent.start, []).append(event)
        token_entity = token_index(entities)
        self._asides = {}
        reporters = self._reporters(doc, entities)
        token_entity = {k: c for k, c in token_entity.items() if id(c) not in reporters}
        token_entity = self._regional_readings(doc, entities, token_entity)
        context = _ArticleContext(entities, title_case_lines(doc), token_entity, self.cues, doc)
        ties: dict[tuple[str, frozenset[int]], TieMention] = {}
        listing: _Listing | None = None
        named_before: list[EntityCluster] = []
        quiet = 0
        #: the last pair a sentence named, and how many sentences ago
        last_pair: list[EntityCluster] = []
        since_pair = 0
        generic: list[tuple[list[EntityCluster], _Stage, Span]] = []
        #: pairs a stage sentence names whose structure the readings could not read, kept for the end
        unpaired: list[tuple[str, list[EntityCluster], _Stage, Span]] = []
        inceptions: list[tuple[frozenset[int], str]] = []
        later_signings: list[_Stage] = []
        previous_kind: str | None = None
        previous_stage: _Stage | None = None
        #: whether any sentence tells a twinning (the article is about towns' own partnerships)
        twinning_told = False
        for sent in doc.sents:
            lowered = _lower_in_place(sent.text)
            sister = any(c in lowered for c in self.sister)
            if sister:
                outside = _outside_names(sent, doc).lower()
                sister = any(c in outside for c in self.sister) and not self._cue_describes_only(sent, lowered, token_entity)
            sister = sister or self._twinning_document(sent)
            twinning_told = twinning_told or sister
            sent_events = [e for e in by_sentence.get(sent.start, []) if e.type in ("signing", "ratification")
                           and not (e.trigger is not None and self._negated(e.trigger))]
            if sister and sent_events and self._attends_only(sent, sent_events):
                # "Observers from Leipzig's partner cities, among them Lyon, attended the ceremony": the
                # signing told elsewhere is not a stage of the twinnings this sentence mentions
                sent_events = []
            # "A delegation of Busan, which has sister-city ties with 26 cities, visited Vladivostok": the
            # partners are counted, not named; the other names of the sentence are not they
            partners_counted = sister and not sent_events and (
                _partners_unnamed(sent, token_entity) or self._partners_owned_unnamed(sent, token_entity))
            if listing is not None and not self._is_list_item(sent):
                listing = None
            item = listing is not None
            names_agreement = any(self._document(t) for t in span_tokens(sent))
            kind = "sister_city" if sister else "cooperation"
            stage: _Stage | None = None
            if listing is not None and (sister or names_agreement or listing.documents):
                # "The parties signed: – a memorandum on ...": the lead's stage; "Memorandums were signed
                # between the following: – A and B, on research;": the lead names the documents its items pair
                stage = listing.stage
            elif sent_events and not sister and self._told_before(sent):
                stage = None  # "Speaking during the signing of the agreement, ...": the signing told before
            elif sister or self._agreement_signed(sent_events, sent) or self._approved(sent) is not None \
                    or self._signing_verb(sent, wished=True) is not None:
                stage = self._stage(kind, lowered, sent_events, sent, doc)
            else:
                stage = self._cooperation_stage(sent, lowered, doc)
            lead = self._list_lead(sent, lowered, sent_events, events, doc)
            if lead is not None:
                listing = _Listing(lead, [], names_agreement)
            unended = stage
            stage = None if partners_counted else self._ended(sent, lowered, doc, stage)
            readings: list[tuple[str, _Stage | None]] = [(kind, stage)]
            other_signing = self._signs_other_document(sent, sent_events) if stage is not None and sister else None
            if other_signing is not None:
                # "Kutaisi and Ganja, twin cities since 2012, today signed an agreement on cooperation in
                # tourism": the document is a cooperation of the twins, the twinning itself dates back
                readings = [("cooperation", stage), ("sister_city", self._founded(sent, doc) or _Stage("active"))]
            described = self._described_twins(sent, token_entity, context, doc) \
                if sister and stage is not None and stage.status in ("active", "signed") and other_signing is None else []
            for parties, own_stage in described:
                self._record(ties, "sister_city", parties, own_stage, sent)
            for kind, stage in readings if not described else []:
                if stage is not None:
                    groups = self._parties(sent, token_entity, kind, context, sent_events, between_only=stage.between_only,
                                           intending=stage.intending)
                    if other_signing is not None and kind == "sister_city":
                        # "Izmir, which is a sister city of Tashkent, signed ... with a district": the twins
                        # are named where the cue is
                        twins = self._twins_described(sent, other_signing, token_entity, context, sent_events)
                        groups = [(kind, g) for g in twins] if twins else [(k, g) for k, g in groups if k == kind]
                    if not groups and item and listing is not None and listing.parties:
                        groups = [(kind, listing.parties)]
                    if not groups and len(named_before) == 2 and not _between_one_named(sent, token_entity) and (
                            self._names_pair(lowered, named_before)
                            or self._agentless_signing(sent, lowered, stage, token_entity, sent_events)):
                        # "both sides agreed ...", "At the end of the talks a memorandum was signed.": the pair
                        # the story has just named
                        groups = [(kind, named_before)]
                    if not groups and not named_before and len(last_pair) == 2 and since_pair <= _PAIR_MEMORY \
                            and self._names_pair(lowered, last_pair) and not self._sentence_parties(sent, token_entity):
                        # "... Nesebar, like Ohrid, is on the UNESCO list. Last summer the festival in Pomorie and
                        # Sozopol drew crowds, and dancers from Ohrid are invited. Both municipalities agreed ...":
                        # a pair phrase means the last pair named, past a sentence that named more names
                        groups = [(kind, last_pair)]
                    holders = self._office_pair(sent, context) if not groups else None
                    if holders is not None:
                        # "The Mayor of Rzeszów arrived in Ivano-Frankivsk at the invitation of the city's
                        # mayor. ... On Thursday the two mayors signed a memorandum.": the two office holders
                        # named last sign for the places their offices are of
                        groups = [(kind, holders)]
                    one_pair = _one_pair(ties) if not groups and len(named_before) != 2 else None
                    if one_pair is not None and self._signing_verb(sent) is not None \
                            and not _between_one_named(sent, token_entity) and (
                            self._names_pair(lowered, one_pair)
                            or self._agentless_signing(sent, lowered, stage, token_entity, sent_events)):
                        # "... a park of the Oliwa district. The mayors also signed an action plan on climate.": the
                        # one pair the article's ties are between, after a sentence that named other places
                        groups = [(kind, one_pair)]
                    if not groups:
                        self._later_stage(sent, stage, named_before, ties, token_entity, context, kind, later_signings)
                        if not stage.generic and stage.status != "ended":
                            # (an ending's partners are left to the rosters, which read its stage)
                            unpaired += [(k, g, stage, sent) for k, g in self._subject_with_others(sent, token_entity, kind, context)]
                    if self._unnamed_level(sent):
                        # "the sides signed several interregional agreements": no tie between the states
                        groups = [(k, g) for k, g in groups if not _are_states(g)]
                    for group_kind, parties in groups:
                        if stage.generic:
                            generic.append((parties, stage, sent))
                        else:
                            own = unended if stage.status == "ended" and unended is not None and unended.status != "ended" \
                                and self._outside_ending(sent, parties, token_entity) else stage
                            if own.status == "ended" and self._ended_by_outsider(
                                    self._enders(sent, token_entity), group_kind, parties, context):
                                # "the carrier X suspended its flights under the agreement between A and B"
                                own = unended if unended is not None and unended.status != "ended" else _Stage("active")
                            self._record(ties, group_kind, parties, _each_since(own, parties, sent, token_entity), sent)
            if lead is not None and listing is not None:
                found = self._parties(sent, token_entity, "cooperation", context, sent_events)
                listing.parties = found[0][1] if len(found) == 1 else []
            if stage is None and previous_kind is not None:
                # "Many Dutch towns have a partnership with a Chinese city. For example, Amsterdam with
                # Beijing, Rotterdam with Shanghai and Groningen with Tianjin."
                pairs, shared_verb = _paired_with(sent, token_entity)
                # "Three districts signed twinning protocols on Thursday. Kadıköy signed with Nasimi, Üsküdar
                # with Khatai and Fatih with Sabail.": the signing the sentence before told, pair by pair
                paired_stage = previous_stage if shared_verb is not None and previous_stage is not None \
                    and shared_verb.lemma_.lower() in self.signing_lemmas else _Stage("active")
                for paired in pairs:
                    self._record(ties, previous_kind, [context.town_of(c, previous_kind) for c in paired],
                                 paired_stage, sent)
            if not sister:
                for owner, partner, noun in self._owned_partnerships(sent, token_entity, context):
                    # "ISRO's long partnership with CNES will yield a satellite": a tie that exists, kept
                    # for the end like the other cooperation read from a noun alone, dated by a founding
                    # told in the noun's own clause ("... began in 1996", not "... grew since the border
                    # opened in 2004")
                    founded = self._founded(_own_clause(noun, sent), doc)
                    owned = _Stage("signed", founded.date, True, generic=True) if founded is not None and founded.date \
                        else _Stage("active", generic=True)
                    generic.append(([owner, partner], owned, sent))
            previous_kind = self._partnership_kind(lowered, sister)
            previous_stage = next((s for _, s in readings if s is not None), None)
            # the pair a later "the parties" may mean: the names here, a visited place among them
            named = _distinct([context.town_of(c, kind) for c in _parties_in(doc, sent.start, sent.end, token_entity, True)])
            named = _without_qualifying_states([c for c in named if c.type in ("place", "organization")])
            began = self._inception_date(sent, doc) if stage is None and len(named) == 2 else None
            if began is not None:
                inceptions.append((frozenset(id(c) for c in named), began))
            since_pair += 1
            if len(named) == 2 and self._signing_denied(by_sentence.get(sent.start, [])):
                # "A and B held consultations, but no document was signed.": a later signing that names
                # no signatory ("Contracts were concluded on its margins") is not theirs
                named_before, last_pair = [], []
            elif len(named) == 2:
                named_before, quiet = named, 0
                last_pair, since_pair = named, 0
            elif not named and any(p in lowered for p in self.pair_phrases):
                quiet += 1  # "The sides discussed trade.": a sentence on the pair keeps it in view for a while
                if quiet > _PAIR_MEMORY:
                    named_before = []
            else:
                named_before = []
                if not named:
                    last_pair = []  # "Trade grew by a fifth last year.": the story has moved off the pair
        for parties, stage, sent in generic:
            # "strengthen the ties between A and B" in an article reporting their twinning: that tie
            pair = frozenset(id(p) for p in parties)
            # a dated start of a relation is a tie of its own beside one only proposed between the pair:
            # "the A-B relationship goes back to 2001" while they plan a sister-city agreement
            beside_plans = stage.explicit and stage.status == "signed" and all(
                tie.status in ("proposed", "planned") for (_, key), tie in ties.items() if key == pair)
            if beside_plans or not any(pair == key for _, key in ties):
                self._record(ties, "cooperation", parties, stage, sent)
        if len(ties) == 1:
            # "... The airline X suspended the agreement.": X ends nothing of the parties' own
            one = next(iter(ties.values()))
            later_signings = [s for s in later_signings
                              if not self._ended_by_outsider(s.enders, one.kind, one.parties, context)]
        if later_signings and len(ties) == 1:
            # "X proposed to sign a memorandum with Y. ... The memorandum was signed.": the one tie
            # the article reports, still only proposed, was then signed
            tie = next(iter(ties.values()))
            last = later_signings[-1]
            if tie.status in ("proposed", "planned") or tie.status == last.status == "signed" \
                    and last.date and tie.date and last.date > tie.date \
                    or last.status == "ended" and (last.date or "") >= (tie.date or ""):
                # "... The agreement was suspended in 2014.": the one tie has ended since
                # "... The memorandum was renewed in 2023.": several signings, the latest dates it
                tie.status, tie.date, tie.explicit_date = last.status, last.date, last.explicit
        for pair, began in inceptions:
            # "Since the partnership's inception in 2014, A and B have ...": the pair's tie was signed then
            for (_, key), tie in ties.items():
                if key == pair and tie.status == "active":
                    tie.status, tie.date, tie.explicit_date = "signed", began, True
        told = {key for _, key in ties}
        for tie_kind, parties, tie_stage, tie_sent in unpaired:
            # the last resort: only for pairs no other reading of the article has tied
            if frozenset(id(p) for p in parties) not in told:
                self._record(ties, tie_kind, parties, tie_stage, tie_sent)
        self._twinnings_told_by_prose(ties, context, doc)
        doc._.ties = _without_states_beside_their_own(context, _without_namesakes(self.cues["place_suffixes"], _without_headline_shorthands(
            _without_package_states(self._bare_documents_of_twinnings(_without_pairs_of_joint_documents(ties), context),
                                    context))))
        if not twinning_told:
            doc._.ties = _without_bodies_beside_towns(context, doc._.ties)
        doc._.ties = _without_long_readings(doc._.ties)
        return doc

    def _regional_readings(self, doc: Doc, entities: list[EntityCluster],
                           token_entity: dict[int, EntityCluster]) -> dict[int, EntityCluster]:
        """"The Turkistan regional akimat", "the Hamadan provincial government": a town's name
        followed by the adjective of a region-level unit names the region of that name, not the
        town (news names a region after its centre). The tokens of such a name point to the region
        the article names ("Turkistan region"), or to one the gazetteer knows in the town's
        country, added to the article's entities."""
        levels = {q: unit for q, unit in self.cues["qualifier_places"].items()
                  if unit in ("region", "province", "prefecture", "oblast")}
        named = {fold(a): c for c in entities if c.type == "place" and c.place is not None
                 and c.place.kind == "region" for a in [c.name, *c.aliases]}
        out = token_entity
        for cluster in list(entities):
            if cluster.type != "place" or cluster.place is None or cluster.place.kind != "city":
                continue
            for m in cluster.mentions:
                if m.end <= m.start or m.end >= len(doc) or doc[m.end].lower_ not in levels \
                        or out.get(m.start) is not cluster:
                    continue
                region = self._region_named(fold(m.name), levels[doc[m.end].lower_], cluster, named, entities)
                if region is not None:
                    out = dict(out) if out is token_entity else out
                    out.update({k: region for k in range(m.start, m.end)})
        return out

    @staticmethod
    def _region_named(town: str, unit: str, cluster: EntityCluster, named: dict[str, EntityCluster],
                      entities: list[EntityCluster]) -> EntityCluster | None:
        """The article's region "<town> <unit>", or a new entity for the gazetteer's one in the
        town's country; None when neither exists."""
        wanted = f"{town} {unit}"
        if wanted in named:
            return named[wanted]
        country = cluster.place.country if cluster.place is not None else None
        place = next((p for p in default_gazetteer().candidates(wanted)
                      if p.kind == "region" and p.country == country and country), None)
        if place is None:
            return None
        first = min(cluster.mentions, key=lambda m: m.start)
        name = f"{first.name} {unit}"
        region = EntityCluster("place", [Mention(first.start, first.start, "place", name, place=place)], place)
        entities.append(region)
        named[wanted] = region
        return region

    def _cue_describes_only(self, sent: Span, lowered: str, token_entity: dict[int, EntityCluster]) -> bool:
        """Whether every sister-city cue of the sentence stands in a relative clause that names nobody
        ("The head of the committee, who is responsible for twinning, met students from Istanbul") or
        qualifies a scheme or body ("the city's sister-city programme"): the sentence describes
        someone or something, it reports no twinning between its other names."""
        doc = sent.doc
        found = False
        for cue in self.sister:
            at = lowered.find(cue)
            while at >= 0:
                tok = doc.char_span(sent.start_char + at, sent.start_char + at + len(cue), alignment_mode="expand")
                root = node = tok.root if tok is not None else None
                if root is not None and root.dep_ in ("compound", "amod", "nmod") \
                        and root.head.lemma_.lower() in self.activity_nouns:
                    # "presented the city's sister-city programme": a scheme or body, no tie
                    found = True
                    at = lowered.find(cue, at + 1)
                    continue
                while node is not None and node.dep_ != "relcl" and node.head.i != node.i:
                    node = node.head
                if node is None or node.dep_ != "relcl" or self._document(node.head) \
                        or any(t.i in token_entity or t.lower_ == "whose" for t in node.subtree):
                    # "A and B, whose twinning was suspended in 2014, ...": the tie of the names; "an
                    # agreement under which the two cities become sister cities": what the document does
                    return False
                found = True
                at = lowered.find(cue, at + 1)
        return found

    def _attends_only(self, sent: Span, events: list[EventMention]) -> bool:
        """Whether the sentence tells only who attended a signing reported in another sentence: no
        signing or ratifying word of its own, a verb of attending."""
        return not any(e.trigger is not None and sent.start <= e.trigger.i < sent.end for e in events) \
            and any(t.pos_ == "VERB" and t.lemma_.lower() in self.attendance for t in span_tokens(sent))

    def _negated(self, verb: Token) -> bool:
        """Whether a verb reports that something did not happen: "no document was signed", "they have
        not signed an agreement", "never signed anything". A signing denied is no stage of a tie."""
        for child in verb.children:
            if child.dep_ == "neg" or child.dep_ == "advmod" and child.lower_ in self.negations:
                return True
            if child.dep_ in ("dobj", "nsubjpass", "nsubj") and (child.lower_ in self.negations or any(
                    d.dep_ == "det" and d.lower_ in self.negations for d in child.children)):
                return True
        return False

    def _signing_denied(self, events: list[EventMention]) -> bool:
        """Whether a sentence denies a signing ("but no document was signed")."""
        return any(e.type == "signing" and e.trigger is not None and self._negated(e.trigger) for e in events)

    def _twinning_document(self, sent: Span) -> bool:
        """A document named for fraternity between its parties ("a protocol on fraternity", "a
        brotherhood agreement", "the memorandum on fraternal relations"): a twinning under another
        name (translated news rarely says "sister city")."""
        words = set(self.cues["twinning_document_words"])
        for tok in span_tokens(sent):
            if not self._document(tok):
                continue
            named = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
            # "signed a Memorandum on fraternal relations": the parser often hangs the document's "on"
            # phrase on the verb; right after the document it still names the document's subject
            follows = [c for c in tok.head.children if c.i == tok.right_edge.i + 1] if tok.dep_ == "dobj" else []
            named += [g for c in [*tok.children, *follows] if c.dep_ == "prep" and c.lower_ in ("on", "of")
                      for g in c.children]
            if any(w.lower_ in words for n in named for w in n.subtree):
                return True
        return False

    def _document(self, tok: Token) -> bool:
        """Whether the token names an agreement ("memorandum", "protocols") or opens the name of one
        in several words ("letter of intent", "joint statement"). Answered once per token of the doc being
        read: the tie finder asks of most tokens several times."""
        known = self._documents
        if known is None:
            return self._names_document(tok)
        found = known.get(tok.i)
        if found is None:
            found = known[tok.i] = self._names_document(tok)
        return found

    def _names_document(self, tok: Token) -> bool:
        if tok.lower_ in self.agreements or tok.lemma_.lower() in self.agreements:
            return True
        doc = tok.doc
        return any(tuple(t.lower_ for t in doc[tok.i : tok.i + len(p)]) == p
                   for p in self.agreement_phrases.get(tok.lower_, ()))

    def _partnership_kind(self, lowered: str, sister: bool) -> str | None:
        """The kind of partnership a sentence speaks of, for a list of pairs that follows it: a
        twinning, or a partnership with a city or town (partner cities), is sister_city; other
        cooperation is cooperation; None when it speaks of none."""
        words = set(re.findall(r"[\w-]+", lowered))
        if sister or words & self.cooperation_nouns and words & self.town_nouns:
            return "sister_city"
        return "cooperation" if words & self.cooperation_nouns else None

    def _agentless_signing(self, sent: Span, lowered: str, stage: _Stage,
                           token_entity: dict[int, EntityCluster], events: list[EventMention]) -> bool:
        """A signing that names no signatory at all ("At the end of the meeting, a memorandum was
        signed."): it is between the pair the story has just named. Not a sentence that refers to
        a pair by a phrase of its own ("the two countries"), which must fit that pair, nor one that
        only tells more of a signing reported before ("The signing was attended by the governor")."""
        told_here = any(e.trigger is not None and sent.start <= e.trigger.i < sent.end for e in events) \
            or self._signing_verb(sent) is not None or self._approved(sent) is not None
        return told_here and not stage.generic and stage.status in ("signed", "ratified", "planned", "proposed") \
            and not any(p in lowered for p in self.pair_phrases) and not self._sentence_parties(sent, token_entity)

    def _later_stage(self, sent: Span, stage: _Stage, named_before: list[EntityCluster], ties: _Ties,
                     token_entity: dict[int, EntityCluster], context: _ArticleContext, kind: str,
                     later_signings: list[_Stage]) -> None:
        """A stage told of a tie named before, in a sentence that names no pair: the end of the tie of
        the pair just named, recorded now; or a later stage of the document told ("The memorandum was
        signed ceremonially.", "... was suspended"), kept for the article's one tie."""
        if stage.status == "ended" and self._ends_pair_told(sent, named_before, ties, token_entity, context, kind):
            # "A and B signed a cooperation agreement in 2011. A's council suspended the agreement in
            # 2019.": the tie of the pair just named has ended, whatever the article's other ties
            pair = frozenset(id(p) for p in named_before)
            for (told_kind, key), tie in list(ties.items()):
                if key == pair:
                    self._record(ties, told_kind, tie.parties, stage, sent)
        elif stage.status in ("signed", "ratified", "ended") \
                and (self._definite_document_subject(sent)
                     or stage.status == "ended" and (self._definite_document_subject(sent, tie_nouns=True)
                                                     or self._definite_tie_ended(sent))) \
                and not self._subject_names_partner(sent, token_entity):
            if stage.status == "ended":
                stage = replace(stage, enders=self._enders(sent, token_entity))
            later_signings.append(stage)

    def _story_determiner(self, word: Token) -> bool:
        """Whether a determiner makes its noun the story's own place or body ("the city", "our university" on
        a site's own page). Not "our" in quoted speech, which is the speaker's ('"Our city signed ...," the
        guest said'), whose town the story need not be about."""
        return word.dep_ in ("det", "poss") and word.lower_ in self.definite_place_determiners \
            and not (word.dep_ == "poss" and in_quote(word.doc.text, word.idx))

    def _enders(self, sent: Span, token_entity: dict[int, EntityCluster]) -> tuple[EntityCluster, ...]:
        """The companies named in the subject or the passive agent of the sentence's ending verbs ("the
        carrier X suspended the agreement", "the airline X decided to freeze it", "the agreement was suspended
        by the airline X"): a company ends a contract of its own. Only a body the article tells as a company counts: a ministry, a parliament or an office
        holder named without a party's name ("the Jogorku Kenesh", "Mayor X") may well be a party's own."""
        found: list[EntityCluster] = []
        for verb in self._ending_words(sent):
            node = verb
            while not any(c.dep_ == "nsubj" for c in node.children) and node.dep_ in ("xcomp", "conj") \
                    and node.head.i != node.i:
                node = node.head  # "decided to suspend the agreement": the subject of the decision
            actors = [c for c in node.children if c.dep_ == "nsubj"]
            actors += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
            found += [token_entity[t.i] for c in actors for t in c.subtree if t.i in token_entity]
        return tuple(c for c in _distinct(found) if self._company(c, sent.doc))

    def _company(self, cluster: EntityCluster, doc: Doc) -> bool:
        """Whether the article tells an organisation as a company: a company noun right before one of its
        names ("the national carrier X", "the operator X"), a company's last word ("X Holding") or a legal
        form ("JSC X", "X Co., Ltd.", whose name without the form is its alias)."""
        if cluster.type != "organization":
            return False
        words = fold(cluster.name).split()
        if words and words[-1] in self.company_heads:
            return True
        for m in cluster.mentions:
            if m.alias or doc[m.start].text in legal_forms() \
                    or m.start > 0 and doc[m.start - 1].is_lower and doc[m.start - 1].lower_ in self.company_descriptors:
                return True
        return False

    @staticmethod
    def _ended_by_outsider(enders: tuple[EntityCluster, ...], kind: str, tie_parties: list[EntityCluster],
                           context: _ArticleContext) -> bool:
        """Whether an ending is told of a company that is no party nor stands for one ("A and B signed an
        agreement on flights. The airline X suspended the agreement.", "the carrier X suspended its flights
        under the agreement between A and B"): a company suspends a contract of its own; only the parties
        or their governments end their tie."""
        parties = {id(p) for p in tie_parties}
        return any(id(ender) not in parties and id(context.town_of(ender, kind)) not in parties for ender in enders)

    def _definite_document_subject(self, sent: Span, tie_nouns: bool = False) -> bool:
        """Whether the sentence's passive subject is "the/this <document>" ("The memorandum was
        signed"), a document the article has already introduced; with `tie_nouns`, also a tie told
        before ("The partnership was suspended in 2022", "The twinning was frozen")."""
        return any(t.dep_ == "nsubjpass" and (self._document(t) or tie_nouns and self._names_tie(t.lower_))
                   and any(c.lower_ in self.definite_determiners for c in t.children) for t in span_tokens(sent))

    def _definite_tie_ended(self, sent: Span) -> bool:
        """Whether an ending verb's object is a tie told before ("In 2022 Riga suspended the agreement",
        "the council voted to freeze the partnership"): "the/its <tie>" with no "with" naming whom it
        was with (then the sentence would name the partner: "suspended its agreements with Russian cities").
        The ending must be asserted, not denied, refused, urged or still to come ("refused to suspend the
        agreement", "will suspend the agreement"), and the object a tie with no topic of its own ("its
        code-share agreement", "the contract for the bridge" are other documents)."""
        for verb in self._ending_words(sent):
            if verb.pos_ != "VERB" or any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) \
                    or self._unreached(verb):
                continue
            for obj in verb.children:
                if obj.dep_ == "dobj" and self._names_tie(obj.lower_) and obj.tag_ != "NNS" \
                        and any(c.lower_ in self.definite_determiners for c in obj.children) \
                        and self._bare_tie(obj):
                    return True
        return False

    def _bare_tie(self, noun: Token) -> bool:
        """Whether a tie noun says nothing but that it is a tie: its modifiers name a tie ("the twinning
        agreement") or are determiners and numbers; no prepositional phrase ("with ...", "for the bridge")."""
        for child in noun.children:
            if child.dep_ in ("compound", "amod") and not self._names_tie(" ".join(t.lower_ for t in child.subtree)):
                return False
            if child.dep_ in ("prep", "acl", "relcl", "appos"):
                return False
        return True

    def _ends_pair_told(self, sent: Span, pair: list[EntityCluster], ties: _Ties, token_entity: dict[int, EntityCluster],
                        context: _ArticleContext, kind: str) -> bool:
        """Whether the sentence ends "the agreement" of the pair the sentence before named and a tie of
        theirs is told: it names no one but one of them ("A's council suspended the agreement")."""
        if len(pair) != 2 or not self._definite_tie_ended(sent):
            return False
        ids = {id(p) for p in pair}
        named = {id(context.town_of(c, kind)) for c in self._sentence_parties(sent, token_entity)}
        return named <= ids and any(key == frozenset(ids) for _, key in ties)

    @staticmethod
    def _subject_names_partner(sent: Span, token_entity: dict[int, EntityCluster]) -> bool:
        """Whether the passive subject names a party ("The partnership with Vladimir was suspended"):
        that tie's stage, not a later stage of the one tie the article has found so far."""
        return any(t.dep_ == "nsubjpass" and any(x.i in token_entity for x in t.subtree) for t in span_tokens(sent))

    def _inception_date(self, sent: Span, doc: Doc) -> str | None:
        """The date a sentence gives for the start of a relation ("the partnership's inception in
        2014", "since the founding of the twinning in May 1990"), or None."""
        for tok in span_tokens(sent):
            if tok.lemma_.lower() not in self.inception or tok.pos_ != "NOUN":
                continue
            related = [c for c in tok.children if c.dep_ == "poss"] + \
                [g for c in tok.children if c.lower_ == "of" for g in c.children]
            if not any(r.lower_ in self.pair_relation_nouns or r.lemma_.lower() in self.pair_relation_nouns
                       for r in related):
                continue
            after = tok.right_edge.idx + len(tok.right_edge)
            dated = next((d.value for d in _sentence_dates(sent, doc) if tok.idx < d.start < after), None)
            if dated:
                return dated
            year = next((t for t in tok.subtree if t.i > tok.i and _YEAR.fullmatch(t.text)), None)
            if year is not None:
                return year.text
        return None

    def _bare_documents_of_twinnings(self, ties: _Ties, context: _ArticleContext) -> list[TieMention]:
        """"A protocol was signed between Shusha and Erzurum" in an article on their twinning: an
        unqualified document between twinned towns is the twinning's own, also when bodies of the
        two towns signed it ("the Management Board of the Shusha Reserve Department"); a document
        that names its subject ("a cooperation agreement", "a memorandum on trade") is a tie of its
        own (T6)."""
        out = []
        for tie in ties.values():
            towns = frozenset(id(context.town_of(context.parent_of(p), "sister_city")) for p in tie.parties)
            twin = ties.get(("sister_city", towns)) if tie.kind == "cooperation" else None
            if twin is None or not all(self._only_bare_documents(sent) for sent in tie.sentences):
                out.append(tie)
                continue
            for sent in tie.sentences:
                self._record(ties, "sister_city", twin.parties, _Stage(tie.status, tie.date, tie.explicit_date), sent)
        return out

    def _twinnings_told_by_prose(self, ties: _Ties, context: _ArticleContext, doc: Doc) -> None:
        """A cooperation tie between towns, districts or regions is a twinning when its sentences
        call it one in other words ("a memorandum on establishing friendly relations", "a partnership
        between A and B", "the two towns have been partners since 1997"), or when they name only a
        document of no subject ("signed the agreement") and the headline names a twinning and no
        parties of other ties ("Brotherhood protocol signed on the Black Sea coast")."""
        headline = self.kinds.headline(doc)
        twinning_headline = headline is not None and self.kinds.names_twinning(headline)
        # the headline's twinning is that of the parties it names ("Twinning signed in Samsun" names a venue)
        in_headline = {id(context.town_of(c, "sister_city")) for c in _distinct(
            [context.token_entity[t.i] for t in headline if t.i in context.token_entity]) if c.type == "place"} \
            if headline is not None and twinning_headline else set()
        in_headline &= {id(p) for tie in ties.values() for p in tie.parties}
        for key, tie in list(ties.items()):
            if tie.kind != "cooperation" or not all(
                    p.type == "place" and (p.place is None or p.place.kind != "country") for p in tie.parties):
                continue
            twin = ties.get(("sister_city", key[1]))
            if twin is not None and all(self.kinds.refers_back(sent) for sent in tie.sentences):
                # "signed an agreement on twinning. Under the cooperation agreement, the two cities ...": that twinning
                del ties[key]
                continue
            told = any(self.kinds.town_twinning(sent, tie.parties) for sent in tie.sentences) or twinning_headline \
                and in_headline <= {id(p) for p in tie.parties} \
                and all(self.kinds.plain_documents(sent) for sent in tie.sentences)
            if not told:
                continue
            del ties[key]
            for sent in tie.sentences:
                self._record(ties, "sister_city", tie.parties, _Stage(tie.status, tie.date, tie.explicit_date), sent)

    def _only_bare_documents(self, sent: Span) -> bool:
        nouns = [t for t in span_tokens(sent) if self._document(t) or t.lemma_.lower() == "document"]  # "The document was signed by"
        return bool(nouns) and all(
            t.pos_ in ("NOUN", "PROPN") and t.is_lower and not any(
                c.dep_ in ("compound", "amod", "nmod") or self._subject_prep(c) for c in t.children) for t in nouns)

    def _reporters(self, doc: Doc, entities: list[EntityCluster]) -> set[int]:
        """Bodies that report the news ("Kazinform correspondent reports"): sources, never parties."""
        text = doc.text.lower()
        words = "|".join(re.escape(w) for w in self.reporting)
        befores = [text[: m.start()].rstrip() for m in re.finditer(rf"\s(?:{words})\b", text)]
        out = set()
        for c in entities:
            if c.type == "organization" and (any(b.endswith(m.name.lower()) for m in c.mentions for b in befores)
                                             or all(_agency_of_dateline(doc, m.start, m.end) for m in c.mentions)):
                out.add(id(c))
        return out

    @staticmethod
    def _record(ties: _Ties, kind: str, parties: list[EntityCluster], stage: _Stage, sent: Span) -> None:
        key = (kind, frozenset(id(p) for p in parties))
        tie = ties.get(key)
        if tie is None:
            ties[key] = TieMention(kind, parties, stage.status, stage.date, [sent], stage.explicit)
            return
        tie.sentences.append(sent)
        later_stage = TIE_STAGES.index(stage.status) > TIE_STAGES.index(tie.status)
        if tie.status == "ended" and stage.status in ("signed", "ratified") and stage.explicit \
                and (tie.date or "") < (stage.date or ""):
            later_stage = True  # a tie revived by a later signing takes the revival's stage
        better_date = stage.status == tie.status and stage.date and (
            tie.date is None or stage.explicit and not tie.explicit_date
            # several signings of one tie: the most recent dates it
            or stage.status == "signed" and stage.explicit and tie.explicit_date and stage.date > tie.date)
        if later_stage or better_date:
            tie.status, tie.date, tie.explicit_date = stage.status, stage.date, stage.explicit

    def _agreement_signed(self, events: list[EventMention], sent: Span) -> bool:
        """A signing or ratification whose object is an agreement ("signed a memorandum",
        "entered into a memorandum")."""
        signs_here = any(t.lemma_.lower() in self._signing_or_ratifying for t in span_tokens(sent))
        for e in events:
            trigger = e.trigger
            if trigger is None or not signs_here and not sent.start <= trigger.i < sent.end:
                continue  # a sentence with no word of signing does not sign what an earlier one signed
            if e.type == "ratification":
                return True
            if trigger.pos_ not in ("VERB", "AUX"):
                # "put their signatures under the Agreement on ...": the agreement hangs off the verb
                # "the signing ceremony for cooperation documents between A and B": documents signed
                if any((self._document(t) or t.lemma_.lower() == "document") and t.dep_ in ("pobj", "dobj")
                       for t in trigger.head.subtree):
                    return True
                continue
            objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
            # "entered into a memorandum", "signed off on an agreement"
            objects += [g for c in trigger.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
            clause = trigger
            while clause.dep_ in ("xcomp", "acomp") and clause.head.i != clause.i:
                clause = clause.head  # "an agreement, which is (expected) to be signed in May"
            if clause is not trigger:
                # "A memorandum between A and B is to be signed on 20 March", "... is due to be signed": the
                # document is the subject of the clause that governs the signing, a signing still to come
                objects += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if clause.dep_ in ("relcl", "acl"):
                objects.append(clause.head)  # "the Memorandum the two provinces entered into"
                if clause.head.dep_ == "pobj":
                    objects.append(clause.head.head.head)  # "a memorandum on port logistics, which is to be signed"
            for obj in objects:
                words = {obj.lower_, obj.lemma_.lower()} | {t.lower_ for t in obj.subtree}
                if words & self.agreements or self._document(obj) or obj.lower_ in ("document", "documents", "it", "which", "that"):
                    return True
                if trigger.lemma_.lower() in self.renewal and obj.lower_ in self.cooperation_nouns:
                    return True  # "renewed its partnership with the Port of Oakland": signed anew
        if self._signing_verb(sent) is not None:
            return True  # "The twinning agreement was signed in 2014 by the then mayors"
        # "entered into an interregional memorandum" when no event was read for it
        for tok in span_tokens(sent):
            if tok.lemma_.lower() == "enter" and any(c.lower_ == "into" for c in tok.children):
                into = next(c for c in tok.children if c.lower_ == "into")
                if any(self._document(t) for t in into.subtree):
                    return True
        return False

    def _stage(self, kind: str, lowered: str, events: list[EventMention], sent: Span, doc: Doc) -> _Stage | None:
        for wanted, status in (("ratification", "occurred"), ("signing", "occurred"), ("signing", "planned")):
            matching = [e for e in events if e.type == wanted and e.status == status and not (
                wanted == "ratification" and e.trigger is not None
                and (self._approved_by_the_pair(e.trigger) or self._unreached(e.trigger)))]
            # several signings of one tie reported together: the most recent dates it
            matching.sort(key=lambda e: (e.date_sentence == sent.start, e.date or ""), reverse=True)
            if matching:
                e = matching[0]
                if wanted == "signing" and e.trigger is not None and self._hypothetical(e.trigger):
                    return _Stage("proposed")  # "could sign a memorandum next year", "are ready to sign"
                stage = {"ratification": "ratified", "signing": "signed"}[wanted] if status == "occurred" else "planned"
                if stage == "planned" and e.date is None and (self._agreed(sent) or self._intended(e.trigger)
                                                              or self._unscheduled(e.trigger)):
                    # "agreed to sign a memorandum", "intends to sign a memorandum", no time set: not yet scheduled
                    return _Stage("proposed")
                approval = self._approved(sent) if stage == "signed" else None
                if approval is not None:
                    # "the council approved on Tuesday the agreement signed in May"
                    date = self._own_date(approval, sent, doc)
                    return _Stage("ratified", date, date is not None)
                renewed = self._renewal_date(sent, doc) if stage == "signed" else None
                if renewed is not None and renewed > (e.date or ""):
                    return _Stage("signed", renewed, True)  # "signed in 1999 and renewed it in 2019": the latest
                own = e.date_sentence == sent.start
                if not own and e.trigger is not None and _present_perfect(e.trigger):
                    # "The mayor opened the fair on Saturday. The city has signed protocols with A and B.":
                    # a perfect tells what stands now, not an act of that day
                    return _Stage(stage)
                return _Stage(stage, e.date, own)
        approval = self._approved(sent)
        if approval is not None:
            date = self._own_date(approval, sent, doc)
            return _Stage("ratified", date, date is not None)
        verb = self._signing_verb(sent)
        if verb is not None and not any(c.dep_ == "aux" and c.lower_ in self.future_auxiliaries for c in verb.children):
            # a signing no event was read for: "The twinning agreement was signed in 2014"
            date = self._own_date(verb, sent, doc)
            if date is None:
                date = _date_of_gathering_referred(sent, doc._.events or [])
            return _Stage("signed", date, date is not None)
        start = self._dated_back_value(sent, lowered, doc)
        if start is not None:
            # "agreed to expand their sister-city relations, which date back to 2001": the tie has
            # stood since then, further than any new wish for it
            return _Stage("signed", start, True)
        sealed = self._twinning_sealed(sent) if kind == "sister_city" else None
        if sealed is not None:
            date = self._own_date(sealed, sent, doc)  # "A and B formalised their twinning on Tuesday"
            return _Stage("signed", date, date is not None)
        founded = self._founded(sent, doc)
        if founded is not None and founded.date and not self._founding_intended(sent):
            return founded  # "A and B, twin towns since 1999, discussed a festival": the wish is not the tie's
        if self._proposal_in_cue_clause(sent, lowered) or self._agreed(sent) or self._signing_verb(sent, wished=True) \
                or kind == "sister_city" and self._in_prospect(sent):
            return _Stage("proposed")
        intended = self._intended_founding(sent) if founded is not None else None
        if intended is not None:
            # "will be twinned in 2025": a founding still to come, scheduled when its own clause dates it
            date = self._own_date(intended, sent, doc)
            return _Stage("planned", date, True) if date else _Stage("proposed")
        if founded is not None:
            return founded
        if kind == "sister_city":
            return _Stage("active")
        if any(e.type == "ratification" and e.trigger is not None and self._unreached(e.trigger) for e in events):
            # "the Seimas has yet to ratify the agreement between A and B": the agreement as it stands
            return self._cooperation_stage(sent, lowered, doc)
        return None

    def _proposal_in_cue_clause(self, sent: Span, lowered: str) -> bool:
        """A word of proposal or wish ("discussed", "negotiating", "intends") in the clause of the
        sentence's twinning cue, or anywhere when the sentence has no one cue: "X's twin town Y donated
        buses, and the region is negotiating a loan" proposes nothing about the twinning."""
        at = [(sent.start_char + k, sent.start_char + k + len(p)) for p in self.proposed for k in _occurrences(lowered, p)]
        if not at:
            return False
        cues = self._cue_tokens(sent)
        if len(cues) != 1:
            return True
        # the clause the cue is part of, climbing past a cue read as a verb ("interest in twinning with X")
        verb = cues[0].head if cues[0].head.i != cues[0].i else cues[0]
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        other = {t.i for c in verb.children if c.dep_ in ("conj", "advcl", "parataxis") and c.pos_ in ("VERB", "AUX")
                 and c.i != cues[0].i for t in c.subtree}
        # a phrase that starts in the clause or holds one of its words ("talks on twinning")
        starts = sorted(t.idx for t in verb.subtree if t.i not in other)
        return any(bisect_left(starts, lo) < len(starts) and starts[bisect_left(starts, lo)] < hi for lo, hi in at)

    def _hypothetical(self, verb: Token) -> bool:
        """A signing only wished or deemed possible: "could/may/would sign", "are ready to sign", "hope
        to sign", "expressed hope that a memorandum would be signed". No signing took place and none
        is scheduled: the tie is proposed."""
        if any(c.dep_ == "aux" and c.lower_ in self.cues["modal_words"] for c in verb.children):
            return True
        head = verb.head
        return verb.dep_ in ("xcomp", "ccomp", "acl") and head.i != verb.i \
            and head.lemma_.lower() in self.cues["wish_lemmas"] or self._talked_of(verb)

    def _talked_of(self, verb: Token) -> bool:
        """A signing that is only the subject of talks: "discussed signing a memorandum", "considered
        signing", "explored the prospect of signing an agreement", "the possibility to sign": what a
        verb or noun of discussion is about (directly, or by "of", "about", "on"), not yet done."""
        node = verb
        if verb.dep_ in ("pcomp", "pobj"):
            if verb.head.lower_ not in self.cues["talk_prepositions"]:
                return False  # "met after signing the memorandum": done before the meeting
            node = verb.head
        elif verb.dep_ not in ("xcomp", "ccomp", "dobj", "acl"):
            return False
        elif verb.dep_ == "ccomp" and (verb.tag_ in ("VBD", "VBZ", "VBP")
                                       or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
            return False  # "discussed how the two cities signed their first memorandum": a signing told as done
        head = node.head
        return head.i != node.i and head.lemma_.lower() in self.cues["discussion_lemmas"] and not self._negated(head)

    def _unreached(self, verb: Token) -> bool:
        """An approval or ratification that has not happened: denied ("did not approve"), failed or
        refused ("failed to ratify", "refused to approve"), pending ("has yet to ratify") or still to
        come ("is expected to ratify next week", "will approve"). The agreement stands signed, no more."""
        if verb.pos_ == "NOUN":
            # "still waits for ratification", "awaits the council's approval": the act is awaited
            governor = verb.head.head if verb.dep_ == "pobj" else verb.head if verb.dep_ == "dobj" else verb
            return governor.i != verb.i and governor.lemma_.lower() in \
                set(self.cues["unreached_lemmas"]) | set(self.cues["awaited_lemmas"])
        modal = self._future_or_modal - {"to"} | set(self.cues["obligation_words"])
        node = verb
        for _ in range(3):
            # a governor's own negation undoes only what it says: "did not vote to approve" is no approval,
            # "did not hesitate to ratify" is one
            if (node is verb or node.lemma_.lower() not in self.cues["reluctance_lemmas"]) and self._negated(node) \
                    or any(c.dep_ in ("aux", "auxpass") and c.lower_ in modal for c in node.children) \
                    or any(c.dep_ == "advmod" and c.lower_ in self.cues["pending_adverbs"] for c in node.children):
                return True
            if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
                return False
            infinitive = node.dep_ == "xcomp"
            node = node.head
            if node.lemma_.lower() in self.cues["unreached_lemmas"] or infinitive and self._obliged(node):
                # "refused to ratify", "still has to ratify"; in the past too ("had to ratify it within six
                # months", "was to ratify it in 2020"): an obligation is not its fulfilment
                return True
        return False

    def _obliged(self, governor: Token) -> bool:
        """Whether a verb governing an infinitive makes it a duty ("has to", "was to", "was required to").
        Only an infinitive is owed: a "that" clause under "be" is told as done ("the news is that the Saeima
        ratified it", "it was in May that ..."), and so is the infinitive of an outcome ("the decision was
        to ratify", "the council's response was to suspend the agreement"). A participle describing a noun
        owes nothing: "completed the procedures required to ratify it" tells what was done."""
        return governor.lemma_.lower() in self.cues["obligation_lemmas"] and governor.dep_ != "acl" and not any(
            c.dep_ == "nsubj" and c.lemma_.lower() in self.cues["outcome_nouns"] for c in governor.children)

    def _intended(self, verb: Token | None) -> bool:
        """Whether a verb is the object of an intention ("intends to sign", "plans to sign", "the goal
        is to sign"): wanted, not yet scheduled."""
        if verb is None or verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
            return False
        head = verb.head
        return head.lemma_.lower() in self.intention_lemmas or head.lemma_.lower() == "be" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in self.cues["intention_nouns"] for c in head.children)

    def _unscheduled(self, verb: Token | None) -> bool:
        """Whether a signing is the object of an agreement, a readiness or an invitation ("reached an
        agreement to sign", "expressed readiness to sign", "invited B to sign"): wanted, with no time set
        it is not yet scheduled."""
        return verb is not None and verb.dep_ in ("xcomp", "ccomp", "acl") and verb.head.i != verb.i \
            and verb.head.lemma_.lower() in self.cues["unscheduled_governors"]

    def _in_prospect(self, sent: Span) -> bool:
        """A twinning still to come: "could become sister cities", "applied to become a twin town of
        X", "may soon be twinned", "a possible twinning with X", "the prospective sister-city
        relationship": a verb of founding or twinning that is only possible or still to do, or an
        adjective of possibility on the twinning itself."""
        for tok in span_tokens(sent):
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self._founding and any(
                    c.dep_ in ("aux", "auxpass") and c.lower_ in ("to", *self.cues["modal_words"]) for c in tok.children):
                return True
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self._founding and tok.dep_ in ("ccomp", "xcomp") \
                    and tok.head.lemma_.lower() in self._wishing:
                return True  # "suggested that A and B become sister cities": a founding proposed
        return any(t.dep_ == "amod" and t.lower_ in self.cues["prospect_adjectives"]
                   and any(c in t.head.doc[t.head.left_edge.i : t.head.i + 1].text.lower() for c in self.sister)
                   for t in span_tokens(sent))

    def _founding_intended(self, sent: Span) -> bool:
        """Whether a verb of founding is itself still to come: "plan to establish sister-city relations
        in 2025", "will become twin towns next year"."""
        return self._intended_founding(sent) is not None

    def _intended_founding(self, sent: Span) -> Token | None:
        """The verb of a founding still to come ("will become", "to be twinned"), or None."""
        return next((t for t in span_tokens(sent) if t.lemma_.lower() in self._founding and (any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in self._future_or_modal for c in t.children)
            or t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in self._wishing)  # "suggested that A and B become"
            and self._founds_tie(t)), None)

    def _founds_tie(self, verb: Token) -> bool:
        """Whether what a verb of founding founds is a tie ("will become twin towns", "plan to establish
        relations"), not a likeness ("hoped the new partnership would become as close")."""
        if verb.lemma_.lower() in self.cues["twinning_verbs"]:
            return True  # "will be twinned next year"
        subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        told = [t for t in verb.subtree if t.i != verb.i and t.i not in subject]
        text = " ".join(t.lower_ for t in told)
        return any(c in text for c in self.sister) or any(
            t.lower_ in self.pair_relation_nouns or t.lemma_.lower() in self.pair_relation_nouns for t in told)

    def _signing_verb(self, sent: Span, wished: bool = False) -> Token | None:
        """A verb of signing (sign, conclude, renew, ...) whose object or passive subject is a
        document: "The twinning agreement was signed", "renewed the memorandum"; with `wished`, one
        only wished or deemed possible ("A and B could sign a memorandum next year")."""
        for tok in span_tokens(sent):
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.signing_lemmas or self._negated(tok) \
                    or self._hypothetical(tok) != wished:
                continue
            if any(c.dep_ in ("dobj", "nsubjpass") and self._document(c) for c in tok.children):
                return tok
        return None

    def _renewal_date(self, sent: Span, doc: Doc) -> str | None:
        """The date of a renewal the sentence reports besides the signing ("... and renewed it in
        2019"), in the renewing verb's own clause."""
        for tok in span_tokens(sent):
            if tok.pos_ == "VERB" and tok.lemma_.lower() in self.renewal:
                date = self._own_date(tok, sent, doc)
                if date is not None:
                    return date
        return None

    def _approved(self, sent: Span) -> Token | None:
        """The verb or noun of approval in "The Seimas approved the agreement", "the city council
        voted to approve the twinning", "gave its approval to the memorandum"; None if there is none."""
        for tok in span_tokens(sent):
            if tok.pos_ == "VERB" and tok.tag_ != "VBN" and (tok.lemma_.lower() in self.ratified or self._resolves(tok)) \
                    or tok.pos_ == "NOUN" and tok.lemma_.lower() in self.ratified:
                # "gave its final approval to the twinning": the document hangs off the light verb
                scope = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" \
                    and tok.head.lemma_.lower() in self.cues["approval_light_verbs"] else tok
                if self._approved_by_the_pair(tok):
                    continue  # "the draft was approved by both sides": the text is agreed, nothing ratified
                if self._unreached(tok):
                    continue  # "the Senate has yet to ratify the agreement"
                if any(self._document(t)
                       or any(c in t.lower_ for c in ("twinning", "sister")) for t in scope.subtree if t.i != tok.i):
                    return scope  # its clause dates the approval
        return None

    def _approved_by_the_pair(self, verb: Token) -> bool:
        """Whether the parties themselves approve ("both sides approved the draft", "was approved by the
        parties"): they agree on a text; only a council, parliament or government ratifies."""
        agents = [c for c in verb.children if c.dep_ == "nsubj"]
        agents += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        return any(" ".join(t.lower_ for t in a.subtree).endswith(self.pair_phrases) for a in agents)

    def _resolves(self, verb: Token) -> bool:
        """A council's decision in favour: "adopted a resolution on twinning", "voted in favour of the
        agreement", "voted for the twinning", "voted to establish a sister city relationship" (the verb
        and the nouns of data/ties.json)."""
        lemma = verb.lemma_.lower()
        if lemma in self.cues["resolving_lemmas"]:
            return any(c.dep_ == "dobj" and c.lemma_.lower() in self.cues["resolution_nouns"] for c in verb.children)
        if lemma in self.cues["voting_lemmas"]:
            # "voted to establish a sister city relationship", "voted to twin the town with X": the vote founds it
            return any(c.dep_ == "prep" and (c.lower_ == "for" or any(g.lower_ in ("favour", "favor") for g in c.children))
                       or c.dep_ == "xcomp" and c.lemma_.lower() in self._founding
                       for c in verb.children)
        return False

    @staticmethod
    def _own_date(token: Token, sent: Span, doc: Doc) -> str | None:
        """The date of the clause of `token` ("approved on Tuesday the agreement signed on 2 March":
        Tuesday), or of the verb it completes ("voted on Tuesday to approve"), not one in a clause
        of another verb or in its subject."""
        own = {token.i}
        head = token
        while head.dep_ in ("xcomp", "ccomp") and head.head.i != head.i:
            head = head.head
            own.add(head.i)
        for d in _sentence_dates(sent, doc):
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is None:
                continue
            node = span.root
            for _ in range(6):
                if node.i in own:
                    return str(d.value)
                if node.pos_ in ("VERB", "AUX") and node.i != span.root.i or node.head.i == node.i \
                        or node.dep_ in ("nsubj", "nsubjpass"):
                    break  # "A and B, partners since 2005, will become ...": the date describes the subject
                node = node.head
        return None

    def _agreed(self, sent: Span) -> bool:
        """"agreed to set up a partnership", "decided to establish sister-city relations": a verb of
        agreeing governing what is yet to be done."""
        return any(t.lemma_.lower() in self.agreed and any(c.dep_ in ("xcomp", "ccomp") or c.lower_ == "on"
                                                             for c in t.children) for t in span_tokens(sent))

    def _founded(self, sent: Span, doc: Doc) -> _Stage | None:
        """"twin towns since 1998", "became sister cities in March 2022", "marks the 20th anniversary":
        a tie whose founding the sentence dates is signed on that date."""
        dates = _sentence_dates(sent, doc)
        clause = self._cue_clause(sent)
        for tok in span_tokens(sent):
            if tok.lower_ == "since" and dates and (clause is None or tok.i in clause):
                value = next((d.value for d in dates if d.start >= tok.idx), None)
                if value:
                    return _Stage("signed", value, True)
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self._founding and dates:
                lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
                own = [d for d in dates if lo <= d.start < hi]
                if own and own[0].value:
                    return _Stage("signed", own[0].value, True)
        for tok in span_tokens(sent):
            # "Dumaguete and Kurobe become sister cities", "... became twin towns": founded, undated
            if tok.lemma_.lower() == "become" and tok.dep_ in ("ROOT", "conj") and tok.tag_ in ("VBD", "VBP", "VBZ", "VBN") \
                    and any(c.dep_ in ("attr", "acomp") and any(w in c.doc[c.left_edge.i : c.i + 1].text.lower()
                                                                for w in self.sister) for c in tok.children):
                return _Stage("signed", None, False)
        years = self._years_since_founding(sent)
        base = (dates[0].value if dates else None) or doc._.published
        if years is not None and base:
            return _Stage("signed", str(int(base[:4]) - years), True)
        return None

    def _years_since_founding(self, sent: Span) -> int | None:
        """"the 20th anniversary", "the tenth anniversary of their twinning", "mark 10 years of
        partnership": how many years ago the tie began."""
        text = sent.text.lower()
        match = _ANNIVERSARY.search(text)
        if match:
            return int(match.group(1))
        match = _YEARS_OF.search(text)
        if match and self._names_tie(match.group(2)):
            return int(match.group(1))
        for match in _WORD_YEARS_OF.finditer(text):
            # "sixty years of its twinning", "twenty-five years of partnership"
            if match.group(1) in self.cardinals and self._names_tie(match.group(2)):
                return self.cardinals[match.group(1)]
        for tok in span_tokens(sent):
            if tok.lower_ == "anniversary" and tok.i > sent.start:
                before = tok.doc[tok.i - 1].lower_
                if before in self.ordinals:
                    return self.ordinals[before]
        return None

    def _cooperation_stage(self, sent: Span, lowered: str, doc: Doc) -> _Stage | None:
        """Cooperation with no signing in the sentence (T4): "the strategic partnership between X and
        Y" is active (signed when dated), "agreed to build a partnership between X and Y" proposed,
        and "the two sides agreed to establish a joint council" proposed."""
        years = self._years_since_founding(sent)
        base = _sentence_date(sent, doc) or doc._.published
        if years is not None and base:
            return _Stage("signed", str(int(base[:4]) - years), True, generic=True)  # "marked 25 years of partnership"
        agreed = self._agreed(sent) or any(p in lowered for p in self.intention)
        if agreed and any(t.lemma_.lower() in self.joint_work for t in span_tokens(sent)):
            return _Stage("proposed", generic=True, intending=True)
        if agreed and any(t.lower_ in self.cooperation_nouns and any(c.lower_ == "with" for c in t.children) for t in span_tokens(sent)):
            # "X was also interested in cooperation with Y", "X wants to build a partnership with Y": a wish
            return _Stage("proposed", generic=True, intending=True)
        document = next((d for d in (self._document_of(t) for t in span_tokens(sent) if t.lower_ == "between") if d is not None), None)
        if document is not None:
            # "the Memorandum of Understanding between India and Morocco": a document that exists
            if agreed or any(c.lower_ == "draft" for c in document.subtree if c.i < document.i) \
                    or self._in_the_making(document):
                return _Stage("proposed", between_only=True)
            # "the cooperation agreement between A and B, signed in 2015": dated by its own signing
            signing = next((c for c in document.subtree if c.dep_ in ("acl", "relcl")
                            and c.lemma_.lower() in self.signing_lemmas), None)
            date = self._own_date(signing, sent, doc) if signing is not None else None
            return _Stage("signed", date, date is not None, between_only=True)
        if not any(t.lower_ in self.cooperation_nouns and any(c.lower_ == "between" for c in t.children) for t in span_tokens(sent)):
            sealed = self._partnership_sealed(sent)
            if sealed is not None:
                # "A and B sealed a partnership on port logistics on Monday", "formalised their cooperation
                # with a memorandum": the tie begins, signed on that day
                date = self._own_date(sealed, sent, doc)
                return _Stage("signed", date, date is not None, generic=True)
            if self._existing_cooperation(sent):
                # "Kostanay and Chelyabinsk have long-standing cooperation"; "A has had an agreement with B
                # since 2012": a founding the sentence dates
                founded = self._founded(sent, doc)
                if founded is not None and founded.date:
                    return _Stage("signed", founded.date, True, generic=True)
                return _Stage("active", generic=True)
            if not self._hyphen_pairs(sent):
                return None
            # "the Nelson-Miyazu relationship goes back to 1976": a tie that exists, dated by its start
            start = self._dated_back_value(sent, lowered, doc)
            if start is not None:
                return _Stage("signed", start, True, generic=True, between_only=True)
            return _Stage("active", generic=True, between_only=True)
        if agreed or self._wished_between(sent):
            return _Stage("proposed", generic=True, between_only=True)
        start = self._dated_back_value(sent, lowered, doc)
        if start is not None:
            return _Stage("signed", start, True, generic=True, between_only=True)  # "the partnership between A and B dates back to 2005"
        founded = self._founded(sent, doc)
        if founded is not None:
            return _Stage(founded.status, founded.date, founded.explicit, generic=True, between_only=True)
        return _Stage("active", generic=True, between_only=True)

    def _in_the_making(self, document: Token) -> bool:
        """Whether a document is still being worked out: negotiated, drafted or prepared ("are negotiating
        an agreement between A and B"), the object of drafts or talks ("exchanged drafts of a memorandum
        between A and B"), or under discussion ("the agreement between A and B is under discussion")."""
        making = self.cues["making_lemmas"]
        head = document.head
        if document.dep_ == "dobj" and head.lemma_.lower() in making:
            return True
        if document.dep_ == "pobj" and head.lower_ in self.cues["talk_prepositions"] and head.head.i != head.i \
                and head.head.lemma_.lower() in making:
            return True
        if document.dep_ == "nsubjpass" and (head.lemma_.lower() in making or head.lemma_.lower() in self.cues["discussion_lemmas"]) \
                and self._still_open(document):
            # "a memorandum between A and B was discussed", "... is being prepared": talked of or worked on
            return True
        return document.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "prep" and c.lower_ == "under" and any(g.lemma_.lower() in making for g in c.children)
            for c in head.children)

    def _still_open(self, document: Token) -> bool:
        """Whether the making or talking a passive verb tells of a document is not done with: the verb
        goes on or is to come ("is being prepared", "was being negotiated", "is discussed", "will be
        negotiated"), or the document is one not known before ("a memorandum between A and B was
        discussed"). A making told as done ("was prepared in 2014 and signed in 2015", "was negotiated in
        2014 and has been in force since"), a document the story knows ("the existing agreement ... was
        discussed") or one judged ("was considered a model") is no document in the making."""
        verb = document.head
        if any(c.dep_ in ("conj", "oprd", "attr", "xcomp") for c in verb.children):
            return False
        if any(c.dep_ == "auxpass" and (c.lower_ == "being" or c.tag_ in ("VBZ", "VBP"))
               or c.dep_ == "aux" and c.lower_ in self._future_or_modal for c in verb.children):
            return True
        return any(c.dep_ == "det" and "Ind" in c.morph.get("Definite", []) for c in document.children) \
            and not any(c.like_num for c in document.children)

    def _wished_between(self, sent: Span) -> bool:
        """"discussed cooperation between A and B", "expressed interest in cooperation between A and B",
        "explored a partnership between A and B": a cooperation noun with its "between" pair that is
        what a verb of discussing or a noun of interest is about; talked of, not yet reached."""
        for tok in span_tokens(sent):
            if tok.lower_ not in self.cooperation_nouns or not any(c.lower_ == "between" for c in tok.children):
                continue
            node = tok
            for _ in range(3):  # "cooperation" ← "in" ← "interest"; "development" ← "of" ← ...
                node = node.head
                if node.lemma_.lower() in self.cues["discussion_lemmas"] and not self._negated(node):
                    return True
                if node.head.i == node.i:
                    break
        return False

    def _intending_parties(self, sent: Span, token_entity: dict[int, EntityCluster]) -> list[EntityCluster]:
        """"A and B agreed to set up a working group", "A expressed the intention to cooperate with
        B": the names in the subject of the verb of agreeing or intending, and its "with" partners;
        not whatever else the sentence names ("welcomed the intention of the countries ...")."""
        for tok in span_tokens(sent):
            if tok.lemma_.lower() not in self.agreed and not any(tok.lower_ == p.split()[0] for p in self.intention):
                continue
            verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            # "the Yunusabad district of Tashkent and Kepez agreed ...": the city a district lies in, a
            # region or state written after a name, is where that party is, as in any other sentence
            names = [c for s in subjects for c in _parties_in(sent.doc, s.left_edge.i, s.right_edge.i + 1, token_entity)]
            if not names:
                continue  # "the city wants to work with A, the capital of B": who intends is not named here
            for w in verb.subtree:
                if w.lower_ == "with" and w.dep_ == "prep":
                    names += _parties_in(sent.doc, w.i + 1, w.right_edge.i + 1, token_entity)
            if names:
                return [c for c in _distinct(names) if c.type != "person" or c.roles]
        return []

    def _partnership_sealed(self, sent: Span) -> Token | None:
        """A verb that starts a partnership ("sealed a partnership", "launched a cooperation",
        "formalised their cooperation"): its object is a cooperation noun or a document."""
        for tok in span_tokens(sent):
            if tok.pos_ == "VERB" and tok.lemma_.lower() in self.sealing and not self._negated(tok) \
                    and not any(c.dep_ == "aux" and c.lower_ in self.future_auxiliaries for c in tok.children) \
                    and any(c.dep_ in ("dobj", "nsubjpass") and (c.lower_ in self.cooperation_nouns or self._document(c))
                            for c in tok.children) \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                return tok
        return None

    def _twinning_sealed(self, sent: Span) -> Token | None:
        """A verb that starts a twinning ("sealed their twinning", "formalised the sister-city
        relationship"), said of what happened, not of what is to come."""
        for tok in span_tokens(sent):
            if tok.pos_ == "VERB" and tok.lemma_.lower() in self.sealing and not self._negated(tok) \
                    and not any(c.dep_ == "aux" and c.lower_ in self._future_or_modal
                                for c in tok.children) \
                    and any(c.dep_ in ("dobj", "nsubjpass") and any(
                        cue in tok.doc[c.left_edge.i : c.i + 1].text.lower() for cue in self.sister)
                        for c in tok.children):
                return tok
        return None

    def _existing_cooperation(self, sent: Span) -> bool:
        """"A and B have long-standing cooperation in agriculture", "A maintains close partnership
        with B": a cooperation noun as the object of a verb of having, whose subject names two
        parties or which goes on "with" a partner: a tie that exists."""
        for tok in span_tokens(sent):
            if not (tok.lower_ in self.cooperation_nouns or self._document(tok)) or tok.dep_ != "dobj" \
                    or tok.head.lemma_.lower() not in self.existing:
                continue
            verb = tok.head
            if any(c.lower_ in ("no", "not", "never") or c.dep_ == "neg" for c in [*verb.children, *tok.children]):
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            paired = any(t.dep_ == "conj" for s in subjects for t in s.subtree)  # "A and B", "the regions of A and B"
            # "X has an agreement with Y"; "Y, with which X has had an agreement since 2016"
            partner = any(c.lower_ == "with" for c in tok.children) or verb.dep_ == "relcl" and any(
                c.lower_ == "with" and any(g.lower_ in ("which", "whom") for g in c.children) for c in verb.children)
            if subjects and (paired or partner):
                return True
        return any(self._cooperating(tok) or self._partners_being(tok) for tok in span_tokens(sent))

    def _owned_partnerships(self, sent: Span, token_entity: dict[int, EntityCluster],
                            context: _ArticleContext) -> list[tuple[EntityCluster, EntityCluster, Token]]:
        """"X's partnership with Y", "the cooperation of X with Y": a cooperation noun whose owner and
        "with" partner are both named is a tie between them, whatever the sentence says it does; not
        when it is only wished for or talked of ("X wants to build a partnership with Y"), denied or
        turned down ("X has no cooperation with Y", "X refused cooperation with Y") or supposed ("X's
        partnership with Y would bring ...")."""
        out: list[tuple[EntityCluster, EntityCluster, Token]] = []
        for noun in span_tokens(sent):
            if noun.lower_ not in self.cooperation_nouns or self._unreal(noun):
                continue
            owners = [c for c in noun.children if c.dep_ == "poss"]
            owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            partners = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"
                        for g in c.children if g.dep_ == "pobj"]
            owner = next((token_entity[t.i] for t in owners if t.i in token_entity), None)
            if owner is None and all(t.pos_ == "PRON" for t in owners):
                # "Tartu has expanded its cooperation with Riga", "A maintains close partnership with B":
                # the subject of the verb whose object the noun is; not over an owner of the noun's own
                # left unnamed ("Japan praised the region's cooperation with Uganda")
                verb = noun.head if noun.dep_ == "dobj" else None
                subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
                owner = next((token_entity[t.i] for s in subjects for t in (s, *s.conjuncts) if t.i in token_entity), None)
            named = [token_entity[t.i] for p in partners for t in (p, *p.conjuncts) if t.i in token_entity]
            if owner is None or owner.type == "person":
                continue
            for partner in _distinct(named):
                a, b = context.town_of(owner, "cooperation"), context.town_of(partner, "cooperation")
                if a is not b and b.type != "person":
                    out.append((a, b, noun))
        return out

    def _unreal(self, noun: Token) -> bool:
        """A cooperation the sentence does not report as existing: one "no" denies ("has no cooperation
        with"), the object of a verb of wishing, intending or talking, of a verb still to come, of a
        negated verb or of one of turning down ("will build a partnership", "wants to deepen the
        cooperation", "has never had a partnership", "ruled out cooperation"), or the subject of a
        supposed case ("would bring", "if ... goes ahead"). The subject of a verb of what is or will be
        is real ("X's partnership with Y will yield a satellite")."""
        if any(c.dep_ == "det" and c.lower_ in self.negations for c in noun.children):
            return True
        if noun.dep_ == "nsubj" and noun.head.i != noun.i:
            return any(c.dep_ in ("aux", "mark") and c.lower_ in self.cues["supposing_words"] for c in noun.head.children)
        node = noun
        for _ in range(4):
            if node.dep_ not in ("dobj", "pobj", "prep", "xcomp", "nsubjpass", "attr", "conj") or node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in self._wishing or node.lemma_.lower() in self.agreed \
                    or node.lemma_.lower() in self.cues["refusal_lemmas"] or self._negated(node) \
                    or any(c.dep_ == "aux" and c.lower_ in self._future_or_modal for c in node.children):
                return True
        return False

    def _cooperating(self, verb: Token) -> bool:
        """"A and B cooperate under a 2019 memorandum", "A has been cooperating with B since 2015":
        a verb of cooperating, said of what is (not "will cooperate", "ready to cooperate"), whose
        subject names two parties or which goes on "with" a partner."""
        perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("cooperate", "collaborate") or verb.dep_ in ("xcomp", "advcl") \
                or verb.tag_ == "VB" or verb.tag_ == "VBN" and not perfect or self._negated(verb) \
                or any(c.dep_ == "aux" and c.lower_ in self._future_or_modal for c in verb.children):
            return False
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        paired = any(t.dep_ == "conj" for s in subjects for t in s.subtree)
        partner = any(c.lower_ == "with" and c.dep_ == "prep" for c in verb.children)
        return bool(subjects) and (paired or partner)

    def _partners_being(self, noun: Token) -> bool:
        """"A and B have been partners since 1991", "the two cities remain partners": partners in the
        plural as what a pair is, said of what is (not "will become partners", "trading partners", nor
        "strategic partners", which rates relations and reports no agreement): a tie that exists, dated by its founding when the sentence dates one."""
        verb = noun.head
        # "A and B, partners since 2005, held a trade day": the pair in apposition (or, as the parser may
        # read it, a modifier of "partners") and the tie it stands in
        pair = noun.head if noun.dep_ == "appos" else next((c for c in noun.children if c.dep_ == "nmod"), None)
        if pair is not None and pair.conjuncts and noun.lemma_.lower() == "partner" and noun.tag_ == "NNS" \
                and any(c.lower_ == "since" for c in noun.children) \
                and not any(c.dep_ in ("compound", "amod") for c in noun.children):
            return True
        if noun.lemma_.lower() != "partner" or noun.tag_ != "NNS" or noun.dep_ != "attr" \
                or verb.lemma_.lower() not in self.cues["partner_copulas"] or self._negated(verb) \
                or any(c.dep_ == "aux" and c.lower_ in self._future_or_modal for c in verb.children) \
                or any(c.dep_ == "compound" or c.lower_.endswith("ing") for c in noun.children) \
                or any(c.dep_ == "amod" and c.lower_ in self.cues["partner_qualities"] for c in noun.children):
            return False
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return any(any(t.dep_ == "conj" for t in s.subtree)
                   or " ".join(t.lower_ for t in s.subtree).endswith(self.pair_phrases) for s in subjects)

    def _dated_back_value(self, sent: Span, lowered: str, doc: Doc) -> str | None:
        """"goes back to 2001", "dates from March 1994": the date a relation began. A bare year
        there is a date too, even where the date finder leaves years alone."""
        at = next((lowered.index(p) + len(p) for p in self.dated_back if p in lowered), None)
        if at is None:
            return None
        at += sent.start_char
        dated = next((d.value for d in _sentence_dates(sent, doc) if d.start >= at), None)
        if dated:
            return dated
        year = next((t for t in span_tokens(sent) if t.idx >= at), None)
        return year.text if year is not None and _YEAR.fullmatch(year.text) else None

    def _hyphen_pairs(self, sent: Span) -> list[tuple[int, int]]:
        """"the Nelson-Miyazu relationship", "Lviv–Wroclaw partnership": two names joined by a dash
        that qualify a noun of relations name the pair the relation is between (start and end of
        the two names)."""
        out = []
        for tok in span_tokens(sent):
            if tok.text not in _DASHES or tok.i + 1 >= sent.end or tok.i == sent.start:
                continue
            head = tok.doc[tok.i + 1].head
            if head.lower_ in self.pair_relation_nouns and head.i > tok.i and tok.doc[tok.i - 1].dep_ == "compound":
                left = tok.i - 1
                while left > sent.start and tok.doc[left - 1].dep_ == "compound" and tok.doc[left - 1].pos_ == "PROPN":
                    left -= 1
                out.append((left, head.i))
        return out

    def _document_of(self, between: Token) -> Token | None:
        """The agreement a "between" phrase belongs to: "the memorandum (of understanding) between"."""
        node = between.head
        for _ in range(3):
            if node.pos_ not in ("NOUN", "PROPN", "ADP"):
                return None
            if self._document(node):
                return node
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def _ended(self, sent: Span, lowered: str, doc: Doc, stage: _Stage | None) -> _Stage | None:
        """"suspended its sister-city relationship", "froze the agreement": the tie has ended,
        dated by the suspension (or the article when undated)."""
        # a signing told beside an ending of another document ("A and B signed a memorandum; the old contract
        # with the bus company had lapsed") is no ending of theirs
        ending = [t for t in self._ending_words(sent) if not self._ends_other_document(t, sent)]
        # the ending word must govern the tie: "the visit was cancelled, but the agreement was signed" ends nothing
        governs = any(self._names_tie(" ".join(w.lower_ for c in t.children if c.dep_ not in _OTHER_CLAUSES
                                               for w in without_destinations(c)))
                      or t.dep_ in ("amod", "acl") and self._names_tie(t.head.text.lower())
                      or t.dep_ == "relcl" and self._relative_to_tie(t) for t in ending)
        phrase = next((lowered.index(p) for p in self.ended_phrases if p in lowered), None)
        if not governs and not (phrase is not None and self._names_tie(lowered)):
            return stage
        # dated by the ending's own clause: "twinned since 1999, but the partnership was put on ice in 2014"
        own = next((d for t in ending if (d := self._own_date(t, sent, doc)) is not None), None)
        if own is None and phrase is not None:
            own = next((d.value for d in _sentence_dates(sent, doc) if d.start >= sent.start_char + phrase), None)
        return _Stage("ended", own or _sentence_date(sent, doc) or doc._.published, True)

    def _ends_other_document(self, verb: Token, sent: Span) -> bool:
        """Whether an ending verb ends a document other than the one the sentence tells signed: its subject or
        object is a document set apart by an adjective ("the old contract"), a possessive noun ("the city's
        lease") or a partner left unnamed ("the contract with the bus company"), beside a signing verb told
        done. An ending told of the signed document itself, or of a bare "the agreement" or "it", still ends."""
        if verb.pos_ != "VERB" or not any(
                v.i != verb.i and v.pos_ == "VERB" and v.lemma_.lower() in self.signing_lemmas and not self._negated(v)
                and not self._hypothetical(v) for v in sent):
            return False
        ended = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and self._document(c)]

        def set_apart(noun: Token) -> bool:
            return any(c.dep_ == "amod" or c.dep_ == "poss" and c.pos_ != "PRON"
                       or c.dep_ == "prep" and c.lower_ == "with" and not any(w.pos_ == "PROPN" for w in c.subtree)
                       for c in noun.children)

        return bool(ended) and all(set_apart(noun) for noun in ended)

    def _ending_words(self, sent: Span) -> list[Token]:
        """The words of the sentence that end a tie ("suspended", "the termination", "expired"), but not a verb
        whose tie was renewed after it ("expired last year and was renewed on Monday"). Found once per sentence
        of the doc being read: several readings of a sentence ask."""
        known = self._endings
        if known is None:
            return self._find_ending_words(sent)
        key = (sent.start, sent.end)
        found = known.get(key)
        if found is None:
            found = known[key] = self._find_ending_words(sent)
        return list(found)

    def _find_ending_words(self, sent: Span) -> list[Token]:
        return [t for t in span_tokens(sent) if (t.lemma_.lower() in self.ended or t.lower_ in self.ended
                                    or t.pos_ == "VERB" and t.lemma_.lower() in self.ended_verbs or self._expired(t))
                and not self._renewed_after(t)]

    def _renewed_after(self, verb: Token) -> bool:
        """Whether a verb of ending is followed by a renewal of what it ended, told as done: a renewal joined
        to it after it ("was suspended in 2022 and renewed on Monday") or one it is told inside ("the agreement,
        which expired in 2019, was extended on Monday"). A revived tie takes the revival's stage."""
        def renewed(t: Token) -> bool:  # told as done: not "will not be renewed"
            return t.pos_ == "VERB" and t.lemma_.lower() in self.renewal and not self._negated(t) \
                and not any(c.dep_ in ("aux", "auxpass") and c.lower_ in self._future_or_modal for c in t.children)

        return verb.pos_ == "VERB" and (any(renewed(t) for t in verb.conjuncts if t.i > verb.i)
                                        or any(renewed(t) for t in verb.ancestors))

    def _expired(self, verb: Token) -> bool:
        """"The agreement expired in May", "has lapsed": a term run out ends the tie; "expires in 2027",
        "will lapse" tell only its term."""
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.expiry_verbs and verb.tag_ in ("VBD", "VBN") \
            and not any(c.dep_ == "aux" and c.lower_ in self._future_or_modal for c in verb.children)

    def _outside_ending(self, sent: Span, parties: list[EntityCluster], token_entity: dict[int, EntityCluster]) -> bool:
        """Whether a party is named only in a verb joined to the sentence's ending verbs, not in their own
        clauses: "the city suspended its partnership with A and signed a new agreement with B" ends
        nothing with B."""
        ending = [t for t in self._ending_words(sent) if t.pos_ == "VERB"]
        inside = {i for t in ending for i in own_clause(t)}
        joined = {u.i for t in ending for c in t.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                  for u in c.subtree}
        for party in parties:
            at = [i for i in range(sent.start, sent.end) if token_entity.get(i) is party]
            if at and all(i in joined and i not in inside for i in at):
                return True
        return False

    def _relative_to_tie(self, clause: Token) -> bool:
        """Whether a relative clause describes a tie: "the sister-city relationship with Sakai, which
        was frozen in 2020" (the clause hangs on the partner named after the tie's noun) or "the
        agreement, which was suspended"."""
        node = clause.head
        for _ in range(3):
            if self._names_tie(node.lower_):
                return True
            if node.dep_ not in ("pobj", "prep", "appos") or node.head.i == node.i:
                return False
            node = node.head
        return self._names_tie(node.lower_)

    def _names_tie(self, text: str) -> bool:
        words = set(re.findall(r"[\w-]+", text))
        return any(c in text for c in self.sister) or bool(words & (self.agreements | self.cooperation_nouns | self.tie_nouns))

    def _told_before(self, sent: Span) -> bool:
        """A sentence that names the signing only by a noun with a definite, unqualified document
        ("Speaking during the signing of the agreement, ...", "The signing of the deal comes weeks
        after ..."): the signing the article has already reported, not one between its names."""
        if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.signing_lemmas for t in span_tokens(sent)):
            return False
        for trigger in span_tokens(sent):
            if trigger.lower_ not in ("signing", "signature", "conclusion"):
                continue
            for prep in trigger.children:
                if prep.lower_ != "of":
                    continue
                for noun in prep.children:
                    if (self._document(noun) or noun.lemma_.lower() == "document") \
                            and any(c.lower_ in ("the", "this", "that") for c in noun.children) \
                            and not any(c.dep_ in ("prep", "compound", "amod") for c in noun.children):
                        return True
        return False

    def _unnamed_level(self, sent: Span) -> bool:
        """Agreements said to be between units below the states ("interregional") that the
        sentence does not name."""
        return any(self._document(t)
                   and any(c.lower_ in self.sub_state for c in t.doc[t.left_edge.i : t.i]) for t in span_tokens(sent))

    def _names_pair(self, lowered: str, pair: list[EntityCluster]) -> bool:
        """"both sides", "the two regions": a reference to a pair of that kind ("countries" are
        states, "cities" towns, "regions" regions; "sides" and "parties" anything)."""
        for phrase in self.pair_phrases:
            if phrase not in lowered:
                continue
            kinds = next((k for word, k in self.pair_kinds.items() if phrase.endswith(word)), None)
            if kinds is None or not kinds and all(p.type == "organization" for p in pair) \
                    or all(p.place is not None and p.place.kind in kinds for p in pair):
                return True
        return False

    def _list_lead(self, sent: Span, lowered: str, events: list[EventMention], all_events: list[EventMention],
                   doc: Doc) -> _Stage | None:
        """"The following documents were signed:", "The parties signed:": the stage and date its items share."""
        text = lowered.strip()
        if not (text.endswith(":") or any(p in text for p in self.list_leads)):
            return None
        if not any(t.lemma_.lower() in self.signing_lemmas for t in span_tokens(sent)):
            return None
        planned = any(e.status == "planned" for e in events) or any(
            t.lower_ in ("will", "shall") or t.lower_ == "be" and t.i > sent.start and sent.doc[t.i - 1].lower_ == "to"
            for t in span_tokens(sent))
        date = _sentence_date(sent, doc)
        if date is None and events:
            date = events[0].date
        if date is None:
            earlier = [e for e in all_events if e.type == "signing" and e.date and e.sentences[0].start < sent.start]
            date = earlier[-1].date if earlier else None
        return _Stage("planned" if planned else "signed", date, date is not None)

    def _is_list_item(self, sent: Span) -> bool:
        """A line of a list: starts on a new line with a bullet or a number ("1)", "2.")."""
        first = next((t for t in span_tokens(sent) if not t.is_space), None)
        if first is None:
            return False
        starts_line = sent.start == 0 or "\n" in sent.doc[sent.start - 1].whitespace_ or sent.doc[sent.start - 1].is_space
        if not starts_line:
            # "1. Memorandum on ...": the text after a number the parser split off as a sentence of its own
            before = sent.doc[sent.start - 1].sent
            return before[0].like_num and all(t.is_punct for t in before[1:]) and len(before) <= 3
        if first.like_num and all(t.is_punct or t.is_space for t in sent[1:]):
            return True  # the number itself
        if first.text.startswith(self.bullets):
            return True
        following = sent.doc[first.i + 1] if first.i + 1 < sent.end else None
        if first.like_num and following is not None and following.text in (")", "."):
            return True
        # a line that begins with the document itself: "Memorandum on cooperation in tourism;"
        return self._document(first)

    def _parties(self, sent: Span, token_entity: dict[int, EntityCluster], kind: str,
                 context: _ArticleContext, events: list[EventMention],
                 between_only: bool = False, intending: bool = False) -> list[tuple[str, list[EntityCluster]]]:
        """The groups of parties the sentence's tie is between; with `between_only`, only those of
        a "between" phrase ("the partnership between A and B"); with `intending`, only those who
        agree or intend and their "with" partners."""
        out: list[tuple[str, list[EntityCluster]]] = []
        for left_side, right_side, own_kind in self._with_sides(sent, token_entity, events, context):
            side_kind = own_kind or kind
            left = self._normalise(_distinct([context.town_of(c, side_kind) for c in left_side]), side_kind)
            right = self._normalise(_distinct([context.town_of(c, side_kind) for c in right_side]), side_kind)
            out += [(side_kind, [a, b]) for a in left for b in right if a is not b]
        if out:
            return out
        segments = self._between(sent, token_entity)
        if segments and not between_only and not intending and self._between_only_of_topic(sent):
            # "Air Astana and Shanghai Airlines concluded a code-sharing agreement for flights between
            # Almaty and Shanghai": the "between" says what the document is about; the subject signs it
            clauses = self._signing_subjects(sent, token_entity, kind, context, events)
            if clauses:
                return [(kind, g) for signatories in clauses
                        for g in self._groups(signatories, sent, kind, context, events, True)]
        if len(segments) > 1:
            # "between A and B, C and D": each group its own tie; "a cooperation agreement between A and
            # B and a twinning protocol between C and D": each of the kind its own document names
            kinds = self._between_kinds(sent, token_entity, kind)
            return [(k, g) for seg, k in zip(segments, kinds, strict=True)
                    for g in self._groups(seg, sent, k, context, events, True)]
        if not segments:
            hyphened = [g for lo, hi in self._hyphen_pairs(sent)
                        if len(g := _parties_in(sent.doc, lo, hi, token_entity)) == 2]
            if hyphened and between_only:
                return [(kind, g) for seg in hyphened for g in self._groups(seg, sent, kind, context, events, True)]
        if between_only and not segments:
            return []
        if not segments and self._unnamed_between(sent, token_entity):
            return []
        if not segments and not intending and self._counterparts_unnamed(sent, token_entity, events):
            return []
        if not segments and not intending:
            clauses = self._signing_subjects(sent, token_entity, kind, context, events)
            if clauses:
                # "Gori and Ganja, Zugdidi and Shaki signed ...", "signed by the mayors of A and B, C and D":
                # the subject lists pairs, each its own tie, not everyone with everyone across the border
                return [(kind, g) for signatories in clauses
                        for group in (_listed_pairs(sent, signatories, token_entity) or [signatories])
                        for g in self._groups(group, sent, kind, context, events, True)]
        if intending and not segments:
            found = self._intending_parties(sent, token_entity)
            return [(kind, g) for g in self._groups(found, sent, kind, context, events, False)] if len(found) >= 2 else []
        found = segments[0] if segments else self._sentence_parties(sent, token_entity)
        return [(kind, g) for g in self._groups(found, sent, kind, context, events, bool(segments))]

    def _groups(self, found: list[EntityCluster], sent: Span, kind: str, context: _ArticleContext,
                events: list[EventMention], between: bool) -> list[list[EntityCluster]]:
        parties = _distinct([context.town_of(c, kind) for c in found])
        parties = self._normalise(parties, kind)
        parties = [p for p in parties if not any(_namesake_of(p, q, self.cues["place_suffixes"]) for q in parties)]
        if kind == "sister_city" and not between and len(parties) >= 3:
            # "X has been a sister city of Y since 1958 and hoped the new partnership with Z would ...":
            # the twinning's own clause names its pair; another clause of the sentence is not in it
            own = self._cue_clause_parties(sent, parties, context)
            if len(own) == 2 and (self._ending_words(sent) or not _all_after_with(sent, own, context, kind)):
                # (not when both follow its "with": "celebrated 25 years of twinning with A and B" are the
                # subject's partners; an ending's partners are left to the rosters, which read its stage)
                parties = own
        if kind == "cooperation" and not _are_states(parties) and len(parties) < 2:
            # "a treaty settling the Peruvian-Chilean sea boundary": states named by their adjectives, not
            # those of a gathering or of the attendees ("in the presence of the rector of the Kyrgyz-Turkish
            # university")
            aside = self._aside(sent)[0]
            states = context.countries_named([x for e in events for x in e.extra
                                              if not _names_gathering_only(sent, x, aside)])
            if len(states) >= 2:
                parties = states
        shared = self._partners_of_one(sent, context) if kind == "sister_city" and not between else None
        if shared is not None:
            # "musicians from Munich and Krakow, both partner cities of Kyiv": each listed town with the owner
            owner, listed = shared
            return [[owner, p] for p in listed if p is not owner]
        owner = self._twins_owner(sent, context) if kind == "sister_city" and not between else None
        partners = [p for p in parties if p is not owner and not (owner is not None and _region_around(p, owner))]
        if owner is not None and partners:
            # "Rochester's sister city in Japan, Fukuchiyama", "the twin towns of Bursa include A, B and C"
            return [[owner, p] for p in partners]
        if len(parties) < 2:
            anchor = None
            if kind == "sister_city" and len(parties) == 1 and not between and sent.start not in context.headline \
                    and self._in_cue_clause(sent, parties[0], context):
                anchor = context.anchor_town(exclude=parties[0])
            return [[anchor, parties[0]]] if anchor is not None else []
        codes = [p.place.country if p.place else None for p in parties]
        if kind == "sister_city" and not between and None not in codes and len(set(codes)) == 1 \
                and not self._subject_parties(sent, parties, context, kind):
            # "the protocols signed with Üsküdar and Zeytinburnu": both with the article's town abroad;
            # not when a party is the subject that signs or approves ("The X City Council approved a
            # twinning with Y"): the sentence names both sides itself
            anchor = context.anchor_town(exclude=parties[0])
            if anchor is not None:
                return [[anchor, p] for p in parties]
        if len(parties) >= 3 and (self._joint_document(sent) or between and self._one_document_between(sent)):
            # "The mayors of A, B and C signed a joint declaration": one document of all three
            return [parties]
        if len(parties) == 2:
            # "X has sister city ties with A in Mexico and with B in Germany": the partners listed after
            # "with" are not each other's partners, whoever X is
            return [] if not between and _all_after_with(sent, parties, context, kind) else [parties]
        if between and None in codes:
            # "the Ministry of Culture of Moldova, Chisinau and Tbilisi signed ...": a body is of the state its name
            # names, and one group of signatories pairs across that border as a group of places does
            codes = [context.country_of(p) for p in parties]
        if None not in codes and len(set(codes)) == 2:
            # "Zeytinburnu and Üsküdar signed with Turkistan": pairs across the border; when the subject
            # names some of them ("X has sister city ties with A in Mexico and B in Germany"), it is one
            # side and the rest the other, and the rest are not each other's partners
            subject = self._subject_parties(sent, parties, context, kind)
            if subject and len(subject) < len(parties):
                return [[a, b] for a in subject for b in parties if b not in subject]
            return _like_with_like([[a, b] for (a, ca), (b, cb) in combinations(zip(parties, codes, strict=True), 2)
                                    if ca != cb])
        if between and len(parties) <= self.max_between_parties:
            # three or four signatories of one "between" or subject: each pair, but not a party of no known state
            # ("the Municipality of X - Y District and Z County", "X-Metropolitan Corporation X (MXC) and Y"): a
            # part or a body of another party that the parser split off, not a signatory of its own
            return [[a, b] for (a, ca), (b, cb) in combinations(zip(parties, codes, strict=True), 2)
                    if ca is not None and cb is not None]
        subject = self._subject_parties(sent, parties, context, kind, self._cue_verbs(sent)) \
            if None not in codes and len(set(codes)) > 2 and not self._ending_words(sent) else []
        if len(subject) == 1 and codes.count(context.country_of(subject[0])) == 1:
            # "Kutaisi maintains sister-city relations with Poitiers, France, and Lublin, Poland": towns of
            # three states or more, one of them the subject: its partners, not each other's (an ending's
            # partners are left to the rosters, which read its stage); the subject of a clause that holds
            # the twinning, not of one joined to it by "and"
            return [[subject[0], p] for p in parties if p is not subject[0]]
        return []

    def _subject_with_others(self, sent: Span, token_entity: dict[int, EntityCluster], kind: str,
                             context: _ArticleContext) -> list[tuple[str, list[EntityCluster]]]:
        """A sentence that tells a stage and names three parties or more, but whose structure pairs none
        of them ("A also works with B and C under a memorandum signed in 2016"): when exactly one of them is
        the subject of a verb of the clause that holds the cue, that one is a party to each of the others
        of another state. Broad on purpose: news names a tie's actor as the subject, and on
        unseen articles these pairs are right more often than the F1 they are added to."""
        found = self._normalise(_distinct([context.town_of(c, kind)
                                           for c in self._sentence_parties(sent, token_entity)]), kind)
        if len(found) < 3 or len(found) > self.max_between_parties:
            return []  # more names than a "between" phrase pairs: a list, whose structure the rosters read
        subject = self._subject_parties(sent, found, context, kind, self._stage_verbs(sent))
        if len(subject) != 1:
            return []
        home = context.country_of(subject[0])
        return [(kind, [subject[0], p]) for p in found
                if p is not subject[0] and (home is None or context.country_of(p) != home)]

    def _stage_verbs(self, sent: Span) -> set[int]:
        """The verbs whose own clause holds a tie cue of the sentence (a twinning cue, a document, a
        cooperation noun, a verb of signing or ratifying), up to a clause joined to another ("A delegation
        from A will come to B, and the committee hopes to sign a protocol with C": "hopes" and "sign", not
        "come")."""
        verbs: set[int] = set()
        cues = self._cue_tokens(sent) + [t for t in span_tokens(sent) if self._document(t) or t.lower_ in self.cooperation_nouns
                                         or t.pos_ == "VERB" and t.lemma_.lower() in self._signing_or_ratifying]
        for cue in cues:
            tok = cue
            if tok.pos_ in ("VERB", "AUX"):
                verbs.add(tok.i)
            while tok.head.i != tok.i and not (tok.dep_ in ("conj", "advcl", "parataxis") and tok.pos_ in ("VERB", "AUX")):
                tok = tok.head
                if tok.pos_ in ("VERB", "AUX"):
                    verbs.add(tok.i)
        return verbs

    def _joint_document(self, sent: Span) -> bool:
        """Whether the sentence signs one joint document ("signed a joint declaration", "a trilateral
        memorandum was signed"): a singular document, qualified as joint, that a signing verb governs."""
        for tok in span_tokens(sent):
            if tok.tag_ in ("NN", "NNP") and (tok.lower_ in self.agreements or tok.lemma_.lower() in self.agreements) \
                    and tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in self.signing_lemmas \
                    and any(c.lower_ in self.joint for c in tok.children if c.dep_ in ("amod", "compound")):
                return True
        return False

    def _one_document_between(self, sent: Span) -> bool:
        """Whether a "between" phrase of the sentence belongs to one document ("a memorandum between A,
        B and C"), not to several ("agreements between ...")."""
        return any(t.lower_ == "between" and (d := self._document_of(t)) is not None and d.tag_ in ("NN", "NNP")
                   for t in span_tokens(sent))

    def _counterparts_unnamed(self, sent: Span, token_entity: dict[int, EntityCluster],
                              events: list[EventMention]) -> bool:
        """"Entrepreneurs from Isfara and Istaravshan signed contracts with companies of the region": a
        signing whose "with" gives the other side as a plural group it does not name; the names of the
        subject are one side, not each other's partners, and the sentence pairs nobody."""
        verbs = [e.trigger for e in events if e.type == "signing" and e.trigger is not None
                 and e.trigger.pos_ == "VERB" and sent.start <= e.trigger.i < sent.end]
        for verb in verbs:
            for w in (t for t in verb.subtree if t.lower_ == "with" and t.dep_ == "prep" and _same_clause(t, verb)):
                objects = [g for g in w.children if g.dep_ == "pobj"]
                if objects and all(o.tag_ == "NNS" and o.lemma_.lower() not in self.with_manner
                                   and o.lower_ not in self.with_manner
                                   and not any(t.i in token_entity for t in o.subtree) for o in objects):
                    return True
        return False

    def _signing_subjects(self, sent: Span, token_entity: dict[int, EntityCluster], kind: str,
                          context: _ArticleContext, events: list[EventMention]) -> list[list[EntityCluster]]:
        """"A and B signed a memorandum on Thursday at C, during an expo attended by officials from D":
        when the subject of the signing verb (or the agent of a passive one, "was signed by the mayors
        of A and B") names two parties or more, they are the signatories; the sentence's other names
        say where, when or who else was there. Empty when no subject names two. A sentence that joins
        several signing clauses, each with a subject of its own ("A and B signed X, and C and D signed
        Y", "while E and F concluded Z"), gives one group of signatories per clause."""
        verbs = [e.trigger for e in events if e.type == "signing" and e.trigger is not None
                 and e.trigger.pos_ in ("VERB", "AUX") and sent.start <= e.trigger.i < sent.end]
        verb = self._signing_verb(sent)
        if verb is not None and verb not in verbs:
            verbs.append(verb)
        joined = [t for t in span_tokens(sent) if t.pos_ == "VERB" and t.lemma_.lower() in self.signing_lemmas
                  and t not in verbs and t.dep_ in ("conj", "advcl") and not self._negated(t)]
        groups: list[list[EntityCluster]] = []
        for verb in verbs + joined:
            found = self._first_signing_group(sent, token_entity, kind, context, [verb], own_subject=verb in joined)
            if found and not any({id(c) for c in found} & {id(c) for c in g} for g in groups):
                groups.append(found)
        return groups

    def _first_signing_group(self, sent: Span, token_entity: dict[int, EntityCluster], kind: str,
                             context: _ArticleContext, verbs: list[Token],
                             own_subject: bool = False) -> list[EntityCluster]:
        """The signatories the first of `verbs` with a subject naming two parties names; with
        `own_subject`, a verb without a subject of its own does not borrow its head's."""
        for verb in verbs:
            heads = [c for c in verb.children if c.dep_ == "nsubj"]
            heads += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if not heads and verb.dep_ == "conj" and not own_subject:
                heads = [c for c in verb.head.children if c.dep_ == "nsubj"]
            if not heads:
                continue
            lo = min(h.left_edge.i for h in heads)
            hi = max(h.right_edge.i for h in heads) + 1
            described = {t.i for h in heads for c in h.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
            described |= self._aside(sent)[0]  # "by the rectors of A and B in the presence of ..."
            own = {k: token_entity[k] for k in range(lo, hi) if k in token_entity and k not in described}
            found = _parties_in(sent.doc, lo, hi, own)
            if len(self._normalise(_distinct([context.town_of(c, kind) for c in found]), kind)) >= 2:
                return found
        return []

    @staticmethod
    def _subject_parties(sent: Span, parties: list[EntityCluster], context: _ArticleContext,
                         kind: str, verbs: set[int] | None = None) -> list[EntityCluster]:
        """The parties named in the subject of a verb of the sentence (of one of `verbs`, if given)."""
        wanted = {id(p) for p in parties}
        out: list[EntityCluster] = []
        for tok in span_tokens(sent):
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") \
                    and (verbs is None or tok.head.i in verbs):
                for t in tok.subtree:
                    cluster = context.token_entity.get(t.i)
                    town = context.town_of(cluster, kind) if cluster is not None else None
                    if town is not None and id(town) in wanted and town not in out:
                        out.append(town)
        return out

    def _cue_verbs(self, sent: Span) -> set[int]:
        """The verbs whose own clause holds a twinning cue of the sentence, up to a clause joined to
        another ("A delegation from A will come to B, and the committee hopes to sign a friendship protocol
        with C": "hopes" and "sign", not "come")."""
        verbs: set[int] = set()
        for cue in self._cue_tokens(sent):
            tok = cue
            while tok.head.i != tok.i and not (tok.dep_ in ("conj", "advcl", "parataxis") and tok.pos_ in ("VERB", "AUX")):
                tok = tok.head
                if tok.pos_ in ("VERB", "AUX"):
                    verbs.add(tok.i)
        return verbs

    def _with_sides(self, sent: Span, token_entity: dict[int, EntityCluster],
                    events: list[EventMention], context: _ArticleContext | None = None) -> list[_Sides]:
        """"X signed an agreement with A, B and C": the subject's parties on one side, those after
        each "with" on the other, with the kind its own document gives ("friendship city agreements
        with A, and a cooperation agreement with B"); a "between" inside a purpose clause ("to
        facilitate trade between ...") does not name the signatories."""
        verbs = [e.trigger for e in events if e.type in ("signing", "ratification") and e.trigger is not None
                 and sent.start <= e.trigger.i < sent.end]  # not the verb of an earlier report of the event
        approval = self._approved(sent)
        if approval is not None:
            verbs.insert(0, approval)
        signing = self._signing_verb(sent)
        if signing is not None and signing not in verbs:
            verbs.append(signing)  # "The company also signed a memorandum with X": a signing told with the lead's
        for verb in verbs:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects and verb.dep_ in ("conj", "xcomp"):
                subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
            # "signed a memorandum with the support of the ministry": who helped, not the other side
            # "with A on ports and with B on logistics": the second "with" is a conjunct of the first's phrase
            withs = [t for t in verb.subtree if t.lower_ == "with" and (t.dep_ == "prep" or t.dep_ == "conj"
                                                                        and t.head.pos_ == "ADP") and _same_clause(t, verb)
                     and not any(g.dep_ == "pobj" and g.lemma_.lower() in self.with_support for g in t.children)]
            if not subjects or not withs:
                continue
            towns_only = False
            if verb.lemma_.lower() in self.ratified:
                # "Lithuania's Seimas approved the agreement with Latvia": the parliament's state is the party
                left = _distinct([c for s in subjects for t in s.subtree if (c := token_entity.get(t.i)) is not None
                                  and c.place is not None and c.place.kind == "country"])
                if not left and context is not None:
                    # "The X City Council voted to approve a sister city agreement with Y": the council
                    # approves for its town
                    left = _distinct([town for s in subjects for t in s.subtree
                                      if (c := token_entity.get(t.i)) is not None and c.type == "organization"
                                      and (town := context.town_of(c)) is not c and town.type == "place"])
                if not left and context is not None:
                    home = context.home_state()
                    left = [home] if home is not None else []  # "BAKU — The Milli Majlis approved ..."
                if not left:
                    continue
            else:
                lo = min(s.left_edge.i for s in subjects)
                hi = max(s.right_edge.i for s in subjects) + 1
                # "The mayor of Kutaisi, who served as deputy mayor of Tbilisi, signed ...": a clause that
                # describes the subject names no signatory
                described = {t.i for s in subjects for c in s.subtree if c.dep_ == "relcl" for t in c.subtree}
                # "A friendship agreement with Lüneburg was signed in 1995": the partner of the document
                # that is the subject is the other side, not a signatory
                partnered = {t.i for w in withs if lo <= w.i < hi for t in w.subtree}
                own = {k: token_entity[k] for k in range(lo, hi) if k in token_entity and k not in described | partnered}
                left = _parties_in(sent.doc, lo, hi, own)  # "Edogawa-ku, Tokyo has signed": one subject
                if not left and context is not None and any(s.lower_ in self.personal_pronouns for s in subjects):
                    # "The mayor of Shymkent visited Ankara. There he signed ...": the person named last
                    holder = context.person_before(lo)
                    left = [holder] if holder is not None else []
                if not left and context is not None:
                    # "The company also signed a memorandum with the ministry": the body of that kind named last
                    # "our university signed ..." (its own site): the first body of that kind, the site's own
                    body = next((context.body_before(lo, s.lemma_.lower(), first=c.dep_ == "poss")
                                 for s in subjects if s.lemma_.lower() in self.cues["bodies_signing_for_themselves"]
                                 for c in s.children if self._story_determiner(c)), None)
                    left = [body] if body is not None else []
                if not left and context is not None:
                    # "This year the city signed a memorandum with Kitakyushu", "our city signed ..." (a town's
                    # own site): the place of that kind the story is about
                    place = next((context.place_before(lo, self.cues["definite_place_nouns"][s.lemma_.lower()])
                                  for s in subjects if s.lemma_.lower() in self.cues["definite_place_nouns"]
                                  and any(self._story_determiner(c) for c in s.children)), None)
                    agentless = any(s.dep_ == "nsubjpass" and self._document(s) for s in subjects) \
                        and not any(c.dep_ == "agent" for c in verb.children)
                    if place is None and (partnered or agentless):
                        # "A friendship agreement with Lüneburg was signed in 1995", "Five years later a similar
                        # agreement was signed with Uppsala": the town the story is about signs, when the
                        # partner is a town
                        place = context.place_before(lo, self.cues["definite_place_nouns"]["city"])
                        towns_only = place is not None
                    left = [place] if place is not None else []
            out = []
            for w in withs:
                end = _list_end(w, verb, token_entity)
                clause = next((t.i for t in sent.doc[w.i + 1:end] if t.pos_ == "VERB" or t.lower_ == "between"
                               or t.lower_ == "with" and t.i != w.i), end)
                right = _parties_in(sent.doc, w.i + 1, clause, token_entity)
                if left and not right and context is not None:
                    right = self._counterpart_place(sent, w, left, token_entity, context)
                if towns_only and not all(p.type == "place" and p.place is not None
                                          and p.place.kind in ("city", "district") for p in right):
                    continue  # "it signed a memorandum with the Port of X": "it" is no town here
                if left and right:
                    # "signed a cooperation memorandum with B": the "with" hangs on the verb, the kind on its object
                    signed = next((c for c in w.head.children if c.dep_ in ("dobj", "nsubjpass") and self._document(c)),
                                  w.head) if w.head.pos_ in ("VERB", "AUX") else self._document_around(w)
                    own_kind = self._document_kind(signed)
                    if own_kind == "cooperation" and any(self._purpose_of(t, verb) for t in verb.subtree
                                                         if t.lemma_.lower() in self.cues["twinning_purpose_lemmas"]):
                        own_kind = None  # "signed a cooperation protocol with B to become twin towns"
                    out.append((left, right, own_kind))
            if out:
                return out
        return []

    def _counterpart_place(self, sent: Span, with_: Token, left: list[EntityCluster],
                           token_entity: dict[int, EntityCluster], context: _ArticleContext) -> list[EntityCluster]:
        """"The Mayor of Plovdiv, on a visit to Izmir, signed an agreement with his Turkish counterpart":
        a counterpart holds the same office on the other side, which is the one place (not a state)
        the sentence names outside the signatory's side; empty when there is none or several."""
        if not any(g.dep_ == "pobj" and g.lemma_.lower() == "counterpart" for g in with_.children):
            return []
        own = {id(context.town_of(c, "cooperation")) for c in left}
        others = _distinct([town for k in range(sent.start, sent.end) if (c := token_entity.get(k)) is not None
                            and c.type == "place" and (town := context.town_of(c, "cooperation")) is c
                            and id(c) not in own and c.place is not None and c.place.kind != "country"
                            and not any(_region_around(c, p) for p in left)])
        return others if len(others) == 1 else []

    def _twins_described(self, sent: Span, verb: Token, token_entity: dict[int, EntityCluster],
                         context: _ArticleContext, events: list[EventMention]) -> list[list[EntityCluster]]:
        """The pair a twinning cue beside a signing names in its own clause: "Izmir, which is a sister
        city of Tashkent, signed ..." (the relative clause and the name it describes), "A has been
        twinned with B since 2009, and today the cities signed ..." (the cue's clause without the
        signing's); empty when the cue hangs on the signing itself."""
        cue = next(iter(self._cue_tokens(sent)), None)
        if cue is None:
            return []
        clause = cue
        while clause.i != verb.i and clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.i == verb.i:
            return []
        keep = {t.i for t in clause.subtree}
        if clause.is_ancestor(verb):
            keep -= {t.i for t in verb.subtree}  # "A has been twinned with B, and today they signed ..."
        if clause.dep_ == "relcl":
            keep |= {t.i for t in clause.head.subtree if t.i < clause.left_edge.i}  # the name the clause describes
        own = {k: c for k, c in token_entity.items() if k in keep}
        found = _parties_in(sent.doc, sent.start, sent.end, own)
        return self._groups(found, sent, "sister_city", context, events, False) if len(found) >= 2 else []

    def _partners_owned_unnamed(self, sent: Span, token_entity: dict[int, EntityCluster]) -> bool:
        """"Cartagena and Lorca already have partner towns in Morocco", "the districts will look for
        partner towns in the Imereti region, of which Kutaisi is the centre": a plural twinning noun that
        is had or sought (the object of a verb, or of "for") and names no partner of its own (the places
        after "in" say where they are, a relative clause describes those places): each of the subject's
        towns has or seeks partners; the names of the sentence are not each other's partners."""
        for cue in self._cue_tokens(sent):
            noun = cue
            while noun.dep_ in ("compound", "amod") and noun.head.i != noun.i and noun.head.i > noun.i:
                noun = noun.head
            if noun.tag_ != "NNS" or noun.lemma_.lower() not in self.town_nouns \
                    or not (noun.dep_ == "dobj" or noun.dep_ == "pobj" and noun.head.lower_ == "for"):
                continue
            where = {t.i for c in noun.children if c.dep_ == "relcl" for t in c.subtree}
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout")):
                # "partner towns in Sweden, Germany and Ukraine": each place listed says where they are
                for place in (p for g in prep.children if g.dep_ == "pobj" for p in (g, *g.conjuncts)):
                    where |= {place.i} | {t.i for t in place.children if t.dep_ in ("compound", "det", "amod")}
            if not any(t.i in token_entity and t.i not in where for t in noun.subtree):
                return True
        return False

    def _office_pair(self, sent: Span, context: _ArticleContext) -> list[EntityCluster] | None:
        """The places "the two mayors" / "both governors" sign for, when the subject (or agent) of the
        sentence is such a phrase: the two holders of that office named last before the sentence, each
        standing for the place or body the office is of; None unless both are known and distinct."""
        for tok in span_tokens(sent):
            if tok.tag_ != "NNS" or not (tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "pobj" and tok.head.dep_ == "agent") \
                    or not any(c.lower_ == "two" and c.dep_ == "nummod" or c.lower_ == "both" for c in tok.children):
                continue
            office = tok.lemma_.lower()
            holders = context.office_holders_before(sent.start, office, 2)
            if len(holders) != 2:
                return None
            places = _distinct([context.town_of(h, "cooperation") for h in holders])
            return places if len(places) == 2 and all(p.type != "person" for p in places) else None
        return None

    def _cue_clause_parties(self, sent: Span, parties: list[EntityCluster],
                            context: _ArticleContext) -> list[EntityCluster]:
        """The parties named in the clause of the sentence's one twinning cue, without the clauses
        coordinated with it; all the parties when the sentence has several cues."""
        clause = self._cue_clause(sent)
        if clause is None:
            return parties
        named = {id(context.town_of(c, "sister_city")) for k in clause if (c := context.token_entity.get(k)) is not None}
        return [p for p in parties if id(p) in named]

    def _in_cue_clause(self, sent: Span, party: EntityCluster, context: _ArticleContext) -> bool:
        """Whether the party is named in the clause of the sentence's one twinning cue ("Council endorses
        twinning with Ukrainian city; ties with Pskov stay frozen": Pskov is not); True when the
        sentence has no cue or several."""
        clause = self._cue_clause(sent)
        return clause is None or any((c := context.token_entity.get(k)) is not None
                                     and context.town_of(c, "sister_city") is party for k in clause)

    def _cue_clause(self, sent: Span) -> set[int] | None:
        """The tokens of the clause of the sentence's one twinning cue, without the clauses coordinated
        with it or subordinate to it ("X has been a sister city of Y since 1958 | and hoped ...", "X has
        twinning ties with Y, | while Z's partners are in China"); None when the sentence has no cue
        or several."""
        cues = self._cue_tokens(sent)
        if len(cues) != 1:
            return None
        clause = cues[0]
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        other = {t.i for c in clause.children if c.dep_ in ("conj", "advcl", "parataxis") and c.pos_ in ("VERB", "AUX")
                 for t in c.subtree}
        return {t.i for t in clause.subtree if t.i not in other}

    def _cue_tokens(self, sent: Span) -> list[Token]:
        """The tokens a twinning cue of the sentence starts at, in order (one scan of the text per cue,
        not one per token)."""
        lowered = _lower_in_place(sent.text)
        starts = {sent.start_char + at for c in self.sister for at in _occurrences(lowered, c)}
        return [t for t in span_tokens(sent) if t.idx in starts]

    def _signs_other_document(self, sent: Span, events: list[EventMention]) -> Token | None:
        """Whether the sentence's twinning cue describes the signatories ("A and B, twin cities since
        2012, signed ...", "A and B have been twinned since 1999, and today they signed ...") while
        the document they sign names a subject of its own and no twinning ("an agreement on
        cooperation in tourism", "a memorandum of cooperation"): a cooperation tie of the twins."""
        verbs = [e.trigger for e in events if e.type == "signing" and e.trigger is not None and e.trigger.pos_ == "VERB"]
        for verb in verbs:
            documents = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and self._document(c)]
            if len(documents) != 1 or not self._names_subject(documents[0]):
                continue
            document = documents[0]
            named = sent.doc[document.left_edge.i : document.right_edge.i + 1].text.lower()
            if any(c in named for c in self.sister):
                return None
            cues = self._cue_tokens(sent)
            return verb if cues and not any(self._purpose_of(t, verb) for t in cues) else None
        return None

    def _purpose_of(self, cue: Token, verb: Token) -> bool:
        """Whether a twinning cue lies in a clause of founding under the signing verb: "signed a
        cooperation memorandum to become twin towns" signs the twinning itself."""
        node = cue
        while node.i != verb.i and node.head.i != node.i:
            node = node.head
            if node.i != verb.i and node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in self.founded | self.agreed:
                return True
        return False

    def _names_subject(self, document: Token) -> bool:
        """Whether a document's name gives its subject: "a cooperation agreement", "a memorandum on
        trade", "an agreement of cooperation"; not "the agreement", "a memorandum of understanding"."""
        return any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in ("new", "bilateral")
                   or self._subject_prep(c) for c in document.children)

    def _subject_prep(self, word: Token) -> bool:
        """Whether a word after a document noun gives its subject: "on trade", "of cooperation"; not
        "of understanding" (a document type: "memorandum of understanding")."""
        return word.dep_ == "prep" and word.lower_ in self.subject_prepositions \
            and not any(g.lower_ in self.document_types for g in word.children)

    def _document_around(self, with_: Token) -> Token:
        """The noun a "with" phrase belongs to: the document it hangs on, also past the "of" of the
        document's own name ("a memorandum of understanding with B") and the phrase it is a conjunct
        of ("a memorandum with A on ports and with B on logistics"); else the word it hangs on."""
        node = with_.head
        for _ in range(_DOCUMENT_LINKS):
            if self._document(node) or node.head.i == node.i:
                return node
            node = node.head
        return with_.head

    def _document_kind(self, noun: Token) -> str | None:
        """The kind the document a "with" hangs on names: "friendship city agreements" twin, "a
        cooperation agreement" does not; None when the "with" hangs on no document."""
        if not self._document(noun):
            return None
        words = noun.doc[noun.left_edge.i : noun.i + 1].text.lower()
        return "sister_city" if any(c in words for c in self.sister) else "cooperation"

    def _between(self, sent: Span, token_entity: dict[int, EntityCluster]) -> list[list[EntityCluster]]:
        """The groups of a "between A and B" phrase, up to the end of its clause: one group, or one
        per comma-separated pairing ("between A and B, C and D"); and those of each later "between"
        of another document ("... as well as a loan agreement between C and D")."""
        found: list[list[EntityCluster]] = []
        for tok in span_tokens(sent):
            if tok.lower_ != "between" or found and self._document_of(tok) is None and not _repeated_between(tok):
                continue
            found += _between_groups(sent, tok, token_entity)
        return found

    def _between_only_of_topic(self, sent: Span) -> bool:
        """Whether every "between" of the sentence hangs on a noun that is no document ("flights
        between A and B", "the trade between ..."): a topic, not the pairing of a signature. A noun
        that names a tie ("an agreement on cooperation between A and B") pairs its parties itself."""
        betweens = [t for t in span_tokens(sent) if t.lower_ == "between"]
        documents = [t for t in span_tokens(sent) if self._document(t)]
        return bool(betweens) and all(t.head.pos_ == "NOUN" and not self._document(t.head)
                                      and (not self._names_tie(t.head.lower_) or self._relation_beside(t.head, documents))
                                      and not (t.head.head.lower_ == "of" and self._document(t.head.head.head))
                                      for t in betweens)

    @staticmethod
    def _relation_beside(noun: Token, documents: list[Token]) -> bool:
        """Whether a relation noun ("relations", "ties") stands outside every document the sentence names:
        "The mayors of A and B signed a memorandum, marking 30 years of relations between X and Y" tells
        what the signing is set in; "a protocol on the development of relations between A and B" is the
        document's own pair."""
        return bool(documents) and not any(d.i == noun.i or d.is_ancestor(noun) or noun.is_ancestor(d)
                                           for d in documents)

    def _between_kinds(self, sent: Span, token_entity: dict[int, EntityCluster], kind: str) -> list[str]:
        """The kind of each group `_between` returns: that of the document its "between" hangs on
        when several documents are named, else the sentence's."""
        out: list[str] = []
        documents = [d for t in span_tokens(sent) if t.lower_ == "between" and (d := self._document_of(t)) is not None]
        several = len({d.i for d in documents}) > 1
        found = False
        for tok in span_tokens(sent):
            if tok.lower_ != "between" or found and self._document_of(tok) is None and not _repeated_between(tok):
                continue
            groups = _between_groups(sent, tok, token_entity)
            document = self._document_of(tok)
            own = self._document_kind(document) if several and document is not None else None
            out += [own or kind] * len(groups)
            found = found or bool(groups)
        return out

    def _unnamed_between(self, sent: Span, token_entity: dict[int, EntityCluster]) -> bool:
        """Whether a document's "between" phrase names fewer than two parties ("an agreement between
        the defence ministries of the CIS states"): its parties are described, not named, and the
        other names of the sentence are not they. "Between the two countries" describes no one new: it
        is the pair the sentence's signers are."""
        return any(tok.lower_ == "between" and self._document_of(tok) is not None
                   and not _between_groups(sent, tok, token_entity) and not self._pair_phrase_after(tok)
                   for tok in span_tokens(sent))

    def _pair_phrase_after(self, between: Token) -> bool:
        """Whether a "between" phrase is a pair phrase of its own ("between the two countries",
        "between both sides")."""
        phrase = between.doc[between.i + 1 : between.right_edge.i + 1].text.lower()
        return any(phrase == p or phrase.startswith(p + " ") for p in self.pair_phrases)

    def _twinning_noun(self, tok: Token, heads: frozenset[str]) -> bool:
        """A noun of `heads` that a twinning word qualifies ("twin towns", "sister city", "partner region")."""
        return tok.lemma_.lower() in heads and any(c.lemma_.lower() in self.twinning_modifiers for c in tok.children)

    def _described_twins(self, sent: Span, token_entity: dict[int, EntityCluster], context: _ArticleContext,
                         doc: Doc) -> list[tuple[list[EntityCluster], _Stage]]:
        """Twinnings told in passing as a description of a name, each with its own founding year:
        an apposition ("Kraków, a sister city of Lviv since 1995,") or a relative clause ("Wrocław,
        with which Lviv has been twinned since 2002", "Tbilisi, with which Almaty has had a partnership
        since 2005"). The described names are each paired with the owner of their clause, not with
        one another; undated, the twinning is active."""
        out: list[tuple[list[EntityCluster], _Stage]] = []
        for tok in span_tokens(sent):
            named = token_entity.get(tok.head.i) if tok.head.i != tok.i else None
            if named is None:
                continue
            owner_token: Token | None = None
            if tok.dep_ == "appos" and self._twinning_noun(tok, self.twin_heads):
                owner_token = next((g for c in tok.children if c.lower_ == "of" for g in c.children
                                    if g.dep_ == "pobj"), None)
            elif tok.dep_ == "relcl" and any(c.lower_ == "with" and any(g.lower_ == "which" for g in c.children)
                                             for c in tok.children) \
                    and (tok.lemma_.lower() in self._founding or any(
                        c.dep_ == "dobj" and self._names_tie(c.lower_) for c in tok.children)):
                owner_token = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            owner = token_entity.get(owner_token.i) if owner_token is not None else None
            if owner is None:
                continue
            pair = _distinct([context.town_of(named, "sister_city"), context.town_of(owner, "sister_city")])
            if len(pair) == 2 and not _are_states(pair):
                date = self._own_date(tok, sent, doc)
                out.append((pair, _Stage("signed", date, True) if date else _Stage("active")))
        return out

    def _partners_of_one(self, sent: Span, context: _ArticleContext) -> tuple[EntityCluster, list[EntityCluster]] | None:
        """"A and B, both twin towns of C": a plural cue in apposition to a list of towns names their
        one owner after "of"; the partners are the towns of that list, not the other names of the sentence."""
        token_entity = context.token_entity
        for tok in span_tokens(sent):
            if tok.tag_ != "NNS" or not self._twinning_noun(tok, self.twin_town_heads):
                continue
            left = tok.left_edge.i
            if left < sent.start + 2 or sent.doc[left - 1].text != ",":
                continue  # the cue must stand after a comma, in apposition to what precedes it
            owner = next((token_entity.get(g.i) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
            holder = sent.doc[left - 2]
            listed = [token_entity.get(t.i) for t in [holder, *holder.conjuncts]]
            towns = _distinct([context.town_of(c) for c in listed if c is not None and c.type == "place"])
            if owner is not None and len(towns) >= 2:
                return context.town_of(owner), towns
        return None

    def _twins_owner(self, sent: Span, context: _ArticleContext) -> EntityCluster | None:
        """The town whose twins the sentence lists: the possessive or "of" owner of "sister
        city"/"twin towns" ("Ashgabat's twin cities", "the sister cities of Bursa")."""
        token_entity = context.token_entity
        for tok in span_tokens(sent):
            if not self._twinning_noun(tok, self.twin_heads):
                continue
            if tok.dep_ == "appos" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
                # "Tartu maintains ties with Turku and Uppsala, its partner cities": the names the cue
                # stands beside are the partners; "its" is the owner the clause is about
                owner = _clause_owner(tok.head, token_entity)
                if owner is not None:
                    return context.town_of(owner)
                continue
            if tok.dep_ in ("attr", "oprd", "appos"):
                # "Aktobe has become a twin town of A, B and C", "Aktobe, a twin town of A and B":
                # the subject is the owner, the "of" list its partners
                holder = tok.head if tok.dep_ == "appos" else next(
                    (c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                owner = token_entity.get(holder.i) if holder is not None else None
                if owner is not None:
                    return context.town_of(owner)
            for child in tok.children:
                owner = token_entity.get(child.i) if child.dep_ == "poss" else None
                if child.dep_ == "prep" and child.lower_ == "of":
                    owner = next((token_entity.get(g.i) for g in child.children if g.dep_ == "pobj"), None)
                if owner is not None:
                    return context.town_of(owner)
        return None

    def _sentence_parties(self, sent: Span, token_entity: dict[int, EntityCluster]) -> list[EntityCluster]:
        """The names of the sentence that can be parties, without those `_aside` sets apart: never
        the attendees; the names of another clause only when fewer than two remain without them."""
        every = _parties_in(sent.doc, sent.start, sent.end, token_entity)
        aside, attending = self._aside(sent)
        if not aside:
            return every
        found = _parties_in(sent.doc, sent.start, sent.end, {k: c for k, c in token_entity.items() if k not in aside})
        return found if len(found) >= 2 or attending else every

    def _aside(self, sent: Span) -> tuple[set[int], bool]:
        key = (id(sent.doc), sent.start)
        if key not in self._asides:
            self._asides[key] = self._read_aside(sent)
        return self._asides[key]

    def _read_aside(self, sent: Span) -> tuple[set[int], bool]:
        """Tokens whose names English news gives beside the signatories, and whether attendees or a
        denied tie are among them (never parties then): who attended or witnessed a signing ("The
        signing was attended by the ambassador to X", "in the presence of Y"), and a clause joined by
        "and" with a subject of its own that reports no tie ("..., and several prefectures have opened
        offices there") or denies one ("A and B are not twin cities, but ...")."""
        aside: set[int] = set()
        attending = False
        for tok in span_tokens(sent):
            if tok.dep_ == "agent" and tok.head.lemma_.lower() in self.attendance \
                    or tok.lower_ == "of" and tok.head.lower_ in self.presence:
                # to the end of the verb's phrase: the parser often hangs later attendees on the verb
                end = max(tok.right_edge.i, tok.head.right_edge.i) + 1
                rest = sent.doc[end : sent.end]
                if len(rest) and rest[0].lower_ in ("and", ",") and not any(t.pos_ in ("VERB", "AUX") for t in rest):
                    end = sent.end  # "in the presence of the ambassador ... and the rector of ...", the list goes on
                aside.update(range(tok.i, end))
                attending = True
        clauses = {t.i for t in span_tokens(sent) if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")
                   and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)}
        if clauses:
            units: dict[int, list[Token]] = {}
            for tok in span_tokens(sent):
                node = tok
                while node.i not in clauses and node.head.i != node.i:
                    node = node.head
                units.setdefault(node.i if node.i in clauses else -1, []).append(tok)
            # "A and B are not twin cities, but A has sister-city ties with C": a clause that denies a tie tells
            # none, and its names are never the other clause's parties (as attendees are not)
            denied = {k for k in units if self._negated(sent.doc[k] if k >= 0 else sent.root)}
            telling = {k for k, unit in units.items() if self._tells_tie(unit) and k not in denied}
            if telling:
                aside.update(t.i for k, unit in units.items() if k not in telling for t in unit)
                attending = attending or bool(denied)
        return aside, attending

    def _tells_tie(self, tokens: list[Token]) -> bool:
        """Whether a clause speaks of a tie: a document, a signing, a twinning cue or cooperation."""
        text = " ".join(t.lower_ for t in tokens)
        return any(self._document(t) or t.lemma_.lower() in self.signing_lemmas or t.lower_ in self.cooperation_nouns
                   or t.lemma_.lower() == "cooperate" for t in tokens) or any(c in text for c in self.sister)

    @staticmethod
    def _normalise(found: list[EntityCluster], kind: str) -> list[EntityCluster]:
        """Keep the parties a tie of this kind is between: towns for twinning, states or bodies
        otherwise. Macro-areas ("Central Asia", "the Asia-Pacific region") are never parties."""
        places = [c for c in found if c.type == "place" and (c.place is None or c.place.kind != "area")]
        if kind == "sister_city":
            return [c for c in places if c.place is None or c.place.kind in _TOWN_KINDS]
        countries = [c for c in places if c.place is not None and c.place.kind == "country"]
        below = [c for c in places if c not in countries and c.place is not None and c.place.country]
        if len(countries) >= 2 and len(below) >= 2 \
                and {c.place.country for c in below if c.place} == {c.place.country for c in countries if c.place}:
            return below  # "Kyrgyzstan and Kazakhstan: Osh and Shymkent sign ...": the states say where
        if len(countries) >= 2:
            return countries
        bodies = [c for c in found if c.type == "organization"]
        if len(bodies) >= 2:
            return bodies
        return [c for c in found if c.type == "organization" or c in places]


@dataclass
class _Listing:
    """A "…signed:" lead whose stage its list items share, and its parties when it names them."""

    stage: _Stage
    parties: list[EntityCluster]
    #: The lead names the documents ("memorandums were signed between the following:"), so an item need not.
    documents: bool = False


#: Gatherings a place name can qualify ("the Tokyo Olympics"): data/triggers.json gathering_nouns but
#: data/ties.json unqualified_gatherings.
_GATHERINGS = frozenset(triggers()["gathering_nouns"]) - frozenset(tie_cues()["unqualified_gatherings"])
#: Nouns of the territory a place lies in ("in the Mexican state of Chihuahua"): data/ties.json territory_nouns.
_TERRITORY_NOUNS = frozenset(tie_cues()["territory_nouns"])
#: Words that make a noun a twinning ("sister city", "partner town"): data/ties.json twinning_modifiers.
_TWINNING_MODIFIERS = frozenset(tie_cues()["twinning_modifiers"])
#: Words placing a town by another ("north of Tokyo"): data/ties.json direction_words.
_DIRECTIONS = frozenset(tie_cues()["direction_words"])
#: Participles saying where a body is ("the Bishkek-based association"): data/ties.json location_participles.
_LOCATION_PARTICIPLES = frozenset(tie_cues()["location_participles"])
#: Dependents that start a clause of their own, whose words an ending verb does not govern.
_OTHER_CLAUSES = {"conj", "cc", "advcl", "ccomp", "parataxis", "punct"}
#: Nouns by which a sentence points back to the visit or meeting just told ("after the talks"): data/ties.json.
_GATHERINGS_REFERRED = frozenset(tie_cues()["gatherings_referred"])
_ANNIVERSARY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\b", re.I)
#: "10 years of twinning", "25 years of partnership": the words after "of" must name a tie.
_YEARS_OF = re.compile(r"\b(\d{1,3})\s+years\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)")
#: The same with the number in words ("sixty years of twinning"): data/ties.json cardinal_words.
_WORD_YEARS_OF = re.compile(r"\b([a-z]+(?:-[a-z]+)?)\s+years\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)")


def _agency_of_dateline(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at doc[start:end] is the agency of a dateline: in capitals at the head of a
    paragraph, after the town and before the dash ("AKTOBE. KAZINFORM – The akimat ..."), or in
    brackets after the town and date, before the dash ("VILNIUS, March 4 (BNS) – The port ...")."""
    if 0 < start and end + 1 < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")" \
            and doc[end + 1].text in _DATELINE_DASHES:
        return _opens_paragraph(doc, start - 1, _DATELINE_TOKENS)
    if end <= start or end >= len(doc) or doc[end].text not in _DASHES or not doc[start:end].text.isupper():
        return False
    if _opens_paragraph(doc, start, 4):
        return True
    # "TARAZ. 12 March. KAZINFORM - ...": the town and a date before it, no lower-case word
    k = start
    while k > 0 and not ("\n" in doc[k - 1].whitespace_ or doc[k - 1].is_space) and start - k < _DATELINE_TOKENS:
        k -= 1
    return _opens_paragraph(doc, start, _DATELINE_TOKENS) and not any(t.is_lower for t in doc[k:start])


#: The dashes that join two names ("Lviv–Wroclaw") or set off an agency's dateline (punctuation.json).
_DASHES = frozenset(punctuation()["dashes"])
#: The dashes that end a dateline, and how many tokens a dateline with its date may take ("NEW DELHI, March 14, 2024").
_DATELINE_DASHES = frozenset(punctuation()["dashes"] + punctuation()["typed_dashes"])
_DATELINE_TOKENS = 10


def _opens_paragraph(doc: Doc, start: int, reach: int) -> bool:
    """Whether a paragraph begins at most `reach` tokens before token `start`."""
    k = start
    while k > 0 and not ("\n" in doc[k - 1].whitespace_ or doc[k - 1].is_space) and start - k < reach:
        k -= 1
    return k == 0 or "\n" in doc[k - 1].whitespace_ or doc[k - 1].is_space


def _lower_in_place(text: str) -> str:
    """Lower case that keeps every character where it was: "İ".lower() is two characters, which would
    shift the offsets of all that follows away from the tokens'."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower()[0] for c in text)


def _occurrences(text: str, phrase: str) -> list[int]:
    """Where `phrase` starts in `text`, each time, not overlapping (as a regex of it would find them):
    found with `str.find`, since most cues asked for are not in the sentence and a regex search per cue
    cost more than all the rest of reading the cues."""
    if not phrase:
        return list(range(len(text) + 1))
    found = []
    at = text.find(phrase)
    while at >= 0:
        found.append(at)
        at = text.find(phrase, at + len(phrase))
    return found


def _outside_names(sent: Span, doc: Doc) -> str:
    """The sentence's text without the organisations named in it: "the Tbilisi-Lyon Twinning
    Association" names a body, it reports no twinning."""
    orgs = [m for m in doc._.org_mentions or [] if sent.start <= m.start < sent.end and m.end > m.start]
    if not orgs:
        return sent.text
    inside = {i for m in orgs for i in range(m.start, m.end)}
    return "".join(t.text_with_ws if t.i not in inside else " " for t in span_tokens(sent))  # "sister-city" stays whole


def _names_gathering_only(sent: Span, state: str, aside: set[int] | frozenset[int] = frozenset()) -> bool:
    """Whether every use of a state's adjective in the sentence qualifies a gathering ("a
    Georgian-Azerbaijani business forum: chambers sign a memorandum") or stands among the
    attendees (`aside`): the states hosted or watched, they did not sign."""
    code = country_code(state)
    table = demonyms()
    every = [t for t in span_tokens(sent) if t.text[:1].isupper() and table.get(fold(t.text)) == code]
    uses = [t for t in every if t.i not in aside]
    if every and not uses:
        return True  # named only by the attendees
    if not uses:
        return False
    for tok in uses:
        head = tok.head
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i and head.head.i > head.i:
            head = head.head  # "Georgian-Azerbaijani business forum": the noun the adjectives qualify
        if head.lemma_.lower() not in _GATHERINGS and head.lower_ not in _GATHERINGS:
            return False
    return True


def _own_clause(noun: Token, sent: Span) -> Span:
    """The part of the sentence up to the first adverbial clause that follows the clause a noun stands
    in: a date in "... since the border opened in 2004" is that clause's, not the noun's."""
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else noun
    later = [c.left_edge.i for c in verb.children if c.dep_ == "advcl" and c.i > noun.i]
    return sent.doc[sent.start : min(later)] if later else sent


def _sentence_dates(sent: Span, doc: Doc) -> list[DateMention]:
    return [d for d in dates_between(doc._.dates or [], sent.start_char, sent.end_char) if d.value]


def _sentence_date(sent: Span, doc: Doc) -> str | None:
    dates = _sentence_dates(sent, doc)
    return dates[0].value if dates else None


def _list_end(with_: Token, verb: Token, token_entity: dict[int, EntityCluster] | None = None) -> int:
    """Where the list after "with" ends. The parser often hangs the later items of a long list on
    the verb or its object instead of on the first item ("signed contracts with the Port of A in X,
    the Port of B in Y, and the Port of C"): names hung on something before the "with" phrase, joined
    to it only by commas and "and", continue the list."""
    doc = verb.doc
    end = with_.right_edge.i + 1
    sent_end = verb.sent.end
    while end < sent_end and token_entity is not None:
        # "with Lyon in France and Osaka in Japan": the parser hangs the next
        # partner on the country that says where the first one is
        after = _past_country(doc, end, sent_end, token_entity)
        if after is None:
            break
        end = after
    while end < sent_end:
        k = end
        while k < sent_end and (doc[k].is_punct and doc[k].text == "," or doc[k].dep_ == "cc"):
            k += 1
        if k >= sent_end or not (doc[k - 1].text == "," or doc[k - 1].dep_ == "cc"):
            break
        root = doc[k]
        while root.head.i >= k and root.head.i != root.i:
            root = root.head
        if root.pos_ != "PROPN" or root.dep_ not in _LIST_CONTINUATIONS or root.head.i >= with_.i \
                or not _same_clause(root, verb) or root.left_edge.i < k:
            break
        end = root.right_edge.i + 1
    return end


def _past_country(doc: Doc, k: int, stop: int, token_entity: dict[int, EntityCluster]) -> int | None:
    """After "in [the] <country> and <town>" or ", <country>, and <town>" starting at k: the token
    after the town; None when the tokens there are not such a phrase."""
    if doc[k].lower_ not in ("in", ","):
        return None
    k += 1
    if k < stop and doc[k].lower_ == "the":
        k += 1
    country = token_entity.get(k)
    if country is None or country.place is None or country.place.kind != "country":
        return None
    while k < stop and token_entity.get(k) is country:
        k += 1
    while k < stop and (doc[k].text == "," or doc[k].lower_ == "and"):
        k += 1
    town = token_entity.get(k)
    if k == stop or town is None or town.place is None or town.place.kind == "country" or doc[k - 1].lower_ not in (",", "and"):
        return None
    while k < stop and token_entity.get(k) is town:
        k += 1
    return k


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
#: Dependencies the parser gives later items of a "with" list that it hangs on the verb.
_LIST_CONTINUATIONS = {"dobj", "conj", "appos", "npadvmod", "attr"}


def _same_clause(tok: Token, verb: Token) -> bool:
    """Whether `tok` hangs on `verb` with no other verb between them."""
    node = tok.head
    while node.i != verb.i:
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return True


def _level(party: EntityCluster) -> str | None:
    """"town" for a city or district, "region" for a region, None for anything else."""
    kind = party.place.kind if party.place is not None else None
    return "town" if kind in ("city", "district") else "region" if kind == "region" else None


def _like_with_like(pairs: list[list[EntityCluster]]) -> list[list[EntityCluster]]:
    """Pairs across a border, each town with towns and each region with regions when a party has
    partners of its own level: "Mangystau delegation in Azerbaijan: Aktau and Sumgait sign a twinning
    memorandum" pairs Aktau with Sumgait, not the region the delegation came from with Sumgait."""
    def has_peer(party: EntityCluster) -> bool:
        return any(party in pair and _level(pair[0]) == _level(pair[1]) is not None for pair in pairs)

    return [pair for pair in pairs if _level(pair[0]) is None or _level(pair[1]) is None
            or _level(pair[0]) == _level(pair[1]) or not has_peer(pair[0]) and not has_peer(pair[1])]


def _one_pair(ties: _Ties) -> list[EntityCluster] | None:
    """The two parties of every tie found so far, when they are all between the same two; else None."""
    keys = {key for _, key in ties}
    if len(keys) != 1 or len(next(iter(keys))) != 2:
        return None
    return next(iter(ties.values())).parties


def _without_pairs_of_joint_documents(ties: _Ties) -> _Ties:
    """"A, B and C signed a joint declaration. The declaration was signed by the mayors of A, B and C":
    a pair of the signatories of a joint document at the same kind and stage is that document again."""
    joint = [t for t in ties.values() if len(t.parties) >= 3]
    return {key: t for key, t in ties.items()
            if not (len(t.parties) == 2 and any(t.kind == j.kind and t.status == j.status and
                                                 key[1] <= frozenset(id(p) for p in j.parties) for j in joint))}


def _without_headline_shorthands(ties: list[TieMention]) -> list[TieMention]:
    """A headline names a party short ("CPA inks deal with Durban"); when the story names the same
    tie with the full party ("... with the Harbour Board of Durban"), the headline's
    reading is that tie, not another one."""
    def headline_only(tie: TieMention) -> bool:
        return all(s.start == 0 and "\n" in s.doc[s.end - 1].whitespace_ + s.doc[s.end - 1].text
                   for s in tie.sentences)

    def shortened(short: EntityCluster, full: EntityCluster) -> bool:
        # "Gyeonggi and Quang Ninh sign ..." over "... with Vietnam's Quang Ninh Province"
        return short is not full and (full.type == "organization" or full.type == short.type == "place") \
            and f" {fold(short.name)} " in f" {fold(full.name)} "

    def same(a: EntityCluster, b: EntityCluster) -> bool:
        return a is b or fold(a.name) == fold(b.name)  # the headline's "Kanagawa" and the story's

    def reads(tie: TieMention, other: TieMention) -> bool:
        """Whether the headline's tie is `other` with one party or both written short."""
        if other is tie or headline_only(other) or not len(other.parties) == len(tie.parties) == 2:
            return False
        (a, b), (c, d) = tie.parties, other.parties
        for x, y in (((a, c), (b, d)), ((a, d), (b, c))):
            if all(same(*p) or shortened(*p) for p in (x, y)) and not all(same(*p) for p in (x, y)):
                return True
        return False

    def partnered_elsewhere(tie: TieMention) -> bool:
        """"Governor and Cheongju mayor in Tashkent: province and city sign two agreements": the story
        gives each headline party a tie of its own with another partner and none between the two."""
        return len(tie.parties) == 2 and all(
            any(other is not tie and not headline_only(other) and party in other.parties
                and not all(p in other.parties for p in tie.parties) for other in ties)
            for party in tie.parties)

    return [tie for tie in ties if not (headline_only(tie) and (any(reads(tie, other) for other in ties)
                                                               or partnered_elsewhere(tie)))]


def _without_namesakes(suffixes: list[str], ties: list[TieMention]) -> list[TieMention]:
    """No tie between a place and its namesake ("Kyoto" and "Kyoto Prefecture", "Hoan Kiem" and
    "Hoan Kiem District"): news names a city and the region, or a district and the body, of the
    same name as one side; they are not each other's partners."""
    return [t for t in ties if not any(_namesake_of(a, b, suffixes) or _namesake_of(b, a, suffixes)
                                       for a, b in combinations(t.parties, 2))]


def _without_states_beside_their_own(context: _ArticleContext, ties: list[TieMention]) -> list[TieMention]:
    """No tie between a state and a body of its own, nor between a state and a town or region unless the tie's
    sentence names the state as one who acts. A body named after its state ("the Ministry of Health of
    Uzbekistan") acts for it, not with it; a state named as where a town lies ("Da Nang signed a memorandum with
    Japan's Sakai", "with Bergen, the second-largest city of Norway"), as a modifier ("the Norway office") or not
    at all says where a partner is, it is not the partner; a state that signs beside or with a region or town of
    another state ("Bavaria and Georgia signed a memorandum") is one."""
    token_entity = context.token_entity

    def level(party: EntityCluster) -> str | None:
        kind = party.place.kind if party.type == "place" and party.place is not None else None
        return "state" if kind == "country" else "below" if kind in ("city", "district", "region") else None

    def own_body(tie: TieMention) -> bool:
        states = {p.place.country for p in tie.parties if level(p) == "state" and p.place is not None}
        return len(tie.parties) == 2 and any(p.type == "organization" and context.country_of(p) in states
                                             for p in tie.parties)

    def acts(state: EntityCluster, sent: Span) -> bool:
        for token in span_tokens(sent):
            if token_entity.get(token.i) is not state or token_entity.get(token.head.i) is state:
                continue  # the head word of the state's name only
            if token.dep_ in ("compound", "poss", "amod", "nmod"):
                continue
            node, locating = token, False
            while node.head is not node and node.pos_ not in ("VERB", "AUX") and not locating:
                node = node.head  # the state's phrase hangs on a town or region of that state: where it lies
                other = token_entity.get(node.i)
                locating = other is not None and other is not state and level(other) == "below" \
                    and other.place is not None and state.place is not None and other.place.country == state.place.country
            if not locating:
                return True
        return False

    return [t for t in ties if not own_body(t)
            and ({level(p) for p in t.parties} != {"state", "below"}
                 or any(acts(p, s) for p in t.parties if level(p) == "state" for s in t.sentences))]


def _without_long_readings(ties: list[TieMention]) -> list[TieMention]:
    """One tie read twice, its partner once as a town by its name and once as a body whose name holds the
    town's ("Kutaisi" and "Kutaisi City Hall"), both paired with the same place: the body is the town's own,
    signing for it, or a name run on into the next words, and the partner is the town. Two places one inside
    the other's name ("Novgorod", "Nizhny Novgorod") are no such pair, nor a body's two partners ("Tartu" and
    "Tartu University", each with a ministry)."""
    def longer(name: EntityCluster, short: EntityCluster) -> bool:
        return name.type == "organization" and short.type == "place" \
            and f" {fold(short.name)} " in f" {fold(name.name)} "

    def read_short(tie: TieMention) -> bool:
        if len(tie.parties) != 2:
            return False
        for other in ties:
            if other is tie or other.kind != tie.kind or len(other.parties) != 2:
                continue
            for shared in tie.parties:
                if shared.type != "place" or not any(p is shared or fold(p.name) == fold(shared.name) for p in other.parties):
                    continue
                mine = next(p for p in tie.parties if p is not shared)
                theirs = [p for p in other.parties if not (p is shared or fold(p.name) == fold(shared.name))]
                if len(theirs) == 1 and longer(mine, theirs[0]):
                    return True
        return False

    return [t for t in ties if not read_short(t)]


def _without_bodies_beside_towns(context: _ArticleContext, ties: list[TieMention]) -> list[TieMention]:
    """In an article that tells no twinning, no cooperation tie of an organisation with a town or region that
    does not itself act. A ministry, university, port or company signs with a body like itself ("the University
    of Tartu signed with the Kutaisi clinic in Kutaisi"); a town beside it in the sentence is where it sits, where
    the signing took place or whom the work serves. A town that is the subject of the tie's sentence ("Antalya
    signed a protocol with the Association of Cities of Kyrgyzstan") is a party."""
    token_entity = context.token_entity

    def town(party: EntityCluster) -> bool:
        return party.type == "place" and (party.place is None or party.place.kind != "country")

    def subject(token: Token) -> bool:
        # "the municipality of Bari", "A and B": up from the name through "of" and the coordination
        while token.dep_ == "pobj" and token.head.lower_ == "of" or token.dep_ == "conj":
            token = token.head.head if token.dep_ == "pobj" else token.head
        return token.dep_ in ("nsubj", "nsubjpass")

    def acts(party: EntityCluster, sent: Span) -> bool:
        return any(token_entity.get(t.i) is party and token_entity.get(t.head.i) is not party and subject(t)
                   for t in sent)

    return [t for t in ties if not (t.kind == "cooperation" and len(t.parties) == 2
                                    and any(p.type == "organization" for p in t.parties)
                                    and any(town(p) and not any(acts(p, s) for s in t.sentences) for p in t.parties))]


def _namesake_of(short: EntityCluster, full: EntityCluster, suffixes: list[str]) -> bool:
    """Whether `full` is the place `short` names with a word of its kind added ("Quang Ninh" →
    "Quang Ninh Province"): in one list of parties, the one side named twice."""
    return short.type == full.type == "place" and short is not full \
        and any(fold(full.name) == fold(short.name) + suffix for suffix in suffixes)


def _counted_or_listed(noun: Token, sent: Span, context: _ArticleContext) -> bool:
    """Whether an irregular plural is a package: counted ("three memoranda") or the lead of a list
    ("The following memoranda were signed:"); bare "signed memoranda on trade" may be the states' own."""
    return any(c.dep_ == "nummod" or c.like_num for c in noun.children) \
        or any(lead in sent.text.lower() for lead in context.cues["list_leads"])


def _without_package_states(ties: list[TieMention], context: _ArticleContext) -> list[TieMention]:
    """A package of documents between ministries, regions or towns of two states gives those
    body-to-body ties and no state-level tie ("Georgia and Armenia sign three documents")."""
    out = []
    for tie in ties:
        if tie.kind == "cooperation" and _are_states(tie.parties):
            states = {p.place.country for p in tie.parties if p.place is not None}
            below = [t for t in ties if t is not tie
                     and not any(p.place is not None and p.place.kind == "country" for p in t.parties)
                     and {context.country_of(p) for p in t.parties} == states]
            package = all(any(t.tag_ == "NNS" and (t.lemma_.lower() in context.cues["package_nouns"])
                              or t.lower_ in context.cues["package_plurals"] and _counted_or_listed(t, sent, context)
                              for t in span_tokens(sent))
                          for sent in tie.sentences)
            if below and package:
                continue
        out.append(tie)
    return out


#: "<body> of the City of X": a body of the town X (unless data/ties.json bodies_signing_for_themselves).
_OF_THE_TOWN = re.compile(r"^(?:the )?(.+?) of (?:the )?(city|town|municipality|village) of (?:the )?(.+)$")
#: A town named only inside a body's name, in a country the article does not name, is taken from the
#: gazetteer only when at least this large ("the City Hall of Lyon"); smaller namesakes are too many.
_KNOWN_TOWN_POPULATION = 100_000
#: How many sentences naming nobody new keep the pair named before in view ("The sides discussed
#: trade. Then the parties signed a memorandum.").
_PAIR_MEMORY = 3
#: Prepositions that end a "between A and B" phrase once it has two parties ("... with a ceremony in Sarajevo").
_CLAUSE_PREPOSITIONS = frozenset(tie_cues()["clause_prepositions"])
#: What stands right before a "between" that repeats one for another pairing ("..., as well as between C and D").
_BETWEEN_JOINERS = frozenset(tie_cues()["between_joiners"])
#: Prepositions of a destination or purpose on a noun ("flights to", "visas for"): what they govern is not the noun.
_DESTINATION_PREPOSITIONS = frozenset(tie_cues()["destination_prepositions"])
#: What joins a place to the territory it lies in ("Kazan, Tatarstan"); lemmas of a journey ("the visit of X to
#: Armenia"); nouns of the parts of a place ("the capital of Tatarstan"): data/ties.json.
_CONTAINER_GLUE = frozenset(tie_cues()["container_glue"])
_JOURNEYS = frozenset(tie_cues()["journeys"])
#: "Government of the Republic of Latvia", "... of the Socialist Republic of Vietnam", "... of the Kingdom of
#: Thailand": the state is the name after the form of state.
_GOVERNMENT_OF = re.compile(r"^(?:the\s+)?(?:Government|Cabinet of Ministers|Council of Ministers)\s+of\s+(?:the\s+)?"
                            r"(?:(?:[\w'’-]+\s+){0,3}?(?:Republic|Kingdom|Federation|Commonwealth|Confederation|State|"
                            r"Sultanate|Principality|Emirate)\s+of\s+(?:the\s+)?)?(.+)$", re.I)
_PARTS_OF_PLACES = frozenset(tie_cues()["parts_of_places"])
#: "Vakhitovsky district of Kazan": nouns of a part of a city, whose city is no party
_CITY_PARTS = frozenset(tie_cues()["city_part_nouns"])
#: Plural nouns of those who speak for the place they come from ("a delegation from X", "officials from X"):
#: data/ties.json place_representatives.
_PLACE_REPRESENTATIVES = frozenset(tie_cues()["place_representatives"])


def _all_after_with(sent: Span, parties: list[EntityCluster], context: _ArticleContext, kind: str) -> bool:
    """Whether every party is named inside a "with" phrase of the sentence (the partners of someone else)."""
    def after_with(i: int) -> bool:
        node = sent.doc[i]
        while node.head.i != node.i:
            node = node.head
            if node.lower_ == "with" and node.dep_ == "prep":
                return True
        return False

    for party in parties:
        at = [i for i in range(sent.start, sent.end)
              if (c := context.token_entity.get(i)) is not None and context.town_of(c, kind) is party]
        if not at or not all(after_with(i) for i in at):
            return False
    return True


def _partners_unnamed(sent: Span, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether the sentence's relations go "with" partners it only counts or describes ("ties with
    26 cities around the world", "with many towns in Europe") and names none after any "with"."""
    withs = [t for t in span_tokens(sent) if t.lower_ == "with" and t.dep_ == "prep"]
    counted = False
    for w in withs:
        objects = [c for c in w.children if c.dep_ == "pobj"]
        if any(t.i in token_entity for o in objects for t in o.subtree):
            return False
        counted = counted or any(o.tag_ == "NNS" and any(c.dep_ in ("nummod", "amod", "det") for c in o.children)
                                 for o in objects)
    return counted


def _between_one_named(sent: Span, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether a "between" phrase of the sentence names one party and describes the other ("cooperation
    between Samarkand region and Japanese prefectures"): the sentence says itself whom it is about, and
    it is not the pair named before ("between the two countries" names none and may mean that pair)."""
    return any(tok.lower_ == "between" and len(_parties_in(sent.doc, tok.i + 1, tok.right_edge.i + 1, token_entity)) == 1
               for tok in span_tokens(sent))


def without_destinations(tok: Token) -> list[Token]:
    """The words of `tok`'s phrase without a "to"/"for"/"from" phrase hanging on a noun: "suspended
    direct flights to its partner cities" suspends the flights, not the twinning the destination names."""
    out: list[Token] = [tok]
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in _DESTINATION_PREPOSITIONS and tok.pos_ == "NOUN":
            continue
        out += without_destinations(child)
    return out


def own_clause(verb: Token) -> list[int]:
    """The token positions of `verb`'s phrase without the verbs joined to it ("suspended X and signed
    with Y": the signing and its objects are not suspended)."""
    out = [verb.i]
    for child in verb.children:
        if not (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
            out += [t.i for t in child.subtree]
    return out


def _each_since(stage: _Stage, parties: list[EntityCluster], sent: Span,
                token_entity: dict[int, EntityCluster]) -> _Stage:
    """"Almaty has been a sister city of Urumqi since 1993 and of Bishkek since 1998": when a sentence
    dates several partners with a "since" each, a pair's date is that of the "since" right after its
    partner (no other name between), or the partner of a "with" right after its year, not the
    sentence's first."""
    if stage.status != "signed" or not stage.explicit:
        return stage
    since = [t for t in span_tokens(sent) if t.lower_ == "since" and t.i + 1 < sent.end and t.nbor(1).like_num]
    if len(since) < 2:
        return stage
    wanted = {id(p) for p in parties}
    for tok in since:
        # "twinned since 1995 with Krakow and since 2002 with Wroclaw": the "with" after the year names the partner
        after = tok.i + 2 < sent.end and tok.nbor(2).lower_ == "with"
        before = next((token_entity[k] for k in range(tok.i + 3, min(tok.i + 6, sent.end)) if k in token_entity), None) \
            if after else next((token_entity[k] for k in range(tok.i - 1, sent.start - 1, -1) if k in token_entity), None)
        if before is not None and id(before) in wanted and len(tok.nbor(1).text) == 4:
            return _Stage(stage.status, tok.nbor(1).text, True, stage.generic, stage.between_only, stage.intending)
    return stage


def _repeated_between(tok: Token) -> bool:
    """"... were signed between A and B, and between C and D", "between A and B, between C and D": a
    "between" the prose repeats after "and" or a comma for another pairing of the same documents (parsed
    as a conjunct of the first)."""
    return tok.dep_ == "conj" and tok.head.lower_ == "between" or \
        any(tok.doc[max(tok.sent.start, tok.i - n):tok.i].text.lower() in _BETWEEN_JOINERS for n in (1, 2, 3)) and any(
            t.lower_ == "between" for t in tok.doc[max(tok.sent.start, tok.i - 40):tok.i])


def _listed_pairs(sent: Span, signatories: list[EntityCluster],
                  token_entity: dict[int, EntityCluster]) -> list[list[EntityCluster]]:
    """The pairs of signatories written pair by pair ("A and B, C and D, and E and F"): two pairs
    or more of places or bodies, the two of a pair joined by "and", the pairs by a comma; empty when
    the signatories are not written so ("the mayors of A, B and C", "the akim of A, X, and the
    governor of B, Y")."""
    if len(signatories) < 4 or len(signatories) % 2 or any(c.type not in ("place", "organization") for c in signatories):
        return []
    wanted = {id(c) for c in signatories}
    order: list[EntityCluster] = []
    gaps: list[str] = []
    gap: list[str] = []
    for k in range(sent.start, sent.end):
        cluster = token_entity.get(k)
        if cluster is not None and id(cluster) in wanted:
            if not order or cluster is not order[-1]:
                order.append(cluster)
                gaps.append(" ".join(gap))
            gap = []
        elif order:
            gap.append(sent.doc[k].lower_)
        if len(order) == len(signatories) and cluster is None:
            break
    if len(order) != len(signatories):
        return []
    pairs = [order[i : i + 2] for i in range(0, len(order), 2)]
    joined = all(re.fullmatch(_PAIR_JOINT, gaps[i]) for i in range(1, len(order), 2))
    listed = all(re.fullmatch(_PAIR_SEPARATOR, gaps[i]) for i in range(2, len(order), 2))
    return pairs if joined and listed else []


#: What joins the two of a pair ("A and B", "A and the B"), and what separates the pairs of a list ("A and B, C and D,
#: and E and F", "..., as well as E and F")
_PAIR_JOINT = r"(?:the )?and(?: the)?"
_PAIR_SEPARATOR = r"(?:the )?,(?: and| as well as)?(?: the)?"


def _between_groups(sent: Span, tok: Token, token_entity: dict[int, EntityCluster]) -> list[list[EntityCluster]]:
    """The groups of the "between" phrase at `tok`: one, or one per comma-separated pairing."""
    groups: list[list[EntityCluster]] = []
    start = stop = tok.i + 1
    count = 0
    last = None
    while stop <= sent.end:
        t = sent.doc[stop] if stop < sent.end else None
        if t is not None and t.lower_ == "between":
            break  # "..., a memorandum between C and D": the pairing of another document
        boundary = t is None or t.pos_ in ("VERB", "AUX") or t.text in (";", ".") or \
            count >= 2 and (t.text == "," or t.lower_ in _CLAUSE_PREPOSITIONS)
        if boundary:
            group = _parties_in(sent.doc, start, stop, token_entity)
            if len(group) < 2 or (groups and len(group) != 2):
                break
            groups.append(group)
            if t is None or t.text != ",":
                break
            start = stop + 1
            count = 0
            last = None
        else:
            cluster = token_entity.get(stop)
            if cluster is not None and cluster is not last:
                count += 1
                last = cluster
        stop += 1
    return groups


def _parties_in(doc: Doc, start: int, end: int, token_entity: dict[int, EntityCluster],
                visits: bool = False) -> list[EntityCluster]:
    """Entities named in doc[start:end] that can be parties: not the container of the name before
    them ("Karatay (Konya)", "Honolulu, USA", "Municipality of Kazakhstan"), not only the venue
    ("signed ... in Tashkent")."""
    out: list[EntityCluster] = []
    previous: EntityCluster | None = None
    previous_end = -1
    origins = False  # in a list of places others come from ("companies from A, B and C")
    k = start
    while k < end:
        cluster = token_entity.get(k)
        if cluster is None:
            k += 1
            continue
        glue = doc[k - 1].text.lower() if k > 0 else ""
        #: the word before the glue: "capital" in "the capital of Tatarstan" and "the capital of the Tatar region"
        before_glue = doc[k - 2].lower_ if k > 1 else ""
        if glue == "the" and k > 1 and doc[k - 2].lower_ == "of":
            glue = "of"
            before_glue = doc[k - 3].lower_ if k > 2 else ""
        if glue == "of" and before_glue in _PARTS_OF_PLACES \
                and not _listed_on(doc, k, end, cluster, token_entity) \
                and not _part_of_larger_town(doc, k, cluster, token_entity):
            # "one of the important districts of Konya": the place that contains the party;
            # "the cities of Samarkand and Khiva" are the cities themselves
            previous = cluster
            while k < end and token_entity.get(k) is cluster:
                k += 1
            previous_end = k
            continue
        if cluster.type == "place" and _opens_body_name(doc, k, end, cluster, token_entity):
            # "Samarkand State University": the town opens the body's name, the body is the party
            while k < end and token_entity.get(k) is cluster:
                k += 1
            continue
        if cluster.type == "place" and _based_in(doc, k, end, cluster, token_entity):
            # "the Bishkek-based Association of Cities": where the body is, not a party
            while k < end and token_entity.get(k) is cluster:
                k += 1
            previous_end = k
            continue
        if cluster.type == "place" and _describes_body(doc, k, end, cluster, token_entity):
            # "the Tashkent firm X", "X, a Seoul lender": where the body is, not a party
            while k < end and token_entity.get(k) is cluster:
                k += 1
            previous_end = k
            continue
        if cluster.type == "place" and _names_a_gathering(doc, k, cluster, token_entity):
            # "the Tokyo Olympic Games", "the Tashkent forum": where a gathering is, not a party
            while k < end and token_entity.get(k) is cluster:
                k += 1
            previous_end = k
            continue
        if cluster.type == "place" and _city_around_part(doc, k, end, cluster, token_entity):
            # "the Gdańsk district of Oliwa": the city the party lies in
            while k < end and token_entity.get(k) is cluster:
                k += 1
            previous_end = k
            continue
        if cluster.type == "place" and _possessive_before(doc, k, end, cluster, token_entity):
            # "Kazakhstan's Kostanay region", "Osaka's Kita Ward": the container, not a party;
            # "in Uzbekistan's Tashkent": the venue stays a venue
            in_venue = glue in ("in", "at") or glue == "the" and k > 1 and doc[k - 2].lower_ in ("in", "at")
            while k < end and token_entity.get(k) is cluster:
                k += 1
            if in_venue:
                k += 1
                venue_of = token_entity.get(k)
                while k < end and venue_of is not None and token_entity.get(k) is venue_of:
                    k += 1
            continue
        abroad = previous is not None and previous.place is not None and cluster.place is not None \
            and previous.place.country and cluster.place.country and previous.place.country != cluster.place.country
        # the glue must follow the previous name itself: "the state of Texas" is no container of Sindh
        # "Representatives of Jeonju and of North Jeolla Province": the "of" opens another name of the list
        adjacent = previous_end in (k - 1, k - 2) and not (k > 1 and doc[k - 2].lower_ in ("and", "or"))
        container = previous is not None and previous is not cluster and glue in _CONTAINER_GLUE and not abroad \
            and adjacent and (
            cluster.type == "place" and previous.type in ("place", "organization")
            and (glue == "(" or cluster.place is not None and cluster.place.kind in ("country", "region")
                 and not (previous.place is not None and previous.place.kind == "country")
                 # "Edogawa Ward, Tokyo": the city a ward or district lies in
                 or glue == "," and cluster.place is not None and cluster.place.kind == "city"
                 and previous.type == "place" and (previous.place is None or previous.place.kind == "district"
                                                   or _larger_city_after_comma(doc, k, end, previous, cluster, token_entity)))
            # "the Agency of the Ministry of ...": the parent body is not a party
            or cluster.type == "organization" and previous.type == "organization" and glue == "of"
            # "the Botanica District of Chisinau": the town a district lies in
            or glue == "of" and previous.place is not None and previous.place.kind == "district"
            and cluster.place is not None and cluster.place.kind == "city")
        # "signed ... in Tashkent", "during his visit to Tokyo": where, not with whom
        origin = glue == "from" and cluster.place is not None and cluster.place.kind == "country" \
            and previous is not None and previous.type in ("place", "organization")  # "Buzau County from Romania"
        # "companies from Batumi and Samarkand signed contracts": where those who act come from, not a party
        # that acts; a delegation or officials from a place speak for it
        from_others = glue == "from" and cluster.type == "place" and k > 1 and doc[k - 2].tag_ == "NNS" \
            and doc[k - 2].lemma_.lower() not in _PLACE_REPRESENTATIVES
        origins = from_others or origins and glue in (",", "and") and adjacent and cluster.type == "place"
        origin = origin or origins
        journey = not visits and glue == "to" and (k > 1 and doc[k - 2].lemma_.lower() in _JOURNEYS
                                                   or doc[k - 1].head.lemma_.lower() in _JOURNEYS)  # "the visit of X to Armenia"
        aside = not visits and _visited_aside(doc, k, end, cluster, token_entity)
        # "a city in the Mexican state of Chihuahua": the territory a place lies in, not a party
        # "Moriya, a city in Ibaraki Prefecture, north of Tokyo": where a place lies, not a party
        direction = glue == "of" and before_glue in _DIRECTIONS or glue == "near"
        within = glue == "of" and before_glue in _TERRITORY_NOUNS \
            and any(t.lower_ in ("in", "at") for t in doc[max(0, k - 6) : k - 2])
        venue = origin or journey or aside or within or direction or glue in ("in", "at") \
            or glue == "the" and k > 1 and doc[k - 2].lower_ in ("in", "at") \
            or _in_described_part(doc, k, end, cluster, token_entity)  # "in the Busan district", "in western Seoul"
        if not container and not venue and cluster is not previous and cluster not in out:
            out.append(cluster)
        previous = cluster
        while k < end and token_entity.get(k) is cluster:
            k += 1
        previous_end = k
    return out


#: How many lower-case words may say which part of a place "in" names ("in western Seoul", "in the far north of").
_PART_WORDS = 3


def _in_described_part(doc: Doc, k: int, end: int, cluster: EntityCluster, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether the place at k is the object of "in" or "at" with only lower-case words between, which say
    what part of it is meant: "Mapo-gu, a ward in western Seoul, signed ...", "a firm in southern Almaty"
    (where something lies or happens, as "in Seoul" is; not a party)."""
    j = k
    while j < end and token_entity.get(j) is cluster:
        j += 1
    span_head = next((t for t in doc[k:j] if not k <= t.head.i < j), None)
    if span_head is None or span_head.dep_ != "pobj" or span_head.head.lower_ not in ("in", "at"):
        return False
    between = doc[span_head.head.i + 1 : k]
    return 0 < len(between) <= _PART_WORDS and all(
        (t.is_lower or t.text in _DASHES) and t.i not in token_entity for t in between)


def _present_perfect(verb: Token) -> bool:
    """Whether a verb is in the present perfect ("has signed", "have agreed")."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _clause_owner(named: Token, token_entity: dict[int, EntityCluster]) -> EntityCluster | None:
    """What a clause is about, seen from a name inside it: the subject of its verb ("The city of
    Tartu maintains ties with Turku"), or the name a relative clause describes ("Tartu, which
    maintains ties with Turku"); None when neither names an entity."""
    verb = named
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ == "relcl":
        subjects = [verb.head]
    else:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((token_entity[t.i] for s in subjects for t in s.subtree if t.i in token_entity), None)


def _region_around(region: EntityCluster, town: EntityCluster) -> bool:
    """Whether `region` is a region of the town's own country ("ROCHESTER, Minnesota — Rochester's
    sister city ..."): where the town lies, not one of its twin towns."""
    return region.place is not None and town.place is not None and region.place.kind == "region" \
        and town.place.kind in ("city", "district") and region.place.country == town.place.country is not None


def _date_of_gathering_referred(sent: Span, events: list[EventMention]) -> str | None:
    """"At the end of the meeting, a memorandum was signed.", "Following the talks, ...": a
    sentence that opens by pointing back to the visit or meeting just told is dated by it."""
    opening = {t.lemma_.lower() for t in sent[: min(len(sent), 8)]}
    if not opening & _GATHERINGS_REFERRED:
        return None
    earlier = [e for e in events if e.type in ("visit", "meeting") and e.date and e.sentences
               and e.sentences[0].start < sent.start]
    return earlier[-1].date if earlier else None


def _without_qualifying_states(named: list[EntityCluster]) -> list[EntityCluster]:
    """The names without the states that only say where the others are ("the Governor of Lori
    Province, Armenia, visited Georgia's Kvemo Kartli region")."""
    inner = {c.place.country for c in named if c.place is not None and c.place.kind != "country" and c.place.country}
    return [c for c in named if not (c.place is not None and c.place.kind == "country" and c.place.country in inner)]


def _paired_with(sent: Span, token_entity: dict[int, EntityCluster]) -> tuple[list[list[EntityCluster]], Token | None]:
    """The pairs of a list "A with B, C with D and E with F" that makes up the sentence (after an
    opener such as "For example,"): each pair is written with "with", the pairs are joined by commas
    and "and", and nothing else stands between them; the first pair may carry the verb the others
    share ("A signed with B, C with D"), returned beside the pairs. Fewer than two pairs: none."""
    doc = sent.doc
    pairs: list[list[EntityCluster]] = []
    verb: Token | None = None
    k = sent.start
    while k < sent.end and token_entity.get(k) is None:
        k += 1  # "For example, ..."
    while k < sent.end:
        first = token_entity.get(k)
        if first is None:
            break
        while k < sent.end and token_entity.get(k) is first:
            k += 1
        if not pairs and k < sent.end and doc[k].pos_ == "VERB" and doc[k].dep_ == "ROOT":
            verb = doc[k]  # "Kadıköy signed with Nasimi, Üsküdar with Khatai": the verb the pairs share
            k += 1
        if k + 1 >= sent.end or doc[k].lower_ != "with" or token_entity.get(k + 1) is None:
            break
        second = token_entity[k + 1]
        k += 1
        while k < sent.end and token_entity.get(k) is second:
            k += 1
        pairs.append([first, second])
        while k < sent.end and (doc[k].text == "," or doc[k].lower_ == "and"):
            k += 1
        if k < sent.end and doc[k].is_punct and doc[k].text in (".", "!", ";"):
            k = sent.end
    complete = k >= sent.end or all(t.is_punct or t.is_space for t in doc[k : sent.end])
    return (pairs, verb) if len(pairs) >= 2 and complete else ([], None)


def _visited_aside(doc: Doc, k: int, end: int, cluster: EntityCluster, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether the place at k is what someone visited in a clause beside the report ("signed in
    July, when the governor visited Kazan"): where it happened, not a party."""
    if cluster.type != "place":
        return False
    j = k
    while j < end and token_entity.get(j) is cluster:
        j += 1
    root = doc[j - 1]
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "who visited Tallinn and Vilnius": each place of the list was visited
    verb = root.head
    return root.dep_ == "dobj" and verb.lemma_.lower() in _JOURNEYS and verb.dep_ in ("advcl", "relcl", "acl", "pcomp")


def _listed_on(doc: Doc, k: int, end: int, cluster: EntityCluster, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether the entity at k is followed by "and" or a comma and another entity: a list."""
    j = k
    while j < end and token_entity.get(j) is cluster:
        j += 1
    return j + 1 < end and doc[j].lower_ in (",", "and") and token_entity.get(j + 1) not in (None, cluster)


def _larger_city_after_comma(doc: Doc, k: int, end: int, town: EntityCluster, city: EntityCluster,
                             token_entity: dict[int, EntityCluster]) -> bool:
    """"Sherbrooke, Quebec", "Edogawa-ku, Tokyo": a larger city of the same country written after a
    town is where the town lies, unless a list goes on ("Kostanay, Pavlodar and Almaty")."""
    if town.place is None or city.place is None or town.place.country != city.place.country \
            or town.place.kind == "country":
        return False  # "in Japan, Fukuchiyama": a town after its country is no container of it
    if city.place.population <= town.place.population:
        return False
    j = k
    while j < end and token_entity.get(j) is city:
        j += 1
    if j + 1 < end and doc[j].lower_ in (",", "and"):
        after = token_entity.get(j + 1)
        if after is not None and after.place is not None and after.place.country == city.place.country:
            return False
    return True


def _opens_body_name(doc: Doc, k: int, end: int, cluster: EntityCluster, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether the place at token k is the first word(s) of the organisation named right after it
    ("Samarkand" in "Samarkand State University")."""
    j = k
    while j < end and token_entity.get(j) is cluster:
        j += 1
    body = token_entity.get(j) if j < end else None
    return body is not None and body.type == "organization" and fold(body.name).startswith(fold(doc[k:j].text) + " ")


def _based_in(doc: Doc, k: int, end: int, cluster: EntityCluster, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether the place at k says where a body is: "the Bishkek-based association", "a Tokyo-headquartered firm"."""
    j = k
    while j < end and token_entity.get(j) is cluster:
        j += 1
    return j + 1 < len(doc) and doc[j].text in ("-", "‐", "–") and doc[j + 1].lower_ in _LOCATION_PARTICIPLES


def _describes_body(doc: Doc, k: int, end: int, cluster: EntityCluster, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether the place at k qualifies a common noun that describes a named body: "the Tashkent firm
    Uzbekistan Airways Technics", "Woori Bank, a Seoul lender" (where the body is, not a party)."""
    j = k
    while j < end and token_entity.get(j) is cluster:
        j += 1
    last = doc[j - 1]
    noun = last.head
    if last.dep_ not in ("compound", "amod", "nmod") or noun.i < j or noun.i in token_entity \
            or noun.pos_ not in ("NOUN", "PROPN") or not noun.text.islower():
        return False

    def body(tok: Token) -> bool:
        return (c := token_entity.get(tok.i)) is not None and c.type == "organization"

    return noun.dep_ in ("compound", "appos") and body(noun.head) \
        or any(c.dep_ in ("compound", "appos") and body(c) for c in noun.children)


def _names_a_gathering(doc: Doc, k: int, cluster: EntityCluster, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether the place at k modifies the name of a gathering ("the Tokyo Olympic Games")."""
    j = k
    while j < len(doc) and token_entity.get(j) is cluster:
        j += 1
    last = doc[j - 1]
    head = last
    # "the Kazakhstan-Azerbaijan interregional forum": through the other names qualifying the same noun
    while head.dep_ in ("compound", "amod", "nmod", "npadvmod") and head.head.i > head.i:
        head = head.head
    if head is last or token_entity.get(head.i) is not None:
        return False
    return head.lemma_.lower() in _GATHERINGS or head.lower_ in _GATHERINGS


def _city_around_part(doc: Doc, k: int, end: int, cluster: EntityCluster, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether the city at k names the city around a part of it named after it, "the <A> district
    of <B>", when B is a district or a smaller town ("the Gdańsk district of Oliwa")."""
    if cluster.place is None or cluster.place.kind != "city":
        return False
    j = k
    while j < end and token_entity.get(j) is cluster:
        j += 1
    if j + 2 < end and doc[j].lower_ in _CITY_PARTS and doc[j + 1].lower_ == "of":
        j += 3 if doc[j + 2].lower_ == "the" else 2
        part = token_entity.get(j) if j < end else None
        # "the Chust district of Namangan region": a region after "of" is the territory around, not a part
        return part is not None and part.place is not None and part.place.kind in ("city", "district") \
            and _larger_city(cluster, part)
    return False


def _part_of_larger_town(doc: Doc, k: int, cluster: EntityCluster, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether the town at k, after "<A> district of", is that part of a larger town A ("the Gdańsk district
    of Oliwa"), not the town around A ("the Yesil district of Astana")."""
    at = k - 2 if doc[k - 1].lower_ == "the" else k - 1
    if at < 2 or doc[at - 1].lower_ not in _CITY_PARTS or not doc[at - 2].text[:1].isupper():
        return False
    before = token_entity.get(at - 2)
    if before is not None:
        return before.type == "place" and _larger_city(before, cluster)
    known = default_gazetteer().lookup(doc[at - 2].text)
    return known is not None and known.kind == "city" and cluster.place is not None \
        and known.population > cluster.place.population > 0


def _larger_city(city: EntityCluster, other: EntityCluster) -> bool:
    """Whether `city` is a city larger than `other`, a district or a smaller town (or no place known)."""
    if city.place is None or city.place.kind != "city":
        return False
    if other.place is None or other.place.kind != "city":
        return other.place is None or other.place.kind == "district"
    return city.place.population > other.place.population > 0


#: How many lower-case words may say what a place's possessive names ("Kazakhstan's national railway company KTZ").
_DESCRIBING_WORDS = 3


def _possessive_before(doc: Doc, k: int, end: int, cluster: EntityCluster, token_entity: dict[int, EntityCluster]) -> bool:
    """Whether the place at k is written as the possessive of another entity named right after it,
    or after common nouns saying what that entity is to it ("Turkistan's neighbour Shymkent", "Osaka's
    port city Sakai", "Kazakhstan's national railway company KTZ"); not a twinning noun, which names a tie
    ("Rochester's sister city Fukuchiyama")."""
    j = k
    while j < end and token_entity.get(j) is cluster:
        j += 1
    if j + 1 >= end or doc[j].lower_ not in ("'s", "’s", "'"):
        return False
    j += 1
    described = 0
    while described < _DESCRIBING_WORDS and j < end and token_entity.get(j) is None and doc[j].is_lower \
            and doc[j].tag_ in ("NN", "JJ") \
            and doc[j].lemma_.lower() not in _TWINNING_MODIFIERS:
        j += 1
        described += 1
    after = token_entity.get(j) if j < end else None
    return after is not None and after is not cluster and after.type in ("place", "organization")


class _ArticleContext:
    """What the whole article says about its parties: which town a municipality stands for,
    which town and which countries it is mostly about."""

    def __init__(self, entities: list[EntityCluster], headline: set[int] | frozenset[int] = frozenset(),
                 token_entity: dict[int, EntityCluster] | None = None, cues: dict[str, Any] | None = None,
                 doc: Doc | None = None):
        self.entities = entities
        self.doc = doc
        self.cues = cues if cues is not None else tie_cues()
        self._heads_longest_first = sorted((fold(head).replace("’", "'").split()
                                            for head in self.cues["territory_body_heads"]), key=len, reverse=True)
        self._person_tokens: list[int] | None = None
        self._place_tokens: list[int] | None = None
        self.token_entity = token_entity if token_entity is not None else token_index(entities)
        #: Tokens of Title Case headlines, which summarise rather than report.
        self.headline = headline
        self._places = {fold(c.name): c for c in entities if c.type == "place"}
        self._named: dict[str, EntityCluster] = {}
        #: town_of's answers by (cluster id, kind): ties ask it for each pair of parties, and working it out from
        #: every mention (and a person's every office) each time made long articles quadratic.
        self._towns: dict[tuple[int, str], EntityCluster] = {}
        for c in entities:
            for alias in [c.name, *c.aliases]:
                if c.type == "place":
                    self._places.setdefault(fold(alias), c)
                if c.type != "person":
                    self._named.setdefault(fold(alias), c)

    def parent_of(self, cluster: EntityCluster) -> EntityCluster:
        """The body a unit belongs to, when the article names it: "Steering Committee of the Tartu
        Old Town Heritage Office" → the office; otherwise the entity itself."""
        if cluster.type != "organization":
            return cluster
        words = fold(cluster.name).split()
        for k, word in enumerate(words[1:-1], start=1):
            if word == "of":
                parent = self._named.get(" ".join(words[k + 1:]))
                if parent is not None and parent is not cluster and parent.type == "organization":
                    return parent
        return cluster

    def town_of(self, cluster: EntityCluster, kind: str = "sister_city") -> EntityCluster:
        """The party an entity stands for: a municipality's town, an office holder's town or body
        ("Mayor Turashbekov" signs for Turkistan). In a twinning any body named after its town
        stands for it ("Shusha City State Reserve Department"); in other agreements only the
        town's own government does ("Samarkand State University" signs for itself)."""
        key = (id(cluster), kind)
        if key not in self._towns:
            self._towns[key] = self._town_of(cluster, kind)
        return self._towns[key]

    def _town_of(self, cluster: EntityCluster, kind: str) -> EntityCluster:
        if cluster.type == "person":
            for _, of in cluster.roles:
                held = self._named.get(fold(of)) if of else None
                if held is not None:
                    return self.town_of(held, kind)
            return cluster
        if cluster.type == "organization":
            for m in cluster.mentions:
                if m.town and fold(m.town) in self._places and (kind == "sister_city" or m.town_government):
                    return self._fullest_place(fold(m.town), fold(cluster.name))
            state = _GOVERNMENT_OF.match(cluster.name)
            if state and fold(state.group(1)) in self._places:
                return self._places[fold(state.group(1))]  # "Government of the Republic of Latvia"
            territory = self._territory_of(cluster.name, cluster)
            if territory is not None:
                return territory
        return cluster

    def _fullest_place(self, town: str, body: str) -> EntityCluster:
        """The place a body named after `town` stands for, as fully as its own name gives it: "Hoan
        Kiem District People's Committee" stands for Hoan Kiem District, not a bare "Hoan Kiem"
        the article also names (a district, province or region and its namesake are distinct)."""
        written = {town + suffix: town + suffix for suffix in self.cues["place_suffixes"]}
        # "Quang Ninh Provincial People's Committee": Quang Ninh Province
        written.update({f"{town} {qualifier}": f"{town} {suffix}"
                        for qualifier, suffix in self.cues["qualifier_places"].items()})
        for name, fuller in written.items():
            if f" {name} " in f" {body} " and fuller in self._places:
                return self._places[fuller]
        return self._places[town]

    def _territory_of(self, name: str, body: EntityCluster | None = None) -> EntityCluster | None:
        """The place a council, assembly, people's committee, administration or government signs
        for: "Da Nang City People's Council" → Da Nang, "Kochi Prefectural Assembly" → Kochi
        Prefecture, "Council of Ashford" → Ashford (guidelines: bodies that sign for a territory)."""
        head, _, tail = name.rpartition(",")
        if head and country_code(tail.strip()) is not None:
            name = head  # "Municipality of Nesebar, Republic of Bulgaria": the country says where
        words = fold(name).replace("’", "'").split()
        cues = self.cues
        if "of" in words[1:-1]:
            at = words.index("of", 1)
            tail = " ".join(words[at + 1:])
            if country_code(tail) is not None or tail in self._places and self._ends_with_body_head(words[:at]):
                # "Kochi Prefectural Assembly of Japan", "Çankaya Municipality of Ankara": where the body is
                words = words[:at]
        town_body = _OF_THE_TOWN.match(" ".join(words))
        if town_body and not set(town_body.group(1).split()) & set(cues["bodies_signing_for_themselves"]):
            # "the Executive Board of the City of Durres": a body of the town's own, whatever its name
            named = self._places.get(town_body.group(3)) or self._places.get(f"{town_body.group(3)} {town_body.group(2)}")
            if named is not None:
                return named
        # "Municipal Council of the City of X", "Regional State Administration of X": qualifiers before the head
        lead = words[1:] if words[:1] == ["the"] else words
        while len(lead) > 2 and lead[0] in cues["territory_qualifiers"]:
            lead = lead[1:]
        for head in cues["territory_body_heads"]:
            head_words = fold(head).replace("’", "'").split()
            n = len(head_words)
            if len(words) > n and words[-n:] == head_words:
                rest = words[:-n]
            elif len(lead) > n + 1 and lead[:n] == head_words and lead[n] == "of":
                rest = lead[n + 1:]
            else:
                continue
            while rest and rest[0] in ("the", "of"):
                rest = rest[1:]
            candidates: list[str] = []
            units = [u.strip() for u in cues["place_suffixes"]]
            if len(rest) > 2 and rest[0] in units and rest[1] == "of":
                # "Executive Power of the City of Ganja", "Municipality of the Region of Attica"
                unit, rest = rest[0], rest[3:] if rest[2] == "the" else rest[2:]
                candidates.append(" ".join(rest) + " " + unit)
            # "People's Committee of Nghe An province": Nghe An, when the article has no "Nghe An province"
            unit_dropped = [" ".join(rest[:-1])] if len(rest) > 1 and rest[-1] in units else []
            while rest:
                candidates.append(" ".join(rest))
                if rest[-1] not in cues["territory_qualifiers"]:
                    break
                qualifier = rest[-1]
                rest = rest[:-1]
                suffix = cues["qualifier_places"].get(qualifier)
                if rest and suffix:
                    candidates.append(" ".join(rest) + " " + suffix)  # "Kochi Prefectural" → "Kochi Prefecture"
            if rest:
                candidates += [" ".join(rest) + suffix for suffix in cues["place_suffixes"]]
            candidates += unit_dropped
            for candidate in candidates:
                place = self._places.get(candidate)
                if place is not None and (place.place is None or place.place.kind != "country" or head == "government"):
                    return place  # a national government signs for its state, a parliament for itself
            return self._territory_in_gazetteer(candidates, body) or self._territory_named_only_here(body)
        return None

    def _territory_named_only_here(self, body: EntityCluster | None) -> EntityCluster | None:
        """"The Regional Government of the Azores", "the Provincial Government of Gelderland": a body
        whose name puts a region-level qualifier before its head and a capitalised name after "of"
        governs a region of that name, even one the gazetteer lacks; the region is the party (and
        an entity of the article, with no country known)."""
        if body is None:
            return None
        words = body.name.split()
        if words[:1] == ["the"] or words[:1] == ["The"]:
            words = words[1:]
        if "of" not in words:
            return None
        at = words.index("of")
        qualifiers = {q for q, unit in self.cues["qualifier_places"].items() if unit != "city"}
        heads = {fold(h) for h in self.cues["territory_body_heads"]}
        name = words[at + 1:]
        if name[:1] == ["the"]:
            name = name[1:]
        if at != 2 or words[0].lower() not in qualifiers or fold(words[1]) not in heads or not name \
                or len(name) > 3 or not all(w[:1].isupper() for w in name):
            return None
        region = " ".join(name)
        offices = titles()
        if fold(region) in offices.offices or fold(region) in offices.plurals:
            return None  # "the Regional Council of Ministers": its members, no region
        if fold(region) in self._places:
            return self._places[fold(region)]
        first = min(body.mentions, key=lambda m: m.start)
        place = EntityCluster("place", [Mention(first.start, first.start, "place", region)])
        self.entities.append(place)
        self._places[fold(region)] = place
        return place

    def _ends_with_body_head(self, words: list[str]) -> bool:
        """Whether the words are a name followed by the head of a body that signs for its territory
        ("Çankaya Municipality"; not a bare "Regional Government", whose "of" names its territory)."""
        # the longest head the words end with: "Provincial People's Government" has no name before its head
        h = next((h for h in self._heads_longest_first if words[-len(h):] == h), None)
        return h is not None and any(w not in self.cues["territory_qualifiers"] and w != "the" for w in words[: -len(h)])

    def _territory_in_gazetteer(self, candidates: list[str], body: EntityCluster | None) -> EntityCluster | None:
        """The town or region a body's name gives when the article names it nowhere else ("the
        Executive Power of the City of Ganja"): the gazetteer's, in a country the article names or
        large enough to be the one meant, added to the article's places."""
        if body is None:
            return None
        countries = {c.place.country for c in self.entities if c.place is not None and c.place.country}
        for candidate in candidates:
            found = [p for p in default_gazetteer().candidates(candidate, frozenset(countries))
                     if p.kind in ("city", "region", "district")
                     and (p.country in countries or p.curated or p.population >= _KNOWN_TOWN_POPULATION)]
            if not found:
                continue
            place = max(found, key=lambda p: (p.country in countries, p.population))
            first = min(body.mentions, key=lambda m: m.start)
            town = EntityCluster("place", [Mention(first.start, first.start, "place", place.name, place=place)], place)
            self.entities.append(town)
            self._places[candidate] = town
            return town
        return None

    def body_before(self, i: int, noun: str, first: bool = False) -> EntityCluster | None:
        """The organisation named last before token i that "the <noun>" can refer to: one whose name has
        the noun ("the university" → "Yazd University"), or which the text introduced with it ("the
        Chinese company Huawei Technologies" → "the company"); with `first`, the one named first, as
        "our university" is the writer's own, whom a page names before its guests."""
        doc = self.doc
        for k in (range(i) if first else range(i - 1, -1, -1)):
            body = self.token_entity.get(k)
            if body is None or body.type != "organization" or self.token_entity.get(k - 1) is body:
                continue
            if noun in fold(body.name).split() or doc is not None and any(
                    t.lemma_.lower() == noun for t in doc[max(0, k - 3) : k]):
                return body
        return None

    def place_before(self, i: int, kinds: list[str]) -> EntityCluster | None:
        """The place of one of these kinds that "the city" or "the province" at token i refers to: the
        one the story is about, i.e. named most often before i ("PADUCAH — Paducah became a sister city
        of Kiryu in 1988. In 2003 the city signed ..." is Paducah); of equals the first named, as a
        story names its own place first (a dateline, which counts too, or the headline)."""
        if self._place_tokens is None:
            self._place_tokens = sorted(k for k, c in self.token_entity.items() if c.type == "place")
        first_at: dict[int, tuple[int, EntityCluster]] = {}
        for k in self._place_tokens[: bisect_left(self._place_tokens, i)]:
            place = self.token_entity[k]
            if place.place is not None and place.place.kind in kinds:
                first_at.setdefault(id(place), (k, place))
        if not first_at:
            return None
        return max(first_at.values(),
                   key=lambda kc: (sum(m.start < i for m in kc[1].mentions), -kc[0]))[1]

    def person_before(self, i: int) -> EntityCluster | None:
        """The person named last before token i, whom "he" or "she" there refers to."""
        if self._person_tokens is None:
            self._person_tokens = sorted(k for k, c in self.token_entity.items() if c.type == "person")
        at = bisect_left(self._person_tokens, i)
        return self.token_entity[self._person_tokens[at - 1]] if at > 0 else None

    def office_holders_before(self, i: int, office: str, n: int) -> list[EntityCluster]:
        """The last `n` distinct persons named before token i who hold exactly `office` ("mayor": not a
        deputy mayor, whom "the two mayors" does not count)."""
        if self._person_tokens is None:
            self._person_tokens = sorted(k for k, c in self.token_entity.items() if c.type == "person")
        out: list[EntityCluster] = []
        for k in reversed(self._person_tokens[: bisect_left(self._person_tokens, i)]):
            person = self.token_entity[k]
            if person not in out and any(title.lower() == office for title, _ in person.roles):
                out.append(person)
                if len(out) == n:
                    break
        return out

    def home_state(self) -> EntityCluster | None:
        """The state of the dateline ("BAKU, May 21."), as an entity of the article, when it names one."""
        for c in self.entities:
            if c.type == "place" and c.place is not None and c.place.country and any(m.dateline for m in c.mentions):
                return next((s for s in self.entities if s.type == "place" and s.place is not None
                             and s.place.kind == "country" and s.place.country == c.place.country), None)
        return None

    def country_of(self, cluster: EntityCluster) -> str | None:
        """The state a party belongs to: a place's country, or that of a place named in a body's name
        ("Ministry of Culture of Moldova"), unless the name only says where the body sits ("the Embassy of
        Japan in Uzbekistan" is Japan's, not Uzbekistan's)."""
        if cluster.place is not None:
            return cluster.place.country
        if cluster.type == "organization":
            words = f" {fold(cluster.name)} "
            for key, place in self._places.items():
                if place.place is not None and place.place.country and f" {key} " in words \
                        and not any(f" {word} {key} " in words for word in self.cues["seat_prepositions"]):
                    return place.place.country
        return None

    def _count(self, cluster: EntityCluster) -> int:
        n = sum(1 for m in cluster.mentions if not m.dateline)
        for c in self.entities:
            if c.type == "organization" and self.town_of(c) is cluster:
                n += len(c.mentions)
        return n

    def anchor_town(self, exclude: EntityCluster) -> EntityCluster | None:
        """The town the article is about, paired with `exclude` when a twinning sentence names only
        that partner ("Batumi, a twin town, ..."). The partner must be a town linked to a country
        and the anchor a town of another country: a district's own city, a region or a continent
        ("partner towns across Europe") is no partner."""
        if exclude.place is None or exclude.place.kind not in ("city", "district") or not exclude.place.country:
            return None
        towns = [c for c in self.entities if c.type == "place" and c is not exclude
                 and c.place is not None and c.place.kind in ("city", "district")
                 and c.place.country and c.place.country != exclude.place.country
                 and not all(m.dateline for m in c.mentions)]
        if not towns:
            return None
        return max(towns, key=self._count)

    def countries_named(self, names: list[str]) -> list[EntityCluster]:
        """The article's entities for countries named by adjective ("Kyrgyz" → the Kyrgyz Republic)."""
        wanted = {country_code(n) for n in names} - {None}
        return [c for c in self.entities if c.type == "place" and c.place is not None
                and c.place.kind == "country" and c.place.country in wanted]


def _are_states(parties: list[EntityCluster]) -> bool:
    return len(parties) >= 2 and all(p.place is not None and p.place.kind == "country" for p in parties)


def _distinct(items: list[EntityCluster]) -> list[EntityCluster]:
    """The entities in order, each once (entities compare by identity)."""
    return list({id(c): c for c in items}.values())

