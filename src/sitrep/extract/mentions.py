"""Assembling mentions: trigger + arguments + figures + source, merged and coded.

Decisions an analyst would make, written down:
- Backing stated as a modifier ("Turkish-backed rebels", "forces backed by Russian airstrikes") is
  an AID event (backer -> backed); when the backer is named by its strikes ("Russian airstrikes",
  "Turkish artillery strikes") it also implies an ASSAULT by the backer, with the mode of the strikes.
- "vowed/pledged to X" is THREATEN only when X is hostile; the threatened act itself is not an event.
- A purpose clause of an attack ("advancing ... to push back X") is not an event of its own; it gives
  the attack its target.
- Triggers that tell one act are merged (merging.py); each casualty figure goes to the ASSAULT/COERCE
  event whose clause states it.
- Displacement: the figure goes on the sentence's ASSAULT ("fled the offensive"); flight alone is no
  event, forcing people from their homes is a COERCE by whoever forces them.
- A disclaimer sentence ("The claim could not be independently verified") hedges the claims it
  refers back to.
- A definite event noun that a source confirms or reports ("confirmed the downing of ...") refers
  to an event already recorded: it is not a second event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract.arguments import (
    Party,
    bounds,
    noun_arguments,
    party,
    span_of,
    verb_arguments,
)
from sitrep.extract.attribution import Disclaimer, find_source, is_hedged, speaker_of
from sitrep.extract.background import counts_from, frames_a_period, remembered
from sitrep.extract.codes import EventFacts, codes_for
from sitrep.extract.datelines import dateline_end
from sitrep.extract.drafts import Draft, infer_mode
from sitrep.extract.figures import Casualty, casualties_in, combine, running_toll
from sitrep.extract.lexicon import Lexicon, Sense
from sitrep.extract.merging import (
    RECIPROCAL,
    drop_nested,
    drop_protest_demands,
    merge_same_acts,
    names_both_sides,
)
from sitrep.extract.modality import (
    a_lasting_state,
    accusation_of,
    describes,
    is_asserted,
    is_generic,
    is_imperative,
    is_question,
    negated,
    rejects_by_negation,
)
from sitrep.extract.setting import listed_places, place_span
from sitrep.extract.speech import (
    a_danger_handled,
    announced,
    contacted_for_the_story,
    insists_on_a_fact,
    ownerless_equipment,
    reported_accusation,
    reported_threat,
    speech_cue,
    threatened_by_a_thing,
    warns_of_a_state,
)
from sitrep.extract.tallies import is_aggregate, many_told, said_by_habit
from sitrep.extract.timing import dated_against, days_before_the_main_act, time_span
from sitrep.extract.triggers import NOUN_POS, Token, Trigger, find_triggers, lemma
from sitrep.models import EventMention, TextSpan

HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
MATERIAL = frozenset({"ASSAULT", "COERCE", "PROTEST"})
CONFIRMING_CUES = frozenset({"confirm", "report", "deny", "acknowledge", "admit"})


def _content_trigger(trigger: Trigger, triggers: Sequence[Trigger]) -> Trigger | None:
    """The hostile act a threat or vow announces ("vowed to push back X", "threatened strikes")."""
    subtree = {t.i for t in trigger.head.subtree}
    for child in trigger.head.children:  # a conjoined clause is a sibling statement, not the content
        if child.dep_ in ("conj", "parataxis"):
            subtree -= {t.i for t in child.subtree}
    for other in triggers:
        if other is not trigger and other.head.i in subtree and other.sense.plover in HOSTILE:
            return other
    return None


def arguments_of(trigger: Trigger, lexicon: Lexicon) -> tuple[Party | None, Party | None]:
    if trigger.head.pos_ in NOUN_POS:
        actor_token, target_token = noun_arguments(trigger, lexicon)
    else:
        actor_token, target_token = verb_arguments(trigger, lexicon)
    actor = party(actor_token, None, lexicon)
    target = party(target_token, actor.head if actor else None, lexicon)
    if actor and target and actor.head.i == target.head.i:
        target = None
    return actor, target


def _request_target(trigger: Trigger, target: Party | None, lexicon: Lexicon) -> Party | None:
    """ "requested Russian help": the one asked is the nationality on the thing requested."""
    if target is None or target.head.ent_type_:
        return target
    for child in target.head.children:
        if child.dep_ in ("amod", "compound", "poss") and child.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
            return Party(span_of([child]), child)
    source = next((g for c in target.head.children if c.lower_ == "from" for g in c.children), None)
    return party(source, None, lexicon) if source is not None else target


def build_sentence_drafts(tokens: list[Token], index: int, lexicon: Lexicon) -> list[Draft]:
    """Drafts for one sentence, before document-level merging."""
    sentence = span_of(tokens)
    if is_question(sentence.text):
        return []
    words = frozenset(lemma(t) for t in tokens)
    triggers = find_triggers(tokens, lexicon)
    commissive = lexicon.modality.get("commissive", frozenset())
    drafts: list[Draft] = []
    for token in tokens:  # "will not leave", "would not withdraw": a refusal
        if token.pos_ == "VERB" and rejects_by_negation(token, lexicon):
            triggers = [t for t in triggers if t.head.i != token.i]
            triggers.append(Trigger(token, (token,), Sense("REJECT")))
    for trigger in triggers:
        plover, mode = trigger.sense.plover, trigger.sense.mode
        is_refusal = plover == "REJECT" and negated(trigger.head)
        charge = accusation_of(trigger.head, lexicon) if plover in MATERIAL else None
        if not is_refusal and charge is None and not is_asserted(trigger, lexicon):
            continue
        if plover in MATERIAL and (is_aggregate(trigger, lexicon) or is_generic(trigger)):
            continue
        if plover in ("MOBILIZE", "RETREAT", "SANCTION") and is_aggregate(trigger, lexicon):
            # "peacekeepers have been deployed since 2011": a presence, not a deployment; "the project has
            # been suspended since 2021": a state, not a withdrawal or a measure
            continue
        if plover not in MATERIAL and said_by_habit(trigger, lexicon):
            continue  # "Russia has consistently denied such allegations": a stance, not a statement
        if plover not in MATERIAL and many_told(trigger, lexicon):
            continue  # "multiple ceasefires with the TTP have failed", "since 2021, talks have collapsed"
        if describes(trigger, lexicon):
            continue
        if counts_from(trigger):
            continue  # "killed since the accord was signed": the start of a tally, no act told
        if frames_a_period(trigger):
            continue  # "in the early weeks of the invasion, she worked as a fixer": when, no act told
        if remembered(trigger, lexicon):
            continue  # "marked the anniversary of the school attack": history remembered, no act told
        if plover == "ASSAULT" and lemma(trigger.head) in _WIN_VERBS and _SCORE.search(sentence.text):
            continue  # "Waberi beat Hodon 3-0": a match won, no beating
        if plover in MATERIAL and _writers_own(trigger, sentence.text):
            continue  # "I saw someone with a gun and I shot him": a blogger's game, not news
        if is_imperative(trigger):
            continue  # "Just fight us like a man.": an order, not an act
        if plover == "ASSAULT" and _against_a_phenomenon(trigger.head, lexicon):
            continue  # "military action in fighting banditry and terrorism": a policy, no battle
        if a_lasting_state(trigger.head):
            continue  # "the temple has been abandoned for over 20 years": a state, no act
        if plover not in MATERIAL and trigger.head.dep_ == "amod" and trigger.head.tag_ == "VBN":
            continue  # "at the abandoned temple": a participle describing a place, no withdrawal told
        if plover not in MATERIAL and _a_documents_name(trigger):
            continue  # "violates the Comprehensive Agreement on Respect for Human Rights": a treaty named
        if lemma(trigger.head) in commissive and _content_trigger(trigger, triggers) is None:
            continue
        if trigger.head.pos_ in NOUN_POS and _given_as_an_example(trigger.head):
            continue  # "incidents such as the attack on the palace highlight ...": a kind illustrated
        if plover == "THREATEN" and trigger.head.pos_ in NOUN_POS and trigger.head.dep_ == "attr":
            continue  # "the attacks were a threat to shipping": what something is called, not a threat
        if plover == "THREATEN" and _called_threatening(trigger.head):
            continue  # "interpreted the post as threatening", "a threatening letter": how a thing is seen
        if plover == "REQUEST" and insists_on_a_fact(trigger.head, lexicon):
            continue  # "residents insisted that only civilians were killed": an assertion, no demand
        if plover == "THREATEN" and warns_of_a_state(trigger.head, lexicon):
            continue  # "warned that a million civilians remain trapped": an alarm, not a threat
        if plover == "THREATEN" and threatened_by_a_thing(trigger.head, lexicon):
            continue  # "missiles that were threatening shipping": a danger, not words of a party
        if plover == "THREATEN" and a_danger_handled(trigger.head, lexicon):
            continue  # "underestimated the threat": a danger weighed, not a threat made
        if plover == "CONSULT" and contacted_for_the_story(trigger.head):
            continue  # "When contacted, the spokesman confirmed ...": the reporter's call
        if plover == "CONSULT" and _met_with_force(trigger.head):
            continue  # "the military has met protests with lethal force": force used, no meeting
        actor, target = arguments_of(trigger, lexicon)
        if plover == "ACCUSE" and target is not None and _an_act_named(target.head, lexicon):
            # "condemned the bombing of children": the victims are not the accused; "by X" names them
            doer = next((g for c in target.head.children if c.lower_ == "by" for g in c.children), None)
            target = party(doer, actor.head if actor else None, lexicon) if doer is not None else None
        if charge is not None:
            actor = party(charge[1], None, lexicon)  # "accused the army of killing": the army did it
        if plover in ("THREATEN", "REQUEST") or lemma(trigger.head) in commissive:
            content = _content_trigger(trigger, triggers)
            if content is not None:
                content_actor, content_target = arguments_of(content, lexicon)
                if target is None or target.head.i == content.head.i:
                    target = content_target
            if plover == "REQUEST":
                target = _request_target(trigger, target, lexicon)
                if target is None:  # "demanded that Turkey stop", "demands that Syria cede"
                    clause = next((c for c in trigger.head.children if c.dep_ in ("ccomp", "acl")), None)
                    subject = (
                        next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause else None
                    )
                    target = party(subject, actor.head if actor else None, lexicon)
        # 'a spokesman said the bases were "legitimate targets"'; not a threat the sentence talks about
        # ('"90 per cent of the threat has been eliminated," he said'): its speaker did not make it
        if plover == "THREATEN" and actor is None and not _talked_about(trigger.head):
            cue = speech_cue(trigger.head, lexicon)
            actor = party(speaker_of(cue), None, lexicon) if cue is not None else None
        if plover in ("ASSAULT", "MOBILIZE") and target is None and not names_both_sides(trigger.head, actor):
            # "advancing ... to push back X", "sent its troops there to fight al-Shabab militants"
            for child in trigger.head.children:
                purpose = next(
                    (t for t in triggers if t.head.i == child.i and t.sense.plover == "ASSAULT"), None
                )
                if purpose is not None and child.dep_ in ("advcl", "xcomp"):
                    target = arguments_of(purpose, lexicon)[1]
        if trigger.modifier and actor is not None and ownerless_equipment(actor.head, lexicon):
            continue  # "units supported by armoured vehicles": equipment of no named party backs nobody
        if plover == "ASSAULT" and actor is not None and _other_cause(actor.head, lexicon):
            continue  # "the pandemic has killed 370 people", "floods killed ten": no act of conflict
        if plover == "ASSAULT":
            mode = infer_mode(trigger, actor, target, lexicon)
        draft = Draft(
            index,
            trigger,
            sentence,
            plover,
            mode,
            actor,
            target,
            cameo=trigger.sense.cameo,
            sentence_words=words,
            dated_against=plover in MATERIAL and dated_against(trigger.head),
        )
        if draft.dated_against:
            draft.days_before_main = days_before_the_main_act(trigger.head)
        head = trigger.head
        draft.anaphoric = (
            head.pos_ in NOUN_POS
            and any(c.lower_ == "the" for c in head.children)
            and head.dep_ == "dobj"
            and lemma(head.head) in CONFIRMING_CUES
        ) or _the_hurt(head)
        drafts.append(draft)
        if charge is not None:
            draft.accuser = charge[0]
        if plover in ONE_ACT_PER_TARGET:
            acts = [draft, *_other_actors(draft, lexicon)]
            drafts.extend(acts[1:])
            if target is not None:
                drafts.extend(other for act in acts for other in _other_targets(act, target, lexicon))
    drafts = drop_nested(drafts)
    drafts = drop_protest_demands(drafts, lexicon.word_set("crowds"))
    drafts = merge_same_acts(drafts)
    threat = reported_threat(tokens, sentence, index, words, drafts, lexicon)
    if threat is not None:
        drafts.append(threat)
    verdict = reported_accusation(tokens, sentence, index, words, drafts, lexicon)
    if verdict is not None:
        drafts.append(verdict)
    attach_sentence_facts(drafts, tokens, sentence, index, words, lexicon)
    for draft in drafts:
        if _toll_of_the_act_told(draft):
            draft.claim_only = True
        if draft.accuser is not None:
            # EVENTS.md: an act an accusation names is an event too, the accuser's claim, hedged
            draft.hedged = True
            draft.attributed_to = draft.attributed_to or draft.accuser
            draft.cue = draft.cue or "accused"
    return drafts


# Acts on each of several targets are several acts (EVENTS.md: one event per actor pair): the
# sanctions on "a Guard commander and a Houthi official" are two.
ONE_ACT_PER_TARGET = frozenset({"SANCTION"})


def _other_targets(draft: Draft, target: Party, lexicon: Lexicon) -> list[Draft]:
    """The draft again for each target conjoined with its own ("sanctioned X and Y": Y)."""
    return [_again(draft, draft.actor1, other) for other in _conjoined(target, draft.actor1, lexicon)]


def _other_actors(draft: Draft, lexicon: Lexicon) -> list[Draft]:
    """The draft again for each acting party conjoined with its own ("the United States and Britain
    sanctioned X": Britain's sanction is an act of its own, EVENTS.md: one event per actor pair)."""
    if draft.actor1 is None:
        return []
    return [_again(draft, other, draft.actor2) for other in _conjoined(draft.actor1, draft.actor2, lexicon)]


def _conjoined(one: Party, counterpart: Party | None, lexicon: Lexicon) -> list[Party]:
    """The parties conjoined after `one` ("X and Y": Y), read against the act's other party."""
    found = []
    for conjunct in one.head.conjuncts:
        if conjunct.i <= one.head.i or conjunct.pos_ not in NOUN_POS:
            continue
        other = party(conjunct, counterpart.head if counterpart else None, lexicon)
        if other is not None:
            found.append(other)
    return found


def _again(draft: Draft, actor1: Party | None, actor2: Party | None) -> Draft:
    """The same act of the same sentence between other parties."""
    return Draft(
        draft.sentence_index,
        draft.trigger,
        draft.sentence,
        draft.plover,
        draft.mode,
        actor1,
        actor2,
        cameo=draft.cameo,
        sentence_words=draft.sentence_words,
    )


def _toll_of_the_act_told(draft: Draft) -> bool:
    """A toll told of "the incident" or of "the same attack", with no doer, place or day of its own
    ("At least one person was killed during the incident"): the toll of the act told before, no act
    itself ("six soldiers were killed in the ambush" still tells the ambush)."""
    head = draft.trigger.head
    if draft.plover != "ASSAULT" or draft.actor1 is not None or draft.place is not None or draft.time:
        return False
    if lemma(head) not in ("kill", "die", "wound", "injure", "shoot") or draft.figures is None:
        return False
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "during")]
    frames = [g for c in preps for g in c.children if g.dep_ == "pobj"]
    return any(
        (lemma(g) == "incident" and any(d.lower_ in ("the", "this", "that") for d in g.children))
        or any(d.lower_ == "same" for d in g.children)
        for g in frames
    )


