"""Reading articles: spaCy plus Amity's components (one job each), from Article to Record.

spaCy is loaded only when `extract`, `extract_one` or `load_pipeline` is first
used, so that code that imports a helper from here (the registry, the web, the
CLI's reads) starts without it; and when it is, without its command line
(`amity.nlp.spacy_cli`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from amity.nlp import spacy_cli

spacy_cli.install()

if TYPE_CHECKING:
    from amity.nlp.pipeline import extract, extract_one, load_pipeline

__all__ = ["extract", "extract_one", "load_pipeline"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from amity.nlp import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
