"""Database failures as one line a user can act on.

The CLI prints `str(StoreError)` and exits 1; nothing else of a database
error (no traceback, no SQL) reaches the user.
"""
from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError, SQLAlchemyError


class StoreError(Exception):
    """The database cannot be used as asked; the message says why in one line."""


def explain(exc: BaseException, where: str) -> StoreError:
    """A StoreError for a database exception raised while using the database at `where`."""
    if isinstance(exc, StoreError):
        return exc
    detail = _detail(exc)
    lowered = detail.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return StoreError(f"database {where} is read-only: {detail}")
    if "locked" in lowered or "busy" in lowered:
        return StoreError(f"database {where} is locked by another program; try again when it has finished")
    if "unable to open database file" in lowered:
        return StoreError(f"cannot open database {where}: no such folder, or no permission")
    if "connection" in lowered or "connect" in lowered or "could not translate host" in lowered:
        return StoreError(f"cannot connect to database {where}: {detail}")
    return StoreError(f"database {where} failed: {detail}")


def _detail(exc: BaseException) -> str:
    """The driver's own message, first line only, without SQLAlchemy's SQL and links."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    elif isinstance(exc, SQLAlchemyError) and exc.__cause__ is not None:
        exc = exc.__cause__
    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, sqlite3.Error):
        return text.splitlines()[0]
    return " ".join(line.strip() for line in text.splitlines() if line.strip())[:300]
