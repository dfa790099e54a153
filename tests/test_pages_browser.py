"""The dashboard in a real browser: Playwright drives Debian's chromium against a live server.

One server for the module, filled through the HTTP API with the example articles and hostile
articles. The tests walk the pages as a reader would (overview, filter the incident list, open an
incident, follow a claim to its article and see the evidence highlighted) and check that no
script carried by article text ever runs. Screenshots of every page go to
test-output/screenshots/ (or $SITREP_TEST_OUTPUT/screenshots/).

Needs /usr/bin/chromium (scripts/install-browser.sh) and the vendored assets
(scripts/install-assets.sh); set SITREP_SKIP_BROWSER=1 to skip instead of failing without them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard_server import (
    RunningServer,
    example_articles,
    hostile_articles,
    ingest_over_http,
    running_server,
)

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
VENDOR = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "serve" / "static" / "vendor"
OUTPUT = Path(os.environ.get("SITREP_TEST_OUTPUT", Path(__file__).resolve().parents[1] / "test-output"))
SCREENSHOTS = OUTPUT / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

pytestmark = pytest.mark.slow


def _require(condition: bool, message: str) -> None:
    if condition:
        return
    if os.environ.get("SITREP_SKIP_BROWSER") == "1":
        pytest.skip(message)
    pytest.fail(message + " (or set SITREP_SKIP_BROWSER=1 to skip)", pytrace=False)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with running_server(tmp_path_factory.mktemp("dashboard") / "sitrep.db") as running:
        results = ingest_over_http(running.url, example_articles() + hostile_articles())
        assert [r["status"] for r in results] == ["ingested"] * len(results)
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require(CHROMIUM.exists(), f"{CHROMIUM} is missing: run scripts/install-browser.sh")
    _require(VENDOR.is_dir(), "dashboard assets are missing: run scripts/install-assets.sh")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: RunningServer) -> Iterator[Any]:
    """A fresh page that records dialogs, page errors, outside requests and CSP reports."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url)
    opened = context.new_page()
    opened.incidents: list[str] = []  # type: ignore[attr-defined]

    def note(kind: str, detail: str) -> None:
        opened.incidents.append(f"{kind}: {detail}")  # type: ignore[attr-defined]

    opened.on("dialog", lambda dialog: (note("dialog", dialog.message), dialog.dismiss()))
    opened.on("pageerror", lambda error: note("pageerror", str(error)))
    opened.on(
        "request",
        lambda request: (
            None if request.url.startswith((server.url, "data:")) else note("outside", request.url)
        ),
    )
    yield opened
    context.close()


def _shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _no_script_ran(page: Any) -> None:
    assert page.evaluate("() => window.__pwned === undefined"), page.evaluate("() => window.__pwned")
    assert page.incidents == []  # no dialog, no page error, no request leaving the server


def test_overview_shows_counts_timeline_and_map(page: Any) -> None:
    page.goto("/")
    assert int(page.locator("#count-articles").inner_text()) == 4
    assert int(page.locator("#count-events").inner_text()) > 0
    page.wait_for_selector("#timeline[data-ready='1']")
    page.wait_for_selector("#map[data-ready='1']")
    assert page.locator("#timeline canvas").count() >= 1  # uPlot drew the chart
    assert page.locator("#map path.leaflet-interactive, #map svg path").count() > 100  # country outlines
    _shot(page, "overview")
    _no_script_ran(page)


def test_filter_incidents_open_one_and_follow_a_claim_to_its_evidence(page: Any) -> None:
    page.goto("/incidents")
    all_rows = page.locator("#incidents tbody tr").count()
    assert all_rows > 1
    _shot(page, "incidents")

    page.select_option("select[name=status]", "single-source")
    page.click("#incident-filters button[type=submit]")
    page.wait_for_url(re.compile(r"status=single-source"))
    statuses = page.locator("#incidents tbody td .status").all_inner_texts()
    assert statuses and set(statuses) == {"single-source"}

    page.fill("input[name=q]", "Idlib")
    page.click("#incident-filters button[type=submit]")
    page.wait_for_url(re.compile(r"q=Idlib"))
    rows = page.locator("#incidents tbody tr")
    assert 0 < rows.count() <= all_rows
    assert all("Idlib" in text for text in rows.all_inner_texts())
    _shot(page, "incidents-filtered")

    rows.first.locator("a").first.click()
    page.wait_for_url(re.compile(r"/incidents/inc-"))
    assert page.locator("#incident-status").inner_text() in ("corroborated", "single-source", "contested")
    assert page.locator(".claim").count() >= 1
    _shot(page, "incident")

    page.locator(".claim a.claim-link").first.click()
    page.wait_for_url(re.compile(r"/articles/.+\?event="))
    focused = page.locator("#article-text mark.evidence.focus")
    assert focused.count() >= 1 and focused.first.inner_text().strip()
    assert page.locator("#article-events tr.focus").count() == 1
    _shot(page, "article")
    _no_script_ran(page)


def test_incident_page_explains_figures_in_one_sentence(page: Any, server: RunningServer) -> None:
    found = page.request.get("/api/incidents?limit=1000").json()["items"]
    # A contested figure shows the sentence at its fullest; any figure will do otherwise.
    with_figures = sorted(
        (i for i in found if i["killed"] is not None), key=lambda i: i["status"] != "contested"
    )
    if not with_figures:
        pytest.skip("extraction found no casualty figure in the examples")
    page.goto(f"/incidents/{with_figures[0]['id']}")
    sentence = page.locator("#field-killed .explain").inner_text()
    assert re.search(
        r"\d+ killed per .+: (contested|corroborated|single source).*, publishing \d+\.", sentence
    )
    _shot(page, "incident-figures")


def test_article_text_with_script_payloads_is_shown_as_text_and_never_runs(page: Any) -> None:
    for article_id in ("hostile-text", "hostile-html"):
        page.goto(f"/articles/{article_id}")
        text = page.locator("#article-text")
        assert text.locator("script, img, svg, iframe, a, div").count() == 0
        page.mouse.move(300, 300)
        page.wait_for_timeout(200)
        _shot(page, f"article-{article_id}")
        _no_script_ran(page)
    page.goto("/articles/hostile-text")
    assert "<script>" in page.locator("#article-text").inner_text()  # shown, escaped, inert
    for path in ("/", "/incidents", "/events", "/articles", "/outlets", "/network"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        _no_script_ran(page)


def test_network_outlets_events_articles_and_api_docs_render(page: Any) -> None:
    page.goto("/network")
    page.wait_for_selector("#network[data-ready='1']")
    edges = page.locator("#relations tbody tr").count()
    assert page.locator("#network svg line").count() == (
        edges if page.locator("#network svg circle").count() else 0
    )
    _shot(page, "network")

    page.goto("/outlets")
    assert page.locator("#outlets tbody tr").count() >= 1
    _shot(page, "outlets")
    page.locator("#outlets tbody a").first.click()
    page.wait_for_url(re.compile(r"/outlets/"))
    assert page.locator("#outlet-claims").count() == 1
    _shot(page, "outlet")

    page.goto("/events?plover=ASSAULT")
    types = page.locator("#events tbody tr td:nth-child(2)").all_inner_texts()
    assert types and all(t.startswith("ASSAULT") for t in types)
    _shot(page, "events")

    page.goto("/articles")
    assert page.locator("#articles tbody tr").count() == 4
    _shot(page, "articles")

    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .info", timeout=20_000)
    assert page.locator(".opblock").count() >= 10
    _shot(page, "api-docs")
    _no_script_ran(page)
