"""`column IN (values)` as each database takes a long list fastest.

A merge asks about thousands of ids and name keys at a time. SQLAlchemy
sends an IN list as one bound parameter a value, and psycopg parses a
statement of more than 50 parameters again at every execution (its cache
skips them), in Python: on PostgreSQL a tenth of a merge's CPU. There the
list goes as one array parameter (`column = ANY(:values)`), the same
statement text whatever its length; SQLite keeps the IN list.

PostgreSQL's planner guesses how many rows `= ANY(:array)` matches
poorly, and from a few thousand ids on reads a whole table where an
index would find the few it needs: `joined_among` gives it the list as a
table (`unnest`) to join, whose length it knows. And a DISTINCT of an
index's leading pairs reads every row of a frequent value (a town's
name has a row per article naming it): `distinct_pairs` walks the index
instead, one probe per pair (on SQLite too). Rows to join (`rows_table`) go as one array a
column, not a VALUES list of a parameter a value: the statement is the
same whatever their number, so neither SQLAlchemy nor the server compiles
thousands of parameters again for each batch.

SQLite has no arrays, and its statement cache is keyed by the statement's
text: an IN list of a parameter a value is a new statement for each
length, prepared again (thousands of parameters parsed and planned) at
nearly every execution. There a list, and rows to join, go as one JSON
parameter read by `json_each`: one text whatever the length, prepared
once a connection.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    String,
    any_,
    bindparam,
    column,
    func,
    literal,
    literal_column,
    select,
    text,
    type_coerce,
    values,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from amity.store import pending

_Statement = TypeVar("_Statement", bound=Select)  # type: ignore[type-arg]  # of any columns


def among(session: Session, column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """Whether the column's value is one of these (none: never)."""
    values = list(values)
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(literal(values, ARRAY(column.type)))  # type: ignore[no-any-return]
    if session.get_bind().dialect.name == "sqlite" and all(type(value) in _JSON_TYPES for value in values):
        listed = func.json_each(bindparam(None, json.dumps(values), type_=String()))
        return column.in_(select(literal_column("value")).select_from(listed))  # type: ignore[no-any-return]
    return column.in_(values)  # type: ignore[no-any-return]


#: Values that JSON gives back to SQLite as they were (integers as integers, text as text).
_JSON_TYPES = frozenset({int, str})


def joined_among(session: Session, statement: _Statement, column: Any, values: Iterable[Any]) -> _Statement:
    """The statement's rows whose column's value is one of these (each value once): on PostgreSQL joined to the
    values as a table, so that the planner knows how many it looks up; elsewhere `among`."""
    values = list(dict.fromkeys(values))
    if session.get_bind().dialect.name != "postgresql":
        return statement.where(among(session, column, values))
    asked = func.unnest(literal(values, ARRAY(column.type))).table_valued("value", name="asked").render_derived()
    return statement.join(asked, asked.c.value == column)


def distinct_pairs(session: Session, column: Any, other: Any, values: Iterable[Any]) -> list[tuple[Any, Any]]:
    """The distinct (column, other) pairs of the rows whose column is one of these values and whose other is
    not NULL. Needs an index on (column, other): on PostgreSQL and SQLite it is walked from pair to pair (a
    recursive query, one probe a pair), not read row by row (a town's name key has a row per article naming it:
    ~75 rows a pair at 100k articles)."""
    values = list(dict.fromkeys(values))
    if not values:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        asked, listed = "unnest(:values) AS asked(value)", bindparam("values", values, type_=ARRAY(column.type))
    elif dialect == "sqlite" and all(type(value) in _JSON_TYPES for value in values):
        asked, listed = "json_each(:values) AS asked", bindparam("values", json.dumps(values), type_=String())
    else:
        return [(a, b) for a, b in session.execute(select(column, other).where(among(session, column, values),
                                                                              other.is_not(None)).distinct())]
    if session.autoflush:
        session.flush()
    pending.write(session, {column.table.name})  # the rows kept to add are read too
    table, first, second = (f'"{name}"' for name in (column.table.name, column.name, other.name))
    walk = text(f"""WITH RECURSIVE walk(value, other) AS (
        SELECT asked.value, (SELECT min({second}) FROM {table} WHERE {first} = asked.value)
        FROM {asked}
        UNION ALL
        SELECT walk.value, (SELECT min({second}) FROM {table} WHERE {first} = walk.value AND {second} > walk.other)
        FROM walk WHERE walk.other IS NOT NULL)
    SELECT value, other FROM walk WHERE other IS NOT NULL""").bindparams(listed)
    return [(a, b) for a, b in session.connection().execute(walk).all()]  # fetched at once, not row by row


def rows_table(session: Session, name: str, columns: list[tuple[str, TypeEngine[Any]]],
               rows: list[tuple[Any, ...]]) -> FromClause:
    """These rows as a table named `name` of these (name, type) columns, to join: on PostgreSQL `unnest` of
    one array a column; on SQLite one JSON parameter (`json_each`); elsewhere a VALUES list."""
    if session.get_bind().dialect.name == "sqlite" and all(type(v) in _JSON_TYPES for row in rows for v in row):
        listed = func.json_each(bindparam(None, json.dumps(rows), type_=String()))
        return select(*(type_coerce(func.json_extract(literal_column("value"), f"$[{n}]"), type_).label(label)
                        for n, (label, type_) in enumerate(columns))).select_from(listed).cte(name)
    if session.get_bind().dialect.name != "postgresql":
        return values(*(column(label, type_) for label, type_ in columns), name=name).data(rows).cte()
    arrays = [literal([row[n] for row in rows], ARRAY(type_)) for n, (_, type_) in enumerate(columns)]
    return func.unnest(*arrays).table_valued(*(column(label, type_) for label, type_ in columns),
                                             name=name).render_derived(name=name)
