"""Large incidents attached from their digest store what a full summary of all their reports gives.

Attach summarises an incident from all its reports until it holds 2 x `linkage_sample` events, then
from its digest (sitrep.corroborate.digest). Here the sample is made tiny so that nearly every
incident of the corpus, and a generated surge of one story, goes through the digest path; after
attaching, every incident's row (what the list, the map and the filters read), its claim rows (the
outlet record, the report) and the record a reader gets must equal a full recompute: claims.summarise
over every stored member.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import event as sql_event
from sqlalchemy import select

from sitrep.corroborate import Corroborator, rolling
from sitrep.corroborate.claims import claim_rows
from sitrep.corroborate.rules import Rules, load_rules
from sitrep.models import Actor, CleanArticle, Event, Location, TextSpan
from sitrep.serve import queries
from sitrep.store import Store
from sitrep.store.digests import incident_digests
from sitrep.store.incidents import incident_row, incidents_table
from test_corroborate_corpus import load_corpus

DAY = date(2024, 3, 4)
CLAIMANTS = [None, None, "the health ministry", "local officials", "a monitoring group", "rebels"]
PLACE = Location("Maarat al-Numan", "Idlib", "SYR", 35.64, 36.67, 170000, 1, "Idlib")
NEAR = Location("Maarat al-Numan outskirts", "Idlib", "SYR", 35.65, 36.68, None, 2, "Idlib")


def tiny(sample: int) -> Rules:
    return dataclasses.replace(load_rules(), linkage_sample=sample)


def surge(count: int, seed: int = 3) -> Iterator[tuple[CleanArticle, list[Event]]]:
    """Reports of one air strike: outlets of their own or copying a wire, figures, claimants, hedges,
    qualifiers, places and blamed sides varying (so statuses and ranges move as the story grows)."""
    rng = random.Random(seed)
    wire = " ".join(f"w{rng.randrange(4000)}" for _ in range(200))
    for number in range(count):
        copy = rng.random() < 0.3
        text = wire + f" Desk {number}." if copy else " ".join(f"w{rng.randrange(4000)}" for _ in range(200))
        article_id = f"surge-{number:04d}"
        clean = CleanArticle(
            id=article_id, content_hash=hashlib.sha256(text.encode()).hexdigest(), source=article_id,
            text=text, original=text, published=DAY, outlet=f"outlet-{number % 40}",
        )  # fmt: skip
        events = []
        for n in range(rng.choice([1, 1, 1, 2])):
            blamed = rng.random() < 0.05
            sentence = text[: 40 + n]
            events.append(
                Event(
                    event_id=f"{article_id}:{n}",
                    article_id=article_id,
                    plover="ASSAULT",
                    acled_event_type="Explosions/Remote violence",
                    date=DAY.isoformat(),
                    date_precision="day",
                    actor1=Actor("Rebels", "SYR", "rebels")
                    if blamed
                    else Actor("Military Forces of Syria", "SYR", "state_forces"),
                    actor2=Actor("Civilians (Syria)", "SYR", "civilians"),
                    location=NEAR if rng.random() < 0.2 else PLACE,
                    killed=rng.choice([None, *range(18, 27)]),
                    injured=rng.choice([None, None, 40, 44]),
                    figure_qualifier=rng.choice([None, None, "at least"]),
                    attributed_to=rng.choice(CLAIMANTS),
                    hedged=rng.random() < 0.2,
                    outlet=clean.outlet,
                    evidence=TextSpan(sentence, 0, len(sentence)),
                    published=DAY.isoformat(),
                )  # fmt: skip
            )
        yield clean, events


def recomputed(corroborator: Corroborator) -> dict[str, dict[str, Any]]:
    """Every incident summarised again from all its stored members."""
    with corroborator.store.engine.connect() as conn:
        ids = list(conn.execute(select(incidents_table.c.id)).scalars())
        return {i: r for i in ids if (r := rolling.record(corroborator.db, conn, i, corroborator.rules))}


def assert_same_as_full(corroborator: Corroborator) -> int:
    """The stored rows, claims and records equal a full recompute; the number of incidents rolled."""
    full = recomputed(corroborator)
    assert full
    with corroborator.store.engine.connect() as conn:
        rows = {r["id"]: dict(r) for r in conn.execute(select(incidents_table)).mappings()}
    rolled = 0
    for incident_id, summary in full.items():
        want = incident_row(summary)
        got = rows[incident_id]
        rolled += rolling.is_rolled(got["detail"])
        del got["detail"], want["detail"]
        assert got == want
        assert corroborator.incident(incident_id) == summary
        assert queries.incident_detail(corroborator.store, incident_id) == summary
    columns = ("incident_id", "field", "article_id", "event_id", "outlet", "source_key", "claimant", "value",
               "number", "hedged", "status", "outside_range")  # fmt: skip

    def key(row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(bool(row[c]) if c == "hedged" else row[c] for c in columns)

    stored = Counter(key(row) for row in corroborator.db.claims())
    assert stored == Counter(key(row) for summary in full.values() for row in claim_rows(summary))
    return rolled


def test_the_corpus_through_digests_stores_what_a_full_summary_gives(store: Store) -> None:
    corroborator = Corroborator(store, tiny(1))  # every incident of two reports or more is large
    articles, _status = load_corpus()
    for article in articles:
        if store.save_article(article.clean, article.events) != "unchanged":
            corroborator.attach(article.clean, article.events)
    assert assert_same_as_full(corroborator) >= 5


def test_a_surge_through_digests_stores_what_a_full_summary_gives(store: Store) -> None:
    corroborator = Corroborator(store, tiny(4))
    for number, (clean, events) in enumerate(surge(160), start=1):
        store.save_article(clean, events)
        corroborator.attach(clean, events)
        if number in (3, 40, 160):  # before the incident is large (8 events), after, well after
            assert assert_same_as_full(corroborator) == (number > 3)
    with store.engine.connect() as conn:
        assert conn.execute(select(incident_digests.c.incident_id)).scalars().all()  # kept in the store


def test_an_edited_report_of_a_large_incident_summarises_it_whole_again(store: Store) -> None:
    corroborator = Corroborator(store, tiny(3))
    stories = list(surge(30, seed=5))
    for clean, events in stories:
        store.save_article(clean, events)
        corroborator.attach(clean, events)
    clean, events = stories[7]
    text = clean.text + " Corrected."
    edited = dataclasses.replace(clean, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest())
    fewer = [dataclasses.replace(events[0], killed=90, hedged=False, attributed_to=None)]
    assert store.save_article(edited, fewer) == "updated"
    corroborator.attach(edited, fewer)
    assert assert_same_as_full(corroborator) == 0  # its record stored whole again, its digest rebuilt
    later = list(surge(31, seed=6))[30]
    store.save_article(*later)
    corroborator.attach(*later)
    assert assert_same_as_full(corroborator) == 1  # and the next report grows the rebuilt digest


def test_attach_to_a_large_incident_reads_and_writes_as_many_rows_whatever_its_size(store: Store) -> None:
    """Events read and rows written per attach, at 200 and at 1,000 reports of one story."""
    corroborator = Corroborator(store, tiny(10))
    db = corroborator.db
    counted = Counter[str]()
    member_events, stored_events = db.member_events, db.stored_events

    def members(conn: Any, ids: Any) -> dict[str, list[Event]]:
        found = member_events(conn, ids)
        counted["read"] += sum(len(events) for events in found.values())
        return found

    def stored(conn: Any, ids: Any) -> dict[str, Event]:
        found = stored_events(conn, ids)
        counted["read"] += len(found)
        return found

    def written(_conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            counted["written"] += max(cursor.rowcount, 0)

    db.member_events, db.stored_events = members, stored  # type: ignore[method-assign]
    per_attach: dict[int, tuple[int, int]] = {}
    for number, (clean, events) in enumerate(surge(1000, seed=7), start=1):
        store.save_article(clean, events)
        counted.clear()
        sql_event.listen(store.engine, "after_cursor_execute", written)
        corroborator.attach(clean, events)
        sql_event.remove(store.engine, "after_cursor_execute", written)
        per_attach[number] = (counted["read"], counted["written"])
    early = [per_attach[n] for n in range(181, 201)]
    late = [per_attach[n] for n in range(981, 1001)]
    print("events read, rows written per attach:", early, late)
    assert max(read for read, _ in late) <= max(read for read, _ in early), (early, late)
    assert max(wrote for _, wrote in late) <= max(wrote for _, wrote in early), (early, late)
    assert max(read for read, _ in late) < 100  # the sample (20), the claim groups' events, the report
