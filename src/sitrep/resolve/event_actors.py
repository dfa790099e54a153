"""An event's two sides, resolved from its actor spans in the article's country context.

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
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sitrep.models import Actor, Event, EventMention, Location, TextSpan
from sitrep.parse import doc_text
from sitrep.resolve.act_parts import FROM_AFAR
from sitrep.resolve.act_places import name_on_the_act
from sitrep.resolve.actor_spans import (
    agent_after,
    apposed_name,
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
from sitrep.resolve.actors import OFFSHOOT_WORDS, ActorDictionary, NamedMention
from sitrep.resolve.place_names import same_name
from sitrep.resolve.places import Gazetteer
from sitrep.resolve.sides import ARMED_NON_STATE, described_only

# Events a state carries out with its forces; the state named as their actor is its military.
_MILITARY_ACTS = frozenset({"ASSAULT", "MOBILIZE", "RETREAT"})
# Sub-events whose target is the side that lost ground, never the place taken.
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# Whole phrases that only point back: "the group" to the last armed group, pronouns to the last name.
_GROUP_ANAPHORS = frozenset(
    {"the group", "group", "the movement", "the organisation", "the organization", "the faction"}
)
# "the rebels", "the extremist group": a described armed side with "the", back to the group named before
_THE_KIND = re.compile(r"^the\s+(?:\w+\s+)?\w+$", re.IGNORECASE)
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
# Sub-events whose victims are protesters by definition; arrests, crowd control and state forces'
# shooting hit protesters when their sentence tells of a protest ("police shot dead 13 people
# during protests", "dispersed the demonstrators and arrested 21 people").
_PROTEST_SUB_EVENTS = frozenset({"Excessive force against protesters", "Protest with intervention"})
# ACLED's "Violence against civilians": its target is civilians by definition.
_AGAINST_CIVILIANS = frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence"})
# Initials in brackets right after a name, or ending its phrase: "the Arakan Army (AA)".
_INITIALS = r"\((?P<initials>[A-Z][A-Za-z]{1,6})\)"
_INITIALS_AFTER = re.compile(r"\s*" + _INITIALS)
_INITIALS_ENDING = re.compile(_INITIALS + r"\s*$")
# The origin a passive act of fire names as its side: "rockets were fired from Lebanon".
_FIRED_FROM = re.compile(r"\b(?:fired|launched)\s+from\s+$", re.IGNORECASE)
# An actor phrase whose head is a protest is its crowd ("an opposition rally", "the pro-EU march").
_CROWD_EVENT = re.compile(
    r"\b(?:protests?|demonstrations?|rall(?:y|ies)|marche?s|march|sit-ins?)\s*$", re.IGNORECASE
)
_UNARMED_OPPOSITION = re.compile(r"\bopposition\b", re.IGNORECASE)
_ARMED = re.compile(r"\b(?:armed|fighters?|forces|militants?|rebels?|groups?|factions?)\b", re.IGNORECASE)
_CAUSE_ONLY = re.compile(r"^(?:an?\s+|the\s+)?(?:pro|anti)-\S+$", re.IGNORECASE)
_PROTEST_WORDS = re.compile(r"\b(?:protest|demonstrat|rall(?:y|ies)\b)", re.IGNORECASE)



@dataclass(slots=True)
class ArticleActors:
    """What one article offers for resolving its actor phrases."""

    home: str | None  # the article's main country
    named: list[NamedMention]
    starts: list[int]  # named[i].start, for bisecting
    persons: set[tuple[int, int]]  # (start, end) of the PERSON entities spaCy found
    doc: Any = None  # the spaCy Doc, for repairing actor spans (see actor_spans)



class EventActors:
    def __init__(self, actors: ActorDictionary, gazetteer: Gazetteer) -> None:
        self.actors = actors
        self.gazetteer = gazetteer

    def typed_target(self, event: Event) -> Event:
        """A side the sentence left unnamed, by the type the model settled: violence against civilians
        hits civilians, force at a protest hits protesters (as `hit_side` does for the lexicon's type).
        Police dispersing a crowd that the model settles as a protest with intervention is the
        protesters' event, the police its second side (ACLED's coding of the sub-event)."""
        actor1, actor2 = event.actor1, event.actor2
        said = (actor1.text or "") if actor1 is not None else ""
        if event.plover == "PROTEST" and actor1 is not None and actor1.kind == "rebels" and (
            _UNARMED_OPPOSITION.search(said) and not _ARMED.search(said)
        ):
            # "the opposition staged a rally": its crowd, not an armed opposition
            crowd = Actor(self._label("Protesters", actor1.country), actor1.country, "protesters", text=said)
            return replace(event, actor1=crowd)
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
        if (
            event.acled_sub_event_type == "Excessive force against protesters"
            and actor1 is not None
            and actor2 is not None
            and actor1.kind in ("protesters", "rioters")
            and actor2.kind == "state_forces"
        ):
            # "protesters clashed with security forces, killing five", typed as force against
            # protesters: the force is the state's, the crowd its target
            return replace(event, actor1=actor2, actor2=actor1)
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

    def _actor(
        self,
        span: TextSpan | None,
        sentence_start: int,
        backers: Sequence[str],
        when: date | None,
        home: str | None,
        known: ArticleActors,
        target: bool = False,
        other: TextSpan | None = None,
    ) -> Actor | None:
        """The actor a span names; `other` is the event's other actor span, never this one's agent."""
        if span is None:
            return None
        span = with_noun(without_dateline(span), known.doc)
        actor = self.actors.resolve(span.text, when, home, target=target)
        actor = self._by_acronym(span, actor, when, home, known)
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
        if actor.kind in ARMED_NON_STATE and described_only(actor) and _THE_KIND.match(span.text.strip()):
            # "M23 rebels seized Kiwanja ... the rebels attacked an army position": the group named
            # before, of the same kind and country, is the one "the rebels" are
            group = self._last_group_of(actor, span, when, home, known)
            actor = replace(group, text=span.text) if group is not None else actor
        crowd = _CROWD_EVENT.search(span.text) or _CAUSE_ONLY.match(span.text)
        if crowd and actor.kind not in ("state_forces", "protesters", "rioters"):
            # "an opposition protest", "a pro-EU demonstration", "pro-EU" on the protest it names: the
            # crowd, whatever cause or camp the modifier names, not the opposition's armed wing or the EU
            country = home or actor.country
            actor = Actor(self._label("Protesters", country), country, "protesters", text=actor.text)
        named_later = _common_noun(span.text) or _offshoot(span.text)
        if not target and actor.kind in ARMED_NON_STATE and named_later:
            # "guerrillas from the National Liberation Army", "fighters known as the White Army",
            # "Boko Haram's splinter group, Islamic State West Africa Province": the group named after
            apposed = apposed_name(span, known.doc)  # a capitalised name, however short
            for named in [*apposed, *named_after(span, known.doc)]:
                better = self.actors.resolve(named.text, when, home)
                better = self._by_acronym(named, better, when, home, known)
                proper = named in apposed or not _common_noun(named.text)
                if better is not None and better.kind in ARMED_NON_STATE and proper:
                    actor = replace(better, text=span.text)
                    break
        backed = list(actor.backed_by)
        for phrase in backers:
            backed += [code for code in self.actors.backers(phrase) if code not in backed]
        backed = [code for code in backed if code != actor.country]
        return replace(actor, backed_by=tuple(backed))

    def _last_group_of(
        self, kind_of: Actor, span: TextSpan, when: date | None, home: str | None, known: ArticleActors
    ) -> Actor | None:
        """The last armed group named before the span whose kind and country are the described
        side's; None when the last one of that kind is not named (two named groups of the kind
        before it: the nearest)."""
        before = known.named[: bisect.bisect_left(known.starts, span.start)]
        for mention in reversed(before):
            if not mention.group:
                continue
            named = self.actors.resolve(mention.text, when, home)
            if named is None or described_only(named) or named.kind != kind_of.kind:
                continue
            if kind_of.country is not None and named.country not in (None, kind_of.country):
                continue
            return named
        return None

    def _by_acronym(
        self, span: TextSpan, actor: Actor | None, when: date | None, home: str | None, known: ArticleActors
    ) -> Actor | None:
        """ "The Arkan Army (AA)", "the Taeng National Liberation Army (TNLA)": a group the text names
        with its initials in brackets is the group the initials name, whatever the spelling before
        them made of it (the army of the place, a namesake abroad)."""
        text = doc_text(known.doc) if known.doc is not None else None
        after = _INITIALS_AFTER.match(text, span.end) if text else None
        after = after or _INITIALS_ENDING.search(span.text)  # the phrase may hold the brackets
        if after is None:
            return actor
        named = self.actors.resolve(after["initials"], when, home)
        if named is None or named.kind not in ARMED_NON_STATE or described_only(named):
            return actor
        if actor is not None and actor.name == named.name:
            return actor
        return replace(named, text=span.text)

    def _referent(
        self,
        span: TextSpan,
        sentence_start: int,
        when: date | None,
        home: str | None,
        known: ArticleActors,
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
        if self.actors.names_no_one(stripped):
            return None  # "Debris from the drones fell": the tagger's person is no one
        if (offset, end) in known.persons:
            return Actor(stripped, home, "person", (), span.text)
        # "Pope Francis", "Sheikh Hasina": a person named after a title the parse left out of the name
        for start, stop in known.persons:
            title = stripped[: start - offset].split()
            if stop == end and offset < start and 0 < len(title) <= 2 and all(w[:1].isupper() for w in title):
                return Actor(stripped, home, "person", (), span.text)
        return None

    def both(
        self,
        mention: EventMention,
        when: date | None,
        home: str | None,
        target: bool,
        known: ArticleActors,
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
        origin = span1 is not None and _FIRED_FROM.search(mention.sentence.text[: span1.start - start])
        if actor1 is not None and span1 is not None and origin:
            # "rockets were fired from Lebanon": the ground says whose side, not that the state fired
            actor1 = Actor(self._label("Unidentified", actor1.country), actor1.country, None, (), span1.text)
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
            domestic = actor1 is not None and actor1.country and actor1.kind in ARMED_NON_STATE
            partner_home = actor1.country if actor1 is not None and domestic else home
            actor2 = self._actor(partner(span1, known.doc), start, (), when, partner_home, known)
        if actor2 is None and mention.plover in _HIT_SIDE_ACTS:
            actor2 = self._victims(mention, known.doc, when, home, actor1)
        fought = joint or (mention.plover == "ASSAULT" and _CLASHES.search(mention.sentence.text) is not None)
        if fought and actor1 is not None and actor2 is not None:
            actor1, actor2 = _communal_sides(actor1, actor2)
        return actor1, actor2

    def _town_naming_the_act(self, span: TextSpan, mention: EventMention, location: Location) -> bool:
        """The actor phrase is the act's own town on the act's noun ("the Mogadishu attack killed
        five", "the Falluja bombings"): its place, not a side (a country or a group, "US strikes",
        "the Wagner attack", or a capital for its state, "Moscow strikes ... in Kharkiv", is one)."""
        name = name_on_the_act(span, mention, self.actors, self.gazetteer)
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

    def hit_side(
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

    def as_acting(
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
        if actor is not None and actor.kind == "civilians" and actor.country and sub_event in FROM_AFAR:
            # "Russians dropped guided aerial bombs": a people named for who bombs or shells is its forces
            listed = self.actors.data.countries.get(actor.country)
            name = listed.name if listed else actor.country
            return replace(actor, name=f"Military Forces of {name}", kind="state_forces")
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


def _offshoot(text: str) -> bool:
    """A group named as another's offshoot ("Boko Haram's splinter group"): its own name follows."""
    return any(word in OFFSHOOT_WORDS for word in re.findall(r"[\w-]+", text.lower()))


