"""One event per act: merging the triggers of a sentence that tell the same act.

Decisions an analyst would make, written down:
- Several ASSAULT triggers in one sentence with compatible parties ("attacking ... killed",
  "Fighting ... attacking") are one event; a participle of outcome ("bombed a school, killing 11")
  and a "when" clause of means ("were killed when a roadside bomb struck their convoy") too.
- Kidnapping, rape and property destruction beside a killing stay events of their own.
- An interception ("shot down 21 drones that Russia launched") is the attack it disrupts.
- A trigger inside another event's party is a modifier ("strikes against attacking forces").
- A protest's demands are part of the protest.
"""

from __future__ import annotations

from sitrep.extract.arguments import Party, bounds
from sitrep.extract.drafts import Draft, stronger_mode
from sitrep.extract.triggers import NOUN_POS, Token, lemma


def inside(token: Token, p: Party | None) -> bool:
    if p is None:
        return False
    first, last = bounds(p.head)
    return first <= token.i <= last


def drop_nested(drafts: list[Draft]) -> list[Draft]:
    """A trigger inside another event's party is a modifier ("strikes against attacking forces")."""
    kept = []
    for draft in drafts:
        outer = next(
            (
                other
                for other in drafts
                if other is not draft
                and (inside(draft.trigger.head, other.actor2) or inside(draft.trigger.head, other.actor1))
                and not draft.trigger.modifier
                and draft.actor1 is None
            ),
            None,
        )
        if outer is None:
            kept.append(draft)
        elif draft.plover == outer.plover == "ASSAULT" and inside(draft.trigger.head, outer.actor1):
            outer.mode = stronger_mode(outer.mode, draft.mode)  # "a drone strike killed four": its means
    return kept


def drop_protest_demands(drafts: list[Draft], crowds: frozenset[str] = frozenset()) -> list[Draft]:
    """ "blocked the highway, demanding that the government ...": a protest's demands are part of it;
    so are the demands of a crowd another act of the sentence hits ("police fired tear gas at
    protesters demanding the president's resignation")."""
    protests = {d.trigger.head.i for d in drafts if d.plover == "PROTEST"}
    hit = {d.actor2.head.i for d in drafts if d.plover in ("ASSAULT", "COERCE") and d.actor2 is not None}
    if not protests and not hit:
        return drafts
    return [d for d in drafts if not _a_protests_demand(d, protests, hit, crowds)]


def _a_protests_demand(draft: Draft, protests: set[int], hit: set[int], crowds: frozenset[str]) -> bool:
    if draft.plover != "REQUEST":
        return False
    word = draft.trigger.head
    if word.dep_ in ("advcl", "xcomp", "conj", "acl") and word.head.i in protests:
        return True
    return word.dep_ in ("acl", "relcl") and word.head.i in hit and lemma(word.head) in crowds


def _same_party(a: Party | None, b: Party | None) -> bool:
    return a is None or b is None or a.span.text.lower() == b.span.text.lower() or a.head.i == b.head.i


