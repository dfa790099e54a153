"""Time expressions to dates, resolved against the article's publication date.

News reports events that already happened, so an unqualified weekday or month-day means the most
recent one on or before publication ("on Thursday" in a Friday paper is yesterday; in a Thursday
paper it is today). dateparser gets that wrong in both of its modes ('current_period' puts "in
March" in the future, 'past' puts "on Friday" a week back when published on a Friday), so weekdays,
month-days, months and the vague phrases of data/vague_dates.toml are handled by fast rules here,
and dateparser is only the fallback for what the rules do not know ("a fortnight ago", "12/03/2024").

Precision and what the date string means:
  day    "YYYY-MM-DD", the day itself.
  week   "YYYY-MM-DD", the FIRST day of a seven-day window ("last week" is the Monday of the previous
         week; "in recent days" is publication day minus six). A start date lets a user rebuild the
         window as [date, date + 6 days], keeps the date from ever lying after publication for
         past-tense phrases, and sorts before every event that could be meant.
  month  "YYYY-MM".
Anything vaguer (a year, "recently", "earlier this year") is (None, None): the resolve stage
decides on a fallback; this module never guesses. Future phrases ("next week", "tomorrow", or any
phrase with tense_past=False) are resolved forwards and kept: they are rarely event dates (planned
talks, announced deadlines), and the caller knows the tense, so it decides what to keep.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

Precision = Literal["day", "week", "month"]
Resolved = tuple[str | None, Precision | None]

NOTHING: Resolved = (None, None)
# A year-less "February 27" up to this many days after publication still means this year's:
# time zones and late-evening filing put publication a day or two before the event date.
FUTURE_TOLERANCE_DAYS = 2

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
# No "mon", "wed", "sat" or "sun": they are ordinary English words far more often than weekdays.
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}  # fmt: skip
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# "twenty-two", "thirty one": read whole, never as the "two" it ends with
COUNT_WORDS = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_COMPOUND = r"(?:" + "|".join(TENS) + r")(?:[- ](?:" + _ONES + r"))?"

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

ISO_DAY = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b")
ISO_MONTH = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)\b")
DAY_MONTH = re.compile(rf"\b{_DAY} (?:of )?{_MONTH}\b(?: {_YEAR}\b)?")
MONTH_DAY = re.compile(rf"\b{_MONTH} {_DAY}\b(?: (?:of )?{_YEAR}\b)?")  # "March 16 of 1968" too
MONTH_YEAR = re.compile(rf"\b{_MONTH} (?:of )?{_YEAR}\b")
# A month with its year told relative to publication: "in February this year", "November last year".
MONTH_RELATIVE_YEAR = re.compile(rf"\b{_MONTH} (?:of )?(?P<which>this|last|next) year\b")
# A bare month needs a preposition or position word, so the verb "may" is never read as May.
MONTH_ALONE = re.compile(
    r"(?:\b(?:in|since|during|until|through|by|last|this|earlier in|end of|beginning of|start of|"
    rf"middle of) |\b(?:early|mid|late)[- ]?){_MONTH}$|^(?!may$){_MONTH.replace('?P<month>', '?P<bare>')}$"
)
WEEKDAY = re.compile(
    rf"(?:\b(?P<qualifier>last|this|past|next|previous|coming|into|to) )?{_WEEKDAY}\b"
    r"(?: (?P<week>last week|this week|next week|of last week|of this week|of next week))?"
)
AGO = re.compile(r"\b(?P<count>" + _COMPOUND + "|" + COUNT_WORDS + r") (?P<unit>day|week|month|year)s? ago\b")
# Words that narrow a day to part of it; they never change which day is meant.
TIME_OF_DAY = re.compile(
    r"\b(?:at|around|about|shortly after|shortly before|after|before|by|until)? ?\d{1,2}(?::\d\d)? ?"
    r"(?:am|pm|gmt|utc|local time)\b|\blocal time\b"
    # a 24-hour clock ("by 19:30", "at 14.30 hrs"), never a day and a year
    r"|\b(?:at|around|about|shortly after|shortly before|after|before|by|until)? ?"
    r"(?<![\d./-])(?<!on )(?:[01]?\d|2[0-3])[:.h][0-5]\d(?![./-]?\d)(?: ?(?:hrs|hours|h)\b)?"
)
TEMPORAL_HINT = re.compile(
    r"\d|\b(?:ago|day|week|month|fortnight|yesterday|today|tomorrow|night|morning|evening)s?\b|"
    + _MONTH.replace("?P<month>", "?:")
    + "|"
    + _WEEKDAY.replace("?P<weekday>", "?:")
)


@dataclass(frozen=True, slots=True)
class VagueRule:
    """One entry of data/vague_dates.toml: phrases and the window they denote."""

    name: str
    patterns: tuple[re.Pattern[str], ...]
    window: str
    offset: int = 0
    days: int = 7


def load_vague_rules() -> tuple[VagueRule, ...]:
    """Read the vague-phrase rules, in priority order, from the packaged TOML file."""
    raw = resources.files("sitrep").joinpath("data", "vague_dates.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    return tuple(
        VagueRule(
            name=entry["name"],
            patterns=tuple(re.compile(p) for p in entry["patterns"]),
            window=entry["window"],
            offset=int(entry.get("offset", 0)),
            days=int(entry.get("days", 7)),
        )
        for entry in data["rule"]
    )


VAGUE_RULES = load_vague_rules()


def resolve_date(expression: str | None, published: date | None, *, tense_past: bool = True) -> Resolved:
    """Resolve a time expression to (date string, precision), or (None, None) when it names no date.

    `tense_past` says whether the sentence reports something done (the usual case: weekdays and
    year-less dates go backwards from publication) or something planned (they go forwards).
    """
    if not expression:
        return NOTHING
    return _resolve_cached(normalise(expression), published, tense_past)


def in_undated_article(expression: str | None, year: int | None) -> Resolved:
    """A year-less day ("on March 24", "June 4") in an article with no publication date: in `year`, the
    latest year the article names (it was written no earlier), when it names one; nothing otherwise.
    Weekdays and relative phrases stay unresolved: they need the day of writing."""
    if not expression or year is None:
        return NOTHING
    normal = normalise(expression)
    day = DAY_MONTH.search(normal) or MONTH_DAY.search(normal)
    if day is None:
        return NOTHING
    weekday = WEEKDAY.search(normal)
    if weekday is not None and not day["year"] and 1 <= int(day["day"]) <= 31:
        # "Tuesday, September 17": the first year from `year` on whose September 17 is a Tuesday
        years = range(year, min(year + 7, date.today().year + 1))
        fitting = _weekday_fits(MONTHS[day["month"]], int(day["day"]), WEEKDAYS[weekday["weekday"]], years)
        if fitting is not None:
            return fitting.isoformat(), "day"
    return resolve_date(expression, date(year, 12, 31))


def _weekday_fits(
    month: int, day: int, weekday: int, years: Iterable[int], limit: date | None = None
) -> date | None:
    """The first of `years` whose `month`/`day` falls on `weekday` (and on or before `limit`)."""
    for year in years:
        with suppress(ValueError):
            candidate = date(year, month, day)
            if (limit is None or candidate <= limit) and candidate.weekday() == weekday:
                return candidate
    return None


def normalise(expression: str) -> str:
    """Lower case, no punctuation except '-' and '/', single spaces, times of day removed."""
    text = expression.lower().replace("\u2019", "'")
    text = text.replace("a.m.", "am").replace("p.m.", "pm")
    text = TIME_OF_DAY.sub(" ", text)
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"[^\w\s/-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=8192)
def _resolve_cached(text: str, published: date | None, tense_past: bool) -> Resolved:
    if not text:
        return NOTHING
    for rule in (_this_day_in, _explicit_date, _weekday, _ago, _vague, _dateparser_fallback):
        result = rule(text, published, tense_past)
        if result is not None:
            return result
    return NOTHING


THIS_DAY_IN = re.compile(rf"\bthis (?:day|date) in {_YEAR}\b")


def _this_day_in(text: str, published: date | None, tense_past: bool) -> Resolved | None:
    """ "On this day in 2019" (an anniversary piece): the publication's day and month in that year."""
    match = THIS_DAY_IN.search(text)
    if match is None:
        return None
    if published is None:
        return NOTHING
    return _day_or_nothing(int(match["year"]), published.month, published.day)


