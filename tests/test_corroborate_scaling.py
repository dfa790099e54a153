"""A story reported many times: the claim and cluster steps of attach do not grow quadratically.

Counted, not timed: the comparisons the claim step makes (calls of the agreement and claimant
tests) and the SQLite virtual-machine steps the cluster step takes, at two sizes of one story.
The timings are bench/surge.py's.
"""

from __future__ import annotations

import cProfile
import functools
import itertools
import pstats
import random
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from sitrep.corroborate import Corroborator
from sitrep.corroborate.agreement import CONTESTED, CORROBORATED, SINGLE, field_status, same_claimant
from sitrep.corroborate.claims import Source, summarise
from sitrep.store import Store, clusters

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from surge import same_story  # noqa: E402

COMPARISONS = ("figures_agree", "sides_compatible", "places_compatible", "dates_compatible", "same_claimant")


def pairwise_status(claims: Sequence[Mapping[str, Any]], agree: Callable[[Any, Any], bool]) -> str | None:
    """The rule as claims.py states it, every pair compared (agreement in either order counts)."""
    if not claims:
        return None

    def same_voice(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
        return a["source"] == b["source"] and same_claimant(a["claimant"], b["claimant"])

    def independent(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
        if a["source"] == b["source"]:
            return False
        return not (a["claimant"] and b["claimant"] and same_claimant(a["claimant"], b["claimant"]))

    pairs = list(itertools.combinations(claims, 2))
    if any(not same_voice(a, b) and not (agree(a, b) or agree(b, a)) for a, b in pairs):
        return CONTESTED
    return CORROBORATED if any(independent(a, b) for a, b in pairs) else SINGLE


def test_grouped_field_status_gives_the_pairwise_answer() -> None:
    rng = random.Random(13)
    claimants = [None, "defe mini turk", "mini turk", "offi", "gove loca", "gove"]
    statuses = set()
    for _trial in range(3000):
        values = rng.sample(range(8), rng.randint(1, 4))
        # a random symmetric agreement between values, sometimes not even reflexive
        agreeing = {(a, b) for a in values for b in values if a <= b and rng.random() < 0.6}
        claims = [
            {"value": rng.choice(values), "source": f"s{rng.randrange(3)}", "claimant": rng.choice(claimants)}
            for _ in range(rng.randint(1, 7))
        ]

        def agree(a: Mapping[str, Any], b: Mapping[str, Any], agreeing: set[Any] = agreeing) -> bool:
            return (min(a["value"], b["value"]), max(a["value"], b["value"])) in agreeing

        expected = pairwise_status(claims, agree)
        assert field_status(claims, agree, key=lambda c: c["value"]) == expected, claims
        assert field_status(claims, agree) == expected
        statuses.add(expected)
    assert statuses == {CONTESTED, CORROBORATED, SINGLE}  # every branch was exercised


def _comparisons(k: int) -> int:
    """Calls of the agreement and claimant tests made summarising one incident of k reports."""
    events = [e for _clean, found in itertools.islice(same_story(k, random.Random(1)), k) for e in found]
    sources = {e.article_id: Source(f"outlet:{e.outlet}", e.outlet) for e in events}
    profile = cProfile.Profile()
    profile.enable()
    summary = summarise("inc-story", events, sources)
    profile.disable()
    assert summary["reports"] == k
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    return sum(calls[1] for (_file, _line, name), calls in stats.items() if name in COMPARISONS)


def test_claim_comparisons_grow_linearly_with_the_story() -> None:
    small, large = _comparisons(150), _comparisons(1200)
    # All pairs would be 64 times more at eight times the reports; linear is 8 times at most.
    assert large <= 8 * small, (small, large)
    assert large <= 10 * 1200, (small, large)


def _vm_steps(store: Store, work: Callable[[Any], Any]) -> int:
    """SQLite virtual-machine steps (in hundreds) that `work(conn)` takes on the store's connection."""
    steps = 0

    def tick() -> int:
        nonlocal steps
        steps += 1
        return 0

    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.set_progress_handler(tick, 100)
        try:
            work(conn)
        finally:
            raw.set_progress_handler(None, 0)
    return steps


@pytest.mark.slow
def test_the_cluster_step_reads_a_few_rows_whatever_the_story_size(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'story.db'}")
    corroborator = Corroborator(store)
    story = same_story(300, random.Random(1))
    measured = []
    for size in (30, 300):
        for clean, events in itertools.islice(story, size - store.count_articles()):
            store.save_article(clean, events)
            corroborator.attach(clean, events)
        label = corroborator.source("surge-0")["cluster"]  # type: ignore[index]
        with store.engine.connect() as conn:
            members = clusters.member_ids(conn, label, "")
            rows = clusters.deciding_rows(conn, [label], "new-article")
        assert len(members) == size  # one story cluster holds every report
        assert len(rows) <= 5
        read = functools.partial(clusters.deciding_rows, clusters=[label], exclude="x")
        measured.append(_vm_steps(store, read))
    small, large = measured
    assert large <= small * 1.5 + 2, measured  # ten times the story, about the same work
    store.close()
