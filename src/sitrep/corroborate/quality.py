"""Scores for the corroborate stage against a gold labelling: B-cubed clustering, pairwise
same-source accuracy, and status accuracy. Used by the corpus evaluation test and by evaluations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def bcubed(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> BCubed:
    """B-cubed precision and recall over the items both labellings share (Bagga & Baldwin 1998)."""
    items = sorted(set(gold) & set(predicted))
    if not items:
        return BCubed(0.0, 0.0)
    gold_members: dict[Hashable, set[str]] = defaultdict(set)
    predicted_members: dict[Hashable, set[str]] = defaultdict(set)
    for item in items:
        gold_members[gold[item]].add(item)
        predicted_members[predicted[item]].add(item)
    precision = recall = 0.0
    for item in items:
        same_gold, same_predicted = gold_members[gold[item]], predicted_members[predicted[item]]
        overlap = len(same_gold & same_predicted)
        precision += overlap / len(same_predicted)
        recall += overlap / len(same_gold)
    return BCubed(precision / len(items), recall / len(items))


def pair_accuracy(
    gold: Mapping[str, Hashable],
    predicted: Mapping[str, Hashable],
    pairs: Iterable[tuple[str, str]] | None = None,
) -> float:
    """Share of item pairs on which both labellings agree about "same group or not"."""
    items = sorted(set(gold) & set(predicted))
    chosen = list(pairs) if pairs is not None else list(combinations(items, 2))
    if not chosen:
        return 1.0
    right = sum((gold[a] == gold[b]) == (predicted[a] == predicted[b]) for a, b in chosen)
    return right / len(chosen)


def majority(labels: Iterable[Hashable]) -> Hashable | None:
    counts = Counter(labels)
    if not counts:
        return None
    return min(counts, key=lambda label: (-counts[label], str(label)))
