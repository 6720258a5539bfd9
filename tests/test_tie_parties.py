"""Tie parties: an owner with several partners, the place "the city" stands for, gapped pair lists,
headline shorthands and possessive places that only describe a party."""
from __future__ import annotations

from amity.model import Record


def pairs(record: Record) -> set[frozenset[str]]:
    return {frozenset(t.parties) for t in record.ties}


def test_partners_in_apposition_with_its_are_each_the_subjects_partner_not_each_others(read) -> None:
    record = read("The city of Tartu maintains close ties with Turku and Uppsala, its partner cities.")
    assert pairs(record) == {frozenset({"Tartu", "Turku"}), frozenset({"Tartu", "Uppsala"})}
    assert all(t.kind == "sister_city" for t in record.ties)


def test_a_relative_clause_gives_its_partners_to_the_town_it_describes(read) -> None:
    record = read("On Friday the town of Tartu, which keeps friendly relations with Turku and Uppsala, its "
                  "twin towns, opened a music festival.")
    assert pairs(record) == {frozenset({"Tartu", "Turku"}), frozenset({"Tartu", "Uppsala"})}


def test_the_city_as_signatory_is_the_city_the_story_is_about(read) -> None:
    record = read("PADUCAH, Ky. — Paducah became a sister city of Kiryu, Japan, in 1988, when a company from the "
                  "Japanese city opened a plant there. In 2003 the city signed a second sister city agreement, "
                  "with Cancún in Mexico.", published="2024-04-18")
    assert frozenset({"Paducah", "Cancún"}) in pairs(record)
    assert frozenset({"Kiryu", "Cancún"}) not in pairs(record)


def test_the_town_that_signs_unnamed_is_the_one_named_first_not_one_named_often_later(read) -> None:
    record = read("Song festival opens in Ghent\n\nThe city of Ghent welcomed choirs from Lille on Friday. A "
                  "friendship agreement with Dortmund was signed in 1996. Lille's choir sang twice, and Lille's "
                  "mayor thanked the hosts.", published="2024-06-14")
    assert frozenset({"Ghent", "Dortmund"}) in pairs(record)
    assert frozenset({"Lille", "Dortmund"}) not in pairs(record)


def test_each_with_of_one_signing_is_a_partner_of_the_kind_its_own_document_names(read) -> None:
    record = read("The mayor of Riga presented the annual report on Monday. This year the city signed a "
                  "memorandum of understanding with Kitakyushu of Japan on port management and with Incheon "
                  "of the Republic of Korea on logistics, and a sister-city agreement with Rostov-on-Don.",
                  published="2024-12-03")
    kinds = {frozenset(t.parties): t.kind for t in record.ties}
    assert kinds == {frozenset({"Riga", "Kitakyushu"}): "cooperation", frozenset({"Riga", "Incheon"}): "cooperation",
                     frozenset({"Riga", "Rostov-on-Don"}): "sister_city"}


def test_a_gapped_list_of_pairs_shares_the_signing_the_sentence_before_told(read) -> None:
    record = read("Three district municipalities of Istanbul signed twinning protocols with districts of Baku "
                  "on Thursday. Kadıköy signed with Nasimi district, Üsküdar with Khatai district, and Fatih with "
                  "Sabail district.", published="2023-11-17")
    assert pairs(record) == {frozenset({"Kadıköy", "Nasimi district"}), frozenset({"Üsküdar", "Khatai district"}),
                             frozenset({"Fatih", "Sabail district"})}
    for tie in record.ties:
        assert (tie.kind, tie.status, tie.date) == ("sister_city", "signed", "2023-11-16")


def test_a_place_whose_possessive_describes_the_partner_is_no_party(read) -> None:
    record = read("The deputy mayor said that Konya itself has had a sister-city agreement with Turkistan's "
                  "neighbour Shymkent for many years.")
    assert pairs(record) == {frozenset({"Konya", "Shymkent"})}


