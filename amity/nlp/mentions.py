"""Mentions: the spans Amity's components find, before they are grouped into entities.

Each finder component (places, organisations, people) appends `Mention`s to
its own Doc extension; `entities` resolves overlaps and groups them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from amity.nlp.gazetteer import Place


@dataclass
class Mention:
    """A name found in the text: token span [start, end), its type and what it links to."""

    start: int
    end: int
    type: str
    name: str
    place: Place | None = None
    #: For an organisation that is a town's municipality (or another body named after its town): the town's name.
    town: str | None = None
    #: True when the organisation is the town's own government ("Üsküdar Municipality"), so that
    #: an office in it is an office of the town ("Mayor of Üsküdar").
    town_government: bool = False
    #: For an organisation introduced with an acronym: "Union of ... (TDBB)".
    acronym: str | None = None
    #: Another name the mention answers to: a company's name without its legal form ("Aktobe Copper").
    alias: str | None = None
    #: For a person: (title, of) pairs read around the name.
    roles: list[tuple[str, str | None]] = field(default_factory=list)
    #: Higher wins when two mentions overlap.
    priority: int = 0
    #: The place of a dateline ("ANKARA, March 3 —"): where the story was filed.
    dateline: bool = False

    @property
    def office_holder(self) -> str:
        """The name an office "of" this mention is recorded against."""
        return self.town if self.town and self.town_government else self.name

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


def register_extensions() -> None:
    """Doc attributes the components fill in (idempotent)."""
    for name in ("place_mentions", "org_mentions", "person_mentions", "entities", "dates",
                 "events", "ties"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)


def is_capitalised(token: Token) -> bool:
    """Starts with an upper-case letter (Üsküdar, TDBB, McDonald)."""
    text = token.text
    return bool(text) and text[0].isupper()


def among_capitals(doc: Doc, start: int, end: int) -> bool:
    """Whether a word written all in capitals sits right before or after tokens start..end: they are part
    of a line in capitals (a headline, a dateline "LAS CRUCES, N.M."), where capitals mark no name."""
    return any(0 <= k < len(doc) and doc[k].is_alpha and len(doc[k]) > 1 and doc[k].is_upper for k in (start - 1, end))
