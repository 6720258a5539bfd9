"""The database session of one request, as a FastAPI dependency (`Db`).

An async generator on purpose: its teardown (giving the connection back to
the pool) then runs on the event loop. A sync one is closed in a worker
thread, and under load every worker thread can be an endpoint waiting for
a pooled connection that only a teardown would free: a deadlock.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session


async def session(request: Request) -> AsyncIterator[Session]:
    with Session(request.app.state.engine) as s:
        yield s


Db = Annotated[Session, Depends(session)]
