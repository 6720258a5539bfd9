"""Indexes for a large registry: event_reports.place_entity_id; entity_names by (key, entity_id).

Deleting an entity (when its last article is replaced) sets this column to
NULL in the reports that name it as their place; without an index every
report of the registry is read to find them. Which entities have a name
key is read from the names index alone when it holds the entity too (a
frequent name has one row per article that gives it).

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


def downgrade() -> None:
    op.create_index('ix_entity_names_key', 'entity_names', ['key'])
    op.drop_index('ix_entity_names_key_entity_id', table_name='entity_names')
    op.drop_index('ix_event_reports_place_entity_id', table_name='event_reports')
