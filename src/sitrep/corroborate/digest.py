"""An incident's digest: what attach keeps of an incident so that a new report costs the same
whatever the incident's size.

The incident record (claims.summarise) is built from every report, and so is each of its headline
fields, but each headline field depends on few things:

- the most common plover, ACLED type, country, actors and day: counts per distinct value;
- the date window and the best place: a running minimum and maximum;
- a figure's published value, minimum and maximum: running minima and maxima, and whether a claim's
  figure lies outside the other sources' range: the two lowest and two highest sources;
- a field's status: its claims grouped by value (agreement.py), each group with its claimants and
  up to two of their sources, which is all that field_status reads of a group;
- counts of reports, events and independent sources.

A digest holds those, in JSON, and is built the same way from a whole incident (`absorb` over every
member) or grown one article at a time (`absorb` over the new article's claims): the claims of one
article are deduplicated within that article only (claims._dedupe keys on the article), so the two
give one digest. It also holds a bounded sample of the incident's events for linkage: the first
and the latest `linkage_sample` events in attach order; an incident of up to twice that many events
is all sample. tests/test_incident_digest.py checks the headline against a full summary.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sitrep.corroborate.agreement import CONTESTED, SINGLE, field_status
from sitrep.corroborate.claims import CONTESTABLE, FIGURES, best_place, exact_day, field_test
from sitrep.corroborate.incidents import date_span, family
from sitrep.corroborate.rules import Rules
from sitrep.models import Event

COUNTED = ("plover", "acled_event_type", "country", "actor1", "actor2", "day", "date_claim")
STATUS_FIELDS = (*FIGURES, "actors", "place", "date", "incident")


def empty() -> dict[str, Any]:
    return {
        "size": 0, "reports": 0, "sources": 0, "first": [], "last": [], "family": None,
        "counts": {name: {} for name in COUNTED}, "span": None, "place": None,
        "figures": {}, "groups": {name: {} for name in STATUS_FIELDS}, "status": {},
    }  # fmt: skip


def is_large(digest: Mapping[str, Any] | None, rules: Rules) -> bool:
    """Does attach treat this incident by its digest (sampled linkage, incremental summary)?"""
    return digest is not None and digest["size"] >= 2 * rules.linkage_sample


def sample_ids(digest: Mapping[str, Any]) -> list[str]:
    return [*digest["first"], *digest["last"]]


def rep_ids(digest: Mapping[str, Any]) -> set[str]:
    """The events standing for the digest's claim groups (field_status compares them)."""
    return {group["rep"]["event_id"] for groups in digest["groups"].values() for group in groups.values()}


def absorb(
    digest: dict[str, Any],
    summary: Mapping[str, Any],
    reports: Sequence[Mapping[str, Any]],
    events: Sequence[Event],
    rules: Rules,
    source_seen: Callable[[str], bool],
) -> None:
    """Add reports to the digest: `summary` is claims.summarise over `events` (whole articles not in
    the digest yet), `reports` claims.report_claims over them, in attach order (for the sample).
    `source_seen(key)` tells whether the incident already had a report from that source."""
    if not events:
        return
    digest["family"] = digest["family"] or family(events[0].plover, rules)
    digest["size"] += len(events)
    digest["reports"] += len({e.article_id for e in events})
    digest["sources"] += sum(1 for key in sorted({c["source"] for c in reports}) if not source_seen(key))
    for event in events:
        if len(digest["first"]) < rules.linkage_sample:
            digest["first"].append(event.event_id)
        else:
            digest["last"] = [*digest["last"], event.event_id][-rules.linkage_sample :]
    _count(digest["counts"], events, summary)
    _widen(digest, events, rules)
    by_event = {e.event_id: e for e in events}
    fields = summary["fields"]
    for name in FIGURES:
        if fields.get(name):
            _figure(digest["figures"].setdefault(name, _no_figure()), fields[name]["claims"])
    for name in STATUS_FIELDS:
        claims = reports if name == "incident" else (fields.get(name) or {}).get("claims", [])
        _group(digest["groups"][name], claims, field_test(name, by_event, rules)[1], name in FIGURES)


def _count(counts: dict[str, dict[str, int]], events: Sequence[Event], summary: Mapping[str, Any]) -> None:
    values: dict[str, Iterable[Any]] = {
        "plover": (e.plover for e in events),
        "acled_event_type": (e.acled_event_type for e in events),
        "country": (e.location.country for e in events if e.location),
        "actor1": (e.actor1.name for e in events if e.actor1),
        "actor2": (e.actor2.name for e in events if e.actor2),
        "day": (exact_day(e) for e in events if e.date),
        "date_claim": (c["value"] for c in (summary["fields"].get("date") or {}).get("claims", [])),
    }
    for name, found in values.items():
        counter = counts[name]
        for value in found:
            if value is not None:
                counter[value] = counter.get(value, 0) + 1


def _widen(digest: dict[str, Any], events: Sequence[Event], rules: Rules) -> None:
    spans = [s for s in (date_span(e, rules) for e in events) if s is not None]
    if spans:
        first, last = min(s.start for s in spans).isoformat(), max(s.end for s in spans).isoformat()
        old = digest["span"] or [first, last]
        digest["span"] = [min(old[0], first), max(old[1], last)]
    located = [e for e in events if e.location is not None]
    if located:
        best = min(located, key=best_place)
        key = list(best_place(best))
        old = digest["place"]
        if old is None or tuple(key) < tuple(old[:2]):
            digest["place"] = [*key, best.location.to_dict() if best.location else None]


