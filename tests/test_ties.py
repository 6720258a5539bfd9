"""Ties: which parties a partnership is between, of what kind, and the stage it has reached."""
from __future__ import annotations

from amity.model import Record, Tie


def ties(record: Record, kind: str | None = None) -> list[Tie]:
    return [t for t in record.ties if kind is None or t.kind == kind]


def only(record: Record, kind: str) -> Tie:
    found = ties(record, kind)
    assert len(found) == 1, [(t.kind, t.parties, t.status, t.date) for t in record.ties]
    return found[0]


def pairs(record: Record) -> set[frozenset[str]]:
    return {frozenset(t.parties) for t in record.ties}


# -- sister cities ------------------------------------------------------------------

def test_a_signed_sister_city_protocol_is_a_signed_tie_with_its_date(read) -> None:
    record = read("Üsküdar Municipality signed a sister city protocol with Batumi on 14 June 2023.",
                  published="2023-06-16")
    tie = only(record, "sister_city")
    assert set(tie.parties) == {"Üsküdar", "Batumi"}  # the municipality stands for its town
    assert tie.status == "signed"
    assert tie.date == "2023-06-14"


def test_the_date_of_a_later_sentence_dates_the_tie_of_the_lead(read) -> None:
    record = read(
        "Üsküdar Municipality signed a sister city protocol with Batumi.\n\n"
        "The protocol was signed on 14 June 2023 at a ceremony in Batumi.\n",
        published="2023-06-16")
    tie = only(record, "sister_city")
    assert (tie.status, tie.date) == ("signed", "2023-06-14")


def test_two_districts_signing_with_one_foreign_town_give_two_ties_across_the_border(read) -> None:
    record = read("Üsküdar and Zeytinburnu Municipalities signed sister city protocols with Kentau "
                  "on 12 September 2023.", published="2023-09-13")
    assert pairs(record) == {frozenset({"Üsküdar", "Kentau"}), frozenset({"Zeytinburnu", "Kentau"})}
    assert frozenset({"Üsküdar", "Zeytinburnu"}) not in pairs(record)
    for tie in record.ties:
        assert (tie.kind, tie.status, tie.date) == ("sister_city", "signed", "2023-09-12")


def test_a_planned_signing_gives_a_planned_tie(read) -> None:
    record = read("Bağcılar and Shymkent will sign a sister city protocol next month.", published="2023-09-13")
    tie = only(record, "sister_city")
    assert set(tie.parties) == {"Bağcılar", "Shymkent"}
    assert tie.status == "planned"
    assert tie.date == "2023-10"


def test_a_twinning_on_the_agenda_is_a_proposed_tie(read) -> None:
    record = read("Mayor of Bağcılar Ali Kaya received a delegation from Kentau on Monday. "
                  "It is on the agenda to become sister cities with Kentau.")
    tie = only(record, "sister_city")
    assert set(tie.parties) == {"Bağcılar", "Kentau"}
    assert tie.status == "proposed"
    assert tie.date is None


def test_existing_twin_towns_are_an_active_tie(read) -> None:
    record = read("Üsküdar and Mostar have been twin towns since 2009. "
                  "A youth orchestra from Mostar performed in Üsküdar on Saturday.")
    tie = only(record, "sister_city")
    assert set(tie.parties) == {"Üsküdar", "Mostar"}
    assert tie.status == "active"


def test_a_twin_town_named_in_passing_is_an_active_tie(read) -> None:
    record = read("Mayor of Üsküdar Ali Kaya visited Batumi, a twin town of Üsküdar, on 4 March 2023.",
                  published="2023-03-06")
    tie = only(record, "sister_city")
    assert set(tie.parties) == {"Üsküdar", "Batumi"}
    assert tie.status == "active"


# -- cooperation between states ------------------------------------------------------

def test_a_ratified_intergovernmental_agreement_is_a_ratified_tie(read) -> None:
    record = read("The Parliament of Kazakhstan ratified the intergovernmental agreement between Kazakhstan "
                  "and Uzbekistan on transport cooperation on 10 January 2024.", published="2024-01-12")
    tie = only(record, "cooperation")
    assert set(tie.parties) == {"Kazakhstan", "Uzbekistan"}
    assert tie.status == "ratified"
    assert tie.date == "2024-01-10"
    assert not ties(record, "sister_city")


def test_a_memorandum_between_two_countries_is_a_signed_cooperation_tie(read) -> None:
    record = read("Turkey and Kazakhstan signed a memorandum of understanding on cooperation in agriculture "
                  "in Ankara on 15 February 2023.", published="2023-02-16")
    tie = only(record, "cooperation")
    assert set(tie.parties) == {"Turkey", "Kazakhstan"}  # Ankara is only the venue
    assert tie.status == "signed"
    assert tie.date == "2023-02-15"
    assert not ties(record, "sister_city")


def test_a_visit_alone_is_no_tie(read) -> None:
    record = read("Mayor of Üsküdar Ali Kaya visited Batumi on 4 March 2023.", published="2023-03-06")
    assert record.ties == []


# -- evidence --------------------------------------------------------------------------

def test_a_tie_carries_its_sentence_at_its_offsets(read) -> None:
    text = ("The two mayors met in Bursa. "
            "Bağcılar and Shymkent will sign a sister city protocol next month.")
    tie = only(read(text, published="2023-09-13"), "sister_city")
    ev = tie.evidence[0]
    assert ev.sentence == "Bağcılar and Shymkent will sign a sister city protocol next month."
    assert text[ev.start : ev.end] == ev.sentence


def test_tie_evidence_offsets_are_exact_in_an_article_with_paragraphs(read) -> None:
    text = ("Üsküdar and Batumi become sister cities\n\n"
            "Üsküdar Municipality signed a sister city protocol with Batumi on 14 June 2023.\n")
    record = read(text, published="2023-06-16")
    tie = only(record, "sister_city")
    assert record.ties[0].evidence
    for ev in tie.evidence:
        assert ev.sentence in text
        assert text[ev.start : ev.end] == ev.sentence
