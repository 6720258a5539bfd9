"""A component's settings come through spaCy's config: a user can point it at another word list
or threshold with `nlp.add_pipe(name, config={...})`, and the defaults are Amity's own."""
from __future__ import annotations

import json
from pathlib import Path

import spacy

from amity.nlp.dates import DateFinder
from amity.nlp.paragraphs import ParagraphMarker

TWO_DATES = "The mayors met in Osh on 3 March 2022 and again in Bursa on 5 April."


def _dates(config: dict[str, object]) -> list[str | None]:
    nlp = spacy.blank("en")
    nlp.add_pipe("amity_dates", config=config)
    assert isinstance(nlp.get_pipe("amity_dates"), DateFinder)
    doc = nlp.make_doc(TWO_DATES)
    doc._.published = "2024-06-01"
    return [d.value for d in nlp.get_pipe("amity_dates")(doc)._.dates]


def test_a_year_carries_to_a_nearby_date_by_default_and_not_when_the_window_is_narrowed() -> None:
    assert _dates({}) == ["2022-03-03", "2022-04-05"]
    narrowed = _dates({"year_carry_chars": 10})
    assert narrowed[0] == "2022-03-03"
    assert narrowed[1] != "2022-04-05"


def test_sentence_marks_come_from_the_punctuation_file_the_config_names(tmp_path: Path) -> None:
    no_full_stop = tmp_path / "sentences.json"
    no_full_stop.write_text(json.dumps({"sentence_final": ["!"], "closing_quotes": []}), encoding="utf-8")
    text = "The mayors signed. Then they left."

    default = spacy.blank("en")
    default.add_pipe("amity_paragraphs")
    own = spacy.blank("en")
    own.add_pipe("amity_paragraphs", config={"punctuation": str(no_full_stop)})

    assert isinstance(own.get_pipe("amity_paragraphs"), ParagraphMarker)
    then_default = next(t for t in default(text) if t.text == "Then")
    then_own = next(t for t in own(text) if t.text == "Then")
    assert then_default.is_sent_start is None  # after a full stop the parser decides
    assert then_own.is_sent_start is False  # without "." as a sentence mark, no sentence may start here
