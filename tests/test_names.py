"""Folding names: one key for every spelling of a name, so that all stages agree."""
from __future__ import annotations

import pytest

from amity.nlp.names import fold, name_key


@pytest.mark.parametrize("spelling", ["Üsküdar", "Uskudar", "ÜSKÜDAR", "uskudar", "  Üsküdar  "])
def test_accents_and_case_fold_to_one_key(spelling: str) -> None:
    assert fold(spelling) == "uskudar"
    assert name_key(spelling) == name_key("Üsküdar")


@pytest.mark.parametrize(
    ("turkish", "ascii_form"),
    [
        ("Kadıköy", "kadikoy"),  # dotless ı
        ("Diyarbakır", "diyarbakir"),
        ("Iğdır", "igdir"),  # capital dotless I and ğ
        ("İzmir", "izmir"),  # capital dotted İ
        ("Eskişehir", "eskisehir"),
    ],
)
def test_turkish_letters_fold_to_plain_ascii(turkish: str, ascii_form: str) -> None:
    assert fold(turkish) == ascii_form
    assert fold(turkish) == fold(ascii_form.capitalize())


def test_dotless_i_written_in_capitals_matches_lower_case() -> None:
    assert fold("KADIKÖY") == fold("Kadıköy")


def test_hyphens_and_punctuation_become_single_spaces() -> None:
    assert fold("Nur-Sultan") == "nur sultan"
    assert fold("Nur – Sultan") == "nur sultan"
    assert fold("St. Petersburg") == "st petersburg"
    assert fold("“Kentau”") == "kentau"


def test_name_key_drops_a_trailing_municipality() -> None:
    assert name_key("Kadıköy Municipality") == "kadikoy"
    assert name_key("Kadıköy Municipality") == name_key("Kadikoy")


def test_name_key_drops_metropolitan_municipality_and_a_leading_the() -> None:
    assert name_key("Konya Metropolitan Municipality") == "konya"
    assert name_key("the Zeytinburnu Municipality") == "zeytinburnu"


def test_name_key_keeps_other_words() -> None:
    assert name_key("Union of Municipalities of Turkey") == "union of municipalities of turkey"
    assert name_key("Kadıköy") != name_key("Kadıköy Council")


def test_fold_alone_keeps_the_word_municipality() -> None:
    assert fold("Kadıköy Municipality") == "kadikoy municipality"
