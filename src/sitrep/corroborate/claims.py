"""What each source claims about one incident, whether independent sources agree, and the figure
an analyst would publish.

A claim's *voice* is (source, claimant): the origin of the article (syndication.py) and who it
quotes ("Turkey's defense ministry"), None for the outlet's own voice. A field is
- contested when two voices disagree (22 vs 33 killed; "Syrian forces" vs "rebels" did it),
- corroborated when claims from two independent sources agree and they are not one claimant
  relayed twice (two outlets quoting one ministry are two reports of one claim),
- single-source otherwise.
The published figure follows ACLED: the most conservative credible claim (unhedged if any).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.corroborate.agreement import CONTESTED, CORROBORATED, SINGLE, field_status, same_claimant
from sitrep.corroborate.incidents import (
    date_span,
    dates_compatible,
    family,
    places_compatible,
    sides_compatible,
)
from sitrep.corroborate.rules import Rules, load_rules
from sitrep.models import Event

FIGURES = ("killed", "injured", "displaced")
FIELDS = (*FIGURES, "actors", "place", "date")
# The fields whose disagreement makes an incident contested (a place or date mismatch would have
# kept the reports apart in the first place).
CONTESTABLE = (*FIGURES, "actors")
__all__ = ["CONTESTED", "CORROBORATED", "SINGLE", "Source", "claim_rows", "claimant_key", "same_claimant",
           "summarise"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Source:
    """How one article counts: its origin (independence group) and the outlet that carried it."""

    key: str
    outlet: str | None
    basis: str = "own"


def claimant_key(attributed_to: str | None, rules: Rules | None = None) -> str | None:
    """A comparable form of a claimant: "the Turkish Defence Ministry" == "Turkey's defense ministry"."""
    if not attributed_to:
        return None
    rules = rules or load_rules()
    words = re.findall(r"[^\W\d_]+", attributed_to.casefold())
    kept = sorted({w[:4] for w in words if w not in rules.claimant_stopwords})
    return " ".join(kept) or attributed_to.casefold().strip()


def figures_agree(a: Mapping[str, Any], b: Mapping[str, Any], rules: Rules | None = None) -> bool:
    rules = rules or load_rules()
    x, y = a["value"], b["value"]
    if x == y:
        return True
    if not (a.get("qualifier") or b.get("qualifier")):
        return False
    return abs(x - y) <= rules.qualified_share * max(x, y)


def _claim(event: Event, value: Any, source: Source, rules: Rules) -> dict[str, Any]:
    return {
        "value": value,
        "outlet": event.outlet or source.outlet,
        "attributed_to": event.attributed_to,
        "claimant": claimant_key(event.attributed_to, rules),
        "hedged": event.hedged,
        "article_id": event.article_id,
        "event_id": event.event_id,
        "source": source.key,
        "quote": event.evidence.text if event.evidence else None,
    }


def _dedupe(claims: list[dict[str, Any]], key: Callable[[dict[str, Any]], Any]) -> list[dict[str, Any]]:
    """One claim per article, voice and value: an article repeating a figure claims it once."""
    seen: set[Any] = set()
    kept = []
    for claim in claims:
        marker = (claim["article_id"], claim["claimant"], key(claim))
        if marker not in seen:
            seen.add(marker)
            kept.append(claim)
    return kept


def _figure(
    events: Sequence[Event], name: str, sources: Mapping[str, Source], rules: Rules
) -> dict[str, Any] | None:
    claims = []
    for event in events:
        claims += _figure_claims(event, name, sources[event.article_id], rules)
    claims = _dedupe(claims, lambda c: (c["value"], c["qualifier"]))
    if not claims:
        return None
    _mark_outside_range(claims)
    credible = [c["value"] for c in claims if not c["hedged"]] or [c["value"] for c in claims]
    values = [c["value"] for c in claims]
    return {
        "status": field_status(claims, *field_test(name, {}, rules)),
        "conservative": min(credible),
        "min": min(values),
        "max": max(values),
        "claims": claims,
    }


def _figure_claims(event: Event, name: str, source: Source, rules: Rules) -> list[dict[str, Any]]:
    """Every figure the article gives for this act, each with the voice of its own sentence.

    An event is one act with all its mentions: the toll it carries is one of them, and every other
    mention's figure (an earlier toll, another claimant's count) is a claim too, exactly as when each
    sentence was an event of its own. An event without mentions (stored before they existed)
    claims its own figure."""
    value = getattr(event, name)
    told = [m for m in event.mentions if getattr(m, name) is not None]
    if not told:
        if value is None:
            return []
        claim = _claim(event, value, source, rules)
        claim["qualifier"] = event.figure_qualifier
        return [claim]
    claims = []
    for mention in told:
        figure = getattr(mention, name)
        claim = _claim(event, figure, source, rules)
        claim.update(
            attributed_to=mention.attributed_to,
            claimant=claimant_key(mention.attributed_to, rules),
            hedged=mention.hedged,
            quote=mention.text,
            qualifier=event.figure_qualifier if figure == value else None,
        )
        claims.append(claim)
    return claims


def _mark_outside_range(claims: list[dict[str, Any]]) -> None:
    """Whether each figure lies outside the range the other sources give (None with no other source):
    each source's own lowest and highest, then for a claim the extremes among the other sources."""
    lows: dict[str, Any] = {}
    highs: dict[str, Any] = {}
    for claim in claims:
        source, value = claim["source"], claim["value"]
        lows[source] = min(value, lows.get(source, value))
        highs[source] = max(value, highs.get(source, value))
    by_low = sorted(lows.items(), key=lambda item: item[1])[:2]
    by_high = sorted(highs.items(), key=lambda item: item[1], reverse=True)[:2]
    for claim in claims:
        source = claim["source"]
        low = next((value for other, value in by_low if other != source), None)
        high = next((value for other, value in by_high if other != source), None)
        claim["outside_range"] = None if low is None else (claim["value"] < low or claim["value"] > high)


