"""spaCy component `amity_people`: find named people and the offices the article gives them.

Offices come from the title lexicon in the patterns press releases use:
"Mayor of Üsküdar Hilmi Türkmen", "TDBB Secretary General Fahri Solak",
"Kazakh Deputy Minister of Trade Kairat Torebayev", "Maftun Abbasov, Chairman
of the Board of X", "David Parry (President of Y)", "Mayor Linda Shaw of Eugene",
"Zhambyl region's Governor X", "the governor of this province, X". Runs
`amity_places` and `amity_organisations` first, so the "of" part can be cut at a
known name. The word lists live in `amity/data/titles.csv` and `people.json`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from amity.nlp.gazetteer import country_name, default_gazetteer
from amity.nlp.lexicons import demonyms, legal_forms, people_words, place_words, punctuation, titles
from amity.nlp.mentions import Mention, is_capitalised, register_extensions
from amity.nlp.names import INITIALLED_NAME, fold
from amity.nlp.organisations import ORG_HEADS, town_government_at
from amity.nlp.tokens import doc_tokens

_MAX_NAME_TOKENS = 4
_HYPHENS = ("-", "‐", "–")
_DASHES = tuple(punctuation()["dashes"])
_POSSESSIVE = ("’s", "'s")
_OPENING_QUOTES = tuple(punctuation()["double_quotes"])
_CLOSING_QUOTES = tuple(punctuation()["double_quotes"].values())
#: At most this many tokens inside parentheses that interrupt an office and its holder: "(UBSC)", "(Austria)".
_MAX_GLOSS_TOKENS = 4
#: One word of a name written with an apostrophe inside it: "O'Connor", "Ma'ruf", "N'Diaye".
_APOSTROPHE_NAME = re.compile(r"^[A-Z][A-Za-z]{0,3}['’][A-Z]?[a-z]+$")
#: Towns at least this large are places wherever their name is written, not people's names.
_WELL_KNOWN_POPULATION = 100_000

Role = tuple[str, str | None]


@Language.factory("amity_people", default_config={
    "words": "people.json", "max_name_tokens": _MAX_NAME_TOKENS, "max_gloss_tokens": _MAX_GLOSS_TOKENS,
    "well_known_population": _WELL_KNOWN_POPULATION})
def make_people(nlp: Language, name: str, words: str, max_name_tokens: int, max_gloss_tokens: int,
                well_known_population: int) -> PersonFinder:
    return PersonFinder(words, max_name_tokens, max_gloss_tokens, well_known_population)


class PersonFinder:
    def __init__(self, words_file: str = "people.json", max_name_tokens: int = _MAX_NAME_TOKENS,
                 max_gloss_tokens: int = _MAX_GLOSS_TOKENS,
                 well_known_population: int = _WELL_KNOWN_POPULATION) -> None:
        register_extensions()
        self.titles = titles()
        self.gazetteer = default_gazetteer()
        self.demonyms = demonyms()
        self._legal_forms = legal_forms()
        self.max_name_tokens = max_name_tokens
        self.max_gloss_tokens = max_gloss_tokens
        self.well_known_population = well_known_population
        words = people_words(words_file)
        self._particles = frozenset(words["name_particles"])
        self._patronymics = frozenset(words["trailing_patronymics"])
        #: Family names written first in names of three words ("Nguyen Thi Lan"): the holder's name starts there.
        self._three_word_surnames = frozenset(words["three_word_name_surnames"])
        self._place_words = frozenset(words["place_words"])
        self._facility_words = frozenset(words["facility_words"])
        self._portfolios = tuple(words["portfolio_titles"])
        self._field_heads = frozenset(words["field_heads"])
        self._office_modifiers = frozenset(words["office_modifiers"])
        self._anaphoric_places: dict[str, list[str]] = words["anaphoric_places"]
        self._anaphoric_determiners = frozenset(words["anaphoric_determiners"])
        self._office_territories: dict[str, str] = words["office_territories"]
        #: Words naming who serves an office-holder ("Assistant to the President"): the office is theirs.
        self._aides = frozenset(words["aide_words"])
        #: "the organisation's", "the company's": the last body named before.
        self._generic_bodies = frozenset(words["generic_body_nouns"])
        #: "provincial" → "province": "the provincial People's Committee" is the last province's.
        self._anaphoric_adjectives: dict[str, str] = words["anaphoric_adjectives"]
        self._region_words = frozenset(words["named_with_region_word"])
        #: "regions" → "region", "counties" → "county": a plural region word after a list names each one's
        #: region (the one table of plurals, shared with the place finder).
        self._plural_region_words = dict(place_words().region_plurals)
        self._possessive_pronouns = frozenset(words["possessive_pronouns"])
        self._relative_links = [link.split() for link in words["relative_links"]]
        #: "Gabala district executive head": lower-case words naming a place's body, between it and an office.
        self._body_describers = frozenset(words["body_describers"]) | ORG_HEADS | self._place_words \
            | frozenset(self._anaphoric_adjectives)
        self._copular_links = [link.split() for link in words["copular_links"]]
        self._office_verbs: dict[str, str] = words["office_verbs"]
        #: "visited X and met Rector Y": the verbs of a visit and of the meeting that gives Y's office X.
        self._visit_verbs = frozenset(words["visit_verbs"])
        self._meeting_verbs = frozenset(words["meeting_verbs"])
        #: "Mayor X flew home to Y", "returned to Y": the town a holder goes back to is hers.
        self._homecoming_verbs = frozenset(words["homecoming_words"]["verbs"])
        self._homecoming_adverbs = frozenset(words["homecoming_words"]["adverbs"])
        self._homecoming_prepositions = frozenset(words["homecoming_words"]["prepositions"])
        self._holder_labels = frozenset(words["ner_holder_labels"])
        self._peers = frozenset(words["peer_honorifics"])
        self._group_nouns = frozenset(words["group_nouns"])
        self._unit_heads = frozenset(words["unit_heads"])
        self._unit_nouns = frozenset(words["unit_nouns"])
        self._member_units = frozenset(words["member_units"])
        #: Longest first: "was led by" before "led by".
        self._remit_links = [link.split() for link in words["remit_links"]]
        #: "X, Mayor Y among them": the words after a holder's name that say a group named before holds him.
        self._trailing_group_link = words["trailing_group_link"].split()
        # The small words whose place in a sentence the rules below read (see people.json "_doc" of each).
        grammar: dict[str, list[str]] = words["grammar_words"]
        self._honorific_pronouns = frozenset(grammar["honorific_pronouns"])
        self._count_words = frozenset(grammar["count_words"])
        self._list_joiners = frozenset(grammar["list_joiners"])
        self._town_words = frozenset(grammar["town_words"])
        self._relative_pronouns = frozenset(grammar["relative_pronouns"])
        self._where_determiners = frozenset(grammar["where_determiners"])
        self._where_words = frozenset(grammar["where_words"])
        self._personal_possessives = frozenset(grammar["personal_possessives"])
        self._office_prepositions = frozenset(grammar["office_prepositions"])
        self._name_joiners = frozenset(grammar["name_joiners"])
        self._after_body_words = frozenset(grammar["after_body_words"])
        self._description_continuers = frozenset(grammar["description_continuers"])
        self._body_name_continuers = frozenset(grammar["body_name_continuers"])
        self._location_prepositions = frozenset(grammar["location_prepositions"])
        self._group_office_determiners = frozenset(grammar["group_office_determiners"])
        self._origin_prepositions = frozenset(grammar["origin_prepositions"])
        self._unfinished_name_words = frozenset(grammar["unfinished_name_words"])
        self._articles = frozenset(grammar["articles"])
        self._group_links = sorted((link.split() for link in words["group_links"]), key=len, reverse=True)
        self._place_office_heads = frozenset(t.split()[-1] for t in self.titles.place_offices)
        #: "mayor", "akim", "governor": the offices held in a place, less their modifiers ("deputy mayor"), less the
        #: generic heads ("head" of a place, but more often of a department).
        self._town_offices = frozenset(self._principal(t) for t in self.titles.place_offices) - frozenset(words["field_heads"])
        #: Words that can be part of an office's name ("Administrative Board Member").
        self._title_vocabulary = frozenset(w for t in self.titles.offices for w in t.split()) | ORG_HEADS \
            | self.titles.modifiers
        #: First word of each office title (singular or plural) → the most words a title starting with it has.
        self._title_first_words: dict[str, int] = {}
        for title in list(self.titles.offices) + list(self.titles.plurals):
            first, n = title.split()[0], len(title.split())
            self._title_first_words[first] = max(n, self._title_first_words.get(first, 0))
        self._title_doc: Doc | None = None
        self._surname_doc: Doc | None = None
        self._surnames: frozenset[str] = frozenset()
        self._title_lengths: list[int] = []
        #: Where an office the lexicon lacks was read from its frame ("the harbourmaster of Aktau, X").
        self._framed_titles: set[int] = set()
        #: Nouns that tie a person to a place without an office ("a native of", "the son of").
        self._relation_nouns = frozenset(words["relation_nouns"])
        self._starting: dict[int, Mention] = {}
        self._longest_at: dict[int, Mention] = {}
        self._ending: dict[int, Mention] = {}
        self._named_tokens: set[int] = set()
        self._known: list[Mention] = []
        #: The start of each known mention, in order: a span's mentions are found by bisection, not by a scan.
        self._known_starts: list[int] = []
        self._read_titles: set[int] = set()
        self._new_places: list[Mention] = []
        #: Tokens read as an office's place or body ("of Danang Hi-Tech Park"): no person's name.
        self._of_tokens: set[int] = set()
        #: Office without its modifiers → where the article first said it is held ("marshal" → "West Pomerania").
        self._principal_places: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        lexicon_titles = self._title_lengths_of(doc)
        doc._.org_mentions = [self._less_title_word(doc, m, lexicon_titles) for m in doc._.org_mentions or []]
        known = sorted((doc._.place_mentions or []) + (doc._.org_mentions or []),
                       key=lambda m: (m.start, -m.priority, -m.end))
        self._known = known
        self._known_starts = [m.start for m in known]
        self._starting, self._longest_at, self._ending = {}, {}, {}
        self._read_titles, self._new_places, self._of_tokens = set(), [], set()
        self._principal_places = {}
        self._named_tokens = {k for m in known if m.priority >= 2 for k in range(m.start, m.end)}
        for m in known:
            self._starting.setdefault(m.start, m)
            if m.priority >= 2:
                longest = self._longest_at.get(m.start)
                if longest is None or m.end > longest.end:
                    self._longest_at[m.start] = m
            prev = self._ending.get(m.end)
            if prev is None or (m.priority, m.end - m.start) > (prev.priority, prev.end - prev.start):
                self._ending[m.end] = m
        self._title_doc, self._title_lengths, self._framed_titles = doc, lexicon_titles, set()
        self._offices_by_frame(doc)
        people = self._title_anchored(doc)
        people += self._respective_holders(doc, people)
        covered = {k for m in people for k in range(m.start, m.end)}
        for ent in doc.ents:
            if ent.label_ != "PERSON" or any(k in covered for k in range(ent.start, ent.end)):
                continue
            m = self._from_ner(doc, ent.start, ent.end)
            if m is not None:
                people.append(m)
        people += self._appositive(doc, {k for m in people if m.priority >= 4 for k in range(m.start, m.end)})
        paired = self._respective_before(doc, people)
        people += [m for m in paired if not any(m is x for x in people)]
        for m in people:
            if not any(m is x for x in paired):
                after = self._roles_after(doc, m)
                if after and m.priority < 3:
                    m.priority = 3  # "Serik Nurlanov, head of X": an office after the name confirms it over a town "Serik"
                m.roles += after
        self._shared_by_a_list(doc, people)
        self._fill_unattached_offices(doc, people)
        self._place_bare_offices(doc, people)
        doc._.person_mentions = people
        doc._.org_mentions = self._without_holder_names(doc, doc._.org_mentions or [], people)
        if self._new_places:
            doc._.place_mentions = (doc._.place_mentions or []) + self._new_places
        return doc

    @staticmethod
    def _less_title_word(doc: Doc, body: Mention, titles_at: list[int]) -> Mention:
        """"Uzbekistan Airways General| Director X": a body's name does not end in the first word of an office
        of two words or more that runs on past it."""
        last = body.end - 1
        if body.end - body.start < 3 or titles_at[last] < 2 or last + titles_at[last] <= body.end \
                or doc[last].lower_ in ORG_HEADS:
            return body
        return replace(body, end=last, name=doc[body.start : last].text)

    def _known_starting(self, lo: int, hi: int) -> list[Mention]:
        """The known places and bodies that start at a token in [lo, hi), in order."""
        return self._known[bisect_left(self._known_starts, lo) : bisect_left(self._known_starts, hi)]

    def _without_holder_names(self, doc: Doc, bodies: list[Mention], people: list[Mention]) -> list[Mention]:
        """"Chairman of the Board of JSC Kazakh Invest Nurlan Abenov": a body's name that runs on into
        the name of the holder its office was read for ends where the holder's name begins; what is left of
        it when that is only a legal form ("Uzbekistan Airways JSC| Shukhrat Ismoilov") is no body."""
        holders = {(m.start, m.end) for m in people if m.priority >= 4 and m.roles}
        out = []
        for body in bodies:
            cut = next((s for s, e in holders if s < body.end <= e and body.start < s), None) \
                if body.priority >= 2 else None  # "... Chamber of Industry Ahmet| Demir": a name run across its end
            if cut is not None and all(t.text in self._legal_forms for t in doc[body.start : cut]):
                continue
            if cut is None or cut == body.start + 1:
                out.append(body)
                continue
            holder = doc[cut : body.end].text
            alias = body.alias[: -len(holder)].strip() if body.alias and body.alias.endswith(holder) else body.alias
            out.append(replace(body, end=cut, name=doc[body.start : cut].text, alias=alias or None))
        return out

    # -- titles ----------------------------------------------------------------
    def _is_title_at(self, doc: Doc, i: int) -> int:
        """Length in tokens of the longest office title starting at token i (0 if none); computed once per doc."""
        if self._title_doc is not doc:
            self._title_doc, self._title_lengths, self._framed_titles = doc, self._title_lengths_of(doc), set()
            self._offices_by_frame(doc)
        return self._title_lengths[i] if i < len(doc) else 0

    def _offices_by_frame(self, doc: Doc) -> None:
        """Offices the lexicon lacks, told by the frame they stand in: "the harbourmaster of Aktau, Serik
        Omarov", "the alliance's chief financial officer, Dan Reyes", "Chief Physician of the Karakol City
        Hospital Aibek Usenov". A singular noun with "the" or a possessive that links a person named beside
        it to a place or body named with it is that person's office there."""
        lengths = self._title_lengths
        tokens = doc_tokens(doc)
        for i in range(1, len(doc)):
            before = tokens[i - 1]
            if before.lower_ == "the" or before.text in _POSSESSIVE and self._owner_before(doc, i - 1):
                end = self._office_nouns_end(doc, i, capitalised=before.lower_ == "the")
                framed = end > i and (self._office_of_body(doc, end, before.lower_ == "the")
                                      or before.text in _POSSESSIVE and self._name_beside(doc, i - 1, end)
                                      or is_capitalised(tokens[i]) and self._office_of_body(doc, end, False, holder_after=True))
            elif before.lower_ == "as" and i >= 2 and tokens[i - 2].pos_ in ("VERB", "AUX"):
                end = self._office_nouns_end(doc, i, capitalised=False)  # "who serves as chief engineer of X"
                framed = end > i and self._office_of_body(doc, end, False, holder_after=None)
            elif (before.is_punct or before.is_lower or before.is_sent_start) and is_capitalised(tokens[i]):
                end = self._office_nouns_end(doc, i, capitalised=True, lower=False)
                framed = end > i and self._office_of_body(doc, end, False, holder_after=True)
            else:
                continue
            if not framed or any(lengths[k] and k + lengths[k] >= end for k in range(i, end)):
                continue  # an office of the lexicon ("the city's deputy mayor") is read as such
            lengths[i] = end - i
            self._framed_titles.add(i)

    def _office_nouns_end(self, doc: Doc, i: int, capitalised: bool, lower: bool = True) -> int:
        """End of one to three words at i that can name an office: singular nouns (an adjective before
        them: "chief financial officer") that name no place, body or relation ("native", "son")."""
        end = i
        while end < len(doc) and end - i < 3:
            tok = doc[end]
            written = lower and tok.is_lower or capitalised and is_capitalised(tok) and end not in self._named_tokens \
                and tok.ent_type_ not in ("PERSON", "GPE", "LOC", "NORP")
            if not (tok.is_alpha and written and not tok.is_stop and tok.pos_ in ("NOUN", "PROPN", "ADJ")):
                break
            end += 1
        while end > i and (doc[end - 1].pos_ == "ADJ" or doc[end - 1].tag_ in ("NNS", "NNPS")):
            end -= 1
        words = {fold(t.text) for t in doc[i:end]}
        if end == i or words & (ORG_HEADS | self._place_words | self._facility_words | self._relation_nouns) \
                or fold(doc[end - 1].text) in self.demonyms or fold(doc[end - 1].text) in self.titles.modifiers:
            return i
        return end

    def _owner_before(self, doc: Doc, k: int) -> bool:
        """A possessive at k owned by a named place or body, or by "the" and a body's noun ("the alliance's")."""
        owner = self._ending.get(k)
        if owner is not None and owner.priority >= 2:
            return True
        return k >= 2 and doc[k - 2].lower_ == "the" and fold(doc[k - 1].text) in ORG_HEADS | self._generic_bodies

    def _office_of_body(self, doc: Doc, k: int, apposed: bool, holder_after: bool | None = False) -> bool:
        """After office words ending at k: "of" and a named place or body, then the holder's name in
        apposition (or, `holder_after`, right after it), or the office stands after a name and a comma.
        `holder_after` None: the verb before the office ("serves as") says whose it is."""
        if k + 1 >= len(doc) or doc[k].lower_ != "of":
            return False
        j = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        body = self._longest_at.get(j)
        if body is None or body.end >= len(doc):
            return False
        if holder_after is None:
            return True
        if holder_after:
            name = self._skip_filler(doc, body.end)
            return self._name_run(doc, name) - name >= 2 and not self._names_a_place_or_body(doc, name, self._name_run(doc, name))
        if doc[body.end].text == "," and self._appositive_name_at(doc, body.end + 1):
            return True
        first = k - 1
        while first > 0 and doc[first - 1].lower_ != "the":
            first -= 1
        return apposed and first >= 3 and doc[first - 2].text == "," and doc[first - 3].ent_type_ == "PERSON"

    def _name_beside(self, doc: Doc, possessive: int, end: int) -> bool:
        """"the port's harbourmaster, Jonas Petraitis" or "Jonas Petraitis, the port's harbourmaster,"."""
        if end < len(doc) and doc[end].text == "," and self._appositive_name_at(doc, end + 1):
            return True
        owner = self._ending.get(possessive)
        first = owner.start if owner is not None and owner.priority >= 2 else possessive - 1
        if first >= 1 and doc[first - 1].lower_ == "the":
            first -= 1
        return first >= 2 and doc[first - 1].text == "," and doc[first - 2].ent_type_ == "PERSON" \
            and (end >= len(doc) or doc[end].is_punct)

    def _title_lengths_of(self, doc: Doc) -> list[int]:
        """Titles are matched on their words; a hyphen written inside a word joins two ("vice-mayor")."""
        n = len(doc)
        # "who heads the Institute": a verb of office is no office's name
        words = [fold(t.text) if t.is_alpha and not (t.lower_ in self._office_verbs and t.pos_ in ("VERB", "AUX"))
                 else "" for t in doc_tokens(doc)]
        out = [0] * n
        for i, word in enumerate(words):
            longest = self._title_first_words.get(word, 0)
            if not longest:
                continue
            found: list[str] = []
            ends: list[int] = []
            k = i
            while k < n and len(found) < longest:
                if words[k]:
                    found.append(words[k])
                    ends.append(k + 1)
                    if "\n" in doc[k].whitespace_:
                        break
                elif not (found and self._glued_hyphen(doc, k)):
                    break
                k += 1
            for m in range(len(found), 0, -1):
                key = " ".join(found[:m])
                if key in self.titles.offices or key in self.titles.plurals:
                    out[i] = ends[m - 1] - i
                    break
        return out

    def _title_key(self, words: list[str]) -> str | None:
        key = " ".join(w for w in words if w)
        return key if key in self.titles.offices or key in self.titles.plurals else None

    def _canonical(self, doc: Doc, start: int, end: int) -> tuple[str, bool]:
        """The canonical title of the lexicon title doc[start:end], and whether it was written in the plural."""
        key = " ".join(fold(t.text) for t in doc[start:end] if t.is_alpha)
        if start in self._framed_titles and key not in self.titles.offices:
            return self._as_written(doc, start, end), False  # an office told by its frame, not the lexicon
        plural = key not in self.titles.offices
        canonical = self.titles.plurals[key] if plural else self.titles.offices[key]
        written = self._as_written(doc, start, end)
        if "-" in written and written.replace("-", " ") == canonical:
            return written, plural  # "vice-mayor" stays as written
        return canonical, plural

    def _as_written(self, doc: Doc, start: int, end: int) -> str:
        """An office's words in lower case as the article writes them: a hyphen inside a word and the
        commas of a list stay ("vice-rector", "minister of investment, industry and trade")."""
        parts = [t.lower_ + (" " if t.whitespace_ else "") for t in doc[start:end]
                 if not t.is_punct or t.text == "," or self._glued_hyphen(doc, t.i)]
        return "".join(parts).strip()

    def _is_honorific(self, tok: Token) -> bool:
        """"Mr", "Dr", "Excellency", and the "Her" of "Her Excellency"."""
        if fold(tok.text) in self.titles.honorifics:
            return True
        return tok.text in self._honorific_pronouns and tok.i + 1 < len(tok.doc) \
            and fold(tok.nbor().text) in self.titles.honorifics

    # -- names -------------------------------------------------------------------
    def _name_run(self, doc: Doc, i: int) -> int:
        """End of a run of capitalised name tokens starting at i (i when there is none)."""
        end = i
        sent_end = doc[i].sent.end if i < len(doc) else i
        while end < sent_end and end - i < self.max_name_tokens + 2:
            tok = doc[end]
            if tok.text == "-" and end + 1 < sent_end and end > i and not tok.whitespace_:
                end += 2  # "Choon-hee"
                continue
            if end > i and tok.lower_ in self._particles:
                end += 1  # "Nurlanbek Turgunbek uulu"
                continue
            if not (_is_name_word(tok) or "-" in tok.text or tok.text.endswith(".") or INITIALLED_NAME.match(tok.text)) \
                    or not is_capitalised(tok):
                break
            if (tok.lower_ in self._place_words or tok.lower_ in self._facility_words) \
                    and not (end == i and self._hyphenated_given_name(doc, end + 1)):
                return i  # "Sejong Special Self-Governing City", "Shaka International Airport": not names
            if tok.lower_ in ORG_HEADS or self._is_title_at(doc, end) or "\n" in tok.whitespace_:
                if end > i and "\n" in tok.whitespace_ and tok.is_alpha:
                    end += 1
                break
            end += 1
        return end

    @staticmethod
    def _hyphenated_given_name(doc: Doc, k: int) -> bool:
        """A given name of two syllables joined by a hyphen starts at k ("Kang-soo"): after it, the word
        before ("Park") is a surname, not a park."""
        return k + 2 < len(doc) and is_capitalised(doc[k]) and doc[k + 1].text == "-" \
            and not doc[k].whitespace_ and not doc[k + 1].whitespace_ and doc[k + 2].is_alpha

    def _from_ner(self, doc: Doc, start: int, end: int) -> Mention | None:
        while start < end and (self._is_honorific(doc[start]) or self._is_title_at(doc, start)
                               or doc[start].is_punct or doc[start].lower_ == "the"
                               or end - start > 2 and doc[start].lower_ in ORG_HEADS):
            start += self._is_title_at(doc, start) or 1  # "Khokimiyat Aziz Karimov": the body's head ends the body
        end = next((k for k in range(start + 1, end) if self._is_title_at(doc, k)), end)  # "Nuremberg Lord| Mayor"
        while end > start and (doc[end - 1].is_punct or doc[end - 1].text in _POSSESSIVE):
            end -= 1
        if start >= end or all(k in self._named_tokens or k in self._of_tokens for k in range(start, end)):
            return None  # "Director of Danang Hi-Tech Park X": the park's name is no one's
        if all(k in self._read_titles for k in range(start, end)):
            return None  # "Mayor Pro Tem X": spaCy's "Pro Tem" is the rest of an office read
        if self._body_gloss(doc, start, end):
            return None
        span = doc[start:end]
        if self._well_known_place(span.text) or any(t.lower_ in ORG_HEADS or t.lower_ in self._facility_words
                                              or t.lower_ in self._place_words or t.pos_ == "VERB" for t in span):
            return None
        if not all(is_capitalised(t) or t.text in ("-",) or t.lower_ in self._particles
                   or t.i > start and self._glued_hyphen(doc, t.i - 1) for t in span):
            return None  # but "Kim Du-gyeom" writes the part after the hyphen in lower case
        while end < len(doc) and doc[end].lower_ in self._patronymics:
            end += 1
            span = doc[start:end]
        return Mention(start, end, "person", span.text, priority=2)

    def _body_gloss(self, doc: Doc, start: int, end: int) -> bool:
        """"the Lublin Municipal Transport Company (MPK Lublin)": what fills the brackets right after a
        body's name is that body's short name, not a person's."""
        if start < 2 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
            return False
        before = self._ending.get(start - 1)
        return before is not None and before.type == "organization" and before.priority >= 2

    def _appositive(self, doc: Doc, covered: set[int]) -> list[Mention]:
        """Names spaCy missed that an office follows: "and Mehmet Sekmen, Head of Erzurum ...".

        The name must stand on its own: it is a run of two to four proper nouns (initials and
        hyphenated parts allowed) that begins after a word that cannot be part of a name: a
        lower-case word, punctuation, the start of the sentence, a title or a known place or body.
        A run that reaches back into a place ("Republic of Turkey Selin Aksoy, ...") stops there."""
        out = []
        for tok in doc_tokens(doc):
            if tok.text not in (",", "(") + _DASHES \
                    or not (self._office_follows(doc, self._skip_link(doc, tok.i + 1, self._relative_links))
                            or self._office_verb_at(doc, tok.i + 1)):
                continue
            if tok.text in _DASHES and self._glued_hyphen(doc, tok.i):
                continue  # "Anne-Lise": a hyphen inside a name sets nothing apart
            start = tok.i
            while start - 1 >= 0 and start - 1 not in covered and start - 1 not in self._named_tokens:
                prev = doc[start - 1]
                if prev.text == "-" and not prev.whitespace_ and start - 2 >= 0 and doc[start - 2].is_alpha:
                    start -= 1  # "Choon-hee"
                    continue
                if prev.lower_ in self._particles and start - 2 >= 0 and is_capitalised(doc[start - 2]) \
                        and start - 2 not in covered and start - 2 not in self._named_tokens:
                    start -= 1  # "Ana Maria Silva dos Santos"
                    continue
                glued = start - 2 >= 0 and doc[start - 2].text == "-" and not doc[start - 2].whitespace_
                if not _is_name_word(prev) or not (is_capitalised(prev) and prev.pos_ == "PROPN" or glued) \
                        or self._is_title_at(doc, prev.i) or self._is_honorific(prev) or "\n" in prev.whitespace_:
                    break
                start -= 1
            words = [t for t in doc[start:tok.i] if _is_name_word(t) and t.lower_ not in self._particles]
            surname = len(words) == 1 and tok.i - start == 1 and words[0].text in self._surnames_of(doc)
            if not surname and (not 2 <= len(words) <= self.max_name_tokens or sum(len(t) > 1 for t in words) < 2):
                continue  # but "Kola, who is also the chairman of X": the surname of someone named in full
            if self._names_a_place_or_body(doc, start, tok.i) \
                    or any(t.lower_ in ORG_HEADS or t.lower_ in self._place_words for t in words):
                continue
            out.append(Mention(start, tok.i, "person", doc[start:tok.i].text, priority=3))
        return out

    def _office_verb_at(self, doc: Doc, k: int) -> int:
        """", who heads the Kyoto Exchange Association", ", who also chairs X": a relative clause saying what
        the person heads. Returns where the verb is (0 when there is none)."""
        if k + 2 >= len(doc) or doc[k].lower_ != "who":
            return 0
        verb = k + 2 if doc[k + 1].lower_ == "also" else k + 1
        return verb if verb + 1 < len(doc) and doc[verb].lower_ in self._office_verbs else 0

    def _office_follows(self, doc: Doc, k: int) -> bool:
        """An office starts at k: "Mayor of X", "the mayor of X", "the Tourism Adviser to ..."."""
        if k < len(doc) and doc[k].lower_ == "the":
            k = self._skip_describers(doc, k + 1)
        owner = self._longest_at.get(k)
        if owner is not None and owner.end + 1 < len(doc) and doc[owner.end].text in _POSSESSIVE:
            k = owner.end + 1  # ", Georgia's consul general in Gyumri"
        elif k < len(doc) and fold(doc[k].text) in self.demonyms:
            k += 1  # ", the Estonian Minister of Education"
        first = k
        while k < len(doc) and k - first < 2 and not self._is_title_at(doc, k) and self._title_word(doc, k):
            k += 1
        return self._is_title_at(doc, k) > 0

    @staticmethod
    def _skip_since(doc: Doc, k: int) -> int:
        """", mayor since 2019,", "since March 2021": when the office was taken, up to the punctuation after it."""
        if k + 1 >= len(doc) or doc[k].lower_ != "since":
            return k
        end = k + 1
        while end < len(doc) and end - k <= 3 and (doc[end].like_num or doc[end].ent_type_ == "DATE"):
            end += 1
        return end if end > k + 1 and (end >= len(doc) or doc[end].is_punct) else k

    def _skip_describers(self, doc: Doc, k: int) -> int:
        """"the newly appointed Ambassador", "the current Mayor": lower-case words describing an
        office (at most three adverbs, adjectives or participles) before it."""
        end = k
        while end < len(doc) and end - k < 6:
            tok = doc[end]
            if end + 2 < len(doc) and (tok.is_alpha and tok.is_lower or tok.like_num) and self._glued_hyphen(doc, end + 1) \
                    and doc[end + 2].is_alpha and doc[end + 2].is_lower:
                end += 2  # "the 45-year-old mayor", "the long-serving mayor": a compound read word by word
            elif tok.is_alpha and tok.is_lower and tok.pos_ in ("ADV", "ADJ", "VERB") and not self._is_title_at(doc, end):
                end += 1
            else:
                break
        return end if end > k and self._is_title_at(doc, end) else k

    def _skip_office_nouns(self, doc: Doc, k: int) -> int:
        """"the city's tourism director", "the state's industries minister": at most two lower-case nouns
        naming an office's field before it, where a possessive says whose it is; k when no office follows."""
        end = k
        while end < len(doc) and end - k < 2 and doc[end].is_alpha and doc[end].is_lower and not doc[end].is_stop \
                and doc[end].pos_ == "NOUN" and not self._is_title_at(doc, end):
            end += 1
        return end if end > k and end < len(doc) and self._is_title_at(doc, end) else k

    def _names_a_place_or_body(self, doc: Doc, start: int, end: int) -> bool:
        if end - start == 1:
            word = doc[start].lower_
            if any(w in ORG_HEADS or w in self._place_words or w in self._facility_words for w in (word, word[:-1])):
                return True  # "Member States": a common noun of places or bodies is nobody's surname
        known = self._longest_at.get(start)
        if known is not None and known.end >= end and not (known.type == "place" and known.place is None):
            return True  # an unlinked "place" named where an office's holder stands is the holder
        return self._well_known_place(doc[start:end].text)

    def _well_known_place(self, name: str) -> bool:
        """A name that is a place wherever it is written: a country, a region, a curated or large town.
        The small towns of the gazetteer share their names with people ("Solak", "Ali")."""
        place = self.gazetteer.lookup(name)
        return place is not None and (place.kind in ("country", "region", "area") or place.curated
                                      or place.population >= self.well_known_population)

    def _skip_place_before_name(self, doc: Doc, k: int) -> int:
        """A known place is not the start of a person's name ("Mayor Lahore Kamran Saeed")."""
        place = self._longest_at.get(k)
        if place is not None and place.type == "place" and self._name_run(doc, place.end) - place.end >= 2:
            return place.end
        return k

    def _fill_unattached_offices(self, doc: Doc, people: list[Mention]) -> None:
        """"Hebden Royd Mayor gives speech" ... "Mayor Scott Trickett": an office named with its
        place but no holder, and a holder named without the place, are one office. An office
        already read as someone's is not unattached."""
        held = {k for m in people for k in range(m.start, m.end)}
        unattached: dict[str, set[str]] = {}
        for i in range(len(doc)):
            length = self._is_title_at(doc, i)
            if not length or i in self._read_titles or any(k in held for k in range(i + length, min(i + length + 3, len(doc)))):
                continue
            title, plural = self._canonical(doc, i, i + length)
            if plural:
                continue  # "the mayors of A and B": offices of several people
            of, end, title = self._of_part(doc, i + length, title)
            of = of or self._modifier_before(doc, i, title, add_place=False)
            if of and self._name_run(doc, end) == end:
                unattached.setdefault(title, set()).add(of)
        held_offices = {role for m in people for role in m.roles}
        for m in people:
            for n, (title, of) in enumerate(m.roles):
                if of is None and len(unattached.get(title, ())) == 1:
                    place = next(iter(unattached[title]))
                    if not any(t == title and _same_place(o, place) for t, o in held_offices):
                        # not someone else's office named again ("Matsue mayor" ... "Mayor X of Matsue City")
                        m.roles[n] = (title, place)

    def _place_bare_offices(self, doc: Doc, people: list[Mention]) -> None:
        """"Mayor Jane Roe welcomed the guests": a town's office written bare is held in a town the article
        names, as readers take it: of the partners in the holder's sentence, the one no other holder of the
        office is said to serve ("Governor A and Jeju Governor B signed" in a story of Cebu and Jeju); else
        the last town named before the holder in the sentence ("the municipality of X ... but Mayor Y");
        else the first one the article names, if before the holder (its dateline, the town whose news it is)."""
        named = {k for m in people for k in range(m.start, m.end)}
        places = sorted((p for p in doc._.place_mentions or [] if p.start not in named), key=lambda p: p.start)
        towns = [p for p in places if not self._names_a_country(p)]
        if not towns:
            return
        for m in people:
            for n, (title, of) in enumerate(m.roles):
                principal = self._principal(title)
                if of is not None or principal not in self._town_offices:
                    continue
                sent = doc[m.start].sent
                served = [o for x in people if x is not m for t, o in x.roles
                          if o is not None and self._principal(t) == principal]
                partners = {p.name: p for p in towns if sent.start <= p.start < sent.end
                            and not any(_same_place(p.name, o) for o in served)}
                before = [p for p in places if sent.start <= p.start and p.end <= m.start]
                home = self._home_town(doc, m, towns, title)
                place: Mention | None
                if home is not None:  # "Mayor X flew home to Y": not the town the story is set in
                    m.roles[n] = (title, home)
                    continue
                if served and len(partners) == 1:
                    place = next(iter(partners.values()))
                elif before:  # "They visited Japan and met Governor X": a country's town unnamed
                    place = None if self._names_a_country(before[-1]) else before[-1]
                else:  # not a town named after the holder: "Mayor X will visit Tbilisi" is no mayor of Tbilisi
                    place = towns[0] if towns[0].end <= m.start else None
                if place is not None:
                    holder = self._holder(place, title)
                    m.roles[n] = (title, holder.title() if holder.isupper() else holder)  # a dateline written in capitals

    def _home_town(self, doc: Doc, holder: Mention, towns: list[Mention], title: str) -> str | None:
        """"Mayor X flew home to Y", "Mayor X returned to Y": the town the holder's own verb of return
        leads to, the object of its "to" (or of its "home"'s or "back"'s): a town the article names, else the
        proper name there (a town no finder knows, but no "City Hall"). A town she came back from, or one inside
        what she went back to ("returned to the talks in Y", "went back on a promise of an office in Y"), says
        nothing of where she holds office."""
        root = doc[holder.start:holder.end].root
        while root.dep_ in ("compound", "appos", "conj") and root.head.i != root.i:
            root = root.head
        if not root.dep_.startswith("nsubj"):
            return None
        verb = root.head
        adverbs = [c for c in verb.children if c.lower_ in self._homecoming_adverbs]
        if verb.lemma_ not in self._homecoming_verbs and not adverbs:
            return None
        leads = {verb.i, *(a.i for a in adverbs)}

        def goes_to(name: Token) -> bool:
            return name.i >= holder.end and name.dep_ == "pobj" \
                and name.head.lower_ in self._homecoming_prepositions and name.head.head.i in leads

        town = next((p for p in towns if goes_to(doc[p.start:p.end].root)), None)
        if town is not None:
            return self._holder(town, title)
        goal = next((t for t in doc[holder.end:verb.sent.end] if goes_to(t)
                     and t.pos_ in ("PROPN", "NOUN") and is_capitalised(t)), None)
        if goal is None:
            return None
        words = [t for t in goal.lefts if t.dep_ == "compound"] + [goal]
        if any(not is_capitalised(t) or t.lower_ in self._place_words | self._facility_words | ORG_HEADS
               or t.i in self._named_tokens for t in words):
            return None
        return doc[words[0].i : goal.i + 1].text

    def _names_a_country(self, place: Mention) -> bool:
        """A mention linked to a country, or whose name the gazetteer knows as one."""
        if self._is_country(place):
            return True
        known = self.gazetteer.lookup(place.name)
        return known is not None and known.kind == "country"

    # -- roles before the name -------------------------------------------------
    def _title_anchored(self, doc: Doc) -> list[Mention]:
        out: list[Mention] = []
        i = 0
        pending: list[Role] = []
        chain: list[int] = []  # where the pending offices are written
        joined: set[int] = set()  # the pending offices written before "and" and another office
        guessed: set[int] = set()  # the pending offices whose place was guessed from "its" or "their"
        floor = 0
        while i < len(doc):
            length = 0 if i in self._named_tokens else self._is_title_at(doc, i)
            if not length:
                pending, chain, joined, guessed = [], [], set(), set()
                i += 1
                continue
            body = self._body_before(doc, i)  # "Hanoi People's Committee Chairman X"
            start, end_title, title, plural = self._compound_title(doc, i, length, i if body else floor if pending else 0)
            floor = end_title
            chain += range(start, end_title)
            of_left = body or self._modifier_before(doc, start, title)
            k = self._skip_gloss(doc, end_title)  # "the Akim (governor) of Akmola region"
            of_start = k
            of, k, title = self._of_part(doc, k, title)
            if of is not None:
                k = self._rest_of_body_name(doc, k)  # "of Ulsan Metropolitan City X", "of Tashkent city Khokimiyat X"
                rest = self._body_before_apposition(doc, k) if doc[of_start].lower_ == "of" else k
                if rest > k:  # "the director of the Pavlodar Oil Chemistry Refinery, Galym Abenov, said"
                    body_start = of_start + 2 if doc[of_start + 1].lower_ == "the" else of_start + 1
                    of, k = doc[body_start:rest].text, rest
                self._of_tokens.update(range(of_start, k))
                remit = self._capitalised_remit(doc, k)
                if remit > k:  # "Deputy Mayor of Thessaloniki for Tourism Maria Stavrou"
                    title, k = f"{title} for {doc[k + 1 : remit].text.lower()}", remit
                elif k < len(doc) and (remit := self._lower_case_remit(doc, k)) > k + 1 and doc[remit].text == ",":
                    title, k = f"{title} for {doc[k + 1 : remit].text.lower()}", remit  # "of X for investment, Y"
            k = self._skip_filler(doc, self._skip_remit(doc, self._skip_location(doc, k)))  # "Consul General in Istanbul X"
            # "President Eisenhower": a lone surname is a name only right after its office (and honorifics),
            # not after an "of" part ("director of the Almaty Zoo" names no "Zoo")
            adjacent = k == self._skip_filler(doc, end_title)
            k = self._past_relative_clause(doc, k)  # "The mayor of Gabala, who took office in March, Elnur Aliyev"
            if k < len(doc) and doc[k].text == "," and (self._appositive_name_at(doc, k + 1)
                                                         or of is None and self._name_then_of(doc, k + 1)):
                k += 1  # "The Mayor of Kadıköy, Selin Aydemir, opened ...", "The prime ministers, A of X and B of Y"
            pending.append((title, of or of_left or self._definite_office(doc, start, title)
                            or self._their_body(doc, start, out) or self._where_body(doc, start)))
            if pending[-1][1] is not None:
                self._principal_places.setdefault(self._principal(title), pending[-1][1])
            if of is None and start > 0 and doc[start - 1].lower_ in self._possessive_pronouns:
                guessed.add(len(pending) - 1)  # "its akim": a guess that an "of" after the name overrides
            if k < len(doc) and self._is_title_at(doc, k) and k not in self._named_tokens:
                if doc[k - 1].lower_ == "and" or doc[k - 1].text in _DASHES and of is None \
                        and title.split()[-1] in self._unit_heads:
                    joined.add(len(pending) - 1)  # "chairman of the board and rector of X": one "of" for both
                i = k
                continue
            if k + 1 < len(doc) and doc[k].text == "," and self._is_title_at(doc, k + 1) and k + 1 not in self._named_tokens \
                    and self._name_run(doc, k + 1 + self._is_title_at(doc, k + 1)) > k + 1 + self._is_title_at(doc, k + 1):
                i = k + 1  # "the head of the Almaty region, akim Marat S.": a second name for one office
                continue
            k = self._skip_place_before_name(doc, k)
            apposed = self._after_a_persons_name(doc, start)
            end = k if self._portfolio_words_after(doc, k, after_and=not apposed) else self._name_run(doc, k)
            if end == k + 1 and k > 0 and doc[k - 1].lower_ in self._peers:
                k -= 1  # "Lord Ashdown": a peer is named by title and one name
            if end > k and not self._names_a_place_or_body(doc, k, end):
                self._read_titles.update(chain)
                if end < len(doc) and doc[end].lower_ == "of":  # "led by its akim, Yerzhan Baibekov of Zhambyl district"
                    pending = [(t, None) if n in guessed else (t, o) for n, (t, o) in enumerate(pending)]
                    guessed = set()  # nor does the group the holder leads: the "of" says it
                for n in sorted(joined, reverse=True):
                    if pending[n][1] is None and n + 1 < len(pending):
                        pending[n] = (pending[n][0], pending[n + 1][1])
                roles, after = self._of_after_name(doc, end, self._chain_shares_state(pending))
                if any(of is None for _, of in roles) or guessed:
                    group = self._group_holder(doc, chain[0] if chain else i, end)
                    # "a delegation from the Gifu Prefectural Assembly, led by its Chairman X": the group's body,
                    # not the pronoun's guess
                    roles = [(title, group if n in guessed and group else of if of is not None
                              else group or self._visited_host(doc, chain[0] if chain else i, title))
                             for n, (title, of) in enumerate(roles)]
                lone = end - k == 1 and not adjacent and not (k > 0 and doc[k - 1].lower_ in self._peers)
                out.append(Mention(k, end, "person", doc[k:end].text, roles=roles, priority=3 if lone else 4))
                if plural:  # "Deputy Secretaries General of X A and B", "Mayors A of X and B of Y"
                    holders = [out[-1]]
                    for s, e in self._listed_names(doc, after):
                        listed, after = self._of_after_name(doc, e, pending) if after > end else (list(roles), e)
                        holders.append(Mention(s, e, "person", doc[s:e].text, roles=listed, priority=4))
                        out.append(holders[-1])
                        end = e
                    end = self._of_after_the_list(doc, end, holders, pending)
                i = end
            else:
                i = max(k, i + 1)
            pending, chain, joined, guessed = [], [], set(), set()
        return out

    def _of_after_the_list(self, doc: Doc, end: int, holders: list[Mention], pending: list[Role]) -> int:
        """"Mayors A and B of X and Y", "Deputy Mayors A and B of the X Municipality": an "of" after the
        holders of a plural office names each one's place in turn, or one body all of them serve.
        Fills the offices still without one; returns where the "of" part ends."""
        if len(holders) < 2 or end >= len(doc) or doc[end].lower_ != "of" \
                or any(of is not None for m in holders for _, of in m.roles):
            return end
        places, after = self._listed_holders(doc, end + 1, pending[-1][0])
        if len(places) == len(holders):
            for holder, place in zip(holders, places):
                holder.roles = [(title, place) for title, _ in holder.roles]
            return after
        shared, after = self._of_after_name(doc, end, pending)
        if after > end:
            for holder in holders:
                holder.roles = list(shared)
        return after

    def _principal(self, title: str) -> str:
        """An office less its modifiers: "vice-marshal" → "marshal", "first deputy akim" → "akim"."""
        return " ".join(w for w in title.replace("-", " ").split() if w not in self.titles.modifiers)

    def _chain_shares_state(self, chain: list[Role]) -> list[Role]:
        """"Deputy Prime Minister - Minister of Trade of the Republic of Kazakhstan X": offices written
        one after another before one holder, the last naming a state or region, are all held in it."""
        out = list(chain)
        for n in range(len(out) - 2, -1, -1):
            title, of = out[n]
            later = out[n + 1][1]
            if of is None and later is not None and self._is_territory(later):
                out[n] = (title, later)
        for n in range(1, len(out)):  # "the head of the Almaty region, akim X": the same territory
            title, of = out[n]
            earlier = out[n - 1][1]
            if of is None and earlier is not None and self._is_territory(earlier):
                out[n] = (title, earlier)
        return out

    @staticmethod
    def _is_country(place: Mention) -> bool:
        return place.place is not None and place.place.kind == "country"

    def _is_territory(self, name: str) -> bool:
        place = self.gazetteer.lookup(name)
        return place is not None and place.kind in ("country", "region")

    def _shared_by_a_list(self, doc: Doc, people: list[Mention]) -> None:
        """A plural office introducing a list after a dash or colon is held by everyone listed:
        "Two members of the League's board – Mayor of A X and Mayor of B Y – ...", "The hokims of the
        border districts attended: A (Chust district) and B" (a place in brackets after a name is its office's)."""
        for i in range(len(doc)):
            length = self._is_title_at(doc, i)
            if not length or i in self._read_titles or i in self._named_tokens:
                continue
            title, plural = self._canonical(doc, i, i + length)
            if not plural:
                continue
            of, k, title = self._of_part(doc, i + length, title)
            if k + 1 < len(doc) and doc[k].text in _POSSESSIVE and doc[k + 1].lower_ in self._member_units:
                title, k = f"{doc[k + 1].lower_} {title}", k + 2  # "members of the Union's board"
            sent_end = doc[i].sent.end
            if k < len(doc) and doc[k].text not in _DASHES + (":",):
                colon = next((x for x in range(k, min(k + 8, sent_end)) if doc[x].text == ":"), None)
                if colon is None or any(self._is_title_at(doc, x) or doc[x].lower_ in self._group_nouns
                                        for x in range(i + length, colon)):
                    continue  # "The hokims of the border districts attended: ..." (not "Members of the delegation:")
                k = colon
            if k >= len(doc):
                continue
            close = next((x for x in range(k + 1, sent_end) if doc[x].text in _DASHES), sent_end)
            for m in people:
                if not (k < m.start and m.end <= close) or any(t == title for t, _ in m.roles):
                    continue
                role = (title, (self._bracketed_place(doc, m.end) if self._held_in_place(title) else None) or of)
                if role not in m.roles:
                    m.roles.append(role)

    def _bracketed_place(self, doc: Doc, k: int) -> str | None:
        """"(Chust district)", "(Taldykorgan)" at k: a place in brackets right after a name."""
        if k + 2 >= len(doc) or doc[k].text != "(":
            return None
        known = self._longest_at.get(k + 1)
        if known is not None and known.type == "place" and known.end < len(doc) and doc[known.end].text == ")":
            return known.office_holder
        end = self._unknown_place_with_kind_word(doc, k + 1)
        return doc[k + 1 : end].text if end > k + 1 and end < len(doc) and doc[end].text == ")" else None

    def _respective_holders(self, doc: Doc, people: list[Mention]) -> list[Mention]:
        """A plural office of a list of places, then a list of as many names, pairs them in order:
        "the mayors of Tartu and Lahti, Urmas Klaas and Niko Kyynarainen", "the governors of the
        Kostanay and Pavlodar regions – A and B". With another count the office is still theirs."""
        taken = {k for m in people for k in range(m.start, m.end)}
        out: list[Mention] = []
        for i in range(len(doc)):
            length = self._is_title_at(doc, i)
            if not length or i in self._read_titles or i in self._named_tokens:
                continue
            title, plural = self._canonical(doc, i, i + length)
            if not plural or i + length >= len(doc):
                continue
            if doc[i + length].lower_ == "of":
                holders, k = self._listed_holders(doc, i + length + 1, title)
                if not holders:
                    k = self._places_told(doc, i + length + 1)  # "the governors of the two regions, A and B"
                    if k is not None:
                        holders = self._the_two_told(doc, i, doc[k - 1].lower_)
            elif i > 0 and doc[i - 1].lower_ == "their":
                holders, k = self._bodies_told(doc, i - 1, title), i + length  # "signed by their rectors, A and B"
            else:
                continue
            if k is None or k + 1 >= len(doc) or doc[k].text not in (",", ":") + _DASHES:
                continue
            names: list[tuple[int, int]] = []
            j = k + 1
            while j < len(doc):
                j = self._skip_filler(doc, j)
                e = self._name_run(doc, j)
                if e - j < 2 or self._names_a_place_or_body(doc, j, e) or any(x in taken for x in range(j, e)):
                    break
                names.append((j, e))
                if e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].lower_ == "and":
                    e += 1
                if e >= len(doc) or doc[e].lower_ not in (",", "and"):
                    break
                j = e + 1
            if len(names) < 2:
                continue
            respective = len(names) == len(holders)
            for n, (s, e) in enumerate(names):
                of = holders[n] if respective else None
                out.append(Mention(s, e, "person", doc[s:e].text, roles=[(title, of)], priority=4))
                taken.update(range(s, e))
            self._read_titles.update(range(i, i + length))
        return out

    def _respective_before(self, doc: Doc, people: list[Mention]) -> list[Mention]:
        """A list of names, then a plural office of as many places or bodies, pairs them in order:
        "Anna Berg and Ole Lund, mayors of Bergen and Uppsala respectively". With another count the
        office is still theirs, of no one place. Returns the people given an office here."""
        out: list[Mention] = []
        ending = {m.end: m for m in people}
        for i in range(1, len(doc)):
            length = self._is_title_at(doc, i)
            if not length or i in self._read_titles or i in self._named_tokens or i + length >= len(doc) \
                    or doc[i + length].lower_ != "of":
                continue
            comma = i - 2 if doc[i - 1].lower_ == "the" else i - 1
            if comma < 1 or doc[comma].text != ",":
                continue
            title, plural = self._canonical(doc, i, i + length)
            if not plural:
                continue
            names = self._names_listed_before(doc, comma, ending)
            if len(names) < 2:
                continue
            holders, _ = self._listed_holders(doc, i + length + 1, title)
            respective = len(holders) == len(names)
            for n, m in enumerate(names):
                for same in [m] + [x for x in people if x is not m and (x.start, x.end) == (m.start, m.end)]:
                    same.roles.append((title, holders[n] if respective else None))
                    out.append(same)  # spaCy's and the appositive's mention of one name
            self._read_titles.update(range(i, i + length))
        return out

    def _names_listed_before(self, doc: Doc, end: int, ending: dict[int, Mention]) -> list[Mention]:
        """The people named in a list that ends at token `end` ("A, B and C"), first to last, when none
        has an office yet; a name spaCy missed in the list is read from its capitalised words."""
        names: list[Mention] = []
        while end > 0:
            m = ending.get(end) or self._name_ending_at(doc, end)
            if m is None:
                break
            names.insert(0, m)
            link = m.start - 1
            if link > 0 and doc[link].lower_ == "and":
                end = link - 1 if doc[link - 1].text == "," else link
            elif link > 0 and doc[link].text == ",":
                end = link
            else:
                break
        return names if all(not m.roles for m in names) else []

    def _name_ending_at(self, doc: Doc, end: int) -> Mention | None:
        """A person's name of two to four capitalised words ending at token `end`, read without spaCy."""
        start = end
        while start > 0 and end - start < self.max_name_tokens and _is_name_word(doc[start - 1]) \
                and is_capitalised(doc[start - 1]) and start - 1 not in self._named_tokens \
                and not self._is_title_at(doc, start - 1) and not self._is_honorific(doc[start - 1]):
            start -= 1
        if end - start < 2 or self._name_run(doc, start) != end or self._names_a_place_or_body(doc, start, end):
            return None
        return Mention(start, end, "person", doc[start:end].text, priority=3)

    def _places_told(self, doc: Doc, j: int) -> int | None:
        """End of "the two regions", "both cities" after a plural office's "of": places already told,
        which the names after it hold in turn (their `of` is not read here)."""
        words = [t.lower_ for t in doc[j : j + 3]]
        singular = [w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") else w for w in words]
        if len(words) == 3 and words[0] == "the" and words[1] in self._count_words \
                and (singular[2] in self._anaphoric_places or singular[2] in ORG_HEADS):
            return j + 3  # "the governors of the two regions", "the chairmen of the two councils"
        if len(words) >= 2 and words[0] == "both" and singular[1] in self._anaphoric_places:
            return j + 2
        return None

    def _the_two_told(self, doc: Doc, k: int, plural: str) -> list[str]:
        """"the presidents of the two countries, A and B": when the article has named exactly two places of
        that kind before token k, they are the two, in the order it first named them."""
        noun = plural[:-3] + "y" if plural.endswith("ies") else plural.removesuffix("s")
        kinds = self._anaphoric_places.get(noun, [])
        found: dict[tuple[str, str | None], str] = {}  # one place however written ("Republic of Azerbaijan")
        for m in self._known_starting(0, k):
            if m.type == "place" and m.place is not None and m.place.kind in kinds:
                found.setdefault((m.place.name, m.place.country), m.office_holder)
        return list(found.values()) if len(found) == 2 else []

    def _bodies_told(self, doc: Doc, k: int, title: str) -> list[str]:
        """"A and B signed an agreement; it was signed by their rectors": the two bodies or places named
        together last before "their", in this sentence or the one before."""
        sent = doc[k].sent
        first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        named = [m for m in self._known_starting(first, k) if m.priority >= 2 and m.end <= k]
        named = [m for m in named if not any(o is not m and o.start <= m.start and m.end <= o.end
                                             and (o.end - o.start) > (m.end - m.start) for o in named)]
        units: list[tuple[int, int, str]] = []  # (start, end, who), a body "in" its town counted as one
        for m in named:
            if units and m.type == "place" and m.start == units[-1][1] + 1 and doc[m.start - 1].lower_ == "in":
                units[-1] = (units[-1][0], m.end, doc[units[-1][0] : m.end].text)  # "University of X in Lublin"
            else:
                units.append((m.start, m.end, self._holder(m, title)))
        for (_, a_end, a), (b_start, _, b) in zip(units, units[1:]):
            if b_start - a_end <= 2 and all(t.lower_ in self._list_joiners for t in doc[a_end:b_start]):
                return [a, b]
        return []

    def _listed_holders(self, doc: Doc, j: int, title: str = "") -> tuple[list[str], int]:
        """The places or bodies listed after an office's "of": "Tartu and Lahti", "the Kostanay and
        Pavlodar regions" (a plural region word names each one's region). Returns them and where they end."""
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        names: list[str] = []
        closed = False  # "of A and B, X and Y": after its "and" the list ends at a comma
        while j < len(doc):
            known = self._longest_at.get(j)
            if known is None or known.type not in ("place", "organization"):
                break
            names.append(self._holder(known, title) if title else known.office_holder)
            j = known.end
            if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "and":
                j += 1
            if j + 1 < len(doc) and (doc[j].lower_ == "and" or doc[j].text == "," and not closed):
                closed = closed or doc[j].lower_ == "and"
                after = j + 2 if doc[j + 1].lower_ == "the" and j + 2 < len(doc) else j + 1
                if self._longest_at.get(after) is not None:  # "of the University of A and the University of B"
                    j = after
                    continue
            break
        if j < len(doc) and len(names) >= 2 and doc[j].lower_ in self._plural_region_words:
            word = self._plural_region_words[doc[j].lower_]
            names = [name if fold(name).split()[-1] in self._anaphoric_places else f"{name} {word}" for name in names]
            j += 1
        return (names if len(names) >= 2 else []), j

    def _appositive_name_at(self, doc: Doc, k: int) -> bool:
        """A name in apposition starts at k: two words or more, or the surname of someone named in full
        elsewhere ("The governor of the province, Abdurazzakov, said ...")."""
        end = self._name_run(doc, k)
        if end - k == 1 and doc[k].text not in self._surnames_of(doc):
            return False
        return end > k and (end >= len(doc) or doc[end].text in (",", ".", ")", ";") or doc[end].pos_ in ("VERB", "AUX"))

    def _body_before_apposition(self, doc: Doc, k: int) -> int:
        """"the director of the Pavlodar Oil Chemistry Refinery, Galym Abenov, said": capitalised words
        left after the body read so far, then a comma and a name in apposition closed by a comma or a
        verb: those words end the body's name (the holder is the name after the comma). k when not."""
        end = k
        while end < len(doc) and end - k < 4 and doc[end].is_alpha and is_capitalised(doc[end]) \
                and not self._is_title_at(doc, end) and not doc[end].is_sent_start:
            end += 1
        if end == k or end + 1 >= len(doc) or doc[end].text != "," or not self._appositive_name_at(doc, end + 1) \
                or all(t.ent_type_ == "PERSON" for t in doc[k:end]):
            return k  # "the head of the city administration Dariga Aliyeva, Serik Nurov": two names
        after = self._name_run(doc, end + 1)
        return end if after < len(doc) and doc[after].lower_ != "and" else k

    def _name_then_of(self, doc: Doc, k: int) -> bool:
        """A name of two words or more starts at k and "of" follows it ("Olzhas Bektenov of Kazakhstan")."""
        end = self._name_run(doc, k)
        return end - k >= 2 and end < len(doc) and doc[end].lower_ == "of"

    def _surnames_of(self, doc: Doc) -> frozenset[str]:
        """The last words of the names spaCy reads as people of two words or more; computed once per doc."""
        if self._surname_doc is not doc:
            self._surname_doc = doc
            self._surnames = full_name_surnames(doc)
        return self._surnames

    def _listed_names(self, doc: Doc, end: int) -> list[tuple[int, int]]:
        """The further holders of a plural office: "Deputy Secretaries General of X A B and C D"."""
        out = []
        while end < len(doc) and doc[end].text in (",", "and"):
            k = end + 1
            if doc[end].text == "," and k < len(doc) and doc[k].lower_ == "and":
                k += 1
            k = self._skip_filler(doc, k)
            e = self._name_run(doc, k)
            if e - k < 2 or self._names_a_place_or_body(doc, k, e):
                break
            if e < len(doc) and doc[e].text == "," and self._is_title_at(doc, e + 1):
                break  # the next name has an office of its own
            out.append((k, e))
            end = e
        return out

    def _compound_title(self, doc: Doc, i: int, length: int, floor: int = 0) -> tuple[int, int, str, bool]:
        """The whole office around a title word: "Deputy Theater Director", "Administrative Board
        Member", "Deputy Secretary", "former prime minister". Returns (start, end, lower-case title, plural)."""
        canonical, plural = self._canonical(doc, i, i + length)
        start, end = i, i + length
        # a modifier that is also an office ("Deputy") qualifies the office right after it
        if length == 1 and fold(doc[i].text) in self.titles.modifiers and "\n" not in doc[i].whitespace_ \
                and self._is_title_at(doc, end):
            more = self._is_title_at(doc, end)
            rest, plural = self._canonical(doc, end, end + more)
            canonical, end = f"{fold(doc[i].text)} {rest}", end + more
        title_end = end
        town_body = self._body_named_after_town(doc, i) is not None
        while not town_body and start - 1 >= floor and end - (start - 1) <= 5 and self._title_word(doc, start - 1) \
                and not self._names_a_body_before(doc, start - 1, canonical):
            start -= 1
        start = self._modifier_written_before(doc, start, floor)
        k = end
        while k < len(doc) and k - end < 2 and self._title_word(doc, k):
            k += 1
            more = self._is_title_at(doc, k) if k < len(doc) else 0
            if more:
                end = k = k + more
        if (start, end) == (i, title_end):
            title = canonical
        else:
            title = self._as_written(doc, start, end)
        if start >= 3 and doc[start - 1].lower_ == "the" and doc[start - 2].lower_ == "to" \
                and fold(doc[start - 3].text) in self.titles.modifiers | self._aides and is_capitalised(doc[start - 3]):
            title = f"{fold(doc[start - 3].text)} to the {title}"  # "Assistant to the President of X"
            start -= 3
        former = self._former_before(doc, start)
        if former is not None:
            start, title = former, f"former {title}"
        return start, end, title, plural

    def _names_a_body_before(self, doc: Doc, k: int, title: str) -> bool:
        """"Jeju Tourism Organization| President": a body's head word with a capitalised word before it ends
        the body's name, not part of the office, unless the office is a membership ("Administrative Board
        Member")."""
        return fold(doc[k].text) in ORG_HEADS and k > 0 and is_capitalised(doc[k - 1]) and doc[k - 1].is_alpha \
            and "member" not in title.split()

    def _modifier_written_before(self, doc: Doc, start: int, floor: int) -> int:
        """"vice-marshal", "Vice Marshal" opening a sentence: a modifier joined to an office by a hyphen, or
        capitalised before it, is part of the office even where the lexicon lacks the pair. A lower-case
        "first" or "chief" standing apart is not ("the first mayor of X"); a lower-case "acting" is, as it
        qualifies nothing but an office ("the acting chairman of X")."""
        k = start - 1
        if k - 1 >= floor and self._glued_hyphen(doc, k) and fold(doc[k - 1].text) in self.titles.modifiers:
            return k - 1
        if k >= floor and (fold(doc[k].text) in self.titles.modifiers and is_capitalised(doc[k])
                           or doc[k].lower_ in self._office_modifiers) and "\n" not in doc[k].whitespace_:
            return k
        return start

    def _body_before(self, doc: Doc, i: int) -> str | None:
        """A body named right before an office, when its name holds a known place or body or a
        possessive ("Osh State University Rector", "Hanoi People's Committee Chairman"); a name
        of common words only ("Administrative Board Member") is part of the office."""
        if i < 2 or doc[i - 1].lower_ not in ORG_HEADS or not is_capitalised(doc[i - 1]):
            return None
        known = self._ending.get(i)
        if known is not None and known.priority >= 2:
            return None  # a body the organisation finder knows: read as such by _modifier_before
        b = i - 1
        while b - 1 >= 0 and i - b < 7:
            prev = doc[b - 1]
            owner = self._ending.get(b - 1)
            if prev.text in _POSSESSIVE and owner is not None and owner.type == "place":
                break  # "Kazakhstan's Turkistan Municipality": the country owns the body
            if prev.text in _POSSESSIVE and b - 2 >= 0 and is_capitalised(doc[b - 2]) or self._glued_hyphen(doc, b - 1):
                b -= 1
            elif prev.is_alpha and is_capitalised(prev) and not self._is_title_at(doc, b - 1) \
                    and not self._is_honorific(prev) and "\n" not in prev.whitespace_:
                b -= 1
            else:
                break
        if doc[b].lower_ == "the":
            b += 1
        inside = range(b, i - 1)
        # "International Road Transport Union Secretary General X": three or more capitalised words ending in a
        # body's head are a body's name, not the office's, unless the head is a unit or a board of members
        named = i - b >= 3 and doc[i - 1].lower_ not in self._unit_nouns | self._member_units | self._unit_heads
        if not named and not any(k in self._named_tokens or doc[k].text in _POSSESSIVE for k in inside):
            return None
        return doc[b:i].text

    def _former_before(self, doc: Doc, start: int) -> int | None:
        """"former prime minister", "Former Mayor", "ex-mayor": the office is no longer held."""
        k = start - 1
        if k >= 1 and doc[k].text in _HYPHENS and not doc[k].whitespace_:
            k -= 1
        if k >= 0 and fold(doc[k].text) in self.titles.former:
            return k
        if k >= 1 and doc[k].lower_ == "then" and doc[k - 1].lower_ == "the":
            return k - 1  # "the then governor of Osh region": the office held at the time told
        return None

    def _title_word(self, doc: Doc, k: int) -> bool:
        """A capitalised common word that can be part of an office's name, not a name of its own.
        A word spaCy reads as a place or body that no title uses ("Kerben Mayor") is the office's holder."""
        tok = doc[k]
        if tok.ent_type_ in self._holder_labels and fold(tok.text) not in self._title_vocabulary \
                and not (k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I"):
            return False
        return (tok.is_alpha and is_capitalised(tok) and not tok.is_sent_start and not tok.is_stop
                and not tok.is_upper and k not in self._named_tokens and not self._is_honorific(tok)
                and "\n" not in tok.whitespace_ and fold(tok.text) not in self.demonyms
                and fold(tok.text) not in self.titles.former)

    def _modifier_before(self, doc: Doc, i: int, title: str, add_place: bool = True) -> str | None:
        """Who the office written at i is of, when it is named before it: "TDBB Secretary General",
        "Turkistan Mayor", "Kazakh Deputy Minister", "Zhambyl region's Governor", "the Academy's
        rector", "its Governor", "Kerben Mayor" (a word spaCy reads as a place)."""
        if i <= 0:
            return None
        field = next((f for f in (i - 3, i - 2, i - 1) if f >= 2 and doc[f - 1].text in _POSSESSIVE
                      and i in (self._skip_office_nouns(doc, f), self._skip_describers(doc, f),
                                self._skip_office_nouns(doc, self._skip_describers(doc, f)))), None)
        if field is not None:
            # "the state's industries minister", "Germany's new ambassador", "X's municipal administrator": the
            # office's field or words describing it stand between
            i = field
        before = self._ending.get(i)
        if before is None and i >= 3 and doc[i - 1].text == ")" and doc[i - 3].text == "(":
            before = self._ending.get(i - 3)  # "Union of ... (TDBB) Administrative Board Member"
        if before is not None and "\n" not in doc[before.end - 1].whitespace_ and not doc[before.end - 1].is_space:
            return self._holder(before, title)
        named_after_town = self._body_named_after_town(doc, i)
        if named_after_town is not None:
            return named_after_town
        if fold(doc[i - 1].text) in self.demonyms:
            return country_name(self.demonyms[fold(doc[i - 1].text)])
        if doc[i - 1].lower_ in self._possessive_pronouns:
            return self._where_body(doc, i - 1) or self._possessor(doc, i - 1)
        described = self._place_before_its_body(doc, i)
        if described is not None:
            return described
        if i >= 2 and doc[i - 1].is_lower and doc[i - 1].lower_ in self._place_words:
            return self._place_with_kind_word(doc, i - 1, title, add_place)
        end = i
        if doc[i - 1].text in _POSSESSIVE:
            end = i - 1
            before = self._ending.get(end)
            if before is not None and before.priority >= 2:
                return before.office_holder
            noun = doc[end - 1].lower_ if end >= 2 else ""
            if noun in self._anaphoric_places and doc[end - 2].lower_ in self._anaphoric_determiners:
                return self._antecedent_place(doc, end - 2, noun, title)  # "the city's mayor"
            described = self._described_body(doc, end)
            if described is not None:
                return described
            if before is not None:
                return before.office_holder
        if end == i and doc[i - 1].is_sent_start and fold(doc[i - 1].text) in ORG_HEADS:
            return self._described_body(doc, i)  # "Committee chair Linda Ortiz": the committee named before
        start = end
        possessive = end < i
        if end < len(doc) and doc[end].ent_iob_ == "I" and not possessive:
            return None  # "Administrative Board Member": the name spaCy sees runs into the office
        # "Lower Silesia's marshal": before a possessive, capitalised words no finder knows own the office
        while start - 1 >= 0 and end - start < 3 \
                and (doc[start - 1].ent_type_ in self._holder_labels
                     or possessive and doc[start - 1].ent_type_ != "PERSON" and doc[start - 1].pos_ == "PROPN") \
                and is_capitalised(doc[start - 1]) and doc[start - 1].is_alpha \
                and fold(doc[start - 1].text) not in self._title_vocabulary and start - 1 not in self._named_tokens:
            start -= 1
        if start == end or (start > 0 and is_capitalised(doc[start - 1]) and doc[start - 1].is_alpha
                            and not doc[start].is_sent_start):
            return None
        name = doc[start:end].text
        if add_place and self._held_in_place(title) \
                and not any(m.start == start for m in self._new_places):
            place = self.gazetteer.lookup(name)
            self._new_places.append(Mention(start, end, "place", name, place=place, priority=2))
        return name

    def _body_named_after_town(self, doc: Doc, i: int) -> str | None:
        """"Aktau Seaport Director X", "Bishkek Vodokanal Director X": a known place, then capitalised words
        that are no office, place kind or name, right before the office: a body named after its town,
        which holds the office (the town alone would be the wrong holder), and whose words are not the
        office's. spaCy often reads the place and the body's word as a person's name; a person's name
        does not start with a place."""
        k = i
        while k - 1 >= 0 and i - k < 3 and is_capitalised(doc[k - 1]) and doc[k - 1].is_alpha \
                and k - 1 not in self._named_tokens and (doc[k - 1].ent_type_ != "PERSON" or self._opens_a_place(doc, k - 1)) \
                and fold(doc[k - 1].text) not in self._title_vocabulary | self._body_describers:
            k -= 1
        place = self._ending.get(k) if k < i else None
        if place is None or place.type != "place" or place.priority < 2 or "\n" in doc[k - 1].whitespace_:
            return None
        if place.start > 0 and is_capitalised(doc[place.start - 1]) and doc[place.start - 1].is_alpha \
                and not doc[place.start].is_sent_start:
            return None  # a longer capitalised run than the place and its body's words
        return doc[place.start : i].text

    def _opens_a_place(self, doc: Doc, k: int) -> bool:
        """Whether the person's name spaCy reads over token k starts with a place the finders are sure of,
        before k: the place and a body's word ("Bishkek Vodokanal"), no person's name."""
        start = k
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        place = self._longest_at.get(start)
        return start < k and place is not None and place.type == "place" and place.end <= k

    def _place_before_its_body(self, doc: Doc, i: int) -> str | None:
        """"Bukhara regional hokim X", "Shymkent city administration head X", "Batumi city hall chief X": a
        known place, then lower-case words describing its body, then the office: the office is held in that
        place (a described body is not named; its place stands in). A "regional" or "provincial" there makes
        it the place's region. Returns None unless two such words, or one that is no place word, stand between."""
        k, place = i, None
        while k - 1 >= 0 and i - k < 3 and doc[k - 1].is_lower and doc[k - 1].lower_ in self._body_describers:
            k -= 1
            place = self._ending.get(k)
            if place is not None and place.type == "place" and place.priority >= 2:
                break
        if place is None or place.type != "place" or place.priority < 2 \
                or i - k == 1 and doc[k].lower_ in self._place_words:
            return None  # "Namangan city hokim": one place word is the place's kind, read with it
        name = place.office_holder
        if len(name.split()) > 1 and name.split()[-1].lower() in self._town_words:
            name = name.rsplit(" ", 1)[0]  # "Shymkent city": the town, as "Namangan city hokim" gives it
        for word in (self._anaphoric_adjectives.get(t.lower_) for t in doc[k:i]):
            if word in self._region_words and fold(name).split()[-1] != word:
                return f"{name} {word}"
        return name

    def _place_with_kind_word(self, doc: Doc, k: int, title: str, add_place: bool) -> str | None:
        """"Namangan city hokim", "Mingbulak district hokim": the place named before the lower-case word
        of its kind at k; a region word stays part of its name ("Mingbulak district"), a town's does not.
        A capitalised word there that no finder knows is that place too."""
        word = doc[k].lower_
        known = self._ending.get(k)
        if known is not None and known.type == "place":
            name, start = known.office_holder, known.start
        elif is_capitalised(doc[k - 1]) and doc[k - 1].is_alpha and not doc[k - 1].is_stop \
                and k - 1 not in self._named_tokens and not self._is_title_at(doc, k - 1) \
                and fold(doc[k - 1].text) not in self._title_vocabulary and fold(doc[k - 1].text) not in self.demonyms:
            name, start = doc[k - 1].text, k - 1
        else:
            return None
        end = k
        if word not in self._town_words and fold(name).split()[-1] != word:
            name, end = f"{name} {word}", k + 1
        if known is None and add_place and self._held_in_place(title) \
                and not any(m.start == start for m in self._new_places):
            self._new_places.append(Mention(start, end, "place", name, place=self.gazetteer.lookup(name), priority=2))
        return name

    def _unit_of(self, doc: Doc, j: int, known: Mention) -> int | None:
        """Where "of" follows a board inside a body's name ("Management Board of X"), when X is named."""
        for inner in (x for x in range(j + 1, min(known.end + 1, len(doc))) if doc[x].lower_ == "of"):
            if town_government_at(doc, inner + 1):
                return None  # "Marine Bureau of the Kaohsiung City Government": a body named with its town's government
            if not any(doc[x].lower_ in self._unit_heads for x in range(j, inner)) \
                    or any(doc[x].ent_type_ in ("GPE", "PERSON") or getattr(self._longest_at.get(x), "type", "") == "place"
                           for x in range(j, inner)):
                return None
            after = inner + 2 if inner + 1 < len(doc) and doc[inner + 1].lower_ == "the" else inner + 1
            if after + 1 < len(doc) and doc[after].text in _OPENING_QUOTES:
                after += 1  # "Board of Directors of "Uzbekistan Airways" JSC"
            holder = self._longest_at.get(after)
            if holder is not None and (holder.end == known.end or inner == known.end):
                return inner
            if after == known.end - 1 and known.end + 1 < len(doc) and doc[known.end].lower_ == "of" \
                    and doc[after].tag_ == "NNPS":
                continue  # "Board of Directors| of X": the plural after the board's "of" is the board's own name
            if after < known.end and all(is_capitalised(t) for t in doc[after : known.end]) \
                    and not any(doc[x].lower_ == "of" for x in range(after, known.end)):
                return inner  # "Board of Directors of KazMunayGas": a name after the last "of"
        return None

    def _unit_inside(self, doc: Doc, j: int, end: int) -> int | None:
        """Where "of" follows a unit inside one body's name ("International Relations Department of
        Samarkand State University", "Department of Foreign Affairs of Quang Nam Province"): the unit
        is part of the office and the name after that "of", capitalised up to `end` (before any
        holder's name) and ending in a body's or place's head word, is the body it is held in.
        "Department of Transport" and "X Department of Economic Development" are bodies themselves,
        and so is a committee, which news names as a body of its own ("Executive Committee of X")."""
        named_after = False  # "Department of Foreign Affairs of X": the unit's own name follows its noun
        for inner in range(j + 1, end - 1):
            if doc[inner].lower_ != "of":
                continue
            if inner - 1 == j and doc[j].lower_ in self._unit_nouns:
                named_after = True
                continue
            if doc[inner - 1].lower_ not in self._unit_nouns and not named_after:
                return None
            if town_government_at(doc, inner + 1):
                return None  # "Tourism Bureau of the Kaohsiung City Government": a body named with its town's government
            after = inner + 2 if doc[inner + 1].lower_ == "the" else inner + 1
            named = self._starting.get(after)
            if after < end and is_capitalised(doc[after]) and is_capitalised(doc[end - 1]) \
                    and all(is_capitalised(t) or t.lower_ in self._name_joiners or t.text in _POSSESSIVE
                            for t in doc[after : end]) \
                    and (doc[end - 1].lower_ in ORG_HEADS | self._place_words
                         or named is not None and named.end == end):
                return inner  # not "Department of Economic Development": a remit names no body
            return None
        return None

    def _described_body(self, doc: Doc, end: int) -> str | None:
        """"the Academy" (or "the Special economic zone") written after a body named in full
        ("Eurasian Academy of Arts"): the nearest such body before it."""
        start = end
        while start - 1 >= 0 and end - start < 4 and doc[start - 1].is_alpha and doc[start - 1].lower_ != "the":
            start -= 1
        bare_head = end >= 1 and doc[end - 1].is_sent_start and is_capitalised(doc[end - 1]) \
            and fold(doc[end - 1].text) in ORG_HEADS  # "Committee chair Linda Ortiz said ..."
        if bare_head:
            start = end - 1
        elif start == 0 or doc[start - 1].lower_ != "the" or start == end:
            return None
        words = [fold(t.text) for t in doc[start:end]]
        generic = len(words) == 1 and words[0] in self._generic_bodies  # "the organisation's Secretary General"
        if not generic and not any(w in ORG_HEADS for w in words):
            return None
        best = called = None
        for m in self._known_starting(0, start):
            if m.type != "organization" or m.priority < 2 or m.end > start:
                continue
            name_words = fold(m.name).split()
            if generic or name_words[-len(words):] == words or (len(words) == 1 and words[0] in name_words):
                best = m
            if generic and _with_spellings(words[0]) & set(name_words):
                called = m  # "the organization": the last body that calls itself one, before any other body
        best = called or best
        return best.office_holder if best is not None else None

    def _possessor(self, doc: Doc, k: int) -> str | None:
        """"its Governor": the place or body the sentence is about: its subject when that is one,
        else the nearest one named before the pronoun in the sentence."""
        sent = doc[k].sent
        subject = next((t for t in doc[sent.start : k] if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"), None)
        if subject is not None:
            glossed = self._longest_at.get(subject.i + 2) if subject.i + 2 < k and doc[subject.i + 1].text == "(" else None
            if glossed is not None and glossed.end < len(doc) and doc[glossed.end].text == ")":
                return glossed.office_holder  # "The lower house (Majlisi Namoyandagon) ... its speaker"
            # "The delegation visited Namangan State University and met its rector": the body named
            # between the subject and the pronoun; "The company said its President": no name, no holder
            between = [m for m in self._known_starting(subject.i + 1, k) if m.priority >= 2 and m.end <= k]
            return max(between, key=lambda m: (m.end, m.end - m.start)).office_holder if between else None
        first = sent.start
        if k == sent.start and first > 0 and \
                not any(m.priority >= 2 and m.end <= k for m in self._known_starting(first, k)):
            first = doc[first - 1].sent.start  # "Brno welcomed the guests. Its mayor, ..."
        mentions = [m for m in self._known_starting(first, k) if m.priority >= 2 and m.end <= k
                    and not (m.name.isupper() and len(m.name) > 4)]  # not a dateline ("DUSHANBE, June 23")
        for m in mentions:
            if any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[m.start:m.end]):
                return m.office_holder
        return mentions[-1].office_holder if mentions else None

    def _past_relative_clause(self, doc: Doc, k: int) -> int:
        """", who took office in March, Elnur Aliyev": a relative clause between an office and its
        holder's name; returns the comma before the name (k when there is no such clause)."""
        if k + 1 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in self._relative_pronouns:
            return k
        sent_end = doc[k].sent.end
        close = next((c for c in range(k + 2, min(k + 14, sent_end)) if doc[c].text == ","), None)
        if close is None or not self._appositive_name_at(doc, close + 1):
            return k
        return close

    def _last_named_before(self, doc: Doc, k: int) -> Mention | None:
        """The place or body named last before token k in its sentence (the longest one ending there)."""
        first = doc[k].sent.start
        named = [m for m in self._known_starting(first, k) if m.priority >= 2 and m.end <= k]
        return max(named, key=lambda m: (m.end, m.end - m.start)) if named else None

    def _rest_of_body_name(self, doc: Doc, k: int) -> int:
        """Where the name of the place or body read after an office really ends: the capitalised words of
        its kind ("Metropolitan City") or a body's head ("Khokimiyat") the finders left after it."""
        if k < len(doc) and is_capitalised(doc[k]) and doc[k].lower_ in ORG_HEADS and k + 1 < len(doc) \
                and is_capitalised(doc[k + 1]):
            return k + 1
        for end in range(k, min(k + 3, len(doc))):
            if not (doc[end].is_alpha and is_capitalised(doc[end])) or end in self._named_tokens:
                break
            if doc[end].lower_ in self._place_words:
                return end + 1
        return k

    def _where_body(self, doc: Doc, start: int) -> str | None:
        """"visited Zhetysu University, where rector X ...", "the IT Park, where its director X",
        "the Sendai Chamber of Commerce, whose chairman X": an office opening a "where" or "whose"
        clause is held in the body or place the clause is about."""
        k = start - 1 if start > 0 and doc[start - 1].lower_ in self._where_determiners else start
        if k < 3 or doc[k - 1].lower_ not in self._where_words or doc[k - 2].text != ",":
            return None
        body = self._ending.get(k - 2)
        return body.office_holder if body is not None and body.priority >= 2 else None

    def _visited_host(self, doc: Doc, start: int, title: str) -> str | None:
        """"The delegation visited Osaka University and met President X", "visited Kobe and met Mayor Y",
        "In Kobe, the guests met Mayor Y": an office written bare after a meeting verb is held in the body,
        or the town of its kind, that the same sentence says was visited."""
        if start < 4:
            return None
        sent_start = doc[start].sent.start
        verbs = [t.i for t in doc[sent_start:start] if t.pos_ == "VERB"]
        visit = next((v for v in verbs if doc[v].lemma_ in self._visit_verbs), None)
        scene = self._longest_at.get(sent_start + 1) if doc[sent_start].lower_ == "in" else None
        if visit is None and scene is not None and scene.end < start and doc[scene.end].text == ",":
            visit = sent_start  # "In New Orleans, the guests met Mayor X at City Hall"
        if visit is None or not any(doc[v].lemma_ in self._meeting_verbs for v in verbs if v > visit):
            return None
        hosts = [m for m in self._known_starting(visit + 1, start) if m.priority >= 2 and m.end < start]
        if self._held_in_place(title):
            kinds = self._anaphoric_places.get(self._office_territories.get(title, ""), [])
            if visit == sent_start and scene is not None:
                hosts = [scene]  # the town the sentence is set in, not a town inside a guest's body's name
            bodies = [m for m in hosts if m.type == "organization"]
            hosts = [m for m in hosts if m.type == "place" and m.place is not None and m.place.kind in kinds
                     and not any(b.start <= m.start and m.end <= b.end for b in bodies)]
            return max(hosts, key=lambda m: m.end).office_holder if hosts else None
        hosts = [m for m in hosts if m.type == "organization"]
        return max(hosts, key=lambda m: m.end).name if hosts else None

    def _their_body(self, doc: Doc, start: int, found: list[Mention]) -> str | None:
        """"Rector Anna Lind and her deputy Pavel Kos": an office written with "his" or "her"
        after someone's office in the same sentence is held in that person's body."""
        if start == 0 or doc[start - 1].lower_ not in self._personal_possessives:
            return None
        sent_start = doc[start].sent.start
        before = [m for m in found if sent_start <= m.start and m.end < start and any(of for _, of in m.roles)]
        return next((of for _, of in before[-1].roles if of), None) if before else None

    def _definite_office(self, doc: Doc, start: int, title: str) -> str | None:
        """"The governor, Shuichi Abe, ..." after "... arrived in Nagano Prefecture": an office of a
        territory written with "the" and no "of" is the office of the last such territory named."""
        territory = self._office_territories.get(title)
        if territory is None or start == 0 or doc[start - 1].lower_ != "the":
            return None
        return self._antecedent_place(doc, start - 1, territory)

    def _antecedent_place(self, doc: Doc, k: int, noun: str, title: str = "") -> str | None:
        """"this province", "the region": the nearest place of that kind named before token k. For a deputy's
        office ("the region's vice-marshal"), the place whose principal office the article named first
        ("West Pomerania's marshal"), even when a guest's region was named since."""
        deputy = bool(title) and self._principal(title) != title  # the office itself goes to the nearest place
        principal = self._principal_places.get(self._principal(title)) if deputy else None
        if principal is not None and any(m.type == "place" and m.end <= k and m.office_holder == principal
                                         for m in self._known_starting(0, k) + self._new_places):
            return principal
        kinds = self._anaphoric_places.get(noun, [])
        for m in reversed([m for m in self._known_starting(0, k) if m.type == "place" and m.end <= k]):
            kind = m.place.kind if m.place is not None else None
            last = fold(m.name).split()[-1]
            if m.end < len(doc) and doc[m.end].is_lower and doc[m.end].lower_ in self._anaphoric_places:
                last = doc[m.end].lower_  # "Lam Dong province": the kind written after the name
            if kind in kinds or (last in self._anaphoric_places and any(x in kinds for x in self._anaphoric_places[last])):
                return m.office_holder
        return None

    def _of_part(self, doc: Doc, k: int, title: str, holder_follows: bool = True) -> tuple[str | None, int, str]:
        """Read "of X" (and "in Y", "to Z") after a title; returns (of, next index, title). When the
        holder is named before the office (`holder_follows` false), a capitalised run after "of" keeps
        its last words ("Minister of Funds and Regional Policy")."""
        if k < len(doc) and doc[k].lower_ == "to" and self._longest_at.get(k + 1):
            return None, self._longest_at[k + 1].end, title  # "Ambassador to Japan X": not the sending state
        to_title = k + 2 if k + 2 < len(doc) and doc[k + 1].lower_ == "the" else k + 1
        if k < len(doc) and doc[k].lower_ == "to" and to_title < len(doc) and self._is_title_at(doc, to_title):
            # "Adviser to the Akim of Akmola region": the office serves the other office's holder
            superior = self._is_title_at(doc, to_title)
            of, end, _ = self._of_part(doc, to_title + superior, self._canonical(doc, to_title, to_title + superior)[0])
            return (of, end, title) if of is not None else (None, k, title)
        body = self._longest_at.get(k)
        if body is not None and body.type == "organization" and k > 0 and is_capitalised(doc[k - 1]):
            return self._holder(body, title), self._skip_location(doc, body.end), title  # "Chairman Investment Board of X"
        k = self._described_place_of(doc, k)
        if k + 1 < len(doc) and doc[k].lower_ == "at":
            at = self._longest_at.get(k + 2 if doc[k + 1].lower_ == "the" and k + 2 < len(doc) else k + 1)
            if at is not None and at.type == "organization":  # "director at the Lyon Opera"
                return self._holder(at, title), at.end, title
        if k >= len(doc) or doc[k].lower_ not in self._office_prepositions:
            return None, k, title
        j = k + 1
        if j + 1 < len(doc) and doc[k].lower_ == "of" and doc[j].lower_ == "the" and doc[j + 1].lower_ in self._unit_heads \
                and (doc[j + 1].is_lower or self._another_office_at(doc, j + 2)):
            # "the chairman of the board and rector of X", "Chairman of the Board – Rector of X"
            longer = f"{title} of the {doc[j + 1].lower_}"
            if j + 2 < len(doc) and doc[j + 2].lower_ == "of":
                return self._of_part(doc, j + 2, longer, holder_follows)
            return None, j + 2, longer
        remit = self._lower_case_remit(doc, k, holder_follows)
        if remit > j:  # "vice-rector for international affairs Professor X"
            longer = f"{title} for {doc[j:remit].text.lower()}"
            if doc[remit].lower_ == "of":  # "vice-rector for international affairs of Leipzig University"
                return self._of_part(doc, remit, longer, holder_follows)
            return None, remit, longer
        remit_end = j
        while remit_end < len(doc) and remit_end - j < 3 and doc[remit_end].is_alpha and doc[remit_end].is_lower \
                and not doc[remit_end].is_stop:
            remit_end += 1
        if doc[k].lower_ == "of" and j < remit_end < len(doc) and doc[remit_end].lower_ == "at":
            # "head of environment at the Port of Gothenburg": a remit, then the body
            return self._of_part(doc, remit_end, f"{title} of {doc[j:remit_end].text.lower()}", holder_follows)
        portfolio = self._lower_case_portfolio(doc, k, title, holder_follows)
        if portfolio > j:  # ", minister of agriculture and food of Omsk oblast"
            longer = f"{title} of {doc[j:portfolio].text.lower()}"
            if portfolio < len(doc) and doc[portfolio].lower_ == "of":
                return self._of_part(doc, portfolio, longer, holder_follows)
            return None, portfolio, longer
        owned = (self._longest_at.get(j + 3) or self._starting.get(j + 3)) if j + 3 < len(doc) and doc[j].lower_ in self._anaphoric_determiners \
            and doc[j + 1].lower_ in self._anaphoric_places and doc[j + 2].text in _POSSESSIVE else None
        if owned is not None and owned.type == "organization":  # "of the aimag's Citizens' Representative Khural"
            return self._holder(owned, title), self._skip_location(doc, owned.end), title
        anaphoric = self._anaphoric_of(doc, j, title)
        if anaphoric is None and j + 2 < len(doc) and doc[j].lower_ in self._anaphoric_determiners \
                and doc[j + 1].is_lower and doc[j + 1].lower_ in self._anaphoric_places and doc[j + 2].lower_ != "of" \
                and getattr(self._longest_at.get(j + 2), "type", None) != "place":
            # "Governor of the region X" with no region named before: an office of no one place
            return None, max(j + 2, self._body_name_end(doc, j + 2)), title
        if anaphoric is not None:
            of, end = anaphoric
            unit = self._unit_after_possessive(doc, end)
            if unit > end:  # "head of the city's international relations department X": a unit of that place
                return of, unit, f"{title} of the {doc[end + 1 : unit].text.lower()}"
            return of, self._skip_location(doc, end), title
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        quoted = self._quoted_body(doc, j, title) if holder_follows else None
        if quoted is not None:  # "Director of the museum "Otrar" X", "of the Association "Y" X"
            return quoted
        known = self._longest_at.get(j)
        if known is not None and known.type == "place" and known.end + 1 < len(doc) \
                and doc[known.end].text in _POSSESSIVE:
            contained = self._longest_at.get(known.end + 1)
            if contained is not None and contained.type in ("place", "organization"):
                known, j = contained, contained.start  # "the mayor of Bursa's Osmangazi district": the district's office
            elif self._unit_after_possessive(doc, known.end) > known.end:
                # "the head of Adjara's government, X": a unit of that place, which stands in for it
                unit = self._unit_after_possessive(doc, known.end)
                return known.office_holder, unit, f"{title} of {doc[known.end + 1 : unit].text.lower()}"
        unit = self._unit_of(doc, j, known) if known is not None else None
        if unit is None and known is not None and known.type == "organization" and known.end + 1 < len(doc) \
                and doc[known.end].lower_ == "of":
            parent_at = known.end + 2 if doc[known.end + 1].lower_ == "the" else known.end + 1
            parent = self._longest_at.get(parent_at)
            if parent is not None and parent.type == "organization":
                unit = known.end  # "Head of the Department of External Relations of the Akimat of Almaty X"
        if unit is None and known is not None and known.type == "organization":
            name_end = (self._person_tail(doc, j, known.end) or self._given_name_tail(doc, j, known.end)
                        or self._name_across_end(doc, j, known.end)) if holder_follows else None
            unit = self._unit_inside(doc, j, name_end or known.end)
        if unit is not None:  # "Chairman of the Management Board of X": the board is part of the office
            return self._of_part(doc, unit, f"{title} {doc[k:unit].text.lower()}")
        if known is not None:
            of = self._holder(known, title)
            end = known.end
            tail = (self._person_tail(doc, j, known.end) or self._given_name_tail(doc, j, known.end)
                    or self._name_across_end(doc, j, known.end)) if holder_follows else None
            if tail is not None:
                of, end = doc[j:tail].text, tail
            elif known.type == "organization" and self._skip_country_of(doc, end) > end:
                # "Head of the X Department of the Ministry of Economy of Azerbaijan Leyla Huseynova": a state's
                # body is named with its state, and the holder's name comes after both
                end = self._skip_country_of(doc, end)
                of = doc[j:end].text
            elif known.type == "organization" and end + 1 < len(doc) and doc[end].text in self._legal_forms \
                    and is_capitalised(doc[end + 1]) and doc[end + 1].is_alpha:
                end += 1  # "Uzbekistan Airways JSC Shukhrat Ismoilov": the form ends the body's name
            elif known.type == "place" and (doc[j - 1].lower_ == "the" and not self._is_country(known)
                                            or self._body_word_after(doc, known.end)):
                # "the Lyon Opera X": a body named after its town; "the Philippines X" is a country and its name
                end = self._body_after_place(doc, known.end)
                if end > known.end:
                    of = doc[j:end].text  # "Director of the Lyon Opera X": a body named after its town
            if known.type == "place" and end < len(doc) and doc[end].is_lower and doc[end].lower_ in ORG_HEADS \
                    and not self._held_in_place(title):
                of = self._body_of_place_named(known, doc[end].lower_) or of  # "the rector of the Omsk university"
            if known.type == "place" and end == known.end and end < len(doc) and doc[end].is_lower \
                    and doc[end].lower_ in self._region_words and fold(of).split()[-1] != doc[end].lower_ \
                    and (end + 1 >= len(doc) or doc[end + 1].is_punct):
                of, end = f"{of} {doc[end].lower_}", end + 1  # "the governor of Töv aimag, X": the aimag, not its town
            described = self._lower_case_description(doc, end)
            if described > end:  # "the head of the Ganja city executive power, X", "of Da Nang city X"
                if known.type == "organization" and described == end + 1 and doc[end].lower_ in self._place_words:
                    of = doc[j : described].text  # "People's Committee of Da Nang city": the body's own name
                end = described
            if known.type == "place" and end < len(doc) and doc[end].is_lower and doc[end].lower_ in ORG_HEADS:
                end += 1  # "the Kostanay region administration": a described body; its place stands in
            if known.type == "place":
                end = self._skip_country_of(doc, end)  # "the Mayor of Busan of the Republic of Korea Park X"
        else:
            kind_end = self._unknown_place_with_kind_word(doc, j)
            if kind_end > j:  # "head of the Gakh district executive power X"
                return doc[j:kind_end].text, self._lower_case_description(doc, kind_end), title
            described_end = self._description_end(doc, j) if doc[j - 1].lower_ == "the" else j
            described = self._described_body(doc, described_end) if described_end > j else None
            if described is not None:  # "Head of the Special economic zone", named in full before
                return described, described_end, title
            if described_end > j and described_end < len(doc) and doc[described_end].lower_ == "of" \
                    and all(t.is_lower for t in doc[j:described_end]):
                # "head of the international relations department of the Almaty akimat": a unit, then its body
                return self._of_part(doc, described_end, f"{title} of the {doc[j:described_end].text}")
            mixed = self._mixed_case_body_end(doc, j) if holder_follows and doc[j - 1].lower_ == "the" else j
            if mixed > j:  # "the rector of the Eurasian national University, X": a body's name in mixed case
                return doc[j:mixed].text, mixed, title
            # no known name: the capitalised run, less the person's name at its end
            portfolio = any(w in title for w in self._portfolios)
            end = j
            while end < len(doc) and (is_capitalised(doc[end]) or doc[end].lower_ in self._name_joiners
                                      or self._glued_hyphen(doc, end) or self._plural_possessive(doc, end)
                                      or portfolio and doc[end].text == "," and end + 1 < len(doc)
                                      and is_capitalised(doc[end + 1]) and not self._starting.get(end + 1)) \
                    and "\n" not in doc[end - 1].whitespace_:
                if end > j and (self._is_title_at(doc, end) and not self._plural_possessive(doc, end + 1)
                                or fold(doc[end].text) in self.demonyms or self._is_honorific(doc[end])):
                    break  # but "the Finnish Rectors' Conference" names a body
                end += 1
            while end > j and doc[end - 1].lower_ in self._name_joiners | {","}:
                end -= 1
            # "Chairman of the Management Board of X": the board is part of the office, X its holder
            inner = next((k for k in range(j + 1, end) if doc[k].lower_ == "of"), None)
            if inner is not None:
                after = inner + 2 if inner + 1 < len(doc) and doc[inner + 1].lower_ == "the" else inner + 1
                holder = self._starting.get(after)
                if holder is not None and holder.priority >= 2 and holder.type == "place" and not portfolio \
                        and doc[j - 1].lower_ == "the" and inner == j + 1 and not self._is_unit_word(doc[j]):
                    # "President of the Polytechnic of Porto X": "the" and one noun of no unit name a body after
                    # its place, which holds the office ("the International Affairs Division of X" is a unit)
                    return doc[j : holder.end].text, self._skip_location(doc, holder.end), title
                if holder is not None and holder.priority >= 2:
                    title = f"{title} {doc[k:inner].text.lower()}"
                    return self._of_part(doc, inner, title, holder_follows)
            last_of = next((x for x in range(end - 2, j, -1) if doc[x].lower_ == "of"), None)
            parent = self._starting.get(last_of + 1) if last_of is not None and doc[j - 1].lower_ == "the" else None
            if parent is not None and parent.type == "organization" and parent.end == end and not portfolio \
                    and end < len(doc) and self._is_honorific(doc[end]):
                # "Dean of the Faculty of Physics and Technology of KazNU Dr. X": a unit no finder knows, then
                # the body it belongs to, then the holder after an honorific; the unit is part of the office
                return parent.office_holder, end, f"{title} of the {doc[j:last_of].text.lower()}"
            while end > j and not is_capitalised(doc[end - 1]):
                end -= 1
            if holder_follows:
                end = self._less_holder_name(doc, j, end)
            while end > j and doc[end - 1].text == ",":
                end -= 1  # "the MEC for Economic Development, Lebogang Maile"
            if end <= j:
                described = self._described_body(doc, self._description_end(doc, j))
                if described is not None:
                    return described, self._description_end(doc, j), title
                if doc[j - 1].lower_ == "the":  # ", Chief of Staff of the akimat,": a body not named
                    unnamed = self._lower_case_description(doc, j, name_follows=False)
                    if unnamed > j:
                        return None, unnamed, title
                return None, k, title
            of = doc[j:end].text
            # "Vice-Rector for International Affairs", "for Research": a remit unless a known place follows
            remit = doc[k].lower_ == "for" and not self._well_known_place(of) and self._longest_at.get(j) is None
            if remit or (title.split()[-1] in self._portfolios or any(w in title for w in self._portfolios)) \
                    and not any(p.kind in ("country", "region") for p in self.gazetteer.candidates(of)):
                # "Minister of Culture" is a portfolio; "Chief Minister of Punjab" an office of a place
                title = f"{title} {doc[k].lower_} {of.lower()}"
                if end < len(doc) and doc[end].lower_ == "of":
                    return self._of_part(doc, end, title, holder_follows)  # "Minister of Culture of the Republic of X"
                return None, end, title
        return of, self._skip_location(doc, end), title

    def _mixed_case_body_end(self, doc: Doc, j: int) -> int:
        """End of "Eurasian national University", "Foreign Relations department" at j: a body's name with lower-case
        nouns or adjectives among its capitalised words, written up to the comma before its holder's name (writers
        and translators capitalise a body's words unevenly); j when the words are not such a name. A place described
        by its kind ("the Georgian city, X", "the Black Sea city, X") or a group named only by its nation ("the Finnish
        delegation, X") is no body's name: the capitals there are a nation's or a sea's, not a name's."""
        end = j
        while end < len(doc) and (doc[end].is_alpha and (is_capitalised(doc[end]) or doc[end].pos_ in ("NOUN", "ADJ", "PROPN"))
                                  or doc[end].lower_ in self._name_joiners
                                  or end > j and doc[end - 1].lower_ == "of" and doc[end].lower_ in self._articles):
            end += 1
        if end - j < 2 or end + 1 >= len(doc) or doc[end].text != "," or doc[end - 1].lower_ in self._name_joiners:
            return j
        words = doc[j:end]
        if not any(is_capitalised(t) for t in words) or all(is_capitalised(t) or t.lower_ in self._name_joiners for t in words):
            return j  # all lower case is a description; all capitalised, the run below reads
        if words[-1].is_lower and words[-1].lower_ in self._place_words and not any(t.lower_ == "of" for t in words) \
                or all(fold(t.text) in self.demonyms for t in words if is_capitalised(t)):
            return j
        holder = end + 1
        named = doc[holder].ent_type_ == "PERSON" and doc[holder].ent_iob_ == "B" \
            or self._name_run(doc, holder) - holder >= 2 and holder not in self._starting
        return end if named else j

    def _described_place_of(self, doc: Doc, k: int) -> int:
        """"of the city of Osh", "of the Turkish city of Konya", "of the northern Georgian Black Sea city of
        Batumi": where the "of" before the place itself stands (k when the place is not described so)."""
        if k + 3 >= len(doc) or doc[k].lower_ != "of" or doc[k + 1].lower_ != "the":
            return k
        m = k + 2
        while m + 1 < len(doc) and m - k <= 6:
            tok = doc[m]
            if tok.lower_ in self._anaphoric_places and doc[m + 1].lower_ == "of" and (m == k + 2 or tok.is_lower):
                return m + 1
            if not tok.is_alpha or not (fold(tok.text) in self.demonyms or tok.is_lower and tok.pos_ == "ADJ"
                                        or is_capitalised(tok) and not self._is_title_at(doc, m)):
                break
            m += 1
        return k

    @staticmethod
    def _plural_possessive(doc: Doc, k: int) -> bool:
        """The apostrophe of a plural possessive inside a name ("Finnish Rectors' Conference")."""
        return doc[k].text in ("'", "’") and k > 0 and doc[k - 1].text.endswith("s") and not doc[k - 1].whitespace_ \
            and k + 1 < len(doc) and is_capitalised(doc[k + 1])

    @staticmethod
    def _glued_hyphen(doc: Doc, k: int) -> bool:
        """A hyphen written inside a word ("Anne-Lise", "vice-mayor")."""
        return doc[k].text in _HYPHENS and not doc[k].whitespace_ and k > 0 and not doc[k - 1].whitespace_ \
            and k + 1 < len(doc)

    def _less_holder_name(self, doc: Doc, j: int, end: int) -> int:
        """A capitalised run after "of" that ends with the holder's name: the name starts where spaCy
        sees a person, else it is the last two words (a hyphenated word counts once)."""
        if end < len(doc) and doc[end].text == "," and self._appositive_name_at(doc, end + 1):
            return end  # "Chairman of X Y Z, Name Surname, ...": the name follows the comma
        if end < len(doc) and doc[end].text == ")" and self._inside_brackets(doc, j):
            return end  # "Name (Dean of the Faculty of A and B)": the holder is named before the brackets
        person = next((k for k in range(j + 1, end) if doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "B"), None)
        if person is not None:
            while person in self._named_tokens and person < end - 2:
                person += 1  # "Air Astana Peter Foster", spaCy's person starting at the town: the name is after it
            if person == end - 1 and person - 1 > j and self._given_name_before(doc, person):
                return person - 1  # "Minister of Health Murat Kara", spaCy seeing only "Kara": a holder has two names
            return person
        if doc[end - 1].text in self._legal_forms or doc[end - 1].lower_ in ORG_HEADS:
            return end  # "of Pavlodar Petrochemical Plant JSC", "of the Finnish Rectors' Conference": a body's end
        units = [k for k in range(j, end) if is_capitalised(doc[k]) and not (k > j and self._glued_hyphen(doc, k - 1))]
        if len(units) >= 4 and units[-3] > j and fold(doc[units[-3]].text) in self._three_word_surnames:
            return units[-3]  # "Director of Lotus Hi-Tech Park Vo Thanh Son"
        return units[-2] if len(units) >= 3 and units[-2] > j else end

    @staticmethod
    def _inside_brackets(doc: Doc, k: int) -> bool:
        """Whether token k stands inside brackets opened earlier in its sentence."""
        depth = 0
        for t in doc[doc[k].sent.start : k]:
            depth += (t.text == "(") - (t.text == ")")
        return depth > 0

    def _given_name_before(self, doc: Doc, k: int) -> bool:
        """The word before a lone surname can be a given name: a capitalised word that no body,
        place or office uses."""
        prev = doc[k - 1]
        return prev.is_alpha and is_capitalised(prev) and not prev.is_upper and k - 1 not in self._named_tokens \
            and fold(prev.text) not in self._title_vocabulary and prev.lower_ not in self._place_words \
            and fold(prev.text) not in self.demonyms

    def _body_word_after(self, doc: Doc, end: int) -> bool:
        """Whether the capitalised words right after a town hold a body's or facility's head noun
        ("Danang Hi-Tech Park"): a body named after its town, even with no "the" before it."""
        k = end
        while k < len(doc) and k - end < 5 and (doc[k].is_alpha and is_capitalised(doc[k]) or self._glued_hyphen(doc, k)):
            if doc[k].lower_ in ORG_HEADS or doc[k].lower_ in self._facility_words:
                return True
            k += 1
        return False

    def _body_after_place(self, doc: Doc, end: int) -> int:
        """End of the body named after a town in "the <Town> Opera <First> <Last>": the capitalised
        words after the town up to the holder's name (where spaCy sees a person, else its last two words)."""
        units: list[int] = []  # end of each word, hyphenated words counted once
        k = end
        while k < len(doc) and len(units) < 5 and is_capitalised(doc[k]) and doc[k].is_alpha \
                and not self._is_title_at(doc, k) and k not in self._named_tokens:
            if doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "B":
                return k if units else end
            k += 1
            while k + 1 < len(doc) and doc[k].text in _HYPHENS and not doc[k].whitespace_ and doc[k + 1].is_alpha:
                k += 2  # "Marie-Claire"
            units.append(k)
        if units and len(units) < 3 and (k >= len(doc) or not is_capitalised(doc[k])) \
                and (k >= len(doc) or doc[k].is_punct or doc[k].lower_ in self._after_body_words):
            return units[-1]  # "director of the Almaty Zoo, and ...": no name follows, the run is the body's
        if len(units) < 3 or (k < len(doc) and is_capitalised(doc[k])):
            return end
        return units[-3]

    def _description_end(self, doc: Doc, j: int) -> int:
        """End of a short description after "the": "Special economic zone", "Academy"."""
        end = j
        while end < len(doc) and end - j < 4 and doc[end].is_alpha and not self._name_run(doc, end) - end >= 2 \
                and doc[end].lower_ not in self._description_continuers:
            end += 1
            if fold(doc[end - 1].text) in ORG_HEADS:
                return end
        return j

    def _unknown_place_with_kind_word(self, doc: Doc, j: int) -> int:
        """End of "Gakh district" at j: a capitalised word no finder knows (or words joined by hyphens, "Souss-Massa"),
        then the lower-case word of a region's kind, is a place (added to the article's places); j when there is none."""
        if j + 1 >= len(doc) or not (doc[j].is_alpha and is_capitalised(doc[j])) or j in self._named_tokens \
                or self._is_title_at(doc, j) or fold(doc[j].text) in self.demonyms:
            return j
        kind = j + 1
        while kind + 1 < len(doc) and self._glued_hyphen(doc, kind) and doc[kind + 1].is_alpha \
                and is_capitalised(doc[kind + 1]) and kind + 1 not in self._named_tokens:
            kind += 2
        if kind >= len(doc) or not doc[kind].is_lower or doc[kind].lower_ not in self._region_words | {"district"}:
            return j
        if not any(m.start == j for m in self._new_places):
            name = doc[j : kind + 1].text
            self._new_places.append(Mention(j, kind + 1, "place", name, place=self.gazetteer.lookup(name), priority=2))
        return kind + 1

    def _body_of_place_named(self, place: Mention, head: str) -> str | None:
        """The one body named before `place` whose name holds that place's name and the head noun
        ("Omsk State Agrarian University" for "the Omsk university", "Izmir Chamber of Commerce" for "the Izmir
        chamber", "Port of Baku" for "the Baku port"); None when there is none or several."""
        town = fold(place.name).split()
        found = {m.name for m in self._known_starting(0, place.start) if m.type == "organization" and m.priority >= 2
                 and m.end <= place.start and _shortened_to(fold(m.name).split(), town, head)}
        return found.pop() if len(found) == 1 else None

    def _lower_case_description(self, doc: Doc, end: int, name_follows: bool = True) -> int:
        """End of lower-case words after a place or body that describe the holder's body ("city executive
        power", "city", "district administration"), when the holder's name follows them (or, with
        `name_follows` false, the clause ends); `end` otherwise."""
        e = end
        while e < len(doc) and e - end < 4 and doc[e].is_alpha and doc[e].is_lower and not doc[e].is_stop:
            e += 1
        if e == end or e >= len(doc):
            return end
        if not name_follows:
            return e if doc[e].text in (",", ".", ";", ")") else end
        if doc[e].text == "," and self._appositive_name_at(doc, e + 1) or self._name_run(doc, e) - e >= 2:
            return e
        return end

    def _anaphoric_of(self, doc: Doc, j: int, title: str = "") -> tuple[str, int] | None:
        """"of this province", "of the region Ulytau", "of the city": a place named before, or right after."""
        if j + 1 >= len(doc) or doc[j].lower_ not in self._anaphoric_determiners:
            return None
        territorial = self._territorial_body(doc, j)
        if territorial is not None:
            return territorial
        noun = doc[j + 1]
        if noun.lower_ not in self._anaphoric_places or is_capitalised(noun):
            return None
        named = self._longest_at.get(j + 2)
        if named is not None and named.type == "place":  # "Akim of the region Ulytau"
            name = named.office_holder
            if noun.lower_ in self._region_words and fold(name).split()[-1] not in self._anaphoric_places:
                name = f"{name} {noun.lower_}"
            return name, named.end
        if j + 2 < len(doc) and doc[j + 2].lower_ == "of":
            return None  # "of the city of X": X is read as the holder elsewhere
        place = self._antecedent_place(doc, j, noun.lower_, title)
        if place is None:
            return None
        # "of the city People's Committee X": a body described by its place, which stands in for it
        return place, max(j + 2, self._body_name_end(doc, j + 2))

    def _body_name_end(self, doc: Doc, k: int) -> int:
        """End of a body's name written at k in capitals ("People's Committee", "Department of Foreign
        Affairs") up to the holder's name after it; k when no body's head noun starts it."""
        end = k
        while end < len(doc) and end - k < 6 and (is_capitalised(doc[end]) and doc[end].is_alpha
                                                  or doc[end].text in _POSSESSIVE or doc[end].lower_ in self._body_name_continuers):
            end += 1
        end = self._less_holder_name(doc, k, end) if end > k else k
        while end > k and not is_capitalised(doc[end - 1]):
            end -= 1
        return end if any(t.lower_ in ORG_HEADS for t in doc[k:end]) else k

    @staticmethod
    def _unit_after_possessive(doc: Doc, k: int) -> int:
        """End of "'s international relations department" at k: a unit of a body or place, written in
        lower case after a possessive; k when there is none."""
        if k >= len(doc) or doc[k].text not in _POSSESSIVE:
            return k
        end = k + 1
        while end < len(doc) and end - k <= 4 and doc[end].is_alpha and doc[end].is_lower:
            end += 1
            if doc[end - 1].lower_ in ORG_HEADS:
                return end
        return k

    def _lower_case_portfolio(self, doc: Doc, k: int, title: str, holder_follows: bool = True) -> int:
        """End of a minister's portfolio written in lower case after "of" ("minister of agriculture and
        food"), where an "of" naming the state, a comma or the clause's end follows, or of a head's field
        ("head of international relations") where an "of" or the apposed holder follows; k + 1 when there is none."""
        j = end = k + 1
        head = title.split()[-1]
        if doc[k].lower_ != "of" or head not in self._portfolios and head not in self._field_heads:
            return j
        while end < len(doc) and end - j < 6 and doc[end].is_alpha and doc[end].is_lower \
                and (not doc[end].is_stop or doc[end].lower_ == "and" and end > j):
            end += 1
        if end == j or doc[end - 1].lower_ == "and" or end >= len(doc):
            return j
        if head in self._portfolios:
            return end if doc[end].lower_ == "of" or doc[end].is_punct else j
        # "the city's head of international relations, Petra Lange": a head's field, where whose office it is
        # comes next, the holder's name is apposed, or the holder was named before ("Jan Novak, head of protocol,")
        if doc[end].lower_ == "of" and end + 1 < len(doc) and (is_capitalised(doc[end + 1]) or doc[end + 1].lower_ == "the") \
                or doc[end].text == "," and self._appositive_name_at(doc, end + 1) \
                or not holder_follows and doc[end].is_punct:
            return end
        return j

    def _lower_case_remit(self, doc: Doc, k: int, holder_follows: bool = True) -> int:
        """End of a remit written in lower case after "for" ("for international affairs"), up to a
        capitalised word or a comma before the holder's name (or, when the holder was named before,
        any punctuation); k + 1 when there is none."""
        j = end = k + 1
        if doc[k].lower_ != "for":
            return j
        while end < len(doc) and end - j < 4 and doc[end].is_alpha and doc[end].is_lower and not doc[end].is_stop:
            end += 1
        if end == j or end >= len(doc):
            return j
        if is_capitalised(doc[end]) or doc[end].text == "," and self._appositive_name_at(doc, end + 1) \
                or not holder_follows and doc[end].is_punct:
            return end
        if doc[end].lower_ == "of" and end + 1 < len(doc) and (is_capitalised(doc[end + 1]) or doc[end + 1].lower_ == "the"):
            return end  # the remit, then whose office it is
        return j

    def _capitalised_remit(self, doc: Doc, k: int) -> int:
        """End of a remit in capitals after an office's place ("for Tourism", "for Economic Affairs") when the
        holder's name follows it; k when there is none."""
        if k + 3 >= len(doc) or doc[k].lower_ != "for":
            return k
        end = k + 1
        while end < len(doc) and end - k <= 6 and (doc[end].is_alpha and is_capitalised(doc[end]) and not self._is_title_at(doc, end)
                                                   or doc[end].lower_ == "and" and end > k + 1):
            end += 1
        cut = self._less_holder_name(doc, k + 1, end)
        return cut if k + 1 < cut < end and end - cut >= 2 else k

    def _territorial_body(self, doc: Doc, j: int) -> tuple[str, int] | None:
        """"of the provincial People's Committee", "of the provincial foreign affairs office": a body
        of the territory of that kind named last; its place stands in. Returns it and where the body's
        name ends."""
        adjective = doc[j + 1]
        kind = self._anaphoric_adjectives.get(adjective.lower_)
        if kind is None or is_capitalised(adjective) or j + 2 >= len(doc) or doc[j + 2].text in _POSSESSIVE:
            return None  # "the city's tourism department": the city's unit, read by the caller
        end, k = 0, j + 2
        while k < len(doc) and k - j < 6 and (doc[k].is_alpha and not doc[k].is_stop or doc[k].text in _POSSESSIVE):
            if fold(doc[k].text) in ORG_HEADS:
                end = k + 1
            k += 1
        if not end:
            return None
        if end + 1 < len(doc) and doc[end].lower_ == "of":  # "the regional department of tourism, X"
            field = end + 1
            while field < len(doc) and field - end <= 3 and doc[field].is_alpha and doc[field].is_lower \
                    and not doc[field].is_stop:
                field += 1
            if field > end + 1 and field < len(doc) and (doc[field].is_punct or is_capitalised(doc[field])):
                end = field
        place = self._only_place_written_as(doc, j, kind)
        return (place, end) if place is not None else None

    def _only_place_written_as(self, doc: Doc, k: int, noun: str) -> str | None:
        """The one place before token k written with that kind noun ("Gansu Province" for "provincial");
        None when the story has named two (the host's and the guests' provinces)."""
        found: set[str] = set()
        name = None
        for m in self._known_starting(0, k):
            if m.type != "place" or m.end > k:
                continue
            words = fold(m.name).split()
            after = doc[m.end].lower_ if m.end < len(doc) else ""
            if words[-1] == noun or after == noun:
                found.add(fold(m.office_holder).removesuffix(f" {noun}"))
                name = m.office_holder
        return name if len(found) == 1 else None

    def _skip_country_of(self, doc: Doc, end: int) -> int:
        """An "of" naming the country a town just named lies in ("Busan of the Republic of Korea"): no part of
        the office; returns where the country's name ends (end when there is none)."""
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return end
        at = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        country = self._longest_at.get(at)
        if country is None or country.type != "place" or country.place is None or country.place.kind != "country":
            return end
        return country.end

    def _skip_location(self, doc: Doc, end: int) -> int:
        """"... in Y", "... to Z", "... in the province of Y" after an office's holder."""
        if end < len(doc) and doc[end].lower_ in self._location_prepositions:
            k = end + 1
            if k + 2 < len(doc) and doc[k].lower_ == "the" and doc[k + 1].lower_ in self._anaphoric_places \
                    and doc[k + 2].lower_ == "of":
                k += 3
            elif k + 1 < len(doc) and doc[k].lower_ == "the" and self._longest_at.get(k + 1):
                k += 1  # "Ambassador of X to the UAE"
            if self._longest_at.get(k):
                return self._place_before_a_name(doc, self._longest_at[k])
        return end

    def _place_before_a_name(self, doc: Doc, known: Mention) -> int:
        """Where a location read after an office ends: a body's name that a finder ran from a place into the
        holder's name ("to Kazakhstan Ikrom Nazarov") ends with the place."""
        if known.type == "organization":
            for m in self._known[bisect_left(self._known_starts, known.start):]:
                if m.start != known.start:
                    break
                if m.type == "place" and m.end < known.end and self._name_run(doc, m.end) == known.end:
                    return m.end
        return known.end

    def _of_after_name(self, doc: Doc, end: int, roles: list[Role]) -> tuple[list[Role], int]:
        """"Mayor Linda Shaw of Eugene, Oregon": the place named after the holder is the office's.
        Returns the roles and where the "of" part ends."""
        if all(of is not None for _, of in roles):
            return list(roles), end
        bracketed = self._longest_at.get(end + 1) if end + 1 < len(doc) and doc[end].text == "(" else None
        if bracketed is not None and bracketed.type == "place" and bracketed.end < len(doc) \
                and doc[bracketed.end].text == ")" and all(self._held_in_place(title) for title, _ in roles):
            # "Mayor Ruslan Tokhtarov (Taldykorgan)": the town in brackets after a mayor is his
            return [(title, of if of is not None else bracketed.office_holder) for title, of in roles], bracketed.end + 1
        if end >= len(doc) or doc[end].lower_ != "of":
            return list(roles), end
        j = end + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        holder = self._longest_at.get(j)
        if holder is not None and doc[holder.start].sent.start == doc[end].sent.start:
            name, k = holder.office_holder, holder.end
        elif j == end + 1 and all(self._held_in_place(title) for title, _ in roles):
            k = j  # "Mayor Kenji Mori of Nishinomiya": a mayor's "of" is a town, known or not
            while k < len(doc) and k - j < 3 and doc[k].is_alpha and is_capitalised(doc[k]) \
                    and not self._is_title_at(doc, k) and doc[k].lower_ not in ORG_HEADS:
                k += 1
            if k == j or (k < len(doc) and is_capitalised(doc[k])):
                return list(roles), end
            name = doc[j:k].text
            self._new_places.append(Mention(j, k, "place", name, place=self.gazetteer.lookup(name), priority=2))
        else:
            return list(roles), end
        if k < len(doc) and doc[k].is_lower and doc[k].lower_ in self._region_words | {"district"} \
                and fold(name).split()[-1] != doc[k].lower_:
            name, k = f"{name} {doc[k].lower_}", k + 1  # "of Baizak district": the district, not its town
        return [(title, of if of is not None else name) for title, of in roles], k

    def _group_holder(self, doc: Doc, title_start: int, name_end: int) -> str | None:
        """The place or body of a group the holder is named in: "Several Kanazawa leaders, Mayor X
        among them", "a delegation from Gyeongju, led by Mayor X"."""
        k = title_start - 1 if title_start > 0 and doc[title_start - 1].lower_ in self._group_office_determiners else title_start
        group_end = None
        for link in self._group_links:
            if k - len(link) >= 0 and [t.lower_ for t in doc[k - len(link) : k]] == link:
                group_end = k - len(link)
                break
        if group_end is None:
            e = name_end + 1 if name_end < len(doc) and doc[name_end].text == "," else name_end
            if [t.lower_ for t in doc[e : e + len(self._trailing_group_link)]] != self._trailing_group_link:
                return None
            group_end = k
        if group_end > 0 and doc[group_end - 1].text == ",":
            group_end -= 1
        if group_end > 0 and doc[group_end - 1].text == ")":  # "a delegation of Shizuoka (Japan) led by"
            opening = next((x for x in range(group_end - 2, max(group_end - 3 - self.max_gloss_tokens, -1), -1)
                            if doc[x].text == "("), None)
            if opening is not None:
                group_end = opening
        if group_end <= 0:
            return None
        if doc[group_end - 1].lower_ in self._group_nouns:  # "Kanazawa leaders"
            noun = group_end - 1
            if noun > 0 and fold(doc[noun - 1].text) in self.demonyms:  # "The Kazakh delegation, headed by ..."
                return country_name(self.demonyms[fold(doc[noun - 1].text)])
            before = self._ending.get(noun)
            if before is not None and before.priority >= 2:
                return before.office_holder
            start = noun
            while start - 1 >= 0 and noun - start < 3 and doc[start - 1].ent_type_ in self._holder_labels \
                    and is_capitalised(doc[start - 1]) and doc[start - 1].is_alpha:
                start -= 1
            return doc[start:noun].text if start < noun else None
        named = self._ending.get(group_end)  # "a delegation from Gyeongju"
        if named is None or named.priority < 2:
            return None
        if named.type == "place" and named.place is not None and named.place.kind == "country":
            comma = named.start - 2 if named.start >= 2 and doc[named.start - 1].lower_ == "the" else named.start - 1
            town = self._ending.get(comma) if comma > 0 and doc[comma].text == "," else None
            if town is not None and town.priority >= 2:
                named = town  # "a delegation from Busan, the Republic of Korea, led by": the town, not its country
        p = named.start - 1
        if p >= 0 and doc[p].lower_ == "the":
            p -= 1
        described = self._described_place_before(doc, p)
        if described is not None:
            p = described  # "a delegation from the Georgian city of Kutaisi"
        inner = self._ending.get(p) if p >= 1 and doc[p].lower_ == "of" else None
        if inner is not None and inner.type == "place" and inner.priority >= 2 and named.type == "place":
            named, p = inner, inner.start - 1  # "a delegation from Bavaria of the Federal Republic of Germany"
        if p >= 1 and doc[p].lower_ in self._origin_prepositions and doc[p - 1].lower_ in self._group_nouns:
            return named.office_holder
        return None

    def _described_place_before(self, doc: Doc, p: int) -> int | None:
        """"from the Georgian city of| Kutaisi": where the words describing a place before its "of" at p begin
        (the token before their "the"), or None when no such description stands there."""
        if p < 2 or doc[p].lower_ != "of" or doc[p - 1].lower_ not in self._anaphoric_places:
            return None
        k = p - 2
        while k >= 0 and p - k < 5 and (doc[k].is_lower and doc[k].pos_ == "ADJ" or fold(doc[k].text) in self.demonyms):
            k -= 1
        return k - 1 if k >= 1 and doc[k].lower_ == "the" else None

    def _holder(self, body: Mention, title: str) -> str:
        """What an office in `body` is of: a mayor of "X City Hall" is the mayor of X, but a chairman
        of "X City Council" chairs the council."""
        if not self._held_in_place(title):
            return body.name
        holder = body.office_holder
        return holder[: -len(" city")] if holder.endswith(" city") and body.type == "place" else holder  # "Ganja city"

    def _held_in_place(self, title: str) -> bool:
        """A mayor's or governor's office is held in a place ("deputy mayor", "former governor" too)."""
        return title.split()[-1] in self._place_office_heads

    def _person_tail(self, doc: Doc, start: int, end: int) -> int | None:
        """Where a body's name ends when a person's name was run into it
        ("Ministry of Culture Atageldy Shamuradov" → "Ministry of Culture")."""
        if end - start >= 3 and end + 1 < len(doc) and doc[end].lower_ in self._particles and is_capitalised(doc[end + 1]) \
                and is_capitalised(doc[end - 1]) and doc[end - 1].is_alpha and doc[end - 1].lower_ not in ORG_HEADS \
                and doc[end - 1].lower_ not in self._place_words and doc[end - 2].ent_type_ != "PERSON":
            return end - 1  # "... Chamber of Commerce and Industry Saeed| bin Hamad": a particle goes on a name
        if end - start < 3 or (end < len(doc) and (is_capitalised(doc[end]) and not doc[end].is_punct
                                                    or doc[end].text == "(")):
            return None  # "... Black Sea Cities (UBSC)": the acronym confirms where the name ends
        for cut in (end - 3, end - 2):  # "People's Committee of Ho Chi Minh City| Phan Van Mai"
            if cut > start and self._ends_in_its_place(doc, start, cut) and self._plain_name_words(doc[cut:end]) \
                    and (end - cut == 2 or fold(doc[cut].text) in self._three_word_surnames):
                return cut
        last_two = doc[end - 2 : end]
        if any(t.lower_ in ORG_HEADS or not t.is_alpha or not is_capitalised(t) or t.text in self._legal_forms
               for t in last_two):
            return None  # "... Petrochemical Plant JSC": a legal form ends a company's name, not a person's
        if any(t.lower_ in self._place_words or t.lower_ in self._facility_words for t in last_two):
            return None  # "Sister Cities International": a facility or place word is in no one's name
        if any(self._well_known_place(t.text) for t in last_two) and not self._ends_in_its_place(doc, start, end - 2):
            return None  # a town's name ends a body's name ("... Fund Almaty") unless its place was named already
        cut = end - 2
        if doc[cut - 1].text in _HYPHENS:
            return None  # "Sejong Special Self-Governing City"
        if cut - 1 >= start and (doc[cut - 1].ent_type_ == "PERSON" or fold(doc[cut - 1].text) in self._three_word_surnames) \
                and doc[cut - 1].lower_ not in ORG_HEADS and cut - 1 > start + 1:
            cut -= 1  # "... Park Vo Thanh Son": a family name that opens three-word names goes with the name
        if doc[cut - 1].lower_ in self._unfinished_name_words:
            return None
        return cut

    def _quoted_body(self, doc: Doc, j: int, title: str) -> tuple[str, int, str] | None:
        """"the museum "Otrar" X", "the Association "Sister Cities of Kazakhstan" X", "of "Uzbekistan Airways"
        JSC X": a body's name in quotes after at most two words of its kind, its holder named after the closing
        quote (and a legal form). Returns (the body, where its name ends, the office) or None."""
        opening = next((x for x in range(j, min(j + 3, len(doc))) if doc[x].text in _OPENING_QUOTES), None)
        if opening is None or any(t.is_punct or t.is_sent_start and t.i > j for t in doc[j:opening]):
            return None
        closing = next((x for x in range(opening + 1, min(opening + 10, len(doc)))
                        if doc[x].text in _CLOSING_QUOTES), None)
        if closing is None or closing == opening + 1 or any(t.is_sent_start for t in doc[opening + 1 : closing + 1]):
            return None
        end = closing + 1
        if end < len(doc) and doc[end].text in self._legal_forms:
            end += 1
        if self._name_run(doc, self._skip_filler(doc, end)) <= self._skip_filler(doc, end):
            return None
        known = self._longest_at.get(opening + 1)
        kind = doc[j:opening].text if any(is_capitalised(t) for t in doc[j:opening]) else ""
        name = known.office_holder if known is not None and known.end == closing and not kind \
            else f"{kind} {doc[opening + 1 : closing].text}".strip()
        return name, end, title

    def _another_office_at(self, doc: Doc, k: int) -> bool:
        """A dash or "and", then a second office of the same holder, starts at k."""
        return k + 1 < len(doc) and (doc[k].text in _DASHES or doc[k].lower_ == "and") \
            and bool(self._is_title_at(doc, k + 1))

    def _is_unit_word(self, tok: Token) -> bool:
        """A word naming a body or a unit inside one ("Board", "Department", "Council")."""
        word = fold(tok.text)
        return word in ORG_HEADS or word in self._unit_heads or word in self._member_units

    def _plain_name_words(self, words: Span) -> bool:
        """Capitalised words that could all be a person's: no body head, place word or legal form."""
        return all(t.is_alpha and is_capitalised(t) and t.lower_ not in ORG_HEADS and t.lower_ not in self._place_words
                   and t.text not in self._legal_forms for t in words)

    def _ends_in_its_place(self, doc: Doc, start: int, end: int) -> bool:
        """"Regional Development Agency of Izmir Province| Murat Kaya": a body's name ends at the place its
        "of" names, so two capitalised words after it are its holder's name even when one is also a town's."""
        place = self._ending.get(end)
        if place is None or place.type != "place" or place.priority < 2 or place.start - 2 <= start:
            return False
        return doc[place.start - 1].lower_ == "of" or doc[place.start - 1].lower_ == "the" and doc[place.start - 2].lower_ == "of"

    def _name_across_end(self, doc: Doc, start: int, end: int) -> int | None:
        """"Secretary General of the Ankara Chamber of Industry Ahmet| Demir": a body's name that ends inside
        the holder's name, where a name run starts after the body's head (or its "of" part) and runs past its end."""
        if end >= len(doc) or doc[end].ent_type_ != "PERSON" or not is_capitalised(doc[end]):
            return None
        if doc[end].ent_iob_ == "B" and end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I" \
                and doc[end - 1].ent_type_ != "PERSON":
            return None  # "Organization of Turkic States| Kubanychbek Omuraliev": spaCy read a whole name after it
        for cut in (end - 1, end - 2):
            if cut <= start + 1 or doc[cut - 1].lower_ in self._unfinished_name_words \
                    or not (doc[cut - 1].lower_ in ORG_HEADS or doc[cut - 2].lower_ == "of"):
                continue  # the body's name can end before the cut: "... Chamber", "... of Industry"
            words = doc[cut:end]
            if all(t.is_alpha and is_capitalised(t) and t.ent_type_ in ("", "PERSON") and fold(t.text) not in self._title_vocabulary
                   and t.lower_ not in self._place_words for t in words) and self._name_run(doc, cut) > end:
                return cut
        return None

    def _given_name_tail(self, doc: Doc, start: int, end: int) -> int | None:
        """"Chamber of Commerce and Industry of Uzbekistan Alisher| Shaykhov": a body's name that ends in
        a place, then one more capitalised word right before a person's surname, ran into the given name."""
        last = end - 1
        if end >= len(doc) or doc[end].ent_type_ != "PERSON" or last - 1 <= start or doc[last].ent_type_ == "PERSON":
            return None
        before = self._ending.get(last)
        word = doc[last]
        if before is None or before.type != "place" or not (word.is_alpha and is_capitalised(word)) \
                or word.is_upper or fold(word.text) in self._title_vocabulary or fold(word.text) in self.demonyms:
            return None
        return last

    def _skip_remit(self, doc: Doc, k: int) -> int:
        """"the deputy mayor in charge of culture, Maria Rossi": a remit in lower-case words between an office
        and the comma before its holder's name; k when there is none."""
        for link in self._remit_links:
            if [t.lower_ for t in doc[k : k + len(link)]] == link:
                end = k + len(link)
                while end < len(doc) and end - k - len(link) < 5 and doc[end].is_alpha and doc[end].is_lower \
                        and (not doc[end].is_stop or doc[end].lower_ == "and"):
                    end += 1
                if end > k + len(link) and end < len(doc) and doc[end].text == "," and doc[end - 1].lower_ != "and":
                    return end
        return k

    def _skip_gloss(self, doc: Doc, k: int) -> int:
        """A parenthesised gloss or acronym between an office and what follows it:
        "Akim (governor) of ...", "... Black Sea Cities (UBSC) Cemal Arslan", "Lord Mayor of Vienna (Austria) Karl Huber"."""
        if k >= len(doc) or doc[k].text != "(":
            return k
        close = next((c for c in range(k + 1, min(k + 2 + self.max_gloss_tokens, len(doc))) if doc[c].text == ")"), None)
        if close is None or close == k + 1 or any(t.pos_ in ("VERB", "AUX") for t in doc[k + 1 : close]):
            return k
        return close + 1

    def _skip_filler(self, doc: Doc, k: int) -> int:
        """Skip what stands between an office and its holder: honorifics ("Mr"), a parenthesised
        acronym or country, and the dash, comma or "and" between two offices of one person."""
        while k < len(doc):
            nxt = k + 1 < len(doc)
            if self._is_honorific(doc[k]):
                k += 1
            elif doc[k].text == "." and k > 0 and not doc[k - 1].whitespace_ and self._is_honorific(doc[k - 1]):
                k += 1  # "Assoc. Prof. X": the full stop of an abbreviated honorific
            elif doc[k].text == "(" and self._skip_gloss(doc, k) > k:
                k = self._skip_gloss(doc, k)
            elif nxt and doc[k].text in _DASHES and (self._is_honorific(doc[k + 1]) or self._is_title_at(doc, k + 1)):
                k += 1
            elif nxt and doc[k].text == "," and self._is_honorific(doc[k + 1]):
                k += 1
            elif nxt and doc[k].lower_ == "and" and self._is_title_at(doc, k + 1) \
                    and (is_capitalised(doc[k + 1]) or k > 0 and doc[k + 1].is_lower and doc[k - 1].is_lower):
                k += 1  # "Head of X and Chairman of Y Z", "the chairman of the board and rector of X, Y"
            else:
                break
        return k

    # -- roles after the name ----------------------------------------------------
    def _roles_after(self, doc: Doc, m: Mention) -> list[Role]:
        """"Name, Chairman of X", "Name (President of X)", "Name, X Association President",
        "Name, who is also the Mayor of X"."""
        k = m.end
        if k < len(doc) and doc[k].text not in (",", "(") + _DASHES:
            linked = self._skip_link(doc, k, self._copular_links)  # "Anna Berg is the mayor of X"
            if linked == k or not self._office_follows(doc, linked):
                return []
            k = linked
        elif k >= len(doc):
            return []
        else:
            k += 1
            if k + 1 < len(doc) and doc[k].like_num and len(doc[k].text) <= 3 and doc[k + 1].text == ",":
                k += 2  # "Nurbek Asanov, 47, head of ...": the holder's age
            verb = self._office_verb_at(doc, k)
            if verb:
                holder = self._headed_body(doc, verb + 2 if doc[verb + 1].lower_ == "the" else verb + 1)
                if holder is not None:  # "Name, who heads the Kyoto Exchange Association, ..."
                    return [(self._office_verbs[doc[verb].lower_], holder)]
            k = self._skip_link(doc, k, self._relative_links)
            if k < len(doc) and doc[k].lower_ == "and":
                return []  # "X, and the council's chief executive, Y": the next person's office
            if k + 1 < len(doc) and doc[k].pos_ == "ADV" and doc[k].is_lower and doc[k + 1].lower_ in self._articles:
                k += 1  # ", currently the mayor of X"
        if k < len(doc) and doc[k].lower_ in self._articles:
            k = self._skip_describers(doc, k + 1)
        roles: list[Role] = []
        joined: list[int] = []  # roles written "Title1 and Title2 ...": the index of each first one
        if k + 1 < len(doc) and doc[k].lower_ in self._possessive_pronouns and self._is_title_at(doc, k + 1):
            length = self._is_title_at(doc, k + 1)  # ", its vice chairwoman,": the body just named
            _, title_end, title, _ = self._compound_title(doc, k + 1, length)
            if title_end >= len(doc) or doc[title_end].is_punct:
                self._read_titles.update(range(k + 1, title_end))
                body = self._last_named_before(doc, m.start)
                return [(title, self._holder(body, title) if body is not None else None)]
        possessive = next((t for t in range(k, min(k + 5, len(doc) - 1)) if doc[t].text in _POSSESSIVE), None)
        office = possessive + 1 if possessive is not None else len(doc)
        if office + 1 < len(doc) and fold(doc[office].text) in self.titles.former:
            office += 1  # ", the city's former mayor": the office is read with its "former"
        elif office < len(doc) and not self._is_title_at(doc, office):
            office = self._skip_describers(doc, office)  # ", the city's first female mayor"
            office = self._skip_office_nouns(doc, office)  # ", the city's tourism director"
        if possessive is not None and self._is_title_at(doc, office):
            length = self._is_title_at(doc, office)  # ", the city's mayor", ", Kazakhstan's ambassador"
            _, title_end, title, _ = self._compound_title(doc, office, length)
            if title_end < len(doc) and doc[title_end].lower_ in self._office_prepositions:
                of, after, longer = self._of_part(doc, title_end, title, holder_follows=False)
                if of is None and longer != title:
                    title, title_end = longer, after  # ", Azerbaijan's Minister of Economy,"
            title_end = self._skip_location(doc, title_end)  # "Georgia's consul general in Gyumri,"
            title_end = self._skip_since(doc, title_end)  # ", Bergen's mayor since 2019,"
            if title_end < len(doc) and doc[title_end].text == "," and self._appositive_name_at(doc, title_end + 1):
                return []  # "X met the city's mayor, Y": the office of the name after it
            if title_end >= len(doc) or doc[title_end].is_punct:
                self._read_titles.update(range(possessive + 1, title_end))
                return [(title, self._modifier_before(doc, possessive + 1, title, add_place=False))]
        nation = None
        if k + 1 < len(doc) and fold(doc[k].text) in self.demonyms and self._is_title_at(doc, k + 1):
            nation, k = country_name(self.demonyms[fold(doc[k].text)]), k + 1  # ", the Estonian Minister of ..."
        body_end, holder = self._body_at(doc, k)
        if holder is not None and self._is_title_at(doc, body_end):
            length = self._is_title_at(doc, body_end)  # ", Kyoto Global Exchange Association President"
            title, _ = self._canonical(doc, body_end, body_end + length)
            after = body_end + length
            if after >= len(doc) or doc[after].is_punct:
                self._read_titles.update(range(body_end, after))
                return [(title, holder)]
        while k < len(doc):
            first = k
            if k + 1 < len(doc) and doc[k].lower_ in self._office_modifiers and self._is_title_at(doc, k + 1):
                k += 1  # ", acting chairman of X": the office, read with its modifier
            while k < len(doc) and k - first < 2 and not self._is_title_at(doc, k) and self._title_word(doc, k):
                k += 1  # ", the Tourism Adviser to ..."
            length = self._is_title_at(doc, k)
            if not length:
                break
            title_start, title_end, title, _ = self._compound_title(doc, k, length)
            canonical_title = title
            if title_end < len(doc) and doc[title_end].text in _POSSESSIVE:
                break  # "..., the President's adviser": someone else's office
            of, k2, title = self._of_part(doc, self._skip_gloss(doc, title_end), title)
            if of is None and k2 == title_end and k2 < len(doc) and doc[k2].lower_ == "of" \
                    and canonical_title.split()[-1] in self._field_heads:
                of, k2, title = self._of_part(doc, title_end, canonical_title, False)  # ", head of protocol,"
            if of is None and k2 == title_end and k2 < len(doc) and doc[k2].lower_ == "of":
                break
            listed = k2 + 1 if of is None and k2 < len(doc) and doc[k2].text == "," \
                and any(w in title.split() for w in self._portfolios) else k2  # ", Minister of Investment, Industry and Trade"
            if self._portfolio_words_after(doc, listed, after_and=False):  # ", Deputy Minister of Funds and Regional Policy."
                of, k2, title = self._of_part(doc, self._skip_gloss(doc, title_end), canonical_title, False)
            if self._name_run(doc, self._skip_filler(doc, k2)) > self._skip_filler(doc, k2):
                break  # ", Mayor of Tarnow Ewa Nowak": the next person's office
            if k2 < len(doc) and doc[k2].pos_ in ("VERB", "AUX") and doc[k2].dep_ == "ROOT":
                break  # ", the head of government suggested ...": the subject of the next clause
            if k2 > doc[m.start].sent.end:
                break  # never read across a sentence end
            self._read_titles.update(range(k, title_end))
            if of is None and nation is None:
                of, k2 = self._body_after_comma(doc, k2)
            roles.append((title, of or nation or self._definite_office(doc, title_start, title)))
            k = k2
            if k < len(doc) and doc[k].lower_ == "and" and self._is_title_at(doc, k + 1):
                k += 1
                joined.append(len(roles) - 1)
                continue
            break
        for n in reversed(joined):  # ", president and CEO of X": the first office is held in X too
            if roles[n][1] is None and n + 1 < len(roles) and roles[n + 1][1] is not None:
                roles[n] = (roles[n][0], roles[n + 1][1])
        return roles

    def _body_after_comma(self, doc: Doc, k: int) -> tuple[str | None, int]:
        """"Aliya Serikova, Director, Almaty Tourism Board, said": a body (or place) set off by commas after a
        bare office, closing the apposition, is where the office is held. Returns it and where it ends."""
        if k + 1 >= len(doc) or doc[k].text != ",":
            return None, k
        end, holder = self._body_at(doc, k + 1)
        known = self._longest_at.get(k + 1)
        if holder is None or known is None and end - (k + 1) < 2:
            return None, k
        if end < len(doc) and not (doc[end].text in (",", ".", ";", ")") or doc[end].pos_ in ("VERB", "AUX")):
            return None, k
        return holder, end

    def _headed_body(self, doc: Doc, k: int) -> str | None:
        """What "who heads ..." names at k: a body ("the Kyoto Exchange Association"), the body a place
        owns ("Tartu's Institute of Computer Science"), or the place whose unit it is ("Aksu's department
        of entrepreneurship", "the ward's exchange section": the ward named last)."""
        body_end, holder = self._body_at(doc, k)
        known = self._longest_at.get(k)
        if known is not None and known.type == "place" and known.end < len(doc) and doc[known.end].is_lower \
                and doc[known.end].lower_ in ORG_HEADS:
            holder = self._body_of_place_named(known, doc[known.end].lower_) or holder  # "who chairs the Izmir chamber"
        if holder is None:
            body_end = next((e for e in range(k + 1, min(k + 4, len(doc))) if doc[e].text in _POSSESSIVE
                             and all(is_capitalised(t) and t.is_alpha for t in doc[k:e])), k)
        if body_end > k and body_end + 1 < len(doc) and doc[body_end].text in _POSSESSIVE:
            owned = self._longest_at.get(body_end + 1)
            if owned is not None and owned.type == "organization":
                return owned.name
        if holder is None and k + 1 < len(doc) and doc[k + 1].text in _POSSESSIVE \
                and doc[k].lower_ in self._anaphoric_places and k > 0 and doc[k - 1].lower_ == "the":
            return self._antecedent_place(doc, k - 1, doc[k].lower_)
        guessed = self._starting.get(k)
        if holder is None and guessed is not None and guessed.type == "organization":
            return guessed.name  # "who chairs the Euroregion Neisse": what one chairs is a body, as spaCy guessed
        return holder

    @staticmethod
    def _after_a_persons_name(doc: Doc, start: int) -> bool:
        """"Tom Reed, President of X": the office at `start` stands in apposition after a name spaCy reads
        as a person's, so the capitalised words after its "of" are the body's, not a second holder's."""
        k = start - 2 if start >= 2 and doc[start - 1].lower_ == "the" else start - 1
        return k >= 1 and doc[k].text == "," and doc[k - 1].ent_type_ == "PERSON"

    def _portfolio_words_after(self, doc: Doc, k: int, after_and: bool = True) -> bool:
        """Whether the capitalised words at k, read as the next holder's name, end the clause and are no
        one's name as spaCy sees it: the last words of a portfolio ("... and Regional Policy.") or, when
        the holder was named before the office (`after_and` false), of a body ("Rectors' Conference,")."""
        end = k
        while end < len(doc) and end - k < self.max_name_tokens and (
                doc[end].is_alpha and is_capitalised(doc[end]) or self._plural_possessive(doc, end)
                or end > k and doc[end].text in (",", "and") and end + 1 < len(doc) and is_capitalised(doc[end + 1])
                and not after_and):
            end += 1  # ", Minister of Investment, Industry and Trade."
        return end - k >= 2 and end < len(doc) and doc[end].is_punct and doc[end].text != "(" \
            and not any(t.ent_type_ == "PERSON" for t in doc[k:end]) and (doc[k - 1].lower_ == "and" or not after_and)

    def _body_at(self, doc: Doc, k: int) -> tuple[int, str | None]:
        """A place or body named at k: a known one, or a capitalised run ending in a body's head
        noun ("Sendai International Relations Association")."""
        known = self._longest_at.get(k)
        end = k
        while end < len(doc) and end - k < 6 and is_capitalised(doc[end]) and doc[end].is_alpha \
                and not self._is_title_at(doc, end):
            end += 1
        if end - k >= 2 and doc[end - 1].lower_ in ORG_HEADS and (known is None or known.end < end):
            return end, doc[k:end].text
        if known is not None:
            return known.end, known.office_holder
        return k, None

    @staticmethod
    def _skip_link(doc: Doc, k: int, links: list[list[str]]) -> int:
        """"who is also", "who serves as", "is": the words that link a name to an office."""
        ordered = sorted(links, key=len, reverse=True)
        if not ordered:
            return k
        words = [t.lower_ for t in doc[k : k + len(ordered[0])]]  # read once, not once per link
        for link in ordered:
            if words[: len(link)] == link:
                return k + len(link)
        return k


def full_name_surnames(doc: Doc) -> frozenset[str]:
    """The last words of the names spaCy reads as people of two words or more: a lone one of them later in
    the article is that person ("Governor Aydın", after "Murat Aydın"), not a place or a new name."""
    return frozenset(ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2)


def _is_name_word(tok: Token) -> bool:
    """A word of a person's name: letters, or letters round an apostrophe ("O'Connor", "Ma'ruf", "D'Souza")."""
    return tok.is_alpha or bool(_APOSTROPHE_NAME.match(tok.text))


def _with_spellings(word: str) -> set[str]:
    """A word in its British and American spellings: "organisation" and "organization"."""
    return {word, word.replace("isation", "ization"), word.replace("ization", "isation")}


def _shortened_to(name: list[str], town: list[str], head: str) -> bool:
    """Whether a body's name (folded words) is what "the <town> <head>" shortens: the name holds the
    town's words together and its head noun before any "of" ("Chamber of Commerce") or last."""
    if not any(name[n : n + len(town)] == town for n in range(len(name) - len(town) + 1)):
        return False
    return head in (name[: name.index("of")] if "of" in name else name) or head == name[-1]


def _same_place(a: str | None, b: str | None) -> bool:
    """"Matsue City" and "Matsue", "Zhambyl region" and "Zhambyl": one place written with or without its kind."""
    if a is None or b is None:
        return False
    short, long = sorted((fold(a).split(), fold(b).split()), key=len)
    return long[: len(short)] == short
