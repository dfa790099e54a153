"""Ingest on a Dask LocalCluster of 1, 2 and 4 workers against PostgreSQL, and in one process.

The same generated articles (bench/articles.py, one JSON Lines file) are ingested into a fresh
PostgreSQL database for each run: first by the single-process path (`Sitrep.ingest`), then by
`sitrep.distributed` on clusters of each size. Pipelines are loaded before the clock starts (in
the process, or on every worker), so the figures are steady-state ingest. Prints articles per
second, the speed-up against 1 worker and against the single process, the peak resident memory
of each worker and of the driver, and CPU-seconds per article by stage (clean, parse, extract,
resolve, store, attach) measured in-process on the first `--stages` articles.

The cluster's driver writes every article (one transaction each) and attaches it, in input
order; workers only analyse. On a machine of C cores the workers and the driver share C cores,
so the speed-up is bounded by C (and by the driver's write + attach cost per article).

    .venv/bin/python bench/scale.py [--count 20000] [--workers 1,2,4] [--db-url postgresql://...]

Without --db-url a throw-away PostgreSQL server is started (as in tests/conftest.py).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.append(str(HERE))
sys.path.append(str(HERE.parent / "tests"))


def write_jsonl(path: Path, count: int, seed: int = 7) -> None:
    import random

    from articles import article_text

    rng = random.Random(seed)
    start = date(2024, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            record = {
                "id": f"report-{index:06d}",
                "text": article_text(rng, index),
                "published": (start + timedelta(days=index % 300)).isoformat(),
                "outlet": f"outlet-{index % 9}",
            }
            out.write(json.dumps(record) + "\n")


@contextmanager
def throwaway_postgres() -> Iterator[Any]:
    import conftest  # the test suite's server: initdb in a temp folder, loopback port, trust auth

    gen = conftest.postgres_server.__wrapped__()  # type: ignore[attr-defined]
    server = next(gen)
    try:
        yield server
    finally:
        next(gen, None)


def fresh_database(admin_url: str, name: str) -> str:
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def single_process(url: str, source: Path) -> tuple[float, dict[str, int]]:
    from sitrep.app import Sitrep
    from sitrep.settings import Settings

    app = Sitrep(Settings(db_url=url))
    app.pipeline("events")
    app.store  # noqa: B018 - migrate before the clock starts
    started = time.perf_counter()
    summary = app.ingest([source])
    return time.perf_counter() - started, dict(summary.counts)


def on_cluster(url: str, source: Path, workers: int) -> tuple[float, dict[str, int], list[int]]:
    from sitrep.app import Sitrep
    from sitrep.distributed import cluster_client, ingest_on_cluster, warm_workers, worker_peak_memory
    from sitrep.settings import Settings

    app = Sitrep(Settings(db_url=url))
    app.store  # noqa: B018
    with cluster_client(workers=workers) as client:
        warm_workers(client, app.settings)
        started = time.perf_counter()
        summary = ingest_on_cluster(app, client, [source])
        elapsed = time.perf_counter() - started
        peaks = sorted(worker_peak_memory(client).values())
    return elapsed, dict(summary.counts), peaks


def stage_costs(url: str, source: Path, count: int) -> dict[str, float]:
    """CPU-seconds per article of each stage, and of the store's write and attach, in this process."""
    from dataclasses import replace
    from itertools import islice

    from sitrep.app import Sitrep
    from sitrep.pipeline import Pipeline
    from sitrep.settings import Settings

    app = Sitrep(Settings(db_url=url))
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, run: Any) -> Any:
        def wrapper(items: Any) -> Any:
            started = time.process_time()
            try:
                return run(items)
            finally:
                spent[name] += time.process_time() - started

        return wrapper

    base = app.pipeline("events")
    app._pipelines["events"] = Pipeline([replace(s, run=timed(s.name, s.run)) for s in base.stages])
    store, corroborator = app.store, app.corroborator
    analyses = [a for a in app.analyze_inputs(islice(app.read([source]), count)) if a.clean is not None]
    for analysis in analyses:
        assert analysis.clean is not None
        started = time.process_time()
        store.save_article(analysis.clean, analysis.events)
        spent["store"] += time.process_time() - started
        started = time.process_time()
        corroborator.attach(analysis.clean, analysis.events)
        spent["attach"] += time.process_time() - started
    return {name: seconds / len(analyses) for name, seconds in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=20_000, help="generated articles (default 20,000)")
    parser.add_argument("--workers", default="1,2,4", help="cluster sizes, comma separated")
    parser.add_argument("--db-url", help="a PostgreSQL server URL (any database); default: a throw-away one")
    parser.add_argument("--stages", type=int, default=200, help="articles for the per-stage costs (0: skip)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.workers.split(",")]

    with tempfile.TemporaryDirectory(prefix="sitrep-scale-") as folder:
        source = Path(folder) / "articles.jsonl"
        write_jsonl(source, args.count)
        print(f"{args.count:,} generated articles ({source.stat().st_size / 1e6:.1f} MB JSONL); "
              f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at start")  # fmt: skip
        with throwaway_postgres() if args.db_url is None else _given(args.db_url) as server:
            admin = server.url("postgres") if args.db_url is None else args.db_url
            rows: list[tuple[str, float, dict[str, int], list[int]]] = []
            seconds, counts = single_process(fresh_database(admin, "scale_single"), source)
            rows.append(("single process", seconds, counts, []))
            print(f"  single process done in {seconds:.1f} s ({args.count / seconds:.1f} art/s); "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
            for workers in sizes:
                seconds, counts, peaks = on_cluster(
                    fresh_database(admin, f"scale_w{workers}"), source, workers
                )
                rows.append((f"{workers} worker{'s' if workers > 1 else ''}", seconds, counts, peaks))
                memory = ", ".join(f"{p / 2**20:.0f}" for p in peaks)
                load = os.getloadavg()[0]
                print(f"  {workers} workers done in {seconds:.1f} s ({args.count / seconds:.1f} art/s), "
                      f"peak MB per worker {memory}; load average {load:.1f}", flush=True)  # fmt: skip
            costs = (
                stage_costs(fresh_database(admin, "scale_stages"), source, args.stages) if args.stages else {}
            )
    one = next((r[1] for r in rows if r[0] == "1 worker"), None)
    header = f"{'path':16s} {'seconds':>8s} {'art/s':>7s} {'vs 1 worker':>11s} {'vs single':>9s}"
    print(f"\n{header}  peak MB per worker")
    for name, seconds, counts, peaks in rows:
        assert counts.get("ingested") == args.count, counts
        vs_one = f"{one / seconds:.2f}x" if one else "-"
        memory = ", ".join(f"{p / 2**20:.0f}" for p in peaks) or "-"
        print(f"{name:16s} {seconds:8.1f} {args.count / seconds:7.1f} {vs_one:>11s} "
              f"{rows[0][1] / seconds:8.2f}x  {memory}")  # fmt: skip
    driver = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"driver peak memory {driver:.0f} MB (includes the single-process run's pipeline); "
          f"load average {os.getloadavg()[0]:.1f} at end")  # fmt: skip
    if costs:
        total = sum(costs.values())
        print(f"\nCPU-seconds per article by stage (first {args.stages} articles, in-process):")
        for name, value in costs.items():
            print(f"  {name:8s} {value * 1000:7.1f} ms  {value / total:5.1%}")
        print(f"  {'total':8s} {total * 1000:7.1f} ms  -> {1 / total:.1f} articles per CPU-second")


@contextmanager
def _given(url: str) -> Iterator[None]:
    yield None


if __name__ == "__main__":
    main()
