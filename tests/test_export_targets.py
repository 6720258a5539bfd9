"""`--out` onto things that are not regular files: they are written to, never replaced.

An export renames a finished temporary file onto a regular file (so a failure
never leaves half a file), but a device, a FIFO or a link to a descriptor is a
place to write to: replacing it would destroy the device node, or send the
export to a new file nobody reads. Everything happens in a scratch folder.
"""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from amity.export.output import open_output


def test_a_device_node_is_written_to_and_stays_a_device(tmp_path: Path):
    null = tmp_path / "null"
    try:
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("mknod needs root")

    with open_output(str(null)) as out:
        out.write("an export nobody keeps\n")

    assert stat.S_ISCHR(null.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


def test_a_fifo_reader_gets_the_whole_export(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()

    with open_output(str(fifo)) as out:
        out.write("kind,party\nsister_city,Ankara\n")
    reader.join(timeout=10)

    assert received == [b"kind,party\nsister_city,Ankara\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_link_to_the_standard_output_descriptor_sends_the_export_there(tmp_path: Path):
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    program = ("import sys; from amity.export.output import open_output\n"
               "with open_output(sys.argv[1]) as out: out.write('to the pipe\\n')\n")

    done = subprocess.run([sys.executable, "-c", program, str(link)], capture_output=True, timeout=60)

    assert done.returncode == 0, done.stderr
    assert done.stdout == b"to the pipe\n"
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_a_link_to_a_regular_file_replaces_the_file_and_keeps_the_link(tmp_path: Path):
    real = tmp_path / "exports" / "ties.csv"
    real.parent.mkdir()
    real.write_text("earlier export\n", encoding="utf-8")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)

    with open_output(str(link)) as out:
        out.write("new export\n")

    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new export\n"
    assert sorted(p.name for p in real.parent.iterdir()) == ["ties.csv"]


def test_a_failed_export_to_a_link_leaves_the_linked_file_untouched(tmp_path: Path):
    real = tmp_path / "ties.csv"
    real.write_text("earlier export\n", encoding="utf-8")
    link = tmp_path / "latest.csv"
    link.symlink_to(real.name)

    with pytest.raises(RuntimeError), open_output(str(link)) as out:
        out.write("half")
        raise RuntimeError("database went away")

    assert link.is_symlink() and real.read_text(encoding="utf-8") == "earlier export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.csv", "ties.csv"]
