"""The register of an article, and of a mention: a sports report, a review of a film, a game or a
book, a report of ordinary crime or of a disaster tells no conflict events, and an act dated decades
before the article is history, not an event of the record.

"A devastating counter attack from the Fire", "Ruddock all-but decapitated Dokes", "the Strikers
rallied": a sports report borrows the words of war for a game. Whether an article is one is read
from its vocabulary (data/registers.toml), not from any one sentence: words conflict news rarely
uses, several of them, and often.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from sitrep.extract.figures import parse_number

REGISTERS_PATH = Path(__file__).resolve().parent.parent / "data" / "registers.toml"
_WORD = re.compile(r"[a-z][a-z'’-]*")


@dataclass(frozen=True, slots=True)
class Register:
    words: frozenset[str]
    min_distinct: int
    min_share: float
    min_words: int = 0  # a text shorter than this is not judged


@cache
def register_named(name: str) -> Register:
    data = tomllib.loads(REGISTERS_PATH.read_text(encoding="utf-8"))[name]
    return Register(
        words=frozenset(str(w).lower() for w in data["words"]),
        min_distinct=int(data["min_distinct"]),
        min_share=float(data["min_share"]),
        min_words=int(data.get("min_words", 0)),
    )


def _in_register(words: list[str], register: Register) -> bool:
    if not words or len(words) < register.min_words:
        return False
    hits = [w for w in words if w in register.words]
    return len(set(hits)) >= register.min_distinct and len(hits) >= register.min_share * len(words)


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _spread(text: str, register: Register) -> bool:
    """Whether the register's words come in more than one sentence: a closing line that lists
    "homicide, burglary" as background does not make a grenade attack a crime report."""
    pieces = _SENTENCE_END.split(text.lower())
    return sum(1 for piece in pieces if register.words.intersection(_WORD.findall(piece))) >= 2


@cache
def _conflict_words() -> tuple[frozenset[str], int]:
    data = tomllib.loads(REGISTERS_PATH.read_text(encoding="utf-8"))["conflict"]
    return frozenset(str(w).lower() for w in data["words"]), int(data["min_distinct"])


def tells_no_conflict(text: str) -> bool:
    """A register whose acts are no conflict events: a sports report; a review or retelling of a film,
    a game or a book (its battles happen on a screen or a page); a report of ordinary crime or of a
    disaster that does not also use the words of armed conflict."""
    words = _WORD.findall(text.lower())
    if any(_in_register(words, register_named(name)) for name in ("sports", "fiction")):
        return True
    crime = _in_register(words, register_named("crime")) and _spread(text, register_named("crime"))
    if not crime and not _in_register(words, register_named("disaster")):
        return False
    conflict, enough = _conflict_words()
    return len(conflict.intersection(words)) < enough


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@cache
def history_years() -> int:
    data = tomllib.loads(REGISTERS_PATH.read_text(encoding="utf-8"))["history"]
    return int(data["min_years_before"])


# A year after these words is a point of comparison, not the act's time: "the worst since 1994".
_NOT_THE_ACTS_YEAR = re.compile(r"\b(?:since|until|till|before|than|from)\s+(?:the\s+)?$", re.IGNORECASE)


def is_history(time_text: str | None, published_year: int | None, sentence: str | None = None) -> bool:
    """True when the mention's time expression names only years long before publication; or, when
    the mention has no time of its own, when its sentence dates itself only to such years ("In 1944,
    he sailed to the Pacific and took part in the invasions of Iwo Jima"). A year of comparison ("the
    worst clashes since 1994") dates nothing."""
    if published_year is None:
        return False
    if time_text:
        years = [int(y) for y in _YEAR.findall(time_text)] + years_ago(time_text, published_year)
    elif sentence:
        years = acts_years(sentence) + years_ago(sentence, published_year)
    else:
        return False
    return bool(years) and max(years) <= published_year - history_years()


_YEARS_AGO = re.compile(r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?) years ago\b", re.IGNORECASE)


def years_ago(text: str, published_year: int) -> list[int]:
    """The years "25 years ago", "twenty-five years ago" name, counted back from publication."""
    counts = (parse_number(match.group(1).lower()) for match in _YEARS_AGO.finditer(text))
    return [published_year - count for count in counts if count]


def acts_years(sentence: str) -> list[int]:
    """The years a sentence dates something to, leaving out points of comparison ("since 1994")."""
    return [
        int(match.group(1))
        for match in _YEAR.finditer(sentence)
        if not _NOT_THE_ACTS_YEAR.search(sentence[max(0, match.start() - 12) : match.start()])
    ]


@lru_cache(maxsize=16)  # the resolver asks once per undated mention of the same article
def latest_year(text: str, this_year: int, *, counted_from: bool = True) -> int | None:
    """The latest year an undated article names (up to this year): it was written no earlier. With
    `counted_from` False, a year the text counts from ("attacks since 2015") is left out: it bounds
    the time of writing but is no year to give a day the text names without one."""
    years = [
        int(match.group(1))
        for match in _YEAR.finditer(text)
        if int(match.group(1)) <= this_year
        and (counted_from or not _SINCE.search(text[max(0, match.start() - 40) : match.start()]))
        and (counted_from or not _NAMES_AN_ERA.match(text, match.end()))
    ]
    return max(years) if years else None


# A year that names a past event ("the 1967 Middle East war", "the 1971 war of independence") dates
# the event, not the time of writing
_NAMES_AN_ERA = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:war|conflict|revolution|uprising|genocide|massacre|coup|famine|"
    r"independence|liberation|partition|intifada|earthquake|tsunami)\b",
    re.IGNORECASE,
)


_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid-?|the\s+start\s+of|the\s+end\s+of)\s+)?$", re.IGNORECASE)
