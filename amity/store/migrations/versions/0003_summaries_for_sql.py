"""Summaries the lists filter and sort on in SQL: events' first and last day; ties' last sign of life and sources.

Without them the registry described every tie to find the dormant ones and
sorted every event in Python to serve one page. Existing rows are filled in
from their stages, reports and articles.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from amity.registry import dates
from amity.store.migrations.columns import drop_column

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('date_start', sa.String(length=10), nullable=True))
        batch.add_column(sa.Column('date_end', sa.String(length=10), nullable=True))
    op.create_index('ix_events_date_start_id', 'events', ['date_start', 'id'])
    with op.batch_alter_table('ties') as batch:
        batch.add_column(sa.Column('last_seen', sa.String(length=32), nullable=True))
        batch.add_column(sa.Column('seen_until', sa.String(length=10), nullable=True))
        batch.add_column(sa.Column('sources', sa.Integer(), server_default='0', nullable=False))
    op.create_index('ix_ties_seen_until', 'ties', ['seen_until'])
    _fill()


def downgrade() -> None:
    op.drop_index('ix_ties_seen_until', table_name='ties')
    for column in ('sources', 'seen_until', 'last_seen'):
        drop_column('ties', column)
    op.drop_index('ix_events_date_start_id', table_name='events')
    for column in ('date_end', 'date_start'):
        drop_column('events', column)


def _fill() -> None:
    connection = op.get_bind()
    events = sa.table('events', sa.column('id'), sa.column('date'), sa.column('date_start'), sa.column('date_end'))
    rows = connection.execute(sa.select(events.c.id, events.c.date).where(events.c.date.is_not(None))).all()
    _update(connection, events, [{"i": i, "date_start": dates.span(d)[0], "date_end": dates.span(d)[1]}
                                 for i, d in rows if dates.is_date(d)])

    ties = sa.table('ties', sa.column('id'), sa.column('last_activity'), sa.column('last_seen'),
                    sa.column('seen_until'), sa.column('sources'))
    stages = sa.table('tie_stages', sa.column('tie_id'), sa.column('date'), sa.column('article_id'))
    articles = sa.table('articles', sa.column('id'), sa.column('published'))
    seen: dict[int, list[str | None]] = {}
    sources: dict[int, set[int]] = {}
    for tie_id, day, published, article_id in connection.execute(
            sa.select(stages.c.tie_id, stages.c.date, articles.c.published, stages.c.article_id)
            .join(articles, articles.c.id == stages.c.article_id)):
        seen.setdefault(tie_id, []).append(day or published)
        sources.setdefault(tie_id, set()).add(article_id)
    values = []
    for tie_id, last_activity in connection.execute(sa.select(ties.c.id, ties.c.last_activity)).all():
        last_seen = dates.latest([last_activity, *seen.get(tie_id, [])])
        values.append({"i": tie_id, "last_seen": last_seen, "seen_until": dates.span(last_seen)[1] if last_seen else None,
                       "sources": len(sources.get(tie_id, ()))})
    _update(connection, ties, values)


def _update(connection: sa.Connection, table: sa.TableClause, values: list[dict[str, object]]) -> None:
    if not values:
        return
    columns = {name: sa.bindparam(name) for name in values[0] if name != "i"}
    statement = sa.update(table).where(table.c.id == sa.bindparam("i")).values(**columns)
    for at in range(0, len(values), _BATCH):
        connection.execute(statement, values[at:at + _BATCH])
