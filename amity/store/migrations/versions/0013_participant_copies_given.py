"""A merge gives each new event participant row its event's copies itself; the database computes them only for a
row written without them. And entity names lose an index another one already serves.

Revisions 0009 and 0012 had every participant row inserted take its
event's type, days and id from a trigger: on SQLite an UPDATE of each row
just inserted (its two indexes of those columns changed a second time), on
PostgreSQL a PL/pgSQL SELECT through the report to the event for each row
COPY streams in. The merge knows those values when it adds the row, so the
trigger now fires only for a row inserted without them (`event_id` NULL).
The triggers on an event retyped or re-dated and on a report moved stay as
they were: they keep rows already written true, and a merge writes its
kept participant rows before it changes their event (`amity.store.pending`).

`ix_entity_names_entity_id` (entity_id) is the first column of the unique
index on (entity_id, key, article_id): every look-up by entity can use
that one, and each name row a merge adds no longer updates a third index.

Revision ID: 0013
Revises: 0012
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_YEAR_BEFORE = {
    "sqlite": "printf('%04d', CAST(substr(e.date_end, 1, 4) AS INTEGER) - 1) || substr(e.date_end, 5)",
    "postgresql": "lpad((CAST(substr(e.date_end, 1, 4) AS INTEGER) - 1)::text, 4, '0') || substr(e.date_end, 5)",
}


def _copies(dialect: str) -> dict[str, str]:
    """Participant column -> its value from the event row `e` (as 0012 wrote them)."""
    return {"event_type": "e.type",
            "event_until": (f"CASE WHEN e.date_start IS NOT NULL AND e.date_end IS NOT NULL AND "
                            f"e.date_start >= {_YEAR_BEFORE[dialect]} THEN e.date_end END"),
            "event_start": "e.date_start", "event_id": "e.id"}


def upgrade() -> None:
    _insert_trigger(op.get_bind().dialect.name, only_without=True)
    op.drop_index('ix_entity_names_entity_id', table_name='entity_names')


def downgrade() -> None:
    op.create_index('ix_entity_names_entity_id', 'entity_names', ['entity_id'])
    _insert_trigger(op.get_bind().dialect.name, only_without=False)


def _insert_trigger(dialect: str, *, only_without: bool) -> None:
    """0012's trigger on a new participant row again, firing for every row or (`only_without`) only for a row
    inserted without its event's id."""
    copies = _copies(dialect)
    names, values = ", ".join(copies), ", ".join(copies.values())
    if dialect == "postgresql":
        op.execute("DROP TRIGGER tr_event_participants_dated ON event_participants")
        when = "WHEN (NEW.event_id IS NULL) " if only_without else ""
        op.execute("CREATE TRIGGER tr_event_participants_dated BEFORE INSERT ON event_participants "
                   f"FOR EACH ROW {when}EXECUTE FUNCTION amity_participant_dated()")
        return
    op.execute("DROP TRIGGER tr_event_participants_dated")
    when = "WHEN NEW.event_id IS NULL " if only_without else ""
    op.execute(f"""CREATE TRIGGER tr_event_participants_dated AFTER INSERT ON event_participants {when}BEGIN
        UPDATE event_participants SET ({names}) = (SELECT {values} FROM events e
            JOIN event_reports r ON r.event_id = e.id WHERE r.id = NEW.report_id)
        WHERE report_id = NEW.report_id AND entity_id = NEW.entity_id; END""")
