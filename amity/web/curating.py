"""Curation from the web: the one mapping of curation errors to HTTP answers, for the API and the pages' forms.

An unknown tie, event or entity is 404; a decision that cannot be taken is
`refused` (409 Conflict for the JSON API: the request is well formed but the registry's state does not allow
it; 400 for a form, whose answer is a page).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import HTTPException

from amity.registry.curation import CurationError, UnknownTarget

T = TypeVar("T")


def taken(call: Callable[[], T], *, refused: int = 409) -> T:
    """What `call` (a curation call) returns; its CurationError as the HTTPException that says it."""
    try:
        return call()
    except UnknownTarget as exc:
        raise HTTPException(404, str(exc)) from None
    except CurationError as exc:
        raise HTTPException(refused, str(exc)) from None
