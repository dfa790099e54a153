"""The places a sentence names: villages the gazetteer lacks, sites in their towns, reference towns."""

from __future__ import annotations

import pytest

from sitrep.resolve.places import Gazetteer
from sitrep.resolve.scene_cues import lead_dateline
from sitrep.resolve.sentence_places import candidates, main_place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.shared()


def _names(text: str) -> list[tuple[str, str]]:
    return [(span.text, kind) for span, kind in candidates(text, 0, None)]


def test_words_that_call_a_name_a_place_make_it_a_candidate() -> None:
    assert ("Tindirma", "feature") in _names("Gunmen raided Tindirma, a village of cattle herders, at night.")
    assert ("Kourou", "feature") in _names("The shooting took place in Kourou late on Sunday.")
    assert ("Lakole", "feature") in _names("Soldiers at the Lakole military camp came under fire.")
    assert ("Dorovka", "feature") in _names("Shells fell on the population centre of Dorovka.")
    assert ("Kilo Seven in Mogadishu", "feature") in _names(
        "A bomb hit the Kilo Seven checkpoint in Mogadishu."
    )
    assert ("Wajiri, Kenya", "qualified") in _names("He was behind a raid in Wajiri, Kenya, last year.")
    # "a town official" is a person, not a place
    assert not any(kind == "feature" for _, kind in _names("Ahmed Musa, a town official, said so."))


def test_a_village_the_gazetteer_lacks_is_the_articles_main_place_over_a_nearby_town(gazetteer) -> None:
    text = (
        "Gunmen killed 12 people on Friday in an attack on Tindirma, a village of herders in central Mali.\n"
        "The mayor of the nearby town of Bankass said homes in Tindirma were burnt."
    )
    place = main_place(text, None, gazetteer, ["MLI"], None)
    assert place is not None and place.name == "Tindirma" and place.country == "MLI"


def test_a_dateline_left_in_the_text_is_read_as_the_reporters_place(gazetteer) -> None:
    assert lead_dateline("Raipur: Ten soldiers died in an ambush on Monday.", gazetteer, ["IND"]) == "Raipur"
    assert (
        lead_dateline(
            "date 2020-01-02 Bamako - Gunmen attacked an army post near the border on Monday.",
            gazetteer,
            ["MLI"],
        )
        == "Bamako"
    )
    assert lead_dateline("Soldiers killed: what we know so far\nMore text.", gazetteer, ["MLI"]) is None
    # a wire byline line ("agency | city | Updated: ...") names the reporter's city too
    byline = "Gunmen kill two guards\nIANS | Quetta | Updated: 02-03-2024 10:15 IST\nGunmen killed two."
    assert lead_dateline(byline, gazetteer, ["PAK"]) == "Quetta"


def test_a_dateline_naming_the_united_nations_places_its_measures_at_its_headquarters() -> None:
    from datetime import date

    from sitrep.app import Sitrep

    text = (
        "UNITED NATIONS: The Security Council imposed an arms embargo on South Sudan on Friday after "
        "months of talks.\n\nNine members voted for the resolution."
    )
    events = Sitrep().analyze_text(text, published=date(2018, 7, 14)).events
    embargo = next(e for e in events if e.plover == "SANCTION")
    assert embargo.location is not None
    assert (embargo.location.name, embargo.location.admin1) == ("United Nations Headquarters", "New York")
    # with no dateline, no seat is made up
    bare = Sitrep().analyze_text(text.split(": ", 1)[1], published=date(2018, 7, 14)).events
    sanction = next(e for e in bare if e.plover == "SANCTION")
    assert sanction.location is None or sanction.location.name != "United Nations Headquarters"


def test_a_units_name_is_no_place() -> None:
    from datetime import date

    from sitrep.app import Sitrep

    text = (
        "Rockets hit a bus at a checkpoint near Volnovakha on Tuesday, killing 12 passengers.\n\n"
        "A border guard officer and a volunteer of the Kyiv 2 battalion were also injured by the rocket."
    )
    events = [e for e in Sitrep().analyze_text(text, published=date(2015, 1, 14)).events
              if e.plover == "ASSAULT"]
    assert len(events) == 1  # the wounded of the same strike, not a strike in Kyiv
    assert events[0].location is not None and events[0].location.name != "Kyiv"


