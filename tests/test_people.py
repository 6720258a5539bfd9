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


# -- the office's place or body written after the name (R1) -------------------------------------------

def test_the_place_after_the_holders_name_is_the_offices(read) -> None:
    record = read("Mayor Karen Holt of Spokane, Washington, greeted Mayor Kenji Mori of Nishinomiya at the airport.")
    assert roles(person(record, "Karen Holt")) == [("mayor", "Spokane")]
    assert roles(person(record, "Kenji Mori")) == [("mayor", "Nishinomiya")]


# -- something between the office and the name (R4) ---------------------------------------------------

def test_an_acronym_in_brackets_does_not_part_the_office_from_its_holder(read) -> None:
    record = read("Secretary General of the Council of Baltic Sea States (CBSS) Grzegorz Poznanski flew to Riga on "
                  "Monday.")
    poznanski = person(record, "Grzegorz Poznanski")
    assert roles(poznanski) == [("secretary general", "Council of Baltic Sea States")]
    assert not any(e.type == "organization" and e.name == "Grzegorz Poznanski" for e in record.entities)


def test_a_country_in_brackets_does_not_part_the_office_from_its_holder(read) -> None:
    record = read("Mayor of Antalya (Turkey) Muhittin Böcek welcomed the guests on Monday.")
    assert roles(person(record, "Muhittin Böcek")) == [("mayor", "Antalya")]


def test_a_gloss_in_brackets_after_the_title_is_skipped(read) -> None:
    record = read("The memorandum was signed by the Akim (governor) of Kostanay region, Kumar Aksakalov, on Friday.")
    assert roles(person(record, "Kumar Aksakalov")) == [("akim", "Kostanay region")]


# -- a list of holders sharing one office (R3) ---------------------------------------------------------

def test_a_plural_title_gives_its_office_to_every_holder_listed(read) -> None:
    record = read("Vice Presidents of the Asian Development Bank Maria Lopez and Hiroshi Sato attended the forum.")
    for name in ("Maria Lopez", "Hiroshi Sato"):
        assert roles(person(record, name)) == [("vice president", "Asian Development Bank")]


# -- title normalisation (R6) -----------------------------------------------------------------------------

def test_a_hyphenated_title_is_one_title_written_as_the_article_writes_it(read) -> None:
    record = read("On Monday the vice-mayor of Vilnius Tomas Gulbinas opened the exhibition.")
    assert roles(person(record, "Tomas Gulbinas")) == [("vice-mayor", "Vilnius")]


def test_an_office_marked_former_is_a_former_office(read) -> None:
    record = read("The lecture was given by former foreign minister Erlan Idrissov in Astana on Monday.")
    assert roles(person(record, "Erlan Idrissov")) == [("former foreign minister", None)]


def test_deputy_before_another_title_makes_one_office(read) -> None:
    record = read("Deputy Secretary Laura Beck addressed the conference in Geneva.")
    assert roles(person(record, "Laura Beck")) == [("deputy secretary", None)]


# -- possessive and anaphoric holders (R7, R9) ------------------------------------------------------

def test_a_possessive_place_holds_the_office(read) -> None:
    record = read("Almaty region’s Governor Marat Sultangaziyev met the delegation on Monday.")
    assert roles(person(record, "Marat Sultangaziyev")) == [("governor", "Almaty region")]


def test_the_body_named_again_by_its_head_noun_holds_the_office(read) -> None:
    record = read("The visitors saw the Riga Academy of Fine Arts. The Academy’s rector Inga Ozola led them to "
                  "the sculpture hall.")
    assert roles(person(record, "Inga Ozola")) == [("rector", "Riga Academy of Fine Arts")]


def test_this_province_is_the_province_just_named(read) -> None:
    record = read("The delegation travelled to the Sughd region of Tajikistan. It was received by the governor of "
                  "this province, Rajabboy Ahmadzoda.")
    assert roles(person(record, "Rajabboy Ahmadzoda")) == [("governor", "Sughd region")]


# -- a word spaCy reads as a place before the title (R8) --------------------------------------------

def test_a_town_before_the_title_is_the_offices_place_not_part_of_the_title(read) -> None:
    record = read("Those present included Kerben Mayor Almaz Tokonov and the guests from Osh.")
    assert roles(person(record, "Almaz Tokonov")) == [("mayor", "Kerben")]


# -- name segmentation (R10) ---------------------------------------------------------------------------

def test_a_peer_keeps_the_title_that_names_him(read) -> None:
    record = read("Secretary of State for Foreign Affairs Lord Cameron visited Astana on Tuesday.")
    assert roles(person(record, "Lord Cameron")) == [("secretary of state for foreign affairs", None)]


def test_a_body_named_after_its_town_is_not_part_of_the_holders_name(read) -> None:
    record = read("Director of the Bergen Philharmonic Anne-Lise Berntsen spoke after the concert.")
    assert roles(person(record, "Anne-Lise Berntsen")) == [("director", "Bergen Philharmonic")]


def test_a_place_before_a_comma_and_title_is_not_glued_to_the_name(read) -> None:
    record = read("Minister of Tourism of the Republic of Kazakhstan Aigerim Sultanova, Mayor of Shymkent "
                  "Bakhyt Nurov and other guests arrived on Monday.")
    assert person(record, "Aigerim Sultanova")
    assert not any(e.type == "person" and "Kazakhstan" in e.name for e in record.entities)


def test_a_place_between_title_and_name_is_not_part_of_the_name(read) -> None:
    record = read("Mayor Lahore Kamran Saeed met the visitors while Dr Ji-woo Park, Mayor of Daejeon, welcomed them.")
    saeed = person(record, "Kamran Saeed")
    assert roles(saeed) == [("mayor", "Lahore")]  # the office of Daejeon is Park's, not an unattached one
    assert roles(person(record, "Ji-woo Park")) == [("mayor", "Daejeon")]


# -- other clause forms (R11) --------------------------------------------------------------------------

def test_a_body_and_title_after_the_name(read) -> None:
    record = read('"We are honoured," said Aiko Tanaka, Sendai International Relations Association President.')
    assert roles(person(record, "Aiko Tanaka")) == [("president", "Sendai International Relations Association")]


def test_an_office_in_a_relative_clause(read) -> None:
    record = read("The speech was given by Anvar Karimov, who is also the Mayor of Bukhara.")
    assert roles(person(record, "Anvar Karimov")) == [("mayor", "Bukhara")]


def test_a_title_that_starts_the_next_clause_is_not_an_appositive(read) -> None:
    record = read("At the talks with Governor Kim Young-rok, the head of government proposed direct flights.")
    assert roles(person(record, "Kim Young-rok")) == [("governor", None)]


def test_a_generic_office_beside_the_same_office_written_fully_is_dropped(read) -> None:
    record = read("Foreign Minister Murat Nurtleu met the guests. Minister Nurtleu said the talks went well.")
    assert roles(person(record, "Murat Nurtleu")) == [("foreign minister", None)]


# -- an office whose place the sentence supplies (R2) --------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "name", "of"),
    [
        ("A delegation from Gyeongju, led by Mayor Joo Nak-young, arrived in Lincoln on Monday.",
         "Joo Nak-young", "Gyeongju"),
        ("Five Ueda officials, Mayor Kenji Tsuchiya among them, visited Peoria last week.", "Kenji Tsuchiya", "Ueda"),
    ],
)
def test_the_group_a_holder_is_named_in_supplies_the_place(read, sentence: str, name: str, of: str) -> None:
    assert roles(person(read(sentence), name)) == [("mayor", of)]


# -- the head of a body named again by its common name (R4, R9) --------------------------------------

def test_the_head_of_a_zone_named_before_heads_that_zone(read) -> None:
    record = read("On Thursday the guests toured the Navoi Free Industrial Zone. Inside, Head of the Free "
                  "industrial zone Mr Bakhrom Tursunov welcomed them.")
    assert roles(person(record, "Bakhrom Tursunov")) == [("head", "Navoi Free Industrial Zone")]


# -- initials and double surnames (R10) ----------------------------------------------------------------

def test_an_initial_glued_to_a_surname_is_the_same_person_as_the_full_name(read) -> None:
    record = read("Mayor A.Mambetov said that many houses are being built. Asylbek Mambetov thanked the hosts.")
    mambetov = person(record, "Asylbek Mambetov")
    assert "A.Mambetov" in mambetov.aliases
    assert roles(mambetov) == [("mayor", None)]


def test_a_double_surname_after_a_title_is_a_person(read) -> None:
    record = read("Governor Kim Young-rok welcomed Mayor Hill-Lewis of Cape Town.")
    assert roles(person(record, "Hill-Lewis")) == [("mayor", "Cape Town")]


def test_a_surname_that_is_also_a_village_is_still_a_name(read) -> None:
    record = read("Secretary General Ahmet Solak opened the meeting. Later Secretary General Solak thanked the guests.")
    assert roles(person(record, "Ahmet Solak")) == [("secretary general", None)]


def test_the_board_of_a_body_is_part_of_the_office_and_the_body_holds_it(read) -> None:
    record = read("The memorandum was signed by Nigar Aliyeva, Chairman of the Management Board of the Ganja City "
                  "Tourism Department, on Monday.")
    assert roles(person(record, "Nigar Aliyeva")) == [
        ("chairman of the management board", "Ganja City Tourism Department")]


def test_an_office_in_service_of_another_office_is_held_in_its_place(read) -> None:
    record = read('"Our lakes draw many visitors," Saule Nurpeisova, the Investment Adviser to the Akim of Pavlodar '
                  'region, said on Friday.')
    assert roles(person(record, "Saule Nurpeisova")) == [("investment adviser", "Pavlodar region")]


def test_a_plural_office_before_a_dash_is_held_by_everyone_listed(read) -> None:
    record = read("The Caspian Towns League met in Aktau. Two members of the League's board – Mayor of Aktau "
                  "Serik Nurov and Mayor of Atyrau Dana Bekova – welcomed the guests.")
    assert roles(person(record, "Serik Nurov")) == [("mayor", "Aktau"), ("board member", "Caspian Towns League")]
    assert roles(person(record, "Dana Bekova")) == [("mayor", "Atyrau"), ("board member", "Caspian Towns League")]


def test_a_body_name_with_a_plural_title_inside_shares_no_office(read) -> None:
    record = read("Vice-Chairman of the Cabinet of Ministers - Head of the State Tax Service Almaz Baketaev "
                  "opened the hearing.")
    assert ("minister", None) not in roles(person(record, "Almaz Baketaev"))


def test_a_name_spacy_calls_an_organisation_is_the_person_named_with_an_office(read) -> None:
    record = read("President of the League of Danube Towns (LDT) Cemal Arslan visited Vukovar. Cemal Arslan "
                  "met the mayor in the evening.")
    assert roles(person(record, "Cemal Arslan")) == [("president", "League of Danube Towns")]
    assert not any(e.type == "organization" and e.name == "Cemal Arslan" for e in record.entities)


def test_a_plural_title_with_each_holders_place_after_the_name(read) -> None:
    record = read("Mayors Ali Kaya of Bursa and Veli Demir of Konya signed the protocol.")
    assert roles(person(record, "Ali Kaya")) == [("mayor", "Bursa")]
    assert roles(person(record, "Veli Demir")) == [("mayor", "Konya")]


def test_the_citys_mayor_after_a_name_is_the_mayor_of_the_city_just_named(read) -> None:
    record = read("Lviv is a city in western Ukraine. \"We are ready,\" said Andriy Sadovyi, the city's mayor.")
    assert roles(person(record, "Andriy Sadovyi")) == [("mayor", "Lviv")]


