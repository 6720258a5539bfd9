"""The registry's answers as Rich tables, for `amity ties`, `entity`, `events`, `timeline` and `stats`.

Each function takes the plain dicts `amity.registry` returns, so the JSON
output and these tables always show the same facts.
"""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from amity.registry.silence import state


def _table(*columns: str, title: str | None = None) -> Table:
    return Table(*columns, title=title, title_justify="left", show_edge=False)


def print_ties(ties: list[dict[str, Any]], console: Console) -> None:
    table = _table("id", "tie", "parties", "status", "date", "last activity", "sources", "curation")
    for t in ties:
        status = state(t)
        table.add_row(str(t["id"]), t["kind"].replace("_", " "), Text(" – ".join(t["parties"])), status, t["date"] or "",
                      t["last_activity"] or "", str(t["sources"]), Text(curation_line(t["curation"])))
    console.print(table if ties else Text("no ties", style="dim"))


def print_events(events: list[dict[str, Any]], console: Console, title: str | None = None) -> None:
    table = _table("id", "event", "status", "date", "participants", "place", "sources", "curation", title=title)
    for e in events:
        kind = e["type"] + (f" ({e['agreement'].replace('_', ' ')})" if e["agreement"] else "")
        table.add_row(str(e["id"]), kind, e["status"], e["date"] or "", Text(", ".join(e["participants"])),
                      Text(e["place"] or ""), str(e["sources"]), Text(curation_line(e["curation"])))
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
    names = _table("name", "why", title="Names")
    for n in profile["names"]:
        names.add_row(Text(n["name"]), Text(n["reason"]))
    console.print(names)
    if profile["offices"]:
        offices = _table("office", "of", "sources", title="Offices")
        for o in profile["offices"]:
            offices.add_row(o["title"], Text(o["of"] or ""), Text(", ".join(o["sources"])))
        console.print(offices)
    if profile["partners"]:
        partners = _table("tie", "with", "status", "date", "last activity", title="Partners")
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
    table = _table("date", "what", "source")
    for item in items:
        table.add_row(item["date"], Text(item["what"]), Text(item["doc"]))
    console.print(table if items else Text("no dated stages or events", style="dim"))


def print_stats(counts: dict[str, Any], console: Console) -> None:
    table = _table("what", "count")
    table.add_row("articles", str(counts["articles"]))
    for kind, n in counts["entities"].items():
        table.add_row(f"entities: {kind}", str(n))
    table.add_row("events", str(counts["events"]))
    for status, n in counts["ties"].items():
        table.add_row(f"ties: {status}", str(n))
    table.add_row("ingest errors", str(counts["ingest_errors"]))
    console.print(table)
    if counts["last_errors"]:
        errors = _table("when", "source", "reason", title="Last ingest errors")
        for e in counts["last_errors"]:
            errors.add_row(e["at"], Text(e["source"]), Text(e["reason"]))
        console.print(errors)


def curation_line(curation: dict[str, Any] | None) -> str:
    """'rejected by ana 2024-05-01' for a curated tie or event; '' for one no analyst decided about."""
    if not curation:
        return ""
    return f"{curation['state']} by {curation['by']} {(curation['at'] or '')[:10]}".strip()


def print_decisions(items: list[dict[str, Any]], console: Console) -> None:
    table = _table("id", "when", "by", "target", "action", "value", "note")
    for d in items:
        value = d["value"] if isinstance(d["value"], str) or d["value"] is None else \
            d["value"].get("other_name") or ", ".join(d["value"].get("names", []))
        table.add_row(str(d["id"]), (d["at"] or "")[:19], Text(d["by"]), f"{d['target']} {d['target_id']}",
                      d["action"], Text(value or ""), Text(d["note"] or ""))
    console.print(table if items else Text("no decisions", style="dim"))
