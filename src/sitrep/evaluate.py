"""Scores extracted events against a hand-annotated gold set (`sitrep eval GOLD_DIR`).

The gold format is documented in tests/gold/README.md and read by sitrep/gold.py. In short: a
gold event names its PLOVER type and a distinctive piece of the one sentence that states it; a
predicted event matches it when the types are equal and the predicted evidence sentence contains
that piece. Matching is one-to-one and greedy in document order, so a system cannot earn two
matches from one gold event. Event precision, recall and F1 measure finding events; field
accuracy measures, over matched pairs only, how often each field the gold states was right, so
finding and describing are scored apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.field_checks import field_checks
from sitrep.gold import (
    ACLED_SUB_EVENT_TYPES,
    ACTOR_KINDS,
    ASSAULT_MODES,
    GOLD_EVENT_KEYS,
    PLOVER_TYPES,
    GoldDocument,
    GoldEvent,
    load_gold,
)
from sitrep.models import Event, OffsetMap

# The gold loader and the ontology value lists moved to sitrep.gold; they are re-exported here so
# `from sitrep.evaluate import load_gold, score` keeps working.
__all__ = [
    "ACLED_SUB_EVENT_TYPES",
    "ACTOR_KINDS",
    "ASSAULT_MODES",
    "FIELDS",
    "GOLD_EVENT_KEYS",
    "PLOVER_TYPES",
    "EvalReport",
    "GoldDocument",
    "GoldEvent",
    "Miss",
    "TypeScore",
    "format_report",
    "load_gold",
    "score",
]

# Field names in the report, in the order they are printed.
FIELDS = (
    "plover",
    "mode",
    "acled_sub_event_type",
    "actor_country",
    "actor_kind",
    "actor1_country",
    "actor1_kind",
    "actor2_country",
    "actor2_kind",
    "location",
    "date",
    "date_precision",
    "date_source",
    "killed",
    "injured",
    "displaced",
    "figure_qualifier",
    "attribution",
    "hedged",
)


@dataclass(frozen=True, slots=True)
class Miss:
    """One disagreement, for debugging: a missed gold event, a spurious prediction, a wrong field."""

    kind: str  # "missed" | "spurious" | "wrong_field"
    document_id: str
    plover: str
    evidence: str  # the gold evidence_contains, or the predicted sentence
    field: str | None = None
    expected: Any = None
    got: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "document_id": self.document_id,
            "plover": self.plover,
            "evidence": self.evidence,
            "field": self.field,
            "expected": self.expected,
            "got": self.got,
        }


@dataclass(frozen=True, slots=True)
class TypeScore:
    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)


@dataclass(frozen=True, slots=True)
class EvalReport:
    documents: int
    gold_events: int
    predicted_events: int
    matched: int
    fields: Mapping[str, tuple[int, int]]  # field -> (correct, scored)
    per_plover: Mapping[str, TypeScore]
    misses: tuple[Miss, ...] = field(default=())
    # (document id, index of the gold event in its document, matched prediction's event_id)
    pairs: tuple[tuple[str, int, str], ...] = field(default=())
    # (gold ACLED sub-event type, predicted one) -> matched events, diagonal included
    confusion: Mapping[tuple[str, str], int] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted_events)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold_events)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self, name: str) -> float | None:
        correct, scored = self.fields.get(name, (0, 0))
        return correct / scored if scored else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {
                name: {"correct": c, "scored": s, "accuracy": round(c / s, 4) if s else None}
                for name, (c, s) in self.fields.items()
            },
            "per_plover": {
                name: {
                    "gold": t.gold,
                    "predicted": t.predicted,
                    "matched": t.matched,
                    "precision": round(t.precision, 4),
                    "recall": round(t.recall, 4),
                }
                for name, t in self.per_plover.items()
            },
            "acled_confusion": [
                {"gold": gold, "predicted": got, "events": n}
                for (gold, got), n in sorted(self.confusion.items())
            ],
            "misses": [m.to_dict() for m in self.misses],
        }


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


# ---------------------------------------------------------------------------------------- scoring


def score(
    gold: Sequence[GoldDocument],
    predicted: Mapping[str, Sequence[Event]],
    offsets: Mapping[str, OffsetMap] | None = None,
) -> EvalReport:
    """Match predictions to gold per document and count events, fields and disagreements.

    Predictions for a document id that is not in the gold are ignored: the gold decides what is
    being measured. Gold events are taken in document order; each takes, among the unmatched
    predictions of its type that tell it, the one agreeing on the most scored fields (the earliest
    on a tie). A prediction tells a snippet-gold event when its evidence contains the gold's piece,
    and an event-level gold event when one of its sentences overlaps one of the gold's mentions
    (`offsets` maps a document's cleaned-text offsets back to the gold text). The `plover` field is
    scored apart, over gold events that some prediction of any type tells.
    """
    fields: dict[str, list[int]] = {name: [0, 0] for name in FIELDS}
    per_type: dict[str, list[int]] = {name: [0, 0, 0] for name in sorted(PLOVER_TYPES)}
    misses: list[Miss] = []
    pairs: list[tuple[str, int, str]] = []
    confusion: Counter[tuple[str, str]] = Counter()
    gold_total = predicted_total = matched_total = 0
    for document in gold:
        events = sorted(predicted.get(document.id, ()), key=_document_order)
        spans = [_original_spans(event, document.text, (offsets or {}).get(document.id)) for event in events]
        gold_total += len(document.events)
        predicted_total += len(events)
        for gold_event in document.events:
            per_type.setdefault(gold_event.plover, [0, 0, 0])[0] += 1
        for event in events:
            per_type.setdefault(event.plover, [0, 0, 0])[1] += 1
        taken: set[int] = set()
        for gold_index, gold_event in enumerate(document.events):
            label = _gold_label(gold_event, document.text)
            told = [i for i, event in enumerate(events) if _tells(gold_event, event, spans[i])]
            if told:
                fields["plover"][1] += 1
                fields["plover"][0] += any(events[i].plover == gold_event.plover for i in told)
            same_type = [i for i in told if events[i].plover == gold_event.plover]
            index = _best_match(gold_event, events, taken, same_type)
            if index is None:
                misses.append(Miss("missed", document.id, gold_event.plover, label))
                continue
            taken.add(index)
            pairs.append((document.id, gold_index, events[index].event_id))
            matched_total += 1
            per_type[gold_event.plover][2] += 1
            for name, expected, got, correct in field_checks(gold_event, events[index]):
                fields[name][1] += 1
                if name == "acled_sub_event_type":
                    confusion[(str(expected), str(got))] += 1
                if correct:
                    fields[name][0] += 1
                else:
                    miss = Miss("wrong_field", document.id, gold_event.plover, label, name, expected, got)
                    misses.append(miss)
        for index, event in enumerate(events):
            if index not in taken:
                evidence = event.evidence.text if event.evidence else ""
                misses.append(Miss("spurious", document.id, event.plover, evidence))
    return EvalReport(
        documents=len(gold),
        gold_events=gold_total,
        predicted_events=predicted_total,
        matched=matched_total,
        fields={name: (c, s) for name, (c, s) in fields.items()},
        per_plover={name: TypeScore(g, p, m) for name, (g, p, m) in per_type.items() if g or p},
        misses=tuple(misses),
        pairs=tuple(pairs),
        confusion=dict(confusion),
    )


def _document_order(event: Event) -> int:
    return event.evidence.start if event.evidence else -1


def _original_spans(event: Event, text: str, offsets: OffsetMap | None) -> list[tuple[int, int]]:
    """Where the event's sentences sit in the gold text: mapped offsets, else found by their text."""
    spans = []
    for span in _event_spans(event):
        start, end = span.start, span.end
        if offsets is not None:
            start, end = offsets.to_original(start), offsets.to_original(max(end - 1, start)) + 1
        if text[start:end] != span.text:
            found = text.find(span.text)
            if found >= 0:
                start, end = found, found + len(span.text)
        spans.append((start, end))
    return spans


def _event_spans(event: Event) -> list[Any]:
    mentions = list(getattr(event, "mentions", ()) or ())
    return mentions or ([event.evidence] if event.evidence else [])


def _tells(gold_event: GoldEvent, event: Event, spans: Sequence[tuple[int, int]]) -> bool:
    """Does the prediction tell this gold event, whatever type it gives it? A snippet or article gold
    event is told when any of the prediction's mentions (or its evidence) contains any of its pieces."""
    if gold_event.evidence_pieces:
        texts = [span.text.casefold() for span in _event_spans(event)]
        texts += [event.evidence.text.casefold()] if event.evidence else []
        return any(piece.casefold() in text for piece in gold_event.evidence_pieces for text in texts)
    return any(s < ge and gs < e for s, e in spans for gs, ge in gold_event.spans)


def _gold_label(gold_event: GoldEvent, text: str) -> str:
    if gold_event.evidence_pieces:
        return " | ".join(gold_event.evidence_pieces)
    if gold_event.evidence_span is None:
        return gold_event.label
    start, end = gold_event.evidence_span
    return text[start:end]


def _best_match(
    gold_event: GoldEvent, events: Sequence[Event], taken: set[int], candidates: Sequence[int]
) -> int | None:
    best: int | None = None
    best_agreement = -1
    for index in candidates:
        event = events[index]
        if index in taken:
            continue
        agreement = sum(correct for *_, correct in field_checks(gold_event, event))
        if agreement > best_agreement:
            best, best_agreement = index, agreement
    return best


# ---------------------------------------------------------------------------------------- report


def format_report(report: EvalReport, max_misses: int = 40) -> str:
    """The plain-text report `sitrep eval` prints: totals, fields, types, then the first misses."""
    lines = [
        f"documents {report.documents}   gold events {report.gold_events}   "
        f"predicted {report.predicted_events}   matched {report.matched}",
        f"event precision {report.precision:.3f}   recall {report.recall:.3f}   F1 {report.f1:.3f}",
        "",
        "field accuracy (over matched events where the gold states the field)",
    ]
    for name, (correct, scored) in report.fields.items():
        accuracy = f"{correct / scored:.3f}" if scored else "  -  "
        lines.append(f"  {name:<22} {accuracy}  ({correct}/{scored})")
    lines += ["", "per PLOVER type            gold  pred  match  precision  recall"]
    for name, t in sorted(report.per_plover.items()):
        lines.append(
            f"  {name:<22} {t.gold:>6} {t.predicted:>5} {t.matched:>6}  {t.precision:>9.3f} {t.recall:>7.3f}"
        )
    if report.confusion:
        lines += ["", format_confusion(report.confusion)]
    if report.misses:
        lines += ["", f"misses ({len(report.misses)}, first {min(max_misses, len(report.misses))})"]
        for miss in report.misses[:max_misses]:
            where = f"{miss.document_id} {miss.plover}"
            if miss.kind == "wrong_field":
                lines.append(
                    f"  wrong {miss.field}: {where} expected {miss.expected!r} got {miss.got!r}"
                    f"  [{_short(miss.evidence)}]"
                )
            else:
                lines.append(f"  {miss.kind}: {where}  [{_short(miss.evidence)}]")
    return "\n".join(lines)


def format_confusion(confusion: Mapping[tuple[str, str], int]) -> str:
    """The ACLED sub-event confusion matrix of matched events, one row per gold type: how many,
    how many right, and what the others were typed as (most frequent first)."""
    rows: dict[str, Counter[str]] = {}
    for (gold, got), n in confusion.items():
        rows.setdefault(gold, Counter())[got] += n
    right = sum(n for (gold, got), n in confusion.items() if gold == got)
    total = sum(confusion.values())
    lines = [
        f"ACLED sub-event confusion (matched events the gold types: {right}/{total} right)",
        f"  {'gold type':<40} {'events':>6} {'right':>5}  typed instead as",
    ]
    for gold, row in sorted(rows.items(), key=lambda item: (-sum(item[1].values()), item[0])):
        others = ", ".join(f"{got} {n}" for got, n in row.most_common() if got != gold)
        lines.append(f"  {gold:<40} {sum(row.values()):>6} {row[gold]:>5}  {others}")
    return "\n".join(lines)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