def test_its_at_the_start_of_a_sentence_is_the_place_of_the_sentence_before(read) -> None:
    record = read("The guests arrived in Gdansk on Monday. Its mayor, Aleksandra Dulkiewicz, welcomed them.")
    assert roles(person(record, "Aleksandra Dulkiewicz")) == [("mayor", "Gdansk")]


@pytest.mark.parametrize(
    ("sentence", "name", "title", "of"),
    [
        ("Osh State University Rector Kanat Bekov welcomed the guests.", "Kanat Bekov", "rector", "Osh State University"),
        ("Hanoi People's Committee Chairman Tran Sy Thanh signed the memorandum.", "Tran Sy Thanh", "chairman",
         "Hanoi People's Committee"),
    ],
)
def test_a_body_named_before_the_title_holds_the_office(read, sentence: str, name: str, title: str, of: str) -> None:
    assert roles(person(read(sentence), name)) == [(title, of)]


def test_a_board_of_common_words_before_a_title_is_part_of_the_office(read) -> None:
    record = read("The forum was opened by Administrative Board Member Ali Veli on Monday.")
    assert roles(person(record, "Ali Veli")) == [("administrative board member", None)]


def test_the_board_of_directors_of_a_company(read) -> None:
    record = read("The Chairman of the Board of Directors of KazMunayGas, Magzum Mirzagaliyev, attended.")
    assert roles(person(record, "Magzum Mirzagaliyev")) == [("chairman of the board of directors", "KazMunayGas")]


def test_a_described_body_after_a_region_is_held_by_the_region(read) -> None:
    record = read("The deputy head of the Kostanay region administration, Ruslan Tulegenov, led the delegation.")
    assert roles(person(record, "Ruslan Tulegenov")) == [("deputy head", "Kostanay region")]


def test_its_office_belongs_to_the_place_visited_in_the_same_sentence(read) -> None:
    record = read("Chancellor Ana Ruiz travelled to Kochi Prefecture, received its Governor Hamada Seiji, and "
                  "discussed fisheries.")
    assert roles(person(record, "Hamada Seiji")) == [("governor", "Kochi Prefecture")]


def test_its_after_a_common_noun_subject_names_no_holder(read) -> None:
    record = read("Officials met in Tokyo on Monday. The company said its President John Smith would attend.")
    assert roles(person(record, "John Smith")) == [("president", None)]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("The guests were met by Anna Berg, who heads the Malmö Twinning Association.", "Anna Berg",
         ("head", "Malmö Twinning Association")),
        ("Dilnoza Rakhimova was elected mayor of Samarkand in 2021.", "Dilnoza Rakhimova", ("mayor", "Samarkand")),
        ("Peter Holm is the director of the Bergen International Festival Foundation.", "Peter Holm",
         ("director", "Bergen International Festival Foundation")),
        ("Ola Nordmann, director at the Norwegian Refugee Council, spoke.", "Ola Nordmann",
         ("director", "Norwegian Refugee Council")),
    ],
)
def test_offices_given_by_a_verb_after_the_name(read, sentence: str, name: str, role: tuple[str, str]) -> None:
    assert roles(person(read(sentence), name)) == [role]


def test_someone_elses_office_is_not_the_persons(read) -> None:
    record = read("Sara Lind is the President's adviser on trade.")
    assert ("president", None) not in roles(person(record, "Sara Lind"))


def test_the_city_of_a_town_after_a_title_is_the_offices_place(read) -> None:
    record = read("Mayor of the city of Osh Taalaibek Sarybashov met the guests on Monday.")
    assert roles(person(record, "Taalaibek Sarybashov")) == [("mayor", "Osh")]


def test_a_name_after_a_title_and_comma_is_a_person_even_when_read_as_a_place(read) -> None:
    record = read("The governor of Hokkaido, Naomichi Suzuki, and the mayor of Sapporo, Katsuhiro Akimoto, met "
                  "the delegation.")
    assert roles(person(record, "Naomichi Suzuki")) == [("governor", "Hokkaido")]
    assert roles(person(record, "Katsuhiro Akimoto")) == [("mayor", "Sapporo")]


def test_a_minister_of_a_region_holds_an_office_of_that_region_not_a_portfolio(read) -> None:
    record = read("Prime Minister Shehbaz Sharif and Chief Minister of Punjab Maryam Nawaz attended the ceremony.")
    assert roles(person(record, "Maryam Nawaz")) == [("chief minister", "Punjab")]
    assert roles(person(read("Minister of Culture Aida Balayeva spoke."), "Aida Balayeva")) == [
        ("minister of culture", None)]


def test_an_office_at_the_end_of_a_sentence_is_not_read_into_the_next(read) -> None:
    record = read("The delegation was welcomed by Jan Kowalski, the Mayor of Lublin. Anna Nowak then spoke about "
                  "culture.")
    assert roles(person(record, "Jan Kowalski")) == [("mayor", "Lublin")]
    assert roles(person(record, "Anna Nowak")) == []


def test_a_surname_alone_tagged_as_a_person_after_a_portfolio_keeps_its_given_name(read) -> None:
    record = read("The Minister of Health Murat Kara met the visiting doctors in Ankara.")
    assert roles(person(record, "Murat Kara")) == [("minister of health", None)]


def test_a_portfolio_title_is_written_as_the_text_has_it(read) -> None:
    record = read("Minister of Culture of Georgia Tea Tsulukiani opened the exhibition in Tbilisi.")
    assert roles(person(record, "Tea Tsulukiani")) == [("minister of culture", "Georgia")]


def test_a_plural_office_of_listed_towns_pairs_them_with_the_listed_names_in_order(read) -> None:
    record = read("The mayors of Tartu and Lahti, Urmas Klaas and Niko Kyynarainen, signed the memorandum.")
    assert roles(person(record, "Urmas Klaas")) == [("mayor", "Tartu")]
    assert roles(person(record, "Niko Kyynarainen")) == [("mayor", "Lahti")]


def test_a_plural_office_of_regions_written_once_pairs_each_region_with_its_governor(read) -> None:
    record = read("Present were the governors of Kostanay and Pavlodar regions, Kumar Aksakalov and Asain Baikhanov.")
    assert roles(person(record, "Kumar Aksakalov")) == [("governor", "Kostanay region")]
    assert roles(person(record, "Asain Baikhanov")) == [("governor", "Pavlodar region")]


def test_a_title_that_starts_inside_a_name_spacy_saw_ends_the_name(read) -> None:
    record = read("The agreement was signed by Nuremberg Lord Mayor Marcus Konig in the town hall.")
    assert roles(person(record, "Marcus Konig")) == [("lord mayor", "Nuremberg")]
    assert [e.name for e in record.entities if e.type == "person"] == ["Marcus Konig"]


def test_a_region_word_between_a_place_and_a_name_belongs_to_the_place(read) -> None:
    record = read("Deputy Governor of Aichi Prefecture Kenji Tanaka attended the ceremony.")
    assert roles(person(record, "Kenji Tanaka")) == [("deputy governor", "Aichi Prefecture")]


def test_a_council_chairman_chairs_the_council_while_a_mayor_of_the_city_hall_is_the_towns(read) -> None:
    record = read("Chairman of the Nagoya City Council Taro Suzuki and the Mayor of Izmir Municipality "
                  "Cemil Tugay met on Monday.")
    assert roles(person(record, "Taro Suzuki")) == [("chairman", "Nagoya City Council")]
    assert roles(person(record, "Cemil Tugay")) == [("mayor", "Izmir")]


@pytest.mark.parametrize(
    "text",
    ["The delegation arrived in Nagano Prefecture. The governor, Shuichi Abe, welcomed the guests.",
     "The delegation arrived in Nagano Prefecture. Shuichi Abe, the governor, welcomed the guests."],
)
def test_the_governor_without_of_is_the_governor_of_the_province_just_named(read, text: str) -> None:
    assert roles(person(read(text), "Shuichi Abe")) == [("governor", "Nagano Prefecture")]


def test_a_bare_mayor_title_gets_no_place_from_a_town_named_after_it(read) -> None:
    record = read("Mayor Ali Demir will visit Tbilisi next week.")
    assert roles(person(record, "Ali Demir")) == [("mayor", None)]


@pytest.mark.parametrize(
    ("text", "name", "town"),
    [("Officials of Kotka met guests from Tartu. Mayor Anna Virtanen later returned to Lahti, where she signed the plan.",
      "Anna Virtanen", "Lahti"),
     ("The festival in Kotka drew visitors from Tartu. Mayor Liisa Kask went back to Viljandi after the opening.",
      "Liisa Kask", "Viljandi"),
     ("Pupils from Pori spent a week in Kotka. Mayor Erik Lund then flew home to Turku with them.",
      "Erik Lund", "Turku"),
     ("Representatives of three Estonian towns spent two days in Kotka. Mayor Kadri Saar went back to Pärnu on Wednesday.",
      "Kadri Saar", "Pärnu")],
)
def test_a_bare_mayor_who_goes_home_to_a_town_is_its_mayor(read, text: str, name: str, town: str) -> None:
    # not the town the story is set in, which the bare office would otherwise take
    assert roles(person(read(text), name)) == [("mayor", town)]


def test_a_nationality_and_a_common_noun_before_a_holder_name_no_body(read) -> None:
    record = read("The deal was signed by the vice president of the Chinese group, Liu Wen, in Tashkent.")
    assert roles(person(record, "Liu Wen")) in ([], [("vice president", None)])


def test_a_bare_mayor_who_returns_to_a_building_keeps_the_town_of_the_story(read) -> None:
    text = "Guests from Tartu spent two days in Kotka. Mayor Kadri Saar returned to City Hall on Wednesday."
    assert roles(person(read(text), "Kadri Saar")) == [("mayor", "Kotka")]


@pytest.mark.parametrize(
    ("sentence", "name", "title", "of"),
    [("The rector of the Eurasian national University, Aigerim Bekova, welcomed the guests from Poznan.",
      "Aigerim Bekova", "rector", "Eurasian national University"),
     ("The head of the Foreign Relations department, Nurlan Aidarovich Sadykov, met the delegation from Urumqi.",
      "Nurlan Aidarovich Sadykov", "head", "Foreign Relations department"),
     ("The president of the Sonora state Chamber of Commerce, Jorge Valdez, promised a trade mission.",
      "Jorge Valdez", "president", "Sonora state Chamber of Commerce")],
)
def test_a_body_named_in_mixed_case_before_its_holder_holds_the_office(read, sentence: str, name: str, title: str,
                                                                       of: str) -> None:
    # translators and local writers capitalise a body's words unevenly; the name still runs up to the comma
    assert roles(person(read(sentence), name)) == [(title, of)]


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [("The Sister Cities programme, launched by President Eisenhower in 1956, still thrives.", "Eisenhower", "president"),
     ("Council member Vo praised the exchange with Kamakura.", "Vo", "council member")],
)
def test_an_office_before_a_lone_surname_names_a_person(read, sentence: str, name: str, title: str) -> None:
    assert roles(person(read(sentence), name)) == [(title, None)]


def test_a_lone_surname_after_an_office_joins_the_full_name_given_earlier(read) -> None:
    record = read("Kathy Hochul, the Governor of New York, spoke first. Governor Hochul then left for Albany.")
    hochul = person(record, "Kathy Hochul")
    assert "Hochul" in hochul.aliases
    assert len([e for e in record.entities if e.type == "person"]) == 1


def test_a_plural_noun_of_places_after_an_office_word_is_nobodys_surname(read) -> None:
    record = read("Representatives of the Member States of the Union visited Turkistan.")
    assert not [e for e in record.entities if e.type == "person"]


