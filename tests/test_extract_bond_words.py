"""A government bond in Taiwan wording (issue 15, corpus 7 Chinese shape 8): "公債" is a bond and "標售" its
auction, so the auction, the issue day ("發行日期") and the maturity of one are 'bond' events, not a
listing. The notice is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

NOTICE = (
    "財政部增額發行「115乙3期」公債\n"
    "財政部訂於本(115)年5月12日委託中央銀行標售增額「115乙3期」公債200億元,年期為10年期,"
    "發行日期為本年5月15日,到期日為125年3月9日。\n"
)


def test_auction_issue_and_maturity_of_a_government_bond_are_bond_events() -> None:
    got = extract(NOTICE, datetime.fromisoformat("2026-05-04T17:00+08:00"))
    assert {c.category for c in got} == {"bond"}
    assert {"2026-05-12", "2026-05-15", "2036-03-09"} <= {c.start for c in got}


def test_a_retail_bond_s_subscription_period_is_a_bond_window() -> None:
    """Round 19 (corpus 16): "認購期" (a subscription period) is an event word, and "由A開始,至B結束" is one span."""
    text = "零售債券認購安排\n今批零售債券的認購期由5月26日開始,至6月6日結束。\n"
    got = extract(text, datetime.fromisoformat("2031-05-14T12:00+08:00"))
    assert [(c.category, c.start, c.end) for c in got] == [("bond", "2031-05-26", "2031-06-06")]
    assert got[0].title.endswith("零售债券认购期")  # no "由…开始" left in it


def test_an_interest_payment_date_is_the_bond_s() -> None:
    """Round 19 (corpus 16): a gilt's next "interest payment date" is a bond event, not a company's payment."""
    text = ("The Treasury Gilt 2041 pays interest twice a year, with the next interest payment date scheduled for "
            "January 31, 2032.\n")
    got = [(c.category, c.start) for c in extract(text, datetime.fromisoformat("2031-07-16T09:00+01:00"))]
    assert got == [("bond", "2032-01-31")]


def test_a_bonds_delisting_day_is_an_event() -> None:
    """"将于…摘牌" (the bond leaves the exchange after its final payment) dates a bond event (round 20)."""
    text = "债券公告\n\n某公司2021年公司债券(第一期)将于2031年3月5日摘牌。\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-02-26T07:00+08:00"))]
    assert got == [("2031-03-05", "bond")]
