"""When: the time expression of an event mention, with its preposition ("on Thursday").

The phrase keeps its wording so the resolve stage can resolve it against the publication date. It is
chosen by attachment, like the place phrase (extract/setting.py): a time on the event word's own
clause wins over one elsewhere in the sentence, and a time that dates the report ("said on Monday
that ...", "in a statement on Monday") or a later act the event is told as the cause of ("suspended
talks on Monday after an attack") is never the event's.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from sitrep.clean.stamps import PAGE_STAMP
from sitrep.extract.arguments import span_of
from sitrep.extract.figures import parse_number
from sitrep.extract.setting import (
    BEFORE,
    MONTH_NAMES,
    STATEMENT_NOUNS,
    TEMPORAL_WORD,
    event_word,
    in_speakers_phrase,
)
from sitrep.extract.triggers import NOUN_POS, Token, Trigger, lemma
from sitrep.models import TextSpan
from sitrep.parse import doc_text

# An act placed in time against another: "The attack came six days after a missile struck another
# district", "It was the second attack in a month, weeks after an ambush killed 12 soldiers".
_DURATIONS = frozenset({"minute", "hour", "day", "week", "month", "year"})
_PLACED_IN_TIME = frozenset({"come", "follow", "happen", "occur", "be"})


def dated_against(head: Token) -> bool:
    """The word's act is the other act of a sentence that places an act before or after it by a
    span of time ("came six days after a missile struck ...": the strike): not the act the
    sentence's main clause tells, and not the day's act of the article either."""
    return _against(head) is not None


def days_before_the_main_act(head: Token) -> int | None:
    """How many days the act dated against came before the sentence's main act: 2 for "came two
    days after a suicide bombing killed seven", -1 for "a day before"; None when the span is no
    count of days or weeks ("weeks after", "months after")."""
    found = _against(head)
    if found is None:
        return None
    mark, span = found
    days = {"day": 1, "week": 7}.get(lemma(span))
    counts = [c for c in span.children if c.dep_ in ("nummod", "det")]
    count = parse_number(counts[0].lower_) if len(counts) == 1 else None
    if days is None or count is None:
        return None
    return count * days if mark == "after" else -count * days


def _against(head: Token) -> tuple[str, Token] | None:
    """The mark ("after", "before") and the span of time of the clause the act is dated against in."""
    for node in (head, *head.ancestors):
        if node.dep_ == "advcl":  # "came two days after a suicide bombing killed seven"
            marks = [c for c in node.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
            main = node.head
        elif node.dep_ == "pobj" and node.head.lower_ in ("after", "before"):  # "a day after an attack"
            marks = [node.head]
            main = node.head.head
        else:
            continue
        if not marks:
            continue  # "..., killing 10": an outcome clause goes with the act it follows
        spans = [
            c for c in (*marks[0].children, *node.children, *main.children)
            if c.dep_ == "npadvmod" and lemma(c) in _DURATIONS
        ]
        return (marks[0].lower_, spans[0]) if spans and lemma(main) in _PLACED_IN_TIME else None
    return None


# Spans of days rather than a day: "in recent days", "over the past week", "this month".
# ... and so does a night told against the day of publication ("On Wednesday, militiamen launched an
# overnight attack": the night of Wednesday, not the night before publication)
_SPAN = re.compile(
    r"\b(?:recent|past|last few|coming)\s+(?:days|weeks|months)\b|\bthis (?:week|month)\b|^(?:overnight|"
    r"last night|during the night)$",
    re.IGNORECASE,
)

# Verbs that report: a date on them is when it was said (the lexicon's cue verbs are not passed here).
_REPORTING = frozenset({"say", "tell", "report", "announce", "claim", "add", "state", "confirm"})
# Events that happen somewhere at some time; for a verbal act the statement's date is the event's.
_PHYSICAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID", "CONCEDE"})
_TIME_PREPS = frozenset({"on", "in", "at", "since", "by"})
# Acts whose object begins later than the act: a time on its start dates the start.
_TAKE_EFFECT = frozenset({"AGREE", "SANCTION", "CONCEDE"})
_ONSET_WORDS = frozenset({"starting", "beginning", "effective", "from", "until", "till"})
_ONSET_VERBS = frozenset({"start", "begin", "come", "take", "enter", "expire", "last"})
# An entity labelled DATE that is an age or a duration, not a time: "a 15-year-old boy", "for two
# weeks", "a six-month state of emergency", "for a fourth day".
_COUNT = (
    r"for|within|about|around|nearly|almost|more|less|than|over|up|to|a|an|the|another|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|some|first|second|third|fourth|fifth|"
    r"half|\d+"
)
_NOT_A_TIME = re.compile(
    r"^(?:(?:" + _COUNT + r")[\s-]+)*(?:hours?|days?|weeks?|months?|years?|decades?)(?:[\s-]+old)?$"
    r"|\b\d+[- ](?:year|month|week|day)s?[- ]old\b",
    re.IGNORECASE,
)
# A number of one or two digits alone, which the tagger sometimes calls a date.
_BARE_NUMBER = re.compile(r"^\d{1,2}$")
_COUNTED_BACK = re.compile(r"\b(?:earlier|before|later|previous|prior)$", re.IGNORECASE)
# A wire dateline opening a sentence: "OUAGADOUGOU, Nov 27 (Reuters) - ": its date is the filing date.
# The parse may have split the city off (", Nov 27 (Reuters) - ...").
# Agencies of other styles write the city in title case, then the date and the agency in brackets,
# closed by ".-" or a dash: "Culiacán, Sinaloa, October 22 (AMN).- ".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'’/-]+)?,[^\n]{0,60}?\s[-–—]+\s"
    r"|^[A-Z][\w.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,40})?,\s*"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"\s*\([^)\n]{1,30}\)\s*[.,:]?\s*[-–—]+\s*"
)
# How far (in words) a time phrase may sit from a reporting verb to date the report: "said on
# Monday", "on Monday said", "said in a statement on Monday".
_STATEMENT_REACH = 4


# Words for the day of telling that a page may follow with the day itself: "today Thursday".
_DEICTIC = frozenset({"today", "yesterday", "tonight"})


def _a_walk_not_a_month(token: Token) -> bool:
    """ "the march", "their march", "a long march": the noun, which a tagger may call the month March."""
    if token.text != "march" or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.dep_ in ("det", "poss", "amod") or before.lower_ in ("the", "a", "their", "its", "his")


def time_span(trigger: Trigger, sentence: Sequence[Token]) -> TextSpan | None:
    """The time expression of the event, with its preposition ("on Thursday").

    A time attached to the event word's own clause wins; then the nearest other one, except a
    time that dates a statement ("said on Monday that ...", "in a statement on Monday") or the
    later act an earlier event is told as the cause of ("suspended talks on Monday after an attack").
    """
    best: tuple[tuple[int, int], TextSpan] | None = None
    event = event_word(trigger)
    doc = event.doc
    clause = _clause_of(event)
    tokens = list(sentence)
    dateline = _dateline_end(tokens)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        # "struck a refinery overnight": the tagger does not always call "overnight" a time
        night = token.lower_ == "overnight" and not token.ent_type_
        if (token.ent_type_ not in ("DATE", "TIME") or token.ent_iob_ != "B") and not night:
            continue
        if token.idx < dateline:
            continue
        if _a_walk_not_a_month(token):
            continue  # "held the march on the highway": a protest, not the month
        end = token.i
        while end + 1 < len(doc) and doc[end + 1].ent_type_ in ("DATE", "TIME") and (
            doc[end + 1].ent_iob_ == "I"
            or doc[end + 1].ent_type_ != doc[end].ent_type_
            or doc[end].lower_ in _DEICTIC  # "today Thursday 9 October": the day it names
        ):
            end += 1  # "Monday" + "evening" are one expression
        end = _with_its_year(doc, end)
        index = max(index, end + 1 - tokens[0].i)
        start = token.i
        if start > 0 and doc[start - 1].ent_type_ == "ORDINAL" and token.lower_ in MONTH_NAMES:
            start -= 1  # "On 3rd August 2023": the tagger leaves the day out of the date
        if start > 0 and doc[start - 1].pos_ == "ADP" and doc[start - 1].lower_ in _TIME_PREPS:
            start -= 1
        before = [t.lower_ for t in doc[max(start - 2, 0) : start]]
        if before in (["this", "day"], ["this", "date"]):
            start -= 2  # "On this day in 2019": the day of publication in that year
            start -= int(start > 0 and doc[start - 1].lower_ == "on")
        text = doc[token.i : end + 1].text
        if _NOT_A_TIME.search(text) or not TEMPORAL_WORD.search(text):
            continue
        if _BARE_NUMBER.match(text):
            continue  # "Police Battalion 31", "Route 12": a number alone names no day
        if _names_something(doc, end):
            continue  # "the March 23 Movement", "the February 17 Revolution": a name, not a time
        if _names_a_scheduled_day(doc[token.i : end + 1].root):
            continue  # "ahead of the July 1 elections": the vote's day, not the act's
        if _names_another_act(doc[token.i : end + 1].root, event):
            continue  # "a year after the October 7 attack": that attack's day, not this act's
        if any(doc[i].lower_ in ("aged", "ages", "age") for i in range(max(token.i - 3, 0), token.i)):
            continue  # "three children, aged five, 10 and 11": ages, not a day
        root = doc[token.i : end + 1].root
        attached = _attachment(root)
        physical = trigger.sense.plover in _PHYSICAL
        statement = physical and _dates_a_statement(attached, event, (start, end))
        ranked = _ranks_over(attached) and root.dep_ != "poss"  # "today's deadliest attack" is today's
        if statement or _dates_a_later_act(attached, event) or ranked:
            continue
        if (physical and _owned_by_an_earlier_act(root, event)) or _owned_by_the_object(root, event):
            continue  # "blocked streets a day after Saturday's clashes": Saturday is the clashes' day
        if _dates_a_periods_start(root, event):
            continue
        if _in_a_concession(root, event):
            continue  # "despite a curfew imposed on Sunday, protests continue": the curfew's day
        if trigger.sense.plover in _TAKE_EFFECT and _takes_effect(root, attached, event):
            continue
        if physical and in_speakers_phrase(root, event, _REPORTING):
            continue  # "a resident who fled on Monday told us", "claimed it in a statement on Monday"
        if physical and _in_according_to(root, event):
            continue  # "killed a dozen this week, according to villagers on Thursday": when they said it
        rank = 0 if _clause_of(attached) == clause else 1
        # a day the sentence names beats a span it names ("launched a strike on Tuesday, hitting
        # missiles in the third assault in recent days": Tuesday)
        # and a day beats a clock time beside it ("around 2pm on Friday": Friday dates the act)
        clock = all(doc[i].ent_type_ == "TIME" for i in range(token.i, end + 1))
        # and a day named beats one counted from another ("a day earlier on March 14": March 14)
        counted = bool(_COUNTED_BACK.search(text))
        # and a day the act's own clause names beats one opening the sentence of its claim ("On
        # Sunday, the group claimed an attack that left 20 dead on Friday night": Friday)
        fronted = physical and _opens_a_statement(attached, event, start, tokens[0].i)
        key = (rank + 2 * bool(_SPAN.search(text)) + clock + counted + 3 * fronted, abs(token.i - event.i))
        if best is None or key < best[0]:
            best = (key, span_of([doc[start], doc[end]]))
    return best[1] if best else None


@lru_cache(maxsize=1)
def _scheduled_nouns() -> frozenset[str]:
    raw = resources.files("sitrep").joinpath("data", "vague_dates.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(raw)["timing"]["scheduled_nouns"])


def _names_a_scheduled_day(root: Token) -> bool:
    """A date modifying a noun of a scheduled thing ("the July 1 elections", data/vague_dates.toml)."""
    return _on_a_noun(root, _scheduled_nouns()) and root.head.pos_ in NOUN_POS


def _on_a_noun(root: Token, nouns: frozenset[str]) -> bool:
    """A date modifying one of `nouns` after it: "the July 1 elections", "the October 7 attack"."""
    head = root.head
    return root.dep_ in ("nmod", "compound", "amod", "npadvmod") and head.i > root.i and head.lower_ in nouns


# Nouns of an act a date can name as a whole ("the October 7 attack", "the 1994 genocide").
_NAMED_ACTS = frozenset({"attack", "attacks", "massacre", "bombing", "bombings", "raid", "assault",
                         "offensive", "invasion", "coup", "uprising", "war", "genocide", "killings"})


def _names_another_act(root: Token, event: Token) -> bool:
    """A date naming another act by its day ("since the October 7 attack", "after the March 2 raid"):
    its day, not the day of the act the sentence tells."""
    return _on_a_noun(root, _NAMED_ACTS) and root.head.i != event.i


def _names_something(doc: Any, end: int) -> bool:
    """A date followed by a capitalised noun that is no day, month or year: part of a name."""
    if end + 1 >= len(doc):
        return False
    after = doc[end + 1]
    if after.lower_ in _NAMED_BY_A_DAY:
        return True  # "the April 6 movement", "the 30 June revolution": a body or an event's name
    return (
        after.is_alpha
        and after.text[:1].isupper()
        and after.pos_ in ("PROPN", "NOUN")
        and after.lower_ not in MONTH_NAMES
        and not TEMPORAL_WORD.search(after.text)
    )


_NAMED_BY_A_DAY = frozenset({
    "movement", "revolution", "uprising", "coalition", "front", "alliance", "group",
    # "the 30 June neighbourhood", "26 July Street", "the 6 October Bridge": a place's name
    "neighbourhood", "neighborhood", "district", "quarter", "street", "square", "avenue", "road", "bridge",
    "stadium", "camp", "bairro", "city", "town",
})


def _with_its_year(doc: Any, end: int) -> int:
    """ "In February, this year," is one time: a month and the year it is told against; so is "last
    Friday (May 26)", a day and the date the writer gives it in brackets."""
    if end + 2 < len(doc) and doc[end + 1].text == "(" and doc[end + 2].ent_type_ == "DATE":
        close = next((t.i for t in doc[end + 2 : end + 8] if t.text == ")"), None)
        if close is not None:
            return close
    after = doc[end + 2 : end + 4]
    if (
        len(after) == 2
        and doc[end + 1].text == ","
        and after[0].lower_ in ("this", "last")
        and after[1].lower_ == "year"
        and doc[end].lower_ in MONTH_NAMES
    ):
        return end + 3
    return end


