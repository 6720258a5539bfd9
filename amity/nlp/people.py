"""spaCy component `amity_people`: find named people and the offices the article gives them.

Offices come from the title lexicon in the patterns press releases use:
"Mayor of Üsküdar Hilmi Türkmen", "TDBB Secretary General Fahri Solak",
"Kazakh Deputy Minister of Trade Kairat Torebayev", "Maftun Abbasov, Chairman
of the Board of X", "David Parry (President of Y)". Runs `amity_places` and
`amity_organisations` first, so the "of" part can be cut at a known name.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from amity.nlp.gazetteer import country_name, default_gazetteer
from amity.nlp.lexicons import demonyms, titles
from amity.nlp.mentions import Mention, is_capitalised, register_extensions
from amity.nlp.names import fold
from amity.nlp.organisations import ORG_HEADS

_MAX_NAME_TOKENS = 4
#: Lower-case words inside names: patronymics and nobiliary particles.
_NAME_PARTICLES = {"uulu", "kyzy", "ogly", "oglu", "qizi", "bin", "binti", "ibn", "al", "el", "de", "da", "van",
                   "von", "der", "du", "la"}
_PLACE_WORDS = {"city", "town", "county", "province", "region", "district", "republic", "ward", "village",
                "oblast", "state", "kingdom", "emirate", "federation"}
_FACILITY_WORDS = {"airport", "port", "park", "mosque", "tomb", "mausoleum", "square", "street", "road", "avenue",
                   "bridge", "station", "palace", "hotel", "resort", "museum", "stadium", "hall", "tower", "gate",
                   "market", "centre", "center", "zone", "festival", "forum", "summit", "sister", "cities"}
_PORTFOLIO_TITLES = ("minister", "secretary", "commissioner", "mec")


@Language.factory("amity_people")
def make_people(nlp: Language, name: str) -> "PersonFinder":
    return PersonFinder()


class PersonFinder:
    def __init__(self) -> None:
        register_extensions()
        self.titles = titles()
        self.gazetteer = default_gazetteer()
        self.demonyms = demonyms()
        #: First word of each office title → the most words a title starting with it has.
        self._title_first_words: dict[str, int] = {}
        for title in self.titles.offices:
            first, n = title.split()[0], len(title.split())
            self._title_first_words[first] = max(n, self._title_first_words.get(first, 0))
        self._title_doc: Doc | None = None
        self._title_lengths: list[int] = []

    def __call__(self, doc: Doc) -> Doc:
        known = sorted((doc._.place_mentions or []) + (doc._.org_mentions or []),
                       key=lambda m: (m.start, -m.priority, -m.end))
        self._starting = {}
        self._ending = {}
        self._named_tokens = {k for m in known if m.priority >= 2 for k in range(m.start, m.end)}
        for m in known:
            self._starting.setdefault(m.start, m)
            prev = self._ending.get(m.end)
            if prev is None or (m.priority, m.end - m.start) > (prev.priority, prev.end - prev.start):
                self._ending[m.end] = m
        people = self._title_anchored(doc)
        covered = {k for m in people for k in range(m.start, m.end)}
        for ent in doc.ents:
            if ent.label_ != "PERSON" or any(k in covered for k in range(ent.start, ent.end)):
                continue
            m = self._from_ner(doc, ent.start, ent.end)
            if m is not None:
                people.append(m)
        anchored = {k for m in people if m.priority >= 4 for k in range(m.start, m.end)}
        people += self._appositive(doc, anchored)
        for m in people:
            m.roles += self._roles_after(doc, m)
        self._fill_unattached_offices(doc, people)
        doc._.person_mentions = people
        return doc

    # -- names ---------------------------------------------------------------
    def _is_title_at(self, doc: Doc, i: int) -> int:
        """Length of the longest office title starting at token i (0 if none); computed once per doc."""
        if self._title_doc is not doc:
            self._title_doc, self._title_lengths = doc, self._title_lengths_of(doc)
        return self._title_lengths[i]

    def _title_lengths_of(self, doc: Doc) -> list[int]:
        words = [fold(t.text) if t.is_alpha else "" for t in doc]
        breaks = [t.is_space or "\n" in t.whitespace_ for t in doc]
        out = [0] * len(doc)
        for i, word in enumerate(words):
            longest = self._title_first_words.get(word, 0)
            for length in range(min(longest, len(doc) - i), 0, -1):
                if not words[i + length - 1] or any(breaks[i : i + length - 1]):
                    continue
                if " ".join(words[i : i + length]) in self.titles.offices:
                    out[i] = length
                    break
        return out

    def _is_honorific(self, tok) -> bool:
        return fold(tok.text) in self.titles.honorifics

    def _name_run(self, doc: Doc, i: int) -> int:
        """End of a run of capitalised name tokens starting at i (i when there is none)."""
        end = i
        sent_end = doc[i].sent.end if i < len(doc) else i
        while end < sent_end and end - i < _MAX_NAME_TOKENS + 2:
            tok = doc[end]
            if tok.text == "-" and end + 1 < sent_end and end > i and not tok.whitespace_:
                end += 2  # "Choon-hee"
                continue
            if end > i and tok.lower_ in _NAME_PARTICLES:
                end += 1  # "Nurlanbek Turgunbek uulu"
                continue
            if not (tok.is_alpha or "-" in tok.text or tok.text.endswith(".")) or not is_capitalised(tok):
                break
            if tok.lower_ in _PLACE_WORDS or tok.lower_ in _FACILITY_WORDS:
                return i  # "Sejong Special Self-Governing City", "Shaka International Airport": not names
            if tok.lower_ in ORG_HEADS or self._is_title_at(doc, end) or "\n" in tok.whitespace_:
                if end > i and "\n" in tok.whitespace_ and tok.is_alpha:
                    end += 1
                break
            end += 1
        return end

    def _from_ner(self, doc: Doc, start: int, end: int) -> Mention | None:
        while start < end and (self._is_honorific(doc[start]) or self._is_title_at(doc, start)
                               or doc[start].is_punct or doc[start].lower_ == "the"):
            start += self._is_title_at(doc, start) or 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].text in ("’s", "'s")):
            end -= 1
        if start >= end:
            return None
        span = doc[start:end]
        if span.text in self.gazetteer or any(t.lower_ in ORG_HEADS or t.lower_ in _FACILITY_WORDS
                                              or t.lower_ in _PLACE_WORDS or t.pos_ == "VERB" for t in span):
            return None
        if not all(is_capitalised(t) or t.text in ("-",) or t.lower_ in _NAME_PARTICLES for t in span):
            return None
        while end < len(doc) and doc[end].lower_ in _NAME_PARTICLES and doc[end].lower_ in ("uulu", "kyzy", "ogly", "oglu", "qizi"):
            end += 1
            span = doc[start:end]
        return Mention(start, end, "person", span.text, priority=2)

    def _appositive(self, doc: Doc, covered: set[int]) -> list[Mention]:
        """Names spaCy missed that an office follows: "and Mehmet Sekmen, Head of Erzurum ..."."""
        out = []
        for tok in doc:
            if tok.text != "," or tok.i + 1 >= len(doc) or not self._is_title_at(doc, tok.i + 1):
                continue
            start = tok.i
            words = 0
            while start - 1 >= 0 and start - 1 not in covered:
                prev = doc[start - 1]
                hyphened = start - 2 >= 0 and doc[start - 2].text == "-" and not doc[start - 2].whitespace_
                if prev.text == "-" and not prev.whitespace_ and start - 2 >= 0 and doc[start - 2].is_alpha:
                    start -= 1  # "Choon-hee"
                    continue
                if not prev.is_alpha or not (is_capitalised(prev) or hyphened):
                    break
                if words >= 3 and len(prev) > 1:
                    break  # up to three names, and initials before them ("S M Shawkat Ali")
                start -= 1
                words += 1 if not hyphened else 0
            while start < tok.i and self._is_honorific(doc[start]):
                start += 1
            if tok.i - start < 2 or self._names_a_place_or_body(doc, start, tok.i) \
                    or any(self._starting.get(k) and self._starting[k].priority >= 2 for k in range(start, tok.i)):
                continue
            if any(t.lower_ in ORG_HEADS or t.lower_ in _PLACE_WORDS or self._is_title_at(doc, t.i) for t in doc[start:tok.i]):
                continue
            out.append(Mention(start, tok.i, "person", doc[start:tok.i].text, priority=3))
        return out

    def _fill_unattached_offices(self, doc: Doc, people: list[Mention]) -> None:
        """"Hebden Royd Mayor gives speech" ... "Mayor Scott Trickett": an office named with its
        place but no holder, and a holder named without the place, are one office."""
        held = {k for m in people for k in range(m.start, m.end)}
        unattached: dict[str, set[str]] = {}
        for i in range(len(doc)):
            length = self._is_title_at(doc, i)
            if not length or any(k in held for k in range(i + length, min(i + length + 3, len(doc)))):
                continue
            title = self.titles.offices[fold(doc[i : i + length].text)]
            of, end, title = self._of_part(doc, i + length, title)
            of = of or self._modifier_before(doc, i)
            if of and self._name_run(doc, end) == end:
                unattached.setdefault(title, set()).add(of)
        for m in people:
            for n, (title, of) in enumerate(m.roles):
                if of is None and len(unattached.get(title, ())) == 1:
                    m.roles[n] = (title, next(iter(unattached[title])))

    # -- roles before the name -------------------------------------------------
    def _title_anchored(self, doc: Doc) -> list[Mention]:
        out: list[Mention] = []
        i = 0
        pending: list[tuple[str, str | None]] = []
        while i < len(doc):
            length = 0 if i in self._named_tokens else self._is_title_at(doc, i)
            if not length:
                pending = []
                i += 1
                continue
            start, end_title, title = self._compound_title(doc, i, length)
            of_left = self._modifier_before(doc, start)
            k = end_title
            of, k, title = self._of_part(doc, k, title)
            if of is None:
                bare = self._starting.get(k)
                if bare is not None and bare.type == "place" and self._name_run(doc, bare.end) > bare.end:
                    of, k = bare.name, bare.end  # "Mayor Islamabad Sheikh Anser Aziz"
            k = self._skip_filler(doc, k)
            if k < len(doc) and doc[k].text == "," and self._appositive_name_at(doc, k + 1):
                k += 1  # "The Mayor of Kadıköy, Selin Aydemir, opened ..."
            pending.append((title, of or of_left))
            if k < len(doc) and self._is_title_at(doc, k):
                i = k
                continue
            end = self._name_run(doc, k)
            if end > k and not self._names_a_place_or_body(doc, k, end):
                out.append(Mention(k, end, "person", doc[k:end].text, roles=list(pending), priority=4))
                i = end
            else:
                i = max(k, i + 1)
            pending = []
        return out

    def _appositive_name_at(self, doc: Doc, k: int) -> bool:
        end = self._name_run(doc, k)
        return end - k >= 2 and (end >= len(doc) or doc[end].text in (",", ".", ")") or doc[end].pos_ in ("VERB", "AUX"))

    def _compound_title(self, doc: Doc, i: int, length: int) -> tuple[int, int, str]:
        """The whole office around a title word: "Deputy Theater Director", "Administrative Board
        Member", "Organization Department Inspector". Returns (start, end, lower-case title)."""
        start, end = i, i + length
        while start - 1 >= 0 and end - (start - 1) <= 5 and self._title_word(doc, start - 1):
            start -= 1
        k = end
        while k < len(doc) and k - end < 2 and self._title_word(doc, k):
            k += 1
            more = self._is_title_at(doc, k) if k < len(doc) else 0
            if more:
                end = k = k + more
        if (start, end) == (i, i + length):
            return start, end, self.titles.offices[fold(doc[i : i + length].text)]
        return start, end, " ".join(t.lower_ for t in doc[start:end])

    def _title_word(self, doc: Doc, k: int) -> bool:
        """A capitalised common word that can be part of an office's name, not a name of its own."""
        tok = doc[k]
        return (tok.is_alpha and is_capitalised(tok) and not tok.is_sent_start and not tok.is_stop
                and not tok.is_upper and k not in self._named_tokens and not self._is_honorific(tok)
                and "\n" not in tok.whitespace_ and fold(tok.text) not in self.demonyms)

    def _modifier_before(self, doc: Doc, i: int) -> str | None:
        """"TDBB Secretary General", "Turkistan Mayor", "Kazakh Deputy Minister": who the office is of."""
        before = self._ending.get(i)
        if before is None and i >= 3 and doc[i - 1].text == ")" and doc[i - 3].text == "(":
            before = self._ending.get(i - 3)  # "Union of ... (TDBB) Administrative Board Member"
        if before is not None and doc[before.start].sent.start == doc[i].sent.start:
            return before.office_holder
        if i > 0 and fold(doc[i - 1].text) in self.demonyms:
            return country_name(self.demonyms[fold(doc[i - 1].text)])
        return None

    def _of_part(self, doc: Doc, k: int, title: str) -> tuple[str | None, int, str]:
        """Read "of X" (and "in Y") after a title; returns (of, next index, title)."""
        if k >= len(doc) or doc[k].lower_ not in ("of", "for"):
            return None, k, title
        j = k + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        known = self._starting.get(j)
        if known is not None and known.priority <= 1:
            known = None  # spaCy-only names run offices, bodies and holders together
        if known is not None:
            of = known.office_holder
            end = known.end
            tail = self._person_tail(doc, j, known.end)
            if tail is not None:
                of, end = doc[j:tail].text, tail
        else:
            # no known name: the capitalised run, less the person's name at its end
            portfolio = any(w in title for w in _PORTFOLIO_TITLES)
            end = j
            while end < len(doc) and (is_capitalised(doc[end]) or doc[end].lower_ in ("and", "of", "&")
                                      or portfolio and doc[end].text == "," and end + 1 < len(doc)
                                      and is_capitalised(doc[end + 1]) and not self._starting.get(end + 1)) \
                    and "\n" not in doc[end - 1].whitespace_:
                if end > j and (self._is_title_at(doc, end) or fold(doc[end].text) in self.demonyms):
                    break
                end += 1
            while end > j and doc[end - 1].lower_ in ("and", "of", "&", ","):
                end -= 1
            # "Chairman of the Management Board of X": the board is part of the office, X its holder
            inner = next((k for k in range(j + 1, end) if doc[k].lower_ == "of"), None)
            if inner is not None:
                after = inner + 2 if inner + 1 < len(doc) and doc[inner + 1].lower_ == "the" else inner + 1
                holder = self._starting.get(after)
                if holder is not None and holder.priority >= 2:
                    title = f"{title} of the {doc[j:inner].text.lower()}"
                    j, k = inner, inner
                    return self._of_part(doc, k, title)
            while end > j and not is_capitalised(doc[end - 1]):
                end -= 1
            tail = end - 2 if end - j >= 3 else end
            if end - j >= 3:
                end = tail
            if end <= j:
                return None, k, title
            of = doc[j:end].text
            if title.split()[-1] in _PORTFOLIO_TITLES or any(w in title for w in _PORTFOLIO_TITLES):
                return None, end, f"{title} of {of.lower()}"
        if end < len(doc) and doc[end].lower_ in ("in", "to") and end + 1 < len(doc) and self._starting.get(end + 1):
            end = self._starting[end + 1].end
        return of, end, title

    def _person_tail(self, doc: Doc, start: int, end: int) -> int | None:
        """Where a body's name ends when a person's name was run into it
        ("Ministry of Culture Atageldy Shamuradov" → "Ministry of Culture")."""
        if end - start < 3 or (end < len(doc) and is_capitalised(doc[end]) and not doc[end].is_punct):
            return None
        last_two = doc[end - 2 : end]
        if any(t.lower_ in ORG_HEADS or not t.is_alpha or not is_capitalised(t) for t in last_two):
            return None
        if any(t.text in self.gazetteer for t in last_two):
            return None
        cut = end - 2
        if cut - 1 >= start and doc[cut - 1].ent_type_ == "PERSON" and doc[cut - 1].lower_ not in ORG_HEADS \
                and cut - 1 > start + 1:
            cut -= 1
        if doc[cut - 1].lower_ in ("of", "for", "and", "the"):
            return None
        return cut

    def _skip_filler(self, doc: Doc, k: int) -> int:
        """Skip honorifics ("Mr") and the dash or comma between two offices of one person."""
        while k < len(doc) and (self._is_honorific(doc[k]) or doc[k].text in (",", "-", "–", "—") and k + 1 < len(doc)
                                and (self._is_honorific(doc[k + 1]) or doc[k].text != "," and self._is_title_at(doc, k + 1))):
            k += 1
        return k

    def _names_a_place_or_body(self, doc: Doc, start: int, end: int) -> bool:
        known = self._starting.get(start)
        if known is not None and known.end >= end and known.priority >= 2:
            return True
        return doc[start:end].text in self.gazetteer

    # -- roles after the name ----------------------------------------------------
    def _roles_after(self, doc: Doc, m: Mention) -> list[tuple[str, str | None]]:
        """"Name, Chairman of X" and "Name (President of X)"."""
        k = m.end
        if k >= len(doc) or doc[k].text not in (",", "("):
            return []
        k += 1
        if k < len(doc) and doc[k].lower_ in ("the", "a"):
            k += 1
        roles = []
        while k < len(doc):
            length = self._is_title_at(doc, k)
            if not length:
                break
            _, title_end, title = self._compound_title(doc, k, length)
            of, k2, title = self._of_part(doc, title_end, title)
            if of is None and k2 == title_end and k2 < len(doc) and doc[k2].lower_ == "of":
                break
            if self._name_run(doc, self._skip_filler(doc, k2)) > self._skip_filler(doc, k2):
                break  # ", Mayor of Bağcılar Lokman Çağırıcı": the next person's office
            roles.append((title, of))
            k = k2
            if k < len(doc) and doc[k].lower_ == "and" and self._is_title_at(doc, k + 1):
                k += 1
                continue
            break
        return roles

