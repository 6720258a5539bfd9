"""Offices as (person, body) pairs in an index, so that merging asks about them without reading every office row.

A mayor of a much-reported town has one office row per article that
names them. Merging asks which (person, body) pairs are known already and
who holds an office of a tie's parties: with an index of person_id alone
(or of_entity_id alone) each question read all those rows; with the pairs
in the index, it is answered from the index alone.

- roles (person_id, of_entity_id) replaces roles (person_id);
- roles (of_entity_id, person_id) replaces roles (of_entity_id).

Revision ID: 0008
Revises: 0007
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_roles_person_id_of_entity_id', 'roles', ['person_id', 'of_entity_id'])
    op.drop_index('ix_roles_person_id', table_name='roles')
    op.create_index('ix_roles_of_entity_id_person_id', 'roles', ['of_entity_id', 'person_id'])
    op.drop_index('ix_roles_of_entity_id', table_name='roles')


def downgrade() -> None:
    op.create_index('ix_roles_of_entity_id', 'roles', ['of_entity_id'])
    op.drop_index('ix_roles_of_entity_id_person_id', table_name='roles')
    op.create_index('ix_roles_person_id', 'roles', ['person_id'])
    op.drop_index('ix_roles_person_id_of_entity_id', table_name='roles')
