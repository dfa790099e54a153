"""Incident rows, article sources, MinHash band keys and claims: all the corroborate stage's SQL.

The tables are built by migration 0003 and declared here on the store's one MetaData, so the
schema comparison in tests/test_store.py sees them once this module is imported. Every query is
parameterised SQLAlchemy Core and runs on SQLite and PostgreSQL alike. Methods taking a
Connection run inside the caller's transaction (`IncidentStore.write()`): attaching one article is
one transaction, so a crash leaves either the old incidents or the new ones, never half of each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    LargeBinary,
    Table,
    Text,
    cast,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB

from sitrep.store import events as event_rows
from sitrep.store.database import Store
from sitrep.store.events import EventFilter
from sitrep.store.schema import events as events_table
from sitrep.store.schema import metadata

JSONType = JSON().with_variant(JSONB(), "postgresql")
FIGURE_NAMES = ("killed", "injured", "displaced")


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
    Index("ix_incidents_family_country_date_first", "family", "country", "date_first"),
    Index("ix_incidents_date_first", "date_first"),
    Index("ix_incidents_country", "country"),
    Index("ix_incidents_status", "status"),
    # The dashboard's list and map read incidents newest first (migration 0005).
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
    Index("ix_article_sources_cluster", "cluster"),
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
    Index("ix_incident_claims_incident_id", "incident_id"),
    Index("ix_incident_claims_article_id", "article_id"),
    Index("ix_incident_claims_outlet", "outlet"),
)


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
        row = conn.execute(
            select(article_sources).where(article_sources.c.article_id == article_id)
        ).mappings()
        found = row.first()
        return dict(found) if found else None

    def next_seq(self, conn: Connection) -> int:
        return int(conn.execute(select(func.coalesce(func.max(article_sources.c.seq), 0))).scalar_one()) + 1

    def save_source(self, conn: Connection, row: Mapping[str, Any]) -> None:
        conn.execute(delete(article_sources).where(article_sources.c.article_id == row["article_id"]))
        conn.execute(insert(article_sources), [dict(row)])

    def band_candidates(
        self, conn: Connection, keys: Sequence[int], exclude: str, min_hits: int, limit: int
    ) -> list[dict[str, Any]]:
        """Stored articles sharing at least `min_hits` band keys, most shared first, with signatures."""
        if not keys:
            return []
        hits = func.count().label("hits")
        shared = (
            select(minhash_bands.c.article_id, hits)
            .where(minhash_bands.c.key.in_(list(keys)), minhash_bands.c.article_id != exclude)
            .group_by(minhash_bands.c.article_id)
            .having(func.count() >= min_hits)
            .order_by(hits.desc(), minhash_bands.c.article_id)
            .limit(limit)
            .subquery()
        )
        query = (
            select(article_sources.c.article_id, article_sources.c.signature, article_sources.c.shingles)
            .join(shared, shared.c.article_id == article_sources.c.article_id)
            .order_by(shared.c.hits.desc(), article_sources.c.article_id)
        )
        return [dict(r) for r in conn.execute(query).mappings()]

    def save_bands(self, conn: Connection, article_id: str, keys: Iterable[int]) -> None:
        conn.execute(delete(minhash_bands).where(minhash_bands.c.article_id == article_id))
        rows = [{"key": key, "article_id": article_id} for key in sorted(set(keys))]
        if rows:
            conn.execute(insert(minhash_bands), rows)

    def cluster_rows(self, conn: Connection, clusters: Iterable[str]) -> list[dict[str, Any]]:
        wanted = sorted(set(clusters))
        if not wanted:
            return []
        query = (
            select(article_sources)
            .where(article_sources.c.cluster.in_(wanted))
            .order_by(article_sources.c.seq)
        )
        return [dict(r) for r in conn.execute(query).mappings()]

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
        c = article_sources.c
        query = select(c.article_id, c.source_key, c.outlet, c.basis, c.copy_of, c.similarity, c.cluster)
        return {
            r["article_id"]: dict(r) for r in conn.execute(query.where(c.article_id.in_(wanted))).mappings()
        }

    # -- incidents ------------------------------------------------------------------------------

    def candidate_incidents(
        self,
        conn: Connection,
        family: str,
        first_from: str,
        first_to: str,
        last_from: str,
        country: str | None,
    ) -> list[str]:
        """Incidents of a type family starting in [first_from, first_to] and ending on or after last_from."""
        c = incidents_table.c

        def located(where: Any) -> Any:  # one index range scan on (family, country, date_first) each
            return select(c.id, c.date_first).where(
                c.family == family, where, c.date_first >= first_from, c.date_first <= first_to,
                c.date_last >= last_from,
            )  # fmt: skip

        parts = [located(c.country.is_(None))]
        parts += [located(c.country == country)] if country else [located(c.country.is_not(None))]
        both = parts[0].union_all(parts[1]).subquery()
        return list(conn.execute(select(both.c.id).order_by(both.c.date_first, both.c.id)).scalars())

    def incident_exists(self, conn: Connection, incident_id: str) -> bool:
        query = select(incidents_table.c.id).where(incidents_table.c.id == incident_id)
        return conn.execute(query).first() is not None

    def member_events(self, conn: Connection, incident_ids: Sequence[str]) -> dict[str, list[Any]]:
        """The stored events of each incident, in a stable order."""
        members: dict[str, list[Any]] = {i: [] for i in incident_ids}
        if not incident_ids:
            return members
        c = events_table.c
        query = (
            select(events_table)
            .where(c.incident_id.in_(list(incident_ids)))
            .order_by(c.article_id, c.event_id)
        )
        for row in conn.execute(query).mappings():
            members[row["incident_id"]].append(event_rows.event_from_row(row))
        return members

    def stored_incident_ids(self, conn: Connection, event_ids: Sequence[str]) -> dict[str, str | None]:
        if not event_ids:
            return {}
        c = events_table.c
        query = select(c.event_id, c.incident_id).where(c.event_id.in_(list(event_ids)))
        return {r.event_id: r.incident_id for r in conn.execute(query)}

    def assign(self, conn: Connection, assignments: Mapping[str, str | None]) -> None:
        event_rows.assign_incidents(conn, assignments.items())

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
    ) -> None:
        """Replace the rows and claims of these incidents by `saved` (an id left out is deleted)."""
        if not incident_ids:
            return
        wanted = list(incident_ids)
        conn.execute(delete(incident_claims).where(incident_claims.c.incident_id.in_(wanted)))
        conn.execute(delete(incidents_table).where(incidents_table.c.id.in_(wanted)))
        rows = [_incident_row(summary) for summary, _claims in saved]
        claims = [dict(claim) for _summary, rows_ in saved for claim in rows_]
        if rows:
            conn.execute(insert(incidents_table), rows)
        if claims:
            conn.execute(insert(incident_claims), claims)

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


def _incident_row(summary: Mapping[str, Any]) -> dict[str, Any]:
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
    return event_rows._day(value, "until" if month_end else "since", month_end=month_end)
