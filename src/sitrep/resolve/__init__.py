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
- a protest's actor is protesters, named or not, and the people hurt or arrested at a protest are
  protesters too;
- "the group", "it", "their" refer back to the last name the article gave;
- a weapon or an act given as an actor ("bombs fired by the M23", "attacks by Turkish forces") stands
  for the agent its by-phrase names, and the group that "claimed responsibility" is the attacker;
- a coordinated subject of a joint act or a clash ("Turkey and Russia agreed") names both sides;
- the side an attack, arrest or withdrawal hit, when the text names none, belongs to the country where
  it happened (its kind stays unknown).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from sitrep.classify.proposals import propose
from sitrep.classify.typer import EventTyper, settle
from sitrep.models import (
    Actor,
    CleanArticle,
    DateSource,
    Event,
    EventMention,
    Location,
    Mention,
    ParsedArticle,
    TextSpan,
)
from sitrep.resolve.actor_spans import (
    agent_after,
    claimant,
    harmed,
    hung_on,
    is_reciprocal,
    named_after,
    owner_after,
    partner,
    with_noun,
    without_dateline,
)
from sitrep.resolve.actors import ActorDictionary, NamedMention
from sitrep.resolve.dates import quoted_deictic, resolve_date
from sitrep.resolve.merge import merge_events
from sitrep.resolve.named_acts import named_act_places
from sitrep.resolve.place_names import same_name
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
_POSSESSIVES = frozenset({"its", "their"})
# Acts whose second actor is the side they hit; unnamed, it is of the country where the act happened.
_HIT_SIDE_ACTS = frozenset({"ASSAULT", "COERCE", "RETREAT", "AID"})
# Acts two sides do together: "Turkey and Russia agreed", "X and Y troops carried out joint patrols".
# A coordinated subject names both; the second is the event's second actor.
_JOINT_ACTS = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Acts done by stating them: one office holder who makes one acts as a person (EVENTS.md), not as
# the government or body he serves; in agreements and talks he stands for it.
_SPOKEN_ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"})
_NON_STATE_KINDS = frozenset({"rebels", "political_militia", "identity_militia"})
# Sub-events whose victims are protesters by definition; arrests, crowd control and state forces'
# shooting hit protesters when their sentence tells of a protest ("police shot dead 13 people
# during protests", "dispersed the demonstrators and arrested 21 people").
_PROTEST_SUB_EVENTS = frozenset({"Excessive force against protesters", "Protest with intervention"})
# ACLED's "Violence against civilians": its target is civilians by definition.
_AGAINST_CIVILIANS = frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence"})
_PROTEST_WORDS = re.compile(r"\b(?:protest|demonstrat|rall(?:y|ies)\b)", re.IGNORECASE)


