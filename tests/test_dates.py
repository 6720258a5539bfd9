"""Date expressions found in text and resolved to ISO values against the publication date."""
from __future__ import annotations

from datetime import date

import pytest

from amity.nlp.dates import find_dates

#: A Wednesday.
PUBLISHED = date(2024, 1, 10)


def values(text: str, published: date | None = PUBLISHED) -> list[str | None]:
    return [d.value for d in find_dates(text, published)]


def only(text: str, published: date | None = PUBLISHED):
    found = find_dates(text, published)
    assert len(found) == 1, [(d.text, d.value) for d in found]
    return found[0]


# -- absolute dates ---------------------------------------------------------------

def test_a_day_span_in_one_month_is_an_iso_span() -> None:
    d = only("The forum was held on 30-31 May 2022 in Turkistan.")
    assert d.value == "2022-05-30/2022-05-31"
    assert d.text == "30-31 May 2022"
    assert d.explicit_year and not d.relative


def test_a_month_first_day_span_is_an_iso_span() -> None:
    assert values("The festival runs June 3-5, 2023.") == ["2023-06-03/2023-06-05"]


def test_a_full_american_date_with_its_weekday() -> None:
    d = only("The delegation arrived on Monday, December 20, 2021.")
    assert d.value == "2021-12-20"
    assert d.text == "Monday, December 20, 2021"


@pytest.mark.parametrize(
    "text",
    ["on 20 December 2021", "on December 20, 2021", "on 20th December 2021", "on the 20th of December 2021",
     "on 2021-12-20", "on 20.12.2021"],
)
def test_one_day_written_in_different_ways(text: str) -> None:
    assert values(f"The protocol was signed {text}.") == ["2021-12-20"]


def test_a_day_and_month_with_a_space_before_the_year() -> None:
    assert values("The protocol was signed on 25.12 2021 in Shymkent.") == ["2021-12-25"]


def test_offsets_point_at_the_expression() -> None:
    text = "The mayors met in Bursa on 4 April 2023 and agreed on a joint festival."
    d = only(text)
    assert text[d.start : d.end] == d.text == "4 April 2023"


# -- partial dates ----------------------------------------------------------------

def test_a_month_and_year_gives_a_month() -> None:
    assert values("The towns became partners in December 2021.") == ["2021-12"]


def test_a_year_after_in_gives_a_year() -> None:
    d = only("The towns became sister cities in 2015.")
    assert d.value == "2015"
    assert d.explicit_year


def test_a_bare_number_is_not_a_year() -> None:
    assert values("About 2015 people attended the concert.") == []


def test_a_later_date_without_a_year_takes_the_year_of_the_text() -> None:
    assert values("The talks began on 3 March 2022 and the protocol was signed on 5 April.") == [
        "2022-03-03", "2022-04-05"]


def test_a_past_date_without_a_year_is_the_last_such_day_before_publication() -> None:
    # Published on 10 January 2024: "visited on 20 December" can only be December 2023.
    assert values("The delegation visited Bursa on 20 December.") == ["2023-12-20"]


def test_a_future_date_without_a_year_is_the_next_such_day_after_publication() -> None:
    assert values("The delegation will visit Bursa on 20 February.") == ["2024-02-20"]


# -- relative dates ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said today that the visit was a success.", "2024-01-10"),
        ("The delegation will arrive tomorrow.", "2024-01-11"),
        ("The delegation left yesterday.", "2024-01-09"),
        ("Trade between the towns grew last year.", "2023"),
        ("The festival will be held next year.", "2025"),
        ("The agreement was signed in June last year.", "2023-06"),
        ("The delegation will return in May next year.", "2025-05"),
        ("The talks were held last week.", "2024-01-01/2024-01-07"),
        ("The mayors will meet next month.", "2024-02"),
    ],
)
def test_relative_expressions_resolve_against_the_publication_date(text: str, expected: str) -> None:
    d = only(text)
    assert d.value == expected
    assert d.relative


def test_on_monday_in_a_past_tense_sentence_is_the_monday_before() -> None:
    assert values("The mayors met on Monday.") == ["2024-01-08"]


def test_on_monday_in_a_future_tense_sentence_is_the_monday_after() -> None:
    assert values("The mayors will meet on Monday.") == ["2024-01-15"]


