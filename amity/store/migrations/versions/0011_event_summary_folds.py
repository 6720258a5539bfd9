"""Each event keeps the reports giving its date (and reported status), its place and its agreement, so that a
merge folds an event's new report into those instead of reading every report of the event again.

A much-reported event (a town's yearly festival, a long exchange of
visits) has a report per article: reading them all each time one more
article reports it grew with the registry. The report ids are filled here
with the rule `amity.registry.event_rules` summarised by when this
revision was written, frozen below: a migration imports no live code,
whose queries may come to read columns later revisions add.

Revision ID: 0011
Revises: 0010
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000

# The columns read, as of this revision.
_reports = sa.table('event_reports', sa.column('id'), sa.column('event_id'), sa.column('article_id'),
                    sa.column('status'), sa.column('date'), sa.column('place_entity_id'), sa.column('agreement'))
_articles = sa.table('articles', sa.column('id'), sa.column('published'), sa.column('doc'))


def upgrade() -> None:
    for column in ('date_report_id', 'place_report_id', 'agreement_report_id'):
        op.add_column('events', sa.Column(column, sa.Integer(), nullable=True))
    connection = op.get_bind()
    events = sa.table('events', sa.column('id'), sa.column('date_report_id'), sa.column('place_report_id'),
                      sa.column('agreement_report_id'))
    statement = (sa.update(events).where(events.c.id == sa.bindparam("i"))
                 .values(date_report_id=sa.bindparam("d"), place_report_id=sa.bindparam("p"),
                         agreement_report_id=sa.bindparam("a")))
    folds = [{"i": event_id, "d": date, "p": place, "a": agreement}
             for event_id, date, place, agreement in _folds_of_every_event(connection)]
    for start in range(0, len(folds), _BATCH):  # read whole first: SQLite reads no table it is rewriting
        connection.execute(statement, folds[start:start + _BATCH])


def _folds_of_every_event(connection: sa.Connection) -> Iterator[tuple[int, int, int | None, int | None]]:
    """(event, report giving its date, report giving its place, report giving its agreement) of every event with
    reports: of the most precise dates, occurred reports first, the first reported; of places and agreements,
    the first an occurred report gives, else the first any gives."""
    query = (sa.select(_reports.c.event_id, _reports.c.status, _reports.c.date, _reports.c.place_entity_id,
                       _reports.c.agreement, _articles.c.published, _articles.c.doc, _reports.c.id)
             .join(_articles, _articles.c.id == _reports.c.article_id).order_by(_reports.c.event_id))
    rows = connection.execute(query, execution_options={"stream_results": True, "yield_per": 10_000})
    for event_id, reports in groupby(rows, key=lambda report: report.event_id):
        of_event = sorted(reports, key=_first_reported)
        occurred = [report for report in of_event if report.status == "occurred"]
        dated = max(occurred or of_event, key=lambda report: _precision(report.date))  # the first of equals
        placed = next((report.id for report in occurred + of_event if report.place_entity_id), None)
        agreed = next((report.id for report in occurred + of_event if report.agreement), None)
        yield event_id, dated.id, placed, agreed


def _first_reported(report: Any) -> tuple[Any, ...]:
    """Earliest published, then by doc (by code point), then as stored."""
    return (report.published is None, report.published or "", report.doc or "", report.id)


def _precision(value: str | None) -> float:
    """3 for a day, 2 for a month, 1 for a year; a span just below its parts; 0 for none."""
    if not value:
        return 0.0
    first, sep, _ = value.partition("/")
    return first.count("-") + 1 - (0.5 if sep else 0.0)


def downgrade() -> None:
    for column in ('agreement_report_id', 'place_report_id', 'date_report_id'):
        if op.get_bind().dialect.name == "sqlite":  # in place: batch mode's table copy would cascade-delete
            op.execute(f'ALTER TABLE "events" DROP COLUMN "{column}"')
        else:
            op.drop_column('events', column)
