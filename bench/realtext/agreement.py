"""How far two annotators agree on the same dev articles: the ceiling Sitrep is measured against.

    python bench/realtext/agreement.py

The first annotation (gold/ID.json) is scored against the second (agreement/gold/ID.json, written
blind by another annotator) with the benchmark's own scorer, sitrep.evaluate.score: the second
annotator's events play the system's part. Event F1 is symmetric; field agreement is over matched
events where both annotators state the field.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIELDS = (
    "plover", "acled_sub_event_type", "date", "location", "attribution", "hedged", "killed", "injured",
    "actor1_country", "actor1_kind", "actor2_country", "actor2_kind",
)


def as_event(article_id: str, index: int, raw: dict[str, Any], text: str) -> Any:
    """An annotator's gold event as the Event a system would have written."""
    from sitrep.models import Actor, Event, Location, Mention, TextSpan

    def actor(value: dict[str, Any] | None) -> Actor | None:
        if not value:
            return None
        return Actor(value.get("name") or "?", value.get("country"), value.get("kind"))

    place = raw.get("location")
    location = None
    if place:
        location = Location(
            place.get("name") or "?", place.get("admin1"), place.get("country"), None, None, None,
            place.get("precision") or 1, place.get("name"),
        )
    start, end = raw.get("evidence") or raw["mentions"][0]
    mentions = tuple(Mention(text[s:e], s, e) for s, e in raw["mentions"])
    return Event(
        event_id=f"{article_id}#{index}", article_id=article_id, plover=raw.get("plover") or "",
        mode=raw.get("mode"), acled_sub_event_type=raw.get("acled_sub_event_type"),
        date=raw.get("date"), date_precision=raw.get("date_precision"), date_source=raw.get("date_source"),
        actor1=actor(raw.get("actor1")), actor2=actor(raw.get("actor2")), location=location,
        killed=raw.get("killed"), injured=raw.get("injured"), displaced=raw.get("displaced"),
        figure_qualifier=raw.get("figure_qualifier"), attributed_to=raw.get("attributed_to"),
        hedged=bool(raw.get("hedged")), evidence=TextSpan(text[start:end], start, end), mentions=mentions,
    )


def main() -> int:
    from sitrep.evaluate import score
    from sitrep.gold_events import load_event_gold

    second = sorted((HERE / "agreement" / "gold").glob("*.json"))
    if not second:
        print("no second annotation yet: bench/realtext/agreement/gold/ is empty", file=sys.stderr)
        return 2
    ids = {p.stem for p in second}
    documents = [d for d in load_event_gold(HERE) if d.id in ids]
    predicted = {}
    for path in second:
        record = json.loads(path.read_text(encoding="utf-8"))
        text = (HERE / "texts" / f"{path.stem}.txt").read_text(encoding="utf-8")
        predicted[path.stem] = [as_event(path.stem, i, e, text) for i, e in enumerate(record["events"])]
    report = score(documents, predicted)
    print(f"articles {len(documents)}   events: first annotator {report.gold_events}, "
          f"second {report.predicted_events}, matched {report.matched}")
    print(
        f"event agreement: precision {report.precision:.2f}  recall {report.recall:.2f}  "
        f"F1 {report.f1:.2f}"
    )
    print("field agreement over matched events (where the first annotator states the field)")
    for name in FIELDS:
        correct, scored = report.fields[name]
        value = f"{correct / scored:.2f}" if scored else "  - "
        print(f"  {name:<22} {value}  ({correct}/{scored})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
