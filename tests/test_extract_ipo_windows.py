"""An IPO table with each deal's opening and closing date, flattened into one line ("IPO Opening date Closing date
IPO size … Acme Health May 6 May 8 ₹ 1,841 crore …"): one event over each deal's subscription days (issue 15, an
Indian daily's weekly IPO table in corpus 14). The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-05-04T12:00+05:30")  # a Sunday, India

TABLE = (
    "IPOs this week\n\n"
    "New IPOs\n\n"
    "IPO Opening date Closing date IPO size Price band (per share) Acme Health May 6 May 8 ₹ 1841.76 crore ₹ 430-452 "
    "Bolt Tek May 8 May 10 ₹ 1550.81 crore ₹ 875-920 Crane Polymers May 7 May 12 ₹ 18.11 crore ₹ 52\n"
)


def test_each_row_is_one_deal_over_its_days() -> None:
    got = [(c.category, c.start, c.end, c.title) for c in extract(TABLE, PUBLISHED)]
    assert got == [
        ("ipo", "2031-05-06", "2031-05-08", "Acme Health IPO"),
        ("ipo", "2031-05-07", "2031-05-12", "Crane Polymers IPO"),
        ("ipo", "2031-05-08", "2031-05-10", "Bolt Tek IPO"),
    ]


def test_a_line_without_the_header_is_left_alone() -> None:
    text = "IPOs this week\n\nAcme Health May 6 May 8 and Bolt Tek May 8 May 10 were mentioned.\n"
    assert all(c.end != "2031-05-08" or c.start != "2031-05-06" for c in extract(text, PUBLISHED))


def test_an_offers_closing_days_and_final_price_are_its_steps() -> None:
    """"The retail offering will close on Nov. 28, while the deadline to submit bid forms … is December 4"; "the
    offering size and final price will be disclosed on Dec. 5" (round 20): each is a step of the IPO."""
    text = ("Ruritania Oil sets IPO price range\n\nThe state oil company has launched today, Nov. 17 its IPO for retail and "
            "institutional investors.\nThe retail offering will close on Nov. 28, while the deadline to submit bid forms for "
            "institutional investors is set for December 4.\nThe offering size and final price will be disclosed on Dec. 5, "
            "following the completion of the book-building process.\n")
    got = sorted((c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-11-17T10:00+03:00")))
    assert got == [("2031-11-17", "ipo"), ("2031-11-28", "ipo"), ("2031-12-04", "ipo"), ("2031-12-05", "ipo")]


def test_a_taiwan_subscription_from_today_with_its_day_in_brackets_and_its_lottery() -> None:
    """"將於10月25日轉掛牌上市,今(15)日起至17日開始公開申購…抽籤日為10月21日" (round 20): "今(15)日" is today, so the
    subscription runs from the 15th to the 17th of this month, and the lottery day is a step of the offer."""
    text = ("某航空(9999)將於10月25日轉掛牌上市,今(15)日起至17日開始公開申購,每股承銷價20元。\n"
            "投資人從今天起到17日的14:00可申購,抽籤日為10月21日。\n")
    got = sorted((c.start, c.end, c.category) for c in extract(text, datetime.fromisoformat("2031-10-15T10:00+08:00")))
    assert got == [("2031-10-15", "2031-10-17", "ipo"), ("2031-10-21", "2031-10-21", "ipo"), ("2031-10-25", "2031-10-25", "ipo")]
