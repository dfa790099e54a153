"""Which of an act's mentions gives the toll that stands (EVENTS.md: the latest figure stands; the
others stay claims on their mentions).

Decisions, written down:
- A figure the sentence marks as earlier ("initially placed the toll at 500", "had earlier been
  reported as 61", "the initial report showed 17") never stands while another is stated.
- The lead figure is the first stated unhedged, exact rather than in words ("dozens" gives way to a
  count), and not an upper bound ("as many as 100"): real pages put the latest toll in the lead.
- A figure stated as an update ("the death toll rose to 27", "has risen to at least 61", "has reached
  11") is later than the figures told before it; of the lead and the updates, the highest stands
  (tolls rise as bodies are found: a narrative "the number climbed to 19" under a lead of 20 does
  not replace it).
- A total over several acts ("20 killed in attacks on villages", "in two separate raids") gives way
  to the figure of the one act told on its own.
- Killed and injured are chosen apart: the lead may give the dead and a later quote the wounded.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from sitrep.models import Event

VAGUE = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "several", "tens"})
UPPER_BOUNDS = frozenset({"up to"})


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    raw = resources.files("sitrep").joinpath("data", "merging.toml").read_text(encoding="utf-8")
    table = tomllib.loads(raw).get("figures", {})

    def pattern(key: str) -> re.Pattern[str]:
        patterns = table.get(key, [])
        if not patterns:
            return re.compile("(?!)")
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    return pattern("update"), pattern("earlier"), pattern("several")


def several_acts_cues() -> re.Pattern[str]:
    """A total over several acts: "in separate attacks", "in a series of raids" (merging.toml)."""
    return _cues()[2]


def _text(event: Event) -> str:
    return event.evidence.text if event.evidence else ""


def _start(event: Event) -> int:
    return event.evidence.start if event.evidence else -1


def standing(group: Sequence[Event], field: str) -> Event | None:
    """The mention whose `field` ("killed" or "injured") figure stands for the act, if any states one."""
    update, earlier, several = _cues()
    stated = [e for e in group if getattr(e, field) is not None]
    current = [e for e in stated if not earlier.search(_text(e))] or stated
    current = [e for e in current if not several.search(_text(e))] or current
    if not current:
        return None
    lead = max(
        current,
        key=lambda e: (
            not e.hedged,
            e.figure_qualifier not in VAGUE,
            e.figure_qualifier not in UPPER_BOUNDS,
            -_start(e),
        ),
    )
    # the same figure told again with its source or its "at least" ("90 Killed By Car Bomb" in the
    # headline, "At least 90 people were killed ..., according to a report" in the lead): that telling
    same = [e for e in current if getattr(e, field) == getattr(lead, field) and e.hedged == lead.hedged]
    lead = max(same, key=lambda e: (e.attributed_to is not None, e.figure_qualifier is not None, -_start(e)))
    updates = [e for e in current if update.search(_text(e))]
    if not updates:
        return lead
    # tolls rise: an update above the lead's figure is the latest; a lead above every update
    # ("20 killed" in the lead, "the number climbed to 19" in the narrative) already is
    return max([lead, *updates], key=lambda e: (getattr(e, field), e is lead))
