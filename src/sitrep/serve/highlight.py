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
    """Every mention of every event (each sentence that tells the act), and the words naming the
    source each mention is attributed to.

    Attribution is a name, not an offset: it is marked where that name appears inside the mention's
    own sentence (case-insensitive); a source named elsewhere is not guessed at. An event stored
    before events had mentions is marked at its evidence sentence.
    """
    spans: list[Span] = []
    for event in events:
        told = [(m.start, m.end, m.attributed_to) for m in event.mentions]
        if not told and event.evidence is not None:
            told = [(event.evidence.start, event.evidence.end, event.attributed_to)]
        for start, end, source in told:
            if not 0 <= start < end <= len(text):
                continue
            label = event.plover + (f" per {source}" if source else "")
            spans.append(Span(start, end, "evidence", (event.event_id,), label))
            if source:
                found = text[start:end].lower().find(source.lower())
                if found >= 0:
                    at = start + found
                    source_label = f"source: {source}"
                    spans.append(Span(at, at + len(source), "attribution", (event.event_id,), source_label))
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
