"""The Resolver: how an event's actor spans become actors, given what the event is and where.

Each test builds the event mentions an extractor would give for a sentence written for this test
(other conflicts and wordings than the gold set), and checks the actors the resolver makes of them:
what the act makes of a state, what an attack's target stands for, whose troops "the troops" are,
and what "the group" and "its" refer back to.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.models import CleanArticle, Event, EventMention, ParsedArticle, TextSpan
from sitrep.parse import load_model
from sitrep.resolve import Resolver
from sitrep.settings import Settings


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.shared()


def _span(text: str, words: str, after: int = 0) -> TextSpan:
    start = text.index(words, after)
    return TextSpan(words, start, start + len(words))


def _sentence(text: str, words: str) -> TextSpan:
    start = text.index(words)
    stop = text.find(". ", start)
    end = len(text) if stop < 0 else stop + 1
    return TextSpan(text[start:end], start, end)


def _mention(
    text: str,
    sentence: str,
    trigger: str,
    plover: str,
    actor1: str | None = None,
    actor2: str | None = None,
    place: str | None = None,
    sub_event: str | None = None,
) -> EventMention:
    sent = _sentence(text, sentence)
    return EventMention(
        article_id="t",
        plover=plover,
        mode=None,
        trigger=_span(text, trigger, sent.start),
        sentence=sent,
        actor1=_span(text, actor1, sent.start) if actor1 else None,
        actor2=_span(text, actor2, sent.start) if actor2 else None,
        place=_span(text, place, sent.start) if place else None,
        acled_sub_event_type=sub_event,
    )


def _resolve(resolver: Resolver, text: str, mentions: list[EventMention], doc: object = None) -> list[Event]:
    article = CleanArticle(
        id="t", content_hash="h", source="test", text=text, original=text, published=date(2024, 3, 8)
    )
    return resolver.resolve(ParsedArticle(article, doc), mentions)


def _who(event: Event, number: int) -> tuple[str | None, str | None] | None:
    actor = event.actor1 if number == 1 else event.actor2
    return None if actor is None else (actor.country, actor.kind)


# --- what the act makes of a state -------------------------------------------------------------------


def test_a_state_that_attacks_acts_through_its_forces(resolver: Resolver) -> None:
    text = "Azerbaijan shelled villages in Nagorno-Karabakh on Tuesday, Armenia's foreign ministry said."
    events = _resolve(
        resolver, text, [_mention(text, "Azerbaijan shelled", "shelled", "ASSAULT", actor1="Azerbaijan")]
    )
    assert events[0].actor1 is not None
    assert (events[0].actor1.name, _who(events[0], 1)) == (
        "Military Forces of Azerbaijan",
        ("AZE", "state_forces"),
    )


def test_a_ministry_announcing_a_capture_is_the_military(resolver: Resolver) -> None:
    text = "Ukraine's defence ministry said its troops had retaken the village of Robotyne."
    events = _resolve(
        resolver,
        text,
        [_mention(text, "Ukraine's defence", "retaken", "ASSAULT", actor1="Ukraine's defence ministry")],
    )
    assert _who(events[0], 1) == ("UKR", "state_forces")


def test_a_state_that_speaks_stays_its_government(resolver: Resolver) -> None:
    text = "Ethiopia accused Egypt of arming rebels in the Amhara region."
    events = _resolve(
        resolver, text, [_mention(text, "Ethiopia accused", "accused", "ACCUSE", "Ethiopia", "Egypt")]
    )
    assert (_who(events[0], 1), _who(events[0], 2)) == (("ETH", "government"), ("EGY", "government"))


def test_a_state_that_arrests_acts_through_its_police(resolver: Resolver) -> None:
    text = "Pakistan arrested 40 supporters of the jailed former prime minister in Lahore on Monday."
    events = _resolve(
        resolver,
        text,
        [_mention(text, "Pakistan arrested", "arrested", "COERCE", actor1="Pakistan", sub_event="Arrests")],
    )
    assert events[0].actor1 is not None and events[0].actor1.name == "Police Forces of Pakistan"


# --- what an attack hit ------------------------------------------------------------------------------


def test_a_civilian_place_attacked_stands_for_civilians_of_the_place(resolver: Resolver) -> None:
    text = "A guided bomb hit a crowded bus station in Sumy on Friday, killing nine people."
    events = _resolve(
        resolver,
        text,
        [_mention(text, "A guided bomb", "hit", "ASSAULT", actor2="a crowded bus station", place="Sumy")],
    )
    assert _who(events[0], 2) == ("UKR", "civilians")
    text = "Gunmen on motorbikes raided a village near Maiduguri overnight, residents said."
    events = _resolve(
        resolver,
        text,
        [_mention(text, "Gunmen on", "raided", "ASSAULT", "Gunmen", "a village near Maiduguri", "Maiduguri")],
    )
    assert _who(events[0], 2) == ("NGA", "civilians")
    assert _who(events[0], 1) == ("NGA", "political_militia")


def test_a_base_attacked_stands_for_the_forces_of_the_place(resolver: Resolver) -> None:
    text = "Militants stormed an army checkpoint near Kidal on Sunday."
    events = _resolve(
        resolver,
        text,
        [
            _mention(
                text, "Militants stormed", "stormed", "ASSAULT", "Militants", "an army checkpoint", "Kidal"
            )
        ],
    )
    assert _who(events[0], 2) == ("MLI", "state_forces")


def test_a_place_taken_is_not_coded_as_its_people(resolver: Resolver) -> None:
    text = "Rebels seized the village of Kibumba on Monday."
    events = _resolve(
        resolver,
        text,
        [
            _mention(
                text,
                "Rebels seized",
                "seized",
                "ASSAULT",
                "Rebels",
                "the village of Kibumba",
                sub_event="Non-state actor overtakes territory",
            )
        ],
    )
    assert events[0].actor2 is None


def test_a_military_aircraft_downed_is_the_forces_of_the_place(resolver: Resolver) -> None:
    text = "An army helicopter was shot down near Aleppo, and its Russian-made engine was recovered."
    events = _resolve(
        resolver,
        text,
        [
            _mention(
                text,
                "An army helicopter",
                "shot down",
                "ASSAULT",
                actor2="An army helicopter",
                place="Aleppo",
            )
        ],
    )
    assert _who(events[0], 2) == ("SYR", "state_forces")


# --- whose "troops" ----------------------------------------------------------------------------------


def test_bare_troops_take_the_country_of_the_place(resolver: Resolver) -> None:
    text = "Mali is a long way from Moscow. Troops opened fire on a wedding party near Mopti on Saturday."
    events = _resolve(
        resolver, text, [_mention(text, "Troops opened", "opened fire", "ASSAULT", "Troops", place="Mopti")]
    )
    assert _who(events[0], 1) == ("MLI", "state_forces")


def test_bare_troops_in_the_west_bank_are_israeli(resolver: Resolver) -> None:
    text = "Soldiers raided the Balata camp near Nablus before dawn, the Palestinian health ministry said."
    events = _resolve(
        resolver, text, [_mention(text, "Soldiers raided", "raided", "ASSAULT", "Soldiers", place="Nablus")]
    )
    assert _who(events[0], 1) == ("ISR", "state_forces")


def test_talks_abroad_keep_the_articles_country(resolver: Resolver) -> None:
    text = (
        "Sudan's army and the RSF fought in Khartoum. The army's envoy held talks in Jeddah on Sunday "
        "with Sudan's neighbours."
    )
    events = _resolve(
        resolver,
        text,
        [
            _mention(
                text, "The army's envoy", "held talks", "CONSULT", actor1="The army's envoy", place="Jeddah"
            )
        ],
    )
    assert _who(events[0], 1) == ("SDN", "state_forces")


# --- protests ----------------------------------------------------------------------------------------


def test_a_protests_actor_is_protesters_or_rioters(resolver: Resolver) -> None:
    text = "Students marched through Dhaka on Monday. Crowds set fire to a police post in Khulna."
    events = _resolve(
        resolver,
        text,
        [
            _mention(
                text,
                "Students marched",
                "marched",
                "PROTEST",
                "Students",
                place="Dhaka",
                sub_event="Peaceful protest",
            ),
            _mention(
                text, "Crowds set", "set fire", "PROTEST", place="Khulna", sub_event="Violent demonstration"
            ),
        ],
    )
    assert _who(events[0], 1) == ("BGD", "protesters")
    assert _who(events[1], 1) == ("BGD", "rioters")


# --- pointing back -----------------------------------------------------------------------------------


def test_the_group_is_the_last_armed_group_named(resolver: Resolver) -> None:
    text = (
        "The Karen National Union said its fighters had overrun a junta outpost. "
        "The military government urged the group to lay down its arms."
    )
    events = _resolve(
        resolver,
        text,
        [
            _mention(
                text, "The military government", "urged", "REQUEST", "The military government", "the group"
            )
        ],
    )
    assert events[0].actor2 is not None and events[0].actor2.name == "Karen National Union"
    assert _who(events[0], 1) == ("MMR", "government")


def test_its_is_the_subject_of_its_sentence(resolver: Resolver) -> None:
    text = (
        "Al-Shabaab fired mortars at Mogadishu airport after an American strike killed one of its commanders."
    )
    events = _resolve(
        resolver,
        text,
        [_mention(text, "Al-Shabaab fired", "killed", "ASSAULT", "an American strike", "its commanders")],
    )
    assert _who(events[0], 2) == ("SOM", "rebels")
    assert _who(events[0], 1) == ("USA", "state_forces")


def test_an_unknown_person_named_takes_the_articles_country(resolver: Resolver) -> None:
    text = (
        "Kenya's police chief Douglas Kanja said officers would stay in Haiti. Douglas Kanja visited Nairobi."
    )
    doc = load_model(Settings().spacy_model)(text)
    persons = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    if "Douglas Kanja" not in persons:
        pytest.skip("the installed model does not tag this name as a person")
    events = _resolve(
        resolver,
        text,
        [_mention(text, "Douglas Kanja visited", "visited", "CONSULT", actor1="Douglas Kanja")],
        doc,
    )
    assert _who(events[0], 1) == ("KEN", "person")
