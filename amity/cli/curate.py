"""`amity curate`: an analyst's decisions about ties, stages, events and entities, and their log."""
from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from amity.cli.app import app, fail, open_registry, rich_table, show
from amity.cli.options import DbOption, FormatOption, TableFormat, iso
from amity.vocabulary import EventStatus, TieStatus, TieStatusFilter

if TYPE_CHECKING:
    from amity.registry.curation import Target

curate_app = typer.Typer(help="An analyst's decisions: confirm or reject ties, stages and events, set their status "
                              "or date, merge or split entities. Kept when articles are ingested again.",
                         no_args_is_help=True)
app.add_typer(curate_app, name="curate")

ByOption = Annotated[str, typer.Option("--by", help="Who decides (kept with the decision).")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why, in a few words.")]


def _decide(target: Target, target_id: int, confirm: bool, reject: bool, status: str | None, when: str | None,
            stage: str | None, by: str, note: str | None, db: str | None) -> None:
    """One `amity curate tie|event` call: one request, taken whole or not at all (confirm/reject, status, date)."""
    from amity.registry.curation import CurationError, CurationRequest, take

    if confirm and reject:
        raise typer.BadParameter("--confirm or --reject, not both")
    if not (confirm or reject or status or when):
        raise typer.BadParameter("say what to decide: --confirm, --reject, --status or --date")
    if stage and (status or when):
        raise typer.BadParameter("a stage can only be confirmed or rejected")
    wanted = CurationRequest(target, target_id, by, verdict="confirm" if confirm else "reject" if reject else None,
                             status=status, date=when, stage=stage, note=note)
    with open_registry(db) as engine:
        try:
            done = take(engine, wanted)
        except CurationError as exc:
            fail(str(exc))
        what = _described(engine, target, target_id)
    for decision in done:
        action, value = decision["action"], decision["value"]
        typer.echo(f"decision {decision['id']}: {_said(action, value, stage)} {what}{_CONSEQUENCE.get(action, '')} "
                   f"(by {decision['by']}; undo: amity curate undo {decision['id']})")


#: What a decision changes, in words.
_CONSEQUENCE = {"reject": ": hidden from lists and exports", "confirm": ": kept as read"}


def _said(action: str, value: str | None, stage: str | None) -> str:
    if stage:
        return f"{'confirmed' if action == 'confirm' else 'rejected'} the {stage} stage of"
    return {"confirm": "confirmed", "reject": "rejected", "set_status": f"set the stage to {value} of",
            "set_date": f"set the date to {value} of"}[action]


def _described(engine: Any, target: str, target_id: int) -> str:
    """'the sister city tie Turkistan – Üsküdar (#3)' or 'the visit of 2022-03-10 (#7)'."""
    from sqlalchemy.orm import Session

    from amity.registry.listing import describe_events, describe_ties
    from amity.store.schema import TieRow

    with Session(engine) as session:
        if target == "tie":
            row = session.get(TieRow, target_id)
            if row is None:
                return f"tie {target_id}"
            tie = describe_ties(session, [row])[0]
            return f"the {tie['kind'].replace('_', ' ')} tie {' – '.join(tie['parties'])} (#{target_id})"
        described = describe_events(session, [target_id])
        if not described:
            return f"event {target_id}"
        event = described[0]
        return f"the {event['type']} of {event['date'] or 'no known date'} (#{target_id})"


@curate_app.command("tie")
def curate_tie(
    tie_id: Annotated[int, typer.Argument(help="The id 'amity ties' shows.")],
    confirm: Annotated[bool, typer.Option("--confirm", help="The tie (or --stage) is right.")] = False,
    reject: Annotated[bool, typer.Option("--reject", help="The tie (or --stage) is wrong: hidden from lists.")] = False,
    status: Annotated[TieStatusFilter | None, typer.Option("--status", help="Its stage is this.")] = None,
    when: Annotated[str | None, typer.Option("--date", callback=iso, help="Its date is this (YYYY[-MM[-DD]]).")] = None,
    stage: Annotated[TieStatus | None, typer.Option("--stage", help="Confirm or reject this stage of the tie only.")] = None,
    by: ByOption = "cli",
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Confirm or reject a tie or one of its stages, or set its status or date.

    Examples:

      amity curate tie 12 --reject --by ana --note "satire"

      amity curate tie 12 --status signed --date 2021-12-21 --by ana

      amity curate tie 12 --stage ratified --reject --by ana
    """
    if status == "dormant":
        raise typer.BadParameter("dormant is judged, not set")
    _decide("tie", tie_id, confirm, reject, status, when, stage, by, note, db)


@curate_app.command("event")
def curate_event(
    event_id: Annotated[int, typer.Argument(help="The id 'amity events' shows.")],
    confirm: Annotated[bool, typer.Option("--confirm", help="The event is right.")] = False,
    reject: Annotated[bool, typer.Option("--reject", help="The event is wrong: hidden from lists, no activity.")] = False,
    status: Annotated[EventStatus | None, typer.Option("--status", help="occurred or planned.")] = None,
    when: Annotated[str | None, typer.Option("--date", callback=iso, help="Its date is this (YYYY[-MM[-DD]]).")] = None,
    by: ByOption = "cli",
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Confirm or reject an event, or set its status or date.

    Example: amity curate event 7 --status occurred --date 2022-03-10 --by ana
    """
    _decide("event", event_id, confirm, reject, status, when, None, by, note, db)


@curate_app.command("merge")
def curate_merge(
    keep: Annotated[int, typer.Argument(help="The entity that stays (an id from 'amity entity --format json' or the web).")],
    other: Annotated[int, typer.Argument(help="The entity that is the same thing and goes.")],
    by: ByOption = "cli",
    note: NoteOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Merge without asking first.")] = False,
    db: DbOption = None,
) -> None:
    """Merge two entities that are one real thing; later ingests keep them merged. Says what it will do and asks
    first (unless --yes); `amity curate undo DECISION` takes it back.

    Example: amity curate merge 3 17 --by ana
    """
    from sqlalchemy.orm import Session

    from amity.registry.curation import CurationError, merge_entities
    from amity.store.schema import EntityRow

    with open_registry(db) as engine:
        with Session(engine) as session:
            kept, gone = session.get(EntityRow, keep), session.get(EntityRow, other)
            if kept is None or gone is None:
                fail(f"no entity {keep if kept is None else other}")
            question = (f"Merge {gone.name} ({gone.type} {gone.id}) into {kept.name} ({kept.type} {kept.id})? "
                        f"{gone.name}'s names, mentions, offices, events and ties become {kept.name}'s.")
        if not yes:
            if not sys.stdin.isatty():
                fail(f"{question} Add --yes to merge without being asked.")
            if not typer.confirm(question, default=False):
                raise typer.Exit(1)
        try:
            done = merge_entities(engine, keep, other, by, note=note)
        except CurationError as exc:
            fail(str(exc))
    typer.echo(f"decision {done['id']}: merged {done['value']['other_name']} ({other}) into {kept.name} ({keep}) "
               f"(undo: amity curate undo {done['id']})")


@curate_app.command("undo")
def curate_undo(
    decision: Annotated[int, typer.Argument(help="The decision's id ('amity curate log' lists them).")],
    db: DbOption = None,
) -> None:
    """Take a decision back, as if it had not been taken: an undone merge splits the names off again.

    Example: amity curate undo 12
    """
    from amity.registry.curation import CurationError, undo

    with open_registry(db) as engine:
        try:
            taken = undo(engine, decision)
        except CurationError as exc:
            fail(str(exc))
    what = f"{taken['action'].replace('_', ' ')} {taken['target']} {taken['target_id']}"
    extra = (f"; {taken['value']['other_name']} is entity {taken['entity_id']} again" if taken.get("entity_id")
             else "")
    typer.echo(f"undone: decision {decision} ({what}, by {taken['by']}){extra}")


@curate_app.command("split")
def curate_split(
    entity_id: Annotated[int, typer.Argument(help="The entity that wrongly holds two things.")],
    names: Annotated[list[str], typer.Option("--name", "-n", help="A name that belongs to the other thing (repeat).")],
    by: ByOption = "cli",
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Split names off an entity into a new one; later ingests keep them apart.

    Example: amity curate split 3 --name TDBB --by ana
    """
    from amity.registry.curation import CurationError, split_entity

    with open_registry(db) as engine:
        try:
            done = split_entity(engine, entity_id, names, by, note=note)
        except CurationError as exc:
            fail(str(exc))
    typer.echo(f"decision {done['id']}: split {', '.join(names)} off entity {entity_id} into {done['new_entity_id']}")


class DecisionTarget(str, Enum):
    tie = "tie"
    stage = "stage"
    event = "event"
    entity = "entity"


@curate_app.command("log")
def curate_log(
    target: Annotated[DecisionTarget | None, typer.Option("--target", help="Only decisions about ties, stages, ...")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="The newest N.")] = 50,
    format: FormatOption = TableFormat.table,
    db: DbOption = None,
) -> None:
    """List the decisions taken, newest first: who, when, about what.

    Example: amity curate log --target tie --format json
    """
    from amity.registry.curation import decisions

    with open_registry(db) as engine:
        found = decisions(engine, target=target, limit=limit)
    show(found, format, print_decisions)


def print_decisions(items: list[dict[str, Any]], console: Console) -> None:
    table = rich_table("id", "when", "by", "target", "action", "value", "note")
    for d in items:
        value = d["value"] if isinstance(d["value"], str) or d["value"] is None else \
            d["value"].get("other_name") or ", ".join(d["value"].get("names", []))
        table.add_row(str(d["id"]), (d["at"] or "")[:19], Text(d["by"]), f"{d['target']} {d['target_id']}",
                      d["action"], Text(value or ""), Text(d["note"] or ""))
    console.print(table if items else Text("no decisions", style="dim"))
