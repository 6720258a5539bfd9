"""Records already extracted (`amity extract --format jsonl`), read back for merging without the NLP.

A record file is JSON Lines, one record per line as `Record.to_dict()`
writes it; folders are read for their `.jsonl` files in name order, and
"-" is stdin. Lines are streamed, so a file of millions of records is
never held whole. A line that is not a record becomes an `InputError`
naming its file and line, and reading goes on.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any, BinaryIO

from amity.ingest.jsonl import _bounded_lines, parsed_lines
from amity.ingest.raw import cannot_read
from amity.model import (
    Entity,
    EntityType,
    Event,
    EventStatus,
    EventType,
    Evidence,
    InputError,
    Record,
    Role,
    Tie,
    TieKind,
    TieStatus,
)
from amity.vocabulary import ENTITY_TYPES, EVENT_STATUSES, EVENT_TYPES, TIE_KINDS, TIE_STAGES

_ENTITY_TYPES = set(ENTITY_TYPES)
_EVENT_TYPES = set(EVENT_TYPES)
_EVENT_STATUSES = set(EVENT_STATUSES)
_TIE_KINDS = set(TIE_KINDS)
_TIE_STATUSES = set(TIE_STAGES)


class _NotARecord(ValueError):
    """What is wrong with a line's object, said in a few words."""


def read_record_sources(paths: Iterable[str], *, max_bytes: int = 10_000_000) -> Iterator[Record | InputError]:
    """Records from each path in turn ("-" is stdin), with an `InputError` for each bad file or line."""
    for raw in paths:
        if raw == "-":
            yield from _read_lines(sys.stdin.buffer, "stdin", max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            files = record_files(path)
            if not files:
                yield InputError(raw, "no .jsonl record files in this folder")
            for file in files:
                yield from _read_file(file, str(file), max_bytes)
        elif path.is_file():
            yield from _read_file(path, raw, max_bytes)
        else:
            yield InputError(raw, "no such file or folder" if not path.exists() else "not a regular file or folder")


def record_files(folder: Path) -> list[Path]:
    """The .jsonl files of a folder and its subfolders in name order, hidden ones left out (partial shards)."""
    return sorted(p for p in folder.rglob("*.jsonl") if not any(part.startswith(".") for part in p.parts))


def _read_file(path: Path, source: str, max_bytes: int) -> Iterator[Record | InputError]:
    try:
        with path.open("rb") as stream:
            yield from _read_lines(stream, source, max_bytes)
    except OSError as exc:
        yield InputError(source, cannot_read(exc))


def _read_lines(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Record | InputError]:
    for item in parsed_lines(_bounded_lines(stream, max_bytes), source, max_bytes):
        if isinstance(item, InputError):
            yield item
            continue
        _, where, value = item
        try:
            yield record_from_dict(value)
        except _NotARecord as exc:
            yield InputError(where, f"not an Amity record: {exc}")


def record_from_dict(data: Any) -> Record:
    """The Record a `Record.to_dict()` object describes; `_NotARecord` says what is missing or wrong."""
    obj = _object(data, "the line")
    missing = [key for key in ("doc", "entities", "events", "ties") if key not in obj]
    if missing:  # an article's JSON ({"doc", "text", ...}) given by mistake is not an empty record
        raise _NotARecord(f"no {', '.join(repr(key) for key in missing)} (is it an article? ingest it without --records)")
    return Record(doc=_text(obj, "doc"), published=_maybe_text(obj, "published"),
                  entities=[_entity(e) for e in _list(obj, "entities")],
                  events=[_event(e) for e in _list(obj, "events")],
                  ties=[_tie(t) for t in _list(obj, "ties")],
                  title=_maybe_text(obj, "title"), url=_maybe_text(obj, "url"))


def _entity(data: Any) -> Entity:
    obj = _object(data, "an entity")
    kind: EntityType = _choice(obj, "type", _ENTITY_TYPES)  # type: ignore[assignment]
    coordinates = obj.get("coordinates")
    lat, lon = (coordinates if isinstance(coordinates, list) and len(coordinates) == 2 else (None, None))
    return Entity(type=kind, name=_text(obj, "name"), aliases=[str(a) for a in _list(obj, "aliases")],
                  roles=[_role(r) for r in _list(obj, "roles")], country=_maybe_text(obj, "country"),
                  geonames_id=_maybe_int(obj, "geonames_id"), lat=_number(lat), lon=_number(lon),
                  evidence=[_evidence(e) for e in _list(obj, "evidence")])


def _role(data: Any) -> Role:
    obj = _object(data, "a role")
    return Role(title=_text(obj, "title"), of=_maybe_text(obj, "of"))


def _event(data: Any) -> Event:
    obj = _object(data, "an event")
    kind: EventType = _choice(obj, "type", _EVENT_TYPES)  # type: ignore[assignment]
    status: EventStatus = _choice(obj, "status", _EVENT_STATUSES)  # type: ignore[assignment]
    agreement = obj.get("agreement") if kind == "signing" else None
    if agreement is not None and agreement not in _TIE_KINDS:
        raise _NotARecord(f"an event's 'agreement' is {agreement!r}")
    return Event(type=kind, status=status, date=_maybe_text(obj, "date"),
                 participants=[str(p) for p in _list(obj, "participants")], place=_maybe_text(obj, "place"),
                 agreement=agreement, evidence=[_evidence(e) for e in _list(obj, "evidence")])


def _tie(data: Any) -> Tie:
    obj = _object(data, "a tie")
    kind: TieKind = _choice(obj, "kind", _TIE_KINDS)  # type: ignore[assignment]
    status: TieStatus = _choice(obj, "status", _TIE_STATUSES)  # type: ignore[assignment]
    return Tie(kind=kind, parties=[str(p) for p in _list(obj, "parties")], status=status,
               date=_maybe_text(obj, "date"), evidence=[_evidence(e) for e in _list(obj, "evidence")])


def _evidence(data: Any) -> Evidence:
    obj = _object(data, "an evidence")
    start, end = obj.get("start"), obj.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        raise _NotARecord("an evidence needs whole-number 'start' and 'end'")
    return Evidence(sentence=_text(obj, "sentence"), start=start, end=end)


def _object(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _NotARecord(f"{what} is not a JSON object")
    return data


def _text(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _NotARecord(f"missing '{key}'")
    return value


def _maybe_text(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _NotARecord(f"'{key}' is not a string")
    return value


def _maybe_int(obj: dict[str, Any], key: str) -> int | None:
    value = obj.get(key)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise _NotARecord(f"'{key}' is not a whole number")
    return value


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _list(obj: dict[str, Any], key: str) -> list[Any]:
    value = obj.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise _NotARecord(f"'{key}' is not a list")
    return value


def _choice(obj: dict[str, Any], key: str, allowed: AbstractSet[str]) -> str:
    value = obj.get(key)
    if value not in allowed:
        raise _NotARecord(f"'{key}' is {value!r}, not one of {', '.join(sorted(allowed))}")
    return str(value)