def test_an_outlet_or_a_government_by_its_seat_is_not_the_storys_place(gazetteer) -> None:
    from sitrep.parse import load_model
    from sitrep.settings import Settings

    nlp = load_model(Settings().spacy_model)
    text = (
        "The Washington Post\n\n"
        "Gunmen attacked the village of Tindirma, a village near Mopti, on Sunday.\n\n"
        "Washington said it would withdraw its troops after the talks. Washington said so twice."
    )
    place = main_place(text, nlp(text), gazetteer, ["MLI", "USA"], None)
    assert place is not None and place.name == "Tindirma"


def test_a_part_of_a_town_is_coded_to_the_town_and_never_preferred_to_it(gazetteer) -> None:
    kinds = dict(_names("Gunmen attacked the neighbourhood of Tabarre Issa in Croix-des-Bouquets."))
    assert kinds.get("Tabarre Issa") == "part"
    district = gazetteer.resolve_in_article("the Kasika district of Goma", ["COD"])
    assert district is not None and district.name == "Goma"


def test_a_post_on_social_media_is_no_military_post() -> None:
    assert not any(
        kind == "feature" for _, kind in _names("The envoy said in a Twitter post that dozens died.")
    )
    assert ("Kadugli", "feature") in _names("Rebels overran the Kadugli army post at dawn.")


def test_the_town_of_a_name_known_only_abroad_is_a_town_of_the_story(gazetteer) -> None:
    from sitrep.resolve.actors import ActorDictionary
    from sitrep.resolve.sentence_places import _resolve

    is_actor = ActorDictionary.shared().names_someone
    place = _resolve("Nasir", "feature", gazetteer, ["SSD"], is_actor)  # "the river town of Nasir"
    assert place is not None and (place.name, place.country, place.precision) == ("Nasir", "SSD", 2)
    known = _resolve("Garissa", "feature", gazetteer, ["KEN"], is_actor)  # "the town of Garissa"
    assert known is not None and known.geonames_id is not None


def test_a_headline_naming_its_place_is_no_dateline(gazetteer) -> None:
    assert (
        lead_dateline("Kharkiv: Russian strike kills three\nMore text follows here.", gazetteer, ["UKR"])
        is None
    )


def test_a_headline_about_a_place_is_no_dateline_in_a_sentence() -> None:
    from sitrep.resolve.sentence_places import _dateline

    assert not _dateline("", ": Russian strike kills three\nA missile hit a market.")
    assert _dateline("", ": In the deadliest ambush since 2010, 24 soldiers died this afternoon.")


def test_two_acts_near_two_named_towns_of_one_province_keep_their_own_towns() -> None:
    import sitrep

    text = (
        "A drone was shot down west of Aleppo city, where rebels were attacking near the town of "
        "Atarib in Aleppo province to push back government troops, officials said on Monday."
    )
    events = sitrep.analyze(text, published="2020-02-11")
    places = {e.plover + ":" + (e.location.name if e.location else "-") for e in events}
    assert "ASSAULT:Al Atarib" in places, places
    assert "ASSAULT:Aleppo" in places, places


def test_a_part_of_the_storys_town_the_gazetteer_lacks_is_shown_inside_the_town() -> None:
    import sitrep

    text = (
        "BAGHDAD - A roadside bomb went off in the mostly Shiite Tarmiyat neighborhood on Sunday, killing "
        "five people.\n\nA day later a car bomb exploded in the Jadriyah district, killing 12."
    )
    events = sitrep.analyze(text, published="2019-06-04")
    shown = sorted((e.location.name, e.location.text, e.location.precision) for e in events if e.location)
    assert shown == [("Baghdad", "Jadriyah", 2), ("Baghdad", "Tarmiyat", 2)]
    # a faith or a people before "district" is no name of a part
    text = "BAGHDAD - A bomb hit a Sunni district on Sunday, killing four."
    events = sitrep.analyze(text, published="2019-06-04")
    assert [(e.location.name, e.location.text) for e in events if e.location] == [("Baghdad", "Baghdad")]


def test_a_narrative_sentence_with_no_event_dates_the_act_told_after_it() -> None:
    import sitrep

    text = (
        "Gunmen drove into the village of Tindirma on Monday night in trucks mounted with heavy guns. "
        "They attacked the school and abducted 40 pupils.\n\n"
        "A spokesman on Wednesday condemned the raid. Separately, gunmen killed two herders in Kera."
    )
    events = sitrep.analyze(text, published="2018-02-22")
    school = [e for e in events if e.mentions[0].text.startswith("They attacked")]
    assert school and {(e.date, e.date_source) for e in school} == {("2018-02-19", "context")}
    # a statement's day dates no act, and a separate incident starts undated
    herders = [e for e in events if e.killed == 2]
    assert herders and herders[0].date != "2018-02-21"


