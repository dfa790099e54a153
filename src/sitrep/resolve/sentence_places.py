"""The places a sentence names, for an event whose place phrase is missing or only a country.

The extractor takes the place phrase the parse ties to the event's verb; real sentences often put the
place elsewhere: in the object ("gunmen attacked Garissa University College"), in a clause after it
("... inside her home in the city of Temixco"), or in a name the parser labelled an organisation.
An analyst codes the most specific place the sentence ties to the act, so the resolver also reads
the sentence's named places (spaCy's GPE, LOC, FAC and ORG entities, and "the town/village/camp
of X" phrases it may miss) and keeps the most specific one it can resolve.

Not places of the act: a name inside the event's actor phrases ("Kenya Defence Forces"), a name an
actor dictionary knows ("Boko Haram"), a destination ("airlifted to Raipur", "flew to Doha") and
an origin of fire or travel ("fired from Gaza"); those are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sitrep.models import EventMention, Location, TextSpan
from sitrep.resolve.places import Gazetteer

_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})
# "the village of Dapchi", "the town of Dhahyan", "Pazi Gyi village": named features spaCy misses.
_NAME = r"[A-Z][\w'’\-]+(?:\s+(?:al-|el-|de\s+|da\s+)?[A-Z][\w'’\-]+){0,3}"
_FEATURE_OF = re.compile(
    r"\b(?:village|town|city|hamlet|settlement|camp|neighbou?rhood|district|area|locality|commune)"
    rf"\s+of\s+(?P<name>{_NAME})"
)
_NAME_FEATURE = re.compile(
    rf"\b(?P<name>{_NAME})\s+(?:village|town|township|camp|refugee camp|neighbou?rhood|district|"
    r"(?:military\s+|army\s+|air\s+|naval\s+)?base|airbase|airport|checkpoint|railway station|station)\b"
)
# Words just before a name that make it a destination or an origin, not where the act took place.
_AWAY = re.compile(
    r"\b(?:to|towards|toward|into|for|from|back to|headed|returned)\s+(?:the\s+)?$", re.IGNORECASE
)


def candidates(text: str, start: int, doc: Any) -> Iterator[tuple[TextSpan, str]]:
    """Spans of a sentence (text starting at offset `start`) that may name a place, in text order,
    each with its kind: "feature" when the words say it is a populated place or a site ("the
    village of X", "X military base"): only such a name is kept when the gazetteer lacks it (an
    entity the gazetteer lacks is more often an agency, a paper or a person: "Pinnacle News");
    "org" for an organisation, read only when it starts with a place it belongs to ("Garissa
    University College", never "the Security Council"); "entity" for the rest."""
    found: list[tuple[TextSpan, str]] = []
    if doc is not None:
        end = start + len(text)
        for ent in getattr(doc, "ents", ()):
            if ent.label_ in _ENTITY_LABELS and ent.start_char >= start and ent.end_char <= end:
                kind = "org" if ent.label_ == "ORG" else "entity"
                found.append((TextSpan(ent.text, ent.start_char, ent.end_char), kind))
    for pattern in (_FEATURE_OF, _NAME_FEATURE):
        for match in pattern.finditer(text):
            name = match.group("name")
            found.append((TextSpan(name, start + match.start("name"), start + match.end("name")), "feature"))
    yield from sorted(found, key=lambda pair: pair[0].start)


def most_specific(
    mention: EventMention,
    doc: Any,
    gazetteer: Gazetteer,
    context: Sequence[str],
    is_actor: Callable[[str], bool] | None,
    bound: int,
) -> Location | None:
    """The most specific place the mention's sentence names, if its precision is below `bound`
    (3: a town or village or a place near one; 4: a province or country too); the first in the
    sentence wins a tie."""
    sentence = mention.sentence
    best: Location | None = None
    # The acting side's phrase names who acted ("Kenya Defence Forces"); the target's phrase often
    # names the place hit ("attacked Garissa University College"), so it is read.
    actors = [mention.actor1] if mention.actor1 is not None else []
    for span, kind in candidates(sentence.text, sentence.start, doc):
        if any(actor.start <= span.start and span.end <= actor.end for actor in actors):
            continue
        before = sentence.text[: span.start - sentence.start]
        if _AWAY.search(before[-30:]):
            continue
        found = _resolve(span.text, kind, gazetteer, context, is_actor)
        if found is not None and kind != "feature" and context and found.country not in context:
            continue  # a namesake abroad, or a foreign capital named in passing
        if found is None or found.precision >= bound:
            continue
        if best is None or found.precision < best.precision:
            best = found
    return best


def _resolve(
    text: str, kind: str, gazetteer: Gazetteer, context: Sequence[str], is_actor: Callable[[str], bool] | None
) -> Location | None:
    """The place a candidate names: a feature phrase ("the village of X") may name a place the
    gazetteer lacks, never a group; an organisation counts only when it starts with its place."""
    if kind == "feature":
        if is_actor is not None and is_actor(text):
            return None
        return gazetteer.resolve_in_article(text, context, is_actor)
    found = gazetteer.resolve(text, context)
    if found is not None and kind == "org" and not _starts_with(text, found.text or ""):
        return None
    return found


def _starts_with(text: str, name: str) -> bool:
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(name) and " ".join(words).startswith(name)


def main_place(
    text: str,
    doc: Any,
    gazetteer: Gazetteer,
    context: Sequence[str],
    is_actor: Callable[[str], bool] | None,
    dateline: str | None = None,
    lead: int = 600,
) -> Location | None:
    """The article's main place: the most specific town, village or site (precision 1-2) its
    headline and lead name, in the article's countries; on a tie, the one the article names most
    often, then the first. The dateline's city is where the reporter files from, not the story's
    place. None when the lead names only countries or provinces."""
    window = text[:lead]
    best: tuple[int, int, int, Location] | None = None
    for order, (span, kind) in enumerate(candidates(window, 0, doc)):
        if dateline and span.text.casefold() == dateline.casefold():
            continue
        if _AWAY.search(window[: span.start][-30:]):
            continue
        found = _resolve(span.text, kind, gazetteer, context, is_actor)
        if found is None or found.precision > 2 or (context and found.country not in context):
            continue
        named = text.count(found.text or found.name)
        key = (found.precision, -named, order, found)
        if best is None or key[:3] < best[:3]:
            best = key
    return best[3] if best is not None else None
