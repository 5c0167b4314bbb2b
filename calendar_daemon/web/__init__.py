"""The web front: agenda and event pages, the JSON API, named feeds, and the security layer.

:func:`register` adds all of it to the app built by :func:`calendar_daemon.server.create_app`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles

if TYPE_CHECKING:
    from calendar_daemon.server import AppState


def register(app: FastAPI, state: AppState) -> None:
    """Add pages, API, named feeds, static files, security headers, size limit and error handlers."""
    from calendar_daemon.web.api import build_api_router, install_api_errors
    from calendar_daemon.web.feeds import build_feeds_router
    from calendar_daemon.web.pages import STATIC_DIR, build_pages_router
    from calendar_daemon.web.schemas import request_body_schemas
    from calendar_daemon.web.security import (
        BodyLimitMiddleware,
        SecurityHeadersMiddleware,
        install_error_handlers,
        install_log_redaction,
    )

    app.include_router(build_api_router(state))
    app.include_router(build_feeds_router(state))
    app.include_router(build_pages_router(state))
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_api_errors(app)
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=state.config.server.max_request_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    install_log_redaction()

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes, description=app.description)
            schema.setdefault("components", {}).setdefault("schemas", {}).update(request_body_schemas())
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
