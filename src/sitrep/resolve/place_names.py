"""Place names made comparable: GeoNames' transliteration made plain, and the index's key.

    ascii_name("Khān Yūnis")                  # "Khan Yunis"
    same_name("Khan Younis", "khan-younis")   # True; "Khan Yunis" is a spelling variant (name_variants)
"""

from __future__ import annotations

import re
import unicodedata

from sitrep.resolve import place_phrases
from sitrep.resolve.gazetteer_index import LETTER_FOLDS, normalise, without_article

__all__ = ["ascii_name", "bare", "name_key", "same_name"]


def name_key(name: str) -> str:
    """The index's key for a phrase: cleaned of place words, case and diacritics folded."""
    return normalise(place_phrases.clean(name))


def same_name(a: str, b: str) -> bool:
    """Two spellings of one place name, as the index compares them ("Khan Younis" = "khan-younis")."""
    key_a, key_b = name_key(ascii_name(a)), name_key(ascii_name(b))
    return bool(key_a) and key_a == key_b


def bare(name: str) -> str:
    """The index's key without the Arabic article ("al-Bab" -> "bab")."""
    key = normalise(name)
    return without_article(key) or key


def ascii_name(name: str) -> str:
    """GeoNames' scholarly transliteration made plain: "Khān Yūnis" -> "Khan Yunis", "Ḩamāh" -> "Hamah"."""
    folded = unicodedata.normalize("NFKD", name.translate(LETTER_FOLDS))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[‘’ʿʾ`´ʻʼ]", "", folded).strip()
