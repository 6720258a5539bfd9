"""Tokens in the registry's schema: `web_tokens`, which the web app used to create outside the migrations.

A database that already has the table (made by an older Amity with
`CREATE TABLE IF NOT EXISTS`, the same columns) keeps it as it is.

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table('web_tokens'):
        return
    op.create_table('web_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_web_tokens_token_hash'))
    )


def downgrade() -> None:
    op.drop_table('web_tokens')
