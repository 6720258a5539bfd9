"""Response headers every answer carries: nosniff, no framing, same-origin referrers, a strict CSP.

Pages run no script; the drawing pages run the app's own script files and
show tiles from the configured tile server only.
"""
from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Pages run no script at all; /docs (FastAPI's Swagger UI) is left without this policy.
PAGE_POLICY = ("default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

#: Pages that draw: they run the app's own script files (never inline ones) and fetch its JSON.
DRAWING_PAGES = ("/graph", "/map")


def drawing_policy(tile_origin: str | None) -> str:
    """The policy of a drawing page: scripts from this site only, images from it and from the tile server."""
    images = "'self' data:" + (f" {tile_origin}" if tile_origin else "")
    return (f"default-src 'self'; script-src 'self'; style-src 'self'; img-src {images}; object-src 'none'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class SecurityHeaders:
    """ASGI middleware: nosniff, no framing, same-origin referrers everywhere; a strict CSP on all but the API docs.

    The drawing pages' policy lets scripts come from this site (no inline
    script anywhere) and map tiles from `tile_origin` only.
    """

    def __init__(self, app: ASGIApp, tile_origin: str | None = None) -> None:
        self.app = app
        self.drawing = drawing_policy(tile_origin).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] in ("/docs", "/redoc", "/docs/oauth2-redirect")
        policy = self.drawing if scope["path"] in DRAWING_PAGES else PAGE_POLICY.encode()

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
                if not docs:
                    headers += [(b"content-security-policy", policy), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
