"""Markup inside an article never runs in a real browser, on any page that shows that article's words.

The hostile article of browser_corpus.py carries a <script>, an <img onerror>,
an <svg onload=alert> and a javascript: link in its text, and an <img> in its
title and a javascript: URL. A browser that ran any of them would set
window.__pwned or open a dialog. The pages must also not *contain* those
elements (they show them as text): so this fails if escaping breaks even
while the Content-Security-Policy still blocks the script, and a blocked
script shows up as a console error (a CSP violation) too.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from browser_corpus import HOSTILE_TITLE, LINK, PAYLOADS

INJECTED = "main script, main img, main svg, main iframe, a[href^='javascript:' i], [onerror], [onload]"


def assert_inert(page: Any, dialogs: list[str], console_errors: list[str]) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined", page.url
    assert page.locator(INJECTED).count() == 0, page.url
    assert dialogs == [], page.url
    assert console_errors == [], page.url


def shown_payloads(page: Any) -> set[str]:
    text = page.locator("main").inner_text()
    return {p for p in PAYLOADS if p in text}


def test_hostile_article_is_shown_as_text_everywhere(browser_page: Any, dialogs: list[str],
                                                     console_errors: list[str], expect: Any) -> None:
    page = browser_page
    page.goto("/search?q=Kutaisi")
    assert_inert(page, dialogs, console_errors)
    assert shown_payloads(page), "the search result should show the hostile title as text"
    page.get_by_role("link", name=HOSTILE_TITLE).click()
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    article_url = page.url

    assert_inert(page, dialogs, console_errors)
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    assert shown_payloads(page) == set(PAYLOADS)  # every payload, as the words it is
    expect(page.locator(".lead")).to_contain_text("javascript:window.__pwned=1")  # the URL, not a link

    # Click what would be a link if the text had become markup, and the URL.
    page.locator(".article-text").get_by_text(LINK).first.click()
    page.locator(".lead").get_by_text("javascript:window.__pwned=1").click()
    assert page.url == article_url
    assert_inert(page, dialogs, console_errors)

    others = sorted(set(page.locator("main a[href^='/entities/'], main a[href^='/ties/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")))
    assert any(h.startswith("/entities/") for h in others) and any(h.startswith("/ties/") for h in others)
    showing = 0
    for path in [*others, "/articles", "/ties", "/", f"/search?q={quote('window.__pwned')}", "/search?q=Tbilisi"]:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        assert_inert(page, dialogs, console_errors)
        showing += bool(shown_payloads(page))
    assert showing >= 5  # entity and tie pages quote the hostile sentences, lists show the title
