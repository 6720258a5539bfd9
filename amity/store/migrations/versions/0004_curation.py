"""Curation: the analysts' decisions log, and the state they leave on ties, stages, events and entities.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Tables that get the decision's outcome, and whether they also take a status and date set by hand.
_CURATED = {"entities": False, "tie_stages": False, "events": True, "ties": True}


def upgrade() -> None:
    op.create_table('decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('target', sa.String(length=16), nullable=False),
    sa.Column('target_key', sa.String(length=2000), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('who', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decisions'))
    )
    op.create_index('ix_decisions_target', 'decisions', ['target'])
    op.create_index('ix_decisions_target_key', 'decisions', ['target_key'])
    for table, edited in _CURATED.items():
        op.add_column(table, sa.Column('curation', sa.String(length=16), nullable=True))
        op.add_column(table, sa.Column('curated_by', sa.String(length=200), nullable=True))
        op.add_column(table, sa.Column('curated_at', sa.DateTime(timezone=True), nullable=True))
        if edited:
            op.add_column(table, sa.Column('curated_status', sa.String(length=16), nullable=True))
            op.add_column(table, sa.Column('curated_date', sa.String(length=32), nullable=True))


def downgrade() -> None:
    for table, edited in _CURATED.items():
        for column in ('curation', 'curated_by', 'curated_at', *(('curated_status', 'curated_date') if edited else ())):
            _drop_column(table, column)
    op.drop_index('ix_decisions_target_key', table_name='decisions')
    op.drop_index('ix_decisions_target', table_name='decisions')
    op.drop_table('decisions')


def _drop_column(table: str, column: str) -> None:
    """SQLite drops a column in place (batch mode's table copy would cascade-delete the rows that refer to it).

    A copy frozen with this migration, like 0003's.
    """
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    else:
        op.drop_column(table, column)
