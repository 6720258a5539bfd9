"""Rosters: a town listed with several partners in one sentence gives one tie per partner."""
from __future__ import annotations

from amity.model import Record

LEAD = "The mayor of {town} opened the spring fair on Saturday. "


def roster(record: Record, owner: str) -> dict[str, tuple[str, str, str | None]]:
    """Partner → (kind, status, date) of each tie of `owner` with one other party."""
    out = {}
    for t in record.ties:
        if owner in t.parties and len(t.parties) == 2:
            partner = next(p for p in t.parties if p != owner)
            out[partner] = (t.kind, t.status, t.date)
    return out


def test_the_sister_cities_a_town_includes_are_each_an_active_tie(read) -> None:
    record = read(LEAD.format(town="Ashford") + "Ashford's sister cities include Bruges, Fougères and Büdingen.")
    assert roster(record, "Ashford") == {p: ("sister_city", "active", None) for p in ("Bruges", "Fougères", "Büdingen")}


def test_among_a_towns_twin_towns_are_names_its_partners(read) -> None:
    record = read(LEAD.format(town="Lancaster") + "Among Lancaster's twin towns are Rendsburg, Perpignan and Lublin.")
    assert set(roster(record, "Lancaster")) == {"Rendsburg", "Perpignan", "Lublin"}


def test_the_sister_cities_of_a_town_such_as_a_and_b_are_its_partners(read) -> None:
    record = read("The sister cities of Yokohama, such as San Diego, Lyon and Mumbai, sent greetings to the mayor.")
    assert roster(record, "Yokohama") == {p: ("sister_city", "active", None) for p in ("San Diego", "Lyon", "Mumbai")}


def test_a_town_with_twin_towns_in_several_cities_has_a_tie_with_each(read) -> None:
    record = read(LEAD.format(town="Leipzig") + "Leipzig has twin towns in Kraków, Lyon and Houston.")
    assert set(roster(record, "Leipzig")) == {"Kraków", "Lyon", "Houston"}


def test_a_year_in_brackets_after_each_twin_town_dates_its_signing(read) -> None:
    record = read(LEAD.format(town="Coventry")
                  + "Coventry is twinned with Dresden (1959), Volgograd (1944) and Belgrade (1957).")
    assert roster(record, "Coventry") == {"Dresden": ("sister_city", "signed", "1959"),
                                          "Volgograd": ("sister_city", "signed", "1944"),
                                          "Belgrade": ("sister_city", "signed", "1957")}


def test_since_a_year_dates_every_partner_listed_before_it(read) -> None:
    record = read(LEAD.format(town="Oxford") + "Oxford has been twinned with Bonn and Grenoble since 1947.")
    assert roster(record, "Oxford") == {"Bonn": ("sister_city", "signed", "1947"),
                                        "Grenoble": ("sister_city", "signed", "1947")}


def test_partnerships_with_several_towns_are_twinnings(read) -> None:
    # towns' partnerships that name no subject are their twinnings (GUIDELINES: "our partner city X")
    record = read(LEAD.format(town="Tartu") + "Tartu maintains partnerships with Uppsala, Turku and Hameln.")
    assert roster(record, "Tartu") == {p: ("sister_city", "active", None) for p in ("Uppsala", "Turku", "Hameln")}


def test_cooperation_agreements_with_several_towns_are_cooperation_ties(read) -> None:
    record = read(LEAD.format(town="Tartu") + "Tartu maintains cooperation agreements with Uppsala, Turku and Hameln.")
    assert roster(record, "Tartu") == {p: ("cooperation", "active", None) for p in ("Uppsala", "Turku", "Hameln")}


def test_a_roster_listed_one_partner_a_line_after_a_colon_counts(read) -> None:
    record = read(LEAD.format(town="Bristol") + "\n\nBristol's sister cities are:\n\n"
                  "- Bordeaux, France (1947)\n- Hanover, Germany (1947)\n- Porto, Portugal (1984)\n\n"
                  "The mayor thanked their delegations.")
    assert roster(record, "Bristol") == {"Bordeaux": ("sister_city", "signed", "1947"),
                                         "Hanover": ("sister_city", "signed", "1947"),
                                         "Porto": ("sister_city", "signed", "1984")}


def test_the_country_after_a_partner_is_where_it_is_not_a_partner(read) -> None:
    record = read(LEAD.format(town="Rzeszów") + "Rzeszów is twinned with Lviv, Ukraine, and Bielefeld, Germany.")
    assert set(roster(record, "Rzeszów")) == {"Lviv", "Bielefeld"}


def test_a_country_naming_where_the_twin_towns_are_is_not_a_partner(read) -> None:
    record = read(LEAD.format(town="Reading") + "Reading has twin towns in Germany, such as Düsseldorf, Kraków and Lyon.")
    partners = roster(record, "Reading")
    assert "Germany" not in partners
    assert {"Düsseldorf", "Lyon"} <= set(partners)


def test_a_roster_tie_already_found_keeps_its_further_stage(read) -> None:
    record = read(LEAD.format(town="Tartu") + "The city of Tartu and the city of Uppsala signed a cooperation "
                  "agreement on 3 May 2010.\n\n"
                  "Tartu maintains cooperation agreements with Uppsala, Turku and Hameln.", published="2024-05-01")
    uppsala = [t for t in record.ties if set(t.parties) == {"Tartu", "Uppsala"}]
    assert len(uppsala) == 1
    assert (uppsala[0].kind, uppsala[0].status, uppsala[0].date) == ("cooperation", "signed", "2010-05-03")
    assert roster(record, "Tartu")["Turku"] == ("cooperation", "active", None)


def test_cities_listed_for_another_reason_give_no_ties(read) -> None:
    record = read(LEAD.format(town="Oxford") + "Delegations from Bonn, Grenoble and Leiden attended the festival.")
    assert record.ties == []


def test_a_roster_counted_before_it_is_named_still_lists_the_partners(read) -> None:
    record = read(LEAD.format(town="Bursa") + "Bursa has sister-city relations with more than 20 cities around "
                  "the world, including Kraków, Lyon and Houston.")
    assert set(roster(record, "Bursa")) == {"Kraków", "Lyon", "Houston"}


def test_partnerships_followed_by_a_trip_to_cities_do_not_make_those_cities_partners(read) -> None:
    record = read(LEAD.format(town="Tartu") + "Tartu maintains partnerships with its neighbours, and its choirs "
                  "travelled to Uppsala, Turku and Hameln in May.")
    assert not set(roster(record, "Tartu")) & {"Uppsala", "Turku", "Hameln"}


def test_its_twin_towns_are_those_of_the_town_named_before(read) -> None:
    record = read(LEAD.format(town="Bursa") + "Its twin cities include Kabul, Baku, Lanzhou and Kazan.")
    assert set(roster(record, "Bursa")) == {"Kabul", "Baku", "Lanzhou", "Kazan"}


def test_a_roster_named_in_the_sentence_after_its_count_counts(read) -> None:
    record = read(LEAD.format(town="Bursa") + "The city has 17 twin cities. Among them are Kabul, Baku, "
                  "Lanzhou and Kazan.")
    assert set(roster(record, "Bursa")) == {"Kabul", "Baku", "Lanzhou", "Kazan"}


def test_the_country_named_before_the_twin_towns_it_holds_is_not_a_partner(read) -> None:
    record = read(LEAD.format(town="Bursa") + "Bursa's twin towns in Kazakhstan, Kentau and Taraz, sent greetings.")
    partners = roster(record, "Bursa")
    assert "Kazakhstan" not in partners
    assert {"Kentau", "Taraz"} <= set(partners)


