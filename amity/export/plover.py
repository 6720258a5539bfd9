"""`amity export --format plover`: events as PLOVER-style records, one JSON object per line.

PLOVER (the successor of CAMEO for political event data) names what
happened with a coarse event type and a mode; the CAMEO code alongside
keeps the finer distinction. Amity's events map so:

| Amity event           | status   | place                       | event   | mode        | CAMEO |
|-----------------------|----------|-----------------------------|---------|-------------|-------|
| visit                 | occurred | any                         | CONSULT | visit       | 042   |
| meeting               | occurred | known, no participant's own | CONSULT | third-party | 044   |
| meeting               | occurred | a participant's own         | CONSULT | ""          | 043   |
| meeting               | occurred | unknown                     | CONSULT | ""          | 040   |
| attendance            | occurred | any                         | CONSULT | third-party | 044   |
| signing, ratification | occurred | any                         | SUPPORT | ""          | 057   |
| any                   | planned  | any                         | AGREE   | ""          | 036   |

CAMEO 036 is "Express intent to meet or negotiate", 040 "Consult, not
specified below", 042 "Make a visit", 043 "Host a visit", 044 "Meet at a
third location", 057 "Sign formal agreement" (`CAMEO` below).

A place is a participant's own when it is the participant, the town a
participating municipality governs, or the municipality of a participating
town. Who visited whom is not recorded, so a visit keeps 042; but when its
place is exactly one participant's own, that participant is the host and
becomes the target actor.

Each record: {"event_id", "date", "event_type", "mode", "context",
"source_actor", "target_actor", "cameo", "status", "sources", "evidence"}.
Actors are the first two participants, places and organisations before
persons, each by name ("Name (CC)" when the entity has a country code;
null when missing); `context` is the agreement kind a signing or
ratification concerns ("sister_city", "cooperation"), else ""; `evidence`
is every report's {doc, sentence, start, end}.
"""
from __future__ import annotations

import json
from typing import Any, TextIO

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from amity.export.records import EventRecord, Ref, cited, event_records
from amity.store import session_of

#: CAMEO codes used, with their names.
CAMEO = {
    "036": "Express intent to meet or negotiate",
    "040": "Consult, not specified below",
    "042": "Make a visit",
    "043": "Host a visit",
    "044": "Meet at a third location",
    "057": "Sign formal agreement",
}


def export_plover(db: Engine | Session, out: TextIO) -> None:
    """Write one PLOVER-style record per registry event to `out`."""
    with session_of(db) as session:
        out.writelines(json.dumps(plover_record(event), ensure_ascii=False) + "\n" for event in event_records(session))


def plover_record(event: EventRecord) -> dict[str, Any]:
    """The PLOVER-style record of one event (see the module's table)."""
    event_type, mode, cameo = classify(event)
    actors = _ordered_actors(event)
    return {
        "event_id": f"amity-event-{event.id}",
        "date": event.date,
        "event_type": event_type,
        "mode": mode,
        "context": event.agreement if event.type in ("signing", "ratification") and event.agreement else "",
        "source_actor": _actor(actors[0]) if actors else None,
        "target_actor": _actor(actors[1]) if len(actors) > 1 else None,
        "cameo": cameo,
        "status": event.status,
        "sources": len(event.docs),
        "evidence": [cited(r.doc, r.evidence) for r in event.reports],
    }


def classify(event: EventRecord) -> tuple[str, str, str]:
    """(PLOVER event type, mode, CAMEO code) for an event."""
    if event.status == "planned":
        return "AGREE", "", "036"
    if event.type in ("signing", "ratification"):
        return "SUPPORT", "", "057"
    if event.type == "visit":
        return "CONSULT", "visit", "042"
    if event.type == "attendance":
        return "CONSULT", "third-party", "044"
    if event.place is None:
        return "CONSULT", "", "040"
    if any(_at_home(p, event.place) for p in event.participants):
        return "CONSULT", "", "043"
    return "CONSULT", "third-party", "044"


def _ordered_actors(event: EventRecord) -> list[Ref]:
    """Places and organisations, then persons, each by name; a visit's host (see the module) second."""
    actors = sorted(event.participants, key=lambda p: p.type == "person")
    if event.type == "visit" and event.place is not None and len(actors) >= 2:
        hosts = [p for p in actors if _at_home(p, event.place)]
        if len(hosts) == 1:
            guests = [p for p in actors if p is not hosts[0]]
            actors = [guests[0], hosts[0], *guests[1:]]
    return actors


def _at_home(participant: Ref, place: Ref) -> bool:
    return place.id in (participant.id, participant.parent_id) or place.parent_id == participant.id


def _actor(ref: Ref) -> str:
    return f"{ref.name} ({ref.country})" if ref.country else ref.name