def _talked_about(word: Token) -> bool:
    """A noun that is the subject of its clause or counted ("the threat has been eliminated", "90 per
    cent of the threat"): a thing the sentence tells about, not words the speaker said."""
    if word.pos_ not in NOUN_POS:
        return False
    return word.dep_ in ("nsubj", "nsubjpass") or (word.dep_ == "pobj" and word.head.lower_ == "of")


def attach_sentence_facts(
    drafts: list[Draft],
    tokens: list[Token],
    sentence: TextSpan,
    index: int,
    words: frozenset[str],
    lexicon: Lexicon,
) -> None:
    casualties = casualties_in(tokens)
    figures = combine(casualties)
    violent = [d for d in drafts if d.plover in ("ASSAULT", "COERCE") and not d.trigger.modifier]
    if not violent and casualties:  # "a riot at the prison has left 41 dead": the riot's toll
        riots = lexicon.word_set("riots")
        violent = [d for d in drafts if d.plover == "PROTEST" and lemma(d.trigger.head) in riots]
    toll = _stated_toll(casualties, lexicon) if not violent else None
    # "147 people lost their lives ... before the siege ended": a siege, a curfew or arrests kill no one
    attacks = [d for d in violent if d.plover in ("ASSAULT", "PROTEST")]
    deaths = (
        _stated_deaths(casualties, words, lexicon)
        if not attacks and toll is None and not _rolling_tally(tokens)
        else None
    )
    if casualties and violent and deaths is None:
        _assign_figures(casualties, violent, lexicon)
        total = running_toll(tokens)
        killing = next((d for d in violent if d.figures.killed is not None), None)
        if total is not None and killing is not None and total > (killing.figures.killed or 0):
            # "a woman was also killed in this attack, bringing the death toll to seven": the act's seven
            killing.figures = replace(killing.figures, killed=total, qualifier=None)
    elif toll is not None:  # "the hospital put the death toll at 31": each source's figure is a claim
        trigger = Trigger(toll.word, (toll.word,), Sense("ASSAULT"))
        drafts.append(Draft(index, trigger, sentence, "ASSAULT", None, figures=figures, sentence_words=words))
    elif deaths is not None:  # "At least 126 people are dead.": the toll of the act told before
        trigger = Trigger(deaths.word, (deaths.word,), Sense("ASSAULT"))
        claim = Draft(index, trigger, sentence, "ASSAULT", None, figures=figures, sentence_words=words)
        claim.claim_only = True
        drafts.append(claim)
    elif figures.displaced is not None:
        forced = _forced_displacement(tokens, lexicon)
        # "militias forced 5,000 people from their homes": coercion by an actor (but "the conflict has
        # displaced some 4 million people" is a war's tally, no one act)
        if forced is not None and not is_aggregate(forced[0], lexicon):
            trigger, actor = forced
            drafts.append(
                Draft(index, trigger, sentence, "COERCE", None, actor, figures=figures, sentence_words=words)
            )
    for draft in drafts:
        exclude: set[int] = set()
        for p in (draft.actor1, draft.actor2):
            if p is not None:
                first, last = bounds(p.head)
                exclude.update(range(first, last + 1))
        if not draft.trigger.modifier:
            draft.place = place_span(draft.trigger, tokens, exclude, lexicon)
        if draft.place is not None and _in_dateline(draft.place, tokens):
            draft.place = None  # "ERBIL (Kurdistan 24) – A commander was killed": the reporter's city
        # a toll's time is when it was counted ("the toll rose to 141 on Wednesday"), not the act's
        tally = draft.claim_only or lemma(draft.trigger.head) in TOLL_WORDS
        draft.time = None if tally and draft.figures.killed is not None else time_span(draft.trigger, tokens)
        draft.attributed_to, draft.cue = find_source(draft.trigger, tokens, lexicon)
        performed = draft.plover in PERFORMED_BY_ANNOUNCING and announced(draft.trigger, lexicon)
        if (draft.plover in VERBAL or performed) and _speaker_is_actor(draft):
            draft.attributed_to, draft.cue = None, None  # the outlet reports the speech act itself
        draft.hedged = is_hedged(draft.trigger, sentence.text, lexicon)
    drafts.extend(other for draft in list(drafts) for other in _at_other_places(draft, tokens, lexicon))


