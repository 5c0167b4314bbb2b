"""A market-holiday table flattened one cell a line under a "Date Holiday <markets>" header (corpus 5,
English, 10 labels): one event per market and day. A day every market closes is one closure, a day only
bonds close is a bond-market closure, early closes are one timed event per kind and clock, open cells
and past rows are no event, a row cut off before its statuses is not read, and a weekday inside a
holiday's name is not its day. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-06-02T09:00-04:00")

TEXT = (
    "Planning trades around the summer? Here is when the exchanges take a break this year.\n"
    "2031 Trading Holidays\n"
    "DateHolidayNYSENasdaqBond Markets\n"
    "|Friday, April 11\n|Spring Friday\n|Open\n|Open\n|Early close\n(2 p.m.)\n"
    "|Monday, June 16\n|Founders Day\n|Closed\n|Closed\n|Closed\n"
    "|Monday, Oct. 13\n|Harvest Day\n|Open\n|Open\n|Closed\n"
    "|Friday, Nov. 28\n|Day After Feast Thursday\n|Early close\n(1 p.m.)\n|Early close\n(1 p.m.)\n"
    "|Early Close\n(2 p.m.)\n"
    "|Thursday, Dec. 25\n|Winter Day\n|\n"
)


def test_each_market_status_is_one_event() -> None:
    got = sorted((c.category, c.region, c.start, c.precision) for c in extract(TEXT, PUBLISHED))
    assert got == [
        ("other", "US", "2031-06-16", "date"),
        ("other", "US", "2031-10-13", "date"),
        ("other", "US", "2031-11-28T13:00-05:00", "datetime"),
        ("other", "US", "2031-11-28T14:00-05:00", "datetime"),
    ]


def test_a_closed_bond_market_is_no_auction() -> None:
    text = "Markets note.\nThe bond market is closed on Monday, June 16 for Founders Day.\n"
    got = [(c.category, c.start) for c in extract(text, PUBLISHED)]
    assert got == [("other", "2031-06-16")]
