"""A market's holidays listed by name with their days in brackets, month by month, under an intro naming
the year; and a release calendar whose year-less rows run forward past half a year from the publication
day. Articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

HOLIDAYS = """某市场休市一览

2031年某市场休市时间如下表,以交易所公告为准。

月份

具体时间

1月

1. 元旦(1月1日)2. 农历年初一(1月23日)3.农历年初二、初三(1月24,25日)

4月

1.清明节(4月4日)  2.耶稣受难日(4月4日)

5月

1.劳动节(5月1日) 2.佛诞(5月3日)

12月

1.半日市(12月24日下午休市半日)  2.圣诞节(12月25日)
"""


def test_each_weekday_of_the_list_is_one_closure_in_the_intros_year() -> None:
    got = extract(HOLIDAYS, datetime.fromisoformat("2030-12-28T09:00+08:00"))
    assert {c.category for c in got} == {"other"}
    # 25 January and 3 May 2031 are Saturdays: nothing closes that was open
    assert sorted(c.start for c in got) == ["2031-01-01", "2031-01-23", "2031-01-24", "2031-04-04", "2031-05-01",
                                            "2031-12-24", "2031-12-25"]


def test_two_holidays_on_one_day_are_one_closure() -> None:
    got = extract(HOLIDAYS, datetime.fromisoformat("2030-12-28T09:00+08:00"))
    assert [c.start for c in got].count("2031-04-04") == 1


ROWS = """某国数据公布日一览

以下是整理的全年公布日期:

8月7日美国7月非农就业人口变动

9月4日美国8月非农就业人口变动

9月10日美国8月PPI

10月2日美国9月非农就业人口变动
"""


def test_rows_running_forward_keep_the_year_past_half_a_year() -> None:
    got = extract(ROWS, datetime.fromisoformat("2031-03-05T16:50+08:00"))
    assert sorted(c.start for c in got) == ["2031-08-07", "2031-09-04", "2031-09-10", "2031-10-02"]
