"""The event lexicon (data/verbs.toml) compiled into dictionaries keyed by lemma.

Extraction runs on every token of every article, so each lookup must be one dict or set probe:
the TOML groups are flattened once, at first use, into `verbs[lemma]`, `nouns[lemma]`,
`particles[(verb, particle)]` and `compounds[(modifier, head)]`, each a tuple of senses tried in
file order.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Sense:
    """One meaning of a trigger word: the PLOVER type it signals and when it applies."""

    plover: str
    mode: str | None = None
    cameo: str | None = None
    context: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    armed_party: bool = False
    place_party: bool = False
    infinitive: bool = False  # the word governs a to-infinitive clause ("told them to leave")
    acled: tuple[str, str] | None = None  # (event type, sub-event type) the sense settles by itself


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]
    particles: dict[tuple[str, str], tuple[Sense, ...]]
    compounds: dict[tuple[str, str], tuple[Sense, ...]]
    words: dict[str, frozenset[str]]
    mode_cues: tuple[tuple[str, frozenset[str]], ...]
    aircraft: re.Pattern[str]
    attribution: dict[str, frozenset[str]]
    hedge_phrases: tuple[str, ...]
    modality: dict[str, frozenset[str]]
    displacement: dict[str, frozenset[str]]
    lemma_fixes: dict[str, str]
    threat_speech: re.Pattern[str] | None = None  # menaces that make a statement a THREATEN
    accuse_speech: re.Pattern[str] | None = None  # verdicts on an act that make a statement an ACCUSE
    speech_cues: frozenset[str] = frozenset()

    def word_set(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())

    def names_an_assault(self, word: str) -> bool:
        """A noun lemma the lexicon reads as an act of violence ("attack", "raid", "shelling")."""
        return any(sense.plover == "ASSAULT" for sense in self.nouns.get(word, ()))


def _add(table: dict[Any, list[Sense]], key: Any, sense: Sense) -> None:
    table.setdefault(key, []).append(sense)


def compile_lexicon(data: dict[str, Any]) -> Lexicon:
    """Flatten the TOML groups into lemma-keyed tables."""
    verbs: dict[str, list[Sense]] = {}
    nouns: dict[str, list[Sense]] = {}
    particles: dict[tuple[str, str], list[Sense]] = {}
    compounds: dict[tuple[str, str], list[Sense]] = {}
    for group in data.get("trigger", []):
        sense = Sense(
            plover=group["plover"],
            mode=group.get("mode"),
            cameo=group.get("cameo"),
            context=frozenset(group.get("context", ())),
            unless=frozenset(group.get("unless", ())),
            armed_party=bool(group.get("armed_party", False)),
            place_party=bool(group.get("place_party", False)),
            infinitive=bool(group.get("infinitive", False)),
            acled=(group["acled"][0], group["acled"][1]) if "acled" in group else None,
        )
        for lemma in group.get("verbs", ()):
            _add(verbs, lemma, sense)
        for lemma in group.get("nouns", ()):
            _add(nouns, lemma, sense)
        for phrase in group.get("phrases", ()):
            first, _, second = phrase.partition(" ")
            # a phrase is both: "shoot down" as verb + particle, "air strike" as modifier + head
            _add(particles, (first, second), sense)
            _add(compounds, (first, second), sense)
    cues = data.get("mode_cues", {})
    pattern = cues.get("aircraft_pattern", "^$")
    mode_cues = tuple((mode, frozenset(words)) for mode, words in cues.items() if isinstance(words, list))
    threats = data.get("threat_speech", {})
    verdicts = data.get("accuse_speech", {})
    attribution = {k: frozenset(v) for k, v in data.get("attribution", {}).items() if k != "hedge_phrases"}
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        particles={k: tuple(v) for k, v in particles.items()},
        compounds={k: tuple(v) for k, v in compounds.items()},
        words={k: frozenset(v) for k, v in data.get("words", {}).items()},
        mode_cues=mode_cues,
        aircraft=re.compile(pattern),
        attribution=attribution,
        hedge_phrases=tuple(data.get("attribution", {}).get("hedge_phrases", ())),
        modality={k: frozenset(v) for k, v in data.get("modality", {}).items()},
        displacement={k: frozenset(v) for k, v in data.get("displacement", {}).items()},
        lemma_fixes=dict(data.get("lemma_fixes", {})),
        threat_speech=re.compile("|".join(f"(?:{p})" for p in threats["patterns"])) if threats else None,
        speech_cues=frozenset(data.get("threat_speech", {}).get("speech_cues", ())),
        accuse_speech=re.compile("|".join(f"(?:{p})" for p in verdicts["patterns"])) if verdicts else None,
    )


def read_data(name: str) -> dict[str, Any]:
    """Read one TOML file of sitrep/data."""
    with resources.files("sitrep.data").joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    countries = read_data("actors/countries.toml").get("country", [])
    return frozenset(name.lower() for country in countries for name in country.get("names", []))


def a_country(name: str) -> bool:
    """A country's name, alone or with a part of it ("Western Ukraine")."""
    words = name.lower().removeprefix("the ").split()
    names = _country_names()
    return any(" ".join(words[k:]) in names for k in range(len(words)))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, compiled once per process."""
    return compile_lexicon(read_data("verbs.toml"))
