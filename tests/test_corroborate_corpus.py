"""Evaluation gate of the corroborate stage on tests/corpus/incidents/: 42 articles, 11 incidents.

The corpus holds wire stories and their syndicated copies and light rewrites, outlets quoting
different claimants with different tolls (22/33/34 soldiers killed), and look-alike incidents
(one city on two days two days apart; two towns 24 km apart on one day). Each article file gives
the text, the events the resolve stage would emit, and gold labels (incident per event, origin
per article); gold.json gives each incident's status. The floors below are pinned just under the
measured scores: a change that lowers them fails here.

Run as a script for the report: `.venv/bin/python tests/test_corroborate_corpus.py`.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from sitrep.corroborate import Corroborator
from sitrep.corroborate.quality import bcubed, majority, pair_accuracy
from sitrep.models import Actor, CleanArticle, Event, Location, TextSpan
from sitrep.store import Store

CORPUS = Path(__file__).parent / "corpus" / "incidents"
FLOORS = {"bcubed_f1": 0.90, "independence_accuracy": 0.95, "status_accuracy": 0.80}


@dataclass(frozen=True)
class CorpusArticle:
    clean: CleanArticle
    events: list[Event]
    gold_source: str
    gold_incidents: dict[str, str]  # event id -> gold incident label


def _actor(data: dict[str, Any] | None) -> Actor | None:
    if data is None:
        return None
    return Actor(data["name"], data["country"], data["kind"], tuple(data.get("backed_by", ())))


def _location(data: dict[str, Any] | None) -> Location | None:
    if data is None:
        return None
    return Location(
        data["name"], data["admin1"], data["country"], data["lat"], data["lon"], None, data["precision"]
    )


def load_corpus(folder: Path = CORPUS) -> tuple[list[CorpusArticle], dict[str, str]]:
    """The articles in ingest order (by publication date, then id) and the gold status per incident."""
    articles = []
    for path in sorted(folder.glob("*.json")):
        if path.name == "gold.json":
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data["text"]
        clean = CleanArticle(
            id=data["id"],
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            source=str(path),
            text=text,
            original=text,
            byline=data["byline"],
            published=date.fromisoformat(data["published"]),
            outlet=data["outlet"],
            republished_from=data["republished_from"],
        )
        events, gold = [], {}
        for number, item in enumerate(data["events"]):
            start = text.index(item["evidence"])
            event = Event(
                event_id=f"{data['id']}:{number}",
                article_id=data["id"],
                plover=item["plover"],
                mode=item.get("mode"),
                acled_event_type=item.get("acled_event_type"),
                date=item["date"],
                date_precision=item["date_precision"],
                actor1=_actor(item["actor1"]),
                actor2=_actor(item["actor2"]),
                location=_location(item["location"]),
                killed=item.get("killed"),
                injured=item.get("injured"),
                displaced=item.get("displaced"),
                figure_qualifier=item.get("figure_qualifier"),
                attributed_to=item.get("attributed_to"),
                hedged=item.get("hedged", False),
                evidence=TextSpan(item["evidence"], start, start + len(item["evidence"])),
                outlet=data["outlet"],
                published=data["published"],
            )
            events.append(event)
            gold[event.event_id] = item["gold_incident"]
        articles.append(CorpusArticle(clean, events, data["gold_source"], gold))
    articles.sort(key=lambda a: (a.clean.published, a.clean.id))
    status = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["status"]
    return articles, status


def evaluate(store: Store) -> dict[str, Any]:
    """Ingest the corpus into the store and score incidents, independence and status."""
    articles, gold_status = load_corpus()
    corroborator = Corroborator(store)
    predicted: dict[str, str] = {}
    stored = []
    for article in articles:
        if store.save_article(article.clean, article.events) == "unchanged":
            continue  # the same text is already stored: nothing new to attach
        stored.append(article)
        for event, incident_id in zip(
            article.events, corroborator.attach(article.clean, article.events), strict=True
        ):
            predicted[event.event_id] = incident_id
    articles = stored
    gold = {event_id: label for a in articles for event_id, label in a.gold_incidents.items()}
    clustering = bcubed(gold, predicted)
    # Independence: every pair of articles reporting one gold incident, same origin or not.
    gold_source = {a.clean.id: a.gold_source for a in articles}
    predicted_source = {a.clean.id: (corroborator.source(a.clean.id) or {})["source_key"] for a in articles}
    pairs = sorted(
        {
            (x.clean.id, y.clean.id)
            for x, y in combinations(articles, 2)
            if set(x.gold_incidents.values()) & set(y.gold_incidents.values())
        }
    )
    independence = pair_accuracy(gold_source, predicted_source, pairs)
    statuses = {}
    for label, expected in sorted(gold_status.items()):
        incident_id = majority(predicted[e] for e, g in gold.items() if g == label)
        record = corroborator.incident(str(incident_id)) or {}
        statuses[label] = (expected, record.get("status"))
    status_accuracy = sum(e == p for e, p in statuses.values()) / len(statuses)
    return {
        "articles": len(articles),
        "events": len(gold),
        "gold_incidents": len(gold_status),
        "predicted_incidents": len(set(predicted.values())),
        "bcubed_precision": clustering.precision,
        "bcubed_recall": clustering.recall,
        "bcubed_f1": clustering.f1,
        "independence_pairs": len(pairs),
        "independence_accuracy": independence,
        "status_accuracy": status_accuracy,
        "statuses": statuses,
    }


def test_corpus_scores_stay_above_the_floors(store: Store) -> None:
    report = evaluate(store)
    for name, floor in FLOORS.items():
        assert report[name] >= floor, f"{name} {report[name]:.3f} fell below {floor} ({report['statuses']})"


def test_reattaching_the_corpus_in_order_gives_the_same_incidents(tmp_path: Path) -> None:
    runs = []
    for name in ("one", "two"):
        with Store(f"sqlite:///{tmp_path / name}.db") as store:
            evaluate(store)
            runs.append(
                [(row["id"], row["status"], row["events"]) for row in Corroborator(store).incidents()]
            )
    assert runs[0] == runs[1]
    assert len(runs[0]) >= 11


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/corpus.db") as opened:
        result = evaluate(opened)
    for key, value in result.items():
        if key == "statuses":
            for label, (expected, got) in value.items():
                mark = "" if expected == got else "   <-- wrong"
                print(f"  {label:14} gold={expected:14} predicted={got}{mark}")
        else:
            print(f"{key:24} {value:.3f}" if isinstance(value, float) else f"{key:24} {value}")
    sys.exit(0)
