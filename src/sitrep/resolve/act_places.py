"""Where an event happened, from the act itself: a town named as what a strike hit, a town on the
act's noun ("the Kismayo bombing"), each town or village of a list the act hit as an act of its own,
and the story's place for events the article places nowhere."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sitrep.models import Event, EventMention, Location, TextSpan
from sitrep.resolve.act_parts import FROM_AFAR
from sitrep.resolve.actors import ActorDictionary
from sitrep.resolve.place_names import same_name
from sitrep.resolve.places import Gazetteer
from sitrep.resolve.scene import PHYSICAL

# "the villages of Mayele, Toya and Kalembo", "the towns of Tubas and Tammun": a list of places
_VILLAGES_OF = re.compile(
    r"\b(?:villages|towns|localities|settlements|hamlets)\s+of\s+(?P<names>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"(?:,\s*(?:and\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)+)"
)

# A name followed by "who" is someone's: "said Serhii, who was captured at the steel mill".
_WHO_AFTER = re.compile(r"^\s*,?\s*who\b")


# Verbs whose object is a place: a settlement stormed, overrun, besieged or razed, never a person.
_TAKES_A_PLACE = re.compile(
    r"^(?:storm|raid|overr[au]n|invad|besieg|occup|ransack|raz|sack|torch|overpower)\w*$", re.IGNORECASE
)


def _bare_name(text: str) -> bool:
    """One to three capitalised words: a name alone, as a town is named ("Kharkiv", "Tudun Bakura")."""
    words = text.split()
    return 1 <= len(words) <= 3 and all(word[:1].isupper() for word in words)




def _from_afar_by(event: Event, country: str | None) -> bool:
    """The event is a strike or a shelling by the forces of `country`."""
    doer = event.actor1
    return (
        country is not None
        and event.acled_sub_event_type in FROM_AFAR
        and doer is not None
        and doer.country == country
        and doer.kind == "state_forces"
    )


class ActPlaces:
    def __init__(self, actors: ActorDictionary, gazetteer: Gazetteer) -> None:
        self.actors = actors
        self.gazetteer = gazetteer

    def placed(self, events: list[Event], context: Sequence[str]) -> list[Event]:
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
                if event.plover in PHYSICAL and _from_afar_by(event, context[0] if context else None):
                    # "a Turkish drone killed two fighters" in a report naming Turkey most: the strike hit
                    # the other country the article names, not the one it came from
                    other = next((c for c in context[1:]), None)
                    where = self.gazetteer.country(other) if other is not None else None
                event = replace(event, location=where) if where is not None else event
            placed.append(event)
        return placed

    def each_town(
        self,
        events: list[Event],
        mentions: Sequence[EventMention],
        context: Sequence[str],
        doc: Any,
    ) -> list[Event]:
        """ "Russian drones struck Sumy and Konotop": a strike on each town named as what the act hit
        (EVENTS.md: a strike on Sumy and a strike on Konotop are two events). The towns conjoined
        after the first, each a town the gazetteer places, give the act again at their place."""
        if doc is None:
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
            if self.target_place(mention, context) is None:
                continue  # the act's target is no town
            head = doc.char_span(span.start, span.end, alignment_mode="expand")
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

    def target_place(self, mention: EventMention, context: Sequence[str]) -> TextSpan | None:
        """ "Russian drones struck Kharkiv on Monday": a town named as what a physical act hit is
        where it happened, when the sentence gives no other place (the parser may have read the
        town as someone; as a target, the dictionary reads it as its people or, for a capital, its
        government at most)."""
        span = mention.actor2
        if span is None or mention.plover not in PHYSICAL:
            return None
        if not _bare_name(span.text):
            return None
        after = mention.sentence.text[span.end - mention.sentence.start :]
        if _WHO_AFTER.match(after):
            return None  # "said Serhii, who was captured at the steel mill": someone, not a town
        actor = self.actors.resolve(span.text, None, None, target=True)
        if actor is not None and actor.kind not in ("civilians", "person", "government"):
            return None  # "struck Hamas", "attacked the army": a party, not a town
        location = self.gazetteer.resolve_in_article(span.text, context, self.actors.names_someone)
        if location is None:
            return None
        # "herders stormed Gaambetiev": what is stormed, overrun or razed is a place, even one the
        # gazetteer lacks (kept by its name in the article's country)
        unlisted = location.geonames_id is None and _TAKES_A_PLACE.search(mention.trigger.text) is not None
        return span if location.precision == 1 or unlisted else None

    def stormed_name(self, mention: EventMention) -> bool:
        """ "Herders stormed Gaambetiev in Logo local government area": a bare name that a verb of
        taking or razing a place has as its object, and that names no one the dictionary knows, is
        a settlement (the gazetteer may lack it), never a person."""
        span = mention.actor2
        if span is None or mention.plover not in PHYSICAL or not _TAKES_A_PLACE.search(mention.trigger.text):
            return False
        return _bare_name(span.text) and not self.actors.names_someone(span.text, target=True)

    def town_on_the_act(self, mention: EventMention, context: Sequence[str]) -> TextSpan | None:
        """The town named on the act's noun in the actor phrase ("the Kismayo bombing killed seven"):
        the act's place when the sentence gives no other."""
        if mention.plover not in PHYSICAL or mention.actor1 is None:
            return None
        name = name_on_the_act(mention.actor1, mention, self.actors, self.gazetteer)
        if name is None:
            return None
        found = self.gazetteer.resolve_in_article(name, context, self.actors.names_someone, True)
        if found is None or found.precision > 2 or found.geonames_id is None:
            return None
        offset = mention.actor1.text.find(name)
        if offset < 0:
            return None  # the phrase spaces its words otherwise: no span to point at
        start = mention.actor1.start + offset
        return TextSpan(name, start, start + len(name))


def name_on_the_act(
    span: TextSpan | None, mention: EventMention, actors: ActorDictionary, gazetteer: Gazetteer
) -> str | None:
    """The proper name an actor phrase puts on the act's noun ("the Mogadishu attack": Mogadishu),
    unless it names a country; None for any other phrase."""
    if span is None:
        return None
    act_nouns = actors.data.cues.act_nouns
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
    return name if gazetteer.country_iso3(name) is None else None
