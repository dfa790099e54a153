"""Watching a folder: every file that appears (or changes) under it is ingested once it settles.

Each look walks the folder (sitrep.ingest.files.walk: sorted, hidden entries skipped, one
directory listing in memory at a time) and notes each readable file's size and modification time.
A file is taken when it shows the same size and time at two looks in a row - a file still being
copied is left for the next look - and never again unless it changes. Writers that create
`.name.partial` and rename it when done are taken at once the rename is seen twice.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sitrep.app import IngestSummary, Sitrep
from sitrep.ingest.files import is_sidecar, walk
from sitrep.models import Rejected

Signature = tuple[int, int]  # size, modification time in ns


class FolderWatcher:
    def __init__(self, app: Sitrep, folder: Path, *, skip_existing: bool = False) -> None:
        self.app = app
        self.folder = folder
        self.taken: dict[Path, Signature] = {}  # files ingested, as they were then
        self.last: dict[Path, Signature] = {}  # every file at the previous look
        if skip_existing:
            self.last = self._look()
            self.taken = dict(self.last)

    def _look(self) -> dict[Path, Signature]:
        found: dict[Path, Signature] = {}
        for item in walk(self.folder):
            if isinstance(item, Rejected) or is_sidecar(item.name):
                continue
            try:
                info = os.stat(item)
            except OSError:
                continue  # gone since the listing
            found[item] = (info.st_size, info.st_mtime_ns)
        return found

    def settled(self) -> list[Path]:
        """Files new or changed since they were taken, unchanged since the previous look."""
        now = self._look()
        ready = [
            path for path, signature in now.items()
            if self.last.get(path) == signature and self.taken.get(path) != signature
        ]  # fmt: skip
        self.last = now
        return ready

    def poll(self, on_item: Callable[[str, str], None] | None = None) -> IngestSummary:
        """Ingest the files that settled since the last look (in sorted order)."""
        ready = self.settled()
        summary = IngestSummary()
        if ready:
            summary = self.app.ingest(ready, on_item=on_item)
            for path in ready:
                self.taken[path] = self.last[path]
        return summary
