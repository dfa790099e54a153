"""Actor resolution on phrases as news articles word them, across many conflicts.

Each case is (phrase, event date, article country) -> (country, kind, backers). The phrases are
written the way outlets write them; none is tuned to one article's wording.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.models import Actor
from sitrep.resolve.actor_dictionary import load_data
from sitrep.resolve.actors import ActorDictionary

FEB_2020 = date(2020, 2, 20)
MAR_2025 = date(2025, 3, 10)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.shared()


def _triple(actor: Actor | None) -> tuple[str | None, str | None, tuple[str, ...]] | None:
    return None if actor is None else (actor.country, actor.kind, actor.backed_by)


CASES = [
    # --- Syria: demonyms, capitals, leaders, backers, coordination ---------------------------------
    ("Turkish forces and their proxy fighters", FEB_2020, "SYR", ("TUR", "state_forces", ())),
    ("Turkish troops along with their proxy fighters", FEB_2020, "SYR", ("TUR", "state_forces", ())),
    ("President Bashar al-Assad's forces", FEB_2020, "SYR", ("SYR", "state_forces", ())),
    ("Russia-backed forces", FEB_2020, "SYR", ("SYR", "state_forces", ("RUS",))),
    ("the Syrian army", FEB_2020, "SYR", ("SYR", "state_forces", ())),
    (
        "the Syrian government forces supported by the Russian forces",
        FEB_2020,
        "SYR",
        ("SYR", "state_forces", ("RUS",)),
    ),
    (
        "Abdulah al-Shami, a commander in a coalition of mainstream rebel factions",
        FEB_2020,
        "SYR",
        ("SYR", "rebels", ()),
    ),
    (
        "Multiple Turkish sources including Turkey's defense ministry",
        FEB_2020,
        "SYR",
        ("TUR", "government", ()),
    ),
    ("several proxy fighting groups", FEB_2020, "SYR", ("SYR", "political_militia", ())),
    ("Turkish-backed rebels", FEB_2020, "SYR", ("SYR", "rebels", ("TUR",))),
    ("rebels supported by Turkish artillery", FEB_2020, "SYR", ("SYR", "rebels", ("TUR",))),
    ("a Russian Su-24", FEB_2020, "SYR", ("RUS", "state_forces", ())),
    ("Ankara", FEB_2020, "SYR", ("TUR", "government", ())),
    ("Damascus", FEB_2020, None, ("SYR", "government", ())),
    ("the Kremlin", FEB_2020, "SYR", ("RUS", "government", ())),
    ("Erdogan", FEB_2020, "SYR", ("TUR", "government", ())),
    ("Turkish President Recep Tayyip Erdoğan", FEB_2020, None, ("TUR", "government", ())),
    ("Turkey's", FEB_2020, "SYR", ("TUR", "government", ())),
    ("Syrian and Russian forces", FEB_2020, "SYR", ("SYR", "state_forces", ())),
    ("the regime", FEB_2020, "SYR", ("SYR", "government", ())),
    ("government airstrikes", FEB_2020, "SYR", ("SYR", "state_forces", ())),
    ("rebel shelling", FEB_2020, "SYR", ("SYR", "rebels", ())),
    # A group keeps its home country wherever it fights (the gold conventions, ACLED practice).
    ("drones of Hezbollah", FEB_2020, "SYR", ("LBN", "political_militia", ("IRN",))),
    ("Hayat Tahrir al-Sham", FEB_2020, "SYR", ("SYR", "rebels", ())),
    ("HTS", MAR_2025, "SYR", ("SYR", "government", ())),
    ("the Turkish-backed Syrian National Army", FEB_2020, None, ("SYR", "rebels", ("TUR",))),
    ("US-backed Syrian Democratic Forces", FEB_2020, None, ("SYR", "rebels", ("USA",))),
    ("Kurdish fighters", FEB_2020, "SYR", ("SYR", "identity_militia", ())),
    # a community's name on insurgents fighting the state leaves them rebels
    ("Malay Muslim insurgents", FEB_2020, "THA", ("THA", "rebels", ())),
    ("Baloch separatists", FEB_2020, "PAK", ("PAK", "rebels", ())),
    ("Turkey-backed Syrian opposition", FEB_2020, None, ("SYR", "rebels", ("TUR",))),
    (
        "Syrian government troops backed by Russian air power",
        FEB_2020,
        None,
        ("SYR", "state_forces", ("RUS",)),
    ),
    # --- Ukraine and Russia ----------------------------------------------------------------------
    ("Ukrainian President Volodymyr Zelenskyy", date(2023, 5, 1), None, ("UKR", "government", ())),
    ("Kyiv", date(2023, 5, 1), None, ("UKR", "government", ())),
    ("Kiev", date(2015, 5, 1), None, ("UKR", "government", ())),
    ("pro-Russian separatists", date(2015, 5, 1), "UKR", ("UKR", "rebels", ("RUS",))),
    ("Moscow-backed separatists", date(2015, 5, 1), "UKR", ("UKR", "rebels", ("RUS",))),
    ("the Donetsk People's Republic", date(2015, 5, 1), None, ("UKR", "rebels", ("RUS",))),
    ("Russian troops", date(2023, 5, 1), "UKR", ("RUS", "state_forces", ())),
    ("Lavrov", date(2023, 5, 1), None, ("RUS", "government", ())),
    ("Shoigu", date(2020, 5, 1), None, ("RUS", "government", ())),
    ("Wagner mercenaries", date(2023, 5, 1), "UKR", ("RUS", "external_other", ())),
    ("members of his presidential guard", date(2023, 7, 26), "NER", ("NER", "state_forces", ())),
    # --- Israel, Palestine, Lebanon, Yemen, Iraq, Iran ---------------------------------------------
    ("the IDF", date(2024, 1, 5), "PSE", ("ISR", "state_forces", ())),
    ("Israeli strikes", date(2024, 1, 5), "PSE", ("ISR", "state_forces", ())),
    ("Gaza residents", date(2024, 1, 5), None, ("PSE", "civilians", ())),
    ("Palestinians", date(2024, 1, 5), None, ("PSE", "civilians", ())),
    ("Israeli settlers", date(2024, 1, 5), "PSE", ("ISR", "identity_militia", ())),
    ("settlers", date(2024, 1, 5), "PSE", ("ISR", "identity_militia", ())),  # the West Bank's are Israel's
    ("Hamas militants", date(2024, 1, 5), None, ("PSE", "rebels", ())),
    ("Islamic Jihad fighters", date(2024, 1, 5), None, ("PSE", "rebels", ("IRN",))),
    ("Hezbollah", date(2024, 1, 5), None, ("LBN", "political_militia", ("IRN",))),
    ("members of Hizbollah", date(2024, 1, 5), None, ("LBN", "political_militia", ("IRN",))),
    ("Houthi rebels", date(2024, 1, 5), None, ("YEM", "rebels", ("IRN",))),
    ("Ansar Allah", date(2024, 1, 5), None, ("YEM", "rebels", ("IRN",))),
    ("the Saudi-led coalition", date(2018, 1, 5), "YEM", ("SAU", "state_forces", ())),
    ("Iranian-backed militias", date(2024, 1, 5), "IRQ", ("IRQ", "political_militia", ("IRN",))),
    ("Iranian proxies", date(2024, 1, 5), "IRQ", ("IRQ", "political_militia", ("IRN",))),
    ("Kataib Hezbollah", date(2024, 1, 5), None, ("IRQ", "political_militia", ("IRN",))),
    ("IS fighters", date(2016, 1, 5), "IRQ", ("IRQ", "rebels", ())),
    ("Daesh", date(2016, 1, 5), "SYR", ("SYR", "rebels", ())),
    ("protesters in Tehran", date(2022, 10, 1), None, ("IRN", "protesters", ())),
    # --- Sudan, South Sudan, Ethiopia, Somalia -------------------------------------------------------
    ("the RSF", date(2024, 1, 5), "SDN", ("SDN", "political_militia", ())),
    ("Hemedti", date(2024, 1, 5), "SDN", ("SDN", "political_militia", ())),
    ("the Sudanese army", date(2024, 1, 5), None, ("SDN", "state_forces", ())),
    ("SPLA-IO", date(2017, 1, 5), None, ("SSD", "rebels", ())),
    ("National Salvation Front fighters", date(2023, 1, 5), None, ("SSD", "rebels", ())),
    ("RED-Tabara rebels", date(2024, 1, 5), None, ("BDI", "rebels", ())),
    ("gunmen of the Lions' Den", date(2023, 1, 5), None, ("PSE", "rebels", ())),
    ("Baloch Liberation Front militants", date(2024, 1, 5), None, ("PAK", "rebels", ())),
    ("Lakurawa fighters", date(2024, 1, 5), "NGA", ("NGA", "rebels", ())),
    # the Sahel states' "Defence and Security Forces" (FDS, in English SDF) are no Syrian Democratic Forces
    ("the Defence and Security Forces", date(2024, 9, 5), "NER", ("NER", "state_forces", ())),
    ("the SDF", date(2024, 9, 5), "NER", ("NER", "state_forces", ())),
    ("the SDF", date(2024, 9, 5), "SYR", ("SYR", "rebels", ("USA",))),
    ("the West Papua Liberation Army", date(2024, 1, 5), None, ("IDN", "rebels", ())),
    ("BRN insurgents", date(2024, 1, 5), None, ("THA", "rebels", ())),
    ("Tigrayan forces", date(2021, 1, 5), None, ("ETH", "rebels", ())),
    ("Fano militiamen", date(2024, 1, 5), None, ("ETH", "identity_militia", ())),
    ("Eritrean troops", date(2021, 1, 5), "ETH", ("ERI", "state_forces", ())),
    ("al-Shabaab militants", date(2024, 1, 5), "SOM", ("SOM", "rebels", ())),
    ("al-Shabaab insurgents", date(2021, 1, 5), "MOZ", ("MOZ", "rebels", ())),
    ("a suicide bomber", date(2024, 1, 5), "SOM", ("SOM", "political_militia", ())),
    ("SNA", date(2024, 1, 5), "SOM", ("SOM", "state_forces", ())),
    # --- Great Lakes, Sahel, Nigeria, Cameroon ---------------------------------------------------------
    ("Rwandan-backed M23 rebels", date(2024, 1, 5), None, ("COD", "rebels", ("RWA",))),
    ("the FARDC", date(2024, 1, 5), None, ("COD", "state_forces", ())),
    ("CODECO militiamen", date(2024, 1, 5), None, ("COD", "identity_militia", ())),
    ("ADF rebels", date(2024, 1, 5), "COD", ("COD", "rebels", ())),
    ("ADF fighters", date(2020, 1, 5), "CMR", ("CMR", "rebels", ())),
    ("JNIM militants", date(2024, 1, 5), "BFA", ("BFA", "rebels", ())),
    ("jihadists", date(2024, 1, 5), "BFA", ("BFA", "rebels", ())),
    ("Malian soldiers", date(2024, 1, 5), None, ("MLI", "state_forces", ())),
    ("Russian mercenaries", date(2024, 1, 5), "MLI", ("RUS", "external_other", ())),
    ("ISWAP fighters", date(2024, 1, 5), "NGA", ("NGA", "rebels", ())),
    ("bandits", date(2024, 1, 5), "NGA", ("NGA", "political_militia", ())),
    ("Fulani militia", date(2024, 1, 5), "NGA", ("NGA", "identity_militia", ())),
    # --- Asia ------------------------------------------------------------------------------------------
    ("the Tatmadaw", date(2023, 1, 5), None, ("MMR", "state_forces", ())),
    ("junta troops", date(2023, 1, 5), "MMR", ("MMR", "state_forces", ())),
    ("PDF fighters", date(2023, 1, 5), "MMR", ("MMR", "rebels", ())),
    # an army or a force against the state is no state's
    ("a rebel army", date(2024, 6, 1), "MMR", ("MMR", "rebels", ())),
    ("anti-junta groups", date(2024, 6, 1), "MMR", ("MMR", "rebels", ())),
    ("resistance forces", date(2024, 6, 1), "MMR", ("MMR", "rebels", ())),
    ("the Kyaikhto Revolution Force", date(2024, 6, 1), "MMR", ("MMR", "rebels", ())),
    # a rebel army whose name holds another state's army's name is the rebels'
    ("the Sudan People's Liberation Army-North", date(2024, 6, 1), "SDN", ("SDN", "rebels", ())),
    ("the People's Liberation Army", date(2024, 6, 1), None, ("CHN", "state_forces", ())),
    ("the Arakan Army", date(2023, 1, 5), None, ("MMR", "rebels", ())),
    # a state's army named in full is no group whose name it contains (the PKK's "People's Defence Forces")
    ("the Uganda People's Defence Forces", date(2023, 6, 1), "SOM", ("UGA", "state_forces", ())),
    ("police in Northern Ireland", date(2021, 4, 8), None, ("GBR", "state_forces", ())),
    ("the Taliban", date(2019, 1, 5), "AFG", ("AFG", "rebels", ())),
    ("the Taliban", date(2023, 1, 5), "AFG", ("AFG", "government", ())),
    ("Taliban fighters", date(2023, 1, 5), None, ("AFG", "state_forces", ())),
    ("Pakistani Taliban", date(2023, 1, 5), None, ("PAK", "rebels", ())),
    ("Indian troops", date(2023, 1, 5), None, ("IND", "state_forces", ())),
    ("Maoists", date(2024, 4, 20), "IND", ("IND", "rebels", ())),  # the CPI (Maoist) as Indian pages name it
    ("Bangladeshi police", date(2024, 8, 1), None, ("BGD", "state_forces", ())),
    ("the NPA", date(2023, 1, 5), None, ("PHL", "rebels", ())),
    # --- The Americas, Europe, international bodies ----------------------------------------------
    # a rebel group's name holding a state's "Armed Forces of" is no state's army
    ("the Revolutionary Armed Forces of Colombia", date(2022, 4, 1), "COL", ("COL", "rebels", ())),
    ("unidentified gunmen", date(2024, 1, 5), "MEX", ("MEX", "political_militia", ())),
    ("CJNG gunmen", date(2024, 1, 5), None, ("MEX", "political_militia", ())),
    ("gang members", date(2024, 1, 5), "HTI", ("HTI", "political_militia", ())),
    # the group an offshoot word names, not its parent, with or without a comma between them
    ("the al-Qaeda affiliate al-Shabaab", date(2018, 4, 1), "SOM", ("SOM", "rebels", ())),
    # a country whose name opens with a Spanish article is named with it ("Salvador" alone is a man)
    ("the police of El Salvador", date(2024, 1, 5), None, ("SLV", "state_forces", ())),
    # strangers named only as people no one knows are an armed group when they act, not civilians
    ("unknown people", date(2017, 8, 9), "BDI", ("BDI", "political_militia", ())),
    ("unidentified individuals", date(2017, 8, 9), "BDI", ("BDI", "political_militia", ())),
    ("the ELN", date(2024, 1, 5), None, ("COL", "rebels", ())),
    ("FARC dissidents", date(2024, 1, 5), None, ("COL", "rebels", ())),
    ("Venezuelan security forces", date(2024, 1, 5), None, ("VEN", "state_forces", ())),
    ("demonstrators in Nairobi", date(2024, 6, 25), None, ("KEN", "protesters", ())),
    ("rioters", date(2023, 7, 1), "FRA", ("FRA", "rioters", ())),
    ("the Pentagon", date(2024, 1, 5), None, ("USA", "government", ())),
    ("Washington", date(2024, 1, 5), None, ("USA", "government", ())),
    ("the U.S.-led coalition", date(2016, 1, 5), "IRQ", ("USA", "state_forces", ())),
    ("Azerbaijani forces", date(2023, 9, 19), None, ("AZE", "state_forces", ())),
    ("UN peacekeepers", date(2023, 1, 5), "MLI", (None, "external_other", ())),
    ("the World Health Organization", date(2024, 1, 5), None, (None, "external_other", ())),
    ("WHO", date(2024, 1, 5), None, (None, "external_other", ())),
    ("NATO", date(2024, 1, 5), None, (None, "external_other", ())),
    ("the ICRC", date(2024, 1, 5), None, (None, "external_other", ())),
    ("refugees", date(2024, 1, 5), "SDN", ("SDN", "civilians", ())),
    # people at leisure or abroad
    ("tourists", date(2024, 1, 5), "TUN", ("TUN", "civilians", ())),
    ("some expats", date(2024, 1, 5), "MOZ", ("MOZ", "civilians", ())),
    ("sunbathers", date(2024, 1, 5), "TUN", ("TUN", "civilians", ())),
    ("passers-by", date(2024, 1, 5), "PAK", ("PAK", "civilians", ())),
]


@pytest.mark.parametrize(("phrase", "when", "context", "expected"), CASES)
def test_resolves_realistic_phrases(
    actors: ActorDictionary, phrase: str, when: date, context: str | None, expected: tuple[object, ...]
) -> None:
    actor = actors.resolve(phrase, when, context)
    assert _triple(actor) == expected
    assert actor is not None and actor.text == phrase


@pytest.mark.parametrize(
    "phrase",
    [
        "the helicopter",
        "airstrikes",
        "the situation",
        "US-made missiles",
        "Iranian-designed drones",
        "Chinese-made drones",
        "the Washington Post",
        "what is it",
        "who",
        "Jason Ditz",
        "",
        "   ",
        "!!!",
        "a pdf file",
        "party coordinator Salvador Ortiz",
    ],
)
def test_phrases_that_name_no_actor(actors: ActorDictionary, phrase: str) -> None:
    assert actors.resolve(phrase, FEB_2020, "SYR") is None


# --- leaders in and out of office --------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "when", "expected"),
    [
        ("Assad", date(2019, 6, 1), ("Government of Syria", "SYR", "government")),
        ("Assad", date(2025, 6, 1), ("Bashar al-Assad", "SYR", "person")),
        ("Assad", date(1995, 6, 1), ("Government of Syria", "SYR", "government")),
        (
            "President Bashar al-Assad's forces",
            MAR_2025,
            ("Forces loyal to Bashar al-Assad", "SYR", "political_militia"),
        ),
        ("Biden", date(2023, 1, 1), ("Government of United States", "USA", "government")),
        ("Biden", date(2025, 6, 1), ("Joe Biden", "USA", "person")),
        ("Trump", date(2022, 6, 1), ("Donald Trump", "USA", "person")),
        ("Trump", date(2025, 6, 1), ("Government of United States", "USA", "government")),
        ("Netanyahu", date(2022, 1, 1), ("Benjamin Netanyahu", "ISR", "person")),
        ("Netanyahu", date(2023, 1, 1), ("Government of Israel", "ISR", "government")),
        ("Zelensky", date(2018, 1, 1), ("Volodymyr Zelensky", "UKR", "person")),
        ("Abu Mohammed al-Jolani", date(2020, 1, 1), ("Hayat Tahrir al-Sham", "SYR", "rebels")),
        ("Ahmed al-Sharaa", MAR_2025, ("Government of Syria", "SYR", "government")),
        ("Gerasimov", date(2023, 1, 1), ("Military Forces of Russia", "RUS", "state_forces")),
        ("Haftar's forces", date(2020, 1, 1), ("Libyan National Army", "LBY", "political_militia")),
    ],
)
def test_leaders_depend_on_the_event_date(
    actors: ActorDictionary, phrase: str, when: date, expected: tuple[str, str, str]
) -> None:
    actor = actors.resolve(phrase, when)
    assert actor is not None
    assert (actor.name, actor.country, actor.kind) == expected


def test_leader_without_date_reads_as_latest_office(actors: ActorDictionary) -> None:
    actor = actors.resolve("Putin")
    assert actor is not None and (actor.country, actor.kind) == ("RUS", "government")


# --- matching rules ----------------------------------------------------------------------------


def test_acronyms_need_capitals(actors: ActorDictionary) -> None:
    assert actors.resolve("IS militants", None, "IRQ") is not None
    assert actors.resolve("is", None, "IRQ") is None
    assert actors.resolve("us", None, None) is None
    us = actors.resolve("US", None, None)
    assert us is not None and us.country == "USA"


def test_the_pakistani_movements_name_without_its_country_is_the_ttp(actors: ActorDictionary) -> None:
    ttp = actors.resolve("Tehrik-e-Taliban commanders", None, "PAK")
    assert ttp is not None and (ttp.name, ttp.country) == ("Tehrik-i-Taliban Pakistan", "PAK")


def test_a_weapon_named_after_a_country_is_no_side(actors: ActorDictionary) -> None:
    assert actors.resolve("a Palestine-type ballistic missile", None, "YEM") is None
    assert actors.resolve("Iranian-pattern drones", None, "UKR") is None


def test_a_mixed_case_acronym_needs_its_capitals(actors: ActorDictionary) -> None:
    assert actors.resolve("Let Pan Hla village", None, "MMR") is None
    group = actors.resolve("LeT cadres", None, "IND")
    assert group is not None and group.name == "Lashkar-e-Taiba"
    mali = actors.resolve("FAMA troops", None, "MLI")
    assert mali is not None and mali.country == "MLI"


def test_proper_names_need_capitals(actors: ActorDictionary) -> None:
    assert actors.resolve("turkey", None, None) is None
    assert _triple(actors.resolve("TURKISH FORCES", None, None)) == ("TUR", "state_forces", ())


def test_arabic_article_variants_match(actors: ActorDictionary) -> None:
    for spelling in ["al-Shabaab", "Al Shabaab", "al Shabaab", "Shabaab", "al-Shabab"]:
        actor = actors.resolve(spelling, None, "SOM")
        assert actor is not None and actor.name == "al-Shabaab", spelling


def test_longest_alias_wins(actors: ActorDictionary) -> None:
    south = actors.resolve("South Sudan", None, None)
    assert south is not None and south.country == "SSD"
    bissau = actors.resolve("Guinea-Bissau", None, None)
    assert bissau is not None and bissau.country == "GNB"
    kataib = actors.resolve("Kataib Hezbollah", None, None)
    assert kataib is not None and kataib.name == "Kataib Hezbollah"


def test_people_noun_with_definite_article_is_the_state(actors: ActorDictionary) -> None:
    assert _triple(actors.resolve("the Russians", None, "UKR")) == ("RUS", "state_forces", ())


def test_generic_actor_without_context_has_no_country(actors: ActorDictionary) -> None:
    actor = actors.resolve("the government")
    assert actor is not None and (actor.country, actor.kind) == (None, "government")


# --- backers and context -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Russia-backed", ("RUS",)),
        ("Turkish-backed", ("TUR",)),
        ("Iranian-backed", ("IRN",)),
        ("US-backed", ("USA",)),
        ("Moscow-backed", ("RUS",)),
        ("backed by Russian airstrikes", ("RUS",)),
        ("supported by Turkish artillery", ("TUR",)),
        ("Turkish artillery", ("TUR",)),
        ("with air support from the United Arab Emirates", ("ARE",)),
        ("a Russian-made helicopter", ()),
        ("US-made missiles", ()),
        ("the situation", ()),
    ],
)
def test_backers(actors: ActorDictionary, phrase: str, expected: tuple[str, ...]) -> None:
    assert actors.backers(phrase) == expected


def test_equipment_origin_never_gives_a_country(actors: ActorDictionary) -> None:
    actor = actors.resolve("rebels who shot down a Russian-made helicopter", None, "SYR")
    assert actor is not None and actor.country == "SYR" and "RUS" not in actor.backed_by
    assert actors.country_context(["They fired US-made missiles and Iranian-designed drones."]) == []


def test_country_context_counts_mentions_most_frequent_first(actors: ActorDictionary) -> None:
    texts = [
        "Turkish forces shelled positions near Idlib as Syrian troops advanced.",
        "Damascus accused Ankara; the Syrian army said a Russian-made helicopter was lost.",
        "The Kremlin called Erdogan.",
    ]
    assert actors.country_context(texts) == ["SYR", "TUR", "RUS"]


def test_backer_is_never_the_actor_country(actors: ActorDictionary) -> None:
    actor = actors.resolve("Russia-backed forces", None, "RUS")
    assert actor is not None and actor.country is None and actor.backed_by == ("RUS",)


# --- the data itself -------------------------------------------------------------------------------


def test_dictionary_covers_the_required_breadth() -> None:
    data = load_data()
    assert len(data.countries) >= 50
    assert len(data.groups) >= 40
    assert all(version >= 1 for version in data.versions.values())
    assert set(data.versions) == {"countries", "groups", "leaders", "bodies", "generic"}


def test_every_leader_term_points_at_known_states_and_groups() -> None:
    data = load_data()
    assert len(data.leaders) >= 40
    for leader in data.leaders.values():
        assert leader.country in data.countries, leader.name
        for term in leader.terms:
            assert term.country in data.countries or term.group in data.groups, leader.name
            assert term.end is None or term.end > term.start, leader.name


def test_shared_dictionary_is_built_once() -> None:
    assert ActorDictionary.shared() is ActorDictionary.shared()


# --- quality round: owners of equipment, targets, titles, affiliations ---------------------------


@pytest.mark.parametrize(
    ("phrase", "context", "expected"),
    [
        # An armed or state noun owns its equipment; a designation marks it as military.
        ("the army's artillery", "MMR", ("MMR", "state_forces", ())),
        ("air force jets", "NGA", ("NGA", "state_forces", ())),
        ("junta helicopters", "MMR", ("MMR", "state_forces", ())),
        ("a Chinese-made K-8 jet", "MMR", ("MMR", "state_forces", ())),
        ("Houthi drones", "YEM", ("YEM", "rebels", ("IRN",))),
        # Acronyms keep their capitals in the possessive.
        ("the SDF's spokesman", "SYR", ("SYR", "rebels", ("USA",))),
        # A title with no office held is a private person of the article's country.
        ("former minister Ali Yusuf", "SOM", ("SOM", "person", ())),
        # "<group>-linked" names an ally; "<state>-installed" the installing state's administration.
        ("the Islamic State-linked ADF", "COD", ("COD", "rebels", ())),
        ("Russian-installed officials", "UKR", ("RUS", "government", ())),
        # A group's country is its home wherever it acts; a transnational network's, where it acts.
        ("al-Shabaab fighters", "KEN", ("SOM", "rebels", ())),
        ("a Shining Path column", "PER", ("PER", "rebels", ())),
        ("the Amba boys", "CMR", ("CMR", "rebels", ())),
        ("fighters of the Ambazonia Restoration Forces", "CMR", ("CMR", "rebels", ())),
        ("Islamic State militants", "IRQ", ("IRQ", "rebels", ())),
        # Military governments govern.
        ("Niger's military government", "NER", ("NER", "government", ())),
        ("the army-led government", "SDN", ("SDN", "government", ())),
        ("Russian military instructors", "CAF", ("RUS", "state_forces", ())),
        # Russian groupings of forces are Russia's.
        ("units of Battlegroup West", "UKR", ("RUS", "state_forces", ())),
        ("Canada", "HTI", ("CAN", "government", ())),
        # Bare strikes in the Palestinian territories are Israel's.
        ("an air strike", "PSE", ("ISR", "state_forces", ())),
    ],
)
def test_quality_round_phrases(
    actors: ActorDictionary, phrase: str, context: str, expected: tuple[object, ...]
) -> None:
    assert _triple(actors.resolve(phrase, MAR_2025, context)) == expected


@pytest.mark.parametrize(
    ("phrase", "context", "expected"),
    [
        ("a crowded market", "SOM", ("SOM", "civilians", ())),
        ("the village of Yelwata", "NGA", ("NGA", "civilians", ())),
        ("a residential building", "UKR", ("UKR", "civilians", ())),
        ("a military base", "BFA", ("BFA", "state_forces", ())),
        ("the barracks", "MLI", ("MLI", "state_forces", ())),
        ("government positions", "YEM", ("YEM", "state_forces", ())),
        ("several government military positions", "CMR", ("CMR", "state_forces", ())),
        ("the Nuba community", "SDN", ("SDN", "civilians", ())),
        ("a community leader", "COL", ("COL", "civilians", ())),
    ],
)
def test_places_attacked_stand_for_their_people(
    actors: ActorDictionary, phrase: str, context: str, expected: tuple[object, ...]
) -> None:
    assert _triple(actors.resolve(phrase, MAR_2025, context, target=True)) == expected


def test_sites_name_no_actor_outside_attacks(actors: ActorDictionary) -> None:
    for phrase in ["the market", "a military base", "the village of Yelwata", "the helicopter"]:
        assert actors.resolve(phrase, MAR_2025, "NGA") is None, phrase


def test_pan_american_is_no_american_actor(actors: ActorDictionary) -> None:
    assert actors.country_context(["Coca growers blocked the Pan-American Highway near Popayan."]) == []


def test_shared_alias_gives_no_article_country(actors: ActorDictionary) -> None:
    # "al-Shabaab" names Somali and Mozambican insurgents: the alias alone fixes no country.
    assert actors.country_context(["Al-Shabaab vowed to attack Kenyan troops."]) == ["KEN"]


def test_a_nationality_in_a_buildings_name_is_not_its_people(actors: ActorDictionary) -> None:
    # "the Kuwaiti Hospital" in Rafah treats Palestinians; "a Kuwaiti hospital" is Kuwait's.
    cases = [
        ("the Kuwaiti Hospital", "PSE", ("PSE", "civilians", ())),
        ("the Turkish School", "SOM", ("SOM", "civilians", ())),
        ("a Kuwaiti hospital", "PSE", ("KWT", "civilians", ())),
    ]
    for phrase, context, expected in cases:
        assert _triple(actors.resolve(phrase, MAR_2025, context, target=True)) == expected, phrase
    assert actors.country_context(["A shell hit the Kuwaiti Hospital in Rafah."]) == ["PSE"]


def test_things_an_actor_owns_do_not_name_someone(actors: ActorDictionary) -> None:
    assert actors.names_someone("fighters") and actors.names_someone("commanders")
    assert actors.names_someone("homes", target=True)
    assert not actors.names_someone("camp") and not actors.names_someone("positions")


def test_tokenize_reads_hyphens_breaks_and_arabic_articles() -> None:
    from sitrep.resolve.actor_tokens import normalize, tokenize

    text = normalize("al-Assad's Russia-backed forces, Hezbollah - ISIS (Syria)")
    tokens = {t.surface: t for t in tokenize(text)}
    assert tokens["al"].article and tokens["Assad's"].hyphen_before and tokens["Assad's"].folded == "assad"
    assert tokens["backed"].hyphen_before and not tokens["backed"].break_before
    assert not tokens["forces"].hyphen_before and not tokens["forces"].break_before
    assert tokens["Hezbollah"].break_before and tokens["ISIS"].break_before and tokens["Syria"].break_before
    assert not tokens["ISIS"].hyphen_before
    assert [t.article for t in tokenize("Al Shabaab")] == [True, False]
    assert [t.article for t in tokenize("al shabaab")] == [False, False]
    assert [t.article for t in tokenize("Assad al")] == [False, False]  # nothing follows: no article
    assert [(t.start, t.end) for t in tokenize("US  troops")] == [(0, 2), (4, 10)]


def test_names_one_person_tells_an_office_holder_from_a_body(actors: ActorDictionary) -> None:
    assert actors.names_one_person("the head of the regional health ministry")
    assert actors.names_one_person("UN chief")
    assert actors.names_one_person("a presidential aide")  # one adviser, not the presidency
    assert not actors.names_one_person("the health ministry")
    assert not actors.names_one_person("Russian authorities")


def test_an_office_holder_who_accuses_acts_as_a_person_but_agrees_for_his_state() -> None:
    from sitrep.app import Sitrep

    app = Sitrep()
    accused = app.analyze_text(
        "The foreign minister of Azerbaijan accused Armenia of shelling the city of Tartar on Sunday.",
        published=date(2024, 5, 11),
    ).events
    accusation = next(e for e in accused if e.plover == "ACCUSE")
    assert accusation.actor1 is not None and accusation.actor1.kind == "person"
    assert accusation.actor1.country == "AZE"
    agreed = app.analyze_text(
        "The foreign ministers of Armenia and Azerbaijan agreed on a ceasefire in Moscow on Saturday.",
        published=date(2024, 5, 11),
    ).events
    deal = next(e for e in agreed if e.plover == "AGREE")
    assert deal.actor1 is not None and deal.actor1.kind != "person"


def test_a_government_attacked_is_its_unarmed_officials_as_civilians() -> None:
    from sitrep.app import Sitrep

    events = (
        Sitrep()
        .analyze_text(
            "Gunmen shot dead the mayor of Cuernavaca in Mexico on Saturday, hours after he took office.",
            published=date(2024, 5, 11),
        )
        .events
    )
    attack = next(e for e in events if e.plover == "ASSAULT")
    assert attack.actor2 is not None and attack.actor2.kind == "civilians"
    assert attack.actor2.country == "MEX"


def test_an_unarmed_oppositions_people_are_persons_and_its_fighters_rebels() -> None:
    from sitrep.app import Sitrep

    app = Sitrep()

    def target(text: str) -> Actor | None:
        events = app.analyze_text(text, published=date(2021, 1, 18)).events
        return next(e for e in events if e.plover in ("COERCE", "ASSAULT")).actor2

    detained = target("Police detained the opposition politician Ilya Yashin in Moscow on Sunday.")
    assert detained is not None and detained.kind == "person"
    shelled = target("Government forces shelled opposition fighters near Hama on Sunday, killing five.")
    assert shelled is not None and shelled.kind == "rebels"


@pytest.mark.parametrize(
    ("phrase", "country"),
    [("Peacekeepers", "CAF"), ("the peacekeepers", "CAF"), ("Russian peacekeepers", "RUS")],
)
def test_peacekeepers_are_a_missions_never_the_host_army(
    actors: ActorDictionary, phrase: str, country: str
) -> None:
    actor = actors.resolve(phrase, None, "CAF")
    assert actor is not None and actor.kind == "external_other" and actor.country == country


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        # after the 2016 accord the dictionary calls the group's holdouts FARC dissidents
        ("Rebels from the Revolutionary Armed Forces of Colombia attacked a police post on Monday.", "FARC"),
        ("Fighters known as the White Army overran a garrison near the river on Monday.", "White Army"),
    ],
)
def test_a_generic_doer_named_after_its_noun_is_the_named_group(sentence: str, group: str) -> None:
    import sitrep

    [event] = [e for e in sitrep.analyze(sentence, "2024-08-07") if e.plover == "ASSAULT"]
    assert event.actor1 is not None and event.actor1.name.startswith(group)


@pytest.mark.parametrize(
    ("phrase", "country", "crowd"),
    [
        ("supporters of opposition leader Ousmane Sonko", "SEN", "Protesters (Senegal)"),
        ("supporters of former prime minister Imran Khan", "PAK", "Protesters (Pakistan)"),
    ],
)
def test_supporters_of_a_leader_are_a_crowd_not_the_leader(
    actors: ActorDictionary, phrase: str, country: str, crowd: str
) -> None:
    actor = actors.resolve(phrase, None, country, target=True)
    assert actor is not None
    assert (actor.name, actor.kind) == (crowd, "protesters")


def test_a_leaders_name_inside_a_bases_name_is_the_bases_not_his_state(actors: ActorDictionary) -> None:
    actor = actors.resolve("the Ain al-Assad air base", None, "IRQ", target=True)
    assert actor is not None
    assert actor.country == "IRQ"
    loyal = actors.resolve("Assad loyalists", None, "IRQ")
    assert loyal is not None and loyal.country == "SYR"  # his people are still his state's


@pytest.mark.parametrize(
    ("text", "plover", "crowd"),
    [
        # a protest named by its camp or its cause is its crowd, not the opposition's armed wing or the EU
        ("Riot police broke up an opposition protest in Dhaka on Monday, injuring 20 people.", "ASSAULT",
         "Protesters (Bangladesh)"),
        ("Police fired tear gas at a pro-EU demonstration in Tbilisi on Sunday night.", "PROTEST",
         "Protesters (Georgia)"),
        ("The opposition staged a rally in Nairobi on Tuesday against the new tax law.", "PROTEST",
         "Protesters (Kenya)"),
    ],
)
def test_a_protest_named_by_its_camp_or_cause_is_its_crowd(text: str, plover: str, crowd: str) -> None:
    import sitrep

    [event] = [e for e in sitrep.analyze(text, "2024-12-03") if e.plover == plover]
    sides = [a for a in (event.actor1, event.actor2) if a is not None]
    assert crowd in [a.name for a in sides]
    assert all(a.kind != "rebels" and a.name != "European Union" for a in sides)


@pytest.mark.parametrize(
    "text",
    [
        "Nine villagers were killed in a night raid on Mamove blamed on the Allied Democratic Forces.",
        "Eleven people died in an attack on a market near Beni attributed to the ADF rebel group.",
    ],
)
def test_the_side_an_attack_is_blamed_on_is_its_doer(text: str) -> None:
    import sitrep

    [event] = [e for e in sitrep.analyze(text, "2021-10-30") if e.plover == "ASSAULT"]
    assert event.actor1 is not None and event.actor1.name == "Allied Democratic Forces"


def test_an_alias_shared_by_several_states_names_no_country(actors: ActorDictionary) -> None:
    # "SDF" is both the Sahel states' forces (in English order) and Syria's Democratic Forces: an
    # article that says "the SDF" four times and "Raqqa" once is not about Mali
    texts = ["The SDF said the SDF and the SDF's allies held the town. SDF units entered Raqqa."]
    assert actors.country_context(texts) == ["SYR"]
    assert actors.country_context(["FDS soldiers patrolled the road."]) == []


def test_who_recognises_a_government_is_not_its_actor(actors: ActorDictionary) -> None:
    # "the UN-recognised government" is the state's government; the UN only recognises it
    for phrase in ("Libya's UN-recognised government", "the UN-recognized government in Tripoli"):
        actor = actors.resolve(phrase, None, "LBY")
        assert actor is not None and (actor.name, actor.kind) == ("Government of Libya", "government"), phrase


def test_one_attacker_of_a_nationality_is_no_states_army(actors: ActorDictionary) -> None:
    for phrase in ("a Palestinian attacker", "the lone assailant", "a Mexican hitman"):
        actor = actors.resolve(phrase, None, "PSE")
        assert actor is not None and actor.kind == "political_militia", (phrase, actor)


def test_a_demonym_before_armed_forces_names_their_state_not_a_backer() -> None:
    from sitrep.resolve.actors import ActorDictionary

    actors = ActorDictionary.shared()
    own = actors.resolve("Kenyan armed forces")
    assert own is not None and own.name == "Military Forces of Kenya" and own.backed_by == ()
    backed = actors.resolve("Iran-armed militias")
    assert backed is not None and backed.backed_by == ("IRN",)
