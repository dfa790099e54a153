"""Acts done by speaking, and parties that cannot act: threats in reported speech ("said no town would
be safe"), announcements that are the act itself ("announced an aid package"), and equipment named
without an owner ("supported by armoured vehicles") that backs nobody. Not threats: a warning of a
present state ("warned that a million civilians remain trapped") and weapons that threaten.
"""

from __future__ import annotations

import re

from sitrep.extract.arguments import Party, bounds, is_weapon, party
from sitrep.extract.attribution import speaker_of
from sitrep.extract.drafts import Draft
from sitrep.extract.lexicon import Lexicon, Sense
from sitrep.extract.modality import negated
from sitrep.extract.triggers import Token, Trigger, lemma
from sitrep.models import TextSpan


def announced(trigger: Trigger, lexicon: Lexicon) -> bool:
    """ "announced a new aid package": the announcement is the act, not a report of it."""
    noun = trigger.head
    if noun.dep_ == "compound":
        noun = noun.head
    cues = lexicon.attribution.get("cue_verbs", frozenset())
    return noun.dep_ == "dobj" and lemma(noun.head) in cues


def ownerless_equipment(head: Token, lexicon: Lexicon) -> bool:
    """ "armoured vehicles", "air strikes": equipment named with no nationality or owner."""
    equipment = lexicon.word_set("weapons") | lexicon.word_set("means") | lexicon.word_set("equipment")
    if head.ent_type_ or head.pos_ == "PROPN" or lemma(head) not in equipment:
        return False
    return not any(c.dep_ == "poss" or c.ent_type_ in ("NORP", "GPE", "ORG") for c in head.subtree)


def speech_cue(token: Token, lexicon: Lexicon) -> Token | None:
    """The speech verb whose content holds `token` ("said ... would not be safe"), unless negated."""
    cues = lexicon.speech_cues | lexicon.attribution.get("cue_verbs", frozenset())
    for _ in range(12):
        if token.pos_ == "VERB" and lemma(token) in cues:
            return None if negated(token) else token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _said(
    pattern: re.Pattern[str] | None, tokens: list[Token], sentence: TextSpan, lexicon: Lexicon
) -> tuple[list[Token], Token, Party, int] | None:
    """Where a statement's pattern matches in what a speech verb says: the matched tokens, the speech
    verb, its speaker as a party, and the match's start offset. One regular-expression scan."""
    match = pattern.search(sentence.text.lower()) if pattern is not None else None
    if match is None:
        return None
    start, end = sentence.start + match.start(), sentence.start + match.end()
    inside = [t for t in tokens if start <= t.idx < end]
    cue = speech_cue(inside[0], lexicon) if inside else None
    actor = party(speaker_of(cue), None, lexicon) if cue is not None else None
    if cue is None or actor is None:
        return None
    return inside, cue, actor, start


def reported_threat(
    tokens: list[Token],
    sentence: TextSpan,
    index: int,
    words: frozenset[str],
    drafts: list[Draft],
    lexicon: Lexicon,
) -> Draft | None:
    """A statement whose content is a menace: "Nasrallah said no town in the north would be safe",
    "the minister said Ankara would not hesitate to act". The speaker threatens; the party named
    inside the menace, if any, is threatened."""
    if any(d.plover == "THREATEN" for d in drafts):
        return None
    said = _said(lexicon.threat_speech, tokens, sentence, lexicon)
    if said is None:
        return None
    inside, _, actor, _ = said
    first, last = bounds(actor.head)
    named = [t for t in inside if t.ent_type_ in ("GPE", "NORP", "ORG") and not first <= t.i <= last]
    return _statement("THREATEN", inside, actor, named, (index, sentence, words), lexicon)


def reported_accusation(
    tokens: list[Token],
    sentence: TextSpan,
    index: int,
    words: frozenset[str],
    drafts: list[Draft],
    lexicon: Lexicon,
) -> Draft | None:
    """A statement whose content passes a verdict on an act: "Cameron said that Houthi attacks were
    unacceptable and illegal". The speaker accuses; the party named in what the verdict is passed on,
    if any, is accused."""
    if any(d.plover == "ACCUSE" for d in drafts):
        return None
    said = _said(lexicon.accuse_speech, tokens, sentence, lexicon)
    if said is None:
        return None
    inside, cue, actor, start = said
    first, last = bounds(actor.head)
    judged = [t for t in tokens if cue.idx < t.idx < start and not first <= t.i <= last]
    acts = ("ASSAULT", "COERCE")
    senses = [s for t in judged for table in (lexicon.nouns, lexicon.verbs) for s in table.get(lemma(t), ())]
    if not any(sense.plover in acts for sense in senses):
        return None  # "said the referee's decision was unacceptable": a verdict on no act of force
    named = [t for t in judged if t.ent_type_ in ("GPE", "NORP", "ORG") and t.dep_ != "pobj"]
    return _statement("ACCUSE", inside, actor, named, (index, sentence, words), lexicon)


def _statement(
    plover: str,
    inside: list[Token],
    actor: Party,
    named: list[Token],
    told: tuple[int, TextSpan, frozenset[str]],
    lexicon: Lexicon,
) -> Draft:
    """The speaker's statement, against the first party named (none when nobody is)."""
    target = party(named[0], actor.head, lexicon) if named else None
    index, sentence, words = told
    trigger = Trigger(inside[0], tuple(inside), Sense(plover))
    return Draft(index, trigger, sentence, plover, None, actor, target, sentence_words=words)


# What a warning "of" alerts to without menacing anyone: "warned of the threat of drone attacks"
_ALARMS = frozenset(
    {"threat", "danger", "risk", "possibility", "likelihood", "presence", "spread", "discovery"}
)


