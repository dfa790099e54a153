"""The web application: the JSON API, the dashboard pages and their static assets, in one ASGI app.

Every response carries a strict Content-Security-Policy: scripts and styles only from this server
(no inline script, no eval), no plugins, no framing. Article text is untrusted; even if a page
escaped something wrongly, the browser would refuse to run it. The optional tile server named in
the settings is the one outside origin images may come from.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from sitrep.app import Sitrep
from sitrep.errors import ConfigError, InputError, StoreError
from sitrep.escaping import storable
from sitrep.serve import api, pages, report_routes
from sitrep.serve.guards import RequestGuard, internal_error
from sitrep.serve.services import Busy, NotFound, Services

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("sitrep.serve")


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


# What a client is told when the database fails: the driver's message names the database user,
# host, port and database, so it goes to the server log only.
STORE_FAILED = "the database cannot be read or written just now; the server log has the details"
# A validation error quotes at most this much of the value it refused.
MAX_ECHO_CHARS = 200


async def _error(request: Request, status: int, message: str, code: str) -> Response:
    """One answer for every error: JSON under /api, an HTML error page for the dashboard."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message, "code": code}, status_code=status)
    return await pages.error_page(request, status, message)


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
    app.add_middleware(
        RequestGuard,
        policy=policy,
        max_body=sitrep.settings.max_request_bytes,
    )
    app.add_exception_handler(Exception, internal_error(policy))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, error: NotFound) -> Response:
        return await _error(request, 404, error.message, error.code)

    @app.exception_handler(ConfigError)
    async def bad_option(request: Request, error: ConfigError) -> Response:
        return await _error(request, 400, error.message, error.code)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, error: InputError) -> Response:
        return await _error(request, 422, error.message, error.code)

    @app.exception_handler(StoreError)
    async def store_failed(request: Request, error: StoreError) -> Response:
        log.error("store error answering %s %s: %s", request.method, request.url.path, error.message)
        return await _error(request, 503, STORE_FAILED, error.code)

    @app.exception_handler(Busy)
    async def busy(request: Request, error: Busy) -> Response:
        answer = await _error(request, 503, error.message, error.code)
        answer.headers["Retry-After"] = str(error.retry_after)
        return answer

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": _problems(error.errors()), "code": "E422"}, status_code=422)
        return await pages.error_page(request, 400, "The address has an invalid value: check the filters.")

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(report_routes.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _problems(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Validation errors as {type, loc, msg}: never the refused input itself (it may be megabytes,
    or hold lone surrogates no JSON encoder writes), and every string escaped and bounded."""
    problems = []
    for error in errors[:20]:
        loc = [part if isinstance(part, int) else _short(str(part)) for part in error.get("loc", ())]
        problems.append({"type": _short(str(error.get("type", ""))), "loc": loc,
                         "msg": _short(str(error.get("msg", "")))})  # fmt: skip
    return problems


def _short(text: str) -> str:
    text = storable(text)
    return text if len(text) <= MAX_ECHO_CHARS else text[: MAX_ECHO_CHARS - 1] + "…"
