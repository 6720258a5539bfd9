"""Amity's tokenizer: spaCy's infixes plus a bracket glued between a name and its acronym."""
from __future__ import annotations

import pickle

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

_GLUED = [r"(?<=[A-Za-z])\((?=[A-Z])", r"(?<=[A-Z])\)(?=\W|$)"]
_SENTENCES = [
    "The Central Asian Trade Company(CATC) opened an office in Almaty.",
    "Delegates of the Port Authority(PA)-led group met on 3-4 May... in Kyiv/Lviv.",
    "Revenue rose 5+3*2 points; the so-called 'twin-city' deal (signed 2019) stands—for now.",
    "Officials of ACME(UK), Ltd.(HQ) and the Fund(FUND)'s board: a 10-point plan, e.g. A/B=C.",
]


def _words(tokenizer: Tokenizer, text: str) -> list[str]:
    return [t.text for t in tokenizer(text)]


def test_a_bracket_glued_to_an_acronym_is_a_token_of_its_own(nlp: Language) -> None:
    words = _words(nlp.tokenizer, "The Central Asian Trade Company(CATC) opened an office.")
    assert words[4:8] == ["Company", "(", "CATC", ")"]


def test_the_tokens_are_those_of_one_regex_of_spacys_infixes_and_the_glued_brackets(nlp: Language) -> None:
    one_regex = pickle.loads(pickle.dumps(nlp.tokenizer))
    one_regex.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), *_GLUED]).finditer
    for sentence in _SENTENCES:
        assert _words(nlp.tokenizer, sentence) == _words(one_regex, sentence)


def test_the_tokenizer_still_serialises_its_infix_pattern(nlp: Language) -> None:
    restored = Tokenizer(nlp.vocab).from_bytes(nlp.tokenizer.to_bytes())
    assert _words(restored, _SENTENCES[0]) == _words(nlp.tokenizer, _SENTENCES[0])
