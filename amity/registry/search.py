"""Searching the registry: entities by any of their names, the ties of those entities, and article text.

Entity names are matched in memory against the distinct names of the
registry, read again whenever articles or decisions changed it.

Every query is built with bound parameters; the user's words are never
formatted into SQL. Article text is searched with the database's own full
text search where there is one:

- SQLite: an FTS5 index, `articles_fts` (title and text, rowid = article id).
  It is not part of the registry's schema: this module creates it the first
  time it is needed and brings it up to date before a search whenever the
  articles changed since (an ingest from the command line included), so no
  trigger is added to the registry's tables. Without FTS5, or on a database
  that cannot be written, words are matched with LIKE instead. The newest
  2,000 matches are ranked (bm25), so a word in every article still answers
  at once.
- PostgreSQL: `to_tsvector('english', ...) @@ plainto_tsquery('english', :q)`
  through a GIN index of that expression (migration 0005), the newest
  2,000 matches ranked by `ts_rank`.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, and_, bindparam, func, or_, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from amity.registry.changes import articles_version, registry_version
from amity.registry.curated import visible
from amity.registry.listing import describe_ties
from amity.registry.lookup import with_relatives
from amity.store import writer
from amity.store.schema import (
    ArticleRow,
    EntityNameRow,
    EntityRow,
    MentionRow,
    TiePartyRow,
    TieRow,
)
from amity.vocabulary.names import fold

FTS_TABLE = "articles_fts"
SNIPPET_CHARS = 90
RANKED = 1000  # entities matched beyond this are not ranked by how many articles speak of them
RANK_WINDOW = 2000  # article matches ranked for relevance: the newest so many
_WORD = re.compile(r"\w+")
_index_lock = threading.Lock()
_indexed: dict[str, tuple[Any, ...]] = {}  # database URL -> the articles' signature when last indexed
_names_lock = threading.Lock()
_distinct_names: WeakKeyDictionary[Engine, tuple[tuple[Any, ...], list[tuple[int, str, str]]]] = WeakKeyDictionary()


def search(engine: Engine, query: str, *, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """Entities, ties and articles matching `query` (at most `limit` of each); all empty for a blank query."""
    query = " ".join(query.split())
    if not query:
        return {"entities": [], "ties": [], "articles": []}
    with Session(engine) as session:
        found = search_entities(session, query, limit=limit)
        ties = _ties_of(session, {e["id"] for e in found}, limit)
    return {"entities": found, "ties": ties, "articles": search_articles(engine, query, limit=limit)}


def prepare(engine: Engine) -> None:
    """Read the names and bring the full-text index up to date now, so that the first search is as quick as any."""
    with Session(engine) as session:
        _names(session)
    if engine.dialect.name == "sqlite":
        _fts_ready(engine)


def like_pattern(value: str) -> str:
    """`%value%` for LIKE ... ESCAPE '\\', with the value's own wildcards taken literally."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_entities(session: Session, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Entities with a name containing `query` (accents and case folded), exact names first, then the most spoken of."""
    folded = fold(query)
    lowered = query.casefold()
    found = [(entity_id, key) for entity_id, key, name in _names(session)
             if (folded and folded in key) or lowered in name]
    if not found:
        return []
    exact = {entity_id for entity_id, key in found if key == folded}
    ids = {entity_id for entity_id, _ in found}
    ranked = ids if len(ids) <= RANKED else exact  # a word most names have: exact names first, then by id
    spoken = dict(session.execute(select(MentionRow.entity_id, func.count(func.distinct(MentionRow.article_id)))
                                  .where(MentionRow.entity_id.in_(ranked)).group_by(MentionRow.entity_id)).all())
    best = sorted(ids, key=lambda i: (i not in exact, -spoken.get(i, 0), i))[:limit]
    if ranked is not ids:
        spoken.update(session.execute(select(MentionRow.entity_id, func.count(func.distinct(MentionRow.article_id)))
                                      .where(MentionRow.entity_id.in_(best)).group_by(MentionRow.entity_id)).all())
    rows = {e.id: e for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(best)))}
    return [{"id": i, "type": rows[i].type, "name": rows[i].name, "country": rows[i].country,
             "sources": spoken.get(i, 0)} for i in best if i in rows]


def _names(session: Session) -> list[tuple[int, str, str]]:
    """Every distinct (entity id, name key, casefolded name), kept in memory until the registry changes.

    `entity_names` has a row per article that gives a name, many times more
    than there are names: a LIKE over it reads them all for every search.
    Any new or replaced article, ingest error or analyst's decision reads
    them again (a replaced article may take away names, and SQLite may give
    its row ids to new ones, so nothing less is safe).
    """
    engine = session.get_bind().engine
    version = registry_version(session)
    with _names_lock:
        cached = _distinct_names.get(engine)
        if cached is None or cached[0] != version:
            rows = session.execute(select(EntityNameRow.entity_id, EntityNameRow.key, EntityNameRow.name).distinct())
            cached = _distinct_names[engine] = (version, [(i, key, name.casefold()) for i, key, name in rows])
        return cached[1]


def _ties_of(session: Session, entity_ids: set[int], limit: int) -> list[dict[str, Any]]:
    if not entity_ids:
        return []
    rows = session.scalars(select(TieRow).where(TieRow.id.in_(
        select(TiePartyRow.tie_id).where(TiePartyRow.entity_id.in_(with_relatives(session, entity_ids)))),
        visible(TieRow)).order_by(TieRow.id).limit(limit)).all()
    return [{"id": row.id, **tie} for row, tie in zip(rows, describe_ties(session, rows), strict=True)]


