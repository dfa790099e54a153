"""The surge case of bench/incidents.py: thousands of reports of one incident attached to a big store.

COUNT articles about one air strike (each its own text and outlet, so each an independent source;
figures, claimants, hedges and places varying as real reports do) are saved and attached one at a
time after the background store; the attach of each is timed (Corroborator.attach alone, as the
probes are). A flat cost means the first 500 and the last 500 attaches take the same time: the
incident's 5,000th report costs what its 5th did.
"""

from __future__ import annotations

import hashlib
import random
import statistics
import time
from collections.abc import Iterator
from datetime import date

from sitrep.corroborate import Corroborator
from sitrep.models import Actor, CleanArticle, Event, Location, TextSpan
from sitrep.store import Store

DAY = date(2022, 6, 14)
PLACE = Location("Surge Town", "Surge Province", "UKR", 48.51, 35.02, 90000, 1, "Surge Province")
OUTSKIRTS = Location("Surge Town outskirts", "Surge Province", "UKR", 48.53, 35.05, None, 2, "Surge Province")
CLAIMANTS = [None, None, "the regional governor", "the defence ministry", "local officials", "rescuers"]
WINDOW = 500  # the first and the last WINDOW attaches are compared


def reports(count: int, rng: random.Random) -> Iterator[tuple[CleanArticle, list[Event]]]:
    for number in range(count):
        text = " ".join(f"w{rng.randrange(5000)}" for _ in range(250)) + "."
        article_id = f"surge-{number}"
        clean = CleanArticle(
            id=article_id, content_hash=hashlib.sha256(text.encode()).hexdigest(), source=article_id,
            text=text, original=text, published=DAY, outlet=f"surge-outlet-{number}",
        )  # fmt: skip
        event = Event(
            event_id=f"{article_id}:0", article_id=article_id, plover="ASSAULT", mode="aerial",
            acled_event_type="Explosions/Remote violence", date=DAY.isoformat(), date_precision="day",
            actor1=Actor("Military Forces of Russia", "RUS", "state_forces"),
            actor2=Actor("Civilians (Ukraine)", "UKR", "civilians"),
            location=OUTSKIRTS if rng.random() < 0.2 else PLACE,
            killed=rng.randint(18, 26), injured=rng.choice([None, 40, 44, 51]),
            figure_qualifier=rng.choice([None, None, "at least"]), attributed_to=rng.choice(CLAIMANTS),
            hedged=rng.random() < 0.15, outlet=clean.outlet, evidence=TextSpan(text[:40], 0, 40),
            published=DAY.isoformat(),
        )  # fmt: skip
        yield clean, [event]


def surge_case(store: Store, corroborator: Corroborator, count: int, rng: random.Random) -> None:
    """Attach `count` reports of one incident; print attach median and p95, first vs last WINDOW."""
    timings: list[float] = []
    incidents: set[str] = set()
    started = time.perf_counter()
    for clean, events in reports(count, rng):
        store.save_article(clean, events)
        began = time.perf_counter()
        incidents.update(corroborator.attach(clean, events))
        timings.append((time.perf_counter() - began) * 1000)
    took = time.perf_counter() - started
    window = min(WINDOW, len(timings) // 2)
    first, last = sorted(timings[:window]), sorted(timings[-window:])
    record = corroborator.incident(sorted(incidents)[0]) if len(incidents) == 1 else None

    def shown(part: list[float]) -> str:
        return f"median {statistics.median(part):.1f} ms, p95 {part[int(len(part) * 0.95)]:.1f} ms"

    told = f" ({record['reports']:,} reports, {record['independent_sources']:,} sources)" if record else ""
    print(
        f"surge: {count:,} reports of one incident, attached in {took:.0f} s: "
        f"{len(incidents)} incident(s){told}"
    )
    print(f"  first {window}: {shown(first)}")
    print(f"  last {window}:  {shown(last)}")
    print(f"  last/first: median {statistics.median(last) / statistics.median(first):.2f}x, "
          f"p95 {last[int(window * 0.95)] / first[int(window * 0.95)]:.2f}x")  # fmt: skip