def test_the_town_of_the_hospital_the_hurt_were_taken_to_is_not_the_place_of_the_act() -> None:
    import sitrep

    text = (
        "Gunmen attacked a college in Garissa in northeast Kenya on Thursday. Over 79 students were "
        "injured by the attackers and were rushed to a military hospital in Nairobi."
    )
    events = sitrep.analyze(text, published="2015-04-02")
    assert [(e.location.name if e.location else None, len(e.mentions)) for e in events] == [("Garissa", 2)]


def test_a_town_the_actor_dictionary_lists_for_its_country_is_still_a_place() -> None:
    import sitrep

    # "Nasir" is in the actor dictionary as a town of South Sudan and GeoNames lacks it there:
    # the town the words call one is kept in the state the text gives, not widened to it
    text = "Rebels attacked Nasir town in Upper Nile state on Wednesday."
    [event] = sitrep.analyze(text, "2024-03-08")
    place = event.location
    assert place is not None
    assert (place.name, place.admin1, place.precision) == ("Nasir", "Upper Nile", 2)
    # a town the supplement holds is the town itself, not its famous namesake abroad
    [event] = sitrep.analyze("Insurgents attacked Palma on Wednesday, Mozambique's army said.", "2021-03-26")
    assert event.location is not None and (event.location.name, event.location.country) == ("Palma", "MOZ")


def test_a_deal_signed_under_a_dateline_is_placed_there_not_in_the_country_it_is_about() -> None:
    import sitrep

    text = (
        "DOHA, Qatar (AP) — The United States and the Taliban signed a peace agreement aimed at ending "
        "the war in Afghanistan."
    )
    [deal] = [e for e in sitrep.analyze(text, "2020-02-29") if e.plover == "AGREE"]
    assert deal.location is not None and deal.location.name == "Doha"


def test_an_organisation_named_for_a_person_is_no_town_spelt_like_the_person(gazetteer) -> None:
    from sitrep.resolve.sentence_places import _resolve

    # a party led by a person: "Hasina" is only a near spelling of India's Hassan, not a place
    assert _resolve("Hasina's Awami League", "org", gazetteer, ["BGD", "IND"], None) is None
    assert gazetteer.knows_exactly("Hassan", ["IND"]) and not gazetteer.knows_exactly("Hasina", ["IND"])
    # an organisation that starts with its town still names the town
    council = _resolve("Garissa County Council", "org", gazetteer, ["KEN"], None)
    assert council is not None and council.name == "Garissa"


def test_an_officials_seat_and_a_far_reference_town_are_not_the_acts_place() -> None:
    import sitrep

    text = (
        "Gunmen killed 30 people in an attack on the village of Tindirma in central Mali on Monday.\n\n"
        "Amadou Diallo, the mayor of Bankass town, said 30 people were killed in the attack."
    )
    events = [e for e in sitrep.analyze(text, "2024-07-03") if e.plover == "ASSAULT"]
    assert [e.location.name for e in events if e.location] == ["Tindirma"]
    text = (
        "Rebels killed ten civilians in the village of Tindirma on Monday, the UN mission said.\n\n"
        "A second patrol was dispatched to the scene, which is some 400 kilometres northeast of Mopti."
    )
    places = {e.location.name for e in sitrep.analyze(text, "2024-07-03") if e.location}
    assert "Mopti" not in places
    # a town close by still places an act near it
    [near] = sitrep.analyze("Gunmen ambushed a convoy 20 km south of Mopti on Monday.", "2024-07-03")
    assert near.location is not None and near.location.name == "Mopti"


def test_a_village_located_by_direction_from_a_town_is_the_village() -> None:
    import sitrep

    text = "Gunmen shot civilians trying to flee Tindirma village, northwest of Mopti city, on Saturday."
    [event] = [e for e in sitrep.analyze(text, "2024-07-08") if e.plover == "ASSAULT"]
    place = event.location
    assert place is not None and (place.name, place.admin1, place.precision) == ("Tindirma", "Mopti", 2)
    text = (
        "Gunmen attacked a village in central Mali on Saturday, killing ten herders.\n\n"
        "The attack on Tindirma, a village located less than 10km southwest of the town of Mopti, "
        "took place at dawn."
    )
    [event] = [e for e in sitrep.analyze(text, "2024-07-08") if e.plover == "ASSAULT"]
    assert event.location is not None and event.location.name == "Tindirma"


