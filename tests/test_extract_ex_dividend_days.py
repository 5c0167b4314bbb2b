"""An ex-dividend page's table flattened one cell a line (issue 15, corpus 13 English): each day heading's
companies go ex-dividend that day, one event a day. The page is our own, in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.exdividendrows import ex_dividend_days

PAGE = """Five Stocks Going Ex-Dividend This Week

Here are the companies going ex-dividend this week.

Date Frequency of Dividend Dividend Amount Dividend Yield
Tuesday, July 29
Acme Stores (ACME)
quarterly $0.56 3.22%
Thursday, July 31
Bluegum Foods (BLUE)
Coral Bank (CRL)
quarterly
quarterly
$0.37
$0.24
Friday, August 1
Dingo Energy (DNG)
Emu Rail (EMU)
quarterly
monthly
$0.42
$0.05
"""


def test_each_days_companies_go_ex_dividend_that_day() -> None:
    got = sorted((c.start, c.category, c.title) for c in extract(PAGE, datetime.fromisoformat("2031-07-28T09:00-04:00")))
    assert [(s, c) for s, c, _ in got] == [("2031-07-29", "corporate"), ("2031-07-31", "corporate"), ("2031-08-01", "corporate")]
    assert all("ex-dividend" in t for _, _, t in got)


def test_a_page_that_names_no_dividend_is_left_alone() -> None:
    text = PAGE.replace("Ex-Dividend", "Higher").replace("ex-dividend", "higher")
    assert ex_dividend_days(text) == text


def test_the_last_day_to_buy_and_the_day_the_money_arrives_are_events_of_their_own() -> None:
    """"想领息的投资人,最晚要在16日买进,就能在4月7日领到钱": the last buying day and the payment day beside the
    ex-dividend day (round 21: corpus 18, a Taiwan ETF item). The item is our own."""
    text = ("某投信2档ETF同日除息\n\n某投信旗下2档ETF都将在17日同步除息,想领息的投资人,最晚要在16日买进,就能在4月7日领到钱。\n")
    got = sorted((c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-03-13T11:00+08:00")))
    assert got == [("2031-03-16", "corporate"), ("2031-03-17", "corporate"), ("2031-04-07", "corporate")]
