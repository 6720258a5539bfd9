"""spaCy component `amity_places`: find place names and link them to the gazetteer.

Longest-match lookup of capitalised token runs in the gazetteer, with guards
against common words that are also town names, and "X region/province"
phrases kept whole. Countries the article names steer ambiguous links.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from amity.nlp.gazetteer import Gazetteer, Place, default_gazetteer
from amity.nlp.lexicons import PlaceWords, demonyms, org_heads, place_words, read_json, titles
from amity.nlp.mentions import Mention, among_capitals, is_capitalised, register_extensions
from amity.nlp.names import fold
from amity.nlp.people import full_name_surnames
from amity.nlp.tokens import doc_tokens

#: "United Kingdom of Great Britain and Northern Ireland" is eight tokens.
_MAX_TOKENS = 8
_WELL_KNOWN_POPULATION = 500_000
#: A town this large, listed with a place, is that town even where the article names no country.
_TOWN_POPULATION = 15_000
#: A town this large, in a list of places spaCy did not see as places ("Rochdale, Corning and Przemyśl").
_LISTED_TOWN_POPULATION = 5_000
#: A town this large, written where only a place can stand ("arrived in X"), is that town even when spaCy reads a surname.
_PERSON_TOWN_POPULATION = 50_000
#: A town this large, which spaCy reads as a person's one-word name right after a preposition of place ("a plant in
#: Wolfforth", "farmers from Kentau"), is that town: a lone surname seldom stands there.
_PLACED_PERSON_TOWN_POPULATION = 1_000
#: What joins a country to its town on a line of a partner list ("Serbia – Subotica"); read here only: the roster
#: reader takes a line of a town and its own country in either order, whatever stands between (`_country_row`).
_COUNTRY_ROW_DASHES = frozenset(read_json("rosters.json")["country_row_dashes"])
_ORDINAL = re.compile(r"^\d{1,2}(st|nd|rd|th|e|er|eme|ème)$", re.IGNORECASE)


def _coordinated_with(ent: Span, place_tokens: set[int]) -> bool:
    root = (ent[:-1] if len(ent) > 1 and ent[-1].is_punct else ent).root
    if root.dep_ == "conj" and root.head.i in place_tokens:
        return True
    if any(c.dep_ == "conj" and c.i in place_tokens for c in root.children):
        return True
    return False


def _entity_around(doc: Doc, i: int) -> tuple[int, int, str] | None:
    """The named-entity span that covers token i, as (start, end, label), read from the tokens' IOB
    tags: asking `doc.ents` builds every span of the document, once per call."""
    if doc[i].ent_iob_ not in ("B", "I"):
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end, doc[start].ent_type_


def _inside_longer_entity(doc: Doc, span: Span) -> bool:
    ent = _entity_around(doc, span.start)
    if ent is None or span.end > ent[1]:
        return False
    end = ent[1]
    while end > span.end and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1  # "New Mexico's": spaCy's span takes in the possessive
    return end - ent[0] > span.end - span.start


def _ner_span_starts_here(doc: Doc, i: int) -> bool:
    """True when the PERSON entity covering token i starts with the town's name: the town alone
    ("Ashgabat", mislabelled) or the town followed by a person's name ("Mayor of Tarnow Ewa
    Nowak"); False for a surname that is also a town ("Murat Aydın")."""
    return doc[i].ent_iob_ == "B"


def _place_cue(doc: Doc, span: Span, words: PlaceWords) -> bool:
    """Words that announce a place: "<office or place noun> of X" ("Mayor of Sorgun", "the city of
    Osh"), "X City"/"X Town", "X Province" or "X Prefectural …", "<country>'s X" ("Serbia's Subotica"),
    or "X, <country or state>" ("Kelowna, British Columbia")."""
    start, end = span.start, span.end
    if start >= 2 and doc[start - 1].lower_ == "of":
        if fold(doc[start - 2].text) in words.cue_nouns:  # offices of a territory only: not "director of X"
            return True
    if end < len(doc) and is_capitalised(doc[end]) and (doc[end].lower_ in words.town_words
                                                         or doc[end].lower_ in words.region_words
                                                         or doc[end].lower_ in words.territorial_adjectives):
        return True
    if end + 1 < len(doc) and doc[end].lower_ in words.town_words and doc[end + 1].lower_ in words.town_body_words:
        return True  # "the Lancaster city council", "the Ghent town hall": a town's own body, in lower case
    if end + 2 < len(doc) and doc[end].text in ("'s", "’s") and doc[end + 1].lower_ in words.town_words \
            and doc[end + 2].lower_ in words.town_body_words:
        return True  # "Holyoke's City Council", "Ghent's town hall": a town's own body
    if start >= 3 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in words.town_body_words \
            and doc[start - 3].lower_ in words.town_words:
        return True  # "the city council of Holyoke"
    if start >= 2 and doc[start - 1].text in ("'s", "’s") and doc[start - 2].text in default_gazetteer().country_names:
        return True  # "Serbia's Subotica": a place of that country
    if _office_of_a_place_at(doc, end + 1 if end < len(doc) and doc[end].text in ("'s", "’s") else end) \
            and not _part_of_an_office(span):
        return True  # "Lund deputy mayor Per Holm", "Malmo's mayor Anna Berg"
    if _defined_as_settlement(doc, span, words) or _defined_by_appositive(doc, end, words) is not None \
            or _owns_twins(doc, span, words) or _named_as_twin(doc, span, words) \
            or _dateline(doc, span) or _described_as_twin(doc, span, words) or _paired_with_described_place(doc, span, words):
        return True
    container = _container(doc, span, words)
    return container is not None and container[0] in (",", "flag", "(", "|", "")


#: How many adjectives may qualify "city" in "and the <adjectives> city of Y" ("the Kazakh port city of").
_DESCRIBING_ADJECTIVES = 3


def _paired_with_described_place(doc: Doc, span: Span, words: PlaceWords) -> bool:
    """"X and the Kazakh city of Y signed ...", "the city of Y and X": a name joined by "and" to a place
    written as "the <noun of a town or region> of Y" is a place of the same order, whatever spaCy made of
    it (a sentence's first word, a surname). The name must be whole: the tail of a longer one ("Volvo Cars and
    the city of Gothenburg") or a name after a courtesy title ("Mr Lincoln and the city of Springfield") is a
    body's or a person's."""
    if not _whole_name(doc, span):
        return False
    place_nouns = words.town_words | words.region_words
    k = span.end
    if k + 1 < len(doc) and doc[k].lower_ == "and":
        k += 2 if doc[k + 1].lower_ == "the" else 1
        last = min(k + _DESCRIBING_ADJECTIVES, len(doc) - 1)
        while k < last and doc[k].lower_ not in place_nouns and doc[k].is_alpha \
                and (doc[k].is_lower or fold(doc[k].text) in demonyms()):
            k += 1
        if k + 1 < len(doc) and doc[k].lower_ in place_nouns and doc[k + 1].lower_ == "of":
            return True
    k = span.start - 1
    if k >= 3 and doc[k].lower_ == "and":
        k -= 1
        while k > 1 and is_capitalised(doc[k]) and not doc[k].is_sent_start and doc[k - 1].lower_ != "of":
            k -= 1  # back over the name of Y
        return is_capitalised(doc[k]) and doc[k - 1].lower_ == "of" and doc[k - 2].lower_ in place_nouns
    return False


#: How many words may stand between a place's name, its comma and the settlement noun describing it ("Salzburg, the
#: old city of").
_APPOSITION_WORDS = 3


