"""Country outlines for the report's map, read from the world-atlas TopoJSON the setup installs
(scripts/install-assets.sh copies it into serve/static/vendor/): no tiles, nothing fetched.

TopoJSON stores shared borders once as delta-encoded arcs; a polygon ring is a list of arc indexes
(a negative index ~i is arc i reversed). decode() turns them back into rings of (lon, lat).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

VENDOR = Path(__file__).resolve().parent.parent / "serve" / "static" / "vendor"
# The finest outline first: 1:50m where the setup installed it, else the dashboard's 1:110m.
ATLASES = ("countries-50m.json", "countries-110m.json")

Ring = list[tuple[float, float]]


def atlas_path() -> Path | None:
    return next((VENDOR / name for name in ATLASES if (VENDOR / name).is_file()), None)


def _arcs(topology: dict[str, Any]) -> list[Ring]:
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
            arcs.append(points)
        else:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
    return arcs


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(points[1:] if ring else points)
    return ring


@lru_cache(maxsize=2)
def decode(path: Path) -> dict[str, tuple[str, list[Ring]]]:
    """ISO 3166 numeric id ("760") -> (name, outer and inner rings) for every country of the atlas."""
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    countries: dict[str, tuple[str, list[Ring]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        key = str(geometry.get("id") or geometry.get("properties", {}).get("name"))
        countries[key] = (geometry.get("properties", {}).get("name", key), rings)
    return countries


def outlines() -> dict[str, tuple[str, list[Ring]]]:
    path = atlas_path()
    return decode(path) if path else {}
