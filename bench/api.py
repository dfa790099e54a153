"""Latency of the dashboard's busiest API reads on a SQLite store of 1,000,000 events.

Fills a store by bulk inserts through the Store's own engine and tables (articles, events,
incidents with their claim detail, claim rows): generating a million events through the pipeline
would take days and measure the pipeline, not the API. Four events make one incident (two
articles, two outlets, disagreeing casualty figures every third incident), over three years,
fifteen countries. Then serves the real app with uvicorn on a free loopback port and times, over
keep-alive HTTP, the incident list (first page; filtered by country), an incident page (random
ids) and the map data endpoint. Prints the median and 95th percentile per endpoint.

    .venv/bin/python bench/api.py [--events 1000000] [--requests 200] [--db PATH (kept, reused)]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from sqlalchemy import func, insert, select

from sitrep.app import Sitrep
from sitrep.serve import create_app
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.incidents import incident_claims, incidents_table
from sitrep.store.schema import articles, events

EVENTS_PER_ARTICLE = 2
EVENTS_PER_INCIDENT = 4
BATCH = 20_000
COUNTRIES = [
    "SYR",
    "UKR",
    "SOM",
    "SDN",
    "COD",
    "MMR",
    "NGA",
    "YEM",
    "MLI",
    "BFA",
    "AFG",
    "IRQ",
    "LBY",
    "ETH",
    "HTI",
]
OUTLETS = ["Reuters", "AP", "AFP", "Al Jazeera", "BBC", "Local Daily", "Kyiv Independent", "Sudan Tribune"]
PLOVERS = ["ASSAULT"] * 6 + ["COERCE", "PROTEST", "AID", "THREATEN", "MOBILIZE", "CONSULT"]
ACTORS = ["Military Forces of {c}", "Rebels ({c})", "Police Forces of {c}", "Unidentified Armed Group ({c})"]
START = date(2021, 1, 1)


def _incident_rows(number: int, rng: random.Random) -> tuple[dict[str, Any], list[dict[str, Any]], list[str]]:
    """One incident row (with its claim detail), its claim rows, and its two article ids."""
    country = COUNTRIES[number % len(COUNTRIES)]
    day = (START + timedelta(days=rng.randrange(3 * 365))).isoformat()
    lat, lon = rng.uniform(-10, 45), rng.uniform(-15, 70)
    incident_id = f"inc-{number:08d}"
    article_ids = [f"art-{number:08d}-{side}" for side in (0, 1)]
    outlets = rng.sample(OUTLETS, 2)
    base = rng.randrange(1, 60)
    values = [base, base + (rng.randrange(1, 12) if number % 3 == 0 else 0)]
    status = "contested" if values[0] != values[1] else "corroborated"
    claims = [
        {"value": value, "outlet": outlet, "attributed_to": "officials" if i else None, "claimant": None,
         "hedged": False, "article_id": article_ids[i], "event_id": f"{article_ids[i]}-e0",
         "source": f"outlet:{outlet.lower()}", "quote": f"{value} people were killed in {country}.",
         "qualifier": None, "outside_range": None}
        for i, (value, outlet) in enumerate(zip(values, outlets, strict=True))
    ]  # fmt: skip
    killed = {"status": status, "conservative": min(values), "min": min(values), "max": max(values),
              "claims": claims}  # fmt: skip
    actor1 = ACTORS[number % len(ACTORS)].format(c=country)
    detail = {
        "incident_id": incident_id, "plover": PLOVERS[number % len(PLOVERS)], "date": day, "date_first": day,
        "date_last": day, "country": country, "location": {"name": f"Place {number % 5000}", "lat": lat,
        "lon": lon, "country": country}, "actor1": actor1, "actor2": None, "status": status,
        "independent_sources": 2, "reports": 2, "events": EVENTS_PER_INCIDENT,
        "sources": [{"source": c["source"], "outlets": [c["outlet"]], "articles": [c["article_id"]],
                     "claimants": []} for c in claims],
        "killed": killed, "injured": None, "displaced": None, "fields": {"killed": killed},
    }  # fmt: skip
    row = {
        "id": incident_id, "family": "violence", "plover": detail["plover"], "acled_event_type": "Battles",
        "date": day, "date_first": day, "date_last": day, "country": country,
        "location_name": detail["location"]["name"], "lat": lat, "lon": lon, "precision": 1, "actor1": actor1,
        "actor2": None, "status": status, "independent_sources": 2, "reports": 2,
        "events": EVENTS_PER_INCIDENT,
        "killed": min(values), "killed_min": min(values), "killed_max": max(values), "injured": None,
        "injured_min": None, "injured_max": None, "displaced": None, "displaced_min": None,
        "displaced_max": None, "detail": detail,
    }  # fmt: skip
    claim_rows = [
        {"incident_id": incident_id, "field": "killed", "article_id": c["article_id"],
         "event_id": c["event_id"],
         "outlet": c["outlet"], "source_key": c["source"], "claimant": None, "value": str(c["value"]),
         "number": c["value"], "hedged": False, "status": status, "outside_range": None}
        for c in claims
    ]  # fmt: skip
    return row, claim_rows, article_ids


def _event_rows(incident: dict[str, Any], article_ids: list[str]) -> Iterator[dict[str, Any]]:
    country, day = incident["country"], incident["date"]
    for article_id in article_ids:
        for index in range(EVENTS_PER_ARTICLE):
            yield {
                "event_id": f"{article_id}-e{index}", "article_id": article_id, "incident_id": incident["id"],
                "plover": incident["plover"], "date": day, "date_precision": "day",
                "actor1_name": incident["actor1"], "actor1_country": country, "actor1_kind": "state_forces",
                "actor1_backed_by": [], "location_name": incident["location_name"],
                "location_country": country,
                "location_lat": incident["lat"], "location_lon": incident["lon"], "location_precision": 1,
                "killed": incident["killed"], "hedged": False, "evidence_text": "A sentence.",
                "evidence_start": 0, "evidence_end": 11, "outlet": "Reuters", "published": day,
            }  # fmt: skip


def fill(store: Store, total_events: int, seed: int = 7) -> None:
    """Bulk-insert `total_events` events with their articles, incidents and claims."""
    rng = random.Random(seed)
    incidents = total_events // (EVENTS_PER_ARTICLE * 2)
    now = datetime.now(UTC)
    started = time.perf_counter()
    for first in range(0, incidents, BATCH // EVENTS_PER_INCIDENT):
        batch = range(first, min(incidents, first + BATCH // EVENTS_PER_INCIDENT))
        incident_rows, claim_rows, article_rows, event_rows = [], [], [], []
        for number in batch:
            row, claims, article_ids = _incident_rows(number, rng)
            incident_rows.append(row)
            claim_rows.extend(claims)
            for article_id in article_ids:
                text = f"Report {article_id}: fighting in {row['location_name']}, {row['country']}."
                article_rows.append({
                    "id": article_id, "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                    "source": "bench",
                    "title": text[:40], "published": date.fromisoformat(row["date"]), "outlet": "Reuters",
                    "text": text, "original": text, "removed": [], "offsets": [], "ingested_at": now,
                })  # fmt: skip
            event_rows.extend(_event_rows(row, article_ids))
        with store.engine.begin() as conn:
            conn.execute(insert(articles), article_rows)
            conn.execute(insert(events), event_rows)
            conn.execute(insert(incidents_table), incident_rows)
            conn.execute(insert(incident_claims), claim_rows)
        done = (batch.stop) * EVENTS_PER_INCIDENT
        print(
            f"\r  {done:,} events ({time.perf_counter() - started:.0f} s)",
            end="",
            file=sys.stderr,
            flush=True,
        )
    print(file=sys.stderr)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]


def measure(db: Path, requests: int) -> list[tuple[str, float, float, int]]:
    sitrep = Sitrep(Settings(db_url=f"sqlite:///{db}"))
    with sitrep.store.engine.connect() as conn:
        ids = list(
            conn.execute(select(incidents_table.c.id).order_by(func.random()).limit(requests)).scalars()
        )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(sitrep), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    targets = {
        "incident list (first page)": lambda i: "/api/incidents",
        "incident list (country, page 3)": lambda i: f"/api/incidents?country={COUNTRIES[i % 15]}&offset=100",
        "incident page": lambda i: f"/api/incidents/{ids[i % len(ids)]}",
        "map data": lambda i: "/api/map",
    }
    results = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for name, path in targets.items():
                for i in range(5):  # warm the page cache and the connection pool
                    client.get(path(i)).raise_for_status()
                samples, size = [], 0
                for i in range(requests):
                    start = time.perf_counter()
                    response = client.get(path(i))
                    samples.append((time.perf_counter() - start) * 1000)
                    response.raise_for_status()
                    size = len(response.content)
                median, p95 = _percentiles(samples)
                results.append((name, median, p95, size))
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sitrep.store.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--db", type=Path, help="reuse (or create and keep) this SQLite file")
    args = parser.parse_args()
    folder = None
    if args.db is None:
        folder = tempfile.TemporaryDirectory(prefix="sitrep-bench-api-")
        args.db = Path(folder.name) / "bench.db"
    fresh = not args.db.exists()
    with Store(f"sqlite:///{args.db}") as store:
        if fresh:
            print(f"filling {args.db} with {args.events:,} events", file=sys.stderr)
            fill(store, args.events)
        with store.engine.connect() as conn:
            count = conn.execute(select(func.count()).select_from(events)).scalar_one()
            incident_count = conn.execute(select(func.count()).select_from(incidents_table)).scalar_one()
    print(
        f"store: {count:,} events, {incident_count:,} incidents, "
        f"SQLite {args.db.stat().st_size / 1e6:,.0f} MB"
    )
    print(f"{'endpoint':34s} {'median ms':>10s} {'p95 ms':>8s} {'bytes':>9s}")
    for name, median, p95, size in measure(args.db, args.requests):
        print(f"{name:34s} {median:10.1f} {p95:8.1f} {size:9,d}")
    if folder is not None:
        folder.cleanup()


if __name__ == "__main__":
    main()
