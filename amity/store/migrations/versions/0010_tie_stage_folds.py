"""Each tie keeps the stages giving its furthest stage and its latest date, so that a merge folds a tie's new
stages into those instead of reading every stage of the tie again.

A much-reported tie has a stage per article: reading them all at the
first re-summary of each tie in a run grew with the registry. The stage
ids (NULL where an analyst rejected a stage, which the fold cannot take
back) are filled here with the rule `amity.registry.tie_rules` summarised
by when this revision was written, frozen below: a migration imports no live
code, whose queries may come to read columns later revisions add.

Revision ID: 0010
Revises: 0009
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000


# The tie stages from least to furthest, and the columns read, as of this revision.
_STAGES = ("active", "proposed", "planned", "signed", "ratified", "ended")
_RANK = {stage: rank for rank, stage in enumerate(_STAGES)}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
_stages = sa.table('tie_stages', sa.column('id'), sa.column('tie_id'), sa.column('status'), sa.column('date'),
                   sa.column('curation'), sa.column('article_id'))
_articles = sa.table('articles', sa.column('id'), sa.column('published'), sa.column('doc'))


def upgrade() -> None:
    op.add_column('ties', sa.Column('furthest_stage_id', sa.Integer(), nullable=True))
    op.add_column('ties', sa.Column('latest_stage_id', sa.Integer(), nullable=True))
    connection = op.get_bind()
    ties = sa.table('ties', sa.column('id'), sa.column('furthest_stage_id'), sa.column('latest_stage_id'))
    statement = (sa.update(ties).where(ties.c.id == sa.bindparam("i"))
                 .values(furthest_stage_id=sa.bindparam("f"), latest_stage_id=sa.bindparam("l")))
    folds = [{"i": tie_id, "f": furthest, "l": latest} for tie_id, furthest, latest in _folds_of_every_tie(connection)]
    for start in range(0, len(folds), _BATCH):  # read whole first: SQLite reads no table it is rewriting
        connection.execute(statement, folds[start:start + _BATCH])


def _folds_of_every_tie(connection: sa.Connection) -> Iterator[tuple[int, int | None, int | None]]:
    """(tie, furthest stage, latest stage) of every tie with stages; none for a tie with a rejected stage."""
    query = (sa.select(_stages.c.tie_id, _stages.c.status, _stages.c.date, _stages.c.curation,
                       _articles.c.published, _stages.c.article_id, _articles.c.doc, _stages.c.id)
             .join(_articles, _articles.c.id == _stages.c.article_id).order_by(_stages.c.tie_id))
    rows = connection.execute(query, execution_options={"stream_results": True, "yield_per": 10_000})
    for tie_id, stages in groupby(rows, key=lambda stage: stage.tie_id):
        of_tie = sorted(stages, key=_first_reported)  # `max` keeps the first of equals: the first reported
        if any(stage.curation == "rejected" for stage in of_tie):
            yield tie_id, None, None
            continue
        furthest = max(of_tie, key=_rank)
        dated = [stage for stage in of_tie if _is_date(stage.date or stage.published)]
        latest = max(dated, key=lambda stage: _last_day(stage.date or stage.published), default=None)
        yield tie_id, furthest.id, latest.id if latest is not None else None


def _first_reported(stage: Any) -> tuple[Any, ...]:
    """Earliest published, then by doc: not first stored."""
    return (stage.published is None, stage.published or "", stage.doc or "", stage.id)


def _rank(stage: Any) -> tuple[int, bool, float]:
    """How far a stage is: its status, then dated, then the more precise (a span just below its parts)."""
    date = stage.date
    precision = 0.0 if not date else date.partition("/")[0].count("-") + 1 - (0.5 if "/" in date else 0.0)
    return _RANK.get(stage.status, -1), date is not None, precision


def _is_date(value: str | None) -> bool:
    return value is not None and _DATE.match(value.strip()) is not None


def _last_day(value: str) -> str:
    """The last day a date (or span of two) covers, as an ISO string ("2021-12" → 2021-12-31)."""
    pieces = value.partition("/")[2].strip() or value.partition("/")[0].strip()
    year, month, day = (pieces.split("-") + ["12", "31"][len(pieces.split("-")) - 1:])[:3]
    return f"{year}-{month}-{day}"


def downgrade() -> None:
    for column in ('latest_stage_id', 'furthest_stage_id'):
        if op.get_bind().dialect.name == "sqlite":  # in place: batch mode's table copy would cascade-delete
            op.execute(f'ALTER TABLE "ties" DROP COLUMN "{column}"')
        else:
            op.drop_column('ties', column)
