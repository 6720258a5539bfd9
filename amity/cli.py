"""The `amity` command: a thin layer over `amity.ingest`, `amity.nlp`, `amity.registry` and `amity.export`.

Errors in single inputs are reported as one line on stderr and skipped; an
unexpected failure is also one line, never a traceback. A database that
cannot be used (wrong URL, unreachable server, read-only or locked file,
schema from a newer Amity) is one line on stderr and exit status 1.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from amity import __version__
from amity.model import Article, InputError, Record

if TYPE_CHECKING:
    from sqlalchemy import Engine

app = typer.Typer(
    help="Amity turns news about international cooperation into a registry of partnerships.\n\n"
    "Example: amity extract examples/articles/\n\n"
    "Registry: amity ingest examples/articles/ ; amity ties --party Turkistan\n\n"
    "Web: amity serve --db amity.db",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_err = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"amity {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Amity reads articles about sister cities, visits, signings and ratifications.

    Example: amity extract article.txt --format json
    """


class _Counter:
    """Counts what the input stream gave, reporting each bad input as it passes."""

    def __init__(self) -> None:
        self.articles = 0
        self.errors = 0

    def articles_of(self, items: Iterator[Article | InputError]) -> Iterator[Article]:
        for item in self.reported(items):
            if not isinstance(item, InputError):
                yield item

    def reported(self, items: Iterator[Article | InputError]) -> Iterator[Article | InputError]:
        """Every item, bad ones included (for `ingest`, which keeps them)."""
        for item in items:
            if isinstance(item, InputError):
                self.errors += 1
                _err.print(f"amity: skipped {item}", markup=False)
            else:
                self.articles += 1
            yield item


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin: text, HTML, JSON Lines, RSS/Atom.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text (a summary), json or jsonl (contract records).")] = OutputFormat.text,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes to use.")] = 1,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001, help="Skip inputs larger than this many MB.")] = 10.0,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input could not be read.")] = False,
) -> None:
    """Read articles and print what they say: people, organisations, places, events and ties.

    Examples:

      amity extract article.txt

      amity extract corpus.jsonl --format jsonl > records.jsonl

      cat article.txt | amity extract - --format json
    """
    from amity.ingest import read_sources
    from amity.nlp import extract as run_extract
    from amity.nlp.pipeline import readable
    from amity.nlp.parallel import extract_parallel

    counter = _Counter()
    articles = counter.articles_of(readable(read_sources(inputs, max_bytes=int(max_mb * 1_000_000))))
    records = extract_parallel(articles, workers) if workers > 1 else run_extract(articles)
    try:
        _print(records, format)
    except BrokenPipeError:  # `amity extract ... | head`
        sys.stderr.close()
        raise typer.Exit(0)
    except Exception as exc:  # noqa: BLE001 - the user gets one line, not a traceback
        _err.print(f"amity: extraction failed: {type(exc).__name__}: {exc}", markup=False)
        raise typer.Exit(1)
    if counter.articles == 0:
        _err.print("amity: no article could be read", markup=False)
        raise typer.Exit(1)
    if strict and counter.errors:
        raise typer.Exit(1)


def _print(records: Iterator[Record], format: OutputFormat) -> None:
    if format is OutputFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        return
    if format is OutputFormat.json:
        out = [r.to_dict() for r in records]
        if out:
            payload = out[0] if len(out) == 1 else out
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    from amity.summary import print_summary

    console = Console(highlight=False)
    for record in records:
        print_summary(record, console)


# --------------------------------------------------------------------------- the registry

DbOption = Annotated[str | None, typer.Option(
    "--db", show_default=False,
    help="Database: sqlite:///file.db, postgresql+psycopg://user@host/name, or a file path "
         "[default: $AMITY_DB or ./amity.db].")]


class TableFormat(str, Enum):
    table = "table"
    json = "json"


FormatOption = Annotated[TableFormat, typer.Option("--format", "-f", help="table or json.")]
IncludeRejected = Annotated[bool, typer.Option("--include-rejected",
                                               help="Also ties and events an analyst rejected (marked so).")]


