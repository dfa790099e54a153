"""One sentence per figure that says who claims what and which number is published, e.g.

    "22 killed per the local governor (Reuters); 33 per Turkish officials (AFP): contested, publishing 22."

The incident page shows it above the side-by-side claims, so a reader sees the disagreement and
the rule (the most conservative credible figure, as ACLED publishes) without reading every card.
Plain text: the template escapes it like any other value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

STATUS_WORDS = {
    "contested": "contested",
    "corroborated": "corroborated",
    "single-source": "single source",
}


def _voice(claim: Mapping[str, Any]) -> str:
    outlet = claim.get("outlet")
    claimant = claim.get("attributed_to")
    if claimant and outlet:
        return f"{claimant} ({outlet})"
    return str(claimant or outlet or "an unnamed source")


def _amount(claim: Mapping[str, Any]) -> str:
    qualifier = claim.get("qualifier")
    return f"{qualifier} {claim['value']}" if qualifier else str(claim["value"])


def figure_sentence(
    field: str, figure: Mapping[str, Any] | None, independent_sources: int | None = None
) -> str:
    """The explanation of one figure field ("killed", "injured", "displaced"); "" when nobody gave one."""
    if not figure or not figure.get("claims"):
        return ""
    claims: Sequence[Mapping[str, Any]] = figure["claims"]
    by_amount: dict[str, list[Mapping[str, Any]]] = {}
    for claim in sorted(claims, key=lambda c: (c["value"], str(c.get("qualifier") or ""))):
        by_amount.setdefault(_amount(claim), []).append(claim)
    parts = []
    for index, (amount, group) in enumerate(by_amount.items()):
        voices = list(dict.fromkeys(_voice(c) for c in group))
        hedged = " (hedged)" if all(c.get("hedged") for c in group) else ""
        word = f" {field}" if index == 0 else ""
        parts.append(f"{amount}{word} per {' and '.join(voices)}{hedged}")
    status = figure.get("status") or "single-source"
    verdict = STATUS_WORDS.get(status, status)
    if status == "corroborated" and independent_sources:
        verdict += f" by {independent_sources} independent sources"
    conservative = figure.get("conservative")
    publishing = f", publishing {conservative}" if conservative is not None else ""
    return f"{'; '.join(parts)}: {verdict}{publishing}."
