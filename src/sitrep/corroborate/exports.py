"""Incidents and the actor network out to files other tools read.

Incidents: JSON Lines (the full record with claims), CSV (one row per incident, published figures
with their range, for R and pandas), GeoJSON (points for QGIS). The network: GraphML (Gephi,
networkx, yEd), one edge per relation with its event and independent-source counts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from xml.sax.saxutils import escape, quoteattr

INCIDENT_FORMATS = ("jsonl", "csv", "geojson")
NETWORK_FORMATS = ("graphml", "jsonl")
CSV_COLUMNS = (
    "incident_id", "date", "date_first", "date_last", "plover", "acled_event_type", "country", "location",
    "latitude", "longitude", "geo_precision", "actor1", "actor2", "status", "independent_sources", "reports",
    "killed", "killed_min", "killed_max", "injured", "injured_min", "injured_max", "displaced",
    "displaced_min", "displaced_max", "sources",
)  # fmt: skip
SUMMARY_KEYS = (
    "date", "date_first", "date_last", "plover", "acled_event_type", "country", "actor1", "actor2", "status",
    "independent_sources", "reports",
)  # fmt: skip


def _figure(incident: Mapping[str, Any], name: str) -> dict[str, Any]:
    return dict(incident.get(name) or {})


def incident_csv_row(incident: Mapping[str, Any]) -> dict[str, Any]:
    location = incident.get("location") or {}
    row: dict[str, Any] = {
        "incident_id": incident["incident_id"],
        "location": location.get("name"),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "geo_precision": location.get("precision"),
        "sources": "; ".join(s["source"] for s in incident.get("sources", [])),
    }
    for key in SUMMARY_KEYS:
        row[key] = incident.get(key)
    for name in ("killed", "injured", "displaced"):
        figure = _figure(incident, name)
        row.update(
            {
                name: figure.get("conservative"),
                f"{name}_min": figure.get("min"),
                f"{name}_max": figure.get("max"),
            }
        )
    return row


def incidents_jsonl(incidents: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    for incident in incidents:
        yield json.dumps(incident, ensure_ascii=False, sort_keys=True) + "\n"


def incidents_csv(incidents: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for incident in incidents:
        writer.writerow(incident_csv_row(incident))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()


def incidents_geojson(incidents: Iterable[Mapping[str, Any]]) -> str:
    """A FeatureCollection of located incidents (incidents with no coordinates are left out)."""
    features = []
    for incident in incidents:
        location = incident.get("location") or {}
        if location.get("lat") is None or location.get("lon") is None:
            continue
        properties = incident_csv_row(incident)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
                "properties": properties,
            }  # fmt: skip
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def network_graphml(edges: Iterable[Mapping[str, Any]]) -> str:
    """The relations as a directed GraphML graph; node ids are the relation module's node ids."""
    edges = list(edges)
    nodes: dict[str, str] = {}
    for edge in edges:
        nodes.setdefault(edge["source_id"], edge["source"])
        nodes.setdefault(edge["target_id"], edge["target"])
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
        '  <key id="events" for="edge" attr.name="events" attr.type="int"/>',
        '  <key id="sources" for="edge" attr.name="independent_sources" attr.type="int"/>',
        '  <key id="first" for="edge" attr.name="first_seen" attr.type="string"/>',
        '  <key id="last" for="edge" attr.name="last_seen" attr.type="string"/>',
        '  <graph id="sitrep" edgedefault="directed">',
    ]
    for node_id, label in sorted(nodes.items()):
        lines.append(f'    <node id={quoteattr(node_id)}><data key="label">{escape(label)}</data></node>')
    for number, edge in enumerate(edges):
        ends = f"source={quoteattr(edge['source_id'])} target={quoteattr(edge['target_id'])}"
        lines.append(f'    <edge id="e{number}" {ends}>')
        lines.append(f'      <data key="relation">{escape(edge["relation"])}</data>')
        lines.append(f'      <data key="events">{int(edge["events"])}</data>')
        lines.append(f'      <data key="sources">{int(edge["independent_sources"])}</data>')
        for key, name in (("first", "first_seen"), ("last", "last_seen")):
            if edge.get(name):
                lines.append(f'      <data key="{key}">{escape(str(edge[name]))}</data>')
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)
