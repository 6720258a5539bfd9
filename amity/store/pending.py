"""Rows a merge only adds, written many at a time: one multi-row INSERT per table instead of one statement each.

A merge adds mentions, names, offices, event participants and tie stages
by the thousand and reads few of them back. `add(session, RowClass,
**values)` keeps such a row on the session; a table's rows kept are
written, in the order added, before the session runs a statement that
reads that table, and all of them before a statement that changes
anything and before a commit. Every query therefore still sees them, as
with the ORM's autoflush, but rows go in one executemany per table
(Core: no ORM bookkeeping, no new ids asked back), on PostgreSQL in one COPY.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, event, insert
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql import visitors

_KEY = "amity_pending_rows"


def add(session: Session, row_class: type[Any], **values: Any) -> None:
    """Keep a row to insert (attribute names as keys) until the session next needs it written."""
    session.info.setdefault(_KEY, {}).setdefault(row_class, []).append(values)


def write(session: Session, tables: set[str] | None = None) -> None:
    """Insert the rows kept (of these tables; None: all), table by table."""
    kept: dict[type[Any], list[dict[str, Any]]] = session.info.get(_KEY) or {}
    due = [row_class for row_class in kept if tables is None or row_class.__tablename__ in tables]
    connection = session.connection()
    for row_class in due:
        rows, columns = kept.pop(row_class), _columns(row_class)
        named = [{columns[k]: v for k, v in row.items()} for row in rows]
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


_COLUMNS: dict[type[Any], dict[str, str]] = {}


def _columns(row_class: type[Any]) -> dict[str, str]:
    """Attribute name -> column name (`MentionRow.start` is column `start_char`)."""
    if row_class not in _COLUMNS:
        _COLUMNS[row_class] = {attribute.key: attribute.columns[0].key for attribute in row_class.__mapper__.column_attrs}
    return _COLUMNS[row_class]


def _tables_read(statement: Any) -> set[str]:
    return {element.name for element in visitors.iterate(statement) if isinstance(element, Table)}


@event.listens_for(Session, "do_orm_execute")
def _before_statement(state: ORMExecuteState) -> None:
    if state.session.info.get(_KEY):
        write(state.session, _tables_read(state.statement) if state.is_select else None)


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    if session.info.get(_KEY):
        write(session)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_KEY, None)
