"""The whole registry schema: articles, entities and their names, roles, events, ties.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc', sa.String(length=1000), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=32), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_articles_content_hash'))
    )
    op.create_index('ix_articles_doc', 'articles', ['doc'])
    op.create_index('ix_articles_url', 'articles', ['url'])

    op.create_table('entities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('geonames_id', sa.Integer(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['entities.id'], name=op.f('fk_entities_parent_id_entities'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entities'))
    )
    op.create_index('ix_entities_geonames_id', 'entities', ['geonames_id'])
    op.create_index('ix_entities_parent_id', 'entities', ['parent_id'])
    op.create_index('ix_entities_type', 'entities', ['type'])

    op.create_table('ingest_errors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ingest_errors'))
    )
    op.create_table('ties',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('party_key', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('last_activity', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ties')),
    sa.UniqueConstraint('kind', 'party_key', name=op.f('uq_ties_kind_party_key'))
    )
    op.create_index('ix_ties_kind', 'ties', ['kind'])
    op.create_index('ix_ties_status', 'ties', ['status'])

    op.create_table('entity_names',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('key', sa.String(length=500), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_entity_names_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_entity_names_entity_id_entities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entity_names')),
    sa.UniqueConstraint('entity_id', 'key', 'article_id', name=op.f('uq_entity_names_entity_id_key_article_id'))
    )
    op.create_index('ix_entity_names_article_id', 'entity_names', ['article_id'])
    op.create_index('ix_entity_names_entity_id', 'entity_names', ['entity_id'])
    op.create_index('ix_entity_names_key', 'entity_names', ['key'])

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('place_entity_id', sa.Integer(), nullable=True),
    sa.Column('agreement', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['place_entity_id'], ['entities.id'], name=op.f('fk_events_place_entity_id_entities'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    op.create_index('ix_events_date', 'events', ['date'])
    op.create_index('ix_events_place_entity_id', 'events', ['place_entity_id'])
    op.create_index('ix_events_type', 'events', ['type'])

    op.create_table('mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=True),
    sa.Column('start_char', sa.Integer(), nullable=True),
    sa.Column('end_char', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_mentions_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_mentions_entity_id_entities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentions'))
    )
    op.create_index('ix_mentions_article_id', 'mentions', ['article_id'])
    op.create_index('ix_mentions_entity_id', 'mentions', ['entity_id'])

    op.create_table('roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('of_name', sa.Text(), nullable=True),
    sa.Column('of_entity_id', sa.Integer(), nullable=True),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=True),
    sa.Column('start_char', sa.Integer(), nullable=True),
    sa.Column('end_char', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_roles_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['of_entity_id'], ['entities.id'], name=op.f('fk_roles_of_entity_id_entities'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['entities.id'], name=op.f('fk_roles_person_id_entities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roles'))
    )
    op.create_index('ix_roles_article_id', 'roles', ['article_id'])
    op.create_index('ix_roles_of_entity_id', 'roles', ['of_entity_id'])
    op.create_index('ix_roles_person_id', 'roles', ['person_id'])

    op.create_table('tie_parties',
    sa.Column('tie_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_tie_parties_entity_id_entities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tie_id'], ['ties.id'], name=op.f('fk_tie_parties_tie_id_ties'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tie_id', 'entity_id', name=op.f('pk_tie_parties'))
    )
    op.create_index('ix_tie_parties_entity_id', 'tie_parties', ['entity_id'])

    op.create_table('tie_stages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tie_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=True),
    sa.Column('start_char', sa.Integer(), nullable=True),
    sa.Column('end_char', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_tie_stages_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tie_id'], ['ties.id'], name=op.f('fk_tie_stages_tie_id_ties'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tie_stages'))
    )
    op.create_index('ix_tie_stages_article_id', 'tie_stages', ['article_id'])
    op.create_index('ix_tie_stages_tie_id', 'tie_stages', ['tie_id'])

    op.create_table('event_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('place_entity_id', sa.Integer(), nullable=True),
    sa.Column('agreement', sa.String(length=16), nullable=True),
    sa.Column('sentence', sa.Text(), nullable=True),
    sa.Column('start_char', sa.Integer(), nullable=True),
    sa.Column('end_char', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_event_reports_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_reports_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_entity_id'], ['entities.id'], name=op.f('fk_event_reports_place_entity_id_entities'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_reports'))
    )
    op.create_index('ix_event_reports_article_id', 'event_reports', ['article_id'])
    op.create_index('ix_event_reports_event_id', 'event_reports', ['event_id'])

    op.create_table('event_participants',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_event_participants_entity_id_entities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['event_reports.id'], name=op.f('fk_event_participants_report_id_event_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', 'entity_id', name=op.f('pk_event_participants'))
    )
    op.create_index('ix_event_participants_entity_id', 'event_participants', ['entity_id'])


def downgrade() -> None:
    op.drop_table('event_participants')
    op.drop_table('event_reports')
    op.drop_table('tie_stages')
    op.drop_table('tie_parties')
    op.drop_table('roles')
    op.drop_table('mentions')
    op.drop_table('events')
    op.drop_table('entity_names')
    op.drop_table('ties')
    op.drop_table('ingest_errors')
    op.drop_table('entities')
    op.drop_table('articles')
