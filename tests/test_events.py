"""Events: what happened or is planned, when, and who took part."""
from __future__ import annotations

import pytest

from amity.model import Event, Record


def events(record: Record, type_: str) -> list[Event]:
    return [e for e in record.events if e.type == type_]


def only(record: Record, type_: str) -> Event:
    found = events(record, type_)
    assert len(found) == 1, [(e.type, e.status, e.date, e.participants) for e in record.events]
    return found[0]


# -- planned or occurred ------------------------------------------------------------

def test_will_visit_is_a_planned_visit(read) -> None:
    record = read("Mayor of Üsküdar Ali Kaya will visit Batumi next week.", published="2023-06-16")
    visit = only(record, "visit")
    assert visit.status == "planned"
    assert visit.date == "2023-06-19/2023-06-25"
    assert {"Ali Kaya", "Batumi"} <= set(visit.participants)


def test_visited_is_an_occurred_visit(read) -> None:
    record = read("Mayor of Üsküdar Ali Kaya visited Batumi on 4 March 2023.", published="2023-03-06")
    visit = only(record, "visit")
    assert visit.status == "occurred"
    assert visit.date == "2023-03-04"


def test_is_planned_to_be_signed_is_a_planned_signing(read) -> None:
    record = read("A cooperation agreement between Bursa and Shymkent is planned to be signed in March 2024.",
                  published="2023-12-16")
    signing = only(record, "signing")
    assert signing.status == "planned"
    assert signing.date == "2024-03"
    assert signing.agreement == "cooperation"
    assert {"Bursa", "Shymkent"} <= set(signing.participants)


def test_signed_is_an_occurred_signing(read) -> None:
    record = read("Bursa and Shymkent signed a cooperation agreement on 5 January 2024.")
    signing = only(record, "signing")
    assert signing.status == "occurred"
    assert signing.date == "2024-01-05"
    assert signing.agreement == "cooperation"


def test_a_sister_city_protocol_is_a_sister_city_signing(read) -> None:
    record = read("Üsküdar Municipality signed a sister city protocol with Batumi on 14 June 2023.",
                  published="2023-06-16")
    assert only(record, "signing").agreement == "sister_city"


# -- dates against the publication date ------------------------------------------------

def test_on_monday_in_the_past_is_the_monday_before_publication(read) -> None:
    meeting = only(read("The Mayor of Bağcılar met his counterpart from Shymkent on Monday."), "meeting")
    assert meeting.status == "occurred"
    assert meeting.date == "2024-01-08"


def test_on_monday_in_the_future_is_the_monday_after_publication(read) -> None:
    meeting = only(read("The Mayor of Bağcılar will meet his counterpart from Shymkent on Monday."), "meeting")
    assert meeting.status == "planned"
    assert meeting.date == "2024-01-15"


def test_yesterday_is_the_day_before_publication(read) -> None:
    visit = only(read("Mayor of Üsküdar Ali Kaya visited Batumi yesterday.", published="2023-06-16"), "visit")
    assert visit.status == "occurred"
    assert visit.date == "2023-06-15"


def test_an_undated_report_takes_the_publication_date(read) -> None:
    meeting = only(read("Officials of Zeytinburnu Municipality welcomed guests from Samarkand."), "meeting")
    assert meeting.date == "2024-01-10"


def test_a_past_visit_on_a_day_without_a_year_happened_before_publication(read) -> None:
    # Published on 10 January 2024: the visit was on 20 December 2023, not in December 2024.
    visit = only(read("Mayor of Üsküdar Ali Kaya visited Batumi on 20 December."), "visit")
    assert visit.status == "occurred"
    assert visit.date == "2023-12-20"


# -- one occurrence told in several sentences ---------------------------------------------

def test_a_lead_sentence_and_a_later_dated_sentence_are_one_signing(read) -> None:
    record = read(
        "Üsküdar Municipality signed a sister city protocol with Batumi.\n\n"
        "The protocol was signed on 14 June 2023 at a ceremony in Batumi.\n",
        published="2023-06-16")
    signing = only(record, "signing")
    assert signing.status == "occurred"
    assert signing.date == "2023-06-14"
    assert signing.place == "Batumi"
    assert len(signing.evidence) == 2


def test_two_signings_on_different_dates_stay_apart(read) -> None:
    record = read(
        "Bursa and Shymkent signed a cooperation agreement on 5 March 2021. "
        "Bursa and Batumi signed a cooperation agreement on 9 October 2023.")
    dates = sorted(e.date for e in events(record, "signing"))
    assert dates == ["2021-03-05", "2023-10-09"]


def test_the_second_day_of_a_dated_multi_day_visit_is_the_day_after_it_began(read) -> None:
    record = read("The mayor of Osh Ali Bekov paid a three-day visit to Bursa on 4-6 May 2023. On the second day, "
                  "Ali Bekov and the mayor of Bursa signed a cooperation protocol.", published="2023-05-10")
    assert only(record, "visit").date == "2023-05-04/2023-05-06"
    assert only(record, "signing").date == "2023-05-05"


def test_the_last_day_of_a_dated_multi_day_forum_is_its_end(read) -> None:
    record = read("Mayor of Kadıköy Ayşe Demir attended the Silk Road Mayors Forum in Samarkand on 10-12 April 2023. "
                  "On the last day she met the mayor of Samarkand Rustam Aliyev.", published="2023-04-20")
    assert only(record, "meeting").date == "2023-04-12"


def test_an_ordinal_day_beyond_the_visit_gives_no_day(read) -> None:
    record = read("The mayor of Osh Ali Bekov paid a three-day visit to Bursa on 4-6 May 2023. On the fifth day, "
                  "Ali Bekov and the mayor of Bursa signed a cooperation protocol.", published="2023-05-10")
    assert only(record, "signing").date != "2023-05-08"


# -- attendance and ratification --------------------------------------------------------

def test_attending_a_forum_is_attendance(read) -> None:
    record = read("Mayor of Kadıköy Ayşe Demir attended the Turkic World Municipalities Forum in Turkistan "
                  "on 30-31 May 2022.", published="2022-06-02")
    attendance = only(record, "attendance")
    assert attendance.status == "occurred"
    assert attendance.date == "2022-05-30/2022-05-31"
    assert attendance.place == "Turkistan"
    assert "Ayşe Demir" in attendance.participants


def test_taking_part_in_a_forum_is_attendance(read) -> None:
    record = read("Mayor of Kadıköy Ayşe Demir took part in the International Forum of Mayors in Astana.")
    attendance = only(record, "attendance")
    assert attendance.status == "occurred"
    assert attendance.place == "Astana"


def test_a_gathering_attended_by_someone_is_their_attendance(read) -> None:
    record = read("Teachers met at the Open University for a workshop on soil. "
                  "It was attended by French Consul Marc Dubois.")
    assert "Marc Dubois" in only(record, "attendance").participants


def test_those_attending_a_reported_meeting_are_part_of_the_meeting(read) -> None:
    record = read("Mayor of Osh Ali Bekov met the mayor of Bursa Aylin Kaya on Monday. "
                  "The meeting was attended by Deputy Mayor Emre Tunc.")
    assert not events(record, "attendance")
    assert "Emre Tunc" in only(record, "meeting").participants


def test_being_in_a_town_for_a_named_festival_is_attending_it(read) -> None:
    record = read("Deputy Mayor Aliya Nurova and her delegation, who were in Bursa for the Silk Road Film Festival, "
                  "visited the Union of Turkic Towns on 3 May 2023.", published="2023-05-10")
    assert "Aliya Nurova" in only(record, "attendance").participants
    assert only(record, "visit").date == "2023-05-03"


def test_a_body_represented_at_an_assembly_attended_it_on_the_assembly_days(read) -> None:
    record = read("Bursa University at the Turkic Universities Assembly\n\n"
                  "The fifth General Assembly of the Union of Turkic Universities was held in Osh on 2-4 May 2023. "
                  "Bursa University was represented by its vice-rector Emre Tunc.", published=None)
    attendance = only(record, "attendance")
    assert {"Bursa University", "Emre Tunc"} <= set(attendance.participants)
    assert attendance.date == "2023-05-02/2023-05-04"


@pytest.mark.parametrize("parliament", ["The Mazhilis", "The Parliament of Kazakhstan"])
def test_a_parliament_ratifying_an_agreement_is_a_ratification(read, parliament: str) -> None:
    record = read(f"{parliament} ratified the agreement between Kazakhstan and Uzbekistan on transport "
                  "cooperation on Wednesday.", published="2024-01-12")
    ratification = only(record, "ratification")
    assert ratification.status == "occurred"
    assert ratification.date == "2024-01-10"
    assert {"Kazakhstan", "Uzbekistan", parliament.removeprefix("The ")} <= set(ratification.participants)


# -- evidence --------------------------------------------------------------------------

def test_evidence_offsets_point_at_the_sentence_in_a_one_line_article(read) -> None:
    text = "Mayor of Üsküdar Ali Kaya met business leaders in Bursa. He visited Batumi on 4 March 2023."
    visit = only(read(text, published="2023-03-06"), "visit")
    ev = visit.evidence[0]
    assert ev.sentence == "He visited Batumi on 4 March 2023."
    assert text[ev.start : ev.end] == ev.sentence


def test_evidence_offsets_point_at_the_sentence_in_an_article_with_paragraphs(read) -> None:
    text = ("Üsküdar and Batumi become sister cities\n\n"
            "Üsküdar Municipality signed a sister city protocol with Batumi.\n\n"
            "The protocol was signed on 14 June 2023 at a ceremony in Batumi.\n")
    signing = only(read(text, published="2023-06-16"), "signing")
    assert signing.evidence
    for ev in signing.evidence:
        assert ev.sentence in text
        assert text[ev.start : ev.end] == ev.sentence


# -- sentence boundaries and tokens -------------------------------------------------------

