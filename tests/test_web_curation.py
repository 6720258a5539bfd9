"""Curation on the web: the JSON API needs a Bearer token, the HTML forms a sign-in and their CSRF token, and
decisions show on the pages they are about.

The registry is tests/web_registry.py's; each test runs on SQLite, and on
PostgreSQL too when $AMITY_TEST_POSTGRES_URL is set.
"""
from __future__ import annotations

import re

from test_web import hidden_csrf, sign_in
from web_registry import Web


def visit_id(web: Web) -> int:
    events = web.client.get("/api/events", params={"type": "visit", "since": "2022"}).json()["items"]
    return events[0]["id"]


# --------------------------------------------------------------------------- JSON API

def test_api_decisions_need_a_token(web: Web) -> None:
    tie = web.ties["sister_city"]
    for path, body in ((f"/api/ties/{tie}/decisions", {"action": "reject"}),
                       (f"/api/events/{visit_id(web)}/decisions", {"action": "confirm"}),
                       (f"/api/entities/{web.entities['Turkistan']}/merge", {"other": web.entities["Üsküdar"]}),
                       (f"/api/entities/{web.entities['Turkistan']}/split", {"names": ["Turkistan"]})):
        assert web.client.post(path, json=body).status_code == 401, path
        assert web.client.post(path, json=body, headers={"Authorization": "Bearer amity_wrong"}).status_code == 401
    assert web.client.get("/api/decisions").json() == {"items": [], "next_cursor": None}


def test_api_rejects_a_tie_in_the_tokens_name_and_lists_the_decision(web: Web) -> None:
    tie = web.ties["sister_city"]

    answer = web.client.post(f"/api/ties/{tie}/decisions", json={"action": "reject", "note": "duplicate"},
                             headers=web.auth)

    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["decision"]["by"] == "tests" and body["tie"]["curation"]["state"] == "rejected"
    assert [t["id"] for t in web.client.get("/api/ties").json()["items"]] == [web.ties["cooperation"]]
    assert tie in [t["id"] for t in web.client.get("/api/ties", params={"include_rejected": True}).json()["items"]]
    assert web.client.get(f"/api/ties/{tie}").json()["curation"]["by"] == "tests"
    log = web.client.get("/api/decisions").json()["items"]
    assert [(d["target"], d["action"], d["note"]) for d in log] == [("tie", "reject", "duplicate")]
    assert "Üsküdar" not in web.client.get("/api/export/csv").text, "rejected ties are left out of exports"


def test_api_sets_a_status_and_refuses_a_bad_one(web: Web) -> None:
    tie = web.ties["cooperation"]
    ok = web.client.post(f"/api/ties/{tie}/decisions", json={"action": "set_status", "value": "ratified"},
                         headers=web.auth)
    assert ok.status_code == 201 and ok.json()["tie"]["status"] == "ratified"
    bad = web.client.post(f"/api/ties/{tie}/decisions", json={"action": "set_status", "value": "wed"},
                          headers=web.auth)
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "value"], "no status, no date"
    wrong = web.client.post(f"/api/ties/{tie}/decisions", json={"action": "set_status", "value": "occurred"},
                            headers=web.auth)
    assert wrong.status_code == 409 and "status must be" in wrong.json()["detail"], "an event's status, not a tie's"
    assert web.client.post("/api/ties/9999/decisions", json={"action": "confirm"}, headers=web.auth).status_code == 404


def test_api_merges_and_splits_entities(web: Web) -> None:
    bekova, turkistan = web.entities["Aida Bekova"], web.entities["Turkistan"]
    refused = web.client.post(f"/api/entities/{turkistan}/merge", json={"other": bekova}, headers=web.auth)
    assert refused.status_code == 409 and "cannot be merged" in refused.json()["detail"]

    merged = web.client.post(f"/api/entities/{web.entities['Turkistan']}/merge",
                             json={"other": web.entities["Üsküdar"]}, headers=web.auth)
    assert merged.status_code == 200, merged.text
    names = {n["name"] for n in merged.json()["entity"]["names"]}
    assert names == {"Turkistan", "Üsküdar"}
    split = web.client.post(f"/api/entities/{turkistan}/split", json={"names": ["Üsküdar"]}, headers=web.auth)
    assert split.status_code == 201, split.text
    assert split.json()["entity"]["name"] == "Üsküdar" and split.json()["entity"]["curation"]["state"] == "split"


def test_the_curation_routes_are_in_the_openapi_document(web: Web) -> None:
    paths = web.client.get("/openapi.json").json()["paths"]
    assert {"/api/ties/{tie_id}/decisions", "/api/events/{event_id}/decisions", "/api/entities/{entity_id}/merge",
            "/api/entities/{entity_id}/split", "/api/decisions"} <= set(paths)
    assert "401" in paths["/api/ties/{tie_id}/decisions"]["post"]["responses"]


# --------------------------------------------------------------------------- HTML forms

