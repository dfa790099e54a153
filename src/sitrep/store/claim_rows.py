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
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select

from sitrep.store.incidents import incident_claims

# Every column but the row id: two rows equal in these are the same claim. (SQLite hands booleans
# back as 0 and 1, which equal and hash as False and True: the keys compare without conversion.)
COLUMNS = tuple(c.name for c in incident_claims.columns if c.name != "id")
_key = itemgetter(*COLUMNS)
_STORED = select(incident_claims.c.id, *(incident_claims.c[name] for name in COLUMNS)).where(
    incident_claims.c.incident_id.in_(bindparam("ids", expanding=True))
)
_DELETE = delete(incident_claims).where(incident_claims.c.id.in_(bindparam("row_ids", expanding=True)))
_CHUNK = 5000  # row ids per DELETE: well under any driver's parameter limit


def replace_claims(conn: Connection, stored_ids: Sequence[str], claims: Sequence[Mapping[str, Any]]) -> None:
    """Make the claim rows of the incidents `stored_ids` (and of any new incident in `claims`) be
    exactly `claims`, touching only the rows that differ."""
    wanted = Counter(_key(claim) for claim in claims)
    stale: list[int] = []
    if stored_ids:
        for row_id, *stored in conn.execute(_STORED, {"ids": list(stored_ids)}):
            key = tuple(stored)
            if wanted[key] > 0:
                wanted[key] -= 1  # already stored as it should be
            else:
                stale.append(row_id)
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
