"""Latency of attaching one new article to a store of 100,000 events (SQLite).

Fills a store through the real path (Store.save_article, then Corroborator.attach, one article at
a time) with generated articles of 10 events each: varied countries, places, dates over three
years, actors and word-salad texts (so MinHash bands spread like real ones), with every 20th
article a light rewrite of an earlier one. Then times attaching `--probe` further articles, each
alone, and prints the median and 95th percentile in milliseconds with the store size.

    .venv/bin/python bench/incidents.py [--events 100000] [--probe 200]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta

from sitrep.corroborate import Corroborator
from sitrep.models import Actor, CleanArticle, Event, Location, TextSpan
from sitrep.store import Store

EVENTS_PER_ARTICLE = 10
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
KINDS = ["state_forces", "rebels", "political_militia", "civilians", "identity_militia"]
PLOVERS = ["ASSAULT"] * 6 + ["COERCE", "PROTEST", "AID", "THREATEN", "MOBILIZE", "CONSULT"]
WORDS = [f"w{n}" for n in range(5000)]


def make_article(
    rng: random.Random, number: int, earlier: list[CleanArticle]
) -> tuple[CleanArticle, list[Event]]:
    if earlier and number % 20 == 0:
        base = rng.choice(earlier).text
        text = "Updated lede for this version. " + base[: int(len(base) * 0.8)]
    else:
        text = " ".join(rng.choice(WORDS) for _ in range(250)) + "."
    published = date(2021, 1, 1) + timedelta(days=rng.randrange(3 * 365))
    article_id = f"bench-{number}"
    clean = CleanArticle(
        id=article_id,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        source=article_id,
        text=text,
        original=text,
        published=published,
        outlet=f"outlet-{rng.randrange(300)}",
    )
    country = rng.choice(COUNTRIES)
    base_lat, base_lon = rng.uniform(-10, 40), rng.uniform(0, 60)
    events = []
    for index in range(EVENTS_PER_ARTICLE):
        when = published - timedelta(days=rng.randrange(4))
        events.append(
            Event(
                event_id=f"{article_id}:{index}",
                article_id=article_id,
                plover=rng.choice(PLOVERS),
                date=when.isoformat(),
                date_precision="day",
                actor1=Actor(f"Actor {rng.randrange(400)}", country, rng.choice(KINDS)),
                actor2=Actor(f"Actor {rng.randrange(400)}", country, rng.choice(KINDS)),
                location=Location(
                    f"Place {index}",
                    None,
                    country,
                    base_lat + rng.uniform(-1, 1),
                    base_lon + rng.uniform(-1, 1),
                    None,
                    rng.choice([1, 1, 2, 3]),
                ),
                killed=rng.choice([None, None, rng.randrange(1, 60)]),
                outlet=clean.outlet,
                evidence=TextSpan(text[:40], 0, 40),
                published=published.isoformat(),
            )
        )
    return clean, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--probe", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(20200227)
    with tempfile.TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/bench.db") as store:
        corroborator = Corroborator(store)
        earlier: list[CleanArticle] = []
        started = time.perf_counter()
        for number in range(args.events // EVENTS_PER_ARTICLE):
            clean, events = make_article(rng, number, earlier)
            if store.save_article(clean, events) != "unchanged":
                corroborator.attach(clean, events)
            if len(earlier) < 2000:
                earlier.append(clean)
            if number % 1000 == 0:
                print(f"  filled {number * EVENTS_PER_ARTICLE:,} events", file=sys.stderr, flush=True)
        fill = time.perf_counter() - started
        stored, incidents = store.count_events(), corroborator.db.incident_count()
        timings = []
        for number in range(args.probe):
            clean, events = make_article(rng, 10_000_000 + number, earlier)
            store.save_article(clean, events)
            started = time.perf_counter()
            corroborator.attach(clean, events)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        print(
            f"store: {stored:,} events, {incidents:,} incidents, {store.count_articles():,} articles "
            f"(filled in {fill:.0f} s)"
        )
        print(
            f"attach one article ({EVENTS_PER_ARTICLE} events), {args.probe} probes: "
            f"median {statistics.median(timings):.1f} ms, p95 {timings[int(len(timings) * 0.95)]:.1f} ms"
        )


if __name__ == "__main__":
    main()
