"""The only module that imports spaCy: CleanArticle -> ParsedArticle.

The model is loaded once per process (loading takes about half a second and 100 MB) and texts are
parsed in batches with `nlp.pipe`, which is several times faster than one call per text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sitrep.errors import ConfigError
from sitrep.models import CleanArticle, ParsedArticle


@lru_cache(maxsize=2)
def load_model(name: str) -> Any:
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        raise ConfigError(f"spaCy model {name!r} is not installed: run `make install`") from None


def parse_articles(articles: Sequence[CleanArticle], model: str, batch_size: int = 64) -> list[ParsedArticle]:
    nlp = load_model(model)
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    return [ParsedArticle(article, doc) for article, doc in zip(articles, docs, strict=True)]
