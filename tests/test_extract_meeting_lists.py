"""A central bank's meeting calendar written as bullets of days under a heading, with one sentence for
when every decision comes out; and a day's table whose clock cell says the time is not fixed ("不定").
Articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.meetinglists import meeting_lists

PUBLISHED = datetime.fromisoformat("2030-12-10T09:00+08:00")

CALENDAR = """美联储2031年会议一览
以下是联邦公开市场委员会(FOMC)在2031年的全部定期会议安排。
会议时间(均为美东时间):
· 2031年1月28日-29日 (周二-周三)
· 2031年3月18日-19日 (周二-周三) [季度会议]
· 2031年4月29日-30日 (周二-周三)
· 每次会议的决议均于会议第二天下午2:00(美东时间)对外宣布。
"""


def test_each_bullet_is_a_meeting_and_its_decision_at_the_stated_clock() -> None:
    got = sorted((c.start, c.end, c.precision) for c in extract(CALENDAR, PUBLISHED))
    assert got == [
        ("2031-01-28", "2031-01-29", "date"),
        ("2031-01-29T14:00-05:00", None, "datetime"),
        ("2031-03-18", "2031-03-19", "date"),
        ("2031-03-19T14:00-04:00", None, "datetime"),  # New York is on summer time by then
        ("2031-04-29", "2031-04-30", "date"),
        ("2031-04-30T14:00-04:00", None, "datetime"),
    ]


def test_bullets_without_a_meetings_heading_are_left_alone() -> None:
    text = "某公司大事记\n· 2031年1月28日\n· 2031年3月18日\n· 2031年4月29日\n"
    assert meeting_lists(text, True) == text


TABLE = """本週焦點
2031年1月27日 – 1月31日 重要事件行事曆
※以下時間均為台灣時間(GMT+8)。
1月27日(星期一)
| 時間 | 國家/地區 | 指標/事件 |
|---|---|---|
| 不定 | 日本 | 企業財報:某精機 |
| 22:45 | 加拿大 | 加拿大央行政策利率公布 |
"""


def test_a_row_whose_clock_is_not_fixed_is_on_its_day_and_a_policy_rate_is_the_banks() -> None:
    got = sorted((c.start, c.category) for c in extract(TABLE, datetime.fromisoformat("2031-01-26T10:00+08:00")))
    assert got == [("2031-01-27", "earnings"), ("2031-01-27T22:45+08:00", "central_bank")]


ANNOUNCEMENTS = """The Bank of Canada today set out its schedule of key dates for the coming year.

The scheduled announcement dates for 2031 are the following:

  • Wednesday 22 January*
  • Wednesday 5 March
  • Wednesday 16 April*

*with the quarterly report

Every rate announcement will be released at 09:45 (ET).
"""


def test_english_announcement_days_are_the_banks_decisions_at_the_stated_clock() -> None:
    got = extract(ANNOUNCEMENTS, datetime.fromisoformat("2030-07-30T10:00-04:00"))
    decisions = sorted(c.start for c in got if c.precision == "datetime")
    assert decisions == ["2031-01-22T09:45-05:00", "2031-03-05T09:45-05:00", "2031-04-16T09:45-04:00"]
    assert {c.category for c in got if c.precision == "datetime"} == {"central_bank"}
    assert [c for c in got if c.precision in ("year", "month")] == []  # the lead's year is no event
