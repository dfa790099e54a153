"""Place resolution: a place phrase from an article -> a gazetteer entry with ACLED geo precision.

The gazetteer is GeoNames cities500 (compiled once into an SQLite index, see gazetteer_index),
plus hand-written admin1 names, conflict places GeoNames lacks, regions, country aliases and a
stoplist (see gazetteer_data). Namesakes are told apart by the article's country context (ISO3,
most frequent first) and then by population, so "Tripoli" in a Lebanon story is the Lebanese one.

    gazetteer = Gazetteer.shared()
    gazetteer.resolve("near the town of Nairab", ["SYR"])  # Location(name="Nairab", precision=2, ...)
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from sitrep.extract.setting import MONTH_NAMES
from sitrep.models import Location, TextSpan
from sitrep.resolve import place_phrases
from sitrep.resolve.countries import capitals, neighbours
from sitrep.resolve.gazetteer_data import Admin1, Place, PlaceData, load_place_data
from sitrep.resolve.gazetteer_index import (
    ALTERNATE,
    FUZZY,
    PRIMARY,
    WITHOUT_ARTICLE,
    ensure_index,
    normalise,
    open_index,
    without_article,
)
from sitrep.resolve.name_variants import close, skeleton
from sitrep.resolve.place_names import ascii_name, bare, name_key
from sitrep.resolve.place_relations import distance_km

__all__ = ["Gazetteer", "Place", "country_iso3"]

# How much a weaker name match costs, in powers of ten of population: an alternate name of a
# city ten times larger ties with a primary name ("Durango" the state capital beats a village
# called Durango; Ukraine's Pokrovsk beats Engels, once called Pokrovsk).
_MATCH_PENALTY = {PRIMARY: 0.0, ALTERNATE: 1.0, WITHOUT_ARTICLE: 1.5, FUZZY: 2.0}
# Spelling variants are looked for in this many of the article's countries (most named first).
_VARIANT_COUNTRIES = 3
# A province or region without a population figure counts as this many people.
_AREA_POPULATION = 1_000_000
# A town below this size, in a country the article never names, is taken for a namesake of a place
# the gazetteer lacks; a larger city (Doha, Minsk) is where the talks were held. Where an act of force
# happened, only a city of a million or more ("a blast in Moscow") is taken abroad unnamed: Blida in a
# report on south Lebanon is the Lebanese village, not the Algerian city.
_NAMESAKE_POPULATION = 100_000
_PHYSICAL_NAMESAKE_POPULATION = 1_000_000
# Memoised lookups kept per process before the memo is emptied.
_MEMO_SIZE = 50_000
# How far a town called "the X area of <city>" may lie from the city (Matola from Maputo: 10 km).
_NEIGHBOURING_PART_KM = 30.0

# Words that make a name a province: "Idlib governorate" is never promoted to Idlib city.
_ADMIN_WORDS = frozenset(
    [
        "governorate",
        "province",
        "region",
        "state",
        "oblast",
        "krai",
        "prefecture",
        "department",
        "county",
        "division",
        "district",
    ]
)
# "the Dnipropetrovsk region", "Borno State", "the province of Idlib": a province named as one
_PROVINCE_WORD = r"(?:[Rr]egion|[Oo]blast|[Pp]rovince|[Gg]overnorate|[Ss]tate|[Pp]refecture)"
PROVINCE_NAMED = re.compile(
    r"\b(?P<before>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)\s+" + _PROVINCE_WORD + r"\b"
    r"|\b" + _PROVINCE_WORD + r"\s+of\s+(?P<after>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)"
)
# A province named as the owner of a district or town: "Chhattisgarh's Bijapur district".
_PROVINCE_OWNS = re.compile(
    r"\b(?P<owner>[A-Z][\w-]+(?:[ -][A-Z][\w-]+)?)['’]s\s+(?=[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+"
    r"(?:district|town|city|village|county|area|region|province)\b)"
)
# A province named right after a place, set off by a comma: "in Calamar, Guaviare, on Monday".
_PROVINCE_AFTER = re.compile(r"^,\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\b(?!\s+(?:said|told))")
# A district named before the province it is in: "the Beryslav District of Kherson Oblast"
_DISTRICT_OF_NAME = re.compile(r"\b(?:district|raion|county|tehsil|municipality)\s+of\b", re.IGNORECASE)
# A name opened by a capitalised Upper or Lower: the part its namesake with the other word is not
_OPPOSITE_PART = re.compile(r"^(?P<word>Upper|Lower)\s+\S")
_OTHER_PART = {"Upper": "lower", "Lower": "upper"}
# "in Páez, Apure state": the name after the comma called a province
_PROVINCE_WORD_NEXT = re.compile(r"^\s+" + _PROVINCE_WORD + r"\b")
_LIST_GOES_ON = re.compile(r"^(?:\s*,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*,?\s+(?:and|or)\s+[A-Z]")
# Initials in capitals ("SNA", "DRG", "ISWAP"): looked up only as written, never kept by name.
_ACRONYM = re.compile(r"^[A-Z]{2,6}(?:['’]s)?$")
_DIRECTION_WORD = re.compile(r"^" + place_phrases.DIRECTION + r"$", re.IGNORECASE)
# Names of days and months, which a capitalised word after "in" or "on" often is.
_DATE_WORD = re.compile(
    r"^(?:(?:on|in)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s*\d{0,2})$",
    re.IGNORECASE,
)
# Words naming a building or an institution, not a place: an act there is coded to its town.
_BUILDING = re.compile(
    r"\b(?:university|college|school|academy|hospital|clinic|mosque|church|cathedral|synagogue|temple|mall|"
    r"hotel|market|stadium|prison|jail|embassy|consulate|ministry|office|headquarters|bank|cent(?:re|er)|"
    r"restaurant|cafe|club|parliament|palace|court|station)s?\b",
    re.IGNORECASE,
)
# Words naming a part of a town: "the Birere district of Goma" is coded to Goma.
_PART = re.compile(r"\b(?:district|neighbou?rhood|quarter|suburb|area|sector)s?\b", re.IGNORECASE)
# A container named as an administrative unit: "of Dera Ismail Khan district".
_UNIT_WORD_END = re.compile(
    r"\b(?:district|county|province|region|governorate|division|tehsil)\s*$", re.IGNORECASE
)
# Several places of an area, none named: "various cities of the West Bank", "towns across Darfur".
_SEVERAL_PLACES = re.compile(
    r"^(?:(?:various|several|many|some|other|different|multiple|numerous|\w+ern|\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten)\s+)*"
    r"(?:cities|towns|villages|hamlets|areas|parts|regions|districts|provinces|camps|localities|"
    r"communities|neighbou?rhoods|settlements|governorates|counties|municipalities|oblasts|states)\s+"
    r"(?:of|in|across|throughout|around)\s+(?:the\s+)?(?P<area>\S.*)$",
    re.IGNORECASE,
)
# A demonym on the place noun: "the eastern Ukrainian city of", "a Syrian village".
_DEMONYM_PLACE = re.compile(
    r"\b(?P<demonym>[A-Z][a-z]+)\s+(?:city|town|village|capital|port|province|region|state|district|"
    r"governorate|county|border\s+town|port\s+city)\b"
)
_PLACE_COLUMNS = "p.id, p.name, p.cc, p.admin1, p.lat, p.lon, p.population"


class Gazetteer:
    """Looks up names and resolves place phrases; one instance is shared per process."""

    _shared: ClassVar[Gazetteer | None] = None
    _shared_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, index: Path) -> None:
        self.index = index
        self._db = open_index(index)
        self._lock = threading.Lock()
        self._memo: dict[tuple[str, tuple[str, ...]], list[tuple[Place, int]]] = {}
        self._iso2_to_iso3: dict[str, str] = {}
        self._countries: dict[str, Place] = {}  # ISO3 -> country entry
        for iso2, iso3, name, gid, population, lat, lon in self._db.execute("SELECT * FROM country"):
            self._iso2_to_iso3[iso2] = iso3
            self._countries[iso3] = Place(
                name, None, iso3, lat, lon, gid, population or 0, "country", admin1_code=None, precision=3
            )
        self._iso3_to_iso2 = {iso3: iso2 for iso2, iso3 in self._iso2_to_iso3.items()}
        self._data: PlaceData = load_place_data(self._iso3_to_iso2)
        rows = self._db.execute("SELECT cc, admin1, population FROM admin1_population")
        self._admin1_population = {(cc, code): population for cc, code, population in rows}
        self._entries: dict[str, list[tuple[Place, int]]] = {}  # name key -> non-GeoNames-city entries
        self._entry_variants: dict[tuple[str, str], list[tuple[str, Place]]] = {}  # (ISO3, skeleton)
        for iso3, country in self._countries.items():
            names = (country.name, iso3, *self._data.country_aliases.get(iso3, ()))
            self._add(country, names)
        for (iso2, code), unit in self._data.admin1.items():
            population = self._admin1_population.get((iso2, code)) or _AREA_POPULATION
            place = Place(
                unit.name,
                unit.name,
                self._iso2_to_iso3.get(iso2),
                unit.lat,
                unit.lon,
                None,
                population,
                "admin1",
                code,
                3,
            )
            self._add(place, (unit.name, *unit.aliases), primaries=1 + len(unit.primary_aliases))
            self._add(place, unit.primary_aliases, primaries=len(unit.primary_aliases))
        for place, names in self._data.places:
            self._add(place, names)
        self._alias_ids: dict[str, list[int]] = {}
        for gid, names in self._data.aliases.items():
            for name in names:
                self._alias_ids.setdefault(normalise(name), []).append(gid)

    def __reduce__(self) -> tuple[Any, ...]:
        # Dask ships resolvers to workers: reopen the index there instead of pickling a connection.
        return (Gazetteer, (self.index,))

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """Open the compiled index (compiling it first, once, if it is missing)."""
        return cls(ensure_index(cache_dir))

    @classmethod
    def shared(cls) -> Gazetteer:
        """The process-wide instance (default cache directory)."""
        with cls._shared_lock:
            if cls._shared is None:
                cls._shared = cls.load()
            return cls._shared

    def _add(self, place: Place, names: Iterable[str], primaries: int = 1) -> None:
        for rank, name in enumerate(names):
            key = normalise(name)
            if not key:
                continue
            quality = PRIMARY if rank < primaries else ALTERNATE
            self._entries.setdefault(key, []).append((place, quality))
            if place.country and skeleton(key):
                self._entry_variants.setdefault((place.country, skeleton(key)), []).append((key, place))
            short = without_article(key)
            if short:
                self._entries.setdefault(short, []).append((place, WITHOUT_ARTICLE))

    # -- lookup -------------------------------------------------------------------------------

    def venue(self, dateline: str) -> Location | None:
        """The seat of an institution a dateline names instead of a city ("UNITED NATIONS:"); never a
        place phrase in the text (places_supplement.toml [[venue]])."""
        entry = self._data.venues.get(" ".join(dateline.split()).casefold())
        if entry is None:
            return None
        return Location(entry["name"], entry["admin1"], entry["country"], entry["lat"], entry["lon"], None, 2,
                        entry["name"])

    def country_iso3(self, name: str) -> str | None:
        """ISO3 code of a country name, alias ("the DRC", "Burma") or ISO2/ISO3 code."""
        text = place_phrases.clean(name)
        if len(text) in (2, 3) and text.isupper():
            code = self._iso2_to_iso3.get(text) or (text if text in self._countries else None)
            if code:
                return code
        for place, quality in self._entries.get(normalise(text), ()):
            if place.kind == "country" and quality != WITHOUT_ARTICLE:
                return place.country
        return None

    def demonym_country(self, word: str) -> str | None:
        """ISO3 code of the country a people's adjective names ("Ukrainian" -> UKR), or None."""
        return self._data.demonyms.get(word.casefold())

    def country(self, iso3: str) -> Location | None:
        """The country itself (precision 3), or None for an unknown code."""
        place = self._countries.get(iso3)
        return _location(place, 3, place.name) if place is not None else None

    def capital(self, iso3: str) -> Location | None:
        """The country's capital city (precision 1), or None when the gazetteer cannot name it."""
        name = capitals().get(iso3)
        if not name:
            return None
        found = self._pick(name, [iso3], want=None, within=None, exact=True)
        if found is None or found.country != iso3:
            return None
        return self._coded(found, 1, found.name)

    def lookup(self, name: str, countries: Sequence[str] = ()) -> list[Place]:
        """Candidates for a bare name, best first: hinted countries (in hint order), then size."""
        return [place for place, _ in self._ranked(name, countries)]

    def _ranked(self, name: str, countries: Sequence[str]) -> list[tuple[Place, int]]:
        """Ranked candidates; memoised, since a corpus names the same few hundred places again and again."""
        memo = (name, tuple(countries))
        cached = self._memo.get(memo)
        if cached is None:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            cached = self._memo[memo] = self._rank(name, countries)
        return list(cached)

    def _rank(self, name: str, countries: Sequence[str]) -> list[tuple[Place, int]]:
        key = normalise(place_phrases.clean(name))
        if not key:
            return []
        found: dict[tuple[str, Any], tuple[Place, int]] = {}

        def keep(place: Place, quality: int) -> None:
            ident = (place.kind, place.geonames_id or (place.name, place.country))
            if ident not in found or quality < found[ident][1]:
                found[ident] = (place, quality)

        short = without_article(key)
        for probe, floor in ((key, PRIMARY), (short, WITHOUT_ARTICLE)):
            if not probe:
                continue
            for place, quality in self._entries.get(probe, ()):
                keep(place, max(quality, floor))
            for place, quality in self._cities(probe):
                keep(place, max(quality, floor))
            ids = self._alias_ids.get(probe, [])
            if ids:
                for place, _ in self._cities_by_id(ids):
                    keep(place, max(ALTERNATE, floor))
        if not found:  # "Karada", "Zaytoun": a spelling variant of a name in the article's countries
            for place in self._variants(key, countries[:_VARIANT_COUNTRIES]):
                keep(place, FUZZY)
        hints = {code: rank for rank, code in reversed(list(enumerate(countries)))}
        ranked = sorted(found.values(), key=lambda pq: self._sort_key(pq[0], pq[1], hints))
        return self._promote_namesake_capital(_great_city_first(ranked), key)

    def _promote_namesake_capital(self, ranked: list[tuple[Place, int]], key: str) -> list[tuple[Place, int]]:
        """A bare "Idlib" or "Hodeidah" is the city, not the governorate named after it: ACLED codes
        the town; so is a province's alias that is its capital's name ("Diwaniyah" for Al-Qadisiyyah).
        "Idlib governorate", or a province named otherwise ("Nineveh"), stays the province."""
        if not ranked or ranked[0][0].kind != "admin1" or ranked[0][1] == WITHOUT_ARTICLE:
            return ranked
        if _ADMIN_WORDS.intersection(key.split()):
            return ranked
        place, quality = ranked[0]
        iso2 = self._iso3_to_iso2.get(place.country or "", "")
        unit = self._data.admin1.get((iso2, place.admin1_code or ""))
        if unit is None or not (
            self._is_named_after_capital(unit.name, unit.capital_id)  # "Idlib" names both
            or self._names_the_capital(key, unit)  # "Diwaniyah": the capital's name
        ):
            return ranked
        capital = self._cities_by_id([unit.capital_id])
        if not capital:
            return ranked
        rest = [pq for pq in ranked if pq[0].geonames_id != unit.capital_id]
        return [(capital[0][0], quality), *rest]

    @staticmethod
    def _sort_key(place: Place, quality: int, hints: dict[str, int]) -> tuple[int, int, float]:
        if place.kind == "country" and quality != WITHOUT_ARTICLE:
            return (0, 0, -99.0)  # "Lebanon" is the country, not Lebanon, Pennsylvania
        # a curated area ("Sulu" province) counts as a province does, so a city's alternate name
        # (Jolo is also called Sulu) does not outrank it
        floor = (_AREA_POPULATION if place.kind == "region" else 1000) if place.curated else 0
        population = max(place.population, floor)
        score = math.log10(population + 1) - _MATCH_PENALTY[quality]
        return (1, hints.get(place.country or "", len(hints)), -score)

    def _variants(self, key: str, countries: Sequence[str]) -> list[Place]:
        """Places of `countries` whose name is a spelling variant of `key` (see name_variants)."""
        shape = skeleton(key)
        if not shape:
            return []
        found = [
            place
            for iso3 in countries
            for name, place in self._entry_variants.get((iso3, shape), ())
            if close(name, key)
        ]
        codes = [self._iso3_to_iso2[iso3] for iso3 in countries if iso3 in self._iso3_to_iso2]
        if not codes:
            return found
        query = (
            f"SELECT {_PLACE_COLUMNS}, v.key FROM variant v JOIN place p ON p.id = v.place "
            f"WHERE v.cc IN ({','.join('?' * len(codes))}) AND v.skeleton = ?"
        )
        with self._lock:
            rows = self._db.execute(query, (*codes, shape)).fetchall()
        return found + [self._city(row) for row in rows if close(row[7], key)]

    def _names_the_capital(self, key: str, unit: Admin1) -> bool:
        """An alias of the unit that is its capital's name, unless reports use it for the unit itself
        (bare "Gaza" is the Strip)."""
        if any(normalise(alias) == key for alias in unit.primary_aliases):
            return False
        return self._is_named_after_capital(key, unit.capital_id)

    def _is_named_after_capital(self, name: str, capital_id: int) -> bool:
        query = "SELECT 1 FROM name WHERE key IN (?, ?) AND place = ? LIMIT 1"
        with self._lock:
            return self._db.execute(query, (normalise(name), bare(name), capital_id)).fetchone() is not None

    def _cities(self, key: str) -> list[tuple[Place, int]]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_PLACE_COLUMNS}, n.quality FROM name n JOIN place p ON p.id = n.place "
                "WHERE n.key = ?",
                (key,),
            ).fetchall()
        return [(self._city(row), row[7]) for row in rows]

    def _cities_by_id(self, ids: list[int]) -> list[tuple[Place, int]]:
        marks = ",".join("?" * len(ids))
        with self._lock:
            query = f"SELECT {_PLACE_COLUMNS}, 1 FROM place p WHERE p.id IN ({marks})"
            rows = self._db.execute(query, ids).fetchall()
        return [(self._city(row), ALTERNATE) for row in rows]

    def _city(self, row: tuple[Any, ...]) -> Place:
        gid, name, cc, code, lat, lon, population = row[:7]
        unit = self._data.admin1.get((cc, code)) if code else None
        admin1 = unit.name if unit else None
        country = self._iso2_to_iso3.get(cc)
        return Place(ascii_name(name), admin1, country, lat, lon, gid, population, "city", code)

    # -- resolve ------------------------------------------------------------------------------

    def resolve(self, text: str, countries: Sequence[str] = ()) -> Location | None:
        """The Location a place phrase names, with ACLED geo precision; None if it names none.

        `Location.text` is the name as the article spells it ("Saraqeb" for GeoNames' Saraqib,
        "Khan Younis" for Khan Yunis): the words of the phrase that named the place, without
        "near the town of" (which the precision says)."""
        cleaned = place_phrases.unchain(place_phrases.clean(text))
        if not cleaned or cleaned.lower() in MONTH_NAMES:  # "in August" is a time, not August, California
            return None
        if normalise(cleaned) in self._data.world_regions:
            return None  # "the Gulf of Guinea" is no gulf of the country Guinea
        whole = self._pick(cleaned, countries, want=None, within=None, exact=True)
        if whole is not None:  # "North Kivu", "northern Gaza", "West Bank" are names themselves
            return self._coded(whole, whole.precision, cleaned)
        several = _SEVERAL_PLACES.match(cleaned)
        if several is not None:  # "various cities of the West Bank": somewhere in the area named
            return self.resolve(several.group("area"), countries)
        unit = place_phrases.without_admin_suffix(cleaned)
        if unit and place_phrases.strip_direction(unit):  # "Lower Juba province" is not Juba
            province = self._pick(unit, countries, want="admin1", within=None, exact=True)
            if province is not None and province.kind == "admin1":
                return self._coded(province, province.precision, unit)
        phrase = place_phrases.parse(cleaned)
        owner = self.country_iso3(phrase.name) if phrase.want == "admin1" and phrase.qualifier else None
        if owner is not None and phrase.qualifier:
            # "the Belgorod region of Russia": the province named before the noun, in that country
            province = self._pick(phrase.qualifier, [owner], want="admin1", within=None, exact=True)
            if province is not None and province.kind == "admin1" and province.country == owner:
                return self._coded(province, province.precision, phrase.qualifier)
        hints = list(countries)
        within = None
        if phrase.qualifier:
            container = self.resolve(phrase.qualifier, countries)
            if container is not None and container.country:
                hints = [container.country, *[c for c in countries if c != container.country]]
                if not phrase.qualifier_is_near:
                    within = (container.country, _admin1_code_of(self, container))
        place = self._pick(phrase.name, hints, want=phrase.want, within=within, exact=False)
        if place is not None and _names_the_other_part(cleaned, place):
            return self._kept_beside(cleaned, place)  # "Lower Dir" is no part of Upper Dir
        if place is None and within is not None and _PART.search(cleaned) and phrase.qualifier:
            place = self._neighbouring_part(phrase.name, phrase.qualifier, countries)
        unpopulated = place is not None and place.kind in ("region", "admin1") and phrase.qualifier_is_near
        if (place is None or unpopulated) and phrase.qualifier:
            # "Unknownville, Idlib": the container; "the Jordan Valley near Jericho": ACLED codes the
            # most specific populated place, the town the area is near.
            container = self.resolve(phrase.qualifier, countries)
            if container is not None and (place is None or container.precision < 3):
                # "the Shaab neighbourhood of Baghdad": Baghdad, named by the part the article gives
                # (as a camp the supplement codes to its town keeps the camp's name as `text`)
                part = (
                    place is None
                    and bool(_PART.search(cleaned))
                    and place_phrases.is_proper_name(phrase.name)
                )
                town_named = container.precision < 3 and _UNIT_WORD_END.search(phrase.qualifier)
                if part and town_named:
                    # "the Daraban area of Dera Ismail Khan district": an area of the district, not a
                    # part of its namesake town; kept by its name, in the district's province, at the
                    # district town's point for want of its own
                    named = phrase.name
                    return replace(container, name=named, geonames_id=None, precision=2, text=named)
                shown = phrase.name if part else container.text
                return replace(container, precision=max(container.precision, 2), text=shown)
        if place is None:
            return self._known_name_inside(cleaned, hints)
        precision = place.precision
        if phrase.near or phrase.directional or phrase.qualifier_is_near:
            precision = max(precision, 2)
        if phrase.area and place.kind == "city" and place.admin1_code and phrase.want is None:
            precision = 2
        if phrase.want == "admin1" and place.kind == "city":
            precision = max(precision, 2)  # "the Marjayoun region": the area around the town
        if place.kind == "city" and _DISTRICT_OF_NAME.search(cleaned):
            precision = max(precision, 2)  # "the Beryslav District of Kherson Oblast": the district's town
        text = phrase.name
        if place.kind in ("country", "admin1") and place_phrases.strip_direction(cleaned) == phrase.name:
            text = cleaned  # "northern Iraq" names a region of the country: the text keeps its direction
        return self._coded(place, precision, text)

    def resolve_in_article(
        self,
        text: str,
        countries: Sequence[str],
        is_actor: Callable[[str], bool] | None = None,
        physical: bool = False,
    ) -> Location | None:
        """`resolve`, for a phrase in an article about `countries` (most named first).

        A village the gazetteer lacks ("the village of Ogossagou") is kept by its name in the
        country (and province) the text gives, precision 2, instead of being dropped or widened to
        the country; so is a small town whose only namesake the gazetteer knows lies in a country
        the article never names (Burkina Faso's Solhan is not Turkey's; for an act of force, a
        `physical` one, any city below a million). A name `is_actor` knows ("Boko Haram") is never
        kept as a place."""
        countries = self._named_country_first(text, countries)
        found = self.resolve(text, countries)
        cleaned = place_phrases.unchain(place_phrases.clean(text))
        phrase = place_phrases.parse(cleaned) if cleaned else None
        name = phrase.name.strip(place_phrases.TRIM) if phrase else ""
        # "the village of Solhan in the Yagha province in Burkina Faso", "the town of Palma in northern
        # Mozambique": `resolve` widens a name it lacks to the container the text gives; the name
        # the text ties to the act is kept instead, inside that container.
        # "the Ex-Control checkpoint in Mogadishu": a site the gazetteer lacks, in a town it knows,
        # is the site (precision 2) in the town's province, not the town.
        # A building is coded to its town ("Garissa University College in Garissa").
        # "a village near Maiduguri" is coded to Maiduguri; "Kfar Rumman, near the city of Nabatieh"
        # names its village, kept by name (precision 2) when the gazetteer lacks it
        near_a_site = phrase is not None and phrase.qualifier_is_near and not (
            place_phrases.is_proper_name(name) and name[:1].isupper()
        )
        widened = (
            found is not None
            and phrase is not None
            and phrase.qualifier is not None
            and (
                (
                    found.precision == 3
                    or not (near_a_site or _BUILDING.search(name) or _PART.search(cleaned))
                )
                and name_key(found.name) != name_key(name)
                and name_key(found.text or "") != name_key(name)
            )
        )
        if found is not None and widened and countries and found.country not in countries:
            widened = False  # a foreign container: no better than the article's own countries
        keep = found is not None and not widened and not self._foreign_namesake(found, countries, physical)
        home = next((c for c in countries if found is not None and c != found.country), None)
        if found is not None and home and name and _called_a_village(text, name) and self._a_city(found):
            # "the village of Doha" in a report on Sudan: no city of Qatar, a village of the story's
            return Location(name, None, home, None, None, None, 2, name)
        if not countries and widened and found is not None and found.country:
            # "the El Salini base in Lower Shabelle" in a text naming no country: the container's
            countries = [found.country]
        if not countries or keep:
            return found
        if not name or not place_phrases.is_proper_name(name) or not _capitalised(name):
            return found
        if self.country_iso3(name) is not None or (is_actor is not None and is_actor(name)):
            return found
        if _DATE_WORD.match(name):
            return found  # "in March, Kenya ...", "On Monday": a day or a month, never a village
        if _ACRONYM.match(name):
            return found  # "KDF", "ISWAP": a body's initials, never a village the gazetteer lacks
        if _BUILDING.search(name):
            town = self._known_name_inside(name, countries)
            if town is not None and town.country in countries and town.precision <= 2:
                return town  # "the Garissa University College in North Eastern Kenya": Garissa
        container = self.resolve(phrase.qualifier, countries) if phrase and phrase.qualifier else None
        if container is not None and container.country not in countries:
            container = None
        if container is None and widened and found is not None:
            container = found
        admin1 = None
        if container is not None:
            is_country = self.country_iso3(container.name) is not None
            province = container.precision == 3 and not is_country
            admin1 = container.admin1 or (container.name if province else None)
        return Location(
            name=name,
            admin1=admin1,
            country=container.country if container is not None else countries[0],
            lat=container.lat if container is not None else None,
            lon=container.lon if container is not None else None,
            geonames_id=None,
            precision=2,
            text=name,
        )

    def _kept_beside(self, cleaned: str, namesake: Place) -> Location:
        """A name the gazetteer lacks, kept as written in its namesake's province (precision 2, at
        the province's point)."""
        named = _UNIT_WORD_END.sub("", place_phrases.without_admin_suffix(cleaned) or cleaned).strip()
        unit = None
        if namesake.admin1:
            country = [namesake.country or ""]
            unit = self._pick(namesake.admin1, country, want="admin1", within=None, exact=True)
        at = unit if unit is not None and unit.kind == "admin1" else None
        lat, lon = (at.lat, at.lon) if at is not None else (None, None)
        return Location(named, namesake.admin1, namesake.country, lat, lon, None, 2, named)

    def _neighbouring_part(self, name: str, town_text: str, countries: Sequence[str]) -> Place | None:
        """ "the Matola area of Maputo": a town next to the city it is called a part of, though in
        another province (a capital is often a province of its own); a town of that name farther
        off is a namesake, not the part."""
        town = self.resolve(town_text, countries)
        if town is None or town.precision > 2 or town.lat is None or town.lon is None or not town.country:
            return None
        place = self._pick(name, [town.country], want=None, within=(town.country, None), exact=True)
        if place is None or place.geonames_id == town.geonames_id or place.lat is None or place.lon is None:
            return None
        near = distance_km(place.lat, place.lon, town.lat, town.lon) <= _NEIGHBOURING_PART_KM
        return place if near else None

    def _named_country_first(self, text: str, countries: Sequence[str]) -> Sequence[str]:
        """ "the eastern Ukrainian city of Pokrovsk", "the Syrian town of Qamishli": the country the
        phrase names its place in is looked in first (Russia's Engels was once called Pokrovsk)."""
        match = _DEMONYM_PLACE.search(text)
        iso3 = self._data.demonyms.get(match["demonym"].casefold()) if match else None
        if iso3 is None:
            return countries
        return [iso3, *(c for c in countries if c != iso3)]

    def _foreign_namesake(self, found: Location, countries: Sequence[str], physical: bool = False) -> bool:
        """A town abroad, in an article on other countries, that is small or only spelt like the
        name ("Al Jubah" in a report on Yemen is no Juba in South Sudan)."""
        if not countries or found.country in countries or found.geonames_id is None:
            return False
        if any(found.country in neighbours().get(country, ()) for country in countries):
            return False  # "Russian forces shelled Kupiansk" on a page naming only Russia: next door
        if not self.knows_exactly(found.text or found.name, [found.country] if found.country else []):
            return True
        if found.precision > 2:
            return False  # a province or a country abroad is no namesake of a village
        size = _PHYSICAL_NAMESAKE_POPULATION if physical else _NAMESAKE_POPULATION
        population = self._population(found)
        return population is not None and population < size

    def _a_city(self, found: Location) -> bool:
        """A town the gazetteer counts a city (100,000 people or more): never what a text calls a village."""
        population = self._population(found) if found.precision == 1 else None
        return population is not None and population >= _NAMESAKE_POPULATION

    def _population(self, found: Location) -> int | None:
        """The population GeoNames gives the town a location codes, None for no town it knows."""
        places = self._cities_by_id([found.geonames_id]) if found.geonames_id is not None else []
        return (places[0][0].population or 0) if places else None

    def _coded(self, place: Place, precision: int, text: str) -> Location:
        """The Location of a gazetteer entry; a camp or neighbourhood the supplement codes to its town
        is that town's (ACLED codes events in a camp missing from GeoNames to the town it belongs to),
        keeping the article's name of the camp as `text`."""
        if place.town:
            towns = self._ranked(place.town, [place.country] if place.country else [])
            for town, _ in towns:
                if town.kind == "city" and town.country == place.country:
                    return _location(town, max(precision, place.precision), text)
        return _location(place, precision, text)

    def _known_name_inside(self, cleaned: str, countries: Sequence[str]) -> Location | None:
        """The longest run of capitalised words in the phrase that names a place in the article's
        countries (or a province, region or country): "Jabra neighbourhood market" -> none,
        "the besieged Tigray town" -> Tigray. Precision is at least 2: the phrase names more."""
        words = cleaned.split()
        runs: list[tuple[str, bool]] = []
        for size in range(min(len(words), 4), 0, -1):
            for start in range(len(words) - size + 1):
                run = " ".join(words[start : start + size]).strip(place_phrases.TRIM)
                if run and run != cleaned and place_phrases.is_proper_name(run) and run[:1].isupper():
                    after = words[start + size].strip(place_phrases.TRIM) if start + size < len(words) else ""
                    before = words[start - 1].strip(place_phrases.TRIM) if start > 0 else ""
                    # "Mokraya Orlovka": a name begun by another capitalised word is another place
                    # than the one it ends with (not "North Kivu" cut to "Kivu": directions are read)
                    begun = (
                        before[:1].isupper()
                        and not before.endswith(("'s", "’s"))
                        and not _DIRECTION_WORD.match(before)
                    )
                    goes_on = after[:1].isupper() and after.lower() not in self._data.name_features
                    runs.append((run, begun or goes_on))
        for run, named_on in runs:
            place = self._pick(run, countries, want=None, within=None, exact=True)
            if place is None or (place.country not in countries and place.kind == "city"):
                continue
            if named_on:
                # "China Chowk", a square in Islamabad; "Sabon Gari Damri", one of many villages
                # called Sabon Gari: a name that goes on is another place than the one it begins with
                # ("Islamabad Expressway", "Tigray Region" go on with a feature of the place)
                continue
            return self._coded(place, max(place.precision, 2), run)
        return None

    def in_province_after(
        self, location: Location, place: TextSpan, sentence: TextSpan, countries: Sequence[str]
    ) -> Location:
        """The namesake in the province the sentence names right after the place ("in Calamar,
        Guaviare": not Calamar in Bolivar), when the gazetteer has one there."""
        if not sentence.start <= place.start <= place.end <= sentence.end:
            return location
        rest = sentence.text[place.end - sentence.start :]
        after = _PROVINCE_AFTER.match(rest)
        if after is None or _LIST_GOES_ON.match(rest[after.end() :]):
            return location  # "struck Kharkiv, Sumy and Kryvyi Rih": a list of towns, no province
        province = normalise(after["name"])
        if location.precision > 2 or normalise(location.admin1 or "") == province:
            return location
        if _PROVINCE_WORD_NEXT.match(rest[after.end() :]):
            abroad = self._in_a_foreign_province(location, place.text, after["name"])
            if abroad is not None:
                return abroad
        found = self.resolve(f"{place.text}, {after['name']}", countries)
        if found is None or found.country != location.country or normalise(found.admin1 or "") != province:
            return location
        if normalise(found.name) not in (normalise(location.name), normalise(location.text or "")):
            # only the same name in that province, never a near spelling ("Stanislav, Kherson region" is
            # that village, not Ivano-Frankivsk, whose old name it also is)
            return location
        return replace(found, precision=location.precision, text=location.text)

    def _in_a_foreign_province(self, location: Location, name: str, province_name: str) -> Location | None:
        """A place the text puts in a province of another country than its namesake's ("Páez, Apure
        state": Venezuela's Apure, not Colombia's Páez): the town of that name there, or the name kept
        in that province (precision 2) when the gazetteer lacks it."""
        province = self._pick(province_name, [], want="admin1", within=None, exact=True)
        if province is None or province.kind != "admin1" or not province.country:
            return None
        if province.country == location.country:
            return None
        cleaned = place_phrases.unchain(place_phrases.clean(name))
        phrase = place_phrases.parse(cleaned) if cleaned else None
        name = phrase.name.strip(place_phrases.TRIM) if phrase else ""
        if not name or not place_phrases.is_proper_name(name):
            return None
        within = (province.country, province.admin1_code)
        found = self._pick(name, [province.country], want=None, within=within, exact=True)
        if found is not None and found.kind == "city":
            return self._coded(found, location.precision, name)
        return Location(name, province.name, province.country, province.lat, province.lon, None, 2, name)

    def provinces_in(self, text: str) -> list[Place]:
        """The provinces a text names as provinces ("the Zaporizhzhia region", "Borno State") or as
        the owner of a district or town ("Chhattisgarh's Bijapur district"), each once (those named as
        provinces first)."""
        found: list[Place] = []
        names = [m["before"] or m["after"] for m in PROVINCE_NAMED.finditer(text)]
        names += [m["owner"] for m in _PROVINCE_OWNS.finditer(text)]  # "Chhattisgarh's Bijapur district"
        for name in names:
            place = self._pick(name, [], want="admin1", within=None, exact=True)
            if place is not None and place.kind == "admin1" and place not in found:
                found.append(place)
        return found

    def in_named_province(
        self, location: Location, provinces: Sequence[Place], sentence: str
    ) -> Location:
        """A small town the gazetteer put in another province than the one province the article names
        in its country, when that province has a town of that very name ("Pavlivka" in a report on
        Zaporizhzhia oblast, not the Pavlivka of Vinnytsia): the namesake there. A town the sentence
        places in its own province stands; so does a town of 50,000 or more, unless the article never
        names its province and the namesake is a town of 10,000 or more itself."""
        if location.geonames_id is None or location.precision > 2 or location.admin1 is None:
            return location
        named = [p for p in provinces if p.country == location.country]
        if len(named) != 1 or named[0].admin1_code is None:
            return location  # no province named there, or several: no one story province
        province = named[0]
        if normalise(province.name) == normalise(location.admin1):
            return location
        if normalise(location.admin1) in normalise(sentence):
            return location  # "Pavlivka in Vinnytsia region": the sentence says which
        population = self._population(location)
        if population is None:
            return location
        # a city stands unless the article never names its province and the one it names has a
        # town of that name too ("Bijapur" in a report on Chhattisgarh, not Karnataka's Vijayapura)
        own_named = any(normalise(p.name) == normalise(location.admin1) for p in provinces)
        if population >= _STANDS_ALONE and own_named:
            return location
        name = location.text or location.name
        # the name itself (or a name GeoNames gives the town), never a near spelling
        within = (province.country or "", province.admin1_code)
        found = self._pick(name, [province.country or ""], want=None, within=within, exact=True)
        if found is None or found.kind != "city":
            return location
        if population >= _STANDS_ALONE and found.population < _A_TOWN:
            return location
        return self._coded(found, location.precision, name)

    def knows_exactly(self, name: str, countries: Sequence[str] = ()) -> bool:
        """Whether the gazetteer holds `name` itself, not only a near spelling ("Hasina" is no Hassan)."""
        return self._pick(name, countries, want=None, within=None, exact=True) is not None

    def _pick(
        self,
        name: str,
        countries: Sequence[str],
        want: str | None,
        within: tuple[str, str | None] | None,
        exact: bool,
    ) -> Place | None:
        """The best acceptable candidate for a name, or None (see the stoplist and thresholds)."""
        bare = place_phrases.strip_direction(name) or name
        if bare in self._data.body_initials:
            return None  # "UN peacekeepers": the United Nations, not the Cambodian village of Un
        if bare.casefold() in self._data.group_names:
            return None  # "Fano militia", "Shene killed them": an armed group, not Fano in Italy
        if normalise(name) in self._data.world_regions:
            return None  # "shipping in the Middle East": larger than any country, no event's place
        if bare.casefold() in self._data.demonyms:
            return None  # "the southern Gazan border city": a people's adjective, not Jizan
        if not place_phrases.is_proper_name(bare) or normalise(bare) in self._data.never_alone:
            return None
        # "SNA", "DRG": a unit's initials, not Sanaa or Durg (a town's name in capitals, "GAZA",
        # "JENIN", is longer)
        initials = _ACRONYM.match(bare) is not None and len(bare) <= 3
        exact = exact or initials
        stopped = normalise(name) in self._data.stoplist
        candidates = self._ranked(name, countries)
        if want is not None:  # prefer the asked-for kind, keep the rest as a fallback
            candidates.sort(key=lambda pq: pq[0].kind != want)
        for place, quality in candidates:
            if exact and quality in (WITHOUT_ARTICLE, FUZZY):
                continue
            if within is not None and not _inside(place, within):
                continue
            if initials and place.kind == "city" and normalise(place.name) != normalise(bare):
                continue
            hinted = place.country in countries
            # "Plateau" alone is a word; "Plateau state" names the Nigerian state
            asked = want == "admin1" and place.kind == "admin1"
            if stopped and not hinted and not asked:
                continue
            if hinted or place.curated or place.kind != "city":
                return place
            if place.population >= self._data.min_population_without_context:
                return place
        return None


