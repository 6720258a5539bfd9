"""`column IN (values)` as each database takes a long list fastest.

A merge asks about thousands of ids and name keys at a time. SQLAlchemy
sends an IN list as one bound parameter a value, and psycopg parses a
statement of more than 50 parameters again at every execution (its cache
skips them), in Python: on PostgreSQL a tenth of a merge's CPU. There the
list goes as one array parameter (`column = ANY(:values)`), the same
statement text whatever its length; SQLite keeps the IN list.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, any_, literal
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session


def among(session: Session, column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """Whether the column's value is one of these (none: never)."""
    values = list(values)
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(literal(values, ARRAY(column.type)))  # type: ignore[no-any-return]
    return column.in_(values)  # type: ignore[no-any-return]
