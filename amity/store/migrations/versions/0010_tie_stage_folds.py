"""Each tie keeps the stages giving its furthest stage and its latest date, so that a merge folds a tie's new
stages into those instead of reading every stage of the tie again.

A much-reported tie has a stage per article: reading them all at the
first re-summary of each tie in a run grew with the registry. The stage
ids (NULL where an analyst rejected a stage, which the fold cannot take
back) are filled here with the rule `amity.registry.tie_rules` summarises
by, the same code that keeps them true from now on.

Revision ID: 0010
Revises: 0009
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000


def upgrade() -> None:
    from amity.registry.tie_rules import folds_of_every_tie

    op.add_column('ties', sa.Column('furthest_stage_id', sa.Integer(), nullable=True))
    op.add_column('ties', sa.Column('latest_stage_id', sa.Integer(), nullable=True))
    connection = op.get_bind()
    ties = sa.table('ties', sa.column('id'), sa.column('furthest_stage_id'), sa.column('latest_stage_id'))
    statement = (sa.update(ties).where(ties.c.id == sa.bindparam("i"))
                 .values(furthest_stage_id=sa.bindparam("f"), latest_stage_id=sa.bindparam("l")))
    folds = [{"i": tie_id, "f": furthest, "l": latest} for tie_id, furthest, latest in folds_of_every_tie(connection)]
    for start in range(0, len(folds), _BATCH):  # read whole first: SQLite reads no table it is rewriting
        connection.execute(statement, folds[start:start + _BATCH])


def downgrade() -> None:
    for column in ('latest_stage_id', 'furthest_stage_id'):
        if op.get_bind().dialect.name == "sqlite":  # in place: batch mode's table copy would cascade-delete
            op.execute(f'ALTER TABLE "ties" DROP COLUMN "{column}"')
        else:
            op.drop_column('ties', column)
