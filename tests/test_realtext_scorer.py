"""The real-text benchmark's machinery, on a tiny benchmark of the team's own sentences.

CI has no third-party texts; these tests build a benchmark folder the way annotators do (a text,
a draft quoting it, the converter writing offsets) and score predictions through the one scorer.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sitrep.errors import MalformedInput
from sitrep.evaluate import score
from sitrep.gold_events import load_event_gold, missing_texts
from sitrep.models import Event, Location, Mention, TextSpan

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "Drone strike hits market in Kharkiv\n"
    "Related: Floods close schools in the west\n"
    "A Russian drone struck a market in Kharkiv on Friday, killing four people, the governor said.\n"
    "The toll later rose to six.\n"
    "Separately, police arrested two men in Lviv."
)


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def bench(tmp_path: Path) -> Path:
    """A benchmark folder made with the annotators' converter: text, draft, gold."""
    converter = _load("commit_draft", ROOT / "bench" / "realtext" / "tools" / "commit_draft.py")
    for folder in ("texts", "drafts", "gold"):
        (tmp_path / folder).mkdir()
    (tmp_path / "texts" / "t-1.txt").write_text(TEXT, encoding="utf-8")
    draft = {
        "id": "t-1", "url": "https://example.org/a", "outlet": "Example", "style": "wire",
        "published": "2024-05-11", "query": "q", "rank": 1, "conflict": "ukraine", "country": "UKR",
        "topic": "violence", "annotator": "T", "split": "dev",
        "events": [
            {"incident": "ukr-kharkiv-market-2024-05", "plover": "ASSAULT", "mode": "drone",
             "acled_sub_event_type": "Air/drone strike",
             "mentions": ["Drone strike hits market in Kharkiv",
                          "A Russian drone struck a market in Kharkiv on Friday",
                          "The toll later rose to six."],
             "evidence": "A Russian drone struck a market in Kharkiv on Friday",
             "location": {"name": "Kharkiv", "country": "UKR"}, "date": "2024-05-10", "killed": 6},
            {"incident": "ukr-lviv-arrests-2024-05", "plover": "COERCE",
             "mentions": ["police arrested two men in Lviv"]},
        ],
    }
    (tmp_path / "drafts" / "t-1.json").write_text(json.dumps(draft), encoding="utf-8")
    converter.ROOT = tmp_path
    assert converter.main(["t-1"]) == 0
    return tmp_path


def test_the_committed_gold_holds_offsets_and_a_hash_never_the_text(bench: Path) -> None:
    raw = (bench / "gold" / "t-1.json").read_text(encoding="utf-8")
    record = json.loads(raw)
    assert "market in Kharkiv" not in raw
    assert record["sha256"] == hashlib.sha256(TEXT.encode()).hexdigest()
    start, end = record["events"][0]["evidence"]
    assert TEXT[start:end] == "A Russian drone struck a market in Kharkiv on Friday"


def test_a_quote_not_in_the_text_is_refused(bench: Path) -> None:
    converter = sys.modules["commit_draft"]
    draft = json.loads((bench / "drafts" / "t-1.json").read_text(encoding="utf-8"))
    draft["events"][0]["mentions"].append("a sentence nobody wrote")
    with pytest.raises(ValueError, match="quote not found"):
        converter.convert(draft, TEXT)


def test_a_changed_or_missing_text_stops_the_scorer(bench: Path) -> None:
    assert missing_texts(bench) == []
    (bench / "texts" / "t-1.txt").write_text(TEXT + " ", encoding="utf-8")
    assert missing_texts(bench) == ["t-1"]
    with pytest.raises(MalformedInput, match="sha256"):
        load_event_gold(bench)
    assert load_event_gold(bench, skip={"t-1"}) == []  # scored without it, only when asked


def _strike(event_id: str, sentence: str, **fields: object) -> Event:
    start = TEXT.index(sentence)
    span = TextSpan(sentence, start, start + len(sentence))
    mentions = (Mention(sentence, span.start, span.end),)
    return Event(event_id, "t-1", "ASSAULT", evidence=span, mentions=mentions, **fields)  # type: ignore[arg-type]


def test_one_prediction_per_act_matches_and_a_second_one_is_a_false_event(bench: Path) -> None:
    gold = load_event_gold(bench)
    kharkiv = Location("Kharkiv", "Kharkiv", "UKR", 50.0, 36.2, 706483, 1, "Kharkiv")
    lead = _strike("p1", "The toll later rose to six.", killed=6, location=kharkiv, date="2024-05-10")
    again = _strike("p2", "Drone strike hits market in Kharkiv")
    furniture = _strike("p3", "Floods close schools in the west")
    report = score(gold, {"t-1": [lead, again, furniture]})
    assert (report.gold_events, report.predicted_events, report.matched) == (2, 3, 1)
    assert report.fields["killed"] == (1, 1) and report.fields["location"] == (1, 1)
    assert report.fields["date"] == (1, 1)
    assert [m.kind for m in report.misses].count("spurious") == 2
    assert report.pairs == (("t-1", 0, "p1"),)


def test_a_week_precision_date_covers_the_days_before_it(bench: Path) -> None:
    gold = load_event_gold(bench)
    week = _strike("p1", "The toll later rose to six.", date="2024-05-11", date_precision="week")
    late = _strike("p1", "The toll later rose to six.", date="2024-05-18", date_precision="week")
    assert score(gold, {"t-1": [week]}).fields["date"] == (1, 1)
    assert score(gold, {"t-1": [late]}).fields["date"] == (0, 1)


def test_incident_bcubed_is_perfect_only_when_clusters_agree(bench: Path) -> None:
    scorer = _load("realtext_score", ROOT / "bench" / "realtext" / "score.py")
    gold = load_event_gold(bench)
    lead = _strike("p1", "The toll later rose to six.")
    report = score(gold, {"t-1": [lead]})
    assert scorer.bcubed(gold, report, {"p1": "inc-a"}) == pytest.approx(1.0)
    coverage = scorer.coverage(gold)
    assert (coverage["articles"], coverage["story_incidents"], coverage["countries"]) == (1, 1, 1)
