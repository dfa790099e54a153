"""Events in GDELT 2.0's event table columns (tab-separated, one header line) for GDELT users.

Sitrep codes at CAMEO's root level, so EventCode, EventBaseCode and EventRootCode are the root.
Actor codes are CAMEO's: the actor's country (ISO3) and a role from data/export/gdelt.toml
("SYRMIL"). Geography uses FIPS 10-4 country codes like GDELT, and GeoNames ids as FeatureID.
NumMentions counts the sentences of the article that tell the act; NumSources and NumArticles are
1 (a Sitrep event is one article's report; incidents group them). Unknown values stay empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from sitrep.export import codebook
from sitrep.models import Actor, Event, Location

ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in ACTOR_FIELDS), *(f"Actor2{name}" for name in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{name}" for name in GEO_FIELDS), *(f"Actor2Geo_{name}" for name in GEO_FIELDS),
    *(f"ActionGeo_{name}" for name in GEO_FIELDS), "DATEADDED", "SOURCEURL",
)  # fmt: skip


def actor_columns(prefix: str, actor: Actor | None) -> dict[str, object]:
    row: dict[str, object] = {f"{prefix}{name}": "" for name in ACTOR_FIELDS}
    if actor is None:
        return row
    role = codebook.gdelt()["actor_type"].get(actor.kind or "", "")
    row[f"{prefix}Code"] = f"{actor.country or ''}{role}"
    row[f"{prefix}Name"] = actor.name.upper()
    row[f"{prefix}CountryCode"] = actor.country or ""
    row[f"{prefix}Type1Code"] = role
    return row


def geo_type(place: Location) -> int:
    types = codebook.gdelt()["geo_type"]
    country = codebook.countries().get(place.country or "")
    if country is not None and place.name.casefold() == country.name.casefold():
        return int(types["country"])
    us = place.country == "USA"
    if place.precision == 3:
        return int(types["province_us" if us else "province"])
    return int(types["place_us" if us else "place"])


def geo_columns(prefix: str, place: Location | None) -> dict[str, object]:
    row: dict[str, object] = {f"{prefix}{name}": "" for name in GEO_FIELDS}
    if place is None:
        return row
    country = codebook.countries().get(place.country or "")
    names = [
        place.name,
        place.admin1 if place.admin1 != place.name else None,
        country.name if country else None,
    ]
    row.update(
        {
            f"{prefix}Type": geo_type(place),
            f"{prefix}FullName": ", ".join(n for n in names if n),
            f"{prefix}CountryCode": country.fips if country else "",
            f"{prefix}ADM1Code": country.fips if country else "",
            f"{prefix}Lat": "" if place.lat is None else place.lat,
            f"{prefix}Long": "" if place.lon is None else place.lon,
            f"{prefix}FeatureID": place.geonames_id or "",
        }
    )
    return row


def gdelt_row(event: Event) -> dict[str, object]:
    when = codebook.day(event.date)
    added = codebook.day(event.published)
    root = event.cameo_root or ""
    row: dict[str, object] = {
        "GLOBALEVENTID": event.event_id,
        "SQLDATE": when.strftime("%Y%m%d") if when else "",
        "MonthYear": when.strftime("%Y%m") if when else "",
        "Year": when.year if when else "",
        "FractionDate": round(when.year + (when.timetuple().tm_yday - 1) / 365, 4) if when else "",
        **actor_columns("Actor1", event.actor1),
        **actor_columns("Actor2", event.actor2),
        "IsRootEvent": "",
        "EventCode": root,
        "EventBaseCode": root,
        "EventRootCode": root,
        "QuadClass": event.quad_class or "",
        "GoldsteinScale": codebook.gdelt()["goldstein"].get(root, ""),
        "NumMentions": max(1, len(event.mentions)),
        "NumSources": 1,
        "NumArticles": 1,
        "AvgTone": "",
        **geo_columns("Actor1Geo_", None),
        **geo_columns("Actor2Geo_", None),
        **geo_columns("ActionGeo_", event.location),
        "DATEADDED": added.strftime("%Y%m%d000000") if added else "",
        "SOURCEURL": event.url or event.outlet or f"article:{event.article_id}",
    }
    return row


def to_tsv(events: Iterable[Event]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(gdelt_row(event))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
