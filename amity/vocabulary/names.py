"""Folding and comparing names, so that Üsküdar, Uskudar and ÜSKÜDAR are one key.

The same folding is used by the gazetteer, the mention clustering and the
registry, so that every stage agrees on when two spellings are one name.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from anyascii import anyascii

#: Punctuation and dashes become spaces (one table: folding runs for every gazetteer name).
_TO_SPACE = str.maketrans({c: " " for c in "\"'`’‘“”«».,()[]-‐–—_/"})
_LEADING_THE = re.compile(r"^the\s+")
_MUNICIPALITY = re.compile(r"\s+(?:metropolitan\s+)?(?:city\s+)?(?:municipality|municipalities)$")


@lru_cache(maxsize=32_768)
def fold(text: str) -> str:
    """Lower-case ASCII form of a name: accents, dotless i, punctuation and spacing folded."""
    s = (text if text.isascii() else anyascii(unicodedata.normalize("NFC", text))).casefold()
    return " ".join(s.translate(_TO_SPACE).split())


@lru_cache(maxsize=16_384)
def name_key(text: str) -> str:
    """`fold` plus dropping a leading 'the' and a trailing 'municipality': the key two names share."""
    s = _LEADING_THE.sub("", fold(text))
    return _MUNICIPALITY.sub("", s)


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")


def is_acronym(name: str) -> bool:
    """'TDBB', 'OTS', 'MINAGRI', 'U.S.': a short word in capitals that stands for a longer name."""
    bare = name.replace(".", "").strip()
    return bool(_ACRONYM.match(bare)) and not bare.isdigit()


def initials(name: str) -> str:
    """The capitals an acronym of `name` would have: 'Organization of Turkic States' → 'OTS', 'Üsküdar
    Municipality' → 'UM' (small words left out: data/name_words.json)."""
    skip = initials_skip()
    return "".join(word[0] for word in fold(name).split() if word not in skip).upper()


@cache
def initials_skip() -> frozenset[str]:
    """The small words initials leave out (data/name_words.json)."""
    words = json.loads(resources.files("amity.data").joinpath("name_words.json").read_text(encoding="utf-8"))
    return frozenset(words["initials_skip"])
