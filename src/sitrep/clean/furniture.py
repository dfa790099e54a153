"""Page furniture recognised by its shape, in plain text as well as in text extracted from HTML.

The phrase rules of data/boilerplate.toml recognise notices by what they say ("Read more:",
"Sign up for our newsletter"). The furniture here is recognised by how it sits on the page, so a
new outlet's wording needs no new rule:

- a caption: a line that ends in a photo credit ("... in Mogadishu. Name Surname / Reuters",
  "... (AP Photo/Name)", "... PHOTO: AFP"); the whole line describes a picture, not the story;
  so does an unclosed line just above a line that is only a credit ("UGC/AFP via Getty Images");
- a repeated short line: a caption printed twice (alt text and caption), a headline repeated as a
  teaser (a long paragraph printed twice, or a line printed over and over, is left alone: neither
  is furniture's shape, and a text that is one line repeated stays what it is);
- a list of other stories: a short heading naming one ("Related news", "Latest", "Hot News"), or a
  run of short unpunctuated lines among which several are time stamps ("Arab World 03:15"), or a
  run of such lines closing the page after its last sentence.

The vocabularies and thresholds are named data in data/boilerplate.toml ([furniture]).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

_SENTENCE_END = re.compile(r"[.!?…:][\"”’)]?$")
# A time stamp or date line of a teaser: "Arab World 03:15", "World 9 August 16:20", "2 hours ago".
_STAMP = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+ago\b"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b",
    re.IGNORECASE,
)


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# A line that ends in a full date, as a picture's caption does: "June 20, 2024.", "13 July 2021."
_DATED_END = re.compile(rf"(?:\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\.?$")


class LineLike(Protocol):
    start: int
    end: int
    rule: str | None


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    """The [furniture] section of data/boilerplate.toml, compiled."""

    credit_tail: re.Pattern[str]  # a photo credit closing a line
    credit_anywhere: re.Pattern[str]  # a credit that marks its line wherever it stands
    credit_line: re.Pattern[str]  # a line that is only a credit, under its caption
    list_heading_words: frozenset[str]
    list_heading_max_words: int
    teaser_max_chars: int
    stamped_run_min_lines: int
    stamped_run_min_stamps: int
    closing_run_min_lines: int
    repeat_min_chars: int
    repeat_max_chars: int
    repeat_max_copies: int
    caption_max_chars: int
    bracketed_caption_max_chars: int
    stamp_max_words: int


def compile_rules(data: Mapping[str, Any], wires: Sequence[str]) -> FurnitureRules:
    agencies = "|".join(sorted((re.escape(w) for w in wires), key=len, reverse=True))

    def union(name: str) -> re.Pattern[str]:
        patterns = [str(p).replace("{WIRES}", agencies) for p in data.get(name, [])]
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!x)x")

    return FurnitureRules(
        credit_tail=union("credit_tail"),
        credit_anywhere=union("credit_anywhere"),
        credit_line=union("credit_line"),
        list_heading_words=frozenset(str(w).lower() for w in data.get("list_heading_words", [])),
        list_heading_max_words=int(data.get("list_heading_max_words", 4)),
        teaser_max_chars=int(data.get("teaser_max_chars", 140)),
        stamped_run_min_lines=int(data.get("stamped_run_min_lines", 4)),
        stamped_run_min_stamps=int(data.get("stamped_run_min_stamps", 2)),
        closing_run_min_lines=int(data.get("closing_run_min_lines", 3)),
        repeat_min_chars=int(data.get("repeat_min_chars", 30)),
        repeat_max_chars=int(data.get("repeat_max_chars", 250)),
        repeat_max_copies=int(data.get("repeat_max_copies", 3)),
        caption_max_chars=int(data.get("caption_max_chars", 350)),
        bracketed_caption_max_chars=int(data.get("bracketed_caption_max_chars", 700)),
        stamp_max_words=int(data.get("stamp_max_words", 6)),
    )


def is_caption(line_text: str, rules: FurnitureRules) -> bool:
    """A line closed by a photo credit, or carrying a credit that only captions carry; a caption is
    short: a long line holding one runs on into the story (a page that glued them together)."""
    body = line_text.strip()
    credited = rules.credit_tail.search(body) or rules.credit_anywhere.search(body)
    longest = rules.bracketed_caption_max_chars if body.endswith(")") else rules.caption_max_chars
    return len(body) <= longest and bool(credited)


def _is_caption_above(line_text: str, rules: FurnitureRules) -> bool:
    """The line above a credit line is its caption when it is not a closed sentence (a story's
    paragraph above a picture ends with its stop; a caption often ends with none, or a comma), or
    when it ends in the picture's date ("... on the streets of the capital June 20, 2024.")."""
    body = line_text.strip()
    closed = _SENTENCE_END.search(body) and not _DATED_END.search(body)
    return 0 < len(body) <= rules.caption_max_chars and not closed