def test_a_sentence_does_not_end_after_a_parenthesised_acronym(nlp) -> None:
    doc = nlp("A friendship protocol was signed in Bursa by two member cities of the International Union of "
              "Local Authorities (IULA) Kazan Municipality from Russia and Aktobe Municipality.")
    assert len(list(doc.sents)) == 1


def test_the_signing_before_a_parenthesised_acronym_keeps_its_parties(read) -> None:
    record = read("A friendship protocol was signed in Bursa by two member cities of the International Union of "
                  "Local Authorities (IULA) Kazan Municipality from Russia and Aktobe Municipality.")
    assert {"Kazan Municipality", "Aktobe Municipality"} <= set(only(record, "signing").participants)


def test_full_stops_closing_quotes_and_line_breaks_still_end_sentences(nlp) -> None:
    doc = nlp("Bursa and Osh sign a protocol\n\n"
              "The mayors met in Bursa on 4 May 2023. “We are friends.” The protocol followed.")
    assert [s.text.strip() for s in doc.sents] == [
        "Bursa and Osh sign a protocol", "The mayors met in Bursa on 4 May 2023.", "“We are friends.”",
        "The protocol followed."]


def test_an_acronym_glued_to_its_name_is_read_as_the_acronym(read) -> None:
    record = read("The Caspian Shipping Company(CSC) and Baku Port signed a memorandum in Aktau. "
                  "CSC will open an office there.")
    company = next(e for e in record.entities if e.name == "Caspian Shipping Company")
    assert company.aliases == ["CSC"]


# -- occurrences first named by a noun (E1) ------------------------------------------------

def test_the_visit_framing_a_signing_is_a_visit_of_its_own(read) -> None:
    record = read("As part of the visit of the Foreign Minister of Estonia Kaja Tamm to Georgia, "
                  "the two sides signed four documents.")
    assert {"Kaja Tamm", "Georgia"} <= set(only(record, "visit").participants)
    assert only(record, "signing").status == "occurred"


def test_during_the_trip_as_the_first_mention_is_a_visit(read) -> None:
    record = read("During the trip, Governor Aidos Nurlan also held talks with the Mayor of Antalya Cem Yildiz.")
    assert "Aidos Nurlan" in only(record, "visit").participants
    assert "Cem Yildiz" in only(record, "meeting").participants


def test_signed_during_talks_gives_the_talks_as_a_meeting(read) -> None:
    record = read("The agreement on road transport was signed during talks between Kazakhstan and Mongolia "
                  "in Ulaanbaatar.")
    assert {"Kazakhstan", "Mongolia"} <= set(only(record, "meeting").participants)
    assert only(record, "signing")


def test_an_attended_signing_ceremony_is_a_signing(read) -> None:
    record = read("Once the meeting ended, Governor Lena Holm attended the signing ceremony for trade agreements "
                  "between Uppsala County and Kyoto Prefecture.")
    assert {"Uppsala County", "Kyoto Prefecture"} <= set(only(record, "signing").participants)


def test_a_planned_programme_ending_with_the_signing_of_a_memorandum_plans_a_signing(read) -> None:
    record = read("The forum of Osh and Bursa will open on Friday with talks between officials of both towns, followed by "
                  "a plenary session and the signing of a memorandum on tourism.")
    assert only(record, "signing").status == "planned"


def test_a_later_mention_of_the_visit_is_the_same_visit(read) -> None:
    record = read("Mayor of Osh Ali Bekov visited Bursa on 4 May 2023. During the visit, he toured the old town.",
                  published="2023-05-06")
    assert only(record, "visit").date == "2023-05-04"


# -- trigger vocabulary (E2, T13) ----------------------------------------------------------

def test_a_delegation_that_came_to_a_town_visited_it(read) -> None:
    record = read("A delegation of the Pavlodar region came to Novosibirsk for a trade fair.")
    assert {"Pavlodar region", "Novosibirsk"} <= set(only(record, "visit").participants)


def test_people_who_will_be_in_a_town_on_given_days_plan_a_visit(read) -> None:
    visit = only(read("Four teachers from Daegu will be in Omaha from 3 to 6 March.", published="2024-02-20"), "visit")
    assert visit.status == "planned"
    assert visit.date == "2024-03-03/2024-03-06"
    assert "Daegu" in visit.participants


def test_where_a_town_is_is_no_visit(read) -> None:
    assert not read("The town of Osh is in Kyrgyzstan.").events


def test_welcoming_delegates_from_a_town_is_their_visit_and_a_meeting(read) -> None:
    record = read("Bursa warmly welcomed delegates from Shymkent on Monday.")
    assert {"Bursa", "Shymkent"} <= set(only(record, "visit").participants)
    assert only(record, "visit").date == "2024-01-08"
    assert only(record, "meeting")


def test_a_parliament_approving_an_agreement_ratifies_it(read) -> None:
    record = read("The Parliament of Georgia on Tuesday approved the air transport agreement with Armenia.")
    ratification = only(record, "ratification")
    assert ratification.date == "2024-01-09"
    assert {"Parliament of Georgia", "Armenia"} <= set(ratification.participants)
    assert not events(record, "signing")


def test_a_delegation_to_a_forum_led_by_someone_is_their_attendance(read) -> None:
    record = read("Georgia's delegation to the Black Sea forum was led by Deputy Minister Levan Kiknadze.")
    assert "Levan Kiknadze" in only(record, "attendance").participants


# -- mentions that report no occurrence (E5) -----------------------------------------------

@pytest.mark.parametrize("text", [
    "The mayor of Osh visited Bursa on 3 May 2023. “Just signing a protocol will not be enough,” he said.",
    "Residents of Osh can sign up for the exchange programme with Batumi.",
    "The mayors of Osh and Bursa discussed future visits.",
    "If the president signs the law, the agreement between Osh and Batumi takes effect.",
    "The mayor of Osh did not sign the protocol with Batumi.",
])
def test_generic_hypothetical_or_negated_mentions_create_no_signing_or_extra_visit(read, text: str) -> None:
    record = read(text, published="2023-05-06")
    assert not events(record, "signing")
    assert len(events(record, "visit")) <= 1


def test_an_occurrence_under_a_modal_or_a_condition_is_none(read) -> None:
    record = read("The mayors of Osh and Bursa will discuss whether they could invite Batumi for a working visit.")
    assert not events(record, "visit")


# -- several occurrences in one sentence (E7) ----------------------------------------------

def test_two_agreements_dated_apart_in_one_sentence_are_two_signings(read) -> None:
    record = read("On 5 March 2001, Bergen and Turku signed a memorandum of friendship, later extended by a "
                  "trade protocol concluded on 20 October 2004.")
    assert sorted(e.date for e in events(record, "signing")) == ["2001-03-05", "2004-10-20"]


# -- dates told apart from the trigger (E3) ------------------------------------------------

def test_a_follow_up_sentence_dates_the_visit(read) -> None:
    record = read("A delegation of the Red Crescent visited the Minister of Education Aibek Sadyrov. "
                  "The visit, held on 12 April 2022, covered school meals.")
    assert only(record, "visit").date == "2022-04-12"


def test_on_the_same_day_is_the_day_of_the_previous_occurrence_not_the_last_date_written(read) -> None:
    record = read("The Saeima on Thursday approved the agreement with Estonia that the two governments signed on "
                  "3 March 2023. On the same day, the Saeima ratified a treaty between Latvia and Poland on rail "
                  "transport.")
    ratifications = events(record, "ratification")
    assert len(ratifications) == 2
    assert {e.date for e in ratifications} == {"2024-01-04"}


def test_what_already_happened_is_not_dated_by_a_later_plan(read) -> None:
    visit = only(read("A youth exchange with Bursa is planned in 2026. Guests from Bursa toured Osh."), "visit")
    assert visit.status == "occurred"
    assert visit.date == "2024-01-10"


def test_a_past_weekday_is_not_moved_forward_by_a_plan_in_the_next_sentence(read) -> None:
    record = read("Peoria hosted officials from Ueda on Thursday. A student trip to Ueda is planned for 2026.")
    visit = next(e for e in events(record, "visit") if e.status == "occurred")
    assert visit.date == "2024-01-04"


# -- participants (E6) ---------------------------------------------------------------------

def test_a_nationality_word_inside_a_place_name_adds_no_country(read) -> None:
    record = read("Mayor Anne Roy of Kelowna, British Columbia signed a friendship agreement with Gimhae "
                  "on 3 May 2023.")
    assert "United Kingdom" not in only(record, "signing").participants


def test_a_pair_of_nationality_words_names_both_states(read) -> None:
    record = read("The Kyrgyz-Tajik talks on the border were held in Osh on 3 May 2023.")
    assert {"Kyrgyzstan", "Tajikistan"} <= set(only(record, "meeting").participants)


def test_a_pronoun_subject_carries_the_people_of_the_previous_event(read) -> None:
    record = read("Mayor of Osh Ali Bekov met the mayor of Bursa Aylin Kaya on Monday. He then visited the old bazaar.")
    assert "Ali Bekov" in only(record, "visit").participants


def test_a_speakers_own_visit_in_a_quote_takes_nobody_from_the_previous_event(read) -> None:
    record = read("Mayor of Osh Ali Bekov met the mayor of Bursa Aylin Kaya on Monday. "
                  "“It is my first visit to a town of such beauty,” one student told reporters.")
    assert not events(record, "visit")


def test_a_day_within_a_dated_visit_is_the_same_visit(read) -> None:
    record = read("A delegation of Osh paid a field visit to Bursa on 4-6 May 2023. As part of the field "
                  "visit, the delegation held a meeting with the mayor of Bursa Aylin Kaya on 5 May 2023.",
                  published="2023-05-10")
    assert only(record, "visit").date == "2023-05-04/2023-05-06"
    assert only(record, "meeting").date == "2023-05-05"


