"""spaCy component `amity_events`: visits, meetings, signings, ratifications and attendance.

A trigger word from `data/triggers.json` (a verb lemma, or a noun such as
"field trip" carried by a light verb) marks an event in its sentence; the
entities of that sentence are its participants, the nearest date its date,
and the dependency tree decides whether it happened or is planned ("will
visit", "is planned to be signed", "tomorrow"). Mentions of one occurrence
in later sentences ("During the visit, ...") fold into the first.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from amity.nlp.dates import DateMention, dates_between, day_count, long_before, shift_days, within
from amity.nlp.entities import EntityCluster, token_index
from amity.nlp.gazetteer import country_name
from amity.nlp.lexicons import demonyms, triggers
from amity.nlp.mentions import register_extensions
from amity.nlp.names import fold
from amity.nlp.tokens import span_tokens

#: The default word lists, for the helpers outside the component (a component may be configured with another file).
_WORDS = {key: frozenset(words) for key, words in triggers().items()
          if key in ("leading_verbs", "led_groups", "group_participles", "venue_prepositions", "framing_prepositions", "frame_part_nouns",
                     "frame_part_prepositions")}


@dataclass
class EventMention:
    """An event read from one or more sentences, with the entities taking part."""

    type: str
    status: str
    date: str | None
    participants: list[EntityCluster]
    place: EntityCluster | None
    agreement: str | None
    sentences: list[Span] = field(default_factory=list)
    trigger: Token | None = None
    #: Participants named only by an adjective ("Kyrgyz-Tajik"): country names, not entities.
    extra: list[str] = field(default_factory=list)
    #: Whether the date was read in the event's own sentence (not carried over from context).
    explicit_date: bool = False
    #: The start token of the sentence that gave the date, when explicit.
    date_sentence: int | None = None
    #: For attendance: the gatherings attended, as noun lemmas ("summit"), to date it by a later
    #: sentence ("During the summit on Friday, ...").
    gatherings: list[str] = field(default_factory=list)
    #: Whether the date is only the publication day, guessed while the story had told no date yet (an
    #: undated headline): any date a later report of the same occurrence takes from the story is better.
    publication_guess: bool = False
    #: Told as earlier than the story ("The mayors last met in February"): not the story's occurrence.
    earlier: bool = False
    #: Told as a separate occurrence ("In a separate ceremony, ..."): never one told before.
    separate: bool = False
    #: The days a visit lasted when told by its length and its last day ("ended a three-day visit on Wednesday"): its
    #: date stays the day told, and "On the last day of the visit" counts within these.
    stay: str | None = None
    #: Those of the occurrence told just before, when this one's doers are told by a pronoun or a description ("They
    #: met the rector"): listed as taking part, never used to tell whether two reports are one occurrence.
    companions: list[EntityCluster] = field(default_factory=list)
    #: A plan a dated article gives no time for: kept for the ties it stages ("hoped to sign" proposes a tie), not
    #: reported as an event.
    untimed_plan: bool = False

    def everyone(self) -> list[EntityCluster]:
        """The participants named, then the companions."""
        return self.participants + [p for p in self.companions if p not in self.participants]

    def keys(self) -> set[str]:
        """Who takes part, with a municipality and its town counted as one party."""
        out = set()
        for p in self.participants:
            party = _party_keys(p, self.sentences)
            out.add(party.name)
            out.update(party.towns)
        return out


@Language.factory("amity_events", default_config={"triggers": "triggers.json"})
def make_events(nlp: Language, name: str, triggers: str) -> EventFinder:
    return EventFinder(triggers)


class EventFinder:
    def __init__(self, triggers_file: str = "triggers.json") -> None:
        register_extensions()
        lex = triggers(triggers_file)
        self.verbs = {lemma: kind for kind, lemmas in lex["event_verbs"].items() for lemma in lemmas}
        self.nouns = {noun: kind for kind, nouns in lex["event_nouns"].items() for noun in nouns}
        self.attendance_phrases = tuple(lex["attendance_phrases"])
        self.light_verbs = set(lex["light_verbs_for_nouns"])
        self.planned_markers = set(lex["planned_markers"])
        self.planned_governors = set(lex["planned_governors"])
        self.plan_nouns = frozenset(lex["plan_nouns"])
        self.ending_lemmas = frozenset(lex["ending_lemmas"])
        self.session_nouns = frozenset(lex["session_nouns"])
        self.purpose_deps = frozenset(lex["purpose_clause_deps"])
        #: Governors of wishing and agreeing: they plan a trigger only through an infinitive ("agreed to sign").
        self.wish_governors = frozenset(lex["wish_governors"])
        self.near_future_phrases = tuple(lex["near_future_phrases"])
        #: Lemmas of going somewhere: "arrived on a visit", "is on a visit".
        self.travel_lemmas = frozenset(lex["travel_lemmas"])
        self.sister_cues = tuple(lex["tie_sister_city"])
        self.demonyms = demonyms()
        self.generic_modifiers = set(lex["generic_modifiers"])
        self.occasion_adjectives = set(lex["occasion_adjectives"])
        self.agreement_nouns = set(lex["agreement_nouns"])
        self.received = set(lex["received_people"])
        self.hypothetical_marks = set(lex["hypothetical_marks"])
        self.hypothetical_modals = set(lex["hypothetical_modals"])
        self.not_event_particles: dict[str, list[str]] = lex["not_event_particles"]
        self.ratifying_verbs = set(lex["ratifying_verbs"])
        self.arrival_verbs: dict[str, list[str]] = lex["arrival_verbs"]
        self.gatherings = set(lex["gathering_nouns"])
        self.ceremonies = frozenset(lex["ceremony_nouns"])
        self.reporting_words = set(lex["reporting_words"])
        self.occurrence_prepositions = set(lex["occurrence_prepositions"])
        self.argument_prepositions = set(lex["argument_prepositions"])
        self.ordinal_days: dict[str, int] = lex["ordinal_days"]
        self.habitual_adverbs = frozenset(lex["habitual_adverbs"])
        self.term_prepositions = frozenset(lex["term_prepositions"])
        self.habitual_periods = frozenset(lex["habitual_periods"])
        self.homeward_adverbs = frozenset(lex["homeward_adverbs"])
        self.earlier_adverbs = frozenset(lex["earlier_adverbs"])
        self.separate_words = frozenset(lex["separate_words"])
        self.enclosing_prepositions = frozenset(lex["enclosing_prepositions"])
        self.not_entered = frozenset(lex["enter_into_not_agreements"])
        self.tie_nouns = frozenset(lex["approved_tie_nouns"])
        self.approval_instruments = frozenset(lex["approval_instruments"])
        self.founded_ties = frozenset(lex["founded_tie_nouns"])
        self.founding_nouns = frozenset(lex["founding_nouns"])
        self.crowd_numbers = frozenset(lex["crowd_numbers"])
        self.scene_phrases = tuple(lex["scene_phrases"])
        self.hosting_lemmas = frozenset(lex["hosting_lemmas"])
        self.taking_part_lemmas = frozenset(lex["taking_part_lemmas"])
        self.coming_lemmas = frozenset(lex["coming_lemmas"])
        self.holding_lemmas = frozenset(lex["holding_lemmas"])
        self.delegation_nouns = frozenset(lex["delegation_nouns"])
        self.agreement_only_verbs = frozenset(lex["agreement_only_verbs"])
        self.taking_part_verbs = frozenset(lex["taking_part_verbs"])
        self.people_arrival_verbs = frozenset(lex["people_arrival_verbs"])
        self.staying_lemmas = frozenset(lex["staying_lemmas"])
        self.counterpart_nouns = frozenset(lex["counterpart_nouns"])
        self.legal_acts = frozenset(lex["legal_act_nouns"])
        self.part_nouns = frozenset(lex["occurrence_part_nouns"])
        self.recurrence_words = frozenset(lex["recurrence_words"])
        self.series_openers = frozenset(lex["series_opening_ordinals"])
        self.time_sharing_adverbs = frozenset(lex["time_sharing_adverbs"])
        self.sending_lemmas = frozenset(lex["sending_lemmas"])
        self.calling_verbs: dict[str, list[str]] = lex["calling_verbs"]
        self.same_day = re.compile(r"\b(?:" + "|".join(map(re.escape, lex["same_day_phrases"])) + r")\b", re.I)
        self.ordinal_day = re.compile(r"\b(?:on|during|in)\s+(?:the|its|their)\s+(" + "|".join(self.ordinal_days)
                                      + r")\s+day\b", re.I)

    def __call__(self, doc: Doc) -> Doc:
        token_entity = token_index(doc._.entities or [])
        events: list[EventMention] = []
        published = doc._.published
        last_date: str | None = None
        #: The last date the story told that is its own time: not after publication, not background.
        current_date: str | None = None
        #: Where the story's own time was last set back by a sentence opening with its day: what was told before
        #: it ("approved on 28 October. On 1 October, the mayors signed ...") does not date what follows.
        story_start = 0
        for sent in doc.sents:
            told_before = len(events)
            lowered = sent.text.lower()
            named = (token_entity[k] for k in range(sent.start, sent.end) if k in token_entity)
            participants = list({id(c): c for c in named}.values())
            countries: list[str] | None = None  # read only for a sentence that tells an occurrence
            found = list(self._triggers(sent, lowered))
            if not found and events:
                self._date_by_ceremony(doc, sent, events)  # "The ceremony took place on 3 May in Gyumri."
            if not found and events and self._at_the_scene(lowered):
                # "At the site, Head of the zone X briefed the guests": the people of the last event
                people = [c for c in participants if c.type == "person"]
                events[-1].participants += [p for p in people if p not in events[-1].participants]
            anchored_kinds = {kind for _, kind, anchored in found if anchored}
            framed = self._framing_date(found, events[story_start:])  # "During that trip, Mukanova toured ..."
            made_here: dict[str, list[str | None]] = {}
            planned_here: list[str] = []  # dates of the plans this sentence told with their own date
            made_by: dict[str, list[Token]] = {}
            for trigger, kind, anchored in found:
                if kind in made_here and not _beside_relative_clauses(trigger, made_by[kind]):
                    # "signed X on D1, later supplemented by Y concluded on D2": a second trigger of the
                    # type is a second occurrence only when its own phrase dates it apart
                    own = self._own_date(doc, trigger)
                    if own is None or own in made_here[kind]:
                        continue
                    anchored = True
                elif not anchored and kind in anchored_kinds and not (trigger.dep_ == "acl" and self._own_date(doc, trigger)):
                    # "During the visit, the mayor visited the museum": told once in the sentence (but "The plan was
                    # signed under the agreement signed in 2017" tells two signings)
                    continue
                told = next((e for e in reversed(events) if e.type == kind), None)
                if anchored and kind == "signing" and told is not None and self._signs_the_agreement_told(trigger) and \
                        told.status == ("planned" if self._is_planned(trigger, lowered) else "occurred") and \
                        self._date_near(doc, sent, trigger, events) is None:
                    anchored = False  # "The memorandum was signed in Baku by ...": the signing just told
                if not anchored and self._dated_apart(doc, sent, trigger, kind, events) \
                        and not self._dated_by_other_kind(doc, sent, trigger, kind, events, made_here):
                    anchored = True  # "... were twinned under a charter sealed in Y" on a new date
                if not anchored and any(e.type == kind for e in events):
                    near = self._date_near(doc, sent, trigger, events)
                    self._fold_back_reference(events, kind, participants, sent, near, published,
                                              narrows=near is not None and (self._own_date(doc, trigger) == near
                                                                            or _dated_in_frame(doc, trigger, near)),
                                              status="planned" if self._is_planned(trigger, lowered) else "occurred")
                    if kind == "visit" and near is not None and len(near) == 10:
                        told_visit = next(e for e in reversed(events) if e.type == kind)
                        told_visit.stay = told_visit.stay or self._days_stayed(trigger, near)
                    continue
                if not anchored and not self._first_mention(doc, trigger, found):
                    continue  # "future visits", "your participation" in a quote: no occurrence of its own
                # an occurrence first named by a noun ("As part of the mayor's visit to Lyon, ...") is one of its own
                status = "planned" if self._is_planned(trigger, lowered) else "occurred"
                date = self._date_near(doc, sent, trigger, events)
                stay = self._days_stayed(trigger, date) if kind == "visit" and date is not None and len(date) == 10 else None
                if stay is not None and stay.startswith(date or ""):
                    date, stay = stay, None  # "arrived on 5 May for a four-day visit": 5 to 8 May
                if status == "occurred" and date and published and date.split("/")[0] > published:
                    status = "planned"
                if status == "planned" and date and published and len(date) >= 7 and date.split("/")[-1] < published[: len(date.split("/")[-1])] \
                        and any(d.value == date and not d.explicit_year and not d.relative
                                for d in dates_between(doc._.dates or [], sent.start_char, sent.end_char)):
                    date = _a_year_later(date)  # "agreed to hold the next meeting in October", told in November
                # "Earlier this year, the Parliament of Georgia ratified the same agreement": before the story's own
                earlier_date = date is not None and any(d.before_story and d.value == date for d in
                                                         dates_between(doc._.dates or [], sent.start_char, sent.end_char))
                if status == "occurred" and date and len(date.split("/")[0]) < 10:
                    # "In Tashkent on Tuesday ... In 2025 the sides also signed": the story's day, inside the year told
                    day = _story_date(events[story_start:], None, current_date, published, told_only=True)
                    if day is not None and day != date and within(day, date):
                        date = day
                same_day = None if date else self._same_day(sent, kind, events)
                fallback = None
                earlier = earlier_date or self._earlier_than_story(trigger)
                if date is None and same_day is None and status == "occurred" and not _headline_progressive(sent, trigger) \
                        and not earlier:
                    fallback = framed or _story_date(events[story_start:], last_date, current_date, published)
                guessed = fallback is None and date is None and same_day is None and status == "occurred" \
                    and not _headline_progressive(sent, trigger) and not earlier and published is not None
                if guessed:
                    # nothing told yet: the day the wire was filed, or of publication, until a later report dates it
                    fallback = next((d.value for d in doc._.dates or [] if d.filed), published)
                if status == "planned" and date is None and same_day is None and planned_here:
                    fallback = planned_here[-1]  # "will travel to Bremen in November, and the two are to sign ... there"
                elif status == "planned" and date is None and same_day is None and kind != "visit":
                    # "X will visit Hungary on 2-3 October. In Budapest, he will hold talks": a plan of the trip's people,
                    # at its place, or told "there" or "during the visit"
                    on_trip = any(k == "visit" and not a for _, k, a in found) or \
                        any(t.lower_ == "there" and t.dep_ == "advmod" for t in span_tokens(sent))
                    fallback = _trip_planned(events, [*participants, self._place(sent, token_entity, trigger)], on_trip)
                agreement = None
                if kind == "signing":
                    agreement = "sister_city" if any(c in lowered for c in self.sister_cues) else "cooperation"
                if countries is None:
                    countries = self._demonym_countries(sent, token_entity)
                event = EventMention(kind, status, date or same_day or fallback, list(participants),
                                     self._place(sent, token_entity, trigger), agreement, [sent], trigger,
                                     extra=list(countries), explicit_date=date is not None,
                                     date_sentence=sent.start if date is not None else None,
                                     publication_guess=guessed, earlier=earlier,
                                     separate=self._told_as_separate(trigger), stay=stay)
                if kind == "signing":
                    _add_signatories_bodies(doc, event)  # "Safin and Alavi signed ...": for the universities they head
                if kind in ("signing", "ratification") and not _has_two_parties(event):
                    self._inherit_parties(events, event)
                if not event.participants and not event.extra and events and _refers_to_someone_told(doc, trigger):
                    event.participants = list(events[-1].participants)  # "He then visited the museum"
                elif not event.participants and not event.extra and events and kind == "signing" \
                        and _signed_by_no_one_named(trigger) and _told_just_before(events[-1], trigger):
                    # "The governors met on Tuesday. Following the meeting, a programme of cooperation was signed."
                    event.participants = list(events[-1].participants)
                elif events and _done_by_a_pronoun(doc, trigger):
                    # "During his visit he met the khokim": the one person of the story so far
                    told = [p for p in events[-1].participants if p.type == "person" and p not in event.participants]
                    if len(told) == 1:  # "he" is not one this sentence names ("During the visit he met the khokim X")
                        event.participants.insert(0, told[0])
                elif self._done_by_the_delegation(trigger):
                    # "Also the delegation took part in the forum, organised by the Government of Primorsky Krai"
                    trip = next((e for e in reversed(events) if e.type == "visit"), None)
                    if trip is not None:
                        event.participants[:0] = [p for p in trip.participants if p is not trip.place
                                                  and p not in event.participants]
                if events and event.participants and _done_by_those_told(doc, trigger, token_entity):
                    # "They held talks with the rector", "The sides signed a roadmap in Osh": those of the occurrence
                    # just told take part too, beside whom the sentence names
                    told_before_this = events[-1]
                    event.companions = [p for p in told_before_this.participants + told_before_this.companions
                                        if p not in event.participants and p is not told_before_this.place]
                holder = self._office_holder_told(doc, trigger) if kind in ("visit", "meeting", "attendance") else None
                if holder is not None and holder not in event.participants:
                    event.participants.insert(0, holder)  # "The ambassador also attended the opening of ..."
                met = next((e for e in reversed(events) if e.type == "meeting"), None)
                if kind == "meeting" and met is not None and event.participants == [event.place] and not event.extra \
                        and (self._recurs(trigger, met) or self._held_by_people_told(trigger)):
                    # "The sides agreed to hold the next meeting in Mogilev", "The ministers will meet again in Tashkent":
                    # those who met before meet again where the sentence says
                    event.participants = [p for p in met.participants if p is not met.place
                                          and p not in event.participants] + event.participants
                    event.extra = list(met.extra)
                if kind == "attendance" or kind == "meeting" and event.participants == [event.place] and not event.extra \
                        and not self._held_by_people_told(trigger):
                    # "Mayors from 20 countries took part in the forum, which opened in Samarkand", "The next meeting
                    # will be held in Osh in 2026": the venue is where they met, not one of them
                    event.participants = [p for p in event.participants if p is not event.place]
                if kind == "attendance":
                    event.gatherings = self._gatherings_attended(trigger)
                    if self._joins_told_meeting(trigger, event, events):
                        continue  # "In the meeting also participated X": X took part in the meeting told
                    if self._joins_told_signing(trigger, event, events):
                        continue  # "The ceremony was attended by the consul": present at the signing told
                made_here.setdefault(kind, []).append(date)
                if status == "planned" and date is not None:
                    planned_here.append(date)
                made_by.setdefault(kind, []).append(trigger)
                self._add(events, event)
            self._date_gatherings(doc, sent, events)
            mentions = [d for d in dates_between(doc._.dates or [], sent.start_char, sent.end_char) if d.value]
            if mentions:
                last_date = mentions[-1].value
            # "Earlier this month, ..." tells of before the story's time, and "in 2025" of a year the day told
            # lies in: neither moves it
            told_now = [d.value for d in mentions if not d.before_story]
            now = told_now[-1] if told_now else None if mentions else self._ordinal_day(sent, events)  # "On the second day"
            if now and _not_after(now, published) and not long_before(now, published, _BACKGROUND_DAYS) \
                    and not (current_date is not None and current_date != now and within(current_date, now)):
                if not _flashback(now, current_date):
                    current_date = now
                elif told_now and _opens_the_sentence(sent, mentions[-1]):
                    # "On 1 October, the mayors signed ...": a day leading the sentence moves the story back to it
                    current_date, story_start = now, told_before
        for event in events:
            if event.publication_guess and not event.explicit_date:  # "X and Y sign memorandum ... The talks were held on Tuesday"
                event.date = _first_story_day_after(doc, event.sentences[0].end_char) or event.date
        for event in events:
            event.untimed_plan = _plan_without_time(event, published) and not self._on_an_occasion(event.trigger)
        _join_the_occasion(events)
        doc._.events = _without_headline_repeats([e for e in events if (e.participants or e.extra) and not _one_side_of_a_trip(e)])
        return doc

    # -- finding triggers ---------------------------------------------------------
    def _triggers(self, sent: Span, lowered: str) -> Iterator[tuple[Token, str, bool]]:
        """(token, type, anchored) for each trigger; `anchored` is False for bare back-references
        ("During the visit, ...") that name no new occurrence."""
        found: list[tuple[Token, str, bool]] = []
        for tok in span_tokens(sent):
            kind = None
            anchored = True
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                lemma = tok.lemma_.lower()
                kind = self.verbs.get(lemma)
                if kind == "meeting" and lemma in self.hosting_lemmas and not self._received_someone(tok):
                    kind = None  # "Bursa will host the Culture Days": an event, not a meeting
                if lemma in self.agreement_only_verbs and not self._of_agreement(tok):
                    kind = None  # "the official concluded": said, not signed
                if kind == "signing" and self._enacts(tok):
                    kind = None  # "the President signed the law on ratification", "signed a decree": enacted, no agreement
                if lemma in self.ratifying_verbs and (self._of_agreement(tok) or self._of_tie(tok) or self._of_instrument_on_tie(tok)):
                    kind = "ratification"  # "the Seimas approved the agreement", "the council approved the twinning"
                if lemma == "enter" and any(c.lower_ == "into" and not any(g.lemma_.lower() in self.not_entered for g in c.children)
                                            for c in tok.children):
                    kind = "signing"  # "the memorandum the two provinces entered into in 2015" (not "will enter into force")
                if lemma == "take" and any(c.lower_ == "part" for c in tok.children):
                    kind = "attendance"
                if kind is None and self._arrives(tok):
                    kind = "visit"  # "came to Omsk", "will be in Lincoln from June 4"
                if kind is None and self._leads_delegation_to(tok):
                    kind = "visit"  # "will lead a business delegation to Pune in November"
                if kind is None and self._sends_to_gathering(tok):
                    kind = "attendance"  # "agreed to send the mayor to the twinning congress in Caen"
                if kind is None and self._sends_to_place(tok):
                    kind = "visit"  # "Buffalo plans to send a delegation to Kanazawa in November"
                if kind is None and self._calls_on_someone(tok):
                    kind = "meeting"  # "the delegation called on Chief Minister X"
                if kind in (None, "visit") and self._here_for_named_gathering(tok):
                    kind = "attendance"  # "who were in Istanbul for the Korkut Ata Film Festival"
                if lemma == "represent" and (_passive(tok) or
                                             any(c.dep_ == "prep" and c.lower_ in ("at", "in") for c in tok.children)):
                    kind = "attendance"  # "the university was represented by its vice-rector"
                if kind is not None and tok.dep_ == "acl" and tok.tag_ == "VBN":
                    anchored = False  # "the protocols signed with Üsküdar ...": told before
                if kind == "attendance" and lemma == "participate" and not any(c.lower_ == "in" for c in tok.children):
                    kind = None  # "the participating leaders"
                if kind == "attendance" and lemma in self.taking_part_verbs and self._takes_part_in_no_gathering(tok):
                    kind = None  # "200 students have taken part in exchanges": an activity, no gathering attended
                if kind == "attendance" and any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC") for c in tok.children):
                    kind = "visit"  # "attended Warstein": a visit to a place
                if kind is not None and self._hypothetical(tok):
                    kind = None  # "signing papers will not be enough", "if the president signs it", "sign up"
                if kind is not None and self._habitual(tok):
                    kind = None  # "a working group has met every year since 2012": a habit, no occurrence
                if kind == "attendance" and sent.start > 0 and self._ongoing(tok):
                    kind = None  # "The two cities participate in the network", "have taken part in it since 2015"
                if kind in ("visit", "attendance") and any(c.dep_ == "nsubj" and self._a_crowd(c) for c in tok.children):
                    kind = None  # "4,000 tourists came to Samarkand", "50,000 people took part": a count, no one's trip
                if kind == "visit" and any(c.dep_ == "advmod" and c.lower_ in self.homeward_adverbs for c in tok.children):
                    kind = None  # "flew home on Saturday": the end of a visit told already
                if kind == "meeting" and lemma == "welcome" and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
                    kind = None  # "welcomed Tartu as a new twin town": greeted a decision, met no one
                if kind == "meeting" and lemma in self.hosting_lemmas and self._guests_from(tok):
                    found.append((tok, "visit", True))  # "hosted officials from Ueda": they visited
            elif tok.pos_ in ("NOUN", "PROPN") and self._noun_kind(tok) is not None:
                kind = self._noun_kind(tok)
                anchored = self._noun_is_anchored(tok)
                governor = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if governor is not None and self._hypothetical(governor, own=False):
                    kind = None  # "discuss whether they can invite them for a joint visit"
            elif tok.lemma_.lower() == "delegation" and self._sent_to_gathering(tok):
                kind = "attendance"  # "the delegation to the forum was led by X"
            elif tok.lemma_.lower() in self.session_nouns and tok.pos_ == "NOUN" and _of_a_named_body(tok) \
                    and not any(c.dep_ == "compound" for c in tok.children):
                kind = "meeting"  # "the next session of the Intergovernmental Commission"
                anchored = self._noun_is_anchored(tok)
            if kind is not None:
                found.append((tok, kind, anchored))
        if not any(k == "attendance" for _, k, _ in found) and any(p in lowered for p in self.attendance_phrases):
            for tok in span_tokens(sent):
                if tok.lemma_.lower() in self.taking_part_lemmas:
                    if not (sent.start > 0 and self._ongoing(tok)):
                        found.append((tok, "attendance", True))
                    break
        if any(k == "ratification" for _, k, _ in found):
            # "At the session of the Saeima, the agreement was ratified": the session is where it was ratified
            found = [f for f in found if f[0].lemma_.lower() not in self.session_nouns]
        if any(k == "meeting" for _, k, _ in found):
            # "The meeting was attended by X": those present are part of the meeting the sentence reports
            found = [f for f in found if not (f[1] == "attendance" and _passive(f[0]))]
        yield from found

    def _date_by_ceremony(self, doc: Doc, sent: Span, events: list[EventMention]) -> None:
        """"X and Y signed a memorandum. The ceremony took place on 3 May in Gyumri.": a definite gathering
        that took place on a date, told right after an occurrence the story has not dated, is that
        occurrence (and those told in its sentence: the visit of a reception)."""
        root = sent.root
        if not _takes_place(root, self.holding_lemmas):
            return
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lemma_.lower() not in self.ceremonies \
                or not any(d.dep_ == "det" and d.lower_ in ("the", "this") for d in subject.children):
            return
        dated = [d for d in dates_between(doc._.dates or [], sent.start_char, sent.end_char) if d.value]
        last = events[-1]
        if len(dated) != 1 or last.explicit_date or last.status != "occurred" \
                or not _not_after(dated[0].value, doc._.published):
            return
        _redate(events, last, dated[0].value, sent.start)
        last.sentences.append(sent)

    def _joins_told_meeting(self, trigger: Token, event: EventMention, events: list[EventMention]) -> bool:
        """Taking part in "the meeting" or "the talks" already told (a bare definite noun, not "the
        meeting of the OTS Council") is being one of its participants, not attending a gathering of
        its own; the people join that meeting."""
        if not event.gatherings or any(self.nouns.get(g) != "meeting" for g in event.gatherings):
            return False
        attended = [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if not attended or any(not any(d.dep_ == "det" and d.lower_ in ("the", "this") for d in g.children)
                               or any(d.dep_ in ("prep", "compound", "amod", "nmod") for d in g.children)
                               for g in attended):
            return False
        told = next((e for e in reversed(events) if e.type == "meeting"), None)
        if told is None:
            return False
        told.participants += [p for p in event.participants if p not in told.participants]
        told.sentences += event.sentences
        return True

    def _joins_told_signing(self, trigger: Token, event: EventMention, events: list[EventMention]) -> bool:
        """Attending "the signing ceremony" or "the ceremony" in the sentence after a signing was told is being
        present at that signing: the people join the signing, no gathering of its own. Further on, "the
        ceremony" is another occasion's."""
        told = next((e for e in reversed(events) if e.type == "signing"), None)
        if told is None or told.status != event.status or not _told_just_before(told, trigger):
            return False
        attended = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        attended += [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        ceremony = [g for g in attended if g.lemma_.lower() in self.ceremonies and not any(
            d.dep_ in ("prep", "amod", "nmod") for d in g.children)]
        if not ceremony or not all(
                any(d.dep_ == "compound" and self.nouns.get(d.lower_) == "signing" for d in g.children)
                or any(d.dep_ == "det" and d.lower_ in ("the", "this") for d in g.children) for g in ceremony):
            return False
        told.participants += [p for p in event.participants if p not in told.participants]
        told.sentences += event.sentences
        return True

    def _done_by_the_delegation(self, trigger: Token) -> bool:
        """"the delegation took part", "the guests toured the plant": the subject is a definite delegation noun that
        names no one of its own (not "the delegation of Osh"), so it is the visiting party told before."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
        if verb is None and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in self.light_verbs:
            verb = trigger.head  # "the delegation held talks at the city hall"
        if verb is None or in_quote(_text(verb.doc), verb.idx):
            return False
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and verb.dep_ == "xcomp":
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "is scheduled to visit"
        return any(c.lemma_.lower() in self.delegation_nouns
                   and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)
                   and not any(d.dep_ in ("prep", "compound", "amod", "poss") for d in c.children)
                   for c in subjects)

    def _at_the_scene(self, lowered: str) -> bool:
        """A sentence that opens at the place of what was just told: "At the site, ...", "There, ..."."""
        opening = lowered.lstrip()
        return any(opening.startswith(p) and opening[len(p) : len(p) + 1] in (" ", ",") for p in self.scene_phrases)

    def _of_agreement(self, verb: Token) -> bool:
        """"concluded a memorandum", "the treaty was approved", "an agreement concluded in 1999"."""
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in self.agreement_nouns and not self._plans_an_occurrence(verb.head):
            return True
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.lemma_.lower() in self.agreement_nouns and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return True  # a reduced relative the parser attached elsewhere: "an agreement concluded in 1999"
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.agreement_nouns and not self._plans_an_occurrence(c)
                   for c in verb.children)

    def _of_tie(self, verb: Token) -> bool:
        """"approved the twinning with Lviv", "approved the establishment of sister city relations": what a council
        approves is the tie itself, or its establishment."""
        for c in verb.children:
            if c.dep_ not in ("dobj", "nsubjpass"):
                continue
            if c.lemma_.lower() in self.tie_nouns:
                return True
            if c.lemma_.lower() in self.founding_nouns and any(
                    p.dep_ == "prep" and p.lower_ == "of" and any(g.lemma_.lower() in self.founded_ties for g in p.children)
                    for p in c.children):
                return True
        return False

    def _enacts(self, verb: Token) -> bool:
        """"signed the law on ratification", "a decree was signed": signing a legal act enacts it, no agreement."""
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.legal_acts for c in verb.children)

    def _of_instrument_on_tie(self, verb: Token) -> bool:
        """"approved a resolution establishing a sister city relationship with Hualien", "backed a motion on the twinning
        agreement": what is approved is an instrument naming an agreement or a tie."""
        named = self.agreement_nouns | self.tie_nouns | self.founded_ties
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.approval_instruments
                   and any(t.lemma_.lower() in named for t in c.subtree if t.i != c.i)
                   for c in verb.children)

    def _arrives(self, verb: Token) -> bool:
        """"A delegation came to Omsk", "officials will be in Lincoln": someone goes to a named place.
        "be in" counts only for people, and only when it is yet to happen ("Osh is in Kyrgyzstan")."""
        preps = self.arrival_verbs.get(verb.lemma_.lower())
        if not preps:
            return False
        to_place = any(c.dep_ == "prep" and c.lower_ in preps and
                       any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "FAC", "ORG") for g in c.children)
                       for c in verb.children)
        if not to_place:
            return False
        if verb.lemma_.lower() not in self.people_arrival_verbs:
            return True
        # who went: the subject, or the noun a participle describes ("teachers from Szeged spent a week at ...")
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] + ([verb.head] if verb.dep_ == "acl" else [])
        people = any(c.ent_type_ in ("PERSON", "NORP") or c.lemma_.lower() in self.received or _from_a_place(c)
                     or _names_a_person(c) for c in subjects)
        if verb.lemma_.lower() == "expect":
            return people and _passive(verb)  # "a delegation is expected in Lincoln": people awaited somewhere
        if verb.lemma_.lower() in self.staying_lemmas:
            return self._stay_away(verb, subjects)
        # "officials will be in Lincoln", "the mayor was in Ankara last week"; not a present state ("students are in Osh")
        return people and (verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in self.planned_markers for c in verb.children))

    def _stay_away(self, verb: Token, subjects: list[Token]) -> bool:
        """"a delegation stayed in Lublin", "teachers from Szeged spent last week at the university": a stay is a visit
        only for people told as come from elsewhere (a named person staying somewhere may be at home: "the president
        stayed in Seoul"), and spending is a stay only of time ("spent $3 billion in Thailand" is money)."""
        away = any(c.lemma_.lower() in self.received or _from_a_place(c) for c in subjects)
        spent = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod")]
        spent_time = bool(spent) and all(c.ent_type_ in ("DATE", "TIME") or c.dep_ == "npadvmod" for c in spent) \
            and any(c.ent_type_ in ("DATE", "TIME") for c in spent)  # what was spent is a time, not "$3 billion"
        return away and (verb.lemma_.lower() != "spend" or spent_time)

    @staticmethod
    def _leads_delegation_to(verb: Token) -> bool:
        """"led a delegation to Pune", "will head a trade mission to Osaka": going there at its head."""
        if verb.lemma_.lower() not in _WORDS["leading_verbs"]:
            return False
        group = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _WORDS["led_groups"]), None)
        if group is None:
            return False
        places = _place_tokens(verb.doc)
        return any(p.dep_ == "prep" and p.lower_ == "to" and any(g.dep_ == "pobj" and (g.i in places or g.ent_type_ == "GPE")
                                                              for g in p.children)
                   for p in list(group.children) + list(verb.children))

    def _guests_from(self, verb: Token) -> bool:
        """"welcomed delegates from Gyeongju", "received the delegation of Savannakhet Province": the people
        received came from a named place."""
        guests = [c for c in verb.children if c.dep_ == "nsubjpass"] + _received(verb)
        return any(_from_a_place(g) or _named_by_a_place(g, self.delegation_nouns) or self._new_delegation(g) for g in guests) \
            or bool(guests) and _from_a_place(verb)

    def _new_delegation(self, noun: Token) -> bool:
        """"received a delegation", "hosted a Chinese delegation led by X", "the delegation of the X city government":
        a delegation told for the first time, or told by where it comes from, came from elsewhere; a bare "the
        delegation" (or "the guests") is one told before, and so is one a participle only says who leads ("the delegation
        led by X", "the visiting delegation"): that tells who is in it, not that it is new."""
        if noun.lemma_.lower() not in self.delegation_nouns:
            return False
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
            return True
        return any(c.dep_ in ("amod", "compound", "prep", "nummod") and c.tag_ not in ("VBG", "VBN") for c in noun.children)

    def _here_for_named_gathering(self, verb: Token) -> bool:
        """"were in Istanbul for the Korkut Ata Film Festival", "came to Baku for the Eurasian Forum":
        being somewhere for a named gathering is attending it."""
        if verb.lemma_.lower() not in self.arrival_verbs and self.verbs.get(verb.lemma_.lower()) != "visit":
            return False
        preps = [c for c in verb.children if c.dep_ == "prep"]
        preps += [p for c in preps for g in c.children if g.dep_ == "pobj" for p in g.children if p.dep_ == "prep"]
        for prep in preps:  # "in Bursa for the festival" hangs "for" on either word
            if prep.lower_ == "for":
                for g in prep.children:
                    if g.dep_ == "pobj" and g.lemma_.lower() in self.gatherings and g.pos_ == "PROPN":
                        return True
        return False

    def _sends_to_gathering(self, verb: Token) -> bool:
        """"will send a delegation to the congress", "agreed to send the mayor to the forum in Caen": whom a body sends
        to a gathering attends it."""
        people = [c for c in verb.children if c.dep_ == "dobj" and (self._names_people(c) or _names_a_person(c)
                                                                   or c.lemma_.lower() in self.delegation_nouns)]
        return verb.lemma_.lower() in self.sending_lemmas and bool(people) and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and g.lemma_.lower() in self.gatherings
                                                          for g in c.children)
            for c in (*verb.children, *(g for d in verb.children if d.dep_ == "dobj" for g in d.children)))

    def _sends_to_place(self, verb: Token) -> bool:
        """"will send a delegation to Kanazawa", "sent three teachers to Daegu": whom a body sends to a place visits it."""
        people = [c for c in verb.children if c.dep_ == "dobj" and (self._names_people(c) or _names_a_person(c)
                                                                   or c.lemma_.lower() in self.delegation_nouns)]
        return verb.lemma_.lower() in self.sending_lemmas and bool(people) and any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")
                                                                     for g in c.children)
            for c in (*verb.children, *(g for d in people for g in d.children)))

    def _calls_on_someone(self, verb: Token) -> bool:
        """"called on the governor", "paid ... and called upon Mayor X": a courtesy call on someone is a meeting; calling
        on someone to do something ("called on the council to act") is a plea."""
        preps = self.calling_verbs.get(verb.lemma_.lower())
        if not preps or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
            return False
        return any(c.dep_ == "prep" and c.lower_ in preps and
                   any(g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or self._names_people(g) or _names_a_person(g))
                       and not any(d.dep_ in ("acl", "relcl", "xcomp") and d.pos_ == "VERB" for d in g.children)
                       for g in c.children)
                   for c in verb.children)

    def _sent_to_gathering(self, noun: Token) -> bool:
        """"the delegation to the forum", "our delegation at the summit", "led the city's delegation to the forum"
        (where the parser hangs "to the forum" on the verb of leading)."""
        preps = list(noun.children)
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _WORDS["leading_verbs"]:
            preps += [c for c in noun.head.children if c.i > noun.i]
        return any(c.dep_ == "prep" and c.lower_ in ("to", "at") and
                   any(g.dep_ == "pobj" and g.lemma_.lower() in self.gatherings for g in c.children)
                   for c in preps)

    def _hypothetical(self, verb: Token, own: bool = True) -> bool:
        """A verb that reports no occurrence: a gerund standing for the activity ("signing papers
        will not be enough"), a condition ("if/once the president signs it"), a modal of possibility
        ("could visit"), a negation ("did not sign"), a phrasal verb of another sense ("sign up")."""
        if own and verb.tag_ == "VBG" and verb.dep_ in ("csubj", "csubjpass", "nsubj", "nsubjpass") and \
                any(c.dep_ == "dobj" for c in verb.children):
            return True  # but "Also attending was X" reports who attended
        particles = self.not_event_particles.get(verb.lemma_.lower(), [])
        for c in verb.children:
            if c.dep_ == "prt" and c.lower_ in particles:
                return True
            if c.dep_ == "mark" and c.lower_ in self.hypothetical_marks:
                return True
            if c.dep_ == "aux" and c.lower_ in self.hypothetical_modals and not self._reported_future(verb, c):
                return True
            if c.dep_ == "neg":
                return True
        return False

    def _framing_date(self, found: list[tuple[Token, str, bool]], events: list[EventMention]) -> str | None:
        """The date of the occurrence a sentence is framed in ("During that trip, ...", "At the meeting, ..."):
        the last told of the frame's type, when dated."""
        for trigger, kind, _ in found:
            if trigger.pos_ in ("NOUN", "PROPN") and _framing_back_reference(trigger):
                latest = max((e.date for e in events if e.explicit_date and e.date and _not_after(e.date, trigger.doc._.published)),
                             key=lambda d: d.split("/")[-1], default=None)
                # "The commission met yesterday, reviewing what the presidents agreed when they met in August. At the end
                # of the meeting, ...": the story's meeting, not one told in passing weeks before it
                told = next((e for e in reversed(events) if e.type == kind and not (e.explicit_date and _flashback(e.date, latest))),
                            None)
                if told is not None and told.explicit_date and _not_after(told.date, trigger.doc._.published):
                    return told.date
        return None

    def _on_an_occasion(self, trigger: Token | None) -> bool:
        """"The twinning agreement will be signed during the mayor's visit to Poltava": a plan tied to an occasion of its
        own is scheduled, though no time is told."""
        if trigger is None:
            return False
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        return any(prep.dep_ == "prep" and prep.lower_ in self.enclosing_prepositions and any(
            o.dep_ == "pobj" and o.pos_ == "NOUN" and self._noun_kind(o) is not None for o in prep.children)
            for prep in verb.children)

    def _takes_part_in_no_gathering(self, verb: Token) -> bool:
        """"took part in exchanges", "participate in joint projects": what is taken part in is named by a
        common noun that is no gathering (not "the forum", "the talks", nor a name)."""
        objects = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
        return bool(objects) and all(
            g.pos_ == "NOUN" and g.lemma_.lower() not in self.gatherings and g.lemma_.lower() not in self.nouns
            and g.lower_ not in self.nouns and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in g.children)
            for g in objects)

    def _held_by_people_told(self, trigger: Token) -> bool:
        """"The guests held a meeting at the port", "they met in Osh", "the sides agreed to hold talks in Osh": people
        the story told of did it."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        if trigger.dep_ == "pobj" and verb.lower_ == "of" and verb.head.pos_ == "NOUN":
            verb = verb.head.head  # "the next round of talks": the verb that holds the round
        while verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head
        return any(c.dep_ == "nsubj" and (c.tag_ == "PRP" or c.lemma_.lower() in self.received or c.lemma_.lower() in
                                           self.counterpart_nouns) for c in verb.children)

    @staticmethod
    def _office_holder_told(doc: Doc, trigger: Token) -> EntityCluster | None:
        """"The ambassador also attended the opening", "the governor then toured the port": a definite office noun as
        the subject, naming no one itself, is the person told before who holds that office (the latest named)."""
        if trigger.pos_ not in ("VERB", "AUX") or in_quote(_text(doc), trigger.idx):
            return None
        subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ != "NN" or subject.ent_type_ \
                or not any(d.dep_ == "det" and d.lower_ in ("the", "this") for d in subject.children) \
                or any(d.dep_ in ("compound", "poss", "prep", "appos") for d in subject.children):
            return None
        office = subject.lemma_.lower()
        holder, latest = None, -1
        for cluster in doc._.entities or []:
            if cluster.type != "person" or not any(office in title.split() for title, _ in cluster.roles):
                continue
            named = max((m.start for m in cluster.mentions if m.start < subject.i), default=-1)
            if named > latest:
                holder, latest = cluster, named
        return holder

    def _recurs(self, trigger: Token, met: EventMention | None) -> bool:
        """"the next meeting", "the next round of talks", "will meet again", "the sixth meeting of the commission": a
        meeting of a series already begun (an ordinal past the first counts the series, when the meeting `met` last
        told was one of the same body's: not "The 12th meeting will take place in Dushanbe" after any meeting)."""
        nouns = [trigger]
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in self.part_nouns:
            nouns.append(trigger.head.head)
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
        return any(c.dep_ in ("amod", "advmod") and c.lower_ in self.recurrence_words
                   or c.dep_ == "amod" and c.ent_type_ == "ORDINAL" and c.lower_ not in self.series_openers
                   and _same_series(nouns, met)
                   for n in ([*nouns, verb] if verb is not None else nouns) for c in n.children)

    def _signs_the_agreement_told(self, verb: Token) -> bool:
        """"The memorandum was signed by ...", "signed the document": a bare definite agreement noun is one
        the story has told of (not "the agreement on tourism", which may be another)."""
        return verb.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in self.agreement_nouns
            and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)
            and not any(d.dep_ in ("prep", "compound", "amod", "nmod", "acl", "relcl", "appos") for d in c.children)
            for c in verb.children)

    def _reported_future(self, verb: Token, modal: Token) -> bool:
        """"X said a group would travel to Japan in March": "would" in what someone said is the future
        seen from when they spoke, a plan, not a possibility."""
        return modal.lower_ == "would" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.reporting_words

    @staticmethod
    def _ongoing(verb: Token) -> bool:
        """Taking part told in the present simple outside a headline ("the cities participate in the network") or in
        the perfect since a time ("have taken part since 2015"): a membership or habit, not a gathering attended."""
        aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if verb.tag_ in ("VBP", "VBZ") and not aux:
            return True
        return any(a in ("have", "has") for a in aux) and any(t.lower_ == "since" and t.dep_ == "prep" for t in verb.subtree)

    def _habitual(self, verb: Token) -> bool:
        """"has met every year", "they meet regularly": a verb told as a habit."""
        for c in verb.children:
            if c.dep_ == "advmod" and c.lower_ in self.habitual_adverbs:
                return True
            if c.dep_ == "npadvmod" and c.lemma_.lower() in self.habitual_periods and \
                    any(d.dep_ == "det" and d.lower_ in ("every", "each") for d in c.children):
                return True
        return False

    def _told_as_separate(self, trigger: Token) -> bool:
        """"In a separate ceremony, X and Y signed ...", "another meeting was held": the occurrence, or what frames
        it, is called another one. "signed another agreement" is another document, which one ceremony may hold."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        nouns = [trigger, *(g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]
        return any(d.dep_ in ("amod", "det") and d.lower_ in self.separate_words for n in nouns for d in n.children)

    def _earlier_than_story(self, trigger: Token) -> bool:
        """"The port earlier signed similar contracts with ...", "Previously, the mayor visited ...": an
        undated report of something before the story, which the story's date does not fit."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return verb is not None and any(c.dep_ == "advmod" and c.lower_ in self.earlier_adverbs for c in verb.children)

    def _own_date(self, doc: Doc, trigger: Token) -> str | None:
        """The date written inside the trigger's own phrase ("concluded on 14 June 1999"), if any."""
        lo, hi = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge)
        own = [d for d in dates_between(doc._.dates or [], lo, hi) if d.value]
        return own[0].value if len(own) == 1 else None

    def _first_mention(self, doc: Doc, noun: Token, found: list[tuple[Token, str, bool]]) -> bool:
        """Whether a noun with no event of its type before it names an occurrence of its own: one
        that frames what the sentence tells ("During the visit, ...", "As part of the mayor's visit to
        Lyon, ...", "led to the signing of ...", "signed during talks with ..."). Not a generic, repeated
        or hypothetical one ("future visits", "regular meetings"), not a gathering that someone attends
        ("to attend the OTS meeting"), not one only mentioned in quoted speech."""
        if noun.pos_ not in ("NOUN", "PROPN") or in_quote(_text(doc), noun.idx):
            return False
        if noun.tag_ in ("NNS", "NNPS") and noun.lower_ not in self.nouns:
            return False
        if any(c.lower_ in self.generic_modifiers for c in noun.children if c.dep_ in ("amod", "det", "compound")):
            return False
        attended = {t.i for t, kind, _ in found if kind == "attendance"}
        if noun.lemma_.lower() in self.gatherings and any(a.i in attended for a in list(noun.ancestors)[:3]):
            return False
        described = noun.head if noun.dep_ == "compound" else noun  # "the signing ceremony for ..."
        if any(c.dep_ == "prep" and c.lower_ in self.argument_prepositions and
               any(g.dep_ == "pobj" and (g.ent_type_ or g.pos_ == "PROPN" or g.lemma_.lower() in self.agreement_nouns)
                   for g in c.children)
               for c in described.children):
            return True  # "the signing of a memorandum", "the visit of the minister to Armenia"
        node = noun
        while node.dep_ in ("conj", "compound") and node.head.i != node.i:
            node = node.head
        return node.dep_ == "pobj" and node.head.lower_ in self.occurrence_prepositions

    def _dates_other_event(self, doc: Doc, date: DateMention, trigger: Token) -> bool:
        """"On ratification of the Agreement ..., signed on March 13": that date is the signing's;
        "a statement made Wednesday", "said on Monday": that date is the report's."""
        span = doc.char_span(date.start, date.end, alignment_mode="expand")
        if span is None:
            return False
        node = span.root
        since = span.start > 0 and doc[span.start - 1].lower_ == "since" or span[0].lower_ == "since"
        if since and not (span.end + 1 < len(doc) and "when" in (doc[span.end].lower_, doc[span.end + 1].lower_)):
            return True  # "New Orleans, its sister city since 1994" (but "since 2016, when they signed ...")
        kind = self._kind_of(trigger)
        term = self.term_prepositions
        if kind in ("signing", "ratification") and (span[0].lower_ in term or span.start > 0 and doc[span.start - 1].lower_ in term):
            return True  # "signed a programme of cooperation until 2030": the term of the agreement
        if date.value and len(date.value) == 4 and self._in_agreement_named(node, trigger):
            return True  # "signed a cooperation plan of 2025", "the programme until 2030": the agreement's years
        for _ in range(_CLAUSE_LINKS):
            if node.head.i == node.i:
                return False
            if node != trigger and node.pos_ == "VERB" and node.dep_ in self.purpose_deps and trigger in node.ancestors \
                    and (node.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)) \
                    and self._kind_of(node) != kind:
                return True  # "signed a letter to set up an exchange starting in the spring": the purpose's date
            if node.dep_ == "relcl" and _takes_place(node, self.holding_lemmas) and trigger not in node.subtree \
                    and not _argument_of(node.head, trigger):
                return True  # "met X to discuss its congress, which will be held in November": the congress's date
            if node != trigger and _reduced_relative(node) and trigger not in node.subtree \
                    and not _takes_place(node, self.holding_lemmas) \
                    and node.lemma_.lower() not in _WORDS["group_participles"]:
                # but "the forum, organised on 6 May": the forum's day; and "received a delegation led by X on 17 June":
                # who the group is, no occurrence, so the day is the receiving's
                return True  # "signed an action plan under the agreement concluded in 2019": the concluding's date
            if node.dep_ == "relcl" and trigger not in node.subtree and node.head != trigger and not _takes_place(node, self.holding_lemmas) \
                    and node.head.ent_type_ != "PERSON" and node.head.lemma_.lower() not in self.received:
                return True  # "signed an agreement, which will admit its first students in October 2026"
            node = node.head
            if node != trigger and node.pos_ in ("NOUN", "PROPN") and kind is not None and self._kind_of(node) == kind:
                return True  # "The visit follows a trip to Daejeon last October": the trip's date
            # the date hangs on the trigger, or on the verb whose purpose it is ("will travel to Japan in
            # October to sign"), but a gathering attended keeps its own day ("travel Thursday to attend
            # the summit"); spaCy makes a new Token on each access: compare, never `is`
            if node == trigger or node == trigger.head and (self._kind_of(trigger) != "attendance" or self._at_that_time(trigger)) \
                    and node.lemma_.lower() not in self.reporting_words:  # "signed ..., the city said on Friday"
                return False
            if node.pos_ == "VERB" and self.verbs.get(node.lemma_.lower()) not in (None, kind) and not self._enacts(node) \
                    and not self._encloses(trigger, node) and not _fronted_for_both(span.end, node, trigger):
                return True
            if node.lemma_.lower() in self.reporting_words:
                return True  # "according to a statement made Wednesday": the day it was told
        return False

    def _at_that_time(self, verb: Token) -> bool:
        """"last visited the UAE in December 2023, when he attended the COP28 conference": a clause of "when" tells of
        the time its head's date names."""
        return verb.dep_ in ("advcl", "relcl") and any(c.dep_ == "advmod" and c.lower_ in self.time_sharing_adverbs
                                                       for c in verb.children)

    def _encloses(self, noun: Token, verb: Token) -> bool:
        """"The protocol was signed in Tashkent in March during the state visit": the occurrence named after
        "during" lasts while the verb's happens, so the verb's date is its date too."""
        return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj" and noun.head.lower_ in self.enclosing_prepositions \
            and noun.head.head == verb

    def _in_agreement_named(self, node: Token, trigger: Token) -> bool:
        """Whether a token lies in the phrase of what a trigger signs or ratifies (its object, or the subject
        of its passive): "signed the plan of events of the year 2025"."""
        return self._kind_of(trigger) in ("signing", "ratification") and \
            any(c.dep_ in ("dobj", "nsubjpass") and node in c.subtree for c in trigger.children)

    def _kind_of(self, trigger: Token) -> str | None:
        return self.verbs.get(trigger.lemma_.lower()) or self._noun_kind(trigger)

    def _noun_kind(self, noun: Token) -> str | None:
        """The event type a noun names, alone ("visit", "talks") or with the word before it ("courtesy call")."""
        for c in noun.children:
            if c.dep_ in ("compound", "amod") and c.i == noun.i - 1:
                kind = self.nouns.get(f"{c.lower_} {noun.lemma_.lower()}")
                if kind is not None:
                    return kind
        return self.nouns.get(noun.lower_) or self.nouns.get(noun.lemma_.lower())

    def _days_stayed(self, trigger: Token, day: str) -> str | None:
        """"ended a three-day visit to Almaty on Wednesday", "arrived on 5 May for a four-day visit": a visit told
        with its length and one day lasted that many days, ending on the day with a verb of ending or of coming back
        from it, else starting."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        for noun in (trigger, *(g for c in verb.children for g in (c, *c.children) if g.dep_ in ("dobj", "pobj"))):
            if self._noun_kind(noun) != "visit" or noun.pos_ not in ("NOUN", "PROPN"):
                continue
            for length in (c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() == "day"):
                count = next((day_count(n.text) for n in length.children if n.dep_ == "nummod" and day_count(n.text)), None)
                if count is None or count < 2:
                    continue
                # "ended a three-day visit", and "returned on Monday from a five-day trip": the trip is over that day
                ending = noun.head.lemma_.lower() in self.ending_lemmas or noun.head.lower_ == "from" \
                    and noun.head.head.lemma_.lower() in self.coming_lemmas
                first = shift_days(day, 1 - count) if ending else day
                last = day if ending else shift_days(day, count - 1)
                return f"{first}/{last}" if first and last else None
        return None

    def _plans_an_occurrence(self, noun: Token) -> bool:
        """"a plan for a visit by X", "an invitation to visit Osh": a plan noun whose "for" phrase or infinitive names
        an occurrence is that occurrence still to come, not an agreement."""
        if noun.lemma_.lower() not in self.plan_nouns:
            return False
        named = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "of") for g in c.children if g.dep_ == "pobj"]
        named += [c for c in noun.children if c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB"]
        return any(self._kind_of(g) is not None for g in named)

    def _received_someone(self, tok: Token) -> bool:
        """"received a delegation", "was welcomed by the mayor", "hosted Mayor X", "received and worked
        with the delegation"; not a count of people ("received 2.5 million visitors")."""
        if any(child.dep_ in ("nsubjpass", "agent") for child in tok.children):
            return True
        return any(g.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or self._names_people(g) and not self._a_crowd(g)
                   or _names_a_person(g) for g in _received(tok))

    def _names_people(self, noun: Token) -> bool:
        """"the delegation", "the consul general of Iran Reza Karimi": a word for people received, as the noun or a
        compound of it, or a person named in an "of" phrase of it."""
        if noun.lemma_.lower() in self.received or \
                any(c.dep_ == "compound" and c.lemma_.lower() in self.received for c in noun.children):
            return True
        return any(g.ent_type_ == "PERSON" for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj")

    def _a_crowd(self, noun: Token) -> bool:
        """"2.5 million foreign visitors", "thousands of guests": people counted, not met."""
        return any(c.dep_ in ("nummod", "quantmod", "compound") and (c.lower_ in self.crowd_numbers or
                                                                     c.like_num and c.text.replace(",", "").isdigit()
                                                                     and int(c.text.replace(",", "")) >= 100)
                   for c in noun.subtree if c.i < noun.i)

    def _noun_is_anchored(self, tok: Token) -> bool:
        """"paid a visit", "held a meeting", "on a two-day visit", "the signing ceremony was held", "held the first
        round of talks"."""
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in self.part_nouns and head.head.i != tok.i:
            return self._noun_is_anchored(head.head)
        if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.light_verbs:
            return True
        if tok.dep_ == "pobj" and head.lower_ in ("on", "for") and \
                head.head.lemma_.lower() in self.travel_lemmas:
            return True
        if tok.dep_ == "pobj" and head.lower_ == "from" and head.head.lemma_.lower() in self.coming_lemmas:
            return True  # "returned on Tuesday from a five-day visit to New Orleans"
        if tok.dep_ == "compound" and head.dep_ in ("nsubjpass", "nsubj") and _takes_place(head.head, self.holding_lemmas):
            return True
        if tok.dep_ in ("nsubjpass", "nsubj") and _takes_place(head, self.holding_lemmas):
            return True
        if tok.dep_ == "nsubjpass" and _verb_forms(head) & self.planned_governors:
            return True  # "The next session is set for September", "the visit is scheduled for May"
        if tok.lemma_.lower() == "participation" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return True  # "with the participation of delegations from 14 countries"
        # "Aktaş's planned visit to Tokyo", "the upcoming official visit": an occurrence of its own
        return any(c.dep_ == "poss" and c.ent_type_ in ("PERSON", "ORG", "GPE") or
                   c.dep_ == "amod" and c.lemma_.lower() in self.occasion_adjectives for c in tok.children)

    def _demonym_countries(self, sent: Span, token_entity: dict[int, EntityCluster]) -> list[str]:
        """"Kyrgyz-Tajik state border", "Turkmen – Afghan talks": the countries the adjectives name;
        not a lone adjective inside a name ("British Columbia", "Union of Turkish World Municipalities"),
        nor one glued to a word that names no state ("Ibero-American")."""
        out: list[str] = []
        table = self.demonyms
        words: list[list[Token]] = []  # words, with the parts of a hyphenated one together
        tokens = list(sent)
        for j, tok in enumerate(tokens):
            glued = j > 1 and tokens[j - 1].text in ("-", "–") and not tokens[j - 1].whitespace_ \
                and not tokens[j - 2].whitespace_
            if glued and words:
                words[-1].append(tok)
            elif tok.text not in ("-", "–") or not words:
                words.append([tok])
        for word in words:
            parts = [p for t in word for p in t.text.replace("–", "-").split("-") if p]
            if len(parts) < 2 and any(t.i in token_entity or t.ent_type_ in ("GPE", "LOC") for t in word):
                continue  # part of a name ("British Columbia"); a pair ("Uzbek-Turkmen Business Council") still names two states
            codes = [table.get(part.lower()) if part[:1].isupper() else None for part in parts]
            known = [c for c in codes if c is not None]
            if len(known) < len(codes):
                continue  # "Ibero-American" names no state
            out += [c for c in known if c not in out]
        return [n for n in (country_name(c) for c in out) if n]

    def _dated_by_other_kind(self, doc: Doc, sent: Span, trigger: Token, kind: str, events: list[EventMention],
                             made_here: dict[str, list[str | None]]) -> bool:
        """"The Jogorku Kenesh voted on Thursday to ratify the agreement signed with Kazakhstan": an agreement told as
        signed, with no date in its own phrase, takes the date another occurrence of its sentence took; that date is
        not the signing's."""
        if trigger.pos_ not in ("VERB", "AUX") or trigger.dep_ != "acl" or self._own_date(doc, trigger) is not None:
            return False
        near = self._date_near(doc, sent, trigger, events)
        return any(near in dates for other, dates in made_here.items() if other != kind)

    def _dated_apart(self, doc: Doc, sent: Span, trigger: Token, kind: str, events: list[EventMention]) -> bool:
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() == "day":
            return False  # "On the last day of the visit": a day inside the one told, never another
        date = self._date_near(doc, sent, trigger, events)
        previous = next((e for e in reversed(events) if e.type == kind), None)
        if date and previous is not None and previous.status == "occurred" and not _not_after(date, doc._.published) \
                and _framing_back_reference(trigger):
            return False  # "During the meeting they agreed to open a programme in 2026": the plan's year
        if date and previous is not None and previous.status == "planned" and long_before(date, doc._.published, 0):
            return True  # "will also visit the park. The visit follows a trip to Daejeon last October"
        return bool(date and (previous is None or previous.explicit_date and not dates_agree(previous.date, date)))

    @staticmethod
    def _fold_back_reference(events: list[EventMention], kind: str, participants: list[EntityCluster], sent: Span,
                             date: str | None, published: str | None = None, narrows: bool = False,
                             status: str | None = None) -> None:
        """"The visit, held on 9 June 2022, centred on ...": a later mention adds its people, and its
        date when the first report gave none. A date after publication in that sentence ("During the
        meeting they agreed to open a programme in 2026") is what was planned there, not the day of
        what already happened. A date of the back-reference's own phrase inside the told one narrows it
        ("will travel to Almaty next month. During the four-day visit, from 14 to 17 July, ..."). Of the told ones, the
        latest of the mention's own status ("They will meet in Osh in May. Before the talks, the governor toured ..."
        refers to the talks held, not to those planned)."""
        told = [e for e in events if e.type == kind]
        told = [e for e in told if e.status == status] or told
        for other in reversed(told):
            if other.type == kind:
                other.participants += [p for p in participants if p not in other.participants]
                other.sentences.append(sent)
                if date and other.status == "occurred" and not _not_after(date, published):
                    return
                if date and (not other.explicit_date or narrows and date != other.date and within(date, other.date)):
                    _redate(events, other, date, sent.start)
                return

    @staticmethod
    def _inherit_parties(events: list[EventMention], event: EventMention) -> None:
        """"The document was signed in Tashkent": the parties are those of the agreement already named."""
        for other in reversed(events):
            if other.type in ("signing", "ratification"):
                event.participants += [p for p in other.participants if p not in event.participants]
                event.extra += [x for x in other.extra if x not in event.extra]
                return

    def _is_planned(self, trigger: Token, lowered: str) -> bool:
        for child in trigger.children:
            if child.lower_ in self.planned_markers and child.dep_ == "aux" or \
                    child.dep_ == "aux" and self._reported_future(trigger, child):
                return True
            # headline style: "Erdoğan to attend summit in Astana"; "the memorandum is to be signed in May",
            # "the sides are to sign it during the visit": what is arranged to happen ("the decision was to
            # ratify it" tells what was done)
            if child.lower_ == "to" and child.dep_ == "aux" and \
                    (trigger.dep_ == "ROOT" or trigger.head.pos_ in ("NOUN", "PROPN")
                     or trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() == "be" and trigger.head.tag_ in ("VBZ", "VBP")):
                return True
        if trigger.pos_ in ("NOUN", "PROPN"):
            planned_by = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
            if trigger.dep_ in ("pobj", "compound") and self._plans_an_occurrence(planned_by):
                return True  # "approved a plan for a visit by a trade mission in October"
            # "... will consist of work sessions followed by the signing of a memorandum"
            for verb in trigger.ancestors:
                if verb.pos_ in ("VERB", "AUX") and \
                        any(c.lower_ in self.planned_markers and c.dep_ == "aux" for c in verb.children):
                    return True
        node = trigger
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in self.part_nouns:
            node = trigger.head.head  # "agreed to hold the next round of talks": the round is what is planned
        for _ in range(3):
            if node.dep_ in ("xcomp", "ccomp", "advcl", "acl", "pobj", "dobj", "nsubjpass", "nsubj") and \
                    _verb_forms(node.head) & self.planned_governors:
                # "planned to be signed", "expected to hold bilateral meetings"
                if _verb_forms(node.head) & self.wish_governors and \
                        node.dep_ not in ("xcomp",):
                    break
                return True
            if any(c.lower_ in self.planned_markers and c.dep_ == "aux" for c in node.head.children) and \
                    node.dep_ in ("xcomp", "conj", "dobj", "advcl"):
                return True  # "will travel to Astana to attend the summit"
            if node.head.i == node.i:
                break
            node = node.head
        window = lowered
        return any(p in window for p in self.near_future_phrases) and \
            trigger.tag_ not in ("VBD", "VBN")

    def _date_near(self, doc: Doc, sent: Span, trigger: Token, events: list[EventMention]) -> str | None:
        dates: list[DateMention] = doc._.dates or []
        text = _text(doc)
        inside = [d for d in dates_between(dates, sent.start_char, sent.end_char) if d.value
                  and not (d.relative and in_quote(text, d.start))]
        inside = [d for d in inside if not _is_dateline(text, d) and not self._dates_other_event(doc, d, trigger)]
        if not inside:
            return self._ordinal_day(sent, events)
        # a date in the trigger's own phrase ("signed ... on 3 May") before the nearest one
        anchor = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        lo, hi = anchor.left_edge.idx, anchor.right_edge.idx + len(anchor.right_edge)
        own = [d for d in inside if lo <= d.start < hi]
        pos = trigger.idx
        nearest = min(own or inside, key=lambda d: (abs(d.start - pos) if d.start >= pos else abs(d.end - pos) + 10))
        # "This year's first visit is fixed: a group will be in Ravenna from 10 to 13 April": the days narrow the year
        finer = [d for d in inside if d.value and len(nearest.value or "") < 10 <= len(d.value.split("/")[0])
                 and within(d.value, nearest.value)]
        return (finer[0] if finer else nearest).value

    def _gatherings_attended(self, trigger: Token) -> list[str]:
        """"attended the summit", "took part in the forum", "the delegation to the congress"."""
        out = []
        for child in trigger.children:
            objects = [child] if child.dep_ == "dobj" else \
                [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
            out += [o.lemma_.lower() if o.lemma_.lower() in self.gatherings else o.lower_ for o in objects
                    if o.lemma_.lower() in self.gatherings or self.nouns.get(o.lower_) == "meeting"]  # "the talks"
        return out

    def _date_gatherings(self, doc: Doc, sent: Span, events: list[EventMention]) -> None:
        """"During the summit on Friday, ...": a later sentence dates the gathering an undated
        attendance went to."""
        waiting = {g: e for e in events if e.type == "attendance" and not e.explicit_date for g in e.gatherings}
        if not waiting:
            return
        for date in dates_between(doc._.dates or [], sent.start_char, sent.end_char):
            if not date.value:
                continue
            span = doc.char_span(date.start, date.end, alignment_mode="expand")
            if span is None:
                continue
            for noun in list(span.root.ancestors)[:3]:
                event = waiting.get(noun.lemma_.lower())
                if event is not None and noun.pos_ == "NOUN":
                    event.date, event.explicit_date, event.date_sentence = date.value, True, sent.start
                    event.sentences.append(sent)
                    return

    def _same_day(self, sent: Span, kind: str, events: list[EventMention]) -> str | None:
        """"On the same day, ...": the day of the occurrence told before (of the same type when there
        is one), not the last date written, which may belong to something else."""
        if self.same_day.search(sent.text) is None or not events:
            return None
        previous = next((e for e in reversed(events) if e.type == kind), events[-1])
        return previous.date

    def _ordinal_day(self, sent: Span, events: list[EventMention]) -> str | None:
        """"On the second day (of the visit), the mayors signed ...": a day counted within the latest
        dated multi-day occurrence told before ("a three-day visit on 4-6 May"), when it falls inside it."""
        match = self.ordinal_day.search(sent.text)
        base = next((e.stay or e.date for e in reversed(events) if e.explicit_date and e.date and "/" in (e.stay or e.date)), None)
        if match is None or base is None:
            return None
        first, last = base.split("/")
        offset = self.ordinal_days[match.group(1).lower()]
        day = last if offset < 0 else shift_days(first, offset)
        return day if day is not None and len(last) == len(day) and day <= last else None

    @staticmethod
    def _place(sent: Span, token_entity: dict[int, EntityCluster], trigger: Token | None = None) -> EntityCluster | None:
        """Where it happened: the place visited ("visited Batumi"), else the place after "in"/"at"."""
        if trigger is not None and trigger.lemma_.lower() == "visit":
            for child in trigger.children:
                if child.dep_ == "dobj":
                    cluster = token_entity.get(child.i)
                    if cluster is not None and cluster.type == "place":
                        return cluster
        for tok in span_tokens(sent):
            if tok.lower_ in _WORDS["venue_prepositions"] and tok.i + 1 < sent.end:
                nxt = tok.i + 1
                if sent.doc[nxt].lower_ == "the":
                    nxt += 1
                cluster = token_entity.get(nxt)
                if cluster is not None and cluster.type == "place":
                    return cluster
        return None

    @staticmethod
    def _add(events: list[EventMention], event: EventMention) -> None:
        """Fold a report into an earlier one of the same occurrence, or keep it as new.

        Same type and status and a shared participant make one occurrence when their dates
        agree or one of the two reports gives no date of its own (a lead sentence that
        summarises what later sentences date)."""
        if event.separate:
            events.append(event)  # "In a separate ceremony, the ports signed ...": not one told before
            return
        for other in events:
            if other.type != event.type or other.status != event.status:
                continue
            dated_apart = event.explicit_date and other.explicit_date and not dates_agree(event.date, other.date)
            if dated_apart or not _same_parties(other, event) or _other_counterparts(other, event):
                continue
            if not other.explicit_date and event.explicit_date and (event.earlier or not _summarises(other, event)):
                continue  # "Bursa and Batumi signed a protocol. ... In 2019 Bursa and Batumi had signed a memorandum"
            if not other.explicit_date and event.explicit_date and _background_to(event, other) or \
                    other.explicit_date and not event.explicit_date and _background_to(other, event):
                continue  # "Following the talks, the sides signed a roadmap. ... In 2004 they signed their first agreement"
            if not other.explicit_date and event.explicit_date or \
                    other.explicit_date and event.explicit_date and event.date != other.date and within(event.date, other.date):
                _redate(events, other, event.date, event.date_sentence)  # "visited last week. The visit took place on 1-2 July"
            elif other.date is None or other.publication_guess and event.date and not event.publication_guess:
                # an undated headline takes the date the story gives the body's report ("Kazan and Tabriz sign
                # memorandum" over "They met on Tuesday. ... The mayors signed a memorandum")
                other.date, other.publication_guess = event.date, event.publication_guess
            other.participants += [p for p in event.participants if p not in other.participants]
            other.extra += [x for x in event.extra if x not in other.extra]
            other.companions += [p for p in event.companions if p not in other.companions]
            other.gatherings += [g for g in event.gatherings if g not in other.gatherings]
            other.sentences.append(event.sentences[0])
            other.place = other.place or event.place
            other.stay = other.stay or event.stay
            if event.agreement == "sister_city":
                other.agreement = "sister_city"
            return
        events.append(event)


#: How many links up the dependency tree a date's phrase is followed to find what it dates: enough to climb out of
#: a preposition, its noun and a relative clause to the verb it hangs on ("agreements which were reached at the end
#: of last month": six), not so many as to reach the verb of the sentence's other clause.
_CLAUSE_LINKS = 6

_DATELINE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'-]+(?:,\s*[A-Z][A-Za-z .'-]+)?,\s*$")


