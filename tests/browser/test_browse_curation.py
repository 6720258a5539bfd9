"""Curating in the browser: confirm, edit and reject ties after signing in, and find every decision again after the
articles are ingested again (one of them corrected); without signing in, no form and no decision.

This module has a registry and a server of its own (the `registry`, `token` and `server` fixtures below override
conftest's session-wide ones for these tests only): it re-ingests articles, which the shared registry must not see,
and its checks of "nothing changed" must not meet decisions or ties that other tests add. Ties are still picked by
their parties' names, never by row id, since a corrected article may give a tie a new row.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browser_corpus import ARTICLES, write_corpus
from harness import Server, amity, serve, sqlite_url

ROWS = "table.registry tbody tr"
CURATOR = "curator-in-browser"

CONFIRMED = "Bursa – Samarkand"
EDITED = "Ghana – South Korea"
#: Its parties are named by one article only, so correcting that article writes the tie anew (another row): its
#: decisions must come back through their stable keys, not stay on a row that survived.
REJECTED = "Ministry of Fisheries of Ghana – Ministry of Oceans of South Korea"
UNTOUCHED = "Lisbon – Maputo"

#: The article behind the rejected (and the edited) tie, corrected: same doc name, other wording, the same memorandum.
ORIGINAL = next(a for a in ARTICLES if a["doc"] == "ghana-korea")
CORRECTED = {**ORIGINAL,
             "text": "ACCRA, July 20, 2023 — The Ministry of Fisheries of Ghana and the Ministry of Oceans of South "
                     "Korea signed a memorandum of understanding on joint research into fish stocks on 19 July 2023.\n\n"
                     "Ghana and South Korea also signed an agreement on maritime transport."}


@pytest.fixture(scope="module")
def corpus(browser_ready: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """browser_corpus.py's articles as a JSON Lines file, in a folder of this module's own."""
    return write_corpus(tmp_path_factory.mktemp("curation-registry"))


@pytest.fixture(scope="module")
def registry(corpus: Path) -> str:
    db_url = sqlite_url(corpus.parent / "amity.db")
    amity("ingest", str(corpus), "--db", db_url)
    return db_url


@pytest.fixture(scope="module")
def token(registry: str) -> str:
    return amity("token", "create", "--name", CURATOR, "--db", registry).strip()


@pytest.fixture(scope="module")
def server(registry: str) -> Iterator[Server]:
    with serve(registry, "--tiles", "none") as running:
        yield running


# --------------------------------------------------------------------------- helpers

def sign_in(page: Any, token: str) -> None:
    page.goto("/login?next=/ties")
    page.get_by_label("Token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/ties$"))


def registry_link(page: Any, parties: str, *, rejected: bool = False) -> Any:
    """The link of the tie between `parties` in the /ties registry (filtered by its first party; none if hidden)."""
    first = parties.split(" – ")[0]
    page.goto(f"/ties?party={quote(first)}" + ("&rejected=1" if rejected else ""))
    return page.locator(ROWS).get_by_role("link", name=parties, exact=True)


def registry_row(page: Any, parties: str, *, rejected: bool = False) -> Any:
    registry_link(page, parties, rejected=rejected)
    return page.locator(ROWS).filter(has=page.get_by_role("link", name=parties, exact=True))


def open_tie(page: Any, expect: Any, parties: str, *, rejected: bool = False) -> int:
    """Go to the tie's own page through the registry; its id."""
    link = registry_link(page, parties, rejected=rejected)
    expect(link).to_have_count(1)
    link.click()
    page.wait_for_url(re.compile(r"/ties/\d+$"))
    expect(page.locator("h1")).to_have_text(parties)
    return int(page.url.rsplit("/", 1)[1])


def submit(page: Any, button: Any) -> Any:
    """Click a form's button and follow the POST/redirect/GET; the final response."""
    with page.expect_navigation() as navigation:
        button.click()
    return navigation.value


def decisions(page: Any) -> Any:
    return page.locator("section.decisions li")


