"""One HTTP GET for a feed or an article page, bounded in time and size, robots.txt honoured.

A page is fetched only when the site's robots.txt allows our user agent (RFC 9309: a robots.txt
that is missing (4xx) allows everything; one that cannot be read (5xx, timeout) allows nothing
for now). Bodies are streamed and cut off at `max_bytes`: a declared Content-Length over the cap
is refused before reading. Every failure is a FetchError with a one-line reason, and says whether
trying again later may help (timeouts, 5xx) or not (404, too large, robots).
"""

from __future__ import annotations

import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from sitrep.ingest.checks import one_line

# Who we are, in the User-Agent header and in robots.txt groups.
AGENT = "sitrep"
USER_AGENT = f"{AGENT}/0.1 (feed poller; honours robots.txt)"
# Connecting and each read; a page that trickles slower than this is dropped.
TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
# robots.txt over this is not a robots file (Google reads 500 KiB).
MAX_ROBOTS_BYTES = 500_000


class FetchError(Exception):
    def __init__(self, reason: str, *, retry: bool) -> None:
        super().__init__(one_line(reason))
        self.retry = retry


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified; empty body)
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    charset: str | None = None


@dataclass
class Fetcher:
    max_bytes: int
    timeout_s: float = TIMEOUT_S
    _client: httpx.Client | None = None
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout_s),
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": USER_AGENT},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str, *, etag: str | None = None, modified: str | None = None) -> Response:
        """GET `url` (conditionally, given a validator); FetchError when it cannot be had."""
        _check_scheme(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return self._get(url, headers, self.max_bytes)

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets us fetch `url` (fetched once per site and kept)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        return rules is not None and rules.can_fetch(AGENT, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        rules = urllib.robotparser.RobotFileParser(urljoin(origin, "/robots.txt"))
        try:
            found = self._get(urljoin(origin, "/robots.txt"), {}, MAX_ROBOTS_BYTES)
        except FetchError as error:
            if error.retry:
                return None  # unreachable: nothing is allowed until it can be read
            rules.parse([])  # missing (4xx): no rules, everything is allowed
            return rules
        rules.parse(found.body.decode("utf-8", errors="replace").splitlines())
        return rules

    def _get(self, url: str, headers: dict[str, str], limit: int) -> Response:
        try:
            with self.client.stream("GET", url, headers=headers) as reply:
                if reply.status_code == 304:
                    return Response(str(reply.url), 304, etag=reply.headers.get("etag"),
                                    last_modified=reply.headers.get("last-modified"))  # fmt: skip
                if reply.status_code >= 400:
                    raise FetchError(f"HTTP {reply.status_code} {reply.reason_phrase}",
                                     retry=reply.status_code >= 500 or reply.status_code == 429)  # fmt: skip
                declared = reply.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"too large: {int(declared):,} bytes (limit {limit:,})", retry=False)
                chunks: list[bytes] = []
                total = 0
                for chunk in reply.iter_bytes():
                    total += len(chunk)
                    if total > limit:
                        raise FetchError(f"too large: over {limit:,} bytes", retry=False)
                    chunks.append(chunk)
                content_type = reply.headers.get("content-type", "")
                return Response(
                    str(reply.url),
                    reply.status_code,
                    b"".join(chunks),
                    reply.headers.get("etag"),
                    reply.headers.get("last-modified"),
                    content_type.split(";")[0].strip().lower(),
                    reply.charset_encoding,
                )
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.timeout_s:g} s", retry=True) from None
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects", retry=False) from None
        except httpx.HTTPError as error:
            raise FetchError(f"{type(error).__name__}: {error}", retry=True) from None


def _check_scheme(url: str) -> None:
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"not an http(s) address: {url}", retry=False)