def _great_city_first(ranked: list[tuple[Place, int]]) -> list[tuple[Place, int]]:
    """A bare "Damascus" in a report that also names the United States is Syria's capital, not the
    Maryland town: a city of a million or more by that very name goes before a hinted town under
    _NAMESAKE_POPULATION (a hinted city of its own size, Hyderabad in Pakistan, keeps its place)."""
    if not ranked or ranked[0][0].kind != "city" or ranked[0][0].population >= _NAMESAKE_POPULATION:
        return ranked
    great = next(
        (
            pq
            for pq in ranked[1:]
            if pq[0].kind == "city" and pq[1] == PRIMARY and pq[0].population >= _PHYSICAL_NAMESAKE_POPULATION
        ),
        None,
    )
    return ranked if great is None else [great, *(pq for pq in ranked if pq is not great)]


def _names_the_other_part(cleaned: str, place: Place) -> bool:
    """"Lower Dir" found as "Upper Dir": a capitalised Upper or Lower the place found has the other of."""
    opposite = _OPPOSITE_PART.match(cleaned)
    return opposite is not None and _OTHER_PART[opposite["word"]] in place.name.lower().split()


def _called_a_village(text: str, name: str) -> bool:
    """The phrase calls the named place itself a village ("the village of Doha", "Doha village"), not
    a place near it ("villages near Aleppo")."""
    named = re.escape(name)
    return re.search(rf"\b(?:village|hamlet)\s+of\s+{named}\b|\b{named}\s+(?:village|hamlet)\b", text,
                     re.IGNORECASE) is not None


