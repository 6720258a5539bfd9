"""Stored articles, and everything the registry drew from one of them: the view behind a web article page.

`articles` lists them newest first (keyset-paged by id); `article` gives one
article's text with each fact read from it — mentions of entities (with the
spellings the article used), offices, event reports and tie stages — each
with its sentence and character span in that text, so a reader can see
exactly where every fact comes from.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from amity.registry.headlines import HEADLINE_CHARS, headline, opening
from amity.registry.lookup import group_pairs, names_of
from amity.store import session_of
from amity.store.schema import (
    ArticleRow,
    EntityNameRow,
    EntityRow,
    EventParticipantRow,
    EventReportRow,
    EventRow,
    MentionRow,
    RoleRow,
    TiePartyRow,
    TieRow,
    TieStageRow,
)


def articles(db: Engine | Session, *, before_id: int | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Up to `limit` articles, newest stored first, with ids below `before_id` when given (the next page)."""
    with session_of(db) as session:
        query = (select(ArticleRow.id, ArticleRow.doc, ArticleRow.title, ArticleRow.url, ArticleRow.published,
                        ArticleRow.ingested_at, func.length(ArticleRow.text), opening())
                 .order_by(ArticleRow.id.desc()).limit(limit))
        if before_id is not None:
            query = query.where(ArticleRow.id < before_id)
        return [{"id": i, "doc": doc, "title": title, "headline": headline(title, start, doc), "url": url,
                 "published": published, "ingested_at": at.isoformat(timespec="seconds") if at else None,
                 "chars": chars}
                for i, doc, title, url, published, at, chars, start in session.execute(query)]


def article(db: Engine | Session, article_id: int) -> dict[str, Any] | None:
    """One article with the facts read from it; None when there is no such article."""
    with session_of(db) as session:
        row = session.get(ArticleRow, article_id)
        if row is None:
            return None
        return {
            "id": row.id,
            "doc": row.doc,
            "title": row.title,
            "headline": headline(row.title, row.text[:HEADLINE_CHARS + 1], row.doc),
            "url": row.url,
            "published": row.published,
            "source": row.source,
            "ingested_at": row.ingested_at.isoformat(timespec="seconds") if row.ingested_at else None,
            "text": row.text,
            "entities": _entities(session, row.id),
            "roles": _roles(session, row.id),
            "events": _event_reports(session, row.id),
            "ties": _tie_stages(session, row.id),
        }


def _entities(session: Session, article_id: int) -> list[dict[str, Any]]:
    """The entities the article speaks of, each with the names it gave them and the sentences naming them."""
    mentions = session.execute(select(MentionRow.id, MentionRow.entity_id, MentionRow.sentence, MentionRow.start,
                                      MentionRow.end)
                               .where(MentionRow.article_id == article_id).order_by(MentionRow.id)).all()
    ids = {m.entity_id for m in mentions}
    if not ids:
        return []
    rows = {e.id: e for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(ids)))}
    spellings: dict[int, list[str]] = {}
    for entity_id, name in session.execute(select(EntityNameRow.entity_id, EntityNameRow.name)
                                           .where(EntityNameRow.article_id == article_id)
                                           .order_by(EntityNameRow.id)):
        spellings.setdefault(entity_id, []).append(name)
    out: dict[int, dict[str, Any]] = {}
    for m in mentions:
        entity = rows[m.entity_id]
        item = out.setdefault(entity.id, {
            "id": entity.id, "type": entity.type, "name": entity.name,
            "names": list(dict.fromkeys([*spellings.get(entity.id, []), entity.name])),
            "mentions": [],
        })
        item["mentions"].append({"id": m.id, "sentence": m.sentence, "start": m.start, "end": m.end})
    return sorted(out.values(), key=lambda e: (e["mentions"][0]["start"] is None, e["mentions"][0]["start"] or 0,
                                               e["id"]))


def _roles(session: Session, article_id: int) -> list[dict[str, Any]]:
    rows = session.execute(select(RoleRow.id, RoleRow.person_id, RoleRow.title, RoleRow.of_name, RoleRow.of_entity_id,
                                  RoleRow.sentence, RoleRow.start, RoleRow.end)
                           .where(RoleRow.article_id == article_id).order_by(RoleRow.id)).all()
    names = names_of(session, {r.person_id for r in rows} | {r.of_entity_id for r in rows if r.of_entity_id})
    return [{"id": r.id, "person_id": r.person_id, "person": names.get(r.person_id), "title": r.title,
             "of": names.get(r.of_entity_id, r.of_name) if r.of_entity_id else r.of_name, "of_id": r.of_entity_id,
             "sentence": r.sentence, "start": r.start, "end": r.end} for r in rows]


def _event_reports(session: Session, article_id: int) -> list[dict[str, Any]]:
    rows = session.execute(select(EventReportRow, EventRow.type)
                           .join(EventRow, EventRow.id == EventReportRow.event_id)
                           .where(EventReportRow.article_id == article_id).order_by(EventReportRow.id)).all()
    taking_part = group_pairs(session.execute(
        select(EventParticipantRow.report_id, EventParticipantRow.entity_id)
        .where(EventParticipantRow.report_id.in_([r.id for r, _ in rows]))).all()) if rows else {}
    names = names_of(session, set().union({r.place_entity_id for r, _ in rows if r.place_entity_id},
                                          *taking_part.values()))
    return [{
        "id": r.id, "event_id": r.event_id, "type": type, "status": r.status, "date": r.date,
        "agreement": r.agreement,
        "participants": _named(names, taking_part.get(r.id, ())),
        "place": {"id": r.place_entity_id, "name": names[r.place_entity_id]} if r.place_entity_id else None,
        "sentence": r.sentence, "start": r.start, "end": r.end,
    } for r, type in rows]


def _tie_stages(session: Session, article_id: int) -> list[dict[str, Any]]:
    rows = session.execute(select(TieStageRow, TieRow.kind)
                           .join(TieRow, TieRow.id == TieStageRow.tie_id)
                           .where(TieStageRow.article_id == article_id).order_by(TieStageRow.id)).all()
    parties = group_pairs(session.execute(select(TiePartyRow.tie_id, TiePartyRow.entity_id)
                                          .where(TiePartyRow.tie_id.in_({s.tie_id for s, _ in rows}))).all()) if rows else {}
    names = names_of(session, set().union(set(), *parties.values()))
    return [{
        "id": s.id, "tie_id": s.tie_id, "kind": kind, "status": s.status, "date": s.date,
        "parties": _named(names, parties.get(s.tie_id, ())),
        "sentence": s.sentence, "start": s.start, "end": s.end,
    } for s, kind in rows]


def _named(names: dict[int, str], ids: Any) -> list[dict[str, Any]]:
    return sorted(({"id": i, "name": names[i]} for i in ids), key=lambda p: (p["name"].casefold(), p["id"]))
