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
# 194 -> 174). Measured at commit 2b8b269 (`sitrep eval tests/gold`, `sitrep eval tests/heldout`):
# dev F1 0.849 (P 0.844, R 0.855), sub-event 0.883, actor country 0.908, place 0.892, date 0.976,
# killed 0.897, attribution 0.906, hedged 0.979; held-out F1 0.742 (P 0.787, R 0.701), sub-event
# 0.803, actor country 0.767, place 0.727, date 0.957, killed 0.914, attribution 0.869.
# Dev killed fell from 0.986 because a merged gold event asks for the act's figure (the lead's, or the
# only one stated) from the one merged prediction. The held-out place floor stays at 0.70: the
# converted set measures 0.727, short of the 0.73 floor it had before the merging.
DEV_FLOORS = {
    "f1": 0.83,
    "acled_sub_event_type": 0.86,
    "actor_country": 0.88,
    "location": 0.87,
    "date": 0.95,
    "killed": 0.87,
    "attribution": 0.88,
    "hedged": 0.96,
}
HELDOUT_FLOORS = {
    "f1": 0.72,
    "acled_sub_event_type": 0.78,
    "actor_country": 0.74,
    "location": 0.70,
    "date": 0.93,
    "killed": 0.88,
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