def _dateline_end(tokens: Sequence[Token]) -> int:
    """The character offset where a dateline opening the sentence ends, with the page's date stamp
    before it (0 if there is neither)."""
    if not tokens:
        return 0
    first = tokens[0]
    text = doc_text(first.doc)[first.idx : first.idx + 160]
    stamp = PAGE_STAMP.match(text) if not doc_text(first.doc)[: first.idx].strip() else None
    skip = stamp.end() if stamp else 0
    match = _DATELINE.match(text[skip:])
    return first.idx + skip + (match.end() if match else 0) if skip or match else 0


def _attachment(root: Token) -> Token:
    """The word a time expression modifies: the head of its preposition, or its own head."""
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        return head.head
    return head


def _clause_of(token: Token) -> int:
    """The index of the verb (or event noun) heading the clause a word is in."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            break
        token = token.head
    return token.i


def _opens_a_statement(attached: Token, event: Token, start: int, first: int) -> bool:
    """A time opening the sentence, hung on its reporting verb, that the act is told inside: "On
    Sunday, the group claimed an attack ...". It dates the act only when nothing else does."""
    return (
        start == first
        and attached.dep_ == "ROOT"
        and attached.pos_ == "VERB"
        and lemma(attached) in _REPORTING
        and event.i > attached.i
        and event.i in {t.i for t in attached.subtree}
    )


