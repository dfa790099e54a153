"""The evaluation gate: extraction quality may not silently drop below pinned floors.

Runs the whole pipeline over the development gold set (tests/gold, which the rules were tuned
against) and the held-out set (tests/heldout, written apart and never tuned against) and checks
event F1 and per-field accuracy. Floors sit a little under what the code reaches today (the
numbers are in CHANGELOG.md and the issue notes); raise them when quality improves, never lower
them to let a change through.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.app import Sitrep
from sitrep.evaluate import EvalReport

TESTS = Path(__file__).resolve().parent

# Re-pinned on 2026-12-02 (issue 9) after both sets were converted to event-level gold (one gold event
# per act, every sentence that tells it a mention: tests/gold 436 -> 386 events, tests/heldout
# 194 -> 174). Measured at commit 6d9ef25 (learned event typing in, its model artifact built;
# `sitrep eval tests/gold`, `sitrep eval tests/heldout`): dev F1 0.849 (P 0.831, R 0.868), sub-event
# 0.872, actor country 0.907, place 0.914, date 0.990, killed 0.971, attribution 0.907, hedged 0.980;
# held-out F1 0.745 (P 0.788, R 0.707), sub-event 0.836, actor country 0.776, place 0.758, date 0.957,
# killed 0.886, attribution 0.878. The held-out place floor is back at 0.73, its value before the
# merging (it was 0.70 pending this conversion).
DEV_FLOORS = {
    "f1": 0.83,
    "acled_sub_event_type": 0.85,
    "actor_country": 0.88,
    "location": 0.89,
    "date": 0.96,
    "killed": 0.94,
    "attribution": 0.88,
    "hedged": 0.96,
}
HELDOUT_FLOORS = {
    "f1": 0.72,
    "acled_sub_event_type": 0.81,
    "actor_country": 0.75,
    "location": 0.73,
    "date": 0.93,
    "killed": 0.86,
    "attribution": 0.85,
}


@pytest.fixture(scope="module")
def sitrep() -> Sitrep:
    return Sitrep()


def _measured(report: EvalReport, name: str) -> float:
    return report.f1 if name == "f1" else (report.field_accuracy(name) or 0.0)


@pytest.mark.parametrize(("folder", "floors"), [("gold", DEV_FLOORS), ("heldout", HELDOUT_FLOORS)])
def test_quality_stays_above_the_floors(sitrep: Sitrep, folder: str, floors: dict[str, float]) -> None:
    report = sitrep.evaluate(TESTS / folder)
    below = {
        name: round(_measured(report, name), 3)
        for name, floor in floors.items()
        if _measured(report, name) < floor
    }
    assert not below, f"{folder}: below the floors {floors}: {below}"
