"""Instants and zones in words: the date always, a city and the UTC offset in force, never an abbreviation."""

from __future__ import annotations

from datetime import datetime

import pytest

from calendar_daemon.i18n.moments import instant_text, zone_label
from calendar_daemon.i18n.terms import lead_text, term


@pytest.mark.parametrize(
    ("utc", "zone", "locale", "expected"),
    [
        (datetime(2026, 1, 28, 19, 0), "Asia/Shanghai", "en", "Thu 29 Jan 2026 03:00 Beijing (UTC+08:00)"),
        (datetime(2026, 1, 28, 19, 0), "Asia/Shanghai", "zh-CN", "2026年1月29日 周四 03:00 北京时间 (UTC+8)"),
        (datetime(2026, 7, 29, 18, 0), "America/New_York", "en", "Wed 29 Jul 2026 14:00 New York (UTC−04:00)"),  # summer time
        (datetime(2026, 1, 28, 19, 0), "America/New_York", "zh-CN", "2026年1月28日 周三 14:00 纽约时间 (UTC−5)"),
        (datetime(2026, 1, 28, 19, 0), "Asia/Kolkata", "en", "Thu 29 Jan 2026 00:30 Kolkata (UTC+05:30)"),
        (datetime(2026, 1, 28, 19, 0), "Asia/Kolkata", "zh-CN", "2026年1月29日 周四 00:30 Kolkata (UTC+5:30)"),
        (datetime(2026, 1, 28, 19, 0), "UTC", "en", "Wed 28 Jan 2026 19:00 UTC (UTC+00:00)"),
    ],
)
def test_instant_text(utc: datetime, zone: str, locale: str, expected: str) -> None:
    assert instant_text(utc, zone, locale) == expected
    assert "CST" not in expected and "EST" not in expected


def test_zone_label_uses_the_offset_at_the_instant() -> None:
    assert zone_label("Europe/London", "en", datetime(2026, 7, 1, 12, 0)) == "London (UTC+01:00)"
    assert zone_label("Europe/London", "zh-CN", datetime(2026, 1, 1, 12, 0)) == "伦敦时间 (UTC+0)"


@pytest.mark.parametrize(
    ("lead", "en", "zh"),
    [
        ("1h", "1 h before", "提前1小时"),
        ("1h30m", "1 h 30 min before", "提前1小时30分钟"),
        ("d-1@09:00", "1 day before, 09:00", "前1天 09:00"),
        ("d-3@08:30", "3 days before, 08:30", "前3天 08:30"),
        ("d-0@09:00", "on the day, 09:00", "当天 09:00"),
        ("period@09:00", "start of the period, 09:00", "期初 09:00"),
        ("2026-W05", "2026-W05", "2026-W05"),  # a digest key is shown as stored
    ],
)
def test_lead_text(lead: str, en: str, zh: str) -> None:
    assert (lead_text(lead, "en"), lead_text(lead, "zh-CN")) == (en, zh)


def test_unknown_values_are_shown_as_stored() -> None:
    assert term("origin", "seed", "zh-CN") == "内置种子数据"
    assert term("origin", "from-the-future", "zh-CN") == "from-the-future"
