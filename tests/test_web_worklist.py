"""The registry as a work list: which partnerships remain on paper, which visits are due or overdue, facets.

The small hand-written registry of tests/web_registry.py: Turkistan–Üsküdar
(sister cities, signed 2021-12-21, a visit on 2022-03-10) and Chile–Viet Nam
(cooperation signed 2023-04-18). Dormancy is judged on a day given in the
form, so these tests do not depend on today's date.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_registry import COOPERATION, PLANNED, SIGNED, TURKISTAN, USKUDAR, Web, Writer

from amity.model import Role
from amity.registry import ingest
from amity.store import open_database
from amity.web import create_app

E5_OVERDUE = "The Mayor of Turkistan is to visit Üsküdar in May 2022 to open a friendship park."
E5_UPCOMING = "A youth delegation from Üsküdar will travel to Turkistan on 1 June 2099."
E5_ALONE = "Turkistan hosted a tourism fair on 3 April 2022."
E5_SIGNED = "Turkistan and Üsküdar signed their sister city protocol in December 2021."
E5_MAYOR = "Mayor Nurbol Turashbekov of Turkistan met officials of Üsküdar on 5 May 2023."
AGENDA = (Writer("e05.txt", "2023-05-06", E5_OVERDUE, E5_UPCOMING, E5_ALONE, E5_SIGNED, E5_MAYOR,
                 title="Visits ahead for two sister cities")
          .place("Turkistan", E5_OVERDUE, **TURKISTAN).place("Üsküdar", E5_OVERDUE, **USKUDAR)
          .person("Nurbol Turashbekov", E5_MAYOR, Role("mayor", "Turkistan"))
          .tie("sister_city", "signed", "2021-12", E5_SIGNED, "Turkistan", "Üsküdar")
          .event("meeting", "occurred", "2023-05-05", E5_MAYOR, "Nurbol Turashbekov", "Üsküdar")
          .event("visit", "planned", "2022-05", E5_OVERDUE, "Turkistan", "Üsküdar", place="Üsküdar")
          .event("visit", "planned", "2099-06-01", E5_UPCOMING, "Üsküdar", "Turkistan", place="Turkistan")
          .event("meeting", "occurred", "2022-04-03", E5_ALONE, "Turkistan"))


@pytest.fixture
def agenda(db_url: str) -> Iterator[TestClient]:
    """The app over the sister cities and the cooperation, plus one article of planned visits (one overdue, one in
    2099) and a fair only Turkistan took part in."""
    engine = open_database(db_url)
    try:
        ingest([PLANNED.pair, SIGNED.pair, COOPERATION.pair, AGENDA.pair], engine)
    finally:
        engine.dispose()
    with TestClient(create_app(db_url)) as client:
        yield client


def _rows(html: str) -> list[str]:
    return re.findall(r'<a href="/ties/\d+">([^<]+)</a>', html)


def test_remain_on_paper_lists_silent_ties_with_why_in_words(web: Web) -> None:
    html = web.client.get("/ties", params={"status": "dormant", "as_of": "2026-01-01", "years": "3"}).text
    assert "Remain on paper" in html
    assert _rows(html) == ["Turkistan – Üsküdar"], "the 2023 cooperation was heard of within three years"
    assert "signed 2021-12-21 · last activity 2022-03-10 · nothing reported for 3 years" in html
    assert "silent since" in html.lower() and "2022-03-10" in html
    assert re.search(r"<strong>1</strong> partnership with no stage or activity reported\s+for 3 years before 2026-01-01",
                     html)
    assert 'name="as_of" value="2026-01-01"' in html and 'name="years" value="3"' in html


def test_remain_on_paper_sorts_the_longest_silent_first_and_the_threshold_is_a_form_field(web: Web) -> None:
    params = {"status": "dormant", "as_of": "2030-01-01", "years": "2"}
    assert _rows(web.client.get("/ties", params=params).text) == ["Turkistan – Üsküdar", "Chile – Viet Nam"]
    assert _rows(web.client.get("/ties", params={**params, "order": "desc"}).text) == \
        ["Chile – Viet Nam", "Turkistan – Üsküdar"]
    assert _rows(web.client.get("/ties", params={**params, "years": "7"}).text) == ["Turkistan – Üsküdar"]
    assert "No partnership has been silent that long" in web.client.get(
        "/ties", params={**params, "years": "9"}).text


def test_the_dashboard_refuses_a_bad_day_or_threshold_in_one_line(web: Web) -> None:
    for params in ({"as_of": "2026-02-31"}, {"as_of": "soon"}, {"years": "0"}, {"years": "three"}):
        page = web.client.get("/ties", params={"status": "dormant", **params})
        assert page.status_code == 400, params
        assert "Traceback" not in page.text


def test_an_ended_tie_is_shown_as_ended_never_as_silent(web: Web) -> None:
    tie = web.ties["sister_city"]
    decided = web.client.post(f"/api/ties/{tie}/decisions", headers=web.auth,
                              json={"action": "set_status", "value": "ended"})
    assert decided.status_code == 201, decided.text
    dashboard = web.client.get("/ties", params={"status": "dormant", "as_of": "2030-01-01"}).text
    assert _rows(dashboard) == ["Chile – Viet Nam"]
    page = web.client.get(f"/ties/{tie}").text
    assert 'stage-ended">ended</span>' in page and "silent since" not in page


def test_no_page_says_a_tie_is_active_and_dormant_at_once(web: Web) -> None:
    for path in ("/", "/ties", f"/ties/{web.ties['sister_city']}", f"/entities/{web.entities['Turkistan']}",
                 "/search?q=Turkistan", "/map", "/graph"):
        html = web.client.get(path).text
        assert "(dormant)" not in html and 'stage-dormant' not in html, path
    assert "silent since 2022-03-10" in web.client.get(f"/ties/{web.ties['sister_city']}").text


def test_home_counts_the_ties_that_remain_on_paper_and_links_the_dashboard(web: Web) -> None:
    html = web.client.get("/").text
    assert re.search(r'<a [^>]*href="/ties\?status=dormant"><strong>2</strong>\s*remain on paper</a>', html), \
        "both ties are silent for three years before today (2026 or later)"


def _events(html: str) -> list[str]:
    return re.findall(r'<span class="when">([^<]+)</span>', html)


def test_planned_events_are_split_into_overdue_and_upcoming(agenda: TestClient) -> None:
    html = agenda.get("/events", params={"status": "planned"}).text
    overdue, upcoming = html[html.index('id="overdue"'):html.index('id="upcoming"')], html[html.index('id="upcoming"'):]
    assert _events(overdue) == ["2022-05"] and _events(upcoming) == ["2099-06-01"]
    assert "no report says they happened" in overdue
    assert _events(agenda.get("/events", params={"when": "overdue"}).text) == ["2022-05"]
    assert "<h1>Overdue events" in agenda.get("/events", params={"when": "overdue"}).text


def test_events_filter_by_type_status_date_party_and_country(agenda: TestClient) -> None:
    def shown(**params: str) -> list[str]:
        page = agenda.get("/events", params=params)
        assert page.status_code == 200, page.text
        return _events(page.text)

    assert shown() == ["2021-11-12", "2021-12-21", "2022-03-10", "2022-04-03", "2022-05", "2023-04-18", "2023-05-05",
                       "2099-06-01"]
    assert shown(type="meeting", until="2022") == ["2022-04-03"]
    assert shown(status="occurred", since="2022", until="2022-12") == ["2022-03-10", "2022-04-03"]
    assert shown(party="Chile") == ["2023-04-18"]
    assert shown(country="Viet Nam") == shown(country="vn") == ["2023-04-18"]
    assert shown(country="Turkey", type="visit", status="occurred") == ["2021-11-12", "2022-03-10"]
    assert re.search(r"<strong>8</strong> events", agenda.get("/events").text)


def test_events_are_in_the_navigation_and_their_counts_lead_the_home_page(agenda: TestClient) -> None:
    html = agenda.get("/").text
    assert '<a href="/events">Events</a>' in html
    assert re.search(r'href="/events\?when=overdue"><strong>1</strong>\s*overdue', html)
    assert re.search(r'href="/events\?when=upcoming"><strong>1</strong>\s*upcoming', html)


def test_a_bad_event_filter_is_a_one_line_400(agenda: TestClient) -> None:
    for params in ({"type": "party"}, {"when": "soon"}, {"since": "May"}, {"country": "Atlantis"}):
        page = agenda.get("/events", params=params)
        assert page.status_code == 400 and "Traceback" not in page.text, params


def _tie_id(client: TestClient) -> int:
    return client.get("/api/ties", params={"kind": "sister_city"}).json()["items"][0]["id"]


def test_the_stage_history_has_one_row_per_stage_with_all_its_sources(agenda: TestClient) -> None:
    html = agenda.get(f"/ties/{_tie_id(agenda)}").text
    history = html[html.index("Stage history"):html.index("Activity since signing")]
    assert re.findall(r'<span class="stage stage-(\w+)">', history) == ["planned", "signed"]
    signed = history[history.index('stage-signed">'):]
    assert "2 sources" in signed and "Turkistan Becomes Sister City of Üsküdar" in signed, "named by its first line"
    assert "b02.txt" not in signed
    assert "Visits ahead for two sister cities" in signed and "(dated 2021-12)" in signed
    assert '<span class="when">2021-12-21</span>' in history, "the stage's most precise date"


def test_activity_counts_only_events_every_party_took_part_in_people_holding_their_offices_too(
        agenda: TestClient) -> None:
    tie = agenda.get(f"/api/ties/{_tie_id(agenda)}").json()
    assert tie["last_activity"] == "2023-05-05", "the mayor of Turkistan met Üsküdar's officials"
    html = agenda.get(f"/ties/{_tie_id(agenda)}").text
    activity = html[html.index("Activity since signing"):]
    assert "2023-05-05" in activity and "2022-03-10" in activity
    assert "2022-04-03" not in activity, "a fair only Turkistan took part in is not the partnership's activity"


def test_the_registry_counts_its_results_and_offers_facets_with_counts(web: Web) -> None:
    html = web.client.get("/ties").text
    assert re.search(r"<strong>2</strong> partnerships", html)
    kinds = html[html.index('id="facet-kind"'):html.index('id="facet-stage"')]
    assert re.search(r'href="/ties\?kind=sister_city">sister city</a> <span class="muted">1</span>', kinds)
    countries = html[html.index('id="facet-country"'):html.index('id="facet-year"')]
    assert re.findall(r'>([A-Z]{2})</a> <span class="muted">(\d+)</span>', countries) == \
        [("CL", "1"), ("KZ", "1"), ("TR", "1"), ("VN", "1")]
    years = html[html.index('id="facet-year"'):]
    assert re.findall(r'year=(\d{4})">', years) == ["2023", "2021"]
    narrowed = web.client.get("/ties", params={"year": "2021"}).text
    assert _rows(narrowed) == ["Turkistan – Üsküdar"] and "<strong>1</strong> partnership." in narrowed


def test_a_country_name_is_as_good_as_its_code_and_the_title_says_what_is_filtered(web: Web) -> None:
    by_name = web.client.get("/ties", params={"country": "Turkey"})
    assert by_name.status_code == 200
    assert _rows(by_name.text) == ["Turkistan – Üsküdar"] == _rows(web.client.get("/ties?country=tr").text)
    assert "<h1>Partnerships in Türkiye (TR)</h1>" in by_name.text
    signed = web.client.get("/ties", params={"stage": "signed", "kind": "sister_city", "party": "Turkistan"}).text
    assert "<title>Signed sister city partnerships of Turkistan · Amity</title>" in signed
    unknown = web.client.get("/ties", params={"country": "Atlantis"})
    assert unknown.status_code == 400 and "no country is called" in unknown.text


def test_every_sortable_column_shows_that_it_sorts(web: Web) -> None:
    html = web.client.get("/ties", params={"sort": "date"}).text
    assert html.count('class="sort-mark"') == 8
    assert re.search(r'sort=date&amp;order=desc" title="sort by date">Date <span class="sort-mark" aria-hidden="true">▲',
                     html)


def test_places_are_listed_by_country_with_their_partnerships(web: Web) -> None:
    html = web.client.get("/places").text
    assert '<a href="/places">Places</a>' in html
    kazakhstan = html[html.index('id="country-KZ"'):]
    kazakhstan = kazakhstan[:kazakhstan.index("</section>")]
    assert '<a href="/countries/KZ">Kazakhstan (KZ)</a>' in kazakhstan
    assert re.search(rf'<a href="/entities/{web.entities["Turkistan"]}">Turkistan</a> <span class="muted">1 tie</span>',
                     kazakhstan)


def test_a_country_page_has_its_partnerships_partner_countries_and_years(web: Web) -> None:
    assert web.client.get("/countries/Turkey", follow_redirects=False).headers["location"] == "/countries/TR"
    assert web.client.get("/countries/Atlantis").status_code == 404
    html = web.client.get("/countries/TR").text
    assert "<h1>Türkiye (TR)</h1>" in html
    assert _rows(html) == ["Turkistan – Üsküdar"]
    partners = html[html.index("Partner countries"):html.index("<h2>Partnerships")]
    assert re.findall(r'href="/countries/(\w+)">', partners) == ["KZ"]
    years = re.findall(r"<tr><td>(\d{4})</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td></tr>", html)
    assert years == [("2021", "2", "2"), ("2022", "0", "1")], "stages planned and signed; visits and the signing"
    assert html.count('class="bar bar-stages"') == 2 and "<script" not in html


def test_the_tie_page_says_what_was_signed_kind_and_fields(web: Web) -> None:
    tie = web.client.get(f"/api/ties/{web.ties['cooperation']}").json()
    assert tie["agreement"] == {"kind": "memorandum", "fields": ["agriculture", "research"],
                                "text": "memorandum on agriculture and research"}
    html = web.client.get(f"/ties/{web.ties['cooperation']}").text
    assert "<strong>What was signed:</strong> memorandum on agriculture and research" in html
    assert web.client.get(f"/api/ties/{web.ties['sister_city']}").json()["agreement"]["kind"] == "sister city protocol"


def test_an_article_that_is_not_english_says_so_on_its_page(web: Web) -> None:
    from test_language import FRENCH

    posted = web.client.post("/api/articles", headers=web.auth, json={"doc": "lyon.txt", "text": FRENCH})
    assert posted.status_code in (200, 201), posted.text
    page = web.client.get(posted.json()["page"]).text
    assert 'id="language-notice"' in page and "French (fr)" in page
    assert 'id="language-notice"' not in web.client.get(f"/articles/{web.articles['b02.txt']}").text
