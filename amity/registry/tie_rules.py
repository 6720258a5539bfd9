"""Tie lifecycle: one tie per kind and set of parties, with the history of its stages.

Each article's report of a tie is a stage row. The tie's `status` is the
furthest stage reported, in the order of `amity.vocabulary.TIE_STAGES`
(active < proposed < planned < signed < ratified < ended: any stage beats a
bare mention), and its `date` is that stage's date. `last_activity` is the
latest visit or meeting that both parties (or their municipalities, or
people holding their offices) took part in. An analyst's decisions (`amity.registry.curation`) win: a rejected
stage does not count, a rejected event is no activity, and a status or date
set by hand replaces the reported one whenever the tie is re-summarised.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from amity.model import Evidence
from amity.registry import dates
from amity.registry.curated import visible
from amity.registry.lookup import with_people, with_relatives
from amity.store import pending
from amity.store.schema import ArticleRow, EventParticipantRow, EventReportRow, EventRow, TiePartyRow, TieRow, TieStageRow
from amity.vocabulary import ACTIVITY_TYPES, TIE_STAGES

_RANK = {stage: rank for rank, stage in enumerate(TIE_STAGES)}


def party_key(party_ids: Iterable[int]) -> str:
    """The key of a set of parties: their ids, sorted."""
    return ",".join(str(i) for i in sorted(set(party_ids)))


def add_stage(session: Session, article_id: int, kind: str, party_ids: list[int], status: str, date: str | None,
              evidence: Evidence | None) -> int:
    """Store one article's report of a tie's stage, creating the tie at its first report; the tie's id."""
    tie = tie_for(session, kind, party_ids, status, date)
    pending.add(session, TieStageRow, tie_id=tie.id, status=status, date=date, article_id=article_id,
                sentence=evidence.sentence if evidence else None,
                start=evidence.start if evidence else None, end=evidence.end if evidence else None)
    return tie.id


def tie_for(session: Session, kind: str, party_ids: Iterable[int], status: str, date: str | None) -> TieRow:
    """The tie of this kind between these parties; a new one (at this status and date) if there is none."""
    parties = sorted(set(party_ids))
    key = party_key(parties)
    tie = session.scalars(select(TieRow).where(TieRow.kind == kind, TieRow.party_key == key)).first()
    if tie is None:
        tie = TieRow(kind=kind, party_key=key, status=status, date=date)
        session.add(tie)
        session.flush()
        for entity_id in parties:
            pending.add(session, TiePartyRow, tie_id=tie.id, entity_id=entity_id)
    return tie


def furthest(stages: Iterable[tuple[str, str | None]]) -> tuple[str, str | None]:
    """The furthest (status, date) of a tie's stages; of equal stages the dated, most precise, first one."""
    return max(stages, key=lambda s: (_RANK.get(s[0], -1), s[1] is not None, dates.precision(s[1])))  # type: ignore[call-overload]  # an unknown status ranks lowest


def refresh(session: Session, tie_id: int) -> None:
    """Re-summarise a tie from its stages and the events of its parties; a tie without stages is deleted.

    Stages an analyst rejected are left out (unless every stage was); a status or date set by hand wins.
    """
    tie = session.get(TieRow, tie_id)
    if tie is None:
        return
    stages = session.execute(select(TieStageRow.status, TieStageRow.date, TieStageRow.curation, ArticleRow.published,
                                    TieStageRow.article_id)
                             .join(ArticleRow, ArticleRow.id == TieStageRow.article_id)
                             .where(TieStageRow.tie_id == tie_id).order_by(TieStageRow.id)).all()
    if not stages:
        session.delete(tie)
        return
    kept = [s for s in stages if s.curation != "rejected"] or stages
    tie.status, tie.date = furthest((s.status, s.date) for s in kept)
    tie.status = tie.curated_status or tie.status
    tie.date = tie.curated_date or tie.date
    tie.last_activity = _last_activity(session, tie_id)
    tie.last_seen = dates.latest([tie.last_activity, tie.date, *(s.date or s.published for s in kept)])  # a date set by hand too
    tie.seen_until = dates.span(tie.last_seen)[1] if tie.last_seen else None
    tie.sources = len({s.article_id for s in stages})


def ties_of(session: Session, entity_ids: set[int]) -> set[int]:
    """The ties all of whose parties are among these entities (or are their towns or municipalities)."""
    if not entity_ids:
        return set()
    around = with_relatives(session, entity_ids)
    candidates = set(session.scalars(select(TiePartyRow.tie_id).where(TiePartyRow.entity_id.in_(around))))
    if not candidates:
        return set()
    parties = session.execute(select(TiePartyRow.tie_id, TiePartyRow.entity_id)
                              .where(TiePartyRow.tie_id.in_(candidates))).all()
    outside = {tie_id for tie_id, entity_id in parties if entity_id not in around}
    return candidates - outside


def _last_activity(session: Session, tie_id: int) -> str | None:
    """The date of the latest visit or meeting that every party of the tie took part in (itself, its town or
    municipality, or someone holding an office of one of them)."""
    party_ids = session.scalars(select(TiePartyRow.entity_id).where(TiePartyRow.tie_id == tie_id)).all()
    query = select(EventRow.date).where(EventRow.type.in_(ACTIVITY_TYPES), EventRow.status == "occurred",
                                        EventRow.date.is_not(None), visible(EventRow))
    for party in party_ids:  # IN, not a correlated EXISTS: SQLite would walk every visit of the registry
        around = with_people(session, with_relatives(session, {party}))
        query = query.where(EventRow.id.in_(
            select(EventReportRow.event_id).join(EventParticipantRow, EventParticipantRow.report_id == EventReportRow.id)
            .where(EventParticipantRow.entity_id.in_(around))))
    return dates.latest(list(session.scalars(query)))

