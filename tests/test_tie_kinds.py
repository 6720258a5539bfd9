"""A tie's kind when its own sentence does not say "sister city", and stages of wishes (KINDS2)."""
from __future__ import annotations

from collections.abc import Callable

from amity.model import Record


PUBLISHED = "2024-05-10"


def article(read: Callable[..., Record], text: str) -> Record:
    return read(text, published=PUBLISHED)


def kinds(record: Record) -> dict[frozenset[str], set[str]]:
    out: dict[frozenset[str], set[str]] = {}
    for t in record.ties:
        out.setdefault(frozenset(t.parties), set()).add(t.kind)
    return out


def tie_of(record: Record, *parties: str) -> tuple[str, str, str | None]:
    found = [(t.kind, t.status, t.date) for t in record.ties if set(t.parties) == set(parties)]
    assert len(found) == 1, [(t.kind, t.parties, t.status) for t in record.ties]
    return found[0]


BODY = ("The Turkish city of Ordu and the Azerbaijani town of Gabala on 7 May signed the agreement in the "
        "congress centre.")


# -- the headline names the twinning, the body only "the agreement" ------------------

def test_a_body_signing_the_agreement_is_the_twinning_its_headline_names(read) -> None:
    record = article(read, "Brotherhood protocol signed on the coast\n\n" + BODY)
    assert tie_of(record, "Ordu", "Gabala") == ("sister_city", "signed", "2024-05-07")


def test_a_venue_in_the_headline_does_not_keep_the_twinning_from_the_pair(read) -> None:
    record = article(read, "Twinning signed in Samsun\n\n" + BODY)
    assert tie_of(record, "Ordu", "Gabala")[0] == "sister_city"


def test_a_headline_without_a_twinning_leaves_the_agreement_cooperation(read) -> None:
    record = article(read, "Ports sign agreement on the coast\n\n" + BODY)
    assert tie_of(record, "Ordu", "Gabala")[0] == "cooperation"


def test_a_plan_on_a_subject_between_twin_towns_stays_cooperation(read) -> None:
    record = article(read, "Twin towns meet on the coast\n\nThe Turkish city of Ordu and the Azerbaijani town of Gabala "
                  "on 7 May signed an action plan on youth exchanges.")
    assert tie_of(record, "Ordu", "Gabala")[0] == "cooperation"


def test_a_headline_naming_one_pair_does_not_make_another_pair_twins(read) -> None:
    record = article(read, "Kutaisi and Poltava become twin towns\n\nKutaisi and Poltava on 7 May signed the agreement. "
                  "On the same day Kutaisi and Ganja signed the protocol.")
    assert kinds(record)[frozenset({"Kutaisi", "Poltava"})] == {"sister_city"}
    assert kinds(record)[frozenset({"Kutaisi", "Ganja"})] == {"cooperation"}


def test_a_proper_name_in_the_headline_that_sounds_like_twinning_names_no_twinning(read) -> None:
    record = article(read, "Twin Cities bakery opens a branch abroad\n\n" + BODY)
    assert tie_of(record, "Ordu", "Gabala")[0] == "cooperation"


# -- twinning in other words --------------------------------------------------------

def test_a_memorandum_on_establishing_friendly_relations_between_provinces_is_a_twinning(read) -> None:
    record = article(read, "The People's Committee of Quang Ninh Province and the Government of Gangwon State on 7 May "
                  "signed a memorandum on establishing friendly relations between the two localities.")
    assert tie_of(record, "Quang Ninh Province", "Gangwon State") == ("sister_city", "signed", "2024-05-07")


def test_a_treaty_of_friendship_between_states_is_no_twinning(read) -> None:
    record = article(read, "Kazakhstan and Uzbekistan on 7 May signed a treaty on friendship and good neighbourliness.")
    assert tie_of(record, "Kazakhstan", "Uzbekistan")[0] == "cooperation"


def test_a_kardes_sehir_protocol_is_a_twinning(read) -> None:
    record = article(read, "Kayseri Metropolitan Municipality and the City Hall of Karakol signed a kardeş şehir protocol "
                  "on 6 May 2024.")
    assert tie_of(record, "Kayseri", "Karakol") == ("sister_city", "signed", "2024-05-06")


