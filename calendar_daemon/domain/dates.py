"""The one place that turns a user's date or instant text into a value.

Command options, API query parameters, rule files and event records all give dates as ISO 8601 text:
``2026-03-12`` (a date), ``2026-03-12T08:30`` (wall-clock time), ``2026-03-12T08:30:00+08:00`` or
``...Z`` (an instant). These helpers raise ``ValueError``; each caller turns that into its own error
(a click ``BadParameter``, an HTTP 422, an ``InputError`` naming the file and field).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def has_time(text: str) -> bool:
    """True when ISO text carries a time of day (``T``, a space or a colon), not just a date."""
    return "T" in text or " " in text or ":" in text


def parse_date(text: str) -> date:
    """An ISO date such as ``2026-03-12``."""
    return date.fromisoformat(text.strip())


def parse_datetime(text: str) -> datetime:
    """An ISO date-time; ``Z`` means UTC; without an offset the result is naive (wall-clock time)."""
    return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))


def parse_date_or_datetime(text: str) -> date | datetime:
    """A date-time when the text has a time of day, else a date."""
    return parse_datetime(text) if has_time(text) else parse_date(text)


def to_utc_naive(value: datetime, zone: str) -> datetime:
    """An aware datetime, or a naive wall-clock time in ``zone``, as naive UTC (how the store keeps instants)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(zone))
    return value.astimezone(UTC).replace(tzinfo=None)


def local_time_utc(day: date, at: time, zone: str | ZoneInfo) -> datetime:
    """Wall-clock ``at`` on ``day`` in ``zone``, as a naive UTC datetime."""
    local = datetime.combine(day, at, tzinfo=zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone))
    return local.astimezone(UTC).replace(tzinfo=None)


def local_midnight_utc(day: date, zone: str | ZoneInfo) -> datetime:
    """Midnight at the start of ``day`` in ``zone``, as a naive UTC datetime."""
    return local_time_utc(day, time(0, 0), zone)


def parse_instant(text: str, zone: str, *, end: bool = False) -> datetime:
    """A user's date or date-time as a naive UTC instant; naive text is wall-clock time in ``zone``.

    A date means its local midnight, or with ``end=True`` the midnight after it (so "to 2026-03-12"
    includes that whole day).
    """
    value = parse_date_or_datetime(text)
    try:
        if not isinstance(value, datetime):
            value = datetime.combine(value + timedelta(days=1) if end else value, time(0))
        return to_utc_naive(value, zone)
    except OverflowError:
        raise ValueError(f"{text.strip()!r} is out of the supported range") from None
