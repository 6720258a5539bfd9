"""The OpenAPI description, completed with what FastAPI cannot see in the routes' signatures.

Every answer a route can give is documented, in the shape it is given:
400 for a body that is no JSON or a cursor this server did not make, 401
without a valid token (writes, and reads of a private registry), 404 for an
id that names nothing, 413 for a body over the size limit, 422 for a
parameter of the wrong form (a control character included: see
`amity.web.parameters`), 503 when the database fails. String parameters
carry the pattern that refuses control characters, so that a value the
description allows is a value the API accepts.
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from amity.web.parameters import ALLOWED_CHARACTERS

_PROBLEM = {"title": "Problem", "type": "object", "required": ["detail"],
            "properties": {"detail": {"type": "string", "title": "Detail"}}}
_VALIDATION = {"$ref": "#/components/schemas/HTTPValidationError"}
_ANSWERS = {
    "400": "A body that is not JSON, or a cursor this server did not give",
    "401": "No valid token: writes need one, and so do reads of a private registry",
    "404": "No such id",
    "413": "A body over the size limit",
    "503": "The database failed (the detail says how)",
}


def described(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI description with every error answer and parameter pattern (made once, then cached)."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = _PROBLEM
    components.setdefault("HTTPValidationError", {
        "title": "HTTPValidationError", "type": "object",
        "properties": {"detail": {"title": "Detail", "type": "array",
                                  "items": {"$ref": "#/components/schemas/ValidationError"}}}})
    components.setdefault("ValidationError", {
        "title": "ValidationError", "type": "object", "required": ["loc", "msg", "type"],
        "properties": {"loc": {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
                       "msg": {"type": "string"}, "type": {"type": "string"}}})
    for path, operations in schema.get("paths", {}).items():
        if not path.startswith("/api"):
            continue
        for operation in operations.values():
            _complete(path, operation)
    app.openapi_schema = schema
    return schema


def _complete(path: str, operation: dict[str, Any]) -> None:
    parameters = operation.get("parameters", [])
    for parameter in parameters:
        value = parameter.get("schema", {})
        for option in value.get("anyOf", [value]):
            if option.get("type") == "string" and "pattern" not in option and "enum" not in option \
                    and "const" not in option:
                option["pattern"] = ALLOWED_CHARACTERS
    answers = operation.setdefault("responses", {})
    codes = ["401", "503"]
    if any(p.get("in") == "path" for p in parameters):
        codes.append("404")
    if "requestBody" in operation or any(p.get("name") == "cursor" for p in parameters):
        codes.append("400")
    if "requestBody" in operation:
        codes.append("413")
    for code in codes:
        answers.setdefault(code, {"description": _ANSWERS[code]})
    answers.setdefault("422", {"description": "A parameter of the wrong form"})
    for code, answer in answers.items():
        if code in ("400", "401", "404", "409", "413", "503"):
            answer.setdefault("content", {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}})
        elif code == "422":
            answer.setdefault("content", {"application/json": {"schema": _VALIDATION}})
