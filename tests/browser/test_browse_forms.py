"""Writing through the browser: refused without a token, possible after signing in with one from `amity token create`."""
from __future__ import annotations

import re
from typing import Any

FORM = "main form.stacked"

NEW_TITLE = "Genoa and Marseille agree on a harbour partnership"
NEW_TEXT = ("GENOA, September 4, 2023 — Mayor Petra Vukic of Marseille and Mayor Joseph Galea of Genoa signed a "
            "sister city agreement on 3 September 2023.\n\n"
            "Both ports want to share training for harbour pilots and to promote ferry tourism.")


def fill_article(page: Any, title: str, text: str) -> None:
    page.get_by_label("Title").fill(title)
    page.get_by_label("Published").fill("2023-09-04")
    page.get_by_label("Text").fill(text)


def csrf_field(page: Any, expect: Any) -> str:
    field = page.locator(f"{FORM} input[type=hidden][name=csrf_token]")
    expect(field).to_have_count(1)
    return str(field.input_value())


def test_adding_an_article_without_a_token_is_refused(browser_page: Any, expect: Any) -> None:
    page = browser_page
    page.goto("/ingest")
    expect(page.locator(".notice").get_by_role("link", name="sign in")).to_have_attribute("href", "/login?next=/ingest")
    submit = page.locator(FORM).get_by_role("button", name="Read and store")
    expect(submit).to_be_disabled()
    assert csrf_field(page, expect)

    fill_article(page, "Never stored: no token", "Tallinn and Tartu signed nothing at all on 1 May 2023.")
    with page.expect_navigation() as navigation:  # a disabled button is no guard: post the form anyway
        page.locator(FORM).evaluate("form => form.submit()")
    assert navigation.value.status == 401
    expect(page.locator("h1")).to_have_text("Sign in needed")

    page.goto("/search?q=Tartu")
    expect(page.locator("main")).to_contain_text("No article has all these words")


def test_a_forged_form_without_the_csrf_field_is_refused(browser_page: Any, token: str, expect: Any) -> None:
    page = browser_page
    page.goto("/login?next=/ingest")
    page.get_by_label("Token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/ingest$"))

    fill_article(page, "Never stored: forged", "Riga and Vilnius signed nothing at all on 2 May 2023.")
    page.locator(f"{FORM} input[name=csrf_token]").evaluate("field => field.remove()")
    with page.expect_navigation() as navigation:
        page.locator(FORM).get_by_role("button", name="Read and store").click()
    assert navigation.value.status == 403


def test_signing_in_with_a_token_and_adding_an_article(browser_page: Any, token: str, expect: Any) -> None:
    page = browser_page
    page.goto("/login?next=/ingest")
    page.get_by_label("Token").fill("amity_not-a-real-token")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Sign in").click()
    assert navigation.value.status == 401
    expect(page.locator(".problem")).to_contain_text("not valid")

    page.get_by_label("Token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/ingest$"))
    expect(page.locator("header .who")).to_contain_text("signed in as browser-tests")
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["amity_session"]["httpOnly"] and cookies["amity_session"]["sameSite"] == "Strict"
    assert csrf_field(page, expect) == cookies["amity_csrf"]["value"]  # the double-submit pair

    fill_article(page, NEW_TITLE, NEW_TEXT)
    page.locator(FORM).get_by_role("button", name="Read and store").click()
    page.wait_for_url(re.compile(r"/articles/\d+$"))  # the server reads the article first (spaCy)
    expect(page.locator("h1")).to_have_text(NEW_TITLE)
    expect(page.locator(".lead")).to_contain_text("2023-09-04")
    assert {"Genoa", "Marseille"} <= set(page.locator(".article-text .text mark.hl-place").all_inner_texts())

    page.goto("/ties?party=Genoa")
    expect(page.locator("table.registry tbody tr")).to_have_count(1)
    expect(page.locator("table.registry tbody tr")).to_contain_text("sister city")