def test_a_lone_word_after_an_office_of_a_body_is_part_of_the_body_not_a_surname(read) -> None:
    record = read("Also present were Zhanna Ospanova, director of the Almaty Zoo, and Paolo Rossi, "
                  "president of the Turin Chamber of Commerce.")
    assert roles(person(record, "Zhanna Ospanova")) == [("director", "Almaty Zoo")]
    assert "Zoo" not in [e.name for e in record.entities if e.type == "person"]


def test_a_company_with_its_legal_form_ends_where_the_holders_name_begins(read) -> None:
    record = read("Chairman of the Board of JSC Kazakhstan Temir Zholy Nurlan Sauranbayev signed the deal.")
    assert roles(person(record, "Nurlan Sauranbayev")) == [("chairman of the board", "JSC Kazakhstan Temir Zholy")]


def test_an_office_for_a_remit_keeps_the_remit_in_its_title(read) -> None:
    record = read("Vice-Rector for International Affairs Aigul Kassymova signed the memorandum.")
    assert roles(person(record, "Aigul Kassymova")) == [("vice-rector for international affairs", None)]


def test_the_head_of_a_unit_described_in_lower_case_holds_office_in_the_body_after_it(read) -> None:
    record = read("Aigerim Sadykova, head of the international relations department of the Almaty akimat, "
                  "met the guests.")
    [(title, of)] = roles(person(record, "Aigerim Sadykova"))
    assert title.startswith("head") and of == "Almaty"


def test_councilwoman_is_an_office(read) -> None:
    record = read("Springfield Mayor John Smith and Councilwoman Jane Doe greeted the visitors.")
    assert roles(person(record, "Jane Doe")) == [("councilwoman", None)]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [("Ali Kaya, the mayor of Bursa's Osmangazi district, met the guests.", "Ali Kaya", ("mayor", "Osmangazi district")),
     ("The Mayor of the Turkish city of Konya Ugur Ibrahim Altay welcomed the guests.", "Ugur Ibrahim Altay",
      ("mayor", "Konya")),
     ("Japanese Consul General in Istanbul Katsuhiko Takahashi visited Trabzon.", "Katsuhiko Takahashi",
      ("consul general", "Japan")),
     ("Chief Executive Officer of Air Astana Peter Foster announced the route.", "Peter Foster", ("ceo", "Air Astana"))],
)
def test_what_stands_between_an_office_and_its_holder(read, sentence: str, name: str, role: tuple[str, str]) -> None:
    assert roles(person(read(sentence), name)) == [role]


def test_his_deputy_holds_office_in_the_body_of_the_office_just_named(read) -> None:
    record = read("Head of the Bursa Chamber of Commerce Ali Kurt and his deputy Selim Aras toured Osh.")
    assert roles(person(record, "Selim Aras")) == [("deputy", "Bursa Chamber of Commerce")]


def test_its_refers_to_the_name_glossing_a_common_noun_subject(read) -> None:
    record = read("The upper house (Oliy Majlis Senate) approved the treaty at a meeting presided over by its "
                  "chairman, Tanzila Narbayeva.")
    [(title, of)] = roles(person(record, "Tanzila Narbayeva"))
    assert title == "chairman" and of is not None and "Senate" in of


def test_the_head_of_a_unit_named_inside_its_parent_body_holds_office_in_the_parent(read) -> None:
    record = read("Head of the Department of External Relations of the Akimat of Almaty Aidos Omarov met the guests.")
    assert roles(person(record, "Aidos Omarov")) == [("head of the department of external relations", "Akimat of Almaty")]


def test_an_assistant_to_an_office_holds_that_service_as_an_office(read) -> None:
    record = read("Assistant to the President of Kazakhstan Yerlan Karin opened the meeting.")
    assert roles(person(record, "Yerlan Karin")) == [("assistant to the president", "Kazakhstan")]


def test_an_office_named_again_later_keeps_the_place_it_was_first_named_with(read) -> None:
    record = read("Mayor of Bursa Mustafa Bozbey visited Osh. Bozbey, the mayor, praised the students.")
    assert roles(person(record, "Mustafa Bozbey")) == [("mayor", "Bursa")]


def test_a_party_secretary_of_a_province_is_an_office_of_that_province(read) -> None:
    record = read("Party Secretary of Sichuan Province Wang Xiaohui met the delegation in Chengdu.")
    assert roles(person(record, "Wang Xiaohui")) == [("party secretary", "Sichuan Province")]


def test_a_bare_head_noun_opening_a_sentence_before_an_office_is_the_body_named_before(read) -> None:
    record = read("Members of the Lakewood Sister Cities Committee met the guests. Committee chair Linda Ortiz "
                  "said the exchange would go on.")
    assert roles(person(record, "Linda Ortiz")) == [("chair", "Lakewood Sister Cities Committee")]


def test_a_delegation_from_a_town_and_its_country_led_by_an_office_gives_the_town(read) -> None:
    record = read("The chairman received a delegation from Busan, the Republic of Korea, led by Vice Mayor "
                  "Lee Seong-kwon, on May 9.")
    assert roles(person(record, "Lee Seong-kwon")) == [("vice mayor", "Busan")]


@pytest.mark.parametrize(("office", "places"), [("governors", "the two regions"), ("mayors", "both cities")])
def test_a_plural_office_of_places_already_told_goes_to_each_listed_name(read, office: str, places: str) -> None:
    record = read(f"The agreement was signed by the {office} of {places}, Serik Shapkenov and Nurlan Nogayev.")
    assert roles(person(record, "Serik Shapkenov")) == [(office[:-1], None)]
    assert roles(person(record, "Nurlan Nogayev")) == [(office[:-1], None)]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [("Malmo mayor Anna Berg and Lund deputy mayor Per Holm met the guests.", "Per Holm", ("deputy mayor", "Lund")),
     ("Malmo mayor Anna Berg and Lund deputy mayor Per Holm met the guests.", "Anna Berg", ("mayor", "Malmo")),
     ("Said Anna Berg, Malmo's mayor: 'We are glad.'", "Anna Berg", ("mayor", "Malmo"))],
)
def test_a_town_before_a_lower_case_office_of_a_place_is_the_offices_place(read, sentence: str, name: str,
                                                                          role: tuple[str, str]) -> None:
    assert roles(person(read(sentence), name)) == [role]


# -- offices in the styles of wires, press releases and translations (benchmarks/tuning/roles) --------------

def test_a_plural_region_word_of_the_shared_table_names_each_listed_county(read) -> None:
    record = read("The governors of the Cluj and Brasov counties, Ion Popa and Mihai Rusu, signed the plan.")
    assert roles(person(record, "Ion Popa")) == [("governor", "Cluj county")]
    assert roles(person(record, "Mihai Rusu")) == [("governor", "Brasov county")]


def test_offices_written_one_after_another_share_the_state_named_after_the_last(read) -> None:
    record = read("Deputy Prime Minister - Minister of Energy of the Republic of Kazakhstan Almas Nurov "
                  "opened the plant in Pavlodar.")
    assert roles(person(record, "Almas Nurov")) == [("deputy prime minister", "Kazakhstan"),
                                                    ("minister of energy", "Kazakhstan")]


def test_a_short_name_in_brackets_after_a_body_is_the_bodys_not_a_persons(read) -> None:
    record = read("The delegation includes the director of the Gdansk Water Company (GWS Gdansk), "
                  "Piotr Lis; and the mayor.")
    assert roles(person(record, "Piotr Lis")) == [("director", "Gdansk Water Company")]
    assert not any(e.type == "person" and e.name == "GWS Gdansk" for e in record.entities)


def test_an_office_opening_a_where_clause_is_held_in_the_body_before_it(read) -> None:
    record = read("The guests then toured the Gyumri Technology Centre, where its director Aram Petrosyan "
                  "showed them the workshops.")
    assert roles(person(record, "Aram Petrosyan")) == [("director", "Gyumri Technology Centre")]


def test_a_country_in_brackets_does_not_hide_the_town_of_the_group_a_holder_leads(read) -> None:
    record = read("On Monday the governor received a delegation of Bursa Metropolitan Municipality "
                  "(Republic of Türkiye) led by Deputy Mayor Selim Kaya.")
    assert roles(person(record, "Selim Kaya")) == [("deputy mayor", "Bursa")]


def test_an_office_in_brackets_after_the_name_keeps_a_body_name_with_and(read) -> None:
    record = read("The delegation included Mikko Heikkinen (Dean of the Faculty of Medicine and Health "
                  "Technology) and two students.")
    assert roles(person(record, "Mikko Heikkinen")) == [("dean", "Faculty of Medicine and Health Technology")]


def test_the_organisations_office_is_held_in_the_last_body_named(read) -> None:
    record = read("The mayor spoke at the session of UCLG Eurasia. Later he met the organisation's "
                  "Secretary General Timur Sabirov.")
    assert roles(person(record, "Timur Sabirov")) == [("secretary general", "UCLG Eurasia")]


def test_a_provincial_body_is_the_body_of_the_province_named_before(read) -> None:
    record = read("A delegation of Gunma prefecture visited Lam Dong province on Monday. Chairman of the "
                  "provincial People's Committee Tran Van Hiep received the guests.")
    # a province the gazetteer lacks is a place as written ("Lam Dong province", alias "Lam Dong"): either names it
    assert roles(person(record, "Tran Van Hiep")) in ([("chairman", "Lam Dong")], [("chairman", "Lam Dong province")])


def test_a_remit_written_in_lower_case_stays_in_the_title(read) -> None:
    record = read("A delegation headed by vice-rector for international affairs Professor Liisa Koskela "
                  "arrived on Monday.")
    assert roles(person(record, "Liisa Koskela")) == [("vice-rector for international affairs", None)]


def test_words_describing_an_office_after_a_name_do_not_hide_it(read) -> None:
    record = read("The minister met Paolo Neri, the newly appointed Ambassador of Italy, on Tuesday.")
    assert roles(person(record, "Paolo Neri")) == [("ambassador", "Italy")]


def test_an_office_of_a_place_written_possessively_after_the_name_keeps_its_post(read) -> None:
    record = read("The Mayor of Vanadzor, Aram Petrosyan, and Nino Beridze, Georgia's consul general in Gyumri, "
                  "attended the ceremony.")
    assert roles(person(record, "Nino Beridze")) == [("consul general", "Georgia")]


def test_a_unit_of_the_city_keeps_its_name_in_the_title_and_the_city_as_its_place(read) -> None:
    record = read("Mayor of Taraz Nurlan Bekov and the head of the city's tourism department Aliya Sarsen "
                  "showed the guests the old town.")
    assert roles(person(record, "Aliya Sarsen")) == [("head of the tourism department", "Taraz")]


def test_a_described_office_of_the_province_is_held_in_the_province_written_so(read) -> None:
    record = read("Gansu Province and the Turkistan region signed an agreement. Also present was Li Wei, "
                  "director-general of the provincial foreign affairs office.")
    assert roles(person(record, "Li Wei")) == [("director-general", "Gansu Province")]


def test_an_office_already_held_in_a_town_is_not_given_again_to_another_holder(read) -> None:
    record = read("Matsue mayor back from New Orleans\n\nMayor Akihiko Uesada of Matsue City returned on "
                  "Tuesday. In New Orleans, Uesada met Mayor LaToya Cantrell at City Hall.")
    # not Matsue's mayor again: the town where the meeting is set is hers
    assert roles(person(record, "LaToya Cantrell")) == [("mayor", "New Orleans")]


def test_a_lower_case_remit_before_a_comma_and_the_holders_name(read) -> None:
    record = read("The delegation also included the deputy mayor for international relations, Claude Varet, "
                  "and two councillors.")
    assert roles(person(record, "Claude Varet")) == [("deputy mayor for international relations", None)]


