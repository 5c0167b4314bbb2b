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
