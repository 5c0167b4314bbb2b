"""A table exported one cell a line with its pipes kept (issue 15, corpus 9 Chinese): each date row is one
event per column, a bond event when the page's title names what is auctioned. The page is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PAGE = """2031年第4季某银行定期存单标售发行资讯
某银行新闻稿 2031年9月25日发布
一、2031年第4季标售发行资讯如下:
(一)2031年10月
项目 |
364天期 |
2年期 |
---|---|---|
投/开标日期 |
2031年10月3日 |
2031年10月17日 |
发行日期 |
2031年10月7日 |
2031年10月20日 |
标售总额 |
1,400亿元 |
250亿元 |
"""


def test_each_date_cell_is_one_bond_event_of_its_column() -> None:
    got = sorted((c.start, c.category, c.title) for c in extract(PAGE, datetime.fromisoformat("2031-09-25T16:00+08:00"))
                 if c.precision == "date" and c.start != "2031-09-25")
    assert got == [
        ("2031-10-03", "bond", "364天期定期存单投/开标"),
        ("2031-10-07", "bond", "364天期定期存单发行"),
        ("2031-10-17", "bond", "2年期定期存单投/开标"),
        ("2031-10-20", "bond", "2年期定期存单发行"),
    ]
