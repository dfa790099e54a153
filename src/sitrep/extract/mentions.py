"""Assembling mentions: trigger + arguments + figures + source, merged and coded.

Decisions an analyst would make, written down:
- Backing stated as a modifier ("Turkish-backed rebels", "forces backed by Russian airstrikes") is
  an AID event (backer -> backed); when the backer is named by its strikes ("Russian airstrikes",
  "Turkish artillery strikes") it also implies an ASSAULT by the backer, with the mode of the strikes.
- "vowed/pledged to X" is THREATEN only when X is hostile; the threatened act itself is not an event.
- A purpose clause of an attack ("advancing ... to push back X") is not an event of its own; it gives
  the attack its target.
- Several ASSAULT triggers in one sentence with compatible parties ("attacking ... killed",
  "Fighting ... attacking") are one event; figures of a sentence go to its ASSAULT/COERCE event.
- Displacement: the figure goes on the sentence's ASSAULT ("fled the offensive"); without one, the
  flight is a COERCE event with no actor (see data/verbs.toml).
- A definite event noun that a source confirms or reports ("confirmed the downing of ...") refers
  to an event already recorded: it is not a second event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.extract.arguments import (
    Party,
    bounds,
    noun_arguments,
    party,
    span_of,
    verb_arguments,
)
from sitrep.extract.attribution import find_source, is_hedged
from sitrep.extract.codes import EventFacts, codes_for
from sitrep.extract.figures import DISPLACED, figures_in
from sitrep.extract.lexicon import Lexicon, Sense
from sitrep.extract.modality import is_asserted, is_question, negated, rejects_by_negation
from sitrep.extract.setting import place_span, time_span
from sitrep.extract.triggers import NOUN_POS, Token, Trigger, find_triggers, lemma
from sitrep.models import EventMention, Figures, TextSpan

HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
CONFIRMING_CUES = frozenset({"confirm", "report", "deny", "acknowledge", "admit"})


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


def infer_mode(trigger: Trigger, actor: Party | None, target: Party | None, lexicon: Lexicon) -> str | None:
    """ASSAULT mode from the trigger's clause and actor, never from the target ("the helicopter")."""
    if trigger.sense.mode:
        return trigger.sense.mode
    excluded: set[int] = set()
    if target is not None:
        first, last = bounds(target.head)
        excluded.update(range(first, last + 1))
    words: set[str] = set()
    for child in trigger.head.children:  # the subject's own modifiers are not the means of this act
        if child.dep_ in ("nsubj", "nsubjpass", "agent", "csubj"):
            excluded.update(t.i for t in child.subtree)
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
        words.add(lemma(token))
        words.add(token.lower_)
        if lexicon.aircraft.match(token.lower_):
            words.add("aircraft")
    for mode, cues in lexicon.mode_cues:
        if cues & words:
            return mode
    return None


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


def _arguments(trigger: Trigger, lexicon: Lexicon) -> tuple[Party | None, Party | None]:
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
        if not is_refusal and not is_asserted(trigger, lexicon):
            continue
        if lemma(trigger.head) in commissive and _content_trigger(trigger, triggers) is None:
            continue
        actor, target = _arguments(trigger, lexicon)
        if plover in ("THREATEN", "REQUEST") or lemma(trigger.head) in commissive:
            content = _content_trigger(trigger, triggers)
            if content is not None:
                content_actor, content_target = _arguments(content, lexicon)
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
        if plover == "ASSAULT" and target is None:
            for child in trigger.head.children:  # "advancing ... to push back X"
                purpose = next(
                    (t for t in triggers if t.head.i == child.i and t.sense.plover == "ASSAULT"), None
                )
                if purpose is not None and child.dep_ in ("advcl", "xcomp"):
                    target = _arguments(purpose, lexicon)[1]
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
        )
        head = trigger.head
        draft.anaphoric = (
            head.pos_ in NOUN_POS
            and any(c.lower_ == "the" for c in head.children)
            and head.dep_ == "dobj"
            and lemma(head.head) in CONFIRMING_CUES
        )
        drafts.append(draft)
    drafts = _drop_nested(drafts)
    drafts = _merge_assaults(drafts)
    _attach_sentence_facts(drafts, tokens, sentence, index, words, lexicon)
    return drafts


def _inside(token: Token, p: Party | None) -> bool:
    if p is None:
        return False
    first, last = bounds(p.head)
    return first <= token.i <= last