def _is_dateline(text: str, date: DateMention) -> bool:
    """"ISTANBUL, 4 May 2023 —": the day the story was filed, not of what it reports."""
    return bool(_DATELINE.search(text[max(0, date.start - 60) : date.start]))


def _refers_to_someone_told(doc: Doc, trigger: Token) -> bool:
    """Whether an event that names nobody is done by someone already told of: a pronoun or a definite
    description as its subject or owner ("He toured", "the delegation visited", "their visit"), outside
    quoted speech ("my first visit", said a speaker, is not the previous event's)."""
    if in_quote(_text(doc), trigger.idx):
        return False
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    holders = [c for c in trigger.children if c.dep_ == "poss"]
    for _ in range(2):  # "The mayor, welcoming the guests, noted": the subject of the clause it hangs on
        if verb is None:
            break
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        if not subjects and verb.dep_ == "acl":
            subjects = [verb.head]  # "the mayor, welcoming the guests, ..."
        holders += subjects
        verb = verb.head if not subjects and verb.dep_ in ("advcl", "xcomp", "conj") else None
    for holder in holders:
        if holder.dep_ == "agent":
            holder = next((g for g in holder.children if g.dep_ == "pobj"), holder)
        if holder.tag_ in ("PRP", "PRP$"):
            return True
        if any(d.dep_ == "det" and d.lower_ in ("the", "this", "these", "that") for d in holder.children):
            return True
    return False


