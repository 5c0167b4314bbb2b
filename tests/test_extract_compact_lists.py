"""Chinese list shapes: places run together one character each before a release ("英美法德欧 3 月 PMI" is
five releases), and a year's closure list whose rows name long holidays and open their span with "从",
rows past half a year from the publication day included. Articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract


def test_places_run_together_before_a_release_are_one_release_each() -> None:
    text = "本周重点事件\n03 月 24 日\n  • 英美法德欧 3 月 PMI\n"
    got = sorted(c.region for c in extract(text, datetime.fromisoformat("2031-03-23T10:00+08:00")))
    assert got == ["DE", "EU", "FR", "GB", "US"]


CLOSURES = """某市场2032年休市时间表
1、元旦:1月1日(星期四)全天休市。
2、耶稣受难节及复活节假期:从3月26日(星期五)至3月29日(星期一)连续休市。
3、某特别行政区成立纪念日:7月1日(星期四)休市一天。
4、国庆节:10月1日(星期五)休市一天。
"""


def test_every_row_of_a_year_list_is_in_that_year() -> None:
    got = sorted((c.start, c.end) for c in extract(CLOSURES, datetime.fromisoformat("2031-12-28T09:00+08:00")))
    assert got == [("2032-01-01", "2032-01-01"), ("2032-03-26", "2032-03-29"), ("2032-07-01", "2032-07-01"),
                   ("2032-10-01", "2032-10-01")]
