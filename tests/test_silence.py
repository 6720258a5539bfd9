"""A tie's state in words: its stage, and "silent since" when nothing of it has been reported for years."""
from __future__ import annotations

from datetime import date

from amity.registry.silence import silent_years, state, why_silent


def _tie(**fields: object) -> dict[str, object]:
    return {"status": "signed", "date": "2021-12-20", "last_activity": None, "last_seen": "2021-12-20",
            "silent_since": "2021-12-20", **fields}


def test_a_silent_tie_says_its_stage_and_since_when_it_is_silent() -> None:
    assert state(_tie()) == "signed · silent since 2021-12-20"
    assert state(_tie(silent_since=None)) == "signed"
    assert state(_tie(status="ended", silent_since=None)) == "ended"


def test_why_a_tie_remains_on_paper_is_said_in_words() -> None:
    assert why_silent(_tie(), date(2026, 1, 5)) == "signed 2021-12-20 · no reported activity for 4 years"
    assert why_silent(_tie(last_activity="2022-03-10", last_seen="2022-03-10"), date(2026, 1, 5)) == \
        "signed 2021-12-20 · last activity 2022-03-10 · nothing reported for 3 years"
    assert why_silent(_tie(date=None, last_seen="2024-01-01"), date(2025, 6, 1)) == \
        "signed · no reported activity for 1 year"


def test_silence_is_counted_in_whole_years_from_the_last_day_a_date_covers() -> None:
    assert silent_years(_tie(last_seen="2021"), date(2024, 12, 30)) == 2, "2021 ends on 31 December"
    assert silent_years(_tie(last_seen="2021-02"), date(2024, 3, 1)) == 3
    assert silent_years(_tie(last_seen=None), date(2024, 3, 1)) is None
