"""One event as one iCalendar VEVENT block.

Timed events are written in UTC (``DTSTART:20260128T190000Z``) so every client reads the same
instant without relying on its own zone database; the source zone travels in
``X-CALENDAR-DAEMON-TIMEZONE`` of an export. Day and coarse events are ``VALUE=DATE`` spans with an
exclusive ``DTEND``.

Two renderings: the served feed carries what subscribers show (title, instants, status, sequence,
categories, priority and a readable description naming importance, region, precision, local time and
sources); ``export`` (``roundtrip=True``) adds ``CREATED`` and our own fields as ``X-CALENDAR-DAEMON-*``
so it re-imports unchanged. The feed stays lean because every byte of it is sent on every refresh.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Event as VEvent

from calendar_daemon.domain.periods import Precision, period_label
from calendar_daemon.domain.vocabulary import ASSUMED_END, DESCRIPTION_SEPARATOR, X_PREFIX, assumed_minutes
from calendar_daemon.store.models import Event

IMPORTANCE_MARKS = {1: "★☆☆", 2: "★★☆", 3: "★★★"}


def display_title(event: Event) -> str:
    precision = Precision(event.precision)
    if precision.is_coarse and event.start_date is not None:
        return f"[{period_label(precision, event.start_date, event.end_date)}] {event.title}"
    return event.title


def feed_status(event: Event) -> str:
    if event.status == "cancelled":
        return "CANCELLED"
    if event.status == "tentative" or Precision(event.precision).is_coarse:
        return "TENTATIVE"
    return "CONFIRMED"


def _format_source(source: dict[str, object]) -> str:
    parts = [str(source.get("outlet") or "")]
    if source.get("headline"):
        parts.append(f"《{source['headline']}》")
    if source.get("published"):
        parts.append(str(source["published"]).replace("T", " "))
    line = ", ".join(p for p in parts if p)
    if source.get("note"):
        line += f" — {source['note']}"
    if source.get("url"):
        line += f" <{source['url']}>"
    return f"- {line}"


def local_time_text(event: Event) -> str:
    if event.start_at is None:
        return ""
    local = event.start_at.replace(tzinfo=UTC).astimezone(ZoneInfo(event.timezone))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()} ({event.timezone})"


def description_text(event: Event) -> str:
    """The feed DESCRIPTION: the event's own text, then importance, region, precision and sources."""
    lines = [
        f"Importance: {IMPORTANCE_MARKS.get(event.importance, '')} ({event.importance}/3)",
        f"Region: {event.region}",
        f"Category: {event.category}",
        f"Precision: {event.precision}",
    ]
    if event.start_at is not None:
        lines.append(f"Local time: {local_time_text(event)}")
        if event.end_at is None:
            lines.append(f"Length: not given by the source; shown as {assumed_minutes(event.category, event.title, event.tags)} min")
    if event.entities:
        lines.append("Entities: " + ", ".join(event.entities))
    shift = event.extra.get("trading_day_shift")
    if isinstance(shift, dict) and shift.get("reason"):
        label = "Date moved" if shift.get("moved", True) else "Trading day"
        lines.append(f"{label}: {shift['reason']}")
    conflicts = event.extra.get("conflicts")
    if isinstance(conflicts, list) and conflicts:
        lines.append("Conflict between sources (the date follows the most authoritative):")
        for conflict in conflicts:
            if isinstance(conflict, dict):
                mark = " [followed]" if conflict.get("followed") else ""
                lines.append(f"- {conflict.get('source', '?')}: {conflict.get('value', '?')}{mark}")
    if event.sources:
        lines.append("Sources:")
        lines.extend(_format_source(source) for source in event.sources)
    footer = "\n".join(lines)
    return f"{event.description}{DESCRIPTION_SEPARATOR}{footer}" if event.description else footer


def timed_end(event: Event) -> datetime:
    """A timed event's end: its own, or its start plus the length assumed for its kind."""
    assert event.start_at is not None
    if event.end_at is not None:
        return event.end_at
    return event.start_at + timedelta(minutes=assumed_minutes(event.category, event.title, event.tags))


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)


def render_vevent(event: Event, *, roundtrip: bool = False) -> bytes:
    """Serialise ``event`` as a folded, CRLF-terminated VEVENT block.

    ``roundtrip`` (for ``export``) adds ``CREATED`` and the ``X-CALENDAR-DAEMON-*`` fields (precision,
    zone, importance, region, status, entities, sources as JSON) so a re-import restores the event
    exactly; the served feed leaves them out, since its DESCRIPTION already says them for people.
    """
    component = VEvent()
    component.add("uid", event.uid)
    component.add("dtstamp", _utc(event.updated_at))
    component.add("last-modified", _utc(event.updated_at))
    component.add("sequence", max(event.revision - 1, 0))
    component.add("summary", display_title(event))
    if event.start_at is not None:
        component.add("dtstart", _utc(event.start_at))
        component.add("dtend", _utc(timed_end(event)))
        if event.end_at is None and roundtrip:
            component.add(X_PREFIX + "END", ASSUMED_END)  # a re-import keeps the end unknown
    else:
        assert event.start_date is not None and event.end_date is not None
        component.add("dtstart", event.start_date)
        component.add("dtend", event.end_date + timedelta(days=1))
        component.add("transp", "TRANSPARENT")
    component.add("status", feed_status(event))
    component.add("categories", [event.category, *event.tags])
    component.add("priority", {3: 1, 2: 5, 1: 9}.get(event.importance, 5))
    component.add("description", description_text(event))
    if roundtrip:
        _add_roundtrip_fields(component, event)
    block: bytes = component.to_ical()
    return block


def _add_roundtrip_fields(component: VEvent, event: Event) -> None:
    component.add("created", _utc(event.created_at))
    component.add(X_PREFIX + "PRECISION", event.precision)
    component.add(X_PREFIX + "TIMEZONE", event.timezone)
    component.add(X_PREFIX + "IMPORTANCE", str(event.importance))
    component.add(X_PREFIX + "REGION", event.region)
    component.add(X_PREFIX + "STATUS", event.status)
    if event.entities:
        component.add(X_PREFIX + "ENTITIES", json.dumps(event.entities, ensure_ascii=False, separators=(",", ":")))
    if event.sources:
        # Empty fields are left out (the importer restores their defaults): the export stays small.
        compact = [{k: v for k, v in source.items() if v not in ("", None)} for source in event.sources]
        component.add(X_PREFIX + "SOURCES", json.dumps(compact, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    if event.extra:
        # Reconciled sources, conflicts and trading-day shifts survive an export and re-import.
        component.add(X_PREFIX + "EXTRA", json.dumps(event.extra, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
