"""The JSON API of curation: decisions about ties, stages and events, merging and splitting entities, the log.

Writes need `Authorization: Bearer TOKEN` (401 without a valid one); the
decision is taken in the token's name. The log is a read: open unless the
app is private.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from amity.registry import curation
from amity.vocabulary import EVENT_STATUSES, ISO_DATE_PATTERN, TIE_STAGES, TieStatus
from amity.web import paging
from amity.web.auth import require_reader, require_writer
from amity.web.curating import taken
from amity.web.parameters import MAX_ROW_ID, RowId
from amity.web.reads.entities import entity_detail
from amity.web.reads.events import event_detail
from amity.web.reads.ties import tie_detail

router = APIRouter(prefix="/api", tags=["curation"], dependencies=[Depends(require_reader)])

Writer = Annotated[str, Depends(require_writer)]
_ERRORS: dict[int | str, dict[str, Any]] = {401: {"description": "No valid token"}, 404: {"description": "No such id"},
                                            409: {"description": "A decision that cannot be taken (merging an entity "
                                                                 "with itself, a stage the tie never had...)"}}


#: A status (a tie's stage or an event's) or a date: what `value` can be, so that the description says so.
_VALUE = f"^({'|'.join(dict.fromkeys((*TIE_STAGES, *EVENT_STATUSES)))}|{ISO_DATE_PATTERN.strip('^$')})$"


class DecisionIn(BaseModel):
    """One decision about a tie (or one of its stages) or an event."""

    action: Literal["confirm", "reject", "set_status", "set_date"]
    value: str | None = Field(None, max_length=32, pattern=_VALUE, description="set_status: the status (a tie's "
                              "stage, or occurred/planned for an event); set_date: YYYY, YYYY-MM or YYYY-MM-DD.")
    stage: TieStatus | None = Field(
        None, description="Ties only: confirm or reject this stage of the tie rather than the tie.")
    note: str | None = Field(None, max_length=2000, description="Why, in a few words.")


class MergeIn(BaseModel):
    """The entity that is the same thing as the one in the path, and goes."""

    #: Up to 2^53 - 1: JSON numbers beyond it are not exact in most parsers, and a JSON Schema validator would read
    #: MAX_ROW_ID itself as 2^63 (one more than any id).
    other: int = Field(ge=1, le=min(MAX_ROW_ID, 2**53 - 1))
    note: str | None = Field(None, max_length=2000)


class SplitIn(BaseModel):
    """Names of the entity in the path that belong to another thing."""

    names: list[Annotated[str, Field(min_length=1, max_length=500)]] = Field(min_length=1, max_length=100)
    note: str | None = Field(None, max_length=2000)


def _request(target: curation.Target, target_id: int, owner: str, body: DecisionIn) -> curation.CurationRequest:
    """The one decision the body asks for, as a curation request."""
    verdict = body.action if body.action in ("confirm", "reject") else None
    return curation.CurationRequest(target, target_id, owner, verdict=verdict,
                                    status=body.value if body.action == "set_status" else None,
                                    date=body.value if body.action == "set_date" else None,
                                    stage=body.stage, note=body.note)


@router.post("/ties/{tie_id}/decisions", status_code=201, responses=_ERRORS,
             summary="Confirm or reject a tie or one of its stages, or set its status or date (needs a token)")
def decide_tie(tie_id: RowId, body: DecisionIn, request: Request, owner: Writer) -> dict[str, Any]:
    """The decision, and the tie as it is now (a rejected tie is hidden from /api/ties unless include_rejected)."""
    engine = request.app.state.engine
    [done] = taken(lambda: curation.take(engine, _request("tie", tie_id, owner, body)))
    with Session(engine) as session:
        return {"decision": done, "tie": tie_detail(session, tie_id)}


@router.post("/events/{event_id}/decisions", status_code=201, responses=_ERRORS,
             summary="Confirm or reject an event, or set its status or date (needs a token)")
def decide_event(event_id: RowId, body: DecisionIn, request: Request, owner: Writer) -> dict[str, Any]:
    """The decision, and the event as it is now."""
    engine = request.app.state.engine
    [done] = taken(lambda: curation.take(engine, _request("event", event_id, owner, body)))
    with Session(engine) as session:
        return {"decision": done, "event": event_detail(session, event_id)}


@router.post("/entities/{entity_id}/merge", responses=_ERRORS,
             summary="Merge another entity into this one: they are one thing (needs a token)")
def merge(entity_id: RowId, body: MergeIn, request: Request, owner: Writer) -> dict[str, Any]:
    """The decision, and the entity as it is now (the other one is gone; later ingests keep them merged)."""
    engine = request.app.state.engine
    done = taken(lambda: curation.merge_entities(engine, entity_id, body.other, owner, note=body.note))
    with Session(engine) as session:
        return {"decision": done, "entity": entity_detail(session, entity_id)}


@router.post("/entities/{entity_id}/split", status_code=201, responses=_ERRORS,
             summary="Split names off an entity into a new one: they are another thing (needs a token)")
def split(entity_id: RowId, body: SplitIn, request: Request, owner: Writer) -> dict[str, Any]:
    """The decision, and the new entity (later ingests keep the names apart)."""
    engine = request.app.state.engine
    done = taken(lambda: curation.split_entity(engine, entity_id, body.names, owner, note=body.note))
    with Session(engine) as session:
        return {"decision": done, "entity": entity_detail(session, done["new_entity_id"])}


@router.get("/decisions", summary="Analysts' decisions, newest first")
def list_decisions(request: Request, target: Literal["tie", "stage", "event", "entity"] | None = None,
                   limit: Annotated[int, Query(ge=1, le=paging.MAX_LIMIT)] = paging.DEFAULT_LIMIT,
                   cursor: paging.CursorParam = None
                   ) -> dict[str, Any]:
    """Each decision: target, target_key (stable across re-ingests), target_id, action, value, note, by, at."""
    before = paging.after_id(cursor, "decisions:id")
    items = curation.decisions(request.app.state.engine, target=target, before_id=before, limit=limit + 1)
    page, next_cursor = paging.id_page(items, limit, "decisions:id")
    return {"items": page, "next_cursor": next_cursor}
