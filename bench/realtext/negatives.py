"""The negatives probe: real pages that tell no conflict event (reviews of war films, games and books,
crime, disasters, business and sport in war words), and the events Sitrep wrongly reads in them.

    .venv/bin/python bench/realtext/negatives.py        # false events per page, by kind

The pages are listed in negatives.json (url, query, rank, sha256); their texts, page openings exactly
as the search tool's `pages` corpus returns them, live in probe_texts/ (ignored by git): run each
query, save the excerpt of the listed url as probe_texts/ID.txt. A text whose sha256 differs is
skipped and named. The probe was used while writing the registers of data/registers.toml, so its
numbers are a development measure; the benchmark's locked test keeps the honest one.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    import sitrep

    pages = json.loads((HERE / "negatives.json").read_text(encoding="utf-8"))
    events: dict[str, list[int]] = defaultdict(list)
    missing = []
    for page in pages:
        path = HERE / "probe_texts" / f"{page['id']}.txt"
        text = path.read_text(encoding="utf-8") if path.exists() else None
        if text is None or hashlib.sha256(text.encode("utf-8")).hexdigest() != page["sha256"]:
            missing.append(page["id"])
            continue
        events[page["kind"]].append(len(sitrep.analyze(text, published=None)))
    if missing:
        print(f"skipped {len(missing)} page(s) whose text is missing or differs: {', '.join(missing)}")
    total = [n for counts in events.values() for n in counts]
    if not total:
        return 2
    print(f"{'kind':10} {'pages':>5} {'events':>6} {'per page':>8} {'pages with any':>14}")
    for kind, counts in [*sorted(events.items()), ("all", total)]:
        flagged = sum(1 for n in counts if n)
        print(f"{kind:10} {len(counts):5} {sum(counts):6} {sum(counts) / len(counts):8.2f} {flagged:14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
