"""A batch with every kind of bad input, through `sitrep ingest` as a user runs it.

Each bad input gets one line in the summary and one `rejected` row; every good article of the batch
is stored; a second run stores nothing twice and loses nothing already stored.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SITREP = [sys.executable, "-m", "sitrep"]
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cf"
)

GOOD = {
    "kharkiv.txt": (
        "KHARKIV, Ukraine (Reuters) - Russian drones struck an energy facility in Kharkiv overnight, "
        "injuring three workers, the regional governor said on Tuesday. Firefighters put out the blaze "
        "by morning, and power was restored to most districts within hours."
    ),
    "goma.txt": (
        "M23 rebels shelled the outskirts of Goma on Monday, killing at least four civilians in a "
        "displacement camp, a local official told reporters. The army said it had returned fire and "
        "pushed the fighters back from the lakeside road."
    ),
}
FRENCH = (
    "Les forces gouvernementales ont repris lundi le contrôle de la ville après trois jours de combats "
    "intenses, selon un responsable local qui a requis l'anonymat. Des milliers d'habitants ont fui."
)


def _run(db: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SITREP, "ingest", "--db", db, *map(str, paths)], capture_output=True, text=True, timeout=300
    )


def _count(db_file: Path, table: str) -> int:
    with sqlite3.connect(db_file) as connection:
        return int(connection.execute(f"select count(*) from {table}").fetchone()[0])


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.txt").write_bytes(PNG)
    (folder / "latin1.txt").write_bytes(
        "Les combats à Goma ont repris \xe9".encode("latin-1") + b"\xff\xfe\x80"
    )
    with (folder / "huge.txt").open("wb") as handle:  # 50 MB, sparse: rejected by its size, never read
        handle.truncate(50 * 1024 * 1024)
    (folder / "truncated.html").write_text(
        "<html><head><title>Clashes</title></head><body><div><p>", encoding="utf-8"
    )
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    lines = [
        json.dumps(
            {"id": "wire-1", "text": GOOD["goma.txt"].replace("Monday", "Sunday"), "published": "2024-05-06"}
        ),
        "{this line is not json",
        json.dumps({"id": "wire-2", "text": GOOD["kharkiv.txt"].replace("three", "five")}),
    ]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    unreadable = folder / "unreadable"
    unreadable.mkdir()
    (unreadable / "gone.txt").symlink_to(tmp_path / "does-not-exist.txt")
    os.mkfifo(unreadable / "pipe.txt")
    return folder


def test_every_bad_input_is_one_reason_and_one_rejected_row_and_the_rest_is_stored(
    batch: Path, tmp_path: Path
) -> None:
    db_file = tmp_path / "batch.db"
    db = f"sqlite:///{db_file}"
    done = _run(db, batch)
    assert done.returncode == 0, done.stderr
    reasons = [line for line in done.stdout.splitlines() if line.strip().startswith("rejected ")]
    expected = {
        "empty.txt": "empty",
        "picture.txt": "PNG",
        "latin1.txt": "UTF-8",
        "huge.txt": "too large",
        "truncated.html": "",
        "wire.jsonl:2": "not JSON",
        "gone.txt": "",
        "pipe.txt": "",
    }
    for name, words in expected.items():
        lines = [line for line in reasons if name in line]
        assert len(lines) == 1, (name, reasons)
        assert words in lines[0], lines[0]
    assert len(reasons) == len(expected)
    assert f"rejected {len(expected)}" in done.stdout.splitlines()[0]
    assert _count(db_file, "articles") == 5  # two files, two good JSONL lines, the French text (not analysed)
    assert _count(db_file, "rejected") == len(expected)

    again = _run(db, batch)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("ingested 0, updated 0, unchanged 5")
    assert _count(db_file, "articles") == 5
    assert _count(db_file, "rejected") == len(expected)  # a rerun lists each rejection once


def test_a_path_that_does_not_exist_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    done = _run(f"sqlite:///{tmp_path / 'x.db'}", tmp_path / "missing.txt")
    assert done.returncode == 1  # every input rejected
    assert "rejected 1" in done.stdout
    assert "Traceback" not in done.stderr
