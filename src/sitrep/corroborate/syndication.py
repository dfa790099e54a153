"""Which articles are one source: copies of one story count once, however many outlets carry it.

An article's *origin* is the outlet or agency whose story it is: the agency of a wire byline or
dateline ("By Reuters", "DAMASCUS (AFP) -"), the outlet a republication notice names, or else its
own outlet. Articles whose texts are near-duplicates (MinHash over word shingles, datasketch) form
one *story cluster* and share one origin, so a light rewrite of a wire story published without
the agency's name still counts as that agency's report.

Everything here is pure: the store keeps signatures and band keys (store/incidents.py) so a new
article finds its near-duplicates with indexed look-ups, never by loading every signature.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash

from sitrep.corroborate.rules import Rules, load_rules
from sitrep.models import CleanArticle

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
# A dateline naming the agency sits in the opening words: "KHARKIV, Ukraine (AP) —".
DATELINE_CHARS = 160


@dataclass(frozen=True, slots=True)
class Signature:
    """A text's MinHash (as unsigned 32-bit values) and how many distinct shingles it had."""

    hashvalues: np.ndarray
    shingles: int

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, raw: bytes, shingles: int) -> Signature:
        return cls(np.frombuffer(raw, dtype="<u4").astype(np.uint64), shingles)


@dataclass(frozen=True, slots=True)
class Match:
    """A stored article whose text this one nearly duplicates."""

    article_id: str
    jaccard: float
    containment: float


def normalise_outlet(name: str | None, rules: Rules | None = None) -> str | None:
    """The key of an outlet name: "ANTIWAR.COM", "www.antiwar.com" and "Antiwar" are one outlet."""
    if not name:
        return None
    rules = rules or load_rules()
    key = name.strip().casefold()
    key = re.sub(r"^[a-z]+://", "", key).split("/")[0] if "://" in key else key
    for prefix in rules.strip_prefixes:
        if key.startswith(prefix):
            key = key[len(prefix) :]
    for suffix in rules.strip_suffixes:
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    key = re.sub(r"[^\w]+", "", key)
    return key or None


@lru_cache(maxsize=1)
def _agency_patterns() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    patterns = []
    for agency in load_rules().agencies:
        names = "|".join(re.escape(n) for n in sorted(agency.names, key=len, reverse=True))
        # Short all-caps names (AP, AA) must keep their case; longer names match in any case.
        whole = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")
        dateline = re.compile(rf"\((?:{names})\)|^\s*(?:{names})\s*[-—–:]|[-—–]\s*(?:{names})\s*[-—–]")
        patterns.append((agency.key, whole, dateline))
    return tuple(patterns)


def wire_agency(clean: CleanArticle) -> str | None:
    """The news agency whose story this is, from the byline, the outlet name or the dateline."""
    head = clean.text[:DATELINE_CHARS]
    for key, whole, dateline in _agency_patterns():
        if clean.byline and whole.search(clean.byline):
            return key
        if clean.outlet and whole.fullmatch(clean.outlet.strip()):
            return key
        if dateline.search(head):
            return key
    return None


def explicit_origin(clean: CleanArticle, rules: Rules | None = None) -> tuple[str, str] | None:
    """(origin key, basis) when the article says whose story it is: a republication or a wire."""
    if clean.republished_from:
        outlet = normalise_outlet(clean.republished_from, rules)
        if outlet:
            agency = _agency_of_name(clean.republished_from)
            return (f"wire:{agency}", "republished") if agency else (f"outlet:{outlet}", "republished")
    agency = wire_agency(clean)
    if agency:
        own = normalise_outlet(clean.outlet, rules)
        return f"wire:{agency}", "own" if own and _agency_of_name(clean.outlet or "") == agency else "wire"
    return None


def _agency_of_name(name: str) -> str | None:
    for key, whole, _dateline in _agency_patterns():
        if whole.fullmatch(name.strip()):
            return key
    return None


def own_origin(clean: CleanArticle, rules: Rules | None = None) -> str:
    """The article's own outlet as an origin key; an article with no outlet is its own source."""
    outlet = normalise_outlet(clean.outlet, rules)
    return f"outlet:{outlet}" if outlet else f"article:{clean.id}"


def shingles(text: str, words: int) -> set[bytes]:
    tokens = [t.casefold() for t in WORD.findall(text)]
    if len(tokens) < words:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + words]).encode() for i in range(len(tokens) - words + 1)}


def signature(text: str, rules: Rules | None = None) -> Signature | None:
    """The MinHash of a text, or None when it is too short to call anything a copy of it."""
    rules = rules or load_rules()
    grams = shingles(text, rules.shingle_words)
    if len(grams) < rules.min_shingles:
        return None
    permutations, scheme = _permutations(rules.num_perm, rules.seed)
    minhash = MinHash(num_perm=rules.num_perm, seed=rules.seed, permutations=permutations, scheme=scheme)
    minhash.update_batch(sorted(grams))
    return Signature(minhash.hashvalues.astype(np.uint64), len(grams))


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[Any, Any]:
    """The MinHash permutations of a seed (and their scheme): drawn once, not for every article."""
    template = MinHash(num_perm=num_perm, seed=seed)
    return template.permutations, template.scheme


def band_keys(sig: Signature, rules: Rules | None = None) -> list[int]:
    """One signed 63-bit key per LSH band: equal keys mean the band's rows are all equal."""
    rules = rules or load_rules()
    rows = rules.rows_per_band
    raw = sig.hashvalues.astype("<u4")
    keys = []
    for band in range(rules.bands):
        digest = hashlib.blake2b(
            band.to_bytes(2, "little") + raw[band * rows : (band + 1) * rows].tobytes(), digest_size=8
        ).digest()
        keys.append(int.from_bytes(digest, "little", signed=True) >> 1)
    return keys


def compare(a: Signature, b: Signature) -> tuple[float, float]:
    """(estimated Jaccard similarity, estimated containment of the smaller shingle set in the larger)."""
    jaccard = float(np.count_nonzero(a.hashvalues == b.hashvalues)) / len(a.hashvalues)
    shared = jaccard * (a.shingles + b.shingles) / (1.0 + jaccard)
    return jaccard, min(1.0, shared / max(1, min(a.shingles, b.shingles)))


def near_duplicates(
    sig: Signature, candidates: list[tuple[str, Signature]], rules: Rules | None = None
) -> list[Match]:
    """The candidates this signature nearly duplicates, most similar first (ties: by article id)."""
    rules = rules or load_rules()
    matches = []
    for article_id, other in candidates:
        jaccard, containment = compare(sig, other)
        contained = containment >= rules.min_containment and jaccard >= rules.min_jaccard_for_containment
        if jaccard >= rules.min_jaccard or contained:
            matches.append(Match(article_id, round(jaccard, 3), round(containment, 3)))
    return sorted(matches, key=lambda m: (-m.jaccard, -m.containment, m.article_id))
