"""Files the web app streams: the registry's exports, and the registry page's ties as CSV or JSON.

The exporters write to a text stream; `export_stream` runs one in a thread
that hands its output over in chunks through a small queue, so a response
starts at once and holds a few chunks in memory, never the whole export. A
failure before the first chunk is an error response; a client that goes
away stops the export.
"""
from __future__ import annotations

import io
import json
import queue
import threading
from collections.abc import Iterator
from itertools import chain
from typing import Any

from sqlalchemy import Engine

from amity.export import export
from amity.export.csv import PARTY_SEPARATOR, csv_lines, curation_columns, party_columns
from amity.registry.tie_query import TieQuery

MEDIA = {"json": "application/json", "jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
         "graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "geojson": "application/geo+json",
         "plover": "application/x-ndjson"}
SUFFIX = {"json": "json", "jsonl": "jsonl", "csv": "csv", "graphml": "graphml", "gexf": "gexf",
          "geojson": "geojson", "plover": "plover.jsonl"}
CHUNK_CHARS = 64 * 1024
STALLED_S = 300.0  # a client that reads nothing for this long is taken to be gone
_DONE = object()


class _Stopped(Exception):
    """The client went away: the export thread stops writing."""


class _ChunkWriter(io.TextIOBase):
    """A text stream that passes what is written on to a queue, a chunk at a time."""

    def __init__(self, chunks: queue.Queue[Any], stop: threading.Event) -> None:
        self._chunks = chunks
        self._stop = stop
        self._buffer: list[str] = []
        self._size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._buffer.append(text)
        self._size += len(text)
        if self._size >= CHUNK_CHARS:
            self.hand_over()
        return len(text)

    def hand_over(self) -> None:
        if not self._buffer:
            return
        chunk, self._buffer, self._size = "".join(self._buffer), [], 0
        waited = 0.0
        while not self._stop.is_set() and waited < STALLED_S:
            try:
                self._chunks.put(chunk, timeout=0.5)
                return
            except queue.Full:
                waited += 0.5
        raise _Stopped


def export_stream(engine: Engine, format: str, where: TieQuery) -> Iterator[bytes]:
    """The export as UTF-8 chunks; raises at once when the export fails before its first chunk."""
    chunks: queue.Queue[Any] = queue.Queue(maxsize=8)
    stop = threading.Event()

    def run() -> None:
        writer = _ChunkWriter(chunks, stop)
        try:
            export(engine, format, writer, where)  # type: ignore[arg-type]  # a TextIOBase that queues what it is given
            writer.hand_over()
        except _Stopped:
            return
        except BaseException as exc:  # noqa: BLE001 - handed to the response, which raises it
            chunks.put(exc)
            return
        chunks.put(_DONE)

    threading.Thread(target=run, name=f"amity-export-{format}", daemon=True).start()

    def drain() -> Iterator[bytes]:
        try:
            while (item := chunks.get()) is not _DONE:
                if isinstance(item, BaseException):
                    raise item
                yield item.encode("utf-8")
        finally:
            stop.set()

    stream = drain()
    first = next(stream, None)
    return chain([first] if first is not None else [], stream)


def ties_csv(ties: list[dict[str, Any]]) -> Iterator[str]:
    """The registry page's ties as CSV lines: the columns of `amity export --format csv`, plus id and countries.

    The file starts with a UTF-8 byte order mark, so that Excel reads names such as Üsküdar as UTF-8."""
    yield "\ufeff"
    header = ["id", "kind", "party_a", "party_b", "status", "date", "last_activity", "dormant", "sources",
              "countries", "curation", "curated_by", "curated_at"]
    rows = ([tie["id"], tie["kind"], *party_columns([p["name"] for p in tie["parties"]]), tie["status"],
             tie["date"] or "", tie["last_activity"] or "", "true" if tie["dormant"] else "false",
             tie["sources"], PARTY_SEPARATOR.join(tie["countries"]), *curation_columns(tie["curation"])]
            for tie in ties)
    yield from csv_lines(chain([header], rows))


def ties_json(ties: list[dict[str, Any]]) -> Iterator[str]:
    """The registry page's ties as one JSON array, an item at a time."""
    yield "["
    for i, tie in enumerate(ties):
        yield ("," if i else "") + "\n" + json.dumps(tie, ensure_ascii=False)
    yield "\n]\n"
