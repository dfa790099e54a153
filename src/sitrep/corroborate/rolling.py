"""Large incidents: a report attached from the incident's digest, and the record read back whole.

Up to 2 x `linkage_sample` events an incident is summarised from all its reports on every attach,
as it always was. Beyond that (a story told thousands of times) attach works from the digest
(digest.py): the new report's own claims are summarised, the digest absorbs them, and the incident
row, the digest and the report's claim rows are written; the stored claims of a field are updated
in place only when the field's status or the other sources' range moves. The incident's full record
(its claims per field, sources and articles: lists as long as the incident) is then no longer kept
in the row: `record` builds it from the stored events when someone reads it, exactly as
claims.summarise builds it at attach for a small incident. A read may cost the incident's size; an
attach does not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection

from sitrep.corroborate import digest as digests
from sitrep.corroborate.claims import FIELDS, FIGURES, Source, claim_rows, report_claims, summarise
from sitrep.corroborate.rules import Rules
from sitrep.models import Event
from sitrep.store import digests as digest_rows
from sitrep.store.incidents import IncidentStore, incident_row

ROLLED = "rolled"  # the key marking a stored detail that is built at read time


def is_rolled(detail: Mapping[str, Any] | None) -> bool:
    return bool(detail and detail.get(ROLLED))


def source_of(row: Mapping[str, Any] | None, event: Event) -> Source:
    if row is None:  # an event of an article attached before its source was recorded
        return Source(f"article:{event.article_id}", event.outlet)
    return Source(row["source_key"], row["outlet"], row["basis"])


def record(db: IncidentStore, conn: Connection, incident_id: str, rules: Rules) -> dict[str, Any] | None:
    """The incident's full record from its stored events (what attach stores for a small incident)."""
    members = db.member_events(conn, [incident_id])[incident_id]
    if not members:
        return None
    rows = db.sources_of(conn, {e.article_id for e in members})
    sources = {e.article_id: source_of(rows.get(e.article_id), e) for e in members}
    return summarise(incident_id, members, sources, rules)


def build(
    incident_id: str, members: Sequence[Event], sources: Mapping[str, Source], summary: Mapping[str, Any],
    seqs: Mapping[str, int], rules: Rules,
) -> dict[str, Any]:  # fmt: skip
    """The digest of a whole incident, its members taken in attach order (article seq, event id)."""
    found = digests.empty()
    seen: set[str] = set()

    def source_seen(key: str) -> bool:
        known = key in seen
        seen.add(key)
        return known

    ordered = sorted(members, key=lambda e: (seqs.get(e.article_id, 1 << 62), e.article_id, e.event_id))
    reports = report_claims(members, sources, rules)
    digests.absorb(found, summary, reports, ordered, rules, source_seen)
    digests.settle(found, {e.event_id: e for e in members}, rules)
    return found


def roll(
    conn: Connection, incident_id: str, digest: dict[str, Any], events: Sequence[Event],
    reps: Mapping[str, Event], source: Source, rules: Rules,
) -> None:  # fmt: skip
    """Attach one article's `events` (as stored) to a large incident from its `digest`; `reps` holds
    the events standing for the digest's claim groups."""
    sources = {e.article_id: source for e in events}
    summary = summarise(incident_id, events, sources, rules)
    before = digests.copied(digest)
    ordered = sorted(events, key=lambda e: e.event_id)
    digests.absorb(digest, summary, report_claims(events, sources, rules), ordered, rules,
                   lambda key: digest_rows.source_seen(conn, incident_id, key))  # fmt: skip
    digests.settle(digest, {**reps, **{e.event_id: e for e in events}}, rules)
    head = digests.headline(incident_id, digest)
    status = digest["status"]
    for name in FIELDS:
        if name in status and before["status"].get(name) not in (None, status[name]):
            digest_rows.set_status(conn, incident_id, name, status[name])
    if digests.headline(incident_id, before)["status"] != head["status"]:
        digest_rows.set_status(conn, incident_id, "incident", head["status"])
    for name in FIGURES:
        state, old = digest["figures"].get(name), before["figures"].get(name)
        if state and old and (state["lows"], state["highs"]) != (old["lows"], old["highs"]):
            digest_rows.set_outside_range(conn, incident_id, name, state["lows"], state["highs"])
    rows = claim_rows(summary)
    for row in rows:
        field = row["field"]
        row["status"] = head["status"] if field == "incident" else status[field]
        if field in FIGURES:
            row["outside_range"] = digests.outside_range(
                digest["figures"][field], row["number"], row["source_key"]
            )
    digest_rows.add_claims(conn, rows)
    digest_rows.update_incident(
        conn, {**incident_row(head), "detail": {"incident_id": incident_id, ROLLED: True}}
    )
    digest_rows.save_digests(conn, [incident_id], {incident_id: digest})
