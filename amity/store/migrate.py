"""Bringing a database's schema up to this Amity's, with the Alembic scripts shipped in the package.

Opening a database runs `upgrade head` when it is behind (a new database
gets the whole schema from the initial revision). A database written by a
newer Amity has a revision these scripts do not know: it is refused rather
than guessed at.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from amity.store.errors import StoreError

_MIGRATIONS = Path(__file__).with_name("migrations")


@lru_cache(maxsize=1)
def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head() -> str:
    """The revision this Amity's schema is at."""
    revision = _scripts().get_current_head()
    assert revision is not None, "amity/store/migrations/versions has no revision"
    return revision


def current(connection: Connection) -> str | None:
    """The revision the database is at; None for a database Amity never opened."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection) -> bool:
    """Migrate the database to `head` if it is behind; True when something was migrated.

    Raises StoreError when the database is at a revision this Amity does not know.
    """
    revision = current(connection)
    if revision == head():
        return False
    if revision is not None and not _known(revision):
        raise StoreError(f"database schema is newer than this Amity (revision {revision}); upgrade Amity")
    config = _config()
    config.attributes["connection"] = connection
    try:
        command.upgrade(config, "head")
    finally:
        config.attributes.pop("connection", None)
    return True


def _known(revision: str) -> bool:
    try:
        return _scripts().get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        return False