# Acts whose listed places are several acts (EVENTS.md: different places are different events):
# "militants attacked police posts in Bannu, Lakki Marwat and Tank", "protests in Jenin and Tubas".
_ONE_PER_PLACE = frozenset({"ASSAULT", "PROTEST"})


def _at_other_places(draft: Draft, tokens: list[Token], lexicon: Lexicon) -> list[Draft]:
    """The draft again at each other place its place phrase lists, with its parties, time and source;
    the figures stay with the first (a toll given for all the places is not each one's)."""
    if draft.plover not in _ONE_PER_PLACE or draft.place is None or draft.claim_only:
        return []
    copies = []
    for place in listed_places(draft.place, draft.trigger, tokens, lexicon):
        copy = _again(draft, draft.actor1, draft.actor2)
        copy.place, copy.time = place, draft.time
        copy.attributed_to, copy.cue, copy.hedged = draft.attributed_to, draft.cue, draft.hedged
        copies.append(copy)
    return copies


def _in_dateline(place: TextSpan, tokens: Sequence[Token]) -> bool:
    """A place phrase the parse took from the dateline that opens the sentence."""
    first = next((t for t in tokens if t.idx == place.start), None)
    return first is not None and dateline_end(first) is not None


def _assign_figures(casualties: list[Casualty], violent: list[Draft], lexicon: Lexicon) -> None:
    """Each figure goes to the event whose clause states it ("a strike killed four, and snipers shot
    dead two more": 4 and 2), else to the sentence's first violent event."""
    by_draft: dict[int, list[Casualty]] = {}
    heads = {d.trigger.head.i: n for n, d in enumerate(violent)}
    heads.update({i: n for n, d in enumerate(violent) for i in d.absorbed})
    lethal = [n for n, d in enumerate(violent) if d.mode not in SEPARATE_MODES]
    for casualty in casualties:
        word = casualty.word
        if word.dep_ in ("acl", "amod") and is_aggregate(Trigger(word, (word,), Sense("ASSAULT")), lexicon):
            continue  # "30 civilians killed in drone strikes since the start of the month": a tally
        verb = word.head if word.pos_ == "ADJ" and word.dep_ in ("oprd", "acomp", "xcomp", "ccomp") else word
        if verb.dep_ == "relcl" and is_aggregate(Trigger(verb, (verb,), Sense("ASSAULT")), lexicon):
            continue  # "a rebellion that has left 150,000 people dead": the war's tally, not the act's toll
        bodily = casualty.kind != "displaced" and bool(lethal)
        owner = lethal[0] if bodily else 0
        token = casualty.word
        for _ in range(12):
            if token.i in heads and (violent[heads[token.i]].mode not in SEPARATE_MODES or not bodily):
                owner = heads[token.i]  # "setting fire to 30 houses and killing six": not the burning's
                break
            if token.head.i == token.i:
                break
            token = token.head
        by_draft.setdefault(owner, []).append(casualty)
    for owner, found in by_draft.items():
        draft = violent[owner]
        draft.figures = combine(found)
        victim = next((c.victim for c in found if c.kind == "killed" and c.victim is not None), None)
        reciprocal = lemma(draft.trigger.head) in RECIPROCAL  # "clashed, leaving nine dead": fighters or not
        if draft.actor2 is None and victim is not None and draft.plover == "ASSAULT" and not reciprocal:
            draft.actor2 = party(victim, draft.actor1.head if draft.actor1 else None, lexicon)  # the killed

