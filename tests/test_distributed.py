"""`sitrep ingest --workers N`: the same events and incidents as one process; kills lose nothing.

One 2-worker LocalCluster serves the module (workers load spaCy once). The store is PostgreSQL,
the store for shared use; each test gets fresh databases on the throw-away server.
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil
import psycopg
import pytest
from psycopg import sql

from sitrep.app import Sitrep
from sitrep.distributed import cluster_client, ingest_on_cluster, warm_workers
from sitrep.settings import Settings

sys.path.append(str(Path(__file__).resolve().parent.parent / "bench"))
from articles import write_articles  # noqa: E402

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "examples" / "articles"
GENERATED = 300
KILLED_RUN = 120
_numbers = itertools.count(1)


@pytest.fixture(scope="module")
def new_db(postgres_server: Any) -> Iterator[Callable[[], str]]:
    made: list[str] = []

    def make() -> str:
        name = f"sitrep_dask_{os.getpid()}_{next(_numbers)}"
        with postgres_server.admin() as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        made.append(name)
        return str(postgres_server.url(name))

    yield make
    with postgres_server.admin() as admin:
        for name in made:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with cluster_client(workers=2) as started:
        warm_workers(started, Settings())
        yield started


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name in sorted(os.listdir(EXAMPLES)):
        shutil.copy(EXAMPLES / name, folder / f"0-{name}")
    write_articles(folder / "generated", GENERATED)
    return folder


def _snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that says what was stored and how it was grouped (no times, no generated keys)."""
    queries = {
        "articles": "select id, content_hash from articles order by id",
        "events": "select event_id, article_id, incident_id, plover, date, killed from events",
        "incidents": "select id, plover, date_first, date_last, country, status, reports, events, "
        "independent_sources from incidents order by id",
        "claims": "select incident_id, field, article_id, event_id, value, status from incident_claims",
    }
    with psycopg.connect(url.replace("postgresql://", "postgresql://", 1)) as connection:
        return {
            name: sorted(connection.execute(query).fetchall(), key=repr) for name, query in queries.items()
        }  # type: ignore[arg-type]


def _check_complete(url: str, articles: int) -> None:
    with psycopg.connect(url) as connection:
        one = lambda query: connection.execute(query).fetchone()[0]  # noqa: E731
        assert one("select count(*) from articles") == articles
        assert one("select count(distinct content_hash) from articles") == articles
        assert one("select count(*) from events where article_id not in (select id from articles)") == 0
        assert one("select count(*) from events where incident_id is null") == 0
        assert (
            one("select count(*) from incident_claims where event_id not in (select event_id from events)")
            == 0
        )


def test_cluster_gives_the_events_and_incidents_of_one_process(
    client: Any, corpus: Path, new_db: Callable[[], str]
) -> None:
    single_url, cluster_url = new_db(), new_db()
    single = Sitrep(Settings(db_url=single_url)).ingest([corpus])
    on_cluster = ingest_on_cluster(Sitrep(Settings(db_url=cluster_url)), client, [corpus], partition_size=16)
    assert single.counts["ingested"] == GENERATED + 2
    assert on_cluster.counts == single.counts and on_cluster.events == single.events
    expected, got = _snapshot(single_url), _snapshot(cluster_url)
    assert len(expected["incidents"]) > 100  # the corpus groups into many incidents, some shared
    assert len(expected["incidents"]) < len(expected["events"])
    for table in expected:
        assert got[table] == expected[table], (table, set(got[table]) ^ set(expected[table]))


def _killed_run_corpus(corpus: Path, folder: Path) -> Path:
    folder.mkdir()
    for path in sorted((corpus / "generated").iterdir())[: 2 * KILLED_RUN]:
        shutil.copy(path, folder / path.name)  # .txt and .meta.json pairs
    return folder


def test_worker_killed_mid_run_loses_and_duplicates_nothing(
    client: Any, corpus: Path, new_db: Callable[[], str], tmp_path: Path
) -> None:
    folder = _killed_run_corpus(corpus, tmp_path / "part")
    url = new_db()
    app = Sitrep(Settings(db_url=url))
    pids = warm_workers(client, app.settings)
    victim = sorted(pids.values())[0]
    written: list[str] = []

    def kill_once(source: str, status: str) -> None:
        written.append(status)
        if len(written) == KILLED_RUN // 4:
            os.kill(victim, signal.SIGKILL)  # partitions in flight on it are recomputed elsewhere

    summary = ingest_on_cluster(app, client, [folder], on_item=kill_once, partition_size=8)
    assert not psutil.pid_exists(victim) or psutil.Process(victim).status() == psutil.STATUS_ZOMBIE
    assert summary.counts["ingested"] == KILLED_RUN and summary.counts.total() == KILLED_RUN
    _check_complete(url, KILLED_RUN)
    before = _snapshot(url)
    rerun = ingest_on_cluster(app, client, [folder])
    assert rerun.counts["unchanged"] == KILLED_RUN and rerun.events == 0
    assert _snapshot(url) == before
    # The same articles in one process: the same incidents.
    single_url = new_db()
    Sitrep(Settings(db_url=single_url)).ingest([folder])
    expected = _snapshot(single_url)
    for table in expected:
        assert before[table] == expected[table], (table, set(before[table]) ^ set(expected[table]))


def _count(url: str) -> int:
    try:
        with psycopg.connect(url) as connection:
            return int(connection.execute("select count(*) from articles").fetchone()[0])  # type: ignore[index]
    except psycopg.errors.UndefinedTable:
        return 0


def test_driver_killed_mid_run_then_rerun_gives_every_article_once(
    client: Any, corpus: Path, new_db: Callable[[], str], tmp_path: Path
) -> None:
    folder = _killed_run_corpus(corpus, tmp_path / "part")
    url = new_db()
    command = [sys.executable, "-m", "sitrep", "ingest", "--db", url, "--workers", "2", str(folder)]
    driver = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600
    while _count(url) < KILLED_RUN // 4 and driver.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert driver.poll() is None, "ingest ended before it could be killed: the test proves nothing"
    children = psutil.Process(driver.pid).children(recursive=True)
    assert len(children) >= 2  # the worker processes
    driver.send_signal(signal.SIGKILL)
    driver.wait()
    stored = _count(url)
    assert 0 < stored < KILLED_RUN
    # The workers notice their parent is gone and exit: no orphaned cluster.
    gone, alive = psutil.wait_procs(children, timeout=60)
    assert not alive, [p.pid for p in alive]

    rerun = ingest_on_cluster(Sitrep(Settings(db_url=url)), client, [folder])
    assert rerun.counts["unchanged"] == stored and rerun.counts["ingested"] == KILLED_RUN - stored
    _check_complete(url, KILLED_RUN)
    single_url = new_db()
    Sitrep(Settings(db_url=single_url)).ingest([folder])
    assert _snapshot(url) == _snapshot(single_url)
