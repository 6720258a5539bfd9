"""Summaries the lists filter and sort on in SQL: events' first and last day; ties' last sign of life and sources.

Without them the registry described every tie to find the dormant ones and
sorted every event in Python to serve one page. Existing rows are filled in
from their stages, reports and articles.

Frozen: the date helpers and `_drop_column` are copies as they were when
this migration was written, so that it means the same whatever the live
code becomes (and opening a database loads nothing but SQLAlchemy and Alembic).

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

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
        _drop_column('ties', column)
    op.drop_index('ix_events_date_start_id', table_name='events')
    for column in ('date_end', 'date_start'):
        _drop_column('events', column)


def _fill() -> None:
    connection = op.get_bind()
    events = sa.table('events', sa.column('id'), sa.column('date'), sa.column('date_start'), sa.column('date_end'))
    rows = connection.execute(sa.select(events.c.id, events.c.date).where(events.c.date.is_not(None))).all()
    _update(connection, events, [{"i": i, "date_start": _span(d)[0], "date_end": _span(d)[1]}
                                 for i, d in rows if _is_date(d)])

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
        last_seen = _latest([last_activity, *seen.get(tie_id, [])])
        values.append({"i": tie_id, "last_seen": last_seen, "seen_until": _span(last_seen)[1] if last_seen else None,
                       "sources": len(sources.get(tie_id, ()))})
    _update(connection, ties, values)


def _update(connection: sa.Connection, table: sa.TableClause, values: list[dict[str, object]]) -> None:
    if not values:
        return
    columns: dict[str, sa.BindParameter[object]] = {name: sa.bindparam(name) for name in values[0] if name != "i"}
    statement = sa.update(table).where(table.c.id == sa.bindparam("i")).values(**columns)
    for at in range(0, len(values), _BATCH):
        connection.execute(statement, values[at:at + _BATCH])


def _drop_column(table: str, column: str) -> None:
    """SQLite drops a column in place (batch mode's table copy would cascade-delete the rows that refer to it)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    else:
        op.drop_column(table, column)


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


def _is_date(value: str | None) -> bool:
    return value is not None and _DATE.match(value.strip()) is not None


def _span(value: str) -> tuple[str, str]:
    first, _, last = value.partition("/")
    return _day(first, low=True), _day(last or first, low=False)


def _latest(values: list[str | None]) -> str | None:
    dated = [v for v in values if v is not None and _is_date(v)]
    return max(dated, key=lambda v: _span(v)[1]) if dated else None


def _day(part: str, *, low: bool) -> str:
    pieces = part.strip().split("-")
    year = pieces[0]
    month = pieces[1] if len(pieces) > 1 else ("01" if low else "12")
    day = pieces[2] if len(pieces) > 2 else ("01" if low else "31")
    return f"{year}-{month}-{day}"
