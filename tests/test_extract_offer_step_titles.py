"""Each step of an offer's timetable is titled by the company and that step ("某某科技截止招股", "某某科技公布配发结果",
"某某科技上市"), not by the sentence's first verb with a generic suffix ("某某科技起招股新股发行"), and a step that names no
company of its own takes the one the sentence names with its code. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-10-09T08:00+08:00")


def test_each_step_is_titled_by_the_company_and_the_step() -> None:
    text = "新股速遞\n\n某某科技(9999)今日起招股,至10月14日截止,預計10月15日定價,10月16日公布配發結果,10月17日掛牌。\n"
    got = {c.start: c.title for c in extract(text, PUBLISHED) if c.category == "ipo"}
    assert got["2031-10-14"] == "某某科技截止招股"
    assert got["2031-10-16"] == "某某科技公布配发结果"
    assert got["2031-10-17"] == "某某科技上市"
