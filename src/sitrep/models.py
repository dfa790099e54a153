"""The typed records that flow between pipeline stages.

ingest -> Article -> clean -> CleanArticle -> parse -> ParsedArticle -> extract -> EventMention
-> resolve -> Event. Each stage takes one of these and returns the next; no stage reaches into
another's internals. Offsets (`start`, `end`) are always character offsets into
`CleanArticle.text` unless a field says otherwise.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

ArticleKind = Literal["text", "html"]
DatePrecision = Literal["day", "week", "month"]
# How an event's date was obtained: its own sentence, the article's scene or dateline, or the
# publication date (a lead sentence with no time of its own).
DateSource = Literal["stated", "context", "publication"]


@dataclass(frozen=True, slots=True)
class Article:
    """One input document as read from a file, a JSONL line, a feed item or a WARC record."""

    source: str  # where it came from: a path, "path:line", a feed item link
    name: str | None  # the input's own id (JSONL `id`, feed guid) or the file's stem
    body: str  # decoded text or HTML
    kind: ArticleKind
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    given_id: bool = False  # True when `name` is an id the input stated, not a file stem
    title: str | None = None  # a title the input states apart from the body (a feed item's title)


@dataclass(frozen=True, slots=True)
class Removed:
    """A stretch of boilerplate cut from the text, kept so users can see what was dropped."""

    text: str
    rule: str  # the name of the boilerplate rule in data/boilerplate.toml, or "html"
    start: int  # offsets into OffsetMap's original text
    end: int


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in the cleaned text back to offsets in the original text.

    `original` is the text before boilerplate removal: the file's text for plain text, the
    extracted main text for HTML. Kept as runs of (clean_start, original_start, length): inside a
    run the two texts are identical, so mapping is a binary search.
    """

    runs: tuple[tuple[int, int, int], ...] = ()

    def to_original(self, offset: int) -> int:
        if not self.runs:
            return offset
        starts = [run[0] for run in self.runs]
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        clean_start, original_start, length = self.runs[index]
        return original_start + min(max(offset - clean_start, 0), length)


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """Main text of an article, boilerplate removed, with metadata and the recognised notices."""

    id: str  # the input's id or file stem; else the content hash
    content_hash: str  # sha256 of `text`, hex: equal texts are the same article
    source: str
    text: str
    original: str  # the text before boilerplate removal (see OffsetMap)
    title: str | None = None
    byline: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    source_url: str | None = None  # a trailing "from http://..." line or a canonical link
    republished_from: str | None = None  # "Republished with permission / ANTIWAR.COM"
    language: str | None = None
    dateline_place: str | None = None  # "BEIRUT" of "BEIRUT (Reuters) -": where the report was filed
    dateline_agency: str | None = None  # "Reuters": a wire agency's dateline marks a syndicated story
    removed: tuple[Removed, ...] = ()
    offsets: OffsetMap = field(default_factory=OffsetMap)

    def to_dict(self) -> dict[str, Any]:
        """The `sitrep clean --format jsonl` record."""
        return {
            "id": self.id,
            "title": self.title,
            "byline": self.byline,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
            "url": self.url,
            "source_url": self.source_url,
            "republished_from": self.republished_from,
            "language": self.language,
            "text": self.text,
            "removed": [{"text": r.text, "rule": r.rule} for r in self.removed],
        }


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """A cleaned article with its spaCy Doc (sentences, tokens, POS, dependencies, entities)."""

    article: CleanArticle
    doc: Any  # spacy.tokens.Doc; only parse.py imports spaCy


@dataclass(frozen=True, slots=True)
class TextSpan:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Figures:
    killed: int | None = None
    injured: int | None = None
    displaced: int | None = None
    qualifier: str | None = None  # "at least", "over", "nearly", "about", "dozens", ...


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as stated in one sentence, before actors, places and dates are resolved."""

    article_id: str
    plover: str
    mode: str | None
    trigger: TextSpan
    sentence: TextSpan
    actor1: TextSpan | None = None
    actor2: TextSpan | None = None
    actor1_backers: tuple[str, ...] = ()  # surface text naming backers: "Russia-backed", "Turkish artillery"
    actor2_backers: tuple[str, ...] = ()
    place: TextSpan | None = None
    time: TextSpan | None = None
    figures: Figures = field(default_factory=Figures)
    attributed_to: str | None = None  # None: the outlet's own voice
    attribution_cue: str | None = None  # "said", "told Reuters", "according to"
    hedged: bool = False
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None
    quad_class: int | None = None
    # a toll with no act of its own ("Five people died."): a figure for the act told before it,
    # never an act by itself (resolve/merge.py)
    claim_only: bool = False
    # the act a sentence dates another against ("The attack came six days after a missile struck
    # another district"): an act apart from the article's own, even with no date or place of its own
    dated_against: bool = False
    # how many days that act came before the sentence's main act (2 for "came two days after a
    # bombing"), when the sentence counts them in days or weeks
    days_before_main: int | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    country: str | None  # ISO3
    kind: str | None  # one of the ten SPEC actor kinds
    backed_by: tuple[str, ...] = ()  # ISO3 codes
    text: str | None = None  # the words in the article

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "kind": self.kind,
            "backed_by": list(self.backed_by),
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    admin1: str | None
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    geonames_id: int | None
    precision: int  # ACLED geo precision: 1 the place itself, 2 near it, 3 the province
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Mention:
    """One sentence that tells an event: where it is, who the article says claims it, its figures."""

    text: str
    start: int  # offsets into the cleaned text
    end: int
    attributed_to: str | None = None
    hedged: bool = False
    killed: int | None = None
    injured: int | None = None
    displaced: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "attributed_to": self.attributed_to,
            "hedged": self.hedged,
            "killed": self.killed,
            "injured": self.injured,
            "displaced": self.displaced,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(
            text=data["text"],
            start=data["start"],
            end=data["end"],
            attributed_to=data.get("attributed_to"),
            hedged=bool(data.get("hedged")),
            killed=data.get("killed"),
            injured=data.get("injured"),
            displaced=data.get("displaced"),
        )


@dataclass(frozen=True, slots=True)
class Event:
    """The event record of SPEC.md, one JSON object a line."""

    event_id: str
    article_id: str
    plover: str
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None
    quad_class: int | None = None
    date: str | None = None  # "YYYY-MM-DD" or "YYYY-MM"
    date_precision: DatePrecision | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    killed: int | None = None
    injured: int | None = None
    displaced: int | None = None
    figure_qualifier: str | None = None
    attributed_to: str | None = None
    hedged: bool = False
    evidence: TextSpan | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    incident_id: str | None = None
    date_source: DateSource | None = None
    confidence: float | None = None  # from the learned typing, when a model typed the event
    mentions: tuple[Mention, ...] = ()  # every sentence of the article that tells this act

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "incident_id": self.incident_id,
            "plover": self.plover,
            "mode": self.mode,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "confidence": self.confidence,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "location": self.location.to_dict() if self.location else None,
            "killed": self.killed,
            "injured": self.injured,
            "displaced": self.displaced,
            "figure_qualifier": self.figure_qualifier,
            "attributed_to": self.attributed_to,
            "hedged": self.hedged,
            "evidence": (
                {"text": self.evidence.text, "start": self.evidence.start, "end": self.evidence.end}
                if self.evidence
                else None
            ),
            "mentions": [mention.to_dict() for mention in self.mentions],
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be used, with the one-line reason shown to the user."""

    source: str
    reason: str
