"""Events as JSON Lines (the full event record, mentions included) and as GeoJSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from sitrep.models import Event


def to_jsonl(events: Iterable[Event]) -> Iterator[str]:
    for event in events:
        yield json.dumps(event.to_dict(), ensure_ascii=False) + "\n"


def to_geojson(events: Iterable[Event]) -> Iterator[str]:
    """A FeatureCollection of the events that have coordinates (others cannot be mapped)."""
    yield '{"type": "FeatureCollection", "features": [\n'
    first = True
    for event in events:
        place = event.location
        if place is None or place.lat is None or place.lon is None:
            continue
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": event.to_dict(),
        }
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "\n]}\n"
