"""Records extracted earlier (`amity extract --format jsonl`) are merged without the NLP, as if just extracted."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from synthetic_news import synthetic_articles

from amity.export import export
from amity.ingest.records import read_record_sources, record_from_dict
from amity.model import InputError, Record
from amity.nlp import extract
from amity.registry import ingest
from amity.store import open_database


@pytest.fixture(scope="module")
def records(nlp) -> list[Record]:
    return list(extract(synthetic_articles(16, corrections=False), nlp=nlp))


def _exported(url: str) -> str:
    engine = open_database(url)
    out = io.StringIO()
    export(engine, "json", out)
    engine.dispose()
    return out.getvalue()


def test_a_record_read_back_from_its_json_is_the_same_record(records):
    for record in records:
        assert record_from_dict(json.loads(json.dumps(record.to_dict()))).to_dict() == record.to_dict()


def test_records_read_from_a_file_merge_into_the_registry_the_records_themselves_make(records, tmp_path: Path):
    shards = tmp_path / "records"
    shards.mkdir()
    for n in range(2):
        with (shards / f"part-{n}.jsonl").open("w", encoding="utf-8") as out:
            for record in records[n::2]:
                out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    direct, from_files = f"sqlite:///{tmp_path / 'direct.db'}", f"sqlite:///{tmp_path / 'files.db'}"
    ordered = records[0::2] + records[1::2]
    ingest(ordered, open_database(direct, create=True))

    summary = ingest(read_record_sources([str(shards)]), open_database(from_files, create=True))
    again = ingest(read_record_sources([str(shards)]), open_database(from_files))

    assert (summary.new, summary.errors) == (len(records), 0)
    assert (again.new, again.unchanged) == (0, len(records))
    assert _exported(from_files) == _exported(direct)


def test_a_line_that_is_not_a_record_is_one_error_naming_its_line_and_the_rest_are_read(records, tmp_path: Path):
    path = tmp_path / "records.jsonl"
    not_a_place = {"doc": "x", "entities": [{"type": "city"}], "events": [], "ties": []}
    lines = [json.dumps(records[0].to_dict()), "{not json", json.dumps(not_a_place),
             json.dumps(["a list"]), json.dumps(records[1].to_dict())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    items = list(read_record_sources([str(path), str(tmp_path / "missing.jsonl")]))

    assert [type(item).__name__ for item in items] == ["Record", "InputError", "InputError", "InputError", "Record",
                                                      "InputError"]
    errors = [str(item) for item in items if isinstance(item, InputError)]
    assert errors[0].startswith(f"{path}:2: invalid JSON")
    assert errors[1] == f"{path}:3: not an Amity record: 'type' is 'city', not one of organization, person, place"
    assert errors[2] == f"{path}:4: not an Amity record: the line is not a JSON object"
    assert errors[3].endswith("missing.jsonl: no such file or folder")
