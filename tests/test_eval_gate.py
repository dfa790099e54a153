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
# 194 -> 174), measured at commit 2ec6dac (`sitrep eval tests/gold`, `sitrep eval tests/heldout`):
# dev F1 0.846 (P 0.813, R 0.881), sub-event 0.872, actor country 0.906, place 0.872, date 0.986,
# killed 0.899, attribution 0.902, hedged 0.984; held-out F1 0.742 (P 0.767, R 0.718), sub-event
# 0.806, actor country 0.778, place 0.701, date 0.944, killed 0.861, attribution 0.872.
# Killed fell from 0.986/0.975 because a merged gold event now asks for the act's figure (the lead's,
# or the only one stated) from the one merged prediction; the held-out place floor (0.73 before the
# merging, 0.70 pending this conversion) could not be restored: the converted set measures 0.701.
DEV_FLOORS = {
    "f1": 0.83,
    "acled_sub_event_type": 0.85,
    "actor_country": 0.88,
    "location": 0.85,
    "date": 0.96,
    "killed": 0.87,
    "attribution": 0.88,
    "hedged": 0.96,
}
HELDOUT_FLOORS = {
    "f1": 0.72,
    "acled_sub_event_type": 0.78,
    "actor_country": 0.75,
    "location": 0.68,
    "date": 0.92,
    "killed": 0.84,
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
