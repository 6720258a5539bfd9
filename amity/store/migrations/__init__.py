"""Alembic scripts for the registry schema; run by `amity.store.migrate`, never imported."""
