"""Numeric dates with their year in English pages: "11/24/31" is month first on an American page and day
first on a British one; a weekday in brackets after such a date is that date's weekday, not another day.
Articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.compose import anchor_for, find_times

HOURS = """Market holidays and hours

Here they are:

11/27/31     Thanksgiving     Closed

12/26/31     Christmas observed (Friday)     Closed

1/2/32     New Year's Day observed (Friday)     Closed
"""


def test_an_american_pages_rows_are_month_first_and_their_bracketed_weekday_is_no_other_day() -> None:
    got = sorted((c.start, c.category) for c in extract(HOURS, datetime.fromisoformat("2031-11-20T09:00-05:00")))
    assert got == [("2031-11-27", "other"), ("2031-12-26", "other"), ("2032-01-02", "other")]


def test_a_british_page_reads_day_first_and_a_fraction_is_no_date() -> None:
    london = anchor_for(datetime.fromisoformat("2031-05-01T09:00+01:00"), "Europe/London")
    assert [t.resolved.first_day().isoformat() for t in find_times("results on 05/06/31", london)] == ["2031-06-05"]
    assert find_times("a ratio of 3/4/5 across the board", london) == []
    new_york = anchor_for(datetime.fromisoformat("2031-05-01T09:00-04:00"), "America/New_York")
    assert [t.resolved.first_day().isoformat() for t in find_times("results on 05/06/31", new_york)] == ["2031-05-06"]