class TieKind(str, Enum):
    sister_city = "sister_city"
    cooperation = "cooperation"


class TieStatus(str, Enum):
    proposed = "proposed"
    planned = "planned"
    signed = "signed"
    ratified = "ratified"
    active = "active"
    dormant = "dormant"


class EventType(str, Enum):
    visit = "visit"
    meeting = "meeting"
    signing = "signing"
    ratification = "ratification"
    attendance = "attendance"


_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _iso(value: str | None) -> str | None:
    if value is not None and not _ISO_DATE.match(value):
        raise typer.BadParameter(f"{value!r} is not a year, YYYY-MM or YYYY-MM-DD")
    return value


def _iso_pair(value: tuple[str, str] | None) -> tuple[str, str] | None:
    if value is not None:
        for part in value:
            _iso(part)
    return value


def _day(value: str | None) -> str | None:
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a day (YYYY-MM-DD)") from None
    return value


def _fail(message: str) -> NoReturn:
    _err.print(f"amity: {message}", markup=False)
    raise typer.Exit(1)


@contextmanager
def _registry(db: str | None, *, create: bool = False) -> Iterator[Engine]:
    """The opened registry; any database failure becomes one line on stderr and exit status 1."""
    from sqlalchemy.exc import SQLAlchemyError

    from amity.store import StoreError, describe, explain, open_database

    try:
        engine = open_database(db, create=create)
    except StoreError as exc:
        _fail(str(exc))
    try:
        yield engine
    except (StoreError, SQLAlchemyError) as exc:
        _fail(str(explain(exc, describe(engine))))
    finally:
        engine.dispose()


def _show(value: Any, format: TableFormat, table: Any) -> None:
    if format is TableFormat.json:
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
        return
    table(value, Console(highlight=False))


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin: text, HTML, JSON Lines, RSS/Atom.")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes that read articles while the registry is written.")] = 1,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001, help="Skip inputs larger than this many MB.")] = 10.0,
) -> None:
    """Read articles and remember what they say in the registry, one transaction per article.

    An article already stored is skipped; a corrected version (same doc or
    URL, new text) replaces the old one's facts. Prints: N new, N unchanged,
    N replaced, N errors.

    Examples:

      amity ingest examples/articles/

      amity ingest corpus.jsonl --db postgresql+psycopg://amity@localhost/amity --workers 2
    """
    from sqlalchemy.exc import SQLAlchemyError

    from amity.ingest import read_sources
    from amity.nlp.pipeline import readable
    from amity.registry import ingest as store
    from amity.store import StoreError

    from amity.nlp.parallel import extract_parallel

    def extractor(articles):  # type: ignore[no-untyped-def]
        # reading runs in its own process(es), so the registry is written while the next articles are read
        return extract_parallel(articles, workers)

    counter = _Counter()
    items = counter.reported(readable(read_sources(inputs, max_bytes=int(max_mb * 1_000_000))))
    with _registry(db, create=True) as engine:
        try:
            summary = store(items, engine, extractor=extractor)
        except (StoreError, SQLAlchemyError):
            raise
        except Exception as exc:  # noqa: BLE001 - the user gets one line, not a traceback
            _fail(f"extraction failed: {type(exc).__name__}: {exc}")
    typer.echo(str(summary))
    if counter.articles == 0:
        _fail("no article could be read")