def test_a_headline_pair_whose_parties_each_sign_with_someone_else_is_no_tie(read) -> None:
    record = read("Gyeonggi governor and Suwon mayor in Hanoi: province and city sign two agreements\n\n"
                  "On Tuesday the governor and the chairman of Bac Ninh province signed an agreement on "
                  "cooperation between Gyeonggi Province and Bac Ninh province. On the same day the mayor of Suwon "
                  "and the mayor of Ha Long signed an agreement on cooperation between Suwon and Ha Long.",
                  published="2024-05-09")
    # a province the gazetteer lacks is a place as written ("Bac Ninh province", alias "Bac Ninh"): either names it
    assert pairs(record) in ({frozenset({"Gyeonggi", "Bac Ninh"}), frozenset({"Suwon", "Ha Long"})},
                             {frozenset({"Gyeonggi", "Bac Ninh province"}), frozenset({"Suwon", "Ha Long"})})


def test_an_agreement_signed_with_a_town_and_no_signatory_is_the_story_towns(read) -> None:
    record = read("TARTU – The city of Tartu opened its student festival on Friday. In 1991 Tartu became a twin "
                  "town of Turku. A friendship agreement with Lüneburg was signed in 1995.", published="2024-05-10")
    assert frozenset({"Tartu", "Lüneburg"}) in pairs(record)
    assert frozenset({"Turku", "Lüneburg"}) not in pairs(record)


def test_an_agreement_signed_with_a_body_and_no_signatory_is_not_given_to_the_story_town(read) -> None:
    record = read("TARTU – The city of Tartu opened its student festival on Friday. A memorandum with the Port "
                  "of Helsinki was signed in 2019.", published="2024-05-10")
    assert not any("Tartu" in t.parties for t in record.ties)


def test_the_agency_in_brackets_of_a_dateline_is_the_source_not_a_party(read) -> None:
    record = read("VILNIUS, March 4 (BNS) – The Port of Klaipeda and the Port of Kiel signed a memorandum on "
                  "ferry links on Tuesday.", published="2025-03-05")
    assert pairs(record) == {frozenset({"Port of Klaipeda", "Port of Kiel"})}


def test_those_who_agree_to_cooperate_are_not_joined_by_the_places_that_contain_them(read) -> None:
    record = read("Officials of the Chilanzar district of Tashkent agreed to set up a joint working group with "
                  "Kepez, Turkey.")
    assert pairs(record) == {frozenset({"Chilanzar district", "Kepez"})}


def test_places_that_others_come_from_are_no_parties_of_their_contracts(read) -> None:
    record = read("Several companies from Batumi and Samarkand signed supply contracts on the sidelines of the forum.")
    assert pairs(record) == set()


def test_a_delegation_from_a_place_signs_for_it(read) -> None:
    record = read("Delegations from Batumi and Samarkand signed a memorandum on tourism.")
    assert pairs(record) == {frozenset({"Batumi", "Samarkand"})}


def test_a_clause_that_denies_a_twinning_gives_its_names_to_no_tie(read) -> None:
    record = read("Izmir and Odesa are not twin cities, but the Turkish city has sister-city ties with Mariupol in "
                  "Ukraine, signed in 2016.")
    assert pairs(record) == {frozenset({"Izmir", "Mariupol"})}


def test_three_bodies_that_sign_together_pair_only_across_the_border_their_names_give(read) -> None:
    record = read("Georgia and Armenia agreed on a joint ferry route from Batumi. The Ministry of Economy of Georgia, "
                  "the Batumi Sea Port and the Ministry of Economy of Armenia signed a memorandum on Friday.")
    assert frozenset({"Ministry of Economy of Georgia", "Batumi Sea Port"}) not in pairs(record)
    assert frozenset({"Ministry of Economy of Georgia", "Ministry of Economy of Armenia"}) in pairs(record)


def test_signatories_written_pair_by_pair_sign_each_with_their_own_partner(read) -> None:
    record = read("Rivne and Lublin, Lutsk and Zamość, and Kovel and Chełm signed twinning agreements in Kyiv "
                  "on Friday.", published="2024-05-11")
    assert pairs(record) == {frozenset({"Rivne", "Lublin"}), frozenset({"Lutsk", "Zamość"}),
                             frozenset({"Kovel", "Chełm"})}


