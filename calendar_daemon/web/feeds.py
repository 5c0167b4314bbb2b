"""The feed routes: ``/calendar.ics`` with its query filters, and the named and private feeds of
``[[feeds]]`` at ``/feeds/{name}.ics``; both served from the shared :class:`FeedCache` with
ETag/Last-Modified and 304.

A named feed with a ``token`` needs ``?token=``; a missing or wrong token answers 404, exactly like an
unknown name, so feed names cannot be probed. Bodies come from the shared :class:`FeedCache` and
are served with the same ETag/Last-Modified rules as ``/calendar.ics``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC
from email.utils import format_datetime, parsedate_to_datetime
from typing import Annotated

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import PlainTextResponse, StreamingResponse

from calendar_daemon.config.settings import NamedFeedConfig
from calendar_daemon.feed.cache import FeedBody, FeedQuery
from calendar_daemon.web.params import category_param, region_param
from calendar_daemon.web.security import token_matches
from calendar_daemon.web.state import AppState

logger = logging.getLogger(__name__)

ICS_MEDIA_TYPE = "text/calendar; charset=utf-8"


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
    categories: Sequence[str], regions: Sequence[str], min_importance: int | None, stored_regions: Iterable[str] = ()
) -> FeedQuery:
    """Validate a feed's query parameters; comma lists and repeated parameters both work. A region must be
    a common one or one the feed's events have (``stored_regions``): each distinct filter costs a cached body."""
    try:
        cats = category_param(categories)
        codes = region_param(regions, stored_regions)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    if min_importance is not None and not 1 <= min_importance <= 3:
        raise HTTPException(400, "min_importance must be 1, 2 or 3")
    return FeedQuery(categories=cats, regions=codes, min_importance=min_importance)


def feed_query(feed: NamedFeedConfig, base_name: str = "") -> FeedQuery:
    """The cache key of a named feed (sorted, so equal filters share one cached body), named after it."""
    return FeedQuery(
        categories=tuple(sorted(set(feed.categories))),
        regions=tuple(sorted({r.upper() for r in feed.regions})),
        min_importance=feed.min_importance,
        entities=tuple(sorted({e.strip() for e in feed.entities if e.strip()})),
        title=f"{base_name} · {feed.name}" if base_name else feed.name,
    )


def filtered_title(base_name: str, query: FeedQuery) -> str:
    """What a filtered ``/calendar.ics`` is called in a client: the feed's name and its filter
    ("Market calendar · central_bank, macro_data · CN · importance ≥ 2"); "" when unfiltered."""
    parts = [", ".join(query.categories), ", ".join(query.regions)]
    if query.min_importance is not None:
        parts.append(f"importance ≥ {query.min_importance}")
    shown = [part for part in parts if part]
    return " · ".join([base_name, *shown]) if shown else ""


def find_feed(feeds: list[NamedFeedConfig], name: str, token: str | None) -> NamedFeedConfig | None:
    """The feed called ``name`` if the token fits (or it needs none); otherwise ``None``."""
    for feed in feeds:
        if feed.name == name:
            if feed.token and not token_matches(token, [feed.token]):
                return None
            return feed
    if token:
        token_matches(token, ["-" * len(token)])  # same work for unknown names
    return None


def add_feed_routes(router: APIRouter | FastAPI, state: AppState) -> None:
    """Declare the feed routes on ``router``: the app itself, where a feed request (the most frequent by
    far) is matched at once rather than after the routes of an included router."""

    @router.api_route("/calendar.ics", methods=["GET", "HEAD"], include_in_schema=False)
    def calendar_ics(
        request: Request,
        category: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI copies defaults
        region: Annotated[list[str], Query()] = [],  # noqa: B006
        min_importance: int | None = None,
    ) -> Response:
        query = parse_feed_query(category, region, min_importance, state.feed.regions() if region else ())
        if not query.is_everything:
            query = replace(query, title=filtered_title(state.config.feed.name, query))
        state.metrics.feed_request("/calendar.ics")
        return feed_response(request, state.feed.get(query))

    @router.api_route("/feeds/{name}.ics", methods=["GET", "HEAD"], include_in_schema=False)
    def named_feed(request: Request, name: str, token: str | None = Query(default=None)) -> Response:
        feed = find_feed(state.config.feeds, name, token)
        if feed is None:
            return PlainTextResponse("not found", status_code=404)
        response = feed_response(request, state.feed.get(feed_query(feed, state.config.feed.name)))
        state.metrics.feed_request(f"/feeds/{feed.name}.ics")
        if feed.token:
            response.headers["Cache-Control"] = "private, no-cache"
        return response
