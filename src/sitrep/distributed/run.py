"""The driver of a cluster ingest: inputs streamed into partitions, results written in input order.

Inputs are read here, lazily (a directory listing, a JSONL line, a WARC record at a time), and cut
into partitions of `partition_size` inputs; at most `in_flight` partitions are on the cluster at
once, so memory is bounded by partitions, never by the input. Results are taken back in the order
the partitions were made and written through Sitrep.store_analyses - one transaction per article,
then its attach - exactly as the single-process path writes them, so both give the same events
and the same incidents, and a rerun gives the same incident ids.

Faults: a partition is pure (inputs in, analyses out; nothing written on a worker), so a worker
killed mid-partition costs a recomputation elsewhere, never a lost or doubled row. A driver
killed mid-run leaves every article written so far complete (its own transaction); the rerun
finds them "unchanged" and attaches any article saved but not yet attached (Sitrep.save).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.app import Analysis, IngestSummary, Sitrep
from sitrep.distributed.worker import analyse_partition, peak_memory_bytes, warm
from sitrep.errors import SitrepError
from sitrep.models import Article, Rejected
from sitrep.settings import Settings

# Inputs per task: large enough that spaCy's batching and the task overhead (a few ms) do not
# matter, small enough that a killed worker's lost work is a few seconds.
DEFAULT_PARTITION = 32


class ClusterError(SitrepError):
    """The cluster could not analyse a partition (its workers kept dying, or the scheduler left)."""


def partitions(inputs: Iterable[Article | Rejected], size: int) -> Iterator[list[Article | Rejected]]:
    """The inputs in consecutive lists of `size` (the last one shorter), read lazily."""
    part: list[Article | Rejected] = []
    for item in inputs:
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def worker_count(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def analyses_on_cluster(
    client: Any,
    settings: Settings,
    inputs: Iterable[Article | Rejected],
    until: str = "events",
    partition_size: int = DEFAULT_PARTITION,
    in_flight: int | None = None,
) -> Iterator[Analysis]:
    """Analyses of every input, in input order, computed on the cluster behind `client`.

    `in_flight` partitions at most are submitted and not yet taken back (default: two per
    worker and one more, so no worker waits while the driver writes).
    """
    limit = in_flight or 2 * worker_count(client) + 1
    pending: deque[Any] = deque()
    for number, part in enumerate(partitions(inputs, partition_size)):
        pending.append((number, client.submit(analyse_partition, settings, until, part, pure=False)))
        del part
        while len(pending) >= limit:
            yield from _result(*pending.popleft())
    while pending:
        yield from _result(*pending.popleft())


def _result(number: int, future: Any) -> list[Analysis]:
    from distributed import KilledWorker

    try:
        result: list[Analysis] = future.result()
    except KilledWorker as error:
        raise ClusterError(
            f"partition {number} was lost with every worker that tried it ({error}); "
            "the articles written so far are kept: run the command again"
        ) from None
    finally:
        future.release()
    return result


def ingest_on_cluster(
    app: Sitrep,
    client: Any,
    paths: Iterable[str | Path],
    on_item: Callable[[str, str], None] | None = None,
    with_events: bool = True,
    partition_size: int = DEFAULT_PARTITION,
) -> IngestSummary:
    """`Sitrep.ingest` with the analysis on the cluster: the same summary, store and incidents."""
    until = "events" if with_events else "clean"
    analyses = analyses_on_cluster(client, app.settings, app.read(paths), until, partition_size)
    return app.store_analyses(analyses, on_item, with_events)


def warm_workers(client: Any, settings: Settings, until: str = "events") -> dict[str, int]:
    """Load the pipeline on every worker now; each worker's address with its process id."""
    pids: dict[str, int] = client.run(warm, settings, until)
    return pids


def worker_peak_memory(client: Any) -> dict[str, int]:
    """Each worker's peak resident memory in bytes, by address."""
    peaks: dict[str, int] = client.run(peak_memory_bytes)
    return peaks