def test_the_day_a_plan_was_announced_is_not_the_day_of_the_plan(read) -> None:
    record = read("Mayor Aylin Kaya of Bursa will travel to Osh on Friday to attend the Silk Road forum, "
                  "according to a statement issued by her office on Wednesday.")
    assert only(record, "visit").date == "2024-01-12"
    assert only(record, "attendance").date != "2024-01-10"


def test_a_later_sentence_dates_the_gathering_attended(read) -> None:
    record = read("Mayor Aylin Kaya of Bursa will attend the Silk Road forum in Osh. "
                  "During the forum on 20 January, the mayors will discuss tourism.")
    attendance = only(record, "attendance")
    assert attendance.status == "planned"
    assert attendance.date == "2024-01-20"


def test_an_undated_signing_is_not_merged_into_a_later_dated_one_of_another_agreement(read) -> None:
    record = read("The mayor of Bursa Aylin Kaya visited Batumi on 3 May 2023. She toured the port. "
                  "Bursa and Batumi signed a protocol on youth exchanges. "
                  "In 2019, Bursa and Batumi signed a memorandum on trade.", published="2023-05-05")
    assert sorted(e.date for e in events(record, "signing")) == ["2019", "2023-05-03"]


def test_a_headline_in_the_progressive_is_not_dated_by_publication(read) -> None:
    record = read("Mayor of Osh Ali Bekov visiting Bursa\n\nThe programme includes a concert in the old town.")
    assert only(record, "visit").date is None


def test_welcoming_a_town_as_a_new_twin_is_no_meeting(read) -> None:
    record = read("The council of Riga welcomed Tartu as a new twin town on Monday.")
    assert not events(record, "meeting")


def test_a_sentence_opening_at_the_site_adds_its_people_to_the_event_just_told(read) -> None:
    record = read("On 2 June 2023 the guests held a meeting at the office of the Aktau Seaport. At the site, "
                  "Port Director Dana Serikova showed them the new terminal.", published="2023-06-05")
    meeting = only(record, "meeting")
    assert "Dana Serikova" in meeting.participants


def test_an_existential_there_does_not_carry_people_into_the_last_event(read) -> None:
    record = read("On 2 June 2023 the guests held a meeting at the Aktau Seaport. There are plans, Mayor "
                  "Dana Serikova said later, for a ferry line.", published="2023-06-05")
    assert "Dana Serikova" not in only(record, "meeting").participants


def test_a_delegation_expected_in_a_town_is_a_planned_visit(read) -> None:
    record = read("A delegation from Gyeongju is expected in Lincoln next month.", published="2024-03-12")
    visit = only(record, "visit")
    assert (visit.status, visit.date) == ("planned", "2024-04")
    assert {"Gyeongju", "Lincoln"} <= set(visit.participants)


def test_he_as_the_subject_of_a_later_meeting_is_the_one_person_of_the_story(read) -> None:
    record = read("The mayor of Bursa, Mustafa Bozbey, visited Samarkand on Monday. During his visit he met "
                  "the khokim of Samarkand.", published="2024-03-12")
    assert "Mustafa Bozbey" in only(record, "meeting").participants


def test_greeted_by_the_mayor_is_a_meeting(read) -> None:
    record = read("The group, led by Deputy Mayor Kenta Sato, was greeted at City Hall by Mayor Jane Brooks on "
                  "Tuesday.", published="2024-10-18")
    assert {"Kenta Sato", "Jane Brooks"} <= set(only(record, "meeting").participants)


# -- events in the styles of wires, press releases and local papers (benchmarks/tuning/roles) --------------

def test_a_headline_that_tells_the_bodys_trip_in_short_is_not_a_second_trip(read) -> None:
    record = read("Council backs twinning with Japanese town; mayor to travel in October\n\n"
                  "The Ames City Council voted on Tuesday to approve a sister-city agreement with Koga. "
                  "Mayor John Haila of Ames will travel to Koga in October to sign it.", published="2024-09-19")
    visit = only(record, "visit")
    assert visit.status == "planned" and visit.date == "2024-10"
    assert "Koga" in visit.participants


def test_a_verb_past_tense_of_hoping_plans_what_follows_it(read) -> None:
    record = read("The rector said the university hoped to sign an exchange agreement with Kyushu University in October.",
                  published="2024-09-19")
    assert only(record, "signing").status == "planned"


def test_taking_part_in_the_meeting_told_is_being_one_of_its_participants(read) -> None:
    record = read("On 18 February, Hokim of Bukhara region Botir Zaripov received a delegation of Gansu Province. "
                  "In the meeting also participated Hokim of Bukhara city Jamshid Khamroev.", published="2025-02-20")
    assert events(record, "attendance") == []
    assert "Jamshid Khamroev" in only(record, "meeting").participants


def test_a_later_year_in_a_back_reference_does_not_date_what_already_happened(read) -> None:
    record = read("On Monday the rector received the delegation of Oulu University. During the meeting the two "
                  "universities agreed to open a joint master's programme in 2026.", published="2025-04-17")
    meeting = only(record, "meeting")
    assert meeting.status == "occurred" and meeting.date == "2025-04-14"


def test_a_date_in_a_clause_on_when_another_gathering_is_held_is_that_gatherings(read) -> None:
    record = read("On the sidelines of the forum the mayor of Kazan met Secretary General Rasikh Sagitov to discuss "
                  "the congress, which will be held in Kazan in November.", published="2025-06-06")
    meeting = only(record, "meeting")
    assert meeting.status == "occurred" and meeting.date != "2025-11"


def test_a_relative_clause_dates_the_arrival_it_tells(read) -> None:
    record = read("Kvaratskhelia, who arrived in Gyumri on Tuesday at the head of a delegation of Kutaisi City Hall, "
                  "said the cities share a long history. On Thursday the guests visited the Gyumri Technology Centre.",
                  published="2024-12-13")
    assert sorted(v.date for v in events(record, "visit")) == ["2024-12-10", "2024-12-12"]


def test_one_host_meeting_two_guests_the_same_day_holds_two_meetings(read) -> None:
    record = read("On 12 June 2024, Deputy Minister Roman Vassilenko received Ambassador of Hungary Zoltan Varga. "
                  "The same day, Vassilenko met with Marco Rossi, the newly appointed Ambassador of Italy.",
                  published="2024-06-14")
    meetings = events(record, "meeting")
    assert len(meetings) == 2
    assert all(m.date == "2024-06-12" for m in meetings)
    guests = sorted(sorted({"Zoltan Varga", "Marco Rossi"} & set(m.participants)) for m in meetings)
    assert guests == [["Marco Rossi"], ["Zoltan Varga"]]


def test_a_year_after_since_dates_a_partnership_not_the_visit(read) -> None:
    record = read("Mayor Kenji Ota of Matsue returned on Tuesday from a visit to New Orleans, the city's sister "
                  "city since 1994.", published="2025-03-07")
    assert all(v.date != "1994" for v in events(record, "visit"))


def test_welcoming_a_delegation_from_a_town_spacy_reads_as_a_person_is_their_visit(read) -> None:
    record = read("Freiburg's Lord Mayor Martin Horn welcomed a delegation from Besançon led by its mayor, Anne "
                  "Vignot, at the town hall on Saturday.", published="2024-10-25")
    visit = only(record, "visit")
    assert "Besançon" in visit.participants and visit.date == "2024-10-19"


def test_the_ceremony_told_after_an_undated_signing_dates_it(read) -> None:
    record = read("The cities of Gyumri and Vanadzor signed a cooperation agreement. The ceremony took place on "
                  "3 May in the city hall.", published="2024-05-17")
    assert only(record, "signing").date == "2024-05-03"


def test_the_meeting_dated_after_a_reception_dates_the_visit_told_with_it(read) -> None:
    record = read("The Mayor of Osh received a delegation from Bursa. The meeting was held on May 10.",
                  published="2024-05-17")
    assert only(record, "visit").date == "2024-05-10" and only(record, "meeting").date == "2024-05-10"


def test_the_day_a_statement_was_made_does_not_date_the_signing_it_reports(read) -> None:
    record = read("Bursa and Osh signed a cooperation protocol, the municipality said on Friday. The protocol was "
                  "signed on 12 May.", published="2024-05-17")
    assert only(record, "signing").date == "2024-05-12"


def test_leading_a_delegation_to_a_town_is_a_visit(read) -> None:
    record = read("The deputy mayor of Tshwane will lead a business delegation to Pune in November.",
                  published="2025-08-14")
    visit = only(record, "visit")
    assert visit.status == "planned" and visit.date == "2025-11" and "Pune" in visit.participants


def test_returning_from_a_visit_tells_the_visit(read) -> None:
    record = read("Mayor Akihiko Uesada of Matsue returned on Tuesday from a five-day visit to New Orleans.",
                  published="2025-03-07")
    visit = only(record, "visit")
    assert visit.status == "occurred" and "New Orleans" in visit.participants


# -- the story's own time: undated follow-ups, background, habits ---------------------------

def test_undated_follow_ups_take_the_leads_day_not_a_background_year(read) -> None:
    record = read("VARNA, May 8 - Mayor of Varna Petar Ivanov held talks with Mayor of Odesa Olena Bondar in Varna "
                  "on Tuesday.\n\nThe towns first signed a friendship agreement in 2006 in Odesa.\n\n"
                  "Before the signing, the two mayors toured the port of Varna. Following the talks, Ivanov and Bondar "
                  "signed a memorandum on ferry links.", published="2024-05-08")
    dates = sorted((e.type, e.date) for e in record.events if e.type == "signing")
    assert dates == [("signing", "2006"), ("signing", "2024-05-07")]
    assert only(record, "meeting").date == "2024-05-07"


def test_a_dated_background_signing_does_not_absorb_the_storys_undated_one(read) -> None:
    record = read("Governor of Batken region Aibek Toktorov met Governor of Sughd region Rustam Aliev in Batken "
                  "on 3 June 2024. Following the talks, the regions signed a roadmap on water use. "
                  "In 2011 the two regions signed their first agreement on border trade.", published="2024-06-05")
    assert sorted(e.date for e in record.events if e.type == "signing") == ["2011", "2024-06-03"]


