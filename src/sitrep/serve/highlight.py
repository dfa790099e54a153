"""Article text cut into segments at evidence and attribution offsets, for the article page.

Article text is untrusted. The page never marks up the text itself: the server cuts it into plain
string pieces here, and the template escapes each piece and wraps the evidence ones in <mark>.
Overlapping spans (two events in one sentence) are handled by cutting at every span boundary, so
each segment knows every event that covers it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sitrep.models import Event


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the cleaned text, [start, end), tagged as evidence of events or an attribution."""

    start: int
    end: int
    kind: str  # "evidence" | "attribution"
    event_ids: tuple[str, ...] = ()
    label: str | None = None  # what to show on hover: the event's type, or who is quoted


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text and every span that covers it (empty: plain text)."""

    text: str
    evidence: tuple[str, ...] = ()  # ids of the events whose evidence covers this piece
    attribution: bool = False
    labels: tuple[str, ...] = field(default=())

    @property
    def marked(self) -> bool:
        return bool(self.evidence) or self.attribution


def event_spans(text: str, events: Iterable[Event]) -> list[Span]:
    """Evidence spans of events, and the words naming the source each event is attributed to.

    Attribution is a name, not an offset: it is marked where that name appears inside the event's
    own evidence sentence (case-insensitive); a source named elsewhere is not guessed at.
    """
    spans: list[Span] = []
    for event in events:
        evidence = event.evidence
        if evidence is None or not 0 <= evidence.start < evidence.end <= len(text):
            continue
        label = event.plover + (f" per {event.attributed_to}" if event.attributed_to else "")
        spans.append(Span(evidence.start, evidence.end, "evidence", (event.event_id,), label))
        if event.attributed_to:
            sentence = text[evidence.start : evidence.end].lower()
            found = sentence.find(event.attributed_to.lower())
            if found >= 0:
                start = evidence.start + found
                spans.append(
                    Span(
                        start,
                        start + len(event.attributed_to),
                        "attribution",
                        (event.event_id,),
                        f"source: {event.attributed_to}",
                    )
                )
    return spans


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """`text` cut at every span boundary; concatenating the segments' text gives `text` back."""
    kept = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in kept), *(s.end for s in kept)})
    pieces: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in kept if s.start <= start and end <= s.end]
        evidence = tuple(dict.fromkeys(i for s in covering if s.kind == "evidence" for i in s.event_ids))
        labels = tuple(dict.fromkeys(s.label for s in covering if s.label))
        pieces.append(
            Segment(text[start:end], evidence, any(s.kind == "attribution" for s in covering), labels)
        )
    return pieces
