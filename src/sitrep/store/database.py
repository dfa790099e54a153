"""`Store`: the one object that owns Sitrep's database connections.

The CLI, the HTTP API, the exports and the tests all build a Store from a URL and go through it;
nothing else opens a connection or writes SQL. SQLite (the default, one file, no server) and
PostgreSQL (shared use) run the same schema, the same migrations and the same queries.

Writes are short transactions, one per article: the article row and its events commit together
or not at all, so a crash or kill mid-ingest loses nothing and a rerun stores each article once.
On SQLite a write transaction starts with BEGIN IMMEDIATE, taking the write lock up front: two
processes ingesting into one file then wait for each other (busy timeout) instead of failing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError
from sqlalchemy.pool import StaticPool

from sitrep.errors import AnalysisFailed, MalformedInput, StoreError
from sitrep.escaping import storable
from sitrep.models import CleanArticle, Event
from sitrep.store import articles as article_rows
from sitrep.store import events as event_rows
from sitrep.store.articles import SaveStatus
from sitrep.store.events import EventFilter

MIGRATIONS = Path(__file__).parent / "migrations"
# How long a writer waits for another writer's lock on SQLite before giving up.
SQLITE_BUSY_TIMEOUT_SECONDS = 30
# How long to wait for a PostgreSQL server to answer before saying it cannot be reached.
POSTGRES_CONNECT_TIMEOUT_SECONDS = 10
# pg_advisory_xact_lock key serialising concurrent migrations of one PostgreSQL database.
MIGRATION_LOCK_KEY = 0x5175_7265  # arbitrary, stable
# The option on a Connection that makes SQLite begin with BEGIN IMMEDIATE.
_WRITE_OPTION = "sitrep_write"


def engine_url(url: str) -> URL:
    """The SQLAlchemy URL for a user's database URL, or a StoreError saying what is wrong with it.

    `postgresql://` and `postgres://` use psycopg 3, the PostgreSQL driver Sitrep installs.
    """
    usage = "expected sqlite:///PATH.db or postgresql://USER@HOST/DBNAME"
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise StoreError(f"not a database URL: {url!r} ({usage})") from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        return parsed.set(drivername="sqlite+pysqlite")
    if backend in ("postgresql", "postgres") and driver in ("", "psycopg"):
        if not parsed.database:
            raise StoreError(f"the PostgreSQL URL {_shown(parsed)} names no database ({usage})")
        return parsed.set(drivername="postgresql+psycopg")
    raise StoreError(f"unsupported database URL {_shown(parsed)} ({usage})")


def _shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _one_line(error: BaseException) -> str:
    """The first line of the driver's message: enough to act on, no traceback, no SQL dump."""
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else type(cause).__name__


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    if database in ("", ":memory:"):
        # One shared connection, or every checkout would see its own empty in-memory database.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        folder = Path(database).resolve().parent
        if not folder.is_dir():
            raise StoreError(
                f"cannot create the SQLite database {database!r}: folder {str(folder)!r} does not exist"
            )
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS})

    @event.listens_for(engine, "connect")
    def configure(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy (see `begin` below) instead of pysqlite's guessing,
        # which starts transactions late and breaks read-then-write atomicity.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA journal_mode = WAL")  # readers never block the writer, nor it them
        cursor.execute("PRAGMA synchronous = NORMAL")  # a killed process loses no commit
        # Checkpoint the WAL every ~40 MB rather than every 4 MB: an ingest writes ~180 pages per
        # article, and the default made every fifth article pay a 30-45 ms checkpoint.
        cursor.execute("PRAGMA wal_autocheckpoint = 10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(conn: Connection) -> None:
        conn.exec_driver_sql(
            "BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE_OPTION) else "BEGIN"
        )

    return engine


def _postgres_engine(url: URL) -> Engine:
    return create_engine(
        url, pool_pre_ping=True, connect_args={"connect_timeout": POSTGRES_CONNECT_TIMEOUT_SECONDS}
    )


class Store:
    """Sitrep's database, opened from a URL and migrated to the current schema on open.

    `Store("sqlite:///sitrep.db")`, `Store("postgresql://user@host/sitrep")`. Close it (or use it
    as a context manager) to release connections.
    """

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = engine_url(url)
        # As the user typed it (password hidden), for messages: not the driver-qualified form.
        self.shown_url = _shown(make_url(url.strip()))
        sqlite = self.url.get_backend_name() == "sqlite"
        self.engine = _sqlite_engine(self.url) if sqlite else _postgres_engine(self.url)
        if migrate:
            try:
                self.migrate()
            except BaseException:
                self.engine.dispose()
                raise

    def __repr__(self) -> str:
        return f"Store({self.shown_url!r})"

    @property
    def backend(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self.url.get_backend_name()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- connections -------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A connection for reads; its queries see one consistent snapshot until it is returned."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except DBAPIError as error:
            if isinstance(error, IntegrityError):
                raise
            raise StoreError(f"database {self.shown_url}: {_one_line(error)}") from error

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A connection inside one transaction: committed when the block ends, rolled back if it raises."""
        with self._read() as conn:
            conn.execution_options(**{_WRITE_OPTION: True})
            with conn.begin():
                yield conn

    # -- schema ------------------------------------------------------------------------------

    def migrate(self, target: str = "head") -> None:
        """Bring the schema to the newest revision (or `target`); harmless when it is already there."""
        config = _alembic_config()
        with self._write() as conn:
            if self.backend == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            config.attributes["connection"] = conn
            try:
                command.upgrade(config, target)
            except CommandError as error:
                raise StoreError(
                    f"cannot migrate {self.shown_url}: {error} (is it from a newer version of Sitrep?)"
                ) from error

    @staticmethod
    def head_revision() -> str:
        """The revision `migrate()` brings a database to: the newest migration shipped."""
        heads = ScriptDirectory.from_config(_alembic_config()).get_heads()
        if len(heads) != 1:
            raise StoreError(f"the migrations in {MIGRATIONS} have {len(heads)} heads, not one chain")
        return str(heads[0])

    def revision(self) -> str | None:
        """The schema revision the database is at (None before the first migration)."""
        with self._read() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    # -- writes ------------------------------------------------------------------------------

    def save_article(self, clean: CleanArticle, events: Sequence[Event] = ()) -> SaveStatus:
        """Store one cleaned article and its events in one transaction.

        Returns "ingested" (new), "unchanged" (this text is already stored, under this id or
        another) or "updated" (this id with new text: the article and its events are replaced).
        Raises MalformedInput for text no database can hold (NUL, lone surrogates) and AnalysisFailed
        for a record the schema refuses (two events with one id): reject that article and go on;
        StoreError when the database fails.
        """
        strays = sorted({e.article_id for e in events if e.article_id != clean.id})
        if strays:
            raise ValueError(f"events of article {clean.id!r} name other articles: {', '.join(strays)}")
        ids = [e.event_id for e in events]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise AnalysisFailed(
                f"cannot store the events of {clean.id!r}: event id {twice[0]} is given to "
                f"{ids.count(twice[0])} events; a Sitrep defect, please report"
            )
        rows = [event_rows.event_row(e) for e in events]
        _check_storable(clean, rows)
        # A concurrent writer can insert the same article between our check and our insert; the
        # retry then sees its row. A second failure is an error in the data (a duplicate event id).
        for attempt in (1, 2):
            try:
                with self._write() as conn:
                    return article_rows.save_article(conn, clean, rows, _now())
            except IntegrityError as error:
                if attempt == 2:  # the row breaks a constraint: this article's record, not the database
                    raise AnalysisFailed(f"cannot save article {clean.id!r}: {_one_line(error)}") from error
        raise AssertionError("unreachable")

    def record_rejected(self, source: str, reason: str) -> None:
        """Remember an input that could not be used, with the reason shown to the user.

        The same input rejected for the same reason again (a rerun) is listed once, at its latest time.
        """
        with self._write() as conn:
            article_rows.record_rejected(conn, storable(source), storable(reason), _now())

    def assign_incidents(self, assignments: Mapping[str, str | None]) -> None:
        """Set the incident of events by event id, in one transaction (None detaches an event)."""
        with self._write() as conn:
            event_rows.assign_incidents(conn, assignments.items())

    # -- reads -------------------------------------------------------------------------------

    def count_articles(self) -> int:
        with self._read() as conn:
            return article_rows.count_articles(conn)

    def articles(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Article summaries, newest first: id, title, outlet, published, ingested_at, chars."""
        with self._read() as conn:
            return article_rows.list_articles(conn, limit, offset)

    def has_article(self, article_id: str) -> bool:
        """Is an article stored under this id? (one indexed lookup, no text read)"""
        with self._read() as conn:
            return article_rows.article_exists(conn, article_id)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """Every stored column of one article (removed boilerplate and offset runs decoded)."""
        with self._read() as conn:
            return article_rows.get_article(conn, article_id)

    def clean_article(self, article_id: str) -> CleanArticle | None:
        """The stored article as the CleanArticle it was saved from."""
        record = self.article(article_id)
        return article_rows.clean_article_from_record(record) if record else None

    def rejected(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Rejected inputs, newest first: id, source, reason, at."""
        with self._read() as conn:
            return article_rows.list_rejected(conn, limit, offset)

    def count_rejected(self) -> int:
        with self._read() as conn:
            return article_rows.count_rejected(conn)

    def events(
        self,
        country: str | None = None,
        actor: str | None = None,
        plover: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Stored events matching every filter given (see EventFilter), in reading order."""
        where = EventFilter(country, actor, plover, since, until, article_id)
        with self._read() as conn:
            result = conn.execute(event_rows.select_events(where, limit, offset)).mappings()
            return [event_rows.event_from_row(row) for row in result]

    def iter_events(
        self,
        country: str | None = None,
        actor: str | None = None,
        plover: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        article_id: str | None = None,
        batch_size: int = 1000,
    ) -> Iterator[Event]:
        """Like events(), streamed `batch_size` rows at a time: exports of millions in flat memory.

        Holds one connection (and, on PostgreSQL, a server-side cursor) until exhausted or closed.
        """
        where = EventFilter(country, actor, plover, since, until, article_id)
        with self._read() as conn:
            conn.execution_options(stream_results=True, yield_per=batch_size)
            for row in conn.execute(event_rows.select_events(where)).mappings():
                yield event_rows.event_from_row(row)

    def count_events(
        self,
        country: str | None = None,
        actor: str | None = None,
        plover: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        article_id: str | None = None,
    ) -> int:
        """How many events `events()` would return with the same filters and no limit."""
        where = EventFilter(country, actor, plover, since, until, article_id)
        with self._read() as conn:
            return event_rows.count_events(conn, where)


def _check_storable(clean: CleanArticle, rows: Sequence[Mapping[str, Any]]) -> None:
    """Refuse text no database can hold, alike on both backends.

    PostgreSQL rejects NUL characters that SQLite keeps, and neither driver can encode a lone
    surrogate; checked here, such an input is a rejection with a reason, not a driver error.
    """
    pending: list[Any] = [article_rows.article_row(clean, _now()), *rows]
    while pending:
        value = pending.pop()
        if isinstance(value, Mapping):
            pending.extend(value.values())
        elif isinstance(value, list | tuple):
            pending.extend(value)
        elif isinstance(value, str):
            if "\x00" in value:
                raise MalformedInput(f"article {clean.id!r} contains NUL characters, which cannot be stored")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise MalformedInput(f"article {clean.id!r} contains lone surrogates, not Unicode") from None


def _alembic_config() -> Config:
    """Alembic's configuration, built in code: no alembic.ini is needed at run time."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    return config


def _now() -> datetime:
    return datetime.now(UTC)