def test_a_later_time_inside_a_visit_dates_what_follows_it(read) -> None:
    record = read("A delegation from Tartu was in Turku on a three-day visit on 12-14 March 2024. On the third day, "
                  "the guests toured the Turku shipyard. In the afternoon, Mayor of Tartu Mart Kask and Mayor of Turku "
                  "Ilkka Salo signed a protocol on cooperation.", published="2024-03-18")
    assert only(record, "signing").date == "2024-03-14"


def test_a_visit_told_last_week_takes_the_days_a_later_sentence_gives(read) -> None:
    record = read("Rector of Vilnius University Jonas Petraitis visited the University of Tartu last week. "
                  "The visit took place on 3-4 April.", published="2024-04-10")
    assert only(record, "visit").date == "2024-04-03/2024-04-04"


def test_an_undated_report_marked_earlier_keeps_no_date(read) -> None:
    record = read("Gdansk and Kalmar signed a protocol on 2 May 2024. The port of Gdansk earlier signed similar "
                  "agreements with the Port of Aarhus and the Port of Riga.", published="2024-05-03")
    dates = sorted((e.date or "-") for e in record.events if e.type == "signing")
    assert dates == ["-", "2024-05-02"]


def test_a_meeting_told_as_a_habit_is_no_event(read) -> None:
    record = read("The joint commission of Shymkent and Bukhara has met every year since 2015.", published="2024-05-03")
    assert events(record, "meeting") == []


def test_a_town_that_received_a_million_visitors_held_no_meeting(read) -> None:
    record = read("Bukhara, which received 1.2 million foreign visitors last year, opened a new airport terminal.",
                  published="2024-05-03")
    assert events(record, "meeting") == []


def test_flying_home_ends_a_visit_and_starts_none(read) -> None:
    record = read("Ten students from Gyeongju arrived in Lincoln on Monday, 6 May 2024, and flew home on Saturday.",
                  published="2024-05-14")
    assert [e.date for e in record.events if e.type == "visit"] == ["2024-05-06"]


def test_would_in_reported_speech_is_a_plan(read) -> None:
    record = read("Mayor Anna Berg said a group of Falun teachers would travel to Lahti in March.", published="2024-01-10")
    visit = only(record, "visit")
    assert visit.status == "planned"
    assert visit.date == "2024-03"


def test_a_date_in_a_relative_clause_on_the_agreement_is_not_the_signings(read) -> None:
    record = read("On 2 July 2024 the rectors of Opole University and Ternopil University signed an agreement on a joint "
                  "master's programme, which will admit its first students in October 2025.", published="2024-07-05")
    signing = only(record, "signing")
    assert (signing.status, signing.date) == ("occurred", "2024-07-02")


def test_a_date_inside_another_trip_is_that_trips(read) -> None:
    record = read("Mayor of Suwon Park Min-jae will travel to Tashkent on 12 May 2025. The visit follows a trip to "
                  "Suwon by Deputy Khokim of Tashkent Aziz Karimov last October.", published="2025-05-02")
    dates = sorted((e.status, e.date) for e in record.events if e.type == "visit")
    assert dates == [("occurred", "2024-10"), ("planned", "2025-05-12")]


def test_since_a_year_when_they_signed_dates_that_signing(read) -> None:
    record = read("Kharkiv and Kaunas have worked together since 2015, when they signed a cooperation agreement in "
                  "Kaunas.", published="2024-07-05")
    assert only(record, "signing").date == "2015"


def test_received_and_worked_with_a_delegation_of_a_province_is_a_meeting_and_a_visit(read) -> None:
    record = read("On 14 October 2024, Chairman of the Provincial People's Committee Le Van Thanh received and worked "
                  "with the delegation of Champasak Province led by Vice Governor Khamla Vong.", published="2024-10-16")
    assert only(record, "meeting").date == "2024-10-14"
    assert only(record, "visit").date == "2024-10-14"


def test_a_sentence_framed_by_an_earlier_trip_takes_that_trips_date(read) -> None:
    record = read("Mayor of Tartu Mart Kask will travel to Izmir on 20 May 2025. The visit follows a trip to Tartu by "
                  "Deputy Mayor of Izmir Deniz Arslan last October. During that trip Arslan toured the Tartu science park.",
                  published="2025-05-02")
    past = [e for e in record.events if e.type == "visit" and e.status == "occurred"]
    assert [e.date for e in past] == ["2024-10"]


def test_the_memorandum_signed_by_two_officials_is_the_signing_just_told(read) -> None:
    record = read("The Port of Constanta and the Port of Poti signed a memorandum on ferry traffic on 3 March 2025. "
                  "The memorandum was signed in Poti by director Ion Popescu and chief executive Levan Beridze.",
                  published="2025-03-05")
    signing = only(record, "signing")
    assert signing.date == "2025-03-03"
    assert {"Ion Popescu", "Levan Beridze"} <= set(signing.participants)


def test_the_venue_of_a_forum_is_not_one_of_its_attendees(read) -> None:
    record = read("Mayors from twelve countries took part in the Caspian Cities Forum, which opened in Aktau on "
                  "2 October 2024.", published="2024-10-04")
    assert events(record, "attendance") == []


def test_a_year_told_for_a_signing_in_the_storys_own_year_takes_the_storys_day(read) -> None:
    record = read("KUTAISI, June 6 - Mayor of Kutaisi Nino Gelashvili received Mayor of Ruse Ivan Petrov on Wednesday. "
                  "In 2024 the two towns also signed a memorandum on youth exchanges.", published="2024-06-06")
    assert only(record, "signing").date == "2024-06-05"


def test_the_years_an_agreement_covers_are_not_the_day_it_was_signed(read) -> None:
    record = read("Mayor of Plovdiv Ivan Kolev received Mayor of Brno Jana Novak on 4 March 2025. The mayors signed a "
                  "programme of cooperation until 2030.", published="2025-03-06")
    assert only(record, "signing").date == "2025-03-04"


def test_a_headline_of_one_of_several_signings_joins_the_one_it_names(read) -> None:
    record = read("Varna and Odesa sign port memorandum\nOn 3 June 2024 the ports of Varna and Odesa signed a memorandum "
                  "on container lines. On 4 June 2024 the universities of Burgas and Sofia signed an agreement on exchanges.",
                  published="2024-06-05")
    assert sorted(e.date for e in events(record, "signing")) == ["2024-06-03", "2024-06-04"]


def test_a_meeting_that_names_only_its_venue_is_no_event(read) -> None:
    record = read("The next meeting of the joint commission will be held in Khujand in 2026.", published="2025-03-06")
    assert events(record, "meeting") == []


def test_a_meeting_of_named_people_keeps_its_venue_beside_them(read) -> None:
    record = read("Mayor of Khujand Rustam Saidov met Mayor of Fergana Aziz Yusupov in Khujand on 4 March 2025.",
                  published="2025-03-06")
    assert {"Rustam Saidov", "Aziz Yusupov"} <= set(only(record, "meeting").participants)


def test_taking_part_in_an_activity_is_no_attendance(read) -> None:
    record = read("Since 2019 more than 300 pupils from Kutaisi have taken part in exchanges with schools in Ruse.",
                  published="2025-03-06")
    assert events(record, "attendance") == []


def test_taking_part_in_a_forum_of_cities_is_a_dated_attendance(read) -> None:
    record = read("Mayor of Kutaisi Nino Gelashvili took part in the forum of Black Sea cities in Ruse on 4 March 2025.",
                  published="2025-03-06")
    assert only(record, "attendance").date == "2025-03-04"


def test_days_set_off_after_a_framing_visit_narrow_that_visit(read) -> None:
    record = read("Mayor of Gabrovo Petar Stoev will travel to Aarhus next month. During the three-day visit, from 9 to 11 "
                  "June, Stoev is expected to meet Mayor of Aarhus Anders Holm.", published="2025-05-20")
    assert only(record, "visit").date == "2025-06-09/2025-06-11"


# -- dates of headlines, earlier and separate occurrences (benchmarks/tuning/events f01-f08) ----------------

@pytest.mark.parametrize(("text", "type_", "date"), [
    pytest.param("Kazan and Tabriz sign cooperation memorandum\n\nThe mayors of Kazan and Tabriz met on Tuesday at the "
                 "Kazan city hall. Mayor Ilsur Metshin and Mayor Yaqub Hoorshad signed a memorandum on cooperation.",
                 "signing", "2025-06-03", id="an undated headline takes the day the story gives its report"),
    pytest.param("Kazan and Tabriz sign cooperation memorandum\n\nMayor Ilsur Metshin and Mayor Yaqub Hoorshad signed "
                 "a memorandum on cooperation in tourism.",
                 "signing", "2025-06-05", id="an undated headline with no date in the story keeps the publication day"),
    pytest.param("Shymkent and Bukhara sign twinning agreement\n\nThe mayors of Shymkent and Bukhara signed a twinning "
                 "agreement at the Shymkent city hall. Mayor Gabit Syzdykbekov said the Bukhara guests had arrived "
                 "in the city on Monday.",
                 "signing", "2025-06-02", id="an undated lead takes the first day the story tells after it"),
    pytest.param("The protocol was signed in Tashkent in March during the state visit of President Ilham Aliyev to "
                 "Uzbekistan.", "visit", "2025-03", id="a visit during which a protocol was signed takes its month"),
])
def test_the_day_of_an_occurrence_told_undated(read, text: str, type_: str, date: str) -> None:
    assert only(read(text, published="2025-06-05"), type_).date == date


