"""Whether two mentions of one type are told by the same side: an attack and the other side's
retaliation are two acts; one side named several ways is one.

Decisions, written down:
- The acting side decides; who was hit is too loosely told from sentence to sentence to keep
  assaults apart. Statements and sanctions are about someone: sanctions on two targets, accusations
  against two parties are two acts.
- Sides are compared by country and kind: an outlet's "Islamic State" is another's "ISWAP" (one name
  holding the other is one side too), a president speaks for his government; the state and an armed
  group of one country are two sides.
- A side the text describes but does not name ("militants", "gunmen", "Russian militants": the
  generic labels of data/actors/generic.toml) is known by its kind only; its country is the
  article's guess, not what the text says, so it never splits two mentions of a named side's act.
- Victims read as the doer ("Civilians" acting in an assault) and unidentified sides are no side.
- In statements, a person with no country of their own (a spokesman, an envoy) speaks for whichever
  side the other mention names.
- Agreements and meetings have two sides in either order: two mentions are one act when they share a
  party (by name or country) or one names none.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from sitrep.models import Actor, Event

PHYSICAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})
SYMMETRIC = frozenset({"AGREE", "CONSULT"})
NON_STATE = frozenset({"rebels", "political_militia", "identity_militia", "rioters", "protesters"})
ARMED_NON_STATE = NON_STATE - {"rioters", "protesters"}  # the sides that fight: rebels and militias
_STATE_CLASSES = frozenset({"force", "police", "government", "asset", "strike", "role"})


@lru_cache(maxsize=1)
def generic_labels() -> frozenset[str]:
    """The labels of sides described, not named ("Rebels", "Unidentified Armed Group")."""
    raw = resources.files("sitrep").joinpath("data", "actors", "generic.toml").read_text(encoding="utf-8")
    terms = tomllib.loads(raw).get("term", [])
    return frozenset(str(t["label"]) for t in terms if "label" in t and t.get("class") not in _STATE_CLASSES)


def who(actor: Actor | None) -> str | None:
    """An actor's identity for comparing; an unnamed side ("Unidentified (Kenya)") is no identity."""
    if actor is None or actor.name.startswith("Unidentified"):
        return None
    return actor.name


def described_only(actor: Actor) -> bool:
    """A side the text describes but does not name ("Rebels (Benin)", "Armed fighters")."""
    label = actor.name.split(" (", 1)[0]
    return label in generic_labels()


def _acting(actor: Actor | None, physical: bool) -> Actor | None:
    """The side an acting party stands for; None when the text gives none."""
    if actor is None or who(actor) is None:
        return None
    if physical and actor.kind == "civilians":
        return None  # the victims read as the doer ("1 civilian killed as a result of the strike")
    return actor


def _one_side(a: Actor, b: Actor, speech: bool) -> bool:
    if a.name == b.name:
        return True
    first, second = a.name.casefold(), b.name.casefold()
    if first in second or second in first:
        return True  # "Islamic State" and "Islamic State West Africa Province"
    armed_a, armed_b = a.kind in NON_STATE, b.kind in NON_STATE
    if (described_only(a) or described_only(b)) and armed_a and armed_b:
        return True  # "militants" and "Russian militants", "gunmen" and "al-Shabaab"
    for person, other in ((a, b), (b, a)):
        if speech and person.kind == "person" and person.country in (None, other.country):
            return True  # a spokesman, an envoy, a president speaking for his side
    return a.country is not None and a.country == b.country and armed_a == armed_b


def same_sides(a: Event, b: Event) -> bool:
    """True when nothing the two mentions say about their sides tells two acts (module docstring)."""
    physical = a.plover in PHYSICAL
    if a.plover in SYMMETRIC:
        return _share_a_party(a, b)
    if not physical:
        a2, b2 = who(a.actor2), who(b.actor2)
        if a2 is not None and b2 is not None and a2 != b2:
            return False  # sanctions on two people of one country are two acts
    a1, b1 = _acting(a.actor1, physical), _acting(b.actor1, physical)
    return a1 is None or b1 is None or _one_side(a1, b1, not physical)


def _share_a_party(a: Event, b: Event) -> bool:
    first = [p for p in (_acting(a.actor1, False), _acting(a.actor2, False)) if p is not None]
    second = [p for p in (_acting(b.actor1, False), _acting(b.actor2, False)) if p is not None]
    if not first or not second:
        return True
    return any(_one_side(x, y, True) for x in first for y in second)
