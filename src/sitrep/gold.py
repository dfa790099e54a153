"""The gold set's format: reading hand-annotated documents and the values a gold event may state.

The format is documented in tests/gold/README.md. Loading is strict, because a typo in the gold (an
unknown key, a misspelt type) would otherwise silently stop a field from being scored; the value
lists here are the ontology the gold and the evaluation share (sitrep/evaluate.py scores against it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.errors import MalformedInput

PLOVER_TYPES = frozenset(
    (
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
        "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"
    )
)
ASSAULT_MODES = frozenset(
    (
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
        "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"
    )
)
# ACLED's 25 sub-event types, spelled as in ACLED's codebook, by event type.
ACLED_SUB_EVENT_TYPES: Mapping[str, str] = {
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Armed clash": "Battles",
    "Excessive force against protesters": "Protests",
    "Protest with intervention": "Protests",
    "Peaceful protest": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
ACTOR_KINDS = frozenset(
    (
        "state_forces", "rebels", "political_militia", "identity_militia", "rioters", "protesters",
        "civilians", "external_other", "government", "person"
    )
)
# Every key a gold event may carry; anything else is a typo and refused when loading.
GOLD_EVENT_KEYS = frozenset(
    (
        "evidence_contains", "plover", "mode", "acled_sub_event_type", "actor1_country", "actor2_country",
        "actor1_kind", "actor2_kind", "location", "date", "date_precision", "killed", "injured",
        "displaced", "figure_qualifier", "attributed_to", "hedged", "note"
    )
)
# Keys the event-level gold (bench/realtext, sitrep/gold_events.py) adds to a gold event's `expected`.
EVENT_LEVEL_KEYS = frozenset(("location_admin1", "location_country", "location_precision", "date_source"))
@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event a careful analyst records; keys left out of `expected` are not scored."""

    plover: str
    evidence_contains: str  # the first (best) piece; "" in event-level gold, which gives `spans` instead
    expected: Mapping[str, Any]  # every key of the gold line, as written
    spans: tuple[tuple[int, int], ...] = ()  # event-level gold: every mention, offsets into the text
    evidence_span: tuple[int, int] | None = None  # event-level gold: the best mention
    incident: str | None = None  # event-level gold: the real-world incident's key across articles
    pieces: tuple[str, ...] = ()  # one piece per sentence telling the act; () = (evidence_contains,)

    @property
    def evidence_pieces(self) -> tuple[str, ...]:
        """Every piece a prediction may contain to tell this event, the best mention's first."""
        return self.pieces or ((self.evidence_contains,) if self.evidence_contains else ())

    @property
    def label(self) -> str:
        """What a miss shows: the evidence piece, or the offsets of the best mention."""
        if self.evidence_contains:
            return self.evidence_contains
        start, end = self.evidence_span or (self.spans[0] if self.spans else (0, 0))
        return f"@{start}-{end}"


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str  # snippet `id` or article file stem: the key of the predictions
    text: str
    published: date | None
    outlet: str | None
    events: tuple[GoldEvent, ...]
    conflict: str | None = None
    style: str | None = None
    tags: tuple[str, ...] = ()
    source: str = ""  # "file.jsonl:12" or the .txt path, for error messages
    meta: Mapping[str, Any] | None = None  # event-level gold: url, topic, split, country, query...