SEPARATE_MODES = frozenset({"abduct", "destroy", "sexual"})  # acts ACLED codes apart from the killing


TOLL_WORDS = frozenset({"toll", "body", "fatality", "casualty"})


def _stated_toll(casualties: list[Casualty], lexicon: Lexicon) -> Casualty | None:
    """A toll or body count stated with no act in its sentence ("Madina hospital received 24 bodies",
    "the toll rose to 51"): a claim about the incident told before, recorded with its own source."""
    for casualty in casualties:
        word = casualty.word
        if casualty.kind == "displaced" or lemma(word) not in TOLL_WORDS:
            continue
        claim = Trigger(word, (word,), Sense("ASSAULT"))
        if is_asserted(claim, lexicon) and not is_aggregate(claim, lexicon):
            return casualty
    return None


_QUOTES = frozenset('"“”')


def _writers_own(trigger: Trigger, sentence: str) -> bool:
    """An act the writer tells in the first person singular, outside any quotation: news quotes an
    "I shot him"; a review, a blog or a game's walkthrough tells it."""
    subject = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ == "i" and not _QUOTES & set(sentence)


DEATH_WORDS = frozenset({"die", "dead", "lose", "perish"})
# what a crowd is "met with": force, not a meeting
_FORCE_MET = frozenset(
    {"force", "fire", "gunfire", "bullet", "violence", "gas", "crackdown", "baton", "repression", "brutality",
     "cannon", "shot", "round"}
)