@pytest.mark.parametrize(("text", "type_", "dates"), [
    pytest.param("Mayor Ilsur Metshin of Kazan held talks with Mayor Yaqub Hoorshad of Tabriz on Tuesday. The two "
                 "mayors last met in Tabriz in February.", "meeting", ["2025-02", "2025-06-03"],
                 id="when two mayors last met is not the meeting the story reports"),
    pytest.param("The Milli Majlis today ratified the agreement between Azerbaijan and Georgia on civil protection. "
                 "Earlier this year, the Parliament of Georgia ratified the same agreement.", "ratification",
                 ["2025-01-01/2025-06-04", "2025-06-05"], id="a ratification earlier this year is not today's"),
    pytest.param("The mayors of Kazan and Tabriz met on Tuesday in Kazan. Kazan and Tabriz, which signed their first "
                 "agreement in 2012, signed a memorandum on tourism.", "signing", ["2012", "2025-06-03"],
                 id="a signing in the main clause is told beside one in its relative clause"),
    pytest.param("Kazan and Tabriz signed a memorandum on tourism on Tuesday. In a separate ceremony, Kazan and Tabriz "
                 "signed an agreement on student exchanges.", "signing", ["2025-06-03", "2025-06-03"],
                 id="an agreement signed in a separate ceremony is a second signing"),
])
def test_occurrences_told_apart_stay_apart(read, text: str, type_: str, dates: list[str]) -> None:
    assert sorted(e.date or "" for e in events(read(text, published="2025-06-05"), type_)) == dates


def test_thousands_of_tourists_coming_to_a_town_is_no_visit(read) -> None:
    record = read("About 4,000 Iranian tourists came to Kazan last year. "
                  "More than 50,000 people took part in the Sabantuy festival in Kazan.", published="2025-06-05")
    assert not events(record, "visit") and not events(record, "attendance")


def test_a_law_entering_into_force_once_the_president_signs_it_is_no_signing(read) -> None:
    record = read("The law on ratification will enter into force once the President signs it.", published="2025-06-05")
    assert not events(record, "signing")


def test_a_council_approving_the_twinning_ratifies_it(read) -> None:
    record = read("The Kaunas City Council on Thursday approved the twinning with Lviv.", published="2025-06-06")
    ratification = only(record, "ratification")
    assert ratification.date == "2025-06-05"
    assert {"Kaunas City Council", "Lviv"} <= set(ratification.participants)


def test_approving_the_establishment_of_sister_city_relations_is_a_ratification(read) -> None:
    record = read("The Kaunas City Council approved the establishment of sister city relations with Lviv.",
                  published="2025-06-06")
    assert "Lviv" in only(record, "ratification").participants


def test_a_council_approving_its_budget_ratifies_nothing(read) -> None:
    record = read("The Kaunas City Council approved the budget for 2026 on Thursday.", published="2025-06-06")
    assert not events(record, "ratification")


def test_attending_the_signing_ceremony_just_told_joins_the_signing(read) -> None:
    record = read("Kazan and Tabriz signed a memorandum on Tuesday. The ceremony was attended by Consul General "
                  "Reza Karimi.", published="2025-06-05")
    assert not events(record, "attendance")
    assert "Reza Karimi" in only(record, "signing").participants


def test_another_agreement_signed_at_the_same_ceremony_is_one_signing(read) -> None:
    record = read("Osh and Bursa signed a memorandum on trade on Tuesday. They also signed another agreement on "
                  "education at the same ceremony.", published="2025-06-05")
    assert len(events(record, "signing")) == 1


def test_a_ceremony_told_paragraphs_after_a_signing_is_another_occasion(read) -> None:
    record = read("In 2019 Yazd and Herat signed a memorandum on tourism. The partnership brought new flights.\n\n"
                  "On 3 May an exhibition of carpets opened at the city museum. The ceremony was attended by the "
                  "Consul General of Iran, Reza Karimi.", published="2024-05-04")
    assert "Reza Karimi" not in only(record, "signing").participants
    assert "Reza Karimi" in only(record, "attendance").participants


def test_taking_part_in_the_talks_just_told_joins_the_meeting(read) -> None:
    record = read("The mayors of Kazan and Tabriz met on Tuesday. Representatives of Kazan Federal University also "
                  "took part in the talks.", published="2025-06-05")
    assert not events(record, "attendance")
    assert "Kazan Federal University" in only(record, "meeting").participants


def test_taking_part_in_a_network_in_the_present_is_membership_not_attendance(read) -> None:
    record = read("Kazan and Tabriz signed a memorandum on Tuesday. The two cities also participate in the "
                  "Silk Road Cities network. Teams from Kazan have taken part in the Tabriz Marathon since 2015.",
                  published="2025-06-05")
    assert not events(record, "attendance")


def test_taking_part_in_a_named_festival_after_a_signing_is_an_attendance(read) -> None:
    record = read("Kazan and Tabriz signed a memorandum on Tuesday. Mayor Ilsur Metshin also took part in the "
                  "Tabriz Carpet Festival.", published="2025-06-05")
    assert "Ilsur Metshin" in only(record, "attendance").participants


def test_receiving_a_consul_general_named_after_of_is_a_meeting(read) -> None:
    record = read("Mayor Ilsur Metshin on Wednesday received the consul general of Iran Reza Karimi, who took up his "
                  "post last year.", published="2025-06-05")
    meeting = only(record, "meeting")
    assert meeting.date == "2025-06-04"
    assert {"Ilsur Metshin", "Reza Karimi"} <= set(meeting.participants)


def test_the_delegation_taking_part_in_a_forum_is_the_visiting_party_told(read) -> None:
    record = read("The mayor of Da Nang Tran Chi Cuong visited Vladivostok on 5 November. Also the delegation took part "
                  "in the Eastern Cities Forum, organized by the Government of Primorsky Krai on 6 November.",
                  published="2025-11-07")
    attendance = only(record, "attendance")
    assert attendance.date == "2025-11-06"
    assert "Tran Chi Cuong" in attendance.participants and "Vladivostok" not in attendance.participants


def test_a_first_name_that_is_a_month_does_not_date_the_meeting(read) -> None:
    record = read("Aktau Mayor Ruslan Aliev held talks with a delegation from Singapore headed by its consul, "
                  "who thanked him for May Lin Tan's visit.", published="2025-03-12")
    meeting = only(record, "meeting")
    assert meeting.status == "occurred"
    assert meeting.date == "2025-03-12"


def test_a_signing_at_the_end_of_the_meeting_is_on_the_meetings_day(read) -> None:
    record = read("On 3 March, Mayor of Osh Zhenishbek Tokoev received Vice Mayor of Kashgar Ablimit Tursun. "
                  "At the end of last month, a delegation of Osh took part in a trade fair in Urumqi. "
                  "At the end of the meeting the parties signed a protocol on cooperation in education.",
                  published="2025-03-05")
    assert only(record, "signing").date == "2025-03-03"


def test_a_plan_told_with_a_dated_trip_takes_its_date(read) -> None:
    record = read("Mayor of Izmir Cemil Tugay will travel to Bremen in November, and the two mayors are expected to "
                  "sign a memorandum on port logistics there.", published="2025-09-03")
    signing = only(record, "signing")
    assert signing.status == "planned"
    assert signing.date == "2025-11"


def test_today_in_a_wire_filed_the_day_before_publication_is_the_filing_day(read) -> None:
    record = read("HANOI, Oct 15 (VNA) – Today, Governor of Vientiane Khamphet Sisavath is holding talks with "
                  "Chairman of the Hai Phong People's Committee Le Minh Quang in Hai Phong.", published="2025-10-16")
    assert only(record, "meeting").date == "2025-10-15"


def test_a_date_deep_in_a_relative_clause_is_not_the_meetings(read) -> None:
    record = read("On 3 March, Mayor of Osh Zhenishbek Tokoev received Vice Mayor of Kashgar Ablimit Tursun. "
                  "During the meeting the parties discussed the agreements which were reached at the end of last month "
                  "in Kashgar, when a delegation of Osh took part in a trade fair. At the end of the meeting the parties "
                  "signed a protocol on cooperation in education.", published="2025-03-05")
    assert [m.date for m in events(record, "meeting")] == ["2025-03-03"]
    assert only(record, "signing").date == "2025-03-03"


# -- dates and plans told around another occurrence ----------------------------------------------

def test_a_courtesy_call_paid_to_a_governor_is_a_meeting(read) -> None:
    record = read("On 16 November 2025 the delegation of Hue paid a courtesy call to Governor of Nara Prefecture "
                  "Aiko Tanaka.", published="2025-11-20")
    meeting = only(record, "meeting")
    assert meeting.date == "2025-11-16"
    assert "Aiko Tanaka" in meeting.participants


def test_a_visit_in_a_plan_approved_is_planned_and_no_agreement_is_ratified(read) -> None:
    record = read("The ministers of Kazakhstan and Uzbekistan approved a plan for a visit by a trade mission from "
                  "Tashkent to Shymkent in October.", published="2025-02-12")
    visit = only(record, "visit")
    assert visit.status == "planned"
    assert visit.date == "2025-10"
    assert not events(record, "ratification")


def test_a_date_of_the_purpose_of_a_signed_letter_does_not_date_the_signing(read) -> None:
    record = read("On Tuesday Mayor of Lincoln Laura Benson and Mayor of Yuseong Kim Jae-won signed a letter of intent "
                  "in Lincoln. Benson and Kim then signed a second letter to set up a student exchange, starting with "
                  "twenty students in the spring.", published="2025-08-11")
    assert {e.date for e in events(record, "signing")} == {"2025-08-05"}


def test_the_days_told_in_a_sentence_narrow_the_year_it_names(read) -> None:
    record = read("This year's first visit is already fixed: councillors from Speyer will be in Ravenna from 10 to "
                  "13 April.", published="2025-02-20")
    visit = only(record, "visit")
    assert visit.status == "planned"
    assert visit.date == "2025-04-10/2025-04-13"


