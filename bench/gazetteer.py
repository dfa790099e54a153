"""Gazetteer benchmark: build time, load time, index size, lookups and resolves per second, memory.

    .venv/bin/python bench/gazetteer.py            # uses (and if needed builds) the normal cache
    .venv/bin/python bench/gazetteer.py --rebuild  # builds a fresh index in a temporary directory

Each measurement runs in a fresh process so load time and peak memory are not flattered by a
warm interpreter.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

PHRASES = [
    ("Idlib", ["SYR"]), ("near the town of Nairab", ["SYR"]), ("Hama, Syria", []), ("Bakhmut", []),
    ("Kharkiv region", ["UKR"]), ("Khan Younis", ["PSE"]), ("Rafah", ["EGY"]), ("El Fasher", ["SDN"]),
    ("Tripoli", ["LBN", "LBY"]), ("Police", []), ("northwest Syria", []), ("10 km south of Bakhmut", ["UKR"]),
]

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
phrases = json.loads(sys.argv[2])
cache = Path(sys.argv[1]) if sys.argv[1] else None
from sitrep.resolve import gazetteer_index
path = gazetteer_index.index_path(cache)
t = time.perf_counter()
built = not path.exists()
if built:
    gazetteer_index.build_index(path)
build = time.perf_counter() - t if built else None
from sitrep.resolve.places import Gazetteer
t = time.perf_counter(); g = Gazetteer.load(cache); load = time.perf_counter() - t
names = [p for p, _ in phrases] * 200
t = time.perf_counter()
for name in names:
    g.lookup(name, ["SYR"])
lookups = len(names) / (time.perf_counter() - t)
t = time.perf_counter()
for text, countries in phrases * 200:
    g.resolve(text, countries)
resolves = len(phrases) * 200 / (time.perf_counter() - t)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"build_s": build, "load_s": load, "index_mb": path.stat().st_size / 1e6,
                  "lookups_per_s": lookups, "resolves_per_s": resolves, "peak_rss_mb": peak}))
"""


def measure(cache: Path | None) -> dict[str, float | None]:
    args = [sys.executable, "-c", _CHILD, str(cache) if cache else "", json.dumps(PHRASES)]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="build a fresh index in a temporary directory")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) if options.rebuild else None
        first = measure(cache)
        second = measure(cache) if first["build_s"] is not None else first  # load without the build
    build = first["build_s"]
    built = f"{build:.1f} s (peak {first['peak_rss_mb']:.0f} MB)" if build else "cached"
    print(f"build:        {built}")
    print(f"load:         {second['load_s'] * 1000:.0f} ms")
    print(f"index size:   {second['index_mb']:.1f} MB on disk")
    print(f"lookups:      {second['lookups_per_s']:,.0f} /s")
    print(f"resolves:     {second['resolves_per_s']:,.0f} /s")
    print(f"peak memory:  {second['peak_rss_mb']:.0f} MB (process, after load and queries)")


if __name__ == "__main__":
    main()
