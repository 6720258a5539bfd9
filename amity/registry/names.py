"""What a name says about the thing it names: the town of a municipality, a name in capitals only.

Comparison keys, acronyms and initials come from `amity.vocabulary.names` so that
the registry and the extractor agree on when two spellings are one name.
"""
from __future__ import annotations

import re

from amity.vocabulary.names import fold, name_key

_TOWN_FIRST = re.compile(r"^(.+?)\s+(?:metropolitan\s+)?(?:city\s+)?municipality$")
_TOWN_LAST = re.compile(r"^(?:the\s+)?(?:metropolitan\s+)?municipality\s+of\s+(?:the\s+)?(.+)$")


def town_key(name: str) -> str | None:
    """The key of the town a municipality governs ('Turkistan Municipality' → 'turkistan'); None otherwise."""
    folded = fold(name)
    match = _TOWN_LAST.match(folded) or _TOWN_FIRST.match(folded)
    return name_key(match.group(1)) if match else None


def is_shouted(name: str) -> bool:
    """A name in capitals only ('ISTANBUL' in a dateline), a poor choice for display."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)
