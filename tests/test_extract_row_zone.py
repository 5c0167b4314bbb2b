"""The zone of clock rows that state none (issue 15, corpus 3 shape 6): a London broker's week-ahead
("13:30 – US CPI", "19:00 – Fed decision") is read in the zone where its clocks agree with the
releases' usual times, not in the zone the article's language suggests. The articles are our own."""

from __future__ import annotations

from datetime import date, datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.rowzone import rows_zone

LONDON_WEEK = """The week ahead with Northgate Markets: Monday November 30th - Friday December 4th

This week the focus is on the Fed and on payrolls.

Tuesday December 1st

09:30 – UK Manufacturing PMI (Nov)

13:30 – US Consumer Price Index (Nov)

Wednesday December 2nd

19:00 – US Federal Reserve rate decision, with the press conference after

Friday December 4th

13:30 – US Non-Farm Payrolls (Nov)
"""


def test_zone_less_rows_agreeing_with_london_clocks_are_read_in_london() -> None:
    got = [(c.start, c.category, c.region) for c in extract(LONDON_WEEK, datetime.fromisoformat("2026-11-28T12:00+00:00"))]
    assert got == [
        ("2026-12-01T09:30+00:00", "macro_data", "GB"),
        ("2026-12-01T13:30+00:00", "macro_data", "US"),
        ("2026-12-02T19:00+00:00", "central_bank", "US"),
        ("2026-12-04T13:30+00:00", "macro_data", "US"),
    ]


def test_rows_that_agree_with_the_article_zone_keep_it() -> None:
    """A New York page: 08:30 is the CPI's usual New York clock, so nothing is changed."""
    text = "08:30 – US CPI (November)\n14:00 – Fed interest rate decision\n"
    assert rows_zone(text, "America/New_York", date(2026, 12, 1)) is None
    [cpi, fed] = extract("Today's calendar\nDec 1, 2026\n\n" + text, datetime.fromisoformat("2026-12-01T06:00-05:00"))
    assert (cpi.start, fed.start) == ("2026-12-01T08:30-05:00", "2026-12-01T14:00-05:00")


def test_rows_that_partly_agree_with_the_article_zone_keep_it() -> None:
    """The CPI row agrees with London but the ISM row with New York, the page's zone: no change."""
    text = "13:30 – US CPI (November)\n10:00 – ISM manufacturing index\n"
    assert rows_zone(text, "America/New_York", date(2026, 12, 1)) is None


def test_a_single_row_with_a_usual_time_is_not_enough_beside_others() -> None:
    """One London fit and one row whose release fits no zone at all: two fits are needed then."""
    text = "13:30 – US CPI (November)\n07:45 – ISM manufacturing index\n"
    assert rows_zone(text, "America/New_York", date(2026, 12, 1)) is None


def test_summer_time_is_taken_on_the_day() -> None:
    """In July a US 08:30 release is 13:30 in London (BST): the rows are London's, at +01:00."""
    text = "Week ahead\n\nTuesday July 14th\n\n13:30 – US CPI (June)\n\nWednesday July 29th\n\n19:00 – Fed interest rate decision\n"
    got = [c.start for c in extract(text, datetime.fromisoformat("2026-07-11T12:00+01:00"))]
    assert got == ["2026-07-14T13:30+01:00", "2026-07-29T19:00+01:00"]
