"""Amity: news about international cooperation in, a registry of partnerships out."""

#: The package version, spelled once (pyproject.toml reads it from here): asking importlib.metadata for it cost
#: every command ~15 ms of start-up for email, zipfile and csv parsing it does not need.
__version__ = "0.1.0"