def test_last_and_next_weekday() -> None:
    assert values("The mayor visited Bursa last Monday.") == ["2024-01-08"]
    assert values("The mayor will visit Bursa next Monday.") == ["2024-01-15"]


def test_a_weekday_in_a_planned_sentence_is_in_the_future() -> None:
    assert values("The protocol is scheduled to be signed on Friday.") == ["2024-01-12"]


def test_relative_dates_without_a_publication_date_stay_unresolved() -> None:
    assert values("The delegation left yesterday.", published=None) == [None]
    assert values("The mayors met on Monday.", published=None) == [None]


def test_absolute_dates_need_no_publication_date() -> None:
    assert values("The forum was held on 30-31 May 2022.", published=None) == ["2022-05-30/2022-05-31"]


# -- several dates ----------------------------------------------------------------

def test_dates_come_in_text_order_without_overlaps() -> None:
    found = find_dates("Signed on 4 April 2023, the protocol entered into force in June 2023, "
                       "and the first exchange took place yesterday.", PUBLISHED)
    assert [d.value for d in found] == ["2023-04-04", "2023-06", "2024-01-09"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_the_tense_of_the_next_sentence_does_not_move_a_weekday() -> None:
    assert values("Bursa hosted guests from Osh on Thursday. A return trip is planned for May.")[0] == "2024-01-04"


def test_a_weekday_with_a_day_number_is_that_day_of_the_month_just_spoken_of() -> None:
    found = find_dates("The guests stayed in Bursa on 3rd and 4th June 2011. The ceremonies began on Saturday 4th.",
                       date(2011, 6, 11))
    assert [d.value for d in found] == ["2011-06-03/2011-06-04", "2011-06-04"]


def test_a_weekday_with_a_day_number_that_does_not_fall_on_it_is_not_guessed() -> None:
    assert values("The ceremonies began on Sunday 4th.", published=date(2011, 6, 11)) == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Talks were held on 13 June 2023. A day later the guests toured the port.", "2023-06-14"),
     ("The forum ran on 10-12 June 2023. The next day the mayors signed the protocol.", "2023-06-13"),
     ("The forum opened on 10 June 2023. Two days earlier the guests had arrived.", "2023-06-08"),
     ("The ceremony took place on 5 May 2023; the day before, the delegation landed.", "2023-05-04")],
)
def test_a_day_counted_from_the_day_last_named(text: str, expected: str) -> None:
    assert values(text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The guests landed on 3 March 2025. A week later the mayor flew to Yerevan.", "2025-03-10"),
     ("The guests landed on 3 March 2025. Two weeks later the council voted.", "2025-03-17"),
     ("The memorandum was signed on 14 May 2025. The next morning the minister met the premier.", "2025-05-15"),
     ("The talks were held on 21 October 2025. That afternoon the guests toured a laboratory.", "2025-10-21"),
     ("The talks were held on 21 October 2025. The day after, the rectors signed the agreement.", "2025-10-22"),
     ("The vote took place on Monday 10 March 2025. The previous week, the ambassador toured the region.",
      "2025-03-03/2025-03-09")],
)
def test_a_day_or_week_counted_from_the_day_last_named(text: str, expected: str) -> None:
    assert values(text)[-1] == expected


def test_the_verb_after_an_offsets_anchor_names_no_occurrence_of_its_own() -> None:
    text = ("The summit of mayors started on 12 May 2025 in Khujand. A new library opened on 3 May 2025. "
            "The day before the summit opened, the mayors toured a school.")
    assert values(text)[-1] == "2025-05-11"


def test_a_day_counted_from_an_occurrence_named_after_it_is_counted_from_that_occurrences_day() -> None:
    text = ("The fair was held in Nantes from 6 to 8 June 2025. The day before the fair opened, the mayors met. "
            "Two days after the fair, teachers from Lahti arrived.")
    assert values(text) == ["2025-06-06/2025-06-08", "2025-06-05", "2025-06-10"]


def test_the_eve_of_a_signing_is_the_day_before_the_day_it_was_signed() -> None:
    text = ("The governors signed the renewed charter on Thursday. A day earlier the governor toured the port. "
            "On the eve of the signing, the delegation attended a seminar.")
    assert values(text, date(2025, 5, 30)) == ["2025-05-29", "2025-05-28", "2025-05-28"]


