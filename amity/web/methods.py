"""Which methods a path answers: `OPTIONS` says so, and so does every 405.

Starlette answers a method a path does not take with the methods of the
first route that matched the path only (`Allow: GET` for /api/articles,
which takes POST too), and `OPTIONS` with 405. Here both list every method
of every route on the path, as RFC 9110 asks.
"""
from __future__ import annotations

from typing import Any

from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Receive, Scope, Send

_METHODS = ("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT")


def allowed_methods(routes: list[Any], scope: Scope) -> list[str]:
    """The methods some route answers on the scope's path, sorted with OPTIONS (empty: no route has the path).

    Asked of the routes themselves (`matches`), so that included routers are searched as the app searches them;
    the static files' mount is left out (it would claim every method).
    """
    found = {method for method in _METHODS
             if any(not isinstance(route, Mount) and route.matches({**scope, "method": method})[0] == Match.FULL
                    for route in routes)}
    return sorted(found | {"OPTIONS"}) if found else []


class Options:
    """ASGI middleware: `OPTIONS` on a path that exists is 204 with `Allow`; elsewhere it goes on (to a 404)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "OPTIONS":
            methods = allowed_methods(scope["app"].routes, scope)
            if methods:
                await send({"type": "http.response.start", "status": 204,
                            "headers": [(b"allow", ", ".join(methods).encode())]})
                await send({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, send)
