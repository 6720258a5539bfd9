"""The HTML forms of curation, on the tie, event and entity pages: shown to a signed-in browser only.

Each POST checks the CSRF token (403 when it is missing or wrong, see
`amity.web.csrf`), then the signed-in token (401 without one), takes the
decision in that token's name, and redirects back to the page it came from
(POST/redirect/GET). A decision that cannot be taken is a 400 page saying why;
a form's decisions are taken in one transaction, so an edit whose date is
refused does not set its status either.
Form and button names are stable for browser tests: `form.curate-tie`,
`form.edit-tie`, `form.curate-stage`, `form.curate-event`, `form.edit-event`,
`form.merge-entity`, `form.split-entity`; buttons `name="action"`.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from amity.registry.curation import CurationRequest, Target, merge_entities, split_entity, take
from amity.store.tokens import token_owner
from amity.web.auth import SESSION_COOKIE
from amity.web.csrf import check_csrf
from amity.web.curating import taken

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

Field = Annotated[str, Form(max_length=2000)]


def _analyst(request: Request, csrf_token: str) -> str:
    """Who is deciding: the signed-in token's name, once the form's CSRF token is checked."""
    check_csrf(request, csrf_token)
    owner = token_owner(request.app.state.engine, request.cookies.get(SESSION_COOKIE))
    if owner is None:
        raise HTTPException(401, "Sign in with a token to take decisions.")
    return owner


def _back(request: Request, back: str, call: Callable[[], Any]) -> Response:
    """Take the form's decisions (a curation call, one transaction) and go back to `back`."""
    taken(call, refused=400)
    return RedirectResponse(back, status_code=303)


def _request(target: Target, target_id: int, who: str, action: str, status: str, date: str, stage: str,
             note: str) -> CurationRequest:
    """The request a form's button stands for: confirm, reject, or edit (status and/or date)."""
    if action in ("confirm", "reject"):
        return CurationRequest(target, target_id, who, verdict=action,  # type: ignore[arg-type]  # checked just above
                               stage=stage.strip() or None, note=note)
    if action != "edit":
        raise HTTPException(400, "Unknown action.")
    if not status.strip() and not date.strip():
        raise HTTPException(400, "Choose a status or a date to set.")
    return CurationRequest(target, target_id, who, status=status.strip() or None, date=date.strip() or None, note=note)


@router.post("/ties/{tie_id}/decisions")
def decide_tie(request: Request, tie_id: int, action: Field, status: Field = "", date: Field = "", stage: Field = "",
               note: Field = "", csrf_token: Field = "") -> Response:
    wanted = _request("tie", tie_id, _analyst(request, csrf_token), action, status, date, stage, note)
    return _back(request, f"/ties/{tie_id}", lambda: take(request.app.state.engine, wanted))


@router.post("/events/{event_id}/decisions")
def decide_event(request: Request, event_id: int, action: Field, status: Field = "", date: Field = "",
                 note: Field = "", csrf_token: Field = "") -> Response:
    wanted = _request("event", event_id, _analyst(request, csrf_token), action, status, date, "", note)
    return _back(request, f"/events/{event_id}", lambda: take(request.app.state.engine, wanted))


@router.post("/entities/{entity_id}/merge")
def merge(request: Request, entity_id: int, other: Annotated[int, Form()], note: Field = "",
          csrf_token: Field = "") -> Response:
    who = _analyst(request, csrf_token)
    return _back(request, f"/entities/{entity_id}",
                 lambda: merge_entities(request.app.state.engine, entity_id, other, who, note=note))


@router.post("/entities/{entity_id}/split")
def split(request: Request, entity_id: int, names: Annotated[list[str], Form()], note: Field = "",
          csrf_token: Field = "") -> Response:
    who = _analyst(request, csrf_token)
    return _back(request, f"/entities/{entity_id}",
                 lambda: split_entity(request.app.state.engine, entity_id, names, who, note=note))
