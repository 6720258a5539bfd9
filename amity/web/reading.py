"""Reading posted articles in a process of its own, with a time limit per article.

Reading one long article took minutes (and still can take long), and in a
thread of the server it also took the GIL from the threads answering pages:
reads slowed 22 times during one 26 KB post. So the server hands each
posted article to a child process that runs the NLP pipeline; an article
not read within the limit is refused (the child is killed and a new one
started for the next post), and the server's own threads stay free.

The child is started at the first post (loading the model then, not when
the server starts) and speaks length-prefixed pickles over its stdin and
stdout: "ready" once the pipeline is loaded, then one Record (or one error
line) per article. It is a plain subprocess, not a multiprocessing child,
because the server's own worker processes are daemons and may not have
multiprocessing children; it dies with its parent.
"""
from __future__ import annotations

import os
import pickle
import select
import struct
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from typing import IO, Any

from amity.model import Article, Record

#: How long a posted article may take to be read, in seconds (`amity serve --read-limit`).
DEFAULT_READ_LIMIT = 60.0
#: How long the child may take to load the pipeline before it is given up on.
_LOAD_LIMIT = 300.0
_HEADER = struct.Struct("!Q")


class ReadingTooSlow(Exception):
    """An article was not read within the time limit."""


class ArticleReader:
    """An extractor (`amity.registry.ingest.Extractor`) that reads each article in the child, within a limit.

    Used by one thread at a time (the web's ingests queue on a lock).
    """

    def __init__(self, limit: float = DEFAULT_READ_LIMIT) -> None:
        self.limit = limit
        self._child: subprocess.Popen[bytes] | None = None

    def __call__(self, articles: Iterable[Article]) -> Iterator[Record]:
        for article in articles:
            yield self.read(article)

    def read(self, article: Article) -> Record:
        """The article's record; raises ReadingTooSlow past the limit, RuntimeError if the child fails."""
        child = self._ready()
        assert child.stdin is not None and child.stdout is not None
        _send(child.stdin, ("article", article))
        try:
            status, value = _receive(child.stdout, self.limit)
        except TimeoutError:
            self.close()
            raise ReadingTooSlow(f"the article was not read within the {self.limit:g}-second limit") from None
        except (EOFError, OSError):
            self.close()
            raise RuntimeError("the process reading articles stopped") from None
        if status != "record":
            raise RuntimeError(f"reading the article failed: {value}")
        return value  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the child (a new one starts at the next article)."""
        child, self._child = self._child, None
        if child is not None and child.poll() is None:
            child.kill()
        if child is not None:
            child.wait()
            for stream in (child.stdin, child.stdout):
                if stream is not None:
                    stream.close()

    def _ready(self) -> subprocess.Popen[bytes]:
        if self._child is not None and self._child.poll() is None:
            return self._child
        self.close()
        child = subprocess.Popen([sys.executable, "-m", "amity.web.reading"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE)
        self._child = child
        assert child.stdout is not None
        try:
            status, _ = _receive(child.stdout, _LOAD_LIMIT)
        except (TimeoutError, EOFError, OSError):
            status = "failed"
        if status != "ready":
            self.close()
            raise RuntimeError("the process reading articles could not load the NLP pipeline")
        return child


def _send(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes], limit: float | None) -> tuple[str, Any]:
    """One message; TimeoutError when none starts within `limit` seconds."""
    deadline = None if limit is None else time.monotonic() + limit
    header = _read_exactly(stream, _HEADER.size, deadline)
    return pickle.loads(_read_exactly(stream, _HEADER.unpack(header)[0], None))  # type: ignore[no-any-return]


def _read_exactly(stream: IO[bytes], size: int, deadline: float | None) -> bytes:
    chunks: list[bytes] = []
    fd = stream.fileno()
    while size:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, size)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _child_main() -> None:
    """The child: load the pipeline, say so, then read articles until the parent closes the pipe."""
    from amity.nlp.pipeline import extract_one, load_pipeline
    from amity.web.children import die_with_parent

    die_with_parent()
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the answers
    load_pipeline()
    _send(answers, ("ready", None))
    while True:
        try:
            _, article = _receive(requests, None)
        except EOFError:
            return
        try:
            answer: tuple[str, Any] = ("record", extract_one(article))
        except Exception as exc:  # noqa: BLE001 - one article's failure is the parent's one line
            answer = ("error", f"{type(exc).__name__}: {exc}")
        _send(answers, answer)


if __name__ == "__main__":
    _child_main()
