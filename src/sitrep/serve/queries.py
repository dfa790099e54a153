"""Read-only queries the dashboard needs and the store does not offer yet: counts by type, events
per day, the incident list with text search and sorting, and the map's points.

Queries are SQLAlchemy Core over the store's own tables (parameterised, both backends), run on the
Store's engine. They belong in sitrep.store once the store grows an aggregates module.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, case, func, or_, select
from sqlalchemy.exc import DBAPIError

from sitrep.corroborate import rolling
from sitrep.corroborate.rules import load_rules
from sitrep.errors import StoreError
from sitrep.store import EventFilter, Store
from sitrep.store.events import day_bound
from sitrep.store.incidents import IncidentStore, incident_claims, incidents_table
from sitrep.store.schema import articles as articles_table
from sitrep.store.schema import events as events_table
from sitrep.store.schema import rejected as rejected_table

# The timeline and the map show this many days back from the newest dated event unless asked.
DEFAULT_WINDOW_DAYS = 90
# The map draws at most this many points (the newest): more markers than this are unreadable.
MAX_MAP_POINTS = 500
# Incident list orders a user may ask for: name -> (column, descending). Ties break on the id.
INCIDENT_SORTS = {
    "date": ("date_first", True),
    "date_asc": ("date_first", False),
    "killed": ("killed", True),
    "sources": ("independent_sources", True),
    "reports": ("reports", True),
    "country": ("country", False),
    "status": ("status", False),
    "type": ("plover", False),
}
STATUSES = ("corroborated", "single-source", "contested")


Day = date | str | None


def day_text(value: Day, name: str, *, month_end: bool = False) -> str | None:
    """A since/until bound as "YYYY-MM-DD" text (comparable with stored dates); "YYYY-MM" is a month.

    No bound (None or "") is None; anything else raises ConfigError, with the option's name.
    """
    if value is None or value == "":
        return None
    return day_bound(value, name, month_end=month_end)


@contextmanager
def _read(store: Store) -> Iterator[Connection]:
    try:
        with store.engine.connect() as conn:
            yield conn
    except DBAPIError as error:
        raise StoreError(f"database read failed: {str(error.orig).splitlines()[0]}") from error


def newest_date(conn: Connection) -> str | None:
    c = events_table.c
    return conn.execute(select(func.max(c.date)).where(c.date.is_not(None))).scalar_one_or_none()


def default_since(conn: Connection, days: int = DEFAULT_WINDOW_DAYS) -> str | None:
    """The first day of the default window: `days` before the newest event (not before today:
    an archive of last year's war is shown, not an empty map)."""
    newest = newest_date(conn)
    if newest is None:
        return None
    end = date.fromisoformat(newest[:10] if len(newest) >= 10 else newest + "-01")
    return (end - timedelta(days=days)).isoformat()


def stats(store: Store, since: Day = None, until: Day = None) -> dict[str, Any]:
    """Totals, events by PLOVER type, and events per day by type over a window.

    The per-day series covers [since, until], by default the DEFAULT_WINDOW_DAYS before the newest
    event; events dated only to a month are counted by type but left off the daily series.
    """
    c = events_table.c
    first, last = day_text(since, "since"), day_text(until, "until", month_end=True)
    with _read(store) as conn:
        first = first or default_since(conn)
        where = EventFilter(since=first, until=last).clauses()
        by_type = {
            row.plover: int(row.n)
            for row in conn.execute(select(c.plover, func.count().label("n")).group_by(c.plover))
        }
        daily = conn.execute(
            select(c.date, c.plover, func.count().label("n"))
            .where(*where, func.length(c.date) == 10)
            .group_by(c.date, c.plover)
            .order_by(c.date)
        ).all()
        totals = {
            "articles": int(conn.execute(select(func.count()).select_from(articles_table)).scalar_one()),
            "events": sum(by_type.values()),
            "rejected": int(conn.execute(select(func.count()).select_from(rejected_table)).scalar_one()),
        }
    return {
        **totals,
        "by_type": dict(sorted(by_type.items(), key=lambda item: -item[1])),
        "window": {"since": first, "until": last},
        "per_day": [{"date": row.date, "plover": row.plover, "count": int(row.n)} for row in daily],
    }


def map_points(
    store: Store,
    since: Day = None,
    until: Day = None,
    country: str | None = None,
    plover: str | None = None,
    limit: int = MAX_MAP_POINTS,
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one point per place with events in the window, busiest first.

    Properties: name, country, events, killed (sum of stated figures, not a verified count),
    latest date, and one incident id to link to when the place's events were grouped.
    """
    c = events_table.c
    first, last = day_text(since, "since"), day_text(until, "until", month_end=True)
    with _read(store) as conn:
        first = first or default_since(conn)
        where = EventFilter(country=country, plover=plover, since=first, until=last).clauses()
        rows = conn.execute(
            select(
                c.location_name,
                c.location_country,
                c.location_lat,
                c.location_lon,
                func.count().label("n"),
                func.sum(c.killed).label("killed"),
                func.max(c.date).label("latest"),
                func.max(c.incident_id).label("incident_id"),
            )
            .where(*where, c.location_lat.is_not(None), c.location_lon.is_not(None))
            .group_by(c.location_name, c.location_country, c.location_lat, c.location_lon)
            .order_by(func.count().desc(), c.location_name)
            .limit(limit)
        ).all()
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row.location_lon, row.location_lat]},
            "properties": {
                "name": row.location_name,
                "country": row.location_country,
                "events": int(row.n),
                "killed": int(row.killed) if row.killed is not None else None,
                "latest": row.latest,
                "incident_id": row.incident_id,
            },
        }
        for row in rows
    ]
    return {"type": "FeatureCollection", "window": {"since": first, "until": last}, "features": features}


def _incident_clauses(
    country: str | None,
    actor: str | None,
    plover: str | None,
    since: Day,
    until: Day,
    status: str | None,
    q: str | None,
) -> list[ColumnElement[bool]]:
    """Filters on the incident's own headline fields (indexed), not on every member event."""
    c = incidents_table.c
    clauses: list[ColumnElement[bool]] = []
    if country:
        clauses.append(c.country == country.strip().upper())
    if actor:
        clauses.append(
            or_(c.actor1.icontains(actor, autoescape=True), c.actor2.icontains(actor, autoescape=True))
        )
    if plover:
        clauses.append(c.plover == plover.strip().upper())
    first, last = day_text(since, "since"), day_text(until, "until", month_end=True)
    if first:
        clauses.append(c.date_last >= first)
    if last:
        clauses.append(c.date_first <= last)
    if status:
        clauses.append(c.status == status)
    if q:
        words = [w for w in q.split() if w][:8]
        for word in words:
            clauses.append(
                or_(
                    *(
                        col.icontains(word, autoescape=True)
                        for col in (c.location_name, c.actor1, c.actor2, c.country, c.plover, c.id)
                    )
                )
            )
    return clauses


def incidents_page(
    store: Store,
    *,
    country: str | None = None,
    actor: str | None = None,
    plover: str | None = None,
    since: Day = None,
    until: Day = None,
    status: str | None = None,
    q: str | None = None,
    sort: str = "date",
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """A page of incident summaries (the stored detail left out) and how many match in all."""
    c = incidents_table.c
    column, descending = INCIDENT_SORTS.get(sort, INCIDENT_SORTS["date"])
    # Unknown values last in both directions; ties by id in the same direction, so that the newest-
    # first default walks the (date_first, id) index backwards instead of sorting every incident.
    if descending:
        order = [c[column].desc().nulls_last(), c.id.desc()]
    else:
        order = [c[column].asc().nulls_last(), c.id.asc()]
    where = _incident_clauses(country, actor, plover, since, until, status, q)
    columns = [col for col in incidents_table.c if col.name != "detail"]
    with _read(store) as conn:
        rows = conn.execute(
            select(*columns).where(*where).order_by(*order).limit(limit).offset(offset)
        ).mappings()
        items = [dict(row) for row in rows]
        total = int(
            conn.execute(select(func.count()).select_from(incidents_table).where(*where)).scalar_one()
        )
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def incident_detail(store: Store, incident_id: str) -> dict[str, Any] | None:
    c = incidents_table.c
    with _read(store) as conn:
        detail = conn.execute(select(c.detail).where(c.id == incident_id)).scalar_one_or_none()
        if rolling.is_rolled(detail):  # a large incident: its record is built from its reports
            return rolling.record(IncidentStore(store), conn, incident_id, load_rules())
    return dict(detail) if detail else None


def incident_status_counts(store: Store) -> dict[str, int]:
    c = incidents_table.c
    with _read(store) as conn:
        rows = conn.execute(select(c.status, func.count().label("n")).group_by(c.status)).all()
    counts = {row.status: int(row.n) for row in rows}
    return {status: counts[status] for status in (*STATUSES, *sorted(counts)) if status in counts}


def incident_points(
    store: Store,
    since: Day = None,
    until: Day = None,
    country: str | None = None,
    plover: str | None = None,
    status: str | None = None,
    limit: int = MAX_MAP_POINTS,
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of located incidents, newest first, in the window.

    Without any incident (corroboration not run), the places of events stand in, so a fresh
    store still shows where things happened.
    """
    c = incidents_table.c
    since, until = day_text(since, "since"), day_text(until, "until", month_end=True)
    with _read(store) as conn:
        if conn.execute(select(c.id).limit(1)).first() is None:
            return map_points(store, since=since, until=until, country=country, plover=plover, limit=limit)
        if since is None:
            newest = conn.execute(select(func.max(c.date_first))).scalar_one_or_none()
            if newest:
                since = (date.fromisoformat(newest[:10]) - timedelta(days=DEFAULT_WINDOW_DAYS)).isoformat()
        where = _incident_clauses(country, None, plover, since, until, status, None)
        rows = conn.execute(
            select(
                c.id,
                c.location_name,
                c.country,
                c.lat,
                c.lon,
                c.plover,
                c.status,
                c.killed,
                c.date_first,
                c.events,
                c.independent_sources,
            )
            .where(*where, c.lat.is_not(None), c.lon.is_not(None))
            .order_by(c.date_first.desc().nulls_last(), c.id.desc())
            .limit(limit)
        ).all()
    # Plain tuples, not Row attribute look-ups: this loop runs once per point on every map load.
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "incident_id": incident_id,
                "name": name,
                "country": country_code,
                "plover": type_,
                "status": status_,
                "events": events_,
                "independent_sources": sources,
                "killed": killed,
                "latest": day,
            },
        }
        for incident_id, name, country_code, lat, lon, type_, status_, killed, day, events_, sources in (
            tuple(row) for row in rows
        )
    ]
    return {"type": "FeatureCollection", "window": {"since": since, "until": until}, "features": features}


def outlet_claims(
    store: Store, outlet: str, status: str | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    """An outlet's claims about incidents (figures, actors, places, dates), contested first."""
    c = incident_claims.c
    where = [c.outlet == outlet, c.field != "incident"]
    if status:
        where.append(c.status == status)
    contested_first = case((c.status == "contested", 0), else_=1)
    with _read(store) as conn:
        rows = conn.execute(
            select(
                c.incident_id,
                c.field,
                c.article_id,
                c.event_id,
                c.claimant,
                c.value,
                c.hedged,
                c.status,
                c.outside_range,
            )
            .where(*where)
            .order_by(contested_first, c.incident_id, c.field, c.id)
            .limit(limit)
        ).mappings()
        return [dict(row) for row in rows]
