"""The ingest stage: every input kind becomes Articles, every bad input exactly one Rejected.

Small realistic inputs live in tests/corpus/ingest/; big or binary ones are made here in tmp_path.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import struct
import threading
import tracemalloc
import zlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.clean import clean_article
from sitrep.errors import BinaryInput, EmptyInput, MalformedInput, TooLarge
from sitrep.ingest import article_from_text, read_inputs
from sitrep.models import Article, Rejected
from sitrep.settings import Settings

CORPUS = Path(__file__).parent / "corpus" / "ingest"
SETTINGS = Settings()
GOOD_TEXT = "Shelling killed three civilians in the northern district on Monday, officials said.\n"


def read(*paths: str | Path, limit: int | None = None) -> list[Article | Rejected]:
    chosen = Settings(max_input_bytes=limit) if limit else SETTINGS
    return list(read_inputs(paths, chosen))


def only(items: list[Article | Rejected], kind: type) -> list:
    return [item for item in items if isinstance(item, kind)]


def png_bytes() -> bytes:
    """A real, valid 1x1 PNG image."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


# --- plain text and sidecars ---------------------------------------------------------------------


def test_text_file_takes_metadata_from_its_sidecar() -> None:
    [article] = read(CORPUS / "market-shelling.txt")
    assert isinstance(article, Article)
    assert article.name == "market-shelling" and article.given_id is False
    assert article.kind == "text"
    assert article.body.startswith("At least 12 civilians were killed")
    assert article.published == date(2023, 5, 14)
    assert (article.outlet, article.url, article.language) == (
        "Example Wire",
        "https://news.example.org/market-shelling",
        "en",
    )


def test_text_file_without_sidecar_has_no_metadata(tmp_path: Path) -> None:
    (tmp_path / "report.v2.txt").write_text(GOOD_TEXT)
    [article] = read(tmp_path / "report.v2.txt")
    assert isinstance(article, Article)
    assert article.name == "report.v2"
    assert (article.published, article.outlet, article.url, article.language) == (None, None, None, None)


def test_sidecar_date_time_keeps_the_outlets_calendar_date() -> None:
    [article] = read(CORPUS / "ceasefire-talks.html")
    assert isinstance(article, Article)
    assert article.published == date(2023, 6, 6)
    assert article.url is None


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ('{"published": "last Tuesday"}', "sidecar a.meta.json: published 'last Tuesday' is not an ISO date"),
        ('{"published": "2023-05-14",', "sidecar a.meta.json is not valid JSON"),
        ('["2023-05-14"]', "sidecar a.meta.json is not a JSON object"),
        ('{"outlet": 7}', "sidecar a.meta.json: outlet must be a string, not int"),
    ],
)
def test_broken_sidecar_rejects_its_article(tmp_path: Path, sidecar: str, reason: str) -> None:
    (tmp_path / "a.txt").write_text(GOOD_TEXT)
    (tmp_path / "a.meta.json").write_text(sidecar)
    (tmp_path / "b.txt").write_text(GOOD_TEXT)
    items = read(tmp_path)
    [rejected] = only(items, Rejected)
    assert rejected.source == str(tmp_path / "a.txt")
    assert rejected.reason.startswith(reason)
    assert [a.name for a in only(items, Article)] == ["b"]


def test_sidecars_are_never_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_TEXT)
    for sidecar in ("a.meta.json", "a.expected.json", "a.gold.json"):
        (tmp_path / sidecar).write_text("{}")
    assert [item.name for item in read(tmp_path)] == ["a"]  # type: ignore[union-attr]
    assert read(tmp_path / "a.meta.json", tmp_path / "a.gold.json") == []


# --- HTML ----------------------------------------------------------------------------------------


def test_html_files_of_every_ending_are_read_with_their_stem_as_name(tmp_path: Path) -> None:
    page = (CORPUS / "ceasefire-talks.html").read_bytes()
    (tmp_path / "one.html").write_bytes(page)
    (tmp_path / "two.HTM").write_bytes(page)
    (tmp_path / "three.html.gz").write_bytes(gzip.compress(page))
    (tmp_path / "three.meta.json").write_text('{"outlet": "Example Daily"}')
    articles = read(tmp_path)
    assert [(a.name, a.kind) for a in articles] == [("one", "html"), ("three", "html"), ("two", "html")]
    assert all(isinstance(a, Article) and a.body == page.decode() for a in articles)
    assert articles[1].outlet == "Example Daily"  # type: ignore[union-attr]


def test_html_declaring_windows_1252_is_decoded_with_it() -> None:
    [article] = read(CORPUS / "cafe-strike-cp1252.html")
    assert isinstance(article, Article)
    assert "struck the café “near the mosque” on Friday" in article.body


