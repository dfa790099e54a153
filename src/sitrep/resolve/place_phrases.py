"""Reading a place phrase as articles write it: "near the town of Nairab", "Idlib province",
"Hama, Syria", "10 km south of Bakhmut", "northwest Syria".

The phrase is split into the name to look up and what the words around it say about ACLED geo
precision (1 the place itself, 2 near it or part of it, 3 only the province or region) and about
the kind of feature meant ("Idlib city" vs "Idlib province"). Looking the name up is the
gazetteer's job; this module only reads English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Want = Literal["city", "admin1"]

# The Arabic article written in lower case before a capitalised name: "al-Jaba'a", "el-Geneina"
ARABIC_ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|en|er|es|et|ez)-"
# Longest alternatives first: "north-western" must not stop at "north".
DIRECTION = (
    r"(?:far[- ](?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?|"
    r"(?:north|south|east|west)(?:ern)?|central|mid|upper|lower)"
)
# a unit of distance: "10 km", "40 kilometres", "30 miles"
DISTANCE_UNIT = r"(?:km|kms|kilometres?|kilometers?|miles?|mi)"
# Beyond this many kilometres a reference town says nothing of where the act was (ACLED codes an act
# "near" a town only when it is close by).
FAR_KM = 50.0


def far(number: str, unit: str) -> bool:
    """Whether a distance ("396", "km"; "250", "miles") lies beyond FAR_KM."""
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return False
    return (value * 1.609 if unit.lower().startswith("mi") else value) > FAR_KM
# Words that only place the phrase: "in", "at", "across" say nothing about precision.
# Adjectives saying who holds a place say nothing about where it is: "rebel-held Idlib".
_LEADING = re.compile(
    r"^(?:in|at|on|into|inside|within|from|across|throughout|to|towards?|over|via|the|occupied|besieged|"
    r"war-torn|war-ravaged|embattled|restive|front-?line|adjoining|adjacent|neighbou?ring|"
    r"mountainous|remote|volatile|troubled|turbulent|lawless|impoverished|rugged|restless|"
    r"[a-z]+-(?:held|controlled|occupied|run|besieged|hit|torn|ravaged|prone|rich|stricken))\s+",
    re.IGNORECASE,
)
# Words saying the event was near the named place, not in it: ACLED precision 2.
_NEAR = re.compile(
    r"^(?:just\s+|some\s+|about\s+|roughly\s+|around\s+)?(?:"
    r"near(?:by)?|outside(?:\s+of)?|around|close\s+to|next\s+to|not\s+far\s+from|off|"
    r"(?:on\s+|in\s+)?the\s+(?:outskirts|edges?|fringes|environs|vicinity|suburbs|periphery|countryside)\s+of|"
    r"(?:on\s+|in\s+)?(?:outskirts|edge|suburbs|vicinity|countryside)\s+of|"
    r"(?:on\s+)?the\s+road\s+(?:to|from|between)|between|"
    r"(?:about\s+|some\s+|around\s+|nearly\s+|roughly\s+)?(?:\d+(?:[.,]\d+)?|a\s+few|several|a)\s*-?\s*"
    + DISTANCE_UNIT + r"\s+(?:\(\s*[\d.,]+\s*\w+\s*\)\s+)?"
    r"(?:" + DIRECTION + r"\s+)?(?:of|from|outside)|" + DIRECTION + r"\s+of"
    r")\s+",
    re.IGNORECASE,
)
# "the (northern Burkina Faso) town of X": X is the populated place; "the province of X": X is a
# province; "the Birere district of Goma": a part (named before the noun) of a place (named after it).
_TOWN_FEATURES = (
    r"port\s+city|border\s+town|market\s+town|towns?|city|cities|villages?|hamlets?|settlements?|port|"
    r"capital|localit(?:y|ies)|municipalit(?:y|ies)|communes?|communit(?:y|ies)"
)
_ADMIN_FEATURES = (
    r"provinces?|governorates?|regions?|states?|oblasts?|prefectures?|departments?|county|counties"
)
_PART_FEATURES = (
    r"local\s+government\s+areas?|refugee\s+camps?|displacement\s+camps?|camps?|neighbou?rhoods?|"
    r"sub-?districts?|districts?|townships?|sub-?divisions?|divisions?|quarters?|suburbs?|areas?|"
    r"territor(?:y|ies)|forests?|jungles?|markets?|sectors?|"
    r"outskirts"
)
_FEATURE_OF = re.compile(
    r"^(?:the\s+)?(?P<pre>(?:\S+\s+){0,4}?)(?:(?P<city>"
    + _TOWN_FEATURES
    + r")|(?P<admin>"
    + _ADMIN_FEATURES
    + r")|(?P<part>"
    + _PART_FEATURES
    + r"))\s+of\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# "X community in Y local government area of Z State": a place, in a unit, in a province
_UNIT_CHAIN = re.compile(
    r"^(?P<head>[^,]+?)\s+in\s+(?:the\s+)?[^,]+?\s+(?:local\s+government\s+area|lga|local\s+government|"
    r"district|township|ward|sub-county|subcounty|commune|municipality|department|tehsil|territory|"
    r"chiefdom|sector)"
    r"\s+of\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# "the tribal village Zairon in Jiribam district": a village's noun with its name after it, no "of"
_TOWN_NOUN_NAMED = re.compile(
    r"^(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:village|town|hamlet)\s+"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:(?:\s*,\s*|\s+(?:in|near)\s+)\S.*)?)$"
)
# A phrase opening with an administrative unit's name and noun: "Tuz Khurmatu district", "Faskari LGA".
_UNIT_NAMED = re.compile(
    r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:" + _ADMIN_FEATURES
    + r"|sub-?districts?|districts?|townships?|local\s+government\s+areas?|LGA|tehsil|woreda|"
    r"municipalit(?:y|ies))\b"
)
# "the Iraqi capital Baghdad", "Khyber Pakhtunkhwa capital Peshawar": the capital is the name after it.
_CAPITAL_NAMED = re.compile(
    r"^(?P<owner>.*?)\b(?:provincial\s+|state\s+|regional\s+|district\s+)?capital,?\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})$"
)
# "Syria's Idlib province", "Mogadishu's Hodan district": the owner contains the place.
_POSSESSIVE = re.compile(r"^(?P<owner>[^'’,]+?)['’]s\s+(?P<rest>\S.*)$")
# "X near the border with Algeria", "X along the border": the border says where in X, not another place
_BORDER_TAIL = re.compile(
    r"^(?P<head>.*?[A-Z].*?)\s*,?\s+(?:near|along|on|close\s+to|at)\s+(?:the\s+)?(?:\w+\s+)?border\b.*$"
)
# A capitalised site noun ending a name of two words or more: "Nile Hospital", "Ahmed Bin Hanbal School"
_NAMED_SITE = re.compile(
    r"\S\s+(?:Hospital|Clinic|School|University|College|Mosque|Church|Market|Camp|Airport|Base|Prison|"
    r"Stadium|Bridge|Station|Square)$"
)
_DIRECTION_PREFIX = re.compile(r"^(?P<dir>" + DIRECTION + r")(?:\s+|-)(?=\S)", re.IGNORECASE)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:province|governorate|region|state|oblast|krai|prefecture|department|division|county|"
    r"autonomous\s+region|regional\s+state)$",
    re.IGNORECASE,
)
_CITY_SUFFIX = re.compile(
    r"\s+(?:city|town|village|community|(?:refugee|displacement|idp|displaced\s+persons)\s+camp|camp|municipality)$",
    re.IGNORECASE,
)
# Areas around a place: "Idlib countryside", "Bakhmut area", "Kherson outskirts".
_AREA_SUFFIX = re.compile(
    r"\s+(?:countryside|area|sub-?district|district|township|outskirts|suburbs|environs|vicinity|front|axis|"
    r"zone|woreda|kebele|"
    r"sector|frontline|"
    r"territory|local\s+government\s+area|lga|neighbou?rhood|quarter)$",
    re.IGNORECASE,
)
# "X, Syria" / "X in northern Gaza" / "X near Saraqib": the tail narrows the search for X.
_QUALIFIER = re.compile(
    r"^(?P<head>.+?)(?:\s*,\s*|\s+(?P<word>in|near|outside|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+)"
    r"(?P<tail>.+)$"
)
# "the Abuja-Kaduna highway", "the Maiduguri-Damboa road": a road between two towns, coded near the
# first-named (ACLED codes an act on a road to a town on it, at precision 2)
_ROAD_BETWEEN = re.compile(
    r"^(?P<first>[A-Z][\w'’.]+(?:\s+[A-Z][\w'’.]+)?)\s*[-–]\s*[A-Z][\w'’.]+(?:\s+[A-Z][\w'’.]+)?\s+"
    r"(?:highway|road|expressway|motorway|route)$"
)
_LIST = re.compile(r"\s+(?:and|or|&)\s+|\s*/\s*|\s*;\s*")
TRIM = _TRIM = " \t\n\"'“”‘’.,;:()[]"

# Lower-case words allowed inside a proper place name.
NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "an",
        "ed",
        "er",
        "es",
        "et",
        "ez",
        "ul",
        "de",
        "du",
        "des",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "di",
        "la",
        "le",
        "les",
        "of",
        "the",
        "and",
        "y",
        "e",
        "en",
        "au",
        "aux",
        "sur",
        "bin",
        "ibn",
        "bint",
        "wa",
    ]
)


@dataclass(frozen=True, slots=True)
class PlacePhrase:
    """What a place phrase says: the name, a narrowing qualifier, and the precision the words imply."""

    name: str
    qualifier: str | None = None  # "Syria" in "Hama, Syria"
    qualifier_is_near: bool = False  # "Nairab near Saraqib": the qualifier is a neighbour, not a container
    near: bool = False  # "near X", "5 km from X", "X countryside": precision at least 2
    directional: bool = False  # "northern X": part of X
    want: Want | None = None  # the kind of feature the words ask for
    area: bool = False  # "X countryside/area": the surroundings of X


def clean(text: str) -> str:
    """The phrase without surrounding punctuation, possessive and leading prepositions."""
    text = " ".join(text.split()).strip(_TRIM)
    text = re.sub(r"(?<=\w)‘s\b", "’s", text)  # "Manipur‘s Imphal West": a possessive in the wrong quote
    text = re.sub(r"['’]s$", "", text)
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text).strip(_TRIM)
    return text


# "a location known as Miriga", "an area called Tangi": the name the words announce
_KNOWN_AS = re.compile(
    r"^(?:a|an|the)\s+(?:location|place|area|locality|site|spot|village|settlement)\s+"
    r"(?:known\s+(?:locally\s+)?as|called|named)\s+",
    re.IGNORECASE,
)


def parse(text: str) -> PlacePhrase:
    """Split a cleaned phrase into name and cues (see PlacePhrase); never fails."""
    text = _KNOWN_AS.sub("", clean(text))
    near = directional = area = False
    want: Want | None = None
    qualifier: str | None = None
    while True:
        match = _NEAR.match(text)
        if not match:
            break
        near = True
        text = clean(text[match.end() :])
    text, qualifier = _owner(text)
    capital = _CAPITAL_NAMED.match(text)
    if capital is not None:  # "Khyber Pakhtunkhwa capital Peshawar", "the Iraqi capital, Baghdad"
        owner = clean(capital.group("owner"))
        text = capital.group("name")
        qualifier = qualifier or (owner if owner and is_proper_name(owner) and owner[:1].isupper() else None)
        want = "city"
    road = _ROAD_BETWEEN.match(text)
    if road is not None:
        text, near = road.group("first"), True
    # after "the east of", a capitalised direction begins the name: "the east of South Sudan" is in
    # South Sudan, not in the south of Sudan
    text, directional = _strip_directions(text, stripped=near)
    text = unchain(text)
    named = _TOWN_NOUN_NAMED.match(text)
    if named is not None:
        text, want = named.group("name"), "city"
    match = _FEATURE_OF.match(text)
    if match:
        text, feature_qualifier, want, part = _feature(match)
        qualifier = qualifier or feature_qualifier
        near = near or part
    border = _BORDER_TAIL.match(text)
    if border is not None:  # "the Kasserine region near the border with Algeria": the region
        text = border.group("head")
    items = _LIST.split(text)
    text = items[0]
    if len(items) > 1:  # "A, B and C in Zamfara State": A, and the list's container is A's too
        text = text.split(",")[0]
        last = _QUALIFIER.match(items[-1])
        if last is not None and _QUALIFIER.match(text) is None:
            text += items[-1][last.end("head") :]
    qualifier_is_near = False
    match = _QUALIFIER.match(text)
    if match and qualifier is None and is_proper_name(parse(match.group("tail")).name):
        text, qualifier = match.group("head"), clean(match.group("tail"))
        word = (match.group("word") or "").lower()
        qualifier_is_near = word in {"near", "outside"} or word.endswith(" of")  # "X area north of Kadugli"
    for pattern, kind in ((_ADMIN_SUFFIX, "admin1"), (_CITY_SUFFIX, "city"), (_AREA_SUFFIX, "area")):
        match = pattern.search(text)
        if match and match.start() > 0:
            text = text[: match.start()]
            if kind == "area":
                near = area = True
            else:
                want = "admin1" if kind == "admin1" else "city"
    text, stripped = _strip_directions(text, directional)
    directional = directional or stripped
    return PlacePhrase(clean(text), qualifier, qualifier_is_near, near, directional, want, area)


def unchain(text: str) -> str:
    """ "Nahuche community in Bungudu local government area of Zamfara State" -> "Nahuche community in
    Zamfara State": the place first named, in the province the chain ends with (the unit between is
    no place of the act's own, and its "area" no part of a town)."""
    chain = _UNIT_CHAIN.match(text)
    if chain is None or not is_proper_name(chain.group("head").split()[0]):
        return text
    return f"{chain.group('head')} in {chain.group('rest')}"