def load_gold(gold_dir: Path) -> list[GoldDocument]:
    """Every snippet (*.jsonl) and annotated article (*.txt + *.gold.json) under `gold_dir`.

    A malformed line or an unknown key is an error naming the file and line: a typo in the gold
    would otherwise silently stop a field from being scored.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise MalformedInput(f"{gold_dir}: not a directory of gold files")
    documents: list[GoldDocument] = []
    for path in sorted(gold_dir.rglob("*")):
        if path.suffix == ".jsonl" and path.is_file():
            documents.extend(_load_snippets(path))
        elif path.suffix == ".txt" and path.is_file():
            sidecar = path.with_name(path.stem + ".gold.json")
            if sidecar.is_file():
                documents.append(_load_article(path, sidecar))
    seen: set[str] = set()
    for document in documents:
        if document.id in seen:
            raise MalformedInput(f"{document.source}: duplicate gold document id {document.id!r}")
        seen.add(document.id)
    return documents


def _load_snippets(path: Path) -> Iterator[GoldDocument]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise MalformedInput(f"{where}: not a JSON object ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise MalformedInput(f"{where}: a snippet needs a string 'id'")
        if not isinstance(record.get("text"), str):
            raise MalformedInput(f"{where}: a snippet needs a string 'text'")
        yield _document(record["id"], record["text"], record, where)


def _load_article(text_path: Path, sidecar: Path) -> GoldDocument:
    try:
        record = json.loads(sidecar.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise MalformedInput(f"{sidecar}: not JSON ({error.msg})") from None
    if not isinstance(record, dict):
        raise MalformedInput(f"{sidecar}: not a JSON object")
    return _document(text_path.stem, text_path.read_text(encoding="utf-8"), record, str(sidecar))


def _document(doc_id: str, text: str, record: Mapping[str, Any], where: str) -> GoldDocument:
    published = record.get("published")
    try:
        published_date = date.fromisoformat(published) if published else None
    except (TypeError, ValueError):
        raise MalformedInput(f"{where}: 'published' must be YYYY-MM-DD, not {published!r}") from None
    raw_events = record.get("events", [])
    if not isinstance(raw_events, list):
        raise MalformedInput(f"{where}: 'events' must be a list")
    events = tuple(_gold_event(raw, f"{where} event {i + 1}") for i, raw in enumerate(raw_events))
    problems = [f"{where} event {i + 1}: {problem}" for i, event in enumerate(events)
                for problem in evidence_problems(event, text)]
    if problems:
        raise MalformedInput("; ".join(problems))
    return GoldDocument(
        id=doc_id,
        text=text,
        published=published_date,
        outlet=record.get("outlet"),
        events=events,
        conflict=record.get("conflict"),
        style=record.get("style"),
        tags=tuple(record.get("tags", ())),
        source=where,
    )


def _gold_event(raw: Any, where: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise MalformedInput(f"{where}: a gold event must be a JSON object")
    unknown = set(raw) - GOLD_EVENT_KEYS
    if unknown:
        raise MalformedInput(f"{where}: unknown keys {sorted(unknown)}")
    plover, evidence = raw.get("plover"), raw.get("evidence_contains")
    if plover not in PLOVER_TYPES:
        raise MalformedInput(f"{where}: 'plover' must be one of the 16 PLOVER types, not {plover!r}")
    # One piece, or a list of them: one per sentence that tells the act (event-level gold).
    pieces: tuple[Any, ...] = tuple(evidence) if isinstance(evidence, list) else (evidence,)
    if not pieces or not all(isinstance(piece, str) and piece.strip() for piece in pieces):
        raise MalformedInput(f"{where}: 'evidence_contains' must be a non-empty string or list of them")
    if len({piece.casefold() for piece in pieces}) != len(pieces):
        raise MalformedInput(f"{where}: 'evidence_contains' repeats a piece")
    mode = raw.get("mode")
    if mode is not None and mode not in ASSAULT_MODES:
        raise MalformedInput(f"{where}: unknown mode {mode!r}")
    sub_event = raw.get("acled_sub_event_type")
    if sub_event is not None and sub_event not in ACLED_SUB_EVENT_TYPES:
        raise MalformedInput(f"{where}: unknown ACLED sub-event type {sub_event!r}")
    for key in ("actor1_kind", "actor2_kind"):
        if raw.get(key) is not None and raw[key] not in ACTOR_KINDS:
            raise MalformedInput(f"{where}: unknown actor kind {raw[key]!r}")
    return GoldEvent(plover=plover, evidence_contains=pieces[0], expected=dict(raw), pieces=pieces)


# Where one sentence ends and the next begins, roughly: end punctuation (a closing quote may follow)
# before a capital or an opening quote, or a line break (headlines, live-blog stamps, paragraphs).
SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“])|\n")


def evidence_problems(event: GoldEvent, text: str) -> list[str]:
    """What is wrong with a gold event's pieces in its text (none when each occurs exactly once,
    inside one sentence, and no two of them lie in the same sentence: one piece per mention)."""
    folded = text.casefold()
    breaks = [match.end() for match in SENTENCE_BREAK.finditer(text)]
    problems, sentences = [], []
    for piece in event.evidence_pieces:
        count = folded.count(piece.casefold())
        if count != 1:
            problems.append(f"{piece!r} occurs {count} times in the text")
            continue
        start = folded.index(piece.casefold())
        if any(start < end <= start + len(piece.rstrip()) for end in breaks):
            problems.append(f"{piece!r} spans a sentence break")
        sentences.append(sum(1 for end in breaks if end <= start))
    if len(set(sentences)) != len(sentences):
        problems.append("two pieces lie in one sentence: give one piece per sentence that tells the act")
    return problems