def _done_by_those_told(doc: Doc, trigger: Token, token_entity: dict[int, EntityCluster]) -> bool:
    """"They met the rector", "the sides held talks with X", "the guests toured the plant": the doers are told by a
    pronoun or a definite description that names no one, so they are those of the story so far."""
    if not _refers_to_someone_told(doc, trigger):
        return False
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
    return bool(subjects) and not any(t.i in token_entity or t.ent_type_ in ("PERSON", "ORG", "GPE")
                                      for s in subjects for t in s.subtree)


def _done_by_a_pronoun(doc: Doc, trigger: Token) -> bool:
    """"he met ...", "she visited ...": a verb whose subject is a personal pronoun in the singular, outside quotes."""
    if trigger.pos_ not in ("VERB", "AUX") or in_quote(_text(doc), trigger.idx):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in trigger.children)


def _background_to(dated: EventMention, undated: EventMention) -> bool:
    """Whether a dated report is background to an undated one that took the story's own time: dated long
    before publication, while the undated one carries a recent date."""
    published = dated.sentences[0].doc._.published
    return undated.date is not None and long_before(dated.date, published, _BACKGROUND_DAYS) \
        and not long_before(undated.date, published, _BACKGROUND_DAYS)


def _summarises(undated: EventMention, dated: EventMention) -> bool:
    """Whether an undated report and a later dated one tell one occurrence: the undated one is the
    headline or lead that later sentences date, or the dated one refers back to what was told
    ("The protocol was signed on 14 June", "the visit took place on ...")."""
    first = undated.sentences[0]
    if first.start == 0 or first.start == next(iter(first.doc.sents)).end:
        return True  # the headline, or the sentence after it
    trigger = dated.trigger
    if trigger is None:
        return False
    nouns = [trigger] if trigger.pos_ in ("NOUN", "PROPN") else \
        [c for c in trigger.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
    return any(d.dep_ in ("det", "poss") and d.lower_ in ("the", "this", "that", "its", "their") for n in nouns
               for d in n.children)


def _other_counterparts(a: EventMention, b: EventMention) -> bool:
    """"Vassilenko received Ambassador Varga. The same day, Vassilenko met Ambassador Rossi": two
    meetings of one host, each with someone the other report does not name, are two meetings."""
    if a.type != "meeting" or b.type != "meeting":
        return False
    people_a = {id(p) for p in a.participants if p.type == "person"}
    people_b = {id(p) for p in b.participants if p.type == "person"}
    return bool(people_a & people_b) and bool(people_a - people_b) and bool(people_b - people_a)


def _plan_without_time(event: EventMention, published: str | None) -> bool:
    """A plan a dated article gives no time for ("will take part in a second phase", "hoped to sign a friendship
    agreement", "students will spend a year in Tomsk"): mostly an intention or a habit, rarely a scheduled occurrence.
    An undated article dates nothing, so there a plan without a time is kept."""
    return event.status == "planned" and event.date is None and published is not None


def _join_the_occasion(events: list[EventMention]) -> None:
    """What a story tells after a visit, on the visit's days ("On 3 May the delegation arrived in Varaždin. During the
    visit the two cities signed ...", "The guests were received by the prefect"), is done on that visit: its visitors and
    the place visited take part too, beside whom the later sentence names. Listed as companions, so that two reports are
    never taken for one occurrence by them. What the sentence places in another town or state ("On the same day, Riga
    and Vilnius signed a memorandum in Vilnius") happened elsewhere, off the visit."""
    for k, event in enumerate(events):
        start = event.sentences[0].start
        trip = next((e for e in reversed(events[:k]) if e.type == "visit" and e.sentences[0].start < start), None)
        if trip is None or trip.status != event.status or trip.earlier or event.earlier or event.separate \
                or not dates_agree(event.date, trip.date) or trip.date is None and event.date is not None \
                or _elsewhere(event.place, trip.place):
            continue
        event.companions += [p for p in trip.everyone() if p not in event.participants and p not in event.companions]


def _elsewhere(place: EntityCluster | None, visited: EntityCluster | None) -> bool:
    """Whether an occurrence's place is not the place visited nor in it: another state, or another town when a town
    was visited (a town of the visited state, or the state itself, may be where the visit went)."""
    if place is None or visited is None or place is visited or place.place is None or visited.place is None:
        return False
    here, there = place.place, visited.place
    if here.country and there.country and here.country != there.country:
        return True
    return here.kind in _TOWN_KINDS and there.kind in _TOWN_KINDS


def _one_side_of_a_trip(event: EventMention) -> bool:
    """A visit that names one party and no place ("He said the trip would be paid for by a grant", "the guests toured the
    Digital Library"): who went where is not told, so there is no visit to report, only a word for one."""
    return event.type == "visit" and not event.extra and len(event.participants) == 1 and event.participants[0].type != "place" \
        and event.place is None


def _same_series(nouns: list[Token], met: EventMention | None) -> bool:
    """"The fifth meeting of the commission was held ... The sixth meeting of the commission will ...": the body a
    numbered meeting is "of" is named the same way in the sentences of the meeting `met`."""
    series = {g.lemma_.lower() for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" and g not in nouns}
    return bool(series) and met is not None and any(
        t.lemma_.lower() in series and t.dep_ == "pobj" and t.head.lower_ == "of" for s in met.sentences for t in s)


def _trip_planned(events: list[EventMention], named: list[EntityCluster | None], on_trip: bool) -> str | None:
    """The days of the trip the story plans last, when the plans told after it lie in its days: what is planned
    next with no date of its own ("will hold talks", "are expected to sign during the trip") is done on that trip,
    when told "there" or "during the visit" (`on_trip`), or when it `named` someone or somewhere of the trip or of
    the plans made on it (not "Separately, the mayors of Osh and Debrecen plan to sign ...")."""
    planned = [e for e in events if e.status == "planned"]
    trip = next((e for e in reversed(planned) if e.type == "visit" and e.explicit_date), None)
    if trip is None or any(e.date is not None and not within(e.date, trip.date) for e in planned[planned.index(trip) + 1 :]):
        return None
    on_it = planned[planned.index(trip):]
    told = {id(p) for e in on_it for p in (*e.participants, e.place) if p is not None}
    return trip.date if on_trip or any(p is not None and id(p) in told for p in named) else None


def _redate(events: list[EventMention], event: EventMention, date: str | None, sentence: int | None) -> None:
    """A later sentence dates an occurrence told undated, and what its sentence told with it ("The mayor
    received a delegation from Bursa. The meeting was held on 10 May": the visit too)."""
    told = event.sentences[0].start
    for other in events:
        if other is event or other.sentences[0].start == told and not other.explicit_date:
            other.date, other.explicit_date, other.date_sentence, other.publication_guess = date, True, sentence, False


def _framing_back_reference(noun: Token) -> bool:
    """"During the meeting, ...", "At this meeting, ...", "At the end of the meeting, ...": a definite noun
    framing the sentence, or a part of it that does, tells again what was told before."""
    if noun.dep_ != "pobj" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return False
    if noun.head.lower_ in _WORDS["framing_prepositions"]:
        return True
    part = noun.head.head if noun.head.lower_ == "of" else None
    return part is not None and part.dep_ == "pobj" and part.lemma_.lower() in _WORDS["frame_part_nouns"] \
        and part.head.lower_ in _WORDS["frame_part_prepositions"]


def _dated_in_frame(doc: Doc, noun: Token, value: str) -> bool:
    """"During the four-day visit, from 14 to 17 July, ...": a date set off right after the phrase that
    frames the sentence by a told occurrence is that occurrence's."""
    if not _framing_back_reference(noun):
        return False
    after = noun.head.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return False
    start = doc[after + 1].idx
    return any(d.value == value and start <= d.start <= start + len("from ") for d in doc._.dates or [])


def _of_a_named_body(noun: Token) -> bool:
    """"session of the Intergovernmental Commission", "sitting of the Joint Council": an "of" phrase naming a body."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and
               any(g.dep_ == "pobj" and (g.ent_type_ == "ORG" or g.pos_ == "PROPN") for g in c.children)
               for c in noun.children)


def _fronted_for_both(date_end: int, verb: Token, trigger: Token) -> bool:
    """"On Thursday, the guests toured the plant and held talks with the chamber": a date told before the first of two
    joined verbs dates what both tell (but "toured the plant on Thursday and held talks" dates the tour only)."""
    joined = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return joined.dep_ == "conj" and joined.head == verb and date_end <= verb.i


_BODIES_KEY = "amity.events.bodies"


def _add_signatories_bodies(doc: Doc, event: EventMention) -> None:
    """A person who signs, signs for the place or body of the office the article gives them ("Rector of Kazan Federal
    University Lenar Safin ... Safin and Alavi signed a memorandum"): those are the parties, after the people."""
    bodies = doc.user_data.get(_BODIES_KEY)
    if not isinstance(bodies, dict):
        bodies = doc.user_data[_BODIES_KEY] = {fold(name): c for c in doc._.entities or [] if c.type != "person"
                                               for name in c.names}
    for person in [p for p in event.participants if p.type == "person"]:
        for _, of in person.roles:
            body = bodies.get(fold(of)) if of else None
            if body is not None and body not in event.participants:
                event.participants.append(body)


def _reduced_relative(verb: Token) -> bool:
    """"the agreement concluded in 2019", "a programme adopted last year": a past participle with no subject nor
    auxiliary right after the noun it tells of (which the parser may hang on the main verb, tagged as a past tense)."""
    return verb.tag_ in ("VBN", "VBD") and verb.i > 0 and (verb.dep_ == "acl" or verb.dep_ == "advcl" and verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN")) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _argument_of(noun: Token, trigger: Token) -> bool:
    """Whether a noun is the trigger itself or what it takes directly ("attended the forum, which was
    held on 5 May": the forum's date is the attendance's)."""
    if noun == trigger:
        return True
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    # "led the delegation to the forum, which was held on 6 June": the verb that carries the trigger noun takes it
    return head == trigger or trigger.dep_ == "dobj" and head == trigger.head


def _verb_forms(verb: Token) -> set[str]:
    """The lemma spaCy gives a verb and the base forms its past or third-person ending leaves
    ("hoped" → "hope", which the lemmatiser may read as "hop")."""
    word = verb.lower_
    forms = {verb.lemma_.lower(), word}
    for ending in ("ed", "d", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)])
    return forms


def _without_headline_repeats(events: list[EventMention]) -> list[EventMention]:
    """A headline tells the story's event in short ("Mayor to travel to Japan in October"), often
    naming its parties by an adjective or not at all: an event of the headline line is the body's
    event of the same type and status when the body tells one such event (or, of several, the first
    that shares a party with it) and the dates do not disagree. Its people join the body's report,
    which keeps its own date. A first line that ends
    with a full stop is the story's first sentence, not a headline."""
    out = list(events)
    for event in events:
        first = event.sentences[0]
        doc = first.doc
        last = doc[first.end - 1]
        if first.start != 0 or len(event.sentences) > 1 or "\n" not in last.whitespace_ + last.text \
                or (last.text.strip() or doc[first.end - 2].text) == ".":
            continue
        body = [e for e in out if e is not event and e.type == event.type and e.status == event.status
                and e.sentences[0].start != 0 and (not event.explicit_date or dates_agree(e.date, event.date))]
        if len(body) > 1:  # several such events in the body: the one the headline names a party of
            body = [e for e in body if e.keys() & event.keys()][:1]
        if len(body) != 1:
            continue
        told = body[0]
        told.participants += [p for p in event.participants if p not in told.participants]
        told.extra += [x for x in event.extra if x not in told.extra]
        if not told.explicit_date and event.explicit_date:
            told.date = event.date
        out.remove(event)
    return out


def _a_year_later(value: str) -> str:
    """The same month or days a year on: a plan told with a month that has passed this year is for next year's."""
    return "/".join(f"{int(part[:4]) + 1:04d}{part[4:]}" for part in value.split("/"))


def dates_agree(a: str | None, b: str | None) -> bool:
    """Whether two dates can be of one occurrence: equal, or one inside the other ("a field visit on 30-31
    May" and "on 30 May ... in the framework of the field trip"; "visited last week" and "the visit took
    place on 1-2 July"; "will travel next month" and "from 14 to 17 July")."""
    if a == b:
        return True
    if not a or not b:
        return False
    return within(a, b) or within(b, a)


#: A date that ended this many days before publication is background to the story ("In 2004 they
#: signed their first agreement"): later undated sentences do not take it.
_BACKGROUND_DAYS = 60


#: A date that ended this many days before the latest day the story has told is a look back ("the agreements reached
#: when the presidents met in August", in a story of a meeting held on 14 October): the story's time stays where it was.
_FLASHBACK_DAYS = 14


def _flashback(value: str | None, story: str | None) -> bool:
    """Whether `value` ended long before the last day of `story`, the story's latest day told (when that is a day)."""
    return story is not None and long_before(value, story.split("/")[-1], _FLASHBACK_DAYS)


def _opens_the_sentence(sent: Span, mention: DateMention) -> bool:
    """"On 1 October, the mayors signed ...": a day (not a month or year) leading the main clause, before its verb,
    sets the story's time; one in a clause of its own ("when they met in August") only looks back."""
    if mention.value is None or len(mention.value.split("/")[0]) != 10:
        return False
    token = next((t for t in span_tokens(sent) if t.idx >= mention.start), None)
    if token is None or token.i >= sent.root.i:
        return False
    return not any(t.dep_ in _CLAUSE_DEPS for t in (token, *token.ancestors) if t is not sent.root)


#: Gazetteer kinds of a town: one town visited is not another town of its state.
_TOWN_KINDS = frozenset({"city", "district"})

#: Dependencies that open a clause of their own below the main one.
_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "xcomp", "pcomp", "csubj", "parataxis", "conj"})