def _no_figure() -> dict[str, Any]:
    return {"min": None, "max": None, "credible": None, "lows": [], "highs": []}


def _figure(state: dict[str, Any], claims: Sequence[Mapping[str, Any]]) -> None:
    for claim in claims:
        value, source = claim["value"], claim["source"]
        state["min"] = value if state["min"] is None else min(state["min"], value)
        state["max"] = value if state["max"] is None else max(state["max"], value)
        if not claim["hedged"]:
            state["credible"] = value if state["credible"] is None else min(state["credible"], value)
        state["lows"] = _top_two(state["lows"], value, source, lowest=True)
        state["highs"] = _top_two(state["highs"], value, source, lowest=False)


def _top_two(best: list[list[Any]], value: Any, source: str, *, lowest: bool) -> list[list[Any]]:
    """The two sources with the lowest (highest) figure, each with its own lowest (highest): enough to
    tell, for any source, the extreme among the others (claims._mark_outside_range)."""
    kept = [list(item) for item in best]
    for item in kept:
        if item[1] == source:
            item[0] = min(item[0], value) if lowest else max(item[0], value)
            break
    else:
        kept.append([value, source])
    kept.sort(key=lambda item: item[0] if lowest else -item[0])  # stable: earlier sources first on ties
    return kept[:2]


def _group(
    groups: dict[str, Any], claims: Sequence[Mapping[str, Any]], key: Callable[[Any], Any], figure: bool
) -> None:
    for claim in claims:
        marker = repr(key(claim))
        group = groups.get(marker)
        if group is None:
            rep = {"event_id": claim["event_id"], "value": claim["value"]}
            if figure:
                rep["qualifier"] = claim["qualifier"]
            group = groups[marker] = {"rep": rep, "many": False, "voices": []}
        else:
            group["many"] = True
        for voice in group["voices"]:
            if voice[0] == claim["claimant"]:
                if claim["source"] not in voice[1] and len(voice[1]) < 2:
                    voice[1].append(claim["source"])
                break
        else:
            group["voices"].append([claim["claimant"], [claim["source"]]])


def settle(digest: dict[str, Any], by_event: Mapping[str, Event], rules: Rules) -> None:
    """Work out each field's status from the groups; `by_event` holds (at least) the groups' events.

    Each group becomes a claim per (claimant, kept source), twice when it holds several claims but one
    voice: field_status gives those claims the answer it gives the incident's own (it reads of a
    group only its value, whether it holds more than one claim, its claimants, and whether it holds
    one source or several, and which when one; of a claimant, its sources likewise).
    """
    for name in STATUS_FIELDS:
        made: list[dict[str, Any]] = []
        for group in digest["groups"][name].values():
            mine = [{**group["rep"], "claimant": claimant, "source": source}
                    for claimant, sources in group["voices"] for source in sources]  # fmt: skip
            if group["many"] and len(mine) == 1:
                mine.append(dict(mine[0]))
            made += mine
        status = field_status(made, *field_test(name, by_event, rules))
        if status is None:
            digest["status"].pop(name, None)
        else:
            digest["status"][name] = status


def outside_range(state: Mapping[str, Any], value: Any, source: str) -> bool | None:
    """Whether a figure lies outside the range of the other sources (None with no other source)."""
    low = next((v for v, other in state["lows"] if other != source), None)
    high = next((v for v, other in state["highs"] if other != source), None)
    return None if low is None else bool(value < low or value > high)


def headline(incident_id: str, digest: Mapping[str, Any]) -> dict[str, Any]:
    """The summary's headline fields (what the incidents row holds), from the digest alone."""
    counts, statuses = digest["counts"], digest["status"]
    if any(statuses.get(name) == CONTESTED for name in CONTESTABLE):
        status = CONTESTED
    else:
        status = statuses.get("incident") or SINGLE
    span = digest["span"]
    figures = {}
    for name in FIGURES:
        state = digest["figures"].get(name)
        figures[name] = None if state is None else {
            "status": statuses.get(name),
            "conservative": state["min"] if state["credible"] is None else state["credible"],
            "min": state["min"],
            "max": state["max"],
        }  # fmt: skip
    return {
        "incident_id": incident_id,
        "family": digest["family"],
        "plover": most_common(counts["plover"]),
        "acled_event_type": most_common(counts["acled_event_type"]),
        "date": most_common(counts["day"]) or most_common(counts["date_claim"]),
        "date_first": span[0] if span else None,
        "date_last": span[1] if span else None,
        "country": most_common(counts["country"]),
        "location": (digest["place"] or [None, None, None])[2] or None,
        "actor1": most_common(counts["actor1"]),
        "actor2": most_common(counts["actor2"]),
        "status": status,
        "independent_sources": digest["sources"],
        "reports": digest["reports"],
        "events": digest["size"],
        **figures,
    }


def most_common(counts: Mapping[str, int]) -> Any:
    """claims._most_common over counted values: the most frequent, then the first by text."""
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


def copied(digest: Mapping[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(dict(digest))
