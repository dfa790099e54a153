"""How a sentence phrases the place of a scene's act: a phrase pointing back at the place in focus
("in the town"), a settlement named as such ("the town of Nairab"), "the capital", a village located
by direction from a town ("northwest of El-Fasher"), a province named by its office ("Borno State
police"), a party named as a statement's object ("blamed Israel"), and a destination or an origin
("flown to Raipur") that is not where the act happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.models import EventMention, Location
from sitrep.resolve.place_phrases import DIRECTION, DISTANCE_UNIT, far
from sitrep.resolve.places import Gazetteer
from sitrep.resolve.sentence_places import AWAY, PLACE_NAME, locative, reference_only

# Event types that happen somewhere: a statement (ACCUSE, THREATEN...) has no scene of its own.
PHYSICAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID"})

# A place phrase that points back at the place in focus: "in the town", "the city's Kyivskyi district",
# "near the camp's main square". It names the scene's place, not a namesake found elsewhere.
ANAPHOR = re.compile(
    r"^(?:(?:in|at|near|inside|outside|on|across|around)\s+)?(?:the\s+)?(?:same\s+)?"
    r"(?:city|town|village|camp|settlement)(?:\s*$|['’]s\s)",
    re.IGNORECASE,
)


# A place phrase that calls its place a settlement ("near the town of Nairab", "south of Idlib city")
# names the town itself.
SETTLEMENT = re.compile(r"\b(?:town|city|village|hamlet)\s+of\s+[A-Z]|\b[A-Z][\w'’-]+\s+(?:city|town)\b")


def named_as_near(mention: EventMention, town: Location) -> bool:
    """Whether the mention's own place phrase names `town` only as what its place lies near."""
    text = mention.place.text if mention.place is not None else ""
    near = text.find(" near ")
    return near >= 0 and any(name and name in text[near:] for name in (town.text, town.name))


def called_a_settlement(mention: EventMention) -> bool:
    return mention.place is not None and SETTLEMENT.search(mention.place.text) is not None


# "in the capital", "outside the country's capital", "across the capital city", "in the centre of the
# Tunisian capital": the capital of the article's country (a provincial or state capital, "the capital
# of Russia's Chechnya region", is no such phrase)
THE_CAPITAL = re.compile(
    r"\b(?P<near>in|across|around|into|outside|near|throughout|on the streets of|(?:centre|center|heart) of)"
    r"\s+the\s+"
    r"(?:(?:country|nation)['’]s\s+|national\s+|(?P<demonym>(?-i:[A-Z])[a-z]+)\s+)?capital(?:\s+city)?\b"
    r"(?!\s*,?\s*(?-i:[A-Z])|\s+of\b)",
    re.IGNORECASE,
)
# "the Ukrainian capital", "the Lebanese capital's southern suburbs": a country's capital by its people's
# adjective, whatever country the article is about (not "the Afghan capital, Kabul", named after it)
A_COUNTRYS_CAPITAL = re.compile(
    r"\bthe\s+(?P<demonym>[A-Z][a-z]+)\s+capital(?:\s+city)?\b(?!\s*,?\s*[A-Z]|\s+of\b)"
)
# countries whose capital is contested: "the capital" is left to the sentence's other words
CONTESTED_CAPITALS = frozenset({"ISR", "PSE"})

