"""The `amity` command: a thin layer over `amity.ingest`, `amity.nlp`, `amity.registry` and `amity.export`.

One module per command group, each holding its Rich rendering. Importing
them registers their commands on `app`, in the order `amity --help` lists
them (so this import is not sorted).
"""
from amity.cli import extract, ingest, reads, export, serve, token, curate  # noqa: F401, I001
from amity.cli.app import app, run

__all__ = ["app", "run"]
