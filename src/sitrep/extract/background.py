"""Acts a sentence names only as background: the act a tally is counted from ("have been killed since
the accord was signed"), an act remembered ("marked the anniversary of the school attack") and an
act that frames a period ("in the early weeks of the invasion"). The sentence tells no act of its own
day with them.
"""

from __future__ import annotations

from sitrep.extract.lexicon import Lexicon
from sitrep.extract.triggers import Token, Trigger, lemma

CLAUSE_POS = frozenset({"VERB", "AUX"})


def remembered(trigger: Trigger, lexicon: Lexicon) -> bool:
    """An act named as what is remembered: "marked the anniversary of the Peshawar school attack", "the
    memorial to the victims of the massacre" (the remembrance nouns of data/verbs.toml [modality])."""
    nouns = lexicon.modality.get("remembrance_nouns", frozenset())
    node = trigger.head
    if node.dep_ == "relcl":
        node = node.head  # "the anniversary of the bombing that killed 500": the bombing's
    for _ in range(4):  # "the anniversary of the attack", "in memory of the victims of the massacre"
        if node.dep_ == "appos":  # "the anniversary of the attack, a truck bombing in the capital"
            node = node.head
            if lemma(node) in nouns:
                return True
            continue
        of_a_noun = node.head.dep_ == "prep" and node.head.head.pos_ in ("NOUN", "PROPN")
        if node.dep_ != "pobj" or not (node.head.lower_ in ("of", "to") or of_a_noun):
            return False
        owner = node.head.head
        if lemma(owner) in nouns:
            return True
        node = owner
    return False


def counts_from(trigger: Trigger) -> bool:
    """The act a span is counted from: "have been killed since the accord was signed", "since the
    signing of the truce": the start of a tally, told to date it, not an act the sentence tells."""
    head = trigger.head
    year = head.head if head.dep_ in ("relcl", "advcl") else None
    if year is not None and year.dep_ == "pobj" and year.head.lower_ == "since":
        return True  # "in civil war since 2014, when the Houthis captured the capital": the war's start
    clause = head if head.pos_ in CLAUSE_POS else None
    node = head
    for _ in range(4):  # "since the signing of the accord": up through the noun's "of" and "since"
        if node.dep_ == "prep" and node.lower_ == "since":
            return True
        if node.dep_ not in ("pobj", "prep", "nsubj", "nsubjpass", "compound") or node.head.i == node.i:
            break
        node = node.head
        if clause is None and node.pos_ in CLAUSE_POS:
            clause = node  # "since the ceasefire took effect": the noun's own clause
    return clause is not None and since_clause(clause)


# Words of a period an act frames: "in the early weeks of the invasion", "at the start of the offensive".
_PERIOD_WORDS = frozenset(
    {"hour", "day", "week", "month", "year", "start", "beginning", "outset", "onset", "end"}
)


def frames_a_period(trigger: Trigger) -> bool:
    """An act named only to say when something else happened: "In the early weeks of Russia's
    invasion, she worked as a fixer", "at the start of the offensive", "three years after the signing
    of the peace agreement"; or a deal named only as what is broken ("violations of the ceasefire")."""
    head = trigger.head
    named = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head
    after = named.head if named.dep_ == "pobj" and named.head.lower_ in ("after", "before") else None
    if after is not None and any(c.dep_ == "npadvmod" and lemma(c) in _LONG_AGO for c in after.children):
        # "killed three years after the signing of the accord": how long ago it was (but "died three
        # days after her arrest" tells the arrest)
        return True
    broken = head.dep_ == "pobj" and head.head.lower_ == "of" and lemma(head.head.head) in _BREACHES
    if broken and trigger.sense.plover == "AGREE":
        return True  # "the latest violations of the ceasefire that began in November": a deal in force
    of = head.head if head.dep_ == "pobj" else None
    if of is None or of.lower_ != "of" or lemma(of.head) not in _PERIOD_WORDS:
        return False
    period = of.head
    return period.dep_ == "pobj" and period.head.lower_ in ("in", "during", "at", "since", "from")


_LONG_AGO = frozenset({"year", "decade", "century"})
_BREACHES = frozenset({"violation", "breach", "violate", "collapse", "terms"})


WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_DAYS = WEEKDAYS | {"yesterday", "today", "tonight"}


def since_clause(clause: Token) -> bool:
    """A "since" clause that names no day: "since the accord was signed" counts from a start; "since
    violence erupted in the town on Monday" tells Monday's act."""
    if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "since" for c in clause.children):
        return False
    return not any(t.lower_ in _DAYS for t in clause.subtree)
