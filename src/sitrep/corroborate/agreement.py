"""A field's status from its claims, without comparing every claim with every other.

The rule (claims.py) is stated over pairs of claims: contested when two claims of different voices
disagree, corroborated when two claims are independent. Checked pair by pair, a story reported
1,200 times costs 720,000 comparisons per field on every attach. Both questions depend on few
things, though: whether two claims agree depends only on their values (the figure and its
qualifier, the sides' countries and kinds, the place, the date span: the field's `key`), and
whether they share a voice or are independent only on their source and claimant. So the claims
are grouped by value and by claimant, and the pair rule is applied to the groups:

    comparisons of values     (distinct values)^2       not claims^2
    comparisons of claimants  (distinct claimants)^2    per pair of groups that matter

which gives the answers the pairwise rule gives (tests/test_corroborate_scaling.py checks both on
random claims), in time linear in the claims when values and claimants repeat, as they do.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

CORROBORATED, SINGLE, CONTESTED = "corroborated", "single-source", "contested"

Claim = Mapping[str, Any]


def same_claimant(a: str | None, b: str | None) -> bool:
    """Claimant keys naming one claimant: two shared words, or every word of the shorter name."""
    if a is None or b is None:
        return a is b
    words_a, words_b = set(a.split()), set(b.split())
    shared = len(words_a & words_b)
    return shared >= 2 or shared == min(len(words_a), len(words_b))


class _Group:
    """Claims with one value: a representative, and the sources and claimants among them."""

    __slots__ = ("first", "count", "sources", "claimants")

    def __init__(self, first: Claim) -> None:
        self.first = first
        self.count = 0
        self.sources: set[str] = set()
        self.claimants: set[str | None] = set()

    def add(self, claim: Claim) -> None:
        self.count += 1
        self.sources.add(claim["source"])
        self.claimants.add(claim["claimant"])


def field_status(
    claims: Sequence[Claim],
    agree: Callable[[Any, Any], bool],
    key: Callable[[Claim], Hashable] | None = None,
) -> str | None:
    """contested, corroborated or single-source (None without claims).

    `key(claim)` must hold everything `agree` reads: claims with equal keys are compared once. Without
    a key every claim is its own group, which is the pairwise rule itself.
    """
    if not claims:
        return None
    groups: dict[Hashable, _Group] = {}
    for number, claim in enumerate(claims):
        marker = key(claim) if key is not None else number
        group = groups.get(marker)
        if group is None:
            group = groups[marker] = _Group(claim)
        group.add(claim)
    ordered = list(groups.values())
    for i, one in enumerate(ordered):
        if one.count > 1 and not agree(one.first, one.first) and _two_voices(one, one):
            return CONTESTED
        for other in ordered[i + 1 :]:
            if not agree(one.first, other.first) and _two_voices(one, other):
                return CONTESTED
    return CORROBORATED if _any_independent(claims) else SINGLE


def _two_voices(one: _Group, other: _Group) -> bool:
    """Is some claim of `one` not in the same voice as some other claim of `other`?"""
    if one is other:
        if len(one.sources) > 1:
            return True
        return _differing_claimants(list(one.claimants), list(one.claimants))
    if len(one.sources) > 1 or len(other.sources) > 1 or one.sources != other.sources:
        return True  # two claims from different sources
    return _differing_claimants(list(one.claimants), list(other.claimants))


def _differing_claimants(these: list[str | None], those: list[str | None]) -> bool:
    return any(a != b and not same_claimant(a, b) for a in these for b in those)


def _any_independent(claims: Sequence[Claim]) -> bool:
    """Two claims from different sources that are not one claimant relayed twice."""
    sources_by_claimant: dict[str | None, set[str]] = {}
    for claim in claims:
        sources_by_claimant.setdefault(claim["claimant"], set()).add(claim["source"])
    all_sources = set().union(*sources_by_claimant.values())
    if len(all_sources) < 2:
        return False
    if None in sources_by_claimant:
        return True  # an own-voice claim and any claim of another source
    named = list(sources_by_claimant.items())
    for i, (claimant, sources) in enumerate(named):
        for other, other_sources in named[i + 1 :]:
            if same_claimant(claimant, other):
                continue
            if len(sources) > 1 or len(other_sources) > 1 or sources != other_sources:
                return True
    return False
