"""Event rows: models.Event flattened into the `events` table and rebuilt from it, and the filters
`sitrep events`, the API and the exports share.

Every function takes an open Connection; transactions belong to `Store` (database.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, bindparam, func, insert, or_, select, update

from sitrep.errors import ConfigError
from sitrep.models import Actor, Event, Location, Mention, TextSpan
from sitrep.store.schema import events as events_table


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a read returns; every field that is not None narrows the result.

    `country` (ISO3) matches actor1's, actor2's or the location's country. `actor` is a
    case-insensitive substring of either actor's canonical name. `since`/`until` bound the event
    date, inclusive; an event dated only to a month matches when that month overlaps the window.
    """

    country: str | None = None
    actor: str | None = None
    plover: str | None = None
    since: date | str | None = None
    until: date | str | None = None
    article_id: str | None = None

    def clauses(self) -> list[ColumnElement[bool]]:
        c = events_table.c
        clauses: list[ColumnElement[bool]] = []
        if self.country:
            country = self.country.strip().upper()
            clauses.append(
                or_(c.actor1_country == country, c.actor2_country == country, c.location_country == country)
            )
        if self.actor:
            # autoescape: a "%" or "_" typed by the user is a character, not a LIKE wildcard.
            clauses.append(
                or_(
                    c.actor1_name.icontains(self.actor, autoescape=True),
                    c.actor2_name.icontains(self.actor, autoescape=True),
                )
            )
        if self.plover:
            clauses.append(c.plover == self.plover.strip().upper())
        if self.since is not None:
            since = day_bound(self.since, "since", month_end=False)
            # "2020-02" (month precision) sorts before "2020-02-15" yet overlaps a window from the 15th.
            clauses.append(or_(c.date >= since, c.date == since[:7]))
        if self.until is not None:
            clauses.append(c.date <= day_bound(self.until, "until", month_end=True))
        if self.article_id is not None:
            clauses.append(c.article_id == self.article_id)
        return clauses


def day_bound(value: date | str, name: str, *, month_end: bool) -> str:
    """A bound as "YYYY-MM-DD" text, comparable with the stored dates; "YYYY-MM" means the whole month.

    Raises ConfigError, with the option's name, for anything else.
    """
    if isinstance(value, date):
        return value.isoformat()
    text = value.strip()
    try:
        if len(text) == 7:
            date.fromisoformat(text + "-01")
            # "-31" sorts after every day of the month, whatever its length: only text is compared.
            return text + ("-31" if month_end else "-01")
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ConfigError(f"{name} must be a date as YYYY-MM-DD or YYYY-MM, not {value!r}") from None




def event_row(event: Event) -> dict[str, Any]:
    """The `events` row of one Event: actors and location flattened into prefixed columns."""
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "incident_id": event.incident_id,
        "plover": event.plover,
        "mode": event.mode,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "cameo_root": event.cameo_root,
        "quad_class": event.quad_class,
        "date": event.date,
        "date_precision": event.date_precision,
        "killed": event.killed,
        "injured": event.injured,
        "displaced": event.displaced,
        "figure_qualifier": event.figure_qualifier,
        "attributed_to": event.attributed_to,
        "hedged": event.hedged,
        "evidence_text": event.evidence.text if event.evidence else None,
        "evidence_start": event.evidence.start if event.evidence else None,
        "evidence_end": event.evidence.end if event.evidence else None,
        "date_source": event.date_source,
        "confidence": event.confidence,
        "mentions": [mention.to_dict() for mention in event.mentions],
        "outlet": event.outlet,
        "url": event.url,
        "published": event.published,
    }
    row.update(_actor_columns("actor1", event.actor1))
    row.update(_actor_columns("actor2", event.actor2))
    location = event.location
    row.update(
        {
            "location_name": location.name if location else None,
            "location_admin1": location.admin1 if location else None,
            "location_country": location.country if location else None,
            "location_lat": location.lat if location else None,
            "location_lon": location.lon if location else None,
            "location_geonames_id": location.geonames_id if location else None,
            "location_precision": location.precision if location else None,
            "location_text": location.text if location else None,
        }
    )
    return row


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_kind": actor.kind if actor else None,
        f"{prefix}_backed_by": list(actor.backed_by) if actor else None,
        f"{prefix}_text": actor.text if actor else None,
    }


def event_from_row(row: Mapping[Any, Any]) -> Event:
    """Rebuild the Event a row was made from; an actor or location exists when its name does."""
    evidence = None
    if row["evidence_text"] is not None:
        evidence = TextSpan(row["evidence_text"], row["evidence_start"], row["evidence_end"])
    location = None
    if row["location_name"] is not None:
        location = Location(
            name=row["location_name"],
            admin1=row["location_admin1"],
            country=row["location_country"],
            lat=row["location_lat"],
            lon=row["location_lon"],
            geonames_id=row["location_geonames_id"],
            precision=row["location_precision"],
            text=row["location_text"],
        )
    return Event(
        event_id=row["event_id"],
        article_id=row["article_id"],
        plover=row["plover"],
        mode=row["mode"],
        acled_event_type=row["acled_event_type"],
        acled_sub_event_type=row["acled_sub_event_type"],
        cameo_root=row["cameo_root"],
        quad_class=row["quad_class"],
        date=row["date"],
        date_precision=row["date_precision"],
        actor1=_actor_from_row("actor1", row),
        actor2=_actor_from_row("actor2", row),
        location=location,
        killed=row["killed"],
        injured=row["injured"],
        displaced=row["displaced"],
        figure_qualifier=row["figure_qualifier"],
        attributed_to=row["attributed_to"],
        hedged=bool(row["hedged"]),
        evidence=evidence,
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        incident_id=row["incident_id"],
        date_source=row["date_source"],
        confidence=row["confidence"],
        mentions=tuple(Mention.from_dict(m) for m in row["mentions"] or ()),
    )


def _actor_from_row(prefix: str, row: Mapping[Any, Any]) -> Actor | None:
    if row[f"{prefix}_name"] is None:
        return None
    return Actor(
        name=row[f"{prefix}_name"],
        country=row[f"{prefix}_country"],
        kind=row[f"{prefix}_kind"],
        backed_by=tuple(row[f"{prefix}_backed_by"] or ()),
        text=row[f"{prefix}_text"],
    )


def insert_events(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        conn.execute(insert(events_table), list(rows))


def select_events(where: EventFilter, limit: int | None = None, offset: int = 0) -> Select[Any]:
    """Events in reading order: by date (undated last), then article and position in the text."""
    c = events_table.c
    query = (
        select(events_table)
        .where(*where.clauses())
        .order_by(c.date.is_(None), c.date, c.article_id, func.coalesce(c.evidence_start, -1), c.event_id)
        .offset(offset)
    )
    return query.limit(limit) if limit is not None else query


def count_events(conn: Connection, where: EventFilter) -> int:
    query = select(func.count()).select_from(events_table).where(*where.clauses())
    return int(conn.execute(query).scalar_one())


def assign_incidents(conn: Connection, assignments: Iterable[tuple[str, str | None]]) -> None:
    """Set `incident_id` on events by id (None detaches an event from its incident)."""
    rows = [{"b_event_id": event_id, "b_incident_id": incident} for event_id, incident in assignments]
    if rows:
        statement = (
            update(events_table)
            .where(events_table.c.event_id == bindparam("b_event_id"))
            .values(incident_id=bindparam("b_incident_id"))
        )
        conn.execute(statement, rows)
