"""Entities: how the mentions of one article become one entity per real thing."""
from __future__ import annotations


def test_a_surname_that_is_only_another_name_of_a_far_town_stays_the_persons(read) -> None:
    record = read("The session was co-chaired by Azer Zeynalov and Governor of Igdir Ercan Turan. "
                  "Governor Turan said that the park was ready.")
    assert "Turan" not in {n for e in record.entities if e.type == "place" for n in (e.name, *e.aliases)}
    assert "Ercan Turan" in {e.name for e in record.entities if e.type == "person"}
