"""Query and path parameters that no row could match are refused before any query is made.

Ids are bounded to the databases' 64-bit integers (`RowId`): a larger one
overflowed the driver and answered 500.

Control characters are refused (422) before any route reads them. No
name, word or cursor has a NUL or another C0 control character (tab
aside) in it. PostgreSQL refuses a NUL in a query outright, which would
reach the user as a database outage (503); the others would be looked up
for nothing. Articles are cleaned instead (`amity.ingest.clean`): their
text is kept, these parameters are only questions.

An id within range that no row has is answered 404 once looked up (`found_or_404`).
"""
from __future__ import annotations

import re
from typing import Annotated, TypeVar

from fastapi import HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError

#: The largest id a row can have (a signed 64-bit integer, in both databases); beyond it a query would overflow.
MAX_ROW_ID = 2**63 - 1
#: An id in a path: past the range of ids there is no such row (422 in the API, 404 for a page).
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
#: An id in a query string.
RowIdQuery = Annotated[int | None, Query(ge=1, le=MAX_ROW_ID, description="Only events this entity took part in.")]

_Row = TypeVar("_Row")


def found_or_404(row: _Row | None, missing: str) -> _Row:
    """What a path's id names; a 404 saying `missing` where no row has that id."""
    if row is None:
        raise HTTPException(404, missing)
    return row


#: The `type` of the validation error, so that pages answer it with 422 as the API does.
CONTROL_CHARACTER = "control_character"
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f]")
#: The same rule as a pattern a whole parameter matches (the OpenAPI description carries it).
ALLOWED_CHARACTERS = r"^[^\x00-\x08\x0a-\x1f]*$"


def refuse_control_characters(request: Request) -> None:
    """Raise a 422 naming every parameter that holds a control character (tab allowed)."""
    problems = [{"loc": (where, name), "msg": "must not contain control characters", "type": CONTROL_CHARACTER}
                for where, items in (("path", request.path_params.items()), ("query", request.query_params.multi_items()))
                for name, value in items if isinstance(value, str) and _CONTROL.search(value)]
    if problems:
        raise RequestValidationError(problems)