def _dates_a_statement(attached: Token, event: Token, where: tuple[int, int]) -> bool:
    """ "said on Monday that jets struck", "claimed the attack in a statement on Monday": the date of
    the report. Not when the reported act is the report's own present ("announced on Sunday that
    they were suspending operations"), and not when the parser hung a distant date on "said"."""
    doc = event.doc
    before = doc[where[0] - 1] if where[0] > 0 else None
    # "said Thursday's strikes hit ...": the day owns the act told, it does not date the saying
    owns = where[1] + 1 < len(doc) and doc[where[1] + 1].lower_ in ("'s", "’s")
    reporting = before is not None and before.pos_ == "VERB" and lemma(before) in _REPORTING
    if reporting and event.i > where[1] and not owns:
        return not _ongoing(event)  # "said on Saturday it had recaptured": the parse may hang it anywhere
    if attached.i == event.i:
        return False
    if lemma(attached) in STATEMENT_NOUNS and attached.pos_ in NOUN_POS:
        return True
    if attached.pos_ != "VERB" or lemma(attached) not in _REPORTING:
        return False
    trailing = attached.head.i == event.i and attached.i > event.i
    if trailing and attached.dep_ in ("conj", "parataxis", "ccomp", "advcl"):
        return not _ongoing(event)  # "killed ten civilians, locals said on Wednesday": the parse's slip
    told_first = event.i < where[0] and where[1] < attached.i
    if told_first and any(t.text == "," for t in doc[where[1] + 1 : attached.i]):
        return False  # "shot a leader in Popayan, Cauca, on Tuesday, police said": the act's day, told first
    near = where[0] - _STATEMENT_REACH <= attached.i <= where[1] + _STATEMENT_REACH
    return near and event.i in {t.i for t in attached.subtree} and not _ongoing(event)


