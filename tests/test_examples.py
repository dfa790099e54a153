"""The two example articles end to end, through the real CLI: what a careful analyst records.

Checks ../shared/examples/expected/seeds.json with the project's checker (every `must` and `forbid`,
at least 8 of 10 `should`), the `clean` block, and what corroboration makes of the pair: the
helicopter downing and the "over 50 killed" claim are two incidents, and Turkey's backing of the
rebels is one relation with two independent sources.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTICLES = SHARED / "examples" / "articles"
SEEDS = SHARED / "examples" / "expected" / "seeds.json"
SITREP = [sys.executable, "-m", "sitrep"]


def _run(*args: str) -> str:
    done = subprocess.run([*SITREP, *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def events_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("examples") / "events.jsonl"
    path.write_text(_run("analyze", "--format", "jsonl", str(ARTICLES)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('examples-db') / 'sitrep.db'}"
    summary = _run("ingest", "--db", url, str(ARTICLES))
    assert "ingested 2" in summary
    return url


def test_check_expected_passes_every_must_and_forbid_and_most_shoulds(events_file: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "check_expected.py"), str(events_file)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    summary = done.stdout.strip().splitlines()[-1]
    assert done.returncode == 0, done.stdout
    should = re.search(r"should=(\d+)/(\d+)", summary)
    assert should is not None and int(should.group(1)) >= 8, summary


def test_clean_block_of_seeds_holds() -> None:
    want = json.loads(SEEDS.read_text(encoding="utf-8"))["articles"]["antiwar-turkey-kills-50"]["clean"]
    record = json.loads(_run("clean", "--format", "jsonl", str(ARTICLES / "antiwar-turkey-kills-50.txt")))
    assert record["id"] == "antiwar-turkey-kills-50"
    for key in ("byline", "republished_from", "source_url"):
        assert str(record[key]).lower() == want[key].lower()
    text = record["text"].replace("’", "'")
    for phrase in want["text_excludes"]:
        assert phrase.replace("’", "'") not in text
    for phrase in want["text_includes"]:
        assert phrase.replace("’", "'") in text


def _event(events: list[dict], article: str, plover: str, predicate) -> dict:  # type: ignore[no-untyped-def]
    found = [e for e in events if e["article_id"] == article and e["plover"] == plover and predicate(e)]
    assert found, f"no {plover} event in {article} matching"
    return found[0]


def test_helicopter_downing_and_over_50_claim_are_two_incidents(db: str) -> None:
    events = [json.loads(line) for line in _run("events", "--db", db, "--format", "jsonl").splitlines()]
    downing = _event(
        events, "idlib-helicopter-downed", "ASSAULT", lambda e: "shot down" in e["evidence"]["text"]
    )
    claim = _event(events, "antiwar-turkey-kills-50", "ASSAULT", lambda e: e["killed"] == 50)
    assert downing["incident_id"] and claim["incident_id"]
    assert downing["incident_id"] != claim["incident_id"]


def test_turkey_backing_the_rebels_is_one_relation_with_two_independent_sources(db: str) -> None:
    edges = [json.loads(line) for line in _run("network", "--db", db, "--format", "jsonl").splitlines()]
    backing = [
        e for e in edges if e["relation"] == "backs" and e["source"] == "Turkey" and "Rebel" in e["target"]
    ]
    assert len(backing) == 1, backing
    assert backing[0]["independent_sources"] == 2


def test_an_attack_and_its_retaliation_in_one_article_are_two_incidents(db: str) -> None:
    events = [json.loads(line) for line in _run("events", "--db", db, "--format", "jsonl").splitlines()]
    attack = _event(events, "antiwar-turkey-kills-50", "ASSAULT", lambda e: e["killed"] == 50)
    retaliation = _event(events, "antiwar-turkey-kills-50", "ASSAULT", lambda e: e["killed"] == 2)
    assert attack["incident_id"] != retaliation["incident_id"]