def test_a_village_placed_by_distance_from_a_town_keeps_its_name_in_that_towns_province() -> None:
    import sitrep

    text = (
        "Malian troops clashed with insurgents in central Mali on Friday.\n\n"
        "Fighters on motorbikes stormed an army post at Ndiala, some 25 km east of Mopti, on Thursday."
    )
    [event] = [e for e in sitrep.analyze(text, "2024-07-08") if "Ndiala" in e.evidence.text]
    place = event.location
    assert place is not None and (place.name, place.admin1, place.country) == ("Ndiala", "Mopti", "MLI")
    # the same shape with the feature noun before the comma, in an article on another country
    text = (
        "Kenyan police said bandits were active in the north.\n\n"
        "Raiders shot four herders in Tindirma locality, south of Mopti, on Wednesday."
    )
    [event] = [e for e in sitrep.analyze(text, "2024-07-08") if "Tindirma" in e.evidence.text]
    place = event.location
    assert place is not None and (place.name, place.country) == ("Tindirma", "MLI")


def test_a_village_in_a_named_district_of_a_province_is_kept_inside_that_province() -> None:
    import sitrep

    # "Kirov district" is also a big city elsewhere in Russia: the province the text gives wins
    text = "Artillery fire hit Petrovka in the Kirov district of Kursk region on Friday, wounding a man."
    [event] = sitrep.analyze(text, "2024-07-08")
    place = event.location
    assert place is not None and (place.name, place.admin1, place.country) == ("Petrovka", "Kursk", "RUS")


def test_a_province_named_before_its_noun_and_its_country_is_that_province(gazetteer) -> None:
    place = gazetteer.resolve("the Kursk region of Russia", [])
    assert place is not None and (place.name, place.precision, place.country) == ("Kursk", 3, "RUS")
    place = gazetteer.resolve("the Mopti region of Mali", [])
    assert place is not None and (place.name, place.country) == ("Mopti", "MLI")
    # "the province of Idlib" still names Idlib
    place = gazetteer.resolve("the province of Idlib", [])
    assert place is not None and place.name == "Idlib"


def test_a_two_word_owner_parsed_as_a_list_keeps_the_district_it_owns() -> None:
    import sitrep

    [event] = sitrep.analyze("Gunmen shot dead a shopkeeper in Jammu and Kashmir's Doda district on Friday.",
                             "2024-07-08")
    assert event.location is not None and event.location.name == "Doda"


def test_a_country_naming_a_side_is_not_the_acts_place() -> None:
    from sitrep.resolve.sentence_places import names_a_side

    assert names_a_side("on French troops")
    assert names_a_side("by US aircraft")
    assert not names_a_side("on French troops in Mali")
    assert not names_a_side("in Mali")
    assert ("Inates in Niger", "feature") in _names("They raided the Inates military base in Niger.")


def test_a_province_named_puts_its_country_in_the_articles_context() -> None:
    import sitrep

    # the page names only the attacker's country; the province it names places the town
    text = (
        "Russian artillery shelled Marhanets in the Dnipropetrovsk region overnight, wounding a woman.\n\n"
        "Russian drones later hit Nikopol, the regional governor said."
    )
    places = {e.location.name: e.location.country for e in sitrep.analyze(text, "2024-07-08") if e.location}
    assert places.get("Nikopol") == "UKR"


def test_a_two_word_village_is_not_cut_to_a_namesake_of_its_last_word(gazetteer) -> None:
    place = gazetteer.resolve_in_article("the village of Staraya Orlovka", ["RUS"])
    assert place is not None and place.name == "Staraya Orlovka"


def test_a_persons_birthplace_is_not_the_acts_place() -> None:
    import sitrep

    text = "Gunmen shot dead a Mopti-born trader in a village near the border on Sunday."
    places = [e.location.name for e in sitrep.analyze(text, "2024-07-08") if e.location]
    assert "Mopti" not in places


def test_a_persons_surname_alone_is_that_person_not_a_town() -> None:
    from sitrep.parse import load_model
    from sitrep.settings import Settings

    nlp = load_model(Settings().spacy_model)
    text = (
        "Police arrested opposition leader Amina Kassala in Khartoum on Monday, her party said. "
        "Critics of Kassala have accused the army of using excessive force against protesters."
    )
    doc = nlp(text)
    names = [span.text for span, _ in candidates(text, 0, doc)]
    assert "Khartoum" in names and "Kassala" not in names


