"""Where and when an article's story takes place, for events whose own sentence does not say.

Reports state the date and place of an incident once and then go on: "Drones struck Kharkiv on
Monday, the governor said. Two people were killed and a school was damaged." An analyst codes the
second sentence's events on Monday in Kharkiv. The scene carries the last stated date and place
forward, but only within the same paragraph (a new paragraph often moves to another incident), and
falls back to the dateline's place ("KHARKIV, Ukraine (Reuters) -") for physical events.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from sitrep.models import CleanArticle, DatePrecision, EventMention, Location
from sitrep.resolve.places import Gazetteer

# Event types that happen somewhere: a statement (ACCUSE, THREATEN...) has no scene of its own.
PHYSICAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID"})


class Scene:
    def __init__(self, article: CleanArticle, gazetteer: Gazetteer, context: Sequence[str]) -> None:
        text = article.text
        self._breaks = [i for i, char in enumerate(text) if char == "\n"]
        self._date: tuple[int, str, DatePrecision] | None = None  # (paragraph, date, precision)
        self._place: tuple[int, Location] | None = None
        self._dateline: Location | None = None
        if article.dateline_place:
            found = gazetteer.resolve(article.dateline_place.title(), context)
            if found is not None:
                self._dateline = Location(**{**found.to_dict(), "precision": max(found.precision, 2)})

    def _paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self._breaks, offset)

    def fill(
        self, mention: EventMention, when: str | None, precision: DatePrecision | None, location: Location | None
    ) -> tuple[str | None, DatePrecision | None, Location | None]:
        """The mention's date and place, taken from the scene where its sentence states none."""
        paragraph = self._paragraph(mention.sentence.start)
        if when is not None and precision is not None:
            self._date = (paragraph, when, precision)
        elif self._date is not None and self._date[0] == paragraph:
            when, precision = self._date[1], self._date[2]
        if location is not None:
            self._place = (paragraph, location)
        elif mention.plover in PHYSICAL:
            if self._place is not None and self._place[0] == paragraph:
                location = self._place[1]
            elif self._dateline is not None:
                location = self._dateline
        return when, precision, location
