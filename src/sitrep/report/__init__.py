"""`sitrep report`: a situation report for a country (or one of its provinces) and a window of days.

    from sitrep.report import build, render
    report = build(sitrep, "SYR", since=date(2020, 2, 1), until=date(2020, 2, 29))
    html = render(report, "html")        # "md", "html" (str) or "pdf" (bytes)

Modules: gather.py (what the report says, with a footnote per figure), charts.py (matplotlib:
fatalities per day, map), outlines.py (country outlines from the shipped TopoJSON), render.py and
templates/ (Markdown, HTML, PDF via WeasyPrint).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sitrep.errors import ConfigError
from sitrep.report.gather import Report, gather
from sitrep.report.render import FORMATS, to_html, to_markdown, to_pdf, write

if TYPE_CHECKING:
    from sitrep.app import Sitrep

__all__ = ["FORMATS", "Report", "build", "render", "write"]
# The longest window one report covers: a year of days keeps the chart readable and the read bounded.
MAX_DAYS = 366


def build(sitrep: Sitrep, country: str, since: date, until: date, admin1: str | None = None) -> Report:
    from sitrep.export.codebook import countries

    code = country.strip().upper()
    if code not in countries():
        raise ConfigError(f"--country takes an ISO3 country code (SYR, UKR...), not {country!r}")
    if until < since:
        raise ConfigError("--until is before --since")
    if (until - since).days >= MAX_DAYS:
        raise ConfigError(f"a report covers at most {MAX_DAYS} days")
    return gather(sitrep, code, since, until, (admin1 or "").strip() or None)


def render(report: Report, format: str) -> str | bytes:
    if format == "md":
        return to_markdown(report)
    if format == "html":
        return to_html(report)
    if format == "pdf":
        return to_pdf(report)
    raise ConfigError(f"--format takes {', '.join(FORMATS)}, not {format!r}")