def test_a_meeting_the_next_morning_is_dated_the_day_after_the_signing(read) -> None:
    record = read("The agreement was signed in Chisinau on 14 May 2025 by the ministers of Latvia and Moldova. "
                  "The next morning, Minister of Education of Latvia Anda Liepa met Prime Minister of Moldova Ion Sandu.",
                  published="2025-07-04")
    assert only(record, "meeting").date == "2025-05-15"


def test_a_date_told_before_two_joined_verbs_dates_both(read) -> None:
    record = read("On Thursday, the guests from Rustavi toured the Ganja Automobile Plant and held talks with the "
                  "board of the Ganja Chamber of Commerce.", published="2025-09-15")
    assert only(record, "meeting").date == "2025-09-11"


def test_leading_a_delegation_to_a_forum_is_attending_it(read) -> None:
    record = read("Mayor of Tartu Urmas Kask led the city's delegation to the Baltic Sea Towns Forum, which was held "
                  "in Pärnu from 6 to 8 June.", published="2025-06-12")
    attendance = only(record, "attendance")
    assert attendance.date == "2025-06-06/2025-06-08"
    assert "Urmas Kask" in attendance.participants


def test_an_undated_report_in_a_wire_is_dated_by_its_dateline(read) -> None:
    record = read("BAKU, Sept 13 (Caspian Wire) - The cities of Ganja and Rustavi signed a twinning agreement in Ganja.",
                  published="2025-09-15")
    assert only(record, "signing").date == "2025-09-13"


def test_a_document_signed_by_no_one_named_right_after_talks_is_signed_by_those_who_met(read) -> None:
    record = read("The governors of Samarkand and Bukhara met in Samarkand on Tuesday. Following the meeting, a "
                  "programme of cooperation until 2027 was signed.", published="2025-03-14")
    signing = only(record, "signing")
    assert signing.date == "2025-03-11"
    assert {"Samarkand", "Bukhara"} <= set(signing.participants)


def test_a_document_signed_by_no_one_named_long_after_the_last_report_names_no_signatories(read) -> None:
    record = read("The governors of Samarkand and Bukhara met in Samarkand on Tuesday. The weather was fine. "
                  "The old museum was rebuilt in 1990. A memorandum was signed.", published="2025-03-14")
    assert not events(record, "signing")


def test_a_visit_told_by_its_length_and_first_day_lasts_that_many_days(read) -> None:
    record = read("The mayor of Osh arrived in Kashgar on 5 April 2025 for a four-day visit. On the second day, he met "
                  "Governor of Kashgar Li Wei.", published="2025-04-17")
    assert only(record, "visit").date == "2025-04-05/2025-04-08"
    assert only(record, "meeting").date == "2025-04-06"


def test_the_last_day_of_a_visit_told_by_its_length_and_end_is_the_day_it_ended(read) -> None:
    record = read("A delegation from Ulsan led by Vice Mayor Park Sung-ho ended a three-day visit to Almaty on "
                  "Wednesday. On the last day of the visit, Park met the rector of Satbayev University, Nurlan Abenov.",
                  published="2025-04-17")
    assert only(record, "visit").date == "2025-04-16"
    assert only(record, "meeting").date == "2025-04-16"


def test_a_day_of_the_visit_is_inside_the_visit_not_another_visit(read) -> None:
    record = read("Ulsan delegation wraps up Almaty visit\n\nA delegation from Ulsan led by Vice Mayor Park Sung-ho ended "
                  "a three-day visit to Almaty on Wednesday. The guests arrived on Monday. On the last day of the visit, "
                  "Park met the rector of Satbayev University, Nurlan Abenov.", published="2025-04-17")
    assert only(record, "meeting").date == "2025-04-16"
    assert not [v for v in events(record, "visit") if v.evidence[0].sentence.startswith("On the last day")]


def test_the_next_session_of_a_named_commission_is_a_planned_meeting_of_it(read) -> None:
    record = read("The next session of the Kazakhstan-Uzbekistan Intergovernmental Commission is set for September in "
                  "Samarkand.", published="2025-02-12")
    meeting = only(record, "meeting")
    assert meeting.status == "planned"
    assert meeting.date == "2025-09"


def test_a_parliament_session_at_which_an_agreement_is_ratified_is_no_meeting(read) -> None:
    record = read("At the session of the Milli Majlis on Tuesday, the agreement with Georgia was ratified.",
                  published="2025-02-12")
    assert not events(record, "meeting")
    assert only(record, "ratification").date == "2025-02-11"


def test_a_training_session_of_a_club_is_no_meeting(read) -> None:
    record = read("On Monday the guests from Lviv visited a training session of the volleyball club BKS Bielsko-Biała.",
                  published="2025-10-14")
    assert not events(record, "meeting")


def test_a_visit_scheduled_for_a_month_is_a_planned_visit(read) -> None:
    record = read("A visit of Mayor of Osh Jenish Tashiev to Kashgar is scheduled for May.", published="2025-02-12")
    visit = only(record, "visit")
    assert visit.status == "planned"
    assert visit.date == "2025-05"


# -- meetings planned as the next of a series, laws signed, dates of clauses on the agreement ----------------

def test_agreeing_to_hold_the_next_meeting_plans_one_of_those_who_met(read) -> None:
    record = read("The governors of Penza Oblast and Mogilev Region met in Penza on Tuesday. The sides agreed to hold "
                  "the next meeting of the working group in Mogilev in October.", published="2024-11-15")
    planned = [e for e in events(record, "meeting") if e.status == "planned"]
    assert len(planned) == 1
    assert planned[0].date == "2025-10"  # October has passed: next year's
    assert {"Penza Oblast", "Mogilev Region"} <= set(planned[0].participants)


def test_ministers_meeting_again_are_those_who_met(read) -> None:
    record = read("Foreign Minister Aibek Tulegenov met his counterpart Dilshod Rakhimov in Astana on Monday. "
                  "The ministers will meet again in Tashkent in December.", published="2024-11-15")
    planned = [e for e in events(record, "meeting") if e.status == "planned"]
    assert len(planned) == 1
    assert planned[0].date == "2024-12"
    assert {"Aibek Tulegenov", "Dilshod Rakhimov"} <= set(planned[0].participants)


def test_the_next_round_of_consultations_is_a_planned_meeting(read) -> None:
    record = read("Deputy ministers Vepa Hajiyev and Lasha Darsalia held consultations in Ashgabat on Wednesday. "
                  "The sides agreed to hold the next round of consultations in Tbilisi in the second half of 2025.",
                  published="2025-03-07")
    planned = [e for e in events(record, "meeting") if e.status == "planned"]
    assert len(planned) == 1
    assert planned[0].date == "2025"
    assert "Lasha Darsalia" in planned[0].participants


def test_a_round_of_talks_held_by_those_told_is_a_meeting_of_those_who_met(read) -> None:
    record = read("The mayors of Osh and Bursa met in Ankara on 3 May 2024. "
                  "They will hold a further round of talks in Izmir in June.", published="2024-05-10")
    planned = [e for e in events(record, "meeting") if e.status == "planned"]
    assert len(planned) == 1
    assert planned[0].date == "2024-06"
    assert {"Osh", "Bursa"} <= set(planned[0].participants)


def test_a_round_of_talks_held_where_one_of_those_who_met_lies_names_that_party_once(read) -> None:
    record = read("The mayors of Osh and Bursa met in Osh on 3 May 2024. "
                  "They will hold a further round of talks in Bursa in June.", published="2024-05-10")
    planned = [e for e in events(record, "meeting") if e.status == "planned"]
    assert len(planned) == 1
    assert planned[0].participants.count("Bursa") == 1


def test_signing_a_law_on_ratification_is_no_agreement_signing(read) -> None:
    record = read("President Kassym-Jomart Tokayev signed the law on ratification of the agreement between Kazakhstan "
                  "and Estonia on readmission on Wednesday.", published="2025-04-18")
    assert events(record, "signing") == []
    ratification = only(record, "ratification")
    assert ratification.date == "2025-04-16"
    assert {"Kazakhstan", "Estonia"} <= set(ratification.participants)


def test_a_governor_signing_a_decree_signs_no_agreement(read) -> None:
    record = read("Governor of Issyk-Kul region Kubanychbek Kadyrov signed a decree on a tourist zone in Cholpon-Ata "
                  "on Thursday.", published="2025-07-04")
    assert events(record, "signing") == []


def test_the_date_of_a_participle_on_the_agreement_is_not_the_signings(read) -> None:
    record = read("The akims of Kostanay region and Kurgan Oblast held talks in Kostanay on 13 March 2025. Following "
                  "the meeting, Kostanay region and Kurgan Oblast signed an action plan under the agreement on "
                  "interregional cooperation concluded in 2019.", published="2025-03-14")
    dates = {e.date for e in events(record, "signing")}
    assert "2025-03-13" in dates


def test_an_undated_mention_after_a_plan_refers_to_the_talks_held(read) -> None:
    record = read("Mayor Marc Weigel held talks with Mayor Christine Robin in Neustadt on Saturday. They will meet "
                  "again in Mācon in May. After the talks, Robin toured the Neustadt wine school.",
                  published="2025-06-10")
    planned = [e for e in events(record, "meeting") if e.status == "planned"]
    assert len(planned) == 1 and "Christine Robin" in planned[0].participants
    assert len(planned[0].evidence) == 1


def test_the_ambassador_attending_is_the_ambassador_named_before(read) -> None:
    record = read("The Ambassador of Japan to Uzbekistan Hatori Takashi visited Namangan region on 13-14 November. "
                  "The ambassador also attended the opening of a language centre at Namangan State University.",
                  published="2025-11-17")
    assert "Hatori Takashi" in only(record, "attendance").participants


