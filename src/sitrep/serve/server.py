"""The web application: the JSON API, the dashboard pages and their static assets, in one ASGI app.

Every response carries a strict Content-Security-Policy: scripts and styles only from this server
(no inline script, no eval), no plugins, no framing. Article text is untrusted; even if a page
escaped something wrongly, the browser would refuse to run it. The optional tile server named in
the settings is the one outside origin images may come from.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from sitrep.app import Sitrep
from sitrep.errors import ConfigError, InputError, SitrepError, StoreError
from sitrep.serve import api, pages
from sitrep.serve.services import NotFound, Services

STATIC = Path(__file__).parent / "static"


def content_security_policy(tile_url: str | None = None) -> str:
    images = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "a"))
        if parts.scheme in ("https", "http") and parts.hostname:
            host = parts.hostname.replace("a.", "*.", 1) if "{s}" in tile_url else parts.hostname
            images += f" {parts.scheme}://{host}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {images}; connect-src 'self'; font-src 'self'; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )


def _error(status: int, error: SitrepError) -> JSONResponse:
    return JSONResponse({"detail": error.message, "code": error.code}, status_code=status)


def create_app(sitrep: Sitrep, tile_url: str | None = None) -> FastAPI:
    """The ASGI app over one Sitrep application object (its settings, store and pipeline)."""
    app = FastAPI(
        title="Sitrep",
        summary="A verified event record from news about armed conflict.",
        version="0.1.0",
        docs_url=None,  # /docs is served by pages.py from the vendored Swagger UI, not a CDN
        redoc_url=None,
    )
    app.state.services = Services(sitrep)
    app.state.tile_url = tile_url
    policy = content_security_policy(tile_url)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(NotFound)
    async def not_found(_request: Request, error: NotFound) -> JSONResponse:
        return _error(404, error)

    @app.exception_handler(ConfigError)
    async def bad_option(_request: Request, error: ConfigError) -> JSONResponse:
        return _error(400, error)

    @app.exception_handler(InputError)
    async def bad_input(_request: Request, error: InputError) -> JSONResponse:
        return _error(422, error)

    @app.exception_handler(StoreError)
    async def store_failed(_request: Request, error: StoreError) -> JSONResponse:
        return _error(503, error)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": _jsonable(error.errors()), "code": "E422"}, status_code=422)
        return await pages.error_page(request, 400, "The address has an invalid value: check the filters.")

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _jsonable(errors: object) -> object:
    """Validation errors with their `ctx` objects (exceptions, patterns) turned into text."""
    if isinstance(errors, list):
        return [_jsonable(item) for item in errors]
    if isinstance(errors, dict):
        return {key: _jsonable(value) for key, value in errors.items()}
    if isinstance(errors, str | int | float | bool) or errors is None:
        return errors
    return str(errors)
