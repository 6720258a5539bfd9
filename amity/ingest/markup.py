"""HTML to plain text that keeps paragraphs apart.

lxml's `text_content()` runs paragraphs together ("...agreement.The mayor..."),
which breaks sentence splitting downstream. Here block elements become blank
lines and `<br>` a line break, so the text reads as the page did.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree
from lxml import html as lxml_html

_BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody thead tfoot tr ul".split()
)
_DROP = ("script", "style", "noscript", "template", "iframe", "svg")
# Stand-ins for breaks the markup asks for, kept apart from source whitespace until the end.
_PARAGRAPH = "\ue000"
_LINE = "\ue001"
_SPACES = re.compile(r"[ \t\f\v\xa0\u2000-\u200b\u202f\u205f\u3000]+")
_WHITESPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TAG = re.compile(r"<[^>]*>")


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry, a page body), paragraphs split by blank lines."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment and "&" not in fragment:
        return _plain_text(fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _plain_text(_TAG.sub(" ", fragment))
    return element_text(root)


def element_text(element: lxml_html.HtmlElement) -> str:
    """Plain text of a parsed element, paragraphs split by blank lines; the element is changed."""
    for unwanted in element.xpath(".//" + " | .//".join(_DROP)):
        unwanted.drop_tree()
    for node in element.iter():
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag == "br":
            node.tail = _LINE + (node.tail or "")
        elif tag in _BLOCKS:
            node.text = _PARAGRAPH + (node.text or "")
            node.tail = _PARAGRAPH + (node.tail or "")
    flowing = _WHITESPACE.sub(" ", element.text_content())  # source newlines are just spaces in HTML
    return _join(block.split(_LINE) for block in flowing.split(_PARAGRAPH))


def _plain_text(text: str) -> str:
    """Text that is not markup: blank lines already separate its paragraphs."""
    return _join(block.split("\n") for block in _BLANK_LINE.split(text.replace("\r\n", "\n")))


def _join(paragraphs: Iterable[list[str]]) -> str:
    """Trimmed lines, one newline inside a paragraph and a blank line between paragraphs."""
    out = []
    for lines in paragraphs:
        kept = [_SPACES.sub(" ", line).strip() for line in lines]
        paragraph = "\n".join(line for line in kept if line)
        if paragraph:
            out.append(paragraph)
    return "\n\n".join(out)
