"""The HTML forms that change something: signing in and out with a token, and adding an article.

Every one carries the CSRF token (double-submit cookie, see
`amity.web.csrf`); adding an article also needs a signed-in token.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from amity.model import Article
from amity.registry import content_hash
from amity.store.tokens import token_owner
from amity.vocabulary import is_iso_date
from amity.web.auth import SESSION_COOKIE
from amity.web.csrf import check_csrf
from amity.web.render import render
from amity.web.writes import store_article_in_thread

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

_SESSION_DAYS = 30


def _local(target: str | None) -> str:
    """A path on this site to go back to: '/' for anything else (no open redirects)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", {"next": _local(next), "failed": False})


@router.post("/login")
def login(request: Request, token: Annotated[str, Form(max_length=200)],
          csrf_token: Annotated[str, Form(max_length=200)] = "", next: Annotated[str, Form(max_length=2000)] = "/") -> Response:
    check_csrf(request, csrf_token)
    if token_owner(request.app.state.engine, token.strip()) is None:
        return render(request, "login.html", {"next": _local(next), "failed": True}, status_code=401)
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token.strip(), max_age=_SESSION_DAYS * 86400, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https", path="/")
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form(max_length=200)] = "") -> Response:
    check_csrf(request, csrf_token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/ingest")
def ingest_form(request: Request) -> Response:
    return render(request, "ingest.html", {"form": dict.fromkeys(("text", "doc", "title", "url", "published"), ""),
                                           "problem": None})


@router.post("/ingest")
async def ingest(request: Request, text: Annotated[str, Form()], doc: Annotated[str, Form(max_length=1000)] = "",
                 title: Annotated[str, Form(max_length=2000)] = "", url: Annotated[str, Form(max_length=2000)] = "",
                 published: Annotated[str, Form(max_length=32)] = "",
                 csrf_token: Annotated[str, Form(max_length=200)] = "") -> Response:
    check_csrf(request, csrf_token)
    owner = await run_in_threadpool(token_owner, request.app.state.engine, request.cookies.get(SESSION_COOKIE))
    if owner is None:
        raise HTTPException(401, "Sign in with a token to add articles.")
    form = {"text": text, "doc": doc, "title": title, "url": url, "published": published}
    problem = None
    if not text.strip():
        problem = "The text is empty."
    elif published.strip() and not is_iso_date(published.strip()):
        problem = "The date must be a year, YYYY-MM or YYYY-MM-DD, and exist."
    if problem:
        return render(request, "ingest.html", {"form": form, "problem": problem}, status_code=400)
    article = Article(doc=doc.strip() or url.strip(), text=text, title=title.strip() or None, url=url.strip() or None,
                      published=published.strip() or None, source=f"web form ({owner})")
    if not article.doc:  # a name of its own, so that it never replaces another unnamed article
        article.doc = f"web-{content_hash(article)[:12]}"
    _, article_id = await store_article_in_thread(request.app, article)
    return RedirectResponse(f"/articles/{article_id}", status_code=303)

