"""JSON Lines input: one article a line, `id`, `text` or `html`, `published`, `outlet`, `url`, `language`.

A JSONL file is a batch in itself, so it is streamed line by line and each line stands alone: a
broken line is rejected as "path:LINE" and the lines after it go on. The size limit applies to
each line (one article), not to the file: a corpus of a hundred thousand articles is one file.
"""

from __future__ import annotations

import codecs
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from sitrep.errors import EmptyInput, InputError, MalformedInput, TooLarge, UnreadableInput
from sitrep.escaping import path_text
from sitrep.ingest.checks import check_text, describe_os_error, one_line, stat_regular_file
from sitrep.ingest.metadata import read_metadata
from sitrep.models import Article, ArticleKind, Rejected

# The body fields, in order of preference: `text` is what the producer already extracted.
BODY_FIELDS: tuple[tuple[str, ArticleKind], ...] = (("text", "text"), ("html", "html"))
_SKIP_CHUNK = 1 << 20
# Blank lines are allowed between records; this many in a row is filler, not a corpus.
MAX_BLANK_RUN = 10_000


class _LineReader(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def read_jsonl(path: Path, max_line_bytes: int, max_expansion: int = 100) -> Iterator[Article | Rejected]:
    """Each line of a `.jsonl` or `.jsonl.gz` file as an Article, or a Rejected for that line.

    A file that is mostly nothing stops with one rejection: a run of MAX_BLANK_RUN blank lines,
    or a .gz expanding past `max_expansion` times its size (once past `max_line_bytes`).
    """
    stat_regular_file(path)
    gzipped = path.name.lower().endswith(".gz")
    records = blank_run = expanded = 0
    try:
        with open(path, "rb") as raw, gzip.GzipFile(fileobj=raw) if gzipped else raw as stream:
            for number, line in _numbered_lines(stream, max_line_bytes):
                source = f"{path_text(path)}:{number}"
                if line is None:
                    records += 1
                    yield Rejected(source, f"line {number} is too large: over {max_line_bytes:,} bytes")
                    continue
                expanded += len(line)
                if gzipped and expanded > max_line_bytes and expanded > max_expansion * max(raw.tell(), 1):
                    raise TooLarge(
                        f"decompresses to over {max_expansion} times its size by line {number:,} "
                        "(a compression bomb?); the lines before it were read"
                    )
                if not line.strip():
                    blank_run += 1
                    if blank_run >= MAX_BLANK_RUN:
                        raise MalformedInput(
                            f"{MAX_BLANK_RUN:,} blank lines in a row by line {number:,}: not JSON Lines; "
                            "the lines before them were read"
                        )
                    continue
                blank_run = 0
                records += 1
                try:
                    yield article_from_line(line, number, source)
                except InputError as error:
                    yield Rejected(source, str(error))
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise MalformedInput(one_line(f"not valid gzip data: {error}")) from None
    except OSError as error:
        raise UnreadableInput(describe_os_error(error)) from None
    if records == 0:
        raise EmptyInput("empty file")


def _numbered_lines(stream: _LineReader, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None in place of a line longer than `limit`, unread."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line without keeping it
                rest = stream.readline(_SKIP_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, line


def article_from_line(line: bytes, number: int, source: str) -> Article:
    """One JSONL line to an Article; every reason starts with "line N" so users can find it."""
    try:
        record: Any = json.loads(line)
    except UnicodeDecodeError as error:
        raise MalformedInput(f"line {number} is not valid UTF-8 at byte {error.start}") from None
    except json.JSONDecodeError as error:
        reason = error.msg.removesuffix(" at")  # "Invalid control character at" reads twice "at"
        raise MalformedInput(f"line {number} is not JSON: {reason} at column {error.colno}") from None
    except RecursionError:
        raise MalformedInput(f"line {number} is not JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise MalformedInput(f"line {number} is not a JSON object")
    body, kind = _body(record, number)
    name = _given_id(record.get("id"), number)
    meta = read_metadata(record, f"line {number}")
    return meta.article(source, name, body, kind, given_id=name is not None)


def _body(record: dict[str, Any], number: int) -> tuple[str, ArticleKind]:
    found_empty = False
    for field, kind in BODY_FIELDS:
        value = record.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            raise MalformedInput(f"line {number}: {field} must be a string, not {type(value).__name__}")
        if value.strip():
            try:
                value.encode("utf-8")  # JSON can escape lone surrogates no database will store
                return check_text(value), kind
            except UnicodeEncodeError:
                raise MalformedInput(
                    f"line {number}: {field} holds an unpaired \\u surrogate escape"
                ) from None
            except InputError as error:
                raise type(error)(f"line {number}: {error}") from None
        found_empty = True
    if found_empty:
        raise EmptyInput(f"line {number}: empty text")
    raise MalformedInput(f"line {number} has neither text nor html")


def _given_id(value: Any, number: int) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise MalformedInput(f"line {number}: id must be a string or a number, not {type(value).__name__}")
    return str(value).strip() or None
