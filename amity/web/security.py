"""Who may write (and, with --private, read), forms that cannot be forged, and bodies that cannot be huge.

Tokens: `amity token create` makes a random token and stores only its
SHA-256 in `web_tokens`, a small table of this module's own in the registry
database (created with `CREATE TABLE IF NOT EXISTS` when the app starts or
a token is made; it is not part of the registry's schema or migrations).
The API takes a token as `Authorization: Bearer TOKEN`; a browser signs in
by pasting one into /login, which keeps it in an HttpOnly, SameSite=Strict
cookie.

CSRF: every HTML form that writes carries the value of the `amity_csrf`
cookie in a hidden field (double submit); a POST whose field and cookie are
missing or differ, or whose Origin is another site, is refused (403). The
JSON API takes no cookie for writes, only the Bearer header, so it needs no
CSRF token.

Body size: `BodyLimit` reads at most `max_body` bytes of a request; a larger
one (by its Content-Length or by what it actually sends) gets 413 before
any route sees it.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from datetime import UTC, datetime
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    insert,
    select,
)
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_PREFIX = "amity_"
SESSION_COOKIE = "amity_session"
CSRF_COOKIE = "amity_csrf"
CSRF_FIELD = "csrf_token"

_metadata = MetaData()
tokens = Table(
    "web_tokens", _metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


# --------------------------------------------------------------------------- tokens

def ensure_tables(engine: Engine) -> None:
    """Create the token table if the database has none yet."""
    tokens.create(engine, checkfirst=True)


def create_token(engine: Engine, name: str) -> str:
    """A new token for `name`; only its hash is stored, so this is the one time it can be seen."""
    ensure_tables(engine)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as connection:
        connection.execute(insert(tokens).values(name=name, token_hash=_hash(token), created_at=datetime.now(UTC)))
    return token


def list_tokens(engine: Engine) -> list[dict[str, object]]:
    """The tokens' ids, names and creation times (never the tokens)."""
    ensure_tables(engine)
    with engine.connect() as connection:
        return [{"id": i, "name": name, "created_at": at.isoformat(timespec="seconds") if at else None}
                for i, name, at in connection.execute(select(tokens.c.id, tokens.c.name, tokens.c.created_at)
                                                      .order_by(tokens.c.id))]


def revoke_token(engine: Engine, token_id: int) -> bool:
    """Delete a token by id; False when there was none."""
    ensure_tables(engine)
    with engine.begin() as connection:
        return connection.execute(delete(tokens).where(tokens.c.id == token_id)).rowcount > 0


def token_owner(engine: Engine, token: str | None) -> str | None:
    """The name a valid token was made for; None for a missing or unknown one."""
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    with engine.connect() as connection:
        return connection.scalar(select(tokens.c.name).where(tokens.c.token_hash == _hash(token)))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


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


# --------------------------------------------------------------------------- CSRF (double-submit cookie)

def csrf_token(request: Request) -> str:
    """The request's CSRF token: its cookie's, or a new one (set on the response by `remember_csrf`)."""
    current = request.cookies.get(CSRF_COOKIE)
    if current and 20 <= len(current) <= 100:
        return current
    if not hasattr(request.state, "new_csrf"):
        request.state.new_csrf = secrets.token_urlsafe(32)
    return request.state.new_csrf


def remember_csrf(request: Request, response: object) -> None:
    """Set the CSRF cookie on a response that rendered a new token into a form."""
    token = getattr(request.state, "new_csrf", None)
    if token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict",  # type: ignore[attr-defined]
                            secure=request.url.scheme == "https", path="/")


def check_csrf(request: Request, submitted: str | None) -> None:
    """Refuse (403) a form POST whose hidden token does not match its cookie, or that comes from another site."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", request.url.netloc):
        raise HTTPException(403, "this form was sent from another site")
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not hmac.compare_digest(cookie.encode(), submitted.encode()):
        raise HTTPException(403, "the form's security token is missing or out of date; reload the page and try again")


# --------------------------------------------------------------------------- body size

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


# --------------------------------------------------------------------------- response headers

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
