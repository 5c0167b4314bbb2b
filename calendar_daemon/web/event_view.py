"""What an event's page shows, in the reader's words: dates with their day in the display zone and in the
event's own zone (named without ambiguous abbreviations), translated vocabulary, sources and other fields.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from calendar_daemon.domain.periods import Precision
from calendar_daemon.i18n import labels
from calendar_daemon.i18n.conflicts import conflict_source_text, conflict_value_text, stored_conflicts
from calendar_daemon.i18n.moments import date_text, instant_text, zone_label
from calendar_daemon.i18n.terms import term
from calendar_daemon.store.models import Event

logger = logging.getLogger(__name__)

HIDDEN_EXTRA = ("conflicts", "reconcile")  # conflicts have their own section; reconcile is bookkeeping


_STORED_INSTANT = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) ([A-Za-z_+\-/0-9]+)(?: = .*)?$")
_STORED_DAYS = re.compile(r"^(\d{4}-\d{2}-\d{2})(?: to (\d{4}-\d{2}-\d{2}))? \(dates?\)$")


def conflict_value(value: str, display_zone: str, locale: str) -> str:
    """The stored words of an entry recorded before conflicts kept their parts ("2026-01-30 03:00
    Asia/Shanghai = 2026-01-29 19:00 UTC", "2026-03-02 (date)") as the page reads dates: in words, in the
    display zone and the source's own zone. A value of another shape (a coarse period) is shown as stored."""
    if match := _STORED_INSTANT.match(value):
        try:
            zone = ZoneInfo(match[2])
            local = datetime.strptime(match[1], "%Y-%m-%d %H:%M").replace(tzinfo=zone)
        except (ValueError, ZoneInfoNotFoundError):
            return value
        return _instants(local.astimezone(UTC).replace(tzinfo=None), display_zone, match[2], locale)
    if match := _STORED_DAYS.match(value):
        days = [date_text(date.fromisoformat(day), locale) for day in match.groups() if day]
        return " – ".join(days)
    return value


def conflict_entry_value(conflict: dict[str, object], display_zone: str, locale: str) -> str:
    """One source's value as the page says it: from the entry's parts where it keeps them (an instant in
    the display zone and the source's own zone; days or a period in words), else from its stored words."""
    start_at, zone = conflict.get("start_at"), conflict.get("timezone")
    if isinstance(start_at, str) and isinstance(zone, str):
        try:
            ZoneInfo(zone)
            return _instants(datetime.fromisoformat(start_at).replace(tzinfo=None), display_zone, zone, locale)
        except (ValueError, ZoneInfoNotFoundError):
            pass  # a damaged entry: its stored words
    elif isinstance(conflict.get("start_date"), str):
        return conflict_value_text(conflict, locale)
    return conflict_value(str(conflict.get("value", "?")), display_zone, locale)


def _conflicts(event: Event, display_zone: str, locale: str) -> list[dict[str, str]]:
    return [
        {"source": conflict_source_text(c, locale), "value": conflict_entry_value(c, display_zone, locale)}
        for c in stored_conflicts(event.extra)
    ]


def _instants(value: datetime, display_zone: str, own_zone: str, locale: str) -> str:
    """The instant in the display zone, then in the event's own zone when that differs."""
    text = instant_text(value, display_zone, locale)
    if own_zone and own_zone != display_zone:
        text += f" · {instant_text(value, own_zone, locale)}"
    return text


def when_text(event: Event, display_zone: str, locale: str) -> tuple[str, str]:
    """(start, end) as the page says them; the end is ``""`` when the source gave none."""
    if event.start_at is not None:
        end = _instants(event.end_at, display_zone, event.timezone, locale) if event.end_at else ""
        return _instants(event.start_at, display_zone, event.timezone, locale), end
    assert event.start_date is not None
    precision = Precision(event.precision)
    if precision.is_coarse:
        return labels.period_text(precision, event.start_date, event.end_date, locale), ""
    start = date_text(event.start_date, locale)
    end = date_text(event.end_date, locale) if event.end_date and event.end_date != event.start_date else ""
    return f"{start} ({labels.all_day(locale)})", end


def _published(value: Any, display_zone: str, locale: str) -> str:
    if not isinstance(value, str) or not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if parsed.tzinfo is None and "T" not in value:
        return date_text(parsed.date(), locale)
    return instant_text(parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC), display_zone, locale)


def source_views(event: Event, display_zone: str, locale: str) -> list[dict[str, str]]:
    return [
        {
            "outlet": str(s.get("outlet") or ""), "headline": str(s.get("headline") or ""), "url": str(s.get("url") or ""),
            "published": _published(s.get("published"), display_zone, locale),
            "authority": term("authority", str(s.get("authority") or ""), locale),
            "evidence": str(s.get("evidence") or ""), "note": str(s.get("note") or ""),
        }
        for s in event.sources
        if isinstance(s, dict)
    ]  # fmt: skip


def value_text(value: Any, locale: str) -> str:
    """A stored value as a reader's text: lists joined, mappings as ``label: value`` pairs, yes/no."""
    if isinstance(value, bool):
        return term("bool", str(value), locale)
    if isinstance(value, list):
        return ", ".join(value_text(item, locale) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{term('extra_key', str(k), locale)}: {value_text(v, locale)}" for k, v in value.items())
    return "" if value is None else str(value)


def extra_views(event: Event, locale: str) -> list[tuple[str, str]]:
    extra = event.extra if isinstance(event.extra, dict) else {}
    return [
        (term("extra_key", key, locale), value_text(value, locale))
        for key, value in extra.items()
        if key not in HIDDEN_EXTRA
    ]


def event_details(event: Event, zone_name: str, locale: str) -> dict[str, Any]:
    start, end = when_text(event, zone_name, locale)
    own_zone = zone_label(event.timezone, locale, event.start_at) if event.timezone else ""
    return {
        "uid": event.uid, "title": event.title, "description": event.description, "category": event.category,
        "category_name": labels.category_label(event.category, locale), "importance": event.importance,
        "region": event.region, "status": event.status, "status_name": labels.status_label(event.status, locale),
        "precision_name": labels.precision_label(event.precision, locale), "timezone": own_zone,
        "when": start, "end": end, "timed": event.start_at is not None,
        "iso_utc": event.start_at.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z") if event.start_at else "",
        "entities": list(event.entities), "tags": list(event.tags), "sources": source_views(event, zone_name, locale),
        "conflicts": _conflicts(event, zone_name, locale), "revision": event.revision, "origin": term("origin", event.origin, locale),
        "updated_at": instant_text(event.updated_at, zone_name, locale) if event.updated_at else "",
        "created_at": instant_text(event.created_at, zone_name, locale) if event.created_at else "",
        "extra": extra_views(event, locale), "display_zone": zone_label(zone_name, locale),
    }  # fmt: skip
