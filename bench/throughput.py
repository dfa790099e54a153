"""Analyze throughput against bare spaCy on the same texts, in the same run.

Prints articles/second for bare `nlp.pipe` and for Sitrep's whole `analyze` (clean, parse, extract,
resolve), their ratio (the issue's bar: at least 0.7), peak memory, and the gazetteer and actor
dictionary load times. The texts are the generated reports of bench/articles.py plus the gold
articles, so the figures cover varied real-looking prose.

    .venv/bin/python bench/throughput.py [--count 500]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import article_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_times() -> str:
    """Gazetteer and actor dictionary load, each in a fresh process (an index already built)."""
    code = (
        "import time; t=time.perf_counter(); from sitrep.resolve.places import Gazetteer; Gazetteer.load();"
        "g=time.perf_counter()-t; t=time.perf_counter(); from sitrep.resolve.actors import ActorDictionary;"
        "ActorDictionary.load(); print(f'gazetteer load {g*1000:.0f} ms, actor dictionary load "
        "{(time.perf_counter()-t)*1000:.0f} ms')"
    )
    subprocess.run([sys.executable, "-c", code], check=True)  # builds the index if missing
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.strip()


def texts(count: int) -> list[str]:
    rng = random.Random(11)
    gold = sorted((ROOT / "tests/gold/articles").glob("*.txt"))
    out = [path.read_text(encoding="utf-8") for path in gold]
    out += [article_text(rng, index) for index in range(count - len(out))]
    return out[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(load_times())

    import spacy

    from sitrep.app import Sitrep
    from sitrep.ingest import article_from_text
    from sitrep.resolve import Resolver
    from sitrep.settings import Settings

    settings = Settings()
    corpus = texts(args.count)
    words = sum(len(text.split()) for text in corpus)
    nlp = spacy.load(settings.spacy_model)  # bare: spaCy's own pipeline, nothing of Sitrep's
    app = Sitrep(settings)
    Resolver.shared()  # loaded once per process, as in a long ingest
    app.analyze_text(corpus[0], published=date(2024, 3, 1))  # warm every lazy load
    list(nlp.pipe(corpus[:50]))
    articles = [article_from_text(t, name=f"a{i}", published=date(2024, 3, 1)) for i, t in enumerate(corpus)]
    # This machine is shared and noisy: alternate the two, several rounds, and quote the median
    # ratio of each pair (and each side's best time).
    bare_times, full_times, ratios = [], [], []
    events = 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _doc in nlp.pipe(corpus, batch_size=settings.parse_batch_size):
            pass
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        events = sum(len(a.events) for a in app.analyze_inputs(articles))
        full_times.append(time.perf_counter() - start)
        ratios.append(bare_times[-1] / full_times[-1])
    n = len(corpus)
    print(f"texts: {n} articles, {words} words; {args.rounds} alternating rounds")
    print(f"bare spaCy nlp.pipe: {n / min(bare_times):7.1f} articles/s (best round)")
    print(f"sitrep analyze:      {n / min(full_times):7.1f} articles/s (best round, {events} events)")
    print(f"ratio analyze / bare spaCy per round: {', '.join(f'{r:.3f}' for r in ratios)}")
    print(f"median ratio: {statistics.median(ratios):.3f}  (bar: 0.7)")
    print(f"peak RSS: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
