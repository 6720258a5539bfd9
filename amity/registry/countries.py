"""Countries as people type them into a filter: an ISO code ("KZ", "TUR") or a name ("Turkey", "Türkiye").

Names come from pycountry (name, official and common names) and from the
country rows of `amity/data/places.csv` (the names the news uses, such as
"Turkey"), compared folded (case and accents aside).
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

import pycountry

from amity.vocabulary.names import fold


def country_code(text: str) -> str | None:
    """The ISO alpha-2 code of a country code or name; None when it names no country."""
    value = text.strip()
    if len(value) == 2 and value.isalpha():
        return value.upper()
    if len(value) == 3 and value.isalpha():
        record = pycountry.countries.get(alpha_3=value.upper())
        if record is not None:
            return str(record.alpha_2)
    return _by_name().get(fold(value))


def country_label(code: str) -> str:
    """'Kazakhstan (KZ)'; the bare code when it is not a known country."""
    record = pycountry.countries.get(alpha_2=code)
    name = (getattr(record, "common_name", None) or record.name) if record is not None else None
    return f"{name} ({code})" if name else code


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for record in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(record, attr, None)
            if value:
                names.setdefault(fold(value), record.alpha_2)
    with resources.files("amity.data").joinpath("places.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] == "country" and row["country"]:
                for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
                    names[fold(name)] = row["country"]
    return names