def is_list_heading(line_text: str, rules: FurnitureRules) -> bool:
    """ "Related news", "Latest", "Hot News", "More stories": a few words, all of a heading's kind."""
    words = re.findall(r"[\w'’]+", line_text.lower())
    if not words or len(words) > rules.list_heading_max_words or _SENTENCE_END.search(line_text.strip()):
        return False
    return all(word in rules.list_heading_words for word in words)


def _teaser(text: str, rules: FurnitureRules) -> bool:
    """A short line, not a sentence, that does not start in lower case (a hard-wrapped line does)."""
    body = text.strip()
    return (
        0 < len(body) <= rules.teaser_max_chars
        and not _SENTENCE_END.search(body)
        and (not body[0].islower() or _LIST_MARK.match(body) is not None)
    )


# A list's own marker glued to its first link: "list of 3 itemsUS slaps sanctions on ..."
_LIST_MARK = re.compile(r"^list of \d+ items?", re.IGNORECASE)


def _is_stamp(text: str, rules: FurnitureRules) -> bool:
    """A teaser's section and time: "Arab World 03:15", "World 9 August 16:20" (a few words only)."""
    return len(text.split()) <= rules.stamp_max_words and bool(_STAMP.search(text))


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def mark_furniture(text: str, lines: Sequence[LineLike], rules: FurnitureRules) -> None:
    """Set `rule` on every line that is furniture by shape (see the module docstring)."""
    for above, line in zip(lines, lines[1:], strict=False):
        if rules.credit_line.search(text[line.start : line.end].strip()):  # a notice rule may have it
            line.rule = line.rule or "caption"
            if not above.rule and _is_caption_above(text[above.start : above.end], rules):
                above.rule = "caption"
    copies: dict[str, int] = {}
    for line in lines:
        key = _normal(text[line.start : line.end])
        copies[key] = copies.get(key, 0) + 1
    seen: set[str] = set()
    body_started = False
    index = 0
    while index < len(lines):
        line = lines[index]
        body = text[line.start : line.end]
        if line.rule:
            index += 1
            continue
        key = _normal(body)
        short = rules.repeat_min_chars <= len(key) <= rules.repeat_max_chars
        if short and key in seen and copies[key] <= rules.repeat_max_copies:
            line.rule = "repeated_line"
        elif is_caption(body, rules):
            line.rule = "caption"
        elif _LIST_MARK.match(body.strip()) and body_started:
            index = _take_teasers(text, lines, index, rules)
            continue
        elif is_list_heading(body, rules) and body_started:
            line.rule = "link_list"
            index = _take_teasers(text, lines, index + 1, rules)
            continue
        elif body_started and _teaser(body, rules):
            end = _run_end(text, lines, index, rules)
            run = lines[index:end]
            stamps = sum(_is_stamp(text[x.start : x.end], rules) for x in run)
            closing = end == len(lines) and len(run) >= rules.closing_run_min_lines
            stamped = len(run) >= rules.stamped_run_min_lines and stamps >= rules.stamped_run_min_stamps
            if closing or stamped:
                for item in run:
                    item.rule = item.rule or "link_list"
                index = end
                continue
        seen.add(key)
        if not body_started and _SENTENCE_END.search(body.strip()) and len(body.split()) >= 8:
            body_started = True
        index += 1


def _run_end(text: str, lines: Sequence[LineLike], index: int, rules: FurnitureRules) -> int:
    end = index
    while end < len(lines) and (lines[end].rule or _teaser(text[lines[end].start : lines[end].end], rules)):
        end += 1
    return end


def _take_teasers(text: str, lines: Sequence[LineLike], index: int, rules: FurnitureRules) -> int:
    """After a list heading: its short unpunctuated lines are the links (and their time stamps)."""
    while index < len(lines) and _teaser(text[lines[index].start : lines[index].end], rules):
        lines[index].rule = lines[index].rule or "link_list"
        index += 1
    return index
