"""Publication dates: read them from the places an article states its own date.

An article body is full of dates, but most are event dates (a visit next
week, a treaty from 1992). Only three positions reliably carry the date the
piece was published: a header line at the top ("Date: 2025-02-05"), a news
dateline opening the story ("ASTANA, Feb. 5, 2024 –") and a bare date on the
last line. Everything else is ignored: a missing date is better than a wrong
one. Regexes do the work; dateparser only sees short candidate strings in
other languages, because it is slow on long text.
"""
from __future__ import annotations

import re
from datetime import date

__all__ = ["detect_published", "parse_date"]

#: How far into the text a header line may start.
_HEADER_REACH = 200
#: How many non-empty opening lines may hold the header or the dateline.
_OPENING_LINES = 4
#: Longer lines are prose, not a date line.
_MAX_DATE_LINE = 60

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)?"
_TIME = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:z|[+-]\d{2}:?\d{2}|\(?[a-z]{2,5}\)?))?)?"
)

#: 2021-12-25, 2021/12/25, 2024-04-25T10:00:00Z
_ISO = re.compile(
    rf"{_YEAR}[-/.](?P<mon>\d{{1,2}})[-/.](?P<day>\d{{1,2}})"
    r"(?:[t\s]\d{1,2}:\d{2}[\d:.]*\s*(?:z|[+-]\d{2}:?\d{2}|[a-z]{2,5})?)?",
    re.I,
)
#: 25.12.2021, 25/12/2021, 25.12 2021: day first, as most of the world writes it.
_NUMERIC = re.compile(rf"(?P<day>\d{{1,2}})[./-](?P<mon>\d{{1,2}})(?:[./-]|\s+){_YEAR}{_TIME}", re.I)
#: Whole-string date shapes, tried in order on a stripped candidate.
_FULL_DATES = [
    _ISO,
    _NUMERIC,
    # December 25, 2021 / Monday, Feb. 5, 2024
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}", re.I),
    # 25 December 2021 / Thu, 25 Apr 2024 10:00:00 +0000 / 25th of December, 2021
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_TIME}", re.I),
]

#: Day, word, year (or word, day, year) in a language the regexes do not know.
_FOREIGN_DATE = re.compile(
    r"(?:\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+(?:19|20)\d{2}|[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+(?:19|20)\d{2})"
    r"(?:\s*[^\W\d_]{1,5}\.?)?",
)
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
}

_LABEL = r"(?:date|dated|published|posted|publication\s+date|date\s+of\s+publication)(?:\s+on)?"
_HEADER = re.compile(rf"\s*{_LABEL}\s*[:\-–—]?\s*(?P<value>.+?)\s*", re.I)
#: A labelled numeric date opening a line that goes on with the story (" date 2025-02-05 ASTANA, ...").
_NUMERIC_DAY = r"(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}"
_HEADER_LEAD = re.compile(rf"\s*{_LABEL}\s*[:\-–—]?\s*(?P<value>{_NUMERIC_DAY})\b", re.I)
_TRAILER = re.compile(rf"(?:{_LABEL}\s*[:\-–—]?\s*)?(?P<value>.+?)\s*", re.I)


def _unnamed(pattern: str) -> str:
    """The pattern with its named groups made anonymous, so it can be repeated."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_MONTH_DAY = _unnamed(rf"{_MONTH}\s+{_DAY}")
_DAY_MONTH = _unnamed(rf"{_DAY}\s+{_MONTH}")
_ANY_YEAR = _unnamed(_YEAR)
_PLACE = r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}"
#: "ASTANA, Kazakhstan, Feb. 5, 2024 –": place(s), a comma, a date, then a separator.
_DATELINE = re.compile(
    rf"\s*{_PLACE}(?:,\s*{_PLACE}){{0,2}},\s+"
    rf"(?P<date>(?i:{_WEEKDAY}(?:{_MONTH_DAY}|{_DAY_MONTH})(?:,?\s+{_ANY_YEAR})?)"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4})"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:[-–—:/|.]|$)",
)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def detect_published(text: str) -> str | None:
    """The article's own publication date as YYYY-MM-DD, or None when it does not state one."""
    if not text or not text.strip():
        return None
    return _from_header(text) or _from_dateline(text) or _from_last_line(text)


def parse_date(value: str) -> str | None:
    """YYYY-MM-DD for a string that is a complete date (time and weekday allowed), else None."""
    candidate = value.strip().strip(" \t.,;:()[]|*_–—-")
    if not candidate or len(candidate) > _MAX_DATE_LINE:
        return None
    for pattern in _FULL_DATES:
        match = pattern.fullmatch(candidate)
        if match:
            return _ymd_from_match(match)
    if _FOREIGN_DATE.fullmatch(candidate):
        return _dateparser_date(candidate)
    return None


def _from_header(text: str) -> str | None:
    """A labelled date line ("Date: 2025-02-05") or a bare date line opening the text."""
    for offset, line in _opening_lines(text):
        if offset > _HEADER_REACH:
            break
        match = _HEADER.fullmatch(line)
        found = parse_date(match["value"]) if match else None
        lead = _HEADER_LEAD.match(line) if found is None else None
        found = found or (parse_date(lead["value"]) if lead else None)
        if found is None and len(line.strip()) <= _MAX_DATE_LINE:
            found = parse_date(line)
        if found:
            return found
    return None


def _from_dateline(text: str) -> str | None:
    """The date of a news dateline, only when it includes the year."""
    for _, line in _opening_lines(text):
        match = _DATELINE.match(line)
        if match:
            stated = match["date"]
            return parse_date(stated) if _HAS_YEAR.search(stated) else None
    return None


def _from_last_line(text: str) -> str | None:
    """A date standing alone on the last non-empty line, as some sites sign off."""
    last = next((line for line in reversed(text.splitlines()) if line.strip()), "")
    if len(last.strip()) > _MAX_DATE_LINE:
        return None
    match = _TRAILER.fullmatch(last.strip())
    return parse_date(match["value"]) if match else None


def _opening_lines(text: str) -> list[tuple[int, str]]:
    """The first few non-empty lines with the offset each starts at."""
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.append((offset, line.rstrip("\r\n")))
            if len(out) == _OPENING_LINES:
                break
        offset += len(line)
    return out


def _ymd_from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month_text = groups.get("month")
    month = _MONTHS[month_text[:3].lower()] if month_text else int(groups["mon"])
    day, year = int(groups["day"]), int(groups["year"])
    if match.re is _NUMERIC and month > 12 >= day:
        day, month = month, day  # 12/25/2021 can only be month first
    return _ymd(year, month, day)


def _ymd(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _dateparser_date(candidate: str) -> str | None:
    import dateparser  # slow to warm up; only needed for non-English month names

    try:
        parsed = dateparser.parse(candidate, settings=_DATEPARSER_SETTINGS)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        return None
    return _ymd(parsed.year, parsed.month, parsed.day) if parsed else None
