"""Lead times ("1d", "1h", "10m", "1m", "90s"), clock times ("08:30") and weekly slots ("SUN 20:00")."""

from __future__ import annotations

import re
from datetime import time, timedelta

_DURATION_RE = re.compile(r"^\s*(?:(\d+)w)?\s*(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?\s*$")
_CLOCK_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


def parse_duration(text: str) -> timedelta:
    """Parse ``"1d"``, ``"1h30m"``, ``"10m"``, ``"45s"``; raise ``ValueError`` otherwise."""
    match = _DURATION_RE.match(text)
    if not text.strip() or not match or not any(match.groups()):
        raise ValueError(f"bad duration {text!r} (use e.g. \"1d\", \"1h\", \"10m\", \"1m\")")
    weeks, days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    value = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
    if value <= timedelta(0):
        raise ValueError(f"bad duration {text!r}: must be longer than zero")
    return value


def format_duration(value: timedelta) -> str:
    """The canonical short form: ``timedelta(hours=1)`` → ``"1h"``, 90 minutes → ``"1h30m"``."""
    seconds = int(value.total_seconds())
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


def parse_clock(text: str) -> time:
    """Parse ``"HH:MM"`` (24-hour clock)."""
    match = _CLOCK_RE.match(text.strip())
    if not match:
        raise ValueError(f"bad time of day {text!r} (use HH:MM, e.g. \"08:30\")")
    return time(int(match.group(1)), int(match.group(2)))


def parse_weekly(text: str) -> tuple[int, time]:
    """Parse ``"SUN 20:00"`` into (weekday 0=Monday, time)."""
    parts = text.split()
    if len(parts) != 2 or parts[0].upper()[:3] not in WEEKDAYS:
        raise ValueError(f"bad weekly time {text!r} (use e.g. \"SUN 20:00\")")
    return WEEKDAYS.index(parts[0].upper()[:3]), parse_clock(parts[1])
