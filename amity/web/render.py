"""Rendering pages: the Jinja2 environment (autoescape on for every template) and its few helpers.

Everything a template prints is escaped unless it is `Markup` made by
`amity.web.highlight`; links to outside URLs are only made for http(s)
URLs (`safe_url`), so a stored `javascript:` URL is shown as text, never
followed.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from starlette.responses import Response

from amity import __version__
from amity.vocabulary import EVENT_STATUSES, TIE_STAGES
from amity.web.auth import signed_in
from amity.web.csrf import csrf_token, remember_csrf

if TYPE_CHECKING:
    from fastapi.templating import Jinja2Templates

TEMPLATES = Path(__file__).with_name("templates")


_MAKING = threading.Lock()


def make_templates() -> Jinja2Templates:
    """The templates' environment. Jinja2 is imported here, at the first page, not when the server starts."""
    import jinja2
    from fastapi.templating import Jinja2Templates

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             auto_reload=False)  # templates ship with the package: no file check per page
    env.filters["safe_url"] = safe_url
    env.filters["label"] = label
    env.globals["version"] = __version__
    env.globals["query"] = query
    env.globals["tie_stages"] = TIE_STAGES
    env.globals["event_statuses"] = EVENT_STATUSES
    env.tests["rejected"] = rejected
    return Jinja2Templates(env=env)


def render(request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200) -> Response:
    """The page `name` with `context`, plus what every page shows (who is signed in, the CSRF token of its forms)."""
    templates = _templates(request.app.state)
    private = request.app.state.private
    try:
        user = signed_in(request)
    except Exception:  # noqa: BLE001 - an error page must render even when the database is down
        user = None
    page = {"private": private, "user": user, "csrf": lambda: csrf_token(request), **(context or {})}
    response = templates.TemplateResponse(request, name, page, status_code=status_code)
    remember_csrf(request, response)
    return response


def _templates(state: Any) -> Jinja2Templates:
    """The app's templates, made at its first page (an API-only server never loads Jinja2)."""
    with _MAKING:
        if getattr(state, "templates", None) is None:
            state.templates = make_templates()
        return state.templates  # type: ignore[no-any-return]


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) URL with a host, else None (no javascript:, data: or relative tricks)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def rejected(curation: dict[str, Any] | None) -> bool:
    """Jinja test: a curation badge that says rejected (`items|selectattr("curation", "rejected")`)."""
    return bool(curation) and curation.get("state") == "rejected"  # type: ignore[union-attr]


def label(value: str | None) -> str:
    """'sister_city' → 'sister city'."""
    return (value or "").replace("_", " ")


def query(request: Request, **changes: Any) -> str:
    """The request's query string with some parameters changed (None removes one); '?...' or ''."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params) if params else ""
