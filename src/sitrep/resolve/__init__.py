"""The resolve stage: EventMentions (surface spans) -> Events (canonical actors, places, dates).

The article's country context (countries it names, most frequent first) is computed once per article
and passed to the actor and place resolvers, so "the army" and "Tripoli" resolve the way the article
means them. Where an event happened overrides that context for physical events ("the army" in a
report from Idlib is Syria's), never for talks and statements (a meeting in Ankara is not Turkey's).
What the event is also decides who its actors are (event_actors) and, where the sentence names no
place, where it happened (act_places).
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from sitrep.classify.proposals import propose
from sitrep.classify.typer import EventTyper, settle
from sitrep.extract.register import latest_year
from sitrep.models import (
    Actor,
    CleanArticle,
    DateSource,
    Event,
    EventMention,
    Mention,
    ParsedArticle,
    TextSpan,
)
from sitrep.resolve.act_places import ActPlaces
from sitrep.resolve.actors import ActorDictionary
from sitrep.resolve.dates import in_undated_article, quoted_deictic, resolve_date
from sitrep.resolve.event_actors import ArticleActors, EventActors, persons
from sitrep.resolve.merge import disrupting, merge_events
from sitrep.resolve.named_acts import named_act_places
from sitrep.resolve.places import Gazetteer
from sitrep.resolve.scene import PHYSICAL, Scene
from sitrep.resolve.sides import ARMED_NON_STATE

# Sub-events whose target is the side that lost ground, never the place taken.
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


class Resolver:
    def __init__(self, actors: ActorDictionary, gazetteer: Gazetteer) -> None:
        self.actors = actors
        self.gazetteer = gazetteer
        self.parties = EventActors(actors, gazetteer)
        self.places = ActPlaces(actors, gazetteer)

    @classmethod
    @lru_cache(maxsize=1)
    def shared(cls) -> Resolver:
        return cls(ActorDictionary.shared(), Gazetteer.shared())

    def resolve(self, parsed: ParsedArticle, mentions: Sequence[EventMention]) -> list[Event]:
        article = parsed.article
        if all(m.claim_only for m in mentions) and getattr(parsed, "doc", None) is not None:
            # the act the lexicon's words missed; a toll told with no act ("two of them died") is
            # no act of its own and joins none, so the text still tells no act the lexicon read
            proposed = propose(parsed, EventTyper.shared())
            mentions = list(proposed) if proposed else mentions
        context, named = self.actors.read_article(article.text)
        home = context[0] if context else None
        # "in the Dnipropetrovsk region" names Ukraine as surely as "Ukraine" does: a page that
        # names only the attacker's country still has the provinces it names in its context
        provinces = self.gazetteer.provinces_in(article.text)  # read once: the scene keeps them too
        named_in = dict.fromkeys(p.country for p in provinces if p.country)
        context = context + [c for c in named_in if c not in context]
        known = ArticleActors(
            home=home,
            named=named,
            starts=[m.start for m in named],
            persons=persons(getattr(parsed, "doc", None)),
            doc=getattr(parsed, "doc", None),
        )
        scene = Scene(article, self.gazetteer, context, known.doc, self.actors.names_someone, provinces)
        events = [self._event(article, mention, context, known, scene) for mention in mentions]
        claims = {e.event_id for e, m in zip(events, mentions, strict=True) if m.claim_only}
        others = {e.event_id for e, m in zip(events, mentions, strict=True) if m.dated_against}
        events = self.places.placed(events, context)
        scores: dict[int, Mapping[str, float]] = {}
        events = EventTyper.shared().type_events(article, mentions, events, scores)
        events = self.places.each_town(events, mentions, context, known.doc)
        told = disrupting(events)  # a shoot-down does not type the attack it stops
        typing = {key: value for key, value in scores.items() if key not in told}
        acts = settle(merge_events(events, article.published, claims, others), typing)
        acts = EventTyper.shared().type_snippet(article, acts)
        acts = named_act_places(article.text, acts, self.gazetteer, context, self.actors.names_someone)
        acts = [self.parties.typed_target(event) for event in acts]
        kept = [e for e in acts if not _with_itself(e) and not _vague(e) and not _unarmed_pause(e)]
        return _condemned_doers(kept)

    def _event(
        self,
        article: CleanArticle,
        mention: EventMention,
        context: Sequence[str],
        known: ArticleActors,
        scene: Scene,
    ) -> Event:
        published = article.published
        time = None if mention.time is None else mention.time.text
        when, precision = resolve_date(time, published)
        if when is None and published is None:
            # "On March 24, three groups attacked" in a page with no date: the year the article names
            # (not one it counts from: "since 2015")
            when, precision = in_undated_article(
                time, latest_year(article.text, date.today().year, counted_from=False)
            )
        if mention.time is not None and time is not None:
            offset = mention.time.start - mention.sentence.start
            spoken = quoted_deictic(mention.sentence.text, offset, mention.time.text, published)
            if spoken is not None and spoken[0] is not None:
                when, precision = spoken
        source: DateSource | None = "stated" if when else None
        place = mention.place or self.places.target_place(mention, context)
        place = place or self.places.town_on_the_act(mention, context)
        location = (
            self.gazetteer.resolve_in_article(
                place.text, context, self.actors.names_someone, mention.plover in PHYSICAL
            )
            if place and not _inside_a_name(place, known)
            else None
        )
        if location is not None and place is not None:
            location = self.gazetteer.in_province_after(location, place, mention.sentence, context)
            sentence = mention.sentence.text
            location = self.gazetteer.in_named_province(location, scene.provinces, sentence)
        when, precision, location = scene.fill(mention, when, precision, location)
        if source is None and when is not None:
            source = "context"
        if when is None and published is not None and scene.told_as_news(mention):
            when, precision, source = published.isoformat(), "day", "publication"
        event_date = _first_day(when) or published
        # Where a physical event happened says more about "the rebels" or "the army" than the
        # article's most-mentioned country (a report on Turkey's role in Syria names Turkey most).
        # Talks and statements are often held abroad: there the article's country stands.
        home = known.home
        if location is not None and location.country and mention.plover in PHYSICAL:
            home = location.country
        plover, sub_event = mention.plover, mention.acled_sub_event_type
        target = plover in {"ASSAULT", "COERCE"} and sub_event not in _TERRITORY
        hit_town = mention.place is None and place is not None and place is mention.actor2
        # "Russian drones struck Sumy": the town is the act's place, not a party (its people are
        # found as any victims are: "killing three people")
        sides_of = replace(mention, actor2=None) if hit_town and location is not None else mention
        if sides_of.actor2 is not None and self.places.stormed_name(sides_of):
            sides_of = replace(sides_of, actor2=None)  # "stormed Gaambetiev": a village, not a man
        actor1, actor2 = self.parties.both(sides_of, event_date, home, target, known, location)
        location = scene.speaker_place(mention, actor1, location)
        actor2 = self.parties.hit_side(actor2, actor1, mention, location.country if location else None)
        hedged = mention.hedged or self._claims_its_own_act(mention, actor1, event_date)
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
            actor1=self.parties.as_acting(actor1, plover, sub_event, home),
            actor2=actor2,
            location=location,
            killed=mention.figures.killed,
            injured=mention.figures.injured,
            displaced=mention.figures.displaced,
            figure_qualifier=mention.figures.qualifier,
            attributed_to=mention.attributed_to,
            hedged=hedged,
            evidence=mention.sentence,
            outlet=article.outlet,
            url=article.url,
            published=published.isoformat() if published else None,
            date_source=source,
            mentions=(
                Mention(
                    mention.sentence.text,
                    mention.sentence.start,
                    mention.sentence.end,
                    mention.attributed_to,
                    hedged,
                    mention.figures.killed,
                    mention.figures.injured,
                    mention.figures.displaced,
                ),
            ),
        )

    def _claims_its_own_act(self, mention: EventMention, actor1: Actor | None, when: date | None) -> bool:
        """A rebel group or militia cited for its own act ("the BLA said its fighters killed three
        soldiers"): a claim of responsibility, hedged (EVENTS.md), however plainly it is worded."""
        if actor1 is None or actor1.kind not in ARMED_NON_STATE or not mention.attributed_to:
            return False
        source = self.actors.resolve(mention.attributed_to, when)
        return source is not None and source.name == actor1.name


def _inside_a_name(span: TextSpan, known: ArticleActors) -> bool:
    """A place phrase that is part of a group's name ("the Islamic State in the Greater Sahara")."""
    index = bisect.bisect_right(known.starts, span.start) - 1
    return index >= 0 and known.named[index].end >= span.end and known.named[index].start < span.start


def _vague(event: Event) -> bool:
    """An act told with no one doing or suffering it, no time, no place and no figure ("hiding the
    perpetrators of his son's murder"): a vague retrospective mention, no event (EVENTS.md)."""
    sides = (event.actor1, event.actor2, event.date, event.location)
    figures = (event.killed, event.injured, event.displaced)
    return event.plover == "ASSAULT" and all(field is None for field in (*sides, *figures))


def _unarmed_pause(event: Event) -> bool:
    """ "MSF said it was suspending operations", "the aid agency halted its work": a body that bears no
    arms pausing its own work changes no armed group's activity (ACLED's "Change to group/activity")."""
    doer = event.actor1
    paused = event.plover == "RETREAT" and event.acled_sub_event_type == "Change to group/activity"
    return paused and doer is not None and doer.kind in ("external_other", "civilians")


def _with_itself(event: Event) -> bool:
    """ "a joint operation by the Army, CRPF and police": one state's forces working together are no
    cooperation between parties (both sides the same actor, or the same state's organs, or none
    named)."""
    one, other = event.actor1, event.actor2
    if event.plover == "COOPERATE" and one is None and other is None:
        return True  # "the joint operation was conducted in the area": no party named to cooperate
    if event.plover != "COOPERATE" or one is None or other is None:
        return False
    organs = one.country is not None and one.country == other.country and {one.kind, other.kind} <= _ORGANS
    return one.name == other.name or organs


_ORGANS = frozenset({"state_forces", "government"})


def _condemned_doers(events: list[Event]) -> list[Event]:
    """ "António Guterres condemned the strike", "his detention has been slammed": an accusation that
    names no one condemns an act, and accuses whoever did the act the article told last before it (or
    its first act, when the condemnation comes first), when the article names the doer."""
    out = []
    for event in events:
        if event.plover == "ACCUSE" and event.actor2 is None and event.evidence is not None:
            sentence = event.evidence.start
            acts = [
                other
                for other in events
                if other.plover in PHYSICAL
                and other.actor1 is not None
                and other.actor1.name != (event.actor1.name if event.actor1 else None)
                and other.mentions
            ]
            before = [a for a in acts if min(m.start for m in a.mentions) < sentence]
            act = max(before, key=lambda a: min(m.start for m in a.mentions)) if before else None
            act = act or (acts[0] if acts else None)
            if act is not None and act.actor1 is not None:
                event = replace(event, actor2=act.actor1)
        out.append(event)
    return out



def _first_day(when: str | None) -> date | None:
    """The first day of an act's stated period ("2021-08" -> 1 Aug 2021): who a group was on the
    day of the act, not on the day of the story that recalls it, decides its side."""
    if not when:
        return None
    parts = [int(part) for part in when.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

