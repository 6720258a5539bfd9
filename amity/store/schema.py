"""The registry's tables, as SQLAlchemy 2 declarative classes.

Every fact row points at the article it was read from and keeps the
sentence and character span (`start`, `end` in the article's stored text)
that shows it, so the registry never holds a fact it cannot source.

Facts of one article (mentions, names, roles, event reports, tie stages)
are deleted with it (ON DELETE CASCADE); entities, events and ties are
shared across articles and are removed by the registry when no article
speaks of them any more. The Alembic migrations in `migrations/versions`
create exactly these tables; change both together.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so that later migrations (and SQLite's batch mode) can find them.
_NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


#: Indexes the migrations make that these models do not describe: PostgreSQL's index of the articles' words
#: (an expression index of one dialect; migration 0005).
OUTSIDE_METADATA = frozenset({"ix_articles_words"})


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=_NAMING)


class _Evidence:
    """The sentence a fact was read from and its character span in the article's text."""

    sentence: Mapped[str | None] = mapped_column(Text)
    start: Mapped[int | None] = mapped_column("start_char", Integer)
    end: Mapped[int | None] = mapped_column("end_char", Integer)


class _Curated:
    """What an analyst decided about a row (see `amity.registry.curation`), kept on it so that reads stay one query.

    `curation` is "confirmed", "rejected", "edited" (status or date set by
    hand), "merged" or "split" (entities); `curated_by`/`curated_at` are the
    latest decision's. The decisions themselves are in `decisions`.
    """

    curation: Mapped[str | None] = mapped_column(String(16))
    curated_by: Mapped[str | None] = mapped_column(String(200))
    curated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class _Edited(_Curated):
    """A status and date set by an analyst: they win over what the reports say whenever the row is re-summarised."""

    curated_status: Mapped[str | None] = mapped_column(String(16))
    curated_date: Mapped[str | None] = mapped_column(String(32))


#: Docs that say where an article came from, not which article it is: any number of articles may have them.
ANONYMOUS_DOCS = ("stdin",)
_NAMED_DOC = text("doc NOT IN (" + ", ".join(f"'{d}'" for d in ANONYMOUS_DOCS) + ")")


class ArticleRow(Base):
    """One stored article; `text` is what the evidence offsets index into (headline included).

    One article per doc (but "stdin") and per url: a new version replaces the
    old, so a second row of either is a registry written by two writers at once.
    """

    __tablename__ = "articles"
    __table_args__ = (Index("uq_articles_doc", "doc", unique=True, sqlite_where=_NAMED_DOC,
                            postgresql_where=_NAMED_DOC),)

    id: Mapped[int] = mapped_column(primary_key=True)
    doc: Mapped[str] = mapped_column(String(1000), index=True)
    url: Mapped[str | None] = mapped_column(String(2000), index=True, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class IngestErrorRow(Base):
    """An input that could not be read or stored, and why."""

    __tablename__ = "ingest_errors"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EntityRow(_Curated, Base):
    """One real person, organisation or place, however many articles and spellings name it.

    `parent_id` links a municipality (an organisation) to the town it governs.
    """

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(8))
    geonames_id: Mapped[int | None] = mapped_column(Integer, index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)


