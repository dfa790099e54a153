"""Shapes of unseen real pages (session fifteen's readers), rewritten in our own words: where an act
was (a province named with "department", a town with its province after a comma, a later
"took place" sentence, an outlet's name, a governor's province), when (a day put on the act later, a
vote's day, a day told before "police said") and who (a group claiming the act, bracketed initials,
fire from a country, gunmen a clash is aimed at, "IS" the parser took for a verb, the side an act is
blamed on). Session twenty-two adds the shapes of readers FI to FN: villages before their unit noun,
sites with a compass word, mounts and borders, acts that go on, similar and earlier acts, a clause of
the act before, glued page dates and datelines with a day, single border guards and armed men,
diseases and day tallies, documents as sources and accounts the outlet could not verify."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.app import Sitrep
from sitrep.models import Event


@pytest.fixture(scope="module")
def app() -> Sitrep:
    return Sitrep()


def _the_act(app: Sitrep, text: str, published: date = date(2022, 3, 10)) -> Event:
    [event] = [e for e in app.analyze_text(text, published=published).events if e.plover == "ASSAULT"]
    return event


def test_a_department_named_like_its_capital_is_the_department(app: Sitrep) -> None:
    event = _the_act(app, "Guerrillas ambushed a patrol in the Arauca department on Friday, killing four.")
    assert event.location is not None
    assert (event.location.admin1, event.location.precision) == ("Arauca", 3)


def test_a_town_given_with_its_province_after_a_comma_is_looked_up_there(app: Sitrep) -> None:
    event = _the_act(app, "Armed men shot dead a farmer in El Penol, Antioquia, late on Monday.")
    assert event.location is not None
    assert event.location.admin1 == "Antioquia"


def test_the_acts_day_told_before_police_said_dates_the_act(app: Sitrep) -> None:
    event = _the_act(app, "Armed men shot dead a teacher in Popayan, Cauca, on Tuesday, police said.")
    assert (event.date, event.date_precision) == ("2022-03-08", "day")


def test_a_day_on_the_saying_still_dates_the_saying(app: Sitrep) -> None:
    event = _the_act(app, "Armed men shot dead a teacher in Popayan, police said on Tuesday.")
    assert event.date != "2022-03-08"


def test_a_group_claiming_the_attack_names_the_side_the_lead_describes(app: Sitrep) -> None:
    text = (
        "Insurgents killed nine soldiers in a raid on a base in Borno state on Monday, the army said. "
        "ISWAP claimed responsibility for the raid."
    )
    event = _the_act(app, text, date(2021, 5, 26))
    assert event.actor1 is not None
    assert event.actor1.name == "Islamic State West Africa Province"


@pytest.mark.parametrize(
    ("told", "day"),
    [
        ("The March 5 ambush was the deadliest on the army this year.", "2023-03-05"),
        ("Saturday's ambush was the third in the province this month.", "2023-03-04"),
        ("The ambush was launched on Saturday, a local chief said.", "2023-03-04"),
    ],
)
def test_a_later_sentence_putting_a_day_on_the_act_dates_the_lead(app: Sitrep, told: str, day: str) -> None:
    lead = "Jihadists killed 31 soldiers in an ambush in eastern Burkina Faso, the army said."
    event = _the_act(app, f"{lead} {told}", date(2023, 3, 8))
    assert (event.date, event.date_precision) == (day, "day")


def test_rockets_fired_from_a_country_are_of_its_side_not_its_army(app: Sitrep) -> None:
    text = "About 30 rockets were fired from Lebanon at Safed on Sunday, the Israeli army said."
    event = _the_act(app, text, date(2024, 6, 3))
    assert event.actor1 is not None
    assert event.actor1.country == "LBN"
    assert event.actor1.kind is None and not event.actor1.name.startswith("Military Forces")


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The Arakhan Army (AA) seized the town of Paletwa on Sunday.", "Arakan Army"),
        ("Fighters of the Tang National Liberation Army (TNLA) raided a post near Lashio on Sunday.",
         "Ta'ang National Liberation Army"),
    ],
)
def test_a_misspelt_group_is_the_one_its_bracketed_initials_name(app: Sitrep, text: str, group: str) -> None:
    event = _the_act(app, text, date(2024, 1, 16))
    assert event.actor1 is not None
    assert event.actor1.name == group


def test_air_support_in_a_battle_is_no_statement_of_support(app: Sitrep) -> None:
    text = "Troops fought rebels near Jolo on Monday. Helicopters provided close air support to the troops."
    events = app.analyze_text(text, published=date(2018, 5, 8)).events
    assert "SUPPORT" not in [e.plover for e in events]


def test_gunmen_a_force_clashed_with_are_the_other_side(app: Sitrep) -> None:
    event = _the_act(app, "Marines clashed with Abu Sayyaf gunmen near Talipao on Friday.", date(2019, 3, 4))
    assert event.actor2 is not None
    assert event.actor2.name == "Abu Sayyaf"


def test_the_day_of_a_coming_vote_is_not_the_acts_day(app: Sitrep) -> None:
    text = "A council candidate was shot dead in Uruapan ahead of the July 1 elections, prosecutors said."
    event = _the_act(app, text, date(2018, 6, 20))
    assert event.date is not None and event.date.startswith("2018-06")


@pytest.mark.parametrize(
    ("text", "published", "where"),
    [
        # a province named where the act occurred refines the lead's country
        ("Six officers were killed when their vehicle hit a roadside bomb in eastern Kenya on Friday. "
         "The attack occurred between Kalomadi and Durubaye in Garissa county, police said.",
         date(2017, 5, 26), (None, "Garissa", "KEN")),
        # a spot the gazetteer lacks refines the lead's province, kept by name inside it
        ("Gunmen ambushed a passenger bus in Balochistan on Tuesday, killing four, officials said.\n\n"
         "The attack took place in the Dasht area of Mastung district, a police officer said.",
         date(2025, 3, 12), ("Dasht", "Balochistan", "PAK")),
        # a mount after its abbreviation refines the lead's region, which a describing adjective and a
        # border tail leave named
        ("Militants killed four members of Tunisia's national guard in the mountainous Kasserine region "
         "near the border with Algeria, the ministry said. The attack took place near Mt. Chaambi, in a "
         "national park.", date(2015, 2, 18), ("Mt. Chaambi", "Kasserine", "TUN")),
    ],
)
def test_where_a_later_sentence_says_the_act_took_place_refines_the_leads_place(
    app: Sitrep, text: str, published: date, where: tuple[str | None, str, str]
) -> None:
    event = _the_act(app, text, published)
    assert event.location is not None
    shown = event.location.text if where[0] is not None else None
    assert (shown, event.location.admin1, event.location.country) == where


def test_a_took_place_sentence_beats_the_reporters_city_when_the_lead_names_no_town(app: Sitrep) -> None:
    text = (
        "NIAMEY, Niger - Gunmen ambushed an army patrol on its way to a border post, killing 17 "
        "soldiers, the defence ministry said on Wednesday.\n\n"
        "The ambush took place near Banibangou, close to the Malian border."
    )
    event = _the_act(app, text, date(2020, 5, 20))
    assert event.location is not None and event.location.name != "Niamey"


def test_a_place_in_an_outlets_name_is_not_the_stories_place(app: Sitrep) -> None:
    text = "Two shepherds were shot dead by Israeli troops, Al Quds Today reported."
    event = _the_act(app, text, date(2021, 3, 2))
    assert event.location is None or event.location.name != "Jerusalem"


def test_is_as_the_groups_initials_is_the_attacker_not_a_passive(app: Sitrep) -> None:
    text = "IS militants stormed a checkpoint near Kirkuk on Sunday, killing three."
    event = _the_act(app, text, date(2024, 6, 10))
    assert event.actor1 is not None
    assert event.actor1.name == "Islamic State"


def test_the_province_a_governor_speaks_for_places_an_act_the_sentence_leaves_unplaced(app: Sitrep) -> None:
    text = "A Russian drone attack wounded four people overnight, Sumy Oblast Governor Ivan Petrenko said."
    event = _the_act(app, text, date(2024, 6, 10))
    assert event.location is not None
    assert (event.location.country, event.location.admin1) == ("UKR", "Sumy")


@pytest.mark.parametrize(
    "text",
    ["The governor blamed the massacre on Boko Haram.",
     "The mission blamed the ambush on Boko Haram fighters."],
)
def test_the_side_an_act_is_blamed_on_is_the_accused(app: Sitrep, text: str) -> None:
    [event] = [e for e in app.analyze_text(text, published=date(2021, 1, 18)).events if e.plover == "ACCUSE"]
    assert event.actor2 is not None
    assert event.actor2.name == "Boko Haram"


def test_a_site_the_gazetteer_lacks_is_kept_in_the_country_its_sentence_names(app: Sitrep) -> None:
    # the page names the United States first; the base is in the country the sentence gives
    page = (
        "US strikes killed four militiamen last month, the Pentagon said.\n\n"
        "Two rockets hit the Ain al-Asad air base in western Iraq on Monday, officials said."
    )
    events = app.analyze_text(page, published=date(2024, 2, 5)).events
    [event] = [e for e in events if e.evidence is not None and "rockets" in e.evidence.text]
    assert event.location is not None and event.location.country == "IRQ"


def test_a_page_on_nigerias_niger_state_is_about_nigeria(app: Sitrep) -> None:
    page = "Bandits attacked Allawa village in Shiroro LGA of Niger State on Sunday, killing five."
    event = _the_act(app, page)
    assert event.location is not None and event.location.country == "NGA"
    assert event.actor1 is not None and event.actor1.country == "NGA"


def test_a_dateline_with_its_agency_in_brackets_is_the_reporters_city_and_an_advance_is_where_it_goes(
    app: Sitrep,
) -> None:
    # the page names the United States, which has a small Cairo of its own
    page = (
        "CAIRO, (Reuters) – Israeli tanks pushed deeper into Rafah in southern Gaza on Tuesday, killing "
        "five people, as US officials urged restraint.\n\n"
        "Israel and the United States agreed to hold talks, officials said."
    )
    events = app.analyze_text(page, published=date(2024, 5, 15)).events
    [advance] = [e for e in events if e.plover == "ASSAULT"]
    assert advance.location is not None and advance.location.name == "Rafah"
    cairo = [e.location.country for e in events if e.location is not None and e.location.name == "Cairo"]
    assert set(cairo) <= {"EGY"}


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed nine people in Nangade village in Palma district, in northern Mozambique on Friday.",
        "Gunmen killed nine people in Nangade village, in Palma district, in northern Mozambique on Friday.",
    ],
)
def test_a_village_named_in_its_district_is_the_village_not_the_district(app: Sitrep, text: str) -> None:
    event = _the_act(app, text, date(2020, 7, 2))
    assert event.location is not None
    assert (event.location.name, event.location.admin1) == ("Nangade", "Cabo Delgado")


def test_a_village_shares_its_name_with_one_in_the_province_the_article_names(app: Sitrep) -> None:
    text = (
        "Russian artillery hit the Zaporizhzhia region on Sunday, the governor said.\n\n"
        "A tractor driver was wounded by shelling near Pavlivka, the governor added."
    )
    events = [e for e in app.analyze_text(text, published=date(2024, 3, 18)).events if e.plover == "ASSAULT"]
    assert events and all(e.location is not None and e.location.admin1 == "Zaporizhzhia" for e in events)


def test_a_spanish_name_joined_by_el_or_de_la_is_read_whole(app: Sitrep) -> None:
    text = (
        "Maria Lopez, a candidate for mayor of Apaseo el Alto, a town in central Guanajuato state, "
        "was shot dead on Friday, prosecutors said."
    )
    event = _the_act(app, text, date(2018, 5, 11))
    assert event.location is not None and event.location.name == "Apaseo el Alto"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "Fighting has spread in Cameroon's Northwest region. Separatists ambushed two soldiers on "
            "Tuesday night in Bambui locality of the region, killing both, an official said.",
            ("Bambui", "CMR"),
        ),
        (
            "Junta jets bombed Moe Tarr Lay village of Katha township in Sagaing region on Tuesday, "
            "killing seven civilians.",
            ("Moe Tarr Lay", "MMR"),
        ),
        (
            "Insurgents killed seven villagers on Sunday in Mozogo subdivision of Mayo Tsanaga "
            "division of the Far North region of Cameroon.",
            ("Mozogo", "CMR"),
        ),
    ],
)
def test_a_village_named_before_its_unit_noun_is_the_village_not_a_namesake_abroad(
    app: Sitrep, text: str, where: tuple[str, str]
) -> None:
    event = _the_act(app, text, date(2024, 5, 17))
    assert event.location is not None
    assert (event.location.name, event.location.country) == where


def test_a_compass_word_opening_a_sites_name_stays_in_the_name(app: Sitrep) -> None:
    text = (
        "Sudanese soldiers attacked protesters in the capital on Monday. They shot live bullets into "
        "East Nile Hospital, wounding three patients."
    )
    events = app.analyze_text(text, published=date(2019, 6, 4)).events
    names = [e.location.name for e in events if e.location is not None]
    assert "East Nile Hospital" in names
    assert "Nile Hospital" not in names


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("Despite the army's efforts, attacks have continued around the mountain near Kasserine.", 0),
        ("Fighting has continued to rage in the region.", 0),
        ("Clashes continued on Tuesday in Tripoli, killing four.", 1),
    ],
)
def test_acts_of_a_kind_said_to_go_on_with_no_day_are_no_act(app: Sitrep, text: str, acts: int) -> None:
    events = app.analyze_text(text, published=date(2015, 2, 18)).events
    assert len([e for e in events if e.plover == "ASSAULT"]) == acts


@pytest.mark.parametrize(
    "other",
    [
        "Similar attacks have previously occurred, including on July 23 when four policemen were killed.",
        "In an earlier attack on July 23, four policemen were killed while on patrol.",
    ],
)
def test_an_act_told_as_a_similar_or_earlier_one_is_not_the_storys_act(app: Sitrep, other: str) -> None:
    text = (
        "At least 11 police officers were killed in an attack on a police station in the town of Rask, "
        "an official told state television on Friday. " + other
    )
    events = [e for e in app.analyze_text(text, published=date(2023, 12, 15)).events if e.plover == "ASSAULT"]
    assert sorted(e.killed for e in events) == [4, 11]
    assert next(e for e in events if e.killed == 11).date != "2023-07-23"


def test_a_place_in_the_clause_of_the_act_before_is_not_the_acts_place(app: Sitrep) -> None:
    text = (
        "Egyptian jets attacked Derna on Friday, hours after gunmen stopped a bus on its way to a "
        "monastery in the Egyptian province of Minya and opened fire, killing 29."
    )
    strikes = [e for e in app.analyze_text(text, published=date(2017, 5, 27)).events if e.actor1 is not None
               and e.actor1.country == "EGY" and e.actor1.kind == "state_forces"]
    assert strikes and all(e.location is not None and e.location.country == "LBY" for e in strikes)


@pytest.mark.parametrize("victim", ["a Tajik border guard", "a Tajik gendarme"])
def test_a_single_border_guard_or_gendarme_is_of_the_states_forces(app: Sitrep, victim: str) -> None:
    event = _the_act(app, f"Kyrgyz troops killed {victim} near the border on Monday.", date(2022, 6, 14))
    assert event.actor2 is not None
    assert (event.actor2.country, event.actor2.kind) == ("TJK", "state_forces")


@pytest.mark.parametrize(
    ("text", "side", "kind"),
    [
        ("Soldiers killed a bandit in Zamfara on Monday.", "actor2", "political_militia"),
        ("A militiaman shot dead a trader in Benue on Monday.", "actor1", "political_militia"),
        ("Gunmen shot dead a serviceman in Donetsk on Monday.", "actor2", "state_forces"),
    ],
)
def test_one_armed_man_named_by_his_role_is_of_his_side(app: Sitrep, text: str, side: str, kind: str) -> None:
    actor = getattr(_the_act(app, text, date(2022, 6, 14)), side)
    assert actor is not None and actor.kind == kind


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # the day in the act's own clause beats the day opening the sentence of its claim
        ("On Sunday, a rebel group claimed responsibility for an attack that left 20 people dead on "
         "Friday night in Gatumba.", date(2023, 12, 25), "2023-12-22"),
        # a page's date glued to the lead is the page's, not the act's
        ("Camp attacked in Darfur\nApril 12, 2025Paramilitary forces attacked a camp for displaced people "
         "in Darfur on Friday, killing 25 people, a local committee said.", date(2025, 4, 11), "2025-04-11"),
        ("Camp attacked in Darfur\n12 April 2025Paramilitary forces attacked a camp for displaced people "
         "in Darfur on Friday, killing 25 people, a local committee said.", date(2025, 4, 11), "2025-04-11"),
    ],
)
def test_the_acts_day_is_its_own_not_a_day_told_beside_it(
    app: Sitrep, text: str, published: date, day: str
) -> None:
    event = _the_act(app, text, published)
    assert (event.date, event.date_precision) == (day, "day")


def test_a_disease_or_a_days_tally_is_no_act_and_no_toll(app: Sitrep) -> None:
    text = (
        "Police fired tear gas at protesters in Belgrade on Friday. Data published on Friday showed 18 "
        "people died in the previous 24 hours in Serbia. The pandemic has killed 370 people in Serbia."
    )
    events = [e for e in app.analyze_text(text, published=date(2020, 7, 11)).events if e.plover == "ASSAULT"]
    assert len(events) == 1
    assert events[0].killed is None


def test_a_seizure_and_arrests_told_in_one_sentence_are_two_acts(app: Sitrep) -> None:
    text = "Gunmen attacked the office, seized its assets and detained dozens of staff in Tripoli on Tuesday."
    events = app.analyze_text(text, published=date(2018, 8, 7)).events
    kinds = {e.acled_sub_event_type for e in events if e.plover == "COERCE"}
    assert {"Looting/property destruction", "Arrests"} <= kinds


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Security forces killed five protesters in Moundou on Thursday, a government statement read.",
         "a government statement"),
        ("Sources indicate that rebels attacked an army post in Zouar on Sunday.", "Sources"),
    ],
)
def test_a_statement_that_reads_or_sources_that_indicate_are_the_source(
    app: Sitrep, text: str, source: str
) -> None:
    assert _the_act(app, text, date(2022, 10, 21)).attributed_to == source


def test_someone_reading_a_statement_is_no_source_of_the_act(app: Sitrep) -> None:
    text = "He read the statement after soldiers shot dead two protesters in Kano on Monday."
    assert _the_act(app, text, date(2022, 10, 21)).attributed_to is None


def test_an_account_the_outlet_could_not_verify_stays_hedged_when_retold(app: Sitrep) -> None:
    text = (
        "According to a witness and local media, which the agency could not independently verify, jets "
        "bombed a ceremony in Moe Tarr Lay village on Wednesday. Seven villagers were killed and five "
        "injured, according to the witness and media."
    )
    event = _the_act(app, text, date(2023, 5, 18))
    assert event.hedged is True


def test_a_dateline_with_its_day_and_no_dash_is_no_part_of_the_lead(app: Sitrep) -> None:
    text = (
        "Khartoum, Oct 7 At least seven people were killed when security forces opened fire on "
        "protesters in Omdurman on Sunday, witnesses said."
    )
    event = _the_act(app, text, date(2019, 10, 7))
    assert event.location is not None
    assert (event.location.name, event.date, event.killed) == ("Omdurman", "2019-10-06", 7)


@pytest.mark.parametrize(
    "text",
    [
        "Security forces on Saturday again met protests against the coup with lethal force, killing seven.",
        "The army met the marchers with live fire in Mandalay on Saturday, killing seven.",
    ],
)
def test_protests_met_with_force_are_no_meeting(app: Sitrep, text: str) -> None:
    events = app.analyze_text(text, published=date(2021, 3, 13)).events
    assert "CONSULT" not in {e.plover for e in events}
    assert "ASSAULT" in {e.plover for e in events}


@pytest.mark.parametrize("gunmen", ["four of the gunmen", "two of the attackers"])
def test_some_of_the_gunmen_killed_are_the_other_side_not_civilians(app: Sitrep, gunmen: str) -> None:
    event = _the_act(app, f"Police killed {gunmen} in Makhachkala on Sunday.", date(2024, 6, 24))
    assert event.actor2 is not None and event.actor2.kind == "political_militia"


@pytest.mark.parametrize(
    ("text", "published", "group"),
    [
        ("Taliban gunmen stormed an army school in Peshawar on Tuesday, killing 132 children.",
         date(2014, 12, 16), "Tehrik-i-Taliban Pakistan"),
        ("Taliban fighters attacked Kunduz on Monday, killing nine policemen.", date(2015, 9, 29), "Taliban"),
    ],
)
def test_the_taliban_in_pakistan_are_the_ttp(app: Sitrep, text: str, published: date, group: str) -> None:
    event = _the_act(app, text, published)
    assert event.actor1 is not None and event.actor1.name == group


def test_the_one_whose_arrest_it_was_is_held_not_the_holder(app: Sitrep) -> None:
    text = "Amini died in custody three days after her arrest by the morality police in Tehran."
    [arrest] = [e for e in app.analyze_text(text, published=date(2022, 9, 20)).events if e.plover == "COERCE"]
    assert arrest.actor1 is not None and arrest.actor1.kind == "state_forces"
    assert arrest.actor2 is not None and arrest.actor2.name == "Amini"


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded in the centre of Grozny on Thursday.",
        "A car bomb exploded on the outskirts of Grozny on Thursday.",
        "The Moscow-based National Security Committee said gunmen attacked a police post in the centre of "
        "Grozny on Thursday.",
    ],
)
def test_a_town_a_part_of_which_is_named_is_the_place_and_a_seat_is_none(app: Sitrep, text: str) -> None:
    event = _the_act(app, text)
    assert event.location is not None and event.location.name == "Grozny"


@pytest.mark.parametrize(
    "lead",
    [
        "A soldier was killed when troops of the two countries fired at each other in their disputed border "
        "area on Wednesday, officials said.",
        "Two soldiers were killed on the front line overnight, the army said.",
    ],
)
def test_an_act_at_the_border_or_the_front_is_not_in_the_reporters_city(app: Sitrep, lead: str) -> None:
    event = _the_act(app, f"HANOI (AP) — {lead}", date(2024, 5, 15))
    assert event.location is None or event.location.name != "Hanoi"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Militants attacked a post in the Mir Ali area of North Waziristan district on Sunday.", "Mir Ali"),
        ("Gunmen ambushed a convoy in the Bagan area of Lower Kurram on Sunday.", "Bagan"),
    ],
)
def test_an_area_named_inside_a_district_is_kept_by_name_there(app: Sitrep, text: str, name: str) -> None:
    event = _the_act(app, text)
    assert event.location is not None
    assert (event.location.name, event.location.country, event.location.precision) == (name, "PAK", 2)


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("Israeli warplanes carried out strikes in the Lebanese capital on Monday, killing six.", "Beirut"),
        ("Russian drones struck the Ukrainian capital overnight, injuring four people.", "Kyiv"),
    ],
)
def test_a_countrys_capital_named_by_its_adjective_is_that_capital(
    app: Sitrep, text: str, capital: str
) -> None:
    event = _the_act(app, text)
    assert event.location is not None and event.location.name == capital


@pytest.mark.parametrize("day", ["Easter Sunday", "Christmas Eve", "Eid al-Adha"])
def test_a_feast_day_is_no_place(app: Sitrep, day: str) -> None:
    event = _the_act(app, f"Bombers killed 40 worshippers at churches in Sri Lanka on {day}.")
    assert event.location is not None and event.location.name == "Sri Lanka"



@pytest.mark.parametrize(("text", "doer"), [
    ("Five civilians were killed in Russian shelling in the Kharkiv region on Thursday.", "RUS"),
    ("Three villagers were wounded in heavy Pakistani firing on Thursday, officials said.", "PAK"),
])
def test_a_peoples_adjective_the_parse_hung_on_in_is_the_doer_of_the_act_after_it(
    app: Sitrep, text: str, doer: str
) -> None:
    event = _the_act(app, text)
    assert event.actor1 is not None and (event.actor1.country, event.actor1.kind) == (doer, "state_forces")


def test_an_unplaced_strike_lands_in_the_other_country_the_article_names(app: Sitrep) -> None:
    text = ("A Turkish drone struck a car on Thursday, killing two fighters, Turkish officials said. "
            "Turkey's defence ministry said the fighters were members of a Syrian militia.")
    event = _the_act(app, text)
    assert event.location is not None and event.location.country == "SYR"


def test_a_fight_between_a_bare_noun_and_a_modified_one_has_both_sides(app: Sitrep) -> None:
    event = _the_act(app, "A gunfight broke out between militants and security forces in Shopian on Tuesday.")
    assert event.actor1 is not None and event.actor2 is not None
    assert {event.actor1.kind, event.actor2.kind} == {"rebels", "state_forces"}


def test_a_capital_denouncing_the_strikes_is_its_government_not_the_strikes_place(app: Sitrep) -> None:
    text = ("Israeli strikes hit army positions in southern Syria on Tuesday, killing six soldiers. "
            "Damascus denounced the Israeli attacks, reporting the deaths of soldiers and civilians.")
    event = _the_act(app, text)
    assert event.location is not None and event.location.name != "Damascus"


def test_an_operation_whose_own_verb_tells_its_toll_is_an_act_of_force(app: Sitrep) -> None:
    text = ("A police operation in a slum of the capital on Friday left two officers dead and eight wounded, "
            "authorities said.")
    events = [e for e in app.analyze_text(text, published=date(2022, 3, 10)).events]
    assert [(e.plover, e.killed, e.injured) for e in events] == [("ASSAULT", 2, 8)]
