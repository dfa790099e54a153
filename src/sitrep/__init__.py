"""Sitrep: a verified event record from news about armed conflict and political crises.

>>> import sitrep
>>> events = sitrep.analyze("Rebels shelled the town of Saraqib on Monday.", published="2020-02-11")
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.errors import InputError, SitrepError
from sitrep.models import Actor, Article, CleanArticle, Event, Location, TextSpan
from sitrep.settings import Settings

if TYPE_CHECKING:
    from sitrep.app import Sitrep

__all__ = [
    "Actor", "Article", "CleanArticle", "Event", "InputError", "Location", "Settings", "SitrepError",
    "TextSpan", "__version__", "analyze",
]  # fmt: skip
__version__ = "0.1.0"


@lru_cache(maxsize=1)
def _default_app() -> Sitrep:
    from sitrep.app import Sitrep

    return Sitrep(Settings.from_env())


def analyze(
    text: str, published: date | str | None = None, outlet: str | None = None, url: str | None = None
) -> list[Event]:
    """The events stated in one article's text; nothing is stored.

    Raises an InputError subclass when the text cannot be used (empty, not English, ...).
    """
    when = date.fromisoformat(published) if isinstance(published, str) else published
    analysis = _default_app().analyze_text(text, published=when, outlet=outlet, url=url)
    if analysis.rejected is not None:
        raise InputError(analysis.rejected.reason)
    return list(analysis.events)
