"""Named and private feeds: ``[[feeds]]`` entries served at ``/feeds/{name}.ics``.

A feed with a ``token`` needs ``?token=``; a missing or wrong token answers 404, exactly like an
unknown name, so feed names cannot be probed. Bodies come from the shared :class:`FeedCache` and
are served with the same ETag/Last-Modified rules as ``/calendar.ics``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import PlainTextResponse

from calendar_daemon.config import NamedFeedConfig
from calendar_daemon.feed import FeedQuery
from calendar_daemon.web.security import token_matches

if TYPE_CHECKING:
    from calendar_daemon.server import AppState

logger = logging.getLogger(__name__)


def feed_query(feed: NamedFeedConfig) -> FeedQuery:
    """The cache key of a named feed (sorted, so equal filters share one cached body)."""
    return FeedQuery(
        categories=tuple(sorted(set(feed.categories))),
        regions=tuple(sorted({r.upper() for r in feed.regions})),
        min_importance=feed.min_importance,
        entities=tuple(sorted({e.strip() for e in feed.entities if e.strip()})),
    )


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


def build_feeds_router(state: AppState) -> APIRouter:
    from calendar_daemon.server import feed_response  # server registers this router

    router = APIRouter()

    @router.api_route("/feeds/{name}.ics", methods=["GET", "HEAD"], include_in_schema=False)
    def named_feed(request: Request, name: str, token: str | None = Query(default=None)) -> Response:
        feed = find_feed(state.config.feeds, name, token)
        if feed is None:
            return PlainTextResponse("not found", status_code=404)
        response = feed_response(request, state.feed.get(feed_query(feed)))
        if feed.token:
            response.headers["Cache-Control"] = "private, no-cache"
        return response

    return router
