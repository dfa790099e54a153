"""Ingest throughput and peak memory on 1,000 generated articles, SQLite store.

Prints articles/second for (a) ingest + clean + store, without events, (b) the full ingest with
events, and two baselines measured in the same run on the same files: a bare loop that reads each
file and inserts it with sqlite3 (the floor of any ingest), and bare spaCy `nlp.pipe` on the texts.
Peak memory is the process's maximum resident set size after each phase.

    .venv/bin/python bench/ingest.py [--count 1000]
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import write_articles  # noqa: E402

from sitrep.app import Sitrep  # noqa: E402
from sitrep.settings import Settings  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_sqlite(paths: list[Path], db: Path) -> float:
    start = time.perf_counter()
    with sqlite3.connect(db) as connection:
        # The same durability settings as Sitrep's store: WAL, synchronous=NORMAL, a commit per article.
        connection.execute("pragma journal_mode=wal")
        connection.execute("pragma synchronous=normal")
        connection.execute("create table a (id text primary key, body text)")
        for path in paths:
            connection.execute("insert into a values (?, ?)", (path.stem, path.read_text(encoding="utf-8")))
            connection.commit()
    return time.perf_counter() - start


def bare_spacy(paths: list[Path]) -> float:
    import spacy

    nlp = spacy.load(Settings().spacy_model)  # bare: spaCy's own pipeline, nothing of Sitrep's
    texts = [path.read_text(encoding="utf-8") for path in paths]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - start


def sitrep_ingest(folder: Path, db: Path, with_events: bool) -> tuple[float, dict[str, int]]:
    app = Sitrep(Settings(db_url=f"sqlite:///{db}"))
    start = time.perf_counter()
    summary = app.ingest([folder], with_events=with_events)
    return time.perf_counter() - start, dict(summary.counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        paths = write_articles(folder, args.count)
        floor = bare_sqlite(paths, Path(tmp) / "bare.db")
        clean_time, counts = sitrep_ingest(folder, Path(tmp) / "clean.db", with_events=False)
        clean_peak = peak_mb()
        spacy_time = bare_spacy(paths)
        full_time, full_counts = sitrep_ingest(folder, Path(tmp) / "full.db", with_events=True)
        n = args.count
        print(f"articles: {n} generated .txt files with sidecars; store: SQLite (WAL)")
        print(f"bare read+insert baseline:      {n / floor:8.1f} articles/s")
        print(
            f"sitrep ingest+clean (no events): {n / clean_time:8.1f} articles/s  {counts}  "
            f"ratio to baseline {floor / clean_time:.3f}  peak RSS {clean_peak:.0f} MB"
        )
        print(f"bare spaCy nlp.pipe baseline:    {n / spacy_time:8.1f} articles/s")
        print(
            f"sitrep full ingest (events):     {n / full_time:8.1f} articles/s  {full_counts}  "
            f"ratio to bare spaCy {spacy_time / full_time:.3f}  peak RSS {peak_mb():.0f} MB"
        )


if __name__ == "__main__":
    main()
