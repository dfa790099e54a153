"""Events and incidents as Parquet files (pyarrow), with one fixed schema each.

The schemas are the contract: README.md lists them, tests read them back with pandas and DuckDB.
Dates are Arrow dates (`date`: the first day of the event's day, week or month, with
`date_precision`; `date_text` keeps the record's "YYYY-MM-DD" or "YYYY-MM"). Actors, locations,
evidence and figures are structs; mentions, claims and sources are lists of structs. `country`
repeats the location's ISO3 at the top so a filter needs no struct access.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.export import codebook
from sitrep.models import Event

if TYPE_CHECKING:
    import pyarrow as pa


def _types() -> dict[str, Any]:
    import pyarrow as pa

    actor = pa.struct([("name", pa.string()), ("country", pa.string()), ("kind", pa.string()),
                       ("backed_by", pa.list_(pa.string())), ("text", pa.string())])  # fmt: skip
    location = pa.struct([("name", pa.string()), ("admin1", pa.string()), ("country", pa.string()),
                          ("lat", pa.float64()), ("lon", pa.float64()), ("geonames_id", pa.int64()),
                          ("precision", pa.int8()), ("text", pa.string())])  # fmt: skip
    span = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
    mention = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
                         ("attributed_to", pa.string()), ("hedged", pa.bool_()), ("killed", pa.int64()),
                         ("injured", pa.int64()), ("displaced", pa.int64())])  # fmt: skip
    claim = pa.struct([("value", pa.int64()), ("qualifier", pa.string()), ("outlet", pa.string()),
                       ("attributed_to", pa.string()), ("hedged", pa.bool_()), ("article_id", pa.string()),
                       ("event_id", pa.string()), ("source", pa.string()), ("quote", pa.string()),
                       ("outside_range", pa.bool_())])  # fmt: skip
    figure = pa.struct([("status", pa.string()), ("conservative", pa.int64()), ("min", pa.int64()),
                        ("max", pa.int64()), ("claims", pa.list_(claim))])  # fmt: skip
    source = pa.struct([("source", pa.string()), ("outlets", pa.list_(pa.string())),
                        ("articles", pa.list_(pa.string())),
                        ("claimants", pa.list_(pa.string()))])  # fmt: skip
    return {"actor": actor, "location": location, "span": span, "mention": mention, "figure": figure,
            "source": source}  # fmt: skip


def event_schema() -> pa.Schema:
    import pyarrow as pa

    t = _types()
    return pa.schema([
        ("event_id", pa.string()), ("article_id", pa.string()), ("incident_id", pa.string()),
        ("plover", pa.string()), ("mode", pa.string()), ("acled_event_type", pa.string()),
        ("acled_sub_event_type", pa.string()), ("cameo_root", pa.string()), ("quad_class", pa.int8()),
        ("date", pa.date32()), ("date_text", pa.string()), ("date_precision", pa.string()),
        ("date_source", pa.string()), ("confidence", pa.float64()), ("country", pa.string()),
        ("actor1", t["actor"]), ("actor2", t["actor"]), ("location", t["location"]),
        ("killed", pa.int64()), ("injured", pa.int64()), ("displaced", pa.int64()),
        ("figure_qualifier", pa.string()), ("attributed_to", pa.string()), ("hedged", pa.bool_()),
        ("evidence", t["span"]), ("mentions", pa.list_(t["mention"])), ("outlet", pa.string()),
        ("url", pa.string()), ("published", pa.date32()),
    ])  # fmt: skip


def incident_schema() -> pa.Schema:
    import pyarrow as pa

    t = _types()
    return pa.schema([
        ("incident_id", pa.string()), ("family", pa.string()), ("plover", pa.string()),
        ("acled_event_type", pa.string()), ("date", pa.date32()), ("date_first", pa.date32()),
        ("date_last", pa.date32()), ("country", pa.string()), ("location", t["location"]),
        ("actor1", pa.string()), ("actor2", pa.string()), ("status", pa.string()),
        ("independent_sources", pa.int32()), ("reports", pa.int32()), ("events", pa.int32()),
        ("event_ids", pa.list_(pa.string())), ("killed", t["figure"]), ("injured", t["figure"]),
        ("displaced", t["figure"]), ("sources", pa.list_(t["source"])),
    ])  # fmt: skip


def event_record(event: Event) -> dict[str, Any]:
    record = event.to_dict()
    record["date_text"] = event.date
    record["date"] = codebook.day(event.date)
    record["published"] = codebook.day(event.published)
    record["country"] = event.location.country if event.location else None
    return record


def _figure(figure: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not figure:
        return None
    names = ("value", "qualifier", "outlet", "attributed_to", "hedged", "article_id", "event_id", "source",
             "quote", "outside_range")  # fmt: skip
    claims = [{name: claim.get(name) for name in names} for claim in figure.get("claims") or []]
    return {key: figure.get(key) for key in ("status", "conservative", "min", "max")} | {"claims": claims}


def incident_record(incident: Mapping[str, Any]) -> dict[str, Any]:
    record = {name: incident.get(name) for name in incident_schema().names}
    for name in ("date", "date_first", "date_last"):
        record[name] = codebook.day(incident.get(name))
    for name in ("killed", "injured", "displaced"):
        record[name] = _figure(incident.get(name))
    return record


def write_table(records: Iterable[dict[str, Any]], schema: pa.Schema, target: Path) -> int:
    """Write records in batches of 10,000 rows; returns how many were written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    written = 0
    with pq.ParquetWriter(str(target), schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(record)
            if len(batch) == 10_000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                written += len(batch)
                batch = []
        if batch or not written:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            written += len(batch)
    return written


def write_events(events: Iterable[Event], target: Path) -> int:
    return write_table((event_record(event) for event in events), event_schema(), target)


def write_incidents(incidents: Iterable[Mapping[str, Any]], target: Path) -> int:
    return write_table((incident_record(incident) for incident in incidents), incident_schema(), target)
