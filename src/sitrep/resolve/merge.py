"""One record per act: the sentences of an article that tell the same act become one Event.

Real pages tell a strike in the headline, the lead, a toll update and a quote; an analyst records it
once (EVENTS.md), with every sentence as a mention and the best the article settles in each field.
Decisions, written down:
- Sentences tell the same act when their type is the same and nothing they state disagrees: not the
  place (two towns struck are two acts; a town inside a province it names agrees), not the day or
  the year (two days are two acts; "the Westgate attack in 2013" is another act), not the acting
  side (an attack and the other side's retaliation are two acts; how sides compare: sides.py),
  not two different remote means (an air strike
  and the shelling that followed). Who was hit is too loosely told from sentence to sentence to split
  an assault; for statements and sanctions it does (sanctions on two targets are two acts).
- A sentence that says it tells another act ("Separately", "Another attack", "the next day", a
  comparison with an earlier attack: data/merging.toml and the scene's cues) starts an act of its own.
  An act told only by comparison ("echoes of the 2014 abduction") is closed: a later sentence that
  dates nothing goes on with the article's own story, not with the act it was compared to. So is
  the act a sentence dates another against ("The attack came six days after a missile struck
  another district": the strike; extract/timing.py).
- The attackers' own dead ("four of the gunmen have been killed") are not the toll of an attack
  on civilians: the forces that killed them did another act.
- Two events of one type told by one sentence are one act on the same terms ("stormed a college ...,
  killing 15 in an attack"), unless the sentence orders or counts acts ("six days after a missile
  hit another area") or one is a burning, a kidnapping or a rape beside the other.
- A crowd's protest and its stoning or burning told by one sentence, both typed a riot, are one riot;
  the force used on a crowd is the other side's act and stays apart (our gold's convention).
- A sentence stating only a week or a month ("in recent days", "this month") tells a campaign; it
  joins only a sentence of the same period, never the day's incident.
- A sentence that names no place or day joins the act it is compatible with that the article told
  first: the article's own story comes first on real pages.
- Fields: the most specific place; the best-resolved date (stated over the scene's over the
  publication's, a day over a week over a month); each actor from the mention that names it; the
  toll that stands (tolls.py: an update over the rest, an earlier figure never, else the first
  unhedged exact one; taking the highest overall instead read other victims' counts as tolls),
  while every mention keeps its own figures and claimant, so the other tolls stay as claims.
- The evidence is the mention that settles most fields.
- The claimant and hedge are those of the mention whose toll stands (the outlet cites whoever gave
  the figure it keeps); with no toll, those of the article's first mention of the act.
- An act the article dates nowhere takes the publication date, marked `publication`, with
  precision `week` (it happened in the days up to publication); an act its sentence dates only to
  earlier years ("in 2012 and 2013") stays undated: a year is no date the record can hold.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from importlib import resources

from sitrep.extract.lexicon import default_lexicon
from sitrep.extract.register import acts_years
from sitrep.models import Actor, Event, Location
from sitrep.resolve import act_parts
from sitrep.resolve.place_phrases import strip_direction
from sitrep.resolve.places import country_iso3
from sitrep.resolve.scene_cues import comparison_cues, new_incident_cues
from sitrep.resolve.sides import ARMED_NON_STATE, described_only, same_sides, who
from sitrep.resolve.tolls import VAGUE, several_acts_cues, standing

# Means of attack that are different acts when two sentences state different ones.
_DISTINCT_MEANS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"})
# Harms that stay acts of their own beside a killing or a clash (extract/merging.py does the same
# within a sentence): a kidnapping, a rape, torture.
_OWN_HARMS = frozenset({"abduct", "sexual", "torture"})
# Within one sentence the burning or looting beside a killing is an act of its own too; a sentence's
# other triggers of one type ("stormed a college ..., killing 15 in an attack", "a ceasefire agreed
# at talks") are one act when nothing they state disagrees, like the triggers of two sentences.
_SENTENCE_OWN_ACTS = _OWN_HARMS | {"destroy"}
_PHYSICAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})
_MULTILATERAL = frozenset({"AGREE"})
# a crowd's own violence: its protest and its stoning or burning told together are one riot
_RIOTS = frozenset({"Violent demonstration", "Mob violence"})
_SOURCE_RANK = {"stated": 0, "context": 1, "publication": 2, None: 3}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, None: 3}


def merge_events(
    events: Sequence[Event],
    published: date | None,
    claims: Collection[str] = (),
    others: Collection[str] = (),
) -> list[Event]:
    """The article's acts, each with all its mentions, in the order the article first tells them.

    `claims` are the ids of tolls told with no act ("Five people died."): each joins the latest act
    told before it in its place, of any day and sides (a toll is counted after the act, and "people"
    names no side); a toll the article states before any act (its lead's "147 people lost their
    lives") joins the first act told after it in its place; a toll with no act is dropped.

    `others` are the ids of acts a sentence dates another against ("The attack came six days after a
    missile struck another district": the strike): each is an act of its own, closed like an act
    told by comparison.

    A total told over several acts ("At least 36 people were killed in separate attacks across Iraq",
    "Russian attacks on the Kharkiv and Dnipro regions killed two") is no act: when the article goes
    on to tell two or more acts of its type one by one, it is dropped, and none of them joins it.
    Told beside one act or none, it stays, as the article's only record of what it counts."""
    several = several_acts_cues()
    # a toll told with no act counts as a total too when its sentence names several acts ("five
    # policemen were martyred during a wave of attacks"): it joins no one act of them
    totals = {e.event_id for e in events if several.search(_text(e))}
    if totals:
        apart = _groups(events, claims, others, totals, published)
        items = [g for g in apart if not all(e.event_id in totals for e in g)]
        told = [g for g in apart if all(e.event_id in totals for e in g)]
        counted = [t for t in told if sum(1 for g in items if g[0].plover == t[0].plover) >= 2]
        if counted:
            # a total of another type, or at a town none of the acts told is at ("in two separate
            # attacks in Lower Dir"), is still the article's only record of what it counts
            kept = [t for t in told if not any(t is c for c in counted) or _a_place_of_its_own(t, items)]
            kept = _groups([e for t in kept for e in t], claims, others, frozenset(), published)
            groups = sorted(items + kept, key=lambda g: _start(g[0]))
            acts = [_dated(_combine(group), published) for group in groups]
            return _unique_ids([_doer_from_total(act, counted) for act in acts], groups)
    groups = _groups(events, claims, others, frozenset(), published)
    return _unique_ids([_dated(_combine(group), published) for group in groups], groups)


def _a_place_of_its_own(total: list[Event], items: Sequence[list[Event]]) -> bool:
    """A total placed at a town or village (precision 1-2) that no act told one by one is at."""
    place = total[0].location
    if place is None or place.precision > 2:
        return False
    return not any(
        _same_place(place, e.location, True) for g in items for e in g if e.plover == total[0].plover
    )


def _doer_from_total(act: Event, totals: Sequence[list[Event]]) -> Event:
    """An act told one by one after a total that names the doer ("killed in two Turkish drone strikes",
    then "a drone hit a car"): the total's doer, when the act names none and the totals agree on one."""
    if act.actor1 is not None:
        return act
    doers = {e.actor1.name: e.actor1 for t in totals for e in t if e.plover == act.plover and e.actor1}
    return replace(act, actor1=next(iter(doers.values()))) if len(doers) == 1 else act


def _groups(
    events: Sequence[Event],
    claims: Collection[str],
    others: Collection[str],
    apart: Collection[str],
    published: date | None = None,
) -> list[list[Event]]:
    """The article's events grouped by act (see `merge_events`); those in `apart` each alone."""
    groups: list[list[Event]] = []
    closed: set[int] = set()  # acts a sentence compared the article's own act to
    alone: set[int] = set()  # totals over several acts: nothing joins them
    leading: list[Event] = []  # tolls told before any act: the lead's "147 people lost their lives"
    for event in sorted(events, key=_start):
        if event.event_id in claims and event.event_id not in apart:
            earlier = reversed(list(enumerate(groups)))
            act = next((g for i, g in earlier if i not in closed and _tolls(event, g)), None)
            if act is not None:
                act.append(event)
            elif not groups:
                leading.append(event)
            continue
        if event.plover == "ASSAULT" and _responsibility_cues().search(_text(event)):
            # "JNIM claimed responsibility for the attack on Thursday": the act told before it
            acts = [g for i, g in enumerate(groups) if i not in closed and g[0].plover == "ASSAULT"]
            claimed = acts[-1] if acts else None
            if claimed is not None:
                claimed.append(event)
                continue
        if event.event_id in others or event.event_id in apart:
            closed.add(len(groups))
            if event.event_id in apart:
                alone.add(len(groups))
            groups.append([event])
            continue
        if _tells_another_act(event):
            if _compares(event):
                closed.add(len(groups))
            groups.append([event])
            continue
        home = next(
            (
                g
                for i, g in enumerate(groups)
                if i not in alone
                and (i not in closed or _dated_as(event, g))
                and all(_same_act(event, other, published) for other in g)
            ),
            None,
        )
        if home is None:
            groups.append([event])
        else:
            home.append(event)
    for toll in leading:  # a lead's toll counts the first act the article goes on to tell in its place
        act = next((g for i, g in enumerate(groups) if i not in closed and _tolls(toll, g)), None)
        if act is not None:
            act.insert(0, toll)
    return groups


def _tolls(toll: Event, group: list[Event]) -> bool:
    """Can a toll told with no act be this act's: same type, not the attackers' own dead, one place."""
    return (
        group[0].plover == toll.plover
        and not _attackers_dead(group[0])
        and all(_same_place(toll.location, other.location, True) for other in group)
    )


def _unique_ids(merged: list[Event], groups: list[list[Event]]) -> list[Event]:
    """One id per record. Two acts can open with mentions of one sentence and one trigger ("sanctioned
    X and Y": an act per target): the second takes a member's id not yet used, else a derived one."""
    used: set[str] = set()
    out = []
    for event, group in zip(merged, groups, strict=True):
        event_id = event.event_id
        if event_id in used:
            spare = next((e.event_id for e in group if e.event_id not in used), None)
            n = 1
            while spare is None or spare in used:
                spare = hashlib.sha256(f"{event.event_id}/{n}".encode()).hexdigest()[:16]
                n += 1
            event = replace(event, event_id=spare)
        used.add(event.event_id)
        out.append(event)
    return out


@cache
def _cues(table: str, key: str) -> re.Pattern[str]:
    """One cue list of data/merging.toml as a pattern; a list left empty matches nothing."""
    raw = resources.files("sitrep").joinpath("data", "merging.toml").read_text(encoding="utf-8")
    patterns = tomllib.loads(raw).get(table, {}).get(key, [])
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


def _further_act_cues() -> re.Pattern[str]:
    return _cues("further_act", "cues")


def _after_another_cues() -> re.Pattern[str]:
    return _cues("further_act", "after_another")  # counted only with a toll: see _tells_another_act


def _same_attack_cues() -> re.Pattern[str]:
    return _cues("further_act", "same_attack")  # no cue: nothing ties a further act to the first


def _sequence_cues() -> re.Pattern[str]:
    return _cues("one_sentence", "sequence")


def _responsibility_cues() -> re.Pattern[str]:
    return _cues("responsibility", "cues")


def _attackers_dead_cues() -> re.Pattern[str]:
    return _cues("attackers_dead", "cues")


def _compares(event: Event) -> bool:
    """A sentence comparing the article's act with an earlier one ("echoes of", "deadliest since")."""
    return bool(comparison_cues().search(_text(event)))


def _dated_as(event: Event, group: list[Event]) -> bool:
    """The event states the date of the closed act itself (not the publication's, not none)."""
    if event.date is None or event.date_source == "publication":
        return False
    return any(event.date == other.date and other.date_source != "publication" for other in group)


_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")


# "She was killed the following day", "He died the next day": the fate of someone the article named
_SOMEONE_LATER = re.compile(r"^\W*(?:she|he)\b[^.;]{0,40}\bthe (?:next|following) day\b", re.IGNORECASE)


def _tells_another_act(event: Event) -> bool:
    """A sentence that says it tells another act (cues), never a mention of an earlier one."""
    text = event.evidence.text if event.evidence else ""
    if new_incident_cues().search(text):
        return True
    further = _further_act_cues().search(text) or comparison_cues().search(text)
    if not further and (event.killed is not None or event.injured is not None):
        further = _after_another_cues().search(text)  # "came a day after ... left 16 dead"
    return bool(further) and not _same_attack_cues().search(text) and not _SOMEONE_LATER.search(text)


def _text(event: Event) -> str:
    return event.evidence.text if event.evidence else ""


def _start(event: Event) -> int:
    return event.evidence.start if event.evidence else -1


# ----------------------------------------------------------------------------- same act or not


def _same_act(a: Event, b: Event, published: date | None = None) -> bool:
    if a.plover != b.plover:
        return _one_riot(a, b) or _a_part(a, b) or _a_part(b, a)
    sa, sb = a.acled_sub_event_type, b.acled_sub_event_type
    # "attacked Nahuche community and abducted 40 residents", both typed an abduction: one raid
    one_abduction = sa == sb == "Abduction/forced disappearance"
    if _one_sentence(a, b) and (
        (a.mode != b.mode and {a.mode, b.mode} & _SENTENCE_OWN_ACTS and not one_abduction)
        or _sequence_cues().search(_text(a))
    ):
        return False  # "killed 12 farmers and burned their houses", "six days after a missile hit"
    if a.plover == "COERCE" and sa != sb and sa is not None and sb is not None and _one_sentence(a, b):
        return False  # "seized its assets and detained dozens": a seizure and arrests, two acts
    if _same_toll(a, b) and _same_place(a.location, b.location, True) and _same_day(a, b, published):
        return True  # "16 killed in shelling", then quoted "rocket and drone strikes killed 16": one act
    stated = a.mode is not None and b.mode is not None  # a toll's sentence states no means to differ
    if sa != sb and sa in _DISTINCT_MEANS and sb in _DISTINCT_MEANS and stated:
        return False  # an air strike and the shelling that followed are two acts
    if sa != sb and (a.mode in _OWN_HARMS or b.mode in _OWN_HARMS) and a.mode != b.mode:
        return False  # bodies dragged behind motorcycles after a shoot-down: another act
    if _attackers_dead(a) != _attackers_dead(b) and "Attack" in (sa, sb):
        return False  # "Four of the gunmen have been killed" beside the massacre: the siege's end
    physical = a.plover in _PHYSICAL
    if not (_same_place(a.location, b.location, physical) and _same_day(a, b, published)):
        return False
    if act_parts.interception(a, b) or act_parts.interception(b, a):
        return True
    if act_parts.response(a, b) or act_parts.response(b, a):
        return True  # "the policemen retaliated against the attack": the same clash
    # an agreement's mentions each name some of its parties ("Putin announced the deal", "the leaders of
    # Russia, Ukraine, France and Germany reached a ceasefire"): one day's deal at one place is one act
    return a.plover in _MULTILATERAL or same_sides(a, b)


def _same_toll(a: Event, b: Event) -> bool:
    """Two mentions of harm in different sentences giving the same exact toll of several (the dead, and
    the hurt when both give them): one act told twice, whatever words each uses for its means."""
    if a.plover != "ASSAULT" or _one_sentence(a, b) or (a.killed, a.injured) != (b.killed, b.injured):
        return False
    return max(a.killed or 0, a.injured or 0) >= 2 and a.figure_qualifier not in VAGUE


def _one_riot(a: Event, b: Event) -> bool:
    """A crowd's protest and its violence told by one sentence, both typed a riot ("Protesters in Goma
    stoned the vehicles of UN peacekeepers and set fire to a warehouse"): one riot (ACLED codes the
    crowd's event once). Force used on a crowd is another side's act and stays apart."""
    if {a.plover, b.plover} not in ({"PROTEST", "ASSAULT"}, {"PROTEST", "COERCE"}):
        return False
    riot = a.acled_sub_event_type == b.acled_sub_event_type and a.acled_sub_event_type in _RIOTS
    return (
        riot
        and _one_sentence(a, b)
        and _same_place(a.location, b.location, True)
        and _same_day(a, b)
        and same_sides(a, b)
    )


def _a_part(part: Event, act: Event) -> bool:
    """One mention tells a part of the other's act (see act_parts), told in its sentence or that day at
    that place."""
    if not (act_parts.raid_end(part, act) or act_parts.crowds_demand(part, act)):
        return False
    if part.plover == "REQUEST" and _one_sentence(part, act):
        return True
    return _same_place(part.location, act.location, True) and _same_day(part, act)


def disrupting(events: Sequence[Event]) -> set[int]:
    """The ids of the mentions that tell a defender's shoot-down of another act of the article: they
    tell nothing of how the attack was made, so they do not type it."""
    return {
        id(m)
        for e in events
        if any(
            o is not e
            and act_parts.interception(e, o)
            and _same_place(e.location, o.location, True)
            and _same_day(e, o)
            for o in events
        )
        for m in e.mentions
    }


def _one_sentence(a: Event, b: Event) -> bool:
    return a.evidence is not None and b.evidence is not None and a.evidence.start == b.evidence.start


def _attackers_dead(event: Event) -> bool:
    """The sentence tells the attackers' own deaths ("two presumed assailants were killed")."""
    return bool(_attackers_dead_cues().search(_text(event)))


def _same_place(a: Location | None, b: Location | None, physical: bool) -> bool:
    """Places that can be one act's: equal, or one inside the other; two towns are two acts.

    A statement's place (where talks were held, where a speaker spoke) is loosely reported; it
    keeps two statements apart only when both name a specific place."""
    if a is None or b is None:
        return True
    if (a.geonames_id is not None and a.geonames_id == b.geonames_id) or _name(a.name) == _name(b.name):
        return True
    specific = a.precision <= 2 and b.precision <= 2
    if not physical and not specific:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if specific:
        return _site_in(a, b) or _site_in(b, a)
    wide, narrow = (a, b) if a.precision >= b.precision else (b, a)
    if wide.admin1 is None or _name(wide.name) == _name(wide.admin1) and narrow.admin1 is None:
        return True  # the country alone, or a province the other place's entry does not place
    if _part_of_a_country(wide):
        return True  # "southern Lebanon" spans provinces: the province its name resembles is a guess
    return _name(narrow.admin1) in (_name(wide.name), _name(wide.admin1))


def _part_of_a_country(place: Location) -> bool:
    """A country's part told by a direction ("southern Lebanon", "eastern Ukraine"), whatever
    province the gazetteer gave it."""
    bare = strip_direction(place.text or "")
    return bare is not None and place.country is not None and country_iso3(bare) == place.country


def _site_in(site: Location, town: Location) -> bool:
    """A site the gazetteer lacks, kept by name in a town ("the Ex-Control checkpoint in Mogadishu":
    the town's province and point), and that town: one place told twice, not two towns."""
    return (
        site.geonames_id is None
        and site.precision == 2
        and site.admin1 is not None
        and town.geonames_id is not None
        and town.precision <= 2
        and town.admin1 == site.admin1
        and site.lat is not None
        and (site.lat, site.lon) == (town.lat, town.lon)
    )


def _part_of(part: Location, town: Location) -> bool:
    """A town's entry named by a part of it (`text` names a camp or district, precision 2), and the town."""
    return (
        part.geonames_id is not None
        and part.geonames_id == town.geonames_id
        and part.precision == 2
        and town.precision == 1
        and _name(part.text) not in (_name(part.name), _name(town.text), "")
    )


def _name(value: str | None) -> str:
    return (value or "").casefold().strip()


def _same_day(a: Event, b: Event, published: date | None = None) -> bool:
    if not _same_years(a, b):
        return False
    if _campaign(a) or _campaign(b):
        # "in recent days ... have launched an offensive" tells a campaign, not the day's incident
        return (a.date, a.date_precision) == (b.date, b.date_precision)
    if a.date is None and b.date is None:
        # an undated page's "on March 24" and "on March 27" resolve to no date, yet name two days
        days_a, days_b = _days_named(a), _days_named(b)
        return not (days_a and days_b and days_a.isdisjoint(days_b))
    if a.date is None or b.date is None or a.date_source == "publication" or b.date_source == "publication":
        # an act dated by the publication (or to be: the undated) is that day's or the day before's
        return not _weeks_before(a, published) and not _weeks_before(b, published)
    if a.date == b.date:
        return True
    # A month contains its days; a week-precision date covers the days just before it.
    if len(a.date) == 7 or len(b.date) == 7:
        return a.date[:7] == b.date[:7]
    if "week" in (a.date_precision, b.date_precision):
        return abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days) <= 6
    return False


# A day stated this long before the publication day that dates another act is another act's day.
_STALE_DAYS = 7


def _weeks_before(dated: Event, published: date | None) -> bool:
    """`dated` states a day well before the publication day: "On July 5, an explosive device wounded
    a family" beside a lead of the day's ambush, published July 21, is an earlier act."""
    if published is None or dated.date_source in (None, "publication") or dated.date_precision != "day":
        return False
    if dated.date is None or len(dated.date) != 10 or not _OPENS_WITH_ITS_DAY.match(_text(dated)):
        return False
    return (published - date.fromisoformat(dated.date)).days > _STALE_DAYS


# A sentence that opens with the day it tells ("On July 5, an explosive device ...", "On 11 April,"):
# it sets another act's time frame, where a day told at its end may date the story's own act ("the
# village was laid in ruins after the airstrike on 11 April").
_OPENS_WITH_ITS_DAY = re.compile(
    r"^\W*on\s+(?:[a-z]+\.?\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+)\b", re.IGNORECASE
)


_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DAY_NAMED = re.compile(
    rf"\b(?:(?P<m1>{_MONTHS})[a-z]*\.?\s+(?P<d1>\d{{1,2}})(?!\d)|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<m2>{_MONTHS})[a-z]*\b|(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday))",
    re.IGNORECASE,
)


def _days_named(event: Event) -> frozenset[str]:
    """The days an event's sentence names by month and day or weekday ("on March 27", "Friday")."""
    days = set()
    for match in _DAY_NAMED.finditer(_text(event)):
        if match["weekday"]:
            days.add(match["weekday"].lower())
        else:
            month = (match["m1"] or match["m2"]).lower()[:3]
            days.add(f"{month}-{int(match['d1'] or match['d2'])}")
    return frozenset(days)


def _same_years(a: Event, b: Event) -> bool:
    """A sentence naming a year other than the act's tells another act ("the Westgate mall attack
    in 2013", "the 1998 embassy bombings") even where the year alone resolves to no date."""
    for one, other in ((a, b), (b, a)):
        years = set(_YEAR.findall(one.evidence.text if one.evidence else ""))
        if years and other.date and other.date[:4] not in years:
            return False
    return True


def _campaign(event: Event) -> bool:
    return event.date_source in ("stated", "context") and event.date_precision in ("week", "month")


# ------------------------------------------------------------------------------------- combining


def _combine(group: list[Event]) -> Event:
    first = group[0]
    # a raid and its attackers' flight, a protest and its demands, an attack and its interception: the
    # raid, the protest, the attack is the act
    acts = [
        e for e in group
        if e.plover not in act_parts.PARTS and not any(act_parts.interception(e, o) for o in group)
    ]
    best = max(acts or group, key=_settled)
    mentions = tuple(m for event in group for m in event.mentions)
    places = [e.location for e in group if e.location is not None]
    location = min(places, key=lambda place: place.precision, default=None)
    # a site kept by name in the town chosen is more specific than the town
    location = next((p for p in places if location is not None and _site_in(p, location)), location)
    # so is a camp or a part of that town the article names ("the Karrada district of Baghdad")
    location = next((p for p in places if location is not None and _part_of(p, location)), location)
    dated = min(group, key=lambda e: (_SOURCE_RANK[e.date_source], _PRECISION_RANK[e.date_precision]))
    dead, hurt = standing(group, "killed"), standing(group, "injured")
    counted = dead or hurt or best
    # the claimant of the toll that stands speaks for the act; with no toll, the lead's claimant
    voiced = counted if counted.killed is not None or counted.injured is not None else first
    sides = acts or group  # the defender's shoot-down names no side of the attack
    # the attacked side's reply names the sides the other way round: its doer is the attack's target
    replies = [e for e in sides if any(act_parts.response(e, o) for o in group)]
    told = [e for e in sides if all(e is not r for r in replies)] or sides
    lead = best if all(best is not r for r in replies) else max(told, key=_settled)
    actor1 = _named(lead.actor1, [e.actor1 for e in told] + [r.actor2 for r in replies])
    actor2 = _named(lead.actor2, [e.actor2 for e in told] + [r.actor1 for r in replies])
    same_side = actor1 is not None and actor2 is not None and actor2.name == actor1.name
    if same_side and actor1 is not None and actor1.kind != "civilians":
        # "eleven militants were killed as they attacked a police post": the side they attacked, not
        # themselves, when one mention names it
        others = (e.actor2 for e in group if e.actor2 is not None and e.actor2.kind is not None)
        actor2 = next((a for a in others if a.name != actor1.name), actor2)
        if actor2 is not None and actor2.name == actor1.name:
            # still one side at both ends ("thirteen police officers were killed in an attack on a
            # police station" merged with the police's own act): the lead mention's sides stand
            if lead.actor1 is None or lead.actor1.name != actor1.name:
                actor1 = lead.actor1
            elif lead.actor2 is None or lead.actor2.name != actor2.name:
                actor2 = lead.actor2
    return replace(
        best,
        event_id=first.event_id,
        mode=best.mode or next((e.mode for e in group if e.mode), None),
        acled_sub_event_type=best.acled_sub_event_type
        or next((e.acled_sub_event_type for e in group if e.acled_sub_event_type), None),
        location=location,
        date=dated.date,
        date_precision=dated.date_precision,
        date_source=dated.date_source,
        actor1=actor1,
        actor2=actor2,
        killed=dead.killed if dead else None,
        injured=hurt.injured if hurt else None,
        displaced=next((e.displaced for e in group if e.displaced is not None), None),
        figure_qualifier=counted.figure_qualifier,
        attributed_to=voiced.attributed_to,
        hedged=voiced.hedged or any(e.hedged and _unverified(e) for e in group) or _claimed(group, actor1),
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
    )


def _claimed(group: list[Event], actor1: Actor | None) -> bool:
    """An act a group claimed responsibility for ("IS claimed responsibility for the bombing"), told by
    one of its mentions, is a claim (EVENTS.md: claims of responsibility are hedged), unless the act is
    another side's ("the attackers, whose group claimed the raid, were killed by troops") or the
    sentence says no one claimed it."""
    if actor1 is not None and actor1.kind not in ARMED_NON_STATE:
        return False
    for event in group:
        text = _text(event)
        found = _cues("responsibility", "claims").search(text)
        if found is not None and not _NOT_CLAIMED.search(text[: found.start()]):
            return True
    return False


# "no group has claimed", "has not yet claimed": no claim made
_NOT_CLAIMED = re.compile(r"\b(?:no|not|never|nobody|none|no-one|yet|neither)\b", re.IGNORECASE)


def _settled(event: Event) -> tuple[int, int]:
    """How much a mention settles: places, days, sides and figures; the earlier wins a tie."""
    filled = sum(
        (
            event.location is not None and event.location.precision == 1,
            event.date_source == "stated",
            event.actor1 is not None,
            event.actor2 is not None,
            event.killed is not None,
        )
    )
    return filled, -_start(event)


def _unverified(event: Event) -> bool:
    """ "which Reuters could not independently verify", "could not be confirmed": the outlet says it
    could not check the account (the lexicon's hedge phrases of verifying and confirming), and every
    mention of the act tells that account."""
    if event.evidence is None:
        return False
    text = event.evidence.text.lower()
    return any(phrase in text for phrase in _unverified_phrases())


@cache
def _unverified_phrases() -> tuple[str, ...]:
    return tuple(p for p in default_lexicon().hedge_phrases if "verif" in p or "confirm" in p)


def _named(preferred: Actor | None, candidates: Sequence[Actor | None]) -> Actor | None:
    """The lead's side, unless it only describes an armed side ("Rebels") another mention names."""
    if preferred is not None and preferred.kind in ARMED_NON_STATE and described_only(preferred):
        # "jihadists killed 54 soldiers ... JNIM claimed responsibility": the armed group one
        # mention names is the side the others describe
        armed = (
            a
            for a in candidates
            if a is not None
            and a.kind in ARMED_NON_STATE
            and not described_only(a)
            # a group of no one country ("Islamic State") may be the side a country's "militants" are
            and (a.country is None or a.country == preferred.country)
        )
        preferred = next(armed, preferred)
    if who(preferred) is not None:
        return preferred
    named = next((a for a in candidates if who(a) is not None), None)
    return named or preferred or next((a for a in candidates if a is not None), None)


def _dated(event: Event, published: date | None) -> Event:
    if event.date is not None or published is None:
        return event
    if _years_before(event.evidence.text if event.evidence else "", published.year):
        return event  # "seized swathes of territory in 2012 and 2013": dated to years, not this week
    return replace(event, date=published.isoformat(), date_precision="week", date_source="publication")


def _years_before(text: str, this_year: int) -> bool:
    """The sentence dates its act only to years before the publication's (a year alone resolves to
    no date, and the publication's week would be wrong)."""
    years = acts_years(text)
    return bool(years) and max(years) < this_year
