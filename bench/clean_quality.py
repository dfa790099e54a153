"""Boilerplate removal on the HTML pages of tests/corpus/boilerplate: sitrep vs plain trafilatura.

Run: .venv/bin/python bench/clean_quality.py
For each page, the keep items (body text) and drop items (boilerplate) of NAME.expected.json are
looked up in the text each extractor returns. keep-recall = body items kept; drop-recall =
boilerplate items removed; precision = removed drop items / (removed drop items + lost keep items).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitrep.clean import clean_article  # noqa: E402
from sitrep.models import Article  # noqa: E402
from sitrep.settings import Settings  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "boilerplate"


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).casefold()


def _sitrep(path: Path) -> str:
    article = Article(source=str(path), name=path.stem, body=path.read_text(encoding="utf-8"), kind="html")
    return clean_article(article, Settings()).text


def _trafilatura(path: Path) -> str:
    return trafilatura.extract(path.read_text(encoding="utf-8")) or ""


def measure(extract: Callable[[Path], str], paths: list[Path]) -> dict[str, float]:
    kept = keep_total = dropped = drop_total = 0
    extract(paths[0])  # warm-up: rule compilation and the language model load once per process
    started = time.perf_counter()
    for path in paths:
        expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
        text = _norm(extract(path))
        kept += sum(_norm(item) in text for item in expected["keep"])
        keep_total += len(expected["keep"])
        dropped += sum(_norm(item) not in text for item in expected["drop"])
        drop_total += len(expected["drop"])
    lost = keep_total - kept
    return {
        "keep_recall": kept / keep_total,
        "drop_recall": dropped / drop_total,
        "precision": dropped / max(dropped + lost, 1),
        "ms_per_page": 1000 * (time.perf_counter() - started) / len(paths),
    }


def main() -> None:
    paths = sorted(CORPUS.glob("*.html"))
    rows = {"trafilatura.extract": measure(_trafilatura, paths), "sitrep clean": measure(_sitrep, paths)}
    print(f"{len(paths)} HTML pages from {CORPUS.relative_to(ROOT)}")
    print(f"{'extractor':<22}{'keep-recall':>12}{'drop-recall':>12}{'precision':>11}{'ms/page':>9}")
    for name, row in rows.items():
        print(f"{name:<22}{row['keep_recall']:>12.3f}{row['drop_recall']:>12.3f}"
              f"{row['precision']:>11.3f}{row['ms_per_page']:>9.1f}")


if __name__ == "__main__":
    main()
