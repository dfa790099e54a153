"""Live inputs against a real HTTP server on 127.0.0.1 (started here) and a real folder.

Feeds: conditional GETs (ETag), new items only, robots.txt honoured, timeouts and size caps, one
line per failure, through the Python API and the CLI. Watch: files taken once they settle, once.
"""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sitrep.app import Sitrep
from sitrep.live.feeds import FeedPoller
from sitrep.live.fetch import Fetcher
from sitrep.live.timing import parse_interval
from sitrep.live.watch import FolderWatcher
from sitrep.settings import Settings

sys.path.append(str(Path(__file__).resolve().parent.parent / "bench"))
from articles import article_text  # noqa: E402

MAX_BYTES = 100_000


class Site:
    """What the server answers: a feed (with an ETag), pages, robots.txt; and every request it saw."""

    def __init__(self) -> None:
        rng = random.Random(3)
        self.pages = {f"/news/{name}.html": _page(article_text(rng, n)) for n, name in enumerate("abd")}
        self.pages["/private/c.html"] = _page(article_text(rng, 9))
        self.pages["/news/huge.html"] = _page("Filler words. " * (MAX_BYTES // 10))
        self.items = ["a", "c", "missing", "slow", "huge", "nolink"]
        self.requests: Counter[str] = Counter()
        self.version = 1

    def feed(self) -> bytes:
        entries = []
        for name in self.items:
            folder = "private" if name == "c" else "news"
            link = "" if name == "nolink" else f"<link>{self.base}/{folder}/{name}.html</link>"
            text = article_text(random.Random(name), 50) if name == "nolink" else "A short summary."
            entries.append(
                f"<item><title>{name}</title>{link}<guid>item-{name}</guid>"
                f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>{text}</description></item>"
            )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
            f"{''.join(entries)}</channel></rss>"
        ).encode()

    base = ""


def _page(text: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    head = "<html><head><title>Report</title></head>"
    return f"{head}<body><article>{paragraphs}</article></body></html>".encode()


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, status: int, body: bytes = b"", **headers: str) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            state.requests[self.path] += 1
            if self.path == "/robots.txt":
                self._send(200, b"User-agent: *\nDisallow: /private/\n", Content_Type="text/plain")
            elif self.path == "/feed.xml":
                etag = f'"v{state.version}"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, ETag=etag)
                else:
                    self._send(200, state.feed(), Content_Type="application/rss+xml", ETag=etag)
            elif self.path == "/news/slow.html":
                time.sleep(2)
                self._send(200, _page("late"), Content_Type="text/html")
            elif self.path in state.pages:
                self._send(200, state.pages[self.path], Content_Type="text/html; charset=utf-8")
            else:
                self._send(404, b"not here", Content_Type="text/plain")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def _app(tmp_path: Path) -> Sitrep:
    return Sitrep(Settings(db_url=f"sqlite:///{tmp_path / 'live.db'}", max_input_bytes=MAX_BYTES))


def _poller(app: Sitrep, state: Path | None = None) -> FeedPoller:
    return FeedPoller(app, state, Fetcher(max_bytes=MAX_BYTES, timeout_s=0.5))


def test_feed_poll_takes_new_items_once_and_says_why_others_failed(site: Site, tmp_path: Path) -> None:
    app = _app(tmp_path)
    feed = f"{site.base}/feed.xml"
    poller = _poller(app)
    first = poller.poll(feed)
    assert first.summary.counts["ingested"] == 2  # page a, and the item with no link from its own text
    assert first.summary.events > 0
    assert sorted(a["id"] for a in app.articles()) == ["item-a", "item-nolink"]
    failures = "\n".join(first.failures)
    assert len(first.failures) == 4 and all("\n" not in line for line in first.failures)
    assert "/private/c.html: robots.txt disallows" in failures
    assert "/news/missing.html: HTTP 404" in failures
    assert "/news/slow.html: timed out" in failures
    assert "/news/huge.html: too large" in failures
    assert site.requests["/private/c.html"] == 0  # robots.txt honoured: never requested
    assert site.requests["/robots.txt"] == 1  # once per site

    second = poller.poll(feed)  # the feed has not changed: the server answers 304
    assert second.not_modified and second.new_items == 0
    assert site.requests["/feed.xml"] == 2

    site.items.append("d")
    site.version = 2
    third = poller.poll(feed)
    assert third.summary.counts["ingested"] == 1  # only the new item; the timed-out page is tried again
    assert [line for line in third.failures if "slow" in line]
    assert site.requests["/news/a.html"] == 1 and site.requests["/news/missing.html"] == 1
    assert site.requests["/news/slow.html"] == 2

    # A new process with no state: items already stored (by guid) are not fetched again.
    fresh = _poller(app).poll(feed)
    assert fresh.summary.counts["ingested"] == 0
    assert site.requests["/news/a.html"] == 1 and site.requests["/news/d.html"] == 1


def test_feed_state_file_keeps_validators_between_runs(site: Site, tmp_path: Path) -> None:
    app, state = _app(tmp_path), tmp_path / "feeds.json"
    feed = f"{site.base}/feed.xml"
    _poller(app, state).poll(feed)
    again = _poller(app, state).poll(feed)
    assert again.not_modified


def test_feed_cli_prints_one_line_per_failure_and_a_summary(site: Site, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    done = subprocess.run(
        [sys.executable, "-m", "sitrep", "ingest", "--db", db, "--feed", f"{site.base}/feed.xml"],
        capture_output=True, text=True, timeout=300,
        env={**__import__("os").environ, "SITREP_MAX_INPUT_BYTES": str(MAX_BYTES)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "6 new items" not in done.stdout and "ingested 2" in done.stdout
    failed = [line for line in done.stderr.splitlines() if line.startswith("failed ")]
    assert len(failed) == 3, failed  # robots, 404, too large (the slow page answers within 20 s)
    assert site.requests["/private/c.html"] == 0


def test_intervals() -> None:
    assert parse_interval("15m") == 900 and parse_interval("30s") == 30 and parse_interval("2") == 2
    for bad in ("0s", "soon", "-5m"):
        with pytest.raises(Exception, match="--every"):
            parse_interval(bad)


def test_watch_takes_each_file_once_it_has_settled(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    rng = random.Random(5)
    (folder / "one.txt").write_text(article_text(rng, 1), encoding="utf-8")
    watcher = FolderWatcher(_app(tmp_path), folder)
    assert watcher.poll().counts.total() == 0  # seen once: it may still be growing
    assert watcher.poll().counts["ingested"] == 1
    assert watcher.poll().counts.total() == 0  # never again while unchanged

    growing = folder / "two.txt"
    growing.write_text(article_text(rng, 2)[:100], encoding="utf-8")
    assert watcher.poll().counts.total() == 0
    with growing.open("a", encoding="utf-8") as more:
        more.write(" More words were still being copied.")
    (folder / ".three.txt.partial").write_text(article_text(rng, 3), encoding="utf-8")
    assert watcher.poll().counts.total() == 0  # two.txt changed since the last look: not yet
    summary = watcher.poll()
    assert summary.counts["ingested"] == 1 and not summary.rejected  # two.txt, whole; hidden file skipped
    assert sorted(row["id"] for row in watcher.app.articles()) == ["one", "two"]


def test_watch_skip_existing_takes_only_new_files(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    rng = random.Random(6)
    (folder / "old.txt").write_text(article_text(rng, 1), encoding="utf-8")
    watcher = FolderWatcher(_app(tmp_path), folder, skip_existing=True)
    (folder / "new.txt").write_text(article_text(rng, 2), encoding="utf-8")
    watcher.poll()
    assert watcher.poll().counts["ingested"] == 1
    assert [row["id"] for row in watcher.app.articles()] == ["new"]
