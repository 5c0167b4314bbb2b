"""Events as JSON (``list --json``, the API) and as a readable table."""

from __future__ import annotations

import unicodedata
from datetime import UTC
from typing import Any
from zoneinfo import ZoneInfo

from calendar_daemon.domain.periods import Precision, period_label
from calendar_daemon.store.models import Event


def event_start_iso(event: Event) -> str:
    if event.start_at is not None:
        return event.start_at.replace(tzinfo=UTC).astimezone(ZoneInfo(event.timezone)).isoformat()
    assert event.start_date is not None
    return event.start_date.isoformat()


def event_end_iso(event: Event) -> str | None:
    if event.start_at is not None:
        if event.end_at is None:
            return None
        return event.end_at.replace(tzinfo=UTC).astimezone(ZoneInfo(event.timezone)).isoformat()
    return event.end_date.isoformat() if event.end_date else None


def event_to_json(event: Event) -> dict[str, Any]:
    """The public JSON shape of an event: timed starts are ISO instants with offset, others ISO dates."""
    return {
        "uid": event.uid,
        "title": event.title,
        "description": event.description,
        "category": event.category,
        "region": event.region,
        "importance": event.importance,
        "entities": list(event.entities),
        "tags": list(event.tags),
        "start": event_start_iso(event),
        "end": event_end_iso(event),
        "precision": event.precision,
        "timezone": event.timezone,
        "status": event.status,
        "revision": event.revision,
        "sources": list(event.sources),
        "extra": dict(event.extra),
        "updated_at": event.updated_at.replace(tzinfo=UTC).isoformat(),
    }


def when_text(event: Event, zone: str) -> str:
    """Start in the display zone, or the day, or the period label."""
    if event.start_at is not None:
        local = event.start_at.replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
        return local.strftime("%Y-%m-%d %H:%M")
    assert event.start_date is not None
    precision = Precision(event.precision)
    if precision.is_coarse:
        return period_label(precision, event.start_date, event.end_date)
    if event.end_date and event.end_date != event.start_date:
        return f"{event.start_date.isoformat()}..{event.end_date.isoformat()}"
    return event.start_date.isoformat()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def format_table(events: list[Event], zone: str) -> str:
    if not events:
        return "no events"
    rows = [("WHEN (" + zone + ")", "CATEGORY", "IMP", "REGION", "STATUS", "UID", "TITLE")]
    for event in events:  # the UID is what review --accept/--reject and the API take
        rows.append((when_text(event, zone), event.category, "*" * event.importance, event.region, event.status, event.uid, event.title))
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row[:-1])) + "  " + row[-1] for row in rows]
    return "\n".join(lines)
