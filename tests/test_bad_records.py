"""One bad input is one line, and the run goes on with the next.

Inputs that broke whole runs before: JSON nested deeper than Python's
parser recurses, a lone surrogate escape ("\\ud800", which no UTF-8 text can
hold), symbolic links that loop, and NUL or other control characters (which
PostgreSQL refuses in text). Control characters other than tab and newline
are dropped and lone surrogates become U+FFFD as articles are read, so every
stage after the readers gets text it can store.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from amity.cli import app
from amity.ingest import read_sources
from amity.model import Article, InputError

STORY = "Ankara and Bursa signed a cooperation agreement on 3 May 2024."
OTHER = "The Mayor of Bursa visited Izmir on 6 May 2024."


def _read(*paths: Path) -> list[Article | InputError]:
    return list(read_sources([str(p) for p in paths]))


def _lines(path: Path, *objects: str) -> Path:
    path.write_text("".join(o + "\n" for o in objects), encoding="utf-8")
    return path


def _deep(depth: int = 100_000) -> str:
    return "[" * depth + "]" * depth


def test_json_nested_too_deep_is_one_error_and_the_next_lines_are_read(tmp_path: Path):
    corpus = _lines(tmp_path / "c.jsonl", json.dumps({"text": STORY}), '{"text": "x", "meta": ' + _deep() + "}",
                    json.dumps({"text": OTHER}))

    results = _read(corpus)

    assert [type(r).__name__ for r in results] == ["Article", "InputError", "Article"]
    assert results[1] == InputError(f"{corpus}:2", "invalid JSON: nested too deeply")


def test_a_json_file_nested_too_deep_is_one_error(tmp_path: Path):
    document = tmp_path / "deep.json"
    document.write_text('{"text": "x", "meta": ' + _deep() + "}", encoding="utf-8")

    assert _read(document) == [InputError(str(document), "invalid JSON: nested too deeply")]


def test_a_lone_surrogate_becomes_a_replacement_character(tmp_path: Path):
    corpus = _lines(tmp_path / "c.jsonl", '{"text": "Ankara \\ud800 and Bursa met.", "title": "A \\udfff title"}')

    [article] = _read(corpus)

    assert isinstance(article, Article)
    assert article.text == "Ankara \ufffd and Bursa met." and article.title == "A \ufffd title"
    article.full_text.encode("utf-8")  # storable and printable


def test_nul_and_control_characters_are_dropped_but_tabs_and_newlines_kept(tmp_path: Path):
    corpus = _lines(tmp_path / "c.jsonl",
                    json.dumps({"text": "Ankara\u0000 and\tBursa\u0007 met.\nThey\u001b signed.", "doc": "a\u0000b",
                                "title": "T\u0001itle", "url": "https://example.org/\u0000x"}))
    text = tmp_path / "t.txt"
    text.write_bytes(b"Ankara and Bursa met." + b" " * 9000 + b"\x00\x08 They signed.\n")

    article, plain = _read(corpus, text)

    assert isinstance(article, Article) and isinstance(plain, Article)
    assert article.text == "Ankara and\tBursa met.\nThey signed."
    assert (article.doc, article.title, article.url) == ("ab", "Title", "https://example.org/x")
    assert plain.text.endswith(" They signed.\n") and "\x00" not in plain.text and "\x08" not in plain.text


def test_looping_links_in_a_folder_are_one_line_each_and_the_rest_is_read(tmp_path: Path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    os.symlink("self", folder / "self")
    os.symlink("loop2", folder / "loop1")
    os.symlink("loop1", folder / "loop2")
    (folder / "z.txt").write_text(OTHER, encoding="utf-8")

    results = _read(folder)

    assert [r.doc for r in results if isinstance(r, Article)] == ["a.txt", "z.txt"]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [(Path(e.source).name, e.reason) for e in errors] == [
        (name, "cannot read: Too many levels of symbolic links") for name in ("loop1", "loop2", "self")]


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


def test_ingest_goes_on_past_each_bad_record(db_url: str, tmp_path: Path):
    corpus = _lines(tmp_path / "c.jsonl", json.dumps({"text": STORY, "doc": "one"}),
                    '{"text": "x", "meta": ' + _deep() + "}",
                    '{"doc": "two", "text": "Bad \\ud800 text: Ankara and Izmir met on 2 May 2024."}',
                    json.dumps({"doc": "three", "text": "Ankara\u0000 and Konya met on 1 May 2024."}),
                    json.dumps({"doc": "four", "text": OTHER}))

    done = _runner().invoke(app, ["ingest", str(corpus), "--db", db_url])

    assert done.exit_code == 0, done.output
    assert "Traceback" not in done.output and "extraction failed" not in done.output
    assert "4 new, 0 unchanged, 0 replaced, 1 errors" in done.output


def test_a_control_character_in_a_stored_name_still_gives_valid_graphml_and_gexf(db: Any):
    import io
    import xml.etree.ElementTree as ET

    from amity.export import export_gexf, export_graphml
    from amity.model import Entity, Evidence, Record, Tie
    from amity.registry import ingest

    said = [Evidence("Bell\x07town and Ankara are twinned.", 0, 32)]
    record = Record("bell.txt", "2024-01-01", [Entity("place", "Bell\x07town", evidence=said),
                                              Entity("place", "Ankara", evidence=said)],
                    ties=[Tie("sister_city", ["Bell\x07town", "Ankara"], "signed", "2024", evidence=said)])
    ingest([record], db)  # records stored as given, as by an older Amity that did not clean its input

    for exporter in (export_graphml, export_gexf):
        out = io.StringIO()
        exporter(db, out)
        tree = ET.fromstring(out.getvalue().encode("utf-8"))
        assert "Belltown" in ET.tostring(tree, encoding="unicode")


def test_file_names_and_doc_ids_print_their_escape_sequences_escaped(tmp_path: Path):
    from amity.model import Entity, Evidence, Record, Tie
    from amity.registry import ingest
    from amity.store import open_database

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "evil\x1b]0;pwned\x07.txt").write_text("", encoding="utf-8")  # empty: a skip line naming it
    db = f"sqlite:///{tmp_path / 'amity.db'}"
    said = [Evidence("Ankara and Bursa are twinned.", 0, 29)]
    engine = open_database(db)
    ingest([Record("doc\x1b[2J.txt", "2024-01-01", [Entity("place", "Ankara", evidence=said),
                                                    Entity("place", "Bursa", evidence=said)],
                   ties=[Tie("sister_city", ["Ankara", "Bursa"], "signed", "2024", evidence=said)])], engine)
    engine.dispose()
    runner = _runner()

    skipped = runner.invoke(app, ["ingest", str(folder), "--db", db])
    profile = runner.invoke(app, ["entity", "Ankara", "--db", db])

    assert "\x1b" not in skipped.stderr and "evil\\x1b]0;pwned\\x07.txt" in skipped.stderr
    assert profile.exit_code == 0, profile.output
    assert "\x1b" not in profile.stdout and "doc\\x1b[2J.txt" in profile.stdout