def _describes_named_place(doc: Doc, cue: int, mentions: list[Mention]) -> bool:
    """"Salzburg, the city of Mozart", "Stratford, the town of Shakespeare": a settlement noun set after a place named
    and a comma describes that place, and what its "of" names (a person, a product) is no settlement."""
    k = cue - 1
    while k > 0 and cue - k <= _APPOSITION_WORDS and doc[k].text != "," and (doc[k].is_lower or fold(doc[k].text) in demonyms()):
        k -= 1
    if k <= 0 or doc[k].text != ",":
        return False
    # the name before the comma is a place found, or one the parser sets the noun beside ("Stratford, the town of")
    return any(m.start <= k - 1 < m.end and m.type == "place" for m in mentions) \
        or doc[cue].dep_ == "appos" and doc[cue].head.i == k - 1 and is_capitalised(doc[k - 1])


def _whole_name(doc: Doc, span: Span) -> bool:
    """Whether no capitalised word runs on either side of the span (a sentence's first word excepted): "Cars" in
    "Volvo Cars" and "Lincoln" in "Mr Lincoln" are parts of longer names."""
    before = span.start > 0 and not doc[span.start].is_sent_start and is_capitalised(doc[span.start - 1])
    after = span.end < len(doc) and is_capitalised(doc[span.end])
    return not before and not after


def _named_as_twin(doc: Doc, span: Span, words: PlaceWords) -> bool:
    """"Our partner city Bad Ischl", "Its first twin town was Besançon": a name that a twin word and
    its noun of places introduce is a place."""
    k = span.start - 1
    while k >= 0 and doc[k].lower_ in ("was", "is", ",", ":", "–", "-"):
        k -= 1
    if k < 1 or doc[k].lower_ not in words.twin_heads:
        return False
    before = k - 1 - (doc[k - 1].text in ("-", "‐"))
    return before >= 0 and doc[before].lower_ in words.twin_words


def _dateline(doc: Doc, span: Span) -> bool:
    """"TERNOPIL, May 12.", "KALAMAZOO —", "DUNFERMLINE's ...": a name in capitals opening a line of
    news, before a comma, a dash or a possessive, is the town the story was filed from."""
    if not all(t.is_upper and t.is_alpha for t in span) or span.end >= len(doc):
        return False
    start = span.start
    if start > 0 and not (doc[start - 1].is_space or "\n" in doc[start - 1].whitespace_):
        return False
    return doc[span.end].text in (",", "—", "–", "-", "(", "'s", "’s")


def _defined_as_settlement(doc: Doc, span: Span, words: PlaceWords) -> bool:
    """"Jelgava is a state city in central Latvia", "Nitra is the fifth largest city of Slovakia":
    a name that the copula right after it defines as a settlement or territory is one."""
    end = span.end
    if end >= len(doc) or doc[end].lemma_ != "be" or doc[end].lower_ not in ("is", "was"):
        return False
    for tok in doc[end + 1 : min(end + 7, len(doc))]:
        if tok.is_punct or tok.is_sent_start:
            return False
        if tok.lower_ in words.definition_nouns and tok.pos_ == "NOUN":
            return tok.head.i == end or tok.dep_ == "attr"
    return False


#: The most words between an appositive's first word and its noun ("a small coastal market town").
_APPOSITIVE_MODIFIERS = 4
#: spaCy's readings of a name that no appositive makes a place ("On Monday, the town ...").
_NOT_PLACE_ENTITIES = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
#: The most further names a list may add before the appositive it shares ("Silverton and Mount Angel, two towns").
_APPOSITIVE_LIST = 3


def _defined_by_appositive(doc: Doc, end: int, words: PlaceWords) -> str | None:
    """"Kibawe, a municipality of 40,000 people", "Epe, a coastal town in Lagos State", "Silverton and Mount
    Angel, two small towns in Marion County": the appositive a comma opens right after a name (or after a list
    of names, with a plural noun) defines it as a place when a noun of settlements heads it. A noun that only
    qualifies the next one or an owner's possessive ("Ana Ruiz, a district judge", "Tom Lee, the city's mayor")
    describes a person, and one after a preposition names what the appositive's own head holds or serves ("Energy
    Cities, an association of towns", "a network of cities" is no town). The noun, singular, or None."""
    k, listed = end, False
    for _ in range(_APPOSITIVE_LIST):
        if k + 1 < len(doc) and doc[k].text in (",", "and") and is_capitalised(doc[k + 1]) \
                and doc[k + 1].lower_ not in words.appositive_openers:
            k += 1
            while k < len(doc) and (is_capitalised(doc[k]) or doc[k].text in ("-", "‐")):
                k += 1  # "Mount Angel": the next name of the list
            listed = True
    if k + 1 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in words.appositive_openers:
        return None
    for j in range(k + 2, min(k + 3 + _APPOSITIVE_MODIFIERS, len(doc))):
        tok = doc[j]
        if tok.is_punct and tok.text not in ("-", "‐") or tok.is_sent_start or tok.pos_ == "ADP":
            return None
        if tok.is_lower and tok.lower_ in words.appositive_nouns and tok.pos_ == "NOUN":
            following = doc[j + 1] if j + 1 < len(doc) else None
            if following is not None and (following.text in ("'s", "’s", "-", "‐")
                                          or following.pos_ in ("NOUN", "PROPN") and following.is_lower):
                return None  # "a district judge", "the city's mayor"
            return tok.lemma_ if not listed or tok.tag_ == "NNS" else None
    return None


def _described_as_twin(doc: Doc, span: Span, words: PlaceWords) -> bool:
    """"Lutsk, a partner city of Olsztyn since 1993, was represented by ...", "Rovaniemi, with which the
    city has been twinned since 1985, sent a choir": the subject of a sentence, described as a twin
    town in the clause a comma opens after it, is a place."""
    end = span.end
    if end >= len(doc) or doc[end].text != "," or doc[end - 1].dep_ not in ("nsubj", "nsubjpass") \
            or doc[span.start].ent_type_ == "PERSON":
        return False
    sent = doc[end - 1].sent
    for k in range(end + 1, sent.end):
        lowered = doc[k].lower_
        if lowered in (",", ";", "(", "—", "–"):
            return False  # the description is the clause the comma opens
        if lowered in words.twin_words:
            after = k + 1 + (k + 1 < sent.end and doc[k + 1].text in ("-", "‐"))
            return lowered == "twinned" or after < sent.end and doc[after].lower_ in words.twin_heads
    return False


#: Tokens that may stand between a place and its twinning words ("Kalamazoo maintains sister-city
#: relations", "Bloomington's Japanese friendship city", "Oxford has been twinned").
_TO_TWINS = 5


def _owns_twins(doc: Doc, span: Span, words: PlaceWords) -> bool:
    """A name that owns twin towns is a place: "Ternopil's sister cities", "Kalamazoo maintains
    sister-city relations with", "Varberg is twinned with" (a twin word, with a noun of places or
    relations after it unless it is "twinned" itself, a few words after the name, only words of
    owning between: "Council approves sister city ties" is no town's)."""
    stop = min(span.end + _TO_TWINS, len(doc))
    for k in range(span.end, stop):
        tok = doc[k]
        if tok.is_sent_start:
            return False
        lowered = tok.lower_
        if lowered in words.twin_words:
            if lowered == "twinned":
                return True
            after = k + 1 + (k + 1 < len(doc) and doc[k + 1].text in ("-", "‐"))
            return after < len(doc) and doc[after].lower_ in words.twin_heads
        if lowered not in words.twin_owner_words and not (tok.text in ("'s", "’s", "'", "’", "-", "‐")
                                                            or tok.text[:1].isupper() and fold(tok.text) in demonyms()):
            return False  # "Council approves sister city agreement": owning, not any verb, links them
    return False


def _ner_span_longer(doc: Doc, i: int) -> bool:
    """Whether token i lies in a spaCy entity of more than one token."""
    ent = _entity_around(doc, i)
    return ent is not None and ent[1] - ent[0] > 1


def _region_named_with_division(doc: Doc, span: Span, candidates: list[Place], words: PlaceWords) -> bool:
    """A region's name followed by its division word, in any case ("Punjab province", "Lam Dong
    Province"): the word says the name is that region, whatever spaCy read."""
    return span.end < len(doc) and doc[span.end].lower_ in words.region_words \
        and any(p.kind == "region" for p in candidates)


