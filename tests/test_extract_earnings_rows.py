"""Dated rows of company names under an earnings heading, with no verb ("Tuesday 7 March 2028: Acme
Mining, Bluegum Foods, Coral Bank"): each row is that day's earnings of its companies. A row of prose,
or rows far from any earnings heading, are left alone. All texts are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.earningsrows import earnings_rows

PAGE = """Reporting calendar

Major upcoming earnings reports

Monday 6 March 2028: Acme Mining

Tuesday 7 March 2028: Bluegum Foods, Coral Bank, Dingo Energy
"""


def test_each_dated_row_is_that_days_earnings() -> None:
    got = extract(PAGE, datetime.fromisoformat("2028-03-01T09:00:00+11:00"))
    assert [(c.start, c.category) for c in got if c.precision == "date"] == [
        ("2028-03-06", "earnings"), ("2028-03-07", "earnings")]
    assert "Bluegum Foods" in next(c for c in got if c.start == "2028-03-07").entities


def test_a_row_of_prose_is_left_alone() -> None:
    text = "Major upcoming earnings reports\n\nMonday 6 March 2028: the market is expected to stay quiet\n"
    assert earnings_rows(text) == text


def test_rows_without_an_earnings_heading_are_left_alone() -> None:
    text = "Public holidays\n\nMonday 6 March 2028: Labour Day\n"
    assert earnings_rows(text) == text
