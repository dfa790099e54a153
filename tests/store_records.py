"""Realistic records for the store's tests, built the way the pipeline builds them.

A cleaned article with the boilerplate it lost, and events with every field filled (or, in
bare_event, none): round trips must keep each value, including None and empty tuples.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from typing import Any

from sitrep.models import Actor, CleanArticle, Event, Location, OffsetMap, Removed, TextSpan

TEXT = (
    "The military helicopter was shot down south of Idlib city, where rebels supported by Turkish "
    "artillery were advancing near the town of Nairab, a rebel commander told Reuters. "
    "Turkey's defense ministry said 22 Syrian soldiers were killed in the clashes on Thursday."
)
APPEAL = "Please support our journalism with a donation."


def make_article(article_id: str = "idlib-helicopter", body: str = TEXT, **changes: Any) -> CleanArticle:
    """A cleaned article whose `original` had a donation appeal cut from its end."""
    original = body + "\n" + APPEAL
    article = CleanArticle(
        id=article_id,
        content_hash=hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest(),
        source=f"examples/{article_id}.txt",
        text=body,
        original=original,
        title="Syrian army helicopter shot down over Idlib",
        byline="By Staff Writer",
        published=date(2020, 2, 13),
        outlet="Example News",
        url=f"https://news.example/{article_id}",
        source_url="http://www.antiwar.example/original",
        republished_from="ANTIWAR.COM",
        language="en",
        dateline_place="BEIRUT",
        dateline_agency="Reuters",
        removed=(Removed(APPEAL, "donation_appeal", len(body) + 1, len(original)),),
        offsets=OffsetMap(((0, 0, len(body)),)),
    )
    return replace(article, **changes)


def make_event(article_id: str, number: int, **changes: Any) -> Event:
    """An ASSAULT by Turkey-backed rebels on Syrian forces near Nairab, every field filled."""
    sentence = TEXT.split(". ")[0]
    event = Event(
        event_id=f"{article_id}:{number}",
        article_id=article_id,
        plover="ASSAULT",
        mode="heavy-weapons",
        acled_event_type="Battles",
        acled_sub_event_type="Armed clash",
        cameo_root="19",
        quad_class=4,
        date="2020-02-11",
        date_precision="day",
        actor1=Actor("Syrian rebels", "SYR", "rebels", ("TUR",), "rebels supported by Turkish artillery"),
        actor2=Actor(
            "Military Forces of Syria", "SYR", "state_forces", ("RUS", "IRN"), "Russia-backed forces"
        ),
        location=Location("Nairab", "Idlib", "SYR", 35.8667, 36.7167, 163345, 1, "the town of Nairab"),
        killed=22,
        injured=None,
        displaced=0,
        figure_qualifier="at least",
        attributed_to="Turkey's defense ministry",
        hedged=True,
        evidence=TextSpan(sentence, 0, len(sentence)),
        outlet="Example News",
        url=f"https://news.example/{article_id}",
        published="2020-02-13",
    )
    return replace(event, **changes)


def bare_event(article_id: str, number: int) -> Event:
    """An event with every optional field unknown: None must come back as None, not "" or 0."""
    return Event(event_id=f"{article_id}:{number}", article_id=article_id, plover="PROTEST")
