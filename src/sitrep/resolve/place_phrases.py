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

_DIRECTION = (
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|central|"
    r"northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|"
    r"far[- ]north(?:ern)?|far[- ]south(?:ern)?|far[- ]east(?:ern)?|far[- ]west(?:ern)?|mid|upper|lower)"
)
# Words that only place the phrase: "in", "at", "across" say nothing about precision.
# Adjectives saying who holds a place say nothing about where it is: "rebel-held Idlib".
_LEADING = re.compile(
    r"^(?:in|at|on|into|inside|within|from|across|throughout|to|towards?|over|via|the|occupied|besieged|"
    r"war-torn|war-ravaged|embattled|restive|[a-z]+-(?:held|controlled|occupied|run|besieged))\s+",
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
    r"(?:km|kms|kilometres?|kilometers?|miles?|mi)\s+(?:\(\s*[\d.,]+\s*\w+\s*\)\s+)?"
    r"(?:" + _DIRECTION + r"\s+)?(?:of|from|outside)|"
    + _DIRECTION + r"\s+of"
    r")\s+",
    re.IGNORECASE,
)
# "the town of X": X is a populated place; "the province of X": X is a province.
_FEATURE_OF = re.compile(
    r"^(?:the\s+)?(?:(?P<city>town|city|village|hamlet|settlement|port|port\s+city|border\s+town|"
    r"refugee\s+camp|camp|neighbou?rhood|district|suburb|area)|"
    r"(?P<admin>province|governorate|region|state|oblast|prefecture|department|county))\s+of\s+",
    re.IGNORECASE,
)
_DIRECTION_PREFIX = re.compile(r"^(?P<dir>" + _DIRECTION + r")(?:\s+|-)(?=\S)", re.IGNORECASE)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:province|governorate|region|state|oblast|krai|prefecture|department|division|"
    r"autonomous\s+region|regional\s+state)$",
    re.IGNORECASE,
)
_CITY_SUFFIX = re.compile(r"\s+(?:city|town|village|refugee\s+camp|camp|municipality)$", re.IGNORECASE)
# Areas around a place: "Idlib countryside", "Bakhmut area", "Kherson outskirts".
_AREA_SUFFIX = re.compile(
    r"\s+(?:countryside|area|district|outskirts|suburbs|environs|vicinity|front|axis|sector|frontline)$",
    re.IGNORECASE,
)
# "X, Syria" / "X in northern Gaza" / "X near Saraqib": the tail narrows the search for X.
_QUALIFIER = re.compile(r"^(?P<head>.+?)(?:\s*,\s*|\s+(?P<word>in|near|outside)\s+)(?P<tail>.+)$")
_LIST = re.compile(r"\s+(?:and|or|&)\s+|\s*/\s*|\s*;\s*")
_TRIM = " \t\n\"'“”‘’.,;:()[]"

# Lower-case words allowed inside a proper place name.
NAME_PARTICLES = frozenset(
    ["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "et", "ez", "ul", "de", "du",
     "des", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "les", "of", "the", "and", "y", "e",
     "en", "au", "aux", "sur", "bin", "ibn", "bint", "wa"]
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
    text = re.sub(r"['’]s$", "", text)
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text).strip(_TRIM)
    return text


def parse(text: str) -> PlacePhrase:
    """Split a cleaned phrase into name and cues (see PlacePhrase); never fails."""
    text = clean(text)
    near = directional = area = False
    want: Want | None = None
    while True:
        match = _NEAR.match(text)
        if not match:
            break
        near = True
        text = clean(text[match.end():])
    match = _FEATURE_OF.match(text)
    if match:
        want = "admin1" if match.group("admin") else "city"
        near = near or (match.group("city") or "").lower() in {"district", "area"}
        text = clean(text[match.end():])
    text = _LIST.split(text, maxsplit=1)[0]
    qualifier, qualifier_is_near = None, False
    match = _QUALIFIER.match(text)
    if match and is_proper_name(strip_direction(match.group("tail")) or match.group("tail")):
        text, qualifier = match.group("head"), clean(match.group("tail"))
        qualifier_is_near = (match.group("word") or "").lower() in {"near", "outside"}
    for pattern, kind in ((_ADMIN_SUFFIX, "admin1"), (_CITY_SUFFIX, "city"), (_AREA_SUFFIX, "area")):
        match = pattern.search(text)
        if match and match.start() > 0:
            text = text[: match.start()]
            if kind == "area":
                near = area = True
            else:
                want = "admin1" if kind == "admin1" else "city"
    match = _DIRECTION_PREFIX.match(text)
    if match and is_proper_name(text[match.end():]):
        directional = True
        text = text[match.end():]
    return PlacePhrase(clean(text), qualifier, qualifier_is_near, near, directional, want, area)


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


def strip_direction(text: str) -> str | None:
    """"northern Gaza" -> "Gaza"; None when the phrase does not start with a direction."""
    match = _DIRECTION_PREFIX.match(text)
    return text[match.end():] if match else None