def _drop_nested(drafts: list[Draft]) -> list[Draft]:
    """A trigger inside another event's party is a modifier ("strikes against attacking forces")."""
    kept = []
    for draft in drafts:
        nested = any(
            other is not draft
            and (_inside(draft.trigger.head, other.actor2) or _inside(draft.trigger.head, other.actor1))
            and not draft.trigger.modifier
            and draft.actor1 is None
            for other in drafts
        )
        if not nested:
            kept.append(draft)
    return kept


def _same_party(a: Party | None, b: Party | None) -> bool:
    return a is None or b is None or a.span.text.lower() == b.span.text.lower() or a.head.i == b.head.i


def _merge_assaults(drafts: list[Draft]) -> list[Draft]:
    """One event per sentence for ASSAULT triggers whose parties agree (or are missing)."""
    merged: list[Draft] = []
    for draft in drafts:
        target = None
        if draft.plover == "ASSAULT" and not draft.trigger.modifier:
            for other in merged:
                if other.plover != "ASSAULT" or not (
                    other.mode is None or draft.mode is None or other.mode == draft.mode
                ):
                    continue
                parties_agree = _same_party(other.actor1, draft.actor1) and _same_party(
                    other.actor2, draft.actor2
                )
                means = _inside(draft.trigger.head, other.actor1) or _inside(other.trigger.head, draft.actor1)
                if parties_agree or means or _nested_clause(other, draft):
                    target = other
                    break
        if target is None and draft.plover not in ("ASSAULT",):
            target = next((o for o in merged if o.plover == draft.plover and _governs(o, draft)), None)
        if target is None:
            merged.append(draft)
            continue
        keeper, extra = (target, draft) if _weight(target) >= _weight(draft) else (draft, target)
        keeper.actor1 = keeper.actor1 or extra.actor1
        keeper.actor2 = keeper.actor2 or extra.actor2
        keeper.mode = keeper.mode or extra.mode
        if keeper.actor2 is not None and keeper.actor2.head.i == extra.trigger.head.i:
            keeper.actor2 = None  # "signed a ceasefire agreement": the object is the event itself
        if keeper is draft:
            merged[merged.index(target)] = draft
    return merged


def _governs(a: Draft, b: Draft) -> bool:
    """ "signed a ceasefire agreement": an event noun that is the object of a same-type verb."""
    for outer, inner in ((a, b), (b, a)):
        if inner.trigger.head.head.i == outer.trigger.head.i and inner.trigger.head.dep_ in (
            "dobj",
            "pobj",
            "attr",
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


def _attach_sentence_facts(
    drafts: list[Draft],
    tokens: list[Token],
    sentence: TextSpan,
    index: int,
    words: frozenset[str],
    lexicon: Lexicon,
) -> None:
    figures = figures_in(tokens)
    has_figures = any(v is not None for v in (figures.killed, figures.injured, figures.displaced))
    violent = [d for d in drafts if d.plover in ("ASSAULT", "COERCE") and not d.trigger.modifier]
    if has_figures and violent:
        violent[0].figures = figures
    elif figures.displaced is not None:
        flee = next((t for t in tokens if lemma(t) in DISPLACED), tokens[0])
        trigger = Trigger(flee, (flee,), Sense("COERCE"))
        drafts.append(Draft(index, trigger, sentence, "COERCE", None, figures=figures, sentence_words=words))
    for draft in drafts:
        exclude: set[int] = set()
        for p in (draft.actor1, draft.actor2):
            if p is not None:
                first, last = bounds(p.head)
                exclude.update(range(first, last + 1))
        if not draft.trigger.modifier:
            draft.place = place_span(draft.trigger, tokens, exclude, lexicon)
        draft.time = time_span(draft.trigger, tokens)
        draft.attributed_to, draft.cue = find_source(draft.trigger, tokens, lexicon)
        draft.hedged = is_hedged(draft.trigger, sentence.text, lexicon)


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
            )
        )
    return mentions


def _informative(draft: Draft) -> bool:
    """An analyst records an event with a party, or a figure; "fighting looks to be starting" is not one."""
    if draft.plover in ("AID", "SUPPORT", "CONSULT", "REQUEST", "ACCUSE", "THREATEN"):
        return draft.actor1 is not None
    figures = draft.figures
    has_figure = any(v is not None for v in (figures.killed, figures.injured, figures.displaced))
    return draft.actor1 is not None or draft.actor2 is not None or has_figure


def _text(p: Party | None) -> str:
    return p.span.text.lower() if p else ""
