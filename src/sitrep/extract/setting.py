"""Where and when: the place phrase and the time expression of an event mention.

Phrases keep their wording ("near the town of Nairab", "south of Idlib city", "on Thursday") so
the resolve stage can set geo precision and resolve the date against the publication date.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sitrep.extract.arguments import _child, _prep_object, bounds, governing_verb, span_of
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.triggers import NOUN_POS, Token, Trigger, lemma
from sitrep.models import TextSpan


def place_span(
    trigger: Trigger, sentence: Sequence[Token], exclude: set[int], lexicon: Lexicon
) -> TextSpan | None:
    """The place phrase of an event: "near the town of X in Y province", "south of X city"."""
    preps = lexicon.word_set("place_preps")
    directions = lexicon.word_set("direction_words")
    places = lexicon.word_set("place_nouns")
    anchors = [trigger.head]
    verb = governing_verb(trigger.head) if trigger.head.pos_ in NOUN_POS else None
    if verb is not None:
        anchors.append(verb)
    for anchor in anchors:
        for child in anchor.children:
            if child.lower_ in directions and child.dep_ in ("advmod", "npadvmod", "prep"):
                obj = _prep_object(child, ("of",))
                if obj is not None:
                    return span_of([child, head_doc(obj)[bounds(obj)[1]]])
            out_of = child.lower_ == "of" and anchor.pos_ == "VERB"  # "pulled out of Bakhmut"
            if child.dep_ == "prep" and (child.lower_ in preps or child.lower_ == "against" or out_of):
                obj = _child(child, ("pobj",))
                if obj is None or obj.i in exclude:
                    continue
                if _is_place(obj, places):
                    first, last = bounds(obj, verbal_modifiers=False)
                    doc = head_doc(obj)
                    if child.lower_ == "against" or first != child.i + 1:
                        return span_of([doc[first], doc[last]])
                    return span_of([child, doc[last]])
    for token in sentence:  # no attached phrase: the first place named after a place preposition
        if token.ent_type_ in ("GPE", "LOC", "FAC") and token.i not in exclude and token.ent_iob_ == "B":
            governor = token
            while governor.dep_ in ("compound", "amod", "poss", "appos", "conj"):
                governor = governor.head
            preposition = governor.head
            area = preposition.lower_ == "of" and lemma(preposition.head) in places | {"control"}
            if not (governor.dep_ == "pobj" and (area or preposition.lower_ in preps | {"against"})):
                continue
            if preposition.lower_ == "from":
                continue
            head = token
            while head.dep_ in ("compound", "amod", "poss") and (
                lemma(head.head) in places or head.head.ent_type_ in ("GPE", "LOC", "FAC")
            ):
                head = head.head
            if head.i in exclude:
                continue
            first, last = bounds(head, verbal_modifiers=False)
            return span_of([head.doc[first], head.doc[last]])
    return None


def head_doc(token: Token) -> Any:
    return token.doc


def _is_place(token: Token, places: frozenset[str]) -> bool:
    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if lemma(token) in places:
        return True
    return any(c.ent_type_ in ("GPE", "LOC", "FAC") for c in token.children if c.dep_ in ("compound", "poss"))


def time_span(trigger: Trigger, sentence: Sequence[Token]) -> TextSpan | None:
    """The sentence's time expression nearest the trigger, with its preposition ("on Thursday")."""
    best: tuple[int, TextSpan] | None = None
    doc = trigger.head.doc
    for token in sentence:
        if token.ent_type_ not in ("DATE", "TIME") or token.ent_iob_ != "B":
            continue
        end = token.i
        while (
            end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I" and doc[end + 1].ent_type_ == token.ent_type_
        ):
            end += 1
        start = token.i
        if (
            start > 0
            and doc[start - 1].pos_ == "ADP"
            and doc[start - 1].lower_ in ("on", "in", "at", "since", "by")
        ):
            start -= 1
        span = span_of([doc[start], doc[end]])
        distance = abs(token.i - trigger.head.i)
        if best is None or distance < best[0]:
            best = (distance, span)
    return best[1] if best else None
