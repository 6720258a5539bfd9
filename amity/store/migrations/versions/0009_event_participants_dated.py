"""Each event participant row carries its event's type and last day, so that merging reads an entity's events
of one type near a date from an index, not all its events.

A report joins an event whose dates overlap its own. A much-reported town
has thousands of events; reading them all for every batch grew with the
registry. With (entity_id, event_type, event_until) in an index, a report
dated [first, last] reads only the events ending between `first` and a
year after `last`: every event of at most a year (`event_until` set) that
can overlap it. Events of no readable date or of more than a year keep
`event_until` NULL and are read for every date.

Database triggers keep the copies true whatever writes the rows: a new
participant row takes its event's values; an event whose type or dates
change, or a report moved to another event, passes its values on. The
rule for "at most a year" (start on or after the same day a year before
the end, compared as ISO strings) is `amity.registry.event_rules`'s
`_until`, written here in SQL.

Revision ID: 0009
Revises: 0008
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_YEAR_BEFORE = {
    "sqlite": "printf('%04d', CAST(substr({e}.date_end, 1, 4) AS INTEGER) - 1) || substr({e}.date_end, 5)",
    "postgresql": "lpad((CAST(substr({e}.date_end, 1, 4) AS INTEGER) - 1)::text, 4, '0') || substr({e}.date_end, 5)",
}


def _until(dialect: str, e: str) -> str:
    """SQL of an event's `event_until` (`e`: the name of its row): its last day when it spans at most a year."""
    year_before = _YEAR_BEFORE[dialect].format(e=e)
    return (f"CASE WHEN {e}.date_start IS NOT NULL AND {e}.date_end IS NOT NULL AND {e}.date_start >= {year_before} "
            f"THEN {e}.date_end END")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column('event_participants', sa.Column('event_type', sa.String(length=16), nullable=True))
    op.add_column('event_participants', sa.Column('event_until', sa.String(length=10), nullable=True))
    op.create_index('ix_event_participants_entity_id_event_type_event_until', 'event_participants',
                    ['entity_id', 'event_type', 'event_until', 'report_id'])
    op.drop_index('ix_event_participants_entity_id_report_id', table_name='event_participants')
    if dialect == "postgresql":
        _postgresql()
    else:
        _sqlite()


def _sqlite() -> None:
    until = _until("sqlite", "e")
    op.execute(f"UPDATE event_participants SET (event_type, event_until) = (SELECT e.type, {until} FROM events e "
               "JOIN event_reports r ON r.event_id = e.id WHERE r.id = event_participants.report_id)")
    op.execute(f"""CREATE TRIGGER tr_event_participants_dated AFTER INSERT ON event_participants BEGIN
        UPDATE event_participants SET (event_type, event_until) = (SELECT e.type, {until} FROM events e
            JOIN event_reports r ON r.event_id = e.id WHERE r.id = NEW.report_id)
        WHERE report_id = NEW.report_id AND entity_id = NEW.entity_id; END""")
    op.execute(f"""CREATE TRIGGER tr_events_dated AFTER UPDATE OF type, date_start, date_end ON events BEGIN
        UPDATE event_participants SET (event_type, event_until) = (SELECT e.type, {until} FROM events e
            WHERE e.id = NEW.id)
        WHERE report_id IN (SELECT id FROM event_reports WHERE event_id = NEW.id); END""")
    op.execute(f"""CREATE TRIGGER tr_event_reports_moved AFTER UPDATE OF event_id ON event_reports BEGIN
        UPDATE event_participants SET (event_type, event_until) = (SELECT e.type, {until} FROM events e
            WHERE e.id = NEW.event_id)
        WHERE report_id = NEW.id; END""")


def _postgresql() -> None:
    until = _until("postgresql", "e")
    op.execute(f"UPDATE event_participants p SET event_type = e.type, event_until = {until} "
               "FROM event_reports r JOIN events e ON e.id = r.event_id WHERE r.id = p.report_id")
    op.execute(f"""CREATE FUNCTION amity_participant_dated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        SELECT e.type, {until} INTO NEW.event_type, NEW.event_until FROM events e
            JOIN event_reports r ON r.event_id = e.id WHERE r.id = NEW.report_id;
        RETURN NEW; END $$""")
    op.execute("CREATE TRIGGER tr_event_participants_dated BEFORE INSERT ON event_participants "
               "FOR EACH ROW EXECUTE FUNCTION amity_participant_dated()")
    op.execute(f"""CREATE FUNCTION amity_event_dated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE event_participants p SET event_type = e.type, event_until = {until}
            FROM event_reports r JOIN events e ON e.id = r.event_id
            WHERE r.event_id = NEW.id AND p.report_id = r.id;
        RETURN NULL; END $$""")
    op.execute("CREATE TRIGGER tr_events_dated AFTER UPDATE OF type, date_start, date_end ON events FOR EACH ROW "
               "WHEN (OLD.type IS DISTINCT FROM NEW.type OR OLD.date_start IS DISTINCT FROM NEW.date_start "
               "OR OLD.date_end IS DISTINCT FROM NEW.date_end) EXECUTE FUNCTION amity_event_dated()")
    op.execute(f"""CREATE FUNCTION amity_report_moved() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE event_participants p SET event_type = e.type, event_until = {until}
            FROM events e WHERE e.id = NEW.event_id AND p.report_id = NEW.id;
        RETURN NULL; END $$""")
    op.execute("CREATE TRIGGER tr_event_reports_moved AFTER UPDATE OF event_id ON event_reports FOR EACH ROW "
               "WHEN (OLD.event_id IS DISTINCT FROM NEW.event_id) EXECUTE FUNCTION amity_report_moved()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER tr_event_reports_moved ON event_reports")
        op.execute("DROP TRIGGER tr_events_dated ON events")
        op.execute("DROP TRIGGER tr_event_participants_dated ON event_participants")
        for function in ("amity_report_moved", "amity_event_dated", "amity_participant_dated"):
            op.execute(f"DROP FUNCTION {function}()")
    else:
        for trigger in ("tr_event_reports_moved", "tr_events_dated", "tr_event_participants_dated"):
            op.execute(f"DROP TRIGGER {trigger}")
    op.create_index('ix_event_participants_entity_id_report_id', 'event_participants', ['entity_id', 'report_id'])
    op.drop_index('ix_event_participants_entity_id_event_type_event_until', table_name='event_participants')
    op.drop_column('event_participants', 'event_until')
    op.drop_column('event_participants', 'event_type')
