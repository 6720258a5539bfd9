"""A field of the wrong kind is refused in one line, not stored as its string form, and messages say what is wrong.

`url: ["x"]` used to be stored as the text "['x']", `title: 123` as "123" and
`published: "yesterday"` as a publication date; a UTF-16 file saved without
a byte-order mark was called binary, a page nested deeper than lxml reads
"had no article text", and a blank text was "missing". Each bad record is
now one line and the run goes on with the next.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from test_registry import org, place, reading
from typer.testing import CliRunner
from web_registry import build_registry, ids_of

from amity.cli import app
from amity.ingest import read_sources
from amity.model import Article, InputError
from amity.registry import ingest
from amity.registry.curation import CurationError, merge_entities
from amity.store import open_database
from amity.store.schema import ArticleRow, EntityRow
from amity.web import create_app

STORY = "Bergen and Turku signed a sister city agreement on 2 May 2024."


def _read(*paths: Path) -> list[Article | InputError]:
    return list(read_sources([str(p) for p in paths]))


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.mark.parametrize("fields, reason", [
    ({"url": ["x"]}, "'url' field is a list, not a string"),
    ({"title": 123}, "'title' field is a number, not a string"),
    ({"published": "yesterday"}, "'published' field is not a date: 'yesterday' (write YYYY-MM-DD)"),
    ({"published": "0000-00-00"}, "'published' field is not a date: '0000-00-00' (write YYYY-MM-DD)"),
    ({"published": 20240502}, "'published' field is a number, not a string"),
    ({"doc": {"id": 1}}, "'doc' field is an object, not a string"),
    ({"text": "  \n "}, "'text' field is blank"),
])
def test_a_field_of_the_wrong_kind_is_one_error_and_the_next_line_is_read(tmp_path: Path, fields: dict, reason: str):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"doc": "bad", "text": STORY, **fields}) + "\n"
                      + json.dumps({"doc": "good", "text": STORY}) + "\n", encoding="utf-8")

    results = _read(corpus)

    assert results[0] == InputError(f"{corpus}:1", reason)
    assert [r.doc for r in results[1:] if isinstance(r, Article)] == ["good"]


def test_dates_written_as_the_contract_writes_them_or_in_words_are_still_read(tmp_path: Path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"doc": str(i), "text": STORY, "published": day}) + "\n"
                              for i, day in enumerate(["2024-05", "2024", "2 May 2024", "2024-05-02T10:00:00Z"])),
                      encoding="utf-8")

    assert [r.published for r in _read(corpus) if isinstance(r, Article)] == ["2024-05", "2024", "2024-05-02",
                                                                              "2024-05-02"]


def test_a_numeric_id_is_still_a_doc(tmp_path: Path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": 17, "text": STORY}) + "\n", encoding="utf-8")

    assert [r.doc for r in _read(corpus)] == ["17"]


def test_utf16_text_without_a_byte_order_mark_is_read_as_text(tmp_path: Path):
    little, big = tmp_path / "le.txt", tmp_path / "be.txt"
    little.write_bytes(STORY.encode("utf-16-le"))
    big.write_bytes(STORY.encode("utf-16-be"))

    assert [r.text.strip() if isinstance(r, Article) else str(r) for r in _read(little, big)] == [STORY, STORY]


def test_html_nested_deeper_than_lxml_reads_says_so(tmp_path: Path):
    def page(depth: int) -> str:
        return f"<html><body>{'<div>' * depth}<p>{STORY}</p>{'</div>' * depth}</body></html>"

    (tmp_path / "deep.html").write_text(page(1000), encoding="utf-8")
    (tmp_path / "deeper.html").write_text(page(5000), encoding="utf-8")

    deep, deeper = _read(tmp_path / "deep.html", tmp_path / "deeper.html")

    assert isinstance(deep, Article) and deep.text == STORY
    assert deeper == InputError(str(tmp_path / "deeper.html"), "HTML nested deeper than the 2,048 levels Amity reads")


def test_a_fifo_a_dangling_link_and_an_empty_folder_in_a_folder_are_one_line_each(tmp_path: Path):
    folder = tmp_path / "news"
    (folder / "empty").mkdir(parents=True)
    os.mkfifo(folder / "pipe")
    os.symlink("gone.txt", folder / "dangling")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")

    done = _runner().invoke(app, ["extract", str(folder), "--format", "jsonl"])

    assert done.exit_code == 0
    assert [json.loads(line)["doc"] for line in done.stdout.splitlines()] == ["story.txt"]
    assert done.stderr.splitlines() == [f"amity: skipped {folder / 'dangling'}: link to nothing (dangling symbolic link)",
                                        f"amity: skipped {folder / 'empty'}: empty folder",
                                        f"amity: skipped {folder / 'pipe'}: not a regular file or folder"]


def test_two_lines_with_one_doc_are_announced_and_ingest_keeps_the_later(tmp_path: Path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"doc": "twins", "text": STORY}) + "\n"
                      + json.dumps({"doc": "other", "text": "Turku hosted a forum on 3 May 2024."}) + "\n"
                      + json.dumps({"doc": "twins", "text": STORY + " It was corrected."}) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'amity.db'}"

    done = _runner().invoke(app, ["ingest", str(corpus), "--db", db])

    assert done.exit_code == 0, done.output
    assert done.stderr.splitlines() == [
        f"amity: {corpus}:3: doc 'twins' was given before, at {corpus}:1 (ingest keeps the later one)"]
    engine = open_database(db)
    with Session(engine) as session:
        stored = dict(session.execute(select(ArticleRow.doc, ArticleRow.text)).all())
    engine.dispose()
    assert set(stored) == {"twins", "other"} and stored["twins"].endswith("It was corrected.")


def test_the_api_refuses_a_date_that_is_not_in_the_calendar(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'amity.db'}"
    build_registry(url)
    token = ids_of(url)[3]
    with TestClient(create_app(url, extractor=lambda articles: iter(()))) as client:
        answer = client.post("/api/articles", headers={"Authorization": f"Bearer {token}"},
                             json={"doc": "x", "text": STORY, "published": "2021-02-30"})
        no_month = client.post("/api/articles", headers={"Authorization": f"Bearer {token}"},
                               json={"doc": "x", "text": STORY, "published": "2021-99-99"})

    assert no_month.status_code == 422 and no_month.json()["detail"][0]["loc"] == ["body", "published"]

    assert answer.status_code == 422
    [problem] = answer.json()["detail"]
    assert problem["loc"] == ["body", "published"] and "2021-02-30 is not a date of the calendar" in problem["msg"]


def test_entities_of_two_types_are_not_merged_and_the_message_reads_well(db: Engine):
    ingest([reading("a.txt", place("Turku", 633679, "FI"), org("Baltic Ports Council"))], db)
    with Session(db) as session:
        found = dict(session.execute(select(EntityRow.name, EntityRow.id)).all())

    with pytest.raises(CurationError, match="^a place and an organization cannot be merged$"):
        merge_entities(db, found["Turku"], found["Baltic Ports Council"], "ana")
