"""A page's date stamp: some page openings start with "date 2025-04-13" before the dateline or the
story. It is the page's publication day, never words of the story."""

from __future__ import annotations

import re
from datetime import date

PAGE_STAMP = re.compile(r"\s*date\s+(?P<day>\d{4}-\d\d-\d\d)\s+")


def stamp_date(text: str) -> date | None:
    """The day a stamp opening the text gives, or None."""
    match = PAGE_STAMP.match(text)
    if match is None:
        return None
    try:
        return date.fromisoformat(match["day"])
    except ValueError:
        return None


def without_stamp(text: str) -> str:
    """The text with a stamp opening it blanked to spaces: the same length, so every offset holds,
    and the parser never reads "date 2025-04-13" as words of the first sentence."""
    match = PAGE_STAMP.match(text)
    if match is None:
        return text
    return " " * match.end() + text[match.end() :]
