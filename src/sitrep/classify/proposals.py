"""The act the lexicon missed: where no trigger found an event in a whole text, the model may.

The lexicon's triggers cover the common wording of acts; the long tail (a cache found, a base set
up, gas used, a group split, a crowd that beat a man) has words no trigger list finishes. When the
extract stage found no event anywhere in a text, the typing model reads its sentences, and the one
it is surest tells an event becomes one mention of that label: the sentence's main verb as the
trigger (under a reporting verb, the verb of what is reported), its parties, place, time, figures
and source read as for any trigger, and a statement the modality rules call unasserted (a
negation, a plan, a hypothetical) still none.

Decisions, written down:
- Only where the lexicon found nothing in the whole text. Beside the lexicon's events, the model's
  sentence-by-sentence reading of an article adds background sentences as acts.
- A sentence with a verb of the lexicon's negated or made a habit ("regularly shells") proposes
  nothing: the lexicon already read that trigger as unasserted, and the model does not see it.
- One act per text: the surest sentence. A text the lexicon reads nothing in is a snippet or a
  page whose story the model must find; a second guess in it is more often background.
- The label must be at least PROPOSE_AT likely and likelier than "none".
- A tally or a habit the lexicon's modality rules read as no one act ("have killed a growing number
  of civilians", "in recent years") proposes nothing either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sitrep.classify.corpus import NONE, acled_event_type
from sitrep.extract import sentence_ranges, skipped_spans
from sitrep.extract.arguments import span_of
from sitrep.extract.codes import EventFacts, codes_for
from sitrep.extract.drafts import Draft
from sitrep.extract.lexicon import Lexicon, Sense, default_lexicon
from sitrep.extract.mentions import arguments_of, attach_sentence_facts
from sitrep.extract.modality import is_asserted, is_question
from sitrep.extract.register import is_history, tells_no_conflict
from sitrep.extract.tallies import is_aggregate
from sitrep.extract.triggers import NOUN_POS, Token, Trigger, lemma
from sitrep.models import EventMention, ParsedArticle

# The model's probability for the label at or above which it proposes the act (it must also beat
# "none"). Measured on the corpus's held-out snippets through the whole pipeline: 0.5 left 38 of 594
# with no event, 0.2 leaves 20, and weighted F1 goes 0.847 -> 0.863; the held-out "none" rows gain 2
# events of 185, and no page of the real-text benchmark or the negatives probe changes (on a page the
# lexicon reads nothing in, nothing reaches 0.2 over "none").
PROPOSE_AT = 0.2
# A text's first sentences hold its story; reading further only finds background.
MAX_SENTENCES = 40


def propose(parsed: ParsedArticle, typer: Any, lexicon: Lexicon | None = None) -> list[EventMention]:
    """At most one mention: the act the model is surest the text tells (see the module docstring).
    `typer` is a `sitrep.classify.typer.EventTyper` (its `probabilities` and `plovers`)."""
    if getattr(typer, "model", None) is None:
        return []
    lexicon = lexicon or default_lexicon()
    article, doc = parsed.article, parsed.doc
    if tells_no_conflict(article.text):
        return []
    skipped = skipped_spans(article.text, article.title)
    candidates: list[tuple[int, list[Token]]] = []
    for index, (start, end) in enumerate(sentence_ranges(doc)[:MAX_SENTENCES]):
        tokens = list(doc[start:end])
        first = tokens[0].idx if tokens else 0
        if not tokens or any(a <= first < b for a, b in skipped):
            continue
        candidates.append((index, tokens))
    texts = [span_of(tokens).text for _, tokens in candidates]
    best: tuple[float, str, int, list[Token]] | None = None
    for (index, tokens), text, proba in zip(candidates, texts, typer.probabilities(texts), strict=True):
        if is_question(text) or _negated_or_habitual(tokens, lexicon):
            continue
        label = _likeliest(proba)
        if label is None or proba[label] < PROPOSE_AT or proba.get(NONE, 0.0) >= proba[label]:
            continue
        if best is None or proba[label] > best[0]:
            best = (proba[label], label, index, tokens)
    if best is None:
        return []
    _, label, index, tokens = best
    mention = _mention(article.id, label, index, tokens, typer.plovers, lexicon)
    year = article.published.year if article.published else None
    if mention is None or is_history(mention.time.text if mention.time else None, year):
        return []
    return [mention]


def _negated_or_habitual(tokens: Sequence[Token], lexicon: Lexicon) -> bool:
    """A verb of the lexicon's negated or modified by an adverb of habit ("did not attack the
    hospital; the gunfire came from hunters", "regularly shells positions"): the lexicon's modality
    rules read it as unasserted, and the model, reading words, would propose the sentence anyway.
    Other verbs may be negated ("were taken away and have not been seen since")."""
    habitual = lexicon.modality.get("habitual", frozenset())
    for token in tokens:
        negated = token.dep_ == "neg" or (token.dep_ == "advmod" and lemma(token) in habitual)
        if negated and lemma(token.head) in lexicon.verbs:
            return True
    return False


def _likeliest(proba: Mapping[str, float]) -> str | None:
    labels = [label for label in proba if label != NONE]
    return max(labels, key=lambda label: proba[label]) if labels else None


def _plover(label: str, plovers: Mapping[str, Sequence[str]]) -> str:
    """The label's PLOVER type: its own name for a PLOVER label, else the first it is written with."""
    if label.isupper():
        return label
    return next(iter(plovers.get(label, ())), "MOBILIZE")


