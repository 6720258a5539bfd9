"""What a command loads: registry reads and the web start without spaCy (or Alembic, on an up-to-date database)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from amity.model import Article
from amity.registry import ingest
from amity.store import open_database

_PROBE = """
import json, sys
from amity.cli import app
status = app(sys.argv[1:], standalone_mode=False)
if status:
    sys.exit(status)
sys.stderr.write(json.dumps(sorted(m for m in ("spacy", "alembic") if m in sys.modules)))
"""


@pytest.fixture
def registry_file(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'amity.db'}"
    engine = open_database(url)
    ingest([Article(doc="a.txt", text="Ankara and Seoul signed a sister city agreement on 3 May 2021.",
                    published="2021-05-04")], engine)
    engine.dispose()
    return url


def _loaded_by(*args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True)
    return list(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("command", [["stats"], ["ties"], ["events"], ["entity", "Ankara"], ["export", "--format", "csv"]])
def test_a_registry_read_loads_neither_spacy_nor_alembic(registry_file: str, command: list[str]):
    assert _loaded_by(*command, "--db", registry_file) == []


def test_the_web_app_is_built_without_spacy_or_the_article_readers(registry_file: str):
    probe = ("import json, sys; from amity.web import create_app; create_app(db_url=sys.argv[1]).state.engine.dispose(); "
             "print(json.dumps([m for m in ('spacy', 'trafilatura', 'networkx', 'alembic') if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", probe, registry_file], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []


def test_the_web_app_is_built_without_jinja_until_a_page_is_asked_for(registry_file: str):
    probe = ("import json, sys; from fastapi.testclient import TestClient; from amity.web import create_app; "
             "app = create_app(db_url=sys.argv[1], extractor=lambda articles: iter(())); "
             "before = 'jinja2' in sys.modules; client = TestClient(app); client.get('/api/ties'); "
             "api = 'jinja2' in sys.modules; page = client.get('/'); "
             "print(json.dumps([before, api, 'jinja2' in sys.modules, page.status_code])); app.state.engine.dispose()")
    done = subprocess.run([sys.executable, "-c", probe, registry_file], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [False, False, True, 200]


def test_what_is_made_to_last_is_frozen_and_the_collector_runs_again_after_it():
    import gc

    from amity.lasting import lasting

    frozen = gc.get_freeze_count()
    try:
        with lasting():
            assert not gc.isenabled()
            kept = [[] for _ in range(10)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + len(kept)
    finally:
        gc.unfreeze()


def test_a_lasting_block_inside_another_leaves_the_collector_paused_until_the_outer_one_ends():
    import gc

    from amity.lasting import lasting

    try:
        with lasting():
            with lasting():
                pass
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_reading_articles_loads_spacy_without_its_command_line():
    probe = ("import json, sys; from amity.nlp import extract_one; from amity.model import Article; "
             "record = extract_one(Article(doc='a.txt', text='Ankara and Seoul signed a sister city agreement.')); "
             "print(json.dumps([m for m in ('spacy', 'spacy.cli.download', 'weasel', 'requests') if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == ["spacy"]


def test_spacy_s_command_line_is_still_there_when_asked_for():
    probe = ("import json, sys; import amity.nlp.pipeline; import spacy; from spacy.cli import download; "
             "from spacy.cli.package import package; "
             "print(json.dumps([callable(download), callable(package), spacy.info()['spacy_version'] == spacy.__version__, "
             "'weasel' in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [True, True, True, True]
