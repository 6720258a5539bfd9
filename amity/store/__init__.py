"""Where the registry is kept: the schema, its migrations, and opening a database.

`open_database(url)` gives an Engine on a database migrated to this
Amity's schema, or raises one `StoreError` saying why it cannot.
"""
from amity.store.database import describe, open_database, session_of
from amity.store.engine import writer
from amity.store.errors import StoreError, explain

__all__ = ["StoreError", "describe", "explain", "open_database", "session_of", "writer"]
