"""The dashboard: server-rendered pages over the same services as the API, with a little JavaScript
(static/*.js) for the chart, the map and the network graph, which fetch their data from /api.

Templates autoescape everything; no untrusted value is ever marked safe. The article page gets its
text already cut into segments (highlight.py), so the template only escapes pieces and wraps them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from sitrep.serve.queries import INCIDENT_SORTS, STATUSES
from sitrep.serve.services import FIGURES, NotFound, Services

TEMPLATES = Path(__file__).parent / "templates"
VENDOR = Path(__file__).parent / "static" / "vendor"
PAGE_SIZE = 50

environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)



def path_part(value: object) -> str:
    """A value as one segment of a link's path: "/" encoded too, so an id "Reuters/AFP" stays one
    segment and "../incidents" cannot climb to another page. (An id of dots alone would still be a
    dot segment: ingest refuses those.)"""
    return quote(str(value), safe="")


environment.filters["pathpart"] = path_part
router = APIRouter(include_in_schema=False)

# Filter values arrive from a form: an empty field means "no filter", never an invalid value.
Text = Annotated[str | None, Query(max_length=200)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def _svc(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = environment.get_template(template).render(
        request_path=request.url.path, assets_missing=not VENDOR.is_dir(), **context
    )
    return HTMLResponse(html, status_code=status_code)


async def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code=status, title="Error", message=message)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _filters(**given: str | None) -> dict[str, str | None]:
    """A page's filter fields, blank ones as None, in the order given (the page links keep it)."""
    return {name: _clean(value) for name, value in given.items()}


def _page_links(path: str, params: dict[str, Any], offset: int, total: int) -> dict[str, str | None]:
    kept = {k: v for k, v in params.items() if v}

    def link(new_offset: int) -> str:
        return f"{path}?{urlencode({**kept, 'offset': new_offset})}"

    return {
        "previous": link(max(0, offset - PAGE_SIZE)) if offset > 0 else None,
        "next": link(offset + PAGE_SIZE) if offset + PAGE_SIZE < total else None,
    }


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    stats = _svc(request).stats()
    return render(
        request, "overview.html", title="Overview", stats=stats, tile_url=request.app.state.tile_url or ""
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    country: Text = None,
    actor: Text = None,
    plover: Text = None,
    since: Text = None,
    until: Text = None,
    offset: Offset = 0,
) -> HTMLResponse:
    filters = _filters(country=country, actor=actor, plover=plover, since=since, until=until)
    page = _svc(request).events(limit=PAGE_SIZE, offset=offset, **filters)
    return render(
        request,
        "events.html",
        title="Events",
        page=page,
        filters=filters,
        links=_page_links("/events", filters, offset, page["total"]),
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, offset: Offset = 0) -> HTMLResponse:
    page = _svc(request).articles(limit=PAGE_SIZE, offset=offset)
    return render(
        request,
        "articles.html",
        title="Articles",
        page=page,
        links=_page_links("/articles", {}, offset, page["total"]),
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, event: Text = None) -> HTMLResponse:
    try:
        record, events, pieces = _svc(request).article(article_id)
    except NotFound:
        return render(request, "error.html", status_code=404, title="Not found", message="No such article.")
    return render(
        request,
        "article.html",
        title=record["title"] or record["id"],
        article=record,
        events=events,
        segments=pieces,
        focus=event,
    )


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    return render(request, "docs.html", title="API")


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(
    request: Request,
    country: Text = None,
    actor: Text = None,
    plover: Text = None,
    status: Text = None,
    since: Text = None,
    until: Text = None,
    q: Text = None,
    sort: Text = None,
    offset: Offset = 0,
) -> HTMLResponse:
    filters = _filters(
        country=country, actor=actor, plover=plover, status=status, since=since, until=until, q=q
    )
    if filters["status"] not in (None, *STATUSES):
        filters["status"] = None
    chosen = sort if sort in INCIDENT_SORTS else "date"
    page = _svc(request).incidents(limit=PAGE_SIZE, offset=offset, sort=chosen, **filters)
    return render(
        request,
        "incidents.html",
        title="Incidents",
        page=page,
        filters=filters,
        sort=chosen,
        sorts=list(INCIDENT_SORTS),
        statuses=STATUSES,
        links=_page_links("/incidents", {**filters, "sort": chosen}, offset, page["total"]),
    )


@router.get("/incidents/{incident_id:path}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: str) -> HTMLResponse:
    try:
        incident = _svc(request).incident(incident_id)
    except NotFound:
        return render(request, "error.html", status_code=404, title="Not found", message="No such incident.")
    return render(
        request,
        "incident.html",
        title=f"Incident {incident_id}",
        incident=incident,
        figures=[name for name in FIGURES if incident.get(name)],
        other_fields=[
            name for name in ("actors", "place", "date") if (incident.get("fields") or {}).get(name)
        ],
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    graph = _svc(request).network()
    return render(request, "network.html", title="Actor network", graph=graph)


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request) -> HTMLResponse:
    return render(request, "outlets.html", title="Outlets", outlets=_svc(request).outlets())


@router.get("/outlets/{outlet:path}", response_class=HTMLResponse)
def outlet_page(request: Request, outlet: str, status: Text = None) -> HTMLResponse:
    chosen = status if status in STATUSES else None
    record = next((o for o in _svc(request).outlets() if o["outlet"] == outlet), None)
    if record is None:
        return render(request, "error.html", status_code=404, title="Not found", message="No such outlet.")
    claims = _svc(request).outlet_claims(outlet, chosen)
    return render(request, "outlet.html", title=outlet, outlet=record, claims=claims, status=chosen)
