"""The words that shape a story's scene: where a new incident begins, where a sentence compares the
act with an earlier one, the day a lead says the act took place, and a dateline left in the text.

    new_incident_cues().search("Separately, gunmen attacked ...")   # a match
    took_place_on("... the attack took place in Inates on December 11 ...", date(2019, 12, 12))
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from sitrep.extract.setting import MONTH_NAMES
from sitrep.models import DatePrecision
from sitrep.resolve.dates import WEEKDAYS, resolve_date

if TYPE_CHECKING:
    from sitrep.resolve.places import Gazetteer

__all__ = [
    "DATELINE_END", "Told", "comparison_cues", "lead_dateline", "new_incident_cues", "same_frame_cues",
    "took_place_at", "took_place_on",
]


@lru_cache(maxsize=2)
def _scene_cues(key: str) -> re.Pattern[str]:
    raw = resources.files("sitrep").joinpath("data", "vague_dates.toml").read_text(encoding="utf-8")
    patterns = tomllib.loads(raw)["scene"][key]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def new_incident_cues() -> re.Pattern[str]:
    """Phrases saying a sentence tells another incident (data/vague_dates.toml, [scene])."""
    return _scene_cues("new_incident")


def same_frame_cues() -> re.Pattern[str]:
    """... of which those telling another act in the same time frame ("Meanwhile, ...")."""
    return _scene_cues("same_frame")


@lru_cache(maxsize=1)
def comparison_cues() -> re.Pattern[str]:
    """Phrases comparing the story's act with an earlier one ("echoes of", "deadliest since";
    data/merging.toml, [further_act] comparison): the sentence's date and place are that act's."""
    raw = resources.files("sitrep").joinpath("data", "merging.toml").read_text(encoding="utf-8")
    patterns = tomllib.loads(raw)["further_act"].get("comparison", [])
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_ACT_NOUN = (
    r"(?:(?:attack|assault|strike|raid|ambush|bombing|blast|explosion|massacre|shelling|shooting|"
    r"confrontation|gunfight|firefight|killing|kidnapping|abduction|incident|murder)s?|clash(?:es)?|"
    # "the violence took place on Monday in the Zuru district"
    r"fighting|violence)"
)
_A_DAY = (
    # "last Sunday"; "the previous night", "last night": the night before the report
    r"(?:last\s+)?(?:" + "|".join(sorted(WEEKDAYS)) + r")\b"
    r"|(?:the\s+previous|last)\s+(?:night|evening)\b"
    r"|(?:" + "|".join(sorted(MONTH_NAMES)) + r")\.?\s+\d{1,2}\b(?:,?\s+\d{4})?"
    r"|\d{1,2}\s+(?:" + "|".join(sorted(MONTH_NAMES)) + r")\b(?:\s+\d{4})?"
)
# ", which" between: "The attack, which happened on Thursday in ..." tells the act's day the same way
_WHICH = r"(?:,\s+which)?"
# "the incident is said to have occurred": the day a report gives at one remove is still the act's
_SAID_TO_HAVE = r"(?:\s+(?:is|was)\s+(?:said|believed|reported|thought)\s+to\s+have)?"
_TOOK_PLACE_ON = re.compile(
    rf"\b{_ACT_NOUN}{_WHICH}{_SAID_TO_HAVE}\s+"
    r"(?:took place|taken place|occurred|happened|was (?:launched|carried out|staged|mounted))\b"
    # "occurred around 8:30 p.m. on Thursday night": a clock time's dots end no sentence
    r"(?:(?P<where>(?:[^.;]|\b[ap]\.m\.){0,60}?)\b(?:on|between|noon|midnight|dawn|dusk|early|late))?"
    rf"\s+(?P<day>{_A_DAY})",
    re.IGNORECASE,
)
# "The April 17 attack was the deadliest", "Saturday's attack": the day a sentence puts on the act's
# noun, with the definite article or the possessive that points back to the story's act.
_DAY_ON_THE_ACT = re.compile(
    rf"\b(?:[Tt]he\s+(?P<day>(?:{_A_DAY}))|(?P<owner>{'|'.join(sorted(WEEKDAYS))})['’]s(?:\s+[a-z]+){{0,2}}?)"
    rf"\s+{_ACT_NOUN}\b",
    re.IGNORECASE,
)
# Words before "the October 7 attack" that make it an act other than the story's.
_ANOTHER_ACTS_DAY = re.compile(
    r"\b(?:after|since|before|until|following|than|like|of|to|anniversary of)\s+$", re.IGNORECASE
)
# "The blast took place in the Tarrem area of Bijapur district": the place a report gives its act,
# with no day
_TOOK_PLACE_AT = re.compile(
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+{_ACT_NOUN}{_WHICH}\s+(?:took place|occurred|happened)\s+"
    # "occurred at about 9:55 am at an abandoned temple in ...": the hour before the place
    r"(?:(?:at|around)\s+(?:about\s+|around\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|hrs|hours)?\s+)?"
    r"(?P<place>(?:in|near|at|outside|between)\s+(?:(?:Mt|St|Ft)\.\s|[^.;,]){3,80}?)"
    r"\s*(?=[.;,]|\s+(?:on|when|after|at)\s|(?<!known)\s+as\s|$)"
)
# "Pinanag-an Village, the site of the firefight, is ...": a place named as the act's site
_SITE_OF_THE_ACT = re.compile(
    r"(?P<place>\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),\s+the\s+(?:site|scene)\s+of\s+the\s+"
    + _ACT_NOUN + r"\b"
)
# the place a "took place" sentence gives after its day, within the clause: "on Sunday in the village of
# Tudun Biri", "last Sunday at about 1:40 pm local time in the Malha area of Deir ez-Zor province"
_WHERE_AFTER = re.compile(
    r"^[^.;,]{0,40}?\s(?:in|near|outside)\s+(?P<place>(?:the\s+)?[^.;,]*?[A-Z][^.;,]{2,70}?)\s*(?=[.;,]|$)"
)
# the place a "took place" sentence gives: "took place near Tillaberi on", "occurred in the village of"
_TOLD_WHERE = re.compile(r"^\s*(?:(?:in|near|at|outside|around)\s+)(?P<place>.+?)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Told:
    """The day a report says its act took place, and the place it names there (if any)."""

    when: str
    precision: DatePrecision
    where: str | None


def took_place_on(text: str, reference: date | None) -> Told | None:
    """The day a sentence says the story's act took place ("the attack took place in Inates on
    December 11", "the attack happened shortly after noon Sunday", "took place between Thursday
    night and Friday": the first; "the attack was launched on Saturday", "the April 17 attack",
    "Saturday's attack"), in the first paragraphs, with the place named before the day;
    None when none says so, or two days are given."""
    days: dict[str, str | None] = {}
    for match in _TOOK_PLACE_ON.finditer(text[:1500]):
        day = re.sub(r"^the\s+previous\s+", "last ", match["day"])  # "the previous night": last night
        when, precision = resolve_date("on " + day, reference)
        if when is not None and precision == "day":
            placed = _TOLD_WHERE.match(match["where"] or "")
            if placed and re.search(r"\d", placed["place"]):
                placed = None  # "around 8:30 p.m.": an hour, not a place
            if placed is None:  # "took place last Sunday at about 1:40 pm in the Malha area": after the day
                placed = _WHERE_AFTER.match(text[match.end() : match.end() + 120])
            if days.get(when) is None:
                days[when] = placed["place"] if placed else None
    for match in _DAY_ON_THE_ACT.finditer(text[:1500]):
        if _ANOTHER_ACTS_DAY.search(text[max(match.start() - 30, 0) : match.start()]):
            continue  # "a year after the October 7 attack", "since the March 2 raid": an earlier act
        when, precision = resolve_date("on " + (match["day"] or match["owner"]), reference)
        if when is not None and precision == "day":
            days.setdefault(when, None)
    if len(days) != 1:
        return None
    [(when, where)] = days.items()
    return Told(when, "day", where)


def took_place_at(text: str) -> str | None:
    """The place a sentence of the first paragraphs says the story's act took place at ("The blast
    took place in the Tarrem area of Bijapur district", "Pinanag-an Village, the site of the
    firefight, is ..."), when one place is given so."""
    places = {m["place"] for m in _TOOK_PLACE_AT.finditer(text[:1500])}
    places |= {"in " + m["place"] for m in _SITE_OF_THE_ACT.finditer(text[:1500])}
    return places.pop() if len(places) == 1 else None


