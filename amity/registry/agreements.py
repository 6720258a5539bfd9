"""What was signed, as the sentences of a tie's stages say it: "protocol on culture, tourism and education".

The kind of agreement (protocol, memorandum of understanding…) and the
fields of cooperation named (culture, tourism…) are words of
`amity/data/agreements.json`, matched whole, case aside, in the evidence
sentences of a tie; the longest kind named wins, earliest sentence first.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any


def what_was_signed(sentences: Iterable[str | None]) -> dict[str, Any]:
    """{"kind": the agreement's kind or None, "fields": the fields of cooperation named, in the order first named}."""
    kinds, fields, spelling = _patterns()
    kind: str | None = None
    named: dict[str, int] = {}
    for sentence in sentences:
        if not sentence:
            continue
        text = sentence.casefold()
        if kind is None and (found := kinds.search(text)):
            kind = found.group(0)
        for match in fields.finditer(text):
            named.setdefault(spelling.get(match.group(0), match.group(0)), len(named))
    return {"kind": kind, "fields": sorted(named, key=named.__getitem__)}


def described(signed: dict[str, Any]) -> str:
    """'protocol on culture, tourism and education'; '' when neither kind nor field is known."""
    fields = signed["fields"]
    listed = ", ".join(fields[:-1]) + f" and {fields[-1]}" if len(fields) > 1 else "".join(fields)
    if signed["kind"] and listed:
        return f"{signed['kind']} on {listed}"
    return signed["kind"] or (f"cooperation on {listed}" if listed else "")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The kinds' and fields' patterns, and each field's other spellings → the field."""
    words = json.loads(resources.files("amity.data").joinpath("agreements.json").read_text(encoding="utf-8"))

    def alternatives(items: list[str]) -> re.Pattern[str]:
        ordered = sorted(items, key=len, reverse=True)  # the longest first: "memorandum of understanding"
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b")

    return alternatives(words["kinds"]), alternatives(words["fields"]), dict(words["field_spellings"])
