"""Re-create the benchmark's texts (bench/realtext/texts/, never committed) from search answers.

The texts are page openings as the search tool's `pages` corpus returns them. Each gold file keeps
the url, the query and rank that returned it, and the text's sha256. To re-create:

1. Run every query (`python bench/realtext/recreate.py --queries` lists them) with the search tool
   (corpus "pages") and save each JSON answer as a file in bench/realtext/answers/ (ignored).
2. `python bench/realtext/recreate.py` writes texts/ID.txt for every gold article whose url is in
   an answer and whose excerpt has the recorded sha256, and names the ones still missing.

`--check` only verifies the texts already there. `--negatives` does the same for the negatives probe
(negatives.json -> probe_texts/, see README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def gold_records(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "gold").glob("*.json"))]


def excerpts(answers: Path) -> dict[str, list[str]]:
    """url -> every excerpt an answer gave for it."""
    found: dict[str, list[str]] = {}
    for path in sorted(answers.glob("*.json")):
        try:
            answer = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            print(f"skipped {path.name}: not JSON", file=sys.stderr)
            continue
        for result in answer.get("results", []) if isinstance(answer, dict) else []:
            if isinstance(result, dict) and result.get("url") and isinstance(result.get("excerpt"), str):
                found.setdefault(result["url"], []).append(result["excerpt"])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Re-create bench/realtext/texts from search answers.")
    parser.add_argument("--answers", type=Path, default=HERE / "answers")
    parser.add_argument("--queries", action="store_true", help="print the queries to run, one a line")
    parser.add_argument("--check", action="store_true", help="only verify the texts already there")
    parser.add_argument("--negatives", action="store_true", help="the negatives probe: negatives.json")
    args = parser.parse_args(argv)
    if args.negatives:
        records = json.loads((HERE / "negatives.json").read_text(encoding="utf-8"))
    else:
        records = gold_records(HERE)
    if args.queries:
        for query in sorted({r["query"] for r in records if r.get("query")}):
            print(query)
        return 0
    texts = HERE / ("probe_texts" if args.negatives else "texts")
    texts.mkdir(exist_ok=True)
    found = {} if args.check else excerpts(args.answers) if args.answers.is_dir() else {}
    missing = []
    for record in records:
        target = texts / f"{record['id']}.txt"
        if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == record["sha256"]:
            continue
        for excerpt in found.get(record["url"], []):
            if hashlib.sha256(excerpt.encode("utf-8")).hexdigest() == record["sha256"]:
                target.write_text(excerpt, encoding="utf-8")
                break
        else:
            missing.append(record["id"])
    print(f"{len(records) - len(missing)} of {len(records)} texts present and verified")
    for article_id in missing:
        print(f"missing: {article_id}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
