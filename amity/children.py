"""Processes Amity starts (extraction workers, server processes) end when the process that started them does."""
from __future__ import annotations


def die_with_parent() -> None:
    """A child whose parent is killed (Ctrl-C twice, SIGKILL) must not live on holding its pipes or its port."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's own shutdown has to do
        pass