def test_he_meeting_someone_named_is_the_other_person_told(read) -> None:
    record = read("The Ambassador of Japan Hatori Takashi visited Namangan region on 13 November. During the visit he "
                  "met the khokim of the region Shavkat Abdurazzakov.", published="2025-11-17")
    assert {"Hatori Takashi", "Shavkat Abdurazzakov"} <= set(only(record, "meeting").participants)


def test_a_council_approving_a_resolution_on_a_sister_city_relationship_ratifies_it(read) -> None:
    record = read("The Bellevue City Council on Monday approved a resolution establishing a sister city relationship "
                  "with Hualien, Taiwan.", published="2024-11-15")
    ratification = only(record, "ratification")
    assert ratification.date == "2024-11-11"
    assert "Hualien" in ratification.participants


def test_councillors_backing_a_twinning_agreement_ratify_it(read) -> None:
    record = read("Councillors in Odense unanimously backed the twinning agreement with Changchun on Wednesday.",
                  published="2024-11-15")
    assert only(record, "ratification").date == "2024-11-13"


def test_an_agreement_signed_told_in_a_ratification_vote_is_no_signing_of_the_votes_day(read) -> None:
    record = read("The Jogorku Kenesh voted on Thursday to ratify the agreement on the Kambarata-1 plant signed with "
                  "Kazakhstan and Uzbekistan.", published="2024-11-15")
    assert only(record, "ratification").date == "2024-11-14"
    assert all(e.date != "2024-11-14" for e in events(record, "signing"))


def test_signatories_sign_for_the_bodies_of_their_offices(read) -> None:
    record = read("The governor of Gifu Prefecture Hajime Furuta and the governor of Jalisco Pablo Lemus met in "
                  "Guadalajara on Monday. On Tuesday, Furuta and Lemus signed a memorandum on agricultural research.",
                  published="2024-11-15")
    signing = only(record, "signing")
    assert signing.date == "2024-11-12"
    assert {"Gifu Prefecture", "Jalisco"} <= set(signing.participants)


def test_an_agreement_signed_in_an_earlier_year_beside_todays_signing_is_a_signing_of_its_own(read) -> None:
    record = read("The mayor of Osh Zhenishbek Tokoev and the mayor of Kashgar Ma Liang signed a cooperation plan in Osh "
                  "on Tuesday. The plan was signed within the framework of the friendship agreement signed by the "
                  "cities in 2017.", published="2025-03-06")
    assert sorted(e.date or "" for e in events(record, "signing")) == ["2017", "2025-03-04"]


# -- several occurrences in one story (events session 6) ---------------------------------------

def test_receiving_an_office_written_as_a_name_is_a_meeting(read) -> None:
    record = read("On Monday, the minister received Rector of the University of Debrecen Gabor Kovacs.",
                  published="2025-03-19")
    meeting = only(record, "meeting")
    assert meeting.date == "2025-03-17"
    assert "Gabor Kovacs" in meeting.participants


def test_receiving_a_letter_from_someone_is_no_meeting(read) -> None:
    assert not events(read("The mayor received a letter from President Ali Kaya.", published="2025-03-19"), "meeting")


def test_undated_plans_after_a_dated_trip_are_made_on_that_trip(read) -> None:
    record = read("Foreign Minister Erlan Sadykov will visit Hungary on 2-3 October. In Budapest, Sadykov will hold talks "
                  "with Foreign Minister Gergely Vass. The two ministers are expected to sign a memorandum between "
                  "Kazakhstan and Hungary on student exchanges.", published="2025-09-22")
    meeting, signing = only(record, "meeting"), only(record, "signing")
    assert (meeting.status, meeting.date) == ("planned", "2025-10-02/2025-10-03")
    assert (signing.status, signing.date) == ("planned", "2025-10-02/2025-10-03")


def test_a_plan_of_its_own_after_a_trip_keeps_no_date_of_the_trip(read) -> None:
    record = read("Mayor Ali Kaya will visit Lund on 2 October. A forum of the two cities will open in Osh in December, "
                  "and the mayors will sign a memorandum there.", published="2025-09-22")
    signing = only(record, "signing")
    assert (signing.status, signing.date) == ("planned", "2025-12")  # the forum's month, not the trip's day



def test_a_later_ordinal_meeting_of_a_series_is_held_by_those_who_met(read) -> None:
    record = read("The fifth meeting of the commission was held in Baku yesterday, co-chaired by Deputy Prime Minister of "
                  "Kazakhstan Daulet Bekmukhamedov and Deputy Prime Minister of Azerbaijan Rauf Hasanli. The sixth meeting "
                  "of the commission will take place in Astana in 2026.", published="2025-10-15")
    planned = [e for e in events(record, "meeting") if e.status == "planned"]
    assert len(planned) == 1 and planned[0].date == "2026"
    assert {"Daulet Bekmukhamedov", "Rauf Hasanli"} <= set(planned[0].participants)


def test_a_meeting_told_in_passing_weeks_before_does_not_date_the_story(read) -> None:
    record = read("Deputy Prime Minister of Kazakhstan Daulet Bekmukhamedov and Deputy Prime Minister of Azerbaijan Rauf "
                  "Hasanli met in Baku yesterday. They reviewed the agreements reached when the presidents of the two "
                  "countries met in Astana in August. At the end of the meeting, Bekmukhamedov and Hasanli signed a "
                  "protocol. The Kazakh delegation also visited the Port of Baku.", published="2025-10-15")
    assert only(record, "signing").date == "2025-10-14"
    assert only(record, "visit").date == "2025-10-14"


def test_a_when_clause_is_dated_by_the_time_its_head_names(read) -> None:
    record = read("Chief Minister of Kerala Rajan Menon will travel to Dubai from July 8 to 10, his office said on Wednesday. "
                  "The chief minister last visited the UAE in December 2023, when he attended the COP28 climate "
                  "conference in Dubai.", published="2025-07-02")
    assert only(record, "attendance").date == "2023-12"


def test_sending_someone_to_a_gathering_is_their_attendance(read) -> None:
    record = read("Councillors also agreed to send the town mayor, Cllr Tim Morris, to the national twinning congress "
                  "in Caen in June.", published="2025-01-29")
    attendance = only(record, "attendance")
    assert (attendance.status, attendance.date) == ("planned", "2025-06")
    assert "Tim Morris" in attendance.participants


def test_sending_a_letter_to_a_gathering_is_no_attendance(read) -> None:
    assert not events(read("Mayor Ali Kaya sent a letter to the forum in Osh.", published="2025-01-29"), "attendance")


def test_a_trip_naming_one_party_and_no_place_is_no_visit(read) -> None:
    assert not events(read("Mayor Ali Kaya said the trip would be paid for by a state grant.", published="2025-05-07"), "visit")


def test_a_trip_of_one_named_person_to_a_named_place_is_a_visit(read) -> None:
    assert only(read("Mayor Ali Kaya travelled to Osh on Monday.", published="2025-05-07"), "visit").date == "2025-05-05"


# -- review 8 mends ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "date"), [
    ("The Lund council approved the twinning with Osh on 28 October. On 1 October, the mayors of Lund and Osh signed "
     "the twinning agreement in Osh. The Lund delegation also met students of Osh State University.", "2025-10-30",
     {"meeting": "2025-10-01"}),
    ("The Lund council approved the twinning with Osh on 28 October. On 1 October, Mayor Lars Holm of Lund arrived in "
     "Osh. At the meeting, the mayors signed a memorandum on youth exchanges.", "2025-10-30", {"signing": "2025-10-01"}),
    ("The Bursa city council ratified the partnership with Kazan on 20 May. On 2 May, the mayor of Bursa arrived in "
     "Kazan. During the visit, he toured the Kazan Kremlin and signed a protocol on tourism.", "2025-05-22",
     {"signing": "2025-05-02"}),
])
def test_a_sentence_opening_on_an_earlier_day_moves_the_story_back(read, text, published, date) -> None:
    record = read(text, published=published)
    assert {kind: only(record, kind).date for kind in date} == date


@pytest.mark.parametrize(("text", "published", "date"), [
    ("President Sadyr Japarov will visit Hungary on 2-3 October, his office said. Separately, the mayors of Osh and "
     "Debrecen plan to sign a twinning agreement.", "2025-09-22", None),
    ("Mayor Ali Kaya of Osh will visit Lund on 2-3 October. The mayors of Bursa and Kazan are expected to meet in "
     "Ankara.", "2025-09-22", None),
    ("Governor Ivan Petrov will visit Bulgaria on 5-6 November. During the visit, the two sides are expected to sign a "
     "memorandum on tourism.", "2025-10-20", "2025-11-05/2025-11-06"),
])
def test_an_undated_plan_after_a_planned_trip_takes_its_days_only_when_made_on_it(read, text, published, date) -> None:
    plans = [e for e in read(text, published=published).events if e.type != "visit"]
    assert [(e.status, e.date) for e in plans] == ([("planned", date)] if date else [])


@pytest.mark.parametrize("text", [
    "Mayor Ali Kaya met the Lund delegation in Osh on Monday. The 12th meeting will take place in Dushanbe in September.",
    "Mayor Ali Kaya met the Lund delegation in Osh on Monday. The 12th meeting of the Eurasian mayors' forum will take "
    "place in Dushanbe in September.",
])
def test_a_numbered_meeting_of_no_series_told_is_not_held_by_those_who_met(read, text) -> None:
    planned = [e for e in read(text, published="2025-09-10").events if e.status == "planned"]
    assert not any("Ali Kaya" in e.participants for e in planned)


@pytest.mark.parametrize("text", [
    "On Monday, the rector received the Order of Friendship from President Kassym-Jomart Tokayev.",
    "On Monday, the mayor received the Medal of Honour from Governor Ivan Petrov of Plovdiv.",
])
def test_receiving_a_thing_from_someone_is_no_meeting(read, text) -> None:
    assert not events(read(text, published="2025-09-10"), "meeting")


# -- dates and triggers near publication (session 7) ----------------------------------------------