def test_a_twin_region_named_in_a_relative_clause_is_a_twinning(read) -> None:
    record = article(read, "Brittany, whose twin region is Wales, was represented by a vice-president.")
    assert tie_of(record, "Brittany", "Wales") == ("sister_city", "active", None)


# -- partners listed with one owner --------------------------------------------------

def test_partnerships_of_a_town_with_towns_and_no_subject_are_twinnings(read) -> None:
    record = article(read, "Kutaisi has partnerships with Poltava and Ganja.")
    assert kinds(record) == {frozenset({"Kutaisi", "Poltava"}): {"sister_city"},
                             frozenset({"Kutaisi", "Ganja"}): {"sister_city"}}


def test_partnerships_of_a_town_in_a_field_stay_cooperation(read) -> None:
    record = article(read, "Kutaisi has partnerships with Poltava and Ganja in tourism.")
    assert set().union(*kinds(record).values()) == {"cooperation"}


def test_twinning_or_cooperation_agreements_with_towns_are_twinnings(read) -> None:
    record = article(read, "Kutaisi currently has twinning or cooperation agreements with Poltava, Ganja, Lviv and Batumi.")
    assert len(record.ties) == 4 and {t.kind for t in record.ties} == {"sister_city"}


def test_cooperation_agreements_with_towns_stay_cooperation(read) -> None:
    record = article(read, "Kutaisi has cooperation agreements with Poltava, Ganja, Lviv and Batumi.")
    assert len(record.ties) == 4 and {t.kind for t in record.ties} == {"cooperation"}


def test_partnerships_of_universities_stay_cooperation(read) -> None:
    record = article(read, "Kutaisi University has partnerships with Tbilisi State University and Ilia State University.")
    assert record.ties and {t.kind for t in record.ties} == {"cooperation"}


# -- stages of wishes ------------------------------------------------------------------

def test_an_intention_to_sign_with_no_time_is_proposed(read) -> None:
    record = article(read, "The hokimiyat of Fergana intends to sign a memorandum on friendship with Khujand.")
    assert tie_of(record, "Fergana", "Khujand") == ("sister_city", "proposed", None)


def test_a_signing_next_month_is_planned_for_that_month(read) -> None:
    record = article(read, "A twinning agreement between Andijan and Jalal-Abad will be signed next month in Jalal-Abad.")
    assert tie_of(record, "Andijan", "Jalal-Abad") == ("sister_city", "planned", "2024-06")


def test_a_draft_approved_by_both_sides_is_only_proposed(read) -> None:
    record = article(read, "A draft memorandum on twinning between Kokand and Isfara was approved by both sides "
                           "on Monday.")
    assert tie_of(record, "Kokand", "Isfara") == ("sister_city", "proposed", None)


def test_a_council_approving_the_draft_twinning_ratifies_it(read) -> None:
    record = article(read, "The city council of Kokand on Monday approved the draft twinning agreement with Isfara.")
    assert tie_of(record, "Kokand", "Isfara") == ("sister_city", "ratified", "2024-05-06")


# -- a twinning told first keeps its kind when later called "the cooperation agreement" ----

def test_the_cooperation_agreement_after_a_twinning_is_that_twinning(read) -> None:
    record = article(read, "Kremenchuk and Konin on Tuesday signed an agreement on twinning. The cooperation "
                           "agreement between Kremenchuk and Konin covers schools and culture.")
    assert kinds(record) == {frozenset({"Kremenchuk", "Konin"}): {"sister_city"}}


def test_a_cooperation_agreement_on_a_subject_signed_by_twins_is_a_tie_of_its_own(read) -> None:
    record = article(read, "Kremenchuk and Konin on Tuesday signed an agreement on twinning. Kremenchuk and Konin "
                           "also signed a cooperation agreement on water supply.")
    assert kinds(record) == {frozenset({"Kremenchuk", "Konin"}): {"sister_city", "cooperation"}}
