"""The articles the browser tests ingest, written for these tests (no sentence is taken from real news).

Each is short and plainly worded, so that Amity's reader finds its ties in
about a second: a signed sister-city agreement, a planned twinning, a
memorandum between two ministries, and one hostile article whose title,
URL and sentences carry markup that would run script if any page of the
site let it through.
"""
from __future__ import annotations

import json
from pathlib import Path

#: Each payload sets window.__pwned (or opens a dialog) if the browser ever runs it.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
LINK = '<a href="javascript:window.__pwned=1">x</a>'
SVG = "<svg onload=alert(1)>"
PAYLOADS = (SCRIPT, IMG, LINK, SVG)

SIGNED_SENTENCE = ("Mayor Erkin Tursunov of Samarkand and Mayor Selin Aksoy of Bursa signed a sister city agreement "
                   "on 11 May 2023.")

ARTICLES = [
    {"doc": "samarkand-bursa", "title": "Samarkand and Bursa become sister cities", "published": "2023-05-12",
     "text": f"SAMARKAND, May 12, 2023 — {SIGNED_SENTENCE}\n\n"
             "The two cities plan student exchanges and a joint festival of silk crafts next year."},
    {"doc": "lisbon-maputo", "title": "Lisbon and Maputo plan a twinning", "published": "2023-06-02",
     "text": "LISBON, June 2, 2023 — Lisbon and Maputo plan to sign a twinning agreement in September 2023.\n\n"
             "A delegation from Maputo visited Lisbon on 1 June 2023 to prepare the text."},
    {"doc": "ghana-korea", "title": "Ghana and South Korea sign a fisheries memorandum", "published": "2023-07-20",
     "text": "ACCRA, July 20, 2023 — The Ministry of Fisheries of Ghana and the Ministry of Oceans of South Korea "
             "signed a memorandum of understanding on fisheries research on 19 July 2023.\n\n"
             "Ghana and South Korea also signed an agreement on maritime transport."},
    {"doc": "hostile", "title": f"Tbilisi {IMG} and Kutaisi", "published": "2023-08-15",
     "url": "javascript:window.__pwned=1",
     "text": f"TBILISI, August 15, 2023 — Mayor Nino Beridze of Tbilisi visited Kutaisi on 14 August 2023 {SCRIPT} "
             "to discuss tourism.\n\n"
             f"The Mayor of Kutaisi, Levan Kapanadze, said {IMG} the visit opened a new chapter {SVG}.\n\n"
             f"Tbilisi and Kutaisi signed a cooperation agreement {LINK} on 14 August 2023."},
]

#: The title of the hostile article as a page shows it: as text.
HOSTILE_TITLE = ARTICLES[3]["title"]


def write_corpus(folder: Path) -> Path:
    """The articles as one JSON Lines file in `folder`, ready for `amity ingest`."""
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path