# --------------------------------------------------------------------------- article text

def search_articles(engine: Engine, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Articles whose title or text has every word of `query`, best first, each with a snippet around a match.

    A snippet is a list of [text, is_match] pieces, to be escaped by whoever shows it.
    """
    words = _WORD.findall(query)
    if not words:
        return []
    if engine.dialect.name == "postgresql":
        ids = _postgres_ids(engine, query, limit)
    elif _fts_ready(engine):
        ids = _fts5_ids(engine, words, limit)
    else:
        ids = _like_ids(engine, words, limit)
    if not ids:
        return []
    with Session(engine) as session:
        rows = {a.id: a for a in session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids)))}
        return [{"id": a.id, "doc": a.doc, "title": a.title, "published": a.published,
                 "snippet": snippet(a.text, words)} for a in (rows[i] for i in ids if i in rows)]


#: The article's words as PostgreSQL indexes them (migration 0005): the same text, or the index is not used.
WORDS_SQL = "to_tsvector('english', coalesce(title, '') || ' ' || text)"


def _postgres_ids(engine: Engine, query: str, limit: int) -> list[int]:
    """The best `limit` of the newest RANK_WINDOW matches, found through the words index."""
    with engine.connect() as connection:
        return list(connection.execute(text(
            f"SELECT id FROM (SELECT id, {WORDS_SQL} AS words FROM articles "
            f"WHERE {WORDS_SQL} @@ plainto_tsquery('english', :query) ORDER BY id DESC LIMIT :window) AS newest "
            "ORDER BY ts_rank(words, plainto_tsquery('english', :query)) DESC, id DESC LIMIT :limit"),
            {"query": query, "window": RANK_WINDOW, "limit": limit}).scalars())


def _fts5_ids(engine: Engine, words: list[str], limit: int) -> list[int]:
    """The best `limit` of the newest RANK_WINDOW matches: ranking every match of a common word takes seconds."""
    match = " ".join('"' + w.replace('"', '""') + '"' for w in words)  # each word a quoted FTS5 string: no operators
    with engine.connect() as connection:
        return list(connection.execute(
            text(f"SELECT rowid FROM (SELECT rowid, rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match "
                 "ORDER BY rowid DESC LIMIT :window) ORDER BY rank LIMIT :limit"),
            {"match": match, "window": RANK_WINDOW, "limit": limit}).scalars())


def _like_ids(engine: Engine, words: list[str], limit: int) -> list[int]:
    each = [or_(ArticleRow.text.ilike(like_pattern(w), escape="\\"), ArticleRow.title.ilike(like_pattern(w), escape="\\"))
            for w in words]
    with Session(engine) as session:
        return list(session.scalars(select(ArticleRow.id).where(and_(*each)).order_by(ArticleRow.id.desc()).limit(limit)))


def _fts_ready(engine: Engine) -> bool:
    """Whether the FTS5 index exists and holds every article as stored now (building or updating it if needed)."""
    key = str(engine.url)
    try:
        with Session(engine) as session:
            signature = articles_version(session)
        with _index_lock:
            if _indexed.get(key) != signature:
                _update_index(engine)
                _indexed[key] = signature
        return True
    except SQLAlchemyError:  # no FTS5 in this SQLite, or a read-only database: LIKE will do
        return False


def _update_index(engine: Engine) -> None:
    """Add new and changed articles to the index and drop those no longer stored, in one transaction."""
    with writer(engine).begin() as connection:
        connection.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                                "title, text, content_hash UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"))
        indexed: dict[int, str] = dict(connection.execute(text(f"SELECT rowid, content_hash FROM {FTS_TABLE}")).all())
        stored = dict(connection.execute(select(ArticleRow.id, ArticleRow.content_hash)).all())
        gone = [i for i, digest in indexed.items() if stored.get(i) != digest]
        fresh = [i for i, digest in stored.items() if indexed.get(i) != digest]
        for chunk in _chunks(gone):
            connection.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN :ids")
                               .bindparams(bindparam("ids", expanding=True)), {"ids": chunk})
        for chunk in _chunks(fresh):
            connection.execute(text(f"INSERT INTO {FTS_TABLE} (rowid, title, text, content_hash) "
                                    "SELECT id, coalesce(title, ''), text, content_hash FROM articles WHERE id IN :ids")
                               .bindparams(bindparam("ids", expanding=True)), {"ids": chunk})


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def snippet(body: str, words: list[str], width: int = SNIPPET_CHARS) -> list[list[Any]]:
    """A window of `body` around the first of `words` found, as [text, is_match] pieces (plain text, not HTML)."""
    alternatives = "|".join(re.escape(_unaccented(w)) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    first = pattern.search(_unaccented(body))
    start = max(0, first.start() - width) if first else 0
    end = min(len(body), (first.end() if first else 0) + width)
    window = body[start:end]
    pieces: list[list[Any]] = [["…", False]] if start > 0 else []
    at = 0
    for m in pattern.finditer(_unaccented(window)):
        if m.start() > at:
            pieces.append([window[at:m.start()], False])
        pieces.append([window[m.start():m.end()], True])
        at = m.end()
    if at < len(window):
        pieces.append([window[at:], False])
    if end < len(body):
        pieces.append(["…", False])
    return pieces


def _unaccented(text: str) -> str:
    """The text with each character's accents dropped, one character for one ('Üsküdar' → 'Uskudar'), as FTS5 matches."""
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in text)