def test_a_present_passive_before_a_month_is_no_past() -> None:
    assert values("A return visit is slated for October, the mayor said.", date(2025, 8, 11)) == ["2025-10"]


def test_a_month_far_ahead_in_a_plan_decided_is_this_years() -> None:
    text = "The ministers approved a plan for a visit by a trade mission to Shymkent in October."
    assert values(text, date(2025, 2, 12)) == ["2025-10"]
    assert values("In October the city hosted a trade mission from Shymkent.", date(2025, 2, 12)) == ["2024-10"]


def test_a_month_far_ahead_after_a_verb_of_saying_keeps_its_past() -> None:
    published = date(2025, 2, 10)
    assert values("The mayor of Tashkent said that the book fair in October drew large crowds.", published) == ["2024-10"]
    assert values("The ministry announced that the ferry line opened in November runs twice a week.",
                  published) == ["2024-11"]
    assert values("The councils decided that a youth camp in September would welcome pupils from both towns.",
                  published) == ["2025-09"]


def test_the_day_after_tomorrow_is_two_days_after_publication_not_a_day_after_the_day_last_named() -> None:
    text = "The fair closed on 2 January 2024. The day after tomorrow the mayor of Gyumri arrives in Batumi."
    assert values(text) == ["2024-01-02", "2024-01-12"]
    assert values("The day before yesterday the rectors signed the protocol.") == ["2024-01-08"]


def test_a_day_counted_from_nothing_named_has_no_value() -> None:
    assert values("The next day the mayors signed the protocol.") == [None]


def test_two_weekdays_joined_by_and_are_a_span_before_publication() -> None:
    assert values("A delegation of Osh visited Bursa on Monday and Tuesday.") == ["2024-01-08/2024-01-09"]


def test_a_weekday_right_after_a_past_verb_is_in_the_past_even_in_a_planning_sentence() -> None:
    assert values("The delegation, which arrived in Osh on Sunday, will stay until Friday.")[0] == "2024-01-07"


def test_a_weekday_after_a_passive_infinitive_stays_in_the_future() -> None:
    assert values("The memorandum will be signed on Friday.") == ["2024-01-12"]


@pytest.mark.parametrize(("phrase", "value"), [
    ("last May", "2025-05"), ("last September", "2024-09"), ("next May", "2026-05"), ("this October", "2025-10"),
])
def test_a_month_named_last_next_or_this_is_read_against_the_publication_date(read, phrase: str, value: str) -> None:
    record = read(f"The mayor of Osh visited Osaka {phrase}.", published="2025-08-14")
    assert [e.date for e in record.events if e.type == "visit"] == [value]


def test_a_weekday_of_last_week_is_that_day_of_the_week_before() -> None:
    # published on Wednesday 10 January 2024: last week ran from 1 to 7 January
    assert values("The mayor greeted the pupils from Daegu on Tuesday of last week.") == ["2024-01-02"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The two mayors are expected to sign the memorandum in Gabrovo next spring.", "2024-03/2024-05"),
    ("A group of teachers will travel to Kutaisi in the summer.", "2024-06/2024-08"),
    ("The choir toured Lublin last autumn.", "2023-09/2023-11"),
    ("A youth exchange is planned for the summer of 2026.", "2026-06/2026-08"),
    ("A return visit is planned for the autumn of next year.", "2025-09/2025-11"),
    ("The next session of the commission will take place in Aktobe in spring 2026.", "2026-03/2026-05"),
    ("A choir from Tartu is to perform in Turku in late summer 2025.", "2025-06/2025-08"),
    ("The exchange programme resumed in autumn, 2024, after a pause.", "2024-09/2024-11"),
])
def test_a_season_is_the_span_of_its_months_in_the_year_the_text_means(text: str, expected: str) -> None:
    assert values(text) == [expected]


def test_a_season_told_in_the_past_before_this_years_has_begun_is_last_years() -> None:
    assert values("The mayor of Ruse visited Gyumri in the autumn.") == ["2023-09/2023-11"]


def test_a_season_takes_the_year_named_just_before_it_in_its_sentence() -> None:
    assert values("The festival moves to Plovdiv next year, probably in the summer.") == ["2025", "2025-06/2025-08"]


