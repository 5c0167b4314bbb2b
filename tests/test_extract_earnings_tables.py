"""Earnings tables flattened into one line under weekday headings (issue 15, corpus 3 shape 14):
"MONDAY" / "Company Symbol Earnings estimate Alpha ALP $0.78 per share Beta BET $1.05 …". The
companies of one day's table are that day's earnings event. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.earningstables import earnings_tables

CALENDAR = """Earnings calendar: the banks and retailers to watch

Below are the notable quarterly reports expected by analysts.

MONDAY

Reports on the Slate

Company Symbol Earnings estimate Acorn Foods ACF $0.78 per share Bank of Birchwood BWB $1.05 Cedar Logistics CDL -$0.12

TUESDAY

More Reports on the Slate

Company Symbol Earnings estimate Driftwood Media DWM $0.41 per share Elmstone Retail ELR $3.02
"""


def test_each_weekday_table_is_one_earnings_event_of_its_companies() -> None:
    got = [(c.start, c.end, c.category, c.entities) for c in extract(CALENDAR, datetime.fromisoformat("2026-11-27T08:00-05:00"))]
    assert got == [
        ("2026-11-30", "2026-11-30", "earnings", ["Acorn Foods", "Bank of Birchwood", "Cedar Logistics"]),
        ("2026-12-01", "2026-12-01", "earnings", ["Driftwood Media", "Elmstone Retail"]),
    ]


def test_a_table_line_is_read_as_the_day_entry_with_tickers() -> None:
    text = "FRIDAY\nCompany Symbol Earnings estimate Acorn Foods ACF $0.78 per share Cedar Logistics CDL $2.10\n"
    assert earnings_tables(text) == "FRIDAY\nFriday: Acorn Foods (ACF), Cedar Logistics (CDL) report earnings\n"


def test_a_header_without_rows_is_left_alone() -> None:
    text = "MONDAY\nCompany Symbol Earnings estimate\n"
    assert earnings_tables(text) == text


def test_a_dated_weekday_heading_and_a_report_time_column_are_read() -> None:
    text = "Earnings to watch\n\nWednesday, Dec. 2\n\nCompany Ticker Time EPS Estimate Fernhill Devices FHD AMC $1.12 Granite Shipping GRS BMO -$0.05\n"
    [cand] = extract(text, datetime.fromisoformat("2026-11-27T08:00-05:00"))
    assert (cand.start, cand.end, cand.category, cand.entities) == (
        "2026-12-02",
        "2026-12-02",
        "earnings",
        ["Fernhill Devices", "Granite Shipping"],
    )


def test_a_spotlight_and_the_table_of_the_same_day_are_one_earnings_event() -> None:
    """Under TUESDAY, a spotlight on one company dated in its own sentence, then the table of the
    others: several companies reporting on one day are one event, named by all of them."""
    text = (
        "Earnings calendar: the banks and retailers to watch\n\nTUESDAY\n\nEarnings Spotlight: Harbor Pictures\n\n"
        "Harbor Pictures (HBP, $120.50) will report fiscal Q3 earnings after the Dec. 1 close.\n\n"
        "More Reports on the Slate\n\n"
        "Company Symbol Earnings estimate Driftwood Media DWM $0.41 per share Elmstone Retail ELR $3.02\n"
    )
    [cand] = extract(text, datetime.fromisoformat("2026-11-27T08:00-05:00"))
    assert (cand.start, cand.end, cand.category) == ("2026-12-01", "2026-12-01", "earnings")
    assert {"Harbor Pictures", "Driftwood Media", "Elmstone Retail"} <= set(cand.entities)
