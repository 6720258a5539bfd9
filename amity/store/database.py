"""Opening the registry: a URL in, a ready Engine out (schema migrated), or one StoreError.

Every command goes through `open_database`, so a wrong URL, an unreachable
server, a read-only or locked file and a schema from a newer Amity all
fail the same way, before anything is written.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from amity.store import engine as _engine
from amity.store import migrate
from amity.store.errors import StoreError, explain

#: The PostgreSQL advisory lock migrations hold (a fixed number; the registry's merge lock is another).
_MIGRATION_LOCK_ID = 0x616D6974795F6D67  # "amity_mg"


def open_database(url: str | None = None, *, create: bool = True, serving: bool = False) -> Engine:
    """The registry at `url` (default $AMITY_DB or ./amity.db), migrated to this Amity's schema.

    With `create=False` a SQLite file that does not exist yet is an error
    instead of a new, empty registry (for commands that only read).
    `serving`: for a web server, whose requests in flight may each hold a
    connection (see `amity.store.engine.create`).
    """
    resolved = _engine.database_url(url)
    where = _engine.shown(resolved)
    path = _engine.sqlite_path(resolved)
    if path is not None:
        if path.is_dir():
            raise StoreError(f"database {where} is a folder, not a file")
        if not path.exists() and not create:
            raise StoreError(f"no Amity database at {path} (run 'amity ingest' first, or pass --db)")
        if not path.parent.is_dir():
            raise StoreError(f"cannot create database {where}: folder {path.parent} does not exist")
    engine = _engine.create(resolved, serving=serving)
    try:
        _migrate(engine)
        _engine.use_wal(engine)
    except Exception as exc:
        engine.dispose()
        if isinstance(exc, StoreError | SQLAlchemyError | OSError):
            raise explain(exc, where) from None
        raise
    return engine


def _migrate(engine: Engine) -> None:
    """Bring the schema up to date, one process at a time.

    Asked first in a plain read (a read-only or up-to-date database is not
    written to). Migrating takes the write lock at BEGIN on SQLite, and an
    advisory lock on PostgreSQL, so that processes opening a new registry
    at once wait for the first to migrate it, then find it done, instead of
    failing on a lock or a table that already exists.
    """
    with engine.connect() as connection:
        if migrate.current(connection) == migrate.HEAD:
            return
    with _engine.writer(engine).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
        migrate.upgrade(connection)


def describe(engine: Engine) -> str:
    """The engine's database as it may be printed (no password)."""
    return _engine.shown(engine.url)


@contextmanager
def session_of(db: Engine | Session) -> Iterator[Session]:
    """A Session for `db`: the one given, or a new one on the Engine (closed afterwards)."""
    if isinstance(db, Session):
        yield db
        return
    with Session(db) as session:
        yield session