@pytest.mark.parametrize(("sentence", "name", "title"), [
    ("The delegation met Gauteng's Premier Panyaza Lesufi on Wednesday.", "Panyaza Lesufi", "premier"),
    ("Tshwane's MMC for Economic Development, Eugene Modise, will lead the mission.", "Eugene Modise",
     "mmc for economic development"),
])
def test_offices_of_south_african_provinces_and_cities(read, sentence: str, name: str, title: str) -> None:
    assert [t for t, _ in roles(person(read(sentence), name))] == [title]


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Deputy Governor of Ulsan Metropolitan City Kim Du-gyeom welcomed the delegation.", "Kim Du-gyeom",
     ("deputy governor", "Ulsan")),
    ("Vice President of the Chamber of Commerce and Industry of Kyrgyzstan Bakyt Sydykov spoke at the forum.",
     "Bakyt Sydykov", ("vice president", "Chamber of Commerce and Industry of Kyrgyzstan")),
])
def test_a_holder_named_right_after_a_long_body_or_a_metropolitan_city(read, sentence: str, name: str,
                                                                        role: tuple[str, str]) -> None:
    assert roles(person(read(sentence), name)) == [role]


def test_a_bodys_head_word_left_before_the_name_is_not_part_of_the_name(read) -> None:
    record = read("Head of the Department of Foreign Economic Relations of Tashkent city Khokimiyat Aziz Karimov spoke.")
    assert [t for t, _ in roles(person(record, "Aziz Karimov"))] == ["head"]


def test_its_office_in_apposition_is_held_in_the_body_just_named(read) -> None:
    record = read("Kenji Mori, chairman of the Nagoya City Council, and Aiko Ueda, its vice chairwoman, attended.")
    assert roles(person(record, "Aiko Ueda")) == [("vice chairwoman", "Nagoya City Council")]


def test_a_second_name_for_one_office_after_a_comma_shares_its_territory(read) -> None:
    record = read("Present were the head of the Almaty region, akim Marat Sultanov, and his deputy Serik Zhakupov.")
    assert roles(person(record, "Marat Sultanov")) == [("head", "Almaty region"), ("akim", "Almaty region")]
    assert roles(person(record, "Serik Zhakupov")) == [("deputy", "Almaty region")]


def test_a_vice_minister_is_written_vice_and_a_comma_ends_the_company_before_the_next_office(read) -> None:
    record = read("The delegation included Chairman of the Board of JSC Kazakh Invest Nurlan Abenov, Vice Minister "
                  "of Trade and Integration Aizhan Bizhanova and others.")
    assert roles(person(record, "Nurlan Abenov")) == [("chairman of the board", "JSC Kazakh Invest")]
    assert [t for t, _ in roles(person(record, "Aizhan Bizhanova"))] == ["vice minister of trade and integration"]


def test_a_relative_clause_between_an_office_and_its_holder(read) -> None:
    record = read("The mayor of Gabala, who took office in March, Elnur Aliyev, welcomed the guests.")
    assert roles(person(record, "Elnur Aliyev")) == [("mayor", "Gabala")]


def test_a_group_led_by_its_officer_gives_the_groups_town(read) -> None:
    record = read("The delegation of Kokand led by its hokim Murodjon Usmonov arrived in Osh.")
    assert roles(person(record, "Murodjon Usmonov")) == [("hokim", "Kokand")]


def test_a_capitalised_remit_that_is_no_known_place_stays_in_the_title(read) -> None:
    record = read("Vice-Rector for Research Gulnara Jamankulova attended.")
    assert roles(person(record, "Gulnara Jamankulova")) == [("vice-rector for research", None)]


def test_the_town_in_brackets_after_a_mayors_name_is_his(read) -> None:
    record = read("Mayor Ruslan Tokhtarov (Taldykorgan) and Mayor Hakan Yildiz (Bursa) signed the protocol.")
    assert roles(person(record, "Ruslan Tokhtarov")) == [("mayor", "Taldykorgan")]
    assert roles(person(record, "Hakan Yildiz")) == [("mayor", "Bursa")]


def test_their_plural_office_pairs_the_two_bodies_just_named_with_the_names_in_order(read) -> None:
    record = read("Tampere University and Kazakh National University signed a memorandum, which was signed by "
                  "their rectors, Mikko Salonen and Aida Serik.")
    assert roles(person(record, "Mikko Salonen")) == [("rector", "Tampere University")]
    assert roles(person(record, "Aida Serik")) == [("rector", "Kazakh National University")]


def test_a_plural_office_of_two_listed_bodies_pairs_them_with_the_names(read) -> None:
    record = read("The agreement was signed by the rectors of Tartu University and Riga Technical University, "
                  "Toomas Asser and Tatjana Volkova.")
    assert roles(person(record, "Toomas Asser")) == [("rector", "Tartu University")]
    assert roles(person(record, "Tatjana Volkova")) == [("rector", "Riga Technical University")]


# -- where the office is held, in the forms news prose uses (issue 8, OFFICES) ---------------------------

def test_an_office_opening_a_whose_clause_is_held_in_the_body_before_it(read) -> None:
    record = read("The guests then toured the Aktobe Regional University, whose rector Bolat Nurlybekov showed "
                  "them the new laboratories.")
    assert roles(person(record, "Bolat Nurlybekov")) == [("rector", "Aktobe Regional University")]


def test_its_after_a_body_named_as_the_object_is_that_bodys_office(read) -> None:
    record = read("The delegation visited the Karaganda Technical University and met its rector, Professor "
                  "Aliya Zhunusova.")
    assert roles(person(record, "Aliya Zhunusova")) == [("rector", "Karaganda Technical University")]


def test_its_with_no_body_named_gives_no_holder(read) -> None:
    record = read("The company said its president Mark Evans would travel to Seoul.")
    assert roles(person(record, "Mark Evans")) == [("president", None)]


@pytest.mark.parametrize(
    ("sentence", "name", "title", "of"),
    [
        ("Kokshetau city akim Yerlan Abenov met the guests at the station.", "Yerlan Abenov", "akim", "Kokshetau"),
        ("Tulkibas district hokim Serik Omarov joined them later.", "Serik Omarov", "hokim", "Tulkibas district"),
    ],
)
def test_a_place_and_the_word_of_its_kind_before_an_office_hold_it(read, sentence: str, name: str, title: str,
                                                                   of: str) -> None:
    assert roles(person(read(sentence), name)) == [(title, of)]


def test_names_then_a_plural_office_of_as_many_places_pair_in_order(read) -> None:
    record = read("Speeches were given by Anna Berg, Jonas Meyer and Karl Weiss, the mayors of Bremen, Lübeck and "
                  "Rostock. On Friday Maria Olsen and Peter Lindqvist, mayors of Bergen and Uppsala respectively, "
                  "spoke about shore power.")
    assert roles(person(record, "Anna Berg")) == [("mayor", "Bremen")]
    assert roles(person(record, "Jonas Meyer")) == [("mayor", "Lübeck")]
    assert roles(person(record, "Karl Weiss")) == [("mayor", "Rostock")]
    assert roles(person(record, "Maria Olsen")) == [("mayor", "Bergen")]
    assert roles(person(record, "Peter Lindqvist")) == [("mayor", "Uppsala")]


def test_the_rectors_of_two_universities_each_named_with_the_pair_in_order(read) -> None:
    record = read("The memorandum was signed by the rectors of the Almaty Technological University and the Kazan "
                  "Federal University, Aigerim Bekova and Ruslan Safin.")
    assert roles(person(record, "Aigerim Bekova")) == [("rector", "Almaty Technological University")]
    assert roles(person(record, "Ruslan Safin")) == [("rector", "Kazan Federal University")]


def test_a_surname_in_apposition_to_an_anaphoric_office_is_its_holder(read) -> None:
    record = read("Shavkat Aliyev met the guests in the Namangan region. The governor of the province, Aliyev, "
                  "recalled the trade figures.")
    assert roles(person(record, "Shavkat Aliyev")) == [("governor", "Namangan region")]


@pytest.mark.parametrize(
    ("sentence", "name", "title", "of"),
    [
        ("Later the delegation was received by Anar Mammadov, Azerbaijan's Minister of Economy, who co-chairs the "
         "commission.", "Anar Mammadov", "minister of economy", "Azerbaijan"),
        ("The panel was chaired by Tomasz Nowak, Poland's Deputy Minister of Funds and Regional Policy.",
         "Tomasz Nowak", "deputy minister of funds and regional policy", "Poland"),
        ("Also present was Kadri Tamm, the Estonian Minister of Education and Research.",
         "Kadri Tamm", "minister of education and research", "Estonia"),
        ("From the partner town of Amiens came Brigitte Martin, the city's former mayor, now a councillor.",
         "Brigitte Martin", "former mayor", "Amiens"),
    ],
)
def test_a_portfolio_after_the_name_keeps_its_words_and_its_state(read, sentence: str, name: str, title: str,
                                                                   of: str) -> None:
    record = read(sentence)
    assert roles(person(record, name)) == [(title, of)]
    assert not any(e.name == "Regional Policy" for e in record.entities)


def test_a_new_title_is_read_from_the_lexicon(read) -> None:
    record = read("Silesia's marshal Jan Nowicki opened the fair. The Omsk delegation was headed by Pavel Orlov, "
                  "first deputy governor of Omsk oblast.")
    assert roles(person(record, "Jan Nowicki")) == [("marshal", "Silesia")]
    assert roles(person(record, "Pavel Orlov")) == [("first deputy governor", "Omsk oblast")]


def test_a_surname_opening_a_who_clause_takes_the_office_it_names(read) -> None:
    record = read("Mikko Saarinen welcomed the guests. Saarinen, who is also the chairman of the Finnish Rectors' "
                  "Conference, spoke about student grants.")
    assert roles(person(record, "Mikko Saarinen")) == [("chairman", "Finnish Rectors' Conference")]


def test_a_legal_form_ends_the_companys_name_not_a_persons(read) -> None:
    record = read("Reports were made by Arman Dosov, chairman of the board of Karaganda Cement Works JSC; and "
                  "Dina Ermek, director of the port.")
    assert roles(person(record, "Arman Dosov")) == [("chairman of the board", "Karaganda Cement Works JSC")]
    assert not any(e.name == "Works JSC" for e in record.entities)


def test_a_portfolio_in_lower_case_is_part_of_the_title(read) -> None:
    record = read("The talks were attended by Igor Petrov, minister of agriculture and food of Tomsk oblast.")
    assert roles(person(record, "Igor Petrov")) == [("minister of agriculture and food", "Tomsk oblast")]


def test_a_surname_that_is_also_a_common_noun_starts_a_korean_name(read) -> None:
    record = read("Gangnam-gu head Park Min-jae welcomed the delegation.")
    assert roles(person(record, "Park Min-jae")) == [("head", "Gangnam-gu")]


@pytest.mark.parametrize(
    ("sentence", "name", "of"),
    [
        ("The course was designed by Liis Tamm, who heads Narva's Institute of Engineering, on Monday.",
         "Liis Tamm", "Institute of Engineering"),
        ("Erlan Sadyk, who heads Aksu's department of tourism, showed the new hotel.", "Erlan Sadyk", "Aksu"),
        ("The guests came from Shinjuku. They were met by Yumi Hayashi, who heads the ward's exchange section.",
         "Yumi Hayashi", "Shinjuku"),
    ],
)
def test_who_heads_names_the_body_or_the_place_whose_unit_it_is(read, sentence: str, name: str, of: str) -> None:
    assert roles(person(read(sentence), name)) == [("head", of)]


