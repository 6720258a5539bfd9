"""A fixed-budget fuzz pass over the readers and the extractor: no input ends in an exception.

Hypothesis writes files of every kind the readers know (text, HTML, JSON,
JSON Lines, feeds) from arbitrary bytes, arbitrary text and arbitrary JSON
values, and feeds arbitrary text mixed with names to the extractor. Every
input must come back as articles or one-line errors, every article's text
storable (no control characters but tab and newline, valid UTF-8), every
piece of evidence a span of the article. The budget is small and fixed
(derandomized, no deadline), so the pass is the same on every run.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amity.ingest import read_sources
from amity.model import Article, InputError

FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".xml", ".rss", ""]
NAMES = ["Ankara", "Bursa", "Gdańsk", "Bergen", "the Mayor of Izmir", "UNESCO", "Ewa Lindqvist", "signed",
         "sister city", "on 3 May 2024", "memorandum", "visited", "\u0000", "\ud800", "\u202e", "\t", "\n\n", "“", "("]

#: Any text, lone surrogates and control characters included (JSON escapes can carry both).
any_text = st.text(st.characters(exclude_categories=()))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
articles_as_json = st.fixed_dictionaries(
    {"text": st.text(st.characters(exclude_categories=()), max_size=200)},
    optional={"doc": json_values, "title": json_values, "url": json_values, "published": json_values})


def _check(results: list[Article | InputError]) -> None:
    assert results, "every input is an article or an error"
    for item in results:
        if isinstance(item, InputError):
            assert item.reason and "\n" not in item.reason and "Traceback" not in item.reason
            continue
        for value in (item.doc, item.text, item.title, item.url, item.published):
            if value is not None:
                value.encode("utf-8")
                assert not any(ord(c) < 32 and c not in "\t\n" for c in value), repr(value)


def _read(content: bytes, suffix: str) -> list[Article | InputError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        return list(read_sources([str(path)]))


@FUZZ
@given(content=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_kind_of_file_are_articles_or_one_line_errors(content: bytes, suffix: str):
    _check(_read(content, suffix))


@FUZZ
@given(text=st.text(max_size=400), suffix=st.sampled_from(SUFFIXES))
def test_any_text_in_any_kind_of_file_is_articles_or_one_line_errors(text: str, suffix: str):
    _check(_read(text.encode("utf-8", errors="surrogatepass"), suffix))


@FUZZ
@given(lines=st.lists(articles_as_json | json_values, min_size=1, max_size=5))
def test_any_json_lines_are_articles_or_one_line_errors(lines: list[Any]):
    content = "\n".join(json.dumps(line) for line in lines).encode("utf-8")
    _check(_read(content, ".jsonl"))
    _check(_read(json.dumps(lines).encode("utf-8"), ".json"))


@settings(FUZZ, max_examples=25)
@given(words=st.lists(st.sampled_from(NAMES) | st.text(max_size=12), min_size=1, max_size=40))
def test_the_extractor_reads_any_text_and_its_evidence_is_in_it(nlp: Any, words: list[str]):
    from amity.ingest.clean import clean_text
    from amity.nlp.pipeline import extract_one

    text = clean_text(" ".join(words))
    if not text.strip():
        return
    article = Article(doc="fuzz.txt", text=text, published="2024-05-10")

    record = extract_one(article)

    full = article.full_text
    evidence = [e for x in (*record.entities, *record.events, *record.ties) for e in x.evidence]
    for piece in evidence:
        assert full[piece.start:piece.end] == piece.sentence
    json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")
