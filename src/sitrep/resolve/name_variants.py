"""Spelling variants of place names: the fuzzy side of the gazetteer.

Outlets transliterate the same village differently (Karrada/Karada, Zaytoun/Zeitoun, Dhahyan/Dahyan,
Pazi Gyi/Pa Zi Gyi/Pazigyi, Kharkov/Kharkiv), and `gazetteer_index.normalise` only folds case,
diacritics, apostrophes and the Arabic article. A variant is found in two steps:

1. its *skeleton* (`skeleton`) equals the skeleton of a name the gazetteer holds: words run together,
   the article dropped, transliteration digraphs folded (kh/k, dh/d, q/k, ph/f, w and v/u, y/i), doubled
   letters single and every run of vowels one vowel; the index keeps one row per (country, skeleton,
   name), so the lookup is one indexed query;
2. the two names are close: they begin and end with the same letter, neither holds the other, and
   they are at most one edit apart (two for names of seven letters or more), as Damerau-Levenshtein
   distance on the words run together.

Only names of six letters or more are tried, only in the countries the article names (a skeleton
is loose: worldwide it would find a village for any word), and only when the exact lookup found
nothing (see places.Gazetteer).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Shortest name (letters, words run together) a variant is looked for: "Mayor" or "Quran" would
# meet a village.
MIN_LETTERS = 6
_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ph", "f"), ("ck", "k"),
             ("q", "k"), ("w", "u"), ("v", "u"), ("y", "i"), ("ee", "i"), ("oo", "u"))
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]+")


def bare(key: str) -> str:
    """A normalised key with its words run together and a leading article dropped."""
    words = key.split()
    if len(words) > 1 and words[0] == "al":
        words = words[1:]
    return "".join(words)


def _folded(text: str) -> str:
    for pair, single in _DIGRAPHS:
        text = text.replace(pair, single)
    return _DOUBLED.sub(r"\1", text)


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """The variant class of a normalised name key ("" when too short to be looked up loosely)."""
    text = bare(key)
    if len(text) < MIN_LETTERS or not text.isalpha():
        return ""
    return _VOWELS.sub("a", _folded(text))


def close(a: str, b: str) -> bool:
    """Two normalised keys near enough to be spellings of one name (see the module docstring).

    Spellings differ inside a name; they begin and end alike (digraphs folded: Kharkow/Kharkiv).
    A name inside the other is another word, not a spelling: "Somali" is no "Somalia", "S Sudan"
    no "Sudan", and "Karrada" is no "Karradi"."""
    x, y = bare(a), bare(b)
    if x == y:
        return True
    if x in y or y in x:
        return False
    fx, fy = _folded(x), _folded(y)
    if not fx or not fy or fx[0] != fy[0] or fx[-1] != fy[-1]:
        return False
    limit = 2 if min(len(x), len(y)) >= 7 else 1
    return distance(x, y, limit) <= limit


def distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (edits, adjacent swaps count one), cut off above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]
