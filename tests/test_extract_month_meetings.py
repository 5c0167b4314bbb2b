"""A meeting named by its month (corpus 6, English, shape 8): "the central bank will hold rates at
its March meeting" is a meeting in March, not an undated item of the previewed week. The sentence is
our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract


def test_its_month_meeting_is_in_that_month() -> None:
    published = datetime.fromisoformat("2031-02-03T07:00-05:00")  # a Monday
    text = "Traders expect the Federal Reserve to hold rates steady at its March meeting."
    got = [(c.start, c.end, c.precision, c.category) for c in extract(text, published)]
    assert got == [("2031-03-01", "2031-03-31", "month", "central_bank")]


def test_the_minutes_of_a_month_meeting_are_not_in_that_month() -> None:
    published = datetime.fromisoformat("2031-05-09T12:00-04:00")
    text = "The Federal Reserve releases the minutes of its April meeting on Wednesday at 2 p.m. ET."
    got = [(c.start, c.category) for c in extract(text, published)]
    assert got == [("2031-05-14T14:00-04:00", "central_bank")]


def test_rates_at_a_month_meeting_are_a_central_bank_matter() -> None:
    published = datetime.fromisoformat("2031-02-03T07:00-05:00")
    for text in ("No shift in rates is expected at that March meeting.", "Traders see a rate cut at the March meeting."):
        got = [(c.start, c.precision, c.category) for c in extract(text, published)]
        assert got == [("2031-03-01", "month", "central_bank")], text
