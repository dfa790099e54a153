"""The stages in order, each declaring what it requires and what it provides.

A pipeline is checked when it is built: a stage whose requirement no earlier stage provides is a
PipelineError at start-up, not a KeyError in production. Stages work on batches (spaCy parses
faster in batches); a stage returns, for each item, either its result or an InputError, and the
runner turns the error into a rejection for that item alone: one bad article never stops a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.errors import AnalysisFailed, InputError, PipelineError, TooLarge
from sitrep.models import Article, Rejected
from sitrep.settings import Settings

# What a pipeline starts with: the ingested Article.
START = "article"


@dataclass(frozen=True, slots=True)
class Stage:
    """One step: `run` maps a batch of argument tuples (its required artifacts, in the order named)
    to a batch of results.

    `run` returns a list the same length as its input; an InputError in a slot rejects that item.
    """

    name: str
    requires: tuple[str, ...]
    provides: str
    run: Callable[[Sequence[tuple[Any, ...]]], list[Any]]


@dataclass(frozen=True, slots=True)
class NotAnalysed:
    """A stage's result that ends an item's run early without rejecting it: what came before stands
    (a non-English article is cleaned and stored, with no events), and `reason` says why."""

    reason: str


@dataclass(slots=True)
class Outcome:
    """What the pipeline made of one article: every artifact by name, or the reason it was rejected
    (or, in `note`, why its run ended early: NotAnalysed)."""

    article: Article
    artifacts: dict[str, Any] = field(default_factory=dict)
    rejected: Rejected | None = None
    note: str | None = None

    def __getitem__(self, name: str) -> Any:
        return self.artifacts[name]


class Pipeline:
    def __init__(self, stages: Sequence[Stage]) -> None:
        available = {START}
        for stage in stages:
            missing = [name for name in stage.requires if name not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage provides "
                    f"(available: {', '.join(sorted(available))})"
                )
            available.add(stage.provides)
        self.stages = tuple(stages)
        self.provides = frozenset(available)

    def run(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Outcome]:
        """Run every stage over the articles, a batch at a time, yielding outcomes in input order."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> list[Outcome]:
        outcomes = [Outcome(article, {START: article}) for article in batch]
        for stage in self.stages:
            live = [o for o in outcomes if o.rejected is None and o.note is None]
            if not live:
                break
            results = stage.run([tuple(o.artifacts[name] for name in stage.requires) for o in live])
            if len(results) != len(live):
                raise PipelineError(
                    f"stage {stage.name!r} returned {len(results)} results for {len(live)} items"
                )
            for outcome, result in zip(live, results, strict=True):
                if isinstance(result, InputError):
                    outcome.rejected = Rejected(outcome.article.source, str(result))
                elif isinstance(result, NotAnalysed):
                    outcome.note = result.reason
                else:
                    outcome.artifacts[stage.provides] = result
        return outcomes


def per_item(
    function: Callable[..., Any], stage: str | None = None
) -> Callable[[Sequence[tuple[Any, ...]]], list[Any]]:
    """Lift a one-item function into a batch function that turns its InputErrors into rejections.

    With a `stage` name, an unexpected error on one item (a defect in Sitrep, not in the input)
    becomes that item's rejection too, named with its stage and cause: one article never stops a batch."""

    def run(items: Sequence[tuple[Any, ...]]) -> list[Any]:
        results: list[Any] = []
        for args in items:
            try:
                results.append(function(*args))
            except InputError as error:
                results.append(error)
            except Exception as error:
                if stage is None:
                    raise
                first = (str(error).splitlines() or [""])[0][:200]
                cause = f"{type(error).__name__}: {first}"
                results.append(AnalysisFailed(f"{stage} failed ({cause}); a Sitrep defect, please report"))
        return results

    return run


def _keep_loaded(settings: Settings) -> None:
    """Load the models and dictionaries every article needs, then take them out of the garbage
    collector's scans (`gc.freeze`): they live as long as the process, and scanning their millions of
    objects again and again cost about 0.5 ms an article (bench/throughput.py runs 5% faster)."""
    import gc

    from sitrep.classify import EventTyper
    from sitrep.parse import load_model

    load_model(settings.spacy_model)
    EventTyper.shared()
    global _frozen
    if not _frozen:  # once a process: a later call would freeze whatever garbage exists by then
        gc.freeze()
        _frozen = True


_frozen = False


def _other_language(code: str | None, supported: str) -> NotAnalysed | None:
    from sitrep.clean.language import language_name

    if code is None or code == supported:
        return None
    return NotAnalysed(
        f"not analysed: {language_name(code)} text ({code}); events are extracted from "
        f"{language_name(supported)} text only"
    )


def _too_long(text: str, limit: int) -> TooLarge | None:
    if len(text) <= limit:
        return None
    return TooLarge(
        f"too long to analyse: {len(text):,} characters after cleaning (limit {limit:,}); "
        "`sitrep clean` still cleans it"
    )


def standard_pipeline(settings: Settings, until: str = "events") -> Pipeline:
    """Sitrep's stages in order, up to and including the one that provides `until`.

    ingest happens before the pipeline (it yields Articles); store, corroborate and serve after it.
    """
    from sitrep.clean import clean_article
    from sitrep.parse import parse_articles

    def parse(batch: Sequence[tuple[Any, ...]]) -> list[Any]:
        # Another language is cleaned but not analysed; a text over the limit is one rejection; the
        # rest of the batch is parsed as usual.
        limit = settings.max_text_chars
        results: list[Any] = [
            _other_language(clean.language, settings.language) or _too_long(clean.text, limit)
            for (clean,) in batch
        ]
        fits = [n for n, result in enumerate(results) if result is None]
        parsed = parse_articles([batch[n][0] for n in fits], settings.spacy_model, settings.parse_batch_size)
        for n, result in zip(fits, parsed, strict=True):
            results[n] = result
        return results

    stages = [Stage("clean", (START,), "clean", per_item(lambda article: clean_article(article, settings)))]
    if until != "clean":
        from sitrep.extract import extract_mentions
        from sitrep.resolve import Resolver

        resolver = Resolver.shared()
        _keep_loaded(settings)
        stages += [
            Stage("parse", ("clean",), "parsed", parse),
            Stage("extract", ("parsed",), "mentions", per_item(extract_mentions, "extraction")),
            Stage("resolve", ("parsed", "mentions"), "events", per_item(resolver.resolve, "resolving")),
        ]
    pipeline = Pipeline(stages)
    if until not in pipeline.provides:
        raise PipelineError(f"no stage provides {until!r}")
    return pipeline
