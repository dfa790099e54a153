"""Exports that other tools read: ACLED-column CSV, GeoJSON, JSON Lines; and the Python API."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import sitrep
from sitrep.export import ACLED_COLUMNS

ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "examples" / "articles"
SITREP = [sys.executable, "-m", "sitrep"]


def _run(*args: str) -> str:
    done = subprocess.run([*SITREP, *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'sitrep.db'}"
    _run("ingest", "--db", url, str(ARTICLES))
    return url


def test_csv_has_acleds_columns_in_order_and_one_row_per_event(db: str) -> None:
    events = _run("events", "--db", db, "--format", "jsonl", "--limit", "1000").splitlines()
    rows = list(csv.DictReader(io.StringIO(_run("export", "--db", db, "--format", "csv"))))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    assert len(rows) == len(events)
    killed = [row for row in rows if row["fatalities"] == "50"]
    assert killed and killed[0]["country"] == "Syria" and killed[0]["event_date"] == "2020-02-20"
    assert killed[0]["time_precision"] == "1" and killed[0]["sub_event_type"]


def test_filters_narrow_the_export(db: str) -> None:
    everything = _run("export", "--db", db, "--format", "jsonl").splitlines()
    threats = [json.loads(line) for line in _run("export", "--db", db, "--type", "threaten").splitlines()]
    assert threats and len(threats) < len(everything)
    assert {event["plover"] for event in threats} == {"THREATEN"}


def test_geojson_is_a_feature_collection_of_located_events(db: str, tmp_path: Path) -> None:
    target = tmp_path / "events.geojson"
    _run("export", "--db", db, "--format", "geojson", "-o", str(target))
    collection = json.loads(target.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["location"]["lon"] == lon


def test_network_exports_as_graphml(db: str) -> None:
    graphml = _run("export", "--db", db, "--what", "network", "--format", "graphml")
    assert graphml.startswith("<?xml") and "<graphml" in graphml and "<edge" in graphml


def test_an_unknown_format_is_one_line_and_a_non_zero_exit(db: str) -> None:
    done = subprocess.run([*SITREP, "export", "--db", db, "--format", "xlsx"], capture_output=True, text=True)
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "--format" in done.stderr
    assert "Traceback" not in done.stderr


def test_python_api_returns_event_records() -> None:
    events = sitrep.analyze(
        "KHARKIV, Ukraine (Reuters) - Russian drones struck an apartment block in Kharkiv on Tuesday, "
        "killing at least three people, the regional governor said.",
        published="2024-05-09",
    )
    assert events
    strike = events[0]
    assert strike.plover == "ASSAULT" and strike.killed == 3 and strike.figure_qualifier == "at least"
    assert strike.date == "2024-05-07" and strike.location is not None and strike.location.country == "UKR"
    assert strike.actor1 is not None and strike.actor1.country == "RUS"
    assert strike.to_dict()["evidence"]["text"].startswith("Russian drones")


def test_python_api_refuses_unusable_text_with_a_reason() -> None:
    with pytest.raises(sitrep.InputError):
        sitrep.analyze("   ")
