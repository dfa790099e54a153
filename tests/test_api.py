"""The HTTP API and the server-rendered pages, in-process (FastAPI's TestClient over the real app).

Most tests read a store filled directly with realistic articles and events (no spaCy, fast); the
analyze and ingest tests run the real pipeline once per module.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from dashboard_server import free_port
from sitrep.app import Sitrep
from sitrep.corroborate import Corroborator
from sitrep.models import Actor, CleanArticle, Event, Location, Mention, Removed, TextSpan
from sitrep.serve import create_app
from sitrep.serve.explain import figure_sentence
from sitrep.serve.highlight import event_spans, segments
from sitrep.settings import Settings

TOKEN = "s3cret-token"

REPORTS = {
    # article id: (outlet, published, sentence with a figure, figure, claimant)
    "wire-a": (
        "Reuters",
        "2020-02-28",
        "Turkish officials said 33 soldiers were killed in an air strike in Idlib.",
        33,
        "Turkish officials",
    ),
    "local-b": (
        "Local Daily",
        "2020-02-28",
        "The governor said 22 soldiers were killed in the strike in Idlib.",
        22,
        "the governor",
    ),
}
IDLIB = Location("Idlib", "Idlib", "SYR", 35.93, 36.63, 170063, 1, "Idlib")


def _article(
    article_id: str, outlet: str, published: str, sentence: str, figure: int, claimant: str
) -> tuple[CleanArticle, list[Event]]:
    boilerplate = "Please donate to keep us independent."
    text = f"Air strike in Idlib\n\n{sentence} Rescue workers searched the rubble.\n"
    original = text + boilerplate
    start = text.index(sentence)
    clean = CleanArticle(
        id=article_id,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        source=f"{article_id}.txt",
        text=text,
        original=original,
        title="Air strike in Idlib",
        outlet=outlet,
        published=__import__("datetime").date.fromisoformat(published),
        removed=(Removed(boilerplate, "donation_appeal", len(text), len(original)),),
    )
    event = Event(
        event_id=f"{article_id}-e1",
        article_id=article_id,
        plover="ASSAULT",
        mode="aerial",
        date="2020-02-27",
        date_precision="day",
        actor1=Actor("Military Forces of Syria", "SYR", "state_forces", ("RUS",), "Syrian forces"),
        actor2=Actor("Military Forces of Turkey", "TUR", "state_forces", (), "soldiers"),
        location=IDLIB,
        killed=figure,
        attributed_to=claimant,
        evidence=TextSpan(sentence, start, start + len(sentence)),
        outlet=outlet,
        published=published,
    )
    return clean, [event]


@pytest.fixture(scope="module")
def sitrep(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sitrep]:
    app = Sitrep(Settings(db_url=f"sqlite:///{tmp_path_factory.mktemp('api') / 'sitrep.db'}", token=TOKEN))
    corroborator = Corroborator(app.store)
    for article_id, report in REPORTS.items():
        clean, events = _article(article_id, *report)
        app.store.save_article(clean, events)
        corroborator.attach(clean, events)
    yield app
    app.store.close()


@pytest.fixture(scope="module")
def client(sitrep: Sitrep) -> Iterator[TestClient]:
    with TestClient(create_app(sitrep)) as opened:
        yield opened


# -- reads ------------------------------------------------------------------------------------


def test_events_filter_and_paginate(client: TestClient) -> None:
    page = client.get("/api/events", params={"country": "syr", "limit": 1}).json()
    assert page["total"] == 2 and page["limit"] == 1 and len(page["items"]) == 1
    second = client.get("/api/events", params={"country": "SYR", "limit": 1, "offset": 1}).json()
    assert second["items"][0]["event_id"] != page["items"][0]["event_id"]
    assert client.get("/api/events", params={"since": "2020-03-01"}).json()["total"] == 0
    assert client.get("/api/events", params={"until": "2020-02-29"}).json()["total"] == 2
    assert client.get("/api/events", params={"actor": "turkey"}).json()["total"] == 2


def test_invalid_filters_are_client_errors_not_crashes(client: TestClient) -> None:
    for params in (
        {"since": "last week"},
        {"limit": 0},
        {"limit": 100_000},
        {"country": "Syria"},
        {"offset": -1},
        {"since": "2020-13-45"},
    ):
        response = client.get("/api/events", params=params)
        assert 400 <= response.status_code < 500, (params, response.text)


def test_article_has_text_evidence_spans_and_removed_boilerplate(client: TestClient) -> None:
    article = client.get("/api/articles/wire-a").json()
    span = next(s for s in article["spans"] if s["kind"] == "evidence")
    assert article["text"][span["start"] : span["end"]] == REPORTS["wire-a"][2]
    attribution = next(s for s in article["spans"] if s["kind"] == "attribution")
    assert article["text"][attribution["start"] : attribution["end"]] == "Turkish officials"
    assert article["removed"] == [
        {"text": "Please donate to keep us independent.", "rule": "donation_appeal"}
    ]
    assert client.get("/api/articles/nope").status_code == 404


def test_stats_count_types_days_and_statuses(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 2 and stats["events"] == 2 and stats["by_type"] == {"ASSAULT": 2}
    assert stats["per_day"] == [{"date": "2020-02-27", "plover": "ASSAULT", "count": 2}]
    assert sum(stats["by_status"].values()) == 1


def test_incident_claims_side_by_side_with_explanation(client: TestClient) -> None:
    listing = client.get("/api/incidents").json()
    assert listing["total"] == 1
    incident = client.get(f"/api/incidents/{listing['items'][0]['id']}").json()
    assert incident["status"] == "contested" and incident["killed"]["conservative"] == 22
    assert {(c["value"], c["outlet"]) for c in incident["killed"]["claims"]} == {
        (22, "Local Daily"),
        (33, "Reuters"),
    }
    assert incident["explanations"]["killed"] == (
        "22 killed per the governor (Local Daily); 33 per Turkish officials (Reuters): "
        "contested, publishing 22."
    )
    assert client.get("/api/incidents", params={"status": "corroborated"}).json()["total"] == 0
    assert client.get("/api/incidents", params={"q": "idlib"}).json()["total"] == 1
    assert client.get("/api/incidents", params={"q": "Aleppo"}).json()["total"] == 0
    assert client.get("/api/incidents/nope").status_code == 404


def test_map_is_geojson_of_located_incidents(client: TestClient) -> None:
    collection = client.get("/api/map").json()
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}
    assert feature["properties"]["status"] == "contested"


def test_outlets_actors_and_network(client: TestClient) -> None:
    outlets = {o["outlet"]: o for o in client.get("/api/outlets").json()}
    assert outlets["Reuters"]["contested"] >= 1
    assert "Military Forces of Syria" in {a["name"] for a in client.get("/api/actors").json()}
    network = client.get("/api/network").json()
    groups = {(e["relation"], e["group"]) for e in network["edges"]}
    assert ("backs", "support") in groups and ("fights", "conflict") in groups
    assert all(e["weight"] >= 1 for e in network["edges"])


# -- pages ------------------------------------------------------------------------------------


def test_pages_render_with_a_strict_content_security_policy(client: TestClient, sitrep: Sitrep) -> None:
    incident_id = client.get("/api/incidents").json()["items"][0]["id"]
    for path in (
        "/",
        "/incidents",
        f"/incidents/{incident_id}",
        "/events",
        "/articles",
        "/articles/wire-a",
        "/network",
        "/outlets",
        "/outlets/Reuters",
        "/docs",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/events", params={"offset": "x"}).status_code == 400


def test_article_page_escapes_text_and_marks_evidence(client: TestClient) -> None:
    html = client.get("/articles/local-b").text
    assert '<mark class="evidence"' in html
    assert "Please donate" in html and "<details" in html  # removed boilerplate, folded


# -- writes -----------------------------------------------------------------------------------

HOSTILE = (
    "Gunmen attacked a checkpoint near Kandahar on Tuesday, killing four police officers, officials said. "
    '<script>alert("x")</script> <img src=x onerror=alert(1)> The attackers fled on motorbikes.'
)


def test_writes_need_the_configured_token(client: TestClient, sitrep: Sitrep) -> None:
    body = {"text": HOSTILE, "id": "kandahar", "published": "2021-03-02", "outlet": "Test Wire"}
    assert client.post("/api/articles", json=body).status_code == 401
    assert (
        client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    )
    created = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert created.status_code == 201 and created.json()["status"] == "ingested"
    assert sitrep.store.article("kandahar") is not None
    again = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["status"] == "unchanged"
    html = client.get("/articles/kandahar").text
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<img src=x" not in html


def test_writes_are_refused_when_no_token_is_configured(tmp_path: Path) -> None:
    app = Sitrep(Settings(db_url=f"sqlite:///{tmp_path / 'w.db'}", token=None))
    with TestClient(create_app(app)) as open_client:
        response = open_client.post(
            "/api/articles", json={"text": HOSTILE}, headers={"Authorization": "Bearer x"}
        )
        assert response.status_code == 403 and "token" in response.json()["detail"]
    assert app.store.count_articles() == 0
    app.store.close()


def test_analyze_returns_events_and_stores_nothing(client: TestClient, sitrep: Sitrep) -> None:
    before = sitrep.store.count_articles()
    result = client.post("/api/analyze", json={"text": HOSTILE, "published": "2021-03-02"}).json()
    assert result["article"]["text"].startswith("Gunmen attacked")
    assert any(e["plover"] == "ASSAULT" for e in result["events"])
    assert sitrep.store.count_articles() == before
    rejected = client.post("/api/analyze", json={"text": "   \n  "})
    assert rejected.status_code == 422 and rejected.json()["detail"]


# -- pieces -----------------------------------------------------------------------------------


def test_segments_cover_the_text_exactly_even_with_overlapping_spans() -> None:
    text = "A said B hit C. Then D."
    first = Event("e1", "a", "ASSAULT", attributed_to="A", evidence=TextSpan("A said B hit C.", 0, 15))
    second = Event("e2", "a", "ASSAULT", evidence=TextSpan("B hit C. Then D.", 7, 23))
    pieces = segments(text, event_spans(text, [first, second]))
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.evidence, p.attribution) for p in pieces] == [
        ("A", ("e1",), True),
        (" said ", ("e1",), False),
        ("B hit C.", ("e1", "e2"), False),
        (" Then D.", ("e2",), False),
    ]


def test_every_mention_of_an_event_is_marked_with_its_own_source() -> None:
    text = "Strike kills five. Police said the toll rose to seven. Unrelated line."
    event = Event(
        "e1", "a", "ASSAULT", evidence=TextSpan("Strike kills five.", 0, 18),
        mentions=(Mention("Strike kills five.", 0, 18), Mention(text[19:54], 19, 54, attributed_to="Police")),
    )
    pieces = segments(text, event_spans(text, [event]))
    marked = [(p.text, p.attribution) for p in pieces if p.evidence == ("e1",)]
    assert marked == [
        ("Strike kills five.", False), ("Police", True), (" said the toll rose to seven.", False)
    ]
    assert pieces[-1].text == " Unrelated line." and not pieces[-1].evidence


def test_figure_sentence_names_every_voice_and_the_published_figure() -> None:
    figure = {
        "status": "corroborated",
        "conservative": 5,
        "min": 5,
        "max": 5,
        "claims": [
            {"value": 5, "outlet": "AP", "attributed_to": None, "hedged": False},
            {"value": 5, "outlet": "AFP", "attributed_to": "police", "hedged": False, "qualifier": None},
        ],
    }
    assert figure_sentence("injured", figure, 2) == (
        "5 injured per AP and police (AFP): corroborated by 2 independent sources, publishing 5."
    )
    assert figure_sentence("killed", None) == ""


def test_serve_binds_loopback_by_default(tmp_path: Path) -> None:
    port = free_port()
    code = (
        "from sitrep.serve import serve_command; "
        f"serve_command(port={port}, db='sqlite:///{tmp_path / 's.db'}', announce=print)"
    )
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().startswith(f"Sitrep dashboard: http://127.0.0.1:{port}/")
        deadline = time.monotonic() + 30
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code == 200
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=30)
