"""Repairs of actor spans, read against the sentence's dependency parse.

The extractor hands the resolver a span per role; some name a weapon, an act or a dateline rather
than a party, or stop short of it. These functions find the party such a span points to, using only
the parse the pipeline already made (no second spaCy pass): the agent of "bombs fired by the M23",
the second side of "Turkey and Russia agreed", the noun of "Nigerien and Nigerian troops", the group
that "claimed responsibility", the people a verb of harm names, the noun an active participle hangs
on. Each returns a TextSpan (or None) for the actor dictionary to read, never an actor itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sitrep.models import TextSpan
from sitrep.parse import doc_text

# "fired by", "launched by", "by": the agent of a weapon or an act follows (first words after a span).
BY_AGENT = re.compile(r"\s*(?:[a-z]+(?:ed|en|out)\s+)?by\s+(?=\S)")
# A dateline a span swallowed: "Damascus, SANA - ", "KHARKIV, Ukraine, March 4 (Northwire) - ".
DATELINE_PREFIX = re.compile(r"^[^\n]{1,80}?(?:,[^\n]*?|\([^)\n]*\)\s*)\s[-\u2013\u2014]\s+(?=\S)")
# What an attack's claimant claims: "claimed responsibility", "claimed the attack".
_CLAIMED = frozenset({"responsibility", "attack", "attacks", "bombing", "killing", "assault"})


def tokens_of(span: TextSpan, doc: Any) -> Any:
    """The doc's tokens covering a span, or None."""
    if doc is None:
        return None
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return tokens if tokens is not None and len(tokens) else None


def without_dateline(span: TextSpan) -> TextSpan:
    """The span without a dateline the extractor took in with the subject ("Damascus, SANA -
    Israeli warplanes" is Israeli warplanes, not Damascus)."""
    match = DATELINE_PREFIX.match(span.text)
    if match is None:
        return span
    return TextSpan(span.text[match.end() :], span.start + match.end(), span.end)


def agent_after(span: TextSpan, doc: Any) -> TextSpan | None:
    """The noun phrase of a by-phrase right after a span ("bombs fired by the M23", "attacks by
    Turkish forces"): the agent of the weapon or act the span names."""
    if doc is None:
        return None
    match = BY_AGENT.match(doc_text(doc), span.end)
    if match is None:
        return None
    words = doc.char_span(match.end() - 3, match.end(), alignment_mode="expand")
    by = words[0] if words is not None and len(words) else None
    if by is None or by.lower_ != "by":
        return None
    objects = [child for child in by.rights if child.dep_ == "pobj"]
    if not objects:
        return None
    noun = objects[0]
    last = noun.i
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            last = child.right_edge.i  # "fighters of the RSF"
    phrase = doc[noun.left_edge.i : last + 1]
    return TextSpan(phrase.text, phrase.start_char, phrase.end_char)


def owner_after(span: TextSpan, doc: Any, dealings: frozenset[str], part: bool) -> TextSpan | None:
    """A span cut short of the party its noun belongs to: "a delegation" of "a delegation from the
    Russian Federation" read with its of/from phrase; "talks" of "talks with the ELN" gives the
    other side of the dealings. `part`: the span's noun is only part of someone ("a delegation"),
    so its of/from phrase names who ("wives of soldiers" are not the soldiers)."""
    tokens = tokens_of(span, doc)
    if tokens is None:
        return None
    root, last = tokens.root, tokens[-1].i
    for prep in root.rights:
        if prep.dep_ != "prep" or prep.i <= last:
            continue
        if part and prep.lower_ in {"of", "from"}:
            words = doc[tokens[0].i : prep.right_edge.i + 1]
            return TextSpan(words.text, words.start_char, words.end_char)
        if prep.lower_ == "with" and root.lemma_.lower() in dealings:
            other = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if other is not None:
                words = doc[other.left_edge.i : other.right_edge.i + 1]
                return TextSpan(words.text, words.start_char, words.end_char)
        return None
    return None


def partner(span: TextSpan, doc: Any) -> TextSpan | None:
    """The second of two coordinated actors, inside the span ("the ministers of Congo and Rwanda")
    or just after it ("Turkey" of "Turkey and Russia agreed"); a shared noun goes with it
    ("Nigerien and Nigerian troops": Nigerian troops)."""
    if doc is None:
        return None
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    first, last = tokens[0].i, tokens[-1].i
    inside = [t for t in tokens if t.dep_ == "conj" and first <= t.head.i <= last]
    if inside:
        conj = inside[0]
    else:
        roots = [t for t in tokens if not first <= t.head.i <= last or t.head.i == t.i]
        conjs = [c for root in roots for c in root.children if c.dep_ == "conj" and c.i > last]
        if not conjs:
            return None
        conj = conjs[0]
    words = doc[conj.left_edge.i : conj.right_edge.i + 1]
    noun = _shared_noun(conj.head, conj.right_edge.i)
    if noun is not None:
        return TextSpan(f"{words.text} {noun.text}", words.start_char, noun.idx + len(noun.text))
    return TextSpan(words.text, words.start_char, words.end_char)


def _shared_noun(modifier: Any, after: int) -> Any:
    """The noun a modifier qualifies further on ("Nigerien" of "Nigerien and Nigerian troops")."""
    noun = modifier.head
    if modifier.dep_ in {"amod", "compound", "nmod"} and noun.i > after and noun.pos_ in {"NOUN", "PROPN"}:
        return noun
    return None


