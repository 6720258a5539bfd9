"""Articles that are not English get a clear notice, on the command line and on the article page."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from amity.cli import app
from amity.language import not_english_notice

FRENCH = ("Les maires de Lyon et de Montréal ont signé mardi un protocole de coopération sur la culture, "
          "le tourisme et l'éducation, en présence des deux délégations.")
ENGLISH = ("The mayors of Lyon and Montreal signed a protocol on culture, tourism and education on Tuesday, "
           "in the presence of both delegations.")


def test_a_french_article_is_said_to_be_french_and_an_english_one_is_not() -> None:
    notice = not_english_notice(FRENCH)
    assert notice is not None and "French (fr)" in notice and "English only" in notice
    assert not_english_notice(ENGLISH) is None
    assert not_english_notice("Lyon 2023") is None, "too short to tell"


def test_extract_warns_on_stderr_about_an_article_that_is_not_english(tmp_path: Path) -> None:
    (tmp_path / "lyon.txt").write_text(FRENCH, encoding="utf-8")
    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(app, ["extract", str(tmp_path / "lyon.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "lyon.txt: This article seems to be in French (fr)" in result.stderr
    assert "French" not in result.stdout, "the records stay clean"


def test_the_language_model_is_unpacked_into_the_cache_once_and_answers_as_the_packed_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from amity import language

    monkeypatch.setenv("AMITY_CACHE_DIR", str(tmp_path))
    language._identifier.cache_clear()
    try:
        first = language._identifier()
        unpacked = [p for p in tmp_path.iterdir() if p.name.startswith("langid-")]
        assert len(unpacked) == 1 and (unpacked[0] / "nextmove.npy").is_file()
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "no half-made folder is left"
        language._identifier.cache_clear()
        cached = language._identifier()  # read back from the cache
        packed = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        for text in (FRENCH, ENGLISH, "Der Bürgermeister von Berlin besuchte Tiflis.", "Lyon 2023", ""):
            assert first.classify(text) == cached.classify(text) == packed.classify(text)
    finally:
        language._identifier.cache_clear()


def test_with_the_cache_off_the_packed_model_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from amity import language

    monkeypatch.setenv("AMITY_CACHE_DIR", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    language._identifier.cache_clear()
    try:
        assert not_english_notice(FRENCH) is not None
        assert list(tmp_path.iterdir()) == []
    finally:
        language._identifier.cache_clear()


def test_a_damaged_cache_of_the_language_model_falls_back_to_the_packed_model(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from amity import language

    monkeypatch.setenv("AMITY_CACHE_DIR", str(tmp_path))
    language._identifier.cache_clear()
    try:
        language._identifier()
        (unpacked,) = [p for p in tmp_path.iterdir() if p.name.startswith("langid-")]
        (unpacked / "ptc.npy").write_bytes(b"not an array")
        language._identifier.cache_clear()
        notice = not_english_notice(FRENCH)
        assert notice is not None and "French (fr)" in notice
    finally:
        language._identifier.cache_clear()
