"""Bringing a database's schema up to this Amity's, with the Alembic scripts shipped in the package.

Opening a database runs `upgrade head` when it is behind (a new database
gets the whole schema from the initial revision). A database written by a
newer Amity has a revision these scripts do not know: it is refused rather
than guessed at.

A database already at `HEAD` (nearly every open) is recognised from its
`alembic_version` row alone, without loading Alembic: commands that only
read start faster.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from amity.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

_MIGRATIONS = Path(__file__).with_name("migrations")

#: The newest revision in migrations/versions (a test checks that Alembic agrees).
HEAD = "0013"


@lru_cache(maxsize=1)
def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head() -> str:
    """The revision Alembic's scripts end at (what `HEAD` must say)."""
    revision = _scripts().get_current_head()
    assert revision is not None, "amity/store/migrations/versions has no revision"
    return revision


def current(connection: Connection) -> str | None:
    """The revision the database is at; None for a database Amity never opened."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(connection: Connection) -> bool:
    """Migrate the database to `HEAD` if it is behind; True when something was migrated.

    Raises StoreError when the database is at a revision this Amity does not know.
    """
    revision = current(connection)
    if revision == HEAD:
        return False
    from alembic import command

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
