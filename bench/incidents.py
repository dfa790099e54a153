"""Latency of attaching one new article to a store of 100,000 events (SQLite).

Generated articles of 10 events each: varied countries, places, dates over three years, actors and
word-salad texts (so MinHash bands spread like real ones), with every 20th article a light rewrite
of an earlier one. The background store is bulk-loaded (`--fill bulk`, the default): the same
grouping rules as attach (choose_incident over the same candidates, the same near-duplicate test)
run in memory, then every row goes in with executemany in one transaction (about 2 minutes at
100,000 events). `--fill real` instead saves and attaches each background article in turn, as
ingest does; at small sizes, compare the two `--db` files table by table to check that the bulk
fill builds the rows the real path would (at 5,000 events they are identical).

The timed part is the real path: `--probe` further articles, each saved with Store.save_article,
then timed through Corroborator.attach alone. Prints the store size, the fill time, the median and
95th percentile in milliseconds and the SQL statements per attach (BEGIN included). Then the surge
case (bench/incident_surge.py): `--surge` reports of one incident attached one by one, the median
and p95 of the first and the last 500 attaches (`--surge 0` leaves it out).

    .venv/bin/python bench/incidents.py [--events 100000] [--probe 200] [--surge 5000] [--fill bulk|real]
        [--db FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from incident_surge import surge_case  # bench/ is the script's folder, first on sys.path
from sqlalchemy import event as sql_event
from sqlalchemy import insert

from sitrep.corroborate import Corroborator, incident_id_for, syndication
from sitrep.corroborate.claims import Source, claim_rows, summarise
from sitrep.corroborate.incidents import (
    Span,
    choose_incident,
    date_span,
    dates_compatible,
    family,
    search_window,
)
from sitrep.corroborate.rules import Rules
from sitrep.models import Actor, CleanArticle, Event, Location, TextSpan
from sitrep.store import Store
from sitrep.store.articles import article_row
from sitrep.store.events import event_row
from sitrep.store.incidents import (
    article_sources,
    incident_claims,
    incident_row,
    incidents_table,
    minhash_bands,
)
from sitrep.store.schema import articles as articles_table
from sitrep.store.schema import events as events_table

EVENTS_PER_ARTICLE = 10
COUNTRIES = ["SYR", "UKR", "SOM", "SDN", "COD", "MMR", "NGA", "YEM", "MLI", "BFA", "AFG", "IRQ", "LBY", "ETH",
             "HTI"]  # fmt: skip
KINDS = ["state_forces", "rebels", "political_militia", "civilians", "identity_militia"]
PLOVERS = ["ASSAULT"] * 6 + ["COERCE", "PROTEST", "AID", "THREATEN", "MOBILIZE", "CONSULT"]
WORDS = [f"w{n}" for n in range(5000)]
CHUNK = 5000  # rows per executemany
FILL_CACHE_KIB = 1_000_000


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


def background(
    rng: random.Random, events: int
) -> tuple[list[tuple[CleanArticle, list[Event]]], list[CleanArticle]]:
    """Articles with at least `events` events in all, and the first 2,000 generated (rewrites copy those).

    A rewrite can repeat a stored text word for word; save_article would keep the first ("unchanged"),
    so the repeat is left out here.
    """
    articles: list[tuple[CleanArticle, list[Event]]] = []
    earlier: list[CleanArticle] = []
    seen: set[str] = set()
    total = number = 0
    while total < events:
        clean, article_events = make_article(rng, number, earlier)
        number += 1
        if len(earlier) < 2000:
            earlier.append(clean)
        if clean.content_hash not in seen:
            seen.add(clean.content_hash)
            articles.append((clean, article_events))
            total += len(article_events)
    return articles, earlier


class MemoryGrouping:
    """Attach's grouping, in memory: the same candidates, choice and near-duplicate test, no SQL."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.members: dict[str, list[Event]] = {}
        self.stored: dict[str, tuple[str, str | None, date | None, date | None]] = {}  # as summarised
        self.by_start: dict[tuple[str, str | None, date], set[str]] = defaultdict(set)
        self.band_index: dict[int, list[str]] = defaultdict(list)
        self.sources: dict[str, dict[str, Any]] = {}
        self.clusters: dict[str, list[str]] = {}
        self.bands: dict[str, list[int]] = {}

    def add_source(self, clean: CleanArticle) -> None:
        rules = self.rules
        sig = syndication.signature(clean.text, rules)
        keys = syndication.band_keys(sig, rules) if sig is not None else []
        matches: list[syndication.Match] = []
        if sig is not None:
            hits = Counter(other for key in keys for other in self.band_index[key])
            shared = sorted((-n, other) for other, n in hits.items() if n >= rules.min_band_hits)
            candidates = [(other, self.sources[other]["sig"]) for _n, other in shared[: rules.max_candidates]]
            matches = syndication.near_duplicates(sig, candidates, rules)
        explicit = syndication.explicit_origin(clean, rules)
        row: dict[str, Any] = {
            "article_id": clean.id, "seq": len(self.sources) + 1, "content_hash": clean.content_hash,
            "outlet": clean.outlet, "published": clean.published.isoformat() if clean.published else None,
            "own_key": syndication.own_origin(clean, rules),
            "explicit_key": explicit[0] if explicit else None,
            "basis": explicit[1] if explicit else ("near-duplicate" if matches else "own"),
            "copy_of": matches[0].article_id if matches else None,
            "similarity": matches[0].jaccard if matches else None,
            "shingles": sig.shingles if sig is not None else 0, "sig": sig,
        }  # fmt: skip
        joined = sorted({self.sources[m.article_id]["cluster"] for m in matches})
        members = [clean.id, *(a for cluster in joined for a in self.clusters.pop(cluster))]
        members.sort(key=lambda a: self.sources[a]["seq"] if a != clean.id else row["seq"])
        self.sources[clean.id] = row
        cluster = members[0]
        self.clusters[cluster] = members
        for article_id in members:
            self.sources[article_id]["cluster"] = cluster
        for key in set(keys):
            self.band_index[key].append(clean.id)
        self.bands[clean.id] = sorted(set(keys))

    def origin(self, cluster: str) -> str:
        members = [self.sources[a] for a in self.clusters[cluster]]
        stated = [m for m in members if m["explicit_key"]] or members
        first = min(stated, key=lambda m: (m["published"] or "9999", m["seq"]))
        return str(first["explicit_key"] if first["explicit_key"] else first["own_key"])

    def place(self, events: Sequence[Event]) -> None:
        """Corroborator's _place_events without the database: candidates as its index scan finds them."""
        rules = self.rules
        opened: dict[str, tuple[str, Span | None, str | None]] = {}
        touched: set[str] = set()
        for event in events:
            span, kind = date_span(event, rules), family(event.plover, rules)
            country = event.location.country if event.location else None
            ids: list[str] = []
            window = search_window(span, rules)
            if span is not None and window is not None:
                last_from = span.start - timedelta(days=rules.slack_days)
                found = []
                for offset in range((window[1] - window[0]).days + 1):
                    day = window[0] + timedelta(days=offset)
                    for where in {None, country}:
                        found += [i for i in self.by_start.get((kind, where, day), ())
                                  if (self.stored[i][3] or day) >= last_from]  # fmt: skip
                ids = [i for _day, i in sorted((self.stored[i][2], i) for i in found)]
            ids += [
                i
                for i, (k, s, c) in opened.items()
                if k == kind and i not in ids and _near(s, span, c, country)
            ]
            chosen = choose_incident(event, [(i, self.members.get(i, [])) for i in ids], rules)
            if chosen is None:
                chosen = incident_id_for(event.event_id)
                opened[chosen] = (kind, span, country)
            elif chosen in opened:
                kind_, old, where = opened[chosen]
                opened[chosen] = (kind_, _widen(old, span), where or country)
            self.members.setdefault(chosen, []).append(event)
            touched.add(chosen)
        for incident_id in touched:  # as summarise() will store them
            previous = self.stored.get(incident_id)
            if previous is not None and previous[2] is not None:
                self.by_start[(previous[0], previous[1], previous[2])].discard(incident_id)
            members = self.members[incident_id]
            spans = [s for s in (date_span(e, rules) for e in members) if s is not None]
            countries = Counter(e.location.country for e in members if e.location and e.location.country)
            country = min(countries, key=lambda c: (-countries[c], c)) if countries else None
            first = min(s.start for s in spans) if spans else None
            entry = (
                family(members[0].plover, rules),
                country,
                first,
                max(s.end for s in spans) if spans else None,
            )
            self.stored[incident_id] = entry
            if first is not None:
                self.by_start[(entry[0], country, first)].add(incident_id)


