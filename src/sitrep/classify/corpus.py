"""The team's labelled typing corpus (data/typing/*.tsv) and its held-out split.

Each row is one sentence or short snippet with its label: an ACLED sub-event type, the PLOVER type
of an event ACLED does not code (THREATEN, ACCUSE, ...), or "none" (no specific, real event). The
held-out split is fixed by a hash of the text, so it never changes when rows are added or reordered
and a sentence can never sit in both halves.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sitrep.gold import ACLED_SUB_EVENT_TYPES

NONE = "none"
HELDOUT_PERCENT = 15  # share of the corpus held out, by hash of the text
COLUMNS = ("label", "plover", "country", "style", "text")


@dataclass(frozen=True, slots=True)
class Example:
    label: str
    plover: str | None  # None: an event with no PLOVER type (or a "none" row)
    country: str
    style: str
    text: str
    source: str  # the file it came from

    @property
    def heldout(self) -> bool:
        return is_heldout(self.text)


def is_heldout(text: str) -> bool:
    """The fixed split: the first two bytes of the sha256 of the whitespace-normalised text."""
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).digest()
    return int.from_bytes(digest[:2], "big") % 100 < HELDOUT_PERCENT


def corpus_folder() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "typing"))


def corpus_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or corpus_folder()).glob("*.tsv"))


def load_corpus(folder: Path | None = None) -> list[Example]:
    """Every row of every TSV, in file order; rows without text or label are skipped, duplicates of
    an earlier text kept once (the first label wins)."""
    examples: list[Example] = []
    seen: set[str] = set()
    for path in corpus_files(folder):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            for row in reader:
                text = " ".join((row.get("text") or "").split())
                label = (row.get("label") or "").strip()
                if not text or not label or text in seen:
                    continue
                seen.add(text)
                plover = (row.get("plover") or "").strip()
                examples.append(
                    Example(
                        label=label,
                        plover=None if plover in ("", NONE) else plover,
                        country=(row.get("country") or "").strip(),
                        style=(row.get("style") or "").strip(),
                        text=text,
                        source=path.name,
                    )
                )
    return examples


def split(examples: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """(train, held-out)."""
    train = [e for e in examples if not e.heldout]
    heldout = [e for e in examples if e.heldout]
    return train, heldout


def acled_event_type(label: str) -> str | None:
    """ACLED's event type of a sub-event label; None for PLOVER-only labels and "none"."""
    return ACLED_SUB_EVENT_TYPES.get(label)


def plovers_by_label(examples: Iterable[Example], share: float = 0.05) -> dict[str, tuple[str, ...]]:
    """The PLOVER types each label is written with, most frequent first, ignoring stray ones (below
    `share` of the label's rows): "Looting/property destruction" is ASSAULT or COERCE."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for example in examples:
        totals[example.label] += 1
        if example.plover:
            counts[example.label][example.plover] += 1
    return {
        label: tuple(p for p, n in counts[label].most_common() if n >= share * totals[label])
        for label in totals
    }


def describe(examples: Sequence[Example]) -> Mapping[str, Counter[str]]:
    """Counts per label, style, country, file and split: what the corpus README reports."""
    return {
        "label": Counter(e.label for e in examples),
        "style": Counter(e.style for e in examples),
        "country": Counter(e.country for e in examples),
        "file": Counter(e.source for e in examples),
        "split": Counter("heldout" if e.heldout else "train" for e in examples),
    }


def markdown(examples: Sequence[Example]) -> str:
    """The corpus's counts as the tables of data/typing/README.md (`python -m sitrep.classify.train
    --describe`)."""
    counts = describe(examples)
    heldout_by_label = Counter(e.label for e in examples if e.heldout)
    lines = [f"{len(examples)} examples; {counts['split']['train']} train, {counts['split']['heldout']} "
             f"held out; {len(counts['country'])} countries; {len(counts['style'])} styles.", "",
             "| label | ACLED event type | examples | held out |", "| --- | --- | ---: | ---: |"]
    for label, n in sorted(counts["label"].items(), key=lambda kv: (acled_event_type(kv[0]) or "~", kv[0])):
        lines.append(f"| {label} | {acled_event_type(label) or '-'} | {n} | {heldout_by_label[label]} |")
    lines += ["", "| style | examples |", "| --- | ---: |"]
    lines += [f"| {style} | {n} |" for style, n in counts["style"].most_common()]
    lines += ["", "| file | examples |", "| --- | ---: |"]
    lines += [f"| {name} | {n} |" for name, n in sorted(counts["file"].items())]
    top = ", ".join(f"{country} {n}" for country, n in counts["country"].most_common(15))
    lines += ["", f"Most frequent countries: {top}."]
    return "\n".join(lines)
