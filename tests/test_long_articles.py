"""Long articles: read in time that grows with their length, and read the same as if whole.

Events compare every report with the earlier ones, and each comparison used
to work out both parties' names and towns from all their mentions again, so
time grew with the cube of the length. spaCy's model reads a long article
in parts of whole paragraphs, joined before Amity's components read it whole
(`benchmarks/length.py` prints the time per KB).
"""
from __future__ import annotations

from typing import Any

import pytest

from amity.model import Article
from amity.nlp import entities, pipeline
from amity.nlp.pipeline import extract_one, paragraph_parts

TOWNS = ["Bergen", "Turku", "Tartu", "Aarhus", "Porto", "Lyon", "Graz", "Brno", "Malmö", "Ghent"]


def _story(paragraphs: int) -> Article:
    text = "\n\n".join(
        f"The Mayor of {TOWNS[i % 10]} visited {TOWNS[(i + 3) % 10]} on {i % 27 + 1} May 2024. "
        f"{TOWNS[(i + 1) % 10]} and {TOWNS[(i + 4) % 10]} signed a sister city agreement on {i % 27 + 1} June 2024, "
        f"and the Baltic Ports Council said {TOWNS[(i + 2) % 10]} would join in 2025."
        for i in range(paragraphs))
    return Article(doc=f"story-{paragraphs}.txt", text=text, published="2024-12-31")


def test_parts_are_whole_paragraphs_that_join_into_the_text():
    text = _story(60).text

    parts = paragraph_parts(text, 2000)

    assert "".join(parts) == text and len(parts) > 3
    assert all(len(part) >= 2000 and part.endswith("\n\n") for part in parts[:-1])
    assert paragraph_parts("One paragraph, however long.", 5) == ["One paragraph, however long."]


def test_during_events_each_entity_is_named_once_however_many_reports_compare_it(nlp: Any,
                                                                                 monkeypatch: pytest.MonkeyPatch):
    article = _story(40)
    doc = nlp.make_doc(article.full_text)
    doc._.published = article.published
    for name, component in nlp.pipeline:
        if name == "amity_events":
            break
        doc = component(doc)
    named: list[int] = []
    original = entities.EntityCluster.name.fget

    def counted(cluster: entities.EntityCluster) -> str:
        named.append(id(cluster))
        return original(cluster)  # type: ignore[misc]

    monkeypatch.setattr(entities.EntityCluster, "name", property(counted))
    doc = dict(nlp.pipeline)["amity_events"](doc)

    assert len(doc._.events) > 40
    assert len(named) <= len(doc._.entities), "a participant's name was worked out again for each comparison"


def test_an_article_read_in_parts_says_what_it_says_read_whole(nlp: Any, monkeypatch: pytest.MonkeyPatch):
    article = _story(120)
    assert len(article.text) > pipeline.LONG_ARTICLE_CHARS

    in_parts = extract_one(article).to_dict()
    monkeypatch.setattr(pipeline, "LONG_ARTICLE_CHARS", 10 * len(article.text))
    whole = extract_one(article).to_dict()

    assert in_parts == whole
    assert len(in_parts["events"]) > 100 and len(in_parts["entities"]) >= 10