@pytest.mark.parametrize("led", ["led by", "headed by", "accompanied by"])
def test_a_day_after_the_leader_of_a_group_received_dates_the_receiving(read, led: str) -> None:
    record = read(f"Governor Malik Aziz received a delegation of Gdansk {led} Deputy Mayor Ewa Nowak on 3 June.",
                  published="2025-06-05")
    assert only(record, "meeting").date == "2025-06-03"



# -- stays and delegations received (session 8) ---------------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("From 4 to 6 May a delegation of the Polish town of Nysa stayed in Warsaw at the invitation of the mayor.",
     "2025-05-04/2025-05-06"),
    ("Three teachers from Szeged spent last week at the University of Novi Sad.", "2025-05"),
    ("Officials from Gabrovo will stay in Plovdiv until Sunday.", None),
])
def test_people_staying_somewhere_visited_it(read, text, date) -> None:
    visit = only(read(text, published="2025-05-14"), "visit")
    assert date is None or visit.date.startswith(date)


def test_prices_staying_somewhere_visit_nothing(read) -> None:
    assert not events(read("Fuel prices stayed in line with the forecast in Tartu last month.", published="2025-05-14"),
                      "visit")


@pytest.mark.parametrize("guests", ["a delegation of the Busan city government", "a delegation led by its deputy mayor",
                                    "a Latvian delegation"])
def test_receiving_a_delegation_told_anew_reports_its_visit(read, guests: str) -> None:
    record = read(f"Mayor Ana Lupu of Cahul received {guests} on Tuesday.", published="2025-06-05")
    assert only(record, "meeting").date == "2025-06-03"
    assert only(record, "visit").date == "2025-06-03"


def test_receiving_the_delegation_told_before_reports_no_second_visit(read) -> None:
    record = read("A delegation from Busan arrived in Cahul on Monday. On Tuesday Mayor Ana Lupu received the delegation.",
                  published="2025-06-05")
    assert len(events(record, "visit")) == 1


@pytest.mark.parametrize("text, kind", [
    ("A delegation from Busan arrived in Cahul on Monday. The delegation held talks with Mayor Ana Lupu on Tuesday.", "meeting"),
    ("A delegation from Busan arrived in Cahul on Monday. The delegation is scheduled to visit Comrat on Friday.", "visit"),
])
def test_the_delegation_doing_something_through_a_light_verb_or_a_plan_is_the_one_told(read, text, kind) -> None:
    record = read(text, published="2025-06-04")
    assert events(record, kind) and all("Busan" in e.participants for e in events(record, kind))


@pytest.mark.parametrize("text, status", [
    ("Mayor Ana Lupu was in Ankara last week.", "occurred"),
    ("Buffalo plans to send a delegation to Kanazawa in November.", "planned"),
    ("The visitors from Gabrovo will leave for Varna on Saturday.", "planned"),
    ("Deputy Mayor Ewa Nowak will lead a group of teachers to Riga in October.", "planned"),
])
def test_being_sent_leaving_or_leading_a_group_somewhere_is_a_visit(read, text, status) -> None:
    assert only(read(text, published="2025-06-04"), "visit").status == status


def test_students_being_somewhere_now_is_no_visit(read) -> None:
    assert not events(read("Forty students from Osh are in Ankara this year.", published="2025-06-04"), "visit")


def test_calling_on_someone_is_a_meeting_but_calling_on_someone_to_act_is_not(read) -> None:
    assert only(read("A delegation from Kochi called on Chief Minister Ravi Menon on Thursday.", published="2025-06-06"),
                "meeting").date == "2025-06-05"
    assert not events(read("Mayor Ana Lupu called on the council to approve the budget on Thursday.", published="2025-06-06"),
                      "meeting")


@pytest.mark.parametrize("second", [
    "On Tuesday they met Rector Ion Rusu of Comrat State University.",
    "On Tuesday the guests held talks with Rector Ion Rusu of Comrat State University.",
])
def test_doers_told_by_a_pronoun_or_a_description_are_those_told_before(read, second: str) -> None:
    record = read(f"A delegation from Busan arrived in Cahul on Monday. {second}", published="2025-06-05")
    meeting = only(record, "meeting")
    assert "Busan" in meeting.participants and "Ion Rusu" in meeting.participants


def test_companions_told_before_do_not_fold_two_occurrences_into_one(read) -> None:
    record = read("Mayor Ana Lupu met the Busan delegation on Monday. On Wednesday they met Governor Ion Rusu in Comrat.",
                  published="2025-06-06")
    assert sorted(e.date for e in events(record, "meeting")) == ["2025-06-02", "2025-06-04"]


@pytest.mark.parametrize("text", [
    "President Lee Jae-myung stayed in Seoul on Monday because of the storm, his office said.",
    "Tourists from China spent $3 billion in Thailand last year, the tourism ministry said on Monday.",
])
def test_staying_at_home_or_spending_money_somewhere_is_no_visit(read, text: str) -> None:
    assert not events(read(text, published="2025-05-14"), "visit")


def test_receiving_the_delegation_told_before_with_who_leads_it_reports_no_second_visit(read) -> None:
    record = read("A delegation from Busan arrived in Cahul on Monday. On Tuesday Mayor Ana Lupu received the delegation "
                  "led by Mayor Park Heong-joon.", published="2025-06-05")
    assert len(events(record, "visit")) == 1


@pytest.mark.parametrize("text", [
    "Teachers from the Tartu Vocational College will take part in training courses organised by the city of Turku.",
    "The University of Latvia will take part in a second phase of the project.",
    "The mayor of Lida said his town hoped to sign a friendship agreement with Jelgava.",
])
def test_a_plan_a_dated_article_gives_no_time_for_is_no_event(read, text) -> None:
    assert [e for e in read(text, published="2025-03-12").events if e.status == "planned"] == []


def test_a_plan_with_its_time_or_in_an_undated_article_stays_an_event(read) -> None:
    dated = read("The mayor of Lida will visit Jelgava in May.", published="2025-03-12")
    assert [(e.status, e.date) for e in dated.events] == [("planned", "2025-05")]
    undated = read("The mayor of Lida will visit Jelgava.", published=None)
    assert [(e.status, e.date) for e in undated.events] == [("planned", None)]


@pytest.mark.parametrize("text", [
    "The mayor of Lida thanked Jelgava for its participation in the youth festival.",
    "Participation of the Tartu University in the summit was confirmed on Monday.",
    "The governor of Osh discussed the participation of Bursa companies in the trade fair.",
])
def test_participation_talked_about_is_no_attendance(read, text) -> None:
    assert events(read(text, published="2025-03-12"), "attendance") == []


def test_taking_part_in_a_named_gathering_is_still_attendance(read) -> None:
    record = read("The mayor of Lida took part in the Jelgava youth festival on Saturday.", published="2025-03-12")
    assert only(record, "attendance").status == "occurred"


# -- the occasion a story narrates: its days and its people ---------------------------------

@pytest.mark.parametrize("text, published, date, people", [
    # coming back from a trip of some days ends it that day: its first day is days before
    ("A delegation from Galway returned on Monday from a four-day visit to Lorient. On the first day of the visit, Mayor "
     "of Galway Ciaran Doyle met Mayor of Lorient Yves Le Goff.", "2025-06-11", "2025-06-06", {"Ciaran Doyle", "Yves Le Goff"}),
    # what is done on a visit is done by its visitors, beside whom the sentence names
    ("A delegation from Pécs visited Lublin on 12 June. The guests also toured the Lublin Science Park and met students "
     "of the Catholic University of Lublin.", "2025-06-16", "2025-06-12", {"Pécs", "Catholic University of Lublin"}),
])
def test_what_is_done_on_a_visit_takes_its_days_and_visitors(read, text: str, published: str, date: str,
                                                            people: set[str]) -> None:
    meeting = only(read(text, published=published), "meeting")
    assert meeting.date == date and people <= set(meeting.participants)


def test_a_plan_tied_to_an_occasion_of_its_own_is_scheduled_without_a_time(read) -> None:
    record = read("Mayor of Rivne Oleksandr Tretiak received a delegation from Kaunas on 3 April. A partnership agreement "
                  "between Rivne and Kaunas will be signed during the mayor's visit to Kaunas.", published="2025-04-07")
    signing = only(record, "signing")
    assert signing.status == "planned" and {"Rivne", "Kaunas"} <= set(signing.participants)


# -- the parties of a signing told in general words ------------------------------------------

def test_a_signing_told_in_general_words_takes_the_parties_of_the_documents_named_after_it(read) -> None:
    record = read("Kazakh and Polish delegations signed six documents in Astana on 4 May 2026. "
                  "The memorandum between the University of Ostrava and the Silesian University of Technology "
                  "provides for joint courses in mining engineering.", published="2026-05-06")
    ties = [t for t in record.ties if {"University of Ostrava", "Silesian University of Technology"} <= set(t.parties)]
    assert ties, [(t.kind, t.parties, t.status, t.date) for t in record.ties]
    signing = only(record, "signing")
    assert signing.date == "2026-05-04"
    assert {"University of Ostrava", "Silesian University of Technology"} <= set(signing.participants)


@pytest.mark.parametrize("text, type_, visitors", [
    # the same day, other parties in another town: no part of the visit
    ("On 6 May a delegation from Tartu led by Mayor Urmas Klaas visited Kutaisi. On the same day, Riga and Vilnius "
     "signed a memorandum on public transport in Vilnius.", "signing", {"Urmas Klaas", "Kutaisi"}),
    # the same month, in another state
    ("The Estonian foreign minister visited Georgia in May. In May, Germany and France signed a treaty on energy in "
     "Berlin.", "signing", {"Georgia"}),
])
def test_what_is_done_elsewhere_on_a_visits_days_is_not_done_on_it(read, text: str, type_: str,
                                                                   visitors: set[str]) -> None:
    assert not visitors & set(only(read(text, published="2024-05-10"), type_).participants)
