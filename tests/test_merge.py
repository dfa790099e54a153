"""Events, not mentions: the sentences of one article that tell the same act are one Event."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sitrep.app import Sitrep
from sitrep.models import Actor, Event, Location, Mention, TextSpan
from sitrep.resolve.merge import merge_events
from sitrep.resolve.places import Gazetteer

KHARKIV = Location("Kharkiv", "Kharkiv", "UKR", 49.98, 36.25, 706483, 1, "Kharkiv")
SUMY = Location("Sumy", "Sumy", "UKR", 50.92, 34.8, 692194, 1, "Sumy")
RUSSIA = Actor("Military Forces of Russia", "RUS", "state_forces")
UKRAINE = Actor("Military Forces of Ukraine", "UKR", "state_forces")


def _events_of(paragraphs: list[str], published: date) -> list[Event]:
    """The events Sitrep records for an article written as its paragraphs."""
    return list(Sitrep().analyze_text("\n\n".join(paragraphs), published=published).events)


def _event(start: int, **fields: object) -> Event:
    text = f"sentence at {start}"
    values: dict[str, object] = {
        "event_id": f"e{start}",
        "article_id": "a",
        "plover": "ASSAULT",
        "acled_sub_event_type": "Air/drone strike",
        "evidence": TextSpan(text, start, start + len(text)),
        "mentions": (Mention(text, start, start + len(text), killed=fields.get("killed")),),  # type: ignore[arg-type]
    }
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]


def test_headline_lead_and_toll_update_are_one_event_with_every_mention() -> None:
    events = [
        _event(
            0, actor1=RUSSIA, location=KHARKIV, date="2024-05-10", date_source="stated", date_precision="day"
        ),
        _event(100, killed=7),
        _event(200, location=KHARKIV, killed=9, attributed_to="the governor"),
    ]
    [merged] = merge_events(events, date(2024, 5, 11))
    assert [m.start for m in merged.mentions] == [0, 100, 200]
    assert merged.location == KHARKIV and merged.date == "2024-05-10" and merged.actor1 == RUSSIA
    assert merged.killed == 7  # the lead's toll stands; the other stays a claim on its mention
    assert [m.killed for m in merged.mentions] == [None, 7, 9]


def test_two_towns_two_days_and_a_retaliation_stay_apart() -> None:
    towns = merge_events([_event(0, location=KHARKIV), _event(100, location=SUMY)], None)
    days = merge_events(
        [
            _event(0, date="2024-05-09", date_source="stated", date_precision="day"),
            _event(100, date="2024-05-10", date_source="stated", date_precision="day"),
        ],
        None,
    )
    retaliation = merge_events([_event(0, actor1=RUSSIA, actor2=UKRAINE), _event(100, actor1=UKRAINE)], None)
    assert len(towns) == len(days) == len(retaliation) == 2


def test_an_air_strike_and_a_shelling_are_two_acts_but_a_raid_told_two_ways_is_one() -> None:
    means = merge_events(
        [
            _event(0, mode="aerial"),
            _event(100, mode="heavy-weapons", acled_sub_event_type="Shelling/artillery/missile attack"),
        ],
        None,
    )
    raid = merge_events(
        [_event(0, acled_sub_event_type="Attack"), _event(100, acled_sub_event_type="Armed clash")], None
    )
    assert len(means) == 2 and len(raid) == 1


def test_an_undated_act_takes_the_publication_week() -> None:
    [event] = merge_events([_event(0)], date(2024, 5, 11))
    assert (event.date, event.date_precision, event.date_source) == ("2024-05-11", "week", "publication")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.shared()


def test_a_village_the_gazetteer_lacks_is_kept_in_the_articles_country(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve_in_article("the village of Ogossagou", ["MLI"])
    assert place is not None and (place.name, place.country, place.precision) == ("Ogossagou", "MLI", 2)
    namesake = gazetteer.resolve_in_article("Solhan", ["BFA"])  # GeoNames knows only Turkey's
    assert namesake is not None and namesake.country == "BFA"
    assert gazetteer.resolve_in_article("Doha", ["AFG"]).country == "QAT"  # type: ignore[union-attr]
    assert gazetteer.resolve_in_article("the town", ["MLI"]) is None


def test_a_strike_told_in_headline_lead_and_update_is_one_event_end_to_end() -> None:
    text = (
        "Drone strike kills five in Kharkiv\n\n"
        "A Russian drone strike killed five people in Kharkiv on Friday, the regional governor said.\n\n"
        "The death toll from the strike later rose to seven, officials said.\n\n"
        "Separately, Russian shelling hit the town of Vovchansk on Saturday, wounding two people."
    )
    events = Sitrep().analyze_text(text, published=date(2024, 5, 11)).events
    strikes = [e for e in events if e.location is not None and e.location.name == "Kharkiv"]
    assert len(strikes) == 1 and len(strikes[0].mentions) >= 2
    assert any(e.location is not None and e.location.name == "Vovchansk" for e in events)


def test_a_site_kept_by_name_in_a_town_and_the_town_are_one_place_the_site_told() -> None:
    town = Location("Mogadishu", "Banadir", "SOM", 2.04, 45.34, 53654, 1, "Mogadishu")
    site = Location("Kilo Seven", "Banadir", "SOM", 2.04, 45.34, None, 2, "Kilo Seven")
    elsewhere = Location("Afgooye", "Lower Shabeelle", "SOM", 2.14, 45.12, 64013, 1, "Afgooye")
    [merged] = merge_events([_event(0, location=site), _event(100, location=town)], None)
    assert merged.location == site
    assert len(merge_events([_event(0, location=site), _event(100, location=elsewhere)], None)) == 2


def test_a_town_named_by_a_part_of_it_is_the_merged_place() -> None:
    town = Location("Baghdad", "Baghdad", "IRQ", 33.34, 44.4, 98182, 1, "Baghdad")
    part = Location("Baghdad", "Baghdad", "IRQ", 33.34, 44.4, 98182, 2, "Wahda")
    [merged] = merge_events([_event(0, location=town), _event(100, location=part)], None)
    assert merged.location == part


def _told(start: int, text: str, **fields: object) -> Event:
    span = TextSpan(text, start, start + len(text))
    killed, injured = fields.get("killed"), fields.get("injured")
    mention = Mention(text, start, start + len(text), killed=killed, injured=injured)  # type: ignore[arg-type]
    return _event(start, evidence=span, mentions=(mention,), **fields)


def test_a_further_count_of_victims_is_no_further_act_but_another_attack_is() -> None:
    lead = _told(0, "A car bomb killed 20 people at a checkpoint.", location=KHARKIV)
    more = _told(100, "Another 18 people, including border guards, were injured.")
    officer = _told(200, "Another officer said the blast targeted a tax office.")
    assert len(merge_events([lead, more, officer], None)) == 1
    second = _told(100, "Another attack, a roadside bomb, went off near the market.")
    assert len(merge_events([lead, second], None)) == 2
    twin = _told(100, "A second blast followed minutes later at the car park.")
    assert len(merge_events([lead, twin], None)) == 1


def test_two_triggers_of_one_sentence_are_one_act_unless_the_sentence_orders_two() -> None:
    text = "Gunmen stormed a college at dawn, killing 15 people in an attack on students."
    stormed, attack = _told(0, text, actor1=RUSSIA), _told(0, text, killed=15)
    assert len(merge_events([stormed, attack], None)) == 1
    text = "The attack came six days after a missile struck another part of the city, killing 10."
    assert len(merge_events([_told(0, text), _told(0, text, killed=10)], None)) == 2
    text = "Fighters killed 12 farmers and burned their houses."
    assert len(merge_events([_told(0, text, mode="firearms"), _told(0, text, mode="destroy")], None)) == 2


def test_the_claimant_of_the_toll_that_stands_is_the_events_claimant() -> None:
    # the lead names the place, a later sentence gives the toll kept: its source is whom the outlet cites
    events = [
        _event(0, location=KHARKIV, attributed_to="the mayor"),
        _event(100, killed=12, attributed_to="the regional health department"),
        _event(200, killed=15, attributed_to="a witness", hedged=True),
    ]
    [merged] = merge_events(events, None)
    assert merged.killed == 12 and merged.attributed_to == "the regional health department"
    assert not merged.hedged
    # no toll anywhere: the first mention's claimant, even when a later one settles more fields
    untolled = [
        _event(0),
        _event(100, location=KHARKIV, actor1=RUSSIA, attributed_to="a blogger", hedged=True),
    ]
    [lead] = merge_events(untolled, None)
    assert lead.location == KHARKIV and lead.attributed_to is None and not lead.hedged


def test_one_side_named_several_ways_is_one_side_but_a_retaliation_stays_apart() -> None:
    branch = Actor("Islamic State West Africa Province", "NGA", "rebels")
    group = Actor("Islamic State", None, "rebels")
    described = Actor("Rebels (Russia)", "RUS", "rebels")  # "Russian militants": the country is a guess
    named = Actor("Donetsk People's Republic", "UKR", "rebels")
    victims = Actor("Civilians (Ukraine)", "UKR", "civilians")  # the killed, read as the doer
    assert len(merge_events([_event(0, actor1=branch), _event(100, actor1=group)], None)) == 1
    assert len(merge_events([_event(0, actor1=named), _event(100, actor1=described)], None)) == 1
    assert len(merge_events([_event(0, actor1=RUSSIA), _event(100, actor1=victims)], None)) == 1
    assert len(merge_events([_event(0, actor1=described), _event(100, actor1=UKRAINE)], None)) == 2


def test_an_agreement_told_from_either_side_is_one_and_a_spokesman_speaks_for_his_body() -> None:
    kyiv, minsk = (
        Actor("Government of Ukraine", "UKR", "government"),
        Actor("Government of Belarus", "BLR", "government"),
    )
    moscow = Actor("Government of Russia", "RUS", "government")
    deal = merge_events(
        [
            _event(0, plover="AGREE", actor1=moscow, actor2=kyiv),
            _event(100, plover="AGREE", actor1=kyiv, actor2=minsk),
        ],
        None,
    )
    assert len(deal) == 1
    un, spokesman = Actor("United Nations", None, "external_other"), Actor("Haq", None, "person")
    calls = [_event(0, plover="REQUEST", actor1=un), _event(100, plover="REQUEST", actor1=spokesman)]
    assert len(merge_events(calls, None)) == 1
    sanctions = [
        _event(0, plover="SANCTION", actor1=un, actor2=Actor("Paul Malong", "SSD", "person")),
        _event(100, plover="SANCTION", actor1=un, actor2=Actor("Malek Reuben Riak", "SSD", "person")),
    ]
    assert len(merge_events(sanctions, None)) == 2


def test_the_latest_toll_stands_and_earlier_or_upper_figures_stay_claims() -> None:
    lead = _told(0, "At least 17 people were killed when two bombs hit a church.", killed=17)
    update = _told(100, "By noon the death toll rose to 27, police said.", killed=27)
    earlier = _told(200, "The ministry initially put the toll at 500.", killed=500)
    wounded = _told(300, "The mayor said at least 90 people were wounded.", injured=90)
    [event] = merge_events([lead, update, earlier, wounded], None)
    assert (event.killed, event.injured) == (27, 90)
    assert [m.killed for m in event.mentions] == [17, 27, 500, None]  # the others stay claims
    narrative = _told(100, "Just before noon the number climbed to 19.", killed=19)
    lead20 = _told(0, "At least 20 people were killed in the twin blasts.", killed=20)
    assert merge_events([lead20, narrative], None)[0].killed == 20  # tolls rise: the lead's 20 stands
    bound = _told(
        0, "Strikes killed as many as 100 people, a witness said.", killed=100, figure_qualifier="up to"
    )
    counted = _told(100, "A local outlet reported that 50 civilians were killed.", killed=50)
    assert merge_events([bound, counted], None)[0].killed == 50


def test_an_act_told_by_comparison_keeps_its_date_to_itself() -> None:
    events = _events_of(
        [
            "Gunmen stormed a boarding school in Kagara on Monday night and seized dozens of pupils.",
            "The raid echoes the abduction of hundreds of girls from a school elsewhere in March 2019.",
            "An unknown number of pupils were kidnapped.",
            "They set fire to the dormitory before leaving.",
        ],
        date(2021, 2, 18),
    )
    compared = [e for e in events if e.date and e.date.startswith("2019")]
    assert compared and all("echoes" in e.evidence.text for e in compared if e.evidence)
    later = [e for e in events if any(m.text.startswith(("An unknown", "They set")) for m in e.mentions)]
    assert later and all(not (e.date or "").startswith("2019") for e in later)


def test_an_act_a_sentence_dates_another_against_is_an_act_of_its_own() -> None:
    events = _events_of(
        [
            "A missile strike leveled a row of homes in the city of Ganja on Saturday, killing 13 people.",
            "The strike came six days after a missile struck another district of the city, killing 10.",
            "Rescue workers searched the rubble for survivors.",
        ],
        date(2020, 10, 17),
    )
    strikes = [e for e in events if e.plover == "ASSAULT"]
    strikes.sort(key=lambda e: e.evidence.start if e.evidence else 0)
    assert [e.killed for e in strikes] == [13, 10]
    # the earlier strike is closed: the sentences after it go on with the day's strike
    assert not any(m.text.startswith("Rescue") for m in strikes[1].mentions)


def test_an_act_dated_only_to_earlier_years_is_left_undated() -> None:
    # a year is no date the record holds; the publication's week would be wrong
    events = _events_of(
        [
            "Rebels attacked army posts in Rutshuru on Thursday, the army said.",
            "The rebels first seized the town of Bunagana in 2012, before being driven out.",
        ],
        date(2022, 10, 24),
    )
    earlier = [e for e in events if e.evidence is not None and "2012" in e.evidence.text]
    assert earlier and all(e.date is None for e in earlier)
    today = [e for e in events if e.evidence is not None and "Thursday" in e.evidence.text]
    assert today and today[0].date == "2022-10-20"


def test_the_attackers_own_dead_are_not_the_toll_of_their_attack_on_civilians() -> None:
    events = _events_of(
        [
            "Gunmen stormed a boarding school in Garissa on Thursday, killing 40 students.",
            "Four of the gunmen were killed when police stormed the dormitory.",
            "The school's principal said the students were shot in their classrooms.",
        ],
        date(2015, 4, 3),
    )
    assaults = [e for e in events if e.plover == "ASSAULT"]
    attack = next(e for e in assaults if e.killed == 40)
    assert not any("Four of the gunmen" in m.text for m in attack.mentions)
    assert any(e.killed == 4 for e in assaults if e is not attack)


def test_two_acts_opened_by_one_trigger_get_two_ids() -> None:
    first = _event(0, location=KHARKIV)
    second = replace(_event(0, location=SUMY), event_id=first.event_id)
    merged = merge_events([first, second], None)
    assert len(merged) == 2 and len({e.event_id for e in merged}) == 2
    assert merged == merge_events([first, second], None)  # the same ids on a re-run


def test_a_count_of_dead_with_no_act_is_the_toll_of_the_act_told_before_it() -> None:
    events = _events_of(
        [
            "A suicide bomber attacked a school in Peshawar on Tuesday.",
            "At least 126 people, most of them children, are dead. The toll rose to 141 on Wednesday.",
        ],
        date(2014, 12, 17),
    )
    assert [(e.date, e.killed, len(e.mentions)) for e in events] == [("2014-12-16", 141, 3)]


def test_a_count_of_dead_with_no_act_before_it_or_another_cause_is_no_event() -> None:
    assert _events_of(["Five people died in Garissa on Thursday."], date(2019, 8, 2)) == []
    events = _events_of(
        ["Gunmen attacked a village in Borno on Monday.", "Separately, five people died in floods in Lagos."],
        date(2019, 8, 2),
    )
    assert [(e.location.name if e.location else None, e.killed) for e in events] == [("Borno", None)]


def test_dead_counted_on_top_of_a_figure_add_up() -> None:
    events = _events_of(
        ["Militants shelled a bus near Volnovakha on Tuesday. Ten people died at the scene and two more "
         "died later in hospital."],
        date(2015, 1, 14),
    )
    assert [e.killed for e in events] == [12]


def test_a_condemnation_naming_no_one_accuses_the_doer_of_the_act_told_before_it() -> None:
    events = _events_of(
        [
            "A Saudi-led coalition air strike hit a school bus in Dahyan in Saada province on Thursday, "
            "killing 40 children.",
            "UN Secretary General Antonio Guterres condemned the strike.",
        ],
        date(2018, 8, 10),
    )
    accusation = next(e for e in events if e.plover == "ACCUSE")
    assert accusation.actor2 is not None and accusation.actor2.name == "Military Forces of Saudi Arabia"


def test_a_side_left_unidentified_takes_the_kind_the_settled_type_defines() -> None:
    from sitrep.models import Actor
    from sitrep.resolve import Resolver

    resolver = Resolver.shared()
    unknown = Actor("Unidentified (Kenya)", "KEN", None)
    attack = _event(0, acled_sub_event_type="Attack", acled_event_type="Violence against civilians",
                    actor2=unknown)
    assert resolver.parties.typed_target(attack).actor2 == Actor("Civilians (Kenya)", "KEN", "civilians")
    clash = _event(0, acled_sub_event_type="Armed clash", acled_event_type="Battles", actor2=unknown)
    assert resolver.parties.typed_target(clash).actor2 == unknown


def test_a_toll_the_lead_states_before_any_act_counts_the_act_told_after_it() -> None:
    events = _events_of(
        [
            "40 villagers killed in Kamala\n"
            "40 villagers lost their lives in the village of Kamala in Borno state on Sunday before "
            "the siege ended at dusk.",
            "Gunmen on motorcycles attacked the village at dawn, witnesses said.",
        ],
        date(2021, 5, 11),
    )
    attacks = [e for e in events if e.plover == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].killed == 40
    # the headline line the parse runs into the lead is read as no sentence of its own
    assert all(not m.text.startswith("40 villagers killed") for e in events for m in e.mentions)


def test_on_an_undated_page_two_days_named_without_a_year_are_two_acts() -> None:
    text = (
        "Insurgents attacked the town of Palma in Cabo Delgado province on March 24.\n\n"
        "The insurgents attacked the Amarula hotel in Palma on March 27, killing seven people.\n\n"
        "Insurgents attacked Palma again, witnesses said."
    )
    events = [e for e in Sitrep().analyze_text(text, published=None).events if e.plover == "ASSAULT"]
    assert len(events) == 2


def test_someone_killed_the_following_day_is_the_fate_of_the_act_on_him_not_another_act() -> None:
    events = _events_of(
        [
            "Gunmen burst into the house of Mayor Ana Ruiz in the town of Temixco and shot her on Saturday.",
            "Ruiz had taken office on Friday. She was killed the following day.",
        ],
        date(2016, 1, 3),
    )
    assert len([e for e in events if e.plover == "ASSAULT"]) == 1


def test_the_mentions_of_one_deal_name_different_parties_and_stay_one_agreement() -> None:
    events = _events_of(
        [
            "The leaders of Russia, Ukraine, France and Germany reached a ceasefire deal in Minsk "
            "on Thursday.",
            "Vladimir Putin was the first to announce the deal, saying: “We have agreed on a ceasefire.”",
            "The EU foreign policy chief said the Minsk agreement was a first step.",
        ],
        date(2015, 2, 12),
    )
    assert len([e for e in events if e.plover == "AGREE"]) == 1


def test_a_crowds_protest_and_its_burning_told_together_are_one_riot() -> None:
    crowd = Actor("Protesters (Kenya)", "KEN", "protesters")
    police = Actor("Police Forces of Kenya", "KEN", "state_forces")
    riot = {"acled_sub_event_type": "Violent demonstration", "actor1": crowd}
    protest = _event(0, plover="PROTEST", **riot)
    burning = replace(_event(0, plover="ASSAULT", mode="destroy", **riot), event_id="e0b")
    [one] = merge_events([protest, burning], None)
    assert one.plover == "PROTEST"
    # the force police used on the crowd is their own act
    force = replace(
        _event(0, plover="ASSAULT", acled_sub_event_type="Excessive force against protesters", actor1=police),
        event_id="e0c",
    )
    assert len(merge_events([protest, force], None)) == 2


def test_a_crowd_burning_vehicles_and_buildings_is_an_act_end_to_end() -> None:
    events = _events_of(["Protesters set fire to two police vans in Kisumu on Tuesday."], date(2024, 6, 26))
    assert [e.acled_sub_event_type for e in events] == ["Violent demonstration"]
    events = _events_of(
        ["Protesters in Kisumu blocked roads and set fire to a police station on Tuesday."], date(2024, 6, 26)
    )
    assert len([e for e in events if e.acled_sub_event_type == "Violent demonstration"]) == 1


def test_force_against_protesters_is_the_states_whichever_side_the_sentence_named_first() -> None:
    from sitrep.models import Actor
    from sitrep.resolve import Resolver

    resolver = Resolver.shared()
    crowd = Actor("Protesters (Madagascar)", "MDG", "protesters")
    police = Actor("Police Forces of Madagascar", "MDG", "state_forces")
    force = _event(0, acled_sub_event_type="Excessive force against protesters", acled_event_type="Protests",
                   actor1=crowd, actor2=police)
    typed = resolver.parties.typed_target(force)
    assert (typed.actor1, typed.actor2) == (police, crowd)
    riot = _event(0, acled_sub_event_type="Violent demonstration", acled_event_type="Riots", actor1=crowd,
                  actor2=police)
    assert resolver.parties.typed_target(riot).actor1 == crowd


def test_the_attackers_flight_is_the_end_of_their_raid_not_a_withdrawal() -> None:
    events = _events_of(
        [
            "Militants attacked a police station in Tank district on Friday night, killing two officers.",
            "The militants fled into the hills under cover of darkness.",
        ],
        date(2024, 10, 26),
    )
    assert [e.plover for e in events] == ["ASSAULT"]
    assert len(events[0].mentions) == 2
    # troops giving up a town the day after an attack on it is a withdrawal of its own
    events = _events_of(
        [
            "Rebels attacked an army base outside Kidal on Friday, killing four soldiers.",
            "On Sunday the troops withdrew from the town of Kidal.",
        ],
        date(2024, 10, 28),
    )
    assert sorted(e.plover for e in events) == ["ASSAULT", "RETREAT"]


def test_an_interception_told_after_the_launch_is_the_launch() -> None:
    events = _events_of(
        [
            "Russia launched 40 drones at Kyiv overnight into Sunday.",
            "Ukrainian air defences shot down 35 of them, the air force said.",
            "Debris fell on two districts of the capital, the mayor said.",
            "Power was cut to several thousand homes on the left bank.",
        ],
        date(2025, 10, 5),
    )
    [strike] = events
    assert strike.acled_sub_event_type == "Air/drone strike"
    assert strike.actor1 is not None and strike.actor1.country == "RUS"
    assert strike.actor2 is None or strike.actor2.country == "UKR"
    assert len(strike.mentions) == 2
    # a plane shot down is the act itself, whatever follows of its crew
    events = _events_of(
        ["Rebels shot down an army helicopter near Kidal on Sunday.", "Its two pilots were killed."],
        date(2025, 10, 6),
    )
    assert [e.acled_sub_event_type for e in events if e.plover == "ASSAULT"][:1] != ["Attack"]


def test_a_crowds_demands_are_part_of_its_protest() -> None:
    events = _events_of(
        [
            "Thousands of students marched through Dhaka on Tuesday and blocked the main highway.",
            "The protesters demanded the immediate release of their detained classmates.",
        ],
        date(2024, 7, 17),
    )
    assert [e.plover for e in events] == ["PROTEST"]
    assert any("demanded" in m.text for m in events[0].mentions)
    # a government's demand that day is its own act
    events = _events_of(
        [
            "Thousands of students marched through Dhaka on Tuesday and blocked the main highway.",
            "The government urged the students to return to their classes.",
        ],
        date(2024, 7, 17),
    )
    assert sorted(e.plover for e in events) == ["PROTEST", "REQUEST"]


def test_a_raid_told_as_an_attack_and_an_abduction_in_one_sentence_is_one_abduction() -> None:
    events = _events_of(
        ["Bandits on Monday night attacked Kurya community in Maru local government area of Zamfara State "
         "and abducted 25 residents."],
        date(2024, 5, 2),
    )
    assert len([e for e in events if e.plover == "ASSAULT"]) == 1
    # a killing beside the abductions stays an act of its own
    events = _events_of(
        ["Gunmen on Tuesday night killed five farmers near Gusau and abducted 30 residents."],
        date(2024, 5, 2),
    )
    assert len([e for e in events if e.plover == "ASSAULT"]) == 2


def test_the_attacked_sides_reply_is_the_same_clash() -> None:
    events = _events_of(
        [
            "Gunmen attacked a police post in Tank district on Friday night, killing one constable.",
            "The officers at the post retaliated against the attack.",
        ],
        date(2024, 10, 26),
    )
    assert [e.plover for e in events] == ["ASSAULT"]
    assert len(events[0].mentions) == 2
    assert events[0].actor1 is not None and events[0].actor1.kind != "state_forces"
    # a reply by the attack's own doer is no reply of the attacked side
    from sitrep.resolve import act_parts

    reply = _event(100, actor1=RUSSIA, actor2=UKRAINE)
    reply = replace(reply, evidence=TextSpan("Russia retaliated with missile strikes.", 100, 140))
    assert not act_parts.response(reply, _event(0, actor1=RUSSIA, actor2=UKRAINE))
    assert act_parts.response(replace(reply, actor1=UKRAINE, actor2=RUSSIA), _event(0, actor1=RUSSIA))


def test_one_side_at_both_ends_of_a_merged_act_keeps_the_leads_sides() -> None:
    # the police killed in an attack on their station, merged with a mention where the police act:
    # the attack's doer is not the police; the lead names none
    day = {"date": "2024-05-10", "date_source": "stated", "date_precision": "day"}
    police = Actor("Police Forces of Ukraine", "UKR", "state_forces")
    lead = _event(0, actor2=police, location=SUMY, killed=13, **day)
    other = _event(100, actor1=police, location=SUMY, **day)
    [merged] = merge_events([lead, other], date(2024, 5, 11))
    assert merged.actor2 == police and merged.actor1 is None


def test_the_same_toll_told_again_with_its_source_speaks_for_the_act() -> None:
    headline = _told(0, "40 Killed By Car Bomb", killed=40, location=KHARKIV)
    lead = _told(
        100, "At least 40 people were killed in a car bombing, according to the health office.", killed=40,
        figure_qualifier="at least", attributed_to="the health office", location=KHARKIV,
    )
    [merged] = merge_events([headline, lead], None)
    assert (merged.killed, merged.figure_qualifier) == (40, "at least")
    assert merged.attributed_to == "the health office"


def test_an_act_set_a_day_after_another_or_opened_last_year_is_that_other_act() -> None:
    lead = _told(0, "Police stormed the market district on Wednesday, killing 21 people.", location=KHARKIV)
    before = _told(100, "The raid came a day after an army operation in the north left 16 dead.", killed=16)
    assert len(merge_events([lead, before], None)) == 2
    own = _told(100, "The raid took place six days after a bomb hit another district.")
    assert len(merge_events([lead, own], None)) == 1  # no toll of its own: the story's act, set in time
    past = _told(100, "Last May, a police raid on the same district left 28 people dead.", killed=28)
    assert len(merge_events([lead, past], None)) == 2
    years = _told(100, "Two years ago, gunmen raided the district.")
    assert len(merge_events([lead, years], None)) == 2
    week = _told(100, "Last week, police said the district was calm.")
    assert len(merge_events([lead, week], None)) == 1


def test_the_police_ending_an_attack_is_no_doer_of_the_attack() -> None:
    day = date(2024, 3, 9)
    one = _events_of(
        ["An attacker stabbed a man to death and wounded four others in central Lyon on Saturday "
         "before police shot him dead, officials said."],
        day,
    )
    attack = next(e for e in one if e.injured == 4)
    assert attack.actor1 is None or attack.actor1.kind != "state_forces"
    two = _events_of(
        ["Gunmen opened fire on diners at a restaurant on Friday, killing 12 people.",
         "Police shot three attackers dead after a two-hour siege."],
        day,
    )
    assert len(two) == 2
    assert {e.killed for e in two} == {12, 3}
    massacre = next(e for e in two if e.killed == 12)
    assert massacre.actor1 is not None and massacre.actor1.kind != "state_forces"
