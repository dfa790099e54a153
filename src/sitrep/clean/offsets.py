"""Build the cleaned text from kept stretches of the original, remembering where each came from.

Evidence offsets point into the cleaned text, but users check them against what the outlet
published: every character copied from the original is recorded as part of a run, so
`OffsetMap.to_original` finds it again. Separators the cleaner writes itself (a space between
words, a newline between paragraphs) belong to no run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sitrep.models import OffsetMap

# Words joined by single ordinary spaces: copied as one run. Any other whitespace (tabs, runs of
# spaces, non-breaking spaces) is rewritten as one space.
_SPACED_WORDS = re.compile(r"\S+(?: \S+)*")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


class CleanTextBuilder:
    """Appends original stretches (normalising their inner whitespace) and literal separators."""

    def __init__(self, original: str) -> None:
        self.original = original
        self._parts: list[str] = []
        self._length = 0
        self._runs: list[tuple[int, int, int]] = []

    def _append_run(self, start: int, end: int) -> None:
        length = end - start
        if length <= 0:
            return
        last = self._runs[-1] if self._runs else None
        if last and last[0] + last[2] == self._length and last[1] + last[2] == start:
            self._runs[-1] = (last[0], last[1], last[2] + length)
        else:
            self._runs.append((self._length, start, length))
        self._parts.append(self.original[start:end])
        self._length += length

    def literal(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def copy(self, start: int, end: int) -> None:
        """Copy original[start:end] with whitespace inside it collapsed to single spaces."""
        first = True
        for match in _SPACED_WORDS.finditer(self.original, start, end):
            if not first:
                self.literal(" ")
            self._append_run(match.start(), match.end())
            first = False

    @property
    def length(self) -> int:
        return self._length

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(tuple(self._runs))


def assemble(original: str, kept: Iterable[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """Join kept stretches (in order) into the cleaned text.

    Stretches separated in the original by a blank line are joined by a blank line; others by a
    single newline, so both "one paragraph a line" and "blank line between paragraphs" survive.
    """
    builder = CleanTextBuilder(original)
    previous_end: int | None = None
    for start, end in kept:
        if not original[start:end].strip():
            continue
        if previous_end is not None and builder.length:
            gap = original[previous_end:start]
            if _BLANK_LINE.search(gap):
                builder.literal("\n\n")
            elif "\n" in gap:
                builder.literal("\n")
            else:
                builder.literal(" ")
        builder.copy(start, end)
        previous_end = end
    return builder.build()
