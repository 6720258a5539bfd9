"""spaCy component `amity_organisations`: find named bodies and their acronyms.

Three sources, longest first: Amity's list of well-known organisations,
head-noun patterns ("Üsküdar Municipality", "Ministry of Trade and
Integration", "Union of Turkish World Municipalities") and spaCy's ORG
entities. "Name (ACR)" makes the acronym an alias, and a municipality names
its town ("Üsküdar and Zeytinburnu Municipalities" gives two of each).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from amity.nlp.gazetteer import default_gazetteer
from amity.nlp.lexicons import (
    common_acronyms,
    demonyms,
    legal_forms,
    name_possessives,
    org_heads,
    organisations,
    place_words,
    punctuation,
    qualified_heads,
    titles,
    trailing_legal_forms,
    word_maps,
    word_sets,
)
from amity.nlp.mentions import Mention, among_capitals, is_capitalised, register_extensions
from amity.nlp.names import fold
from amity.nlp.tokens import doc_tokens

#: Nouns that head the name of a body ("... Municipality", "Ministry of ...").
ORG_HEADS = org_heads()
_WORDS_FILE = "organisation_words.json"
#: Words between a town and "Government" in its own government's name ("Kaohsiung City Government").
_TOWN_GOVERNMENT_WORDS = word_sets(_WORDS_FILE)["town_government_words"]
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{0,2}[A-Z]{1,7}s?$")
#: A short form given in brackets right after a name: "(TDBB)", "(TuranSEZ)".
_PAREN_ALIAS = re.compile(r"^[A-Z][A-Za-z]{0,12}[A-Z][A-Za-z]{0,6}$")


@Language.factory("amity_organisations", default_config={"words": _WORDS_FILE})
def make_organisations(nlp: Language, name: str, words: str) -> OrganisationFinder:
    return OrganisationFinder(words)


class OrganisationFinder:
    def __init__(self, words_file: str = _WORDS_FILE) -> None:
        register_extensions()
        words = word_sets(words_file)
        #: Heads that name a town's own body: the town is a place too.
        self.town_body_heads = words["town_body_heads"]
        self.connectors = words["connectors"]
        #: Lower-case nouns after a name that make it the name of a thing other than a body.
        self.named_things = words["named_things"]
        #: Words that modify an office title ("Deputy Theater Director"), never the start of a body's name.
        self.title_modifiers = words["title_modifiers"]
        #: First words of names of documents, which the head-noun patterns would otherwise take for bodies.
        self.document_words = words["document_words"]
        self.split_plural = word_maps(words_file)["split_plural"]
        self.shared_heads = word_maps(words_file).get("shared_heads", {})
        self.named_when_lower = words.get("named_when_lower", frozenset())
        self.not_name_start = words["not_name_start"]
        self.lower_case_institutions = words["lower_case_institutions"]
        self.company_heads = words["company_heads"]
        self.trade_words = words["trade_words"]
        #: Words that name an organ of a body between its name and the organ's head ("Zone Management Board").
        self.organ_words = words.get("organ_words", frozenset())
        #: Legal forms written out in words, before the body's own name ("Joint-Stock Company Navoiyazot").
        self.spelled_legal_forms = words.get("spelled_legal_forms", frozenset())
        #: Those forms by their last word, the one word of each that is tested at every token.
        self._forms_ending_in: dict[str, list[str]] = {}
        for form in self.spelled_legal_forms:
            self._forms_ending_in.setdefault(form.rsplit(" ", 1)[-1], []).append(form)
        #: Common nouns that describe a company before its name ("Shipbuilder Larsen & Toubro Limited").
        self.company_descriptors = words.get("company_descriptors", frozenset())
        #: Those of them that describe people too ("the investor Arman Dzhumageldiev").
        self.person_descriptors = words.get("person_descriptors", frozenset())
        self.opening_heads = words["opening_heads"]
        self.state_organ_heads = words["state_organ_heads"]
        #: Heads whose "of <place> at <town>" names one campus ("University of Illinois at Chicago").
        self.campus_heads = words["campus_heads"]
        #: Heads whose "of <state> in <town>" names the mission in that town ("Embassy of Japan in Astana").
        self.seat_heads = words.get("seat_heads", frozenset())
        #: Words written after a head as part of it ("Consulate General", "Directorate General").
        self.head_modifiers = words.get("head_modifiers", frozenset())
        #: Suffixes of administrative units glued to a place's name by a hyphen ("Gangnam-gu").
        self.name_suffixes = words["name_suffixes"]
        #: Signs before the number that is part of a body's name ("Lyceum No. 2 of Bishkek").
        self.number_signs = words["number_signs"]
        #: Heads that name a body only after one of their words ("Industrial Park", not "Central Park").
        self.qualified_heads = qualified_heads(words_file)
        self.known = organisations()
        self._known_first_words = frozenset(k.split()[0] for k in self.known if k)
        self.demonyms = demonyms()
        self.titles = titles()
        self.gazetteer = default_gazetteer()
        self.common_acronyms = common_acronyms()

    def __call__(self, doc: Doc) -> Doc:
        strong = [m for m in doc._.place_mentions or [] if m.priority >= 2]
        self._place_tokens = {k for m in strong for k in range(m.start, m.end)}
        self._place_starting = {m.start: m for m in doc._.place_mentions or []}
        #: Words of the names spaCy reads as persons: "Kyrgyzstan Alper Aktaş" is a place and a person, no body.
        self._person_words = {t.text for e in doc.ents if e.label_ == "PERSON"
                              and not any(t.i in self._place_tokens for t in e) for t in e}
        mentions: list[Mention] = []
        mentions += self._known(doc)
        shared, self._shared_head_tokens = self._shared_heads(doc)
        mentions += shared
        mentions += self._patterns(doc)
        mentions += self._quoted_before_head(doc)
        mentions += self._legal_form_companies(doc)
        mentions += self._trailing_form_companies(doc)
        mentions += self._described_companies(doc)
        mentions += self._opened_by_head(doc)
        mentions += self._lower_case_institutions(doc)
        mentions += self._ner(doc)
        mentions += self._acronyms(doc, mentions)
        doc._.org_mentions = mentions
        return doc

    # -- sources -------------------------------------------------------------
    def _known(self, doc: Doc) -> list[Mention]:
        out = []
        # the tokens' texts read once: a Span per candidate length and start cost more than the lookups
        texts = [t.text for t in doc_tokens(doc)]
        spaced = [t.text_with_ws for t in doc_tokens(doc)]
        i, n = 0, len(texts)
        while i < n:
            if not texts[i][:1].isupper() or fold(texts[i]).split(" ")[0] not in self._known_first_words:
                i += 1
                continue
            for length in range(min(10, n - i), 0, -1):
                if doc[i + length - 1].is_punct:
                    continue
                text = "".join(spaced[i : i + length - 1]) + texts[i + length - 1]  # Span.text
                org = self.known.get(fold(text))
                if org is not None and "\n" not in text and not _inside_capitals(doc, i, i + length) \
                        and not (length == 1 and not text.isupper() and _name_goes_on(doc, i + 1)):
                    out.append(Mention(i, i + length, "organization", text, priority=3))
                    i += length - 1
                    break
            i += 1
        return out

    def _patterns(self, doc: Doc) -> list[Mention]:
        out = []
        for tok in doc_tokens(doc):
            sister_cities = tok.lower_ == "cities" and tok.i > 0 and doc[tok.i - 1].text == "Sister" \
                and not (tok.i + 1 < len(doc) and is_capitalised(doc[tok.i + 1]))  # not "Sister Cities Initiative"
            if tok.lower_.rstrip(".") not in ORG_HEADS and not sister_cities and not self._qualified_head(doc, tok.i) \
                    and not self._ends_written_out_form(doc, tok.i) \
                    or not is_capitalised(tok) or tok.i in self._shared_head_tokens:
                continue  # "Kenosha Sister Cities", "Sister Cities of Memphis": the association; "Co., Ltd."
            start = self._extend_left(doc, tok.i)
            # a body already named after its place ("Kochi Prefectural Assembly") does not go on to its country
            anchored = any(k in self._place_tokens for k in range(start, tok.i))
            end = self._extend_right(doc, tok.i + 1, named_head=start < tok.i and (tok.lower_ in self.town_body_heads or anchored),
                                     closed=start < tok.i)
            own_name = self._own_name_after_kind(doc, start, tok.i) if end == tok.i + 1 else None
            if own_name is not None:
                end = own_name  # "National Welfare Fund Samruk-Kazyna": the kind, then the body's own name
            if start == tok.i and end == tok.i + 1:
                continue  # a bare "Union" or "Council" is not a name
            span = doc[start:end]
            if tok.lower_ in self.split_plural and any(t.lower_ in ("and", "&") or t.text == "," for t in doc[start:tok.i]):
                out += self._split_coordination(doc, start, tok)
                continue
            span = _trim(doc, span, self.not_name_start, self.connectors, self.state_organ_heads) if span is not None else None
            if span is not None and self._names_a_country(span):
                continue  # "the Russian Federation": the country, though "Federation" heads bodies' names
            m = self._mention(doc, span, priority=3) if span is not None else None
            if m is not None:
                closing = _closing_quote(span)  # type: ignore[arg-type]
                if closing:
                    m.name += closing
                if anchored and tok.lower_ in self.town_body_heads and m.alias is None and m.end > tok.i + 2 \
                        and doc[tok.i + 1].lower_ == "of" and self._place_follows(doc, tok.i + 2):
                    m.alias = doc[m.start : tok.i + 1].text  # "Keçiören Municipality of Ankara": also "Keçiören Municipality"
                if own_name is not None and m.alias is None and m.start < tok.i + 1 < m.end \
                        and not all(k in self._place_tokens or doc[k].is_punct for k in range(tok.i + 1, m.end)):
                    m.alias = doc[tok.i + 1 : m.end].text  # the news also writes "Samruk-Kazyna" alone
                _take_named_after(doc, m)
                out.append(m)
        return out

    def _own_name_after_kind(self, doc: Doc, start: int, head: int) -> int | None:
        """Where the body's own name ends when it follows the words that only say what kind of body it
        is: "National Welfare Fund Samruk-Kazyna", "Joint-Stock Company Navoiyazot", "State Enterprise
        Kyrgyz Temir Zholu". The kind has no place or person in it; the name is one to five capitalised
        words on the same line, no office, date or headline. A name spaCy reads as a person's follows a
        kind only after a written-out legal form ("Public Foundation Yashil Makon"); otherwise it is the
        person the body's name introduces ("the Regional Development Agency John Smith"). None when no
        name follows."""
        kind = doc[start : head + 1].text.casefold()
        written_out_form = any(kind == form or kind.endswith(" " + form) for form in self.spelled_legal_forms)
        if any(k in self._place_tokens and not written_out_form or doc[k].ent_type_ == "PERSON" for k in range(start, head + 1)):
            return None  # "Hai Phong Department of ...": a body named by its place already (not "Bishkek Municipal Enterprise X")
        k = head + 1
        while k < len(doc) and k - head <= _OWN_NAME_WORDS:
            tok = doc[k]
            if "\n" in doc[k - 1].whitespace_ or not is_capitalised(tok) or not tok.is_alpha \
                    or tok.is_stop or tok.ent_type_ in ("DATE", "TIME") or fold(tok.text) in self.titles.offices \
                    or fold(tok.text) in self.titles.honorifics or tok.lower_ in self.title_modifiers \
                    or tok.pos_ in ("VERB", "AUX"):
                break
            k += 1
            if k + 1 < len(doc) and (self._glued_hyphen_at(doc, k) or doc[k].text in ("–", "-") and doc[k].whitespace_) \
                    and is_capitalised(doc[k + 1]) and doc[k + 1].is_alpha:
                k += 1  # "Samruk-Kazyna": one word, written with a hyphen; "Association Netherlands – China": a pair
        if k == head + 1 or k - head > _OWN_NAME_WORDS or k < len(doc) and is_capitalised(doc[k]) and doc[k].is_alpha \
                and not (fold(doc[k].text) in self.titles.offices or doc[k].lower_ in self.title_modifiers):
            return None  # no name, or a run of capitals too long to be one (a headline)
        if head + 1 in _title_case_tokens(doc):
            return None
        if written_out_form:
            return k
        # after other kinds, a name that shows itself as one: a single word, a hyphenated word, a place's
        # name, or words spaCy reads as one body with the kind; not a person by spaCy's guess
        person = any(doc[j].ent_type_ == "PERSON" for j in range(head + 1, k)) and head + 1 not in self._place_tokens \
            and not any(doc[j].text in _HYPHENS for j in range(head + 1, k))
        if self._office_of_before(doc, start):
            return None  # "Chairman of the municipal People's Committee Luong Nguyen Minh Triet": the chairman
        hyphenated = any(doc[j].text in ("-", "‐", "–") for j in range(head + 1, k))
        if start == head:
            return k if hyphenated else None  # a bare "Fund Samruk-Kazyna" only; "Union Moldova" is two names
        shown = k == head + 2 or head + 1 in self._place_tokens or hyphenated \
            or all(doc[j].ent_type_ == "ORG" and doc[j].ent_iob_ == "I" for j in range(head, k))
        return k if shown and not person else None

    def _office_of_before(self, doc: Doc, start: int) -> bool:
        """Whether an office and "of" stand right before a body's name ("Chairman of the municipal ..."),
        so that the capitalised words after the body's name are the office holder's."""
        k = start - 1
        while k >= 0 and start - k <= 3 and doc[k].is_lower and doc[k].lower_ != "of":
            k -= 1  # "the", "municipal"
        return k >= 1 and doc[k].lower_ == "of" and (fold(doc[k - 1].text) in self.titles.offices
                                                      or doc[k - 1].lower_ in self.title_modifiers)

    def _ends_written_out_form(self, doc: Doc, i: int) -> bool:
        """"State Enterprise", "Public Association": the last word of a legal form written out in words heads
        the name that follows it, though the word alone heads no body's name ("Agency for Enterprise Development")."""
        tok = doc[i]
        forms = self._forms_ending_in.get(tok.lower_)
        if not forms or not is_capitalised(tok) or i + 1 >= len(doc) or not is_capitalised(doc[i + 1]):
            return False
        start = max(0, i - 3)
        words = doc[start : i + 1].text.casefold()
        return any(words.endswith(form) and (len(words) == len(form) or words[-len(form) - 1] == " ") for form in forms)

    def _names_a_country(self, span: Span) -> bool:
        """Whether the span is exactly a country's name the place finder is sure of."""
        place = self._place_starting.get(span.start)
        return place is not None and place.end == span.end and place.priority >= 2 \
            and place.place is not None and place.place.kind == "country"

    def _qualified_head(self, doc: Doc, i: int) -> bool:
        """"Tra Noc Industrial Park", "Da Nang Hi-Tech Park": a head only after one of its own words."""
        before = self.qualified_heads.get(doc[i].lower_)
        return before is not None and i > 0 and doc[i - 1].lower_ in before

    def _shared_heads(self, doc: Doc) -> tuple[list[Mention], set[int]]:
        """One body for each name that shares a plural head: "the Ports of Kobe and Yokohama" → Port
        of Kobe, Port of Yokohama; "Duke and Emory Universities" → Duke University, Emory University.
        Also the head tokens read so, which no other pattern may read again."""
        out: list[Mention] = []
        heads: set[int] = set()
        for tok in doc_tokens(doc):
            singular = self.shared_heads.get(tok.lower_)
            if singular is None or not (is_capitalised(tok) or tok.lower_ in self.named_when_lower):
                continue
            if is_capitalised(tok) and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
                names = _coordinated_names(doc, tok.i + 2, 1)
                if len(names) >= 2:
                    out += [Mention(tok.i if k == 0 else a, b, "organization", f"{singular} of {doc[a:b].text}",
                                    priority=3) for k, (a, b) in enumerate(names)]
                    heads.add(tok.i)
                continue
            names = _coordinated_names(doc, tok.i - 1, -1)
            if len(names) >= 2:
                names.reverse()
                out += [Mention(a, tok.i + 1 if k == len(names) - 1 else b, "organization",
                                f"{doc[a:b].text} {singular}", priority=3) for k, (a, b) in enumerate(names)]
                heads.add(tok.i)
        return out, heads

    def _quoted_before_head(self, doc: Doc) -> list[Mention]:
        """'the “Turan” Special economic zone': a quoted name before a head noun, whatever the case
        of the head's words, is one body ("Turan Special economic zone")."""
        out = []
        for tok in doc_tokens(doc):
            if tok.text not in _QUOTES or tok.i + 2 >= len(doc):
                continue
            closing = _QUOTES[tok.text]
            k = tok.i + 1
            while k < len(doc) and k - tok.i <= _QUOTED_WORDS and is_capitalised(doc[k]) and doc[k].text != closing:
                k += 1
            if k == tok.i + 1 or k >= len(doc) or doc[k].text != closing:
                continue
            end = k + 1
            while end < len(doc) and end - k <= 4 and doc[end].is_alpha and doc[end].lower_ not in ORG_HEADS:
                end += 1
            if end >= len(doc) or doc[end].lower_ not in ORG_HEADS:
                continue
            if not is_capitalised(doc[k + 1]) and (end == k + 1 or not all(t.is_lower for t in doc[k + 1 : end + 1])):
                continue  # a lower-case head counts with its own modifiers only: 'the "Khorgos" special economic zone'
            last = self._extend_right(doc, end + 1)  # "‘Atameken’ National Chamber of Entrepreneurs"
            head = " ".join(t.text if not t.is_lower or t.lower_ in self.connectors else t.text.title()
                            for t in doc[k + 1 : last])
            name = f"{doc[tok.i + 1 : k].text} {head}"
            out.append(Mention(tok.i, last, "organization", name, priority=3))
        return out

    def _lower_case_institutions(self, doc: Doc) -> list[Mention]:
        """"Kazan federal university", "Petrozavodsk state university": a town, lower-case adjectives and
        an institution's head name that institution, as translated news often writes it; a town with
        the bare head ("the Kazan university") only describes one."""
        out = []
        for tok in doc_tokens(doc):
            if tok.lower_ not in self.lower_case_institutions or not tok.is_lower:
                continue
            k = tok.i
            while k - 1 >= 0 and tok.i - k < 3 and doc[k - 1].is_lower and doc[k - 1].is_alpha and not doc[k - 1].is_stop \
                    and doc[k - 1].pos_ in ("ADJ", "PROPN", "NOUN") and doc[k - 1].lower_ not in ORG_HEADS:
                k -= 1
            if k == tok.i or k == 0 or not (k - 1 in self._place_tokens or is_capitalised(doc[k - 1])
                                            and self.gazetteer.candidates(doc[k - 1].text)):
                continue  # the town must be known, found here or not ("Petrozavodsk", which spaCy takes for a body)
            start = k - 1
            while start - 1 in self._place_tokens:
                start -= 1
            name = " ".join([doc[start:k].text] + [t.text.title() for t in doc[k : tok.i + 1]])
            out.append(Mention(start, tok.i + 1, "organization", name, priority=3))
        return out

    def _legal_form_companies(self, doc: Doc) -> list[Mention]:
        """"JSC Aktobe Copper", 'LLP "Saryarka Logistics"', 'Company "Caspian Media Ltd."': a company
        named with its legal form, which also answers to its name without the form."""
        out = []
        forms = legal_forms()
        for tok in doc_tokens(doc):
            company_word = tok.lower_ == "company" and tok.i + 1 < len(doc) and doc[tok.i + 1].text in _QUOTES
            if tok.text not in forms and not company_word:
                continue
            before = self._name_before_form(doc, tok.i)
            if before is not None:  # "Samruk-Kazyna JSC": the form written after the name
                m = Mention(before, tok.i + 1, "organization", doc[before : tok.i + 1].text, priority=4)
                m.alias = doc[before : tok.i].text
                out.append(m)
                continue
            k = tok.i + 1
            if k < len(doc) and doc[k].text in _QUOTES:
                closing = _QUOTES[doc[k].text]
                e = k + 1
                while e < len(doc) and e - k <= 6 and doc[e].text != closing and "\n" not in doc[e].whitespace_:
                    e += 1
                if e >= len(doc) or doc[e].text != closing or e == k + 1:
                    continue
                bare = doc[k + 1 : e].text
                end = e + 1
            else:
                e = k
                while e < len(doc) and e - k < 4 and is_capitalised(doc[e]) and doc[e].is_alpha \
                        and doc[e].text not in forms and "\n" not in doc[e - 1].whitespace_ \
                        and not (e > k and doc[e].ent_type_ == "PERSON" and doc[e].ent_iob_ == "B"):
                    e += 1  # "JSC Kazakhstan Temir Zholy Nurlan Sauranbayev": the person's name ends it
                if e == k:
                    continue
                bare = doc[k:e].text
                end = e
            name = bare if company_word else f"{tok.text} {bare}"
            m = Mention(tok.i, end, "organization", name, priority=4)
            if not company_word:
                m.alias = bare
            out.append(m)
        return out

    def _trailing_form_companies(self, doc: Doc) -> list[Mention]:
        """"Hyosung Vina Chemicals Co., Ltd.", "Royal Boskalis N.V.", "PT Len Industri (Persero)": a company
        named with a legal form written after its name (one pass of one pattern over the text); the
        words before the form up to a lower-case word or a stop are the name, which the company also
        answers to without its forms."""
        out = []
        before_forms = legal_forms()
        for hit in trailing_legal_forms().finditer(doc.text):
            form = doc.char_span(hit.start("form"), hit.end("form"), alignment_mode="expand")
            if form is None:
                continue
            end = form.start - 1 if hit.group("comma") else form.start
            start = self._company_name_start(doc, end)
            if start is None:
                continue
            bare_start = start
            if start > 0 and doc[start - 1].text in before_forms:
                start -= 1  # "PT Pelabuhan Indonesia (Persero)": a form on each side
            m = Mention(start, form.end, "organization", doc[start : form.end].text, priority=4)
            m.alias = doc[bare_start:end].text
            out.append(m)
        return out

    def _described_companies(self, doc: Doc) -> list[Mention]:
        """A name the prose calls a company, before ("the Spanish rail operator Renfe") or in an
        apposition after it ("ProChile, the export promotion agency of ..."): a body, though it has no
        head noun; not a name the article's places or persons make up."""
        out = []
        for tok in doc_tokens(doc):
            if tok.lower_ not in self.company_descriptors or not tok.is_lower:
                continue
            k = tok.i + 1
            end = k
            while end < len(doc) and end - k < _DESCRIBED_WORDS and is_capitalised(doc[end]) and not doc[end].is_punct \
                    and "\n" not in doc[end - 1].whitespace_:
                end += 1
            if end > k and (end == len(doc) or not is_capitalised(doc[end])) and self._company_like(
                    doc, k, end, named=True, person_named=tok.lower_ in self.person_descriptors):
                out.append(Mention(k, end, "organization", doc[k:end].text, priority=3))
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("of", "in", "that", "which", "based", ",", ".", "and"):
                start = self._appositive_name_start(doc, tok.i)
                if start is not None and self._company_like(doc, start, start + self._run_length(doc, start)):
                    out.append(Mention(start, start + self._run_length(doc, start), "organization",
                                       doc[start : start + self._run_length(doc, start)].text, priority=3))
        return out

    def _appositive_name_start(self, doc: Doc, descriptor: int) -> int | None:
        """Where the name stands that ", the <lower-case words> <descriptor>" at token `descriptor` describes."""
        k = descriptor - 1
        while k > descriptor - 5 and k >= 0 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in ("the", "a", "an"):
            k -= 1  # "the export promotion agency"
        if k < 2 or doc[k].lower_ not in ("the", "a", "an") or doc[k - 1].text != ",":
            return None
        end = k - 1
        start = end
        while start - 1 >= 0 and end - start < _DESCRIBED_WORDS and is_capitalised(doc[start - 1]) and not doc[start - 1].is_punct:
            start -= 1
        return start if start < end and (start == 0 or not is_capitalised(doc[start - 1])) else None

    @staticmethod
    def _run_length(doc: Doc, start: int) -> int:
        end = start
        while end < len(doc) and is_capitalised(doc[end]) and not doc[end].is_punct:
            end += 1
        return end - start

    def _company_like(self, doc: Doc, start: int, end: int, named: bool = False, person_named: bool = False) -> bool:
        """Whether tokens start..end may name a company: proper names, not all of them a place's, not an
        office or a date; nor a person or place by spaCy's guess unless the describing noun stands right
        before the name (`named`: "the mining company Rio Tinto"), and still no person by that guess when
        the noun describes people too (`person_named`: "the investor Arman Dzhumageldiev")."""
        span = doc[start:end]
        guesses = (("PERSON",) if person_named else ()) + ("DATE", "TIME") if named \
            else ("PERSON", "DATE", "TIME", "GPE", "NORP")
        if not 0 < len(span) <= _DESCRIBED_WORDS or all(t.i in self._place_tokens for t in span) \
                or any(t.ent_type_ in guesses for t in span):
            return False
        return not any(fold(t.text) in self.titles.offices or fold(t.text) in self.titles.honorifics
                       or t.lower_ in self.demonyms or t.is_stop for t in span)

    def _company_name_start(self, doc: Doc, end: int) -> int | None:
        """Where the name of a company that ends at token `end` (exclusive) starts: capitalised words, glued
        hyphens, "&", and an "and" inside a line of business ("Atyrau Oil and Gas Service") or inside
        spaCy's own name; not an office, a date, a stop word, a legal form or a describing noun that opens
        the sentence ("Shipbuilder Larsen & Toubro"). None when no name stands there."""
        k = end
        floor = max(0, end - _COMPANY_WORDS)
        while k - 1 >= floor:
            tok = doc[k - 1]
            if k < end and "\n" in tok.whitespace_:
                break
            if is_capitalised(tok) and not tok.is_punct:
                if tok.is_stop and not tok.is_upper or tok.ent_type_ in ("DATE", "TIME") \
                        or tok.text in legal_forms() or fold(tok.text) in self.titles.offices \
                        or fold(tok.text) in self.titles.honorifics \
                        or tok.is_sent_start and tok.lower_ in self.company_descriptors:
                    break
                k -= 1
                continue
            if self._glued_hyphen_at(doc, k - 1) and k < end:
                k -= 1
                continue
            if k < end and k - 2 >= floor and is_capitalised(doc[k - 2]) and not doc[k - 2].text.endswith(".") \
                    and (tok.text == "&" or tok.lower_ == "and" and (tok.ent_iob_ == "I" and tok.ent_type_ == "ORG"
                                                                     or doc[k - 2].lower_ in self.trade_words
                                                                     and doc[k - 2].lower_ not in ORG_HEADS)):
                k -= 1  # "Larsen & Toubro", "Van Oord Dredging and Marine Contractors"; not "Corp. and Naver Cloud"
                continue
            if tok.lower_ == "of" and k < end and k - 2 >= floor and doc[k - 2].lower_ in self.company_heads \
                    and is_capitalised(doc[k - 2]) and is_capitalised(doc[k]):
                k -= 1  # "Bank of Georgia PLC"; not "(Chairman of the) Board of Aktau Port JSC"
                continue
            break
        while k < end and (doc[k].lower_ in ("and", "&", "of") or doc[k].is_punct):
            k += 1
        if k < end - 1 and doc[k].lower_ in self.demonyms and is_capitalised(doc[k + 1]) \
                and doc[k + 1].lower_ not in self.trade_words and doc[k + 1].lower_ not in ORG_HEADS:
            k += 1  # "Dutch Royal Boskalis N.V.": the nationality describes the company
        return k if k < end else None

    def _opened_by_head(self, doc: Doc) -> list[Mention]:
        """"Air Astana", "Air China": a company named by a capitalised head before a place's name
        (the place the article names stays a place elsewhere)."""
        out = []
        for tok in doc_tokens(doc):
            if tok.lower_ not in self.opening_heads or not is_capitalised(tok):
                continue
            place = self._place_starting.get(tok.i + 1)
            if place is not None and place.priority >= 2:
                out.append(Mention(tok.i, place.end, "organization", doc[tok.i : place.end].text, priority=4))
        return out

    def _name_before_form(self, doc: Doc, i: int) -> int | None:
        """Where a company's name starts when its legal form follows it ("Samruk-Kazyna JSC",
        "Kazakhtelecom JSC") and no name follows the form; None otherwise."""
        if i + 1 < len(doc) and (is_capitalised(doc[i + 1]) and doc[i + 1].is_alpha or doc[i + 1].text in _QUOTES):
            return None  # "JSC Aktobe Copper": the name follows
        start = i
        while start - 1 >= 0 and i - start < 6:
            prev = doc[start - 1]
            if self._glued_hyphen_at(doc, start - 1):
                start -= 1
            elif prev.is_alpha and is_capitalised(prev) and not prev.is_sent_start and prev.lower_ not in self.not_name_start:
                start -= 1
            elif prev.is_alpha and is_capitalised(prev) and prev.is_sent_start:
                start -= 1
                break
            else:
                break
        while start < i and doc[start].text in _HYPHENS:
            start += 1
        return start if start < i else None

    @staticmethod
    def _glued_hyphen_at(doc: Doc, k: int) -> bool:
        return doc[k].text in _HYPHENS and not doc[k].whitespace_ and k > 0 and not doc[k - 1].whitespace_

    def _extend_left(self, doc: Doc, i: int) -> int:
        start = i
        sent_start = doc[i].sent.start
        while start - 1 >= sent_start:
            prev = doc[start - 1]
            if prev.text == ")" and start == i:
                opening = _opening_parenthesis(doc, start - 1, sent_start)
                if opening is not None and opening > sent_start and is_capitalised(doc[opening - 1]):
                    start = opening  # "Karatay (Konya) Municipality": the province in brackets
                    continue
            chain = _glued_chain_start(doc, start, sent_start)
            if chain < start and any(not is_capitalised(doc[c]) for c in range(chain + 2, start, 2)):
                start = chain  # "Quaid-e-Azam Business Park": a hyphenated name with a lower-case part
                continue
            suffix = prev.is_lower and prev.lower_ in self.name_suffixes
            chain = _glued_chain_start(doc, start - 1, sent_start) if suffix else start - 1
            if chain < start - 1:
                start = chain  # "Gangnam-gu Office": a name ending in a unit's suffix, not "Kadıköy-based"
                continue
            if prev.text in ("-", "–") and start - 2 >= sent_start and is_capitalised(doc[start - 2]) \
                    and start < i + 1 and is_capitalised(doc[start]) and not doc[start - 2].is_punct \
                    and fold(doc[start - 2].text) not in self.titles.offices:
                start -= 2  # "Tbilisi-Lyon Twinning Association", "Sonora – Arizona Commission"
                continue
            if prev.text in ("’s", "'s") and start - 2 >= sent_start and doc[start - 2].lower_ in name_possessives():
                start -= 1  # "Hanoi People's Committee": the possessive is part of the name
                continue
            if prev.text in ("’s", "'s") and start == i and self._office_possessive(doc, start - 2, i, sent_start):
                start -= 2  # "Marshal's Office of the Lubelskie Voivodeship", "Ulaanbaatar City Governor's Office"
                continue
            if prev.text == "," and start - 2 >= sent_start and is_capitalised(doc[start - 2]) \
                    and doc[i].lower_ not in self.split_plural and start - 2 not in self._place_tokens \
                    and any(t.lower_ == "and" for t in doc[start:i]) and not doc[start - 2].is_punct \
                    and all(is_capitalised(t) or t.lower_ in ("and", ",") for t in doc[start:i]):
                start -= 1  # "Housing, Communities and Local Government Committee": the remit, listed
                continue
            if prev.text == "," and start - 2 >= sent_start and doc[start - 2].lower_ in ("co.", "co") and start == i:
                start -= 1  # "Hyundai Engineering & Construction Co., Ltd.": one company's legal forms
                continue
            if prev.text in ("’s", "'s", "’", "'") or prev.is_punct and prev.text not in ("-", ".", "&"):
                break
            coordination = doc[i].lower_ in self.split_plural and is_capitalised(doc[start - 2]) if start - 2 >= sent_start else False
            if (prev.lower_ in ("and", "&") or prev.text == "," and coordination) and start - 2 >= sent_start \
                    and (coordination or self._joins_name(doc[start - 2], doc[start]) or self._opens_name(doc, start - 2)) \
                    and not self._ends_a_body(doc, start - 2, sent_start) \
                    and not (doc[start - 2].text in legal_forms() or doc[start - 2].lower_.rstrip(".") in self.company_heads):
                # "Larsen & Toubro Limited and Damen Shipyards Group": a legal form ends one company's name
                start -= 1  # "Music and Drama Theater", "Zeytinburnu and Üsküdar Municipalities"
                continue
            if not is_capitalised(prev) and not prev.like_num or prev.lower_ in ORG_HEADS and not (
                    doc[start].lower_ == "and" and self._opens_name(doc, start - 1)) \
                    and not (start < i and is_capitalised(prev) and all(t.lower_ in self.organ_words for t in doc[start:i])):
                break  # but "… Economic Zone Management Board": the organ of the body named before it
            if fold(prev.text) in self.titles.offices or fold(prev.text) in self.titles.honorifics \
                    or prev.lower_ in self.title_modifiers:
                break
            if "\n" in prev.whitespace_:
                break
            if start - 1 not in self._place_tokens and (prev.is_stop and not prev.is_upper or prev.ent_type_ == "DATE"
                                                         or prev.pos_ in ("VERB", "AUX")):
                break  # a known place's words stay words of the name, whatever they look like ("Can Tho City")
            start -= 1
        if start < i and doc[start].lower_ in self.not_name_start:
            start += 1
        return start

    def _office_possessive(self, doc: Doc, k: int, head: int, floor: int) -> bool:
        """Whether the office title at token k, with its possessive, opens the name of the office's
        body before the head at `head`: "Governor's Office" named after its territory before it
        ("Ulaanbaatar City Governor's Office") or after it ("Marshal's Office of the Lubelskie
        Voivodeship"); a bare "the Mayor's Office" only describes one."""
        if k < floor or not is_capitalised(doc[k]) or fold(doc[k].text) not in self.titles.offices:
            return False
        named_before = k - 1 >= floor and is_capitalised(doc[k - 1]) and not doc[k - 1].is_punct \
            and not doc[k - 1].is_sent_start and fold(doc[k - 1].text) not in self.titles.offices
        return named_before or head + 1 < len(doc) and doc[head + 1].lower_ == "of"

    @staticmethod
    def _opens_name(doc: Doc, k: int) -> bool:
        """"the Port and Shipping Authority": a head noun right after "the" and before "and" is the
        first word of one name, not a body of its own (that would need a name before it)."""
        return k >= 1 and doc[k - 1].lower_ == "the" and is_capitalised(doc[k]) and doc[k].is_alpha \
            and doc[k].lower_ in ORG_HEADS

    def _ends_a_body(self, doc: Doc, k: int, sent_start: int) -> bool:
        """Whether token k ends the name of a body headed before it ("the University of Tartu and
        Al-Farabi ... University", "Department of Industry and Trade and Thu Dau Mot University"): the
        words before "and" are that body's, not the next one's. A "the" that no "of" or "for" governs
        opens a new name, so an earlier body ends before it: in "the Port of Seattle and the Port and
        Harbor Bureau of ..." the second "Port" starts the bureau's name."""
        j = k
        while j > sent_start and j > k - 8 and (is_capitalised(doc[j]) or doc[j].lower_ in ("of", "for", "the", "and", "&")):
            if doc[j].lower_ in ORG_HEADS and is_capitalised(doc[j]) and j < k and doc[j + 1].lower_ in ("of", "for"):
                return True
            if doc[j].lower_ == "the" and doc[j - 1].lower_ not in ("of", "for"):
                return False
            j -= 1
        return False

    def _joins_name(self, before, after) -> bool:
        """"Music and Drama Theater" is one name; "Zeytinburnu and Turkistan Municipality",
        "TDBB and Beşiktaş Municipality" or "Brazilian and Putrajaya Corporation" are two."""
        town_word = before.lower_ in place_words().town_words  # "St Albans City and District Council"
        return (is_capitalised(before) and is_capitalised(after) and before.lower_ not in ORG_HEADS
                and not before.is_upper and (before.i not in self._place_tokens or town_word)
                and after.i not in self._place_tokens and fold(before.text) not in self.demonyms)

    def _extend_right(self, doc: Doc, j: int, named_head: bool = False, closed: bool = False) -> int:
        """Take "of Trade and Integration", "for Saving the Aral Sea"; stop at a new name or a date.

        `named_head`: a town's own body ("Turkistan Municipality"), whose name does not go on to
        its country ("... of Kazakhstan"). `closed`: the name's words stand before its head
        ("Hyundai Motor Company"), so an "and" right after the head starts another name ("and Kia")."""
        head = doc[j - 1].lower_ if j > 0 else ""
        while j < len(doc) and (doc[j].lower_ in ORG_HEADS or doc[j].lower_ in self.head_modifiers) and is_capitalised(doc[j]) \
                or j + 1 < len(doc) and self._glued_hyphen_at(doc, j) and is_capitalised(doc[j + 1]) \
                and (doc[j + 1].lower_ in ORG_HEADS or doc[j + 1].lower_ in self.head_modifiers):
            j += 1  # "Economic Zone Authority": heads in a row are one name; "Consulate General", "Governorate-General" one head
        j = _past_number(doc, j, self.number_signs)  # "Lyceum No. 2 of Bishkek": the school's number is part of its name
        if j + 1 < len(doc) and self._glued_hyphen_at(doc, j) and is_capitalised(doc[j + 1]):
            campus = self._place_starting.get(j + 1)
            if campus is not None and campus.priority >= 2:
                return campus.end  # "Texas A&M University-Corpus Christi": a campus, joined by a hyphen
            end = j + 1
            while end < len(doc) and end - j <= 3 and is_capitalised(doc[end]) and doc[end].ent_iob_ == "I" \
                    and doc[end].ent_type_ == "ORG":
                end += 1
            if end > j + 1:
                return end  # "Rutgers University-Camden", as spaCy reads it too
        quoted = _quoted_name_at(doc, j)
        if quoted is not None:
            return quoted  # 'Industrial Cooperation Center "Central Asia"': the body's own name, in quotes
        if j >= len(doc) or doc[j].lower_ not in ("of", "for", "on", "and", "&"):
            return j
        if doc[j].lower_ in ("and", "&") and (closed or not self._same_name_after_and(doc, j)):
            return j
        end = j
        k = j
        sent_end = doc[j - 1].sent.end
        passed_head = False
        took_place = False  # "Khokimiyat of Samarkand Region" does not go on to its country either
        while k < sent_end:
            tok = doc[k]
            if "\n" in doc[k - 1].whitespace_ or tok.ent_type_ in ("DATE", "TIME") \
                    or tok.ent_type_ == "PERSON" and k not in self._place_tokens and tok.lower_ not in self.connectors \
                    and not _listed_remit_word(doc, k):
                break  # a place spaCy took for a person still ends the name ("Governorate of Giza"); a
                # connector inside spaCy's "person" does not ("The Khokimiyat of Samarkand Region")
            campus = self._place_starting.get(k + 1) if tok.lower_ in ("at", "in") and k > j + 1 and doc[j].lower_ == "of" else None
            if campus is not None and campus.priority >= 2 and tok.lower_ == "at" and doc[j - 1].lower_ in self.campus_heads:
                end = campus.end  # "University of Texas at El Paso": a campus of a state's university
                break
            if campus is not None and campus.priority >= 2 and tok.lower_ == "in" and self._seated(head, campus, took_place):
                end = campus.end  # "Embassy of Japan in Astana", "University of Life Sciences in Lublin": its seat
                break
            if tok.lower_ in self.connectors or tok.text == ",":
                if tok.text == "," and k + 1 < sent_end and doc[k + 1].lower_ in self.not_name_start:
                    break  # "Parliament of Armenia, the National Assembly": an appositive, another name
                if tok.text == "," and k + 1 < sent_end and (fold(doc[k + 1].text) in self.titles.offices
                                                             or doc[k + 1].lower_ in self.title_modifiers):
                    break  # "Chairman of the Board of JSC X Y Z, Vice Minister of ...": the next person's office
                if passed_head and tok.lower_ not in ("of", "for"):
                    if not (tok.lower_ in ("and", "&") and self._same_name_after_and(doc, k)):
                        break
                    passed_head = False  # "Department of Municipalities and Transport" goes on
                if tok.lower_ == "of" and self._parent_body_follows(doc, k + 1) and (closed or k > j) \
                        and not town_government_at(doc, k + 1):
                    break  # but a bare head is named by its parent: "Directorate of the Jizzakh Free Economic Zone"
                if tok.lower_ == "on" and k + 1 < sent_end and doc[k + 1].lower_ == "the":
                    break  # "Government of Uzbekistan on the International Centre": what it agreed on
                if tok.lower_ == "of" and (named_head or took_place) and self._country_follows(doc, k + 1):
                    break  # "Turkistan Municipality of Kazakhstan", "… Provincial Government of the Republic of Korea"
                if tok.lower_ in ("and", "&") and not self._same_name_after_and(doc, k):
                    break
                k += 1
                continue
            if passed_head:
                if _plural(tok) and tok.is_alpha and is_capitalised(tok) and k not in self._place_tokens \
                        and (k + 1 >= sent_end or not is_capitalised(doc[k + 1])):
                    end = k + 1  # "Network of Asia-Pacific Port Cities": a plural that the inner head qualifies
                break
            if tok.is_lower and (tok.lower_ in place_words().region_words or tok.lower_ in place_words().town_words) \
                    and k - 1 in self._place_tokens:
                end = k + 1  # "Akimat of Akmola region", "People's Committee of Da Nang city": the place's word
                break
            if tok.text == "-" and not doc[k - 1].whitespace_ and not tok.whitespace_:
                if k + 2 < sent_end and doc[k + 1].is_lower and doc[k + 1].is_alpha and is_capitalised(doc[k + 2]):
                    k += 2  # "East Lake High-tech Development Zone": a compound word of the name
                    continue
                k += 1  # "Self-Governing"
                continue
            if tok.text in ("’s", "'s") and k + 1 < sent_end and is_capitalised(doc[k + 1]) \
                    and doc[k - 1].lower_ in name_possessives():
                k += 1  # "Henan Provincial People's Congress", not "... Technology's Seoul office"
                continue
            place = self._place_starting.get(k)
            if place is not None and place.priority >= 2 and place.place is not None and place.place.kind != "country":
                took_place = True
            if place is not None and place.priority >= 2 and place.end > k + 1 and place.end <= sent_end:
                k = end = place.end  # "… of the United Kingdom of Great Britain and Northern Ireland": whole
                continue
            if is_capitalised(tok) and not tok.is_punct and fold(tok.text) not in self.titles.offices \
                    and fold(tok.text) not in self.titles.honorifics:
                # an inner head ends the name unless "of" follows it or the word after it ("Customs Service Officers of")
                passed_head = tok.lower_ in ORG_HEADS and k + 1 < sent_end and doc[k + 1].lower_ not in ("of", "for") \
                    and not (k + 2 < sent_end and is_capitalised(doc[k + 1]) and doc[k + 2].lower_ == "of")
                k += 1
                end = k
                continue
            break
        return end

    def _seated(self, head: str, seat: Mention, took_place: bool) -> bool:
        """Whether "in <seat>" is part of the name of a body with this head: a diplomatic mission's seat
        always ("Consulate General of Korea in Almaty"), a university's town when its name names no
        place yet ("University of Life Sciences in Lublin", not "University of Tartu in Estonia")."""
        if head in self.seat_heads:
            return True
        return head in self.campus_heads and not took_place and seat.place is not None and seat.place.kind == "city"

    def _country_follows(self, doc: Doc, k: int) -> bool:
        """Whether a country's name starts at token k, after an optional "the" ("Kazakhstan",
        "the Republic of Korea")."""
        if k < len(doc) and doc[k].text in self.gazetteer.country_names:
            return True
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        place = self._place_starting.get(k)
        return place is not None and place.place is not None and place.place.kind == "country"

    def _place_follows(self, doc: Doc, k: int) -> bool:
        """Whether a place's name the finder is sure of starts at token k, after an optional "the"."""
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        place = self._place_starting.get(k)
        return place is not None and place.priority >= 2

    @staticmethod
    def _parent_body_follows(doc: Doc, k: int) -> bool:
        """"Agency of the Ministry of ...": the parent body is a name of its own."""
        if k >= len(doc) or doc[k].lower_ != "the":
            return False
        run = k + 1
        while run < len(doc) and is_capitalised(doc[run]):
            if doc[run].lower_ in ORG_HEADS:
                return True
            run += 1
        return False

    def _same_name_after_and(self, doc: Doc, k: int) -> bool:
        """"Commerce and Industry" continues a name; "... Department and Erzurum Municipality" starts another."""
        nxt = k + 1
        if nxt >= len(doc) or doc[nxt].lower_ == "the" or not is_capitalised(doc[nxt]) or nxt in self._place_tokens:
            return False
        run = nxt
        while run < len(doc) and is_capitalised(doc[run]) and doc[run].lower_ not in ORG_HEADS:
            run += 1
        if run + 1 < len(doc) and doc[run].text == "," and (fold(doc[run + 1].text) in self.titles.offices
                                                             or doc[run + 1].lower_ in self.title_modifiers):
            return False  # "... of the SMBDA, and Shukhrat Nazarov, director of ...": a person, by the office after
        return not (run < len(doc) and doc[run].lower_ in ORG_HEADS)

    def _split_coordination(self, doc: Doc, start: int, head) -> list[Mention]:
        """"Üsküdar and Zeytinburnu Municipalities" → one mention for each town's body."""
        out = []
        singular = self.split_plural[head.lower_]
        k = start
        while k < head.i:
            if doc[k].lower_ in ("and", "&") or doc[k].text == ",":
                k += 1
                continue
            e = k
            while e < head.i and doc[e].lower_ not in ("and", "&") and doc[e].text != ",":
                e += 1
            town = doc[k:e].text
            if town in self.gazetteer.country_names:
                k = e
                continue
            m = Mention(k, e if e < head.i else head.i + 1, "organization", f"{town} {singular}", priority=3)
            if singular == "Municipality":
                m.town, m.town_government = town, True
            out.append(m)
            k = e
        return out

    def _ner(self, doc: Doc) -> list[Mention]:
        out = []
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "PERSON"):
                continue
            span = _trim(doc, ent, self.not_name_start, self.connectors, self.state_organ_heads)
            if span is not None and self._named_after_place(doc, span):
                m = self._mention(doc, span, priority=3)  # "Jeju Air", "Almaty Metro": a company, not its place
                if m is not None:
                    m.town = None  # nor the town's own body: the town is no entity of its own by this name
                    out.append(m)
                continue
            if ent.label_ != "ORG":
                continue
            while span is not None and len(span) > 1 and (fold(span[0].text) in self.titles.offices
                                                          or span[0].lower_ in ("of", "the")):
                span = doc[span.start + 1 : span.end]  # "Head of Theater" → "Theater"
            while span is not None and len(span) > 1 and fold(span[-1].text) in self.titles.offices:
                span = doc[span.start : span.end - 1]  # "Organization Department Inspector"
            if span is None or not any(is_capitalised(t) for t in span):
                continue
            before = [t for t in doc[max(0, span.start - 3) : span.start] if t.lower_ not in ("of", "the")]
            if span.start > 0 and doc[span.start - 1].lower_ in ("of", "the") and before \
                    and fold(before[-1].text) in self.titles.offices:
                continue  # "Chairman of the Management Board": part of an office
            has_head = any(t.lower_ in ORG_HEADS for t in span)
            if not has_head and span.start > 0 and doc[span.start - 1].lower_ in ("on", "of", "for", "in"):
                continue  # "Memorandum on Increment of Volumes ...": part of a document's title
            if all(fold(t.text) in self.titles.offices or t.lower_ in self.connectors or t.lower_ in self.title_modifiers
                   or t.lower_ in ("heads", "state", "states") or t.lower_ in self.demonyms for t in span):
                continue  # "Consul General", "Kyrgyz Consul General", "Heads of State": offices, not bodies
            if not has_head and not span.text.isupper() and \
                    not all(t.pos_ == "PROPN" or t.lower_ in self.connectors for t in span):
                continue
            if any(t.is_alpha and t.is_lower and t.lower_ not in self.connectors for t in span):
                continue  # "Turkic investment fund": a description, not a name
            m = self._mention(doc, span, priority=1)
            if m is not None:
                out.append(m)
        return out

    def _named_after_place(self, doc: Doc, span: Span) -> bool:
        """Whether a name spaCy reads as a body is a place's name and the line of business of a company
        named after it ("Jeju Air", "Almaty Metro", "Sachsen Energie" reads as a person's or a place's
        otherwise): proper names only, in running prose (not a Title Case headline), none of them a word
        of a place, a nationality, an office or a person the article names; a word of trade ("Air", "Metro") or
        spaCy's own reading of the whole name as a body ("Astana Innovations") says it is a company."""
        if not 2 <= len(span) <= _PLACE_NAMED_WORDS or not any(t.i in self._place_tokens for t in span):
            return False
        own = [t for t in span if t.i not in self._place_tokens]
        words = place_words()
        if not own or not all(t.is_alpha and is_capitalised(t) for t in span) or any(
                t.ent_iob_ == "B" and t.i > span.start for t in span) or any(t.lower_ in ORG_HEADS for t in span) or any(
                t.lower_ in words.region_words or t.lower_ in words.town_words or t.lower_ in self.demonyms
                or fold(t.text) in self.titles.offices or fold(t.text) in self.titles.honorifics
                or t.lower_ in self.title_modifiers or t.text in self._person_words for t in own) \
                or not (any(t.lower_ in self.trade_words for t in own) or self._whole_org_entity(doc, span)):
            return False  # "Kazakhstan Ikrom Nazarov", "Tokyo Olympic": a line of business names a company
        k = span.start - 1
        if k >= 1 and doc[k].lower_ in ("of", "to", "in"):
            k -= 1
        if k >= 0 and (fold(doc[k].text) in self.titles.offices or doc[k].lower_ in self.title_modifiers):
            return False  # "Ambassador to Kyrgyzstan Alper Aktaş", "Mayor of Sorgun Ahmet Yilmaz": an office's place, then its holder
        if k >= 0 and doc[span.start - 1].lower_ in ("of", "to", "in") and any(
                fold(t.text) in self.titles.offices for t in doc[max(doc[k].sent.start, k - _OFFICE_REACH) : k]):
            return False  # "Ambassador ... of Uzbekistan to Kazakhstan Ikrom Nazarov": the office's places, then its holder
        return any(t.is_lower and t.is_alpha and len(t) > 3 for t in span.sent)  # a headline capitalises every word

    @staticmethod
    def _whole_org_entity(doc: Doc, span: Span) -> bool:
        """Whether spaCy reads the span, on one line, as a body of its own, no preposition of place before it
        makes it the place it is named after ("investors in Van Don") and the gazetteer knows no place so named."""
        ent = _entity_of(doc, span.start)
        return ent is not None and ent.label_ == "ORG" and "\n" not in ent.text \
            and not (span.start > 0 and doc[span.start - 1].lower_ in place_words().place_prepositions) \
            and not default_gazetteer().candidates(span.text)

    def _acronyms(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """"Name (ACR)" gives the named mention its acronym; a lone acronym is an organisation."""
        out = []
        by_end: dict[int, list[Mention]] = {}
        for m in found:
            by_end.setdefault(m.end, []).append(m)
        forms = legal_forms()
        compound = self._compound_short_forms(doc, by_end)
        for tok in doc_tokens(doc):
            if tok.i in compound:
                continue
            if tok.i > 0 and doc[tok.i - 1].text == "(" and by_end.get(tok.i - 1) and _PAREN_ALIAS.match(tok.text) \
                    and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")":
                for m in by_end[tok.i - 1]:
                    m.acronym = tok.text  # "Special economic zone (TuranSEZ)"
                continue
            if not _ACRONYM.match(tok.text) or tok.text in ("II", "III", "IV", "VI") or tok.text in forms \
                    or tok.is_stop:
                continue  # a legal form ("JSC") or a capitalised word ("THE") is no body
            if tok.ent_type_ in ("GPE", "LOC", "NORP", "DATE", "MONEY", "CARDINAL") or \
                    tok.ent_type_ == "PERSON" and not (tok.is_upper and len(tok) >= 3):
                continue
            if tok.text in self.gazetteer or fold(tok.text) in self.common_acronyms:
                continue
            if tok.i > 0 and doc[tok.i - 1].text == "(":
                before = by_end.get(tok.i - 1)
                if before:
                    for m in before:
                        m.acronym = tok.text
                    continue
                if any(t.lower_ in self.document_words for t in doc[max(0, tok.i - 6) : tok.i - 1]):
                    continue  # "Letter of Intent (LoI)" names a document
                if tok.i + 2 < len(doc) and doc[tok.i + 1].text == ")" and doc[tok.i + 2].text in ("-", "–", "—") \
                        and tok.i - tok.sent.start <= 6:
                    continue  # "BURSA, Turkey (AA) -": the news agency of a dateline
            if tok.pos_ in ("PROPN", "NOUN") or tok.ent_type_ == "ORG":
                out.append(Mention(tok.i, tok.i + 1, "organization", tok.text, priority=1))
        return out

    def _without_nationality(self, span: Span, priority: int) -> Mention:
        """A body's mention, read around a nationality adjective that opens it: before a company's own
        name the adjective only describes ("Azerbaijani Azersun Holding" is Azersun Holding); elsewhere
        it is part of the name ("Georgian Chamber of Commerce and Industry"), which the news also
        writes without it when the rest names the body on its own (three words or more)."""
        m = Mention(span.start, span.end, "organization", span.text, priority=priority)
        if len(span) < 3 or span[0].lower_ not in self.demonyms or not is_capitalised(span[1]) \
                or span[1].lower_ in self.demonyms:
            return m
        rest = span[1:]
        if span[1].lower_ not in ORG_HEADS and span[1].lower_ not in self.trade_words and span[1].is_alpha \
                and span[-1].lower_.rstrip(".") in self.company_heads:
            m = Mention(rest.start, rest.end, "organization", rest.text, priority=priority)
            m.alias = span.text
        elif sum(1 for t in rest if t.is_alpha and t.lower_ not in self.connectors) >= 3:
            m.alias = rest.text
        return m

    @staticmethod
    def _compound_short_forms(doc: Doc, by_end: dict[int, list[Mention]]) -> set[int]:
        """A short form of several tokens in brackets right after a name: "(QABP-SEZ)", "(Poti FIZ)":
        the whole bracket is the body's alias, not a lone acronym of its own. The tokens read so."""
        read: set[int] = set()
        for tok in doc_tokens(doc):
            if tok.text != "(" or not by_end.get(tok.i):
                continue
            close = next((k for k in range(tok.i + 2, min(tok.i + 6, len(doc))) if doc[k].text == ")"), None)
            if close is None or close - tok.i < 3:
                continue
            inner = doc[tok.i + 1 : close]
            if not any(_ACRONYM.match(t.text) for t in inner) or not all(
                    _ACRONYM.match(t.text) or t.text in _HYPHENS and not t.whitespace_ or is_capitalised(t) and t.is_alpha
                    for t in inner):
                continue
            for m in by_end[tok.i]:
                m.acronym = inner.text
            read.update(range(tok.i + 1, close))
        return read

    def _mention(self, doc: Doc, span: Span, priority: int) -> Mention | None:
        if span[0].lower_ in self.document_words or fold(span.text) in self.common_acronyms:
            return None
        following = doc[span.end] if span.end < len(doc) else None
        if priority <= 1 and following is not None and following.is_lower and following.lower_ in self.named_things:
            return None  # "Turkish World Interactive Display project": a project's name
        if following is not None and is_capitalised(following) and fold(following.text) in self.titles.offices:
            if len(span) > 2 and span[-1].lower_ in ORG_HEADS and fold(f"{span[-1].text} {following.text}") in self.titles.offices \
                    and (span[-2].lower_ in ORG_HEADS or self._qualified_head(doc, span.end - 2)):
                span = span[:-1]  # "Izmir Commodity Exchange Board Chairman": the exchange's board chairman
            elif priority <= 1 or span[-1].lower_ in ORG_HEADS:
                return None  # "Administrative Board Member": an office
        m = self._without_nationality(span, priority)
        words = [t.lower_ for t in span]
        for head in self.town_body_heads - {"municipalities"}:
            parts = head.split()
            n = len(parts)
            if len(words) > n and words[-n:] == parts:
                town_tokens = span[: len(span) - n]
                if town_tokens[-1].lower_ == "metropolitan":
                    town_tokens = town_tokens[:-1]
                if _looks_like_town(town_tokens, self.connectors):
                    m.town, m.town_government = _without_parentheses(town_tokens), True
            elif len(words) > n + 1 and words[:n] == parts and words[n] == "of" and _looks_like_town(span[n + 1 :], self.connectors):
                m.town, m.town_government = _without_parentheses(span[n + 1 :]), True
        inner = next((k for k in range(span.start, span.end) if doc[k].lower_ == "of" and town_government_at(doc, k + 1)), None)
        if m.town is None and inner is not None:
            town = inner + 2
            while doc[town].lower_ not in _TOWN_GOVERNMENT_WORDS:
                town += 1
            m.town = doc[inner + 2 : town].text  # "Tourism Bureau of the Kaohsiung City Government": Kaohsiung is a place
        if m.town is None:
            # "Shusha City State Reserve Department": a town's own body, named after the town
            place = self._place_starting.get(span.start)
            if place is not None and place.end < span.end and place.place is not None \
                    and place.place.kind in ("city", "district") and span[0].lower_ not in ORG_HEADS:
                town = place.name.split()
                # "St Albans City and District Council": the town is St Albans, as elsewhere in the article
                m.town = " ".join(town[:-1] if len(town) > 1 and town[-1].lower() in place_words().town_words else town)
        return m


#: The most words back from a body's place to the office whose holder the words after it may name.
_OFFICE_REACH = 8
#: The most words of a body's own name after the words saying what kind of body it is.
_OWN_NAME_WORDS = 5
#: The marks that join the parts of one word or name ("Samruk-Kazyna"; punctuation.json).
_HYPHENS = frozenset(punctuation()["hyphens"])
#: The most words of a company's name that the prose describes ("the rail operator Renfe").
_DESCRIBED_WORDS = 4
#: The most words of a body named after a place that spaCy alone found ("Jeju Air").
_PLACE_NAMED_WORDS = 4
#: The most words a company's name before its legal form is read back over.
_COMPANY_WORDS = 8
_QUOTES: dict[str, str] = punctuation()["double_quotes"] | punctuation()["single_quotes"]
_QUOTED_WORDS = 4


def town_government_at(doc: Doc, k: int) -> bool:
    """Whether "the <town> City Government" starts at k: a town's own government, which names a unit
    written before it ("Tourism Bureau of the Kaohsiung City Government") rather than standing as a
    parent body of its own. The town is one to three capitalised words that head no body."""
    if k >= len(doc) or doc[k].lower_ != "the":
        return False
    j = k + 1
    while j < len(doc) and j - k <= 3 and is_capitalised(doc[j]) and doc[j].is_alpha \
            and doc[j].lower_ not in ORG_HEADS and doc[j].lower_ not in _TOWN_GOVERNMENT_WORDS:
        j += 1
    town_end = j
    while j < len(doc) and doc[j].lower_ in _TOWN_GOVERNMENT_WORDS and is_capitalised(doc[j]):
        j += 1
    return town_end > k + 1 and j > town_end and j < len(doc) and doc[j].lower_ == "government" \
        and is_capitalised(doc[j])


def _coordinated_names(doc: Doc, k: int, step: int) -> list[tuple[int, int]]:
    """The names, as (start, end) token spans, of a list "A, B and C" that starts (step 1) or ends
    (step -1) at token k: runs of one to three capitalised words joined by commas, "and" or "&",
    in the order met. The list must end with "and"/"&" before its last name."""
    names: list[tuple[int, int]] = []
    joined_by_and = False
    n = len(doc)
    while 0 <= k < n:
        run = k
        while 0 <= run < n and abs(run - k) < 3 and is_capitalised(doc[run]) and not doc[run].is_punct \
                and not doc[run].is_stop:
            run += step
        if run == k:
            break
        names.append((k, run) if step == 1 else (run + 1, k + 1))
        glue = doc[run] if 0 <= run < n else None
        if glue is None or not (glue.text == "," or glue.lower_ in ("and", "&")):
            break
        if glue.lower_ in ("and", "&"):
            joined_by_and = True
            if step == 1:  # the name after "and" is the last one
                last = run + 1
                end = last
                while end < n and end - last < 3 and is_capitalised(doc[end]) and not doc[end].is_punct \
                        and not doc[end].is_stop:
                    end += 1
                if end > last:
                    names.append((last, end))
                break
        k = run + step
    if step == -1:
        joined_by_and = any(doc[b].lower_ in ("and", "&") for _, b in names[:1] if b < n) or joined_by_and
    return names if joined_by_and else []


def _plural(tok: Token) -> bool:
    """Whether a noun reads as an English plural ("Cities", "Officers"), as tagged or as spelled
    (spaCy tags most capitalised plurals NNP)."""
    word = tok.lower_
    return tok.tag_ in ("NNS", "NNPS") or len(word) > 4 and (word.endswith("ies") or word.endswith("s")
                                                               and not word.endswith(("ss", "us", "is")))


def _take_named_after(doc: Doc, m: Mention) -> None:
    """"Kazakh National Conservatory named after Kurmangazy", "… University named after K. Tynystanov":
    the dedication is part of the official name, which the news also writes without it (the alias)."""
    k = m.end
    if k + 2 >= len(doc) or doc[k].lower_ != "named" or doc[k + 1].lower_ != "after":
        return
    end = k + 2
    while end < len(doc) and end - k < 7 and (is_capitalised(doc[end]) and not doc[end].is_punct
                                               or doc[end].text in ("-", ".") and not doc[end - 1].whitespace_
                                               or end + 1 < len(doc) and doc[end + 1].text == "-"
                                               and not doc[end].whitespace_ and doc[end].is_alpha):  # "al-Farabi"
        end += 1
    if end == k + 2:
        return
    if m.alias is None:
        m.alias = m.name
    m.end = end
    m.name = doc[m.start : end].text


def _listed_remit_word(doc: Doc, k: int) -> bool:
    """"Institute of Fruit Growing, Viticulture and Winemaking": one word of a body's remit, listed between
    a comma and "and", which spaCy may read as a one-word person; no person's name is listed so."""
    one_word = doc[k].ent_iob_ == "B" and not (k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I")
    return one_word and k > 0 and doc[k - 1].text == "," and k + 2 < len(doc) \
        and doc[k + 1].lower_ in ("and", ",") and is_capitalised(doc[k + 2]) and not doc[k + 2].is_punct


def _title_case_tokens(doc: Doc) -> set[int]:
    """Tokens of headline lines, where capitals mark no name (found once per doc by the entity stage)."""
    from amity.nlp.entities import title_case_lines  # entities reads this module's heads: imported late

    return title_case_lines(doc)


def _past_number(doc: Doc, j: int, signs: frozenset[str]) -> int:
    """The token after a number sign and its number at token j ("No. 2", "No 45", "№ 7"), else j."""
    if j + 2 < len(doc) and doc[j].text == "No" and doc[j + 1].text == "." and doc[j + 2].like_num:
        return j + 3  # spaCy may split "No." in two
    if j + 1 < len(doc) and doc[j].text in signs and doc[j + 1].like_num:
        return j + 2
    return j



def _glued_chain_start(doc: Doc, k: int, floor: int) -> int:
    """Where a word joined by hyphens without spaces that ends at token k begins ("Quaid-e-Azam",
    "Rostov-on-Don"), if its first part is capitalised; k when token k is not the end of such a chain."""
    start = k
    while start - 2 >= floor and doc[start - 1].text in _HYPHENS and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    return start if start < k and is_capitalised(doc[start]) else k


def _name_goes_on(doc: Doc, k: int) -> bool:
    """Whether a capitalised word at token k continues a name: "Las" in "Las Cruces" is no known
    body's acronym written in small letters ("Nato", "Unesco")."""
    return k < len(doc) and doc[k].is_alpha and is_capitalised(doc[k]) and not doc[k].is_sent_start


def _inside_capitals(doc: Doc, start: int, end: int) -> bool:
    """Whether an all-capitals span continues into a neighbouring all-capitals word: "LAS" in a
    dateline "LAS CRUCES, N.M." is part of a town's name written in capitals, not an acronym."""
    return doc[start:end].text.isupper() and among_capitals(doc, start, end)


def _quoted_name_at(doc: Doc, j: int) -> int | None:
    """The end of a quoted name of one to four capitalised words starting at `j` (its closing quote included)."""
    if j >= len(doc) or doc[j].text not in _QUOTES or not doc[j - 1].whitespace_:
        return None
    closing = _QUOTES[doc[j].text]
    k = j + 1
    while k < len(doc) and k - j <= _QUOTED_WORDS and is_capitalised(doc[k]) and "\n" not in doc[k].whitespace_:
        k += 1
    if k == j + 1 or k >= len(doc):
        return None
    if doc[k].text in (",", ".") and k + 1 < len(doc) and doc[k + 1].text == closing:
        return k  # 'Center "Central Asia," said': the comma is the sentence's
    return k + 1 if doc[k].text == closing else None


def _closing_quote(span: Span) -> str | None:
    """The quote that closes a name quoted at the end of `span` but cut off by trimming; None when balanced."""
    quotes = [t.text for t in span if t.text in _QUOTES or t.text in _QUOTES.values()]
    last = quotes[-1] if quotes else None
    if last in _QUOTES and (last != _QUOTES[last] or quotes.count(last) % 2 == 1):
        return _QUOTES[last]
    return None


def _opening_parenthesis(doc: Doc, close: int, floor: int) -> int | None:
    k = close - 1
    while k >= floor and close - k <= 5:
        if doc[k].text == "(":
            return k
        k -= 1
    return None


def _without_parentheses(tokens: Span) -> str:
    """"Karatay (Konya)" → "Karatay": the parenthesis names the town's province."""
    if "(" in tokens.text:
        return tokens.text.split("(")[0].strip()
    return tokens.text


def _looks_like_town(tokens: Span, connectors: frozenset[str]) -> bool:
    """"Üsküdar", "Novi Grad", "Karatay (Konya)": a short proper name, not "Union of Turkish World"."""
    names = [t for t in tokens if t.text not in ("(", ")")]
    return 0 < len(names) <= 3 and all(is_capitalised(t) and t.lower_ not in ORG_HEADS for t in names) \
        and not any(t.lower_ in connectors for t in names)


def _entity_of(doc: Doc, k: int) -> Span | None:
    """spaCy's entity that token k is part of."""
    return next((e for e in doc.ents if e.start <= k < e.end), None) if doc[k].ent_type_ else None


def _trim(doc: Doc, span: Span, not_name_start: frozenset[str], connectors: frozenset[str],
          state_organ_heads: frozenset[str]) -> Span | None:
    """Strip "the", a possessive and a nationality adjective from an entity span."""
    start, end = span.start, span.end
    for k in range(start, end - 1):
        if "\n" in doc[k].whitespace_:
            end = k + 1
            break
    while start < end and (doc[start].lower_ in not_name_start or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in ("’s", "'s")):
        end -= 1
    table = demonyms()
    if end - start > 2 and doc[start].lower_ in table and doc[start + 1].lower_ in state_organ_heads:
        start += 1  # "Kazakh Ministry of ...", but "Turkmen State Institute" and "Turkish Consulate" keep it
    if end - start > 3 and doc[end - 1].lower_ in table and doc[end - 3].lower_ == "of":
        end -= 3  # "Senate of the Kazakh (parliament)"
    if end - start > 1 and doc[end - 1].lower_ in table:
        end -= 1  # "Global Textile Uzbek (company)"
    while end > start and (doc[end - 1].lower_ in connectors or doc[end - 1].is_punct):
        end -= 1
    if start < end and end - start >= 2 and doc[start + 1].text in ("’s", "'s") \
            and doc[start].lower_ not in name_possessives() and fold(doc[start].text) not in titles().offices:
        start += 2  # "Turkey's Ministry of …", but "People's Committee of …", "Marshal's Office of …" is the name
    return doc[start:end] if start < end else None