def _near(span: Span | None, other: Span | None, country: str | None, other_country: str | None) -> bool:
    if country and other_country and country != other_country:
        return False
    return span is None or other is None or dates_compatible(span, other)


def _widen(span: Span | None, other: Span | None) -> Span | None:
    if span is None or other is None:
        return span or other
    return Span(min(span.start, other.start), max(span.end, other.end))


def bulk_fill(store: Store, articles: Sequence[tuple[CleanArticle, list[Event]]], rules: Rules) -> None:
    """Group in memory, then insert articles, events, sources, bands, incidents and claims at once."""
    started = time.perf_counter()
    grouping = MemoryGrouping(rules)
    for clean, events in articles:
        grouping.add_source(clean)
        grouping.place(events)
    _phase("grouped in memory", started)
    incident_of = {e.event_id: i for i, members in grouping.members.items() for e in members}
    origins = {cluster: grouping.origin(cluster) for cluster in grouping.clusters}
    sources = {a: {**row, "source_key": origins[row["cluster"]]} for a, row in grouping.sources.items()}
    by_article = {a: Source(row["source_key"], row["outlet"], row["basis"]) for a, row in sources.items()}
    summaries = [summarise(i, members, by_article, rules) for i, members in sorted(grouping.members.items())]
    _phase("summarised", started)
    now = datetime.now(UTC)
    signed = {a: {k: v for k, v in row.items() if k != "sig"} | {"signature": _bytes(row["sig"])}
              for a, row in sources.items()}  # fmt: skip
    tables: list[tuple[Any, Iterable[dict[str, Any]]]] = [
        (articles_table, (article_row(clean, now) for clean, _events in articles)),
        (events_table, (event_row(e) | {"incident_id": incident_of[e.event_id]}
                        for _clean, events in articles for e in events)),
        (article_sources, signed.values()),
        (minhash_bands, ({"key": key, "article_id": article_id}
                         for article_id, keys in grouping.bands.items() for key in keys)),
        (incidents_table, (incident_row(summary) for summary in summaries)),
        (incident_claims, (claim for summary in summaries for claim in claim_rows(summary))),
    ]  # fmt: skip
    with store.engine.begin() as conn:
        # A page cache that holds the indexes: inserts with random keys would otherwise reread pages.
        conn.exec_driver_sql(f"PRAGMA cache_size = -{FILL_CACHE_KIB}")
        for table, rows in tables:
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= CHUNK:
                    conn.execute(insert(table), batch)
                    batch = []
            if batch:
                conn.execute(insert(table), batch)
        conn.exec_driver_sql("PRAGMA cache_size = -2000")  # SQLite's default, for the timed part
    _phase("inserted", started)