def main_verb(tokens: Sequence[Token], lexicon: Lexicon) -> Token:
    """The sentence's main verb, or the verb of what a reporting verb reports ("Police said they
    found a cache": found) or of what a verb of intent or effort governs ("plans to set up a
    base": set, whose modality then says it is a plan)."""
    root = next((t for t in tokens if t.dep_ == "ROOT"), tokens[0])
    cues = lexicon.attribution.get("cue_verbs", frozenset())
    for _ in range(3):
        deps = ("ccomp", "xcomp") if lemma(root) in cues else ("xcomp",)
        content = next((c for c in root.children if c.dep_ in deps and c.pos_ == "VERB"), None)
        if content is None:
            break
        root = content
    return root


def _mention(
    article_id: str,
    label: str,
    index: int,
    tokens: list[Token],
    plovers: Mapping[str, Sequence[str]],
    lexicon: Lexicon,
) -> EventMention | None:
    plover = _plover(label, plovers)
    event_type = acled_event_type(label)
    acled = (event_type, label) if event_type else None
    verbal = label.isupper()
    # a statement's own verb is its act ("accused", "denied"); else the verb of what is reported
    head = next((t for t in tokens if t.dep_ == "ROOT"), tokens[0]) if verbal else main_verb(tokens, lexicon)
    trigger = Trigger(head, (head,), Sense(plover, acled=acled))
    if head.pos_ not in NOUN_POS and not is_asserted(trigger, lexicon):
        return None  # "did not attack", "plans to set up a base", "would have struck"
    if is_aggregate(trigger, lexicon):
        return None  # "have also killed a growing number of civilians": a tally, as the lexicon read it
    sentence = span_of(tokens)
    words = frozenset(lemma(t) for t in tokens)
    actor, target = arguments_of(trigger, lexicon)
    draft = Draft(index, trigger, sentence, plover, None, actor, target, sentence_words=words)
    attach_sentence_facts([draft], tokens, sentence, index, words, lexicon)
    codes = codes_for(
        EventFacts(
            plover=plover,
            mode=None,
            trigger_lemma=lemma(head),
            actor_words=frozenset(),
            target_words=frozenset(),
            sentence_words=words,
            killed=draft.figures.killed,
            acled=acled,
        ),
        lexicon,
    )
    return EventMention(
        article_id=article_id,
        plover=plover,
        mode=None,
        trigger=span_of([head]),
        sentence=sentence,
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
        acled_event_type=event_type,
        acled_sub_event_type=label if event_type else None,
        cameo_root=codes.cameo_root,
        quad_class=codes.quad_class,
    )
