"""A week's table flattened to rows, whose day cell stands only in the first row of each day's group
("周一(8月15日) | 日本第二季度GDP | 外汇、股市 |", then "日本6月工业产出 | 日元 | |"), and a day subheading that
is one release's line ("周二(8月16日) 英国7月CPI将公布") (issue 15, round 21: corpus 18). The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

TABLE = """本周财经数据一览
详细数据与事件见下表:
日期 | 本周事件 | 影响品种 |
周一(9月15日) | 日本第二季度GDP | 外汇、股市 |
日本7月工业产出 | 日元、股市 | |
美国9月纽约联储制造业指数 | 美元、股市 | |
周二(9月16日) | 英国8月CPI | 外汇、股市 |
德国9月ZEW经济景气指数 | 欧元、股市 | |
"""


def rows(text: str, published: str) -> list[tuple[str, str]]:
    return sorted((c.start, c.title) for c in extract(text, datetime.fromisoformat(published)))


def test_every_row_of_a_day_group_is_on_its_day() -> None:
    got = rows(TABLE, "2031-09-14T20:00+08:00")  # a Sunday
    assert [start for start, _ in got] == ["2031-09-15"] * 3 + ["2031-09-16"] * 2
    assert any("GDP" in title for _, title in got) and any("ZEW" in title for _, title in got)


def test_a_table_posted_on_its_first_day_keeps_that_day_s_rows() -> None:
    """Posted on the Monday itself: the Monday cell near the top is the table's first day, not a dateline."""
    got = rows(TABLE, "2031-09-15T10:10+08:00")
    assert [start for start, _ in got] == ["2031-09-15"] * 3 + ["2031-09-16"] * 2


def test_a_row_without_a_digit_after_the_header_is_a_row() -> None:
    """"日本第二季度GDP | 外汇、股市 |" has no digit, as a header has none: only the first such row is the header."""
    assert any(start == "2031-09-15" and "GDP" in title for start, title in rows(TABLE, "2031-09-14T20:00+08:00"))


def test_a_day_subheading_naming_one_release_and_that_it_comes_out_is_that_release() -> None:
    text = "本周数据前瞻\n\n周二(9月16日) 英国8月CPI将公布\n"
    got = rows(text, "2031-09-14T20:00+08:00")
    assert len(got) == 1 and got[0][0] == "2031-09-16" and "CPI" in got[0][1]


def test_a_day_subheading_summing_up_the_day_stays_a_heading() -> None:
    text = "本周数据前瞻\n\n周一(9月15日) 多国制造业PMI齐发,估值先行指标登场\n美国9月纽约联储制造业指数\n"
    got = rows(text, "2031-09-14T20:00+08:00")
    assert got and all(start == "2031-09-15" and "齐发" not in title for start, title in got)
