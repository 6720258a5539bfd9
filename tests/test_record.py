"""The record's evidence: each entity's sentences, found once per sentence however long the article.

An entity named a hundred times in one long sentence has that sentence once
in its evidence, and the sentence is cut out of the article once, not once
per mention: that made extraction time grow with the square of the length.
"""
from __future__ import annotations

from typing import Any

import pytest

from amity.model import Article, Evidence
from amity.nlp import record

TOWNS = ["Ankara", "Bursa", "Izmir", "Konya", "Gdańsk", "Bergen", "Turku", "Tartu"]


def _long_article() -> Article:
    listing = ", ".join(TOWNS[i % len(TOWNS)] for i in range(120))
    text = (f"Delegates from {listing} and Bergen met in Ankara on 3 May 2024.\n\n"
            "The Mayor of Bursa, Ewa Lindqvist, signed a sister city agreement with Izmir on 4 May 2024. "
            f"Later {listing} sent letters to Konya.\n\nBergen and Turku will meet again in June 2024.")
    return Article(doc="long.txt", text=text, published="2024-05-10")


def _doc(nlp: Any, article: Article) -> Any:
    doc = nlp.make_doc(article.full_text)
    doc._.published = article.published
    return nlp(doc)


def _evidence_mention_by_mention(doc: Any, cluster: Any) -> list[Evidence]:
    """The evidence as defined: the distinct sentences of the cluster's mentions, in order of first mention."""
    sentences: list[Evidence] = []
    for mention in cluster.mentions:
        evidence = record.evidence_of(doc[mention.start].sent)
        if evidence not in sentences:
            sentences.append(evidence)
    return sentences


def test_each_entity_has_each_sentence_of_its_mentions_once_in_order(nlp: Any):
    doc = _doc(nlp, _long_article())

    built = record.to_record(doc, _long_article())

    clusters = doc._.entities
    assert len(built.entities) == len(clusters) > 5
    for entity, cluster in zip(built.entities, clusters, strict=True):
        assert entity.evidence == _evidence_mention_by_mention(doc, cluster)
    ankara = next(e for e in built.entities if e.name == "Ankara")
    assert len(ankara.evidence) == 2


def test_a_sentence_is_cut_out_of_the_article_once_however_many_names_it_holds(nlp: Any,
                                                                               monkeypatch: pytest.MonkeyPatch):
    doc = _doc(nlp, _long_article())
    cut: list[tuple[int, int]] = []
    original = record.evidence_of

    def counted(span: Any) -> Evidence:
        cut.append((span.start, span.end))
        return original(span)

    monkeypatch.setattr(record, "evidence_of", counted)
    record.to_record(doc, _long_article())

    assert sorted(set(cut)) == sorted(cut), "a sentence was cut out more than once"
