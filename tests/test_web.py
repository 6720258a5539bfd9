"""The web pages: what each shows, that they run nothing an article says, and who may do what.

The registry is written by hand (tests/web_registry.py) except in the test
that posts a hostile article through the real NLP pipeline. Each test runs
on SQLite, and on PostgreSQL too when $AMITY_TEST_POSTGRES_URL is set.
"""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from markupsafe import Markup
from typer.testing import CliRunner
from web_registry import HOSTILE_NAME, MAX_BODY, Web, assert_inert

from amity.cli import app as cli
from amity.web import create_app
from amity.web.highlight import Span, highlight


def hidden_csrf(page: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, "the form has no CSRF field"
    return match.group(1)


def sign_in(web: Web, token: str | None = None) -> None:
    form = web.client.get("/login").text
    response = web.client.post("/login", data={"token": token or web.token, "csrf_token": hidden_csrf(form),
                                               "next": "/ingest"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/ingest"


# --------------------------------------------------------------------------- pages

def test_home_shows_counts_recent_stages_by_date_recent_events_and_inputs_that_failed(web: Web) -> None:
    page = web.client.get("/")
    assert page.status_code == 200
    html = page.text
    assert re.search(r"<strong>4</strong>\s*articles", html)
    assert f'href="/ties/{web.ties["sister_city"]}"' in html
    stages = html[html.index("Recent stages"):html.index("Recent events")]
    assert re.findall(r'class="when">([^<]+)</td>', stages) == ["2023-04-18", "2021-12-21", "2021-12"], \
        "the stages by the day they happened, latest first"
    assert "2024-01-09" in html and "2022-03-10" in html  # recent events
    assert "broken.jsonl" in html and "line 3 is not JSON" in html


def test_registry_filters_by_party_country_kind_stage_and_since(web: Web) -> None:
    def parties(**params: str) -> list[str]:
        html = web.client.get("/ties", params=params).text
        return re.findall(r'<td[^>]*><a href="/ties/\d+">([^<]+)</a></td>', html)

    assert parties() == ["Turkistan – Üsküdar", "Chile – Viet Nam"]
    assert parties(party="Turkestan") == [] and parties(party="Uskudar") == ["Turkistan – Üsküdar"]
    assert parties(country="cl") == ["Chile – Viet Nam"]
    assert parties(kind="sister_city") == ["Turkistan – Üsküdar"]
    assert parties(stage="signed", since="2023") == ["Chile – Viet Nam"]
    assert parties(kind="", stage="", party="") == parties(), "empty form fields are no filter"
    assert parties(sort="party", order="desc") == ["Turkistan – Üsküdar", "Chile – Viet Nam"]
    assert parties(sort="date") == ["Turkistan – Üsküdar", "Chile – Viet Nam"]
    assert parties(sort="date", order="desc") == ["Chile – Viet Nam", "Turkistan – Üsküdar"]


def test_registry_columns_sort_links_and_downloads_of_the_current_filter(web: Web) -> None:
    html = web.client.get("/ties", params={"kind": "cooperation", "sort": "date"}).text
    for column in ("Parties", "Countries", "Kind", "Stage", "Date", "Last activity", "Silent since", "Sources"):
        assert f">{column}" in html
    assert "CL, VN" in html
    assert 'href="/ties?kind=cooperation&amp;sort=date&amp;order=desc"' in html  # the active column flips its order
    assert 'href="/ties/download' not in html
    assert 'href="/api/ties/download?kind=cooperation&amp;format=csv"' in html
    csv = web.client.get("/api/ties/download", params={"kind": "cooperation", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.content.startswith("\ufeff".encode()), "a byte order mark, for Excel"
    lines = csv.text.lstrip("\ufeff").strip().splitlines()
    assert lines[0].startswith("id,kind,party_a,party_b,status") and len(lines) == 2 and "Chile,Viet Nam" in lines[1]
    as_json = web.client.get("/api/ties/download", params={"party": "Turkistan", "format": "json"}).json()
    assert [t["kind"] for t in as_json] == ["sister_city"]


def test_sql_in_a_filter_finds_nothing_rather_than_everything(web: Web) -> None:
    injected = "' OR 1=1 --"
    html = web.client.get("/ties", params={"party": injected}).text
    assert "No partnership matches these filters." in html
    assert web.client.get("/api/ties", params={"party": injected}).json() == {"items": [], "next_cursor": None}
    assert web.client.get("/api/entities", params={"name": injected}).json()["items"] == []
    found = web.client.get("/api/search", params={"q": "x' OR '1'='1"}).json()
    assert found["entities"] == [] and found["ties"] == []
    assert web.client.get("/api/search", params={"q": '" OR text MATCH *'}).status_code == 200  # no FTS5 syntax error
    assert web.client.get("/ties", params={"country": "' OR 1=1 --"}).status_code == 400


def test_tie_page_has_the_stage_history_with_evidence_linked_to_the_article_anchor(web: Web) -> None:
    html = web.client.get(f"/ties/{web.ties['sister_city']}").text
    history = html[html.index("Stage history"):html.index("Activity since signing")]
    planned, signed = history.index("stage-planned\">planned"), history.index("stage-signed\">signed</span>")
    assert planned < signed, "the history runs earliest first"
    assert "“Turkistan and Üsküdar plan to sign a sister city protocol in December 2021.”" in html
    links = re.findall(r'href="/articles/(\d+)#(stage-\d+)"', html)
    assert len(links) == 2
    for article_id, anchor in links:
        article = web.client.get(f"/articles/{article_id}").text
        assert f'id="{anchor}"' in article
    since = html[html.index("Activity since signing"):]
    assert "2022-03-10" in since and "school exchanges" in since
    before = since[since.index("Before the signing"):]
    assert "2021-12-21" in before and "2022-03-10" not in before, "the signing itself is not activity since"


def test_entity_page_names_offices_partners_events_and_coordinates(web: Web) -> None:
    person = web.client.get(f"/entities/{web.entities['Nurbol Turashbekov']}").text
    assert "Turashbekov" in person and "alias of" in person
    assert re.search(r'<strong>mayor</strong> of <a href="/entities/\d+">Turkistan</a>', person)
    role = re.search(r'href="/articles/(\d+)#(role-\d+)"', person)
    assert role and f'id="{role.group(2)}"' in web.client.get(f"/articles/{role.group(1)}").text
    place = web.client.get(f"/entities/{web.entities['Turkistan']}").text
    assert "43.2973, 68.2518" in place and "1517945" in place
    assert re.search(r'<td><a href="/entities/\d+">Üsküdar</a></td>', place), "its partner"
    assert "2021-11-12" in place and "2022-03-10" in place  # its events


def test_article_page_highlights_every_span_by_type_with_anchors_and_lists_its_facts(web: Web) -> None:
    article = web.client.get(f"/api/articles/{web.articles['b02.txt']}").json()
    html = web.client.get(f"/articles/{web.articles['b02.txt']}").text
    stage = article["ties"][0]
    assert f'<mark class="hl hl-tie" id="stage-{stage["id"]}"' in html
    signing, visit = article["events"]
    assert f'<mark class="hl hl-event" id="report-{signing["id"]}"' in html
    assert f'<mark class="hl hl-event" id="report-{visit["id"]}"' in html
    assert re.search(r'<mark class="hl hl-person" id="mention-\d+" title="person: Nurbol Turashbekov">'
                     r"Nurbol Turashbekov</mark>", html)
    assert re.search(r'<mark class="hl hl-place"[^>]*>Üsküdar</mark>', html)
    marks = re.findall(r'<mark class="hl hl-(\w+)', html)
    assert {"person", "place", "event", "tie"} <= set(marks)
    start = html.index('<div class="text">')
    text = re.sub(r"<[^>]+>", "", html[start:html.index("</div>", start)])
    assert text.replace("&#39;", "'") == article["text"], "the marks add nothing to the text and drop nothing"
    assert f'href="/ties/{web.ties["sister_city"]}"' in html and f'href="#stage-{stage["id"]}"' in html
    assert 'href="https://news.example.org/b02"' in html


def test_search_finds_entities_ties_and_article_text(web: Web) -> None:
    html = web.client.get("/search", params={"q": "Uskudar"}).text
    assert re.search(r'<a href="/entities/\d+">Üsküdar</a>', html)
    assert f'href="/ties/{web.ties["sister_city"]}"' in html
    words = web.client.get("/search", params={"q": "rice research"}).text
    assert f'href="/articles/{web.articles["c03.txt"]}"' in words
    assert '<mark class="hit">rice</mark>' in words
    assert "No article has all these words." in web.client.get("/search", params={"q": "zeppelin"}).text


def test_articles_page_lists_them_newest_first(web: Web) -> None:
    html = web.client.get("/articles").text
    assert html.index("d04.txt") < html.index("a01.txt")


# --------------------------------------------------------------------------- nothing in the data runs

HOSTILE_TEXT = ("Almaty and Ankara signed a sister city agreement on 3 May 2023. <script>alert(1)</script>\n\n"
                'Mayor Yerbolat Dossayev of Almaty <img src=x onerror=alert(2)> said the '
                '<a href="javascript:alert(3)">agreement</a> was historic.')


def test_a_posted_article_with_markup_shows_it_only_escaped(web: Web) -> None:
    response = web.client.post("/api/articles", headers=web.auth, json={
        "doc": "hostile.txt", "title": "<script>alert('t')</script> Almaty and Ankara", "url": "javascript:alert(6)",
        "published": "2023-05-04", "text": HOSTILE_TEXT})
    assert response.status_code == 201, response.text
    article_id = response.json()["id"]
    page = web.client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;a href=&#34;javascript:alert(3)&#34;&gt;" in page or "&lt;a href=&quot;javascript:alert(3)&quot;&gt;" in page
    assert "javascript:alert(6)" in page and 'href="javascript' not in page  # the URL shown, not linked
    assert_inert(page)
    facts = web.client.get(f"/api/articles/{article_id}").json()
    assert facts["entities"], "the pipeline found the towns"
    for entity in facts["entities"]:
        assert_inert(web.client.get(f"/entities/{entity['id']}").text)
    for tie in facts["ties"]:
        assert_inert(web.client.get(f"/ties/{tie['tie_id']}").text)
    for path in ("/", "/ties", "/articles", "/search?q=script"):
        assert_inert(web.client.get(path).text)


def test_markup_in_names_titles_and_urls_is_escaped_everywhere(web: Web) -> None:
    entity_id = web.entities[HOSTILE_NAME]
    for path in (f"/entities/{entity_id}", f"/articles/{web.articles['d04.txt']}", "/", "/articles",
                 f"/entities/{web.entities['Turkistan']}", "/search?q=Acme"):
        page = web.client.get(path)
        assert page.status_code == 200, path
        assert_inert(page.text)
    page = web.client.get(f"/entities/{entity_id}").text
    assert "Acme &lt;b onmouseover=&#34;alert(4)&#34;&gt;Twinning&lt;/b&gt; Office" in page
    article = web.client.get(f"/articles/{web.articles['d04.txt']}").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in article
    assert 'href="javascript:' not in article


def test_pages_forbid_scripts_and_framing(web: Web) -> None:
    headers = web.client.get("/").headers
    assert "script-src 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"


# --------------------------------------------------------------------------- errors

@pytest.mark.parametrize("path", ["/ties/999999", "/entities/999999", "/articles/999999", "/no/such/page", "/ties/abc"])
def test_unknown_ids_and_paths_are_a_friendly_404_page(web: Web, path: str) -> None:
    response = web.client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Not found</h1>" in response.text and "Traceback" not in response.text
    assert 'href="/"' in response.text


def test_a_bad_filter_is_a_400_page_and_a_bad_cursor_too(web: Web) -> None:
    for params in ({"kind": "friendship"}, {"since": "last year"}, {"cursor": "not-a-cursor"}):
        response = web.client.get("/ties", params=params)
        assert response.status_code == 400 and "<h1>Bad request</h1>" in response.text, params


# --------------------------------------------------------------------------- who may write

def test_posting_an_article_needs_a_valid_bearer_token(web: Web) -> None:
    body = {"doc": "x.txt", "text": "Almaty and Ankara met."}
    assert web.client.post("/api/articles", json=body).status_code == 401
    assert web.client.post("/api/articles", json=body, headers={"Authorization": "Bearer amity_wrong"}).status_code == 401
    response = web.client.post("/api/articles", json=body, headers={"Authorization": web.token})  # no "Bearer"
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"


def test_a_body_over_the_limit_is_refused_with_413(web: Web) -> None:
    big = {"doc": "big.txt", "text": "Almaty and Ankara met. " * (MAX_BODY // 10)}
    response = web.client.post("/api/articles", json=big, headers=web.auth)
    assert response.status_code == 413 and "larger than" in response.json()["detail"]

    def chunks():  # no Content-Length: the limit holds on what is actually sent
        for _ in range(5):
            yield b"x" * (MAX_BODY // 2)

    assert web.client.post("/api/articles", content=chunks(), headers=web.auth).status_code == 413
    assert web.client.post("/ingest", content=b"text=" + b"x" * MAX_BODY).status_code == 413


def test_the_ingest_form_carries_a_csrf_token_that_must_match_its_cookie(web: Web) -> None:
    form = web.client.get("/ingest")
    token = hidden_csrf(form.text)
    assert web.client.cookies.get("amity_csrf") == token
    sign_in(web)
    data = {"title": "Busan and Valparaíso", "text": "Busan and Valparaíso will sign a sister city agreement.",
            "published": "2024-02-20"}
    assert web.client.post("/ingest", data=data).status_code == 403, "no CSRF field"
    assert web.client.post("/ingest", data={**data, "csrf_token": "forged-" + token}).status_code == 403
    other_site = web.client.post("/ingest", data={**data, "csrf_token": token},
                                 headers={"Origin": "https://evil.example"})
    assert other_site.status_code == 403
    posted = web.client.post("/ingest", data={**data, "csrf_token": token}, follow_redirects=False)
    assert posted.status_code == 303 and re.fullmatch(r"/articles/\d+", posted.headers["location"])
    assert "Busan" in web.client.get(posted.headers["location"]).text


def test_the_ingest_form_needs_a_signed_in_token(web: Web) -> None:
    token = hidden_csrf(web.client.get("/ingest").text)
    response = web.client.post("/ingest", data={"text": "Busan and Valparaíso.", "csrf_token": token})
    assert response.status_code == 401 and "Sign in" in response.text
    failed = web.client.post("/login", data={"token": "amity_nope", "csrf_token": token, "next": "/"})
    assert failed.status_code == 401 and "not valid" in failed.text


def test_sign_in_goes_back_only_to_this_site(web: Web) -> None:
    form = web.client.get("/login", params={"next": "https://evil.example/"}).text
    assert 'name="next" value="/"' in form
    response = web.client.post("/login", data={"token": web.token, "csrf_token": hidden_csrf(form),
                                               "next": "//evil.example"}, follow_redirects=False)
    assert response.headers["location"] == "/"


def test_a_private_registry_needs_a_token_to_read(private_web: Web) -> None:
    client = private_web.client
    assert client.get("/api/ties").status_code == 401
    page = client.get(f"/ties/{private_web.ties['sister_city']}")
    assert page.status_code == 401 and "Sign in" in page.text and "www-authenticate" not in page.headers
    assert client.get("/api/ties", headers=private_web.auth).status_code == 200
    assert client.get("/login").status_code == 200
    sign_in(private_web)
    assert client.get("/").status_code == 200
    assert "signed in as tests" in client.get("/ties").text
    token = hidden_csrf(client.get("/").text)
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/ties").status_code == 401


def test_a_registry_open_to_read_needs_no_token(web: Web) -> None:
    for path in ("/", "/ties", "/api/ties", "/api/stats", "/docs"):
        assert web.client.get(path).status_code == 200, path


# --------------------------------------------------------------------------- the command line

def test_token_create_list_and_revoke(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'amity.db'}"
    runner = CliRunner()
    made = runner.invoke(cli, ["token", "create", "--db", db, "--name", "newsroom"])
    assert made.exit_code == 0, made.output
    token = made.output.strip()
    assert token.startswith("amity_") and len(token) > 40
    listed = runner.invoke(cli, ["token", "list", "--db", db])
    assert "newsroom" in listed.output and token not in listed.output
    with TestClient(create_app(db)) as client:
        body = {"doc": "x.txt", "text": "   "}
        assert client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {token}"}).status_code == 422
        assert runner.invoke(cli, ["token", "revoke", "1", "--db", db]).exit_code == 0
        assert client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert runner.invoke(cli, ["token", "revoke", "1", "--db", db]).exit_code == 1


def test_serve_refuses_a_database_it_cannot_use(tmp_path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path)])  # a folder
    assert result.exit_code == 1 and "is a folder" in result.output


# --------------------------------------------------------------------------- highlighting

def test_highlight_escapes_the_text_and_nests_crossing_spans() -> None:
    text = "<b>Almaty</b> & Ankara"
    html = highlight(text, [Span(0, 13, "place", "mention-1", 'a "label"'), Span(9, 22, "tie", "stage-2"),
                            Span(3, 3, "person", "role-3"), Span(40, 50, "event", "report-9")])
    assert isinstance(html, Markup)
    assert html == ('<mark class="hl hl-place" id="mention-1" title="a &#34;label&#34;">&lt;b&gt;'
                    '<span class="anchor" id="role-3"></span>Almaty'
                    '<mark class="hl hl-tie" id="stage-2" title="tie">&lt;/b&gt;</mark></mark>'
                    '<mark class="hl hl-tie hl-cont" title="tie"> &amp; Ankara</mark>')
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text
    assert highlight("x", [Span(0, 1, "<script>", "a")]) == '<mark class="hl hl-other" id="a" title="other">x</mark>'


def test_an_article_too_long_for_the_model_is_refused_with_413(web: Web, monkeypatch) -> None:
    from amity.web import writes

    monkeypatch.setattr(writes, "MAX_CHARS", 100)
    body = {"doc": "long.txt", "text": "Almaty and Ankara met to discuss the tram network. " * 5}
    response = web.client.post("/api/articles", json=body, headers=web.auth)
    assert response.status_code == 413 and "longer than" in response.json()["detail"]
