"""Forms that cannot be forged: a double-submit CSRF token and an Origin check on every form POST.

Every HTML form that writes carries the value of the `amity_csrf` cookie in
a hidden field; a POST whose field and cookie are missing or differ, or
whose Origin is another site, is refused (403). The JSON API takes no cookie
for writes, only the Bearer header, so it needs no CSRF token.
"""
from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

CSRF_COOKIE = "amity_csrf"
CSRF_FIELD = "csrf_token"


def csrf_token(request: Request) -> str:
    """The request's CSRF token: its cookie's, or a new one (set on the response by `remember_csrf`)."""
    current = request.cookies.get(CSRF_COOKIE)
    if current and 20 <= len(current) <= 100:
        return current
    if not hasattr(request.state, "new_csrf"):
        request.state.new_csrf = secrets.token_urlsafe(32)
    return str(request.state.new_csrf)


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
