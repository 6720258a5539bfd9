"""One article's facts in and out of the registry.

`write` adds what a record says (entities, offices, event reports, tie
stages) to the shared entities, events and ties; `forget` removes an
article and its facts, remembering what they touched; `tidy` then
re-summarises the events and ties touched and drops whatever no article
speaks of any more. A corrected article is `forget` + `write` + `tidy` in
one transaction.

Every transaction that merges into the shared entities, events and ties
begins with `take_merge_lock`, so that concurrent writers (two `amity
ingest` runs, web workers, a bulk merge) each see what the others stored.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import delete, exists, literal, select, text, union_all
from sqlalchemy.orm import Session

from amity.model import Evidence, Record, Role
from amity.registry import event_rules, tie_rules
from amity.registry.entities import ArticleEntities, Group, Known, group_entities
from amity.store import pending
from amity.store.schema import (
    ArticleRow,
    EntityNameRow,
    EntityRow,
    EventParticipantRow,
    EventReportRow,
    MentionRow,
    RoleRow,
    TieStageRow,
)
from amity.vocabulary.names import name_key

#: The PostgreSQL advisory lock all merges share: a fixed 63-bit number derived from this module's name.
MERGE_LOCK_ID = int.from_bytes(hashlib.sha256(b"amity.registry.merge").digest()[:8], "big") >> 1


def take_merge_lock(session: Session) -> None:
    """Wait until no other transaction is merging, and hold that until this transaction ends.

    Call it first thing in every transaction that writes articles or
    curation into the registry. A merge looks things up, then inserts
    what it did not find: two merges at once under READ COMMITTED both miss
    the entity, tie or event the other is adding and store it twice (or
    one aborts on a unique key). The things a merge reads cannot be
    listed beforehand per article (events join by overlapping
    participants, municipalities by their town's name, names resolve to
    entities another article named differently), so one lock covers every
    merge. Only the merge is serialised: reading articles (the slow part)
    still runs in parallel, and SQLite already has one writer at a time
    (BEGIN IMMEDIATE), so there this does nothing.

    A transaction-level advisory lock is released by COMMIT or ROLLBACK,
    so a writer that dies cannot leave it held.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MERGE_LOCK_ID})


@dataclass
class Touched:
    """What an article's facts were attached to: the things to re-summarise or drop after a change."""

    entities: set[int] = field(default_factory=set)  # of a forgotten article: maybe no longer spoken of
    events: set[int] = field(default_factory=set)
    ties: set[int] = field(default_factory=set)
    gatherings: list[set[int]] = field(default_factory=list)  # participants of each event touched
    reported: set[int] = field(default_factory=set)  # events reported anew: their participants gather at `tidy`
    regrouped: set[int] = field(default_factory=set)  # municipalities newly linked to their towns, and the towns
    articles: set[int] = field(default_factory=set)  # articles written: their tie stages are new
    made: set[int] = field(default_factory=set)  # ties made: their last activity is read in full

    def add(self, other: Touched) -> None:
        """Take what another change touched too (to tidy both at once)."""
        self.entities |= other.entities
        self.events |= other.events
        self.ties |= other.ties
        self.gatherings += other.gatherings
        self.reported |= other.reported
        self.regrouped |= other.regrouped
        self.articles |= other.articles
        self.made |= other.made


def write(session: Session, article_id: int, record: Record, touched: Touched, known: Known | None = None,
          seen: event_rules.Occurrences | None = None, placed: tuple[str | None, str | None] | None = None) -> None:
    """Add one article's record to the registry; `known`, `seen`: what earlier articles of the transaction
    asked about names and read of events; `placed`: the article's (published, doc) as stored, which order its
    reports among an event's (read from its row when not given).

    Without autoflush: the rows an article adds (names, mentions, roles)
    go to the database in a few batches, not one statement each before
    every query. The steps whose queries need them flush on purpose.
    """
    with session.no_autoflush:
        _write(session, article_id, record, touched, known, seen or event_rules.Occurrences(), placed)


def _write(session: Session, article_id: int, record: Record, touched: Touched, known: Known | None,
           seen: event_rules.Occurrences, placed: tuple[str | None, str | None] | None) -> None:
    known = known or Known()
    touched.articles.add(article_id)
    names = ArticleEntities(session, article_id, record.doc, known)
    resolved = names.add_all(group_entities(record))
    session.flush()  # towns linked to their municipalities: read back by `with_relatives`
    touched.regrouped |= names.linked
    offices = [(entity.id, role, _sentence_with(group, role))
               for group, entity in resolved if entity.type == "person" for role in group.roles]
    of_ids = [names.find(role.of, evidence) for _, role, evidence in offices]
    pairs = {(p, of) for (p, _, _), of in zip(offices, of_ids, strict=True) if of is not None}
    touched.reported |= _events_of_new_office_holders(session, pairs, known.offices, known.offices_read)
    known.offices |= pairs
    for (person, role, evidence), of in zip(offices, of_ids, strict=True):
        pending.add(session, RoleRow, person_id=person, title=role.title, of_name=role.of, of_entity_id=of,
                    article_id=article_id, sentence=evidence.sentence if evidence else None,
                    start=evidence.start if evidence else None, end=evidence.end if evidence else None)
    new_events: set[int] = set()
    for event in record.events:
        evidence = event.evidence[0] if event.evidence else None
        participants = [p for p in (names.find(n, evidence) for n in event.participants) if p is not None]
        new_events.add(event_rules.report(session, article_id, event, participants, names.find(event.place, evidence),
                                          new_events, seen, placed))
    for tie in record.ties:
        evidence = tie.evidence[0] if tie.evidence else None
        parties = [names.find(p, evidence) for p in tie.parties]
        if any(p is None for p in parties):
            continue
        if tie.kind == "sister_city":  # towns are twinned, whichever body signed for them
            parties = [_town(names, p, evidence) for p in parties]  # type: ignore[arg-type]
        if len(set(parties)) < 2:
            continue
        touched.ties.add(tie_rules.add_stage(session, article_id, tie.kind, parties, tie.status, tie.date,  # type: ignore[arg-type]
                                             evidence, known.ties, touched.made))
    touched.reported |= new_events


