"""Answers to API reads kept until the registry changes, so that a repeated read costs no query.

Most reads of a served registry ask the same few things again (a tie's
page, a party's ties, the stats), and the registry changes only with an
ingest or a decision. `AnswerCache` keeps the body of each successful GET
under /api/ (exports aside: they stream, and are rarely asked twice) with
the registry's version (`amity.registry.changes.registry_version`, a few
max() values). A later identical request, on the same day (dormancy
depends on it), is answered from memory while the version is unchanged.

The version (one statement, a few index lookups) is asked for every read
by default, so that a write by another process (`amity ingest`, another
server worker) is seen at once; with `recheck` > 0 it is asked at most
that often, and such writes are seen within that time. A write by this
process (any request that is not a read) forgets every answer at once. A private registry is not cached (reads need a
token, which must be checked on every request).
"""
from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Any

import anyio.to_thread
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from amity.registry.changes import registry_version

#: Answers kept (least recently used go first), and the largest one kept.
MAX_ANSWERS = 4096
MAX_ANSWER_BYTES = 512 * 1024
_READS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class _Answer:
    version: tuple[Any, ...]
    start: Message
    body: bytes


class AnswerCache:
    """ASGI middleware: GET /api/... answered from memory while the registry's version is unchanged."""

    def __init__(self, app: ASGIApp, engine: Engine, recheck: float = 0.0) -> None:
        self.app = app
        self._engine = engine
        self._recheck = recheck
        self._answers: OrderedDict[tuple[Any, ...], _Answer] = OrderedDict()
        self._version: tuple[Any, ...] | None = None
        self._asked_at = float("-inf")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in _READS:
            try:
                await self.app(scope, receive, send)
            finally:
                self._forget()
            return
        path: str = scope["path"]
        if scope["method"] != "GET" or not path.startswith("/api/") or path.startswith("/api/export"):
            await self.app(scope, receive, send)
            return
        version = await self._current_version()
        key = (path, scope.get("query_string", b""), date.today())
        kept = self._answers.get(key)
        if kept is not None and kept.version == version:
            self._answers.move_to_end(key)
            await send(kept.start)
            await send({"type": "http.response.body", "body": kept.body})
            return
        await self.app(scope, receive, self._keeping(key, version, send))

    def _keeping(self, key: tuple[Any, ...], version: tuple[Any, ...], send: Send) -> Send:
        """`send`, also keeping a whole 200 answer of modest size."""
        start: Message | None = None
        body = bytearray()

        async def keeping(message: Message) -> None:
            nonlocal start
            await send(message)
            if message["type"] == "http.response.start":
                start = message if message["status"] == 200 else None
            elif message["type"] == "http.response.body" and start is not None:
                body.extend(message.get("body", b""))
                if len(body) > MAX_ANSWER_BYTES:
                    start = None
                elif not message.get("more_body", False):
                    self._answers[key] = _Answer(version, start, bytes(body))
                    while len(self._answers) > MAX_ANSWERS:
                        self._answers.popitem(last=False)

        return keeping

    async def _current_version(self) -> tuple[Any, ...]:
        now = time.monotonic()
        if self._version is None or self._recheck <= 0 or now - self._asked_at >= self._recheck:
            self._version = await anyio.to_thread.run_sync(self._ask_version)
            self._asked_at = now
        return self._version

    def _ask_version(self) -> tuple[Any, ...]:
        with Session(self._engine) as session:
            return registry_version(session)

    def _forget(self) -> None:
        self._answers.clear()
        self._version = None