def test_a_season_word_that_is_no_time_phrase_is_no_date() -> None:
    assert values("Prices fall when the harvest is good.") == []


def test_the_end_of_the_year_is_the_year_of_publication() -> None:
    assert values("The mayors agreed to sign a twinning protocol before the end of the year.") == ["2024"]


@pytest.mark.parametrize(("text", "expected"), [
    ("On the 8th, the council approved the twinning.", "2024-01-08"),
    ("The council approved the twinning on the 28th.", "2023-12-28"),
    ("The council will vote on the 3rd.", "2024-02-03"),
    ("The mayors met on 3 May 2023 and signed the charter on the 5th.", "2023-05-05"),
])
def test_a_bare_day_of_the_month_is_of_the_month_last_named_or_around_publication(text: str, expected: str) -> None:
    assert values(text)[-1] == expected


def test_an_ordinal_before_a_noun_is_no_day() -> None:
    assert values("The towns celebrated on the 25th anniversary of their twinning.") == []


# -- before the story's own time -------------------------------------------------------------

def test_earlier_this_month_is_the_days_of_the_month_before_publication() -> None:
    d = only("Earlier this month, the deputy mayor visited Gyeongju.")
    assert d.value == "2024-01-01/2024-01-09"
    assert d.before_story


def test_earlier_this_year_told_on_new_years_day_is_the_year() -> None:
    assert values("Earlier this year, the council approved the plan.", date(2024, 1, 1)) == ["2024"]


def test_a_month_after_for_during_or_mid_is_that_month_of_the_year_the_tense_tells() -> None:
    assert values("The visit is planned for June. The forum runs in mid-July. They met during March.") == \
        ["2024-06", "2024-07", "2023-03"]


def test_a_weekday_after_a_past_verb_is_past_though_the_sentence_goes_on_to_a_plan() -> None:
    assert values("The mayors signed a memorandum on Tuesday that will double the number of flights.") == ["2024-01-09"]


def test_a_weekday_after_a_plan_is_to_come_though_a_relative_clause_tells_the_past() -> None:
    assert values("The mayor, who visited Tabriz in the spring, will meet the consul on Tuesday.")[-1] == "2024-01-16"


def test_a_weekday_after_a_past_verb_that_follows_a_plan_in_a_relative_clause_is_past() -> None:
    assert values("The mayor, who will travel to Tabriz in August, met the consul on Tuesday.")[-1] == "2024-01-09"


# -- month words that are no months --------------------------------------------------

def test_may_written_small_is_the_verb_not_the_month() -> None:
    assert values("Officials said the ports in may sign a deal, and a march in the capital drew crowds.") == []


def test_a_small_month_word_with_a_day_and_a_year_is_still_the_month() -> None:
    assert values("The agreement was signed on 12 march 2019, and the second on 5 may 2021.") == \
        ["2019-03-12", "2021-05-05"]


def test_may_with_a_capital_after_for_is_still_the_month() -> None:
    assert values("Talks with the port authority are planned for May.") == ["2024-05"]


def test_a_month_right_before_a_persons_name_is_the_name() -> None:
    text = "The consul thanked the city for May Chen's welcome."
    start = text.index("Chen")
    assert [d.value for d in find_dates(text, PUBLISHED, names=[(start, start + len("Chen"))])] == []


# -- wire datelines --------------------------------------------------------------------

def test_yesterday_counts_from_a_wire_dateline_filed_the_day_before_publication() -> None:
    text = "Ports agree on ferry line\n\nTASHKENT, June 9 (UzA) – The two ports signed a memorandum yesterday."
    assert values(text, date(2025, 6, 10)) == ["2025-06-09", "2025-06-08"]


def test_today_in_a_dotted_dateline_is_the_day_it_was_filed() -> None:
    text = "ASTANA. 15 October. KAZINFORM – The delegation is in Aktau today."
    assert values(text, date(2025, 10, 16)) == ["2025-10-15", "2025-10-15"]


def test_a_day_named_in_the_body_is_no_dateline() -> None:
    text = "The mayors met yesterday, the city said in a statement from Hanoi, Oct 15."
    assert values(text, date(2025, 10, 16))[0] == "2025-10-15"


