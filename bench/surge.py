"""A surge of reports of one story against the same number of unrelated reports (issue 13, finding 3).

Two fresh SQLite stores, filled the way `sitrep ingest` fills them (Store.save_article, then
Corroborator.attach, one article at a time):

- same story: COUNT same-day reports of one attack, each outlet's copy of one wire text with a
  few words changed (one story cluster, one incident), figures and claimants varying;
- spread: COUNT reports of different attacks (other places, dates, words).

Prints articles per second for both, the ratio (spread / same story; 1.0 would mean a surge costs
nothing extra), and how the same-story rate falls from the first to the last quarter of the run:
a rate that keeps falling is work growing with the story's size. Parsing is left out (it costs the
same in both cases), so the numbers are the store's and the corroborate stage's own.

    .venv/bin/python bench/surge.py [--count 1200] [--db-dir DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from sitrep.corroborate import Corroborator
from sitrep.models import Actor, CleanArticle, Event, Location, TextSpan
from sitrep.store import Store

WORDS = [f"w{n}" for n in range(5000)]
CLAIMANTS = [None, None, "the health ministry", "local officials", "a monitoring group", "police", "rebels"]
DAY = date(2024, 3, 4)
STORY_WORDS = 300
EDITS = 6  # words each outlet changes in the wire copy: a near-duplicate, one story cluster


def _article(number: int, text: str, published: date, place: Location, killed: int, claimant: str | None,
             outlet: str) -> tuple[CleanArticle, list[Event]]:  # fmt: skip
    article_id = f"surge-{number}"
    clean = CleanArticle(
        id=article_id,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        source=article_id,
        text=text,
        original=text,
        published=published,
        outlet=outlet,
    )
    sentence = text[:60]
    event = Event(
        event_id=f"{article_id}:0",
        article_id=article_id,
        plover="ASSAULT",
        mode="aerial",
        date=published.isoformat(),
        date_precision="day",
        actor1=Actor("Military Forces of Syria", "SYR", "state_forces"),
        actor2=Actor("Civilians (Syria)", "SYR", "civilians"),
        location=place,
        killed=killed,
        attributed_to=claimant,
        outlet=outlet,
        evidence=TextSpan(sentence, 0, len(sentence)),
        published=published.isoformat(),
    )
    return clean, [event]


def same_story(count: int, rng: random.Random) -> Iterator[tuple[CleanArticle, list[Event]]]:
    wire = [rng.choice(WORDS) for _ in range(STORY_WORDS)]
    place = Location("Maarat al-Numan", "Idlib", "SYR", 35.64, 36.67, 170000, 1, "Idlib")
    for number in range(count):
        words = list(wire)
        for _ in range(EDITS):
            words[rng.randrange(STORY_WORDS)] = rng.choice(WORDS)
        text = " ".join(words) + f". Filed by outlet {number}."
        killed, claimant = rng.randint(18, 26), rng.choice(CLAIMANTS)
        yield _article(number, text, DAY, place, killed, claimant, f"outlet-{number}")


def spread(count: int, rng: random.Random) -> Iterator[tuple[CleanArticle, list[Event]]]:
    for number in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(STORY_WORDS)) + "."
        published = DAY + timedelta(days=rng.randrange(3 * 365))
        lat, lon = rng.uniform(-10, 40), rng.uniform(0, 60)
        place = Location(f"Place {number}", None, "SYR", lat, lon, None, 1)
        yield _article(number, text, published, place, rng.randint(1, 60), rng.choice(CLAIMANTS),
                       f"outlet-{number % 50}")  # fmt: skip


def fill(url: str, articles: Iterator[tuple[CleanArticle, list[Event]]]) -> tuple[float, list[float]]:
    """Seconds to save and attach every article, and the seconds of each."""
    each = []
    with Store(url) as store:
        corroborator = Corroborator(store)
        started = time.perf_counter()
        for clean, events in articles:
            began = time.perf_counter()
            store.save_article(clean, events)
            corroborator.attach(clean, events)
            each.append(time.perf_counter() - began)
        return time.perf_counter() - started, each


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=1200)
    parser.add_argument("--db-dir", help="keep the two SQLite files here (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.db_dir or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        spread_s, _ = fill(f"sqlite:///{folder / 'spread.db'}", spread(args.count, random.Random(2)))
        story = same_story(args.count, random.Random(1))
        story_s, each = fill(f"sqlite:///{folder / 'same-story.db'}", story)
    quarter = max(1, len(each) // 4)
    first, last = quarter / sum(each[:quarter]), quarter / sum(each[-quarter:])
    print(f"spread:     {args.count} articles in {spread_s:6.1f} s = {args.count / spread_s:7.1f} articles/s")
    print(f"same story: {args.count} articles in {story_s:6.1f} s = {args.count / story_s:7.1f} articles/s")
    print(f"ratio spread/same story: {story_s / spread_s:.2f}; same story first quarter {first:.1f}/s, "
          f"last quarter {last:.1f}/s")  # fmt: skip


if __name__ == "__main__":
    main()
