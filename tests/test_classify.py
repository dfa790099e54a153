"""The learned event typing: the corpus and its split, the trained artifact, the decisions the
pipeline hook makes, and the model at work inside `sitrep.analyze`.

The artifact is the one `make model` (run by the install step) trained from the committed corpus;
the sentences below were written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import sitrep
from sitrep.classify import EventTyper, artifact, decide, is_heldout, load_corpus, split, typer
from sitrep.classify.corpus import NONE, plovers_by_label
from sitrep.classify.typer import STATE_FORCES_ABROAD, _hierarchy, lexicon_fallback, settle
from sitrep.gold import ACLED_SUB_EVENT_TYPES, PLOVER_TYPES
from sitrep.models import Actor, Event, Mention, TextSpan

# PLOVER types each label may be written with, as the corpus has them (a small, fixed table).
PLOVERS = {
    "Armed clash": ("ASSAULT",),
    "Attack": ("ASSAULT",),
    "Air/drone strike": ("ASSAULT",),
    "Arrests": ("COERCE",),
    "Looting/property destruction": ("ASSAULT", "COERCE"),
    "Peaceful protest": ("PROTEST",),
    "Excessive force against protesters": ("ASSAULT",),
    "THREATEN": ("THREATEN",),
}


def _proba(**values: float) -> dict[str, float]:
    """A full distribution over PLOVERS' labels and none: the values given, the rest shared out."""
    labels = [*PLOVERS, NONE]
    given = {label.replace("_", " "): v for label, v in values.items()}
    rest = (1.0 - sum(given.values())) / max(len(labels) - len(given), 1)
    return {label: given.get(label, rest) for label in labels}


# ----------------------------------------------------------------------------------------- corpus


def test_corpus_labels_are_acled_sub_events_plover_types_or_none() -> None:
    examples = load_corpus()
    assert len(examples) > 1000
    labels = Counter(e.label for e in examples)
    unknown = set(labels) - set(ACLED_SUB_EVENT_TYPES) - set(PLOVER_TYPES) - {NONE}
    assert not unknown
    common = ("Armed clash", "Air/drone strike", "Arrests", "Peaceful protest")
    assert all(labels[sub] >= 100 for sub in common)
    assert all(e.plover is None or e.plover in PLOVER_TYPES for e in examples)


def test_heldout_split_is_fixed_by_the_text_and_about_fifteen_percent() -> None:
    examples = load_corpus()
    train, heldout = split(examples)
    assert not {e.text for e in train} & {e.text for e in heldout}
    assert 0.10 < len(heldout) / len(examples) < 0.20
    sentence = heldout[0].text
    assert is_heldout(sentence) and is_heldout("  " + sentence.replace(" ", "\n  ") + " ")
    assert is_heldout(sentence) == is_heldout(sentence)  # no randomness: the same answer every run


