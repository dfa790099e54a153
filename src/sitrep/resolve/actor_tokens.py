"""Words of an actor phrase as the actor dictionary matches them: folded, with punctuation facts.

Matching compares folded words (lower case, no accents, no apostrophes, no possessive "'s") and
needs to know where a phrase breaks (a comma, a parenthesis, a spaced dash), which words are glued
by a hyphen ("Russia-backed") and which are an Arabic article ("al-Assad"), so the text is read once
into these tokens; both the dictionary's aliases and the article's phrases go through here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Transliterations of the Arabic article, ignored when glued to a name ("al-Assad", "Al Shabaab").
_ARTICLES = frozenset({"al", "el", "ad", "ed", "ud", "ul", "ash", "as", "ar", "an", "az", "adh", "at"})
# Dotted initials ("U.S.", "U.N."), written as the acronym they stand for.
_INITIALS = re.compile(r"(?<![A-Za-z])((?:[A-Z]\.){2,})")
# A word, with inner apostrophes kept ("Qur'an").
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# Punctuation between two words that ends a phrase: no alias matches across it.
_PUNCT_BREAK = re.compile(r"[,;:()\[\]\u2014\u2013]|\s-\s")


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    folded: str  # lower case, no accents, no apostrophes, no possessive
    start: int
    end: int
    hyphen_before: bool  # joined to the previous word by "-" ("Russia-backed")
    break_before: bool  # punctuation (comma, parenthesis, dash) between it and the previous word
    article: bool  # an Arabic article glued to the next word ("al-Assad"): ignored when matching


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents or apostrophes, possessive "'s" dropped: the matching key."""
    text = word.replace("\u2019", "'").lower()
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    if text.endswith("'s"):
        text = text[:-2]
    return text.replace("'", "")


def normalize(text: str) -> str:
    """Straight quotes, single spaces, and "U.S." as "US" so initials match acronyms."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = _INITIALS.sub(lambda m: m.group(1).replace(".", ""), text)
    return " ".join(text.split())


def tokenize(text: str) -> list[Token]:
    """Words of an already normalised text, with the punctuation facts the resolver needs."""
    found = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    tokens: list[Token] = []
    last = len(found) - 1
    previous_end = 0
    for index, (surface, start, end) in enumerate(found):
        # Most gaps are one space (the text is normalised): no punctuation, no hyphen.
        gap = text[previous_end:start] if index else ""
        previous_end = end
        simple = gap == " " or not gap
        folded = fold(surface)
        article = False
        if folded in _ARTICLES and index < last:
            following, next_start = found[index + 1][0], found[index + 1][1]
            glued = text[end:next_start] == "-"
            spaced_article = folded in ("al", "el") and surface[0].isupper() and following[0].isupper()
            article = glued or spaced_article
        tokens.append(
            Token(
                surface,
                folded,
                start,
                end,
                not simple and gap == "-",
                not simple and _PUNCT_BREAK.search(gap) is not None,
                article,
            )
        )
    return tokens
