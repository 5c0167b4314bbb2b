"""Weekdays chained after "下周X" are in that next week (corpus 4, Chinese false positive 6): written in the
week of 22 December, "某市場下周四、周五停止交易" is 1 and 2 January, never the Friday of the current
week. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.nextweekdays import next_week_chains

PUBLISHED = datetime.fromisoformat("2031-12-23T09:00+08:00")  # a Tuesday


def test_a_chained_weekday_takes_the_next_week() -> None:
    got = extract("某市場假期安排\n\n也就是說,某市場將在下周四、周五休市兩天。\n", PUBLISHED)
    assert all(c.start >= "2031-12-29" for c in got), got
    assert got


def test_the_rewrite_reaches_every_member_of_a_chain_only_after_next_week() -> None:
    assert next_week_chains("下周二、周三及周四", True) == "下周二、下周三及下周四"
    assert next_week_chains("本周四、周五", True) == "本周四、周五"
