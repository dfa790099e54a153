"""Who claims an event, and whether the claim is hedged.

A source is the subject of a cue verb ("Turkish officials said", "said X", "X told Reuters",
"X confirmed"), the agent of a passive cue ("reported only by Syrian sources") or the object of
"according to". Statements in the outlet's own voice have no source. The cue covers events in
its clause; a cue that heads the sentence covers the whole sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.extract.arguments import PERSONAL, phrase
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.triggers import Token, Trigger, lemma

MEDIA_WORDS = frozenset(
    {
        "reuters",
        "afp",
        "ap",
        "agency",
        "reporter",
        "journalist",
        "television",
        "tv",
        "media",
        "newspaper",
        "press",
        "broadcaster",
        "channel",
        "outlet",
    }
)


def _ancestors(token: Token) -> list[Token]:
    chain = []
    for _ in range(40):
        if token.head.i == token.i:
            break
        token = token.head
        chain.append(token)
    return chain


def _source_of(cue: Token) -> Token | None:
    for child in cue.children:
        if child.dep_ == "nsubj" and child.lower_ not in ("it", "there"):
            return child
    for child in cue.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    doc = cue.doc  # "..., Ali Demir, a local official, told reporters": a parse that lost the subject
    for i in range(cue.i - 1, max(cue.i - 12, cue.sent.start) - 1, -1):
        if doc[i].ent_type_ in ("PERSON", "ORG") and doc[i].dep_ != "compound":
            return doc[i]
    return None


def _cue_text(cue: Token) -> str:
    obj = next((c for c in cue.children if c.dep_ == "dobj" and lemma(c) in MEDIA_WORDS | {"agency"}), None)
    if obj is None:
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.ent_type_ == "ORG"), None)
    if obj is not None:
        return str(cue.doc[cue.i : _last_index(obj) + 1].text)
    return str(cue.text)


def _last_index(token: Token) -> int:
    return max(t.i for t in token.subtree)


def _person_before(token: Token) -> Token | None:
    doc = token.doc
    for i in range(token.i - 1, max(token.i - 80, 0) - 1, -1):
        if doc[i].ent_type_ in ("PERSON", "ORG") and doc[i].dep_ in (
            "nsubj",
            "pobj",
            "compound",
            "appos",
            "dobj",
        ):
            head = doc[i]
            while head.dep_ == "compound" and head.head.ent_type_ == head.ent_type_:
                head = head.head
            return head
    return None


def find_source(
    trigger: Trigger, sentence: Sequence[Token], lexicon: Lexicon
) -> tuple[str | None, str | None]:
    """(attributed_to, attribution_cue) for a trigger, or (None, None) for the outlet's own voice."""
    cues = lexicon.attribution.get("cue_verbs", frozenset())
    according = lexicon.attribution.get("according", frozenset())
    head = trigger.head
    above = {t.i for t in _ancestors(head)}
    candidates: list[Token] = []
    for token in sentence:
        if token.i == head.i:
            continue
        word = lemma(token)
        if word in according or token.lower_ in according:
            obj = next((g for c in token.children for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return phrase(obj).text, "according to"
        if word in cues and token.pos_ == "VERB":
            candidates.append(token)
    for cue in candidates:
        covers = cue.i in above or cue.dep_ in ("ROOT", "parataxis")
        if not covers:
            continue
        source = _source_of(cue)
        if source is None or (source.dep_ == "nsubj" and source.i in {t.i for t in head.subtree}):
            continue
        if source.lower_ in PERSONAL:
            source = _person_before(source) or source
        return phrase(source).text, _cue_text(cue)
    return None, None


def is_hedged(trigger: Trigger, sentence_text: str, lexicon: Lexicon) -> bool:
    """Hedges on the trigger's path to the root, in its clause, or as a sentence-level disclaimer."""
    hedges = lexicon.attribution.get("hedge_lemmas", frozenset())
    head = trigger.head
    chain = _ancestors(head)
    for token in chain:
        if lemma(token) in hedges or any(c.dep_ == "advmod" and lemma(c) in hedges for c in token.children):
            return True
    siblings = {t.i for c in head.children if c.dep_ in ("conj", "parataxis") for t in c.subtree}
    if any(lemma(t) in hedges for t in head.subtree if t.i not in siblings):
        return True  # "..., and al-Shabaab claimed responsibility" is a statement of its own
    lowered = sentence_text.lower()
    return any(phrase_ in lowered for phrase_ in lexicon.hedge_phrases)


@dataclass(frozen=True, slots=True)
class Disclaimer:
    """A sentence that qualifies claims made before it: "The claim could not be independently verified",
    "The incident ... was reported only by Syrian sources"."""

    source: str | None  # the agent of a passive cue ("Syrian sources"), or None
    cue: str | None
    topic: frozenset[str]  # content nouns naming what is disclaimed ("body", "soldier"); empty: "the claim"


def find_disclaimer(sentence: Sequence[Token], lexicon: Lexicon) -> Disclaimer | None:
    """The disclaimer a sentence without events of its own makes about earlier claims, if any.

    A hedge phrase ("could not be verified", "only by") or a negated verifying verb ("Reuters could
    not verify the account") whose subject or object is a definite back-reference ("the claim",
    "these reports", "the incident involving ...") refers to claims already told.
    """
    if not sentence:
        return None
    text = sentence[0].doc[sentence[0].i : sentence[-1].i + 1].text.lower()
    hedge_phrase = any(p in text for p in lexicon.hedge_phrases)
    verifying = lexicon.attribution.get("verify_verbs", frozenset())
    for token in sentence:
        if token.pos_ not in ("VERB", "AUX") or lemma(token) not in verifying | {"report"}:
            continue
        negated = any(c.dep_ == "neg" for c in token.children)
        if not (hedge_phrase or (negated and lemma(token) in verifying)):
            continue
        roles = ("nsubjpass", "nsubj", "dobj")
        referent = next((c for c in token.children if c.dep_ in roles and _back_reference(c)), None)
        if referent is None:
            continue
        agents = (c for c in token.children if c.dep_ == "agent")
        agent = next((g for c in agents for g in c.children if g.dep_ == "pobj"), None)
        generic = lexicon.attribution.get("claim_nouns", frozenset())
        topic = frozenset(
            lemma(t) for t in referent.subtree if t.pos_ == "NOUN" and lemma(t) not in generic
        )
        source = phrase(agent).text if agent is not None and agent.lower_ not in PERSONAL else None
        return Disclaimer(source, str(token.text) if source else None, topic)
    return None


def _back_reference(token: Token) -> bool:
    """ "the claim", "these reports", "either account", "it": a noun phrase pointing back."""
    if token.lower_ in ("it", "they", "this", "these", "those"):
        return True
    pointing = ("the", "these", "this", "those", "such", "either", "both")
    return any(c.dep_ in ("det", "predet") and c.lower_ in pointing for c in token.children)
