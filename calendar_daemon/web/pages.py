"""Server-rendered pages: the agenda at ``/`` and one page per event at ``/events/{uid}``.

Templates are Jinja2 with autoescaping on for everything, so text from articles and API users is
always shown as text. Scripts and styles are static files (the CSP forbids inline ones).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool

from calendar_daemon.domain.vocabulary import CATEGORIES, COMMON_REGIONS, PROPOSED
from calendar_daemon.i18n import labels
from calendar_daemon.i18n.page import texts
from calendar_daemon.web.agenda import Agenda, AgendaParams, day_groups, month_grid, subscribe_links
from calendar_daemon.web.event_view import event_details
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
            listing = Agenda([], [])
        else:
            grid = None
            listing = await run_in_threadpool(day_groups, state.store, params, zone, locale, now)
        categories = [(c, labels.category_label(c, locale)) for c in CATEGORIES]
        return render(
            "agenda.html", groups=listing.groups, spans=listing.spans, grid=grid, categories=categories,
            links=subscribe_links(base_url(request, config.server.public_url), params), **common(locale, params),
        )  # fmt: skip

    @router.get("/events/{uid:path}", response_class=HTMLResponse)
    async def event_page(request: Request, uid: str) -> HTMLResponse:
        params = AgendaParams.from_query(_query_lists(request))
        locale = labels.pick_locale(params.lang, config.display.locale)
        event = await run_in_threadpool(state.store.get, uid)
        if event is None or event.status == PROPOSED:  # proposals are for review only
            return render("not_found.html", status=404, **common(locale, params))
        alerts = await run_in_threadpool(alert_history, state.store.engine, uid, config.display.timezone, locale)
        return render(
            "event.html", event=event_details(event, config.display.timezone, locale), alerts=alerts,
            back_url=params.url(), **common(locale, params),
        )  # fmt: skip

    return router
