"""A generator of every hostile input a probe of Sitrep tried (issue 13), written into a folder at
test time: nothing large is committed, and each input says how Sitrep must answer it.

    batch = write_batch(folder)      # hostile inputs and good articles side by side
    batch.paths                      # what to pass to `sitrep ingest`, in order
    batch.rejections                 # one expected reason fragment per hostile input
    batch.good                       # how many distinct articles must be stored, once each

Kept cheap: the largest file written is the 20 MB JSONL line; bombs are a few hundred KB on disk.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import sys
import uuid
import zlib
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from articles import article_text  # noqa: E402

# Over spaCy's 1,000,000 characters, which once crashed the whole ingest (spaCy error E088).
LONG_TEXT_CHARS = 1_050_000
# What `Settings.max_input_bytes` allows per article; the oversized JSONL line is one byte more.
MAX_INPUT_BYTES = 20_000_000
HTML_TYPE = "text/html; charset=utf-8"


@dataclass
class Batch:
    paths: list[Path] = field(default_factory=list)
    rejections: list[str] = field(default_factory=list)  # a fragment of each expected reason
    good: int = 0

    def hostile(self, path: Path, reason: str) -> None:
        self.paths.append(path)
        self.rejections.append(reason)

    def add_good(self, path: Path, count: int = 1) -> None:
        self.paths.append(path)
        self.good += count


def report(seed: int) -> str:
    """A realistic conflict report, different for every seed."""
    return article_text(random.Random(seed), seed)


def _gzip_stream(path: Path, chunk: bytes, repeats: int) -> None:
    """Write `chunk` * `repeats`, gzipped, without holding it in memory."""
    with gzip.open(path, "wb", compresslevel=9) as stream:
        for _ in range(repeats):
            stream.write(chunk)


def _warc(pages: list[tuple[str, str]], *, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for uri, text in pages:
        page = f"<html><head><title>Report</title></head><body><article><p>{text}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", HTML_TYPE)], protocol="HTTP/1.1")
        # a fixed id and date: the file's bytes, and so what damaging them gives, are the same every
        # run (with warcio's random id, one damaged archive in 40 still read as a truncated one)
        fixed = {
            "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri)}>",
            "WARC-Date": "2024-05-08T10:00:00Z",
        }
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(page.encode()), http_headers=headers, warc_headers_dict=fixed
        )
        writer.write_record(record)
    return buffer.getvalue()


def _paragraphs(seed: int) -> str:
    return report(seed).replace("\n\n", "</p><p>")


def write_batch(folder: Path, good_articles: int = 4) -> Batch:
    """Every hostile input between good articles; returns what the ingest must report."""
    folder.mkdir(parents=True, exist_ok=True)
    batch = Batch()
    for n in range(good_articles // 2):
        path = folder / f"good-{n}.txt"
        path.write_text(report(100 + n), encoding="utf-8")
        batch.add_good(path)

    # 1. Over spaCy's limit: one rejection with the reason, the batch goes on (was: crash).
    long_text = folder / "long.txt"
    body = "\n\n".join(report(200 + n) for n in range(40))
    long_text.write_text((body * (LONG_TEXT_CHARS // len(body) + 1))[:LONG_TEXT_CHARS], encoding="utf-8")
    batch.hostile(long_text, "too long to analyse")
    long_line = folder / "long-line.jsonl"
    long_line.write_text(json.dumps({"id": "long-line", "text": long_text.read_text()}) + "\n")
    batch.hostile(long_line, "too long to analyse")

    # 8. 100 million blank lines in a 100 KB .jsonl.gz (was: a minute of CPU).
    blank = folder / "blank.jsonl.gz"
    _gzip_stream(blank, b"\n" * 1_000_000, 100)
    batch.hostile(blank, "blank lines in a row")
    # A line one byte over the per-article limit; and a gzip bomb of one page.
    oversized = folder / "oversized.jsonl"
    with open(oversized, "wb") as stream:
        stream.write(b'{"text": "' + b"a" * MAX_INPUT_BYTES + b'"}\n')
    batch.hostile(oversized, "too large")
    bomb = folder / "bomb.html.gz"
    _gzip_stream(bomb, b" " * 1_000_000, 200)
    batch.hostile(bomb, "once decompressed")

    # 9 and 10. A corrupt .warc.gz; a .warc whose second page is cut short; a .warc.gz cut inside
    # its second record's headers. The first page of each cut file is a good article.
    warc_gz = _warc([("http://example.org/a", _paragraphs(300))], gz=True)
    damaged = bytearray(warc_gz)
    for offset in range(12, 80):
        damaged[offset] ^= 0x5A
    corrupt = folder / "corrupt.warc.gz"
    corrupt.write_bytes(bytes(damaged))
    batch.hostile(corrupt, "not a readable WARC file")
    plain = _warc([("http://example.org/b", _paragraphs(301)), ("http://example.org/c", _paragraphs(302))],
                  gz=False)  # fmt: skip
    cut_body = folder / "cut-body.warc"
    cut_body.write_bytes(plain[:-300])
    batch.add_good(cut_body)
    batch.rejections.append("truncated WARC record")
    pages = [("http://example.org/d", _paragraphs(303)), ("http://example.org/e", _paragraphs(304))]
    first = _warc(pages[:1], gz=True)
    both = _warc(pages, gz=True)
    cut_head = folder / "cut-head.warc.gz"
    cut_head.write_bytes(both[: len(first) + (len(both) - len(first)) // 3])
    batch.add_good(cut_head)
    batch.rejections.append("truncated WARC file")

    # 12 and 13. Names: a missing path, a newline that would forge a "rejected" line, terminal
    # escape sequences, bytes that are not UTF-8 (this one holds a good article).
    batch.hostile(folder / "missing.txt", "no such file or directory")
    forged = folder / "evil\nrejected good-0.txt: forged.txt"
    forged.write_text("too short", encoding="utf-8")
    batch.hostile(forged, "nothing usable left")
    escape = folder / "\x1b[2J\x1b[31mred.txt"
    escape.write_text("", encoding="utf-8")
    batch.hostile(escape, "empty file")
    undecodable = Path(os.fsdecode(bytes(folder) + b"/name-\xff\xfe.txt"))
    undecodable.write_text(report(400), encoding="utf-8")
    batch.add_good(undecodable)

    # Bad content that held before and must keep holding.
    nul = folder / "nul.txt"
    nul.write_bytes(report(500).encode() + b"\x00tail")
    batch.hostile(nul, "contains NUL")
    png = folder / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + zlib.compress(b"pixels" * 100))
    batch.hostile(png, "PNG image")
    latin = folder / "latin1.txt"
    latin.write_bytes(report(501).encode() + "caf\xe9".encode("latin-1"))
    batch.hostile(latin, "not valid UTF-8")
    lines = folder / "bad-lines.jsonl"
    lines.write_text(
        "".join(
            line + "\n"
            for line in (
                '{"id": "surrogate", "text": "Shelling \\ud800 reported"}',
                json.dumps({"id": "nul-id\u0000", "text": report(502)}),
                json.dumps({"id": "..", "text": report(503)}),
                "{not json",
            )
        ),
        encoding="utf-8",
    )
    batch.paths.append(lines)
    batch.rejections += ["unpaired", "NUL characters", "only dots", "is not JSON"]
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    batch.hostile(fifo, "named pipe")
    tree = folder / "tree"
    tree.mkdir()
    (tree / "inside.txt").write_text(report(600), encoding="utf-8")
    (tree / "loop").symlink_to(tree, target_is_directory=True)
    batch.add_good(tree)

    for n in range(good_articles // 2, good_articles):
        path = folder / f"good-{n}.txt"
        path.write_text(report(100 + n), encoding="utf-8")
        batch.add_good(path)
    return batch


def write_all_hostile(folder: Path) -> list[Path]:
    """A batch with nothing usable in it: `sitrep ingest` must exit 1."""
    folder.mkdir(parents=True, exist_ok=True)
    empty = folder / "empty.txt"
    empty.write_text("")
    blank = folder / "blank.jsonl.gz"
    _gzip_stream(blank, b"\n" * 1_000_000, 20)
    return [empty, blank, folder / "missing.txt"]
