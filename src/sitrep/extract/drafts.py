"""A mention being built, and the ASSAULT mode it gets from its trigger, clause and parties.

Shared by sentence assembly (mentions.py) and merging (merging.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.extract.arguments import Party, bounds
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.triggers import BACKING_LEMMAS, Token, Trigger, lemma
from sitrep.models import Figures, TextSpan


@dataclass(slots=True)
class Draft:
    """A mention being built; frozen into an EventMention at the end."""

    sentence_index: int
    trigger: Trigger
    sentence: TextSpan
    plover: str
    mode: str | None
    actor1: Party | None = None
    actor2: Party | None = None
    place: TextSpan | None = None
    time: TextSpan | None = None
    figures: Figures = field(default_factory=Figures)
    attributed_to: str | None = None
    cue: str | None = None
    hedged: bool = False
    cameo: str | None = None
    sentence_words: frozenset[str] = frozenset()
    anaphoric: bool = False
    absorbed: tuple[int, ...] = ()  # token indexes of merged outcome clauses ("..., killing five")
    claim_only: bool = False  # a toll for the act told before ("Five people died."), no act itself
    dated_against: bool = False  # "came six days after a missile struck ...": the strike, another act
    days_before_main: int | None = None  # ... six days before the act the sentence tells
    accuser: str | None = None  # "Moscow accused Kyiv of shelling the plant": the act is Moscow's claim


# modes a clause cue may put in place of the trigger word's own: "warplanes bombed" is an air strike,
# "a suicide car bomb exploded" a suicide attack, "air and missile strikes" air strikes
OVERRIDABLE_MODES = frozenset({"explosives", "heavy-weapons"})
OVERRIDING_MODES = ("suicide-attack", "drone", "aerial")


def means_of(token: Token, lexicon: Lexicon) -> list[Token]:
    """A subject or object that is itself a weapon ("the drone struck", "hit a mine") and its compounds."""
    word = lemma(token)
    if word not in lexicon.word_set("means") and not lexicon.aircraft.match(token.lower_):
        return []
    if _a_pit(token, lexicon):
        return []  # "attacked the Biakato gold mine": the place hit
    return [token, *(c for c in token.children if c.dep_ == "compound")]


def _delivered_by(head: Token, lexicon: Lexicon) -> list[Token]:
    """The carrier named on a weapon subject: "explosives dropped from a drone", "a missile fired from a
    helicopter": the delivery decides the mode."""
    found: list[Token] = []
    carriers = [c for c in head.children if c.dep_ == "acl" and lemma(c) not in BACKING_LEMMAS]
    if head.dep_ == "nsubj" and head.head.pos_ == "VERB":
        carriers.append(head.head)  # "a bomb dropped from a helicopter hit ...": parsed as the main verb
    for verb in carriers:
        for prep in (c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")):
            for carrier in (g for g in prep.children if g.dep_ == "pobj"):
                found.extend(means_of(carrier, lexicon))
                aerial = (cues for mode, cues in lexicon.mode_cues if mode in OVERRIDING_MODES)
                if any(lemma(carrier) in cues for cues in aerial):
                    found.append(carrier)  # "dropped by a helicopter"
    return found


def infer_mode(trigger: Trigger, actor: Party | None, target: Party | None, lexicon: Lexicon) -> str | None:
    """ASSAULT mode from the trigger's clause and actor, never from the target ("the helicopter").

    A subject or object that is itself a weapon is the means of the act ("Russian missiles struck",
    "the convoy hit a mine", "shot down three drones": interceptions take the mode of the attack).
    """
    own = trigger.sense.mode
    if own and own not in OVERRIDABLE_MODES:
        return own
    if _shoot_down(trigger, actor):
        return None  # "air defences destroyed four drones": a shoot-down, a clash (EVENTS), not a strike
    excluded: set[int] = set()
    means: list[Token] = []
    if target is not None:
        first, last = bounds(target.head)
        excluded.update(range(first, last + 1))
        means.extend(means_of(target.head, lexicon))
    words: set[str] = set()
    for child in trigger.head.children:  # the subject's own modifiers are not the means of this act
        if child.dep_ in ("nsubj", "nsubjpass", "agent", "csubj"):
            excluded.update(t.i for t in child.subtree)
            head = child
            if child.dep_ == "agent":
                head = next((g for g in child.children if g.dep_ == "pobj"), None)
            if head is not None:
                means.extend(means_of(head, lexicon))
                means.extend(_delivered_by(head, lexicon))
    if actor is not None:
        means.extend(_delivered_by(actor.head, lexicon))
    head = trigger.head
    if head.dep_ in ("acl", "amod") and any(c.dep_ == "dobj" for c in head.children):
        means.extend(means_of(head.head, lexicon))  # "explosives dropped from a drone hit": misparsed carrier
    for token in means:
        words.update((lemma(token), token.lower_))
    scope = _clause_tokens(trigger.head)
    if actor is not None:
        first, last = bounds(actor.head)
        scope.extend(actor.head.doc[first : last + 1])
    excluded.update(t.i for t in trigger.tokens)
    for token in scope:
        if token.i in excluded or token.pos_ in ("PRON", "ADP", "DET", "AUX"):
            continue
        if token.i != trigger.head.i and token.pos_ == "VERB":
            continue
        if _skyward(token):
            continue  # "fired shots into the air": warning shots, no aircraft
        if _of_tear_gas(token, lexicon):
            words.add("teargas")  # "tear gas shells", "stun grenades": crowd control, no artillery
            continue
        if _a_pit(token, lexicon):
            continue  # "the Biakato gold mine": where the act was, no explosive
        words.add(lemma(token))
        words.add(token.lower_)
        if lexicon.aircraft.match(token.lower_):
            words.add("aircraft")
    for mode, cues in lexicon.mode_cues:
        if cues & words:
            if own and mode not in OVERRIDING_MODES:
                return own
            return mode
    return own


# What air defences bring down, and the verbs they do it with ("shoot down", "downed", "intercepted")
_AIRBORNE = frozenset(
    {"drone", "missile", "rocket", "uav", "aircraft", "plane", "jet", "warplane", "helicopter", "shahed",
     "projectile", "balloon", "airliner", "bomber", "fighter"}
)
_BRINGS_DOWN = frozenset({"down", "intercept", "destroy", "neutralize", "neutralise"})


def _shoot_down(trigger: Trigger, actor: Party | None) -> bool:
    """Air defences bringing down what flies: the drones, missiles or aircraft shot down, intercepted or
    destroyed are the trigger's object (or its passive subject). When the sentence names who launched
    them ("shot down five drones that the Houthis launched"), the act is the attack."""
    if not ({lemma(t) for t in trigger.tokens} | {t.lower_ for t in trigger.tokens}) & _BRINGS_DOWN:
        return False  # ("shot down": its particle "down" is among the trigger's words)
    shot = [c for c in trigger.head.children if c.dep_ in ("dobj", "nsubjpass")]
    launched = [g for c in shot for g in c.children if g.dep_ in ("relcl", "acl")]
    launchers = [x for g in launched for x in g.children if x.dep_ in ("nsubj", "agent")]
    if any(x.lower_ not in ("that", "which") for x in launchers):
        return False  # "... five drones that the Houthis launched at Jizan": the launch is told
    if actor is not None and any(actor.head in c.subtree for c in shot):
        return False
    return any(lemma(c) in _AIRBORNE or c.lower_.rstrip("s") in _AIRBORNE for c in shot)


def _of_tear_gas(token: Token, lexicon: Lexicon) -> bool:
    """A shell, canister or grenade whose name says it is for crowds: "tear gas shells", "stun grenades"."""
    crowds = lexicon.word_set("crowd_munitions")
    return any(c.dep_ in ("compound", "amod") and c.lower_ in crowds for c in token.children)


def _a_pit(token: Token, lexicon: Lexicon) -> bool:
    """A mine dug for ore ("the Biakato gold mine", "a coltan mine"), not a landmine."""
    if token.lower_ not in ("mine", "mines"):
        return False
    ores = lexicon.word_set("ores")
    return any(
        c.dep_ in ("compound", "amod") and (c.lower_ in ores or c.pos_ == "PROPN") for c in token.children
    )


def _skyward(token: Token) -> bool:
    """"into the air", "in the air": the direction of warning shots, not an air force."""
    return (
        token.lower_ == "air"
        and token.head.lower_ in ("into", "in", "skyward")
        and any(c.lower_ == "the" for c in token.children)
    )


CLAUSE_DEPS = frozenset(
    {"relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "acl", "csubj", "nsubj", "nsubjpass", "agent"}
)


def _clause_tokens(head: Token) -> list[Token]:
    """The trigger and its dependents, without embedded clauses, subjects and conjuncts."""
    found = [head]
    stack = [c for c in head.children if c.dep_ not in CLAUSE_DEPS]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS)
    return found


def stronger_mode(a: str | None, b: str | None) -> str | None:
    """Of two modes for one act, the one that names the delivery ("aerial" over "explosives")."""
    for mode in OVERRIDING_MODES:
        if mode in (a, b):
            return mode
    return a or b
