"""People and the offices the article gives them."""
from __future__ import annotations

import pytest

from amity.model import Entity, Record


def person(record: Record, name: str) -> Entity:
    found = [e for e in record.entities if e.type == "person" and (e.name == name or name in e.aliases)]
    assert len(found) == 1, [(e.type, e.name, e.aliases) for e in record.entities]
    return found[0]


def roles(entity: Entity) -> list[tuple[str, str | None]]:
    return [(r.title, r.of) for r in entity.roles]


def test_title_of_town_before_the_name(read) -> None:
    record = read("Mayor of Kadıköy Ayşe Demir received a delegation from Batumi on Monday.")
    demir = person(record, "Ayşe Demir")
    assert roles(demir) == [("mayor", "Kadıköy")]
    # the office does not swallow the town: Kadıköy is still a place
    assert any(e.type == "place" and e.name == "Kadıköy" for e in record.entities)


@pytest.mark.parametrize(
    ("sentence", "name", "title", "of"),
    [
        ("Daniyar Abenov, Governor of Almaty Region, hosted the delegation in Konaev on Friday.",
         "Daniyar Abenov", "governor", "Almaty Region"),
        ("Kemal Arslan, Mayor of Bursa, visited Astana on 4 April 2023.",
         "Kemal Arslan", "mayor", "Bursa"),
        ("Mehmet Yilmaz, Mayor of Bursa, visited Astana on 4 April 2023.",
         "Mehmet Yilmaz", "mayor", "Bursa"),
    ],
)
def test_name_comma_title_of_place(read, sentence: str, name: str, title: str, of: str) -> None:
    record = read(sentence)
    assert roles(person(record, name)) == [(title, of)]


@pytest.mark.parametrize(
    ("sentence", "name", "of"),
    [
        ("The Mayor of Kadıköy, Selin Aydemir, opened the festival on Saturday.", "Selin Aydemir", "Kadıköy"),
        ("The guests were welcomed by the Mayor of Piran, Marko Kovač, on Saturday.", "Marko Kovač", "Piran"),
    ],
)
def test_title_of_place_comma_name(read, sentence: str, name: str, of: str) -> None:
    record = read(sentence)
    assert roles(person(record, name)) == [("mayor", of)]


def test_a_surname_mentioned_later_is_an_alias(read) -> None:
    record = read(
        "Mayor of Kadıköy Ayşe Demir received a delegation from Batumi on Monday. "
        "Demir said the two towns share a long maritime history.")
    demir = person(record, "Ayşe Demir")
    assert demir.aliases == ["Demir"]
    assert len([e for e in record.entities if e.type == "person"]) == 1


def test_a_surname_opening_a_later_sentence_is_an_alias(read) -> None:
    record = read(
        "Governor Nurlan Seitkali met the delegation in Turkistan on Friday. "
        "Seitkali said the region is ready for new partnerships.")
    seitkali = person(record, "Nurlan Seitkali")
    assert seitkali.aliases == ["Seitkali"]
    assert not any(e.name == "Seitkali" for e in record.entities if e is not seitkali)


def test_a_person_carries_the_sentences_that_name_them(read) -> None:
    text = ("Mayor of Kadıköy Ayşe Demir received a delegation from Batumi on Monday. "
            "Demir said the two towns share a long maritime history.")
    demir = person(read(text), "Ayşe Demir")
    assert len(demir.evidence) == 2
    for ev in demir.evidence:
        assert text[ev.start : ev.end] == ev.sentence