def test_a_university_in_a_list_of_cooperation_partners_signs_for_itself(read) -> None:
    record = read(LEAD.format(town="Tartu") + "Tartu maintains partnerships with Uppsala University, Turku and Hameln.")
    partners = roster(record, "Tartu")
    assert "Uppsala University" in partners and "Uppsala" not in partners


def test_towns_spacy_takes_for_people_or_bodies_are_partners_when_listed_beside_places(read) -> None:
    record = read(LEAD.format(town="Lviv") + "Lviv has seven sister cities: Kraków, Wrocław, Rochdale, Winnipeg, "
                  "Freiburg, Corning and Przemyśl.")
    assert set(roster(record, "Lviv")) == {"Kraków", "Wrocław", "Rochdale", "Winnipeg", "Freiburg", "Corning",
                                           "Przemyśl"}


def test_a_country_in_brackets_after_each_partner_does_not_end_the_list(read) -> None:
    record = read(LEAD.format(town="Ghent") + "Ghent is twinned with Kumasi (Ghana), Nagoya (Japan), "
                  "Mannheim (Germany) and Tampere.")
    assert set(roster(record, "Ghent")) == {"Kumasi", "Nagoya", "Mannheim", "Tampere"}


def test_a_year_in_brackets_beside_the_country_dates_the_partner(read) -> None:
    record = read(LEAD.format(town="Batumi") + "The city's partner cities include Kutaisi (Georgia, 2010), "
                  "Ganja (Azerbaijan, 2014) and Bursa (Turkey, 2022).")
    assert roster(record, "Batumi") == {"Kutaisi": ("sister_city", "signed", "2010"),
                                        "Ganja": ("sister_city", "signed", "2014"),
                                        "Bursa": ("sister_city", "signed", "2022")}


def test_each_year_dates_the_partners_named_since_the_year_before(read) -> None:
    record = read(LEAD.format(town="Kazan") + "Kazan has sister-city relations with Istanbul since 1998 "
                  "and with Ankara since 2005.")
    assert roster(record, "Kazan") == {"Istanbul": ("sister_city", "signed", "1998"),
                                       "Ankara": ("sister_city", "signed", "2005")}


def test_relations_established_with_each_town_in_a_year_are_signed_in_that_year(read) -> None:
    record = read(LEAD.format(town="Tartu") + "Tartu established sister-city relations with Tampere in 1958 "
                  "and with Uppsala in 1974.")
    assert roster(record, "Tartu") == {"Tampere": ("sister_city", "signed", "1958"),
                                       "Uppsala": ("sister_city", "signed", "1974")}
    assert frozenset({"Tampere", "Uppsala"}) not in {frozenset(t.parties) for t in record.ties}


def test_partners_separated_by_semicolons_belong_to_the_town_the_sentence_before_is_about(read) -> None:
    record = read("Karaganda signed a trade protocol with Ufa on Monday. The city also has twin towns: "
                  "Lublin, Poland; Magdeburg, Germany; Shenyang, China.")
    assert set(roster(record, "Karaganda")) >= {"Lublin", "Magdeburg", "Shenyang"}
    assert not {"Lublin", "Magdeburg", "Shenyang"} & set(roster(record, "Ufa"))


def test_a_town_that_has_become_a_twin_town_of_several_is_the_owner_of_the_list(read) -> None:
    record = read(LEAD.format(town="Aktobe") + "Over the years Aktobe has become a twin town of Orenburg, "
                  "Astrakhan and Sumy.")
    assert set(roster(record, "Aktobe")) == {"Orenburg", "Astrakhan", "Sumy"}
    assert "Astrakhan" not in roster(record, "Orenburg")


def test_the_towns_of_a_list_whose_owner_is_unknown_are_not_each_others_partners(read) -> None:
    record = read("Its partner towns are Dunedin, Summerside and Óbuda.")
    assert record.ties == []


def test_one_partner_a_line_with_its_country_and_the_year_since_when(read) -> None:
    record = read("The city of Almaty maintains partnership ties with many cities.\n\n"
                  "Almaty's sister cities are:\nIstanbul, Turkey (since 1996)\nTbilisi, Georgia (since 2005)\n"
                  "Vilnius, Lithuania (since 2008)\n")
    assert roster(record, "Almaty") == {"Istanbul": ("sister_city", "signed", "1996"),
                                        "Tbilisi": ("sister_city", "signed", "2005"),
                                        "Vilnius": ("sister_city", "signed", "2008")}


def test_sister_city_protocols_signed_with_several_towns_are_signed_ties(read) -> None:
    record = read(LEAD.format(town="Bursa") + "The city has signed sister city protocols with cities such as "
                  "Kabul, Baku and Lanzhou.")
    assert roster(record, "Bursa") == {p: ("sister_city", "signed", None) for p in ("Kabul", "Baku", "Lanzhou")}


def test_the_city_whose_mayor_speaks_owns_the_twin_towns_the_city_has(read) -> None:
    record = read("Bursa's mayor said the city had twinning ties with cities such as Kabul, Baku and Lanzhou.")
    assert set(roster(record, "Bursa")) == {"Kabul", "Baku", "Lanzhou"}


def test_a_listed_name_that_is_no_known_place_does_not_end_the_roster(read) -> None:
    record = read(LEAD.format(town="Bursa") + "Its twin cities include Kabul, Gulbahor Nurova, Baku and Kazan.")
    assert set(roster(record, "Bursa")) == {"Kabul", "Baku", "Kazan"}


def test_partners_written_with_their_country_by_of_or_a_possessive_are_the_towns(read) -> None:
    by_of = read(LEAD.format(town="Bursa") + "Its twin cities include Kabul of Afghanistan, Baku of Azerbaijan "
                 "and Lanzhou of China.")
    possessive = read(LEAD.format(town="Bursa") + "Its twin cities include Afghanistan’s Kabul, Azerbaijan’s Baku "
                      "and China’s Lanzhou.")
    assert set(roster(by_of, "Bursa")) == set(roster(possessive, "Bursa")) == {"Kabul", "Baku", "Lanzhou"}


def test_partners_each_introduced_as_the_city_of_are_the_towns(read) -> None:
    record = read(LEAD.format(town="Bursa") + "Its twin cities include the city of Kabul, the city of Baku and "
                  "the city of Lanzhou.")
    assert set(roster(record, "Bursa")) == {"Kabul", "Baku", "Lanzhou"}


def test_a_twin_town_spacy_takes_for_a_person_after_such_as_is_a_partner(read) -> None:
    record = read(LEAD.format(town="Bursa") + "Bursa has twin towns in Germany, such as Darmstadt and Ulm.")
    assert set(roster(record, "Bursa")) == {"Darmstadt", "Ulm"}


def test_a_heading_naming_the_twin_towns_of_a_town_owns_the_lines_under_it(read) -> None:
    record = read("Sister cities of Bursa\n\nKabul, Afghanistan\nBaku, Azerbaijan\nLanzhou, China\n\n"
                  "The list was updated in 2020.")
    assert set(roster(record, "Bursa")) == {"Kabul", "Baku", "Lanzhou"}