def _met_with_force(head: Token) -> bool:
    """ "met protests with lethal force", "met the crowd with live fire": force used on a crowd. The
    parser may hang "with" low in the object ("met protests against the takeover with force"); a
    "with" inside a clause of its own is that clause's."""
    if lemma(head) != "meet":
        return False
    for prep in head.subtree:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        node = prep.head
        while node.i != head.i and node.dep_ not in _OWN_CLAUSES:
            node = node.head
        if node.i == head.i and any(lemma(g) in _FORCE_MET for g in prep.children):
            return True
    return False


_OWN_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "acl", "xcomp", "conj"})


def _rolling_tally(tokens: list[Token]) -> bool:
    """ "18 people died in the previous 24 hours", "in the past 48 hours": a day's count over a
    country, not the toll of the act told before."""
    words = [t.lower_ for t in tokens]
    return any(
        words[i] in ("previous", "past", "last") and words[i + 1].isdigit() and words[i + 2] == "hours"
        for i in range(len(words) - 2)
    )


def _other_cause(doer: Token, lexicon: Lexicon) -> bool:
    """A doer that is no party: a flood, a disease, a pandemic ([words] other_causes). "Fire" is
    left out: "Israeli fire killed two" is gunfire."""
    word = lemma(doer)
    return word != "fire" and word in lexicon.word_set("other_causes")


