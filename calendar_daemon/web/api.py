"""The JSON API under ``/api/v1``: list and read events; token-protected create/update/cancel/delete.

Writes go through :func:`calendar_daemon.domain.records.normalize` (the validation imports use) and
:func:`calendar_daemon.intake.submit.submit` (the one write path), so a change bumps the event's revision,
the feed's ``SEQUENCE`` and the store's data version, which the feed cache and alert planner follow.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from calendar_daemon.domain.dates import parse_instant
from calendar_daemon.domain.records import EventRecord, normalize
from calendar_daemon.domain.vocabulary import PROPOSED
from calendar_daemon.exceptions import NotFoundError, ValidationError
from calendar_daemon.feed.listing import event_to_json
from calendar_daemon.intake.submit import submit
from calendar_daemon.store.events import EventFilter
from calendar_daemon.store.models import Event
from calendar_daemon.web.params import category_param, list_param, region_param
from calendar_daemon.web.schemas import EventList, EventOut, Problem, ValidationProblem, json_body
from calendar_daemon.web.security import token_matches
from calendar_daemon.web.state import AppState

logger = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
API_ORIGIN = "api"
MAX_LIMIT = 500
# The fields of a stored event that make up a record (what PATCH starts from).
RECORD_KEYS = (
    "uid", "title", "description", "category", "importance", "region", "entities", "tags", "precision",
    "timezone", "start", "end", "status", "sources", "extra",
)  # fmt: skip

bearer = HTTPBearer(auto_error=False, description="A token from the [api] tokens list of the config.")


class ApiError(Exception):
    """An error answer of the API, rendered as JSON by :func:`install_api_errors`."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        errors: list[tuple[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors
        self.headers = headers


def _invalid(errors: list[tuple[str, str]]) -> ApiError:
    return ApiError(422, "validation failed", errors=errors)


def install_api_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        content: dict[str, Any] = {"detail": exc.detail}
        if exc.errors is not None:
            content["errors"] = [{"field": f, "message": m} for f, m in exc.errors]
        return JSONResponse(content, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> Response:
        if not request.url.path.startswith(API_PREFIX + "/"):
            return await request_validation_exception_handler(request, exc)
        errors = []
        for err in exc.errors():
            location = [str(part) for part in err.get("loc", ()) if part not in ("query", "path", "body", "header")]
            errors.append({"field": ".".join(location) or "request", "message": str(err.get("msg", "invalid"))})
        return JSONResponse(jsonable_encoder({"detail": "validation failed", "errors": errors}), status_code=422)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Missing or invalid bearer token."},
    404: {"model": Problem, "description": "No such event."},
    413: {"description": "Request body too large."},
    422: {"model": ValidationProblem, "description": "Invalid input; `errors` names each field."},
}