# a place phrase that locates by direction from a town: "northwest of El-Fasher city"
RELATIVE = re.compile(
    r"^(?:some\s+|about\s+)?(?:\d[\d,.]*\s*" + DISTANCE_UNIT + r"\s+)?" + DIRECTION + r"\s+of\b",
    re.IGNORECASE,
)
RELATIVE_END = re.compile(r"\b" + DIRECTION + r"\s+of\s+$", re.IGNORECASE)
# the town a village is located from: "(north of) the town of Maiduguri", "(west of) El Geneina"
REFERENCE_TOWN = re.compile(rf"(?:the\s+(?:\w+\s+)?(?:town|city|village)\s+of\s+)?(?P<name>{PLACE_NAME})")
# what may stand between a village's name and the relative phrase that locates it: "Qarni village, ",
# "Nyaung Kone, a village located less than 10km southwest of "
APPOSED = re.compile(
    r"^\s*(?:village|town|hamlet)?\s*,\s*"
    r"(?:an?\s+(?:[a-z-]+\s+){0,2}?(?:village|town|hamlet|settlement)\s+(?:located\s+|situated\s+|lying\s+)?)?"
    r"(?:(?:about|some|around|roughly|nearly|just|less\s+th[ae]n|more\s+than)\s+)?"
    r"(?:\d[\d,.]*\s*" + DISTANCE_UNIT + r"\s+)?"
    r"(?:" + DIRECTION + r"\s+of\s+)?$",
    re.IGNORECASE,
)


# An advance into a place: the act is there ("pushed deeper into Rafah", "stormed into the town").
ADVANCED_INTO = re.compile(
    r"\b(?:push|pushed|pushing|advanc\w*|stormed|storming|rolled|rolling|moved|moving|drove|driving|"
    r"penetrated|incursions?|raids?)\s+(?:deeper\s+|further\s+|farther\s+)?into\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def dateline_city(gazetteer: Gazetteer, name: str, context: Sequence[str]) -> Location | None:
    """The city a dateline names: a national capital before a namesake in a country the page names
    ("CAIRO, (Reuters)" on a page naming the United States is Egypt's capital, not Cairo, Georgia)."""
    world = gazetteer.resolve(name, [])
    capital = gazetteer.capital(world.country) if world is not None and world.country else None
    if world is not None and capital is not None and capital.geonames_id == world.geonames_id:
        return world
    return gazetteer.resolve(name, context)


# A preposition of place right before a province: "in Borno State", "across the northern Kaduna state".
IN_PROVINCE = re.compile(r"\b(?:in|across|throughout|near)\s+(?:the\s+)?(?:[a-z]+ern\s+|central\s+)?$")
# A province's office after its name: "the Guerrero state prosecutor", "Borno State police".
PROVINCE_OFFICE = re.compile(
    r"^\s+(?:attorney|prosecutor|prosecutors|governor|government|police|authorities|officials|assembly|"
    r"security|emergency|health)\b",
    re.IGNORECASE,
)
def names_a_party(mention: EventMention) -> bool:
    """A statement's place phrase that names a party, not a place ("blamed Israel")."""
    place = mention.place
    if place is None or mention.plover in PHYSICAL:
        return False
    before = mention.sentence.text[: max(place.start - mention.sentence.start, 0)]
    return not locative(before, place.text)


def destination_or_origin(mention: EventMention) -> bool:
    """The extractor's place phrase is a destination or an origin ("flown to Raipur"); not where an
    advance goes ("tanks pushed deeper into Rafah": the fighting is there)."""
    place = mention.place
    if place is None:
        return False
    before = mention.sentence.text[: max(place.start - mention.sentence.start, 0)]
    before += place.text[: len(place.text) - len(place.text.lstrip())]
    if mention.plover == "ASSAULT" and ADVANCED_INTO.search(before[-40:]):
        return False
    return bool(AWAY.search(before[-30:])) or reference_only(before)


def province_of(province: Location, country: Location) -> bool:
    """A province (the story's place, "in Garissa county") of the country a sentence names."""
    return (
        province.precision == 3
        and province.admin1 is not None
        and country.precision == 3
        and country.admin1 is None
        and province.country == country.country
    )


_DISTANCE = re.compile(rf"(?P<n>\d[\d,.]*)\s*(?P<unit>{DISTANCE_UNIT})\b", re.IGNORECASE)


def located_far(located: str) -> bool:
    """ "Kubum, about 30 km north of": near; "Haradheere, 396 km northeast of": far, no guide to the
    village's province or point."""
    match = _DISTANCE.search(located)
    return match is not None and far(match["n"], match["unit"])
