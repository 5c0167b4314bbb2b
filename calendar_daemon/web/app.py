"""The HTTP application: health and metrics here; feeds, pages, the JSON API, static files, security
headers, the body size limit and the error handlers from the other ``web`` modules."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import OperationalError

from calendar_daemon import __version__
from calendar_daemon.ops.metrics import CONTENT_TYPE as METRICS_CONTENT_TYPE
from calendar_daemon.ops.redact import install_log_redaction, redact
from calendar_daemon.store.db import database_problem, probe_write
from calendar_daemon.store.source_state import SourceStates
from calendar_daemon.web.api import build_api_router, install_api_errors
from calendar_daemon.web.feeds import add_feed_routes
from calendar_daemon.web.pages import STATIC_DIR, build_pages_router
from calendar_daemon.web.schemas import request_body_schemas
from calendar_daemon.web.security import BodyLimitMiddleware, SecurityHeadersMiddleware, install_error_handlers
from calendar_daemon.web.state import AppState

logger = logging.getLogger(__name__)

FAILING_TICKS = 3  # alert ticks failed in a row before /healthz says "degraded"

def degraded_reasons(state: AppState, alerts: Any) -> list[str]:
    """Why this replica works only in part: the database refuses writes, the alert tick keeps failing."""
    reasons: list[str] = []
    if state.write_failure is not None:
        try:
            probe_write(state.store.engine)
            state.write_failure = None
        except OperationalError as exc:
            reasons.append(f"database refuses writes: {database_problem(exc, state.store.engine)}")
    if isinstance(alerts, dict) and alerts.get("failed_ticks", 0) >= FAILING_TICKS:
        reasons.append(f"alert tick failed {alerts['failed_ticks']} times in a row: {alerts.get('last_tick_error', '')}")
    return reasons


def sources_health(state: AppState) -> dict[str, Any] | None:
    """The polled sources for ``/healthz``: how many, and those whose last poll failed (with the error,
    credentials and tokens in its URL hidden); None without ``[[sources]]``."""
    names = [source.name for source in state.config.sources]
    if not names:
        return None
    failing = [
        {"name": row.name, "error": redact(row.last_error, urls=False), "failures": row.failures,
         "since": row.last_error_at.isoformat() + "Z" if row.last_error_at else None,
         "last_success": row.last_success_at.isoformat() + "Z" if row.last_success_at else None}
        for row in SourceStates(state.store.engine).all(names) if row.failures > 0
    ]  # fmt: skip
    return {"configured": len(names), "failing": failing}


def health(state: AppState) -> JSONResponse:
    """``/healthz``: the database, the alert service and what degrades them (the feed is served while it can)."""
    try:
        version = state.store.data_version()
    except Exception as exc:  # noqa: BLE001 - report any database failure as unhealthy
        logger.warning("health check: database unreachable: %s", exc)
        return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
    body: dict[str, Any] = {
        "status": "ok", "database": "ok", "backend": state.store.engine.dialect.name, "data_version": version,
        "version": __version__,
        # Every replica serves the feed; those with alerts on are peers that claim due alerts and digests.
        "replica": {"id": state.replica, "role": "feed" if state.alerts is None else "feed+alerts"},
    }  # fmt: skip
    if state.alerts is None:
        body["alerts"] = "off"
    else:
        body["alerts"] = state.alerts.health()
        if body["alerts"].get("scheduler") != "ok":
            body["status"] = "error"
            return JSONResponse(body, status_code=503)
        if not body["alerts"].get("config", {}).get("agree", True):  # this replica works, but its peers plan other alerts
            body["status"] = "warning"
    sources = sources_health(state)
    if sources is not None:
        body["sources"] = sources
        if sources["failing"] and body["status"] == "ok":  # the calendar is served, only not refreshed from them
            body["status"] = "warning"
    reasons = degraded_reasons(state, body["alerts"])
    if reasons:  # the feed is still served: 200, but say what is wrong
        body["status"], body["reason"] = "degraded", "; ".join(reasons)
    return JSONResponse(body)


def create_app(state: AppState) -> FastAPI:
    app = FastAPI(title="calendar-daemon", version=__version__, docs_url=None, redoc_url=None)
    app.state.calendar = state
    # Routes are matched in order, one by one: the feed, asked for far more often than anything else,
    # is the app's first route, so a feed request is not matched against every API route before its own.
    add_feed_routes(app, state)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONResponse:
        return health(state)

    @app.exception_handler(OperationalError)
    async def _database_error(request: Request, exc: OperationalError) -> Response:
        message = database_problem(exc, state.store.engine)
        logger.error("%s %s: %s", request.method, request.url.path, message)
        if request.method not in ("GET", "HEAD"):
            state.write_failure = message
        headers = {"Retry-After": "60"}
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=503, headers=headers)
        return PlainTextResponse(message, status_code=503, headers=headers)

    @app.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        return Response(content=state.metrics.render(), media_type=METRICS_CONTENT_TYPE)

    @app.exception_handler(HTTPException)
    async def _http_error(_request: Request, exc: HTTPException) -> Response:
        return PlainTextResponse(str(exc.detail), status_code=exc.status_code, headers=exc.headers)

    app.include_router(build_api_router(state))
    app.include_router(build_pages_router(state))
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_api_errors(app)
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=state.config.server.max_request_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    # Log lines keep URL paths readable (the feed's address); tokens and credentials are hidden.
    install_log_redaction("uvicorn", "uvicorn.error", "uvicorn.access", root_handlers=True, urls=False)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes, description=app.description)
            schema.setdefault("components", {}).setdefault("schemas", {}).update(request_body_schemas())
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