def merge_same_acts(drafts: list[Draft]) -> list[Draft]:
    """One event per sentence for ASSAULT triggers whose parties agree (or are missing)."""
    merged: list[Draft] = []
    for draft in drafts:
        target = None
        if draft.plover == "ASSAULT" and _merge_interception(merged, draft):
            continue
        if draft.plover == "ASSAULT" and _merge_outcome(merged, draft):
            continue
        if draft.plover == "ASSAULT" and _merge_fight_into_its_toll(merged, draft):
            continue
        if draft.plover == "ASSAULT" and not draft.trigger.modifier:
            for other in merged:
                if other.plover != "ASSAULT" or other.anaphoric != draft.anaphoric:
                    continue  # "confirmed the attack but said two were killed": a back-reference and news
                if other.dated_against != draft.dated_against:
                    continue  # "came six days after a missile struck": the strike is another act
                ended = _the_doers_end(other, draft)
                if ended is not None:  # "stabbed a man ... before police shot him dead": the attacker's end,
                    ended.dated_against = True  # another act than the one the sentence tells
                    continue
                if other.mode != draft.mode and {other.mode, draft.mode} & DISTINCT_MODES:
                    continue
                if not (other.mode is None or draft.mode is None or other.mode == draft.mode):
                    if _outcome_of(other, draft):  # "bombed a school, killing 11": one act
                        target = other
                        break
                    continue
                parties_agree = _same_party(other.actor1, draft.actor1) and _same_party(
                    other.actor2, draft.actor2
                )
                means = inside(draft.trigger.head, other.actor1) or inside(other.trigger.head, draft.actor1)
                if _when_clause(other, draft):  # the victims' clause keeps its parties
                    other.mode = stronger_mode(other.mode, draft.mode)
                    other.actor1 = other.actor1 or _attacker(draft.actor1)
                    if _held_post(draft.actor2) and _people(other.actor2):
                        other.actor2 = draft.actor2  # "10 people were killed when militants attacked a base"
                    target = other
                    break
                if parties_agree or means or _nested_clause(other, draft):
                    target = other
                    break
        if target is None and draft.plover not in ("ASSAULT",):
            target = next(
                (
                    o
                    for o in merged
                    if _kin(o.plover, draft.plover) and (_governs(o, draft) or _restates(o, draft))
                ),
                None,
            )
        if target is None:
            merged.append(draft)
            continue
        if _when_clause(target, draft):
            continue
        keeper, extra = (target, draft) if _weight(target) >= _weight(draft) else (draft, target)
        keeper.plover = target.plover  # kindred types: the first-told act names the event
        act_as_doer = keeper.actor1 is not None and keeper.actor1.head.i == extra.trigger.head.i
        if act_as_doer and extra.actor1 is not None and not inside(extra.actor1.head, keeper.actor1):
            # "the bombing, carried out by al-Shabaab, killed six": its doer ("the Kismayo bombing"
            # names its town, no doer)
            keeper.actor1 = extra.actor1
        keeper.actor1 = keeper.actor1 or extra.actor1
        keeper.actor2 = keeper.actor2 or extra.actor2
        keeper.mode = stronger_mode(keeper.mode, extra.mode)
        if keeper.actor2 is not None and keeper.actor2.head.i == extra.trigger.head.i:
            keeper.actor2 = None  # "signed a ceasefire agreement": the object is the event itself
        if keeper is draft:
            merged[merged.index(target)] = draft
    return merged


# acts that stay events of their own beside a killing in one sentence ("killed 12 farmers and abducted
# three others"): kidnapping, rape, property destruction are coded separately by ACLED
WEAPON_OR_VEHICLE = frozenset(
    {"bomb", "mine", "landmine", "device", "ied", "explosive", "strike", "airstrike", "missile", "rocket",
     "shell", "drone", "vehicle", "car", "truck", "bus", "convoy", "shelling", "grenade", "blast"}
)
DISTINCT_MODES = frozenset({"abduct", "sexual", "destroy"})
INTERCEPTIONS = frozenset({"shoot", "intercept", "down", "destroy", "repel", "repulse"})
GROUND_DEFENCE = frozenset({"repel", "repulse"})  # fending off an assault is a clash: the defender is actor1


def _merge_interception(merged: list[Draft], draft: Draft) -> bool:
    """ "shot down 21 drones that Russia launched": one attack, whose actor is the launcher.

    Interceptions are coded with the attack they disrupt; the interceptor is its target.
    """
    for other in merged:
        if other.plover != "ASSAULT":
            continue
        for interception, attack in ((other, draft), (draft, other)):
            if lemma(interception.trigger.head) not in INTERCEPTIONS or attack.actor1 is None:
                continue
            victim = interception.actor2
            if victim is None or attack.trigger.head.i not in {t.i for t in victim.head.subtree}:
                continue
            keeper = other
            keeper.trigger = interception.trigger
            if lemma(interception.trigger.head) in GROUND_DEFENCE:
                # "repelled 14 Russian assaults": a battle the defenders fight, told from their side
                keeper.actor1, keeper.actor2 = interception.actor1 or keeper.actor1, attack.actor1
                keeper.mode = stronger_mode(interception.mode, attack.mode)
                return True
            keeper.actor2 = interception.actor1 or keeper.actor2
            keeper.actor1 = attack.actor1
            keeper.mode = stronger_mode(interception.mode, attack.mode)
            return True
    return False


