"""One article's facts in and out of the registry.

`write` adds what a record says (entities, offices, event reports, tie
stages) to the shared entities, events and ties; `forget` removes an
article and its facts, remembering what they touched; `tidy` then
re-summarises the events and ties touched and drops whatever no article
speaks of any more. A corrected article is `forget` + `write` + `tidy` in
one transaction.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from amity.model import Evidence, Record, Role
from amity.vocabulary.names import name_key
from amity.registry import events, ties
from amity.registry.entities import ArticleEntities, Group, group_entities
from amity.store.schema import ArticleRow, EntityNameRow, EntityRow, EventReportRow, MentionRow, RoleRow, TieStageRow


@dataclass
class Touched:
    """What an article's facts were attached to: the things to re-summarise or drop after a change."""

    entities: set[int] = field(default_factory=set)  # of a forgotten article: maybe no longer spoken of
    events: set[int] = field(default_factory=set)
    ties: set[int] = field(default_factory=set)
    gatherings: list[set[int]] = field(default_factory=list)  # participants of each event touched


def write(session: Session, article_id: int, record: Record, touched: Touched) -> None:
    """Add one article's record to the registry.

    Without autoflush: the rows an article adds (names, mentions, roles)
    go to the database in a few batches, not one statement each before
    every query. The steps whose queries need them flush on purpose.
    """
    with session.no_autoflush:
        _write(session, article_id, record, touched)


def _write(session: Session, article_id: int, record: Record, touched: Touched) -> None:
    names = ArticleEntities(session, article_id, record.doc)
    resolved = names.add_all(group_entities(record))
    session.flush()  # towns linked to their municipalities: read back by `with_relatives`
    for group, entity in resolved:
        for role in group.roles if entity.type == "person" else []:
            evidence = _sentence_with(group, role)
            session.add(RoleRow(person_id=entity.id, title=role.title, of_name=role.of,
                                of_entity_id=names.find(role.of, evidence), article_id=article_id,
                                sentence=evidence.sentence if evidence else None,
                                start=evidence.start if evidence else None, end=evidence.end if evidence else None))
    new_events: set[int] = set()
    for event in record.events:
        evidence = event.evidence[0] if event.evidence else None
        participants = [p for p in (names.find(n, evidence) for n in event.participants) if p is not None]
        new_events.add(events.report(session, article_id, event, participants, names.find(event.place, evidence)))
    for tie in record.ties:
        evidence = tie.evidence[0] if tie.evidence else None
        parties = [names.find(p, evidence) for p in tie.parties]
        if any(p is None for p in parties):
            continue
        if tie.kind == "sister_city":  # towns are twinned, whichever body signed for them
            parties = [_town(names, p, evidence) for p in parties]  # type: ignore[arg-type]
        if len(set(parties)) < 2:
            continue
        touched.ties.add(ties.add_stage(session, article_id, tie.kind, parties, tie.status, tie.date,  # type: ignore[arg-type]
                                        evidence))
    touched.gatherings += events.participants_of(session, new_events).values()


def forget(session: Session, article_id: int) -> Touched:
    """Delete an article and all its facts; what they were attached to."""
    touched = Touched(
        entities=set(session.scalars(select(MentionRow.entity_id).where(MentionRow.article_id == article_id))),
        events=set(session.scalars(select(EventReportRow.event_id).where(EventReportRow.article_id == article_id))),
        ties=set(session.scalars(select(TieStageRow.tie_id).where(TieStageRow.article_id == article_id))),
    )
    touched.gatherings = list(events.participants_of(session, touched.events).values())
    session.execute(delete(ArticleRow).where(ArticleRow.id == article_id))
    return touched


def tidy(session: Session, touched: Touched) -> None:
    """Re-summarise touched events and ties and drop entities, events and ties no article supports."""
    for event_id in sorted(touched.events):
        events.refresh(session, event_id)
    session.flush()
    tie_ids = set(touched.ties)
    for gathering in touched.gatherings:
        tie_ids |= ties.ties_of(session, gathering)
    for tie_id in sorted(tie_ids):
        ties.refresh(session, tie_id)
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