#: (person, body) pairs asked in one compound SELECT (SQLite's limit is 500 terms).
_PAIRS_PER_QUERY = 400


def _events_of_new_office_holders(session: Session, offices: set[tuple[int, int]], held: set[tuple[int, int]],
                                  complete: set[int]) -> set[int]:
    """The events of people holding an office (person, body) no article gave them before: those now count as
    activity of the office's body or town (a new person has none). `held`: offices known to be given already,
    all of them for the people `complete`."""
    wanted = offices - held
    if not wanted:
        return set()
    # each pair looked up once in the (person, body) index: a mayor has an office row per article naming them;
    # SQLite takes at most 500 terms in one compound SELECT
    pairs = sorted(pair for pair in wanted if pair[0] not in complete)
    for start in range(0, len(pairs), _PAIRS_PER_QUERY):
        held = held | set(session.execute(union_all(*(
            select(literal(person).label("person"), literal(of).label("of"))
            .where(exists().where(RoleRow.person_id == person, RoleRow.of_entity_id == of))
            for person, of in pairs[start : start + _PAIRS_PER_QUERY]))).all())
    holders = {person for person, _ in wanted - held}
    if not holders:
        return set()
    return set(session.scalars(select(EventReportRow.event_id).distinct()
                               .join(EventParticipantRow, EventParticipantRow.report_id == EventReportRow.id)
                               .where(EventParticipantRow.entity_id.in_(sorted(holders)))))


def forget(session: Session, *article_ids: int) -> Touched:
    """Delete articles and all their facts; what they were attached to."""
    touched = Touched(
        entities=set(session.scalars(select(MentionRow.entity_id).where(MentionRow.article_id.in_(article_ids)))),
        events=set(session.scalars(select(EventReportRow.event_id).where(EventReportRow.article_id.in_(article_ids)))),
        ties=set(session.scalars(select(TieStageRow.tie_id).where(TieStageRow.article_id.in_(article_ids)))),
    )
    touched.gatherings = list(event_rules.participants_of(session, touched.events).values())
    session.execute(delete(ArticleRow).where(ArticleRow.id.in_(article_ids)))
    return touched


def tidy(session: Session, touched: Touched, seen: event_rules.Occurrences | None = None,
         stages: tie_rules.Stages | None = None) -> None:
    """Re-summarise touched events and ties and drop entities, events and ties no article supports.

    `seen`, `stages`: what the transaction knows of events and of ties' stages, when it is true of every
    event and tie and none was rejected."""
    for event_id in sorted(touched.events):
        event_rules.refresh(session, event_id)
    session.flush()
    gatherings = touched.gatherings + list(event_rules.participants_of(session, touched.reported).values())
    around = tie_rules.ties_around(session, touched.regrouped)
    if stages is not None:
        stages.learn(session, touched.made)
    tie_rules.refresh_all(session, touched.ties | tie_rules.ties_among(session, gatherings, stages) | around, seen, stages,
                          touched.articles, touched.reported, touched.made | around)
    session.flush()
    if not touched.entities:
        return
    spoken_of = set(session.scalars(select(MentionRow.entity_id).where(MentionRow.entity_id.in_(touched.entities))))
    if orphans := touched.entities - spoken_of:
        session.execute(delete(EntityRow).where(EntityRow.id.in_(orphans)))
    _rename(session, spoken_of)


def _rename(session: Session, entity_ids: set[int]) -> None:
    """An entity whose display name no remaining article gives takes the first name still given."""
    for entity in session.scalars(select(EntityRow).where(EntityRow.id.in_(entity_ids))):
        names = select(EntityNameRow.name).where(EntityNameRow.entity_id == entity.id)
        if session.scalar(names.where(EntityNameRow.key == name_key(entity.name)).limit(1)) is None:
            # a frequent entity has one name row per article: probe, never load them all
            first = session.scalar(names.order_by(EntityNameRow.id).limit(1))
            if first is not None:
                entity.name = first


def _town(names: ArticleEntities, entity_id: int, evidence: Evidence | None) -> int:
    town = names.parent(entity_id)
    if town is None:
        return entity_id
    names.mention(town, evidence)
    return town


def _sentence_with(group: Group, role: Role) -> Evidence | None:
    """The sentence that names the office, else the person's first."""
    for evidence in group.evidence:
        if role.title.lower() in evidence.sentence.lower():
            return evidence
    return group.evidence[0] if group.evidence else None
