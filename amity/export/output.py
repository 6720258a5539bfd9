"""Where an export goes: stdout, or a file that appears only once the export is complete.

A file export is written to a temporary file beside the target and renamed
onto it at the end, so a failure half-way (a database error, a full disk,
Ctrl-C) never leaves a truncated file, nor destroys an earlier export of
the same name. A folder that does not exist or cannot be written to fails
before the registry is read.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

STDOUT = "-"


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """stdout for None or "-"; else a UTF-8 text file at `path`, replaced only when the block succeeds.

    Raises OSError when the file cannot be written.
    """
    if path is None or path == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_for(target: Path) -> int:
    """The permissions the file would have had if written directly: its own, or the umask's default."""
    with suppress(OSError):
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
