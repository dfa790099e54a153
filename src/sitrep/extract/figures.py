"""Casualty and displacement figures: "killed over 50 soldiers", "two people died",
"around 700,000 people have fled", "dozens were wounded", "a Turkish soldier was killed".

Vague numbers follow ACLED's convention of the lowest defensible value: "dozens" = 12,
"scores" = 20, "hundreds" = 100, "thousands" = 1000. Qualifiers are normalised ("more than" ->
"over", "around"/"approximately" -> "about", "almost" -> "nearly").
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.extract.datelines import dateline_end
from sitrep.extract.triggers import Token, argument_words, lemma, split_passive_subject, subject_on_auxiliary
from sitrep.models import Figures

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "a": 1,
    "an": 1,
    "single": 1,
    "lone": 1,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = {
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
    "several": 3,
    "tens": 10,
}
QUALIFIERS = {
    "at least": "at least",
    "more than": "over",
    "over": "over",
    "upwards of": "over",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "around": "about",
    "about": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "up to": "up to",
    "as many as": "up to",
    "no fewer than": "at least",  # checked before "fewer than": the widest words first
    "no less than": "at least",
    "not less than": "at least",
    "fewer than": "under",
    "less than": "under",
    "at most": "up to",
}
KILLED = frozenset(
    {
        "kill",
        "killing",
        "die",
        "dead",
        "death",
        "fatality",
        "execute",
        "massacre",
        "slay",
        "behead",
        "decapitate",
        "toll",
        "body",
        "perish",
        "slaughter",
        "murder",
        "assassinate",
        "lynch",
        "martyr",
        "martyrdom",  # "resulting in the martyrdom of one officer"
        "lose",
        "neutralise",  # military communiqués (Sahel, Turkey, Israel) for enemy fighters killed
        "neutralize",
        "eliminate",
    }
)
# "two policemen embraced martyrdom": how reports from Pakistan and Iran say someone was killed
_MARTYRDOM = frozenset({"martyrdom", "shahadat", "shahadah"})
INJURED = frozenset({"wound", "injure", "wounded", "injured", "injury", "hurt", "maim"})
_MOWED = frozenset({"gun", "mow"})
_FATALLY = frozenset({"fatally", "mortally", "fatal", "mortal"})
DISPLACED = frozenset({"flee", "displace", "uproot", "refugee", "displacement", "evacuate", "exodus"})
COLLECTIVES = frozenset({"family", "group", "household", "busload", "party", "band"})
_SITES_OF_THE_DISPLACED = frozenset({"camp", "site", "centre", "center", "settlement", "shelter"})
# "the wounded were evacuated to hospital", "two were evacuated by reinforcements to a clinic": care
# for the hurt, nobody displaced
_CARE = frozenset({
    "hospital", "clinic", "wound", "wounded", "injure", "injured", "casualty", "body", "patient", "treatment",
})
# "a total of 51 people": the people are counted; "a large number of expatriates": no count
TALLY_OF = frozenset({"total", "tally", "toll", "number"})
NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    qualifier: str | None


def parse_number(text: str) -> int | None:
    """'700,000' -> 700000, 'twenty-three' -> 23, '1.5 million' -> 1500000, 'a dozen' -> 12."""
    words = text.lower().replace(",", "").replace("-", " ").split()
    if not words:
        return None
    if len(words) == 1 and words[0] in VAGUE:
        return VAGUE[words[0]]
    total, current = 0, 0.0
    seen = False
    for word in words:
        if word in UNITS:
            current += UNITS[word] if word not in ("dozen",) else (current * 11 if current else 12)
            seen = True
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + int(current), 0
            seen = True
        else:
            try:
                current += float(word)
                seen = True
            except ValueError:
                return None
    value = int(total + current)
    return value if seen else None


def _qualifier(tokens: Sequence[Token], first: int) -> str | None:
    doc = tokens[0].doc if tokens else None
    if doc is None:
        return None
    for width in (3, 2, 1):  # "as many as 100", "more than 50", "nearly 30"
        start = first - width
        if start < 0:
            continue
        words = " ".join(doc[i].lower_ for i in range(start, first))
        if words in QUALIFIERS:
            return QUALIFIERS[words]
    return None


ONE_PERSON = frozenset({"him", "her", "he", "she"})
_KIN_OWNERS = frozenset({"his", "her", "their", "its", "my", "our"})  # "his son": one person


NUMERAL_DEPS = ("nummod", "compound", "amod")


def count_in(noun: Token) -> Count | None:
    """The number of people a noun phrase names: its numeral, a vague plural, or one for "a soldier".

    A collective noun counts its members: "a family of five", "a group of 20 worshippers".
    """
    doc = noun.doc
    if lemma(noun) in COLLECTIVES or lemma(noun) in TALLY_OF:  # "a total of 51 people"
        of = (c for c in noun.children if c.lower_ == "of")
        members = next((g for c in of for g in c.children if g.dep_ == "pobj"), None)
        if members is not None:
            return count_in(members)
    if noun.like_num or noun.lower_ in VAGUE:
        numeral: Token | None = noun
    else:
        numeral = next((c for c in noun.children if c.dep_ == "nummod"), None)
        if numeral is None:  # "Two FAMa soldiers": the numeral parsed onto a name compound
            # "Sixteen Nigerien soldiers", "Eleven Chadian soldiers": the phrase's first word, a numeral
            # taken for a part of the name or an adjective (not "a 22-year-old man")
            first = noun.left_edge
            hyphened = first.i + 1 < len(doc) and doc[first.i + 1].text == "-"
            if first.i < noun.i and first.like_num and first.dep_ in NUMERAL_DEPS and not hyphened:
                numeral = first
        vague_of = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in VAGUE
        if numeral is None and vague_of:  # "dozens of people", "hundreds of civilians"
            numeral = noun.head.head
    if numeral is not None:
        if numeral.ent_type_ in NOT_COUNTS and not _lone_number(numeral):
            return None
        first = last = numeral.i
        if numeral.lower_ == "one" and first > 0 and doc[first - 1].lower_ == "no":
            return None  # "no one was killed": nobody counted
        while first - 1 >= 0 and _joins(doc[first - 1], doc[first]):
            first -= 1
        while last + 1 < noun.i and (
            doc[last + 1].like_num or doc[last + 1].lower_ in SCALES or doc[last + 1].lower_ == "dozen"
        ):
            last += 1
        if (
            first > 0
            and doc[first - 1].lower_ in ("a", "an")
            and doc[first].lower_ in ("dozen", "hundred", "thousand")
        ):
            first -= 1
        value = parse_number(" ".join(doc[i].text for i in range(first, last + 1)))
        if value is None:
            return None
        if numeral.lower_ in VAGUE:
            value = _vague_of_vague(numeral)  # "tens of thousands": 10,000
        low = _range_start(doc, first)
        if low is not None and low < value:
            return Count(low, "at least")  # "10 to 15 people died": the stated minimum
        qualifier = _qualifier([noun], first)
        if qualifier is None and numeral.lower_ in VAGUE:
            qualifier = numeral.lower_
        return Count(value, qualifier)
    if noun.tag_ in ("NN", "NNP") and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in noun.children
    ):
        return Count(1, None)  # "another police officer was killed": one (more)
    if noun.lower_ in ONE_PERSON or (noun.ent_type_ == "PERSON" and noun.tag_ == "NNP"):
        return Count(1, None)  # "gunmen killed her", "Mota was executed": one person
    if noun.lower_ == "another" and not list(noun.children):
        return Count(1, None)  # "killed one person and injured another": one more
    if noun.tag_ == "NN" and any(c.dep_ == "poss" and c.lower_ in _KIN_OWNERS for c in noun.children):
        return Count(1, None)  # "his father-in-law and his son were found dead": one each
    return None


def _vague_of_vague(numeral: Token) -> int:
    """A vague number of a vague number: "tens of thousands" 10,000, "hundreds of thousands" 100,000
    (the lowest value each word defends), whichever of the two words the parse gives."""
    value = VAGUE[numeral.lower_]
    of = [g for c in numeral.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    inner = of[0] if of else None
    if inner is not None and inner.lower_ in VAGUE and VAGUE[inner.lower_] >= 1000:
        return value * VAGUE[inner.lower_]
    outer = numeral.head.head if numeral.dep_ == "pobj" and numeral.head.lower_ == "of" else None
    if outer is None:  # "Tens of thousands of people fled": "Tens" a modifier of "thousands"
        outer = next((c for c in numeral.children if c.dep_ == "quantmod" and c.lower_ in VAGUE), None)
    if outer is not None and outer.lower_ in VAGUE and value >= 1000:
        return value * VAGUE[outer.lower_]
    return value


def _range_start(doc: Sequence[Token], first: int) -> int | None:
    """The low end of a range written "10 to 15" before the number at `first`, or None."""
    if first < 2 or doc[first - 1].lower_ not in ("to", "-", "–") or not doc[first - 2].like_num:
        return None
    if first >= 3 and doc[first - 3].lower_ == "from":
        return None  # "the toll rose from 120 to 164": where it stands now
    return parse_number(doc[first - 2].text)


def _joins(before: Token, token: Token) -> bool:
    """Whether `before` is part of the number `token` goes on ("two hundred", "2 million",
    "twenty-five"); digits never run on into a number written in words ("2021-10-21 Six soldiers": a
    page's date stamp and the count that follows it)."""
    if before.text == "-":
        words = before.i > 0 and not before.doc[before.i - 1].text[:1].isdigit()
        return words and not token.text[:1].isdigit()
    if not (before.like_num or before.lower_ in SCALES):
        return False
    return not (before.text[:1].isdigit() and not token.text[:1].isdigit() and token.lower_ not in SCALES)


def _lone_number(token: Token) -> bool:
    """A bare number the tagger took for a date ("wounding 21", "injured over 70"): an entity of one
    digits-only token that is the object of its verb or of a qualifying preposition the parse made of
    "over". "on 21 March" and "in 2023" are entities of their own kind."""
    qualified = token.dep_ == "pobj" and token.head.lower_ in QUALIFYING_PREPS
    spelled = token.is_alpha and token.like_num  # "killing six." (the tagger ran the entity over the stop)
    digits = token.text.isdigit() and len(token.text) <= 3
    if not (digits or spelled) or not (token.dep_ == "dobj" or qualified):
        return False
    doc = token.doc
    rest = itertools.takewhile(lambda t: t.ent_iob_ == "I", doc[token.i + 1 :])
    return token.ent_iob_ == "B" and all(t.is_punct for t in rest)


# Verbs that raise the counted people to their own subject: "were reported to be killed".
_RAISING = frozenset({"report", "know", "believe", "fear", "confirm", "understand"})


def names_a_count(noun: Token) -> bool:
    """A noun that is a number or has one ("12", "71 soldiers"): a count of people."""
    return noun.like_num or any(c.dep_ == "nummod" for c in noun.children)


def set_off_subject(first: Token, second: Token) -> bool:
    """A subject the parser gave a verb twice, the first set off by commas before the second ("According
    to X, a police spokesperson, thirty gang members were killed": the spokesperson is
    the source's apposition, the members the subject)."""
    after = first.right_edge.i + 1
    subjects = ("nsubj", "nsubjpass")
    counted = [any(c.dep_ == "nummod" for c in t.children) for t in (first, second)]
    return (
        first.dep_ in subjects and second.dep_ in subjects and first.i < second.i < first.head.i
        and after < len(first.doc) and first.doc[after].text == "," and counted == [False, True]
    )


def _victim(token: Token) -> Token | None:
    """The noun counted by a casualty word, by its grammatical role."""
    word = lemma(token)
    children: dict[str, Token] = {}
    for child in token.children:  # "killed four civilians, among them a child": the first object counts
        if child.dep_ in ("nsubj", "nsubjpass") and child.ent_type_ in ("DATE", "TIME"):
            continue  # "In mid-April, 54 soldiers were killed": the parse made the month a subject too
        if child.dep_ in ("nsubj", "nsubjpass") and dateline_end(child) is not None and any(
            c.dep_ == child.dep_ and c.i > child.i and dateline_end(c) is None for c in token.children
        ):
            continue  # "HODEIDAH, Dec 29 (Saba) - Six fishermen were killed": the city is the dateline's
        kept = children.get(child.dep_)
        if kept is not None and set_off_subject(kept, child):
            children[child.dep_] = child  # "According to X, a police spokesperson, 30 were killed"
        children.setdefault(child.dep_, child)
    if token.pos_ == "VERB":
        own_clause = any(c.dep_ in ("nsubj", "dobj", "aux", "auxpass") for c in token.children)
        modifier = token.dep_ in ("amod", "acl") and token.tag_ == "VBN" and not own_clause
        if modifier and word not in DISPLACED and token.head.pos_ == "NUM" and token.head.like_num:
            return token.head  # "More than 60 killed in car bombing": a headline's count
        left = token.dep_ in ("advcl", "oprd", "xcomp") and lemma(token.head) == "leave"
        # "leaving two others injured", "left one soldier martyred" (the second parsed as a complement)
        if left and token.tag_ == "VBN" and not own_clause:
            return next((c for c in token.head.children if c.dep_ == "dobj"), None)
        raised = token.dep_ == "xcomp" and lemma(token.head) in _RAISING and not any(
            c.dep_ in ("nsubj", "dobj") for c in token.children
        )  # "nine people were reported to be killed", "were known to have died"
        split = split_passive_subject(token)  # "four soldiers were on Tuesday killed"
        if split is not None:
            return split
        if (token.dep_ in ("xcomp", "oprd") and token.tag_ == "VBN" and not own_clause) or raised:
            # "147 people are reported killed", "dozens were feared dead": the reporting verb's subject
            reported = next((c for c in token.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            if reported is not None:
                return reported
        if modifier and word not in DISPLACED and token.head.pos_ in ("NOUN", "PROPN"):
            if lemma(token.head) in TALLIES:  # "put the total number killed at eight"
                return _tally_number(token.head)
            among = token.head.head if token.head.dep_ == "pobj" else None
            if among is not None and among.lower_ == "including" and among.head.pos_ == "NOUN":
                return among.head  # "seven soldiers including two officers killed": the soldiers
            return token.head  # "56 wounded patients", "24 bodies and 50 injured people"
        passive = "nsubjpass" in children or "auxpass" in children
        if passive:
            # "three men were on Tuesday killed": the parse may hang the subject on "were"
            held = children.get("nsubj") or subject_on_auxiliary(token) if "auxpass" in children else None
            return children.get("nsubjpass") or held
        if word in ("die", "flee", "perish", "lose") or "dobj" not in children:
            subject = children.get("nsubj")
            lives = word == "lose" and any(lemma(c) == "life" for c in token.children if c.dep_ == "dobj")
            if (word in ("flee", "die", "perish") or lives) and subject is not None:
                return subject  # "147 people lost their lives"
            if word == "lose":  # "the mission said it lost four soldiers": its own dead, counted
                return next((c for c in token.children if c.dep_ == "dobj" and _lost_in_war(c)), None)
            if word == "flee" and token.dep_ == "xcomp":  # "forcing nearly 9,000 residents to flee"
                return next((c for c in token.head.children if c.dep_ == "dobj"), None)
            if "dobj" not in children and token.dep_ == "conj":  # "27 were killed and 130 (others) injured"
                numerals = (c for c in token.children if c.like_num and c.ent_type_ not in NOT_COUNTS)
                # "five teenagers were tortured and murdered": the passive subject of a harm that counts
                # no casualty of its own (not "were killed and wounded", one count for two harms)
                shared = (
                    next((c for c in token.head.children if c.dep_ == "nsubjpass"), None)
                    if _kind_of(token.head) is None
                    else None
                )
                return next(numerals, None) or _qualified_number(token) or subject or shared
            # "with more than 70 injured"; "the toll: 71 soldiers killed, 12 injured" (two subjects parsed)
            numbered = [c for c in token.children if c.dep_ == "nsubj" and names_a_count(c)]
            if numbered and token.tag_ == "VBN" and "aux" not in children:
                return numbered[-1]
            if "dobj" not in children:  # "killing up to 30 of them": the qualifier parsed as a preposition
                return _qualified_number(token)
            return children.get("dobj")
        return children.get("dobj")
    if token.pos_ == "ADJ":  # "five dead", "left 20 wounded", "were shot dead"
        numeral = next((c for c in token.children if c.dep_ == "nummod" and c.i < token.i), None)
        if numeral is not None:  # "UPDATE 2: Over 79 dead": the adjective's own number, not its head's
            return numeral
        counted = next((c for c in token.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN"), None)
        if counted is not None and any(c.dep_ == "nummod" for c in counted.children):
            return counted  # "left 18 prisoners dead" (the counted noun parsed as the adjective's modifier)
        if token.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return token.head
        raising = token.head.head if token.head.dep_ == "xcomp" else None
        if raising is not None and lemma(raising) in _RAISING:  # "are reported to have been shot dead"
            reported = next((c for c in raising.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            if reported is not None:
                return reported
        if token.dep_ == "acomp" and lemma(token.head) == "be" and "nsubj" not in children:  # "149 are dead"
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
        return children.get("nsubj") or next(  # "shot dead a 12-year-old boy" (parsed as apposition)
            (c for c in token.head.children if c.dep_ in ("dobj", "nsubjpass", "appos")), None
        )
    if word in ("wound", "injury") and token.pos_ == "NOUN":
        return _bearer(token)
    if word in ("killing", "murder", "massacre", "martyrdom") and token.pos_ == "NOUN":
        # "the killing of three militants", "the massacre of 40 villagers", "resulting in the martyrdom
        # of one officer": the people of "of", counted
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        people = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if people is not None and any(c.dep_ == "nummod" for c in people.children):
            return people
    if word == "death" and token.dep_ == "pobj" and token.head.lower_ == "to":  # "beat a man to death"
        verb = token.head.head
        return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if word in ("toll", "death", "fatality", "refugee", "body", "casualty"):
        if any(c.dep_ == "nummod" for c in token.children):
            return token
        if token.dep_ == "compound" and lemma(token.head) in TALLIES:
            return None  # "the death toll at 184": the toll states it
        numbers = sorted(  # "the death toll rose to 30"; not "the toll when two bombs exploded"
            (
                t
                for t in token.head.subtree
                if t.like_num and (t.ent_type_ not in NOT_COUNTS or _total_reached(t)) and t.i > token.i
                and not _in_clause(t, token.head)
            ),
            key=lambda t: t.i,  # "put the toll at 184, including 127 elderly": the first told
        )
        # "rose from 235 to 305": where it stands ("to" parsed as the number's head or its quantmod)
        reached = [
            t for t in numbers if t.head.lower_ == "to" or any(c.lower_ == "to" for c in t.children)
        ]
        return (reached or numbers)[0] if numbers else None
    return None


def _total_reached(token: Token) -> bool:
    """A total of at most three digits after "to" or "at" that the tagger took for a date ("the death
    toll has risen to over 72": an age, it thought)."""
    to = token.dep_ == "pobj" and token.head.lower_ in ("to", "at")
    return to and token.text.isdigit() and len(token.text) <= 3


# Verbs whose subject bears the wounds they take: "two men sustained shrapnel wounds".
_BORNE = frozenset({"sustain", "suffer", "receive", "incur", "get"})


def _bearer(wounds: Token) -> Token | None:
    """Who bears the wounds a noun names: the subject of "sustained/suffered/received wounds", who an
    act left "with injuries" ("leaving three people with shrapnel injuries"), or whom they are "to"."""
    to = next((c for c in wounds.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    borne = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    if borne is not None and any(c.dep_ == "nummod" for c in borne.children):
        return borne  # "resulted in injuries to 10 police officers"
    while wounds.dep_ == "conj":  # "with burns and injuries"
        wounds = wounds.head
    verb = wounds.head
    if wounds.dep_ == "dobj" and lemma(verb) in _BORNE:
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if wounds.dep_ == "pobj" and verb.lower_ == "with":
        holder = verb.head
        if holder.pos_ in ("NOUN", "PROPN"):
            return holder  # "three people with injuries" ("with" on the people)
        if lemma(holder) == "leave":
            return next((c for c in holder.children if c.dep_ == "dobj"), None)
    return None


def _in_clause(number: Token, top: Token) -> bool:
    """Whether a number sits in a clause of its own under `top` ("the toll when two bombs exploded")."""
    node = number.head
    while node.i != top.i and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in ("advcl", "relcl", "ccomp", "conj"):
            return True
        node = node.head
    return False


EUPHEMISMS = frozenset({"neutralise", "neutralize", "eliminate"})  # killing, when people are counted
TALLIES = frozenset({"number", "toll", "tally", "count", "figure", "total"})
QUALIFYING_PREPS = frozenset({"to", "around", "about", "over", "nearly", "than", "of"})


def _tally_number(tally: Token) -> Token | None:
    """ "put the number killed at eight", "the number of dead rose to 40": the figure after the tally."""
    for t in tally.head.subtree:
        if t.i > tally.i and t.like_num and t.ent_type_ not in NOT_COUNTS:
            return t
    return None


def _qualified_number(verb: Token) -> Token | None:
    """A number object parsed as a preposition's object: "killing up to 30", "killed around 20"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in QUALIFYING_PREPS:
            number = next((g for g in child.children if g.dep_ == "pobj" and g.like_num), None)
            if number is not None and (number.ent_type_ not in NOT_COUNTS or _lone_number(number)):
                return number
    return None


@dataclass(frozen=True, slots=True)
class Casualty:
    """One stated figure and the casualty word that states it ("killed", "wounded", "toll")."""

    kind: str  # "killed", "injured" or "displaced"
    count: Count
    word: Token
    victim: Token | None = None  # the noun counted ("villagers"), when the figure names one
    further: bool = False  # counted on top of a figure before it: "two more died", "another three"


def figures_in(sentence: Sequence[Token]) -> Figures:
    """Killed, injured and displaced counts stated in a sentence (the first of each kind)."""
    return combine(casualties_in(sentence))


FURTHER = frozenset({"more", "another", "further", "additional"})


def _more_than(token: Token) -> bool:
    """ "more than 30": a qualifier of the count, not a count on top of another ("two more died")."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "more" and after is not None and after.lower_ == "than"


# Verbs that carry a toll to its new total: "bringing the death toll to seven", "raising the toll to 12"
_CARRY_TO = frozenset({"bring", "raise", "take", "push", "lift"})


def running_toll(sentence: Sequence[Token]) -> int | None:
    """The act's dead counted so far, where a sentence adds one more to them ("A woman was also killed,
    bringing the death toll to seven"): seven. Not a tally over time ("raising the tally to 46
    murdered in 2020": a tally, no toll word; "... to 300 since January")."""
    for token in sentence:
        if lemma(token) != "toll" or lemma(token.head) not in _CARRY_TO or token.dep_ != "dobj":
            continue
        if any(lemma(c) in INJURED for c in token.children):
            continue  # "the injury toll"
        to = next((c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        total = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
        if total is None or any(t.lower_ in _OVER_TIME for t in total.subtree):
            continue
        if total.like_num or total.pos_ == "NUM":
            return parse_number(total.text)
        counted = count_in(total)
        numbered = any(c.dep_ == "nummod" for c in total.children)
        return counted.value if counted is not None and numbered else None
    return None


# Words that make a total a tally over time: "to 300 since January", "so far this year"
_OVER_TIME = frozenset({"since", "year", "month", "far"})


def combine(casualties: Sequence[Casualty]) -> Figures:
    """The first figure of each kind, with the first qualifier stated; a figure counted on top of it
    adds up ("10 people died at the scene and two more died later in hospital": 12)."""
    found: dict[str, Count] = {}
    lost = False  # the first killed figure was a side's own losses ("lost two soldiers")
    for casualty in casualties:
        first = found.get(casualty.kind)
        # "lost two soldiers and killed 30 militants": both sides' dead add up
        both_sides = casualty.kind == "killed" and (lost or _loses_its_own(casualty.word))
        if first is not None and (casualty.further or both_sides):
            found[casualty.kind] = Count(first.value + casualty.count.value, first.qualifier)
        elif first is None and casualty.kind == "killed":
            lost = _loses_its_own(casualty.word)
        found.setdefault(casualty.kind, casualty.count)
    qualifier = next((c.qualifier for c in found.values() if c.qualifier), None)
    return Figures(
        killed=found["killed"].value if "killed" in found else None,
        injured=found["injured"].value if "injured" in found else None,
        displaced=found["displaced"].value if "displaced" in found else None,
        qualifier=qualifier,
    )


def casualties_in(sentence: Sequence[Token]) -> list[Casualty]:
    """Every casualty figure of a sentence, in text order, each with the word that states it."""
    found: list[Casualty] = []
    for token in sentence:
        word = lemma(token)
        kind = _kind_of(token)
        if word in ("force", "drive") and any(
            g.lower_ in ("home", "homes") for c in token.children if c.lower_ == "from" for g in c.children
        ):
            kind = "displaced"  # "forced more than 2 million people from their homes"
        lives = _claimed_lives(token) if word == "claim" else None
        if lives is not None:
            kind = "killed"  # "the strike claimed the lives of 50 civilians"
        if word == "embrace" and any(c.dep_ == "dobj" and c.lower_ in _MARTYRDOM for c in token.children):
            lives = next((c for c in token.children if c.dep_ == "nsubj"), None)
            kind = "killed" if lives is not None else kind  # "two policemen embraced martyrdom"
        if kind is None or _undone(token):
            continue
        if word == "evacuate" and _CARE & argument_words(token):
            continue
        if token.dep_ in ("compound", "amod") and lemma(token.head) in _SITES_OF_THE_DISPLACED:
            continue  # "killed 42 people at a displacement camp", "a refugee camp": a place, no count
        if word == "lose" and not any(lemma(c) in ("life",) or _lost_in_war(c) for c in token.children):
            continue
        victim = lives or _victim(token)
        if victim is None:
            continue
        if victim.lower_ in ("who", "that") and victim.head.dep_ == "relcl":
            victim = victim.head.head  # "among three people who were killed": the people counted
        if victim.lower_ == "them":
            victim = _counted_before(victim) or victim  # "singled out 28 passengers ... shot them dead"
        if _shared_with_other_harm(token, kind, victim):
            continue  # "13 were killed or wounded", "killed and wounded 13": dead and hurt in one count
        if word in EUPHEMISMS and not (victim.like_num or victim.tag_ == "NNS"):
            continue  # "neutralised a bomb", "eliminated the threat": no people counted
        count = count_in(victim)
        if found and _as_many(victim):
            count = found[-1].count  # "killed 13 people and wounded an equal number": as many as the last
        if count is None:
            count = _one_and_counted(victim)  # "the police chief and two of his aides were killed"
        if count is None:  # "PESHAWAR, Pakistan (UPI) - At least 126 people ... were killed": a dateline
            counted = next((a for a in _appositions(victim) if count_in(a) is not None), None)
            if counted is not None:
                victim, count = counted, count_in(counted)
        if count is not None and (_on_each_side(victim) or _on_each_side(token)):
            count = Count(count.value * 2, count.qualifier)  # "two were killed on each side": four dead
        if count is not None:
            named = victim if victim.pos_ in ("NOUN", "PROPN") and lemma(victim) not in TALLIES else None
            further = any(t.lower_ in FURTHER and not _more_than(t) for t in victim.subtree)
            found.append(Casualty(kind, _with_conjuncts(victim, count), token, named, further))
    return found


# People a side loses in a fight: "lost four soldiers", "lost 12 fighters"
_LOST_IN_WAR = frozenset({
    "soldier", "troop", "fighter", "officer", "policeman", "serviceman", "militant", "man", "guard",
    "personnel", "commander", "member",
})


def _loses_its_own(word: Token) -> bool:
    """"lost four soldiers" (not "lost their lives"): a side counting its own dead."""
    return lemma(word) == "lose" and any(_lost_in_war(c) for c in word.children)


def _lost_in_war(noun: Token) -> bool:
    """A counted object of "lose" that is a side's people ("lost four soldiers"), not ground or votes."""
    return noun.dep_ == "dobj" and lemma(noun) in _LOST_IN_WAR and any(
        c.dep_ == "nummod" or c.like_num for c in noun.children
    )


def _on_each_side(word: Token) -> bool:
    """"two were killed on each side": a count per side of a fight ("22 fighters on both sides" is a
    total over the two)."""
    return any(
        c.dep_ == "prep" and c.lower_ == "on" and any(
            lemma(g) == "side" and any(d.lower_ == "each" for d in g.children)
            for g in c.children
        )
        for c in word.children
    )


def _counted_before(pronoun: Token) -> Token | None:
    """The people "them" stands for in its sentence: the nearest plural noun before it with a count
    ("singled out 28 non-Muslims, forcing them to lie on the ground before shooting them dead")."""
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        noun = pronoun.doc[i]
        if noun.tag_ in ("NNS", "NNPS") and count_in(noun) is not None:
            return noun
    return None


def _kind_of(token: Token) -> str | None:
    """The kind of casualty a word states, if any."""
    word = lemma(token)
    hurt = any(c.dep_ in ("compound", "amod") and lemma(c) in INJURED for c in token.children)
    if word in TALLIES and hurt:
        return "injured"  # "the injury toll stood at eight", "the wounded tally"
    if word in KILLED:
        return "killed"
    if word in _MOWED and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return "killed"  # "three villagers were gunned down", "mowed down": shot dead
    if word in INJURED and any(c.lower_ in _FATALLY for c in token.children if c.dep_ in ("advmod", "amod")):
        return "killed"  # "fatally injured", "mortally wounded": the harm is a death
    return "injured" if word in INJURED else "displaced" if word in DISPLACED else None


def _shared_with_other_harm(token: Token, kind: str, victim: Token) -> bool:
    """A count the word shares with a conjoined word of the other harm ("were killed or wounded",
    "killed and wounded 13 civilians", "the death or injury of 25"): casualties, neither toll."""
    partners = [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        partners.append(token.head)
    for partner in partners:
        other = _kind_of(partner)
        if other in (None, "displaced", kind) or kind not in ("killed", "injured"):
            continue
        first, second = sorted((token, partner), key=lambda t: t.i)
        joined = second.i - first.i == 2 and token.doc[first.i + 1].dep_ == "cc"
        shared = _victim(partner)
        if joined and (shared is None or shared.i == victim.i):
            return True  # "killed or wounded", side by side, with one count between them
    return False


# Verbs whose infinitive tells what was not done: "threatening to kill an employee", "tried to kill".
_UNDONE = frozenset({
    "threaten", "vow", "plan", "plot", "try", "attempt", "want", "seek", "intend", "aim", "warn",
    "promise", "pledge", "prepare", "conspire", "refuse", "fail", "order",
})


def _undone(verb: Token) -> bool:
    """A casualty verb that is the infinitive of a verb telling it was not done."""
    return verb.dep_ == "xcomp" and verb.pos_ == "VERB" and lemma(verb.head) in _UNDONE


def _claimed_lives(token: Token) -> Token | None:
    """ "claimed 20 lives", "claimed the lives of 50 civilians": the lives, or the people they were."""
    lives = next((c for c in token.children if c.dep_ == "dobj" and lemma(c) == "life"), None)
    if lives is None or any(c.dep_ == "nummod" for c in lives.children):
        return lives
    of = next((c for c in lives.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def _appositions(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]


SPEECH_CUES = frozenset({"say", "tell", "report", "add", "confirm", "state"})


def _speaker(conjunct: Token) -> bool:
    """A conjunct that runs straight into a reporting verb is the sentence's source, not a victim."""
    doc = conjunct.doc
    after = max(t.i for t in conjunct.subtree) + 1
    return after < len(doc) and doc[after].pos_ == "VERB" and lemma(doc[after]) in SPEECH_CUES


def _one_named(noun: Token) -> bool:
    """A singular noun counted by its article: "a father"."""
    return noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _bare_singular(noun: Token) -> bool:
    return noun.tag_ == "NN" and not any(c.dep_ == "det" for c in noun.children)


def _as_many(victim: Token) -> bool:
    """ "an equal number", "the same number": as many as the figure told before."""
    return lemma(victim) == "number" and any(
        c.dep_ == "amod" and c.lower_ in ("equal", "same", "similar") for c in victim.children
    )


def _some_of(conjunct: Token) -> int | None:
    """The number of "three of her children", "two of their sons": some of a group, counted."""
    if conjunct.pos_ != "NUM" or not any(c.dep_ == "prep" and c.lower_ == "of" for c in conjunct.children):
        return None
    return parse_number(conjunct.lower_)


def _one_and_counted(victim: Token) -> Count | None:
    """One person named by role or name, then a counted group beside them: "the police chief and two of
    his aides", "the mayor and three bodyguards": one, and the group's count (summed by
    `_with_conjuncts`). None when no conjunct is counted ("the chief and his aides")."""
    if victim.tag_ not in ("NN", "NNP") or victim.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC"):
        return None
    if victim.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in victim.children):
        return None
    for conjunct in victim.conjuncts:
        if conjunct.i < victim.i:
            continue
        some = _some_of(conjunct)
        counted = any(c.dep_ == "nummod" for c in conjunct.children) and count_in(conjunct) is not None
        if some is not None or counted:
            return Count(1, None)
    return None


def _listed_after(victim: Token, value: int) -> int:
    """ "Four pupils, a teacher and two guards were killed": a list the parse hung on the first count
    as an apposition adds up; "two soldiers, a captain and a sergeant" names the two (its counts sum
    to the first), so adds nothing."""
    apposed = next((c for c in victim.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    if apposed is None or not apposed.conjuncts:
        return 0
    counts = []
    for item in (apposed, *apposed.conjuncts):
        counted = any(c.dep_ == "nummod" or c.lower_ in ("a", "an") for c in item.children)
        found = count_in(item) if counted else None
        if found is None:
            return 0
        counts.append(found.value)
    return sum(counts) if sum(counts) != value else 0


def _with_conjuncts(victim: Token, count: Count) -> Count:
    """ "17 soldiers and 23 militiamen were killed", "killing a child, three women and a man":
    coordinated counts add up (ACLED sums them)."""
    total = count.value
    # "injured a civilian and two soldiers": the parse may hang "a civilian" on the second count's noun
    # (an article with a noun under it), one person more
    article = next((c for c in victim.children if c.dep_ == "det" and c.lower_ in ("a", "an")), None)
    if article is not None and any(g.dep_ == "preconj" and g.tag_ == "NN" for g in article.children):
        total += 1
    casualty_words = KILLED | INJURED | DISPLACED
    # "a child, three women and a man": the parse chains each conjunct onto the one before, or hangs
    # them on the verb beside its object
    conjuncts = [c for c in victim.conjuncts if c.i > victim.i]
    if not conjuncts and victim.dep_ == "dobj":
        beside = [c for c in victim.head.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > victim.i]
        conjuncts = [x for c in beside for x in (c, *c.conjuncts) if x.i > victim.i]
    # "Two children, a woman and two men were killed": the parse makes a second subject of the list
    second = [
        c for c in victim.head.children if c.dep_ == "nsubjpass" and c.i > victim.i and c.pos_ == "NOUN"
    ]
    if not conjuncts and victim.dep_ == "nsubjpass" and second:
        conjuncts = [x for c in second for x in (c, *c.conjuncts)]
    if not conjuncts:
        total += _listed_after(victim, count.value)
    for conjunct in sorted(set(conjuncts), key=lambda c: c.i):
        # "24 bodies and 50 wounded (people)": another kind of casualty, counted on its own
        casualty_word = lemma(conjunct) in casualty_words or any(
            c.dep_ in ("amod", "acl") and lemma(c) in casualty_words for c in conjunct.children
        )
        nouns = {conjunct.pos_, victim.pos_} <= {"NOUN", "PROPN"}  # "169 Afghans and 13 US troops"
        nouns = nouns or (victim.lower_ in ONE_PERSON and conjunct.pos_ == "NOUN")  # "him and three others"
        some_of = _some_of(conjunct)  # "a woman and three of her children": three more
        if conjunct.dep_ == "conj" and some_of is not None and not casualty_word:
            total += some_of
            continue
        listed = conjunct.dep_ == "conj" or conjunct.dep_ == victim.dep_ == "nsubjpass"
        if not listed or casualty_word or (conjunct.pos_ != victim.pos_ and not nouns):
            continue
        if _speaker(conjunct):  # "killing 40 people, two security sources and a resident said"
            break
        # "three soldiers and their driver": one more, as count_in counts "their driver"
        counted = any(c.dep_ == "nummod" or c.lower_ in {"a", "an", *_KIN_OWNERS} for c in conjunct.children)
        extra = count_in(conjunct) if counted else None
        if extra is not None:
            total += extra.value
        elif conjunct.tag_ == "NN" and any(c.lower_ == "another" for c in conjunct.children):
            total += 1  # "a teacher and another civilian": one more
        elif _one_named(victim) and _bare_singular(conjunct):
            total += 1  # "a father and son": the article shared, one more
    return Count(total, count.qualifier) if total != count.value else count
