"""PostgreSQL: a GIN index of the articles' words, so that search does not read every article.

The expression is the one `amity.registry.search` matches against
(`WORDS_SQL` there), character for character, or PostgreSQL will not use
the index. SQLite has its own FTS5 table instead (made by the search
module), so nothing happens there. The index is not in the models'
metadata (an expression index of one dialect); `amity.store.schema`
lists it in `OUTSIDE_METADATA`.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEX = "ix_articles_words"
_WORDS = "to_tsvector('english', coalesce(title, '') || ' ' || text)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX {_INDEX} ON articles USING gin ({_WORDS})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {_INDEX}")