def _stated_deaths(casualties: list[Casualty], words: frozenset[str], lexicon: Lexicon) -> Casualty | None:
    """A count of dead with no act and no other cause in its sentence ("Five people died.", "147
    people lost their lives", "Twenty-one people dead."): the toll of the act the article told
    before, if it told one. A flood, a crash or a disease named beside it is its own cause
    ([words] other_causes in data/verbs.toml)."""
    if words & lexicon.word_set("other_causes"):
        return None
    for casualty in casualties:
        word = casualty.word
        if casualty.kind != "killed" or casualty.count is None or lemma(word) not in DEATH_WORDS:
            continue
        claim = Trigger(word, (word,), Sense("ASSAULT"))
        if is_asserted(claim, lexicon) and not is_aggregate(claim, lexicon):
            return casualty
    return None


# Verbs of winning a match, and a score beside them ("beat Hodon 3-0", "crushed them 4–1")
_WIN_VERBS = frozenset({"beat", "defeat", "thrash", "crush", "rout", "hammer", "edge", "down", "trounce"})
_SCORE = re.compile(r"\b\d{1,2}\s*[-–]\s*\d{1,2}\b(?!\s*(?:km|kilomet|mile|year|month|day))")


# Nouns of acts an accusation may condemn: what was done, not who did it
_CONDEMNED_ACTS = frozenset({
    "killing", "killings", "bombing", "murder", "shelling", "massacre", "assassination", "abduction",
    "kidnapping", "arrest", "detention", "attack", "strike", "execution", "beheading", "torture", "rape",
    "shooting", "raid", "airstrike", "demolition",
})


def _an_act_named(word: Token, lexicon: Lexicon) -> bool:
    """An act named by its victims ("the bombing of children"), with no doer on it ("military air
    strikes", "Israel's bombing" name theirs)."""
    act = word.pos_ in NOUN_POS and (
        word.lower_ in _CONDEMNED_ACTS or lemma(word) in _CONDEMNED_ACTS
        or lemma(word) in lexicon.word_set("attack_nouns")
    )
    of_victims = any(c.dep_ == "prep" and c.lower_ == "of" for c in word.children)
    armed = lexicon.word_set("armed")
    doer = any(
        c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and (c.ent_type_ or lemma(c) in armed))
        for c in word.children
    )
    return act and of_victims and not doer


def _given_as_an_example(word: Token) -> bool:
    """"Incidents such as the attack on the National Palace and the evacuation of embassy staff
    highlight the dangers": acts named as instances of a kind the sentence speaks of, none told. An
    example given its own time ("such as a 2009 suicide bombing of a graduation") is an act told."""
    while word.dep_ == "conj" and word.head.i < word.i:
        word = word.head
    prep = word.head
    if word.dep_ != "pobj" or prep.lower_ != "as" or prep.i == 0:
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in word.subtree):
        return False
    return word.doc[prep.i - 1].lower_ == "such" or any(c.lower_ == "such" for c in prep.head.children)


