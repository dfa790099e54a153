"""The claim rows of incidents, rewritten by difference.

Attaching a report to an incident summarises the incident again, and every claim of it comes out
again: for a story told 1,200 times, some 8,000 rows, nearly all as they were. Deleting and
inserting them all on every attach made a surge of one story write quadratically many rows. Here
the stored rows are read (a cheap indexed read) and only the rows that changed are deleted and
inserted: a new report's own claims, and the rows of a field whose status changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select

from sitrep.store.incidents import incident_claims

# Every column but the row id: two rows equal in these are the same claim.
COLUMNS = tuple(c.name for c in incident_claims.columns if c.name != "id")
_BOOLEAN = ("hedged", "outside_range")  # SQLite hands these back as 0/1
_STORED = select(incident_claims).where(incident_claims.c.incident_id.in_(bindparam("ids", expanding=True)))
_DELETE = delete(incident_claims).where(incident_claims.c.id.in_(bindparam("row_ids", expanding=True)))
_CHUNK = 5000  # row ids per DELETE: well under any driver's parameter limit


def _key(row: Mapping[Any, Any]) -> tuple[Any, ...]:
    return tuple(_flag(row[name]) if name in _BOOLEAN else row[name] for name in COLUMNS)


def _flag(value: Any) -> bool | None:
    return None if value is None else bool(value)


def replace_claims(conn: Connection, stored_ids: Sequence[str], claims: Sequence[Mapping[str, Any]]) -> None:
    """Make the claim rows of the incidents `stored_ids` (and of any new incident in `claims`) be
    exactly `claims`, touching only the rows that differ."""
    wanted = Counter(_key(claim) for claim in claims)
    stale: list[int] = []
    if stored_ids:
        for row in conn.execute(_STORED, {"ids": list(stored_ids)}).mappings():
            key = _key(row)
            if wanted[key] > 0:
                wanted[key] -= 1  # already stored as it should be
            else:
                stale.append(row["id"])
    for start in range(0, len(stale), _CHUNK):
        conn.execute(_DELETE, {"row_ids": stale[start : start + _CHUNK]})
    added = []
    for claim in claims:
        key = _key(claim)
        if wanted[key] > 0:
            wanted[key] -= 1
            added.append(dict(claim))
    if added:
        conn.execute(insert(incident_claims), added)