# --------------------------------------------------------------------------- tests

def test_decisions_taken_in_the_browser_survive_reingesting(browser_page: Any, token: str, server: Server,
                                                            corpus: Path, expect: Any, console_errors: list[str],
                                                            dialogs: list[str]) -> None:
    page = browser_page
    sign_in(page, token)

    # confirm, with a note
    open_tie(page, expect, CONFIRMED)
    expect(page.locator(".curated")).to_have_count(0)
    form = page.locator("form.curate-tie")
    form.locator("input[name=note]").fill("matches the city's own announcement")
    response = submit(page, form.locator("button[name=action][value=confirm]"))
    assert response.status == 200 and re.search(r"/ties/\d+$", page.url)
    badge = page.locator(".curated .curation")
    expect(badge).to_have_class(re.compile(r"\bcuration-confirmed\b"))
    expect(badge).to_contain_text(f"confirmed by {CURATOR}")
    expect(decisions(page)).to_have_count(1)
    expect(decisions(page)).to_contain_text(CURATOR)
    expect(decisions(page)).to_contain_text("confirm")
    expect(decisions(page)).to_contain_text("“matches the city's own announcement”")

    # edit status and date
    open_tie(page, expect, EDITED)
    expect(page.locator(".lead .stage").first).to_have_text("signed")
    form = page.locator("form.edit-tie")
    form.locator("select[name=status]").select_option("ratified")
    form.locator("input[name=date]").fill("2023-10-01")
    submit(page, form.locator("button[name=action][value=edit]"))
    expect(page.locator(".curated .curation")).to_have_class(re.compile(r"\bcuration-edited\b"))
    expect(page.locator(".curated .curation")).to_contain_text(f"edited by {CURATOR}")
    expect(page.locator(".lead .stage").first).to_have_text("ratified")
    expect(page.locator(".lead")).to_contain_text("since 2023-10-01")
    expect(decisions(page)).to_have_count(2)
    expect(decisions(page).filter(has_text="set status")).to_contain_text("ratified")
    expect(decisions(page).filter(has_text="set date")).to_contain_text("2023-10-01")
    check_edited_row(page, expect)

    # reject: gone from the registry, back (marked) with "show rejected"
    open_tie(page, expect, REJECTED)
    form = page.locator("form.curate-tie")
    form.locator("input[name=note]").fill("the ministries' memorandum is not a partnership of their own")
    submit(page, form.locator("button[name=action][value=reject]"))
    expect(page.locator(".curated .curation")).to_have_class(re.compile(r"\bcuration-rejected\b"))
    expect(page.locator(".curated")).to_contain_text("hidden from the registry")
    expect(decisions(page)).to_contain_text("“the ministries' memorandum is not a partnership of their own”")
    check_rejected_is_hidden(page, expect)

    # ingest the same articles again, and a corrected version of the rejected tie's article
    again = amity("ingest", str(corpus), "--db", server.db_url)
    assert f"0 new, {len(ARTICLES)} unchanged" in again
    corrected = corpus.parent / "corrected.jsonl"
    corrected.write_text(json.dumps(CORRECTED, ensure_ascii=False) + "\n", encoding="utf-8")
    assert "1 replaced" in amity("ingest", str(corrected), "--db", server.db_url)

    open_tie(page, expect, CONFIRMED)
    expect(page.locator(".curated .curation")).to_have_class(re.compile(r"\bcuration-confirmed\b"))
    expect(page.locator(".curated .curation")).to_contain_text(f"confirmed by {CURATOR}")
    expect(decisions(page)).to_have_count(1)

    open_tie(page, expect, EDITED)
    expect(page.locator(".curated .curation")).to_have_class(re.compile(r"\bcuration-edited\b"))
    expect(page.locator(".lead .stage").first).to_have_text("ratified")
    expect(page.locator(".lead")).to_contain_text("since 2023-10-01")
    check_edited_row(page, expect)

    check_rejected_is_hidden(page, expect)
    open_tie(page, expect, REJECTED, rejected=True)
    expect(page.locator(".curated .curation")).to_have_class(re.compile(r"\bcuration-rejected\b"))
    evidence = page.locator("blockquote.evidence p")
    expect(evidence.first).to_contain_text("joint research into fish stocks")  # as the corrected article says
    expect(page.locator("blockquote.evidence", has_text="fisheries research")).to_have_count(0)
    expect(decisions(page)).to_contain_text("“the ministries' memorandum is not a partnership of their own”")

    assert not console_errors and not dialogs


