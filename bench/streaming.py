"""Inputs are streamed: peak memory of reading N and 4N articles must not grow with N.

Each case runs in a fresh process that reads every input through sitrep.ingest.read_inputs (the
ingest stage of every path, single-process and cluster alike) and prints its peak resident memory:
a JSONL.gz dump, a WARC.gz file, and one flat directory of .txt files, each at N and 4N articles.
The cluster driver adds at most `in_flight` partitions (2 per worker + 1, 32 articles each).

    .venv/bin/python bench/streaming.py [--count 20000]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(str(HERE))

READ = (
    "import resource, sys; from sitrep.ingest import read_inputs; from sitrep.settings import Settings; "
    "n = sum(1 for _ in read_inputs(sys.argv[1:], Settings())); "
    "print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
)


def make_jsonl(path: Path, count: int, rng: random.Random) -> None:
    from articles import article_text

    with gzip.open(path, "wt", encoding="utf-8") as out:
        for n in range(count):
            out.write(json.dumps({"id": f"r{n}", "text": article_text(rng, n)}) + "\n")


def make_warc(path: Path, count: int, rng: random.Random) -> None:
    from articles import article_text
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(count):
            body = f"<html><body><p>{article_text(rng, n)}</p></body></html>".encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"http://example.org/{n}", "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def make_folder(path: Path, count: int, rng: random.Random) -> None:
    from articles import article_text

    path.mkdir()
    for n in range(count):
        (path / f"report-{n:07d}.txt").write_text(article_text(rng, n), encoding="utf-8")


def measure(target: Path) -> tuple[int, int]:
    done = subprocess.run(
        [sys.executable, "-c", READ, str(target)], capture_output=True, text=True, check=True
    )
    read, peak = done.stdout.split()
    return int(read), int(peak)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=20_000, help="N (the large case is 4N)")
    args = parser.parse_args()
    makers = {"jsonl.gz": make_jsonl, "warc.gz": make_warc, "directory": make_folder}
    print(f"{'input':10s} {'articles':>9s} {'size MB':>8s} {'peak MB':>8s}")
    with tempfile.TemporaryDirectory(prefix="sitrep-stream-") as folder:
        for kind, make in makers.items():
            peaks = []
            for count in (args.count, 4 * args.count):
                target = (
                    Path(folder) / f"{count}.{kind}" if kind != "directory" else Path(folder) / f"d{count}"
                )
                make(target, count, random.Random(count))
                files = [target] if target.is_file() else list(target.iterdir())
                size = sum(f.stat().st_size for f in files) / 1e6
                read, peak = measure(target)
                assert read == count, (kind, read, count)
                peaks.append(peak)
                print(f"{kind:10s} {count:9,d} {size:8.1f} {peak:8d}", flush=True)
            print(f"{kind:10s} growth from N to 4N: {peaks[1] - peaks[0]:+d} MB")


if __name__ == "__main__":
    main()
