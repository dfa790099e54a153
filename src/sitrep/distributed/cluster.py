"""Starting a Dask LocalCluster for one command, or joining a running cluster by address.

Workers are processes with one thread each: spaCy holds the GIL while it parses, so threads in
one process would take turns; processes use the cores. The dashboard is off (no port opened, no
bokeh needed) and Dask's own logging is quiet: `sitrep ingest` prints its own progress.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sitrep.errors import ConfigError

# How long to wait for a scheduler given by address before saying it cannot be reached.
CONNECT_TIMEOUT_S = 10


@contextmanager
def cluster_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A dask.distributed Client: on a new LocalCluster of `workers` processes (closed on exit),
    or on the cluster whose scheduler listens at `scheduler` (left running)."""
    if (workers is None) == (scheduler is None):
        raise ConfigError("give either --workers N or --scheduler ADDRESS, not both")
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ConfigError("Dask is not installed: pip install 'dask[distributed]'") from None
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except OSError as error:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        try:
            yield client
        finally:
            client.close()
        return
    assert workers is not None
    if workers < 1:
        raise ConfigError(f"--workers takes a number of processes of at least 1, not {workers}")
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # a free port: never collides with another cluster
        silence_logs=logging.ERROR,
    )
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()
