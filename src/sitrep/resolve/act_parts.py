"""Mentions that tell a part of another act, not an act of their own (EVENTS: one record per act).

- The attackers' flight after their raid ("the militants fled under cover of darkness") is the raid's
  own end, not a withdrawal (a force giving up ground, which is its target's act).
- A crowd's demands ("Demonstrators now insist that only early elections ...") are part of its protest.
- The attacked side's reply told after the attack ("the policemen retaliated against the attack") is
  the same clash.
- A defender's shoot-down told after the launch ("The missile was intercepted by the Israeli air
  force") is coded with the strike it disrupts; a plane shot down is the act itself.

Each check reads the two mentions' types, words and sides; where and when they were told is the
merging's to check (resolve/merge.py).
"""

from __future__ import annotations

import re

from sitrep.models import Event

# the types told as parts of another act: a raid's end, a crowd's demands
PARTS = frozenset({"RETREAT", "REQUEST"})
_INTERCEPTED = re.compile(
    r"\b(?:intercept(?:ed|s|ing)?|interception|shot down|shoots? down|downed)\b", re.IGNORECASE
)
# Acts done from afar, launched rather than fought: from the air or by shelling (only an armed force has
# the means; what they hit is often in another country than the one they came from)
FROM_AFAR = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
_FLED = re.compile(r"\b(?:fled|flee|flees|fleeing|escaped)\b", re.IGNORECASE)
_CROWDS = frozenset({"protesters", "rioters"})
_RESPONDS = re.compile(
    r"\b(?:retaliat(?:ed|es|ing)|repuls(?:ed|es|ing)|repell?(?:ed|s|ing)|fought back|returned fire|"
    r"responded)\b",
    re.IGNORECASE,
)


def _text(event: Event) -> str:
    return event.evidence.text if event.evidence else ""


def raid_end(flight: Event, raid: Event) -> bool:
    """A flight ("fled", "escaped") by the raid's own side, not by state forces."""
    if flight.plover != "RETREAT" or raid.plover != "ASSAULT" or not _FLED.search(_text(flight)):
        return False
    fleeing, attacker = flight.actor1, raid.actor1
    same_side = fleeing is None or attacker is None or fleeing.name == attacker.name
    return same_side and (fleeing is None or fleeing.kind != "state_forces")


def response(reply: Event, attack: Event) -> bool:
    """The attacked side's reply told after the attack ("The policemen deployed at the station
    retaliated against the attack", "troops repulsed the assault"): the same clash, told from the
    other side. The reply's doer is the attack's target (or unnamed), never its doer."""
    if reply.plover != "ASSAULT" or attack.plover != "ASSAULT" or reply is attack:
        return False
    if not _RESPONDS.search(_text(reply)) or _RESPONDS.search(_text(attack)):
        return False
    defender, target, attacker = reply.actor1, attack.actor2, attack.actor1
    if defender is None:
        return True
    if attacker is not None and attacker.name == defender.name:
        return False
    return target is None or target.name == defender.name or target.kind == defender.kind


def crowds_demand(demand: Event, protest: Event) -> bool:
    """A demand beside a protest: told in the protest's sentence (any demander, as the parse may give
    it to the police), or by the crowd itself (the merging checks the day and the place)."""
    if demand.plover != "REQUEST" or protest.plover != "PROTEST":
        return False
    same_sentence = (
        demand.evidence is not None and protest.evidence is not None
        and demand.evidence.start == protest.evidence.start
    )
    return same_sentence or (demand.actor1 is not None and demand.actor1.kind in _CROWDS)


def interception(defence: Event, attack: Event) -> bool:
    """The defender's shoot-down of a launch by the other side that hit the defender's country."""
    defender, attacker = defence.actor1, attack.actor1
    if defender is None or defender.kind != "state_forces" or not _INTERCEPTED.search(_text(defence)):
        return False
    if attacker is None or attacker.country == defender.country or _INTERCEPTED.search(_text(attack)):
        return False
    if attack.acled_sub_event_type not in FROM_AFAR:
        return False  # a plane shot down and its pilot killed: the shoot-down is the act
    hit = attack.actor2.country if attack.actor2 is not None else None
    return defender.country in (hit, attack.location.country if attack.location is not None else None)
