"""Every hostile input of issue 13's probe through `sitrep ingest`, in one batch with good articles,
as a user runs it (a subprocess), on SQLite and on PostgreSQL.

Each must give exactly one "rejected" line with its reason and a row in the `rejected` table; the
good articles are stored exactly once (and a rerun changes nothing); names are printed escaped;
the process stays under 1 GB.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_inputs import write_all_hostile, write_batch
from sqlalchemy import text

from sitrep.store import Store

SITREP = [sys.executable, "-m", "sitrep"]
PEAK_MEMORY_BYTES = 1 << 30
# Anything a terminal would act on: C0/C1 controls but the line break, and DEL.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def run_ingest(db_url: str, paths: list[Path], workdir: Path) -> tuple[int, str, str, int]:
    """(exit status, stdout, stderr, peak resident bytes) of one `sitrep ingest` process."""
    out_path, err_path = workdir / "stdout.txt", workdir / "stderr.txt"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        process = subprocess.Popen(
            [*SITREP, "ingest", "--db", db_url, *map(os.fsencode, paths)],
            stdout=out,
            stderr=err,
            env={**os.environ, "COLUMNS": "200"},
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    return (
        process.returncode,
        out_path.read_text(encoding="utf-8"),
        err_path.read_text(encoding="utf-8"),
        usage.ru_maxrss * 1024,
    )


def stored(db_url: str) -> tuple[int, int, list[tuple[str, str]]]:
    with Store(db_url) as store, store.engine.connect() as conn:
        rows, hashes = conn.execute(text("select count(*), count(distinct content_hash) from articles")).one()
        rejected = [(r.source, r.reason) for r in conn.execute(text("select source, reason from rejected"))]
    return int(rows), int(hashes), rejected


@pytest.mark.slow
def test_hostile_inputs_in_a_batch_with_good_articles(db_url: str, tmp_path: Path) -> None:
    batch = write_batch(tmp_path / "inputs")
    status, out, err, peak = run_ingest(db_url, batch.paths, tmp_path)

    assert status == 0, err
    assert not err.strip() or "error" not in err, err
    assert peak < PEAK_MEMORY_BYTES, f"peak memory {peak / 2**20:.0f} MB"
    summary = out.splitlines()[0]
    rejections = len(batch.rejections)
    assert summary.startswith(f"ingested {batch.good}, updated 0, unchanged 0, rejected {rejections};")

    lines = out.splitlines()[1:]
    assert all(line.startswith("  rejected ") for line in lines), lines  # nothing forged a line of its own
    assert len(lines) == len(batch.rejections)
    unmatched = list(lines)
    for fragment in batch.rejections:
        hit = next((line for line in unmatched if fragment in line), None)
        assert hit is not None, (fragment, unmatched)
        unmatched.remove(hit)
    assert not CONTROL.search(out + err), "a control character reached the terminal"
    assert "evil\\x0arejected good-0.txt" in out  # the newline in the name, escaped
    assert "\\x1b[2J" in out
    assert "name-\\xff\\xfe" not in out  # that file held a good article: no rejection line

    rows, hashes, rejected = stored(db_url)
    assert rows == hashes == batch.good
    assert len(rejected) == len(batch.rejections)
    assert not any("\x00" in source + reason for source, reason in rejected)

    again = run_ingest(db_url, batch.paths, tmp_path)
    assert again[0] == 0, again[2]
    assert again[1].splitlines()[0].startswith(
        f"ingested 0, updated 0, unchanged {batch.good}, rejected {len(batch.rejections)};"
    )
    assert stored(db_url)[:2] == (batch.good, batch.good)
    assert len(stored(db_url)[2]) == len(batch.rejections)  # a rerun refreshes, never duplicates


def test_a_batch_where_everything_is_rejected_exits_1(tmp_path: Path) -> None:
    paths = write_all_hostile(tmp_path / "inputs")
    status, out, err, _peak = run_ingest(f"sqlite:///{tmp_path / 'all.db'}", paths, tmp_path)
    assert status == 1, (out, err)
    assert out.count("  rejected ") == len(paths)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["articles", "--limit", "abc"], "Invalid value for '--limit'"),
        (["no-such-command"], "No such command"),
        (["article"], "Missing argument"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(arguments: list[str], message: str, tmp_path: Path) -> None:
    done = subprocess.run([*SITREP, *arguments], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 2, done
    assert message in done.stderr
    assert "unexpected" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