def _has_bad_unicode(value: object) -> bool:
    """True when a decoded JSON value holds a lone surrogate (not storable as UTF-8); walks any depth."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


async def _json_object(request: Request) -> dict[str, Any]:
    raw = await request.body()
    try:
        data = json.loads(raw)
    except ValueError:
        raise _invalid([("body", "not valid JSON")]) from None
    except RecursionError:
        raise _invalid([("body", "JSON nested too deeply")]) from None
    if not isinstance(data, dict):
        raise _invalid([("body", "expected a JSON object")])
    if _has_bad_unicode(data):
        raise _invalid([("body", "text must be valid Unicode")])
    return data


def query_instant(value: str, zone: str, field: str) -> datetime:
    """An ISO date (midnight in ``zone``) or date-time (naive means ``zone``) as naive UTC; 422 otherwise."""
    try:
        return parse_instant(value, zone)
    except ValueError:
        raise _invalid([(field, f"not an ISO date or date-time: {value!r}")]) from None


class EventRoutes:
    """The handlers of the event routes, sharing the app state; :func:`build_api_router` mounts them."""

    def __init__(self, state: AppState) -> None:
        self.state = state
        self.zone = state.config.display.timezone

    def require_token(self, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        challenge = {"WWW-Authenticate": 'Bearer realm="calendar-daemon"'}
        if credentials is None:
            raise ApiError(401, "missing bearer token", headers=challenge)
        if not token_matches(credentials.credentials, self.state.config.api.tokens):
            challenge["WWW-Authenticate"] += ', error="invalid_token"'
            raise ApiError(401, "invalid bearer token", headers=challenge)

    def to_record(self, data: dict[str, Any]) -> EventRecord:
        try:
            record = normalize(data, default_timezone=self.zone, source="request body")
        except ValidationError as exc:
            raise _invalid(exc.field_errors or [("record", str(exc))]) from None
        try:
            _ = (record.sort_start, record.sort_end)
        except (OverflowError, ValueError):
            raise _invalid([("start", "date out of the supported range")]) from None
        return record

    def stored(self, uid: str) -> Event:
        """The published event ``uid``; 404 for none, a deleted one or a proposal (only ``review`` sees those)."""
        event = self.state.store.get(uid)
        if event is None or event.status == PROPOSED:
            raise ApiError(404, f"no event with uid {uid!r}")
        return event

    def write(self, record: EventRecord) -> Event:
        submit(self.state.store, [record], origin=API_ORIGIN)
        self.state.feed.invalidate()
        return self.stored(record.uid)

    def list_events(
        self,
        category: Annotated[list[str], Query(description="Categories (repeat or comma-separate).")] = [],  # noqa: B006
        region: Annotated[list[str], Query(description="Regions, e.g. CN, US.")] = [],  # noqa: B006
        min_importance: Annotated[int | None, Query(ge=1, le=3)] = None,
        entity: Annotated[list[str], Query(description="Entities (any of them).")] = [],  # noqa: B006
        from_: Annotated[
            str | None, Query(alias="from", description="Events still running at/after this date or instant.")
        ] = None,
        to: Annotated[str | None, Query(description="Events starting before this date or instant.")] = None,
        q: Annotated[str | None, Query(max_length=200, description="Free text in title, description, entities.")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> dict[str, Any]:
        try:
            categories = category_param(category)
        except ValueError as exc:
            raise _invalid([("category", str(exc))]) from None
        try:
            regions = region_param(region, self.state.feed.regions() if region else ())
        except ValueError as exc:
            raise _invalid([("region", str(exc))]) from None
        flt = EventFilter(
            categories=categories, regions=regions, min_importance=min_importance,
            entities=list_param(entity), query=(q or "").strip() or None,
            start=query_instant(from_, self.zone, "from") if from_ else None,
            end=query_instant(to, self.zone, "to") if to else None,
        )  # fmt: skip
        events = self.state.store.list_events(flt)
        page = events[offset : offset + limit]
        return {"total": len(events), "limit": limit, "offset": offset, "events": [event_to_json(e) for e in page]}

    async def cancel_event(self, uid: str) -> dict[str, Any]:
        await run_in_threadpool(self.stored, uid)  # a proposal is not published by cancelling it
        try:
            event = await run_in_threadpool(self.state.store.set_status, uid, "cancelled")
        except NotFoundError:
            raise ApiError(404, f"no event with uid {uid!r}") from None
        self.state.feed.invalidate()
        logger.info("API: cancelled event %s (revision %s)", uid, event.revision)
        return event_to_json(event)

    def get_event(self, uid: str) -> dict[str, Any]:
        return event_to_json(self.stored(uid))

    async def create_event(self, request: Request, response: Response) -> dict[str, Any]:
        record = self.to_record(await _json_object(request))
        if await run_in_threadpool(self.state.store.get, record.uid) is not None:
            raise ApiError(409, f"an event with uid {record.uid!r} exists; use PUT or PATCH to change it")
        event = await run_in_threadpool(self.write, record)
        response.headers["Location"] = f"{API_PREFIX}/events/{quote(event.uid, safe='@')}"
        logger.info("API: created event %s", event.uid)
        return event_to_json(event)

    async def replace_event(self, uid: str, request: Request) -> dict[str, Any]:
        data = await _json_object(request)
        await run_in_threadpool(self.stored, uid)
        return await self.update(uid, data)

    async def patch_event(self, uid: str, request: Request) -> dict[str, Any]:
        changes = await _json_object(request)
        current = event_to_json(await run_in_threadpool(self.stored, uid))
        base = {key: current[key] for key in RECORD_KEYS}
        if "start" in changes and "end" not in changes:
            base.pop("end")  # a new start keeps the default end, not the old one
        if "start" in changes and "precision" not in changes:
            base.pop("precision")
        return await self.update(uid, {**base, **changes})

    async def update(self, uid: str, data: dict[str, Any]) -> dict[str, Any]:
        if data.get("uid", uid) != uid:
            raise _invalid([("uid", "must match the uid in the URL")])
        record = self.to_record({**data, "uid": uid})
        event = await run_in_threadpool(self.write, record)
        logger.info("API: updated event %s (revision %s)", uid, event.revision)
        return event_to_json(event)

    async def delete_event(self, uid: str) -> Response:
        await run_in_threadpool(self.stored, uid)  # a proposal is rejected with review, not deleted here
        try:
            await run_in_threadpool(self.state.store.delete, uid)
        except NotFoundError:
            raise ApiError(404, f"no event with uid {uid!r}") from None
        self.state.feed.invalidate()
        logger.info("API: deleted event %s", uid)
        return Response(status_code=204)


def build_api_router(state: AppState) -> APIRouter:
    """The ``/api/v1`` routes: reads are open, writes need a bearer token."""
    api = EventRoutes(state)
    router = APIRouter(prefix=API_PREFIX, tags=["events"], responses={413: ERROR_RESPONSES[413]})
    token = [Depends(api.require_token)]
    one: dict[int | str, dict[str, Any]] = {401: ERROR_RESPONSES[401], 404: ERROR_RESPONSES[404]}
    checked: dict[int | str, dict[str, Any]] = {**one, 422: ERROR_RESPONSES[422]}
    router.add_api_route(
        "/events", api.list_events, methods=["GET"], response_model=EventList,
        responses={422: ERROR_RESPONSES[422]}, summary="List events",
    )  # fmt: skip
    router.add_api_route(
        "/events/{uid:path}/cancel", api.cancel_event, methods=["POST"], response_model=EventOut,
        dependencies=token, responses=one, summary="Cancel an event",
    )  # fmt: skip
    router.add_api_route(
        "/events/{uid:path}", api.get_event, methods=["GET"], response_model=EventOut,
        responses={404: ERROR_RESPONSES[404]}, summary="One event",
    )  # fmt: skip
    router.add_api_route(
        "/events", api.create_event, methods=["POST"], status_code=201, response_model=EventOut, dependencies=token,
        responses={401: ERROR_RESPONSES[401], 409: {"model": Problem, "description": "The uid exists."},
                   422: ERROR_RESPONSES[422]},
        openapi_extra=json_body("EventIn"), summary="Create an event",
    )  # fmt: skip
    router.add_api_route(
        "/events/{uid:path}", api.replace_event, methods=["PUT"], response_model=EventOut, dependencies=token,
        responses=checked, openapi_extra=json_body("EventIn"), summary="Replace an event",
    )  # fmt: skip
    router.add_api_route(
        "/events/{uid:path}", api.patch_event, methods=["PATCH"], response_model=EventOut, dependencies=token,
        responses=checked, openapi_extra=json_body("EventPatch"), summary="Change some fields of an event",
    )  # fmt: skip
    router.add_api_route(
        "/events/{uid:path}", api.delete_event, methods=["DELETE"], status_code=204, dependencies=token,
        responses=one, summary="Delete an event",
    )  # fmt: skip
    return router