def check_edited_row(page: Any, expect: Any) -> None:
    row = registry_row(page, EDITED)
    expect(row).to_have_count(1)
    expect(row.locator("td:nth-child(4) .stage")).to_have_text("ratified")
    expect(row.locator("td:nth-child(4) .curation")).to_have_class(re.compile(r"\bcuration-edited\b"))
    expect(row.locator("td:nth-child(5)")).to_have_text("2023-10-01")


def check_rejected_is_hidden(page: Any, expect: Any) -> None:
    page.goto("/ties")
    expect(page.locator(ROWS).first).to_be_visible()
    expect(page.locator(ROWS).get_by_role("link", name=REJECTED, exact=True)).to_have_count(0)
    expect(page.locator(ROWS).get_by_role("link", name=CONFIRMED, exact=True)).to_have_count(1)

    page.get_by_label("show rejected").check()
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"/ties\?.*rejected=1"))
    row = page.locator(ROWS).filter(has=page.get_by_role("link", name=REJECTED, exact=True))
    expect(row).to_have_count(1)
    expect(row.locator(".curation")).to_have_class(re.compile(r"\bcuration-rejected\b"))
    expect(page.get_by_label("show rejected")).to_be_checked()


def forge(page: Any, action: str, fields: dict[str, str]) -> int:
    """Post a form the page never offered, as a hostile or stale page would; the status it gets."""
    script = """([action, fields]) => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = action;
        for (const [name, value] of Object.entries(fields)) {
            const input = document.createElement("input");
            input.type = "hidden"; input.name = name; input.value = value;
            form.appendChild(input);
        }
        document.body.appendChild(form);
        form.submit();
    }"""
    with page.expect_navigation() as navigation:
        page.evaluate(script, [action, fields])
    return int(navigation.value.status)


def test_curation_needs_signing_in(browser_page: Any, server: Server, expect: Any) -> None:
    page = browser_page
    tie_id = open_tie(page, expect, UNTOUCHED)
    for form in ("curate-tie", "edit-tie", "curate-stage"):
        expect(page.locator(f"form.{form}")).to_have_count(0)
    page.locator("h1").get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/entities/\d+$"))
    expect(page.locator("form.merge-entity, form.split-entity")).to_have_count(0)

    page.goto(f"/ties/{tie_id}")
    assert forge(page, f"/ties/{tie_id}/decisions", {"action": "reject", "note": "forged"}) == 403

    page.goto("/ingest")  # a page with a form: the browser now holds a CSRF cookie, but no session
    csrf = {c["name"]: c["value"] for c in page.context.cookies()}["amity_csrf"]
    assert forge(page, f"/ties/{tie_id}/decisions", {"action": "reject", "note": "forged", "csrf_token": csrf}) == 401
    assert forge(page, f"/ties/{tie_id}/decisions",
                 {"action": "edit", "status": "active", "csrf_token": csrf}) == 401

    page.goto(f"/ties/{tie_id}")
    expect(page.locator(".curated")).to_have_count(0)
    expect(page.locator("section.decisions")).to_have_count(0)
    expect(page.locator(".lead .stage").first).to_have_text("planned")
    row = registry_row(page, UNTOUCHED)
    expect(row).to_have_count(1)
    expect(row.locator(".curation")).to_have_count(0)
    logged = page.request.get("/api/decisions?target=tie").json()["items"]
    assert all(d["target_id"] != tie_id and d["note"] != "forged" for d in logged)
