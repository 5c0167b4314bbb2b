"""A dividend's payment day (issue 15, corpus 13 Chinese): "预计明年1月8日发放入账", "将于明年1月8日领取股息" and
"…除息交易日则为…,将于4月9日发放" each date the payment, titled as the company's dividend payment. The
story is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

STORY = ("台积电今日除息\n\n台积电今(11)日进行第二季现金股利除息,以每股现金股利5元估算,股东将于明年1月8日领取股息。"
         "此次除息每股将配发5元,预计明年1月8日发放入帐。台积电董事会另决议第三季每股配发现金股利6元,"
         "除息交易日则为2032年3月17日,将于2032年4月9日发放。\n")


def test_each_payment_day_is_the_companys_dividend_payment() -> None:
    got = extract(STORY, datetime.fromisoformat("2031-12-11T09:00+08:00"))
    paid = sorted((c.start, c.title) for c in got if c.category == "corporate" and "发放" in c.title)
    assert paid == [("2032-01-08", "台积电股息发放"), ("2032-04-09", "台积电股息发放")]
