"""Short made-up news articles about town partnerships, for tests that need many varied articles.

Written for these tests (no real article is quoted): towns twin, plan
cooperation, receive delegations; some articles are corrected later (same
doc, new text) and some are syndicated copies (same text, another doc).
"""
from __future__ import annotations

from amity.model import Article

TOWNS = ["Bergen", "Gdańsk", "Porto", "Lyon", "Kraków", "Nuremberg", "Rotterdam", "Bilbao", "Busan", "Kyoto",
         "Turku", "Ghent"]
PEOPLE = ["Anna Lindqvist", "Marek Nowicki", "Rui Carvalho", "Claire Dubois", "Jonas Weber", "Ines Etxeberria"]


def _story(i: int) -> tuple[str, str]:
    a, b = TOWNS[i % len(TOWNS)], TOWNS[(i * 5 + 3) % len(TOWNS)]
    if a == b:
        b = TOWNS[(i + 1) % len(TOWNS)]
    person = PEOPLE[i % len(PEOPLE)]
    day = i % 27 + 1
    kind = i % 4
    if kind == 0:
        return (f"{a} and {b} sign a twinning agreement",
                f"The mayors of {a} and {b} signed a sister city agreement on {day} March 2024 in {a}. "
                f"Mayor {person} of {a} said the partnership would bring school exchanges.")
    if kind == 1:
        return (f"{a} plans cooperation with {b}",
                f"{a} and {b} plan to sign a cooperation agreement on ports next year, the city council of {a} "
                f"said on {day} April 2024.")
    if kind == 2:
        return (f"Delegation from {b} in {a}",
                f"A delegation from {b} led by {person} visited {a} on {day} May 2024 to talk about tourism. "
                f"The two cities have been twinned since 1998.")
    return (f"{a} and {b} meet on trade",
            f"Representatives of {a} and {b} met in {b} on {day} June 2024 and agreed to cooperate on "
            f"renewable energy. {person} chaired the meeting.")


def synthetic_articles(count: int, *, corrections: bool = True) -> list[Article]:
    """`count` articles in order; every 7th is followed later by its correction, every 9th by a copy."""
    out: list[Article] = []
    for i in range(count):
        title, text = _story(i)
        out.append(Article(doc=f"news-{i:05d}.txt", text=text, title=title, published="2024-07-01",
                           url=f"https://news.example/{i}"))
        if not corrections:
            continue
        if i % 7 == 3:  # a correction of an earlier article: same doc and url, other text
            earlier = out[-3] if len(out) >= 3 else out[0]
            out.append(Article(doc=earlier.doc, text=earlier.text.replace("2024", "2023", 1), title=earlier.title,
                               published=earlier.published, url=earlier.url))
        if i % 9 == 4:  # a syndicated copy: same text under another name
            out.append(Article(doc=f"copy-{i:05d}.txt", text=text, title=title, published="2024-07-01"))
    return out
