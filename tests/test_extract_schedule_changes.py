"""A sentence that moves two releases (issue 15, round 22, corpus 19 Chinese): "发布时间由原定的9月9日上午9:30顺延一天,
即9月10日上午9:30对外发布;…也由原定的9月12日下午1:30顺延至9月13日下午1:30". Each release is proposed at its new
time only, with the time it was moved from; "原定的" names an old date as "原定" does. Our own text."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-08-26T18:00+08:00")
TEXT = ("统计局在公告中表示,8月份居民消费价格指数的发布时间由原定的9月9日上午9:30顺延一天,即9月10日上午9:30对外发布;"
        "8月份社会消费品零售总额数据的发布时间也由原定的9月12日下午1:30顺延至9月15日下午1:30。")


def test_each_move_of_a_sentence_keeps_only_the_new_time() -> None:
    got = sorted({(c.start, c.rescheduled_from) for c in extract(TEXT, PUBLISHED)})
    assert got == [("2031-09-10T09:30+08:00", "2031-09-09T09:30+08:00"),
                   ("2031-09-15T13:30+08:00", "2031-09-12T13:30+08:00")]