def _forced_displacement(tokens: list[Token], lexicon: Lexicon) -> tuple[Trigger, Party] | None:
    """A verb that forces people from their homes, with the actor who does it.

    Flight alone ("hundreds had fled the area") is no event: its figure belongs to the act that
    caused it, and with no such act in the sentence there is nothing to put it on.
    """
    forcing = lexicon.displacement.get("forced_verbs", frozenset()) | {"displace", "expel", "uproot"}
    for token in tokens:
        if token.pos_ != "VERB" or lemma(token) not in forcing:
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        actor = party(subject, None, lexicon)
        if actor is not None and actor.head.pos_ != "NUM":
            return Trigger(token, (token,), Sense("COERCE")), actor
    return None


VERBAL = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "CONSULT", "AGREE"})
# acts done by announcing them ("Washington announced an aid package", "the EU announced sanctions")
PERFORMED_BY_ANNOUNCING = frozenset({"AID", "SANCTION"})
DISCLAIMER_REACH = 3  # sentences back a disclaimer may refer to


def _speaker_is_actor(draft: Draft) -> bool:
    """ "The EHRC said ... and called on the government": the speaker of a verbal act is its actor."""
    if draft.actor1 is None or draft.attributed_to is None:
        return False
    actor, source = draft.actor1.span.text.lower(), draft.attributed_to.lower()
    return actor in source or source in actor


def apply_disclaimer(disclaimer: Disclaimer, drafts: list[Draft], index: int) -> None:
    """Hedge (and attribute) the earlier claims a disclaimer sentence refers back to.

    "The claim could not be independently verified" qualifies the material events of the sentence
    before it; "The incident involving the bodies ... was reported only by Syrian sources" those of
    the nearest earlier sentence that shares a content word with "the incident involving ...". Speech
    acts themselves (the accusation, the demand) stay verified: it is their content that is not.
    """
    earlier = [d for d in drafts if index - DISCLAIMER_REACH <= d.sentence_index < index]
    material = [d for d in earlier if d.plover not in VERBAL and not d.anaphoric]
    if not material:
        return
    if disclaimer.topic:
        sharing = [d for d in material if disclaimer.topic & d.sentence_words]
        if not sharing:
            return
        chosen = max(d.sentence_index for d in sharing)
    else:
        chosen = max(d.sentence_index for d in material)
        if chosen != index - 1:
            return
    for draft in material:
        if draft.sentence_index != chosen:
            continue
        draft.hedged = True
        if draft.attributed_to is None and disclaimer.source is not None:
            draft.attributed_to, draft.cue = disclaimer.source, disclaimer.cue


def _called_threatening(word: Token) -> bool:
    """ "Threatening" said of a thing: "interpreted a post as threatening", "found it threatening", "a
    threatening letter". No one threatened anyone."""
    if not word.lower_.startswith("threaten") or (word.tag_ != "VBG" and word.pos_ != "ADJ"):
        return False
    described = word.dep_ in ("acomp", "oprd", "amod")
    return described or (word.dep_ in ("pobj", "pcomp") and word.head.lower_ == "as")


def apply_back_source(source: str, drafts: list[Draft], index: int) -> None:
    """Attribute the events of the sentence before (or the one before it, "Unfortunately, there are
    victims" between) to the source a sentence names for them ("This was reported by the head of the
    regional administration"), where they name none of their own."""
    told = [d.sentence_index for d in drafts if index - 2 <= d.sentence_index < index]
    for draft in drafts:
        if told and draft.sentence_index == max(told) and draft.attributed_to is None:
            draft.attributed_to, draft.cue = source, "reported"


def _party_words(p: Party | None) -> frozenset[str]:
    if p is None:
        return frozenset()
    first, last = bounds(p.head)
    return frozenset(lemma(p.head.doc[i]) for i in range(first, last + 1))