def test_the_lower_case_word_city_after_a_body_does_not_part_it_from_the_holder(read) -> None:
    record = read("Chairman of the People's Committee of Hai Phong city Tran Van Minh received the guests.")
    assert roles(person(record, "Tran Van Minh")) == [("chairman", "People's Committee of Hai Phong city")]


def test_a_body_described_by_the_city_gives_the_citys_office(read) -> None:
    record = read("The delegation arrived in Can Tho on Monday. Attending were Vice Chairman of the city People's "
                  "Committee Nguyen Thi Lan and others.")
    assert roles(person(record, "Nguyen Thi Lan")) == [("vice chairman", "Can Tho")]


@pytest.mark.parametrize(
    ("sentence", "name", "of"),
    [
        ("She was met by the head of the Sheki city executive power, Elnur Hasanov.", "Elnur Hasanov", "Sheki"),
        ("The head of the Zagatala district executive power Ramil Aliyev joined them.", "Ramil Aliyev",
         "Zagatala district"),
    ],
)
def test_a_body_described_in_lower_case_after_its_place_gives_the_place(read, sentence: str, name: str,
                                                                        of: str) -> None:
    assert roles(person(read(sentence), name)) == [("head", of)]


def test_the_body_read_as_an_offices_holder_is_no_persons_name(read) -> None:
    record = read("Present were Director of Lotus Hi-Tech Park Vo Thanh Son; and Consul General of Japan in Hue "
                  "Sato Kenji.")
    assert roles(person(record, "Vo Thanh Son")) == [("director", "Lotus Hi-Tech Park")]
    assert not any(e.type == "person" and "Lotus" in e.name for e in record.entities)


def test_an_office_after_a_name_confirms_the_person_over_a_small_town_of_that_name(read) -> None:
    record = read("The forum was opened by Serik Nurlanov, head of the Kyzylorda region, on Monday.")
    assert roles(person(record, "Serik Nurlanov")) == [("head", "Kyzylorda region")]


def test_an_anaphoric_office_with_no_place_named_before_still_has_its_holder(read) -> None:
    record = read("Governor of the region Erlan Kusainov said the Pavlodar region is ready to cooperate.")
    assert roles(person(record, "Erlan Kusainov")) == [("governor", None)]


def test_a_place_in_brackets_after_a_listed_name_holds_the_shared_office(read) -> None:
    record = read("The hokims of the border districts attended: Uchkurgan district hokim Akmal Usmonov, Anvar "
                  "Rashidov (Chust district) and Bobur Karimov (Kasansay district).")
    assert roles(person(record, "Akmal Usmonov")) == [("hokim", "Uchkurgan district")]
    assert roles(person(record, "Anvar Rashidov")) == [("hokim", "Chust district")]
    assert roles(person(record, "Bobur Karimov")) == [("hokim", "Kasansay district")]


def test_a_remit_then_at_a_body_gives_the_body(read) -> None:
    record = read("Ida Holm, head of environment at the Port of Gothenburg, presented the plan.")
    assert roles(person(record, "Ida Holm")) == [("head of environment", "Port of Gothenburg")]


def test_a_bare_office_met_on_a_visit_is_held_in_the_body_or_town_visited(read) -> None:
    record = read("The delegation visited the Osaka University of Economics and met President Hiroshi Yamada. "
                  "The guests also visited Kobe and met Mayor Kenji Ito. In Sakai, they met Mayor Aiko Ono. "
                  "They visited Nara and met Mayor Jun Abe of Ikoma. They visited Japan and met Governor Ken Mori.")
    assert roles(person(record, "Hiroshi Yamada")) == [("president", "Osaka University of Economics")]
    assert roles(person(record, "Kenji Ito")) == [("mayor", "Kobe")]
    assert roles(person(record, "Aiko Ono")) == [("mayor", "Sakai")]
    assert roles(person(record, "Jun Abe")) == [("mayor", "Ikoma")]  # the office's own "of" comes first
    assert roles(person(record, "Ken Mori")) == [("governor", None)]  # a country has no governor


def test_the_town_a_meeting_is_set_in_beats_a_town_inside_a_guests_body(read) -> None:
    record = read("In Portland, Mayor Anna Berg of Sapporo and Chairperson of the Sapporo City Assembly Ken Sato met "
                  "Mayor Keith Wilson at City Hall.")
    assert roles(person(record, "Keith Wilson")) == [("mayor", "Portland")]


def test_describing_words_between_a_possessive_and_the_office_are_skipped(read) -> None:
    record = read("Tucson welcomed the guests on Friday. Maria Lopez, the city's first female mayor, opened the "
                  "festival.")
    assert roles(person(record, "Maria Lopez")) == [("mayor", "Tucson")]


def test_two_offices_joined_by_and_share_the_body_named_after_the_second(read) -> None:
    record = read("The deal was signed by Emma Stone, president and CEO of the Greater Tacoma Chamber.")
    assert roles(person(record, "Emma Stone")) == [("president", "Greater Tacoma Chamber"),
                                                   ("ceo", "Greater Tacoma Chamber")]


def test_an_office_of_an_unnamed_body_is_still_read(read) -> None:
    record = read("Attending were Aliya Nurova and Bekzat Sadyk, Chief of Staff of the akimat.")
    assert roles(person(record, "Bekzat Sadyk")) == [("chief of staff", None)]


@pytest.mark.parametrize(
    ("sentence", "name", "title", "of"),
    [
        ("Elif Kaya (the mayor of Nilüfer) and Sami Demir (the mayor of Osmangazi) attended.",
         "Elif Kaya", "mayor", "Nilüfer"),
        ("Aliya Sarsen – Deputy Akim of Karaganda region – presented the projects.",
         "Aliya Sarsen", "deputy akim", "Karaganda region"),
        ("Ruslan Ibragimov, Yekaterinburg's deputy mayor for economic policy, joined the talks.",
         "Ruslan Ibragimov", "deputy mayor for economic policy", "Yekaterinburg"),
    ],
)
def test_an_office_set_apart_after_a_name_spacy_missed_is_read(read, sentence: str, name: str, title: str,
                                                               of: str) -> None:
    assert roles(person(read(sentence), name)) == [(title, of)]


def test_who_also_chairs_a_body_spacy_names_gives_that_body(read) -> None:
    record = read("Meissen district administrator Klaus Berger, who also chairs the Euroregion Elbe, praised the plan.")
    assert ("chairman", "Euroregion Elbe") in roles(person(record, "Klaus Berger"))


def test_the_chairmen_of_the_two_councils_each_hold_the_office(read) -> None:
    record = read("The chairmen of the two councils, Ingrid Bensch and Marek Drapała, signed the declaration.")
    assert roles(person(record, "Ingrid Bensch")) == [("chairman", None)]
    assert roles(person(record, "Marek Drapała")) == [("chairman", None)]


def test_a_town_and_a_body_noun_name_the_towns_body_named_before(read) -> None:
    record = read("The Pavlodar Pedagogical University and the Omsk State Agrarian University signed a memorandum. "
                  "It was signed by the rector of the Omsk university, Olga Shumakova.")
    assert roles(person(record, "Olga Shumakova")) == [("rector", "Omsk State Agrarian University")]


def test_a_body_named_after_its_town_without_the_holds_the_office(read) -> None:
    record = read("The guests arrived in Da Nang. Present were Director of Danang Hi-Tech Park Pham Hung and "
                  "Director of Lyon Opera Richard Brunel.")
    assert roles(person(record, "Pham Hung")) == [("director", "Danang Hi-Tech Park")]
    assert roles(person(record, "Richard Brunel")) == [("director", "Lyon Opera")]


def test_an_office_of_the_city_body_with_no_city_named_keeps_its_holder(read) -> None:
    record = read("Witnessing the signing was Vice Chairman of the city People's Committee Tran Chi Cuong.")
    assert roles(person(record, "Tran Chi Cuong")) == [("vice chairman", None)]


def test_the_body_after_an_office_in_apposition_keeps_all_its_words(read) -> None:
    record = read("Ms. Sarah Chen, Executive Director of Sister Cities International, said the network grows. "
                  "Mr. Tom Reed, President of Global Harbour Partners, agreed.")
    assert roles(person(record, "Sarah Chen")) == [("executive director", "Sister Cities International")]
    assert roles(person(record, "Tom Reed")) == [("president", "Global Harbour Partners")]
    assert not any(e.type == "person" and e.name in ("Harbour Partners", "Cities International")
                   for e in record.entities)


def test_a_portfolio_listing_its_fields_after_the_name_keeps_them_all(read) -> None:
    record = read("Then Laziz Kudratov, Minister of Investment, Industry and Trade, spoke with the guests.")
    assert roles(person(record, "Laziz Kudratov")) == [("minister of investment, industry and trade", None)]


def test_members_of_the_delegation_before_a_colon_is_no_office(read) -> None:
    record = read("Members of the delegation: Deputy Mayor of Gyumri Artur Sargsyan; Director of the Gyumri "
                  "Technology Center Anna Hakobyan.")
    assert roles(person(record, "Artur Sargsyan")) == [("deputy mayor", "Gyumri")]
    assert roles(person(record, "Anna Hakobyan")) == [("director", "Gyumri Technology Center")]


def test_a_national_delegation_led_by_an_officer_gives_the_state(read) -> None:
    record = read("A Japanese delegation led by Vice Minister Kenji Ueda visited Tashkent.")
    assert roles(person(record, "Kenji Ueda")) == [("vice minister", "Japan")]


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Vice Marshal of Opole Province Anna Nowak opened the fair.", "vice marshal"),
        ("Yesterday the vice-marshal of Opole Province, Anna Nowak, opened the fair.", "vice-marshal"),
    ],
)
def test_a_modifier_joined_to_an_office_the_lexicon_lacks_as_a_pair_is_part_of_it(read, sentence: str,
                                                                                   title: str) -> None:
    record = read(sentence)
    assert roles(person(record, "Anna Nowak")) == [(title, "Opole Province")]


def test_a_name_no_finder_knows_before_a_possessive_owns_the_office(read) -> None:
    record = read("Lower Silesia's marshal Ewa Mazur met the guests.")
    assert roles(person(record, "Ewa Mazur")) == [("marshal", "Lower Silesia")]


def test_the_place_after_a_longer_description_of_its_kind_holds_the_office(read) -> None:
    record = read("Nino Kapanadze, mayor of the western Georgian city of Kutaisi, signed the plan.")
    assert roles(person(record, "Nino Kapanadze")) == [("mayor", "Kutaisi")]


def test_an_office_after_and_is_the_next_persons_not_the_one_named_before(read) -> None:
    record = read("The guests met the Mayor of Cork, Ciara Byrne, and the council's chief executive, Owen Daly.")
    assert roles(person(record, "Ciara Byrne")) == [("mayor", "Cork")]
    assert [title for title, _ in roles(person(record, "Owen Daly"))] == ["chief executive"]


def test_a_unit_of_a_place_written_possessively_after_of_is_held_in_that_place(read) -> None:
    record = read("Talks were held with the head of Bavaria's government, Markus Lang.")
    assert roles(person(record, "Markus Lang")) == [("head of government", "Bavaria")]


