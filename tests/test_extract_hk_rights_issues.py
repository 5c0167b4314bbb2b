"""A Hong Kong rights issue's timetable (供股, issue 15, round 23): its steps are corporate events, the last time to
accept and pay is an event at its clock ("下午4时正", four o'clock sharp), and no title is the leftover "正". The
timetable is our own, in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PAGE = ("某某基金供股\n\n某某基金正按认购价每个供股基金单位20港元进行“5供1”供股。\n"
        "2031年3月21日下午4时正 | 接纳供股基金单位及缴付股款最后时限 |\n"
        "2031年3月28日 | 于联交所网站公布供股结果 |\n"
        "2031年3月30日上午9时正 | 缴足股款的供股基金单位开始买卖 |\n")


def test_each_step_of_a_rights_issue_is_a_corporate_event_at_its_clock() -> None:
    got = [(c.start, c.category) for c in extract(PAGE, datetime.fromisoformat("2031-03-20T12:00+08:00"))]
    assert got == [("2031-03-21T16:00+08:00", "corporate"), ("2031-03-28", "corporate"), ("2031-03-30T09:00+08:00", "corporate")]


def test_no_title_is_the_clocks_leftover() -> None:
    titles = [c.title for c in extract(PAGE, datetime.fromisoformat("2031-03-20T12:00+08:00"))]
    assert titles and all(not t.startswith("正") for t in titles)
