"""Who a request is from, and whether it may read or write: Bearer tokens for the API, a sign-in cookie for pages.

The API takes a token (`amity.store.tokens`) as `Authorization: Bearer TOKEN`;
a browser signs in by pasting one into /login, which keeps it in an
HttpOnly, SameSite=Strict cookie (`SESSION_COOKIE`). Cookies never authorise
an API write.
"""
from __future__ import annotations

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool

from amity.store.tokens import token_owner

SESSION_COOKIE = "amity_session"


def bearer(request: Request) -> str | None:
    """The token of an `Authorization: Bearer TOKEN` header."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def signed_in(request: Request) -> str | None:
    """Who the request is from: the owner of its Bearer token, else of its sign-in cookie; None when anonymous."""
    engine = request.app.state.engine
    return token_owner(engine, bearer(request)) or token_owner(engine, request.cookies.get(SESSION_COOKIE))


async def require_reader(request: Request) -> None:
    """Dependency of every read: open, unless the app is private (then a token or sign-in is needed).

    Async, so that an open read does not wait for a worker thread just to learn it is open.
    """
    if request.app.state.private and await run_in_threadpool(signed_in, request) is None:
        raise HTTPException(401, "a token is needed to read this registry (Authorization: Bearer TOKEN, or sign in)",
                            headers={"WWW-Authenticate": "Bearer"})


def require_writer(request: Request) -> str:
    """Dependency of API writes: a valid Bearer token (cookies never authorise an API write)."""
    owner = token_owner(request.app.state.engine, bearer(request))
    if owner is None:
        raise HTTPException(401, "a valid token is needed: Authorization: Bearer TOKEN (amity token create)",
                            headers={"WWW-Authenticate": "Bearer"})
    return owner