def _common_noun(text: str) -> bool:
    """A phrase of common nouns ("Guerrillas", "the armed men"), naming no group: no capital after
    its first word."""
    return not any(word[:1].isupper() for word in text.split()[1:])


# A fight told between two sides: "clashes between herders and farmers", "farmers and herders clashed"
_CLASHES = re.compile(r"\bclash(?:es|ed)?\b|\bfighting\b|\bfought\b", re.IGNORECASE)


def _communal_sides(actor1: Actor, actor2: Actor) -> tuple[Actor, Actor]:
    """Two communities fighting ("clashes between herders and farmers"): when one side is a communal
    militia and the other is named as civilians, both are communal militias (ACLED codes a
    farmer-herder clash as one between two), not an attack on civilians."""
    kinds = {actor1.kind, actor2.kind}
    if kinds != {"identity_militia", "civilians"}:
        return actor1, actor2
    militia = actor1 if actor1.kind == "identity_militia" else actor2
    if actor1.kind == "civilians":
        return replace(militia, text=actor1.text), actor2
    return actor1, replace(militia, text=actor2.text)


def persons(doc: Any) -> set[tuple[int, int]]:
    if doc is None:
        return set()
    return {(ent.start_char, ent.end_char) for ent in getattr(doc, "ents", ()) if ent.label_ == "PERSON"}
