"""A crash or kill mid-ingest loses nothing: rerun and every article is there exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from articles import write_articles  # noqa: E402

SITREP = [sys.executable, "-m", "sitrep"]
COUNT = 1000


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute(f"select count(*) from {table}").fetchone()[0])
    except sqlite3.OperationalError:  # schema not created yet
        return 0


@pytest.mark.slow
def test_sigkill_halfway_then_rerun_leaves_every_article_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, COUNT)
    db = tmp_path / "crash.db"
    command = [*SITREP, "ingest", "--db", f"sqlite:///{db}", str(corpus)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while _count(db, "articles") < COUNT // 4 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert process.poll() is None, "ingest finished before it could be killed: the test proves nothing"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored_at_kill = _count(db, "articles")
    assert 0 < stored_at_kill < COUNT

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    assert f"unchanged {stored_at_kill}" in rerun.stdout
    assert _count(db, "articles") == COUNT
    with sqlite3.connect(db) as connection:
        orphans = connection.execute(
            "select count(*) from events where article_id not in (select id from articles)"
        ).fetchone()[0]
        distinct = connection.execute("select count(distinct content_hash) from articles").fetchone()[0]
    assert orphans == 0
    assert distinct == COUNT
