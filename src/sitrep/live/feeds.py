"""Polling RSS/Atom feeds: conditional GETs, new items only, each item's page fetched.

One poll of one feed:
1. GET the feed with the ETag / Last-Modified it last answered; 304 means nothing new.
2. Parse it with the same reader as feed files (sitrep.ingest.feeds.read_feed).
3. Drop the items seen before: in this process (and in the state file, when one is kept), or
   already in the store under the item's guid (so a rerun of `sitrep ingest --feed` skips them
   without a state file).
4. Fetch each new item's page (robots.txt allowing) and take it as the article; an item with no
   link is taken from the feed's own text. A page that cannot be fetched is one line; it is tried
   again at the next poll when the failure may pass (timeouts, 5xx), not otherwise.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sitrep.app import IngestSummary, Sitrep
from sitrep.errors import InputError
from sitrep.ingest.checks import binary_kind, decode_body
from sitrep.ingest.feeds import read_feed
from sitrep.live.fetch import Fetcher, FetchError, Response
from sitrep.models import Article, Rejected

# Page types taken as articles; anything else (a PDF, an image) is one failure line.
PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "": "html"}
# Item keys remembered per feed in the state file: feeds list their latest few dozen items.
MAX_REMEMBERED = 5000


@dataclass
class FeedState:
    etag: str | None = None
    modified: str | None = None
    seen: list[str] = field(default_factory=list)


@dataclass
class PollResult:
    url: str
    not_modified: bool = False
    new_items: int = 0
    failures: list[str] = field(default_factory=list)
    summary: IngestSummary = field(default_factory=IngestSummary)


class FeedPoller:
    """Polls feeds into one Sitrep store; keeps validators and seen items between polls."""

    def __init__(self, app: Sitrep, state_file: Path | None = None, fetcher: Fetcher | None = None) -> None:
        self.app = app
        self.fetcher = fetcher or Fetcher(max_bytes=app.settings.max_input_bytes)
        self.state_file = state_file
        self.states: dict[str, FeedState] = _load(state_file)

    def close(self) -> None:
        self.fetcher.close()

    def poll(self, url: str, on_item: Callable[[str, str], None] | None = None) -> PollResult:
        result = PollResult(url)
        state = self.states.setdefault(url, FeedState())
        try:
            reply = self.fetcher.get(url, etag=state.etag, modified=state.modified)
        except FetchError as error:
            result.failures.append(f"feed {url}: {error}")
            return result
        state.etag, state.modified = reply.etag or state.etag, reply.last_modified or state.modified
        if reply.status == 304:
            result.not_modified = True
            return result
        articles = list(self._new_articles(url, reply, state, result))
        result.new_items = len(articles)
        if articles:
            analyses = self.app.analyze_inputs(articles)
            self.app.store_analyses(analyses, on_item, summary=result.summary)
        self._save()
        return result

    def _new_articles(
        self, url: str, reply: Response, state: FeedState, result: PollResult
    ) -> Iterator[Article]:
        seen = set(state.seen)
        for item in _feed_items(reply.body, self.app.settings.max_input_bytes):
            if isinstance(item, Rejected):
                if not item.source.startswith(("http://", "https://")):
                    result.failures.append(f"feed {url}: {item.reason}")
                    continue
                # An item with a link but no text of its own (title and link only): its page is the text.
                item = Article(source=item.source, name=None, body="", kind="html", url=item.source)
            key = item.name or item.url or item.source
            if key in seen or (item.name is not None and self.app.store.has_article(item.name)):
                continue
            try:
                article = self._page(item)
            except FetchError as error:
                result.failures.append(f"page {item.url}: {error}")
                if error.retry:
                    continue
                article = None
            except InputError as error:
                result.failures.append(f"page {item.url}: {error}")
                article = None
            seen.add(key)
            state.seen.append(key)
            if article is not None:
                yield article
        del state.seen[:-MAX_REMEMBERED]

    def _page(self, item: Article) -> Article:
        """The item's own page as the article (with the item's date, outlet and guid)."""
        if not item.url or not item.url.startswith(("http://", "https://")):
            return item  # nothing to fetch: the feed's text is the article
        if not self.fetcher.allowed(item.url):
            raise FetchError("robots.txt disallows fetching it", retry=False)
        page = self.fetcher.get(item.url)
        kind = PAGE_TYPES.get(page.content_type)
        if kind is None:
            raise FetchError(f"not a web page ({page.content_type})", retry=False)
        label = binary_kind(page.body)
        if label:
            raise FetchError(f"binary content ({label}), not a web page", retry=False)
        body = decode_body(page.body, charset=page.charset, sniff_html=kind == "html")
        return replace(item, body=body, kind="html" if kind == "html" else "text", url=page.url)

    def _save(self) -> None:
        if self.state_file is None:
            return
        record = {
            url: {"etag": s.etag, "modified": s.modified, "seen": s.seen} for url, s in self.states.items()
        }
        partial = self.state_file.with_name(self.state_file.name + ".partial")
        partial.write_text(json.dumps(record), encoding="utf-8")
        partial.replace(self.state_file)  # a kill mid-write leaves the previous state whole


def _feed_items(data: bytes, max_bytes: int) -> Iterator[Article | Rejected]:
    """The feed's items, read by the feed-file reader (which reads files, never URLs)."""
    with tempfile.TemporaryDirectory(prefix="sitrep-feed-") as folder:
        path = Path(folder) / "feed.xml"
        path.write_bytes(data)
        try:
            yield from read_feed(path, max_bytes)
        except InputError as error:
            yield Rejected("feed", str(error))


def _load(state_file: Path | None) -> dict[str, FeedState]:
    if state_file is None or not state_file.exists():
        return {}
    try:
        record: Any = json.loads(state_file.read_text(encoding="utf-8"))
        return {
            str(url): FeedState(
                value.get("etag"), value.get("modified"), [str(k) for k in value.get("seen", [])]
            )
            for url, value in record.items()
        }
    except (ValueError, AttributeError, OSError):
        return {}  # a damaged state file costs one full poll, nothing else
