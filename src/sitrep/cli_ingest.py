"""`sitrep ingest` (files, directories, feeds; in this process or on a Dask cluster) and `sitrep watch`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from sitrep.app import IngestSummary, Sitrep
from sitrep.cli_common import DbOption, err, make_app, out, safe
from sitrep.errors import ConfigError

OptionalPaths = Annotated[
    list[Path] | None, typer.Argument(help="Files or directories (.txt, .html, .jsonl, feeds, WARC).")
]
Workers = Annotated[
    int | None, typer.Option("--workers", help="Analyse on a local Dask cluster of N worker processes.")
]
Scheduler = Annotated[
    str | None, typer.Option("--scheduler", help="Analyse on a running Dask cluster (tcp://HOST:PORT).")
]
Feeds = Annotated[list[str] | None, typer.Option("--feed", help="An RSS/Atom feed URL to poll (repeatable).")]
Every = Annotated[
    str | None, typer.Option("--every", help="Poll again at this interval (30s, 15m, 1h) until Ctrl-C.")
]
StateFile = Annotated[
    Path | None, typer.Option("--state", help="Keep feed validators and seen items in this JSON file.")
]


@contextmanager
def _progress(total: int | None = None) -> Iterator[Callable[[str, str], None]]:
    with Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=total)

        def step(source: str, status: str) -> None:
            name = safe(Path(source).name)[:40]
            progress.update(task, advance=1, description=escape(f"{status:10s} {name}"))

        yield step


def _print_summary(summary: IngestSummary, where: str) -> None:
    counts = summary.counts
    out.print(
        f"ingested {counts['ingested']}, updated {counts['updated']}, unchanged {counts['unchanged']}, "
        f"rejected {counts['rejected']}; {summary.events} events stored in {safe(where)}",
        markup=False,
    )
    for rejected in summary.rejected:
        out.print(f"  rejected {safe(rejected.source)}: {safe(rejected.reason)}", markup=False)


def ingest(
    paths: OptionalPaths = None,
    db: DbOption = None,
    workers: Workers = None,
    scheduler: Scheduler = None,
    feed: Feeds = None,
    every: Every = None,
    state: StateFile = None,
) -> None:
    """Clean, extract and store articles; print a summary (ingested / unchanged / rejected).

    With --workers N or --scheduler ADDRESS the analysis runs on a Dask cluster (the same stages;
    this process writes every article, in input order). With --feed URL, feeds are polled over
    HTTP (new items only; --every repeats). Exits 1 when inputs were given and every one was
    rejected."""
    sitrep = make_app(db)
    if feed:
        if paths or workers is not None or scheduler is not None:
            raise ConfigError("--feed polls feeds in this process: give no paths, --workers or --scheduler")
        _poll_feeds(sitrep, feed, every, state)
        return
    if every is not None or state is not None:
        raise ConfigError("--every and --state go with --feed")
    if not paths:  # a usage error like any other missing argument: one line, exit 2
        raise click.UsageError("Missing argument 'PATH...': files or directories to ingest, or --feed URL")
    if workers is None and scheduler is None:
        with _progress() as step:
            summary = sitrep.ingest(paths, on_item=step)
    else:
        summary = _ingest_on_cluster(sitrep, paths, workers, scheduler)
    _print_summary(summary, sitrep.settings.db_url)
    counts = summary.counts
    if counts["rejected"] and counts["rejected"] == counts.total():
        raise typer.Exit(1)


def _ingest_on_cluster(
    sitrep: Sitrep, paths: list[Path], workers: int | None, scheduler: str | None
) -> IngestSummary:
    from sitrep.distributed import cluster_client, ingest_on_cluster

    if scheduler is not None and sitrep.store.backend == "sqlite":
        err.print(
            f"note: the store is SQLite ({safe(sitrep.settings.db_url)}), a file on this machine: the "
            "workers analyse, this process writes every article; use a postgresql:// --db to share "
            "the store with other machines",
            markup=False,
        )
    with cluster_client(workers=workers, scheduler=scheduler) as client, _progress() as step:
        return ingest_on_cluster(sitrep, client, paths, on_item=step)


def _poll_feeds(sitrep: Sitrep, urls: list[str], every: str | None, state: Path | None) -> None:
    from sitrep.live.feeds import FeedPoller
    from sitrep.live.timing import parse_interval, repeat

    interval = parse_interval(every) if every is not None else None
    poller = FeedPoller(sitrep, state_file=state)

    def poll_all() -> None:
        for url in urls:
            result = poller.poll(url)
            for failure in result.failures:
                err.print(f"failed {safe(failure)}", markup=False)
            if result.not_modified:
                out.print(f"{safe(url)}: not modified", markup=False)
                continue
            counts = result.summary.counts
            out.print(
                f"{safe(url)}: {result.new_items} new items; ingested {counts['ingested']}, "
                f"updated {counts['updated']}, unchanged {counts['unchanged']}, "
                f"rejected {counts['rejected']}; {result.summary.events} events",
                markup=False,
            )
            for rejected in result.summary.rejected:
                out.print(f"  rejected {safe(rejected.source)}: {safe(rejected.reason)}", markup=False)

    try:
        repeat(poll_all, interval)
    except KeyboardInterrupt:
        err.print("stopped")
    finally:
        poller.close()


def watch(
    folder: Annotated[Path, typer.Argument(help="The folder to watch (recursively).")],
    db: DbOption = None,
    every: Annotated[str, typer.Option("--every", help="How often to look (30s, 1m).")] = "10s",
    skip_existing: Annotated[
        bool, typer.Option("--skip-existing", help="Take files already there as ingested.")
    ] = False,
) -> None:
    """Ingest every file that appears (or changes) in FOLDER, once it has stopped growing, until Ctrl-C."""
    from sitrep.live.timing import parse_interval, repeat
    from sitrep.live.watch import FolderWatcher

    if not folder.is_dir():
        raise ConfigError(f"not a folder: {safe(folder)}")
    interval = parse_interval(every)
    sitrep = make_app(db)
    watcher = FolderWatcher(sitrep, folder, skip_existing=skip_existing)
    out.print(f"watching {safe(folder)} every {every}; Ctrl-C stops", markup=False)

    def look() -> None:
        summary = watcher.poll()
        if summary.counts.total():
            _print_summary(summary, sitrep.settings.db_url)

    try:
        repeat(look, interval)
    except KeyboardInterrupt:
        err.print("stopped")
