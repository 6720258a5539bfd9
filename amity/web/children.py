"""Server processes that end with their parent."""
from __future__ import annotations


def die_with_parent() -> None:
    """A child whose parent is killed (Ctrl-C twice, SIGKILL) must not live on holding its pipes or its port.

    `amity serve`'s server processes call it first. (Dask's workers are
    watched by their nanny, which ends them when the scheduler goes.)
    """
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's own shutdown has to do
        pass
