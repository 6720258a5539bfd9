"""Entities: how the mentions of one article become one entity per real thing."""
from __future__ import annotations

import pytest

from amity.nlp.entities import EntityCluster, _merge_same_named_places
from amity.nlp.gazetteer import Place
from amity.nlp.mentions import Mention


def test_a_surname_that_is_only_another_name_of_a_far_town_stays_the_persons(read) -> None:
    record = read("The session was co-chaired by Azer Zeynalov and Governor of Igdir Ercan Turan. "
                  "Governor Turan said that the park was ready.")
    assert "Turan" not in {n for e in record.entities if e.type == "place" for n in (e.name, *e.aliases)}
    assert "Ercan Turan" in {e.name for e in record.entities if e.type == "person"}


def test_a_body_found_only_in_a_headline_in_capitals_is_not_kept(read) -> None:
    record = read("ARMENIA AND GEORGIA WILL HOLD THE FIRST TRADE COUNCIL SESSION\n"
                  "On Monday the Armenian-Georgian Trade Council met in Gyumri.")
    bodies = {e.name for e in record.entities if e.type == "organization"}
    assert "Armenian-Georgian Trade Council" in bodies
    assert "FIRST TRADE COUNCIL" not in bodies


def test_a_body_in_a_headline_in_capitals_named_again_below_is_kept(read) -> None:
    record = read("GYUMRI CHAMBER OF COMMERCE SIGNS DEAL WITH BATUMI\n"
                  "The Gyumri Chamber of Commerce signed a trade deal with Batumi on Monday.")
    assert "Gyumri Chamber of Commerce" in {e.name for e in record.entities if e.type == "organization"}
    assert "OF" not in {e.name for e in record.entities if e.type == "place"}


def test_an_acronym_used_without_brackets_joins_the_body_whose_initials_it_spells(read) -> None:
    record = read("The Georgian Ports Authority signed a deal with Batumi on Monday. "
                  "GPA officials said the deal covers pilot training.")
    bodies = [e for e in record.entities if e.type == "organization"]
    assert [(b.name, b.aliases) for b in bodies] == [("Georgian Ports Authority", ["GPA"])]


def test_one_body_written_once_with_a_plural_and_once_with_a_singular_is_one_body(read) -> None:
    record = read("The Tajik University of Languages hosted a forum in Dushanbe. "
                  "Later the Tajik University of Language signed a deal with Khujand.")
    bodies = [e for e in record.entities if e.type == "organization"]
    assert len(bodies) == 1, [(b.name, b.aliases) for b in bodies]


@pytest.mark.parametrize("text, acronym", [
    ("Trains on the RJ line will stop in Zlin from May, the operator of the line said.", "RJ"),
    ("Engineers from Osh will test the new KTL meters in Batken next spring.", "KTL"),
])
def test_bare_letters_the_article_never_spells_out_are_no_body(read, text: str, acronym: str) -> None:
    record = read(text)
    assert acronym not in {n for e in record.entities for n in (e.name, *e.aliases)}


@pytest.mark.parametrize("text, acronym, partner", [
    ("ICIMOD and Nepal signed a memorandum on glacier monitoring in Kathmandu on Sunday.", "ICIMOD", "Nepal"),
    ("The University of Tartu signed an agreement with DAAD on scholarships on 2 April.", "DAAD", "University of Tartu"),
])
def test_bare_letters_standing_where_a_party_stands_are_a_body(read, text: str, acronym: str, partner: str) -> None:
    # joined by "and" to another name, or the counterpart after "with": a signatory, whatever spaCy calls it
    record = read(text)
    assert acronym in {e.name for e in record.entities if e.type == "organization"}
    assert {acronym, partner} in [set(t.parties) for t in record.ties]


def test_a_degree_written_as_an_acronym_is_no_body(read) -> None:
    record = read("MA students and PhD candidates of Osh State University will study in Konya.")
    assert {e.name for e in record.entities if e.type == "organization"} == {"Osh State University"}


def test_a_nationality_before_a_town_is_no_persons_name(read) -> None:
    record = read("Sheki and Turkish Safranbolu become sister cities\n\nThe protocol was signed on Monday.")
    assert "Turkish Safranbolu" not in {e.name for e in record.entities if e.type == "person"}


def test_an_unlinked_name_shared_by_two_different_linked_places_joins_neither() -> None:
    def georgia(start: int, place: Place | None) -> EntityCluster:
        return EntityCluster("place", [Mention(start, start + 1, "place", "Georgia", place)], place)

    country = georgia(1, Place("Georgia", "country", "GE", 614540))
    state = georgia(9, Place("Georgia", "region", "US", 4197000))
    unsure = georgia(20, None)
    merged = _merge_same_named_places([country, state, unsure])
    assert [len(c.mentions) for c in merged] == [1, 1, 1]


def test_an_unlinked_name_joins_the_one_linked_place_of_that_name() -> None:
    unsure = EntityCluster("place", [Mention(2, 3, "place", "Meram", None)])
    district = Place("Meram", "district", "TR", 304582)
    linked = EntityCluster("place", [Mention(7, 8, "place", "Meram", district)], district)
    merged = _merge_same_named_places([unsure, linked])
    assert len(merged) == 1 and merged[0].place == district and len(merged[0].mentions) == 2
