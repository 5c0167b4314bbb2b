"""Response models and request schemas of the JSON API (for validation of answers and OpenAPI)."""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel, Field

from calendar_daemon.domain.records import EventIn
from calendar_daemon.domain.vocabulary import CATEGORIES


class EventOut(BaseModel):
    """An event as the API returns it (the same fields as ``list --json``)."""

    uid: str
    title: str
    description: str
    category: str
    region: str
    importance: int
    entities: list[str]
    tags: list[str]
    start: str = Field(description="ISO instant with offset for timed events, ISO date otherwise.")
    end: str | None = Field(description="Inclusive end: ISO instant, ISO date, or null.")
    precision: str
    timezone: str
    status: str
    revision: int
    sources: list[dict[str, Any]]
    extra: dict[str, Any]
    updated_at: str


class EventList(BaseModel):
    total: int = Field(description="How many events match the filters (before limit/offset).")
    limit: int
    offset: int
    events: list[EventOut]


class FieldError(BaseModel):
    field: str
    message: str


class ValidationProblem(BaseModel):
    detail: str
    errors: list[FieldError]


class Problem(BaseModel):
    detail: str


PERIOD_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]|W(0[1-9]|[1-4]\d|5[0-3])))?$"
WHEN_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "format": "date-time"},
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": PERIOD_PATTERN, "description": "Period shorthand: 2026, 2026-05, 2026-Q2, 2026-H1, 2026-W05."},
    ],
    "description": "ISO date-time (offset, or wall clock in `timezone`), ISO date, or period shorthand.",
}


def request_body_schemas() -> dict[str, Any]:
    """Component schemas for write bodies: ``EventIn`` (POST/PUT) and ``EventPatch`` (PATCH)."""
    schema = EventIn.model_json_schema(ref_template="#/components/schemas/{model}")
    schema["properties"]["category"] = {"enum": list(CATEGORIES), "default": "other", "title": "Category"}
    schema["properties"]["start"] = {**WHEN_SCHEMA, "title": "Start"}
    schema["properties"]["end"] = {"anyOf": [*WHEN_SCHEMA["anyOf"], {"type": "null"}], "title": "End", "default": None}
    components: dict[str, Any] = dict(schema.pop("$defs", {}))
    components["EventIn"] = schema
    patch = copy.deepcopy(schema)
    patch.pop("required", None)
    patch["title"] = "EventPatch"
    patch["description"] = "Fields to change; the others keep their stored values."
    components["EventPatch"] = patch
    return components


def json_body(schema_name: str) -> dict[str, Any]:
    """``openapi_extra`` declaring a JSON request body of the named component schema."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}},
        }
    }
