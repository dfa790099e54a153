"""What every request passes before any route sees it, and what every answer carries.

`RequestGuard` is plain ASGI middleware around the whole application:

- a body larger than Settings.max_request_bytes is refused with 413, from its Content-Length before
  a byte is read, or as soon as a chunked body passes the limit, so a huge unauthenticated POST is
  never parsed (and never echoed);
- a NUL character anywhere in the address (path or query, percent-encoded or not) is refused with
  400: SQLite would cut the value short and PostgreSQL refuse it;
- every answer, whatever route, handler or error made it, gets the security headers.

Starlette answers an unhandled exception from ServerErrorMiddleware, outside any middleware added
with `add_middleware`; `internal_error` is the handler for that case and sets the headers itself.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("sitrep.serve")


def security_headers(policy: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    }


class RequestGuard:
    def __init__(self, app: ASGIApp, policy: str, max_body: int) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in security_headers(policy).items()]
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = refused = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 is out; whatever the app makes of the cut body is dropped
            if message["type"] == "http.response.start":
                started = True
                names = {name for name, _ in self.headers}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] = kept + self.headers
            await send(message)

        if _has_nul(scope):
            await self._refuse(scope, send_with_headers, 400, "the address holds a NUL character", "E400")
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await self._refuse(scope, send_with_headers, 413, self._too_large(), "E413")
            return
        received = 0

        async def receive_limited() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body and not started:
                    # Answer now and tell the app the client left: it stops reading and parsing.
                    await self._refuse(scope, send_with_headers, 413, self._too_large(), "E413")
                    refused = True
                    return {"type": "http.disconnect"}
            return message

        try:
            await self.app(scope, receive_limited, send_with_headers)
        except Exception:
            if not refused:
                raise

    def _too_large(self) -> str:
        return f"the request body is over {self.max_body:,} bytes"

    async def _refuse(self, scope: Scope, send: Send, status: int, message: str, code: str) -> None:
        if scope.get("path", "").startswith("/api/") or scope.get("path") == "/openapi.json":
            body = json.dumps({"detail": message, "code": code}).encode()
            content_type = b"application/json"
        else:
            body = f"<!doctype html><title>Error</title><p>{message}.</p>".encode()
            content_type = b"text/html; charset=utf-8"
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _has_nul(scope: Scope) -> bool:
    raw_path = scope.get("raw_path") or b""
    query = scope.get("query_string") or b""
    return (
        "\x00" in scope.get("path", "")
        or b"\x00" in raw_path
        or b"%00" in raw_path.lower()
        or b"%00" in query.lower()
        or b"\x00" in query
    )


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def internal_error(policy: str) -> Callable[[Request, Exception], Awaitable[Response]]:
    """The answer to an unexpected exception: 500, one sentence, the security headers, no details
    (they go to the server log)."""

    async def handler(request: Request, error: Exception) -> Response:
        log.error("unexpected error answering %s %s", request.method, request.url.path, exc_info=error)
        return JSONResponse(
            {"detail": "internal error: the server log has the details", "code": "E500"},
            status_code=500,
            headers=security_headers(policy),
        )

    return handler
