"""An exchange's holidays listed one a line under a line about closures ("May 26 - Founders' Day"), and a
standing schedule ("normally open Monday to Friday") that is no event (corpus 7, English). The article is
our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.holidaydates import holiday_date_lists

PUBLISHED = datetime.fromisoformat("2031-04-04T08:00-04:00")  # a Friday


def test_each_listed_holiday_is_a_closure_on_its_day() -> None:
    text = (
        "Is the exchange open today?\n\n"
        "The exchange is normally open Monday to Friday, with no sessions on Saturdays or Sundays.\n\n"
        "In general, the exchange will close for the public holidays. For 2031, these include:\n\n"
        "January 1, 2031 - New Year's Day\n\n"
        "May 26, 2031 - Founders' Day\n\n"
        "July 4, 2031 - Independence Day (falls on a Friday this year)\n\n"
        "Harvest Day: September 1, 2031\n"
    )
    got = [(c.category, c.start, c.end, c.precision) for c in extract(text, PUBLISHED)]
    assert got == [
        ("other", "2031-05-26", "2031-05-26", "date"),
        ("other", "2031-07-04", "2031-07-04", "date"),
        ("other", "2031-09-01", "2031-09-01", "date"),
    ]


def test_rows_without_a_closure_line_are_left_alone() -> None:
    text = "Our favourite days:\nMay 26 - Founders' Day\nJuly 4 - Independence Day\nSeptember 1 - Harvest Day\n"
    assert holiday_date_lists(text) == text


def test_a_weekday_range_ends_in_its_own_week() -> None:
    text = "The Acme conference runs from Monday to Friday."
    got = [(c.start, c.end) for c in extract(text, PUBLISHED)]
    assert got == [("2031-04-07", "2031-04-11")]


def test_regular_trading_hours_are_no_event() -> None:
    text = "Is the exchange open today?\n\nBoth exchanges open at 9:30am ET and close at 4pm on Monday."
    assert extract(text, PUBLISHED) == []


def test_a_weekend_days_closure_alone_is_no_event() -> None:
    text = (
        "Is the exchange open this weekend?\n\n"
        "Trading is closed on Easter Sunday, April 6, as it is every Sunday.\n\n"
        "It will also be closed on Monday, April 7, for the spring holiday.\n"
    )
    got = [(c.category, c.start) for c in extract(text, PUBLISHED)]
    assert got == [("other", "2031-04-07")]


def test_a_bulleted_schedule_keeps_its_early_closes_and_says_each_closure_once() -> None:
    # Published in December for the next year: the bracketed early closes name no year and no weekday, and
    # only the row's weekday puts them in 2031 (3 July 2030 lies closer to the publication day).
    published = datetime.fromisoformat("2030-12-20T08:00-05:00")
    text = (
        "Ruritania exchange holiday schedule for 2031:\n"
        "- New Year’s Day: Wednesday, Jan. 1\n"
        "- Dr. Smith Jr. Day: Monday, Jan. 20\n"
        "- Founders Day: Friday, July 4 (an early close at 1 p.m. ET on July 3)\n"
        "- Harvest Day: Thursday, Nov. 27 (an early close at 1 p.m. ET on Nov. 28)\n"
        "- Winter Day: Thursday, Dec. 25 (moved from Dec. 24)\n\n"
        "The exchange will be closed on Friday, July 4, and reopen on Monday, July 7.\n"
    )
    got = [(c.category, c.start, c.precision) for c in extract(text, published)]
    assert got == [
        ("other", "2031-01-01", "date"),
        ("other", "2031-01-20", "date"),
        ("other", "2031-07-03T13:00-04:00", "datetime"),
        ("other", "2031-07-04", "date"),
        ("other", "2031-11-27", "date"),
        ("other", "2031-11-28T13:00-05:00", "datetime"),
        ("other", "2031-12-25", "date"),
    ]


def test_closures_and_early_closes_are_titled_as_such() -> None:
    published = datetime.fromisoformat("2031-06-20T08:00-04:00")
    text = ("Ruritania exchange holiday schedule for 2031:\n- Founders Day: Friday, July 4 (an early close at 1 p.m. ET on "
            "July 3)\n- Harvest Day: Thursday, Nov. 27\n- Winter Day: Thursday, Dec. 25\n\n12/26/31 Boxing Day Closed\n")
    got = {c.start[:10]: c.title for c in extract(text, published)}
    assert got["2031-07-03"] == "US market early close"
    assert got["2031-07-04"] == "US market closed for Founders Day"
    assert got["2031-12-26"] == "US market closed"

