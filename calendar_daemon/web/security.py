"""Security basics shared by every route: headers, body size limit, generic errors, token checks.

* :class:`SecurityHeadersMiddleware` adds a restrictive Content-Security-Policy (scripts and styles
  only from ``/static``, nothing inline), ``X-Content-Type-Options: nosniff``, a referrer policy and
  frame denial to every response.
* :class:`BodyLimitMiddleware` answers 413 to a request body larger than ``server.max_request_bytes``
  (by ``Content-Length`` up front, or while reading a chunked body).
* :func:`install_error_handlers` turns unexpected exceptions into a bare 500 (the traceback goes to
  the log, never to the client).
* :func:`token_matches` compares secrets in constant time.

Secrets are kept out of logs and pages by :mod:`calendar_daemon.ops.redact`.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Iterable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class SecurityHeadersMiddleware:
    """Add the security headers to every HTTP response (unless a route already set one)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend((name, value) for name, value in SECURITY_HEADERS if name not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _TooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413 before a route parses them."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            try:
                too_large = int(declared) > self.max_bytes
            except ValueError:
                await PlainTextResponse("bad Content-Length", status_code=400)(scope, receive, send)
                return
            if too_large:
                await self._refuse(scope, receive, send)
                return
        # Read the whole body (bounded) before the route runs, so a chunked body over the limit is
        # refused before any response has started.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = PlainTextResponse(
            f"request body too large (limit {self.max_bytes} bytes)", status_code=413, headers={"Connection": "close"}
        )
        await response(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    """Unexpected errors answer a generic 500; the details go to the log only."""

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "internal server error"}, status_code=500)
        return PlainTextResponse("internal server error", status_code=500)


def token_matches(given: str | None, allowed: Iterable[str]) -> bool:
    """True when ``given`` equals one of ``allowed``; every candidate is compared in constant time."""
    if not given:
        return False
    given_bytes = given.encode()
    found = False
    for token in allowed:
        found |= hmac.compare_digest(given_bytes, token.encode())
    return found
