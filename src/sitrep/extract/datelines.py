"""Datelines and live-blog timestamps at the head of a sentence ("KHARKIV, Ukraine (Reuters) -",
"GOMA -", "14:35 -"): never part of a party, and a parse that takes one for a subject is a slip."""

from __future__ import annotations

from typing import Any

from sitrep.extract.triggers import NOUN_POS, Token

DASHES = frozenset({"-", "–", "—"})


def dateline_word(token: Token) -> bool:
    """A word of a timestamp or dateline: numbers, punctuation, capitals ("KHARKIV", "Nov", "27")."""
    clock = token.text.replace(":", "").replace(".", "").isdigit()  # "14:35"
    return token.like_num or clock or token.is_punct or token.is_space or token.text.isupper() or (
        token.ent_type_ in ("DATE", "TIME", "GPE") and token.ent_iob_ != "O"
    )


def dateline_end(token: Token) -> int | None:
    """Index of the dash closing a dateline that `token` belongs to ("KHARKIV, Ukraine (Reuters) -"),
    or None. A dateline opens its sentence with a capitalised place and ends at the first dash."""
    sentence = token.sent
    first = sentence.start
    while first < token.i and token.doc[first].is_space:
        first += 1
    if not token.doc[first].text.isupper() or len(token.doc[first].text) < 2:
        mixed = _mixed_case_end(token.doc, first, sentence.end)
        return mixed if mixed is not None and mixed >= token.i else None
    if first + 1 < sentence.end and token.doc[first + 1].text == ":" and token.doc[first].is_alpha:
        return first + 1 if first + 1 > token.i else None  # "BANGKOK: A military airstrike ..."
    for i in range(first, min(first + 16, sentence.end)):
        if token.doc[i].text in DASHES and i > token.i and token.doc[i - 1].whitespace_:
            return i
    end = _undashed_end(token.doc, first, sentence.end)
    return end if end is not None and end >= token.i else None


def _mixed_case_end(words: Any, first: int, stop: int) -> int | None:
    """A dateline in capitalised words at a line's start: "Addis Abeba - Residents said ...",
    "Maiduguri--Troops of ...", "Jayapura, Jubi - The workers ...", "Abu Dhabi: Unknown gunmen ..." (a
    place, perhaps an outlet's name after a comma, then a dash or a colon and a capital); the dash's
    index."""
    at_line_start = first == 0 or (words[first - 1].is_space and "\n" in words[first - 1].text)
    if not at_line_start or words[first].is_stop:
        return None
    i = _capitalised_run(words, first, stop, 3)
    if i == first:
        return None
    if i < stop and words[i].text == ",":
        after = _capitalised_run(words, i + 1, stop, 2)
        if after == i + 1:
            return None
        i = after
    if i + 1 >= stop or not words[i + 1].text[:1].isupper():
        return None
    spaced = bool(words[i - 1].whitespace_) and bool(words[i].whitespace_)
    colon = words[i].text == ":" and not words[i - 1].whitespace_  # "Abu Dhabi: Unknown gunmen ..."
    return i if words[i].text == "--" or (words[i].text in DASHES and spaced) or colon else None


def _capitalised_run(words: Any, start: int, stop: int, most: int) -> int:
    """The index past at most `most` capitalised words from `start` ("Addis Abeba", "TEMPO.CO")."""
    i = start
    while i < stop and i - start < most and _capitalised(words[i].text):
        i += 1
    return i


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.replace(".", "").isalpha()


def _undashed_end(words: Any, first: int, stop: int) -> int | None:
    """A dateline a plain-text page printed without its dash: "OUAGADOUGOU, Burkina Faso Gunmen
    killed ...": the place in capitals, a comma, the country's name in capitalised words, then the
    sentence's first word (the last capitalised word before a lower-case one)."""
    if first + 3 >= stop or not words[first].is_alpha or len(words[first].text) < 3:
        return None
    if words[first + 1].text != ",":
        return None
    last = first + 1
    while last + 1 < stop and words[last + 1].text[:1].isupper() and words[last + 1].is_alpha:
        last += 1
    if last - (first + 1) < 2 or last + 1 >= stop or not words[last + 1].text[:1].islower():
        return None
    return last - 1


def after_dateline(dash: int, doc: object) -> Token | None:
    """The noun heading the first phrase after a dateline: "- Russian troops attacked" -> troops."""
    for i in range(dash + 1, min(dash + 8, len(doc))):  # type: ignore[arg-type]
        token = doc[i]  # type: ignore[index]
        if token.pos_ not in NOUN_POS:
            continue
        while token.head.i != token.i and token.head.pos_ in NOUN_POS and token.dep_ in ("compound", "amod"):
            token = token.head
        return token
    return None
