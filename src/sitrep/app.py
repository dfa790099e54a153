"""The one application object that the CLI, the HTTP server and the tests all use.

It holds the Settings and, lazily, the Store and the pipelines, so a command that only cleans never
loads spaCy or opens a database. Services return data; only cli.py prints or exits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.errors import InputError
from sitrep.ingest import article_from_text, read_inputs
from sitrep.models import Article, CleanArticle, Event, OffsetMap, Rejected
from sitrep.pipeline import Outcome, Pipeline, standard_pipeline
from sitrep.settings import Settings

if TYPE_CHECKING:
    from sitrep.corroborate import Corroborator
    from sitrep.evaluate import EvalReport
    from sitrep.gold import GoldDocument
    from sitrep.store import Store


@dataclass(slots=True)
class IngestSummary:
    """What one `ingest` run did: counts by status and every rejection with its reason."""

    counts: Counter[str] = field(default_factory=Counter)
    rejected: list[Rejected] = field(default_factory=list)
    events: int = 0

    def add(self, status: str) -> None:
        self.counts[status] += 1


@dataclass(frozen=True, slots=True)
class Analysis:
    """One article through the pipeline: its cleaned text and its events (or why it was rejected).

    `not_analysed` says why a cleaned article has no events without being rejected: a language
    other than English (extraction is English-only; the article is stored all the same)."""

    source: str
    clean: CleanArticle | None
    events: tuple[Event, ...] = ()
    rejected: Rejected | None = None
    not_analysed: str | None = None


class Sitrep:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._store: Store | None = None
        self._corroborator: Corroborator | None = None
        self._pipelines: dict[str, Pipeline] = {}

    @property
    def store(self) -> Store:
        if self._store is None:
            from sitrep.store import Store

            self._store = Store(self.settings.db_url)
        return self._store

    @property
    def corroborator(self) -> Corroborator:
        if self._corroborator is None:
            from sitrep.corroborate import Corroborator

            self._corroborator = Corroborator(self.store)
        return self._corroborator

    def pipeline(self, until: str) -> Pipeline:
        if until not in self._pipelines:
            self._pipelines[until] = standard_pipeline(self.settings, until)
        return self._pipelines[until]

    def _run(
        self, inputs: Iterable[Article | Rejected], until: str, on_rejected: Callable[[Rejected], None]
    ) -> Iterator[Outcome]:
        def articles() -> Iterator[Article]:
            for item in inputs:
                if isinstance(item, Rejected):
                    on_rejected(item)
                else:
                    yield item

        return self.pipeline(until).run(articles(), batch_size=self.settings.parse_batch_size)

    def read(self, paths: Iterable[str | Path]) -> Iterator[Article | Rejected]:
        return read_inputs(paths, self.settings)

    def analyze_inputs(
        self, inputs: Iterable[Article | Rejected], until: str = "events"
    ) -> Iterator[Analysis]:
        """Clean (and, unless until="clean", extract events from) every input; store nothing."""
        pending: list[Rejected] = []
        for outcome in self._run(inputs, until, pending.append):
            while pending:
                rejected = pending.pop(0)
                yield Analysis(rejected.source, None, rejected=rejected)
            if outcome.rejected:
                yield Analysis(outcome.article.source, None, rejected=outcome.rejected)
            else:
                events = tuple(outcome.artifacts.get("events", ()))
                yield Analysis(outcome.article.source, outcome["clean"], events, not_analysed=outcome.note)
        for rejected in pending:
            yield Analysis(rejected.source, None, rejected=rejected)

    def analyze(
        self, paths: Iterable[str | Path], until: str = "events", published: date | None = None
    ) -> Iterator[Analysis]:
        """Analyze files; `published` is used for inputs that do not state their own date."""
        inputs = self.read(paths)
        if published is not None:
            inputs = (
                replace(item, published=published)
                if isinstance(item, Article) and item.published is None
                else item
                for item in inputs
            )
        return self.analyze_inputs(inputs, until)

    def ingest(
        self,
        paths: Iterable[str | Path],
        on_item: Callable[[str, str], None] | None = None,
        with_events: bool = True,
    ) -> IngestSummary:
        """Store every readable article with its events, one transaction per article.

        Rejections are recorded in the store and in the summary; they never stop the batch.
        `on_item(source, status)` is called once per input, for progress display.
        """
        analyses = self.analyze(paths, until="events" if with_events else "clean")
        return self.store_analyses(analyses, on_item, with_events)

    def store_analyses(
        self,
        analyses: Iterable[Analysis],
        on_item: Callable[[str, str], None] | None = None,
        with_events: bool = True,
        summary: IngestSummary | None = None,
    ) -> IngestSummary:
        """Write analyses in the order given, one transaction per article, then attach each one's
        events: the one writer behind `ingest`, whether the analyses come from this process or a
        Dask cluster (sitrep.distributed), so the order given decides the incidents alone."""
        summary = summary if summary is not None else IngestSummary()
        store = self.store
        notify = on_item or (lambda source, status: None)
        for analysis in analyses:
            if analysis.rejected is not None:
                store.record_rejected(analysis.rejected.source, analysis.rejected.reason)
                summary.rejected.append(analysis.rejected)
                summary.add("rejected")
                notify(analysis.source, "rejected")
                continue
            assert analysis.clean is not None
            try:
                status = self.save(analysis.clean, analysis.events, with_events)
            except InputError as error:  # text the database cannot hold (a NUL character)
                rejected = Rejected(analysis.source, str(error))
                store.record_rejected(rejected.source, rejected.reason)
                summary.rejected.append(rejected)
                summary.add("rejected")
                notify(analysis.source, "rejected")
                continue
            summary.add(status)
            if status != "unchanged":
                summary.events += len(analysis.events)
            notify(analysis.source, status)
        return summary

    def save(self, clean: CleanArticle, events: Sequence[Event], with_events: bool = True) -> str:
        """Store one analysed article and attach its events to incidents: "ingested", "updated" or
        "unchanged" (InputError for text no database can hold).

        Attaching follows the article's own transaction; `attached` makes a rerun finish the work
        of a run killed between the two steps, for a new article and for an update alike (the
        source row must be of this text). An "unchanged" text stored under another id has no
        events of this id to attach.
        """
        store = self.store
        status = store.save_article(clean, events)
        if with_events:
            corroborator = self.corroborator
            if status != "unchanged" or (
                store.has_article(clean.id) and not corroborator.attached(clean.id, clean.content_hash)
            ):
                corroborator.attach(clean, events)
        return status

    def articles(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return self.store.articles(limit=limit, offset=offset)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self.store.article(article_id)

    def analyze_text(
        self,
        text: str,
        published: date | None = None,
        outlet: str | None = None,
        url: str | None = None,
        name: str | None = None,
        kind: str = "text",
    ) -> Analysis:
        """One text (or HTML) in, its cleaned form and events out; nothing stored."""
        article = article_from_text(
            text, name=name, published=published, outlet=outlet, url=url, kind=kind, settings=self.settings
        )
        return next(iter(self.analyze_inputs([article])))

    def evaluate(self, gold_dir: Path, split: str | None = None) -> EvalReport:
        """Run the pipeline over a gold set and score it.

        A snippet/article gold folder is described in tests/gold/README.md; an event-level folder
        (gold/*.json with texts/, bench/realtext/FORMAT.md) is scored by the same code, one `split`
        of it ("dev", "test") or all.
        """
        from sitrep.evaluate import load_gold, score
        from sitrep.gold_events import is_event_level, load_event_gold

        gold = load_event_gold(gold_dir, split) if is_event_level(Path(gold_dir)) else load_gold(gold_dir)
        predicted, offsets = self.predict(gold)
        return score(gold, predicted, offsets)

    def predict(self, gold: Iterable[GoldDocument]) -> tuple[dict[str, list[Event]], dict[str, OffsetMap]]:
        """The events of every gold document's text, with the map from cleaned to given offsets."""
        documents = list(gold)
        articles = [
            article_from_text(doc.text, name=doc.id, published=doc.published, outlet=doc.outlet)
            for doc in documents
        ]
        predicted: dict[str, list[Event]] = {doc.id: [] for doc in documents}
        offsets: dict[str, OffsetMap] = {}
        for analysis in self.analyze_inputs(articles):
            if analysis.clean is not None:
                predicted[analysis.clean.id] = list(analysis.events)
                offsets[analysis.clean.id] = analysis.clean.offsets
        return predicted, offsets
