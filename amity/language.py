"""Which language an article is in, told offline (py3langid's model ships with the package), so that an article
Amity cannot read (it reads English) gets a clear notice instead of silently poor results."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import pycountry

#: How sure the model must be before an article is said not to be English; names and dates fool it on short texts.
CONFIDENCE = 0.9
SAMPLE_CHARS = 3000


def language_of(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the text's language and how sure the model is (0 to 1), from its first characters."""
    code, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(code), float(probability)


def not_english_notice(text: str) -> str | None:
    """'This article seems to be in French (fr): ...' when it is surely not English; None otherwise."""
    if len(text.strip()) < 40:
        return None
    code, probability = language_of(text)
    if code == "en" or probability < CONFIDENCE:
        return None
    record = pycountry.languages.get(alpha_2=code)
    name = f"{record.name} ({code})" if record is not None else code
    return (f"This article seems to be in {name}, not English: Amity reads English only, so the people, places, "
            "events and ties found in it may be wrong or missing.")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