def test_a_town_qualifying_the_cue_of_a_heading_owns_the_dated_lines_under_it(read) -> None:
    record = read("Bursa twin towns\n\nKabul (1998)\nBaku (2001)\nLanzhou (2012)\n")
    assert roster(record, "Bursa") == {"Kabul": ("sister_city", "signed", "1998"),
                                       "Baku": ("sister_city", "signed", "2001"),
                                       "Lanzhou": ("sister_city", "signed", "2012")}


def test_the_city_whose_twin_towns_follow_a_list_of_visitors_is_the_town_of_the_story(read) -> None:
    record = read("Aalborg hosted the Nordic harbour conference this week. Aalborg's mayor opened it, and the "
                  "guests toured the Aalborg waterfront. The conference was attended by delegations from "
                  "Bergen, Gothenburg and Reykjavik.\n\n"
                  "The city will continue its cooperation with its twin towns, Rostock in Germany, "
                  "Tartu in Estonia and Almere in the Netherlands.\n", published="2022-06-10")
    assert set(roster(record, "Aalborg")) == {"Rostock", "Tartu", "Almere"}
    assert not roster(record, "Reykjavik")


def test_a_heading_without_an_owner_on_a_towns_page_lists_that_towns_partners(read) -> None:
    record = read("Leipzig\n\nLeipzig is the largest city of Saxony and an old trade fair town.\n\n"
                  "Twin towns and sister cities\n• Kraków, Poland (1995)\n• Lyon, France (1981)\n• Houston, United States\n\n"
                  "See also\nList of cities in Germany")
    assert roster(record, "Leipzig") == {"Kraków": ("sister_city", "signed", "1995"),
                                         "Lyon": ("sister_city", "signed", "1981"),
                                         "Houston": ("sister_city", "active", None)}


def test_a_forum_of_sister_cities_under_a_headline_naming_a_town_pairs_no_one(read) -> None:
    record = read("Sister cities gather in Istanbul\n\nThe forum brought together sister cities such as Izmir "
                  "and Baku, and friendship cities such as Kazan and Almaty.")
    assert record.ties == []


def test_partners_grouped_under_country_lines_are_the_towns_not_the_countries(read) -> None:
    record = read("The partner towns of Lublin are listed below by country.\n\nPartner towns\n\nGermany\n"
                  "Münster (1991)\nUkraine\nLviv\nLutsk (1993)\n\nTourist information\nThe castle is open daily.")
    assert roster(record, "Lublin") == {"Münster": ("sister_city", "signed", "1991"),
                                        "Lviv": ("sister_city", "active", None),
                                        "Lutsk": ("sister_city", "signed", "1993")}


def test_country_dash_town_lines_under_a_cooperation_heading_are_cooperation_partners(read) -> None:
    record = read("The partner towns of Lublin are listed below.\n\nCooperation agreements\nHungary – Debrecen\n"
                  "Slovakia – Bratislava\nLithuania – Vilnius\n\nThe castle is open daily.")
    assert roster(record, "Lublin") == {p: ("cooperation", "active", None) for p in ("Debrecen", "Bratislava", "Vilnius")}


def test_a_table_of_partner_towns_a_sentence_after_their_count_dates_each(read) -> None:
    record = read("The City of Rzeszów maintains partnership relations with eight towns in Europe and America. "
                  "The mayor's office coordinates the exchanges.\n\nCity | Country | Since\nLviv | Ukraine | 1992\n"
                  "Bielefeld | Germany | 1997\nKlagenfurt | Austria | 2004\n\nThe exchanges resume in May.")
    assert roster(record, "Rzeszów") == {"Lviv": ("sister_city", "signed", "1992"),
                                         "Bielefeld": ("sister_city", "signed", "1997"),
                                         "Klagenfurt": ("sister_city", "signed", "2004")}
    assert not {"Europe", "America", "Since"} & set(roster(record, "Rzeszów"))


def test_numbered_partners_with_their_countries_in_brackets_are_each_a_tie(read) -> None:
    record = read(LEAD.format(town="Pavlodar") + "To date, the city of Pavlodar has established sister-city "
                  "relations with 5 cities of foreign countries: 1) Omsk (Russian Federation); 2) Zlatoust (Russian "
                  "Federation); 3) Novosibirsk (Russian Federation, 2011); 4) Kayseri (Republic of Turkey); "
                  "5) Urumqi (People's Republic of China).")
    partners = roster(record, "Pavlodar")
    assert {"Omsk", "Novosibirsk", "Kayseri", "Urumqi"} <= set(partners)
    assert partners["Novosibirsk"] == ("sister_city", "signed", "2011")
    assert partners["Omsk"] == ("sister_city", "active", None)


def test_relations_a_town_has_established_with_several_undated_partners_are_active(read) -> None:
    record = read(LEAD.format(town="Wuhan") + "Wuhan has established friendship-city ties with Pittsburgh, "
                  "Bordeaux and Duisburg.")
    assert roster(record, "Wuhan") == {p: ("sister_city", "active", None) for p in ("Pittsburgh", "Bordeaux", "Duisburg")}


def test_the_town_named_before_a_relative_clause_listing_twin_towns_owns_them(read) -> None:
    record = read("The city of Ankara, which has twin-city ties with cities such as Kabul, Baku, Lanzhou and "
                  "Kazan, hosted the summit.")
    assert set(roster(record, "Ankara")) == {"Kabul", "Baku", "Lanzhou", "Kazan"}


def test_a_capital_that_is_a_twin_city_with_many_cities_owns_them(read) -> None:
    record = read("Ankara hosted the summit on Monday. The mayor said the capital was a twin city with many "
                  "cities such as Kabul, Baku, Lanzhou and Kazan.")
    assert set(roster(record, "Ankara")) == {"Kabul", "Baku", "Lanzhou", "Kazan"}


def test_twin_towns_named_without_an_owner_after_a_towns_own_are_that_towns(read) -> None:
    record = read("Ankara Metropolitan Municipality hosted the mayors of its sister cities on Monday. The mayors "
                  "of sister cities such as Kabul, Baku, Lanzhou and Kazan attended the dinner.")
    assert set(roster(record, "Ankara")) == {"Kabul", "Baku", "Lanzhou", "Kazan"}


def test_a_list_of_towns_followed_by_their_owners_twin_cities_names_the_partners(read) -> None:
    record = read("Ankara hosted the summit on Monday. Kaya also met the mayors of Kabul, Baku and Lanzhou, "
                  "Ankara's twin cities.")
    assert set(roster(record, "Ankara")) == {"Kabul", "Baku", "Lanzhou"}
    assert not roster(record, "Baku").keys() - {"Ankara"}


def test_the_twin_cities_a_speaker_says_we_have_are_those_of_the_town_named_before(read) -> None:
    record = read('Ankara hosted the summit on Monday. Mayor Kaya said: "We have 17 twin cities so far, cities '
                  'such as Kabul, Baku, Lanzhou and Kazan."')
    assert set(roster(record, "Ankara")) == {"Kabul", "Baku", "Lanzhou", "Kazan"}


def test_a_states_sister_state_relationship_with_one_partner_is_a_tie(read) -> None:
    record = read("Officials in Salem said on Monday that Oregon's sister-state relationship with Jalisco dates "
                  "from the 1990s.")
    assert roster(record, "Oregon") == {"Jalisco": ("sister_city", "active", None)}


def test_one_twin_town_and_another_town_named_after_it_give_one_tie(read) -> None:
    record = read("The festival opened in Leipzig on Friday. A choir from Leipzig's twin town Kraków and a "
                  "band from Lyon played on the square.")
    assert roster(record, "Leipzig") == {"Kraków": ("sister_city", "active", None)}


