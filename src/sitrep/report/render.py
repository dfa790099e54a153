"""A gathered Report as Markdown, HTML (one self-contained file: images inline, no link out, so it
works offline) or PDF (the HTML laid out by WeasyPrint, with the Debian fonts the setup installs).

Templates autoescape HTML; the Markdown template escapes Markdown's own characters in every value,
so a quote can neither break a table nor inject markup.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from sitrep.report.charts import fatalities_chart, incident_map
from sitrep.report.gather import Report

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = TEMPLATES / "report.css"
FORMATS = ("md", "html", "pdf")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _markdown_value(value: Any) -> Any:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value) if isinstance(value, str) else value


def _environment(markdown: bool) -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=not markdown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_markdown_value if markdown else None,
        keep_trailing_newline=True,
    )


def images(report: Report) -> dict[str, bytes]:
    """The chart and the map as PNG bytes."""
    return {"chart": fatalities_chart(report), "map": incident_map(report)}


def _context(report: Report, sources: dict[str, str]) -> dict[str, Any]:
    total_notes = [n for day in report.fatalities for n in day.notes]
    new_relations = sum(1 for c in report.relations if c.change == "new")
    return {"r": report, "images": sources, "total_notes": total_notes, "new_relations": new_relations}


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def to_html(report: Report, pictures: dict[str, bytes] | None = None, css_href: str | None = None) -> str:
    """One HTML file; its style inline, or linked from `css_href` (a server whose policy forbids
    inline styles serves STYLESHEET at that address)."""
    pictures = pictures or images(report)
    sources = {name: data_uri(png) for name, png in pictures.items()}
    css = "" if css_href else STYLESHEET.read_text(encoding="utf-8")
    template = _environment(markdown=False).get_template("report.html")
    return template.render(**_context(report, sources), css=css, css_href=css_href)


def to_markdown(report: Report, image_links: dict[str, str] | None = None) -> str:
    """Markdown; images are `image_links` (file names written beside it) or inline data URIs."""
    sources = image_links or {name: data_uri(png) for name, png in images(report).items()}
    return _environment(markdown=True).get_template("report.md").render(**_context(report, sources))


def to_pdf(report: Report, pictures: dict[str, bytes] | None = None) -> bytes:
    from weasyprint import HTML

    html = to_html(report, pictures)
    pdf: bytes = HTML(string=html, base_url=str(TEMPLATES)).write_pdf()
    return pdf


def write(report: Report, format: str, target: Path) -> list[Path]:
    """Write the report to `target`; Markdown's images go beside it (NAME-chart.png, NAME-map.png).
    Returns every file written."""
    pictures = images(report)
    if format == "md":
        written = []
        links = {}
        for name, png in pictures.items():
            path = target.with_name(f"{target.stem}-{name}.png")
            path.write_bytes(png)
            links[name] = path.name
            written.append(path)
        target.write_text(to_markdown(report, links), encoding="utf-8")
        return [target, *written]
    if format == "html":
        target.write_text(to_html(report, pictures), encoding="utf-8")
    else:
        target.write_bytes(to_pdf(report, pictures))
    return [target]
