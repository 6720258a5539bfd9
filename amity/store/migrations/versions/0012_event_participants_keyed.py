"""Each event participant row also carries its event's id and first day, in the index a merge reads candidate
events from, so that reading an entity's events near a date touches that index and each event's row once.

Revision 0009 put the event's type and last day on the participant rows.
A merge still went from every matching participant row to its report and
from the report to the event: at ~100k articles a batch's read met ~26k
participant rows, one for every report naming the entity (three reports
an event on average), each costing two row look-ups, and half of them
left out afterwards by the event's first day. With the event's id and
first day in the index the rows are narrowed and made distinct there; only
the events meeting the date are read, once each. A second index gives an
event's participants without going through its reports (PostgreSQL read
every report to find those of a few thousand events).

The same triggers as 0009's keep the copies true (a new participant row, an
event re-dated or retyped, a report moved to another event), now for four
columns.

Revision ID: 0012
Revises: 0011
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_INDEX = ('ix_event_participants_entity_id_event_type_event_until',
              ['entity_id', 'event_type', 'event_until', 'report_id'])
_NEW_INDEX = ('ix_event_participants_entity_event_keyed',
              ['entity_id', 'event_type', 'event_until', 'event_start', 'event_id', 'report_id'])

_BY_EVENT = ('ix_event_participants_event_id_entity_id', ['event_id', 'entity_id'])

_YEAR_BEFORE = {
    "sqlite": "printf('%04d', CAST(substr({e}.date_end, 1, 4) AS INTEGER) - 1) || substr({e}.date_end, 5)",
    "postgresql": "lpad((CAST(substr({e}.date_end, 1, 4) AS INTEGER) - 1)::text, 4, '0') || substr({e}.date_end, 5)",
}


def _copies(dialect: str, keyed: bool) -> dict[str, str]:
    """Participant column -> its value from the event row `e` (0009's two, and with `keyed` this revision's)."""
    year_before = _YEAR_BEFORE[dialect].format(e="e")
    out = {"event_type": "e.type",
           "event_until": (f"CASE WHEN e.date_start IS NOT NULL AND e.date_end IS NOT NULL AND "
                           f"e.date_start >= {year_before} THEN e.date_end END")}
    if keyed:
        out |= {"event_start": "e.date_start", "event_id": "e.id"}
    return out


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column('event_participants', sa.Column('event_start', sa.String(length=10), nullable=True))
    op.add_column('event_participants', sa.Column('event_id', sa.Integer(), nullable=True))
    _drop_triggers(dialect)
    if dialect == "postgresql":
        op.execute("UPDATE event_participants p SET event_start = e.date_start, event_id = e.id "
                   "FROM event_reports r JOIN events e ON e.id = r.event_id WHERE r.id = p.report_id")
    else:
        op.execute("UPDATE event_participants SET (event_start, event_id) = (SELECT e.date_start, e.id FROM events e "
                   "JOIN event_reports r ON r.event_id = e.id WHERE r.id = event_participants.report_id)")
    _create_triggers(dialect, keyed=True)
    op.create_index(_NEW_INDEX[0], 'event_participants', _NEW_INDEX[1])
    op.create_index(_BY_EVENT[0], 'event_participants', _BY_EVENT[1])
    op.drop_index(_OLD_INDEX[0], table_name='event_participants')


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    _drop_triggers(dialect)
    _create_triggers(dialect, keyed=False)
    op.create_index(_OLD_INDEX[0], 'event_participants', _OLD_INDEX[1])
    op.drop_index(_NEW_INDEX[0], table_name='event_participants')
    op.drop_index(_BY_EVENT[0], table_name='event_participants')
    op.drop_column('event_participants', 'event_id')
    op.drop_column('event_participants', 'event_start')


def _drop_triggers(dialect: str) -> None:
    if dialect == "postgresql":
        op.execute("DROP TRIGGER tr_event_reports_moved ON event_reports")
        op.execute("DROP TRIGGER tr_events_dated ON events")
        op.execute("DROP TRIGGER tr_event_participants_dated ON event_participants")
        for function in ("amity_report_moved", "amity_event_dated", "amity_participant_dated"):
            op.execute(f"DROP FUNCTION {function}()")
    else:
        for trigger in ("tr_event_reports_moved", "tr_events_dated", "tr_event_participants_dated"):
            op.execute(f"DROP TRIGGER {trigger}")


def _create_triggers(dialect: str, *, keyed: bool) -> None:
    """0009's three triggers, copying these columns: a new participant row takes its event's values; an event
    retyped or re-dated, or a report moved to another event, passes them on."""
    copies = _copies(dialect, keyed)
    names, values = ", ".join(copies), ", ".join(copies.values())
    if dialect == "postgresql":
        assigned = ", ".join(f"{name} = {value}" for name, value in copies.items())
        into = ", ".join(f"NEW.{name}" for name in copies)
        op.execute(f"""CREATE FUNCTION amity_participant_dated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            SELECT {values} INTO {into} FROM events e
                JOIN event_reports r ON r.event_id = e.id WHERE r.id = NEW.report_id;
            RETURN NEW; END $$""")
        op.execute("CREATE TRIGGER tr_event_participants_dated BEFORE INSERT ON event_participants "
                   "FOR EACH ROW EXECUTE FUNCTION amity_participant_dated()")
        op.execute(f"""CREATE FUNCTION amity_event_dated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            UPDATE event_participants p SET {assigned}
                FROM event_reports r JOIN events e ON e.id = r.event_id
                WHERE r.event_id = NEW.id AND p.report_id = r.id;
            RETURN NULL; END $$""")
        op.execute("CREATE TRIGGER tr_events_dated AFTER UPDATE OF type, date_start, date_end ON events FOR EACH ROW "
                   "WHEN (OLD.type IS DISTINCT FROM NEW.type OR OLD.date_start IS DISTINCT FROM NEW.date_start "
                   "OR OLD.date_end IS DISTINCT FROM NEW.date_end) EXECUTE FUNCTION amity_event_dated()")
        op.execute(f"""CREATE FUNCTION amity_report_moved() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            UPDATE event_participants p SET {assigned}
                FROM events e WHERE e.id = NEW.event_id AND p.report_id = NEW.id;
            RETURN NULL; END $$""")
        op.execute("CREATE TRIGGER tr_event_reports_moved AFTER UPDATE OF event_id ON event_reports FOR EACH ROW "
                   "WHEN (OLD.event_id IS DISTINCT FROM NEW.event_id) EXECUTE FUNCTION amity_report_moved()")
        return
    op.execute(f"""CREATE TRIGGER tr_event_participants_dated AFTER INSERT ON event_participants BEGIN
        UPDATE event_participants SET ({names}) = (SELECT {values} FROM events e
            JOIN event_reports r ON r.event_id = e.id WHERE r.id = NEW.report_id)
        WHERE report_id = NEW.report_id AND entity_id = NEW.entity_id; END""")
    op.execute(f"""CREATE TRIGGER tr_events_dated AFTER UPDATE OF type, date_start, date_end ON events BEGIN
        UPDATE event_participants SET ({names}) = (SELECT {values} FROM events e WHERE e.id = NEW.id)
        WHERE report_id IN (SELECT id FROM event_reports WHERE event_id = NEW.id); END""")
    op.execute(f"""CREATE TRIGGER tr_event_reports_moved AFTER UPDATE OF event_id ON event_reports BEGIN
        UPDATE event_participants SET ({names}) = (SELECT {values} FROM events e WHERE e.id = NEW.event_id)
        WHERE report_id = NEW.id; END""")
