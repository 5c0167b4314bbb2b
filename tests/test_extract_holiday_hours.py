"""An exchange's holiday-hours notice (corpus 6, English, shape 5): "Weekday Dth Month YYYY" headings
(longer than the short headings read before), each over "- Trading ceases at 12:30pm" or "- Trading
CLOSED" bullets; a heading whose year was not updated ("Monday 3rd January 2031" where the 3rd is a
Monday only in 2032) takes the year its weekday fits; closed days that follow each other are one
closure; a settlement date is an event of its own. The notice is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-11-20T12:00-05:00")

TEXT = """Futures market - holiday trading and clearing hours 2031/2032
Wednesday 24th December 2031
- Trading ceases at 12:30pm
- Clearing stops at 4:45pm
Thursday 25th December 2031
- Trading CLOSED
- Clearing CLOSED
Friday 26th December 2031
- Trading CLOSED
- Clearing CLOSED
Monday 29th December 2031
- Trading reopens at the start of the day session
Thursday 1st January 2031
- Trading CLOSED
- Clearing CLOSED
Expiry adjustments
- Settlement Date: 6th January 2032
"""


def test_each_closure_and_early_close_of_the_notice() -> None:
    got = sorted((c.start, c.end, c.precision, c.category) for c in extract(TEXT, PUBLISHED))
    assert got == [
        ("2031-12-24T12:30-05:00", None, "datetime", "other"),
        ("2031-12-25", "2031-12-26", "date", "other"),
        ("2032-01-01", "2032-01-01", "date", "other"),
        ("2032-01-06", "2032-01-06", "date", "other"),
    ]


def test_a_weekday_that_fits_its_date_keeps_the_year() -> None:
    got = [c.start for c in extract("Friday 2nd January 2032\n- Trading CLOSED\n", PUBLISHED)]
    assert got == ["2032-01-02"]


def test_the_market_or_session_closing_early_is_an_early_close() -> None:
    text = "Holiday trading hours\nWednesday 24th December 2031\n- Market closes at 2:10pm\n"
    got = [(c.start, c.precision, c.category) for c in extract(text, PUBLISHED)]
    assert got == [("2031-12-24T14:10-05:00", "datetime", "other")]


def test_a_notice_published_east_of_greenwich_reads_its_clocks_there() -> None:
    published = datetime.fromisoformat("2031-11-20T12:00+11:00")  # a Sydney notice
    got = [c.start for c in extract("Holiday trading hours\nWednesday 24th December 2031\n- Trading ceases at 12:30pm\n", published)]
    assert got == ["2031-12-24T12:30+11:00"]


def test_a_notice_from_sydney_dates_a_clock_after_daylight_saving_ends_at_sydneys_own_offset() -> None:
    published = datetime.fromisoformat("2031-11-20T12:00+11:00")  # summer time in Sydney
    got = [(c.start, c.timezone) for c in extract(
        "Holiday trading hours\nThursday 8th April 2032\n- Trading ceases at 12:30pm\n", published)]
    assert got == [("2032-04-08T12:30+10:00", "Australia/Sydney")]  # standard time again by April


def test_an_offset_no_listed_market_keeps_is_read_as_that_fixed_offset() -> None:
    published = datetime.fromisoformat("2031-11-20T12:00+04:00")
    got = [c.start for c in extract("Holiday trading hours\nWednesday 24th December 2031\n- Market closes at 2:10pm\n", published)]
    assert got == ["2031-12-24T14:10+04:00"]


def test_a_clock_on_a_year_less_day_takes_the_year_its_weekday_fits() -> None:
    # 3 July 2030 (a Wednesday) is nearer to a December 2030 notice than 3 July 2031, but the text says Thursday.
    published = datetime.fromisoformat("2030-12-20T08:00-05:00")
    got = [(c.start, c.precision) for c in extract("Markets close early at 1 p.m. ET on Thursday, July 3.", published)]
    assert got == [("2031-07-03T13:00-04:00", "datetime")]