def _story_date(events: list[EventMention], last_date: str | None, current_date: str | None,
                published: str | None, told_only: bool = False) -> str | None:
    """The date an undated report of what happened takes from the story told so far ("Following the
    talks, the sides signed a roadmap"): the story's own time, that is the latest dated occurrence
    that is not background, narrowed by a later date inside it ("a two-day visit on 5-6 May. On the
    second day, ... In the afternoon, they signed"); background paragraphs ("In 2005 they signed
    their first agreement") do not move it. With no such date, the latest date told (unless `told_only`),
    else None; never one after publication."""
    told = [e.date for e in reversed(events) if e.explicit_date and _not_after(e.date, published)]
    latest = max((d for d in told if not long_before(d, published, _BACKGROUND_DAYS)), key=lambda d: d.split("/")[-1],
                 default=None)
    recent = next((d for d in told if not long_before(d, published, _BACKGROUND_DAYS) and not _flashback(d, latest)), None)
    if recent is not None:
        return current_date if current_date is not None and within(current_date, recent) else recent
    if current_date is not None or told_only:
        return current_date
    return next(iter(told), None) or (last_date if _not_after(last_date, published) else None)


def _relative_clause(token: Token) -> Token | None:
    """The verb of the relative or participial clause a token lies in ("Kazan and Tabriz, which signed their
    first agreement in 2012, ..."), if any."""
    for node in (token, *token.ancestors):
        if node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _beside_relative_clauses(trigger: Token, earlier: list[Token]) -> bool:
    """"Kazan and Tabriz, which signed their first agreement in 2012, signed a memorandum on tourism": the main
    clause's trigger tells an occurrence of its own beside those told in relative clauses it is not part of."""
    if _relative_clause(trigger) is not None:
        return False
    clauses = [_relative_clause(t) for t in earlier]
    return all(c is not None and trigger not in c.subtree for c in clauses)


