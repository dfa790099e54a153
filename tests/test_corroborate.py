"""The corroborate stage: incidents across articles, independent sources, claims and status.

Extraction and resolution are built elsewhere, so events are built here by hand (`event()`), as
the resolve stage would emit them; texts are real or realistic, since copy detection reads them.
Tests that use the `store` fixture run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.app import Sitrep
from sitrep.corroborate import Corroborator
from sitrep.corroborate.claims import claimant_key, same_claimant
from sitrep.corroborate.incidents import Span, dates_compatible, events_compatible, places_compatible
from sitrep.corroborate.syndication import explicit_origin, normalise_outlet
from sitrep.errors import ConfigError
from sitrep.models import Actor, CleanArticle, Event, Location, TextSpan
from sitrep.settings import Settings
from sitrep.store import Store

EXAMPLES = Path("/work/shared/examples/articles")
TUR_FORCES = Actor("Military Forces of Turkey", "TUR", "state_forces")
SYR_FORCES = Actor("Military Forces of Syria", "SYR", "state_forces", ("RUS",))
REBELS = Actor("Syrian National Army", "SYR", "rebels", ("TUR",))
TURKEY = Actor("Government of Turkey", "TUR", "government")
IDLIB = Location("Idlib", "Idlib", "SYR", 35.93, 36.63, None, 1)
NAIRAB = Location("Nairab", "Idlib", "SYR", 35.86, 36.70, None, 1)
KHARKIV = Location("Kharkiv", "Kharkivska", "UKR", 49.99, 36.23, None, 1)

WIRE = (
    "Russian missiles struck the centre of Kharkiv on Thursday, killing seven people at a printing plant and "
    "wounding 21 others, Ukrainian officials said. Rescuers worked through the night to pull survivors "
    "from the burning ruins of the building, which printed a third of the country's books. The regional "
    "governor said the strike came without warning and that the city's air defences were overwhelmed. "
    "Moscow did not comment."
)
OWN_STORY = (
    "Seven employees died when a missile hit a printing house in Kharkiv, the governor said on Telegram. "
    "Staff described a flash and then fire spreading through the paper stores within minutes."
)


def article(
    article_id: str, text: str, outlet: str | None, published: str = "2024-05-23", **meta: Any
) -> CleanArticle:
    return CleanArticle(
        id=article_id,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        source=article_id,
        text=text,
        original=text,
        published=date.fromisoformat(published),
        outlet=outlet,
        **meta,
    )


def event(clean: CleanArticle, number: int = 0, evidence: str | None = None, **fields: Any) -> Event:
    quote = evidence or clean.text.split(". ")[0]
    start = clean.text.find(quote)
    values: dict[str, Any] = {
        "plover": "ASSAULT",
        "acled_event_type": "Explosions/Remote violence",
        "date": "2024-05-23",
        "date_precision": "day",
        "actor1": Actor("Military Forces of Russia", "RUS", "state_forces"),
        "actor2": Actor("Civilians (Ukraine)", "UKR", "civilians"),
        "location": KHARKIV,
    }
    values.update(fields)
    return Event(
        event_id=f"{clean.id}:{number}",
        article_id=clean.id,
        evidence=TextSpan(quote, start, start + len(quote)),
        outlet=clean.outlet,
        published=clean.published.isoformat() if clean.published else None,
        **values,
    )


def ingest(store: Store, corroborator: Corroborator, clean: CleanArticle, *events: Event) -> list[str]:
    assert store.save_article(clean, events) != "unchanged"
    return corroborator.attach(clean, events)


# -- the two example articles -------------------------------------------------------------------


def test_example_articles_are_two_incidents_and_one_backing_relation_with_two_sources(tmp_path: Path) -> None:
    settings = Settings.from_env(db_url=f"sqlite:///{tmp_path / 'x.db'}")
    cleans = {a.clean.id: a.clean for a in Sitrep(settings).analyze([EXAMPLES], until="clean") if a.clean}
    heli, antiwar = cleans["idlib-helicopter-downed"], cleans["antiwar-turkey-kills-50"]
    heli_events = [
        event(
            heli,
            0,
            "The military helicopter was shot down south of Idlib city",
            actor1=REBELS,
            actor2=SYR_FORCES,
            location=IDLIB,
            date="2020-02-11",
            attributed_to="Abdulah al-Shami",
        ),
        event(
            heli,
            1,
            "rebels supported by Turkish artillery were advancing",
            plover="AID",
            actor1=TURKEY,
            actor2=REBELS,
            location=NAIRAB,
            date="2020-02-11",
            acled_event_type=None,
        ),
    ]
    antiwar_events = [
        event(
            antiwar,
            0,
            "claiming to have killed over 50 soldiers",
            actor1=TUR_FORCES,
            actor2=SYR_FORCES,
            location=IDLIB,
            date="2020-02-20",
            killed=50,
            figure_qualifier="over",
            hedged=True,
        ),
        event(
            antiwar,
            1,
            "Turkish-backed rebels were involved in the attacks",
            plover="AID",
            actor1=TURKEY,
            actor2=REBELS,
            location=IDLIB,
            date="2020-02-20",
            acled_event_type=None,
        ),
    ]
    with Store(settings.db_url) as store:
        corroborator = Corroborator(store)
        heli_ids = ingest(store, corroborator, heli, *heli_events)
        antiwar_ids = ingest(store, corroborator, antiwar, *antiwar_events)
        assert heli_ids[0] != antiwar_ids[0]  # eight days apart: two incidents, never one
        assert (
            corroborator.source(antiwar.id)["source_key"] == "outlet:antiwar"
        )  # republished with permission
        backs = [
            r
            for r in corroborator.relations()
            if r["relation"] == "backs" and r["source"] == "Turkey" and r["target"] == "Syrian National Army"
        ]
        assert len(backs) == 1 and backs[0]["independent_sources"] == 2


# -- incidents, sources, status on both backends ------------------------------------------------


def test_copies_count_once_and_one_claimant_relayed_twice_is_not_corroboration(store: Store) -> None:
    corroborator = Corroborator(store)
    wire = article("wire", "KHARKIV (Reuters) - " + WIRE, "Reuters")
    rewrite = article(
        "rewrite", "Kharkiv was hit again. " + WIRE.replace("Moscow did not comment.", ""), "Daily Post"
    )
    ministry = "Ukraine's interior ministry"
    first = ingest(store, corroborator, wire, event(wire, killed=7, attributed_to=ministry))
    ingest(store, corroborator, rewrite, event(rewrite, killed=7, attributed_to=ministry))
    assert corroborator.source("rewrite")["source_key"] == "wire:reuters"
    assert corroborator.source("rewrite")["basis"] == "near-duplicate"
    record = corroborator.incident(first[0])
    assert record["independent_sources"] == 1 and record["status"] == "single-source"
    other = article("other", OWN_STORY, "Kyiv Independent")
    assert (
        ingest(
            store,
            corroborator,
            other,
            event(other, killed=7, attributed_to="the Ukrainian Interior Ministry"),
        )
        == first
    )
    record = corroborator.incident(first[0])
    assert record["independent_sources"] == 2
    assert record["killed"]["status"] == "single-source"  # two outlets, one claimant
    assert record["status"] == "single-source"
    own = article(
        "own",
        "A printing house in Kharkiv burned after a strike that killed seven, our reporter saw.",
        "Suspilne",
    )
    ingest(store, corroborator, own, event(own, killed=7))
    assert corroborator.incident(first[0])["status"] == "corroborated"


def test_disagreeing_tolls_are_contested_with_the_conservative_figure(store: Store) -> None:
    corroborator = Corroborator(store)
    ids = []
    for number, (outlet, killed, who) in enumerate(
        [
            ("Reuters", 22, "the Hatay governor"),
            ("AFP", 33, "Turkish officials"),
            ("MEE", 34, "a war monitor"),
        ]
    ):
        clean = article(
            f"a{number}",
            f"{outlet} report {number}: {killed} soldiers were killed in Idlib. " + "x" * number,
            outlet,
            "2020-02-28",
        )
        ids += ingest(
            store,
            corroborator,
            clean,
            event(
                clean,
                killed=killed,
                attributed_to=who,
                date="2020-02-27",
                location=IDLIB,
                actor1=SYR_FORCES,
                actor2=TUR_FORCES,
            ),
        )
    assert len(set(ids)) == 1
    record = corroborator.incident(ids[0])
    assert record["status"] == "contested"
    assert (record["killed"]["conservative"], record["killed"]["min"], record["killed"]["max"]) == (
        22,
        22,
        34,
    )
    assert {c["outlet"] for c in record["killed"]["claims"]} == {"Reuters", "AFP", "MEE"}
    assert [r["id"] for r in corroborator.incidents(status="contested", country="SYR")] == ids[:1]
    assert corroborator.incidents(status="corroborated") == []
    assert corroborator.incidents(since="2020-03") == []
    outlets = {o["outlet"]: o for o in corroborator.outlets()}
    assert outlets["MEE"]["figures_outside_range"] == 1 and outlets["AFP"]["figures_outside_range"] == 0
    with pytest.raises(ConfigError):
        corroborator.incidents(status="rumoured")


def test_look_alike_incidents_stay_apart(store: Store) -> None:
    corroborator = Corroborator(store)
    first = article("d1", OWN_STORY, "Outlet One")
    later = article(
        "d2", "Two days later another strike hit the same city and killed three people.", "Outlet Two"
    )
    elsewhere = article(
        "d3", "On the same day a strike on Izium killed two people, officials said.", "Outlet Three"
    )
    a = ingest(store, corroborator, first, event(first))
    b = ingest(store, corroborator, later, event(later, date="2024-05-25"))
    izium = Location("Izium", "Kharkivska", "UKR", 49.21, 37.26, None, 1)
    c = ingest(store, corroborator, elsewhere, event(elsewhere, location=izium))
    assert len({a[0], b[0], c[0]}) == 3


def test_reattach_is_idempotent_and_an_edited_article_leaves_its_old_incident(store: Store) -> None:
    corroborator = Corroborator(store)
    clean = article("edit", OWN_STORY, "Outlet")
    ids = ingest(store, corroborator, clean, event(clean))
    assert corroborator.attach(clean, [event(clean)]) == ids
    edited = article("edit", OWN_STORY + " Later the toll rose.", "Outlet")
    new_ids = ingest(store, corroborator, edited, event(edited, number=5, date="2024-06-02"))
    assert new_ids != ids and corroborator.incident(ids[0]) is None
    assert [e.incident_id for e in store.events()] == new_ids


def test_exports_are_valid_files(store: Store) -> None:
    corroborator = Corroborator(store)
    clean = article("exp", OWN_STORY, "Outlet <&>")
    ingest(
        store,
        corroborator,
        clean,
        event(clean, killed=7, actor1=Actor("Russia", "RUS", "government", ())),
        event(clean, 1, plover="AID", actor1=REBELS, actor2=TUR_FORCES, acled_event_type=None),
    )
    rows = list(csv.DictReader(io.StringIO(corroborator.export_incidents("csv"))))
    assert {r["killed"] for r in rows} >= {"7"}
    geo = json.loads(corroborator.export_incidents("geojson"))
    assert geo["features"][0]["geometry"]["coordinates"] == [KHARKIV.lon, KHARKIV.lat]
    lines = corroborator.export_incidents("jsonl").splitlines()
    assert all(json.loads(line)["status"] for line in lines)
    graph = ET.fromstring(corroborator.export_network("graphml"))
    labels = {e.text for e in graph.iter("{http://graphml.graphdrawing.org/xmlns}data")}
    assert "Turkey" in labels and "backs" in labels
    assert {a["name"] for a in corroborator.actors()} >= {"Russia", "Syrian National Army"}


# -- pure rules ---------------------------------------------------------------------------------


def test_date_windows_grow_with_precision() -> None:
    day = Span(date(2020, 2, 13), date(2020, 2, 13))
    assert dates_compatible(day, Span(date(2020, 2, 14), date(2020, 2, 14)))
    assert not dates_compatible(day, Span(date(2020, 2, 21), date(2020, 2, 21)))
    assert dates_compatible(day, Span(date(2020, 2, 1), date(2020, 2, 29)))


def test_place_distance_grows_with_precision() -> None:
    town = Location("Afgooye", None, "SOM", 2.139, 45.121, None, 1)
    capital = Location("Mogadishu", None, "SOM", 2.046, 45.318, None, 1)
    assert not places_compatible(town, capital)  # 24 km apart, both pinned
    assert places_compatible(town, Location("near Mogadishu", None, "SOM", 2.046, 45.318, None, 2))
    assert not places_compatible(capital, Location("Kharkiv", None, "UKR", 49.99, 36.23, None, 3))


def test_battles_match_with_sides_swapped_but_attacks_do_not() -> None:
    clean = article("s", OWN_STORY, "O")
    m23, army = Actor("M23", "COD", "rebels"), Actor("FARDC", "COD", "state_forces")
    sake = Location("Sake", None, "COD", -1.57, 29.04, None, 1)
    one = event(clean, 0, actor1=m23, actor2=army, location=sake, acled_event_type="Battles")
    other = article("t", OWN_STORY, "P")  # another outlet tells the same clash from the other side
    two = event(other, 1, actor1=army, actor2=m23, location=sake, acled_event_type="Battles")
    assert events_compatible(one, two)
    # One article telling "A attacked B" and "B hit back at A" tells two acts.
    assert not events_compatible(
        one, event(clean, 1, actor1=army, actor2=m23, location=sake, acled_event_type="Battles")
    )
    attack = event(clean, 2, actor1=army, actor2=m23, location=sake)
    assert not events_compatible(
        event(clean, 3, actor1=m23, actor2=army, location=sake, date="2024-05-20"), attack
    )


def test_wire_and_republication_notices_name_the_origin() -> None:
    assert explicit_origin(article("w", "DAMASCUS (AFP) - Shelling killed two.", "France 24")) == (
        "wire:afp",
        "wire",
    )
    assert explicit_origin(article("b", "Shelling killed two.", "Yahoo", byline="Reuters")) == (
        "wire:reuters",
        "wire",
    )
    assert (
        explicit_origin(article("t", "A commander told Reuters news agency that two died.", "Gazette"))
        is None
    )
    republished = article("r", "Text.", "theantimedia.com", republished_from="ANTIWAR.COM")
    assert explicit_origin(republished) == ("outlet:antiwar", "republished")
    assert normalise_outlet("www.Antiwar.com") == normalise_outlet("ANTIWAR.COM") == "antiwar"


def test_claimants_compare_by_meaning_not_spelling() -> None:
    assert same_claimant(
        claimant_key("Turkey's defense ministry"), claimant_key("the Turkish Defence Ministry")
    )
    assert same_claimant(
        claimant_key("regional Gov. Oleh Syniehubov"), claimant_key("Governor Oleh Syniehubov")
    )
    assert not same_claimant(claimant_key("Turkish officials"), claimant_key("Turkey's defense ministry"))


def test_attaching_before_saving_is_refused(store: Store) -> None:
    corroborator = Corroborator(store)
    clean = article("unsaved", OWN_STORY, "Outlet")
    with pytest.raises(ValueError, match="save article"):
        corroborator.attach(clean, [event(clean)])
    assert not corroborator.attached("unsaved")
    ingest(store, corroborator, clean, event(clean))
    assert corroborator.attached("unsaved")


def test_every_mention_of_a_merged_event_is_a_claim_with_its_own_voice() -> None:
    """One act told twice in one article (the outlet's toll, then a ministry's) keeps both figures as
    claims, each with its sentence's claimant, as when each sentence was an event of its own."""
    from sitrep.corroborate.claims import Source, summarise
    from sitrep.models import Mention

    lead = Mention("A strike killed 12 people, medics said.", 0, 39, attributed_to="medics", killed=12)
    quote = Mention("The ministry put the toll at 20.", 40, 72, attributed_to="the ministry", killed=20)
    act = Event("e1", "a1", "ASSAULT", killed=12, attributed_to="medics", outlet="Outlet A",
                evidence=TextSpan(lead.text, 0, 39), mentions=(lead, quote))
    record = summarise("inc-1", [act], {"a1": Source("a1", "Outlet A")})
    killed = record["fields"]["killed"]
    claims = {(c["value"], c["attributed_to"]) for c in killed["claims"]}
    assert claims == {(12, "medics"), (20, "the ministry")}
    assert killed["conservative"] == 12 and killed["max"] == 20
