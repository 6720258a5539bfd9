"""Alembic's entry point for Amity's migrations, run programmatically by `amity.store.migrate`.

The caller hands over an open Connection in `config.attributes["connection"]`
(the migration then runs in the caller's transaction); from the `alembic`
command line, `sqlalchemy.url` in the config names the database instead.
"""
from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from amity.store.schema import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        _run(connection)


if context.is_offline_mode():
    raise SystemExit("Amity's migrations run against a database, not offline")
run_migrations_online()
