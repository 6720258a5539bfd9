"""A doc's token list, made once and shared by the components: the same tokens `doc[i]` gives."""
from __future__ import annotations

from amity.nlp.tokens import doc_tokens, span_tokens


def test_the_list_is_the_docs_tokens_and_made_once(nlp) -> None:
    doc = nlp("The mayors of Lakeford and Rivertown signed a twinning agreement. The council approved it on Monday.")
    tokens = doc_tokens(doc)
    assert [(t.i, t.text, t.lemma_, t.head.i) for t in tokens] == [(t.i, t.text, t.lemma_, t.head.i) for t in doc]
    assert doc_tokens(doc) is tokens


def test_a_sentences_tokens_are_cut_from_the_list(nlp) -> None:
    doc = nlp("The mayors of Lakeford and Rivertown signed a twinning agreement. The council approved it on Monday.")
    first, second = doc.sents
    assert [t.i for t in span_tokens(second)] == [t.i for t in second]
    assert all(a is b for a, b in zip(span_tokens(first), doc_tokens(doc)[: len(first)], strict=True))


def test_each_doc_has_its_own_list(nlp) -> None:
    one, other = nlp("Lakeford signed."), nlp("Rivertown and Lakeford met in May.")
    assert [t.text for t in doc_tokens(one)] == ["Lakeford", "signed", "."]
    assert [t.text for t in doc_tokens(other)][:3] == ["Rivertown", "and", "Lakeford"]