def _explicit_date(text: str, published: date | None, tense_past: bool) -> Resolved | None:
    """ISO dates, "3 March 2024", "March 3rd", "in March", "March 2024"."""
    if match := ISO_DAY.search(text):
        return _day_or_nothing(int(match["year"]), int(match["month"]), int(match["day"]))
    for pattern in (DAY_MONTH, MONTH_DAY):
        match = pattern.search(text)
        if match and 1 <= int(match["day"]) <= 31:
            month, day = MONTHS[match["month"]], int(match["day"])
            if match["year"]:
                return _day_or_nothing(int(match["year"]), month, day)
            if published is None:
                return NOTHING
            return _day_or_nothing(_year_for_month_day(month, day, published, tense_past), month, day)
    if match := MONTH_YEAR.search(text):
        return f"{int(match['year']):04d}-{MONTHS[match['month']]:02d}", "month"
    if published is not None and (match := MONTH_RELATIVE_YEAR.search(text)):
        year = published.year + {"this": 0, "last": -1, "next": 1}[match["which"]]
        return f"{year:04d}-{MONTHS[match['month']]:02d}", "month"
    match = ISO_MONTH.search(text)
    if match and 1 <= int(match["month"]) <= 12:
        return f"{match['year']}-{int(match['month']):02d}", "month"
    if match := MONTH_ALONE.search(text):
        if published is None:
            return NOTHING
        month = MONTHS[match["month"] or match["bare"]]
        year = published.year
        # "last March" said in March is a year ago
        this_month_last_year = month == published.month and re.search(r"\blast \w+$", text) is not None
        if tense_past and (month > published.month or this_month_last_year) and "next" not in text:
            year -= 1
        elif not tense_past and month < published.month:
            year += 1
        return f"{year:04d}-{month:02d}", "month"
    return None