def test_a_towns_other_partners_named_as_towns_are_its_twins_each_dated_by_its_bracket(read) -> None:
    record = read("Leipzig hosted the party on Saturday. The city's other partners are Lyon in France (since "
                  "1981), Kraków in Poland (since 1995) and Houston.")
    assert roster(record, "Leipzig") == {"Lyon": ("sister_city", "signed", "1981"),
                                         "Kraków": ("sister_city", "signed", "1995"),
                                         "Houston": ("sister_city", "active", None)}


def test_a_countrys_partners_or_a_towns_business_partners_are_no_twins(read) -> None:
    record = read("Astana hosted the talks. Kazakhstan's partners are Russia, China and Uzbekistan. Leipzig's "
                  "partners include Siemens and the city of Lyon.")
    assert record.ties == []


def test_the_names_after_a_description_of_the_counted_twin_towns_are_the_partners(read) -> None:
    record = read("Leipzig hosted the meeting. Leipzig's friendship towns outside the European Union, Houston "
                  "in the United States and Addis Ababa in Ethiopia, were invited as observers.")
    assert set(roster(record, "Leipzig")) == {"Houston", "Addis Ababa"}


def test_a_town_listed_among_the_partners_is_not_their_owner(read) -> None:
    record = read("Students from Lyon will spend a semester in Michigan next year.\n\nThe county maintains "
                  "friendly ties with many towns, and the city's partner cities – Lyon, Bologna and Kraków – "
                  "sent delegations this year.")
    assert not roster(record, "Lyon")


def test_lines_after_a_twin_town_sentence_that_counts_none_are_not_partners(read) -> None:
    record = read("Leipzig\n\nLeipzig is the largest city of Saxony. Its twin towns are important to the "
                  "council.\n\nDresden (1 hour)\nBerlin (1 hour 15 minutes)\nMunich (3 hours)\n")
    assert not roster(record, "Leipzig")


def test_a_page_titled_by_a_towns_municipality_owns_its_sister_city_lines_with_regions(read) -> None:
    record = read("Sister cities — Kazanlak Municipality\n\nHome » Municipality » International relations\n\n"
                  "The municipality keeps friendly links with towns abroad.\n\nSister cities\n"
                  "Magdeburg, Saxony-Anhalt, Germany – since 1975\nKaštela, Split-Dalmatia County, Croatia – since 2011\n"
                  "Cherkasy, Cherkasy Oblast, Ukraine – since 2004\n\nHow to take part\nSchools may write to the mayor.")
    partners = roster(record, "Kazanlak")
    assert partners["Magdeburg"] == ("sister_city", "signed", "1975")
    assert partners["Cherkasy"] == ("sister_city", "signed", "2004")
    assert "Saxony-Anhalt" not in partners and "Germany" not in partners


def test_partners_written_one_field_a_line_take_the_year_on_the_line_below_them(read) -> None:
    record = read("Halmstad works with towns around the Baltic Sea.\n\nTwin towns of Halmstad\nTwin town\nCountry\n"
                  "Since\nLohja\nFinland\n1947\nSandefjord\nNorway\n1954\nVentspils\nLatvia\n1993\n\n"
                  "Contact\nQuestions go to the town hall.")
    assert roster(record, "Halmstad") == {"Lohja": ("sister_city", "signed", "1947"),
                                          "Sandefjord": ("sister_city", "signed", "1954"),
                                          "Ventspils": ("sister_city", "signed", "1993")}


def test_a_label_line_lists_partners_by_semicolons_and_a_former_label_gives_an_ended_tie(read) -> None:
    record = read("About Trnava\n\nTrnava is a city in western Slovakia.\n\nInternational cooperation\n"
                  "Sister cities: Zlín (Czech Republic); Veszprém (Hungary); Gorizia (Italy)\n"
                  "Former sister city: Bryansk (Russia) – relations frozen by the council in 2022\n\n"
                  "Buses run to Bratislava, Nitra and Senica.")
    partners = roster(record, "Trnava")
    assert {p: partners[p] for p in ("Zlín", "Veszprém", "Gorizia")} == {
        p: ("sister_city", "active", None) for p in ("Zlín", "Veszprém", "Gorizia")}
    assert partners["Bryansk"] == ("sister_city", "ended", "2022")
    assert "Bratislava" not in partners and "Senica" not in partners


def test_partners_behind_flags_on_one_line_joined_by_dots_are_each_a_twin(read) -> None:
    record = read("Cluj-Napoca is a city in Romania.\n\nTwin towns – sister cities\nCluj-Napoca is twinned with:\n"
                  "🇫🇷 Nantes · 🇩🇪 Cologne · 🇮🇹 Parma · 🇨🇳 Nanjing\n\nFormer twin towns\n🇷🇺 Tver (suspended in 2022)\n\n"
                  "See also\nList of cities in Romania")
    partners = roster(record, "Cluj-Napoca")
    assert {p: partners[p] for p in ("Nantes", "Cologne", "Parma", "Nanjing")} == {
        p: ("sister_city", "active", None) for p in ("Nantes", "Cologne", "Parma", "Nanjing")}
    assert partners["Tver"] == ("sister_city", "ended", "2022")


def test_twin_regions_signed_year_by_year_in_the_sentences_after_the_roster_are_its_partners(read) -> None:
    record = read("The Namangan region has established twin relations with regions of foreign countries. In 2017, "
                  "the first such agreement was signed with the Osh region of Kyrgyzstan. In 2019, similar documents "
                  "were signed with the Sughd region of Tajikistan, and in 2022 – with the Bursa province of Turkey. "
                  "Also, memoranda of cooperation are in force with the Gansu province of China.")
    partners = roster(record, "Namangan region")
    assert partners["Osh region"] == ("sister_city", "signed", "2017")
    assert partners["Sughd region"] == ("sister_city", "signed", "2019")
    assert partners["Bursa province"] == ("sister_city", "signed", "2022")
    assert partners["Gansu province"] == ("cooperation", "active", None)


def test_towns_that_followed_a_towns_first_twin_town_are_its_twins_of_those_years(read) -> None:
    record = read(LEAD.format(town="Lincoln") + "Lincoln's first twin town was Besançon in 1969. "
                  "Kraków followed in 1993, and Tangshan in 1996.")
    partners = roster(record, "Lincoln")
    assert partners["Besançon"] == ("sister_city", "signed", "1969")
    assert partners["Kraków"] == ("sister_city", "signed", "1993")
    assert partners["Tangshan"] == ("sister_city", "signed", "1996")


def test_the_last_of_the_counted_twinnings_signed_with_a_town_is_one_of_them(read) -> None:
    record = read(LEAD.format(town="Mostar") + "Mostar has twin-town agreements with six European municipalities. "
                  "The last of them was signed in 2018 with the Spanish town of Cáceres.")
    assert roster(record, "Mostar")["Cáceres"] == ("sister_city", "signed", "2018")


def test_another_partys_agreement_after_a_roster_is_not_the_rosters(read) -> None:
    record = read(LEAD.format(town="Kostanay") + "Kostanay has sister-city relations with Kurgan and Omsk. "
                  "Chelyabinsk signed a memorandum with Tyumen in 2020.")
    assert "Tyumen" not in roster(record, "Kostanay")


