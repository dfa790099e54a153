"""HTML to main text and page metadata, with trafilatura.

trafilatura keeps donation, subscription and newsletter boxes that sit inside the article body;
the boxes named in data/boilerplate.toml ([html]) are pruned from the tree before extraction.
Everything else is trafilatura's defaults: they are what its evaluations were run with.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

import trafilatura

from sitrep.clean.rules import load_rulebook
from sitrep.errors import MalformedInput

# trafilatura logs every page it cannot use at WARNING/ERROR; that is our MalformedInput.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    title: str | None
    author: str | None
    published: date | None
    sitename: str | None
    url: str | None


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text and metadata of one page; MalformedInput when the page has no main text."""
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            prune_xpath=list(load_rulebook().prune_xpaths),
        )
    except Exception as error:  # trafilatura/lxml raise assorted errors on broken markup
        raise MalformedInput(f"unreadable HTML: {type(error).__name__}") from None
    if document is None or isinstance(document, dict) or not (document.text or "").strip():
        raise MalformedInput("HTML with no main text")
    return HtmlExtract(
        text=document.text or "",
        title=document.title or None,
        author=document.author or None,
        published=_as_date(document.date),
        sitename=document.sitename or None,
        url=document.url or None,
    )
