"""A data calendar table flattened one row a line, its zone on a line of its own under the header
(corpus 5, English, 3 labels): every row is an event on the last weekday named, at its four-digit clock
in the header's zone, and productivity with unit labour costs at one clock is one release. The table is
our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-03-03T08:00-05:00")  # a Monday


def test_rows_under_a_zone_line_keep_their_day_and_clock() -> None:
    text = (
        "Forecasts compiled from a survey of economists.\n"
        "DATE TIME RELEASE PERIOD CONSENSUS PREVIOUS\n"
        "(ET)\n"
        "Tuesday 0830 Jobless Claims Feb 28 210K (12) 205K\n"
        "0830 Productivity (Rev) 4Q +1.1% (10) +0.9%\n"
        "0830 Unit Labor Costs (Rev) 4Q +2.0% (9) +1.8%\n"
        "Thursday 1500 Consumer Credit Jan +$15.0B (8) +$12.1B\n"
        "(Bracketed numbers count the forecasters polled.)\n"
    )
    got = sorted((c.category, c.start, c.precision) for c in extract(text, PUBLISHED))
    assert got == [
        ("macro_data", "2031-03-04T08:30-05:00", "datetime"),
        ("macro_data", "2031-03-04T08:30-05:00", "datetime"),
        ("macro_data", "2031-03-06T15:00-05:00", "datetime"),
    ]