def _part_of_an_office(span: Span) -> bool:
    """"Vice Mayor", "Lord Mayor", "Acting Governor": words that qualify an office, towns elsewhere."""
    lexicon = titles()
    words = {fold(t.text) for t in span}
    return bool(words & (lexicon.modifiers | lexicon.former | lexicon.honorifics)) or fold(span.text) in lexicon.offices \
        or any(fold(t.text) in lexicon.offices for t in span)


def _office_of_a_place_at(doc: Doc, k: int) -> bool:
    """An office held in a place starts at token k ("mayor", "deputy mayor", "Governor")."""
    lexicon = titles()
    for n in (3, 2, 1):
        words = doc[k : k + n]
        if len(words) == n and all(t.is_alpha for t in words):
            canonical = lexicon.offices.get(fold(words.text))
            if canonical is not None:
                return canonical in lexicon.place_offices
    return False


def _placed(doc: Doc, span: Span, words: PlaceWords, bodies_too: bool = True) -> bool:
    """A one-word name where only a place stands: after a preposition of place ("arrived in X",
    "guests from X", "came to X") or naming a group's town ("X leaders", "the X delegation").
    Without `bodies_too`, only where a body cannot stand either: "officials from Toyota" may be a
    company's, "in Lincoln" and "came to Lincoln" only a town's."""
    if len(span) != 1:
        return False
    k = span.start - 1
    if k >= 0 and doc[k].lower_ in (words.place_prepositions if bodies_too else ("in",)):
        return True
    if k >= 1 and doc[k].lower_ == "to" and doc[k - 1].lemma_.lower() in words.motion_words:
        return True
    return bodies_too and span.end < len(doc) and doc[span.end].lower_ in words.group_nouns


def _container(doc: Doc, span: Span, words: PlaceWords) -> tuple[str, str] | None:
    """The region or country written right after a place as its container, with the word that joins
    them: "Kelowna, British Columbia" → (",", "CA"); "Tongxiang of Zhejiang" → ("of", "CN"); "Horsens in
    Denmark", "Maastricht in the Netherlands" → ("in", …); in lists and tables "Kurgan (Russian
    Federation)" → ("(", "RU"), "Kosice | Slovakia" → ("|", "SK"), "🇫🇷 Tours" → ("flag", "FR")."""
    end = span.end
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text in words.us_state_abbreviations:
        return ",", "US"  # "Rochester, Minn."
    flag = _flag_before(doc, span.start)
    if flag is not None:
        return "flag", flag  # "🇫🇷 Tours": the flag before a partner in a list shows its country
    gazetteer = default_gazetteer()
    bare = _bare_country_after(doc, span, gazetteer)
    if bare is not None:
        return "", bare  # "Sister cities Ganja Azerbaijan Tampere Finland": a page flattened to one line
    first = end + 2 if end + 2 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].lower_ == "the" else end + 1
    if first >= len(doc) or doc[end].lower_ not in (",", "of", "in", "(", "|") or not is_capitalised(doc[first]):
        return None
    for length in (3, 2, 1):
        after = doc[first : first + length]
        if len(after) < length or any(t.is_punct for t in after):
            continue
        found = [p for p in gazetteer.candidates(after.text) if p.kind in ("country", "region") and p.country]
        if found and not (doc[end].lower_ == "of" and any(p.contextual for p in found) and len(found) > 1):
            return doc[end].lower_, found[0].country or ""
    return None


def _bare_country_after(doc: Doc, span: Span, gazetteer: Gazetteer) -> str | None:
    """The country named right after a town with no word between, when the gazetteer has the town
    in that country ("Tampere Finland" in a list flattened from a web page), else None."""
    end = span.end
    if end >= len(doc) or not is_capitalised(doc[end]) or span[-1].whitespace_ != " ":
        return None
    for length in (3, 2, 1):
        after = doc[end : end + length]
        if len(after) < length or any(t.is_punct or not t.text[:1].isupper() and t.lower_ != "of" for t in after):
            continue
        countries = {p.country for p in gazetteer.candidates(after.text) if p.kind == "country" and p.country}
        shared = countries & {p.country for p in gazetteer.candidates(span.text) if p.kind != "country"}
        if shared:
            return min(shared)  # one the town is in; the same one on every run
    return None


def _after_own_town(doc: Doc, span: Span, candidates: list[Place], gazetteer: Gazetteer) -> bool:
    """Whether the country is written right after a town of its own ("Kaunas Lithuania")."""
    countries = {p.country for p in candidates if p.kind == "country" and p.country}
    for length in (1, 2, 3):
        before = doc[max(0, span.start - length) : span.start]
        if len(before) < length or any(t.is_punct for t in before) or before[-1].whitespace_ != " ":
            break
        if countries & {p.country for p in gazetteer.candidates(before.text) if p.kind != "country"}:
            return True
    return False


def _after_its_country(doc: Doc, span: Span, candidates: list[Place], gazetteer: Gazetteer) -> bool:
    """Whether a line opens with the town's own country and a dash or colon before the town ("Serbia –
    Subotica (1966)", "Finland: Kuopio"), as lists of partners are written."""
    if span.start < 2 or doc[span.start - 1].text not in _COUNTRY_ROW_DASHES:
        return False
    towns = {p.country for p in candidates if p.kind != "country" and p.country}
    for length in (1, 2, 3):
        start = span.start - 1 - length
        if start < 0:
            break
        opening = start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
        if opening and towns & {p.country for p in gazetteer.candidates(doc[start : span.start - 1].text)
                                if p.kind == "country"}:
            return True
    return False


def _flag_before(doc: Doc, i: int) -> str | None:
    """The country code of the flag emoji right before token i: two regional indicator letters,
    in one token or two ("🇫🇷" → "FR")."""
    letters = ""
    k = i - 1
    while k >= 0 and len(letters) < 2 and doc[k].text and all(0x1F1E6 <= ord(ch) <= 0x1F1FF for ch in doc[k].text):
        letters = doc[k].text + letters
        k -= 1
    if len(letters) != 2:
        return None
    return "".join(chr(ord(ch) - 0x1F1E6 + ord("A")) for ch in letters)


def _listed_with_place(doc: Doc, span: Span, ner_label: list[str]) -> bool:
    """A one-word name listed right next to a place spaCy recognised ("in Mongla and Bheramara",
    "Shirin, and Yangier") is read as a place, whatever label spaCy gave the name itself; the
    article must still name the town's country for it to be linked."""
    ent = _entity_around(doc, span.start)
    if len(span) != 1 or (ent is not None and (ent[1] - ent[0] > 1 or ent[2] == "ORG")):
        return False  # not part of a longer name, nor a body spaCy recognised
    k = span.start - 1
    while k >= 0 and doc[k].lower_ in (",", "and", "or"):
        k -= 1
    if k < span.start - 1 and k >= 0 and ner_label[k] in ("GPE", "LOC"):
        return True
    k = span.end
    while k < len(doc) and doc[k].lower_ in (",", "and", "or"):
        k += 1
    return k > span.end and k < len(doc) and ner_label[k] in ("GPE", "LOC")


def _nationality_described(ent: Span) -> bool:
    """"X and the Kazakh city of Y": a nationality before common nouns describes a place, it names none
    (spaCy may still tag "Kazakh city" as a place)."""
    return len(ent) > 1 and fold(ent[0].text) in demonyms() and all(t.is_lower for t in ent[1:])


def _hyphen_glues(doc: Doc, k: int) -> bool:
    """Whether token k is a hyphen written without spaces between two words ("Split-Dalmatia")."""
    return doc[k].text in ("-", "‐") and not doc[k].whitespace_ and k > 0 and not doc[k - 1].whitespace_


