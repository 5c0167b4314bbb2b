"""A Hong Kong offer's timetable (issue 15, corpus 13 Chinese): the public offer's opening at its clock, the
price-fixing day, the price and allotment announcement, the first day of dealings and the end of price
stabilisation are each a step of the listing. The timetable is our own, in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PAGE = ("某某科技(09999) - 全球发售\n\n时间安排 - 香港公开发售2031年12月18日上午九时开始 - 预期定价日2031年12月24日中午十二时前"
        " - 2031年12月29日下午十一时前公布发售价格、认购情况及分配基准等 - 预计H股2031年12月30日上午九时在香港联交所开始交易"
        " 其他 - 稳定价格行动2032年1月22日结束 - 公告日期为2031年12月18日\n")


def test_each_step_of_the_offer_is_a_listing_event() -> None:
    got = sorted((c.start, c.category) for c in extract(PAGE, datetime.fromisoformat("2031-12-18T08:00+08:00")))
    assert got == [("2031-12-18T09:00+08:00", "ipo"), ("2031-12-24T12:00+08:00", "ipo"), ("2031-12-29T23:00+08:00", "ipo"),
                   ("2031-12-30T09:00+08:00", "ipo"), ("2032-01-22", "ipo")]


def test_the_steps_are_titled_by_what_happens() -> None:
    titles = {c.start: c.title for c in extract(PAGE, datetime.fromisoformat("2031-12-18T08:00+08:00"))}
    assert titles["2031-12-18T09:00+08:00"] == "香港公开发售开始"
    assert titles["2031-12-30T09:00+08:00"] == "H股开始交易"
    assert titles["2032-01-22"] == "稳定价格行动结束"
