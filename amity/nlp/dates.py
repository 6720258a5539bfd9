"""spaCy component `amity_dates`: find date expressions and resolve them against the publication date.

Absolute dates ("30-31 May 2022", "December 20, 2021", "25.12.2021"), partial
ones ("December 20", "in March 2022", "in 2015") and relative ones ("today",
"tomorrow", "on Monday", "last year", "last week") become ISO strings at the
precision the text gives: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or a `start/end` span.
Regular expressions do the finding, so the cost stays linear in the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from amity.nlp.lexicons import read_json, triggers
from amity.nlp.mentions import register_extensions

_WORDS = read_json("dates.json")


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, words))


#: Month names and abbreviations (lower case, without a full stop) → month number.
_MONTHS: dict[str, int] = {name.lower(): i + 1 for i, name in enumerate(_WORDS["month_names"])} | \
    {abbr.lower(): month for abbr, month in _WORDS["month_abbreviations"].items()}
_WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(_WORDS["weekday_names"])}
_WEEKDAY = _alternation(_WORDS["weekday_names"])


def _initials(words: list[str]) -> str:
    """A lookahead for the letters `words` begin with, in either case. Put before an alternation of the words, it
    lets `re` pass over a position no word can start at with one test, where it would try every word there: a
    pattern's search costs about half as much, and matches the same."""
    letters = {c for w in words for c in (w[0], w[0].lower(), w[0].upper())}
    return f"(?=[{re.escape(''.join(sorted(letters)))}])"


_PIECES = {
    "{MONTH}": _initials([*_WORDS["month_names"], *_WORDS["month_abbreviations"]]) + "(?P<month>" + "|".join(
        [*_WORDS["month_names"], *(re.escape(a) + r"\." + "?" for a in _WORDS["month_abbreviations"])]) + ")",
    "{DAY}": r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?",
    "{DAY2}": r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?",
    "{YEAR}": r"(?P<year>(?:19|20)\d\d)",
    "{WEEKDAY_OPT}": rf"(?:{_initials(_WORDS['weekday_names'])}(?P<weekday>{_WEEKDAY}),?\s+)?",
    "{WEEKDAY}": _WEEKDAY,
    "{NOT_DAY_NOUNS}": _alternation(_WORDS["not_day_nouns"]),
    "{COUNTS}": _alternation(list(_WORDS["day_counts"])),
    "{DAY_PARTS}": _alternation(_WORDS["day_parts"]),
    "{DAY_TIMES}": _alternation(_WORDS["day_times"]),
}


def _pattern(template: str, ignore_case: bool) -> re.Pattern[str]:
    for piece, regex in _PIECES.items():
        template = template.replace(piece, regex)
    return re.compile(template, re.I if ignore_case else 0)


