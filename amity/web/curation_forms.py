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
from sqlalchemy.orm import Session
from starlette.responses import Response

from amity.registry import curation
from amity.registry.merge import take_merge_lock
from amity.store import writer
from amity.store.tokens import token_owner
from amity.web.auth import SESSION_COOKIE
from amity.web.csrf import check_csrf

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

Field = Annotated[str, Form(max_length=2000)]


def _analyst(request: Request, csrf_token: str) -> str:
    """Who is deciding: the signed-in token's name, once the form's CSRF token is checked."""
    check_csrf(request, csrf_token)
    owner = token_owner(request.app.state.engine, request.cookies.get(SESSION_COOKIE))
    if owner is None:
        raise HTTPException(401, "Sign in with a token to take decisions.")
    return owner


Call = Callable[[Session], Any]


def _taken(request: Request, back: str, *calls: Call) -> Response:
    """Take the form's decisions, all or none (each call gets the one write session), and go back to `back`."""
    try:
        with Session(writer(request.app.state.engine)) as session, session.begin():
            take_merge_lock(session)
            for call in calls:
                call(session)
    except curation.UnknownTarget as exc:
        raise HTTPException(404, str(exc)) from None
    except curation.CurationError as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(back, status_code=303)


def _decisions(request: Request, target: curation.Target, target_id: int, who: str, action: str, status: str,
               date: str, stage: str, note: str) -> list[Call]:
    """The calls a form's button stands for: confirm, reject, or edit (status and/or date)."""
    if action in ("confirm", "reject"):
        return [lambda session: curation.decide(session, target, target_id, action, who,  # type: ignore[arg-type]
                                                stage=stage.strip() or None, note=note)]
    if action != "edit":
        raise HTTPException(400, "Unknown action.")
    calls: list[Call] = []
    if status.strip():
        calls.append(lambda session: curation.set_status(session, target, target_id, status.strip(), who, note=note))
    if date.strip():
        calls.append(lambda session: curation.set_date(session, target, target_id, date.strip(), who, note=note))
    if not calls:
        raise HTTPException(400, "Choose a status or a date to set.")
    return calls


@router.post("/ties/{tie_id}/decisions")
def decide_tie(request: Request, tie_id: int, action: Field, status: Field = "", date: Field = "", stage: Field = "",
               note: Field = "", csrf_token: Field = "") -> Response:
    who = _analyst(request, csrf_token)
    return _taken(request, f"/ties/{tie_id}", *_decisions(request, "tie", tie_id, who, action, status, date, stage, note))


@router.post("/events/{event_id}/decisions")
def decide_event(request: Request, event_id: int, action: Field, status: Field = "", date: Field = "",
                 note: Field = "", csrf_token: Field = "") -> Response:
    who = _analyst(request, csrf_token)
    return _taken(request, f"/events/{event_id}", *_decisions(request, "event", event_id, who, action, status, date, "", note))


@router.post("/entities/{entity_id}/merge")
def merge(request: Request, entity_id: int, other: Annotated[int, Form()], note: Field = "",
          csrf_token: Field = "") -> Response:
    who = _analyst(request, csrf_token)
    return _taken(request, f"/entities/{entity_id}",
                  lambda session: curation.merge_entities(session, entity_id, other, who, note=note))


@router.post("/entities/{entity_id}/split")
def split(request: Request, entity_id: int, names: Annotated[list[str], Form()], note: Field = "",
          csrf_token: Field = "") -> Response:
    who = _analyst(request, csrf_token)
    return _taken(request, f"/entities/{entity_id}",
                  lambda session: curation.split_entity(session, entity_id, names, who, note=note))