def _written_natively(span: Span, candidates: list[Place]) -> bool:
    """"Skellefteå", "Klaipėda", "Šiauliai": a name written with the letters of its own language,
    exactly as the gazetteer spells a town or region of that name. spaCy's English model has seldom
    seen such words and labels them at random (a person, a body), so its label says little here;
    the words around the name decide, as for a name spaCy did not label at all."""
    text = span.text
    if text.isascii():
        return False
    written = unicodedata.normalize("NFC", text).casefold()
    return any(unicodedata.normalize("NFC", p.name).casefold() == written for p in candidates if p.kind != "country")


def _across_list_glue(doc: Doc, k: int, step: int, glue: frozenset[str]) -> int | None:
    """The first token from k (going by `step`) after the commas, "and"s, line breaks and
    bracketed notes ("(Germany)", "(since 1995)") that join the items of a list, or None when
    nothing joins them there."""
    n = len(doc)
    joined = False
    opening, closing = ("(", ")") if step == 1 else (")", "(")
    while 0 <= k < n:
        tok = doc[k]
        if tok.lower_ in glue or tok.is_space:
            joined = True
            k += step
        elif tok.text == opening:
            close = next((j for j in range(k + step, k + step * 8, step) if 0 <= j < n and doc[j].text == closing), None)
            if close is None:
                return None
            joined = True
            k = close + step
        else:
            break
    if not joined or not 0 <= k < n:
        return None
    before = doc[k - 1] if step == 1 else doc[k]
    return k if joined or "\n" in before.whitespace_ else None


def _attribution_tokens(doc: Doc, attribution_words: frozenset[str]) -> set[int]:
    """Tokens of "Source: Asia Times" lines, which credit a publisher and name no place."""
    out: set[int] = set()
    for i, tok in enumerate(doc):
        if tok.lower_ not in attribution_words:
            continue  # the rare word first: looking back at the previous token for every token is dearer
        line_start = i == 0 or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space
        if line_start and i + 1 < len(doc) and doc[i + 1].text == ":":
            k = i
            while k < len(doc) and not (doc[k].is_space or "\n" in doc[k].whitespace_):
                out.add(k)
                k += 1
            out.add(k)
    return out


@Language.factory("amity_places", default_config={
    "words": "place_words.json", "max_tokens": _MAX_TOKENS, "well_known_population": _WELL_KNOWN_POPULATION,
    "town_population": _TOWN_POPULATION, "listed_town_population": _LISTED_TOWN_POPULATION,
    "person_town_population": _PERSON_TOWN_POPULATION})
def make_places(nlp: Language, name: str, words: str, max_tokens: int, well_known_population: int,
                town_population: int, listed_town_population: int, person_town_population: int) -> PlaceFinder:
    return PlaceFinder(words, max_tokens, well_known_population, town_population, listed_town_population,
                       person_town_population)


