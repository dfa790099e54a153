"""The places a sentence names, for an event whose place phrase is missing or only a country.

The extractor takes the place phrase the parse ties to the event's verb; real sentences often put the
place elsewhere: in the object ("gunmen attacked Garissa University College"), in a clause after it
("... inside her home in the city of Temixco"), or in a name the parser labelled an organisation.
An analyst codes the most specific place the sentence ties to the act, so the resolver also reads
the sentence's named places (spaCy's GPE, LOC, FAC and ORG entities, and "the town/village/camp
of X" phrases it may miss) and keeps the most specific one it can resolve.

Not places of the act: a name inside the event's actor phrases ("Kenya Defence Forces"), a name an
actor dictionary knows ("Boko Haram"), a destination ("airlifted to Raipur", "flew to Doha") and
an origin of fire or travel ("fired from Gaza"); those are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from sitrep.models import EventMention, Location, TextSpan
from sitrep.resolve.place_phrases import ARABIC_ARTICLE, DIRECTION, DISTANCE_UNIT, far
from sitrep.resolve.places import Gazetteer
from sitrep.resolve.scene_cues import DATELINE_END

_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})
# "the village of Dapchi", "the town of Dhahyan", "Pazi Gyi village", "a cattle camp called Pangonkuei":
# named features spaCy misses; "al-", "ez-" and "ash-" join the words of an Arabic name ("Deir ez-Zor"),
# "de", "del", "el" and "la" those of a Spanish or Portuguese one ("Apaseo el Alto", "San Juan de la Vega").
_NAME = (
    # "al-Jaba'a", "el-Geneina": an Arabic name may open with its article in lower case
    rf"(?:{ARABIC_ARTICLE})?"
    r"[A-Z][\w'’\-]+(?:\s+(?:[a-z]{2,3}-|(?:de|da|do|dos|del|el|la|las|los)\s+(?:la\s+)?)?[A-Z][\w'’\-]+){0,3}"
)
PLACE_NAME = _NAME  # a proper name of up to four words, for the scene's own patterns
_FEATURE_OF = re.compile(
    r"\b(?:village|town|township|city|hamlet|settlement|camp|locality|commune|island|"
    rf"population\s+cent(?:re|er))\s+(?:of|called|named|known\s+as)\s+(?P<name>{_NAME})"
    # "the village of Stanislav, Kherson region": looked up in that region, not as a namesake elsewhere
    rf"(?:,\s+(?P<container>{_NAME}\s+(?i:region|oblast|province|governorate|state|county|district)))?"
)
# "the capital, Lomé": a town named in apposition to the word for it (the tagger may take a name with
# an accent for a person's)
_CAPITAL_NAMED = re.compile(rf"\b(?:capital|port city)\s*,\s+(?P<name>{_NAME})")
# A part of a town ("the neighbourhood of Noailles", "Birere district"): coded to its town when the
# text gives it, and never preferred to a town the gazetteer knows.
# "the Karrada district of Baghdad", "the centre of Grozny", "the outskirts of Kabul": the town, whatever
# the tagger made of its name (a person's, when it does not know it)
_PART_OF = re.compile(
    rf"\b(?:neighbou?rhood|district|area|quarter|suburbs?|cent(?:re|er)|heart|outskirts)\s+of\s+(?P<name>{_NAME})"
)
_NAME_PART = re.compile(rf"\b(?P<name>{_NAME})\s+(?:neighbou?rhood|district|quarter|suburb)\b")
# The town a site is in comes with it: "Ex-Control checkpoint in Mogadishu", "Pazi Gyi village, Kanbalu".
_NAME_FEATURE = re.compile(
    rf"\b(?P<name>{_NAME})\s+(?:[Vv]illage|[Tt]own|[Tt]ownship|locality|camp|refugee camp|"
    r"(?:military\s+|army\s+|police\s+)?(?:camp|outpost|barracks)|(?:military|army|police|border)\s+post|"
    r"(?:military\s+|army\s+|air\s+|naval\s+)?base|airbase|airport|checkpoint|railway station|station|"
    # "attacked Gusau market", "Sabon Gari mosque": a site named by its town
    r"market|marketplace|mosque|church)\b"
    rf"(?:(?:,?\s+(?:in|near|outside)\s+|,\s+)(?:the\s+(?:\w+\s+)?)?(?P<container>{_NAME}))?"
)
# "Ogossagou, a village of herders", "Solhan, a small town in Yagha": a name the next words call a place.
_NAME_IS_FEATURE = re.compile(
    rf"\b(?P<name>{_NAME}),\s+(?:an?|the)\s+(?:[a-z-]+\s+){{0,2}}?"
    r"(?:village|town|hamlet|settlement|locality|city|camp)"
    r"(?=\s+(?:of|in|near|on|about|some|where|that|which|located|situated|lying|less|just|roughly)\b|[,.;])"
)
# "Kubum, about 30 km north of Maiduguri", "Kereinik locality, west of El Geneina": a name the next words
# locate from a reference town is a place.
NAME_LOCATED = re.compile(
    rf"\b(?P<name>{_NAME})(?:\s+(?:village|town|locality|hamlet|area|district))?,\s+"
    r"(?:(?:about|some|around|roughly|nearly|just|approximately)\s+)?"
    rf"(?:\d[\d,.]*\s*{DISTANCE_UNIT}\s+)?(?:to\s+the\s+)?{DIRECTION}\s+of\s"
)
# "Grafovka in the Krasnoyarsk district of Belgorod region": a name the text places in a district or
# province by its noun is a place, looked up inside that container.
_ADMIN_NOUN = (
    r"(?:district|region|province|oblast|county|municipality|governorate|prefecture|state|woreda|zone|"
    r"department)"
)
_NAME_IN_UNIT = re.compile(
    rf"\b(?P<name>{_NAME})(?:\s+(?:village|town|hamlet|locality|settlement))?\s+in\s+the\s+"
    rf"(?P<container>{_NAME}\s+{_ADMIN_NOUN}"
    rf"(?:\s+of\s+(?:the\s+)?{_NAME}(?:\s+{_ADMIN_NOUN})?)?)"
)
# "the Mir Ali area of North Waziristan district", "the Bagan area of Lower Kurram", "the Akhnoor sector
# of Jammu district": an area the text names inside a unit is a place, looked up inside that unit (kept
# by name there when the gazetteer lacks it)
_AREA_OF_UNIT = re.compile(
    rf"\b(?P<name>{_NAME})\s+(?:area|sector|belt|locality|tehsil|subdivision)\s+of\s+(?:the\s+)?"
    rf"(?P<container>{_NAME}(?:\s+{_ADMIN_NOUN})?)"
)
# "in Pundanhar, Palma district", "in Bweza, territory of Rutshuru": a name the text places in a unit
# named after a comma is a place, looked up inside that unit
_NAME_THEN_UNIT = re.compile(
    rf"\b(?:in|at|near)\s+(?P<name>{_NAME}),\s+(?:the\s+)?"
    rf"(?P<container>{_NAME}\s+(?:district|territory|county|municipality|commune|prefecture)|"
    rf"(?:district|territory|county|municipality|commune|prefecture)\s+of\s+{_NAME})(?=[\s,.;:)]|$)"
)
# "the attack took place in Inates": a sentence saying where the act happened.
_TOOK_PLACE = re.compile(rf"\b(?:took\s+place|occurred|happened)\s+(?:in|at)\s+(?:the\s+)?(?P<name>{_NAME})")
# "in Makka, Kenya": a name the text places in a country or province (checked when resolved).
_NAME_IN = re.compile(rf"\b(?:in|at|near|outside)\s+(?P<name>{_NAME},\s+{_NAME})(?=[\s,.;:)]|$)")
# "Bryansk region", "Borno State": the name before one of these names the region, not its capital
_REGION_AFTER = re.compile(
    r"^\s+(?:region|province|state|oblast|governorate|county|prefecture|department)\b", re.IGNORECASE
)
# The rest of an outlet's name that tells: "Al Quds Today reported", "the Kyiv Independent said".
# A clock's zone after a name: "at 14:00 Moscow time" names an hour, not a place.
_TIME_ZONE_AFTER = re.compile(r"^\s+time\b")
_OUTLET_AFTER = re.compile(
    r"^(?:\s+[A-Z][\w'’-]*){1,3}\s+(?:reported|reports|said|says|quoted|cited|wrote|writes|added)\b"
)
# Words before a name that make it a reference point, not the place of the act: "the mayor of the
# nearby town of Bankass", "taken to the nearest town, Volnovakha": at best near the act (precision 2).
_NEARBY = re.compile(
    r"\b(?:nearby|nearest|neighbou?ring)\s+(?:town|city|village)(?:\s+of)?,?\s+$", re.IGNORECASE
)
# "the central government in Kiev", "the embassy in Nairobi": the seat of a government, not the scene.
_SEAT = re.compile(
    r"\b(?:government|ministry|parliament|embassy|consulate|headquarters)\s+in\s+$", re.IGNORECASE
)
# "told reporters in Maputo", "a news conference in Nairobi", "speaking in Kyiv": where someone spoke,
# not where the act they spoke of took place.
_SPOKEN_AT = re.compile(
    r"\b(?:reporters|journalists|the\s+press|(?:a|the)\s+(?:news|press)\s+(?:conference|briefing)|"
    r"(?:a|the)\s+briefing|speaking|spoke|"
    # "Officials in Miranshah told the paper that five militants were killed": where the sources sit
    # ... "a senior security official in Mogadishu told dpa", "confirmed to local media in Mogadishu"
    r"officials?|authorities|sources?|spokes(?:man|woman|person)|media|correspondents?)\s+in\s+$",
    re.IGNORECASE,
)
# "said in New York that the militia had killed 20": where a statement was made. For an act, such a
# place counts only in the story's own country (a local official "said in Maiduguri" often is near).
_SAID_IN = re.compile(r"\b(?:said|says|stated|announced|added)\s+(?:on\s+\w+\s+)?in\s+$", re.IGNORECASE)
# "by Saharareporters, New York Apr 07, 2022", a line "Saharareporters, New York": a byline's city is
# where the outlet sits, not the story's place.
_BYLINE_CITY = re.compile(r"(?:^|\n)\s*(?:by\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3},\s*$")
_BYLINE_END = re.compile(r"^\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})?\s*(?:\n|$)")
# "the Gulf of Aden", "the Bay of Bengal": a body of water the parser cut down to the name after "of".
_WATER_OF = re.compile(r"\b(?:Gulf|Bay|Sea|Straits?)\s+of\s+$")
# A preposition of place before a name, perhaps with a few words between: "in northern", "at the".
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|inside|outside|across|throughout|around|from|within)\s+(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_LOCATIVE_HEAD = re.compile(
    r"^(?:in|at|near|inside|outside|across|throughout|around|from|within)\s", re.IGNORECASE
)
# A dateline left in the text opens its line: "Raipur: ...", "DONETSK: ...", "Bamako - ...".
_DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*(?:date\s+\d{4}-\d\d-\d\d\s+)?$")
_DATELINE_AFTER = re.compile("^" + DATELINE_END)
_BRACKETED_AFTER = re.compile(r"^\)\s+(?=[A-Z])")
# Words just before a name that make it a destination or an origin, not where the act took place
# ("on the road to Kaduna" places the act on that road: near Kaduna).
AWAY = re.compile(
    r"(?<!road )(?<!highway )(?<!route )(?<!way )(?<!siege )"  # "laid siege to Marawi": the scene
    r"\b(?:to|towards|toward|into|for|from|back to|headed|returned)\s+(?:the\s+)?(?:neighbou?ring\s+)?$"
    # "rushed to hospital in Nairobi", "taken to a military hospital in Raipur": where the hurt went
    r"|\b(?:to|into)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?"
    r"(?:hospitals?|clinics?|morgue|mortuary|medical\s+(?:centre|center|facility))\s+(?:in|at)\s+(?:the\s+)?$"
    # "on his way to his home town in Katsina", "a native of Kano": where someone is from, not the scene
    r"|\b(?:his|her|their|whose)\s+(?:home\s*town|native\s+(?:town|village)|home\s+village)\s+(?:in|of)\s+$"
    r"|\bnatives?\s+of\s+$"
    # "a bulk carrier bound for the port of Aden": where a ship was going, not where it was hit
    r"|\b(?:bound|headed|heading|destined)\s+(?:for|to)\s+(?:the\s+)?(?:port|harbou?r|city|town)\s+of\s+$",
    re.IGNORECASE,
)


_UNIT_OF = re.compile(
    r"\b(?P<unit>region|province|governorate|prefecture|oblast|state)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)


def candidates(text: str, start: int, doc: Any) -> Iterator[tuple[TextSpan, str]]:
    """Spans of a sentence (text starting at offset `start`) that may name a place, in text order,
    each with its kind: "feature" when the words say it is a populated place or a site ("the
    village of X", "X military base"): only such a name is kept when the gazetteer lacks it (an
    entity the gazetteer lacks is more often an agency, a paper or a person: "Pinnacle News");
    "org" for an organisation, read only when it starts with a place it belongs to ("Garissa
    University College", never "the Security Council"); "entity" for the rest."""
    found: list[tuple[TextSpan, str]] = []
    if doc is not None:
        end = start + len(text)
        surnames = _surnames(doc)
        for ent in getattr(doc, "ents", ()):
            if ent.label_ in _ENTITY_LABELS and ent.start_char >= start and ent.end_char <= end:
                if len(ent) == 1 and ent.text in surnames:
                    continue  # "Hasina's biggest test" after "Sheikh Hasina": the person, not a town
                if _WATER_OF.search(text[max(0, ent.start_char - start - 20) : ent.start_char - start]):
                    continue  # "the Gulf of Aden": the sea, not the port city
                kind = "org" if ent.label_ == "ORG" else "entity"
                province = _UNIT_OF.search(text[: ent.start_char - start])
                # "the secretary general of the governorate of Tahoua": the province, not its capital
                name = f"{province['unit']} of {ent.text}" if province else ent.text
                found.append((TextSpan(name, ent.start_char, ent.end_char), kind))
    for pattern, kind in (
        (_FEATURE_OF, "feature"),
        (_PART_OF, "part"),
        (_NAME_PART, "part"),
        (_NAME_FEATURE, "feature"),
        (_NAME_IS_FEATURE, "feature"),
        (_NAME_THEN_UNIT, "feature"),
        (NAME_LOCATED, "feature"),
        (_TOOK_PLACE, "feature"),
        (_CAPITAL_NAMED, "entity"),
        (_NAME_IN, "qualified"),
    ):
        for match in pattern.finditer(text):
            name = match.group("name")
            container = match.groupdict().get("container")
            if container:  # looked up as "Ex-Control in Mogadishu": the site, inside its town
                near = " near " if " near " in match.group(0) or " outside " in match.group(0) else " in "
                name = f"{name}{near}{container}"
            found.append((TextSpan(name, start + match.start("name"), start + match.end("name")), kind))
    for match in (*_NAME_IN_UNIT.finditer(text), *_AREA_OF_UNIT.finditer(text)):
        # looked up as "Grafovka, Belgorod region": the village in the widest unit the text gives
        unit = re.split(r"\s+of\s+(?:the\s+)?", match.group("container"))[-1]
        name = f"{match.group('name')}, {unit}"
        span = TextSpan(name, start + match.start("name"), start + match.end("name"))
        found.append((span, "feature"))
    places = (pair for pair in found if not _A_DAY.search(pair[0].text))  # "on Easter Sunday": a day
    yield from sorted(places, key=lambda pair: pair[0].start)


# A feast or a day, never a place: "on Easter Sunday", "on Christmas Eve", "during Eid al-Adha" (not
# Christmas Island)
_A_DAY = re.compile(
    r"(?:\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Eve)|^(?:Easter|Christmas)(?:\s+Day)?"
    r"|^(?:Eid|Ramadan|Nowruz|Diwali|Passover|Hanukkah|Yom Kippur|Ashura)\b.*)$"
)


def _surnames(doc: Any) -> frozenset[str]:
    """The last words of the people the document names in full ("Prime Minister Sheikh Hasina"),
    read once per document."""
    cache = getattr(doc, "user_data", None)
    if cache is None:
        return frozenset()
    if "sitrep_surnames" not in cache:
        cache["sitrep_surnames"] = frozenset(
            ent[-1].text
            for ent in doc.ents
            # "Angela Merkel - Minsk": a caption the parser ran together is no one's name
            if ent.label_ == "PERSON" and 1 < len(ent) <= 4 and all(t.is_alpha and t.is_title for t in ent)
        )
    return cache["sitrep_surnames"]


_SIDE_PHRASE = re.compile(r"^(?:\w+\s+)?(?:the\s+)?[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)*(?P<rest>[-‐\s].*)$")


def names_a_side(phrase: str) -> bool:
    """A place phrase that is a side named by its country or city: "on US troops", "Tehran-backed
    militias" (but "US troops in Syria" goes on to a place)."""
    match = _SIDE_PHRASE.match(phrase.strip())
    if match is None:
        return False
    side = _SIDE_OF.match(match["rest"])
    return side is not None and not match["rest"][side.end() :].strip(" ,.")


def locative(before: str, phrase: str) -> bool:
    """Is a place phrase put as a place, by a preposition of place in it or just before it ("in
    Gaza", "at talks in Doha")? "blamed Israel", "urged Russia", "Washington said" put a party."""
    head = phrase.lstrip()
    return bool(_LOCATIVE.search(before[-40:]) or _LOCATIVE_HEAD.match(head))


# A name that owns the next place ("Jammu and Kashmir's Kathua district", "Borno's Konduga").
_OWNER = re.compile(r"^(?:\s+and\s+[A-Z][\w-]+)?['’]s\s")
# A place name that names a unit ("the Kyiv 2 battalion", "the Azov regiment"): no place at all.
_UNIT = re.compile(r"^\s*(?:-?\d+\s+)?(?:battalion|brigade|regiment|division|corps|squadron|platoon)s?\b",
                   re.IGNORECASE)


def _elsewhere(before: str, after: str) -> bool:
    """A name the words around it make another place than the act's: a destination or an origin, a
    town near the scene, a government's seat, the dateline opening the text; or no place, a unit's
    name, a description of someone ("a Washington-based expert")."""
    if AWAY.search(before[-30:]) or _NEARBY.search(before[-40:]) or _SEAT.search(before[-40:]):
        return True
    if _SPOKEN_AT.search(before[-40:]):
        return True
    if reference_only(before):
        return True
    if _UNIT.match(after) or _DESCRIBES.match(after) or _SIDE_OF.match(after):
        return True
    return _dateline(before, after)


# The place in a local official's title ("Moulaye Guindo, the mayor of Bankass town, said"): the
# official's seat, not where the act was (a governor's region often holds the act: not listed).
_OFFICE = re.compile(
    r"\b(?:mayor|deputy mayor|prefect|sub-prefect|lawmaker|legislator|mp|senator|councillor|councilor|"
    r"member of parliament)\s+(?:of|for)\s+(?:the\s+)?(?:(?:town|city|commune|municipality|district|"
    r"constituency)\s+of\s+)?$",
    re.IGNORECASE,
)
# A far reference point ("more than 400 kilometres northeast of Bangui"): no place of the act.
_DISTANCE = re.compile(
    r"\b(?P<number>\d[\d,]*)\s*(?P<unit>" + DISTANCE_UNIT + r")\s+(?:\([^)]{1,20}\)\s+)?"
    r"(?:" + DIRECTION + r"\s+)?"
    r"(?:(?:of|from)\s+(?:the\s+)?(?:(?:town|city|capital)\s+(?:of\s+)?)?)?$",
    re.IGNORECASE,
)


def reference_only(before: str) -> bool:
    """A name the words before it make a title's seat or a far reference point, not the act's place."""
    return _OFFICE.search(before[-60:]) is not None or far_reference(before)


def far_reference(before: str) -> bool:
    """A name the words before it make a far reference point ("400 kilometres northeast of")."""
    distance = _DISTANCE.search(before[-80:])
    return distance is not None and far(distance["number"], distance["unit"])


# A place name that names a side or a person's origin, not a place: "Tehran-backed forces", "attacks on
# US troops", "a Vucitrn-born sergeant".
_SIDE_OF = re.compile(
    r"^(?:[-‐](?:backed|led|allied|aligned|funded|supported|sponsored|affiliated|linked|made|born|raised)\b"
    r"|\s+(?:troops|forces|soldiers|servicemen|marines|warplanes|jets|warships|aircraft|helicopters|drones|"
    r"officials|diplomats|citizens|nationals|personnel|contractors)\b"
    # "the Jammu and Kashmir Police": the first half of a force's name
    r"|\s+and\s+[A-Z][\w'’-]+\s+(?:police|army|rifles|constabulary|gendarmerie)\b)",
    re.IGNORECASE,
)
# A place that describes a source, not where anything happened: "a Washington-based expert", "the
# UK-based Syrian Observatory" (not "strikes on the Yemen-based Houthis": where the target is).
_DESCRIBES = re.compile(
    r"[-‐]\s?(?:based|born|headquartered|registered)\s+(?:[\w'’-]+\s+){0,3}?(?:expert|analyst|researcher|"
    r"scholar|academic|journalist|reporter|correspondent|monitor|observatory|think[- ]tank|ngo|charity|"
    r"consultancy|firm|company|institute|center|centre|watchdog|organi[sz]ation|group|outlet|newspaper|"
    r"broadcaster|agency|website|channel|network|union|foundation|committee|commission|council|body|bureau|"
    r"service|daily|magazine|radio|television|tv|portal)s?\b",
    re.IGNORECASE,
)


# Verbs whose subject, when a city, stands for its government: "Moscow said", "Washington will withdraw".
_GOVERNMENT_VERBS = frozenset(
    [
        "say",
        "tell",
        "announce",
        "deny",
        "accuse",
        "blame",
        "agree",
        "sign",
        "withdraw",
        "send",
        "deploy",
        "order",
        "demand",
        "urge",
        "warn",
        "claim",
        "insist",
        "reject",
        "vow",
        "threaten",
        "decide",
        "refuse",
        "condemn",
        "call",
        "respond",
        "retaliate",
        "sanction",
        "impose",
        "recognise",
        "recognize",
        # "Damascus denounced the Israeli attacks", "Tehran criticised the strikes"
        "denounce",
        "criticise",
        "criticize",
        "slam",
        "summon",
        "expel",
    ]
)


# Last words of an outlet's name.
_MEDIA = re.compile(
    r"\b(?:post|times|herald|tribune|journal|news|daily|gazette|independent|observer|guardian|telegraph|"
    r"chronicle|express|star|standard|mail|mirror|press|review|weekly|today|radio|tv|television|agency)$",
    re.IGNORECASE,
)


def _speaks(span: TextSpan, doc: Any) -> bool:
    """Is the name the active subject of a verb of speaking or deciding (a government by its seat)?"""
    if doc is None:
        return False
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or len(words) == 0:
        return False
    root = words.root
    if root.dep_ == "dobj" and root.head.lemma_.lower() in _ADDRESSING_VERBS:
        return True  # "Kyiv accused Moscow of shelling the plant": the government accused, not a place
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _GOVERNMENT_VERBS


# Verbs whose object is a party addressed or blamed ("accused Moscow", "urged Washington")
_ADDRESSING_VERBS = frozenset({
    "accuse", "blame", "condemn", "sanction", "urge", "warn", "threaten", "criticise", "criticize",
    "denounce", "press", "pressure",
})


def _dateline(before: str, after: str) -> bool:
    """A name opening its line as a dateline: a colon or a dash, then the story's first sentence
    ("Raipur: In the deadliest ambush ... ."), not a headline about the place ("Kharkiv: strike kills 3")."""
    match = _DATELINE_AFTER.match(after)
    bracketed = _BRACKETED_AFTER.match(after) if before.endswith("(") else None  # "(Beirut) Hezbollah said"
    if bracketed is not None and _DATELINE_BEFORE.search(before[-41:-1]):
        match = bracketed
    elif not _DATELINE_BEFORE.search(before[-40:]) or match is None:
        return False
    line = after[match.end() :].split("\n", 1)[0].rstrip()
    return len(line) >= 30 and line.endswith((".", "”", '"'))


def _rank(found: Location, kind: str) -> int:
    """How specific a place is for choosing among a sentence's places: its precision, except that a
    village or site the text names as one ("the village of X") and the gazetteer lacks is kept at
    precision 2 only because it has no entry; it is as specific as a town the gazetteer knows."""
    if kind in ("feature", "qualified") and found.geonames_id is None and found.precision == 2:
        return 1
    return found.precision


def _as_reference(found: Location, before: str) -> Location:
    """A place named as the town near the act ("the nearby town of Bankass") is at best near it."""
    if found.precision < 2 and _NEARBY.search(before[-40:]):
        return replace(found, precision=2)
    return found


# A name a "who" clause follows: a person ("Ibarra, who was driving").
_WHO_AFTER = re.compile(r"^\s*,\s*who\b")

def most_specific(
    mention: EventMention,
    doc: Any,
    gazetteer: Gazetteer,
    context: Sequence[str],
    is_actor: Callable[[str], bool] | None,
    bound: int,
    inside: Location | None = None,
    statement: bool = False,
) -> Location | None:
    """The most specific place the mention's sentence names, if its precision is below `bound`
    (2: a town or village itself; 3: a place near one too; 4: a province or country too), and if
    `inside` is given, only a place in its province; see the loop for ties. For a `statement`, a
    bare name counts only after a preposition of place: "blamed Israel", "urged
    Washington" name a party, "said in Gaza" a place."""
    sentence = mention.sentence
    best: tuple[int, int, Location] | None = None
    # The acting side's phrase names who acted ("Kenya Defence Forces"); the target's phrase often
    # names the place hit ("attacked Garissa University College"), so it is read.
    actors = [mention.actor1] if mention.actor1 is not None else []
    for span, kind in candidates(sentence.text, sentence.start, doc):
        if any(actor.start <= span.start and span.end <= actor.end for actor in actors):
            continue
        before = sentence.text[: span.start - sentence.start]
        if _REGION_AFTER.match(sentence.text[span.end - sentence.start :]):
            continue  # "in Russia's Bryansk region": the region the phrase gave, not the city Bryansk
        if _TIME_ZONE_AFTER.match(sentence.text[span.end - sentence.start :]):
            continue  # "at 14:00 Moscow time": an hour
        if _OUTLET_AFTER.match(sentence.text[span.end - sentence.start :]):
            continue  # "Al Quds Today reported": an outlet's name
        if _WHO_AFTER.match(sentence.text[span.end - sentence.start :]):
            continue  # "Ibarra, who was driving": someone
        if _elsewhere(before, sentence.text[span.end - sentence.start :]):
            continue  # "airlifted to Raipur", "the mayor of the nearby town of Bankass", a dateline
        if kind == "entity" and _speaks(span, doc):
            continue  # "Damascus denounced the Israeli attacks": a government by its seat, no place
        if statement and kind in ("entity", "org") and not locative(before, ""):
            continue
        found = _resolve(span.text, kind, gazetteer, context, is_actor)
        if found is not None and kind in ("entity", "org") and context and found.country not in context:
            continue  # a namesake abroad, or a foreign capital named in passing
        if found is None or _rank(found, kind) >= bound:
            continue  # a village the words call one and the gazetteer lacks is finer than a district
        if not statement and context and found.country != context[0] and _SAID_IN.search(before[-40:]):
            continue  # "said in New York that the militia had killed": the speaker's city abroad
        named_only = kind == "feature" and found.geonames_id is None and found.admin1 is None
        if inside is not None and named_only and inside.precision >= 2 and found.country == inside.country:
            # "a camp called Wunlam in Jonglei state", "the village of Lumumua, in the region of Macomia"
            found = replace(found, admin1=inside.admin1)
        if inside is not None and not _inside(found, inside):
            continue
        if inside is not None and _OWNER.match(sentence.text[span.end - sentence.start :]):
            continue  # "Jammu and Kashmir's Kathua district": the owner holds the area, it is no finer
        # the most specific wins; on a tie, a place the words call one ("the town of X") beats a
        # bare name, then the first in the sentence
        key = (_rank(found, kind), kind == "entity")
        if best is None or key < best[:2]:
            best = (*key, found)
    return best[2] if best is not None else None


def town_part(mention: EventMention, doc: Any, gazetteer: Gazetteer, context: Sequence[str],
              is_actor: Callable[[str], bool] | None) -> str | None:
    """The part of a town the sentence names and the gazetteer lacks ("in the mostly Shiite Shaab
    neighborhood", "the central Karada district"), to show inside the town the act is coded to; the
    words before the name that describe it (a faith, a people: "Shiite") are not part of it."""
    sentence = mention.sentence
    for match in (m for pattern in (_PART_OF, _NAME_PART) for m in pattern.finditer(sentence.text)):
        name = match.group("name")
        start, end = sentence.start + match.start("name"), sentence.start + match.end("name")
        chars = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
        if chars is not None and len(chars):
            tokens = list(chars)
            describes = [t.pos_ == "ADJ" or t.ent_type_ == "NORP" for t in tokens]
            if len(tokens) == 1 and describes[0]:
                continue  # "the Christian neighbourhood", "a Sunni district": no name
            kept = 0
            while kept < len(tokens) - 1 and describes[kept]:
                kept += 1
            name = chars[kept:].text
        if not name or (is_actor is not None and is_actor(name)):
            continue
        if gazetteer.resolve(name, context) is None and gazetteer.country_iso3(name) is None:
            return name
    return None


def _inside(found: Location, area: Location) -> bool:
    """A place in the same country and province as `area` (a place near a town, an area of it)."""
    if found.name == area.name or (found.geonames_id is not None and found.geonames_id == area.geonames_id):
        return False  # "Sukma district" is not refined to the town of Sukma
    return found.country == area.country and area.admin1 is not None and found.admin1 == area.admin1


def _resolve(
    text: str, kind: str, gazetteer: Gazetteer, context: Sequence[str], is_actor: Callable[[str], bool] | None
) -> Location | None:
    """The place a candidate names: a feature phrase ("the village of X") may name a place the
    gazetteer lacks, never a group; an organisation counts only when it starts with its place."""
    if kind in ("feature", "part"):
        if is_actor is not None and is_actor(text) and gazetteer.resolve(text, context) is None:
            return None  # "the Boko Haram camp": a group the gazetteer has no place for
        found = gazetteer.resolve_in_article(text, context, is_actor)
        if found is not None and context and found.country not in context and found.precision == 1:
            # "the town of Palma" in a report on Mozambique: a town the gazetteer lacks, not Palma in
            # Spain; the words say it is a town of the story
            return Location(found.text or text, None, context[0], None, None, None, 2, found.text or text)
        return found
    if kind == "qualified":  # "Makka, Kenya": only when the second name is a country or province
        name, _, container = text.partition(",")
        where = gazetteer.resolve(container.strip(), context)
        if (
            where is None
            or where.precision < 3
            or where.country not in context
            or (is_actor and is_actor(name))
        ):
            return None
        return gazetteer.resolve_in_article(text, context, is_actor)
    if kind == "org" and _MEDIA.search(text):
        return None  # "The Washington Post", "Kyiv Independent": an outlet, not a place
    found = gazetteer.resolve(text, context)
    if found is not None and kind == "org" and not (
        _starts_with(text, found.text or "") and gazetteer.knows_exactly(found.text or "", context)
    ):
        return None  # "Hasina's Awami League": a party led by a person, no town spelt near her name
    return found


def _starts_with(text: str, name: str) -> bool:
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(name) and " ".join(words).startswith(name)



def main_place(
    text: str,
    doc: Any,
    gazetteer: Gazetteer,
    context: Sequence[str],
    is_actor: Callable[[str], bool] | None,
    dateline: str | None = None,
    lead: int = 600,
) -> Location | None:
    """The article's main place: the most specific town, village or site (precision 1-2) its
    headline and lead name, in the article's countries; on a tie, the one the article names most
    often, then the first. The dateline's city is where the reporter files from, not the story's
    place. None when the lead names only countries or provinces."""
    window = text[:lead]
    best: tuple[int, int, int, Location] | None = None
    for order, (span, kind) in enumerate(candidates(window, 0, doc)):
        if dateline and span.text.casefold() == dateline.casefold():
            continue
        before = window[: span.start]
        if AWAY.search(before[-30:]) or _SEAT.search(before[-40:]) or _SPOKEN_AT.search(before[-40:]):
            continue
        if far_reference(before):
            continue  # "550 km southeast of the capital Lima": not the story's place
        if _BYLINE_CITY.search(before[-60:]) and _BYLINE_END.match(text[span.end :]):
            continue  # "by Saharareporters, New York Apr 07, 2022": the outlet's city
        if _dateline(before, text[span.end :]):
            continue
        if _REGION_AFTER.match(text[span.end :]):
            continue  # "in Russia's Bryansk region" names the region, not its capital
        if _SIDE_OF.match(text[span.end :]):
            continue  # "Tehran-backed militias", "US troops": a side, not the story's place
        if _TIME_ZONE_AFTER.match(text[span.end :]):
            continue  # "at 14:00 Moscow time": an hour, not the story's place
        if _OUTLET_AFTER.match(text[span.end :]):
            continue  # "Al Quds Today reported", "the Kyiv Independent said": an outlet's name
        if _WHO_AFTER.match(text[span.end :]):
            continue  # "Ibarra, who was driving, was shot": someone, whatever town shares the name
        if kind in ("entity", "org") and _speaks(span, doc):
            continue  # "Washington will withdraw its troops": a government, not the story's place
        found = _resolve(span.text, kind, gazetteer, context, is_actor)
        if found is None or found.precision > 2 or (context and found.country not in context):
            continue
        found = _as_reference(found, window[: span.start])
        named = text.count(found.text or found.name)
        key = (_rank(found, kind), -named, order, found)
        if best is None or key[:3] < best[:3]:
            best = key
    return best[3] if best is not None else None