def _first_story_day_after(doc: Doc, offset: int) -> str | None:
    """The first day (or span of days) the story tells after `offset` that is its own time: not after publication,
    not background, not before the story, not the dateline's nor a speaker's. An occurrence the headline or lead
    tells undated, before any date, most likely happened then, rather than on the day of publication."""
    published = doc._.published
    text = _text(doc)
    dates: list[DateMention] = doc._.dates or []
    for mention in dates_between(dates, offset, len(text)):
        value = mention.value
        if value is None or len(value.split("/")[0]) != 10 or mention.before_story or not _not_after(value, published) \
                or long_before(value, published, _BACKGROUND_DAYS) or _is_dateline(text, mention) \
                or in_quote(text, mention.start):
            continue
        return value
    return None


def _not_after(value: str | None, published: str | None) -> bool:
    """Whether a date (or the start of a span) is not later than the publication date."""
    return bool(value) and (published is None or str(value).split("/")[0] <= str(published)[: len(str(value).split("/")[0])])


_PLACE_TOKENS_KEY = "amity.events.place_tokens"


def _place_tokens(doc: Doc) -> set[int]:
    """Positions of the tokens the place finder read, found once per doc (the place mentions are
    final before events are looked for)."""
    cached = doc.user_data.get(_PLACE_TOKENS_KEY)
    if isinstance(cached, set):
        return cached
    out = doc.user_data[_PLACE_TOKENS_KEY] = {k for m in doc._.place_mentions or [] for k in range(m.start, m.end)}
    return out


