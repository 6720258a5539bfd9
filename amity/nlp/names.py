"""Folding and comparing names, so that Üsküdar, Uskudar and ÜSKÜDAR are one key.

The same folding is used by the gazetteer, the mention clustering and the
registry, so that every stage agrees on when two spellings are one name.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_PUNCT = re.compile(r"[\"'`’‘“”«».,()\[\]]")
_DASH = re.compile(r"[-‐–—_/]")
_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
_MUNICIPALITY = re.compile(r"\s+(?:metropolitan\s+)?(?:city\s+)?(?:municipality|municipalities)$")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case ASCII form of a name: accents, dotless i, punctuation and spacing folded."""
    s = anyascii(unicodedata.normalize("NFC", text)).casefold()
    s = _PUNCT.sub(" ", s)
    s = _DASH.sub(" ", s)
    return _SPACE.sub(" ", s).strip()


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """`fold` plus dropping a leading 'the' and a trailing 'municipality': the key two names share."""
    s = _LEADING_THE.sub("", fold(text))
    return _MUNICIPALITY.sub("", s)