@dataclass(slots=True)
class _ArticleActors:
    """What one article offers for resolving its actor phrases."""

    home: str | None  # the article's main country
    named: list[NamedMention]
    starts: list[int]  # named[i].start, for bisecting
    persons: set[tuple[int, int]]  # (start, end) of the PERSON entities spaCy found
    doc: Any = None  # the spaCy Doc, for repairing actor spans (see actor_spans)


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
        if all(m.claim_only for m in mentions) and getattr(parsed, "doc", None) is not None:
            # the act the lexicon's words missed; a toll told with no act ("two of them died") is
            # no act of its own and joins none, so the text still tells no act the lexicon read
            proposed = propose(parsed, EventTyper.shared())
            mentions = list(proposed) if proposed else mentions
        context, named = self.actors.read_article(article.text)
        home = context[0] if context else None
        # "in the Dnipropetrovsk region" names Ukraine as surely as "Ukraine" does: a page that
        # names only the attacker's country still has the provinces it names in its context
        context = context + [c for c in self.gazetteer.provinces_named(article.text) if c not in context]
        known = _ArticleActors(
            home=home,
            named=named,
            starts=[m.start for m in named],
            persons=_persons(getattr(parsed, "doc", None)),
            doc=getattr(parsed, "doc", None),
        )
        scene = Scene(article, self.gazetteer, context, known.doc, self.actors.names_someone)
        events = [self._event(article, mention, context, known, scene) for mention in mentions]
        claims = {e.event_id for e, m in zip(events, mentions, strict=True) if m.claim_only}
        others = {e.event_id for e, m in zip(events, mentions, strict=True) if m.dated_against}
        events = self._placed(events, context)
        scores: dict[int, Mapping[str, float]] = {}
        events = EventTyper.shared().type_events(article, mentions, events, scores)
        events = self._each_town(events, mentions, context, known)
        acts = settle(merge_events(events, article.published, claims, others), scores)
        acts = EventTyper.shared().type_snippet(article, acts)
        acts = named_act_places(article.text, acts, self.gazetteer, context, self.actors.names_someone)
        return _condemned_doers([self._typed_target(event) for event in acts])

    def _typed_target(self, event: Event) -> Event:
        """A side the sentence left unnamed, by the type the model settled: violence against civilians
        hits civilians, force at a protest hits protesters (as `_hit_side` does for the lexicon's type).
        Police dispersing a crowd that the model settles as a protest with intervention is the
        protesters' event, the police its second side (ACLED's coding of the sub-event)."""
        actor1, actor2 = event.actor1, event.actor2
        if (
            event.plover == "PROTEST"
            and actor1 is not None
            and actor1.kind == "state_forces"
            and (actor2 is None or actor2.kind in (None, "protesters"))
        ):
            country = actor2.country if actor2 is not None else actor1.country
            protesters = (
                actor2
                if actor2 is not None and actor2.kind == "protesters"
                else Actor(self._label("Protesters", country), country, "protesters")
            )
            return replace(event, actor1=protesters, actor2=actor1)
        if event.plover not in ("ASSAULT", "COERCE") or actor2 is None or actor2.kind is not None:
            return event
        if not actor2.name.startswith("Unidentified"):
            return event
        if event.acled_sub_event_type in _AGAINST_CIVILIANS:
            label, kind = "Civilians", "civilians"
        elif event.acled_sub_event_type in _PROTEST_SUB_EVENTS:
            label, kind = "Protesters", "protesters"
        else:
            return event
        return replace(event, actor2=replace(actor2, name=self._label(label, actor2.country), kind=kind))

    def _placed(self, events: list[Event], context: Sequence[str]) -> list[Event]:
        """Events the article places nowhere take the place of its story: a statement the first place
        of an act the article tells ("Hamas blamed Israel" in a report on a blast in Gaza is coded in
        Gaza), an act its main country (the scene left it unplaced: "Separately, two soldiers were
        killed" is not the first act's town), as analysts code what the text places only by its story."""
        if all(event.location is not None for event in events):
            return events
        country = self.gazetteer.country(context[0]) if context else None
        story = next((e.location for e in events if e.plover in PHYSICAL and e.location is not None), None)
        placed = []
        for event in events:
            if event.location is None:
                where = country if event.plover in PHYSICAL else story or country
                event = replace(event, location=where) if where is not None else event
            placed.append(event)
        return placed

    def _actor(
        self,
        span: TextSpan | None,
        sentence_start: int,
        backers: Sequence[str],
        when: date | None,
        home: str | None,
        known: _ArticleActors,
        target: bool = False,
        other: TextSpan | None = None,
    ) -> Actor | None:
        """The actor a span names; `other` is the event's other actor span, never this one's agent."""
        if span is None:
            return None
        span = with_noun(without_dateline(span), known.doc)
        actor = self.actors.resolve(span.text, when, home, target=target)
        words = span.text.split()
        if actor is None or (words and words[0].lower() in _PRONOUNS):
            actor = self._referent(span, sentence_start, when, home, known, target) or actor
        if actor is None:
            dealings = self.actors.data.cues.dealings_nouns
            part = self.actors.defers_to_owner(span.text)
            agent = agent_after(span, known.doc) or owner_after(span, known.doc, dealings, part)
            if agent is not None and not (other and other.start < agent.end and agent.start < other.end):
                actor = self.actors.resolve(agent.text, when, home, target=target)
                actor = replace(actor, text=agent.text) if actor is not None else None
        if actor is None:
            return None
        if not target and actor.kind in _NON_STATE_KINDS and _common_noun(span.text):
            # "guerrillas from the National Liberation Army", "fighters known as the White Army"
            for named in named_after(span, known.doc):
                better = self.actors.resolve(named.text, when, home)
                if better is not None and better.kind in _NON_STATE_KINDS and not _common_noun(named.text):
                    actor = replace(better, text=span.text)
                    break
        backed = list(actor.backed_by)
        for phrase in backers:
            backed += [code for code in self.actors.backers(phrase) if code not in backed]
        backed = [code for code in backed if code != actor.country]
        return replace(actor, backed_by=tuple(backed))

    def _referent(
        self,
        span: TextSpan,
        sentence_start: int,
        when: date | None,
        home: str | None,
        known: _ArticleActors,
        target: bool,
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
            owned = words[0].lower() in _POSSESSIVES and rest and not target
            if owned and not self.actors.names_someone(" ".join(rest)):
                # "handed over their camp": a thing the referent owns is not an actor (though as an
                # attack's target, "shelled their positions" hits the referent)
                return None
            for mention in candidates:
                actor = self.actors.resolve(" ".join([mention.text, *rest]), when, home, target=target)
                if actor is not None:
                    return replace(actor, text=span.text)
            return None
        stripped = span.text.strip()
        offset = span.start + span.text.index(stripped[:1]) if stripped else span.start
        end = offset + len(stripped)
        if (offset, end) in known.persons:
            return Actor(stripped, home, "person", (), span.text)
        # "Pope Francis", "Sheikh Hasina": a person named after a title the parse left out of the name
        for start, stop in known.persons:
            title = stripped[: start - offset].split()
            if stop == end and offset < start and 0 < len(title) <= 2 and all(w[:1].isupper() for w in title):
                return Actor(stripped, home, "person", (), span.text)
        return None

    def _event(
        self,
        article: CleanArticle,
        mention: EventMention,
        context: Sequence[str],
        known: _ArticleActors,
        scene: Scene,
    ) -> Event:
        published = article.published
        time = None if mention.time is None else mention.time.text
        when, precision = resolve_date(time, published)
        if mention.time is not None and time is not None:
            offset = mention.time.start - mention.sentence.start
            spoken = quoted_deictic(mention.sentence.text, offset, mention.time.text, published)
            if spoken is not None and spoken[0] is not None:
                when, precision = spoken
        source: DateSource | None = "stated" if when else None
        place = mention.place or self._target_place(mention, context)
        place = place or self._town_on_the_act(mention, context)
        location = (
            self.gazetteer.resolve_in_article(
                place.text, context, self.actors.names_someone, mention.plover in PHYSICAL
            )
            if place and not _inside_a_name(place, known)
            else None
        )
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
        actor1, actor2 = self._sides(sides_of, event_date, home, target, known, location)
        location = scene.speaker_place(mention, actor1, location)
        actor2 = self._hit_side(actor2, actor1, mention, location.country if location else None)
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
            date_source=source,
            mentions=(
                Mention(
                    mention.sentence.text,
                    mention.sentence.start,
                    mention.sentence.end,
                    mention.attributed_to,
                    mention.hedged,
                    mention.figures.killed,
                    mention.figures.injured,
                    mention.figures.displaced,
                ),
            ),
        )

    def _each_town(
        self,
        events: list[Event],
        mentions: Sequence[EventMention],
        context: Sequence[str],
        known: _ArticleActors,
    ) -> list[Event]:
        """ "Russian drones struck Sumy and Konotop": a strike on each town named as what the act hit
        (EVENTS.md: a strike on Sumy and a strike on Konotop are two events). The towns conjoined
        after the first, each a town the gazetteer places, give the act again at their place."""
        if known.doc is None:
            return events
        out: list[Event] = []
        for event, mention in zip(events, mentions, strict=True):
            out.append(event)
            out.extend(self._each_listed_village(event, mention, context))
            span = mention.actor2
            place = event.location
            if span is None or place is None or mention.plover not in PHYSICAL:
                continue
            if mention.place is not None and mention.place.start != span.start:
                continue  # a place phrase of its own: the town hit is the target's, not the place's
            if self._target_place(mention, context) is None:
                continue  # the act's target is no town
            head = known.doc.char_span(span.start, span.end, alignment_mode="expand")
            if head is None:
                continue
            for n, town in enumerate(self._conjoined_towns(head.root, context), start=1):
                if town.geonames_id == place.geonames_id or same_name(town.name, place.name):
                    continue
                out.append(
                    replace(
                        event,
                        event_id=hashlib.sha1(f"{event.event_id}/{n}".encode()).hexdigest()[:16],
                        location=town,
                        killed=None,
                        injured=None,
                    )
                )
        return out

    def _each_listed_village(
        self, event: Event, mention: EventMention, context: Sequence[str]
    ) -> list[Event]:
        """ "gunmen attacked the villages of Mayele, Toya and Kalembo": the act again at each village the
        list names after the first (the first is the event's own place), kept in the event's province."""
        place = event.location
        if mention.plover not in PHYSICAL or place is None:
            return []
        phrases = [span.text for span in (mention.place, mention.actor2) if span is not None]
        listed = next((m for m in map(_VILLAGES_OF.search, phrases) if m is not None), None)
        if listed is None:
            return []
        names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed["names"]) if n.strip()]
        if len(names) < 2 or not same_name(names[0], place.text or place.name):
            return []
        found = []
        for n, name in enumerate(names[1:], start=1):
            town = self.gazetteer.resolve_in_article(name, context, self.actors.names_someone, True)
            if town is None:
                continue
            if town.geonames_id is None:
                town = replace(town, admin1=place.admin1, country=place.country, lat=place.lat, lon=place.lon)
            key = f"{event.event_id}/v{n}"
            event_id = hashlib.sha1(key.encode()).hexdigest()[:16]
            found.append(replace(event, event_id=event_id, location=town, killed=None, injured=None))
        return found

    def _conjoined_towns(self, head: Any, context: Sequence[str]) -> list[Location]:
        towns = []
        for conjunct in head.conjuncts:
            if conjunct.i <= head.i or conjunct.pos_ != "PROPN":
                continue
            # its own name words only: in "Nis, Kragujevac and Novi Pazar" Kragujevac's subtree holds Novi
            words = [t for t in conjunct.lefts if t.dep_ == "compound"] + [conjunct]
            text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
            if self.actors.names_someone(text):
                continue
            found = self.gazetteer.resolve_in_article(text, context, self.actors.names_someone, True)
            if found is not None and found.precision == 1 and found.geonames_id is not None:
                towns.append(replace(found, text=text))
        return towns

    def _target_place(self, mention: EventMention, context: Sequence[str]) -> TextSpan | None:
        """ "Russian drones struck Kharkiv on Monday": a town named as what a physical act hit is
        where it happened, when the sentence gives no other place (the parser may have read the
        town as someone; as a target, the dictionary reads it as its people or, for a capital, its
        government at most)."""
        span = mention.actor2
        if span is None or mention.plover not in PHYSICAL:
            return None
        words = span.text.split()
        if not 1 <= len(words) <= 3 or not all(word[:1].isupper() for word in words):
            return None
        actor = self.actors.resolve(span.text, None, None, target=True)
        if actor is not None and actor.kind not in ("civilians", "person", "government"):
            return None  # "struck Hamas", "attacked the army": a party, not a town
        location = self.gazetteer.resolve_in_article(span.text, context, self.actors.names_someone)
        return span if location is not None and location.precision == 1 else None

    def _sides(
        self,
        mention: EventMention,
        when: date | None,
        home: str | None,
        target: bool,
        known: _ArticleActors,
        location: Location | None = None,
    ) -> tuple[Actor | None, Actor | None]:
        """Both actors, with the extractor's spans repaired where they are known to go wrong (see
        actor_spans): roles swapped by a misparsed participle, one phrase given for both sides, no
        actor but a claimant, a joint act or clash whose second side is in the coordinated subject."""
        start = mention.sentence.start
        span1, span2 = mention.actor1, mention.actor2
        if span1 is None and span2 is not None and hung_on(mention.trigger, span2, known.doc):
            span1, span2 = span2, None  # "forces arrested 35 people" is no passive: the forces acted
        if span2 is not None and span1 is not None and span2.start == span1.start:
            span2 = None  # one phrase cannot be both sides of an act
        if span1 is not None and location is not None and self._town_naming_the_act(span1, mention, location):
            span1 = None  # "the Mogadishu attack", "the Falluja bombings": where, not who
        actor1 = self._actor(span1, start, mention.actor1_backers, when, home, known, other=span2)
        if actor1 is None and mention.plover == "ASSAULT":
            claimed = claimant(mention.sentence, known.doc)  # "..., and al-Shabaab claimed responsibility"
            actor1 = self._actor(claimed, start, (), when, home, known, other=span2)
        actor2 = self._actor(span2, start, mention.actor2_backers, when, home, known, target, span1)
        fighting = self.actors.data.cues.reciprocal_verbs
        joint = mention.plover in _JOINT_ACTS or (
            mention.plover == "ASSAULT" and is_reciprocal(mention.trigger, known.doc, fighting)
        )
        if span2 is None and joint and span1 is not None:
            # A domestic armed group's partner "the military" is its own country's ("the RSF and
            # the army agreed"), wherever the talks were held.
            domestic = actor1 is not None and actor1.country and actor1.kind in _NON_STATE_KINDS
            partner_home = actor1.country if actor1 is not None and domestic else home
            actor2 = self._actor(partner(span1, known.doc), start, (), when, partner_home, known)
        if actor2 is None and mention.plover in _HIT_SIDE_ACTS:
            actor2 = self._victims(mention, known.doc, when, home, actor1)
        return actor1, actor2

    def _town_on_the_act(self, mention: EventMention, context: Sequence[str]) -> TextSpan | None:
        """The town named on the act's noun in the actor phrase ("the Kismayo bombing killed seven"):
        the act's place when the sentence gives no other."""
        name = self._name_on_the_act(mention.actor1, mention) if mention.plover in PHYSICAL else None
        if name is None or mention.actor1 is None:
            return None
        found = self.gazetteer.resolve_in_article(name, context, self.actors.names_someone, True)
        if found is None or found.precision > 2 or found.geonames_id is None:
            return None
        offset = mention.actor1.text.find(name)
        if offset < 0:
            return None  # the phrase spaces its words otherwise: no span to point at
        start = mention.actor1.start + offset
        return TextSpan(name, start, start + len(name))

    def _name_on_the_act(self, span: TextSpan | None, mention: EventMention) -> str | None:
        """The proper name an actor phrase puts on the act's noun ("the Mogadishu attack": Mogadishu),
        unless it names a country; None for any other phrase."""
        if span is None:
            return None
        act_nouns = self.actors.data.cues.act_nouns
        words = span.text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if words and words[-1].lower() in act_nouns:
            words = words[:-1]  # the act's own noun ends the phrase: "the Mogadishu attack"
        elif not (0 <= mention.trigger.start - span.end <= 1 and mention.trigger.text in act_nouns):
            return None  # the phrase is not on the act's noun (a noun trigger right after it)
        if not 1 <= len(words) <= 3 or not all(word[:1].isupper() for word in words):
            return None
        name = " ".join(words)
        return name if self.gazetteer.country_iso3(name) is None else None

    def _town_naming_the_act(self, span: TextSpan, mention: EventMention, location: Location) -> bool:
        """The actor phrase is the act's own town on the act's noun ("the Mogadishu attack killed
        five", "the Falluja bombings"): its place, not a side (a country or a group, "US strikes",
        "the Wagner attack", or a capital for its state, "Moscow strikes ... in Kharkiv", is one)."""
        name = self._name_on_the_act(span, mention)
        shown = location.text or location.name
        return name is not None and (same_name(name, shown) or same_name(name, location.name))

    def _victims(
        self, mention: EventMention, doc: Any, when: date | None, home: str | None, actor1: Actor | None
    ) -> Actor | None:
        """Who the sentence says was hurt, when the extractor found no target: the object of a verb
        of harm ("killing three villagers", "a policeman was wounded"), if it names people."""
        for phrase in harmed(mention.sentence, mention.trigger, doc, self.actors.data.cues.harm_verbs):
            actor = self.actors.resolve(phrase.text, when, home, target=True)
            if actor is not None and (actor1 is None or actor.name != actor1.name):
                return replace(actor, text=phrase.text)
        return None

    def _hit_side(
        self, actor2: Actor | None, actor1: Actor | None, mention: EventMention, where: str | None
    ) -> Actor | None:
        """The side an act hit, as analysts code it when the sentence is vague about it.

        People shot or arrested at a protest are protesters. A strike on "targets near Sanaa" or a
        grenade thrown in Mogadishu hit someone of that country: the country is known, the kind only
        when the sub-event defines it (violence against civilians, force against protesters). A
        government attacked or arrested is its unarmed officials: civilians, as ACLED codes them. An
        aid delivery's place is the recipient's only when the donor is not at home there."""
        if mention.plover not in _HIT_SIDE_ACTS:
            return actor2
        if actor2 is not None:
            policing = mention.plover == "COERCE" or mention.mode == "crowd-control"
            policing = policing or (actor1 is not None and actor1.kind == "state_forces")
            at_protest = mention.acled_sub_event_type in _PROTEST_SUB_EVENTS or (
                policing and _PROTEST_WORDS.search(mention.sentence.text) is not None
            )
            if actor2.kind == "government" and mention.plover in {"ASSAULT", "COERCE"}:
                # a mayor shot, officials seized, a bomb in the capital: unarmed officials are civilians
                actor2 = replace(actor2, name=self._label("Civilians", actor2.country), kind="civilians")
            if actor2.kind == "civilians" and at_protest:
                return replace(actor2, name=self._label("Protesters", actor2.country), kind="protesters")
            return actor2
        if where is None or (mention.plover == "AID" and actor1 is not None and actor1.country == where):
            return None
        text = mention.actor2.text if mention.actor2 else None
        sub_event = mention.acled_sub_event_type
        if sub_event in _AGAINST_CIVILIANS:
            return Actor(self._label("Civilians", where), where, "civilians", (), text)
        if sub_event in _PROTEST_SUB_EVENTS:
            return Actor(self._label("Protesters", where), where, "protesters", (), text)
        return Actor(self._label("Unidentified", where), where, None, (), text)

    def _as_acting(
        self, actor: Actor | None, plover: str, sub_event: str | None, home: str | None
    ) -> Actor | None:
        """The first actor as the act makes it: a state (or its ministry) attacking, deploying,
        withdrawing or arresting acts through its forces; whoever protests is a protester; one office
        holder who accuses, demands, denies or threatens acts as a person."""
        if plover == "PROTEST":
            kind, label = ("rioters", "Rioters") if sub_event in _RIOTS else ("protesters", "Protesters")
            if actor is None:
                return Actor(self._label(label, home), home, kind)
            if actor.kind in {"civilians", "protesters", "rioters"}:
                return replace(actor, name=self._label(label, actor.country), kind=kind)
            return actor
        text = actor.text if actor is not None and actor.kind in {"government", "external_other"} else None
        if plover in _SPOKEN_ACTS and actor is not None and text and self.actors.names_one_person(text):
            return replace(actor, name=" ".join(text.split()), kind="person")
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


def _inside_a_name(span: TextSpan, known: _ArticleActors) -> bool:
    """A place phrase that is part of a group's name ("the Islamic State in the Greater Sahara")."""
    index = bisect.bisect_right(known.starts, span.start) - 1
    return index >= 0 and known.named[index].end >= span.end and known.named[index].start < span.start

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


# "the villages of Mayele, Toya and Kalembo", "the towns of Tubas and Tammun": a list of places
_VILLAGES_OF = re.compile(
    r"\b(?:villages|towns|localities|settlements|hamlets)\s+of\s+(?P<names>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"(?:,\s*(?:and\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)+)"
)


def _common_noun(text: str) -> bool:
    """A phrase of common nouns ("Guerrillas", "the armed men"), naming no group: no capital after
    its first word."""
    return not any(word[:1].isupper() for word in text.split()[1:])


def _persons(doc: Any) -> set[tuple[int, int]]:
    if doc is None:
        return set()
    return {(ent.start_char, ent.end_char) for ent in getattr(doc, "ents", ()) if ent.label_ == "PERSON"}