def _dates_a_periods_start(root: Token, event: Token) -> bool:
    """ "the first meeting since the start of the offensive two weeks ago": the time dates what the
    span is counted from, not the event (a "since" naming the time itself, "since Monday", is not)."""
    token = root
    for _ in range(6):
        head = token.head
        if head.i == token.i or head.i == event.i:
            return False
        if head.lower_ == "since":
            return token.i != root.i
        token = head
    return False


def _takes_effect(root: Token, attached: Token, event: Token) -> bool:
    """ "agreed a ceasefire starting on February 15", "from midnight 15 February", "will come into force
    on Sunday": when what was agreed or imposed begins, not when it was."""
    token = root
    for _ in range(4):  # "February" <- "midnight" <- "from": the words the time hangs on
        if token.head.i == token.i or token.head.i == event.i:
            break
        token = token.head
        if token.lower_ in _ONSET_WORDS:
            return True
    return attached.i != event.i and attached.pos_ == "VERB" and lemma(attached) in _ONSET_VERBS


def _ranks_over(attached: Token) -> bool:
    """ "Egypt's worst atrocity in recent years", "the deadliest in decades": the span a superlative
    ranks the act over, not the act's time."""
    if attached.tag_ == "JJS":
        return True
    return attached.pos_ in NOUN_POS and any(child.tag_ == "JJS" for child in attached.children)


