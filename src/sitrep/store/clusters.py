"""Story clusters, read a few rows at a time: what attach needs to know of the stories it joins.

A story cluster's label is the id of its first article (by attach order, `seq`); its origin comes
from its earliest report (by publication day, dated before undated, then `seq`), a stated wire
origin first. Every member of a cluster carries the cluster's label and origin. So instead of
reading every member, attach reads, per cluster, the few rows that can decide the label and the
origin: five short scans of the (cluster, seq) and (cluster, published, seq) indexes of migration
0008, whatever the story's size. Members are read whole only when the label or origin changes,
which rewrites every one of them anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, select, union_all

from sitrep.store.incidents import article_sources

_C = article_sources.c
_COLUMNS = (_C.article_id, _C.seq, _C.published, _C.own_key, _C.explicit_key, _C.source_key, _C.cluster)
_STATED = _C.explicit_key.is_not(None)  # the condition of the partial index of migration 0008
_IN_CLUSTER = (_C.cluster == bindparam("cluster"), _C.article_id != bindparam("exclude"))


def _first(*where: Any, order: tuple[Any, ...]) -> Any:
    return select(*_COLUMNS).where(*_IN_CLUSTER, *where).order_by(*order).limit(1)


# The rows that can decide a cluster's label and origin (see _cluster_origin in corroborator.py).
_DECIDING = union_all(
    *(
        select("*").select_from(query.subquery())
        for query in (
            _first(order=(_C.seq,)),  # the first member: the label
            _first(_C.published.is_not(None), order=(_C.published, _C.seq)),  # the earliest dated report
            _first(_C.published.is_(None), order=(_C.seq,)),  # the first undated report
            _first(_STATED, _C.published.is_not(None), order=(_C.published, _C.seq)),  # the same, stated
            _first(_STATED, _C.published.is_(None), order=(_C.seq,)),
        )
    )
)
_MEMBERS = select(_C.article_id).where(*_IN_CLUSTER).order_by(_C.seq)


def deciding_rows(conn: Connection, clusters: Iterable[str], exclude: str) -> list[dict[str, Any]]:
    """For each cluster, its first member and its earliest reports (dated and undated, stated or
    not), without the article `exclude` (the one being attached): at most five rows per cluster."""
    rows: dict[str, dict[str, Any]] = {}
    for cluster in sorted(set(clusters)):
        for row in conn.execute(_DECIDING, {"cluster": cluster, "exclude": exclude}).mappings():
            rows[row["article_id"]] = dict(row)
    return list(rows.values())


def member_ids(conn: Connection, cluster: str, exclude: str) -> list[str]:
    """Every article of a cluster but `exclude`, in attach order."""
    return list(conn.execute(_MEMBERS, {"cluster": cluster, "exclude": exclude}).scalars())
