"""An earnings calendar page flattened to lines (issue 15, corpus 12 English): day headings without a year
("Mon, Jul 14"), each followed by a count of companies reporting. Each day is one results event; a count line
that follows no heading, or a page that is not about earnings, dates nothing. The pages are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PAGE = """Markets/Earnings This Week
Next 14 days

Earnings This Week

52 companies reporting across global exchanges

Mon, Jul 14

1 company
COMPANYEPS EST.EPS ACT.
RURIRuritania Mills Inc.
TBD

Tue, Jul 15

28 companies

Wed, Jul 16

23 companies
"""

JULY = datetime.fromisoformat("2031-07-13T06:00-04:00")  # a Sunday; 14 July 2031 is a Monday


def test_each_heading_with_a_count_is_a_day_of_results() -> None:
    got = [(c.start, c.category, c.title) for c in extract(PAGE, JULY) if c.precision == "date"]
    assert got == [
        ("2031-07-14", "earnings", "Earnings from 1 company"),
        ("2031-07-15", "earnings", "Earnings from 28 companies"),
        ("2031-07-16", "earnings", "Earnings from 23 companies"),
    ]


def test_a_page_not_about_results_is_left_alone() -> None:
    page = PAGE.replace("Markets/Earnings This Week", "Harbour Events").replace("Earnings This Week", "Visitors")
    assert [c for c in extract(page, JULY) if c.category == "earnings"] == []


ROWS = """Home · Earnings calendar

Upcoming earnings

This calendar shows the major companies reporting in the coming days, with the estimated EPS.

Tuesday, July 15

Lantern MillsLNMAfter the close$3.22
Harbour FoodsHBFAfter the close$0.13

Wednesday, July 16

Acme & SonsACMBefore the open$4.44

What corporate earnings are

Corporate earnings are the accounts every listed company publishes once a quarter.
"""


def test_a_days_results_rows_with_their_cells_run_together_are_one_day_of_results() -> None:
    got = [(c.start, c.category, c.title) for c in extract(ROWS, JULY)]
    assert got == [
        ("2031-07-15", "earnings", "Lantern Mills and Harbour Foods earnings"),
        ("2031-07-16", "earnings", "Acme & Sons earnings"),
    ]