@pytest.mark.parametrize(
    ("text", "name", "of"),
    [
        ("Valencia welcomed the guests. Later they met Rosa Vidal, the city's tourism director.", "Rosa Vidal",
         "Valencia"),
        ("In Bavaria, the guests met the state's finance minister, Karl Huber.", "Karl Huber", "Bavaria"),
    ],
)
def test_a_field_written_between_the_possessive_and_the_office_keeps_the_possessor(read, text: str, name: str,
                                                                                   of: str) -> None:
    record = read(text)
    assert [of_ for _, of_ in roles(person(record, name))] == [of]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("The Minister-President of Saxony, Petra Vogel, opened the fair.", "Petra Vogel",
         ("minister-president", "Saxony")),
        ("Mayor Pro Tem Carla Diaz chaired the meeting.", "Carla Diaz", ("mayor pro tem", None)),
        ("Khokim of Andijan region Bakhodir Yusupov met the guests.", "Bakhodir Yusupov", ("khokim", "Andijan region")),
        ("The voivode of Opole Province, Jan Kos, met the guests.", "Jan Kos", ("voivode", "Opole Province")),
    ],
)
def test_offices_of_german_states_us_councils_and_polish_provinces_are_read_as_written(read, sentence: str, name: str,
                                                                                        role: tuple) -> None:
    record = read(sentence)
    assert roles(person(record, name)) == [role]
    assert [e.name for e in record.entities if e.type == "person"] == [name]


def test_the_places_after_a_plural_office_end_with_their_and(read) -> None:
    record = read("The presidents of Kazakhstan and Uzbekistan, Kassym-Jomart Tokayev and Shavkat Mirziyoyev, "
                  "held talks in Tashkent.")
    assert roles(person(record, "Kassym-Jomart Tokayev")) == [("president", "Kazakhstan")]
    assert roles(person(record, "Shavkat Mirziyoyev")) == [("president", "Uzbekistan")]


def test_a_plural_office_then_names_each_of_a_place_gives_each_its_place(read) -> None:
    record = read("The two mayors, Anna Berg of Bergen and Ole Lund of Uppsala, met in Oslo.")
    assert roles(person(record, "Anna Berg")) == [("mayor", "Bergen")]
    assert roles(person(record, "Ole Lund")) == [("mayor", "Uppsala")]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Professor Eva Lind, vice-rector for research of Lund University, opened the school.", "Eva Lind",
         ("vice-rector for research", "Lund University")),
        ("Deputy Governor of Aichi for Trade and Investment Kenji Sato met them.", "Kenji Sato",
         ("deputy governor for trade and investment", "Aichi")),
    ],
)
def test_a_remit_before_or_after_the_place_stays_in_the_office(read, sentence: str, name: str, role: tuple) -> None:
    record = read(sentence)
    assert roles(person(record, name)) == [role]


def test_two_offices_joined_by_and_before_the_holder_share_the_body_named_after_the_second(read) -> None:
    record = read("The visitors were received by the chairman of the board and rector of Satbayev University, "
                  "Marat Sadykov.")
    assert roles(person(record, "Marat Sadykov")) == [("chairman of the board", "Satbayev University"),
                                                      ("rector", "Satbayev University")]


def test_a_regional_assembly_or_department_is_the_region_named_with_its_kind(read) -> None:
    record = read("Delegations of Pavlodar region and Omsk oblast met. The chairman of the regional maslikhat, "
                  "Bolat Iskakov, spoke. The head of the regional department of tourism, Aida Nurova, signed.")
    assert roles(person(record, "Bolat Iskakov")) == [("chairman", "Pavlodar region")]
    assert [of for _, of in roles(person(record, "Aida Nurova"))] == ["Pavlodar region"]


def test_a_deputys_region_is_where_the_article_put_the_principal_office(read) -> None:
    record = read("Podlaskie's marshal Jan Wrona hosted a delegation from Grodno region. "
                  "The region's vice-marshal Ewa Kruk showed the guests around.")
    assert roles(person(record, "Jan Wrona")) == [("marshal", "Podlaskie")]
    assert roles(person(record, "Ewa Kruk")) == [("vice-marshal", "Podlaskie")]


def test_the_office_itself_written_with_the_city_is_held_in_the_nearest_city(read) -> None:
    # only a deputy's office goes back to where the principal office was named; "the city's mayor" is the host's
    record = read("The Mayor of Rzeszow, Tadeusz Ferenc, arrived in Lviv on Monday at the invitation of "
                  "the city's mayor, Andriy Sadovyi.")
    assert roles(person(record, "Tadeusz Ferenc")) == [("mayor", "Rzeszow")]
    assert roles(person(record, "Andriy Sadovyi")) == [("mayor", "Lviv")]


def test_the_holders_age_between_the_name_and_the_office_is_skipped(read) -> None:
    record = read("The talks were opened by Aibek Tursunov, 52, head of the Kemin district administration.")
    assert roles(person(record, "Aibek Tursunov")) == [("head", "Kemin district")]


def test_an_of_after_the_name_overrides_the_place_its_suggests(read) -> None:
    record = read("Guests from Tokmok met farmers from Baizak district. The Kazakh delegation was led by its akim, "
                  "Daniyar Omarov of Baizak district.")
    assert roles(person(record, "Daniyar Omarov")) == [("akim", "Baizak district")]


def test_her_excellency_before_a_name_is_no_part_of_it(read) -> None:
    record = read("The reception was hosted by the Ambassador of Chile to Japan, Her Excellency Ana Rojas.")
    assert roles(person(record, "Ana Rojas")) == [("ambassador", "Chile")]
    assert not any("Excellency" in e.name for e in record.entities)


def test_an_aimag_is_named_with_its_kind_word_like_a_region(read) -> None:
    record = read("The plan was signed by Khovd aimag Governor Bat-Erdene Gombo on Monday.")
    assert roles(person(record, "Bat-Erdene Gombo")) == [("governor", "Khovd aimag")]


def test_a_named_body_a_place_owns_after_of_is_the_holders_body(read) -> None:
    record = read("Bruges hosted the talks. Present was Ann Peeters, director of the city's Concertgebouw Foundation.")
    assert roles(person(record, "Ann Peeters")) == [("director", "Concertgebouw Foundation")]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Mayor of Galway Sean O'Connor Walsh welcomed the guests.", "Sean O'Connor Walsh", ("mayor", "Galway")),
        ("The guests were welcomed by Mayor Niamh O’Brien on Friday.", "Niamh O’Brien", ("mayor", None)),
        ("Mayor Ma'ruf Amin Hasan welcomed the guests.", "Ma'ruf Amin Hasan", ("mayor", None)),
    ],
)
def test_a_name_with_an_apostrophe_inside_a_word_is_read_whole(read, sentence: str, name: str, role: tuple) -> None:
    record = read(sentence)
    assert roles(person(record, name)) == [role]


def test_a_portuguese_particle_inside_a_name_stays_in_it(read) -> None:
    record = read("Mayor Ana Paula dos Santos opened the fair.")
    assert roles(person(record, "Ana Paula dos Santos")) == [("mayor", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lena Holm, the 45-year-old mayor of Malmo, cut the ribbon.",
        "Lena Holm, the long-serving mayor of Malmo, cut the ribbon.",
        "Lena Holm, currently the mayor of Malmo, cut the ribbon.",
        "The ribbon was cut by Lena Holm as mayor of Malmo.",
        "Malmo hosted the fair. Lena Holm, Malmo's mayor since 2019, cut the ribbon.",
    ],
)
def test_an_office_after_the_name_survives_describers_adverbs_as_and_since(read, sentence: str) -> None:
    record = read(sentence)
    assert roles(person(record, "Lena Holm")) == [("mayor", "Malmo")]


def test_its_after_led_by_is_the_delegations_body_not_the_sentences_subject(read) -> None:
    record = read("The Hue City People's Council received a delegation from the Nara Prefectural Assembly, led by "
                  "its Chairman Kenji Ota, on Monday.")
    assert roles(person(record, "Kenji Ota")) == [("chairman", "Nara Prefectural Assembly")]


def test_the_then_before_an_office_marks_it_former(read) -> None:
    record = read("In 2012 the then governor of Naryn region Almaz Bekov visited Kashgar.")
    assert roles(person(record, "Almaz Bekov")) == [("former governor", "Naryn region")]


def test_the_two_countries_after_a_plural_office_are_the_two_the_article_named(read) -> None:
    record = read("Armenia and Georgia discussed a rail link. The talks prepare a meeting of the prime ministers of "
                  "the two countries, Hayk Arakelyan and Levan Tsiklauri, in May.")
    assert roles(person(record, "Hayk Arakelyan")) == [("prime minister", "Armenia")]
    assert roles(person(record, "Levan Tsiklauri")) == [("prime minister", "Georgia")]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The harbourmaster of Aktau, Serik Omarov, showed the guests the new ferry terminal.",
         "Serik Omarov", [("harbourmaster", "Aktau")]),
        ("The agreement was signed by the Landrat of Görlitz, Stephan Meyer, and the starost of Zgorzelec County, "
         "Anna Nowak.", "Anna Nowak", [("starost", "Zgorzelec County")]),
        ("Chief Physician of the Karakol City Hospital Aibek Usenov met the doctors from Almaty.",
         "Aibek Usenov", [("chief physician", "Karakol City Hospital")]),
        ("The Northwest Seaport Alliance will add shore power. The alliance's chief financial officer, Dan Reyes, "
         "put the cost at $48 million.", "Dan Reyes", [("chief financial officer", "Northwest Seaport Alliance")]),
        ("The Northwest Seaport Alliance will add shore power, said Maria Lopez, who serves as chief operating "
         "officer of the Northwest Seaport Alliance.", "Maria Lopez",
         [("chief operating officer", "Northwest Seaport Alliance")]),
    ],
)
def test_an_office_the_lexicon_lacks_is_read_from_its_frame(read, text: str, name: str,
                                                            expected: list[tuple[str, str]]) -> None:
    assert roles(person(read(text), name)) == expected


def test_a_frame_with_no_office_noun_gives_no_office(read) -> None:
    record = read("The pride of Osh, Bakyt Ibraimov, won the race in Bishkek on Sunday.")
    assert roles(person(record, "Bakyt Ibraimov")) == []


def test_a_body_shortened_to_its_town_and_head_noun_is_the_body_named_before(read) -> None:
    record = read("The Izmir Chamber of Commerce and the Port of Baku signed a protocol. Ayşe Demirel, secretary "
                  "general of the Izmir chamber, will lead a working group. Taleh Mammadov, who heads the Baku port, "
                  "said cargo would grow.")
    assert roles(person(record, "Ayşe Demirel")) == [("secretary general", "Izmir Chamber of Commerce")]
    assert roles(person(record, "Taleh Mammadov")) == [("head", "Port of Baku")]


def test_a_delegation_led_by_an_officer_in_the_passive_is_the_officers_town(read) -> None:
    record = read("The Graz delegation was led by Deputy Mayor Kurt Hohensinner.")
    assert roles(person(record, "Kurt Hohensinner")) == [("deputy mayor", "Graz")]


def test_its_office_in_a_delegation_from_a_region_of_a_country_is_the_regions(read) -> None:
    record = read("A delegation from Bavaria of the Federal Republic of Germany, led by its Minister of Economy "
                  "Hubert Roth, visited Prague on Monday.")
    assert roles(person(record, "Hubert Roth")) == [("minister of economy", "Bavaria")]


def test_a_remit_in_charge_of_between_the_office_and_its_holder_is_skipped(read) -> None:
    record = read("The delegation arrived in Verona on Monday. The city's deputy mayor in charge of culture and "
                  "tourism, Maria Rossi, welcomed the guests.")
    assert roles(person(record, "Maria Rossi")) == [("deputy mayor", "Verona")]


def test_a_lao_minister_is_a_minister_of_laos(read) -> None:
    record = read("Lao Vice Minister of Industry and Commerce Phoxay Khaykham signed the document in Kunming.")
    assert roles(person(record, "Phoxay Khaykham")) == [("vice minister of industry and commerce", "Laos")]


