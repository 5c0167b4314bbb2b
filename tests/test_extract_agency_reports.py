"""An agency that "reports on" a release it publishes (issue 15, corpus 15 shape S59): "Tuesday: Commerce Department
reports on international trade for October, 8:30 a.m." is the trade release, not a company's earnings report.
The calendar is our own, written in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-12-14T06:00-05:00")  # a Sunday


def test_a_department_reporting_on_a_known_release_is_that_release() -> None:
    text = ("Economic reports\nTuesday: Commerce Department reports on international trade for October, 8:30 a.m.\n")
    assert [(c.start, c.category, c.release) for c in extract(text, PUBLISHED)] == [
        ("2031-12-16T08:30-05:00", "macro_data", "us-trade-balance")]


def test_a_company_reporting_results_stays_earnings() -> None:
    text = "Earnings this week\nTuesday: Acme Corp reports fourth-quarter results before the open.\n"
    assert [c.category for c in extract(text, PUBLISHED)] == ["earnings"]
