"""What runs on a Dask worker: a partition of inputs through the standard Pipeline.

A worker process keeps one Sitrep per Settings, so spaCy, the gazetteer and the rules load once
per worker, on its first partition, and every later partition reuses them. The stages are the
ones `sitrep ingest` runs in one process (Sitrep.analyze_inputs): there is no second code path.
"""

from __future__ import annotations

import os
import resource
import threading
from collections.abc import Sequence

from sitrep.app import Analysis, Sitrep
from sitrep.models import Article, Rejected
from sitrep.settings import Settings

_apps: dict[Settings, Sitrep] = {}
_lock = threading.Lock()


def _app(settings: Settings) -> Sitrep:
    with _lock:
        app = _apps.get(settings)
        if app is None:
            app = _apps[settings] = Sitrep(settings)
        return app


def analyse_partition(settings: Settings, until: str, items: Sequence[Article | Rejected]) -> list[Analysis]:
    """Every input of the partition analysed (or passed on as rejected), in input order."""
    app = _app(settings)
    with _lock:  # one pipeline per process: a worker with several threads parses one batch at a time
        return list(app.analyze_inputs(items, until))


def warm(settings: Settings, until: str) -> int:
    """Load the pipeline now (the first partition would otherwise pay for it); the worker's pid."""
    _app(settings).pipeline(until)
    return os.getpid()


def peak_memory_bytes() -> int:
    """The worker process's peak resident memory so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
