"""How two resolved places relate: the same place, one inside the other, a village kept by name.

    same_place(kharkiv_city, kharkiv_oblast)   # True: the town lies in the province
"""

from __future__ import annotations

import math

from sitrep.models import Location

__all__ = ["distance_km", "is_province", "placed_in", "same_place", "within"]

EARTH_RADIUS_KM = 6371.0


def is_province(location: Location) -> bool:
    """A province the gazetteer knows (precision 3, not a country)."""
    return location.precision == 3 and location.admin1 is not None and location.name == location.admin1


def within(fine: Location, coarse: Location) -> bool:
    """A town or village inside a country or province (precision 3) the sentence names instead."""
    if coarse.precision < 3 or fine.precision > 2 or fine.country != coarse.country:
        return False
    return coarse.admin1 is None or coarse.admin1 == fine.admin1


def placed_in(village: Location, area: Location) -> bool:
    """A village kept by name with no province or point (the text gave none) and the known town or
    area, in its country, that the story is about."""
    return (
        village.geonames_id is None
        and village.lat is None
        and village.precision == 2
        and area.geonames_id is not None
        and area.precision <= 2
        and area.country == village.country
    )


def same_place(a: Location, b: Location) -> bool:
    """The same place, or one inside the other (a town in the scene's province, a district of it,
    a village kept at its point)."""
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if a.lat is not None and (a.lat, a.lon) == (b.lat, b.lon) and None in (a.geonames_id, b.geonames_id):
        return True
    if a.name == b.name and a.country == b.country:
        return True
    coarse, fine = (a, b) if a.precision >= b.precision else (b, a)
    if coarse.precision >= 3 and coarse.country == fine.country:
        return coarse.admin1 is None or coarse.admin1 == fine.admin1
    return False


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
