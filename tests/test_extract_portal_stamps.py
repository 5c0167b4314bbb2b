"""A portal's labelled publication stamp ("发布时间:2031-09-22 16:21:34", "發布時間:03:00 2031-10-10 HKT") is the
page's time, not an event (issue 15, two Chinese pages of corpus 14). The texts are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-09-22T16:21+08:00")


def test_a_stamp_with_its_source_is_no_event() -> None:
    text = ("关于中秋节休市安排的公告\n"
            "- 发布时间:2031-09-22 16:21:34 来源:某某财经网 责任编辑:某某\n"
            "2031年10月1日(星期三)至10月7日(星期二)休市,10月8日(星期三)起照常开市。\n")
    got = [(c.category, c.start) for c in extract(text, PUBLISHED)]
    assert got == [("other", "2031-10-01")]


def test_a_stamp_with_the_clock_first_is_no_event() -> None:
    text = "新股速遞\n發布時間:03:00 2031-09-23 HKT\n某某科技將於下周五掛牌。\n"
    got = [(c.category, c.start) for c in extract(text, PUBLISHED)]
    assert got == [("ipo", "2031-10-03")]