@app.command("ties")
def list_ties(
    party: Annotated[str | None, typer.Option("--party", "-p", help="Only ties of this party (any of its names).")] = None,
    kind: Annotated[TieKind | None, typer.Option("--kind", help="sister_city or cooperation.")] = None,
    status: Annotated[TieStatus | None, typer.Option("--status", help="Furthest stage, or dormant.")] = None,
    since: Annotated[str | None, typer.Option("--since", callback=_iso,
                                              help="Only ties with a stage or activity since YEAR or DATE.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", callback=_day,
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
    from amity.tables import print_ties

    with _registry(db) as engine:
        found = read_ties(engine, party=party, kind=kind.value if kind else None,
                          status=status.value if status else None, since=since,
                          as_of=date.fromisoformat(as_of) if as_of else None, dormant_years=dormant_years,
                          include_rejected=include_rejected)
    _show(found, format, print_ties)


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
    from amity.tables import print_entity

    with _registry(db) as engine:
        profile = entity_profile(engine, name, events_limit=events or None)
    if profile is None:
        _fail(f"no entity named {name!r}")
    _show(profile, format, print_entity)


@app.command("events")
def list_events(
    type: Annotated[EventType | None, typer.Option("--type", "-t", help="Only events of this type.")] = None,
    between: Annotated[tuple[str, str] | None, typer.Option(
        "--between", callback=_iso_pair, metavar="START END",
        help="Only events dated within START and END (years, months or days).")] = None,
    include_rejected: IncludeRejected = False,
    format: FormatOption = TableFormat.table,
    db: DbOption = None,
) -> None:
    """List events (visits, meetings, signings...), each once however many articles report it.

    Examples:

      amity events --type visit

      amity events --between 2021-11 2022 --format json
    """
    from amity.registry import events as read_events
    from amity.tables import print_events

    with _registry(db) as engine:
        found = read_events(engine, type=type.value if type else None, between=between,
                            include_rejected=include_rejected)
    _show(found, format, print_events)


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
    from amity.tables import print_timeline

    with _registry(db) as engine:
        items = read_timeline(engine, name, limit=latest or None)
    if items is None:
        _fail(f"no entity named {name!r}")
    _show(items, format, print_timeline)


@app.command()
def stats(
    format: FormatOption = TableFormat.table,
    db: DbOption = None,
) -> None:
    """Count what the registry holds: articles, entities, events, ties by status, ingest errors.

    Example: amity stats --db sqlite:///amity.db
    """
    from amity.registry import stats as read_stats
    from amity.tables import print_stats

    with _registry(db) as engine:
        counts = read_stats(engine)
    _show(counts, format, print_stats)


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    graphml = "graphml"
    gexf = "gexf"
    geojson = "geojson"
    plover = "plover"


@app.command("export")
def export_registry(
    format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", show_default=False,
        help="json or jsonl (entities, ties, events with evidence), csv (ties), graphml or gexf (the tie network), "
             "geojson (places and ties on a map), plover (events as PLOVER/CAMEO records).")],
    out: Annotated[str, typer.Option("--out", "-o", help="File to write, or - for stdout.")] = "-",
    kind: Annotated[TieKind | None, typer.Option("--kind", help="Only ties of this kind.")] = None,
    status: Annotated[TieStatus | None, typer.Option("--status", help="Only ties at this stage, or dormant.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", callback=_day,
                                              help="Judge dormancy on this day instead of today.")] = None,
    include_rejected: IncludeRejected = False,
    db: DbOption = None,
) -> None:
    """Export the registry for other tools; --kind and --status choose the ties (entities and events go whole).

    A file appears only once the whole export is written.

    Examples:

      amity export --format csv --out ties.csv --kind sister_city

      amity export --format graphml --out network.graphml

      amity export --format plover > events.jsonl
    """
    from amity.export import TieFilter, export
    from amity.export.output import open_output

    where = TieFilter(kind=kind.value if kind else None, status=status.value if status else None,
                      as_of=date.fromisoformat(as_of) if as_of else None, include_rejected=include_rejected)
    try:
        with _registry(db) as engine, open_output(out) as handle:
            export(engine, format.value, handle, where)
    except BrokenPipeError:  # `amity export ... | head`
        sys.stderr.close()
        raise typer.Exit(0) from None
    except OSError as exc:
        _fail(f"cannot write {out}: {exc.strerror or exc}")


# --------------------------------------------------------------------------- the web

@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    private: Annotated[bool, typer.Option("--private", help="Reads need a token too (writes always do).")] = False,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001, help="Refuse request bodies larger than this many MB.")] = 2.0,
    tiles: Annotated[str | None, typer.Option(
        "--tiles", envvar="AMITY_TILES", show_default=False,
        help="The map's tile URL, e.g. https://tile.example.org/{z}/{x}/{y}.png ('none': no tiles, the map still "
             "draws places and ties). Default: OpenStreetMap's tile server.")] = None,
    tiles_attribution: Annotated[str | None, typer.Option(
        "--tiles-attribution", envvar="AMITY_TILES_ATTRIBUTION", show_default=False,
        help="The credit the map shows for its tiles (plain text).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64,
                                         help="Server processes (one per CPU answers the most).")] = 1,
    threads: Annotated[int, typer.Option("--threads", min=1, max=64,
                                         help="Requests each process answers at once.")] = 2,
) -> None:
    """Serve the registry on the web: pages, and a JSON API (OpenAPI at /docs).

    Writes (POST /api/articles, the 'Add an article' form) need a token: amity token create.

    Examples:

      amity serve

      amity serve --db postgresql+psycopg://amity@localhost/amity --host 0.0.0.0 --port 8080 --private

      amity serve --tiles none
    """
    from amity.store import StoreError
    from amity.web import create_app, serving

    settings = {"db_url": db, "private": private, "max_body": int(max_mb * 1_000_000), "tiles": tiles,
                "tiles_attribution": tiles_attribution, "threads": threads}
    try:
        create_app(**settings).state.engine.dispose()  # type: ignore[arg-type]  # fail here, in one line, if it cannot
    except (StoreError, ValueError) as exc:
        _fail(str(exc))

    def ready() -> None:
        _err.print(f"amity: serving {'privately ' if private else ''}on http://{host}:{port}/"
                   + (f" with {workers} processes" if workers > 1 else "") + " (Ctrl-C to stop)", markup=False)

    try:
        status = serving.serve(settings, host=host, port=port, workers=workers, ready=ready)
    except OSError as exc:
        _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    raise typer.Exit(status)