_PATTERNS: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    (p["kind"], _pattern(p["pattern"], p["ignore_case"]), tuple(p.get("needs", ()))) for p in _WORDS["patterns"]]
#: The words of the patterns' `needs`, each looked for with `re`'s own case folding, as the patterns match them
#: (not `str.lower`'s: "ſ" is an "s" to `re`), so that a text where none is found has no match of the pattern.
_NEEDED: dict[str, re.Pattern[str]] = {word: re.compile(re.escape(word), re.I) for _, _, needs in _PATTERNS for word in needs}
_YEAR_CARRY_CHARS = 200
_RELATIVE_KINDS = frozenset(p["kind"] for p in _WORDS["patterns"] if p["relative"])
#: The month each season starts and ends in (northern hemisphere; winter runs into the next year).
_SEASONS: dict[str, tuple[int, int]] = {season: (first, last) for season, (first, last) in _WORDS["seasons"].items()}
_COUNTS: dict[str, int] = _WORDS["day_counts"]
_COMMON_WORD_MONTHS = frozenset(_WORDS["common_word_months"])
#: Kinds that name a month with no day or year: a month there may be a person's first name.
_BARE_MONTH_KINDS = frozenset(("month_only", "month_named_relative"))


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: its character span in the text and ISO value."""

    start: int
    end: int
    text: str
    value: str | None
    explicit_year: bool = False
    #: Resolved against the publication date ("today", "on Monday", "last year").
    relative: bool = False
    #: Told as before the story's own time ("earlier this month"): background, not the story's day.
    before_story: bool = False
    #: The day a wire was filed, in its dateline a day or two before publication ("BAKU, Sept 13 -").
    filed: bool = False


@Language.factory("amity_dates", default_config={"year_carry_chars": _YEAR_CARRY_CHARS})
def make_dates(nlp: Language, name: str, year_carry_chars: int) -> DateFinder:
    return DateFinder(year_carry_chars)


class DateFinder:
    def __init__(self, year_carry_chars: int = _YEAR_CARRY_CHARS) -> None:
        register_extensions()
        self.year_carry_chars = year_carry_chars

    def __call__(self, doc: Doc) -> Doc:
        names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        doc._.dates = find_dates(doc.text, _parse_iso(doc._.published), self.year_carry_chars, names)
        return doc


def dates_between(dates: list[DateMention], lo: int, hi: int) -> list[DateMention]:
    """The dates (in text order, as `find_dates` gives them) that start at a character in [lo, hi), found by
    bisection: sentences ask for theirs one by one, and a scan of every date each time made long articles
    quadratic."""
    return dates[bisect_left(dates, lo, key=_start) : bisect_left(dates, hi, key=_start)]


def _start(mention: DateMention) -> int:
    return mention.start


def find_dates(text: str, published: date | None, year_carry_chars: int = _YEAR_CARRY_CHARS,
               names: list[tuple[int, int]] | None = None) -> list[DateMention]:
    """All date expressions in `text`, earliest first, none overlapping; `names` are the spans of people's
    names, in which a month word is a name ("a dinner for May Chen"), no date."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    present: dict[str, bool] = {}  # a word several patterns need ("year") is looked for once
    for kind, pattern, needs in _PATTERNS:
        if needs and not any(_contains(text, word, present) for word in needs):
            continue  # no match possible: a text searched for a word costs far less than for a pattern
        for match in pattern.finditer(text):
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken) or _month_is_no_month(match, kind, names):
                continue
            taken.append((s, e))
            found.append((s, e, kind, match))
    found.sort()
    filed = _dateline_day(text, found, published)
    published = filed[0] if filed else published
    out: list[DateMention] = []
    default_year = published.year if published else None
    last_year, last_end = None, -1
    last_month: tuple[int, int] | None = None  # (year, month) of the last date that named both
    offsets: set[int] = set()  # positions in `out` of the days counted from another ("the day before")
    for s, e, kind, match in found:
        if kind == "weekday_day":
            out.append(DateMention(s, e, match.group(0), _weekday_day(match, last_month, published), False,
                                   last_month is None))
            continue
        if kind == "day_of_month":  # "On the 12th, the council voted"
            out.append(DateMention(s, e, match.group(0), _day_of_month(match, last_month, published, text), False,
                                   last_month is None))
            continue
        if kind == "day_offset":  # "a day later", "the next day", "two days after the forum"
            anchor = _offset_anchor(text, e, out, offsets)
            offsets.add(len(out))
            out.append(DateMention(s, e, match.group(0), _day_offset(match, anchor), False, False))
            continue
        # a year written just before carries over ("on 3 March 2022 ... on 5 April"); further away,
        # the publication date decides
        near = last_year is not None and (published is None or s - last_end < year_carry_chars
                                          and "\n" not in text[last_end:s])
        if near and published is not None and last_year is not None and last_year < published.year \
                and _SENTENCE_END.search(text[last_end : s + 1]) and _PLAN.search(_sentence_around(text, s, e)):
            near = False  # "They first signed in 2015. In October, the mayor will ...": a plan is no earlier year's
        context_year = last_year if near else default_year
        value = _resolve(kind, match, published, context_year, text)
        if kind == "season" and not (match.group("year") or match.group("yrel")):
            value = _season_of_year_told(match, out, text) or value
        explicit = "year" in match.groupdict() and bool(match.groupdict().get("year"))
        if explicit and not (kind == "year" and match.group(0)[:5].lower() == "since"):
            # "twinned since 1995. In May, ..." is this May: a span up to now sets no year for what follows
            last_year, last_end = int(match.group("year")), e
        elif kind in ("relative_period", "earlier_period") and match.group("unit").lower() == "year" and value:
            last_year, last_end = int(value[:4]), e  # "Last year the mayors agreed ..., and in September ..."
        out.append(DateMention(s, e, match.group(0), value, explicit, kind in _RELATIVE_KINDS, kind == "earlier_period",
                               filed is not None and s == filed[1]))
        if value and len(value.split("/")[0]) >= 7:
            last_month = (int(value[:4]), int(value[5:7]))
    return out


