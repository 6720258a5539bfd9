"""Cursor pagination: an opaque `cursor` in, the page's items and a `next_cursor` out.

A cursor is the sort key of the last item served (base64url of JSON), so a
page follows on from where the previous one ended even when items were
added meanwhile. It also names the sort it was made for: a cursor used with
another sort, or one that was altered, is refused (`CursorError`, a 400).
"""
from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from functools import cmp_to_key
from typing import Annotated, Any, TypeVar

from fastapi import Query
from pydantic import AfterValidator

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500

#: (missing, value, id): items without a value go last in either order; ties broken by id.
SortKey = tuple[bool, Any, int]


def _empty_is_none(cursor: str | None) -> str | None:
    return cursor or None


#: The `cursor` query parameter: empty (`?cursor=`, as a form sends it) is the first page.
CursorParam = Annotated[str | None, Query(description="The `next_cursor` of the previous page (empty: the first); "
                                                      "any other value is a 400.", pattern=r"^[A-Za-z0-9_-]*$"),
                        AfterValidator(_empty_is_none)]


class CursorError(ValueError):
    """A cursor that was not made by this server for this listing."""


def encode(payload: dict[str, Any]) -> str:
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode(cursor: str, sort: str) -> dict[str, Any]:
    """The payload of a cursor made for `sort`; CursorError when it is not one."""
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise CursorError("invalid cursor") from None
    if not isinstance(payload, dict) or payload.get("s") != sort:
        raise CursorError("invalid cursor (made for another listing or sort)")
    return payload


def after_id(cursor: str | None, sort: str) -> int | None:
    """The id a keyset page continues after (for listings ordered by id)."""
    if cursor is None:
        return None
    value = decode(cursor, sort).get("id")
    if not isinstance(value, int) or isinstance(value, bool):
        raise CursorError("invalid cursor")
    return value


def id_page(fetched: Sequence[dict[str, Any]], limit: int, sort: str) -> tuple[list[dict[str, Any]], str | None]:
    """A page of id-ordered items from `limit + 1` fetched ones, and the cursor of the next page (None: last page)."""
    chosen = list(fetched[:limit])
    if len(fetched) <= limit or not chosen:
        return chosen, None
    return chosen, encode({"s": sort, "id": chosen[-1]["id"]})


def page(items: Sequence[T], key: Callable[[T], SortKey], *, descending: bool, cursor: str | None, limit: int,
         sort: str) -> tuple[list[T], str | None]:
    """Items sorted by `key` (its value descending when asked), those after `cursor`, at most `limit` of them."""
    def by(a: SortKey, b: SortKey) -> int:
        return _compare(a, b, descending)

    compare = cmp_to_key(by)
    ordered = sorted(items, key=lambda item: compare(key(item)))
    if cursor is not None:
        last = decode(cursor, sort).get("k")
        if not (isinstance(last, list) and len(last) == 3 and isinstance(last[0], bool) and isinstance(last[2], int)):
            raise CursorError("invalid cursor")
        try:
            ordered = [item for item in ordered if _compare(key(item), tuple(last), descending) > 0]
        except TypeError:
            raise CursorError("invalid cursor") from None
    chosen = ordered[:limit]
    more = len(ordered) > limit
    return chosen, encode({"s": sort, "k": list(key(chosen[-1]))}) if more and chosen else None


def _compare(a: SortKey, b: SortKey, descending: bool) -> int:
    if a[0] != b[0]:
        return 1 if a[0] else -1  # missing values last, whatever the order
    if a[1] != b[1]:
        smaller = a[1] < b[1]
        return (1 if smaller else -1) if descending else (-1 if smaller else 1)
    return (a[2] > b[2]) - (a[2] < b[2])
