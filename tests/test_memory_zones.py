"""Articles read in spaCy memory zones: the same records, and the words of each zone forgotten after it.

A pipeline of its own serves the module, loaded afresh (its first articles are read outside a zone,
to fill spaCy's tokenizer cache; whatever a component set up lazily in a later zone
would be lost with that zone's strings, changing the records).
"""
from __future__ import annotations

import pytest
from synthetic_news import synthetic_articles

from amity.model import Article
from amity.nlp.pipeline import extract, load_pipeline

#: Names no English model knows, so that their strings are new to the vocabulary.
_UNHEARD_OF = [
    Article(doc="zone-1", published="2024-05-02", text=(
        "The mayor of Kvornsby, Ulla Brekkevik, and the mayor of Tiradello, Maso Quenterri, signed a twinning "
        "agreement in Kvornsby on 2 May 2024. The Brekkevik Foundation for Rowing will host the first exchange.")),
    Article(doc="zone-2", published="2024-06-11", text=(
        "A delegation from Ostrolenka-Vyzhny led by its governor, Pavlo Hrynchuk, visited Sallembourg on "
        "Tuesday. The two regions have cooperated since 2019 under a memorandum on river ports.")),
]


@pytest.fixture(scope="module")
def fresh():  # type: ignore[no-untyped-def]
    return load_pipeline.__wrapped__()


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [*synthetic_articles(13, corrections=False), *_UNHEARD_OF]


def test_articles_read_in_memory_zones_give_the_records_read_without_any(fresh, nlp, articles):
    without = [r.to_dict() for r in extract(articles, nlp=nlp, zone=None)]

    zoned = [r.to_dict() for r in extract(articles, nlp=fresh, zone=4)]  # the first 4 outside a zone, then 4 zones
    again = [r.to_dict() for r in extract(articles, nlp=fresh, zone=4)]  # the words of those zones read anew

    assert zoned == without
    assert again == without
    assert {e["name"] for r in zoned[-2:] for e in r["entities"]} >= {"Ulla Brekkevik", "Kvornsby"}


def test_the_words_of_articles_read_in_a_zone_are_forgotten_after_it(fresh):
    list(extract(synthetic_articles(3, corrections=False), nlp=fresh, zone=3))  # whatever comes first, outside
    known = len(fresh.vocab.strings)

    list(extract(_UNHEARD_OF, nlp=fresh, zone=3))
    after_zone = len(fresh.vocab.strings)
    list(extract(_UNHEARD_OF, nlp=fresh, zone=None))

    assert after_zone == known
    assert len(fresh.vocab.strings) > known, "read outside a zone, the same articles' words stay"


def test_one_article_read_alone_closes_its_zone(fresh):
    from amity.nlp.pipeline import extract_one

    record = extract_one(_UNHEARD_OF[1])

    assert not fresh.vocab.in_memory_zone and not load_pipeline().vocab.in_memory_zone
    assert any(e.name == "Pavlo Hrynchuk" for e in record.entities)


def test_two_threads_reading_at_once_get_the_records_of_one_reading_alone(fresh, nlp, articles):
    """A zone is the whole process's (a Dask worker may run two tasks in threads): one thread's words
    must not be freed with another's zone."""
    from concurrent.futures import ThreadPoolExecutor

    alone = [r.to_dict() for r in extract(articles, nlp=nlp, zone=None)]

    with ThreadPoolExecutor(max_workers=2) as pool:
        both = list(pool.map(lambda _: [r.to_dict() for r in extract(articles, nlp=fresh, zone=3)], range(2)))

    assert both == [alone, alone]
    assert not fresh.vocab.in_memory_zone