def test_yesterday_counts_from_a_dateline_whose_place_starts_with_a_letter_beyond_ascii() -> None:
    text = "Ports agree on ferry line\n\nÖREBRO, June 9 (TT) – The two ports signed a memorandum yesterday."
    assert values(text, date(2025, 6, 10)) == ["2025-06-09", "2025-06-08"]


def test_capitalised_words_ending_eighty_characters_into_a_sentence_are_no_dateline() -> None:
    text = ("The mayors met yesterday, said a letter from Samarkand-Bukhara-Khiva Port Office, "
            "Tashkent-Andijan-Namangan-Osh Ferry Lines, June 9.")
    assert values(text, date(2025, 6, 10)) == ["2025-06-09", "2025-06-09"]


# -- the year a month without one belongs to --------------------------------------------

def test_a_month_after_last_year_is_last_years() -> None:
    text = "Last year the two mayors agreed to expand exchanges, and in September a youth team visited Batumi."
    assert values(text, date(2025, 5, 20)) == ["2024", "2024-09"]


def test_since_a_year_sets_no_year_for_the_next_sentence() -> None:
    text = "Izmir has been twinned with Bremen since 1995. In May, a port councillor visited Izmir."
    assert values(text, date(2025, 9, 3)) == ["1995", "2025-05"]


def test_a_plan_after_a_past_year_is_not_of_that_year() -> None:
    text = "The cities signed their first agreement in 2015. In October, the mayor is expected to lead a delegation there."
    assert values(text, date(2025, 3, 18)) == ["2015", "2025-10"]


def test_a_month_told_after_a_past_year_with_would_or_planned_is_of_that_year() -> None:
    text = "Tbilisi and Kutaisi signed a pact in 2012. In June the mayors said they would swap choirs."
    assert values(text, date(2025, 3, 18)) == ["2012", "2012-06"]
    text = "Tbilisi and Kutaisi signed a pact in 2012. In June the mayors planned a choir exchange."
    assert values(text, date(2025, 3, 18)) == ["2012", "2012-06"]


def test_a_month_with_would_after_a_year_of_its_own_sentence_is_of_that_year() -> None:
    assert values("In 2019 the mayors said they would sign the charter in May.", date(2025, 3, 18)) == ["2019", "2019-05"]


def test_a_month_still_to_come_told_in_the_past_tense_is_last_years() -> None:
    assert values("In August the city hosted forty young athletes from Tartu.", date(2025, 2, 11)) == ["2024-08"]


def test_a_month_still_to_come_told_in_the_present_is_this_years() -> None:
    assert values("The festival takes place in August.", date(2025, 2, 11)) == ["2025-08"]


def test_a_month_still_to_come_after_a_verb_of_saying_or_deciding_is_this_years() -> None:
    assert values("Officials agreed that the twin-town fair takes place in August.", date(2025, 2, 11)) == ["2025-08"]
    assert values("The council approved a plan for a choir festival in July.", date(2025, 2, 11)) == ["2025-07"]


def test_a_month_still_to_come_right_after_a_verb_of_deciding_is_last_years() -> None:
    assert values("The council approved in July a plan for a choir festival.", date(2025, 2, 11)) == ["2024-07"]


def test_the_current_month_of_translated_releases_is_this_month() -> None:
    assert values("In the current month the delegation of Osh will visit Urumqi.", date(2025, 3, 5)) == ["2025-03"]


# -- days told by distance from the page, and digits spanning days ---------------------------------

def test_this_morning_is_the_day_of_publication() -> None:
    assert values("The two mayors signed the agreement this morning.") == ["2024-01-10"]


def test_days_ago_count_back_from_publication() -> None:
    assert values("Two days ago the governor met the ambassador.") == ["2024-01-08"]
    assert values("The delegation left Osh a week ago.") == ["2024-01-03"]


def test_days_ago_written_with_two_digits_count_back_too() -> None:
    assert values("The delegation of Bursa left Osh 10 days ago.") == ["2023-12-31"]
    assert values("The mayors of Osh and Bursa met 2 weeks ago.") == ["2023-12-27"]
    assert values("Bursa sent its first aid convoy to Osh 40 days ago.") == ["2023-12-01"]