def _owner(text: str) -> tuple[str, str | None]:
    """ "Syria's Idlib province" -> ("Idlib province", "Syria"); the owner must be a proper name."""
    match = _POSSESSIVE.match(text)
    if match is None:
        return text, None
    owner = clean(match.group("owner"))
    if not is_proper_name(strip_direction(owner) or owner):
        return text, None  # "the city's Kyivskyi district": an anaphor, not a container
    return _without_description(clean(match.group("rest"))), owner


_FEATURE_WORD = re.compile(
    r"^(?:of|" + _TOWN_FEATURES + "|" + _ADMIN_FEATURES + "|" + _PART_FEATURES + r")$", re.IGNORECASE
)


def _without_description(text: str) -> str:
    """ "troubled Beni region" -> "Beni region": the words that only describe the place named after
    them ("restive", "rebel-held"); a direction is read with the name, a feature noun ("the central
    region of Mopti") keeps the phrase whole."""
    words = text.split()
    first_name = next((n for n, word in enumerate(words) if word[:1].isupper()), 0)
    describing = words[:first_name]
    if any(_FEATURE_WORD.match(word) or _DIRECTION_PREFIX.match(word + " ") for word in describing):
        return text
    return " ".join(words[first_name:])


def _strip_directions(text: str, stripped: bool = False) -> tuple[str, bool]:
    """ "north-west Idlib" -> ("Idlib", True), only when a proper name remains; a capitalised
    direction after one stripped begins the name ("northern West Bank", "eastern Upper Nile")."""
    while True:
        match = _DIRECTION_PREFIX.match(text)
        if not match or not is_proper_name(_ADMIN_SUFFIX.sub("", text[match.end() :])):
            return text, stripped
        if text[:1].isupper() and _NAMED_SITE.search(text[match.end() :]):
            return text, stripped  # "East Nile Hospital": the direction is part of the site's name
        if stripped and text[:1].isupper():
            return text, stripped
        text, stripped = text[match.end() :], True