class EntityNameRow(Base):
    """A name an article gives an entity, its comparison key, and why it belongs to that entity."""

    __tablename__ = "entity_names"
    __table_args__ = (UniqueConstraint("entity_id", "key", "article_id"),
                      Index("ix_entity_names_key_entity_id", "key", "entity_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    # no index of its own: the unique (entity_id, key, article_id) serves look-ups by entity (migration 0013)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(500))
    reason: Mapped[str] = mapped_column(Text)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class MentionRow(_Evidence, Base):
    """A sentence of an article that speaks of an entity."""

    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_entity_id_article_id", "entity_id", "article_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class RoleRow(_Evidence, Base):
    """An office a person holds according to one article."""

    __tablename__ = "roles"
    __table_args__ = (Index("ix_roles_person_id_of_entity_id", "person_id", "of_entity_id"),
                      Index("ix_roles_of_entity_id_person_id", "of_entity_id", "person_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(Text)
    of_name: Mapped[str | None] = mapped_column(Text)
    of_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class EventRow(_Edited, Base):
    """One occurrence (a visit, a signing...), however many articles report it.

    `status`, `date`, `place_entity_id` and `agreement` summarise its reports;
    `date_report_id`, `place_report_id` and `agreement_report_id` are the
    reports giving its date (and reported status), place and agreement: a
    merge folds a new report onto those instead of reading every report of
    a much-reported event again.
    """

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(32), index=True)
    place_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    agreement: Mapped[str | None] = mapped_column(String(16))
    date_start: Mapped[str | None] = mapped_column(String(10))  # first and last day `date` covers: sorting and
    date_end: Mapped[str | None] = mapped_column(String(10))    # date filters in SQL
    date_report_id: Mapped[int | None] = mapped_column(Integer)
    place_report_id: Mapped[int | None] = mapped_column(Integer)
    agreement_report_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_events_date_start_id", "date_start", "id"),)


class EventReportRow(_Evidence, Base):
    """What one article says about an event."""

    __tablename__ = "event_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(32))
    place_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    agreement: Mapped[str | None] = mapped_column(String(16))


class EventParticipantRow(Base):
    """A participant named by one report; an event's participants are those of all its reports."""

    __tablename__ = "event_participants"

    report_id: Mapped[int] = mapped_column(ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    # copies of the event's type, last day (of an event of at most a year), first day and id: an entity's events
    # near a date are read from the index alone. A merge gives them (`event_rules.report`); database triggers
    # fill them for a row written without them and keep them true when an event or report changes (migrations
    # 0009, 0012, 0013)
    event_type: Mapped[str | None] = mapped_column(String(16))
    event_until: Mapped[str | None] = mapped_column(String(10))
    event_start: Mapped[str | None] = mapped_column(String(10))
    event_id: Mapped[int | None] = mapped_column()

    __table_args__ = (Index("ix_event_participants_entity_event_keyed", "entity_id", "event_type", "event_until",
                            "event_start", "event_id", "report_id"),
                      Index("ix_event_participants_event_id_entity_id", "event_id", "entity_id"))


class TieRow(_Edited, Base):
    """One partnership of a kind between a set of parties (`party_key`: their sorted ids).

    `status` is the furthest stage reported and `date` that stage's date;
    `last_activity` is the latest visit or meeting of both parties;
    `last_seen` the latest of that and its stages' dates (an undated stage
    at its article's date), `seen_until` the last day `last_seen` covers
    (dormancy and `since` in SQL), `sources` the articles reporting a stage.
    `furthest_stage_id` and `latest_stage_id` are the stages giving its
    furthest stage and its stages' latest date, as reported (NULL when a
    stage was rejected by an analyst): a merge folds its new stages into
    those instead of reading every stage of a much-reported tie again.
    """

    __tablename__ = "ties"
    __table_args__ = (UniqueConstraint("kind", "party_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    party_key: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), index=True)
    date: Mapped[str | None] = mapped_column(String(32))
    last_activity: Mapped[str | None] = mapped_column(String(32))
    last_seen: Mapped[str | None] = mapped_column(String(32))
    seen_until: Mapped[str | None] = mapped_column(String(10), index=True)
    sources: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    furthest_stage_id: Mapped[int | None] = mapped_column(Integer)
    latest_stage_id: Mapped[int | None] = mapped_column(Integer)


class TiePartyRow(Base):
    """A party to a tie."""

    __tablename__ = "tie_parties"

    tie_id: Mapped[int] = mapped_column(ForeignKey("ties.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)

    __table_args__ = (Index("ix_tie_parties_entity_id", "entity_id"),)


class TieStageRow(_Evidence, _Curated, Base):
    """A stage of a tie as one article reports it: the tie's history."""

    __tablename__ = "tie_stages"

    id: Mapped[int] = mapped_column(primary_key=True)
    tie_id: Mapped[int] = mapped_column(ForeignKey("ties.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(32))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class TokenRow(Base):
    """A token that allows writing (and reading a private server): only its SHA-256 is kept (`amity.store.tokens`)."""

    __tablename__ = "web_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DecisionRow(Base):
    """One analyst decision, appended and never changed: the log curation is re-applied from.

    `target_key` names the target by what survives re-ingesting articles
    (GeoNames ids and name keys of entities, kinds, types, dates; see
    `amity.registry.targets`), not by row ids, which replacing an article can
    change; `target_id` is the row's id when the decision was taken, for people.
    """

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    target: Mapped[str] = mapped_column(String(16), index=True)
    target_key: Mapped[str] = mapped_column(String(2000), index=True)
    target_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    note: Mapped[str | None] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
