"""What a figure covers is not when it comes out (issue 15, corpus 15 shape S52): "readings for labour productivity
and unit labour costs covering the fourth quarter", "net outflows over the second half". The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-03-05T17:00+00:00")  # a Wednesday


def periods(sentence: str) -> list[str]:
    return [c.precision for c in extract(f"Day ahead\n\n{sentence}\n", PUBLISHED)]


def test_a_quarter_a_reading_covers_is_no_event_of_that_quarter() -> None:
    assert periods("Data are due out on jobless claims, alongside readings for unit labour costs covering the fourth quarter.") == []


def test_a_half_year_a_figure_is_counted_over_is_no_event() -> None:
    assert periods("Earnings will come with net outflows of £4bn over the second half.") == []


def test_a_quarter_named_as_when_something_happens_stays_an_event() -> None:
    assert periods("Acme will launch the phone in the fourth quarter.") == ["quarter"]


def test_the_quarter_results_are_for_is_no_event() -> None:
    """Round 22 (corpus 19 English): "will announce its results for the fourth quarter of FY2031, on Friday, April 11"
    is one event on the 11th; the quarter is what the results cover. Our own text."""
    text = "Acme Services will announce its results for the fourth quarter of FY2031, on Friday, April 11 after trading hours."
    got = [(c.category, c.start, c.precision) for c in extract(text, datetime.fromisoformat("2031-04-01T09:00+05:30"))]
    assert got == [("earnings", "2031-04-11", "date")]


def test_a_release_for_a_month_is_released_on_its_row_day_not_during_that_month() -> None:
    """A statistics office's release calendar (round 25, corpus 21 English): "Employment Situation for May 2031" names
    the month measured; the release is on its row's day at its clock, and May is no event (nor is an IPO for August
    a measured month)."""
    text = ("Release calendar\n\nJune, 2031\n\nMonth View | List View\n\n\nDate\n\nTime\n\nRelease\n\n"
            "Friday, June 06, 2031\n\n08:30 AM\n\nEmployment Situation for May 2031\n\n"
            "Friday, June 13, 2031\n\n08:30 AM\n\nProducer Price Index for May 2031\n")
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-05-28T09:00-04:00"))]
    assert got == [("2031-06-06T08:30-04:00", "macro_data"), ("2031-06-13T08:30-04:00", "macro_data")]
    ipo = "Acme plans\n\nAcme Corp is preparing an IPO for August 2031, people familiar said.\n"
    assert [(c.start, c.category) for c in extract(ipo, datetime.fromisoformat("2031-05-28T09:00-04:00"))] == [("2031-08-01", "ipo")]
