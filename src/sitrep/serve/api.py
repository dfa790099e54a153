"""The JSON HTTP API under /api: the same services the CLI and the dashboard use, described by
OpenAPI (served at /openapi.json, browsable at /docs).

Reads are open; `POST /api/articles` stores data and needs `Authorization: Bearer <token>` with the
token from the settings (SITREP_TOKEN or `sitrep serve --token`); with no token configured every
write is refused. Errors are JSON `{"detail": ..., "code": ...}` with the error's stable code.
"""

from __future__ import annotations

import hmac
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator

from sitrep.app import Analysis
from sitrep.models import CleanArticle
from sitrep.serve.queries import INCIDENT_SORTS, MAX_MAP_POINTS
from sitrep.serve.services import MAX_PAGE, Services


class ErrorOut(BaseModel):
    """Every error answer: a message (or, for invalid requests, the list of problems) and a code."""

    detail: Any
    code: str | None = None


# Answers any operation may give besides its success, documented once for the whole API.
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "an option has an unusable value (e.g. an impossible date)"},
    404: {"model": ErrorOut, "description": "no such id"},
    422: {"model": ErrorOut, "description": "the request or the input text cannot be used"},
    503: {"model": ErrorOut, "description": "the database cannot be read or written"},
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

# Filters share their shapes with `sitrep events`: ISO3 country, PLOVER type, YYYY-MM[-DD] dates.
Country = Annotated[
    str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 country of an actor or the place")
]
Actor = Annotated[str | None, Query(min_length=1, max_length=200, description="Part of an actor's name")]
Plover = Annotated[
    str | None, Query(pattern=r"^[A-Za-z]{3,12}$", description="PLOVER event type, e.g. ASSAULT")
]
# Dates are strings with a pattern (not pydantic dates, which would read "0" as 1970-01-01); an
# impossible day such as 2021-02-31 is refused with 400 by the store's own date check.
DAY = {"pattern": r"^\d{4}-\d{2}-\d{2}$", "json_schema_extra": {"format": "date"}}
Since = Annotated[str | None, Query(description="First day, YYYY-MM-DD", **DAY)]
Until = Annotated[str | None, Query(description="Last day, YYYY-MM-DD", **DAY)]
Status = Annotated[str | None, Query(pattern=r"^(corroborated|single-source|contested)$")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class ArticleIn(BaseModel):
    """An article as text or HTML; `id` defaults to the hash of the cleaned text."""

    text: str = Field(min_length=1, max_length=20_000_000, description="Plain text or HTML")
    kind: Literal["text", "html"] = "text"
    id: str | None = Field(default=None, min_length=1, max_length=200, pattern=r"^[^\x00-\x1f]+$")
    published: date | None = None
    outlet: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)

    @field_validator("text", "id", "outlet", "url")
    @classmethod
    def _unicode_text(cls, value: str | None) -> str | None:
        """JSON's \\u escapes can spell a lone surrogate or NUL, which no page, store or encoder takes."""
        if value is not None:
            if "\x00" in value:
                raise ValueError("holds a NUL character")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("holds an unpaired \\u surrogate escape, not Unicode text") from None
        return value


class AnalyzeOut(BaseModel):
    article: dict[str, Any] | None
    events: list[dict[str, Any]]
    rejected: str | None = None
    not_analysed: str | None = Field(
        default=None, description="Why a cleaned article has no events: a language other than English"
    )


class IngestOut(BaseModel):
    id: str | None
    status: Literal["ingested", "updated", "unchanged", "rejected"]
    events: int
    reason: str | None = None


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


