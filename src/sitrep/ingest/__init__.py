"""The ingest stage: paths in, `Article`s out, and a `Rejected` for every input that cannot be used.

    read_inputs(paths, settings)   files, directories (recursive), JSONL, RSS/Atom feeds, WARC files
    article_from_text(text, ...)   one article from a string (Python API, HTTP API)

Bad input never stops a batch: an empty, binary, oversized, undecodable or unreadable file, a
broken JSONL line or feed item each becomes one `Rejected(source, reason)` with a one-line reason,
and the inputs after it go on. Everything is streamed: one file, one JSONL line, one WARC record
in memory at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from sitrep.errors import InputError, MalformedInput
from sitrep.escaping import path_text
from sitrep.ingest.checks import check_text, one_line, stat_regular_file, too_large
from sitrep.ingest.files import input_format, is_sidecar, looks_like_feed, read_document, walk
from sitrep.models import Article, ArticleKind, Rejected
from sitrep.settings import Settings

__all__ = ["article_from_text", "read_inputs"]

TEXT_SOURCE = "<text>"


def read_inputs(paths: Iterable[str | Path], settings: Settings) -> Iterator[Article | Rejected]:
    """Every article in `paths`, in order; directories are walked recursively in sorted order.

    Inside a directory, hidden entries and files of unknown type are skipped silently; a file
    named explicitly is read whatever its type, and rejected if Sitrep cannot read that type.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for item in walk(path):
                if isinstance(item, Rejected):
                    yield item
                else:
                    yield from _read_file(item, settings, named=False)
        else:
            yield from _read_file(path, settings, named=True)


def _read_file(path: Path, settings: Settings, *, named: bool) -> Iterator[Article | Rejected]:
    found = input_format(path.name)
    try:
        if found is None:
            if is_sidecar(path.name):
                return  # described articles are read with their sidecars; a sidecar alone is nothing
            stat_regular_file(path)  # a missing or unreadable file says so, not "unsupported type"
            if not looks_like_feed(path):
                raise MalformedInput(f"unsupported file type {_suffix(path)}")
            found = ("feed", "")
        fmt, ending = found
        if fmt in ("text", "html"):
            yield read_document(path, fmt, ending, settings.max_input_bytes)
        elif fmt == "jsonl":
            from sitrep.ingest.jsonl import read_jsonl

            yield from read_jsonl(path, settings.max_input_bytes, settings.max_expansion)
        elif fmt == "feed":
            from sitrep.ingest.feeds import read_feed

            yield from read_feed(path, settings.max_input_bytes)
        else:
            from sitrep.ingest.warc import read_warc

            yield from read_warc(path, settings.max_input_bytes)
    except InputError as error:
        yield Rejected(path_text(path), str(error))


def _suffix(path: Path) -> str:
    return path.suffix.lower() if path.suffix else "(no extension)"


def article_from_text(
    text: str,
    *,
    name: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    kind: str = "text",
    language: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """An Article from text a caller already holds (the Python and HTTP APIs), checked like a file.

    Raises EmptyInput or BinaryInput for unusable text, MalformedInput for an unknown `kind`, and
    TooLarge when `settings` is given and the text's UTF-8 size is over its limit: the HTTP API
    passes its settings, a script need not.
    """
    if kind not in ("text", "html"):
        raise MalformedInput(one_line(f"kind must be 'text' or 'html', not {kind!r}"))
    article_kind: ArticleKind = "html" if kind == "html" else "text"
    if settings is not None and len(text) > settings.max_input_bytes // 4:
        size = len(text.encode("utf-8", errors="surrogatepass"))
        if size > settings.max_input_bytes:
            raise too_large(size, settings.max_input_bytes)
    return Article(
        source=TEXT_SOURCE,
        name=name,
        body=check_text(text, "empty text"),
        kind=article_kind,
        published=published,
        outlet=outlet,
        url=url,
        language=language,
        given_id=name is not None,
    )