def test_html_declaring_latin1_but_written_in_utf8_is_read_as_utf8(tmp_path: Path) -> None:
    page = '<meta charset="iso-8859-1"><p>Strikes hit Kherson’s port — officials said.</p>'
    (tmp_path / "p.html").write_bytes(page.encode("utf-8"))
    [article] = read(tmp_path / "p.html")
    assert isinstance(article, Article) and article.body == page


def test_truncated_html_still_comes_through_for_the_clean_stage_to_judge() -> None:
    [article] = read(CORPUS / "convoy-cut-off.html")
    assert isinstance(article, Article)
    assert article.body.rstrip().endswith("Drivers were held for several hours before being")


# --- JSON Lines ----------------------------------------------------------------------------------


def test_jsonl_bad_line_is_rejected_and_the_lines_after_it_go_on() -> None:
    path = CORPUS / "wire.jsonl"
    items = read(path)
    assert [item.source for item in items] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    first, second, bad, fourth = items
    assert isinstance(first, Article) and first.name == "wire-001" and first.given_id
    assert first.published == date(2023, 7, 1) and first.url == "https://wire.example.org/001"
    assert isinstance(second, Article) and second.kind == "html" and second.published == date(2023, 7, 2)
    assert isinstance(bad, Rejected) and bad.reason.startswith("line 3 is not JSON: ")
    assert isinstance(fourth, Article) and fourth.name is None and fourth.given_id is False
    assert fourth.language == "en"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("not json at all", "line 2 is not JSON: Expecting value at column 1"),
        ('["a list"]', "line 2 is not a JSON object"),
        ('{"id": "x", "outlet": "Wire"}', "line 2 has neither text nor html"),
        ('{"text": "   "}', "line 2: empty text"),
        ('{"text": 42}', "line 2: text must be a string, not int"),
        ('{"text": "Troops withdrew.", "published": "28/02/2020"}', "line 2: published '28/02/2020' is not"),
        ('{"text": "Troops withdrew.", "id": [1]}', "line 2: id must be a string or a number, not list"),
        ('{"text": "Troops\\u0000withdrew."}', "line 2: binary content (contains NUL characters)"),
        ('{"text": "Troops \\ud800 withdrew."}', "line 2: text holds an unpaired \\u surrogate escape"),
    ],
)
def test_jsonl_line_problems_have_line_numbered_reasons(tmp_path: Path, line: str, reason: str) -> None:
    good = json.dumps({"id": 7, "text": GOOD_TEXT})
    path = tmp_path / "batch.jsonl"
    path.write_text(f"{good}\n{line}\n\n{good}\n")
    items = read(path)
    assert [type(item) for item in items] == [Article, Rejected, Article]
    assert items[1].source == f"{path}:2" and items[2].source == f"{path}:4"
    assert items[1].reason.startswith(reason)  # type: ignore[union-attr]
    assert items[0].name == "7"  # type: ignore[union-attr]


def test_jsonl_gz_is_streamed_and_an_oversized_line_is_skipped(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": GOOD_TEXT}), json.dumps({"id": "b", "text": "x " * 600})]
    lines.append(json.dumps({"id": "c", "text": GOOD_TEXT}))
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    items = read(path, limit=1000)
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Article", f"{path}:1"),
        ("Rejected", f"{path}:2"),
        ("Article", f"{path}:3"),
    ]
    assert items[1].reason == "line 2 is too large: over 1,000 bytes"  # type: ignore[union-attr]


# --- feeds ---------------------------------------------------------------------------------------


def test_rss_items_become_articles_and_an_empty_item_is_rejected() -> None:
    first, empty, third = read(CORPUS / "region.rss")
    assert isinstance(first, Article)
    assert first.name == "regional-2023-0815" and first.given_id
    assert first.source == first.url == "https://regional.example.org/militia-attack"
    assert first.kind == "html" and "killing at least seven people" in first.body
    assert first.published == date(2023, 8, 15)  # the outlet's own date, not UTC's 16 August
    assert first.outlet == "Example Regional News" and first.language == "en"
    assert first.title == "Militia attack on village"  # stored as the article's title once cleaned
    assert clean_article(first, Settings()).title == "Militia attack on village"
    assert empty == Rejected("https://regional.example.org/empty", "feed item 2: no content or summary")
    assert isinstance(third, Article) and third.name is None and third.kind == "text"