OUTCOME_LEMMAS = frozenset({"kill", "wound", "injure", "die", "maim", "neutralise", "neutralize"})
# Verbs of fighting: their subject may hold both sides ("Pakistani and Afghan troops exchanged fire")
RECIPROCAL = frozenset({"clash", "fight", "fighting", "battle", "skirmish", "exchange", "engage", "combat"})


def names_both_sides(verb: Token, actor: Party | None) -> bool:
    """A fight whose subject names both sides: "rebels and soldiers clashed", "Pakistani and Afghan
    troops exchanged fire"; the dead of its outcome clause are its toll, not a side."""
    if lemma(verb) not in RECIPROCAL or actor is None:
        return False
    head = actor.head
    joined = [head, *(c for c in head.children if c.dep_ in ("amod", "compound", "nmod"))]
    return any(c.dep_ == "conj" for word in joined for c in word.children)


def _merge_fight_into_its_toll(merged: list[Draft], draft: Draft) -> bool:
    """ "Two people were killed when soldiers and rebels clashed", "15 were injured as police
    clashed with activists": a clause of fighting that names both sides is the act; the toll told before
    it is its outcome (the toll's verb had kept the event, with the first side against the dead)."""
    head = draft.trigger.head
    sides = names_both_sides(head, draft.actor1) or (
        lemma(head) in RECIPROCAL and draft.actor1 is not None and draft.actor2 is not None
    )
    if head.dep_ != "advcl" or not sides:
        return False
    told = (o for o in merged if o.plover == "ASSAULT" and o.trigger.head.i == head.head.i)
    toll = next((o for o in told if _is_outcome_clause(o)), None)
    if toll is None or toll.actor1 is not None:
        return False
    draft.absorbed = (*draft.absorbed, toll.trigger.head.i, *toll.absorbed)
    draft.mode = stronger_mode(draft.mode, toll.mode)
    merged[merged.index(toll)] = draft
    return True


def _is_outcome_clause(draft: Draft) -> bool:
    """A casualty clause with no attacker of its own: "..., killing five", "five people were killed"."""
    head = draft.trigger.head
    if head.pos_ != "VERB" or lemma(head) not in OUTCOME_LEMMAS:
        return False
    participle = head.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "aux") for c in head.children)
    return participle or draft.actor1 is None


def _merge_outcome(merged: list[Draft], draft: Draft) -> bool:
    """ "Gunmen attacked the village, killing six" or "..., the agency reported, saying five people were
    killed": the casualties are the outcome of the attack told before them in the sentence, whatever
    the parser attached the clause to. Kidnapping and burning keep their own events."""
    if not _is_outcome_clause(draft):
        return False
    own = {t.i for t in draft.trigger.head.subtree}
    hosts = [
        o
        for o in merged
        if o.plover == "ASSAULT"
        and o.trigger.start < draft.trigger.start
        and o.mode not in DISTINCT_MODES
        and not o.trigger.modifier
        and not o.anaphoric  # "confirmed the attack but said two were killed": the attack is told elsewhere
        and o.trigger.head.i not in own
    ]
    if not hosts:
        return False
    host = hosts[-1]
    host.absorbed = (*host.absorbed, draft.trigger.head.i)
    if not names_both_sides(host.trigger.head, host.actor1):
        host.actor2 = host.actor2 or draft.actor2
    host.mode = stronger_mode(host.mode, draft.mode)
    return True


def _outcome_of(a: Draft, b: Draft) -> bool:
    """One trigger is a participle or clause of the other's outcome ("struck ..., killing five")."""
    for outer, inner in ((a, b), (b, a)):
        head = inner.trigger.head
        if head.head.i == outer.trigger.head.i and head.dep_ in ("advcl", "xcomp", "acl"):
            return inner.actor1 is None or _same_party(outer.actor1, inner.actor1)
    return False


# types that describe one act when nested in each other ("pulled out ... and handed them over",
# "handed over the camp, accelerating their withdrawal")
KINDRED = (frozenset({"RETREAT", "CONCEDE"}),)


def _kin(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in KINDRED)


