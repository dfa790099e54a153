"""Event-level gold: one record per act, its mentions as character offsets (bench/realtext).

The real-text benchmark keeps no third-party text in the repository: `gold/ID.json` holds an
article's metadata and events with offsets, and `texts/ID.txt` (re-created, never committed) holds
the page opening they point into. Format: bench/realtext/FORMAT.md. This module turns such a
folder into the same `GoldDocument`s the snippet gold gives, so one scorer (sitrep/evaluate.py)
serves every gold set; nested actor and place objects become the flat keys the scorer reads.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from sitrep.errors import MalformedInput
from sitrep.gold import (
    ACLED_SUB_EVENT_TYPES,
    ACTOR_KINDS,
    ASSAULT_MODES,
    PLOVER_TYPES,
    GoldDocument,
    GoldEvent,
    _document,
)

# Keys of an event-level gold event that are copied to `expected` unchanged.
_PLAIN_KEYS = (
    "mode", "acled_sub_event_type", "date", "date_precision", "date_source", "killed", "injured",
    "displaced", "figure_qualifier", "attributed_to", "hedged",
)


def is_event_level(folder: Path) -> bool:
    """A benchmark folder: gold/*.json beside texts/."""
    return (folder / "gold").is_dir() and any((folder / "gold").glob("*.json"))


def missing_texts(folder: Path) -> list[str]:
    """Ids whose text is absent or differs from the sha256 the gold recorded."""
    missing = []
    for path in sorted((folder / "gold").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text_path = folder / "texts" / f"{path.stem}.txt"
        digest = hashlib.sha256(text_path.read_bytes()).hexdigest() if text_path.is_file() else None
        if digest != record.get("sha256"):
            missing.append(path.stem)
    return missing


def load_event_gold(
    folder: Path, split: str | None = None, skip: Collection[str] = ()
) -> list[GoldDocument]:
    """Every annotated article of a benchmark folder (one split, or all when `split` is None),
    but those whose ids are in `skip` (a text that could not be re-created, said by the caller)."""
    folder = Path(folder)
    documents = []
    for path in sorted((folder / "gold").glob("*.json")):
        where = str(path)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise MalformedInput(f"{where}: not JSON ({error.msg})") from None
        if (split is not None and record.get("split", "dev") != split) or path.stem in skip:
            continue
        text_path = folder / "texts" / f"{path.stem}.txt"
        try:
            text = text_path.read_text(encoding="utf-8")
        except OSError:
            how = "re-create the texts (bench/realtext/README.md)"
            raise MalformedInput(f"{text_path}: missing; {how}") from None
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != record.get("sha256"):
            raise MalformedInput(f"{text_path}: sha256 differs from the gold's; re-create it")
        base = _document(path.stem, text, {**record, "events": []}, where)
        events = tuple(
            _event(raw, len(text), f"{where} event {i + 1}") for i, raw in enumerate(record.get("events", []))
        )
        meta = {k: v for k, v in record.items() if k != "events"}
        documents.append(
            GoldDocument(
                id=base.id, text=text, published=base.published, outlet=base.outlet, events=events,
                conflict=base.conflict, style=base.style, tags=(), source=where, meta=meta,
            )
        )
    return documents


def _event(raw: dict[str, Any], length: int, where: str) -> GoldEvent:
    plover = raw.get("plover")
    if plover is not None and plover not in PLOVER_TYPES:
        raise MalformedInput(f"{where}: unknown PLOVER type {plover!r}")
    if raw.get("mode") is not None and raw["mode"] not in ASSAULT_MODES:
        raise MalformedInput(f"{where}: unknown mode {raw['mode']!r}")
    sub = raw.get("acled_sub_event_type")
    if sub is not None and sub not in ACLED_SUB_EVENT_TYPES:
        raise MalformedInput(f"{where}: unknown ACLED sub-event type {sub!r}")
    spans = tuple(_span(s, length, where) for s in raw.get("mentions", ()))
    if not spans:
        raise MalformedInput(f"{where}: an event needs at least one mention")
    expected: dict[str, Any] = {"plover": plover or ""}
    for key in _PLAIN_KEYS:
        if key in raw:
            expected[key] = raw[key]
    for side in ("actor1", "actor2"):
        if side in raw:
            actor = raw[side]
            if actor is None:
                expected[f"{side}_country"] = None
                expected[f"{side}_kind"] = None
                continue
            if "country" in actor:
                expected[f"{side}_country"] = actor["country"]
            if "kind" in actor:
                if actor["kind"] is not None and actor["kind"] not in ACTOR_KINDS:
                    raise MalformedInput(f"{where}: unknown actor kind {actor['kind']!r}")
                expected[f"{side}_kind"] = actor["kind"]
    if "location" in raw:
        place = raw["location"]
        expected["location"] = place.get("name") if place else None
        if place:
            for key in ("admin1", "country", "precision"):
                if key in place:
                    expected[f"location_{key}"] = place[key]
    evidence = _span(raw["evidence"], length, where) if raw.get("evidence") else spans[0]
    return GoldEvent(
        plover=plover or "",
        evidence_contains="",
        expected=expected,
        spans=spans,
        evidence_span=evidence,
        incident=raw.get("incident"),
    )


def _span(value: Any, length: int, where: str) -> tuple[int, int]:
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(v, int) for v in value)
        or not 0 <= value[0] < value[1] <= length
    ):
        raise MalformedInput(f"{where}: a span must be [start, end] inside the text, not {value!r}")
    return (value[0], value[1])