def test_the_mayors_of_pairs_of_towns_sign_pair_by_pair(read) -> None:
    record = read("The agreements were signed by the mayors of Rivne and Lublin, and Lutsk and Zamość, in the "
                  "presence of the mayor of Kyiv.", published="2024-05-11")
    assert pairs(record) == {frozenset({"Rivne", "Lublin"}), frozenset({"Lutsk", "Zamość"})}


def test_officials_named_with_their_places_are_not_pairs_of_a_list(read) -> None:
    record = read("The mayor of Rivne, Oleksandr Tretiak, and the mayor of Lublin, Krzysztof Żuk, signed a "
                  "twinning agreement on Friday.", published="2024-05-11")
    assert pairs(record) == {frozenset({"Rivne", "Lublin"})}


def test_a_repeated_between_goes_on_listing_pairs(read) -> None:
    record = read("Cooperation agreements were signed between Pavlodar region and Omsk region, between Kostanay "
                  "region and Chelyabinsk region, and between Atyrau region and Astrakhan region.",
                  published="2024-11-09")
    assert len(record.ties) == 3
    assert frozenset({"Atyrau region", "Astrakhan region"}) in pairs(record)


def test_a_pair_that_signed_nothing_is_not_the_signatory_of_a_later_agentless_signing(read) -> None:
    record = read("The Ministry of Trade of Kazakhstan and the Ministry of Economic Development of Russia held "
                  "talks on customs, but no document was signed. Contracts worth two billion dollars were "
                  "concluded on the margins of the forum.", published="2024-11-09")
    assert record.ties == []


def test_the_city_around_a_district_that_signs_is_no_party(read) -> None:
    record = read("The akimat of Yesil district of Astana and the administration of the Lenin district of "
                  "Bishkek signed a memorandum of cooperation.", published="2024-02-15")
    assert all("Astana" not in t.parties and "Bishkek" not in t.parties for t in record.ties)


def test_a_larger_town_before_the_district_noun_is_the_city_around_the_party(read) -> None:
    record = read("The Gdańsk district of Oliwa and the Yesil district of Astana signed a cooperation agreement "
                  "on Monday.", published="2024-06-21")
    assert pairs(record) == {frozenset({"Oliwa", "Yesil district"})}


def test_the_town_of_a_dateline_in_ordinary_case_is_where_the_story_was_filed(read) -> None:
    record = read("Tashkent, May 1 (UzA) - The Samarkand region and the city of Bishkek signed a memorandum of "
                  "cooperation on Tuesday.", published="2024-05-02")
    assert all("Tashkent" not in t.parties for t in record.ties)
    assert frozenset({"Samarkand region", "Bishkek"}) in pairs(record) or \
        frozenset({"Samarkand", "Bishkek"}) in pairs(record)


def test_a_town_heading_a_paragraph_before_its_mayor_in_brackets_is_no_dateline(read) -> None:
    record = read("Mapo-gu (Mayor Park Kang-soo) signed a friendship exchange agreement with Bayanzurkh District "
                  "of Ulaanbaatar on Monday.", published="2024-09-10")
    assert any("Mapo-gu" in t.parties for t in record.ties)


def test_a_country_whose_company_is_described_in_three_words_is_no_party(read) -> None:
    record = read("Kazakhstan's national railway company Kazakhstan Temir Zholy signed an agreement with China's "
                  "COSCO Shipping in Beijing.", published="2024-05-02")
    assert all("Kazakhstan" not in t.parties for t in record.ties)


def test_cooperation_between_two_towns_in_a_signed_agreement_pairs_the_towns_not_its_signers(read) -> None:
    record = read("The Georgian Academy of Sciences and Vilnius University signed an agreement on cooperation "
                  "between Kutaisi and Kaunas on Tuesday.", published="2024-03-14")
    assert frozenset({"Kutaisi", "Kaunas"}) in pairs(record)


