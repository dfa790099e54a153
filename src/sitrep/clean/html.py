"""HTML to main text and page metadata, with trafilatura.

trafilatura keeps donation, subscription and newsletter boxes that sit inside the article body;
the boxes named in data/boilerplate.toml ([html]) are pruned from the tree before extraction.
Everything else is trafilatura's defaults: they are what its evaluations were run with.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

import lxml.html
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


# A piece of HTML with none of these is a fragment (a feed item's description), not a page.
_PAGE_TAGS = re.compile(r"<\s*(?:html|body|head|article|main)\b", re.IGNORECASE)
_BLOCKS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def _fragment_text(html: str) -> str | None:
    """The text of an HTML fragment, paragraph by paragraph. trafilatura looks for the main part of a
    page and finds none in a fragment that is all main part; a whole page without one stays refused."""
    if _PAGE_TAGS.search(html):
        return None
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises assorted errors on broken markup
        return None
    for element in root.iter("script", "style", "noscript"):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    text = re.sub(r"\n\s*\n\s*", "\n\n", root.text_content()).strip()
    return text or None


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
        fragment = _fragment_text(html)
        if fragment:
            return HtmlExtract(fragment, None, None, None, None, None)
        raise MalformedInput("HTML with no main text")
    return HtmlExtract(
        text=document.text or "",
        title=document.title or None,
        author=document.author or None,
        published=_as_date(document.date),
        sitename=document.sitename or None,
        url=document.url or None,
    )
