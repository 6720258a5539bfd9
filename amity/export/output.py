"""Where an export goes: stdout, a file that appears only once the export is complete, or a device.

A regular file is written to a temporary file beside it and renamed onto it at
the end, so a failure half-way (a database error, a full disk, Ctrl-C) never
leaves a truncated file, nor destroys an earlier export of the same name. A
link is followed first, so the file it points at is replaced and the link stays.

Anything else is a place to write to, not a file to replace: a device
(/dev/null), a FIFO, or a descriptor named as /dev/stdout, /dev/fd/N or
/proc/self/fd/N (directly or through links). Renaming onto those would destroy
the device node or send the export to a new file nobody reads. A descriptor is
written through a copy of it, so the export goes where that descriptor goes
(a pipe, a socket, the end of a file opened for appending).

A folder that does not exist or cannot be written to fails before the
registry is read.
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

#: Symbolic links followed before giving up, as the kernel's own limit (ELOOP).
_MAX_LINKS = 40


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """stdout for None or "-"; else a UTF-8 text stream to `path` (see the module's docstring).

    Raises OSError when the target cannot be written.
    """
    if path is None or path == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    descriptor = _descriptor_named(path)
    if descriptor is not None:
        with _text(os.dup(descriptor)) as handle:
            yield handle
        return
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    if mode is not None and not stat.S_ISREG(mode):
        with _text(os.open(target, os.O_WRONLY)) as handle:
            yield handle
        return
    with _replacing(target) as handle:
        yield handle


@contextmanager
def _replacing(target: Path) -> Iterator[TextIO]:
    """A temporary file beside `target`, renamed onto it only when the block succeeds."""
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with _text(fd) as handle:
            yield handle
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def _text(fd: int) -> TextIO:
    return os.fdopen(fd, "w", encoding="utf-8", newline="")


def _descriptor_named(path: str) -> int | None:
    """N when `path` leads (through any links) to /dev/fd/N or /proc/self/fd/N; else None.

    /dev/stdout and /dev/stderr are links to /proc/self/fd/1 and /2, so they count too.
    """
    own = {"/dev/fd", "/proc/self/fd", f"/proc/{os.getpid()}/fd"}
    here = os.path.abspath(path)
    for _ in range(_MAX_LINKS):
        folder, name = os.path.split(here)
        folder = os.path.realpath(folder)
        if folder in own and name.isdigit():
            return int(name)
        here = os.path.join(folder, name)
        try:
            link = os.readlink(here)
        except OSError:
            return None
        here = os.path.normpath(os.path.join(folder, link))
    return None


def _mode_for(target: Path) -> int:
    """The permissions the file would have had if written directly: its own, or the umask's default."""
    with suppress(OSError):
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
