"""A holiday table with unpadded ISO-like dates (corpus 4, Chinese shape 3): "YYYY-M-D 名稱 星期X English
name" rows under a closure heading are one closure each on their own day; a 周日 inside a holiday's name
is not the row's day. The same rows with Chinese dates ("2031年1月23日星期四农历年初二", corpus 10) too.
All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.isorows import holiday_rows

PUBLISHED = datetime.fromisoformat("2031-07-01T09:00+08:00")

TABLE = (
    "某市場下半年假期\n\n下半年港股休市安排:\n"
    "2031-9-3 某節翌日 星期三 Day after Some Festival\n"
    "2031-10-1 國慶日 星期三 National Day\n"
    "2031-12-26 聖誕節後第一個周日 星期五 First Weekday following Christmas\n"
)


def test_each_row_is_a_closure_on_its_own_day() -> None:
    days = sorted(c.start for c in extract(TABLE, PUBLISHED) if c.precision == "date" and c.start == c.end)
    assert days == ["2031-09-03", "2031-10-01", "2031-12-26"]


def test_rows_under_no_closure_heading_are_left_alone() -> None:
    text = "某公司大事記\n2031-9-3 某產品 星期三 launch\n2031-10-1 某產品 星期三 launch\n"
    assert holiday_rows(text, True) == text


def test_rows_with_chinese_dates_and_weekdays_are_closures_too() -> None:
    text = ("某市场2031年休市安排\n某交易所2031年节日休市安排如下:\n"
            "2031年1月1日星期三元旦\n2031年1月23日星期四农历年初二\n4月4日(星期五) 清明节\n")
    got = [(c.category, c.start) for c in extract(text, datetime.fromisoformat("2030-12-20T09:00+08:00"))]
    assert got == [("other", "2031-01-01"), ("other", "2031-01-23"), ("other", "2031-04-04")]


def test_chinese_dated_rows_under_no_closure_heading_are_left_alone() -> None:
    text = "某公司大事记\n2031年1月1日星期三新品发布\n2031年1月23日星期四年会\n"
    assert holiday_rows(text, True) == text
