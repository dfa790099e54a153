"""A page's date stamp: some page openings start with "date 2025-04-13" before the dateline or the
story, or print the page's date alone on a line or glued to the lead. It is the page's publication
day, never words of the story."""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date

PAGE_STAMP = re.compile(r"\s*date\s+(?P<day>\d{4}-\d\d-\d\d)\s+")


def stamp_date(text: str) -> date | None:
    """The day a stamp opening the text gives ("date 2025-04-13 ..."), or a page's own date near its
    top: glued to the lead ("April 12, 2025Sudanese forces ...") or alone on a line ("April 9, 2025");
    None when there is none."""
    match = PAGE_STAMP.match(text)
    if match is not None:
        with suppress(ValueError):
            return date.fromisoformat(match["day"])
        return None
    head = text[:_DATELINE_REACH]
    numeric = _NUMERIC_DATE_LINE.search(head)
    if numeric is not None:  # "Published: 2019/10/22 21:33:41", "22.11.2019"
        with suppress(ValueError):
            if numeric["year"] is not None:
                return date(int(numeric["year"]), int(numeric["month"]), int(numeric["day"]))
            return date(int(numeric["year2"]), int(numeric["month2"]), int(numeric["day2"]))
        return None
    found = _GLUED_DATE.search(head) or _DATE_LINE.search(head)
    if found is None:
        return None
    # imported here: the resolve package imports the parser, which imports this module
    from sitrep.resolve.dates import resolve_date

    groups = found.groupdict()
    written = groups.get("day") or groups.get("plain") or found.group(0).strip()
    day, precision = resolve_date(written, None)
    return date.fromisoformat(day) if day is not None and precision == "day" else None


# A page's date glued to the line after it, with no space: "April 12, 2025Sudanese paramilitary
# forces attacked ...", "12 April 2025The army said ..." (a sidebar stamp the extraction ran into the lead)
_WRITTEN_DAY = (
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4})"
)
_GLUED_DATE = re.compile(rf"(?m)^[ \t]*{_WRITTEN_DAY}(?=[A-Z][a-z])")


# A dateline with its day and no dash, opening a line of the story's head: "Khartoum, Oct 7 At least
# seven people were killed ..." (the parser would read the day into the first sentence)
_DAY_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2},\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?(?=\s+[A-Z])"
)
_DATELINE_REACH = 600  # characters: a dateline opens the story
# A page's date alone on a line near the top: "April 9, 2025", "9 April 2025", "Sat, 21 Sep 2019 12:22:37
# +0200"; or closing a byline line: "in World by November 16, 2019", "Staff | April 9, 2025"
# (a weekday's date with no clock, "Monday, July 8, 2024", is a site's date bar: the day it was read)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+"
_CLOCK = r",?\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:[+-]\d{4}|GMT|UTC|[A-Z]{2,4}))?"
_DATE_LINE = re.compile(
    rf"(?m)^[ \t]*(?:[^\n.!?]{{0,60}}?(?:\bby|\||·|•)[ \t]+)?"
    rf"(?:{_WEEKDAY}(?P<day>{_WRITTEN_DAY}){_CLOCK}|(?P<plain>{_WRITTEN_DAY})(?:{_CLOCK})?)[ \t]*$"
)
# A page's date in figures near the top: labelled "Published: 2019/10/22 21:33:41", or day.month.year
# on a line of its own words ("22.11.2019", never a sentence's "4.5 million")
_NUMERIC_DATE_LINE = re.compile(
    r"(?mi)^[^\n]{0,40}?\b(?:published|posted|updated|date)\s*:?\s*"
    r"(?P<year>(?:19|20)\d\d)[/-](?P<month>\d{1,2})[/-](?P<day>\d{1,2})\b"
    r"|^[^\n.!?]{0,12}?\b(?P<day2>\d{1,2})\.(?P<month2>\d{1,2})\.(?P<year2>(?:19|20)\d\d)\b[^\n.!?]{0,20}$"
)


def without_stamp(text: str) -> str:
    """The text with a stamp opening it blanked to spaces: the same length, so every offset holds,
    and the parser never reads "date 2025-04-13" as words of the first sentence. A date glued to the
    start of a line's story ("April 12, 2025Sudanese forces attacked ... on Friday") is blanked too:
    it is the page's, not the act's; so is a dateline with its day and no dash near the top ("Khartoum,
    Oct 7 At least seven people ..."), whose city the scene still reads from the text itself."""
    match = PAGE_STAMP.match(text)
    if match is not None:
        text = " " * match.end() + text[match.end() :]
    text = _GLUED_DATE.sub(lambda m: " " * len(m.group(0)), text)
    head = _DAY_DATELINE.sub(lambda m: " " * len(m.group(0)), text[:_DATELINE_REACH])
    return head + text[_DATELINE_REACH:]
