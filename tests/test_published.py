"""detect_published: only the dates an article states as its own publication date."""
from __future__ import annotations

import pytest

from amity.ingest import detect_published
from amity.ingest.published import parse_date

BODY = (
    "The mayors of Lakeford and Rivertown agreed to become sister cities.\n\n"
    "The two towns first exchanged school delegations in 2019."
)


@pytest.mark.parametrize(
    "header",
    [" date 2025-02-05", "Date: 2025-02-05", "Published: 5 February 2025", "Posted on February 5, 2025"],
)
def test_a_leading_date_header_gives_the_date(header: str) -> None:
    assert detect_published(f"{header}\nLakeford and Rivertown twinned\n\n{BODY}") == "2025-02-05"


def test_a_header_after_the_headline_still_counts() -> None:
    assert detect_published(f"Lakeford and Rivertown twinned\nDate: 2025-02-05\n\n{BODY}") == "2025-02-05"


def test_a_date_header_deep_in_the_text_is_ignored() -> None:
    padding = "Background paragraph about the region and its economy. " * 5
    assert detect_published(f"Headline\n\n{padding}\nDate: 2025-02-05\n\n{BODY}") is None


@pytest.mark.parametrize(
    "dateline",
    [
        "ASTANA, Feb. 5, 2024 – The delegation arrived",
        "ASTANA, Kazakhstan, February 5, 2024 — The delegation arrived",
        "Lakeford, 5 February 2024 (Town Herald) - The delegation arrived",
    ],
)
def test_a_dateline_with_a_year_gives_the_date(dateline: str) -> None:
    assert detect_published(f"Twinning talks open\n\n{dateline} on Monday.") == "2024-02-05"


def test_a_dateline_without_a_year_gives_nothing() -> None:
    text = "Twinning talks open\n\nASTANA, Kazakhstan, February 5. The delegation arrived in 2024."
    assert detect_published(text) is None


def test_a_dateline_without_a_year_defers_to_a_leading_header() -> None:
    text = " date 2025-02-05\nTwinning talks open\n\nASTANA, Kazakhstan, February 5. The delegation arrived."
    assert detect_published(text) == "2025-02-05"


@pytest.mark.parametrize(
    ("last_line", "expected"),
    [
        ("25.12 2021", "2021-12-25"),
        ("25.12.2021", "2021-12-25"),
        ("December 25, 2021", "2021-12-25"),
        ("2021-12-25", "2021-12-25"),
        ("Published: 25 December 2021", "2021-12-25"),
    ],
)
def test_a_date_alone_on_the_last_line_gives_the_date(last_line: str, expected: str) -> None:
    assert detect_published(f"Headline\n\n{BODY}\n\n{last_line}\n\n") == expected


def test_dates_inside_the_story_are_event_dates_not_publication_dates() -> None:
    text = (
        "Sister city agreement planned\n\n"
        "The mayors will sign the agreement on 12 May 2024 in Lakeford.\n"
        "Their first meeting took place on March 3, 2023."
    )
    assert detect_published(text) is None


def test_a_sentence_ending_in_a_date_is_not_a_trailing_date() -> None:
    assert detect_published(f"{BODY}\nThe visit is planned for December 25, 2021.") is None


def test_a_trailing_date_in_another_language_is_read() -> None:
    assert detect_published(f"{BODY}\n\n25 декабря 2021 г.") == "2021-12-25"


def test_impossible_dates_are_rejected() -> None:
    assert detect_published(f"{BODY}\n\n31.02.2021") is None


def test_empty_text_has_no_date() -> None:
    assert detect_published("") is None
    assert detect_published("   \n") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-04-25T10:00:00Z", "2024-04-25"),
        ("2024-04-25", "2024-04-25"),
        ("Thu, 25 Apr 2024 10:00:00 +0000", "2024-04-25"),
        ("12/25/2021", "2021-12-25"),
        ("April 2024", None),
        ("yesterday", None),
        ("2024-04-25 and then the ministers left", None),
    ],
)
def test_parse_date_accepts_only_whole_dates(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_a_labelled_date_opening_a_line_that_runs_on_into_the_story() -> None:
    text = " date 2024-06-03 BAKU, Azerbaijan, June 3. The Milli Majlis approved the agreement."
    assert detect_published(text) == "2024-06-03"


def test_a_date_in_the_first_sentence_of_the_story_is_not_a_header() -> None:
    assert detect_published("The date 2024-06-03 was chosen for the signing ceremony.") is None
