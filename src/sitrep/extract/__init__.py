"""The extract stage: ParsedArticle -> list[EventMention].

For each sentence (spaCy's sentences, re-joined where a line ending in a comma or a lowercase start
shows a mid-sentence split): find triggers, drop what is not asserted (questions, conditionals,
modals, negations, intentions, the content of threats and demands), read the arguments from the
dependency parse, the figures, the source and hedging, merge duplicate mentions of one event, and
code the result (ACLED, CAMEO, QuadClass). Spans only: resolving them is the resolve stage's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sitrep.extract.attribution import find_back_source, find_disclaimer
from sitrep.extract.layout import furniture_line_spans
from sitrep.extract.lexicon import Lexicon, default_lexicon
from sitrep.extract.mentions import (
    Draft,
    apply_back_source,
    apply_disclaimer,
    build_sentence_drafts,
    finish_document,
)
from sitrep.extract.register import is_history, latest_year, tells_no_conflict
from sitrep.models import EventMention, ParsedArticle
from sitrep.parse import doc_text

__all__ = ["extract_mentions", "sentence_ranges", "skipped_spans"]


def _is_headline(first_line: str, title: str | None, rest: str) -> bool:
    """A first line that only repeats the headline carries no event of its own."""
    line = " ".join(first_line.split()).lower()
    if not line:
        return False
    if title and line == " ".join(title.split()).lower():
        return True
    if line[-1] in ".!?\"'”’:" or len(line.split()) > 25:
        return False
    words = {w for w in line.split() if len(w) > 3}
    lead = rest[:600].lower()
    return bool(words) and sum(w in lead for w in words) >= 0.6 * len(words)


TERMINAL = ".!?\"'”’:"
HEAD_LINES = 4  # headline, kicker, byline and notice lines come before the first body paragraph


def headline_spans(text: str, title: str | None) -> list[tuple[int, int]]:
    """Character ranges of the headline-like lines that open an article.

    A short line without closing punctuation at the top ("Israeli strikes kill three in south Lebanon
    after Hezbollah drone attack") only announces what the body reports: counting it would record
    each event twice, with the headline's rounded figures.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        if number >= HEAD_LINES * 3 or len(spans) >= HEAD_LINES:
            break
        start, offset = offset, offset + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        if not text[offset:].strip():
            break  # a text of one line is all body, punctuated or not
        own_paragraph = text[offset:].lstrip(" \t").startswith("\n")  # a blank line follows
        if _is_headline(stripped, title, text[offset:]) or (
            own_paragraph and stripped[-1] not in TERMINAL + ",;" and 2 <= len(stripped.split()) <= 25
        ):
            spans.append((start, start + len(line)))
            continue
        break  # the first body line ends the head of the article
    return spans


def sentence_ranges(doc: object) -> list[tuple[int, int]]:
    """Token ranges of sentences, joining spaCy splits inside a sentence.

    A split after a comma or before a lowercase word is a parse of a line break, not a sentence end:
    "...to push back Russia-backed forces,\\nAbdulah al-Shami, a commander, told Reuters."
    """
    ranges: list[tuple[int, int]] = []
    chars: list[tuple[int, int]] = []  # the characters of each range: slices of the text built once
    whole = doc_text(doc)
    for sent in doc.sents:  # type: ignore[attr-defined]
        text = whole[sent.start_char : sent.end_char].strip()
        if not text:
            continue
        if ranges:
            previous_start, previous_end = ranges[-1]
            previous = whole[chars[-1][0] : chars[-1][1]].rstrip()
            first_alpha = next((c for c in text if c.isalpha()), "")
            if previous.endswith(",") or (
                first_alpha and first_alpha.islower() and not previous.endswith(".")
            ):
                ranges[-1] = (previous_start, sent.end)
                chars[-1] = (chars[-1][0], sent.end_char)
                continue
        ranges.append((sent.start, sent.end))
        chars.append((sent.start_char, sent.end_char))
    return ranges


def skipped_spans(text: str, title: str | None) -> list[tuple[int, int]]:
    """Character ranges no event is read in: the headline lines and the page's furniture lines."""
    return headline_spans(text, title) + furniture_line_spans(text)


def _past_skipped_line(doc: Any, start: int, end: int, skipped: Sequence[tuple[int, int]]) -> int:
    """Where a sentence's own words start: the parse often runs an unpunctuated headline line into the
    lead ("Garissa Attack: 147 students killed" + "147 people lost their lives ..."); the lead is
    read as its own sentence, the headline not at all."""
    first = doc[start].idx
    for a, b in skipped:
        if a <= first < b:
            after = next((t.i for t in doc[start:end] if t.idx >= b and not t.is_space), None)
            return after if after is not None else start
    return start


def extract_mentions(parsed: ParsedArticle, lexicon: Lexicon | None = None) -> list[EventMention]:
    """Every asserted event mention of an article, in text order."""
    lexicon = lexicon or default_lexicon()
    article, doc = parsed.article, parsed.doc
    text: str = article.text
    if tells_no_conflict(text):
        return []  # "a devastating counter attack", "the Strikers rallied": a game told in war's words
    skipped = skipped_spans(text, article.title)
    drafts: list[Draft] = []
    for index, (start, end) in enumerate(sentence_ranges(doc)):
        start = _past_skipped_line(doc, start, end, skipped)
        tokens: Sequence[object] = doc[start:end]
        found = build_sentence_drafts(list(tokens), index, lexicon)
        found = [d for d in found if not any(a <= d.trigger.start < b for a, b in skipped)]
        if not any(not d.anaphoric for d in found):
            disclaimer = find_disclaimer(list(tokens), lexicon)
            if disclaimer is not None:
                apply_disclaimer(disclaimer, drafts, index)
            elif (source := find_back_source(list(tokens))) is not None:
                apply_back_source(source, drafts, index)
        drafts.extend(found)
    mentions = finish_document(drafts, article.id, lexicon)
    # an undated page was written no earlier than the latest year it names
    year = article.published.year if article.published else latest_year(text, date.today().year)
    return [m for m in mentions if not is_history(m.time.text if m.time else None, year, m.sentence.text)]
