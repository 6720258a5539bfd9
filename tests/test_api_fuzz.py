"""Schemathesis over the whole API of a live `amity serve`: every answer is one its OpenAPI description promises.

Requests are generated from the server's own description, valid and invalid
alike, with a write token so that the writes are exercised too (posted
articles are read by the real pipeline, in the server's reading process).
Each answer is checked for a 5xx, for a status code, content type, headers
and body the description documents, for valid requests accepted and invalid
ones refused. The budget is small and fixed (a few examples per operation,
derandomized), so the pass is the same on every run.

One refusal of a valid request is expected: a `cursor` is opaque, and only
one the server gave is a cursor (400 "invalid cursor"); a description cannot
say which strings those are.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.openapi.checks import RejectedPositiveData
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from web_registry import build_registry, ids_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from harness import Server, serve, sqlite_url

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance, negative_data_rejection, positive_data_acceptance]


@pytest.fixture(scope="module")
def live_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    db = sqlite_url(tmp_path_factory.mktemp("api") / "amity.db")
    build_registry(db)
    token = ids_of(db)[3]
    with serve(db) as server:
        yield server, token


def _expected(failure: Failure, response: Any) -> bool:
    """The one refusal the description cannot foretell: a well-formed cursor this server never gave."""
    return isinstance(failure, RejectedPositiveData) and response.status_code == 400 \
        and "invalid cursor" in response.text


def test_every_answer_is_one_the_openapi_description_documents(live_api: tuple[Server, str]) -> None:
    """Each operation in turn (schemathesis's pytest plugin does not run under this pytest), valid and invalid."""
    server, token = live_api
    api = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    failures: list[str] = []
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) > 15

    for operation in operations:
        @settings(max_examples=6, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
               | operation.as_strategy(generation_mode=GenerationMode.NEGATIVE))
        def call(case: Any) -> None:
            headers = {"Authorization": f"Bearer {token}"}
            response = case.call(headers=headers, timeout=60)
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except FailureGroup as group:
                failures.extend(f"{case.method} {case.formatted_path} {case.query or ''} {case.body!r:.200} -> "
                                f"{response.status_code}: {failure.title}"
                                for failure in group.exceptions if not _expected(failure, response))

        call()

    assert failures == []
    assert "Traceback" not in server.output()
