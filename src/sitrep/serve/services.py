"""What the HTTP API and the dashboard pages ask of Sitrep, in one place, so both show the same data.

`Services` wraps the one `Sitrep` application object: reads go to its Store (and, for incidents,
outlets and the actor network, to the corroborate stage), writes go through its pipeline. The
pipeline is not thread-safe, so analysis and ingest run one at a time behind a lock. Over HTTP
they run on one thread of their own (`in_pipeline`), never on the pool that answers reads, and
at most Settings.max_queued_analyses wait for it: past that the answer is 503 with Retry-After,
so a queue of slow analyses can never starve the reads.
"""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any, TypeVar

from sitrep.app import Analysis, Sitrep
from sitrep.corroborate import Corroborator
from sitrep.errors import SitrepError
from sitrep.models import Event
from sitrep.serve import queries
from sitrep.serve.explain import figure_sentence
from sitrep.serve.highlight import Segment, event_spans, segments
from sitrep.serve.network import network_graph

FIGURES = ("killed", "injured", "displaced")
# Page sizes the API accepts: large enough for an export-like read, small enough to answer fast.
MAX_PAGE = 1000


T = TypeVar("T")
# Seconds a client refused for a full analysis queue is told to wait.
RETRY_AFTER_SECONDS = 5


class NotFound(SitrepError):
    """The id names nothing stored."""

    code = "E404"


class Busy(SitrepError):
    """Too many analyses are waiting already; try again later."""

    code = "E503"
    retry_after = RETRY_AFTER_SECONDS


class Services:
    def __init__(self, sitrep: Sitrep) -> None:
        self.sitrep = sitrep
        self._pipeline_lock = threading.Lock()
        self._pipeline_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitrep-pipeline")
        self._admitted = 0  # analyses running or waiting; changed on the event loop only
        self._corroborator: Corroborator | None = None

    async def in_pipeline(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `work` on the pipeline's own thread, or raise Busy when the queue is full."""
        limit = self.sitrep.settings.max_queued_analyses + 1  # the one running, and those waiting
        if self._admitted >= limit:
            raise Busy(f"{self._admitted - 1} analyses are waiting already; retry in {RETRY_AFTER_SECONDS} s")
        self._admitted += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._pipeline_thread, functools.partial(work, *args, **kwargs))
        finally:
            self._admitted -= 1

    # -- events and articles ---------------------------------------------------------------

    def events(self, limit: int = 100, offset: int = 0, **filters: Any) -> dict[str, Any]:
        store = self.sitrep.store
        items = store.events(**filters, limit=limit, offset=offset)
        return {
            "total": store.count_events(**filters),
            "limit": limit,
            "offset": offset,
            "items": [event.to_dict() for event in items],
        }

    def articles(self, limit: int = 100, offset: int = 0) -> dict[str, Any]:
        store = self.sitrep.store
        items = store.articles(limit=limit, offset=offset)
        for item in items:
            item["published"] = _iso(item.get("published"))
            item["ingested_at"] = _iso(item.get("ingested_at"))
        return {"total": store.count_articles(), "limit": limit, "offset": offset, "items": items}

    def article(self, article_id: str) -> tuple[dict[str, Any], list[Event], list[Segment]]:
        """One article's record, its events, and its text cut into highlighted segments."""
        record = self.sitrep.store.article(article_id)
        if record is None:
            raise NotFound(f"no article {article_id!r}")
        events = self.sitrep.store.events(article_id=article_id)
        spans = event_spans(record["text"], events)
        return record, events, segments(record["text"], spans)

    def article_json(self, article_id: str) -> dict[str, Any]:
        record, events, _ = self.article(article_id)
        spans = event_spans(record["text"], events)
        return {
            **{key: _iso(record.get(key)) for key in _ARTICLE_FIELDS},
            "text": record["text"],
            "removed": [{"text": r["text"], "rule": r["rule"]} for r in record["removed"]],
            "events": [event.to_dict() for event in events],
            "spans": [
                {
                    "start": s.start,
                    "end": s.end,
                    "kind": s.kind,
                    "event_ids": list(s.event_ids),
                    "label": s.label,
                }
                for s in spans
            ],
        }

    def stats(self, since: queries.Day = None, until: queries.Day = None) -> dict[str, Any]:
        result = queries.stats(self.sitrep.store, since, until)
        result["by_status"] = self.incident_status_counts()
        return result

    # -- incidents, outlets, actors (the corroborate stage) ----------------------------------

    @property
    def corroborator(self) -> Corroborator:
        """The corroborate stage's service over the same store (incidents, outlets, relations)."""
        if self._corroborator is None:
            self._corroborator = Corroborator(self.sitrep.store)
        return self._corroborator

    def incident_status_counts(self) -> dict[str, int]:
        return queries.incident_status_counts(self.sitrep.store)

    def incidents(
        self, limit: int = 50, offset: int = 0, sort: str = "date", **filters: Any
    ) -> dict[str, Any]:
        return queries.incidents_page(self.sitrep.store, limit=limit, offset=offset, sort=sort, **filters)

    def incident(self, incident_id: str) -> dict[str, Any]:
        """The incident record with its claims per field, and one sentence per figure explaining it."""
        detail = queries.incident_detail(self.sitrep.store, incident_id)
        if not detail:
            raise NotFound(f"no incident {incident_id!r}")
        detail["explanations"] = {
            name: figure_sentence(name, detail.get(name), detail.get("independent_sources"))
            for name in FIGURES
            if detail.get(name)
        }
        return detail

    def map_data(self, **filters: Any) -> dict[str, Any]:
        return queries.incident_points(self.sitrep.store, **filters)

    def outlets(self) -> list[dict[str, Any]]:
        return self.corroborator.outlets()

    def outlet_claims(self, outlet: str, status: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        return queries.outlet_claims(self.sitrep.store, outlet, status, limit)

    def actors(self) -> list[dict[str, Any]]:
        return self.corroborator.actors()

    def network(self) -> dict[str, Any]:
        """Actors as nodes and standing relations (backing, fighting) as edges weighted by sources."""
        return network_graph(self.corroborator.relations())

    # -- analysis and ingest ---------------------------------------------------------------

    def analyze(
        self,
        text: str,
        kind: str = "text",
        published: date | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> Analysis:
        """Text in, cleaned article and events out; nothing stored."""
        with self._pipeline_lock:
            return self.sitrep.analyze_text(text, published=published, outlet=outlet, url=url, kind=kind)

    def ingest(
        self,
        text: str,
        article_id: str | None = None,
        kind: str = "text",
        published: date | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> tuple[str, Analysis]:
        """Analyze and store one article; returns the save status ("rejected" when unusable)."""
        with self._pipeline_lock:
            analysis = self.sitrep.analyze_text(
                text, published=published, outlet=outlet, url=url, name=article_id, kind=kind
            )
            store = self.sitrep.store
            if analysis.rejected is not None:
                store.record_rejected(analysis.rejected.source, analysis.rejected.reason)
                return "rejected", analysis
            assert analysis.clean is not None
            return self.sitrep.save(analysis.clean, analysis.events), analysis


_ARTICLE_FIELDS = (
    "id",
    "title",
    "byline",
    "published",
    "outlet",
    "url",
    "source_url",
    "republished_from",
    "language",
    "ingested_at",
)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
