"""An act named by its place: "the Karrada bombing", "the Ex-Control truck bombing", "the Solhan
massacre". Reports name a notorious act after the neighbourhood, junction or village where it
happened, often only in a later sentence: the lead says "a shopping district of Baghdad", a quote
says "the Karrada strike". That name is the most specific place the article ties to the act
(EVENTS.md), so it refines the article's first act in the town or province that contains it.

Decisions, written down:
- The name must be a place of the act's own town or province: a gazetteer entry inside it, or a name
  the article itself uses as a place ("in Karrada", "the Karrada neighbourhood"), kept by name at the
  town's point (precision 2, as a neighbourhood the gazetteer lacks is coded to its town). A name of
  an actor ("the Hamas attack"), a day or a season ("the Easter bombings") or a place elsewhere ("it
  echoes the Chibok abduction") refines nothing.
- Only the article's first act of violence whose place holds the name is refined, and only when its
  place is the town or province itself (not already a named site of it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from sitrep.models import Event, Location
from sitrep.resolve.places import Gazetteer

_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
_NAMED_ACT = re.compile(
    rf"\b(?:the|a|this|that|last\s+\w+['’]s)\s+(?P<name>{_NAME})\s+"
    r"(?:(?:truck|car|suicide|twin|bomb|market|mosque|church|hotel|school|cathedral|mall|bus)\s+)?"
    r"(?:bombings?|blasts?|attacks?|massacres?|strikes?|explosions?|shelling|ambush|raid|siege|carnage)\b"
)
# days, months and feasts that name acts too ("the Easter bombings"): no place
_DAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
     "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
     "easter", "christmas", "ramadan", "eid", "new", "year"}
)
_PLACE_WORDS = r"(?:neighbou?rhood|district|area|market|square|quarter|camp|junction|suburb|village)"


def named_act_places(
    text: str,
    events: Sequence[Event],
    gazetteer: Gazetteer,
    context: Sequence[str],
    is_actor: Callable[[str], bool],
) -> list[Event]:
    """The events, with the first act refined to the place its name gives (see the module's doc)."""
    acts = [e for e in events if e.plover == "ASSAULT" and e.location is not None]
    if not acts:
        return list(events)
    for match in _NAMED_ACT.finditer(text):
        name = match.group("name")
        if name.casefold() in _DAYS or any(w.casefold() in _DAYS for w in name.split()) or is_actor(name):
            continue
        for n, event in enumerate(events):
            if event not in acts:
                continue
            place = _inside(name, event.location, text, gazetteer, context)  # type: ignore[arg-type]
            if place is not None:
                return [*events[:n], replace(event, location=place), *events[n + 1 :]]
    return list(events)


def _inside(
    name: str, where: Location, text: str, gazetteer: Gazetteer, context: Sequence[str]
) -> Location | None:
    """The place `name` gives inside the act's town or province `where`, if it is one."""
    if where.name.casefold() == name.casefold() or (where.text or "").casefold() == name.casefold():
        return None  # "the Baghdad bombing": the town itself
    if where.precision == 2 and where.text and where.text.casefold() != where.name.casefold():
        return None  # already a named site of the town ("the Shaab neighbourhood")
    found = gazetteer.resolve(name, context)
    if found is not None:
        if found.country != where.country or found.geonames_id == where.geonames_id:
            return None
        town = where.precision == 1 and where.geonames_id is not None
        inside_town = town and found.lat is not None and (found.lat, found.lon) == (where.lat, where.lon)
        inside_province = where.precision == 3 and where.admin1 is not None and found.admin1 == where.admin1
        return found if inside_town or inside_province else None
    used_as_place = re.search(
        rf"\b(?:in|at|to|near)\s+(?:the\s+)?{re.escape(name)}\b|\b{re.escape(name)}\s+{_PLACE_WORDS}\b", text
    )
    if used_as_place is None or where.precision != 1 or where.geonames_id is None:
        return None
    return Location(name, where.admin1, where.country, where.lat, where.lon, None, 2, name)
