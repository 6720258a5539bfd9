"""One article per doc and per url: concurrent writers can no longer store an article twice.

`doc` (except "stdin", which names where an article came from, not which
one it is) and `url` become unique. A registry written by two ingests at
once before this revision may hold two versions of an article: the older
ones are deleted first (their facts with them, by ON DELETE CASCADE), then
events, ties and entities no article speaks of any more, and the ties'
source counts are counted again. Entities stored twice by such a race are
not merged here (no key says they are one); `amity` curation can merge them.

Revision ID: 0007
Revises: 0006
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAMED_DOC = "doc NOT IN ('stdin')"

_OLDER_VERSIONS = f"""
DELETE FROM articles WHERE
    ({_NAMED_DOC} AND id < (SELECT max(a.id) FROM articles a WHERE a.doc = articles.doc))
    OR (url IS NOT NULL AND id < (SELECT max(a.id) FROM articles a WHERE a.url = articles.url))
"""

_ORPHANS = (
    "DELETE FROM events WHERE NOT EXISTS (SELECT 1 FROM event_reports r WHERE r.event_id = events.id)",
    "DELETE FROM ties WHERE NOT EXISTS (SELECT 1 FROM tie_stages s WHERE s.tie_id = ties.id)",
    "DELETE FROM entities WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)",
    "UPDATE ties SET sources = (SELECT count(DISTINCT s.article_id) FROM tie_stages s WHERE s.tie_id = ties.id)",
)


def upgrade() -> None:
    if op.get_bind().execute(sa.text(_OLDER_VERSIONS)).rowcount:
        for statement in _ORPHANS:
            op.execute(statement)
    op.drop_index('ix_articles_url', table_name='articles')
    op.create_index('ix_articles_url', 'articles', ['url'], unique=True)
    op.create_index('uq_articles_doc', 'articles', ['doc'], unique=True,
                    sqlite_where=sa.text(_NAMED_DOC), postgresql_where=sa.text(_NAMED_DOC))


def downgrade() -> None:
    op.drop_index('uq_articles_doc', table_name='articles')
    op.drop_index('ix_articles_url', table_name='articles')
    op.create_index('ix_articles_url', 'articles', ['url'])
