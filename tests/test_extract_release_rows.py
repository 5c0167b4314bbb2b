"""Rows of a release calendar that give each release its day and no verb, the data's own month between
them ("3月11日某国2月CPI"), and the vocabulary that makes a release data (industrial output, capacity use,
"一系列数据"). Articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-03-05T16:50+08:00")

ROWS = """某国数据公布日一览

以下是整理的公布日期:

1月10日美国12月非农就业人口变动

3月11日美国2月CPI

3月12日美国2月PPI

4月3日美国3月非农就业人口变动
"""


def test_each_row_is_its_release_on_its_day_and_past_rows_are_not_events() -> None:
    got = sorted((c.start, c.category, c.precision) for c in extract(ROWS, PUBLISHED))
    assert got == [("2031-03-11", "macro_data", "date"), ("2031-03-12", "macro_data", "date"),
                   ("2031-04-03", "macro_data", "date")]


def test_the_month_after_the_day_is_the_data_period_not_the_day() -> None:
    got = extract("数据日历\n\n3月11日美国2月CPI\n", PUBLISHED)
    assert [(c.start, c.end, c.precision) for c in got] == [("2031-03-11", "2031-03-11", "date")]


def test_a_quarter_after_the_day_is_a_data_period_too() -> None:
    got = extract("数据日历\n\n4月16日中国一季度GDP\n", PUBLISHED)
    assert [(c.start, c.category) for c in got] == [("2031-04-16", "macro_data")]


def test_output_and_a_series_of_figures_are_data_not_company_news() -> None:
    text = ("本周两国数据\n\n某国将于周四发布工业产值数据,预计小幅增长。另一方面,中国将在周四发布一系列数据,"
            "市场最关注一季度GDP。\n")
    got = extract(text, datetime.fromisoformat("2031-04-14T09:00+08:00"))  # a Monday
    assert got and {c.category for c in got} == {"macro_data"}
    assert {c.start for c in got} == {"2031-04-17"}


def test_a_count_so_far_in_a_quarter_is_no_event() -> None:
    text = "新股市场\n\n市场暢旺,踏入第三季已有20家新股掛牌,其中多家首日上升。\n"
    assert extract(text, datetime.fromisoformat("2031-07-20T08:00+08:00")) == []
