"""Turn recognised notices into metadata: byline, republished_from, source_url, wire dateline.

Corroboration needs these: two outlets carrying one wire story, or a blog republishing another
outlet "with permission", are one source, not two. The notices are removed from the text by the
boilerplate rules; this module reads what they say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_NAME_WORD = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"^(?:[Bb]y|BY|[Ww]ritten by)\s+(?P<names>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
    rf"(?:\s*(?:,|\band\b|&)\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})*)\s*$"
)
_WIRE_REPORTING = re.compile(r"^\(?(?:[Rr]eporting|[Ww]riting) by (?P<names>[^;)]+)")
_PERSON = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}$")
_REPUBLISHED_NAMED = re.compile(
    r"(?:republished|reprinted|reproduced|cross-?posted)\s+(?:here\s+)?"
    r"(?:with\s+(?:the\s+)?(?:kind\s+)?permission(?:\s+(?:from|of|by))?|from|courtesy\s+of)"
    r"\s*(?:[:/|—–-]\s*)?(?P<name>[^/|\n]{2,80})?",
    re.IGNORECASE,
)
_ORIGINALLY_PUBLISHED = re.compile(
    r"(?:originally|first)\s+(?:published|appeared|posted|ran)\s+(?:by|in|on|at)\s+(?P<name>[^/|\n]{2,80})",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^(?:from|source|via|read (?:the )?(?:original|full) (?:article|story)(?: at| here)?"
    r"|original(?:ly published)? (?:at|here|article)|this article (?:was )?(?:originally )?"
    r"(?:published|appeared) (?:at|on))\s*:?\s*<?(?P<url>https?://[^\s>]+)>?\s*$",
    re.IGNORECASE,
)
# "BEIRUT (Reuters) -", "KYIV, Ukraine, March 3 (AP) —", "Niamey, 22 March 2025 (dpa) -" (the day is
# not part of the place), "(ANTIWAR.COM) —", "ADEN, Yemen —",
# "DAVAO CITY (Outlet/03 February) —".
_DATELINE_AGENCY = re.compile(
    r"^(?:(?P<place>[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30}){0,2}?)"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?\s*)?"
    r"\((?P<agency>[A-Za-z][\w .&'’-]{0,40})(?P<dated>/[\w .]{1,20})?\)\.?\s*[-–—]+\s*"
)
# A rights group's dateline: "(Bangkok) - The Myanmar military attacked ..." (a city in brackets, a dash).
_DATELINE_BRACKETED = re.compile(
    r"^\((?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\)\s*[-–—]+\s+(?=[A-Z“\"‘'])"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
# An outlet's own dated dateline: "Bamako (Mali), January 25:", "Dhaka [Bangladesh], August 5:",
# "Goma, DR Congo, March 3 -" (a town, its country in brackets or after a comma, the day, then a
# colon or a dash).
_DATELINE_DATED = re.compile(
    r"^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|On\b|Updated\b|Published\b)"
    r"(?P<town>[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,2})"
    r"(?:\s*[(\[](?P<bracketed>[A-Z][A-Za-z .'’-]{2,30})[)\]]"
    r"|,\s*(?P<country>[A-Z][A-Za-z'’.]+(?:\s+[A-Z][A-Za-z'’.]+){0,2}))?"
    r",\s*" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?\s*(?::|[-–—]+)\s+(?=[A-Z“\"‘'])"
)
_DATELINE_PLACE = re.compile(
    r"^(?P<place>[A-Z]{3,}(?:[ '’-][A-Z]{2,}){0,3}(?:/[A-Z]{3,}(?:[ '’-][A-Z]{2,}){0,3}){0,2}"
    r"(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})?)"
    # its day, the month in capitals too: "ROME, SEPTEMBER 21 -"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]{0,6})\.?\s+\d{1,2})?"
    r"\s+[-–—]+\s+(?=[A-Z“\"‘'])"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    end: int  # offset just past the dash and spaces, relative to the line
    place: str | None
    agency: str | None


def outlet_name(raw: str) -> str | None:
    """'ANTIWAR.COM' -> 'Antiwar.com', 'THE CONVERSATION' -> 'The Conversation'."""
    name = raw.strip().strip(".,;:—–-()[]\"'“”").strip()
    name = re.sub(r"^(?:the\s+)?(?:website|site|outlet)\s+", "", name, flags=re.IGNORECASE)
    if not name or len(name) > 60 or re.match(r"(?i)https?\b|www\.", name):
        return None
    if name.isupper() and "." in name:
        return name.capitalize()
    if name.isupper() and len(name) > 4:
        return name.title()
    return name


def _tidy_names(names: str) -> str:
    names = re.sub(r"\s+", " ", names).strip(" ,")
    names = re.sub(r"\s+in\s+[A-Z][\w ]*$", "", names)  # "Khalid Abdelaziz in Port Sudan"
    if names.isupper():
        names = names.title()
    return names


def parse_byline(piece: str, wires: frozenset[str], next_piece: str | None = None) -> str | None:
    """'By Jason Ditz' -> 'Jason Ditz'; a name, then a wire: 'Jason Ditz / Reuters' is kept whole."""
    piece = piece.strip()
    match = _BYLINE.match(piece)
    if match:
        names = match.group("names")
        # "By Ahmed Saleh, Associated Press": a trailing wire name is the agency, not an author.
        parts = [p.strip() for p in re.split(r"\s*,\s*", names)]
        if len(parts) > 1 and parts[-1].lower() in wires:
            return f"{_tidy_names(', '.join(parts[:-1]))} / {parts[-1]}"
        return _tidy_names(names)
    match = _WIRE_REPORTING.match(piece)
    if match:
        return _tidy_names(match.group("names"))
    before_notice = next_piece is not None and re.match(r"(?i)republished|reprinted", next_piece.strip())
    if before_notice and person_name(piece):
        return piece.strip()
    if next_piece is not None and next_piece.strip().lower() in wires and _PERSON.match(piece):
        return f"{piece} / {next_piece.strip()}"
    return None


def person_name(piece: str) -> bool:
    """Two to four capitalised words and nothing else: 'Leila Haddad'."""
    return bool(_PERSON.match(piece.strip()))


def parse_republished(line: str) -> tuple[str | None, str | None]:
    """The outlet a republication notice names, and the URL it gives (either may be None)."""
    url_match = _URL.search(line)
    url = url_match.group(0).rstrip(".,;") if url_match else None
    for pattern in (_REPUBLISHED_NAMED, _ORIGINALLY_PUBLISHED):
        for match in pattern.finditer(line):
            raw = match.group("name") or ""
            raw = re.split(r"\s+(?:and|under|with|on \w+day|in \w+ \d)\b|[.;(]\s|\.$", raw)[0]
            name = outlet_name(raw)
            if name:
                return name, url
    return None, url


def parse_source_url(piece: str) -> str | None:
    match = _SOURCE_LINE.match(piece.strip())
    return match.group("url").rstrip(".,;") if match else None


def match_dateline(line: str, wires: frozenset[str]) -> Dateline | None:
    """A wire or outlet dateline at the start of the first paragraph."""
    match = _DATELINE_AGENCY.match(line)
    if match:
        agency = match.group("agency").strip()
        place = (match.group("place") or "").strip(" ,") or None
        # "(Reuters)", "(AP)", or an outlet written like a domain: "(ANTIWAR.COM)".
        # "(efe-epa)": two agencies, one of them a wire
        parts = re.split(r"[-/ ]+", agency.lower())
        # "(MindaNews/03 February)": an outlet's name with the day, as only an outlet writes it
        outlet = "." in agency or agency.isupper() or match.group("dated") is not None
        if agency.lower() in wires or any(p in wires for p in parts) or outlet:
            return Dateline(match.end(), place, agency)
    match = _DATELINE_PLACE.match(line) or _DATELINE_BRACKETED.match(line)
    if match:
        # "WASHINGTON/MOGADISHU —": reporters in several cities, none of them the story's place told
        place = match.group("place")
        return Dateline(match.end(), None if "/" in place else place, None)
    match = _DATELINE_DATED.match(line)
    if match:
        country = match.group("bracketed") or match.group("country")
        town = match.group("town")
        return Dateline(match.end(), f"{town}, {country}" if country else town, None)
    return None
