"""Extraction over several processes, with a bounded number of articles in flight.

spaCy's own `n_process` ships Docs between processes, and Amity's component
results are not serialisable Doc data; so each worker runs the whole pipeline
and returns plain `Record`s. At most `workers * 4` batches are queued, so
memory stays flat however long the input stream is.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from amity.model import Article, Record


def die_with_parent() -> None:
    """A child whose parent is killed (Ctrl-C twice, SIGKILL) must not live on holding its pipes or its port.

    Extraction workers and `amity serve`'s server processes both call it first.
    """
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's own shutdown has to do
        pass


def _work(batch: list[Article]) -> list[Record]:
    from amity.nlp.pipeline import extract

    return list(extract(batch))


def _warm() -> None:
    die_with_parent()
    from amity.nlp.pipeline import load_pipeline

    load_pipeline()


def extract_parallel(articles: Iterable[Article], workers: int, batch_size: int = 16) -> Iterator[Record]:
    """Records in input order, computed by `workers` processes."""
    stream = iter(articles)
    pending: deque[Future[list[Record]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm) as pool:
        while True:
            while len(pending) < workers * 4:
                batch = list(islice(stream, batch_size))
                if not batch:
                    break
                pending.append(pool.submit(_work, batch))
            if not pending:
                return
            yield from pending.popleft().result()