def _feature(match: re.Match[str]) -> tuple[str, str | None, Want | None, bool]:
    """(name, container, wanted kind, is-a-part) for "the [words] FEATURE of REST"."""
    pre = clean(match.group("pre"))
    rest = clean(match.group("rest"))
    pre_name, _ = _strip_directions(pre)
    if match.group("part"):
        if pre and is_proper_name(pre_name.split()[-1]):  # "the Birere district of Goma"
            return _proper_tail(pre_name), rest, None, False
        named = _proper_head(pre_name)
        if named:  # "the Karrada shopping district of Baghdad"
            return named, rest, None, False
        return rest, None, None, match.group("part").lower().startswith(("district", "area"))
    want: Want = "admin1" if match.group("admin") else "city"
    if match.group("city") and pre and is_proper_name(pre_name.split()[-1]) and _UNIT_NAMED.match(rest):
        # "the al-Zarka village of Tuz Khurmatu district": the village named before the noun, in the
        # district or province named after it
        return _proper_tail(pre_name), rest, "city", False
    if pre and is_proper_name(pre_name.split()[-1]) and not _named_after(rest):
        # "Bambui locality of the region": what follows "of" is no name, so the name is before the noun
        return _proper_tail(pre_name), None, "city" if match.group("city") else want, False
    # "the northern Burkina Faso town of Djibo": a proper name before the noun is its country or region
    context = _proper_tail(pre_name) if pre_name and is_proper_name(pre_name.split()[-1]) else None
    return rest, context, want, False