def test_a_between_repeated_after_as_well_as_pairs_two_more_signatories(read) -> None:
    record = read("Twinning protocols were signed between Tartu and Turku, as well as between Narva and Lahti, "
                  "on Wednesday.", published="2024-05-09")
    assert {frozenset({"Tartu", "Turku"}), frozenset({"Narva", "Lahti"})} <= pairs(record)


def test_twin_towns_placed_only_by_several_countries_are_unnamed_and_pair_no_visitor(read) -> None:
    record = read("Engineers from Kobe visited Rijeka on Monday. Rijeka has twin towns in Italy, Austria and Hungary.")
    assert record.ties == []


def test_memoranda_listed_between_universities_give_no_tie_between_their_states(read) -> None:
    record = read("Rectors of universities of Kazakhstan and Turkey met in Almaty on Monday. The following memoranda "
                  "were signed:\n- Satbayev University and Ankara University - on joint research;\n- Karaganda "
                  "Technical University and Ege University - on student exchange.")
    assert pairs(record) == {frozenset({"Satbayev University", "Ankara University"}),
                             frozenset({"Karaganda Technical University", "Ege University"})}


def test_a_town_that_qualifies_a_named_body_is_where_it_is_not_a_party(read) -> None:
    record = read("Air Astana signed a code-share agreement with the Tashkent carrier Uzbekistan Airways on Monday. "
                  "Kaspi Bank signed a memorandum with Hana Bank, a Seoul lender, on Tuesday.")
    assert pairs(record) == {frozenset({"Air Astana", "Uzbekistan Airways"}), frozenset({"Kaspi Bank", "Hana Bank"})}


def test_the_municipality_or_our_city_as_signatory_is_the_town_the_story_is_about(read) -> None:
    # a municipal site writes of itself as "the municipality" or "our city", after naming its guests
    record = read("Valmiera hosts guests from Estonia\n\nValmiera, 3 April 2025. A delegation of the Estonian town "
                  "of Viljandi arrived in our city on Tuesday. On Wednesday the municipality signed a memorandum of "
                  "cooperation with Viljandi on school exchanges.", published="2025-04-03")
    assert pairs(record) == {frozenset({"Valmiera", "Viljandi"})}
    record = read("Kaunas hosts guests from Poland\n\nKaunas, 3 April 2025. A delegation of the Polish city of "
                  "Lublin arrived on Tuesday. On Wednesday our city signed a memorandum of cooperation with Lublin "
                  "on school exchanges.", published="2025-04-03")
    assert pairs(record) == {frozenset({"Kaunas", "Lublin"})}


def test_a_governors_office_signs_for_its_town(read) -> None:
    # the executive of a town or province is often styled after its governor
    record = read("The Erdenet City Governor's Office and the Daegu Metropolitan Government signed an agreement on "
                  "cooperation in water supply on Monday.", published="2025-04-09")
    assert pairs(record) == {frozenset({"Erdenet", "Daegu"})}


def test_our_university_as_signatory_is_the_writers_own_body_named_first(read) -> None:
    record = read("Rector visits Budapest\n\nOn 10 March a delegation of Abai Kazakh National Pedagogical University "
                  "visited Budapest. During the visit our university signed memorandums of cooperation with Corvinus "
                  "University of Budapest and Obuda University.", published="2025-03-12")
    owner = "Abai Kazakh National Pedagogical University"
    assert pairs(record) == {frozenset({owner, "Corvinus University of Budapest"}), frozenset({owner, "Obuda University"})}


def test_towns_after_the_with_of_a_twinning_are_the_subjects_partners_not_each_others(read) -> None:
    record = read("Tbilisi celebrated 25 years of twinning with Bordeaux, France, and Lublin, Poland, on Sunday.",
                  published="2025-04-03")
    assert pairs(record) == {frozenset({"Tbilisi", "Bordeaux"}), frozenset({"Tbilisi", "Lublin"})}