def _year_for_month_day(month: int, day: int, published: date, tense_past: bool) -> int:
    """The year that puts a year-less day nearest publication on the side the tense points to."""
    day = min(day, calendar.monthrange(published.year, month)[1])
    candidate = date(published.year, month, day)
    tolerance = timedelta(days=FUTURE_TOLERANCE_DAYS)
    if tense_past and candidate > published + tolerance:
        return published.year - 1
    if not tense_past and candidate < published - tolerance:
        return published.year + 1
    return published.year


def _weekday(text: str, published: date | None, tense_past: bool) -> Resolved | None:
    """ "on Thursday", "last Friday", "Tuesday of last week", "overnight into Saturday"."""
    match = WEEKDAY.search(text)
    if match is None:
        return None
    if published is None:
        return NOTHING
    target = WEEKDAYS[match["weekday"]]
    qualifier, week = match["qualifier"], match["week"]
    if week:
        monday = published - timedelta(days=published.weekday())
        shift = -7 if "last" in week else 7 if "next" in week else 0
        return (monday + timedelta(days=shift + target)).isoformat(), "day"
    back = (published.weekday() - target) % 7  # days back to the most recent such weekday
    if qualifier in ("next", "coming") or (not tense_past and qualifier not in ("last", "past", "previous")):
        forward = (target - published.weekday()) % 7
        if qualifier in ("next", "coming") and forward == 0:
            forward = 7
        resolved = published + timedelta(days=forward)
    else:
        if qualifier in ("last", "past", "previous") and back == 0:
            back = 7
        resolved = published - timedelta(days=back)
    if qualifier in ("into", "to") and ("overnight" in text or "night" in text):
        resolved -= timedelta(days=1)  # the night into Saturday began on Friday
    return resolved.isoformat(), "day"


