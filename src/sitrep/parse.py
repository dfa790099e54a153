"""The only module that imports spaCy: CleanArticle -> ParsedArticle.

The model is loaded once per process (loading takes about half a second and 100 MB) and texts are
parsed in batches with `nlp.pipe`, which is several times faster than one call per text.

Before the parser runs, a small component marks paragraph breaks as sentence starts: without it a
headline or kicker with no final stop is parsed together with the first body sentence, and that
sentence's parse is garbled. A line that ends in a comma, semicolon or colon, or a long line with no
final stop (hard-wrapped text), continues into the next and is left to the parser.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sitrep.clean.stamps import without_stamp
from sitrep.errors import ConfigError
from sitrep.models import CleanArticle, ParsedArticle

PARAGRAPHS = "sitrep_paragraph_breaks"
CONTINUES = (",", ";", ":", "-", "—", "–")
FINAL = (".", "!", "?", '"', "”", "’", "'", ")")
SHORT_LINE_WORDS = 14  # a line this short with no final stop is a headline or kicker, not a wrapped line


def _mark_paragraph_breaks(doc: Any) -> Any:
    line_words = 0
    for token in doc[:-1]:
        if "\n" not in token.text:
            line_words += 0 if token.is_space or token.is_punct else 1
            continue
        previous = doc[token.i - 1].text if token.i > 0 else ""
        blank_line = token.text.count("\n") >= 2
        ends = previous.endswith(FINAL)
        headline = line_words <= SHORT_LINE_WORDS and not previous.endswith(CONTINUES)
        # a hard-wrapped line goes on where the next starts in lower case ("The attackers believed to
        # be / al-Shabaab terrorists clashed with ..."): no headline ends there
        headline = headline and not doc[token.i + 1].text[:1].islower()
        if blank_line or ends or headline or _opens_with_dateline(doc, token.i + 1):
            doc[token.i + 1].is_sent_start = True
            following = doc[token.i + 2] if token.i + 2 < len(doc) else None
            if following is not None and not (following.is_space or following.is_punct):
                # the parser, given a start, may end a sentence after its first word ("Three | Hezbollah
                # fighters were killed"): a line's first word is never a sentence of its own
                following.is_sent_start = False
        line_words = 0
    return doc


def _opens_with_dateline(doc: Any, first: int) -> bool:
    """A line opened by a dateline ("BANGKOK: A military airstrike ...", "GOMA - ...") starts a
    story, whatever the line before it lacked."""
    word = doc[first]
    after = doc[first + 1].text if first + 1 < len(doc) else ""
    return word.is_alpha and word.is_upper and len(word.text) >= 3 and after in (":", ",", "(", "-", "—", "–")


# The last Doc whose text was asked for, with that text. Doc.text (and Span.text) join the tokens
# on every call; extraction and resolution ask for slices of one article's text thousands of times
# in a row. One entry: memory stays bounded, and identity (`is`) is the key, so it is never stale.
_last_text: tuple[Any, str] | None = None
# Where parse_articles keeps each Doc's text (spaCy's Doc.text is exactly the text it was given).
_TEXT_KEY = "sitrep.text"


def doc_text(doc: Any) -> str:
    """`doc.text`, built once per Doc rather than once per call. `doc_text(doc)[a.idx : b.idx +
    len(b.text)]` is the text of the span from token a to token b, as `Span.text` gives it."""
    known = doc.user_data.get(_TEXT_KEY) if hasattr(doc, "user_data") else None
    if known is not None:
        return str(known)
    global _last_text
    last = _last_text
    if last is not None and last[0] is doc:
        return last[1]
    text = str(doc.text)
    _last_text = (doc, text)
    return text


_last_memo: tuple[Any, dict[Any, Any]] | None = None
_MEMO_MAX = 50_000  # entries for one doc; past it the memo starts over


def doc_memo(doc: Any) -> dict[Any, Any]:
    """A scratch dict for answers computed from one Doc's parse, which never changes once parsed
    (the phrase bounds of a token, asked for by several extractors). Only the last Doc's is kept;
    keys start with the asking function's name so answers of different functions never mix."""
    global _last_memo
    last = _last_memo
    if last is not None and last[0] is doc and len(last[1]) < _MEMO_MAX:
        return last[1]
    memo: dict[Any, Any] = {}
    _last_memo = (doc, memo)
    return memo


@lru_cache(maxsize=2)
def load_model(name: str) -> Any:
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ConfigError(f"spaCy model {name!r} is not installed: run `make install`") from None
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_mark_paragraph_breaks)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def parse_articles(articles: Sequence[CleanArticle], model: str, batch_size: int = 64) -> list[ParsedArticle]:
    nlp = load_model(model)
    longest = max((len(a.text) for a in articles), default=0)
    if longest >= nlp.max_length:  # the caller's limit (Settings.max_text_chars) is the one that counts
        nlp.max_length = longest + 1
    docs = nlp.pipe((without_stamp(a.text) for a in articles), batch_size=batch_size)
    parsed = []
    for article, doc in zip(articles, docs, strict=True):
        doc.user_data[_TEXT_KEY] = article.text  # doc.text joins every token again on each call
        parsed.append(ParsedArticle(article, doc))
    return parsed