def _named_by_a_place(noun: Token, delegation_nouns: frozenset[str]) -> bool:
    """"hosted a Freiburg delegation", "the delegation of Savannakhet Province": people named by the place
    they come from."""
    places = _place_tokens(noun.doc)
    return noun.lemma_.lower() in delegation_nouns and \
        any(c.dep_ in ("compound", "amod") and c.i in places or
            c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.i in places for g in c.children)
            for c in noun.children)


_PERSON_TOKENS_KEY = "amity.events.person_tokens"


def _names_a_person(noun: Token) -> bool:
    """"received Rector of the University of Debrecen Gabor Kovacs": a name, or an office written as a name, whose
    phrase holds a person the entity finder read (where spaCy tagged the office or the name as no person)."""
    people = noun.doc.user_data.get(_PERSON_TOKENS_KEY)
    if not isinstance(people, set):
        people = noun.doc.user_data[_PERSON_TOKENS_KEY] = {
            k for c in noun.doc._.entities or [] if c.type == "person" for m in c.mentions for k in range(m.start, m.end)}
    return (noun.i in people or noun.pos_ == "PROPN") and any(t.i in people for t in _own_phrase(noun))


def _own_phrase(noun: Token) -> Iterator[Token]:
    """The noun and what names or describes it: its "of" phrases ("Rector of the University of X Y Z"), not one told by
    another preposition ("the Order of Friendship from President X": a thing received from someone)."""
    yield noun
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ == "of":
            yield from _own_phrase(child)


