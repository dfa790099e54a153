"""Shapes of real pages the team's own sentences never had, each found on an unseen page and
rewritten here in our own words: a dateline printed without its dash, a source asking for
anonymity, a comment-policy line, a place inside a group's name, a "-based" expert, and tallies
told with "many", "various" or "thousands"."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.app import Sitrep
from sitrep.models import Event, Location


@pytest.fixture(scope="module")
def app() -> Sitrep:
    return Sitrep()


def _events(app: Sitrep, paragraphs: list[str], published: date = date(2023, 2, 13)) -> list[Event]:
    return list(app.analyze_text("\n\n".join(paragraphs), published=published).events)


def _the_act(app: Sitrep, page: list[str], published: date) -> Event:
    """The one act of violence a page tells (failing when it tells none or several)."""
    [event] = [e for e in _events(app, page, published) if e.plover == "ASSAULT"]
    return event


def _place_of_the_act(app: Sitrep, text: str, published: date) -> Location:
    """The place of the one act of violence a one-paragraph page tells."""
    event = _the_act(app, [text], published)
    assert event.location is not None
    return event.location


def test_a_dateline_without_its_dash_is_not_the_attacker(app: Sitrep) -> None:
    page = ["KANO, Nigeria Gunmen killed 14 worshippers at a mosque in the town of Dakasoye."]
    [event] = [e for e in _events(app, page) if e.plover == "ASSAULT"]
    assert event.actor1 is not None
    assert "Military" not in event.actor1.name and "Kano" not in event.actor1.name


def test_a_source_asking_for_anonymity_requests_nothing(app: Sitrep) -> None:
    events = _events(
        app,
        ["Gunmen attacked the village of Dakasoye on Friday, a resident said, requesting anonymity."],
    )
    assert [e.plover for e in events] == ["ASSAULT"]


def test_a_comment_policy_line_is_no_denial(app: Sitrep) -> None:
    events = _events(
        app,
        [
            "A drone strike hit a fuel depot in the city of Kherson on Monday, the governor said.",
            "Sorry, we are not currently accepting comments on this article.",
        ],
    )
    assert [e.plover for e in events] == ["ASSAULT"]


def test_a_place_inside_a_groups_name_or_an_experts_title_is_not_the_acts(app: Sitrep) -> None:
    events = _events(
        app,
        [
            "Gunmen killed 30 people in the village of Dakasoye in Burkina Faso on Friday.",
            "A London-based analyst said fighters of the Islamic State in the Greater Sahara had first "
            "attacked a gold mine nearby.",
        ],
    )
    places = {e.location.name for e in events if e.location is not None}
    assert not places & {"London", "Greater Sahara"}


@pytest.mark.parametrize(
    "tally",
    [
        "Soldiers have also killed a growing number of civilians.",
        "They have attacked many villages in the border region.",
        "About 40 people died in various attacks this week.",
        "Fifty were killed last week in several jihadist raids.",
        "Thousands have been killed and two million people have fled their homes.",
        "Some 2,300 people were killed in Chad in 2023, including 500 in raids on herders, monitors said.",
        "More than 3,000 people were killed in Burkina Faso last year, a monitoring group estimates.",
    ],
)
def test_tallies_are_no_act(app: Sitrep, tally: str) -> None:
    assert not [e for e in _events(app, [tally]) if e.plover == "ASSAULT"]


def test_a_permission_a_resignation_or_a_decree_is_no_accord(app: Sitrep) -> None:
    for sentence in [
        "Organisers asked for a march, but police only agreed to a static rally in the park.",
        "The president accepted the resignation of the defence minister on Monday.",
    ]:
        assert not [e for e in _events(app, [sentence]) if e.plover == "AGREE"], sentence
    signed = _events(app, ["The government and the rebels agreed to a ceasefire in Juba on Monday."])
    assert [e.plover for e in signed] == ["AGREE"]


def test_a_protest_with_intervention_is_the_protesters_event(app: Sitrep) -> None:
    # ACLED codes the crowd as the first side and the police who broke it up as the second
    events = _events(app, ["Police fired tear gas to disperse protesters in Nairobi on Monday."])
    dispersed = [e for e in events if e.acled_sub_event_type == "Protest with intervention"]
    assert dispersed
    for event in dispersed:
        first, second = event.actor1, event.actor2
        assert first is not None
        if event.plover == "PROTEST":
            assert first.kind == "protesters" and second is not None and second.kind == "state_forces"
        else:
            assert first.kind == "state_forces"


def test_the_base_of_the_target_is_where_it_was_hit(app: Sitrep) -> None:
    # "-based" on a source is no place of the act; on the target it is where the strike fell
    events = _events(app, ["The U.S. struck the Yemen-based Houthis on Tuesday, two U.S. officials said."])
    [strike] = [e for e in events if e.plover == "ASSAULT"]
    assert strike.location is not None and strike.location.country == "YEM"


def test_a_news_agency_cited_is_no_place(app: Sitrep) -> None:
    events = _events(
        app,
        [
            "Shelling killed 25 people in El Fasher on Saturday.",
            "The state health ministry confirmed that the attack killed more than 25 people, according to "
            "China's Xinhua News Agency.",
        ],
    )
    assert all(e.location is None or e.location.country == "SDN" for e in events)


def test_a_line_opened_by_a_dateline_starts_a_sentence_and_is_no_party(app: Sitrep) -> None:
    page = (
        "- Fighting has ravaged the country since the coup, with the army battling rebels across the north\n"
        "BANGKOK: A military airstrike on a village killed ten civilians, locals said on Wednesday."
    )
    [strike] = [e for e in _events(app, [page], date(2023, 5, 17)) if e.plover == "ASSAULT"]
    assert strike.evidence is not None and strike.evidence.text.startswith("BANGKOK")
    assert strike.actor1 is None or "Bangkok" not in strike.actor1.name
    # "..., locals said on Wednesday" dates the report, not the strike
    assert strike.date_source != "stated"


def test_a_mass_toll_of_one_named_act_stays_an_act(app: Sitrep) -> None:
    events = _events(app, ["Hundreds have been killed in the attack on the town of Dakasoye, police said."])
    assert [e.plover for e in events] == ["ASSAULT"]


def test_a_reporters_call_to_a_source_is_no_meeting(app: Sitrep) -> None:
    events = _events(
        app,
        [
            "Bandits killed nine farmers in the village of Dakasoye on Thursday.",
            "When contacted, a police spokesman confirmed the attack and said patrols had been increased.",
        ],
    )
    assert "CONSULT" not in {e.plover for e in events}
    assert "ASSAULT" in {e.plover for e in events}


def test_a_danger_weighed_is_no_threat_made(app: Sitrep) -> None:
    events = _events(
        app,
        [
            "The army underestimated the threat from the insurgents, a researcher said.",
            "The rebels issued a threat to shell the port of Mokha.",
        ],
    )
    assert [(e.plover, e.actor1 and e.actor1.kind) for e in events] == [("THREATEN", "rebels")]
    assert not any("underestimated" in m.text for e in events for m in e.mentions)


def test_a_month_told_against_this_year_dates_the_act(app: Sitrep) -> None:
    events = _events(app, ["In March, this year, gunmen killed 20 traders in the village of Dakasoye."])
    assert [e.date for e in events] == ["2023-03"]


def test_a_pronoun_in_what_a_group_says_is_the_group(app: Sitrep) -> None:
    events = _events(
        app,
        [
            "The Rapid Support Forces, which hold most of Khartoum, said on Monday that its fighters had "
            "shot down an army jet over the city."
        ],
    )
    assert [(e.plover, e.actor1 and e.actor1.name) for e in events] == [("ASSAULT", "Rapid Support Forces")]


def test_a_ministry_that_gave_no_details_refused_nothing(app: Sitrep) -> None:
    events = _events(
        app,
        ["The defence ministry, which did not give details, said troops killed 12 rebels near Kidal."],
    )
    assert "REJECT" not in {e.plover for e in events}


def test_a_toll_counted_since_violence_broke_out_is_a_tally(app: Sitrep) -> None:
    events = _events(
        app,
        [
            "Gunmen killed four farmers in the village of Dakasoye on Monday, police said.",
            "More than 300 people have died in the region since ethnic violence erupted in May last year.",
        ],
    )
    assert [(e.plover, e.killed) for e in events] == [("ASSAULT", 4)]
    assert not any("300" in m.text for e in events for m in e.mentions)
    # but violence that broke out on a day is that day's act
    events = _events(
        app, ["Five people have been killed since violence erupted in the town of Dakasoye on Monday."]
    )
    assert [(e.plover, e.killed) for e in events] == [("ASSAULT", 5)]


def test_a_toll_counted_since_protests_began_or_over_a_wars_span_is_a_tally(app: Sitrep) -> None:
    events = _events(
        app,
        [
            "Police shot dead two protesters in Harar on Friday, witnesses said.",
            "Activists say more than 90 people have been killed since the protests began on 3 March.",
            "The country has been torn by fighting between the army and rebels since 2019, killing more "
            "than 8,000 people.",
        ],
    )
    assert [e.killed for e in events if e.plover == "ASSAULT"] == [2]


def test_a_jet_shot_down_beside_a_claim_is_no_idea_rejected(app: Sitrep) -> None:
    events = _events(
        app,
        [
            "The militia, which has held most of the capital since the war began in May, said on Monday "
            "that its fighters had shot down an army fighter jet over the city, a claim the army dismissed "
            "as lies."
        ],
    )
    assert sorted(e.plover for e in events) == ["ASSAULT", "REJECT"]


def test_a_night_told_with_its_day_is_that_days_night(app: Sitrep) -> None:
    # published on a Friday; the attack is on the night of the Wednesday
    events = _events(
        app,
        ["On Wednesday, militiamen launched an overnight attack on the village of Dakasoye, killing two."],
        published=date(2024, 8, 9),
    )
    assert [e.date for e in events] == ["2024-08-07"]


def test_a_town_hit_is_where_the_act_happened(app: Sitrep) -> None:
    events = _events(app, ["Russian drones struck Kharkiv on Monday, the governor said."])
    assert [e.location and e.location.name for e in events] == ["Kharkiv"]
    events = _events(app, ["Russian missiles hit Kyiv overnight, the mayor said."])
    assert [e.location and e.location.name for e in events] == ["Kyiv"]


def test_a_name_followed_by_who_is_someone_not_a_town(app: Sitrep) -> None:
    # "Serhii" is a first name and the name of a village: ", who was captured" makes it someone
    page = [
        "Ukraine brought home 150 of its soldiers in a prisoner exchange with Russia on Monday.",
        '"He did not know my face any more," said Serhii, who was captured by Russian troops at a steel '
        "plant in the south.",
    ]
    events = _events(app, page, date(2024, 12, 30))
    assert events and all(e.location is None or e.location.name != "Serhiyi" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # the parser keeps only "Aden" of "Gulf of Aden": the sea, not the port city
        "Houthi forces fired two missiles at a cargo ship in the Red Sea and Gulf of Aden on Monday, "
        "the US military said.",
        # where the ship was going, not where it was hit
        "The Houthis fired two missiles on Monday at a cargo ship bound for the port of Aden in Yemen, "
        "the US military said.",
    ],
)
def test_a_sea_or_a_port_of_call_named_after_a_city_is_not_where_a_ship_was_hit(
    app: Sitrep, text: str
) -> None:
    [attack] = [e for e in _events(app, [text], date(2024, 3, 5)) if e.plover == "ASSAULT"]
    assert attack.location is None or attack.location.name != "Aden"


def test_an_outlets_city_in_its_byline_is_not_the_storys_place(app: Sitrep) -> None:
    page = [
        "Gunmen kidnap twelve travellers on Nigerian highway",
        "by Daily Courier, London Mar 03, 2023",
        "At least twelve passengers travelling on a highway were kidnapped on Thursday, a source said.",
        "Nigerian police said they were searching the bush along the road.",
        "Daily Courier, London",
    ]
    [kidnap] = [e for e in _events(app, page, date(2023, 3, 3)) if e.plover == "ASSAULT"]
    assert kidnap.location is not None and kidnap.location.country == "NGA"


def test_tear_gas_shells_are_no_artillery(app: Sitrep) -> None:
    page = ["The security forces fired tear gas shells at a mob in the town of Dakasoye on Thursday."]
    events = _events(app, page)
    assert [e.acled_sub_event_type for e in events] != ["Shelling/artillery/missile attack"]
    assert len(events) == 1


def test_a_group_that_claimed_the_attack_is_its_doer(app: Sitrep) -> None:
    events = _events(
        app,
        [
            "Gunmen killed nine traders at a market in the town of Dakasoye on Friday.",
            "JNIM claimed the attack.",
        ],
    )
    assert [(e.actor1 and e.actor1.name) for e in events] == ["Jama'at Nusrat al-Islam wal-Muslimin"]
    assert any(m.hedged for e in events for m in e.mentions)


def test_an_attack_on_soldiers_is_a_battle(app: Sitrep) -> None:
    events = _events(app, ["Gunmen killed 12 soldiers near Gao on Friday."])
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in events] == [("Battles", "Armed clash")]


def test_armed_youths_raiding_herders_are_a_communal_militia(app: Sitrep) -> None:
    events = _events(app, ["Armed youths raided cattle camps near Bor on Wednesday, killing eight herders."])
    assert [(e.actor1 and e.actor1.kind, e.actor2 and e.actor2.kind) for e in events] == [
        ("identity_militia", "civilians")
    ]


def test_they_who_added_are_the_last_to_have_spoken_not_a_place(app: Sitrep) -> None:
    events = _events(
        app,
        [
            "Separatists killed nine people at the weekend in attacks in western Cameroon, officials said.",
            "Two gendarmes and four civilians were killed in the town of Galim on Saturday, they added.",
        ],
    )
    sources = {m.attributed_to for e in events for m in e.mentions}
    assert "western Cameroon" not in sources
    assert sources == {"officials"}


def test_a_named_village_near_a_city_is_the_village(app: Sitrep) -> None:
    events = _events(
        app,
        ["A drone fired two missiles at a house in Beit Mardoukh, near the southern city of Tyre."],
        published=date(2024, 2, 22),
    )
    assert [(e.location.name, e.location.precision) for e in events if e.location] == [("Beit Mardoukh", 2)]
    events = _events(app, ["Gunmen raided Dakasoye village near Maiduguri on Monday."])
    assert [e.location.name for e in events if e.location] == ["Dakasoye"]


def test_no_one_who_claimed_is_no_source_and_a_town_kills_no_one(app: Sitrep) -> None:
    events = _events(
        app,
        ["No group has claimed the bombing in Kabul, which killed 12 people on Monday."],
    )
    assert [(e.actor1, {m.attributed_to for m in e.mentions}) for e in events] == [(None, {None})]
    page = ["No one has claimed the attack, which came after gunmen raided a village near Kunduz."]
    assert {m.attributed_to for e in _events(app, page) for m in e.mentions} == {None}


def test_they_after_a_time_phrase_are_the_attackers_not_the_village_they_struck(app: Sitrep) -> None:
    page = [
        "Last Friday, armed men stormed the village of Kurmin Dogo in Nigeria's Kaduna State and killed"
        " five farmers.",
        "Later on Friday they attacked the town of Zonkwa, killing three traders.",
    ]
    events = [e for e in _events(app, page, date(2023, 5, 8)) if e.plover == "ASSAULT"]
    second = next(e for e in events if e.location is not None and e.location.name == "Zonkwa")
    assert second.actor1 is not None and second.actor1.name == "Unidentified Armed Group (Nigeria)"
    assert second.killed == 3


def test_a_total_over_several_raids_gives_way_to_the_toll_of_one_raid(app: Sitrep) -> None:
    page = [
        "Armed men killed at least 20 people in attacks on villages in Kaduna State, police said on Monday.",
        "On Saturday the attackers stormed the village of Kurmin Dogo and killed nine residents.",
    ]
    events = [e for e in _events(app, page, date(2023, 5, 8)) if e.plover == "ASSAULT"]
    village = next(e for e in events if e.location is not None and e.location.name == "Kurmin Dogo")
    assert village.killed == 9


def test_a_list_of_villages_in_a_state_is_placed_at_the_villages_not_the_state(app: Sitrep) -> None:
    text = ("Armed men raided the villages of Kurmin Dogo and Ungwan Rimi in Nigeria's Kaduna State on"
            " Saturday, killing nine people, police said.")
    raids = [e for e in _events(app, [text], date(2023, 5, 8)) if e.plover == "ASSAULT"]
    # one raid per village, in the state the text gives; the toll stays with the first
    places = {(e.location.name, e.location.admin1, e.killed) for e in raids if e.location}
    assert places == {("Kurmin Dogo", "Kaduna", 9), ("Ungwan Rimi", "Kaduna", None)}


def test_its_offensive_is_the_speakers_not_the_country_it_is_fought_in(app: Sitrep) -> None:
    page = ["Turkey, which rarely gives figures, has been running a cross-border operation in Syria as"
            " part of its offensive against Kurdish militants."]
    event = _the_act(app, page, date(2023, 5, 8))
    assert event.actor1 is not None and event.actor1.country == "TUR"


def test_an_act_named_after_its_neighbourhood_is_placed_there(app: Sitrep) -> None:
    page = [
        "A car bomb exploded at a busy junction in Mogadishu on Sunday, killing 20 people, police said.",
        "The mayor visited families in Bondhere and called the Bondhere bombing a cowardly crime.",
    ]
    event = _the_act(app, page, date(2023, 5, 8))
    assert event.location is not None
    where = event.location
    assert (where.name, where.admin1, where.precision) == ("Bondhere", "Banadir", 2)


def test_an_act_named_after_a_season_or_a_group_keeps_its_town(app: Sitrep) -> None:
    page = [
        "A car bomb exploded at a busy junction in Mogadishu on Sunday, killing 20 people, police said.",
        "Officials compared it to the Ramadan bombing and the Shabaab attack on a hotel in 2019.",
    ]
    events = [e for e in _events(app, page, date(2023, 5, 8)) if e.plover == "ASSAULT"]
    assert events[0].location is not None and events[0].location.name == "Mogadishu"


def test_a_hospital_named_after_a_foreign_city_is_no_place_in_that_country(app: Sitrep) -> None:
    text = ("A wounded boy is carried by two men at Medina hospital following a car bomb explosion at a"
            " checkpoint in Mogadishu on Saturday.")
    where = _place_of_the_act(app, text, date(2023, 5, 8))
    assert (where.name, where.country) == ("Mogadishu", "SOM")


def test_he_is_someone_never_the_town_named_before(app: Sitrep) -> None:
    page = [
        "The raid recalled the abduction of 270 schoolgirls from Chibok in 2014.",
        "He has ordered the military to restore security within three months.",
    ]
    # the town is no one: with no one named to give it, the order is not recorded as anyone's demand
    assert [e.plover for e in _events(app, page, date(2023, 5, 8))] == ["ASSAULT"]


def test_a_region_named_after_its_capital_stays_the_region(app: Sitrep) -> None:
    text = ("Ukrainian drones attacked an oil depot in Russia's Bryansk region overnight, the regional"
            " governor said on Wednesday.")
    where = _place_of_the_act(app, text, date(2024, 5, 9))
    assert (where.name, where.precision) == ("Bryansk", 3)


def test_the_demands_of_a_crowd_fired_on_are_its_protests_not_a_request(app: Sitrep) -> None:
    page = ["Riot police fired tear gas at hundreds of protesters demanding lower fuel prices outside"
            " parliament in Accra on Tuesday."]
    events = _events(app, page, date(2024, 5, 9))
    assert events and "REQUEST" not in [e.plover for e in events]


def test_an_act_on_a_road_between_two_towns_is_near_the_first(app: Sitrep) -> None:
    text = ("Armed men abducted 20 passengers from a bus on the Kaduna-Zaria highway on Saturday, Nigerian"
            " police said.")
    where = _place_of_the_act(app, text, date(2024, 5, 9))
    assert (where.name, where.precision) == ("Kaduna", 2)


def test_a_philippine_province_is_the_province_not_the_country(app: Sitrep) -> None:
    text = ("Two soldiers were killed on Saturday in a clash with New People's Army rebels in Negros"
            " Oriental province, the army said.")
    where = _place_of_the_act(app, text, date(2024, 3, 10))
    assert (where.name, where.country, where.precision) == ("Negros Oriental", "PHL", 3)


@pytest.mark.parametrize("when", ["shortly after noon Sunday", "early Sunday", "on Sunday", "Sunday"])
def test_the_attack_happened_at_a_time_of_day_dates_the_story(app: Sitrep, when: str) -> None:
    page = [
        "Four police officers died when their patrol was ambushed, the provincial prosecutor said.",
        f"According to officials, the attack happened {when} on a rural road. "
        "Gunmen had waited in a maize field, they said.",
    ]
    acts = [e for e in _events(app, page, date(2021, 9, 13)) if e.plover == "ASSAULT"]
    assert [e.date for e in acts] == ["2021-09-12"]


def test_a_weekday_naming_a_service_is_no_day_of_the_attack(app: Sitrep) -> None:
    page = [
        "Two bombs went off at a church in the port town, killing 12 worshippers, the army said.",
        "The first blast took place inside the church as Sunday prayers were under way.",
    ]
    acts = [e for e in _events(app, page, date(2021, 9, 15)) if e.plover == "ASSAULT"]
    assert acts and all(e.date != "2021-09-12" for e in acts)


def test_a_foreign_city_of_the_same_name_is_not_where_the_strike_hit(app: Sitrep) -> None:
    # Blida is a south Lebanese village and an Algerian city of some 180,000; the page never names Algeria
    page = [
        "BEIRUT - Israeli strikes hit several villages in south Lebanon on Saturday, state media said.",
        "Israeli troops blew up houses in Blida, near the border, the news agency said.",
    ]
    [blida] = [e.location for e in _events(app, page, date(2024, 10, 20)) if "Blida" in e.mentions[0].text]
    assert blida is not None and blida.name == "Blida" and blida.country != "DZA"


def test_talks_in_a_foreign_city_stay_there(app: Sitrep) -> None:
    page = ["Sudan's army and the RSF held talks in Jeddah on Saturday, mediators said."]
    [talks] = [e for e in _events(app, page, date(2023, 5, 7)) if e.plover == "CONSULT"]
    assert talks.location is not None and talks.location.country == "SAU"


def test_where_raiders_came_from_is_not_where_they_raided(app: Sitrep) -> None:
    page = ["Armed youths from neighbouring Lakes State raided a cattle camp and killed three herders."]
    raid = _the_act(app, page, date(2026, 1, 12))
    assert raid.location is None or "Lakes" not in (raid.location.name, raid.location.admin1)


def test_a_statement_signed_jointly_is_no_agreement(app: Sitrep) -> None:
    page = ["The youth leader said in a statement he jointly signed with the secretary that gunmen killed 4."]
    assert [e.plover for e in _events(app, page, date(2024, 10, 15))] == ["ASSAULT"]


def test_a_round_up_leads_day_dates_every_item_it_lists(app: Sitrep) -> None:
    page = [
        "At least 20 people were killed in separate attacks across Nigeria on Sunday, police said.",
        "In one attack, gunmen killed eight farmers in the village of Tudun Wada in Kaduna state.",
        "In another attack, a roadside bomb killed five soldiers near Bama in Borno state.",
        "In a separate incident, bandits shot dead seven traders on a highway in Katsina state.",
    ]
    acts = [e for e in _events(app, page, date(2024, 6, 11)) if e.plover == "ASSAULT"]
    assert len(acts) >= 3 and {e.date for e in acts} == {"2024-06-09"}


def test_also_in_the_city_is_another_act_in_the_same_city(app: Sitrep) -> None:
    page = [
        "A car bomb exploded at a market in the city of Kirkuk on Monday, killing six people, police said.",
        "Also in the city, soldiers shot dead two gunmen who tried to storm a checkpoint.",
    ]
    acts = [e for e in _events(app, page, date(2024, 6, 11)) if e.plover == "ASSAULT"]
    assert len(acts) == 2
    assert all(e.location is not None and e.location.name == "Kirkuk" for e in acts)


def test_a_pages_date_stamp_dates_the_page_and_is_no_word_of_its_story(app: Sitrep) -> None:
    text = (
        " date 2025-04-13 KHARTOUM: At least 87 civilians were killed when paramilitary fighters shelled"
        " two camps near El Fasher on Friday and Saturday, a health official said."
    )
    analysis = app.analyze_text(text)  # no publication date given: the stamp is the page's
    assert analysis.clean is not None and analysis.clean.published == date(2025, 4, 13)
    [attack] = [e for e in analysis.events if e.plover == "ASSAULT"]
    assert attack.killed == 87 and attack.actor2 is not None and attack.actor2.kind == "civilians"
    assert attack.date is not None and attack.date <= "2025-04-13"


def test_he_added_is_the_speaker_not_the_agency_he_told(app: Sitrep) -> None:
    page = [
        "“Nine people were killed when gunmen stormed the market on Friday,” Amina Diallo, the district"
        " health director, told Xinhua.",
        "“Today, four more were killed in an attack on the camp,” she added.",
    ]
    sources = {e.attributed_to for e in _events(app, page, date(2025, 4, 13)) if e.plover == "ASSAULT"}
    assert sources and all(s is not None and "Diallo" in s for s in sources)


def test_they_said_is_the_officials_who_spoke_not_a_municipality_named_since(app: Sitrep) -> None:
    page = [
        "State officials said the ambush happened on Sunday near Los Pinos, part of the Taxco de Alarcon"
        " municipality. Gunmen hid in a ravine and fired at the patrol, they said."
    ]
    sources = {e.attributed_to for e in _events(app, page, date(2020, 6, 22)) if e.plover == "ASSAULT"}
    assert sources and not any(s is None or "Taxco" in s or "Pinos" in s for s in sources)



def test_a_total_over_separate_attacks_is_no_act_beside_the_acts_it_counts(app: Sitrep) -> None:
    page = [
        "At least 19 people were killed in separate attacks across Iraq on Sunday, police said.",
        "In one attack, a car bomb killed nine people at a market in the city of Kirkuk.",
        "In another attack, gunmen killed six soldiers at a checkpoint near Baiji.",
        "In a separate incident, a roadside bomb killed four civilians in the town of Tuz Khurmatu.",
    ]
    acts = [e for e in _events(app, page, date(2014, 4, 14)) if e.plover == "ASSAULT"]
    assert sorted(e.killed or 0 for e in acts) == [4, 6, 9]
    assert not any("separate attacks" in m.text for e in acts for m in e.mentions)
    [car_bomb] = [e for e in acts if e.killed == 9]
    assert car_bomb.acled_sub_event_type == "Remote explosive/landmine/IED"


def test_a_total_told_beside_one_act_stays(app: Sitrep) -> None:
    page = [
        "At least 19 people were killed in separate attacks across Iraq on Sunday, police said.",
        "Gunmen killed six soldiers at a checkpoint near Baiji, an officer said.",
    ]
    acts = [e for e in _events(app, page, date(2014, 4, 14)) if e.plover == "ASSAULT"]
    assert len(acts) == 1 and any("separate attacks" in m.text for m in acts[0].mentions)


@pytest.mark.parametrize(
    "lead",
    [
        "Rebel attacks on the Ituri and North Kivu provinces killed at least 15 civilians, officials said.",
        "Air strikes across the region killed at least 15 civilians on Tuesday, officials said.",
    ],
)
def test_a_lead_over_several_places_is_a_total_beside_the_acts_it_counts(app: Sitrep, lead: str) -> None:
    page = [
        lead,
        "In one attack, fighters killed nine villagers in the village of Mambelenga.",
        "In another attack, six farmers were killed near the town of Oicha.",
    ]
    acts = [e for e in _events(app, page, date(2024, 6, 12)) if e.plover == "ASSAULT"]
    assert sorted(e.killed or 0 for e in acts) == [6, 9]


def test_a_strike_on_two_towns_is_a_strike_on_each(app: Sitrep) -> None:
    page = ["Russian drones struck Sumy and Konotop overnight, the regional governor said."]
    acts = [e for e in _events(app, page, date(2025, 6, 10)) if e.plover == "ASSAULT"]
    assert sorted(e.location.name for e in acts if e.location is not None) == ["Konotop", "Sumy"]


def test_an_arrest_of_two_people_is_one_arrest(app: Sitrep) -> None:
    page = ["Police arrested Odhiambo and Wanjiru in Nairobi on Monday, a spokesman said."]
    assert len([e for e in _events(app, page, date(2025, 6, 10)) if e.plover == "COERCE"]) == 1


def test_a_village_near_a_town_is_not_a_foreign_city_of_its_name(app: Sitrep) -> None:
    # Layyah in Pakistan is also spelt Leia; the page is on Darfur
    page = ["Raiders set fire to huts in Leia village near Sawani in East Jebel Marra, Darfur, on Friday."]
    attack = _the_act(app, page, date(2024, 1, 10))
    assert attack.location is not None and attack.location.country == "SDN"


def test_a_day_opening_a_sentence_weeks_before_the_page_is_another_act(app: Sitrep) -> None:
    page = [
        "Gunmen ambushed a police patrol east of Daraa, killing three officers, police said.",
        "A police source said the gunmen first fired at the patrol and then set off a bomb.",
        "On July 5, a roadside bomb in Daraa wounded four members of one family.",
    ]
    acts = [e for e in _events(app, page, date(2022, 7, 21)) if e.plover == "ASSAULT"]
    assert len(acts) == 2 and {e.date for e in acts} >= {"2022-07-05"}


def test_a_pages_date_stamp_is_no_part_of_the_speakers_name(app: Sitrep) -> None:
    page = [" date 2023-04-12 Regime spokesman Zaw Min said troops killed 12 people in the village."]
    sources = {e.attributed_to for e in _events(app, page, date(2023, 4, 12))}
    assert sources == {"Regime spokesman Zaw Min"}


@pytest.mark.parametrize(
    "sentence",
    [
        "A spokesman for the UN agency providing aid to refugees said the camp was calm on Monday.",
        "The charity supporting the displaced families said its staff were safe.",
        "Residents of the town hosting thousands of displaced people held a vigil on Monday.",
    ],
)
def test_a_participle_describing_a_body_is_no_act_of_it(app: Sitrep, sentence: str) -> None:
    kinds = {e.plover for e in _events(app, [sentence], date(2024, 7, 2))}
    assert not kinds & {"AID", "SUPPORT", "CONSULT"}


def test_bodies_handed_over_are_no_concession(app: Sitrep) -> None:
    page = [
        "Soldiers killed four militants in a clash near the border on Friday, the army said.",
        "The bodies were handed over to their relatives on Saturday, officials said.",
    ]
    assert "CONCEDE" not in {e.plover for e in _events(app, page, date(2025, 5, 17))}


def test_a_plea_told_in_a_past_perfect_relative_clause_is_no_request(app: Sitrep) -> None:
    page = [
        "Gunmen abducted a nurse from a clinic in the town on Monday, police said.",
        "Her mother, who had pleaded with the kidnappers for her release, died of cancer last year.",
    ]
    assert "REQUEST" not in {e.plover for e in _events(app, page, date(2024, 7, 2))}


def test_a_subject_set_off_by_believed_to_be_is_the_doer_not_the_speaker(app: Sitrep) -> None:
    page = [
        "Gunmen, believed to be either Boko Haram or ISWAP, on Friday, attacked two communities in Yobe"
        " State, killing six farmers and stealing 300 goats, a district official has said."
    ]
    attack = _the_act(app, page, date(2020, 6, 21))
    assert attack.actor1 is None or attack.actor1.kind != "state_forces"


def test_a_town_struck_is_the_place_not_a_person_hit(app: Sitrep) -> None:
    page = ["Russian drones struck Sumy overnight, killing three people, the governor said."]
    strike = _the_act(app, page, date(2025, 6, 10))
    assert strike.location is not None and strike.location.name == "Sumy"
    assert strike.actor2 is None or (strike.actor2.name != "Sumy" and strike.actor2.kind != "person")


def test_a_body_saying_it_killed_is_the_doer(app: Sitrep) -> None:
    page = [
        "A car bomb killed at least 12 people at a market in Mogadishu on Monday, police said.",
        "The Somali National Intelligence Service Agency (NISA) said Wednesday that it had killed 25"
        " al-Shabab fighters during a raid near Afgoye.",
    ]
    acts = [e for e in _events(app, page, date(2019, 2, 5)) if e.plover == "ASSAULT"]
    assert len(acts) == 2
    [operation] = [e for e in acts if any("25" in m.text for m in e.mentions)]
    assert operation.actor1 is not None and operation.actor1.country == "SOM"


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 15 civilians were killed in an attack carried out by the OLA in East Wollega on Sunday.",
        "Eleven soldiers were killed in a bombing perpetrated by the ELN in Norte de Santander on Tuesday.",
        "An ambush conducted by al-Shabaab killed six soldiers near Afgoye on Friday.",
    ],
)
def test_an_act_carried_out_by_a_group_is_the_groups(app: Sitrep, sentence: str) -> None:
    [attack] = [e for e in _events(app, [sentence], date(2024, 6, 12)) if e.plover == "ASSAULT"]
    assert attack.actor1 is not None and attack.actor1.kind in ("rebels", "political_militia")


def test_a_surge_in_attacks_is_a_trend_not_an_act(app: Sitrep) -> None:
    page = [
        "Gang members raided houses in a hillside suburb at dawn on Monday, residents said.",
        "The suburb had been spared despite a surge in gang attacks in the capital since March 2.",
    ]
    events = _events(app, page, date(2024, 3, 19))
    assert not any(e.date == "2024-03-02" for e in events)
    assert not any(any("surge" in m.text for m in e.mentions) for e in events)


def test_an_agreement_bound_to_a_condition_is_an_offer_not_an_agreement(app: Sitrep) -> None:
    page = ["The government agrees to sign the accord only if the rebels disarm first, a minister said."]
    assert "AGREE" not in {e.plover for e in _events(app, page, date(2025, 10, 24))}


def test_later_the_same_day_is_another_act_on_the_day_just_told(app: Sitrep) -> None:
    page = [
        "Insurgents shot dead five villagers in Mbau on Monday, local sources said.",
        "Later the same day, the insurgents attacked an army post near the district town.",
    ]
    acts = [e for e in _events(app, page, date(2024, 6, 12)) if e.plover == "ASSAULT"]
    assert len(acts) == 2 and {e.date for e in acts} == {"2024-06-10"}


def test_bombs_delivered_by_aircraft_are_no_aid(app: Sitrep) -> None:
    page = ["Myanmar forces attacked the camp on Monday with bombs delivered by aircraft, witnesses said."]
    assert "AID" not in {e.plover for e in _events(app, page, date(2023, 10, 24))}


def test_a_claim_of_responsibility_made_later_is_a_mention_of_the_act(app: Sitrep) -> None:
    page = [
        "Gunmen raided a gendarmerie post in Tanougou in northern Benin on Wednesday night, killing two.",
        "JNIM claimed responsibility for the attack on Thursday.",
    ]
    attack = _the_act(app, page, date(2025, 4, 20))
    assert attack.date == "2025-04-16" and len(attack.mentions) == 2
    assert attack.actor1 is not None and "Nusrat" in attack.actor1.name


def test_a_group_of_no_one_country_claiming_the_act_is_the_militants_it_describes(app: Sitrep) -> None:
    page = ["Militants attacked an army checkpoint in North Sinai on Thursday, killing five soldiers.",
            "The Islamic State group claimed the attack."]
    attack = _the_act(app, page, date(2025, 4, 20))
    assert attack.actor1 is not None and attack.actor1.name == "Islamic State" and attack.hedged


@pytest.mark.parametrize(
    "sentence",
    [
        "The opposition leader flew home on Sunday, defying warnings by the authorities of his arrest.",
        "Hundreds of mourners ignored the governor's appeal to stay away from the cemetery on Saturday.",
        "The parties signed an accord on Saturday that calls for foreign forces to leave within a year.",
    ],
)
def test_a_statement_referred_to_is_not_one_told(app: Sitrep, sentence: str) -> None:
    kinds = {e.plover for e in _events(app, [sentence], date(2021, 1, 18))}
    assert not kinds & {"THREATEN", "REQUEST"}


def test_the_confrontation_occurred_on_a_weekday_dates_the_lead(app: Sitrep) -> None:
    page = [
        "Gunmen ambushed a convoy of state police, killing five officers, the security ministry said.",
        "The confrontation occurred Friday on a highway outside the town, the ministry said.",
    ]
    acts = [e for e in _events(app, page, date(2021, 9, 13)) if e.plover == "ASSAULT"]
    assert [e.date for e in acts] == ["2021-09-10"]


def test_a_total_over_two_acts_named_together_gives_way_to_each_act_and_names_its_doer(app: Sitrep) -> None:
    page = [
        "Seven policemen were killed in an ambush and a raid by Maoist rebels this week, officials said.",
        "On Monday, a police patrol was ambushed in a forest near Dantewada, killing four policemen.",
        "On Wednesday, a police camp was raided near Narayanpur, leaving three policemen dead.",
    ]
    acts = [e for e in _events(app, page, date(2019, 5, 10)) if e.plover == "ASSAULT"]
    assert sorted(e.killed or 0 for e in acts) == [3, 4]
    assert all(e.actor1 is not None and "Maoist" in e.actor1.name for e in acts)


def test_a_town_next_door_to_the_only_country_named_is_that_neighbours_town(app: Sitrep) -> None:
    # the page names only the attacker's country; Balakliia is a Ukrainian town, Ukraine is next door
    page = ["Russian artillery shelled Balakliia overnight, wounding three people, the governor said."]
    strike = _the_act(app, page, date(2024, 6, 10))
    assert strike.location is not None and (strike.location.country, strike.location.precision) == ("UKR", 1)


def test_each_town_a_strike_hit_is_its_own_event_when_the_towns_are_the_place(app: Sitrep) -> None:
    page = ["Russian artillery shelled Balakliia, Chuhuiv and Lozova on Tuesday, officials said."]
    acts = [e for e in _events(app, page, date(2024, 6, 12)) if e.plover == "ASSAULT"]
    assert len({e.location.name for e in acts if e.location}) == 3


def test_a_byline_ending_with_a_comma_is_no_doer(app: Sitrep) -> None:
    page = [
        "By NEWSWIRE,",
        "Mosul: At least nine people were killed and 30 wounded in attacks across Iraq, police said.",
    ]
    acts = [e for e in _events(app, page, date(2014, 2, 26)) if e.plover == "ASSAULT"]
    assert acts and not any("NEWSWIRE" in m.text for e in acts for m in e.mentions)


def test_the_hurt_told_without_an_auxiliary_are_the_victims_not_the_doers(app: Sitrep) -> None:
    page = ["A bomber blew up a car at the gate of a base, leaving two guards dead and 11 people wounded."]
    blast = _the_act(app, page, date(2014, 2, 26))
    assert (blast.killed, blast.injured) == (2, 11)
    assert blast.actor1 is None or blast.actor1.kind != "civilians"


def test_two_acts_set_side_by_side_with_while_stay_two(app: Sitrep) -> None:
    page = ["Gunmen shot dead a guard at a bank in Kirkuk, while a roadside bomb wounded three soldiers "
            "south of the city, police said."]
    acts = [e for e in _events(app, page, date(2014, 2, 26)) if e.plover == "ASSAULT"]
    assert {(e.killed, e.injured) for e in acts} == {(None, 3), (1, None)}


def test_a_province_named_only_in_an_officials_title_places_the_act_there(app: Sitrep) -> None:
    page = ["Gunmen shot dead a local councillor on Sunday, the Michoacan state prosecutor's office said."]
    killing = _the_act(app, page, date(2024, 6, 3))
    assert killing.location is not None and (killing.location.name, killing.location.precision) == (
        "Michoacan",
        3,
    )


def test_attackers_killed_as_they_attacked_face_the_side_they_attacked(app: Sitrep) -> None:
    page = ["Nine insurgents were killed as they attacked a police checkpoint in the district, officials"
            " said."]
    clash = _the_act(app, page, date(2020, 1, 2))
    assert clash.actor2 is not None and clash.actor2.kind == "state_forces"


def test_a_day_owning_the_deadliest_attack_dates_it(app: Sitrep) -> None:
    page = ["In today's deadliest attack, a car bomb killed nine people at a market, police said."]
    blast = _the_act(app, page, date(2014, 2, 26))
    assert (blast.date, blast.date_precision) == ("2014-02-26", "day")


def test_an_attack_on_the_villages_of_a_list_is_one_event_per_village(app: Sitrep) -> None:
    page = [
        "Soldiers clashed with rebels in Ituri province on Sunday.",
        "Gunmen raided the villages of Bandoma, Kitolo and Mabeyo on Monday, killing 14 civilians.",
    ]
    raids = [e for e in _events(app, page, date(2024, 8, 7)) if "raided" in e.evidence.text]
    assert {e.location.name for e in raids if e.location} == {"Bandoma", "Kitolo", "Mabeyo"}
    assert sorted(e.killed or 0 for e in raids) == [0, 0, 14]


def test_where_a_rights_group_sits_is_neither_the_scene_nor_a_side(app: Sitrep) -> None:
    page = ["The Oslo-based monitoring group Hengaw said troops shot nine marchers in Saravan on Sunday."]
    shooting = _the_act(app, page, date(2023, 3, 7))
    assert shooting.location is not None and shooting.location.country == "IRN"
    assert shooting.actor1 is not None and shooting.actor1.country == "IRN"


def test_the_day_and_town_a_later_sentence_gives_the_act_narrow_the_leads_week(app: Sitrep) -> None:
    page = [
        "Nine police officers died when gunmen raided their post in eastern Burkina Faso last week, "
        "the security ministry said on Sunday.",
        "The raid took place near Fada N'gourma on Tuesday, the ministry added.",
    ]
    raid = _the_act(app, page, date(2024, 3, 17))
    assert (raid.date, raid.date_precision) == ("2024-03-12", "day")
    assert raid.location is not None and raid.location.name == "Fada N'gourma"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A car bomb killed 20 people, including 17 policemen, outside a station in Kirkuk.", "state_forces"),
        ("A car bomb killed 20 people, including three policemen, outside a market in Kirkuk.", "civilians"),
    ],
)
def test_people_most_of_whom_are_named_as_a_force_are_that_force(app: Sitrep, text: str, kind: str) -> None:
    bombing = _the_act(app, [text], date(2024, 3, 6))
    assert bombing.actor2 is not None and bombing.actor2.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "An army patrol came under attack near Menaka on Sunday, the defence ministry said.",
        # Pakistan's Levies (and its Counter Terrorism Department) are the state's forces
        "Gunmen shot dead two Levies personnel near Kalat on Sunday night, officials said.",
    ],
)
def test_the_force_attacked_is_the_target(app: Sitrep, text: str) -> None:
    attack = _the_act(app, [text], date(2024, 3, 12))
    assert attack.actor2 is not None and attack.actor2.kind == "state_forces"


def test_the_doer_a_belief_names_is_the_acts_doer_and_hedged(app: Sitrep) -> None:
    page = ["The ambush, believed to have been carried out by al-Shabaab, killed seven soldiers in Afmadow."]
    ambush = _the_act(app, page, date(2024, 3, 12))
    assert ambush.actor1 is not None and ambush.actor1.name == "al-Shabaab"
    assert ambush.hedged


def test_an_act_that_only_frames_a_period_is_no_event(app: Sitrep) -> None:
    page = ["In the first months of the Russian invasion, the teacher ran a shelter in a school basement."]
    assert not [e for e in _events(app, page, date(2024, 3, 12)) if e.plover == "ASSAULT"]


def test_the_sides_of_clashes_the_parse_hung_on_their_place_are_the_sides(app: Sitrep) -> None:
    page = ["Heavy clashes broke out on Thursday in Masisi territory between the army and M23 rebels."]
    clash = _the_act(app, page, date(2022, 10, 22))
    assert clash.actor1 is not None and clash.actor2 is not None
    assert {clash.actor1.kind, clash.actor2.kind} == {"state_forces", "rebels"}


def test_a_day_named_beats_a_day_counted_back_in_the_same_phrase(app: Sitrep) -> None:
    page = ["Gunmen shot dead a village headman in Narathiwat a day earlier on March 14, police said."]
    shooting = _the_act(app, page, date(2025, 3, 16))
    assert (shooting.date, shooting.date_precision) == ("2025-03-14", "day")


@pytest.mark.parametrize(
    ("page", "published", "day", "village"),
    [
        (  # a "which" clause
            [
                "Gunmen shot dead eleven traders at a cattle market in central Mali, local officials said.",
                "The attack, which happened on Thursday near the town of Diafarabe, was blamed on jihadists.",
            ],
            date(2024, 3, 17), "2024-03-14", None,
        ),
        (  # at one remove, with the village after the day
            [
                "Bandits killed six farmers in Zamfara state, police said.",
                "The attack is said to have occurred around 10pm on Friday in the village of Kairu Dutse.",
            ],
            date(2023, 12, 5), "2023-12-01", "Kairu Dutse",
        ),
        (  # the night before the report
            [
                "Insurgents overran an army post in Kunar province, killing five soldiers, officials said.",
                "The attack took place the previous night near the border, a police spokesman said.",
            ],
            date(2018, 7, 16), "2018-07-15", None,
        ),
    ],
)
def test_the_day_a_took_place_sentence_gives_dates_the_act(
    app: Sitrep, page: list[str], published: date, day: str, village: str | None
) -> None:
    attack = _the_act(app, page, published)
    assert (attack.date, attack.date_precision) == (day, "day")
    if village is not None:
        assert attack.location is not None and attack.location.name == village


def test_a_dateline_city_the_parse_hangs_on_the_act_is_not_its_place(app: Sitrep) -> None:
    page = [
        "ERBIL (Kurdistan 24) – A local commander of a Kurdish militia was killed in an attack by a "
        "Turkish drone on Tuesday, the group said.",
        "The drone struck his car on the road outside Qamishli in Hasakah province, residents said.",
    ]
    events = [e for e in _events(app, page, date(2023, 4, 12)) if e.plover == "ASSAULT"]
    assert events and all(e.location is not None and e.location.country == "SYR" for e in events)


def test_an_act_told_between_two_days_is_dated_by_the_first(app: Sitrep) -> None:
    page = [
        "Gunmen killed at least eight villagers in raids in northern Benin, officials said on Sunday.",
        "Officials said the killing took place between Friday night and Saturday.",
    ]
    raid = _the_act(app, page, date(2024, 3, 17))
    assert (raid.date, raid.date_precision) == ("2024-03-15", "day")


def test_a_day_that_owns_the_act_after_a_verb_of_saying_dates_the_act(app: Sitrep) -> None:
    page = ["Local officials said Wednesday's air raids killed four people in Kadugli."]
    raids = _the_act(app, page, date(2024, 5, 31))
    assert (raids.date, raids.date_precision) == ("2024-05-29", "day")


def test_damage_a_shell_or_a_strike_did_is_the_attack(app: Sitrep) -> None:
    page = ["Mortar fire destroyed a maternity clinic in Kadugli on Wednesday."]
    raid = _the_act(app, page, date(2024, 5, 31))
    assert raid.date == "2024-05-29" and raid.actor2 is not None


def test_an_act_in_a_report_that_is_denied_is_no_event(app: Sitrep) -> None:
    page = ["The defence ministry dismissed reports that rebel rockets had wrecked a runway near Shusha."]
    plovers = {e.plover for e in _events(app, page, date(2020, 10, 5))}
    assert "REJECT" in plovers and "ASSAULT" not in plovers


def test_an_exchange_of_gunfire_is_a_clash_with_the_side_fired_at(app: Sitrep) -> None:
    page = ["Militiamen exchanged gunfire with border guards near Ruyigi on Sunday."]
    clash = _the_act(app, page, date(2024, 5, 31))
    assert clash.actor1 is not None and clash.actor2 is not None


def test_confrontations_a_raid_set_off_are_fighting_with_the_residents(app: Sitrep) -> None:
    page = ["Soldiers moved into the camp on Monday, sparking confrontations with residents."]
    acts = [e for e in _events(app, page, date(2024, 5, 31)) if e.plover == "ASSAULT"]
    assert acts and any(e.actor2 is not None for e in acts)


def test_a_two_word_town_ending_a_list_of_struck_towns_is_its_own_strike(app: Sitrep) -> None:
    page = ["Russian missiles struck Kharkiv, Sumy and Kryvyi Rih on Monday, officials said."]
    acts = [e for e in _events(app, page, date(2024, 6, 12)) if e.plover == "ASSAULT"]
    assert {e.location.text for e in acts if e.location} >= {"Sumy", "Kryvyi Rih"}


def test_the_day_of_an_according_to_account_does_not_date_the_act(app: Sitrep) -> None:
    page = ["Shelling killed four farmers near the border this week, according to relatives on Friday."]
    shelling = _the_act(app, page, date(2024, 3, 16))
    assert shelling.date_precision == "week"


def test_the_acts_own_town_on_its_noun_is_where_not_who(app: Sitrep) -> None:
    page = ["The Kismayo bombing killed seven people on Tuesday, police said."]
    bombing = _the_act(app, page, date(2024, 3, 27))
    assert bombing.actor1 is None
    assert bombing.location is not None and bombing.location.name == "Kismayo"


def test_a_capital_on_the_acts_noun_elsewhere_is_its_state(app: Sitrep) -> None:
    page = ["Moscow's strikes killed five people in Kharkiv on Tuesday."]
    strike = _the_act(app, page, date(2024, 3, 27))
    assert strike.actor1 is not None and strike.actor1.country == "RUS"


@pytest.mark.parametrize(
    ("page", "published"),
    [
        (["Insurgents raided a district town in the far north on Monday, killing five soldiers.",
          "An army spokesman told reporters in Lilongwe that troops had pushed the attackers back."],
         date(2020, 3, 25)),
        # a city abroad where a statement was made ("said in New York"): never the act's place
        (["Aid groups said at least 15 villagers were killed on Saturday in raids by armed men in "
          "Tillaberi, western Niger.",
          "A UN spokesman said in New York that the raiders had killed the villagers and burned a clinic."],
         date(2022, 6, 9)),
    ],
)
def test_where_a_spokesman_spoke_is_not_where_the_act_was(
    app: Sitrep, page: list[str], published: date
) -> None:
    acts = [e for e in _events(app, page, published) if e.plover == "ASSAULT"]
    spoken = ("Lilongwe", "New York City")
    assert acts and all(e.location is None or e.location.name not in spoken for e in acts)


def test_an_aside_between_auxiliary_and_verb_leaves_the_clause_its_own_subject(app: Sitrep) -> None:
    page = ["A UN spokesman said that the Codeco militia had, according to first reports, “killed at "
            "least 14 villagers and burned dozens of homes” in Djugu territory on Sunday."]
    acts = [e for e in _events(app, page, date(2023, 5, 16)) if e.plover == "ASSAULT"]
    assert acts and all(e.actor1 is not None and e.actor1.kind == "political_militia" for e in acts)


def test_a_place_the_text_names_with_called_is_kept_by_name(app: Sitrep) -> None:
    page = ["Raiders attacked a cattle camp called Wunlam in Jonglei state on Sunday, killing 14 herders."]
    raid = _the_act(app, page, date(2024, 2, 12))
    assert raid.location is not None and raid.location.name == "Wunlam"


def test_an_island_the_text_names_is_the_place(app: Sitrep) -> None:
    page = ["Jihadists attacked a military post on the island of Kaiga Kindjiria in Chad on Sunday."]
    attack = _the_act(app, page, date(2024, 2, 12))
    assert attack.location is not None and attack.location.name == "Kaiga Kindjiria"


def test_someones_home_town_is_not_where_the_act_was(app: Sitrep) -> None:
    page = ["Gunmen abducted nine bus passengers on Sunday, a survivor from his home town in Katsina said."]
    kidnap = _the_act(app, page, date(2024, 5, 10))
    assert kidnap.location is None or kidnap.location.name != "Katsina"


def test_a_toll_counted_in_clashes_between_two_groups_keeps_the_groups_as_the_sides(app: Sitrep) -> None:
    page = ["At least nine people were killed in clashes between ADF rebels and CODECO militiamen near Beni."]
    event = _the_act(app, page, date(2023, 2, 15))
    assert event.actor1 is not None and event.actor1.name == "Allied Democratic Forces"
    assert event.actor2 is not None and event.actor2.name == "CODECO"
    assert event.acled_sub_event_type == "Armed clash" and event.killed == 9


def test_a_fight_whose_subject_names_both_sides_keeps_them_when_bystanders_die(app: Sitrep) -> None:
    page = ["Soldiers and militants exchanged fire in Bannu on Monday, killing two passers-by."]
    event = _the_act(app, page, date(2024, 8, 13))
    assert event.acled_sub_event_type == "Armed clash" and event.killed == 2
    assert event.actor2 is not None and event.actor2.kind == "rebels"


@pytest.mark.parametrize(
    "text",
    [
        "Three people were killed when soldiers and militants clashed in Bannu on Monday.",
        "Three people were killed as troops clashed with militants in Bannu on Monday.",
    ],
)
def test_a_toll_told_before_the_clash_that_caused_it_is_the_clash(app: Sitrep, text: str) -> None:
    event = _the_act(app, [text], date(2024, 8, 13))
    assert event.acled_sub_event_type == "Armed clash" and event.killed == 3
    assert event.actor2 is not None and event.actor2.kind == "rebels"


def test_a_village_named_after_a_lead_in_southern_country_is_the_same_strike(app: Sitrep) -> None:
    # "southern Lebanon" resolves to the South governorate, but the direction spans Nabatieh too
    page = [
        "A drone strike on a motorbike in southern Lebanon killed one man on Tuesday, the ministry said.",
        "The strike hit the motorbike near the village of Kfar Kila, the state news agency reported.",
    ]
    event = _the_act(app, page, date(2025, 5, 14))
    assert event.location is not None and event.location.text == "Kfar Kila"
    assert event.killed == 1


@pytest.mark.parametrize(
    ("second", "day"),
    [
        ("The raid came two days after a car bomb killed five soldiers in Bannu.", date(2024, 3, 16)),
        ("The raid came a day after an ambush in Bannu that killed five soldiers.", date(2024, 3, 17)),
    ],
)
def test_an_act_a_sentence_dates_days_before_the_story_is_dated_that_many_days_earlier(
    app: Sitrep, second: str, day: date
) -> None:
    page = ["Troops raided a militant hideout in Lakki Marwat on Monday, killing four, police said.", second]
    earlier = [e for e in _events(app, page, date(2024, 3, 19)) if e.killed == 5]
    assert [(e.date, e.date_precision) for e in earlier] == [(day.isoformat(), "day")]


def test_a_sentence_opening_with_the_following_day_is_dated_the_day_after_the_act_just_told(
    app: Sitrep,
) -> None:
    page = [
        "Gunmen ambushed a bus near Kayes on 3 September, killing four passengers, officials said.",
        "The following day, gunmen kidnapped six traders near Nioro du Sahel.",
    ]
    days = sorted(e.date for e in _events(app, page, date(2025, 9, 16)) if e.plover == "ASSAULT")
    assert days == ["2025-09-03", "2025-09-04"]


@pytest.mark.parametrize(
    ("page", "published", "side1", "side2"),
    [
        # the parse takes "the army and ADF rebels" for one noun with "army" as its modifier
        (["Heavy fighting erupted on Tuesday between the army and ADF rebels near the town of Beni."],
         date(2023, 2, 15), "Military Forces of Democratic Republic of Congo", "Allied Democratic Forces"),
        (["Armed men belonging to the CODECO militia killed nine villagers in Djugu territory on Sunday."],
         date(2022, 3, 9), "CODECO", None),
        (["Gunmen stormed a hotel in Mogadishu on Thursday, killing six guests, police said.",
          "Al-Shabaab is suspected to be behind the attack, a police officer said."],
         date(2024, 11, 2), "al-Shabaab", None),
    ],
)
def test_a_group_the_page_names_is_the_side_it_describes(
    app: Sitrep, page: list[str], published: date, side1: str, side2: str | None
) -> None:
    event = _the_act(app, page, published)
    assert event.actor1 is not None and event.actor1.name == side1
    if side2 is not None:
        assert event.actor2 is not None and event.actor2.name == side2


def test_a_toll_of_a_years_act_that_names_the_act_is_one_act(app: Sitrep) -> None:
    page = ["Nine policemen were killed near Gao early this year in a jihadist ambush, officials recalled."]
    assert _the_act(app, page, date(2024, 6, 2)).killed == 9


@pytest.mark.parametrize(
    "dateline",
    ["Kayes, 4 June 2024 (dpa/Newsroom) - ", "date 2024-06-04 KAYES, Jun. 4 — ",
     "Kayes, June 4, 2024 (AP) — "],
)
def test_a_dated_dateline_is_cut_before_the_lead_is_read(app: Sitrep, dateline: str) -> None:
    page = [f"{dateline}At least 32 people have been killed in clashes between the army and militants "
            "in Mali, a local official said on Tuesday."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.evidence is not None and event.evidence.text.startswith("At least 32 people")
    assert event.killed == 32
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Mali"


def test_an_act_told_days_earlier_than_the_storys_is_another_act(app: Sitrep) -> None:
    page = [
        "Thirty people were killed in an attack on a mosque in Tillaberi, the government said on Saturday.",
        "Two days earlier, the army said it had killed 40 militants in the region.",
    ]
    tolls = sorted(e.killed or 0 for e in _events(app, page, date(2025, 3, 22)) if e.plover == "ASSAULT")
    assert tolls == [30, 40]


@pytest.mark.parametrize(
    ("toll", "killed", "injured"),
    [("The death toll rose to nine, the governor said.", 9, 3),
     ("The injury toll later rose to eight, the governor said.", 2, 8)],
)
def test_a_toll_told_after_a_missile_strike_is_the_strikes_own(
    app: Sitrep, toll: str, killed: int, injured: int
) -> None:
    page = ["A Russian missile struck Zaporizhzhia on Monday, killing two people and injuring three.", toll]
    event = _the_act(app, page, date(2025, 3, 12))
    assert (event.killed, event.injured) == (killed, injured)


@pytest.mark.parametrize(
    "lead",
    ["Drones struck a fuel depot in Voronezh overnight, the governor said on Monday.",
     "Bandits killed five farmers in Zamfara overnight, police said."],
)
def test_an_act_told_overnight_is_the_night_before_the_report(app: Sitrep, lead: str) -> None:
    event = _the_act(app, [lead], date(2025, 6, 23))
    assert (event.date, event.date_precision) == ("2025-06-22", "day")


@pytest.mark.parametrize(
    "after", ["more than a year after the October 7 attack", "days after the December 20 raid"]
)
def test_an_earlier_act_named_by_its_day_does_not_date_the_story(app: Sitrep, after: str) -> None:
    page = [f"An air strike on a school in Khan Younis killed 20 people, {after}, medics said."]
    event = _the_act(app, page, date(2024, 12, 28))
    assert (event.date, event.date_precision) == ("2024-12-28", "week")  # the report's days, no other


@pytest.mark.parametrize(
    "lead",
    ["Fighters attacked a border post in Kurram on Friday, officials said.",
     "Resistance fighters captured five junta outposts in Sagaing on Friday, the group said."],
)
def test_a_post_or_an_outpost_attacked_is_the_forces_holding_it(app: Sitrep, lead: str) -> None:
    target = _the_act(app, [lead], date(2024, 6, 26)).actor2
    assert target is not None and target.kind == "state_forces"


@pytest.mark.parametrize(
    ("distance", "province"), [("about 30 km", "Borno"), ("some 250 km", None), ("160 miles", None)]
)
def test_a_village_located_far_from_a_town_is_not_given_its_province(
    app: Sitrep, distance: str, province: str | None
) -> None:
    lead = f"Jihadists attacked Wuluba village, {distance} north of Maiduguri, on Friday, killing nine."
    place = _place_of_the_act(app, lead, date(2024, 6, 22))
    assert (place.name, place.country, place.admin1) == ("Wuluba", "NGA", province)


def test_a_hromada_shelled_is_the_town_and_a_clock_zone_is_no_place(app: Sitrep) -> None:
    page = ["Russian troops shelled the Orikhiv community in Zaporizhzhia region at 09:00 Kyiv time on "
            "Monday, killing two civilians, the governor said."]
    place = _place_of_the_act(app, page[0], date(2024, 6, 26))
    assert (place.name, place.admin1) == ("Orikhiv", "Zaporizhzhia")
    page = ["Drones attacked a fuel depot at 03:00 Moscow time on Monday, officials said."]
    place = _the_act(app, page, date(2024, 6, 26)).location
    assert place is None or place.name != "Moscow"


def test_a_village_stormed_is_no_person_hit(app: Sitrep) -> None:
    # "stormed Tudun Bakura": the name is a village the gazetteer lacks, its people the victims
    events = _events(app, [
        "Suspected bandits stormed Tudun Bakura in Zurmi local government area of Zamfara State, Nigeria, "
        "on Sunday night and killed seven residents, police said.",
    ])  # fmt: skip
    attacks = [e for e in events if e.plover == "ASSAULT"]
    assert attacks and attacks[0].actor2 is not None and attacks[0].actor2.kind == "civilians"


@pytest.mark.parametrize(
    "page, village",
    [
        # a place named as the act's site, in apposition
        ("Gunmen killed five villagers in Kaduna State on Monday, police said. Kurmin Masara, the scene "
         "of the attack, lies about 30 km from the state capital.", "Kurmin Masara"),
        # a place the words announce by "known as", in a zone
        ("Gunmen killed 12 people in Oromia region on Wednesday. The incident took place in a location "
         "known as Miriga in Horo Guduru Wollega zone.", "Miriga"),
    ],
)  # fmt: skip
def test_the_site_a_later_sentence_names_is_the_acts(app: Sitrep, page: str, village: str) -> None:
    event = _the_act(app, [page], date(2024, 8, 6))
    assert event.location is not None and event.location.name == village


def test_the_rebels_after_a_named_group_are_that_group(app: Sitrep) -> None:
    events = _events(app, [
        "ADF rebels killed 14 villagers near Beni in North Kivu on Friday, local officials said.",
        "On Saturday the rebels ambushed an army convoy on the road to Eringeti, the army said.",
    ], date(2024, 6, 10))  # fmt: skip
    sides = [e.actor1.name for e in events if e.plover == "ASSAULT" and e.actor1 is not None]
    assert len(sides) == 2 and sides[0] == sides[1] and "Rebels" not in sides[1]


def test_a_village_whose_name_carries_a_capital_village_is_the_place(app: Sitrep) -> None:
    # spaCy takes "Taw Ma Lar Village" for a person; the word "Village" after the name says otherwise
    text = "Two jets dropped bombs on Taw Ma Lar Village in Magway's Gangaw Township on Friday, killing four."
    location = _place_of_the_act(app, text, date(2024, 3, 2))
    assert location.name == "Taw Ma Lar"


@pytest.mark.parametrize(
    "source_sentence, source",
    [
        ("This was reported by the head of the district administration, Petro Ivanenko.", "Petro Ivanenko"),
        ("The regional governor announced this on Telegram.", "The regional governor"),
        ("That's according to the regional prosecutor's office.", "the regional prosecutor's office"),
    ],
)
def test_a_sentence_naming_the_source_of_the_one_before_attributes_it(
    app: Sitrep, source_sentence: str, source: str
) -> None:
    page = ["Artillery shelled the village of Bilozerka on Sunday, wounding a woman. " + source_sentence]
    event = _the_act(app, page, date(2024, 5, 6))
    assert event.attributed_to is not None and source in event.attributed_to
    assert not event.hedged


@pytest.mark.parametrize(
    "sentence",
    [
        "Air defences downed at least seven drones over Mykolaiv Oblast overnight.",
        "Three missiles were intercepted over the Kyiv region overnight, the air force said.",
    ],
)
def test_drones_brought_down_are_a_clash_not_a_strike(app: Sitrep, sentence: str) -> None:
    page = [
        sentence + " Debris fell on a field outside a village, he added.",
        "Schools across the region will open as usual on Monday, the education department said.",
        "Officials urged residents to report any fragments they find to the police.",
    ]
    event = _the_act(app, page, date(2024, 5, 6))
    assert event.acled_sub_event_type == "Armed clash"


def test_a_district_located_from_a_town_is_the_place_not_the_town(app: Sitrep) -> None:
    # "X district, south of Y": Y only says where X lies
    text = "A drone struck an army post in Wadi Sirr district, south of Marib, on Sunday, Yemen's army said."
    assert _place_of_the_act(app, text, date(2024, 1, 15)).name == "Wadi Sirr"


def test_an_arabic_name_with_its_article_in_lower_case_is_kept_as_the_village(app: Sitrep) -> None:
    text = ("Israeli settlers attacked the village of al-Khirba, to the southwest of Hebron, on Monday, "
            "a Palestinian official said.")
    assert _place_of_the_act(app, text, date(2024, 1, 15)).name == "al-Khirba"


def test_a_day_counted_from_or_an_old_picture_does_not_date_an_undated_page(app: Sitrep) -> None:
    page = [
        "File: Troops patrol the camp during an earlier raid, March 2, 2021.",
        "Soldiers raided the Balata camp on Saturday and arrested four men, residents said.",
        "Raids on the camps have grown more frequent since the events of 9 January 2021.",
    ]
    [arrest] = [e for e in app.analyze_text("\n\n".join(page)).events if e.plover == "COERCE"]
    assert arrest.date is None


def test_a_village_given_with_its_region_is_that_regions_not_a_namesake_elsewhere(app: Sitrep) -> None:
    # "Stanislav" is also an old name of Ivano-Frankivsk; the region after the comma says which
    text = "Shelling struck the village of Stanislav, Kherson region, on Sunday, wounding a man."
    location = _place_of_the_act(app, text, date(2024, 6, 3))
    assert (location.name, location.admin1) == ("Stanislav", "Kherson")


def test_a_part_of_the_country_is_not_the_reporters_city(app: Sitrep) -> None:
    page = ["Niamey – Officials said on Sunday that gunmen killed 11 herders in an attack on a camp in the "
            "country's far west earlier this week.",
            "The government has sent reinforcements, a spokesman said."]
    event = _the_act(app, page, date(2024, 6, 3))
    assert event.location is None or event.location.name != "Niamey"


def test_the_town_the_officials_sit_in_is_not_the_acts(app: Sitrep) -> None:
    text = "Officials in Kandahar told the agency that six soldiers were killed in the ambush."
    event = _the_act(app, [text], date(2024, 6, 3))
    assert event.location is None or event.location.name != "Kandahar"


def test_a_national_sports_team_is_no_armed_force(app: Sitrep) -> None:
    text = "The Malian football team, advancing further than ever in qualifying, hopes to host a match."
    actors = [e.actor1 for e in app.analyze_text(text).events if e.actor1 is not None]
    assert not [a for a in actors if a.kind == "state_forces"]


def test_a_locality_given_with_its_territory_is_the_place_not_the_country(app: Sitrep) -> None:
    text = "M23 fighters shelled army positions in Bweza, territory of Rutshuru, on Monday night."
    assert _place_of_the_act(app, text, date(2024, 6, 3)).name != "Democratic Republic of the Congo"


def test_a_toll_said_to_be_likely_to_rise_is_no_threat(app: Sitrep) -> None:
    page = ["Shells struck a market in Omdurman on Sunday, killing nine people, a rescue group said, "
            "warning that the number of dead could climb further."]
    assert "THREATEN" not in [e.plover for e in _events(app, page, date(2024, 6, 3))]


def test_evacuating_people_from_a_house_is_no_withdrawal(app: Sitrep) -> None:
    page = ["Soldiers exchanged fire with gunmen in Culiacan on Saturday.",
            "The soldiers later managed to evacuate four adults and a minor from the house."]
    assert "RETREAT" not in [e.plover for e in _events(app, page, date(2024, 6, 3))]


def test_a_topic_discussed_on_air_is_no_meeting(app: Sitrep) -> None:
    page = ["Protesters marched through Tbilisi on Sunday night, police said.",
            "On a talk show, the commentator also discussed the possibility of early elections."]
    assert "CONSULT" not in [e.plover for e in _events(app, page, date(2024, 6, 3))]


def test_a_year_counted_from_gives_no_year_to_a_day_named_without_one(app: Sitrep) -> None:
    page = ["Drone strikes on a market killed eight civilians in Inadiatafane on October 21, the "
            "rights group said.",
            "The army has fought armed groups in the region since 2012."]
    event = _the_act(app, page, None)  # type: ignore[arg-type]
    assert event.date is None or not event.date.startswith("2012")


def test_fighting_that_has_gone_on_is_a_campaign_not_an_act(app: Sitrep) -> None:
    page = ["Two teachers were shot dead in Tumaco on Monday, the mayor said.",
            "Some former fighters rejected the deal and have continued to battle government troops."]
    acts = [e for e in _events(app, page, date(2024, 6, 3)) if e.plover == "ASSAULT"]
    assert len(acts) == 1 and acts[0].killed == 2
    assert [m.text for m in acts[0].mentions if "continued" in m.text] == []  # no mention of the act


def test_stun_grenades_are_crowd_control_and_a_gold_mine_is_a_place(app: Sitrep) -> None:
    riot = _the_act(app, ["Police threw stun grenades at students marching in Novi Sad on Friday."],
                    date(2024, 6, 3))
    assert riot.mode == "crowd-control"
    mine = _the_act(app, ["Gunmen killed 11 diggers in a raid on the Kamituga gold mine on Friday."],
                    date(2024, 6, 3))
    assert mine.mode != "explosives"


def test_an_allied_force_named_in_passing_is_no_alliance(app: Sitrep) -> None:
    page = ["The paramilitary said it retook Sinja on Friday after fighting the army and allied "
            "armed groups."]
    assert "COOPERATE" not in [e.plover for e in _events(app, page, date(2024, 6, 3))]


def test_a_claim_for_recent_attacks_does_not_claim_this_one(app: Sitrep) -> None:
    page = ["Three mortar shells landed near the port of Kismayo on Tuesday, wounding four people.",
            "Nobody has claimed the shelling, but al-Shabaab has claimed responsibility for recent "
            "attacks in the city."]
    event = _the_act(app, page, date(2024, 6, 3))
    assert event.actor1 is None or "Shabaab" not in event.actor1.name


def test_a_months_count_of_attacks_is_a_tally(app: Sitrep) -> None:
    page = ["A research group said the province saw 64 militant attacks in March that killed 70 people.",
            "It said the number of attacks had grown for a third month."]
    assert [e for e in _events(app, page, date(2024, 6, 3)) if e.plover == "ASSAULT"] == []


def test_the_day_of_an_old_picture_in_brackets_does_not_date_an_undated_page(app: Sitrep) -> None:
    page = ["A drone struck a house in the city on Monday evening, killing six people, witnesses said.",
            "Rescuers search the ruins of a school hit on June 4, 2023 (File photo: local media)"]
    event = _the_act(app, page, None)  # type: ignore[arg-type]
    assert event.date is None


def test_an_act_in_a_list_of_towns_is_one_act_per_town(app: Sitrep) -> None:
    page = ["Militants attacked police posts in Bannu, Lakki Marwat and Tank on Saturday, police said."]
    acts = [e for e in _events(app, page, date(2024, 6, 3)) if e.plover == "ASSAULT"]
    assert len(acts) == 3 and len({e.location.name for e in acts if e.location is not None}) == 3


def test_a_raid_on_two_named_towns_is_two_acts(app: Sitrep) -> None:
    page = ["Israeli forces stormed the city of Jenin and the town of Tubas in the West Bank on Monday."]
    acts = [e for e in _events(app, page, date(2024, 6, 3)) if e.plover == "ASSAULT"]
    assert len(acts) == 2 and len({e.location.name for e in acts if e.location is not None}) == 2


def test_one_name_with_and_a_list_of_countries_or_anothers_clause_are_not_split(app: Sitrep) -> None:
    for text in (
        "Troops killed two militants in Jammu and Kashmir on Monday, the army said.",
        "Sirens sounded in Ashkelon and Sderot on Monday as rockets were fired from Gaza.",
        "Jihadists attacked army posts in Mali and Niger on Monday, officials said.",
    ):
        assert len([e for e in _events(app, [text], date(2024, 6, 3)) if e.plover == "ASSAULT"]) == 1, text


def test_a_countrys_protests_are_its_peoples_not_its_governments(app: Sitrep) -> None:
    page = ["Kenya's protests spread to Mombasa on Tuesday, witnesses said."]
    for event in _events(app, page, date(2024, 6, 3)):
        assert event.actor1 is None or event.actor1.kind != "government"


def test_a_protest_with_its_day_and_place_is_an_event_without_a_named_crowd(app: Sitrep) -> None:
    page = ["Protests erupted in Mombasa on Friday over the new tax, witnesses said."]
    [protest] = [e for e in _events(app, page, date(2024, 6, 3)) if e.plover == "PROTEST"]
    assert protest.location is not None and protest.location.name == "Mombasa"


def test_an_attack_blamed_on_a_group_is_hedged(app: Sitrep) -> None:
    page = ["At least 30 villagers were killed on Sunday in an attack blamed on the Rapid Support Forces "
            "in Gezira state."]
    assert _the_act(app, page, date(2024, 6, 3)).hedged


def test_a_participle_of_saying_is_said_by_its_verbs_subject(app: Sitrep) -> None:
    page = ["The spokesman rejected the charges, stating that the marchers had thrown stones at police in "
            "Quetta on Friday."]
    sources = {e.attributed_to for e in _events(app, page, date(2024, 6, 3)) if e.plover != "REJECT"}
    assert "the charges" not in sources and "The spokesman" in sources


def test_a_subject_cut_off_after_a_headline_is_the_doer_not_the_speaker(app: Sitrep) -> None:
    page = ["Four farmers killed in Kaduna", "Gunmen killed four farmers in Kaduna on Monday, police said."]
    event = _the_act(app, page, date(2024, 6, 3))
    assert event.actor1 is not None and event.actor1.kind != "state_forces"


def test_a_town_named_after_the_word_capital_is_the_place(app: Sitrep) -> None:
    page = ["The paramilitary took control of the state after seizing the capital Wad Madani on Monday."]
    location = _the_act(app, page, date(2024, 6, 3)).location
    assert location is not None and location.precision == 1


def test_a_protest_march_is_not_the_month(app: Sitrep) -> None:
    page = ["Police and opposition supporters clashed in Narayanganj on Saturday, leaving 10 injured.",
            "Members of the local unit held the march as part of the party’s nationwide march scheduled for "
            "Saturday."]
    assert all(e.date is None or "-03" not in e.date for e in _events(app, page, date(2023, 2, 11)))


def test_no_one_held_and_no_force_sent_are_no_acts(app: Sitrep) -> None:
    page = ["Police and party supporters clashed on the highway in Narayanganj on Saturday, leaving ten "
            "injured.",
            "No one was arrested after the clash, and no extra police were deployed to the area."]
    kinds = [e.plover for e in _events(app, page, date(2024, 6, 3))]
    assert "COERCE" not in kinds and "MOBILIZE" not in kinds


def test_a_source_speaking_by_phone_and_ambulances_sent_are_no_acts(app: Sitrep) -> None:
    page = ["A drone struck a car near Srifa on Saturday, wounding the driver, said resident Ali Haidar, "
            "speaking by phone.",
            "Ambulances were dispatched to the scene."]
    kinds = [e.plover for e in _events(app, page, date(2024, 6, 3))]
    assert "CONSULT" not in kinds and "MOBILIZE" not in kinds


def test_what_a_man_is_known_for_is_no_act(app: Sitrep) -> None:
    page = ["Troops killed the bandit leader Kachalla Bello, known for collaborating with other gang "
            "bosses, in Zurmi on Monday."]
    assert "COOPERATE" not in [e.plover for e in _events(app, page, date(2024, 6, 3))]


def test_a_danger_that_threatens_unity_is_no_threat(app: Sitrep) -> None:
    page = ["Study warns of widening conflict",
            "The conflict in the north threatens national unity, the report's authors said on Monday."]
    assert "THREATEN" not in [e.plover for e in _events(app, page, date(2024, 6, 3))]


def test_dozens_of_attacks_and_a_campaigns_toll_so_far_are_tallies(app: Sitrep) -> None:
    page = ["A drone hit a cargo ship off Hodeidah on Thursday, the maritime agency said.",
            "Since November, the rebels have launched dozens of attacks on merchant ships.",
            "In their campaign so far, the rebels have killed at least eight sailors.",
            "The clashes, which began in May, have so far claimed about 160 lives."]
    acts = [e for e in _events(app, page, date(2024, 6, 3)) if e.plover == "ASSAULT"]
    assert len(acts) == 1 and acts[0].killed is None


def test_a_backer_named_in_a_participle_is_no_act_of_support(app: Sitrep) -> None:
    page = ["Airstrikes hit Saada on Monday, killing six people, residents said.",
            "The coalition entered the war in March 2015, backed by Western powers."]
    assert "SUPPORT" not in [e.plover for e in _events(app, page, date(2024, 6, 3))]


def test_a_standing_charge_its_denial_and_a_designation_are_no_acts(app: Sitrep) -> None:
    page = ["A drone killed two fighters near Qamishli on Friday, a monitor said.",
            "Ankara accuses the militia of being an offshoot of the PKK, designated a terrorist group by "
            "Turkey. The militia denies the charge."]
    kinds = [e.plover for e in _events(app, page, date(2024, 6, 3))]
    assert not {"ACCUSE", "REJECT", "SANCTION"} & set(kinds)


def test_a_sites_date_bar_above_its_breadcrumb_does_not_date_the_story(app: Sitrep) -> None:
    text = ("Monday, July 8, 2024\nHomeNewsMilitia repels attack on district town\n\n"
            "Militia repels attack on district town\n\n"
            "Gunmen attacked the district town on Tuesday, killing three guards, the administrator said.")
    [event] = [e for e in app.analyze_text(text).events if e.plover == "ASSAULT"]
    assert event.date is None


def test_a_withdrawal_a_truce_requires_and_a_ceasefire_broken_are_no_acts(app: Sitrep) -> None:
    page = ["Israeli strikes killed two people in the Bekaa on Thursday, in the latest violations of the "
            "ceasefire that began in November.",
            "Israel has kept troops at five hilltops despite the truce requiring their full withdrawal."]
    kinds = [e.plover for e in _events(app, page, date(2024, 6, 3))]
    assert "RETREAT" not in kinds and "AGREE" not in kinds


def test_a_killing_dated_by_an_old_deal_is_a_killing(app: Sitrep) -> None:
    page = ["Gunmen shot dead two community leaders in Cauca on Monday, the ombudsman said.",
            "Two more were killed in Tumaco on Tuesday, seven years after the signing of the peace "
            "agreement between the government and the FARC."]
    kinds = [e.plover for e in _events(app, page, date(2024, 6, 3))]
    assert kinds.count("ASSAULT") == 2 and "AGREE" not in kinds


def test_a_day_written_with_an_ordinal_before_its_month_is_that_day(app: Sitrep) -> None:
    page = ["On 3rd August 2023, armed bandits attacked a base near Isa in Sokoto, the army said."]
    event = _the_act(app, page, date(2023, 8, 4))
    assert (event.date, event.date_precision) == ("2023-08-03", "day")


def test_an_act_that_began_a_war_counted_since_its_year_is_no_act(app: Sitrep) -> None:
    page = ["Airstrikes killed six people in Saada on Monday, residents said.",
            "The country has been at war since 2014, when the rebels captured the capital."]
    acts = [e for e in _events(app, page, date(2024, 6, 3)) if e.plover == "ASSAULT"]
    assert len(acts) == 1 and acts[0].killed == 6


def test_a_weekday_before_a_day_in_figures_or_with_its_part_of_day_dates_an_undated_page() -> None:
    from sitrep.resolve.dates import reference_date

    today = date(2026, 1, 1)
    figures = "Thursday, 01/05/2023\n\nTroops exchanged fire on Thursday."
    assert reference_date(figures, today) == date(2023, 1, 5)
    assert reference_date("Friday, 05/01/2023\n\nTroops exchanged fire.", today) is None  # neither fits
    text = "The blast went off on Monday afternoon, September 2, outside the prosecutor's office."
    assert reference_date(text, today) == date(2024, 9, 2)


def test_market_demand_an_interview_a_clinic_and_troops_stationed_are_no_acts(app: Sitrep) -> None:
    page = ["Gunmen shot four fishermen near Ilala on Thursday, residents said; the wounded were evacuated "
            "to the health centre.",
            "The village lies 13km from where troops are stationed.",
            "The mayor spoke to a local radio station from the town.",
            "With global gas demand projected to grow, the investors are wary."]
    kinds = [e.plover for e in _events(app, page, date(2024, 6, 3))]
    assert kinds == ["ASSAULT"]


def test_refusing_to_surrender_in_a_shootout_is_no_rejection(app: Sitrep) -> None:
    page = ["Police killed a gunman in Burshi on Tuesday after the suspect refused to surrender and opened "
            "fire on officers."]
    assert "REJECT" not in [e.plover for e in _events(app, page, date(2024, 6, 3))]


def test_a_market_attacked_keeps_its_attackers_and_names_its_town(app: Sitrep) -> None:
    page = ["Bandits kill six in Zamfara",
            "Gunmen attacked Gusau market on Sunday, killing six traders, police said."]
    event = _the_act(app, page, date(2024, 6, 3))
    assert event.actor1 is not None and event.actor1.kind == "political_militia"
    assert event.location is not None and event.location.name == "Gusau"


def test_a_passive_split_by_its_day_has_the_victims_as_its_target(app: Sitrep) -> None:
    page = ["Three pupils were on Tuesday kidnapped from a school in Runka, Katsina State, police said."]
    event = _the_act(app, page, date(2024, 6, 5))
    assert event.actor1 is None or event.actor1.kind != "civilians"
    assert event.actor2 is not None and event.actor2.kind == "civilians"


def test_a_toll_told_across_a_country_gives_way_to_each_citys_own(app: Sitrep) -> None:
    page = ["Russian strikes killed nine civilians across Ukraine on Monday, officials said.",
            "In Kharkiv, a missile hit an apartment block, killing four people.",
            "Five people died in Odesa when a drone struck a port warehouse."]
    tolls = {e.location.name: e.killed for e in _events(app, page, date(2024, 6, 3))
             if e.plover == "ASSAULT" and e.location is not None}
    assert tolls.get("Kharkiv") == 4


def test_acts_inside_a_sentence_counting_since_a_date_are_a_tally(app: Sitrep) -> None:
    page = ["Since March 2019, the district around Oicha has turned into the target of rebel raids that "
            "have left over 300 residents dead."]
    assert [e for e in _events(app, page, date(2016, 9, 23)) if e.plover == "ASSAULT"] == []


def test_an_offshoot_named_after_its_parent_is_the_actor(app: Sitrep) -> None:
    page = ["Fighters from Boko Haram's splinter group, Islamic State West Africa Province (ISWAP), raided "
            "an army base in Gamboru on Sunday night, residents said."]
    event = _the_act(app, page, date(2024, 6, 3))
    assert event.actor1 is not None and event.actor1.name == "Islamic State West Africa Province"
    page = ["Fighters of an al-Qaeda affiliate, al-Shabaab, stormed a police station in Jilib on Sunday."]
    event = _the_act(app, page, date(2024, 6, 3))
    assert event.actor1 is not None and event.actor1.name == "al-Shabaab"


def test_acts_told_in_the_simple_present_with_no_day_are_a_habit(app: Sitrep) -> None:
    page = ["Herders have fled the district. The gangs roam the forests of Zamfara, and they kill villagers "
            "with impunity. Bandits burn granaries and steal cattle every week."]
    assert [e for e in _events(app, page, date(2024, 6, 3)) if e.plover == "ASSAULT"] == []
    page = ["Gunmen kill five in Kano on Monday, police said."]  # a day of its own: one act
    assert len([e for e in _events(app, page, date(2024, 6, 3)) if e.plover == "ASSAULT"]) == 1


def test_tolls_told_as_nouns_and_left_injured_are_counted(app: Sitrep) -> None:
    page = ["Militants stormed a police checkpoint outside Kalat on Sunday night, resulting in the martyrdom "
            "of one constable and leaving two guards injured."]
    event = _the_act(app, page, date(2024, 6, 3))
    assert (event.killed, event.injured) == (1, 2)
    page = ["The ambush on the convoy near Tera on Monday resulted in injuries to 11 soldiers."]
    assert _the_act(app, page, date(2024, 6, 3)).injured == 11


def test_a_year_naming_a_past_war_does_not_date_an_undated_page() -> None:
    from sitrep.extract.register import latest_year

    text = "Settlers attacked the village on April 12. The land was seized in the 1967 war."
    assert latest_year(text, 2026, counted_from=False) is None
    text = "Quotas favour veterans of the 1971 war of independence. Protests began in 2024."
    assert latest_year(text, 2026, counted_from=False) == 2024



def test_a_group_named_first_on_the_line_after_the_headline_is_the_actor(app: Sitrep) -> None:
    page = ["M23 advance on Goma", "M23 rebels seized the town of Kiwanja on Monday, residents said."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.actor1 is not None and event.actor1.name == "M23"


def test_the_paramilitary_force_named_before_is_the_group_accused(app: Sitrep) -> None:
    page = ["The Rapid Support Forces shelled El Fasher on Monday, killing nine people, medics said.",
            "The paramilitary force also attacked a market in Nyala on Tuesday."]
    events = [e for e in _events(app, page, date(2024, 6, 5)) if e.plover == "ASSAULT"]
    assert all(e.actor1 is not None and e.actor1.name == "Rapid Support Forces" for e in events)


def test_a_dateline_in_brackets_is_neither_the_source_nor_the_place(app: Sitrep) -> None:
    page = ["Israel and Hezbollah trade fire",
            "(Beirut) Hezbollah announced Friday the death of three of its members in Israeli raids on "
            "southern Lebanon."]
    event = _the_act(app, page, date(2024, 6, 6))
    assert event.attributed_to == "Hezbollah"
    assert event.location is not None and event.location.name != "Beirut"


def test_one_toll_retold_in_a_quote_with_other_means_is_one_act(app: Sitrep) -> None:
    page = ["At least 14 civilians were killed and 19 wounded in Kadugli on Thursday after shelling by the "
            "Rapid Support Forces, a medical group said.",
            "\"The militia's rockets and drones killed 14 civilians and wounded 19 in Kadugli,\" the group "
            "said in a statement."]
    [event] = [e for e in _events(app, page, date(2024, 6, 7)) if e.plover == "ASSAULT"]
    assert (event.killed, event.injured) == (14, 19)
    assert event.actor1 is not None and event.actor1.name == "Rapid Support Forces"


def test_an_attack_ruled_out_or_yet_to_be_denied_is_no_act(app: Sitrep) -> None:
    page = ["A drone dropped explosives on a militia base in Amirli on Friday, wounding two fighters.",
            "Washington denied any role, ruling out a US raid on the camp.",
            "The militia has yet to confirm or deny the raid on its positions near the town."]
    events = _events(app, page, date(2024, 6, 8))
    assert [e.plover for e in events].count("ASSAULT") == 1
    denials = [e for e in events if e.plover == "REJECT" and e.evidence is not None]
    assert all("yet to" not in e.evidence.text for e in denials)


def test_the_deadliest_ambush_since_a_year_is_one_act_and_a_years_attacks_are_not(app: Sitrep) -> None:
    page = ["In the deadliest raid by rebels since 2015, 19 police officers died near Dantewada on Friday."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.killed == 19 and event.actor1 is not None
    page = ["The group carried out large-scale attacks in the county last year, officials said."]
    assert [e for e in _events(app, page, date(2024, 6, 4)) if e.plover == "ASSAULT"] == []


def test_a_capacity_or_its_lack_is_no_act(app: Sitrep) -> None:
    page = ["A roadside bomb killed two soldiers near Dibis on Saturday, the army said.",
            "Officials said the group is still capable of launching attacks on army posts between Kirkuk "
            "and Tikrit.",
            "Several districts lack security cooperation between Erbil and Baghdad."]
    events = _events(app, page, date(2024, 6, 3))
    assert [e.plover for e in events] == ["ASSAULT"] and len(events[0].mentions) == 1


@pytest.mark.parametrize(
    "text",
    [
        "There are reports that fighters seized the market district of Suwayda on Monday.",
        "Reports emerged of a farmer being kidnapped near Suwayda on Monday.",
        "Several of the bodies found near Tarhuna in June appear to be farmers who were shot, police said.",
    ],
)
def test_reports_no_one_is_named_for_and_what_only_seems_so_are_hedged(app: Sitrep, text: str) -> None:
    acts = [e for e in _events(app, [text], date(2024, 6, 4)) if e.plover == "ASSAULT"]
    assert acts and all(e.hedged for e in acts)


def test_an_ousted_regimes_remnants_are_a_militia_not_the_state(app: Sitrep) -> None:
    page = ["Regime remnants ambushed a security patrol near Jableh in Latakia on Thursday, killing one "
            "member of the security forces, the interior ministry said."]
    event = _the_act(app, page, date(2025, 3, 8))
    assert event.actor1 is not None and event.actor1.kind == "political_militia"


def test_a_town_named_alone_is_the_one_in_the_province_the_page_owns_it_to(app: Sitrep) -> None:
    page = ["A Maoist was killed in an encounter with security forces in Chhattisgarh's Bijapur district on "
            "Monday.",
            "In a separate incident, Maoists shot dead a villager in Bijapur on Tuesday, police said."]
    acts = [e for e in _events(app, page, date(2024, 6, 5)) if e.plover == "ASSAULT"]
    assert acts and all(e.location is not None and e.location.admin1 == "Chhattisgarh" for e in acts)


def test_threats_someone_does_not_have_are_none(app: Sitrep) -> None:
    page = ["\"At the moment we do not have any specific threats against the county,\" the commissioner "
            "said on Monday."]
    assert [e.plover for e in _events(app, page, date(2024, 6, 3))] == []


def test_a_toll_told_of_the_incident_is_the_toll_of_the_act_before(app: Sitrep) -> None:
    page = ["Armed men stopped a bus and abducted dozens of passengers near Ali Doro on Tuesday, residents "
            "said.",
            "One passenger was shot dead during the incident, a local official said."]
    [event] = [e for e in _events(app, page, date(2024, 6, 6)) if e.plover == "ASSAULT"]
    assert event.killed == 1


def test_a_number_of_attacks_the_speaker_launched_are_his(app: Sitrep) -> None:
    page = ["Hezbollah said it had mounted a number of attacks on army outposts along the frontier on "
            "Thursday."]
    event = _the_act(app, page, date(2024, 6, 7))
    assert event.actor1 is not None and event.actor1.name == "Hezbollah"


def test_attacks_launched_as_a_habit_are_no_act(app: Sitrep) -> None:
    page = ["Gunmen killed two soldiers in Kunar on Monday, officials said.",
            "Analysts say the border hills offer havens from which militants launch raids on army posts.",
            "The group continues to launch attacks on foreign-linked interests."]
    acts = [e for e in _events(app, page, date(2024, 6, 4)) if e.plover == "ASSAULT"]
    assert len(acts) == 1 and acts[0].killed == 2
    assert len(acts[0].mentions) == 1  # the habits tell no act, nor a mention of this one


def test_asking_for_people_and_a_deal_struck_are_no_acts(app: Sitrep) -> None:
    page = ["Gunmen shot dead five villagers in Currulao on Monday, the mayor said.",
            "Residents said the gunmen were asking for men who had left the armed group.",
            "The killings came despite the peace deal struck between the government and the rebels last "
            "year."]
    events = _events(app, page, date(2024, 6, 4))
    assert [e.plover for e in events] == ["ASSAULT"]
    assert events[0].actor1 is not None and events[0].actor1.kind == "political_militia"


def test_the_wounded_evacuated_for_care_are_no_retreat_nor_displaced(app: Sitrep) -> None:
    page = ["Insurgents killed eleven soldiers at an army post near Tongomayel on Friday, the army said.",
            "Some twenty wounded were evacuated and treated.",
            "Four others were evacuated by comrades to a clinic in Djibo."]
    events = _events(app, page, date(2024, 6, 8))
    assert [e.plover for e in events] == ["ASSAULT"]
    assert events[0].displaced is None


def test_a_candidate_shot_dead_is_a_civilian_attacked(app: Sitrep) -> None:
    page = ["A fellow candidate was gunned down in Zitacuaro on Thursday."]
    event = _the_act(app, page, date(2024, 6, 7))
    assert event.actor2 is not None and event.actor2.kind == "civilians"
    assert event.acled_sub_event_type == "Attack"


def test_a_town_put_in_a_named_province_of_another_country_is_there(app: Sitrep) -> None:
    # Colombia has a municipality called Páez; the province named after the comma is Venezuela's
    page = ["Two soldiers died on Sunday in fighting with guerrillas near Páez, Apure state, the governor "
            "said."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.location is not None
    assert (event.location.name, event.location.admin1, event.location.country) == ("Páez", "Apure", "VEN")


def test_a_name_a_who_clause_describes_is_a_person_not_a_town(app: Sitrep) -> None:
    page = ["Ibarra, who was walking home from work, was shot in the leg on Friday night."]
    event = _the_act(app, page, date(2024, 6, 8))
    assert event.location is None or event.location.name != "Ibarra"


def test_a_rebel_group_cited_for_its_own_act_is_a_hedged_claim(app: Sitrep) -> None:
    page = ["Al-Shabaab said its fighters killed four soldiers in an ambush near Afgoye on Tuesday."]
    event = _the_act(app, page, date(2024, 6, 5))
    assert event.hedged is True
    army = ["The army said its troops killed four militants near Afgoye on Tuesday."]
    assert _the_act(app, army, date(2024, 6, 5)).hedged is False


def test_a_warning_of_what_may_come_is_no_threat(app: Sitrep) -> None:
    act = "A drone struck a fuel depot in Kremenchuk on Monday, the governor said."
    page = [act, "The regional governor warned of possible missile strikes on the city overnight.",
            "The nurses' union warned at the end of last month of a fast-shrinking hospital staff."]
    assert [e.plover for e in _events(app, page, date(2024, 6, 4))] == ["ASSAULT"]
    answer = [act, "The defence minister warned of a painful response if the depots were attacked again."]
    assert sorted(e.plover for e in _events(app, answer, date(2024, 6, 4))) == ["ASSAULT", "THREATEN"]


def test_acts_named_as_examples_of_a_kind_are_no_acts(app: Sitrep) -> None:
    act = "Gunmen shot dead two traders in Kidal on Sunday, a local official said."
    page = [act, "Episodes such as the raid on the customs office and the looting of the port depot show how "
            "fragile the town's security is."]
    assert len(_events(app, page, date(2024, 6, 4))) == 1
    dated = [act, "The group has at times kept silent on attacks that drew outrage, such as a 2015 bombing "
             "of a bus station in Gao."]
    assert len(_events(app, dated, date(2024, 6, 4))) == 2


def test_figures_of_speech_and_hosting_the_displaced_are_no_acts(app: Sitrep) -> None:
    page = ["The war began after tensions exploded between the two generals in the spring of 2023.",
            "The eastern province is hosting a large portion of the displaced population."]
    assert [e.plover for e in _events(app, page, date(2024, 6, 4))] == []


def test_falling_debris_is_no_actor(app: Sitrep) -> None:
    page = ["Air defences shot down twelve drones over the capital overnight, the mayor said.",
            "Debris from the drones fell on a parking lot in the Podilskyi district."]
    events = _events(app, page, date(2024, 6, 4))
    assert all(e.actor1 is None or e.actor1.name != "Debris" for e in events)


def test_a_national_red_crescent_is_not_the_red_cross(app: Sitrep) -> None:
    page = ["Israeli troops detained an ambulance crew of the Palestinian Red Crescent near Jenin on Monday."]
    [event] = _events(app, page, date(2024, 6, 4))
    assert event.actor2 is not None and event.actor2.name == "Palestine Red Crescent Society"


def test_lower_is_not_its_upper_namesake(app: Sitrep) -> None:
    page = ["Militants attacked a police checkpoint in Lower Dir on Tuesday night, killing one constable."]
    event = _the_act(app, page, date(2024, 6, 5))
    assert event.location is not None and event.location.name == "Lower Dir"
    assert event.location.admin1 == "Khyber Pakhtunkhwa"


def test_a_wave_total_joins_none_of_its_attacks_beside_an_operation(app: Sitrep) -> None:
    page = ["Six policemen were killed and nine wounded in a wave of night attacks across Khyber "
            "Pakhtunkhwa.",
            "The attacks hit police posts in Bannu, Kohat and Lakki Marwat late on Tuesday.",
            "Police said two constables were killed and four hurt in Kohat when gunmen fired on a post.",
            "In Bannu's Domel area, another policeman was killed in a gun battle.",
            "In Lakki Marwat, three policemen died and one was wounded in two separate attacks on "
            "checkposts.",
            "Police repulsed several attacks and launched search operations."]
    acts = [e for e in _events(app, page, date(2024, 6, 5)) if e.plover == "ASSAULT"]
    assert sorted((e.killed, e.injured) for e in acts) == [(1, None), (2, 4), (3, 1)]


def test_an_act_a_group_claimed_is_hedged_unless_no_one_claimed_it(app: Sitrep) -> None:
    act = "A bomb tore through a market in Kunduz on Friday, killing 14 people, police said."
    claim = "The Islamic State group claimed responsibility for the attack."
    assert _the_act(app, [act, claim], date(2024, 6, 8)).hedged is True
    none = "No group has yet claimed responsibility for the attack."
    assert _the_act(app, [act, none], date(2024, 6, 8)).hedged is False


def test_an_attack_that_claimed_lives_is_no_claim(app: Sitrep) -> None:
    page = ["An ambush claimed the lives of four soldiers near Palmyra on Friday, a military source said."]
    assert _the_act(app, page, date(2024, 6, 8)).hedged is False


def test_a_line_opened_by_a_number_and_a_name_is_one_sentence(app: Sitrep) -> None:
    page = ["Strike on border town", "Three Hezbollah fighters were killed in a drone strike near Bint Jbeil "
            "on Friday."]
    assert _the_act(app, page, date(2024, 6, 8)).killed == 3



def test_rangers_and_security_operatives_are_a_states_forces(app: Sitrep) -> None:
    page = ["Two paramilitary rangers were wounded when a roadside bomb exploded in Rueso on Monday."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.actor2 is not None and event.actor2.kind == "state_forces"
    clash = ["Security operatives exchanged fire with the kidnappers near Kachia on Tuesday."]
    act = _the_act(app, clash, date(2024, 6, 5))
    assert act.actor1 is not None and act.actor1.kind == "state_forces"


def test_insisting_that_something_was_so_is_no_demand(app: Sitrep) -> None:
    act = "A drone struck a wedding party in Kheret on Sunday, killing 30 people, residents said."
    page = [act, "Villagers insisted that only civilians had been at the celebration."]
    assert [e.plover for e in _events(app, page, date(2024, 6, 4))] == ["ASSAULT"]
    demand = [act, "The elders insisted that the army must pay compensation to the families."]
    assert sorted(e.plover for e in _events(app, demand, date(2024, 6, 4))) == ["ASSAULT", "REQUEST"]


def test_a_match_won_by_a_score_is_no_beating(app: Sitrep) -> None:
    page = ["Thousands filled the stadium on Friday night.",
            "The home side beat the visitors 2-1 after extra time."]
    assert [e.plover for e in _events(app, page, date(2024, 6, 8))] == []


def test_the_capital_named_by_its_countrys_adjective_is_that_city(app: Sitrep) -> None:
    page = ["Police fired tear gas at protesters in the centre of the Kenyan capital on Tuesday."]
    [event] = _events(app, page, date(2024, 6, 5))
    assert event.location is not None and event.location.name == "Nairobi"
    region = ["Gunmen killed a police officer on Monday in the capital of Russia's southern Dagestan region, "
              "Makhachkala, officials said."]
    act = _the_act(app, region, date(2024, 6, 5))
    assert act.location is None or act.location.name != "Moscow"


def test_a_list_marker_glued_to_a_link_is_furniture(app: Sitrep) -> None:
    page = ["Gunmen shot dead two police officers at a checkpoint in Grozny on Monday, officials said.",
            "Recommended Stories",
            "list of 3 itemsEU imposes sanctions on regional leaders over crackdown",
            "Football club celebrates anniversary",
            "The attackers were killed in an exchange of fire, the regional leader said."]
    assert "SANCTION" not in [e.plover for e in _events(app, page, date(2024, 6, 5))]


def test_begging_the_question_is_no_request(app: Sitrep) -> None:
    page = ["Militias blockaded the oil terminal at Zueitina on Monday, officials said.",
            "This begs the question as to who really controls the port."]
    assert "REQUEST" not in [e.plover for e in _events(app, page, date(2024, 6, 5))]


def test_one_more_dead_bringing_the_toll_to_a_total_gives_the_total(app: Sitrep) -> None:
    page = ["Gunmen attacked a militia post in Kaya on Friday, killing five volunteers, an official said.",
            "A passer-by was also killed in the attack, bringing the death toll to six."]
    assert _the_act(app, page, date(2024, 6, 9)).killed == 6
    tally = ["Two farmers were shot dead in Tame on Sunday, raising the tally to 40 murdered this year."]
    assert _the_act(app, tally, date(2024, 6, 9)).killed == 2


def test_condemning_the_killing_of_victims_accuses_no_victim(app: Sitrep) -> None:
    page = ["The bishop condemned the killing of three farmers in Benue on Monday."]
    [event] = [e for e in _events(app, page, date(2024, 6, 4)) if e.plover == "ACCUSE"]
    assert event.actor2 is None or event.actor2.kind != "civilians"
    named = ["The bishop blamed army air strikes for the deaths of three farmers."]
    [blamed] = [e for e in _events(app, named, date(2024, 6, 4)) if e.plover == "ACCUSE"]
    assert blamed.actor2 is not None and blamed.actor2.kind == "state_forces"


def test_a_government_accused_by_its_seat_is_not_where_the_act_was(app: Sitrep) -> None:
    page = ["Kyiv accused Moscow of shelling the power plant overnight."]
    events = _events(app, page, date(2024, 6, 4))
    assert events and all(e.location is None or e.location.name != "Moscow" for e in events)


def test_herders_and_farmers_clashing_are_two_communal_militias(app: Sitrep) -> None:
    page = ["At least 12 people were killed on Sunday in clashes between herders and farmers near Mongo, "
            "the governor said."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.acled_sub_event_type == "Armed clash"
    assert event.actor2 is not None and event.actor2.kind == "identity_militia"
    raid = ["Herders attacked farmers near Mongo on Sunday, killing five."]
    attack = _the_act(app, raid, date(2024, 6, 4))
    assert attack.actor2 is not None and attack.actor2.kind == "civilians"


def test_a_plan_named_as_a_title_is_no_agreement(app: Sitrep) -> None:
    page = ["A rocket was fired from Gaza at Sderot on Friday night, the army said.",
            "The launch came amid anger over the unveiling of the 'Deal of the Decade.'"]
    assert [e.plover for e in _events(app, page, date(2024, 6, 4))] == ["ASSAULT"]
    signed = ["The two sides signed a peace deal in Doha on Saturday."]
    assert [e.plover for e in _events(app, signed, date(2024, 6, 4))] == ["AGREE"]


def test_a_joint_operation_of_no_named_party_is_no_cooperation(app: Sitrep) -> None:
    page = ["Five militants were killed after they attacked a police convoy near Kohlu on Saturday, the CTD "
            "said.",
            "The joint operation was conducted in the hills east of the town."]
    assert [e.plover for e in _events(app, page, date(2024, 6, 4))] == ["ASSAULT"]


@pytest.mark.parametrize(
    "headline",
    [
        "Eleven passengers killed in Chad market bus attack on Sunday",
        "Twenty worshippers killed in Kabul mosque bombing on Sunday",
        "Nine worshippers killed in Niger church attack on Sunday",
    ],
)
def test_a_place_named_before_an_attack_word_is_where_not_who(app: Sitrep, headline: str) -> None:
    event = _the_act(app, [headline + ".", "No group has said it carried out the attack."], date(2024, 6, 4))
    assert event.actor1 is None or event.actor1.kind != "state_forces"
    assert event.location is not None


def test_a_country_named_before_a_strike_is_the_striker(app: Sitrep) -> None:
    page = ["Russia strike kills five in Kharkiv on Sunday."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.actor1 is not None and event.actor1.country == "RUS"


def test_a_toll_counted_in_violence_told_from_its_outbreak_is_a_tally(app: Sitrep) -> None:
    page = ["Gunmen shot dead two farmers near Lamka on Sunday, police said.",
            "At least 190 people have been killed and 50,000 displaced in the ethnic violence which broke "
            "out in May last year.",
            "An estimated 300,000 people have been killed."]
    [event] = _events(app, page, date(2024, 6, 4))
    assert event.killed == 2
    day = ["At least six people have been killed and 20 wounded in clashes that broke out in Lamka on "
           "Sunday."]
    assert _the_act(app, day, date(2024, 6, 4)).killed == 6


def test_an_act_told_days_earlier_as_a_separate_one_is_its_own(app: Sitrep) -> None:
    page = ["Gunmen stormed a village near Tawila on Monday, killing six, residents said.",
            "Only days earlier, a separate drone attack struck a mosque in the town, killing 12.",
            "The army denied any role in the strike."]
    acts = [e for e in _events(app, page, date(2024, 6, 4)) if e.plover == "ASSAULT"]
    assert sorted(e.killed or 0 for e in acts) == [6, 12]


def test_a_toll_spelled_out_before_the_next_sentence_is_still_counted(app: Sitrep) -> None:
    # the tagger may run "six. Hours" into one time entity
    page = ["Gunmen stormed a village near Tawila on Monday, killing six. Hours later, police arrived in "
            "the village, residents said."]
    assert _the_act(app, page, date(2024, 6, 4)).killed == 6


@pytest.mark.parametrize(
    ("line", "doer", "source"),
    [
        ("Addis Abeba - Residents of Ambo said soldiers shot dead four people on Monday.", "soldiers",
         "Residents of Ambo"),
        ("Maiduguri--Troops of the army's Sector 1 have killed 12 insurgents in Bula Dalo, the army said "
         "on Monday.", "Troops of the army's Sector 1", "the army"),
    ],
)
def test_a_dateline_in_capitalised_words_is_no_party(app: Sitrep, line: str, doer: str, source: str) -> None:
    event = _the_act(app, [line], date(2024, 6, 4))
    assert event.actor1 is not None and event.actor1.text == doer
    assert event.attributed_to == source


@pytest.mark.parametrize(
    "line",
    [
        "Four soldiers were on Tuesday killed in an ambush near Tamu, the army said.",
        "Four armed men were on Tuesday killed in a gunfight with security forces near Tamu, the army said.",
    ],
)
def test_a_passive_split_by_its_day_keeps_its_toll(app: Sitrep, line: str) -> None:
    event = _the_act(app, [line], date(2024, 6, 4))
    assert event.killed == 4
    assert event.actor2 is not None


@pytest.mark.parametrize(
    "aside",
    [
        "The new governor took office without the rebels' agreement.",
        "The drone came without warning.",
        "Cobalt from the area is in high demand by battery makers.",
        "The government announced a halt to the strikes on the town.",
    ],
)
def test_an_act_named_as_lacking_or_stopped_is_not_told(app: Sitrep, aside: str) -> None:
    assert _plovers_beside_a_killing(app, aside) == ["ASSAULT"]


_A_KILLING = "Gunmen killed four villagers near Bunia on Monday, a local official said."


def _plovers_beside_a_killing(app: Sitrep, aside: str) -> list[str]:
    """The types of the events of a page telling a killing, then the aside."""
    return [e.plover for e in _events(app, [_A_KILLING, aside], date(2024, 6, 4))]


def test_men_from_a_named_group_are_the_group(app: Sitrep) -> None:
    page = ["Armed men from the 3R group attacked the village of Ndanga on Wednesday night, killing seven, "
            "a police official said."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.actor1 is not None and event.actor1.name == "Return, Reclamation and Rehabilitation (3R)"
    from_a_town = ["Gunmen from Bocaranga attacked the village of Ndanga on Wednesday night, killing seven."]
    doer = _the_act(app, from_a_town, date(2024, 6, 4)).actor1
    assert doer is not None and doer.kind != "rebels"


def test_a_coalitions_member_group_is_named_as_itself(app: Sitrep) -> None:
    page = ["UPC fighters attacked a UN base in Bambari on Sunday, killing a peacekeeper, the mission said."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.actor1 is not None and event.actor1.name == "Union for Peace in the Central African Republic"


def test_people_killed_when_a_base_was_attacked_are_its_forces_and_a_speakers_city_is_not_the_place(
    app: Sitrep,
) -> None:
    page = ["At least 10 people were killed on Friday when al-Shabaab fighters attacked a military base, a "
            "senior security official in Mogadishu told dpa."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.actor2 is not None and event.actor2.kind == "state_forces"
    assert event.location is None or event.location.name != "Mogadishu"


def test_an_ambush_launched_by_a_group_is_the_groups(app: Sitrep) -> None:
    page = ["Five soldiers were killed in an ambush launched by ISWAP near Damboa on Sunday, a military "
            "source said."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.actor1 is not None and event.actor1.name == "Islamic State West Africa Province"


@pytest.mark.parametrize(
    "aside",
    [
        "Five aid agencies temporarily suspended their operations in the district.",
        "Russia launched a wave of attacks on Ukraine overnight, deploying 40 drones and six missiles.",
        "Medecins Sans Frontieres said it was suspending its operations in the town.",
    ],
)
def test_an_agency_pausing_its_work_or_drones_in_an_attack_move_no_forces(app: Sitrep, aside: str) -> None:
    plovers = _plovers_beside_a_killing(app, aside)
    assert "MOBILIZE" not in plovers and "SANCTION" not in plovers and "RETREAT" not in plovers
    rebels = "The rebels suspended their operations in the district on Tuesday."
    assert "RETREAT" in _plovers_beside_a_killing(app, rebels)


def test_a_dateline_before_a_colon_is_no_party(app: Sitrep) -> None:
    page = ["Abu Dhabi: Unknown gunmen shot dead three women activists in Basra on Sunday, security sources "
            "said."]
    event = _the_act(app, page, date(2024, 6, 4))
    assert event.actor1 is not None and event.actor1.kind == "political_militia"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Soldiers shot dead eight cattle rustlers in Kubebe on Friday, the army said.", "identity_militia"),
        ("Three armed Palestinians were killed in an Israeli raid on Jenin on Thursday, the army said.",
         "political_militia"),
    ],
)
def test_raiders_and_armed_men_killed_are_no_civilians(app: Sitrep, line: str, kind: str) -> None:
    event = _the_act(app, [line], date(2024, 6, 4))
    assert event.actor2 is not None and event.actor2.kind == kind


def test_money_wiped_out_is_no_assault(app: Sitrep) -> None:
    page = ["Gunmen killed four villagers near Bunia on Monday, a local official said.",
            "The local currency lost most of its value last year, wiping out savings."]
    assert [e.plover for e in _events(app, page, date(2024, 6, 4))] == ["ASSAULT"]


def test_what_reports_suggest_is_hedged(app: Sitrep) -> None:
    page = ["Reports suggest that gunmen abducted six women from a village near Bunia on Tuesday."]
    assert _the_act(app, page, date(2024, 6, 4)).hedged


def test_an_act_said_not_to_be_the_first_is_not_told(app: Sitrep) -> None:
    page = ["Gunmen killed four villagers near Bunia on Monday, a local official said.",
            "It was not the first time that the village had come under attack."]
    events = _events(app, page, date(2024, 6, 4))
    assert [e.plover for e in events] == ["ASSAULT"]
    assert all("first time" not in m.text for e in events for m in e.mentions)


def test_the_day_and_place_a_later_sentence_says_the_violence_took_place(app: Sitrep) -> None:
    page = ["At least 40 vigilantes have been killed in a clash with bandits in northwest Nigeria, a "
            "security source said.",
            "Police said the violence took place on Monday in the Zuru area of Kebbi State."]
    event = _the_act(app, page, date(2022, 3, 9))
    assert event.date == "2022-03-07" and event.date_precision == "day"
    shootings = ["Gunmen shot dead eight workers at a remote village in Papua, police said.",
                 "The shootings took place on March 2 in Beoga, police said on March 4."]
    act = _the_act(app, shootings, date(2022, 3, 9))
    assert act.date == "2022-03-02"
    assert act.location is not None and act.location.name == "Beoga"


def test_a_capital_named_in_apposition_with_an_accent_is_the_place(app: Sitrep) -> None:
    page = ["Thousands of opposition supporters marched through the streets of the capital, Lomé, on "
            "Wednesday, organisers said."]
    [event] = _events(app, page, date(2024, 6, 4))
    assert event.location is not None and event.location.name == "Lome"


@pytest.mark.parametrize(
    "text",
    [
        "Junta detains three journalists\n\nApril 9, 2025\n\nSoldiers detained three journalists in "
        "Ouagadougou on Monday, their colleagues said.",
        "Junta detains three journalists\n\nApril 9, 2025Soldiers detained three journalists in "
        "Ouagadougou on Monday, their colleagues said.",
    ],
)
def test_a_pages_own_date_near_its_top_dates_its_story(app: Sitrep, text: str) -> None:
    [event] = app.analyze_text(text).events
    assert event.published == "2025-04-09"
    assert event.date == "2025-04-07"


@pytest.mark.parametrize(
    "stamp",
    [
        "Sat, 12 Apr 2025 09:14:02 +0200",
        "Source: Staff Published: 2025/04/12 21:33:41",
        "in Africa by April 12, 2025",
        "2 12.04.2025 News",
    ],
)
def test_a_pages_own_date_in_any_common_shape_dates_its_story(app: Sitrep, stamp: str) -> None:
    story = "Soldiers detained three reporters in Ouagadougou on Thursday."
    text = f"Junta detains three journalists\n\n{stamp}\n\n{story}"
    [event] = app.analyze_text(text).events
    assert event.published == "2025-04-12"
    assert event.date == "2025-04-10"
