"""The outlet record: each outlet's track record measured from the claims, not a bias label.

For every outlet: how many of its claims ended corroborated, contested or single-source, how often
its figures sit outside the range that other, independent sources give for the same incident, and
how much of what it reports is attributed to someone else or hedged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sitrep.corroborate.claims import CONTESTABLE, CONTESTED, CORROBORATED, SINGLE

UNKNOWN_OUTLET = "(unknown outlet)"
# The claims that count in the record: the report of the incident itself, its figures and who did
# it. Place and date claims almost always agree inside an incident and would flatter everyone.
COUNTED_FIELDS = frozenset({"incident", *CONTESTABLE})


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def outlet_record(
    claims: Iterable[Mapping[str, Any]], voice: Iterable[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """One entry per outlet, most claims first; `voice` rows come from IncidentStore.outlet_voice()."""
    record: dict[str, dict[str, Any]] = {}

    def entry(outlet: str | None) -> dict[str, Any]:
        name = outlet or UNKNOWN_OUTLET
        return record.setdefault(
            name,
            {"outlet": name, "claims": 0, CORROBORATED: 0, CONTESTED: 0, SINGLE: 0, "incidents": set(),
             "figures_compared": 0, "figures_outside_range": 0, "events": 0, "attributed": 0, "hedged": 0},
        )  # fmt: skip

    for claim in claims:
        if claim["field"] not in COUNTED_FIELDS:
            continue
        item = entry(claim["outlet"])
        item["claims"] += 1
        item[claim["status"]] = item.get(claim["status"], 0) + 1
        item["incidents"].add(claim["incident_id"])
        if claim.get("outside_range") is not None:
            item["figures_compared"] += 1
            item["figures_outside_range"] += int(bool(claim["outside_range"]))
    for row in voice:
        item = entry(row["outlet"])
        item["events"] += int(row["events"] or 0)
        item["attributed"] += int(row["attributed"] or 0)
        item["hedged"] += int(row["hedged"] or 0)
    result = []
    for item in record.values():
        item["incidents"] = len(item["incidents"])
        item["outside_range_share"] = _share(item["figures_outside_range"], item["figures_compared"])
        item["corroborated_share"] = _share(item[CORROBORATED], item["claims"])
        item["attributed_share"] = _share(item["attributed"], item["events"])
        item["hedged_share"] = _share(item["hedged"], item["events"])
        result.append(item)
    return sorted(result, key=lambda r: (-r["claims"], -r["events"], r["outlet"]))
