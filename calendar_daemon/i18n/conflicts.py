"""A conflict between sources (``extra["conflicts"]``), said in a locale: who said what.

Each entry records its source (``outlet (authority)``), the value in English words, and (since the
entry keeps them) the value's parts: ``start_at`` (naive UTC) and ``timezone``, or ``start_date``,
``end_date`` and ``precision``. The feed's footer and the event page say the value from its parts in
the display locale; an entry without them shows its stored words.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from calendar_daemon.domain.periods import Precision
from calendar_daemon.i18n.labels import period_text
from calendar_daemon.i18n.moments import date_text, instant_text
from calendar_daemon.i18n.terms import term


def conflict_source_text(conflict: dict[str, object], locale: str) -> str:
    """``搜狐财经 (新闻)`` / ``Sohu (news)``: the source of a conflict line with its authority in ``locale``."""
    source, authority = str(conflict.get("source", "?")), conflict.get("authority")
    suffix = f" ({authority})"
    if isinstance(authority, str) and source.endswith(suffix):
        return f"{source[: -len(suffix)]} ({term('authority', authority, locale)})"
    return source


def conflict_value_text(conflict: dict[str, object], locale: str) -> str:
    """What one source said in a conflict, in ``locale`` when the entry carries its parts (an entry
    recorded before they were kept shows its stored English text)."""
    value = str(conflict.get("value", "?"))
    start_at, zone = conflict.get("start_at"), conflict.get("timezone")
    try:
        if isinstance(start_at, str) and isinstance(zone, str):
            return instant_text(datetime.fromisoformat(start_at).replace(tzinfo=UTC), zone, locale)
        start, end = conflict.get("start_date"), conflict.get("end_date")
        if isinstance(start, str):
            first = date.fromisoformat(start)
            last = date.fromisoformat(end) if isinstance(end, str) else None
            precision = Precision(str(conflict.get("precision", "date")))
            if precision.is_coarse:
                return period_text(precision, first, last, locale)
            if last is None or last == first:
                return date_text(first, locale)
            return f"{date_text(first, locale)} – {date_text(last, locale)}"
    except (ValueError, KeyError):  # an unknown zone or precision: the stored words
        return value
    return value


def stored_conflicts(extra: Any) -> list[dict[str, object]]:
    """The conflict entries of an event's ``extra`` (none when it has no well-formed list)."""
    raw = extra.get("conflicts") if isinstance(extra, dict) else None
    return [item for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []
