"""The gazetteer: names Amity can link to a place, with its country, GeoNames id and coordinates."""
from __future__ import annotations

import pytest

from amity.nlp.gazetteer import Gazetteer, country_code, default_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


# -- countries -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kazakhstan", "KZ"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Republic of Kazakhstan", "KZ"),
        ("Kyrgyz Republic", "KG"),
        ("Uzbekistan", "UZ"),
        ("Germany", "DE"),
    ],
)
def test_country_names_give_their_iso_code(gazetteer: Gazetteer, name: str, code: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert place.kind == "country"
    assert place.country == code
    assert country_code(name) == code


def test_a_country_has_a_geonames_id(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Kazakhstan").geonames_id == 1522867


def test_country_code_is_none_for_a_city_or_an_unknown_name() -> None:
    assert country_code("Istanbul") is None
    assert country_code("Narnia") is None


def test_country_names_answer_membership_checks(gazetteer: Gazetteer) -> None:
    assert "Türkiye" in gazetteer.country_names
    assert "TURKEY" in gazetteer.country_names
    assert "Istanbul" not in gazetteer.country_names


# -- curated districts -------------------------------------------------------------

@pytest.mark.parametrize("spelling", ["Üsküdar", "Uskudar", "ÜSKÜDAR"])
def test_a_curated_istanbul_district_is_a_turkish_district(gazetteer: Gazetteer, spelling: str) -> None:
    place = gazetteer.lookup(spelling)
    assert place is not None
    assert place.name == "Üsküdar"
    assert place.kind == "district"
    assert place.country == "TR"
    assert place.curated


def test_membership_uses_folded_names(gazetteer: Gazetteer) -> None:
    assert "Uskudar" in gazetteer
    assert "Kadikoy" in gazetteer
    assert "Narnia" not in gazetteer


# -- renamed cities and other spellings ---------------------------------------------

def test_nur_sultan_is_astana(gazetteer: Gazetteer) -> None:
    old, new = gazetteer.lookup("Nur-Sultan"), gazetteer.lookup("Astana")
    assert new is not None and new.name == "Astana" and new.country == "KZ"
    assert old == new


@pytest.mark.parametrize("spelling", ["Kapchagay", "Qonaev", "Konayev", "Kapshagay"])
def test_kapchagay_and_its_new_names_are_one_place(gazetteer: Gazetteer, spelling: str) -> None:
    konaev = gazetteer.lookup("Konaev")
    assert konaev is not None and konaev.country == "KZ"
    place = gazetteer.lookup(spelling)
    assert place is not None
    assert place.geonames_id == konaev.geonames_id
    assert place.name == konaev.name


def test_turkestan_is_the_kazakh_city_turkistan(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Turkestan")
    assert place is not None
    assert place.name == "Turkistan"
    assert place.country == "KZ"
    assert place.kind == "city"
    assert place == gazetteer.lookup("Türkistan")


def test_turkestan_region_is_a_region_not_the_city(gazetteer: Gazetteer) -> None:
    region = gazetteer.lookup("Turkestan Region")
    assert region is not None
    assert region.kind == "region"
    assert region.country == "KZ"
    assert region != gazetteer.lookup("Turkestan")


# -- links -------------------------------------------------------------------------

def test_a_big_city_has_a_geonames_id_and_coordinates(gazetteer: Gazetteer) -> None:
    istanbul = gazetteer.lookup("Istanbul")
    assert istanbul is not None
    assert istanbul.country == "TR"
    assert istanbul.kind == "city"
    assert istanbul.geonames_id == 745044
    assert istanbul.lat == pytest.approx(41.01, abs=0.1)
    assert istanbul.lon == pytest.approx(28.95, abs=0.1)


def test_a_big_city_not_in_amitys_supplement_is_linked_from_geonames(gazetteer: Gazetteer) -> None:
    paris = gazetteer.lookup("Paris")
    assert paris is not None
    assert (paris.country, paris.geonames_id) == ("FR", 2988507)
    assert paris.lat == pytest.approx(48.85, abs=0.1)
    assert paris.lon == pytest.approx(2.35, abs=0.1)


def test_an_unknown_name_is_not_linked(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Narnia") is None


# -- ambiguous names ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "context", "country", "kind"),
    [
        ("Aksu", {"TR"}, "TR", "district"),  # a district of Antalya
        ("Aksu", {"KZ"}, "KZ", "city"),  # a town in Pavlodar Region
        ("Talas", {"TR"}, "TR", "district"),  # a district of Kayseri
        ("Talas", {"KG"}, "KG", "city"),
        ("Tuzla", {"TR"}, "TR", "district"),  # a district of Istanbul
        ("Tuzla", {"BA"}, "BA", "city"),
    ],
)
def test_an_ambiguous_name_is_steered_by_the_countries_of_the_article(
        gazetteer: Gazetteer, name: str, context: set[str], country: str, kind: str) -> None:
    place = gazetteer.lookup(name, frozenset(context))
    assert place is not None
    assert (place.country, place.kind) == (country, kind)


def test_all_candidates_of_an_ambiguous_name_are_listed(gazetteer: Gazetteer) -> None:
    countries = {p.country for p in gazetteer.candidates("Aksu")}
    assert {"TR", "KZ"} <= countries


def test_an_alternate_name_of_a_big_city_needs_its_country_in_the_article(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Wien") is None
    vienna = gazetteer.lookup("Wien", frozenset({"AT"}))
    assert vienna is not None
    assert (vienna.name, vienna.country) == ("Vienna", "AT")


def test_the_gazetteer_is_cached_on_disk_and_read_back(tmp_path, monkeypatch) -> None:
    from amity.nlp import gazetteer as module

    monkeypatch.setenv("AMITY_CACHE_DIR", str(tmp_path))
    built = module.default_gazetteer.__wrapped__()
    [cache] = list(tmp_path.glob("gazetteer-*.pickle"))
    cache.touch()
    reread = module.default_gazetteer.__wrapped__()
    assert reread.lookup("Üsküdar") == built.lookup("Üsküdar")
    assert reread.lookup("Nur-Sultan") == built.lookup("Nur-Sultan")


def test_a_broken_cache_file_is_rebuilt(tmp_path, monkeypatch) -> None:
    from amity.nlp import gazetteer as module

    monkeypatch.setenv("AMITY_CACHE_DIR", str(tmp_path))
    module._cache_path().parent.mkdir(parents=True, exist_ok=True)
    module._cache_path().write_bytes(b"not a pickle")
    assert module.default_gazetteer.__wrapped__().lookup("Istanbul").country == "TR"


def test_a_small_town_from_geonames_cities500_is_in_the_packaged_index(gazetteer: Gazetteer) -> None:
    # Yerköy (Yozgat, about 35,000 people) and Bheramara (Bangladesh) are not in the 15,000+ table's curated part
    place = gazetteer.lookup("Yerköy")
    assert place is not None and place.country == "TR" and place.geonames_id is not None
    assert gazetteer.lookup("Bheramara").country == "BD"


def test_an_alternate_name_of_a_mid_sized_town_is_linked_in_its_country(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Gomel") is None
    gomel = gazetteer.lookup("Gomel", frozenset({"BY"}))
    assert gomel is not None and gomel.country == "BY"


def test_us_is_a_name_of_the_united_states(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("US").country == "US"
    assert gazetteer.lookup("US").kind == "country"


def test_the_packaged_town_index_is_current_with_its_build_script() -> None:
    import gzip
    from importlib import resources

    path = resources.files("amity.data").joinpath("geonames_places.tsv.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        first = handle.readline()
    key, _, rows = first.rstrip("\n").partition("\t")
    assert key and rows.count("|") >= 6


def test_a_hamlet_named_like_an_acronym_is_not_a_well_known_place_name(gazetteer: Gazetteer) -> None:
    # GeoNames has hamlets called "Nato" (PH) and "Cis" (IT); membership asks for a well-known place
    assert gazetteer.candidates("Nato")
    assert "NATO" not in gazetteer and "CIS" not in gazetteer
    assert "Samarkand" in gazetteer and "Kazakhstan" in gazetteer


def test_a_second_level_division_is_linked_in_an_article_about_its_country(gazetteer: Gazetteer) -> None:
    # a French department (ISO 3166-2 second level, under its region)
    assert gazetteer.lookup("Haute-Savoie") is None
    department = gazetteer.lookup("Haute-Savoie", frozenset({"FR"}))
    assert department is not None and (department.kind, department.country) == ("region", "FR")


def test_a_city_of_millions_by_another_of_its_names_outweighs_a_small_namesake(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("St. Petersburg")
    assert place is not None and place.country == "RU"
    florida = gazetteer.lookup("St. Petersburg", frozenset({"US"}))
    assert florida is not None and florida.country == "US"
