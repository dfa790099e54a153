"""The corroborate stage: events from many articles grouped into incidents, cross-checked by source.

    from sitrep.corroborate import Corroborator
    corroborator = Corroborator(store)
    store.save_article(clean, events)                     # then, unless "unchanged":
    corroborator.attach(clean, events)                    # incident ids, one per event
    corroborator.incidents(country="SYR", status="contested")
    corroborator.incident("inc-...")                      # claims by source, per field
    corroborator.outlets(); corroborator.relations(); corroborator.actors()

Modules: syndication.py (which articles are one source), incidents.py (which reports are one
incident), claims.py (status and published figures), outlets.py (outlet record), relations.py
(actor network), exports.py (JSONL/CSV/GeoJSON/GraphML), corroborator.py (incremental attach),
digest.py and rolling.py (large incidents: attach from a digest, the record built at read time),
quality.py (B-cubed and accuracy scores for evaluation). Rules live in data/corroboration.toml.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sitrep.corroborate import exports, rolling
from sitrep.corroborate.claims import CONTESTED, CORROBORATED, SINGLE
from sitrep.corroborate.corroborator import Attacher, incident_id_for
from sitrep.corroborate.outlets import outlet_record
from sitrep.corroborate.relations import relations as aggregate_relations
from sitrep.corroborate.rules import Rules, load_rules
from sitrep.errors import ConfigError
from sitrep.models import CleanArticle, Event
from sitrep.store import EventFilter, Store
from sitrep.store.incidents import IncidentStore

STATUSES = (CORROBORATED, SINGLE, CONTESTED)

__all__ = ["STATUSES", "Corroborator", "incident_id_for"]


class Corroborator:
    """The stage's one service object: the CLI, the API and ingest all go through it."""

    def __init__(self, store: Store, rules: Rules | None = None) -> None:
        self.store = store
        self.db = IncidentStore(store)
        self.rules = rules or load_rules()
        self._attacher = Attacher(self.db, self.rules)

    def attach(self, clean: CleanArticle, events: Sequence[Event]) -> list[str]:
        """Put a stored article's events into incidents (call right after a save that was not "unchanged")."""
        return self._attacher.attach(clean, events)

    def attached(self, article_id: str, content_hash: str | None = None) -> bool:
        """Has this article (in the version with `content_hash`, when given) been attached?

        After a kill between saving and attaching, it has not: a first version has no source row,
        and an updated one has its old version's row (another hash) and events with no incident.
        """
        with self.db.read() as conn:
            return self.db.is_attached(conn, article_id, content_hash)

    def incidents(
        self,
        country: str | None = None,
        actor: str | None = None,
        plover: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        status: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Incident summaries (no claims) whose events match the filters, by start date."""
        if status is not None and status not in STATUSES:
            raise ConfigError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        where = EventFilter(country, actor, plover, since, until)
        return self.db.list_incidents(where, status, limit, offset)

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        """The full record of one incident: status, sources and the claims per field, with quotes."""
        detail = self.db.incident_detail(incident_id)
        if not rolling.is_rolled(detail):
            return detail
        with self.db.read() as conn:  # a large incident: its record is built from its reports
            return rolling.record(self.db, conn, incident_id, self.rules)

    def incident_records(self, **filters: Any) -> list[dict[str, Any]]:
        """Full records of the incidents `incidents(**filters)` lists (for exports)."""
        records = (self.incident(row["id"]) for row in self.incidents(**filters))
        return [r for r in records if r is not None]

    def source(self, article_id: str) -> dict[str, Any] | None:
        """How an article counts: its origin (`source_key`), basis, story cluster and the copy it matches."""
        with self.db.read() as conn:
            return self.db.sources_of(conn, [article_id]).get(article_id)

    def outlets(self) -> list[dict[str, Any]]:
        return outlet_record(self.db.claims(), self.db.outlet_voice())

    def relations(self) -> list[dict[str, Any]]:
        rows = self.db.relation_events(sorted(self.rules.relation_by_plover))
        return aggregate_relations(rows, self.rules)

    def actors(self) -> list[dict[str, Any]]:
        """Actors with the number of events and incidents they appear in, most active first."""
        return self.db.actor_counts()

    def export_incidents(self, fmt: str, **filters: Any) -> str:
        """Incidents as jsonl, csv or geojson text."""
        records = self.incident_records(**filters)
        if fmt == "jsonl":
            return "".join(exports.incidents_jsonl(records))
        if fmt == "csv":
            return "".join(exports.incidents_csv(records))
        if fmt == "geojson":
            return exports.incidents_geojson(records)
        raise ConfigError(
            f"incident export format must be one of {', '.join(exports.INCIDENT_FORMATS)}, not {fmt!r}"
        )

    def export_network(self, fmt: str = "graphml") -> str:
        """The actor network as graphml or jsonl text."""
        edges = self.relations()
        if fmt == "graphml":
            return exports.network_graphml(edges)
        if fmt == "jsonl":
            return "".join(exports.incidents_jsonl(edges))
        raise ConfigError(
            f"network export format must be one of {', '.join(exports.NETWORK_FORMATS)}, not {fmt!r}"
        )
