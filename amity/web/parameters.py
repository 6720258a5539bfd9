"""Query and path parameters with control characters are refused (422) before any route reads them.

No name, word or cursor has a NUL or another C0 control character (tab
aside) in it. PostgreSQL refuses a NUL in a query outright, which would
reach the user as a database outage (503); the others would be looked up
for nothing. Articles are cleaned instead (`amity.ingest.clean`): their
text is kept, these parameters are only questions.
"""
from __future__ import annotations

import re

from fastapi import Request
from fastapi.exceptions import RequestValidationError

#: The `type` of the validation error, so that pages answer it with 422 as the API does.
CONTROL_CHARACTER = "control_character"
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f]")


def refuse_control_characters(request: Request) -> None:
    """Raise a 422 naming every parameter that holds a control character (tab allowed)."""
    problems = [{"loc": (where, name), "msg": "must not contain control characters", "type": CONTROL_CHARACTER}
                for where, items in (("path", request.path_params.items()), ("query", request.query_params.multi_items()))
                for name, value in items if isinstance(value, str) and _CONTROL.search(value)]
    if problems:
        raise RequestValidationError(problems)
