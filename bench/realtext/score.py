"""The real-text benchmark: Sitrep on real news page openings, scored event by event.

    python bench/realtext/score.py                 # coverage, then the table for dev and test
    python bench/realtext/score.py --errors        # and every dev miss with its text
    python bench/realtext/score.py --json FILE     # the numbers as JSON too

Scoring is sitrep.evaluate.score, the one code path of `sitrep eval` (matching: same PLOVER type,
a predicted sentence overlapping a gold mention, then the pair agreeing on most fields). This script
adds what only a whole benchmark has: its coverage, false events per negative article, a breakdown
by outlet style, and incident B-cubed F1 after `sitrep ingest` of every article into a fresh store.
The locked test split is printed, never inspected: --errors lists dev misses only.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

TABLE_FIELDS = (
    ("date right", "date"),
    ("date precision right", "date_precision"),
    ("place right", "location"),
    ("attribution right", "attribution"),
    ("hedged right", "hedged"),
    ("killed right", "killed"),
    ("injured right", "injured"),
    ("displaced right", "displaced"),
    ("actor1 country", "actor1_country"),
    ("actor1 kind", "actor1_kind"),
    ("actor2 country", "actor2_country"),
    ("actor2 kind", "actor2_kind"),
    ("PLOVER type right", "plover"),
    ("ACLED sub-event right", "acled_sub_event_type"),
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=HERE)
    parser.add_argument("--errors", action="store_true", help="list every dev miss with its text")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument("--no-incidents", action="store_true", help="skip the ingest for B-cubed F1")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="ID",
        help="score without this article (its text could not be re-created); printed with the table",
    )
    args = parser.parse_args(argv)

    from sitrep.gold_events import load_event_gold, missing_texts

    missing = [m for m in missing_texts(args.folder) if m not in args.skip]
    if missing:
        print(
            f"{len(missing)} of the benchmark's texts are missing or differ from their sha256 "
            f"(first: {', '.join(missing[:5])}).\n"
            f"Re-create them as {args.folder / 'README.md'} says (python bench/realtext/recreate.py);\n"
            f"a text that cannot be re-created is left out, and said so, with --skip ID.",
            file=sys.stderr,
        )
        return 2
    documents = load_event_gold(args.folder, skip=args.skip)
    if args.skip:
        print(f"scored WITHOUT {len(args.skip)} article(s), by --skip: {', '.join(sorted(args.skip))}")
    print(format_coverage(coverage(documents)))

    from sitrep.app import Sitrep
    from sitrep.evaluate import format_confusion, score

    app = Sitrep()
    started = time.perf_counter()
    predicted, offsets = app.predict(documents)
    seconds = time.perf_counter() - started
    print(f"\nanalysed {len(documents)} articles in {seconds:.1f} s")
    from sitrep.classify import EventTyper

    print(EventTyper.shared().describe())
    results: dict[str, Any] = {}
    reports = {}
    for split in ("dev", "test"):
        docs = [d for d in documents if d.meta and d.meta.get("split", "dev") == split]
        if not docs:
            continue
        report = score(docs, predicted, offsets)
        reports[split] = (docs, report)
        results[split] = summary(docs, report, predicted)
    if not args.no_incidents:
        incident_of = ingest_incidents(app, documents)
        for split, (docs, report) in reports.items():
            results[split]["incident_bcubed_f1"] = bcubed(docs, report, incident_of)
    print()
    print(format_table(results))
    print()
    print(format_styles(results))
    if "dev" in reports:
        print()
        print("dev " + format_confusion(reports["dev"][1].confusion))
    if args.errors and "dev" in reports:
        print()
        print(format_errors(*reports["dev"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


# ------------------------------------------------------------------------------------- coverage


def coverage(documents: Sequence[Any]) -> dict[str, Any]:
    """The counts issue 8 asks of the set: incidents, countries, outlets, styles, topics.

    Every event carries an incident key, statements included; an article's *story* is the incident
    of its first event (its headline and lead). Story incidents told by three outlets or more
    "disagree" when their tolls differ across articles, an article records another claimant's
    figure, or the articles name different perpetrators or claimants."""
    outlets_by_incident: dict[str, set[str]] = defaultdict(set)
    countries: set[str] = set()
    stories: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        meta = doc.meta or {}
        if meta.get("country"):
            countries.add(meta["country"])
        if doc.events and doc.events[0].incident:
            stories[doc.events[0].incident].add(meta.get("outlet") or doc.id)
        for event in doc.events:
            if event.incident:
                outlets_by_incident[event.incident].add(meta.get("outlet") or doc.id)
            country = event.expected.get("location_country")
            if country:
                countries.add(country)
    told = _story_versions(documents)
    multi = {k for k, v in stories.items() if len(v) >= 3}
    disagreeing = {k for k in multi if told.get(k, False)}
    conflicts = Counter((d.meta or {}).get("conflict") for d in documents if (d.meta or {}).get("conflict"))
    return {
        "articles": len(documents),
        "splits": dict(Counter((d.meta or {}).get("split", "dev") for d in documents)),
        "events": sum(len(d.events) for d in documents),
        "incidents": len(outlets_by_incident),
        "story_incidents": len(stories),
        "stories_3plus_outlets": len(multi),
        "stories_3plus_disagreeing": len(disagreeing),
        "countries": len(countries),
        "outlets": len({(d.meta or {}).get("outlet") for d in documents}),
        "styles": dict(Counter((d.meta or {}).get("style") for d in documents)),
        "topics": dict(Counter((d.meta or {}).get("topic") for d in documents)),
        "largest_conflict": max(conflicts.items(), key=lambda kv: kv[1]) if conflicts else None,
    }


def _story_versions(documents: Sequence[Any]) -> dict[str, bool]:
    """Incident key -> whether its articles disagree (tolls, claims, perpetrators, claimants)."""
    versions: dict[str, set[Any]] = defaultdict(set)
    claimed: set[str] = set()
    for doc in documents:
        record = json.loads(Path(doc.source).read_text(encoding="utf-8"))
        for event in record.get("events", []):
            key = event.get("incident")
            if not key:
                continue
            if event.get("claims"):
                claimed.add(key)
            actor = (event.get("actor1") or {}).get("name") if event.get("actor1") else None
            for kind, value in (("killed", event.get("killed")), ("actor1", actor),
                                ("source", event.get("attributed_to"))):
                if value is not None:
                    versions[key].add((kind, value))
    out = {}
    for key, seen in versions.items():
        kinds = Counter(kind for kind, _ in seen)
        out[key] = key in claimed or any(n > 1 for n in kinds.values())
    return out


def format_coverage(cov: Mapping[str, Any]) -> str:
    share = cov["largest_conflict"]
    lines = [
        "coverage",
        f"  articles {cov['articles']} ({', '.join(f'{k} {v}' for k, v in sorted(cov['splits'].items()))}),"
        f" events {cov['events']}",
        f"  incident keys {cov['incidents']}; article stories {cov['story_incidents']}, told by 3+ outlets "
        f"{cov['stories_3plus_outlets']}, of which disagreeing (tolls, claims, blame) "
        f"{cov['stories_3plus_disagreeing']}",
        f"  countries {cov['countries']}   outlets {cov['outlets']}",
        "  topics " + ", ".join(f"{k} {v}" for k, v in sorted(cov["topics"].items(), key=str)),
        "  styles " + ", ".join(f"{k} {v}" for k, v in sorted(cov["styles"].items(), key=str)),
    ]
    if share:
        lines.append(f"  largest conflict {share[0]}: {share[1]} articles ({share[1] / cov['articles']:.0%})")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------- scores


def summary(docs: Sequence[Any], report: Any, predicted: Mapping[str, Sequence[Any]]) -> dict[str, Any]:
    from sitrep.evaluate import score

    negatives = [d for d in docs if (d.meta or {}).get("topic") == "negative"]
    false_on_negatives = sum(len(predicted.get(d.id, ())) for d in negatives)
    by_style = {}
    for style in sorted({(d.meta or {}).get("style") or "-" for d in docs}):
        part = [d for d in docs if ((d.meta or {}).get("style") or "-") == style]
        sub = score(part, predicted)
        by_style[style] = {"articles": len(part), "gold": sub.gold_events, "predicted": sub.predicted_events,
                           "precision": sub.precision, "recall": sub.recall, "f1": sub.f1}
    out: dict[str, Any] = {
        "articles": len(docs),
        "gold_events": report.gold_events,
        "predicted_events": report.predicted_events,
        "matched": report.matched,
        "precision": report.precision,
        "recall": report.recall,
        "f1": report.f1,
        "negative_articles": len(negatives),
        "false_events_per_negative": false_on_negatives / len(negatives) if negatives else None,
        "fields": {name: list(report.fields[name]) for _, name in TABLE_FIELDS},
        "by_style": by_style,
    }
    return out


def ingest_incidents(app: Any, documents: Sequence[Any]) -> dict[str, str | None]:
    """`sitrep ingest` of every article into a fresh SQLite store: event_id -> incident_id."""
    from sitrep.app import Sitrep
    from sitrep.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for doc in documents:
            (folder / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
            meta = {"published": doc.published.isoformat() if doc.published else None,
                    "outlet": doc.outlet, "url": (doc.meta or {}).get("url")}
            (folder / f"{doc.id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        ingester = Sitrep(Settings.from_env(db_url=f"sqlite:///{tmp}/bench.db"))
        started = time.perf_counter()
        ingester.ingest([folder])
        print(f"ingested {len(documents)} articles in {time.perf_counter() - started:.1f} s")
        incident_of = {event.event_id: event.incident_id for event in ingester.store.iter_events()}
        ingester.store.close()
    return incident_of


def bcubed(docs: Sequence[Any], report: Any, incident_of: Mapping[str, str | None]) -> float | None:
    """B-cubed F1 of Sitrep's incidents against the gold incident keys, over every gold event.

    A gold event Sitrep did not find, or found with no incident, is a cluster of its own.
    """
    from sitrep.corroborate.quality import bcubed as bcubed_score

    matched = {(doc_id, index): event_id for doc_id, index, event_id in report.pairs}
    gold_cluster: dict[str, str] = {}
    system_cluster: dict[str, str] = {}
    for doc in docs:
        for index, event in enumerate(doc.events):
            item = f"{doc.id}#{index}"
            gold_cluster[item] = event.incident or item
            event_id = matched.get((doc.id, index))
            incident = incident_of.get(event_id) if event_id else None
            system_cluster[item] = incident or f"none:{item}"
    return bcubed_score(gold_cluster, system_cluster).f1 if gold_cluster else None


# ---------------------------------------------------------------------------------------- output


def _cell(value: Any) -> str:
    if value is None:
        return "   -  "
    if isinstance(value, list):
        correct, scored = value
        return f"{correct / scored:5.2f} ({correct}/{scored})" if scored else "   -  "
    return f"{value:5.2f}" if isinstance(value, float) else str(value)


def format_table(results: Mapping[str, Mapping[str, Any]]) -> str:
    splits = list(results)
    rows = [
        ("articles", "articles"), ("gold events", "gold_events"), ("predicted events", "predicted_events"),
        ("matched", "matched"), ("event precision", "precision"), ("event recall", "recall"),
        ("event F1", "f1"), ("false events per negative article", "false_events_per_negative"),
        ("incidents B-cubed F1", "incident_bcubed_f1"),
    ]
    width = 36
    lines = [f"{'measure':<{width}}" + "".join(f"{s:>18}" for s in splits)]
    for label, key in rows:
        lines.append(f"{label:<{width}}" + "".join(f"{_cell(results[s].get(key)):>18}" for s in splits))
    for label, key in TABLE_FIELDS:
        lines.append(f"{label:<{width}}" + "".join(f"{_cell(results[s]['fields'][key]):>18}" for s in splits))
    return "\n".join(lines)


def format_styles(results: Mapping[str, Mapping[str, Any]]) -> str:
    lines = ["by outlet style            split  articles  gold  pred   P     R     F1"]
    for split, result in results.items():
        for style, row in result["by_style"].items():
            lines.append(
                f"  {style:<24} {split:<6} {row['articles']:>6} {row['gold']:>6} {row['predicted']:>5}"
                f" {row['precision']:5.2f} {row['recall']:5.2f} {row['f1']:5.2f}"
            )
    return "\n".join(lines)


def format_errors(docs: Sequence[Any], report: Any) -> str:
    lines = [f"dev misses ({len(report.misses)})"]
    for miss in report.misses:
        text = " ".join(miss.evidence.split())[:160]
        if miss.kind == "wrong_field":
            lines.append(f"  wrong {miss.field}: {miss.document_id} {miss.plover} "
                         f"expected {miss.expected!r} got {miss.got!r}  [{text}]")
        else:
            lines.append(f"  {miss.kind}: {miss.document_id} {miss.plover}  [{text}]")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
