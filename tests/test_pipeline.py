"""The pipeline runner: stage order is checked at start-up, and one bad item never stops a batch."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from sitrep.errors import AnalysisFailed, EmptyInput, PipelineError
from sitrep.models import Article
from sitrep.pipeline import Pipeline, Stage, per_item, standard_pipeline
from sitrep.settings import Settings


def _upper(article: Article) -> str:
    if not article.body.strip():
        raise EmptyInput("empty text")
    return article.body.upper()


def _length(batch: Sequence[tuple[Any, ...]]) -> list[int]:
    return [len(text) for (text,) in batch]


def test_a_stage_whose_requirement_nothing_provides_fails_at_start_up() -> None:
    with pytest.raises(PipelineError, match="stage 'length' requires upper"):
        Pipeline(
            [
                Stage("length", ("upper",), "length", _length),
                Stage("upper", ("article",), "upper", per_item(_upper)),
            ]
        )


def test_stages_run_in_order_and_a_rejected_item_does_not_stop_the_others() -> None:
    pipeline = Pipeline(
        [
            Stage("upper", ("article",), "upper", per_item(_upper)),
            Stage("length", ("upper",), "length", _length),
        ]
    )
    articles = [Article(f"s{i}", f"a{i}", body, "text") for i, body in enumerate(["shelling", "  ", "raid"])]
    outcomes = list(pipeline.run(articles, batch_size=2))
    assert [o.artifacts.get("length") for o in outcomes] == [8, None, 4]
    assert outcomes[1].rejected is not None and outcomes[1].rejected.reason == "empty text"


def test_the_standard_pipeline_declares_every_stage_in_order() -> None:
    pipeline = standard_pipeline(Settings(), "events")
    assert [stage.name for stage in pipeline.stages] == ["clean", "parse", "extract", "resolve"]
    assert standard_pipeline(Settings(), "clean").provides == {"article", "clean"}
    with pytest.raises(PipelineError):
        standard_pipeline(Settings(), "incidents")


def _fragile(article: Article) -> str:
    if "crash" in article.body:
        raise IndexError("list index out of range")
    return article.body


def test_an_unexpected_error_on_one_item_is_its_rejection_and_the_batch_goes_on() -> None:
    run = per_item(_fragile, "extraction")
    good, bad = Article("a.txt", "a", "calm", "text"), Article("b.txt", "b", "crash here", "text")
    results = run([(good,), (bad,), (good,)])
    assert results[0] == results[2] == "calm"
    assert isinstance(results[1], AnalysisFailed)
    assert str(results[1]).startswith("extraction failed (IndexError: list index out of range)")


def test_the_loaded_models_are_frozen_out_of_the_collector_once_a_process() -> None:
    import gc

    standard_pipeline(Settings())
    frozen = gc.get_freeze_count()
    assert frozen > 0
    garbage = [[n] for n in range(10_000)]  # objects made after the first pipeline
    standard_pipeline(Settings())
    assert gc.get_freeze_count() <= frozen  # frozen objects freed since only lower it; a freeze adds 10,000+
    del garbage