def _ongoing(verb: Token) -> bool:
    """ "were suspending", "is withdrawing", "are holding": going on when it was said."""
    return verb.tag_ in ("VBG", "VBP", "VBZ") and any(
        c.dep_ == "aux" and lemma(c) == "be" for c in verb.children
    ) or verb.tag_ in ("VBP", "VBZ")


def _in_according_to(root: Token, event: Token) -> bool:
    """A time inside an "according to" phrase on the act: the day of the account."""
    for node in root.ancestors:
        if node.i == event.i:
            return False
        if node.lower_ == "according":
            return True
    return False


def _owned_by_an_earlier_act(root: Token, event: Token) -> bool:
    """A day in the possessive on another noun that a time word relates the act to ("a day after
    Saturday's clashes", "since Monday's attack"): that noun's day, not the act's."""
    if root.dep_ != "poss" or root.head.i == event.i:
        return False
    noun = root.head
    return noun.dep_ == "pobj" and noun.head.lower_ in BEFORE | {"before"}


def _in_a_concession(root: Token, event: Token) -> bool:
    """A time inside a "despite ..." phrase that does not hold the act dates what the act went on in
    spite of ("Despite an indefinite curfew imposed on Sunday, protests continue")."""
    for token in root.ancestors:
        if token.i == event.i:
            return False
        if token.dep_ == "prep" and token.lower_ == "despite":
            return event.i not in {t.i for t in token.subtree}
    return False


def _owned_by_the_object(root: Token, event: Token) -> bool:
    """ "condemned Monday's attack": a day in the possessive on what the act is about is that
    thing's day, not the act's."""
    return root.dep_ == "poss" and root.head.dep_ == "dobj" and root.head.head.i == event.i


def _dates_a_later_act(attached: Token, event: Token) -> bool:
    """ "suspended talks on Monday after a drone attack": Monday dates the suspension."""
    if attached.i == event.i or event.pos_ not in NOUN_POS:
        return False
    token = event
    while token.head.i != token.i and token.i != attached.i:
        if token.dep_ == "pobj" and token.head.lower_ in BEFORE and token.head.head.i == attached.i:
            return True
        token = token.head
    return False