# What ends a dateline's place: a colon or a dash, after the agency in brackets it may carry
# ("Raipur: ...", "Bamako - ...", "CAIRO, (Reuters) – ...").
DATELINE_END = r"(?:,?\s*\([A-Z][\w .&-]{1,30}\))?(?:\s*:|\s+[-–—])\s"
# "Khartoum, Oct 7 At least seven people ...": a dateline's day after its place, and no dash
_DAY_END = r",\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?\s"
# A dateline left in the text: a place name opening a line, then its end, then the story; some pages
# put a "date 2020-02-14" stamp before it.
_DATELINE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d\d-\d\d\s+)?(?P<place>[A-Z][A-Za-z'’.]+(?:[ -][A-Z][A-Za-z'’.]+){0,2})"
    + f"(?:{DATELINE_END}|{_DAY_END})"
    + r"\s*(?=[A-Z“\"‘'])"
)
_DATELINE_LINES = 3
# A wire byline line: "PTI | Peshawar | Updated: 06-01-2023 13:51 IST": the agency, then its city.
_BYLINE = re.compile(
    r"^\s*[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}\s*\|\s*"
    r"(?P<place>[A-Z][A-Za-z'’.]+(?:[ -][A-Z][A-Za-z'’.]+){0,2})\s*\|\s*"
    r"(?:Updated|Published|Created|Posted)\b"
)
_BYLINE_LINES = 6


def lead_dateline(text: str, gazetteer: Gazetteer, context: Sequence[str]) -> str | None:
    """The place of a dateline the clean stage leaves in the text ("Raipur: In the deadliest ambush",
    "DONETSK: A bus ...", "Bamako - At least 21 people"), when it opens one of the first lines and
    names a town or a country. The line must go on as the story's first sentence: "Gaza: Israeli
    strikes kill 20" is a headline about Gaza, not a dateline."""
    lines = [line for line in text.split("\n") if line.strip()]
    for line in lines[:_BYLINE_LINES]:
        byline = _BYLINE.match(line)
        found = gazetteer.resolve(byline["place"], context) if byline is not None else None
        if byline is not None and found is not None and found.precision == 1:
            return byline["place"]
    for line in lines[:_DATELINE_LINES]:
        match = _DATELINE.match(line)
        if match is None or len(line) - match.end() < 30 or not line.rstrip().endswith((".", "”", '"')):
            continue
        place = match.group("place")
        if gazetteer.venue(place) is not None:
            return place
        found = gazetteer.resolve(place.title() if place.isupper() else place, context)
        if found is not None and (found.precision == 1 or gazetteer.country_iso3(place) is not None):
            return place
    return None
