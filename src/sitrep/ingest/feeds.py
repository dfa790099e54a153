"""RSS and Atom feed files: each item becomes an Article.

Feeds are parsed from bytes already read from disk, never from a URL: feedparser fetches anything
that looks like an address, and ingest must not touch the network. HTML sanitising is left to the
clean stage (the dashboard escapes everything anyway), so item HTML arrives as the outlet wrote it.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from sitrep.errors import BinaryInput, EmptyInput, InputError, MalformedInput
from sitrep.escaping import path_text, storable
from sitrep.ingest.checks import binary_kind, check_text, one_line, stat_regular_file
from sitrep.ingest.files import read_limited
from sitrep.models import Article, ArticleKind, Rejected

# An opening or closing tag, a comment or a doctype: what makes a string HTML rather than text.
_HTML_TAG = re.compile(r"<[A-Za-z!/]")


def read_feed(path: Path, max_bytes: int) -> Iterator[Article | Rejected]:
    """Each item of an RSS/Atom file as an Article, or a Rejected for an item with no content."""
    import feedparser  # imported here: only feed inputs pay for it

    info = stat_regular_file(path)
    data = read_limited(path, info.st_size, max_bytes, gzipped=False)
    if not data.strip():
        raise EmptyInput("empty file")
    label = binary_kind(data)
    if label:
        raise BinaryInput(f"binary file ({label}), not text")
    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as error:  # feedparser's parsers raise many kinds; any of them means unreadable
        raise MalformedInput(one_line(f"not a readable RSS/Atom feed: {error}")) from None
    if not parsed.entries:
        if not parsed.version:
            problem = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
            raise MalformedInput(one_line(f"not an RSS/Atom feed{problem}"))
        raise EmptyInput("feed has no items")
    outlet = _text(parsed.feed.get("title"))
    language = _text(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, 1):
        link = _text(entry.get("link"))
        source = storable(link) if link else f"{path_text(path)}#item-{number}"
        try:
            body, kind = _item_body(entry)
            guid = _text(entry.get("id"))
            yield Article(
                source=source,
                name=guid,
                body=check_text(body),
                kind=kind,
                published=_item_date(entry),
                outlet=outlet,
                url=link,
                language=language,
                given_id=guid is not None,
                title=_text(entry.get("title")),
            )
        except InputError as error:
            yield Rejected(source, f"feed item {number}: {error}")


def _item_body(entry: Any) -> tuple[str, ArticleKind]:
    """The fullest text the item carries: its longest `content`, else its summary."""
    contents = [c for c in entry.get("content") or [] if _text(c.get("value"))]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        return _as_kind(best["value"], best.get("type"))
    summary = _text(entry.get("summary"))
    if summary:
        return _as_kind(summary, (entry.get("summary_detail") or {}).get("type"))
    raise EmptyInput("no content or summary")


def _as_kind(body: str, content_type: Any) -> tuple[str, ArticleKind]:
    """RSS calls every description HTML; one without a single tag is plain text in fact."""
    if content_type == "text/plain":
        return body, "text"
    if not _HTML_TAG.search(body):
        return html.unescape(body), "text"
    return body, "html"


def _item_date(entry: Any) -> date | None:
    """The item's date as the outlet wrote it (its own time zone), else feedparser's UTC date."""
    for field in ("published", "updated"):
        raw = _text(entry.get(field))
        if raw:
            stated = _stated_date(raw)
            if stated:
                return stated
        parsed = entry.get(f"{field}_parsed")
        if isinstance(parsed, time.struct_time):
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def _stated_date(raw: str) -> date | None:
    try:
        return datetime.fromisoformat(raw).date()  # Atom: RFC 3339
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        return None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None