def _restates(a: Draft, b: Draft) -> bool:
    """A nested noun or a kindred act re-telling the same act ("handed over the camp, accelerating their
    withdrawal"); two verbs of one type ("endorsed the plan and praised the effort") stay two acts."""
    if not _nested_clause(a, b):
        return False
    return a.plover != b.plover or NOUN_POS & {a.trigger.head.pos_, b.trigger.head.pos_} != set()


# Who the doer of an act is called when another act of the sentence hits him: "before police shot
# him dead", "officers then shot the assailant"
_THE_DOER = frozenset(
    {"him", "her", "them", "attacker", "attackers", "assailant", "assailants", "gunman", "gunmen", "suspect",
     "suspects", "bomber", "hijacker", "hijackers", "kidnapper", "kidnappers"}
)  # fmt: skip


def _the_doers_end(a: Draft, b: Draft) -> Draft | None:
    """Of two acts of a sentence, the one that hits the other's doer, if either does."""
    return b if _turned_on_the_doer(a, b) else a if _turned_on_the_doer(b, a) else None


def _turned_on_the_doer(act: Draft, other: Draft) -> bool:
    """`other` hits the doer of `act` ("An attacker stabbed a man ... before police shot him dead"): two
    acts, the attack and its end, whatever the parties of `act` the parse found."""
    if other.actor1 is None or act.actor2 is None or _same_party(act.actor1, other.actor1):
        return False
    verb = other.trigger.head
    hit = other.actor2.head if other.actor2 is not None else next(
        (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None
    )  # "shot him dead": a pronoun is no party, but it is whom the act hit
    return hit is not None and hit.lower_ in _THE_DOER and hit.i != act.actor2.head.i


def _attacker(p: Party | None) -> Party | None:
    """A party that can be an attacker: not the weapon or the victims' vehicle ("a roadside bomb")."""
    if p is None or p.head.pos_ not in NOUN_POS or p.head.ent_type_ or p.head.lower_[:1].isupper():
        return p
    return None if lemma(p.head) in WEAPON_OR_VEHICLE else p


# Posts forces hold: the side an attack on one of them hits ("attacked a military base", "a checkpoint")
_POSTS = frozenset(
    {"base", "checkpoint", "outpost", "post", "position", "convoy", "patrol", "barracks", "garrison",
     "station"}
)  # fmt: skip


def _held_post(p: Party | None) -> bool:
    return p is not None and lemma(p.head) in _POSTS


def _people(p: Party | None) -> bool:
    """A toll's bare count of people ("10 people were killed"), who they were told elsewhere."""
    return p is not None and lemma(p.head) in ("people", "person")


def _when_clause(a: Draft, b: Draft) -> bool:
    """ "Five soldiers were killed when a roadside bomb struck their convoy": the clause tells how.

    `a` is the event told first (the killing), `b` the clause of its means.
    """
    for outer, inner in ((a, b),):
        head = inner.trigger.head
        governors = {outer.trigger.head.i, *(c.i for c in outer.trigger.head.conjuncts)}
        when = any(c.dep_ in ("mark", "advmod") and c.lower_ == "when" for c in head.children)
        if when and head.dep_ == "advcl" and head.head.i in governors:
            return True
    return False


def _governs(a: Draft, b: Draft) -> bool:
    """ "signed a ceasefire agreement": an event noun that is the object of a same-type verb."""
    for outer, inner in ((a, b), (b, a)):
        if inner.trigger.head.head.i == outer.trigger.head.i and inner.trigger.head.dep_ in (
            "dobj",
            "pobj",
            "attr",
            "nsubjpass",  # "a ceasefire was agreed"
        ):
            return True
    return False


def _nested_clause(a: Draft, b: Draft) -> bool:
    """One trigger inside the other's clause with no actor of its own ("attacking ... to have killed")."""
    for outer, inner in ((a, b), (b, a)):
        shared = outer.actor1 is not None and _same_party(outer.actor1, inner.actor1)
        own_actor = inner.actor1 is None or shared
        if own_actor and inner.trigger.head.i in {t.i for t in outer.trigger.head.subtree}:
            return True
    return False


def _weight(draft: Draft) -> int:
    return (draft.actor1 is not None) * 2 + (draft.actor2 is not None) * 2 + (draft.mode is not None)
