"""Time expressions resolved against publication dates, as an analyst would date the event.

Publication dates are chosen for their edge cases: 2020-02-21 is a Friday, 2024-01-01 a Monday,
2024-01-03 a Wednesday just after a year boundary, 2024-03-03 a Sunday, 2023-03-01 the first of a
month, 2024-02-29 a leap day.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.resolve.dates import VAGUE_RULES, is_part_of_day, normalise, resolve_date

FRI = date(2020, 2, 21)
MON_NEW_YEAR = date(2024, 1, 1)
WED_JAN = date(2024, 1, 3)
SUN = date(2024, 3, 3)
FIRST_OF_MONTH = date(2023, 3, 1)  # a Wednesday
LEAP_DAY = date(2024, 2, 29)  # a Thursday

CASES = [
    # Weekdays: the most recent such day on or before publication.
    ("on Thursday", FRI, "2020-02-20", "day"),
    ("on Friday", FRI, "2020-02-21", "day"),
    ("Saturday", FRI, "2020-02-15", "day"),
    ("on Monday", MON_NEW_YEAR, "2024-01-01", "day"),
    ("on Sunday", MON_NEW_YEAR, "2023-12-31", "day"),
    ("on Tuesday", MON_NEW_YEAR, "2023-12-26", "day"),
    ("last Friday", FRI, "2020-02-14", "day"),
    ("last Thursday", FRI, "2020-02-20", "day"),
    ("on Wednesday night", FRI, "2020-02-19", "day"),
    ("early on Sunday", SUN, "2024-03-03", "day"),
    ("late Saturday", SUN, "2024-03-02", "day"),
    ("at 3 a.m. on Tuesday", FRI, "2020-02-18", "day"),
    ("Tuesday of last week", FRI, "2020-02-11", "day"),
    ("on Monday last week", SUN, "2024-02-19", "day"),  # weeks run Monday to Sunday
    ("overnight into Saturday", SUN, "2024-03-01", "day"),
    ("on the night of Friday to Saturday", SUN, "2024-03-01", "day"),
    ("on Thursday (local time)", LEAP_DAY, "2024-02-29", "day"),
    # Relative days.
    ("yesterday", WED_JAN, "2024-01-02", "day"),
    ("yesterday", MON_NEW_YEAR, "2023-12-31", "day"),
    ("today", SUN, "2024-03-03", "day"),
    ("earlier today", FRI, "2020-02-21", "day"),
    ("overnight", FIRST_OF_MONTH, "2023-02-28", "day"),
    ("last night", LEAP_DAY, "2024-02-28", "day"),
    ("the day before yesterday", FIRST_OF_MONTH, "2023-02-27", "day"),
    ("three days ago", MON_NEW_YEAR, "2023-12-29", "day"),
    ("in the past 24 hours", FRI, "2020-02-21", "day"),
    # Explicit dates, with and without a year.
    ("on 3 March 2024", FRI, "2024-03-03", "day"),
    ("March 3rd, 2019", FRI, "2019-03-03", "day"),
    ("Sept. 11, 2001", FRI, "2001-09-11", "day"),
    ("2024-03-03", None, "2024-03-03", "day"),
    ("on February 20", FRI, "2020-02-20", "day"),
    ("Feb. 22", FRI, "2020-02-22", "day"),  # a day ahead: time zones, still this year
    ("on February 27", FRI, "2019-02-27", "day"),
    ("March 3rd", FRI, "2019-03-03", "day"),
    ("on December 30", WED_JAN, "2023-12-30", "day"),
    ("on the 2nd of January", WED_JAN, "2024-01-02", "day"),
    ("on 29 February", LEAP_DAY, "2024-02-29", "day"),
    ("on March 16 of 1968", FRI, "1968-03-16", "day"),
    ("on 31 February 2023", FRI, None, None),  # no such day
    # Weeks: the first day of the window.
    ("last week", FRI, "2020-02-10", "week"),
    ("last week", MON_NEW_YEAR, "2023-12-25", "week"),
    ("this week", FRI, "2020-02-17", "week"),
    ("earlier this week", WED_JAN, "2024-01-01", "week"),
    ("in recent days", FRI, "2020-02-15", "week"),
    ("over the past few days", WED_JAN, "2023-12-28", "week"),
    ("in the past 48 hours", SUN, "2024-02-26", "week"),
    ("over the weekend", MON_NEW_YEAR, "2023-12-30", "week"),
    ("over the weekend", SUN, "2024-03-02", "week"),
    ("last weekend", SUN, "2024-02-24", "week"),
    ("two weeks ago", FRI, "2020-02-04", "week"),
    ("next week", FRI, "2020-02-24", "week"),
    # Months.
    ("last month", MON_NEW_YEAR, "2023-12", "month"),
    ("earlier this month", FIRST_OF_MONTH, "2023-03", "month"),
    ("last March", FIRST_OF_MONTH, "2022-03", "month"),  # said in March: a year ago
    ("in March", FIRST_OF_MONTH, "2023-03", "month"),
    ("in March", FRI, "2019-03", "month"),
    ("in February", FRI, "2020-02", "month"),
    ("in December", WED_JAN, "2023-12", "month"),
    ("mid-January", FRI, "2020-01", "month"),
    ("late last month", FIRST_OF_MONTH, "2023-02", "month"),
    ("March 2019", None, "2019-03", "month"),
    ("in recent weeks", SUN, "2024-02", "month"),
    ("a month ago", FIRST_OF_MONTH, "2023-02", "month"),
    ("two years ago", FIRST_OF_MONTH, "2021-03", "month"),
    # a compound number word is read whole, never as the "two" it ends with
    ("twenty-two years ago", FIRST_OF_MONTH, "2001-03", "month"),
    ("Thirty one days ago", FIRST_OF_MONTH, "2023-01-29", "day"),
    # an anniversary piece: the publication's day in that year
    ("on this day in 2019", FIRST_OF_MONTH, "2019-03-01", "day"),
    ("in February this year", FRI, "2020-02", "month"),
    ("November last year", FRI, "2019-11", "month"),
    ("March, last year", FIRST_OF_MONTH, "2022-03", "month"),
    # Nothing to resolve: never guess.
    ("banana", FRI, None, None),
    ("the 5th", FRI, None, None),
    ("may", FRI, None, None),
    ("earlier this year", FRI, None, None),
    ("2019", FRI, None, None),
    ("", FRI, None, None),
    ("   ", FRI, None, None),
    ("on Thursday", None, None, None),  # relative with no publication date
    ("on February 27", None, None, None),
    ("last week", None, None, None),
]


@pytest.mark.parametrize(("expression", "published", "expected", "precision"), CASES)
def test_resolves_expression_against_publication(
    expression: str, published: date | None, expected: str | None, precision: str | None
) -> None:
    assert resolve_date(expression, published) == (expected, precision)


def test_no_expression_is_nothing() -> None:
    assert resolve_date(None, FRI) == (None, None)


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("on Thursday", FRI, "2020-02-27"),  # planned: the coming Thursday
        ("on Friday", FRI, "2020-02-21"),
        ("next Friday", FRI, "2020-02-28"),
        ("on January 2", date(2023, 12, 20), "2024-01-02"),
        ("in March", FRI, "2020-03"),
    ],
)
def test_future_tense_resolves_forwards(expression: str, published: date, expected: str) -> None:
    assert resolve_date(expression, published, tense_past=False)[0] == expected


def test_past_tense_weekday_never_lies_after_publication() -> None:
    for offset in range(7):
        published = date(2024, 1, 1 + offset)
        for name in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
            resolved, precision = resolve_date(f"on {name}", published)
            assert precision == "day" and resolved is not None
            days_back = (published - date.fromisoformat(resolved)).days
            assert 0 <= days_back <= 6


def test_week_precision_dates_start_the_window_at_or_before_publication() -> None:
    for rule in VAGUE_RULES:
        if rule.window in ("trailing_days", "recent_weekend") or (rule.window == "week" and rule.offset <= 0):
            resolved, precision = resolve_date(rule.name.replace("_", " "), FRI)
            if precision == "week":
                assert resolved is not None and date.fromisoformat(resolved) <= FRI


def test_every_vague_rule_is_reachable_by_one_of_its_own_patterns() -> None:
    """A rule shadowed by an earlier rule is dead data; each must win for some phrase of its own."""
    examples = {
        "day_before_yesterday": "the day before yesterday",
        "previous_day": "last night",
        "today": "this morning",
        "tomorrow": "tomorrow",
        "recent_days": "in recent days",
        "last_week": "last week",
        "this_week": "earlier this week",
        "next_week": "next week",
        "last_weekend": "last weekend",
        "recent_weekend": "over the weekend",
        "recent_weeks": "in recent weeks",
        "last_month": "last month",
        "this_month": "this month",
        "next_month": "next month",
    }
    assert {rule.name for rule in VAGUE_RULES} == set(examples)
    from sitrep.resolve.dates import _vague

    for rule in VAGUE_RULES:
        text = normalise(examples[rule.name])
        winner = next(r for r in VAGUE_RULES if any(p.search(text) for p in r.patterns))
        assert winner.name == rule.name
        assert _vague(text, FRI, True) is not None


def test_normalise_drops_times_of_day_and_punctuation() -> None:
    assert normalise("At 3:30 a.m. (local time) on Feb. 27th,") == "on feb 27"


@pytest.mark.parametrize(
    ("phrase", "part_of_day"),
    [
        ("shortly after dawn", True),
        ("at around 4 a.m.", True),
        ("late in the evening", True),
        ("on Monday", False),
        ("for more than a year", False),
        ("since 2015", False),
        ("last week", False),
    ],
)
def test_part_of_day_dates_nothing_by_itself(phrase, part_of_day):
    assert is_part_of_day(phrase) is part_of_day


def test_reference_date_of_an_article_without_publication_date():
    from sitrep.resolve.dates import reference_date

    today = date(2026, 1, 1)
    # a weekday with a year-less day pins the year: the latest such year up to today
    assert reference_date("They signed on Wednesday, November 2 in Pretoria.", today) == date(2022, 11, 2)
    two_days = "Fighters attacked on Wednesday, 24 March, and on Friday, 26 March."
    assert reference_date(two_days, today) == date(2021, 3, 26)
    assert reference_date("Two bombs exploded on Jan 27, 2019 in Jolo.", today) == date(2019, 1, 27)
    # a weekday before a day that states its year: that year, not the latest one the weekday fits
    stated = "Friday, April 8, 2016. Mortars hit the market on Thursday."
    assert reference_date(stated, today) == date(2016, 4, 8)
    # a deadline is not the article's frame; a year named in passing dates nothing
    assert reference_date("The embargo runs until May 31, 2019.", today) is None
    assert reference_date("Fighting has raged since December 2021.", today) is None


def test_the_reference_date_skips_a_history_and_takes_the_pages_own_published_line():
    from sitrep.resolve.dates import reference_date

    today = date(2026, 1, 1)
    history = "Shells hit the camp on Sunday. The camp was founded on March 3, 2005, for the displaced."
    assert reference_date(history, today) is None
    footer = (
        "Police fired tear gas on Thursday.\n\nPublished in The Gazette, May 9th, 2024\n\n"
        "Updated 2 Oct, 2024"
    )
    assert reference_date(footer, today) == date(2024, 5, 9)
    stamp = "Drones hit the port\n\n03/14/2025 09:41:07 AM\n\nDrones hit the port on Friday night."
    assert reference_date(stamp, today) == date(2025, 3, 14)


def test_relative_phrase_without_publication_date_is_not_counted_from_today():
    assert resolve_date("a fortnight ago", None) == (None, None)
    assert resolve_date("12 March 2024", None) == ("2024-03-12", "day")


def test_today_in_a_quote_is_the_day_it_was_said() -> None:
    from sitrep.resolve.dates import quoted_deictic

    sentence = '"We condemn the shelling of the market today," the envoy said on Tuesday.'
    published = date(2022, 6, 9)  # a Thursday
    assert quoted_deictic(sentence, sentence.index("today"), "today", published) == ("2022-06-07", "day")
    said = "The envoy said today that the market was shelled."
    assert quoted_deictic(said, said.index("today"), "today", published) is None  # not in a quote


@pytest.mark.parametrize(
    ("phrase", "expected"), [("a day earlier", "2020-02-20"), ("two days earlier", "2020-02-19")]
)
def test_a_count_of_days_earlier_is_counted_back_from_publication(phrase: str, expected: str) -> None:
    assert resolve_date(phrase, FRI) == (expected, "day")


@pytest.mark.parametrize("phrase", ["by 19:30", "at 21.45 hrs", "around 06:10"])
def test_a_24_hour_clock_is_no_day_and_year(phrase: str) -> None:
    assert resolve_date(phrase, FRI) == (None, None)


def test_a_span_of_years_written_short_is_no_day():
    # "(2008-13)", "from 2015-18": years; never the 13th or the 18th of the publication's month
    for phrase in ("(2010-14)", "from 2016-19", "in 2001-15"):
        assert resolve_date(phrase, date(2024, 8, 4)) == (None, None), phrase
    assert resolve_date("2008-12", date(2024, 8, 4)) == ("2008-12", "month")


def test_a_year_less_day_in_an_undated_article_takes_the_year_it_names():
    from sitrep.extract.register import latest_year
    from sitrep.resolve.dates import in_undated_article

    text = "The siege of the port began in August 2019. On September 12, the militants took the harbour."
    year = latest_year(text, 2026)
    assert in_undated_article("On September 12", year) == ("2019-09-12", "day")
    assert in_undated_article("on Tuesday", year) == (None, None)  # a weekday needs the day of writing
    assert in_undated_article("On September 12", latest_year("No year is named.", 2026)) == (None, None)


def test_a_weekday_with_a_year_less_day_picks_the_year_it_fits_in_an_undated_article():
    from sitrep.resolve.dates import in_undated_article

    # the article names 2017 at the latest; "Saturday, March 14" is a Saturday first in 2020, not 2017
    assert in_undated_article("Saturday, March 14", 2017) == ("2020-03-14", "day")
    assert in_undated_article("Tuesday, March 14", 2017) == ("2017-03-14", "day")
    assert in_undated_article("March 14", 2017) == ("2017-03-14", "day")


@pytest.mark.parametrize("phrase", ["the 1980s", "in the 1990s", "2010s"])
def test_a_decade_is_no_day(phrase: str) -> None:
    # dateparser reads a decade as the day it is counted from: the publication's, or today's
    assert resolve_date(phrase, date(2024, 8, 4)) == (None, None)
    assert resolve_date(phrase, None) == (None, None)
