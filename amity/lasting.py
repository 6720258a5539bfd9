"""Making what lasts as long as the process (the NLP pipeline, the web app) out of the cyclic collector's way.

Loading Amity's pipeline or building its web app makes almost no garbage,
yet the collector walks everything they make, again and again while it is
made and at every later full collection, and once more at exit: ~300 ms of
`amity extract`'s CPU (the gazetteer's large dicts), ~100 ms of `amity
serve`'s start-up. What `lasting()` makes is frozen (`gc.freeze`) instead:
kept out of every later collection, as CPython's documentation suggests
for state a process keeps to the end.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def lasting() -> Iterator[None]:
    """Within the block the collector is paused; after it, everything alive is frozen and collection resumes.

    Garbage from before is collected first, so only what the block made (and
    the little garbage it made) is frozen. Blocks may nest.
    """
    collecting = gc.isenabled()
    if collecting:
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
