"""A tie's kind when its own sentence does not say "sister city".

News tells a twinning in other words as often as in that one: the headline names the twinning
("Brotherhood protocol signed") while the body says only "signed the agreement"; two towns sign
"a memorandum on establishing friendly relations" or "a partnership" with no subject of its own,
or "have been partners since 1997". Between towns, districts or regions (never states or bodies)
such a tie is a twinning. A document that names its own subject ("an action plan on youth
exchanges", "a partnership covering trade") stays cooperation, also between twin towns. Cue
words live in data/ties.json (friendship_words, partnership_nouns, plain_document_modifiers).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from amity.nlp.entities import EntityCluster
from amity.nlp.lexicons import tie_cues, triggers

#: Dependencies by which a word gives a document or partnership its subject ("a plan on tourism",
#: "tourism cooperation plan", "a partnership covering trade").
_TOPIC_DEPS = ("compound", "amod", "nmod", "acl", "relcl", "npadvmod")
#: A headline longer than this many words is a first paragraph, not a headline.
_HEADLINE_WORDS = 25


class TieKinds:
    """Reads the kind of a tie between towns from the words around it (see the module's docstring)."""

    def __init__(self, cues: dict[str, Any], sister: tuple[str, ...], document: Callable[[Token], bool],
                 signing: frozenset[str] | set[str]) -> None:
        self.sister = sister
        self.document = document
        self.friendship = frozenset(cues["friendship_words"])
        self.mixers = frozenset(cues["friendship_mixers"])
        self.partnership = frozenset(cues["partnership_nouns"])
        self.plain = frozenset(cues["plain_document_modifiers"])
        self.document_types = frozenset(cues["document_types"])
        self.fields = frozenset(cues["topic_field_nouns"])
        self.signing = frozenset(signing)
        #: Prepositions whose object is a document's subject ("on tourism"); "in" only with a bare noun or
        #: a field ("in tourism", "in the field of culture"), not a venue ("in the hall").
        self.topic_preps = frozenset(cues["topic_prepositions"])
        self.definite = frozenset(cues["definite_determiners"])
        self.relations = frozenset(cues["relation_nouns"])
        self.friendship_preps = frozenset(cues["friendship_prepositions"])

    def roster_kind(self, kind: str, cue: Span, before_partners: Span, parties: Sequence[EntityCluster]) -> str:
        """The kind of a roster's ties ("X has partner relations with A and B", "X has cooperation
        agreements with its twin towns A, B and C", "X has twinning or cooperation agreements with A
        and B"): between towns or regions, partners called twins where the cue's phrase names them,
        and between towns a partnership naming no subject, are twinnings."""
        if kind != "cooperation" or not parties or not all(_sub_state_place(p) for p in parties):
            return kind
        if self.names_twinning(before_partners):
            return "sister_city"
        if not all(_town(p) for p in parties):
            return kind  # "the partner regions of X": regions' partnerships are mostly economic
        partner_cue = next((t for t in cue if t.lemma_.lower() in self.partnership), None)
        if partner_cue is not None and self._bare_partnership(partner_cue) and not any(
                c.dep_ == "prep" and c.i >= cue.end and (c.lower_ in self.topic_preps or c.lower_ == "in" and any(
                    self._field(g) for g in c.children)) for t in cue for c in t.children):
            return "sister_city"
        return kind

    def headline(self, doc: Doc) -> Span | None:
        """The article's headline, when its first line is one: a line of its own, short, not ending
        a sentence (Amity puts an article's title first)."""
        end = doc.text.find("\n")
        if end <= 0:
            return None
        line = doc.char_span(0, end, alignment_mode="contract")
        if line is None or not 0 < sum(t.is_alpha for t in line) <= _HEADLINE_WORDS \
                or line[-1].text in (".", "!", "?", ":"):
            return None
        return line

    def names_twinning(self, span: Span) -> bool:
        """Whether the words name a twinning by a sister-city cue (a document of friendship is one only
        between towns or regions, which a headline may not name)."""
        text = span.text
        lowered = text.lower()
        title_case = _title_case(span)
        return any(not _proper_name_at(text, at, len(c), title_case)
                   for c in self.sister for at in _occurrences(lowered, c))

    def plain_documents(self, sent: Span) -> bool:
        """Whether every document the sentence names is one of no subject of its own ("signed the
        agreement", "the renewed charter", "a memorandum of understanding"): what it is about is
        told elsewhere (in the headline, or by an earlier sentence)."""
        nouns = [t for t in sent if self.document(t) or t.lemma_.lower() == "document"]
        return bool(nouns) and all(t.pos_ in ("NOUN", "PROPN") and t.is_lower and not self._topic(t) for t in nouns)

    def refers_back(self, sent: Span) -> bool:
        """Whether every document or partnership the sentence names is one already told ("the
        cooperation agreement between A and B covers schools", "this partnership"): definite, no
        subject of its own by a preposition, and no signing of it in the sentence."""
        nouns = [t for t in sent if self.document(t) or t.lemma_.lower() in self.partnership]
        nouns = [t for t in nouns if not (t.dep_ == "compound" and self.document(t.head))]
        return bool(nouns) and all(
            any(c.dep_ in ("det", "poss") and c.lower_ in self.definite for c in t.children)
            and not any(c.dep_ == "prep" and c.lower_ in self.topic_preps for c in t.children)
            and not (t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in self.signing)
            for t in nouns)

    def town_twinning(self, sent: Span, parties: Sequence[EntityCluster]) -> bool:
        """Whether the sentence tells a tie that, between these parties, is a twinning: a document or
        a founding of friendship between towns or regions ("a memorandum on establishing friendly
        relations", "a friendship agreement"), or a partnership with no subject between towns ("A
        partnership between A and B was formalised", "the A-B partnership"; regions' partnerships are
        mostly economic); never beside a document on a subject."""
        if not parties or not all(_sub_state_place(p) for p in parties):
            return False
        towns = all(_town(p) for p in parties)
        told = False
        for tok in sent:
            if self.document(tok) and self._topic(tok) and not self._friendship_document(tok):
                return False  # "signed a plan on tourism": the sentence's document has a subject
            if self._friendship_document(tok) or towns and self._bare_partnership(tok):
                told = True
        return told

    def _friendship_document(self, tok: Token) -> bool:
        """A document or a relation of friendship: "friendship agreement", "memorandum on friendship",
        "memorandum on establishing friendly relations", "agreement on friendly relations"."""
        if not self.document(tok) and tok.lemma_.lower() not in self.relations:
            return False
        named = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
        named += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in self.friendship_preps for g in c.children]
        if tok.dep_ == "dobj":
            # "signed a memorandum on establishing friendly relations": the parser may hang "on" on the verb
            named += [g for c in tok.head.children if c.dep_ == "prep" and c.i == tok.right_edge.i + 1
                      and c.lower_ in self.friendship_preps for g in c.children]
        words = {w.lower_ for n in named for w in n.subtree}
        # "a memorandum on friendship and cooperation", "friendly exchange and cooperation": a cooperation
        return bool(words & self.friendship) and not words & self.mixers

    def _bare_partnership(self, tok: Token) -> bool:
        """"a partnership between A and B", "have been partners since 1997", "the A-B partnership": a
        partnership that names no subject (not "a partnership agreement", a document of cooperation)."""
        if tok.lemma_.lower() not in self.partnership or tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if tok.dep_ == "compound" and self.document(tok.head):
            return False  # "a partnership agreement": a document of cooperation, whatever its subject
        return not self._topic(tok)

    def _names_twinning_word(self, tok: Token) -> bool:
        text = " ".join(t.lower_ for t in tok.subtree)
        return any(c in text for c in self.sister) or any(t.lower_ in self.friendship for t in tok.subtree)

    def _topic(self, tok: Token) -> bool:
        """Whether a document or partnership noun names its subject by a modifier, a clause or a
        preposition ("a plan on tourism", "a tourism plan", "a partnership covering trade")."""
        for c in tok.children:
            if self._names_twinning_word(c):
                continue  # "twinning agreement", "friendship protocol": what the document founds, not a topic
            if c.dep_ in _TOPIC_DEPS and c.lower_ not in self.plain and c.lemma_.lower() not in self.plain \
                    and not self.document(c) and c.lemma_.lower() not in self.partnership \
                    and not (c.pos_ == "PROPN" or c.ent_type_):
                return True
            if c.dep_ == "prep" and c.lower_ in self.topic_preps and not any(
                    g.lower_ in self.document_types or g.pos_ == "PROPN" for g in c.children):
                return True
            if c.dep_ == "prep" and c.lower_ == "in" and any(self._field(g) for g in c.children):
                return True
        return False

    def _field(self, tok: Token) -> bool:
        """"in tourism", "in the field of culture": a field of work; "in the hall", "in Baku": a venue."""
        return tok.lemma_.lower() in self.fields or tok.pos_ == "NOUN" and not any(
            c.dep_ in ("det", "poss") for c in tok.children)


