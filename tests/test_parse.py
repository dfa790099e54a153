"""The parse stage's text helpers: the memoised Doc text and the per-doc memo must give exactly what
spaCy's own Doc.text and Span.text give, for every doc in turn (a stale answer would shift offsets)."""

from __future__ import annotations

import pytest

from sitrep.parse import doc_memo, doc_text, load_model
from sitrep.settings import Settings

TEXTS = [
    "GOMA, Congo (Reuters) - M23 rebels shelled  Sake on Monday,\nkilling three civilians.\n\nMore later.",
    "Russian glide bombs hit Kharkiv on Thursday, officials said.  ",
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_model(Settings().spacy_model)


def test_doc_text_is_the_docs_text_for_each_doc_in_turn(nlp) -> None:  # type: ignore[no-untyped-def]
    docs = [nlp(text) for text in TEXTS]
    for doc in [*docs, docs[0]]:  # back to the first: the memo must not hand out the second's text
        assert doc_text(doc) == doc.text
        for sent in doc.sents:
            assert doc_text(doc)[sent.start_char : sent.end_char] == sent.text
        span = doc[2:7]
        assert doc_text(doc)[span.start_char : span.end_char] == span.text


def test_doc_memo_is_per_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    first, second = (nlp(text) for text in TEXTS)
    doc_memo(first)["answer"] = 1
    assert doc_memo(first)["answer"] == 1
    assert "answer" not in doc_memo(second)
    assert "answer" not in doc_memo(first)  # only the last doc's memo is kept


def test_a_parsed_article_keeps_its_text_on_its_doc() -> None:
    from sitrep.models import CleanArticle
    from sitrep.parse import parse_articles
    from sitrep.settings import Settings

    texts = ["Shelling hit  Kharkiv.\n\nTwo  died. ", "Talks resumed in Doha."]
    articles = [
        CleanArticle(id=f"a{n}", content_hash="h", source="s", text=t, original=t)
        for n, t in enumerate(texts)
    ]
    parsed = parse_articles(articles, Settings().spacy_model)
    backwards = list(reversed(parsed))
    assert [doc_text(p.doc) for p in backwards] == [p.doc.text for p in backwards] == texts[::-1]


def test_a_hard_wrapped_line_going_on_in_lower_case_is_one_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The gunmen thought to be\nmembers of a local militia fired on a police post on Monday.")
    assert len(list(doc.sents)) == 1


def test_a_short_headline_line_still_ends_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Gunmen kill five in Mandera\nGunmen killed five people in Mandera on Monday, police said.")
    assert len(list(doc.sents)) == 2
