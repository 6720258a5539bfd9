"""Rows a merge only adds, written many at a time: one multi-row INSERT per table instead of one statement each.

A merge adds mentions, names, offices, event participants and tie stages
by the thousand and reads few of them back. `add(session, RowClass,
**values)` keeps such a row on the session; a table's rows kept are
written, in the order added, before the session runs a statement that
reads that table, all of them before a statement that changes
anything and before a commit, and those the ORM's changed rows refer to
before it flushes them. Every query therefore still sees them, as
with the ORM's autoflush, but rows go in one executemany per table
(Core: no ORM bookkeeping, no new ids asked back), on PostgreSQL in one COPY.
"""
from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Connection, Table, event, func, insert, select, text
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql import visitors

from amity.store.schema import Base

_KEY = "amity_pending_rows"
_IDS = "amity_allocated_ids"


def add(session: Session, row_class: type[Any], **values: Any) -> dict[str, Any]:
    """Keep a row to insert (attribute names as keys) until the session next needs it written; the values kept,
    which the caller may amend while `is_kept`."""
    session.info.setdefault(_KEY, {}).setdefault(row_class, []).append(values)
    return values


def is_kept(session: Session, row_class: type[Any], values: dict[str, Any]) -> bool:
    """Whether these values (as `add` returned them) are still kept, not written yet: amending them still counts."""
    return any(row is values for row in reversed(kept(session, row_class)))


def new_id(session: Session, row_class: type[Any]) -> int:
    """An id for a row of this class to `add`, without asking the database for each: the table's largest id
    plus one (on PostgreSQL, past the last id its sequence gave), counted on in the transaction.

    Only for tables whose rows are all added this way in the transaction,
    under the merge lock (no other writer adds to them meanwhile). On
    PostgreSQL the table's sequence is moved past them before the commit.
    """
    allocated: dict[type[Any], int] = session.info.setdefault(_IDS, {})
    if row_class not in allocated:
        write(session, {row_class.__tablename__})  # the rows kept with ids given before a `recount` are in the largest
        connection = session.connection()
        largest = connection.execute(select(func.max(row_class.__table__.c.id))).scalar() or 0
        if connection.dialect.name == "postgresql":
            # past every id the sequence gave too, so that ids of deleted rows are not handed out again
            table = row_class.__tablename__
            given = connection.execute(text(
                f"SELECT pg_sequence_last_value(pg_get_serial_sequence('{table}', 'id'))")).scalar()
            largest = max(largest, given or 0)
        allocated[row_class] = largest
    allocated[row_class] += 1
    return allocated[row_class]


def kept(session: Session, row_class: type[Any]) -> list[dict[str, Any]]:
    """The rows of this class kept and not yet written (attribute names as keys), for the caller to amend."""
    return (session.info.get(_KEY) or {}).get(row_class, [])  # type: ignore[no-any-return]


def recount(session: Session, *row_classes: type[Any]) -> None:
    """After rows of these classes (none named: of any) were deleted: on SQLite the next `new_id` reads the
    table's largest id again, as SQLite itself gives the id after the largest left (a transaction of its own
    would get that one). On PostgreSQL a sequence never gives an id twice, and neither does `new_id`."""
    if session.get_bind().dialect.name == "sqlite":
        allocated: dict[type[Any], int] = session.info.get(_IDS, {})
        for row_class in row_classes or list(allocated):
            allocated.pop(row_class, None)


def write(session: Session, tables: set[str] | None = None) -> None:
    """Insert the rows kept (of these tables and the tables they refer to; None: all), table by table, a
    table before those that refer to it."""
    kept: dict[type[Any], list[dict[str, Any]]] = session.info.get(_KEY) or {}
    wanted = None if tables is None else _with_referred(frozenset(tables))
    due = sorted((row_class for row_class in kept if wanted is None or row_class.__tablename__ in wanted),
                 key=lambda row_class: _ORDER[row_class.__tablename__])
    connection = session.connection()
    for row_class in due:
        rows, renamed = kept.pop(row_class), _renamed(row_class)
        named = [{renamed.get(k, k): v for k, v in row.items()} for row in rows] if renamed else rows
        if connection.dialect.name == "postgresql" and all(row.keys() == named[0].keys() for row in named):
            _copy(connection, row_class.__tablename__, named)
        else:
            connection.execute(insert(row_class.__table__), named)


def _copy(connection: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL's COPY: the rows in one stream, not one INSERT each (executemany sends a statement per row)."""
    names = list(rows[0])
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    quoted = ", ".join(f'"{name}"' for name in names)  # "key" and "end" need quotes
    with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[n] for n in names])


@cache
def _with_referred(tables: frozenset[str]) -> frozenset[str]:
    """These tables and those they refer to, and so on (a report's event must be written before it); worked out
    once per set of tables, not again for every statement that reads them."""
    out, todo = set(tables), list(tables)
    while todo:
        table = Base.metadata.tables.get(todo.pop())
        for key in table.foreign_keys if table is not None else ():
            if key.column.table.name not in out:
                out.add(key.column.table.name)
                todo.append(key.column.table.name)
    return frozenset(out)


def _set_sequences(session: Session) -> None:
    """PostgreSQL: each table's sequence at the largest id `new_id` gave, so that its next id is a new one."""
    allocated: dict[type[Any], int] = session.info.get(_IDS) or {}
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        for row_class, last in allocated.items():
            table = row_class.__tablename__
            connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), :last)"), {"last": last})


_ORDER = {table.name: n for n, table in enumerate(Base.metadata.sorted_tables)}
_RENAMED: dict[type[Any], dict[str, str]] = {}


def _renamed(row_class: type[Any]) -> dict[str, str]:
    """Attribute name -> column name, of the attributes named otherwise than their column (`MentionRow.start` is
    column `start_char`): the rows of a table without any go to the database as they were kept, not copied."""
    if row_class not in _RENAMED:
        _RENAMED[row_class] = {attribute.key: attribute.columns[0].key for attribute in row_class.__mapper__.column_attrs
                               if attribute.key != attribute.columns[0].key}
    return _RENAMED[row_class]


def _tables_read(statement: Any) -> set[str]:
    return {element.name for element in visitors.iterate(statement) if isinstance(element, Table)}


#: Execution option of a query that reads only rows stored before the transaction kept any (a stored event's row by
#: its id): the rows kept stay kept, not written a few at a time before each such read.
READS_STORED = "amity_reads_stored"


@event.listens_for(Session, "do_orm_execute")
def _before_statement(state: ORMExecuteState) -> None:
    if state.session.info.get(_KEY) and not state.execution_options.get(READS_STORED):
        write(state.session, _tables_read(state.statement) if state.is_select else None)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """The rows kept that the ORM's changed rows may refer to (an event placed in a town the batch named first)
    are written before them; the rest stay kept (a flush of a new article refers to none)."""
    if session.info.get(_KEY):
        changed = {type(row).__tablename__ for row in (*session.dirty, *session.new)}
        referred = _with_referred(frozenset(changed)) - changed
        if referred & {row_class.__tablename__ for row_class in session.info[_KEY]}:
            write(session, set(referred))


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    if session.info.get(_KEY):
        write(session)
    if session.info.get(_IDS):
        _set_sequences(session)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    session.info.pop(_IDS, None)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_KEY, None)
    session.info.pop(_IDS, None)
