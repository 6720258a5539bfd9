"""The types every stage passes to the next (their closed sets of words are in `amity.vocabulary`).

Sources yield `Article`s, the NLP pipeline turns each into a `Record` of
`Entity`, `Event` and `Tie` values, and every fact carries the `Evidence`
it was read from. `Record.to_dict()` is the JSON contract of
`amity extract --format json` (see the evaluation guidelines).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

# Re-exported: the contract's words, spelled once in amity.vocabulary.
from amity.vocabulary import TIE_STAGES, EntityType, EventStatus, EventType, TieKind, TieStatus

__all__ = ["TIE_STAGES", "Article", "Entity", "EntityType", "Event", "EventStatus", "EventType", "Evidence", "InputError",
           "Record", "Role", "Tie", "TieKind", "TieStatus"]


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence and its character span in the article text."""

    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass
class Article:
    """One news article as read from a source, before any NLP."""

    doc: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None

    @property
    def full_text(self) -> str:
        """The text to read: the headline, when it is not already the first line, then the body."""
        title = (self.title or "").strip()
        body = self.text or ""
        if title and not body.lstrip().startswith(title):
            return f"{title}\n\n{body}"
        return body

    @property
    def content_hash(self) -> str:
        """The identity of its content, as the registry keys articles (`amity.registry.content_hash` gives the
        same): SHA-256 of the text the evidence offsets index into. Here, so that a cluster's workers tell it
        without loading the registry and its database drivers (~23 MB a worker)."""
        return hashlib.sha256(self.full_text.replace("\r\n", "\n").strip().encode("utf-8")).hexdigest()


@dataclass
class Role:
    """An office a person holds: lower-case title and the place/organisation it is held in."""

    title: str
    of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "of": self.of}


@dataclass
class Entity:
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    country: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "name": self.name, "aliases": list(self.aliases)}
        if self.type == "person":
            out["roles"] = [r.to_dict() for r in self.roles]
        if self.type == "place":
            out["country"] = self.country
            if self.geonames_id is not None:
                out["geonames_id"] = self.geonames_id
            if self.lat is not None and self.lon is not None:
                out["coordinates"] = [self.lat, self.lon]
        out["evidence"] = [e.to_dict() for e in self.evidence]
        return out


@dataclass
class Event:
    type: EventType
    status: EventStatus
    date: str | None = None
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    agreement: TieKind | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "status": self.status,
            "date": self.date,
            "participants": list(self.participants),
            "place": self.place,
        }
        if self.type == "signing":
            out["agreement"] = self.agreement or "cooperation"
        out["evidence"] = [e.to_dict() for e in self.evidence]
        return out


@dataclass
class Tie:
    kind: TieKind
    parties: list[str]
    status: TieStatus
    date: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "parties": list(self.parties),
            "status": self.status,
            "date": self.date,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class Record:
    """Everything Amity read in one article: the unit of `amity extract` output."""

    doc: str
    published: str | None
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    title: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"doc": self.doc, "published": self.published}
        if self.title:
            out["title"] = self.title
        if self.url:
            out["url"] = self.url
        out["entities"] = [e.to_dict() for e in self.entities]
        out["events"] = [e.to_dict() for e in self.events]
        out["ties"] = [t.to_dict() for t in self.ties]
        return out


@dataclass(frozen=True)
class InputError:
    """A source that could not be read: which one and why, in one line."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
