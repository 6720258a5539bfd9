"""Rows a merge only adds, written many at a time: one multi-row INSERT per table instead of one statement each.

A merge adds mentions, names, offices, event participants and tie stages
by the thousand and reads few of them back. `add(session, RowClass,
**values)` keeps such a row on the session; the rows kept are written, in
the order added, before the session runs a statement that reads one of
their tables or changes anything, and before it commits. Every query
therefore still sees them, as with the ORM's autoflush, but a flush
writes a table's rows together and none asks for the new ids back.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Table, event, insert
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql import visitors

_KEY = "amity_pending_rows"


def add(session: Session, row_class: type[Any], **values: Any) -> None:
    """Keep a row to insert (attribute names as keys) until the session next needs it written."""
    session.info.setdefault(_KEY, {}).setdefault(row_class, []).append(values)


def write(session: Session) -> None:
    """Insert every row kept, table by table in the order first added."""
    kept: dict[type[Any], list[dict[str, Any]]] | None = session.info.pop(_KEY, None)
    for row_class, rows in (kept or {}).items():
        session.execute(insert(row_class), rows)


def _tables_of(kept: dict[type[Any], list[dict[str, Any]]]) -> set[str]:
    return {row_class.__tablename__ for row_class in kept}


def _reads_any(statement: Any, tables: set[str]) -> bool:
    return any(isinstance(element, Table) and element.name in tables for element in visitors.iterate(statement))


@event.listens_for(Session, "do_orm_execute")
def _before_statement(state: ORMExecuteState) -> None:
    kept = state.session.info.get(_KEY)
    if kept and (not state.is_select or _reads_any(state.statement, _tables_of(kept))):
        write(state.session)


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    if session.info.get(_KEY):
        write(session)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_KEY, None)
