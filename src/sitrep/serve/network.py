"""The actor network as nodes and weighted edges, for /api/network and the network page.

The corroborate stage measures standing relations between actors (who backs whom, who fights
whom) and how many independent sources state each; this module only shapes them into a graph.
It accepts the relation records loosely (`actor1`/`source`, `actor2`/`target`, `relation`/`kind`,
`independent_sources`/`sources`) so the page keeps working while that record settles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# Relation words the page colours as support (green) or conflict (red); anything else is grey.
SUPPORT = {"backs", "backed_by", "support", "supports", "aid", "cooperate", "ally", "allies"}
CONFLICT = {"fights", "attacks", "assault", "coerce", "adversary", "adversaries", "conflict", "threaten"}


def _first(record: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        if record.get(key) is not None:
            return record[key]
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, Mapping):
        value = value.get("name")
    return str(value) if value else None


def _weight(value: Any) -> int:
    if isinstance(value, list | tuple | set):
        return len(value)
    return int(value) if isinstance(value, int | float) else 1


def relation_group(relation: str) -> str:
    word = relation.lower()
    if word in SUPPORT or "back" in word or "support" in word:
        return "support"
    if word in CONFLICT or any(stem in word for stem in ("fight", "attack", "advers", "threat")):
        return "conflict"
    return "other"


def network_graph(relations: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """{"nodes": [{id, label}], "edges": [{source, target, relation, group, weight, events, ...}]}.

    `weight` is the number of independent sources stating the relation; `group` is "support",
    "conflict" or "other", for colour.
    """
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for record in relations:
        source_label = _name(_first(record, "source", "actor1", "from"))
        target_label = _name(_first(record, "target", "actor2", "to"))
        source = _name(_first(record, "source_id")) or source_label
        target = _name(_first(record, "target_id")) or target_label
        if not source or not target or source == target:
            continue
        relation = str(_first(record, "relation", "kind", "type") or "related")
        weight = _weight(_first(record, "independent_sources", "sources", "weight"))
        for node_id, label in ((source, source_label), (target, target_label)):
            nodes.setdefault(node_id, {"id": node_id, "label": label or node_id})
        edge = edges.setdefault(
            (source, target, relation),
            {
                "source": source,
                "target": target,
                "relation": relation,
                "group": relation_group(relation),
                "weight": 0,
                "events": 0,
                "first_seen": record.get("first_seen"),
                "last_seen": record.get("last_seen"),
            },
        )
        edge["weight"] = max(edge["weight"], weight)
        edge["events"] += int(record.get("events") or 0)
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]), "edges": list(edges.values())}
