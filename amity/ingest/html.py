"""HTML pages: the article's main text, headline and date, without the page around it.

trafilatura strips menus, footers and comments; when it finds nothing (a
bare page, odd markup) the `<body>` text is the fallback. The date is read
only from markup made to state it (meta tags, JSON-LD, `<time>`): guessing
from any date on the page, as trafilatura's fallbacks do, would often pick an
event date. Without such markup the text's own header, dateline or trailing
date is used.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Document

from amity.ingest.markup import element_text
from amity.ingest.published import detect_published, parse_date
from amity.ingest.raw import HEAD_BYTES, decode
from amity.model import Article, InputError

_log = logging.getLogger(__name__)
#: The nesting libxml2 reads with `huge_tree`; anything deeper is cut off.
_MAX_DEPTH = 2048

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)

#: meta name/property/itemprop values that hold the publication date.
_DATE_META = frozenset(
    name.lower()
    for name in (
        "article:published_time", "og:published_time", "datePublished", "date", "pubdate",
        "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
        "dcterms.created", "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date",
        "article.published", "originalpublicationdate", "citation_publication_date",
    )
)


def read_html(data: bytes, doc: str, source: str) -> Article | InputError:
    """An article from the bytes of an HTML page."""
    page = decode(data, source, _declared_charset(data[:HEAD_BYTES]) or "utf-8")
    if isinstance(page, InputError):
        return page
    tree, too_deep = _parse(page)
    extracted = _extract(page)
    text = _paragraphs(extracted.text) if extracted is not None and extracted.text else ""
    if not text:
        text = _body_text(tree)
    if not text and too_deep:
        return InputError(source, f"HTML nested deeper than the {_MAX_DEPTH:,} levels Amity reads")
    if not text:
        return InputError(source, "no article text found in HTML")
    title = (extracted.title or "").strip() if extracted is not None else ""
    title = title or _page_title(tree)
    published = (_markup_date(tree) if tree is not None else None) or detect_published(text)
    return Article(doc=doc, text=text, title=title or None, published=published, source=source)


def _declared_charset(head: bytes) -> str | None:
    """The encoding the page declares in a meta tag or XML declaration, if any."""
    match = _CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _parse(page: str) -> tuple[lxml_html.HtmlElement | None, bool]:
    """The page as an lxml tree (None when lxml can make nothing of it), and whether lxml stopped at its
    depth limit (libxml2 reads 256 levels, 2,048 with `huge_tree`; generated pages nest that deep)."""
    parser = lxml_html.HTMLParser(huge_tree=True)
    try:
        tree = lxml_html.document_fromstring(_without_xml_declaration(page), parser=parser)
    except (etree.ParserError, ValueError):
        tree = None
    return tree, any("Excessive depth" in entry.message for entry in parser.error_log)


def _without_xml_declaration(page: str) -> str:
    # lxml refuses str input that carries an encoding declaration
    stripped = page.lstrip()
    if stripped.startswith("<?xml"):
        end = stripped.find("?>")
        return stripped[end + 2 :] if end != -1 else stripped
    return page


def _extract(page: str) -> Document | None:
    """trafilatura's reading of the page (main text and metadata), or None."""
    try:
        found = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_images=False
        )
        return found if isinstance(found, Document) else None
    except Exception as exc:  # noqa: BLE001 - trafilatura can trip on markup lxml tolerated
        _log.debug("trafilatura failed: %s", exc)
        return None


def _paragraphs(extracted: str) -> str:
    """trafilatura puts one paragraph per line; a blank line between them reads like the feeds."""
    return "\n\n".join(line.strip() for line in extracted.splitlines() if line.strip())


def _body_text(tree: lxml_html.HtmlElement | None) -> str:
    """All text of the `<body>`, for pages trafilatura finds no main text in."""
    body = tree.find("body") if tree is not None else None
    return element_text(body) if body is not None else ""


def _page_title(tree: lxml_html.HtmlElement | None) -> str:
    if tree is None:
        return ""
    node = tree.find(".//title")
    return " ".join((node.text_content() if node is not None else "").split())


def _markup_date(tree: lxml_html.HtmlElement) -> str | None:
    """The publication date stated by meta tags, JSON-LD or a `<time>` element."""
    for value in _date_candidates(tree):
        found = parse_date(value)
        if found:
            return found
    return None


def _date_candidates(tree: lxml_html.HtmlElement) -> Iterator[str]:
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if key.strip().lower() in _DATE_META and meta.get("content"):
            yield meta.get("content", "")
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        yield from _json_ld_dates(script.text_content())
    for node in tree.xpath('//*[@itemprop="datePublished"] | //time[@pubdate]'):
        value = node.get("datetime") or node.get("content") or node.text_content()
        if value:
            yield value


def _json_ld_dates(payload: str) -> Iterator[str]:
    try:
        data = json.loads(payload)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                yield item["datePublished"]
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
