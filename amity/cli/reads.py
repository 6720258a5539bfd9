"""Reading the registry: `amity ties`, `entity`, `events`, `timeline` and `stats`, and their Rich tables.

Each table takes the plain dicts `amity.registry` returns, so the JSON
output and the tables always show the same facts.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from amity.cli.app import app, fail, fitted_table, open_registry, rich_table, show
from amity.cli.options import DbOption, FormatOption, IncludeRejected, TableFormat, day, iso, iso_pair
from amity.vocabulary import EventStatus, EventType, TieKind, TieStatusFilter


@app.command("ties")
def list_ties(
    party: Annotated[str | None, typer.Option("--party", "-p", help="Only ties of this party (any of its names).")] = None,
    kind: Annotated[TieKind | None, typer.Option("--kind", help="sister_city or cooperation.")] = None,
    status: Annotated[TieStatusFilter | None, typer.Option("--status", help="Furthest stage, or dormant.")] = None,
    since: Annotated[str | None, typer.Option("--since", callback=iso,
                                              help="Only ties with a stage or activity since YEAR or DATE.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", callback=day,
                                              help="Judge dormancy on this day instead of today.")] = None,
    dormant_years: Annotated[int, typer.Option("--dormant-years", min=1,
                                               help="Years without a stage or activity that make a tie dormant.")] = 3,
    include_rejected: IncludeRejected = False,
    format: FormatOption = TableFormat.table,
    db: DbOption = None,
) -> None:
    """List partnerships: id, parties, furthest stage and its date, last activity, sources, an analyst's decision.

    Examples:

      amity ties --party Turkistan

      amity ties --kind sister_city --status signed --since 2021 --format json
    """
    from amity.registry import ties as read_ties

    with open_registry(db) as engine:
        found = read_ties(engine, party=party, kind=kind,
                          status=status, since=since,
                          as_of=date.fromisoformat(as_of) if as_of else None, dormant_years=dormant_years,
                          include_rejected=include_rejected)
    show(found, format, print_ties)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="A name or alias of a person, organisation or place.")],
    events: Annotated[int, typer.Option("--events", min=0, help="Show the latest N events (0: all).")] = 50,
    format: FormatOption = TableFormat.table,
    db: DbOption = None,
) -> None:
    """Show what the registry knows of one entity: its names and why, offices, partners, events.

    Example: amity entity Turkestan
    """
    from amity.registry import entity_profile

    with open_registry(db) as engine:
        profile = entity_profile(engine, name, events_limit=events or None)
    if profile is None:
        fail(f"no entity named {name!r}")
    show(profile, format, print_entity)


@app.command("events")
def list_events(
    type: Annotated[EventType | None, typer.Option("--type", "-t", help="Only events of this type.")] = None,
    between: Annotated[tuple[str, str] | None, typer.Option(
        "--between", callback=iso_pair, metavar="START END",
        help="Only events dated within START and END (years, months or days).")] = None,
    status: Annotated[EventStatus | None, typer.Option("--status", help="Only planned or only occurred events.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only planned events whose date has passed with no "
                                                            "report that they happened.")] = False,
    upcoming: Annotated[bool, typer.Option("--upcoming", help="Only planned events dated today or later.")] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", callback=day,
                                              help="Judge overdue and upcoming on this day instead of today.")] = None,
    include_rejected: IncludeRejected = False,
    format: FormatOption = TableFormat.table,
    db: DbOption = None,
) -> None:
    """List events (visits, meetings, signings...), each once however many articles report it.

    Examples:

      amity events --type visit

      amity events --status planned --overdue

      amity events --between 2021-11 2022 --format json
    """
    from amity.registry import events as read_events

    if overdue and upcoming:
        fail("choose --overdue or --upcoming, not both")
    if (overdue or upcoming) and status == "occurred":
        fail("--overdue and --upcoming are about planned events, not occurred ones")
    with open_registry(db) as engine:
        found = read_events(engine, type=type, between=between, include_rejected=include_rejected, status=status,
                            timing="overdue" if overdue else "upcoming" if upcoming else None,
                            as_of=date.fromisoformat(as_of) if as_of else None)
    show(found, format, print_events)


@app.command()
def timeline(
    name: Annotated[str, typer.Argument(help="An entity, or a tie as 'A – B'.")],
    latest: Annotated[int, typer.Option("--latest", min=0, help="Only the latest N items (0: all).")] = 0,
    format: FormatOption = TableFormat.table,
    db: DbOption = None,
) -> None:
    """Show the dated stages and events of an entity or of a tie, earliest first.

    Examples:

      amity timeline Turkistan

      amity timeline "Turkistan – Üsküdar"
    """
    from amity.registry import timeline as read_timeline

    with open_registry(db) as engine:
        items = read_timeline(engine, name, limit=latest or None)
    if items is None:
        fail(f"no entity named {name!r}")
    show(items, format, print_timeline)


@app.command()
def stats(
    format: FormatOption = TableFormat.table,
    db: DbOption = None,
) -> None:
    """Count what the registry holds: articles, entities, events, ties by status, ingest errors.

    Example: amity stats --db sqlite:///amity.db
    """
    from amity.registry import stats as read_stats

    with open_registry(db) as engine:
        counts = read_stats(engine)
    show(counts, format, print_stats)


# --------------------------------------------------------------------------- tables

def print_ties(ties: list[dict[str, Any]], console: Console) -> None:
    """A tie's state as everywhere: its stage and date, and "silent since" its last sign of life when it has been
    silent for years. Columns empty for every tie are left out; at 80 columns names wrap and dates stay whole."""
    rows = [[str(t["id"]), t["kind"].replace("_", " "), Text(" – ".join(t["parties"])), _state_cell(t),
             t["last_activity"] or "", str(t["sources"]), Text(curation_line(t["curation"]))] for t in ties]
    table = fitted_table(["id", "kind", "parties", "stage", "last activity", "sources", "curation"], rows)
    console.print(table if ties else Text("no ties", style="dim"))


def _state_cell(tie: dict[str, Any]) -> str:
    """'signed 2021-12-21 · silent since 2022-03-10': one vocabulary, whose words wrap but whose dates do not."""
    said = " ".join(p for p in (tie["status"], tie["date"]) if p)
    return f"{said} · silent since {tie['silent_since']}" if tie.get("silent_since") else said


def print_events(events: list[dict[str, Any]], console: Console, title: str | None = None) -> None:
    rows = [[str(e["id"]), e["type"] + (f" ({e['agreement'].replace('_', ' ')})" if e["agreement"] else ""),
             e["status"], e["date"] or "", Text(", ".join(e["participants"])), Text(e["place"] or ""),
             str(e["sources"]), Text(curation_line(e["curation"]))] for e in events]
    table = fitted_table(["id", "event", "status", "date", "participants", "place", "sources", "curation"], rows,
                         title=title)
    console.print(table if events else Text("no events", style="dim"))


def print_entity(profile: dict[str, Any], console: Console) -> None:
    heading = Text(profile["name"], style="bold")
    heading.append(f"  {profile['type']}, in {profile['sources']} article(s)", style="dim")
    console.rule(heading)
    facts = []
    if profile["country"]:
        facts.append(f"country {profile['country']}")
    if profile["geonames_id"]:
        facts.append(f"GeoNames {profile['geonames_id']}")
    if profile["coordinates"]:
        facts.append("at {:.4f}, {:.4f}".format(*profile["coordinates"]))
    if profile["part_of"]:
        facts.append(f"the municipality of {profile['part_of']}")
    if profile["bodies"]:
        facts.append("governed by " + ", ".join(profile["bodies"]))
    if facts:
        console.print(Text("; ".join(facts)))
    names = rich_table("name", "why", title="Names")
    for n in profile["names"]:
        names.add_row(Text(n["name"]), Text(n["reason"]))
    console.print(names)
    if profile["offices"]:
        offices = rich_table("office", "of", "sources", title="Offices")
        for o in profile["offices"]:
            offices.add_row(o["title"], Text(o["of"] or ""), Text(", ".join(o["sources"])))
        console.print(offices)
    if profile["partners"]:
        from amity.registry.silence import state  # here, so that `amity extract` starts without the registry

        partners = rich_table("tie", "with", "status", "date", "last activity", title="Partners")
        for t in profile["partners"]:
            status = state(t)
            partners.add_row(t["kind"].replace("_", " "), Text(", ".join(t["partners"])), status, t["date"] or "",
                             t["last_activity"] or "")
        console.print(partners)
    if profile["events"]:
        shown, total = len(profile["events"]), profile.get("events_total", len(profile["events"]))
        print_events(profile["events"], console, title="Events" if shown == total else f"Events: the latest {shown} of {total}")
    if profile["also"]:
        console.print(Text("Also named so: " + ", ".join(f"{a['name']} ({a['type']})" for a in profile["also"]),
                           style="dim"))


def print_timeline(items: list[dict[str, Any]], console: Console) -> None:
    table = rich_table("date", "what", "source")
    for item in items:
        table.add_row(item["date"], Text(item["what"]), Text(item["doc"]))
    console.print(table if items else Text("no dated stages or events", style="dim"))


def print_stats(counts: dict[str, Any], console: Console) -> None:
    table = rich_table("what", "count")
    table.add_row("articles", str(counts["articles"]))
    for kind, n in counts["entities"].items():
        table.add_row(f"entities: {kind}", str(n))
    table.add_row("events", str(counts["events"]))
    for status, n in counts["ties"].items():
        table.add_row(f"ties: {status}", str(n))
    table.add_row("ingest errors", str(counts["ingest_errors"]))
    console.print(table)
    if counts["last_errors"]:
        errors = rich_table("when", "source", "reason", title="Last ingest errors")
        for e in counts["last_errors"]:
            errors.add_row(e["at"], Text(e["source"]), Text(e["reason"]))
        console.print(errors)


def curation_line(curation: dict[str, Any] | None) -> str:
    """'rejected by ana 2024-05-01' for a curated tie or event; '' for one no analyst decided about."""
    if not curation:
        return ""
    return f"{curation['state']} by {curation['by']} {(curation['at'] or '')[:10]}".strip()
