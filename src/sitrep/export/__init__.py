"""Events out to files other tools read.

    jsonl    the event record, one JSON object a line (text.py)
    csv      ACLED's columns and codes (acled.py)
    gdelt    GDELT 2.0 event table columns, tab-separated (gdelt.py)
    geojson  a FeatureCollection of located events (text.py)
    parquet  one typed table, nested records as structs (parquet.py; a file, not a stream)

The code tables behind the coded columns are data (data/export/, loaded by codebook.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sitrep.export.acled import ACLED_COLUMNS, acled_row, to_csv
from sitrep.export.gdelt import GDELT_COLUMNS, gdelt_row, to_tsv
from sitrep.export.text import to_geojson, to_jsonl
from sitrep.models import Event

TEXT_FORMATS = ("jsonl", "csv", "gdelt", "geojson")
FORMATS = (*TEXT_FORMATS, "parquet")

__all__ = ["ACLED_COLUMNS", "FORMATS", "GDELT_COLUMNS", "TEXT_FORMATS", "acled_row", "export_events",
           "gdelt_row"]  # fmt: skip


def export_events(events: Iterable[Event], format: str) -> Iterator[str]:
    """The text formats, chunk by chunk (parquet is written by export.parquet.write_events)."""
    writers = {"jsonl": to_jsonl, "csv": to_csv, "gdelt": to_tsv, "geojson": to_geojson}
    return writers[format](events)
