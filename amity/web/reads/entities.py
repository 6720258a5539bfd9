"""Entities by id: a filtered, cursor-paged list and one entity with its names, offices, partners and events."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from amity.registry.curated import badge
from amity.registry.curation import decisions_about
from amity.registry.lookup import with_relatives
from amity.registry.search import like_pattern
from amity.store.schema import (
    ArticleRow,
    EntityNameRow,
    EntityRow,
    MentionRow,
    RoleRow,
    TiePartyRow,
    TieRow,
)
from amity.vocabulary import ENTITY_TYPES
from amity.vocabulary.names import fold
from amity.web import paging
from amity.web.reads.events import latest_of
from amity.web.reads.ties import describe

SORT = "entities:id"
TYPES = ENTITY_TYPES
#: An entity or tie page lists the latest so many events (and articles); a name, every article giving it up to so many.
LISTED = 50
NAME_ARTICLES = 20


@dataclass(frozen=True)
class EntityQuery:
    """Which entities: with a name containing `name` (accents and case folded), of a type, of a country."""

    name: str | None = None
    type: str | None = None
    country: str | None = None


def entity_page(session: Session, where: EntityQuery, *, cursor: str | None,
                limit: int) -> tuple[list[dict[str, Any]], str | None]:
    """One page of the chosen entities by id, and the next page's cursor."""
    query = select(EntityRow).order_by(EntityRow.id).limit(limit + 1)
    if (after := paging.after_id(cursor, SORT)) is not None:
        query = query.where(EntityRow.id > after)
    if where.type:
        query = query.where(EntityRow.type == where.type)
    if where.country:
        query = query.where(EntityRow.country == where.country.strip().upper())
    if where.name and where.name.strip():
        folded = fold(where.name)
        matches = [EntityNameRow.name.ilike(like_pattern(where.name.strip()), escape="\\")]
        if folded:
            matches.append(EntityNameRow.key.like(like_pattern(folded), escape="\\"))
        query = query.where(EntityRow.id.in_(select(EntityNameRow.entity_id).where(or_(*matches))))
    rows = session.scalars(query).all()
    ids = [e.id for e in rows]
    spoken = dict(session.execute(select(MentionRow.entity_id, func.count(func.distinct(MentionRow.article_id)))
                                  .where(MentionRow.entity_id.in_(ids)).group_by(MentionRow.entity_id)).all()) if ids else {}
    return paging.id_page([_summary(e, spoken.get(e.id, 0)) for e in rows], limit, SORT)


def entity_detail(session: Session, entity_id: int) -> dict[str, Any] | None:
    """Everything the registry knows of one entity, with the articles that say it; None when there is none."""
    entity = session.get(EntityRow, entity_id)
    if entity is None:
        return None
    relatives = with_relatives(session, {entity.id})
    parent = session.get(EntityRow, entity.parent_id) if entity.parent_id else None
    bodies = session.scalars(select(EntityRow).where(EntityRow.parent_id == entity.id).order_by(EntityRow.id)).all()
    sources = session.scalar(select(func.count(func.distinct(MentionRow.article_id)))
                             .where(MentionRow.entity_id == entity.id)) or 0
    articles = session.execute(
        select(ArticleRow.id, ArticleRow.doc, ArticleRow.title, ArticleRow.published, func.min(MentionRow.id))
        .join(MentionRow, MentionRow.article_id == ArticleRow.id).where(MentionRow.entity_id == entity.id)
        .group_by(ArticleRow.id, ArticleRow.doc, ArticleRow.title, ArticleRow.published)
        .order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc()).limit(LISTED)).all()
    events, events_total = latest_of(session, [relatives], LISTED)
    return {
        **_summary(entity, sources),
        "geonames_id": entity.geonames_id,
        "part_of": {"id": parent.id, "name": parent.name} if parent else None,
        "bodies": [{"id": b.id, "name": b.name} for b in bodies],
        "names": _names(session, entity.id),
        "offices": _offices(session, entity.id),
        "partners": _partners(session, relatives),
        "events": events,
        "events_total": events_total,
        "articles": [{"id": i, "doc": doc, "title": title, "published": published, "mention_id": mention_id}
                     for i, doc, title, published, mention_id in articles],  # the latest; "sources" counts all
        "curation": badge(entity),
        "decisions": decisions_about(session, "entity", entity.id),
    }


