"""The HTTP application: the feed routes, health, and the routers other components add."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC
from email.utils import format_datetime, parsedate_to_datetime
from typing import Annotated, Any, Protocol

from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse

from calendar_daemon import __version__
from calendar_daemon.config import Config
from calendar_daemon.feed import FeedBody, FeedCache, FeedQuery
from calendar_daemon.metrics import CONTENT_TYPE as METRICS_CONTENT_TYPE
from calendar_daemon.metrics import Metrics
from calendar_daemon.records import CATEGORIES
from calendar_daemon.replica import replica_id
from calendar_daemon.store import EventStore
from calendar_daemon.web import register as register_web

logger = logging.getLogger(__name__)

ICS_MEDIA_TYPE = "text/calendar; charset=utf-8"


class HealthSource(Protocol):
    def health(self) -> dict[str, Any]: ...


class AppState:
    """What the routes share: config, store, feed cache, metrics and the alert service (one per process)."""

    def __init__(
        self, config: Config, store: EventStore, feed: FeedCache, *, alerts: HealthSource | None = None,
        metrics: Metrics | None = None, replica: str = "",
    ) -> None:  # fmt: skip
        self.config = config
        self.store = store
        self.feed = feed
        self.alerts = alerts
        self.replica = replica or replica_id(config)
        self.metrics = metrics or Metrics(self.replica)


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    candidates = [part.strip().removeprefix("W/") for part in header.split(",")]
    return etag in candidates


def _not_modified(request: Request, body: FeedBody) -> bool:
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        return _etag_matches(if_none_match, body.etag)
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return body.last_modified.replace(tzinfo=UTC, microsecond=0) <= since
    return False


def feed_response(request: Request, body: FeedBody) -> Response:
    """Serve a feed body with ETag/Last-Modified; 304 when the client already has it."""
    headers = {
        "ETag": body.etag,
        "Last-Modified": format_datetime(body.last_modified.replace(tzinfo=UTC), usegmt=True),
        "Cache-Control": "no-cache",
    }
    if _not_modified(request, body):
        return Response(status_code=304, headers=headers)
    headers["Content-Length"] = str(body.size)
    if request.method == "HEAD":
        return Response(content=b"", media_type=ICS_MEDIA_TYPE, headers=headers)
    if isinstance(body.body, bytes):
        return Response(content=body.body, media_type=ICS_MEDIA_TYPE, headers=headers)
    # A file-backed body (feed_body), read in ~1 MB pieces; the iterator holds the body, so its
    # file stays open until the response is sent even if the cache has moved on.
    return StreamingResponse(body.chunks(), media_type=ICS_MEDIA_TYPE, headers=headers)


def parse_feed_query(
    categories: Sequence[str], regions: Sequence[str], min_importance: int | None
) -> FeedQuery:
    """Validate a feed's query parameters; comma lists and repeated parameters both work."""
    cats = sorted({c.strip() for value in categories for c in value.split(",") if c.strip()})
    unknown = [c for c in cats if c not in CATEGORIES]
    if unknown:
        raise HTTPException(400, f"unknown category {unknown[0]!r}; use one of {', '.join(CATEGORIES)}")
    regs = sorted({r.strip().upper() for value in regions for r in value.split(",") if r.strip()})
    if min_importance is not None and not 1 <= min_importance <= 3:
        raise HTTPException(400, "min_importance must be 1, 2 or 3")
    return FeedQuery(categories=tuple(cats), regions=tuple(regs), min_importance=min_importance)


def create_app(state: AppState) -> FastAPI:
    app = FastAPI(title="calendar-daemon", version=__version__, docs_url=None, redoc_url=None)
    app.state.calendar = state

    @app.api_route("/calendar.ics", methods=["GET", "HEAD"], include_in_schema=False)
    def calendar_ics(
        request: Request,
        category: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI copies defaults
        region: Annotated[list[str], Query()] = [],  # noqa: B006
        min_importance: int | None = None,
    ) -> Response:
        query = parse_feed_query(category, region, min_importance)
        state.metrics.feed_requests.inc()
        return feed_response(request, state.feed.get(query))

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONResponse:
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
        return JSONResponse(body)

    @app.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        return Response(content=state.metrics.render(), media_type=METRICS_CONTENT_TYPE)

    @app.exception_handler(HTTPException)
    async def _http_error(_request: Request, exc: HTTPException) -> Response:
        return PlainTextResponse(str(exc.detail), status_code=exc.status_code, headers=exc.headers)

    register_web(app, state)
    return app
