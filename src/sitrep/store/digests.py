"""Incident digests and the few-row reads and writes of attaching a report to a large incident.

An incident's digest (sitrep.corroborate.digest) is one JSON row of `incident_digests` (migration
0009), written in the same transaction as the incident row. Attaching a report to an incident of
thousands reads its digest, a bounded sample of its events and one indexed probe of its claim rows
(is this source new to it? the (incident_id, source_key) index of migration 0009), and writes the
incident row, the digest and the new report's claim rows. A field whose status changes, or a figure
whose range among the other sources moves, rewrites that field's stored claims in one UPDATE: rare,
since statuses only move from single-source to corroborated to contested and ranges settle.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table, Text, and_, bindparam, case, delete, insert, select, update

from sitrep.store.incidents import JSONType, article_sources, incident_claims, incidents_table
from sitrep.store.schema import metadata

incident_digests = Table(
    "incident_digests",
    metadata,
    Column("incident_id", Text, primary_key=True),
    Column("digest", JSONType, nullable=False),
)

_C = incident_claims.c
_SIZES = (
    select(incidents_table.c.id, incidents_table.c.events, incident_digests.c.digest)
    .outerjoin(incident_digests, incident_digests.c.incident_id == incidents_table.c.id)
    .where(incidents_table.c.id.in_(bindparam("ids", expanding=True)))
)
_SEQS = select(article_sources.c.article_id, article_sources.c.seq).where(
    article_sources.c.article_id.in_(bindparam("ids", expanding=True))
)
_SOURCE_SEEN = (
    select(_C.id)
    .where(_C.incident_id == bindparam("incident_id"), _C.source_key == bindparam("source"))
    .limit(1)
)
_DELETE = delete(incident_digests).where(incident_digests.c.incident_id.in_(bindparam("ids", expanding=True)))


def digests(conn: Connection, incident_ids: Sequence[str]) -> dict[str, dict[str, Any] | None]:
    """The digest of each stored incident among these ids (None for one stored before digests), whose
    stored event count it matches."""
    if not incident_ids:
        return {}
    found: dict[str, dict[str, Any] | None] = {}
    for row in conn.execute(_SIZES, {"ids": sorted(set(incident_ids))}).mappings():
        digest = row["digest"]
        found[row["id"]] = dict(digest) if digest and digest.get("size") == row["events"] else None
    return found


def save_digests(
    conn: Connection, incident_ids: Sequence[str], digests_by_id: Mapping[str, Mapping[str, Any]],
    *, new: Iterable[str] = (),
) -> None:  # fmt: skip
    """Replace the digests of these incidents by `digests_by_id` (an id left out has none after);
    `new` names incidents not stored yet."""
    fresh = set(new)
    stored = [i for i in incident_ids if i not in fresh]
    if stored:
        conn.execute(_DELETE, {"ids": stored})
    rows = [{"incident_id": i, "digest": dict(d)} for i, d in digests_by_id.items()]
    if rows:
        conn.execute(insert(incident_digests), rows)


def article_seqs(conn: Connection, article_ids: Iterable[str]) -> dict[str, int]:
    """Each article's attach order."""
    wanted = sorted(set(article_ids))
    if not wanted:
        return {}
    return {row.article_id: int(row.seq) for row in conn.execute(_SEQS, {"ids": wanted})}


def source_seen(conn: Connection, incident_id: str, source_key: str) -> bool:
    """Has the incident a stored report from this source? (one probe of an index)"""
    params = {"incident_id": incident_id, "source": source_key}
    return conn.execute(_SOURCE_SEEN, params).first() is not None


def update_incident(conn: Connection, row: Mapping[str, Any]) -> None:
    values = {k: v for k, v in row.items() if k != "id"}
    conn.execute(update(incidents_table).where(incidents_table.c.id == row["id"]).values(**values))


def add_claims(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        conn.execute(insert(incident_claims), [dict(r) for r in rows])


def set_status(conn: Connection, incident_id: str, field: str, status: str) -> None:
    """Every stored claim of one field of an incident takes the field's new status."""
    where = and_(_C.incident_id == incident_id, _C.field == field)
    conn.execute(update(incident_claims).where(where).values(status=status))


def set_outside_range(
    conn: Connection,
    incident_id: str,
    field: str,
    lows: Sequence[Sequence[Any]],
    highs: Sequence[Sequence[Any]],
) -> None:
    """Every stored figure claim of one field of an incident: outside the range of the other sources?

    `lows` and `highs` are the two sources with the lowest and highest figures (digest._top_two)."""
    where = and_(_C.incident_id == incident_id, _C.field == field)
    if len(lows) < 2:
        conn.execute(update(incident_claims).where(where).values(outside_range=None))
        return
    low = case((_C.source_key == lows[0][1], lows[1][0]), else_=lows[0][0])
    high = case((_C.source_key == highs[0][1], highs[1][0]), else_=highs[0][0])
    outside = case(((_C.number < low) | (_C.number > high), True), else_=False)
    conn.execute(update(incident_claims).where(where).values(outside_range=outside))
