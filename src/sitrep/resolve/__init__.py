"""The resolve stage: EventMentions (surface spans) -> Events (canonical actors, places, dates).

The article's country context (countries it names, most frequent first) is computed once per article
and passed to the actor and place resolvers, so "the army" and "Tripoli" resolve the way the article
means them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from sitrep.models import Actor, CleanArticle, Event, EventMention, ParsedArticle, TextSpan
from sitrep.resolve.actors import ActorDictionary
from sitrep.resolve.dates import resolve_date
from sitrep.resolve.places import Gazetteer
from sitrep.resolve.scene import Scene


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
        home = context[0] if context else None
        scene = Scene(article, self.gazetteer, context)
        return [self._event(article, mention, context, home, scene) for mention in mentions]

    def _actor(
        self, span: TextSpan | None, backers: Sequence[str], when: date | None, home: str | None
    ) -> Actor | None:
        if span is None:
            return None
        actor = self.actors.resolve(span.text, when, home)
        if actor is None:
            return None
        backed = list(actor.backed_by)
        for phrase in backers:
            backed += [code for code in self.actors.backers(phrase) if code not in backed]
        backed = [code for code in backed if code != actor.country]
        return replace(actor, backed_by=tuple(backed))

    def _event(
        self, article: CleanArticle, mention: EventMention, context: Sequence[str], home: str | None,
        scene: Scene,
    ) -> Event:
        published = article.published
        when, precision = resolve_date(mention.time.text if mention.time else None, published)
        location = self.gazetteer.resolve(mention.place.text, context) if mention.place else None
        when, precision, location = scene.fill(mention, when, precision, location)
        event_date = date.fromisoformat(when) if when and len(when) == 10 else published
        # Where the event happened says more about "the rebels" or "the army" than the article's
        # most-mentioned country (a report on Turkey's role in Syria names Turkey most).
        if location is not None and location.country:
            home = location.country
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
            actor1=self._actor(mention.actor1, mention.actor1_backers, event_date, home),
            actor2=self._actor(mention.actor2, mention.actor2_backers, event_date, home),
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
