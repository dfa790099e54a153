"""The clean stage: Article -> CleanArticle.

Any language is cleaned, and its language recorded (`language`, detected on at least
Settings.min_chars_for_language letters); only the analysis after clean is English-only.

HTML goes through trafilatura (main text and page metadata); plain text and extracted text alike
then lose boilerplate by the rules of data/boilerplate.toml, and the notices they recognise
become metadata (byline, republished_from, source_url). The cleaned text keeps the article's
paragraph structure and an OffsetMap back to the text it was cut from.

Raises (all InputError, so the pipeline records a rejection and goes on):
    EmptyInput      nothing (or under Settings.min_text_chars) left after cleaning
    MalformedInput  HTML with no main text
"""

from __future__ import annotations

import hashlib

from sitrep.clean.boilerplate import find_boilerplate
from sitrep.clean.html import extract_html
from sitrep.clean.language import detect_language, has_letters
from sitrep.clean.offsets import assemble
from sitrep.clean.stamps import stamp_date
from sitrep.errors import EmptyInput, MalformedInput
from sitrep.models import Article, CleanArticle
from sitrep.settings import Settings

__all__ = ["clean_article", "detect_language"]


def _decide_language(text: str, declared: str | None, settings: Settings) -> str:
    """The text's language: detected, or (on too few letters to tell) declared, else the default.
    Any language is cleaned; the stages after clean analyse Settings.language only."""
    if has_letters(text, settings.min_chars_for_language):
        return detect_language(text)
    return (declared or settings.language).lower()[:2]


def clean_article(article: Article, settings: Settings) -> CleanArticle:
    """Main text without boilerplate, with metadata and the notices found in it."""
    if article.name is not None and not article.name.strip("."):
        # "." and ".." are directory steps in every URL: no page or API path could name the article.
        raise MalformedInput(f"id {article.name!r} is only dots, which no address can name")
    title, author, sitename, page_url = article.title, None, None, None
    published = article.published
    if article.kind == "html":
        page = extract_html(article.body, url=article.url)
        original = page.text
        title = article.title or page.title  # a feed's own title for the item, else the page's
        author, sitename, page_url = page.author, page.sitename, page.url
        published = published or page.published
    else:
        original = article.body.replace("\r\n", "\n").replace("\r", "\n")
    published = published or stamp_date(original)  # "date 2025-04-13 KHARTOUM: ..."
    if not original.strip():
        raise EmptyInput("empty article: nothing but whitespace")
    found = find_boilerplate(original, title=title)
    text, offsets = assemble(original, found.kept)
    if len(text.strip()) < settings.min_text_chars:
        raise EmptyInput(
            f"nothing usable left after cleaning ({len(text.strip())} characters of text, "
            f"{len(found.removed)} boilerplate cuts)"
        )
    language = _decide_language(text, article.language, settings)
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return CleanArticle(
        id=article.name if article.name is not None else content_hash[:16],
        content_hash=content_hash,
        source=article.source,
        text=text,
        original=original,
        title=title,
        byline=found.byline or author,
        published=published,
        outlet=article.outlet or sitename,
        url=article.url or page_url,
        source_url=found.source_url,
        republished_from=found.republished_from,
        language=language,
        dateline_place=found.dateline_place,
        dateline_agency=found.dateline_agency,
        removed=tuple(found.removed),
        offsets=offsets,
    )
