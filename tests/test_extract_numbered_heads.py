"""A preview's numbered items whose time opens the paragraph below them (issue 15, corpus 15 Chinese shape S09):
"1) 美国消费者物价指数(CPI)" alone on its line, then "北京时间周三20:30。…". The heading's release is the event at
that time. The articles are our own, written in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.numberedheads import numbered_heads

PUBLISHED = datetime.fromisoformat("2031-04-06T12:00+08:00")  # a Sunday
PREVIEW = """本周五大事件前瞻
以下是本周需要关注的五大基本面事件的预览。
1) 美国消费者物价指数(CPI)
北京时间周三20:30。美国通胀是否重新加速?市场高度关注。
2) 加拿大央行利率决议
北京时间周三21:45,加央行的政策制定者通常不会受到太多关注。
"""


def test_each_numbered_release_is_at_the_time_below_it() -> None:
    assert [(c.start, c.category, c.region) for c in extract(PREVIEW, PUBLISHED)] == [
        ("2031-04-09T20:30+08:00", "macro_data", "US"),
        ("2031-04-09T21:45+08:00", "central_bank", "CA"),
    ]


def test_a_numbered_heading_that_names_no_release_lends_nothing() -> None:
    text = "前瞻\n1) 市场情绪\n北京时间周三20:30。投资者仍然谨慎。\n"
    assert numbered_heads(text, True) == text