def test_a_body_set_off_by_commas_after_a_bare_office_is_where_it_is_held(read) -> None:
    record = read('"We are ready," said Kenji Watanabe, President, Japan External Trade Organization, after the talks.')
    assert roles(person(record, "Kenji Watanabe")) == [("president", "Japan External Trade Organization")]


def test_a_body_name_run_into_its_holders_given_name_ends_before_it(read) -> None:
    record = read("Secretary General of the Ankara Chamber of Industry Ahmet Demir said the talks went well.")
    assert roles(person(record, "Ahmet Demir")) == [("secretary general", "Ankara Chamber of Industry")]


def test_a_legal_form_after_a_company_name_ends_it_before_the_holder(read) -> None:
    record = read("General Director of Uzbekistan Airways JSC Shukhrat Ismoilov announced new flights to Seoul.")
    # the company keeps its legal form in its name and answers to the name without it
    assert roles(person(record, "Shukhrat Ismoilov")) == [("director general", "Uzbekistan Airways JSC")]
    company = next(e for e in record.entities if e.type == "organization" and e.name == "Uzbekistan Airways JSC")
    assert "Uzbekistan Airways" in company.aliases
    assert not any(e.type == "organization" and "Ismoilov" in e.name for e in record.entities)


def test_the_first_word_of_a_two_word_office_is_not_the_end_of_a_body_name(read) -> None:
    record = read("Uzbekistan Airways General Director Shukhrat Ismoilov spoke at the opening in Tashkent.")
    assert roles(person(record, "Shukhrat Ismoilov")) == [("director general", "Uzbekistan Airways")]


def test_the_country_named_after_an_offices_town_is_no_part_of_the_office(read) -> None:
    record = read("The guests were met by the Mayor of Busan of the Republic of Korea Park Heong-joon and his staff.")
    assert roles(person(record, "Park Heong-joon")) == [("mayor", "Busan")]


def test_a_delegation_from_a_described_town_is_led_by_that_towns_officer(read) -> None:
    record = read("A delegation from the Georgian city of Kutaisi, led by Deputy Mayor Nino Beridze, visited Batumi.")
    assert roles(person(record, "Nino Beridze")) == [("deputy mayor", "Kutaisi")]


def test_a_region_word_after_the_offices_town_names_the_region(read) -> None:
    record = read("The guests visited Töv aimag. The governor of Töv aimag, Batbayar Dorj, met them in Zuunmod.")
    assert roles(person(record, "Batbayar Dorj")) == [("governor", "Töv aimag")]


def test_a_board_of_directors_is_part_of_the_office_and_the_company_is_its_body(read) -> None:
    record = read("Chairman of the Board of Directors of the Volga Shipping Company Ildar Safin met the buyers in Kazan.")
    assert roles(person(record, "Ildar Safin")) == [("chairman of the board of directors", "Volga Shipping Company")]


def test_a_ministry_named_with_its_state_is_the_body_and_the_name_after_it_the_holder(read) -> None:
    record = read("Head of the Foreign Economic Relations Department of the Ministry of Economy of Azerbaijan "
                  "Leyla Huseynova spoke.")
    assert roles(person(record, "Leyla Huseynova")) == [
        ("head of the foreign economic relations department", "Ministry of Economy of Azerbaijan")]


def test_a_holder_whose_surname_is_also_a_towns_follows_a_body_of_a_province(read) -> None:
    record = read("Director General of the Development Agency of Bursa Province Emre Kaya welcomed the visitors.")
    assert roles(person(record, "Emre Kaya")) == [("director general", "Development Agency of Bursa Province")]


def test_holders_of_a_plural_office_take_the_places_after_them_in_turn(read) -> None:
    record = read("Mayors Hüseyin Can Güner and Mesut Özarslan of Çankaya and Keçiören signed the charter on Friday.")
    assert roles(person(record, "Hüseyin Can Güner")) == [("mayor", "Çankaya")]
    assert roles(person(record, "Mesut Özarslan")) == [("mayor", "Keçiören")]


def test_holders_of_a_plural_office_share_the_one_body_after_them(read) -> None:
    record = read("Deputy Directors Olga Kravets and Ivan Melnyk of the Lviv Regional Museum opened the exhibition.")
    assert roles(person(record, "Olga Kravets")) == [("deputy director", "Lviv Regional Museum")]
    assert roles(person(record, "Ivan Melnyk")) == [("deputy director", "Lviv Regional Museum")]


def test_the_organization_is_the_last_body_called_one_not_the_last_body(read) -> None:
    record = read("Secretary General of the Organization of Islamic Cooperation Omar Farouk opened the meeting. "
                  "Director of the Jordan Tourism Board Lina Haddad spoke next. Deputy Secretaries General of the "
                  "organization Tariq Aziz Khan and Yousef Salem chaired the panels.")
    assert roles(person(record, "Tariq Aziz Khan")) == [("deputy secretary general", "Organization of Islamic Cooperation")]
    assert roles(person(record, "Lina Haddad")) == [("director", "Jordan Tourism Board")]


def test_a_word_spacy_leaves_between_a_body_and_a_full_name_ends_the_body(read) -> None:
    record = read("Secretary General of the Organization of Turkic States Kubanychbek Omuraliev opened the summit.")
    assert roles(person(record, "Kubanychbek Omuraliev")) == [("secretary general", "Organization of Turkic States")]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("The delegation was welcomed by Bukhara regional hokim Botir Zaripov.", "Botir Zaripov", ("hokim", "Bukhara region")),
        ("Gabala district executive head Sabuhi Abdullayev received the delegation.", "Sabuhi Abdullayev",
         ("head", "Gabala district")),
        ("Batumi city hall chief Archil Chikovani signed the plan.", "Archil Chikovani", ("chief", "Batumi")),
    ],
)
def test_lower_case_words_describing_a_places_body_do_not_part_the_office_from_the_place(
        read, sentence: str, name: str, role: tuple[str, str]) -> None:
    assert roles(person(read(sentence), name)) == [role]


def test_the_noun_of_a_known_place_after_an_office_is_the_body_holding_it(read) -> None:
    record = read("Director of the Observatory of Yerevan Areg Mickaelian spoke in Yerevan on Monday.")
    assert roles(person(record, "Areg Mickaelian")) == [("director", "Observatory of Yerevan")]


def test_a_portfolio_without_an_article_stays_part_of_the_office(read) -> None:
    record = read("Minister of Culture of Armenia Zhanna Andreasyan spoke in Yerevan on Monday.")
    assert roles(person(record, "Zhanna Andreasyan")) == [("minister of culture", "Armenia")]


def test_an_abbreviated_honorific_with_its_full_stop_stands_between_office_and_holder(read) -> None:
    record = read("Vice-Rector for Research Assoc. Prof. Dana Kemelova presented the laboratories.")
    assert roles(person(record, "Dana Kemelova")) == [("vice-rector for research", None)]


def test_a_unit_no_finder_knows_is_part_of_the_office_in_the_body_after_it(read) -> None:
    record = read("Head of the Laboratory of Soil Physics and Chemistry of KazNU Dr. Aidos Bekov showed the guests around.")
    assert roles(person(record, "Aidos Bekov")) == [("head of the laboratory of soil physics and chemistry", "KazNU")]


def test_a_capitalised_board_before_a_dash_and_a_second_office_shares_its_body(read) -> None:
    record = read("The memorandum was signed by the Chairman of the Board – Rector of KazNU Marat Abenov.")
    assert roles(person(record, "Marat Abenov")) == [("chairman of the board", "KazNU"), ("rector", "KazNU")]


def test_principal_secretary_is_one_office(read) -> None:
    record = read("Principal Secretary (Labour) Dr. Rekha Nair was also present.")
    assert roles(person(record, "Rekha Nair")) == [("principal secretary", None)]


def test_a_three_word_name_run_into_a_body_after_its_place_is_the_holder(read) -> None:
    record = read("Chairman of the People's Committee of Ho Chi Minh City Phan Van Mai received them.")
    assert roles(person(record, "Phan Van Mai")) == [("chairman", "People's Committee of Ho Chi Minh City")]


def test_a_country_written_with_the_is_no_body_named_after_a_town(read) -> None:
    record = read("Vice President of the Philippines Ana Reyes-Cruz and Senator Jose Miguel Tan attended the launch.")
    assert roles(person(record, "Ana Reyes-Cruz")) == [("vice president", "Philippines")]
    assert roles(person(record, "Jose Miguel Tan")) == [("senator", None)]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ('Director of the museum "Otrar" Aigul Zhanibek showed the guests around.', "Aigul Zhanibek", ("director", "Otrar")),
        ("Director of the State Enterprise «Kazakhstan Temir Zholy» Talgat Alimov spoke.", "Talgat Alimov",
         ("director", "State Enterprise Kazakhstan Temir Zholy")),
        ('Chairman of the Board of Directors of "Uzbekistan Airways" JSC Shukhrat Ismoilov attended.',
         "Shukhrat Ismoilov", ("chairman of the board of directors", "Uzbekistan Airways")),
    ],
)
def test_a_body_named_in_quotes_holds_the_office_of_the_name_after_the_closing_quote(
        read, sentence: str, name: str, role: tuple[str, str]) -> None:
    assert roles(person(read(sentence), name)) == [role]


def test_a_division_of_several_words_before_its_place_stays_part_of_the_office(read) -> None:
    record = read("The director of the Trade Promotion Division of Shimane Prefecture, Yuki Endo, met the buyers.")
    [(title, of)] = roles(person(record, "Yuki Endo"))
    assert title == "director of the trade promotion division"
    assert of is not None and of.startswith("Shimane")


def test_a_body_head_word_before_an_office_ends_the_body_not_part_of_the_office(read) -> None:
    record = read("Jeju Tourism Organization President Ko Seung-chul signed the agreement on Monday.")
    assert [title for title, _ in roles(person(record, "Ko Seung-chul"))] == ["president"]


def test_a_membership_keeps_the_body_words_before_it_in_the_office(read) -> None:
    record = read("TDBB Administrative Board Member Ali Demir attended the meeting in Konya.")
    assert [title for title, _ in roles(person(record, "Ali Demir"))] == ["administrative board member"]


@pytest.mark.parametrize(
    ("sentence", "name", "title", "of"),
    [
        ("Head of the Protocol Department of Ural Federal University Irina Sokolova met the guests in Yekaterinburg.",
         "Irina Sokolova", "head of the protocol department", "Ural Federal University"),
        ("Director of the Department of Culture of Lviv Region Taras Melnyk opened the festival in Lviv.",
         "Taras Melnyk", "director of the department of culture", "Lviv Region"),
    ],
)
def test_a_unit_named_inside_a_body_goes_into_the_office_and_the_body_after_it_holds_it(
        read, sentence: str, name: str, title: str, of: str) -> None:
    assert roles(person(read(sentence), name)) == [(title, of)]


def test_a_department_named_only_by_its_remit_is_the_body_itself(read) -> None:
    record = read("Chairman of the Department of Ports and Shipping Omar Haddad signed the protocol in Muscat.")
    assert roles(person(record, "Omar Haddad")) == [("chairman", "Department of Ports and Shipping")]


def test_a_department_named_by_its_place_and_remit_is_the_body_itself(read) -> None:
    record = read("Director General of the Sharjah Department of Economic Development Hamad Al Qasimi spoke first.")
    assert roles(person(record, "Hamad Al Qasimi")) == [("director general", "Sharjah Department of Economic Development")]


