"""Dropping a column in a downgrade without losing rows elsewhere.

Alembic's batch mode on SQLite copies the table and drops the old one, and
with foreign keys on (as Amity's connections have them) dropping it deletes
every row that refers to it: a downgrade of `ties` would empty
`tie_stages`. SQLite 3.35 and later drop a column in place instead.
"""
from __future__ import annotations

from alembic import op


def drop_column(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    else:
        op.drop_column(table, column)
