"""Instants and zones as people read them: ``Thu 29 Jan 2026 03:00 Beijing (UTC+08:00)``, ``2026年1月29日 周四 03:00 北京时间 (UTC+8)``.

Zone abbreviations such as ``CST`` are ambiguous (China, US Central, Cuba), so a zone is named by its
city (or its usual Chinese name) and its UTC offset at that instant, never by an abbreviation.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from calendar_daemon.i18n.labels import MONTHS, supported, weekday_names

ZONE_NAMES: dict[str, dict[str, str]] = {
    "zh-CN": {
        "Asia/Shanghai": "北京时间", "Asia/Chongqing": "北京时间", "PRC": "北京时间", "Asia/Hong_Kong": "香港时间",
        "Asia/Taipei": "台北时间", "Asia/Tokyo": "东京时间", "Asia/Singapore": "新加坡时间", "America/New_York": "纽约时间",
        "America/Chicago": "芝加哥时间", "Europe/London": "伦敦时间", "Europe/Frankfurt": "法兰克福时间",
        "Europe/Berlin": "柏林时间", "Europe/Paris": "巴黎时间", "Europe/Brussels": "布鲁塞尔时间", "UTC": "协调世界时",
    },
    "en": {"Asia/Shanghai": "Beijing", "Asia/Chongqing": "Beijing", "PRC": "Beijing", "UTC": "UTC"},
}  # fmt: skip


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def offset_text(offset: timedelta | None, locale: str) -> str:
    """``UTC+8`` (zh-CN) or ``UTC+08:00`` (en); ``UTC−05:00`` with a real minus sign."""
    minutes = int((offset or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    if supported(locale) == "zh-CN":
        return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def zone_name(zone: str, locale: str) -> str:
    """``北京时间`` / ``Beijing``, ``纽约时间`` / ``New York``; else the IANA name's city."""
    known = ZONE_NAMES[supported(locale)].get(zone)
    return known or zone.rsplit("/", 1)[-1].replace("_", " ")


def zone_label(zone: str, locale: str, at: datetime | None = None) -> str:
    """``北京时间 (UTC+8)`` / ``New York (UTC−05:00)``: the offset in force at ``at`` (UTC), else now."""
    moment = datetime.now(UTC) if at is None else at.replace(tzinfo=UTC) if at.tzinfo is None else at
    return f"{zone_name(zone, locale)} ({offset_text(moment.astimezone(_zone(zone)).utcoffset(), locale)})"


def date_text(day: date, locale: str) -> str:
    """``2026年1月29日 周四`` / ``Thu 29 Jan 2026``."""
    weekday = weekday_names(locale)[day.weekday()]
    if supported(locale) == "zh-CN":
        return f"{day.year}年{day.month}月{day.day}日 {weekday}"
    return f"{weekday} {day.day} {MONTHS[day.month - 1]} {day.year}"


def instant_text(value: datetime, zone: str, locale: str, *, with_zone: bool = True) -> str:
    """A stored instant (naive = UTC) in ``zone`` with its date, minutes and (by default) the zone's label."""
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value
    local = aware.astimezone(_zone(zone))
    text = f"{date_text(local.date(), locale)} {local:%H:%M}"
    return f"{text} {zone_label(zone, locale, aware)}" if with_zone else text
