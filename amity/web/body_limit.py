"""Bodies that cannot be huge: `BodyLimit` reads at most `max_body` bytes of a request.

A larger one (by its Content-Length or by what it actually sends) gets 413
before any route sees it.
"""
from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimit:
    """ASGI middleware: a request whose body is over `max_body` bytes gets 413 and never reaches the app.

    The body is read (at most `max_body` bytes of it) before the app runs,
    so the limit holds whatever the route, and whether or not the client
    declared a Content-Length.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await self._refuse(scope, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away before sending its request
            body += message.get("body", b"")
            if len(body) > self.max_body:
                await self._refuse(scope, send)
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        detail = f"The request body is larger than this server takes ({self.max_body} bytes)."
        if scope["path"].startswith("/api/"):
            content, media = json.dumps({"detail": detail}).encode(), b"application/json"
        else:
            content = (f"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Too large · Amity</title>"
                       f"<link rel=\"stylesheet\" href=\"/static/amity.css\"><main class=\"error\"><h1>Too large</h1>"
                       f"<p>{detail}</p><p><a href=\"/\">Back to the registry</a></p></main></html>").encode()
            media = b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", media), (b"content-length", str(len(content)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": content})