def test_over_the_weekend_is_the_saturday_and_sunday_before_publication() -> None:
    assert values("Cyclists from Calafat visited Vidin over the weekend.") == ["2024-01-06/2024-01-07"]


def test_the_weekend_of_a_sentence_about_the_future_is_the_coming_one() -> None:
    assert values("The mayors will meet in Ruse at the weekend.") == ["2024-01-13/2024-01-14"]


def test_this_weekend_told_in_the_past_is_the_weekend_gone_or_the_pages_own() -> None:
    sunday = date(2024, 5, 12)
    assert values("This weekend the mayor of Osh visited Bursa.", sunday) == ["2024-05-11/2024-05-12"]
    assert values("This weekend the mayor of Osh visited Bursa.") == ["2024-01-06/2024-01-07"]
    assert values("This weekend Osh hosts a festival of Turkic cinema.") == ["2024-01-13/2024-01-14"]


def test_a_weekday_of_last_week_without_of() -> None:
    assert values("The universities signed the memorandum on Thursday last week.") == ["2024-01-04"]


def test_digits_spanning_days_of_one_month() -> None:
    assert values("From 12-14.11.2025, the delegation worked in Gyeonggi Province.") == ["2025-11-12/2025-11-14"]


def test_the_weekend_people_spent_somewhere_is_the_weekend_of_the_sentence_tense() -> None:
    assert values("Twenty guests from Lublin spent the weekend in Kharkiv.") == ["2024-01-06/2024-01-07"]
    assert values("The choir from Lublin will spend the weekend in Kharkiv.") == ["2024-01-13/2024-01-14"]


# Sentences with a match of each pattern that `needs` words: every match must contain one of them, or the finder
# would skip a text the pattern reads.
_NEEDING = [
    "The mayors will meet in March next year.",
    "The park opens in the spring of 2026, and again next Summer.",
    "The bridge is due by the end of the year.",
    "Trade rose in the first half of 2024 and in the third quarter of 2023.",
    "The envoys arrived two days ago, a week ago the talks began.",
    "They met on Tuesday of last week.",
    "Earlier this month the council voted; previously this year it had waited.",
    "The choirs sang over the weekend and will sing again next WEEKEND.",
]


def test_every_match_of_a_pattern_contains_a_word_it_needs() -> None:
    from amity.nlp.dates import _PATTERNS

    gated = [(kind, pattern, needs) for kind, pattern, needs in _PATTERNS if needs]
    assert {kind for kind, _, _ in gated} >= {"weekend", "season", "quarter", "days_ago"}
    for kind, pattern, needs in gated:
        matches = [m.group(0) for text in _NEEDING for m in pattern.finditer(text)]
        assert matches, kind
        for match in matches:
            assert any(word in match.lower() for word in needs), (kind, match)


def test_a_pattern_is_not_tried_on_a_text_without_a_word_it_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    from amity.nlp import dates

    tried: list[str] = []

    class Recording:
        def __init__(self, kind: str, pattern: object) -> None:
            self.kind, self.pattern = kind, pattern

        def finditer(self, text: str) -> object:
            tried.append(self.kind)
            return self.pattern.finditer(text)  # type: ignore[attr-defined]

    monkeypatch.setattr(dates, "_PATTERNS", [(k, Recording(k, p), n) for k, p, n in dates._PATTERNS])
    found = find_dates("The twin towns met on 5 May 2023 to sign the plan.", date(2023, 5, 9))
    assert [d.value for d in found] == ["2023-05-05"]
    assert "weekend" not in tried and "season" not in tried and "day_month" in tried
    tried.clear()
    found = find_dates("The choirs sang over the weekend.", date(2023, 5, 9))
    assert "weekend" in tried and [d.value for d in found] == ["2023-05-06/2023-05-07"]


@pytest.mark.parametrize("words", [["January", "Sept", "may"], ["Monday", "friday"], ["ǅemal"]])
def test_the_initials_lookahead_lets_every_word_through_in_any_case(words: list[str]) -> None:
    import re

    from amity.nlp.dates import _initials

    for flags in (0, re.I):
        ahead = re.compile(_initials(words), flags)
        assert all(ahead.match(form) for word in words for form in (word, word.lower(), word.upper())), flags
        assert not ahead.match("xylophone")

