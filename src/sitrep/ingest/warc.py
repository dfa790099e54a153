"""WARC web archives: each successful HTML `response` record becomes an Article.

A crawl holds far more than articles: redirects, error pages, images, scripts. Those are skipped
silently, like unknown files in a directory; only an HTML page that cannot be used is a rejection.
The archive is streamed record by record, and the size limit applies to each page.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from sitrep.errors import BinaryInput, EmptyInput, InputError, MalformedInput, UnreadableInput
from sitrep.escaping import path_text, storable
from sitrep.ingest.checks import (
    binary_kind,
    decode_body,
    describe_os_error,
    one_line,
    stat_regular_file,
    too_large,
)
from sitrep.models import Article, Rejected

# Content types of web pages; anything else in a crawl is not an article.
HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_START = b"WARC/"
GZIP_START = b"\x1f\x8b"
SNIFF_BYTES = 16
# How much of what follows the last complete record is read to tell padding from a cut record.
TAIL_SNIFF_BYTES = 4096
TRUNCATED = "truncated WARC"
CUT_RECORD = f"{TRUNCATED} file: it ends inside a record (those before it were read)"
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)


def read_warc(path: Path, max_bytes: int) -> Iterator[Article | Rejected]:
    """Each HTML page a `.warc` or `.warc.gz` file captured with status 2xx, as an Article."""
    from warcio.archiveiterator import ArchiveIterator  # imported here: only WARC inputs pay for it

    size = stat_regular_file(path).st_size
    pages = 0
    end = 0  # where the last complete record ends, in the file's own (maybe compressed) bytes
    try:
        with open(path, "rb") as stream:
            _check_start(stream.read(SNIFF_BYTES))
            stream.seek(0)
            records = ArchiveIterator(stream)
            for record in records:
                page = _html_page(record)
                if page is not None:
                    pages += 1
                    uri, content_type = page
                    source = f"{path_text(path)}#{storable(uri)}" if uri else path_text(path)
                    try:
                        yield _article(record, source, uri, content_type, max_bytes)
                    except InputError as error:
                        yield Rejected(source, str(error))
                        if error.message.startswith(TRUNCATED):
                            return  # the file ends in this page, and the page says so
                records.read_to_end(record)
                if _cut_short(record):
                    raise MalformedInput(CUT_RECORD)
                end = records.get_record_offset() + records.get_record_length()
            if size > end:
                _check_tail(stream, end)
    except OSError as error:
        raise UnreadableInput(describe_os_error(error)) from None
    except InputError:
        raise
    except Exception as error:  # warcio raises many kinds on a damaged archive; the pages before stand
        after = f" after {pages} pages" if pages else ""
        reason = f"not a readable WARC file (damaged or truncated{after}): {error}"
        raise MalformedInput(one_line(reason)) from None
    if pages == 0:
        raise EmptyInput("no HTML pages in this WARC file")


def _check_tail(stream: BinaryIO, end: int) -> None:
    """Bytes after the last complete record are a record cut short (a copy or download that
    stopped): warcio ends quietly there, so the pages in it would vanish without a word."""
    stream.seek(end)
    tail = stream.read(TAIL_SNIFF_BYTES)
    if tail.strip(b"\r\n\t \x00"):
        raise MalformedInput(CUT_RECORD)


def _cut_short(record: Any) -> bool:
    """A record whose headers or block the file ends inside: no Content-Length, or bytes missing."""
    missing = getattr(record.raw_stream, "limit", 0)
    return record.rec_headers.get_header("Content-Length") is None or (
        isinstance(missing, int) and missing > 0
    )


def _check_start(start: bytes) -> None:
    """warcio reads almost any text as an old-style ARC record, so a WARC must say it is one."""
    if not start.strip():
        raise EmptyInput("empty file")
    label = binary_kind(start, gzip_expected=True)
    if label:
        raise BinaryInput(f"binary file ({label}), not a WARC file")
    if not start.startswith((WARC_START, GZIP_START)):
        raise MalformedInput("not a WARC file: it does not start with a WARC/1.x header")


def _html_page(record: Any) -> tuple[str | None, str] | None:
    """(target URI, content type) when the record is a 2xx HTML response, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if content_type.split(";", 1)[0].strip().lower() not in HTML_TYPES:
        return None
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return None
    return record.rec_headers.get_header("WARC-Target-URI"), content_type


def _article(record: Any, source: str, uri: str | None, content_type: str, max_bytes: int) -> Article:
    length = record.rec_headers.get_header("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise too_large(int(length), max_bytes)  # the iterator skips the unread rest
    try:
        data = record.content_stream().read(max_bytes + 1)
    except Exception as error:  # a damaged chunked or compressed body is this page's problem only
        raise MalformedInput(one_line(f"unreadable WARC record: {error}")) from None
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes, decompressed=True)
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:  # the file ended before the record's Content-Length
        raise MalformedInput(f"{TRUNCATED} record: the file ends {missing:,} bytes before the page does")
    match = _CHARSET.search(content_type)
    charset = _known_charset(match.group(1)) if match else None
    body = decode_body(data, charset=charset, sniff_html=True)
    return Article(source=source, name=None, body=body, kind="html", url=uri)


def _known_charset(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