def _ago(text: str, published: date | None, tense_past: bool) -> Resolved | None:
    """ "three days ago", "2 weeks ago", "a month ago", "two years ago"."""
    match = AGO.search(text)
    if match is None:
        return None
    if published is None:
        return NOTHING
    count = count_of(match["count"])
    unit = match["unit"]
    if unit == "day":
        return (published - timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        return (published - timedelta(weeks=count, days=3)).isoformat(), "week"
    if unit == "year":  # "two years ago": the month of publication that many years before
        return _month_offset(published, -12 * count), "month"
    return _month_offset(published, -count), "month"


def count_of(words: str) -> int:
    """ "22", "three", "twenty-two", "thirty one"."""
    if words.isdigit():
        return int(words)
    words = words.lower()
    tens, _, ones = words.replace("-", " ").partition(" ")
    if tens in TENS:
        return TENS[tens] + (NUMBER_WORDS.get(ones, 0) if ones else 0)
    return NUMBER_WORDS[words]


def _vague(text: str, published: date | None, tense_past: bool) -> Resolved | None:
    """The phrases of data/vague_dates.toml; the first rule with a matching pattern wins."""
    for rule in VAGUE_RULES:
        if any(pattern.search(text) for pattern in rule.patterns):
            return NOTHING if published is None else window_start(rule, published)
    return None


def window_start(rule: VagueRule, published: date) -> Resolved:
    """The date and precision of a vague rule's window (see the header of vague_dates.toml)."""
    monday = published - timedelta(days=published.weekday())
    if rule.window == "day":
        return (published + timedelta(days=rule.offset)).isoformat(), "day"
    if rule.window == "trailing_days":
        return (published - timedelta(days=rule.days - 1)).isoformat(), "week"
    if rule.window == "week":
        return (monday + timedelta(weeks=rule.offset)).isoformat(), "week"
    if rule.window == "weekend":
        return (monday + timedelta(weeks=rule.offset, days=5)).isoformat(), "week"
    if rule.window == "recent_weekend":
        weeks = 0 if published.weekday() >= 5 else -1
        return (monday + timedelta(weeks=weeks, days=5)).isoformat(), "week"
    if rule.window == "month":
        return _month_offset(published, rule.offset), "month"
    if rule.window == "trailing_month":
        return (published - timedelta(days=15)).strftime("%Y-%m"), "month"
    raise ValueError(f"vague_dates.toml rule {rule.name!r} has an unknown window {rule.window!r}")


def _dateparser_fallback(text: str, published: date | None, tense_past: bool) -> Resolved | None:
    """dateparser for whatever the rules do not cover; only for text that looks temporal at all."""
    if not TEMPORAL_HINT.search(text) or text == "may":  # alone, "may" is the verb
        return NOTHING
    if YEAR_RANGE.search(text) or DECADE.search(text):
        return NOTHING  # "(2008-13)", "the 1990s": years, never a day of the publication's month
    if published is None and not re.search(_YEAR, text):
        return NOTHING  # a relative phrase with nothing to count from: dateparser would count from today
    base = datetime.combine(published, time(12)) if published else None
    parsed = _date_parser(base, tense_past).get_date_data(text)
    if parsed.date_obj is None:
        return NOTHING
    day = parsed.date_obj.date()
    if parsed.period in ("day", "time"):
        return day.isoformat(), "day"
    if parsed.period == "week":
        return (day - timedelta(days=day.weekday())).isoformat(), "week"
    if parsed.period == "month" and re.search(_MONTH + r"|month|\d{4}", text):
        return day.strftime("%Y-%m"), "month"
    return NOTHING


# A decade: "the 1990s", a span of years, never a day
DECADE = re.compile(r"\b(?:19|20)\d0s\b")
# A span of years written short: "2008-13", "2015-18" (the second number no month)
YEAR_RANGE = re.compile(r"\b(?:19|20)\d\d-(?:1[3-9]|[2-9]\d)\b")


@lru_cache(maxsize=64)
def _date_parser(base: datetime | None, tense_past: bool) -> DateDataParser:
    from dateparser.date import DateDataParser  # slow import, only when a rule misses

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past" if tense_past else "future",
        "RETURN_TIME_AS_PERIOD": True,
        "STRICT_PARSING": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def _a_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_or_nothing(year: int, month: int, day: int) -> Resolved:
    found = _a_date(year, month, day)
    return (found.isoformat(), "day") if found is not None else NOTHING


def _month_offset(published: date, offset: int) -> str:
    index = published.year * 12 + published.month - 1 + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


# Words that only say which part of a day: "shortly after dawn", "at around 3 a.m.", "in the evening".
_PART_OF_DAY_WORDS = frozenset(
    [
        "morning",
        "afternoon",
        "evening",
        "night",
        "dawn",
        "dusk",
        "daybreak",
        "sunrise",
        "sunset",
        "noon",
        "midday",
        "midnight",
        "nightfall",
        "early",
        "late",
        "shortly",
        "just",
        "after",
        "before",
        "around",
        "about",
        "at",
        "in",
        "on",
        "by",
        "the",
        "of",
        "hours",
        "hour",
        "until",
        "during",
        "prayers",
        "prayer",
    ]
)


def is_part_of_day(expression: str | None) -> bool:
    """True for a time phrase that names only part of some day ("shortly before noon", "6 a.m."):
    it dates nothing by itself, so the day is the one the story already stated."""
    if not expression:
        return False
    words = normalise(expression).split()
    return not words or all(word in _PART_OF_DAY_WORDS for word in words)


# "Wednesday, November 2", "Friday, 26 March": a weekday and a year-less day, which together pin the year.
_WEEKDAY_DAY = re.compile(
    rf"\b{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:(?:{_DAY}\s+{_MONTH})|"
    rf"(?:{_MONTH.replace('?P<month>', '?P<month2>')}\s+{_DAY.replace('?P<day>', '?P<day2>')}))\b"
)
# "Thursday, 01/05/2023": a weekday before a day written in figures; the weekday says which figure is
# the month
_WEEKDAY_FIGURES = re.compile(
    rf"\b{_WEEKDAY},?\s+(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<year>(?:19|20)\d\d)\b"
)
# "since the events of 7 October 2023": a day counted from, long before the article's own
_SINCE = re.compile(r"\bsince\b[^.;:]{0,30}$")
_DEADLINE = re.compile(r"\b(?:until|till|by|before|through|deadline of|expires?|extended to)\s+(?:the\s+)?$")


# "(It was) established on April 20, 2004", "founded in June 1998": a history's day, not the page's
_FOUNDED = re.compile(
    r"\b(?:established|founded|built|created|set\s+up|inaugurated|opened|born|formed)\s+(?:on\s+|in\s+)?$"
)
# "Published in Dawn, July 12th, 2024", "Published on 3 May 2023": the page says when it was published
# (read in the text without its commas)
_PUBLISHED = re.compile(r"\bpublished\s+(?:in\s+[^\n]{2,40}?\s+|on\s+|:\s*)$")
# "10/19/2024 12:02:36 PM": a syndicator's stamp, month first before a 12-hour clock
_US_STAMP = re.compile(
    r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\s+\d{1,2}:\d\d(?::\d\d)?\s*[ap]\.?m\b"
)


def reference_date(text: str, today: date | None = None) -> date | None:
    """The article's own time frame when it carries no publication date: the latest day its text
    states in full ("26 March 2021", "Jan 27, 2019") or pins by its weekday ("Wednesday, November
    2" is 2022's, the latest such year up to `today`). A weekday or "yesterday" in the text is
    counted from it. Days the text gives as deadlines ("until May 31, 2019"), counts from ("since
    the events of 7 October 2023") or as a history ("established on April 20, 2004") are not its
    frame; a day the page says it was published on ("Published in Dawn, July 12th, 2024") is, before
    any later one; a syndicator's stamp ("10/19/2024 12:02:36 PM") is a day stated in full.
    None when the text states no such day: a year named in passing dates nothing."""
    lowered = text.lower().replace(",", "")
    published: list[tuple[int, date]] = []
    days: list[date] = []
    for pattern in (DAY_MONTH, MONTH_DAY):
        for match in pattern.finditer(lowered):
            before = lowered[max(0, match.start() - 40) : match.start()]
            deadline = _DEADLINE.search(before[-20:])
            if not match["year"] or not 1 <= int(match["day"]) <= 31 or deadline or _SINCE.search(before):
                continue
            if _FOUNDED.search(before):
                continue  # "the camp was established on April 20, 2004": its history
            found = _day_or_nothing(int(match["year"]), MONTHS[match["month"]], int(match["day"]))[0]
            if found:
                days.append(date.fromisoformat(found))
                if _PUBLISHED.search(lowered[max(0, match.start() - 60) : match.start()]):
                    published.append((match.start(), days[-1]))
    if published:
        return min(published)[1]  # the page's own "Published in Dawn, July 12th, 2024" line, not a
        # related story's later "Updated 11 Dec, 2024"
    for stamp in _US_STAMP.finditer(lowered):
        stamped = _a_date(int(stamp["year"]), int(stamp["month"]), int(stamp["day"]))
        if stamped is not None:
            days.append(stamped)
    for figures in _WEEKDAY_FIGURES.finditer(lowered):
        first, second, year = int(figures["a"]), int(figures["b"]), int(figures["year"])
        weekday = WEEKDAYS[figures["weekday"]]
        candidates = (_a_date(year, first, second), _a_date(year, second, first))
        named = next((d for d in candidates if d is not None and d.weekday() == weekday), None)
        if named is not None:
            days.append(named)
    limit = today or date.today()
    for match in _WEEKDAY_DAY.finditer(lowered):
        if re.match(r"\s*(?:of\s+)?(?:19|20)\d\d\b", lowered[match.end() :]):
            continue  # "Friday, April 8, 2016": the year is stated, counted above
        month = MONTHS[match["month"] or match["month2"]]
        day = int(match["day"] or match["day2"])
        back = range(limit.year, limit.year - 30, -1)  # the latest such year up to `limit`
        fitting = _weekday_fits(month, day, WEEKDAYS[match["weekday"]], back, limit)
        if fitting is not None:
            days.append(fitting)
    return max(days) if days else None


# A speech verb and the day it names after a quotation: '... today," Haq said on Thursday'.
_SPOKEN_ON = re.compile(
    r"\b(?:said|says|told|added|stated|announced|declared|wrote)\b[^.;“”\"]{0,40}?\b(?P<day>(?:on\s+)?"
    + _WEEKDAY
    + r")\b",
    re.IGNORECASE,
)
_DEICTIC = re.compile(
    r"^(?:(?:earlier|later)\s+)?(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening))$"
)


def quoted_deictic(sentence: str, offset: int, expression: str, published: date | None) -> Resolved | None:
    """ "today" or "yesterday" inside a quotation counts from the day it was said when the sentence
    names it after the quote ('"... the air strike today," Haq said on Thursday' is Thursday's),
    not from the publication day. None when the time is not such a word or not quoted."""
    if published is None or not _DEICTIC.match(normalise(expression)):
        return None
    before, after = sentence[:offset], sentence[offset:]
    if not (before.count("“") > before.count("”") or before.count('"') % 2):
        return None
    close = min((i for i in (after.find("”"), after.find('"')) if i >= 0), default=-1)
    if close < 0:
        return None
    spoken = _SPOKEN_ON.search(after[close:])
    if spoken is None:
        return None
    day, precision = resolve_date(spoken["day"], published)
    if day is None or precision != "day":
        return None
    return resolve_date(expression, date.fromisoformat(day))
