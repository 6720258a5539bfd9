"""Extraction time against article length: time per KB must stay flat from 10 KB to 500 KB.

    python benchmarks/length.py                      # 10, 25, 50, 100, 250, 500 KB
    python benchmarks/length.py --sizes 10 50        # chosen sizes (KB)
    python benchmarks/length.py --profile 25         # where the time of one 25 KB article goes

Each article is one long run of paragraphs written here (no article text from
anywhere else): meetings, visits and agreements between many towns, with
mayors and organisations named over and over, paragraphs of a dozen
sentences and one sentence per paragraph that lists some sixty names. That is the shape that
made extraction quadratic (every mention of a name re-read its sentence).
The pipeline is loaded and warmed up before anything is timed; each size is
timed once (`amity.nlp.extract_one` on one article) and printed with its
time per KB. The figures are for comparing sizes on one machine: other work
on the machine moves them all.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from amity.model import Article

TOWNS = ["Ankara", "Bursa", "Izmir", "Konya", "Gdańsk", "Bergen", "Turku", "Tartu", "Aarhus", "Porto", "Lyon",
         "Graz", "Brno", "Kraków", "Malmö", "Cork", "Ghent", "Split", "Pécs", "Kaunas", "Busan", "Osaka",
         "Valparaíso", "Mendoza", "Cusco", "Rosario", "Durban", "Kumasi", "Mombasa", "Hue"]
PEOPLE = ["Ewa Lindqvist", "Knut Aasen", "Aida Bekova", "Pedro Salgado", "Mina Okafor", "Lars Holm", "Yuki Tanaka",
          "Ana Ribeiro", "Omar Haddad", "Ilse Brandt"]
ORGS = ["the Baltic Ports Council", "the Union of Harbour Towns", "the Andean Trade Office",
        "the Coastal Cities Network", "the Danube Culture Fund"]
SENTENCES = [
    "The Mayor of {a}, {p}, met the Mayor of {b} on {d} to discuss the sister city agreement.",
    "{a} and {b} signed a memorandum of understanding on cultural exchange on {d}.",
    "A delegation from {a} visited {b} on {d}, where {p} welcomed them on behalf of {o}.",
    "{o} said that {a} and {b} will sign a cooperation agreement in {m}.",
    "{p} told reporters in {a} that the partnership with {b} had grown since {y}.",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def article_of(kilobytes: int, seed: int = 7) -> Article:
    """An article of about `kilobytes` KB in paragraphs of twelve sentences, some listing twenty towns."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < kilobytes * 1000:
        sentences = []
        for _ in range(12):
            a, b = rng.sample(TOWNS, 2)
            day = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2024)}"
            sentences.append(rng.choice(SENTENCES).format(a=a, b=b, p=rng.choice(PEOPLE), o=rng.choice(ORGS), d=day,
                                                          m=f"{rng.choice(MONTHS)} {rng.randint(2025, 2027)}",
                                                          y=rng.randint(2000, 2014)))
        listed = rng.sample(TOWNS, 20) + rng.sample(PEOPLE, 6) + rng.sample(TOWNS, 20)
        sentences.append(f"Representatives of {', '.join(listed[:-1])} and {listed[-1]} attended the forum in "
                         f"{rng.choice(TOWNS)}, which {rng.choice(ORGS)} organised with the help of "
                         f"{', '.join(rng.sample(TOWNS, 12))}.")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return Article(doc=f"long-{kilobytes}kb.txt", text="\n\n".join(paragraphs), published="2024-12-31")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 25, 50, 100, 250, 500], help="KB")
    parser.add_argument("--profile", type=int, metavar="KB", help="profile one article of this size instead")
    args = parser.parse_args()

    from amity.nlp.pipeline import extract_one, load_pipeline

    load_pipeline()
    extract_one(article_of(2))  # warm-up: first-call set-up is not the article's length
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(extract_one, article_of(args.profile))
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return
    print(f"{'KB':>6} {'seconds':>9} {'ms/KB':>7} {'entities':>9} {'events':>7} {'ties':>5}")
    for kilobytes in args.sizes:
        article = article_of(kilobytes)
        actual = len(article.text.encode("utf-8")) / 1000
        started = time.perf_counter()
        record = extract_one(article)
        seconds = time.perf_counter() - started
        print(f"{actual:6.0f} {seconds:9.2f} {1000 * seconds / actual:7.1f} {len(record.entities):9} "
              f"{len(record.events):7} {len(record.ties):5}", flush=True)


if __name__ == "__main__":
    main()
