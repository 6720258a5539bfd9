"""What was signed, read from a tie's sentences: the kind of agreement and the fields of cooperation."""
from __future__ import annotations

from amity.registry.agreements import described, what_was_signed


def test_a_protocol_on_culture_tourism_and_education_is_read_as_such() -> None:
    signed = what_was_signed(["The two mayors signed a protocol on culture, tourism and education on 3 May 2022."])
    assert signed == {"kind": "protocol", "fields": ["culture", "tourism", "education"]}
    assert described(signed) == "protocol on culture, tourism and education"


def test_the_longest_kind_wins_and_spellings_of_a_field_are_one() -> None:
    signed = what_was_signed(["A Memorandum of Understanding on Sports and transportation was signed.",
                              "It follows an agreement on sport."])
    assert signed == {"kind": "memorandum of understanding", "fields": ["sport", "transport"]}


def test_no_kind_and_no_field_say_nothing() -> None:
    assert described(what_was_signed(["The mayor visited the city.", None])) == ""
    assert described({"kind": None, "fields": ["trade"]}) == "cooperation on trade"
