"""Schemathesis over the whole API of a live `amity serve`: no request gets a 5xx.

Requests are generated from the server's own OpenAPI description, valid and
invalid alike, with a write token so that the writes are exercised too
(posted articles are read by the real pipeline, in the server's reading
process). The budget is small and fixed (a few examples per operation,
derandomized), so the pass is the same on every run.
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
from web_registry import build_registry, ids_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from harness import Server, serve, sqlite_url


@pytest.fixture(scope="module")
def live_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    db = sqlite_url(tmp_path_factory.mktemp("api") / "amity.db")
    build_registry(db)
    token = ids_of(db)[3]
    with serve(db) as server:
        yield server, token


def test_no_request_gets_a_server_error(live_api: tuple[Server, str]) -> None:
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
            response = case.call(headers={"Authorization": f"Bearer {token}"}, timeout=60)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query or ''} -> {response.status_code}")

        call()

    assert failures == []
    assert "Traceback" not in server.output()
