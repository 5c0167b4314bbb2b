"""A lock-up expirations table flattened to lines (issue 15, corpus 11 English): one lock-up event per
expiration day naming its companies, the price cell glued to the date read apart from it. The page is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PAGE = """IPO Lockup Expirations

A lock-up prevents insiders from selling shares for a number of days after an IPO.

CompanyCurrent PriceExpiration DateNumber of SharesInitial Share PriceOffer SizeDate Priced
LNTM
Lantern Mills
$9.913/3/20311,000,000$5.00$5,000,0009/2/2030
OCNF
Ocean Foods Corp. II
$18.653/3/203138,500,000$10.00$385,000,0009/3/2030
Harbour logo
HRBR
Harbour Group
$220.753/7/203128,000,000$120.00$3,360,000,0009/16/2030
"""


def test_each_expiration_day_is_one_lockup_event() -> None:
    got = [(c.start, c.category) for c in extract(PAGE, datetime.fromisoformat("2031-02-28T16:00-05:00"))]
    assert got == [("2031-03-03", "lockup"), ("2031-03-07", "lockup")]


def test_a_page_not_about_lockups_is_left_alone() -> None:
    page = PAGE.replace("IPO Lockup Expirations", "Share prices").replace("A lock-up prevents", "Nothing prevents")
    assert [c for c in extract(page, datetime.fromisoformat("2031-02-28T16:00-05:00")) if c.category == "lockup"] == []


def test_investors_able_to_sell_from_a_day_is_a_lock_up_expiry() -> None:
    """Round 19 (corpus 15): "early investors will be able to sell come March 21" is the end of a lock-up, not the
    listing the sentence also names."""
    text = "Lock-up watch\n\nEarly investors in Acme Foods will be able to sell come March 21 – five backers bought stock in its IPO.\n"
    got = [(c.category, c.start) for c in extract(text, datetime.fromisoformat("2031-01-21T10:00+08:00"))]
    assert got == [("lockup", "2031-03-21")]