class PlaceFinder:
    def __init__(self, words_file: str = "place_words.json", max_tokens: int = _MAX_TOKENS,
                 well_known_population: int = _WELL_KNOWN_POPULATION,
                 town_population: int = _TOWN_POPULATION,
                 listed_town_population: int = _LISTED_TOWN_POPULATION,
                 person_town_population: int = _PERSON_TOWN_POPULATION) -> None:
        register_extensions()
        self.gazetteer = default_gazetteer()
        self.words = place_words(words_file)
        self.max_tokens = max_tokens
        self.well_known_population = well_known_population
        self.town_population = town_population
        self.listed_town_population = listed_town_population
        self.person_town_population = person_town_population
        self._org_heads = org_heads()
        #: Last words of the full persons' names spaCy found in the current doc (set per doc).
        self._surnames: frozenset[str] = frozenset()

    def __call__(self, doc: Doc) -> Doc:
        words = self.words
        found: list[tuple[int, int, list[Place], str]] = []
        i, n = 0, len(doc)
        ner_label = [""] * n
        for ent in doc.ents:
            for k in range(ent.start, ent.end):
                ner_label[k] = ent.label_
        skipped = _attribution_tokens(doc, words.attribution_words)
        self._surnames = frozenset(fold(surname) for surname in full_name_surnames(doc))
        sent_ends = [n] * n
        if doc.has_annotation("SENT_START"):
            for sent in doc.sents:
                sent_ends[sent.start : sent.end] = [sent.end] * (sent.end - sent.start)
        while i < n:
            tok = doc[i]
            if not is_capitalised(tok) or tok.is_punct or i in skipped:
                i += 1
                continue
            if tok.text in words.us_state_abbreviations and i >= 2 and doc[i - 1].text == ",":
                i += 1  # "Rochester, Minn.": the state, read by _state_abbreviations (not "Minden")
                continue
            match = self._compass(doc, i) or self._longest(doc, i, ner_label, sent_ends[i])
            if match is None:
                i += 1
                continue
            found.append(match)
            i = match[1]
        context = frozenset(self._context_countries(doc, found))
        strength = {f[0]: self._linkable(doc, f, context, ner_label) for f in found}
        found = [f for f in found if strength[f[0]]]
        mentions = []
        shared_region = self._shared_region_words(doc, found)
        for start, end, _, lookup_name in found:
            container = _container(doc, doc[start:end], words)
            place = self.gazetteer.lookup(lookup_name, context | {container[1]} if container else context)
            if place is None:
                # "Gomel Oblast": the cue or spaCy vouched for a town known here only by an alternate name
                countries = frozenset(p.country for p in self.gazetteer.candidates(lookup_name) if p.country)
                place = self.gazetteer.lookup(lookup_name, countries)
            if place is None:
                continue
            end2, name, written = end, doc[start:end].text, None
            following_capital = end + 1 < n and is_capitalised(doc[end + 1]) and not doc[end + 1].is_sent_start \
                and self._body_named(doc, end + 1)
            if end < n and place.kind != "country" and is_capitalised(doc[end]) \
                    and doc[end].lower_ in words.town_words and not following_capital:
                end2, name = end + 1, doc[start : end + 1].text  # "Dumaguete City": the town as written
            elif end < n and doc[end].lower_ in words.region_words and place.kind == "region" \
                    and not following_capital:
                end2 = end + 1  # "Sindh province": the region already, by its name
                written = doc[start:end2].text  # which the article may also write so ("Lam Dong Province")
            elif end < n and doc[end].lower_ in words.region_words and place.kind != "country" \
                    and not following_capital:
                end2 = end + 1
                name = doc[start:end2].text
                place = Place(name, "region", place.country, None, None, None, 0, place.curated)
            elif start in shared_region and place.kind != "country":
                # "the Almaty and Tashkent regions": each name with the noun they share
                name = f"{doc[start:end].text} {shared_region[start]}"
                end2 = end + 1 if end < n and doc[end].lower_ in words.region_plurals else end
                if place.kind != "region":
                    place = Place(name, "region", place.country, None, None, None, 0, place.curated)
            # a small town vouched for only by its country being named is a weak reading ("Department
            # of Commerce" in an American story): any organisation's name spaCy found overrides it
            mention = Mention(start, end2, "place", name, place=place, priority=strength[start])
            mention.alias = written
            mentions.append(mention)
        mentions += self._state_abbreviations(doc, mentions)
        mentions += self._subcity_units(doc, mentions, context)
        mentions += self._repeated(doc, mentions)
        unlinked = self._unlinked(doc, mentions)
        mentions += unlinked
        mentions += self._repeated(doc, mentions, only=unlinked)
        mentions += self._listed_beside(doc, mentions, context, ner_label)
        mentions = self._named_with_region_word(doc, mentions)
        mentions = self._settlements(doc, mentions)
        doc._.place_mentions = mentions
        return doc

    def _surname_alone(self, doc: Doc, span: Span) -> bool:
        """"Governor Aydın said", after "Murat Aydın": the surname of a person the article names in full,
        which spaCy reads as a person here too, is that person, unless it stands where only a place can
        ("in Aydın")."""
        return len(span) == 1 and fold(span.text) in self._surnames and not _placed(doc, span, self.words)

    def _town_read_as_person(self, doc: Doc, span: Span, candidates: list[Place]) -> bool:
        """A one-word town spaCy calls a person, right after "in", "from", "at" or "near": spaCy's whole
        "person" is that word, no possessive follows ("in Kemer's port" may be a man's), and no one the
        article names in full has it as a surname, and no noun of saying or sending stands before the
        preposition ("a letter from Obama" names its sender)."""
        return len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in self.words.place_prepositions \
            and not (span.start > 1 and doc[span.start - 2].lemma_.lower() in self.words.message_nouns) \
            and _entity_around(doc, span.start) == (span.start, span.end, "PERSON") \
            and not (span.end < len(doc) and doc[span.end].text in ("'s", "’s")) \
            and fold(span.text) not in self._surnames \
            and any(p.population >= _PLACED_PERSON_TOWN_POPULATION for p in candidates)

    def _state_abbreviations(self, doc: Doc, linked: list[Mention]) -> list[Mention]:
        """"ROCHESTER, Minn.", "Springfield, Mass.": an AP abbreviation of a US state right after a
        town and a comma is that state (alone, "Miss." or "Ind." may be anything)."""
        taken = {k for m in linked for k in range(m.start, m.end)}
        out = []
        for tok in doc_tokens(doc):
            state = self.words.us_state_abbreviations.get(tok.text)
            if state is None or tok.i < 2 or tok.i in taken or doc[tok.i - 1].text != "," \
                    or not is_capitalised(doc[tok.i - 2]):
                continue
            place = next((p for p in self.gazetteer.candidates(state) if p.country == "US" and p.kind == "region"), None)
            if place is not None:
                out.append(Mention(tok.i, tok.i + 1, "place", tok.text, place=place, priority=2))
        return out

    def _saint_town(self, doc: Doc, span: Span, candidates: list[Place]) -> bool:
        """A town named after a saint ("St Albans", "Saint-Denis", "San Marcos"): people are not named so
        in the news, so only a building or body after it ("St Albans Cathedral") makes it something else."""
        if len(span) < 2 or span[0].lower_ not in self.words.saint_words:
            return False
        if span.end < len(doc) and is_capitalised(doc[span.end]) and self._body_named(doc, span.end):
            return False
        return any(p.population >= self.town_population for p in candidates)

    def _paired_towns(self, doc: Doc, span: Span, candidates: list[Place]) -> bool:
        """"Porto and Vigo signed …": two one-word names joined by "and", each a sizeable town, vouch
        for each other, whatever spaCy made of either (a sentence's first word, a surname)."""
        if len(span) != 1 or not any(p.population >= self.person_town_population for p in candidates):
            return False
        k = span.start
        for other in (k + 2, k - 2):
            if not 0 <= other < len(doc) or doc[min(k, other) + 1].lower_ != "and":
                continue
            word = doc[other]
            if not is_capitalised(word) or not word.is_alpha or word.is_upper or _ner_span_longer(doc, other) \
                    or _ner_span_longer(doc, k):
                continue
            if other + 1 < len(doc) and is_capitalised(doc[other + 1]) and other > k or other > 0 and other < k \
                    and is_capitalised(doc[other - 1]) and not doc[other - 1].is_sent_start:
                continue  # one of longer names: "Porto and Vigo Airport", "Bruce Porto and Vigo"
            if any(p.population >= self.person_town_population for p in self.gazetteer.candidates(word.text)):
                return True
        return False

    def _body_named(self, doc: Doc, k: int) -> bool:
        """A body's name runs on from k ("Nagoya City Council", "Aichi Prefecture Government"): the
        town or region word before it is part of the body's name; before a person's name or an office
        ("Aichi Prefecture Kenji Tanaka", "Quezon City Mayor ...") it is part of the place's."""
        end = k
        while end < len(doc) and end - k < 5 and (is_capitalised(doc[end]) and doc[end].is_alpha
                                                  or doc[end].text in ("’s", "'s")):  # "People's Council"
            if doc[end].lower_ in self._org_heads:
                return True
            end += 1
        return False

    def _shared_region_words(self, doc: Doc, found: list[tuple[int, int, list[Place], str]]) -> dict[int, str]:
        """The names of a list that share a plural region noun ("the Almaty and Tashkent regions",
        "Kostanay, Pavlodar and Turkistan provinces"): start of each name → the noun, singular."""
        plurals = self.words.region_plurals
        if not plurals:
            return {}
        by_end = {f[1]: f for f in found}
        out: dict[int, str] = {}
        for tok in doc_tokens(doc):
            singular = plurals.get(tok.lower_)
            if singular is None or tok.i not in by_end:
                continue
            listed = [by_end[tok.i]]
            while True:
                glue = listed[-1][0] - 1
                if glue < 1 or doc[glue].lower_ not in (",", "and", "&") or glue not in by_end \
                        or doc[glue - 1].lower_ in self.words.region_words:
                    break  # "Kostanay region and Kashkadarya and Surkhandarya regions": named with its own
                listed.append(by_end[glue])
            if len(listed) >= 2 and any(doc[f[1]].lower_ in ("and", "&") for f in listed[1:2]):
                out.update((f[0], singular) for f in listed)
        return out

    def _listed_beside(self, doc: Doc, mentions: list[Mention], context: frozenset[str],
                       ner_label: list[str]) -> list[Mention]:
        """Towns the gazetteer knows, listed right beside a place ("Kraków, Wrocław, Rochdale and
        Winnipeg", "Mannheim (Germany) and Tampere", one town a line): a list names things of one
        kind, whatever label spaCy gave the name. Each town found vouches for the next."""
        taken = {k for m in mentions for k in range(m.start, m.end)}
        queue = [(m.start, m.end) for m in mentions if m.priority >= 2]
        queue += [(-1, k + 1) for k in self._partner_list_starts(doc)]
        out: list[Mention] = []
        while queue:
            start, end = queue.pop()
            glue = self.words.list_glue
            after = end if start < 0 else _across_list_glue(doc, end, 1, glue)
            before = _across_list_glue(doc, start - 1, -1, glue) if start >= 0 else None
            for k, forward in ((after, True), (before, False)):
                match = self._listed_town(doc, k, forward, taken, ner_label) if k is not None else None
                if match is None:
                    continue
                lo, hi, towns, name = match
                place = self.gazetteer.lookup(name, context) or max(towns, key=lambda p: p.population)
                out.append(Mention(lo, hi, "place", name, place=place, priority=2))
                queue.append((lo, hi))
                taken.update(range(lo, hi))
        return out

    def _named_with_region_word(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"Vinh Phuk Province", "the Botanica District of Chisinau": proper names before a
        capitalised region or district word name that region or district as written, even where
        the gazetteer knows only a part of the name ("Vinh") or none of it. A place found inside
        the name gives it its country."""
        words = self.words.region_words
        out = list(mentions)
        for tok in doc_tokens(doc):
            if tok.i < 2 or tok.lower_ not in words or not tok.text[:1].isupper():
                continue
            start = tok.i
            while start > 0 and tok.i - start < 4:
                if start < tok.i and start >= 2 and _hyphen_glues(doc, start - 1) and is_capitalised(doc[start - 2]):
                    start -= 2  # "Split-Dalmatia County", "Kujawsko-Pomorskie Voivodeship": one name, hyphenated
                    continue
                if tok.i - start >= 3 or not (doc[start - 1].pos_ == "PROPN" and is_capitalised(doc[start - 1])
                                              and not doc[start - 1].is_punct
                                              and fold(doc[start - 1].text) not in titles().offices
                                              and "\n" not in doc[start - 1].whitespace_):
                    break
                start -= 1
            if start == tok.i or doc[start].is_sent_start and doc[start].pos_ != "PROPN":
                continue
            if any(fold(t.text) in demonyms() for t in doc[start : tok.i]):
                continue  # "the Turkmen – Afghan State border": a state described by its people, no name
            inside = [m for m in out if start <= m.start and m.end <= tok.i + 1]
            if any(m.start == start and m.end >= tok.i for m in inside) or any(
                    m.start < tok.i + 1 and m.end > tok.i + 1 or m.start < start < m.end for m in out):
                continue  # the gazetteer already knows the whole name, or a longer one overlaps it
            if any(m.place is not None and m.place.kind == "country" for m in inside):
                continue  # "Kazakhstan Region": a country with a region word is no new region
            country = next((m.place.country for m in inside if m.place is not None and m.place.country), None)
            if country is None and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of":
                # "the Botanica District of Chisinau": the district lies in the town named after it
                country = next((m.place.country for m in out if m.start == tok.i + 2 and m.place is not None), None)
            if country is None:
                container = _container(doc, doc[start : tok.i + 1], self.words)
                country = container[1] or None if container is not None and container[0] == "," else None
            kind = "district" if tok.lower_ == "district" else "region"
            name = doc[start : tok.i + 1].text
            out = [m for m in out if m not in inside]
            out.append(Mention(start, tok.i + 1, "place", name, place=Place(name, kind, country), priority=3))
        return out

    def _settlements(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Villages, communes and districts the gazetteer lacks, told by the noun that writers put with them:
        "Doan Ket commune", "the Jeti-Oguz district" (a lower-case settlement noun after proper names) and
        "the villages of Kara-Koo and Ak-Terek" (a settlement noun's "of" before one or a list of them),
        whatever spaCy calls the names (its small model often reads them as people or bodies). A known place
        inside a name before a settlement noun ("Aral" in "Aral-Tobe district") gives way to it; one after a
        settlement noun's "of" stands, and no name is read there ("the city of Konya Ugur Altay" names a holder)."""
        words = self.words
        out = list(mentions)

        def word(k: int) -> bool:
            tok = doc[k]
            return is_capitalised(tok) and tok.is_alpha and tok.pos_ == "PROPN" \
                and fold(tok.text) not in titles().offices and fold(tok.text) not in demonyms()

        def name_from(k: int, step: int) -> int | None:
            """The other end (inclusive) of one to three proper names, hyphenated or not, from token k on."""
            end, count = None, 0
            while 0 <= k < len(doc) and count < 3 and word(k):
                end, count = k, count + 1
                glue = k + step
                if 0 <= glue < len(doc) and _hyphen_glues(doc, glue) and 0 <= glue + step < len(doc):
                    k = glue + step  # "Kara-Koo": one name
                elif "\n" not in doc[min(k, k + step)].whitespace_:
                    k += step
                else:
                    break
            return end

        def add(start: int, end: int, name: str, alias: str | None, swallow: bool, kind: str = "city") -> None:
            nonlocal out
            if any(m.start < end and start < m.end and not (swallow and start <= m.start and m.end <= end) for m in out) \
                    or any(m.start == start and m.end in (end, end - 1) for m in out) \
                    or self.gazetteer.lookup(doc[start:end].text) is not None \
                    or alias is not None and end < len(doc) and doc[end].lower_ == "of" \
                    and self.gazetteer.lookup(alias) is not None:
                return  # a longer or crossing name is found already, or the gazetteer knows this one, or a known
                # town's district "of" another name is that one's ("the Gdańsk district of Oliwa")
            mention = Mention(start, end, "place", name, place=Place(name, kind, None), priority=2)
            mention.alias = alias
            out = [m for m in out if not (start <= m.start and m.end <= end)] + [mention]

        for tok in doc_tokens(doc):
            if tok.text == "," and tok.i >= 1:
                self._appositive_places(doc, tok.i, name_from, add)
            # a noun of both kinds ("village", "commune") names the settlement before it, or else the one after its "of"
            start = name_from(tok.i - 1, -1) if tok.lower_ in words.settlement_nouns and tok.is_lower and tok.i >= 1 else None
            if start is not None:
                bare = doc[start : tok.i].text
                kind = "district" if tok.lower_ == "district" else "region" if tok.lower_ in words.region_words else "city"
                add(start, tok.i + 1, f"{bare} {tok.text}", bare, swallow=True, kind=kind)
            elif tok.lower_ in words.settlement_cues and tok.is_lower and tok.i + 2 < len(doc) \
                    and doc[tok.i + 1].lower_ == "of" and not _describes_named_place(doc, tok.i, out):
                k = tok.i + 2
                while (last := name_from(k, 1)) is not None:
                    add(k, last + 1, doc[k : last + 1].text, None, swallow=False)  # "the city of Konya Ugur Altay"
                    k = last + 1
                    if k < len(doc) and doc[k].text in words.list_glue and doc[k].text != ";":
                        k += 2 if k + 1 < len(doc) and doc[k + 1].lower_ == "and" else 1
                        continue
                    break
        return out

    def _appositive_places(self, doc: Doc, comma: int, name_from: Callable[[int, int], int | None],
                           add: Callable[..., None]) -> None:
        """Names the gazetteer lacks that an appositive defines as places ("Kejajar, a highland sub-district";
        "Pepease and Nkwatia, two farming communities"): the name before the comma, and the names listed before it."""
        words = self.words
        end = comma
        for _ in range(_APPOSITIVE_LIST + 1):
            start = name_from(end - 1, -1)
            if start is None or any(t.ent_type_ in _NOT_PLACE_ENTITIES for t in doc[start:end]):
                return
            noun = _defined_by_appositive(doc, end, words)
            if noun is None:
                return
            kind = "district" if noun == "district" else "region" if noun in words.region_words else "city"
            add(start, end, doc[start:end].text, None, swallow=False, kind=kind)
            if start < 2 or doc[start - 1].text not in (",", "and"):
                return
            end = start - 1  # "Silverton and Mount Angel, two towns": the name listed before

    def _partner_list_starts(self, doc: Doc) -> list[int]:
        """The "with", "of", "such as", "include" or colon after words of twinning ("twinned with",
        "sister-city relations with", "a twin town of", "twin towns such as", "sister cities:"), and
        the "of" after a plural noun of places or their offices ("the mayors of", "the cities of"):
        where a list of towns begins."""
        partner = self.words.partner_words
        out = []
        for tok in doc_tokens(doc):
            if tok.lower_ not in self.words.partner_list_openers or tok.i == 0:
                continue
            before = doc[tok.i - 1]
            if tok.lower_ == "of" and before.tag_ == "NNS" and before.lemma_.lower() in self.words.cue_nouns \
                    or any(t.lower_ in partner for t in doc[max(tok.sent.start, tok.i - 6) : tok.i]):
                out.append(tok.i)
        return out

    def _listed_town(self, doc: Doc, k: int, forward: bool, taken: set[int],
                     ner_label: list[str]) -> tuple[int, int, list[Place], str] | None:
        """The town whose name starts (forward) or ends (backward) at token k and is the whole
        capitalised run there, with spaCy's entity, if any, no longer than it (not "Ali" of "Ali Kaya")."""
        n = len(doc)
        for length in (3, 2, 1):
            lo, hi = (k, k + length) if forward else (k - length + 1, k + 1)
            if lo < 0 or hi > n or any(i in taken for i in range(lo, hi)):
                continue
            span = doc[lo:hi]
            if not all(is_capitalised(t) and not t.is_punct for t in span) or "\n" in span.text:
                continue
            if length == 1 and span[0].is_stop and not span[0].is_upper:
                continue  # "Most visitors come ...": a function word opening the next line, not the town "Most"
            if lo > 0 and is_capitalised(doc[lo - 1]) and not doc[lo - 1].is_punct and "\n" not in doc[lo - 1].whitespace_ \
                    or hi < n and is_capitalised(doc[hi]) and not doc[hi].is_punct and "\n" not in span[-1].whitespace_:
                continue  # part of a longer name
            towns = [p for p in self.gazetteer.candidates(span.text)
                     if p.kind in ("city", "district", "region") and (p.curated or p.population >= self.listed_town_population)]
            if not towns:
                continue
            ent = _entity_around(doc, lo)
            if ent is not None and (ent[0] < lo or ent[1] > hi) and not any(
                    t.text == "," or t.is_lower for t in doc[ent[0] : ent[1]]):
                continue  # inside a longer name spaCy found ("Horsens in Denmark" or a list is no name)
            return lo, hi, towns, span.text
        return None

    def _compass(self, doc: Doc, i: int) -> tuple[int, int, list[Place], str] | None:
        """"N Kazakhstan", "S Korea": a one-letter compass abbreviation before a region's or
        country's name is part of that name, and never leaves the bare country behind."""
        expanded = self.words.compass_abbreviations.get(doc[i].text)
        if expanded is None or i + 1 >= len(doc) or not is_capitalised(doc[i + 1]):
            return None
        for length in range(min(3, len(doc) - i - 1), 0, -1):
            rest = doc[i + 1 : i + 1 + length]
            if any(t.is_punct for t in rest):
                continue
            name = f"{expanded} {rest.text}"
            candidates = self.gazetteer.candidates(name)
            if candidates:
                return i, i + 1 + length, candidates, name
        return None

    def _subcity_units(self, doc: Doc, linked: list[Mention], context: frozenset[str]) -> list[Mention]:
        """Wards, -ku, -gu and arrondissements: places of their own inside a city, never the city
        ("Osaka's Kita Ward", "Edogawa-ku", "Mapo-gu", "the 3rd arrondissement of Lyon")."""
        units = self.words.subcity_units
        taken: set[int] = set()
        known_countries: dict[str, str | None] = {}
        by_start = {m.start: m for m in linked}
        # "Lam Dong Province": a unit's word inside a name the gazetteer knows is that name's word
        named = {k for m in linked if m.place is not None for k in range(m.start + 1, m.end)}
        out: list[Mention] = []
        n = len(doc)
        for tok in doc_tokens(doc):
            i = tok.i
            if tok.lower_ not in units or i == 0 or i in named:
                continue
            city: Mention | None = None
            if tok.lower_ == "arrondissement":
                if not _ORDINAL.match(doc[i - 1].text):
                    continue
                start, end = i - 1, i + 1
                if end + 1 < n and doc[end].lower_ == "of" and doc[end + 1].i in by_start:
                    city = by_start[doc[end + 1].i]
                else:
                    city = self._possessive_city(doc, start, by_start)
                if city is None:
                    continue
                name = f"{doc[i - 1].text} arrondissement of {city.name}"
            else:
                # "Kita Ward", "Edogawa-ku", "Mapo-gu"; a lower-case "ward" only with its hyphen
                hyphen = doc[i - 1].text == "-" and not doc[i - 1].whitespace_
                last = i - 2 if hyphen else i - 1
                if last < 0 or not (is_capitalised(tok) or hyphen) or not is_capitalised(doc[last]) \
                        or doc[last].is_punct or hyphen and doc[last].whitespace_:
                    continue
                start = last
                while start > 0 and i - start < 3 and is_capitalised(doc[start - 1]) and not doc[start - 1].is_punct \
                        and not doc[start - 1].is_sent_start and fold(doc[start - 1].text) not in titles().offices:
                    start -= 1
                end = i + 1
                name = f"{doc[start : last + 1].text} {units[tok.lower_][0]}"
                city = self._possessive_city(doc, start, by_start)
                if city is None and end + 1 < n and doc[end].lower_ in ("of", "in"):
                    city = by_start.get(end + 1)  # "Yahatanishi Ward of Kitakyushu": the city after the unit
            if any(k in taken for k in range(start, end)):
                continue
            country = city.place.country if city is not None and city.place is not None else units[tok.lower_][1]
            if country is not None:
                known_countries.setdefault(fold(name), country)
            written = name if tok.lower_ == "arrondissement" else doc[start:end].text
            out.append(Mention(start, end, "place", written, place=Place(name, "district", country), priority=3))
            taken.update(range(start, end))
        for m in out:  # "Nerima Ward" and "Nerima-ku": one unit, one country
            if m.place is not None and m.place.country is None:
                country = known_countries.get(fold(m.place.name)) or (next(iter(context)) if len(context) == 1 else None)
                m.place = Place(m.place.name, "district", country)
        return out

    @staticmethod
    def _possessive_city(doc: Doc, start: int, by_start: dict[int, Mention]) -> Mention | None:
        """"Osaka's Kita Ward": the city named possessively right before a unit."""
        if start >= 2 and doc[start - 1].text in ("'s", "’s"):
            for m in by_start.values():
                if m.end == start - 1 and m.place is not None:
                    return m
        return None

    @staticmethod
    def _repeated(doc: Doc, linked: list[Mention], only: list[Mention] | None = None) -> list[Mention]:
        """Once a name is a place in this article, it is one wherever it recurs, even where spaCy
        took it for a person ("between Hebden Royd, Warstein and St Pol")."""
        by_first: dict[str, list[Mention]] = {}
        for m in linked if only is None else only:
            by_first.setdefault(doc[m.start].text, []).append(m)
        taken = {k for m in linked for k in range(m.start, m.end)}
        out = []
        for tok in doc_tokens(doc):
            if tok.i in taken or tok.text not in by_first:
                continue
            for m in by_first[tok.text]:
                n = m.end - m.start
                if doc[tok.i : tok.i + n].text == doc[m.start : m.end].text and \
                        not any(k in taken for k in range(tok.i, tok.i + n)):
                    out.append(Mention(tok.i, tok.i + n, "place", m.name, place=m.place, priority=m.priority))
                    taken.update(range(tok.i, tok.i + n))
                    break
        return out

    def _linkable(self, doc: Doc, found: tuple[int, int, list[Place], str], context: frozenset[str],
                  ner_label: list[str]) -> int:
        """How well a match is vouched for as a place: 2 firmly, 1 weakly, 0 not at all.

        A town that spaCy did not see as a place must be big, announced as a place by its context
        ("Mayor of X", "X City", "X, Japan"), listed with a place, or (weakly) in a country the
        article names: "Novi" in Michigan is not the "Novi" of "Novi Grad" in a Bosnian story."""
        start, end, _, name = found
        span = doc[start:end]
        ner_place = any(ner_label[k] in ("GPE", "LOC") for k in range(start, end))
        candidates = self.gazetteer.candidates(name, context)
        if not candidates:  # known here only by an alternate name: spaCy or the words around must vouch
            return 2 if self.gazetteer.candidates(name) and (_place_cue(doc, span, self.words) or ner_place) else 0
        if any(p.kind == "country" or p.curated for p in candidates) or ner_place:
            return 2
        if any(p.population >= self.well_known_population for p in candidates) or _place_cue(doc, span, self.words):
            return 2
        if _placed(doc, span, self.words) and any(p.population >= self.person_town_population for p in candidates):
            return 2
        if self._town_read_as_person(doc, span, candidates):
            return 2
        if self._saint_town(doc, span, candidates) or _region_named_with_division(doc, span, candidates, self.words):
            return 2
        if _listed_with_place(doc, span, ner_label) and any(
                p.population >= self.town_population or p.population >= self.listed_town_population and p.country in context
                for p in candidates):
            return 2  # "between Rivne and Lublin"; a smaller town in a country the article names ("Lithuanian spa towns")
        if _written_natively(span, candidates) and (_placed(doc, span, self.words) or _listed_with_place(doc, span, ner_label)):
            return 2  # "arrived from Skellefteå": a native spelling where only a place stands
        if self._paired_towns(doc, span, candidates):
            return 2
        container = _container(doc, span, self.words)
        if container is not None and any(p.country == container[1] for p in self.gazetteer.candidates(name)):
            return 2  # "Tongxiang of Zhejiang": a town in the region written after it
        return 1 if any(p.country in context for p in candidates) else 0

    def _longest(self, doc: Doc, i: int, ner_label: list[str], sent_end: int) -> tuple[int, int, list[Place], str] | None:
        """The longest gazetteer name starting at token i that is plausible here."""
        first = fold(doc[i].text)
        if first.split(" ")[0] not in self.gazetteer.first_words:
            return None
        longest = min(self.max_tokens, sent_end - i)
        if longest > 1 and " " not in first:
            pair = fold(doc[i : i + min(longest, 4)].text).split(" ")[:2]
            if len(pair) == 2 and " ".join(pair) not in self.gazetteer.first_pairs:
                longest = 1  # no name of two words or more starts with these two
        window = list(doc[i : i + longest])  # each token read once, not once per candidate length
        # a name does not run across a comma ("Bishkek, Osh" is two towns)
        longest = next((k for k, t in enumerate(window) if t.text in (",", ";", "(", ")", ":")), longest)
        for length in range(longest, 0, -1):
            if window[length - 1].is_punct:
                continue
            if length > 1 and window[length - 1].is_lower and window[length - 1].pos_ in ("VERB", "AUX"):
                continue  # a lower-case verb ends no name: "Porto said" is Porto speaking, not Port Said
            text = "".join(t.text_with_ws for t in window[: length - 1]) + window[length - 1].text  # Span.text
            if "\n" in text:
                continue
            candidates = self.gazetteer.candidates(text)
            if not candidates:
                continue
            span = doc[i : i + length]
            if not self._plausible(doc, span, candidates, ner_label):
                continue
            return i, i + length, candidates, text
        return None

    def _plausible(self, doc: Doc, span: Span, candidates: list[Place], ner_label: list[str]) -> bool:
        """Guard generic matches: a non-curated town name must look like a proper name here."""
        first = span[0]
        if len(span) == 1 and (not first.is_upper or among_capitals(doc, first.i, first.i + 1)) \
                and (first.is_stop or first.is_sent_start and first.pos_ != "PROPN"
                     and not _paired_with_described_place(doc, span, self.words)):
            return False  # districts named "Of" or "Tire" (also in "CHAMBER OF COMMERCE"); a sentence's first word
        if len(span) == 1 and span.end < len(doc) and doc[span.end].is_lower and doc[span.end].is_alpha \
                and fold(first.text) in demonyms() and not any(p.kind == "country" or p.curated for p in candidates):
            return False  # "the Kazakh city of Taraz", "Kazakh region": a nationality, not the town "Kazakh"
        if span.start >= 2 and doc[span.start - 1].lower_ == "after" and doc[span.start - 2].lower_ == "named" \
                and not any(p.kind == "country" or p.curated for p in candidates):
            return False  # "the park named after Abai": a dedication names a person
        labels = {ner_label[k] for k in range(span.start, span.end)}
        if labels == {"MONEY"}:
            return False  # "200 million US dollars": a currency
        if any(p.kind == "country" or p.curated or p.population >= self.well_known_population for p in candidates):
            # a person's name that is also a town ("Aydın"): the NER span is longer than the match
            person = all(ner_label[k] == "PERSON" for k in range(span.start, span.end))
            return not person or _ner_span_starts_here(doc, span.start) and not self._surname_alone(doc, span) \
                or _place_cue(doc, span, self.words) \
                or any(p.kind == "country" for p in candidates) and _placed(doc, span, self.words) \
                or _after_own_town(doc, span, candidates, self.gazetteer)  # "Horsens in Denmark", "Kaunas Lithuania"
        if _place_cue(doc, span, self.words) or _listed_with_place(doc, span, ner_label) \
                or _region_named_with_division(doc, span, candidates, self.words) or self._paired_towns(doc, span, candidates):
            return True  # "Mayor of Sorgun Ahmet Yilmaz", "Kurobe City", "in Mongla and Bheramara", "Punjab province"
        if self._saint_town(doc, span, candidates):
            return True  # "Saint-Denis", "St Albans": spaCy reads a building or a people
        container = _container(doc, span, self.words)
        if container is not None and any(p.country == container[1] for p in candidates):
            return True  # "Tongxiang of Zhejiang"
        if _after_its_country(doc, span, candidates, self.gazetteer):
            return True  # "Serbia – Subotica (1966)": a list line gives the town's country first
        if (labels == {"PERSON"} or labels == {"ORG"} and _placed(doc, span, self.words, bodies_too=False)) \
                and _ner_span_starts_here(doc, span.start) and not _inside_longer_entity(doc, span) \
                and _placed(doc, span, self.words) and any(p.population >= self.person_town_population for p in candidates):
            return True  # "arrived in Kanazawa", "Kanazawa leaders": a town spaCy took for a surname or a body
        if self._town_read_as_person(doc, span, candidates):
            return True
        if labels <= {"PERSON", "ORG", "NORP", "GPE", "LOC"} and _written_natively(span, candidates) \
                and not _inside_longer_entity(doc, span) and not _ner_span_longer(doc, span.start) \
                and (_placed(doc, span, self.words) or _listed_with_place(doc, span, ner_label)):
            return True  # "from Klaipėda", "in Birštonas and Druskininkai": spaCy's label on a native spelling
        if labels & {"PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "NORP"}:
            return False
        if _inside_longer_entity(doc, span):
            return False  # "Novi" in "Novi Grad": the longer name is the place
        if labels & {"GPE", "LOC"}:
            return True
        # otherwise only a proper noun right after a preposition of place ("in Osh", "to Tendo")
        if not all(t.pos_ == "PROPN" for t in span if t.is_alpha) or "ORG" in labels:
            return False
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        return before in ("in", "to", "from", "at", "near", "of", "and", ",") and not span[0].is_upper

    def _unlinked(self, doc: Doc, linked: list[Mention]) -> list[Mention]:
        """Places the gazetteer lacks: spaCy's GPE/LOC names after a preposition of place or listed
        with a known place."""
        taken = {k for m in linked for k in range(m.start, m.end)}
        out = []
        place_roots = {k for m in linked for k in range(m.start, m.end)}
        for ent in doc.ents:
            # "between Hebden Royd, Warstein and St Pol": a name listed with a place is a place
            if any(k in taken for k in range(ent.start, ent.end)) or not is_capitalised(ent[0]) or len(ent) > 4:
                continue
            if fold(ent.text) in demonyms() or ent.label_ == "PERSON" or _nationality_described(ent):
                continue  # "Ukrainian and Polish ..."; "Lviv and Wrocław, Andriy Sadovyi and ..." names people
            if ent.label_ in ("ORG", "GPE", "LOC") and _coordinated_with(ent, place_roots):
                end = ent.end - 1 if ent[-1].is_punct else ent.end
                known = self.gazetteer.lookup(doc[ent.start:end].text)  # "… of Zhejiang and Kelowna"
                place = known if known is not None and known.population >= self.town_population else None
                out.append(Mention(ent.start, end, "place", doc[ent.start:end].text, place=place, priority=3))
                taken.update(range(ent.start, ent.end))
        for ent in doc.ents:
            if fold(ent.text) in demonyms():
                continue
            if any(k in taken for k in range(ent.start, ent.end)) or not is_capitalised(ent[0]):
                continue
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            after = doc[ent.end].text if ent.end < len(doc) else ""
            placed = before in ("in", "to", "from", "near", "at", "of", "visited") or after == "("
            container = _container(doc, ent, self.words) if ent.label_ in ("GPE", "LOC") and after == "," else None
            if ent.label_ in ("GPE", "LOC") and (placed or container is not None):
                if "\n" in ent.text or len(ent) > 4:
                    continue
                # "Kaštela, Croatia": a name spaCy calls a place, written with its country, is a town of it
                place = Place(ent.text, "city", container[1]) if container is not None and container[1] else None
                out.append(Mention(ent.start, ent.end, "place", ent.text, place=place, priority=1))
        return out

    def _context_countries(self, doc: Doc, found: list[tuple[int, int, list[Place], str]]) -> set[str]:
        countries = {p.country for _, _, cands, _ in found for p in cands if p.kind == "country" and p.country}
        table = demonyms()
        countries.update(table[t.lower_] for t in doc_tokens(doc) if t.text[:1].isupper() and t.lower_ in table)
        return countries

