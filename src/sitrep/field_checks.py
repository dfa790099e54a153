"""Whether a predicted event's field agrees with what a gold event states, field by field.

The scorer (sitrep/evaluate.py) asks these questions of every matched pair. The comparisons are
deliberately a little lenient where outlets and gazetteers legitimately differ (a place's accents or
"al-" prefix, a claimant named in full or in part, a date of precision `week` covering the days
before it), and strict everywhere else: `null` in the gold must be null in the prediction.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Any

from sitrep.gold import GoldEvent
from sitrep.models import Event

__all__ = ["field_checks"]


def field_checks(gold_event: GoldEvent, event: Event) -> Iterator[tuple[str, Any, Any, bool]]:
    """(field, expected, got, correct) for every field the gold event states."""
    expected = gold_event.expected
    for key in ("mode", "acled_sub_event_type", "figure_qualifier", "date_precision", "date_source"):
        if key in expected:
            got = getattr(event, key, None)
            yield key, expected[key], got, _same_text(expected[key], got)
    for number in (1, 2):
        actor = event.actor1 if number == 1 else event.actor2
        for attribute, name in (("country", "actor_country"), ("kind", "actor_kind")):
            key = f"actor{number}_{attribute}"
            if key in expected:
                got = getattr(actor, attribute) if actor else None
                correct = _same_text(expected[key], got)
                yield name, expected[key], got, correct
                yield key, expected[key], got, correct
    if "location" in expected:
        want = expected["location"]
        yield "location", want, _location_text(event), _same_place(want, event)
    if "date" in expected:
        right = _same_date(expected["date"], event.date, event.date_precision)
        yield "date", expected["date"], event.date, right
    for key in ("killed", "injured", "displaced"):
        if key in expected:
            got = getattr(event, key)
            yield key, expected[key], got, expected[key] == got
    if "attributed_to" in expected:
        want, got = expected["attributed_to"], event.attributed_to
        yield "attribution", want, got, _same_source(want, got)
    if "hedged" in expected:
        yield "hedged", expected["hedged"], event.hedged, bool(expected["hedged"]) == event.hedged


def _same_text(want: Any, got: Any) -> bool:
    if want is None or got is None:
        return want is None and got is None
    return str(want).casefold() == str(got).casefold()


def _location_text(event: Event) -> str | None:
    return event.location.name if event.location else None


def _same_place(want: str | None, event: Event) -> bool:
    if want is None or event.location is None:
        return want is None and event.location is None
    names = (event.location.name, event.location.text, event.location.admin1)
    return any(name is not None and _place_key(name) == _place_key(want) for name in names)


def _place_key(name: str) -> str:
    """A place name without case, accents, a leading article or "al-" prefix: "al-Bab" = "Bab"."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("’", "'")
    words = folded.replace("-", " ").split()
    while words and words[0] in ("the", "al", "el", "ad", "as", "ash", "ar", "an", "at", "az"):
        words = words[1:]
    return " ".join(words)


_SOURCE_FILLER = frozenset(("the", "a", "an", "of", "for", "and", "in", "on", "its", "his", "her", "their"))


def _source_words(name: str) -> set[str]:
    return {w.strip(".,'\"()") for w in name.casefold().split()} - _SOURCE_FILLER - {""}


def _same_source(want: str | None, got: str | None) -> bool:
    """Same claimant: one name holds the other, or they share most of their words."""
    if want is None or got is None:
        return want is None and got is None
    a, b = want.casefold(), got.casefold()
    if a in b or b in a:
        return True
    wa, wb = _source_words(want), _source_words(got)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.5


def _same_date(want: str | None, got: str | None, precision: str | None = None) -> bool:
    """Equal dates; a month-only gold date ("2024-03") also accepts any day of that month, and a
    prediction of precision `week` (the seven days up to its date) accepts a gold day inside it."""
    if want is None or got is None:
        return want is None and got is None
    if got == want or (len(want) == 7 and got.startswith(want + "-")):
        return True
    if precision == "week" and len(want) == 10 and len(got) == 10:
        return 0 <= (date.fromisoformat(got) - date.fromisoformat(want)).days <= 6
    return False
