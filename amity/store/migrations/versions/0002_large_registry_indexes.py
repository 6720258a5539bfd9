"""Indexes for a large registry, so that what a read needs is found in an index, not row by row.

- event_reports.place_entity_id: deleting an entity (when its last article
  is replaced) sets it to NULL in the reports that name the entity as their
  place; without an index every report of the registry is read to find them.
- entity_names (key, entity_id): which entities have a name key, from the
  index alone (a frequent name has one row per article that gives it).
- mentions (entity_id, article_id): the articles that speak of an entity,
  counted on every profile.
- event_participants (entity_id, report_id): the reports, and so the
  events, an entity took part in.
- articles.ingested_at: when the registry last changed, asked before every
  search.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_event_reports_place_entity_id', 'event_reports', ['place_entity_id'])
    op.create_index('ix_entity_names_key_entity_id', 'entity_names', ['key', 'entity_id'])
    op.drop_index('ix_entity_names_key', table_name='entity_names')
    op.create_index('ix_mentions_entity_id_article_id', 'mentions', ['entity_id', 'article_id'])
    op.drop_index('ix_mentions_entity_id', table_name='mentions')
    op.create_index('ix_event_participants_entity_id_report_id', 'event_participants', ['entity_id', 'report_id'])
    op.drop_index('ix_event_participants_entity_id', table_name='event_participants')
    op.create_index('ix_articles_ingested_at', 'articles', ['ingested_at'])


def downgrade() -> None:
    op.drop_index('ix_articles_ingested_at', table_name='articles')
    op.create_index('ix_event_participants_entity_id', 'event_participants', ['entity_id'])
    op.drop_index('ix_event_participants_entity_id_report_id', table_name='event_participants')
    op.create_index('ix_mentions_entity_id', 'mentions', ['entity_id'])
    op.drop_index('ix_mentions_entity_id_article_id', table_name='mentions')
    op.create_index('ix_entity_names_key', 'entity_names', ['key'])
    op.drop_index('ix_entity_names_key_entity_id', table_name='entity_names')
    op.drop_index('ix_event_reports_place_entity_id', table_name='event_reports')