def finish_document(drafts: list[Draft], article_id: str, lexicon: Lexicon) -> list[EventMention]:
    """Drop repeated relations and back-references, then code and freeze each mention."""
    mentions: list[EventMention] = []
    seen_relations: set[tuple[str, str, str]] = set()
    seen_types: set[str] = set()
    for draft in sorted(drafts, key=lambda d: (d.sentence.start, d.trigger.start)):
        if draft.anaphoric and draft.plover in seen_types:
            continue
        if not _informative(draft):
            continue
        if draft.plover in ("AID", "SUPPORT"):
            key = (draft.plover, _text(draft.actor1), _text(draft.actor2))
            sentence_key = (draft.plover, str(draft.sentence_index), _text(draft.actor2))
            if key in seen_relations or sentence_key in seen_relations:
                continue
            seen_relations.update({key, sentence_key})
        seen_types.add(draft.plover)
        facts = EventFacts(
            plover=draft.plover,
            mode=draft.mode,
            trigger_lemma=lemma(draft.trigger.head),
            actor_words=_party_words(draft.actor1),
            target_words=_party_words(draft.actor2),
            sentence_words=draft.sentence_words,
            killed=draft.figures.killed,
            cameo=draft.cameo,
            acled=draft.trigger.sense.acled,
        )
        codes = codes_for(facts, lexicon)
        trigger = draft.trigger
        mentions.append(
            EventMention(
                article_id=article_id,
                plover=draft.plover,
                mode=draft.mode,
                trigger=span_of(list(trigger.tokens)),
                sentence=draft.sentence,
                actor1=draft.actor1.span if draft.actor1 else None,
                actor2=draft.actor2.span if draft.actor2 else None,
                actor1_backers=draft.actor1.backers if draft.actor1 else (),
                actor2_backers=draft.actor2.backers if draft.actor2 else (),
                place=draft.place,
                time=draft.time,
                figures=draft.figures,
                attributed_to=draft.attributed_to,
                attribution_cue=draft.cue,
                hedged=draft.hedged,
                acled_event_type=codes.acled_event_type,
                acled_sub_event_type=codes.acled_sub_event_type,
                cameo_root=codes.cameo_root,
                quad_class=codes.quad_class,
                claim_only=draft.claim_only,
                dated_against=draft.dated_against,
                days_before_main=draft.days_before_main,
            )
        )
    return mentions


def _against_a_phenomenon(head: Token, lexicon: Lexicon) -> bool:
    """ "fighting banditry and terrorism", "the fight against insecurity": what is fought is a
    phenomenon a state acts on as a policy, not a side in a battle."""
    phenomena = lexicon.word_set("phenomena")
    objects = [c for c in head.children if c.dep_ == "dobj"]
    objects += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children]
    objects = [o for o in objects if o.dep_ in ("dobj", "pobj")]
    return bool(objects) and all(lemma(o).lower() in phenomena for o in objects)


def _a_documents_name(trigger: Trigger) -> bool:
    """A noun trigger that is a word of a named treaty or law ("the Comprehensive Agreement on Respect
    for Human Rights") names a document; the act, when one is told, has its own verb ("signed")."""
    head = trigger.head
    if not all(t.text[:1].isupper() for t in trigger.tokens):
        return False
    if head.dep_ not in ("dobj", "pobj", "conj", "appos"):
        return False  # "the Juba Agreement took effect": the agreement itself does something
    named = all(t.pos_ == "PROPN" for t in trigger.tokens)
    compound = any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c not in trigger.tokens for c in head.children
    )
    if named and compound:
        return True
    # "the release of the 'Deal of the Century'", "under the Agreement on the Cessation of Hostilities":
    # a title, its words capitalised after the first
    return head.i > head.sent.start and any(
        c.dep_ == "prep" and c.lower_ in ("of", "on", "for")
        and any(g.dep_ == "pobj" and g.text[:1].isupper() for g in c.children)
        for c in head.children
    )


def _the_hurt(head: Token) -> bool:
    """ "One of the wounded soldiers died at a hospital": people a participle calls hurt, with "the",
    were hurt in an act told before; the participle tells no act of its own."""
    if head.dep_ != "amod" or head.tag_ != "VBN":
        return False
    return any(c.lower_ == "the" for c in head.head.children)


def _informative(draft: Draft) -> bool:
    """An analyst records an event with a party, or a figure; "fighting looks to be starting" is not one."""
    # "Yes, talks have been held": the act's own word is no party to a statement, and with no time and
    # no place the mention is a vague retrospective ("the talks began last week" is dated: an act)
    vague = draft.time is None and draft.place is None and draft.plover not in MATERIAL
    actor1, actor2 = draft.actor1, draft.actor2
    if vague and actor1 is not None and actor1.head.i == draft.trigger.head.i:
        actor1 = None
    if vague and actor2 is not None and actor2.head.i == draft.trigger.head.i:
        actor2 = None
    if draft.plover in ("AID", "SUPPORT", "CONSULT", "REQUEST", "ACCUSE", "THREATEN"):
        return actor1 is not None
    figures = draft.figures
    has_figure = any(v is not None for v in (figures.killed, figures.injured, figures.displaced))
    # "protests erupted in Tehran on Friday": a protest told as the subject of its clause, with its day
    # and place, needs no named crowd ("killed during protests" tells the killing, not a protest)
    gathered = (
        draft.plover == "PROTEST"
        and draft.trigger.head.dep_ in ("nsubj", "nsubjpass")
        and draft.time is not None
        and draft.place is not None
    )
    return actor1 is not None or actor2 is not None or has_figure or gathered


def _text(p: Party | None) -> str:
    return p.span.text.lower() if p else ""
