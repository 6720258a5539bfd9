"""Input files cut into pieces that a cluster's workers read themselves: read piece by piece, a file gives what
`read_sources` gives when it reads the file whole."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from amity.ingest import read_sources
from amity.ingest.pieces import Piece, cut, read_piece
from amity.model import InputError


def _lines(*texts: str) -> str:
    return "".join(json.dumps({"text": text, "title": f"Story {n}"}) + "\n" for n, text in enumerate(texts, 1))


def _read_in_pieces(path: Path, lines: int) -> tuple[list[Piece | InputError], list[object]]:
    pieces = list(cut(path, str(path), lines))
    read = [item for piece in pieces if isinstance(piece, Piece) for item in read_piece(piece, 10_000_000)]
    return pieces, read


def test_a_json_lines_file_read_in_pieces_gives_its_articles_docs_and_bad_lines_as_read_whole(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(_lines("Porto and Lyon renewed their twinning.", "Kyiv hosted a delegation from Vilnius.")
                      + "{not json\n\n"
                      + _lines("Braga signed a memorandum with Vigo.", "Tartu welcomed the mayor of Turku.",
                               "Gdansk and Bremen met in May.")
                      + json.dumps({"text": "Malmo and Aarhus agreed to cooperate."}), encoding="utf-8")

    pieces, read = _read_in_pieces(corpus, 3)

    assert read == list(read_sources([str(corpus)]))
    assert [(p.first_line, p.end is not None) for p in pieces if isinstance(p, Piece)] == [(1, True), (4, True),
                                                                                           (7, True)]
    assert str(InputError(f"{corpus}:3", "invalid JSON: Expecting property name enclosed in double quotes at "
                                         "column 2")) in map(str, read)
    assert [a.doc for a in read if not isinstance(a, InputError)][-2:] == ["corpus.jsonl:7", "corpus.jsonl:8"]


def test_a_file_of_no_more_lines_than_a_piece_and_any_other_file_are_one_piece_read_whole(tmp_path: Path):
    short, empty, page = tmp_path / "short.jsonl", tmp_path / "empty.jsonl", tmp_path / "note.txt"
    short.write_text(_lines("Porto and Lyon renewed their twinning."), encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    page.write_text("Kyiv and Vilnius signed a cooperation agreement on 3 May 2024.\n", encoding="utf-8")

    for path in (short, empty, page):
        pieces, read = _read_in_pieces(path, 3)

        assert pieces == [Piece(str(path.absolute()), str(path))]
        assert read == list(read_sources([str(path)]))
    assert list(map(str, read_sources([str(empty)]))) == [f"{empty}: empty file"]


def test_a_binary_json_lines_file_is_one_error_and_no_piece(tmp_path: Path):
    blob = tmp_path / "blob.jsonl"
    blob.write_bytes(b"\x00\x01\x02" * 100)

    assert list(map(str, cut(blob, str(blob), 3))) == list(map(str, read_sources([str(blob)])))
    assert [type(item) for item in cut(blob, str(blob), 3)] == [InputError]


def test_a_json_lines_file_of_blank_lines_only_is_one_piece_reported_empty_as_when_read_whole(tmp_path: Path):
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n \n\t\n" * 5, encoding="utf-8")

    pieces, read = _read_in_pieces(blank, 3)

    assert pieces == [Piece(str(blank.absolute()), str(blank))]
    assert list(map(str, read)) == list(map(str, read_sources([str(blank)]))) == [f"{blank}: empty file"]


def test_blank_lines_before_the_first_article_are_still_cut_into_pieces_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("amity.ingest.pieces._BLOCK", 4)  # the blank lines span blocks read before any text
    corpus = tmp_path / "late.jsonl"
    corpus.write_text("\n" * 7 + _lines("Porto and Lyon renewed their twinning.", "Kyiv hosted a delegation."),
                      encoding="utf-8")

    pieces, read = _read_in_pieces(corpus, 3)

    assert [(p.first_line, p.lines) for p in pieces if isinstance(p, Piece)] == [(1, 3), (4, 3), (7, 3)]
    assert read == list(read_sources([str(corpus)]))


def test_each_piece_knows_its_lines_so_that_a_small_file_weighs_its_articles(tmp_path: Path):
    small, cut_up, page = tmp_path / "small.jsonl", tmp_path / "long.jsonl", tmp_path / "note.txt"
    small.write_text(_lines("Braga signed with Vigo.", "Tartu met Turku."), encoding="utf-8")
    cut_up.write_text(_lines(*(f"Town {n} and its twin met again." for n in range(7)))[:-1], encoding="utf-8")
    page.write_text("Kyiv and Vilnius signed a cooperation agreement.\n", encoding="utf-8")

    assert [p.lines for p in cut(small, str(small), 3) if isinstance(p, Piece)] == [2]
    assert [p.lines for p in cut(cut_up, str(cut_up), 3) if isinstance(p, Piece)] == [3, 3, 1], "the last line has no end"
    assert [p.lines for p in cut(page, str(page), 3) if isinstance(p, Piece)] == [1]
