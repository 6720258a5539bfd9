"""A readable summary of one Record for a person at a terminal (Rich)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from amity.model import Record


def print_summary(record: Record, console: Console) -> None:
    heading = Text(record.title or record.doc, style="bold")
    if record.published:
        heading.append(f"  ({record.published})", style="dim")
    console.rule(heading)
    if record.entities:
        table = Table("type", "name", "also", "offices / country", title="Who and where", title_justify="left",
                      show_edge=False)
        for e in record.entities:
            detail = "; ".join(f"{r.title}" + (f" of {r.of}" if r.of else "") for r in e.roles)
            if e.type == "place":
                detail = e.country or ""
            table.add_row(e.type, Text(e.name), Text(", ".join(e.aliases)), Text(detail))
        console.print(table)
    if record.events:
        table = Table("event", "status", "date", "participants", "place", title="What happened",
                      title_justify="left", show_edge=False)
        for ev in record.events:
            kind = ev.type + (f" ({ev.agreement})" if ev.type == "signing" and ev.agreement else "")
            table.add_row(kind, ev.status, ev.date or "", Text(", ".join(ev.participants)), Text(ev.place or ""))
        console.print(table)
    if record.ties:
        table = Table("tie", "parties", "stage", "date", title="Partnerships", title_justify="left", show_edge=False)
        for t in record.ties:
            table.add_row(t.kind.replace("_", " "), Text(" – ".join(t.parties)), t.status, t.date or "")
        console.print(table)
    if not (record.entities or record.events or record.ties):
        console.print("[dim]nothing found[/dim]")