token_app = typer.Typer(help="Tokens that allow writing (and reading, with 'amity serve --private').",
                        no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Option("--name", help="Whom or what the token is for.")] = "web",
    db: DbOption = None,
) -> None:
    """Make a token and print it; only its hash is kept, so note it now.

    Example: amity token create --name newsroom-feed
    """
    from amity.web.security import create_token

    with _registry(db, create=True) as engine:
        typer.echo(create_token(engine, name))


@token_app.command("list")
def token_list(db: DbOption = None) -> None:
    """List the tokens' ids, names and creation times (never the tokens themselves)."""
    from amity.web.security import list_tokens

    with _registry(db) as engine:
        for token in list_tokens(engine):
            typer.echo(f"{token['id']}\t{token['name']}\t{token['created_at']}")


@token_app.command("revoke")
def token_revoke(token_id: Annotated[int, typer.Argument(help="The id 'amity token list' shows.")], db: DbOption = None) -> None:
    """Revoke a token: requests that use it are refused from now on."""
    from amity.web.security import revoke_token

    with _registry(db) as engine:
        if not revoke_token(engine, token_id):
            _fail(f"no token {token_id}")


# --------------------------------------------------------------------------- curation

curate_app = typer.Typer(help="An analyst's decisions: confirm or reject ties, stages and events, set their status "
                              "or date, merge or split entities. Kept when articles are ingested again.",
                         no_args_is_help=True)
app.add_typer(curate_app, name="curate")