def _bytes(sig: syndication.Signature | None) -> bytes | None:
    return sig.to_bytes() if sig is not None else None


def _phase(what: str, started: float) -> None:
    print(f"  {what} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)


def real_fill(
    store: Store, corroborator: Corroborator, articles: Sequence[tuple[CleanArticle, list[Event]]]
) -> None:
    for number, (clean, events) in enumerate(articles):
        if store.save_article(clean, events) != "unchanged":
            corroborator.attach(clean, events)
        if number % 1000 == 0:
            print(f"  filled {number * EVENTS_PER_ARTICLE:,} events", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--probe", type=int, default=200)
    parser.add_argument("--surge", type=int, default=5000, help="reports of one incident (0: no surge case)")
    parser.add_argument("--fill", choices=("bulk", "real"), default="bulk")
    parser.add_argument(
        "--db", help="the SQLite file to fill, or to reuse when it has events (default: temporary)"
    )
    args = parser.parse_args()
    rng = random.Random(20200227)
    with (
        tempfile.TemporaryDirectory() as folder,
        Store(f"sqlite:///{args.db or folder + '/bench.db'}") as store,
    ):
        corroborator = Corroborator(store)
        started = time.perf_counter()
        articles, earlier = background(rng, args.events)
        if args.db and store.count_events():
            print(f"  reusing the {store.count_events():,} events in {args.db}", file=sys.stderr)
        elif args.fill == "bulk":
            bulk_fill(store, articles, corroborator.rules)
        else:
            real_fill(store, corroborator, articles)
        fill = time.perf_counter() - started
        stored, incidents = store.count_events(), corroborator.db.incident_count()
        statements = 0

        def count(*_args: Any) -> None:
            nonlocal statements
            statements += 1

        timings, counts = [], []
        for number in range(args.probe):
            clean, events = make_article(rng, 10_000_000 + number, earlier)
            if store.save_article(clean, events) == "unchanged":
                continue  # a rewrite identical to a stored text: nothing to attach
            statements = 0
            sql_event.listen(store.engine, "before_cursor_execute", count)
            started = time.perf_counter()
            corroborator.attach(clean, events)
            timings.append((time.perf_counter() - started) * 1000)
            sql_event.remove(store.engine, "before_cursor_execute", count)
            counts.append(statements)
        timings.sort()
        print(
            f"store: {stored:,} events, {incidents:,} incidents, {store.count_articles():,} articles "
            f"({args.fill} fill in {fill:.0f} s)"
        )
        print(
            f"attach one article ({EVENTS_PER_ARTICLE} events), {args.probe} probes: "
            f"median {statistics.median(timings):.1f} ms, p95 {timings[int(len(timings) * 0.95)]:.1f} ms, "
            f"{statistics.median(counts):.0f} SQL statements (median, BEGIN/COMMIT included)"
        )
        if args.surge:
            surge_case(store, corroborator, args.surge, random.Random(5))


if __name__ == "__main__":
    main()
