"""The work list in a browser: what remains on paper, what is overdue, facets, and every page offline and on a phone.

The corpus (browser_corpus.py) dates everything in 2023: judged on 2030-01-01
every tie is silent, and the Lisbon–Maputo signing planned for September 2023
is overdue. Another test of the session may add an article, so counts are
checked against what the pages themselves say. Every test checks that the
page asked for nothing outside the server.
"""
from __future__ import annotations

import re
from typing import Any

import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
ROWS = "table.registry tbody tr"


def _last_day(when: str) -> str:
    """The last day a date of any precision covers, for ordering: '2023-09' ends after '2023-09-03'."""
    return {4: f"{when}-12-31", 7: f"{when}-31"}.get(len(when), when)


def test_the_dormant_dashboard_is_reached_from_home_and_its_form_sets_day_and_threshold(
        browser_page: Any, expect: Any, offsite_requests: list[str]) -> None:
    page = browser_page
    page.goto("/")
    page.get_by_role("link", name=re.compile("remain on paper")).click()
    page.wait_for_url(re.compile(r"/ties\?status=dormant$"))
    expect(page.locator("h1")).to_have_text("Remain on paper")

    page.get_by_label("As of").fill("2030-01-01")
    page.get_by_label("Silent for at least").fill("3")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"as_of=2030-01-01.*years=3"))
    rows = page.locator(ROWS)
    assert rows.count() >= 5
    expect(page.locator("#dormant-summary strong")).to_have_text(str(rows.count()))
    for why in page.locator(f"{ROWS} td.why").all_inner_texts():
        assert re.search(r"(no reported activity|nothing reported) for \d+ years?$", why), why
    silent = page.locator(f"{ROWS} td.silent-since").all_inner_texts()
    days = [text.split()[0] for text in silent]
    assert days == sorted(days, key=_last_day), "the longest silent first (a month is silent from its last day)"

    page.get_by_role("link", name=re.compile("^Silent since")).click()
    page.wait_for_url(re.compile(r"order=desc"))
    again = [t.split()[0] for t in page.locator(f"{ROWS} td.silent-since").all_inner_texts()]
    assert again == sorted(days, key=_last_day, reverse=True)

    page.get_by_label("Silent for at least").fill("20")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".empty")).to_contain_text("No partnership has been silent that long")
    assert offsite_requests == []


def test_the_events_page_splits_planned_events_into_overdue_and_upcoming(
        browser_page: Any, expect: Any, offsite_requests: list[str]) -> None:
    page = browser_page
    page.goto("/")
    page.locator("header nav").get_by_role("link", name="Events").click()
    page.wait_for_url(re.compile(r"/events$"))
    page.get_by_label("Status").select_option("planned")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"status=planned"))
    overdue = page.locator("section#overdue")
    expect(overdue).to_contain_text("2023-09")
    expect(overdue).to_contain_text("Lisbon")
    expect(page.locator("section#upcoming")).to_be_visible()
    shown = int(overdue.locator("h2 .muted").inner_text().strip("()"))

    page.goto("/")
    count = page.get_by_role("link", name=re.compile(r"overdue$"))
    expect(count.locator("strong")).to_have_text(str(shown))
    count.click()
    page.wait_for_url(re.compile(r"/events\?when=overdue$"))
    expect(page.locator("h1")).to_have_text("Overdue events")
    expect(page.locator("ol.events > li")).to_have_count(shown)
    assert offsite_requests == []


def test_facets_narrow_the_registry_and_a_country_name_works(browser_page: Any, expect: Any) -> None:
    page = browser_page
    page.goto("/ties")
    total = int(page.locator("#tie-count strong").inner_text())
    assert total == page.locator(ROWS).count()
    kind = page.locator("#facet-kind li a").first
    label, n = kind.inner_text(), int(kind.locator("xpath=following-sibling::span").inner_text())
    kind.click()
    page.wait_for_url(re.compile(r"kind="))
    expect(page.locator(ROWS)).to_have_count(n)
    expect(page.locator("h1")).to_contain_text(label, ignore_case=True)

    page.goto("/ties")
    page.get_by_label("Country").fill("Turkey")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("h1")).to_have_text("Partnerships in Türkiye (TR)")
    expect(page.locator(ROWS)).to_have_count(1)
    expect(page.locator(ROWS).first).to_contain_text("Bursa – Samarkand")


def test_the_map_draws_its_own_world_basemap_with_no_network(
        browser_page: Any, expect: Any, drawings_ready: None, console_errors: list[str],
        offsite_requests: list[str]) -> None:
    page = browser_page
    page.goto("/map")
    box = page.locator("#map")
    expect(box).to_have_attribute("data-basemap-countries", re.compile(r"^\d{3}$"))
    assert page.locator("#map path.amity-country").count() > 150  # Antarctica left out, its outline spans the map
    page.evaluate("() => window.amityMap.setZoom(4)")
    expect(page.locator(".amity-country-label", has_text="Turkey")).to_have_count(1)
    attribution = page.locator(".leaflet-control-attribution")
    expect(attribution).to_contain_text("Natural Earth")
    expect(attribution).not_to_contain_text("OpenStreetMap")
    assert console_errors == []
    assert offsite_requests == []


def test_the_api_docs_work_with_no_network(browser_page: Any, expect: Any, drawings_ready: None,
                                           offsite_requests: list[str]) -> None:
    page = browser_page
    page.goto("/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Amity")
    expect(page.locator(".opblock-summary-path", has_text="/api/ties").first).to_be_visible()
    assert offsite_requests == []


PAGES = ["/", "/ties", "/ties?status=dormant", "/ties?country=TR", "/events", "/events?status=planned", "/places",
         "/countries/TR",
         "/ties/1", "/entities/1", "/events/1", "/articles", "/articles/1", "/search?q=Bursa", "/map", "/graph",
         "/login", "/docs"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-390", "desktop-1366"])
def test_no_page_is_wider_than_the_screen(browser_page: Any, viewport: dict[str, int]) -> None:
    page = browser_page
    page.set_viewport_size(viewport)
    too_wide = {}
    for path in PAGES:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("load")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > viewport["width"]:
            too_wide[path] = width
    assert too_wide == {}, f"wider than {viewport['width']} px"