@pytest.mark.parametrize(
    ("sentence", "name", "of"),
    [
        ("Aktau Seaport Director Nurlan Abenov met the guests on the pier.", "Nurlan Abenov", "Aktau Seaport"),
        ("Astana Opera Director Galym Akhmetov welcomed the orchestra from Milan.", "Galym Akhmetov", "Astana Opera"),
        ("Batumi Mayor Giorgi Beridze welcomed the orchestra from Milan.", "Giorgi Beridze", "Batumi"),
    ],
)
def test_a_body_named_after_its_town_before_an_office_holds_it_not_the_town(
        read, sentence: str, name: str, of: str) -> None:
    assert [r.of for r in person(read(sentence), name).roles] == [of]


def test_an_envoy_to_a_state_written_with_the_before_the_comma_still_names_the_holder(read) -> None:
    record = read("The Ambassador of Kazakhstan to the Netherlands, Aida Sultanova, opened the exhibition.")
    assert roles(person(record, "Aida Sultanova")) == [("ambassador", "Kazakhstan")]


def test_a_lower_case_remit_after_the_offices_place_joins_the_office(read) -> None:
    record = read("The guests were received by the deputy hokim of Fergana Region for tourism, Anvar Tojiev.")
    assert roles(person(record, "Anvar Tojiev")) == [("deputy hokim for tourism", "Fergana Region")]


@pytest.mark.parametrize(
    ("sentence", "name", "of"),
    [
        ("Also there was the director of the Karaganda Steel Rolling Mill, Galym Abenov, who spoke about jobs.",
         "Galym Abenov", "Karaganda Steel Rolling Mill"),
        ("The chief executive of Kazakhstan Temir Zholy, Nurlan Sauranbayev, signed the deal in Beijing.",
         "Nurlan Sauranbayev", "Kazakhstan Temir Zholy"),
    ],
)
def test_capitalised_words_before_a_comma_and_a_name_in_apposition_end_the_body(
        read, sentence: str, name: str, of: str) -> None:
    record = read(sentence)
    assert [r.of for r in person(record, name).roles] == [of]
    assert [e.name for e in record.entities if e.type == "person"] == [name]


def test_the_host_state_after_to_ends_before_the_envoys_name(read) -> None:
    record = read('The akim of Turkistan region met the guests. "Two of these projects are already under way," said '
                  "Ambassador Extraordinary and Plenipotentiary of Tajikistan to Kazakhstan Rustam Kholov.")
    assert roles(person(record, "Rustam Kholov")) == [("ambassador", "Tajikistan")]
    assert not any(e.type == "organization" and "Kholov" in e.name for e in record.entities)


def test_a_name_particle_after_a_bodys_last_word_makes_that_word_the_holders_given_name(read) -> None:
    record = read("Chairman of the Abu Dhabi Chamber of Commerce and Industry Rashid bin Khalifa Al Nahyan "
                  "received a mission from Almaty.")
    assert roles(person(record, "Rashid bin Khalifa Al Nahyan")) == [
        ("chairman", "Abu Dhabi Chamber of Commerce and Industry")]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Guests came from Graz. Graz's head of international relations, Petra Lange, showed them the old town.",
         "Petra Lange", ("head of international relations", "Graz")),
        ("A group from Leipzig arrived on Monday. The city's director of tourism, Mart Kask, met them at the station.",
         "Mart Kask", ("director of tourism", "Leipzig")),
        ("The visit was prepared by Jan Novak, head of protocol, who met the guests at the airport.",
         "Jan Novak", ("head of protocol", None)),
        ("Head of external relations of Kaunas Rasa Jurkiene opened the exhibition.",
         "Rasa Jurkiene", ("head of external relations", "Kaunas")),
        ("The acting chairman of the Committee for Investment, Saltanat Berdibek, opened the forum.",
         "Saltanat Berdibek", ("acting chairman", "Committee for Investment")),
        ("The guests were met by Gulnara Omarova, acting chairman of the Committee for Investment, in Astana.",
         "Gulnara Omarova", ("acting chairman", "Committee for Investment")),
        ("The acting rector of Kazan Federal University, Ilnur Gaifullin, signed the memorandum.",
         "Ilnur Gaifullin", ("acting rector", "Kazan Federal University")),
        ("Germany's new ambassador, Klaus Weber, presented his credentials in Tashkent.",
         "Klaus Weber", ("ambassador", "Germany")),
        ("Leipzig's longtime mayor, Burkhard Arndt, welcomed the choir.",
         "Burkhard Arndt", ("mayor", "Leipzig")),
        ("Valparaiso's municipal administrator, Diego Riquelme, attended the signing.",
         "Diego Riquelme", ("administrator", "Valparaiso")),
    ],
)
def test_lower_case_words_around_an_office_neither_drop_it_nor_hide_its_owner(
        read, sentence: str, name: str, role: tuple[str, str | None]) -> None:
    """A head's field after "of" ("head of protocol") is part of the office, not its holder's body, and the
    holder named before it or apposed after it keeps it. "acting" qualifies nothing but an office, so in lower
    case it is still part of it (an acting chairman is not the chairman). An adjective between a possessive
    and the office ("Germany's new ambassador") does not hide whose office it is."""
    assert roles(person(read(sentence), name)) == [role]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("International Road Transport Union Secretary General Umberto Ferri opened the session.",
         "Umberto Ferri", ("secretary general", "International Road Transport Union")),
        ("Kazakh Invest National Company Chairman Meirzhan Yussupov signed for the Kazakh side.",
         "Meirzhan Yussupov", ("chairman", "Kazakh Invest National Company")),
        ("The governor of the Souss-Massa region, Ahmed Hajji, received the delegation in Agadir.",
         "Ahmed Hajji", ("governor", "Souss-Massa region")),
        ("Wali of Casablanca Mohamed Benali welcomed the visitors.", "Mohamed Benali", ("wali", "Casablanca")),
        ("Burmistrz of Lublin Krzysztof Nowicki signed the letter of intent.",
         "Krzysztof Nowicki", ("burmistrz", "Lublin")),
        ("Hejtman of the South Moravian Region Jan Dvorak spoke at the opening.",
         "Jan Dvorak", ("hejtman", "South Moravian Region")),
    ],
)
def test_whose_office_it_is_named_in_ways_other_writers_use(read, sentence: str, name: str,
                                                           role: tuple[str, str | None]) -> None:
    """A body of three or more capitalised words before an office is the body that holds it, even with no
    place in its name; a region named with hyphens and a kind word is a place; translated news keeps local
    offices (wali, burmistrz, hejtman)."""
    assert roles(person(read(sentence), name)) == [role]


def test_a_chief_physician_written_after_the_hospital_name_is_an_office_not_a_name(read) -> None:
    record = read("Shymkent City Hospital Chief Physician Daulet Amanov and Head Physician of the Taraz Children's "
                  "Clinic Saule Ermekova met the guests.")
    assert roles(person(record, "Daulet Amanov")) == [("chief physician", "Shymkent City Hospital")]
    assert "Saule Ermekova" in [e.name for e in record.entities if e.type == "person"]


@pytest.mark.parametrize(
    ("sentence", "name", "title", "of"),
    [
        ("Sheikh Rashid bin Khalifa Al Nahyan, Chairman of the Sharjah Chamber of Commerce and Industry, "
         "received the guests on Monday.", "Rashid bin Khalifa Al Nahyan", "chairman",
         "Sharjah Chamber of Commerce and Industry"),
        ("The visitors were welcomed by Sheikha Noura bint Saeed Al Thani, President of Qatar University.",
         "Noura bint Saeed Al Thani", "president", "Qatar University"),
    ],
)
def test_a_sheikh_is_an_honorific_not_part_of_the_name(read, sentence: str, name: str, title: str, of: str) -> None:
    record = read(sentence)
    holder = person(record, name)
    assert not holder.name.startswith("Sheikh")
    assert roles(holder) == [(title, of)]


def test_an_office_in_a_bureau_of_a_town_government_is_held_in_the_bureau(read) -> None:
    record = read("Director of the Transportation Bureau of the Taichung City Government Wang Li-hua "
                  "presented the new bus routes to the guests from Sendai.")
    assert roles(person(record, "Wang Li-hua")) == [
        ("director", "Transportation Bureau of the Taichung City Government")]


def test_a_body_named_after_its_town_before_an_office_holds_it(read) -> None:
    # no head word says it is a body: the office written right after it does, and the body's word is no office's
    record = read("Osh Vodokanal Director Bakyt Sultanov met the engineers from Kazan on Tuesday. "
                  "Osh Vodokanal will replace forty kilometres of old pipes this year.")
    assert roles(person(record, "Bakyt Sultanov")) == [("director", "Osh Vodokanal")]
    record = read("Namangan Suvokova Chief Engineer Jasur Tursunov showed the guests the new pumps on Friday.")
    assert roles(person(record, "Jasur Tursunov")) == [("chief engineer", "Namangan Suvokova")]


# -- a town's office written bare (ROLES12) ------------------------------------------------------------

def test_a_bare_mayor_is_the_mayor_of_the_town_named_before_in_the_sentence(read) -> None:
    record = read("The municipality of Ohrid stayed out of the talks, but Mayor Vesna Petrovska received the guests.")
    assert roles(person(record, "Vesna Petrovska")) == [("mayor", "Ohrid")]


def test_a_bare_mayor_is_the_mayor_of_the_town_whose_news_it_is(read) -> None:
    record = read("TARTU, 3 March 2025 - Mayor Kalle Tamm welcomed a choir from Gdańsk on Tuesday.")
    assert roles(person(record, "Kalle Tamm")) == [("mayor", "Tartu")]


def test_a_bare_governor_beside_a_partners_governor_governs_the_other_partner(read) -> None:
    record = read("Cebu and Jeju signed a tourism pact on Friday. Governor Ana Reyes and Jeju Governor Oh Min-jun "
                  "signed it at the Capitol in Cebu.")
    assert roles(person(record, "Oh Min-jun")) == [("governor", "Jeju")]
    assert roles(person(record, "Ana Reyes")) == [("governor", "Cebu")]


@pytest.mark.parametrize(
    ("text", "name"),
    [("Kutaisi signed a twinning agreement with Tartu on Monday. The mayor of the Georgian city, Giorgi Beridze, said "
      "the pact would bring students.", "Giorgi Beridze"),
     ("Batumi hosted the forum on Monday. The mayor of the Black Sea city, Giorgi Beridze, opened it.", "Giorgi Beridze"),
     ("Officials from Lahti arrived on Monday. The head of the Finnish delegation, Pekka Virta, thanked the hosts.",
      "Pekka Virta")],
)
def test_a_place_described_by_its_kind_before_a_holder_is_no_body_in_mixed_case(read, text: str, name: str) -> None:
    # "the Georgian city", "the Finnish delegation": a nation's or a sea's capitals, not a body's name
    record = read(text)
    assert not any(of and (" city" in of or " delegation" in of) for e in record.entities if e.name == name
                   for _, of in roles(e))


@pytest.mark.parametrize("text", [
    "Mayor Jane Roe came back from Kotka on Sunday after signing the twinning agreement.",
    "Mayor Jane Roe returned from Kotka on Sunday.",
    "Mayor Jane Roe returned to the talks in Kotka after a short break.",
    "Mayor Jane Roe returned to work on Monday after a week of meetings in Kotka.",
    "Governor Jane Roe went back on her promise to open an office in Kotka.",
])
def test_a_bare_office_holder_is_not_placed_by_where_she_came_back_from_or_what_she_returned_to(read, text: str) -> None:
    # only the town she goes home to is hers: not one she left, nor one inside what she returned to
    assert [of for _, of in roles(person(read(text), "Jane Roe"))] == [None]
