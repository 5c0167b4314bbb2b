"""A week's group of releases, then its members (issue 15, corpus 13 Chinese): "本週…多項重要經濟數據發布，其中，
甲部將公布X；乙會將公布Y" dates each member in that week; "揭曉" brings a release out like "公布". The
preview is our own, in Traditional characters as the shape came."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.weekdaylists import lead_period_clauses

PREVIEW = ("財經週報\n\n本週魯里坦尼亞有多項重要經濟數據發布，其中，經濟部將公布8月外銷訂單，年增率有望逾1成；"
           "發展委員會將公布景氣燈號則預估續亮綠燈。\n")


def test_each_member_of_the_weeks_group_is_dated_in_that_week() -> None:
    got = sorted((c.start, c.end, c.category) for c in extract(PREVIEW, datetime.fromisoformat("2031-09-22T05:30+08:00")))
    assert got == [("2031-09-22", "2031-09-28", "macro_data")] * 2


def test_a_release_disclosed_this_week_is_an_event() -> None:
    text = "財經週報\n\n發展委員會本週將揭曉8月景氣燈號，預期續亮綠燈。\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-09-22T05:30+08:00"))]
    assert got == [("2031-09-22", "macro_data")]


def test_members_with_days_of_their_own_are_left_as_written() -> None:
    text = "本周有多项数据发布,其中,周二公布甲数据;周四公布乙数据。"
    assert lead_period_clauses(text) == text