def with_noun(span: TextSpan, doc: Any) -> TextSpan:
    """A one-word span that only modifies the actor's noun ("Nigerien" of "Nigerien and Nigerian
    troops", "Houthi" of "a Houthi attack") read with that noun."""
    if doc is None or " " in span.text.strip():
        return span
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) != 1:
        return span
    word = tokens[0]
    noun = _shared_noun(word, word.i)
    if noun is None and word.pos_ != "NOUN":
        # "Nigerien and Nigerian troops" parsed as two subjects: a conjunct noun with a modifier of
        # its own, parallel to the bare word, shares its noun (a noun of its own, "militants and
        # security forces", is a side of its own)
        noun = next(
            (
                c
                for c in word.children
                if c.dep_ == "conj"
                and c.pos_ == "NOUN"
                and any(m.dep_ in {"amod", "compound"} and m.i < c.i for m in c.children)
            ),
            None,
        )
    if noun is None:
        return span
    return TextSpan(f"{span.text} {noun.text}", span.start, noun.idx + len(noun.text))


def harmed(sentence: TextSpan, trigger: TextSpan, doc: Any, verbs: frozenset[str]) -> Iterator[TextSpan]:
    """The objects (or passive subjects) of the sentence's verbs of harm, nearest the trigger first:
    "killing three villagers", "a policeman was wounded"."""
    tokens, near = tokens_of(sentence, doc), tokens_of(trigger, doc)
    if tokens is None or near is None:
        return
    at = near.root.i
    harming = [t for t in tokens if t.pos_ == "VERB" and t.lemma_.lower() in verbs]
    for token in sorted(harming, key=lambda t: abs(t.i - at)):
        for hurt in token.children:
            if hurt.dep_ in {"dobj", "nsubjpass"}:
                words = doc[hurt.left_edge.i : hurt.i + 1]
                yield TextSpan(words.text, words.start_char, words.end_char)


def claimant(sentence: TextSpan, doc: Any) -> TextSpan | None:
    """Who the sentence says claimed the attack ("..., and al-Shabaab claimed responsibility") or blames
    for it ("an attack blamed on the ADF"): for analysts, the perpetrator when the sentence names no
    other."""
    tokens = tokens_of(sentence, doc)
    if tokens is None:
        return None
    for token in tokens:
        if token.lemma_.lower() != "claim":
            continue
        if not any(c.dep_ == "dobj" and c.lower_ in _CLAIMED for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ != "PRON":
            words = doc[subject.left_edge.i : subject.i + 1]
            return TextSpan(words.text, words.start_char, words.end_char)
    for token in tokens:
        # "an overnight attack blamed on the Allied Democratic Forces", "attributed to the ADF"
        preposition = _BLAMED.get(token.lemma_.lower())
        if preposition is None:
            continue
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == preposition):
            named = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ != "PRON"), None)
            if named is not None:
                words = doc[named.left_edge.i : named.i + 1]
                return TextSpan(words.text, words.start_char, words.end_char)
    return None


_BLAMED = {"blame": "on", "attribute": "to", "ascribe": "to"}


def hung_on(trigger: TextSpan, span: TextSpan, doc: Any) -> bool:
    """Whether the trigger is a participle with an object of its own hanging on the span's noun:
    "Israeli forces arrested 35 Palestinians" misparsed as "forces (who were) arrested". A passive
    participle takes no direct object, so the noun is the one who acted, not the one acted on."""
    verb, noun = tokens_of(trigger, doc), tokens_of(span, doc)
    if verb is None or noun is None:
        return False
    word = verb.root
    return (
        word.dep_ == "acl"
        and noun.start <= word.head.i < noun.end
        and any(c.dep_ == "dobj" for c in word.children)
    )


def is_reciprocal(trigger: TextSpan, doc: Any, verbs: frozenset[str]) -> bool:
    """Whether the trigger is a verb of two sides fighting each other ("clashed", "exchanged fire")."""
    tokens = tokens_of(trigger, doc)
    return tokens is not None and tokens.root.lemma_.lower() in verbs


_NAMING_VERBS = frozenset({"know", "call", "name", "dub"})


# ", Islamic State West Africa Province (ISWAP)," after a span: a proper name set off by commas
_APPOSED = re.compile(r",\s+(?:the\s+)?(?P<name>(?:[a-z]{1,3}-)?[A-Z][^,;:.]{2,80}?)\s*(?:,|$)")


def apposed_name(span: TextSpan, doc: Any) -> list[TextSpan]:
    """The proper name set off by commas right after a span ("Boko Haram's splinter group, Islamic
    State West Africa Province (ISWAP), overran ..."), whatever the parse made of it."""
    if doc is None:
        return []
    text = doc_text(doc)
    match = _APPOSED.match(text, span.end)
    if match is None:
        return []
    start, end = match.start("name"), match.end("name")
    return [TextSpan(text[start:end], start, end)]


def named_after(span: TextSpan, doc: Any) -> list[TextSpan]:
    """The names a generic actor noun is given after it: "guerrillas from the National Liberation Army
    (ELN)", "fighters known as the White Army", "militants of the Allied Democratic Forces", "the
    rebels, the M23": each candidate phrase, in text order (the caller keeps one that names a group)."""
    if doc is None:
        return []
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return []
    head = tokens.root
    found: list[TextSpan] = []
    for child in head.children:
        if child.i < head.i:
            continue
        objects: list[Any] = []
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "acl" and child.lemma_.lower() in _NAMING_VERBS:
            objects = [g for p in child.children if p.lower_ == "as" for g in p.children if g.dep_ == "pobj"]
        elif child.dep_ == "appos":
            objects = [child]
        for obj in objects:
            words = sorted(obj.subtree, key=lambda t: t.i)
            first, last = words[0], words[-1]
            found.append(TextSpan(doc_text(doc)[first.idx : last.idx + len(last.text)], first.idx,
                                  last.idx + len(last.text)))
    return found
