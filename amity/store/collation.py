"""Text ordered by its characters' code points, as Python orders it, whatever the database's own collation.

SQLite compares text byte by byte (its BINARY collation); PostgreSQL by the
database's locale, where "alpha" comes before "Zeta" and "Éclair" before
"ecole". Orders that decide which report counts first must not depend on
the database the registry is kept in, nor differ between a sort in SQL and
one in Python.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class bytewise(FunctionElement[str]):
    """`ORDER BY bytewise(column)`: the column ordered by code point (PostgreSQL: its "C" collation)."""

    type = String()
    inherit_cache = True


@compiles(bytewise)
def _as_is(element: bytewise, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(bytewise, "postgresql")
def _in_c_collation(element: bytewise, compiler: Any, **kw: Any) -> str:
    return f'({compiler.process(element.clauses, **kw)}) COLLATE "C"'
