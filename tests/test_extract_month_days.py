"""A day of this or next month written after '本月'/'下月' ("本月十五日掛牌", "下月3日") is that day, in
Chinese numerals too, not the whole month; a Hong Kong IPO note's offer words ("今日截招", "公開發售…超購")
make a listing the IPO's (issue 15, round 9, corpus 6 Chinese). The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-02-07T06:00+08:00")


def test_a_day_of_this_or_next_month_in_chinese_numerals() -> None:
    text = ("新股甲今掛牌\n\n另外,兩隻新股乙公司(01234)及丙公司(05678)今日截招,乙公司孖展超購逾百倍。\n\n"
            "乙公司以公開發售集資1,000萬元計,超額認購逾100倍,股份本月十五日掛牌。\n\n"
            "丙公司獲輕微超購0.5倍,股份擬於本月二十日上市。丁公司則擬於下月3日上市,公開發售反應一般。\n")
    got = sorted((c.start, c.end, c.precision, c.category) for c in extract(text, PUBLISHED))
    assert got == [
        ("2031-02-07", "2031-02-07", "date", "ipo"),
        ("2031-02-15", "2031-02-15", "date", "ipo"),
        ("2031-02-20", "2031-02-20", "date", "ipo"),
        ("2031-03-03", "2031-03-03", "date", "ipo"),
    ]


def test_a_month_without_a_day_stays_a_month() -> None:
    got = [(c.start, c.end, c.precision) for c in extract("某公司計劃下月上市。\n", PUBLISHED)]
    assert got == [("2031-03-01", "2031-03-31", "month")]

