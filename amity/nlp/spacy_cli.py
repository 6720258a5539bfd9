"""spaCy imported without its command line, which Amity never runs.

`import spacy` imports `spacy.cli` only to offer `spacy.info`, and the
command line pulls in Weasel, requests, httpx, Jinja and some 360 modules:
0.35-1.0 CPU s of every `amity extract` start-up (more than loading the
model). While spaCy's own `__init__` runs, `spacy.cli` and `spacy.cli.info`
are placeholders; the real command line is imported the moment anything
asks for more of it (`spacy.info()`, a name from `spacy.cli`). Its
submodules (`import spacy.cli.download`) load as usual, as the placeholder
has the package's real path.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Sequence
from typing import Any

_PLACEHOLDERS = ("spacy.cli.info", "spacy.cli")


def install() -> None:
    """Serve the placeholders to spaCy's own import from now on (once per process)."""
    if not any(isinstance(finder, _WithoutCommandLine) for finder in sys.meta_path):
        sys.meta_path.insert(0, _WithoutCommandLine())


def _real_command_line() -> types.ModuleType:
    for name in _PLACEHOLDERS:
        if isinstance(sys.modules.get(name), _Placeholder):
            del sys.modules[name]
    return importlib.import_module("spacy.cli")


def _info(*args: Any, **kwargs: Any) -> Any:
    return _real_command_line().info(*args, **kwargs)


class _Placeholder(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real_command_line(), name)


class _WithoutCommandLine(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: types.ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        spacy = sys.modules.get("spacy")
        if fullname not in _PLACEHOLDERS or spacy is None or not getattr(spacy.__spec__, "_initializing", False):
            return None
        real = importlib.machinery.PathFinder.find_spec(fullname, path)
        if real is None:  # another spaCy: leave it alone
            return None
        spec = importlib.machinery.ModuleSpec(fullname, self, origin=real.origin,
                                              is_package=real.submodule_search_locations is not None)
        if real.submodule_search_locations is not None:
            spec.submodule_search_locations = list(real.submodule_search_locations)
        return spec

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _Placeholder(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        if module.__name__ == "spacy.cli.info":
            module.info = _info  # type: ignore[attr-defined]
