"""Boilerplate removal on annotated HTML pages: sitrep vs plain trafilatura.

Run: .venv/bin/python bench/clean_quality.py [FOLDER] [--all] [--misses N]
FOLDER defaults to tests/corpus/boilerplate (the pages the rules were developed with);
tests/corpus/boilerplate_heldout holds pages written independently of the rules, so its table is
the honest estimate on unseen sites. --all prints both tables; --misses N also lists, for each
extractor, the N pages with the most misses and which items were missed.
For each page, the keep items (body text) and drop items (boilerplate) of NAME.expected.json are
looked up in the text each extractor returns. keep-recall = body items kept; drop-recall =
boilerplate items removed; precision = removed drop items / (removed drop items + lost keep items).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitrep.clean import clean_article  # noqa: E402
from sitrep.models import Article  # noqa: E402
from sitrep.settings import Settings  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "boilerplate"
HELDOUT = ROOT / "tests" / "corpus" / "boilerplate_heldout"


@dataclass
class PageMisses:
    """Items one extractor got wrong on one page: body text lost, boilerplate left in."""

    page: str
    lost_keep: list[str] = field(default_factory=list)
    kept_drop: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.lost_keep) + len(self.kept_drop)


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).casefold()


def _sitrep(path: Path) -> str:
    article = Article(source=str(path), name=path.stem, body=path.read_text(encoding="utf-8"), kind="html")
    return clean_article(article, Settings()).text


def _trafilatura(path: Path) -> str:
    return trafilatura.extract(path.read_text(encoding="utf-8")) or ""


def measure(extract: Callable[[Path], str], paths: list[Path]) -> tuple[dict[str, float], list[PageMisses]]:
    kept = keep_total = dropped = drop_total = 0
    misses: list[PageMisses] = []
    extract(paths[0])  # warm-up: rule compilation and the language model load once per process
    started = time.perf_counter()
    for path in paths:
        expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
        text = _norm(extract(path))
        page = PageMisses(path.name)
        page.lost_keep = [item for item in expected["keep"] if _norm(item) not in text]
        page.kept_drop = [item for item in expected["drop"] if _norm(item) in text]
        misses.append(page)
        kept += len(expected["keep"]) - len(page.lost_keep)
        keep_total += len(expected["keep"])
        dropped += len(expected["drop"]) - len(page.kept_drop)
        drop_total += len(expected["drop"])
    elapsed = time.perf_counter() - started
    lost = keep_total - kept
    row = {
        "keep_recall": kept / keep_total,
        "drop_recall": dropped / drop_total,
        "precision": dropped / max(dropped + lost, 1),
        "ms_per_page": 1000 * elapsed / len(paths),
    }
    return row, misses


def report(folder: Path, show_misses: int = 0) -> None:
    """Print the table for one folder of NAME.html + NAME.expected.json pairs."""
    paths = sorted(folder.glob("*.html"))
    if not paths:
        raise SystemExit(f"no .html pages in {folder}")
    results = {"trafilatura.extract": measure(_trafilatura, paths), "sitrep clean": measure(_sitrep, paths)}
    try:
        shown = folder.relative_to(ROOT)
    except ValueError:
        shown = folder
    print(f"{len(paths)} HTML pages from {shown}")
    print(f"{'extractor':<22}{'keep-recall':>12}{'drop-recall':>12}{'precision':>11}{'ms/page':>9}")
    for name, (row, _) in results.items():
        print(f"{name:<22}{row['keep_recall']:>12.3f}{row['drop_recall']:>12.3f}"
              f"{row['precision']:>11.3f}{row['ms_per_page']:>9.1f}")
    if not show_misses:
        return
    for name, (_, misses) in results.items():
        print(f"\n{name}: {show_misses} pages with the most misses")
        for page in sorted(misses, key=lambda p: -p.count)[:show_misses]:
            print(f"  {page.page}: {len(page.lost_keep)} body items lost, "
                  f"{len(page.kept_drop)} boilerplate kept")
            for item in page.lost_keep:
                print(f"    lost: {item}")
            for item in page.kept_drop:
                print(f"    kept: {item}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS, help="folder of annotated pages")
    parser.add_argument("--all", action="store_true", help="print the tables of both corpus folders")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="list the N worst pages")
    args = parser.parse_args()
    folders = [CORPUS, HELDOUT] if args.all else [args.folder.resolve()]
    for index, folder in enumerate(folders):
        if index:
            print()
        report(folder, args.misses)


if __name__ == "__main__":
    main()
