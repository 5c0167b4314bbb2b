"""A Chinese wrap of the US market (issue 15, round 9, corpus 6 Chinese): its items without a place are American,
not Chinese, so that a lead and the dated item it previews are one event. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.normalize import headline_market


def test_a_us_market_wrap_s_unplaced_items_are_american() -> None:
    """A wrap of the US close ('美股…收跌'): the week's 'results' lead and the dated results whose clause names the
    company only as '公司' are one American event (the lead folds into the dated day)."""
    text = (" date 2031-11-18 美股收跌 某晶片公司財報前承壓\n美股週一全面回檔,投資人靜待本週將公布的某晶片公司財報。\n"
            "某晶片公司股價下跌 1.88%,公司預計週三盤後發布第三季財報。\n")
    got = [(c.start, c.end, c.category, c.region) for c in extract(text, datetime.fromisoformat("2031-11-18T07:00+08:00"))]
    assert got == [("2031-11-19", "2031-11-19", "earnings", "US")]


def test_only_a_us_market_headline_counts() -> None:
    assert headline_market("美股周一收跌 道指跌500点") == "US"
    assert headline_market("A股三大指数收涨 北向资金净流入") is None


def test_a_hong_kong_market_schedule_s_unplaced_closures_are_hong_kong_s() -> None:
    text = "2031年港股休市时间表\n1、元旦:1月1日(星期三)全天休市。\n2、劳动节:5月1日(星期四)休市一天。\n"
    got = [(c.start, c.region) for c in extract(text, datetime.fromisoformat("2030-12-20T09:00+08:00"))]
    assert got == [("2031-01-01", "HK"), ("2031-05-01", "HK")]


def test_a_headline_naming_one_market_gives_its_region() -> None:
    assert headline_market("港股休市时间表") == "HK"
    assert headline_market("美股周一收跌") == "US"
    assert headline_market("A股与港股同日休市") is None
    assert headline_market("美股港股齐跌") is None