def test_a_caption_run_into_a_name_hides_no_town() -> None:
    from sitrep.parse import load_model
    from sitrep.settings import Settings

    nlp = load_model(Settings().spacy_model)
    text = "Olaf Scholz, Emmanuel Macron - Minsk, 12 Feb.\n\nThe leaders met in Minsk for talks on Ukraine."
    names = [span.text for span, _ in candidates(text, 0, nlp(text))]
    assert "Minsk" in names


def test_a_far_reference_town_is_not_the_articles_main_place(gazetteer) -> None:
    from sitrep.parse import load_model
    from sitrep.settings import Settings

    nlp = load_model(Settings().spacy_model)
    text = (
        "Four soldiers were killed in an ambush on Sunday in a remote valley, 550 km southeast of the "
        "capital Lima, the army said."
    )
    place = main_place(text, nlp(text), gazetteer, ["PER"], None)
    assert place is None or place.name != "Lima"
    near = "Gunmen attacked a village 20 km south of Gusau on Sunday, residents said."
    place = main_place(near, nlp(near), gazetteer, ["NGA"], None)
    assert place is not None and place.name == "Gusau"


def test_a_province_in_an_officials_title_is_the_province_not_its_capital() -> None:
    import sitrep

    # Maradi is both a region of Niger and its capital; "the governor of the region of Maradi" names the
    # region, which holds the village the lead names: one act, not a second one in the city
    text = (
        "Gunmen killed seven soldiers in an ambush near the village of Guidan Roumdji on Sunday.\n\n"
        "\u201cThis cowardly attack killed seven of our men,\u201d the secretary general of the region "
        "of Maradi said on Monday."
    )
    events = [e for e in sitrep.analyze(text, "2021-05-03") if e.plover == "ASSAULT"]
    assert len(events) == 1
    assert all(m.location is None or m.location.precision != 1 or m.location.name != "Maradi" for m in events)


def test_an_act_on_another_day_named_only_by_its_country_is_not_put_in_the_storys_town() -> None:
    import sitrep

    text = (
        "Gunmen shot dead nine people at a bar in the town of Danli on Saturday night, police said.\n\n"
        "On March 3, at least 20 inmates were killed in a fight at a prison in Honduras."
    )
    events = [e for e in sitrep.analyze(text, "2023-06-26") if e.plover == "ASSAULT"]
    prison = [e for e in events if e.killed == 20]
    assert prison and prison[0].location is not None
    assert (prison[0].location.name, prison[0].location.precision) == ("Honduras", 3)


def test_a_place_that_opens_a_forces_two_part_name_is_not_the_acts_place() -> None:
    import sitrep

    text = (
        "The operation by the army and the Jammu and Kashmir Police began on Friday night after militants "
        "opened fire on the search party."
    )
    places = [e.location.name for e in sitrep.analyze(text, "2020-10-10") if e.location]
    assert "Jammu" not in places


def test_a_town_followed_by_its_province_is_the_namesake_in_that_province() -> None:
    import sitrep

    text = "Colombian troops bombed a rebel camp in Calamar, Guaviare, on Monday, killing seven."
    [strike] = sitrep.analyze(text, "2018-03-20")
    assert strike.location is not None
    assert (strike.location.name, strike.location.admin1) == ("Calamar", "Guaviare")


def test_the_day_a_report_gives_its_act_past_a_clock_time_or_an_adjective() -> None:
    from datetime import date

    from sitrep.resolve.scene_cues import took_place_on

    monday = date(2025, 6, 23)
    told = took_place_on("The raid happened at about 9:15 p.m. on Thursday, residents said.", monday)
    assert told is not None and (told.when, told.where) == ("2025-06-19", None)
    told = took_place_on("The toll from last Thursday's deadly raid has risen to 30.", monday)
    assert told is not None and told.when == "2025-06-19"


def test_a_day_earlier_counts_back_from_the_day_just_told() -> None:
    import sitrep

    text = (
        "On Thursday, soldiers shot dead a man at a checkpoint near Jenin, the health ministry said.\n\n"
        "A day earlier, soldiers killed a teenager in Tubas, the ministry said."
    )
    days = sorted(e.date for e in sitrep.analyze(text, "2023-09-01") if e.plover == "ASSAULT")
    assert days == ["2023-08-30", "2023-08-31"]


def test_the_town_a_siege_is_laid_to_is_the_scene_not_a_destination() -> None:
    import sitrep

    text = (
        "MANILA - Two years after militants laid siege to Marawi City, the town is still rebuilding.\n\n"
        "The siege began on May 23 and killed hundreds of fighters and 45 civilians."
    )
    places = {e.location.name for e in sitrep.analyze(text, "2019-05-23") if e.location}
    assert places == {"Marawi City"}