def test_a_page_flattened_to_one_line_lists_each_sections_partners_with_their_countries(read) -> None:
    record = read("International relations | Poti City Hall\n\nPoti City Hall Home News Mayor Services Contacts\n"
                  "International relations Sister cities Ganja Azerbaijan Tampere Finland Vinnytsia Ukraine "
                  "Partner cities Kaunas Lithuania Chernivtsi Ukraine Memoranda of cooperation Yerevan Armenia "
                  "Lublin Poland\nThe city lies on the Black Sea coast.")
    partners = roster(record, "Poti")
    assert {p: partners[p][0] for p in partners} == {
        "Ganja": "sister_city", "Tampere": "sister_city", "Vinnytsia": "sister_city", "Kaunas": "sister_city",
        "Chernivtsi": "sister_city", "Yerevan": "cooperation", "Lublin": "cooperation"}


def test_among_the_twin_cities_are_names_partners_of_the_town_named_before_not_of_the_first_listed(read) -> None:
    record = read(LEAD.format(town="Urumqi") + "Urumqi is twinned with many cities of the world. "
                  "Among the twin cities are Kabul, Baku, Lanzhou and Almaty.")
    assert set(roster(record, "Urumqi")) == {"Kabul", "Baku", "Lanzhou", "Almaty"}
    assert roster(record, "Kabul") == {"Urumqi": ("sister_city", "active", None)}


def test_towns_said_to_be_some_of_the_counted_twin_cities_are_partners(read) -> None:
    record = read(LEAD.format(town="Urumqi") + "Urumqi has developed twin-city ties with 17 cities from 12 "
                  "countries. Kabul, Baku, Lanzhou and Almaty are some of them.")
    assert set(roster(record, "Urumqi")) == {"Kabul", "Baku", "Lanzhou", "Almaty"}


def test_towns_in_brackets_after_their_countries_are_the_partners(read) -> None:
    record = read(LEAD.format(town="Urumqi") + "Urumqi has sister cities in Afghanistan (Kabul), Azerbaijan "
                  "(Baku) and Kazakhstan (Almaty).")
    assert set(roster(record, "Urumqi")) == {"Kabul", "Baku", "Almaty"}


def test_a_town_and_its_country_before_the_citys_other_sister_city_is_that_partner(read) -> None:
    record = read("BLOOMINGTON — The holiday market opened on Friday. Volunteers sold guava sweets from Santa Clara, "
                  "Cuba, the city's other sister city, whose musicians will play next weekend.")
    assert roster(record, "BLOOMINGTON") == {"Santa Clara": ("sister_city", "active", None)}  # the dateline's town
    assert not [t for t in record.ties if "Cuba" in t.parties]


def test_a_town_the_parser_reads_after_at_present_still_owns_the_twin_cities_of_its_verb(read) -> None:
    record = read(LEAD.format(town="Urumqi") + "At present Urumqi has twin-city relations with cities of Afghanistan, "
                  "Azerbaijan and Kazakhstan, such as Kabul, Baku and Almaty.")
    assert set(roster(record, "Urumqi")) == {"Kabul", "Baku", "Almaty"}


def test_twin_and_friend_cities_are_one_cue_whose_possessive_names_the_owner(read) -> None:
    record = read(LEAD.format(town="Bursa") + "Bursa's twin and friend cities include Kutaisi, Tabriz and Shymkent.")
    assert roster(record, "Bursa") == {p: ("sister_city", "active", None) for p in ("Kutaisi", "Tabriz", "Shymkent")}


def test_cities_such_as_listed_after_a_headline_of_twin_and_friend_cities_are_the_host_towns_partners(read) -> None:
    record = read("Mayors of twin and friend cities attend food festival\n\n"
                  "Gaziantep opened its food festival on Friday with a parade. Gaziantep is known for its pistachios "
                  "and baklava. Mayors and officials representing cities such as Shymkent, Ganja and Bukhara attended "
                  "the opening.")
    assert roster(record, "Gaziantep") == {p: ("sister_city", "active", None) for p in ("Shymkent", "Ganja", "Bukhara")}


def test_trade_with_cities_such_as_after_a_headline_of_sister_cities_is_no_roster(read) -> None:
    record = read("Mayors of sister cities gather in Gaziantep\n\n"
                  "Gaziantep opened its food festival on Friday with a parade. Local firms sell pistachios to "
                  "cities such as Dubai, Doha and Riyadh.")
    assert roster(record, "Gaziantep") == {}


def test_guests_from_three_foreign_towns_after_a_towns_sister_cities_are_its_partners(read) -> None:
    record = read(LEAD.format(town="Tartu") + "Tartu welcomed the delegations of its sister cities on Monday. "
                  "Guests arrived from Uppsala, Turku and Bergen by ferry and bus.")
    assert roster(record, "Tartu") == {p: ("sister_city", "active", None) for p in ("Uppsala", "Turku", "Bergen")}


def test_visitors_from_towns_of_the_hosts_own_country_are_no_partners(read) -> None:
    record = read(LEAD.format(town="Tartu") + "Tartu welcomed the delegations of its sister cities on Monday. "
                  "Visitors also came from Tallinn, Pärnu and Narva.")
    assert roster(record, "Tartu") == {}


def test_towns_listed_long_after_a_class_of_partners_in_the_body_are_no_roster(read) -> None:
    record = read(LEAD.format(town="Tartu") + "Tartu welcomed the delegations of its sister cities on Monday. "
                  "The talks were about buses. The weather was cold. The mayor spoke about trams. "
                  "Tourists came from cities such as Berlin, Paris and Rome.")
    assert not {"Paris", "Rome"} & set(roster(record, "Tartu"))


def test_a_class_of_partners_listed_by_name_at_once_takes_no_later_town_list(read) -> None:
    record = read(LEAD.format(town="Tartu") + "Tartu's sister cities Uppsala and Turku sent choirs. "
                  "Tourists came from cities such as Berlin, Paris and Rome.")
    assert roster(record, "Tartu") == {"Uppsala": ("sister_city", "active", None), "Turku": ("sister_city", "active", None)}


def test_a_table_whose_columns_are_runs_of_spaces_gives_each_rows_town_and_year(read) -> None:
    record = read("Olomouc keeps up partnerships with towns in several countries.\n\n"
                  "Partner city       Country        Since\n"
                  "Tampere            Finland        2004\n"
                  "Lucerne            Switzerland    2001\n"
                  "Owensboro          United States  1994\n")
    assert roster(record, "Olomouc") == {"Tampere": ("sister_city", "signed", "2004"),
                                         "Lucerne": ("sister_city", "signed", "2001"),
                                         "Owensboro": ("sister_city", "signed", "1994")}


def test_a_table_whose_columns_are_tabs_gives_each_rows_town(read) -> None:
    record = read("Kalmar is a city in Sweden.\n\nFriendly cities\nCity\tCountry\nSiedlce\tPoland\nTampere\tFinland\n")
    assert roster(record, "Kalmar") == {p: ("sister_city", "active", None) for p in ("Siedlce", "Tampere")}


def test_a_suspended_row_of_a_column_table_ends_that_tie_only_dated_by_the_suspension(read) -> None:
    record = read("Olomouc keeps up partnerships with towns in eleven countries.\n\n"
                  "Partner city          Country           Agreement\n"
                  "Antony                France            1992\n"
                  "Pskov                 Russia            1999 (suspended 2022)\n"
                  "Tampere               Finland           2004\n")
    assert roster(record, "Olomouc") == {"Antony": ("sister_city", "signed", "1992"),
                                         "Pskov": ("sister_city", "ended", "2022"),
                                         "Tampere": ("sister_city", "signed", "2004")}


