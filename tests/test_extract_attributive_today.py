"""A listing today written as an attribute of the company (corpus 4, Chinese shape 7): "今日上市的某科技
(9999)" is that company's listing today, while "已上市的某公司" stays a past fact. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-11-05T10:00+08:00")


def test_a_listing_today_written_as_an_attribute_is_an_ipo_today() -> None:
    got = extract("新股速遞\n\n而今日上市的某某科技(9999),發售價定為每股3.2元,為招股價範圍下限。\n", PUBLISHED)
    assert [(c.category, c.start) for c in got] == [("ipo", "2031-11-05")]