def test_atom_entry_becomes_an_article() -> None:
    [entry] = read(CORPUS / "agency.atom")
    assert isinstance(entry, Article)
    assert entry.name == "urn:example:agency:entry-77"
    assert entry.url == "https://agency.example.org/entry-77"
    assert entry.published == date(2023, 9, 1)
    assert entry.outlet == "Example Agency" and "40,000 people" in entry.body


def test_a_named_file_that_starts_like_a_feed_is_read_as_one(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "agency.atom", tmp_path / "latest")
    [entry] = read(tmp_path / "latest")
    assert isinstance(entry, Article) and entry.outlet == "Example Agency"


def test_xml_that_is_not_a_feed_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    [rejected] = read(tmp_path / "sitemap.xml")
    assert isinstance(rejected, Rejected) and rejected.reason.startswith("not an RSS/Atom feed")


# --- WARC ----------------------------------------------------------------------------------------


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))

        def response(uri: str, status: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)

        page = b"<html><body><p>Troops shelled the town, killing two people.</p></body></html>"
        response("https://a.example.org/story", "200 OK", "text/html; charset=utf-8", page)
        response("https://a.example.org/missing", "404 Not Found", "text/html", b"<p>Not found</p>")
        response("https://a.example.org/logo.png", "200 OK", "image/png", png_bytes())
        response("https://a.example.org/empty", "200 OK", "text/html", b"  ")
        latin = "<p>Le café a été touché par un drone.</p>".encode("windows-1252")
        response("https://b.example.org/fr", "200 OK", "text/html; charset=windows-1252", latin)
        get = io.BytesIO(b"GET /story HTTP/1.1\r\nHost: a.example.org\r\n\r\n")
        request = writer.create_warc_record("https://a.example.org/story", "request", payload=get)
        writer.write_record(request)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_articles(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path)
    story, empty, french = read(path)
    assert isinstance(story, Article)
    assert (story.url, story.name, story.kind) == ("https://a.example.org/story", None, "html")
    assert story.source == f"{path}#https://a.example.org/story" and "killing two people" in story.body
    assert empty == Rejected(f"{path}#https://a.example.org/empty", "empty file")
    assert isinstance(french, Article) and "Le café a été touché" in french.body


def test_damaged_warc_keeps_the_pages_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path)
    with open(path, "ab") as stream:
        stream.write(b"this is not a record\r\n\r\n")
    items = read(path)
    assert [type(item) for item in items] == [Article, Rejected, Article, Rejected]
    assert items[-1].source == str(path)
    assert items[-1].reason.startswith("not a readable WARC file (damaged or truncated after 3 pages): ")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"some notes about a crawl\n", "not a WARC file: it does not start with a WARC/1.x header"),
        (png_bytes(), "binary file (PNG image), not a WARC file"),
        (b"", "empty file"),
    ],
)
def test_a_file_named_warc_that_is_not_one_is_rejected(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "crawl.warc").write_bytes(data)
    assert read(tmp_path / "crawl.warc") == [Rejected(str(tmp_path / "crawl.warc"), reason)]


# --- directories ---------------------------------------------------------------------------------


def test_directories_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for relative in ("b.txt", "a/z.txt", "a/c/y.txt", ".hidden.txt", ".git/x.txt", "notes.md", "a/img.png"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(GOOD_TEXT)
    (tmp_path / "loop").symlink_to(tmp_path)
    items = read(tmp_path)
    assert [item.source for item in items] == [str(tmp_path / p) for p in ("a/c/y.txt", "a/z.txt", "b.txt")]
    assert read(tmp_path) == items


def test_a_named_file_of_unknown_type_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "README").write_text("notes")
    assert read(tmp_path / "report.pdf", tmp_path / "README", tmp_path / "gone.txt") == [
        Rejected(str(tmp_path / "report.pdf"), "unsupported file type .pdf"),
        Rejected(str(tmp_path / "README"), "unsupported file type (no extension)"),
        Rejected(str(tmp_path / "gone.txt"), "unreadable: no such file or directory"),
    ]


