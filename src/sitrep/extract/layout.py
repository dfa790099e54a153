"""Where on the page a line sits: lines inside the story that are not its sentences.

After the story has begun (its first full sentence), a short line with no closing punctuation,
standing between two lines that each start a new paragraph, is furniture of the page, not a
sentence of the story: a crosshead ("Civilians beheaded, town destroyed", "TURKISH ENGINEERS"), a
picture's caption printed without its credit, a headline of another story, a slug
("IRAN-POLITICS-WOMEN-PROTEST"). Its words restate or announce; events are told by sentences.

Not furniture: a line broken inside a sentence (the next line starts in lower case, or the line
ends in a hyphen), a line starting in lower case (the end of a broken sentence), and the text's
last line (a page opening cut off in mid-sentence).
"""

from __future__ import annotations

import re

# The line that shows the story has begun: a sentence of this many words or more, closed by a stop.
STORY_SENTENCE_WORDS = 8
# A line-long non-sentence of at most this many words is furniture; longer ones are left alone
# (a body sentence that lost its full stop reads as one).
FURNITURE_MAX_WORDS = 12
_CLOSED = re.compile(r"[.!?…][\"”’)]?$")
_OPEN_END = re.compile(r"[.!?…:;,\-–—][\"”’)]?$")


def furniture_line_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the furniture lines inside the story (see the module docstring)."""
    lines: list[tuple[int, int, str]] = []
    offset = 0
    for raw in text.split("\n"):
        body = raw.strip()
        if body:
            lines.append((offset, offset + len(raw), body))
        offset += len(raw) + 1
    spans: list[tuple[int, int]] = []
    started = False
    for index, (start, end, body) in enumerate(lines):
        if not started:
            started = bool(_CLOSED.search(body)) and len(body.split()) >= STORY_SENTENCE_WORDS
            continue
        if index == len(lines) - 1:
            break
        following = lines[index + 1][2]
        if (
            len(body.split()) <= FURNITURE_MAX_WORDS
            and not _OPEN_END.search(body)
            and not body[0].islower()
            and not following[0].islower()
        ):
            spans.append((start, end))
    return spans
