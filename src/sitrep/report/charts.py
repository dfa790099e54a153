"""The report's two images, drawn with matplotlib (Agg, no display): fatalities per day by event
type, and a map of the key incidents on the shipped country outlines. PNG bytes out."""

from __future__ import annotations

import io
import math
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sitrep.export.codebook import countries
from sitrep.report.outlines import outlines

if TYPE_CHECKING:
    from sitrep.report.gather import KeyIncident, Report

# One colour per ACLED event type, the same in every report (colour-blind safe palette).
COLOURS = {
    "Battles": "#d55e00", "Explosions/Remote violence": "#e69f00", "Violence against civilians": "#cc79a7",
    "Riots": "#0072b2", "Protests": "#56b4e9", "Strategic developments": "#009e73",
}  # fmt: skip
OTHER_COLOUR = "#999999"
MAP_MARGIN_DEG = 1.0


def _png(figure: object) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight")  # type: ignore[attr-defined]
    return buffer.getvalue()


def fatalities_chart(report: Report) -> bytes:
    """Stacked bars: conservative fatalities per day, one colour per event type, over the whole window."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    days = [report.since + timedelta(days=n) for n in range((report.until - report.since).days + 1)]
    kinds = sorted({d.kind for d in report.fatalities}, key=lambda k: (k not in COLOURS, k))
    figure, axes = plt.subplots(figsize=(7.5, 2.8))
    bottom = [0] * len(days)
    index = {day: n for n, day in enumerate(days)}
    for kind in kinds:
        heights = [0] * len(days)
        for count in report.fatalities:
            when = date.fromisoformat(count.day)
            if count.kind == kind and when in index:
                heights[index[when]] += count.killed
        axes.bar(days, heights,  # type: ignore[arg-type]
                bottom=bottom, color=COLOURS.get(kind, OTHER_COLOUR), label=kind, width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_ylabel("fatalities (conservative)")
    axes.set_title("Fatalities per day by event type", fontsize=10)
    if kinds:
        axes.legend(fontsize=7, frameon=False, loc="upper left")
    else:
        axes.text(0.5, 0.5, "no fatalities reported in the window", ha="center", va="center",
                  transform=axes.transAxes, fontsize=9, color="#555555")  # fmt: skip
    axes.spines[["top", "right"]].set_visible(False)
    locator = mdates.AutoDateLocator(maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    data = _png(figure)
    plt.close(figure)
    return data


def _bounds(report: Report, points: list[KeyIncident]) -> tuple[float, float, float, float]:
    country = countries().get(report.country)
    shapes = outlines()
    rings = shapes.get(f"{country.numeric:03d}", ("", []))[1] if country else []
    xs = [x for ring in rings for x, _ in ring] + [p.lon for p in points if p.lon is not None]
    ys = [y for ring in rings for _, y in ring] + [p.lat for p in points if p.lat is not None]
    if not xs:
        return (-180.0, 180.0, -60.0, 80.0)
    return (min(xs) - MAP_MARGIN_DEG, max(xs) + MAP_MARGIN_DEG, min(ys) - MAP_MARGIN_DEG,
            max(ys) + MAP_MARGIN_DEG)  # fmt: skip


def incident_map(report: Report) -> bytes:
    """The country (dark outline) among its neighbours, each key incident a numbered dot sized by deaths."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Polygon

    located = [i for i in report.key_incidents if i.lat is not None and i.lon is not None]
    west, east, south, north = _bounds(report, located)
    country = countries().get(report.country)
    own = f"{country.numeric:03d}" if country else ""
    figure, axes = plt.subplots(figsize=(5.5, 4.2))
    for key, (_, rings) in outlines().items():
        mine = key == own
        for ring in rings:
            if len(ring) < 3 or not any(
                west <= x <= east and south <= y <= north for x, y in ring[::5] or ring
            ):
                continue
            axes.add_patch(Polygon(ring, closed=True, facecolor="#f2efe6" if mine else "#e4e4e4",
                                   edgecolor="#333333" if mine else "#aaaaaa", linewidth=1.0 if mine else 0.5,
                                   zorder=2 if mine else 1))  # fmt: skip
    for incident in located:
        size = 30 + 12 * min(incident.killed, 100) ** 0.5 * 6
        colour = COLOURS.get(incident.kind, OTHER_COLOUR)
        axes.scatter([incident.lon or 0.0], [incident.lat or 0.0], s=size, color=colour, alpha=0.75,
                     edgecolor="black", linewidth=0.6, zorder=3)  # fmt: skip
        axes.annotate(str(incident.marker), (incident.lon or 0, incident.lat or 0), fontsize=7, ha="center",
                      va="center", zorder=4, fontweight="bold")  # fmt: skip
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(1.0 / max(0.2, math.cos(math.radians((south + north) / 2))))
    axes.set_xticks([])
    axes.set_yticks([])
    title = (
        f"Key incidents, {report.country_name}" if located else f"{report.country_name}: no located incidents"
    )
    axes.set_title(title, fontsize=10)
    data = _png(figure)
    plt.close(figure)
    return data
