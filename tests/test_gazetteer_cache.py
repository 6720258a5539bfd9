"""The gazetteer's cache file is keyed by its sources, the large town index by its size and time."""
from __future__ import annotations

import os
from pathlib import Path

import pytest


def test_a_rewritten_town_index_gets_a_cache_file_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from amity.nlp import gazetteer as module

    towns = tmp_path / "towns.tsv.gz"
    towns.write_bytes(b"one version")
    os.utime(towns, ns=(1_000_000_000, 1_000_000_000))
    monkeypatch.setenv("AMITY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(module, "_TOWNS_FILE", str(towns))
    first = module._cache_path()
    assert module._cache_path() == first
    towns.write_bytes(b"another one")  # same size, written later
    assert module._cache_path() != first
    os.utime(towns, ns=(1_000_000_000, 1_000_000_000))
    towns.write_bytes(b"a longer version")
    os.utime(towns, ns=(1_000_000_000, 1_000_000_000))  # same time, another size
    assert module._cache_path() != first


def test_writing_the_cache_keeps_another_version_s_recent_pickle_and_drops_old_ones(tmp_path: Path) -> None:
    from amity.nlp import gazetteer as module

    recent, old = tmp_path / "gazetteer-recent.pickle", tmp_path / "gazetteer-old.pickle"
    recent.write_bytes(b"another install's")
    old.write_bytes(b"a long-gone install's")
    week_ago = old.stat().st_mtime_ns - 7 * 24 * 3600 * 10**9
    os.utime(old, ns=(week_ago, week_ago))
    mine = tmp_path / "gazetteer-mine.pickle"
    module._write_cache(mine, module.Gazetteer([]))
    assert sorted(p.name for p in tmp_path.glob("gazetteer-*.pickle")) == [mine.name, recent.name]


def test_reading_a_pickle_marks_it_used_so_another_version_keeps_it(tmp_path: Path) -> None:
    from amity.nlp import gazetteer as module

    theirs = tmp_path / "gazetteer-theirs.pickle"
    module._write_cache(theirs, module.Gazetteer([]))
    week_ago = theirs.stat().st_mtime_ns - 7 * 24 * 3600 * 10**9
    os.utime(theirs, ns=(week_ago, week_ago))  # written long ago ...
    assert isinstance(module._read_cache(theirs), module.Gazetteer)  # ... and read by its install today
    module._write_cache(tmp_path / "gazetteer-mine.pickle", module.Gazetteer([]))
    assert theirs.exists()


def test_a_cache_file_that_is_not_a_gazetteer_is_not_read(tmp_path: Path) -> None:
    from amity.nlp import gazetteer as module

    junk = tmp_path / "gazetteer-junk.pickle"
    junk.write_bytes(b"not a pickle")
    assert module._read_cache(junk) is None