def test_a_town_described_as_a_partner_of_another_in_an_appositive_is_its_partner(read) -> None:
    record = read("Floods hit Germany. Krakow, a partner of Nuremberg for thirty years, sent aid.")
    assert roster(record, "Nuremberg") == {"Krakow": ("sister_city", "active", None)}


def test_a_town_described_as_a_friendly_city_of_another_is_its_partner(read) -> None:
    record = read("Floods hit Poland. Lviv, a friendly city of Wroclaw, sent aid.")
    assert roster(record, "Wroclaw") == {"Lviv": ("sister_city", "active", None)}


def test_a_company_described_as_a_partner_of_a_university_is_a_cooperation_partner(read) -> None:
    record = read("The plant opened in May. Siemens AG, a partner of Tallinn University of Technology, built it.")
    assert roster(record, "Tallinn University of Technology") == {"Siemens AG": ("cooperation", "active", None)}


def test_a_partner_of_a_town_said_of_the_sentences_subject_names_no_partner(read) -> None:
    record = read("Floods hit Germany. The firm is a partner of Nuremberg and Krakow.")
    assert roster(record, "Nuremberg") == {}


def test_the_partner_regions_of_the_named_region_are_its_cooperation_partners(read) -> None:
    record = read("The meeting was held in May. The partner regions of the Aktobe region are the Orenburg region "
                  "and the Navoi region.")
    assert roster(record, "Aktobe region") == {p: ("cooperation", "active", None) for p in ("Orenburg region", "Navoi region")}


def test_partner_universities_under_a_heading_of_a_university_page_are_the_universitys_partners(read) -> None:
    record = read("Exchange programmes - Tallinn University of Technology\n\n"
                  "Students may spend a semester abroad.\n\n"
                  "Partner universities\n"
                  "Uppsala University (Sweden)\n"
                  "Aalto University (Finland)\n\n"
                  "Research partners\n"
                  "Fraunhofer Society (Germany)\n"
                  "Polish Academy of Sciences (Poland)\n")
    assert roster(record, "Tallinn University of Technology") == {
        p: ("cooperation", "active", None) for p in ("Uppsala University", "Aalto University", "Fraunhofer Society",
                                                     "Polish Academy of Sciences")}


def test_among_the_partners_of_a_town_are_names_its_partner_towns(read) -> None:
    record = read("The fair opened in Tartu. Among the partners of Tartu are Uppsala, Turku and Bergen.")
    assert roster(record, "Tartu") == {p: ("sister_city", "active", None) for p in ("Uppsala", "Turku", "Bergen")}


def test_the_partners_of_a_country_or_a_firm_are_no_partner_towns(read) -> None:
    record = read("The fair opened in Tartu. The partners of Estonia include Uppsala and Turku. "
                  "The partners of Siemens include Bergen and Kiel.")
    assert record.ties == []


def test_tourists_from_foreign_towns_after_a_towns_sister_cities_are_no_partners(read) -> None:
    record = read(LEAD.format(town="Tartu") + "Tartu welcomed the delegations of its sister cities on Monday. "
                  "Tourists from Berlin, Paris and Rome filled the hotels.")
    assert not {"Paris", "Rome"} & set(roster(record, "Tartu"))


def test_a_heading_a_partner_over_prose_names_a_partner_of_the_pages_town(read) -> None:
    record = read("Partner cities of Kuopio\n\n"
                  "Kuopio keeps close ties with towns around the Baltic Sea and in Central Europe.\n\n"
                  "Minden, Germany – partner city since 1955\n"
                  "Minden lies on the Weser and is known for its cathedral and its canal bridge over the river.\n\n"
                  "Hódmezővásárhely, Hungary – partner city since 1985\n"
                  "The town on the Great Plain has sent its folk dancers to Kuopio every summer for decades.\n")
    assert roster(record, "Kuopio") == {"Minden": ("sister_city", "signed", "1955"),
                                        "Hódmezővásárhely": ("sister_city", "signed", "1985")}
    assert not any({"Germany", "Minden"} == set(t.parties) for t in record.ties)


def test_a_town_is_never_the_partner_of_its_own_country(read) -> None:
    record = read("Gdynia, Poland – partner city since 1990\n"
                  "The port city sent its sailing team to the regatta on the lake.\n")
    assert not any({"Poland", "Gdynia"} == set(t.parties) for t in record.ties)


def test_headings_of_town_and_country_over_prose_under_a_towns_twin_towns_are_its_partners(read) -> None:
    record = read("Dundee's twin towns\n\n"
                  "Dundee has several twin towns, each looked after by a friendship society of volunteers.\n\n"
                  "Orléans, France\n"
                  "The link with Orléans goes back to 1946 and is the oldest of the city's partnerships.\n\n"
                  "Würzburg, Germany\n"
                  "Exchanges between schools and choirs take place every year, mostly in the summer.\n\n"
                  "Nizhny Novgorod, Russia\n"
                  "The city council suspended the link in March 2022 after the invasion of Ukraine.\n")
    found = roster(record, "Dundee")
    assert {p: found[p][:2] for p in found} == {"Orléans": ("sister_city", "active"), "Würzburg": ("sister_city", "active"),
                                                "Nizhny Novgorod": ("sister_city", "ended")}
    assert found["Nizhny Novgorod"][2] == "2022-03"


def test_a_record_of_labelled_fields_one_a_line_is_dated_by_its_date_field(read) -> None:
    record = read("International relations of Olomouc\n\n"
                  "Partner city: Veszprém\nCountry: Hungary\nAgreement signed: 1994\nFields: culture\n\n"
                  "Partner city: Lucca\nCountry: Italy\nAgreement signed: 2001\nFields: tourism\n")
    assert roster(record, "Olomouc") == {"Veszprém": ("sister_city", "signed", "1994"),
                                         "Lucca": ("sister_city", "signed", "2001")}


def test_a_table_of_partners_after_prose_paragraphs_under_a_heading_is_read(read) -> None:
    record = read("Town twinning — Town of Třebíč\n\n"
                  "Třebíč has kept friendly contacts with towns abroad for many years. The partnerships are "
                  "looked after by a committee of the town council.\n\n"
                  "Town | Country | Year of signing | Contact\n"
                  "Vöcklabruck | Austria | 1996 | Town hall\n"
                  "Pezinok | Slovakia | 2001 | Mayor's office\n\n"
                  "Pupils of the grammar school spend a week in Vöcklabruck every spring.")
    assert roster(record, "Třebíč") == {"Vöcklabruck": ("sister_city", "signed", "1996"),
                                        "Pezinok": ("sister_city", "signed", "2001")}


def test_both_partner_cities_named_in_passing_are_the_story_towns_partners(read) -> None:
    record = read("Rostock held its harbour festival on Sunday. Visitors from Hamburg and Berlin filled the quays. "
                  "Both partner cities, Turku and Aarhus, sent sailing ships to the festival in Rostock.")
    assert roster(record, "Rostock") == {p: ("sister_city", "active", None) for p in ("Turku", "Aarhus")}
    assert not any({"Turku", "Aarhus"} == set(t.parties) for t in record.ties)


def test_the_subject_that_became_a_towns_twin_town_is_its_partner(read) -> None:
    record = read("Perth held a food market on Saturday.\n\n"
                  "Frankfurt, on the river between Mainz and Offenbach, became Perth's twin town in 1989.")
    assert roster(record, "Perth") == {"Frankfurt": ("sister_city", "signed", "1989")}
    assert not any({"Mainz", "Offenbach"} == set(t.parties) for t in record.ties)