ServicesDep = Annotated[Services, Depends(services)]


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writes need the configured bearer token; without one configured, writes are refused."""
    expected = request.app.state.services.sitrep.settings.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the server with --token or SITREP_TOKEN set")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


@router.get("/events", response_model=Page, summary="Stored events, filtered, in date order")
def list_events(
    svc: ServicesDep,
    country: Country = None,
    actor: Actor = None,
    plover: Plover = None,
    since: Since = None,
    until: Until = None,
    article_id: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    return svc.events(
        limit=limit,
        offset=offset,
        country=country,
        actor=actor,
        plover=plover,
        since=since,
        until=until,
        article_id=article_id,
    )


@router.get("/articles", response_model=Page, summary="Article summaries, newest first")
def list_articles(svc: ServicesDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return svc.articles(limit=limit, offset=offset)


@router.get("/articles/{article_id:path}", summary="Cleaned text, evidence spans and removed boilerplate")
def get_article(svc: ServicesDep, article_id: str) -> dict[str, Any]:
    return svc.article_json(article_id)


@router.get("/stats", summary="Counts by type and status, events per day by type")
def get_stats(svc: ServicesDep, since: Since = None, until: Until = None) -> dict[str, Any]:
    return svc.stats(since, until)


@router.get("/map", summary="GeoJSON points of located incidents in the window, newest first")
def get_map(
    svc: ServicesDep,
    since: Since = None,
    until: Until = None,
    country: Country = None,
    plover: Plover = None,
    status: Status = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = MAX_MAP_POINTS,
) -> JSONResponse:
    # Thousands of plain features: serialised directly, not walked by FastAPI's generic encoder.
    found = svc.map_data(since=since, until=until, country=country, plover=plover, status=status, limit=limit)
    return JSONResponse(found)


@router.get("/incidents", response_model=Page, summary="Incidents, filtered and sorted")
def list_incidents(
    svc: ServicesDep,
    country: Country = None,
    actor: Actor = None,
    plover: Plover = None,
    since: Since = None,
    until: Until = None,
    status: Status = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Words to find in place, actors, type")
    ] = None,
    sort: Annotated[Literal[tuple(INCIDENT_SORTS)], Query()] = "date",  # type: ignore[valid-type]
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    return svc.incidents(
        limit=limit,
        offset=offset,
        sort=sort,
        country=country,
        actor=actor,
        plover=plover,
        since=since,
        until=until,
        status=status,
        q=q,
    )


@router.get(
    "/incidents/{incident_id:path}", summary="One incident: claims by source per field, status, figures"
)
def get_incident(svc: ServicesDep, incident_id: str) -> dict[str, Any]:
    return svc.incident(incident_id)


@router.get("/actors", summary="Actors with their event and incident counts")
def list_actors(svc: ServicesDep) -> list[dict[str, Any]]:
    return svc.actors()


@router.get(
    "/network", summary="Actor network: backers and adversaries, edges weighted by independent sources"
)
def get_network(svc: ServicesDep) -> dict[str, Any]:
    return svc.network()


@router.get("/outlets", summary="Each outlet's measured track record")
def list_outlets(svc: ServicesDep) -> list[dict[str, Any]]:
    return svc.outlets()


@router.post(
    "/analyze",
    response_model=AnalyzeOut,
    summary="Text in, events out; nothing stored",
    responses={503: {"model": ErrorOut, "description": "too many analyses waiting: retry after a while"}},
)
async def analyze(svc: ServicesDep, body: ArticleIn) -> dict[str, Any]:
    analysis = await svc.in_pipeline(
        svc.analyze, body.text, kind=body.kind, published=body.published, outlet=body.outlet, url=body.url
    )
    return {
        "article": _accepted(analysis).to_dict(),
        "events": [e.to_dict() for e in analysis.events],
        "not_analysed": analysis.not_analysed,
    }


@router.post(
    "/articles",
    response_model=IngestOut,
    status_code=201,
    dependencies=[Depends(require_token)],
    summary="Ingest one article (bearer token required)",
    responses={401: {"description": "missing or wrong token"}, 403: {"description": "writes disabled"}},
)
async def ingest_article(svc: ServicesDep, body: ArticleIn) -> dict[str, Any]:
    status, analysis = await svc.in_pipeline(
        svc.ingest,
        body.text,
        article_id=body.id,
        kind=body.kind,
        published=body.published,
        outlet=body.outlet,
        url=body.url,
    )
    return {
        "id": _accepted(analysis).id,
        "status": status,
        "events": len(analysis.events),
        "reason": analysis.not_analysed,
    }


def _accepted(analysis: Analysis) -> CleanArticle:
    """The cleaned article of an analysis, or a 422 answer giving the reason the input was refused."""
    if analysis.rejected is not None:
        raise HTTPException(422, analysis.rejected.reason)
    assert analysis.clean is not None
    return analysis.clean