def _actors(events: Sequence[Event], sources: Mapping[str, Source], rules: Rules) -> dict[str, Any] | None:
    claims = []
    for event in events:
        if event.actor1 is not None:
            claim = _claim(event, event.actor1.name, sources[event.article_id], rules)
            claim["actor1"] = event.actor1.to_dict()
            claim["actor2"] = event.actor2.to_dict() if event.actor2 else None
            claims.append(claim)
    claims = _dedupe(claims, lambda c: c["value"])
    if not claims:
        return None
    by_event = {e.event_id: e for e in events}
    return {
        "status": field_status(claims, *field_test("actors", by_event, rules)),
        "value": _most_common(c["value"] for c in claims),
        "claims": claims,
    }


Agree = Callable[[Mapping[str, Any], Mapping[str, Any]], bool]
Key = Callable[[Mapping[str, Any]], Any]


def field_test(name: str, by_event: Mapping[str, Event], rules: Rules) -> tuple[Agree, Key]:
    """When two claims of field `name` agree, and the key holding all that test reads of a claim
    (claims.FIELDS, or "incident" for the reports themselves); `by_event` holds the claims' events."""
    if name in FIGURES:
        return (lambda a, b: figures_agree(a, b, rules)), (lambda c: (c["value"], c["qualifier"]))
    if name == "incident":
        return (lambda a, b: True), (lambda c: None)
    if name == "actors":

        def agree(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
            one, two = by_event[a["event_id"]], by_event[b["event_id"]]
            if sides_compatible(one.actor1, two.actor1, rules):
                return True
            # In a battle the order of the sides is the writer's choice, not a claim about who attacked.
            symmetric = {one.acled_event_type, two.acled_event_type} & rules.symmetric_acled_types
            return bool(symmetric) and sides_compatible(one.actor1, two.actor2, rules)

        def sides(claim: Mapping[str, Any]) -> tuple[Any, ...]:  # what `agree` reads of a claim's event
            event = by_event[claim["event_id"]]
            return (*_side(event.actor1), *_side(event.actor2), event.acled_event_type)

        return (lambda a, b: agree(a, b) or agree(b, a)), sides
    if name == "place":

        def near(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
            return places_compatible(
                by_event[a["event_id"]].location, by_event[b["event_id"]].location, rules
            )

        def where(claim: Mapping[str, Any]) -> Any:
            found = by_event[claim["event_id"]].location
            return found and (found.name, found.admin1, found.country, found.lat, found.lon, found.precision)

        return near, where

    def span(claim: Mapping[str, Any]) -> Any:
        return date_span(by_event[claim["event_id"]], rules)

    return (lambda a, b: dates_compatible(span(a), span(b), rules)), span


def _side(actor: Any) -> tuple[Any, Any]:
    return (actor.country, actor.kind) if actor is not None else (None, None)


def _place(events: Sequence[Event], sources: Mapping[str, Source], rules: Rules) -> dict[str, Any] | None:
    located = [e for e in events if e.location is not None]
    claims = _dedupe(
        [_claim(e, e.location.name, sources[e.article_id], rules) for e in located if e.location],
        lambda c: c["value"],
    )
    if not claims:
        return None
    by_event = {e.event_id: e for e in located}
    best = min(located, key=best_place)
    location = best.location.to_dict() if best.location else None
    return {"status": field_status(claims, *field_test("place", by_event, rules)), "value": location,
            "claims": claims}  # fmt: skip


def best_place(event: Event) -> tuple[Any, str]:
    """The order in which an incident's located reports give its place: the most precise, then by id."""
    return (event.location.precision if event.location else 9, event.event_id)


def _date(events: Sequence[Event], sources: Mapping[str, Source], rules: Rules) -> dict[str, Any] | None:
    dated = [e for e in events if e.date]
    claims = _dedupe([_claim(e, e.date, sources[e.article_id], rules) for e in dated], lambda c: c["value"])
    if not claims:
        return None
    by_event = {e.event_id: e for e in dated}
    days = [day for day in map(exact_day, dated) if day]
    value = _most_common(days) if days else _most_common(c["value"] for c in claims)
    return {"status": field_status(claims, *field_test("date", by_event, rules)), "value": value,
            "claims": claims}  # fmt: skip


def exact_day(event: Event) -> str | None:
    """The event's date when it names one day (the incident's date is the most common of these)."""
    day = event.date
    return day if event.date_precision in (None, "day") and day and len(day) == 10 else None


def _most_common(values: Any) -> Any:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


def report_claims(
    events: Sequence[Event], sources: Mapping[str, Source], rules: Rules
) -> list[dict[str, Any]]:
    """One claim per article and voice that it reports the incident at all (the incident's status)."""
    return _dedupe([_claim(e, None, sources[e.article_id], rules) for e in events], lambda c: None)


def summarise(
    incident_id: str, events: Sequence[Event], sources: Mapping[str, Source], rules: Rules | None = None
) -> dict[str, Any]:
    """The incident record of SPEC.md: headline fields, status, sources and the claims per field."""
    rules = rules or load_rules()
    events = sorted(events, key=lambda e: (e.article_id, e.evidence.start if e.evidence else -1, e.event_id))
    fields: dict[str, dict[str, Any] | None] = {
        name: _figure(events, name, sources, rules) for name in FIGURES
    }
    fields["actors"] = _actors(events, sources, rules)
    fields["place"] = _place(events, sources, rules)
    fields["date"] = _date(events, sources, rules)
    reports = report_claims(events, sources, rules)
    if any((fields[name] or {}).get("status") == CONTESTED for name in CONTESTABLE):
        status = CONTESTED
    else:
        status = field_status(reports, *field_test("incident", {}, rules)) or SINGLE
    spans = [s for s in (date_span(e, rules) for e in events) if s is not None]
    place = (fields["place"] or {}).get("value") or {}
    by_source: dict[str, dict[str, Any]] = {}
    for event in events:
        source = sources[event.article_id]
        entry = by_source.setdefault(
            source.key, {"source": source.key, "outlets": [], "articles": [], "claimants": []}
        )
        for key, value in (("outlets", event.outlet or source.outlet), ("articles", event.article_id),
                           ("claimants", event.attributed_to)):  # fmt: skip
            if value is not None and value not in entry[key]:
                entry[key].append(value)
    return {
        "incident_id": incident_id,
        "family": family(events[0].plover, rules),
        "plover": _most_common(e.plover for e in events),
        "acled_event_type": _most_common(e.acled_event_type for e in events),
        "date": (fields["date"] or {}).get("value"),
        "date_first": min(s.start for s in spans).isoformat() if spans else None,
        "date_last": max(s.end for s in spans).isoformat() if spans else None,
        "country": _most_common(e.location.country for e in events if e.location),
        "location": place or None,
        "actor1": _most_common(e.actor1.name for e in events if e.actor1),
        "actor2": _most_common(e.actor2.name for e in events if e.actor2),
        "status": status,
        "independent_sources": len(by_source),
        "reports": len({e.article_id for e in events}),
        "events": len(events),
        "event_ids": [e.event_id for e in events],
        "sources": sorted(by_source.values(), key=lambda s: s["source"]),
        "articles": [
            {"article_id": article_id, "outlet": outlet, "source": sources[article_id].key}
            for article_id, outlet in sorted(
                {(e.article_id, e.outlet or sources[e.article_id].outlet) for e in events}, key=str
            )
        ],
        # SPEC: per figure {conservative, min, max, claims}; every field's claims under "fields".
        **{name: fields[name] for name in FIGURES},
        "fields": fields,
    }


def claim_rows(summary: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Flat rows of every claim (plus one "incident" row per reporting article) for the outlet record."""
    rows = []
    for name in FIELDS:
        field = summary["fields"].get(name)
        if not field:
            continue
        for claim in field["claims"]:
            number = claim["value"] if name in FIGURES else None
            value = claim["value"]
            rows.append(
                _row(summary, name, claim, field["status"], number, value, claim.get("outside_range"))
            )
    for report in summary["articles"]:
        claim = {**report, "event_id": None, "claimant": None, "hedged": False}
        rows.append(_row(summary, "incident", claim, summary["status"], None, None, None))
    return rows


def _row(
    summary: Mapping[str, Any], field: str, claim: Mapping[str, Any], status: str, number: int | None,
    value: Any, outside: bool | None,
) -> dict[str, Any]:  # fmt: skip
    if isinstance(value, dict):
        value = value.get("name")
    return {
        "incident_id": summary["incident_id"],
        "field": field,
        "article_id": claim["article_id"],
        "event_id": claim["event_id"],
        "outlet": claim["outlet"],
        "source_key": claim["source"],
        "claimant": claim["claimant"],
        "value": None if value is None else str(value),
        "number": number,
        "hedged": bool(claim["hedged"]),
        "status": status,
        "outside_range": outside,
    }
