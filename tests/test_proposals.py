"""The act the lexicon missed: the typing model proposes it where no trigger found an event."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.classify import EventTyper, proposals
from sitrep.models import Article
from sitrep.pipeline import standard_pipeline
from sitrep.settings import Settings

_PIPELINE = standard_pipeline(Settings(), until="events")


def _run(text: str, published: date | None = date(2024, 5, 8)) -> tuple[list, list]:
    article = Article(source="t", name="t", body=text, kind="text", published=published)
    outcome = next(_PIPELINE.run([article]))
    assert outcome.rejected is None and outcome.note is None
    return outcome["mentions"], outcome["events"]


@pytest.mark.parametrize(
    ("text", "label", "place"),
    [
        (
            "Mine clearance teams removed 300 anti-personnel mines from farmland near Kandahar on Monday.",
            "Disrupted weapons use",
            "Kandahar",
        ),
        (
            "Militants used chlorine gas against residents of Douma on Saturday, a monitoring group said.",
            "Chemical weapon",
            None,
        ),
    ],
)
def test_an_act_no_trigger_names_is_proposed_by_the_model(text: str, label: str, place: str | None) -> None:
    mentions, events = _run(text)
    assert mentions == []  # the lexicon read nothing: the event is the model's
    (event,) = events
    assert event.acled_sub_event_type == label
    assert event.confidence is not None and event.confidence >= proposals.PROPOSE_AT
    assert event.evidence is not None and event.evidence.text == text
    assert event.date is not None and event.date_source in ("context", "stated")  # "on Monday", resolved
    if place is not None:
        assert event.location is not None and event.location.name == place


def test_an_act_the_model_is_less_sure_of_is_still_proposed_when_it_beats_none() -> None:
    # a defection: the lexicon has no word for it and the model gives it under one chance in two
    mentions, events = _run("A rebel commander and forty of his men defected to the army in Kalehe on Friday")
    assert mentions == []
    (event,) = events
    assert event.acled_sub_event_type == "Change to group/activity"
    assert event.confidence is not None and event.confidence >= proposals.PROPOSE_AT


@pytest.mark.parametrize(
    "text",
    [
        "Sappers did not clear any ordnance from the school yard in Kharkiv on Tuesday.",  # negated
        "The army plans to set up a base in the hills above Tillaberi next year.",  # a plan
        "Heavy rains flooded the outskirts of Niamey on Monday.",  # no conflict event
        # the lexicon's verb negated, the sentence's root elsewhere
        "Gunmen did not storm the school in Kankara on Monday; the gunshots came from a wedding, police said",
    ],
)
def test_no_act_is_proposed_for_negations_plans_or_non_events(text: str) -> None:
    mentions, events = _run(text)
    assert mentions == [] and events == []


def test_a_text_the_lexicon_reads_keeps_only_the_lexicons_events() -> None:
    text = (
        "Gunmen attacked a police station in Zamfara on Sunday and killed two officers, police said.\n\n"
        "Mine clearance teams removed 300 anti-personnel mines from farmland near Kandahar on Monday."
    )
    mentions, events = _run(text)
    assert mentions and events
    assert all(e.acled_sub_event_type != "Disrupted weapons use" for e in events)


def test_a_toll_told_with_no_act_does_not_stop_the_model_proposing_the_act() -> None:
    text = (
        "Farmers in Mafa council area stepped on an explosive device buried on their farmland on Friday, "
        "and two of them died instantly, a vigilante leader said."
    )
    mentions, events = _run(text)
    assert mentions and all(m.claim_only for m in mentions)  # the lexicon read only the toll
    (event,) = events
    assert event.acled_sub_event_type == "Remote explosive/landmine/IED"
    assert event.killed == 2


def test_the_main_verb_is_what_a_reporting_verb_reports() -> None:
    mentions, events = _run("Police said sappers removed 40 mines from a field near Kandahar on Monday.")
    assert mentions == []
    (event,) = events
    assert event.mentions[0].text.startswith("Police said")
    assert event.acled_sub_event_type == "Disrupted weapons use"
    assert event.attributed_to is not None and "Police" in event.attributed_to


def test_without_a_model_nothing_is_proposed() -> None:
    pipeline = standard_pipeline(Settings(), until="parsed")
    body = "Sappers removed 40 mines near Kandahar on Monday."
    article = Article(source="t", name="t", body=body, kind="text")
    parsed = next(pipeline.run([article]))["parsed"]
    assert proposals.propose(parsed, EventTyper(None, None)) == []
