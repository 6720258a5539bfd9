"""Amity's general-knowledge data files (see README.md in this folder)."""