def test_unreadable_entries_are_rejected_without_blocking(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_TEXT)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.txt").write_text(GOOD_TEXT)
    expected = {
        "dangling.txt": "unreadable: broken symbolic link (its target does not exist)",
        "pipe.txt": "unreadable: not a regular file (a named pipe)",
    }
    if os.geteuid() != 0:
        (tmp_path / "locked.txt").write_text(GOOD_TEXT)
        (tmp_path / "locked.txt").chmod(0)
        expected["locked.txt"] = "unreadable: permission denied"
    results: list[list[Article | Rejected]] = []
    worker = threading.Thread(target=lambda: results.append(read(tmp_path)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "read_inputs blocked (on the named pipe?)"
    [items] = results
    assert {Path(r.source).name: r.reason for r in only(items, Rejected)} == expected
    assert [Path(a.source).name for a in only(items, Article)] == ["inner.txt", "good.txt"]


# --- bad bodies: each is exactly one Rejected, and the good file beside it still comes through ----


BAD_BODIES = [
    pytest.param("empty.txt", b"", "empty file", id="empty"),
    pytest.param("blank.txt", b" \n\t\r\n  ", "empty file", id="whitespace"),
    pytest.param("bom-only.txt", b"\xef\xbb\xbf\n", "empty file", id="bom-only"),
    pytest.param("image.txt", png_bytes(), "binary file (PNG image), not text", id="png"),
    pytest.param(
        "photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image), not text", id="jpeg"
    ),
    pytest.param(
        "doc.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF document), not text", id="pdf"
    ),
    pytest.param("zipped.txt", b"PK\x03\x04\x14\x00", "binary file (ZIP archive), not text", id="zip"),
    pytest.param("packed.txt", gzip.compress(b"text"), "binary file (gzip data), not text", id="gzip"),
    pytest.param("nul.txt", b"Troops\x00advanced", "binary file (contains NUL bytes), not text", id="nul"),
    pytest.param("latin.txt", b"Shelling near the caf\xe9 " * 3, "not valid UTF-8 at byte 21", id="latin1"),
    pytest.param("bad.html.gz", b"<p>not gzip</p>", "not valid gzip data: ", id="not-gzip"),
    pytest.param("lines.jsonl", b"\n\n", "empty file", id="empty-jsonl"),
    pytest.param("feed.rss", b"<rss><channel></channel></rss>", "feed has no items", id="rss"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_BODIES)
def test_bad_input_is_one_rejection_and_the_batch_goes_on(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    (tmp_path / "a-good.txt").write_text(GOOD_TEXT)
    (tmp_path / name).write_bytes(data)
    (tmp_path / "z-good.txt").write_text(GOOD_TEXT)
    items = read(tmp_path)
    [rejected] = only(items, Rejected)
    assert rejected.source == str(tmp_path / name)
    assert rejected.reason.startswith(reason) and "\n" not in rejected.reason
    assert [Path(a.source).name for a in only(items, Article)] == ["a-good.txt", "z-good.txt"]


def test_utf8_bom_and_utf16_text_are_fine(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD_TEXT.encode())
    (tmp_path / "wide.txt").write_bytes(GOOD_TEXT.encode("utf-16"))
    assert [a.body for a in read(tmp_path)] == [GOOD_TEXT, GOOD_TEXT]  # type: ignore[union-attr]


def test_a_huge_file_is_rejected_by_its_size_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: no disk blocks, no time
    tracemalloc.start()
    try:
        [rejected] = read(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        huge.unlink()
    assert rejected == Rejected(str(huge), "too large: 52,428,800 bytes (limit 20,000,000)")
    assert peak < 1_000_000, f"read_inputs allocated {peak:,} bytes for a file it should only stat"


def test_a_small_gzip_that_expands_past_the_limit_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000))
    [rejected] = read(tmp_path / "bomb.html.gz", limit=100_000)
    assert rejected == Rejected(
        str(tmp_path / "bomb.html.gz"), "too large: over 100,000 bytes once decompressed (limit 100,000)"
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".rss", ".warc"]))
def test_arbitrary_bytes_never_escape_as_an_exception(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for item in read_inputs([path], SETTINGS):
        assert isinstance(item, Article | Rejected)
        if isinstance(item, Rejected):
            assert item.reason and "\n" not in item.reason
        else:
            assert item.body.strip()


# --- article_from_text ---------------------------------------------------------------------------


def test_article_from_text_builds_an_article_for_the_apis() -> None:
    article = article_from_text(GOOD_TEXT, name="api-1", published=date(2024, 1, 2), outlet="Wire", url="u")
    assert article == Article(
        source="<text>",
        name="api-1",
        body=GOOD_TEXT,
        kind="text",
        published=date(2024, 1, 2),
        outlet="Wire",
        url="u",
        given_id=True,
    )
    assert article_from_text("<p>x</p>", kind="html").given_id is False


def test_article_from_text_refuses_unusable_text() -> None:
    with pytest.raises(EmptyInput, match="empty text"):
        article_from_text(" \n ")
    with pytest.raises(BinaryInput):
        article_from_text("a\x00b")
    with pytest.raises(MalformedInput, match="kind must be 'text' or 'html'"):
        article_from_text("text", kind="pdf")
    with pytest.raises(TooLarge, match=r"too large: 1,200 bytes \(limit 1,000\)"):
        article_from_text("é" * 600, settings=Settings(max_input_bytes=1000))