def test_a_singular_cue_after_a_list_describes_the_name_just_before_it(read) -> None:
    record = read("New flights from Tallinn will go to Tbilisi, Yerevan, Baku and Kotka, Tallinn's twin town "
                  "since 1954, from May.")
    assert roster(record, "Tallinn") == {"Kotka": ("sister_city", "signed", "1954")}


def test_its_after_a_roster_is_the_rosters_owner_not_its_last_partner(read) -> None:
    record = read("Chengdu's sister cities include Montpellier (since 1981), Winnipeg (since 1988) and Bangkok (2017), "
                  "the city said. Among its friendship cities are Lahore, Medan and Cebu.")
    found = roster(record, "Chengdu")
    assert {"Lahore", "Medan", "Cebu"} <= set(found)
    assert set(roster(record, "Bangkok")) == {"Chengdu"}


def test_an_encyclopedias_footnote_markers_do_not_break_a_list_of_twin_towns(read) -> None:
    record = read("Batumi is a city on the Black Sea coast of Georgia.[1]\n\n"
                  "Twin towns – sister cities\n"
                  "Batumi is twinned with:[7]\n\n"
                  " Odesa, Ukraine[8]\n"
                  " Vilnius, Lithuania (2010)[9]\n"
                  " Trabzon, Turkey[10]\n")
    assert roster(record, "Batumi") == {"Odesa": ("sister_city", "active", None),
                                        "Vilnius": ("sister_city", "signed", "2010"),
                                        "Trabzon": ("sister_city", "active", None)}


def test_a_town_a_relative_clause_says_the_city_is_twinned_with_is_its_partner(read) -> None:
    record = read("The town of Olsztyn held its summer fair on Saturday. Rovaniemi, with which the city has been "
                  "twinned since 1985, sent a choir.")
    assert roster(record, "Olsztyn") == {"Rovaniemi": ("sister_city", "signed", "1985")}


def test_a_town_called_a_partner_city_of_another_in_apposition_is_its_partner(read) -> None:
    record = read("Olsztyn held its summer fair on Saturday. Lutsk, a partner city of Olsztyn since 1993, sent "
                  "folk dancers.")
    assert roster(record, "Olsztyn") == {"Lutsk": ("sister_city", "signed", "1993")}


def test_a_cue_announcing_the_following_cities_reads_the_list_on_the_next_lines(read) -> None:
    record = read("Vinnytsia and its partners\n\n"
                  "Vinnytsia signed twinning agreements with the following cities.\n"
                  "Germany – Kassel (1992)\nPoland – Kielce (1993)\nFrance – Lyon (1995)\n")
    assert roster(record, "Vinnytsia") == {"Kassel": ("sister_city", "signed", "1992"),
                                           "Kielce": ("sister_city", "signed", "1993"),
                                           "Lyon": ("sister_city", "signed", "1995")}


# -- RECALL3: partner lines with no heading, closing a story -------------------------

PECS_STORY = ("Pécs opens its autumn wine festival\n\n"
              "The city of Pécs opened its autumn wine festival on Friday in Széchenyi Square, with growers from "
              "Villány and Szekszárd pouring the new vintage. The mayor thanked the volunteers.\n\n")


def test_country_town_year_lines_closing_a_story_are_the_partners_of_the_storys_town(read) -> None:
    record = read(PECS_STORY + "Croatia – Osijek (1973)\nGermany – Fellbach (1986)\nSerbia – Subotica (1966)\n")
    assert roster(record, "Pécs") == {"Osijek": ("sister_city", "signed", "1973"),
                                      "Fellbach": ("sister_city", "signed", "1986"),
                                      "Subotica": ("sister_city", "signed", "1966")}


def test_one_country_town_line_alone_is_no_list_of_partners(read) -> None:
    record = read(PECS_STORY + "Germany – Fellbach (1986)\n")
    assert "Fellbach" not in roster(record, "Pécs")


def test_a_line_whose_town_lies_in_another_country_is_no_partner_row(read) -> None:
    record = read(PECS_STORY + "Croatia – Osijek (1973)\nGermany – Lyon (1986)\nSerbia – Subotica (1966)\n")
    assert "Lyon" not in roster(record, "Pécs")


def test_a_country_row_may_name_its_country_by_an_abbreviation(read) -> None:
    record = read(PECS_STORY + "USA – Seattle (2005)\nGermany – Fellbach (1986)\n")
    assert roster(record, "Pécs") == {"Seattle": ("sister_city", "signed", "2005"),
                                      "Fellbach": ("sister_city", "signed", "1986")}


TURKU_TWINS = ("The mayor of Turku opened the choir festival on Saturday. Turku's twin towns include St Petersburg, "
               "Gothenburg and Bergen.\n\n")


def test_suspending_ties_with_partners_of_one_nationality_ends_each_of_those_ties(read) -> None:
    record = read(TURKU_TWINS + "In March 2022 the city suspended its ties with its Russian twin towns.")
    assert roster(record, "Turku") == {"St Petersburg": ("sister_city", "ended", "2022-03"),
                                       "Gothenburg": ("sister_city", "active", None),
                                       "Bergen": ("sister_city", "active", None)}


def test_an_ending_of_something_else_of_that_nationality_ends_no_tie(read) -> None:
    record = read(TURKU_TWINS + "The city imports Russian gas, which was cut in 2022.")
    assert roster(record, "Turku")["St Petersburg"] == ("sister_city", "active", None)


def test_town_country_year_lines_in_either_order_are_partner_rows(read) -> None:
    record = read(PECS_STORY + "Osijek, Croatia (1973)\nFellbach, Germany (1986)\nSubotica (Serbia), 1966\n")
    assert roster(record, "Pécs") == {"Osijek": ("sister_city", "signed", "1973"),
                                      "Fellbach": ("sister_city", "signed", "1986"),
                                      "Subotica": ("sister_city", "signed", "1966")}


def test_a_twin_told_by_a_relative_clause_stands_beside_a_twin_named_by_a_possessive(read) -> None:
    record = read("Ostrava market opens\n\nThe Christmas market in Ostrava opened on Saturday. Traders from Ostrava's "
                  "twin city Katowice sell Silesian gingerbread, while Košice, with which Ostrava has been twinned "
                  "since 1994, brought a stall of Slovak wine.")
    assert roster(record, "Ostrava") == {"Katowice": ("sister_city", "active", None),
                                         "Košice": ("sister_city", "signed", "1994")}


MARIBOR_MILL = ("Maribor paper mill opens two sales offices\n\n"
                "The Maribor paper mill Drava Papir opened two sales offices this spring, its director said in "
                "Maribor on Wednesday. The mill sells paper across the Balkans.\n\nOffices:\n\n")


def test_town_country_lines_without_years_in_a_story_saying_nothing_of_partners_are_no_ties(read) -> None:
    record = read(MARIBOR_MILL + "Sarajevo, Bosnia and Herzegovina\nSkopje, North Macedonia\n")
    assert roster(record, "Maribor") == {}


def test_town_country_lines_without_years_in_a_story_about_twinning_are_partner_rows(read) -> None:
    record = read(PECS_STORY + "The city keeps close ties with its twin towns.\n\n"
                  "Osijek, Croatia\nFellbach, Germany\n")
    assert roster(record, "Pécs") == {"Osijek": ("sister_city", "active", None),
                                      "Fellbach": ("sister_city", "active", None)}


