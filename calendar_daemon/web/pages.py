"""Server-rendered pages: the agenda at ``/`` and one page per event at ``/events/{uid}``.

Templates are Jinja2 with autoescaping on for everything, so text from articles and API users is
always shown as text. Scripts and styles are static files (the CSP forbids inline ones).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool

from calendar_daemon.domain.periods import Precision
from calendar_daemon.domain.vocabulary import CATEGORIES, COMMON_REGIONS, PROPOSED
from calendar_daemon.feed.listing import event_end_iso, event_start_iso
from calendar_daemon.i18n import labels
from calendar_daemon.i18n.page import texts
from calendar_daemon.store.models import Event
from calendar_daemon.web.agenda import (
    AgendaParams,
    conflicts_of,
    day_groups,
    month_grid,
    subscribe_links,
    time_label,
)
from calendar_daemon.web.history import alert_history
from calendar_daemon.web.state import AppState

logger = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"
SAFE_URL_SCHEMES = ("http://", "https://")


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )  # fmt: skip
    env.filters["safe_href"] = lambda url: url if isinstance(url, str) and url.lower().startswith(SAFE_URL_SCHEMES) else ""
    return env


def _query_lists(request: Request) -> dict[str, list[str]]:
    lists: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        lists.setdefault(key, []).append(value)
    return lists


def base_url(request: Request, public_url: str) -> str:
    return public_url.rstrip("/") if public_url else str(request.base_url).rstrip("/")


def _stamp(value: datetime | None, zone: ZoneInfo) -> str:
    if value is None:
        return ""
    return value.replace(tzinfo=UTC).astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def event_details(event: Event, zone_name: str, locale: str) -> dict[str, Any]:
    zone = ZoneInfo(zone_name)
    precision = Precision(event.precision)
    return {
        "uid": event.uid, "title": event.title, "description": event.description, "category": event.category,
        "category_name": labels.category_label(event.category, locale), "importance": event.importance,
        "region": event.region, "status": event.status, "precision": precision.value, "timezone": event.timezone,
        "when": time_label(event, zone, locale), "start": event_start_iso(event), "end": event_end_iso(event) or "",
        "timed": event.start_at is not None, "local_day": "",
        "iso_utc": event.start_at.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z") if event.start_at else "",
        "entities": list(event.entities), "tags": list(event.tags), "sources": list(event.sources),
        "conflicts": conflicts_of(event), "revision": event.revision, "origin": event.origin,
        "updated_at": _stamp(event.updated_at, zone), "created_at": _stamp(event.created_at, zone),
        "extra": {k: v for k, v in event.extra.items() if k not in ("conflicts", "reconcile")},
    }  # fmt: skip


def build_pages_router(state: AppState) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    env = make_environment()
    config = state.config

    def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-cache"})

    def common(locale: str, params: AgendaParams) -> dict[str, Any]:
        other = "en" if locale == "zh-CN" else "zh-CN"
        return {
            "t": texts(locale), "locale": locale, "params": params, "zone": config.display.timezone,
            "other_lang_url": params.url(lang=other), "html_lang": "zh-CN" if locale == "zh-CN" else "en",
        }

    @router.get("/", response_class=HTMLResponse)
    async def agenda(request: Request) -> HTMLResponse:
        params = AgendaParams.from_query(_query_lists(request))
        if params.regions:  # a region the feed would refuse is dropped, like other unknown values
            stored = await run_in_threadpool(state.feed.regions)
            params = replace(params, regions=tuple(r for r in params.regions if r in COMMON_REGIONS or r in stored))
        locale = labels.pick_locale(params.lang, config.display.locale)
        now = state.store.clock()
        zone = config.display.timezone
        if params.view == "month":
            grid = await run_in_threadpool(month_grid, state.store, params, zone, locale, now)
            groups = []
        else:
            grid = None
            groups = await run_in_threadpool(day_groups, state.store, params, zone, locale, now)
        categories = [(c, labels.category_label(c, locale)) for c in CATEGORIES]
        return render(
            "agenda.html", groups=groups, grid=grid, categories=categories,
            links=subscribe_links(base_url(request, config.server.public_url), params), **common(locale, params),
        )  # fmt: skip

    @router.get("/events/{uid:path}", response_class=HTMLResponse)
    async def event_page(request: Request, uid: str) -> HTMLResponse:
        params = AgendaParams.from_query(_query_lists(request))
        locale = labels.pick_locale(params.lang, config.display.locale)
        event = await run_in_threadpool(state.store.get, uid)
        if event is None or event.status == PROPOSED:  # proposals are for review only
            return render("not_found.html", status=404, **common(locale, params))
        alerts = await run_in_threadpool(alert_history, state.store.engine, uid)
        return render(
            "event.html", event=event_details(event, config.display.timezone, locale), alerts=alerts,
            back_url=params.url(), **common(locale, params),
        )  # fmt: skip

    return router