def _contains(text: str, word: str, present: dict[str, bool]) -> bool:
    if word not in present:
        present[word] = _NEEDED[word].search(text) is not None
    return present[word]


#: A wire's dateline: the place it was filed from, then its day ("HANOI, Oct 15 (VNA) –", "ASTANA. 15 October. KAZINFORM –").
#: Upper-case letters of the cased scripts (Latin, Greek, Cyrillic, Armenian, Georgian ...): "ÖREBRO" is a
#: dateline place as "HANOI" is; `re` has no class for them.
_UPPER = "".join(c for c in map(chr, range(0x2000)) if c.isupper())
_PLACE_WORD = rf"[{_UPPER}][\w.'-]*(?:[ -][{_UPPER}][\w.'-]*){{0,3}}"
_DATELINE_PLACE = re.compile(rf"(?:^|\n)[ \t]*{_PLACE_WORD}(?:,[ \t]*{_PLACE_WORD})?[,.][ \t]*$")
#: How far a dateline's place, its first day and the publication date may lie apart (reasons in dates.json).
_DATELINE_PLACE_CHARS: int = _WORDS["dateline"]["place_chars"]
_DATELINE_CHARS: int = _WORDS["dateline"]["lead_chars"]
_DATELINE_DAYS: int = _WORDS["dateline"]["days_before_publication"]


def _dateline_day(text: str, found: list[tuple[int, int, str, re.Match[str]]],
                  published: date | None) -> tuple[date, int] | None:
    """The day a wire was filed, written in its dateline a day or two before the page was published, and where it is
    written: "today", "yesterday" and "on Monday" in the story count from it, not from the publication date."""
    if published is None:
        return None
    for s, _, kind, match in found:
        if s > _DATELINE_CHARS:
            return None
        # searched within the text, not a slice of it: `^` is then the text's real start, not the slice's
        if kind not in ("day_month", "month_day") or not _DATELINE_PLACE.search(text, max(0, s - _DATELINE_PLACE_CHARS), s):
            continue
        day = _parse_iso(_ymd(int(match.group("year")) if match.group("year") else published.year, _month(match),
                              int(match.group("day"))))
        return (day, s) if day is not None and 0 < (published - day).days <= _DATELINE_DAYS else None
    return None


def _month_is_no_month(match: re.Match[str], kind: str, names: list[tuple[int, int]] | None) -> bool:
    """"the ports in may sign", "a march in the capital": a bare month name that is also a common word is a month
    only when written with a capital (with a day or a year, "on 5 may 2021", it is a month however written); and a
    bare month in or right before a person's name ("for April Lee") is the name."""
    month = match.groupdict().get("month")
    if not month or kind not in _BARE_MONTH_KINDS:
        return False
    if month[0].islower() and month.lower() in _COMMON_WORD_MONTHS:
        return True
    if not names:
        return False
    s, e = match.span("month")
    # the tagger may take "Chen" alone for the name of "for May Chen": a month right before a name is its first word
    return any(ns <= s and e <= ne or ns == e + 1 and match.string[e] == " " for ns, ne in names)


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _month(match: re.Match[str]) -> int | None:
    if match.groupdict().get("mnum"):
        return int(match.group("mnum"))
    name = (match.groupdict().get("month") or "").lower().rstrip(".")
    return _MONTHS.get(name)