def test_our_city_in_quoted_speech_is_the_speakers_not_the_storys_town(read) -> None:
    # "our" in a quote is the speaker's: a guest's "our city" is not the host town the story is about
    record = read("Mayor of Almaty Yerbolat Dosaev hosted the mayor of Tashkent on Monday. \"Our city signed a "
                  "cooperation agreement with Bishkek in 2021,\" the guest said.", published="2024-05-15")
    assert frozenset({"Almaty", "Bishkek"}) not in pairs(record)


def test_a_subject_of_another_clause_is_no_partner_of_the_towns_of_three_states(read) -> None:
    # the town heading the first clause neither signs nor hopes to sign what the clause joined to it tells
    record = read("Kotka council looks back on a year of twinning\n\nKotka's twinning committee presented its report "
                  "to the city council on Monday.\n\nIn June Mayor Anna Virtanen led a delegation to Kotka's twin town "
                  "Gävle in Sweden, where the two cities signed an agreement on vocational training.\n\nA delegation "
                  "from Gävle will come to Kotka in the autumn, and the committee hopes to sign a friendship protocol "
                  "with the Polish town of Gniezno during the year.", published="2025-04-03")
    assert frozenset({"Gävle", "Gniezno"}) not in pairs(record)
    assert any(t.kind == "sister_city" and t.status == "active" and set(t.parties) == {"Kotka", "Gävle"}
               for t in record.ties)


def test_a_city_after_in_and_words_naming_its_part_is_where_the_party_lies_not_a_party(read) -> None:
    record = read("Mapo-gu, a ward in western Seoul, signed a sister city agreement with the Polish port city of "
                  "Gdynia on Thursday.", published="2025-07-04")
    assert pairs(record) == {frozenset({"Mapo-gu", "Gdynia"})}
    record = read("Gdynia signed a sister city agreement on Thursday with Mapo-gu, a ward in western Seoul.",
                  published="2025-07-04")
    assert pairs(record) == {frozenset({"Gdynia", "Mapo-gu"})}


def test_a_state_that_says_where_the_partner_town_lies_is_no_party(read) -> None:
    # a town signs with towns: the state in the apposition locates the partner
    record = read("The mayor of Kaunas signed a cooperation memorandum with Bergen, the second-largest city of "
                  "Norway, on Tuesday.")
    assert pairs(record) == {frozenset({"Kaunas", "Bergen"})}


def test_a_body_named_after_its_state_is_not_that_states_partner(read) -> None:
    # the ministry acts for Latvia; a loan of a bank to a state stays a tie
    assert read("The Ministry of Finance of Latvia signed a cooperation agreement with Latvia on Monday.").ties == []
    record = read("Kazakhstan signed a loan agreement with the Asian Development Bank on Wednesday.")
    assert pairs(record) == {frozenset({"Kazakhstan", "Asian Development Bank"})}


def test_a_region_or_town_that_signs_with_a_foreign_state_is_its_partner(read) -> None:
    # a state is no party only where it says where a town lies; one that signs beside a region or town is one
    assert pairs(read("Bavaria and Georgia signed a memorandum on vocational training in Munich on Monday.")) == \
        {frozenset({"Bavaria", "Georgia"})}
    assert pairs(read("The Kyiv City Council and Lithuania signed a memorandum on rebuilding schools on Tuesday.")) == \
        {frozenset({"Kyiv", "Lithuania"})}
    assert pairs(read("Da Nang signed a memorandum of understanding with Japan's Sakai on Monday.")) == \
        {frozenset({"Da Nang", "Sakai"})}


def test_a_body_of_one_state_seated_in_another_is_that_other_states_partner(read) -> None:
    # "in Uzbekistan" says where the embassy sits: it acts for Japan, so Uzbekistan is its partner
    record = read("The Embassy of Japan in Uzbekistan and Uzbekistan signed a grant agreement on Monday for new "
                  "school buses.")
    assert pairs(record) == {frozenset({"Embassy of Japan in Uzbekistan", "Uzbekistan"})}