def test_a_sentence_after_a_roster_cue_that_suspends_a_partnership_ends_it_in_that_year(read) -> None:
    record = read("Kaunas has many twin towns in Europe. In 2022 the city suspended its partnership with the "
                  "Russian city of Tver.", published="2023-01-10")
    tie = next(t for t in record.ties if set(t.parties) == {"Kaunas", "Tver"})
    assert (tie.status, tie.date) == ("ended", "2022")


def test_a_sentence_after_a_roster_cue_that_signs_a_partnership_dates_its_start(read) -> None:
    record = read("Kaunas has many twin towns in Europe. In 2022 the city signed a partnership with the "
                  "Polish city of Lublin.", published="2023-01-10")
    tie = next(t for t in record.ties if set(t.parties) == {"Kaunas", "Lublin"})
    assert (tie.status, tie.date) == ("signed", "2022")


def test_a_sentence_that_suspends_one_partnership_does_not_end_the_agreement_it_also_signs(read) -> None:
    record = read("Kaunas has several twin towns across Europe, among them Tver and Lviv.\n\nIn 2022 the city "
                  "suspended its partnership with Tver and signed a new agreement with Kyiv.", published="2024-06-03")
    status = {frozenset(t.parties): t.status for t in record.ties}
    assert status[frozenset({"Kaunas", "Tver"})] == "ended"
    assert status[frozenset({"Kaunas", "Kyiv"})] != "ended"


def test_suspending_flights_under_agreements_with_partners_does_not_end_the_partnerships(read) -> None:
    record = read("Kaunas has several twin towns across Europe, among them Tver and Lviv.\n\nIn 2020 the city "
                  "suspended flights under its agreements with Tver and Lviv.", published="2024-06-03")
    assert {frozenset({"Kaunas", "Tver"}), frozenset({"Kaunas", "Lviv"})} <= {frozenset(t.parties) for t in record.ties}
    assert not any(t.status == "ended" for t in record.ties)


def test_guests_from_three_towns_after_a_headline_naming_a_new_pair_of_twins_are_no_partners(read) -> None:
    record = read("Tartu and Lahti become partner towns\n\n"
                  "The mayors of Tartu and Lahti signed a partnership agreement at a congress in Riga on Friday. "
                  "Guests from Kaunas, Pskov and Turku also attended the ceremony.")
    assert {frozenset(t.parties) for t in record.ties} == {frozenset({"Tartu", "Lahti"})}


def test_its_twin_towns_in_the_predicate_of_a_town_subject_are_that_towns(read) -> None:
    record = read("The council of Turku voted on Monday to end the twinning with Novgorod over the war. "
                  "Officials said the other partners of the Russian city agreed. "
                  "Turku will keep its ties with its other twin towns, among them Linz and Essen.")
    partners = roster(record, "Turku")
    assert {"Linz", "Essen"} <= set(partners)
    assert not {"Linz", "Essen"} & set(roster(record, "Novgorod"))


def test_the_city_after_a_partner_named_with_a_partnership_is_the_towns_story(read) -> None:
    record = read("Partner towns of Heilbronn\n\n"
                  "Heilbronn has kept a partnership with Frankfurt (Oder) since 1990. "
                  "The partnership with Poltava was put on hold in 2014. "
                  "Meetings of school choirs still take place every summer. "
                  "The city also maintains partnerships with Kunming in China and Esteli in Nicaragua.")
    assert {"Kunming", "Esteli"} <= set(roster(record, "Heilbronn"))
    assert not {"Kunming", "Esteli"} & set(roster(record, "Poltava"))


def test_a_vote_to_suspend_the_twinnings_with_a_and_b_ends_each_on_that_day(read) -> None:
    record = read("The mayor of Riga spoke to reporters on Friday. Riga voted on Friday to suspend its twinning "
                  "agreements with Moscow and Minsk, as well as with Saint Petersburg.", published="2022-03-04")
    assert roster(record, "Riga") == {p: ("sister_city", "ended", "2022-03-04")
                                      for p in ("Moscow", "Minsk", "Saint Petersburg")}


def test_a_plan_to_suspend_twinnings_ends_nothing_yet(read) -> None:
    record = read("The mayor of Riga spoke to reporters on Friday. Riga plans to suspend its twinning agreements "
                  "with Moscow and Minsk.", published="2022-03-04")
    assert roster(record, "Riga") == {p: ("sister_city", "active", None) for p in ("Moscow", "Minsk")}


def test_a_decision_or_vote_not_to_end_or_against_ending_twinnings_ends_none(read) -> None:
    for sentence in ("Riga decided not to suspend its twinning agreements with Moscow and Minsk.",
                     "Riga voted not to end its twinning agreements with Moscow and Minsk.",
                     "The Riga council voted against suspending its twinning agreements with Moscow and Minsk.",
                     "Riga kept its twinning agreements with Moscow and Minsk instead of suspending them.",
                     "The Riga council agreed not to freeze its twinning agreements with Moscow and Minsk."):
        record = read("The mayor of Riga spoke to reporters on Friday. " + sentence, published="2022-03-04")
        assert roster(record, "Riga") == {p: ("sister_city", "active", None) for p in ("Moscow", "Minsk")}, sentence


def test_a_roster_ended_by_its_verb_is_dated_by_the_ending_not_a_founding_year_beside_it(read) -> None:
    record = read("The mayor of Riga spoke to reporters on Friday. Riga suspended its twinning agreements with "
                  "Moscow and Minsk, established in 1997.", published="2022-03-04")
    assert roster(record, "Riga") == {p: ("sister_city", "ended", "2022-03-04") for p in ("Moscow", "Minsk")}
    record = read("The mayor of Riga spoke to reporters on Friday. In 2014 Riga froze its twinning agreements with "
                  "Moscow and Minsk, which date from 1997.", published="2022-03-04")
    assert roster(record, "Riga") == {p: ("sister_city", "ended", "2014") for p in ("Moscow", "Minsk")}


def test_a_pair_named_before_a_cue_that_has_its_own_owner_does_not_silence_the_class(read) -> None:
    for lede in ("Kiel and Lund officials welcomed the mayors of Tartu's twin towns on Friday. ",
                 "Officials from Kiel and Lund welcomed the mayors of Tartu's twin towns on Friday. ",
                 "Kiel, Lund and Tartu hosted a forum of the twin towns of Tartu on Friday. "):
        record = read(lede + "Guests from Aarhus, Turku and Pskov attended the ceremony.")
        assert {"Aarhus", "Turku", "Pskov"} <= set(roster(record, "Tartu")), lede


def test_a_suspended_partnership_between_a_heading_and_the_citys_other_partnerships_keeps_them_the_towns(read) -> None:
    record = read("Partner towns of Kiel\n\n"
                  "The partnership with Tartu was suspended in 2014. "
                  "The city also has partnerships with Aarhus and Turku.")
    assert {"Aarhus", "Turku"} <= set(roster(record, "Kiel"))
    assert not {"Aarhus", "Turku"} & set(roster(record, "Tartu"))



def test_a_passive_ending_of_an_agreement_with_one_more_region_after_a_roster_ends_the_owners_tie(read) -> None:
    record = read("The regional assembly of Bavaria met on Tuesday.\n\n"
                  "Bavaria's partner regions include Scania and Lower Saxony. "
                  "The cooperation agreement with Pskov Oblast was terminated in 2022.", published="2023-11-22")
    assert roster(record, "Bavaria").get("Pskov Oblast") == ("cooperation", "ended", "2022")
