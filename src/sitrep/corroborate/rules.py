"""The corroborate stage's thresholds and word lists, read once from data/corroboration.toml.

Heuristics are data: this module only gives them types, so the code that uses them reads
`rules.max_km_by_precision[2]`, never a literal 40.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Agency:
    key: str
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rules:
    type_family: dict[str, str]  # PLOVER type -> family name
    acled_group: dict[str, str]  # ACLED event type -> group name
    max_km_by_precision: dict[int, float]
    slack_days: int
    week_half_days: int
    undated_days: int
    max_span_days: int
    kind_group: dict[str, str]  # actor kind -> group name
    symmetric_acled_types: frozenset[str]
    min_linkage_share: float
    linkage_sample: int  # an incident's first and latest reports that a new one is compared with
    num_perm: int
    bands: int
    shingle_words: int
    seed: int
    min_band_hits: int
    min_jaccard: float
    min_containment: float
    min_jaccard_for_containment: float
    min_shingles: int
    max_candidates: int
    agencies: tuple[Agency, ...]
    strip_prefixes: tuple[str, ...]
    strip_suffixes: tuple[str, ...]
    qualified_share: float
    claimant_stopwords: frozenset[str]
    relation_by_plover: dict[str, str]

    @property
    def rows_per_band(self) -> int:
        return self.num_perm // self.bands


def _invert(groups: dict[str, list[str]]) -> dict[str, str]:
    return {member: name for name, members in groups.items() for member in members}


def rules_from_data(data: dict[str, Any]) -> Rules:
    """Typed rules from the parsed TOML (tests pass edited copies to probe one threshold)."""
    incidents, syndication, claims = data["incidents"], data["syndication"], data["claims"]
    minhash, dates = syndication["minhash"], incidents["dates"]
    return Rules(
        type_family=_invert(incidents["type_families"]),
        acled_group=_invert(incidents["acled_groups"]),
        max_km_by_precision={int(k): float(v) for k, v in incidents["max_km_by_precision"].items()},
        slack_days=int(dates["slack_days"]),
        week_half_days=int(dates["week_half_days"]),
        undated_days=int(dates["undated_days"]),
        max_span_days=int(dates["max_span_days"]),
        kind_group=_invert(incidents["kind_groups"]),
        symmetric_acled_types=frozenset(incidents["symmetric"]["acled_event_types"]),
        min_linkage_share=float(incidents["linkage"]["min_share"]),
        linkage_sample=int(incidents["linkage"]["sample"]),
        num_perm=int(minhash["num_perm"]),
        bands=int(minhash["bands"]),
        shingle_words=int(minhash["shingle_words"]),
        seed=int(minhash["seed"]),
        min_band_hits=int(minhash["min_band_hits"]),
        min_jaccard=float(minhash["min_jaccard"]),
        min_containment=float(minhash["min_containment"]),
        min_jaccard_for_containment=float(minhash["min_jaccard_for_containment"]),
        min_shingles=int(minhash["min_shingles"]),
        max_candidates=int(minhash["max_candidates"]),
        agencies=tuple(Agency(a["key"], tuple(a["names"])) for a in syndication["agencies"]),
        strip_prefixes=tuple(data["outlets"]["strip_prefixes"]),
        strip_suffixes=tuple(data["outlets"]["strip_suffixes"]),
        qualified_share=float(claims["qualified_share"]),
        claimant_stopwords=frozenset(claims["claimant_stopwords"]),
        relation_by_plover=dict(data["relations"]["plover"]),
    )


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = resources.files("sitrep").joinpath("data", "corroboration.toml").read_text(encoding="utf-8")
    return rules_from_data(tomllib.loads(raw))
