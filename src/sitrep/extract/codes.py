"""Standard codes for an event mention: ACLED event/sub-event type, CAMEO root and QuadClass.

ACLED's battle/civilian distinction depends on the target, so the type is computed from the PLOVER
type, the ASSAULT mode, the trigger and the words of the parties and the sentence (data/codes.toml).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sitrep.extract.lexicon import Lexicon, read_data


@dataclass(frozen=True, slots=True)
class Codes:
    acled_event_type: str | None
    acled_sub_event_type: str | None
    cameo_root: str | None
    quad_class: int | None


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What the coder looks at: type, mode, trigger lemma, the parties' and the sentence's lemmas."""

    plover: str
    mode: str | None
    trigger_lemma: str
    actor_words: frozenset[str]
    target_words: frozenset[str]
    sentence_words: frozenset[str]
    killed: int | None = None
    cameo: str | None = None
    acled: tuple[str, str] | None = None  # set by the trigger's sense ("defused" -> Disrupted weapons use)


# lethal force in a sentence about a protest makes it "Excessive force against protesters"
KILLING = frozenset({"kill", "dead", "death", "die", "killing"})


@lru_cache(maxsize=1)
def code_tables() -> dict[str, Any]:
    return read_data("codes.toml")


def _pair(value: Iterable[str] | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    items = list(value)
    return items[0], items[1]


def acled_type(facts: EventFacts, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """ACLED (event type, sub-event type), or (None, None) for events ACLED does not code."""
    acled = code_tables()["acled"]
    words = facts.sentence_words
    if facts.plover == "ASSAULT":
        if facts.mode in ("explosives", "heavy-weapons", "aerial", "drone", None):
            for word, pair in acled["weapon_words"].items():
                if word in words:
                    return _pair(pair)
        if facts.mode in acled["mode"]:
            if facts.mode == "crowd-control" and facts.killed:
                return "Protests", "Excessive force against protesters"
            return _pair(acled["mode"][facts.mode])
        armed = lexicon.word_set("armed")
        civilian = lexicon.word_set("civilian")
        target_armed = bool(facts.target_words & armed)
        protesters = set(acled["protest"]["crowd"])
        if facts.target_words & protesters and not target_armed:
            if facts.mode == "crowd-control" and not (facts.killed or words & KILLING):
                return "Protests", "Protest with intervention"
            return "Protests", "Excessive force against protesters"
        if facts.actor_words & set(acled["mob"]["lemmas"]):
            return "Riots", "Mob violence"
        territory = facts.trigger_lemma in acled["territory"]["lemmas"] and (
            words & lexicon.word_set("place_nouns") or "control" in words
        )
        if territory and not facts.target_words & civilian - lexicon.word_set("place_nouns"):
            state = lexicon.word_set("state")
            non_state = {"rebel", "militant", "insurgent", "fighter", "militia", "jihadist", "group"}
            regained = facts.trigger_lemma in acled["territory"]["regain"]
            if (facts.actor_words & state or regained) and not facts.actor_words & non_state:
                return "Battles", "Government regains territory"
            return "Battles", "Non-state actor overtakes territory"
        target_civilian = bool(facts.target_words & (civilian | set(acled["civilian_places"]["lemmas"])))
        if (target_civilian and not target_armed) or (
            facts.mode in acled["one_sided_modes"]["modes"] and not target_armed
        ):
            return "Violence against civilians", "Attack"
        return "Battles", "Armed clash"
    if facts.plover == "PROTEST":
        protest = acled["protest"]
        if facts.trigger_lemma == "riot" or words & set(protest["riot"]):
            return "Riots", "Violent demonstration"
        if facts.killed or words & KILLING:
            return "Protests", "Excessive force against protesters"
        if words & set(protest["intervention"]):
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if facts.plover == "AGREE":
        if words & set(acled["agreement_words"]["lemmas"]):
            return _pair(acled["plover"]["AGREE"])
        return None, None
    if facts.plover == "COERCE":
        if facts.trigger_lemma in acled["seizure_words"]["lemmas"] and words & lexicon.word_set("weapons"):
            return "Strategic developments", "Disrupted weapons use"
        if facts.acled:
            return facts.acled
        if facts.trigger_lemma in acled["arrest_words"]["lemmas"]:
            return "Strategic developments", "Arrests"
        if facts.trigger_lemma in acled["looting_words"]["lemmas"]:
            return "Strategic developments", "Looting/property destruction"
        return None, None
    captives = set(acled["captive_words"]["lemmas"])
    exchange = words & set(acled["exchange_words"]["lemmas"]) and words & captives
    if facts.plover == "CONCEDE" and exchange:
        return "Strategic developments", "Agreement"
    if facts.acled and facts.plover != "ASSAULT":
        return facts.acled
    if facts.plover == "SANCTION":
        # sanctions proper; an expelled envoy or a cut of ties is no development of the conflict
        return _pair(acled["plover"]["SANCTION"]) if "sanction" in words else (None, None)
    if facts.plover == "MOBILIZE":
        if words & set(acled["base_words"]["lemmas"]) and words & {"establish", "set", "build", "open"}:
            return "Strategic developments", "Headquarters or base established"
        return _pair(acled["plover"]["MOBILIZE"])
    held = lexicon.word_set("place_nouns") | set(acled["held_ground"]["lemmas"])
    if facts.plover == "RETREAT" and words & held:
        return _pair(acled["plover"]["RETREAT"])
    return None, None


def cameo_root(facts: EventFacts) -> str | None:
    tables = code_tables()["cameo"]
    if facts.cameo:
        return facts.cameo
    if facts.plover == "ASSAULT" and facts.mode:
        return str(tables["mode"].get(facts.mode, tables["plover"]["ASSAULT"]))
    value = tables["plover"].get(facts.plover)
    return str(value) if value else None


def codes_for(facts: EventFacts, lexicon: Lexicon) -> Codes:
    event_type, sub_event_type = acled_type(facts, lexicon)
    root = cameo_root(facts)
    quad = code_tables()["quad_class"].get(root) if root else None
    return Codes(event_type, sub_event_type, root, int(quad) if quad else None)