def _received(verb: Token) -> list[Token]:
    """Who a verb of receiving takes: its object, or the one of the verb it is joined to ("received and
    worked with the delegation")."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    if not out:
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            out += [c for c in conj.children if c.dep_ == "dobj"]
            out += [g for c in conj.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    return out


def _from_a_place(token: Token) -> bool:
    """"teachers from Daegu", "welcomed ... from Shymkent": a "from" phrase naming a place (one spaCy
    tags as such, or one the place finder read where spaCy saw a person: "from Besançon")."""
    places = _place_tokens(token.doc)
    return any(prep.dep_ == "prep" and prep.lower_ == "from" and
               any(g.ent_type_ in ("GPE", "LOC", "ORG") or g.i in places for g in prep.subtree if g.i != prep.i)
               for prep in token.children)


def _headline_progressive(sent: Span, trigger: Token) -> bool:
    """"Ueda delegation visiting Peoria": a headline in the progressive tells of something under
    way or coming, so the publication day is not its date; the body's report dates it."""
    doc = sent.doc
    headline = sent.start == 0 and "\n" in doc[sent.end - 1].whitespace_ + doc[sent.end - 1].text
    return headline and trigger.tag_ == "VBG" and not any(c.dep_ == "aux" for c in trigger.children)


def _takes_place(verb: Token, holding_lemmas: frozenset[str]) -> bool:
    """"was held", "was organised", "took place" (but not "took part")."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return lemma in holding_lemmas


def _signed_by_no_one_named(verb: Token) -> bool:
    """"A programme was signed", "a memorandum was signed to hold fairs": a passive with no agent, whose signatories
    are those the story has just told of."""
    return verb.pos_ in ("VERB", "AUX") and _passive(verb) and not any(c.dep_ == "agent" for c in verb.children)


def _passive(token: Token) -> bool:
    """"was attended by": a verb with an agent or a passive subject."""
    return any(c.dep_ in ("agent", "nsubjpass", "auxpass") for c in token.children)


_TEXT_KEY = "amity.events.text"


def _text(doc: Doc) -> str:
    """The doc's text, joined once: `doc.text` joins every token anew on each access, and events
    read it once per trigger, noun and date."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def in_quote(text: str, offset: int) -> bool:
    """Whether an offset lies inside quoted speech in its paragraph: a speaker's "today" is the
    day they spoke, which need not be the day of publication."""
    start = text.rfind("\n", 0, offset) + 1
    before = text[start:offset]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def _same_parties(a: EventMention, b: EventMention) -> bool:
    """Whether two reports can be of one occurrence. For agreements the towns and bodies of
    one report must be among those of the other: Üsküdar–Turkistan and Zeytinburnu–Turkistan
    are two signings, and so are two agreements signed by different bodies of two states."""
    if a.type in ("signing", "ratification"):
        states_a, states_b = _state_keys(a), _state_keys(b)
        if states_a and states_b and not (states_a <= states_b or states_b <= states_a):
            return False  # an agreement with Georgia and one between Azerbaijan and Hungary
        local_a, local_b = _local_keys(a), _local_keys(b)
        if local_a and local_b:
            # one agreement: the parties of one report are among those of the other
            return local_a <= local_b or local_b <= local_a
    return bool(a.keys() & b.keys())


