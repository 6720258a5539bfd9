"""Reading the registry in a browser: home, the filterable list of ties, a tie, its evidence, search."""
from __future__ import annotations

import re
from typing import Any

ROWS = "table.registry tbody tr"


def test_home_counts_what_was_ingested(browser_page: Any, expect: Any) -> None:
    page = browser_page
    response = page.goto("/")
    assert response is not None and response.status == 200
    expect(page.locator("h1")).to_have_text("The partnership registry")
    articles = int(page.locator(".counts div", has_text="articles").locator("strong").inner_text())
    assert articles >= 4  # the corpus; the form test may have added one more
    expect(page.locator("section", has_text="Newest articles")).to_contain_text("Samarkand and Bursa become sister cities")


def test_filter_form_narrows_the_registry(browser_page: Any, expect: Any) -> None:
    page = browser_page
    page.goto("/ties")
    everything = page.locator(ROWS).count()
    assert everything >= 4

    page.get_by_label("Party").fill("Samarkand")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"/ties\?.*party=Samarkand"))
    expect(page.locator(ROWS)).to_have_count(1)
    expect(page.locator(ROWS).first).to_contain_text("Bursa – Samarkand")
    expect(page.get_by_label("Party")).to_have_value("Samarkand")  # the form keeps what was asked

    page.get_by_role("link", name="clear").click()
    page.get_by_label("Kind").select_option("sister_city")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"kind=sister_city"))
    kinds = page.locator(f"{ROWS} td:nth-child(3)").all_inner_texts()
    assert 0 < len(kinds) < everything
    assert set(kinds) == {"sister city"}

    page.get_by_label("Party").fill("no such party anywhere")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".empty")).to_contain_text("No partnership matches")
    expect(page.locator(ROWS)).to_have_count(0)


def test_evidence_link_leads_to_the_highlighted_sentence(browser_page: Any, expect: Any) -> None:
    page = browser_page
    page.goto("/ties?party=Samarkand")
    page.locator(ROWS).first.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/ties/\d+$"))
    expect(page.locator("h1")).to_have_text("Bursa – Samarkand")
    evidence = page.locator("blockquote.evidence").first
    sentence = evidence.locator("p").inner_text().strip().strip("“”")
    assert "Samarkand" in sentence and "Bursa" in sentence

    evidence.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/articles/\d+#stage-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    expect(mark).to_have_count(1)
    expect(mark).to_have_class(re.compile(r"\bhl\b.*\bhl-tie\b"))
    assert mark.evaluate("m => m.tagName") == "MARK"
    assert " ".join(mark.inner_text().split()) == sentence  # the evidence sentence, all of it
    assert mark.evaluate("m => m === document.querySelector(':target')")  # the browser jumped to it
    places = page.locator(".article-text mark.hl-place").all_inner_texts()
    assert {"Samarkand", "Bursa"} <= set(places)


def test_search_from_the_header(browser_page: Any, expect: Any) -> None:
    page = browser_page
    page.goto("/")
    page.locator("#top-q").fill("Maputo")
    page.locator("#top-q").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=Maputo"))
    sections = {name: page.locator("section", has=page.get_by_role("heading", name=name, exact=True))
                for name in ("Entities", "Ties", "Articles")}
    expect(sections["Entities"].get_by_role("link", name="Maputo", exact=True)).to_be_visible()
    expect(sections["Ties"]).to_contain_text("Lisbon")
    expect(sections["Articles"].locator("mark.hit").first).to_have_text(re.compile("Maputo", re.IGNORECASE))

    sections["Articles"].get_by_role("link", name="Lisbon and Maputo plan a twinning").click()
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    expect(page.locator("h1")).to_have_text("Lisbon and Maputo plan a twinning")

    page.locator("#top-q").fill("zanzibarquux")
    page.locator("#top-q").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=zanzibarquux"))
    expect(sections["Articles"]).to_contain_text("No article has all these words")
    expect(sections["Articles"].locator("a")).to_have_count(0)
