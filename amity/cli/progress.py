"""A Rich progress bar for long `ingest` and `extract` runs: articles read, extracted and merged, rate and ETA.

Shown on a terminal (or with --progress), drawn on stderr so that records
on stdout stay clean. The total, for the ETA, is counted before the run
from the inputs' lines and files (a JSON Lines file: one article a line),
so it is an estimate; stdin has none, and then the bar shows rates only.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TaskID, TextColumn, TimeRemainingColumn
from rich.text import Text

T = TypeVar("T")

_LINES_EXTENSIONS = (".jsonl", ".ndjson")


class _Rate(ProgressColumn):
    """Articles a second, over Rich's recent window."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.1f}/s" if task.speed else "–/s", style="progress.data.speed")


class RunProgress:
    """Counts of one run's stages, drawn as bars when `enabled`; every count method is a no-op otherwise."""

    def __init__(self, console: Console, *, enabled: bool, total: int | None = None,
                 stages: tuple[str, ...] = ("read", "extracted", "merged")) -> None:
        self._bar: Progress | None = None
        self._tasks: dict[str, TaskID] = {}
        if enabled:
            self._bar = Progress(TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(), _Rate(),
                                 TimeRemainingColumn(), console=console, transient=False)
            self._tasks = {stage: self._bar.add_task(stage, total=total) for stage in stages}

    def __enter__(self) -> RunProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, stage: str, count: int = 1) -> None:
        if self._bar is not None and stage in self._tasks:
            self._bar.advance(self._tasks[stage], count)

    def counted(self, stage: str, items: Iterable[T]) -> Iterator[T]:
        """`items` passed on, each one counted at `stage`."""
        for item in items:
            self.advance(stage)
            yield item


def estimated_articles(inputs: list[str]) -> int | None:
    """About how many articles the inputs hold: lines of JSON Lines files, one per other file; None for stdin."""
    total = 0
    for raw in inputs:
        if raw == "-":
            return None
        path = Path(raw)
        files = (Path(root) / name for root, _dirs, names in os.walk(path) for name in names) if path.is_dir() else [path]
        for file in files:
            if any(part.startswith(".") for part in file.parts[len(path.parts):]):
                continue
            total += _lines(file) if file.suffix.lower() in _LINES_EXTENSIONS else 1
    return total


def _lines(path: Path) -> int:
    count = 0
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                count += block.count(b"\n")
    except OSError:
        return 0
    return count
