"""The situation report over HTTP: `GET /api/report` (Markdown, HTML or PDF) and the dashboard's
`GET /report` page, which the overview's "Situation report" form opens. Both build the same report
as `sitrep report`; the page links its stylesheet, since the server's policy forbids inline styles.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, Response

from sitrep.errors import ConfigError
from sitrep.serve.api import ERRORS
from sitrep.serve.services import Services

router = APIRouter()
CSS_PATH = "/report/report.css"
MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "pdf": "application/pdf"}

Country = Annotated[str, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 country of the report")]
Day = Annotated[str, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra={"format": "date"})]
Admin1 = Annotated[str | None, Query(max_length=200, description="Only this province or state")]


def _day(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{name} is not a day of the calendar") from None


def _answer(request: Request, country: str, since: str, until: str, admin1: str | None, format: str,
            css_href: str | None) -> Response:  # fmt: skip
    from sitrep import report as reports
    from sitrep.report.render import to_html

    services: Services = request.app.state.services
    built = reports.build(services.sitrep, country, _day(since, "since"), _day(until, "until"), admin1)
    if format == "html":
        body: str | bytes = to_html(built, css_href=css_href)
    else:
        body = reports.render(built, format)
    headers = {}
    if format != "html":
        stem = f"sitrep-{built.country}-{built.since.isoformat()}-{built.until.isoformat()}"
        headers["Content-Disposition"] = f'attachment; filename="{stem}.{format}"'
    return Response(body, media_type=MEDIA[format], headers=headers)


@router.get("/api/report", tags=["api"], summary="A situation report (Markdown, HTML or PDF)",
            response_class=Response,
            responses={**ERRORS, 200: {"content": {m: {} for m in MEDIA.values()}}})  # fmt: skip
def api_report(
    request: Request,
    country: Country,
    since: Day,
    until: Day,
    admin1: Admin1 = None,
    format: Annotated[Literal["md", "html", "pdf"], Query()] = "html",
) -> Response:
    """The report `sitrep report` writes: key incidents, fatalities per day, a map, threats, demands
    and agreements, relations, the outlets' record; every figure footnoted to its claims."""
    return _answer(request, country, since, until, admin1, format, None)


@router.get("/report", include_in_schema=False)
def report_page(
    request: Request,
    country: Country,
    since: Day,
    until: Day,
    admin1: Admin1 = None,
    format: Annotated[Literal["md", "html", "pdf"], Query()] = "html",
) -> Response:
    return _answer(request, country, since, until, admin1 or None, format, CSS_PATH)


@router.get(CSS_PATH, include_in_schema=False)
def report_css() -> FileResponse:
    from sitrep.report.render import STYLESHEET

    return FileResponse(STYLESHEET, media_type="text/css")