def _sub_state_place(cluster: EntityCluster) -> bool:
    """A town, district or region: a place that is not a state."""
    return cluster.type == "place" and (cluster.place is None or cluster.place.kind != "country")


def _occurrences(text: str, word: str) -> list[int]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _title_case(span: Span) -> bool:
    """Whether the words are written in title case, as some headlines are: then a capital does not
    make a name."""
    words = [t for t in span[1:] if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title for t in words) * 2 > len(words)


def _proper_name_at(text: str, at: int, length: int, title_case: bool) -> bool:
    """Whether the cue written at `at` is a proper name ("Twin Cities firm signs deal"): in words
    written in sentence case, a capital anywhere but at their start."""
    return not title_case and any(ch.isupper() for k, ch in enumerate(text[at:at + length], at) if k > 0)


def _town(cluster: EntityCluster) -> bool:
    """A town or a district of one (or a place the gazetteer does not know)."""
    return cluster.place is None or cluster.place.kind in ("city", "district")


@cache
def default_tie_kinds() -> TieKinds:
    """The kinds reader of the packaged lexicons, for components other than the tie finder."""
    lex = triggers()
    sister = tuple(dict.fromkeys(s for cue in lex["tie_sister_city"] for s in (cue, cue.replace(" ", "-"))))
    agreements = frozenset(a for a in lex["tie_agreements"] if " " not in a)
    return TieKinds(tie_cues(), sister, lambda t: t.lower_ in agreements or t.lemma_.lower() in agreements,
                    frozenset(lex["event_verbs"]["signing"]))
