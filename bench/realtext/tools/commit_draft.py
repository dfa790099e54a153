"""Turn an annotator's draft (quotes) into a committed gold file (offsets only, no text).

    python3 bench/realtext/tools/commit_draft.py ID [ID...]     # or --all
    python3 bench/realtext/tools/commit_draft.py --agreement ID   # the second annotator's drafts

Reads bench/realtext/drafts/ID.json and bench/realtext/texts/ID.txt, writes bench/realtext/gold/ID.json.
A quote that does not occur in the text is refused with one line, and nothing is written for that ID.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PLOVER = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
MODES = {
    "abduct",
    "beat",
    "torture",
    "sexual",
    "targeted",
    "destroy",
    "primitive",
    "firearms",
    "explosives",
    "suicide-attack",
    "aerial",
    "drone",
    "heavy-weapons",
    "crowd-control",
    "unconventional",
}
ACLED = {
    "Battles": {"Government regains territory", "Non-state actor overtakes territory", "Armed clash"},
    "Protests": {"Excessive force against protesters", "Protest with intervention", "Peaceful protest"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
KINDS = {
    "state_forces",
    "rebels",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_other",
    "government",
    "person",
}
STYLES = {
    "wire",
    "broadcaster",
    "local",
    "state-media",
    "liveblog",
    "ngo",
    "government",
    "republished",
    "blog",
}
TOPICS = {"violence", "political", "negative"}
META = (
    "id",
    "url",
    "outlet",
    "style",
    "published",
    "query",
    "rank",
    "conflict",
    "country",
    "topic",
    "annotator",
)


def span(text: str, quote: str) -> list[int]:
    """Offsets of `quote` ("quote#N" for the N-th occurrence) in `text`."""
    nth = 1
    if "#" in quote and quote.rsplit("#", 1)[1].isdigit():
        quote, n = quote.rsplit("#", 1)
        nth = int(n)
    start = -1
    for _ in range(nth):
        start = text.find(quote, start + 1)
        if start < 0:
            raise ValueError(f"quote not found (occurrence {nth}): {quote[:60]!r}")
    return [start, start + len(quote)]


def check_event(event: dict[str, Any]) -> None:
    plover = event.get("plover")
    if plover is not None and plover not in PLOVER:
        raise ValueError(f"unknown plover {plover!r}")
    if event.get("mode") not in MODES | {None}:
        raise ValueError(f"unknown mode {event['mode']!r}")
    sub = event.get("acled_sub_event_type")
    kind = event.get("acled_event_type")
    if sub is not None:
        owners = [k for k, subs in ACLED.items() if sub in subs]
        if not owners:
            raise ValueError(f"unknown ACLED sub-event type {sub!r}")
        if kind is not None and kind != owners[0]:
            raise ValueError(f"{sub!r} belongs to {owners[0]!r}, not {kind!r}")
    for side in ("actor1", "actor2"):
        actor = event.get(side)
        if actor and actor.get("kind") not in KINDS | {None}:
            raise ValueError(f"unknown actor kind {actor.get('kind')!r}")
    if not event.get("mentions"):
        raise ValueError("an event needs at least one mention")


def convert(draft: dict[str, Any], text: str) -> dict[str, Any]:
    gold: dict[str, Any] = {key: draft.get(key) for key in META}
    if gold["style"] not in STYLES:
        raise ValueError(f"unknown style {gold['style']!r}")
    if gold["topic"] not in TOPICS:
        raise ValueError(f"unknown topic {gold['topic']!r}")
    gold["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    gold["chars"] = len(text)
    if "split" in draft:
        gold["split"] = draft["split"]
    events = []
    for event in draft.get("events", []):
        check_event(event)
        out = {k: v for k, v in event.items() if k not in ("mentions", "evidence", "claims")}
        out["mentions"] = [span(text, q) for q in event["mentions"]]
        evidence = event.get("evidence") or event["mentions"][0]
        out["evidence"] = span(text, evidence)
        claims = []
        for claim in event.get("claims", []):
            c = {k: v for k, v in claim.items() if k != "quote"}
            if claim.get("quote"):
                c["span"] = span(text, claim["quote"])
            claims.append(c)
        if claims:
            out["claims"] = claims
        events.append(out)
    gold["events"] = events
    return gold


def main(argv: list[str]) -> int:
    drafts, out_dir = ROOT / "drafts", ROOT / "gold"
    if argv[:1] == ["--agreement"]:  # the second annotator's drafts and gold (bench/realtext/agreement)
        drafts, out_dir, argv = ROOT / "agreement" / "drafts", ROOT / "agreement" / "gold", argv[1:]
    ids = [p.stem for p in sorted(drafts.glob("*.json"))] if argv == ["--all"] else argv
    failed = 0
    for article_id in ids:
        try:
            draft = json.loads((drafts / f"{article_id}.json").read_text(encoding="utf-8"))
            text = (ROOT / "texts" / f"{article_id}.txt").read_text(encoding="utf-8")
            gold = convert(draft, text)
        except (OSError, ValueError, KeyError) as exc:
            print(f"{article_id}: {exc}")
            failed += 1
            continue
        out_dir.mkdir(parents=True, exist_ok=True)
        previous = out_dir / f"{article_id}.json"
        if previous.is_file() and "split" not in gold:  # keep the split tools/split.py assigned
            split = json.loads(previous.read_text(encoding="utf-8")).get("split")
            if split:
                gold["split"] = split
        out = out_dir / f"{article_id}.json"
        out.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{article_id}: {len(gold['events'])} events written")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
