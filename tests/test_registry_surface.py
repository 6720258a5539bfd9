"""The registry package's public names: an explicit list, each a function or class, none hidden by a submodule."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import amity.registry

PUBLIC = ["DORMANT_YEARS", "IngestSummary", "TieQuery", "content_hash", "entity_profile", "events", "ingest", "stats", "ties",
          "timeline"]


def test_the_registry_exports_exactly_its_public_names():
    assert sorted(amity.registry.__all__) == PUBLIC
    assert all(hasattr(amity.registry, name) for name in PUBLIC)


def test_no_submodule_shares_a_name_with_a_public_function():
    submodules = {info.name for info in pkgutil.iter_modules(amity.registry.__path__)}

    assert submodules & set(PUBLIC) == set()


def test_a_public_name_is_the_same_object_whichever_submodule_was_imported_first():
    for info in pkgutil.iter_modules(amity.registry.__path__):
        importlib.import_module(f"amity.registry.{info.name}")

    for name in PUBLIC:
        assert not inspect.ismodule(getattr(amity.registry, name)), name