def _local_keys(event: EventMention) -> set[str]:
    """The towns and bodies taking part, people standing for the place or body they hold office in
    ("Mayor Turashbekov" for Turkistan); states are left out."""
    out: set[str] = set()
    for p in event.participants:
        if p is event.place or p.type == "place" and p.place is not None and p.place.kind == "country":
            continue
        party = _party_keys(p, event.sentences)
        if p.type == "person":
            out.update(party.offices)
            continue
        out.update(party.towns or {party.name})
    return out


_PARTY_KEYS = "amity.events.party_keys"


class _PartyKeys(NamedTuple):
    name: str
    towns: tuple[str, ...]
    #: For a person: the places and bodies of their offices.
    offices: tuple[str, ...]


def _told_just_before(told: EventMention, trigger: Token) -> bool:
    """Whether `told` was told in the trigger's sentence or the one before it."""
    start = trigger.sent.start
    previous = trigger.doc[start - 1].sent.start if start > 0 else start
    return any(s.end > previous for s in told.sentences)


def _party_keys(cluster: EntityCluster, sentences: list[Span]) -> _PartyKeys:
    """A participant's folded name, the folded towns of its mentions and a person's offices, worked out once per
    doc (its mentions are final once events are read): reports are compared pairwise, and reading every mention
    anew on each comparison made long articles quadratic."""
    memo: dict[int, tuple[EntityCluster, _PartyKeys]] = \
        sentences[0].doc.user_data.setdefault(_PARTY_KEYS, {}) if sentences else {}
    found = memo.get(id(cluster))
    if found is None or found[0] is not cluster:
        offices = tuple({fold(of): None for _, of in cluster.roles if of}) if cluster.type == "person" else ()
        found = memo[id(cluster)] = (cluster, _PartyKeys(fold(cluster.name), tuple(
            {fold(m.town): None for m in cluster.mentions if m.town}), offices))
    return found[1]


def _state_keys(event: EventMention) -> set[str]:
    """The states taking part, named or by adjective."""
    out = {fold(x) for x in event.extra}
    out.update(fold(p.name) for p in event.participants
               if p.type == "place" and p.place is not None and p.place.kind == "country")
    return out


def _has_two_parties(event: EventMention) -> bool:
    countries = [p for p in event.participants if p.type == "place" and p.place is not None and p.place.kind == "country"]
    return len(_local_keys(event)) + len(countries) + len(event.extra) >= 2