def _named_after(rest: str) -> bool:
    """Does the phrase after a feature's "of" open with a name ("of Djibo", "of the Far North")?"""
    words = re.sub(r"^the\s+", "", rest, flags=re.IGNORECASE).split()
    return bool(words) and is_proper_name(words[0])


def _proper_head(text: str) -> str | None:
    """The capitalised words opening a phrase that only one or two lower-case words follow:
    "Karrada shopping" -> "Karrada"; None otherwise."""
    words = text.split()
    last = 0
    while last < len(words) and is_proper_name(words[last]):
        last += 1
    return " ".join(words[:last]) if last and 1 <= len(words) - last <= 2 else None


def _proper_tail(text: str) -> str:
    """The capitalised words ending a phrase: "strategic Burkina Faso" -> "Burkina Faso"."""
    words = text.split()
    first = len(words)
    while first > 0 and is_proper_name(words[first - 1]):
        first -= 1
    return " ".join(words[first:]) or text


def is_proper_name(text: str) -> bool:
    """True for "Idlib", "al-Bab", "Port-au-Prince", "KHAN YOUNIS"; False for "police", "the area"."""
    words = [w for w in re.split(r"[\s\-]+", text.strip(_TRIM)) if w]
    significant = [w for w in words if w.lower() not in NAME_PARTICLES]
    if not significant:
        return False
    for word in significant:
        first = word.lstrip("'’‘ʿ\"(")[:1]
        if not first or not (first.isupper() or first.isdigit()):
            return False
    return True


def without_admin_suffix(text: str) -> str | None:
    """ "Lower Juba province" -> "Lower Juba"; None when the phrase does not end with such a word."""
    match = _ADMIN_SUFFIX.search(text)
    return text[: match.start()] if match and match.start() > 0 else None


def strip_direction(text: str) -> str | None:
    """ "northern Gaza" -> "Gaza"; None when the phrase does not start with a direction."""
    match = _DIRECTION_PREFIX.match(text)
    return text[match.end() :] if match else None
