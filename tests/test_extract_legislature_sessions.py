"""A legislature's session schedule (issue 15, round 23): the session and its stages are policy events over their
spans ("3月5日--3月8日上午,召开第一次全体会议": a double dash joins the span, and a half day left after it still lets
the date read with the next clause), ministries' press meetings (见面会) are conferences titled without a doubled
"会议", and a launch date that was announced (官宣了) on the publication day is no event. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-02-28T12:00+08:00")
AGENDA = ("某国议会议程公布\n\n"
          "第一阶段,3月5日--3月8日上午,召开第一次全体会议,审议政府工作报告;\n"
          "3月5日下午,发改委见面会;\n")


def test_a_stage_of_the_session_is_a_policy_event_over_its_span() -> None:
    got = [(c.start, c.end, c.category) for c in extract(AGENDA, PUBLISHED) if c.category == "policy"]
    assert got == [("2031-03-05", "2031-03-08", "policy")]


def test_a_ministrys_press_meeting_is_a_conference_titled_once() -> None:
    got = [(c.start, c.category, c.title) for c in extract(AGENDA, PUBLISHED) if c.category == "conference"]
    assert got == [("2031-03-05", "conference", "发改委见面会")]


def test_a_day_announced_today_is_no_event() -> None:
    text = "新品消息\n\n2月28日上午,某品牌新机的发布会时间官宣了:将在下月举行。\n"
    assert all(c.start[:10] != "2031-02-28" for c in extract(text, PUBLISHED))