def _inside(place: Place, within: tuple[str, str | None]) -> bool:
    country, code = within
    if place.country != country:
        return False
    return code is None or place.kind == "country" or place.admin1_code == code


# A town this large is the one meant, whatever the story's province (a namesake there is a village).
_STANDS_ALONE = 50_000
_A_TOWN = 10_000  # a namesake that may stand for a city elsewhere must be a town itself


def _admin1_code_of(gazetteer: Gazetteer, location: Location) -> str | None:
    if location.admin1 is None:
        return None
    for place in gazetteer.lookup(location.admin1, [location.country] if location.country else []):
        if place.kind == "admin1" and place.country == location.country:
            return place.admin1_code
    return None


def _location(place: Place, precision: int, text: str) -> Location:
    return Location(
        name=place.name,
        admin1=place.admin1,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        geonames_id=place.geonames_id,
        precision=precision,
        text=text,
    )


def country_iso3(name: str) -> str | None:
    """ISO3 code for a country name or alias ("Syria", "the DRC", "Burma"); None if not a country."""
    return Gazetteer.shared().country_iso3(name)


# "al-Jaba'a", "el-Geneina": an Arabic name written with its article in lower case is still a name
_ARTICLE = re.compile(rf"^{place_phrases.ARABIC_ARTICLE}(?=[A-Z])")


def _capitalised(name: str) -> bool:
    return _ARTICLE.sub("", name)[:1].isupper()
