"""The resolve stage: EventMentions (surface spans) -> Events (canonical actors, places, dates).

The article's country context (countries it names, most frequent first) is computed once per article
and passed to the actor and place resolvers, so "the army" and "Tripoli" resolve the way the article
means them. Where an event happened overrides that context for physical events ("the army" in a
report from Idlib is Syria's), never for talks and statements (a meeting in Ankara is not Turkey's).

What the event is also decides who its actors are, as analysts code them (ACLED):
- a state that attacks, deploys, withdraws or arrests does so through its forces ("Russia launched
  strikes" -> Military Forces of Russia), while a state that speaks is its government;
- what an attack hit stands for the people in it ("a crowded market" -> civilians, "the army base" ->
  state forces of the place);
- a protest's actor is protesters, named or not;
- "the group", "it", "their" refer back to the last name the article gave.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from sitrep.models import Actor, CleanArticle, Event, EventMention, ParsedArticle, TextSpan
from sitrep.resolve.actors import ActorDictionary, NamedMention
from sitrep.resolve.dates import resolve_date
from sitrep.resolve.places import Gazetteer
from sitrep.resolve.scene import PHYSICAL, Scene

# Events a state carries out with its forces; the state named as their actor is its military.
_MILITARY_ACTS = frozenset({"ASSAULT", "MOBILIZE", "RETREAT"})
# Sub-events whose target is the side that lost ground, never the place taken.
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# Whole phrases that only point back: "the group" to the last armed group, pronouns to the last name.
_GROUP_ANAPHORS = frozenset(
    {"the group", "group", "the movement", "the organisation", "the organization", "the faction"}
)
# Sub-events of riots: whoever demonstrates violently is coded a rioter.
_RIOTS = frozenset({"Violent demonstration", "Mob violence"})
_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
_PRONOUN_REACH = 400  # characters back a pronoun may look for its name (about two sentences)


@dataclass(slots=True)
class _ArticleActors:
    """What one article offers for resolving its actor phrases."""

    home: str | None  # the article's main country
    named: list[NamedMention]
    starts: list[int]  # named[i].start, for bisecting
    persons: set[tuple[int, int]]  # (start, end) of the PERSON entities spaCy found


class Resolver:
    def __init__(self, actors: ActorDictionary, gazetteer: Gazetteer) -> None:
        self.actors = actors
        self.gazetteer = gazetteer

    @classmethod
    @lru_cache(maxsize=1)
    def shared(cls) -> Resolver:
        return cls(ActorDictionary.shared(), Gazetteer.shared())

    def resolve(self, parsed: ParsedArticle, mentions: Sequence[EventMention]) -> list[Event]:
        article = parsed.article
        context = self.actors.country_context([article.text])
        named = self.actors.named_mentions(article.text)
        known = _ArticleActors(
            home=context[0] if context else None,
            named=named,
            starts=[m.start for m in named],
            persons=_persons(getattr(parsed, "doc", None)),
        )
        scene = Scene(article, self.gazetteer, context)
        return [self._event(article, mention, context, known, scene) for mention in mentions]

    def _actor(
        self,
        span: TextSpan | None,
        sentence_start: int,
        backers: Sequence[str],
        when: date | None,
        home: str | None,
        known: _ArticleActors,
        target: bool = False,
    ) -> Actor | None:
        if span is None:
            return None
        actor = self.actors.resolve(span.text, when, home, target=target)
        words = span.text.split()
        if actor is None or (words and words[0].lower() in _PRONOUNS):
            actor = self._referent(span, sentence_start, when, home, known, target) or actor
        if actor is None:
            return None
        backed = list(actor.backed_by)
        for phrase in backers:
            backed += [code for code in self.actors.backers(phrase) if code not in backed]
        backed = [code for code in backed if code != actor.country]
        return replace(actor, backed_by=tuple(backed))

    def _referent(
        self, span: TextSpan, sentence_start: int, when: date | None, home: str | None,
        known: _ArticleActors, target: bool,
    ) -> Actor | None:
        """An actor for a phrase that names none itself: the name "the group" or "its" points back
        to ("its fighters" read as "<name> fighters"), or a person spaCy recognised (a name not in the
        dictionary: "Tesfaye", "Vadym Filashkin").

        "The group" is the last armed group named. A pronoun is the first name in its own sentence
        before it (the subject: "Hezbollah fired at northern Israel after a strike killed one of its
        commanders"), else the last name of the sentences just before."""
        words = span.text.split()
        phrase = " ".join(words).lower()
        if phrase in _GROUP_ANAPHORS or (words and words[0].lower() in _PRONOUNS):
            groups_only = phrase in _GROUP_ANAPHORS
            before = known.named[: bisect.bisect_left(known.starts, span.start)]
            if groups_only:
                candidates = [m for m in reversed(before) if m.group]
            else:
                here = [m for m in before if m.start >= sentence_start]
                earlier = [m for m in reversed(before) if m.start < sentence_start]
                candidates = here + [m for m in earlier if span.start - m.end <= _PRONOUN_REACH]
            rest = [] if groups_only else words[1:]
            for mention in candidates:
                actor = self.actors.resolve(" ".join([mention.text, *rest]), when, home, target=target)
                if actor is not None:
                    return replace(actor, text=span.text)
            return None
        stripped = span.text.strip()
        offset = span.start + span.text.index(stripped[:1]) if stripped else span.start
        if (offset, offset + len(stripped)) in known.persons:
            return Actor(stripped, home, "person", (), span.text)
        return None

    def _event(
        self, article: CleanArticle, mention: EventMention, context: Sequence[str], known: _ArticleActors,
        scene: Scene,
    ) -> Event:
        published = article.published
        when, precision = resolve_date(mention.time.text if mention.time else None, published)
        location = self.gazetteer.resolve(mention.place.text, context) if mention.place else None
        when, precision, location = scene.fill(mention, when, precision, location)
        event_date = date.fromisoformat(when) if when and len(when) == 10 else published
        # Where a physical event happened says more about "the rebels" or "the army" than the
        # article's most-mentioned country (a report on Turkey's role in Syria names Turkey most).
        # Talks and statements are often held abroad: there the article's country stands.
        home = known.home
        if location is not None and location.country and mention.plover in PHYSICAL:
            home = location.country
        plover, sub_event = mention.plover, mention.acled_sub_event_type
        target = plover in {"ASSAULT", "COERCE"} and sub_event not in _TERRITORY
        start = mention.sentence.start
        actor1 = self._actor(mention.actor1, start, mention.actor1_backers, event_date, home, known)
        actor2 = self._actor(mention.actor2, start, mention.actor2_backers, event_date, home, known, target)
        key = f"{article.id}:{mention.trigger.start}:{mention.plover}"
        return Event(
            event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
            article_id=article.id,
            plover=mention.plover,
            mode=mention.mode,
            acled_event_type=mention.acled_event_type,
            acled_sub_event_type=mention.acled_sub_event_type,
            cameo_root=mention.cameo_root,
            quad_class=mention.quad_class,
            date=when,
            date_precision=precision,
            actor1=self._as_acting(actor1, plover, sub_event, home),
            actor2=actor2,
            location=location,
            killed=mention.figures.killed,
            injured=mention.figures.injured,
            displaced=mention.figures.displaced,
            figure_qualifier=mention.figures.qualifier,
            attributed_to=mention.attributed_to,
            hedged=mention.hedged,
            evidence=mention.sentence,
            outlet=article.outlet,
            url=article.url,
            published=published.isoformat() if published else None,
        )


    def _as_acting(
        self, actor: Actor | None, plover: str, sub_event: str | None, home: str | None
    ) -> Actor | None:
        """The first actor as the act makes it: a state (or its ministry) attacking, deploying,
        withdrawing or arresting acts through its forces; whoever protests is a protester."""
        if plover == "PROTEST":
            kind, label = ("rioters", "Rioters") if sub_event in _RIOTS else ("protesters", "Protesters")
            if actor is None:
                return Actor(self._label(label, home), home, kind)
            if actor.kind in {"civilians", "protesters", "rioters"}:
                return replace(actor, name=self._label(label, actor.country), kind=kind)
            return actor
        if actor is None or actor.kind != "government" or actor.country is None:
            return actor
        arrests = plover == "COERCE" and sub_event == "Arrests"
        if plover not in _MILITARY_ACTS and not arrests:
            return actor
        state = actor.name.removeprefix("Government of ")
        label = "Police Forces" if arrests else "Military Forces"
        return replace(actor, name=f"{label} of {state}", kind="state_forces")

    def _label(self, label: str, iso3: str | None) -> str:
        country = self.actors.data.countries.get(iso3 or "")
        return f"{label} ({country.name})" if country else label


def _persons(doc: Any) -> set[tuple[int, int]]:
    if doc is None:
        return set()
    return {(ent.start_char, ent.end_char) for ent in getattr(doc, "ents", ()) if ent.label_ == "PERSON"}
