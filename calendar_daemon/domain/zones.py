"""Time zone names, checked against the IANA database (zoneinfo + tzdata)."""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

MAX_ZONE_NAME = 64  # the longest IANA name (America/Argentina/ComodRivadavia) has 32 characters


@lru_cache(maxsize=1)
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def check_zone(value: str) -> str:
    """Return ``value`` if it names an IANA time zone, else raise ``ValueError``.

    The name is looked up in the list of zones before zoneinfo opens any file, so a folder of the
    database (``America``), a path (``../../etc/passwd``) or an overlong name is refused like any
    other unknown name instead of reaching the file system."""
    shown = value if len(value) <= MAX_ZONE_NAME else value[:MAX_ZONE_NAME] + "..."
    if len(value) > MAX_ZONE_NAME or (value not in _known_zones() and value != "UTC"):
        raise ValueError(f"unknown time zone {shown!r} (use an IANA name such as Asia/Shanghai)")
    try:
        ZoneInfo(value)
    except (OSError, ValueError):
        raise ValueError(f"unknown time zone {shown!r} (use an IANA name such as Asia/Shanghai)") from None
    return value
