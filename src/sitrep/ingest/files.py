"""Single-article files (`.txt`, `.html`, `.html.gz`), their sidecars, and walking directories.

A directory is walked lazily, one directory listing at a time, in sorted order, so a tree of a
million files costs memory for one listing and the order of articles never depends on the file
system. Every file is stat()ed before it is opened: its size decides TooLarge without reading it,
and its type keeps named pipes and devices from blocking the batch.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import MalformedInput, UnreadableInput
from sitrep.escaping import path_text
from sitrep.ingest.checks import decode_body, describe_os_error, one_line, stat_regular_file, too_large
from sitrep.ingest.metadata import Metadata, read_metadata
from sitrep.models import Article, ArticleKind, Rejected

# File name endings Sitrep reads, longest first, and the reader each one goes to.
FORMATS: tuple[tuple[str, str], ...] = (
    (".html.gz", "html"),
    (".htm.gz", "html"),
    (".jsonl.gz", "jsonl"),
    (".warc.gz", "warc"),
    (".txt", "text"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".xml", "feed"),
    (".rss", "feed"),
    (".atom", "feed"),
    (".warc", "warc"),
)
# Files that describe an article (metadata, expected output) and are never articles themselves.
SIDECAR_ENDINGS = (".meta.json", ".expected.json", ".gold.json")
META_SIDECAR = ".meta.json"
# Sidecars hold a few fields; anything bigger is not a sidecar.
MAX_SIDECAR_BYTES = 1_000_000
# How much of an unknown file is read to see whether it is an RSS/Atom feed.
FEED_SNIFF_BYTES = 2048
# The largest read issued once a file turns out longer than stat() said (or than its .gz size).
READ_CHUNK = 1 << 20
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")


def input_format(file_name: str) -> tuple[str, str] | None:
    """(format, matched ending) for a file name, or None when Sitrep does not read that type."""
    lowered = file_name.lower()
    for ending, fmt in FORMATS:
        if lowered.endswith(ending) and len(lowered) > len(ending):
            return fmt, ending
    return None


def is_sidecar(file_name: str) -> bool:
    return file_name.lower().endswith(SIDECAR_ENDINGS)


def walk(directory: Path) -> Iterator[Path | Rejected]:
    """Every file of a readable type under `directory`, depth first, sorted by name at each level.

    Hidden entries are skipped; so are files of other types, silently, because a folder of
    articles usually holds other things too. A symlinked directory seen before is not entered
    again, which ends symlink loops. A directory that cannot be listed is one rejection.
    """
    seen: set[tuple[int, int]] = set()
    pending: list[Iterator[tuple[Path, bool]]] = [iter([(directory, True)])]
    while pending:
        entry = next(pending[-1], None)
        if entry is None:
            pending.pop()
            continue
        path, is_directory = entry
        if is_directory:
            listing = _list_directory(path, seen)
            if isinstance(listing, Rejected):
                yield listing
            else:
                pending.append(iter(listing))
        elif input_format(path.name) is not None:
            yield path


def _list_directory(path: Path, seen: set[tuple[int, int]]) -> list[tuple[Path, bool]] | Rejected:
    """The visible entries of one directory, sorted, each with whether it is a directory (symlinks
    followed); nothing for a directory already walked."""
    try:
        info = os.stat(path)
        if (info.st_dev, info.st_ino) in seen:
            return []
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(path) as entries:
            visible = [
                (entry.name, _is_directory(entry)) for entry in entries if not entry.name.startswith(".")
            ]
    except OSError as error:
        return Rejected(path_text(path), describe_os_error(error))
    visible.sort()
    return [(path / name, is_directory) for name, is_directory in visible]


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # from the listing itself unless the entry is a symlink
    except OSError:
        return False


def read_limited(path: Path, size: int, limit: int, *, gzipped: bool) -> bytes:
    """Read at most `limit` bytes of a file whose stat() size is `size`, decompressing .gz files.

    The size is checked before opening; decompressed data is capped too, so a small .gz that
    expands to gigabytes stops at the limit.
    """
    if size > limit:
        raise too_large(size, limit)
    try:
        if gzipped:
            with gzip.open(path, "rb") as stream:
                data = read_capped(stream, limit, expected=4 * size)
            if len(data) > limit:
                raise too_large(len(data), limit, decompressed=True)
            return data
        with open(path, "rb") as stream:
            data = read_capped(stream, limit, expected=size)
        if len(data) > limit:  # it grew since stat()
            raise too_large(len(data), limit)
        return data
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise MalformedInput(one_line(f"not valid gzip data: {error}")) from None
    except OSError as error:
        raise UnreadableInput(describe_os_error(error)) from None


def read_capped(stream: BinaryIO | gzip.GzipFile, limit: int, expected: int) -> bytes:
    """Up to `limit` + 1 bytes, asking for about what stat() promised first.

    read(n) allocates n bytes up front, so reading every small file with read(limit + 1) would
    allocate (and free) 20 MB per file; chunks sized from the expected length avoid that.
    """
    chunks: list[bytes] = []
    total = 0
    request = min(max(expected, 4096) + 1, limit + 1)
    while total <= limit:
        chunk = stream.read(request)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        request = min(max(total, READ_CHUNK), limit + 1 - total)
    return b"".join(chunks) if len(chunks) != 1 else chunks[0]


def read_document(path: Path, fmt: str, ending: str, max_bytes: int) -> Article:
    """One `.txt` or `.html` file (maybe gzipped) and its optional `NAME.meta.json` sidecar."""
    info = stat_regular_file(path)
    data = read_limited(path, info.st_size, max_bytes, gzipped=ending.endswith(".gz"))
    kind: ArticleKind = "html" if fmt == "html" else "text"
    body = decode_body(data, sniff_html=kind == "html")
    name = path.name[: -len(ending)]
    return read_sidecar(path, name).article(path_text(path), path_text(name), body, kind)


def read_sidecar(path: Path, name: str) -> Metadata:
    """The metadata in `NAME.meta.json` (or `FILE.meta.json`) beside `path`; empty when there is none.

    A sidecar that exists but is broken rejects the article: silently dropping its publication
    date would shift every relative date in the text.
    """
    for candidate in (path.with_name(name + META_SIDECAR), path.with_name(path.name + META_SIDECAR)):
        where = f"sidecar {candidate.name}"
        try:
            info = os.stat(candidate)
        except FileNotFoundError:
            if os.path.islink(candidate):
                raise MalformedInput(f"{where} is a broken symbolic link") from None
            continue
        except OSError as error:
            raise MalformedInput(f"{where}: {describe_os_error(error)}") from None
        if not stat.S_ISREG(info.st_mode):
            raise MalformedInput(f"{where} is not a regular file")
        if info.st_size > MAX_SIDECAR_BYTES:
            raise MalformedInput(
                f"{where} is too large: {info.st_size:,} bytes (limit {MAX_SIDECAR_BYTES:,})"
            )
        try:
            with open(candidate, "rb") as stream:
                record = json.loads(read_capped(stream, MAX_SIDECAR_BYTES, info.st_size).decode("utf-8-sig"))
        except OSError as error:
            raise MalformedInput(f"{where}: {describe_os_error(error)}") from None
        except UnicodeDecodeError as error:
            raise MalformedInput(f"{where} is not valid UTF-8 at byte {error.start}") from None
        except json.JSONDecodeError as error:
            raise MalformedInput(
                f"{where} is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
            ) from None
        if not isinstance(record, dict):
            raise MalformedInput(f"{where} is not a JSON object")
        return read_metadata(record, where)
    return Metadata()


def looks_like_feed(path: Path) -> bool:
    """Whether a file of no known type starts like an RSS or Atom document."""
    try:
        stat_regular_file(path)
        with open(path, "rb") as stream:
            start = stream.read(FEED_SNIFF_BYTES)
    except (OSError, UnreadableInput):
        return False
    return _FEED_ROOT.search(start) is not None
