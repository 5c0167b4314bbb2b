"""A data calendar table flattened into one line, its zone declared once in the header ("TIME (ET)"):
each "Weekday HHMM" opens a day, each four-digit clock a row, one release per row at its clock in the
header's zone; a row's reference week ("Claims Oct 30") is no event day; a row naming no release at
the clock of the row before is part of that release. And a press conference chained to a decision by
"followed by … at <clock>" or "one hour later". All texts are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.flatrows import flat_table_rows

TABLE = (
    "Forecasts for next week's data from our survey of economists.\n\n"
    "DATE TIME (ET) RELEASE PERIOD FORECAST PRIOR Tuesday 0945 Widget PMI Mar 51.2 (4) 50.9 1000 "
    "Construction Spending Feb +0.3% (8) +0.1% Thursday 0830 Jobless Claims Mar 20 240K (6) 238K 0830 "
    "Nonfarm Payrolls Mar +180K (12) +150K 0830 Avg. Hourly Wages M/M Mar +0.3% (9) +0.2% 1500 Consumer "
    "Credit Feb +$12.0B (5) +$10.1B *Flash reading\n"
)


def test_the_flattened_table_becomes_clock_rows_in_the_headers_zone() -> None:
    rows = flat_table_rows(TABLE).split("\n")
    assert "Tuesday schedule:" in rows and "09:45 ET, Widget PMI" in rows
    assert "08:30 ET, Jobless Claims" in rows and not any("Wages" in r for r in rows)


def test_each_row_is_one_release_at_its_clock_and_the_reference_week_is_no_day() -> None:
    got = extract("Data week ahead\n\n" + TABLE, datetime.fromisoformat("2027-03-26T08:00:00-04:00"))
    assert [(c.start, c.category) for c in got if c.precision == "datetime"] == [
        ("2027-03-30T09:45-04:00", "macro_data"),
        ("2027-03-30T10:00-04:00", "macro_data"),
        ("2027-04-01T08:30-04:00", "macro_data"),
        ("2027-04-01T08:30-04:00", "macro_data"),
        ("2027-04-01T15:00-04:00", "macro_data"),
    ]
    assert not any(c.start.startswith("2027-03-20") for c in got)


def test_a_line_without_a_zone_header_is_left_alone() -> None:
    line = "Sales rose on Tuesday 0945 Widget PMI Mar 51.2 and 1000 Builders Index 44 then 1100 Foo Bar 3"
    assert flat_table_rows(line) == line


def test_a_press_conference_followed_at_its_own_clock() -> None:
    text = ("Rates week\n\nOn Wednesday the Fed's rate call lands at 2 p.m. ET, followed by a press "
            "conference from the chair at 2:30 p.m. ET.\n")
    got = extract(text, datetime.fromisoformat("2027-03-26T08:00:00-04:00"))
    assert [(c.start, c.category) for c in got] == [("2027-03-31T14:00-04:00", "central_bank"),
                                                     ("2027-03-31T14:30-04:00", "central_bank")]


def test_a_media_conference_one_hour_later() -> None:
    text = "Rates week\n\nThe Fed decision is due Wednesday at 2 p.m. ET, and the chair's media conference one hour later.\n"
    got = extract(text, datetime.fromisoformat("2027-03-26T08:00:00-04:00"))
    assert [c.start for c in got] == ["2027-03-31T14:00-04:00", "2027-03-31T15:00-04:00"]
