"""`sitrep serve`: the JSON API and the web dashboard over the same services the CLI uses.

    from sitrep.serve import create_app, serve_command
    app = create_app(Sitrep(settings))     # an ASGI app: tests drive it in-process or under uvicorn
    serve_command(host="127.0.0.1", port=8000, db="sqlite:///sitrep.db", token=None)

Modules: server.py (the app, security headers, error mapping), api.py (/api routes), pages.py and
templates/ (the dashboard), services.py (what both ask of Sitrep), highlight.py (evidence
segments), queries.py (dashboard aggregates), static/ (own JS/CSS; vendor/ filled by
scripts/install-assets.sh).
"""

from __future__ import annotations

from collections.abc import Callable

from sitrep.serve.server import create_app

__all__ = ["create_app", "serve_command"]


def serve_command(
    host: str | None = None,
    port: int | None = None,
    db: str | None = None,
    token: str | None = None,
    tile_url: str | None = None,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the dashboard and API until interrupted; binds 127.0.0.1 unless `host` says otherwise.

    Options left None fall back to SITREP_* variables, then the settings' defaults. The store is
    opened (and migrated) before the server starts, so a bad --db fails at once with one line.
    `announce` receives the URL to print once the address is known.
    """
    import uvicorn

    from sitrep.app import Sitrep
    from sitrep.settings import Settings

    settings = Settings.from_env(host=host, port=port, db_url=db, token=token)
    sitrep = Sitrep(settings)
    sitrep.store  # noqa: B018 - open and migrate now: errors before binding, not on the first request
    app = create_app(sitrep, tile_url=tile_url or getattr(settings, "tile_url", None))
    shown = f"[{settings.host}]" if ":" in settings.host else settings.host
    if announce is not None:
        announce(f"Sitrep dashboard: http://{shown}:{settings.port}/  (API docs at /docs)")
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False)
