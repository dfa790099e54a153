"""Incident rows, article sources, MinHash band keys and claims: all the corroborate stage's SQL.

The tables are built by migrations 0003, 0005, 0006 and 0009 and declared here on the store's one
MetaData, so the schema comparison in tests/test_store.py sees them once this module is imported.
Every query is parameterised SQLAlchemy Core and runs on SQLite and PostgreSQL alike. Methods taking a
Connection run inside the caller's transaction (`IncidentStore.write()`): attaching one article is
one transaction, so a crash leaves either the old incidents or the new ones, never half of each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    CompoundSelect,
    Connection,
    Float,
    Index,
    Integer,
    LargeBinary,
    Table,
    Text,
    bindparam,
    cast,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB

from sitrep.models import Event
from sitrep.store import events as event_rows
from sitrep.store.database import Store
from sitrep.store.events import EventFilter
from sitrep.store.schema import events as events_table
from sitrep.store.schema import metadata

JSONType = JSON().with_variant(JSONB(), "postgresql")
FIGURE_NAMES = ("killed", "injured", "displaced")


@dataclass(frozen=True, slots=True)
class CandidateSearch:
    """Incidents of `family` starting in [first_from, first_to] and ending on or after `last_from`
    (ISO days), in `country` or with no country; any country when `country` is None."""

    family: str
    country: str | None
    first_from: str
    first_to: str
    last_from: str


def _figure_columns(name: str) -> list[Column[Any]]:
    return [Column(name, BigInteger), Column(f"{name}_min", BigInteger), Column(f"{name}_max", BigInteger)]


incidents_table = Table(
    "incidents",
    metadata,
    Column("id", Text, primary_key=True),
    Column("family", Text, nullable=False),
    Column("plover", Text, nullable=False),
    Column("acled_event_type", Text),
    Column("date", Text),
    Column("date_first", Text),  # the earliest day any report allows, ISO
    Column("date_last", Text),
    Column("country", Text),
    Column("location_name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("precision", Integer),
    Column("actor1", Text),
    Column("actor2", Text),
    Column("status", Text, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("events", Integer, nullable=False),
    *_figure_columns("killed"),
    *_figure_columns("injured"),
    *_figure_columns("displaced"),
    Column("detail", JSONType, nullable=False),  # claims.summarise() output
    # Attach's candidate search: one range scan that never reads the table (migration 0006).
    Index("ix_incidents_candidates", "family", "country", "date_first", "date_last", "id"),
    # The dashboard's list and map read incidents newest first (migration 0005); they also serve
    # look-ups by date_first, country or status alone (0006 dropped those single-column indexes).
    Index("ix_incidents_date_first_id", "date_first", "id"),
    Index("ix_incidents_country_date_first_id", "country", "date_first", "id"),
    Index("ix_incidents_status_date_first_id", "status", "date_first", "id"),
)

article_sources = Table(
    "article_sources",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("seq", Integer, nullable=False),  # attach order: ties between copies go to the first seen
    Column("content_hash", Text, nullable=False),
    Column("outlet", Text),
    Column("published", Text),
    Column("own_key", Text, nullable=False),  # "outlet:x" or "article:id"
    Column("explicit_key", Text),  # from a wire byline or a republication notice
    Column("basis", Text, nullable=False),  # own | wire | republished | near-duplicate
    Column("source_key", Text, nullable=False),  # the origin: independence group
    Column("cluster", Text, nullable=False),  # story cluster (near-duplicates), by first article id
    Column("copy_of", Text),
    Column("similarity", Float),
    Column("shingles", Integer, nullable=False),
    Column("signature", LargeBinary),
    Index("ix_article_sources_source_key", "source_key"),
    Index("ix_article_sources_cluster_seq", "cluster", "seq"),
    Index("ix_article_sources_cluster_published", "cluster", "published", "seq"),
    Index(
        "ix_article_sources_cluster_stated", "cluster", "published", "seq",
        sqlite_where=text("explicit_key IS NOT NULL"), postgresql_where=text("explicit_key IS NOT NULL"),
    ),  # fmt: skip
    Index("ix_article_sources_seq", "seq", unique=True),
)

minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("key", BigInteger, primary_key=True, autoincrement=False),
    Column("article_id", Text, primary_key=True),
    Index("ix_minhash_bands_article_id", "article_id"),
)

incident_claims = Table(
    "incident_claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("article_id", Text, nullable=False),
    Column("event_id", Text),
    Column("outlet", Text),
    Column("source_key", Text, nullable=False),
    Column("claimant", Text),
    Column("value", Text),
    Column("number", BigInteger),
    Column("hedged", Boolean, nullable=False),
    Column("status", Text, nullable=False),
    Column("outside_range", Boolean),
    Index("ix_incident_claims_incident_source", "incident_id", "source_key"),  # migration 0009
    Index("ix_incident_claims_article_id", "article_id"),
    Index("ix_incident_claims_outlet", "outlet"),
)


# Attach's statements, built once: building a statement costs more than SQLite takes to run it.
_SOURCE = select(article_sources).where(article_sources.c.article_id == bindparam("article_id"))
_SOURCE_HASH = select(article_sources.c.content_hash).where(
    article_sources.c.article_id == bindparam("article_id")
)
_UNPLACED = (
    select(events_table.c.event_id)
    .where(events_table.c.article_id == bindparam("article_id"), events_table.c.incident_id.is_(None))
    .limit(1)
)
_LAST_SEQ = select(func.coalesce(func.max(article_sources.c.seq), 0))
_SOURCES_OF = select(
    *(article_sources.c[name] for name in ("article_id", "source_key", "outlet", "basis", "copy_of",
                                           "similarity", "cluster"))
).where(article_sources.c.article_id.in_(bindparam("ids", expanding=True)))  # fmt: skip
_HITS = func.count().label("hits")
_SHARED_BANDS = (
    select(minhash_bands.c.article_id, _HITS)
    .where(
        minhash_bands.c.key.in_(bindparam("keys", expanding=True)),
        minhash_bands.c.article_id != bindparam("exclude"),
    )
    .group_by(minhash_bands.c.article_id)
    .having(func.count() >= bindparam("min_hits"))
    .order_by(_HITS.desc(), minhash_bands.c.article_id)
    .limit(bindparam("limit"))
    .subquery()
)
_BAND_CANDIDATES = (
    select(article_sources.c.article_id, article_sources.c.signature, article_sources.c.shingles)
    .join(_SHARED_BANDS, _SHARED_BANDS.c.article_id == article_sources.c.article_id)
    .order_by(_SHARED_BANDS.c.hits.desc(), article_sources.c.article_id)
)
_EXISTING = select(incidents_table.c.id).where(incidents_table.c.id.in_(bindparam("ids", expanding=True)))
_EVENTS_BY_ID = select(events_table).where(events_table.c.event_id.in_(bindparam("ids", expanding=True)))
_MEMBER_EVENTS = (
    select(events_table)
    .where(events_table.c.incident_id.in_(bindparam("ids", expanding=True)))
    .order_by(events_table.c.article_id, events_table.c.event_id)
)
_ASSIGN = (
    update(events_table)
    .where(events_table.c.event_id == bindparam("b_event_id"))
    .values(incident_id=bindparam("b_incident_id"))
)
_DELETE_INCIDENTS = delete(incidents_table).where(incidents_table.c.id.in_(bindparam("ids", expanding=True)))


class IncidentStore:
    """The corroborate stage's view of the Store: its tables, through the Store's connections."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.store._write() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.store._read() as conn:
            yield conn

    # -- article sources -------------------------------------------------------------------------

    def source(self, conn: Connection, article_id: str) -> dict[str, Any] | None:
        found = conn.execute(_SOURCE, {"article_id": article_id}).mappings().first()
        return dict(found) if found else None

    def is_attached(self, conn: Connection, article_id: str, content_hash: str | None = None) -> bool:
        """A source row for this article (of this text, when `content_hash` is given), and none of
        its stored events waiting for an incident: two indexed lookups."""
        found = conn.execute(_SOURCE_HASH, {"article_id": article_id}).first()
        if found is None or (content_hash is not None and found.content_hash != content_hash):
            return False
        return conn.execute(_UNPLACED, {"article_id": article_id}).first() is None

    def next_seq(self, conn: Connection) -> int:
        return int(conn.execute(_LAST_SEQ).scalar_one()) + 1

    def save_source(self, conn: Connection, row: Mapping[str, Any], *, replace: bool = True) -> None:
        """Store an article's source row; `replace=False` when the caller knows it has none yet."""
        if replace:
            conn.execute(delete(article_sources).where(article_sources.c.article_id == row["article_id"]))
        conn.execute(insert(article_sources), [dict(row)])

    def band_candidates(
        self, conn: Connection, keys: Sequence[int], exclude: str, min_hits: int, limit: int
    ) -> list[dict[str, Any]]:
        """Stored articles sharing at least `min_hits` band keys, most shared first, with signatures."""
        if not keys:
            return []
        params = {"keys": list(keys), "exclude": exclude, "min_hits": min_hits, "limit": limit}
        return [dict(r) for r in conn.execute(_BAND_CANDIDATES, params).mappings()]

    def save_bands(
        self, conn: Connection, article_id: str, keys: Iterable[int], *, replace: bool = True
    ) -> None:
        if replace:
            conn.execute(delete(minhash_bands).where(minhash_bands.c.article_id == article_id))
        rows = [{"key": key, "article_id": article_id} for key in sorted(set(keys))]
        if rows:
            conn.execute(insert(minhash_bands), rows)

    def relabel(self, conn: Connection, article_ids: Sequence[str], source_key: str, cluster: str) -> None:
        if article_ids:
            conn.execute(
                update(article_sources)
                .where(article_sources.c.article_id.in_(list(article_ids)))
                .values(source_key=source_key, cluster=cluster)
            )

    def sources_of(self, conn: Connection, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = sorted(set(article_ids))
        if not wanted:
            return {}
        return {r["article_id"]: dict(r) for r in conn.execute(_SOURCES_OF, {"ids": wanted}).mappings()}

    # -- incidents ------------------------------------------------------------------------------

    def candidate_rows(self, conn: Connection, searches: Iterable[CandidateSearch]) -> list[dict[str, Any]]:
        """Incidents that any search could hold, in one query: (id, family, country, date_first, date_last).

        A search reads the incidents of one type family starting in [first_from, first_to] and
        ending on or after last_from, in its country or with none (any country when the search
        has none). Each search is two range scans of ix_incidents_candidates, which holds every
        column returned; the caller narrows the union back to each event's own search.
        """
        ordered = sorted(set(searches), key=lambda s: (s.family, s.country or "", s.first_from))
        if not ordered:
            return []
        params: dict[str, Any] = {}
        for n, search in enumerate(ordered):
            params.update({f"family_{n}": search.family, f"first_from_{n}": search.first_from,
                           f"first_to_{n}": search.first_to, f"last_from_{n}": search.last_from})  # fmt: skip
            if search.country:
                params[f"country_{n}"] = search.country
        query = candidate_query(tuple(bool(search.country) for search in ordered))
        unique = {r["id"]: dict(r) for r in conn.execute(query, params).mappings()}  # searches can overlap
        return list(unique.values())

    def existing_incidents(self, conn: Connection, incident_ids: Iterable[str]) -> set[str]:
        """Which of these incident ids are taken."""
        wanted = sorted(set(incident_ids))
        if not wanted:
            return set()
        return set(conn.execute(_EXISTING, {"ids": wanted}).scalars())

    def member_events(self, conn: Connection, incident_ids: Sequence[str]) -> dict[str, list[Event]]:
        """The stored events of each incident, in a stable order."""
        members: dict[str, list[Any]] = {i: [] for i in incident_ids}
        if not incident_ids:
            return members
        for row in conn.execute(_MEMBER_EVENTS, {"ids": list(incident_ids)}).mappings():
            members[row["incident_id"]].append(event_rows.event_from_row(row))
        return members

    def stored_events(self, conn: Connection, event_ids: Sequence[str]) -> dict[str, Event]:
        """The stored events among these ids, as stored (with their incident id, if any), by id."""
        if not event_ids:
            return {}
        rows = conn.execute(_EVENTS_BY_ID, {"ids": list(event_ids)}).mappings()
        return {r["event_id"]: event_rows.event_from_row(r) for r in rows}

    def assign(self, conn: Connection, assignments: Mapping[str, str | None]) -> None:
        """Set the incident of events by id (the statement of events.assign_incidents, built once)."""
        rows = [{"b_event_id": event, "b_incident_id": incident} for event, incident in assignments.items()]
        if rows:
            conn.execute(_ASSIGN, rows)

    def incidents_of_articles(self, conn: Connection, article_ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(article_ids))
        if not wanted:
            return set()
        c = incident_claims.c
        return set(conn.execute(select(c.incident_id).where(c.article_id.in_(wanted)).distinct()).scalars())

    def save_incidents(
        self,
        conn: Connection,
        incident_ids: Sequence[str],
        saved: Sequence[tuple[Mapping[str, Any], Sequence[Mapping[str, Any]]]],
        new: Iterable[str] = (),
    ) -> None:
        """Replace the rows and claims of these incidents by `saved` (an id left out is deleted).

        `new` names incidents the caller knows are not stored yet: nothing of theirs to delete.
        """
        if not incident_ids:
            return
        from sitrep.store.claim_rows import replace_claims  # it reads this module's tables

        fresh = set(new)
        wanted = [i for i in incident_ids if i not in fresh]
        if wanted:
            conn.execute(_DELETE_INCIDENTS, {"ids": wanted})
        rows = [incident_row(summary) for summary, _claims in saved]
        if rows:
            conn.execute(insert(incidents_table), rows)
        replace_claims(conn, wanted, [claim for _summary, rows_ in saved for claim in rows_])

    # -- reads ----------------------------------------------------------------------------------

    def list_incidents(
        self, where: EventFilter, status: str | None, limit: int | None, offset: int
    ) -> list[dict[str, Any]]:
        """Incident rows (detail left out) whose events match the event filters, by start date."""
        c = incidents_table.c
        query = select(*[col for col in incidents_table.c if col.name != "detail"])
        event_clauses = EventFilter(where.country, where.actor, where.plover).clauses()
        if event_clauses:
            matching = select(events_table.c.incident_id).where(
                events_table.c.incident_id.is_not(None), *event_clauses
            )
            query = query.where(c.id.in_(matching))
        if where.since is not None:
            query = query.where(c.date_last >= _bound(where.since, month_end=False))
        if where.until is not None:
            query = query.where(c.date_first <= _bound(where.until, month_end=True))
        if status:
            query = query.where(c.status == status)
        query = query.order_by(c.date_first.is_(None), c.date_first, c.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.read() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def incident_detail(self, incident_id: str) -> dict[str, Any] | None:
        c = incidents_table.c
        with self.read() as conn:
            detail = conn.execute(select(c.detail).where(c.id == incident_id)).scalar_one_or_none()
        return dict(detail) if detail else None

    def claims(self) -> list[dict[str, Any]]:
        with self.read() as conn:
            query = select(incident_claims).order_by(incident_claims.c.id)
            return [dict(r) for r in conn.execute(query).mappings()]

    def outlet_voice(self) -> list[dict[str, Any]]:
        """Per outlet: events, attributed events, hedged events (how much of its text is someone else's)."""
        c = events_table.c
        attributed = func.sum(cast(c.attributed_to.is_not(None), Integer))
        hedged = func.sum(cast(c.hedged, Integer))
        query = (
            select(
                c.outlet, func.count().label("events"), attributed.label("attributed"), hedged.label("hedged")
            )
            .group_by(c.outlet)
            .order_by(c.outlet)
        )
        with self.read() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def relation_events(self, plovers: Sequence[str]) -> list[dict[str, Any]]:
        """Events that can show a standing relation, with the origin of their article."""
        c = events_table.c
        has_backers = or_(func.coalesce(cast(c.actor1_backed_by, Text), "[]") != "[]",
                          func.coalesce(cast(c.actor2_backed_by, Text), "[]") != "[]")  # fmt: skip
        query = (
            select(
                c.event_id,
                c.article_id,
                c.plover,
                c.date,
                c.actor1_name,
                c.actor1_country,
                c.actor1_kind,
                c.actor1_backed_by,
                c.actor2_name,
                c.actor2_country,
                c.actor2_kind,
                c.actor2_backed_by,
                article_sources.c.source_key,
            )  # fmt: skip
            .outerjoin(article_sources, article_sources.c.article_id == c.article_id)
            .where(or_(c.plover.in_(list(plovers)), has_backers))
            .order_by(c.event_id)
        )
        with self.read() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def actor_counts(self) -> list[dict[str, Any]]:
        """Each actor named as actor1 or actor2: events and incidents it appears in."""
        c = events_table.c
        sides = []
        for side in ("actor1", "actor2"):
            name, country, kind = c[f"{side}_name"], c[f"{side}_country"], c[f"{side}_kind"]
            labels = (name.label("name"), country.label("country"), kind.label("kind"))
            columns = (*labels, c.event_id, c.incident_id)
            sides.append(select(*columns).where(name.is_not(None)))
        both = sides[0].union_all(sides[1]).subquery()
        query = (
            select(
                both.c.name, func.min(both.c.country).label("country"), func.min(both.c.kind).label("kind"),
                func.count(func.distinct(both.c.event_id)).label("events"),
                func.count(func.distinct(both.c.incident_id)).label("incidents"),
            )
            .group_by(both.c.name)
            .order_by(func.count(func.distinct(both.c.event_id)).desc(), both.c.name)
        )  # fmt: skip
        with self.read() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def incident_count(self) -> int:
        with self.read() as conn:
            return int(conn.execute(select(func.count()).select_from(incidents_table)).scalar_one())


@lru_cache(maxsize=128)
def candidate_query(has_country: tuple[bool, ...]) -> CompoundSelect:
    """The union of searches of this shape, with bound parameters (built once: building is the cost)."""
    c = incidents_table.c
    parts = []
    for n, known in enumerate(has_country):
        common = (
            c.family == bindparam(f"family_{n}"),
            c.date_first >= bindparam(f"first_from_{n}"),
            c.date_first <= bindparam(f"first_to_{n}"),
            c.date_last >= bindparam(f"last_from_{n}"),
        )
        place = c.country == bindparam(f"country_{n}") if known else c.country.is_not(None)
        for where in (c.country.is_(None), place):
            parts.append(select(c.id, c.family, c.country, c.date_first, c.date_last).where(where, *common))
    return union_all(*parts)


def incident_row(summary: Mapping[str, Any]) -> dict[str, Any]:
    location = summary.get("location") or {}
    row: dict[str, Any] = {
        key: summary[key]
        for key in ("family", "plover", "acled_event_type", "date", "date_first", "date_last", "country",
                    "actor1", "actor2", "status", "independent_sources", "reports", "events")
    }  # fmt: skip
    row.update(
        id=summary["incident_id"], location_name=location.get("name"), lat=location.get("lat"),
        lon=location.get("lon"), precision=location.get("precision"), detail=dict(summary),
    )  # fmt: skip
    for name in FIGURE_NAMES:
        figure = summary.get(name) or {}
        row.update(
            {
                name: figure.get("conservative"),
                f"{name}_min": figure.get("min"),
                f"{name}_max": figure.get("max"),
            }
        )
    return row


def _bound(value: Any, *, month_end: bool) -> str:
    """A since/until bound as comparable "YYYY-MM-DD" text (a ConfigError when unreadable)."""
    return event_rows.day_bound(value, "until" if month_end else "since", month_end=month_end)
