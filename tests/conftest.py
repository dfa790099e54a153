"""Fixtures shared by every test module.

Database fixtures (the store's tests, and any test that needs a Store):

    postgres_server   session: a throw-away PostgreSQL cluster on a free loopback port, started on
                      first use from Debian's binaries (/usr/lib/postgresql/*/bin), as the
                      `postgres` system user when the tests run as root; stopped and deleted at
                      the end of the session.
    db_url            a fresh, empty database URL, parametrised over "sqlite" (a file in
                      tmp_path) and "postgresql" (a new database on postgres_server, dropped
                      after the test). Tests using it run once per backend.
    store             a migrated sitrep.store.Store on db_url, closed after the test.

Without PostgreSQL binaries the "postgresql" runs FAIL, saying how to install them (`make
system-deps`); set SITREP_SKIP_POSTGRES=1 to skip them instead. Select one backend with
`pytest -k sqlite` / `-k postgresql`, or `-m "not postgres"`.

Keep fixtures here only when several test modules share them; group them under a comment header.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from sitrep.store import Store

# ---------------------------------------------------------------------------------------------
# Databases: a throw-away PostgreSQL server, and fresh databases on both backends
# ---------------------------------------------------------------------------------------------

POSTGRES_BIN_GLOB = "/usr/lib/postgresql/*/bin"
POSTGRES_USER = "postgres"  # the system user that runs the server when tests run as root
SKIP_POSTGRES = os.environ.get("SITREP_SKIP_POSTGRES") == "1"


@dataclass(frozen=True)
class PostgresServer:
    """A running throw-away cluster: trust authentication on 127.0.0.1, superuser `postgres`."""

    host: str
    port: int
    user: str

    def url(self, database: str) -> str:
        """A Sitrep database URL (as a user would type it) for one database on this server."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{database}"

    def admin(self) -> psycopg.Connection:
        """An autocommit connection to the maintenance database, for CREATE/DROP DATABASE."""
        return psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        )


def _postgres_bin() -> Path | None:
    """The newest installed Debian PostgreSQL bin folder that has initdb and pg_ctl."""
    folders = [Path(p) for p in glob.glob(POSTGRES_BIN_GLOB) if (Path(p) / "pg_ctl").exists()]
    folders.sort(key=lambda folder: int(folder.parent.name) if folder.parent.name.isdigit() else 0)
    return folders[-1] if folders else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run the command as the postgres system user."""
    return ["runuser", "-u", POSTGRES_USER, "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(_as_server_user(command), capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")


# Trust authentication for the superuser, C locale; no fsync while creating a cluster that dies soon.
INITDB_OPTIONS = ("-U", POSTGRES_USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync",
                  "--no-instructions")
# Loopback only, sockets in the cluster's own folder; -F and the rest trade durability for speed.
SERVER_OPTIONS = (
    "-F -c listen_addresses=127.0.0.1 -c unix_socket_directories={socket_dir} -c port={port} "
    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
)


def _start(pg_ctl: Path, data: Path, log: Path, socket_dir: Path) -> int:
    """Start the server on a free loopback port and return the port once it accepts connections."""
    for attempt in itertools.count(1):  # the free port can be taken between probe and start
        port = _free_port()
        options = SERVER_OPTIONS.format(socket_dir=socket_dir, port=port)
        try:
            _run([str(pg_ctl), "start", "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o", options],
                 "pg_ctl start")
            return port
        except RuntimeError:
            if attempt == 3:
                tail = log.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"PostgreSQL did not start: {tail}") from None
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One cluster for the whole session, started on first use: initdb and start take about a second."""
    bin_dir = _postgres_bin()
    if bin_dir is None:
        message = (
            f"no PostgreSQL server binaries under {POSTGRES_BIN_GLOB}: install them with "
            "`make system-deps` (Debian package `postgresql`), or set SITREP_SKIP_POSTGRES=1 to skip"
        )
        if SKIP_POSTGRES:
            pytest.skip(message)
        pytest.fail(message, pytrace=False)
    # Not under pytest's tmp_path: that is private to root, and the server user must reach it.
    root = Path(tempfile.mkdtemp(prefix="sitrep-postgres-"))
    if os.geteuid() == 0:
        account = pwd.getpwnam(POSTGRES_USER)
        os.chown(root, account.pw_uid, account.pw_gid)
    data, log = root / "data", root / "server.log"
    try:
        _run([str(bin_dir / "initdb"), "-D", str(data), *INITDB_OPTIONS], "initdb")
        port = _start(bin_dir / "pg_ctl", data, log, socket_dir=root)
        yield PostgresServer("127.0.0.1", port, POSTGRES_USER)
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                _as_server_user([str(bin_dir / "pg_ctl"), "stop", "-D", str(data), "-m", "immediate"]),
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(root, ignore_errors=True)


_database_numbers = itertools.count(1)  # with the pid: unique even when pytest runs in several processes


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'sitrep.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"sitrep_test_{os.getpid()}_{next(_database_numbers)}"
    with server.admin() as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield server.url(name)
    finally:
        with server.admin() as admin:
            # FORCE: a test that leaked a connection must not make the next ones fail.
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        yield opened