def _ymd(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], published: date | None, context_year: int | None, text: str) -> str | None:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else context_year
    if not g.get("year") and published is not None and year == published.year and context_year == published.year \
            and _month(m):
        year = _year_around(published, _month(m), int(g["day"]) if g.get("day") else None, m, text)
    if kind in ("iso", "numeric", "day_month", "month_day"):
        return _ymd(year, _month(m), int(g["day"]))
    if kind in ("day_span", "month_day_span", "numeric_span"):
        start = _ymd(year, _month(m), int(g["day"]))
        end = _ymd(year, _month(m), int(g["day2"]))
        if start and end and start < end:
            return f"{start}/{end}"
        return start
    if kind in ("month_year", "month_only"):
        return _ymd(year, _month(m), None)
    if kind == "month_named_relative":  # "last May": the latest May before the publication month
        month, rel = _month(m), g["rel"].lower()
        if published is None or month is None:
            return None
        shift = -1 if rel == "last" and month >= published.month else 1 if rel == "next" and month <= published.month else 0
        return _ymd(published.year + shift, month, None)
    if kind == "month_relative":
        if published is None:
            return None
        shift = {"last": -1, "next": 1, "this": 0}[g["rel"].lower()]
        return _ymd(published.year + shift, _month(m), None)
    if kind in ("quarter", "year"):
        return _ymd(year, None, None)
    if kind == "season" and g.get("year"):  # "in the summer of 2021"
        return _season_span(g["season"].lower(), int(g["year"]))
    if published is None:
        return None
    if kind == "relative_day":
        rel = g["rel"].lower()
        shift = 0 if rel.startswith("this") else {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[rel] * (2 if g["beyond"] else 1)
        return (published + timedelta(days=shift)).isoformat()
    if kind == "days_ago":  # "two days ago", "a week ago"
        count = int(g["count"]) if g["count"].isdigit() else day_count(g["count"]) or 1
        return (published - timedelta(days=count * (7 if g["unit"].lower().startswith("week") else 1))).isoformat()
    if kind == "weekend":
        return _weekend((g.get("rel") or "").lower(), m, published, text)
    if kind == "relative_period":
        return _relative_period(g["rel"].lower(), g["unit"].lower(), published)
    if kind == "earlier_period":
        return _earlier_in_period(g["unit"].lower(), published)
    if kind == "weekday_of_week":  # "on Tuesday of last week": that day of the week named
        monday = date.fromisoformat(_relative_period(g["rel"].lower(), "week", published).split("/")[0])
        return (monday + timedelta(days=_WEEKDAYS[g["weekday"].lower()])).isoformat()
    if kind == "season":
        season = g["season"].lower()
        if context_year is not None and context_year != published.year:  # "in 2026, in the summer"
            return _season_span(season, context_year)
        if g.get("yrel"):  # "in the autumn of next year"
            return _season_span(season, published.year + {"last": -1, "next": 1, "this": 0}[g["yrel"].lower()])
        return _season_span(season, _season_year(season, (g.get("rel") or "").lower(), published, m, text))
    if kind == "year_end":  # "by the end of the year": the year of publication
        return f"{published.year:04d}"
    if kind == "weekday":
        return _weekday(g["weekday"].lower(), m, published, text).isoformat()
    if kind == "weekday_span":  # "on Monday and Tuesday"
        first = _weekday(g["weekday"].lower(), m, published, text)
        last = first + timedelta(days=(_WEEKDAYS[g["weekday2"].lower()] - first.weekday()) % 7)
        return f"{first.isoformat()}/{last.isoformat()}" if last > first else first.isoformat()
    return None


_BACKWARD = frozenset(_WORDS["backward_offset_words"])
_OFFSET_ANCHOR_WORDS: int = _WORDS["offset_anchor_words"]
_OFFSET_STEM: int = _WORDS["offset_stem_chars"]
_NAMED_ANCHOR = re.compile(rf"(?:\s+of)?\s+(?:{_alternation(_WORDS['offset_anchor_determiners'])})\s+([\w-]+(?:\s+[\w-]+){{0,{_OFFSET_ANCHOR_WORDS - 1}}})")


#: The verb closing an offset's anchor ("the day before the forum opened"): any sentence may tell that something
#: opened, so only the noun names the occurrence counted from.
_ANCHOR_VERB = re.compile(rf"\w+ed|{_alternation(_WORDS['irregular_past_verbs'])}")


def _offset_anchor(text: str, end: int, told: list[DateMention], offsets: set[int]) -> str | None:
    """The day an offset counts from. "Two days after the forum", "on the eve of the signing": the last day told
    in a sentence naming what follows the offset (a day counted from another is no such day: "The day before the
    forum opened ... Two days after the forum" counts from the forum's own days); otherwise, and "a week later",
    "the next morning": the last day the text named."""
    days = [(k, d) for k, d in enumerate(told) if d.value and len(d.value.split("/")[0]) == 10]
    named = _NAMED_ANCHOR.match(text, end)
    if named is not None:
        stems = {w[:_OFFSET_STEM] for w in named.group(1).lower().split() if len(w) >= _OFFSET_STEM
                 and not _ANCHOR_VERB.fullmatch(w)}
        for k, d in reversed(days):
            if k not in offsets and stems and any(w[:_OFFSET_STEM] in stems for w in
                                                   re.findall(r"[\w-]+", _sentence_around(text, d.start, d.end))):
                return d.value
    return days[-1][1].value if days else None


def _day_offset(m: re.Match[str], anchor: str | None) -> str | None:
    """"a day later", "two days after", "the following day", "a week later", "the next morning" after the span or
    day counted from: from its last day; "the day before", "two days earlier", "on the eve": from its first; "that
    evening": that day; "the following week": the week after that day's (Monday to Sunday)."""
    if anchor is None:
        return None
    g = {k: (v or "").lower() for k, v in m.groupdict().items()}
    start, _, end = anchor.partition("/")
    if g["same"]:
        return start if _parse_iso(start) is not None else None
    if g["week"]:
        first = _parse_iso(end or start) if g["week"] == "following" else _parse_iso(start)
        if first is None:
            return None
        monday = first - timedelta(days=first.weekday()) + timedelta(weeks=1 if g["week"] == "following" else -1)
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
    forward = not (g["eve"] or g["next"] in _BACKWARD or g["dir"] in _BACKWARD)
    days = (_COUNTS.get(g["count"]) or int(g["count"]) if g["count"] else 1) * (7 if g["unit"].startswith("week") else 1)
    day = _parse_iso(end or start) if forward else _parse_iso(start)
    if day is None:
        return None
    return (day + timedelta(days=days if forward else -days)).isoformat()


_FUTURE = re.compile(rf"\b({_alternation(_WORDS['future_words'])})\b")
_PLAN = re.compile(rf"\b({_alternation(_WORDS['plan_words'])})\b")
_WEEKDAY_FUTURE = re.compile(rf"\b({_alternation(_WORDS['weekday_future_words'])})\b")


def _year_around(published: date, month: int, day: int | None, m: re.Match[str], text: str) -> int:
    """The year of "20 December" in a story published on 10 January: the last such day before
    publication when the sentence tells of the past, the next one when it tells of the future. A sentence
    with no tense cue says so only for a day far off; one with a verb in the past ("In August the city
    hosted ...", told in February) is last year's for any day still to come."""
    window = _sentence_around(text, m.start(), m.end())
    future = bool(_FUTURE.search(window))
    key = (month, day or 1)
    if future and key < (published.month, published.day) and published.month - month > 6:
        return published.year + 1
    if not future and key > (published.month, published.day) and (month - published.month > 6 and not _decided_before(text, m.start())
                                                                    or _TOLD_PAST.search(window)
                                                                    or _after_past_verb(text, m.start())):
        return published.year - 1
    return published.year


_DECIDED = re.compile(rf"\b(?:{_alternation(_WORDS['deciding_verbs'])})\b")


def _decided_before(text: str, start: int) -> bool:
    """"The committee approved a plan for a visit in October", told in February: a month far ahead told after a verb
    of deciding in its sentence is what was decided, still to come, not last year's ("In October the city hosted ...",
    "confirmed that the exhibition in October attracted guests"; right after the verb, "approved in October", it
    dates the deciding: `_after_past_verb`)."""
    before = text[max(0, start - 120) : start]
    cuts = list(_SENTENCE_END.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    return bool(_DECIDED.search(before.lower()))


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"])|\n")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The lower-cased text around a date, up to 120 characters before and 60 after it but not
    beyond its sentence: the tense of the next sentence says nothing of this one's date."""
    before = text[max(0, start - 120) : start]
    cuts = list(_SENTENCE_END.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    after = text[end : end + 60]
    cut = _SENTENCE_END.search(after)
    if cut:
        after = after[: cut.start()]
    return (before + text[start:end] + after).lower()


def _day_of_month(m: re.Match[str], month: tuple[int, int] | None, published: date | None, text: str) -> str | None:
    """"on the 12th": that day of the month the text was last speaking of; else of the publication month,
    or of the month before when that day is still to come and the sentence tells of the past (or the
    month after, in the future)."""
    day = int(m.group("day"))
    if month is None:
        if published is None:
            return None
        month = (published.year, published.month)
        future = bool(_FUTURE.search(_sentence_around(text, m.start(), m.end())))
        if day > published.day and not future:
            month = (month[0] - (month[1] == 1), (month[1] - 2) % 12 + 1)
        elif day < published.day and future:
            month = (month[0] + (month[1] == 12), month[1] % 12 + 1)
    try:
        return date(month[0], month[1], day).isoformat()
    except ValueError:
        return None


def _weekday_day(m: re.Match[str], month: tuple[int, int] | None, published: date | None) -> str | None:
    """"on Saturday 4th": that day of the month the text was last speaking of (else the month of
    publication), when it does fall on that weekday; no guess otherwise."""
    if month is None:
        if published is None:
            return None
        month = (published.year, published.month)
    try:
        day = date(month[0], month[1], int(m.group("day")))
    except ValueError:
        return None
    return day.isoformat() if day.weekday() == _WEEKDAYS[m.group("weekday").lower()] else None


_NOT_PAST = "".join(rf"(?<!\b{re.escape(word)} )" for word in _WORDS["not_past_auxiliaries"])
_PAST_BEFORE = re.compile(rf"{_NOT_PAST}\b(?:\w+ed|{_alternation(_WORDS['irregular_past_verbs'])})"
                          r"(?:\s+(?:in|to|at)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?\s+(?:on\s+)?$")


_PAST_VERB = re.compile(rf"{_NOT_PAST}(?<!\bbeen )"
                        rf"\b(?:{'|'.join(map(re.escape, triggers()['past_verbs']))})\b")
#: A past verb that tells of the month's own clause: not one of saying or deciding ("agreed that the festival takes
#: place in August"), which dates the month only right before it (`_after_past_verb`).
_TOLD_PAST_VERBS = [verb for verb in triggers()["past_verbs"] if verb not in _WORDS["reporting_verbs"]]
_TOLD_PAST = re.compile(rf"{_NOT_PAST}(?<!\bbeen )\b(?:{_alternation(_TOLD_PAST_VERBS)})\b")
_FUTURE_CUE = re.compile(rf"\b(?:{'|'.join(map(re.escape, triggers()['future_cues']))})\b")


def _tense_before(text: str, start: int) -> bool | None:
    """"signed a memorandum on Tuesday that will boost trade", "X, who will travel in August, met Y on Tuesday":
    the verb told nearest before a weekday in its sentence dates it; True for a plan, False for the past, None
    when the sentence names neither before it."""
    before = text[max(0, start - 160) : start]
    cuts = list(_SENTENCE_END.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    past = [m.end() for m in _PAST_VERB.finditer(before)]
    future = [m.end() for m in _FUTURE_CUE.finditer(before.lower())]
    if not past and not future:
        return None
    return bool(future) and (not past or future[-1] > past[-1])


def _after_past_verb(text: str, start: int) -> bool:
    """"arrived on Sunday", "met in Osh on Monday": a weekday right after a verb in the past tense
    (and perhaps the place it names) dates that past occurrence, whatever else the sentence plans."""
    return bool(_PAST_BEFORE.search(text[max(0, start - 60) : start]))


def _season_year(season: str, rel: str, published: date, m: re.Match[str], text: str) -> int:
    """The year of "next spring", "last summer", "in the autumn": the season's next occurrence for
    "next" (or for a sentence that tells of the future once this year's is over), its last for "last"
    (or for a sentence in the past before this year's has begun), else the one of the publication year.
    """
    first, last = _SEASONS[season]
    now = published.month + (12 if season == "winter" and published.month <= 2 else 0)
    year = published.year - (1 if season == "winter" and published.month <= 2 else 0)
    future = bool(_FUTURE.search(_sentence_around(text, m.start(), m.end())))
    if rel == "next" and now >= first or rel in ("coming", "") and future and now > last:
        year += 1
    elif rel == "last" and now <= last or rel == "" and not future and now < first:
        year -= 1  # "visited Osh in the autumn", told in June: last year's
    return year


def _season_of_year_told(m: re.Match[str], before: list[DateMention], text: str) -> str | None:
    """"next year, probably in the autumn": a season takes the year named just before it in its sentence."""
    told = before[-1] if before else None
    if told is None or told.value is None or len(told.value) != 4 or m.start() - told.end > 80 \
            or _SENTENCE_END.search(text[told.end : m.end()]):
        return None
    return _season_span(m.group("season").lower(), int(told.value))


def _season_span(season: str, year: int) -> str:
    """A season as the span of its months ("2025-09/2025-11"), so that one to come reads as planned."""
    first, last = _SEASONS[season]
    return f"{year:04d}-{first:02d}/{year + (last - 1) // 12:04d}-{(last - 1) % 12 + 1:02d}"


def _relative_period(rel: str, unit: str, published: date) -> str:
    sign = -1 if rel in ("last", "past") else (1 if rel in ("next", "coming") else 0)
    if unit == "year":
        return f"{published.year + sign:04d}"
    if unit == "month":
        month = published.month + sign
        year = published.year + (month - 1) // 12
        return f"{year:04d}-{(month - 1) % 12 + 1:02d}"
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=sign)
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def _earlier_in_period(unit: str, published: date) -> str:
    """"earlier this month", told on 12 March: the days of the period before publication ("2025-03-01/2025-03-11"),
    so that it is not the story's own day; the period itself when publication is its first day."""
    period = _relative_period("this", unit, published)
    first = _bounds(period)
    if first is None or first[0] >= published:
        return period
    return f"{first[0].isoformat()}/{(published - timedelta(days=1)).isoformat()}"


def _weekday(name: str, m: re.Match[str], published: date, text: str) -> date:
    """The named weekday nearest the publication date, forward when the sentence speaks of the future."""
    target = _WEEKDAYS[name]
    window = _sentence_around(text, m.start(), m.end())
    prefix = m.group(0).lower()
    future = prefix.startswith("next") or _WEEKDAY_FUTURE.search(window)
    if prefix.startswith("last") or _after_past_verb(text, m.start()):
        future = False  # "the delegation, which arrived in Osh on Sunday, will stay ...": the verb it dates
    elif not prefix.startswith("next") and (tense := _tense_before(text, m.start())) is not None:
        future = tense
    delta = (target - published.weekday()) % 7
    if future:
        return published + timedelta(days=delta)
    back = (published.weekday() - target) % 7
    return published - timedelta(days=back)


def _weekend(rel: str, m: re.Match[str], published: date, text: str) -> str:
    """"over the weekend", "last weekend": the Saturday and Sunday before publication (a Sunday paper's own weekend);
    "next weekend", or "the weekend" in a sentence of the future, the coming ones. "This weekend" is the page's own
    weekend when published on one, else the coming one unless its sentence tells of the past."""
    on_weekend = published.weekday() >= 5
    coming = _weekday("saturday", m, published, text) > published
    if rel == "this" and not on_weekend:
        coming = coming or not _PAST_VERB.search(_sentence_around(text, m.start(), m.end()))
    if rel in ("next", "coming") or rel in ("", "this") and not on_weekend and coming:
        saturday = published + timedelta(days=(5 - published.weekday()) % 7 or (7 if rel == "next" else 0))
    else:
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"


def day_count(word: str) -> int | None:
    """The number a count word or numeral names ("three", "3"), as in "a three-day visit"."""
    return _COUNTS.get(word.lower()) or (int(word) if word.isdigit() and 0 < int(word) < 32 else None)


def shift_days(value: str, days: int) -> str | None:
    """The day `days` after the start of an ISO date or span ("on the second day")."""
    start = _parse_iso(value.split("/")[0]) if value and len(value.split("/")[0]) == 10 else None
    return (start + timedelta(days=days)).isoformat() if start else None


@lru_cache(maxsize=4096)
def _bounds(value: str) -> tuple[date, date] | None:
    """The first and last day an ISO date, month, year or span covers (kept: a long article's events
    compare the same few dates with each other hundreds of thousands of times)."""
    first, _, last = value.partition("/")
    last = last or first

    def edge(part: str, end: bool) -> date | None:
        pieces = part.split("-")
        try:
            if len(pieces) == 1:
                return date(int(pieces[0]), 12, 31) if end else date(int(pieces[0]), 1, 1)
            if len(pieces) == 2:
                year, month = int(pieces[0]), int(pieces[1])
                if not end:
                    return date(year, month, 1)
                return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
            return date.fromisoformat(part)
        except ValueError:
            return None

    lo, hi = edge(first, False), edge(last, True)
    return (lo, hi) if lo and hi else None


def within(inner: str | None, outer: str | None) -> bool:
    """Whether every day of `inner` lies in `outer` ("2025-07-01/2025-07-02" within "2025-06-30/2025-07-06",
    "2025-07-14" within "2025-07")."""
    a, b = _bounds(inner or ""), _bounds(outer or "")
    return bool(a and b and b[0] <= a[0] and a[1] <= b[1])


def long_before(value: str | None, published: str | None, days: int) -> bool:
    """Whether a date ended more than `days` days before publication: background to the story ("In 2004
    they signed their first agreement"), not the occurrence it reports."""
    span, pub = _bounds(value or ""), _parse_iso(published)
    return bool(span and pub and (pub - span[1]).days > days)