# What a warning "of" menaces with: the warner's own answer ("warned of a crushing response")
_MENACES = frozenset({
    "response", "retaliation", "reprisal", "consequence", "revenge", "punishment", "countermeasure",
    "measure", "action", "step", "war", "vengeance",
})
# Words that make an act warned of a foreseen one, not the warner's: "possible drone strikes"
_FORESEEN = frozenset({"possible", "potential", "likely", "imminent", "probable"})
# Nouns of a time that an "of" phrase of the warning may hang on: "warned at the start of this year of ..."
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "start", "end", "beginning", "weekend"})


def _warned_of(word: Token) -> list[Token]:
    """The "of" and "about" phrases of a warning, also one the parse hung on a time phrase of it."""
    found = [c for c in word.children if c.dep_ == "prep" and c.lower_ in ("about", "of")]
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ not in ("about", "of")):
        for noun in (g for g in prep.subtree if g.dep_ == "pobj" and lemma(g) in _TIME_NOUNS):
            found += [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c not in found
                      and not any(lemma(g) in _TIME_NOUNS for g in c.children)]
    return found


def _foreseen(noun: Token, lexicon: Lexicon) -> bool:
    """What a warning "of" foresees rather than menaces: an act called possible, or no act and no
    answer of the warner's at all ("a rapidly shrinking police force")."""
    if lemma(noun) in _MENACES:
        return False
    if any(c.dep_ == "amod" and c.lower_ in _FORESEEN for c in noun.children):
        return True
    return lemma(noun) not in lexicon.word_set("attack_nouns") and lemma(noun) not in _ACT_NOUNS


# Acts a group may warn of as its own ("warned of more attacks", "warned of further bombings")
_ACT_NOUNS = frozenset({"assault", "offensive", "bombing", "operation", "escalation", "invasion", "attack",
                        "strike", "ambush", "violence", "bloodshed"})


def insists_on_a_fact(word: Token, lexicon: Lexicon) -> bool:
    """"Residents insisted that only civilians were killed", "officials insist their forces have
    defeated the group": insisting that something is or was so asserts it, no demand; a demand says
    what should be done ("insisted that the troops withdraw", "insisted on a ceasefire")."""
    if lemma(word) != "insist" or word.pos_ != "VERB":
        return False
    content = next((c for c in word.children if c.dep_ == "ccomp"), None)
    if content is None:
        return False
    modals = lexicon.modality.get("modals", frozenset()) | {"should", "must"}
    if any(c.dep_ == "aux" and c.lower_ in modals for c in content.children):
        return False
    told = content.tag_ in ("VBD", "VBZ") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "is", "are", "has", "have", "had")
        for c in content.children
    )
    return told or content.lemma_ == "be"


def warns_of_a_state(word: Token, lexicon: Lexicon) -> bool:
    """ "warned that more than a million civilians remain trapped": what a warning says is a present
    state, with no act to come (a threat says what will or would happen, or on what condition); a
    warning about something, or of a danger, is an alert."""
    if lemma(word) != "warn" or word.pos_ != "VERB":
        return False
    for prep in _warned_of(word):
        told = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ == "about" or any(lemma(g) in _ALARMS for g in told):
            return True  # "warned about the discovery of six bodies", "warned of the threat of drone attacks"
        if any(_foreseen(g, lexicon) for g in told):
            return True  # "warned of possible drone strikes", "warned of a shrinking police force"
    content = next((c for c in word.children if c.dep_ == "ccomp"), None)
    if content is None:  # "warned in a statement that ...": the parse hangs the clause on the statement
        held = (g for c in word.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
        content = next((a for g in held for a in g.children if a.dep_ == "acl" and _says_that(a)), None)
    if content is None:
        return False
    clauses = [content, *(c for c in content.subtree if c.dep_ in ("conj", "advcl", "ccomp", "xcomp"))]
    modality = lexicon.modality
    to_come = modality.get("modals", frozenset()) | modality.get("future", frozenset()) | {"'ll", "wo"}
    future = any(c.dep_ == "aux" and c.lower_ in to_come for clause in clauses for c in clause.children)
    condition = any(t.lower_ in modality.get("conditional_marks", frozenset()) for t in content.subtree)
    going = any(t.lower_ == "going" for t in content.subtree)
    return content.tag_ in ("VBP", "VBZ") and not (future or condition or going)


def threatened_by_a_thing(word: Token, lexicon: Lexicon) -> bool:
    """ "missiles that were threatening shipping": a weapon threatens no one in words."""
    if word.pos_ != "VERB":
        return False
    subject = next((c for c in word.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ == "WDT" and word.dep_ == "relcl":
        subject = word.head  # "missiles that were threatening shipping": the missiles
    return subject is not None and is_weapon(subject, lexicon)


def a_danger_handled(word: Token, lexicon: Lexicon) -> bool:
    """ "The government underestimated the threat": a danger weighed or met, not a threat made."""
    return (
        word.pos_ in ("NOUN", "PROPN")
        and word.dep_ in ("dobj", "nsubjpass")
        and lemma(word.head) in lexicon.word_set("dangers_handled")
    )


def contacted_for_the_story(word: Token) -> bool:
    """ "When contacted, the police spokesman confirmed ...": the reporter's call to a source, not a
    meeting of parties (a passive "contacted" with no one named as contacted); "..., said a resident,
    speaking by phone": how the source spoke to the reporter."""
    if lemma(word) in ("speak", "talk") and word.tag_ == "VBG" and word.dep_ in ("advcl", "acl", "xcomp"):
        return not any(c.dep_ in ("nsubj", "dobj") or c.lower_ == "with" for c in word.children)
    return (
        lemma(word) == "contact"
        and word.tag_ == "VBN"
        and not any(c.dep_ in ("nsubjpass", "nsubj", "dobj") for c in word.children)
    )


def _says_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