ByOption = Annotated[str, typer.Option("--by", help="Who decides (kept with the decision).")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why, in a few words.")]


def _decide(target: str, target_id: int, confirm: bool, reject: bool, status: str | None, when: str | None,
            stage: str | None, by: str, note: str | None, db: str | None) -> None:
    """One `amity curate tie|event` call: each option given is one decision, in the order confirm/reject, status, date."""
    from amity.registry.curation import CurationError, decide

    if confirm and reject:
        raise typer.BadParameter("--confirm or --reject, not both")
    wanted: list[tuple[str, str | None]] = []
    if confirm or reject:
        wanted.append(("confirm" if confirm else "reject", None))
    if status:
        wanted.append(("set_status", status))
    if when:
        wanted.append(("set_date", when))
    if not wanted:
        raise typer.BadParameter("say what to decide: --confirm, --reject, --status or --date")
    if stage and (status or when):
        raise typer.BadParameter("a stage can only be confirmed or rejected")
    with _registry(db) as engine:
        for action, value in wanted:
            try:
                done = decide(engine, target, target_id, action, by, value=value, stage=stage, note=note)  # type: ignore[arg-type]
            except CurationError as exc:
                _fail(str(exc))
            typer.echo(f"decision {done['id']}: {action.replace('_', ' ')} {target} {target_id}"
                       f"{' stage ' + stage if stage else ''}{' ' + value if value else ''} by {done['by']}")


@curate_app.command("tie")
def curate_tie(
    tie_id: Annotated[int, typer.Argument(help="The id 'amity ties' shows.")],
    confirm: Annotated[bool, typer.Option("--confirm", help="The tie (or --stage) is right.")] = False,
    reject: Annotated[bool, typer.Option("--reject", help="The tie (or --stage) is wrong: hidden from lists.")] = False,
    status: Annotated[TieStatus | None, typer.Option("--status", help="Its stage is this.")] = None,
    when: Annotated[str | None, typer.Option("--date", callback=_iso, help="Its date is this (YYYY[-MM[-DD]]).")] = None,
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
    if status is not None and status.value == "dormant":
        raise typer.BadParameter("dormant is judged, not set")
    _decide("tie", tie_id, confirm, reject, status.value if status else None, when,
            stage.value if stage else None, by, note, db)


class EventStatus(str, Enum):
    occurred = "occurred"
    planned = "planned"


@curate_app.command("event")
def curate_event(
    event_id: Annotated[int, typer.Argument(help="The id 'amity events' shows.")],
    confirm: Annotated[bool, typer.Option("--confirm", help="The event is right.")] = False,
    reject: Annotated[bool, typer.Option("--reject", help="The event is wrong: hidden from lists, no activity.")] = False,
    status: Annotated[EventStatus | None, typer.Option("--status", help="occurred or planned.")] = None,
    when: Annotated[str | None, typer.Option("--date", callback=_iso, help="Its date is this (YYYY[-MM[-DD]]).")] = None,
    by: ByOption = "cli",
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Confirm or reject an event, or set its status or date.

    Example: amity curate event 7 --status occurred --date 2022-03-10 --by ana
    """
    _decide("event", event_id, confirm, reject, status.value if status else None, when, None, by, note, db)


@curate_app.command("merge")
def curate_merge(
    keep: Annotated[int, typer.Argument(help="The entity that stays (an id from 'amity entity --format json' or the web).")],
    other: Annotated[int, typer.Argument(help="The entity that is the same thing and goes.")],
    by: ByOption = "cli",
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Merge two entities that are one real thing; later ingests keep them merged.

    Example: amity curate merge 3 17 --by ana
    """
    from amity.registry.curation import CurationError, merge_entities

    with _registry(db) as engine:
        try:
            done = merge_entities(engine, keep, other, by, note=note)
        except CurationError as exc:
            _fail(str(exc))
    typer.echo(f"decision {done['id']}: merged entity {other} ({done['value']['other_name']}) into {keep}")


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

    with _registry(db) as engine:
        try:
            done = split_entity(engine, entity_id, names, by, note=note)
        except CurationError as exc:
            _fail(str(exc))
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
    from amity.tables import print_decisions

    with _registry(db) as engine:
        found = decisions(engine, target=target.value if target else None, limit=limit)
    _show(found, format, print_decisions)


def run() -> None:
    """Entry point that turns Ctrl-C into a quiet exit."""
    try:
        app()
    except KeyboardInterrupt:
        _err.print("amity: interrupted", markup=False)
        sys.exit(130)
