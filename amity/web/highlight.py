"""An article's text with the spans Amity drew facts from, highlighted, as safe HTML.

The HTML is built from escaped pieces of the text: every character of the
article goes through `markupsafe.escape`, and the only markup added is
`<mark>` elements whose class comes from a fixed list, whose id is made of
a fact's kind and integer id, and whose title is escaped too. Nothing the
article says can become a tag or an attribute.

Evidence offsets index sentences, so an event report or tie stage
highlights its whole sentence, while people, organisations and places are
highlighted where the article writes one of their names inside a sentence
that mentions them. Spans may nest or cross; crossing ones are split so the
elements stay well nested, and only the first piece of a span carries its
anchor (`mention-N`, `role-N`, `report-N`, `stage-N`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

KINDS = ("person", "organization", "place", "event", "tie")


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of the text, of a kind, with an optional anchor id and tooltip."""

    start: int
    end: int
    kind: str
    anchor: str | None = None
    label: str | None = None


def article_spans(article: dict[str, Any]) -> list[Span]:
    """The spans of an article as `amity.registry.articles.article` describes it."""
    text = article["text"]
    spans: list[Span] = []
    seen: set[tuple[int, int, str]] = set()
    for entity in article["entities"]:
        for mention in entity["mentions"]:
            for span in _names_in(text, mention, entity):
                if (span.start, span.end, span.kind) in seen and span.start < span.end:
                    span = Span(span.start, span.start, span.kind, span.anchor)  # the same name twice: anchor only
                seen.add((span.start, span.end, span.kind))
                spans.append(span)
    for role in article["roles"]:
        if (where := _sentence(text, role)) is not None:
            spans.append(Span(where[0], where[0], "role", f"role-{role['id']}"))
    for report in article["events"]:
        if (where := _sentence(text, report)) is not None:
            label = f"{report['type']} ({report['status']}{', ' + report['date'] if report['date'] else ''})"
            spans.append(Span(*where, "event", f"report-{report['id']}", label))
    for stage in article["ties"]:
        if (where := _sentence(text, stage)) is not None:
            label = f"{stage['kind'].replace('_', ' ')} {stage['status']}: " + " – ".join(p["name"] for p in stage["parties"])
            spans.append(Span(*where, "tie", f"stage-{stage['id']}", label))
    return spans


def highlight(text: str, spans: list[Span]) -> Markup:
    """`text` as HTML with each span inside a <mark class="hl hl-KIND">, well nested."""
    n = len(text)
    spans = [s for s in spans if 0 <= s.start <= s.end <= n]
    starting: dict[int, list[Span]] = {}
    anchors: dict[int, list[Span]] = {}
    for s in spans:
        (anchors if s.start == s.end else starting).setdefault(s.start, []).append(s)
    for group in starting.values():
        group.sort(key=lambda s: (-s.end, KINDS.index(s.kind) if s.kind in KINDS else len(KINDS)))  # outer first
    points = sorted({0, n, *starting, *anchors, *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    for i, at in enumerate(points):
        if any(s.end == at for s in stack):
            reopen = []
            while any(s.end == at for s in stack):
                s = stack.pop()
                out.append("</mark>")
                if s.end != at:
                    reopen.append(s)
            for s in reversed(reopen):  # the spans that go on past here, outermost first
                out.append(_open(s, first=False))
                stack.append(s)
        for s in anchors.get(at, []):
            out.append(str(Markup('<span class="anchor" id="{}"></span>').format(s.anchor)) if s.anchor else "")
        for s in starting.get(at, []):
            out.append(_open(s, first=True))
            stack.append(s)
        if i + 1 < len(points):
            out.append(str(escape(text[at:points[i + 1]])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def _open(span: Span, *, first: bool) -> str:
    kind = span.kind if span.kind in KINDS else "other"
    classes = f"hl hl-{kind}" + ("" if first else " hl-cont")
    if first and span.anchor:
        return str(Markup('<mark class="{}" id="{}" title="{}">').format(classes, span.anchor, span.label or kind))
    return str(Markup('<mark class="{}" title="{}">').format(classes, span.label or kind))


def _sentence(text: str, fact: dict[str, Any]) -> tuple[int, int] | None:
    """Where a fact's sentence is in the text: its offsets when they hold the sentence, else where it is found."""
    start, end, sentence = fact.get("start"), fact.get("end"), fact.get("sentence")
    if (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)
            and (not sentence or text[start:end] == sentence)):
        return start, end
    if sentence and (found := text.find(sentence)) >= 0:
        return found, found + len(sentence)
    return None


def _names_in(text: str, mention: dict[str, Any], entity: dict[str, Any]) -> list[Span]:
    """The entity's names as written inside the mention's sentence (an anchor at the sentence when none is found)."""
    where = _sentence(text, mention)
    if where is None:
        return []
    start, end = where
    segment = text[start:end]
    anchor = f"mention-{mention['id']}"
    found: list[tuple[int, int]] = []
    for flags in (0, re.IGNORECASE):
        for name in sorted(entity["names"], key=len, reverse=True):
            if not name:
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", segment, flags):
                if not any(a <= m.start() and m.end() <= b for a, b in found):  # a shorter name inside a longer one
                    found.append((m.start(), m.end()))
        if found:
            break
    if not found:
        return [Span(start, start, entity["type"], anchor)]
    label = f"{entity['type']}: {entity['name']}"
    found.sort()
    return [Span(start + a, start + b, entity["type"], anchor if i == 0 else None, label)
            for i, (a, b) in enumerate(found)]
