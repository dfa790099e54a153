"""When two event reports describe one real-world incident.

Two events are compatible when their types are of one family, each side's actors could be the
same (an unknown side is compatible with anything), their places lie within a distance that grows
with geo precision, and their dates lie within a window that grows with date precision. An event
joins the existing incident it is compatible with for most of its reports (average linkage), so
one vague report cannot chain two incidents into one. Pure functions: the store finds candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.corroborate.rules import Rules, load_rules
from sitrep.models import Actor, Event, Location
from sitrep.resolve.place_relations import distance_km


@dataclass(frozen=True, slots=True)
class Span:
    """The days an event may have happened on, inclusive."""

    start: date
    end: date


def _parse_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text[:7] + "-01")
    except ValueError:
        return None


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def date_span(event: Event, rules: Rules | None = None) -> Span | None:
    """The event's date widened by its precision; an undated event falls in the days before publication."""
    rules = rules or load_rules()
    day = _parse_day(event.date)
    if day is None:
        published = _parse_day(event.published)
        if published is None:
            return None
        return Span(published - timedelta(days=rules.undated_days), published)
    if event.date_precision == "month" or (event.date and len(event.date) == 7):
        first = day.replace(day=1)
        return Span(first, _month_end(first))
    if event.date_precision == "week":
        half = timedelta(days=rules.week_half_days)
        return Span(day - half, day + half)
    return Span(day, day)


def dates_compatible(a: Span | None, b: Span | None, rules: Rules | None = None) -> bool:
    if a is None or b is None:
        return True
    rules = rules or load_rules()
    gap = (max(a.start, b.start) - min(a.end, b.end)).days
    return gap <= rules.slack_days


def places_compatible(a: Location | None, b: Location | None, rules: Rules | None = None) -> bool:
    if a is None or b is None:
        return True
    rules = rules or load_rules()
    if a.country and b.country and a.country != b.country:
        return False
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        precision = max(a.precision or 1, b.precision or 1)
        limit = rules.max_km_by_precision.get(precision, max(rules.max_km_by_precision.values()))
        return distance_km(a.lat, a.lon, b.lat, b.lon) <= limit
    names_a = {n.casefold() for n in (a.name, a.admin1) if n}
    names_b = {n.casefold() for n in (b.name, b.admin1) if n}
    return bool(names_a & names_b)


def sides_compatible(a: Actor | None, b: Actor | None, rules: Rules | None = None) -> bool:
    """Could two actors be the same side? Unknown actors, countries or kinds are compatible."""
    if a is None or b is None:
        return True
    rules = rules or load_rules()
    if a.country and b.country and a.country != b.country:
        return False
    if a.kind and b.kind:
        return rules.kind_group.get(a.kind, a.kind) == rules.kind_group.get(b.kind, b.kind)
    return True


def family(plover: str, rules: Rules | None = None) -> str:
    rules = rules or load_rules()
    return rules.type_family.get(plover, plover)


def types_compatible(a: Event, b: Event, rules: Rules | None = None) -> bool:
    rules = rules or load_rules()
    if family(a.plover, rules) != family(b.plover, rules):
        return False
    if a.acled_event_type and b.acled_event_type:
        group_a = rules.acled_group.get(a.acled_event_type, a.acled_event_type)
        return group_a == rules.acled_group.get(b.acled_event_type, b.acled_event_type)
    return True


def _precise_and_close(a: Event, b: Event, rules: Rules) -> bool:
    """Both reports pin the same place and day: enough to be one incident whoever they blame."""
    la, lb = a.location, b.location
    if la is None or lb is None or None in (la.lat, la.lon, lb.lat, lb.lon):
        return False
    if (
        max(la.precision or 1, lb.precision or 1) > 2
        or a.date_precision != "day"
        or b.date_precision != "day"
    ):
        return False
    return a.date == b.date and places_compatible(la, lb, rules)


def events_compatible(a: Event, b: Event, rules: Rules | None = None) -> bool:
    """Could these two reports describe one incident?

    Sources often disagree on who did it ("Syrian forces" vs "Russian jets"), so a perpetrator
    mismatch is allowed when the targets agree and both reports pin the same place and day.
    """
    rules = rules or load_rules()
    return _compatible(a, b, date_span(a, rules), date_span(b, rules), rules)


def _compatible(a: Event, b: Event, span_a: Span | None, span_b: Span | None, rules: Rules) -> bool:
    """events_compatible with both date spans already worked out."""
    if not types_compatible(a, b, rules):
        return False
    if not dates_compatible(span_a, span_b, rules):
        return False
    if not places_compatible(a.location, b.location, rules):
        return False
    if sides_compatible(a.actor2, b.actor2, rules):
        if sides_compatible(a.actor1, b.actor1, rules):
            return True
        if a.actor2 is not None and b.actor2 is not None and _precise_and_close(a, b, rules):
            return True
    # Two outlets may tell one clash from either side; one article telling "A attacked B" and "B
    # killed A's soldiers" tells two acts (an attack and the retaliation), never one written twice.
    symmetric = {a.acled_event_type, b.acled_event_type} & rules.symmetric_acled_types
    return (
        bool(symmetric)
        and a.article_id != b.article_id
        and sides_compatible(a.actor1, b.actor2, rules)
        and sides_compatible(a.actor2, b.actor1, rules)
    )


def choose_incident(
    event: Event, candidates: Sequence[tuple[str, Sequence[Event]]], rules: Rules | None = None
) -> str | None:
    """The candidate incident this event belongs to, or None to open a new one.

    The event must be compatible with at least `min_linkage_share` of the incident's reports; among
    several, the highest share wins, then the most compatible reports, then the earlier candidate.
    """
    rules = rules or load_rules()
    best: tuple[float, int] | None = None
    chosen = None
    span = date_span(event, rules)
    for incident_id, members in candidates:
        if not members:
            continue
        compatible = sum(1 for m in members if _compatible(event, m, span, date_span(m, rules), rules))
        share = compatible / len(members)
        if compatible and share >= rules.min_linkage_share and (best is None or (share, compatible) > best):
            best, chosen = (share, compatible), incident_id
    return chosen


def search_window(span: Span | None, rules: Rules | None = None) -> tuple[date, date] | None:
    """The range of incident start dates that can hold an event of this span (for the index scan)."""
    if span is None:
        return None
    rules = rules or load_rules()
    slack = timedelta(days=rules.slack_days)
    return span.start - timedelta(days=rules.max_span_days) - slack, span.end + slack