def test_forms_show_only_when_signed_in(web: Web) -> None:
    tie_page = f"/ties/{web.ties['sister_city']}"
    assert 'class="curate-tie' not in web.client.get(tie_page).text
    sign_in(web)
    html = web.client.get(tie_page).text
    for form in ("curate-tie", "edit-tie", "curate-stage"):
        assert f'<form class="{form} inline" action="{tie_page}/decisions" method="post">' in html
    assert 'name="action" value="confirm"' in html and 'name="action" value="reject"' in html
    entity = web.client.get(f"/entities/{web.entities['Nurbol Turashbekov']}").text
    assert 'class="merge-entity' in entity and 'class="split-entity' in entity
    event = web.client.get(f"/events/{visit_id(web)}").text
    assert 'class="curate-event' in event and 'class="edit-event' in event


def test_a_form_needs_its_csrf_token_and_a_sign_in(web: Web) -> None:
    tie_page = f"/ties/{web.ties['sister_city']}"
    token = hidden_csrf(web.client.get("/login").text)  # a valid CSRF token (and cookie), but no sign-in
    no_csrf = web.client.post(f"{tie_page}/decisions", data={"action": "reject"}, follow_redirects=False)
    assert no_csrf.status_code == 403
    not_signed_in = web.client.post(f"{tie_page}/decisions", data={"action": "reject", "csrf_token": token},
                                    follow_redirects=False)
    assert not_signed_in.status_code == 401
    assert web.client.get("/api/decisions").json()["items"] == []


def test_a_rejection_from_the_tie_page_redirects_back_and_shows_who_decided(web: Web) -> None:
    sign_in(web)
    tie_page = f"/ties/{web.ties['sister_city']}"
    token = hidden_csrf(web.client.get(tie_page).text)

    answer = web.client.post(f"{tie_page}/decisions", data={"action": "reject", "note": "not a twinning",
                                                             "csrf_token": token}, follow_redirects=False)

    assert answer.status_code == 303 and answer.headers["location"] == tie_page
    html = web.client.get(tie_page).text
    assert re.search(r'class="curation curation-rejected"[^>]*>rejected by tests on \d{4}-\d{2}-\d{2}', html)
    assert "not a twinning" in html
    registry = web.client.get("/ties").text
    assert tie_page not in registry and tie_page in web.client.get("/ties", params={"rejected": "1"}).text


def test_an_edit_and_a_stage_decision_from_the_forms(web: Web) -> None:
    sign_in(web)
    tie_page = f"/ties/{web.ties['sister_city']}"
    token = hidden_csrf(web.client.get(tie_page).text)
    web.client.post(f"{tie_page}/decisions", data={"action": "reject", "stage": "signed", "csrf_token": token})
    assert web.client.get(f"/api{tie_page}").json()["status"] == "planned"
    web.client.post(f"{tie_page}/decisions", data={"action": "edit", "status": "ratified", "date": "2022-05",
                                                   "csrf_token": token})
    tie = web.client.get(f"/api{tie_page}").json()
    assert (tie["status"], tie["date"], tie["curation"]["state"]) == ("ratified", "2022-05", "edited")
    bad = web.client.post(f"{tie_page}/decisions", data={"action": "edit", "date": "soon", "csrf_token": token})
    assert bad.status_code == 400 and "date must be" in bad.text


def test_an_event_rejected_from_its_page_is_marked_there_and_on_the_tie(web: Web) -> None:
    sign_in(web)
    event_page = f"/events/{visit_id(web)}"
    token = hidden_csrf(web.client.get(event_page).text)
    answer = web.client.post(f"{event_page}/decisions", data={"action": "reject", "csrf_token": token},
                             follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == event_page
    assert "rejected by tests" in web.client.get(event_page).text
    tie = web.client.get(f"/ties/{web.ties['sister_city']}").text
    assert "Rejected events" in tie
    assert web.client.get(f"/api/ties/{web.ties['sister_city']}").json()["last_activity"] is None


def test_merge_and_split_from_the_entity_page(web: Web) -> None:
    sign_in(web)
    turkistan = f"/entities/{web.entities['Turkistan']}"
    token = hidden_csrf(web.client.get(turkistan).text)
    merged = web.client.post(f"{turkistan}/merge", data={"other": web.entities["Üsküdar"], "csrf_token": token},
                             follow_redirects=False)
    assert merged.status_code == 303 and merged.headers["location"] == turkistan
    html = web.client.get(turkistan).text
    assert "merged by tests" in html and "Üsküdar into this entity" in html
    split = web.client.post(f"{turkistan}/split", data={"names": ["Üsküdar"], "csrf_token": token},
                            follow_redirects=False)
    assert split.status_code == 303
    assert "split by tests" in web.client.get(turkistan).text


def test_an_edit_with_a_bad_date_changes_nothing_not_even_the_status(web: Web) -> None:
    sign_in(web)
    tie_page = f"/ties/{web.ties['cooperation']}"
    before = web.client.get(f"/api{tie_page}").json()
    token = hidden_csrf(web.client.get(tie_page).text)

    bad = web.client.post(f"{tie_page}/decisions", data={"action": "edit", "status": "ratified", "date": "soon",
                                                         "csrf_token": token})

    assert bad.status_code == 400 and "date must be" in bad.text
    after = web.client.get(f"/api{tie_page}").json()
    assert (after["status"], after["date"], after["curation"]) == (before["status"], before["date"], None)
    assert web.client.get("/api/decisions").json()["items"] == []