def _summary(entity: EntityRow, sources: int) -> dict[str, Any]:
    located = entity.lat is not None and entity.lon is not None
    return {"id": entity.id, "type": entity.type, "name": entity.name, "country": entity.country,
            "coordinates": [entity.lat, entity.lon] if located else None, "sources": sources}


def _names(session: Session, entity_id: int) -> list[dict[str, Any]]:
    """Each spelling once, with the reason it was first given, how many articles give it and the first of them."""
    per_key = select(EntityNameRow.key, func.min(EntityNameRow.id).label("first"),
                     func.count(func.distinct(EntityNameRow.article_id)).label("given")) \
        .where(EntityNameRow.entity_id == entity_id).group_by(EntityNameRow.key).subquery()
    first = session.execute(
        select(per_key.c.key, EntityNameRow.name, EntityNameRow.reason, per_key.c.given, EntityNameRow.article_id)
        .join(per_key, per_key.c.first == EntityNameRow.id).order_by(EntityNameRow.id)).all()
    wanted = select(EntityNameRow.key, ArticleRow.id, ArticleRow.doc).join(
        ArticleRow, ArticleRow.id == EntityNameRow.article_id).where(EntityNameRow.entity_id == entity_id)
    names = []
    for key, name, reason, given, article_id in first:
        if given <= NAME_ARTICLES:  # the usual case: every article, in one more query per name at most
            listed = session.execute(wanted.where(EntityNameRow.key == key).order_by(EntityNameRow.id)).all()
            articles = list({a: {"id": a, "doc": doc} for _, a, doc in listed}.values())
        else:
            articles = [{"id": article_id, "doc": session.scalar(select(ArticleRow.doc).where(ArticleRow.id == article_id))}]
        names.append({"name": name, "reason": reason, "given_in": given, "articles": articles})
    return names


def _offices(session: Session, person_id: int) -> list[dict[str, Any]]:
    """Offices held, each with the article sentences that say so."""
    rows = session.execute(select(RoleRow.id, RoleRow.title, RoleRow.of_name, RoleRow.of_entity_id, RoleRow.sentence,
                                  ArticleRow.id, ArticleRow.doc)
                           .join(ArticleRow, ArticleRow.id == RoleRow.article_id)
                           .where(RoleRow.person_id == person_id).order_by(RoleRow.id)).all()
    of_names = dict(session.execute(select(EntityRow.id, EntityRow.name).where(
        EntityRow.id.in_({r[3] for r in rows if r[3]}))).all()) if rows else {}
    offices: dict[tuple[str, str | None], dict[str, Any]] = {}
    for role_id, title, of_name, of_id, sentence, article_id, doc in rows:
        of = of_names.get(of_id, of_name) if of_id else of_name
        item = offices.setdefault((title, of), {"title": title, "of": of, "of_id": of_id, "sources": []})
        item["sources"].append({"role_id": role_id, "article_id": article_id, "doc": doc, "sentence": sentence})
    return list(offices.values())


def _partners(session: Session, relatives: set[int]) -> list[dict[str, Any]]:
    """Its ties (and its municipality's or town's), each with the other parties."""
    rows = session.scalars(select(TieRow).where(TieRow.id.in_(
        select(TiePartyRow.tie_id).where(TiePartyRow.entity_id.in_(sorted(relatives))))).order_by(TieRow.id)).all()
    return [{**tie, "partners": [p for p in tie["parties"] if p["id"] not in relatives]}
            for tie in describe(session, rows)]
