"""A Chinese wrap of the US market (issue 15, round 9, corpus 6 Chinese): its items without a place are American,
not Chinese, so that a lead and the dated item it previews are one event. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.normalize import us_market


def test_a_us_market_wrap_s_unplaced_items_are_american() -> None:
    """A wrap of the US close ('美股…收跌'): the week's 'results' lead and the dated results whose clause names the
    company only as '公司' are one American event (the lead folds into the dated day)."""
    text = (" date 2031-11-18 美股收跌 某晶片公司財報前承壓\n美股週一全面回檔,投資人靜待本週將公布的某晶片公司財報。\n"
            "某晶片公司股價下跌 1.88%,公司預計週三盤後發布第三季財報。\n")
    got = [(c.start, c.end, c.category, c.region) for c in extract(text, datetime.fromisoformat("2031-11-18T07:00+08:00"))]
    assert got == [("2031-11-19", "2031-11-19", "earnings", "US")]


def test_only_a_us_market_headline_counts() -> None:
    assert us_market("美股周一收跌 道指跌500点")
    assert not us_market("A股三大指数收涨 北向资金净流入")
