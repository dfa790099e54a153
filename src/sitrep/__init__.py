"""Sitrep: a verified event record from news about armed conflict and political crises."""

from sitrep.models import Actor, Article, CleanArticle, Event, Location

__all__ = ["Actor", "Article", "CleanArticle", "Event", "Location", "__version__"]
__version__ = "0.1.0"
