"""Where the registry lives: a database URL (or a plain file path) made into an Engine.

SQLite is the default (`./amity.db`), in WAL mode so that readers never
wait for an ingest, with foreign keys enforced so that deleting an article
deletes its facts. PostgreSQL works through psycopg 3
(`postgresql+psycopg://user:pass@host/db`).
"""
from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from amity.store.errors import StoreError

DEFAULT_PATH = "amity.db"
ENV_VAR = "AMITY_DB"
# How long a writer waits for the others before "database is locked". SQLite's waiting is not first come,
# first served: a writer can wait while two others take turns for a whole run of stored records.
_SQLITE_TIMEOUT_S = "60"
_WAL_RETRY_S = 0.05
# Pages the WAL may hold before a commit copies them into the database file (SQLite's default: 1,000). A merge
# of 200 articles into a 100k-article registry dirties ~6,500 pages, and with the default each commit copied and
# synced all of them; the next batches dirty ~60% of the same index pages again, so checkpoints every few
# batches copy each such page once (1,000 records: commits 6.8-8.4 s -> 5.0-5.5 s of wall time under load).
_WAL_PAGES = 10_000
# SQLite's page cache of a connection once it has written (SQLite's default: 2 MB, 500 pages). A merge of 200
# articles into a 100k-article registry changes ~6,500 pages of indexes spread over the file (names, mentions,
# participants), which 2 MB cannot hold: pages were read again from the file (the OS's cache) as inserts came
# back to them, and dirty ones spilled before the commit (1,000 records at 100k: 4.9 -> 3.1 s in statements at
# 128 MB). Up to 64 MB, taken as pages are read (256 MB did no better at 100k articles).
_WRITER_CACHE_KB = 65_536
_PG_CONNECT_TIMEOUT_S = 5
SERVING_POOL = 20
_SERVING = {"pool_size": SERVING_POOL, "max_overflow": -1}


def database_url(value: str | None = None) -> URL:
    """The URL to use: `value`, else $AMITY_DB, else ./amity.db; a plain path means SQLite."""
    raw = value or os.environ.get(ENV_VAR) or DEFAULT_PATH
    if "://" not in raw:
        return URL.create("sqlite", database=str(Path(raw).expanduser()))
    try:
        url = make_url(raw)
    except ArgumentError:
        raise StoreError(f"not a database URL: {raw!r} (try sqlite:///amity.db or postgresql+psycopg://...)") from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database {url.get_backend_name()!r} in {shown(url)} (use sqlite or postgresql)")
    if url.get_backend_name() == "postgresql" and url.get_driver_name() in ("psycopg2", "pg8000", "asyncpg"):
        raise StoreError(f"use the psycopg driver: postgresql+psycopg://... (got {shown(url)})")
    if url.get_backend_name() == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def shown(url: URL) -> str:
    """A URL as it may be printed: without its password."""
    return url.render_as_string(hide_password=True)


def writer(engine: Engine) -> Engine:
    """The engine for write transactions: on SQLite they take the write lock at BEGIN (BEGIN IMMEDIATE).

    A transaction that reads, then writes, could otherwise fail at its first
    write when another writer committed in between, instead of waiting its turn.
    """
    return engine.execution_options(amity_write=True)


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:") or url.query.get("uri"):
        return None  # not a file, or an SQLite URI (file:...?mode=ro) that SQLite itself resolves
    return Path(url.database)


def create(url: URL, *, serving: bool = False) -> Engine:
    """An Engine for `url`, configured for Amity (pragmas, timeouts, real transactions on SQLite).

    `serving`: no cap on connections in use. A web request holds its
    connection until its answer is sent, and FastAPI needs one of its few
    worker threads to finish an answer: with a capped pool, threads waiting
    for a connection and answers waiting for a thread wait for each other
    for ever. It keeps up to SERVING_POOL connections open between
    requests (a new SQLite connection reads the schema and starts with a
    cold page cache) and opens more while those are busy.
    """
    try:
        if url.get_backend_name() == "sqlite":
            if "timeout" not in url.query:
                url = url.update_query_dict({"timeout": _SQLITE_TIMEOUT_S})
            engine = create_engine(url, **(_SERVING if serving else {}))
            _configure_sqlite(engine)
            return engine
        return create_engine(url, connect_args={"connect_timeout": _PG_CONNECT_TIMEOUT_S}, pool_pre_ping=True,
                             **(_SERVING if serving else {}))
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use database {shown(url)}: {exc}") from None


def use_wal(engine: Engine) -> None:
    """Put a SQLite database in WAL mode (a lasting property of the file), so readers never wait for a writer.

    Called once the schema is known to be this Amity's, so that a database
    Amity refuses is left exactly as it was.
    """
    if engine.url.get_backend_name() != "sqlite":
        return
    deadline = time.monotonic() + float(engine.url.query.get("timeout", _SQLITE_TIMEOUT_S))  # type: ignore[arg-type]
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        while cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                cursor.execute("PRAGMA journal_mode=WAL")
            except sqlite3.OperationalError as exc:
                # SQLite answers "locked" at once, without waiting, when another process is between
                # its migration's write and commit (waiting could deadlock): so wait here, then ask again.
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(_WAL_RETRY_S)
        cursor.close()
    finally:
        raw.close()


def _configure_sqlite(engine: Engine) -> None:
    """Foreign keys, checkpoints of the WAL every `_WAL_PAGES` pages, a page cache of `_WRITER_CACHE_KB` for a
    connection that writes (readers, up to `SERVING_POOL` of them, keep SQLite's 2 MB), and transactions that
    begin when SQLAlchemy says so.

    Python's sqlite3 module would otherwise start transactions only at the
    first write, so a read-then-write (is this article known? store it)
    would not be one transaction.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA wal_autocheckpoint={_WAL_PAGES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        write = connection.get_execution_options().get("amity_write", False)
        if write:
            connection.exec_driver_sql(f"PRAGMA cache_size=-{_WRITER_CACHE_KB}")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
