"""The hand-written place data: admin1 names (data/admin1.toml) and the supplement of conflict
places, regions, country aliases and the false-hit stoplist (data/places_supplement.toml).

Kept out of the compiled index on purpose: these files are small (parsed in milliseconds) and are
edited often, so an edit takes effect without rebuilding the GeoNames index.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

PlaceKind = Literal["city", "admin1", "country", "region"]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a populated place, an admin1 unit, a country or a named region."""

    name: str
    admin1: str | None  # the admin1 unit's English name
    country: str | None  # ISO3; None for regions spanning countries ("Sahel")
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    kind: PlaceKind
    admin1_code: str | None = None  # GeoNames admin1 code
    precision: int = 1  # ACLED geo precision when the phrase names just this place
    curated: bool = False  # from the supplement: known conflict places, trusted at any size
    town: str | None = None  # a camp or neighbourhood: the town it is coded to ("Abu Shouk" -> El Fasher)


@dataclass(frozen=True, slots=True)
class Admin1:
    code: str
    name: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    capital: str
    capital_id: int
    primary_aliases: tuple[str, ...] = ()  # names ranked like `name` itself


@dataclass(slots=True)
class PlaceData:
    """Everything read from the two TOML files, keyed for the gazetteer."""

    admin1: dict[tuple[str, str], Admin1] = field(default_factory=dict)  # (ISO2, code) -> unit
    places: list[tuple[Place, tuple[str, ...]]] = field(default_factory=list)  # place, its names
    aliases: dict[int, tuple[str, ...]] = field(default_factory=dict)  # GeoNames id -> extra names
    country_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ISO3 -> names
    stoplist: frozenset[str] = frozenset()
    never_alone: frozenset[str] = frozenset()  # feature words that name no place by themselves
    body_initials: frozenset[str] = frozenset()  # "UN", "NATO": a body's initials, never a place
    # one-word names of armed groups ("Fano", "Shene", "JeM"; data/actors/groups.toml): never a place
    group_names: frozenset[str] = frozenset()
    world_regions: frozenset[str] = frozenset()  # "Middle East", "West Africa": larger than any country
    name_features: frozenset[str] = frozenset()  # words after a place's name that name a part of it
    venues: dict[str, dict[str, Any]] = field(default_factory=dict)  # dateline name -> [[venue]] entry
    demonyms: dict[str, str] = field(default_factory=dict)  # "ukrainian" -> UKR (data/actors/countries.toml)
    min_population_without_context: int = 15_000


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("sitrep.data").joinpath(name).read_text(encoding="utf-8"))


def load_place_data(iso3_to_iso2: dict[str, str]) -> PlaceData:
    data = PlaceData()
    for iso2, table in _read("admin1.toml").items():
        if not isinstance(table, dict):
            continue
        for unit in table["units"]:
            data.admin1[(iso2, unit["code"])] = Admin1(
                unit["code"], unit["name"], tuple(unit.get("aliases", ())), unit["lat"], unit["lon"],
                unit["capital"], unit["capital_id"], tuple(unit.get("primary_aliases", ())),
            )
    supplement = _read("places_supplement.toml")
    data.min_population_without_context = supplement["thresholds"]["min_population_without_context"]
    data.stoplist = frozenset(supplement["stoplist"]["names"])
    data.never_alone = frozenset(supplement["stoplist"].get("never_alone", ()))
    data.world_regions = frozenset(supplement["stoplist"].get("world_regions", ()))
    data.body_initials = frozenset(supplement["stoplist"].get("body_initials", ()))
    data.name_features = frozenset(supplement["stoplist"].get("name_features", ()))
    for entry in supplement.get("venue", []):
        for dateline in entry["datelines"]:
            data.venues[dateline.casefold()] = entry
    data.country_aliases = {iso3: tuple(names) for iso3, names in supplement["country_aliases"].items()}
    countries = tomllib.loads(
        resources.files("sitrep.data").joinpath("actors").joinpath("countries.toml").read_text(encoding="utf-8")
    )
    groups = tomllib.loads(
        resources.files("sitrep.data").joinpath("actors").joinpath("groups.toml").read_text(encoding="utf-8")
    )
    aliases = [a for g in groups.get("group", []) for a in (g["name"], *g.get("aliases", ())) if " " not in a]
    # a group's initials in capitals ("OLA", "BLA", "BRN") are never a place, as a body's are not
    data.body_initials |= {a for a in aliases if re.fullmatch(r"[A-Z]{2,6}", a)}
    data.group_names = frozenset(a.casefold() for a in aliases if not re.fullmatch(r"[A-Z]{2,6}", a))
    for country in countries.get("country", []):
        for demonym in country.get("demonyms", ()):
            data.demonyms.setdefault(demonym.casefold(), country["iso3"])
    for entry in supplement.get("alias", []):
        data.aliases[entry["geonames_id"]] = tuple(entry["names"])
    for entry in supplement.get("place", []):
        iso3: str | None = entry.get("country")
        place_iso2 = iso3_to_iso2.get(iso3) if iso3 else None
        code: str | None = entry.get("admin1")
        unit = data.admin1.get((place_iso2, code)) if place_iso2 and code else None
        kind: PlaceKind = "region" if entry["kind"] == "region" else "city"
        place = Place(
            name=entry["name"],
            admin1=unit.name if unit else None,
            country=iso3,
            lat=entry["lat"],
            lon=entry["lon"],
            geonames_id=entry.get("geonames_id"),
            population=entry.get("population", 0),
            kind=kind,
            admin1_code=code,
            precision=entry.get("precision", 1),
            curated=True,
            town=entry.get("town"),
        )
        data.places.append((place, (entry["name"], *entry.get("aliases", ()))))
    return data