def test_corpus_reader_skips_blank_rows_and_repeated_texts(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text(
        "label\tplover\tcountry\tstyle\ttext\n"
        "Arrests\tCOERCE\tKEN\twire\tPolice detained 12 traders in Eldoret on Friday.\n"
        "Attack\tASSAULT\tKEN\twire\tPolice   detained 12 traders in Eldoret on Friday.\n"
        "\t\t\t\t\n"
        "none\tnone\tFRA\tlocal\tThe film opens with a battle scene.\n",
        encoding="utf-8",
    )
    examples = load_corpus(tmp_path)
    assert [(e.label, e.plover) for e in examples] == [("Arrests", "COERCE"), (NONE, None)]


def test_plovers_by_label_drops_stray_pairings() -> None:
    examples = [e for e in load_corpus() if e.label == "Armed clash"]
    assert plovers_by_label(examples)["Armed clash"] == ("ASSAULT",)


# --------------------------------------------------------------------------------------- artifact


def test_installed_artifact_loads_and_states_its_hash_and_heldout_score() -> None:
    bundle, manifest = artifact.load()
    path = artifact.models_folder() / manifest["artifact"]
    assert artifact.sha256_of(path) == manifest["sha256"]
    assert manifest["heldout_weighted_f1"] >= 0.85  # the bar on the corpus's held-out split
    assert set(manifest["labels"]) == {str(c) for c in bundle["model"].classes_}
    assert EventTyper.shared().sha256 == manifest["sha256"]


def test_a_changed_artifact_is_refused(tmp_path: Path) -> None:
    source = artifact.models_folder()
    for name in (artifact.ARTIFACT, artifact.MANIFEST):
        shutil.copy(source / name, tmp_path / name)
    artifact.load(tmp_path)  # the copy is fine
    with (tmp_path / artifact.ARTIFACT).open("r+b") as handle:
        handle.seek(100)
        byte = handle.read(1)
        handle.seek(100)
        handle.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(artifact.ModelMissing, match="sha256"):
        artifact.load(tmp_path)
    with pytest.raises(artifact.ModelMissing, match="make model"):
        artifact.load(tmp_path / "empty")


# -------------------------------------------------------------------------------------- decisions


def test_the_lexicons_plover_type_bounds_the_sub_event() -> None:
    # The model leans to Arrests, but the lexicon found an ASSAULT: the best violent label wins.
    typing = decide(_proba(Arrests=0.5, Attack=0.3, Armed_clash=0.1), PLOVERS, "ASSAULT", None)
    assert (typing.plover, typing.acled_sub_event_type, typing.acled_event_type) == (
        "ASSAULT",
        "Attack",
        "Violence against civilians",
    )
    assert not typing.drop
    assert 0 < typing.confidence < 1


def test_the_lexicons_sub_event_stands_unless_the_model_is_clearly_surer() -> None:
    strike = "Air/drone strike"
    close = decide(_proba(Armed_clash=0.35, **{strike: 0.3}), PLOVERS, "ASSAULT", strike)
    assert close.acled_sub_event_type == strike
    clear = decide(_proba(Armed_clash=0.85, **{strike: 0.05}), PLOVERS, "ASSAULT", strike)
    assert clear.acled_sub_event_type == "Armed clash"


def test_a_sure_model_overrules_a_weak_lexicon_type_only_when_switching_is_on() -> None:
    sure = _proba(THREATEN=0.9)
    typing = decide(sure, PLOVERS, "ASSAULT", "Armed clash", switch_at=0.75)
    assert (typing.plover, typing.acled_sub_event_type, typing.acled_event_type) == ("THREATEN", None, None)
    unsure = decide(_proba(THREATEN=0.6, Attack=0.3), PLOVERS, "ASSAULT", "Armed clash", switch_at=0.75)
    assert unsure.plover == "ASSAULT"
    assert decide(sure, PLOVERS, "ASSAULT", "Armed clash", switch_at=None).plover == "ASSAULT"  # off


def test_the_model_retypes_a_sentences_one_event() -> None:
    # one candidate event: the lexicon's AGREE ("agreed") is the model's intelligence sharing
    text = "Chad and Niger agreed to share intelligence on Boko Haram movements around Lake Chad."
    (shared,) = sitrep.analyze(text)
    assert shared.plover == "COOPERATE"


def test_the_codebook_hierarchy_holds_after_the_model() -> None:
    on_civilians = decide(_proba(Armed_clash=0.9), PLOVERS, "ASSAULT", "Armed clash", "civilians")
    assert (on_civilians.acled_sub_event_type, on_civilians.acled_event_type) == (
        "Attack",
        "Violence against civilians",
    )
    on_protesters = decide(_proba(Armed_clash=0.9), PLOVERS, "ASSAULT", None, "protesters")
    assert on_protesters.acled_sub_event_type == "Excessive force against protesters"
    on_soldiers = decide(_proba(Armed_clash=0.9), PLOVERS, "ASSAULT", None, "state_forces")
    assert on_soldiers.acled_sub_event_type == "Armed clash"
    # no force used on soldiers is force against protesters, however sure the model is
    force = _hierarchy("Excessive force against protesters", "Protests", "state_forces", "Armed clash")
    assert force == ("Armed clash", "Battles")


def test_ground_taken_is_regained_by_the_state_and_overtaken_by_other_armed_groups() -> None:
    regained, overtaken = "Government regains territory", "Non-state actor overtakes territory"
    assert _hierarchy(overtaken, "Battles", None, overtaken, "state_forces") == (regained, "Battles")
    assert _hierarchy(regained, "Battles", None, regained, "rebels") == (overtaken, "Battles")
    assert _hierarchy(regained, "Battles", None, regained, None) == (regained, "Battles")  # nobody named
    assert _hierarchy("Armed clash", "Battles", None, None, "state_forces") == ("Armed clash", "Battles")
    abroad = STATE_FORCES_ABROAD  # a state's forces taking ground in another country do not regain it
    assert _hierarchy(regained, "Battles", None, regained, abroad) == (overtaken, "Battles")


_REGAINED = "Government regains territory"


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # in the state's own country: regained, whatever the verb
        ("Nigerian troops recaptured the town of Marte in Borno State on Friday.", _REGAINED),
        ("Ethiopian troops retook the town of Lalibela on Sunday.", _REGAINED),  # "retook"
        # in another country: overtaken
        (
            "Russian forces captured the village of Robotyne in Zaporizhzhia region on Monday.",
            "Non-state actor overtakes territory",
        ),
        (
            "Azerbaijani forces took control of positions near Jermuk in Armenia on Tuesday.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_state_forces_ground_is_regained_at_home_and_overtaken_abroad(text: str, sub_event: str) -> None:
    (event,) = sitrep.analyze(text)
    assert event.actor1 is not None and event.actor1.kind == "state_forces"
    assert event.acled_sub_event_type == sub_event


def test_the_lexicons_fallback_battle_weighs_little_against_the_model() -> None:
    assert lexicon_fallback("Armed clash", "killed")
    assert lexicon_fallback("Armed clash", "opened fire")
    assert not lexicon_fallback("Armed clash", "clashed")
    assert not lexicon_fallback("Armed clash", "gun battle")
    assert not lexicon_fallback("Air/drone strike", "killed")
    leaning = _proba(Attack=0.3, Armed_clash=0.1)
    assert decide(leaning, PLOVERS, "ASSAULT", "Armed clash").acled_sub_event_type == "Armed clash"
    one_sided = decide(leaning, PLOVERS, "ASSAULT", "Armed clash", fallback=True)
    assert (one_sided.acled_sub_event_type, one_sided.acled_event_type) == (
        "Attack",
        "Violence against civilians",
    )


def test_a_named_person_as_target_makes_fighting_an_attack() -> None:
    on_mayor = decide(_proba(Armed_clash=0.9), PLOVERS, "ASSAULT", "Armed clash", "person")
    assert on_mayor.acled_sub_event_type == "Attack"
    assert dict(on_mayor.scores)["Attack"] > 0.9  # the battle's score went to the attack


def test_the_lexicons_own_sub_event_is_a_candidate_outside_its_plover_type() -> None:
    # "Protest with intervention" is written with PROTEST in the corpus; police dispersing a crowd
    # is an ASSAULT by its verb, and the lexicon's label for it must still be reachable.
    dispersal = {**_proba(Excessive_force_against_protesters=0.2), "Protest with intervention": 0.15}
    typing = decide(dispersal, PLOVERS, "ASSAULT", "Protest with intervention")
    assert (typing.acled_sub_event_type, typing.acled_event_type) == ("Protest with intervention", "Protests")


def test_violence_by_demonstrators_is_a_violent_demonstration() -> None:
    typing = decide(
        _proba(Armed_clash=0.6), PLOVERS, "ASSAULT", "Armed clash", "state_forces", actor_kind="protesters"
    )
    assert (typing.acled_sub_event_type, typing.acled_event_type) == ("Violent demonstration", "Riots")
    by_police = decide(
        _proba(Armed_clash=0.6), PLOVERS, "ASSAULT", "Armed clash", "protesters", actor_kind="state_forces"
    )
    assert by_police.acled_sub_event_type == "Excessive force against protesters"


def test_violence_or_destruction_by_a_mob_is_mob_violence() -> None:
    vandalised = decide(
        _proba(Looting_property_destruction=0.6), PLOVERS, "COERCE", "Looting/property destruction", None,
        actor_kind="rioters",
    )
    assert (vandalised.acled_sub_event_type, vandalised.acled_event_type) == ("Mob violence", "Riots")
    lynched = decide(_proba(Attack=0.6), PLOVERS, "ASSAULT", "Attack", "civilians", actor_kind="rioters")
    assert lynched.acled_sub_event_type == "Mob violence"
    # the same destruction by an armed group stays what it is
    torched = decide(
        _proba(Looting_property_destruction=0.6), PLOVERS, "COERCE", "Looting/property destruction", None,
        actor_kind="rebels",
    )
    assert torched.acled_sub_event_type == "Looting/property destruction"


def _told(event_id: str, sub_event: str, start: int) -> Event:
    mention = Mention(text=f"sentence at {start}", start=start, end=start + 10)
    return Event(
        event_id=event_id,
        article_id="a",
        plover="ASSAULT",
        acled_sub_event_type=sub_event,
        evidence=TextSpan(mention.text, start, start + 10),
        mentions=(mention,),
    )


def test_settle_types_a_weakly_evidenced_act_by_all_its_mentions() -> None:
    lead, detail = _told("e1", "Remote explosive/landmine/IED", 0), _told("e2", "Suicide bomb", 40)
    scores = {
        id(lead.mentions[0]): {"Remote explosive/landmine/IED": 0.15, "Suicide bomb": 0.05},
        id(detail.mentions[0]): {"Suicide bomb": 0.9, "Remote explosive/landmine/IED": 0.02},
    }
    merged = replace(lead, mentions=lead.mentions + detail.mentions)
    (act,) = settle([merged], scores)
    assert (act.acled_sub_event_type, act.acled_event_type) == ("Suicide bomb", "Explosions/Remote violence")
    # a lead that types the act surely keeps its type; an act told once keeps its own
    sure = {**scores, id(lead.mentions[0]): {"Remote explosive/landmine/IED": 0.8}}
    assert settle([merged], sure)[0].acled_sub_event_type == "Remote explosive/landmine/IED"
    assert settle([lead], scores)[0].acled_sub_event_type == "Remote explosive/landmine/IED"


def test_none_drops_only_with_a_threshold_and_little_weight_for_the_lexicons_type() -> None:
    sure_none = _proba(none=0.95)
    assert decide(sure_none, PLOVERS, "ASSAULT", None, drop_none=0.6).drop
    assert not decide(sure_none, PLOVERS, "ASSAULT", None, drop_none=None).drop
    hedged = _proba(none=0.65, Attack=0.3)
    assert not decide(hedged, PLOVERS, "ASSAULT", None, drop_none=0.6).drop


# ------------------------------------------------------------------------------------ in pipeline


def test_analyze_types_events_with_the_model_and_stores_confidence() -> None:
    text = (
        "KANO, Nigeria (Wire) - Police arrested 31 members of a banned separatist group in Kano on "
        "Tuesday, a police spokesman said.\n\n"
        "In a separate incident, gunmen abducted 14 farmers from their fields near Zurmi in Zamfara "
        "state on Monday night, residents said."
    )
    events = sitrep.analyze(text, published="2024-05-08")
    by_type = {e.acled_sub_event_type: e for e in events}
    assert "Arrests" in by_type and "Abduction/forced disappearance" in by_type
    for event in events:
        assert event.confidence is not None and 0 < event.confidence <= 1
        assert event.to_dict()["confidence"] == event.confidence
    assert by_type["Abduction/forced disappearance"].acled_event_type == "Violence against civilians"


def test_typer_without_a_model_leaves_events_alone() -> None:
    typer = EventTyper(None, None)
    assert typer.model is None and "make model" in typer.describe()
    assert typer.probabilities(["anything"]) == [{}]


@pytest.mark.slow
def test_the_shipped_sentence_embedding_model_embeds_offline() -> None:
    pytest.importorskip("sentence_transformers")
    from sitrep.classify.embed import Embedder, model_zip

    assert model_zip().exists()
    vectors = Embedder.shared().encode(
        [
            "Militants stormed an army post overnight, killing four soldiers.",
            "Insurgents attacked a military outpost during the night and killed four troops.",
            "The central bank left interest rates unchanged on Thursday.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_sanctions_are_a_strategic_development_an_expelled_envoy_is_not() -> None:
    text = (
        "WASHINGTON (Wire) - The United States sanctioned two militia commanders in Sudan on Tuesday, "
        "the Treasury said.\n\nChad told the German ambassador to leave the country on Monday."
    )
    events = [e for e in sitrep.analyze(text, published="2024-05-08") if e.plover == "SANCTION"]
    sanctions = [e for e in events if e.evidence and "sanctioned" in e.evidence.text]
    expulsions = [e for e in events if e.evidence and "ambassador" in e.evidence.text]
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in sanctions] == [
        ("Strategic developments", "Other")
    ]
    assert [e.acled_sub_event_type for e in expulsions] == [None]


def test_the_fast_tfidf_path_gives_scikit_learns_own_vectors_and_scores() -> None:
    from scipy.sparse import hstack

    from sitrep.classify.models import TfidfModel, _tfidf

    bundle, _ = artifact.load()
    model = bundle["model"]
    if not isinstance(model, TfidfModel):
        pytest.skip("the installed artifact is not the TF-IDF model")
    texts = ["Gunmen attacked a village in Borno, killing 12.", "Talks resumed in Doha on Monday.", ""]
    for _, vectorizer in model.features.transformer_list:
        fast, slow = _tfidf(vectorizer, texts), vectorizer.transform(texts)
        assert abs(fast - slow).max() < 1e-12
    matrix = hstack([v.transform(texts) for _, v in model.features.transformer_list], format="csr")
    logits = np.asarray(matrix @ model.model.coef_.T.astype(np.float64)) + model.model.intercept_
    expected = np.exp(logits - logits.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    assert np.allclose(model.predict_proba(texts), expected, atol=1e-12)


def test_remote_violence_the_lexicon_read_stays_remote_whoever_it_hits() -> None:
    # ACLED codes an air strike on a bus as an air strike, not as an attack on civilians
    strike = "Air/drone strike"
    on_bus = decide(_proba(Attack=0.85, **{strike: 0.05}), PLOVERS, "ASSAULT", strike, "civilians")
    assert (on_bus.acled_sub_event_type, on_bus.acled_event_type) == (strike, "Explosions/Remote violence")
    # with no weapon word the model's Attack stands
    assert decide(_proba(Attack=0.85), PLOVERS, "ASSAULT", None, "civilians").acled_sub_event_type == "Attack"


_MARCHERS = "Police in Kampala arrested 30 students marching to parliament with a petition on Tuesday."


def test_a_snippets_first_act_takes_the_models_acled_type_for_the_whole_text() -> None:
    # ACLED codes arrests at a protest as the protest's intervention; the arrest stays COERCE in PLOVER
    first, *_ = sitrep.analyze(_MARCHERS)
    assert (first.plover, first.acled_sub_event_type) == ("COERCE", "Protest with intervention")
    assert first.confidence is not None and first.confidence >= typer.SNIPPET_AT


def test_an_article_is_no_snippet_and_its_acts_keep_their_sentence_types() -> None:
    filler = "The university said lectures would resume next week. " * 4
    events = sitrep.analyze(_MARCHERS + "\n\n" + filler)
    assert ("COERCE", "Arrests") in [(e.plover, e.acled_sub_event_type) for e in events]


def test_what_makes_a_snippet() -> None:
    assert typer.is_snippet("Gunmen killed two. Police said so. Schools shut.")
    assert not typer.is_snippet("Gunmen killed two. Police said so. Schools shut. Roads closed.")
    assert not typer.is_snippet("Gunmen killed two farmers near Gao on Monday, officials said. " * 12)


def test_an_attack_read_off_its_victims_alone_lets_the_model_name_the_means() -> None:
    assert lexicon_fallback("Attack", "claimed the lives")  # no means: the victims alone said Attack
    assert not lexicon_fallback("Attack", "shot dead", "firearms")
    strike = sitrep.analyze(
        "The strike on a crowded market in northern Saada claimed the lives of more than 40 civilians,"
        " health officials said."
    )
    assert [e.acled_sub_event_type for e in strike if e.plover == "ASSAULT"] == ["Air/drone strike"]


def test_a_base_stormed_without_ground_changing_hands_is_a_clash_not_a_capture() -> None:
    stormed = sitrep.analyze(
        "Al-Shabaab militants stormed a military base in Somalia's Middle Shabelle region on Friday,"
        " sparking a fierce gun battle with troops, officials said."
    )
    assert [e.acled_sub_event_type for e in stormed if e.plover == "ASSAULT"] == ["Armed clash"]
    seized = sitrep.analyze(
        "Al-Shabaab fighters seized an army base in Somalia's Lower Shabelle region on Friday after"
        " troops withdrew, officials said."
    )
    assert "Non-state actor overtakes territory" in [e.acled_sub_event_type for e in seized]


def test_settle_keeps_the_codebooks_rules_on_the_merged_acts_parties() -> None:
    # a crowd's clash told by two sentences: summed, "Armed clash" wins; the doers are protesters,
    # so ACLED's rule makes it a violent demonstration, as it does for an act told once
    lead, detail = _told("e1", "Violent demonstration", 0), _told("e2", "Armed clash", 40)
    scores = {
        id(lead.mentions[0]): {"Violent demonstration": 0.1, "Armed clash": 0.08},
        id(detail.mentions[0]): {"Armed clash": 0.6, "Violent demonstration": 0.1},
    }
    crowd = Actor("Protesters (Serbia)", "SRB", "protesters", text="student protesters")
    merged = replace(lead, mentions=lead.mentions + detail.mentions, actor1=crowd)
    (act,) = settle([merged], scores)
    assert (act.acled_sub_event_type, act.acled_event_type) == ("Violent demonstration", "Riots")
    rebels = Actor("Rebels (Sudan)", "SDN", "rebels", text="rebels")
    (fight,) = settle([replace(merged, actor1=rebels)], scores)
    assert fight.acled_sub_event_type == "Armed clash"


def test_force_on_a_crowd_by_gunmen_is_an_attack_not_excessive_force() -> None:
    from sitrep.classify.typer import _hierarchy

    force = ("Excessive force against protesters", "Protests")
    attack = ("Attack", "Violence against civilians")
    assert _hierarchy(*force, "protesters", None, "political_militia") == attack
    assert _hierarchy(*force, "civilians", None, None) == attack
    assert _hierarchy(*force, "protesters", None, "state_forces") == force
